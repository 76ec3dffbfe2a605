/* Chinese word segmentation (src/util/zh_words.c): with ICU, words come
 * from its dictionary; the sentences are from our own fixture,
 * tests/fixtures/zh_optical_call.txt. Skips (77) when built without ICU,
 * after checking what the fallback promises (one word per character). */
#include <stdint.h>

#include "harness.h"
#include "util/zh_words.h"

/* The byte offset of the first `needle` in `hay`, or SIZE_MAX. */
static size_t at_of(const char *hay, const char *needle) {
    const char *h = strstr(hay, needle);
    return h ? (size_t)(h - hay) : SIZE_MAX;
}

/* Does `text` segment with a word exactly equal to `word`? */
static int has_word(const char *text, const char *word) {
    ea_zh_words it;
    ea_zh_word w;
    int found = 0;
    ea_zh_words_open(&it, text, strlen(text));
    while (ea_zh_words_next(&it, &w))
        if (w.end - w.start == strlen(word) && !memcmp(text + w.start, word, w.end - w.start) && w.is_word) found = 1;
    ea_zh_words_close(&it);
    return found;
}

/* The segments cover the span in order, without gaps, each non-empty and
 * at character boundaries. */
static int covers(const char *text, size_t n) {
    ea_zh_words it;
    ea_zh_word w;
    size_t pos = 0, count = 0;
    int ok = 1;
    ea_zh_words_open(&it, text, n);
    while (ea_zh_words_next(&it, &w)) {
        if (w.start != pos || w.end <= w.start || w.end > n) ok = 0;
        if (w.end < n && ((unsigned char)text[w.end] & 0xC0) == 0x80) ok = 0;
        pos = w.end;
        if (++count > n) {
            ok = 0;
            break;
        }
    }
    ea_zh_words_close(&it);
    return ok && pos == n;
}

/* A line of the fixture that contains `key`, into buf. */
static int fixture_line(const char *data, const char *key, char *buf, size_t cap) {
    const char *h = strstr(data, key);
    if (!h) return 0;
    const char *a = h, *b = h;
    while (a > data && a[-1] != '\n') a--;
    while (*b && *b != '\n') b++;
    if ((size_t)(b - a) >= cap) return 0;
    memcpy(buf, a, (size_t)(b - a));
    buf[b - a] = 0;
    return 1;
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    size_t len;
    char *data = th_read_repo(root, "tests/fixtures/zh_optical_call.txt", &len);
    if (!data) return th_done();
    char line[1024];
    CHECK(fixture_line(data, "中际旭创的光模块需求", line, sizeof line));
    /* the sentence itself: "今年以来中际旭创的光模块需求很强，..." after the speaker */
    const char *s = strstr(line, "今年以来");
    CHECK(s != NULL);
    if (!s) return th_done();
    size_t n = strlen(s);

    /* what every engine promises */
    CHECK(covers(s, n));
    CHECK(covers(data, len));
    CHECK(covers("", 0));
    CHECK(ea_zh_word_starts(s, n, 0) && ea_zh_word_starts(s, n, n));
    CHECK(!ea_zh_word_starts(s, n, 1)); /* inside a character */
    size_t comma = at_of(s, "，");
    CHECK(ea_zh_word_starts(s, n, comma) && ea_zh_word_starts(s, n, comma + 3));
    {
        ea_zh_words it;
        ea_zh_word w;
        ea_zh_words_open(&it, NULL, 0);
        CHECK(!ea_zh_words_next(&it, &w));
        ea_zh_words_close(&it);
        ea_zh_words_close(&it); /* twice: nothing */
        ea_zh_words_close(NULL);
    }
    const char *mixed = "800G光模块 demand, 需求";
    CHECK(covers(mixed, strlen(mixed)));
    CHECK(has_word(mixed, "demand"));

    if (strcmp(ea_zh_words_engine(), "icu") != 0) {
        /* characters: a word starts at every one, and nothing is cut */
        CHECK(ea_zh_word_starts(s, n, at_of(s, "求")));
        CHECK(!ea_zh_cuts_words(s, n, at_of(s, "旭"), at_of(s, "的")));
        free(data);
        printf("engine %s: ", ea_zh_words_engine());
        int rc = th_done();
        return rc ? rc : 77;
    }

    /* ICU: dictionary words are whole, names and words start on boundaries */
    CHECK(has_word(s, "需求"));
    CHECK(has_word(s, "今年"));
    size_t xq = at_of(s, "需求"), zj = at_of(s, "中际旭创"), gm = at_of(s, "光模块");
    CHECK(ea_zh_word_starts(s, n, xq) && !ea_zh_word_starts(s, n, xq + 3) && ea_zh_word_starts(s, n, xq + 6));
    CHECK(ea_zh_word_starts(s, n, zj) && ea_zh_word_starts(s, n, zj + 12)); /* 中际旭创 | 的 */
    CHECK(ea_zh_word_starts(s, n, gm) && ea_zh_word_starts(s, n, gm + 9));   /* 的 | 光模块 | 需求 */
    /* the name is not cut from its neighbours */
    CHECK(!ea_zh_cuts_words(s, n, zj, zj + 12));
    CHECK(!ea_zh_cuts_words(s, n, xq, xq + 6));

    /* chance meetings: a match that cuts a word at both ends */
    char l2[1024];
    CHECK(fixture_line(data, "轻微软化", l2, sizeof l2));
    size_t n2 = strlen(l2);
    size_t ms = at_of(l2, "微软"), mm = at_of(l2, "美满"), yw = at_of(l2, "英伟达");
    CHECK(ea_zh_cuts_words(l2, n2, ms, ms + 6));  /* 轻微|软化: not Microsoft */
    CHECK(ea_zh_cuts_words(l2, n2, mm, mm + 6));  /* 完美|满足: not Marvell */
    CHECK(!ea_zh_cuts_words(l2, n2, yw, yw + 9)); /* 英伟达|到: one end only */
    CHECK(fixture_line(data, "兑现金额", l2, sizeof l2));
    n2 = strlen(l2);
    size_t xj = at_of(l2, "现金"), ys = at_of(l2, "营收");
    CHECK(ea_zh_cuts_words(l2, n2, xj, xj + 6)); /* 兑现|金额: not cash */
    CHECK(ea_zh_cuts_words(l2, n2, ys, ys + 6)); /* 经营|收益: not revenue */
    CHECK(fixture_line(data, "泰国产能", l2, sizeof l2));
    n2 = strlen(l2);
    size_t cn = at_of(l2, "产能");
    CHECK(!ea_zh_cuts_words(l2, n2, cn, cn + 6)); /* 泰国|产能, however the dictionary reads it */

    /* a long run of ideographs with no break: pieces, bounded, complete */
    size_t big = ((size_t)1 << 20) + 4096 * 3 + 7;
    char *run = malloc(big + 1);
    CHECK(run != NULL);
    if (run) {
        size_t k = 0;
        while (k + 6 <= big) {
            memcpy(run + k, "需求", 6);
            k += 6;
        }
        while (k < big) run[k++] = ' ';
        run[k] = 0;
        CHECK(covers(run, big));
        free(run);
    }
    free(data);
    return th_done();
}
