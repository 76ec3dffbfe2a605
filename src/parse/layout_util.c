/* Pieces shared by the roster-and-headings layouts: see layout_util.h. */
#include "layout_util.h"

#include <string.h>

/* ---- lines ---- */

static int read_one(ea_lu_reader *r, ea_lu_ln *out) {
    size_t s, e;
    while (ea_lines_next(&r->it, &s, &e)) {
        ea_str l = ea_trim(ea_str_make(r->text + r->base + s, e - s));
        if (!l.len) {
            r->pending_blank = 1;
            continue;
        }
        out->l = l;
        out->s = (size_t)(l.ptr - r->text);
        out->e = out->s + l.len;
        out->blank_before = r->pending_blank;
        r->pending_blank = 0;
        return 1;
    }
    return 0;
}

void ea_lu_reader_init(ea_lu_reader *r, const char *text, size_t start, size_t len) {
    memset(r, 0, sizeof *r);
    if (start > len) start = len;
    ea_lines_init(&r->it, text + start, len - start);
    r->text = text;
    r->base = start;
    r->pending_blank = 1;
    r->has_next = read_one(r, &r->next);
}

int ea_lu_reader_next(ea_lu_reader *r) {
    if (r->has_cur) {
        r->prev = r->cur;
        r->has_prev = 1;
    }
    r->has_cur = r->has_next;
    r->cur = r->next;
    if (r->has_next) r->has_next = read_one(r, &r->next);
    return r->has_cur;
}

/* ---- classifiers ---- */

int ea_lu_is_rule(ea_str l) {
    size_t marks = 0;
    for (size_t i = 0; i < l.len; i++) {
        char ch = l.ptr[i];
        if (ch == '-' || ch == '=' || ch == '_' || ch == '*') marks++;
        else if (ch != ' ' && ch != '\t') return 0;
    }
    return marks >= 3;
}

const char *ea_lu_find_dash(ea_str s, size_t *dlen) {
    const char *p = s.ptr, *end = s.ptr + s.len;
    for (; p < end; p++) {
        if (*p != ' ') continue;
        const char *q = p + 1;
        size_t n = 0;
        if (q + 2 <= end && q[0] == '-' && q[1] == '-') n = 2;
        else if (q < end && q[0] == '-') n = 1;
        else if (end - q >= 3 && (unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
                 ((unsigned char)q[2] == 0x93 || (unsigned char)q[2] == 0x94))
            n = 3;
        if (n && q + n < end && q[n] == ' ') {
            *dlen = n + 2;
            return p;
        }
    }
    return NULL;
}

int ea_lu_is_heading(ea_str l, const char *const *names, int colon_ok) {
    if (colon_ok && l.len && l.ptr[l.len - 1] == ':') l = ea_trim(ea_str_make(l.ptr, l.len - 1));
    if (l.len == 0 || l.len > 64) return 0;
    for (size_t i = 0; names[i]; i++)
        if (ea_ieq(l, names[i])) return 1;
    return 0;
}

int ea_lu_line_open(ea_str l) {
    if (l.len < 40) return 0;
    const unsigned char *p = (const unsigned char *)l.ptr;
    unsigned char c = p[l.len - 1];
    if (c == '.' || c == '?' || c == '!' || c == '"' || c == '\'' || c == ')' || c == ']' || c == ':' ||
        c == ';' || c == '-')
        return 0;
    /* ’ ” … and CJK punctuation end a line too */
    if (c >= 0x80 && l.len >= 3 && (p[l.len - 3] == 0xE2 || p[l.len - 3] == 0xE3)) return 0;
    return 1;
}

int ea_lu_wrapped(const char *text, size_t len, int (*skip)(ea_str l)) {
    ea_lines it;
    ea_lines_init(&it, text, len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES);
    size_t s, e, content = 0, joined = 0;
    int prev_open = 0;
    while (ea_lines_next(&it, &s, &e) && it.lineno < EA_SNIFF_LINES) {
        ea_str l = ea_trim(ea_str_make(text + s, e - s));
        if (!l.len || (skip && skip(l))) {
            prev_open = 0;
            continue;
        }
        content++;
        if (prev_open) joined++;
        prev_open = ea_lu_line_open(l);
    }
    return content >= 4 && joined * 4 >= content;
}

/* ---- header metadata ---- */

static int is_tick_char(unsigned char c) { return ea_is_upper(c) || ea_is_digit(c) || c == '.' || c == '-'; }

/* After the ticker: ")" or a price change " -0.50%)" / " +1.2%)". */
static const char *after_ticker(const char *q, const char *end) {
    if (q < end && *q == ')') return q;
    if (q >= end || *q != ' ') return NULL;
    while (q < end && *q == ' ') q++;
    const char *d = q;
    while (q < end && (*q == '-' || *q == '+' || *q == '.' || *q == '%' || ea_is_digit((unsigned char)*q))) q++;
    if (q == d || q[-1] != '%') return NULL;
    return q < end && *q == ')' ? q : NULL;
}

int ea_lu_ticker(ea_str l, ea_str *company, ea_str *exchange, ea_str *ticker) {
    const char *end = l.ptr + l.len;
    for (const char *open = memchr(l.ptr, '(', l.len); open;
         open = memchr(open + 1, '(', (size_t)(end - open - 1))) {
        const char *q = open + 1;
        while (q < end && *q == ' ') q++;
        const char *t1 = q;
        while (q < end && is_tick_char((unsigned char)*q) && q - t1 < 16) q++;
        ea_str a = ea_str_make(t1, (size_t)(q - t1)), ex = ea_str_make(NULL, 0), tk;
        if (a.len == 0) continue;
        if (q < end && *q == ':') {
            for (size_t i = 0; i < a.len; i++)
                if (!ea_is_upper((unsigned char)a.ptr[i])) a.len = 0;
            if (a.len < 2) continue;
            ex = a;
            q++;
            while (q < end && *q == ' ') q++;
            const char *t2 = q;
            while (q < end && is_tick_char((unsigned char)*q) && q - t2 < 16) q++;
            tk = ea_str_make(t2, (size_t)(q - t2));
            if (tk.len == 0) continue;
        } else {
            int letters = 0;
            for (size_t i = 0; i < a.len; i++) letters += ea_is_upper((unsigned char)a.ptr[i]);
            if (!letters || a.len > 8) continue;
            tk = a;
        }
        if (!ea_is_upper((unsigned char)tk.ptr[0]) && !ea_is_digit((unsigned char)tk.ptr[0])) continue;
        if (!after_ticker(q, end)) continue;
        ea_str co = ea_trim(ea_str_make(l.ptr, (size_t)(open - l.ptr)));
        while (co.len && (co.ptr[co.len - 1] == ',' || co.ptr[co.len - 1] == '-')) co = ea_trim(ea_str_make(co.ptr, co.len - 1));
        *company = co;
        *exchange = ex;
        *ticker = tk;
        return 1;
    }
    return 0;
}

void ea_lu_period_date(ea_call *c, ea_str l) {
    char buf[16];
    /* header facts sit near the start of a short line */
    if (l.len > 512) l.len = ea_utf8_floor(l.ptr, 512);
    if (!c->info.period.len) {
        size_t n = ea_find_period(l, buf, sizeof buf);
        if (n) c->info.period = ea_b_strdup(c, buf, n);
    }
    /* "for the period ending March 31, 2021" is not the call's date */
    if (!c->info.date.len && !ea_ifind(l, "period end") && !ea_ifind(l, " ended ") && !ea_ifind(l, " ending ")) {
        size_t n = ea_find_date(l, buf, sizeof buf);
        if (n) c->info.date = ea_b_strdup(c, buf, n);
    }
}

void ea_lu_header_line(ea_call *c, ea_str l, ea_lu_header *h) {
    ea_str co, ex, tk;
    int tick = l.len < 400 && ea_lu_ticker(l, &co, &ex, &tk);
    if (tick) {
        int rank = ex.len ? 2 : 1;
        if (co.len && co.len < 120 && rank > h->company_rank) {
            c->info.company = co;
            h->company_rank = rank;
        }
        if (!c->info.ticker.len || (!c->info.exchange.len && ex.len)) {
            c->info.ticker = tk;
            c->info.exchange = ex;
        }
    }
    if (l.len < 200 && (ea_ifind(l, "call") || ea_ifind(l, "earnings") || ea_ifind(l, "conference") ||
                        ea_ifind(l, "results") || ea_ifind(l, "presentation"))) {
        int rank = (ea_ifind(l, "call") ? 2 : 1) + (tick ? 1 : 0) + (tick && ex.len ? 1 : 0);
        if (rank > h->title_rank) {
            c->info.event_title = ea_lu_cut_date(l);
            h->title_rank = rank;
        }
    }
    ea_lu_period_date(c, l);
}

ea_str ea_lu_cut_date(ea_str l) {
    static const char *const mon[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
    const char *p = l.ptr, *end = l.ptr + l.len;
    for (const char *w = p; w < end; w++) {
        if (w > p && w[-1] != ' ') continue;
        ea_str r = ea_str_make(w, (size_t)(end - w));
        for (size_t m = 0; m < 12; m++) {
            if (!ea_istarts(r, mon[m])) continue;
            const char *q = w + 3;
            while (q < end && (ea_is_alpha((unsigned char)*q) || *q == '.')) q++;
            if (q - w > 9) break;
            while (q < end && *q == ' ') q++;
            if (q < end && ea_is_digit((unsigned char)*q) && w > p) {
                ea_str head = ea_trim(ea_str_make(p, (size_t)(w - p)));
                while (head.len && (head.ptr[head.len - 1] == ',' || head.ptr[head.len - 1] == '-'))
                    head = ea_trim(ea_str_make(head.ptr, head.len - 1));
                return head.len ? head : l;
            }
            break;
        }
    }
    return l;
}

/* ---- participants ---- */

static int word_in(ea_str t, const char *w, int exact_case) {
    size_t n = strlen(w);
    if (!t.len) return 0; /* t.ptr may be NULL */
    for (const char *end = t.ptr + t.len, *p = t.ptr; p && (size_t)(end - p) >= n;) {
        ea_str rest = ea_str_make(p, (size_t)(end - p));
        const char *hit = exact_case ? ea_find(rest, w) : ea_ifind(rest, w);
        if (!hit) return 0;
        const char *e = hit + n;
        if ((hit == t.ptr || !ea_is_alpha((unsigned char)hit[-1])) && (e >= end || !ea_is_alpha((unsigned char)*e)))
            return 1;
        p = hit + 1;
    }
    return 0;
}

int ea_lu_is_ir(ea_str t) {
    /* "CFO & Head of IR" is the CFO first */
    static const char *const top[] = {"chief", "ceo", "cfo", "coo", "chairman", "chairwoman"};
    for (size_t i = 0; i < sizeof top / sizeof top[0]; i++)
        if (word_in(t, top[i], 0)) return 0;
    if (word_in(t, "president", 0) && !ea_ifind(t, "vice president") && !ea_ifind(t, "vice-president")) return 0;
    if (ea_role_from_title(t) == EA_ROLE_IR) return 1;
    if (word_in(t, "IR", 1)) return 1;
    return 0;
}

int32_t ea_lu_roster(ea_call *c, ea_str name, ea_str title, ea_str affil, int company_side) {
    ea_role r = !company_side ? EA_ROLE_ANALYST : ea_lu_is_ir(title) ? EA_ROLE_IR : EA_ROLE_EXECUTIVE;
    return ea_b_participant(c, name, title, affil, r, EA_FROM_ROSTER);
}

/* ---- sections ---- */

static const char *const close_phrases[] = {
    "no further questions", "no more questions", "concludes", "conclude", "closing remarks",
    "closing comments", "turn the call back", "turn the conference back", "turn the floor back",
    "turn it back", "back over to", "back to management", "end of the question", "end of our question",
    "disconnect", "thank you for attending", "thank you for your participation", "that ends",
    "this ends", NULL};
static const char *const next_q_phrases[] = {
    "next question", "question comes from", "question is from", "question will come", "go ahead with your question",
    NULL};

static int turn_has(const ea_call *c, const ea_turn *t, const char *const *phr) {
    const ea_paragraph *ps = c->paras.ptr;
    for (uint32_t k = 0; k < t->n_paras; k++)
        for (size_t j = 0; phr[j]; j++)
            if (ea_ifind(ps[t->first_para + k].text, phr[j])) return 1;
    return 0;
}

static int unnamed(ea_str n) {
    return ea_istarts(n, "unidentified") || ea_istarts(n, "unknown") || ea_ieq(n, "participant") ||
           ea_ieq(n, "speaker");
}

/* Where the exact name is followed by ", " in t: the text after it. */
static const char *after_name(ea_str t, ea_str name) {
    const char *q = t.ptr, *end = t.ptr + t.len;
    while ((size_t)(end - q) >= name.len + 2) {
        const char *x = memchr(q, name.ptr[0], (size_t)(end - q) - name.len - 1);
        if (!x) return NULL;
        if (memcmp(x, name.ptr, name.len) == 0 && x[name.len] == ',' && x[name.len + 1] == ' ')
            return x + name.len + 2;
        q = x + 1;
    }
    return NULL;
}

/* "I will now turn the call over to Jane Doe, Head of Investor
 * Relations." gives a speaker with no title in the document its title and
 * role. Only management titles are taken: an analyst's introduction names
 * a firm, which model/finish.c reads as the affiliation. */
static void titles_from_intros(ea_call *c) {
    ea_turn *ts = ea_b_turns(c);
    ea_participant *ps = ea_b_parts(c);
    const ea_paragraph *pa = c->paras.ptr;
    for (size_t k = 1; k < c->turns.n; k++) {
        int32_t sp = ts[k].speaker, op = ts[k - 1].speaker;
        if (sp < 0 || op < 0 || sp == op || ps[op].role != EA_ROLE_OPERATOR) continue;
        ea_participant *p = &ps[sp];
        if (p->title.len || p->role_from == EA_FROM_TITLE || p->role_from == EA_FROM_NAME || p->name.len < 4 ||
            p->name.len > 80)
            continue;
        if (p->role_from == EA_FROM_ROSTER && p->role != EA_ROLE_EXECUTIVE && p->role != EA_ROLE_IR) continue;
        for (uint32_t j = 0; j < ts[k - 1].n_paras; j++) {
            ea_str t = pa[ts[k - 1].first_para + j].text;
            const char *h = after_name(t, p->name), *end = t.ptr + t.len, *e = h;
            if (!h) continue;
            while (e < end && *e != ',' && *e != ';' && *e != '?' && *e != '!' &&
                   !(*e == '.' && (e + 1 == end || e[1] == ' ')))
                e++;
            ea_str title = ea_trim(ea_str_make(h, (size_t)(e - h)));
            if (title.len < 2 || title.len > 80) continue;
            ea_role r = ea_role_from_title(title);
            if (r != EA_ROLE_EXECUTIVE && r != EA_ROLE_IR) continue;
            p->title = title;
            p->role = ea_lu_is_ir(title) ? EA_ROLE_IR : EA_ROLE_EXECUTIVE;
            if (p->role_from != EA_FROM_ROSTER) p->role_from = EA_FROM_TITLE;
            break;
        }
    }
}

void ea_lu_sections(ea_call *c, int qa_marked) {
    titles_from_intros(c);
    if (!qa_marked) {
        c->sections_explicit = 0; /* model/finish.c infers them */
        return;
    }
    c->sections_explicit = 1;
    ea_turn *ts = ea_b_turns(c);
    ea_participant *ps = ea_b_parts(c);
    size_t n = c->turns.n;
    /* the operator's opening, before the first presenter */
    for (size_t k = 0; k < n && ts[k].section <= EA_SECTION_PREPARED; k++) {
        if (ts[k].speaker < 0 || ps[ts[k].speaker].role != EA_ROLE_OPERATOR) break;
        ts[k].section = EA_SECTION_INTRO;
    }
    /* who presents is management */
    for (size_t k = 0; k < n; k++) {
        int32_t sp = ts[k].speaker;
        if (ts[k].section != EA_SECTION_PREPARED || sp < 0) continue;
        if (ps[sp].role == EA_ROLE_UNKNOWN && ps[sp].role_from == EA_FROM_NONE && !unnamed(ps[sp].name)) {
            ps[sp].role = EA_ROLE_EXECUTIVE;
            ps[sp].role_from = EA_FROM_BEHAVIOUR;
        }
    }
    /* closing: the first operator turn after the last question that winds
       the call down */
    size_t last_q = n, first_qa = n;
    for (size_t k = 0; k < n; k++) {
        if (ts[k].section != EA_SECTION_QA) continue;
        if (first_qa == n) first_qa = k;
        int32_t sp = ts[k].speaker;
        ea_role r = sp >= 0 ? ps[sp].role : EA_ROLE_UNKNOWN;
        if (r == EA_ROLE_ANALYST) last_q = k;
        else if (r == EA_ROLE_UNKNOWN && k > 0 && ts[k - 1].speaker >= 0 &&
                 ps[ts[k - 1].speaker].role == EA_ROLE_OPERATOR &&
                 (!turn_has(c, &ts[k - 1], close_phrases) || turn_has(c, &ts[k - 1], next_q_phrases)))
            last_q = k;
    }
    if (first_qa == n) return;
    for (size_t k = last_q < n ? last_q + 1 : first_qa; k < n; k++) {
        int32_t sp = ts[k].speaker;
        if (ts[k].section != EA_SECTION_QA || sp < 0 || ps[sp].role != EA_ROLE_OPERATOR) continue;
        if (!turn_has(c, &ts[k], close_phrases) || turn_has(c, &ts[k], next_q_phrases)) continue;
        if (last_q == n && k == first_qa) return; /* a Q&A with no questions at all */
        for (size_t j = k; j < n; j++)
            if (ts[j].section == EA_SECTION_QA) ts[j].section = EA_SECTION_CLOSING;
        return;
    }
}

int ea_lu_text(ea_call *c, const ea_lu_ln *ln, int wrapped) {
    if (!wrapped) return ea_b_para(c, ln->s, ln->e) == -1 ? -1 : 0;
    if (ln->blank_before && c->para_open && ea_b_para_end(c) == -1) return -1;
    return ea_b_para_add(c, ln->s, ln->e) ? -1 : 0;
}
