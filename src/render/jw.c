#include "jw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

static void flush(ea_jw *w) {
    if (w->buf.failed) w->failed = 1;
    if (!w->failed && w->buf.len && w->write(w->ctx, w->buf.ptr, w->buf.len)) w->failed = 1;
    w->buf.len = 0;
}

static void raw(ea_jw *w, const char *s, size_t n) {
    ea_buf_append(&w->buf, s, n);
    if (w->buf.len >= 65536) flush(w);
}

void jw_init(ea_jw *w, ea_write_fn write, void *ctx, int pretty) {
    memset(w, 0, sizeof *w);
    ea_buf_init(&w->buf, 0);
    w->write = write;
    w->ctx = ctx;
    w->pretty = pretty;
}

static void indent(ea_jw *w) {
    if (!w->pretty) return;
    raw(w, "\n", 1);
    for (int i = 0; i < w->depth; i++) raw(w, "  ", 2);
}

/* Before a value: a comma when needed (keys set need_comma themselves). */
static void value_prefix(ea_jw *w) {
    if (w->depth > 0 && w->depth < 64 && w->need_comma[w->depth] == 2) {
        w->need_comma[w->depth] = 1; /* after a key: no comma */
        return;
    }
    if (w->depth > 0 && w->depth < 64) {
        if (w->need_comma[w->depth]) raw(w, ",", 1);
        w->need_comma[w->depth] = 1;
        indent(w);
    }
}

static void open(ea_jw *w, char ch) {
    value_prefix(w);
    raw(w, &ch, 1);
    w->depth++;
    if (w->depth < 64) w->need_comma[w->depth] = 0;
}

static void close_(ea_jw *w, char ch) {
    int had = w->depth < 64 && w->need_comma[w->depth];
    w->depth--;
    if (had) indent(w);
    raw(w, &ch, 1);
}

void jw_obj(ea_jw *w) { open(w, '{'); }
void jw_obj_end(ea_jw *w) { close_(w, '}'); }
void jw_arr(ea_jw *w) { open(w, '['); }
void jw_arr_end(ea_jw *w) { close_(w, ']'); }

static void quoted(ea_jw *w, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    raw(w, "\"", 1);
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    const unsigned char *run = p;
    while (p < end) {
        unsigned char c = *p;
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            p++;
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;
            int k = ea_utf8_next(p, end, &cp);
            /* invalid UTF-8 or U+2028/9 (which break JS) get replaced/escaped */
            if (cp == 0xFFFD && !(k == 3 && p[0] == 0xEF)) {
                raw(w, (const char *)run, (size_t)(p - run));
                raw(w, "\\ufffd", 6);
                p += k;
                run = p;
            } else if (cp == 0x2028 || cp == 0x2029) {
                raw(w, (const char *)run, (size_t)(p - run));
                raw(w, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
                p += k;
                run = p;
            } else {
                p += k;
            }
            continue;
        }
        raw(w, (const char *)run, (size_t)(p - run));
        char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        switch (c) {
        case '"': raw(w, "\\\"", 2); break;
        case '\\': raw(w, "\\\\", 2); break;
        case '\n': raw(w, "\\n", 2); break;
        case '\r': raw(w, "\\r", 2); break;
        case '\t': raw(w, "\\t", 2); break;
        default: raw(w, e, 6);
        }
        p++;
        run = p;
    }
    raw(w, (const char *)run, (size_t)(p - run));
    raw(w, "\"", 1);
}

void jw_key(ea_jw *w, const char *k) {
    if (w->depth > 0 && w->depth < 64) {
        if (w->need_comma[w->depth]) raw(w, ",", 1);
        indent(w);
    }
    quoted(w, k, strlen(k));
    raw(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
    if (w->depth > 0 && w->depth < 64) w->need_comma[w->depth] = 2;
}

void jw_str(ea_jw *w, ea_str s) {
    value_prefix(w);
    if (!s.ptr) raw(w, "null", 4);
    else quoted(w, s.ptr, s.len);
}

void jw_cstr(ea_jw *w, const char *s) {
    value_prefix(w);
    if (!s) raw(w, "null", 4);
    else quoted(w, s, strlen(s));
}

void jw_str_or_null(ea_jw *w, ea_str s) {
    if (!s.len) jw_null(w);
    else jw_str(w, s);
}

void jw_int(ea_jw *w, long long v) {
    value_prefix(w);
    ea_buf_puti(&w->buf, v);
}

void jw_num(ea_jw *w, double v) {
    value_prefix(w);
    if (!isfinite(v)) {
        raw(w, "null", 4);
        return;
    }
    char t[40];
    int n = snprintf(t, sizeof t, "%.15g", v);
    if (n > 0 && (size_t)n < sizeof t) raw(w, t, (size_t)n);
}

void jw_bool(ea_jw *w, int v) {
    value_prefix(w);
    raw(w, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(ea_jw *w) {
    value_prefix(w);
    raw(w, "null", 4);
}

ea_status jw_finish(ea_jw *w) {
    if (w->pretty) raw(w, "\n", 1);
    flush(w);
    ea_buf_free(&w->buf);
    return w->failed ? EA_ERR_IO : EA_OK;
}

void jw_span(ea_jw *w, ea_span s) {
    jw_arr(w);
    jw_int(w, (long long)s.start);
    jw_int(w, (long long)s.end);
    jw_arr_end(w);
}
