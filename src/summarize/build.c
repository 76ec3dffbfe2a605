/* Building the digest: key figures and guidance from the facts, themed
 * minutes from the sentences that carry the call, a line per Q&A exchange,
 * and the tone of each speaker. Text is generated from templates (figures)
 * or compressed from one source sentence (minutes, Q&A); either way every
 * number in it comes from the paragraphs it cites. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest_int.h"
#include "model/call_int.h"
#include "summarize_int.h"
#include "util/buf.h"
#include "util/text.h"

/* ---- small helpers ------------------------------------------------------ */

/* equal strings; empty ones may have NULL pointers */
static int same_str(ea_str a, ea_str b) { return a.len == b.len && (!a.len || !memcmp(a.ptr, b.ptr, a.len)); }

static int zh(const dg_t *dg) { return dg->lang == EA_LANG_ZH_HANS || dg->lang == EA_LANG_ZH_HANT; }

void ea_dg_in_variant(const dg_t *dg, ea_buf *dst, const char *s, size_t n) {
    if (dg->lang != EA_LANG_ZH_HANT) {
        ea_buf_append(dst, s, n);
        return;
    }
    /* generated Chinese is written in Simplified; map it */
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        uint32_t cp;
        int k = ea_utf8_next(p, end, &cp);
        if (k < 1) k = 1;
        if (k == 3) {
            char u[4];
            ea_buf_append(dst, u, ea_utf8_put(u, ea_zh_hant_of(cp)));
        } else {
            ea_buf_append(dst, p, (size_t)k);
        }
        p += k;
    }
}

/* Copy a buffer into the arena as it is; a failed buffer or copy marks the
   digest failed and gives "". */
static ea_str keep_raw(dg_t *dg, const ea_buf *b) {
    char *s = b->failed ? NULL : ea_arena_strdup(&dg->arena, b->ptr ? b->ptr : "", b->len);
    if (!s) {
        dg->failed = 1;
        return ea_str_make("", 0);
    }
    return ea_str_make(s, b->len);
}

/* Copy a composed line into the arena (Traditional when asked). */
static ea_str keep(dg_t *dg, ea_buf *b) {
    if (b->failed || dg->lang != EA_LANG_ZH_HANT) return keep_raw(dg, b);
    ea_buf t;
    ea_buf_init(&t, 0);
    ea_dg_in_variant(dg, &t, b->ptr ? b->ptr : "", b->len);
    ea_str r = keep_raw(dg, &t);
    ea_buf_free(&t);
    return r;
}

static void cite(dg_item *it, uint32_t para) {
    for (uint32_t i = 0; i < it->n_cites; i++)
        if (it->cites[i] == para) return;
    if (it->n_cites >= DG_MAX_CITES) return;
    uint32_t i = it->n_cites++;
    while (i > 0 && it->cites[i - 1] > para) {
        it->cites[i] = it->cites[i - 1];
        i--;
    }
    it->cites[i] = para;
}

static void putd(ea_buf *b, double v) {
    char t[48];
    int n = snprintf(t, sizeof t, "%.15g", v);
    if (n > 0) ea_buf_append(b, t, (size_t)n < sizeof t ? (size_t)n : sizeof t - 1);
}

/* a question mark, ASCII or full width, at the end */
static int ea_ends_with_qmark(ea_str t) {
    return t.len >= 3 && !memcmp(t.ptr + t.len - 3, "\xEF\xBC\x9F", 3);
}

/* the span in the call's text of a piece of a paragraph's translation */
static ea_span ea_span_of(const ea_call *c, const ea_paragraph *p, ea_str piece) {
    size_t tl;
    const char *t = ea_call_text(c, &tl);
    ea_span s = {0, 0};
    if (piece.ptr >= t && piece.ptr + piece.len <= t + tl) {
        s.start = (size_t)(piece.ptr - t);
        s.end = s.start + piece.len;
    } else {
        s = p->tr_span;
    }
    return s;
}

/* ---- amounts ------------------------------------------------------------ */

static const char *cur_symbol(const char *unit) {
    if (!unit) return "";
    if (!strcmp(unit, "USD")) return "$";
    if (!strcmp(unit, "EUR")) return "\xE2\x82\xAC";
    if (!strcmp(unit, "GBP")) return "\xC2\xA3";
    return NULL;
}

static int is_money(const char *unit) {
    return unit && *unit && strcmp(unit, "%") && strcmp(unit, "pp") && strcmp(unit, "bps") && strcmp(unit, "x") &&
           strcmp(unit, "shares");
}

/* "$40.7M", "$1.83B", "$0.31", "18.9%", "NT$1.2B" -> English short form.
 * The digits are the value's own (no rounding): 2,323 million is $2.323B. */
static void amount_en(ea_buf *b, double v, const ea_fact *f) {
    const char *u = f->unit ? f->unit : "";
    if (!strcmp(u, "%")) {
        putd(b, v);
        ea_buf_putc(b, '%');
        return;
    }
    if (!strcmp(u, "pp") || !strcmp(u, "bps")) {
        putd(b, v);
        ea_buf_puts(b, !strcmp(u, "pp") ? " pp" : " bps");
        return;
    }
    if (!strcmp(u, "x")) {
        putd(b, v);
        ea_buf_putc(b, 'x');
        return;
    }
    if (v < 0) ea_buf_putc(b, '-');
    double a = fabs(v);
    const char *sym = cur_symbol(u);
    if (sym) ea_buf_puts(b, sym);
    if (!f->per_share && a >= 1e9) {
        putd(b, a / 1e9);
        ea_buf_putc(b, 'B');
    } else if (!f->per_share && a >= 1e6) {
        putd(b, a / 1e6);
        ea_buf_putc(b, 'M');
    } else if (!f->per_share && a >= 1e4 && is_money(u)) {
        putd(b, a / 1e3);
        ea_buf_putc(b, 'K');
    } else {
        /* per share: keep cents ($0.30, $1.00) */
        char t[48];
        int n = (f->per_share || (is_money(u) && a < 1000 && a != floor(a))) ? snprintf(t, sizeof t, "%.2f", a)
                                                                           : snprintf(t, sizeof t, "%.15g", a);
        if ((f->per_share || a < 1000) && n > 0 && fabs(strtod(t, NULL) - a) > 1e-9)
            n = snprintf(t, sizeof t, "%.15g", a);
        if (n > 0) ea_buf_append(b, t, (size_t)n);
    }
    if (!sym && *u && strcmp(u, "shares")) {
        ea_buf_putc(b, ' ');
        ea_buf_puts(b, u);
    } else if (!strcmp(u, "shares")) {
        ea_buf_puts(b, " shares");
    }
}

/* Chinese: 4,070万美元, 1.6亿美元, 18.9%, 每股0.31美元 */
static void group3(ea_buf *b, double x) {
    /* x >= 0 with at most a few decimals: thousands separators on the
       integer part */
    char t[64];
    int n = snprintf(t, sizeof t, "%.15g", x);
    if (n <= 0 || (size_t)n >= sizeof t) return;
    const char *dot = strchr(t, '.');
    size_t ilen = dot ? (size_t)(dot - t) : (size_t)n;
    if (strchr(t, 'e')) {
        ea_buf_append(b, t, (size_t)n);
        return;
    }
    for (size_t i = 0; i < ilen; i++) {
        if (i && (ilen - i) % 3 == 0) ea_buf_putc(b, ',');
        ea_buf_putc(b, t[i]);
    }
    if (dot) ea_buf_puts(b, dot);
}

static const char *zh_currency(const char *u) {
    if (!u) return "";
    if (!strcmp(u, "USD")) return "美元";
    if (!strcmp(u, "CNY")) return "元";
    if (!strcmp(u, "EUR")) return "欧元";
    if (!strcmp(u, "GBP")) return "英镑";
    if (!strcmp(u, "JPY")) return "日元";
    if (!strcmp(u, "HKD")) return "港元";
    if (!strcmp(u, "TWD")) return "新台币";
    return u;
}

static void amount_zh(ea_buf *b, double v, const ea_fact *f) {
    const char *u = f->unit ? f->unit : "";
    if (!strcmp(u, "shares")) {
        double a = fabs(v);
        if (a >= 1e8) putd(b, a / 1e8), ea_buf_puts(b, "亿股");
        else if (a >= 1e4) group3(b, a / 1e4), ea_buf_puts(b, "万股");
        else putd(b, a), ea_buf_puts(b, "股");
        return;
    }
    if (!is_money(u)) {
        amount_en(b, v, f);
        return;
    }
    if (v < 0) ea_buf_putc(b, '-');
    double a = fabs(v);
    if (f->per_share || ea_sum_is(f->metric, "eps")) {
        putd(b, a); /* the label says 每股 */
    } else if (a >= 1e8) {
        putd(b, a / 1e8);
        ea_buf_puts(b, "亿");
    } else if (a >= 1e4) {
        group3(b, a / 1e4);
        ea_buf_puts(b, "万");
    } else {
        putd(b, a);
    }
    ea_buf_puts(b, zh_currency(u));
}

static void amount(const dg_t *dg, ea_buf *b, double v, const ea_fact *f) {
    if (zh(dg)) amount_zh(b, v, f);
    else amount_en(b, v, f);
}

static void range_lohi(const dg_t *dg, ea_buf *b, const ea_fact *f, double lo, double hi) {
    if (zh(dg) && is_money(f->unit)) {
        /* 4,100万至4,600万美元: the currency once, at the end */
        const char *cur = zh_currency(f->unit);
        for (int k = 0; k < 2; k++) {
            double a = fabs(k ? hi : lo);
            if ((k ? hi : lo) < 0) ea_buf_putc(b, '-');
            if (f->per_share) putd(b, a);
            else if (fabs(hi) >= 1e8) {
                putd(b, a / 1e8);
                ea_buf_puts(b, "亿");
            } else if (fabs(hi) >= 1e4) {
                group3(b, a / 1e4);
                ea_buf_puts(b, "万");
            } else {
                putd(b, a);
            }
            if (!k) ea_buf_puts(b, "至");
        }
        ea_buf_puts(b, cur);
        return;
    }
    amount(dg, b, lo, f);
    ea_buf_puts(b, zh(dg) ? "至" : " to ");
    amount(dg, b, hi, f);
}

static void range(const dg_t *dg, ea_buf *b, const ea_fact *f) { range_lohi(dg, b, f, f->low, f->high); }

void ea_dg_amount(const dg_t *dg, ea_buf *b, double v, const ea_fact *f) { amount(dg, b, v, f); }
void ea_dg_range(const dg_t *dg, ea_buf *b, const ea_fact *f, double lo, double hi) { range_lohi(dg, b, f, lo, hi); }

/* ---- names of things ---------------------------------------------------- */

static const struct {
    const char *id, *en, *zh;
} metric_names[] = {
    {"revenue", "Revenue", "营收"},
    {"gross_margin", "Gross margin", "毛利率"},
    {"operating_margin", "Operating margin", "营业利润率"},
    {"ebitda_margin", "EBITDA margin", "EBITDA利润率"},
    {"net_margin", "Net margin", "净利率"},
    {"operating_income", "Operating income", "营业利润"},
    {"net_income", "Net income", "净利润"},
    {"eps", "EPS", "每股收益"},
    {"ffo", "FFO per share", "每股FFO"},
    {"ebitda", "EBITDA", "EBITDA"},
    {"gross_profit", "Gross profit", "毛利"},
    {"operating_expenses", "Operating expenses", "营业费用"},
    {"free_cash_flow", "Free cash flow", "自由现金流"},
    {"operating_cash_flow", "Operating cash flow", "经营现金流"},
    {"cash", "Cash", "现金"},
    {"debt", "Debt", "债务"},
    {"capex", "Capex", "资本开支"},
    {"same_store_sales", "Same-store sales", "同店销售"},
    {"backlog", "Backlog", "在手订单"},
    {"bookings", "Bookings", "订单"},
    {"book_to_bill", "Book-to-bill", "订单出货比"},
    {"tax_rate", "Tax rate", "税率"},
    {"inventory", "Inventory", "存货"},
    {"dividend", "Dividend", "股息"},
    {"buyback", "Buybacks", "回购"},
    {"arr", "ARR", "年度经常性收入"},
    {"customers", "Customers", "客户"},
    {"units", "Units", "出货量"},
    {"shares", "Shares", "股数"},
    {"capacity", "Capacity", "产能"},
    {"market_share", "Market share", "市场份额"},
    {"r_and_d", "R&D", "研发费用"},
    {"sga", "SG&A", "销售及管理费用"},
};

static int metric_ix(ea_str id) {
    for (size_t i = 0; i < sizeof metric_names / sizeof metric_names[0]; i++)
        if (ea_sum_is(id, metric_names[i].id)) return (int)i;
    return -1;
}

/* a negative result is a loss: "Net loss", "Operating loss", "Loss per share" */
static const struct {
    const char *id, *en, *zh;
} loss_names[] = {{"net_income", "Net loss", "净亏损"},
                  {"operating_income", "Operating loss", "营业亏损"},
                  {"eps", "Loss per share", "每股亏损"},
                  {"ebitda", "EBITDA loss", "EBITDA亏损"},
                  {"free_cash_flow", "Free cash outflow", "自由现金流出"}};

static int is_loss(const ea_fact *f) {
    if (f->is_change || !f->has_value) return 0;
    double v = f->is_range ? f->high : f->value;
    if (v >= 0) return 0;
    for (size_t i = 0; i < sizeof loss_names / sizeof loss_names[0]; i++)
        if (ea_sum_is(f->metric, loss_names[i].id)) return (int)i + 1;
    return 0;
}

int ea_dg_is_loss(const ea_fact *f) { return is_loss(f) != 0; }

static void metric_label(const dg_t *dg, ea_buf *b, const ea_fact *f) {
    int i = metric_ix(f->metric);
    int loss = is_loss(f);
    const char *basis = NULL;
    if (ea_sum_is(f->basis, "adjusted")) basis = zh(dg) ? "经调整" : "adjusted";
    else if (ea_sum_is(f->basis, "non_gaap")) basis = zh(dg) ? "非GAAP" : "non-GAAP";
    else if (ea_sum_is(f->basis, "gaap")) basis = "GAAP";
    else if (ea_sum_is(f->basis, "organic")) basis = zh(dg) ? "有机" : "organic";
    else if (ea_sum_is(f->basis, "constant_currency")) basis = zh(dg) ? "固定汇率" : "constant-currency";
    /* a segment as the call names it; never one holding a number */
    int seg = f->segment.len > 0;
    for (size_t k = 0; k < f->segment.len && seg; k++) seg = !ea_is_digit((unsigned char)f->segment.ptr[k]);
    if (seg && (ea_ifind(f->segment, "million") || ea_ifind(f->segment, "billion"))) seg = 0;
    if (seg) {
        ea_buf_append(b, f->segment.ptr, f->segment.len);
        ea_buf_puts(b, zh(dg) ? "" : " ");
    }
    if (basis && !zh(dg)) {
        /* "Adjusted EPS", "GAAP EPS" */
        if (!seg) {
            ea_buf_putc(b, (char)(ea_is_lower((unsigned char)basis[0]) ? basis[0] - 32 : basis[0]));
            ea_buf_puts(b, basis + 1);
        } else {
            ea_buf_puts(b, basis);
        }
        ea_buf_putc(b, ' ');
        if (i >= 0) {
            const char *n = loss ? loss_names[loss - 1].en : metric_names[i].en;
            /* "Adjusted gross margin": the metric name lower-cased after a basis */
            if (ea_is_upper((unsigned char)n[0]) && n[1] && ea_is_lower((unsigned char)n[1])) {
                ea_buf_putc(b, (char)(n[0] + 32));
                ea_buf_puts(b, n + 1);
            } else {
                ea_buf_puts(b, n);
            }
        }
    } else if (basis) {
        ea_buf_puts(b, basis);
    }
    if (basis && !zh(dg)) {
        /* done */
    } else if (i >= 0) {
        const char *n = loss ? (zh(dg) ? loss_names[loss - 1].zh : loss_names[loss - 1].en)
                             : zh(dg) ? metric_names[i].zh : metric_names[i].en;
        if (seg && !zh(dg) && ea_is_upper((unsigned char)n[0]) && n[1] && ea_is_lower((unsigned char)n[1])) {
            ea_buf_putc(b, (char)(n[0] + 32));
            ea_buf_puts(b, n + 1);
        } else {
            ea_buf_puts(b, n);
        }
    } else if (f->metric_phrase.len) {
        ea_str ph = f->metric_phrase;
        if (ph.len > 60) ph.len = ea_utf8_floor(ph.ptr, 60);
        ea_buf_append(b, ph.ptr, ph.len);
    } else {
        ea_buf_puts(b, zh(dg) ? "其他" : "Other");
    }
}

/* "Q1 2024", "FY2024", "1H 2024"; Chinese "2024年第一季度", "2024财年" */
static void period_label(const dg_t *dg, ea_buf *b, ea_str p) {
    static const char *const zq[] = {"第一季度", "第二季度", "第三季度", "第四季度"};
    if (p.len != 6 || ea_find(p, "0000")) return; /* a year never resolved */
    if (p.ptr[4] == 'Q' && p.ptr[5] >= '1' && p.ptr[5] <= '4') {
        if (zh(dg)) {
            ea_buf_append(b, p.ptr, 4);
            ea_buf_puts(b, "年");
            ea_buf_puts(b, zq[p.ptr[5] - '1']);
        } else {
            ea_buf_putc(b, 'Q');
            ea_buf_putc(b, p.ptr[5]);
            ea_buf_putc(b, ' ');
            ea_buf_append(b, p.ptr, 4);
        }
    } else if (p.ptr[4] == 'H') {
        if (zh(dg)) {
            ea_buf_append(b, p.ptr, 4);
            ea_buf_puts(b, p.ptr[5] == '1' ? "年上半年" : "年下半年");
        } else {
            ea_buf_putc(b, p.ptr[5]);
            ea_buf_puts(b, "H ");
            ea_buf_append(b, p.ptr, 4);
        }
    } else if (p.ptr[0] == 'F') {
        if (zh(dg)) {
            ea_buf_append(b, p.ptr + 2, 4);
            ea_buf_puts(b, "财年");
        } else {
            ea_buf_append(b, p.ptr, 6);
        }
    }
}

/* ---- key figures -------------------------------------------------------- */

/* the guidance this actual is compared with: same metric, basis class,
   segment and period, a range */
const ea_fact *ea_dg_guidance_for(const ea_facts *fs, const ea_fact *a) {
    size_t n = ea_facts_count(fs);
    for (size_t i = 0; i < n; i++) {
        const ea_fact *g = ea_facts_get(fs, i);
        if (g->kind != EA_FACT_GUIDANCE || !g->is_range || g->is_change || g->in_translation) continue;
        if (!same_str(g->metric, a->metric)) continue;
        if (!same_str(g->period, a->period)) continue;
        if (g->segment.len != a->segment.len) continue;
        if (strcmp(g->unit, a->unit) || ea_sum_adjusted(g) != ea_sum_adjusted(a)) continue;
        return g;
    }
    return NULL;
}

static int same_figure(const ea_fact *a, const ea_fact *b) {
    return !b->is_change && !b->in_translation && b->kind == a->kind && b->is_range == a->is_range &&
           same_str(b->metric, a->metric) &&
           b->segment.len == a->segment.len && ea_sum_adjusted(a) == ea_sum_adjusted(b) &&
           same_str(b->period, a->period) &&
           fabs(b->value - a->value) <= 1e-9 * (fabs(a->value) + 1);
}

/* A change of this figure: on any statement of the same figure, or a
 * change fact of the same metric in the sentence of one. */
static const ea_fact *change_for(const ea_facts *fs, const ea_fact *a, int qoq) {
    size_t n = ea_facts_count(fs);
    for (size_t i = 0; i < n; i++) {
        const ea_fact *s = ea_facts_get(fs, i);
        if (!same_figure(a, s)) continue;
        if (qoq ? s->has_qoq : s->has_yoy) return s;
        for (size_t j = i + 1; j < n; j++) {
            const ea_fact *g = ea_facts_get(fs, j);
            if (g->para != s->para || g->sentence.start != s->sentence.start) break;
            /* "double-digit growth" is a range, not a figure to print */
            if (!g->is_change || g->is_range || g->in_translation || g->segment.len != a->segment.len) continue;
            if (!same_str(g->metric, a->metric)) continue;
            if (qoq ? g->has_qoq : g->has_yoy) return g;
        }
    }
    return NULL;
}

static void pct_change(const dg_t *dg, ea_buf *b, double v, int qoq) {
    if (zh(dg)) {
        ea_buf_puts(b, qoq ? "，环比" : "，同比");
        ea_buf_puts(b, v < 0 ? "下降" : "增长");
        putd(b, fabs(v));
        ea_buf_putc(b, '%');
    } else {
        ea_buf_puts(b, ", ");
        ea_buf_putc(b, v < 0 ? '-' : '+');
        putd(b, fabs(v));
        ea_buf_puts(b, qoq ? "% QoQ" : "% YoY");
    }
}

static void key_item(dg_t *dg, dg_item *it, const ea_fact *f) {
    ea_buf b;
    ea_buf_init(&b, 4096);
    memset(it, 0, sizeof *it);
    it->fact = f;
    cite(it, f->para);
    it->quote = f->sentence;
    if (zh(dg)) {
        period_label(dg, &b, f->period);
    }
    metric_label(dg, &b, f);
    ea_buf_puts(&b, zh(dg) ? "" : " ");
    amount(dg, &b, is_loss(f) ? fabs(f->value) : f->value, f);
    const ea_fact *y = change_for(dg->facts, f, 0);
    const ea_fact *q = change_for(dg->facts, f, 1);
    if (y && y->has_yoy) {
        pct_change(dg, &b, y->yoy_pct, 0);
        cite(it, y->para);
    }
    if (q && q->has_qoq) {
        pct_change(dg, &b, q->qoq_pct, 1);
        cite(it, q->para);
    }
    const ea_fact *g = ea_dg_guidance_for(dg->facts, f);
    ea_fact flipped;
    if (g && is_loss(f) && g->high < 0) {
        /* a loss against a loss range: both as positive losses */
        flipped = *g;
        flipped.low = -g->high;
        flipped.high = -g->low;
    }
    if (g || f->vs_guidance != EA_VS_NONE) {
        ea_vs vs = f->vs_guidance;
        if (vs == EA_VS_NONE && g) vs = f->value < g->low ? EA_VS_BELOW : f->value > g->high ? EA_VS_ABOVE : EA_VS_WITHIN;
        if (zh(dg)) {
            ea_buf_puts(&b, vs == EA_VS_BELOW ? "，低于" : vs == EA_VS_ABOVE ? "，高于" : "，符合");
            if (g) {
                range(dg, &b, is_loss(f) && g->high < 0 ? &flipped : g);
                ea_buf_puts(&b, "的指引区间");
            } else {
                ea_buf_puts(&b, "指引");
            }
        } else {
            ea_buf_puts(&b, vs == EA_VS_BELOW ? ", below" : vs == EA_VS_ABOVE ? ", above" : ", within");
            ea_buf_puts(&b, " guidance");
            if (g) {
                ea_buf_puts(&b, is_loss(f) && g->high < 0 ? " of a loss of " : " of ");
                range(dg, &b, is_loss(f) && g->high < 0 ? &flipped : g);
            }
        }
        if (g) cite(it, g->para);
    }
    it->text = keep(dg, &b);
    ea_buf_free(&b);
}

/* How strongly the call leads with a figure: every statement of the same
 * metric, basis class, segment and value, earlier ones counting more. */
static double lead_weight(const dg_t *dg, const ea_fact *f, const uint32_t *of_metric, size_t n) {
    double w = 0;
    size_t np = ea_call_paragraph_count(dg->call);
    for (size_t i = 0; i < n; i++) {
        const ea_fact *g = ea_facts_get(dg->facts, of_metric[i]);
        if (g->in_translation || g->is_change || g->kind != f->kind || g->is_range != f->is_range) continue;
        if (!same_str(g->metric, f->metric)) continue;
        if (ea_sum_adjusted(g) != ea_sum_adjusted(f) || g->segment.len != f->segment.len) continue;
        if (fabs(g->value - f->value) > 1e-9 * (fabs(f->value) + 1)) continue;
        w += 1.0 + (np ? 1.0 - (double)g->para / (double)np : 0);
    }
    return w;
}

static const char *const key_metrics[] = {"revenue",  "gross_margin", "operating_margin", "operating_income",
                                          "net_income", "eps",        "ffo",              "ebitda",
                                          "free_cash_flow", "operating_cash_flow", "cash", "same_store_sales",
                                          "backlog",  "bookings"};

static int key_figures(dg_t *dg, const ea_headline *h) {
    enum { MAXK = 24 };
    const ea_fact *pick[MAXK];
    size_t np = 0;
    size_t n = ea_facts_count(dg->facts);
    /* the facts of one metric at a time: weighing is quadratic only in
       how often one metric is stated */
    uint32_t *of = n ? ea_arena_calloc(&dg->arena, n, sizeof *of) : NULL;
    if (n && !of) return -1;
    for (size_t m = 0; m < sizeof key_metrics / sizeof key_metrics[0]; m++) {
        size_t nm = 0;
        for (size_t i = 0; i < n; i++)
            if (ea_sum_is(ea_facts_get(dg->facts, i)->metric, key_metrics[m])) of[nm++] = (uint32_t)i;
        /* the best figure per basis class (reported, adjusted) */
        for (int adj = 0; adj < 2; adj++) {
            const ea_fact *best = NULL;
            double bw = 0;
            if (!strcmp(key_metrics[m], "revenue") && h->rev) {
                if (adj) continue;
                best = h->rev;
            } else if (!strcmp(key_metrics[m], "eps")) {
                best = adj ? h->eps_adj : h->eps;
            } else {
                for (size_t i = 0; i < nm; i++) {
                    const ea_fact *f = ea_facts_get(dg->facts, of[i]);
                    if (f->in_translation || f->company.len || !f->has_value || f->is_change || f->is_range) continue;
                    if (f->kind != EA_FACT_ACTUAL || f->segment.len) continue;
                    if (ea_sum_adjusted(f) != adj) continue;
                    if (h->period[0] ? !ea_sum_is(f->period, h->period) : f->period.len != 0) continue;
                    double w = lead_weight(dg, f, of, nm);
                    if (!best || w > bw) best = f, bw = w;
                }
            }
            if (best && np < MAXK) pick[np++] = best;
        }
    }
    if (!np) return 0;
    dg->key = ea_arena_calloc(&dg->arena, np, sizeof *dg->key);
    if (!dg->key) return -1;
    for (size_t i = 0; i < np; i++) key_item(dg, &dg->key[dg->n_key++], pick[i]);
    return 0;
}

/* ---- guidance ----------------------------------------------------------- */

static const char *guidance_change(const dg_t *dg, const ea_fact *f) {
    size_t tl;
    const char *t = ea_call_text(dg->call, &tl);
    if (f->sentence.end > tl || f->sentence.start >= f->sentence.end) return NULL;
    ea_str s = ea_str_make(t + f->sentence.start, f->sentence.end - f->sentence.start);
    static const struct {
        const char *cue, *what;
    } cues[] = {{"raising", "raised"},       {"raised", "raised"},         {"raise our", "raised"},
                {"increasing our", "raised"}, {"increased our", "raised"}, {"lowering", "lowered"},
                {"lowered", "lowered"},       {"reducing our", "lowered"}, {"reduced our", "lowered"},
                {"cutting", "lowered"},       {"reaffirm", "maintained"},  {"reiterat", "maintained"},
                {"maintaining", "maintained"}, {"maintain our", "maintained"}, {"unchanged", "maintained"},
                {"narrow", "narrowed"},       {"上调", "raised"},          {"上調", "raised"},
                {"下调", "lowered"},          {"下調", "lowered"},         {"维持", "maintained"},
                {"維持", "maintained"}};
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++)
        if (ea_ifind(s, cues[i].cue)) return cues[i].what;
    return NULL;
}

static int guidance_section(dg_t *dg, const ea_headline *h) {
    enum { MAXG = 16 };
    const ea_fact *pick[MAXG];
    size_t np = 0, n = ea_facts_count(dg->facts);
    char fy[8] = "", fyn[8] = "";
    if (h->period[0]) {
        snprintf(fy, sizeof fy, "FY%.4s", h->period);
        int y = (h->period[0] - '0') * 1000 + (h->period[1] - '0') * 100 + (h->period[2] - '0') * 10 +
                (h->period[3] - '0');
        snprintf(fyn, sizeof fyn, "FY%04d", (y + 1) % 10000);
    }
    for (size_t i = 0; i < n && np < MAXG; i++) {
        const ea_fact *f = ea_facts_get(dg->facts, i);
        if (f->in_translation || f->company.len || !f->has_value || f->kind != EA_FACT_GUIDANCE) continue;
        if (ea_sum_is(f->metric, "other")) continue;
        /* the outlook: the next quarter and the year (this one, or the next
           on a fourth-quarter call); not the guidance a result is compared
           with */
        int ok = !h->period[0] || ea_sum_is(f->period, h->next) || ea_sum_is(f->period, fy) ||
                 ea_sum_is(f->period, fyn) || (f->period.len == 6 && f->period.ptr[4] == 'H');
        if (!ok || ea_sum_is(f->period, h->period)) continue;
        int dup = 0;
        for (size_t j = 0; j < np; j++) {
            const ea_fact *g = pick[j];
            if (same_str(g->metric, f->metric) &&
                same_str(g->period, f->period) &&
                ea_sum_adjusted(g) == ea_sum_adjusted(f) && g->segment.len == f->segment.len &&
                g->is_change == f->is_change)
                dup = 1;
        }
        if (!dup) pick[np++] = f;
    }
    if (!np) return 0;
    dg->guide = ea_arena_calloc(&dg->arena, np, sizeof *dg->guide);
    if (!dg->guide) return -1;
    for (size_t i = 0; i < np; i++) {
        const ea_fact *f = pick[i];
        dg_item *it = &dg->guide[dg->n_guide++];
        ea_buf b;
        ea_buf_init(&b, 4096);
        it->fact = f;
        cite(it, f->para);
        it->quote = f->sentence;
        it->change = guidance_change(dg, f);
        period_label(dg, &b, f->period);
        if (!zh(dg)) ea_buf_putc(&b, ' ');
        metric_label(dg, &b, f);
        if (f->is_change) ea_buf_puts(&b, zh(dg) ? "增长" : " growth");
        ea_buf_puts(&b, zh(dg) ? "" : " ");
        if (f->is_range && is_loss(f)) {
            ea_fact g = *f;
            g.low = -f->high;
            g.high = -f->low;
            range(dg, &b, &g);
        } else if (f->is_range) {
            range(dg, &b, f);
        } else {
            if (f->approx) ea_buf_puts(&b, zh(dg) ? "约" : "about ");
            amount(dg, &b, f->value, f);
        }
        if (it->change) {
            static const struct {
                const char *en, *zh;
            } w[] = {{"raised", "（上调）"}, {"lowered", "（下调）"}, {"maintained", "（维持）"}, {"narrowed", "（收窄）"}};
            for (size_t k = 0; k < 4; k++)
                if (!strcmp(it->change, w[k].en)) {
                    if (zh(dg)) ea_buf_puts(&b, w[k].zh);
                    else {
                        ea_buf_puts(&b, " (");
                        ea_buf_puts(&b, w[k].en);
                        ea_buf_putc(&b, ')');
                    }
                }
        }
        it->text = keep(dg, &b);
        ea_buf_free(&b);
    }
    return 0;
}

/* ---- minutes ------------------------------------------------------------ */

/* sentences that only manage the call */
static int boilerplate(ea_str s) {
    static const char *const cues[] = {"forward-looking", "forward looking", "safe harbor", "non-gaap financial measure",
                                       "reconciliation", "webcast", "press release", "replay", "conference call",
                                       "turn the call", "turn it over", "hand the call", "hand it over", "thank you",
                                       "thanks,", "good morning", "good afternoon", "good evening", "next question",
                                       "question-and-answer", "q&a", "operator", "ladies and gentlemen", "sec filings",
                                       "10-k", "10-q", "investor relations", "our website", "joining us", "welcome",
                                       "前瞻性", "免责", "谢谢", "感谢", "謝謝", "感謝", "大家好"};
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++)
        if (ea_ifind(s, cues[i])) return 1;
    return 0;
}

static int word_count(ea_str s) {
    int w = 0, in = 0;
    const unsigned char *p = (const unsigned char *)s.ptr, *end = p + s.len;
    while (p < end) {
        if (*p >= 0xE0) {
            w++; /* a CJK character counts as a word */
            in = 0;
            p += 3;
            continue;
        }
        int al = ea_is_alnum(*p) || *p >= 0x80;
        if (al && !in) w++;
        in = al;
        p++;
    }
    return w;
}

/* Leading words that carry nothing ("So,", "And", "As I mentioned,"). */
static ea_str strip_lead(ea_str s) {
    static const char *const lead[] = {"so, ", "so ", "and ", "but ", "now, ", "now ", "well, ", "yes, ", "yeah, ",
                                       "okay, ", "ok, ", "sure. ", "sure, ", "also, ", "additionally, ",
                                       "in addition, ", "as i mentioned, ", "as mentioned, ", "as you can see, ",
                                       "as you know, ", "overall, ", "again, ", "first, ", "second, ", "finally, ",
                                       "lastly, ", "moving on, ", "i think ", "i would say ", "i'd say ", "look, ",
                                       "importantly, ", "in summary, ", "in short, ", "to summarize, ",
                                       "i'm pleased to report that ", "i am pleased to report that ",
                                       "i'm happy to report that ", "we're pleased to report that ",
                                       "i'm pleased to say that ", "as a reminder, ", "of course, ", "frankly, ",
                                       "that said, ", "with that, ", "in terms of ", "you know, "};
    for (int again = 0; again < 4; again++) {
        int hit = 0;
        for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
            if (ea_istarts(s, lead[i])) {
                size_t k = strlen(lead[i]);
                s = ea_trim(ea_str_make(s.ptr + k, s.len - k));
                hit = 1;
                break;
            }
        if (!hit) break;
    }
    return s;
}

/* Compress a sentence to a bullet: strip the lead, cut a long one at a
 * clause boundary, capitalise, end with a full stop. */
static ea_str compress(dg_t *dg, ea_str s, int max_words) {
    s = strip_lead(ea_trim(s));
    /* the comparison and the aside after the point: ", compared with a net
       loss of ...", ", which ..." */
    static const char *const tails[] = {", compared with", ", compared to", ", as compared", ", versus", ", vs.",
                                        ", which", " compared with the", " compared to the", ", up from",
                                        ", down from", "，较", "，与"};
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        const char *h = ea_ifind(s, tails[i]);
        if (h && word_count(ea_str_make(s.ptr, (size_t)(h - s.ptr))) >= 6) s.len = (size_t)(h - s.ptr);
    }
    /* cut at the last clause boundary before max_words */
    int w = 0, in = 0;
    size_t cut = s.len, last_clause = 0, word_start = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        /* a comma or point inside a number is not a boundary */
        int in_number = i > 0 && i + 1 < s.len && ea_is_digit((unsigned char)s.ptr[i - 1]) &&
                        ea_is_digit((unsigned char)s.ptr[i + 1]);
        if (c == ' ' || c >= 0xE0) word_start = i;
        if (c >= 0xE0) {
            w++;
            in = 0;
        } else {
            int al = ea_is_alnum(c) || c >= 0x80;
            if (al && !in) w++;
            in = al;
        }
        if ((c == ',' || c == ';' || c == ':') && w >= 8 && !in_number) last_clause = i;
        if (i + 3 <= s.len && !memcmp(s.ptr + i, "\xEF\xBC\x8C", 3) && w >= 8) last_clause = i; /* ， */
        if (w > max_words) {
            /* at a clause end, else before the word (or number) that
               would overflow: never inside a number */
            cut = last_clause ? last_clause : word_start;
            /* nor between a number and its unit ("100 basis | point"):
               a number in the last two words goes with the cut */
            if (!last_clause) {
                size_t k = cut;
                for (int words = 0; words < 2 && k > 0; words++) {
                    while (k > 0 && s.ptr[k - 1] == ' ') k--;
                    size_t ws = k;
                    while (ws > 0 && s.ptr[ws - 1] != ' ') ws--;
                    if (ws < k && (ea_is_digit((unsigned char)s.ptr[ws]) || s.ptr[ws] == '$')) {
                        cut = ws;
                        break;
                    }
                    k = ws;
                }
            }
            while (cut > 0 && (ea_is_digit((unsigned char)s.ptr[cut - 1]) || s.ptr[cut - 1] == '.' ||
                               s.ptr[cut - 1] == ',' || s.ptr[cut - 1] == '$' || s.ptr[cut - 1] == '/'))
                cut--;
            break;
        }
    }
    ea_str t = ea_trim(ea_str_make(s.ptr, cut));
    while (t.len && (t.ptr[t.len - 1] == ',' || t.ptr[t.len - 1] == ';' || t.ptr[t.len - 1] == ':' ||
                     t.ptr[t.len - 1] == '-'))
        t = ea_trim(ea_str_make(t.ptr, t.len - 1));
    ea_buf b;
    ea_buf_init(&b, 8192);
    if (t.len && ea_is_lower((unsigned char)t.ptr[0])) {
        ea_buf_putc(&b, (char)(t.ptr[0] - 32));
        ea_buf_append(&b, t.ptr + 1, t.len - 1);
    } else {
        ea_buf_append(&b, t.ptr, t.len);
    }
    int cjk_end = t.len >= 3 && (unsigned char)t.ptr[t.len - 3] >= 0xE0;
    if (t.len && !strchr(".!?", t.ptr[t.len - 1]) && !(cjk_end && ea_ifind(ea_str_make(t.ptr + t.len - 3, 3), "。")))
        ea_buf_puts(&b, cjk_end ? "。" : cut < s.len ? "..." : ".");
    ea_str out = keep_raw(dg, &b);
    ea_buf_free(&b);
    return out;
}

/* the speakers whose sentences make the minutes: not the operator, not the
   analysts (their words are questions) */
static int speaks_for_call(const ea_call *c, uint32_t para) {
    const ea_paragraph *p = ea_call_paragraph(c, para);
    const ea_turn *t = ea_call_turn(c, p->turn);
    if (!t || t->speaker < 0) return 1;
    ea_role r = ea_call_participant(c, (size_t)t->speaker)->role;
    return r != EA_ROLE_OPERATOR && r != EA_ROLE_ANALYST;
}

/* A sentence's distinct longer words, as sorted hashes (a bounded prefix
 * of the sentence): for a cheap near-duplicate test. */
enum { SIM_WORDS = 48 };
typedef struct {
    uint32_t h[SIM_WORDS];
    uint32_t n;
} words_t;

typedef struct {
    size_t sent;
    double score;
    int theme;
    words_t words;
} cand_t;

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void words_of(ea_str s, words_t *w) {
    const unsigned char *p = (const unsigned char *)s.ptr, *end = p + s.len;
    w->n = 0;
    while (p < end && w->n < SIM_WORDS) {
        while (p < end && !ea_is_alnum(*p)) p++;
        uint32_t x = 2166136261u;
        size_t len = 0;
        while (p < end && ea_is_alnum(*p)) x = (x ^ ea_lower(*p++)) * 16777619u, len++;
        if (len > 3) w->h[w->n++] = x;
    }
    qsort(w->h, w->n, sizeof w->h[0], cmp_u32);
}

/* near duplicates: more than half the words of the shorter are words of
   the other (a's words counted with their repeats) */
static int similar(const words_t *a, const words_t *b) {
    if (!a->n || !b->n) return 0;
    size_t i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->h[i] == b->h[j]) {
            common++;
            i++;
        } else if (a->h[i] < b->h[j]) {
            i++;
        } else {
            j++;
        }
    }
    size_t mn = a->n < b->n ? a->n : b->n;
    return common * 2 > mn;
}

/* digits runs of a sentence, as a bag of small hashes */
static size_t number_keys(ea_str s, uint32_t *k, size_t cap) {
    size_t n = 0;
    for (size_t i = 0; i < s.len && n < cap;) {
        if (!ea_is_digit((unsigned char)s.ptr[i])) {
            i++;
            continue;
        }
        uint32_t h = 2166136261u;
        while (i < s.len && (ea_is_digit((unsigned char)s.ptr[i]) || s.ptr[i] == '.' || s.ptr[i] == ','))
            if (s.ptr[i] != ',') h = (h ^ (unsigned char)s.ptr[i++]) * 16777619u;
            else i++;
        k[n++] = h;
    }
    return n;
}

/* The sentence of a paragraph's translation that renders sentence `si`:
 * the one sharing most numbers with it, else the one at the same relative
 * position. */
static ea_str aligned_translation(const ea_sentence *ss, size_t ns, size_t si, ea_str tr) {
    size_t my = 0, count = 0;
    for (size_t j = si; j > 0 && ss[j - 1].para == ss[si].para; j--) my++;
    for (size_t j = si - my; j < ns && ss[j].para == ss[si].para; j++) count++;
    uint32_t want[16];
    size_t nw = number_keys(ss[si].text, want, 16);
    enum { MAXT = 64 };
    size_t st[MAXT], en[MAXT], nt = 0, k0 = 0;
    while (k0 < tr.len && nt < MAXT) {
        size_t e = ea_sentence_end(tr.ptr, tr.len, k0);
        if (e <= k0) break;
        st[nt] = k0;
        en[nt++] = e;
        k0 = e;
    }
    if (!nt) return ea_str_make(NULL, 0);
    long best = -1;
    size_t bscore = 0;
    for (size_t t = 0; t < nt && nw; t++) {
        uint32_t got[16];
        size_t ng = number_keys(ea_str_make(tr.ptr + st[t], en[t] - st[t]), got, 16), sc = 0;
        for (size_t a = 0; a < nw; a++)
            for (size_t b = 0; b < ng; b++)
                if (want[a] == got[b]) {
                    sc++;
                    break;
                }
        if (sc > bscore) bscore = sc, best = (long)t;
    }
    if (best < 0) best = (long)(count ? my * nt / count : 0);
    if ((size_t)best >= nt) best = (long)nt - 1;
    return ea_trim(ea_str_make(tr.ptr + st[best], en[best] - st[best]));
}

#define BULLETS_PER_THEME 3
#define MAX_BULLETS 18

static int minutes(dg_t *dg) {
    size_t ns;
    const ea_sentence *ss = ea_call_sentences(dg->call, &ns);
    size_t nt = ea_theme_count();
    if (!ss || !ns || !nt) return 0;
    /* facts per sentence: a sentence stating a figure matters more */
    size_t nf = ea_facts_count(dg->facts);
    cand_t *cs = ea_arena_calloc(&dg->arena, ns, sizeof *cs);
    if (!cs) return -1;
    size_t nc = 0, fi = 0;
    size_t np = ea_call_paragraph_count(dg->call);
    for (size_t i = 0; i < ns; i++) {
        const ea_sentence *s = &ss[i];
        int facts = 0;
        while (fi < nf && ea_facts_get(dg->facts, fi)->sentence.start < s->span.start) fi++;
        for (size_t k = fi; k < nf && ea_facts_get(dg->facts, k)->sentence.start == s->span.start; k++) {
            const ea_fact *f = ea_facts_get(dg->facts, k);
            if (!f->in_translation && f->company.len == 0) facts++;
        }
        if (!speaks_for_call(dg->call, s->para)) continue;
        int told = 0; /* a key figure or guidance line already says it */
        for (size_t k = 0; k < dg->n_key + dg->n_guide && !told; k++) {
            const ea_fact *f = k < dg->n_key ? dg->key[k].fact : dg->guide[k - dg->n_key].fact;
            told = f && f->span.start >= s->span.start && f->span.end <= s->span.end;
        }
        if (told) continue;
        ea_str t = ea_trim(s->text);
        int words = word_count(t);
        if (words < 8 || words > 80 || (t.len && t.ptr[t.len - 1] == '?') || boilerplate(t)) continue;
        int hits = 0;
        int th = ea_theme_of(t.ptr, t.len, &hits);
        if (th < 0) continue;
        double sc = hits + (facts ? 1.5 + 0.25 * (facts > 4 ? 4 : facts) : 0);
        sc += np ? 0.5 * (1.0 - (double)s->para / (double)np) : 0;
        if (words > 45) sc -= 0.5;
        if (sc < 2.0) continue;
        cs[nc].sent = i;
        cs[nc].score = sc;
        cs[nc].theme = th;
        words_of(t, &cs[nc].words);
        nc++;
    }
    dg->themes = ea_arena_calloc(&dg->arena, nt, sizeof *dg->themes);
    if (!dg->themes) return -1;
    size_t total = 0;
    size_t chosen[MAX_BULLETS];
    size_t n_chosen = 0;
    for (size_t th = 0; th < nt; th++) {
        /* the best few of this theme, in the call's order */
        size_t best[BULLETS_PER_THEME];
        size_t nb = 0;
        for (int round = 0; round < BULLETS_PER_THEME && total + nb < MAX_BULLETS; round++) {
            long bi = -1;
            for (size_t i = 0; i < nc; i++) {
                if (cs[i].theme != (int)th) continue;
                int taken = 0;
                for (size_t j = 0; j < nb; j++) taken |= best[j] == i;
                for (size_t j = 0; j < n_chosen && !taken; j++)
                    taken |= similar(&cs[chosen[j]].words, &cs[i].words);
                for (size_t j = 0; j < nb && !taken; j++) taken |= similar(&cs[best[j]].words, &cs[i].words);
                if (taken) continue;
                if (bi < 0 || cs[i].score > cs[bi].score) bi = (long)i;
            }
            if (bi < 0) break;
            best[nb++] = (size_t)bi;
        }
        if (!nb) continue;
        /* in the call's order */
        for (size_t a = 1; a < nb; a++)
            for (size_t b2 = a; b2 > 0 && cs[best[b2 - 1]].sent > cs[best[b2]].sent; b2--) {
                size_t t = best[b2];
                best[b2] = best[b2 - 1];
                best[b2 - 1] = t;
            }
        dg_section *sec = &dg->themes[dg->n_themes++];
        sec->id = ea_theme_id(th);
        sec->heading = ea_theme_heading(th, zh(dg));
        sec->items = ea_arena_calloc(&dg->arena, nb, sizeof *sec->items);
        if (!sec->items) return -1;
        for (size_t k = 0; k < nb; k++) {
            const ea_sentence *s = &ss[cs[best[k]].sent];
            dg_item *it = &sec->items[sec->n++];
            cite(it, s->para);
            it->quote = s->span;
            ea_str text = s->text;
            const ea_paragraph *p = ea_call_paragraph(dg->call, s->para);
            if (zh(dg) && p->has_translation && p->tr_text.len) {
                /* the call's own translation of the paragraph: its sentence
                   at the same position */
                ea_str pick = aligned_translation(ss, ns, cs[best[k]].sent, p->tr_text);
                if (pick.len) {
                    text = pick;
                    it->quote_translation = 1;
                    it->quote = ea_span_of(dg->call, p, pick);
                }
            }
            it->text = compress(dg, text, zh(dg) && it->quote_translation ? 90 : 32);
            if (n_chosen < MAX_BULLETS) chosen[n_chosen++] = best[k];
        }
        total += nb;
    }
    return 0;
}

/* ---- Q&A ---------------------------------------------------------------- */

static const char *evasive(ea_str s) {
    static const char *const cues[] = {"don't give guidance", "do not give guidance", "don't provide guidance",
                                       "do not provide guidance", "don't guide", "not going to guide",
                                       "not going to comment", "won't comment", "can't comment", "cannot comment",
                                       "don't comment", "do not comment", "not going to give", "not going to provide",
                                       "too early to", "don't break out", "do not break out", "don't disclose",
                                       "do not disclose", "not in a position to", "prefer not to", "rather not",
                                       "not going to get into", "won't get into", "can't get into",
                                       "not going to speculate", "won't speculate", "don't want to speculate",
                                       "we don't give annual guidance", "not something we disclose",
                                       "不便透露", "不方便透露", "暂不", "不予置评", "无法评论"};
    for (size_t i = 0; i < sizeof cues / sizeof cues[0]; i++)
        if (ea_ifind(s, cues[i])) return cues[i];
    return NULL;
}

static int filler(ea_str s) {
    static const char *const f[] = {"thank", "thanks", "great question", "good question", "sure", "yes", "yeah",
                                    "hi ", "hey", "good morning", "good afternoon", "congrat", "okay", "i'll take",
                                    "let me take", "this is"};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (ea_istarts(ea_trim(s), f[i])) return 1;
    return word_count(s) < 5;
}

static int qa_digest(dg_t *dg) {
    size_t ne = ea_call_exchange_count(dg->call);
    if (!ne) return 0;
    size_t ns;
    const ea_sentence *ss = ea_call_sentences(dg->call, &ns);
    if (!ss) return 0;
    dg->qa = ea_arena_calloc(&dg->arena, ne, sizeof *dg->qa);
    if (!dg->qa) return -1;
    /* first sentence of each paragraph, for quick lookups */
    size_t np = ea_call_paragraph_count(dg->call);
    size_t *first = ea_arena_calloc(&dg->arena, np + 1, sizeof *first);
    if (!first) return -1;
    for (size_t i = 0; i <= np; i++) first[i] = ns;
    for (size_t i = ns; i-- > 0;) first[ss[i].para] = i;
    for (size_t i = np; i-- > 0;)
        if (first[i] == ns) first[i] = first[i + 1];
    for (size_t e = 0; e < ne; e++) {
        const ea_exchange *x = ea_call_exchange(dg->call, e);
        dg_qa *q = &dg->qa[dg->n_qa];
        memset(q, 0, sizeof *q);
        q->analyst = x->analyst;
        q->answerer = -1;
        if (x->analyst >= 0) {
            const ea_participant *pp = ea_call_participant(dg->call, (size_t)x->analyst);
            q->name = pp->name;
            q->firm = pp->affiliation;
        }
        /* the question: its first real question sentence, else its last */
        long qs = -1, last = -1;
        for (uint32_t k = 0; k < x->n_question_paras; k++) {
            uint32_t p = x->question_paras[k];
            for (size_t i = first[p]; i < ns && ss[i].para == p; i++) {
                ea_str t = ea_trim(ss[i].text);
                if (filler(t)) continue;
                last = (long)i;
                if (qs < 0 && t.len && (t.ptr[t.len - 1] == '?' || ea_ends_with_qmark(t))) qs = (long)i;
            }
        }
        if (qs < 0) qs = last;
        if (qs < 0) continue;
        cite(&q->question, ss[qs].para);
        q->question.quote = ss[qs].span;
        q->question.text = compress(dg, ss[qs].text, 30);
        /* the answer: the first answering turn's most telling sentence */
        long best = -1;
        double bsc = -1;
        const char *ev = NULL;
        for (uint32_t k = 0; k < x->n_answer_turns && k < 2; k++) {
            const ea_turn *t = ea_call_turn(dg->call, x->answer_turns[k]);
            if (q->answerer < 0) q->answerer = t->speaker;
            int seen = 0;
            for (uint32_t p = t->first_para; p < t->first_para + t->n_paras && p < np; p++) {
                for (size_t i = first[p]; i < ns && ss[i].para == p && seen < 12; i++, seen++) {
                    ea_str s = ea_trim(ss[i].text);
                    if (!ev) ev = evasive(s);
                    if (filler(s)) continue;
                    int hits = 0;
                    ea_theme_of(s.ptr, s.len, &hits);
                    int digits = 0;
                    for (size_t c = 0; c < s.len; c++) digits |= ea_is_digit((unsigned char)s.ptr[c]);
                    double sc = hits + (digits ? 1.0 : 0) - 0.1 * seen;
                    int w = word_count(s);
                    if (w < 6 || w > 70) sc -= 1;
                    if (sc > bsc) bsc = sc, best = (long)i;
                }
            }
        }
        q->evasive = ev;
        if (best >= 0) {
            cite(&q->answer, ss[best].para);
            q->answer.quote = ss[best].span;
            q->answer.text = compress(dg, ss[best].text, 32);
        }
        dg->n_qa++;
    }
    return 0;
}

/* ---- tone --------------------------------------------------------------- */

static unsigned count_cues(ea_str s, const char *const *cues, size_t n) {
    unsigned c = 0;
    for (size_t i = 0; i < n; i++)
        if (ea_ifind(s, cues[i])) c++;
    return c;
}

static int tone(dg_t *dg) {
    static const char *const hedge[] = {" may ", " might ", " could ", "uncertain", "possibly", "potentially",
                                        "we hope", "hopefully", "difficult to predict", "hard to predict",
                                        "somewhat", "not sure", "we'll see", "depends on", "it's possible",
                                        "可能", "或许", "不确定", "不確定", "或許"};
    static const char *const confident[] = {"confident", "strong", "record", "pleased", "excited", "robust",
                                            "momentum", "well positioned", "well-positioned", "outperform",
                                            "exceptional", "excellent", "great", "signficant progress",
                                            "信心", "强劲", "強勁", "创纪录", "創紀錄", "优异", "優異"};
    static const char *const forward[] = {" will ", "expect", "anticipate", "outlook", "guidance", "going forward",
                                          "next year", "intend", "we plan", "forecast", "project", "预计",
                                          "预期", "有望", "展望", "預計", "預期"};
    size_t ns, npart = ea_call_participant_count(dg->call);
    const ea_sentence *ss = ea_call_sentences(dg->call, &ns);
    if (!ss) return 0;
    dg_tone *t = npart ? ea_arena_calloc(&dg->arena, npart, sizeof *t) : NULL;
    if (npart && !t) return -1;
    for (size_t i = 0; i < npart; i++) t[i].speaker = (int32_t)i;
    for (size_t i = 0; i < ns; i++) {
        const ea_paragraph *p = ea_call_paragraph(dg->call, ss[i].para);
        const ea_turn *tu = ea_call_turn(dg->call, p->turn);
        /* pad with spaces so " may " matches at the edges */
        ea_str s = ss[i].text;
        unsigned fw = count_cues(s, forward, sizeof forward / sizeof forward[0]) ? 1 : 0;
        int boiler = boilerplate(s);
        if (!boiler) dg->forward_total += fw;
        if (!tu || tu->speaker < 0 || !t) continue;
        dg_tone *x = &t[tu->speaker];
        x->sentences++;
        x->words += (unsigned)word_count(s);
        if (boiler) continue;
        x->forward += fw;
        x->hedges += count_cues(s, hedge, sizeof hedge / sizeof hedge[0]);
        x->confident += count_cues(s, confident, sizeof confident / sizeof confident[0]);
    }
    /* keep executives, experts, hosts and analysts who spoke */
    size_t k = 0;
    for (size_t i = 0; i < npart; i++) {
        ea_role r = ea_call_participant(dg->call, i)->role;
        if (!t[i].sentences || r == EA_ROLE_OPERATOR) continue;
        t[k++] = t[i];
    }
    dg->tone = t;
    dg->n_tone = k;
    return 0;
}

/* ---- the whole ---------------------------------------------------------- */

int ea_dg_build(dg_t *dg, const ea_call *c, const ea_facts *fs, ea_lang lang, unsigned flags) {
    memset(dg, 0, sizeof *dg);
    ea_arena_init(&dg->arena, 16384);
    dg->call = c;
    dg->facts = fs;
    dg->lang = lang == EA_LANG_ZH_HANS || lang == EA_LANG_ZH_HANT ? lang : EA_LANG_EN;
    dg->flags = flags;
    if (ea_zhm_applies(c)) {
        /* a Chinese call: minutes composed from its facts and names, in
           English or (--lang zh) in Chinese */
        if (ea_zhm_build(dg) || dg->failed) {
            ea_arena_free(&dg->arena);
            return -1;
        }
        return 0;
    }
    const ea_call_info *in = ea_call_get_info(c);
    if (in->event_title.len) {
        dg->title = in->event_title;
    } else {
        ea_buf b;
        ea_buf_init(&b, 1024);
        if (in->company.len) ea_buf_append(&b, in->company.ptr, in->company.len);
        if (in->period.len) {
            if (b.len) ea_buf_putc(&b, ' ');
            period_label(dg, &b, in->period);
        }
        if (b.len) ea_buf_puts(&b, zh(dg) ? " 电话会议" : " call");
        else ea_buf_puts(&b, zh(dg) ? "电话会议" : "Call");
        dg->title = keep(dg, &b);
        ea_buf_free(&b);
    }
    ea_headline h;
    ea_sum_headline(c, fs, &h);
    if (key_figures(dg, &h) || guidance_section(dg, &h) || minutes(dg) || qa_digest(dg) || tone(dg) || dg->failed) {
        ea_arena_free(&dg->arena);
        return -1;
    }
    return 0;
}

void ea_dg_free(dg_t *dg) {
    if (dg) ea_arena_free(&dg->arena);
}
