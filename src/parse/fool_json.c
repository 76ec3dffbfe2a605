/* Motley Fool transcripts as JSON:
 *
 *   {"title": "...", "company": "...", "ticker": "...", "date": "...",
 *    "prepared_remarks": [{"speaker": "Operator", "speech": "..."}, ...],
 *    "q_and_a": [{"speaker": "Jane Doe -- Acme -- Analyst", "speech": "..."}],
 *    "participants": ["Jane Doe -- Chief Executive Officer",
 *                     "John Roe -- Acme Securities -- Analyst"]}
 *
 * Read with the strict reader in json_read.c. Keys may come in any order:
 * a first pass notes where the lists are, a second reads participants,
 * then prepared remarks, then Q&A. "speech" splits into paragraphs at
 * "\n" (and "\r"); it may also be a list of strings.
 *
 * Paragraph text and spans. A paragraph whose JSON text has no escapes is
 * exactly its raw bytes, so it is an ordinary span of the call's text. One
 * with escapes (\" \u00e9 \ud83d\ude00 ...) has different bytes from the
 * source: its text is decoded into the arena, its span covers the raw
 * bytes it came from (escapes included), and its pieces map every run of
 * literal bytes back to the source. Decoded escapes fall in the gaps
 * between pieces, so ea_paragraph_src_offset() maps an offset inside one
 * to where the escape starts. Citations stay exact for the literal text
 * and land on the escape for the rest. */
#include <string.h>

#include "json_read.h"
#include "layout_util.h"

#define JSON_DEPTH 32u

static const char *const k_prep[] = {"prepared_remarks", "prepared", "presentation", NULL};
static const char *const k_qa[] = {"q_and_a", "questions_and_answers", "qa", "q_a", "question_and_answer", NULL};
static const char *const k_parts[] = {"participants", "call_participants", NULL};

static int key_in(const ea_jr *j, const ea_jr_str *k, const char *const *names) {
    for (size_t i = 0; names[i]; i++)
        if (ea_jr_key_is(j, k, names[i])) return 1;
    return 0;
}

void ea_sniff_fool_json(const char *text, size_t len, ea_sniff *out) {
    size_t n = len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES, i = 0;
    while (i < n && ea_is_space((unsigned char)text[i])) i++;
    if (i >= n || text[i] != '{') {
        out->score = 0;
        return;
    }
    ea_str pre = ea_str_make(text + i, n - i);
    int prep = 0, qa = 0, parts = 0, speech = 0;
    static const char *const probes[] = {"\"prepared_remarks\"", "\"q_and_a\"", "\"participants\"", "\"speech\""};
    for (size_t k = 0; k < 4; k++) {
        const char *h = ea_find(pre, probes[k]);
        if (!h) continue;
        const char *q = h + strlen(probes[k]), *end = pre.ptr + pre.len;
        while (q < end && ea_is_space((unsigned char)*q)) q++;
        if (q >= end || *q != ':') continue;
        if (k == 0) prep = 1;
        else if (k == 1) qa = 1;
        else if (k == 2) parts = 1;
        else speech = 1;
    }
    out->score = (prep || qa) && speech ? 97 : (prep || qa) ? 90 : speech && parts ? 50 : 0;
    snprintf(out->why, sizeof out->why, "JSON object with%s%s%s%s", prep ? " \"prepared_remarks\"" : "",
             qa ? " \"q_and_a\"" : "", parts ? " \"participants\"" : "", speech ? " \"speech\"" : "");
}

typedef struct {
    ea_call *c;
    ea_buf buf;   /* decoded text of the string being read */
    ea_vec units; /* unit_t: where each decoded piece came from */
} ctx_t;

typedef struct {
    uint32_t text_off, text_len;
    size_t src, src_len;
    int literal;
} unit_t;

static int jerr(ctx_t *x, const ea_jr *j) {
    return ea_b_fail(x->c, EA_ERR_SYNTAX, j->err ? j->err : "invalid JSON", j->err ? j->err_pos : j->pos);
}

static int nomem(ctx_t *x) { return ea_b_fail(x->c, EA_ERR_NOMEM, "out of memory", SIZE_MAX); }

/* A string value as an ea_str: its raw bytes when it has no escapes, else a
 * decoded copy in the arena. */
static int str_value(ctx_t *x, ea_jr *j, ea_str *out) {
    ea_jr_str s;
    if (ea_jr_string(j, &s)) return jerr(x, j);
    const char *t = x->c->text;
    if (!s.escaped) {
        *out = ea_trim(ea_str_make(t + s.start, s.end - s.start));
        return 0;
    }
    x->buf.len = 0;
    for (size_t pos = s.start; pos < s.end;) {
        char u[4];
        size_t n = ea_jr_decode(t, &pos, s.end, u, NULL);
        if (ea_buf_append(&x->buf, u, n)) return nomem(x);
    }
    ea_str d = ea_trim(ea_str_make(x->buf.ptr, x->buf.len));
    *out = d.len ? ea_b_strdup(x->c, d.ptr, d.len) : d;
    return x->c->fail_code == EA_OK ? 0 : -1;
}

/* ---- paragraphs ---- */

static int unit_add(ctx_t *x, size_t text_len, size_t src, size_t src_len, int literal) {
    unit_t *u = x->units.n ? &EA_VEC_AT(x->units, unit_t, x->units.n - 1) : NULL;
    if (literal && u && u->literal && u->src + u->src_len == src) {
        u->text_len += (uint32_t)text_len;
        u->src_len += src_len;
        return 0;
    }
    if (x->buf.len > UINT32_MAX) return nomem(x);
    u = ea_vec_push(&x->units, sizeof *u, (size_t)1 << 30);
    if (!u) return nomem(x);
    u->text_off = (uint32_t)(x->buf.len - text_len);
    u->text_len = (uint32_t)text_len;
    u->src = src;
    u->src_len = src_len;
    u->literal = literal;
    return 0;
}

/* The decoded segment in x->buf (its units in x->units) becomes a paragraph. */
static int flush_para(ctx_t *x, size_t seg_s, size_t seg_e, int escaped) {
    ea_call *c = x->c;
    if (!escaped) {
        x->buf.len = 0;
        x->units.n = 0;
        return ea_b_para(c, seg_s, seg_e) == -1 ? -1 : 0;
    }
    ea_str all = ea_str_make(x->buf.ptr, x->buf.len), d = ea_trim(all);
    if (!d.len) {
        x->buf.len = 0;
        x->units.n = 0;
        return 0;
    }
    size_t lead = (size_t)(d.ptr - all.ptr), stop = lead + d.len;
    unit_t *us = x->units.ptr;
    size_t nu = x->units.n, first = 0, last = nu - 1;
    while (first < nu && us[first].text_off + us[first].text_len <= lead) first++;
    while (last > first && us[last].text_off >= stop) last--;
    /* the source span of the kept bytes: literal units cut to the byte,
       escapes whole */
    size_t span_s = us[first].src + (us[first].literal ? lead - us[first].text_off : 0);
    size_t span_e = us[last].literal ? us[last].src + (stop - us[last].text_off) : us[last].src + us[last].src_len;
    size_t np = 0;
    for (size_t k = first; k <= last; k++) np += us[k].literal;
    ea_piece *pcs = ea_arena_alloc(&c->arena, (np ? np : 1) * sizeof *pcs);
    ea_str text = ea_b_strdup(c, d.ptr, d.len);
    if (!pcs || !text.ptr) return nomem(x);
    np = 0;
    for (size_t k = first; k <= last; k++) {
        if (!us[k].literal) continue;
        size_t a = us[k].text_off > lead ? us[k].text_off : lead;
        size_t b = us[k].text_off + us[k].text_len < stop ? us[k].text_off + us[k].text_len : stop;
        pcs[np].text_off = (uint32_t)(a - lead);
        pcs[np].len = (uint32_t)(b - a);
        pcs[np].src = us[k].src + (a - us[k].text_off);
        np++;
    }
    if (!np) { /* only escapes: everything maps to where they start */
        pcs[0].text_off = 0;
        pcs[0].len = 0;
        pcs[0].src = span_s;
        np = 1;
    }
    x->buf.len = 0;
    x->units.n = 0;
    int32_t i = ea_b_para(c, span_s, span_e);
    if (i < 0) return i == -2 ? 0 : -1;
    ea_paragraph *p = &ea_b_paras(c)[i];
    p->text = text;
    p->pieces = pcs;
    p->n_pieces = (uint32_t)np;
    return 0;
}

/* One speech string: paragraphs split at \n and \r. */
static int speech_string(ctx_t *x, ea_jr *j) {
    ea_jr_str s;
    if (ea_jr_string(j, &s)) return jerr(x, j);
    const char *t = x->c->text;
    if (!s.escaped) return ea_b_para(x->c, s.start, s.end) == -1 ? -1 : 0;
    x->buf.len = 0;
    x->units.n = 0;
    size_t seg = s.start;
    int seg_esc = 0;
    for (size_t pos = s.start; pos < s.end;) {
        size_t at = pos;
        char u[4];
        int esc;
        size_t n = ea_jr_decode(t, &pos, s.end, u, &esc);
        if (esc && n == 1 && (u[0] == '\n' || u[0] == '\r')) {
            if (flush_para(x, seg, at, seg_esc)) return -1;
            seg = pos;
            seg_esc = 0;
            continue;
        }
        seg_esc |= esc;
        if (ea_buf_append(&x->buf, u, n)) return nomem(x);
        if (unit_add(x, n, at, pos - at, !esc)) return -1;
    }
    return flush_para(x, seg, s.end, seg_esc);
}

static int speech_value(ctx_t *x, ea_jr *j) {
    ea_jr_type ty = ea_jr_peek(j);
    if (ty == EA_JR_STRING) return speech_string(x, j);
    if (ty != EA_JR_ARRAY) return ea_jr_skip(j) ? jerr(x, j) : 0;
    if (ea_jr_enter(j)) return jerr(x, j);
    for (;;) {
        int r = ea_jr_next(j, NULL);
        if (r < 0) return jerr(x, j);
        if (r == 0) return 0;
        if (ea_jr_peek(j) == EA_JR_STRING) {
            if (speech_string(x, j)) return -1;
        } else if (ea_jr_skip(j)) {
            return jerr(x, j);
        }
    }
}

/* ---- participants ---- */

/* "Jane Doe -- Chief Executive Officer", "John Roe -- Acme -- Analyst".
 * side: 1 company list, 0 analysts, -1 unknown (role from the title). */
static int roster_entry(ea_call *c, ea_str s, ea_str title, ea_str affil, int side) {
    ea_speaker_line sl;
    ea_str name = s;
    if (!title.len && !affil.len && ea_speaker_line_parse(s, 1, &sl)) {
        name = sl.name;
        title = sl.title;
        affil = sl.affil;
    }
    if (!name.len) return 0;
    if (side >= 0) return ea_lu_roster(c, name, title, affil, side) < 0 ? -1 : 0;
    ea_role r = ea_role_from_title(title);
    if (r == EA_ROLE_UNKNOWN && affil.len && ea_role_from_title(affil) == EA_ROLE_ANALYST) {
        ea_str tmp = title;
        title = affil;
        affil = tmp;
        r = EA_ROLE_ANALYST;
    }
    if (r == EA_ROLE_EXECUTIVE || r == EA_ROLE_IR) r = ea_lu_is_ir(title) ? EA_ROLE_IR : EA_ROLE_EXECUTIVE;
    return ea_b_participant(c, name, title, affil, r, r ? EA_FROM_ROSTER : EA_FROM_NONE) < 0 ? -1 : 0;
}

static int participant_value(ctx_t *x, ea_jr *j, int side) {
    ea_jr_type ty = ea_jr_peek(j);
    if (ty == EA_JR_STRING) {
        ea_str s;
        return str_value(x, j, &s) || roster_entry(x->c, s, ea_str_make(NULL, 0), ea_str_make(NULL, 0), side) ? -1 : 0;
    }
    if (ty != EA_JR_OBJECT) return ea_jr_skip(j) ? jerr(x, j) : 0;
    ea_str name = {0}, title = {0}, affil = {0};
    ea_jr_str k;
    if (ea_jr_enter(j)) return jerr(x, j);
    for (;;) {
        int r = ea_jr_next(j, &k);
        if (r < 0) return jerr(x, j);
        if (r == 0) break;
        ea_str *dst = ea_jr_key_is(j, &k, "name") || ea_jr_key_is(j, &k, "speaker")   ? &name
                      : ea_jr_key_is(j, &k, "title") || ea_jr_key_is(j, &k, "role")   ? &title
                      : ea_jr_key_is(j, &k, "affiliation") || ea_jr_key_is(j, &k, "company") ||
                              ea_jr_key_is(j, &k, "firm")
                          ? &affil
                          : NULL;
        if (dst && ea_jr_peek(j) == EA_JR_STRING) {
            if (str_value(x, j, dst)) return -1;
        } else if (ea_jr_skip(j)) {
            return jerr(x, j);
        }
    }
    return roster_entry(x->c, name, title, affil, side);
}

static int participants(ctx_t *x, ea_jr *j) {
    ea_jr_type ty = ea_jr_peek(j);
    if (ty != EA_JR_ARRAY && ty != EA_JR_OBJECT) return ea_jr_skip(j) ? jerr(x, j) : 0;
    int grouped = ty == EA_JR_OBJECT;
    ea_jr_str k;
    if (ea_jr_enter(j)) return jerr(x, j);
    for (;;) {
        int r = ea_jr_next(j, &k);
        if (r < 0) return jerr(x, j);
        if (r == 0) return 0;
        if (!grouped) {
            if (participant_value(x, j, -1)) return -1;
            continue;
        }
        /* {"management": [...], "analysts": [...]} */
        ea_str kn = ea_str_make(j->p + k.start, k.end - k.start);
        int side = ea_ifind(kn, "analyst") || ea_ifind(kn, "conference") ? 0
                   : ea_ifind(kn, "manag") || ea_ifind(kn, "exec") || ea_ifind(kn, "compan") ||
                           ea_ifind(kn, "corporate")
                       ? 1
                       : -1;
        if (ea_jr_peek(j) != EA_JR_ARRAY) {
            if (ea_jr_skip(j)) return jerr(x, j);
            continue;
        }
        if (ea_jr_enter(j)) return jerr(x, j);
        for (;;) {
            int r2 = ea_jr_next(j, NULL);
            if (r2 < 0) return jerr(x, j);
            if (r2 == 0) break;
            if (participant_value(x, j, side)) return -1;
        }
    }
}

/* ---- turns ---- */

static int turn(ctx_t *x, ea_jr *j) {
    ea_call *c = x->c;
    if (ea_jr_peek(j) != EA_JR_OBJECT) return ea_jr_skip(j) ? jerr(x, j) : 0;
    size_t at = j->pos, speech_at = SIZE_MAX;
    ea_str who = {0}, title = {0};
    ea_jr_str k;
    if (ea_jr_enter(j)) return jerr(x, j);
    for (;;) {
        int r = ea_jr_next(j, &k);
        if (r < 0) return jerr(x, j);
        if (r == 0) break;
        ea_jr_type ty = ea_jr_peek(j);
        if ((ea_jr_key_is(j, &k, "speaker") || ea_jr_key_is(j, &k, "name")) && ty == EA_JR_STRING) {
            if (str_value(x, j, &who)) return -1;
            continue;
        }
        if ((ea_jr_key_is(j, &k, "title") || ea_jr_key_is(j, &k, "role")) && ty == EA_JR_STRING) {
            if (str_value(x, j, &title)) return -1;
            continue;
        }
        if (speech_at == SIZE_MAX && (ea_jr_key_is(j, &k, "speech") || ea_jr_key_is(j, &k, "text") ||
                                      ea_jr_key_is(j, &k, "content") || ea_jr_key_is(j, &k, "paragraphs")))
            speech_at = j->pos;
        if (ea_jr_skip(j)) return jerr(x, j);
    }
    int32_t sp = -1;
    if (who.len) {
        ea_speaker_line sl;
        if (ea_speaker_line_parse(who, 1, &sl))
            sp = ea_b_participant(c, sl.name, sl.title.len ? sl.title : title, sl.affil, sl.role, sl.from);
        else
            sp = ea_b_participant(c, who, title, ea_str_make(NULL, 0), ea_role_from_title(title),
                                  ea_role_from_title(title) ? EA_FROM_TITLE : EA_FROM_NONE);
        if (sp < 0) return -1;
    }
    if (ea_b_turn(c, sp, at)) return -1;
    if (speech_at == SIZE_MAX) return 0;
    /* the speech, read again from where it was seen */
    ea_jr sub;
    ea_jr_init(&sub, c->text, c->text_len, speech_at, JSON_DEPTH);
    return speech_value(x, &sub);
}

static int turns(ctx_t *x, ea_jr *j, size_t *n) {
    ea_jr_type ty = ea_jr_peek(j);
    if (ty == EA_JR_STRING) { /* the whole section as one text: no speakers */
        if (ea_b_turn(x->c, -1, j->pos)) return -1;
        (*n)++;
        return speech_string(x, j);
    }
    if (ty != EA_JR_ARRAY) return ea_jr_skip(j) ? jerr(x, j) : 0;
    if (ea_jr_enter(j)) return jerr(x, j);
    for (;;) {
        int r = ea_jr_next(j, NULL);
        if (r < 0) return jerr(x, j);
        if (r == 0) return 0;
        if (turn(x, j)) return -1;
        (*n)++;
    }
}

/* ---- metadata ---- */

static int meta(ctx_t *x, ea_jr *j, const ea_jr_str *k) {
    ea_call *c = x->c;
    ea_call_info *in = &c->info;
    static const char *const k_title[] = {"title", "call_title", "event_title", "event", NULL};
    static const char *const k_company[] = {"company", "company_name", NULL};
    static const char *const k_ticker[] = {"ticker", "symbol", NULL};
    static const char *const k_exchange[] = {"exchange", "ticker_exchange", NULL};
    static const char *const k_date[] = {"date", "call_date", "datetime", "published", NULL};
    static const char *const k_period[] = {"quarter", "period", "fiscal_period", "fiscal_quarter", "q", NULL};
    int which = key_in(j, k, k_title) ? 1 : key_in(j, k, k_company) ? 2 : key_in(j, k, k_ticker) ? 3
              : key_in(j, k, k_exchange) ? 4 : key_in(j, k, k_date) ? 5 : key_in(j, k, k_period) ? 6 : 0;
    if (!which || ea_jr_peek(j) != EA_JR_STRING) return ea_jr_skip(j) ? jerr(x, j) : 0;
    ea_str v;
    if (str_value(x, j, &v)) return -1;
    if (!v.len) return 0;
    char buf[16];
    size_t n;
    switch (which) {
    case 1:
        if (!in->event_title.len) in->event_title = v;
        break;
    case 2:
        if (!in->company.len) in->company = v;
        break;
    case 3:
        if (!in->ticker.len) in->ticker = v;
        break;
    case 4: { /* "NASDAQ" or "NASDAQ: BILI" */
        const char *colon = memchr(v.ptr, ':', v.len);
        if (colon) {
            ea_str tk = ea_trim(ea_str_make(colon + 1, (size_t)(v.ptr + v.len - colon - 1)));
            if (!in->ticker.len && tk.len) in->ticker = tk;
            v = ea_trim(ea_str_make(v.ptr, (size_t)(colon - v.ptr)));
        }
        if (!in->exchange.len) in->exchange = v;
        break;
    }
    case 5:
        n = in->date.len ? 0 : ea_find_date(v, buf, sizeof buf);
        if (n) in->date = ea_b_strdup(c, buf, n);
        break;
    default:
        n = in->period.len ? 0 : ea_find_period(v, buf, sizeof buf);
        if (n) in->period = ea_b_strdup(c, buf, n);
        break;
    }
    return c->fail_code == EA_OK ? 0 : -1;
}

static int parse(ctx_t *x, size_t start) {
    ea_call *c = x->c;
    ea_jr j;
    ea_jr_init(&j, c->text, c->text_len, start, JSON_DEPTH);
    if (ea_jr_peek(&j) != EA_JR_OBJECT) {
        if (!j.err) return ea_b_fail(c, EA_ERR_SYNTAX, "fool-json: the top value is not a JSON object", j.pos);
        return jerr(x, &j);
    }
    if (ea_jr_enter(&j)) return jerr(x, &j);
    size_t at_prep = SIZE_MAX, at_qa = SIZE_MAX, at_parts = SIZE_MAX;
    ea_jr_str k;
    for (;;) {
        int r = ea_jr_next(&j, &k);
        if (r < 0) return jerr(x, &j);
        if (r == 0) break;
        size_t *slot = key_in(&j, &k, k_prep) ? &at_prep : key_in(&j, &k, k_qa) ? &at_qa
                     : key_in(&j, &k, k_parts) ? &at_parts : NULL;
        if (slot) {
            ea_jr_peek(&j); /* on the value, past white space */
            if (*slot == SIZE_MAX) *slot = j.pos;
            if (ea_jr_skip(&j)) return jerr(x, &j);
        } else if (meta(x, &j, &k)) {
            return -1;
        }
    }
    if (ea_jr_end(&j)) return jerr(x, &j);
    if (at_prep == SIZE_MAX && at_qa == SIZE_MAX)
        return ea_b_fail(c, EA_ERR_SYNTAX, "fool-json: no \"prepared_remarks\" or \"q_and_a\" list", start);
    size_t n_prep = 0, n_qa = 0;
    if (at_parts != SIZE_MAX) {
        ea_jr_init(&j, c->text, c->text_len, at_parts, JSON_DEPTH);
        if (participants(x, &j)) return -1;
    }
    size_t n_listed = c->parts.n;
    if (at_prep != SIZE_MAX) {
        ea_b_section(c, EA_SECTION_PREPARED);
        ea_jr_init(&j, c->text, c->text_len, at_prep, JSON_DEPTH);
        if (turns(x, &j, &n_prep)) return -1;
    }
    if (at_qa != SIZE_MAX) {
        ea_b_section(c, EA_SECTION_QA);
        ea_jr_init(&j, c->text, c->text_len, at_qa, JSON_DEPTH);
        if (turns(x, &j, &n_qa)) return -1;
    }
    ea_b_explain(c, "fool-json: %zu participants listed, %zu prepared-remarks turns, %zu Q&A turns", n_listed,
                 n_prep, n_qa);
    if (c->info.event_title.len && !c->info.period.len) ea_lu_period_date(c, c->info.event_title);
    ea_lu_sections(c, at_qa != SIZE_MAX);
    return c->fail_code == EA_OK ? 0 : -1;
}

int ea_parse_fool_json(ea_call *c, size_t start) {
    ctx_t x;
    memset(&x, 0, sizeof x);
    x.c = c;
    ea_buf_init(&x.buf, c->opt.max_line);
    int rc = parse(&x, start);
    ea_buf_free(&x.buf);
    ea_vec_free(&x.units);
    return rc == 0 && c->fail_code == EA_OK ? 0 : -1;
}
