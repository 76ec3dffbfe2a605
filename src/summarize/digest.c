/* The digest: header, key figures, guidance, themed minutes, Q&A digest
 * and tone. (Being built: for now the key figures as bullets.) */
#include <string.h>

#include "earnest/earnest.h"
#include "summarize_int.h"

void ea_digest_options_init(ea_digest_options *opt) {
    memset(opt, 0, sizeof *opt);
    opt->format = EA_DIGEST_TEXT;
    opt->lang = EA_LANG_EN;
}

ea_status ea_digest_write(const ea_call *c, const ea_facts *fs, const ea_digest_options *opt, ea_write_fn write,
                          void *ctx) {
    if (!c || !fs || !write) return EA_ERR_USAGE;
    (void)opt;
    return ea_digest_write_bullets(c, fs, EA_BULLETS_CITE, write, ctx);
}
