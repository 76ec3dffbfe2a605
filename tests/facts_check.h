/* Helpers for facts tests: find a fact by its meaning. */
#ifndef EA_FACTS_CHECK_H
#define EA_FACTS_CHECK_H
#include <math.h>

#include "earnest/earnest.h"
#include "harness.h"

static inline int fc_eq(double a, double b) { return fabs(a - b) <= 1e-6 * (fabs(a) + fabs(b)) + 1e-9; }
static inline int fc_str(ea_str s, const char *lit) {
    if (!lit) return 1;
    if (!*lit) return s.len == 0;
    return s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0;
}

typedef struct {
    const char *metric, *period, *kind, *segment, *basis; /* NULL: any; "": empty */
    double value;   /* NAN: any */
    double low, high; /* NAN: not a range */
} fc_want;

/* Index of the first original-language fact that matches, or -1. */
static inline int fc_find(const ea_facts *fs, const fc_want *w, int translation) {
    for (size_t i = 0; i < ea_facts_count(fs); i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        if (f->in_translation != translation) continue;
        if (!fc_str(f->metric, w->metric) || !fc_str(f->period, w->period) || !fc_str(f->segment, w->segment) ||
            !fc_str(f->basis, w->basis))
            continue;
        if (w->kind && strcmp(ea_fact_kind_name(f->kind), w->kind) != 0) continue;
        if (!isnan(w->low)) {
            if (!f->is_range || !fc_eq(f->low, w->low) || !fc_eq(f->high, w->high)) continue;
        } else if (!isnan(w->value)) {
            if (f->is_range || !f->has_value || !fc_eq(f->value, w->value)) continue;
        }
        return (int)i;
    }
    return -1;
}

static inline const ea_fact *fc_expect(const ea_facts *fs, const char *metric, const char *period, const char *kind,
                                       const char *segment, double value, int line) {
    fc_want w = {metric, period, kind, segment, NULL, value, NAN, NAN};
    int i = fc_find(fs, &w, 0);
    CHECK_MSG(i >= 0, "line %d: no fact %s %s %s seg=%s value=%.10g", line, metric, period ? period : "*",
              kind ? kind : "*", segment ? segment : "*", value);
    return i >= 0 ? ea_facts_get(fs, (size_t)i) : NULL;
}

static inline const ea_fact *fc_expect_range(const ea_facts *fs, const char *metric, const char *period,
                                             const char *kind, double lo, double hi, int line) {
    fc_want w = {metric, period, kind, NULL, NULL, NAN, lo, hi};
    int i = fc_find(fs, &w, 0);
    CHECK_MSG(i >= 0, "line %d: no range fact %s %s %s %.10g..%.10g", line, metric, period ? period : "*",
              kind ? kind : "*", lo, hi);
    return i >= 0 ? ea_facts_get(fs, (size_t)i) : NULL;
}

#define EXPECT(...) fc_expect(fs, __VA_ARGS__, __LINE__)
#define EXPECT_RANGE(...) fc_expect_range(fs, __VA_ARGS__, __LINE__)

/* No original fact has this value (level or range end). */
static inline void fc_never(const ea_facts *fs, double v, int line) {
    for (size_t i = 0; i < ea_facts_count(fs); i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        if (f->in_translation) continue;
        int hit = (f->has_value && !f->is_range && fc_eq(fabs(f->value), v)) ||
                  (f->is_range && (fc_eq(fabs(f->low), v) || fc_eq(fabs(f->high), v)));
        CHECK_MSG(!hit, "line %d: value %g read as a fact (para %u, %.*s)", line, v, f->para + 1,
                  (int)f->metric.len, f->metric.ptr);
    }
}
#define NEVER(v) fc_never(fs, v, __LINE__)
#endif
