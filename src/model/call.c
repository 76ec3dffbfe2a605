/* The call object: accessors for the public API and the builder that the
 * layout parsers feed. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call_int.h"

/* ---- names of enums ---------------------------------------------------- */

static const char *const layout_names[EA_LAYOUT_COUNT_] = {
    "auto", "speaker", "streetevents", "seekingalpha", "fool", "fool-json",
    "bilingual", "lines", "vtt", "srt", "chinese", "plain"};

const char *ea_layout_name(ea_layout l) {
    return (unsigned)l < EA_LAYOUT_COUNT_ ? layout_names[l] : "unknown";
}

ea_layout ea_layout_from_name(const char *name, size_t len) {
    for (int i = 0; i < EA_LAYOUT_COUNT_; i++)
        if (strlen(layout_names[i]) == len && memcmp(layout_names[i], name, len) == 0)
            return (ea_layout)i;
    return EA_LAYOUT_COUNT_;
}

const char *ea_lang_name(ea_lang l) {
    static const char *const n[EA_LANG_COUNT_] = {"und", "en", "zh-Hans", "zh-Hant", "other"};
    return (unsigned)l < EA_LANG_COUNT_ ? n[l] : "und";
}

const char *ea_role_name(ea_role r) {
    static const char *const n[EA_ROLE_COUNT_] = {"unknown", "operator", "executive", "ir",
                                                  "analyst", "host",     "expert"};
    return (unsigned)r < EA_ROLE_COUNT_ ? n[r] : "unknown";
}

const char *ea_section_name(ea_section s) {
    static const char *const n[EA_SECTION_COUNT_] = {"intro", "prepared", "qa", "closing"};
    return (unsigned)s < EA_SECTION_COUNT_ ? n[s] : "prepared";
}

const char *ea_status_str(ea_status s) {
    switch (s) {
    case EA_OK: return "ok";
    case EA_ERR_USAGE: return "bad argument";
    case EA_ERR_IO: return "input/output error";
    case EA_ERR_ENCODING: return "invalid text encoding";
    case EA_ERR_BINARY: return "binary data, not text";
    case EA_ERR_EMPTY: return "empty input";
    case EA_ERR_LIMIT: return "limit exceeded";
    case EA_ERR_SYNTAX: return "input does not fit the layout";
    case EA_ERR_NOMEM: return "out of memory";
    case EA_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}

/* ---- accessors --------------------------------------------------------- */

void ea_call_free(ea_call *c) {
    if (!c) return;
    ea_arena_free(&c->arena);
    free(c->text);
    ea_vec_free(&c->parts);
    ea_vec_free(&c->turns);
    ea_vec_free(&c->paras);
    ea_vec_free(&c->exch);
    ea_vec_free(&c->pieces);
    free(c->names.slots);
    free(c->sents);
    ea_buf_free(&c->explain);
    ea_buf_free(&c->warnings);
    ea_buf_free(&c->ptext);
    free(c);
}

const char *ea_call_text(const ea_call *c, size_t *len) {
    if (len) *len = c->text_len;
    return c->text;
}
const ea_call_info *ea_call_get_info(const ea_call *c) { return &c->info; }
size_t ea_call_participant_count(const ea_call *c) { return c->parts.n; }
const ea_participant *ea_call_participant(const ea_call *c, size_t i) {
    return i < c->parts.n ? &((const ea_participant *)c->parts.ptr)[i] : NULL;
}
size_t ea_call_turn_count(const ea_call *c) { return c->turns.n; }
const ea_turn *ea_call_turn(const ea_call *c, size_t i) {
    return i < c->turns.n ? &((const ea_turn *)c->turns.ptr)[i] : NULL;
}
size_t ea_call_paragraph_count(const ea_call *c) { return c->paras.n; }
const ea_paragraph *ea_call_paragraph(const ea_call *c, size_t i) {
    return i < c->paras.n ? &((const ea_paragraph *)c->paras.ptr)[i] : NULL;
}
size_t ea_call_exchange_count(const ea_call *c) { return c->exch.n; }
const ea_exchange *ea_call_exchange(const ea_call *c, size_t i) {
    return i < c->exch.n ? &((const ea_exchange *)c->exch.ptr)[i] : NULL;
}
const char *ea_call_explain(const ea_call *c) { return c->explain.ptr ? c->explain.ptr : ""; }
const char *ea_call_warnings(const ea_call *c) { return c->warnings.ptr ? c->warnings.ptr : ""; }

size_t ea_paragraph_src_offset(const ea_paragraph *p, size_t off) {
    if (!p->pieces || p->n_pieces == 0) return p->span.start + off;
    /* binary search the piece holding off; separators map to the next piece */
    uint32_t lo = 0, hi = p->n_pieces;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (p->pieces[mid].text_off <= off) lo = mid;
        else hi = mid;
    }
    const ea_piece *pc = &p->pieces[lo];
    size_t d = off >= pc->text_off ? off - pc->text_off : 0;
    if (d > pc->len) d = pc->len;
    return pc->src + d;
}

/* ---- builder ----------------------------------------------------------- */

int ea_b_fail(ea_call *c, ea_status code, const char *msg, size_t off) {
    if (c->fail_code == EA_OK) {
        c->fail_code = code;
        c->fail_msg = msg;
        c->fail_off = off;
    }
    return -1;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 0)))
#endif
static void note(ea_buf *b, const char *fmt, va_list ap) {
    char tmp[512];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    if (n < 0) return;
    size_t len = (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1;
    len = ea_utf8_floor(tmp, len);
    ea_buf_append(b, tmp, len);
    ea_buf_putc(b, '\n');
    ea_buf_terminate(b);
}

void ea_b_explain(ea_call *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    note(&c->explain, fmt, ap);
    va_end(ap);
}

void ea_b_warn(ea_call *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    note(&c->warnings, fmt, ap);
    va_end(ap);
}

ea_str ea_b_strdup(ea_call *c, const char *p, size_t n) {
    char *d = ea_arena_strdup(&c->arena, p, n);
    if (!d) {
        ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
        return ea_str_make(NULL, 0);
    }
    return ea_str_make(d, n);
}

ea_str ea_b_span_str(const ea_call *c, size_t start, size_t end) {
    if (end > c->text_len) end = c->text_len;
    if (start > end) start = end;
    return ea_trim(ea_str_make(c->text + start, end - start));
}

/* Name key: ASCII lower-cased, runs of space/punctuation folded. */
static uint64_t name_hash(ea_str s) {
    uint64_t h = 1469598103934665603ull;
    int gap = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char ch = (unsigned char)s.ptr[i];
        if (ea_is_space(ch) || ch == '.' || ch == ',') {
            gap = 1;
            continue;
        }
        if (gap) {
            h = (h ^ ' ') * 1099511628211ull;
            gap = 0;
        }
        h = (h ^ ea_lower(ch)) * 1099511628211ull;
    }
    return h;
}

static int name_eq(ea_str a, ea_str b) {
    size_t i = 0, j = 0;
    for (;;) {
        while (i < a.len && (ea_is_space((unsigned char)a.ptr[i]) || a.ptr[i] == '.' || a.ptr[i] == ','))
            i++;
        while (j < b.len && (ea_is_space((unsigned char)b.ptr[j]) || b.ptr[j] == '.' || b.ptr[j] == ','))
            j++;
        if (i == a.len || j == b.len) return i == a.len && j == b.len;
        if (ea_lower((unsigned char)a.ptr[i]) != ea_lower((unsigned char)b.ptr[j])) return 0;
        int sa = i + 1 < a.len && (ea_is_space((unsigned char)a.ptr[i + 1]) || a.ptr[i + 1] == '.' || a.ptr[i + 1] == ',');
        int sb = j + 1 < b.len && (ea_is_space((unsigned char)b.ptr[j + 1]) || b.ptr[j + 1] == '.' || b.ptr[j + 1] == ',');
        if (sa != sb) return 0;
        i++;
        j++;
    }
}

int32_t ea_b_find_participant(const ea_call *c, ea_str name) {
    if (!c->names.cap) return -1;
    size_t mask = c->names.cap - 1, k = (size_t)name_hash(name) & mask;
    const ea_participant *ps = c->parts.ptr;
    while (c->names.slots[k]) {
        uint32_t idx = c->names.slots[k] - 1;
        if (name_eq(ps[idx].name, name)) return (int32_t)idx;
        k = (k + 1) & mask;
    }
    return -1;
}

static int names_grow(ea_call *c) {
    size_t cap = c->names.cap ? c->names.cap * 2 : 64;
    uint32_t *s = calloc(cap, sizeof *s);
    if (!s) return -1;
    const ea_participant *ps = c->parts.ptr;
    for (size_t i = 0; i < c->parts.n; i++) {
        size_t k = (size_t)name_hash(ps[i].name) & (cap - 1);
        while (s[k]) k = (k + 1) & (cap - 1);
        s[k] = (uint32_t)i + 1;
    }
    free(c->names.slots);
    c->names.slots = s;
    c->names.cap = cap;
    return 0;
}

static int role_rank(ea_role_source f) {
    switch (f) {
    case EA_FROM_ROSTER: return 4;
    case EA_FROM_TITLE: return 3;
    case EA_FROM_NAME: return 2;
    case EA_FROM_BEHAVIOUR: return 1;
    default: return 0;
    }
}

int32_t ea_b_participant(ea_call *c, ea_str name, ea_str title, ea_str affil, ea_role role,
                         ea_role_source from) {
    name = ea_trim(name);
    title = ea_trim(title);
    affil = ea_trim(affil);
    if (name.len == 0) return -1;
    int32_t i = ea_b_find_participant(c, name);
    if (i < 0) {
        if ((c->parts.n + 1) * 2 > c->names.cap && names_grow(c))
            return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
        ea_participant *p = ea_vec_push(&c->parts, sizeof *p, c->opt.max_participants);
        if (!p) {
            if (c->parts.n >= c->opt.max_participants)
                return ea_b_fail(c, EA_ERR_LIMIT, "too many participants (max_participants)",
                                 (size_t)(name.ptr - c->text));
            return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
        }
        p->name = name;
        i = (int32_t)(c->parts.n - 1);
        size_t mask = c->names.cap - 1, k = (size_t)name_hash(name) & mask;
        while (c->names.slots[k]) k = (k + 1) & mask;
        c->names.slots[k] = (uint32_t)i + 1;
    }
    ea_participant *p = &ea_b_parts(c)[i];
    if (title.len && !p->title.len) p->title = title;
    if (affil.len && !p->affiliation.len) p->affiliation = affil;
    if (role != EA_ROLE_UNKNOWN && role_rank(from) >= role_rank(p->role_from)) {
        p->role = role;
        p->role_from = from;
    }
    return i;
}

int ea_b_turn(ea_call *c, int32_t speaker, size_t at) {
    if (c->para_open) ea_b_para_end(c);
    ea_turn *t = ea_vec_push(&c->turns, sizeof *t, c->opt.max_paragraphs);
    if (!t) {
        if (c->turns.n >= c->opt.max_paragraphs)
            return ea_b_fail(c, EA_ERR_LIMIT, "too many turns (max_paragraphs)", at);
        return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    }
    t->speaker = speaker;
    t->section = c->cur_section;
    t->first_para = (uint32_t)c->paras.n;
    t->span.start = t->span.end = at;
    c->cur_turn = (int32_t)(c->turns.n - 1);
    return 0;
}

void ea_b_section(ea_call *c, ea_section s) {
    c->cur_section = s;
    c->sections_explicit = 1;
}

static ea_paragraph *para_push(ea_call *c, size_t at) {
    if (c->cur_turn < 0 && ea_b_turn(c, -1, at)) return NULL; /* speakerless turn */
    ea_paragraph *p = ea_vec_push(&c->paras, sizeof *p, c->opt.max_paragraphs);
    if (!p) {
        if (c->paras.n >= c->opt.max_paragraphs)
            ea_b_fail(c, EA_ERR_LIMIT, "too many paragraphs (max_paragraphs)", at);
        else
            ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
        return NULL;
    }
    ea_turn *t = &ea_b_turns(c)[c->cur_turn];
    p->n = (uint32_t)c->paras.n;
    p->turn = (uint32_t)c->cur_turn;
    t->n_paras++;
    return p;
}

int32_t ea_b_para(ea_call *c, size_t start, size_t end) {
    if (c->para_open) ea_b_para_end(c);
    ea_str s = ea_b_span_str(c, start, end);
    if (s.len == 0) return -2;
    ea_paragraph *p = para_push(c, start);
    if (!p) return -1;
    p->text = s;
    p->span.start = (size_t)(s.ptr - c->text);
    p->span.end = p->span.start + s.len;
    ea_turn *t = &ea_b_turns(c)[p->turn];
    if (p->span.end > t->span.end) t->span.end = p->span.end;
    return (int32_t)(c->paras.n - 1);
}

/* Runs are joined by a space, except where the script or punctuation
 * needs none: between Chinese characters, and before , . ; : ! ? ) %. */
static int wide(const char *p, size_t n, int at_end) {
    const unsigned char *u = (const unsigned char *)p;
    if (n == 0) return 0;
    uint32_t cp;
    if (at_end) {
        size_t i = n;
        while (i > 0 && (u[i - 1] & 0xC0) == 0x80) i--;
        if (i == 0) return 0;
        ea_utf8_next(u + i - 1, u + n, &cp);
    } else {
        ea_utf8_next(u, u + n, &cp);
    }
    return ea_is_cjk(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

static int needs_space(const char *prev, size_t plen, ea_str next) {
    unsigned char c = (unsigned char)next.ptr[0];
    if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '%') return 0;
    if (wide(prev, plen, 1) || wide(next.ptr, next.len, 0)) return 0;
    return 1;
}

void ea_b_para_begin(ea_call *c) {
    if (c->para_open) ea_b_para_end(c);
    c->para_open = 1;
    c->pieces.n = 0;
    c->ptext.len = 0;
    c->para_has_time = 0;
}

int ea_b_para_add(ea_call *c, size_t start, size_t end) {
    if (!c->para_open) ea_b_para_begin(c);
    ea_str s = ea_b_span_str(c, start, end);
    if (s.len == 0) return 0;
    if (c->ptext.len && needs_space(c->ptext.ptr, c->ptext.len, s)) ea_buf_putc(&c->ptext, ' ');
    ea_piece *pc = ea_vec_push(&c->pieces, sizeof *pc, (size_t)1 << 30);
    if (!pc || c->ptext.len > (size_t)UINT32_MAX - s.len)
        return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    pc->text_off = (uint32_t)c->ptext.len;
    pc->len = (uint32_t)s.len;
    pc->src = (size_t)(s.ptr - c->text);
    if (ea_buf_append(&c->ptext, s.ptr, s.len)) {
        if (c->ptext.len + s.len + 1 > c->ptext.max)
            return ea_b_fail(c, EA_ERR_LIMIT, "paragraph longer than the line limit (max_line)", start);
        return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    }
    return 0;
}

void ea_b_para_time(ea_call *c, double t0, double t1) {
    if (!c->para_has_time) {
        c->para_t0 = t0;
        c->para_has_time = 1;
    }
    c->para_t1 = t1;
}

int32_t ea_b_para_end(ea_call *c) {
    if (!c->para_open) return -2;
    c->para_open = 0;
    size_t np = c->pieces.n;
    if (np == 0) return -2;
    const ea_piece *pcs = c->pieces.ptr;
    size_t first = pcs[0].src, last = pcs[np - 1].src + pcs[np - 1].len;
    ea_paragraph *p = para_push(c, first);
    if (!p) return -1;
    p->span.start = first;
    p->span.end = last;
    if (np == 1) {
        p->text = ea_str_make(c->text + first, pcs[0].len);
    } else {
        p->text = ea_b_strdup(c, c->ptext.ptr, c->ptext.len);
        ea_piece *copy = ea_arena_alloc(&c->arena, np * sizeof *copy);
        if (!copy || !p->text.ptr) return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
        memcpy(copy, pcs, np * sizeof *copy);
        p->pieces = copy;
        p->n_pieces = (uint32_t)np;
    }
    if (c->para_has_time) {
        p->has_time = 1;
        p->t_start = c->para_t0;
        p->t_end = c->para_t1;
    }
    ea_turn *t = &ea_b_turns(c)[p->turn];
    if (last > t->span.end) t->span.end = last;
    return (int32_t)(c->paras.n - 1);
}

int ea_b_translation(ea_call *c, uint32_t i, size_t start, size_t end) {
    if (i >= c->paras.n) return -1;
    ea_str s = ea_b_span_str(c, start, end);
    if (s.len == 0) return 0;
    ea_paragraph *p = &ea_b_paras(c)[i];
    p->has_translation = 1;
    p->tr_text = s;
    p->tr_span.start = (size_t)(s.ptr - c->text);
    p->tr_span.end = p->tr_span.start + s.len;
    p->tr_lang = ea_lang_detect(s.ptr, s.len);
    ea_turn *t = &ea_b_turns(c)[p->turn];
    if (p->tr_span.end > t->span.end) t->span.end = p->tr_span.end;
    return 0;
}
