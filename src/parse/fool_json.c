/* TODO(layout fool_json): placeholder until the parser lands. */
#include "parsers.h"

void ea_sniff_fool_json(const char *text, size_t len, ea_sniff *out) {
    (void)text;
    (void)len;
    out->score = 0;
}

int ea_parse_fool_json(ea_call *c, size_t start) {
    return ea_b_fail(c, EA_ERR_SYNTAX, "layout fool_json: not implemented yet", start);
}
