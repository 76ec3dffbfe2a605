/* Facts as JSON, CSV and a text table. Schema: docs/facts.md. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "extract/facts_int.h"
#include "extract/qty.h"
#include "jw.h"
#include "util/text.h"

static ea_str text_at(const ea_call *c, ea_span s) {
    size_t n;
    const char *t = ea_call_text(c, &n);
    if (s.end > n || s.start > s.end) return ea_str_make("", 0);
    return ea_str_make(t + s.start, s.end - s.start);
}

static void fact_json(ea_jw *w, const ea_call *c, const ea_fact *f) {
    jw_obj(w);
    jw_key(w, "metric"); jw_str(w, f->metric);
    jw_key(w, "metric_phrase"); jw_str_or_null(w, f->metric_phrase);
    jw_key(w, "basis"); jw_str_or_null(w, f->basis);
    jw_key(w, "segment"); jw_str_or_null(w, f->segment);
    jw_key(w, "company"); jw_str_or_null(w, f->company);
    jw_key(w, "period"); jw_str_or_null(w, f->period);
    jw_key(w, "period_implied"); jw_bool(w, f->period_implied);
    jw_key(w, "kind"); jw_cstr(w, ea_fact_kind_name(f->kind));
    jw_key(w, "value");
    if (f->has_value) jw_num(w, f->value);
    else jw_null(w);
    jw_key(w, "low");
    if (f->is_range) jw_num(w, f->low);
    else jw_null(w);
    jw_key(w, "high");
    if (f->is_range) jw_num(w, f->high);
    else jw_null(w);
    jw_key(w, "unit"); jw_cstr(w, f->unit && *f->unit ? f->unit : NULL);
    jw_key(w, "is_change"); jw_bool(w, f->is_change);
    jw_key(w, "per_share"); jw_bool(w, f->per_share);
    jw_key(w, "approx"); jw_bool(w, f->approx);
    jw_key(w, "yoy_pct");
    if (f->has_yoy) jw_num(w, f->yoy_pct);
    else jw_null(w);
    jw_key(w, "qoq_pct");
    if (f->has_qoq) jw_num(w, f->qoq_pct);
    else jw_null(w);
    jw_key(w, "vs_guidance"); jw_cstr(w, ea_vs_name(f->vs_guidance));
    jw_key(w, "para"); jw_int(w, (long long)f->para + 1);
    jw_key(w, "in_translation"); jw_bool(w, f->in_translation);
    jw_key(w, "span"); jw_span(w, f->span);
    jw_key(w, "text"); jw_str(w, text_at(c, f->span));
    jw_key(w, "speaker");
    if (f->speaker >= 0) jw_str(w, ea_call_participant(c, (size_t)f->speaker)->name);
    else jw_null(w);
    jw_key(w, "sentence"); jw_str(w, text_at(c, f->sentence));
    jw_obj_end(w);
}

ea_status ea_facts_write_json(const ea_facts *fs, unsigned flags, ea_write_fn write, void *ctx) {
    if (!fs || !write) return EA_ERR_USAGE;
    const ea_call *c = ea_facts_call(fs);
    ea_jw w;
    jw_init(&w, write, ctx, (flags & EA_JSON_PRETTY) != 0);
    jw_obj(&w);
    jw_key(&w, "earnest"); jw_cstr(&w, EA_VERSION_STRING);
    const ea_call_info *in = ea_call_get_info(c);
    jw_key(&w, "company"); jw_str_or_null(&w, in->company);
    jw_key(&w, "period"); jw_str_or_null(&w, in->period);
    jw_key(&w, "facts");
    jw_arr(&w);
    for (size_t i = 0; i < ea_facts_count(fs); i++) fact_json(&w, c, ea_facts_get(fs, i));
    jw_arr_end(&w);
    jw_key(&w, "findings");
    jw_arr(&w);
    for (size_t i = 0; i < ea_facts_finding_count(fs); i++) {
        const ea_finding *f = ea_facts_finding(fs, i);
        jw_obj(&w);
        jw_key(&w, "para"); jw_int(&w, (long long)f->para + 1);
        jw_key(&w, "what"); jw_cstr(&w, f->what);
        jw_key(&w, "original");
        if (f->orig.end > f->orig.start) {
            jw_obj(&w);
            jw_key(&w, "text"); jw_str(&w, text_at(c, f->orig));
            jw_key(&w, "value"); jw_num(&w, f->orig_value);
            jw_key(&w, "span"); jw_span(&w, f->orig);
            jw_obj_end(&w);
        } else {
            jw_null(&w);
        }
        jw_key(&w, "translation");
        if (f->trans.end > f->trans.start) {
            jw_obj(&w);
            jw_key(&w, "text"); jw_str(&w, text_at(c, f->trans));
            jw_key(&w, "value"); jw_num(&w, f->trans_value);
            jw_key(&w, "span"); jw_span(&w, f->trans);
            jw_obj_end(&w);
        } else {
            jw_null(&w);
        }
        jw_obj_end(&w);
    }
    jw_arr_end(&w);
    jw_obj_end(&w);
    return jw_finish(&w);
}

/* ---- CSV ---- */

static int csv_field(ea_buf *b, ea_str s) {
    int quote = 0;
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] == ',' || s.ptr[i] == '"' || s.ptr[i] == '\n' || s.ptr[i] == '\r') quote = 1;
    /* a leading = + - @ would be a formula in a spreadsheet */
    int guard = s.len && (s.ptr[0] == '=' || s.ptr[0] == '+' || s.ptr[0] == '-' || s.ptr[0] == '@');
    if (guard) quote = 1;
    if (quote) ea_buf_putc(b, '"');
    if (guard) ea_buf_putc(b, '\'');
    for (size_t i = 0; i < s.len; i++) {
        if (s.ptr[i] == '"') ea_buf_putc(b, '"');
        ea_buf_putc(b, s.ptr[i] == '\n' || s.ptr[i] == '\r' ? ' ' : s.ptr[i]);
    }
    if (quote) ea_buf_putc(b, '"');
    return ea_buf_putc(b, ',');
}

static void csv_num(ea_buf *b, int has, double v) {
    if (has && isfinite(v)) {
        char t[40];
        int n = snprintf(t, sizeof t, "%.15g", v);
        if (n > 0) ea_buf_append(b, t, (size_t)n);
    }
    ea_buf_putc(b, ',');
}

static ea_str cs(const char *s) { return ea_str_make(s ? s : "", s ? strlen(s) : 0); }

ea_status ea_facts_write_csv(const ea_facts *fs, ea_write_fn write, void *ctx) {
    if (!fs || !write) return EA_ERR_USAGE;
    const ea_call *c = ea_facts_call(fs);
    ea_buf b;
    ea_buf_init(&b, 0);
    ea_buf_puts(&b, "para,metric,metric_phrase,basis,segment,company,period,kind,value,low,high,unit,is_change,per_share,"
                    "approx,yoy_pct,qoq_pct,vs_guidance,in_translation,span_start,span_end,text\r\n");
    int failed = 0;
    for (size_t i = 0; i < ea_facts_count(fs) && !failed; i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        ea_buf_putu(&b, f->para + 1);
        ea_buf_putc(&b, ',');
        csv_field(&b, f->metric);
        csv_field(&b, f->metric_phrase);
        csv_field(&b, f->basis);
        csv_field(&b, f->segment);
        csv_field(&b, f->company);
        csv_field(&b, f->period);
        csv_field(&b, cs(ea_fact_kind_name(f->kind)));
        csv_num(&b, f->has_value, f->value);
        csv_num(&b, f->is_range, f->low);
        csv_num(&b, f->is_range, f->high);
        csv_field(&b, cs(f->unit));
        csv_field(&b, cs(f->is_change ? "true" : "false"));
        csv_field(&b, cs(f->per_share ? "true" : "false"));
        csv_field(&b, cs(f->approx ? "true" : "false"));
        csv_num(&b, f->has_yoy, f->yoy_pct);
        csv_num(&b, f->has_qoq, f->qoq_pct);
        csv_field(&b, cs(ea_vs_name(f->vs_guidance)));
        csv_field(&b, cs(f->in_translation ? "true" : "false"));
        ea_buf_putu(&b, f->span.start);
        ea_buf_putc(&b, ',');
        ea_buf_putu(&b, f->span.end);
        ea_buf_putc(&b, ',');
        csv_field(&b, text_at(c, f->span));
        b.len--; /* the last comma */
        ea_buf_puts(&b, "\r\n");
        if (b.len > 65536) {
            if (b.failed || write(ctx, b.ptr, b.len)) failed = 1;
            b.len = 0;
        }
    }
    if (!failed && (b.failed || (b.len && write(ctx, b.ptr, b.len)))) failed = 1;
    ea_buf_free(&b);
    return failed ? EA_ERR_IO : EA_OK;
}

/* ---- table ---- */

static void pad(ea_buf *b, const char *s, size_t n, size_t width) {
    /* width in display columns, counting CJK as 2 */
    size_t cols = 0, i = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (i < n) {
        uint32_t cp;
        int k = ea_utf8_next(p + i, p + n, &cp);
        int w = ea_is_cjk(cp) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
        if (cols + (size_t)w > width) break;
        for (int j = 0; j < k; j++) {
            unsigned char ch = p[i + (size_t)j];
            ea_buf_putc(b, (char)(ch < 0x20 ? ' ' : ch));
        }
        cols += (size_t)w;
        i += (size_t)k;
    }
    while (cols++ < width) ea_buf_putc(b, ' ');
    ea_buf_putc(b, ' ');
}

ea_status ea_facts_write_table(const ea_facts *fs, ea_write_fn write, void *ctx) {
    if (!fs || !write) return EA_ERR_USAGE;
    const ea_call *c = ea_facts_call(fs);
    ea_buf b;
    ea_buf_init(&b, 0);
    ea_buf_puts(&b, "para  metric                  segment          company         period  kind      value                  yoy     "
                    "qoq     vs      source\n");
    int failed = 0;
    for (size_t i = 0; i < ea_facts_count(fs) && !failed; i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        char t[96], v[64];
        int n = snprintf(t, sizeof t, "%u%s", f->para + 1, f->in_translation ? "t" : "");
        pad(&b, t, (size_t)(n > 0 ? n : 0), 5);
        pad(&b, f->metric.ptr, f->metric.len, 23);
        pad(&b, f->segment.ptr ? f->segment.ptr : "", f->segment.len, 16);
        pad(&b, f->company.ptr ? f->company.ptr : "", f->company.len, 15);
        pad(&b, f->period.ptr ? f->period.ptr : "", f->period.len, 7);
        pad(&b, ea_fact_kind_name(f->kind), strlen(ea_fact_kind_name(f->kind)), 9);
        ea_unit_kind uk = !strcmp(f->unit, "%") ? EA_U_PCT : !strcmp(f->unit, "bps") ? EA_U_BPS
                        : !strcmp(f->unit, "pp") ? EA_U_PP : !strcmp(f->unit, "x") ? EA_U_TIMES
                        : (*f->unit && strcmp(f->unit, "shares")) ? EA_U_CUR : EA_U_NONE;
        size_t vl;
        if (!f->has_value) {
            vl = (size_t)snprintf(v, sizeof v, "-");
        } else if (f->is_range) {
            char lo[32], hi[32];
            ea_qty_format(f->low, uk, uk == EA_U_CUR ? f->unit : NULL, f->per_share, lo, sizeof lo);
            ea_qty_format(f->high, uk, uk == EA_U_CUR ? f->unit : NULL, f->per_share, hi, sizeof hi);
            vl = (size_t)snprintf(v, sizeof v, "%s%s%s..%s", f->is_change ? "chg " : "", f->approx ? "~" : "", lo, hi);
        } else {
            char one[32];
            ea_qty_format(f->value, uk, uk == EA_U_CUR ? f->unit : NULL, f->per_share, one, sizeof one);
            vl = (size_t)snprintf(v, sizeof v, "%s%s%s%s", f->is_change ? "chg " : "", f->approx ? "~" : "", one,
                                  f->per_share ? "/sh" : "");
        }
        pad(&b, v, vl < sizeof v ? vl : sizeof v - 1, 22);
        n = f->has_yoy ? snprintf(t, sizeof t, "%+g%%", f->yoy_pct) : snprintf(t, sizeof t, "-");
        pad(&b, t, (size_t)(n > 0 ? n : 0), 7);
        n = f->has_qoq ? snprintf(t, sizeof t, "%+g%%", f->qoq_pct) : snprintf(t, sizeof t, "-");
        pad(&b, t, (size_t)(n > 0 ? n : 0), 7);
        const char *vs = ea_vs_name(f->vs_guidance);
        pad(&b, vs ? vs : "-", vs ? strlen(vs) : 1, 7);
        ea_str src = text_at(c, f->span);
        pad(&b, src.ptr, src.len, 40);
        b.len--;
        ea_buf_putc(&b, '\n');
        if (b.len > 65536) {
            if (b.failed || write(ctx, b.ptr, b.len)) failed = 1;
            b.len = 0;
        }
    }
    for (size_t i = 0; i < ea_facts_finding_count(fs) && !failed; i++) {
        const ea_finding *f = ea_facts_finding(fs, i);
        ea_buf_puts(&b, i ? "" : "\nfindings (original vs translation):\n");
        char t[32];
        int n = snprintf(t, sizeof t, "  [%u] ", f->para + 1);
        ea_buf_append(&b, t, (size_t)(n > 0 ? n : 0));
        ea_buf_puts(&b, f->what);
        ea_str o = f->orig.end > f->orig.start ? text_at(c, f->orig) : ea_str_make("", 0);
        ea_str tr = f->trans.end > f->trans.start ? text_at(c, f->trans) : ea_str_make("", 0);
        ea_buf_puts(&b, ": ");
        pad(&b, o.ptr ? o.ptr : "", o.len, 0 + o.len);
        ea_buf_puts(&b, "| ");
        pad(&b, tr.ptr ? tr.ptr : "", tr.len, tr.len);
        ea_buf_putc(&b, '\n');
    }
    if (!failed && (b.failed || (b.len && write(ctx, b.ptr, b.len)))) failed = 1;
    ea_buf_free(&b);
    return failed ? EA_ERR_IO : EA_OK;
}
