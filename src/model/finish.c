/* After a layout parser has fed the builder: languages, roles by
 * behaviour, sections, Q&A exchanges and call metadata. Every step is one
 * pass over turns or paragraphs. */
#include <stdlib.h>
#include <string.h>

#include "call_int.h"

static int has_high_byte(const char *p, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) return 1;
    }
    for (; i < n; i++)
        if ((unsigned char)p[i] >= 0x80) return 1;
    return 0;
}

static ea_lang para_lang(const char *p, size_t n) {
    if (!has_high_byte(p, n < 4096 ? n : 4096)) {
        for (size_t i = 0; i < n; i++)
            if (ea_is_alpha((unsigned char)p[i])) return EA_LANG_EN;
        return EA_LANG_UNKNOWN;
    }
    return ea_lang_detect(p, n);
}

static int is_zh(ea_lang l) { return l == EA_LANG_ZH_HANS || l == EA_LANG_ZH_HANT; }

/* Short Chinese text often has no character that only one script uses; it
 * then takes the script the rest of the document is written in. */
static int zh_evidence(ea_str s, long *vote) {
    ea_lang_counts k = {0, 0, 0, 0};
    ea_lang_count(s.ptr, s.len, 4096, &k);
    *vote += (long)k.trad - (long)k.simp;
    return k.trad != k.simp;
}

static void languages(ea_call *c) {
    ea_paragraph *ps = ea_b_paras(c);
    long vote = 0;
    size_t unsure = 0;
    /* the unsure ones (bit 0: the text, bit 1: the translation), so that
       the second pass need not count them again; without memory it does */
    unsigned char *was = c->paras.n ? calloc(c->paras.n, 1) : NULL;
    for (size_t i = 0; i < c->paras.n; i++) {
        if (ps[i].lang == EA_LANG_UNKNOWN) ps[i].lang = para_lang(ps[i].text.ptr, ps[i].text.len);
        if (is_zh(ps[i].lang) && !zh_evidence(ps[i].text, &vote)) {
            unsure++;
            if (was) was[i] |= 1;
        }
        if (ps[i].has_translation && is_zh(ps[i].tr_lang) && !zh_evidence(ps[i].tr_text, &vote)) {
            unsure++;
            if (was) was[i] |= 2;
        }
    }
    if (unsure && vote != 0) {
        ea_lang doc = vote > 0 ? EA_LANG_ZH_HANT : EA_LANG_ZH_HANS;
        long dummy = 0;
        for (size_t i = 0; i < c->paras.n; i++) {
            if (is_zh(ps[i].lang) && (was ? was[i] & 1 : !zh_evidence(ps[i].text, &dummy))) ps[i].lang = doc;
            if (ps[i].has_translation && is_zh(ps[i].tr_lang) &&
                (was ? was[i] & 2 : !zh_evidence(ps[i].tr_text, &dummy)))
                ps[i].tr_lang = doc;
        }
    }
    free(was);
    for (size_t i = 0; i < c->paras.n; i++) {
        c->info.lang_mask |= 1u << ps[i].lang;
        if (ps[i].has_translation) c->info.lang_mask |= 1u << ps[i].tr_lang;
    }
    c->info.lang_mask &= ~1u; /* "und" is not a language */
}

static ea_role role_of(const ea_call *c, int32_t sp) {
    if (sp < 0 || (size_t)sp >= c->parts.n) return EA_ROLE_UNKNOWN;
    return ((const ea_participant *)c->parts.ptr)[sp].role;
}

static int turn_text_has(const ea_call *c, const ea_turn *t, const char *const *phr, size_t n) {
    const ea_paragraph *ps = c->paras.ptr;
    for (uint32_t k = 0; k < t->n_paras; k++) {
        ea_str s = ps[t->first_para + k].text;
        for (size_t j = 0; j < n; j++)
            if (ea_ifind(s, phr[j])) return 1;
    }
    return 0;
}

static const char *const qa_phrases[] = {
    "question-and-answer", "question and answer", "questions and answers", "q&a",
    "first question", "open the line", "open up the line", "open the call", "for questions",
    "take questions", "take our first", "queue for questions", "question queue",
    "问答", "問答", "提问", "提問"};
static const char *const close_phrases[] = {
    "concludes", "conclude", "no further questions", "no more questions",
    "end of the question", "closing remarks", "back over to", "back to management",
    "back to the", "turn the call back", "turn the conference back", "disconnect",
    "thank you for attending", "end of our", "结束", "結束"};

/* An operator's hand-off ("Simon Leopold, Raymond James." / "Our next
 * question comes from the line of X with Y.") names the next analyst's
 * firm. */
static void affiliation_from_intro(ea_call *c, const ea_turn *op, int32_t who) {
    ea_participant *p = &ea_b_parts(c)[who];
    if (p->affiliation.len || p->name.len < 3) return;
    const ea_paragraph *ps = c->paras.ptr;
    for (uint32_t k = 0; k < op->n_paras; k++) {
        ea_str s = ps[op->first_para + k].text;
        const char *hit = NULL;
        ea_str nm = p->name;
        for (size_t i = 0; i + nm.len <= s.len && !hit; i++) {
            size_t j = 0;
            while (j < nm.len && ea_lower((unsigned char)s.ptr[i + j]) == ea_lower((unsigned char)nm.ptr[j])) j++;
            if (j == nm.len) hit = s.ptr + i + nm.len;
        }
        if (!hit) continue;
        const char *end = s.ptr + s.len;
        ea_str r = ea_str_make(hit, (size_t)(end - hit));
        static const char *const links[] = {", ", " with ", " from ", " of ", " at ", " - ", " -- "};
        size_t skip = 0;
        for (size_t j = 0; j < sizeof links / sizeof links[0]; j++)
            if (ea_istarts(r, links[j])) {
                skip = strlen(links[j]);
                break;
            }
        if (!skip) continue;
        const char *f = hit + skip, *fe = f;
        /* the firm ends at punctuation; "B. Riley" keeps its initial */
        while (fe < end && *fe != ',' && *fe != ';' && *fe != '?' &&
               !(*fe == '.' && (fe + 1 == end || fe[1] == ' ') &&
                 !(fe > f && ea_is_upper((unsigned char)fe[-1]) && (fe - 1 == f || fe[-2] == ' ') && fe + 1 < end)))
            fe++;
        ea_str firm = ea_trim(ea_str_make(f, (size_t)(fe - f)));
        if (ea_istarts(firm, "the line of ")) continue;
        if (firm.len < 2 || firm.len > 80 || !(ea_is_upper((unsigned char)firm.ptr[0]) || (unsigned char)firm.ptr[0] >= 0x80))
            continue;
        p->affiliation = firm;
        return;
    }
}

static void sections(ea_call *c) {
    ea_turn *ts = ea_b_turns(c);
    size_t n = c->turns.n;
    if (c->sections_explicit || n == 0) return;
    size_t i = 0;
    while (i < n && role_of(c, ts[i].speaker) == EA_ROLE_OPERATOR) ts[i++].section = EA_SECTION_INTRO;
    size_t qa = n;
    for (size_t k = i; k < n; k++) {
        ea_role r = role_of(c, ts[k].speaker);
        if (r == EA_ROLE_ANALYST) {
            qa = k;
            /* the operator's announcement just before belongs to the Q&A */
            while (qa > i && role_of(c, ts[qa - 1].speaker) == EA_ROLE_OPERATOR) qa--;
            break;
        }
        if (r == EA_ROLE_OPERATOR && k > i &&
            turn_text_has(c, &ts[k], qa_phrases, sizeof qa_phrases / sizeof qa_phrases[0])) {
            qa = k;
            break;
        }
    }
    for (size_t k = i; k < n; k++) ts[k].section = k < qa ? EA_SECTION_PREPARED : EA_SECTION_QA;
    /* closing: after the last analyst turn, from the operator turn that
       ends the Q&A (or the last turns when there was no Q&A) */
    size_t last_an = n;
    for (size_t k = n; k-- > qa;)
        if (role_of(c, ts[k].speaker) == EA_ROLE_ANALYST) {
            last_an = k;
            break;
        }
    size_t from = last_an < n ? last_an + 1 : (qa < n ? qa : i);
    for (size_t k = from; k < n; k++) {
        if (role_of(c, ts[k].speaker) != EA_ROLE_OPERATOR) continue;
        if (!turn_text_has(c, &ts[k], close_phrases, sizeof close_phrases / sizeof close_phrases[0]))
            continue;
        for (size_t j = k; j < n; j++) ts[j].section = EA_SECTION_CLOSING;
        break;
    }
}

static void roles_by_behaviour(ea_call *c) {
    ea_turn *ts = ea_b_turns(c);
    ea_participant *ps = ea_b_parts(c);
    size_t n = c->turns.n;
    /* 1. who speaks right after the operator in the Q&A asks */
    int in_qa = 0;
    for (size_t k = 0; k < n; k++) {
        int32_t sp = ts[k].speaker;
        if (sp < 0) continue;
        ea_role r = ps[sp].role;
        if (r == EA_ROLE_OPERATOR && k + 1 < n &&
            turn_text_has(c, &ts[k], qa_phrases, sizeof qa_phrases / sizeof qa_phrases[0]))
            in_qa = 1;
        if (ts[k].section == EA_SECTION_QA && c->sections_explicit) in_qa = 1;
        if (!in_qa || r != EA_ROLE_OPERATOR || k + 1 >= n) continue;
        int32_t nx = ts[k + 1].speaker;
        if (nx >= 0 && ps[nx].role == EA_ROLE_UNKNOWN) {
            ps[nx].role = EA_ROLE_ANALYST;
            ps[nx].role_from = EA_FROM_BEHAVIOUR;
        }
    }
    /* 2. who else speaks with no role: answers, so management */
    for (size_t k = 0; k < n; k++) {
        int32_t sp = ts[k].speaker;
        if (sp >= 0 && ps[sp].role == EA_ROLE_UNKNOWN && ps[sp].role_from == EA_FROM_NONE &&
            !ea_ieq(ps[sp].name, "unidentified participant") &&
            !ea_ieq(ps[sp].name, "unknown speaker") && !ea_ieq(ps[sp].name, "unidentified analyst")) {
            ps[sp].role = EA_ROLE_EXECUTIVE;
            ps[sp].role_from = EA_FROM_BEHAVIOUR;
        }
    }
    /* 3. analysts' firms from the operator's introductions */
    for (size_t k = 0; k + 1 < n; k++) {
        int32_t sp = ts[k].speaker, nx = ts[k + 1].speaker;
        if (sp < 0 || nx < 0 || ps[sp].role != EA_ROLE_OPERATOR) continue;
        if (ps[nx].role == EA_ROLE_ANALYST || ps[nx].role == EA_ROLE_UNKNOWN) affiliation_from_intro(c, &ts[k], nx);
    }
}

static int exchange_flush(ea_call *c, ea_exchange *x, ea_vec *q, ea_vec *a) {
    if (x->analyst < 0 && x->n_turns == 0) return 0;
    ea_exchange *e = ea_vec_push(&c->exch, sizeof *e, c->opt.max_paragraphs);
    if (!e) return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    *e = *x;
    uint32_t *qp = ea_arena_alloc(&c->arena, q->n * sizeof *qp + 1);
    uint32_t *ap = ea_arena_alloc(&c->arena, a->n * sizeof *ap + 1);
    if (!qp || !ap) return ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    if (q->n) memcpy(qp, q->ptr, q->n * sizeof *qp);
    if (a->n) memcpy(ap, a->ptr, a->n * sizeof *ap);
    e->question_paras = qp;
    e->n_question_paras = (uint32_t)q->n;
    e->answer_turns = ap;
    e->n_answer_turns = (uint32_t)a->n;
    q->n = a->n = 0;
    memset(x, 0, sizeof *x);
    x->analyst = -1;
    return 0;
}

static int exchanges(ea_call *c) {
    const ea_turn *ts = c->turns.ptr;
    ea_vec q = {0}, a = {0};
    ea_exchange x;
    memset(&x, 0, sizeof x);
    x.analyst = -1;
    int open = 0, rc = 0;
    for (size_t k = 0; k < c->turns.n && rc == 0; k++) {
        const ea_turn *t = &ts[k];
        if (t->section != EA_SECTION_QA) {
            if (open) rc = exchange_flush(c, &x, &q, &a);
            open = 0;
            continue;
        }
        ea_role r = role_of(c, t->speaker);
        if (r == EA_ROLE_OPERATOR || r == EA_ROLE_HOST) {
            if (open) rc = exchange_flush(c, &x, &q, &a);
            open = 0;
            continue;
        }
        if (r == EA_ROLE_ANALYST) {
            /* a generic asker ("问", "Q") is many people: each question
               after an answer starts a new exchange */
            int generic = t->speaker >= 0 && ((const ea_participant *)c->parts.ptr)[t->speaker].role_from == EA_FROM_NAME;
            if (open && generic && a.n > 0) {
                rc = exchange_flush(c, &x, &q, &a);
                open = 0;
            }
            if (open && x.analyst != t->speaker) {
                rc = exchange_flush(c, &x, &q, &a);
                open = 0;
            }
            if (!open) {
                open = 1;
                x.analyst = t->speaker;
                x.first_turn = (uint32_t)k;
            }
            for (uint32_t j = 0; j < t->n_paras; j++) {
                uint32_t *slot = ea_vec_push(&q, sizeof *slot, (size_t)-1);
                if (!slot) { rc = ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX); break; }
                *slot = t->first_para + j;
            }
        } else if (open) {
            uint32_t *slot = ea_vec_push(&a, sizeof *slot, (size_t)-1);
            if (!slot) { rc = ea_b_fail(c, EA_ERR_NOMEM, "out of memory", SIZE_MAX); break; }
            *slot = (uint32_t)k;
        } else {
            continue;
        }
        x.n_turns = (uint32_t)k + 1 - x.first_turn;
    }
    if (open && rc == 0) rc = exchange_flush(c, &x, &q, &a);
    ea_vec_free(&q);
    ea_vec_free(&a);
    return rc;
}

/* Company from "welcome to the Applied Optoelectronics first-quarter 2024
 * ... call". */
static void company_from_welcome(ea_call *c, ea_str s) {
    const char *w = ea_ifind(s, "welcome to ");
    if (!w) return;
    const char *p = w + 11, *end = s.ptr + s.len;
    ea_str r = ea_str_make(p, (size_t)(end - p));
    if (ea_istarts(r, "the ")) p += 4;
    const char *start = p, *last_end = p;
    size_t words = 0;
    while (p < end && words < 8) {
        const char *ws = p;
        while (p < end && *p != ' ' && *p != ',') p++;
        ea_str word = ea_str_make(ws, (size_t)(p - ws));
        int stop = !ea_is_upper((unsigned char)ws[0]) || ea_istarts(word, "first") ||
                   ea_istarts(word, "second") || ea_istarts(word, "third") ||
                   ea_istarts(word, "fourth") || ea_istarts(word, "fiscal") ||
                   ea_istarts(word, "full") || ea_istarts(word, "q1") || ea_istarts(word, "q2") ||
                   ea_istarts(word, "q3") || ea_istarts(word, "q4") || ea_istarts(word, "earnings") ||
                   ea_istarts(word, "conference") || ea_istarts(word, "quarter") ||
                   ea_istarts(word, "annual") || ea_istarts(word, "investor");
        if (stop) break;
        last_end = p;
        words++;
        if (p < end && *p == ',') break;
        while (p < end && *p == ' ') p++;
    }
    ea_str name = ea_trim(ea_str_make(start, (size_t)(last_end - start)));
    if (ea_iends(name, "'s")) name.len -= 2;
    if (ea_iends(name, "\xE2\x80\x99s")) name.len -= 4;
    if (name.len >= 2 && name.len < 80) c->info.company = name;
}

/* Header facts sit at the start of a paragraph: look at 2 KiB at most. */
static ea_str head(ea_str s) { return ea_str_make(s.ptr, s.len < 2048 ? s.len : ea_utf8_floor(s.ptr, 2048)); }

static void metadata(ea_call *c) {
    char buf[16];
    const ea_paragraph *ps = c->paras.ptr;
    size_t look = c->paras.n < 12 ? c->paras.n : 12;
    /* without speakers there is no operator's welcome to read the period
       from: the first sentences are results, full of other periods */
    int headerless = c->info.layout == EA_LAYOUT_LINES || c->info.layout == EA_LAYOUT_PLAIN;
    if (!c->info.period.len) {
        size_t n = c->info.event_title.len ? ea_find_period(c->info.event_title, buf, sizeof buf) : 0;
        for (size_t i = 0; !n && !headerless && i < look; i++) n = ea_find_period(head(ps[i].text), buf, sizeof buf);
        for (size_t i = 0; !n && !headerless && i < look; i++)
            if (ps[i].has_translation) n = ea_find_period(head(ps[i].tr_text), buf, sizeof buf);
        if (n) c->info.period = ea_b_strdup(c, buf, n);
    }
    if (!c->info.period.len && c->paras.n) {
        /* no header: infer from the quarters the call talks about */
        unsigned ev = 0;
        size_t n = ea_infer_period(ps, c->paras.n, buf, sizeof buf, &ev);
        if (n) {
            c->info.period = ea_b_strdup(c, buf, n);
            c->info.period_inferred = 1;
            ea_b_explain(c, "period %.*s inferred from %u quarter mentions (no header states it)", (int)n, buf,
                         ev);
        }
    }
    if (!c->info.date.len) {
        size_t n = c->info.event_title.len ? ea_find_date(c->info.event_title, buf, sizeof buf) : 0;
        for (size_t i = 0; !n && i < (look < 4 ? look : 4); i++) n = ea_find_date(head(ps[i].text), buf, sizeof buf);
        if (n) c->info.date = ea_b_strdup(c, buf, n);
    }
    if (!c->info.company.len)
        for (size_t i = 0; i < look && !c->info.company.len; i++) company_from_welcome(c, head(ps[i].text));
    /* A Chinese call's year is the calendar year: a period that has not
       begun by the call's date ("2026年上半年" in a call of 2025-11-20) is
       one it looks ahead to, not its own. */
    if (c->info.layout == EA_LAYOUT_CHINESE && c->info.period.len == 6 && c->info.date.len == 10) {
        const char *p = c->info.period.ptr, *d = c->info.date.ptr;
        int fy = p[0] == 'F';
        const char *y = fy ? p + 2 : p;
        int ok = 1;
        for (int i = 0; i < 4; i++) ok &= ea_is_digit((unsigned char)y[i]) && ea_is_digit((unsigned char)d[i]);
        ok &= ea_is_digit((unsigned char)d[5]) && ea_is_digit((unsigned char)d[6]);
        if (ok) {
            int py = (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 + (y[3] - '0');
            int dy = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
            int dm = (d[5] - '0') * 10 + (d[6] - '0');
            int pm = fy ? 1 : p[4] == 'Q' ? (p[5] - '1') * 3 + 1 : p[4] == 'H' ? (p[5] == '2' ? 7 : 1) : 1;
            if (py * 12 + pm > dy * 12 + dm) {
                ea_b_explain(c, "period %.*s dropped: it begins after the call's date %.*s", 6, p, 10, d);
                c->info.period = ea_str_make(NULL, 0);
                c->info.period_inferred = 0;
            }
        }
    }
}

int ea_call_finish(ea_call *c) {
    if (c->para_open) ea_b_para_end(c);
    if (c->fail_code != EA_OK) return -1;
    languages(c);
    if (!c->sections_explicit) {
        /* roles first from what is known, then sections, then behaviour,
           then sections again with the better roles */
        sections(c);
        roles_by_behaviour(c);
        sections(c);
    } else {
        roles_by_behaviour(c);
    }
    if (exchanges(c)) return -1;
    metadata(c);
    return c->fail_code == EA_OK ? 0 : -1;
}
