/* A growable byte buffer with a hard maximum size. */
#ifndef EA_BUF_H
#define EA_BUF_H
#include <stddef.h>

typedef struct ea_buf {
    char *ptr;
    size_t len, cap, max; /* max == 0: SIZE_MAX/2 */
    int failed;           /* sticky: an append failed (no memory / max) */
} ea_buf;

void ea_buf_init(ea_buf *b, size_t max);
/* Returns 0 on success, -1 on failure (and sets failed). */
int ea_buf_reserve(ea_buf *b, size_t extra);
int ea_buf_append(ea_buf *b, const void *p, size_t n);
int ea_buf_putc_slow(ea_buf *b, char c);
/* One byte; inline because renderers call it per character. */
static inline int ea_buf_putc(ea_buf *b, char c) {
    if (!b->failed && b->len < b->max && b->len + 1 < b->cap) {
        b->ptr[b->len++] = c;
        return 0;
    }
    return ea_buf_putc_slow(b, c);
}
int ea_buf_puts(ea_buf *b, const char *s); /* NUL-terminated literal */
/* Appends a decimal unsigned / signed number. */
int ea_buf_putu(ea_buf *b, unsigned long long v);
int ea_buf_puti(ea_buf *b, long long v);
/* NUL-terminate without counting it in len. */
int ea_buf_terminate(ea_buf *b);
/* Hands the memory to the caller (free()), resets b. */
char *ea_buf_detach(ea_buf *b, size_t *len);
void ea_buf_free(ea_buf *b);
#endif
