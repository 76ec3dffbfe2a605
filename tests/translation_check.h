/* Original vs translation, paragraph by paragraph, independently of the
 * extractor's own cross-check: the values each side's facts state (levels
 * or range ends, and the year-over-year and sequential changes, signed),
 * compared as sets. Where they differ, the cross-check findings
 * (ea_facts_finding) must say so, for those very facts; where they agree,
 * there must be no finding. */
#ifndef EA_TRANSLATION_CHECK_H
#define EA_TRANSLATION_CHECK_H
#include "facts_check.h"

/* A mismatch the test expects: paragraph number (1-based, as in
 * `earnest parse`) and the number phrase only the original states, or only
 * the translation (NULL for the other side), as the call writes it. */
typedef struct {
    uint32_t n;
    const char *orig, *trans;
} tc_known;

typedef struct {
    size_t paras;      /* paragraphs with a translation and a fact */
    size_t agree;      /* ... whose two sides state the same values */
    size_t differ;
} tc_stats;

/* The signed values a fact states; returns how many (at most 4). */
static inline size_t tc_values(const ea_fact *f, double out[4]) {
    size_t n = 0;
    if (f->is_range) {
        out[n++] = f->low;
        out[n++] = f->high;
    } else if (f->has_value) {
        out[n++] = f->value;
    }
    if (f->has_yoy) out[n++] = f->yoy_pct;
    if (f->has_qoq) out[n++] = f->qoq_pct;
    return n;
}

/* Does a fact of paragraph `para` on side `trans` state v? */
static inline int tc_side_has(const ea_facts *fs, uint32_t para, int trans, double v) {
    for (size_t i = 0; i < ea_facts_count(fs); i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        if (f->para != para || f->in_translation != trans) continue;
        double vs[4];
        size_t n = tc_values(f, vs);
        for (size_t k = 0; k < n; k++)
            if (fc_eq(vs[k], v)) return 1;
    }
    return 0;
}

static inline int tc_span_eq(ea_span a, ea_span b) { return a.start == b.start && a.end == b.end; }
static inline int tc_span_is(const char *text, ea_span s, const char *lit) {
    return lit && s.end - s.start == strlen(lit) && memcmp(text + s.start, lit, s.end - s.start) == 0;
}

/* Checks every paragraph of `c`; `known` lists the mismatches expected,
 * all of them. */
static inline tc_stats tc_check(const char *name, const ea_call *c, const ea_facts *fs, const tc_known *known,
                         size_t n_known) {
    tc_stats st = {0, 0, 0};
    size_t tlen;
    const char *text = ea_call_text(c, &tlen);
    size_t np = ea_call_paragraph_count(c), nf = ea_facts_count(fs), nd = ea_facts_finding_count(fs);
    for (uint32_t p = 0; p < np; p++) {
        const ea_paragraph *para = ea_call_paragraph(c, p);
        /* the facts of each side stating a value the other side does not */
        int differs = 0, any = 0;
        for (size_t i = 0; i < nf; i++) {
            const ea_fact *f = ea_facts_get(fs, i);
            if (f->para != p) continue;
            any = 1;
            double vs[4];
            size_t n = tc_values(f, vs);
            int odd = 0;
            for (size_t k = 0; k < n; k++)
                if (!tc_side_has(fs, p, !f->in_translation, vs[k])) odd = 1;
            if (!odd) continue;
            differs = 1;
            /* ... must be a finding's fact on its side */
            int told = 0;
            for (size_t j = 0; j < nd && !told; j++) {
                const ea_finding *d = ea_facts_finding(fs, j);
                told = d->para == p && tc_span_eq(f->in_translation ? d->trans : d->orig, f->span);
            }
            CHECK_MSG(told, "%s: [%u] %s \"%.*s\" has no counterpart on the other side and no finding", name, p + 1,
                      f->in_translation ? "translation" : "original", (int)(f->span.end - f->span.start),
                      text + f->span.start);
        }
        /* every finding of the paragraph names such facts */
        for (size_t j = 0; j < nd; j++) {
            const ea_finding *d = ea_facts_finding(fs, j);
            if (d->para != p) continue;
            int has_o = d->orig.end > d->orig.start, has_t = d->trans.end > d->trans.start;
            CHECK_MSG(has_o || has_t, "%s: [%u] a finding without a span", name, p + 1);
            if (has_o)
                CHECK_MSG(!tc_side_has(fs, p, 1, d->orig_value) && !tc_side_has(fs, p, 1, -d->orig_value),
                          "%s: [%u] finding \"%s\": the translation states %g", name, p + 1, d->what, d->orig_value);
            if (has_t)
                CHECK_MSG(!tc_side_has(fs, p, 0, d->trans_value) && !tc_side_has(fs, p, 0, -d->trans_value),
                          "%s: [%u] finding \"%s\": the original states %g", name, p + 1, d->what, d->trans_value);
            CHECK_MSG(differs, "%s: [%u] finding \"%s\" where both sides state the same values", name, p + 1,
                      d->what);
        }
        /* the expected mismatches, and only those */
        const tc_known *k = NULL;
        for (size_t i = 0; i < n_known; i++)
            if (known[i].n == p + 1) k = &known[i];
        CHECK_MSG(differs == (k != NULL), "%s: [%u] the two sides %s", name, p + 1,
                  differs ? "differ, unexpectedly" : "agree, but a mismatch is expected here");
        if (k) {
            int found = 0;
            for (size_t j = 0; j < nd; j++) {
                const ea_finding *d = ea_facts_finding(fs, j);
                if (d->para != p) continue;
                int ok = (!k->orig || tc_span_is(text, d->orig, k->orig)) &&
                         (!k->trans || tc_span_is(text, d->trans, k->trans));
                if (ok) found = 1;
            }
            CHECK_MSG(found, "%s: [%u] no finding for \"%s\" / \"%s\"", name, p + 1, k->orig ? k->orig : "-",
                      k->trans ? k->trans : "-");
        }
        if (any && para->has_translation) {
            st.paras++;
            if (differs) st.differ++;
            else st.agree++;
        }
    }
    return st;
}
#endif
