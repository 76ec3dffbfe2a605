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
    CUR("Rs", "INR"), CUR("CHF", "CHF"), CUR("SEK", "SEK"), CUR("人民币", "CNY"), CUR("人民幣", "CNY"),
    CUR("新台币", "TWD"), CUR("新台幣", "TWD"), CUR("港币", "HKD"), CUR("港幣", "HKD"), CUR("港元", "HKD")};

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
    AP("below", EA_Q_APPROX | EA_Q_LESS),
    /* Chinese: longer words before the words they end with (大约 before 约) */
    AP("大约为", EA_Q_APPROX), AP("大約為", EA_Q_APPROX), AP("约为", EA_Q_APPROX), AP("約為", EA_Q_APPROX),
    AP("大约", EA_Q_APPROX), AP("大約", EA_Q_APPROX), AP("约", EA_Q_APPROX), AP("約", EA_Q_APPROX),
    AP("大概", EA_Q_APPROX), AP("将近", EA_Q_APPROX), AP("將近", EA_Q_APPROX), AP("接近", EA_Q_APPROX),
    AP("近", EA_Q_APPROX), AP("不超过", EA_Q_APPROX | EA_Q_LESS), AP("不超過", EA_Q_APPROX | EA_Q_LESS),
    AP("超过", EA_Q_APPROX | EA_Q_MORE), AP("超過", EA_Q_APPROX | EA_Q_MORE), AP("超", EA_Q_APPROX | EA_Q_MORE),
    AP("逾", EA_Q_APPROX | EA_Q_MORE), AP("不少于", EA_Q_APPROX | EA_Q_MORE), AP("不少於", EA_Q_APPROX | EA_Q_MORE),
    AP("至少", EA_Q_APPROX | EA_Q_MORE), AP("高于", EA_Q_APPROX | EA_Q_MORE), AP("高於", EA_Q_APPROX | EA_Q_MORE),
    AP("低于", EA_Q_APPROX | EA_Q_LESS), AP("低於", EA_Q_APPROX | EA_Q_LESS), AP("不到", EA_Q_APPROX | EA_Q_LESS)};
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

/* Chinese numerals and the characters around them, by code point. A hash
 * of the code point finds a row in one probe or two, so the scan can ask at
 * every ideograph of a Chinese paragraph. */
enum {
    ZK_DIG = 1 << 0,   /* 〇 零 一 .. 九 两: a digit */
    ZK_UNIT = 1 << 1,  /* 十 百 千: a multiplier inside a group of four digits */
    ZK_SCALE = 1 << 2, /* 万 亿: a group multiplier */
    ZK_POINT = 1 << 3, /* 点: the decimal point (一点五) */
    ZK_MORE = 1 << 4,  /* 多 余: "and more" (十多亿, 三千余万) */
    ZK_VAGUE = 1 << 5, /* 几: "some" (十几亿) */
    ZK_START = 1 << 6, /* can start a numeral: 一 .. 九, 两, 十 */
    ZK_BARE = 1 << 7,  /* 百 千: start one only before a scale (百亿, 千万元) */
    ZK_WORDS = 1 << 8, /* starts a digit-range word (两位数, 高个位数) */
    ZK_PCT = 1 << 9    /* 百: maybe 百分之 */
};
typedef struct {
    const char *utf8;
    unsigned kind;
    double v;
} zh_char_t;
static const zh_char_t zh_chars[] = {
    {"〇", ZK_DIG, 0},  {"零", ZK_DIG, 0},  {"一", ZK_DIG | ZK_START, 1}, {"二", ZK_DIG | ZK_START, 2},
    {"两", ZK_DIG | ZK_START | ZK_WORDS, 2}, {"兩", ZK_DIG | ZK_START | ZK_WORDS, 2},
    {"三", ZK_DIG | ZK_START, 3}, {"四", ZK_DIG | ZK_START, 4}, {"五", ZK_DIG | ZK_START, 5},
    {"六", ZK_DIG | ZK_START, 6}, {"七", ZK_DIG | ZK_START, 7}, {"八", ZK_DIG | ZK_START, 8},
    {"九", ZK_DIG | ZK_START, 9}, {"十", ZK_UNIT | ZK_START, 10}, {"百", ZK_UNIT | ZK_BARE | ZK_PCT, 100},
    {"千", ZK_UNIT | ZK_BARE, 1000}, {"万", ZK_SCALE, 1e4}, {"萬", ZK_SCALE, 1e4}, {"亿", ZK_SCALE, 1e8},
    {"億", ZK_SCALE, 1e8}, {"点", ZK_POINT, 0}, {"點", ZK_POINT, 0}, {"多", ZK_MORE, 0}, {"余", ZK_MORE, 0},
    {"餘", ZK_MORE, 0}, {"几", ZK_VAGUE, 0}, {"幾", ZK_VAGUE, 0}, {"双", ZK_WORDS, 0}, {"雙", ZK_WORDS, 0},
    {"个", ZK_WORDS, 0}, {"個", ZK_WORDS, 0}, {"单", ZK_WORDS, 0}, {"單", ZK_WORDS, 0}, {"低", ZK_WORDS, 0},
    {"中", ZK_WORDS, 0}, {"高", ZK_WORDS, 0}};
#define ZH_SLOTS 128
static uint32_t zh_slot_cp[ZH_SLOTS];
static uint8_t zh_slot_row[ZH_SLOTS]; /* row + 1; 0: empty */

static inline uint32_t cp3(cp_t p) { return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F); }
static inline size_t zh_hash(uint32_t cp) { return (size_t)((cp * 2654435761u) >> 25) & (ZH_SLOTS - 1); }

/* The row for the three-byte character at p, or NULL. */
static const zh_char_t *zh_at(cp_t p, cp_t end) {
    if (end - p < 3 || p[0] < 0xE3 || p[0] > 0xE9 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return NULL;
    uint32_t cp = cp3(p);
    for (size_t h = zh_hash(cp);; h = (h + 1) & (ZH_SLOTS - 1)) {
        if (!zh_slot_row[h]) return NULL;
        if (zh_slot_cp[h] == cp) return &zh_chars[zh_slot_row[h] - 1];
    }
}

/* Digit-range words (as "mid-single digits" in English). */
static const struct {
    lit_t w;
    double lo, hi;
} zh_digit_words[] = {
    {LIT("两位数"), 10, 99},   {LIT("兩位數"), 10, 99},   {LIT("双位数"), 10, 99},   {LIT("雙位數"), 10, 99},
    {LIT("低双位数"), 10, 13}, {LIT("低雙位數"), 10, 13}, {LIT("中双位数"), 14, 16}, {LIT("中雙位數"), 14, 16},
    {LIT("低个位数"), 1, 3},   {LIT("低個位數"), 1, 3},   {LIT("低单位数"), 1, 3},   {LIT("低單位數"), 1, 3},
    {LIT("中个位数"), 4, 6},   {LIT("中個位數"), 4, 6},   {LIT("中单位数"), 4, 6},   {LIT("中單位數"), 4, 6},
    {LIT("高个位数"), 7, 9},   {LIT("高個位數"), 7, 9},   {LIT("高单位数"), 7, 9},   {LIT("高單位數"), 7, 9},
    {LIT("个位数"), 1, 9},     {LIT("個位數"), 1, 9},     {LIT("单位数"), 1, 9},     {LIT("單位數"), 1, 9}};

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
    _Static_assert(sizeof zh_chars / sizeof zh_chars[0] < ZH_SLOTS / 2, "zh_chars fits its hash");
    for (size_t i = 0; i < sizeof zh_chars / sizeof zh_chars[0]; i++) {
        uint32_t cp = cp3((cp_t)zh_chars[i].utf8);
        size_t h = zh_hash(cp);
        while (zh_slot_row[h]) h = (h + 1) & (ZH_SLOTS - 1);
        zh_slot_cp[h] = cp;
        zh_slot_row[h] = (uint8_t)(i + 1);
    }
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

/* A digit at p: ASCII, or full-width ０-９ (U+FF10..FF19, EF BC 90..99).
 * Returns its value and sets *len to its bytes, or returns -1. */
static inline int dig_at(cp_t p, cp_t end, size_t *len) {
    if (p < end && ea_is_digit(*p)) {
        *len = 1;
        return *p - '0';
    }
    if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
        *len = 3;
        return p[2] - 0x90;
    }
    return -1;
}
static inline int is_dig(cp_t p, cp_t end) {
    size_t k;
    return dig_at(p, end, &k) >= 0;
}
/* A digit ends right before q. */
static inline int dig_before(cp_t b, cp_t q) {
    if (q > b && ea_is_digit(q[-1])) return 1;
    return q - b >= 3 && q[-3] == 0xEF && q[-2] == 0xBC && q[-1] >= 0x90 && q[-1] <= 0x99;
}
/* The separators of full-width numbers: ， (EF BC 8C) and ． (EF BC 8E). */
#define FW_COMMA "\xEF\xBC\x8C"
#define FW_DOT "\xEF\xBC\x8E"

/* Exactly three digits at p, not followed by a fourth. */
static int three_digits(cp_t p, cp_t end) {
    size_t k;
    for (int i = 0; i < 3; i++) {
        if (dig_at(p, end, &k) < 0) return 0;
        p += k;
    }
    return !is_dig(p, end);
}

/* Reads "1,234,567.89" / "40.7" / ".5" at p, in ASCII or full-width
 * digits ("４，０７０．５"). Returns end or NULL. */
static cp_t read_digits(cp_t p, cp_t end, double *v, int *has_comma, int *ndigits, int *has_dot) {
    double x = 0;
    int nd = 0, comma = 0, dot = 0, d;
    size_t k;
    cp_t q = p;
    while ((d = dig_at(q, end, &k)) >= 0) {
        x = x * 10 + d;
        q += k;
        nd++;
        /* a thousands separator + exactly three digits: "," or, after a
           full-width digit, "，" (which is also the Chinese comma, so only
           where the digits around it are full-width too) */
        size_t sk = q < end && *q == ',' ? 1 : (k == 3 && raw_at(q, end, FW_COMMA)) ? 3 : 0;
        if (sk && three_digits(q + sk, end) && (sk == 1 || q[sk] == 0xEF)) {
            comma = 1;
            q += sk;
        }
    }
    if (nd == 0) return NULL;
    size_t dk = q < end && *q == '.' ? 1 : raw_at(q, end, FW_DOT) ? 3 : 0;
    if (dk && is_dig(q + dk, end)) {
        dot = 1;
        q += dk;
        double f = 0.1;
        while ((d = dig_at(q, end, &k)) >= 0) {
            x += d * f;
            f /= 10;
            q += k;
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
        /* "$40" or "RMB 40" / "USD 40" / "人民币 40" (space allowed for words) */
        unsigned char last = (unsigned char)cur_before[i].lit[n - 1];
        if (ea_is_alpha(last) || last == '.' || last >= 0x80)
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
static cp_t parse_zh(const scan_t *s, cp_t p, cp_t pct, ea_qty *o, int allow_range, int *report);
static cp_t read_range(const scan_t *s, ea_qty *o, cp_t st, cp_t q, char code[4]);

/* A loss or a minus sign in Chinese right before st: 亏损3,000万元, 负3%. */
static int neg_zh_before(cp_t b, cp_t st) {
    return lit_before(b, st, "亏损") || lit_before(b, st, "虧損") || lit_before(b, st, "负") ||
           lit_before(b, st, "負");
}

/* ---- Chinese numerals ------------------------------------------------- */

typedef struct {
    double value; /* 一亿二千万: 120,000,000 */
    double top;   /* the largest scale named: 1, 1e4, 1e8 or 1e12 */
    int vague;    /* 十几亿 */
    int more;     /* 十多亿, 三千余万, 一亿多 */
    int decimal;  /* 一点五 */
} zhnum_t;

/* Reads a Chinese numeral at p: 一亿二千万, 三千五百万, 两百亿, 十二亿,
 * 一点五亿, 一万五 (= 15,000), 一千零五, 二〇二四. With `bare`, 百 and 千
 * may start it (百亿 = 10,000,000,000). Returns the end, or NULL when p
 * starts no numeral. Reads each character once; groups are combined as
 * they close, so no character is looked at twice. */
static cp_t read_zh_num(cp_t p, cp_t end, zhnum_t *z, int bare) {
    double yi = 0, wan = 0, sec = 0, num = 0;
    double last = 0;         /* the multiplier last read (unit or scale) */
    double sec_unit = 1e9;   /* units inside a group go down: 千 百 十 */
    int have = 0, run = 0, zero = 0;
    cp_t q = p;
    memset(z, 0, sizeof *z);
    z->top = 1;
    while (q < end) {
        const zh_char_t *c = zh_at(q, end);
        if (!c) break;
        if (c->kind & ZK_DIG) {
            if (!have) {
                num = c->v;
                have = run = 1;
                zero = c->v == 0;
            } else if (zero && num == 0 && last != 0) { /* 一千零五 */
                num = c->v;
            } else if (last == 0 && !z->decimal) { /* 二〇二四: digit by digit */
                num = num * 10 + c->v;
                run++;
            } else {
                break;
            }
        } else if (c->kind & ZK_UNIT) {
            if (!have) {
                /* 十二 = 12; 百亿 only when asked */
                if (c->v == 10 || (bare && q == p)) num = 1;
                else break;
            }
            if (run > 1 || c->v >= sec_unit || z->decimal) break;
            sec += num * c->v;
            sec_unit = c->v;
            last = c->v;
            num = 0;
            have = run = zero = 0;
        } else if (c->kind & ZK_SCALE) {
            double g = sec + num;
            if (c->v == 1e4) {
                if (g == 0 || wan != 0) break;
                wan = g * 1e4;
                if (z->top < 1e4) z->top = 1e4;
            } else {
                if (g == 0 && wan == 0) break;
                z->top = wan != 0 ? 1e12 : z->top < 1e8 ? 1e8 : z->top; /* 一万亿: 1e12 */
                yi = (yi + wan + g) * 1e8;
                wan = 0;
            }
            sec = num = 0;
            sec_unit = 1e9;
            last = c->v;
            have = run = zero = 0;
            if (z->decimal) { /* 一点五亿: the scale ends it */
                q += 3;
                break;
            }
        } else if (c->kind & ZK_POINT) {
            /* 一点五; not 一点 ("a little") nor 三点 ("three o'clock") */
            const zh_char_t *d = zh_at(q + 3, end);
            if (!have || z->decimal || run > 1 || !d || !(d->kind & ZK_DIG)) break;
            z->decimal = 1;
            double f = 0.1;
            q += 3;
            while ((d = zh_at(q, end)) && (d->kind & ZK_DIG)) {
                num += d->v * f;
                f /= 10;
                q += 3;
            }
            continue;
        } else if (c->kind & ZK_MORE) {
            if (have || last < 10) break; /* 十多, 千余, 亿多 */
            z->more = 1;
        } else if (c->kind & ZK_VAGUE) {
            if (have || last < 10) break; /* 十几 */
            z->vague = 1;
            have = 1;
            num = 0;
        } else {
            break;
        }
        q += 3;
    }
    if (q == p || (last == 0 && !have)) return NULL;
    /* 一万五 = 15,000, 两千五 = 2,500, 一亿二 = 120 million: a last digit
       right after a multiplier counts that multiplier's tenths */
    if (have && run == 1 && !zero && !z->decimal && last >= 100) num *= last / 10;
    z->value = yi + wan + sec + num;
    return q;
}

/* 成 after a number: tenths (三成 = 30%, 两成五 = 25%). Not 成本 (cost),
 * 成长 (growth), 成为 (become), ... Returns the bytes read or 0. */
static size_t tenths_at(cp_t r, cp_t end, ea_qty *o) {
    static const char blocked[] = "本长長为為功立熟果品交绩績员員就效败敗型形都了";
    if (!raw_at(r, end, "成") || o->stated <= 0 || o->stated > 10) return 0;
    if (end - r >= 6)
        for (size_t i = 0; i + 3 <= sizeof blocked - 1; i += 3)
            if (!memcmp(r + 3, blocked + i, 3)) return 0;
    size_t k = 3;
    /* 两成五: one more digit, when nothing after it makes it a count */
    const zh_char_t *d = zh_at(r + 3, end);
    if (d && (d->kind & ZK_DIG) && d->v > 0) {
        static const char after_no[] = "年月日个個倍天家位名次成点點万萬亿億十百千";
        const zh_char_t *n2 = zh_at(r + 6, end);
        int ok = !(n2 && (n2->kind & (ZK_DIG | ZK_UNIT | ZK_SCALE | ZK_POINT)));
        if (ok && end - r >= 9)
            for (size_t i = 0; i + 3 <= sizeof after_no - 1; i += 3)
                if (!memcmp(r + 6, after_no + i, 3)) ok = 0;
        if (ok) {
            o->stated += d->v / 10;
            k = 6;
        }
    }
    o->unit = EA_U_PCT;
    o->flags |= EA_Q_TENTHS | EA_Q_ZH;
    return k;
}

/* "1亿2000万", "1亿两千万": the group below 亿 after "1亿". */
static cp_t lower_group(const scan_t *s, cp_t r, ea_qty *o) {
    cp_t end = s->end;
    if (is_dig(r, end)) {
        double v;
        int c, nd, dt;
        size_t k = 0;
        cp_t t = read_digits(r, end, &v, &c, &nd, &dt);
        double sc = 0;
        if ((k = raw_at(t, end, "千万")) || (k = raw_at(t, end, "千萬"))) sc = 1e7;
        else if ((k = raw_at(t, end, "万")) || (k = raw_at(t, end, "萬"))) sc = 1e4;
        if (!sc || v * sc >= 1e8) return r;
        o->stated += v * sc / 1e8;
        return t + k;
    }
    const zh_char_t *c = zh_at(r, end);
    if (c && (c->kind & ZK_START)) {
        zhnum_t z;
        cp_t t = read_zh_num(r, end, &z, 0);
        if (t && z.top == 1e4 && z.value < 1e8 && !z.vague && !z.more) {
            o->stated += z.value / 1e8;
            return t;
        }
    }
    return r;
}

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
    /* periods: 1季度, 24财年 */
    if (!has_cur && ((k = raw_at(r, end, "季度")) || (k = raw_at(r, end, "财年")) || (k = raw_at(r, end, "財年")) ||
                     (k = raw_at(r, end, "年度")))) {
        o->flags |= EA_Q_NOTVALUE;
        o->why_not = "a period";
        return r + k;
    }
    /* tenths: 3成, 三成, 两成五 */
    if (!has_cur && !(o->flags & EA_Q_SCALED) && (k = tenths_at(r, end, o))) return r + k;
    /* Chinese scale and currency; 1,000多万 / 30余亿: "and more" before the scale */
    cp_t rs = r;
    if ((k = raw_at(r, end, "多")) || (k = raw_at(r, end, "余")) || (k = raw_at(r, end, "餘"))) rs = r + k;
    for (size_t i = 0; i < sizeof scales_zh / sizeof scales_zh[0]; i++) {
        if ((k = raw_at(rs, end, scales_zh[i].lit))) {
            o->scale = scales_zh[i].scale;
            o->flags |= EA_Q_SCALED | EA_Q_ZH;
            if (rs > r) o->flags |= EA_Q_APPROX | EA_Q_MORE;
            r = rs + k;
            q = r;
            /* 亿多 / 万多: "and more" */
            if ((k = raw_at(r, end, "多")) || (k = raw_at(r, end, "余")) || (k = raw_at(r, end, "餘"))) {
                o->flags |= EA_Q_APPROX | EA_Q_MORE;
                r += k;
                q = r;
            } else if (o->scale == 1e8) {
                q = r = lower_group(s, r, o);
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
    /* "pp": how earnest's own digests and many notes write points */
    if (r > q && ((k = lit_at(r, end, "points")) || (k = lit_at(r, end, "point")) || (k = lit_at(r, end, "pp"))) &&
        !(o->flags & EA_Q_SCALED)) {
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
    if (o->unit == EA_U_PCT && (o->flags & EA_Q_TENTHS))
        o->value = o->stated * 10; /* 三成 = 30% */
    else if (o->unit == EA_U_PCT || o->unit == EA_U_PP || o->unit == EA_U_BPS || o->unit == EA_U_TIMES)
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

/* "两个超过10%的客户", "增长超过10%的客户", "10%以上的客戶": a bound on a
 * percent that picks out customers is a threshold, as "two greater than
 * 10% customers" is, not a figure. Called once the bounds words before and
 * after are read; q is where the phrase ends. */
static void zh_threshold(const scan_t *s, cp_t q, ea_qty *o) {
    if (o->unit != EA_U_PCT || !(o->flags & EA_Q_MORE) || (o->flags & EA_Q_NOTVALUE)) return;
    cp_t r = skip_sp(q, s->end);
    size_t k;
    if ((k = raw_at(r, s->end, "的"))) r = skip_sp(r + k, s->end);
    if (raw_at(r, s->end, "客户") || raw_at(r, s->end, "客戶")) {
        o->flags |= EA_Q_NOTVALUE;
        o->why_not = "a threshold in a name";
    }
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
    /* 百分之30 = 30% */
    cp_t pz = lit_before(b, st, "百分之");
    if (pz && !cs && (o->unit == EA_U_NONE || o->unit == EA_U_PCT) && !(o->flags & EA_Q_SCALED)) {
        o->unit = EA_U_PCT;
        o->flags |= EA_Q_ZH;
        st = pz;
    }
    st = approx_before(s, st, o);
    if (lit_before(b, st, "negative") || lit_before(b, st, "minus") || lit_before(b, st, "loss of") ||
        lit_before(b, st, "loss of just") || lit_before(b, st, "deficit of") || neg_zh_before(b, st))
        o->flags |= EA_Q_NEG;
    zh_threshold(s, q, o);
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
        if (lit_before(b, st, "第")) { /* 第3季度, 第2名 */
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "ordinal";
        }
    }
    o->start = (size_t)(st - b);
    o->end = (size_t)(q - b);
    if (allow_range && !(o->flags & EA_Q_NOTVALUE)) q = read_range(s, o, st, q, code);
    if (!(o->flags & EA_Q_RANGE) && (o->flags & EA_Q_NEG)) o->value = -o->value;
    return q;
}

/* Ranges: "X to Y", "X-Y", "between X and Y", "X至Y", "三千万至五千万美元".
 * o is the first number, [st, q) its phrase; `code` its currency. Merges
 * the second number into o and returns the end of the range, or q. */
static cp_t read_range(const scan_t *s, ea_qty *o, cp_t st, cp_t q, char code[4]) {
    cp_t b = s->b, end = s->end;

    {
        cp_t r = skip_sp(q, end);
        size_t k = 0;
        int between = lit_before(b, st, "between") != NULL || lit_before(b, st, "from") != NULL ||
                      lit_before(b, st, "range of") != NULL;
        int neg2 = 0;
        size_t ko;
        if (!(o->flags & EA_Q_SCALED) && o->unit == EA_U_CUR && (ko = lit_at(r, end, "or"))) {
            cp_t t = skip_sp(r + ko, end);
            char c2[4];
            cp_t dd = t;
            while (dd < end && !ea_is_digit(*dd) && dd - t < 4) dd++;
            if (is_dig(dd, end) && (dd == t || currency_before(s, dd, c2) == t)) {
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
            for (int guard = 0; guard < 6 && dd < end && !is_dig(dd, end); guard++) dd++;
            const zh_char_t *zc = zh_at(t, end);
            int zh2 = zc && (zc->kind & ZK_START);
            if (zh2 || (is_dig(dd, end) && (dd == t || currency_before(s, dd, code) == t ||
                                            (*t == '(' && dd == t + 1) || (*t == '-' && dd == t + 1) ||
                                            (t[0] == '(' && currency_before(s, dd, code) == t + 1)))) {
                ea_qty o2;
                int rep2 = 1;
                if (zh2) parse_zh(s, t, NULL, &o2, 0, &rep2);
                else parse_one(s, dd, &o2, 0);
                int same_kind = !(o2.flags & EA_Q_NOTVALUE) &&
                                (o2.unit == o->unit || o->unit == EA_U_NONE || o2.unit == EA_U_NONE ||
                                 (o->unit == EA_U_CUR && o2.unit == EA_U_CUR));
                if (same_kind && rep2 && o2.stated >= 0) {
                    if (o->unit == EA_U_NONE && o2.unit != EA_U_NONE) {
                        o->unit = o2.unit;
                        memcpy(o->cur, o2.cur, 4);
                        o->flags |= o2.flags & EA_Q_TENTHS; /* 两到三成 */
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
    return q;
}

/* A quantity in Chinese numerals at p (a ZK_START character, or 百/千
 * before a scale). `pct` points at 百分之 right before p, or is NULL. Sets
 * *report to 0 when the numeral is no quantity we read (一些, 一季度 read
 * as a period is reported; 三个 is not: a bare count of nothing named, like
 * "three customers"). Returns the end of what it read (past p). */
static cp_t parse_zh(const scan_t *s, cp_t p, cp_t pct, ea_qty *o, int allow_range, int *report) {
    cp_t b = s->b, end = s->end;
    memset(o, 0, sizeof *o);
    o->scale = 1;
    *report = 0;
    const zh_char_t *c0 = zh_at(p, end);
    int bare = c0 && (c0->kind & ZK_BARE) && !(c0->kind & ZK_START);
    zhnum_t z;
    cp_t q = read_zh_num(p, end, &z, bare);
    if (!q) return p + 3;
    if (bare && z.top == 1) return q; /* 千方百计: 百 and 千 alone are words */
    o->stated = z.value / z.top;
    o->scale = z.top;
    o->num_start = (size_t)(p - b);
    o->flags |= EA_Q_ZH | EA_Q_WORDS;
    if (z.top > 1) o->flags |= EA_Q_SCALED;
    if (z.more) o->flags |= EA_Q_APPROX | EA_Q_MORE;
    char code[4] = {0};
    cp_t st = pct ? pct : p;
    cp_t cs = pct ? NULL : currency_before(s, p, code);
    if (cs) {
        memcpy(o->cur, code, 4);
        o->unit = EA_U_CUR;
        st = cs;
    }
    if (pct) o->unit = EA_U_PCT;
    else q = after_number(s, q, o, cs != NULL, 0, z.decimal, 0);
    if (!(o->flags & EA_Q_NOTVALUE)) q = share_after(s, q, o);
    q = approx_after(s, q, o);
    st = approx_before(s, st, o);
    if (neg_zh_before(b, st)) o->flags |= EA_Q_NEG;
    zh_threshold(s, q, o);
    finish_value(o);
    if (!(o->flags & EA_Q_NOTVALUE)) {
        if (o->unit == EA_U_TIMES) { /* 增长一倍, 翻两倍: "doubled", a change said in words */
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "a multiple in words";
        } else if (z.vague || lit_before(b, p, "几") || lit_before(b, p, "幾") || lit_before(b, p, "数") ||
            lit_before(b, p, "數")) { /* 十几亿, 数十亿: some billions */
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "a vague amount";
        } else if (lit_before(b, p, "第")) { /* 第一, 第三季度 */
            o->flags |= EA_Q_NOTVALUE;
            o->why_not = "ordinal";
        }
    }
    /* 百亿, 千万: only money ("千万不要" is "by no means") */
    if (bare && o->unit != EA_U_CUR) return q;
    o->start = (size_t)(st - b);
    o->end = (size_t)(q - b);
    if (allow_range && !(o->flags & EA_Q_NOTVALUE)) q = read_range(s, o, st, q, code);
    if (!(o->flags & EA_Q_RANGE) && (o->flags & EA_Q_NEG)) o->value = -o->value;
    *report = (o->flags & EA_Q_NOTVALUE) || o->unit != EA_U_NONE || (o->flags & EA_Q_SCALED);
    return q;
}

/* 两位数增长, 高个位数: a range of percents, as "mid-single digits". */
static cp_t parse_zh_digit_words(const scan_t *s, cp_t p, ea_qty *o) {
    for (size_t i = 0; i < sizeof zh_digit_words / sizeof zh_digit_words[0]; i++) {
        const lit_t *w = &zh_digit_words[i].w;
        if ((size_t)(s->end - p) < w->n || memcmp(p, w->s, w->n) != 0) continue;
        memset(o, 0, sizeof *o);
        o->scale = 1;
        o->unit = EA_U_PCT;
        o->flags |= EA_Q_RANGE | EA_Q_APPROX | EA_Q_WORDS | EA_Q_ZH;
        o->low = o->stated = zh_digit_words[i].lo;
        o->high = o->stated_high = zh_digit_words[i].hi;
        o->value = (o->low + o->high) / 2;
        o->num_start = (size_t)(p - s->b);
        cp_t st = approx_before(s, p, o);
        o->start = (size_t)(st - s->b);
        o->end = (size_t)(p + w->n - s->b);
        return p + w->n;
    }
    return NULL;
}

/* At a character of zh_chars that may start something: digit-range words,
 * 百分之, or a numeral. Returns the end of what it read (past p) or NULL
 * when nothing starts here; *report says whether o holds a quantity. */
static cp_t parse_cjk(const scan_t *s, cp_t p, const zh_char_t *c, ea_qty *o, int *report) {
    cp_t end = s->end, e;
    *report = 0;
    if ((c->kind & ZK_WORDS) && (e = parse_zh_digit_words(s, p, o))) {
        *report = 1;
        return e;
    }
    if ((c->kind & ZK_PCT) && raw_at(p, end, "百分之")) {
        cp_t t = p + strlen("百分之");
        const zh_char_t *c2 = zh_at(t, end);
        if (c2 && (c2->kind & ZK_START)) return parse_zh(s, t, p, o, 1, report);
        if (raw_at(t, end, "百")) { /* 百分之百 */
            memset(o, 0, sizeof *o);
            o->scale = 1;
            o->unit = EA_U_PCT;
            o->stated = o->value = 100;
            o->flags = EA_Q_ZH | EA_Q_WORDS;
            o->start = o->num_start = (size_t)(p - s->b);
            o->end = (size_t)(t + 3 - s->b);
            *report = 1;
            return t + 3;
        }
        return t; /* 百分之30: the digits read it */
    }
    if (c->kind & (ZK_START | ZK_BARE)) return parse_zh(s, p, NULL, o, 1, report);
    return NULL;
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
        if (c >= 0xE3 && c <= 0xE9) {
            /* an ideograph: a Chinese numeral may start here */
            const zh_char_t *z = zh_at(p, end);
            if (z && (z->kind & (ZK_START | ZK_BARE | ZK_WORDS))) {
                int report = 0;
                cp_t e = parse_cjk(&s, p, z, &q, &report);
                if (e) {
                    if (report) {
                        if (q.start < last_end) q.start = last_end;
                        if (q.end < q.start) q.end = q.start;
                        last_end = q.end;
                        count++;
                        if (cb(ctx, &q)) return count;
                    }
                    p = e > p ? e : p + 3;
                    continue;
                }
            }
            p += end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 ? 3 : 1;
            continue;
        }
        if (ea_is_digit(c) || (c == 0xEF && is_dig(p, end))) {
            /* not inside a word or a number we already passed */
            if (p > s.b && (dig_before(s.b, p) ||
                            ((p[-1] == ',' || p[-1] == '.') && dig_before(s.b, p - 1)) ||
                            (p - s.b >= 3 && (raw_at(p - 3, end, FW_COMMA) || raw_at(p - 3, end, FW_DOT)) &&
                             dig_before(s.b, p - 3)))) {
                p += c == 0xEF ? 3 : 1;
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
