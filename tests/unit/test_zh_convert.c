/* Simplified <-> Traditional conversion: what holds with either engine
 * (OpenCC or the built-in character table), and what only OpenCC does. */
#include <stdlib.h>

#include "earnest/earnest.h"
#include "harness.h"

static void expect_conv(const char *in, ea_lang to, unsigned flags, const char *want) {
    th_sink s = {0};
    ea_status st = ea_zh_convert(in, strlen(in), to, flags, th_put, &s, NULL);
    CHECK_MSG(st == EA_OK && s.n == strlen(want) && (!s.n || !memcmp(s.buf, want, s.n)), "%s -> %s, want %s", in,
              s.buf ? s.buf : "", want);
    free(s.buf);
}

int main(void) {
    const char *engine = ea_zh_convert_engine();
    CHECK(!strcmp(engine, "opencc") || !strcmp(engine, "builtin"));
    printf("engine: %s\n", engine);

    /* either engine */
    expect_conv("营收增长", EA_LANG_ZH_HANT, 0, "營收增長");
    expect_conv("營收增長", EA_LANG_ZH_HANS, 0, "营收增长");
    expect_conv("AOI的营收为4,070万美元。", EA_LANG_ZH_HANT, 0, "AOI的營收為4,070萬美元。");
    expect_conv("AOI的營收為4,070萬美元。", EA_LANG_ZH_HANS, 0, "AOI的营收为4,070万美元。");
    expect_conv("plain ASCII, untouched\n", EA_LANG_ZH_HANT, 0, "plain ASCII, untouched\n");
    expect_conv("我们", EA_LANG_ZH_HANT, EA_ZH_TAIWAN, "我們");
    expect_conv("", EA_LANG_ZH_HANT, 0, "");
    expect_conv("營收", EA_LANG_ZH_HANT, 0, "營收"); /* already Traditional */

    /* what only words can get right */
    if (!strcmp(engine, "opencc")) {
        expect_conv("头发", EA_LANG_ZH_HANT, 0, "頭髮");
        expect_conv("发展", EA_LANG_ZH_HANT, 0, "發展");
        expect_conv("软件", EA_LANG_ZH_HANT, EA_ZH_TAIWAN, "軟體");
        expect_conv("軟體", EA_LANG_ZH_HANS, EA_ZH_TAIWAN, "软件");
    } else {
        th_skip++;
    }

    /* NUL bytes pass through */
    {
        th_sink s = {0};
        CHECK(ea_zh_convert("营\0收", 7, EA_LANG_ZH_HANT, 0, th_put, &s, NULL) == EA_OK);
        CHECK(s.n == 7 && !memcmp(s.buf, "營\0收", 7));
        free(s.buf);
    }
    /* errors */
    {
        ea_error err;
        th_sink s = {0};
        memset(&err, 0, sizeof err);
        CHECK(ea_zh_convert("ab\xE8\x90", 4, EA_LANG_ZH_HANT, 0, th_put, &s, &err) == EA_ERR_ENCODING && err.offset == 2);
        CHECK(ea_zh_convert("ab", 2, EA_LANG_EN, 0, th_put, &s, &err) == EA_ERR_USAGE);
        CHECK(ea_zh_convert(NULL, 2, EA_LANG_ZH_HANT, 0, th_put, &s, &err) == EA_ERR_USAGE);
        CHECK(ea_zh_convert("ab", 2, EA_LANG_ZH_HANT, 0, NULL, &s, &err) == EA_ERR_USAGE);
        th_sink refuse = {0};
        refuse.max = 1; /* refuses the first write */
        CHECK(ea_zh_convert("营收", 6, EA_LANG_ZH_HANT, 0, th_put, &refuse, &err) == EA_ERR_IO);
        free(s.buf);
        free(refuse.buf);
    }
    /* long input, with and without line ends, converts in pieces the same */
    for (int lines = 0; lines < 2; lines++) {
        const char *unit = lines ? "营收为万\n" : "营收为万";
        const char *want = lines ? "營收為萬\n" : "營收為萬";
        size_t k = strlen(unit), reps = 100000;
        char *big = malloc(k * reps + 1);
        for (size_t i = 0; i < reps; i++) memcpy(big + i * k, unit, k);
        th_sink s = {0};
        CHECK(ea_zh_convert(big, k * reps, EA_LANG_ZH_HANT, 0, th_put, &s, NULL) == EA_OK);
        int same = s.n == k * reps;
        for (size_t i = 0; same && i < reps; i++) same = !memcmp(s.buf + i * k, want, k);
        CHECK_MSG(same, "long input (lines %d): %zu bytes out", lines, s.n);
        free(s.buf);
        free(big);
    }
    return th_done();
}
