/* Seeking Alpha transcripts:
 *
 *   Apple Inc. (NASDAQ:AAPL) Q2 2016 Earnings Conference Call April 26, 2016 5:00 PM ET
 *   Executives
 *   Nancy Paxton - Senior Director of Investor Relations
 *   Tim Cook - Chief Executive Officer
 *   Analysts
 *   Gene Munster - Piper Jaffray
 *   Operator
 *   Good day, everyone, and welcome ...
 *   Nancy Paxton
 *   Thank you. ...
 *   Question-and-Answer Session
 *   Operator
 *   ...
 *
 * Speaker lines are bare names: "Operator", the roster's names, and (with
 * care) other lines that read as a person's name standing alone. Such
 * files often come as Windows-1252; ingest/ has already made them UTF-8. */
#include <string.h>

#include "layout_util.h"

static const char *const h_exec[] = {"executives",           "executive",
                                     "company participants", "corporate participants",
                                     "company representatives", "company speakers", NULL};
static const char *const h_anal[] = {"analysts", "analyst", "conference call participants", "other participants",
                                     NULL};
static const char *const h_qa[] = {"question-and-answer session", "questions-and-answers session",
                                   "question-and-answer", "question and answer session",
                                   "questions and answers session", "questions and answers",
                                   "question & answer session", "q&a session", "q & a session", NULL};
static const char *const h_fool[] = {"prepared remarks", "call participants", NULL};

/* Words that start short lines of speech, never a name. */
static const char *const not_first[] = {
    "thank", "thanks", "good", "okay", "ok", "yes", "yeah", "sure", "great", "hi", "hello", "right",
    "well", "so", "and", "but", "the", "our", "we", "i", "it", "this", "that", "next", "question",
    "questions", "ladies", "absolutely", "perfect", "understood", "got", "excellent", "congratulations",
    "morning", "afternoon", "appreciate", "correct", "exactly", "fair", "fantastic", "wonderful", "sounds",
    "very", "please", "all", "no", "not", "just", "oh", "hey", "prepared", "closing", "opening", "forward",
    "safe", "company", "conference", "participants", "presentation", "copyright", "earnings", "operator",
    "unidentified", "end", "disclaimer", NULL};

static int speechy(ea_str l) {
    if (l.len > 60) return 1;
    unsigned char c = (unsigned char)l.ptr[l.len - 1];
    return c == '.' || c == '?' || c == '!' || c == '"' || (c >= 0x80 && l.len >= 3);
}

/* Does the line stand alone as a person's name ("Jane Q. Smith")? */
static int bare_name(ea_str l) {
    if (l.len < 4 || l.len > 50 || memchr(l.ptr, ',', l.len) || !ea_looks_like_name(l)) return 0;
    size_t words = 1;
    for (size_t i = 0; i < l.len; i++) words += l.ptr[i] == ' ' && i + 1 < l.len && l.ptr[i + 1] != ' ';
    if (words < 2 || words > 5) return 0;
    const char *sp = memchr(l.ptr, ' ', l.len);
    ea_str first = ea_str_make(l.ptr, (size_t)(sp - l.ptr));
    for (size_t i = 0; not_first[i]; i++)
        if (ea_ieq(first, not_first[i])) return 0;
    return 1;
}

static int is_operator(ea_str l) {
    return ea_ieq(l, "operator") || ea_ieq(l, "operator:") || ea_ieq(l, "moderator") ||
           ea_ieq(l, "conference operator");
}

/* StreetEvents' "Name, Company - Title [7]" */
static int numbered_line(ea_str l) {
    size_t i = l.len, d = 0;
    if (!i || l.ptr[i - 1] != ']') return 0;
    i--;
    while (i > 0 && ea_is_digit((unsigned char)l.ptr[i - 1]) && d < 7) {
        i--;
        d++;
    }
    return d && i > 0 && l.ptr[i - 1] == '[';
}

void ea_sniff_seekingalpha(const char *text, size_t len, ea_sniff *out) {
    ea_str window = ea_str_make(text, len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES);
    ea_lines it;
    ea_lines_init(&it, window.ptr, window.len);
    size_t s, e, content = 0, ops = 0, bare = 0, fool = 0, se = 0;
    int tick = 0, exec = 0, anal = 0, qa = 0;
    /* " -- " lies inside a line: no line has it unless the window does */
    int dash_here = ea_find(window, " -- ") != NULL;
    while (ea_lines_next(&it, &s, &e) && it.lineno < EA_SNIFF_LINES) {
        ea_str l = ea_trim(ea_str_make(text + s, e - s));
        if (!l.len) continue;
        content++;
        ea_str co, ex, tk;
        if (content <= 6 && !tick && l.len < 300 && ea_lu_ticker(l, &co, &ex, &tk)) tick = ex.len ? 2 : 1;
        if (ea_lu_is_heading(l, h_exec, 1)) exec = 1;
        else if (ea_lu_is_heading(l, h_anal, 1)) anal = 1;
        else if (ea_lu_is_heading(l, h_qa, 0)) qa = 1;
        else if (is_operator(l)) ops++;
        else if (ea_lu_is_heading(l, h_fool, 0) || (l.ptr[l.len - 1] == ':' && ea_lu_is_heading(l, h_fool, 1)) ||
                 (dash_here && ea_find(l, " -- ")))
            fool += dash_here && ea_find(l, " -- ") ? 1 : 3;
        else if ((ea_lu_is_rule(l) && l.len >= 20) || numbered_line(l))
            se++;
        else if (bare_name(l))
            bare++;
    }
    /* the whole signature without header or rosters: the Q&A line, bare
       "Operator" lines and bare names */
    int score = (tick == 2 ? 45 : tick ? 20 : 0) + (exec ? 25 : 0) + (anal ? 15 : 0) + (qa ? 35 : 0) +
                (ops ? 10 : 0) + (bare >= 3 ? 10 : 0) + (qa && ops && bare >= 3 ? 30 : 0);
    if (!qa && !exec && !anal) score = ops ? (score > 40 ? 40 : score) : (score > 10 ? 10 : score);
    if (fool >= 3 || se >= 3) score = score > 40 ? 40 : score;
    out->score = score > 96 ? 96 : score;
    snprintf(out->why, sizeof out->why, "%s%s%s%s%zu 'Operator' lines, %zu bare-name lines",
             tick == 2 ? "(EXCHANGE:TICKER) title, " : tick ? "(TICKER) title, " : "",
             exec ? "company roster, " : "", anal ? "analysts roster, " : "", qa ? "Q&A line, " : "", ops, bare);
}

/* A roster line: "Name - Title" (company list) or "Name - Firm" (analysts),
 * "Name, Title", or a bare "Name" when what follows is not speech.
 * Returns 1 when taken, 0 when the line is not an entry, -1 on failure. */
static int roster_line(ea_call *c, const ea_lu_reader *r, int company_side) {
    ea_str l = r->cur.l;
    if (is_operator(l) || ea_lu_is_heading(l, h_qa, 1) || l.len > 200) return 0;
    size_t dl;
    const char *d = ea_lu_find_dash(l, &dl);
    const char *comma = d ? NULL : memchr(l.ptr, ',', l.len);
    ea_str name = l, rest = ea_str_make(NULL, 0);
    if (d || comma) {
        const char *cut = d ? d : comma;
        size_t skip = d ? dl : 1;
        name = ea_trim(ea_str_make(l.ptr, (size_t)(cut - l.ptr)));
        rest = ea_trim(ea_str_make(cut + skip, (size_t)(l.ptr + l.len - cut - skip)));
        if (!rest.len || rest.len > 150 || ea_find(rest, ". ") || !ea_looks_like_name(name)) return 0;
        if (comma && !memchr(name.ptr, ' ', name.len)) return 0;
    } else if (!ea_looks_like_name(l) || l.len > 50 || (r->has_next && speechy(r->next.l)) || !r->has_next) {
        return 0;
    }
    if (ea_b_find_participant(c, name) >= 0) return 0; /* named again: the talk has begun */
    ea_str title = ea_str_make(NULL, 0), affil = ea_str_make(NULL, 0);
    if (rest.len && ea_lu_find_dash(rest, &dl)) ea_split_affil_title(rest, &affil, &title);
    else if (company_side) title = rest;
    else affil = rest;
    return ea_lu_roster(c, name, title, affil, company_side) < 0 ? -1 : 1;
}

/* Is the current line a speaker line? Returns the participant, -1 when
 * not, -2 on failure. */
static int32_t speaker_line(ea_call *c, const ea_lu_reader *r, int in_header, size_t *unlisted) {
    ea_str l = r->cur.l;
    if (l.len > 80) return -1;
    if (is_operator(l)) {
        if (l.ptr[l.len - 1] == ':') l.len--;
        int32_t w = ea_b_participant(c, l, ea_str_make(NULL, 0), ea_str_make(NULL, 0), EA_ROLE_OPERATOR, EA_FROM_NAME);
        return w < 0 ? -2 : w;
    }
    int32_t known = l.len <= 60 ? ea_b_find_participant(c, l) : -1;
    if (known >= 0) return known;
    ea_speaker_line sl;
    if (ea_speaker_line_parse(l, 0, &sl)) {
        int label = sl.from == EA_FROM_NAME;
        if (label && ea_ifind(sl.name, "company")) {
            sl.role = EA_ROLE_EXECUTIVE;
        } else if (label && ea_ifind(sl.name, "analyst")) {
            sl.role = EA_ROLE_ANALYST;
        }
        if (label || ea_b_find_participant(c, sl.name) >= 0 || sl.role != EA_ROLE_UNKNOWN) {
            int32_t w = ea_b_participant(c, sl.name, sl.title, sl.affil, sl.role, sl.from);
            return w < 0 ? -2 : w;
        }
        return -1;
    }
    /* a name nobody listed: only where a speaker line can stand */
    if (!bare_name(l) || !r->has_next || bare_name(r->next.l) || is_operator(r->next.l)) return -1;
    if (r->has_prev && !r->cur.blank_before && ea_lu_line_open(r->prev.l)) return -1;
    if (in_header && !speechy(r->next.l)) return -1;
    (*unlisted)++;
    int32_t w = ea_b_participant(c, l, ea_str_make(NULL, 0), ea_str_make(NULL, 0), EA_ROLE_UNKNOWN, EA_FROM_NONE);
    return w < 0 ? -2 : w;
}

enum { S_HEADER, S_EXEC, S_ANAL, S_BODY, S_TAIL };

int ea_parse_seekingalpha(ea_call *c, size_t start) {
    const char *t = c->text;
    int wrapped = ea_lu_wrapped(t + start, c->text_len - start, NULL);
    if (wrapped) ea_b_explain(c, "paragraphs: hard-wrapped lines joined until a blank line");
    ea_lu_reader r;
    ea_lu_reader_init(&r, t, start, c->text_len);
    int state = S_HEADER, qa = 0;
    size_t n_roster = 0, n_speakers = 0, unlisted = 0;
    ea_lu_header hdr = {0, 0};
    while (ea_lu_reader_next(&r)) {
        ea_str l = r.cur.l;
        if (state == S_TAIL) continue;
        if (state == S_BODY && (ea_istarts(l, "copyright policy") ||
                                ea_istarts(l, "the information contained here is a textual representation"))) {
            if (c->para_open && ea_b_para_end(c) == -1) return -1;
            state = S_TAIL;
            continue;
        }
        if (ea_lu_is_heading(l, h_qa, 1)) {
            if (c->para_open && ea_b_para_end(c) == -1) return -1;
            ea_b_section(c, EA_SECTION_QA);
            qa = 1;
            state = S_BODY;
            continue;
        }
        if (state != S_BODY && (ea_lu_is_heading(l, h_exec, 1) || ea_lu_is_heading(l, h_anal, 1))) {
            state = ea_lu_is_heading(l, h_exec, 1) ? S_EXEC : S_ANAL;
            continue;
        }
        if (state == S_EXEC || state == S_ANAL) {
            int k = roster_line(c, &r, state == S_EXEC);
            if (k < 0) return -1;
            if (k) {
                n_roster++;
                continue;
            }
            state = S_BODY;
        }
        int32_t who = speaker_line(c, &r, state == S_HEADER, &unlisted);
        if (who == -2) return -1;
        if (state == S_HEADER) {
            if (who < 0 && l.len <= 300) {
                ea_lu_header_line(c, l, &hdr);
                continue;
            }
            state = S_BODY;
        }
        if (who >= 0) {
            if (ea_b_turn(c, who, r.cur.s)) return -1;
            n_speakers++;
            continue;
        }
        if (ea_lu_text(c, &r.cur, wrapped)) return -1;
    }
    if (c->para_open && ea_b_para_end(c) == -1) return -1;
    ea_b_explain(c, "seekingalpha: %zu roster entries, %zu speaker lines, Q&A line %s", n_roster, n_speakers,
                 qa ? "found" : "not found (sections inferred)");
    if (unlisted)
        ea_b_explain(c, "seekingalpha: %zu speaker lines are names not in %s", unlisted,
                     n_roster ? "the roster" : "any roster (there is none)");
    ea_lu_sections(c, qa);
    return c->fail_code == EA_OK ? 0 : -1;
}
