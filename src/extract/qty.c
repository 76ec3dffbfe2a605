/* Quantities: one pass, a cursor with bounds, small tables. */
#include "qty.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

typedef const unsigned char *cp_t;

/* Inlined so that strlen() of a literal argument folds to a constant. */
#if defined(__GNUC__)
#define EA_INLINE __attribute__((always_inline)) inline
#else
#define EA_INLINE inline
#endif

/* ---- small matchers ---------------------------------------------------- */

/* ASCII case-insensitive literal at p, ending at a word boundary when the
 * literal ends in a letter. Returns its length or 0. */
EA_INLINE static size_t lit_at(cp_t p, cp_t end, const char *lit) {
    if (p >= end || ea_lower(*p) != ea_lower((unsigned char)lit[0])) return 0; /* most calls end here */
    size_t n = strlen(lit);
    if ((size_t)(end - p) < n) return 0;
    for (size_t i = 0; i < n; i++)
        if (ea_lower(p[i]) != ea_lower((unsigned char)lit[i])) return 0;
    if (ea_is_alpha((unsigned char)lit[n - 1]) && p + n < end && ea_is_alpha(p[n])) return 0;
    return n;
}

/* Like lit_at, with '-' and ' ' in the literal matching either. */
EA_INLINE static size_t lit_at_dash(cp_t p, cp_t end, const char *lit) {
    if (p >= end || ea_lower(*p) != (unsigned char)lit[0]) return 0;
    size_t n = strlen(lit);
    if ((size_t)(end - p) < n) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = ea_lower(p[i]), c = (unsigned char)lit[i];
        if (c == '-' || c == ' ') {
            if (a != '-' && a != ' ') return 0;
        } else if (a != c) {
            return 0;
        }
    }
    if (p + n < end && ea_is_alpha(p[n]) && p[n] != 's') return 0;
    return n;
}

/* Exact bytes (for UTF-8 literals). */
EA_INLINE static size_t raw_at(cp_t p, cp_t end, const char *lit) {
    if (p >= end || *p != (unsigned char)lit[0]) return 0;
    size_t n = strlen(lit);
    return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0 ? n : 0;
}

/* A literal with its length, for tables: the scans below try every entry
 * of a table at every number, and strlen() of each would dominate. */
typedef struct {
    const char *s;
    size_t n;
} lit_t;
#define LIT(x) {x, sizeof(x) - 1}

/* The literal lit[0..n) ends right before q (with optional spaces between).
 * Returns the start of the literal or NULL. Word boundary before it for
 * letters. */
EA_INLINE static cp_t lit_before_n(cp_t b, cp_t q, const char *lit, size_t n) {
    while (q > b && q[-1] == ' ') q--;
    if (q == b) return NULL;
    if ((size_t)(q - b) < n) return NULL;
    /* most tries end at the last byte; check it before the rest */
    if (ea_lower(q[-1]) != ea_lower((unsigned char)lit[n - 1])) return NULL;
    cp_t s = q - n;
    for (size_t i = 0; i < n; i++)
        if (ea_lower(s[i]) != ea_lower((unsigned char)lit[i])) return NULL;
    if (ea_is_alpha((unsigned char)lit[0]) && s > b && ea_is_alpha(s[-1])) return NULL;
    return s;
}
/* For a string literal argument (the length folds to a constant). */
EA_INLINE static cp_t lit_before(cp_t b, cp_t q, const char *lit) { return lit_before_n(b, q, lit, strlen(lit)); }

static cp_t skip_sp(cp_t p, cp_t end) {
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    /* U+3000 and no-break space */
    while (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0) p += 2;
    return p;
}

/* ---- tables ------------------------------------------------------------ */

typedef struct {
    const char *lit;
    double scale;
} scale_t;

/* After a number, separated by a space or not. */
static const scale_t scales_word[] = {
    {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
    {"mln", 1e6},      {"mn", 1e6},      {"mm", 1e6},      {"bln", 1e9},
    {"bn", 1e9},       {"tn", 1e12},     {"millions", 1e6}, {"billions", 1e9}};
/* Attached right after the digits ("$40.7M"): only with a currency. */
static const scale_t scales_attached[] = {{"MM", 1e6}, {"M", 1e6}, {"B", 1e9}, {"K", 1e3},
                                          {"m", 1e6},  {"b", 1e9}, {"k", 1e3}, {"T", 1e12}};
static const scale_t scales_zh[] = {{"千万", 1e7}, {"千萬", 1e7}, {"百万", 1e6}, {"百萬", 1e6},
                                    {"万亿", 1e12}, {"萬億", 1e12}, {"亿", 1e8},  {"億", 1e8},
                                    {"万", 1e4},   {"萬", 1e4},   {"千", 1e3}};

typedef struct {
    const char *lit;
    const char *code;
    size_t n; /* strlen(lit) */
} cur_t;
#define CUR(lit, code) {lit, code, sizeof(lit) - 1}

/* Before a number. Longer first. */
static const cur_t cur_before[] = {
    CUR("US$", "USD"), CUR("NT$", "TWD"), CUR("HK$", "HKD"), CUR("C$", "CAD"), CUR("A$", "AUD"),
    CUR("S$", "SGD"), CUR("R$", "BRL"), CUR("$", "USD"), CUR("\xE2\x82\xAC", "EUR"),
    CUR("\xC2\xA3", "GBP"), CUR("\xC2\xA5", "JPY"), CUR("\xEF\xBF\xA5", "CNY"), CUR("RMB", "CNY"),
    CUR("USD", "USD"), CUR("EUR", "EUR"), CUR("GBP", "GBP"), CUR("JPY", "JPY"), CUR("CNY", "CNY"),
    CUR("HKD", "HKD"), CUR("TWD", "TWD"), CUR("CAD", "CAD"), CUR("INR", "INR"), CUR("Rs.", "INR"),
    CUR("Rs", "INR"), CUR("CHF", "CHF"), CUR("SEK", "SEK")};

/* After a number (and its scale). */
static const cur_t cur_after_zh[] = {
    CUR("美元", "USD"), CUR("美金", "USD"), CUR("人民币", "CNY"), CUR("人民幣", "CNY"),
    CUR("元人民币", "CNY"),
    CUR("港元", "HKD"), CUR("港币", "HKD"), CUR("港幣", "HKD"), CUR("新台币", "TWD"), CUR("新台幣", "TWD"),
    CUR("台币", "TWD"), CUR("台幣", "TWD"), CUR("日元", "JPY"), CUR("日圓", "JPY"), CUR("欧元", "EUR"),
    CUR("歐元", "EUR"), CUR("英镑", "GBP"), CUR("英鎊", "GBP"), CUR("元", "CNY")};
static const cur_t cur_after_en[] = {CUR("dollars", "USD"), CUR("euros", "EUR"), CUR("yuan", "CNY"),
                                     CUR("renminbi", "CNY"), CUR("yen", "JPY"), CUR("pounds", "GBP"),
                                     CUR("USD", "USD"), CUR("EUR", "EUR"), CUR("RMB", "CNY")};

/* Words before a number that make it a name, rank or reference, not a
 * value: "DOCSIS 3.1", "Form 10", "slide 7", "top 10 customers". */
static const lit_t not_value_before[] = {
    LIT("docsis"), LIT("form"), LIT("slide"), LIT("slides"), LIT("page"), LIT("pages"), LIT("gen"),
    LIT("generation"), LIT("version"), LIT("tier"), LIT("phase"), LIT("item"), LIT("items"),
    LIT("note"), LIT("rule"), LIT("section"), LIT("chapter"), LIT("top"), LIT("no."), LIT("number"),
    LIT("#"), LIT("wi-fi"), LIT("pcie"), LIT("usb"), LIT("iphone"), LIT("windows"), LIT("series"),
    LIT("model"), LIT("class"), LIT("level"), LIT("stage"), LIT("covid-"), LIT("covid"),
    LIT("exhibit"), LIT("schedule"), LIT("part"), LIT("line"), LIT("step"), LIT("release"),
    LIT("build"), LIT("lte"), LIT("ddr"), LIT("gddr"), LIT("hbm"), LIT("nvlink"), LIT("ethernet"),
    LIT("h"), LIT("rev"), LIT("route"), LIT("highway"), LIT("table"), LIT("figure"),
    LIT("appendix"), LIT("article"), LIT("region"), LIT("zone"), LIT("room"), LIT("suite"),
    LIT("box"), LIT("unit"), LIT("building"), LIT("floor"), LIT("x"), LIT("gpt-"), LIT("llama"),
    LIT("ieee"), LIT("iso"), LIT("tpu"), LIT("tpu v"), LIT("v"), LIT("ai"), LIT("ios"),
    LIT("android"), LIT("type"), LIT("grade"), LIT("cat"), LIT("category")};

/* Words after a number that make it a technical quantity, not money. */
static const char *const tech_after[] = {
    "terabit", "terabits", "gigabit", "gigabits", "megabit", "gigahertz", "megahertz",
    "ghz", "mhz", "khz", "gbps", "tbps", "mbps", "nanometer", "nanometers", "nm",
    "micron", "microns", "kilometer", "kilometers", "km", "meter", "meters", "mile", "miles",
    "watt", "watts", "kilowatt", "megawatt", "megawatts", "gigawatt", "gigawatts", "mw", "gw",
    "kw", "kwh", "mwh", "gwh", "degrees", "inch", "inches", "feet", "foot", "lane", "lanes",
    "channel", "channels", "port", "ports", "layer", "layers", "core", "cores", "bit", "bits",
    "byte", "bytes", "gb", "tb", "mb", "pb", "volt", "volts", "am", "pm", "a.m.", "p.m.",
    "o'clock", "hours", "hour", "minutes", "minute", "seconds", "second", "days", "day",
    "weeks", "week", "months", "month", "years", "year", "year-old", "fold",
    "nodes", "node", "speed", "speeds", "mg", "kg", "grams", "tons", "tonnes", "ms"};

/* The same in Chinese (matched right after the number). */
static const char *const tech_zh[] = {"太比特", "吉比特", "兆比特", "比特", "纳米", "奈米", "公里", "千米", "米",
                                      "瓦", "千瓦", "兆瓦", "毫克", "毫米", "公分", "厘米", "小时", "小時", "分钟",
                                      "分鐘", "天", "周", "週", "个月", "個月", "多年", "多個月", "多个月",
                                      "通道", "层", "層", "代", "nm", "G", "T"};

static const lit_t months[] = {
    LIT("january"), LIT("february"), LIT("march"), LIT("april"), LIT("may"), LIT("june"),
    LIT("july"), LIT("august"), LIT("september"), LIT("october"), LIT("november"), LIT("december"),
    LIT("jan"), LIT("feb"), LIT("mar"), LIT("apr"), LIT("jun"), LIT("jul"), LIT("aug"), LIT("sep"),
    LIT("sept"), LIT("oct"), LIT("nov"), LIT("dec")};

#define AP(w, f) {LIT(w), f}
/* Approximation and bounds words before a number; the first that fits wins
 * ("just over" before "over"). */
static const struct {
    lit_t w;
    unsigned f;
} approx_words[] = {
    AP("approximately", EA_Q_APPROX), AP("approx.", EA_Q_APPROX), AP("about", EA_Q_APPROX),
    AP("around", EA_Q_APPROX), AP("roughly", EA_Q_APPROX), AP("nearly", EA_Q_APPROX),
    AP("almost", EA_Q_APPROX), AP("close to", EA_Q_APPROX), AP("circa", EA_Q_APPROX),
    AP("some", EA_Q_APPROX), AP("~", EA_Q_APPROX), AP("just over", EA_Q_APPROX | EA_Q_MORE),
    AP("just under", EA_Q_APPROX | EA_Q_LESS), AP("more than", EA_Q_APPROX | EA_Q_MORE),
    AP("over", EA_Q_APPROX | EA_Q_MORE), AP("in excess of", EA_Q_APPROX | EA_Q_MORE),
    AP("at least", EA_Q_APPROX | EA_Q_MORE), AP("upwards of", EA_Q_APPROX | EA_Q_MORE),
    AP("north of", EA_Q_APPROX | EA_Q_MORE), AP("less than", EA_Q_APPROX | EA_Q_LESS),
    AP("under", EA_Q_APPROX | EA_Q_LESS), AP("up to", EA_Q_APPROX | EA_Q_LESS),
    AP("below", EA_Q_APPROX | EA_Q_LESS), AP("约", EA_Q_APPROX), AP("約", EA_Q_APPROX),
    AP("大约", EA_Q_APPROX), AP("大約", EA_Q_APPROX), AP("近", EA_Q_APPROX), AP("将近", EA_Q_APPROX),
    AP("將近", EA_Q_APPROX), AP("超过", EA_Q_APPROX | EA_Q_MORE), AP("超過", EA_Q_APPROX | EA_Q_MORE),
    AP("逾", EA_Q_APPROX | EA_Q_MORE), AP("不到", EA_Q_APPROX | EA_Q_LESS), AP("接近", EA_Q_APPROX)};
#undef AP

/* Words that can start a number in words, by first letter. */
static const lit_t number_starts[26][8] = {
    ['a' - 'a'] = {LIT("a")},
    ['d' - 'a'] = {LIT("double")},
    ['e' - 'a'] = {LIT("eight"), LIT("eleven"), LIT("eighteen"), LIT("eighty")},
    ['f' - 'a'] = {LIT("four"), LIT("five"), LIT("fourteen"), LIT("fifteen"), LIT("forty"), LIT("fifty")},
    ['h' - 'a'] = {LIT("hundred"), LIT("half"), LIT("high")},
    ['l' - 'a'] = {LIT("low")},
    ['m' - 'a'] = {LIT("mid")},
    ['n' - 'a'] = {LIT("nine"), LIT("nineteen"), LIT("ninety")},
    ['o' - 'a'] = {LIT("one")},
    ['s' - 'a'] = {LIT("six"), LIT("seven"), LIT("sixteen"), LIT("seventeen"), LIT("sixty"), LIT("seventy")},
    ['t' - 'a'] = {LIT("two"), LIT("three"), LIT("ten"), LIT("twelve"), LIT("thirteen"), LIT("twenty"), LIT("thirty")},
    ['z' - 'a'] = {LIT("zero")}};
/* Bit len_bit(n) of number_start_lens[c] is set when a word of n letters
 * is listed under letter c (bit 15 stands for 15 or more). Built once,
 * from number_starts. */
static uint16_t number_start_lens[26];
static uint16_t len_bit(size_t n) { return (uint16_t)(1u << (n < 15 ? n : 15)); }

/* Tables matched against the text right before a number are grouped by
 * the last byte of each literal (lower-cased): a look-up then tries only
 * the group of the byte there, in table order, so it finds the same first
 * match as a scan of the whole table at a fraction of the cost. */
typedef struct {
    uint8_t at[257]; /* the group of byte c: idx[at[c] .. at[c + 1]) */
    uint8_t idx[128];
} last_index;
/* Table rows start with their lit_t. */
#define ROW_LIT(table, stride, i) ((const lit_t *)(const void *)((const char *)(table) + (i) * (stride)))

static last_index approx_index, not_value_index, month_index;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void index_by_last(last_index *x, const void *table, size_t stride, size_t n) {
    uint8_t count[256] = {0};
    for (size_t i = 0; i < n; i++) {
        const lit_t *l = ROW_LIT(table, stride, i);
        count[ea_lower((unsigned char)l->s[l->n - 1])]++;
    }
    size_t at = 0;
    for (int c = 0; c < 256; c++) {
        x->at[c] = (uint8_t)at;
        at += count[c];
    }
    x->at[256] = (uint8_t)at;
    uint8_t fill[256];
    memcpy(fill, x->at, sizeof fill);
    for (size_t i = 0; i < n; i++) {
        const lit_t *l = ROW_LIT(table, stride, i);
        x->idx[fill[ea_lower((unsigned char)l->s[l->n - 1])]++] = (uint8_t)i;
    }
}

static void build_indexes(void) {
    _Static_assert(sizeof approx_words / sizeof approx_words[0] <= 128, "last_index holds 128 rows");
    _Static_assert(sizeof not_value_before / sizeof not_value_before[0] <= 128, "last_index holds 128 rows");
    _Static_assert(sizeof months / sizeof months[0] <= 128, "last_index holds 128 rows");
    index_by_last(&approx_index, approx_words, sizeof approx_words[0], sizeof approx_words / sizeof approx_words[0]);
    index_by_last(&not_value_index, not_value_before, sizeof not_value_before[0],
                  sizeof not_value_before / sizeof not_value_before[0]);
    index_by_last(&month_index, months, sizeof months[0], sizeof months / sizeof months[0]);
    for (size_t c = 0; c < 26; c++)
        for (size_t i = 0; i < 8 && number_starts[c][i].n; i++) number_start_lens[c] |= len_bit(number_starts[c][i].n);
}

/* The first row of an indexed table whose literal ends right before q (as
 * lit_before_n). Returns its index and sets *at to where it starts, or -1. */
static int table_before(cp_t b, cp_t q, const void *table, size_t stride, const last_index *x, cp_t *at) {
    cp_t t = q;
    while (t > b && t[-1] == ' ') t--;
    if (t == b) return -1;
    unsigned char c = ea_lower(t[-1]);
    for (size_t o = x->at[c]; o < x->at[c + 1]; o++) {
        const lit_t *l = ROW_LIT(table, stride, x->idx[o]);
        cp_t st = lit_before_n(b, q, l->s, l->n);
        if (st) {
            *at = st;
            return x->idx[o];
        }
    }
    return -1;
}

/* Word numbers. */
typedef struct {
    const char *w;
    int v;
} wordnum_t;
static const wordnum_t wordnums[] = {
    {"zero", 0},     {"one", 1},       {"two", 2},       {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},       {"seven", 7},     {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},   {"twelve", 12},   {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},   {"forty", 40},    {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},   {"ninety", 90},   {"a hundred", 100}, {"hundred", 100}};

/* Is the word p[0..wl) (letters only) one that can start a number in words?
 * Asked at every word of every sentence, so most words must fail at once:
 * on their first letter and length together, by a mask of the lengths of
 * the words listed under that letter. */
static int word_may_start_number(cp_t p, size_t wl) {
    unsigned char c0 = ea_lower(p[0]);
    if (!ea_is_lower(c0) || !(number_start_lens[c0 - 'a'] & len_bit(wl))) return 0;
    const lit_t *w = number_starts[c0 - 'a'];
    for (size_t i = 0; i < 8 && w[i].n; i++) {
        if (w[i].n != wl) continue;
        size_t k = 1;
        while (k < wl && ea_lower(p[k]) == (unsigned char)w[i].s[k]) k++;
        if (k == wl) return 1;
    }
    return 0;
}

/* ---- digits ------------------------------------------------------------ */

/* Reads "1,234,567.89" / "40.7" / ".5" at p. Returns end or NULL. */
static cp_t read_digits(cp_t p, cp_t end, double *v, int *has_comma, int *ndigits, int *has_dot) {
    double x = 0;
    int nd = 0, comma = 0, dot = 0;
    cp_t q = p;
    while (q < end && ea_is_digit(*q)) {
        x = x * 10 + (*q - '0');
        q++;
        nd++;
        /* a thousands separator: comma + exactly three digits */
        if (q + 3 < end + 0 && q < end && *q == ',' && end - q >= 4 && ea_is_digit(q[1]) &&
            ea_is_digit(q[2]) && ea_is_digit(q[3]) && (q + 4 == end || !ea_is_digit(q[4]))) {
            comma = 1;
            q++;
        }
    }
    if (nd == 0) return NULL;
    if (q + 1 < end && *q == '.' && ea_is_digit(q[1])) {
        dot = 1;
        q++;
        double f = 0.1;
        while (q < end && ea_is_digit(*q)) {
            x += (*q - '0') * f;
            f /= 10;
            q++;
        }
    }
    *v = x;
    *has_comma = comma;
    *ndigits = nd;
    *has_dot = dot;
    return q;
}

/* ---- one quantity ------------------------------------------------------ */

typedef struct {
    cp_t b, end; /* the whole text */
} scan_t;

/* Currency right before position q; sets code, returns the start. */
static cp_t currency_before(const scan_t *s, cp_t q, char code[4]) {
    for (size_t i = 0; i < sizeof cur_before / sizeof cur_before[0]; i++) {
        size_t n = cur_before[i].n;
        cp_t t = q;
        /* "$40" or "RMB 40" / "USD 40" (space allowed for letter codes) */
        if (ea_is_alpha((unsigned char)cur_before[i].lit[n - 1]) || cur_before[i].lit[n - 1] == '.')
            while (t > s->b && t[-1] == ' ') t--;
        if ((size_t)(t - s->b) < n || t[-1] != (unsigned char)cur_before[i].lit[n - 1] ||
            memcmp(t - n, cur_before[i].lit, n) != 0)
            continue;
        cp_t st = t - n;
        if (ea_is_alpha((unsigned char)cur_before[i].lit[0]) && st > s->b && ea_is_alpha(st[-1])) continue;
        /* "US$": don't read "S$" inside "US$" */
        memcpy(code, cur_before[i].code, 4);
        return st;
    }
    return NULL;
}

static int is_month_before(const scan_t *s, cp_t q) {
    cp_t at;
    return table_before(s->b, q, months, sizeof months[0], &month_index, &at) >= 0;
}

/* Parses the quantity whose first digit is at d. Fills *out. Returns the
 * end of the phrase. `allow_range` lets it read "X to Y". */
static cp_t parse_one(const scan_t *s, cp_t d, ea_qty *out, int allow_range);

static cp_t after_number(const scan_t *s, cp_t q, ea_qty *o, int has_cur, int ndigits, int has_dot,
                         int has_comma) {
    cp_t end = s->end;
    /* attached suffixes */
    if (q < end && (*q == '%')) {
        o->unit = EA_U_PCT;
        /* "two greater than 10% customers": a threshold naming customers */
        cp_t r0 = skip_sp(q + 1, end);
        if (lit_at(r0, end, "customers") || lit_at(r0, end, "customer")) {
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "a threshold in a name";
        }
        return q + 1;
    }
    size_t k;
    if ((k = raw_at(q, end, "\xEF\xBC\x85"))) { /* ％ */
        o->unit = EA_U_PCT;
        return q + k;
    }
    if (q < end && ea_is_alpha(*q)) {
        /* 1.2x */
        if ((*q == 'x' || *q == 'X') && (q + 1 == end || !ea_is_alpha(q[1]))) {
            o->unit = EA_U_TIMES;
            return q + 1;
        }
        if (has_cur) {
            for (size_t i = 0; i < sizeof scales_attached / sizeof scales_attached[0]; i++) {
                size_t n = strlen(scales_attached[i].lit);
                if ((size_t)(end - q) >= n && memcmp(q, scales_attached[i].lit, n) == 0 &&
                    (q + n == end || !ea_is_alpha(q[n]))) {
                    o->scale = scales_attached[i].scale;
                    o->flags |= EA_Q_SCALED;
                    return q + n;
                }
            }
            if ((k = lit_at(q, end, "bn")) || (k = lit_at(q, end, "mn")) || (k = lit_at(q, end, "mm"))) {
                o->scale = ea_lower(*q) == 'b' ? 1e9 : 1e6;
                o->flags |= EA_Q_SCALED;
                return q + k;
            }
        }
        if ((k = lit_at(q, end, "st")) || (k = lit_at(q, end, "nd")) || (k = lit_at(q, end, "rd")) ||
            (k = lit_at(q, end, "th"))) {
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "ordinal";
            return q + k;
        }
        /* 400G, 800G, 1.6T, 5G, 28nm: a product or technology name */
        o->flags |= EA_Q_NOTVALUE;
        o->why_not = "product or technology name";
        while (q < end && (ea_is_alnum(*q))) q++;
        return q;
    }
    /* 10-K, 10-Q, 8-K */
    if (q + 1 < end && *q == '-' && ea_is_upper(q[1]) && (q + 2 == end || !ea_is_alpha(q[2]))) {
        o->flags |= EA_Q_NOTVALUE;
        o->why_not = "form name";
        return q + 2;
    }
    /* Chinese dates: 2024 年, 5 月 16 日 */
    cp_t r = skip_sp(q, end);
    if (!has_cur && ((k = raw_at(r, end, "年")) || (k = raw_at(r, end, "月")) || (k = raw_at(r, end, "日")) ||
                     (k = raw_at(r, end, "号")) || (k = raw_at(r, end, "號")))) {
        /* 年 after a count of years ("3年") is a duration, also not a value */
        o->flags |= EA_Q_NOTVALUE;
        o->why_not = "a date";
        return r + k;
    }
    /* Chinese scale and currency */
    for (size_t i = 0; i < sizeof scales_zh / sizeof scales_zh[0]; i++) {
        if ((k = raw_at(r, end, scales_zh[i].lit))) {
            o->scale = scales_zh[i].scale;
            o->flags |= EA_Q_SCALED | EA_Q_ZH;
            r += k;
            q = r;
            /* 亿多 / 万多: "and more" */
            if ((k = raw_at(r, end, "多"))) {
                o->flags |= EA_Q_APPROX | EA_Q_MORE;
                r += k;
                q = r;
            }
            break;
        }
    }
    r = skip_sp(q, end);
    for (size_t i = 0; i < sizeof cur_after_zh / sizeof cur_after_zh[0]; i++) {
        if ((k = raw_at(r, end, cur_after_zh[i].lit))) {
            memcpy(o->cur, cur_after_zh[i].code, 4);
            o->unit = EA_U_CUR;
            o->flags |= EA_Q_ZH;
            return r + k;
        }
    }
    if ((k = raw_at(r, end, "倍"))) {
        o->unit = EA_U_TIMES;
        return r + k;
    }
    if ((k = raw_at(r, end, "个百分点")) || (k = raw_at(r, end, "個百分點")) || (k = raw_at(r, end, "百分点")) ||
        (k = raw_at(r, end, "百分點"))) {
        o->unit = EA_U_PP;
        return r + k;
    }
    if (o->flags & EA_Q_ZH) return q;
    /* space + scale word */
    r = skip_sp(q, end);
    if (r > q || r == q) {
        for (size_t i = 0; i < sizeof scales_word / sizeof scales_word[0]; i++) {
            if ((k = lit_at(r, end, scales_word[i].lit)) && (r > q || !has_cur || 1)) {
                if (r == q && ea_is_alpha(*r)) break; /* attached handled above */
                o->scale = scales_word[i].scale;
                o->flags |= EA_Q_SCALED;
                q = r + k;
                r = skip_sp(q, end);
                break;
            }
        }
    }
    /* units */
    if ((k = lit_at(r, end, "percentage points")) || (k = lit_at(r, end, "percentage point")) ||
        (k = lit_at(r, end, "percent points")) || (k = lit_at(r, end, "points of margin"))) {
        o->unit = EA_U_PP;
        return r + k;
    }
    if (r > q && ((k = lit_at(r, end, "points")) || (k = lit_at(r, end, "point"))) && !(o->flags & EA_Q_SCALED)) {
        o->unit = EA_U_PP;
        return r + k;
    }
    if (r > q && (k = lit_at(r, end, "times")) && !(o->flags & EA_Q_SCALED)) {
        o->unit = EA_U_TIMES;
        return r + k;
    }
    if ((k = lit_at(r, end, "percent")) || (k = lit_at(r, end, "per cent")) || (k = lit_at(r, end, "pct"))) {
        o->unit = EA_U_PCT;
        return r + k;
    }
    if ((k = lit_at(r, end, "basis points")) || (k = lit_at(r, end, "basis point")) ||
        (k = lit_at(r, end, "bps")) || (k = lit_at(r, end, "bp")) || (k = lit_at(r, end, "bips"))) {
        o->unit = EA_U_BPS;
        return r + k;
    }
    if (!has_cur) {
        for (size_t i = 0; i < sizeof cur_after_en / sizeof cur_after_en[0]; i++) {
            /* "EUR500": the code belongs to the next number */
            if ((k = lit_at(r, end, cur_after_en[i].lit)) && !(r + k < end && ea_is_digit(r[k]))) {
                memcpy(o->cur, cur_after_en[i].code, 4);
                o->unit = EA_U_CUR;
                q = r + k;
                r = skip_sp(q, end);
                break;
            }
        }
    }
    if (!(o->flags & EA_Q_SCALED) && o->unit == EA_U_NONE) {
        /* "400 AOC", "200 G per lane": a number naming a product */
        if (r < end && ea_is_upper(*r)) {
            cp_t w = r;
            while (w < end && (ea_is_upper(*w) || ea_is_digit(*w))) w++;
            if ((w - r >= 2 || (w - r == 1 && (w == end || *w == ' '))) && (w == end || !ea_is_lower(*w))) {
                o->flags |= EA_Q_NOTVALUE;
                o->why_not = "product or technology name";
                return q;
            }
        }
        for (size_t i = 0; i < sizeof tech_zh / sizeof tech_zh[0]; i++) {
            if ((k = raw_at(r, end, tech_zh[i]))) {
                o->flags |= EA_Q_NOTVALUE;
                o->why_not = "a measure of time, size or speed";
                return r + k;
            }
        }
        for (size_t i = 0; i < sizeof tech_after / sizeof tech_after[0]; i++) {
            if ((k = lit_at(r, end, tech_after[i]))) {
                o->flags |= EA_Q_NOTVALUE;
                o->why_not = "a measure of time, size or speed";
                return r + k;
            }
        }
    }
    (void)ndigits;
    (void)has_dot;
    (void)has_comma;
    return q;
}

static void finish_value(ea_qty *o) {
    if (o->unit == EA_U_PCT || o->unit == EA_U_PP || o->unit == EA_U_BPS || o->unit == EA_U_TIMES)
        o->value = o->stated; /* scale words don't apply to ratios */
    else
        o->value = o->stated * o->scale;
}

/* Approximation and bounds words right before the phrase start. */
static cp_t approx_before(const scan_t *s, cp_t st, ea_qty *o) {
    cp_t t;
    int i = table_before(s->b, st, approx_words, sizeof approx_words[0], &approx_index, &t);
    if (i < 0) return st;
    o->flags |= approx_words[i].f;
    return t;
}

static cp_t approx_after(const scan_t *s, cp_t q, ea_qty *o) {
    size_t k;
    cp_t r = skip_sp(q, s->end);
    if ((k = raw_at(r, s->end, "左右"))) {
        o->flags |= EA_Q_APPROX;
        return r + k;
    }
    if ((k = raw_at(r, s->end, "以上"))) {
        o->flags |= EA_Q_APPROX | EA_Q_MORE;
        return r + k;
    }
    if ((k = lit_at(r, s->end, "or so")) || (k = lit_at(r, s->end, "plus")) || (k = raw_at(r, s->end, "-plus")) ||
        (k = raw_at(r, s->end, "+"))) {
        o->flags |= EA_Q_APPROX | ((k == 1 || k == 5 || k == 4) ? EA_Q_MORE : 0);
        return r + k;
    }
    return q;
}

/* Per-share and share counts after the phrase. */
static cp_t share_after(const scan_t *s, cp_t q, ea_qty *o) {
    size_t k;
    cp_t r = skip_sp(q, s->end);
    static const char *const ps[] = {"per diluted share", "per basic share", "per fully diluted share",
                                     "per share", "a share", "per common share", "per diluted common share",
                                     "per basic and diluted share", "per adjusted diluted share",
                                     "per class a share", "per ads", "per adr", "per unit", "/share",
                                     "每股"};
    for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++) {
        if ((k = ((unsigned char)ps[i][0] >= 0x80 || ps[i][0] == '/') ? raw_at(r, s->end, ps[i]) : lit_at(r, s->end, ps[i]))) {
            o->flags |= EA_Q_PER_SHARE;
            return r + k;
        }
    }
    if (o->unit == EA_U_NONE && ((k = lit_at(r, s->end, "shares")) || (k = lit_at(r, s->end, "diluted shares")) ||
                                 (k = lit_at(r, s->end, "weighted average shares")))) {
        o->flags |= EA_Q_SHARES;
        return r + k;
    }
    return q;
}

static cp_t parse_one(const scan_t *s, cp_t d, ea_qty *o, int allow_range) {
    cp_t b = s->b, end = s->end;
    memset(o, 0, sizeof *o);
    o->scale = 1;
    char code[4] = {0};
    cp_t st = d;
    /* sign and parentheses before */
    int paren = 0;
    cp_t cs = currency_before(s, d, code);
    if (!cs && d > b && d[-1] == '(') cs = currency_before(s, d - 1, code); /* $(0.31) */
    if (cs) st = cs;
    if (st > b && st[-1] == '(') paren = 1;
    if (cs && !paren && d > b && d[-1] == '(') paren = 2; /* $(0.31) */
    if (st > b && st[-1] == '-' && (st - 1 == b || !ea_is_alnum(st[-2]))) {
        o->flags |= EA_Q_NEG;
        st--;
    }
    double v;
    int comma, nd, dot;
    cp_t q = read_digits(d, end, &v, &comma, &nd, &dot);
    if (!q) return d + 1;
    o->num_start = (size_t)(d - b);
    o->stated = v;
    if (cs) {
        memcpy(o->cur, code, 4);
        o->unit = EA_U_CUR;
    }
    q = after_number(s, q, o, cs != NULL, nd, dot, comma);
    if (paren && q < end && *q == ')') {
        o->flags |= EA_Q_NEG;
        q++;
        if (paren == 1) st--;
    }
    if (!(o->flags & EA_Q_NOTVALUE)) q = share_after(s, q, o);
    q = approx_after(s, q, o);
    st = approx_before(s, st, o);
    if (lit_before(b, st, "negative") || lit_before(b, st, "minus") || lit_before(b, st, "loss of") ||
        lit_before(b, st, "loss of just") || lit_before(b, st, "deficit of"))
        o->flags |= EA_Q_NEG;
    finish_value(o);

    /* what kind of number is this? */
    if (!(o->flags & EA_Q_NOTVALUE) && o->unit == EA_U_NONE && !(o->flags & (EA_Q_SCALED | EA_Q_PER_SHARE))) {
        int yearish = nd == 4 && !comma && !dot && v >= 1900 && v <= 2100;
        if (yearish) {
            o->flags |= EA_Q_NOTVALUE | EA_Q_YEAR;
            o->why_not = "a year";
        }
        /* times 9:00, ratios 3:1 */
        if (q < end && *q == ':' && q + 1 < end && ea_is_digit(q[1])) {
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "a time";
        }
        if (d > b && d[-1] == ':') {
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "a time";
        }
        if (is_month_before(s, d) && v >= 1 && v <= 31 && !dot) {
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "a date";
        }
        /* phone numbers and codes: digit groups joined by - or . */
        if (q < end && (*q == '-' || *q == '/') && q + 1 < end && ea_is_digit(q[1])) {
            cp_t t = q;
            int groups = 1;
            while (t < end && (*t == '-' || *t == '/' || *t == '.') && t + 1 < end && ea_is_digit(t[1])) {
                t++;
                while (t < end && ea_is_digit(*t)) t++;
                groups++;
            }
            if (groups >= 3 || *q == '/') {
                o->flags |= EA_Q_NOTVALUE;
                o->why_not = *q == '/' ? "a date or fraction" : "a phone number or code";
                q = t;
            }
        }
    }
    if (!(o->flags & EA_Q_NOTVALUE)) {
        /* attached to letters before: Q1, H2, FY24, COVID-19, A320, v2 */
        if (d > b && (ea_is_alpha(d[-1]) || (d[-1] == '-' && d - 1 > b && ea_is_alpha(d[-2]))) && !cs) {
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "part of a name";
        }
        if (d > b && d[-1] == '.' && d - 1 > b && ea_is_digit(d[-2])) {
            o->flags |= EA_Q_NOTVALUE; /* second part of 3.1.2 */
            o->why_not = "a version number";
        }
        cp_t at;
        if (!cs && !(o->flags & EA_Q_SCALED) &&
            table_before(b, st, not_value_before, sizeof not_value_before[0], &not_value_index, &at) >= 0) {
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "a name, rank or reference";
        }
        if (q < end && *q == '.' && q + 1 < end && ea_is_digit(q[1])) {
            o->flags |= EA_Q_NOTVALUE; /* 3.1.2 */
            o->why_not = "a version number";
        }
    }
    o->start = (size_t)(st - b);
    o->end = (size_t)(q - b);

    /* ranges: "X to Y", "X-Y", "between X and Y", "X至Y" */
    if (allow_range && !(o->flags & EA_Q_NOTVALUE)) {
        cp_t r = skip_sp(q, end);
        size_t k = 0;
        int between = lit_before(b, st, "between") != NULL || lit_before(b, st, "from") != NULL;
        int neg2 = 0;
        size_t ko;
        if (!(o->flags & EA_Q_SCALED) && o->unit == EA_U_CUR && (ko = lit_at(r, end, "or"))) {
            cp_t t = skip_sp(r + ko, end);
            char c2[4];
            cp_t dd = t;
            while (dd < end && !ea_is_digit(*dd) && dd - t < 4) dd++;
            if (dd < end && ea_is_digit(*dd) && (dd == t || currency_before(s, dd, c2) == t)) {
                ea_qty o2;
                parse_one(s, dd, &o2, 0);
                if ((o2.flags & EA_Q_SCALED) && o2.unit == EA_U_CUR && o2.stated > o->stated) {
                    o->scale = o2.scale;
                    o->flags |= EA_Q_SCALED;
                    finish_value(o);
                }
            }
        }
        if ((k = lit_at(r, end, "to a loss of"))) neg2 = 1;
        else if ((k = lit_at(r, end, "to"))) {}
        else if ((k = lit_at(r, end, "through"))) {}
        else if (between && (k = lit_at(r, end, "and"))) {}
        else if (r == q && r < end && *r == '-' && r + 1 < end && (ea_is_digit(r[1]) || r[1] == '$')) k = 1;
        else if ((k = raw_at(r, end, "\xE2\x80\x93")) || (k = raw_at(r, end, "\xE2\x80\x94"))) {}
        else if ((k = raw_at(r, end, "至虧損")) || (k = raw_at(r, end, "至亏损"))) neg2 = 1;
        else if ((k = raw_at(r, end, "至")) || (k = raw_at(r, end, "到")) || (k = raw_at(r, end, "～")) ||
                 (k = raw_at(r, end, "~"))) {}
        else if (r > q && r < end && *r == '-' && r + 1 < end && r[1] == ' ') k = 1;
        if (k) {
            cp_t t = skip_sp(r + k, end);
            /* the second number may carry its own currency */
            cp_t dd = t;
            for (int guard = 0; guard < 6 && dd < end && !ea_is_digit(*dd); guard++) dd++;
            if (dd < end && ea_is_digit(*dd) && (dd == t || currency_before(s, dd, code) == t ||
                                                  (*t == '(' && dd == t + 1) || (*t == '-' && dd == t + 1) ||
                                                  (t[0] == '(' && currency_before(s, dd, code) == t + 1))) {
                ea_qty o2;
                parse_one(s, dd, &o2, 0);
                int same_kind = !(o2.flags & EA_Q_NOTVALUE) &&
                                (o2.unit == o->unit || o->unit == EA_U_NONE || o2.unit == EA_U_NONE ||
                                 (o->unit == EA_U_CUR && o2.unit == EA_U_CUR));
                if (same_kind && o2.stated >= 0) {
                    if (o->unit == EA_U_NONE && o2.unit != EA_U_NONE) {
                        o->unit = o2.unit;
                        memcpy(o->cur, o2.cur, 4);
                    }
                    if (o2.unit == EA_U_NONE && o->unit != EA_U_NONE) {
                        o2.unit = o->unit;
                        memcpy(o2.cur, o->cur, 4);
                    }
                    if (!(o->flags & EA_Q_SCALED) && (o2.flags & EA_Q_SCALED)) {
                        o->scale = o2.scale;
                        o->flags |= EA_Q_SCALED | (o2.flags & EA_Q_ZH);
                    }
                    if (!(o2.flags & EA_Q_SCALED) && (o->flags & EA_Q_SCALED)) o2.scale = o->scale;
                    o->flags |= o2.flags & (EA_Q_PER_SHARE | EA_Q_SHARES);
                    if (neg2) o2.flags |= EA_Q_NEG;
                    finish_value(o);
                    finish_value(&o2);
                    double lo = o->value * ((o->flags & EA_Q_NEG) ? -1 : 1);
                    double hi = o2.value * ((o2.flags & EA_Q_NEG) ? -1 : 1);
                    /* "a loss of $0.28 to a loss of $0.33": keep low <= high */
                    o->low = lo < hi ? lo : hi;
                    o->high = lo < hi ? hi : lo;
                    o->stated_high = o2.stated;
                    o->flags |= EA_Q_RANGE;
                    o->flags &= ~(unsigned)EA_Q_NEG;
                    o->value = (o->low + o->high) / 2;
                    o->end = o2.end;
                    q = b + o2.end;
                }
            }
        }
    }
    if (!(o->flags & EA_Q_RANGE) && (o->flags & EA_Q_NEG)) o->value = -o->value;
    return q;
}

/* "twelve million", "five percent", "a half", "mid-single digits". */
static cp_t parse_words(const scan_t *s, cp_t p, ea_qty *o) {
    cp_t end = s->end;
    memset(o, 0, sizeof *o);
    o->scale = 1;
    size_t k;
    static const struct {
        const char *w;
        double lo, hi;
    } digits_words[] = {{"low-single-digit", 1, 3}, {"mid-single-digit", 4, 6}, {"high-single-digit", 7, 9}, {"low-double-digit", 10, 13}, {"mid-double-digit", 14, 16}, {"mid-teens", 14, 16}, {"high-teens", 17, 19}, {"low-teens", 11, 13}, {"double-digit", 10, 99}};
    for (size_t i = 0; i < sizeof digits_words / sizeof digits_words[0]; i++) {
        if ((k = lit_at_dash(p, end, digits_words[i].w))) {
            cp_t q = p + k;
            if (q < end && *q == 's') q++; /* digits */
            o->unit = EA_U_PCT;
            o->flags |= EA_Q_RANGE | EA_Q_APPROX | EA_Q_WORDS;
            o->low = digits_words[i].lo;
            o->high = digits_words[i].hi;
            o->stated = o->low;
            o->stated_high = o->high;
            o->value = (o->low + o->high) / 2;
            o->start = o->num_start = (size_t)(p - s->b);
            o->end = (size_t)(q - s->b);
            return q;
        }
    }
    double v = -1;
    cp_t q = p;
    if ((k = lit_at(p, end, "a half"))) {
        v = 0.5;
        q = p + k;
    } else if ((k = lit_at(p, end, "half a"))) {
        v = 0.5;
        q = p + k;
    } else {
        for (size_t i = 0; i < sizeof wordnums / sizeof wordnums[0]; i++) {
            if ((k = lit_at(p, end, wordnums[i].w))) {
                v = wordnums[i].v;
                q = p + k;
                /* twenty-five / twenty five */
                if (v >= 20 && q < end && (*q == '-' || *q == ' ')) {
                    for (size_t j = 1; j < 10; j++) {
                        size_t k2 = lit_at(q + 1, end, wordnums[j].w);
                        if (k2) {
                            v += wordnums[j].v;
                            q += 1 + k2;
                            break;
                        }
                    }
                }
                break;
            }
        }
    }
    if (v < 0) return NULL;
    o->stated = v;
    o->num_start = (size_t)(p - s->b);
    cp_t r = skip_sp(q, end);
    for (size_t i = 0; i < sizeof scales_word / sizeof scales_word[0]; i++) {
        if ((k = lit_at(r, end, scales_word[i].lit))) {
            o->scale = scales_word[i].scale;
            o->flags |= EA_Q_SCALED;
            q = r + k;
            r = skip_sp(q, end);
            break;
        }
    }
    if ((k = lit_at(r, end, "percent")) || (k = lit_at(r, end, "per cent"))) {
        o->unit = EA_U_PCT;
        q = r + k;
    } else if ((k = lit_at(r, end, "percentage points"))) {
        o->unit = EA_U_PP;
        q = r + k;
    } else if ((k = lit_at(r, end, "basis points"))) {
        o->unit = EA_U_BPS;
        q = r + k;
    } else if (!(o->flags & EA_Q_SCALED)) {
        return NULL; /* "three customers": not a value we read */
    }
    cp_t pdollar = skip_sp(q, end);
    if ((k = lit_at(pdollar, end, "dollars"))) {
        memcpy(o->cur, "USD", 4);
        o->unit = EA_U_CUR;
        q = pdollar + k;
    }
    o->flags |= EA_Q_WORDS;
    if (lit_before(s->b, p, "few") || lit_before(s->b, p, "several") || lit_before(s->b, p, "many") ||
        lit_before(s->b, p, "hundreds of") || lit_before(s->b, p, "tens of")) {
        o->flags |= EA_Q_NOTVALUE;
        o->why_not = "a vague amount";
    }
    cp_t st = approx_before(s, p, o);
    q = share_after(s, q, o);
    finish_value(o);
    o->start = (size_t)(st - s->b);
    o->end = (size_t)(q - s->b);
    return q;
}

size_t ea_qty_scan(const char *text, size_t n, ea_qty_cb cb, void *ctx) {
    pthread_once(&index_once, build_indexes);
    scan_t s = {(cp_t)text, (cp_t)text + n};
    cp_t p = s.b, end = s.end;
    size_t count = 0, last_end = 0;
    while (p < end) {
        unsigned char c = *p;
        ea_qty q;
        if (ea_is_digit(c)) {
            /* not inside a word or a number we already passed */
            if (p > s.b && (ea_is_digit(p[-1]) || ((p[-1] == ',' || p[-1] == '.') && p - 1 > s.b && ea_is_digit(p[-2])))) {
                p++;
                continue;
            }
            cp_t e = parse_one(&s, p, &q, 1);
            if (q.start < last_end) q.start = last_end; /* phrases never overlap */
            if (q.end < q.start) q.end = q.start;
            last_end = q.end;
            count++;
            if (cb(ctx, &q)) return count;
            p = e > p ? e : p + 1;
            continue;
        }
        if (ea_is_alpha(c) && (p == s.b || !ea_is_alpha(p[-1]))) {
            cp_t w = p + 1 + ea_letters(p + 1, end);
            /* only words that can start a number in words get a closer look */
            if (word_may_start_number(p, (size_t)(w - p))) {
                cp_t e = parse_words(&s, p, &q);
                if (e) {
                    if (q.start < last_end) q.start = last_end;
                    last_end = q.end;
                    count++;
                    if (cb(ctx, &q)) return count;
                    p = e;
                    continue;
                }
            }
            p = w;
            continue;
        }
        p++;
    }
    return count;
}

size_t ea_qty_format(double v, ea_unit_kind unit, const char *cur, int per_share, char *out, size_t cap) {
    if (cap == 0) return 0;
    int n;
    double a = fabs(v);
    const char *sign = v < 0 ? "-" : "";
    if (unit == EA_U_PCT) n = snprintf(out, cap, "%s%g%%", sign, a);
    else if (unit == EA_U_PP) n = snprintf(out, cap, "%s%g pp", sign, a);
    else if (unit == EA_U_BPS) n = snprintf(out, cap, "%s%g bps", sign, a);
    else if (unit == EA_U_TIMES) n = snprintf(out, cap, "%s%gx", sign, a);
    else {
        const char *sym = !cur || !*cur ? "" : !strcmp(cur, "USD") ? "$" : !strcmp(cur, "EUR") ? "\xE2\x82\xAC"
                                             : !strcmp(cur, "GBP") ? "\xC2\xA3" : !strcmp(cur, "CNY") ? "RMB "
                                             : !strcmp(cur, "TWD") ? "NT$" : !strcmp(cur, "JPY") ? "\xC2\xA5" : cur;
        const char *suf = "";
        double x = a;
        if (!per_share) {
            if (a >= 1e12) { x = a / 1e12; suf = "T"; }
            else if (a >= 1e9) { x = a / 1e9; suf = "B"; }
            else if (a >= 1e6) { x = a / 1e6; suf = "M"; }
            else if (a >= 1e4) { x = a / 1e3; suf = "K"; }
        }
        char num[48];
        if (per_share || x < 100) snprintf(num, sizeof num, "%.15g", round(x * 1000) / 1000);
        else snprintf(num, sizeof num, "%.15g", round(x * 10) / 10);
        n = snprintf(out, cap, "%s%s%s%s", sign, sym, num, suf);
    }
    if (n < 0) return 0;
    return (size_t)n < cap ? (size_t)n : cap - 1;
}
