#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void ea_buf_init(ea_buf *b, size_t max) {
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->max = max ? max : SIZE_MAX / 2;
    b->failed = 0;
}

int ea_buf_reserve(ea_buf *b, size_t extra) {
    if (b->failed) return -1;
    if (extra > b->max || b->len > b->max - extra) {
        b->failed = 1;
        return -1;
    }
    size_t need = b->len + extra + 1; /* room for a terminator */
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap = cap > SIZE_MAX / 4 ? need : cap * 2;
    char *p = realloc(b->ptr, cap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    b->ptr = p;
    b->cap = cap;
    return 0;
}

int ea_buf_append(ea_buf *b, const void *p, size_t n) {
    if (n == 0) return b->failed ? -1 : 0;
    if (ea_buf_reserve(b, n)) return -1;
    memcpy(b->ptr + b->len, p, n);
    b->len += n;
    return 0;
}

int ea_buf_putc_slow(ea_buf *b, char c) {
    if (ea_buf_reserve(b, 1)) return -1;
    b->ptr[b->len++] = c;
    return 0;
}

int ea_buf_puts(ea_buf *b, const char *s) { return ea_buf_append(b, s, strlen(s)); }

int ea_buf_putu(ea_buf *b, unsigned long long v) {
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return ea_buf_append(b, tmp + i, sizeof tmp - i);
}

int ea_buf_puti(ea_buf *b, long long v) {
    if (v < 0) {
        if (ea_buf_putc(b, '-')) return -1;
        return ea_buf_putu(b, (unsigned long long)(-(v + 1)) + 1u);
    }
    return ea_buf_putu(b, (unsigned long long)v);
}

int ea_buf_terminate(ea_buf *b) {
    if (ea_buf_reserve(b, 0)) return -1;
    b->ptr[b->len] = 0;
    return 0;
}

char *ea_buf_detach(ea_buf *b, size_t *len) {
    if (ea_buf_terminate(b)) return NULL;
    char *p = b->ptr;
    if (len) *len = b->len;
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}

void ea_buf_free(ea_buf *b) {
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}
