/* Verify: every number of a summary against the call it summarises.
 *
 * The call side is read once into an index of source numbers: every
 * quantity of every paragraph and translation (the extractor's scanner),
 * English number words, "31 cents", and the signed changes and periods of
 * the extracted facts. Two sorted orders of that index (by magnitude, and
 * by paragraph then magnitude) answer "is v stated, here or anywhere" in
 * O(log n) whatever the summary is, so the whole check is
 * O((s + c) log c) and every per-line loop has a fixed cap.
 *
 * Then each summary line: its [n] citations, the periods it names, and
 * each of its numbers, which is stated (in a cited paragraph when the line
 * cites), derived, or a finding of one kind. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/qty.h"
#include "util/text.h"
#include "util/vec.h"
#include "verify_int.h"

#define MAX_SUMMARY ((size_t)256 << 20)
#define MAX_ENTRIES ((size_t)UINT32_MAX - 1)
#define WINDOW_CAP 128   /* source entries examined per look-up */
#define LINE_CITES 64    /* distinct cited paragraphs checked per line */
#define LINE_PERIODS 32  /* period expressions read per line */
#define ANCHORS 16       /* paragraphs a line's derivations may draw on */
#define DERIV_ENTRIES 32 /* source numbers paired for derivations */
#define DERIV_NUMBERS 8  /* numbers per line tried as derivations */
#define MSET_CAP 32
#define DIR_WINDOW 80    /* bytes before a number searched for its direction */
#define NUMBER_BUDGET 1024 /* source entries examined for one summary number */

/* ---- units --------------------------------------------------------------- */

enum { UC_NONE = 0, UC_PCT, UC_PP, UC_TIMES, UC_CUR };

static int uclass(const ea_qty *q) {
    switch (q->unit) {
    case EA_U_PCT: return UC_PCT;
    case EA_U_PP:
    case EA_U_BPS: return UC_PP;
    case EA_U_TIMES: return UC_TIMES;
    case EA_U_CUR: return UC_CUR;
    default: return UC_NONE;
    }
}

/* "$" is read as USD, but Canadian, Australian, Hong Kong ... calls write
 * "$" for their own dollar, and "¥" is both yen and yuan: those pairs are
 * not a wrong unit. */
static int cur_compat(const char *a, const char *b) {
    if (!a[0] || !b[0] || !strcmp(a, b)) return 1;
    if (!strcmp(a, "USD") && b[2] == 'D') return 1;
    if (!strcmp(b, "USD") && a[2] == 'D') return 1;
    if ((!strcmp(a, "CNY") && !strcmp(b, "JPY")) || (!strcmp(a, "JPY") && !strcmp(b, "CNY"))) return 1;
    return 0;
}

static const char *unit_name(int uc, const char *cur) {
    static const char *const codes[] = {"USD", "CNY", "EUR", "GBP", "JPY", "TWD", "HKD", "CAD", "AUD",
                                        "SGD", "BRL", "INR", "CHF", "SEK", "KRW", "MXN", "ZAR", "NOK"};
    switch (uc) {
    case UC_PCT: return "%";
    case UC_PP: return "pp";
    case UC_TIMES: return "x";
    case UC_CUR:
        for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
            if (!strcmp(cur, codes[i])) return codes[i];
        return "";
    default: return "";
    }
}

/* ---- the source index ---------------------------------------------------- */

typedef struct {
    double key;   /* magnitude in base units; basis points as points */
    double value; /* signed, as the call states it */
    size_t s, e;  /* span in the call's text */
    uint32_t para;
    int32_t fact; /* the fact stated at this span (its period), or -1 */
    char cur[4];
    uint8_t uc, in_tr, zh, scaled;
    int8_t dir;   /* +1 up / earnings, -1 down / loss, 0 unknown */
} entry_t;

typedef struct {
    size_t first, n; /* a paragraph side's entries, sorted by span start */
} block_t;

typedef struct {
    const ea_call *call;
    const ea_facts *facts;
    const char *text;
    size_t tlen, npara;
    ea_vec ents;       /* entry_t */
    uint32_t *by_key;  /* entry indices by key */
    uint32_t *by_para; /* entry indices by (para, key) */
    size_t *para_first; /* paragraph p's entries: by_para[para_first[p] .. para_first[p + 1]) */
    uint32_t *cite_seen; /* per paragraph: the last line (number) that cited it */
    size_t n;
    block_t *blocks;   /* 2 per paragraph: original, translation */
    /* words of each paragraph, for lines without numbers (built on first
       use): a set of (paragraph, word) hashes, open addressing */
    uint64_t *words;
    size_t wcap, wn;
    uint8_t *scripts;  /* per paragraph: 1 Latin words, 2 CJK pairs */
    int words_built;
    int nomem;
} src_t;

#define ENT(x, i) (&EA_VEC_AT((x)->ents, entry_t, (i)))

static entry_t *add_entry(src_t *x, double key, double value, size_t s, size_t e, uint32_t para, int in_tr,
                          int uc, const char *cur, int zh, int scaled, int dir) {
    if (!isfinite(key) || !isfinite(value)) return NULL;
    entry_t *en = ea_vec_push(&x->ents, sizeof(entry_t), MAX_ENTRIES);
    if (!en) {
        x->nomem = 1;
        return NULL;
    }
    en->key = fabs(key);
    en->value = value;
    en->s = s;
    en->e = e < s ? s : e;
    en->para = para;
    en->fact = -1;
    memset(en->cur, 0, sizeof en->cur);
    for (size_t i = 0; cur && i < 3 && cur[i]; i++) en->cur[i] = cur[i];
    en->uc = (uint8_t)uc;
    en->in_tr = (uint8_t)(in_tr != 0);
    en->zh = (uint8_t)(zh != 0);
    en->scaled = (uint8_t)(scaled != 0);
    en->dir = (int8_t)dir;
    return en;
}

/* ---- direction words ------------------------------------------------------ */

typedef struct {
    const char *w;
    int dir;
} dword_t;

/* A change's direction, before the number ("fell 5%", "下降5%"). */
static const dword_t change_words[] = {
    {"increase", 1},  {"increased", 1},  {"increases", 1},   {"increasing", 1}, {"up", 1},
    {"grew", 1},      {"grow", 1},       {"grows", 1},       {"growth", 1},     {"growing", 1},
    {"rose", 1},      {"rise", 1},       {"rises", 1},       {"rising", 1},     {"higher", 1},
    {"improved", 1},  {"improvement", 1}, {"improving", 1},  {"expanded", 1},   {"expansion", 1},
    {"gain", 1},      {"gains", 1},      {"gained", 1},      {"jumped", 1},     {"jump", 1},
    {"climbed", 1},   {"surged", 1},     {"advanced", 1},    {"raised", 1},     {"boosted", 1},
    {"decrease", -1}, {"decreased", -1}, {"decreases", -1},  {"decreasing", -1}, {"declined", -1},
    {"decline", -1},  {"declines", -1},  {"declining", -1},  {"down", -1},      {"fell", -1},
    {"fall", -1},     {"falls", -1},     {"falling", -1},    {"lower", -1},     {"lowered", -1},
    {"dropped", -1},  {"drop", -1},      {"drops", -1},      {"contracted", -1}, {"contraction", -1},
    {"reduced", -1},  {"reduction", -1}, {"shrank", -1},     {"slipped", -1},   {"compressed", -1},
    {"compression", -1}, {"deteriorated", -1}, {"slid", -1}, {"slumped", -1},   {"plunged", -1},
    {"tumbled", -1},  {"negative", -1},  {"minus", -1},
    {"增长", 1}, {"增長", 1}, {"上升", 1}, {"提升", 1}, {"提高", 1}, {"增加", 1}, {"上涨", 1}, {"上漲", 1},
    {"成长", 1}, {"成長", 1}, {"年增", 1}, {"季增", 1}, {"扩大", 1}, {"擴大", 1},
    {"下降", -1}, {"下滑", -1}, {"减少", -1}, {"減少", -1}, {"降低", -1}, {"下跌", -1}, {"衰退", -1},
    {"年减", -1}, {"年減", -1}, {"季减", -1}, {"季減", -1}, {"收窄", -1}};

/* A change's direction, right after the number ("a 7.5% decline"). */
static const dword_t change_nouns[] = {
    {"increase", 1}, {"growth", 1}, {"gain", 1}, {"rise", 1}, {"jump", 1}, {"higher", 1},
    {"improvement", 1}, {"expansion", 1}, {"up", 1}, {"decrease", -1}, {"decline", -1}, {"drop", -1},
    {"fall", -1}, {"lower", -1}, {"reduction", -1}, {"contraction", -1}, {"down", -1}, {"loss", -1}};

/* An amount's sign: a loss or earnings named before it. */
static const dword_t amount_words[] = {
    {"loss", -1},    {"losses", -1},  {"deficit", -1}, {"negative", -1}, {"minus", -1},
    {"profit", 1},   {"profits", 1},  {"earnings", 1}, {"income", 1},    {"eps", 1},
    {"亏损", -1}, {"虧損", -1}, {"净亏", -1}, {"淨虧", -1}, {"盈利", 1}, {"利润", 1}, {"利潤", 1},
    {"净利", 1}, {"淨利", 1}, {"收益", 1}};

/* p[0..len) equals the lower-case word w, ASCII case-insensitively. */
static int ieq(const char *p, size_t len, const char *w) {
    size_t wl = strlen(w);
    if (wl != len) return 0;
    for (size_t k = 0; k < wl; k++)
        if (ea_lower((unsigned char)p[k]) != (unsigned char)w[k]) return 0;
    return 1;
}

/* The direction of the word p[0..len) in `tab`, or 0. */
static int word_dir(const dword_t *tab, size_t n, const char *p, size_t len) {
    for (size_t i = 0; i < n; i++)
        if (ieq(p, len, tab[i].w)) return tab[i].dir;
    return 0;
}

static int ends_with_word(const char *t, size_t ws, size_t q, const char *w);

/* The last term of `tab` in [ws, s): ASCII words at word boundaries, and
 * multi-byte terms at any character start. 0 when none. */
static int last_dir(const dword_t *tab, size_t ntab, const char *t, size_t ws, size_t s) {
    int dir = 0;
    size_t i = ws;
    while (i < s) {
        unsigned char c = (unsigned char)t[i];
        if (ea_is_alpha(c)) {
            size_t j = i;
            while (j < s && ea_is_alpha((unsigned char)t[j])) j++;
            int d = word_dir(tab, ntab, t + i, j - i);
            /* "excluding investment gains and losses of $124 million": the
               pair names an item left out, not the sign of the amount */
            if (d < 0 && (ends_with_word(t, ws, i, "gains and ") || ends_with_word(t, ws, i, "gains or ") ||
                          ends_with_word(t, ws, i, "gain or ") || ends_with_word(t, ws, i, "gains/") ||
                          ends_with_word(t, ws, i, "gain/")))
                d = 0;
            if (d) dir = d;
            i = j;
            continue;
        }
        if (c >= 0xC0) {
            for (size_t k = 0; k < ntab; k++) {
                const char *w = tab[k].w;
                if ((unsigned char)w[0] < 0x80) continue;
                size_t wl = strlen(w);
                if (wl <= s - i && !memcmp(t + i, w, wl)) {
                    dir = tab[k].dir;
                    break;
                }
            }
        }
        i++;
        while (i < s && ((unsigned char)t[i] & 0xC0) == 0x80) i++;
    }
    return dir;
}

static int ends_with_word(const char *t, size_t ws, size_t q, const char *w) {
    size_t wl = strlen(w);
    if (q - ws < wl) return 0;
    for (size_t k = 0; k < wl; k++)
        if (ea_lower((unsigned char)t[q - wl + k]) != (unsigned char)w[k]) return 0;
    return q - wl == ws || !ea_is_alpha((unsigned char)t[q - wl - 1]);
}

static int ends_with_raw(const char *t, size_t ws, size_t q, const char *w) {
    size_t wl = strlen(w);
    return q - ws >= wl && !memcmp(t + q - wl, w, wl);
}

/* The direction of the number phrase [s, e) of t[0..n): for changes
 * (percent, points) up or down; for amounts a loss or earnings. `ws` is
 * where the window may start (the previous number's end). Sets *level
 * when the words say the number is a level ("fell to 23%"). */
static int direction(const char *t, size_t ws, size_t s, size_t e, size_t n, int uc, unsigned qflags, int *level) {
    *level = 0;
    if (qflags & EA_Q_NEG) return -1;
    if (uc == UC_TIMES) return 0;
    if (s > ws + DIR_WINDOW) {
        ws = s - DIR_WINDOW;
        while (ws < s && ((unsigned char)t[ws] & 0xC0) == 0x80) ws++;
    }
    /* the clause: from the last sentence break before the number */
    for (size_t i = s; i > ws; i--) {
        unsigned char c = (unsigned char)t[i - 1];
        if (c == ';' || c == '!' || c == '?' || (c == '.' && (i == s || t[i] == ' '))) {
            ws = i;
            break;
        }
        if (c == 0x82 && i >= ws + 3 && (unsigned char)t[i - 3] == 0xE3 && (unsigned char)t[i - 2] == 0x80) {
            ws = i; /* 。 */
            break;
        }
    }
    if (uc == UC_CUR || uc == UC_NONE)
        return last_dir(amount_words, sizeof amount_words / sizeof amount_words[0], t, ws, s);
    /* changes: "+5%" */
    if (s > 0 && t[s - 1] == '+') return 1;
    /* a noun right after: "a 7.5% decline", "5% year-over-year growth" */
    size_t i = e;
    for (int round = 0; round < 3; round++) {
        while (i < n && (t[i] == ' ' || t[i] == '-')) i++;
        size_t j = i;
        while (j < n && (ea_is_alpha((unsigned char)t[j]) || t[j] == '-' || t[j] == '/')) j++;
        if (j == i) break;
        int d = word_dir(change_nouns, sizeof change_nouns / sizeof change_nouns[0], t + i, j - i);
        if (d) return d;
        static const char *const skip[] = {"year-over-year", "yoy", "y/y", "sequential", "annual", "organic",
                                          "quarter-over-quarter", "q/q", "year", "over", "on"};
        int skipped = 0;
        for (size_t k = 0; k < sizeof skip / sizeof skip[0]; k++) skipped |= ieq(t + i, j - i, skip[k]);
        if (!skipped) break;
        i = j;
    }
    /* a level, not a change: "fell to 23%", "为23%" */
    size_t q = s;
    while (q > ws && t[q - 1] == ' ') q--;
    if (ends_with_word(t, ws, q, "to") || ends_with_word(t, ws, q, "at") || ends_with_word(t, ws, q, "reached") ||
        ends_with_word(t, ws, q, "of") || ends_with_raw(t, ws, q, "至") || ends_with_raw(t, ws, q, "到") ||
        ends_with_raw(t, ws, q, "为") || ends_with_raw(t, ws, q, "為") || ends_with_raw(t, ws, q, "达") ||
        ends_with_raw(t, ws, q, "達")) {
        /* "of" is a level ("a margin of 23%") unless a change word precedes it
           ("a decline of 5%", "growth of 5%") */
        if (ends_with_word(t, ws, q, "of")) {
            size_t r = q - 2;
            while (r > ws && t[r - 1] == ' ') r--;
            size_t w0 = r;
            while (w0 > ws && ea_is_alpha((unsigned char)t[w0 - 1])) w0--;
            if (w0 < r) {
                int d = word_dir(change_words, sizeof change_words / sizeof change_words[0], t + w0, r - w0);
                if (d) return d;
            }
        }
        *level = 1;
        return 0;
    }
    return last_dir(change_words, sizeof change_words / sizeof change_words[0], t, ws, s);
}

/* "down 2% from the second quarter and 11% year over year": a number
 * joined to the one before it by "and" or a comma, in the same clause,
 * with no direction of its own, takes that one's. */
static int coordinated(const char *t, size_t pe, size_t s) {
    if (s < pe || s - pe > 60) return 0;
    int joined = 0;
    for (size_t i = pe; i < s; i++) {
        char c = t[i];
        if (c == '.' || c == ';' || c == '!' || c == '?') return 0;
        if (c == ',') joined = 1;
        if (c == ' ' && s - i >= 5 && !memcmp(t + i, " and ", 5)) joined = 1;
        if (s - i >= 3 && (!memcmp(t + i, "和", 3) || !memcmp(t + i, "，", 3) || !memcmp(t + i, "、", 3))) joined = 1;
    }
    return joined;
}

/* ---- reading the call ------------------------------------------------------ */

typedef struct {
    src_t *x;
    const ea_paragraph *p;
    uint32_t para;
    int in_tr;
    const char *t;
    size_t n;
    size_t prev_end;            /* the last quantity's end */
    size_t prev_vend;           /* the last value's end, its direction and unit */
    int prev_dir, prev_uc;
} scan_ctx;

static size_t src_off(const scan_ctx *c, size_t off) {
    return c->in_tr ? c->p->tr_span.start + off : ea_paragraph_src_offset(c->p, off);
}

static int cents_after(const char *t, size_t e, size_t n) {
    size_t i = e;
    while (i < n && t[i] == ' ') i++;
    if (n - i >= 2 && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA2) return 1; /* ¢ */
    if (n - i >= 4 && !memcmp(t + i, "cent", 4)) {
        size_t j = i + 4;
        if (j < n && t[j] == 's') j++;
        return j == n || !ea_is_alpha((unsigned char)t[j]);
    }
    return 0;
}

static int on_source_qty(void *ctx, const ea_qty *q) {
    scan_ctx *c = ctx;
    size_t ws = c->prev_end;
    c->prev_end = q->end;
    if (q->flags & EA_Q_NOTVALUE) return 0;
    int uc = uclass(q);
    double f = q->unit == EA_U_BPS ? 0.01 : 1;
    int level;
    int dir = direction(c->t, ws, q->start, q->end, c->n, uc, q->flags, &level);
    if (!dir && !level && c->prev_dir && c->prev_uc == uc && coordinated(c->t, c->prev_vend, q->start))
        dir = c->prev_dir;
    c->prev_dir = dir;
    c->prev_uc = uc;
    c->prev_vend = q->end;
    size_t s = src_off(c, q->start), e = src_off(c, q->end);
    int zh = (q->flags & EA_Q_ZH) != 0, sc = (q->flags & EA_Q_SCALED) != 0;
    if (q->flags & EA_Q_RANGE) {
        add_entry(c->x, q->low * f, q->low * f, s, e, c->para, c->in_tr, uc, q->cur, zh, sc,
                  q->low < 0 ? -1 : dir);
        add_entry(c->x, q->high * f, q->high * f, s, e, c->para, c->in_tr, uc, q->cur, zh, sc,
                  q->high < 0 ? -1 : dir);
    } else {
        add_entry(c->x, q->value * f, q->value * f, s, e, c->para, c->in_tr, uc, q->cur, zh, sc, dir);
        /* "31 cents" is $0.31 */
        if (uc == UC_NONE && !sc && cents_after(c->t, q->end, c->n))
            add_entry(c->x, q->value / 100, q->value / 100, s, e, c->para, c->in_tr, UC_CUR, "USD", 0, 0, dir);
    }
    return c->x->nomem;
}

/* English number words the quantity scanner leaves alone because they
 * count something unnamed ("three new stores"): a summary's "3 new
 * stores" is stated by them. */
static void scan_word_numbers(scan_ctx *c) {
    static const struct {
        const char *w;
        int v;
    } words[] = {{"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},       {"five", 5},
                 {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},       {"ten", 10},
                 {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},  {"fifteen", 15},
                 {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},  {"twenty", 20},
                 {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},     {"seventy", 70},
                 {"eighty", 80},    {"ninety", 90},    {"dozen", 12},    {"hundred", 100}};
    const char *t = c->t;
    size_t n = c->n, i = 0;
    while (i < n && !c->x->nomem) {
        if (!ea_is_alpha((unsigned char)t[i]) || (i > 0 && ea_is_alpha((unsigned char)t[i - 1]))) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && ea_is_alpha((unsigned char)t[j])) j++;
        int v = -1;
        for (size_t k = 0; k < sizeof words / sizeof words[0] && v < 0; k++)
            if (ieq(t + i, j - i, words[k].w)) v = words[k].v;
        size_t e = j;
        if (v >= 20 && v < 100 && j + 1 < n && (t[j] == '-' || t[j] == ' ')) {
            size_t a = j + 1, b = a;
            while (b < n && ea_is_alpha((unsigned char)t[b])) b++;
            for (size_t k = 0; k < 9; k++)
                if (ieq(t + a, b - a, words[k].w)) {
                    v += words[k].v;
                    e = b;
                    break;
                }
        }
        if (v > 0) add_entry(c->x, v, v, src_off(c, i), src_off(c, e), c->para, c->in_tr, UC_NONE, "", 0, 0, 0);
        i = e;
    }
}

static int cmp_span(const void *a, const void *b) {
    const entry_t *x = a, *y = b;
    return x->s < y->s ? -1 : x->s > y->s ? 1 : 0;
}

static void scan_side(src_t *x, const ea_paragraph *p, uint32_t para, int in_tr) {
    scan_ctx c;
    memset(&c, 0, sizeof c);
    c.x = x;
    c.p = p;
    c.para = para;
    c.in_tr = in_tr;
    c.t = in_tr ? p->tr_text.ptr : p->text.ptr;
    c.n = in_tr ? p->tr_text.len : p->text.len;
    block_t *b = &x->blocks[2 * (size_t)para + (size_t)in_tr];
    b->first = x->ents.n;
    if (c.n && c.t) {
        ea_qty_scan(c.t, c.n, on_source_qty, &c);
        scan_word_numbers(&c);
    }
    b->n = x->ents.n - b->first;
    if (b->n > 1) qsort(ENT(x, b->first), b->n, sizeof(entry_t), cmp_span);
}

static int near_eq(double a, double b) { return fabs(a - b) <= 1e-6 * (fabs(a) + fabs(b)) + 1e-9; }

/* The first entry of block b that may overlap offset `at`: the first that
 * starts at or after it, and the few before it that reach past it (spans
 * seldom overlap: number words inside a quantity phrase). */
static size_t block_lower(const src_t *x, const block_t *b, size_t at) {
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ENT(x, b->first + mid)->s < at) lo = mid + 1;
        else hi = mid;
    }
    for (int back = 0; lo > 0 && back < 4 && ENT(x, b->first + lo - 1)->e > at; back++) lo--;
    return lo;
}

/* Facts give numbers their periods and changes their signs. */
static void link_facts(src_t *x) {
    size_t nf = x->facts ? ea_facts_count(x->facts) : 0;
    for (size_t i = 0; i < nf && !x->nomem; i++) {
        const ea_fact *f = ea_facts_get(x->facts, i);
        if (!f || f->para >= x->npara || !f->has_value) continue;
        const block_t *b = &x->blocks[2 * (size_t)f->para + (f->in_translation ? 1 : 0)];
        /* the entries at the fact's own span */
        size_t k = block_lower(x, b, f->span.start);
        for (int guard = 0; k < b->n && guard < 8; k++, guard++) {
            entry_t *en = ENT(x, b->first + k);
            if (en->s >= f->span.end) break;
            if (en->e <= f->span.start) continue;
            int fits = f->is_range ? (near_eq(en->key, fabs(f->low)) || near_eq(en->key, fabs(f->high)))
                                   : near_eq(en->key, fabs(f->value));
            if (!fits) continue;
            int32_t old = en->fact;
            if (old < 0 || (ea_facts_get(x->facts, (size_t)old)->period_implied && !f->period_implied))
                en->fact = (int32_t)i;
            /* the words around the number come first; the fact's sign
               fills in where they say nothing */
            double sv = f->is_range ? (near_eq(en->key, fabs(f->low)) ? f->low : f->high) : f->value;
            if (!en->dir && sv < 0) en->dir = -1;
            else if (!en->dir && f->is_change && sv > 0) en->dir = 1;
        }
        /* the stated changes, in the fact's sentence */
        for (int w = 0; w < 2; w++) {
            int has = w ? f->has_qoq : f->has_yoy;
            double ch = w ? f->qoq_pct : f->yoy_pct;
            if (!has || !isfinite(ch) || ch == 0) continue;
            int found = 0;
            size_t j = block_lower(x, b, f->sentence.start);
            for (int guard = 0; j < b->n && guard < 64; j++, guard++) {
                entry_t *en = ENT(x, b->first + j);
                if (en->s >= f->sentence.end) break;
                if (en->uc != UC_PCT || !near_eq(en->key, fabs(ch))) continue;
                if (!en->dir) en->dir = (int8_t)(ch < 0 ? -1 : 1);
                if (en->fact < 0) en->fact = (int32_t)i;
                found = 1;
            }
            if (!found) {
                entry_t *en = add_entry(x, ch, ch, f->span.start, f->span.end, f->para, f->in_translation, UC_PCT,
                                        "", 0, 0, ch < 0 ? -1 : 1);
                if (en) en->fact = (int32_t)i;
            }
        }
    }
}

/* qsort has no context argument in C17: sort records holding the keys
 * rather than indices that would need a global to reach the entries. */
typedef struct {
    double k1;
    uint32_t para, idx;
} sortrec;

static int cmp_rec_key(const void *a, const void *b) {
    const sortrec *x = a, *y = b;
    if (x->k1 != y->k1) return x->k1 < y->k1 ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int cmp_rec_para(const void *a, const void *b) {
    const sortrec *x = a, *y = b;
    if (x->para != y->para) return x->para < y->para ? -1 : 1;
    return cmp_rec_key(a, b);
}

static int build_source(src_t *x) {
    x->text = ea_call_text(x->call, &x->tlen);
    x->npara = ea_call_paragraph_count(x->call);
    if (x->npara > (SIZE_MAX / 2) / sizeof(block_t)) return -1;
    x->blocks = calloc(x->npara ? 2 * x->npara : 1, sizeof(block_t));
    if (!x->blocks) return -1;
    for (size_t i = 0; i < x->npara && !x->nomem; i++) {
        const ea_paragraph *p = ea_call_paragraph(x->call, i);
        scan_side(x, p, (uint32_t)i, 0);
        if (p->has_translation) scan_side(x, p, (uint32_t)i, 1);
    }
    if (!x->nomem) link_facts(x);
    if (x->nomem) return -1;
    /* values signed as the call means them: "fell 8%" is -8, "a net loss
       of $12 million" -12,000,000 (as in the facts) */
    for (size_t i = 0; i < x->ents.n; i++) {
        entry_t *en = ENT(x, i);
        if (en->dir < 0 && en->value > 0) en->value = -en->value;
    }
    x->n = x->ents.n;
    size_t n = x->n ? x->n : 1;
    sortrec *r = malloc(n * sizeof *r);
    x->by_key = malloc(n * sizeof(uint32_t));
    x->by_para = malloc(n * sizeof(uint32_t));
    if (!r || !x->by_key || !x->by_para) {
        free(r);
        return -1;
    }
    for (size_t i = 0; i < x->n; i++) {
        r[i].k1 = ENT(x, i)->key;
        r[i].para = ENT(x, i)->para;
        r[i].idx = (uint32_t)i;
    }
    if (x->n > 1) qsort(r, x->n, sizeof *r, cmp_rec_key);
    for (size_t i = 0; i < x->n; i++) x->by_key[i] = r[i].idx;
    if (x->n > 1) qsort(r, x->n, sizeof *r, cmp_rec_para);
    for (size_t i = 0; i < x->n; i++) x->by_para[i] = r[i].idx;
    free(r);
    x->para_first = malloc((x->npara + 1) * sizeof(size_t));
    x->cite_seen = calloc(x->npara ? x->npara : 1, sizeof(uint32_t));
    if (!x->para_first || !x->cite_seen) return -1;
    size_t at = 0;
    for (size_t p = 0; p <= x->npara; p++) {
        while (at < x->n && ENT(x, x->by_para[at])->para < p) at++;
        x->para_first[p] = at;
    }
    return 0;
}

static void free_source(src_t *x) {
    free(x->para_first);
    free(x->cite_seen);
    free(x->words);
    free(x->scripts);
    ea_vec_free(&x->ents);
    free(x->by_key);
    free(x->by_para);
    free(x->blocks);
}

/* First position in by_key with key >= lo. */
static size_t lower_key(const src_t *x, double lo) {
    size_t a = 0, b = x->n;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (ENT(x, x->by_key[m])->key < lo) a = m + 1;
        else b = m;
    }
    return a;
}

/* First position in by_para with (para, key) >= (p, lo). */
static size_t lower_para(const src_t *x, uint32_t p, double lo) {
    if (p >= x->npara) return x->n;
    size_t a = x->para_first[p], b = x->para_first[p + 1];
    while (a < b) {
        size_t m = a + (b - a) / 2;
        const entry_t *en = ENT(x, x->by_para[m]);
        if (en->para < p || (en->para == p && en->key < lo)) a = m + 1;
        else b = m;
    }
    return a;
}

/* ---- words, for lines without numbers ---------------------------------------- */

/* Content words: ASCII words of four letters or more that are not function
 * words, cut to six letters (so "revenue" and "revenues" meet), and pairs
 * of adjacent CJK ideographs, each folded to one script (data/zh_variants.txt)
 * so that a Traditional summary meets a Simplified call and the other way. */
static const char *const stopwords[] = {
    "this", "that", "with", "from", "have", "were", "been", "will", "would", "their", "there", "they",
    "them", "which", "what", "when", "where", "also", "about", "into", "than", "then", "these", "those",
    "over", "some", "more", "most", "such", "very", "just", "only", "other", "each", "because", "while",
    "being", "after", "before", "could", "should", "said", "says", "your", "ours", "does", "done", "well",
    "company", "compname", "quarter", "year"};

typedef void (*word_fn)(void *ctx, uint64_t h, int cjk);

static uint64_t fnv(const char *p, size_t n, int lower) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        h = (h ^ (lower ? ea_lower(c) : c)) * 1099511628211ull;
    }
    return h;
}

static void each_word(const char *t, size_t n, word_fn fn, void *ctx) {
    size_t i = 0;
    uint32_t prev_cp = 0;
    while (i < n) {
        unsigned char c = (unsigned char)t[i];
        if (ea_is_alpha(c) && (i == 0 || !ea_is_alpha((unsigned char)t[i - 1]))) {
            size_t j = i;
            while (j < n && ea_is_alpha((unsigned char)t[j])) j++;
            if (j - i >= 4) {
                int stop = 0;
                for (size_t k = 0; k < sizeof stopwords / sizeof stopwords[0] && !stop; k++)
                    stop = ieq(t + i, j - i, stopwords[k]);
                if (!stop) fn(ctx, fnv(t + i, j - i < 6 ? j - i : 6, 1), 0);
            }
            i = j;
            prev_cp = 0;
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;
            int k = ea_utf8_next((const unsigned char *)t + i, (const unsigned char *)t + n, &cp);
            if (ea_is_cjk(cp)) {
                cp = ea_zh_hant_of(cp);
                if (prev_cp) {
                    char u[8];
                    size_t m = ea_utf8_put(u, prev_cp);
                    m += ea_utf8_put(u + m, cp);
                    fn(ctx, fnv(u, m, 0), 1);
                }
                prev_cp = cp;
            } else {
                prev_cp = 0;
            }
            i += (size_t)k;
            continue;
        }
        prev_cp = 0;
        i++;
    }
}

static uint64_t word_key(uint64_t h, uint32_t para) {
    uint64_t k = h ^ ((uint64_t)(para + 1) * 0x9E3779B97F4A7C15ull);
    k ^= k >> 29;
    return k ? k : 1;
}

static int words_grow(src_t *x) {
    size_t nc = x->wcap ? x->wcap * 2 : (size_t)1 << 12;
    if (nc > (SIZE_MAX / 2) / sizeof(uint64_t)) return -1;
    uint64_t *nw = calloc(nc, sizeof *nw);
    if (!nw) return -1;
    for (size_t i = 0; i < x->wcap; i++) {
        uint64_t k = x->words[i];
        if (!k) continue;
        size_t at = (size_t)(k & (nc - 1));
        while (nw[at]) at = (at + 1) & (nc - 1);
        nw[at] = k;
    }
    free(x->words);
    x->words = nw;
    x->wcap = nc;
    return 0;
}

static int words_has(const src_t *x, uint64_t k) {
    if (!x->wcap) return 0;
    size_t at = (size_t)(k & (x->wcap - 1));
    while (x->words[at]) {
        if (x->words[at] == k) return 1;
        at = (at + 1) & (x->wcap - 1);
    }
    return 0;
}

typedef struct {
    src_t *x;
    uint32_t para;
} wadd_ctx;

static void word_add(void *ctx, uint64_t h, int cjk) {
    wadd_ctx *c = ctx;
    src_t *x = c->x;
    if (x->nomem) return;
    x->scripts[c->para] |= (uint8_t)(cjk ? 2 : 1);
    uint64_t k = word_key(h, c->para);
    if (words_has(x, k)) return;
    if ((x->wn + 1) * 2 > x->wcap && words_grow(x) != 0) {
        x->nomem = 1;
        return;
    }
    size_t at = (size_t)(k & (x->wcap - 1));
    while (x->words[at]) at = (at + 1) & (x->wcap - 1);
    x->words[at] = k;
    x->wn++;
}

static int build_words(src_t *x) {
    if (x->words_built) return x->nomem ? -1 : 0;
    x->words_built = 1;
    x->scripts = calloc(x->npara ? x->npara : 1, 1);
    if (!x->scripts) {
        x->nomem = 1;
        return -1;
    }
    for (size_t i = 0; i < x->npara && !x->nomem; i++) {
        const ea_paragraph *p = ea_call_paragraph(x->call, i);
        wadd_ctx c = {x, (uint32_t)i};
        each_word(p->text.ptr, p->text.len, word_add, &c);
        if (p->has_translation && p->tr_text.len) each_word(p->tr_text.ptr, p->tr_text.len, word_add, &c);
    }
    return x->nomem ? -1 : 0;
}

/* ---- periods ------------------------------------------------------------------ */

typedef struct {
    size_t s, e;
    char kind; /* 'Q' quarter, 'H' half, 'Y' year, 'R' relative (a comparison: unknown) */
    int n;     /* quarter or half number */
    int year;  /* 0 when not named */
} ptok_t;

static int ilit(const char *t, size_t i, size_t n, const char *w) {
    size_t wl = strlen(w);
    if (n - i < wl) return 0;
    for (size_t k = 0; k < wl; k++)
        if (ea_lower((unsigned char)t[i + k]) != (unsigned char)w[k]) return 0;
    if (ea_is_alpha((unsigned char)w[wl - 1]) && i + wl < n && ea_is_alnum((unsigned char)t[i + wl])) return 0;
    return (int)wl;
}

static int year4(const char *t, size_t i, size_t n) {
    if (n - i < 4) return 0;
    for (int k = 0; k < 4; k++)
        if (!ea_is_digit((unsigned char)t[i + k])) return 0;
    if (i + 4 < n && ea_is_alnum((unsigned char)t[i + 4])) return 0;
    int y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
    return y >= 1990 && y <= 2100 ? y : 0;
}

/* A year after a period word: " 2021", " of 2021", " fiscal 2021",
 * " of fiscal year 2021", " fy21", " '21". Sets *end past it. */
static int year_after(const char *t, size_t i, size_t n, size_t *end) {
    size_t j = i;
    int k;
    while (j < n && (t[j] == ' ' || t[j] == ',')) j++;
    if ((k = ilit(t, j, n, "of"))) {
        j += (size_t)k;
        while (j < n && t[j] == ' ') j++;
    }
    if ((k = ilit(t, j, n, "fiscal year")) || (k = ilit(t, j, n, "fiscal")) || (k = ilit(t, j, n, "calendar"))) {
        j += (size_t)k;
        while (j < n && t[j] == ' ') j++;
    }
    int fy = 0;
    if (n - j >= 2 && ea_lower((unsigned char)t[j]) == 'f' && ea_lower((unsigned char)t[j + 1]) == 'y') {
        j += 2;
        fy = 1;
        while (j < n && t[j] == ' ') j++;
    }
    int y = year4(t, j, n);
    if (y) {
        *end = j + 4;
        return y;
    }
    size_t a = j;
    if (j < n && t[j] == '\'') a = j + 1;
    if ((fy || a > j) && n - a >= 2 && ea_is_digit((unsigned char)t[a]) && ea_is_digit((unsigned char)t[a + 1]) &&
        (a + 2 == n || !ea_is_alnum((unsigned char)t[a + 2]))) {
        *end = a + 2;
        return 2000 + (t[a] - '0') * 10 + (t[a + 1] - '0');
    }
    return 0;
}

static const char *const zh_ord[] = {"一", "二", "三", "四"};

/* A period named as the comparison ("compared to 2020", "versus q2",
 * "up from ... in q3 of 2020" is not caught here: see the number's
 * period below), which says nothing about the line's own period. */
static int comparison_before(const char *t, size_t s) {
    size_t q = s;
    for (int w = 0; w < 3; w++) {
        while (q > 0 && t[q - 1] == ' ') q--;
        if (ends_with_word(t, 0, q, "the")) q -= 3;
        else if (ends_with_word(t, 0, q, "of")) q -= 2;
        else if (ends_with_word(t, 0, q, "in")) q -= 2;
        else if (ends_with_word(t, 0, q, "fiscal")) q -= 6;
        else if (ends_with_word(t, 0, q, "same")) q -= 4;
        else break;
    }
    while (q > 0 && t[q - 1] == ' ') q--;
    static const char *const words[] = {"to", "with", "versus", "vs", "from", "over", "than", "since", "against"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (!ends_with_word(t, 0, q, words[i])) continue;
        if (i < 2) { /* "compared to", "compared with", "relative to" */
            size_t r = q - strlen(words[i]);
            while (r > 0 && t[r - 1] == ' ') r--;
            return ends_with_word(t, 0, r, "compared") || ends_with_word(t, 0, r, "relative") ||
                   ends_with_word(t, 0, r, "comparison");
        }
        return 1;
    }
    if (q > 0 && t[q - 1] == '.' && ends_with_word(t, 0, q - 1, "vs")) return 1;
    return ends_with_raw(t, 0, q, "较") || ends_with_raw(t, 0, q, "較") || ends_with_raw(t, 0, q, "比") ||
           ends_with_raw(t, 0, q, "相比");
}

/* Periods named in a line, in order (at most `cap`). */
static size_t line_periods(const char *t, size_t n, ptok_t *out, size_t cap) {
    static const char *const ordw[] = {"first", "second", "third", "fourth"};
    static const char *const rel[] = {"last year", "prior year", "prior-year", "previous year", "a year ago",
                                      "year ago", "year-ago", "year earlier", "year-earlier", "last quarter",
                                      "prior quarter", "previous quarter", "prior-quarter", "sequentially",
                                      "sequential"};
    static const char *const rel_zh[] = {"去年同期", "上年同期", "上季", "去年", "上年", "环比", "環比", "同比"};
    size_t no = 0;
    size_t i = 0;
    while (i < n && no < cap) {
        unsigned char c = (unsigned char)t[i];
        int wstart = i == 0 || !ea_is_alnum((unsigned char)t[i - 1]);
        ptok_t tk = {i, i, 0, 0, 0};
        size_t e = i;
        int k;
        if (wstart && ea_is_alpha(c)) {
            if ((c == 'q' || c == 'Q') && i + 1 < n && t[i + 1] >= '1' && t[i + 1] <= '4' &&
                (i + 2 == n || !ea_is_alnum((unsigned char)t[i + 2]))) {
                tk.kind = 'Q';
                tk.n = t[i + 1] - '0';
                e = i + 2;
                tk.year = year_after(t, e, n, &e);
            } else if ((c == 'h' || c == 'H') && i + 1 < n && (t[i + 1] == '1' || t[i + 1] == '2') &&
                       (i + 2 == n || !ea_is_alnum((unsigned char)t[i + 2]))) {
                tk.kind = 'H';
                tk.n = t[i + 1] - '0';
                e = i + 2;
                tk.year = year_after(t, e, n, &e);
            } else if (n - i >= 2 && ea_lower(c) == 'f' && ea_lower((unsigned char)t[i + 1]) == 'y' &&
                       (i + 2 == n || !ea_is_alpha((unsigned char)t[i + 2]))) {
                tk.kind = 'Y';
                e = i + 2;
                size_t j = e;
                while (j < n && t[j] == ' ') j++;
                int y = year4(t, j, n);
                if (y) {
                    tk.year = y;
                    e = j + 4;
                } else if (n - j >= 2 && ea_is_digit((unsigned char)t[j]) && ea_is_digit((unsigned char)t[j + 1]) &&
                           (j + 2 == n || !ea_is_alnum((unsigned char)t[j + 2]))) {
                    tk.year = 2000 + (t[j] - '0') * 10 + (t[j + 1] - '0');
                    e = j + 2;
                }
            } else if ((k = ilit(t, i, n, "full year")) || (k = ilit(t, i, n, "full-year")) ||
                       (k = ilit(t, i, n, "fiscal year")) || (k = ilit(t, i, n, "annual")) ||
                       (k = ilit(t, i, n, "fiscal"))) {
                /* "fiscal first quarter", "fiscal q1": the quarter says it */
                size_t j = i + (size_t)k;
                while (j < n && t[j] == ' ') j++;
                int quarter_next = 0;
                for (int o = 0; o < 4; o++)
                    if (ilit(t, j, n, ordw[o])) quarter_next = 1;
                if (j + 1 < n && (t[j] == 'q' || t[j] == 'Q') && t[j + 1] >= '1' && t[j + 1] <= '4') quarter_next = 1;
                int qk = ilit(t, j, n, "quarter");
                if (qk) { /* "fiscal quarter": a quarter, which one unsaid */
                    tk.kind = 'Q';
                    e = j + (size_t)qk;
                } else if (!quarter_next) {
                    tk.kind = 'Y';
                    e = i + (size_t)k;
                    tk.year = year_after(t, e, n, &e);
                } else {
                    e = j;
                }
            } else {
                for (int o = 0; o < 4 && !tk.kind; o++) {
                    if (!(k = ilit(t, i, n, ordw[o]))) continue;
                    size_t j = i + (size_t)k;
                    if (j < n && (t[j] == ' ' || t[j] == '-')) j++;
                    int fk = ilit(t, j, n, "fiscal"); /* "first fiscal quarter" */
                    if (fk && j + (size_t)fk < n && t[j + (size_t)fk] == ' ') j += (size_t)fk + 1;
                    if ((k = ilit(t, j, n, "quarter")) || (k = ilit(t, j, n, "qtr"))) {
                        tk.kind = 'Q';
                        tk.n = o + 1;
                        e = j + (size_t)k;
                        tk.year = year_after(t, e, n, &e);
                    } else if (o < 2 && (k = ilit(t, j, n, "half"))) {
                        tk.kind = 'H';
                        tk.n = o + 1;
                        e = j + (size_t)k;
                        tk.year = year_after(t, e, n, &e);
                    }
                }
                for (size_t r = 0; r < sizeof rel / sizeof rel[0] && !tk.kind; r++)
                    if ((k = ilit(t, i, n, rel[r]))) {
                        tk.kind = 'R';
                        e = i + (size_t)k;
                    }
            }
        } else if (ea_is_digit(c) && (i == 0 || !(ea_is_alnum((unsigned char)t[i - 1]) || t[i - 1] == ',' ||
                                                    t[i - 1] == '.' || t[i - 1] == '$'))) {
            if (i + 1 < n && c >= '1' && c <= '4' && (t[i + 1] == 'q' || t[i + 1] == 'Q' || t[i + 1] == 'h' ||
                                                       t[i + 1] == 'H') &&
                (i + 2 == n || !ea_is_alpha((unsigned char)t[i + 2]))) {
                /* 1Q21, 4Q 2020, 2H */
                tk.kind = (t[i + 1] == 'q' || t[i + 1] == 'Q') ? 'Q' : 'H';
                tk.n = c - '0';
                e = i + 2;
                if (n - e >= 2 && ea_is_digit((unsigned char)t[e]) && ea_is_digit((unsigned char)t[e + 1]) &&
                    (e + 2 == n || !ea_is_alnum((unsigned char)t[e + 2]))) {
                    tk.year = 2000 + (t[e] - '0') * 10 + (t[e + 1] - '0');
                    e += 2;
                } else {
                    tk.year = year_after(t, e, n, &e);
                }
            } else if ((tk.year = year4(t, i, n)) != 0) {
                e = i + 4;
                size_t j = e;
                while (j < n && t[j] == ' ') j++;
                /* 2024年第一季度, 2024年上半年, 2024财年 */
                if (n - j >= 3 && !memcmp(t + j, "年", 3)) {
                    j += 3;
                    e = j;
                    tk.kind = 'Y';
                    size_t a = j;
                    if (n - a >= 3 && !memcmp(t + a, "第", 3)) a += 3;
                    for (int o = 0; o < 4; o++)
                        if (n - a >= 6 && !memcmp(t + a, zh_ord[o], 3) && !memcmp(t + a + 3, "季", 3)) {
                            tk.kind = 'Q';
                            tk.n = o + 1;
                            e = a + 6;
                            if (n - e >= 3 && !memcmp(t + e, "度", 3)) e += 3;
                        }
                    if (n - j >= 9 && (!memcmp(t + j, "上半年", 9) || !memcmp(t + j, "下半年", 9))) {
                        tk.kind = 'H';
                        tk.n = !memcmp(t + j, "上", 3) ? 1 : 2;
                        e = j + 9;
                    }
                } else if (n - j >= 6 && (!memcmp(t + j, "财年", 6) || !memcmp(t + j, "財年", 6))) {
                    tk.kind = 'Y';
                    e = j + 6;
                } else {
                    /* a bare year: the fiscal year, unless it ends a date
                       ("June 30, 2021") */
                    size_t b = i;
                    while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == ',')) b--;
                    int date = b < i && b > 0 && ea_is_digit((unsigned char)t[b - 1]);
                    static const char *const months[] = {"january", "february", "march", "april", "may", "june",
                                                         "july", "august", "september", "october", "november",
                                                         "december"};
                    for (size_t m = 0; m < 12 && !date; m++) {
                        size_t ml = strlen(months[m]);
                        if (b >= ml && ilit(t, b - ml, n, months[m]) &&
                            (b == ml || !ea_is_alpha((unsigned char)t[b - ml - 1])))
                            date = 1;
                    }
                    if (!date) tk.kind = 'Y';
                }
            }
        } else if (c >= 0xE0) {
            size_t a = i;
            if (n - a >= 3 && !memcmp(t + a, "第", 3)) a += 3;
            for (int o = 0; o < 4 && !tk.kind; o++)
                if (n - a >= 6 && !memcmp(t + a, zh_ord[o], 3) && !memcmp(t + a + 3, "季", 3)) {
                    /* 前三季度: the year so far, not the third quarter */
                    int ytd = a == i && i >= 3 && !memcmp(t + i - 3, "前", 3);
                    tk.kind = ytd ? 'R' : 'Q';
                    tk.n = ytd ? 0 : o + 1;
                    e = a + 6;
                    if (n - e >= 3 && !memcmp(t + e, "度", 3)) e += 3;
                }
            if (!tk.kind && n - i >= 9 && (!memcmp(t + i, "上半年", 9) || !memcmp(t + i, "下半年", 9))) {
                tk.kind = 'H';
                tk.n = !memcmp(t + i, "上", 3) ? 1 : 2;
                e = i + 9;
            }
            if (!tk.kind && n - i >= 6 && !memcmp(t + i, "全年", 6)) {
                tk.kind = 'Y';
                e = i + 6;
            }
            for (size_t r = 0; r < sizeof rel_zh / sizeof rel_zh[0] && !tk.kind; r++) {
                size_t wl = strlen(rel_zh[r]);
                if (n - i >= wl && !memcmp(t + i, rel_zh[r], wl)) {
                    tk.kind = 'R';
                    e = i + wl;
                }
            }
        }
        if (!tk.kind && wstart && ((k = ilit(t, i, n, "qtrly")) || (k = ilit(t, i, n, "quarterly")))) {
            tk.kind = 'Q'; /* a quarter, which one unsaid */
            e = i + (size_t)k;
        }
        if (tk.kind) {
            tk.e = e;
            if (tk.kind != 'R' && comparison_before(t, i)) tk.kind = 'R';
            out[no++] = tk;
            i = e > i ? e : i + 1;
            continue;
        }
        if (ea_is_alnum(c)) {
            while (i < n && ea_is_alnum((unsigned char)t[i])) i++;
        } else {
            i++;
            while (i < n && ((unsigned char)t[i] & 0xC0) == 0x80) i++;
        }
    }
    return no;
}

/* Does a fact's period ("2024Q1", "2024H2", "FY2024") fit what the line
 * names? Unknown forms fit. Years are not compared: fiscal years that are
 * not calendar years, and calls that name the year after the one they
 * report, make the extractor's years too often differ from a correct
 * summary's; the quarter, half or full year is compared. */
static int period_fits(const ptok_t *tk, ea_str fp) {
    char kind;
    int n = 0, year;
    const char *p = fp.ptr;
    if (fp.len == 6 && (p[4] == 'Q' || p[4] == 'H') && ea_is_digit((unsigned char)p[0])) {
        kind = p[4];
        n = p[5] - '0';
        year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    } else if (fp.len == 6 && p[0] == 'F' && p[1] == 'Y') {
        kind = 'Y';
        year = (p[2] - '0') * 1000 + (p[3] - '0') * 100 + (p[4] - '0') * 10 + (p[5] - '0');
    } else {
        return 1;
    }
    (void)year;
    if (tk->kind != kind) return 0;
    return kind == 'Y' || !tk->n || tk->n == n;
}

/* ---- citations ------------------------------------------------------------------ */

/* Opening and closing brackets: [ ], 【 】, ［ ］ */
static size_t open_at(const char *t, size_t i, size_t n) {
    if (t[i] == '[') return 1;
    if (n - i >= 3 && (!memcmp(t + i, "【", 3) || !memcmp(t + i, "［", 3))) return 3;
    return 0;
}
static size_t close_at(const char *t, size_t i, size_t n) {
    if (i < n && t[i] == ']') return 1;
    if (n - i >= 3 && (!memcmp(t + i, "】", 3) || !memcmp(t + i, "］", 3))) return 3;
    return 0;
}

static size_t read_uint(const char *t, size_t i, size_t n, uint64_t *v) {
    size_t j = i;
    uint64_t x = 0;
    while (j < n && ea_is_digit((unsigned char)t[j])) {
        if (x < 100000000000ull) x = x * 10 + (uint64_t)(t[j] - '0');
        j++;
    }
    *v = x;
    return j - i;
}

/* A citation marker at i ("[3]", "[3, 4]", "[3-5]"): its end, or 0. Calls
 * fn for each cited range. */
typedef void (*cite_fn)(void *ctx, uint64_t lo, uint64_t hi, size_t s, size_t e);
static size_t cite_at(const char *t, size_t i, size_t n, cite_fn fn, void *ctx, int dry) {
    size_t k = open_at(t, i, n);
    if (!k) return 0;
    size_t j = i + k;
    struct {
        uint64_t lo, hi;
    } parts[16];
    size_t np = 0;
    for (;;) {
        while (j < n && t[j] == ' ') j++;
        uint64_t a, b;
        size_t d = read_uint(t, j, n, &a);
        if (!d) return 0;
        j += d;
        b = a;
        while (j < n && t[j] == ' ') j++;
        size_t dash = 0;
        if (j < n && t[j] == '-') dash = 1;
        else if (n - j >= 3 && !memcmp(t + j, "\xE2\x80\x93", 3)) dash = 3;
        if (dash) {
            j += dash;
            while (j < n && t[j] == ' ') j++;
            d = read_uint(t, j, n, &b);
            if (!d) return 0;
            j += d;
            while (j < n && t[j] == ' ') j++;
        }
        if (np < 16) {
            parts[np].lo = a < b ? a : b;
            parts[np].hi = a < b ? b : a;
            np++;
        }
        size_t c = close_at(t, j, n);
        if (c) {
            j += c;
            break;
        }
        if (j < n && (t[j] == ',' || t[j] == ';')) j++;
        else if (n - j >= 3 && (!memcmp(t + j, "，", 3) || !memcmp(t + j, "、", 3))) j += 3;
        else return 0;
    }
    if (!dry)
        for (size_t p = 0; p < np; p++) fn(ctx, parts[p].lo, parts[p].hi, i, j);
    return j - i;
}

/* ---- the summary side ----------------------------------------------------------------- */

typedef struct {
    size_t s, e;    /* the number phrase in the line */
    double v;       /* magnitude, base units (bps as points) */
    double sv;      /* signed, as written */
    double tol;     /* the summary's rounding: half a unit of its last digit */
    unsigned qflags;
    int uc;
    char cur[4];
    int zh, scaled, dir, ptok;
    int done;       /* 1 stated, 2 derived, 3 finding */
} snum_t;

typedef struct {
    uint32_t m[MSET_CAP];
    int n, total;
    int examined; /* entries looked at, against NUMBER_BUDGET */
} mset_t;

typedef struct {
    src_t *x;
    ea_verify_result *r;
    const char *t; /* the summary copy */
    size_t ls, le; /* the line (after a BOM) */
    size_t line0;  /* where the line starts, for columns (the BOM counts) */
    size_t lineno;
    uint32_t cites[LINE_CITES];
    int ncites;
    size_t cite_s, cite_e; /* the first marker */
    uint32_t anchors[ANCHORS];
    int nanchors;
    ptok_t per[LINE_PERIODS];
    size_t nper;
    size_t list_end; /* a list marker ("1. ", "(2)") ends here */
    ea_vec nums;     /* snum_t */
    size_t prev_end, prev_vend;
    int prev_dir, prev_uc;
    int nomem;
    const ea_entities *ents;  /* the names to look for in the line */
    const ea_mentions *men;   /* where the call names them; NULL: no check */
} line_t;

/* Significant digits and decimals of x as a summary writes it (from the
 * value the scanner read, so any number form works; "1.50" counts as
 * "1.5"). */
static void digits_of(double x, int *sig, int *dec) {
    char b[64];
    x = fabs(x);
    int n = snprintf(b, sizeof b, "%.12g", x);
    *sig = 0;
    *dec = 0;
    if (n <= 0 || (size_t)n >= sizeof b || strchr(b, 'e')) {
        *sig = 3;
        return;
    }
    int after = 0, lead = 1;
    for (int i = 0; i < n; i++) {
        if (b[i] == '.') {
            after = 1;
            continue;
        }
        if (after) (*dec)++;
        if (b[i] != '0') lead = 0;
        if (!lead) (*sig)++;
    }
}

/* The tolerance for a summary number v written as `stated` (v = stated *
 * factor): half a unit of its last digit, so that the call's figure
 * rounds to it; one-digit amounts ("$2 billion") within 10%. */
static double tolerance(double v, double stated, int uc, double scale) {
    int sig, dec;
    digits_of(stated, &sig, &dec);
    double factor = stated != 0 ? fabs(v / stated) : scale;
    if (!isfinite(factor) || factor <= 0) factor = 1;
    double ulp = pow(10, -dec) * factor;
    double tol = ulp / 2 * (1 + 1e-9) + fabs(v) * 1e-12;
    if (sig <= 1 && (uc == UC_CUR || uc == UC_NONE) && fabs(v) * 0.1 < tol) tol = fabs(v) * 0.1 + fabs(v) * 1e-12;
    return tol;
}

static int within(const snum_t *sn, double f, double x) {
    double t = sn->v * f, tol = sn->tol * f;
    /* "more than $1.5 billion": up to a unit of the last digit above */
    if (sn->qflags & EA_Q_MORE) return x >= t - tol && x <= t + 2 * tol;
    if (sn->qflags & EA_Q_LESS) return x <= t + tol && x >= t - 2 * tol;
    return fabs(x - t) <= tol;
}

static int unit_compat(const snum_t *sn, const entry_t *en) {
    switch (sn->uc) {
    case UC_NONE: return en->uc == UC_NONE || en->uc == UC_CUR || en->uc == UC_TIMES;
    case UC_CUR: return en->uc == UC_NONE || (en->uc == UC_CUR && cur_compat(sn->cur, en->cur));
    /* 0.09% of loans is nine basis points: percent and points are one
       class here (a change in points written as percent is not caught) */
    case UC_PCT:
    case UC_PP: return en->uc == UC_PCT || en->uc == UC_PP;
    case UC_TIMES: return en->uc == UC_TIMES || en->uc == UC_NONE;
    default: return 0;
    }
}

enum { M_COMPAT, M_OTHER, M_SCALE };

/* M_OTHER: a unit on both sides, and they differ (a bare number claims no
 * unit). M_SCALE: a scale on both sides ("million", 万, or digits past
 * 10,000: "$3.40" a share is no "$3.4 billion"), and scale steps other
 * than thousands only for Chinese. */
static int mode_ok(const snum_t *sn, const entry_t *en, int mode, int not_thousands) {
    if (mode == M_OTHER) return sn->uc != UC_NONE && en->uc != UC_NONE && !unit_compat(sn, en);
    if (!unit_compat(sn, en)) return 0;
    if (mode == M_SCALE) {
        if ((!sn->scaled && sn->v < 1e4) || (!en->scaled && en->key < 1e4)) return 0;
        if (not_thousands && !sn->zh && !en->zh) return 0;
    }
    return 1;
}

static void mset_add(mset_t *ms, uint32_t i) {
    if (ms->n < MSET_CAP) ms->m[ms->n++] = i;
    ms->total++;
}

/* Another unit is a finding only for the same number exactly: small
 * numbers in different units ("down 1%", "$1.18 a share") meet by chance
 * within a rounding. */
static int hit(const snum_t *sn, double f, double key, int mode) {
    return mode == M_OTHER ? near_eq(key, sn->v * f) : within(sn, f, key);
}

/* Source entries equal to the summary number times f (its rounding
 * scaled alike), in paragraph `para` or everywhere (UINT32_MAX). */
static void find(const src_t *x, const snum_t *sn, double f, uint32_t para, int mode, int not_thousands,
                 mset_t *ms) {
    double t = sn->v * f, tol = sn->tol * f;
    double lo = t - 3 * tol, hi = t + 3 * tol;
    if (para == UINT32_MAX) {
        size_t i = lower_key(x, lo);
        for (int g = 0; i < x->n && g < WINDOW_CAP && ms->examined < NUMBER_BUDGET && ms->n < MSET_CAP;
             i++, g++, ms->examined++) {
            const entry_t *en = ENT(x, x->by_key[i]);
            if (en->key > hi) break;
            if (hit(sn, f, en->key, mode) && mode_ok(sn, en, mode, not_thousands)) mset_add(ms, x->by_key[i]);
        }
    } else {
        size_t i = lower_para(x, para, lo);
        for (int g = 0; i < x->n && g < WINDOW_CAP && ms->examined < NUMBER_BUDGET && ms->n < MSET_CAP;
             i++, g++, ms->examined++) {
            const entry_t *en = ENT(x, x->by_para[i]);
            if (en->para != para || en->key > hi) break;
            if (hit(sn, f, en->key, mode) && mode_ok(sn, en, mode, not_thousands)) mset_add(ms, x->by_para[i]);
        }
    }
}

static void find_cited(const line_t *L, const snum_t *sn, double f, int mode, int nt, mset_t *ms) {
    for (int c = 0; c < L->ncites && ms->n < MSET_CAP && ms->examined < NUMBER_BUDGET; c++)
        find(L->x, sn, f, L->cites[c], mode, nt, ms);
}

static const ea_fact *fact_of(const src_t *x, const entry_t *en) {
    return en->fact >= 0 && x->facts ? ea_facts_get(x->facts, (size_t)en->fact) : NULL;
}

/* ---- findings -------------------------------------------------------------------------- */

static const char *const kind_ids[] = {"unstated",     "wrong_scale",          "wrong_sign",
                                       "wrong_unit",   "wrong_period",         "citation_unsupported",
                                       "citation_out_of_range", "company_unsupported"};
static const char *const kind_labels[] = {"unstated number",           "wrong scale",
                                          "wrong sign",                "wrong unit",
                                          "wrong period",              "citation does not support",
                                          "citation out of range",     "company not in the source"};

const char *ea_verify_kind_name(ea_verify_kind k) {
    return (unsigned)k < EA_VERIFY_KIND_COUNT_ ? kind_ids[k] : NULL;
}
const char *ea_verify_kind_label(ea_verify_kind k) {
    return (unsigned)k < EA_VERIFY_KIND_COUNT_ ? kind_labels[k] : "?";
}

static void add_finding(line_t *L, ea_verify_kind kind, size_t s, size_t e, const snum_t *sn, int32_t src,
                        const char *why) {
    ea_verify_finding *f = ea_vec_push(&L->r->findings, sizeof *f, (size_t)-1 / 2 / sizeof *f);
    if (!f) {
        L->nomem = 1;
        return;
    }
    f->kind = kind;
    f->line = L->lineno;
    f->column = s - L->line0 + 1;
    f->span.start = s;
    f->span.end = e;
    f->text = ea_str_make(L->t + s, e - s);
    f->line_text = ea_str_make(L->t + L->ls, L->le - L->ls);
    f->is_number = sn != NULL;
    f->value = sn ? sn->sv : 0;
    f->unit = sn ? unit_name(sn->uc, sn->cur) : "";
    f->why = why;
    if (src >= 0) {
        const src_t *x = L->x;
        const entry_t *en = ENT(x, (size_t)src);
        f->has_source = 1;
        f->source_para = en->para;
        f->source_in_translation = en->in_tr;
        f->source_span.start = en->s;
        f->source_span.end = en->e <= x->tlen ? en->e : x->tlen;
        if (f->source_span.start > f->source_span.end) f->source_span.start = f->source_span.end;
        f->source_text = ea_str_make(x->text + f->source_span.start, f->source_span.end - f->source_span.start);
        f->source_value = en->value;
        const ea_fact *fa = fact_of(x, en);
        if (fa && fa->period.len && fa->period.len < sizeof f->source_period) {
            memcpy(f->source_period, fa->period.ptr, fa->period.len);
            f->source_period[fa->period.len] = 0;
        }
    }
    L->r->stats.findings++;
    L->r->stats.by_kind[kind]++;
}

/* The entry of a match set to show: one from a fact with a period, else
 * the first. */
static int32_t pick(const src_t *x, const mset_t *ms) {
    for (int i = 0; i < ms->n; i++) {
        const ea_fact *f = fact_of(x, ENT(x, ms->m[i]));
        if (f && f->period.len) return (int32_t)ms->m[i];
    }
    return ms->n ? (int32_t)ms->m[0] : -1;
}

static void add_anchor(line_t *L, uint32_t para) {
    for (int i = 0; i < L->nanchors; i++)
        if (L->anchors[i] == para) return;
    if (L->nanchors < ANCHORS) L->anchors[L->nanchors++] = para;
}

/* Is the period the extractor gave a fact one its own sentence names? The
 * extractor resolves "the quarter" against the call's period, which is a
 * guess for calls without a header, and reads fiscal-year names loosely;
 * a period is trusted here only when the words near the number name
 * periods and all of them agree with it. The window is bounded, so each
 * check costs a constant. */
static int fact_period_trusted(const src_t *x, const ea_fact *f) {
    ptok_t fk;
    memset(&fk, 0, sizeof fk);
    const char *p = f->period.ptr;
    if (f->period.len == 6 && (p[4] == 'Q' || p[4] == 'H')) {
        fk.kind = p[4];
        fk.n = p[5] - '0';
    } else if (f->period.len == 6 && p[0] == 'F') {
        fk.kind = 'Y';
    } else {
        return 0;
    }
    size_t a = f->sentence.start, b = f->sentence.end;
    if (b > x->tlen || a >= b) return 0;
    if (f->span.start > a + 300) a = f->span.start - 300;
    if (f->span.end + 300 < b) b = f->span.end + 300;
    ptok_t tk[16];
    size_t n = line_periods(x->text + a, b - a, tk, 16);
    int named = 0;
    for (size_t i = 0; i < n; i++) {
        if (tk[i].kind == 'R') continue;
        named = 1;
        if (tk[i].kind != fk.kind || (fk.kind != 'Y' && tk[i].n && tk[i].n != fk.n)) return 0;
    }
    return named;
}

/* A stated number: is its sign and period the call's? */
static void judge(line_t *L, snum_t *sn, const mset_t *ms) {
    const src_t *x = L->x;
    if (sn->dir) {
        int agree = 0;
        int32_t dis = -1;
        for (int i = 0; i < ms->n; i++) {
            const entry_t *en = ENT(x, ms->m[i]);
            if (en->dir == sn->dir) agree = 1;
            else if (en->dir == -sn->dir && dis < 0) dis = (int32_t)ms->m[i];
        }
        if (!agree && dis >= 0) {
            add_finding(L, EA_VERIFY_WRONG_SIGN, sn->s, sn->e, sn, dis,
                        sn->uc == UC_CUR || sn->uc == UC_NONE
                            ? "the call states this amount with the other sign (a loss for earnings or the reverse)"
                            : "the call states this change in the other direction");
            sn->done = 3;
            return;
        }
    }
    if (sn->ptok >= 0 && L->per[sn->ptok].kind != 'R') {
        /* only when every match is a fact for a period the call names, and
           none is the line's: a number stated without a period may be the
           one the line means */
        int fits = 0, unknown = 0;
        int32_t bad = -1;
        for (int i = 0; i < ms->n; i++) {
            const ea_fact *f = fact_of(x, ENT(x, ms->m[i]));
            /* guidance periods are the extractor's weakest reading */
            if (!f || !f->period.len || f->period_implied || f->kind != EA_FACT_ACTUAL || !fact_period_trusted(x, f))
                unknown = 1;
            else if (period_fits(&L->per[sn->ptok], f->period)) fits = 1;
            else if (bad < 0) bad = (int32_t)ms->m[i];
        }
        if (!fits && !unknown && bad >= 0) {
            add_finding(L, EA_VERIFY_WRONG_PERIOD, sn->s, sn->e, sn, bad,
                        "the call states this number for another period than the line names");
            sn->done = 3;
            return;
        }
    }
    for (int i = 0; i < ms->n && i < 4; i++) add_anchor(L, ENT(x, ms->m[i])->para);
    sn->done = 1;
}

static void check_stated(line_t *L, snum_t *sn) {
    mset_t ms = {{0}, 0, 0, 0};
    if (L->ncites) {
        find_cited(L, sn, 1, M_COMPAT, 0, &ms);
        if (ms.total) {
            judge(L, sn, &ms);
            return;
        }
        find(L->x, sn, 1, UINT32_MAX, M_COMPAT, 0, &ms);
        if (ms.total) {
            add_finding(L, EA_VERIFY_CITE_UNSUPPORTED, sn->s, sn->e, sn, pick(L->x, &ms),
                        "no cited paragraph states this number; another paragraph does");
            sn->done = 3;
        }
        return;
    }
    find(L->x, sn, 1, UINT32_MAX, M_COMPAT, 0, &ms);
    if (ms.total) judge(L, sn, &ms);
}

/* A difference or percent change of two numbers stated in the paragraphs
 * the line draws on (its citations, and where its other numbers are). */
static int derived(line_t *L, const snum_t *sn) {
    const src_t *x = L->x;
    uint32_t cand[DERIV_ENTRIES];
    int nc = 0;
    uint32_t paras[LINE_CITES + ANCHORS];
    int np = 0;
    for (int i = 0; i < L->ncites; i++) paras[np++] = L->cites[i];
    for (int i = 0; i < L->nanchors; i++) paras[np++] = L->anchors[i];
    for (int p = 0; p < np && nc < DERIV_ENTRIES; p++) {
        int dup = 0;
        for (int q = 0; q < p; q++) dup |= paras[q] == paras[p];
        if (dup) continue;
        for (size_t i = lower_para(x, paras[p], 0); i < x->n && nc < DERIV_ENTRIES; i++) {
            const entry_t *en = ENT(x, x->by_para[i]);
            if (en->para != paras[p]) break;
            cand[nc++] = x->by_para[i];
        }
    }
    for (int i = 0; i < nc; i++) {
        const entry_t *a = ENT(x, cand[i]);
        for (int j = i + 1; j < nc; j++) {
            const entry_t *b = ENT(x, cand[j]);
            int amounts = (a->uc == UC_CUR || a->uc == UC_NONE) && (b->uc == UC_CUR || b->uc == UC_NONE) &&
                          cur_compat(a->cur, b->cur);
            double d = fabs(a->key - b->key);
            if (amounts) {
                if ((sn->uc == UC_CUR || sn->uc == UC_NONE) && d > 0 && within(sn, 1, d)) return 1;
                if (sn->uc == UC_PCT && d > 0 &&
                    ((a->key > 0 && within(sn, 1, d / a->key * 100)) || (b->key > 0 && within(sn, 1, d / b->key * 100))))
                    return 1;
                /* a range's midpoint */
                if (a->s == b->s && a->e == b->e && (sn->uc == UC_CUR || sn->uc == UC_NONE) &&
                    within(sn, 1, (a->key + b->key) / 2))
                    return 1;
            }
            if (a->uc == UC_PCT && b->uc == UC_PCT && d > 0 && sn->uc == UC_PP && within(sn, 1, d)) return 1;
            if (a->uc == b->uc && a->uc == UC_PCT && a->s == b->s && sn->uc == UC_PCT && within(sn, 1, (a->key + b->key) / 2))
                return 1;
        }
    }
    return 0;
}

/* The source number closest to v (by ratio) with a unit that fits: in the
 * cited paragraphs when the line cites, else anywhere. */
static int32_t nearest(const line_t *L, const snum_t *sn) {
    const src_t *x = L->x;
    int32_t best = -1;
    double bd = INFINITY;
    for (int pass = 0; pass < 2 && best < 0; pass++) {
        int scopes = pass == 0 ? (L->ncites < 8 ? L->ncites : 8) : 1;
        if (pass == 0 && !L->ncites) continue;
        for (int c = 0; c < scopes; c++) {
            uint32_t para = pass == 0 ? L->cites[c] : UINT32_MAX;
            size_t at = para == UINT32_MAX ? lower_key(x, sn->v) : lower_para(x, para, sn->v);
            size_t from = at > 12 ? at - 12 : 0;
            for (size_t i = from; i < x->n && i < at + 12; i++) {
                uint32_t id = para == UINT32_MAX ? x->by_key[i] : x->by_para[i];
                const entry_t *en = ENT(x, id);
                if (para != UINT32_MAX && en->para != para) continue;
                if (!unit_compat(sn, en)) continue;
                double d = en->key > 0 && sn->v > 0 ? fabs(log(en->key / sn->v)) : fabs(en->key - sn->v) + 100;
                if (en->uc != sn->uc) d += 2; /* same unit first */
                if (d < bd) {
                    bd = d;
                    best = (int32_t)id;
                }
            }
        }
    }
    return best;
}

static void check_unresolved(line_t *L, snum_t *sn, int try_derive) {
    const src_t *x = L->x;
    if (try_derive && derived(L, sn)) {
        sn->done = 2;
        return;
    }
    /* another unit or scale: anywhere (one look-up each, however many
       paragraphs the line cites) */
    mset_t ms = {{0}, 0, 0, 0};
    find(x, sn, 1, UINT32_MAX, M_OTHER, 0, &ms);
    if (ms.total) {
        add_finding(L, EA_VERIFY_WRONG_UNIT, sn->s, sn->e, sn, pick(x, &ms),
                    "the call states this number in another unit");
        sn->done = 3;
        return;
    }
    if (sn->uc == UC_CUR || sn->uc == UC_NONE) {
        /* thousands first (million for billion), then the Chinese steps */
        static const int exps[] = {3, 6, 9, 12, 1, 2, 4, 5, 7, 8};
        for (size_t k = 0; k < sizeof exps / sizeof exps[0]; k++) {
            for (int dirn = 0; dirn < 2; dirn++) {
                double f = pow(10, dirn ? -exps[k] : exps[k]);
                int nt = exps[k] % 3 != 0;
                find(x, sn, f, UINT32_MAX, M_SCALE, nt, &ms);
                if (ms.total) {
                    add_finding(L, EA_VERIFY_WRONG_SCALE, sn->s, sn->e, sn, pick(x, &ms),
                                "the call states these digits at another scale");
                    sn->done = 3;
                    return;
                }
            }
        }
    }
    add_finding(L, EA_VERIFY_UNSTATED, sn->s, sn->e, sn, nearest(L, sn),
                L->ncites ? "neither the cited paragraphs nor any other state this number"
                          : "the call states no such number");
    sn->done = 3;
}

/* ---- reading one line ---------------------------------------------------------------- */

static void on_cite(void *ctx, uint64_t lo, uint64_t hi, size_t s, size_t e) {
    line_t *L = ctx;
    size_t np = L->x->npara;
    if (!L->cite_e) {
        L->cite_s = s;
        L->cite_e = e;
    }
    L->r->stats.citations++;
    if (lo == 0 || hi > np) {
        add_finding(L, EA_VERIFY_CITE_RANGE, s, e, NULL, -1,
                    lo == 0 ? "paragraphs are numbered from 1" : "the call has no paragraph with this number");
        if (lo == 0) lo = 1;
        if (hi > np) hi = np;
    }
    uint32_t stamp = (uint32_t)L->lineno; /* never 0 */
    for (uint64_t p = lo; p <= hi && p >= 1 && L->ncites < LINE_CITES; p++) {
        uint32_t idx = (uint32_t)(p - 1);
        if (L->x->cite_seen[idx] == stamp) continue;
        L->x->cite_seen[idx] = stamp;
        L->cites[L->ncites++] = idx;
    }
}

/* Is [s, e) inside a citation marker of the line? Markers are few; they
 * are found again here rather than stored. */
static int in_cite(const line_t *L, size_t s) {
    const char *t = L->t;
    /* a marker holds only digits, spaces, separators and its brackets: look
       back from s over those to an opening bracket */
    size_t i = s;
    int steps = 0;
    while (i > L->ls && steps < 64) {
        unsigned char c = (unsigned char)t[i - 1];
        if (ea_is_digit(c) || c == ' ' || c == ',' || c == ';' || c == '-') {
            i--;
            steps++;
            continue;
        }
        if (c == '[') return cite_at(t, i - 1, L->le, NULL, NULL, 1) != 0;
        if (i - L->ls >= 3 && (!memcmp(t + i - 3, "【", 3) || !memcmp(t + i - 3, "［", 3)))
            return cite_at(t, i - 3, L->le, NULL, NULL, 1) != 0;
        if (i - L->ls >= 3 && (!memcmp(t + i - 3, "，", 3) || !memcmp(t + i - 3, "、", 3) ||
                               !memcmp(t + i - 3, "\xE2\x80\x93", 3))) {
            i -= 3;
            steps++;
            continue;
        }
        return 0;
    }
    return 0;
}

/* "1. ", "2) ", "(3) ", "- ", "* ", "• ", "1、" at the start of a line:
 * where the list marker ends (the line start when there is none). */
static size_t list_marker_end(const char *t, size_t ls, size_t le) {
    size_t i = ls;
    while (i < le && (t[i] == ' ' || t[i] == '\t')) i++;
    if (i < le && (t[i] == '-' || t[i] == '*' || t[i] == '#' || t[i] == '>')) {
        while (i < le && (t[i] == '-' || t[i] == '*' || t[i] == '#' || t[i] == '>' || t[i] == ' ')) i++;
    } else if (le - i >= 3 && !memcmp(t + i, "\xE2\x80\xA2", 3)) {
        i += 3;
        while (i < le && t[i] == ' ') i++;
    }
    size_t j = i;
    int paren = j < le && t[j] == '(';
    if (paren) j++;
    size_t d = j;
    while (j < le && j - d < 4 && ea_is_digit((unsigned char)t[j])) j++;
    if (j == d) return i;
    if (paren ? (j < le && t[j] == ')') : (j < le && (t[j] == '.' || t[j] == ')'))) {
        if (j + 1 == le || t[j + 1] == ' ' || t[j + 1] == '\t') return j + 1;
    }
    if (!paren && le - j >= 3 && (!memcmp(t + j, "、", 3) || !memcmp(t + j, "．", 3))) return j + 3;
    return i;
}

/* Only "in", "for", "the", "during", "of" and spaces in [a, b). */
static int only_filler(const char *t, size_t a, size_t b) {
    size_t i = a;
    while (i < b) {
        if (t[i] == ' ') {
            i++;
            continue;
        }
        int k;
        if ((k = ilit(t, i, b, "in")) || (k = ilit(t, i, b, "for")) || (k = ilit(t, i, b, "the")) ||
            (k = ilit(t, i, b, "during")) || (k = ilit(t, i, b, "of")))
            i += (size_t)k;
        else
            return 0;
    }
    return 1;
}

static int text_tally(const char *t, size_t e, size_t n) {
    static const char *const words[] = {"sentences", "sentence", "forward-looking", "hedging", "confident",
                                        "questions", "exchanges", "paragraphs", "words", "句", "個問題", "个问题"};
    size_t i = e;
    while (i < n && t[i] == ' ') i++;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t wl = strlen(words[k]);
        if (n - i >= wl && !memcmp(t + i, words[k], wl) &&
            (n - i == wl || (unsigned char)t[i + wl] >= 0x80 || !ea_is_alnum((unsigned char)t[i + wl])))
            return 1;
    }
    return 0;
}

/* the same tally in Chinese, labelled before its count: "信心用语 2" */
static int text_tally_zh(const char *t, size_t s) {
    static const char *const labels[] = {"信心用语", "信心用語", "保留用语", "保留用語",
                                         "前瞻性表述", "前瞻性陈述", "前瞻性陳述"};
    size_t i = s;
    while (i > 0 && t[i - 1] == ' ') i--;
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        size_t wl = strlen(labels[k]);
        if (i >= wl && !memcmp(t + i - wl, labels[k], wl)) return 1;
    }
    return 0;
}

static int on_summary_qty(void *ctx, const ea_qty *q) {
    line_t *L = ctx;
    const char *lt = L->t + L->ls;
    size_t n = L->le - L->ls;
    size_t ws = L->prev_end;
    L->prev_end = q->end;
    if (q->flags & EA_Q_NOTVALUE) return 0;
    size_t s = L->ls + q->start, e = L->ls + q->end, ns = L->ls + q->num_start;
    if (ns < L->list_end) return 0;
    if (in_cite(L, ns)) return 0;
    /* footnote marks: "(1)" with nothing else */
    if (q->unit == EA_U_NONE && !(q->flags & (EA_Q_SCALED | EA_Q_RANGE)) && q->num_start > 0 &&
        lt[q->num_start - 1] == '(' && q->end < n && lt[q->end] == ')' && q->value < 100)
        return 0;
    /* a tally of the transcript itself ("63 sentences, 14 forward-looking"
       in a digest's tone lines): counted, never stated, nothing to check */
    if (q->unit == EA_U_NONE && !(q->flags & (EA_Q_SCALED | EA_Q_RANGE)) &&
        (text_tally(lt, q->end, n) || text_tally_zh(lt, q->num_start)))
        return 0;
    int uc = uclass(q);
    double f = q->unit == EA_U_BPS ? 0.01 : 1;
    char cur[4];
    memcpy(cur, q->cur, 4);
    cur[3] = 0;
    /* "31 cents" is $0.31 */
    if (uc == UC_NONE && !(q->flags & (EA_Q_SCALED | EA_Q_RANGE)) && cents_after(lt, q->end, n)) {
        uc = UC_CUR;
        f = 0.01;
        memcpy(cur, "USD", 4);
    }
    int level;
    int dir = direction(lt, ws, q->start, q->end, n, uc, q->flags, &level);
    if (!dir && !level && L->prev_dir && L->prev_uc == uc && coordinated(lt, L->prev_vend, q->start))
        dir = L->prev_dir;
    L->prev_dir = dir;
    L->prev_uc = uc;
    L->prev_vend = q->end;
    /* the period this number is for: the nearest named before it, else the
       first after it */
    int pt = -1;
    for (size_t i = 0; i < L->nper; i++)
        if (L->per[i].e <= s) pt = (int)i;
    /* not across a semicolon: "$40.7M in 2023; RMB 160M in Q1 2024" */
    if (pt >= 0) {
        ea_str gap = ea_str_make(L->t + L->per[pt].e, s - L->per[pt].e);
        if (memchr(gap.ptr, ';', gap.len) || ea_find(gap, "；")) pt = -1;
    }
    /* "$3.4 billion in q4", not "$971 million, up from $947 million in q3" */
    if (pt < 0)
        for (size_t i = 0; i < L->nper && pt < 0; i++)
            if (L->per[i].s >= e && only_filler(L->t, e, L->per[i].s)) pt = (int)i;
    int nv = (q->flags & EA_Q_RANGE) ? 2 : 1;
    for (int k = 0; k < nv; k++) {
        double v = nv == 2 ? (k ? q->high : q->low) : q->value;
        double stated = nv == 2 ? (k ? q->stated_high : q->stated) : q->stated;
        v *= f;
        /* 0 is "flat", a range's open end ("0% to 6%"): no figure to find */
        if (!isfinite(v) || !isfinite(stated) || v == 0) continue;
        snum_t *sn = ea_vec_push(&L->nums, sizeof *sn, (size_t)-1 / 2 / sizeof *sn);
        if (!sn) {
            L->nomem = 1;
            return 1;
        }
        sn->s = s;
        sn->e = e;
        sn->v = fabs(v);
        sn->sv = v;
        sn->tol = tolerance(sn->v, stated, uc, q->scale * f);
        sn->qflags = q->flags;
        sn->uc = uc;
        memcpy(sn->cur, cur, 4);
        sn->zh = (q->flags & EA_Q_ZH) != 0;
        sn->scaled = (q->flags & EA_Q_SCALED) != 0;
        sn->dir = nv == 2 ? (v < 0 ? -1 : 0) : dir;
        sn->ptok = pt;
    }
    return 0;
}

#define LINE_WORDS 64
typedef struct {
    uint64_t h[LINE_WORDS];
    uint8_t cjk[LINE_WORDS];
    int n;
} lwords_t;

static void word_collect(void *ctx, uint64_t h, int cjk) {
    lwords_t *w = ctx;
    for (int i = 0; i < w->n; i++)
        if (w->h[i] == h) return;
    if (w->n < LINE_WORDS) {
        w->h[w->n] = h;
        w->cjk[w->n++] = (uint8_t)cjk;
    }
}

/* A cited line without numbers: at least a quarter of its content words
 * must be in the cited paragraphs. Lines of fewer than three content words
 * in the cited paragraphs' script are not judged. */
static void check_words(line_t *L) {
    src_t *x = L->x;
    if (build_words(x) != 0) {
        L->nomem = 1;
        return;
    }
    lwords_t w;
    w.n = 0;
    each_word(L->t + L->ls, L->le - L->ls, word_collect, &w);
    unsigned scripts = 0;
    for (int c = 0; c < L->ncites; c++) scripts |= x->scripts[L->cites[c]];
    int total = 0, hits = 0;
    for (int i = 0; i < w.n; i++) {
        if (!(scripts & (w.cjk[i] ? 2u : 1u))) continue;
        total++;
        for (int c = 0; c < L->ncites; c++)
            if (words_has(x, word_key(w.h[i], L->cites[c]))) {
                hits++;
                break;
            }
    }
    if (total < 3 || hits * 4 >= total) return;
    add_finding(L, EA_VERIFY_CITE_UNSUPPORTED, L->cite_s, L->cite_e, NULL, -1,
                hits ? "the cited paragraphs share few words with this line"
                     : "the cited paragraphs share no words with this line");
}

static void check_companies(line_t *L);

static void check_line(line_t *L) {
    const char *t = L->t;
    size_t ls = L->ls, le = L->le;
    L->ncites = 0;
    L->nanchors = 0;
    L->cite_s = L->cite_e = 0;
    L->nums.n = 0;
    L->prev_end = L->prev_vend = 0;
    L->prev_dir = L->prev_uc = 0;
    /* citations */
    for (size_t i = ls; i < le; i++) {
        if (t[i] != '[' && (unsigned char)t[i] != 0xE3 && (unsigned char)t[i] != 0xEF) continue;
        size_t k = cite_at(t, i, le, on_cite, L, 0);
        if (k) i += k - 1;
        if (L->nomem) return;
    }
    L->nper = line_periods(t + ls, le - ls, L->per, LINE_PERIODS);
    for (size_t i = 0; i < L->nper; i++) {
        L->per[i].s += ls;
        L->per[i].e += ls;
    }
    L->list_end = list_marker_end(t, ls, le);
    ea_qty_scan(t + ls, le - ls, on_summary_qty, L);
    if (L->nomem) return;
    size_t nn = L->nums.n;
    L->r->stats.numbers += nn;
    if (nn == 0 && L->ncites > 0) check_words(L);
    for (size_t i = 0; i < nn && !L->nomem; i++) check_stated(L, &EA_VEC_AT(L->nums, snum_t, i));
    int tries = 0;
    for (size_t i = 0; i < nn && !L->nomem; i++) {
        snum_t *sn = &EA_VEC_AT(L->nums, snum_t, i);
        if (sn->done) continue;
        int try_derive = (L->ncites || L->nanchors) && tries < DERIV_NUMBERS;
        if (try_derive) tries++;
        check_unresolved(L, sn, try_derive);
    }
    for (size_t i = 0; i < nn; i++) {
        int d = EA_VEC_AT(L->nums, snum_t, i).done;
        if (d == 1) L->r->stats.stated++;
        else if (d == 2) L->r->stats.derived++;
    }
    check_companies(L);
}

/* ---- companies ------------------------------------------------------------------------ */

/* Does paragraph `para` of the call name entity e (original or
 * translation)? */
static int para_names(const ea_mentions *men, uint32_t para, const ea_entity *e) {
    size_t first, n = ea_mentions_in_paragraph(men, para, &first);
    for (size_t i = 0; i < n; i++)
        if (ea_mentions_get(men, first + i)->entity == e) return 1;
    return 0;
}

static int on_line_company(void *ctx, const ea_mention *m) {
    line_t *L = ctx;
    const ea_entity *e = m->entity;
    if (e->kind != EA_ENTITY_COMPANY) return 0;
    size_t s = L->ls + m->span.start, en = L->ls + m->span.end;
    if (in_cite(L, s)) return 0;
    int ok = 0;
    if (L->ncites) {
        for (int i = 0; i < L->ncites && !ok; i++) ok = para_names(L->men, L->cites[i], e);
    } else {
        size_t n = ea_mentions_count(L->men);
        for (size_t i = 0; i < n && !ok; i++) ok = ea_mentions_get(L->men, i)->entity == e;
    }
    if (!ok)
        add_finding(L, EA_VERIFY_COMPANY, s, en, NULL, -1,
                    L->ncites ? "no cited paragraph names this company" : "the call never names this company");
    return L->nomem;
}

/* Every company the line names must be named where the line says it comes
 * from: a cited paragraph, or, with no citation, anywhere in the call. */
static void check_companies(line_t *L) {
    if (!L->men || !L->ents) return;
    ea_entities_find(L->ents, L->t + L->ls, L->le - L->ls, on_line_company, L);
}

/* ---- the entry points ----------------------------------------------------------------- */

static int cmp_finding(const void *a, const void *b) {
    const ea_verify_finding *x = a, *y = b;
    if (x->span.start != y->span.start) return x->span.start < y->span.start ? -1 : 1;
    if (x->span.end != y->span.end) return x->span.end < y->span.end ? -1 : 1;
    if (x->kind != y->kind) return x->kind < y->kind ? -1 : 1;
    if (x->value != y->value) return x->value < y->value ? -1 : 1;
    return 0;
}

static ea_status fail(ea_error *err, ea_status code, const char *msg, size_t off, const char *data, size_t len) {
    if (err) {
        err->code = code;
        err->message = msg;
        err->offset = off;
        err->line = err->column = 0;
        if (off != SIZE_MAX && off <= len && data) {
            size_t line = 1, col0 = 0;
            for (size_t i = 0; i < off; i++)
                if (data[i] == '\n') {
                    line++;
                    col0 = i + 1;
                }
            err->line = line;
            err->column = off - col0 + 1;
        }
    }
    return code;
}

void ea_verify_options_init(ea_verify_options *opt) {
    if (opt) memset(opt, 0, sizeof *opt);
}

ea_status ea_verify_summary(const ea_call *call, const ea_facts *facts, const char *summary, size_t len,
                            ea_verify_result **out, ea_error *err) {
    return ea_verify_summary_opts(call, facts, NULL, summary, len, out, err);
}

ea_status ea_verify_summary_opts(const ea_call *call, const ea_facts *facts, const ea_verify_options *opt,
                                 const char *summary, size_t len, ea_verify_result **out, ea_error *err) {
    if (out) *out = NULL;
    if (!call || !out || (!summary && len)) return fail(err, EA_ERR_USAGE, "NULL argument", SIZE_MAX, NULL, 0);
    if (len > MAX_SUMMARY) return fail(err, EA_ERR_LIMIT, "summary over 256 MiB", SIZE_MAX, NULL, 0);
    size_t start = 0;
    if (len >= 2 && (((unsigned char)summary[0] == 0xFF && (unsigned char)summary[1] == 0xFE) ||
                     ((unsigned char)summary[0] == 0xFE && (unsigned char)summary[1] == 0xFF)))
        return fail(err, EA_ERR_ENCODING, "summary is UTF-16; convert it to UTF-8", 0, summary, len);
    if (len >= 3 && !memcmp(summary, "\xEF\xBB\xBF", 3)) start = 3;
    size_t ok = start + ea_utf8_valid_prefix((const unsigned char *)summary + start, len - start);
    if (ok < len) return fail(err, EA_ERR_ENCODING, "summary is not valid UTF-8", ok, summary, len);
    const char *z = len ? memchr(summary, 0, len) : NULL;
    if (z) return fail(err, EA_ERR_ENCODING, "NUL byte in summary", (size_t)(z - summary), summary, len);

    ea_verify_result *r = calloc(1, sizeof *r);
    if (!r) return fail(err, EA_ERR_NOMEM, "out of memory", SIZE_MAX, NULL, 0);
    r->call = call;
    r->summary = malloc(len + 1);
    if (!r->summary) {
        free(r);
        return fail(err, EA_ERR_NOMEM, "out of memory", SIZE_MAX, NULL, 0);
    }
    if (len) memcpy(r->summary, summary, len);
    r->summary[len] = 0;
    r->summary_len = len;

    /* the packs the user gave (the CLI's --lexicon), else the built-in ones */
    const ea_entities *ents = opt && opt->entities ? opt->entities : ea_entities_default();
    ea_facts *own = NULL;
    if (!facts) {
        ea_facts_options fo;
        ea_facts_options_init(&fo);
        fo.entities = opt ? opt->entities : NULL;
        ea_status st = ea_facts_extract_opts(call, &fo, &own, err);
        if (st != EA_OK) {
            ea_verify_free(r);
            return st;
        }
        facts = own;
    }
    src_t x;
    memset(&x, 0, sizeof x);
    x.call = call;
    x.facts = facts;
    ea_status st = EA_OK;
    if (build_source(&x) != 0) {
        st = EA_ERR_NOMEM;
    } else {
        line_t L;
        memset(&L, 0, sizeof L);
        L.x = &x;
        L.r = r;
        L.t = r->summary;
        /* the companies the call names, for the lines that name one; when
           they cannot be listed (out of memory) names go unchecked */
        ea_mentions *men = NULL;
        L.ents = ents;
        if (L.ents && ea_mentions_find(L.ents, call, &men, NULL) == EA_OK) L.men = men;
        ea_lines it;
        ea_lines_init(&it, r->summary, len);
        size_t ls, le;
        while (ea_lines_next(&it, &ls, &le)) {
            L.line0 = ls;
            if (ls < start) ls = start; /* the BOM */
            if (le < ls) le = ls;
            L.ls = ls;
            L.le = le;
            L.lineno = it.lineno;
            ea_str ln = ea_trim(ea_str_make(r->summary + ls, le - ls));
            if (!ln.len) continue;
            r->stats.lines++;
            check_line(&L);
            if (L.nomem) {
                st = EA_ERR_NOMEM;
                break;
            }
        }
        ea_vec_free(&L.nums);
        ea_mentions_free(men);
        /* a line's citation findings come before its number findings, and
           stated numbers before derived ones: put them in summary order */
        if (st == EA_OK && r->findings.n > 1)
            qsort(r->findings.ptr, r->findings.n, sizeof(ea_verify_finding), cmp_finding);
    }
    free_source(&x);
    ea_facts_free(own);
    if (st != EA_OK) {
        ea_verify_free(r);
        return fail(err, st, "out of memory", SIZE_MAX, NULL, 0);
    }
    *out = r;
    return EA_OK;
}

void ea_verify_free(ea_verify_result *r) {
    if (!r) return;
    free(r->summary);
    ea_vec_free(&r->findings);
    free(r);
}

size_t ea_verify_count(const ea_verify_result *r) { return r ? r->findings.n : 0; }

const ea_verify_finding *ea_verify_get(const ea_verify_result *r, size_t i) {
    return r && i < r->findings.n ? &EA_VEC_AT(r->findings, ea_verify_finding, i) : NULL;
}

const ea_verify_stats *ea_verify_get_stats(const ea_verify_result *r) { return r ? &r->stats : NULL; }
