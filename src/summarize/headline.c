/* The headline figures of a call: the quarter's EPS (adjusted and
 * reported), revenue with its change, and the guidance for the next
 * quarter and the year. Picked from the facts by how the call states them:
 * the figure a call leads with is stated early and repeated; comparisons
 * and bridges are stated once, late, next to another figure. */
#include <math.h>
#include <string.h>

#include "summarize_int.h"
#include "util/text.h"

int ea_sum_is(ea_str s, const char *lit) {
    size_t n = strlen(lit);
    return s.len == n && (n == 0 || memcmp(s.ptr, lit, n) == 0);
}

int ea_sum_adjusted(const ea_fact *f) {
    return ea_sum_is(f->basis, "adjusted") || ea_sum_is(f->basis, "non_gaap");
}

/* A per-share amount: EPS or FFO in a currency, never a scaled total. */
static int per_share_amount(const ea_fact *f) {
    if (!ea_sum_is(f->metric, "eps") && !ea_sum_is(f->metric, "ffo")) return 0;
    if (!f->unit || strcmp(f->unit, "USD") != 0) {
        /* other currencies are fine; percents, counts and bare numbers not */
        if (!f->unit || !*f->unit || !strcmp(f->unit, "%") || !strcmp(f->unit, "shares") ||
            !strcmp(f->unit, "x") || !strcmp(f->unit, "bps") || !strcmp(f->unit, "pp"))
            return 0;
    }
    double v = f->is_range ? fmax(fabs(f->low), fabs(f->high)) : fabs(f->value);
    double first = f->is_range ? fabs(f->low) : fabs(f->value);
    return v < 1000 && (f->per_share || f->stated == 0 || fabs(fabs(f->stated) - first) < 1e-9);
}

#define N_WORDS(a) (sizeof(a) / sizeof(a)[0])

/* Words that name an effect on a figure, not the figure ("contribute" also
 * finds "contributed", "contributes"). */
static const char *const effect_words[] = {"impact",    "benefit",  "headwind", "tailwind", "charge",
                                           "dilution",  "accretion", "one-time", "onetime", "contribute"};

/* The first of the n words (any case) found in w, or NULL. */
static const char *any_word(ea_str w, const char *const *words, size_t n) {
    for (size_t k = 0; k < n; k++) {
        const char *at = ea_ifind(w, words[k]);
        if (at) return at;
    }
    return NULL;
}

/* Whether one of the words names an effect in the clause, and the clause
 * does not go on to name the figure itself: "after adding back
 * acquisition costs of $0.05 our adjusted diluted earnings per share was
 * $2.01" is the EPS. */
static int effect_in_clause(ea_str own, const char *const *words, size_t n) {
    static const char *const verbs[] = {" was", " were", " is ", " totaled"};
    for (size_t k = 0; k < n; k++) {
        const char *at = ea_ifind(own, words[k]);
        if (at && !any_word(ea_str_make(at, (size_t)(own.ptr + own.len - at)), verbs, N_WORDS(verbs))) return 1;
    }
    return 0;
}

/* the words before a figure in its sentence speak of an effect on
   earnings, not the earnings: "the storm reduced EPS by $0.15" */
static int impact(const ea_call *c, const ea_fact *f) {
    size_t tl;
    const char *t = ea_call_text(c, &tl);
    if (f->span.start > tl || f->sentence.start > f->span.start) return 0;
    ea_str before = ea_str_make(t + f->sentence.start, f->span.start - f->sentence.start);
    static const char *const more[] = {"negatively", "positively", "reduced", "lowered", "added",
                                       "cost us",    "by approximately", "by about"};
    return any_word(before, effect_words, N_WORDS(effect_words)) || any_word(before, more, N_WORDS(more));
}

/* The figure's own clause up to `max` bytes before (or after) it: cut
 * at the sentence's edge and at the last comma, semicolon or dash. */
static ea_str clause_before(const char *t, const ea_fact *f, size_t max) {
    size_t a = f->span.start > f->sentence.start + max ? f->span.start - max : f->sentence.start;
    for (size_t i = f->span.start; i > a; i--)
        if (t[i - 1] == ',' || t[i - 1] == ';' || t[i - 1] == ':' || (t[i - 1] == '-' && i >= 2 && t[i - 2] == ' ')) {
            a = i;
            break;
        }
    return ea_str_make(t + a, f->span.start - a);
}

static ea_str clause_after(const char *t, const ea_fact *f, size_t max) {
    size_t e = f->span.end + max < f->sentence.end ? f->span.end + max : f->sentence.end;
    for (size_t i = f->span.end; i < e; i++)
        if (t[i] == ',' || t[i] == ';' || t[i] == ':') {
            e = i;
            break;
        }
    return ea_str_make(t + f->span.end, e - f->span.end);
}

/* The words before an amount that `before` ends with, followed by "or":
 * "net income was down by" in "net income was down by $2.4 million or";
 * empty when `before` does not end so. */
static ea_str amount_before_or(ea_str before) {
    if (!ea_iends(before, " or")) return ea_str_make(NULL, 0);
    ea_str b = ea_trim(ea_str_make(before.ptr, before.len - 3));
    if (b.len && b.ptr[b.len - 1] == ',') b.len--;
    static const char *const scales[] = {" million", " billion", " thousand"};
    for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++)
        if (ea_iends(b, scales[k])) b.len -= strlen(scales[k]);
    size_t e = b.len;
    while (b.len && (ea_is_digit((unsigned char)b.ptr[b.len - 1]) || b.ptr[b.len - 1] == '.' ||
                     b.ptr[b.len - 1] == ','))
        b.len--;
    if (b.len == e || !b.len || b.ptr[b.len - 1] != '$') return ea_str_make(NULL, 0);
    b.len--;
    return ea_trim(b);
}

/* Whether f's value is not the first number of its phrase as stated. */
static int written_second(const ea_fact *f) {
    if (f->stated == 0) return 0;
    static const double sc[] = {1, 1e3, 1e6, 1e9, 1e12};
    for (size_t k = 0; k < sizeof sc / sizeof sc[0]; k++)
        if (fabs(fabs(f->value) - fabs(f->stated) * sc[k]) <= 1e-9 * fabs(f->value) + 1e-9) return 0;
    return 1;
}

/* s without a last word that rounds the figure after it: "down about" */
static ea_str without_approx(ea_str s) {
    static const char *const w[] = {" about", " approximately", " roughly", " nearly", " around", " almost"};
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (ea_iends(s, w[k])) return ea_trim(ea_str_make(s.ptr, s.len - strlen(w[k])));
    return s;
}

/* A figure that is a change or an effect, not the level its metric
   reached: "a decline in revenues of $80 million", "a $98 million headwind
   to revenue", "positively impacted by $0.03", "included $0.02 of
   favorable currency", "a $0.03 per share benefit from weather". */
static int effect(const ea_call *c, const ea_fact *f) {
    size_t tl;
    const char *t = ea_call_text(c, &tl);
    if (f->span.end > tl || f->sentence.start > f->span.start || f->sentence.end > tl) return 0;
    size_t a = f->span.start > f->sentence.start + 40 ? f->span.start - 40 : f->sentence.start;
    ea_str before = ea_trim(ea_str_make(t + a, f->span.start - a));
    /* the level a move reached, written second ("or $79.3 million to
       $190.9 million"): the words before speak of the change */
    if (!f->is_range && written_second(f)) before = ea_str_make(NULL, 0);
    static const char *const by[] = {" by", "included", "includes", "including", "contributed", "another", "added",
                                     "excluding", "excluding the", "increased", "decreased", "declined", "improved",
                                     "incremental", "an additional",
                                     "grew", "rose", "fell", " up", " down", "target of",
                                     "increase of", "decrease of", "decline of", "growth of",
                                     "increase in revenues of", "decline in revenues of", "increase in revenue of",
                                     "decline in revenue of", "decrease in revenue of", "decrease in revenues of"};
    ea_str bare = without_approx(before); /* "increase by about $4 million" */
    for (size_t k = 0; k < sizeof by / sizeof by[0]; k++)
        if (ea_iends(before, by[k]) || ea_iends(bare, by[k])) return 1;
    /* the same change restated per share: "net income was down by $2.4
       million or $0.16 per share" */
    ea_str prev = without_approx(amount_before_or(before));
    if (prev.len)
        for (size_t k = 0; k < sizeof by / sizeof by[0]; k++)
            if (ea_iends(prev, by[k])) return 1;
    /* the amount of a change stated as a percent first: "increased by 31%,
       or $0.24, to $1.02 per share" */
    static const char *const pct_or[] = {"%, or", "% or", "percent, or", "percent or"};
    for (size_t k = 0; k < sizeof pct_or / sizeof pct_or[0]; k++)
        if (ea_iends(before, pct_or[k])) return 1;
    size_t e = f->span.end + 24 < f->sentence.end ? f->span.end + 24 : f->sentence.end;
    ea_str after = ea_str_make(t + f->span.end, e - f->span.end);
    static const char *const fx[] = {" headwind", " tailwind", " impact", " benefit", " contribution", " charge",
                                     " dilution", " accretion", " favorable", " unfavorable", " negative", " positive",
                                     " increase", " decrease", " improvement",
                                     " decline", " reduction", " pressure", " gain", " higher", " lower",
                                     " better", " worse", " more than", " less than", " was due to", " were due to",
                                     " was organic", " from the acquisition", " from acquisitions",
                                     /* a yearly rate, not the quarter's: "Sales approximate $4 million annually" */
                                     " annually", " annualized", " per year", " a year", " on an annual"};
    for (size_t k = 0; k < sizeof fx / sizeof fx[0]; k++) {
        size_t l = strlen(fx[k]);
        if (ea_istarts(after, fx[k]) && (after.len == l || !ea_is_alpha((unsigned char)after.ptr[l]))) return 1;
    }
    /* "driven by $0.08 from operations"; not "$1.25 from continuing
       operations" */
    if (ea_istarts(after, " from operations")) return 1;
    /* the year so far, not the quarter: "year-to-date earnings per share
       was $3.11", "for the first nine months"; or after it in its clause:
       "$1.23 and $1.32 for the first half of 2020" */
    ea_str lead = ea_str_make(t + f->sentence.start, f->span.start - f->sentence.start);
    static const char *const ytd[] = {"year-to-date", "year to date", "nine months", "six months", "first half"};
    ea_str tail = clause_after(t, f, 60);
    if (any_word(lead, ytd, N_WORDS(ytd)) || any_word(tail, ytd, N_WORDS(ytd))) return 1;
    /* an effect named in the figure's own clause: "a benefit of $26
       million or $0.18 per share", "an impact of less than $0.01 per
       share"; not "Excluding the impact of the storm, EPS was $0.50" */
    ea_str own = clause_before(t, f, 60);
    static const char *const more[] = {"gain on", "gain of", "gain related", "gains", "costs", "amount of"};
    if (effect_in_clause(own, effect_words, N_WORDS(effect_words)) || effect_in_clause(own, more, N_WORDS(more)))
        return 1;
    return 0;
}

/* A forecast of an effect on a figure, not of the figure: "we project
 * the acquisition to contribute $0.45 to $0.49", "an earnings per share
 * headwind of between $0.33 and $0.38", "$0.05 to $0.10 of dilution". */
int ea_sum_guided_effect(const ea_call *c, const ea_fact *f) {
    size_t tl;
    const char *t = ea_call_text(c, &tl);
    if (f->span.end > tl || f->sentence.start > f->span.start || f->sentence.end > tl) return 0;
    static const char *const fx_before[] = {"impact",   "benefit",  "headwind",  "tailwind",
                                            "dilution", "accretion", "contribute", "charge"};
    if (effect_in_clause(clause_before(t, f, 60), fx_before, N_WORDS(fx_before))) return 1;
    size_t e = f->span.end + 24 < f->sentence.end ? f->span.end + 24 : f->sentence.end;
    ea_str after = ea_str_make(t + f->span.end, e - f->span.end);
    static const char *const fx[] = {" headwind", " tailwind", " impact", " benefit", " contribution",
                                     " charge", " dilution", " accretion", " of dilution", " of accretion"};
    for (size_t k = 0; k < N_WORDS(fx); k++) {
        size_t l = strlen(fx[k]);
        if (ea_istarts(after, fx[k]) && (after.len == l || !ea_is_alpha((unsigned char)after.ptr[l]) ||
                                         after.ptr[l] == 's')) return 1;
    }
    return 0;
}

/* An earlier forecast the call looks back on, not the one it gives now:
 * "sales were in line with our original guidance of 3.2 to 3.6 billion",
 * "compared to our prior guidance range of $2.76 billion to $2.785
 * billion" */
int ea_sum_earlier_guidance(const ea_call *c, const ea_fact *f) {
    size_t tl;
    const char *t = ea_call_text(c, &tl);
    if (f->span.start > tl || f->sentence.start > f->span.start) return 0;
    ea_str own = clause_before(t, f, 80);
    static const char *const cues[] = {"original guidance", "prior guidance", "previous guidance", "initial guidance",
                                       "earlier guidance", "prior outlook", "previous outlook", "original outlook",
                                       "in line with our", "compared to our prior", "compared with our prior",
                                       "from our previous", "from our prior", "from a prior", "from the prior",
                                       "from a range", "from the range", "from our range", "from our initial",
                                       "from our original", "compares to our", "and our guidance"};
    for (size_t k = 0; k < sizeof cues / sizeof cues[0]; k++) {
        const char *at = ea_ifind(own, cues[k]);
        if (!at) continue;
        /* the cue is this figure's unless another number comes between:
           "from a range of $2.70 to $2.75 per share to a new range of
           $2.75 to $2.80" */
        const char *e = own.ptr + own.len;
        while (at < e && !ea_is_digit((unsigned char)*at)) at++;
        if (at == e) return 1;
    }
    /* the range a revision starts from: "guidance range from $9.70 to
       $9.80 per share to $10.70 to $10.80", "from $0.60 to $0.80, up to
       $0.85 to $1" */
    ea_str lead = ea_trim(own);
    if (f->is_range && (ea_iends(lead, " from") || ea_iends(lead, "from $") || ea_iends(lead, " from $"))) {
        size_t e = f->span.end + 40 < f->sentence.end ? f->span.end + 40 : f->sentence.end;
        ea_str after = ea_str_make(t + f->span.end, e - f->span.end);
        static const char *const skip[] = {" per diluted share", " per share", ","};
        for (size_t k = 0; k < N_WORDS(skip); k++)
            if (ea_istarts(after, skip[k])) {
                after.ptr += strlen(skip[k]);
                after.len -= strlen(skip[k]);
            }
        if (ea_istarts(after, " to $") || ea_istarts(after, " up to $") || ea_istarts(after, " to a ") ||
            ea_istarts(after, " to between") || ea_istarts(after, " to now"))
            return 1;
    }
    return 0;
}

static int money_total(const ea_fact *f) {
    return f->unit && *f->unit && strcmp(f->unit, "%") && strcmp(f->unit, "shares") && strcmp(f->unit, "x") &&
           strcmp(f->unit, "bps") && strcmp(f->unit, "pp") && !f->per_share;
}

static int period_is(const ea_fact *f, const char *p) {
    if (!p || !*p) return f->period.len == 0;
    return ea_sum_is(f->period, p);
}

/* How strongly the call leads with this value: every statement of the same
 * metric, basis class and value counts; an early one counts more. */
static double weight(const ea_call *c, const ea_facts *fs, const ea_fact *f, size_t n_paras,
                     int (*same)(const ea_fact *, const ea_fact *)) {
    double w = 0;
    size_t n = ea_facts_count(fs);
    for (size_t i = 0; i < n; i++) {
        const ea_fact *g = ea_facts_get(fs, i);
        if (g->in_translation || !g->has_value || g->is_change) continue;
        if (!same(f, g)) continue;
        /* an effect of the same size repeats another figure, not this one */
        if (c && g != f && effect(c, g)) continue;
        double pos = n_paras ? (double)g->para / (double)n_paras : 0;
        w += 1.0 + (1.0 - pos);
    }
    return w;
}

static int same_str(ea_str a, ea_str b) { return a.len == b.len && (!a.len || !memcmp(a.ptr, b.ptr, a.len)); }

static int same_eps(const ea_fact *a, const ea_fact *b) {
    return same_str(a->metric, b->metric) && ea_sum_adjusted(a) == ea_sum_adjusted(b) && !b->is_range &&
           fabs(a->value - b->value) < 1e-9 && same_str(a->period, b->period);
}

static int same_total(const ea_fact *a, const ea_fact *b) {
    return same_str(a->metric, b->metric) && !b->is_range && !b->segment.len && fabs(a->value - b->value) <= 1e-9 * fabs(a->value) + 1e-9;
}

/* The same value stated elsewhere for the call's fiscal year `fy`: a
   figure whose sentence names no period is the year's ("For the full
   year, revenue grew 12% to $63.5 billion. ... Revenue was $63.5
   billion"). */
static int other_period(const ea_facts *fs, const ea_fact *f, const char *fy) {
    size_t n = ea_facts_count(fs);
    for (size_t i = 0; i < n; i++) {
        const ea_fact *g = ea_facts_get(fs, i);
        if (g == f || g->in_translation || !g->has_value || g->is_change || g->is_range || g->period_implied) continue;
        if (!same_str(g->metric, f->metric) || !fy[0] || !period_is(g, fy)) continue;
        if (fabs(g->value - f->value) <= 1e-9 * fabs(f->value)) return 1;
    }
    return 0;
}

/* the change of revenue stated with its level: on the fact itself, or a
   change fact in the same sentence */
static const ea_fact *change_of(const ea_facts *fs, const ea_fact *rev) {
    if (rev->has_yoy) return rev;
    size_t n = ea_facts_count(fs);
    for (size_t i = 0; i < n; i++) {
        const ea_fact *g = ea_facts_get(fs, i);
        if (g->in_translation || !g->is_change || !g->has_yoy || g->is_range || g->segment.len) continue;
        if (!ea_sum_is(g->metric, "revenue") || g->kind != EA_FACT_ACTUAL) continue;
        if (g->sentence.start == rev->sentence.start && g->para == rev->para) return g;
    }
    return NULL;
}

/* ... or with another statement of the same level: "we achieved record
   revenue of $1.16 billion ... revenue of $1.16 billion grew 9.4%" */
static const ea_fact *revenue_change(const ea_facts *fs, const ea_fact *rev) {
    const ea_fact *ch = change_of(fs, rev);
    size_t n = ea_facts_count(fs);
    for (size_t i = 0; i < n && !ch; i++) {
        const ea_fact *g = ea_facts_get(fs, i);
        if (g != rev && !g->in_translation && g->kind == EA_FACT_ACTUAL && same_total(rev, g) && g->has_value &&
            !g->is_change && same_str(g->period, rev->period))
            ch = change_of(fs, g);
    }
    return ch;
}

/* A single figure the call forecasts for EPS or revenue, of a size the
   quarter's own figure makes plausible: not an effect on it ("affected
   earnings per share by $0.04"), not a part of the year's */
static int point_guidance(const ea_call *c, const ea_fact *f, int quarter, const ea_headline *h) {
    if (effect(c, f) || impact(c, f)) return 0;
    const ea_fact *a = ea_sum_is(f->metric, "revenue") ? h->rev : h->eps_adj ? h->eps_adj : h->eps ? h->eps : h->ffo;
    if (!a || a->value <= 0 || f->value <= 0) return !a;
    double r = f->value / a->value;
    return quarter ? r > 0.5 && r < 2 : r > 1.5 && r < 10;
}

/* a range ranks above a single figure; on a fourth-quarter call the next
   year above the year just ended */
static int guide_rank(const ea_fact *f, int q4, const char *fy_next) {
    return (f->is_range ? 1 : 0) + (q4 && fy_next[0] && period_is(f, fy_next) ? 2 : 0);
}

void ea_sum_headline(const ea_call *c, const ea_facts *fs, ea_headline *h) {
    memset(h, 0, sizeof *h);
    ea_sum_call_period(c, fs, h->period, h->next);
    size_t n = ea_facts_count(fs), np = ea_call_paragraph_count(c);
    double w_adj = 0, w_rep = 0, w_rev = 0, w_ffo = 0;
    char *fy = h->fy, *fy_next = h->fy_next;
    if (h->period[0]) {
        /* the fiscal year of the call, and the next one (a Q4 call guides
           the next year) */
        memcpy(fy, "FY", 2);
        memcpy(fy + 2, h->period, 4);
        fy[6] = 0;
        memcpy(fy_next, fy, 7);
        for (int i = 5; i >= 2; i--) {
            if (fy_next[i] < '9') {
                fy_next[i]++;
                break;
            }
            fy_next[i] = '0';
        }
    }
    int q4 = h->period[0] && h->period[5] == '4';
    for (size_t i = 0; i < n; i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        if (f->in_translation || f->company.len || !f->has_value || f->is_change) continue;
        if (f->kind == EA_FACT_ACTUAL && period_is(f, h->period) && !f->segment.len && !f->is_range) {
            if (per_share_amount(f) && !effect(c, f)) {
                double w = weight(c, fs, f, np, same_eps) * (impact(c, f) ? 0.25 : 1.0);
                int ffo = ea_sum_is(f->metric, "ffo");
                if (ffo) {
                    if (w > w_ffo) w_ffo = w, h->ffo = f;
                } else if (ea_sum_adjusted(f)) {
                    if (w > w_adj) w_adj = w, h->eps_adj = f;
                } else if (w > w_rep) {
                    w_rep = w, h->eps = f;
                }
            } else if (ea_sum_is(f->metric, "revenue") && money_total(f) && f->value >= 1e5 && !effect(c, f) &&
                       !impact(c, f) && !(f->period_implied && other_period(fs, f, fy))) {
                /* the total: stated often, and the largest revenue figure
                   of the quarter (segments are parts of it) */
                double w = weight(NULL, fs, f, np, same_total);
                if (h->rev) {
                    if (f->value > h->rev->value * 1.0001) w += 1.5;
                    else if (f->value < h->rev->value * 0.9999) w -= 1.5;
                }
                if (!h->rev || w > w_rev) w_rev = w, h->rev = f;
            }
        }
    }
    /* the guidance: a range, or failing one a single figure the quarter's
       own makes plausible; on a fourth-quarter call the next year's before
       the year just ended */
    for (size_t i = 0; i < n; i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        if (f->in_translation || f->company.len || !f->has_value || f->is_change) continue;
        if (f->kind != EA_FACT_GUIDANCE || f->segment.len || ea_sum_earlier_guidance(c, f)) continue;
        int nq = h->next[0] && period_is(f, h->next);
        int y = f->period.len == 6 && f->period.ptr[0] == 'F' &&
                (!fy[0] || period_is(f, q4 ? fy_next : fy) || period_is(f, fy));
        if ((!nq && !y) || ea_sum_guided_effect(c, f)) continue;
        const ea_fact **slot = NULL;
        int ok = f->is_range || point_guidance(c, f, nq, h);
        if (per_share_amount(f) && ok)
            slot = nq ? &h->g_q_eps : ea_sum_adjusted(f) ? &h->g_y_eps_adj : &h->g_y_eps;
        else if (ea_sum_is(f->metric, "revenue") && money_total(f) && ok)
            slot = nq ? &h->g_q_rev : &h->g_y_rev;
        /* the first statement of the best kind fills the slot */
        if (slot && (!*slot || guide_rank(f, q4, fy_next) > guide_rank(*slot, q4, fy_next))) *slot = f;
    }
    /* one EPS per basis: the reported figure repeats the adjusted one when
       the call gave one number twice */
    if (h->eps && h->eps_adj && fabs(h->eps->value - h->eps_adj->value) < 1e-9) h->eps = NULL;
    if (h->rev) h->rev_change = revenue_change(fs, h->rev);
}

/* The figure the call leads with for one metric of the quarter: the
 * company total (no segment, no peer), one basis class, weighed like the
 * headline figures; NULL when the call states none. */
const ea_fact *ea_sum_lead(const ea_call *c, const ea_facts *fs, const char *metric, const char *period, int adj) {
    size_t n = ea_facts_count(fs), np = ea_call_paragraph_count(c);
    const ea_fact *best = NULL;
    double bw = 0;
    for (size_t i = 0; i < n; i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        if (f->in_translation || f->company.len || !f->has_value || f->is_change || f->is_range) continue;
        if (f->kind != EA_FACT_ACTUAL || f->segment.len || !ea_sum_is(f->metric, metric)) continue;
        if (ea_sum_adjusted(f) != adj || !period_is(f, period)) continue;
        double w = weight(NULL, fs, f, np, same_total);
        if (!best || w > bw) best = f, bw = w;
    }
    return best;
}
