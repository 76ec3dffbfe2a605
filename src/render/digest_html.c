/* The digest as one self-contained HTML file: the sections of the text
 * digest, an inline SVG chart of actuals against their guidance ranges, and
 * the full transcript with numbered paragraphs the [n] citations link to
 * (bilingual paragraphs side by side). No scripts, no external references:
 * it opens offline, and a transcript cannot smuggle markup in, because every
 * byte that comes from the call goes through esc(). Output is flushed in
 * chunks, so memory stays bounded on long calls and time is linear. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/digest_int.h"
#include "summarize/summarize_int.h"
#include "util/buf.h"
#include "util/text.h"

enum { FLUSH_AT = 64 * 1024 };

typedef struct {
    ea_buf b;
    const dg_t *dg;
    ea_write_fn write;
    void *ctx;
    int io_failed;
} out_t;

static void flush(out_t *o) {
    if (o->b.failed || !o->b.len) return;
    if (!o->io_failed && o->write(o->ctx, o->b.ptr, o->b.len)) o->io_failed = 1;
    o->b.len = 0;
}

static void maybe_flush(out_t *o) {
    if (o->b.len >= FLUSH_AT) flush(o);
}

static int zh(const dg_t *dg) { return dg->lang == EA_LANG_ZH_HANS || dg->lang == EA_LANG_ZH_HANT; }

static const char *L(const dg_t *dg, const char *en, const char *zh_s, const char *zh_t) {
    return dg->lang == EA_LANG_ZH_HANS ? zh_s : dg->lang == EA_LANG_ZH_HANT ? zh_t : en;
}

static void lit(out_t *o, const char *s) { ea_buf_puts(&o->b, s); }

static void num(out_t *o, long long v) { ea_buf_puti(&o->b, v); }

/* Text from the call (or generated from it) as an HTML text node or
   attribute value: the five markup characters become references, and
   control characters, which HTML does not allow, become spaces. */
static void esc(out_t *o, const char *p, size_t n) {
    if (!n) return;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        const char *rep;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: rep = ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) ? " " : NULL; break;
        }
        if (!rep) continue;
        ea_buf_append(&o->b, p + run, i - run);
        ea_buf_puts(&o->b, rep);
        run = i + 1;
    }
    ea_buf_append(&o->b, p + run, n - run);
}

static void esc_str(out_t *o, ea_str s) { esc(o, s.ptr, s.len); }

static void esc_cstr(out_t *o, const char *s) {
    if (s) esc(o, s, strlen(s));
}

/* lang attribute value for a language we can name; NULL otherwise */
static const char *lang_attr(ea_lang l) {
    return l == EA_LANG_EN ? "en" : l == EA_LANG_ZH_HANS ? "zh-Hans" : l == EA_LANG_ZH_HANT ? "zh-Hant" : NULL;
}

/* ---- amounts, written as the digest's bullets write them ---------------
 * The chart labels its values in the bullets' own words, so these mirror
 * build.c's amount()/range() digit for digit (the test checks each label
 * against its bullet). */

static void range_text(const dg_t *dg, ea_buf *b, const ea_fact *f, double lo, double hi) { ea_dg_range(dg, b, f, lo, hi); }

/* a value as the bullets write it, in the digest's script */
static void label(const dg_t *dg, ea_buf *dst, double v, const ea_fact *f) {
    ea_buf t;
    ea_buf_init(&t, 256);
    ea_dg_amount(dg, &t, v, f);
    if (t.failed) dst->failed = 1;
    else ea_dg_in_variant(dg, dst, t.ptr ? t.ptr : "", t.len);
    ea_buf_free(&t);
}

static void in_lang(const dg_t *dg, ea_buf *dst, const ea_buf *src) {
    if (src->failed) dst->failed = 1;
    else ea_dg_in_variant(dg, dst, src->ptr ? src->ptr : "", src->len);
}

typedef struct {
    const dg_item *it;
    const ea_fact *actual; /* NULL: a guidance range alone */
    const ea_fact *range;
    int flip;              /* losses drawn and labelled as positive amounts */
} row_t;

static int finite_range(const ea_fact *g) {
    return g && g->has_value && isfinite(g->low) && isfinite(g->high) && g->low <= g->high;
}

/* The rows the chart draws; with rows == NULL only counts them. */
static size_t chart_rows(const dg_t *dg, row_t *rows, size_t cap, int *actuals) {
    size_t n = 0;
    *actuals = 1;
    for (size_t i = 0; i < dg->n_key; i++) {
        const ea_fact *f = dg->key[i].fact;
        if (!f || !f->has_value || f->is_change || f->is_range || !isfinite(f->value)) continue;
        const ea_fact *g = ea_dg_guidance_for(dg->facts, f);
        if (!finite_range(g)) continue;
        if (rows && n < cap) {
            rows[n].it = &dg->key[i];
            rows[n].actual = f;
            rows[n].range = g;
            rows[n].flip = ea_dg_is_loss(f) && g->high < 0;
        }
        n++;
    }
    if (n) return n;
    /* no actual has a range: the next period's ranges alone */
    *actuals = 0;
    char callp[8], nextp[8];
    ea_sum_call_period(dg->call, dg->facts, callp, nextp);
    if (!nextp[0]) return 0;
    for (size_t i = 0; i < dg->n_guide; i++) {
        const ea_fact *f = dg->guide[i].fact;
        if (!f || f->is_change || !f->is_range || !ea_sum_is(f->period, nextp) || !finite_range(f)) continue;
        if (rows && n < cap) {
            rows[n].it = &dg->guide[i];
            rows[n].actual = NULL;
            rows[n].range = f;
            rows[n].flip = ea_dg_is_loss(f);
        }
        n++;
    }
    return n;
}

/* What names the row: the bullet's words before its figure ("Revenue",
 * "Q4 2025 Revenue"); the bullet up to its first comma when the figure
 * cannot be found in it. */
static ea_str row_title(const dg_t *dg, const row_t *r) {
    ea_str t = r->it->text;
    ea_buf fig;
    ea_buf_init(&fig, 1024);
    if (r->actual) {
        /* "Revenue $182.4M, +37% YoY, ...": the part before the first ", "
           or "，" (not a bare ',': Chinese amounts group digits, "4,070万") */
        for (size_t i = 0; i < t.len; i++) {
            if ((t.ptr[i] == ',' && i + 1 < t.len && t.ptr[i + 1] == ' ') ||
                (i + 3 <= t.len && !memcmp(t.ptr + i, "\xEF\xBC\x8C", 3))) {
                t.len = i;
                break;
            }
        }
        double v = r->actual->value;
        label(dg, &fig, ea_dg_is_loss(r->actual) ? fabs(v) : v, r->actual);
        if (!fig.failed && fig.len && fig.len < t.len && !memcmp(t.ptr + t.len - fig.len, fig.ptr, fig.len))
            t.len -= fig.len;
    } else {
        const ea_fact *g = r->range;
        ea_buf rt;
        ea_buf_init(&rt, 1024);
        if (r->flip) range_text(dg, &rt, g, -g->high, -g->low);
        else range_text(dg, &rt, g, g->low, g->high);
        in_lang(dg, &fig, &rt);
        ea_buf_free(&rt);
        const char *at = fig.failed || !fig.len ? NULL : ea_find_n(t, fig.ptr, fig.len);
        if (at && at > t.ptr) t.len = (size_t)(at - t.ptr);
    }
    ea_buf_free(&fig);
    t = ea_trim(t);
    return t.len ? t : r->it->text;
}

enum { CH_W = 640, CH_X0 = 16, CH_X1 = 624, CH_ROW = 80, CH_TOP = 6 };

static void text_el(out_t *o, long x, long y, const char *anchor, const char *style, const char *s, size_t n) {
    lit(o, "<text x=\"");
    num(o, x);
    lit(o, "\" y=\"");
    num(o, y);
    lit(o, "\"");
    if (anchor) {
        lit(o, " text-anchor=\"");
        lit(o, anchor);
        lit(o, "\"");
    }
    lit(o, " ");
    lit(o, style);
    lit(o, ">");
    esc(o, s, n);
    lit(o, "</text>\n");
}

static void rect_el(out_t *o, long x, long y, long w, long h, const char *style) {
    lit(o, "<rect x=\"");
    num(o, x);
    lit(o, "\" y=\"");
    num(o, y);
    lit(o, "\" width=\"");
    num(o, w);
    lit(o, "\" height=\"");
    num(o, h);
    lit(o, "\" ");
    lit(o, style);
    lit(o, "/>\n");
}

/* One row: its title, a track, the range as a band with its ends labelled
 * outwards, the actual as a marker labelled above. The scale is the row's
 * own (units differ), padded so labels fit beside the band. */
static void chart_row(out_t *o, const row_t *r, long y) {
    const dg_t *dg = o->dg;
    const ea_fact *g = r->range;
    double lo = r->flip ? -g->high : g->low, hi = r->flip ? -g->low : g->high;
    int has_a = r->actual != NULL;
    double a = has_a ? (r->flip ? -r->actual->value : r->actual->value) : lo;
    double dmin = fmin(lo, a), dmax = fmax(hi, a);
    double span = dmax - dmin;
    if (!(span > 0)) span = fabs(dmax) > 0 ? fabs(dmax) * 0.2 : 1;
    dmin -= span * 0.25;
    dmax += span * 0.25;
    double k = (double)(CH_X1 - CH_X0) / (dmax - dmin);
    long xlo = CH_X0 + lround((lo - dmin) * k), xhi = CH_X0 + lround((hi - dmin) * k);
    long xa = CH_X0 + lround((a - dmin) * k);

    lit(o, "<g class=\"row\"><title>");
    esc_str(o, r->it->text);
    lit(o, "</title>\n");
    ea_str title = row_title(dg, r);
    text_el(o, CH_X0, y + 14, NULL, "font-size=\"13\" font-weight=\"600\" fill=\"#1d1d1f\"", title.ptr, title.len);
    lit(o, "<line x1=\"");
    num(o, CH_X0);
    lit(o, "\" y1=\"");
    num(o, y + 47);
    lit(o, "\" x2=\"");
    num(o, CH_X1);
    lit(o, "\" y2=\"");
    num(o, y + 47);
    lit(o, "\" stroke=\"#d9dce1\" stroke-width=\"1\"/>\n");
    rect_el(o, xlo, y + 39, xhi - xlo > 2 ? xhi - xlo : 2, 16, "fill=\"#dbe7f6\" stroke=\"#4f7fbf\" stroke-width=\"1\"");
    /* the ends as the bullet's range writes them ("1.65亿" and "1.75亿美元":
       Chinese names the currency once) */
    ea_buf s, rt;
    ea_buf_init(&s, 1024);
    ea_buf_init(&rt, 1024);
    range_text(dg, &rt, g, lo, hi);
    in_lang(dg, &s, &rt);
    ea_buf_free(&rt);
    const char *sep = zh(dg) ? "\xE8\x87\xB3" : " to "; /* 至 */
    ea_str all = ea_str_make(s.ptr, s.failed ? 0 : s.len);
    const char *mid = all.len ? ea_find_n(all, sep, strlen(sep)) : NULL;
    const char *hi_at = mid ? mid + strlen(sep) : all.ptr;
    text_el(o, xlo - 4, y + 70, "end", "font-size=\"11\" fill=\"#3c4043\"", all.ptr,
            mid ? (size_t)(mid - all.ptr) : 0);
    text_el(o, xhi + 4, y + 70, "start", "font-size=\"11\" fill=\"#3c4043\"", hi_at,
            mid ? (size_t)(all.ptr + all.len - hi_at) : 0);
    if (has_a) {
        s.len = 0;
        double v = r->actual->value;
        label(dg, &s, ea_dg_is_loss(r->actual) ? fabs(v) : v, r->actual);
        rect_el(o, xa - 2, y + 35, 4, 24, "fill=\"#b3261e\"");
        /* keep the label inside the plot near either edge */
        const char *anchor = xa < CH_X0 + 48 ? "start" : xa > CH_X1 - 48 ? "end" : "middle";
        text_el(o, anchor[0] == 's' ? xa - 2 : anchor[0] == 'e' ? xa + 2 : xa, y + 31, anchor,
                "font-size=\"11\" font-weight=\"600\" fill=\"#b3261e\"", s.ptr, s.failed ? 0 : s.len);
    }
    if (s.failed) o->b.failed = 1;
    ea_buf_free(&s);
    lit(o, "</g>\n");
}

/* Drawn under the key figures when actuals have ranges, else under the
   guidance (want_actuals says which place is asking). */
static void chart(out_t *o, int want_actuals) {
    const dg_t *dg = o->dg;
    enum { MAX_ROWS = 32 };
    row_t rows[MAX_ROWS];
    int actuals;
    size_t n = chart_rows(dg, rows, MAX_ROWS, &actuals);
    if (n > MAX_ROWS) n = MAX_ROWS;
    if (!n || actuals != want_actuals) return;
    long h = CH_TOP + (long)n * CH_ROW + 30;
    const char *title = actuals ? L(dg, "Actual results against guidance ranges", "实际业绩与指引区间对比",
                                    "實際業績與指引區間對比")
                                : L(dg, "Guidance ranges for the next period", "下一期业绩指引区间",
                                    "下一期業績指引區間");
    lit(o, "<figure class=\"chart\">\n<svg viewBox=\"0 0 ");
    num(o, CH_W);
    lit(o, " ");
    num(o, h);
    lit(o, "\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"system-ui, sans-serif\">\n"
           "<title id=\"chart-title\">");
    esc_cstr(o, title);
    lit(o, "</title>\n");
    for (size_t i = 0; i < n; i++) chart_row(o, &rows[i], CH_TOP + (long)i * CH_ROW);
    long ly = CH_TOP + (long)n * CH_ROW + 8;
    rect_el(o, CH_X0, ly, 22, 12, "fill=\"#dbe7f6\" stroke=\"#4f7fbf\" stroke-width=\"1\"");
    const char *band = L(dg, "guidance range", "指引区间", "指引區間");
    text_el(o, CH_X0 + 28, ly + 11, NULL, "font-size=\"11\" fill=\"#3c4043\"", band, strlen(band));
    if (actuals) {
        rect_el(o, CH_X0 + 160, ly - 2, 4, 16, "fill=\"#b3261e\"");
        const char *act = L(dg, "actual", "实际值", "實際值");
        text_el(o, CH_X0 + 170, ly + 11, NULL, "font-size=\"11\" fill=\"#3c4043\"", act, strlen(act));
    }
    lit(o, "</svg>\n<figcaption>");
    esc_cstr(o, title);
    esc_cstr(o, L(dg, "; each row has its own scale.", "；每行刻度各自独立。", "；每行刻度各自獨立。"));
    lit(o, "</figcaption>\n</figure>\n");
}

/* ---- the digest's parts ------------------------------------------------- */

static uint32_t para_number(const dg_t *dg, uint32_t ix) {
    if (ix >= ea_call_paragraph_count(dg->call)) return 0;
    return ea_call_paragraph(dg->call, ix)->n;
}

static void cites(out_t *o, const dg_item *it) {
    if (!it->n_cites) return;
    lit(o, " <span class=\"cites\">");
    for (uint32_t i = 0; i < it->n_cites; i++) {
        uint32_t n = para_number(o->dg, it->cites[i]);
        if (!n) continue;
        if (i) lit(o, " ");
        lit(o, "<a href=\"#p");
        num(o, n);
        lit(o, "\">[");
        num(o, n);
        lit(o, "]</a>");
    }
    lit(o, "</span>");
}

static void quote(out_t *o, const dg_item *it) {
    if (!(o->dg->flags & EA_DIGEST_QUOTE) || it->quote.end <= it->quote.start) return;
    size_t tl;
    const char *t = ea_call_text(o->dg->call, &tl);
    if (it->quote.end > tl) return;
    ea_str q = ea_trim(ea_str_make(t + it->quote.start, it->quote.end - it->quote.start));
    if (!q.len) return;
    /* a source sentence in another language or script than the page's
       (a Chinese call's minutes) says which, for fonts and readers */
    const char *la = NULL;
    for (uint32_t i = 0; i < it->n_cites && !la; i++) {
        const ea_paragraph *p = ea_call_paragraph(o->dg->call, it->cites[i]);
        if (!p || it->quote_translation) continue;
        if (it->quote.start >= p->span.start && it->quote.start < p->span.end && p->lang != o->dg->lang)
            la = lang_attr(p->lang);
    }
    lit(o, it->quote_translation ? "\n<blockquote class=\"tr\"" : "\n<blockquote");
    if (la) {
        lit(o, " lang=\"");
        lit(o, la);
        lit(o, "\"");
    }
    lit(o, ">");
    esc_str(o, q);
    lit(o, "</blockquote>");
}

static void bullet(out_t *o, const dg_item *it) {
    lit(o, "<li>");
    if (it->change) {
        /* the words say it too ("(raised)"); the mark is for the eye */
        const char *c = it->change;
        lit(o, !strcmp(c, "raised")    ? "<span class=\"mark up\" aria-hidden=\"true\">\xE2\x96\xB2</span>"
               : !strcmp(c, "lowered") ? "<span class=\"mark down\" aria-hidden=\"true\">\xE2\x96\xBC</span>"
                                       : "<span class=\"mark same\" aria-hidden=\"true\">\xE2\x97\x8F</span>");
    }
    esc_str(o, it->text);
    cites(o, it);
    quote(o, it);
    lit(o, "</li>\n");
    maybe_flush(o);
}

static void section_open(out_t *o, const char *id, const char *heading) {
    lit(o, "<section id=\"");
    lit(o, id);
    lit(o, "\">\n<h2>");
    esc_cstr(o, heading);
    lit(o, "</h2>\n");
}

static void items(out_t *o, const dg_item *its, size_t n) {
    lit(o, "<ul class=\"items\">\n");
    for (size_t i = 0; i < n; i++) bullet(o, &its[i]);
    lit(o, "</ul>\n");
}

static void field(out_t *o, const char *label_s, ea_str v, const char *extra) {
    if (!v.len) return;
    lit(o, "<div><dt>");
    esc_cstr(o, label_s);
    lit(o, "</dt><dd>");
    esc_str(o, v);
    if (extra) {
        lit(o, " <span class=\"inferred\">");
        esc_cstr(o, extra);
        lit(o, "</span>");
    }
    lit(o, "</dd></div>\n");
}

static void header(out_t *o) {
    const dg_t *dg = o->dg;
    const ea_call_info *in = ea_call_get_info(dg->call);
    lit(o, "<header>\n<h1>");
    esc_str(o, dg->title);
    lit(o, "</h1>\n<dl class=\"meta\">\n");
    if (dg->zh_source) {
        /* minutes of a Chinese call: its own title (the Chinese minutes'
           heading already) and time; they are composed, and say so */
        if (!zh(dg)) field(o, "Call", dg->source_title, NULL);
        field(o, L(dg, "Time", "时间", "時間"), dg->when.len ? dg->when : in->date, NULL);
        lit(o, "</dl>\n<p class=\"note\">");
        esc_cstr(o, L(dg,
                      "English minutes composed by earnest from the Chinese transcript: every figure is stated in "
                      "the paragraph cited.",
                      "本纪要由 earnest 根据会议原文自动生成，数字均引自所注段落。",
                      "本紀要由 earnest 根據會議原文自動生成，數字均引自所注段落。"));
        lit(o, "</p>\n</header>\n");
        return;
    }
    field(o, L(dg, "Company", "公司", "公司"), in->company, NULL);
    if (in->ticker.len) {
        lit(o, "<div><dt>");
        esc_cstr(o, L(dg, "Ticker", "代码", "代碼"));
        lit(o, "</dt><dd>");
        if (in->exchange.len) {
            esc_str(o, in->exchange);
            lit(o, ":");
        }
        esc_str(o, in->ticker);
        lit(o, "</dd></div>\n");
    }
    if (dg->title.ptr != in->event_title.ptr) field(o, L(dg, "Event", "会议", "會議"), in->event_title, NULL);
    field(o, L(dg, "Period", "期间", "期間"), in->period,
          in->period_inferred ? L(dg, "(inferred)", "（推断）", "（推斷）") : NULL);
    field(o, L(dg, "Date", "日期", "日期"), in->date, NULL);
    lit(o, "</dl>\n");
    if (zh(dg)) {
        lit(o, "<p class=\"note\">");
        esc_cstr(o, L(dg, "", "本摘要由 earnest 自动生成，数字均引自原文段落。",
                      "本摘要由 earnest 自動生成，數字均引自原文段落。"));
        lit(o, "</p>\n");
    }
    lit(o, "</header>\n");
}

static void nav(out_t *o) {
    const dg_t *dg = o->dg;
    const struct {
        int on;
        const char *id, *en, *zs, *zt;
    } parts[] = {{dg->n_key != 0, "key-figures", "Key figures", "关键数据", "關鍵數據"},
                 {dg->n_guide != 0, "guidance", "Guidance", "业绩指引", "業績指引"},
                 {dg->n_themes != 0, "minutes", "Minutes", "会议纪要", "會議紀要"},
                 {dg->n_qa != 0, "qa", "Q&A", "问答", "問答"},
                 {dg->n_tone != 0, "tone", "Tone", "语气", "語氣"},
                 {ea_call_paragraph_count(dg->call) != 0, "transcript", "Transcript", "会议原文", "會議原文"}};
    lit(o, "<nav>");
    int first = 1;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (!parts[i].on) continue;
        if (!first) lit(o, " ");
        first = 0;
        lit(o, "<a href=\"#");
        lit(o, parts[i].id);
        lit(o, "\">");
        esc_cstr(o, L(dg, parts[i].en, parts[i].zs, parts[i].zt));
        lit(o, "</a>");
    }
    lit(o, "</nav>\n");
}

static void minutes(out_t *o) {
    const dg_t *dg = o->dg;
    if (!dg->n_themes) return;
    section_open(o, "minutes", L(dg, "Minutes", "会议纪要", "會議紀要"));
    for (size_t i = 0; i < dg->n_themes; i++) {
        const dg_section *s = &dg->themes[i];
        lit(o, "<section class=\"theme\" id=\"theme-");
        esc_cstr(o, s->id);
        lit(o, "\">\n<h3>");
        esc_cstr(o, s->heading);
        lit(o, "</h3>\n");
        items(o, s->items, s->n);
        lit(o, "</section>\n");
    }
    lit(o, "</section>\n");
}

static void qa(out_t *o) {
    const dg_t *dg = o->dg;
    if (!dg->n_qa) return;
    section_open(o, "qa", L(dg, "Q&A", "问答", "問答"));
    lit(o, "<ol class=\"qa\">\n");
    for (size_t i = 0; i < dg->n_qa; i++) {
        const dg_qa *q = &dg->qa[i];
        lit(o, "<li>\n<p class=\"who\"><strong>");
        if (q->name.len) esc_str(o, q->name);
        else esc_cstr(o, L(dg, "Analyst", "分析师", "分析師"));
        lit(o, "</strong>");
        if (q->firm.len) {
            lit(o, ", ");
            esc_str(o, q->firm);
        }
        lit(o, "</p>\n<p class=\"q\"><span class=\"lbl\">");
        esc_cstr(o, L(dg, "Q", "问", "問"));
        lit(o, "</span> ");
        esc_str(o, q->question.text);
        cites(o, &q->question);
        lit(o, "</p>\n");
        if (q->answer.text.len) {
            lit(o, "<p class=\"a\"><span class=\"lbl\">");
            esc_cstr(o, L(dg, "A", "答", "答"));
            lit(o, "</span> ");
            esc_str(o, q->answer.text);
            cites(o, &q->answer);
            if (q->answerer >= 0 && (size_t)q->answerer < ea_call_participant_count(dg->call)) {
                lit(o, " <span class=\"by\">\xE2\x80\x94 ");
                esc_str(o, ea_call_participant(dg->call, (size_t)q->answerer)->name);
                lit(o, "</span>");
            }
            lit(o, "</p>\n");
        }
        if (q->evasive) {
            lit(o, "<p class=\"flag\">");
            esc_cstr(o, L(dg, "Flag: the answer avoids the question (\"", "提示：回答回避了问题（“",
                          "提示：回答迴避了問題（「"));
            esc_cstr(o, q->evasive);
            esc_cstr(o, L(dg, "\")", "”）", "」）"));
            lit(o, "</p>\n");
        }
        lit(o, "</li>\n");
        maybe_flush(o);
    }
    lit(o, "</ol>\n</section>\n");
}

static const char *role_label(const dg_t *dg, ea_role r) {
    static const struct {
        ea_role r;
        const char *en, *zs, *zt;
    } names[] = {{EA_ROLE_OPERATOR, "Operator", "主持人", "主持人"},
                 {EA_ROLE_EXECUTIVE, "Executive", "管理层", "管理層"},
                 {EA_ROLE_IR, "Investor relations", "投资者关系", "投資者關係"},
                 {EA_ROLE_ANALYST, "Analyst", "分析师", "分析師"},
                 {EA_ROLE_HOST, "Host", "主持人", "主持人"},
                 {EA_ROLE_EXPERT, "Expert", "专家", "專家"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].r == r) return L(dg, names[i].en, names[i].zs, names[i].zt);
    return "";
}

static void tone(out_t *o) {
    const dg_t *dg = o->dg;
    if (!dg->n_tone) return;
    section_open(o, "tone", L(dg, "Tone", "语气", "語氣"));
    lit(o, "<table class=\"tone\">\n<thead><tr>");
    const char *cols[][3] = {{"Speaker", "发言人", "發言人"},          {"Role", "角色", "角色"},
                             {"Sentences", "句数", "句數"},            {"Confident", "信心用语", "信心用語"},
                             {"Hedging", "保留用语", "保留用語"},      {"Forward-looking", "前瞻性表述", "前瞻性表述"}};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        lit(o, "<th scope=\"col\">");
        esc_cstr(o, L(dg, cols[i][0], cols[i][1], cols[i][2]));
        lit(o, "</th>");
    }
    lit(o, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < dg->n_tone; i++) {
        const dg_tone *t = &dg->tone[i];
        if (t->speaker < 0 || (size_t)t->speaker >= ea_call_participant_count(dg->call)) continue;
        const ea_participant *p = ea_call_participant(dg->call, (size_t)t->speaker);
        lit(o, "<tr><th scope=\"row\">");
        esc_str(o, p->name);
        lit(o, "</th><td>");
        esc_cstr(o, role_label(dg, p->role));
        const unsigned v[] = {t->sentences, t->confident, t->hedges, t->forward};
        for (size_t k = 0; k < 4; k++) {
            lit(o, "</td><td class=\"num\">");
            num(o, v[k]);
        }
        lit(o, "</td></tr>\n");
    }
    lit(o, "</tbody>\n</table>\n<p>");
    if (zh(dg)) {
        esc_cstr(o, L(dg, "", "前瞻性表述共 ", "前瞻性表述共 "));
        num(o, dg->forward_total);
        lit(o, " \xE5\x8F\xA5"); /* 句 */
    } else {
        lit(o, "Forward-looking statements: ");
        num(o, dg->forward_total);
        lit(o, dg->forward_total == 1 ? " sentence" : " sentences");
    }
    lit(o, "</p>\n</section>\n");
}

static void seconds(out_t *o, double t) {
    if (!isfinite(t) || t < 0) return;
    long long s = (long long)t;
    if (s >= 3600) {
        num(o, s / 3600);
        lit(o, ":");
        if (s / 60 % 60 < 10) lit(o, "0");
    }
    num(o, s / 60 % 60);
    lit(o, s % 60 < 10 ? ":0" : ":");
    num(o, s % 60);
}

static void para_text(out_t *o, ea_str s, ea_lang l, const char *cls) {
    const char *la = lang_attr(l);
    lit(o, "<p");
    if (cls) {
        lit(o, " class=\"");
        lit(o, cls);
        lit(o, "\"");
    }
    if (la) {
        lit(o, " lang=\"");
        lit(o, la);
        lit(o, "\"");
    }
    lit(o, ">");
    esc_str(o, s);
    lit(o, "</p>");
}

/* The full transcript: the speaker at each turn's start, every paragraph
 * under the id its citations use, a translation in a column beside it. */
static void transcript(out_t *o) {
    const dg_t *dg = o->dg;
    size_t np = ea_call_paragraph_count(dg->call);
    if (!np) return;
    section_open(o, "transcript", L(dg, "Transcript", "会议原文", "會議原文"));
    for (size_t i = 0; i < np; i++) {
        const ea_paragraph *p = ea_call_paragraph(dg->call, i);
        const ea_turn *t = ea_call_turn(dg->call, p->turn);
        int starts = i == 0 || ea_call_paragraph(dg->call, i - 1)->turn != p->turn;
        if (starts && t && t->speaker >= 0 && (size_t)t->speaker < ea_call_participant_count(dg->call)) {
            const ea_participant *sp = ea_call_participant(dg->call, (size_t)t->speaker);
            lit(o, "<p class=\"spk\">");
            esc_str(o, sp->name);
            if (sp->title.len || sp->affiliation.len) {
                lit(o, " <span class=\"ttl\">");
                esc_str(o, sp->title);
                if (sp->title.len && sp->affiliation.len) lit(o, ", ");
                esc_str(o, sp->affiliation);
                lit(o, "</span>");
            }
            lit(o, "</p>\n");
        }
        lit(o, p->has_translation ? "<div class=\"para bi\" id=\"p" : "<div class=\"para\" id=\"p");
        num(o, p->n);
        lit(o, "\"><a class=\"n\" href=\"#p");
        num(o, p->n);
        lit(o, "\">");
        num(o, p->n);
        if (p->has_time) {
            lit(o, "<span class=\"t\">");
            seconds(o, p->t_start);
            lit(o, "</span>");
        }
        lit(o, "</a>");
        if (p->has_translation) {
            lit(o, "<div class=\"cols\">");
            para_text(o, p->text, p->lang, "orig");
            para_text(o, p->tr_text, p->tr_lang, "tr");
            lit(o, "</div>");
        } else {
            lit(o, "<div>");
            para_text(o, p->text, p->lang, NULL);
            lit(o, "</div>");
        }
        lit(o, "</div>\n");
        maybe_flush(o);
    }
    lit(o, "</section>\n");
}

/* System fonts only, no url() or @import: the file renders offline. */
static const char css[] =
    ":root{--ink:#1d1d1f;--muted:#5f6368;--rule:#d9dce1;--accent:#1a56a8;--hi:#fff4c2}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:62rem;padding:1.5rem 1.25rem 3rem;color:var(--ink);background:#fff;"
    "font:15px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\","
    "\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif}\n"
    ":lang(zh-Hant){font-family:system-ui,-apple-system,\"Segoe UI\",\"PingFang TC\",\"Hiragino Sans CNS\","
    "\"Microsoft JhengHei\",\"Noto Sans CJK TC\",sans-serif}\n"
    "h1{font-size:1.5rem;line-height:1.25;margin:0 0 .6rem}\n"
    "h2{font-size:1.15rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--rule)}\n"
    "h3{font-size:1rem;margin:1.1rem 0 .3rem}\n"
    "a{color:var(--accent)}\n"
    ".meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}\n"
    ".meta div{display:contents}.meta dt{color:var(--muted)}.meta dd{margin:0}\n"
    ".inferred{color:var(--muted);font-style:italic}\n"
    ".note{background:#f4f6f9;border-left:3px solid var(--accent);padding:.4rem .7rem;font-size:.92rem}\n"
    "nav{font-size:.9rem;margin:1rem 0}nav a{margin-right:.9rem}\n"
    "ul.items{padding-left:1.2rem}ul.items li{margin:.3rem 0}\n"
    ".cites a{text-decoration:none;font-size:.85em;white-space:nowrap}\n"
    "blockquote{margin:.3rem 0 .5rem;padding:.15rem .7rem;border-left:3px solid var(--rule);color:var(--muted);"
    "font-size:.92rem}\n"
    ".mark{display:inline-block;width:1.2em;font-size:.8em}.mark.up{color:#1e7b34}.mark.down{color:#b3261e}"
    ".mark.same{color:var(--muted)}\n"
    "figure.chart{margin:1.2rem 0}figure.chart svg{display:block;width:100%;max-width:40rem;height:auto}\n"
    "figcaption{font-size:.85rem;color:var(--muted)}\n"
    "ol.qa{padding-left:1.5rem}ol.qa>li{margin:.9rem 0}ol.qa p{margin:.2rem 0}\n"
    ".lbl{display:inline-block;min-width:1.4em;font-weight:600;color:var(--muted)}\n"
    ".by{color:var(--muted)}.flag{color:#8a4b00}\n"
    "table.tone{border-collapse:collapse;font-size:.9rem}\n"
    "table.tone th,table.tone td{padding:.25rem .6rem;border-bottom:1px solid var(--rule);text-align:left}\n"
    "table.tone td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".spk{margin:1.2rem 0 .2rem;font-weight:600}.spk .ttl{font-weight:400;color:var(--muted)}\n"
    ".para{display:grid;grid-template-columns:3rem 1fr;gap:0 .6rem;padding:.1rem .3rem;border-radius:3px}\n"
    ".para>.n{color:var(--muted);text-decoration:none;font-size:.8rem;text-align:right;padding-top:.25rem;"
    "font-variant-numeric:tabular-nums}\n"
    ".para .t{display:block;font-size:.75rem}\n"
    ".para p{margin:.15rem 0}\n"
    ".cols{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem}\n"
    ".para:target{background:var(--hi);outline:2px solid #e0b300}\n"
    "footer{margin-top:2.5rem;padding-top:.6rem;border-top:1px solid var(--rule);font-size:.8rem;"
    "color:var(--muted)}\n"
    "@media screen and (max-width:40em){body{padding:1rem .8rem}.cols{grid-template-columns:1fr;gap:.3rem}"
    ".para{grid-template-columns:2.2rem 1fr}}\n"
    "@media print{\n"
    "@page{margin:15mm}\n"
    "body{max-width:none;padding:0;font-size:10pt;color:#000}\n"
    "nav{display:none}\n"
    "a,a:visited{color:inherit;text-decoration:none}\n"
    ".cites a{color:#555}\n"
    "li,blockquote,.para,figure,tr,.note{break-inside:avoid;page-break-inside:avoid}\n"
    "h2,h3,.spk{break-after:avoid;page-break-after:avoid}\n"
    ".para:target{background:none;outline:none}\n"
    ".cols{grid-template-columns:1fr 1fr}\n"
    "#transcript{break-before:page;page-break-before:always}\n"
    ".note{background:none;border-left-color:#000}\n"
    "}\n";

ea_status ea_dg_write_html(const dg_t *dg, ea_write_fn write, void *ctx) {
    out_t o;
    ea_buf_init(&o.b, 0);
    o.dg = dg;
    o.write = write;
    o.ctx = ctx;
    o.io_failed = 0;
    const char *lang = dg->lang == EA_LANG_ZH_HANS ? "zh-Hans" : dg->lang == EA_LANG_ZH_HANT ? "zh-Hant" : "en";
    lit(&o, "<!DOCTYPE html>\n<html lang=\"");
    lit(&o, lang);
    lit(&o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"earnest " EA_VERSION_STRING "\">\n<title>");
    esc_str(&o, dg->title);
    lit(&o, "</title>\n<style>\n");
    lit(&o, css);
    lit(&o, "</style>\n</head>\n<body>\n");
    header(&o);
    nav(&o);
    lit(&o, "<main>\n");
    if (dg->n_key) {
        section_open(&o, "key-figures", L(dg, "Key figures", "关键数据", "關鍵數據"));
        items(&o, dg->key, dg->n_key);
        chart(&o, 1);
        lit(&o, "</section>\n");
    }
    if (dg->n_guide) {
        section_open(&o, "guidance", L(dg, "Guidance", "业绩指引", "業績指引"));
        items(&o, dg->guide, dg->n_guide);
        chart(&o, 0);
        lit(&o, "</section>\n");
    }
    minutes(&o);
    qa(&o);
    tone(&o);
    transcript(&o);
    lit(&o, "</main>\n<footer><p>");
    esc_cstr(&o, L(dg, "Generated by earnest " EA_VERSION_STRING "; every figure links to its source paragraph.",
                   "由 earnest " EA_VERSION_STRING " 生成；每个数字都链接到其原文段落。",
                   "由 earnest " EA_VERSION_STRING " 生成；每個數字都連結到其原文段落。"));
    lit(&o, "</p></footer>\n</body>\n</html>\n");
    flush(&o);
    int nomem = o.b.failed, io = o.io_failed;
    ea_buf_free(&o.b);
    return nomem ? EA_ERR_NOMEM : io ? EA_ERR_IO : EA_OK;
}
