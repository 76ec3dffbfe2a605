/* Short-line bullets in the style of wire-service earnings headlines
 * ("q1 revenue rose 23 percent to $40.7 million", "sees q2 revenue $41.5
 * million to $46.5 million"): the headline figures of the quarter and the
 * guidance, each compressed from an extracted fact. Every number printed
 * is a number the transcript states, written the way it was stated. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "earnest/earnest.h"
#include "summarize_int.h"
#include "util/buf.h"
#include "util/text.h"

/* The k-th number written in a fact's phrase ("$1.82 billion to $1.83
 * billion": k=1 is "1.83"), as its digits, commas and point. */
ea_str ea_sum_number_text(const ea_call *c, const ea_fact *f, int k) {
    size_t tl;
    const char *t = ea_call_text(c, &tl);
    if (f->span.end > tl || f->span.start >= f->span.end) return ea_str_make(NULL, 0);
    const char *p = t + f->span.start, *end = t + f->span.end;
    for (int i = 0; p < end; i++) {
        while (p < end && !ea_is_digit((unsigned char)*p)) p++;
        const char *s = p;
        while (p < end && (ea_is_digit((unsigned char)*p) ||
                           ((*p == ',' || *p == '.') && p + 1 < end && ea_is_digit((unsigned char)p[1]))))
            p++;
        if (p > s && i == k) return ea_str_make(s, (size_t)(p - s));
        if (p == s) break;
    }
    return ea_str_make(NULL, 0);
}

static double digits_value(ea_str d) {
    double v = 0, frac = 0;
    for (size_t i = 0; i < d.len; i++) {
        char ch = d.ptr[i];
        if (ch == ',') continue;
        if (ch == '.') {
            frac = 1;
            continue;
        }
        if (frac > 0) {
            frac /= 10;
            v += (ch - '0') * frac;
        } else {
            v = v * 10 + (ch - '0');
        }
    }
    return v;
}

/* The scale word that makes the digits d the amount a ("" for none), or
   NULL when none does. */
static const char *scale_word(ea_str d, double a) {
    double x = d.len ? digits_value(d) : 0;
    if (x <= 0) return NULL;
    double sc = a / x;
    if (fabs(sc - 1) < 1e-9) return "";
    if (fabs(sc - 1e3) < 1e-6) return " thousand";
    if (fabs(sc - 1e6) < 1e-3) return " million";
    if (fabs(sc - 1e9) < 1) return " billion";
    if (fabs(sc - 1e12) < 1e3) return " trillion";
    return NULL;
}

/* An amount as the call wrote it: "$40.7 million" from 40,700,000 stated
 * as "40.7" with a scale word; the value itself when the stated form does
 * not map to one (万, 亿). */
void ea_sum_amount(ea_buf *b, const ea_call *c, const ea_fact *f, double v, int k) {
    double a = fabs(v);
    ea_str d = ea_sum_number_text(c, f, k);
    const char *word = scale_word(d, a);
    /* the level a move reached is written second: "$79.3 million to
       $190.9 million" */
    for (int j = 0; !word && j < 4; j++)
        if (j != k && (d = ea_sum_number_text(c, f, j)).len) word = scale_word(d, a);
    int usd = f->unit && !strcmp(f->unit, "USD");
    int code = f->unit && !usd && strcmp(f->unit, "%") && *f->unit; /* "CNY 1.28 billion" */
    if (v < 0) ea_buf_putc(b, '-');
    if (usd) ea_buf_putc(b, '$');
    if (code) {
        ea_buf_puts(b, f->unit);
        ea_buf_putc(b, ' ');
    }
    if (word) {
        ea_buf_append(b, d.ptr, d.len);
        ea_buf_puts(b, word);
    } else {
        /* 4,070万 = 40.7 million */
        static const struct {
            double sc;
            const char *w;
        } scales[] = {{1e12, " trillion"}, {1e9, " billion"}, {1e6, " million"}, {1, ""}};
        size_t i = 0;
        while (i + 1 < sizeof scales / sizeof scales[0] && a < scales[i].sc) i++;
        char t[64];
        int n = snprintf(t, sizeof t, "%.4g%s", a / scales[i].sc, scales[i].w);
        if (n > 0) ea_buf_append(b, t, (size_t)n < sizeof t ? (size_t)n : sizeof t - 1);
    }
}

/* a percent as stated: "23" from "23%", "-23" never (the verb says it) */
static void pct_text(ea_buf *b, const ea_call *c, const ea_fact *f, double v) {
    ea_str d = ea_sum_number_text(c, f, 0);
    if (d.len && fabs(digits_value(d) - fabs(v)) < 1e-9) {
        ea_buf_append(b, d.ptr, d.len);
    } else {
        char t[32];
        int n = snprintf(t, sizeof t, "%.15g", fabs(v));
        if (n > 0) ea_buf_append(b, t, (size_t)n);
    }
}

/* "q1" for "2024Q1", "fy" for "FY2024" */
static void period_word(ea_buf *b, ea_str p) {
    if (p.len == 6 && p.ptr[4] == 'Q') {
        ea_buf_putc(b, 'q');
        ea_buf_putc(b, p.ptr[5]);
    } else if (p.len == 6 && p.ptr[0] == 'F') {
        ea_buf_puts(b, "fy");
    } else if (p.len == 6 && p.ptr[4] == 'H') {
        ea_buf_puts(b, p.ptr[5] == '1' ? "first-half" : "second-half");
    } else {
        ea_buf_puts(b, "quarterly");
    }
}

static const char *revenue_word(const ea_fact *f) {
    ea_str ph = f->metric_phrase;
    return ph.len && ea_ifind(ph, "sales") ? "sales" : "revenue";
}

/* "adjusted earnings per share", "non-gaap loss per share", "ffo per share" */
static void eps_words(ea_buf *b, const ea_fact *f, int loss) {
    if (ea_sum_is(f->basis, "non_gaap")) ea_buf_puts(b, " non-gaap");
    else if (ea_sum_is(f->basis, "adjusted")) ea_buf_puts(b, " adjusted");
    else if (ea_sum_is(f->basis, "gaap")) ea_buf_puts(b, " gaap");
    if (ea_sum_is(f->metric, "ffo")) {
        ea_buf_puts(b, " ffo per share ");
        return;
    }
    /* the kind of earnings the call names: "operating earnings per share",
       "core earnings per share" */
    ea_str ph = f->metric_phrase;
    if (ea_ifind(ph, "operating earnings") || ea_ifind(ph, "operating income per")) ea_buf_puts(b, " operating");
    else if (ea_ifind(ph, "core earnings")) ea_buf_puts(b, " core");
    ea_buf_puts(b, loss ? " loss per share " : " earnings per share ");
}

/* the line's end, citing f's paragraph and also g's when g is another's
   (NULL: none) */
static void end_line2(ea_buf *b, const ea_fact *f, const ea_fact *g, unsigned flags) {
    if (flags & EA_BULLETS_CITE) {
        char t[40];
        int n = g && g->para != f->para ? snprintf(t, sizeof t, " [%u, %u]", f->para + 1, g->para + 1)
                                        : snprintf(t, sizeof t, " [%u]", f->para + 1);
        if (n > 0) ea_buf_append(b, t, (size_t)n);
    }
    ea_buf_puts(b, ".\n");
}

static void end_line(ea_buf *b, const ea_fact *f, unsigned flags) { end_line2(b, f, NULL, flags); }

/* what the figure's sentence says it covers: "from continuing operations",
   "excluding items" (an adjusted figure the call says excludes something) */
static void eps_scope(ea_buf *b, const ea_call *c, const ea_fact *f) {
    size_t tl;
    const char *t = ea_call_text(c, &tl);
    if (f->sentence.end > tl || f->sentence.start >= f->sentence.end) return;
    ea_str s = ea_str_make(t + f->sentence.start, f->sentence.end - f->sentence.start);
    if (ea_ifind(s, "continuing operations")) ea_buf_puts(b, " from continuing operations");
    if (ea_sum_adjusted(f) && (ea_ifind(s, "excluding") || ea_ifind(s, "excludes"))) ea_buf_puts(b, " excluding items");
}

static void actual_eps(ea_buf *b, const ea_call *c, const ea_fact *f, unsigned flags) {
    period_word(b, f->period);
    eps_words(b, f, f->value < 0);
    ea_sum_amount(b, c, f, fabs(f->value), 0);
    eps_scope(b, c, f);
    end_line(b, f, flags);
}

/* the year of a guidance period, when the call writes it ("sees fy 2026") */
static void guidance_year(ea_buf *b, const ea_call *c, const ea_fact *f) {
    size_t tl;
    const char *t = ea_call_text(c, &tl);
    if (f->period.len == 6 && f->period.ptr[0] == 'F' &&
        ea_find_n(ea_str_make(t, tl), f->period.ptr + 2, 4)) {
        ea_buf_putc(b, ' ');
        ea_buf_append(b, f->period.ptr + 2, 4);
    }
}

static void guidance(ea_buf *b, const ea_call *c, const ea_fact *f, unsigned flags) {
    ea_buf_puts(b, "sees ");
    period_word(b, f->period);
    guidance_year(b, c, f);
    int loss = f->is_range ? f->high < 0 : f->value < 0;
    if (ea_sum_is(f->metric, "revenue")) {
        ea_buf_putc(b, ' ');
        ea_buf_puts(b, revenue_word(f));
        ea_buf_putc(b, ' ');
    } else {
        eps_words(b, f, loss);
    }
    if (!f->is_range) { /* "sees fy sales about $3.7 billion" */
        if (f->approx) ea_buf_puts(b, "about ");
        ea_sum_amount(b, c, f, fabs(f->value), 0);
        if (!ea_sum_is(f->metric, "revenue")) eps_scope(b, c, f);
        end_line(b, f, flags);
        return;
    }
    /* a loss range is written low loss to high loss */
    ea_sum_amount(b, c, f, loss ? -f->high : f->low, loss ? 1 : 0);
    ea_buf_puts(b, " to ");
    ea_sum_amount(b, c, f, loss ? -f->low : f->high, loss ? 0 : 1);
    if (!ea_sum_is(f->metric, "revenue")) eps_scope(b, c, f);
    end_line(b, f, flags);
}

/* the metric as the call named it, lower case, with its basis: "adjusted
   ebitda", "free cash flow"; the metric id for a phrase in another script */
static void metric_words(ea_buf *b, const ea_fact *f) {
    ea_str ph = f->metric_phrase;
    int ascii = ph.len > 0;
    for (size_t i = 0; i < ph.len; i++)
        if ((unsigned char)ph.ptr[i] >= 0x80) ascii = 0;
    if (ea_sum_is(f->basis, "non_gaap") && !(ascii && ea_ifind(ph, "gaap"))) ea_buf_puts(b, " non-gaap");
    else if (ea_sum_is(f->basis, "adjusted") && !(ascii && ea_ifind(ph, "adjusted"))) ea_buf_puts(b, " adjusted");
    ea_buf_putc(b, ' ');
    if (ascii) {
        for (size_t i = 0; i < ph.len; i++) ea_buf_putc(b, (char)ea_lower((unsigned char)ph.ptr[i]));
    } else {
        for (size_t i = 0; i < f->metric.len; i++) ea_buf_putc(b, f->metric.ptr[i] == '_' ? ' ' : f->metric.ptr[i]);
    }
}

static int is_pct(const ea_fact *f) { return f->unit && !strcmp(f->unit, "%"); }

/* a level: "$4.6 billion", "41.2 percent" */
static void level(ea_buf *b, const ea_call *c, const ea_fact *f, double v, int k) {
    if (is_pct(f)) {
        pct_text(b, c, f, v);
        ea_buf_puts(b, " percent");
    } else {
        ea_sum_amount(b, c, f, v, k);
    }
}

/* "q3 adjusted ebitda $4.6 billion." */
static void actual_other(ea_buf *b, const ea_call *c, const ea_fact *f, unsigned flags) {
    period_word(b, f->period);
    metric_words(b, f);
    ea_buf_putc(b, ' ');
    level(b, c, f, fabs(f->value), 0);
    end_line(b, f, flags);
}

/* "sees fy capital expenditures $450 million to $500 million.", "sees q1
   revenue up 6 to 8 percent.", "sees fy free cash flow about $1 billion." */
static void guidance_other(ea_buf *b, const ea_call *c, const ea_fact *f, unsigned flags) {
    /* a figure the call gave in words ("low teens", "a high single-digit
       rate") has no digits to repeat: the line would have to invent them */
    if (!ea_sum_number_text(c, f, f->is_range ? 1 : 0).len) return;
    ea_buf_puts(b, "sees ");
    period_word(b, f->period);
    guidance_year(b, c, f);
    metric_words(b, f);
    ea_buf_putc(b, ' ');
    if (f->is_change) {
        double lo = f->is_range ? f->low : f->value, hi = f->is_range ? f->high : f->value;
        ea_buf_puts(b, hi < 0 || (hi == 0 && lo < 0) ? "down " : "up ");
        ea_str d0 = ea_sum_number_text(c, f, 0), d1 = ea_sum_number_text(c, f, 1);
        if (f->is_range && d0.len && d1.len) {
            ea_buf_append(b, d0.ptr, d0.len);
            ea_buf_puts(b, " to ");
            ea_buf_append(b, d1.ptr, d1.len);
        } else {
            pct_text(b, c, f, lo);
        }
        ea_buf_puts(b, " percent");
    } else if (f->is_range) {
        level(b, c, f, f->low, 0);
        ea_buf_puts(b, " to ");
        level(b, c, f, f->high, 1);
    } else {
        if (f->approx) ea_buf_puts(b, "about ");
        level(b, c, f, f->value, 0);
    }
    end_line(b, f, flags);
}

/* the other figures a wire headline reports, after EPS and revenue */
static const char *const other_actuals[] = {"net_income", "ebitda", "operating_income", "free_cash_flow",
                                             "same_store_sales", "backlog"};
/* the guidance a wire headline carries besides EPS and revenue ranges:
   metric and whether the figure is a growth rate (tuned on ECTSum train:
   capital spending and margins cost more words than they match) */
static const struct {
    const char *metric;
    int change;
} guided[] = {{"revenue", 0}, {"revenue", 1}, {"eps", 0},          {"ffo", 0},
              {"ebitda", 0},  {"free_cash_flow", 0}, {"same_store_sales", 1}};

static int guided_metric(const ea_fact *f) {
    for (size_t i = 0; i < sizeof guided / sizeof guided[0]; i++)
        if (ea_sum_is(f->metric, guided[i].metric) && f->is_change == guided[i].change) return 1;
    return 0;
}

static int same_slot(const ea_fact *a, const ea_fact *b) {
    return a->metric.len == b->metric.len && !memcmp(a->metric.ptr, b->metric.ptr, a->metric.len) &&
           a->period.len == b->period.len && !memcmp(a->period.ptr, b->period.ptr, a->period.len) &&
           ea_sum_adjusted(a) == ea_sum_adjusted(b) && a->is_change == b->is_change;
}

/* the same range for the same period, restated under another name ("core
   FFO per share guidance ... to a new range of $2.75 to $2.80") */
static int same_numbers(const ea_fact *a, const ea_fact *b) {
    return a->is_range && b->is_range && a->is_change == b->is_change && a->low == b->low && a->high == b->high &&
           a->period.len == b->period.len && !memcmp(a->period.ptr, b->period.ptr, a->period.len);
}

ea_status ea_digest_write_bullets(const ea_call *c, const ea_facts *fs, unsigned flags, ea_write_fn write,
                                  void *ctx) {
    if (!c || !fs || !write) return EA_ERR_USAGE;
    ea_buf b;
    ea_buf_init(&b, 0);
    ea_headline h;
    ea_sum_headline(c, fs, &h);
    const ea_fact *lead = h.eps_adj ? h.eps_adj : h.eps ? h.eps : h.ffo;
    if (lead) {
        /* the wire's opening line names the company and its lead figure */
        ea_buf_puts(&b, "compname reports ");
        actual_eps(&b, c, lead, flags);
    }
    if (h.eps_adj) actual_eps(&b, c, h.eps_adj, flags);
    if (h.eps) actual_eps(&b, c, h.eps, flags);
    if (h.ffo) actual_eps(&b, c, h.ffo, flags);
    if (h.rev) {
        const ea_fact *r = h.rev, *ch = h.rev_change;
        period_word(&b, r->period);
        ea_buf_putc(&b, ' ');
        ea_buf_puts(&b, revenue_word(r));
        if (ch && ch->yoy_pct != 0) {
            ea_buf_puts(&b, ch->yoy_pct > 0 ? " rose " : " fell ");
            if (!ch->is_change) { /* the level's own change, or that of another statement of it */
                char t[32];
                int n = snprintf(t, sizeof t, "%.15g", fabs(ch->yoy_pct));
                if (n > 0) ea_buf_append(&b, t, (size_t)n);
            } else {
                pct_text(&b, c, ch, ch->yoy_pct);
            }
            ea_buf_puts(&b, " percent to ");
        } else {
            ea_buf_putc(&b, ' ');
        }
        ea_sum_amount(&b, c, r, r->value, 0);
        end_line2(&b, r, ch, flags);
    }
    const ea_fact *gs[] = {h.g_q_eps, h.g_q_rev, h.g_y_eps_adj, h.g_y_eps, h.g_y_rev};
    for (size_t k = 0; k < sizeof gs / sizeof gs[0]; k++)
        if (gs[k]) guidance(&b, c, gs[k], flags);
    if (h.next[0]) {
        enum { MAXG = 12 };
        const ea_fact *done[MAXG + 5];
        size_t nd = 0, n = ea_facts_count(fs);
        for (size_t k = 0; k < sizeof gs / sizeof gs[0]; k++)
            if (gs[k]) done[nd++] = gs[k];
        for (size_t i = 0; i < n && nd < MAXG + 5; i++) {
            const ea_fact *f = ea_facts_get(fs, i);
            if (f->in_translation || f->company.len || !f->has_value || f->kind != EA_FACT_GUIDANCE) continue;
            if (f->segment.len || !guided_metric(f) || ea_sum_earlier_guidance(c, f)) continue;
            if (ea_sum_guided_effect(c, f)) continue;
            if (!ea_sum_is(f->period, h.next) && !ea_sum_is(f->period, h.fy) && !ea_sum_is(f->period, h.fy_next)) continue;
            if (!f->is_range) continue;
            int dup = 0;
            for (size_t j = 0; j < nd; j++)
                dup |= same_slot(done[j], f) || same_numbers(done[j], f);
            if (dup) continue;
            done[nd++] = f;
            /* per-share guidance in the EPS words, whatever words the
               call put before its range ("narrowing our 2021 guidance
               range to $5.90 to $6.10") */
            if (ea_sum_is(f->metric, "eps") || ea_sum_is(f->metric, "ffo"))
                guidance(&b, c, f, flags);
            else
                guidance_other(&b, c, f, flags);
        }
    }
    if (!b.len && h.period[0]) {
        /* no EPS, revenue or their guidance: the quarter's other headline
           figures */
        for (size_t m = 0; m < sizeof other_actuals / sizeof other_actuals[0]; m++)
            for (int adj = 1; adj >= 0; adj--) {
                const ea_fact *f = ea_sum_lead(c, fs, other_actuals[m], h.period, adj);
                if (f) {
                    actual_other(&b, c, f, flags);
                    break;
                }
            }
    }
    int failed = b.failed || (b.len && write(ctx, b.ptr, b.len));
    ea_buf_free(&b);
    return failed ? EA_ERR_IO : EA_OK;
}
