/* Byte and UTF-8 helpers that never depend on locale or signed char. */
#ifndef EA_TEXT_H
#define EA_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "earnest/earnest.h"

static inline int ea_is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
static inline int ea_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline int ea_is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int ea_is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline int ea_is_alpha(unsigned char c) { return ea_is_upper(c) || ea_is_lower(c); }
static inline int ea_is_alnum(unsigned char c) { return ea_is_alpha(c) || ea_is_digit(c); }
static inline unsigned char ea_lower(unsigned char c) {
    return ea_is_upper(c) ? (unsigned char)(c + 32) : c;
}

static inline ea_str ea_str_make(const char *p, size_t n) {
    ea_str s;
    s.ptr = p;
    s.len = n;
    return s;
}
#define EA_LIT(s) ea_str_make((s), sizeof(s) - 1)

/* Bytes of v that are zero get their high bit set (some bytes right above
 * a zero byte may too: a superset, never a miss). */
static inline uint64_t ea_zero_bytes(uint64_t v) {
    return (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;
}

/* The number of ASCII letters (or, with digits set, letters and digits)
 * from p on (p <= end). Word scans call it at every word; eight bytes at a
 * time (where the compiler says how to find the lowest set byte), a word of
 * up to eight bytes costs one step and no mispredicted loop exit. */
static inline size_t ea_word_run(const unsigned char *p, const unsigned char *end, int digits) {
    const unsigned char *q = p;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t h = 0x8080808080808080ull, lo7 = 0x7F7F7F7F7F7F7F7Full;
    while (end - q >= 8) {
        uint64_t w;
        memcpy(&w, q, 8);
        /* per byte, without bit 7: adding 0x80 - x sets bit 7 when the
           byte is >= x, and no carry leaves the byte; bytes >= 0x80 are
           neither letters nor digits */
        uint64_t t = (w | 0x2020202020202020ull) & lo7; /* lower case */
        uint64_t in = (t + 0x1F1F1F1F1F1F1F1Full) & ~(t + 0x0505050505050505ull); /* 'a' .. 'z' */
        if (digits) {
            uint64_t u = w & lo7;
            in |= (u + 0x5050505050505050ull) & ~(u + 0x4646464646464646ull); /* '0' .. '9' */
        }
        uint64_t other = ~(in & ~w) & h;
        if (other) return (size_t)(q - p) + ((size_t)__builtin_ctzll(other) >> 3);
        q += 8;
    }
#endif
    while (q < end && (digits ? ea_is_alnum(*q) : ea_is_alpha(*q))) q++;
    return (size_t)(q - p);
}
static inline size_t ea_letters(const unsigned char *p, const unsigned char *end) { return ea_word_run(p, end, 0); }
static inline size_t ea_alnums(const unsigned char *p, const unsigned char *end) { return ea_word_run(p, end, 1); }

/* Trim ASCII white space and U+3000 / U+00A0 on both ends. */
ea_str ea_trim(ea_str s);
/* ASCII case-insensitive equality / prefix / containment. Inline, so that
 * strlen() folds to a constant for literals; for words from tables the
 * first byte is compared before the length is counted, as most tries fail
 * there. */
static inline int ea_istarts(ea_str a, const char *lit) {
    if (!lit[0]) return 1;
    if (!a.len || ea_lower((unsigned char)a.ptr[0]) != ea_lower((unsigned char)lit[0])) return 0;
    size_t n = strlen(lit);
    if (a.len < n) return 0;
    for (size_t i = 1; i < n; i++)
        if (ea_lower((unsigned char)a.ptr[i]) != ea_lower((unsigned char)lit[i])) return 0;
    return 1;
}
static inline int ea_ieq(ea_str a, const char *lit) {
    if (!a.len) return !lit[0];
    if (ea_lower((unsigned char)a.ptr[0]) != ea_lower((unsigned char)lit[0])) return 0;
    return a.len == strlen(lit) && ea_istarts(a, lit);
}
static inline int ea_iends(ea_str a, const char *lit) {
    size_t n = strlen(lit);
    return a.len >= n && ea_istarts(ea_str_make(a.ptr + a.len - n, n), lit);
}
/* The first occurrence of lit[0..n) in hay (ASCII case-insensitively, or
 * exactly); NULL if none. */
const char *ea_ifind_n(ea_str hay, const char *lit, size_t n);
const char *ea_find_n(ea_str hay, const char *lit, size_t n);
static inline const char *ea_ifind(ea_str hay, const char *lit) { return ea_ifind_n(hay, lit, strlen(lit)); }
static inline const char *ea_find(ea_str hay, const char *lit) { return ea_find_n(hay, lit, strlen(lit)); }
int ea_starts(ea_str a, const char *lit);

/* Decode one UTF-8 code point at p (< end). Returns its length (1..4) and
 * stores the code point; invalid bytes give length 1 and U+FFFD. */
int ea_utf8_next(const unsigned char *p, const unsigned char *end, uint32_t *cp);
/* Encode a code point (<= 0x10FFFF) as UTF-8 into out; returns 1 to 4. */
size_t ea_utf8_put(char out[4], uint32_t cp);
/* Length of the longest valid UTF-8 prefix of [p, p+n). */
size_t ea_utf8_valid_prefix(const unsigned char *p, size_t n);
/* Cut n to a UTF-8 boundary (never splits a sequence). */
size_t ea_utf8_floor(const char *p, size_t n);

static inline int ea_is_cjk(uint32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

/* Iterates over lines of [p, p+n): each line without its "\n" or "\r\n". */
typedef struct {
    const char *base;
    size_t pos, n;
    size_t lineno; /* 1-based number of the line last returned */
} ea_lines;
static inline void ea_lines_init(ea_lines *it, const char *p, size_t n) {
    it->base = p;
    it->pos = 0;
    it->n = n;
    it->lineno = 0;
}
/* Returns 0 at the end; else sets *start, *end (end excludes \r\n). */
int ea_lines_next(ea_lines *it, size_t *start, size_t *end);

/* The length of the longest prefix of [p, p+n) without a byte >= 0x80. */
size_t ea_ascii_prefix(const char *p, size_t n);
/* The number of bytes >= 0x80 in [p, p+n). */
size_t ea_count_high(const char *p, size_t n);

/* Count language evidence in UTF-8 text (bounded to the first `cap` bytes):
 * Latin letters, CJK ideographs, and ideographs that exist only in the
 * Simplified or only in the Traditional script. */
typedef struct {
    uint32_t latin, cjk, simp, trad;
} ea_lang_counts;
void ea_lang_count(const char *p, size_t n, size_t cap, ea_lang_counts *c);
ea_lang ea_lang_guess(const ea_lang_counts *c);
ea_lang ea_lang_detect(const char *p, size_t n);
/* The Traditional form of a Simplified-only ideograph (data/zh_variants.txt);
 * cp itself otherwise. For generated text, not for converting documents. */
uint32_t ea_zh_hant_of(uint32_t cp);
/* In a table of (from << 16 | to) sorted by `from`: the `to` of cp, or cp. */
uint32_t ea_pair_map(const uint32_t *pairs, size_t n, uint32_t cp);
#endif
