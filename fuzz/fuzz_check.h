/* Shared by the fuzz targets: parse with given options, then walk the whole
 * model and check what the public header promises. Any broken promise
 * aborts, which libFuzzer reports as a crash with the input saved. */
#ifndef EA_FUZZ_CHECK_H
#define EA_FUZZ_CHECK_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnest/earnest.h"

#define FZ_ASSERT(cond)                                                                  \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* Length of the longest valid UTF-8 prefix (written here, independently of
 * the library's own validator, so the two check each other). */
static inline size_t fz_utf8_prefix(const unsigned char *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        uint32_t v, min;
        if (c >= 0xC2 && c <= 0xDF) k = 2, v = c & 0x1F, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF) k = 3, v = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4) k = 4, v = c & 0x07, min = 0x10000;
        else return i;
        if (n - i < k) return i;
        for (size_t j = 1; j < k; j++) {
            if ((p[i + j] & 0xC0) != 0x80) return i;
            v = (v << 6) | (p[i + j] & 0x3Fu);
        }
        if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return i;
        i += k;
    }
    return n;
}

static inline int fz_utf8_ok(const char *p, size_t n) {
    return fz_utf8_prefix((const unsigned char *)p, n) == n;
}

/* ---- output sinks ------------------------------------------------------ */

/* Collects output up to a cap (beyond it, only counts), so the JSON can be
 * validated without unbounded memory. */
typedef struct {
    char *buf;
    size_t len, cap, total;
    int stop_after; /* > 0: return non-zero on that call (tests abort paths) */
    int calls;
} fz_sink;

static inline int fz_write(void *ctx, const char *data, size_t len) {
    fz_sink *s = ctx;
    FZ_ASSERT(data != NULL || len == 0);
    s->calls++;
    if (s->stop_after > 0 && s->calls >= s->stop_after) return 1;
    s->total += len;
    if (s->len + len > s->cap) {
        size_t nc = s->cap ? s->cap : 4096;
        while (nc < s->len + len) nc *= 2;
        if (nc > ((size_t)64 << 20)) return 0; /* too big to keep: count only */
        char *nb = realloc(s->buf, nc);
        if (!nb) return 0;
        s->buf = nb;
        s->cap = nc;
    }
    memcpy(s->buf + s->len, data, len);
    s->len += len;
    return 0;
}

/* A strict JSON syntax check (RFC 8259), iterative so that depth costs no
 * stack. Returns 1 when [p, p+n) is exactly one JSON value. */
static inline int fz_json_valid(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    /* stack of containers: 'o' object, 'a' array */
    static char stack[1 << 16];
    size_t depth = 0;
    enum { VALUE, AFTER_VALUE, KEY_OR_END, VALUE_OR_END, KEY } st = VALUE;
#define WS() while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++
    for (;;) {
        WS();
        if (st == AFTER_VALUE) {
            if (depth == 0) return p == end;
            if (p >= end) return 0;
            if (*p == ',') {
                p++;
                st = stack[depth - 1] == 'o' ? KEY : VALUE;
            } else if ((*p == '}' && stack[depth - 1] == 'o') || (*p == ']' && stack[depth - 1] == 'a')) {
                p++;
                depth--;
                st = AFTER_VALUE;
            } else {
                return 0;
            }
            continue;
        }
        if (p >= end) return 0;
        if (st == KEY_OR_END && *p == '}') {
            p++;
            depth--;
            st = AFTER_VALUE;
            continue;
        }
        if (st == VALUE_OR_END && *p == ']') {
            p++;
            depth--;
            st = AFTER_VALUE;
            continue;
        }
        int is_key = st == KEY || st == KEY_OR_END;
        if (is_key && *p != '"') return 0;
        if (*p == '"') {
            p++;
            for (;;) {
                if (p >= end) return 0;
                unsigned char c = *p;
                if (c == '"') break;
                if (c < 0x20) return 0;
                if (c == '\\') {
                    if (end - p < 2) return 0;
                    unsigned char e = p[1];
                    if (e == 'u') {
                        if (end - p < 6) return 0;
                        for (int k = 2; k < 6; k++) {
                            unsigned char h = p[k];
                            if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F')))
                                return 0;
                        }
                        p += 6;
                    } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                               e == 'r' || e == 't') {
                        p += 2;
                    } else {
                        return 0;
                    }
                    continue;
                }
                p++;
            }
            p++; /* closing quote */
            if (is_key) {
                WS();
                if (p >= end || *p != ':') return 0;
                p++;
                st = VALUE;
            } else {
                st = AFTER_VALUE;
            }
            continue;
        }
        if (*p == '{' || *p == '[') {
            if (depth >= sizeof stack) return 0;
            stack[depth++] = *p == '{' ? 'o' : 'a';
            st = *p == '{' ? KEY_OR_END : VALUE_OR_END;
            p++;
            continue;
        }
        if (end - p >= 4 && (!memcmp(p, "true", 4) || !memcmp(p, "null", 4))) {
            p += 4;
            st = AFTER_VALUE;
            continue;
        }
        if (end - p >= 5 && !memcmp(p, "false", 5)) {
            p += 5;
            st = AFTER_VALUE;
            continue;
        }
        /* number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
        const unsigned char *q = p;
        if (q < end && *q == '-') q++;
        if (q >= end) return 0;
        if (*q == '0') q++;
        else if (*q >= '1' && *q <= '9')
            while (q < end && *q >= '0' && *q <= '9') q++;
        else return 0;
        if (q < end && *q == '.') {
            q++;
            if (q >= end || *q < '0' || *q > '9') return 0;
            while (q < end && *q >= '0' && *q <= '9') q++;
        }
        if (q < end && (*q == 'e' || *q == 'E')) {
            q++;
            if (q < end && (*q == '+' || *q == '-')) q++;
            if (q >= end || *q < '0' || *q > '9') return 0;
            while (q < end && *q >= '0' && *q <= '9') q++;
        }
        p = q;
        st = AFTER_VALUE;
    }
#undef WS
}

/* ---- the model walk ---------------------------------------------------- */

static inline int fz_span_ok(ea_span s, size_t tlen) { return s.start <= s.end && s.end <= tlen; }

static inline void fz_check_call(const ea_call *c) {
    size_t tlen = 0;
    const char *text = ea_call_text(c, &tlen);
    FZ_ASSERT(text != NULL);
    FZ_ASSERT(text[tlen] == '\0');
    FZ_ASSERT(fz_utf8_ok(text, tlen));
    FZ_ASSERT(memchr(text, 0, tlen) == NULL);

    const ea_call_info *info = ea_call_get_info(c);
    FZ_ASSERT(info != NULL);
    FZ_ASSERT(info->layout > EA_LAYOUT_AUTO && info->layout < EA_LAYOUT_COUNT_);
    FZ_ASSERT(info->encoding != NULL);
    const ea_str fields[] = {info->company, info->ticker, info->exchange, info->event_title,
                             info->period, info->date, info->summary, info->disclaimer};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        FZ_ASSERT(fields[i].ptr != NULL || fields[i].len == 0);
        if (fields[i].len) FZ_ASSERT(fz_utf8_ok(fields[i].ptr, fields[i].len));
    }
    if (info->summary.len) FZ_ASSERT(fz_span_ok(info->summary_span, tlen));
    if (info->disclaimer.len) FZ_ASSERT(fz_span_ok(info->disclaimer_span, tlen));

    size_t np = ea_call_participant_count(c), nt = ea_call_turn_count(c),
           npara = ea_call_paragraph_count(c), nx = ea_call_exchange_count(c);
    FZ_ASSERT(npara > 0); /* a parse that succeeds has text */
    FZ_ASSERT(ea_call_participant(c, np) == NULL);
    FZ_ASSERT(ea_call_turn(c, nt) == NULL);
    FZ_ASSERT(ea_call_paragraph(c, npara) == NULL);
    FZ_ASSERT(ea_call_exchange(c, nx) == NULL);

    for (size_t i = 0; i < np; i++) {
        const ea_participant *p = ea_call_participant(c, i);
        FZ_ASSERT(p && p->name.len > 0 && fz_utf8_ok(p->name.ptr, p->name.len));
        FZ_ASSERT(p->title.len == 0 || fz_utf8_ok(p->title.ptr, p->title.len));
        FZ_ASSERT(p->affiliation.len == 0 || fz_utf8_ok(p->affiliation.ptr, p->affiliation.len));
        FZ_ASSERT((unsigned)p->role < EA_ROLE_COUNT_);
        FZ_ASSERT((unsigned)p->role_from <= EA_FROM_NAME);
    }
    uint32_t next_para = 0;
    for (size_t i = 0; i < nt; i++) {
        const ea_turn *t = ea_call_turn(c, i);
        FZ_ASSERT(t->speaker >= -1 && (t->speaker < 0 || (size_t)t->speaker < np));
        FZ_ASSERT((unsigned)t->section < EA_SECTION_COUNT_);
        FZ_ASSERT((size_t)t->first_para + t->n_paras <= npara);
        /* turns partition the paragraphs in order */
        if (t->n_paras) {
            FZ_ASSERT(t->first_para == next_para);
            next_para = t->first_para + t->n_paras;
        }
        FZ_ASSERT(fz_span_ok(t->span, tlen));
    }
    FZ_ASSERT(next_para == npara);
    for (size_t i = 0; i < npara; i++) {
        const ea_paragraph *p = ea_call_paragraph(c, i);
        FZ_ASSERT(p->n == i + 1);
        FZ_ASSERT(p->turn < nt);
        const ea_turn *t = ea_call_turn(c, p->turn);
        FZ_ASSERT(i >= t->first_para && i < (size_t)t->first_para + t->n_paras);
        FZ_ASSERT((unsigned)p->lang < EA_LANG_COUNT_);
        FZ_ASSERT(p->text.len > 0 && p->text.ptr != NULL);
        FZ_ASSERT(fz_utf8_ok(p->text.ptr, p->text.len));
        FZ_ASSERT(fz_span_ok(p->span, tlen));
        if (!p->pieces) {
            FZ_ASSERT(p->n_pieces == 0);
            FZ_ASSERT(p->span.end - p->span.start == p->text.len);
            FZ_ASSERT(memcmp(text + p->span.start, p->text.ptr, p->text.len) == 0);
        } else {
            FZ_ASSERT(p->n_pieces > 0);
            uint32_t prev_end = 0;
            for (uint32_t k = 0; k < p->n_pieces; k++) {
                const ea_piece *pc = &p->pieces[k];
                FZ_ASSERT(pc->text_off >= prev_end);
                FZ_ASSERT((size_t)pc->text_off + pc->len <= p->text.len);
                FZ_ASSERT(pc->src >= p->span.start && pc->src + pc->len <= p->span.end);
                FZ_ASSERT(memcmp(p->text.ptr + pc->text_off, text + pc->src, pc->len) == 0);
                prev_end = pc->text_off + pc->len;
            }
        }
        /* every text offset maps inside the paragraph's span */
        size_t probes[] = {0, p->text.len / 2, p->text.len};
        for (size_t k = 0; k < 3; k++) {
            size_t o = ea_paragraph_src_offset(p, probes[k]);
            FZ_ASSERT(o >= p->span.start && o <= p->span.end);
        }
        if (p->has_translation) {
            FZ_ASSERT(fz_span_ok(p->tr_span, tlen));
            FZ_ASSERT((unsigned)p->tr_lang < EA_LANG_COUNT_);
            FZ_ASSERT(p->tr_text.len == p->tr_span.end - p->tr_span.start);
            FZ_ASSERT(p->tr_text.len == 0 || memcmp(text + p->tr_span.start, p->tr_text.ptr, p->tr_text.len) == 0);
        }
    }
    for (size_t i = 0; i < nx; i++) {
        const ea_exchange *x = ea_call_exchange(c, i);
        FZ_ASSERT(x->analyst >= -1 && (x->analyst < 0 || (size_t)x->analyst < np));
        FZ_ASSERT((size_t)x->first_turn + x->n_turns <= nt);
        for (uint32_t k = 0; k < x->n_question_paras; k++) FZ_ASSERT(x->question_paras[k] < npara);
        for (uint32_t k = 0; k < x->n_answer_turns; k++) FZ_ASSERT(x->answer_turns[k] < nt);
    }

    size_t ns = 0;
    const ea_sentence *s = ea_call_sentences(c, &ns);
    FZ_ASSERT(s != NULL || ns == 0);
    size_t ns2 = 0;
    FZ_ASSERT(ea_call_sentences(c, &ns2) == s && ns2 == ns); /* cached */
    uint32_t last_para = 0;
    for (size_t i = 0; i < ns; i++) {
        FZ_ASSERT(s[i].para < npara && s[i].para >= last_para);
        last_para = s[i].para;
        const ea_paragraph *p = ea_call_paragraph(c, s[i].para);
        FZ_ASSERT(fz_span_ok(s[i].span, tlen));
        FZ_ASSERT(s[i].span.start >= p->span.start && s[i].span.end <= p->span.end);
        FZ_ASSERT(s[i].text.len > 0);
        FZ_ASSERT(s[i].text.ptr >= p->text.ptr && s[i].text.ptr + s[i].text.len <= p->text.ptr + p->text.len);
        FZ_ASSERT(fz_utf8_ok(s[i].text.ptr, s[i].text.len));
        if (!p->pieces) {
            FZ_ASSERT(s[i].span.end - s[i].span.start == s[i].text.len);
            FZ_ASSERT(memcmp(text + s[i].span.start, s[i].text.ptr, s[i].text.len) == 0);
        }
    }

    const char *ex = ea_call_explain(c), *wa = ea_call_warnings(c);
    FZ_ASSERT(ex && wa);
    FZ_ASSERT(fz_utf8_ok(ex, strlen(ex)));
    FZ_ASSERT(fz_utf8_ok(wa, strlen(wa)));
}

static inline void fz_check_output(const ea_call *c) {
    static const unsigned json_flags[] = {0, EA_JSON_SENTENCES, EA_JSON_PRETTY | EA_JSON_SENTENCES};
    for (size_t k = 0; k < 3; k++) {
        fz_sink s;
        memset(&s, 0, sizeof s);
        FZ_ASSERT(ea_call_write_json(c, json_flags[k], fz_write, &s) == EA_OK);
        if (s.len == s.total) {
            FZ_ASSERT(fz_utf8_ok(s.buf, s.len));
            FZ_ASSERT(memchr(s.buf, 0, s.len) == NULL);
            FZ_ASSERT(fz_json_valid(s.buf, s.len));
        }
        free(s.buf);
    }
    fz_sink t;
    memset(&t, 0, sizeof t);
    FZ_ASSERT(ea_call_write_text(c, 0, fz_write, &t) == EA_OK);
    /* the text renderer never passes control bytes through */
    for (size_t i = 0; i < t.len; i++)
        FZ_ASSERT((unsigned char)t.buf[i] >= 0x20 || t.buf[i] == '\n');
    FZ_ASSERT(t.len != t.total || fz_utf8_ok(t.buf, t.len));
    free(t.buf);
    /* a sink that refuses: the renderers stop and say so */
    fz_sink r;
    memset(&r, 0, sizeof r);
    r.stop_after = 1;
    FZ_ASSERT(ea_call_write_json(c, 0, fz_write, &r) == EA_ERR_IO);
    memset(&r, 0, sizeof r);
    r.stop_after = 1;
    FZ_ASSERT(ea_call_write_text(c, 0, fz_write, &r) == EA_ERR_IO);
}

static inline void fz_check_error(ea_status st, const ea_error *err, const ea_call *c, size_t len) {
    FZ_ASSERT(c == NULL);
    FZ_ASSERT(st != EA_OK && st != EA_ERR_INTERNAL && st != EA_ERR_IO);
    FZ_ASSERT(err->code == st);
    FZ_ASSERT(err->message != NULL && err->message[0] != '\0');
    FZ_ASSERT(ea_status_str(st) != NULL);
    if (err->offset != SIZE_MAX) {
        FZ_ASSERT(err->offset <= len);
        if (err->line) FZ_ASSERT(err->column >= 1 && err->column <= err->offset + 1);
    } else {
        FZ_ASSERT(err->line == 0 && err->column == 0);
    }
}

/* Parse and check everything; returns the status. */
static inline ea_status fz_run(const char *data, size_t len, const ea_parse_options *opt) {
    ea_call *c = (ea_call *)1; /* must be reset to NULL on failure */
    ea_error err;
    memset(&err, 0xAB, sizeof err);
    ea_status st = ea_call_parse(data, len, opt, &c, &err);
    if (st != EA_OK) {
        fz_check_error(st, &err, c, len);
        return st;
    }
    FZ_ASSERT(c != NULL);
    fz_check_call(c);
    fz_check_output(c);
    ea_call_free(c);
    return st;
}
#endif
