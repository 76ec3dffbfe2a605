#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ea_arena_chunk {
    ea_arena_chunk *next;
    size_t used, cap;
    /* data follows, 16-byte aligned */
};

#define HDR ((sizeof(ea_arena_chunk) + 15u) & ~(size_t)15u)

void ea_arena_init(ea_arena *a, size_t first_chunk) {
    a->head = NULL;
    a->chunk_size = first_chunk < 4096 ? 4096 : first_chunk;
    a->total = 0;
}

void *ea_arena_alloc(ea_arena *a, size_t n) {
    if (n > SIZE_MAX - 64) return NULL;
    n = (n + 15u) & ~(size_t)15u;
    if (n == 0) n = 16;
    ea_arena_chunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = a->chunk_size;
        if (cap < n) cap = n;
        if (cap > SIZE_MAX - HDR) return NULL;
        c = malloc(HDR + cap);
        if (!c) return NULL;
        c->cap = cap;
        c->used = 0;
        /* a big one-off block goes behind the current chunk so the current
           chunk's free space stays usable */
        if (a->head && cap > a->chunk_size) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
            if (a->chunk_size < ((size_t)1 << 24)) a->chunk_size *= 2;
        }
        a->total += HDR + cap;
    }
    void *p = (char *)c + HDR + c->used;
    c->used += n;
    return p;
}

void *ea_arena_calloc(ea_arena *a, size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = ea_arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *ea_arena_strdup(ea_arena *a, const char *s, size_t n) {
    if (n == SIZE_MAX) return NULL;
    char *p = ea_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void ea_arena_free(ea_arena *a) {
    ea_arena_chunk *c = a->head;
    while (c) {
        ea_arena_chunk *n = c->next;
        free(c);
        c = n;
    }
    a->head = NULL;
    a->total = 0;
}
