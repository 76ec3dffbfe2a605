/* Motley Fool transcripts (text):
 *
 *   Apple (NASDAQ:AAPL)
 *   Q2 2021 Earnings Call
 *   Apr 28, 2021, 5:00 p.m. ET
 *   Contents: Prepared Remarks / Questions and Answers / Call Participants
 *   Prepared Remarks:
 *   Operator
 *   Good day, and welcome ...
 *   Tejas Gala -- Senior Manager, Corporate Finance and Investor Relations
 *   Thank you. ...
 *   Questions & Answers:
 *   Operator
 *   ...
 *   Katy Huberty -- Morgan Stanley -- Analyst
 *   ...
 *   Duration: 60 minutes
 *   Call participants:
 *   Tejas Gala -- Senior Manager, Corporate Finance and Investor Relations
 *   Katy Huberty -- Morgan Stanley -- Analyst
 *
 * The participants list comes last; it is read first (one extra pass) so
 * that bare names in the body can be matched against it. */
#include <string.h>

#include "layout_util.h"

static const char *const h_prep[] = {"prepared remarks", NULL};
static const char *const h_qa[] = {"questions and answers", "questions & answers", "question and answer",
                                   "question-and-answer session", "questions-and-answers", "q&a", NULL};
static const char *const h_part[] = {"call participants", "call participant", NULL};

static int is_heading(ea_str l, const char *const *names) {
    return l.len && l.ptr[l.len - 1] == ':' && ea_lu_is_heading(l, names, 1);
}

void ea_sniff_fool(const char *text, size_t len, ea_sniff *out) {
    ea_str window = ea_str_make(text, len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES);
    ea_lines it;
    ea_lines_init(&it, window.ptr, window.len);
    size_t s, e, dashed = 0, ops = 0;
    int prep = 0, qa = 0, part = 0, brand = 0, contents = 0;
    /* Both phrases below sit inside one line, so a line can hold one only
       if the window does: one search of the window spares most texts the
       search of every line. */
    int brand_here = ea_ifind(window, "motley fool") != NULL, dash_here = ea_find(window, " -- ") != NULL;
    while (ea_lines_next(&it, &s, &e) && it.lineno < EA_SNIFF_LINES) {
        ea_str l = ea_trim(ea_str_make(text + s, e - s));
        if (!l.len) continue;
        if (is_heading(l, h_prep)) prep = 1;
        else if (is_heading(l, h_qa)) qa = 1;
        else if (is_heading(l, h_part)) part = 1;
        else if (ea_ieq(l, "contents:")) contents = 1;
        else if (ea_ieq(l, "operator")) ops++;
        if (brand_here && !brand && l.len < 200 && ea_ifind(l, "motley fool")) brand = 1;
        ea_speaker_line sl;
        if (dash_here && l.len < 160 && ea_find(l, " -- ") && ea_speaker_line_parse(l, 0, &sl) && sl.title.len)
            dashed++;
    }
    int score = (prep ? 50 : 0) + (qa ? 30 : 0) + (part ? 25 : 0) + (brand ? 10 : 0) + (contents ? 5 : 0) +
                (dashed >= 3 ? 30 : dashed >= 2 ? 15 : 0) + (ops ? 5 : 0);
    if (!prep && !qa && !part) score = score > 40 ? 40 : score;
    out->score = score > 96 ? 96 : score;
    snprintf(out->why, sizeof out->why, "%s%s%s%s%zu 'Name -- Title' lines, %zu 'Operator' lines",
             prep ? "'Prepared Remarks:', " : "", qa ? "'Questions and Answers:', " : "",
             part ? "'Call participants:', " : "", brand ? "Motley Fool mention, " : "", dashed, ops);
}

/* A participants-list entry: "Name -- Title" or "Name -- Firm -- Analyst". */
static int roster_line(ea_call *c, ea_str l) {
    ea_speaker_line sl;
    if (l.len > 200 || !ea_speaker_line_parse(l, 0, &sl) || !sl.title.len) return 0;
    ea_role r = sl.role;
    ea_role_source from = r != EA_ROLE_UNKNOWN ? EA_FROM_ROSTER : EA_FROM_NONE;
    if (r == EA_ROLE_EXECUTIVE || r == EA_ROLE_IR) r = ea_lu_is_ir(sl.title) ? EA_ROLE_IR : EA_ROLE_EXECUTIVE;
    return ea_b_participant(c, sl.name, sl.title, sl.affil, r, from) < 0 ? -1 : 1;
}

/* First pass: the participants list, wherever it is. */
static int read_roster(ea_call *c, size_t start, size_t *n) {
    ea_lu_reader r;
    ea_lu_reader_init(&r, c->text, start, c->text_len);
    int in = 0;
    while (ea_lu_reader_next(&r)) {
        ea_str l = r.cur.l;
        if (!in) {
            /* "Call participants:"; without the colon (a contents list)
               only when an entry follows */
            ea_speaker_line sl;
            in = is_heading(l, h_part) ||
                 (ea_lu_is_heading(l, h_part, 0) && r.has_next && ea_find(r.next.l, " -- ") &&
                  ea_speaker_line_parse(r.next.l, 0, &sl));
            continue;
        }
        if (is_heading(l, h_prep) || is_heading(l, h_qa)) {
            in = 0;
            continue;
        }
        int k = roster_line(c, l);
        if (k < 0) return -1;
        *n += (size_t)k;
    }
    return 0;
}

static int tail_line(ea_str l) {
    return ea_istarts(l, "this article is a transcript") || ea_istarts(l, "all earnings call transcripts") ||
           (ea_istarts(l, "more ") && ea_iends(l, " analysis") && l.len < 40) || is_heading(l, h_part) ||
           ea_istarts(l, "this article represents the opinion");
}

static void header_line(ea_call *c, ea_str l, ea_lu_header *h) {
    if (ea_istarts(l, "image source") || ea_ieq(l, "contents:") || ea_istarts(l, "- ")) return;
    ea_lu_header_line(c, l, h);
}

/* A speaker line: "Operator", "Name -- Title", "Name -- Firm -- Analyst",
 * or a name from the participants list. -1 when not, -2 on failure. */
static int32_t speaker_line(ea_call *c, ea_str l) {
    if (l.len > 200) return -1;
    int known = l.len <= 80 && ea_b_find_participant(c, l) >= 0;
    ea_speaker_line sl;
    if (!ea_speaker_line_parse(l, known, &sl)) return -1;
    if (!(sl.from == EA_FROM_NAME || known || ea_find(l, " -- ") || sl.role != EA_ROLE_UNKNOWN ||
          ea_b_find_participant(c, sl.name) >= 0))
        return -1;
    int32_t w = ea_b_participant(c, sl.name, sl.title, sl.affil, sl.role, sl.from);
    return w < 0 ? -2 : w;
}

static int skip_for_wrap(ea_str l) { return ea_find(l, " -- ") != NULL || l.ptr[l.len - 1] == ':'; }

enum { S_HEADER, S_BODY, S_TAIL };

int ea_parse_fool(ea_call *c, size_t start) {
    size_t n_roster = 0, n_speakers = 0;
    if (read_roster(c, start, &n_roster)) return -1;
    int wrapped = ea_lu_wrapped(c->text + start, c->text_len - start, skip_for_wrap);
    if (wrapped) ea_b_explain(c, "paragraphs: hard-wrapped lines joined until a blank line");
    ea_lu_reader r;
    ea_lu_reader_init(&r, c->text, start, c->text_len);
    int state = S_HEADER, qa = 0;
    ea_lu_header hdr = {0, 0};
    while (ea_lu_reader_next(&r)) {
        ea_str l = r.cur.l;
        if (state == S_TAIL) {
            /* a participants list in the middle (rare): the talk goes on */
            if (is_heading(l, h_prep) || is_heading(l, h_qa)) state = S_BODY;
            else continue;
        }
        int32_t nx = -1;
        int prep_h = is_heading(l, h_prep), qa_h = is_heading(l, h_qa);
        /* headings without their colon count when a speaker follows */
        if (!prep_h && !qa_h && r.has_next && (ea_lu_is_heading(l, h_prep, 0) || ea_lu_is_heading(l, h_qa, 0))) {
            ea_speaker_line sl;
            ea_str n = r.next.l;
            if (ea_speaker_line_parse(n, ea_b_find_participant(c, n) >= 0, &sl)) {
                prep_h = ea_lu_is_heading(l, h_prep, 0);
                qa_h = !prep_h;
            }
        }
        if (prep_h || qa_h) {
            if (c->para_open && ea_b_para_end(c) == -1) return -1;
            ea_b_section(c, prep_h ? EA_SECTION_PREPARED : EA_SECTION_QA);
            qa |= qa_h;
            state = S_BODY;
            continue;
        }
        if (tail_line(l)) {
            if (c->para_open && ea_b_para_end(c) == -1) return -1;
            state = S_TAIL;
            continue;
        }
        if (ea_istarts(l, "duration:") && l.len < 40) {
            if (c->para_open && ea_b_para_end(c) == -1) return -1;
            continue;
        }
        nx = speaker_line(c, l);
        if (nx == -2) return -1;
        if (state == S_HEADER && nx < 0 && l.len <= 300) {
            header_line(c, l, &hdr);
            continue;
        }
        state = S_BODY;
        if (nx >= 0) {
            if (ea_b_turn(c, nx, r.cur.s)) return -1;
            n_speakers++;
            continue;
        }
        if (ea_lu_text(c, &r.cur, wrapped)) return -1;
    }
    if (c->para_open && ea_b_para_end(c) == -1) return -1;
    ea_b_explain(c, "fool: %zu participants listed, %zu speaker lines, Q&A heading %s", n_roster, n_speakers,
                 qa ? "found" : "not found (sections inferred)");
    ea_lu_sections(c, qa);
    return c->fail_code == EA_OK ? 0 : -1;
}
