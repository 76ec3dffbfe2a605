/* A growable array of fixed-size elements in malloc'd memory, with a cap. */
#ifndef EA_VEC_H
#define EA_VEC_H
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    void *ptr;
    size_t n, cap;
} ea_vec;

/* Appends one zeroed element of `size` bytes unless n would exceed `max`.
 * Returns it, or NULL (no memory, or max reached). Pointers into the vector
 * are invalidated by the next push. */
static inline void *ea_vec_push(ea_vec *v, size_t size, size_t max) {
    if (v->n >= max) return NULL;
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        if (cap > max) cap = max;
        if (cap > ((size_t)-1) / size) return NULL;
        void *p = realloc(v->ptr, cap * size);
        if (!p) return NULL;
        v->ptr = p;
        v->cap = cap;
    }
    void *slot = (char *)v->ptr + v->n * size;
    memset(slot, 0, size);
    v->n++;
    return slot;
}

static inline void ea_vec_free(ea_vec *v) {
    free(v->ptr);
    v->ptr = NULL;
    v->n = v->cap = 0;
}
#define EA_VEC_AT(v, T, i) (((T *)(v).ptr)[i])
#endif
