/* One arena per document: bump allocation in chunks, freed all at once. */
#ifndef EA_ARENA_H
#define EA_ARENA_H
#include <stddef.h>

typedef struct ea_arena_chunk ea_arena_chunk;
typedef struct {
    ea_arena_chunk *head;
    size_t chunk_size; /* size of the next ordinary chunk */
    size_t total;      /* bytes obtained from malloc */
} ea_arena;

void ea_arena_init(ea_arena *a, size_t first_chunk);
/* Aligned to 16 bytes. NULL when out of memory or n overflows. */
void *ea_arena_alloc(ea_arena *a, size_t n);
void *ea_arena_calloc(ea_arena *a, size_t count, size_t size);
/* Copy n bytes; the copy is NUL-terminated (n+1 bytes used). */
char *ea_arena_strdup(ea_arena *a, const char *s, size_t n);
void ea_arena_free(ea_arena *a);
#endif
