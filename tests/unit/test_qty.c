/* The quantity scanner: values, scales, units, ranges, signs, and the
 * numbers that are not values. */
#include <math.h>

#include "extract/qty.h"
#include "harness.h"

typedef struct {
    ea_qty q[16];
    int n;
} got_t;

static int collect(void *ctx, const ea_qty *q) {
    got_t *g = ctx;
    if (g->n < 16) g->q[g->n++] = *q;
    return 0;
}

static got_t scan(const char *s) {
    got_t g;
    memset(&g, 0, sizeof g);
    ea_qty_scan(s, strlen(s), collect, &g);
    return g;
}

static int close_to(double a, double b) { return fabs(a - b) <= 1e-9 * (fabs(a) + fabs(b) + 1); }

/* The first value quantity (not NOTVALUE). */
static const ea_qty *first_value(const got_t *g) {
    for (int i = 0; i < g->n; i++)
        if (!(g->q[i].flags & EA_Q_NOTVALUE)) return &g->q[i];
    return NULL;
}

static void expect_value(const char *s, double v, ea_unit_kind unit, const char *cur, unsigned flags) {
    got_t g = scan(s);
    const ea_qty *q = first_value(&g);
    CHECK_MSG(q != NULL, "%s: no value", s);
    if (!q) return;
    CHECK_MSG(close_to(q->value, v), "%s: value %.10g, expected %.10g", s, q->value, v);
    CHECK_MSG(q->unit == unit, "%s: unit %d, expected %d", s, q->unit, unit);
    if (cur) CHECK_MSG(!strcmp(q->cur, cur), "%s: currency %s, expected %s", s, q->cur, cur);
    CHECK_MSG((q->flags & flags) == flags, "%s: flags %#x lack %#x", s, q->flags, flags);
}

static void expect_range(const char *s, double lo, double hi, ea_unit_kind unit) {
    got_t g = scan(s);
    const ea_qty *q = first_value(&g);
    CHECK_MSG(q && (q->flags & EA_Q_RANGE), "%s: no range", s);
    if (!q || !(q->flags & EA_Q_RANGE)) return;
    CHECK_MSG(close_to(q->low, lo) && close_to(q->high, hi), "%s: range %.10g..%.10g, expected %.10g..%.10g", s,
              q->low, q->high, lo, hi);
    CHECK_MSG(q->unit == unit, "%s: unit %d", s, q->unit);
}

static void expect_no_value(const char *s) {
    got_t g = scan(s);
    const ea_qty *q = first_value(&g);
    CHECK_MSG(q == NULL, "%s: read a value %.10g from '%.*s'", s, q ? q->value : 0,
              q ? (int)(q->end - q->start) : 0, q ? s + q->start : "");
}

int main(void) {
    expect_value("revenue of $40.7 million", 40.7e6, EA_U_CUR, "USD", EA_Q_SCALED);
    expect_value("$1.2B in bookings", 1.2e9, EA_U_CUR, "USD", EA_Q_SCALED);
    expect_value("gross margin of 18.9%", 18.9, EA_U_PCT, NULL, 0);
    expect_value("up 42 percent", 42, EA_U_PCT, NULL, 0);
    expect_value("$0.31 per share", 0.31, EA_U_CUR, "USD", EA_Q_PER_SHARE);
    expect_value("a loss of $(0.31) per diluted share", -0.31, EA_U_CUR, "USD", EA_Q_PER_SHARE | EA_Q_NEG);
    expect_value("EPS of ($0.31)", -0.31, EA_U_CUR, "USD", EA_Q_NEG);
    expect_value("twelve million dollars", 12e6, EA_U_CUR, "USD", EA_Q_WORDS);
    expect_value("approximately 39.2 million shares", 39.2e6, EA_U_NONE, NULL, EA_Q_APPROX | EA_Q_SHARES);
    expect_value("expanded 340 basis points", 340, EA_U_BPS, NULL, 0);
    expect_value("about 3.5 percentage points", 3.5, EA_U_PP, NULL, EA_Q_APPROX);
    expect_value("\xE2\x82\xAC" "25.3 million", 25.3e6, EA_U_CUR, "EUR", 0);
    expect_value("\xC2\xA3" "4 billion", 4e9, EA_U_CUR, "GBP", 0);
    expect_value("RMB 1.6 billion", 1.6e9, EA_U_CUR, "CNY", 0);
    expect_value("NT$12.5 billion", 12.5e9, EA_U_CUR, "TWD", 0);
    expect_value("\xC2\xA5" "336.5 billion", 336.5e9, EA_U_CUR, "JPY", 0);
    expect_value("more than $300 million", 300e6, EA_U_CUR, "USD", EA_Q_APPROX | EA_Q_MORE);
    expect_value("nearly 1,234,567 units", 1234567, EA_U_NONE, NULL, EA_Q_APPROX);
    expect_value("book-to-bill of 1.2x", 1.2, EA_U_TIMES, NULL, 0);
    expect_value("营收为4,070万美元", 4.07e7, EA_U_CUR, "USD", EA_Q_ZH);
    expect_value("收入1.6亿元", 1.6e8, EA_U_CUR, "CNY", EA_Q_ZH);
    expect_value("營收12億", 1.2e9, EA_U_NONE, NULL, EA_Q_ZH);
    expect_value("同比下降 23%", 23, EA_U_PCT, NULL, 0);
    expect_value("毛利率约30%左右", 30, EA_U_PCT, NULL, EA_Q_APPROX);
    expect_value("提升2个百分点", 2, EA_U_PP, NULL, 0);

    expect_range("between $41.5 million and $46.5 million", 41.5e6, 46.5e6, EA_U_CUR);
    expect_range("$1.82 billion to $1.83 billion", 1.82e9, 1.83e9, EA_U_CUR);
    expect_range("in the range of 25.5% to 27.5%", 25.5, 27.5, EA_U_PCT);
    expect_range("$41 million to $46 million", 41e6, 46e6, EA_U_CUR);
    expect_range("$3.00 to $3.25 per diluted share", 3.0, 3.25, EA_U_CUR);
    expect_range("a loss of $0.28 to a loss of $0.33 per share", -0.33, -0.28, EA_U_CUR);
    expect_range("21% to 23%", 21, 23, EA_U_PCT);
    expect_range("$690-$705 million", 690e6, 705e6, EA_U_CUR);
    expect_range("mid-single digits", 4, 6, EA_U_PCT);
    expect_range("4,100万至4,600万美元", 4.1e7, 4.6e7, EA_U_CUR);
    {
        got_t g = scan("a loss of $0.28 to a loss of $0.33 per share");
        CHECK(g.n >= 1 && (g.q[0].flags & EA_Q_PER_SHARE));
    }

    expect_no_value("our 400G and 800G transceivers");
    expect_no_value("1.6T modules");
    expect_no_value("DOCSIS 4.0 and DOCSIS 3.1 equipment");
    expect_no_value("a 5G network");
    expect_no_value("on Form 10-K and 10-Q");
    expect_no_value("in 2024 and 2025");
    expect_no_value("on May 16 we will attend");
    expect_no_value("at 9:00 a.m. Eastern");
    expect_no_value("call 1-800-555-0199");
    expect_no_value("our top 10 customers");
    expect_no_value("see slide 7");
    expect_no_value("a 1.8 gigahertz chip");
    expect_no_value("a 1.6 terabit link");
    expect_no_value("in Q1 and 2Q");
    expect_no_value("the 2nd time");
    expect_no_value("COVID-19 impact");
    expect_no_value("three customers");

    /* spans: the phrase includes currency and scale */
    {
        const char *s = "revenue of $40.7 million, up 23%";
        got_t g = scan(s);
        CHECK(g.n == 2);
        CHECK(g.n >= 1 && g.q[0].start == 11 && g.q[0].end == 24);
        CHECK(g.n >= 2 && !strncmp(s + g.q[1].start, "23%", 3));
    }
    return th_done();
}
