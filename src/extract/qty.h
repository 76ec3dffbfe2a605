/* Private: quantities in text. One left-to-right pass over a paragraph finds
 * every number phrase, reads its value, scale, currency or unit, range and
 * sign, and marks the ones that are not financial values (product names,
 * years, dates, form numbers, phone numbers, ranks).
 *
 * Number forms read: ASCII and full-width digits (４，０７０．５％), English
 * scale words and number words, Chinese scales after digits (1.2万亿,
 * 4,070万美元), Chinese numerals (一亿二千万, 三千五百万, 两百亿, 一点五亿,
 * 一万五), tenths (三成, 两成五), 百分之三十, and digit-range words
 * (mid-single digits, 两位数 / 双位数, 高个位数). docs/facts.md lists them. */
#ifndef EA_QTY_H
#define EA_QTY_H
#include <stddef.h>
#include <stdint.h>

#include "earnest/earnest.h"

typedef enum {
    EA_U_NONE = 0, /* a bare count or number */
    EA_U_PCT,      /* percent */
    EA_U_PP,       /* percentage points */
    EA_U_BPS,      /* basis points */
    EA_U_TIMES,    /* 1.2x */
    EA_U_CUR       /* a currency: see cur[] */
} ea_unit_kind;

enum {
    EA_Q_APPROX = 1u << 0,    /* about, nearly, more than, 约, 左右 */
    EA_Q_RANGE = 1u << 1,     /* low..high */
    EA_Q_NEG = 1u << 2,       /* (0.31), minus, negative, a loss of */
    EA_Q_PER_SHARE = 1u << 3, /* per share, per diluted share */
    EA_Q_SHARES = 1u << 4,    /* counts shares */
    EA_Q_NOTVALUE = 1u << 5,  /* a product name, year, date, form, rank... */
    EA_Q_YEAR = 1u << 6,      /* a 4-digit year (also NOTVALUE) */
    EA_Q_WORDS = 1u << 7,     /* written in words (twelve million) */
    EA_Q_SCALED = 1u << 8,    /* had a scale word (million, 万) */
    EA_Q_ZH = 1u << 9,        /* Chinese number form */
    EA_Q_MORE = 1u << 10,     /* more than / over / 超过 (a lower bound) */
    EA_Q_LESS = 1u << 11,     /* less than / under / 不到 (an upper bound) */
    EA_Q_TENTHS = 1u << 12    /* 成: the number counts tenths (三成 = 30%,
                                 两成五 = 25%); stated 3 / 2.5, value 30 / 25 */
};

typedef struct {
    size_t start, end;    /* the phrase, byte offsets in the scanned text */
    size_t num_start;     /* where the first digit (or word) begins */
    double value;         /* base units: 40.7e6 for "$40.7 million", 18.9 for 18.9% */
    double low, high;     /* for ranges (EA_Q_RANGE), base units */
    double stated;        /* the first number as written: 40.7 */
    double stated_high;   /* the second number of a range as written */
    double scale;         /* 1, 1e3, 1e6, 1e9, 1e4 (万), 1e8 (亿); for Chinese
                             numerals the largest scale named (一亿二千万:
                             scale 1e8, stated 1.2) */
    ea_unit_kind unit;
    char cur[4];          /* "USD", "CNY", "EUR", "GBP", "JPY", "TWD", "HKD", ... */
    unsigned flags;
    const char *why_not;  /* static reason when EA_Q_NOTVALUE */
} ea_qty;

/* Scan [p, p+n) (UTF-8). Calls `cb` for each quantity, in order; stops when
 * cb returns non-zero. Linear in n. Returns the number found. */
typedef int (*ea_qty_cb)(void *ctx, const ea_qty *q);
size_t ea_qty_scan(const char *p, size_t n, ea_qty_cb cb, void *ctx);

/* Format a value for people: "$40.7M", "18.9%", "$0.31", "4,070万美元". */
size_t ea_qty_format(double value, ea_unit_kind unit, const char *cur, int per_share, char *out,
                     size_t cap);
#endif
