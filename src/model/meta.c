/* Periods and dates in free text, normalised. */
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

/* Whether w holds any of n cue words (case-insensitive). */
static int any_cue(ea_str w, const char *const *cues, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (ea_ifind(w, cues[i])) return 1;
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

#ifndef OTHER_Q
#define OTHER_Q 0.3
#endif
size_t ea_infer_period(const ea_paragraph *ps, size_t n_texts, char *out, size_t cap, unsigned *evidence) {
    /* quarter mentions, weighted by how early they come: the call's own
       quarter is named in the opening remarks; comparisons and guidance
       come later and less often */
    enum { YMIN = 1980, YN = 121 };
    double qw[5] = {0};
    /* "third quarter of 2021" by quarter and year: as is, after a
       comparison cue, and not looking ahead; years written alone: as is,
       after a comparison cue, looking ahead */
    static const double zero[YN];
    double fq[5][YN], fq_cmp[5][YN], fq_now[5][YN], y_plain[YN], y_cmp[YN], y_ahead[YN];
    for (int q = 0; q < 5; q++) {
        memcpy(fq[q], zero, sizeof zero);
        memcpy(fq_cmp[q], zero, sizeof zero);
        memcpy(fq_now[q], zero, sizeof zero);
    }
    memcpy(y_plain, zero, sizeof zero);
    memcpy(y_cmp, zero, sizeof zero);
    memcpy(y_ahead, zero, sizeof zero);
    unsigned seen = 0;
    for (size_t t = 0; t < n_texts; t++) {
        double w = t < 20 ? 3.0 : t < 60 ? 1.5 : 1.0;
        const unsigned char *b = (const unsigned char *)ps[t].text.ptr, *end = b + ps[t].text.len;
        for (const unsigned char *p = b; p < end; p = next_start(p, end)) {
            if (!period_start(p, b)) continue;
            char per[16];
            size_t n = period_at(p, end, per, sizeof per);
            if (n == 6 && per[4] == 'Q') {
                int y = (per[0] - '0') * 1000 + (per[1] - '0') * 100 + (per[2] - '0') * 10 + (per[3] - '0');
                int q = per[5] - '0';
                qw[q] += w;
                seen++;
                if (y < YMIN || y >= YMIN + YN) continue;
                if (compared_before(b, p)) fq_cmp[q][y - YMIN] += w;
                else fq[q][y - YMIN] += w;
                if (!looks_ahead(b, p)) fq_now[q][y - YMIN] += w;
                continue;
            }
            int q = bare_quarter(p, end);
            if (q) {
                /* "we expect the fourth quarter...", "up from the second
                   quarter": other quarters than the call's */
                qw[q] += looks_ahead(b, p) || compared_before(b, p) ? w * OTHER_Q : w;
                seen++;
                continue;
            }
            int y = bare_year(p, end);
            if (!y || y < YMIN || y >= YMIN + YN || goal_year(b, p, end)) continue;
            if (compared_before(b, p)) y_cmp[y - YMIN] += w;
            else if (looks_ahead(b, p)) y_ahead[y - YMIN] += w;
            else y_plain[y - YMIN] += w;
        }
    }
    int bq = 0;
    for (int q = 1; q <= 4; q++)
        if (qw[q] > qw[bq]) bq = q;
    if (evidence) *evidence = seen;
    if (!bq || qw[bq] < 2) return 0;
    /* The year: each mention votes for the call's year it implies. The
       quarter with a year is the call's own; after "compared to" it is a
       year earlier; a later quarter, not a forecast, is last year's ("the
       fourth quarter of 2020" on a first-quarter call). A year written
       alone is the call's, or after a comparison one or (against 2019,
       before the pandemic) two years earlier, or in an outlook the year
       itself or the next one (a fourth-quarter call guides the next).
       Weights fitted on the ECTSum train calls' labels: the year is right
       for 82% of them (74% by the latest-year rule before). */
    double sc[YN + 2] = {0};
    for (int i = 0; i < YN; i++) {
        sc[i] += 1.0 * fq[bq][i] + 1.0 * y_plain[i] + 1.0 * y_ahead[i];
        sc[i + 1] += 1.5 * fq_cmp[bq][i] + 0.5 * y_cmp[i];
        sc[i + 2] += 1.0 * y_cmp[i];
        if (i > 0) sc[i - 1] += 1.5 * y_ahead[i];
        for (int q = bq + 1; q <= 4; q++) sc[i + 1] += 3.0 * fq_now[q][i];
    }
    int by = -1;
    double top = 0;
    for (int i = 0; i < YN; i++)
        if (sc[i] > 0 && sc[i] >= top) {
            top = sc[i];
            by = i;
        }
    if (by < 0) return 0;
    return emit(out, cap, YMIN + by, 'Q', bq);
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
