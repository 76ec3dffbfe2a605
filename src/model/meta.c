/* Periods and dates in free text, normalised. */
#include <math.h>
#include <string.h>

#include "call_int.h"

static const char *const ordinals[] = {"first", "second", "third", "fourth"};
static const char *const months[] = {"january", "february", "march",     "april",
                                     "may",     "june",     "july",      "august",
                                     "september", "october", "november", "december"};

/* Reads a year at p: "2024", "FY24", "'24", "fiscal 2024". Returns it or 0. */
static int year_at(const unsigned char *p, const unsigned char *end, size_t *used) {
    const unsigned char *q = p;
    int apos = 0;
    if (q < end && (*q == '\'' || *q == 0x92)) {
        q++;
        apos = 1;
    }
    size_t d = 0;
    int v = 0;
    while (q + d < end && ea_is_digit(q[d]) && d < 5) {
        v = v * 10 + (q[d] - '0');
        d++;
    }
    if (q + d < end && ea_is_alnum(q[d])) return 0;
    if (d == 4 && v >= 1980 && v <= 2100) {
        *used = (size_t)(q - p) + d;
        return v;
    }
    if (d == 2 && apos) {
        *used = (size_t)(q - p) + d;
        return 2000 + v;
    }
    return 0;
}

static size_t emit(char *out, size_t cap, int year, char kind, int n) {
    /* kind: 'Q' quarter, 'H' half, 'Y' fiscal year */
    if (cap < 8) return 0;
    if (kind == 'Y') {
        out[0] = 'F';
        out[1] = 'Y';
        for (int i = 5; i >= 2; i--, year /= 10) out[i] = (char)('0' + year % 10);
        out[6] = 0;
        return 6;
    }
    for (int i = 3; i >= 0; i--, year /= 10) out[i] = (char)('0' + year % 10);
    out[4] = kind;
    out[5] = (char)('0' + n);
    out[6] = 0;
    return 6;
}

/* Skip spaces, hyphens and filler words ("of", "the", "fiscal", "year",
 * "quarter") between a period word and its year. */
static const unsigned char *skip_filler(const unsigned char *p, const unsigned char *end) {
    /* a few filler words at most: "fiscal year fiscal year ..." stays linear */
    for (int words = 0; words < 5; words++) {
        while (p < end && (*p == ' ' || *p == '-' || *p == ',')) p++;
        ea_str rest = ea_str_make((const char *)p, (size_t)(end - p));
        static const char *const fill[] = {"of ", "the ", "fiscal ", "year ", "quarter ", "fy",
                                           "calendar ", "financial ", "results ", "earnings ",
                                           "in "};
        int hit = 0;
        for (size_t i = 0; i < sizeof fill / sizeof fill[0]; i++) {
            if (ea_istarts(rest, fill[i])) {
                p += strlen(fill[i]);
                hit = 1;
                break;
            }
        }
        if (!hit) return p;
    }
    return p;
}

/* A period mention starting at p (a word start), or 0. */
static size_t period_at(const unsigned char *p, const unsigned char *end, char *out, size_t cap) {
    {
        size_t used;
        ea_str r = ea_str_make((const char *)p, (size_t)(end - p));
        /* Q1 2024, Q1'24, Q1 FY2024 */
        if ((*p == 'Q' || *p == 'q') && p + 1 < end && p[1] >= '1' && p[1] <= '4' &&
            (p + 2 >= end || !ea_is_alnum(p[2]))) {
            const unsigned char *q = skip_filler(p + 2, end);
            int y = year_at(q, end, &used);
            if (y) return emit(out, cap, y, 'Q', p[1] - '0');
        }
        /* 1Q24, 1Q 2024 */
        if (p[0] >= '1' && p[0] <= '4' && p + 1 < end && (p[1] == 'Q' || p[1] == 'q')) {
            const unsigned char *q = p + 2;
            if (q + 2 <= end && ea_is_digit(q[0]) && ea_is_digit(q[1]) && (q + 2 == end || !ea_is_alnum(q[2])))
                return emit(out, cap, 2000 + (q[0] - '0') * 10 + (q[1] - '0'), 'Q', p[0] - '0');
            q = skip_filler(q, end);
            int y = year_at(q, end, &used);
            if (y) return emit(out, cap, y, 'Q', p[0] - '0');
        }
        for (int k = 0; k < 4; k++) {
            if (!ea_istarts(r, ordinals[k])) continue;
            const unsigned char *q = p + strlen(ordinals[k]);
            while (q < end && (*q == ' ' || *q == '-')) q++;
            ea_str r2 = ea_str_make((const char *)q, (size_t)(end - q));
            if (ea_istarts(r2, "quarter")) {
                q = skip_filler(q + 7, end);
                int y = year_at(q, end, &used);
                if (y) return emit(out, cap, y, 'Q', k + 1);
            } else if (k < 2 && ea_istarts(r2, "half")) {
                q = skip_filler(q + 4, end);
                int y = year_at(q, end, &used);
                if (y) return emit(out, cap, y, 'H', k + 1);
            }
        }
        if (ea_istarts(r, "full year") || ea_istarts(r, "full-year") || ea_istarts(r, "fiscal year")) {
            const unsigned char *q = skip_filler(p + (ea_istarts(r, "fiscal year") ? 11 : 9), end);
            int y = year_at(q, end, &used);
            if (y) {
                /* "fiscal year 2024 fourth quarter": the quarter is the period */
                const unsigned char *w = q + used;
                while (w < end && (*w == ' ' || *w == '-')) w++;
                ea_str r2 = ea_str_make((const char *)w, (size_t)(end - w));
                for (int k = 0; k < 4; k++) {
                    if (!ea_istarts(r2, ordinals[k])) continue;
                    const unsigned char *z = w + strlen(ordinals[k]);
                    while (z < end && (*z == ' ' || *z == '-')) z++;
                    if (ea_istarts(ea_str_make((const char *)z, (size_t)(end - z)), "quarter"))
                        return emit(out, cap, y, 'Q', k + 1);
                }
                if (r2.len >= 2 && (w[0] == 'Q' || w[0] == 'q') && w[1] >= '1' && w[1] <= '4')
                    return emit(out, cap, y, 'Q', w[1] - '0');
                return emit(out, cap, y, 'Y', 0);
            }
        }
        if (ea_istarts(r, "fy") && p + 2 < end) {
            const unsigned char *q = p + 2;
            if (q < end && *q == ' ') q++;
            if (q + 2 <= end && ea_is_digit(q[0]) && ea_is_digit(q[1])) {
                int y = year_at(q, end, &used);
                if (!y && (q + 2 == end || !ea_is_alnum(q[2]))) y = 2000 + (q[0] - '0') * 10 + (q[1] - '0');
                if (y) return emit(out, cap, y, 'Y', 0);
            }
        }
        /* Chinese: 2024年第一季度 / 2024 年第一季 / 2024年上半年 / 2024年全年 */
        if (ea_is_digit(*p) && p + 4 <= end) {
            int y = year_at(p, end, &used);
            if (y) {
                const unsigned char *q = p + used;
                while (q < end && *q == ' ') q++;
                ea_str z = ea_str_make((const char *)q, (size_t)(end - q));
                if (ea_starts(z, "年")) {
                    q += 3;
                    while (q < end && *q == ' ') q++;
                    z = ea_str_make((const char *)q, (size_t)(end - q));
                    static const char *const zq[] = {"第一季", "第二季", "第三季", "第四季",
                                                     "一季", "二季", "三季", "四季"};
                    for (int k = 0; k < 8; k++)
                        if (ea_starts(z, zq[k])) return emit(out, cap, y, 'Q', k % 4 + 1);
                    if (ea_starts(z, "上半年")) return emit(out, cap, y, 'H', 1);
                    if (ea_starts(z, "下半年")) return emit(out, cap, y, 'H', 2);
                    if (ea_starts(z, "全年") || ea_starts(z, "年度")) return emit(out, cap, y, 'Y', 0);
                }
                /* "2024 first quarter", "fiscal 2021 fourth quarter" */
                q = p + used;
                while (q < end && (*q == ' ' || *q == '-')) q++;
                ea_str r3 = ea_str_make((const char *)q, (size_t)(end - q));
                for (int k = 0; k < 4; k++) {
                    if (!ea_istarts(r3, ordinals[k])) continue;
                    const unsigned char *w = q + strlen(ordinals[k]);
                    while (w < end && (*w == ' ' || *w == '-')) w++;
                    if (ea_istarts(ea_str_make((const char *)w, (size_t)(end - w)), "quarter"))
                        return emit(out, cap, y, 'Q', k + 1);
                }
                if (q + 2 <= end && (*q == 'Q' || *q == 'q') && q[1] >= '1' && q[1] <= '4' &&
                    (q + 2 == end || !ea_is_alnum(q[2])))
                    return emit(out, cap, y, 'Q', q[1] - '0');
            }
        }
    }
    return 0;
}

/* every form starts with a digit, Q, F (full, fiscal, FY) or an ordinal
   (first, second, third, fourth) at a word start */
static int period_start(const unsigned char *p, const unsigned char *b) {
    if (p > b && ea_is_alnum(p[-1]) && *p < 0x80) return 0;
    unsigned char c0 = ea_lower(*p);
    return ea_is_digit(c0) || c0 == 'q' || c0 == 'f' || c0 == 's' || c0 == 't';
}

/* The next byte after p where period_start may hold: past the rest of an
 * ASCII word (no period starts inside one). */
static const unsigned char *next_start(const unsigned char *p, const unsigned char *end) {
    if (ea_is_alnum(*p)) return p + 1 + ea_alnums(p + 1, end);
    return p + 1;
}

size_t ea_find_period(ea_str s, char *out, size_t cap) {
    const unsigned char *b = (const unsigned char *)s.ptr, *end = b + s.len;
    for (const unsigned char *p = b; p < end; p++) {
        if (!period_start(p, b)) continue;
        size_t n = period_at(p, end, out, cap);
        if (n) return n;
    }
    return 0;
}

/* A quarter named without its year at p: "first quarter", "Q1", "1Q";
 * returns 1..4 or 0. */
static int bare_quarter(const unsigned char *p, const unsigned char *end) {
    ea_str r = ea_str_make((const char *)p, (size_t)(end - p));
    if ((*p == 'Q' || *p == 'q') && r.len >= 2 && p[1] >= '1' && p[1] <= '4' && (r.len == 2 || !ea_is_alnum(p[2])))
        return p[1] - '0';
    if (*p >= '1' && *p <= '4' && r.len >= 2 && (p[1] == 'Q' || p[1] == 'q') && (r.len == 2 || !ea_is_alnum(p[2])))
        return p[0] - '0';
    for (int k = 0; k < 4; k++) {
        if (!ea_istarts(r, ordinals[k])) continue;
        const unsigned char *q = p + strlen(ordinals[k]);
        while (q < end && (*q == ' ' || *q == '-')) q++;
        if (ea_istarts(ea_str_make((const char *)q, (size_t)(end - q)), "quarter")) return k + 1;
    }
    return 0;
}

/* A year alone at p ("2021", "fiscal 2021"); returns it or 0. */
static int bare_year(const unsigned char *p, const unsigned char *end) {
    size_t used;
    if (!ea_is_digit(*p)) return 0;
    int y = year_at(p, end, &used);
    /* not a number in a sentence of money: "$2021", "2,021" are rare, but
       "2021 million" is not a year */
    if (!y) return 0;
    const unsigned char *q = p + used;
    if (q < end && (*q == ',' || *q == '.') && q + 1 < end && ea_is_digit(q[1])) return 0;
    return y;
}

/* Whether w holds any of n cue words (case-insensitive; two bytes or more
 * each when n >= 4). */
static unsigned bigram(unsigned char a, unsigned char c) { return (ea_lower(a) * 31u + ea_lower(c)) & 255u; }

static int any_cue(ea_str w, const char *const *cues, size_t n) {
    if (n < 4) {
        for (size_t i = 0; i < n; i++)
            if (ea_ifind(w, cues[i])) return 1;
        return 0;
    }
    /* one pass over the window marks the letter pairs in it; a cue whose
       first pair is not there is not looked for */
    uint64_t pairs[4] = {0};
    const unsigned char *s = (const unsigned char *)w.ptr;
    for (size_t i = 0; i + 1 < w.len; i++) {
        unsigned h = bigram(s[i], s[i + 1]);
        pairs[h >> 6] |= 1ull << (h & 63);
    }
    for (size_t i = 0; i < n; i++) {
        unsigned h = bigram((unsigned char)cues[i][0], (unsigned char)cues[i][1]);
        if ((pairs[h >> 6] >> (h & 63) & 1) && ea_ifind(w, cues[i])) return 1;
    }
    return 0;
}

/* The up to `max` bytes before p, from b on. */
static ea_str window_before(const unsigned char *b, const unsigned char *p, size_t max) {
    size_t back = (size_t)(p - b) < max ? (size_t)(p - b) : max;
    return ea_str_make((const char *)p - back, back);
}

#define N_CUES(a) (sizeof(a) / sizeof(a)[0])

/* A year a goal is set for: "our 2030 sustainability goals", "by 2030",
 * "net zero by 2050". It says nothing of when the call is held. */
static int goal_year(const unsigned char *b, const unsigned char *p, const unsigned char *end) {
    static const char *const by[] = {"by ", "until "};
    if (any_cue(window_before(b, p, 12), by, N_CUES(by))) return 1;
    size_t ahead = (size_t)(end - p) < 40 ? (size_t)(end - p) : 40;
    static const char *const cues[] = {"goal", "target", "ambition", "commitment", "vision", "net zero", "net-zero"};
    return any_cue(ea_str_make((const char *)p, ahead), cues, N_CUES(cues));
}

/* Whether the words just before p compare with an earlier period. */
static int compared_before(const unsigned char *b, const unsigned char *p) {
    static const char *const cues[] = {"compared", "versus", " vs", "from ", "over ", "than ", "last year",
                                       "prior year", "year ago", "year-ago", "prior-year", "relative to"};
    return any_cue(window_before(b, p, 48), cues, N_CUES(cues));
}

/* Whether the words just before p speak of a forecast. */
static int looks_ahead(const unsigned char *b, const unsigned char *p) {
    static const char *const cues[] = {"expect", "outlook", "guidance", "anticipate", "forecast", "into ",
                                       "next year", "will ", "plan", "target", "through "};
    return any_cue(window_before(b, p, 64), cues, N_CUES(cues));
}

/* What the words around a year mention say of it: the year of the call
 * (plain, or stated as results), an earlier one it is compared with, one
 * a forecast speaks of, part of a date, or a mention in the opening
 * paragraphs. */
enum { C_PLAIN, C_SELF, C_CMP, C_AHEAD, C_DATE, C_EARLY, C_N };

/* The up to 40 bytes after a mention's first four (past "2021", "Q1 2", ...). */
static ea_str window_after(const unsigned char *p, const unsigned char *end) {
    const unsigned char *a = end - p > 4 ? p + 4 : end;
    return ea_str_make((const char *)a, (size_t)(end - a) < 40 ? (size_t)(end - a) : 40);
}

/* A mention at p in [b, end) and what the words around it say, each read
 * once when first asked (-1: not yet): a comparison, a forecast, results. */
typedef struct {
    const unsigned char *b, *p, *end;
    signed char cmp, ahead, self;
} mention;

static mention mention_at(const unsigned char *b, const unsigned char *p, const unsigned char *end) {
    mention m = {b, p, end, -1, -1, -1};
    return m;
}

static int m_compared(mention *m) {
    static const char *const since[] = {"since "};
    if (m->cmp < 0)
        m->cmp = (signed char)(compared_before(m->b, m->p) || any_cue(window_before(m->b, m->p, 48), since, 1));
    return m->cmp;
}

static int m_ahead(mention *m) {
    static const char *const ahead[] = {"guidance", "outlook", "expect", "forecast", "budget", "plan"};
    if (m->ahead < 0)
        m->ahead = (signed char)(looks_ahead(m->b, m->p) ||
                                 any_cue(window_after(m->p, m->end), ahead, N_CUES(ahead)));
    return m->ahead;
}

static int m_results(mention *m) {
    static const char *const self[] = {"reported", "deliver", "results", "record"};
    if (m->self < 0)
        m->self = (signed char)(any_cue(window_before(m->b, m->p, 64), self, N_CUES(self)) ||
                                any_cue(window_after(m->p, m->end), self, N_CUES(self)));
    return m->self;
}

static int context_of(mention *m, int bare, int early) {
    if (early) return C_EARLY;
    /* "as of June 30, 2021": the month within 16 bytes before */
    if (bare && any_cue(window_before(m->b, m->p, 16), months, N_CUES(months))) return C_DATE;
    if (m_compared(m)) return C_CMP;
    if (m_ahead(m)) return C_AHEAD;
    if (m_results(m)) return C_SELF;
    return C_PLAIN;
}

/* What the words around a quarter mention say of it: another call than
 * this one ("... on our third quarter call"; this one's is named in the
 * opening paragraphs), a comparison (incl. "last year" after it), a
 * forecast (incl. "next year" after it), results, plain, or a mention in
 * the opening paragraphs. */
enum { QC_EARLY, QC_SELF, QC_PLAIN, QC_CMP, QC_AHEAD, QC_CALL, QC_N };

static int quarter_context(mention *m, int early) {
    ea_str after = window_after(m->p, m->end);
    static const char *const call[] = {" call", "conference", "earnings release", "report"};
    if (!early && any_cue(after, call, N_CUES(call))) return QC_CALL;
    /* the other words for the year before are compared_before()'s */
    static const char *const prev[] = {"previous year"};
    static const char *const last[] = {"last year", "prior year", "a year ago", "year-ago", "prior-year",
                                       "previous year"};
    if (m_compared(m) || any_cue(after, last, N_CUES(last)) || any_cue(window_before(m->b, m->p, 24), prev, 1))
        return QC_CMP;
    static const char *const next[] = {"next year", "coming year"};
    if (m_ahead(m) || any_cue(after, next, N_CUES(next))) return QC_AHEAD;
    if (early) return QC_EARLY;
    return m_results(m) ? QC_SELF : QC_PLAIN;
}

/* The call's quarter: each quarter mention votes, by its context and
 * weighted by where it comes, for the call's quarter being the one it
 * names or one to three before it (a forecast names the next quarter, a
 * comparison the one before). Fitted by conditional logistic regression
 * over the four quarters on the ECTSum train calls' labels (L2 penalty 3
 * on the squared votes): the quarter is right for 97.4% of train and 97.6%
 * of val calls (95.2% and 96.8% with the count of mentions, the forecast
 * and compared ones at 0.3, before). */
static const float quarter_votes[QC_N][4] = {
    /*           call's quarter = named  +0     -1     -2     -3 (mod 4) */
    [QC_EARLY] = {+0.49f, -0.36f, -0.18f, +0.04f},
    [QC_SELF] = {+0.73f, -0.18f, -0.21f, -0.35f},
    [QC_PLAIN] = {+0.45f, -0.01f, -0.24f, -0.20f},
    [QC_CMP] = {+0.37f, -0.19f, -0.44f, +0.25f},
    [QC_AHEAD] = {+0.19f, +0.45f, -0.15f, -0.49f},
    [QC_CALL] = {-0.17f, +0.23f, -0.20f, +0.14f},
};

/* Each class of year mention votes for the call's year being the year it
 * names minus one, the same, plus one or plus two (the four columns),
 * twice: by the square root of the class's summed weights for that year
 * (opening paragraphs count more) and once for the year being named at
 * all in the class. The classes are what the mention names, read against
 * the call's quarter q:
 *   QS  that quarter with a year   ("the second quarter of 2021", q = 2)
 *   QL  a later quarter            (last year's, unless a forecast)
 *   QE  an earlier quarter         (this year's; a forecast names next year's)
 *   H   a half year; FY a full or fiscal year
 *   BY  a year written alone ("2021", "fiscal 2021", "'21"), on a call of
 *       the first half; BY2 on one of the second half, which speaks more
 *       of the next year
 * and by context_of(); "ahead4" is a forecast on a fourth-quarter call,
 * which mostly guides the next year. Fitted by conditional logistic
 * regression over the candidate years on the ECTSum train calls' labels
 * (the company's fiscal year), with the fitted quarter, L2 penalty 3:
 * the year is right for 94.2% of train and 93.2% of val calls (89.4% and
 * 90.0% with one linear vote per class and no "'21" before, 81.5% each
 * with the hand-set vote before that). The columns also carry how many
 * mentions reach a candidate, so read a row by its differences: QS plain
 * votes for its own year, QS compared for the next. */
enum {
    R_QS_PLAIN, R_QS_SELF, R_QS_CMP, R_QS_AHEAD, R_QS_EARLY,
    R_QL_PLAIN, R_QL_CMP, R_QL_AHEAD,
    R_QE_PLAIN, R_QE_CMP, R_QE_AHEAD,
    R_H_PLAIN, R_H_CMP, R_H_AHEAD,
    R_FY_PLAIN, R_FY_SELF, R_FY_CMP, R_FY_AHEAD, R_FY_AHEAD4, R_FY_EARLY,
    R_BY_PLAIN, R_BY_SELF, R_BY_CMP, R_BY_AHEAD, R_BY_DATE, R_BY_EARLY,
    R_BY2_PLAIN, R_BY2_SELF, R_BY2_CMP, R_BY2_AHEAD, R_BY2_AHEAD4, R_BY2_DATE, R_BY2_EARLY,
    R_N
};
static const float year_votes[R_N][8] = {
    /*              call's year = named -1     +0     +1     +2 | the same, for being named at all */
    [R_QS_PLAIN] = {-0.55f, +0.72f, +0.27f, +0.26f, -0.36f, +0.62f, +0.21f, +0.13f},
    [R_QS_SELF] = {-0.23f, +0.34f, +0.07f, -0.09f, -0.18f, +0.22f, +0.12f, -0.07f},
    [R_QS_CMP] = {-0.12f, -0.29f, +0.47f, +0.38f, -0.05f, +0.01f, +0.49f, -0.11f},
    [R_QS_AHEAD] = {+0.04f, -0.05f, +0.05f, +0.01f, +0.05f, -0.02f, +0.00f, +0.01f},
    [R_QS_EARLY] = {-0.19f, +0.45f, +0.17f, +0.12f, -0.07f, +0.22f, +0.09f, +0.08f},
    [R_QL_PLAIN] = {-0.04f, +0.18f, +0.19f, +0.10f, -0.01f, -0.05f, +0.26f, +0.11f},
    [R_QL_CMP] = {+0.13f, -0.31f, +0.25f, +0.29f, +0.13f, -0.22f, +0.21f, +0.14f},
    [R_QL_AHEAD] = {-0.05f, +0.37f, -0.30f, +0.11f, -0.06f, +0.33f, -0.25f, +0.11f},
    [R_QE_PLAIN] = {+0.02f, +0.14f, +0.19f, -0.25f, +0.01f, +0.08f, +0.20f, -0.25f},
    [R_QE_CMP] = {-0.10f, +0.53f, -0.27f, +0.05f, -0.04f, +0.40f, -0.22f, +0.03f},
    [R_QE_AHEAD] = {+0.30f, -0.03f, -0.09f, -0.01f, +0.25f, +0.00f, -0.10f, -0.01f},
    [R_H_PLAIN] = {+0.12f, +0.43f, +0.01f, -0.09f, +0.13f, +0.38f, -0.08f, -0.08f},
    [R_H_CMP] = {+0.00f, +0.40f, -0.01f, -0.28f, +0.04f, +0.24f, -0.03f, -0.17f},
    [R_H_AHEAD] = {+0.32f, +0.12f, -0.06f, -0.18f, +0.17f, +0.18f, -0.05f, -0.14f},
    [R_FY_PLAIN] = {-0.11f, +0.52f, -0.09f, -0.10f, -0.01f, +0.53f, -0.21f, -0.10f},
    [R_FY_SELF] = {-0.09f, +0.13f, -0.11f, +0.10f, -0.08f, +0.12f, -0.09f, +0.08f},
    [R_FY_CMP] = {+0.00f, -0.06f, -0.15f, +0.29f, +0.01f, +0.04f, -0.13f, +0.13f},
    [R_FY_AHEAD] = {-0.12f, +0.50f, -0.06f, -0.02f, -0.05f, +0.35f, -0.04f, -0.01f},
    [R_FY_AHEAD4] = {+0.18f, -0.05f, +0.06f, -0.02f, +0.13f, -0.05f, +0.06f, -0.01f},
    [R_FY_EARLY] = {+0.13f, +0.23f, -0.19f, -0.04f, +0.07f, +0.14f, -0.11f, -0.02f},
    [R_BY_PLAIN] = {+0.51f, +0.90f, +0.48f, +0.42f, -0.06f, +0.67f, +0.88f, +0.07f},
    [R_BY_SELF] = {+0.13f, +0.44f, -0.24f, -0.02f, +0.03f, +0.21f, +0.06f, -0.03f},
    [R_BY_CMP] = {+0.07f, -0.17f, +0.48f, +0.95f, -0.15f, +0.20f, +0.88f, -0.07f},
    [R_BY_AHEAD] = {+0.59f, +1.04f, -0.76f, +0.14f, +0.34f, +0.70f, -0.22f, +0.00f},
    [R_BY_DATE] = {-0.13f, +0.40f, +0.36f, -0.27f, +0.06f, +0.11f, +0.29f, -0.20f},
    [R_BY_EARLY] = {+0.07f, +0.68f, +0.05f, -0.03f, +0.01f, +0.29f, +0.11f, +0.03f},
    [R_BY2_PLAIN] = {+0.68f, +0.70f, +0.14f, +0.42f, +0.23f, +0.55f, +0.41f, +0.06f},
    [R_BY2_SELF] = {-0.30f, +0.49f, -0.14f, -0.03f, -0.07f, +0.26f, -0.13f, +0.01f},
    [R_BY2_CMP] = {-0.10f, -0.13f, +0.48f, +0.82f, -0.03f, +0.30f, +0.71f, -0.22f},
    [R_BY2_AHEAD] = {+1.10f, +0.77f, -0.62f, -0.10f, +0.71f, +0.64f, -0.44f, -0.04f},
    [R_BY2_AHEAD4] = {+1.18f, -0.39f, -0.19f, -0.14f, +0.41f, +0.07f, -0.03f, -0.16f},
    [R_BY2_DATE] = {+0.01f, +0.25f, +0.10f, -0.22f, -0.01f, +0.08f, +0.27f, -0.23f},
    [R_BY2_EARLY] = {+0.16f, +0.40f, +0.03f, -0.22f, +0.06f, +0.28f, -0.08f, -0.11f},
};

/* Mentions are kept by slot (quarters 1-4, half, full year, bare year)
 * and context until the call's quarter is known. */
enum { S_H = 0, S_FY = 5, S_BY = 6, S_N = 7 };

/* The row of year_votes for mentions in slot s with context c on a call
 * of quarter bq. */
static int vote_row(int s, int c, int bq) {
    if (s >= 1 && s <= 4 && s == bq) {
        static const signed char qs[C_N] = {R_QS_PLAIN, R_QS_SELF, R_QS_CMP, R_QS_AHEAD, R_QS_PLAIN, R_QS_EARLY};
        return qs[c];
    }
    if (s >= 1 && s <= 4) {
        int base = s > bq ? R_QL_PLAIN : R_QE_PLAIN; /* PLAIN, CMP, AHEAD in order */
        return c == C_CMP ? base + 1 : c == C_AHEAD ? base + 2 : base;
    }
    if (s == S_H) return c == C_CMP ? R_H_CMP : c == C_AHEAD ? R_H_AHEAD : R_H_PLAIN;
    if (s == S_FY) {
        static const signed char fy[C_N] = {R_FY_PLAIN, R_FY_SELF, R_FY_CMP, R_FY_AHEAD, R_FY_PLAIN, R_FY_EARLY};
        return c == C_AHEAD && bq == 4 ? R_FY_AHEAD4 : fy[c];
    }
    if (bq <= 2) {
        static const signed char by[C_N] = {R_BY_PLAIN, R_BY_SELF, R_BY_CMP, R_BY_AHEAD, R_BY_DATE, R_BY_EARLY};
        return by[c];
    }
    static const signed char by2[C_N] = {R_BY2_PLAIN, R_BY2_SELF, R_BY2_CMP, R_BY2_AHEAD, R_BY2_DATE, R_BY2_EARLY};
    return c == C_AHEAD && bq == 4 ? R_BY2_AHEAD4 : by2[c];
}

/* A two-digit year after an apostrophe at p: "'21", "’21" (fiscal '21,
 * into '22). Returns it or 0. */
static int quoted_year(const unsigned char *b, const unsigned char *p, const unsigned char *end) {
    const unsigned char *d = p;
    if (*d == '\'' || *d == 0x92) d++;
    else if (end - d >= 3 && d[0] == 0xE2 && d[1] == 0x80 && d[2] == 0x99) d += 3;
    if (d == p || end - d < 2 || !ea_is_digit(d[0]) || !ea_is_digit(d[1])) return 0;
    if ((end - d > 2 && ea_is_alnum(d[2])) || (p > b && ea_is_alnum(p[-1]))) return 0;
    return 2000 + (d[0] - '0') * 10 + (d[1] - '0');
}

size_t ea_infer_period(const ea_paragraph *ps, size_t n_texts, char *out, size_t cap, unsigned *evidence) {
    enum { YMIN = 1980, YN = 121 };
    /* quarter mentions by context and quarter, weighted by position: the
       call's own quarter is named in the opening remarks; comparisons and
       guidance come later and name other quarters */
    float qacc[QC_N][5];
    memset(qacc, 0, sizeof qacc);
    float qtotal = 0;
    /* year mentions by slot, context and year, weighted by position */
    float acc[S_N][C_N][YN];
    memset(acc, 0, sizeof acc);
    unsigned seen = 0;
    for (size_t t = 0; t < n_texts; t++) {
        float w = t < 20 ? 3.0f : t < 60 ? 1.5f : 1.0f;
        /* the opening paragraphs state the call's own period */
        int early = t < 6;
        const unsigned char *b = (const unsigned char *)ps[t].text.ptr, *end = b + ps[t].text.len, *goal_end = b;
        for (const unsigned char *p = b; p < end; p = next_start(p, end)) {
            if (!period_start(p, b)) {
                int y = (*p == '\'' || *p == 0x92 || *p == 0xE2) ? quoted_year(b, p, end) : 0;
                if (y && y < YMIN + YN && p >= goal_end && !goal_year(b, p, end))
                    {
                    mention m = mention_at(b, p, end);
                    acc[S_BY][context_of(&m, 1, early)][y - YMIN] += w;
                }
                continue;
            }
            char per[16];
            size_t n = period_at(p, end, per, sizeof per);
            mention m = mention_at(b, p, end);
            if (n == 6) {
                int fy = per[0] == 'F';
                const char *yd = fy ? per + 2 : per;
                int y = (yd[0] - '0') * 1000 + (yd[1] - '0') * 100 + (yd[2] - '0') * 10 + (yd[3] - '0');
                int s = fy ? S_FY : per[4] == 'H' ? S_H : per[5] - '0';
                if (!fy && per[4] == 'Q') {
                    qacc[quarter_context(&m, early)][s] += w;
                    qtotal += w;
                    seen++;
                }
                /* a goal period's year, read again alone below, is a goal too */
                if (goal_year(b, p, end)) goal_end = p + 32;
                else if (y >= YMIN && y < YMIN + YN)
                    acc[s][context_of(&m, 0, early && s != S_H)][y - YMIN] += w;
                if (!fy && per[4] == 'Q') continue;
            }
            int q = bare_quarter(p, end);
            if (q) {
                qacc[quarter_context(&m, early)][q] += w;
                qtotal += w;
                seen++;
                continue;
            }
            if (n == 6) continue;
            int y = bare_year(p, end);
            if (!y || y < YMIN || y >= YMIN + YN || p < goal_end || goal_year(b, p, end)) continue;
            acc[S_BY][context_of(&m, 1, early)][y - YMIN] += w;
        }
    }
    if (evidence) *evidence = seen;
    if (qtotal < 2) return 0;
    int bq = 0;
    float bqs = 0;
    for (int q = 1; q <= 4; q++) {
        float v = 0;
        for (int c = 0; c < QC_N; c++)
            for (int k = 1; k <= 4; k++)
                v += qacc[c][k] * quarter_votes[c][(k - q) & 3];
        if (!bq || v > bqs) {
            bq = q;
            bqs = v;
        }
    }
    /* the classes' weights per year, now that the quarter is known */
    float rows[R_N][YN];
    memset(rows, 0, sizeof rows);
    for (int s = 0; s < S_N; s++)
        for (int c = 0; c < C_N; c++) {
            float *r = rows[vote_row(s, c, bq)];
            for (int i = 0; i < YN; i++) r[i] += acc[s][c][i];
        }
    /* sc[k] scores the year YMIN - 1 + k: a mention of YMIN + i votes for
       k = i + d + 1, d = -1..2 */
    float sc[YN + 3] = {0};
    unsigned char cand[YN + 3] = {0};
    for (int r = 0; r < R_N; r++) {
        const float *v = year_votes[r];
        for (int i = 0; i < YN; i++) {
            float a = rows[r][i];
            if (a == 0) continue;
            float x = sqrtf(a);
            for (int d = 0; d < 4; d++) {
                sc[i + d] += x * v[d] + v[4 + d];
                cand[i + d] = 1;
            }
        }
    }
    int by = -1;
    for (int k = 0; k < YN + 3; k++)
        if (cand[k] && (by < 0 || sc[k] >= sc[by])) by = k;
    if (by < 0) return 0;
    return emit(out, cap, YMIN - 1 + by, 'Q', bq);
}
static size_t emit_date(char *out, size_t cap, int y, int m, int d) {
    if (cap < 11 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
    for (int i = 3; i >= 0; i--, y /= 10) out[i] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = 0;
    return 10;
}

static int num_at(const unsigned char *p, const unsigned char *end, int maxd, size_t *used) {
    int v = 0, d = 0;
    while (p + d < end && ea_is_digit(p[d]) && d < maxd) v = v * 10 + (p[d++] - '0');
    if (d == 0 || (p + d < end && ea_is_digit(p[d]))) return -1;
    *used = (size_t)d;
    return v;
}

size_t ea_find_date(ea_str s, char *out, size_t cap) {
    const unsigned char *b = (const unsigned char *)s.ptr, *end = b + s.len;
    for (const unsigned char *p = b; p < end; p++) {
        if (p > b && ea_is_alnum(p[-1])) continue;
        /* a date starts with a digit or a month name */
        unsigned char c0 = ea_lower(*p);
        if (!ea_is_digit(c0) && c0 != 'j' && c0 != 'f' && c0 != 'm' && c0 != 'a' && c0 != 's' && c0 != 'o' &&
            c0 != 'n' && c0 != 'd')
            continue;
        ea_str r = ea_str_make((const char *)p, (size_t)(end - p));
        size_t u;
        for (int m = 0; m < 12; m++) {
            if (c0 != (unsigned char)months[m][0]) continue; /* each form below needs it */
            size_t ml = strlen(months[m]);
            size_t hit = ea_istarts(r, months[m]) ? ml : 0;
            if (!hit && ml > 3 && r.len > 4 && ea_istarts(r, "sept") && m == 8) hit = 4;
            if (!hit && r.len > 3 && ea_is_alpha(p[0]) && ea_lower(p[0]) == months[m][0] &&
                ea_lower(p[1]) == months[m][1] && ea_lower(p[2]) == months[m][2] &&
                (p[3] == '.' || p[3] == ' '))
                hit = 3 + (p[3] == '.');
            if (!hit) continue;
            const unsigned char *q = p + hit;
            if (q < end && ea_is_alpha(*q)) continue;
            while (q < end && *q == ' ') q++;
            int d = num_at(q, end, 2, &u);
            if (d < 0) break;
            q += u;
            ea_str t = ea_str_make((const char *)q, (size_t)(end - q));
            if (ea_istarts(t, "st") || ea_istarts(t, "nd") || ea_istarts(t, "rd") || ea_istarts(t, "th")) q += 2;
            while (q < end && (*q == ',' || *q == ' ')) q++;
            int y = num_at(q, end, 4, &u);
            if (y >= 1980 && y <= 2100 && u == 4) return emit_date(out, cap, y, m + 1, d);
            break;
        }
        if (ea_is_digit(*p)) {
            int y = num_at(p, end, 4, &u);
            if (y >= 1980 && y <= 2100 && u == 4) {
                const unsigned char *q = p + 4;
                if (q < end && (*q == '-' || *q == '/' || *q == '.')) {
                    int m = num_at(q + 1, end, 2, &u);
                    if (m > 0 && q + 1 + u < end && q[1 + u] == *q) {
                        int d = num_at(q + 2 + u, end, 2, &u);
                        if (d > 0) return emit_date(out, cap, y, m, d);
                    }
                }
                while (q < end && *q == ' ') q++;
                if (ea_starts(ea_str_make((const char *)q, (size_t)(end - q)), "年")) {
                    q += 3;
                    int m = num_at(q, end, 2, &u);
                    if (m > 0 && ea_starts(ea_str_make((const char *)q + u, (size_t)(end - q - u)), "月")) {
                        q += u + 3;
                        int d = num_at(q, end, 2, &u);
                        if (d > 0) return emit_date(out, cap, y, m, d);
                    }
                }
            } else if (y > 0 && y <= 31) {
                /* 8 May 2024 */
                const unsigned char *q = p + u;
                while (q < end && *q == ' ') q++;
                ea_str t = ea_str_make((const char *)q, (size_t)(end - q));
                for (int m = 0; m < 12; m++) {
                    if (!ea_istarts(t, months[m])) continue;
                    const unsigned char *w = q + strlen(months[m]);
                    while (w < end && (*w == ' ' || *w == ',')) w++;
                    int yy = num_at(w, end, 4, &u);
                    if (yy >= 1980 && yy <= 2100 && u == 4) return emit_date(out, cap, yy, m + 1, y);
                }
            }
        }
    }
    return 0;
}

static const char *const exchanges[] = {"NASDAQ", "NYSE", "NYSEAMERICAN", "NYSE AMERICAN", "NYSEMKT",
                                        "AMEX", "TSX", "LSE", "HKEX", "HKG", "SSE", "SZSE", "TWSE",
                                        "TPEX", "OTC", "OTCQX", "ASX", "NYSEARCA", "BATS", "CBOE"};

int ea_find_ticker(ea_str s, ea_str *exchange, ea_str *ticker) {
    for (size_t i = 0; i < s.len; i++) {
        if (i > 0 && ea_is_alnum((unsigned char)s.ptr[i - 1])) continue;
        ea_str r = ea_str_make(s.ptr + i, s.len - i);
        for (size_t k = 0; k < sizeof exchanges / sizeof exchanges[0]; k++) {
            size_t n = strlen(exchanges[k]);
            if (!ea_istarts(r, exchanges[k]) || n >= r.len) continue;
            size_t j = n;
            if (r.ptr[j] != ':') continue;
            j++;
            while (j < r.len && r.ptr[j] == ' ') j++;
            size_t t0 = j;
            while (j < r.len && j - t0 < 10 &&
                   (ea_is_upper((unsigned char)r.ptr[j]) || ea_is_digit((unsigned char)r.ptr[j]) || r.ptr[j] == '.'))
                j++;
            if (j == t0 || (j < r.len && ea_is_alnum((unsigned char)r.ptr[j]))) continue;
            *exchange = ea_str_make(r.ptr, n);
            *ticker = ea_str_make(r.ptr + t0, j - t0);
            return 1;
        }
    }
    return 0;
}
