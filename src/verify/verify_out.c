/* Verify results for people (text) and for programs (JSON). */
#include <stdio.h>
#include <string.h>

#include "render/jw.h"
#include "util/buf.h"
#include "util/text.h"
#include "verify_int.h"

#define QUOTE_MAX 200 /* bytes of a line or source phrase quoted */

/* Text for a terminal: control bytes become spaces, long text is cut at a
 * character boundary. */
static void put_clean(ea_buf *b, ea_str s, size_t max) {
    size_t n = s.len;
    int cut = 0;
    if (n > max) {
        n = ea_utf8_floor(s.ptr, max);
        cut = 1;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        ea_buf_putc(b, c < 0x20 || c == 0x7F ? ' ' : (char)c);
    }
    if (cut) ea_buf_puts(b, "...");
}

static void put_num(ea_buf *b, double v) {
    char t[48];
    int n = snprintf(t, sizeof t, "%.15g", v);
    if (n > 0 && (size_t)n < sizeof t) ea_buf_append(b, t, (size_t)n);
}

static int flush(ea_buf *b, ea_write_fn write, void *ctx) {
    if (b->failed) return 1;
    int bad = b->len && write(ctx, b->ptr, b->len);
    b->len = 0;
    return bad;
}

ea_status ea_verify_write_text(const ea_verify_result *r, const char *name, ea_write_fn write, void *ctx) {
    if (!r || !write) return EA_ERR_USAGE;
    ea_buf b;
    ea_buf_init(&b, 0);
    int bad = 0;
    size_t n = ea_verify_count(r);
    for (size_t i = 0; i < n && !bad; i++) {
        const ea_verify_finding *f = ea_verify_get(r, i);
        if (name) {
            put_clean(&b, ea_str_make(name, strlen(name)), 4096);
            ea_buf_putc(&b, ':');
        }
        ea_buf_putu(&b, f->line);
        ea_buf_putc(&b, ':');
        ea_buf_putu(&b, f->column);
        ea_buf_puts(&b, ": ");
        ea_buf_puts(&b, ea_verify_kind_label(f->kind));
        ea_buf_puts(&b, " \"");
        put_clean(&b, f->text, QUOTE_MAX);
        ea_buf_puts(&b, "\": ");
        ea_buf_puts(&b, f->why);
        ea_buf_puts(&b, "\n    line ");
        ea_buf_putu(&b, f->line);
        ea_buf_puts(&b, ": ");
        put_clean(&b, ea_trim(f->line_text), QUOTE_MAX);
        ea_buf_putc(&b, '\n');
        if (f->has_source) {
            ea_buf_puts(&b, f->kind == EA_VERIFY_UNSTATED ? "    nearest in the call: [" : "    the call: [");
            ea_buf_putu(&b, (unsigned long long)f->source_para + 1);
            ea_buf_puts(&b, "] \"");
            put_clean(&b, f->source_text, QUOTE_MAX);
            ea_buf_puts(&b, "\" = ");
            put_num(&b, f->source_value);
            if (f->source_period[0]) {
                ea_buf_puts(&b, ", ");
                ea_buf_puts(&b, f->source_period);
            }
            if (f->source_in_translation) ea_buf_puts(&b, ", in the translation");
            ea_buf_putc(&b, '\n');
        }
        if (b.len >= 65536) bad = flush(&b, write, ctx);
    }
    const ea_verify_stats *st = ea_verify_get_stats(r);
    if (name) {
        put_clean(&b, ea_str_make(name, strlen(name)), 4096);
        ea_buf_puts(&b, ": ");
    }
    if (st->findings) {
        ea_buf_putu(&b, st->findings);
        ea_buf_puts(&b, st->findings == 1 ? " finding (" : " findings (");
        int first = 1;
        for (int k = 0; k < EA_VERIFY_KIND_COUNT_; k++) {
            if (!st->by_kind[k]) continue;
            if (!first) ea_buf_puts(&b, ", ");
            first = 0;
            ea_buf_puts(&b, ea_verify_kind_label((ea_verify_kind)k));
            ea_buf_putc(&b, ' ');
            ea_buf_putu(&b, st->by_kind[k]);
        }
        ea_buf_puts(&b, ")");
    } else {
        ea_buf_puts(&b, "no findings");
    }
    ea_buf_puts(&b, "; ");
    ea_buf_putu(&b, st->lines);
    ea_buf_puts(&b, st->lines == 1 ? " line, " : " lines, ");
    ea_buf_putu(&b, st->numbers);
    ea_buf_puts(&b, st->numbers == 1 ? " number (" : " numbers (");
    ea_buf_putu(&b, st->stated);
    ea_buf_puts(&b, " stated, ");
    ea_buf_putu(&b, st->derived);
    ea_buf_puts(&b, " derived), ");
    ea_buf_putu(&b, st->citations);
    ea_buf_puts(&b, st->citations == 1 ? " citation\n" : " citations\n");
    if (!bad) bad = flush(&b, write, ctx);
    ea_buf_free(&b);
    return bad ? EA_ERR_IO : EA_OK;
}

ea_status ea_verify_write_json(const ea_verify_result *r, unsigned flags, ea_write_fn write, void *ctx) {
    if (!r || !write) return EA_ERR_USAGE;
    ea_jw w;
    jw_init(&w, write, ctx, (flags & EA_JSON_PRETTY) != 0);
    const ea_verify_stats *st = ea_verify_get_stats(r);
    jw_obj(&w);
    jw_key(&w, "earnest");
    jw_cstr(&w, EA_VERSION_STRING);
    jw_key(&w, "lines");
    jw_int(&w, (long long)st->lines);
    jw_key(&w, "numbers");
    jw_int(&w, (long long)st->numbers);
    jw_key(&w, "stated");
    jw_int(&w, (long long)st->stated);
    jw_key(&w, "derived");
    jw_int(&w, (long long)st->derived);
    jw_key(&w, "citations");
    jw_int(&w, (long long)st->citations);
    jw_key(&w, "counts");
    jw_obj(&w);
    for (int k = 0; k < EA_VERIFY_KIND_COUNT_; k++) {
        jw_key(&w, ea_verify_kind_name((ea_verify_kind)k));
        jw_int(&w, (long long)st->by_kind[k]);
    }
    jw_obj_end(&w);
    jw_key(&w, "findings");
    jw_arr(&w);
    size_t n = ea_verify_count(r);
    for (size_t i = 0; i < n; i++) {
        const ea_verify_finding *f = ea_verify_get(r, i);
        jw_obj(&w);
        jw_key(&w, "kind");
        jw_cstr(&w, ea_verify_kind_name(f->kind));
        jw_key(&w, "line");
        jw_int(&w, (long long)f->line);
        jw_key(&w, "column");
        jw_int(&w, (long long)f->column);
        jw_key(&w, "span");
        jw_span(&w, f->span);
        jw_key(&w, "text");
        jw_str(&w, f->text);
        if (!f->is_number) {
            jw_key(&w, "value");
            jw_null(&w);
            jw_key(&w, "unit");
            jw_null(&w);
        } else {
            jw_key(&w, "value");
            jw_num(&w, f->value);
            jw_key(&w, "unit");
            jw_str_or_null(&w, ea_str_make(f->unit, strlen(f->unit)));
        }
        jw_key(&w, "why");
        jw_cstr(&w, f->why);
        jw_key(&w, "line_text");
        jw_str(&w, f->line_text);
        jw_key(&w, "source");
        if (f->has_source) {
            jw_obj(&w);
            jw_key(&w, "para");
            jw_int(&w, (long long)f->source_para + 1);
            jw_key(&w, "in_translation");
            jw_bool(&w, f->source_in_translation);
            jw_key(&w, "span");
            jw_span(&w, f->source_span);
            jw_key(&w, "text");
            jw_str(&w, f->source_text);
            jw_key(&w, "value");
            jw_num(&w, f->source_value);
            jw_key(&w, "period");
            jw_str_or_null(&w, ea_str_make(f->source_period, strlen(f->source_period)));
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
