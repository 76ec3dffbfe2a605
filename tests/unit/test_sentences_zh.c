/* Sentence splitting in Chinese text: 。！？； end a sentence anywhere, and
 * so do their ASCII forms ! ? ; next to a Chinese character and . before
 * one; decimal points, abbreviations and English semicolons do not. Checked
 * through ea_call_sentences (spans exact) and through the facts' sentence
 * spans, which use the same splitter. */
#include <stdint.h>

#include "earnest/earnest.h"
#include "harness.h"
#include "model/call_int.h"

static int str_is(ea_str s, const char *lit) { return s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0; }

/* The sentences of `text` (one paragraph, plain layout) must be `want`,
 * NULL-terminated. */
static void expect_split(const char *text, const char *const *want, int line) {
    ea_parse_options o;
    ea_parse_options_init(&o);
    o.layout = EA_LAYOUT_PLAIN;
    ea_call *c = NULL;
    ea_status st = ea_call_parse(text, strlen(text), &o, &c, NULL);
    CHECK_MSG(st == EA_OK && c, "line %d: parse failed", line);
    if (!c) return;
    size_t nw = 0;
    while (want[nw]) nw++;
    size_t n = 0, tlen;
    const char *t = ea_call_text(c, &tlen);
    const ea_sentence *s = ea_call_sentences(c, &n);
    CHECK_MSG(n == nw, "line %d: %zu sentences, expected %zu", line, n, nw);
    for (size_t i = 0; i < n; i++) {
        if (i < nw)
            CHECK_MSG(str_is(s[i].text, want[i]), "line %d: sentence %zu is '%.*s', expected '%s'", line, i,
                      (int)s[i].text.len, s[i].text.ptr, want[i]);
        /* one contiguous paragraph: the span holds exactly the text */
        CHECK(s[i].span.end <= tlen && s[i].span.end - s[i].span.start == s[i].text.len &&
              memcmp(t + s[i].span.start, s[i].text.ptr, s[i].text.len) == 0);
    }
    ea_call_free(c);
}

#define SPLIT(text, ...)                                        \
    do {                                                        \
        static const char *const w_[] = {__VA_ARGS__, NULL};    \
        expect_split(text, w_, __LINE__);                       \
    } while (0)

static void full_width(void) {
    SPLIT("营收增长15%。毛利率为30%！净利润呢？下降了5%；现金流为正。", "营收增长15%。", "毛利率为30%！",
          "净利润呢？", "下降了5%；", "现金流为正。");
    /* Traditional, no final mark */
    SPLIT("營收成長15%。毛利率為30%！淨利潤下降", "營收成長15%。", "毛利率為30%！", "淨利潤下降");
    /* with spaces after the marks */
    SPLIT("第一句。 第二句！  第三句？", "第一句。", "第二句！", "第三句？");
    /* closing quotes and brackets stay with their sentence; ？！ is one end */
    SPLIT("他说：“增长了。”下季度呢？！好的。", "他说：“增长了。”", "下季度呢？！", "好的。");
    SPLIT("问：「会涨价吗？」答：会。（附表见后。）下一项", "问：「会涨价吗？」", "答：会。",
          "（附表见后。）", "下一项");
}

static void ascii_marks(void) {
    /* no space after the mark: the next character is Chinese */
    SPLIT("营收增长15%!毛利率为30%?净利润下降5%;现金流为正.", "营收增长15%!", "毛利率为30%?", "净利润下降5%;",
          "现金流为正.");
    /* after a Chinese character, with a space or at the end */
    SPLIT("这是真的吗? 是的! 我们确认; 谢谢.", "这是真的吗?", "是的!", "我们确认;", "谢谢.");
    SPLIT("收入为4,070万美元.下季度会更好.", "收入为4,070万美元.", "下季度会更好.");
    SPLIT("同比增长15%.谢谢", "同比增长15%.", "谢谢");
    /* an English word before the mark, Chinese after */
    SPLIT("主要客户是NVIDIA!其次是Google;还有Microsoft?对", "主要客户是NVIDIA!", "其次是Google;",
          "还有Microsoft?", "对");
    /* repeated marks and a closing quote belong to the sentence */
    SPLIT("真的吗?!是的\"!\"好", "真的吗?!", "是的\"!\"", "好");
    /* Traditional */
    SPLIT("營收為12億元!毛利率為31.5%;", "營收為12億元!", "毛利率為31.5%;");
}

static void not_ends(void) {
    /* decimal points, product names, full-width digits */
    SPLIT("公司推出1.6T和800G产品，增长５.５%，单价3.5美元。", "公司推出1.6T和800G产品，增长５.５%，单价3.5美元。");
    /* abbreviations before Chinese */
    SPLIT("AOI的U.S.工厂和Inc.公司都在扩产。", "AOI的U.S.工厂和Inc.公司都在扩产。");
    /* English: ';' never ends a sentence; "!" and "?" need a space */
    SPLIT("Revenue grew; margins fell. Next one.", "Revenue grew; margins fell.", "Next one.");
    SPLIT("Ratios 1;2;3 and a;b held. Yes?No! Done", "Ratios 1;2;3 and a;b held.", "Yes?No!", "Done");
    /* English and Chinese in one paragraph */
    SPLIT("Revenue was $40.7 million. 营收为4,070万美元!毛利率18.9%", "Revenue was $40.7 million.",
          "营收为4,070万美元!", "毛利率18.9%");
}

/* The facts' sentence spans come from the same splitter. */
static void facts_sentences(void) {
    static const char doc[] = "主持人：欢迎参加本次业绩交流会。\n"
                              "王磊（公司，首席财务官）：本季度营收为12亿元!毛利率为31.5%;净利润为2亿元,同比增长15%.谢谢.\n";
    ea_call *c = NULL;
    ea_facts *fs = NULL;
    CHECK(ea_call_parse(doc, sizeof doc - 1, NULL, &c, NULL) == EA_OK);
    CHECK(c && ea_facts_extract(c, &fs, NULL) == EA_OK);
    if (!fs) {
        ea_call_free(c);
        return;
    }
    static const struct {
        double v;
        const char *sentence;
    } want[] = {{1.2e9, "本季度营收为12亿元!"}, {31.5, "毛利率为31.5%;"}, {2e8, "净利润为2亿元,同比增长15%."}};
    size_t tlen;
    const char *t = ea_call_text(c, &tlen);
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        int found = 0;
        for (size_t i = 0; i < ea_facts_count(fs); i++) {
            const ea_fact *f = ea_facts_get(fs, i);
            if (!f->has_value || f->is_range || f->value != want[k].v) continue;
            found = 1;
            ea_str s = ea_str_make(t + f->sentence.start, f->sentence.end - f->sentence.start);
            s = ea_trim(s);
            CHECK_MSG(str_is(s, want[k].sentence), "value %g: sentence '%.*s', expected '%s'", want[k].v,
                      (int)s.len, s.ptr, want[k].sentence);
        }
        CHECK_MSG(found, "no fact with value %g", want[k].v);
    }
    ea_facts_free(fs);
    ea_call_free(c);
}

/* Linear: long runs of marks that end nothing, and of marks that end
 * every sentence, in a few MB. */
static void long_runs(void) {
    size_t n = (size_t)4 << 20;
    char *b = malloc(n);
    if (!b) return;
    /* "1;" over and over: English, no sentence end at all */
    for (size_t i = 0; i < n; i += 2) memcpy(b + i, "1;", 2);
    CHECK(ea_sentence_end(b, n, 0) == n);
    /* "字;" (4 bytes) over and over: every ';' ends a sentence */
    size_t m = n / 4 * 4, count = 0;
    for (size_t i = 0; i < m; i += 4) memcpy(b + i, "\xe5\xad\x97;", 4);
    for (size_t at = 0; at < m; count++) {
        size_t e = ea_sentence_end(b, m, at);
        if (e <= at) break;
        at = e;
    }
    CHECK_MSG(count == m / 4, "%zu sentences, expected %zu", count, m / 4);
    /* "。" followed by a long run of closers: one sentence */
    memcpy(b, "\xe3\x80\x82", 3);
    for (size_t i = 3; i + 3 <= m; i += 3) memcpy(b + i, "\xe2\x80\x9d", 3); /* ” */
    size_t last = 3 + (m - 3) / 3 * 3;
    CHECK(ea_sentence_end(b, last, 0) == last);
    free(b);
}

int main(void) {
    full_width();
    ascii_marks();
    not_ends();
    facts_sentences();
    long_runs();
    return th_done();
}
