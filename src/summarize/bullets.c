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

/* How the call wrote the number: the scale word follows the stated number
 * ($40.7 million is 40.7 and "million"). */
static void money(ea_buf *b, double v, double stated, const char *unit) {
    double a = fabs(v);
    double sc = stated != 0 ? a / fabs(stated) : 1;
    const char *word = "";
    if (fabs(sc - 1e9) < 1) word = " billion";
    else if (fabs(sc - 1e6) < 1e-3) word = " million";
    else if (fabs(sc - 1e3) < 1e-6) word = " thousand";
    else if (fabs(sc - 1e12) < 1e3) word = " trillion";
    else if (fabs(sc - 1e8) < 1e-2) word = "00 million"; /* 亿: 1.6亿 = 160 million */
    else sc = 1;
    if (!strcmp(word, "00 million")) {
        sc = 1e6;
        word = " million";
    }
    double x = a / sc;
    char t[64];
    int n = snprintf(t, sizeof t, "%s%s%.15g%s", v < 0 ? "-" : "", !strcmp(unit, "USD") ? "$" : "", x, word);
    if (n > 0) ea_buf_append(b, t, (size_t)n < sizeof t ? (size_t)n : sizeof t - 1);
    if (strcmp(unit, "USD") && strcmp(unit, "%") && *unit) {
        ea_buf_putc(b, ' ');
        ea_buf_puts(b, unit);
    }
}

static void pct(ea_buf *b, double v) {
    char t[32];
    int n = snprintf(t, sizeof t, "%.15g", fabs(v));
    if (n > 0) ea_buf_append(b, t, (size_t)n);
    ea_buf_puts(b, " percent");
}

/* the stated scale of a range: low and high share the fact's stated scale */
static void range(ea_buf *b, const ea_fact *f) {
    double sc = f->stated != 0 && f->low != 0 ? fabs(f->low) / fabs(f->stated) : 1;
    if (!(fabs(sc - 1) < 1e-9 || fabs(sc - 1e3) < 1e-6 || fabs(sc - 1e6) < 1e-3 || fabs(sc - 1e9) < 1)) sc = 1;
    if (!strcmp(f->unit, "%")) {
        char t[64];
        int n = snprintf(t, sizeof t, "%.15g%% to %.15g%%", f->low, f->high);
        if (n > 0) ea_buf_append(b, t, (size_t)n);
        return;
    }
    money(b, f->low, f->low / sc, f->unit);
    ea_buf_puts(b, " to ");
    money(b, f->high, f->high / sc, f->unit);
}

static int is_metric(const ea_fact *f, const char *m) {
    return f->metric.len == strlen(m) && memcmp(f->metric.ptr, m, f->metric.len) == 0;
}
static int has_basis(const ea_fact *f, const char *bs) {
    return f->basis.len == strlen(bs) && memcmp(f->basis.ptr, bs, f->basis.len) == 0;
}
static int same_period(const ea_fact *f, const char *p) {
    return p && f->period.len == strlen(p) && memcmp(f->period.ptr, p, f->period.len) == 0;
}

/* "q1" for "2024Q1", "fy 2024" for "FY2024" */
static void period_word(ea_buf *b, ea_str p, int with_year) {
    if (p.len == 6 && p.ptr[4] == 'Q') {
        ea_buf_putc(b, 'q');
        ea_buf_putc(b, p.ptr[5]);
    } else if (p.len == 6 && p.ptr[0] == 'F') {
        ea_buf_puts(b, "fy");
        if (with_year) {
            ea_buf_putc(b, ' ');
            ea_buf_append(b, p.ptr + 2, 4);
        }
    } else if (p.len == 6 && p.ptr[4] == 'H') {
        ea_buf_puts(b, p.ptr[5] == '1' ? "first-half" : "second-half");
    }
}

static const char *revenue_word(const ea_fact *f) {
    ea_str ph = f->metric_phrase;
    return ph.len && ea_ifind(ph, "sales") ? "sales" : "revenue";
}

/* A fact picked for a bullet, and the paragraph it cites. */
static void cite(ea_buf *b, const ea_fact *f, unsigned flags) {
    if (flags & EA_BULLETS_CITE) {
        char t[24];
        int n = snprintf(t, sizeof t, " [%u]", f->para + 1);
        if (n > 0) ea_buf_append(b, t, (size_t)n);
    }
    ea_buf_puts(b, ".\n");
}

ea_status ea_digest_write_bullets(const ea_call *c, const ea_facts *fs, unsigned flags, ea_write_fn write,
                                  void *ctx) {
    if (!c || !fs || !write) return EA_ERR_USAGE;
    ea_buf b;
    ea_buf_init(&b, 0);
    const ea_call_info *in = ea_call_get_info(c);
    char callp[8] = "", nextq[8] = "";
    ea_sum_call_period(c, fs, callp, nextq);
    size_t n = ea_facts_count(fs);
    const ea_fact *eps_adj = NULL, *eps_gaap = NULL, *rev = NULL;
    const ea_fact *g_rev_q = NULL, *g_eps_q = NULL, *g_rev_y = NULL, *g_eps_y = NULL, *g_epsg_y = NULL;
    for (size_t i = 0; i < n; i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        if (f->in_translation || f->company.len || !f->has_value) continue;
        if (f->kind == EA_FACT_ACTUAL && same_period(f, callp) && !f->segment.len && !f->is_change) {
            if (is_metric(f, "eps") && f->per_share && !f->is_range) {
                int adj = has_basis(f, "adjusted") || has_basis(f, "non_gaap");
                if (adj && !eps_adj) eps_adj = f;
                if (!adj && !eps_gaap) eps_gaap = f;
            }
            if (is_metric(f, "revenue") && !strcmp(f->unit, "USD") && !rev) rev = f;
            else if (is_metric(f, "revenue") && rev && !rev->has_yoy && f->has_yoy && fabs(f->value - rev->value) < 1)
                rev = f;
        }
        if (f->kind == EA_FACT_GUIDANCE && f->is_range && !f->segment.len) {
            int q = same_period(f, nextq), y = f->period.len && f->period.ptr[0] == 'F';
            if (is_metric(f, "revenue") && strcmp(f->unit, "%")) {
                if (q && !g_rev_q) g_rev_q = f;
                if (y && !g_rev_y) g_rev_y = f;
            }
            if (is_metric(f, "eps")) {
                int adj = has_basis(f, "adjusted") || has_basis(f, "non_gaap");
                if (q && !g_eps_q) g_eps_q = f;
                if (y && adj && !g_eps_y) g_eps_y = f;
                if (y && !adj && !g_epsg_y) g_epsg_y = f;
            }
        }
    }
    (void)in;
    if (eps_adj) {
        period_word(&b, eps_adj->period, 0);
        ea_buf_puts(&b, eps_adj->value < 0 ? " adjusted loss per share " : " adjusted earnings per share ");
        money(&b, fabs(eps_adj->value), eps_adj->stated, eps_adj->unit);
        cite(&b, eps_adj, flags);
    }
    if (eps_gaap) {
        period_word(&b, eps_gaap->period, 0);
        ea_buf_puts(&b, eps_adj ? " gaap" : "");
        ea_buf_puts(&b, eps_gaap->value < 0 ? " loss per share " : " earnings per share ");
        money(&b, fabs(eps_gaap->value), eps_gaap->stated, eps_gaap->unit);
        cite(&b, eps_gaap, flags);
    }
    if (rev) {
        period_word(&b, rev->period, 0);
        ea_buf_putc(&b, ' ');
        ea_buf_puts(&b, revenue_word(rev));
        if (rev->has_yoy && rev->yoy_pct != 0) {
            ea_buf_puts(&b, rev->yoy_pct > 0 ? " rose " : " fell ");
            pct(&b, rev->yoy_pct);
            ea_buf_puts(&b, " to ");
        } else {
            ea_buf_putc(&b, ' ');
        }
        money(&b, rev->value, rev->stated, rev->unit);
        cite(&b, rev, flags);
    }
    const ea_fact *gs[] = {g_eps_q, g_rev_q, g_eps_y, g_epsg_y, g_rev_y};
    for (size_t k = 0; k < sizeof gs / sizeof gs[0]; k++) {
        const ea_fact *f = gs[k];
        if (!f) continue;
        ea_buf_puts(&b, "sees ");
        period_word(&b, f->period, 1);
        if (is_metric(f, "eps")) {
            int adj = has_basis(f, "adjusted") || has_basis(f, "non_gaap");
            ea_buf_puts(&b, adj ? " adjusted" : f->basis.len ? " gaap" : "");
            ea_buf_puts(&b, f->high < 0 ? " loss per share " : " earnings per share ");
            if (f->high < 0) {
                ea_fact g = *f;
                g.low = -f->high;
                g.high = -f->low;
                g.stated = fabs(f->stated);
                range(&b, &g);
                cite(&b, f, flags);
                continue;
            }
        } else {
            ea_buf_putc(&b, ' ');
            ea_buf_puts(&b, revenue_word(f));
            ea_buf_putc(&b, ' ');
        }
        range(&b, f);
        cite(&b, f, flags);
    }
    int failed = b.failed || (b.len && write(ctx, b.ptr, b.len));
    ea_buf_free(&b);
    return failed ? EA_ERR_IO : EA_OK;
}
