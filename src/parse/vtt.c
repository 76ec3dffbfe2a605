/* TODO(layout vtt): placeholder until the parser lands. */
#include "parsers.h"

void ea_sniff_vtt(const char *text, size_t len, ea_sniff *out) {
    (void)text;
    (void)len;
    out->score = 0;
}

int ea_parse_vtt(ea_call *c, size_t start) {
    return ea_b_fail(c, EA_ERR_SYNTAX, "layout vtt: not implemented yet", start);
}

void ea_sniff_srt(const char *text, size_t len, ea_sniff *out) {
    (void)text;
    (void)len;
    out->score = 0;
}

int ea_parse_srt(ea_call *c, size_t start) {
    return ea_b_fail(c, EA_ERR_SYNTAX, "layout srt: not implemented yet", start);
}
