/* The minutes' themes (data/themes.txt) and the theme of a sentence: one
 * pass over the sentence, a hash lookup at each word start (ASCII) or
 * each character (CJK), the longest cue phrase there wins. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "digest_int.h"
#include "themes_data.h" /* generated from data/themes.txt */
#include "util/text.h"

#define MAX_THEMES 24

typedef struct {
    const char *p; /* lower-cased cue */
    uint32_t len;
    int theme;
    uint64_t key;
} cue_t;

static struct {
    char *store;
    size_t n_themes;
    const char *id[MAX_THEMES], *en[MAX_THEMES], *zh[MAX_THEMES];
    cue_t *cues;
    size_t n_cues;
    uint32_t *slots; /* open addressing: key -> first cue index + 1 */
    size_t cap;
    int ok;
} T;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* the key of a phrase start: the first word lower-cased, or the first
   character when it is not ASCII */
static uint64_t key_at(const unsigned char *p, const unsigned char *end) {
    uint64_t h = 1469598103934665603ull;
    if (p < end && *p >= 0x80) {
        uint32_t cp;
        int k = ea_utf8_next(p, end, &cp);
        for (int i = 0; i < k; i++) h = (h ^ p[i]) * 1099511628211ull;
        return h | 1;
    }
    while (p < end && (ea_is_alnum(*p) || *p == '&' || *p == '.' || *p == '-')) {
        if ((*p == '.' || *p == '-') && !(p + 1 < end && ea_is_alnum(p[1]))) break;
        h = (h ^ ea_lower(*p)) * 1099511628211ull;
        p++;
    }
    return h | 1;
}

static int cmp_cue(const void *a, const void *b) {
    const cue_t *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->len > y->len ? -1 : x->len < y->len; /* longest first */
}

static void load(void) {
    T.store = malloc(ea_themes_data_len + 1);
    if (!T.store) return;
    memcpy(T.store, ea_themes_data, ea_themes_data_len);
    T.store[ea_themes_data_len] = 0;
    size_t max_cues = 1;
    for (size_t i = 0; i < ea_themes_data_len; i++) max_cues += T.store[i] == '|' || T.store[i] == '\t';
    T.cues = calloc(max_cues, sizeof *T.cues);
    if (!T.cues) return;
    char *line = T.store;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        if (*line != '#' && *line) {
            char *f[4] = {line, NULL, NULL, NULL};
            for (int k = 1; k < 4 && f[k - 1]; k++) {
                char *t = strchr(f[k - 1], '\t');
                if (t) {
                    *t = 0;
                    f[k] = t + 1;
                }
            }
            if (f[3] && T.n_themes < MAX_THEMES) {
                int th = (int)T.n_themes++;
                T.id[th] = f[0];
                T.en[th] = f[1];
                T.zh[th] = f[2];
                for (char *c = f[3]; c && *c;) {
                    char *bar = strchr(c, '|');
                    if (bar) *bar = 0;
                    for (char *q = c; *q; q++) *q = (char)ea_lower((unsigned char)*q);
                    size_t len = strlen(c);
                    if (len) {
                        cue_t *cu = &T.cues[T.n_cues++];
                        cu->p = c;
                        cu->len = (uint32_t)len;
                        cu->theme = th;
                        cu->key = key_at((const unsigned char *)c, (const unsigned char *)c + len);
                    }
                    c = bar ? bar + 1 : NULL;
                }
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    qsort(T.cues, T.n_cues, sizeof *T.cues, cmp_cue);
    T.cap = 64;
    while (T.cap < T.n_cues * 2) T.cap *= 2;
    T.slots = calloc(T.cap, sizeof *T.slots);
    if (!T.slots) return;
    for (size_t i = 0; i < T.n_cues; i++) {
        if (i && T.cues[i - 1].key == T.cues[i].key) continue;
        size_t h = (size_t)(T.cues[i].key & (T.cap - 1));
        while (T.slots[h]) h = (h + 1) & (T.cap - 1);
        T.slots[h] = (uint32_t)i + 1;
    }
    T.ok = 1;
}

static int ready(void) {
    pthread_once(&once, load);
    return T.ok;
}

size_t ea_theme_count(void) { return ready() ? T.n_themes : 0; }
const char *ea_theme_id(size_t i) { return ready() && i < T.n_themes ? T.id[i] : ""; }
const char *ea_theme_heading(size_t i, int zh) {
    if (!ready() || i >= T.n_themes) return "";
    return zh ? T.zh[i] : T.en[i];
}

/* the cue matched at p, or -1 */
static long match_at(const unsigned char *p, const unsigned char *end) {
    uint64_t k = key_at(p, end);
    size_t h = (size_t)(k & (T.cap - 1));
    while (T.slots[h]) {
        size_t i = T.slots[h] - 1;
        if (T.cues[i].key == k) {
            for (; i < T.n_cues && T.cues[i].key == k; i++) {
                const cue_t *cu = &T.cues[i];
                if ((size_t)(end - p) < cu->len) continue;
                size_t j = 0;
                while (j < cu->len && ea_lower(p[j]) == (unsigned char)cu->p[j]) j++;
                if (j < cu->len) continue;
                /* ASCII cues end at a word end */
                if (p[0] < 0x80 && p + j < end && ea_is_alnum(p[j])) continue;
                return (long)i;
            }
            return -1;
        }
        h = (h + 1) & (T.cap - 1);
    }
    return -1;
}

int ea_theme_of(const char *s, size_t n, int *hits) {
    if (hits) *hits = 0;
    if (!ready()) return -1;
    int count[MAX_THEMES] = {0};
    size_t first[MAX_THEMES];
    for (size_t t = 0; t < MAX_THEMES; t++) first[t] = n;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        if (*p < 0x80 && (!ea_is_alnum(*p) || (p > (const unsigned char *)s && ea_is_alnum(p[-1])))) {
            p++;
            continue;
        }
        long i = match_at(p, end);
        if (i >= 0) {
            if (!count[T.cues[i].theme]) first[T.cues[i].theme] = (size_t)(p - (const unsigned char *)s);
            count[T.cues[i].theme]++;
            p += T.cues[i].len;
            continue;
        }
        if (*p >= 0x80) {
            uint32_t cp;
            p += ea_utf8_next(p, end, &cp);
        } else {
            while (p < end && ea_is_alnum(*p)) p++;
        }
    }
    int best = -1, total = 0;
    for (size_t t = 0; t < T.n_themes; t++) {
        total += count[t];
        /* most cues; on a tie the theme named first: the subject */
        if (count[t] && (best < 0 || count[t] > count[best] || (count[t] == count[best] && first[t] < first[best])))
            best = (int)t;
    }
    if (hits) *hits = best >= 0 ? count[best] : 0;
    (void)total;
    return best;
}
