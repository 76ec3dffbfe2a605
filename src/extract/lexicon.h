/* Private: the metric vocabulary (data/metrics.txt, compiled in), matched
 * at word starts, longest phrase first. Built once, read-only after. */
#ifndef EA_LEXICON_H
#define EA_LEXICON_H
#include <stddef.h>

typedef enum { EA_MK_MONEY, EA_MK_RATIO, EA_MK_PER_SHARE, EA_MK_COUNT, EA_MK_TIMES, EA_MK_ANY } ea_metric_kind;

typedef struct {
    const char *id; /* "revenue" (NUL-terminated, static for the process) */
    ea_metric_kind kind;
} ea_metric;

typedef struct {
    int metric;   /* index into the metric table */
    size_t len;   /* bytes matched */
} ea_lex_hit;

/* The built-in lexicon; NULL only when out of memory. Thread-safe. */
const struct ea_lexicon *ea_lexicon_default(void);
const ea_metric *ea_lexicon_metric(const struct ea_lexicon *lx, int i);
int ea_lexicon_metric_count(const struct ea_lexicon *lx);
int ea_lexicon_find(const struct ea_lexicon *lx, const char *id);
/* Longest phrase starting at p (p must be a word start for ASCII). */
int ea_lexicon_match(const struct ea_lexicon *lx, const char *p, const char *end, ea_lex_hit *hit);
#endif
