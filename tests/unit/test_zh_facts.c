/* Chinese facts on our own fixture, tests/fixtures/zh_optical_call.txt:
 *   - 同比 (year over year) and 环比 / 季減 (sequential) each go to their
 *     own side of one fact ("870万美元，同比下降69%，环比下降30%");
 *   - a percent bound that picks out customers (超过10%的客户) is a
 *     threshold, not a figure;
 *   - the name before a metric is its segment (数据中心收入 -> 数据中心,
 *     資料中心營收 -> 資料中心), unless it is a company's;
 *   - with ICU (src/util/zh_words.c), a short metric phrase or company name
 *     that cuts words at both ends is not one (兑现|金额 is not cash, 轻微|
 *     软化 is not Microsoft); one cut end is not enough (英伟达|到). */
#include "facts_check.h"
#include "util/zh_words.h"

typedef struct {
    const char *text;
    const char *ids[32];
    int n;
} seen_t;

static int on_mention(void *ctx, const ea_mention *m) {
    seen_t *s = ctx;
    if (s->n < 32) s->ids[s->n++] = m->entity->id.ptr;
    return 0;
}

/* The ids of the entities named in a C string, in order, into *s. */
static void mentions(const char *text, seen_t *s) {
    s->text = text;
    s->n = 0;
    ea_entities_find(ea_entities_default(), text, strlen(text), on_mention, s);
}

static int seen(const seen_t *s, const char *id) {
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->ids[i], id)) return 1;
    return 0;
}

/* The facts of paragraph `para` (1-based). */
static size_t in_para(const ea_facts *fs, uint32_t para, const ea_fact **out, size_t cap) {
    size_t n = 0;
    for (size_t i = 0; i < ea_facts_count(fs); i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        if (f->para + 1 == para && n < cap) out[n++] = f;
    }
    return n;
}

int main(int argc, char **argv) {
    char *data;
    ea_call *c;
    ea_facts *fs = th_repo_facts(argc, argv, "tests/fixtures/zh_optical_call.txt", &data, &c);
    if (!fs) return th_done();
    const ea_fact *p[16];

    /* [3] 数据中心收入870万美元，同比下降69%，环比下降30%: one fact */
    size_t n = in_para(fs, 3, p, 16);
    CHECK_MSG(n == 1, "[3] %zu facts", n);
    if (n >= 1) {
        CHECK(fc_str(p[0]->metric, "revenue") && fc_eq(p[0]->value, 8.7e6));
        CHECK(p[0]->has_yoy && fc_eq(p[0]->yoy_pct, -69));
        CHECK(p[0]->has_qoq && fc_eq(p[0]->qoq_pct, -30));
        CHECK(fc_str(p[0]->segment, "数据中心"));
        CHECK(fc_str(p[0]->period, "2024Q1"));
    }
    /* [4] 数据中心业务收入为1.2亿元，同比增长42% */
    n = in_para(fs, 4, p, 16);
    CHECK(n == 1 && fc_eq(p[0]->value, 1.2e8) && fc_str(p[0]->segment, "数据中心") && p[0]->has_yoy &&
          fc_eq(p[0]->yoy_pct, 42) && !p[0]->has_qoq);
    /* [5] 有线电视营收为800万美元，季減12%。資料中心營收為1,510萬美元，年增35%。 */
    n = in_para(fs, 5, p, 16);
    CHECK_MSG(n == 2, "[5] %zu facts", n);
    if (n == 2) {
        CHECK(fc_eq(p[0]->value, 8e6) && fc_str(p[0]->segment, "有线电视") && p[0]->has_qoq &&
              fc_eq(p[0]->qoq_pct, -12) && !p[0]->has_yoy);
        CHECK(fc_eq(p[1]->value, 15.1e6) && fc_str(p[1]->segment, "資料中心") && p[1]->has_yoy &&
              fc_eq(p[1]->yoy_pct, 35) && !p[1]->has_qoq);
    }
    /* [6] 两个超过10%的客户, 增长超过10%的客户: thresholds */
    CHECK(in_para(fs, 6, p, 16) == 0);
    NEVER(10);
    /* [7] 中际旭创营收: the company's, not a segment */
    n = in_para(fs, 7, p, 16);
    CHECK(n == 1 && fc_eq(p[0]->value, 3e9) && p[0]->segment.len == 0 && fc_str(p[0]->company, "Innolight"));
    /* [10] 泰国产能: capacity in Thailand, whatever the dictionary makes of 泰国产 */
    n = in_para(fs, 10, p, 16);
    CHECK(n == 1 && fc_str(p[0]->metric, "capacity") && fc_str(p[0]->segment, "泰国"));

    /* the same in Traditional, and on their own */
    {
        static const char call[] = "主持人：謝謝。\n"
                                   "財務長：第一季資料中心營收為2,900萬美元，年增42%，環比下降35%。\n"
                                   "財務長：我們有兩個超過10%的客戶，以及10%以上的客戶。\n"
                                   "財務長：北美雲計算資料中心營收為1,200萬美元。\n";
        ea_call *c2 = NULL;
        ea_facts *f2 = NULL;
        CHECK(ea_call_parse(call, sizeof call - 1, NULL, &c2, NULL) == EA_OK);
        CHECK(c2 && ea_facts_extract(c2, &f2, NULL) == EA_OK);
        if (f2) {
            size_t k = 0;
            for (size_t i = 0; i < ea_facts_count(f2); i++) {
                const ea_fact *f = ea_facts_get(f2, i);
                if (fc_eq(f->value, 12e6)) {
                    /* six characters at most, from a word's start, ending at the metric */
                    CHECK_MSG(f->segment.len >= 12 && f->segment.len <= 18 &&
                                  !memcmp(f->segment.ptr + f->segment.len - 12, "資料中心", 12),
                              "segment %.*s", (int)f->segment.len, f->segment.ptr);
                    continue;
                }
                k++;
                CHECK_MSG(fc_eq(f->value, 29e6) && fc_str(f->segment, "資料中心") && f->has_yoy &&
                              fc_eq(f->yoy_pct, 42) && f->has_qoq && fc_eq(f->qoq_pct, -35),
                          "fact %zu: %.*s %g", i, (int)f->metric.len, f->metric.ptr, f->value);
            }
            CHECK(k == 1);
        }
        ea_facts_free(f2);
        ea_call_free(c2);
    }

    int icu = !strcmp(ea_zh_words_engine(), "icu");
    /* [9] 兑现|金额 is not cash, 经营|收益 not revenue (with a dictionary) */
    n = in_para(fs, 9, p, 16);
    CHECK(n == 2);
    for (size_t i = 0; i < n && icu; i++)
        CHECK_MSG(fc_str(p[i]->metric, "other"), "[9] %.*s %g", (int)p[i]->metric.len, p[i]->metric.ptr,
                  p[i]->value);

    /* companies */
    seen_t s;
    mentions("海外需求出现轻微软化，但新产品可以完美满足客户需求，英伟达到2025年仍将加大投入。", &s);
    CHECK(seen(&s, "nvidia"));
    if (icu) CHECK_MSG(s.n == 1, "%d mentions", s.n); /* not microsoft (轻微|软化), not marvell (完美|满足) */
    mentions("旭创新推出的1.6T产品进展顺利，微软和谷歌都在加大投入。", &s);
    CHECK(s.n >= 4 && !strcmp(s.ids[0], "innolight") && seen(&s, "microsoft") && seen(&s, "google") &&
          seen(&s, "1.6t"));
    mentions("请问新易盛和天孚通信的份额怎么看？中际旭创的光模块需求很强。", &s);
    CHECK(s.n == 3 && !strcmp(s.ids[0], "eoptolink") && !strcmp(s.ids[1], "tfc") && !strcmp(s.ids[2], "innolight"));
    mentions("最高意见和提高意识", &s); /* 最高|意见, 提高|意识: 高意 (Coherent) cuts both words */
    if (icu) CHECK(s.n == 0);
    mentions("高意的产能", &s);
    CHECK(s.n == 1 && !strcmp(s.ids[0], "coherent"));

    ea_facts_free(fs);
    ea_call_free(c);
    free(data);
    printf("engine %s: ", ea_zh_words_engine());
    return th_done();
}
