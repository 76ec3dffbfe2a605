/* The digest: build it once, render it in the format asked for. */
#include <string.h>

#include "digest_int.h"
#include "earnest/earnest.h"
#include "extract/entities_int.h"

void ea_digest_options_init(ea_digest_options *opt) {
    memset(opt, 0, sizeof *opt);
    opt->format = EA_DIGEST_TEXT;
    opt->lang = EA_LANG_EN;
}

ea_status ea_digest_write(const ea_call *c, const ea_facts *fs, const ea_digest_options *opt, ea_write_fn write,
                          void *ctx) {
    if (!c || !fs || !write) return EA_ERR_USAGE;
    ea_digest_options d;
    if (!opt) {
        ea_digest_options_init(&d);
        opt = &d;
    }
    if (opt->format > EA_DIGEST_JSON) return EA_ERR_USAGE;
    dg_t dg;
    /* the companies' names: the caller's packs while building */
    const ea_entities *prev = ea_entities_use(opt->entities);
    int built = ea_dg_build(&dg, c, fs, opt->lang, opt->flags);
    ea_entities_use(prev);
    if (built) return EA_ERR_NOMEM;
    ea_status st;
    switch (opt->format) {
    case EA_DIGEST_MD: st = ea_dg_write_text(&dg, write, ctx, 1); break;
    case EA_DIGEST_HTML: st = ea_dg_write_html(&dg, write, ctx); break;
    case EA_DIGEST_JSON: st = ea_dg_write_json(&dg, write, ctx, (opt->flags & EA_DIGEST_NDJSON) != 0); break;
    default: st = ea_dg_write_text(&dg, write, ctx, 0); break;
    }
    ea_dg_free(&dg);
    return st;
}
