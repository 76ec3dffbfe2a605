/* A tiny assertion harness: CHECK records and goes on; the test ends with
 * "N passed, N failed" (and exit 1 when anything failed). */
#ifndef EA_TEST_HARNESS_H
#define EA_TEST_HARNESS_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnest/earnest.h"

static int th_pass, th_fail, th_skip;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (cond) th_pass++;                                                          \
        else {                                                                        \
            th_fail++;                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                             \
    } while (0)

#define CHECK_MSG(cond, ...)                                              \
    do {                                                                  \
        if (cond) th_pass++;                                              \
        else {                                                            \
            th_fail++;                                                    \
            fprintf(stderr, "%s:%d: check failed: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                                 \
            fputc('\n', stderr);                                          \
        }                                                                 \
    } while (0)

/* str (ptr,len) equals a C string */
#define STR_EQ(s, lit) ((s).len == strlen(lit) && memcmp((s).ptr, (lit), (s).len) == 0)

/* An output sink for the library's writers (ea_write_fn): collects into a
 * growing NUL-terminated buffer; fails once more than `max` bytes would be
 * held (max 0: no limit), to test how writers report a failing sink. */
typedef struct {
    char *buf;
    size_t n, cap, max;
    unsigned calls;
} th_sink;

static inline int th_put(void *ctx, const char *d, size_t len) {
    th_sink *s = ctx;
    if (s->max && s->n + len > s->max) return 1;
    if (s->n + len + 1 > s->cap) {
        size_t cap = (s->n + len + 1) * 2;
        char *p = realloc(s->buf, cap);
        if (!p) return 1;
        s->buf = p;
        s->cap = cap;
    }
    memcpy(s->buf + s->n, d, len);
    s->n += len;
    s->buf[s->n] = 0;
    s->calls++;
    return 0;
}

static inline int th_done(void) {
    printf("%d passed, %d failed", th_pass, th_fail);
    if (th_skip) printf(", %d skipped", th_skip);
    printf("\n");
    return th_fail ? 1 : 0;
}

/* Read a whole file; NULL if missing. */
static inline char *th_read(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            b = realloc(b, cap);
        }
        size_t r = fread(b + n, 1, cap - n, f);
        if (!r) break;
        n += r;
    }
    fclose(f);
    *len = n;
    return b;
}

/* A file of the repository: root (the test's first argument) + "/" + rel;
 * a failed check, and NULL, when it cannot be read. Free it. */
static inline char *th_read_repo(const char *root, const char *rel, size_t *len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    char *data = th_read(path, len);
    CHECK_MSG(data != NULL, "%s not found", path);
    return data;
}

/* Parse `len` bytes and extract their facts, checking both; the facts (the
 * call in *call) or NULL. Free both. */
static inline ea_facts *th_call_facts(const char *data, size_t len, ea_call **call) {
    ea_facts *fs = NULL;
    *call = NULL;
    CHECK(ea_call_parse(data, len, NULL, call, NULL) == EA_OK);
    CHECK(*call && ea_facts_extract(*call, &fs, NULL) == EA_OK);
    return fs;
}

/* The bilingual sample under `shared` (../shared/samples/000_...txt, never
 * copied into the repo); NULL after saying "skipped" when it is absent. */
static inline char *th_read_sample(const char *shared, size_t *len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/samples/000_f972b47517299ea5.txt", shared);
    char *data = th_read(path, len);
    if (!data) printf("skipped: %s not found\n", path);
    return data;
}

/* The call and facts of the repo file rel, for a test run as `TEST SRC
 * ...`; the caller frees *data, the call and the facts. NULL (a failed
 * check) when the file does not read or parse. */
static inline ea_facts *th_repo_facts(int argc, char **argv, const char *rel, char **data, ea_call **call) {
    size_t len;
    *call = NULL;
    *data = th_read_repo(argc > 1 ? argv[1] : ".", rel, &len);
    return *data ? th_call_facts(*data, len, call) : NULL;
}

/* The bilingual sample's call and facts, for a test run as `TEST SRC
 * SHARED`: *data is NULL when the sample is absent (the test skips); the
 * caller frees *data, the call and the facts. */
static inline ea_facts *th_sample_facts(int argc, char **argv, char **data, ea_call **call) {
    size_t len;
    *call = NULL;
    *data = th_read_sample(argc > 2 ? argv[2] : "../shared", &len);
    return *data ? th_call_facts(*data, len, call) : NULL;
}
#endif
