#include "lexicon.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "metrics_data.h" /* generated from data/metrics.txt */
#include "util/text.h"

typedef struct {
    const char *p; /* lower-cased copy */
    uint32_t len;
    int metric;
    uint64_t key;
} phrase_t;

struct ea_lexicon {
    ea_metric *metrics;
    int n_metrics;
    phrase_t *phrases; /* sorted by key, then length descending */
    size_t n_phrases;
    uint32_t *slots; /* hash of key -> first phrase index + 1 */
    size_t cap;
    char *store;
};

/* Key of a phrase start: the first word lower-cased (ASCII), or the first
 * character (UTF-8). */
static uint64_t key_at(const unsigned char *p, const unsigned char *end) {
    uint64_t h = 1469598103934665603ull;
    if (p < end && *p >= 0x80) {
        uint32_t cp;
        int k = ea_utf8_next(p, end, &cp);
        for (int i = 0; i < k; i++) h = (h ^ p[i]) * 1099511628211ull;
        return h | 1;
    }
    while (p < end && (ea_is_alnum(*p) || *p == '&' || *p == '\'')) {
        h = (h ^ ea_lower(*p)) * 1099511628211ull;
        p++;
    }
    return h & ~(uint64_t)1;
}

static int cmp_phrase(const void *a, const void *b) {
    const phrase_t *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->len > y->len ? -1 : x->len < y->len;
}

static struct ea_lexicon *g_lex;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void build(void) {
    struct ea_lexicon *lx = calloc(1, sizeof *lx);
    char *store = malloc(ea_metrics_data_len + 1);
    size_t cap_m = 64, cap_p = 1024;
    lx->metrics = malloc(cap_m * sizeof *lx->metrics);
    lx->phrases = malloc(cap_p * sizeof *lx->phrases);
    if (!lx || !store || !lx->metrics || !lx->phrases) goto fail;
    memcpy(store, ea_metrics_data, ea_metrics_data_len);
    store[ea_metrics_data_len] = 0;
    lx->store = store;
    char *p = store, *end = store + ea_metrics_data_len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        char *line = p;
        p = nl ? nl + 1 : end;
        if (le == line || *line == '#') continue;
        char *t1 = memchr(line, '\t', (size_t)(le - line));
        if (!t1) continue;
        char *t2 = memchr(t1 + 1, '\t', (size_t)(le - t1 - 1));
        if (!t2) continue;
        *t1 = 0;
        *t2 = 0;
        *le = 0;
        if (lx->n_metrics == (int)cap_m) {
            cap_m *= 2;
            ea_metric *m = realloc(lx->metrics, cap_m * sizeof *m);
            if (!m) goto fail;
            lx->metrics = m;
        }
        ea_metric_kind kind = !strcmp(t1 + 1, "ratio") ? EA_MK_RATIO : !strcmp(t1 + 1, "per_share") ? EA_MK_PER_SHARE
                            : !strcmp(t1 + 1, "count") ? EA_MK_COUNT : !strcmp(t1 + 1, "times") ? EA_MK_TIMES
                            : !strcmp(t1 + 1, "any") ? EA_MK_ANY : EA_MK_MONEY;
        lx->metrics[lx->n_metrics].id = line;
        lx->metrics[lx->n_metrics].kind = kind;
        char *ph = t2 + 1;
        while (ph < le) {
            char *bar = memchr(ph, '|', (size_t)(le - ph));
            char *pe = bar ? bar : le;
            if (pe > ph) {
                if (lx->n_phrases == cap_p) {
                    cap_p *= 2;
                    phrase_t *np = realloc(lx->phrases, cap_p * sizeof *np);
                    if (!np) goto fail;
                    lx->phrases = np;
                }
                for (char *c = ph; c < pe; c++) *c = (char)ea_lower((unsigned char)*c);
                phrase_t *x = &lx->phrases[lx->n_phrases++];
                x->p = ph;
                x->len = (uint32_t)(pe - ph);
                x->metric = lx->n_metrics;
                x->key = key_at((const unsigned char *)ph, (const unsigned char *)pe);
            }
            ph = pe + 1;
        }
        lx->n_metrics++;
    }
    qsort(lx->phrases, lx->n_phrases, sizeof *lx->phrases, cmp_phrase);
    lx->cap = 64;
    while (lx->cap < lx->n_phrases * 2) lx->cap *= 2;
    lx->slots = calloc(lx->cap, sizeof *lx->slots);
    if (!lx->slots) goto fail;
    for (size_t i = 0; i < lx->n_phrases; i++) {
        if (i && lx->phrases[i].key == lx->phrases[i - 1].key) continue;
        size_t k = (size_t)lx->phrases[i].key & (lx->cap - 1);
        while (lx->slots[k]) k = (k + 1) & (lx->cap - 1);
        lx->slots[k] = (uint32_t)i + 1;
    }
    g_lex = lx;
    return;
fail:
    if (lx) {
        free(lx->metrics);
        free(lx->phrases);
        free(lx->slots);
        free(lx);
    }
    free(store);
}

const struct ea_lexicon *ea_lexicon_default(void) {
    pthread_once(&g_once, build);
    return g_lex;
}

const ea_metric *ea_lexicon_metric(const struct ea_lexicon *lx, int i) {
    return i >= 0 && i < lx->n_metrics ? &lx->metrics[i] : NULL;
}
int ea_lexicon_metric_count(const struct ea_lexicon *lx) { return lx->n_metrics; }

int ea_lexicon_find(const struct ea_lexicon *lx, const char *id) {
    for (int i = 0; i < lx->n_metrics; i++)
        if (!strcmp(lx->metrics[i].id, id)) return i;
    return -1;
}

int ea_lexicon_match(const struct ea_lexicon *lx, const char *s, const char *e, ea_lex_hit *hit) {
    const unsigned char *p = (const unsigned char *)s, *end = (const unsigned char *)e;
    uint64_t key = key_at(p, end);
    size_t k = (size_t)key & (lx->cap - 1);
    while (lx->slots[k]) {
        size_t i = lx->slots[k] - 1;
        if (lx->phrases[i].key == key) {
            for (; i < lx->n_phrases && lx->phrases[i].key == key; i++) {
                const phrase_t *x = &lx->phrases[i];
                if ((size_t)(end - p) < x->len) continue;
                size_t j = 0;
                while (j < x->len && ea_lower(p[j]) == (unsigned char)x->p[j]) j++;
                if (j < x->len) continue;
                /* ASCII phrases end on a word boundary */
                if ((unsigned char)x->p[0] < 0x80 && p + j < end && ea_is_alnum(p[j]) &&
                    ea_is_alnum((unsigned char)x->p[j - 1]))
                    continue;
                hit->metric = x->metric;
                hit->len = j;
                return 1;
            }
            return 0;
        }
        k = (k + 1) & (lx->cap - 1);
    }
    return 0;
}
