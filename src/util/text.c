#include "text.h"

#include <string.h>

#include "zh_variant_table.h" /* generated from data/zh_variants.txt */

ea_str ea_trim(ea_str s) {
    const unsigned char *p = (const unsigned char *)s.ptr;
    size_t a = 0, b = s.len;
    for (;;) {
        if (a < b && ea_is_space(p[a])) a++;
        else if (b - a >= 3 && p[a] == 0xE3 && p[a + 1] == 0x80 && p[a + 2] == 0x80) a += 3;
        else if (b - a >= 2 && p[a] == 0xC2 && p[a + 1] == 0xA0) a += 2;
        else break;
    }
    for (;;) {
        if (b > a && ea_is_space(p[b - 1])) b--;
        else if (b - a >= 3 && p[b - 3] == 0xE3 && p[b - 2] == 0x80 && p[b - 1] == 0x80) b -= 3;
        else if (b - a >= 2 && p[b - 2] == 0xC2 && p[b - 1] == 0xA0) b -= 2;
        else break;
    }
    return ea_str_make(s.ptr ? s.ptr + a : s.ptr, b - a);
}

int ea_starts(ea_str a, const char *lit) {
    size_t n = strlen(lit);
    return a.len >= n && memcmp(a.ptr, lit, n) == 0;
}

/* Bytes of w that equal the lower-case byte f, or its capital when f is a
 * letter (c | 0x20 is f only for f and its capital), as ea_zero_bytes. */
static inline uint64_t bytes_like(uint64_t w, unsigned char f) {
    uint64_t fold = ea_is_lower(f) ? 0x2020202020202020ull : 0;
    return ea_zero_bytes((w | fold) ^ (0x0101010101010101ull * f));
}

static int iequal_at(const unsigned char *p, const unsigned char *l, size_t n) {
    for (size_t k = 0; k < n; k++)
        if (ea_lower(p[k]) != ea_lower(l[k])) return 0;
    return 1;
}

/* Hot (keyword scans over every line and over whole sniffing windows):
 * eight candidate positions at a time are ruled out unless one has both
 * the first and the last byte of lit (either case); those are compared in
 * place, in order, so the first match found is the leftmost. */
const char *ea_ifind_n(ea_str hay, const char *lit, size_t n) {
    if (n == 0) return hay.ptr;
    if (hay.len < n) return NULL;
    const unsigned char *l = (const unsigned char *)lit, *p = (const unsigned char *)hay.ptr;
    size_t npos = hay.len - n + 1, i = 0; /* match positions 0 .. npos - 1 */
    unsigned char f = ea_lower(l[0]), g = ea_lower(l[n - 1]);
    for (; npos - i >= 8; i += 8) {
        uint64_t a, z;
        memcpy(&a, p + i, 8);
        memcpy(&z, p + i + n - 1, 8); /* the bytes n - 1 further on: within hay */
        if (!(bytes_like(a, f) & bytes_like(z, g))) continue;
        for (size_t j = i; j < i + 8; j++)
            if (iequal_at(p + j, l, n)) return (const char *)(p + j);
    }
    for (; i < npos; i++)
        if (iequal_at(p + i, l, n)) return (const char *)(p + i);
    return NULL;
}

const char *ea_find_n(ea_str hay, const char *lit, size_t n) {
    if (n == 0) return hay.ptr;
    if (hay.len < n) return NULL;
    /* memchr for the first byte of lit that is not a space (" -- " would
       otherwise stop at every space of the text); a match starts k before */
    size_t k = 0;
    while (k + 1 < n && lit[k] == ' ') k++;
    const char *p = hay.ptr + k, *end = hay.ptr + (hay.len - n) + k + 1;
    while (p < end) {
        const char *q = memchr(p, lit[k], (size_t)(end - p));
        if (!q) return NULL;
        if (memcmp(q - k, lit, n) == 0) return q - k;
        p = q + 1;
    }
    return NULL;
}

int ea_utf8_next(const unsigned char *p, const unsigned char *end, uint32_t *cp) {
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1Fu; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0Fu; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07u; min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (end - p < n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (p[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return n;
}

size_t ea_utf8_valid_prefix(const unsigned char *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        /* fast path over ASCII, 8 bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        /* three bytes with a lead other than E0 (overlong forms) and ED
           (surrogates): valid when both others are continuation bytes; the
           common case of Chinese text */
        if (p[i] >= 0xE1 && p[i] <= 0xEF && p[i] != 0xED && n - i >= 3 && (p[i + 1] & 0xC0) == 0x80 &&
            (p[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        uint32_t cp;
        int k = ea_utf8_next(p + i, p + n, &cp);
        if (cp == 0xFFFD && !(k == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD))
            return i;
        i += (size_t)k;
    }
    return n;
}

size_t ea_utf8_floor(const char *p, size_t n) {
    const unsigned char *u = (const unsigned char *)p;
    size_t i = n, back = 0;
    while (i > 0 && back < 4 && (u[i - 1] & 0xC0) == 0x80) {
        i--;
        back++;
    }
    if (i == 0) return n; /* not UTF-8 at all; leave as is */
    unsigned char lead = u[i - 1];
    int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (need == 1) return n;
    if ((size_t)need == back + 1) return n;
    return i - 1;
}

int ea_lines_next(ea_lines *it, size_t *start, size_t *end) {
    if (it->pos >= it->n) return 0;
    const char *p = it->base + it->pos;
    const char *nl = memchr(p, '\n', it->n - it->pos);
    size_t s = it->pos, e = nl ? (size_t)(nl - it->base) : it->n;
    it->pos = nl ? e + 1 : it->n;
    if (e > s && it->base[e - 1] == '\r') e--;
    *start = s;
    *end = e;
    it->lineno++;
    return 1;
}

static int zh_bit(const uint8_t *bits, uint32_t cp) {
    uint32_t i = cp - EA_ZH_BITS_FIRST;
    return cp >= EA_ZH_BITS_FIRST && cp <= 0xFFFF && (bits[i >> 3] >> (i & 7) & 1u);
}
/* ea_lang_count reads the bitmaps from U+3400 on without a range check */
_Static_assert(EA_ZH_BITS_FIRST <= 0x3400, "the script bitmaps cover U+3400 on");

size_t ea_ascii_prefix(const char *s, size_t n) {
    size_t i = 0;
    for (; n - i >= 8; i += 8) { /* eight bytes at a time while no high bit is set */
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) break;
    }
    while (i < n && (unsigned char)s[i] < 0x80) i++;
    return i;
}

size_t ea_count_high(const char *s, size_t n) {
    size_t i = 0, count = 0;
    /* eight at a time: bit 7 of each byte moved to bit 0 of that byte, and
       the eight bytes summed into the top one by the multiplication */
    for (; n - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        w = (w >> 7) & 0x0101010101010101ull;
        count += (size_t)((w * 0x0101010101010101ull) >> 56);
    }
    for (; i < n; i++) count += (unsigned char)s[i] >> 7;
    return count;
}

void ea_lang_count(const char *s, size_t n, size_t cap, ea_lang_counts *c) {
    const unsigned char *p = (const unsigned char *)s, *end = p + (n < cap ? n : cap);
    /* tallies in locals: stores through c could alias the text */
    uint32_t latin = 0, cjk = 0, simp = 0, trad = 0;
    while (p < end) {
        unsigned lead = *p;
        if (lead < 0x80) {
            if (ea_is_alpha((unsigned char)lead)) latin++;
            p++;
            continue;
        }
        uint32_t cp;
        /* ideographs up to U+9FFF are three bytes, E3..E9: decoded here;
           in U+3000..U+9FFF ea_is_cjk is U+3400..U+4DBF and U+4E00 on, and
           the script bitmaps need no range check */
        unsigned c1, c2; /* continuation bytes, less 0x80: under 0x40 */
        if (lead - 0xE3u <= 6u && end - p >= 3 && ((c1 = p[1] ^ 0x80u) | (c2 = p[2] ^ 0x80u)) < 0x40u) {
            cp = (uint32_t)(lead & 0x0F) << 12 | c1 << 6 | c2;
            p += 3;
            if (cp >= 0x3400 && (cp < 0x4DC0 || cp >= 0x4E00)) {
                uint32_t i = cp - EA_ZH_BITS_FIRST;
                cjk++;
                if (ea_zh_simp_bits[i >> 3] >> (i & 7) & 1u) simp++;
                else if (ea_zh_trad_bits[i >> 3] >> (i & 7) & 1u) trad++;
            }
            continue;
        }
        p += ea_utf8_next(p, end, &cp);
        if (ea_is_cjk(cp)) {
            cjk++;
            if (zh_bit(ea_zh_simp_bits, cp)) simp++;
            else if (zh_bit(ea_zh_trad_bits, cp)) trad++;
        }
    }
    c->latin += latin;
    c->cjk += cjk;
    c->simp += simp;
    c->trad += trad;
}

ea_lang ea_lang_guess(const ea_lang_counts *c) {
    /* An ideograph carries about as much text as a 3-letter stretch. */
    if (c->cjk == 0 && c->latin == 0) return EA_LANG_UNKNOWN;
    if ((uint64_t)c->cjk * 3 >= c->latin) {
        if (c->trad > c->simp) return EA_LANG_ZH_HANT;
        return EA_LANG_ZH_HANS;
    }
    return EA_LANG_EN;
}

ea_lang ea_lang_detect(const char *p, size_t n) {
    ea_lang_counts c = {0, 0, 0, 0};
    ea_lang_count(p, n, 4096, &c);
    return ea_lang_guess(&c);
}

uint32_t ea_pair_map(const uint32_t *pairs, size_t n, uint32_t cp) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t s = pairs[mid] >> 16;
        if (s == cp) return pairs[mid] & 0xFFFF;
        if (s < cp) lo = mid + 1;
        else hi = mid;
    }
    return cp;
}

uint32_t ea_zh_hant_of(uint32_t cp) { return ea_pair_map(ea_zh_s2t, EA_ZH_S2T_N, cp); }

size_t ea_utf8_put(char out[4], uint32_t cp) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
