/* No recognisable structure: paragraphs are runs of non-blank lines, or
 * single lines when the text has no blank lines at all. */
#include "parsers.h"

void ea_sniff_plain(const char *text, size_t len, ea_sniff *out) {
    (void)text;
    (void)len;
    out->score = 10;
    snprintf(out->why, sizeof out->why, "fallback for any text");
}

int ea_parse_plain(ea_call *c, size_t start) {
    const char *t = c->text + start;
    size_t n = c->text_len - start;
    int has_blank = 0;
    ea_lines it;
    ea_lines_init(&it, t, n);
    size_t s, e;
    while (ea_lines_next(&it, &s, &e))
        if (ea_trim(ea_str_make(t + s, e - s)).len == 0) {
            has_blank = 1;
            break;
        }
    ea_lines_init(&it, t, n);
    while (ea_lines_next(&it, &s, &e)) {
        ea_str l = ea_trim(ea_str_make(t + s, e - s));
        if (!l.len) {
            if (c->para_open) ea_b_para_end(c);
            continue;
        }
        if (has_blank) {
            if (ea_b_para_add(c, start + s, start + e)) return -1;
        } else if (ea_b_para(c, start + s, start + e) == -1) {
            return -1;
        }
    }
    return 0;
}
