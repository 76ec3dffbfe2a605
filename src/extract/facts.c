/* Facts: every number that matters, with its metric, period, kind, basis,
 * segment, changes and source. One pass per sentence over three kinds of
 * events found by table-driven scanners (quantities, metric phrases, cue
 * words), then a small set of attachment rules. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon.h"
#include "extract/qty.h"
#include "facts_int.h"
#include "model/call_int.h"
#include "util/zh_words.h"

/* ---- cue words ---------------------------------------------------------- */

typedef enum {
    CUE_UP = 1,
    CUE_DOWN,
    CUE_YOY,
    CUE_QOQ,
    CUE_GUIDE,
    CUE_TARGET,
    CUE_BELOW,
    CUE_ABOVE,
    CUE_WITHIN,
    CUE_COMPARE,
    CUE_BASIS,
    CUE_BREAK,
    CUE_PERIOD, /* handled by the period scanner; placeholder */
    CUE_PRIOR,  /* "prior year", "a year ago": the comparison's period */
    CUE_OTHER_CO,
    CUE_INERT   /* words that only stop a shorter cue inside them matching:
                   "from continuing operations" is no comparison */
} cue_t;

typedef struct {
    const char *w;
    cue_t cue;
    const char *arg; /* basis id for CUE_BASIS; "+" / "-" for a direction implied */
} cue_word;

/* Matched at word starts, case-insensitively; longest first within the
 * same first letter is ensured by listing longer phrases first. */
static const cue_word cue_words[] = {
    {"year over year", CUE_YOY, 0}, {"year-over-year", CUE_YOY, 0}, {"year on year", CUE_YOY, 0},
    {"year-on-year", CUE_YOY, 0}, {"yoy", CUE_YOY, 0}, {"y/y", CUE_YOY, 0},
    {"from continuing operations", CUE_INERT, 0}, {"from discontinued operations", CUE_INERT, 0},
    {"from operations", CUE_INERT, 0},
    {"from a year ago", CUE_YOY, 0}, {"from the year-ago", CUE_YOY, 0}, {"from the prior year", CUE_YOY, 0},
    {"from last year", CUE_YOY, 0}, {"versus last year", CUE_YOY, 0}, {"versus the prior year", CUE_YOY, 0},
    {"versus the prior-year", CUE_YOY, 0}, {"versus a year ago", CUE_YOY, 0}, {"vs. last year", CUE_YOY, 0},
    {"compared to last year", CUE_YOY, 0}, {"compared with last year", CUE_YOY, 0},
    {"compared to the prior year", CUE_YOY, 0}, {"compared with the prior year", CUE_YOY, 0},
    {"compared to a year ago", CUE_YOY, 0}, {"compared with a year ago", CUE_YOY, 0},
    {"over the prior year", CUE_YOY, 0}, {"over last year", CUE_YOY, 0}, {"from the same period", CUE_YOY, 0},
    {"over the same period", CUE_YOY, 0}, {"versus the same period", CUE_YOY, 0}, {"year-over-year", CUE_YOY, 0},
    {"同比", CUE_YOY, 0}, {"年增", CUE_YOY, "+"}, {"年減", CUE_YOY, "-"}, {"年减", CUE_YOY, "-"}, {"较去年同期", CUE_YOY, 0}, {"較去年同期", CUE_YOY, 0},
    {"sequentially", CUE_QOQ, 0}, {"sequential", CUE_QOQ, 0}, {"quarter over quarter", CUE_QOQ, 0},
    {"quarter-over-quarter", CUE_QOQ, 0}, {"quarter on quarter", CUE_QOQ, 0}, {"qoq", CUE_QOQ, 0},
    {"q/q", CUE_QOQ, 0}, {"from the prior quarter", CUE_QOQ, 0}, {"from the previous quarter", CUE_QOQ, 0},
    {"from last quarter", CUE_QOQ, 0}, {"versus the prior quarter", CUE_QOQ, 0}, {"versus last quarter", CUE_QOQ, 0},
    {"compared to the prior quarter", CUE_QOQ, 0}, {"compared with the prior quarter", CUE_QOQ, 0},
    {"环比", CUE_QOQ, 0}, {"環比", CUE_QOQ, 0}, {"季增", CUE_QOQ, "+"}, {"季減", CUE_QOQ, "-"}, {"季减", CUE_QOQ, "-"}, {"較上季", CUE_QOQ, 0},
    {"较上季", CUE_QOQ, 0},
    {"increased", CUE_UP, 0}, {"increase", CUE_UP, 0}, {"increases", CUE_UP, 0}, {"increasing", CUE_UP, 0},
    {"up", CUE_UP, 0}, {"grew", CUE_UP, 0}, {"grow", CUE_UP, 0}, {"growth", CUE_UP, 0}, {"growing", CUE_UP, 0},
    {"rose", CUE_UP, 0}, {"rise", CUE_UP, 0}, {"higher", CUE_UP, 0}, {"improved", CUE_UP, 0},
    {"improvement", CUE_UP, 0}, {"expanded", CUE_UP, 0}, {"expansion", CUE_UP, 0}, {"gain", CUE_UP, 0},
    {"gained", CUE_UP, 0}, {"jumped", CUE_UP, 0}, {"climbed", CUE_UP, 0}, {"surged", CUE_UP, 0},
    {"advanced", CUE_UP, 0}, {"raised", CUE_UP, 0}, {"more than doubled", CUE_UP, 0},
    {"增长", CUE_UP, 0}, {"增長", CUE_UP, 0}, {"成长", CUE_UP, 0}, {"成長", CUE_UP, 0}, {"上升", CUE_UP, 0},
    {"提升", CUE_UP, 0}, {"提高", CUE_UP, 0}, {"增加", CUE_UP, 0}, {"上涨", CUE_UP, 0}, {"成長", CUE_UP, 0},
    {"decreased", CUE_DOWN, 0}, {"decrease", CUE_DOWN, 0}, {"decreases", CUE_DOWN, 0}, {"declined", CUE_DOWN, 0},
    {"decline", CUE_DOWN, 0}, {"declines", CUE_DOWN, 0}, {"declining", CUE_DOWN, 0}, {"down", CUE_DOWN, 0},
    {"fell", CUE_DOWN, 0}, {"fall", CUE_DOWN, 0}, {"lower", CUE_DOWN, 0}, {"dropped", CUE_DOWN, 0},
    {"drop", CUE_DOWN, 0}, {"contracted", CUE_DOWN, 0}, {"contraction", CUE_DOWN, 0}, {"reduced", CUE_DOWN, 0},
    {"reduction", CUE_DOWN, 0}, {"shrank", CUE_DOWN, 0}, {"slipped", CUE_DOWN, 0}, {"compressed", CUE_DOWN, 0},
    {"compression", CUE_DOWN, 0}, {"deteriorated", CUE_DOWN, 0},
    {"下降", CUE_DOWN, 0}, {"下滑", CUE_DOWN, 0}, {"减少", CUE_DOWN, 0}, {"減少", CUE_DOWN, 0}, {"降低", CUE_DOWN, 0},
    {"下跌", CUE_DOWN, 0}, {"衰退", CUE_DOWN, 0},
    {"guidance", CUE_GUIDE, "n"}, {"guided", CUE_GUIDE, "n"}, {"guide", CUE_GUIDE, "n"}, {"guiding", CUE_GUIDE, 0},
    {"outlook", CUE_GUIDE, "n"}, {"forecast", CUE_GUIDE, 0}, {"forecasts", CUE_GUIDE, 0}, {"forecasting", CUE_GUIDE, 0}, {"expect", CUE_GUIDE, 0},
    {"expects", CUE_GUIDE, 0}, {"expected", CUE_GUIDE, 0}, {"expecting", CUE_GUIDE, 0}, {"anticipate", CUE_GUIDE, 0}, {"anticipating", CUE_GUIDE, 0},
    {"looking for", CUE_GUIDE, 0}, {"implies", CUE_GUIDE, 0}, {"implying", CUE_GUIDE, 0},
    {"projects", CUE_GUIDE, 0},
    {"anticipates", CUE_GUIDE, 0}, {"anticipated", CUE_GUIDE, 0}, {"projecting", CUE_GUIDE, 0},
    {"project", CUE_GUIDE, 0}, {"projected", CUE_GUIDE, 0}, {"estimate", CUE_GUIDE, 0}, {"sees", CUE_GUIDE, 0},
    {"will be", CUE_GUIDE, 0}, {"will likely", CUE_GUIDE, 0}, {"may exceed", CUE_GUIDE, 0}, {"could exceed", CUE_GUIDE, 0},
    {"could reach", CUE_GUIDE, 0}, {"may reach", CUE_GUIDE, 0}, {"would represent", CUE_GUIDE, 0}, {"should be", CUE_GUIDE, 0}, {"plan to", CUE_GUIDE, 0}, {"we see", CUE_GUIDE, 0},
    {"预计", CUE_GUIDE, 0}, {"預計", CUE_GUIDE, 0}, {"指引", CUE_GUIDE, "n"}, {"预期", CUE_GUIDE, 0},
    {"預期", CUE_GUIDE, 0}, {"展望", CUE_GUIDE, "n"}, {"预估", CUE_GUIDE, 0}, {"預估", CUE_GUIDE, 0},
    {"指导", CUE_GUIDE, "n"}, {"指導", CUE_GUIDE, "n"},
    {"long-term", CUE_TARGET, 0}, {"long term", CUE_TARGET, 0}, {"target model", CUE_TARGET, 0},
    {"targets", CUE_TARGET, 0}, {"targeted", CUE_TARGET, 0}, {"our target", CUE_TARGET, 0}, {"goal", CUE_TARGET, 0}, {"goals", CUE_TARGET, 0}, {"over time", CUE_TARGET, 0},
    {"aspire", CUE_TARGET, 0}, {"path to", CUE_TARGET, 0}, {"长期", CUE_TARGET, 0}, {"長期", CUE_TARGET, 0}, {"目标", CUE_TARGET, 0},
    {"目標", CUE_TARGET, 0},
    {"below", CUE_BELOW, 0}, {"short of", CUE_BELOW, 0}, {"missed", CUE_BELOW, 0}, {"lower than", CUE_BELOW, 0},
    {"低于", CUE_BELOW, 0}, {"低於", CUE_BELOW, 0},
    {"above", CUE_ABOVE, 0}, {"exceeded", CUE_ABOVE, 0}, {"exceeding", CUE_ABOVE, 0}, {"ahead of", CUE_ABOVE, 0},
    {"beat", CUE_ABOVE, 0}, {"higher than", CUE_ABOVE, 0}, {"surpassed", CUE_ABOVE, 0}, {"高于", CUE_ABOVE, 0},
    {"高於", CUE_ABOVE, 0}, {"超出", CUE_ABOVE, 0},
    {"within", CUE_WITHIN, 0}, {"in line with", CUE_WITHIN, 0}, {"at the high end", CUE_WITHIN, 0},
    {"at the low end", CUE_WITHIN, 0}, {"at the midpoint", CUE_WITHIN, 0}, {"consistent with", CUE_WITHIN, 0},
    {"符合", CUE_WITHIN, 0}, {"之内", CUE_WITHIN, 0}, {"之內", CUE_WITHIN, 0}, {"范围内", CUE_WITHIN, 0},
    {"範圍內", CUE_WITHIN, 0},
    {"compared with", CUE_COMPARE, 0}, {"compared to", CUE_COMPARE, 0}, {"versus", CUE_COMPARE, 0},
    {"compares with", CUE_COMPARE, 0}, {"compares to", CUE_COMPARE, 0}, {"compare with", CUE_COMPARE, 0},
    {"相比", CUE_COMPARE, 0}, {"相較", CUE_COMPARE, 0}, {"相较", CUE_COMPARE, 0},
    {"vs.", CUE_COMPARE, 0}, {"vs", CUE_COMPARE, 0}, {"from", CUE_COMPARE, 0}, {"relative to", CUE_COMPARE, 0},
    {"against", CUE_COMPARE, 0}, {"as compared", CUE_COMPARE, 0},
    {"non-gaap", CUE_BASIS, "non_gaap"}, {"non gaap", CUE_BASIS, "non_gaap"}, {"gaap", CUE_BASIS, "gaap"},
    {"adjusted", CUE_BASIS, "adjusted"}, {"adjusting for", CUE_BASIS, "adjusted"}, {"underlying", CUE_BASIS, "adjusted"}, {"organic", CUE_BASIS, "organic"}, {"organically", CUE_BASIS, "organic"},
    {"constant currency", CUE_BASIS, "constant_currency"}, {"constant-currency", CUE_BASIS, "constant_currency"},
    {"非公认会计准则", CUE_BASIS, "non_gaap"}, {"非公認會計準則", CUE_BASIS, "non_gaap"},
    {"非 gaap", CUE_BASIS, "non_gaap"}, {"非gaap", CUE_BASIS, "non_gaap"}, {"经调整", CUE_BASIS, "adjusted"},
    {"經調整", CUE_BASIS, "adjusted"},
    {"while", CUE_BREAK, 0}, {"whereas", CUE_BREAK, 0}, {"but", CUE_BREAK, 0}, {"however", CUE_BREAK, 0},
    {"prior year", CUE_PRIOR, 0}, {"prior-year", CUE_PRIOR, 0}, {"year-ago", CUE_PRIOR, 0},
    {"a year ago", CUE_PRIOR, 0}, {"last year", CUE_PRIOR, 0}, {"去年同期", CUE_PRIOR, 0}};

/* ---- per-sentence events ----------------------------------------------- */

#define MAX_EV 96

typedef struct {
    size_t s, e;
    int metric;
} mention_t;
typedef struct {
    size_t s, e;
    cue_t cue;
    const char *arg;
} cue_ev;
typedef struct {
    size_t s, e;
    char period[8]; /* resolved */
    int relative;   /* 1: "prior year", "last quarter": a comparison period */
    int open;       /* a span with no period code: "nine months ended",
                       "year to date" (period stays empty) */
    char ahead[8];  /* a quarter named without a year and read as the last
                       one: the coming one, for a figure that is guidance */
} period_ev;

typedef struct {
    ea_qty q[MAX_EV];
    int nq;
    mention_t m[MAX_EV];
    int nm;
    cue_ev c[MAX_EV];
    int nc;
    period_ev p[MAX_EV / 2];
    int np;
} events_t;

static int add_qty(void *ctx, const ea_qty *q) {
    events_t *ev = ctx;
    if (ev->nq >= MAX_EV) return 1;
    ev->q[ev->nq++] = *q;
    return 0;
}

/* ---- periods ------------------------------------------------------------ */

typedef struct {
    int year, q; /* call period: quarter 1-4, or 0 when the call is annual/unknown */
    int fy;      /* the call is about a fiscal year */
    int dated;   /* no period: year is the call's date's, for "去年", "this
                    year"; numbers that name no period get none */
    int date_shift; /* fiscal year minus calendar year of the call's
                       quarter: 1 when "the three months ended December 31,
                       2020" is fiscal 2021's quarter; -1 until the first
                       dated span asks (date_shift()) */
    const ea_call *call;
} callp_t;

static int date_shift(const ea_call *c, int year);

static void put_year(char *out, int y) {
    if (y < 0) y = 0;
    y %= 10000;
    for (int i = 3; i >= 0; i--, y /= 10) out[i] = (char)('0' + y % 10);
}

static void fmt_q(char out[8], int y, int q) {
    if (y < 1000) { /* a year never resolved: no period */
        out[0] = 0;
        return;
    }
    while (q < 1) {
        q += 4;
        y--;
    }
    while (q > 4) {
        q -= 4;
        y++;
    }
    put_year(out, y);
    out[4] = 'Q';
    out[5] = (char)('0' + q);
    out[6] = 0;
}

static void fmt_fy(char out[8], int y) {
    if (y < 1000) {
        out[0] = 0;
        return;
    }
    out[0] = 'F';
    out[1] = 'Y';
    put_year(out + 2, y);
    out[6] = 0;
}

static void fmt_h(char out[8], int y, int h) {
    if (y < 1000) {
        out[0] = 0;
        return;
    }
    put_year(out, y);
    out[4] = 'H';
    out[5] = (char)('0' + (h == 2 ? 2 : 1));
    out[6] = 0;
}

#if defined(__GNUC__)
__attribute__((always_inline)) inline
#endif
static size_t lit_at(const char *p, const char *end, const char *lit) {
    if (p >= end || ea_lower((unsigned char)*p) != ea_lower((unsigned char)lit[0])) return 0;
    size_t n = strlen(lit);
    if ((size_t)(end - p) < n) return 0;
    for (size_t i = 0; i < n; i++)
        if (ea_lower((unsigned char)p[i]) != ea_lower((unsigned char)lit[i])) return 0;
    if (ea_is_alpha((unsigned char)lit[n - 1]) && p + n < end && ea_is_alnum((unsigned char)p[n])) return 0;
    return n;
}

/* "2024" at d as a number; the caller has checked the four digits */
static int digits4(const char *d) { return (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0'); }

static int read_year(const char *p, const char *end, size_t *used) {
    const char *q = p;
    while (q < end && (*q == ' ' || *q == ',')) q++;
    size_t k;
    if ((k = lit_at(q, end, "of "))) q += k;
    if ((k = lit_at(q, end, "fiscal year "))) q += k;
    else if ((k = lit_at(q, end, "fiscal "))) q += k;
    else if ((k = lit_at(q, end, "calendar "))) q += k;
    if ((k = lit_at(q, end, "fy"))) q += k;
    if (end - q >= 4 && ea_is_digit((unsigned char)q[0]) && ea_is_digit((unsigned char)q[1]) &&
        ea_is_digit((unsigned char)q[2]) && ea_is_digit((unsigned char)q[3]) &&
        (end - q == 4 || !ea_is_alnum((unsigned char)q[4]))) {
        int y = digits4(q);
        if (y >= 1990 && y <= 2100) {
            *used = (size_t)(q + 4 - p);
            return y;
        }
    }
    if (end - q >= 3 && (q[0] == '\'') && ea_is_digit((unsigned char)q[1]) && ea_is_digit((unsigned char)q[2]) &&
        (end - q == 3 || !ea_is_alnum((unsigned char)q[3]))) {
        *used = (size_t)(q + 3 - p);
        return 2000 + (q[1] - '0') * 10 + (q[2] - '0');
    }
    return 0;
}

static const char *const ordq[] = {"first", "second", "third", "fourth"};

/* A four-digit year among the next `max` bytes at q, before a sentence
 * stop: the year of a date ("June 30, 2020"); 0 if none. */
static int date_year(const char *q, const char *end, size_t max, const char **after) {
    const char *lim = end - q > (ptrdiff_t)max ? q + max : end;
    for (const char *d = q; d + 4 <= lim; d++) {
        if (*d == '.' || *d == ';') break;
        if (!ea_is_digit((unsigned char)*d) || (d > q && ea_is_digit((unsigned char)d[-1]))) continue;
        if (!ea_is_digit((unsigned char)d[1]) || !ea_is_digit((unsigned char)d[2]) || !ea_is_digit((unsigned char)d[3]) ||
            (d + 4 < end && ea_is_alnum((unsigned char)d[4])))
            continue;
        int y = digits4(d);
        if (y < 1990 || y > 2100) return 0;
        *after = d + 4;
        return y;
    }
    return 0;
}

/* A span of the fiscal year counted in months: "three months ended June
 * 30, 2020", "the nine-month period ending September 30", "the first six
 * months", "the quarter ended September 30, 2020". The first three or six months are the first quarter or half;
 * three months ended are the call's quarter, in the year of their date
 * moved to the fiscal year (cp->date_shift): "compared to the three
 * months ended June 30, 2019" is a year before; six months on a
 * second- or fourth-quarter call are its half, twelve on a fourth-quarter
 * call its year; other spans have no period code (pe->open). Returns the
 * bytes read, 0 if there is no span at p. */
static size_t months_span(const char *s, const char *p, const char *end, callp_t *cp, period_ev *pe,
                          const char **start) {
    static const struct {
        const char *w;
        int m;
    } counts[] = {{"three", 3}, {"3", 3}, {"six", 6}, {"6", 6}, {"nine", 9}, {"9", 9}, {"twelve", 12}, {"12", 12}};
    /* read at the word "month(s)" or "quarter", the count before it */
    const char *q = p;
    size_t a;
    int m = 0, first = 0;
    if (ea_lower((unsigned char)*p) == 'q') {
        if (!(a = lit_at(p, end, "quarter"))) return 0;
        m = 3; /* "the quarter ended September 30, 2020" */
    } else {
        if (!(a = lit_at(p, end, "months")) && !(a = lit_at(p, end, "month"))) return 0;
        const char *w = p - 1; /* the space or hyphen before */
        if (w <= s || (*w != ' ' && *w != '-')) return 0;
        const char *b = w;
        while (b > s && ea_is_alnum((unsigned char)b[-1])) b--;
        for (size_t i = 0; i < sizeof counts / sizeof counts[0] && !m; i++)
            if (lit_at(b, w, counts[i].w) == (size_t)(w - b)) m = counts[i].m;
        if (!m) return 0;
        *start = b;
        if (b - s >= 6 && ea_lower((unsigned char)b[-6]) == 'f' && lit_at(b - 6, b, "first ") == 6 &&
            (b - 6 == s || !ea_is_alnum((unsigned char)b[-7]))) {
            first = 1;
            *start = b - 6;
        }
    }
    q = p + a;
    int y = 0;
    const char *r = q;
    if (r < end && *r == ' ' && (a = lit_at(r + 1, end, "period"))) r += 1 + a;
    if (r < end && *r == ' ' && (a = lit_at(r + 1, end, "that"))) r += 1 + a;
    if (!(r < end && *r == ' ' && ((a = lit_at(r + 1, end, "ended")) || (a = lit_at(r + 1, end, "ending"))))) {
        if (!first) return 0;
        y = read_year(q, end, &a);
        if (y) q += a;
    } else {
        q = r + 1 + a;
        const char *after = NULL;
        y = date_year(q, end, 24, &after);
        if (y) {
            if (cp->date_shift < 0) cp->date_shift = date_shift(cp->call, cp->year);
            y += cp->date_shift;
            q = after;
        }
    }
    if (!y) y = cp->year;
    if (m == 3 && first) fmt_q(pe->period, y, 1);
    else if (m == 3 && cp->q) fmt_q(pe->period, y, cp->q);
    else if (m == 6 && first) fmt_h(pe->period, y, 1);
    else if (m == 6 && (cp->q == 2 || cp->q == 4)) fmt_h(pe->period, y, cp->q / 2);
    else if (m == 12 && (cp->q == 4 || cp->fy)) fmt_fy(pe->period, y);
    if (!pe->period[0]) pe->open = 1;
    return (size_t)(q - p);
}

/* A quarter named without a year: the most recent one for results, the
 * coming one for guidance. */
static int quarter_year(const callp_t *cp, int q, int forward) {
    if (!cp->q) return cp->year;
    if (q == cp->q) return cp->year;
    if (q < cp->q) return forward ? cp->year + 1 : cp->year;
    /* calls are held in the quarter after the one they report */
    if (q == cp->q + 1) return cp->year;
    return forward ? cp->year : cp->year - 1;
}

/* Quarter qq of year y, or when no year is named the one quarter_year()
 * picks, and the coming one as pe->ahead when that differs and the last
 * one was two or three quarters back: a forecast for it is long past,
 * while the last quarter's guidance is what its results are held to. */
static void bare_quarter(period_ev *pe, const callp_t *cp, int y, int qq, int forward) {
    fmt_q(pe->period, y ? y : quarter_year(cp, qq, forward), qq);
    if (!y && !forward && cp->q && (cp->q - qq + 4) % 4 >= 2) {
        fmt_q(pe->ahead, quarter_year(cp, qq, 1), qq);
        if (!strcmp(pe->ahead, pe->period)) pe->ahead[0] = 0;
    }
}

/* "last year's third quarter", "the prior-year fourth quarter": a year
 * before the quarter, ending at p */
static int prior_year_before(const char *s, const char *p) {
    static const char *const pre[] = {"prior year's ", "last year's ", "previous year's ", "prior-year ",
                                      "prior year ", "year-ago ", "year ago "};
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
        size_t n = strlen(pre[i]);
        if ((size_t)(p - s) >= n && lit_at(p - n, p, pre[i]) == n) return 1;
    }
    return 0;
}

/* "of the prior year", "in the prior year", "of last year", "of this year",
 * "of next year" after a quarter: the year it names, relative to the call. */
static int relative_year(const char *p, const char *end, const callp_t *cp, size_t *used) {
    const char *q = p;
    while (q < end && *q == ' ') q++;
    size_t k;
    if (!((k = lit_at(q, end, "of")) || (k = lit_at(q, end, "in")))) return 0;
    q += k;
    while (q < end && *q == ' ') q++;
    if ((k = lit_at(q, end, "the"))) q += k;
    while (q < end && *q == ' ') q++;
    int dy;
    if ((k = lit_at(q, end, "prior year")) || (k = lit_at(q, end, "last year")) ||
        (k = lit_at(q, end, "previous year")) || (k = lit_at(q, end, "prior-year")) ||
        (k = lit_at(q, end, "year before")))
        dy = -1;
    else if ((k = lit_at(q, end, "this year")) || (k = lit_at(q, end, "current year")))
        dy = 0;
    else if ((k = lit_at(q, end, "next year")) || (k = lit_at(q, end, "coming year")))
        dy = 1;
    else
        return 0;
    *used = (size_t)(q + k - p);
    return cp->year + dy;
}

/* The letters a period expression can start with (first, second, third,
 * fourth, Q1, full, fiscal, FY, annual, the, this, last, next, prior,
 * previous, preceding, current, ...). */
static int period_letter(unsigned char c) {
    switch (c) {
    case 'f': case 's': case 't': case 'q': case 'a': case 'l': case 'n': case 'p': case 'c': case 'y': case 'm': return 1;
    default: return 0;
    }
}

/* Chinese period phrases, tried in this order; each is two characters or
 * more. */
typedef struct {
    const char *w;
    int kind, n;
} zh_period;
static const zh_period zh_periods[] = {
    {"第一季度", 'Q', 1}, {"第二季度", 'Q', 2}, {"第三季度", 'Q', 3}, {"第四季度", 'Q', 4}, {"第一季", 'Q', 1},
    {"第二季", 'Q', 2},   {"第三季", 'Q', 3},   {"第四季", 'Q', 4},   {"一季度", 'Q', 1},   {"二季度", 'Q', 2},
    {"三季度", 'Q', 3},   {"四季度", 'Q', 4},   {"上半年", 'H', 1},   {"下半年", 'H', 2},   {"全年", 'Y', 0},
    {"明年", 'N', 0},     {"本季", 'C', 0},     {"去年同期", 'P', 0}, {"上季", 'L', 0},     {"今年", 'Y', 0},
    {"去年", 'Z', 0},     {"上年", 'Z', 0},     {"前年", 'W', 0}};

/* The characters those phrases start with, as three sets of six bits (the
 * low bits of each byte of the first character), built once: a character
 * outside any set starts no phrase, and the scan passes it without trying
 * the table (most of the characters of Chinese text). */
static uint64_t zh_period_bits[3];
static pthread_once_t zh_period_once = PTHREAD_ONCE_INIT;

static void build_zh_period_bits(void) {
    for (size_t i = 0; i < sizeof zh_periods / sizeof zh_periods[0]; i++)
        for (int b = 0; b < 3; b++) zh_period_bits[b] |= (uint64_t)1 << ((unsigned char)zh_periods[i].w[b] & 63);
}

/* Can a Chinese period phrase start at p (a byte >= 0x80)? No inside a
 * character, nor where fewer than two characters are left. */
static int zh_period_may_start(const unsigned char *p, const char *end) {
    return p[0] >= 0xC0 && end - (const char *)p >= 6 && (zh_period_bits[0] >> (p[0] & 63) & 1) &&
           (zh_period_bits[1] >> (p[1] & 63) & 1) && (zh_period_bits[2] >> (p[2] & 63) & 1);
}

/* Scan a sentence for period expressions. `forward`: the sentence speaks of
 * the future (guidance). */
static void scan_periods(const char *s, size_t n, callp_t *cp, int forward, events_t *ev) {
    const char *end = s + n;
    pthread_once(&zh_period_once, build_zh_period_bits);
    for (const char *p = s; p < end && ev->np < MAX_EV / 2; p++) {
        /* nothing starts at an ASCII byte after a letter or digit: pass
           them by, the rest of the word and the byte after it */
        if (p > s && ea_is_alnum((unsigned char)p[-1]) && (unsigned char)*p < 0x80) {
            p += ea_alnums((const unsigned char *)p, (const unsigned char *)end);
            if (p < end && (unsigned char)*p < 0x80) p++;
            if (p == end) break;
        }
        unsigned char c0 = ea_lower((unsigned char)*p);
        if (c0 < 0x80 && !ea_is_digit(c0) && !period_letter(c0)) continue;
        /* of the words starting with y only "year to date" names a period */
        if (c0 == 'y' && !lit_at(p, end, "year-to-date") && !lit_at(p, end, "year to date")) continue;
        /* and of those starting with m only "month(s)" */
        if (c0 == 'm' && !lit_at(p, end, "month") && !lit_at(p, end, "months")) continue;
        /* at a byte >= 0x80 only a Chinese phrase can start (the others
           start with an ASCII letter or digit) */
        if (c0 >= 0x80 && !zh_period_may_start((const unsigned char *)p, end)) continue;
        period_ev pe;
        memset(&pe, 0, sizeof pe);
        size_t k = 0, u = 0;
        int y;
        const char *st = p;
        for (int i = 0; i < 4 && !k; i++) {
            size_t a = lit_at(p, end, ordq[i]);
            if (!a) continue;
            const char *q = p + a;
            if (q < end && (*q == '-' || *q == ' ')) q++;
            /* "the third fiscal quarter" */
            size_t fq = lit_at(q, end, "fiscal");
            if (fq && q + fq < end && q[fq] == ' ' && lit_at(q + fq + 1, end, "quarter")) q += fq + 1;
            size_t b = lit_at(q, end, "quarter");
            if (b) {
                q += b;
                y = read_year(q, end, &u);
                if (!y) y = relative_year(q, end, cp, &u);
                if (!y) u = 0;
                if (!y && cp->year && prior_year_before(s, p)) y = cp->year - 1;
                bare_quarter(&pe, cp, y, i + 1, forward);
                k = (size_t)(q - p) + u;
            } else if (i < 2 && (b = lit_at(q, end, "half"))) {
                q += b;
                y = read_year(q, end, &u);
                fmt_h(pe.period, y ? y : cp->year + (forward && cp->q >= 2 * (i + 1) ? 1 : 0), i + 1);
                k = (size_t)(q - p) + u;
            }
        }
        if (!k && (*p == 'Q' || *p == 'q') && p + 1 < end && p[1] >= '1' && p[1] <= '4' &&
            (p + 2 == end || !ea_is_alnum((unsigned char)p[2]))) {
            int qq = p[1] - '0';
            y = read_year(p + 2, end, &u);
            if (!y) y = relative_year(p + 2, end, cp, &u);
            if (!y) u = 0;
            bare_quarter(&pe, cp, y, qq, forward);
            k = 2 + u;
        }
        if (!k && p[0] >= '1' && p[0] <= '4' && p + 1 < end && (p[1] == 'Q' || p[1] == 'q') &&
            (p + 2 == end || !ea_is_alpha((unsigned char)p[2]))) {
            int qq = p[0] - '0';
            const char *q = p + 2;
            if (end - q >= 2 && ea_is_digit((unsigned char)q[0]) && ea_is_digit((unsigned char)q[1])) {
                fmt_q(pe.period, 2000 + (q[0] - '0') * 10 + (q[1] - '0'), qq);
                k = 4;
            } else {
                y = read_year(q, end, &u);
                bare_quarter(&pe, cp, y, qq, forward);
                k = 2 + u;
            }
        }
        if (!k && (c0 == 'm' || c0 == 'q')) k = months_span(s, p, end, cp, &pe, &st);
        if (!k && ((k = lit_at(p, end, "year-to-date")) || (k = lit_at(p, end, "year to date")))) pe.open = 1;
        if (!k && ((k = lit_at(p, end, "full year")) || (k = lit_at(p, end, "full-year")) ||
                   (k = lit_at(p, end, "fiscal year")) || (k = lit_at(p, end, "the year")) ||
                   (k = lit_at(p, end, "this year")) || (k = lit_at(p, end, "annual")) ||
                   (k = lit_at(p, end, "fiscal")))) {
            y = read_year(p + k, end, &u);
            /* a fourth-quarter call is held after its year ended: the year
               it looks ahead to is the next one */
            fmt_fy(pe.period, y ? y : cp->year + (forward && cp->q == 4 && !cp->fy));
            k += u;
        }
        if (!k && (k = lit_at(p, end, "fy"))) {
            const char *q = p + k;
            if (q < end && *q == ' ') q++;
            if (end - q >= 2 && ea_is_digit((unsigned char)q[0]) && ea_is_digit((unsigned char)q[1]) &&
                (end - q == 2 || !ea_is_alnum((unsigned char)q[2]))) {
                fmt_fy(pe.period, 2000 + (q[0] - '0') * 10 + (q[1] - '0'));
                k = (size_t)(q + 2 - p);
            } else if ((y = read_year(q, end, &u))) {
                fmt_fy(pe.period, y);
                k = (size_t)(q - p) + u;
            } else {
                k = 0;
            }
        }
        if (!k && ((k = lit_at(p, end, "next year")))) fmt_fy(pe.period, cp->year + 1);
        if (!k && ((k = lit_at(p, end, "next quarter")) || (k = lit_at(p, end, "the coming quarter")) ||
                   (k = lit_at(p, end, "current quarter")) || (forward && (k = lit_at(p, end, "this quarter")))))
            fmt_q(pe.period, cp->year, cp->q + 1);
        if (!k && ((k = lit_at(p, end, "the quarter")) || (k = lit_at(p, end, "this quarter"))))
            fmt_q(pe.period, cp->year, cp->q ? cp->q : 4);
        if (!k && ((k = lit_at(p, end, "last quarter")) || (k = lit_at(p, end, "prior quarter")) ||
                   (k = lit_at(p, end, "previous quarter")) || (k = lit_at(p, end, "preceding quarter")))) {
            fmt_q(pe.period, cp->year, cp->q - 1);
            pe.relative = 1;
        }
        if (!k && ((k = lit_at(p, end, "prior year")) || (k = lit_at(p, end, "prior-year")) ||
                   (k = lit_at(p, end, "a year ago")) || (k = lit_at(p, end, "year-ago")) ||
                   (k = lit_at(p, end, "last year")) || (k = lit_at(p, end, "previous year")))) {
            if (cp->q && !cp->fy) fmt_q(pe.period, cp->year - 1, cp->q);
            else fmt_fy(pe.period, cp->year - 1);
            pe.relative = 1;
        }
        /* "in 2024" / "for 2025": a bare year, as a fiscal year */
        if (!k && ea_is_digit((unsigned char)*p) && p > s && p - s >= 3 &&
            (lit_at(p - 3, end, "in ") || (p - s >= 4 && lit_at(p - 4, end, "for ")) ||
             (p - s >= 5 && lit_at(p - 5, end, "year ")))) {
            y = read_year(p, end, &u);
            /* "in 2020, 2021": a list; but "In 2022, revenue is expected to
               ..." opens the sentence with its period */
            int opens = (p - s == 3 && *s == 'I') || (p - s == 4 && *s == 'F');
            if (y && (opens || !(p + u < end && *(p + u) == ','))) {
                fmt_fy(pe.period, y);
                k = u;
            }
        }
        /* "generated 2020 diluted earnings per share of $7.69", "2024年营收":
           a year written before what it measures is the fiscal year */
        /* not the year of a date: "June 30, 2020 was" */
        if (!k && ea_is_digit((unsigned char)*p) && (p == s || (p[-1] != '$' && p[-1] != '.' && p[-1] != ',')) &&
            !(p - s >= 3 && p[-1] == ' ' && p[-2] == ',' && ea_is_digit((unsigned char)p[-3])) &&
            end - p >= 6 && ea_is_digit((unsigned char)p[1]) && ea_is_digit((unsigned char)p[2]) &&
            ea_is_digit((unsigned char)p[3])) {
            int yy = digits4(p);
            const char *q = p + 4;
            int word = q[0] == ' ' && ea_is_alpha((unsigned char)q[1]) && !lit_at(q + 1, end, "million") &&
                       !lit_at(q + 1, end, "billion") && !lit_at(q + 1, end, "thousand");
            int nian = end - q >= 3 && !memcmp(q, "年", 3);
            if (nian) {
                /* 2024年第一季度, 2024年上半年: the quarter or half is read there */
                static const char *const sub[] = {"第", "一季", "二季", "三季", "四季", "上半", "下半", "Q", "q", " "};
                const char *r = q + 3;
                for (size_t i = 0; i < sizeof sub / sizeof sub[0] && nian; i++)
                    if (lit_at(r, end, sub[i])) nian = 0;
                if (r < end && ea_is_digit((unsigned char)*r)) nian = 0; /* 2024年3月 */
            }
            if (yy >= 1990 && yy <= 2100 && (word || nian)) {
                fmt_fy(pe.period, yy);
                k = nian ? 7 : 4;
            }
        }
        /* Chinese */
        if (!k && (unsigned char)*p >= 0xC0) { /* a character's first byte */
            const zh_period *zh = zh_periods;
            for (size_t i = 0; i < sizeof zh_periods / sizeof zh_periods[0]; i++) {
                /* every phrase is two characters or more: test the first
                   before measuring */
                if ((size_t)(end - p) < 6 || memcmp(p, zh[i].w, 3) != 0) continue;
                size_t a = strlen(zh[i].w);
                if ((size_t)(end - p) < a || memcmp(p, zh[i].w, a) != 0) continue;
                /* a year right before: 2024年第一季度 */
                int yy = 0;
                const char *b = p;
                /* 去年第一季 / 上年第一季: last year's; 今年 / 明年 */
                if (b - s >= 6 && (!memcmp(b - 6, "去年", 6) || !memcmp(b - 6, "上年", 6))) {
                    yy = cp->year - 1;
                    st = b - 6;
                } else if (b - s >= 6 && !memcmp(b - 6, "今年", 6)) {
                    yy = cp->year;
                    st = b - 6;
                } else if (b - s >= 6 && !memcmp(b - 6, "明年", 6)) {
                    yy = cp->year + 1;
                    st = b - 6;
                } else if (b - s >= 3 && !memcmp(b - 3, "年", 3)) {
                    const char *d = b - 3;
                    while (d > s && d[-1] == ' ') d--;
                    if (d - s >= 4 && ea_is_digit((unsigned char)d[-1]) && ea_is_digit((unsigned char)d[-4])) {
                        yy = digits4(d - 4);
                        st = d - 4;
                    }
                }
                switch (zh[i].kind) {
                case 'Q': bare_quarter(&pe, cp, yy, zh[i].n, forward); break;
                case 'H': fmt_h(pe.period, yy ? yy : cp->year, zh[i].n); break;
                case 'Y': fmt_fy(pe.period, yy ? yy : cp->year); break;
                case 'N': fmt_fy(pe.period, cp->year + 1); break;
                case 'Z': fmt_fy(pe.period, cp->year - 1); break; /* 去年: last year */
                case 'W': fmt_fy(pe.period, cp->year - 2); break; /* 前年 */
                case 'C': fmt_q(pe.period, cp->year, cp->q ? cp->q : 4); break;
                case 'L': fmt_q(pe.period, cp->year, cp->q - 1); pe.relative = 1; break;
                default:
                    if (cp->q) fmt_q(pe.period, cp->year - 1, cp->q);
                    else fmt_fy(pe.period, cp->year - 1);
                    pe.relative = 1;
                }
                k = a;
                break;
            }
        }
        if (k && (pe.period[0] || pe.open)) {
            pe.s = (size_t)(st - s);
            pe.e = (size_t)(p - s) + k;
            ev->p[ev->np++] = pe;
            p += k - 1;
        }
    }
}

/* ---- scanning a sentence ---------------------------------------------- */

/* Cue words by their first two bytes (lower-cased), hashed into buckets:
 * the scan tries only the few that can match, in table order within a
 * bucket (the first cue that matches wins), and rejects most of those on
 * their length and second byte before comparing the rest. Built once. */
#define N_CUES (sizeof cue_words / sizeof cue_words[0])
#define CUE_BUCKETS 1024
typedef struct {
    uint16_t i;  /* index in cue_words */
    uint8_t len; /* strlen(cue_words[i].w) */
    uint8_t c0;  /* its first byte, lower-cased */
    uint8_t c1;  /* its second byte, lower-cased */
    uint8_t cl;  /* its last byte, lower-cased */
} cue_ix;
static uint16_t cue_first[CUE_BUCKETS + 1]; /* bucket h: cue_order[cue_first[h] .. cue_first[h + 1]) */
static cue_ix cue_order[N_CUES];
static int cue_one_bucket; /* a cue of one byte: all cues in bucket 0 */
static pthread_once_t cue_once = PTHREAD_ONCE_INIT;

static size_t cue_bucket(unsigned char b0, unsigned char b1) {
    return cue_one_bucket ? 0 : ((size_t)ea_lower(b0) * 67 + ea_lower(b1)) & (CUE_BUCKETS - 1);
}

static void build_cue_index(void) {
    for (size_t i = 0; i < N_CUES; i++)
        if (strlen(cue_words[i].w) < 2) cue_one_bucket = 1;
    static uint16_t count[CUE_BUCKETS];
    for (size_t i = 0; i < N_CUES; i++) {
        const unsigned char *w = (const unsigned char *)cue_words[i].w;
        count[cue_bucket(w[0], w[0] ? w[1] : 0)]++;
    }
    size_t at = 0;
    for (size_t h = 0; h < CUE_BUCKETS; h++) {
        cue_first[h] = (uint16_t)at;
        at += count[h];
    }
    cue_first[CUE_BUCKETS] = (uint16_t)at;
    static uint16_t fill[CUE_BUCKETS];
    memcpy(fill, cue_first, sizeof fill);
    for (size_t i = 0; i < N_CUES; i++) {
        const unsigned char *w = (const unsigned char *)cue_words[i].w;
        cue_ix *x = &cue_order[fill[cue_bucket(w[0], w[0] ? w[1] : 0)]++];
        x->i = (uint16_t)i;
        x->len = (uint8_t)strlen(cue_words[i].w);
        x->c0 = ea_lower(w[0]);
        x->c1 = w[0] ? ea_lower(w[1]) : 0;
        x->cl = w[0] ? ea_lower(w[x->len - 1]) : 0;
    }
}

static void scan_words(const struct ea_lexicon *lx, const char *s, size_t n, events_t *ev) {
    pthread_once(&cue_once, build_cue_index);
    const char *end = s + n;
    for (const char *p = s; p < end;) {
        unsigned char c = (unsigned char)*p;
        int word_start = p == s || !ea_is_alnum((unsigned char)p[-1]);
        if (c < 0x80 && !(ea_is_alpha(c) && word_start) && c != '~') {
            p++;
            continue;
        }
        size_t adv = 0;
        ea_lex_hit hit;
        /* a Chinese phrase that cuts a word at both ends is two words
           meeting by chance (现金 in 兑现|金额, 营收 in 经营|收益) */
        if (ev->nm < MAX_EV && ea_lexicon_match(lx, p, end, &hit) &&
            !(c >= 0x80 && ea_zh_short(hit.len) && ea_zh_cuts_words(s, n, (size_t)(p - s), (size_t)(p - s) + hit.len))) {
            ev->m[ev->nm].s = (size_t)(p - s);
            ev->m[ev->nm].e = (size_t)(p - s) + hit.len;
            ev->m[ev->nm].metric = hit.metric;
            ev->nm++;
            adv = hit.len;
        }
        /* cue words (they may overlap metric phrases: "growth" is both) */
        if (ev->nc < MAX_EV && (cue_one_bucket || end - p >= 2)) {
            size_t h = cue_bucket(c, end - p >= 2 ? (unsigned char)p[1] : 0);
            for (size_t o = cue_first[h]; o < cue_first[h + 1]; o++) {
                const cue_ix *x = &cue_order[o];
                size_t i = x->i, k = x->len;
                if ((size_t)(end - p) < k || ea_lower(c) != x->c0) continue;
                if (k >= 2 && (ea_lower((unsigned char)p[1]) != x->c1 || ea_lower((unsigned char)p[k - 1]) != x->cl))
                    continue;
                const char *w = cue_words[i].w;
                size_t j = 1;
                while (j < k && ea_lower((unsigned char)p[j]) == ea_lower((unsigned char)w[j])) j++;
                if (j < k || (ea_is_alpha((unsigned char)w[k - 1]) && p + k < end && ea_is_alnum((unsigned char)p[k])))
                    continue;
                if (!k) continue;
                ev->c[ev->nc].s = (size_t)(p - s);
                ev->c[ev->nc].e = (size_t)(p - s) + k;
                ev->c[ev->nc].cue = cue_words[i].cue;
                ev->c[ev->nc].arg = cue_words[i].arg;
                ev->nc++;
                if (k > adv) adv = k;
                break;
            }
        }
        if (adv) {
            p += adv;
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;
            p += ea_utf8_next((const unsigned char *)p, (const unsigned char *)end, &cp);
        } else if (c == '~') {
            p++; /* no word to pass over: step past it, or the scan would never end */
        } else {
            p += ea_alnums((const unsigned char *)p, (const unsigned char *)end);
        }
    }
}

/* ---- attaching ---------------------------------------------------------- */

static int fc_same(double a, double b) { return fabs(a - b) <= 1e-6 * (fabs(a) + fabs(b)) + 1e-9; }

static int clause_break_between(const char *s, size_t a, size_t b, const events_t *ev) {
    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    for (size_t i = a; i < b; i++)
        if (s[i] == ';' || (s[i] == ':' && i + 1 < b && s[i + 1] == ' ')) return 1;
    for (int i = 0; i < ev->nc; i++)
        if (ev->c[i].cue == CUE_BREAK && ev->c[i].s >= a && ev->c[i].e <= b) return 1;
    return 0;
}

/* Words between two offsets; each CJK character counts as a word. */
static int words_between(const char *s, size_t a, size_t b) {
    int w = 0, in = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xE0) {
            w++;
            in = 0;
            continue;
        }
        if (c >= 0x80) continue; /* continuation bytes */
        int al = ea_is_alnum(c);
        if (al && !in) w++;
        in = al;
    }
    return w;
}

static int kind_fits(ea_metric_kind mk, const ea_qty *q) {
    switch (mk) {
    case EA_MK_MONEY: return q->unit == EA_U_CUR || (q->unit == EA_U_NONE && (q->flags & EA_Q_SCALED));
    case EA_MK_RATIO: return q->unit == EA_U_PCT || q->unit == EA_U_BPS || q->unit == EA_U_PP;
    case EA_MK_PER_SHARE:
        /* "$2,160 million" is never a per-share figure */
        if (q->flags & EA_Q_SCALED) return 0;
        return q->unit == EA_U_CUR || (q->flags & EA_Q_PER_SHARE) || q->unit == EA_U_NONE;
    case EA_MK_COUNT: return q->unit == EA_U_NONE;
    case EA_MK_TIMES: return q->unit == EA_U_TIMES || q->unit == EA_U_NONE;
    default: return 1;
    }
}

/* "... from" right before a number */
static int from_before(const char *s, size_t at) {
    size_t i = at;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '$')) i--;
    if (!(i >= 5 && ea_lower((unsigned char)s[i - 4]) == 'f' && !memcmp(s + i - 3, "rom", 3) &&
          (i == 4 || !ea_is_alnum((unsigned char)s[i - 5]))))
        return 0;
    /* "the range from $14.65 to $14.95" spans a range, it does not move */
    i -= 4;
    while (i > 0 && s[i - 1] == ' ') i--;
    return !(i >= 5 && !memcmp(s + i - 5, "range", 5) && (i == 5 || !ea_is_alnum((unsigned char)s[i - 6])));
}

/* "... or" right before a number: "up 8% or $21 million to $290 million" */
static int or_before(const char *s, size_t at) {
    size_t i = at;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '$')) i--;
    return i >= 3 && ea_lower((unsigned char)s[i - 2]) == 'o' && ea_lower((unsigned char)s[i - 1]) == 'r' &&
           s[i - 3] == ' ';
}

/* The number of a range written second: the other one than its first as
 * stated (40.7 in "$40.7 million", up to its scale). */
static double second_written(const ea_qty *q) {
    if (q->stated != 0) {
        static const double sc[] = {1, 1e3, 1e6, 1e9, 1e12};
        for (size_t k = 0; k < sizeof sc / sizeof sc[0]; k++)
            if (fabs(fabs(q->low) - fabs(q->stated) * sc[k]) <= 1e-9 * fabs(q->low) + 1e-9) return q->high;
        for (size_t k = 0; k < sizeof sc / sizeof sc[0]; k++)
            if (fabs(fabs(q->high) - fabs(q->stated) * sc[k]) <= 1e-9 * fabs(q->high) + 1e-9) return q->low;
    }
    return q->high;
}

/* "from $650 million to $680 million previously": the figure after `at`
 * is an earlier one (the base a revision is compared with) */
static int earlier_after(const char *s, size_t n, size_t at) {
    const char *p = s + at, *end = s + n;
    while (p < end && *p == ' ') p++;
    return lit_at(p, end, "previously") || lit_at(p, end, "earlier") || lit_at(p, end, "before") ||
           lit_at(p, end, "prior guidance") || lit_at(p, end, "in our prior") || lit_at(p, end, "in our previous");
}

/* "from our prior guidance of $1.90": the comparison [from, to) names an
 * earlier forecast */
static int earlier_named(const char *s, size_t from, size_t to) {
    static const char *const w[] = {"prior guidance", "previous guidance", "prior outlook", "previous outlook",
                                    "prior range", "previous range", "original guidance", "initial guidance",
                                    "prior forecast", "previous forecast", "earlier guidance"};
    ea_str span = ea_str_make(s + from, to > from ? to - from : 0);
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (ea_ifind(span, w[k])) return 1;
    return 0;
}

/* Whether a cue of this kind lies in [a, b): "$0.41 versus a loss per
 * share" names the compared figure's metric, not this one's */
static int cue_between(const events_t *ev, cue_t cue, size_t a, size_t b) {
    for (int i = 0; i < ev->nc; i++)
        if (ev->c[i].cue == cue && ev->c[i].s >= a && ev->c[i].e <= b) return 1;
    return 0;
}

/* "on a GAAP basis", "on an adjusted basis" right at `at`: the basis id */
static ea_str basis_after(const char *s, size_t n, const events_t *ev, size_t at) {
    const char *p = s + at, *end = s + n;
    size_t k;
    while (p < end && *p == ' ') p++;
    /* "$0.55 of earnings per share on an underlying basis" */
    if ((k = lit_at(p, end, "of"))) {
        const char *w = p + k;
        while (w < end && *w == ' ') w++;
        for (int i = 0; i < ev->nm; i++)
            if (s + ev->m[i].s == w) {
                p = s + ev->m[i].e;
                while (p < end && *p == ' ') p++;
                break;
            }
    }
    /* "$6.54 of adjusted earnings per share", "$0.94 adjusted": a basis
       word right after, before the metric or the clause's end */
    const char *b = s + at;
    while (b < end && *b == ' ') b++;
    if ((k = lit_at(b, end, "of")) || (k = lit_at(b, end, "in"))) b += k;
    while (b < end && *b == ' ') b++;
    for (int i = 0; i < ev->nc; i++) {
        const cue_ev *c = &ev->c[i];
        if (c->cue != CUE_BASIS || s + c->s != b) continue;
        const char *r = s + c->e;
        while (r < end && *r == ' ') r++;
        int named = r == end || *r == ',' || *r == '.' || *r == ';';
        for (int j = 0; j < ev->nm && !named; j++) named = s + ev->m[j].s == r;
        if (named) return ea_str_make(c->arg, strlen(c->arg));
    }
    if (!(k = lit_at(p, end, "on"))) return ea_str_make(NULL, 0);
    p += k;
    while (p < end && *p == ' ') p++;
    if ((k = lit_at(p, end, "an")) || (k = lit_at(p, end, "a"))) p += k;
    while (p < end && *p == ' ') p++;
    for (int i = 0; i < ev->nc; i++) {
        const cue_ev *c = &ev->c[i];
        if (c->cue != CUE_BASIS || s + c->s != p) continue;
        const char *r = s + c->e;
        while (r < end && *r == ' ') r++;
        if (lit_at(r, end, "basis")) return ea_str_make(c->arg, strlen(c->arg));
    }
    return ea_str_make(NULL, 0);
}

/* the direction word nearest before `at`, within a few words: +1, -1, 0 */
static int move_dir(const events_t *ev, size_t at) {
    int d = 0;
    for (int i = 0; i < ev->nc; i++) {
        const cue_ev *c = &ev->c[i];
        if (c->e > at || c->s + 64 < at) continue;
        if (c->cue == CUE_UP) d = 1;
        else if (c->cue == CUE_DOWN) d = -1;
    }
    return d;
}

static const char *const seg_stop[] = {
    "economic", "pro", "forma", "normalized", "underlying", "cash", "nareit", "ffo",
    "total", "our", "the", "net", "gross", "quarterly", "quarter", "annual", "gaap", "non-gaap", "adjusted",
    "organic", "record", "company", "consolidated", "overall", "reported", "a", "an", "and", "of", "in",
    "for", "its", "their", "this", "that", "with", "was", "were", "is", "year", "full", "fiscal", "first",
    "second", "third", "fourth", "half", "combined", "core", "same", "comparable", "q1", "q2", "q3", "q4",
    "we", "our", "had", "have", "has", "delivered", "reported", "generated", "saw", "achieved", "posted",
    "recorded", "grew", "strong", "solid", "higher", "lower", "increased", "decreased", "total", "to", "at",
    "on", "by", "as", "all", "also", "again", "but", "so", "then", "now", "today", "yoy", "growth", "quarter's",
    "year's", "company's", "mid-single", "double-digit", "high", "low", "mid", "new", "diluted", "basic",
    "per", "share", "earnings", "income", "million", "billion", "thousand", "trillion", "operating", "continuing", "operations", "ebitda", "fully", "weighted", "average",
    "outstanding", "common", "ending", "end", "beginning", "said", "see", "expect", "it", "these",
    "those", "such", "based", "about", "approximately", "around", "only", "just", "both", "each", "every",
    "product", "products", "segment", "segments", "business", "businesses", "from", "than", "be", "been",
    "i", "you", "they", "us", "think", "believe", "anticipate", "project", "forecast", "estimate", "will",
    "would", "could", "should", "may", "might", "likely", "full-year", "fiscal-year", "year-end", "year-to-date",
    "deliver", "generate", "report", "achieve", "post", "record", "guide", "raise", "lower", "maintain",
    "reaffirm", "expects", "believes", "sees", "see", "look", "looking", "target", "is", "are", "what", "which",
    "there", "here", "other", "more", "less", "last", "next", "prior", "current", "first-quarter",
    "second-quarter", "third-quarter", "fourth-quarter", "second-half", "first-half",
    /* links, comparisons and signs before a metric name no segment:
       "highlights include total revenues", "or revenue", "Quarter four
       revenues", "$0.10 of positive adjusted FFO per share" ("incremental
       revenue" stays a segment: it is no total) */
    "or", "where", "while", "versus", "include", "includes", "highlights", "midpoint", "sequential",
    "year-over-year", "six-month", "after-tax", "pre-tax", "additional", "lost", "negative", "positive",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    /* the whole company: "companywide revenues", "global revenues" */
    "companywide", "company-wide", "global", "worldwide", "enterprise-wide", "firmwide", "firm-wide"};

/* Whether the n bytes at w are one of the words (lower case), in any case;
 * the first letter is tested before the length. */
static int in_words(const char *w, size_t n, const char *const *words, size_t count) {
    unsigned char c0 = n ? ea_lower((unsigned char)w[0]) : 0;
    for (size_t i = 0; i < count; i++)
        if ((unsigned char)words[i][0] == c0 && strlen(words[i]) == n) {
            size_t k = 0;
            while (k < n && ea_lower((unsigned char)w[k]) == (unsigned char)words[i][k]) k++;
            if (k == n) return 1;
        }
    return 0;
}

static int is_seg_stop(const char *w, size_t n) { return in_words(w, n, seg_stop, sizeof seg_stop / sizeof seg_stop[0]); }

/* Chinese words that end a segment name read backwards from its metric:
 * who speaks, periods and totals, verbs of reporting and moving. Single
 * characters in zh_seg_stop_chars. */
static const char zh_seg_stop[] = /* two ideographs, six bytes, each */
    "我们我們公司集团集團整体整體合计合計合并合併综合綜合其中其他其它实现實現录得錄得取得获得獲得带来帶來"
    "贡献貢獻主营主營营业營業同期当期當期累计累計预计預計预期預期新增主要相关相關所有部分整个整個目前报告"
    "報告同比环比環比增长增長下降提升提高增加减少減少上升下滑带动帶動推动推動拉动拉動影响影響确认確認完成"
    "达成達成维持維持保持总体總體全部期内期內客户客戶用户用戶行业行業股东股東厂商廠商";
static const char zh_seg_stop_chars[] = /* three bytes each */
    "的季年度月日总總全本单單每当该該此其各所我是为為在和与與及了之仍从從以但使由对對向给給被让讓"
    "比较較约約近超逾达達至到都也而则則即占佔共均将將已性"
    "元万萬亿億币幣千百十一二三四五六七八九两兩零";

static int zh_seg_stop_char(const char *c, size_t k) {
    if (k != 3) return 0;
    for (size_t i = 0; i + 3 <= sizeof zh_seg_stop_chars - 1; i += 3)
        if (zh_seg_stop_chars[i + 2] == c[2] && zh_seg_stop_chars[i + 1] == c[1] && zh_seg_stop_chars[i] == c[0])
            return 1;
    return 0;
}

/* Does [s, s+at) end with a word of zh_seg_stop? The last byte of each
 * is compared first: most differ there. */
static int zh_seg_stop_before(const char *s, size_t at) {
    if (at < 6) return 0;
    const char *w = s + at - 6;
    for (size_t i = 0; i + 6 <= sizeof zh_seg_stop - 1; i += 6)
        if (zh_seg_stop[i + 5] == w[5] && !memcmp(zh_seg_stop + i, w, 5)) return 1;
    return 0;
}

/* The length of the word from `list` that [s, s+at) ends with, or 0. */
static size_t zh_ends_with(const char *s, size_t at, const char *const *list, size_t nl) {
    for (size_t i = 0; i < nl; i++) {
        size_t k = strlen(list[i]);
        if (at >= k && !memcmp(s + at - k, list[i], k)) return k;
    }
    return 0;
}

/* Chinese: the name right before the metric, "資料中心營收" -> 資料中心,
 * "数据中心业务收入" -> 数据中心, "有线电视产品的总收入" -> 有线电视: after
 * 总, 的 and a word for "business" or "products" are passed, two to six
 * ideographs back to a stop word or character (我们, 公司, 本季度, 实现:
 * who, when, how much, a verb), starting on a word boundary. */
static ea_str find_segment_zh(const char *s, const mention_t *m) {
    static const char *const tot[] = {"总", "總"}, *const of[] = {"的"},
                             *const kind[] = {"业务", "業務", "产品", "產品", "板块", "板塊", "事业部", "事業部",
                                              "部门", "部門"};
    size_t e = m->s;
    e -= zh_ends_with(s, e, tot, 2);
    e -= zh_ends_with(s, e, of, 1);
    e -= zh_ends_with(s, e, kind, sizeof kind / sizeof kind[0]);
    size_t st = e;
    int chars = 0;
    while (st > 0 && chars < 6) {
        if (zh_seg_stop_before(s, st)) break;
        size_t c = st - 1;
        while (c > 0 && ((unsigned char)s[c] & 0xC0) == 0x80 && st - c < 4) c--;
        uint32_t cp;
        ea_utf8_next((const unsigned char *)s + c, (const unsigned char *)s + st, &cp);
        if (!ea_is_cjk(cp) || zh_seg_stop_char(s + c, st - c)) break;
        st = c;
        chars++;
    }
    /* six characters and more before: start at a word, not inside one */
    if (chars == 6)
        while (st < e && !ea_zh_word_starts(s, e, st)) {
            uint32_t cp;
            st += (size_t)ea_utf8_next((const unsigned char *)s + st, (const unsigned char *)s + e, &cp);
            chars--;
        }
    if (chars >= 2) return ea_str_make(s + st, e - st);
    /* "CATV 部門的總收入": a name in capitals (not GAAP) right before */
    if (chars == 0 && e < m->s) {
        size_t a = e;
        if (a > 0 && s[a - 1] == ' ') a--;
        size_t b = a;
        while (a > 0 && ea_is_alnum((unsigned char)s[a - 1]) && b - a <= 10) a--;
        if (b - a >= 2 && b - a <= 10 && ea_is_upper((unsigned char)s[a]) && ea_is_upper((unsigned char)s[a + 1]) &&
            (a == 0 || !(ea_is_alnum((unsigned char)s[a - 1]) || s[a - 1] == '-')) &&
            !(b - a == 4 && (!memcmp(s + a, "GAAP", 4) || !memcmp(s + a, "IFRS", 4))))
            return ea_str_make(s + a, b - a);
    }
    return ea_str_make(NULL, 0);
}

/* Words that start with a capital but name no segment: the segment stop
 * words, and months, slides, periods and sentence openers. */
static int cap_stop(const char *w, size_t n) {
    static const char *const stop[] = {"january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december", "slide",
                                       "page", "fy", "h1", "h2", "eps", "covid-19", "covid", "addition",
                                       "summary", "turning", "moving"};
    return in_words(w, n, stop, sizeof stop / sizeof stop[0]) || is_seg_stop(w, n);
}

/* A name in capitals at p: "Advanced Surgery", "Metal Coatings", "Europe",
 * "U.S.", "Clinical & Nutrition" (up to four words; "and"/"&" inside);
 * its length, or 0. */
static size_t cap_name(const char *p, const char *end) {
    const char *q = p, *last = p;
    for (int words = 0; q < end && words < 5; words++) {
        const char *w0 = q;
        if (words > 0 && ((*q == '&' && q + 1 < end && q[1] == ' ') || lit_at(q, end, "and"))) {
            q += *q == '&' ? 1 : 3;
            while (q < end && *q == ' ') q++;
            w0 = q;
        }
        if (q >= end || !ea_is_upper((unsigned char)*q)) break;
        while (q < end && (ea_is_alnum((unsigned char)*q) || *q == '-' || *q == '.' || *q == '\'')) q++;
        size_t wl = (size_t)(q - w0);
        if (wl && w0[wl - 1] == '.' && !(wl >= 3 && w0[wl - 3] == '.')) wl--, q--; /* sentence dot, not "U.S." */
        if (wl >= 2 && w0[wl - 2] == '\'' ) break;                                  /* "Baxter's" */
        if (cap_stop(w0, wl)) break;
        last = q;
        while (q < end && *q == ' ') q++;
    }
    return (size_t)(last - p);
}

/* Segment named around a metric mention: "data center revenue", "revenue
 * for our data center products", "revenue in our CATV segment". */
/* an amount that is earnings: net income, operating income, or words
 * the vocabulary does not name that say earnings ("we earned $55 million") */
static int earnings_amount(const ea_fact *f) {
    if (ea_ieq(f->metric, "net_income") || ea_ieq(f->metric, "operating_income") || ea_ieq(f->metric, "eps"))
        return 1;
    if (!ea_ieq(f->metric, "other")) return 0;
    static const char *const w[] = {"earn", "income", "profit", "loss", "reported", "net ", "generated", "delivered"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (ea_ifind(f->metric_phrase, w[i])) return 1;
    return !f->metric_phrase.len;
}

static int earnings_words(ea_str ph) {
    static const char *const w[] = {"earn", "income", "profit", "generated", "delivered", "guidance"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (ea_ifind(ph, w[i])) return 1;
    return 0;
}

/* words that say a per-share figure is earnings when no metric is named:
   "we reported a loss of $1.97 per share", "our results were $0.72 per
   share", "Our adjusted loss for the quarter, which included these
   charges, was $0.38 per share" */
static int earnings_said(ea_str ph) {
    static const char *const w[] = {"earn", "income", "profit", "loss", "eps", "report", "deliver",
                                    "generat", "posted", "results"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (ea_ifind(ph, w[i])) return 1;
    return 0;
}

/* metrics other than earnings that a call states per share */
static int per_share_metric(const char *id) {
    static const char *const ids[] = {"dividend", "free_cash_flow", "buyback", "ebitda", "ffo",
                                      "operating_cash_flow", "book_value", "cash"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (!strcmp(id, ids[i])) return 1;
    return 0;
}

/* A currency amount written in dollars and cents with no scale word and
 * under 100: "$7.40 to $7.60", "$3.44"; the size of a per-share figure,
 * not of a company's earnings. */
static int cents_amount(const char *s, const ea_qty *q) {
    if (q->unit != EA_U_CUR || (q->flags & (EA_Q_SCALED | EA_Q_WORDS | EA_Q_ZH | EA_Q_PER_SHARE | EA_Q_SHARES)))
        return 0;
    double v = (q->flags & EA_Q_RANGE) ? fmax(fabs(q->low), fabs(q->high)) : fabs(q->value);
    if (v >= 100) return 0;
    for (size_t i = q->start; i + 2 < q->end; i++)
        if (s[i] == '.' && ea_is_digit((unsigned char)s[i + 1]) && ea_is_digit((unsigned char)s[i + 2]) &&
            (i + 3 == q->end || !ea_is_digit((unsigned char)s[i + 3])))
            return 1;
    return 0;
}

/* "Idaho Power" in "Idaho Power's": a name of two or three capitalised
 * words ending at oe; one word is as likely the company itself */
static ea_str possessive_name(const char *s, const char *os, const char *oe) {
    const char *first = os;
    int words = 0;
    for (const char *w = os; w < oe && ea_is_upper((unsigned char)*w);) {
        words++;
        first = w;
        if (words == 3 || w - s < 2 || w[-1] != ' ') break;
        const char *p = w - 1;
        const char *ws = p;
        while (ws > s && ea_is_alnum((unsigned char)ws[-1])) ws--;
        if (ws == p || !ea_is_upper((unsigned char)*ws) || is_seg_stop(ws, (size_t)(p - ws))) break;
        w = ws;
    }
    return words >= 2 ? ea_str_make(first, (size_t)(oe - first)) : ea_str_make(NULL, 0);
}

static ea_str find_segment(const char *s, size_t n, const mention_t *m) {
    if (m->e > m->s && (unsigned char)s[m->s] >= 0x80) return find_segment_zh(s, m);
    /* after: (for|in|from) (our|the)? WORDS (segment|products|business|division) */
    const char *end = s + n, *p = s + m->e;
    size_t k;
    while (p < end && *p == ' ') p++;
    if ((k = lit_at(p, end, "for")) || (k = lit_at(p, end, "in")) || (k = lit_at(p, end, "from"))) {
        const char *q = p + k;
        while (q < end && *q == ' ') q++;
        if ((k = lit_at(q, end, "our")) || (k = lit_at(q, end, "the"))) q += k;
        while (q < end && *q == ' ') q++;
        const char *ws = q;
        int words = 0;
        while (q < end && words < 4) {
            const char *w0 = q;
            while (q < end && (ea_is_alnum((unsigned char)*q) || *q == '-' || *q == '&')) q++;
            if (q == w0) break;
            size_t wl = (size_t)(q - w0);
            if (lit_at(w0, end, "segment") || lit_at(w0, end, "segments") || lit_at(w0, end, "products") ||
                lit_at(w0, end, "product") || lit_at(w0, end, "business") || lit_at(w0, end, "division") ||
                lit_at(w0, end, "unit") || lit_at(w0, end, "market") || lit_at(w0, end, "markets") ||
                lit_at(w0, end, "group")) {
                if (words > 0) return ea_trim(ea_str_make(ws, (size_t)(w0 - ws)));
                break;
            }
            if (is_seg_stop(w0, wl) && words == 0) break;
            words++;
            while (q < end && *q == ' ') q++;
        }
        /* "sales in Advanced Surgery were $249 million": a name in
           capitals, then the verb */
        size_t cl = cap_name(ws, end);
        if (cl) {
            const char *v = ws + cl;
            while (v < end && *v == ' ') v++;
            if ((k = lit_at(v, end, "were")) || (k = lit_at(v, end, "was")) || (k = lit_at(v, end, "totaled")) ||
                (k = lit_at(v, end, "of")) || (k = lit_at(v, end, "grew")) || (k = lit_at(v, end, "increased")) ||
                (k = lit_at(v, end, "decreased")) || (k = lit_at(v, end, "declined")) || (k = lit_at(v, end, "rose")) ||
                (k = lit_at(v, end, "fell")) || (k = lit_at(v, end, "reached")))
                return ea_str_make(ws, cl);
        }
    }
    /* before: up to three content words right before the mention */
    const char *b = s + m->s;
    const char *q = b;
    int words = 0;
    const char *first = NULL;
    while (q > s && words < 3) {
        const char *we = q;
        while (we > s && we[-1] == ' ') we--;
        const char *ws = we;
        while (ws > s && (ea_is_alnum((unsigned char)ws[-1]) || ws[-1] == '-' || ws[-1] == '&')) ws--;
        if (ws == we) break;
        /* a possessive: "our electric segment's earnings" and "Idaho
           Power's net income" name a segment or a subsidiary; "the
           company's revenue" and "IDACORP's earnings" name none */
        if (words == 0 && we - ws == 1 && (*ws == 's' || *ws == 'S') && ws > s &&
            (ws[-1] == '\'' || (ws - s >= 3 && !memcmp(ws - 3, "\xE2\x80\x99", 3)))) {
            const char *oe = ws - (ws[-1] == '\'' ? 1 : 3), *os = oe;
            while (os > s && ea_is_alnum((unsigned char)os[-1])) os--;
            size_t ol = (size_t)(oe - os);
            if (ol && (lit_at(os, end, "segment") == ol || lit_at(os, end, "business") == ol ||
                       lit_at(os, end, "division") == ol)) {
                b = q = os;
                continue;
            }
            return possessive_name(s, os, oe);
        }
        if (is_seg_stop(ws, (size_t)(we - ws))) break;
        int alnum = 0; /* "--" is a dash, not a word */
        for (const char *r = ws; r < we; r++) alnum |= ea_is_alnum((unsigned char)*r);
        if (!alnum) break;
        /* a number or a capitalised sentence start is not a segment */
        if (ea_is_digit((unsigned char)*ws)) break;
        size_t wl = (size_t)(we - ws);
        if (wl > 2 && ws[wl - 2] == 'e' && ws[wl - 1] == 'd') break; /* verbs in -ed */
        if (wl > 4 && ws[wl - 3] == 'i' && ws[wl - 2] == 'n' && ws[wl - 1] == 'g') break; /* and -ing */
        first = ws;
        words++;
        q = ws;
    }
    if (first) {
        const char *we = b;
        while (we > first && we[-1] == ' ') we--;
        return ea_str_make(first, (size_t)(we - first));
    }
    return ea_str_make(NULL, 0);
}

/* ---- the extractor ------------------------------------------------------ */

struct ea_facts {
    const ea_call *call;
    ea_arena arena;
    ea_vec facts;
    ea_vec findings;
};

typedef struct {
    ea_facts *out;
    const ea_call *call;
    const struct ea_lexicon *lx;
    callp_t cp;
    ea_str default_basis; /* "non_gaap" when the call says all figures are */
    int prev_fact;        /* latest fact of any sentence, for "This compares with ..." */
    long last_mix_para;   /* paragraph number of the latest revenue-mix fact */
    char guide_period[8]; /* the period the latest forecast named ... */
    uint32_t guide_para;  /* ... in this paragraph (1-based) ... */
    uint32_t guide_turn;  /* ... of this turn */
    int revenue_ix;       /* the lexicon's "revenue", or -1 */
    int failed;
} ctx_t;

static ea_str arena_str(ctx_t *x, const char *p, size_t n) {
    char *d = ea_arena_strdup(&x->out->arena, p, n);
    if (!d) {
        x->failed = 1;
        return ea_str_make(NULL, 0);
    }
    return ea_str_make(d, n);
}

static const char *unit_name(const ea_qty *q) {
    switch (q->unit) {
    case EA_U_PCT: return "%";
    case EA_U_PP: return "pp";
    case EA_U_BPS: return "bps";
    case EA_U_TIMES: return "x";
    case EA_U_CUR: {
        /* static strings: the quantity lives on the stack */
        static const char *const codes[] = {"USD", "CNY", "EUR", "GBP", "JPY", "TWD", "HKD", "CAD",
                                            "AUD", "SGD", "BRL", "INR", "CHF", "SEK"};
        for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
            if (!strcmp(q->cur, codes[i])) return codes[i];
        return "";
    }
    default: return (q->flags & EA_Q_SHARES) ? "shares" : "";
    }
}

/* Map a text offset inside the sentence to the call's text. */
typedef struct {
    const ea_paragraph *para;
    int trans;
    size_t base; /* sentence start in the (paragraph or translation) text */
} loc_t;

static size_t to_src(const loc_t *l, size_t off) {
    if (l->trans) return l->para->tr_span.start + l->base + off;
    return ea_paragraph_src_offset(l->para, l->base + off);
}

static ea_fact *new_fact(ctx_t *x) {
    ea_fact *f = ea_vec_push(&x->out->facts, sizeof *f, (size_t)1 << 26);
    if (!f) x->failed = 1;
    return f;
}

static int nearest_cue(const events_t *ev, cue_t cue, size_t from, size_t to) {
    for (int i = 0; i < ev->nc; i++)
        if (ev->c[i].cue == cue && ev->c[i].s >= from && ev->c[i].e <= to) return i;
    return -1;
}

static int has_cue(const events_t *ev, cue_t cue) {
    for (int i = 0; i < ev->nc; i++)
        if (ev->c[i].cue == cue) return 1;
    return 0;
}

/* A long-term goal speaks of the figure in its own clause: "our long-term
 * target of 40%", "40% over time"; not "$8.80 to $9.50, which is well
 * above our long-term goal of ..." nor "confidence about the long-term
 * opportunity" after a forecast. */
static int target_near(const events_t *ev, const char *s, const ea_qty *q) {
    for (int i = 0; i < ev->nc; i++) {
        const cue_ev *c = &ev->c[i];
        if (c->cue != CUE_TARGET) continue;
        /* "our goals are: first, to grow the business to $200 billion" */
        if (c->e <= q->start && words_between(s, c->e, q->start) <= 16 && !memchr(s + c->e, ';', q->start - c->e))
            return 1;
        if (c->s >= q->end && words_between(s, q->end, c->s) <= 4 && !clause_break_between(s, q->end, c->s, ev))
            return 1;
    }
    return 0;
}

/* Is there a word from this list between a and b (whole words)? */
static int word_between(const char *s, size_t a, size_t b, const char *const *ws, size_t nw) {
    for (size_t i = a; i < b; i++) {
        if (i > a && ea_is_alpha((unsigned char)s[i - 1])) continue;
        for (size_t k = 0; k < nw; k++)
            if (lit_at(s + i, s + b, ws[k])) return 1;
    }
    return 0;
}

static const char *const level_links[] = {"from", "to", "at", "of"};

/* The change direction right around quantity q: "up 42%", "increased by
 * 33%", "a decline of 7.5%", "42% increase", "23% lower", "年增 42%".
 * "down from 36.4%" and "grew to 12%" are levels, not changes. */
static int change_dir(const struct ea_lexicon *lx, const char *s, const events_t *ev, const ea_qty *q, size_t prev_end,
                      size_t next_start) {
    int best = 0;
    size_t best_d = (size_t)-1;
    for (int i = 0; i < ev->nc; i++) {
        const cue_ev *c = &ev->c[i];
        int d0 = c->cue == CUE_UP ? 1 : c->cue == CUE_DOWN ? -1 : 0;
        if (!d0 && (c->cue == CUE_YOY || c->cue == CUE_QOQ) && c->arg) d0 = c->arg[0] == '+' ? 1 : -1;
        if (!d0) continue;
        size_t d;
        if (c->e <= q->start && c->s >= prev_end) {
            if (words_between(s, c->e, q->start) > 3) continue;
            /* "down from X" / "increased to X": X is a level */
            if (word_between(s, c->e, q->start, level_links, 3)) continue;
            d = q->start - c->e;
        } else if (c->s >= q->end && c->e <= next_start) {
            if (words_between(s, q->end, c->s) > 1) continue;
            if (memchr(s + q->end, ',', c->s - q->end) || memchr(s + q->end, ';', c->s - q->end)) continue;
            d = c->s - q->end;
        } else {
            continue;
        }
        if (d < best_d) {
            best_d = d;
            best = d0;
        }
    }
    if (best || !lx) return best;
    /* the noun form: "net sales growth is now expected to be between 5% to
       7%", "sales growth of 22% to 25%": a growth word right after an
       amount metric, a few words before the percent, in its clause */
    for (int i = 0; i < ev->nc; i++) {
        const cue_ev *c = &ev->c[i];
        int d0 = c->cue == CUE_UP ? 1 : c->cue == CUE_DOWN ? -1 : 0;
        if (!d0 || c->e > q->start || c->s < prev_end || words_between(s, c->e, q->start) > 8) continue;
        if (clause_break_between(s, c->e, q->start, ev) || memchr(s + c->e, ',', q->start - c->e)) continue;
        for (int j = 0; j < ev->nm; j++) {
            const mention_t *m = &ev->m[j];
            if (m->e > c->s || words_between(s, m->e, c->s) != 0) continue;
            ea_metric_kind k = ea_lexicon_metric(lx, m->metric)->kind;
            if (k == EA_MK_MONEY || k == EA_MK_COUNT || k == EA_MK_PER_SHARE) best = d0;
        }
    }
    return best;
}

/* A comma or semicolon, ASCII or full-width, or an enumeration comma in
 * [a, b) of s. */
static int zh_clause_gap(const char *s, size_t a, size_t b) {
    for (size_t i = a; i < b; i++) {
        const unsigned char *c = (const unsigned char *)s + i;
        if (c[0] == ',' || c[0] == ';') return 1;
        if (i + 3 > b) continue;
        if (c[0] == 0xEF && c[1] == 0xBC && (c[2] == 0x8C || c[2] == 0x9B)) return 1; /* ， ； */
        if (c[0] == 0xE3 && c[1] == 0x80 && c[2] == 0x81) return 1;                   /* 、 */
    }
    return 0;
}

/* The yoy/qoq cue nearest to q (before it after the previous quantity, or
 * after it before the next). Returns CUE_YOY, CUE_QOQ or 0. A Chinese cue
 * comes before its number ("同比下降69%，环比下降30%"): one after the
 * number, past a comma, is the next number's. */
static cue_t change_period(const char *s, const events_t *ev, const ea_qty *q, size_t prev_end, size_t next_start) {
    cue_t best = 0;
    size_t best_d = (size_t)-1;
    for (int i = 0; i < ev->nc; i++) {
        const cue_ev *c = &ev->c[i];
        if (c->cue != CUE_YOY && c->cue != CUE_QOQ) continue;
        size_t d;
        if (c->e <= q->start && c->s >= prev_end && q->start - c->e <= 40) d = q->start - c->e;
        else if (c->s >= q->end && c->e <= next_start && c->s - q->end <= 60 &&
                 !((unsigned char)s[c->s] >= 0x80 && zh_clause_gap(s, q->end, c->s)))
            d = c->s - q->end;
        else continue;
        if (d < best_d || (d == best_d && c->s >= q->end)) {
            best_d = d;
            best = c->cue;
        }
    }
    return best;
}

/* A period named right after a number, with only linking words between:
 * "$10.02 for the full year", "$3.1 million in the second quarter". */
static const period_ev *period_right_after(const char *s, const events_t *ev, size_t at, size_t hi) {
    for (int i = 0; i < ev->np; i++) {
        const period_ev *p = &ev->p[i];
        if (p->s < at || p->e > hi) continue;
        const char *a = s + at, *b = s + p->s;
        while (a < b) {
            while (a < b && (*a == ' ' || *a == ',')) a++;
            size_t k = 0;
            static const char *const links[] = {"for ", "in ", "during ", "over ", "of ", "the "};
            for (size_t j = 0; j < sizeof links / sizeof links[0] && !k; j++) k = lit_at(a, b + 1, links[j]);
            if (!k) break;
            a += k;
        }
        return a >= b && p->s > at ? p : NULL;
    }
    return NULL;
}

static const period_ev *period_for(const events_t *ev, size_t at, size_t lo, size_t hi) {
    /* nearest before within [lo, at), else nearest after within (at, hi] */
    const period_ev *best = NULL;
    for (int i = 0; i < ev->np; i++)
        if (ev->p[i].e <= at && ev->p[i].s >= lo) best = &ev->p[i];
    if (!best)
        for (int i = 0; i < ev->np; i++)
            if (ev->p[i].s >= at && ev->p[i].e <= hi) {
                best = &ev->p[i];
                break;
            }
    return best;
}

/* the period an event names for a figure of this kind */
static const char *event_period(const period_ev *pe, ea_fact_kind kind) {
    if (!pe) return NULL;
    return kind == EA_FACT_GUIDANCE && pe->ahead[0] ? pe->ahead : pe->period;
}

static void default_period(const ctx_t *x, ea_fact_kind kind, char buf[8]) {
    if (!x->cp.year || x->cp.dated) {
        buf[0] = 0;
        return;
    }
    int fwd = kind == EA_FACT_GUIDANCE;
    if (x->cp.q && !x->cp.fy) fmt_q(buf, x->cp.year, x->cp.q + fwd);
    else fmt_fy(buf, x->cp.year + fwd);
}

static void set_source(ea_fact *f, const loc_t *loc, const ea_qty *q, size_t n, int32_t speaker) {
    f->para = loc->para->n - 1;
    f->in_translation = loc->trans;
    f->span.start = to_src(loc, q->start);
    f->span.end = to_src(loc, q->end);
    f->sentence.start = to_src(loc, 0);
    f->sentence.end = to_src(loc, n);
    f->speaker = speaker;
}

static ea_str metric_str(const ctx_t *x, int metric) {
    const char *id = ea_lexicon_metric(x->lx, metric)->id;
    return ea_str_make(id, strlen(id));
}

static int is_loss_phrase(ea_str p) {
    return p.len && (ea_ifind(p, "loss") || ea_find(p, "亏损") || ea_find(p, "虧損") || ea_find(p, "净亏") ||
                     ea_find(p, "淨虧"));
}

/* "71% of our revenue was from our data center products", "22% was from
 * our CATV products", "the remaining 7% from FTTH": the segment after. */
static ea_str mix_segment(const char *s, size_t n, size_t from) {
    const char *end = s + n, *p = s + from;
    size_t k;
    for (int guard = 0; guard < 8 && p < end; guard++) {
        while (p < end && *p == ' ') p++;
        if ((k = lit_at(p, end, "was")) || (k = lit_at(p, end, "were")) || (k = lit_at(p, end, "came")) ||
            (k = lit_at(p, end, "of")) || (k = lit_at(p, end, "our")) || (k = lit_at(p, end, "total")) ||
            (k = lit_at(p, end, "revenue")) || (k = lit_at(p, end, "revenues")) || (k = lit_at(p, end, "sales")) ||
            (k = lit_at(p, end, "is"))) {
            p += k;
            continue;
        }
        break;
    }
    if (!(k = lit_at(p, end, "from"))) {
        size_t k2 = (k = lit_at(p, end, "in")) ? k : (k = lit_at(p, end, "for"));
        const char *q2 = p + k2;
        while (q2 < end && *q2 == ' ') q2++;
        if (!k2 || !lit_at(q2, end, "our")) return ea_str_make(NULL, 0);
    }
    mention_t m = {(size_t)(p - s), (size_t)(p - s), -1};
    ea_str seg = find_segment(s, n, &m);
    if (seg.len && seg.ptr >= p) return seg;
    /* "from FTTH telecom and other": up to a comma or the end */
    const char *q = p + k;
    while (q < end && *q == ' ') q++;
    if ((k = lit_at(q, end, "our")) || (k = lit_at(q, end, "the"))) q += k;
    while (q < end && *q == ' ') q++;
    const char *e = q;
    while (e < end && *e != ',' && *e != '.' && *e != ';' && e - q < 40) e++;
    return ea_trim(ea_str_make(q, (size_t)(e - q)));
}

/* The noun right after a bare number ("homes", "active rigs"), if it is
 * one: lower-case letters, not a function word. */
static ea_str count_noun_after(const char *s, size_t n, const ea_qty *q) {
    static const char *const no[] = {"and", "or", "to", "of", "in", "on", "at", "for", "from", "the", "a", "an",
                                     "is", "was", "were", "are", "be", "by", "with", "as", "that", "this", "we",
                                     "it", "but", "so", "per", "than", "versus", "vs", "million", "billion",
                                     "thousand", "percent", "times", "plus", "more", "less", "out", "up", "down",
                                     "over", "under", "into", "through", "basis", "points", "point", "year", "years",
                                     "quarter", "quarters", "month", "months", "week", "weeks", "day", "days"};
    const char *end = s + n, *p = s + q->end;
    if (q->stated < 2 || q->stated != floor(q->stated)) return ea_str_make(NULL, 0);
    while (p < end && *p == ' ') p++;
    const char *w0 = p;
    /* one optional adjective, then the noun */
    for (int words = 0; words < 2; words++) {
        const char *ws = p;
        while (p < end && (ea_is_lower((unsigned char)*p) || *p == '-')) p++;
        size_t wl = (size_t)(p - ws);
        if (wl < 3 || (p < end && ea_is_alnum((unsigned char)*p))) return ea_str_make(NULL, 0);
        for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
            if (strlen(no[i]) == wl && !memcmp(no[i], ws, wl)) return ea_str_make(NULL, 0);
        /* plural nouns end in s; an adjective may come first */
        if (ws[wl - 1] == 's') return ea_str_make(w0, (size_t)(p - w0));
        if (p >= end || *p != ' ') return ea_str_make(NULL, 0);
        p++;
    }
    return ea_str_make(NULL, 0);
}

/* Copy a segment name; a capital that only marks the sentence start goes
 * ("Data center revenue" -> "data center"; "CATV" stays). */
static ea_str segment_str(ctx_t *x, const char *s, ea_str seg) {
    ea_str out = arena_str(x, seg.ptr, seg.len);
    /* a capital that only opens the sentence goes; a name in capitals
       ("Idaho Power") stays */
    int name = 0;
    for (size_t i = 1; i + 1 < out.len && !name; i++)
        name = out.ptr[i] == ' ' && ea_is_upper((unsigned char)out.ptr[i + 1]);
    if (out.len >= 2 && seg.ptr == s && !name && ea_is_upper((unsigned char)out.ptr[0]) &&
        ea_is_lower((unsigned char)out.ptr[1]))
        ((char *)out.ptr)[0] = (char)ea_lower((unsigned char)out.ptr[0]);
    return out;
}

/* A stated change: sequential when the call says so, else year over year. */
static void set_change(ea_fact *f, int as_qoq, double v) {
    if (as_qoq) {
        f->has_qoq = 1;
        f->qoq_pct = v;
    } else {
        f->has_yoy = 1;
        f->yoy_pct = v;
    }
}

/* "and" or "or" between a number and the metric after it starts the next
   item ("$5.9 billion and net earnings per share of ..."), never "$5.9
   billion of revenue" */
static int joins_clause(const char *s, size_t a, size_t b) {
    for (size_t i = a; i + 2 <= b; i++) {
        if (i > a && ea_is_alnum((unsigned char)s[i - 1])) continue;
        size_t k = i + 3 <= b && !memcmp(s + i, "and", 3) ? 3 : !memcmp(s + i, "or", 2) ? 2 : 0;
        if (k && (i + k == b || !ea_is_alnum((unsigned char)s[i + k]))) return 1;
    }
    return 0;
}

static int is_list_link(const char *s, size_t from, size_t to) {
    ea_str gap = ea_trim(ea_str_make(s + from, to - from));
    return gap.len == 0 || ea_ieq(gap, "and") || ea_ieq(gap, "or") || ea_ieq(gap, ",") || ea_ieq(gap, ", and");
}

/* A range of EPS, FFO or revenue is a forecast, cue or not: a result is
   one number ("we are raising adjusted earnings per share to between $2.51
   and $2.53", "non-GAAP earnings per diluted share in the range of $0.47
   to $0.49"); not a move written as one ("grew by $0.19 to $1.96", "has
   gone from $2.18 to $5.60") */
static int range_ahead(const ea_fact *f, const char *s, size_t at) {
    if (!f->is_range || from_before(s, at)) return 0;
    size_t i = at;
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '$')) i--;
    if (i >= 2 && ea_lower((unsigned char)s[i - 2]) == 'b' && s[i - 1] == 'y' &&
        (i == 2 || !ea_is_alnum((unsigned char)s[i - 3])))
        return 0;
    return !strcmp(f->metric.ptr, "eps") || !strcmp(f->metric.ptr, "ffo") || !strcmp(f->metric.ptr, "revenue");
}

static void sentence(ctx_t *x, const loc_t *loc, const char *s, size_t n, int32_t speaker) {
    events_t ev;
    ev.nq = ev.nm = ev.nc = ev.np = 0;
    ea_qty_scan(s, n, add_qty, &ev);
    int any = 0;
    for (int i = 0; i < ev.nq; i++)
        if (!(ev.q[i].flags & EA_Q_NOTVALUE)) any = 1;
    if (!any) return;
    scan_words(x->lx, s, n, &ev);
    int forward = 0, target = has_cue(&ev, CUE_TARGET);
    for (int i = 0; i < ev.nc; i++)
        if (ev.c[i].cue == CUE_GUIDE && !ev.c[i].arg) forward = 1;
    scan_periods(s, n, &x->cp, forward, &ev);
    int compare_start = 0; /* "This compares with ..." */
    for (int i = 0; i < ev.nc; i++)
        if (ev.c[i].cue == CUE_COMPARE && ev.c[i].s < 16 && !lit_at(s + ev.c[i].s, s + n, "from"))
            compare_start = 1;

    ea_fact *all;
    int last_fact = -1, last_actual = -1;
    size_t last_metric_end = 0;
    int last_dir = 0, last_compare = 0;
    size_t last_change_end = 0;
    int sent_facts[MAX_EV];
    int n_sent = 0;
    for (int i = 0; i < ev.nq && !x->failed; i++) {
        const ea_qty *q = &ev.q[i];
        if (q->flags & EA_Q_NOTVALUE) continue;
        size_t prev_end = 0, next_start = n;
        int next_i = -1, prev_q = -1;
        for (int j = i - 1; j >= 0; j--)
            if (!(ev.q[j].flags & EA_Q_NOTVALUE)) {
                prev_end = ev.q[j].end;
                prev_q = j;
                break;
            }
        for (int j = i + 1; j < ev.nq; j++)
            if (!(ev.q[j].flags & EA_Q_NOTVALUE)) {
                next_start = ev.q[j].start;
                next_i = j;
                break;
            }
        int pctlike = q->unit == EA_U_PCT || q->unit == EA_U_BPS || q->unit == EA_U_PP;
        int dir = pctlike ? change_dir(x->lx, s, &ev, q, prev_end, next_start) : 0;
        cue_t cper = change_period(s, &ev, q, prev_end, next_start);
        /* "down 23% year over year and 33% sequentially" */
        if (!dir && cper && last_dir && last_change_end == prev_end && words_between(s, prev_end, q->start) <= 4)
            dir = last_dir;
        /* the base of a comparison: "compared with X", "down from X" */
        int compare = 0;
        size_t compare_at = 0;
        for (int j = 0; j < ev.nc; j++)
            if (ev.c[j].cue == CUE_COMPARE && ev.c[j].e <= q->start && ev.c[j].s >= prev_end &&
                words_between(s, ev.c[j].e, q->start) <= (lit_at(s + ev.c[j].s, s + n, "from") ? 3 : 6) &&
                (last_fact >= 0 || compare_start)) {
                compare = 1;
                compare_at = ev.c[j].e;
            }
        /* "compared with a net loss of $16.3 million or a loss of $0.56 per
           share": the figure after "or" is part of the same comparison */
        if (!compare && last_compare && prev_end && words_between(s, prev_end, q->start) <= 4 &&
            lit_at(ea_trim(ea_str_make(s + prev_end, q->start - prev_end)).ptr, s + q->start, "or")) {
            compare = 1;
            compare_at = prev_end;
        }
        /* metric after: "$40.7 million in revenue", "18.9% gross margin",
           "62% and 21% of our total revenue" (a list shares it) */
        int mi = -1;
        size_t after_from = q->end, after_to = next_start;
        if (next_i >= 0 && ev.q[next_i].unit == q->unit && is_list_link(s, q->end, next_start)) {
            after_from = ev.q[next_i].end;
            after_to = n;
            for (int j = next_i + 1; j < ev.nq; j++)
                if (!(ev.q[j].flags & EA_Q_NOTVALUE)) {
                    after_to = ev.q[j].start;
                    break;
                }
        }
        for (int j = 0; j < ev.nm; j++) {
            const mention_t *m = &ev.m[j];
            const ea_metric *md = ea_lexicon_metric(x->lx, m->metric);
            /* "$1.02 billion of revenue": a share-of-revenue phrase after
               an amount names revenue itself */
            if (x->revenue_ix >= 0 && md->kind == EA_MK_RATIO && !strcmp(md->id, "revenue_mix") &&
                kind_fits(EA_MK_MONEY, q) && m->s >= after_from && m->s <= after_to &&
                words_between(s, after_from, m->s) == 0) {
                ev.m[j].metric = x->revenue_ix;
                md = ea_lexicon_metric(x->lx, m->metric);
            }
            if (m->s >= after_from && m->s <= after_to &&
                words_between(s, after_from, m->s) <= (dir && pctlike ? 3 : 2) &&
                !memchr(s + after_from, ',', m->s - after_from) && !joins_clause(s, after_from, m->s) &&
                !cue_between(&ev, CUE_COMPARE, after_from, m->s) &&
                (kind_fits(md->kind, q) || (dir && pctlike)) && !clause_break_between(s, after_from, m->s, &ev)) {
                mi = j;
                break;
            }
        }
        /* metric before, in the clause */
        int mb = -1;
        for (int j = ev.nm - 1; j >= 0; j--) {
            const mention_t *m = &ev.m[j];
            if (m->e > q->start) continue;
            if (clause_break_between(s, m->e, q->start, &ev)) break;
            const ea_metric *md = ea_lexicon_metric(x->lx, m->metric);
            if (!kind_fits(md->kind, q) && !(dir && pctlike)) continue;
            if (words_between(s, m->e, q->start) > 14) break;
            mb = j;
            break;
        }
        /* "our top 10 customers represented 92% of revenue" */
        if (mi >= 0 && mb >= 0 && !strcmp(ea_lexicon_metric(x->lx, ev.m[mi].metric)->id, "revenue_mix") &&
            !strcmp(ea_lexicon_metric(x->lx, ev.m[mb].metric)->id, "customer_concentration"))
            mi = mb;
        if (mi < 0) mi = mb;

        /* ---- a change: onto the latest level fact, or on its own ---- */
        if (q->unit == EA_U_PCT && (dir || cper) && !compare) {
            int is_level = mi >= 0 && ea_lexicon_metric(x->lx, ev.m[mi].metric)->kind == EA_MK_RATIO && !dir;
            if (!is_level) {
                double v = q->value * (dir < 0 ? -1 : 1);
                all = x->out->facts.ptr;
                ea_fact *tf = last_fact >= 0 ? &all[last_fact] : NULL;
                int as_qoq = cper == CUE_QOQ;
                last_dir = dir;
                last_change_end = q->end;
                if (tf && !(q->flags & EA_Q_RANGE) && !clause_break_between(s, last_metric_end, q->start, &ev) &&
                    !(as_qoq ? tf->has_qoq : tf->has_yoy) && tf->has_value && !tf->is_change) {
                    set_change(tf, as_qoq, v);
                    continue;
                }
                ea_fact *f = new_fact(x);
                if (!f) return;
                if (mi >= 0) {
                    const mention_t *m = &ev.m[mi];
                    f->metric = metric_str(x, m->metric);
                    f->metric_phrase = arena_str(x, s + m->s, m->e - m->s);
                    ea_str seg = find_segment(s, n, m);
                    if (seg.len) f->segment = arena_str(x, seg.ptr, seg.len);
                } else {
                    /* a change of something the vocabulary does not name:
                       keep the words before it */
                    f->metric = ea_str_make("other", 5);
                    size_t a0 = q->start > 48 ? q->start - 48 : 0;
                    if (a0 < prev_end) a0 = prev_end;
                    if (a0 > q->start) a0 = q->start;
                    while (a0 < q->start && ((unsigned char)s[a0] & 0xC0) == 0x80) a0++;
                    ea_str ph = ea_trim(ea_str_make(s + a0, q->start - a0));
                    if (ph.len) f->metric_phrase = arena_str(x, ph.ptr, ph.len);
                }
                f->unit = "%";
                f->is_change = 1;
                f->has_value = 1;
                f->value = v;
                if (q->flags & EA_Q_RANGE) {
                    f->is_range = 1;
                    f->low = dir < 0 ? -q->high : q->low;
                    f->high = dir < 0 ? -q->low : q->high;
                    v = f->value = (f->low + f->high) / 2;
                }
                set_change(f, as_qoq, v);
                f->kind = forward ? EA_FACT_GUIDANCE : EA_FACT_ACTUAL;
                f->approx = (q->flags & EA_Q_APPROX) != 0;
                f->stated = q->stated;
                int rel = 0;
                size_t phi = n; /* "compared to the second quarter of last year" is the base */
                for (int j = 0; j < ev.nc; j++)
                    if (ev.c[j].cue == CUE_COMPARE && ev.c[j].s > q->end && ev.c[j].s < phi) phi = ev.c[j].s;
                const period_ev *pe = period_right_after(s, &ev, q->end, next_start);
                if (!pe) pe = period_for(&ev, q->start, 0, phi);
                const char *per = event_period(pe, f->kind);
                if (pe) rel = pe->relative;
                char buf[8];
                if (!per) f->period_implied = 1;
                if (!per || rel) {
                    default_period(x, f->kind, buf);
                    per = buf[0] ? buf : NULL;
                }
                if (per && *per) f->period = arena_str(x, per, strlen(per));
                set_source(f, loc, q, n, speaker);
                continue;
            }
        }

        /* ---- a level ---- */
        /* a bare number ("about 400", "1.8") is a fact only when it counts
           something named: customers, units, shares */
        int bare_count = 0;
        if (q->unit == EA_U_NONE && !(q->flags & (EA_Q_SCALED | EA_Q_SHARES | EA_Q_PER_SHARE))) {
            ea_metric_kind k0 = mi >= 0 ? ea_lexicon_metric(x->lx, ev.m[mi].metric)->kind : EA_MK_MONEY;
            if (k0 != EA_MK_COUNT && k0 != EA_MK_TIMES) {
                /* "18,396 homes closed", "141 active rigs": a count of
                   something named right after */
                if (!count_noun_after(s, n, q).len) continue;
                bare_count = 1;
                mi = -1;
            }
        }
        ea_fact *f = new_fact(x);
        if (!f) return;
        all = x->out->facts.ptr;
        int fidx = (int)x->out->facts.n - 1;
        const char *metric_id = "other";
        ea_metric_kind mk = EA_MK_ANY;
        /* a metric named between the last fact and this number wins over
           the comparison's inheritance ("compared with a net loss of") */
        int named_here = mi >= 0 && (size_t)ev.m[mi].s >= (compare ? compare_at : prev_end);
        int loose = 0; /* no metric named: the words before stand for it */
        int base = -1; /* the fact this comparison's base measures */
        for (int j = n_sent - 1; j >= 0 && compare; j--) {
            const ea_fact *cf = &all[sent_facts[j]];
            int cf_pct = !strcmp(cf->unit, "%") || !strcmp(cf->unit, "bps");
            if (cf_pct == pctlike && cf->per_share == ((q->flags & EA_Q_PER_SHARE) != 0)) {
                base = sent_facts[j];
                break;
            }
        }
        if (compare && base < 0) base = last_fact;
        if (compare && base >= 0 && !named_here) {
            const ea_fact *lf = &all[base];
            metric_id = lf->metric.ptr;
            f->metric_phrase = lf->metric_phrase;
            f->segment = lf->segment;
            f->basis = lf->basis;
            int lf_pct = !strcmp(lf->unit, "%") || !strcmp(lf->unit, "bps");
            if (pctlike != lf_pct) {
                metric_id = mi >= 0 ? ea_lexicon_metric(x->lx, ev.m[mi].metric)->id : "other";
                f->segment = ea_str_make(NULL, 0);
            }
        } else if (mi >= 0) {
            const mention_t *m = &ev.m[mi];
            metric_id = ea_lexicon_metric(x->lx, m->metric)->id;
            mk = ea_lexicon_metric(x->lx, m->metric)->kind;
            f->metric_phrase = arena_str(x, s + m->s, m->e - m->s);
            ea_str seg = find_segment(s, n, m);
            if (seg.len) f->segment = segment_str(x, s, seg);
            if (m->e > last_metric_end) last_metric_end = m->e;
        } else if (compare_start && x->prev_fact >= 0 && (size_t)x->prev_fact + 1 < x->out->facts.n &&
                   all[x->prev_fact].para == loc->para->n - 1) {
            const ea_fact *lf = &all[x->prev_fact];
            metric_id = lf->metric.ptr;
            f->metric_phrase = lf->metric_phrase;
            f->segment = lf->segment;
            f->basis = lf->basis;
            compare = 1;
        } else if ((q->flags & EA_Q_RANGE) && n_sent && all[sent_facts[n_sent - 1]].is_range && prev_end &&
                   words_between(s, prev_end, q->start) <= 4 &&
                   !strcmp(all[sent_facts[n_sent - 1]].unit, unit_name(q))) {
            /* "from a prior range of $4.76 billion and $4.83 billion to
               now between $4.8 billion and $4.85 billion": the new range
               is the same forecast's */
            const ea_fact *lf = &all[sent_facts[n_sent - 1]];
            metric_id = lf->metric.ptr;
            f->metric_phrase = lf->metric_phrase;
            f->segment = lf->segment;
            f->basis = lf->basis;
            if (lf->period.len && lf->kind == EA_FACT_GUIDANCE) {
                f->period = lf->period;
                f->period_implied = lf->period_implied;
            }
        } else if (bare_count) {
            ea_str noun = count_noun_after(s, n, q);
            f->metric_phrase = arena_str(x, noun.ptr, noun.len);
        } else {
            loose = 1;
            size_t a0 = q->start > 48 ? q->start - 48 : 0;
            if (a0 < prev_end) a0 = prev_end;
            if (a0 > q->start) a0 = q->start;
            while (a0 < q->start && ((unsigned char)s[a0] & 0xC0) == 0x80) a0++;
            ea_str ph = ea_trim(ea_str_make(s + a0, q->start - a0));
            if (ph.len) f->metric_phrase = arena_str(x, ph.ptr, ph.len);
        }
        /* a percent of revenue right after a money figure: "$24.8 million or
           61% of revenue" is that figure's ratio, not a revenue mix */
        int pf = n_sent ? sent_facts[n_sent - 1] : -1;
        if (!strcmp(metric_id, "revenue_mix") && pctlike && pf >= 0 && prev_end &&
            words_between(s, prev_end, q->start) <= 1 && all[pf].unit[0] && strcmp(all[pf].unit, "%") != 0) {
            const ea_fact *lf = &all[pf];
            metric_id = "other";
            char ph[96];
            int k = snprintf(ph, sizeof ph, "%.*s as %% of revenue",
                             (int)(lf->metric_phrase.len < 60 ? lf->metric_phrase.len : 60),
                             lf->metric_phrase.ptr ? lf->metric_phrase.ptr : "");
            if (k > 0) f->metric_phrase = arena_str(x, ph, (size_t)k < sizeof ph ? (size_t)k : sizeof ph - 1);
            f->segment = lf->segment;
        }
        /* revenue mix: "71% of our revenue was from our data center
           products", "22% was from our CATV products" */
        if (pctlike && (!strcmp(metric_id, "revenue_mix") ||
                        (!strcmp(metric_id, "other") && x->last_mix_para == (long)loc->para->n))) {
            ea_str seg = mix_segment(s, n, q->end);
            if (seg.len || !strcmp(metric_id, "revenue_mix")) {
                metric_id = "revenue_mix";
                if (seg.len && !f->segment.len) f->segment = arena_str(x, seg.ptr, seg.len);
                x->last_mix_para = (long)loc->para->n;
            }
        }
        /* per-share numbers are EPS unless the metric is one a call also
           states per share: "adjusted EBITDA of $170 million or $1.08 per
           share", "book value ... to $11.91 per share" */
        if ((q->flags & EA_Q_PER_SHARE) && mk != EA_MK_PER_SHARE && !per_share_metric(metric_id))
            metric_id = "eps";
        /* an amount's per-share figure right after it is that amount per
           share: "adjustments totaled ... $31.2 million after tax,
           representing $0.35 per share", "a reserve build of $317 million,
           or $0.59 per share"; EPS only when the amount is earnings */
        if ((q->flags & EA_Q_PER_SHARE) && mk != EA_MK_PER_SHARE && !strcmp(metric_id, "eps") && pf >= 0 &&
            prev_end && words_between(s, prev_end, q->start) <= 3 && !all[pf].per_share && all[pf].unit && all[pf].unit[0] &&
            strcmp(all[pf].unit, "%") != 0 && !earnings_amount(&all[pf])) {
            metric_id = "other";
            f->metric_phrase = all[pf].metric_phrase;
            f->segment = all[pf].segment;
        }
        /* earnings in dollars and cents are per share: "adjusted earnings
           ... is expected to be $7.40 to $7.60" */
        if (cents_amount(s, q) &&
            (!strcmp(metric_id, "net_income") || (!strcmp(metric_id, "other") && earnings_words(f->metric_phrase))))
            metric_id = "eps";
        if ((q->flags & EA_Q_SHARES) && strcmp(metric_id, "buyback") != 0) metric_id = "shares";
        f->metric = ea_str_make(metric_id, strlen(metric_id));
        f->has_value = 1;
        f->value = q->value;
        f->stated = q->stated;
        f->unit = unit_name(q);
        f->per_share = (q->flags & EA_Q_PER_SHARE) != 0;
        f->approx = (q->flags & EA_Q_APPROX) != 0;
        if (q->flags & EA_Q_RANGE) {
            f->is_range = 1;
            f->low = q->low;
            f->high = q->high;
            /* "decreased 26% from $542 million to $401 million": a move,
               not a range; the level is where it went */
            int move = from_before(s, q->start) && !earlier_after(s, n, q->end) ? move_dir(&ev, q->start) : 0;
            if (move) {
                f->is_range = 0;
                f->value = move < 0 ? q->low : q->high;
            } else if (or_before(s, q->start) && move_dir(&ev, q->start) && !earlier_after(s, n, q->end) &&
                       prev_q >= 0 && ev.q[prev_q].unit == EA_U_PCT && !(ev.q[prev_q].flags & EA_Q_RANGE)) {
                /* "decreased 29.3% or $79.3 million to $190.9 million": the
                   change, then the level it reached, written second; not
                   "growth of 12% to 15%, or $0.81 to $0.83" */
                f->is_range = 0;
                f->value = second_written(q);
            }
        }
        /* losses carry their sign: "net loss of $12 million", "每股虧損" */
        int loss = is_loss_phrase(f->metric_phrase);
        if (!loss && (q->flags & EA_Q_PER_SHARE) && last_fact >= 0 &&
            is_loss_phrase(all[last_fact].metric_phrase) && words_between(s, prev_end, q->start) <= 2)
            loss = 1; /* "net loss of $12 million or $0.31 per share" */
        if (loss && f->is_range) {
            double a1 = fabs(f->low), a2 = fabs(f->high);
            f->low = -(a1 > a2 ? a1 : a2);
            f->high = -(a1 > a2 ? a2 : a1);
            f->value = (f->low + f->high) / 2;
        } else if (loss && !(q->flags & EA_Q_NEG) && f->value > 0) {
            f->value = -f->value;
        }
        if (dir && (q->unit == EA_U_BPS || q->unit == EA_U_PP)) f->value = fabs(f->value) * dir;
        /* kind */
        int gi = -1;
        for (int j = 0; j < ev.nc; j++)
            if (ev.c[j].cue == CUE_GUIDE && ev.c[j].e <= q->start) gi = j;
        /* Chinese puts the cue after: "4,100萬至4,600萬美元的指導範圍" */
        int gi_after = -1;
        for (int j = 0; j < ev.nc; j++)
            if (ev.c[j].cue == CUE_GUIDE && ev.c[j].s >= q->end && ev.c[j].s <= q->end + 8 &&
                ev.c[j].s <= next_start)
                gi_after = j;
        int guide_here = gi >= 0 && (words_between(s, ev.c[gi].e, q->start) <= 6 ||
                                     !clause_break_between(s, ev.c[gi].e, q->start, &ev));
        f->kind = target && target_near(&ev, s, q) ? EA_FACT_TARGET
                  : (guide_here || gi_after >= 0 || (forward && (q->flags & EA_Q_RANGE)) || range_ahead(f, s, q->start)) ? EA_FACT_GUIDANCE
                                                                                         : EA_FACT_ACTUAL;
        /* the base of a comparison is an actual, but a revised forecast's
           base is the earlier forecast: "raising it to $2.10 from $2.00
           previously" */
        if (compare) {
            int revised = base >= 0 && all[base].kind == EA_FACT_GUIDANCE;
            f->kind = revised && (earlier_after(s, n, q->end) || earlier_named(s, compare_at, q->start))
                          ? EA_FACT_GUIDANCE
                          : EA_FACT_ACTUAL;
            if (f->kind == EA_FACT_GUIDANCE && !f->period.len) f->period = all[base].period;
        }
        /* "below our guidance range of $41 million to $46 million": the
           earlier guidance for the same period, and how the actual compares */
        int gcue = gi >= 0 && ev.c[gi].s >= prev_end ? gi : gi_after;
        int pair = last_actual;
        for (int j = n_sent - 1; j >= 0; j--) {
            const ea_fact *cf = &all[sent_facts[j]];
            if (cf->kind != EA_FACT_ACTUAL) continue;
            int cf_pct = !strcmp(cf->unit, "%");
            if (cf_pct == (q->unit == EA_U_PCT) && cf->per_share == ((q->flags & EA_Q_PER_SHARE) != 0)) {
                pair = sent_facts[j];
                break;
            }
        }
        /* only a comparison with guidance pairs: "below our guidance of",
           "in line with our outlook"; not "we are projecting" after a figure */
        if (gcue >= 0 && !(ev.c[gcue].arg && ev.c[gcue].arg[0] == 'n')) {
            int vs = 0;
            for (int j = 0; j < ev.nc && !vs; j++)
                vs = (ev.c[j].cue == CUE_BELOW || ev.c[j].cue == CUE_ABOVE || ev.c[j].cue == CUE_WITHIN) &&
                     ev.c[j].s >= prev_end && ev.c[j].s <= q->end + 40;
            if (!vs) gcue = -1;
        }
        if (gcue >= 0 && pair >= 0 && !compare) {
            ea_fact *a = &all[pair];
            f->kind = EA_FACT_GUIDANCE;
            if (!strcmp(metric_id, "other") || !named_here) {
                f->metric = a->metric;
                f->metric_phrase = a->metric_phrase;
                f->segment = a->segment;
                f->basis = a->basis;
            }
            f->period = a->period;
            for (int j = 0; j < ev.nc; j++) {
                const cue_ev *c = &ev.c[j];
                if (c->s < prev_end || c->s > q->end + 40) continue;
                if (c->cue == CUE_BELOW) a->vs_guidance = EA_VS_BELOW;
                else if (c->cue == CUE_ABOVE) a->vs_guidance = EA_VS_ABOVE;
                else if (c->cue == CUE_WITHIN) a->vs_guidance = EA_VS_WITHIN;
            }
            if (a->vs_guidance == EA_VS_NONE && f->is_range && a->has_value) {
                double v = a->value;
                a->vs_guidance = v < f->low ? EA_VS_BELOW : v > f->high ? EA_VS_ABOVE : EA_VS_WITHIN;
            }
        }
        /* a per-share figure of the quarter that no metric names, after
           words that say nothing of earnings, is a part or an effect, not
           EPS: "Operating costs were $0.15 per share higher", "$12.5
           million pre-tax or $0.15 per share" */
        if (loose && f->kind == EA_FACT_ACTUAL && ea_ieq(f->metric, "eps") &&
            !earnings_said(ea_str_make(s + prev_end, q->start - prev_end)) &&
            !(pf >= 0 && prev_end && words_between(s, prev_end, q->start) <= 3 && earnings_amount(&all[pf])))
            f->metric = ea_str_make("other", 5);
        /* basis: "$0.70 on an adjusted basis" right after the figure, else
           the nearest basis word before, in the clause */
        if (!f->basis.len) {
            ea_str b = basis_after(s, n, &ev, q->end);
            if (b.len) f->basis = b;
        }
        if (!f->basis.len)
            for (int j = ev.nc - 1; j >= 0; j--) {
                const cue_ev *c = &ev.c[j];
                if (c->cue != CUE_BASIS || c->e > q->start) continue;
                if (clause_break_between(s, c->e, q->start, &ev)) break;
                f->basis = ea_str_make(c->arg, strlen(c->arg));
                break;
            }
        if (!f->basis.len && x->default_basis.len &&
            (mk == EA_MK_RATIO || mk == EA_MK_PER_SHARE || !strcmp(f->metric.ptr, "eps") ||
             !strcmp(f->metric.ptr, "net_income") || !strcmp(f->metric.ptr, "operating_income") ||
             !strcmp(f->metric.ptr, "operating_expenses")))
            f->basis = x->default_basis;
        /* period */
        if (!f->period.len) {
            int rel = 0;
            size_t hi = next_start;
            if (!compare)
                for (int j = 0; j < ev.nc; j++)
                    if (ev.c[j].cue == CUE_COMPARE && ev.c[j].s > q->end && ev.c[j].s < hi) hi = ev.c[j].s;
            const period_ev *ra = compare ? NULL : period_right_after(s, &ev, q->end, hi);
            const period_ev *pe = ra ? ra : period_for(&ev, q->start, compare ? q->start : 0, compare ? n : hi);
            const char *per = event_period(pe, f->kind);
            if (pe) rel = pe->relative;
            /* "compared to $0.89 last quarter and $0.94 a year ago": a
               relative period right after the figure is its own */
            if (ra && rel && !compare) {
                size_t b = q->end;
                while (b < ra->s && (s[b] == ' ' || s[b] == ',')) b++;
                if (b == ra->s) rel = 0;
            }
            char buf[8];
            if (compare && !per) {
                int yearago = nearest_cue(&ev, CUE_PRIOR, q->end, n) >= 0 || nearest_cue(&ev, CUE_YOY, 0, n) >= 0;
                if (x->cp.q && !x->cp.fy && !yearago) fmt_q(buf, x->cp.year, x->cp.q - 1);
                else if (x->cp.q && !x->cp.fy) fmt_q(buf, x->cp.year - 1, x->cp.q);
                else fmt_fy(buf, x->cp.year - 1);
                per = x->cp.year ? buf : NULL;
            } else if (!per && f->kind == EA_FACT_GUIDANCE && x->guide_period[0] && !loc->trans &&
                       x->guide_turn == loc->para->turn && loc->para->n - x->guide_para <= 3) {
                /* "For 2021, we expect ... Our guidance assumes a tax rate
                   of 22% to 23%.": the forecast goes on for the same period */
                f->period_implied = 1;
                per = x->guide_period;
            } else if (!per || (rel && !compare)) {
                if (!per) f->period_implied = 1;
                default_period(x, f->kind, buf);
                per = buf[0] ? buf : NULL;
            }
            if (per && *per) f->period = arena_str(x, per, strlen(per));
            if (per && !f->period_implied && !compare && !loc->trans && f->kind == EA_FACT_GUIDANCE &&
                strlen(per) < sizeof x->guide_period) {
                memcpy(x->guide_period, per, strlen(per) + 1);
                x->guide_para = loc->para->n;
                x->guide_turn = loc->para->turn;
            }
        }
        set_source(f, loc, q, n, speaker);
        if (!compare) {
            last_fact = fidx;
            if (f->kind == EA_FACT_ACTUAL) last_actual = fidx;
        }
        last_compare = compare;
        if (n_sent < MAX_EV) sent_facts[n_sent++] = fidx;
        x->prev_fact = fidx;
    }
}

/* A speaker who says "fourth quarter" on a first-quarter call while quoting
 * the quarter's own revenue has misspoken: when the same metric, segment and
 * value is stated elsewhere for the call's period, the odd period yields. */
static void consistent_periods(ctx_t *x) {
    char cpbuf[8];
    default_period(x, EA_FACT_ACTUAL, cpbuf);
    if (!cpbuf[0]) return;
    ea_fact *fs = x->out->facts.ptr;
    size_t n = x->out->facts.n;
    /* value -> facts: sort indices by value would be n log n; calls have a
       few hundred facts, and we only compare within a metric bucket */
    for (size_t i = 0; i < n; i++) {
        ea_fact *a = &fs[i];
        if (!a->has_value || a->kind != EA_FACT_ACTUAL || !a->period.len || ea_ieq(a->period, cpbuf)) continue;
        /* a year or a half named is no slip of the tongue: "earnings per
           share for the year was $0.25", restated later without a period */
        if (a->period.ptr[0] == 'F' || (a->period.len == 6 && a->period.ptr[4] == 'H')) continue;
        for (size_t j = 0; j < n; j++) {
            const ea_fact *b = &fs[j];
            if (j == i || !b->has_value || b->kind != EA_FACT_ACTUAL || !ea_ieq(b->period, cpbuf)) continue;
            if (b->in_translation != a->in_translation || b->para == a->para) continue;
            if (b->metric.len != a->metric.len || memcmp(b->metric.ptr, a->metric.ptr, a->metric.len)) continue;
            if (fabs(b->value - a->value) > 1e-9 * (fabs(a->value) + 1) || b->is_range != a->is_range) continue;
            if (b->segment.len != a->segment.len) continue;
            if (!strcmp(a->metric.ptr, "other")) continue;
            a->period = b->period;
            break;
        }
    }
}

/* A figure for a period the call has not reached yet is a forecast, cue
 * or not ("This translates to fourth-quarter revenue of $1.63 billion to
 * $1.66 billion" on a third-quarter call); so is a range for the current
 * fiscal year before its last quarter. */
static void future_is_guidance(ctx_t *x) {
    if (!x->cp.year || x->cp.dated) return;
    int cy = x->cp.year, cq = x->cp.fy ? 4 : x->cp.q;
    if (!cq) return;
    ea_fact *fs = x->out->facts.ptr;
    for (size_t i = 0; i < x->out->facts.n; i++) {
        ea_fact *f = &fs[i];
        if (f->kind != EA_FACT_ACTUAL || f->period.len != 6) continue;
        const char *p = f->period.ptr;
        int fyp = p[0] == 'F';
        const char *d = fyp ? p + 2 : p;
        if (!ea_is_digit((unsigned char)d[0]) || !ea_is_digit((unsigned char)d[3])) continue;
        int y = digits4(d);
        int later;
        if (fyp) later = y > cy || (y == cy && cq < 4 && f->is_range);
        else if (p[4] == 'Q') later = y * 4 + (p[5] - '1') > cy * 4 + (cq - 1);
        else if (p[4] == 'H') later = y * 2 + (p[5] - '1') > cy * 2 + (cq > 2);
        else later = 0;
        if (later) f->kind = EA_FACT_GUIDANCE;
    }
}

/* Guidance with no period named defaults to the next quarter; a range for
 * EPS or revenue several times the quarter's own figure is the year's
 * ("we raised our guidance for adjusted EPS to $8.80 to $8.95" on a call
 * whose quarter earned $2.30). */
static void annual_guidance(ctx_t *x) {
    if (!x->cp.year || x->cp.fy) return;
    char cpbuf[8], fy[8];
    default_period(x, EA_FACT_ACTUAL, cpbuf);
    /* the fiscal year that holds the next quarter */
    fmt_fy(fy, x->cp.q == 4 ? x->cp.year + 1 : x->cp.year);
    ea_fact *fs = x->out->facts.ptr;
    size_t n = x->out->facts.n;
    for (size_t i = 0; i < n; i++) {
        ea_fact *g = &fs[i];
        /* a forecast for the quarter just reported is no forecast of it:
           "based on our results through the third quarter, we have
           adjusted our EPS guidance to $1.90 to $2.05" */
        if (g->kind != EA_FACT_GUIDANCE || !g->is_range || g->is_change) continue;
        if (!g->period_implied && !ea_ieq(g->period, cpbuf)) continue;
        int eps = ea_ieq(g->metric, "eps"), rev = ea_ieq(g->metric, "revenue");
        if (!eps && !rev) continue;
        /* the quarter's actual of the same metric, unit and segment */
        double q = 0;
        for (size_t j = 0; j < n && q == 0; j++) {
            const ea_fact *a = &fs[j];
            if (a->kind != EA_FACT_ACTUAL || a->is_change || a->is_range || !a->has_value || a->value <= 0) continue;
            if (!ea_ieq(a->period, cpbuf) || !ea_ieq(a->metric, eps ? "eps" : "revenue")) continue;
            if (strcmp(a->unit, g->unit) || a->segment.len != g->segment.len || a->in_translation != g->in_translation)
                continue;
            q = a->value;
        }
        if (q > 0 && g->low > 2.5 * q) g->period = arena_str(x, fy, strlen(fy));
    }
}

/* Whom a number is about: a company the domain packs know, named earlier
 * in the number's own sentence, that is not the company holding the call
 * ("中际旭创的营收..." on an industry call). */
static void link_companies(ctx_t *x) {
    ea_mentions *ms = NULL;
    if (ea_mentions_find(NULL, x->call, &ms, NULL) != EA_OK || !ms) {
        ea_mentions_free(ms);
        return; /* no memory: facts stay unlinked, as without packs */
    }
    const ea_call_info *in = ea_call_get_info(x->call);
    ea_fact *fs = x->out->facts.ptr;
    for (size_t i = 0; i < x->out->facts.n; i++) {
        ea_fact *f = &fs[i];
        const ea_mention *m = ea_mentions_before(ms, f->para, EA_ENTITY_COMPANY, f->span.start);
        if (!m || m->span.start < f->sentence.start) continue;
        const ea_entity *e = m->entity;
        /* "中际旭创营收": a Chinese segment read before the metric that is
           a company's name is the company, not a segment */
        if (f->segment.len && (unsigned char)f->segment.ptr[0] >= 0x80 && m->span.end > m->span.start) {
            size_t tl;
            const char *text = ea_call_text(x->call, &tl);
            if (m->span.end <= tl && ea_find_n(f->segment, text + m->span.start, m->span.end - m->span.start))
                f->segment = ea_str_make(NULL, 0);
        }
        /* the host itself, however the call names it */
        int host = 0;
        if (in->company.len && e->name.len && e->name.len <= in->company.len)
            host = ea_ifind_n(in->company, e->name.ptr, e->name.len) != NULL;
        if (!host && in->company.len && e->name.len > in->company.len)
            host = ea_ifind_n(e->name, in->company.ptr, in->company.len) != NULL;
        if (!host && in->ticker.len && e->ticker.len) host = ea_ifind_n(e->ticker, in->ticker.ptr, in->ticker.len) != NULL;
        if (host) continue;
        f->company = e->name;
    }
    /* the names live in the entity set in use (the caller keeps it alive); the mentions can go */
    ea_mentions_free(ms);
}

/* The fiscal year of the call minus the calendar year of its quarter's
 * end: the latest year the call names in "three months ended June 30,
 * 2021", "the quarter ended", "the period ended", when it also names the
 * year before (the same span a year ago), so that the latest is the
 * call's own; 0 otherwise, or when the two are more than a year apart. */
static int date_shift(const ea_call *c, int year) {
    size_t n;
    const char *t = ea_call_text(c, &n);
    ea_str rest = ea_str_make(t, n);
    int latest = 0, earlier = 0;
    for (const char *at; (at = ea_ifind(rest, "ended")) != NULL;) {
        ea_str before = ea_str_make(t, (size_t)(at - t));
        if (ea_iends(before, "months ") || ea_iends(before, "quarter ") || ea_iends(before, "period ")) {
            const char *after;
            int y = date_year(at + 5, t + n, 26, &after);
            if (y > latest) {
                earlier = latest == y - 1;
                latest = y;
            } else if (y == latest - 1) {
                earlier = 1;
            }
        }
        rest = ea_str_make(at + 5, (size_t)(t + n - at - 5));
    }
    return earlier && year - latest >= 0 && year - latest <= 1 ? year - latest : 0;
}

static void parse_call_period(ctx_t *x) {
    const ea_call_info *in = ea_call_get_info(x->call);
    memset(&x->cp, 0, sizeof x->cp);
    ea_str p = in->period;
    if (p.len == 6 && p.ptr[4] == 'Q') {
        x->cp.year = digits4(p.ptr);
        x->cp.q = p.ptr[5] - '0';
    } else if (p.len == 6 && p.ptr[4] == 'H') {
        x->cp.year = digits4(p.ptr);
        x->cp.q = p.ptr[5] == '1' ? 2 : 4;
    } else if (p.len == 6 && p.ptr[0] == 'F') {
        x->cp.year = digits4(p.ptr + 2);
        x->cp.q = 4;
        x->cp.fy = 1;
    } else if (in->date.len >= 4 && ea_is_digit((unsigned char)in->date.ptr[0])) {
        /* an expert call with a date and no period */
        x->cp.year = digits4(in->date.ptr);
        x->cp.dated = 1;
    }
    x->cp.call = x->call;
    x->cp.date_shift = x->cp.year && !x->cp.dated ? -1 : 0;
}

/* "all financial results ... are on a non-GAAP basis, unless ..." */
static void default_basis(ctx_t *x) {
    size_t np = ea_call_paragraph_count(x->call);
    for (size_t i = 0; i < np && i < 40; i++) {
        ea_str t = ea_call_paragraph(x->call, i)->text;
        const char *h = ea_ifind(t, "on a non-gaap basis");
        if (h && (ea_ifind(t, "unless") || ea_ifind(t, "all financial") || ea_ifind(t, "all figures") ||
                  ea_ifind(t, "all numbers"))) {
            x->default_basis = ea_str_make("non_gaap", 8);
            return;
        }
    }
}

/* A paragraph that opens on a segment speaks of it throughout: "Moving to
 * Clinical Nutrition, total sales were $244 million", "In Metal Coatings,
 * which represented 60% of our sales, ...". The name, or empty. */
static ea_str segment_opener(ea_str t) {
    /* "And for TMTT, we expect ...", "So in Europe, ..." */
    static const char *const conj[] = {"and ", "so ", "now ", "then "};
    for (size_t i = 0; i < sizeof conj / sizeof conj[0]; i++)
        if (ea_istarts(t, conj[i])) {
            size_t k = strlen(conj[i]);
            t = ea_str_make(t.ptr + k, t.len - k);
            break;
        }
    /* "On the agency side, revenue was a record $845 million" */
    if (ea_istarts(t, "on the ")) {
        const char *p = t.ptr + 7, *end = t.ptr + (t.len < 48 ? t.len : 48), *q = p;
        while (q < end && (ea_is_alpha((unsigned char)*q) || *q == ' ' || *q == '-' || *q == '&')) q++;
        if (q < end && *q == ',' && q - p > 5 && !memcmp(q - 5, " side", 5)) {
            ea_str seg = ea_trim(ea_str_make(p, (size_t)(q - 5 - p)));
            if (seg.len && !is_seg_stop(seg.ptr, seg.len)) return seg;
        }
        return ea_str_make(NULL, 0);
    }
    static const char *const lead[] = {"moving to ", "moving on to ", "turning to ", "turning now to ",
                                       "now turning to ", "now moving to ", "switching to ", "looking at ",
                                       "shifting to ", "within ", "in ", "for ", "at "};
    const char *p = t.ptr, *end = t.ptr + t.len;
    size_t k = 0;
    for (size_t i = 0; i < sizeof lead / sizeof lead[0] && !k; i++)
        if (ea_istarts(t, lead[i])) k = strlen(lead[i]);
    if (!k) return ea_str_make(NULL, 0);
    p += k;
    if (lit_at(p, end, "our")) p += 4;
    else if (lit_at(p, end, "the")) p += 4;
    size_t cl = cap_name(p, end);
    if (!cl) return ea_str_make(NULL, 0);
    const char *q = p + cl;
    while (q < end && *q == ' ') q++;
    size_t w;
    if ((w = lit_at(q, end, "segment")) || (w = lit_at(q, end, "business")) || (w = lit_at(q, end, "division")) ||
        (w = lit_at(q, end, "group")) || (w = lit_at(q, end, "segments")))
        q += w;
    return q < end && *q == ',' ? ea_str_make(p, cl) : ea_str_make(NULL, 0);
}

/* the metrics a segment reports; EPS, cash, debt, shares are the company's */
static int segment_metric(ea_str m) {
    static const char *const ids[] = {"revenue", "gross_margin", "operating_margin", "operating_income",
                                      "ebitda", "ebitda_margin", "bookings", "backlog", "book_to_bill",
                                      "units", "same_store_sales", "other"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (ea_ieq(m, ids[i])) return 1;
    return 0;
}

static void extract_text(ctx_t *x, const ea_paragraph *p, int trans, ea_str text, int32_t speaker) {
    size_t start = 0, first = x->out->facts.n;
    while (start < text.len && !x->failed) {
        /* a sentence after the first starts at its first word, as the
           first does: "For 2026, ..." opens it wherever it stands */
        while (start < text.len && ea_is_space((unsigned char)text.ptr[start])) start++;
        if (start == text.len) break;
        size_t e = ea_sentence_end(text.ptr, text.len, start);
        loc_t loc = {p, trans, start};
        sentence(x, &loc, text.ptr + start, e - start, speaker);
        start = e;
    }
    ea_str seg = trans || x->failed ? ea_str_make(NULL, 0) : segment_opener(text);
    if (!seg.len || first == x->out->facts.n) return;
    ea_str kept = arena_str(x, seg.ptr, seg.len);
    ea_fact *fs = x->out->facts.ptr;
    for (size_t i = first; i < x->out->facts.n; i++)
        if (!fs[i].segment.len && !fs[i].company.len && segment_metric(fs[i].metric)) fs[i].segment = kept;
}

/* Original vs translation: every number one side states (levels, range
 * ends, changes) should be stated by the other. */
typedef struct {
    double v;
    size_t fact;
} num_t;

static size_t side_numbers(const ea_fact *fs, size_t a, size_t b, num_t *out, size_t cap) {
    size_t n = 0;
    for (size_t i = a; i < b && n + 5 <= cap; i++) {
        const ea_fact *f = &fs[i];
        if (f->has_value && !f->is_range) out[n++] = (num_t){fabs(f->value), i};
        if (f->is_range) {
            out[n++] = (num_t){fabs(f->low), i};
            out[n++] = (num_t){fabs(f->high), i};
        }
        if (f->has_yoy && !(f->is_change && fc_same(f->value, f->yoy_pct))) out[n++] = (num_t){fabs(f->yoy_pct), i};
        if (f->has_qoq && !(f->is_change && fc_same(f->value, f->qoq_pct))) out[n++] = (num_t){fabs(f->qoq_pct), i};
    }
    return n;
}

static void cross_check(ctx_t *x, size_t first_orig, size_t end_orig, size_t end_tr) {
    num_t a[256], b[256];
    const ea_fact *fs = x->out->facts.ptr;
    size_t na = side_numbers(fs, first_orig, end_orig, a, 256);
    size_t nb = side_numbers(fs, end_orig, end_tr, b, 256);
    unsigned char used_b[256] = {0}, used_a[256] = {0}, told_b[256] = {0};
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (!used_b[j] && fc_same(a[i].v, b[j].v)) {
                used_a[i] = used_b[j] = 1;
                break;
            }
    for (int pass = 0; pass < 2; pass++) {
        size_t n = pass ? nb : na;
        const num_t *arr = pass ? b : a;
        const unsigned char *used = pass ? used_b : used_a;
        const num_t *other = pass ? a : b;
        const unsigned char *oused = pass ? used_a : used_b;
        size_t on = pass ? na : nb;
        for (size_t i = 0; i < n; i++) {
            if (used[i] || (pass && told_b[i])) continue;
            /* a number repeated on one side and said once on the other */
            int dup = 0;
            for (size_t j = 0; j < n && !dup; j++)
                if (j != i && used[j] && fc_same(arr[j].v, arr[i].v)) dup = 1;
            if (dup) continue;
            /* one finding per fact (a range has two ends) */
            int seen = 0;
            for (size_t j = 0; j < i && !seen; j++)
                if (!used[j] && arr[j].fact == arr[i].fact) seen = 1;
            if (seen) continue;
            const ea_fact *f = &fs[arr[i].fact];
            const num_t *near = NULL;
            for (size_t j = 0; j < on && !near; j++)
                if (!oused[j] && !(pass == 0 && told_b[j]) && !strcmp(fs[other[j].fact].unit, f->unit)) {
                    near = &other[j];
                    if (pass == 0) told_b[j] = 1;
                }
            ea_finding *fd = ea_vec_push(&x->out->findings, sizeof *fd, (size_t)1 << 20);
            if (!fd) {
                x->failed = 1;
                return;
            }
            fd->para = f->para;
            fd->what = near ? "original and translation give different values"
                            : (pass ? "number only in the translation" : "number missing in the translation");
            ea_span *mine = pass ? &fd->trans : &fd->orig, *theirs = pass ? &fd->orig : &fd->trans;
            double *mv = pass ? &fd->trans_value : &fd->orig_value, *tv = pass ? &fd->orig_value : &fd->trans_value;
            *mine = f->span;
            *mv = arr[i].v;
            if (near) {
                *theirs = fs[near->fact].span;
                *tv = near->v;
            }
        }
    }
}

static ea_status fail(ea_error *err, ea_status code, const char *msg) {
    if (err) {
        err->code = code;
        err->message = msg;
        err->offset = SIZE_MAX;
        err->line = err->column = 0;
    }
    return code;
}

ea_status ea_facts_extract(const ea_call *call, ea_facts **out, ea_error *err) {
    if (out) *out = NULL;
    if (!call || !out) {
        return fail(err, EA_ERR_USAGE, "NULL argument");
    }
    ea_facts *f = calloc(1, sizeof *f);
    const struct ea_lexicon *lx = ea_lexicon_default();
    if (!f || !lx) {
        free(f);
        return fail(err, EA_ERR_NOMEM, "out of memory");
    }
    f->call = call;
    ea_arena_init(&f->arena, 16384);
    ctx_t x;
    memset(&x, 0, sizeof x);
    x.out = f;
    x.call = call;
    x.lx = lx;
    x.prev_fact = -1;
    x.revenue_ix = ea_lexicon_find(lx, "revenue");
    parse_call_period(&x);
    default_basis(&x);
    size_t np = ea_call_paragraph_count(call);
    for (size_t i = 0; i < np && !x.failed; i++) {
        const ea_paragraph *p = ea_call_paragraph(call, i);
        const ea_turn *t = ea_call_turn(call, p->turn);
        int32_t sp = t ? t->speaker : -1;
        size_t first = f->facts.n;
        extract_text(&x, p, 0, p->text, sp);
        if (p->has_translation) {
            size_t mid = f->facts.n;
            extract_text(&x, p, 1, p->tr_text, sp);
            if (!x.failed) cross_check(&x, first, mid, f->facts.n);
        }
    }
    if (!x.failed) consistent_periods(&x);
    if (!x.failed) future_is_guidance(&x);
    if (!x.failed) annual_guidance(&x);
    if (!x.failed) link_companies(&x);
    if (x.failed) {
        ea_facts_free(f);
        return fail(err, EA_ERR_NOMEM, "out of memory");
    }
    *out = f;
    return EA_OK;
}

void ea_facts_free(ea_facts *f) {
    if (!f) return;
    ea_arena_free(&f->arena);
    ea_vec_free(&f->facts);
    ea_vec_free(&f->findings);
    free(f);
}

size_t ea_facts_count(const ea_facts *f) { return f->facts.n; }
const ea_fact *ea_facts_get(const ea_facts *f, size_t i) {
    return i < f->facts.n ? &((const ea_fact *)f->facts.ptr)[i] : NULL;
}
size_t ea_facts_finding_count(const ea_facts *f) { return f->findings.n; }
const ea_finding *ea_facts_finding(const ea_facts *f, size_t i) {
    return i < f->findings.n ? &((const ea_finding *)f->findings.ptr)[i] : NULL;
}
const ea_call *ea_facts_call(const ea_facts *f) { return f->call; }

const char *ea_fact_kind_name(ea_fact_kind k) {
    return k == EA_FACT_GUIDANCE ? "guidance" : k == EA_FACT_TARGET ? "target" : "actual";
}
const char *ea_vs_name(ea_vs v) {
    return v == EA_VS_BELOW ? "below" : v == EA_VS_WITHIN ? "within" : v == EA_VS_ABOVE ? "above" : NULL;
}
