/* Facts: every number that matters, with its metric, period, kind, basis,
 * segment, changes and source. One pass per sentence over three kinds of
 * events found by table-driven scanners (quantities, metric phrases, cue
 * words), then a small set of attachment rules. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon.h"
#include "extract/qty.h"
#include "facts_int.h"
#include "model/call_int.h"

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
    CUE_OTHER_CO
} cue_t;

typedef struct {
    const char *w;
    cue_t cue;
    const char *arg; /* basis id for CUE_BASIS */
} cue_word;

/* Matched at word starts, case-insensitively; longest first within the
 * same first letter is ensured by listing longer phrases first. */
static const cue_word cue_words[] = {
    {"year over year", CUE_YOY, 0}, {"year-over-year", CUE_YOY, 0}, {"year on year", CUE_YOY, 0},
    {"year-on-year", CUE_YOY, 0}, {"yoy", CUE_YOY, 0}, {"y/y", CUE_YOY, 0},
    {"from a year ago", CUE_YOY, 0}, {"from the year-ago", CUE_YOY, 0}, {"from the prior year", CUE_YOY, 0},
    {"from last year", CUE_YOY, 0}, {"versus last year", CUE_YOY, 0}, {"versus the prior year", CUE_YOY, 0},
    {"versus the prior-year", CUE_YOY, 0}, {"versus a year ago", CUE_YOY, 0}, {"vs. last year", CUE_YOY, 0},
    {"compared to last year", CUE_YOY, 0}, {"compared with last year", CUE_YOY, 0},
    {"compared to the prior year", CUE_YOY, 0}, {"compared with the prior year", CUE_YOY, 0},
    {"compared to a year ago", CUE_YOY, 0}, {"compared with a year ago", CUE_YOY, 0},
    {"over the prior year", CUE_YOY, 0}, {"over last year", CUE_YOY, 0}, {"from the same period", CUE_YOY, 0},
    {"over the same period", CUE_YOY, 0}, {"versus the same period", CUE_YOY, 0}, {"year-over-year", CUE_YOY, 0},
    {"同比", CUE_YOY, 0}, {"年增", CUE_YOY, 0}, {"年減", CUE_YOY, 0}, {"较去年同期", CUE_YOY, 0}, {"較去年同期", CUE_YOY, 0},
    {"sequentially", CUE_QOQ, 0}, {"sequential", CUE_QOQ, 0}, {"quarter over quarter", CUE_QOQ, 0},
    {"quarter-over-quarter", CUE_QOQ, 0}, {"quarter on quarter", CUE_QOQ, 0}, {"qoq", CUE_QOQ, 0},
    {"q/q", CUE_QOQ, 0}, {"from the prior quarter", CUE_QOQ, 0}, {"from the previous quarter", CUE_QOQ, 0},
    {"from last quarter", CUE_QOQ, 0}, {"versus the prior quarter", CUE_QOQ, 0}, {"versus last quarter", CUE_QOQ, 0},
    {"compared to the prior quarter", CUE_QOQ, 0}, {"compared with the prior quarter", CUE_QOQ, 0},
    {"环比", CUE_QOQ, 0}, {"環比", CUE_QOQ, 0}, {"季增", CUE_QOQ, 0}, {"季減", CUE_QOQ, 0}, {"較上季", CUE_QOQ, 0},
    {"较上季", CUE_QOQ, 0},
    {"increased", CUE_UP, 0}, {"increase", CUE_UP, 0}, {"increases", CUE_UP, 0}, {"increasing", CUE_UP, 0},
    {"up", CUE_UP, 0}, {"grew", CUE_UP, 0}, {"grow", CUE_UP, 0}, {"growth", CUE_UP, 0}, {"growing", CUE_UP, 0},
    {"rose", CUE_UP, 0}, {"rise", CUE_UP, 0}, {"higher", CUE_UP, 0}, {"improved", CUE_UP, 0},
    {"improvement", CUE_UP, 0}, {"expanded", CUE_UP, 0}, {"expansion", CUE_UP, 0}, {"gain", CUE_UP, 0},
    {"gained", CUE_UP, 0}, {"jumped", CUE_UP, 0}, {"climbed", CUE_UP, 0}, {"surged", CUE_UP, 0},
    {"advanced", CUE_UP, 0}, {"raised", CUE_UP, 0}, {"more than doubled", CUE_UP, 0},
    {"增长", CUE_UP, 0}, {"增長", CUE_UP, 0}, {"成长", CUE_UP, 0}, {"成長", CUE_UP, 0}, {"上升", CUE_UP, 0},
    {"提升", CUE_UP, 0}, {"提高", CUE_UP, 0}, {"增加", CUE_UP, 0}, {"上涨", CUE_UP, 0}, {"年增", CUE_UP, 0},
    {"decreased", CUE_DOWN, 0}, {"decrease", CUE_DOWN, 0}, {"decreases", CUE_DOWN, 0}, {"declined", CUE_DOWN, 0},
    {"decline", CUE_DOWN, 0}, {"declines", CUE_DOWN, 0}, {"declining", CUE_DOWN, 0}, {"down", CUE_DOWN, 0},
    {"fell", CUE_DOWN, 0}, {"fall", CUE_DOWN, 0}, {"lower", CUE_DOWN, 0}, {"dropped", CUE_DOWN, 0},
    {"drop", CUE_DOWN, 0}, {"contracted", CUE_DOWN, 0}, {"contraction", CUE_DOWN, 0}, {"reduced", CUE_DOWN, 0},
    {"reduction", CUE_DOWN, 0}, {"shrank", CUE_DOWN, 0}, {"slipped", CUE_DOWN, 0}, {"compressed", CUE_DOWN, 0},
    {"compression", CUE_DOWN, 0}, {"deteriorated", CUE_DOWN, 0},
    {"下降", CUE_DOWN, 0}, {"下滑", CUE_DOWN, 0}, {"减少", CUE_DOWN, 0}, {"減少", CUE_DOWN, 0}, {"降低", CUE_DOWN, 0},
    {"下跌", CUE_DOWN, 0}, {"年減", CUE_DOWN, 0}, {"季減", CUE_DOWN, 0}, {"年减", CUE_DOWN, 0},
    {"guidance", CUE_GUIDE, 0}, {"guided", CUE_GUIDE, 0}, {"guide", CUE_GUIDE, 0}, {"guiding", CUE_GUIDE, 0},
    {"outlook", CUE_GUIDE, 0}, {"forecast", CUE_GUIDE, 0}, {"forecasts", CUE_GUIDE, 0}, {"expect", CUE_GUIDE, 0},
    {"expects", CUE_GUIDE, 0}, {"expected", CUE_GUIDE, 0}, {"expecting", CUE_GUIDE, 0}, {"anticipate", CUE_GUIDE, 0},
    {"anticipates", CUE_GUIDE, 0}, {"anticipated", CUE_GUIDE, 0}, {"projecting", CUE_GUIDE, 0},
    {"project", CUE_GUIDE, 0}, {"projected", CUE_GUIDE, 0}, {"estimate", CUE_GUIDE, 0}, {"sees", CUE_GUIDE, 0},
    {"will be", CUE_GUIDE, 0}, {"should be", CUE_GUIDE, 0}, {"plan to", CUE_GUIDE, 0}, {"we see", CUE_GUIDE, 0},
    {"预计", CUE_GUIDE, 0}, {"預計", CUE_GUIDE, 0}, {"指引", CUE_GUIDE, 0}, {"预期", CUE_GUIDE, 0},
    {"預期", CUE_GUIDE, 0}, {"展望", CUE_GUIDE, 0}, {"预估", CUE_GUIDE, 0}, {"預估", CUE_GUIDE, 0},
    {"long-term", CUE_TARGET, 0}, {"long term", CUE_TARGET, 0}, {"target model", CUE_TARGET, 0},
    {"targets", CUE_TARGET, 0}, {"our target", CUE_TARGET, 0}, {"goal", CUE_TARGET, 0}, {"over time", CUE_TARGET, 0},
    {"aspire", CUE_TARGET, 0}, {"长期", CUE_TARGET, 0}, {"長期", CUE_TARGET, 0}, {"目标", CUE_TARGET, 0},
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
    {"vs.", CUE_COMPARE, 0}, {"vs", CUE_COMPARE, 0}, {"from", CUE_COMPARE, 0}, {"relative to", CUE_COMPARE, 0},
    {"against", CUE_COMPARE, 0}, {"as compared", CUE_COMPARE, 0},
    {"non-gaap", CUE_BASIS, "non_gaap"}, {"non gaap", CUE_BASIS, "non_gaap"}, {"gaap", CUE_BASIS, "gaap"},
    {"adjusted", CUE_BASIS, "adjusted"}, {"organic", CUE_BASIS, "organic"}, {"organically", CUE_BASIS, "organic"},
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
} callp_t;

static void put_year(char *out, int y) {
    if (y < 0) y = 0;
    y %= 10000;
    for (int i = 3; i >= 0; i--, y /= 10) out[i] = (char)('0' + y % 10);
}

static void fmt_q(char out[8], int y, int q) {
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
    out[0] = 'F';
    out[1] = 'Y';
    put_year(out + 2, y);
    out[6] = 0;
}

static void fmt_h(char out[8], int y, int h) {
    put_year(out, y);
    out[4] = 'H';
    out[5] = (char)('0' + (h == 2 ? 2 : 1));
    out[6] = 0;
}

static size_t lit_at(const char *p, const char *end, const char *lit) {
    size_t n = strlen(lit);
    if ((size_t)(end - p) < n) return 0;
    for (size_t i = 0; i < n; i++)
        if (ea_lower((unsigned char)p[i]) != ea_lower((unsigned char)lit[i])) return 0;
    if (ea_is_alpha((unsigned char)lit[n - 1]) && p + n < end && ea_is_alnum((unsigned char)p[n])) return 0;
    return n;
}

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
        int y = (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
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

/* A quarter named without a year: the most recent one for results, the
 * coming one for guidance. */
static int quarter_year(const callp_t *cp, int q, int forward) {
    if (!cp->q) return cp->year;
    if (q == cp->q) return cp->year;
    if (q < cp->q) return forward ? cp->year + 1 : cp->year;
    return forward ? cp->year : cp->year - 1;
}

/* Scan a sentence for period expressions. `forward`: the sentence speaks of
 * the future (guidance). */
static void scan_periods(const char *s, size_t n, const callp_t *cp, int forward, events_t *ev) {
    const char *end = s + n;
    for (const char *p = s; p < end && ev->np < MAX_EV / 2; p++) {
        if (p > s && ea_is_alnum((unsigned char)p[-1]) && (unsigned char)*p < 0x80) continue;
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
            size_t b = lit_at(q, end, "quarter");
            if (b) {
                q += b;
                y = read_year(q, end, &u);
                fmt_q(pe.period, y ? y : quarter_year(cp, i + 1, forward), i + 1);
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
            fmt_q(pe.period, y ? y : quarter_year(cp, qq, forward), qq);
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
                fmt_q(pe.period, y ? y : quarter_year(cp, qq, forward), qq);
                k = 2 + u;
            }
        }
        if (!k && ((k = lit_at(p, end, "full year")) || (k = lit_at(p, end, "full-year")) ||
                   (k = lit_at(p, end, "fiscal year")) || (k = lit_at(p, end, "the year")) ||
                   (k = lit_at(p, end, "this year")) || (k = lit_at(p, end, "annual")) ||
                   (k = lit_at(p, end, "fiscal")))) {
            y = read_year(p + k, end, &u);
            fmt_fy(pe.period, y ? y : cp->year);
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
            if (y && !(p + u < end && *(p + u) == ',')) {
                fmt_fy(pe.period, y);
                k = u;
            }
        }
        /* Chinese */
        if (!k && (unsigned char)*p >= 0x80) {
            static const struct {
                const char *w;
                int kind, n;
            } zh[] = {{"第一季度", 'Q', 1}, {"第二季度", 'Q', 2}, {"第三季度", 'Q', 3}, {"第四季度", 'Q', 4},
                      {"第一季", 'Q', 1},   {"第二季", 'Q', 2},   {"第三季", 'Q', 3},   {"第四季", 'Q', 4},
                      {"一季度", 'Q', 1},   {"二季度", 'Q', 2},   {"三季度", 'Q', 3},   {"四季度", 'Q', 4},
                      {"上半年", 'H', 1},   {"下半年", 'H', 2},   {"全年", 'Y', 0},     {"明年", 'N', 0},
                      {"本季", 'C', 0},     {"去年同期", 'P', 0}, {"上季", 'L', 0},     {"今年", 'Y', 0}};
            for (size_t i = 0; i < sizeof zh / sizeof zh[0]; i++) {
                size_t a = strlen(zh[i].w);
                if ((size_t)(end - p) < a || memcmp(p, zh[i].w, a) != 0) continue;
                /* a year right before: 2024年第一季度 */
                int yy = 0;
                const char *b = p;
                if (b - s >= 3 && !memcmp(b - 3, "年", 3)) {
                    const char *d = b - 3;
                    while (d > s && d[-1] == ' ') d--;
                    if (d - s >= 4 && ea_is_digit((unsigned char)d[-1]) && ea_is_digit((unsigned char)d[-4])) {
                        yy = (d[-4] - '0') * 1000 + (d[-3] - '0') * 100 + (d[-2] - '0') * 10 + (d[-1] - '0');
                        st = d - 4;
                    }
                }
                switch (zh[i].kind) {
                case 'Q': fmt_q(pe.period, yy ? yy : quarter_year(cp, zh[i].n, forward), zh[i].n); break;
                case 'H': fmt_h(pe.period, yy ? yy : cp->year, zh[i].n); break;
                case 'Y': fmt_fy(pe.period, yy ? yy : cp->year); break;
                case 'N': fmt_fy(pe.period, cp->year + 1); break;
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
        if (k && pe.period[0]) {
            pe.s = (size_t)(st - s);
            pe.e = (size_t)(p - s) + k;
            ev->p[ev->np++] = pe;
            p += k - 1;
        }
    }
}

/* ---- scanning a sentence ---------------------------------------------- */

static void scan_words(const struct ea_lexicon *lx, const char *s, size_t n, events_t *ev) {
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
        if (ev->nm < MAX_EV && ea_lexicon_match(lx, p, end, &hit)) {
            ev->m[ev->nm].s = (size_t)(p - s);
            ev->m[ev->nm].e = (size_t)(p - s) + hit.len;
            ev->m[ev->nm].metric = hit.metric;
            ev->nm++;
            adv = hit.len;
        }
        /* cue words (they may overlap metric phrases: "growth" is both) */
        if (ev->nc < MAX_EV) {
            for (size_t i = 0; i < sizeof cue_words / sizeof cue_words[0]; i++) {
                const char *w = cue_words[i].w;
                if ((unsigned char)w[0] < 0x80 ? ea_lower(c) != (unsigned char)w[0] : c != (unsigned char)w[0]) continue;
                size_t k = lit_at(p, end, w);
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
        } else {
            while (p < end && ea_is_alnum((unsigned char)*p)) p++;
        }
    }
}

/* ---- attaching ---------------------------------------------------------- */

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

static int words_between(const char *s, size_t a, size_t b) {
    int w = 0, in = 0;
    for (size_t i = a; i < b; i++) {
        int al = ea_is_alnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
        if (al && !in) w++;
        in = al;
    }
    return w;
}

static int kind_fits(ea_metric_kind mk, const ea_qty *q) {
    switch (mk) {
    case EA_MK_MONEY: return q->unit == EA_U_CUR || (q->unit == EA_U_NONE && (q->flags & EA_Q_SCALED));
    case EA_MK_RATIO: return q->unit == EA_U_PCT || q->unit == EA_U_BPS || q->unit == EA_U_PP;
    case EA_MK_PER_SHARE: return q->unit == EA_U_CUR || q->unit == EA_U_NONE;
    case EA_MK_COUNT: return q->unit == EA_U_NONE;
    case EA_MK_TIMES: return q->unit == EA_U_TIMES || q->unit == EA_U_NONE;
    default: return 1;
    }
}

static const char *const seg_stop[] = {
    "total", "our", "the", "net", "gross", "quarterly", "quarter", "annual", "gaap", "non-gaap", "adjusted",
    "organic", "record", "company", "consolidated", "overall", "reported", "a", "an", "and", "of", "in",
    "for", "its", "their", "this", "that", "with", "was", "were", "is", "year", "full", "fiscal", "first",
    "second", "third", "fourth", "half", "combined", "core", "same", "comparable", "q1", "q2", "q3", "q4",
    "we", "our", "had", "have", "has", "delivered", "reported", "generated", "saw", "achieved", "posted",
    "recorded", "grew", "strong", "solid", "higher", "lower", "increased", "decreased", "total", "to", "at",
    "on", "by", "as", "all", "also", "again", "but", "so", "then", "now", "today", "yoy", "growth", "quarter's",
    "year's", "company's", "mid-single", "double-digit", "high", "low", "mid", "new", "diluted", "basic",
    "per", "share", "operating", "continuing", "operations", "ebitda", "said", "see", "expect", "it", "these",
    "those", "such", "based", "about", "approximately", "around", "only", "just", "both", "each", "every",
    "product", "products", "segment", "segments", "business", "businesses", "from", "than", "be", "been"};

static int is_seg_stop(const char *w, size_t n) {
    for (size_t i = 0; i < sizeof seg_stop / sizeof seg_stop[0]; i++)
        if (strlen(seg_stop[i]) == n) {
            size_t k = 0;
            while (k < n && ea_lower((unsigned char)w[k]) == (unsigned char)seg_stop[i][k]) k++;
            if (k == n) return 1;
        }
    return 0;
}

/* Segment named around a metric mention: "data center revenue", "revenue
 * for our data center products", "revenue in our CATV segment". */
static ea_str find_segment(const char *s, size_t n, const mention_t *m) {
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
        if (is_seg_stop(ws, (size_t)(we - ws))) break;
        /* a number or a capitalised sentence start is not a segment */
        if (ea_is_digit((unsigned char)*ws)) break;
        size_t wl = (size_t)(we - ws);
        if (wl > 2 && ws[wl - 2] == 'e' && ws[wl - 1] == 'd') break; /* verbs in -ed */
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
    case EA_U_CUR: return q->cur[0] ? q->cur : "";
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

/* The change direction right around quantity q: "up 42%", "increased by
 * 33%", "a decline of 7.5%", "42% increase", "23% lower". 0 when none. */
static int change_dir(const char *s, const events_t *ev, const ea_qty *q, size_t prev_end, size_t next_start) {
    int best = 0;
    size_t best_d = (size_t)-1;
    for (int i = 0; i < ev->nc; i++) {
        const cue_ev *c = &ev->c[i];
        if (c->cue != CUE_UP && c->cue != CUE_DOWN) continue;
        size_t d;
        if (c->e <= q->start && c->s >= prev_end) {
            if (words_between(s, c->e, q->start) > 3) continue;
            d = q->start - c->e;
        } else if (c->s >= q->end && c->e <= next_start) {
            if (words_between(s, q->end, c->s) > 1) continue;
            d = c->s - q->end;
        } else {
            continue;
        }
        if (d < best_d) {
            best_d = d;
            best = c->cue == CUE_UP ? 1 : -1;
        }
    }
    return best;
}

static const char *period_for(const events_t *ev, size_t at, size_t lo, size_t hi, int *relative) {
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
    if (!best) return NULL;
    *relative = best->relative;
    return best->period;
}

/* Period and source of a change-only fact. */
static void change_provenance(ctx_t *x, ea_fact *f, const loc_t *loc, const ea_qty *q, const char *s, size_t n,
                              const events_t *ev, int32_t speaker) {
    (void)s;
    int rel = 0;
    const char *per = period_for(ev, q->start, 0, n, &rel);
    char buf[8];
    if (!per || rel) {
        if (f->kind == EA_FACT_ACTUAL) {
            if (x->cp.q && !x->cp.fy) fmt_q(buf, x->cp.year, x->cp.q);
            else fmt_fy(buf, x->cp.year);
        } else {
            if (x->cp.q && !x->cp.fy) fmt_q(buf, x->cp.year, x->cp.q + 1);
            else fmt_fy(buf, x->cp.year + 1);
        }
        per = x->cp.year ? buf : NULL;
    }
    if (per) f->period = arena_str(x, per, strlen(per));
    f->para = loc->para->n - 1;
    f->in_translation = loc->trans;
    f->span.start = to_src(loc, q->start);
    f->span.end = to_src(loc, q->end);
    f->sentence.start = to_src(loc, 0);
    f->sentence.end = to_src(loc, n);
    f->speaker = speaker;
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
    int forward = has_cue(&ev, CUE_GUIDE);
    int target = has_cue(&ev, CUE_TARGET);
    scan_periods(s, n, &x->cp, forward, &ev);

    int last_fact = -1;        /* index in out->facts of the latest level fact in this sentence */
    int last_actual = -1;      /* latest actual fact, for "below our guidance of ..." */
    size_t last_metric_end = 0;
    for (int i = 0; i < ev.nq; i++) {
        const ea_qty *q = &ev.q[i];
        if (q->flags & EA_Q_NOTVALUE) continue;
        size_t prev_end = 0, next_start = n;
        for (int j = i - 1; j >= 0; j--)
            if (!(ev.q[j].flags & EA_Q_NOTVALUE)) {
                prev_end = ev.q[j].end;
                break;
            }
        for (int j = i + 1; j < ev.nq; j++)
            if (!(ev.q[j].flags & EA_Q_NOTVALUE)) {
                next_start = ev.q[j].start;
                break;
            }
        int pctlike = q->unit == EA_U_PCT || q->unit == EA_U_BPS || q->unit == EA_U_PP;
        int dir = pctlike ? change_dir(s, &ev, q, prev_end, next_start) : 0;
        /* yoy/qoq cue right after (or right before) the change */
        int yoy = -1, qoq = -1;
        {
            size_t hi = next_start < q->end + 60 ? next_start : q->end + 60;
            size_t lo = q->start > 40 ? q->start - 40 : 0;
            if (lo < prev_end) lo = prev_end;
            yoy = nearest_cue(&ev, CUE_YOY, q->end, hi);
            qoq = nearest_cue(&ev, CUE_QOQ, q->end, hi);
            if (yoy < 0 && qoq < 0) {
                yoy = nearest_cue(&ev, CUE_YOY, lo, q->start);
                qoq = nearest_cue(&ev, CUE_QOQ, lo, q->start);
            }
        }
        /* the metric: a mention right after ("$40.7 million in revenue",
           "18.9% gross margin", "71% of revenue"), else the nearest before in
           the clause */
        int mi = -1;
        for (int j = 0; j < ev.nm; j++) {
            const mention_t *m = &ev.m[j];
            const ea_metric *md = ea_lexicon_metric(x->lx, m->metric);
            if (m->s >= q->end && m->s <= next_start && words_between(s, q->end, m->s) <= 2 &&
                kind_fits(md->kind, q) && !clause_break_between(s, q->end, m->s, &ev)) {
                mi = j;
                break;
            }
        }
        if (mi < 0) {
            for (int j = ev.nm - 1; j >= 0; j--) {
                const mention_t *m = &ev.m[j];
                if (m->e > q->start) continue;
                if (clause_break_between(s, m->e, q->start, &ev)) break;
                const ea_metric *md = ea_lexicon_metric(x->lx, m->metric);
                if (!kind_fits(md->kind, q) && !(dir && pctlike)) continue;
                if (words_between(s, m->e, q->start) > 14) break;
                mi = j;
                break;
            }
        }
        /* a change: attach to this sentence's latest level fact when its
           metric is the one named, else a change-only fact */
        if (pctlike && q->unit == EA_U_PCT && (dir || yoy >= 0 || qoq >= 0)) {
            int is_level = mi >= 0 && ea_lexicon_metric(x->lx, ev.m[mi].metric)->kind == EA_MK_RATIO && !dir;
            if (!is_level) {
                double v = q->value * (dir < 0 ? -1 : 1);
                ea_fact *tf = last_fact >= 0 ? &((ea_fact *)x->out->facts.ptr)[last_fact] : NULL;
                if (tf && !clause_break_between(s, last_metric_end, q->start, &ev) &&
                    !(qoq >= 0 ? tf->has_qoq : tf->has_yoy)) {
                    if (qoq >= 0 && (yoy < 0 || ev.c[qoq].s < ev.c[yoy].s)) {
                        tf->has_qoq = 1;
                        tf->qoq_pct = v;
                    } else {
                        tf->has_yoy = 1;
                        tf->yoy_pct = v;
                    }
                    continue;
                }
                if (mi < 0) continue; /* a change of nothing named: drop */
                ea_fact *f = new_fact(x);
                if (!f) return;
                const mention_t *m = &ev.m[mi];
                f->metric = ea_str_make(ea_lexicon_metric(x->lx, m->metric)->id,
                                        strlen(ea_lexicon_metric(x->lx, m->metric)->id));
                f->metric_phrase = arena_str(x, s + m->s, m->e - m->s);
                f->segment = find_segment(s, n, m);
                if (f->segment.len) f->segment = arena_str(x, f->segment.ptr, f->segment.len);
                f->has_value = 0;
                f->unit = "%";
                if (qoq >= 0 && (yoy < 0 || ev.c[qoq].s < ev.c[yoy].s)) {
                    f->has_qoq = 1;
                    f->qoq_pct = v;
                } else {
                    f->has_yoy = 1;
                    f->yoy_pct = v;
                }
                f->kind = forward ? EA_FACT_GUIDANCE : EA_FACT_ACTUAL;
                f->approx = (q->flags & EA_Q_APPROX) != 0;
                f->stated = q->stated;
                change_provenance(x, f, loc, q, s, n, &ev, speaker);
                continue;
            }
        }
        ea_fact *f = new_fact(x);
        if (!f) return;
        int fidx = (int)x->out->facts.n - 1;
        const char *metric_id = "other";
        ea_metric_kind mk = EA_MK_ANY;
        if (mi >= 0) {
            const mention_t *m = &ev.m[mi];
            metric_id = ea_lexicon_metric(x->lx, m->metric)->id;
            mk = ea_lexicon_metric(x->lx, m->metric)->kind;
            f->metric_phrase = arena_str(x, s + m->s, m->e - m->s);
            ea_str seg = find_segment(s, n, m);
            if (seg.len) f->segment = arena_str(x, seg.ptr, seg.len);
            last_metric_end = m->e > last_metric_end ? m->e : last_metric_end;
        } else {
            /* keep the words before the number as the phrase */
            size_t a = q->start > 48 ? q->start - 48 : 0;
            if (a < prev_end) a = prev_end;
            while (a < q->start && (unsigned char)s[a] >= 0x80 && ((unsigned char)s[a] & 0xC0) == 0x80) a++;
            ea_str ph = ea_trim(ea_str_make(s + a, q->start - a));
            if (ph.len) f->metric_phrase = arena_str(x, ph.ptr, ph.len);
        }
        /* per-share numbers are EPS unless the metric is a per-share one */
        if ((q->flags & EA_Q_PER_SHARE) && mk != EA_MK_PER_SHARE && strcmp(metric_id, "dividend") != 0 &&
            strcmp(metric_id, "free_cash_flow") != 0 && strcmp(metric_id, "buyback") != 0)
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
        }
        /* losses carry their sign */
        if (f->metric_phrase.len && ea_ifind(f->metric_phrase, "loss") && !(q->flags & EA_Q_NEG) && q->value > 0 &&
            !(q->flags & EA_Q_RANGE))
            f->value = -f->value;
        if (dir && (q->unit == EA_U_BPS || q->unit == EA_U_PP)) f->value = fabs(f->value) * dir;
        /* kind */
        int gi = -1;
        for (int j = 0; j < ev.nc; j++)
            if (ev.c[j].cue == CUE_GUIDE && ev.c[j].e <= q->start) gi = j;
        int guide_here = gi >= 0 && (words_between(s, ev.c[gi].e, q->start) <= 6 ||
                                     !clause_break_between(s, ev.c[gi].e, q->start, &ev));
        f->kind = target ? EA_FACT_TARGET : (guide_here || (forward && (q->flags & EA_Q_RANGE))) ? EA_FACT_GUIDANCE
                                                                                                : EA_FACT_ACTUAL;
        /* "below our guidance range of $41 million to $46 million": the
           earlier guidance for the same period, and how the actual compares */
        if (gi >= 0 && last_actual >= 0 && ev.c[gi].s > prev_end) {
            ea_fact *a = &((ea_fact *)x->out->facts.ptr)[last_actual];
            f->kind = EA_FACT_GUIDANCE;
            if (!strcmp(f->metric.ptr, "other") || (a->metric.len && mi < 0)) {
                f->metric = a->metric;
                f->metric_phrase = a->metric_phrase;
                f->segment = a->segment;
                f->basis = a->basis;
            }
            f->period = a->period;
            for (int j = 0; j < ev.nc; j++) {
                const cue_ev *c = &ev.c[j];
                if (c->s < prev_end || c->e > q->start) continue;
                if (c->cue == CUE_BELOW) a->vs_guidance = EA_VS_BELOW;
                else if (c->cue == CUE_ABOVE) a->vs_guidance = EA_VS_ABOVE;
                else if (c->cue == CUE_WITHIN) a->vs_guidance = EA_VS_WITHIN;
            }
            if (a->vs_guidance == EA_VS_NONE && f->is_range && a->has_value) {
                double v = a->value;
                a->vs_guidance = v < f->low ? EA_VS_BELOW : v > f->high ? EA_VS_ABOVE : EA_VS_WITHIN;
            }
        }
        /* basis: the nearest basis word before, in the clause */
        for (int j = ev.nc - 1; j >= 0; j--) {
            const cue_ev *c = &ev.c[j];
            if (c->cue != CUE_BASIS || c->e > q->start) continue;
            if (clause_break_between(s, c->e, q->start, &ev)) break;
            if (!f->basis.len) f->basis = ea_str_make(c->arg, strlen(c->arg));
            break;
        }
        if (!f->basis.len && x->default_basis.len && mk != EA_MK_MONEY && strcmp(metric_id, "revenue") != 0 &&
            (mk == EA_MK_RATIO || mk == EA_MK_PER_SHARE || !strcmp(metric_id, "eps")))
            f->basis = x->default_basis;
        /* a comparison base: "compared with a net loss of $3.1 million" */
        int compare = 0;
        for (int j = 0; j < ev.nc; j++)
            if (ev.c[j].cue == CUE_COMPARE && ev.c[j].e <= q->start && ev.c[j].s >= prev_end &&
                words_between(s, ev.c[j].e, q->start) <= 6 && last_fact >= 0)
                compare = 1;
        {
            int rel = 0;
            const char *per = NULL;
            if (!f->period.len) {
                size_t lo = 0, hi = next_start;
                if (!compare) {
                    for (int j = 0; j < ev.nc; j++)
                        if (ev.c[j].cue == CUE_COMPARE && ev.c[j].s > q->end && ev.c[j].s < hi) hi = ev.c[j].s;
                }
                per = period_for(&ev, q->start, lo, hi, &rel);
                char buf[8];
                if (compare && (!per || !rel)) {
                    int pr = nearest_cue(&ev, CUE_PRIOR, q->end, n) >= 0 || nearest_cue(&ev, CUE_YOY, 0, n) >= 0;
                    if (!per) {
                        if (x->cp.q && !pr && has_cue(&ev, CUE_QOQ)) fmt_q(buf, x->cp.year, x->cp.q - 1);
                        else if (x->cp.q) fmt_q(buf, x->cp.year - 1, x->cp.q);
                        else fmt_fy(buf, x->cp.year - 1);
                        per = x->cp.year ? buf : NULL;
                    }
                } else if (!per || (rel && !compare)) {
                    if (f->kind == EA_FACT_ACTUAL || f->kind == EA_FACT_TARGET) {
                        if (x->cp.q && !x->cp.fy) fmt_q(buf, x->cp.year, x->cp.q);
                        else fmt_fy(buf, x->cp.year);
                    } else {
                        if (x->cp.q && !x->cp.fy) fmt_q(buf, x->cp.year, x->cp.q + 1);
                        else fmt_fy(buf, x->cp.year + 1);
                    }
                    per = x->cp.year ? buf : NULL;
                }
                if (per) f->period = arena_str(x, per, strlen(per));
            }
        }
        /* guidance whose period is already past is the earlier guidance */
        f->para = loc->para->n - 1;
        f->in_translation = loc->trans;
        f->span.start = to_src(loc, q->start);
        f->span.end = to_src(loc, q->end);
        f->sentence.start = to_src(loc, 0);
        f->sentence.end = to_src(loc, n);
        f->speaker = speaker;
        if (!compare) {
            last_fact = fidx;
            if (f->kind == EA_FACT_ACTUAL) last_actual = fidx;
        }
    }
}

static void parse_call_period(ctx_t *x) {
    const ea_call_info *in = ea_call_get_info(x->call);
    memset(&x->cp, 0, sizeof x->cp);
    ea_str p = in->period;
    if (p.len == 6 && p.ptr[4] == 'Q') {
        x->cp.year = (p.ptr[0] - '0') * 1000 + (p.ptr[1] - '0') * 100 + (p.ptr[2] - '0') * 10 + (p.ptr[3] - '0');
        x->cp.q = p.ptr[5] - '0';
    } else if (p.len == 6 && p.ptr[4] == 'H') {
        x->cp.year = (p.ptr[0] - '0') * 1000 + (p.ptr[1] - '0') * 100 + (p.ptr[2] - '0') * 10 + (p.ptr[3] - '0');
        x->cp.q = p.ptr[5] == '1' ? 2 : 4;
    } else if (p.len == 6 && p.ptr[0] == 'F') {
        x->cp.year = (p.ptr[2] - '0') * 1000 + (p.ptr[3] - '0') * 100 + (p.ptr[4] - '0') * 10 + (p.ptr[5] - '0');
        x->cp.q = 4;
        x->cp.fy = 1;
    }
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

static void extract_text(ctx_t *x, const ea_paragraph *p, int trans, ea_str text, int32_t speaker) {
    size_t start = 0;
    while (start < text.len && !x->failed) {
        size_t e = ea_sentence_end(text.ptr, text.len, start);
        loc_t loc = {p, trans, start};
        sentence(x, &loc, text.ptr + start, e - start, speaker);
        start = e;
    }
}

/* Original vs translation: every money and percent value of the original
 * should appear in the translation, and the other way round. */
static void cross_check(ctx_t *x, size_t first_orig, size_t end_orig, size_t end_tr) {
    ea_fact *fs = x->out->facts.ptr;
    for (int pass = 0; pass < 2; pass++) {
        size_t a0 = pass ? end_orig : first_orig, a1 = pass ? end_tr : end_orig;
        size_t b0 = pass ? first_orig : end_orig, b1 = pass ? end_orig : end_tr;
        for (size_t i = a0; i < a1; i++) {
            const ea_fact *a = &fs[i];
            if (!a->has_value) continue;
            int found = 0;
            const ea_fact *near = NULL;
            for (size_t j = b0; j < b1 && !found; j++) {
                const ea_fact *b = &fs[j];
                if (!b->has_value) continue;
                double va = a->is_range ? a->low : a->value, vb = b->is_range ? b->low : b->value;
                if (fabs(va - vb) <= 1e-6 * (fabs(va) + 1)) found = 1;
                else if (fabs(fabs(va) - fabs(vb)) <= 1e-6 * (fabs(va) + 1)) found = 1; /* sign worded apart */
                else if (strcmp(a->unit, b->unit) == 0 && !near) near = b;
            }
            if (found) continue;
            ea_finding *fd = ea_vec_push(&x->out->findings, sizeof *fd, (size_t)1 << 20);
            if (!fd) {
                x->failed = 1;
                return;
            }
            fd->para = a->para;
            fd->what = near ? (pass ? "translation states a value the original does not"
                                    : "translation gives a different value")
                            : (pass ? "value only in the translation" : "value missing in the translation");
            if (!pass) {
                fd->orig = a->span;
                fd->orig_value = a->value;
                if (near) {
                    fd->trans = near->span;
                    fd->trans_value = near->value;
                }
            } else {
                fd->trans = a->span;
                fd->trans_value = a->value;
                if (near) {
                    fd->orig = near->span;
                    fd->orig_value = near->value;
                }
            }
        }
    }
}

ea_status ea_facts_extract(const ea_call *call, ea_facts **out, ea_error *err) {
    if (out) *out = NULL;
    if (!call || !out) {
        if (err) {
            err->code = EA_ERR_USAGE;
            err->message = "NULL argument";
            err->offset = SIZE_MAX;
        }
        return EA_ERR_USAGE;
    }
    ea_facts *f = calloc(1, sizeof *f);
    const struct ea_lexicon *lx = ea_lexicon_default();
    if (!f || !lx) {
        free(f);
        if (err) {
            err->code = EA_ERR_NOMEM;
            err->message = "out of memory";
            err->offset = SIZE_MAX;
        }
        return EA_ERR_NOMEM;
    }
    f->call = call;
    ea_arena_init(&f->arena, 16384);
    ctx_t x;
    memset(&x, 0, sizeof x);
    x.out = f;
    x.call = call;
    x.lx = lx;
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
    if (x.failed) {
        ea_facts_free(f);
        if (err) {
            err->code = EA_ERR_NOMEM;
            err->message = "out of memory";
            err->offset = SIZE_MAX;
        }
        return EA_ERR_NOMEM;
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
