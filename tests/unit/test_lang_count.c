/* Language evidence (ea_lang_count): every character of
 * data/zh_variants.txt counts for its script through the generated
 * bitmaps, characters outside the table count for neither, and the
 * three-byte fast path decodes as ea_utf8_next does; so does the
 * three-byte fast path of ea_utf8_valid_prefix. */
#include <stdint.h>

#include "harness.h"
#include "util/text.h"

/* ea_utf8_valid_prefix as it reads without its fast paths: one
 * ea_utf8_next a character, U+FFFD only when written as such. */
static size_t valid_prefix_ref(const unsigned char *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k = ea_utf8_next(p + i, p + n, &cp);
        if (cp == 0xFFFD && !(k == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD)) return i;
        i += (size_t)k;
    }
    return n;
}

static ea_lang_counts count(const char *s, size_t n) {
    ea_lang_counts c = {0, 0, 0, 0};
    ea_lang_count(s, n, n, &c);
    return c;
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    size_t len;
    char *data = th_read_repo(root, "data/zh_variants.txt", &len);
    if (!data) return th_done();

    /* the two sides of the table, as code points */
    static uint8_t simp[0x10000], trad[0x10000];
    size_t pairs = 0;
    ea_lines it;
    ea_lines_init(&it, data, len);
    size_t s, e;
    while (ea_lines_next(&it, &s, &e)) {
        const unsigned char *p = (const unsigned char *)data + s, *end = (const unsigned char *)data + e;
        if (p == end || *p == '#') continue;
        uint32_t a, b;
        p += ea_utf8_next(p, end, &a);
        while (p < end && *p == ' ') p++;
        if (p == end) continue;
        ea_utf8_next(p, end, &b);
        if (a > 0xFFFF || b > 0xFFFF) continue;
        simp[a] = trad[b] = 1;
        pairs++;
    }
    CHECK(pairs > 400);

    /* every ideograph of the BMP, one at a time */
    size_t bad = 0, n_simp = 0, n_trad = 0;
    for (uint32_t cp = 0x3000; cp <= 0xFFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        char buf[4];
        size_t k = ea_utf8_put(buf, cp);
        ea_lang_counts c = count(buf, k);
        int cjk = ea_is_cjk(cp);
        unsigned want_s = cjk && simp[cp], want_t = cjk && !simp[cp] && trad[cp];
        n_simp += want_s;
        n_trad += want_t;
        if (c.cjk != (unsigned)cjk || c.simp != want_s || c.trad != want_t || c.latin != 0) {
            if (bad++ < 5)
                fprintf(stderr, "U+%04X: cjk %u simp %u trad %u, expected %d %u %u\n", (unsigned)cp, c.cjk, c.simp,
                        c.trad, cjk, want_s, want_t);
        }
    }
    CHECK_MSG(bad == 0, "%zu code points counted wrong", bad);
    CHECK(n_simp > 400 && n_trad > 400);

    /* mixed text; a cut or broken sequence is no ideograph */
    static const char mix[] = "AOI 应用光电 們 ok";
    ea_lang_counts c = count(mix, sizeof mix - 1);
    CHECK(c.latin == 5 && c.cjk == 5 && c.simp >= 1 && c.trad == 1);
    c = count("\xe4\xb8", 2); /* 丁 cut short */
    CHECK(c.cjk == 0);
    c = count("\xe4\x41\x41", 3); /* not a continuation */
    CHECK(c.cjk == 0 && c.latin == 2);
    c = count("\xf0\xa0\x80\x80", 4); /* U+20000, four bytes */
    CHECK(c.cjk == 1 && c.simp == 0 && c.trad == 0);

    /* ea_utf8_valid_prefix reads a three-byte character in one step: the
       same answers as ea_utf8_next for every lead E0..EF and every two
       bytes after it, whole, cut short, or after an ASCII byte */
    size_t wrong = 0;
    for (unsigned a = 0xE0; a <= 0xEF; a++)
        for (unsigned b = 0; b < 256; b++)
            for (unsigned d = 0; d < 256; d++) {
                const unsigned char buf[5] = {'x', (unsigned char)a, (unsigned char)b, (unsigned char)d, 'y'};
                for (size_t from = 0; from < 2; from++)
                    for (size_t n = 1; from + n <= 5; n++)
                        if (ea_utf8_valid_prefix(buf + from, n) != valid_prefix_ref(buf + from, n) && wrong++ < 5)
                            fprintf(stderr, "valid prefix of %02X %02X %02X (from %zu, %zu bytes) differs\n", a, b, d,
                                    from, n);
            }
    CHECK_MSG(wrong == 0, "%zu three-byte sequences validated wrong", wrong);

    free(data);
    return th_done();
}
