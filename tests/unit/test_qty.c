/* The quantity scanner: values, scales, units, ranges, signs, and the
 * numbers that are not values. */
#include <math.h>
#include <time.h>

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

static int count_cb(void *ctx, const ea_qty *q) {
    (void)ctx;
    (void)q;
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
    expect_value("about 1 pp lower", 1, EA_U_PP, NULL, EA_Q_APPROX);
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
    expect_range("in a range of 2.8 billion and $2.81 billion", 2.8e9, 2.81e9, EA_U_CUR);
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

    /* ---- Chinese number forms ---- */
    /* numerals */
    expect_value("营收一亿二千万元", 1.2e8, EA_U_CUR, "CNY", EA_Q_ZH | EA_Q_SCALED);
    expect_value("三千五百万美元", 3.5e7, EA_U_CUR, "USD", EA_Q_ZH | EA_Q_SCALED);
    expect_value("两百亿", 2e10, EA_U_NONE, NULL, EA_Q_ZH | EA_Q_SCALED);
    expect_value("十二亿", 1.2e9, EA_U_NONE, NULL, EA_Q_ZH | EA_Q_SCALED);
    expect_value("一点五亿元", 1.5e8, EA_U_CUR, "CNY", EA_Q_ZH);
    expect_value("一万五", 15000, EA_U_NONE, NULL, EA_Q_ZH);
    expect_value("两千五百万", 2.5e7, EA_U_NONE, NULL, EA_Q_ZH);
    expect_value("一千零五万", 1.005e7, EA_U_NONE, NULL, EA_Q_ZH);
    expect_value("一万亿", 1e12, EA_U_NONE, NULL, EA_Q_ZH);
    expect_value("一亿二", 1.2e8, EA_U_NONE, NULL, EA_Q_ZH);
    expect_value("营收一億兩千萬元", 1.2e8, EA_U_CUR, "CNY", EA_Q_ZH); /* Traditional */
    expect_value("兩百億美元", 2e10, EA_U_CUR, "USD", EA_Q_ZH);
    expect_value("百亿美元", 1e10, EA_U_CUR, "USD", EA_Q_ZH);
    expect_value("三千万港元", 3e7, EA_U_CUR, "HKD", EA_Q_ZH);
    expect_value("三千萬港幣", 3e7, EA_U_CUR, "HKD", EA_Q_ZH);
    expect_value("五十亿新台币", 5e9, EA_U_CUR, "TWD", EA_Q_ZH);
    expect_value("五十億新台幣", 5e9, EA_U_CUR, "TWD", EA_Q_ZH);
    expect_value("人民币三千万元", 3e7, EA_U_CUR, "CNY", EA_Q_ZH);
    /* digits with Chinese scales and currencies */
    expect_value("1.2万亿", 1.2e12, EA_U_NONE, NULL, EA_Q_ZH | EA_Q_SCALED);
    expect_value("12亿", 1.2e9, EA_U_NONE, NULL, EA_Q_ZH);
    expect_value("人民币1.6亿元", 1.6e8, EA_U_CUR, "CNY", EA_Q_ZH);
    expect_value("人民币 1.6 亿", 1.6e8, EA_U_CUR, "CNY", EA_Q_ZH);
    expect_value("1亿2000万", 1.2e8, EA_U_NONE, NULL, EA_Q_ZH);
    expect_value("1亿两千万元", 1.2e8, EA_U_CUR, "CNY", EA_Q_ZH);
    expect_value("3千万美元", 3e7, EA_U_CUR, "USD", EA_Q_ZH);
    expect_value("800万港元", 8e6, EA_U_CUR, "HKD", 0);
    expect_value("营收12億新台幣", 1.2e9, EA_U_CUR, "TWD", 0);
    /* full-width digits */
    expect_value("营收为４，０７０万美元", 4.07e7, EA_U_CUR, "USD", EA_Q_ZH);
    expect_value("收入１．６亿元", 1.6e8, EA_U_CUR, "CNY", EA_Q_ZH);
    expect_value("毛利率３０％", 30, EA_U_PCT, NULL, 0);
    expect_value("毛利率３０．５%", 30.5, EA_U_PCT, NULL, 0);
    /* percents, tenths, points */
    expect_value("占三成", 30, EA_U_PCT, NULL, EA_Q_TENTHS | EA_Q_ZH);
    expect_value("约两成五", 25, EA_U_PCT, NULL, EA_Q_TENTHS | EA_Q_APPROX);
    expect_value("增长3成", 30, EA_U_PCT, NULL, EA_Q_TENTHS);
    expect_value("百分之三十", 30, EA_U_PCT, NULL, EA_Q_ZH);
    expect_value("百分之三十五点五", 35.5, EA_U_PCT, NULL, EA_Q_ZH);
    expect_value("百分之30", 30, EA_U_PCT, NULL, EA_Q_ZH);
    expect_value("百分之百", 100, EA_U_PCT, NULL, EA_Q_ZH);
    expect_value("下降三个百分点", 3, EA_U_PP, NULL, EA_Q_ZH);
    expect_value("提升两個百分點", 2, EA_U_PP, NULL, EA_Q_ZH);
    expect_value("提升1.5个百分点", 1.5, EA_U_PP, NULL, 0);
    expect_value("三点五个百分点", 3.5, EA_U_PP, NULL, EA_Q_ZH);
    expect_value("提升2百分点", 2, EA_U_PP, NULL, 0);
    /* approximations and bounds */
    expect_value("约3亿元", 3e8, EA_U_CUR, "CNY", EA_Q_APPROX);
    expect_value("約3億元", 3e8, EA_U_CUR, "CNY", EA_Q_APPROX);
    expect_value("大约五千万美元", 5e7, EA_U_CUR, "USD", EA_Q_APPROX);
    expect_value("大約五千萬美元", 5e7, EA_U_CUR, "USD", EA_Q_APPROX);
    expect_value("营收约为4,070万美元", 4.07e7, EA_U_CUR, "USD", EA_Q_APPROX);
    expect_value("超过1,000万美元", 1e7, EA_U_CUR, "USD", EA_Q_APPROX | EA_Q_MORE);
    expect_value("超過一千萬美元", 1e7, EA_U_CUR, "USD", EA_Q_APPROX | EA_Q_MORE);
    expect_value("不超过5%", 5, EA_U_PCT, NULL, EA_Q_APPROX | EA_Q_LESS);
    expect_value("近30%", 30, EA_U_PCT, NULL, EA_Q_APPROX);
    expect_value("接近两成", 20, EA_U_PCT, NULL, EA_Q_APPROX);
    expect_value("30%左右", 30, EA_U_PCT, NULL, EA_Q_APPROX);
    expect_value("三千万美元左右", 3e7, EA_U_CUR, "USD", EA_Q_APPROX);
    expect_value("逾十亿元", 1e9, EA_U_CUR, "CNY", EA_Q_APPROX | EA_Q_MORE);
    expect_value("十多亿元", 1e9, EA_U_CUR, "CNY", EA_Q_APPROX | EA_Q_MORE);
    expect_value("三千多万美元", 3e7, EA_U_CUR, "USD", EA_Q_APPROX | EA_Q_MORE);
    expect_value("一亿多元", 1e8, EA_U_CUR, "CNY", EA_Q_APPROX | EA_Q_MORE);
    expect_value("1,000多万元", 1e7, EA_U_CUR, "CNY", EA_Q_APPROX | EA_Q_MORE);
    expect_value("30余亿元", 3e9, EA_U_CUR, "CNY", EA_Q_APPROX | EA_Q_MORE);
    expect_value("10%以上", 10, EA_U_PCT, NULL, EA_Q_APPROX | EA_Q_MORE);
    /* losses */
    expect_value("亏损3,000万元", -3e7, EA_U_CUR, "CNY", EA_Q_NEG);
    expect_value("虧損三千萬元", -3e7, EA_U_CUR, "CNY", EA_Q_NEG);
    expect_value("利润率为负3%", -3, EA_U_PCT, NULL, EA_Q_NEG);
    /* ranges */
    expect_range("两千五百万到三千万美元", 2.5e7, 3e7, EA_U_CUR);
    expect_range("两到三成", 20, 30, EA_U_PCT);
    expect_range("3,000万至五千万元", 3e7, 5e7, EA_U_CUR);
    expect_range("实现两位数增长", 10, 99, EA_U_PCT);
    expect_range("双位数的增长", 10, 99, EA_U_PCT);
    expect_range("雙位數成長", 10, 99, EA_U_PCT);
    expect_range("兩位數增長", 10, 99, EA_U_PCT);
    expect_range("高个位数增长", 7, 9, EA_U_PCT);
    expect_range("中個位數", 4, 6, EA_U_PCT);
    expect_range("低双位数", 10, 13, EA_U_PCT);
    expect_range("double-digit growth", 10, 99, EA_U_PCT);
    {
        got_t g = scan("实现两位数增长");
        CHECK(g.n == 1 && (g.q[0].flags & (EA_Q_APPROX | EA_Q_WORDS)) == (EA_Q_APPROX | EA_Q_WORDS));
    }
    /* spans and stated forms */
    {
        const char *s = "营收约一亿二千万元，同比增长三成";
        got_t g = scan(s);
        CHECK(g.n == 2);
        CHECK(g.n >= 1 && !strncmp(s + g.q[0].start, "约一亿二千万元", g.q[0].end - g.q[0].start) &&
              g.q[0].end - g.q[0].start == strlen("约一亿二千万元"));
        CHECK(g.n >= 1 && close_to(g.q[0].stated, 1.2) && close_to(g.q[0].scale, 1e8));
        CHECK(g.n >= 2 && !strncmp(s + g.q[1].start, "三成", 6) && g.q[1].end - g.q[1].start == 6);
        CHECK(g.n >= 2 && close_to(g.q[1].stated, 3) && close_to(g.q[1].value, 30));
    }

    /* traps: names, periods, words that are not numbers */
    expect_no_value("800G和1.6T光模块");
    expect_no_value("3.2T、400G以及5G");
    expect_no_value("五G网络");
    expect_no_value("2024年第一季度");
    expect_no_value("二〇二四年");
    expect_no_value("２０２４年");
    expect_no_value("一季度和四季度");
    expect_no_value("第3季度");
    expect_no_value("１季度");
    expect_no_value("2025财年");
    expect_no_value("一些客户");
    expect_no_value("我们一直在努力");
    expect_no_value("千万不要这样");
    expect_no_value("千方百计");
    expect_no_value("三个月");
    expect_no_value("三年");
    expect_no_value("十四五规划");
    expect_no_value("三星和一家客户");
    expect_no_value("第一，我们");
    expect_no_value("成本下降");
    expect_no_value("三成本");        /* 成本: cost, not tenths */
    expect_no_value("数十亿元的市场");  /* vague */
    expect_no_value("十几亿");
    expect_no_value("增长了一倍");    /* doubled: a change in words, as "doubling" */
    expect_no_value("有一点担心");
    expect_no_value("下午三点开会");
    expect_no_value("万一出现问题");
    {
        /* the Chinese comma after ASCII digits is no thousands separator */
        got_t g = scan("增长12，345家门店");
        CHECK(g.n >= 1 && close_to(g.q[0].value, 12) && g.q[0].end == strlen("增长12"));
    }

    /* linear time: long runs of numeral characters and half-forms */
    {
        static const char *const units[] = {"一", "十", "百分之", "两成", "一点", "亿", "多", "１", "，", "第一"};
        size_t cap = (size_t)1 << 21;
        char *big = malloc(cap + 16);
        for (size_t u = 0; big && u < sizeof units / sizeof units[0]; u++) {
            size_t n = 0, k = strlen(units[u]);
            while (n + k <= cap) {
                memcpy(big + n, units[u], k);
                n += k;
            }
            clock_t t0 = clock();
            size_t found = ea_qty_scan(big, n, count_cb, NULL);
            double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
            CHECK_MSG(secs < 15.0, "%s x %zu: %.2fs (%zu found)", units[u], n / k, secs, found);
        }
        free(big);
    }

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
