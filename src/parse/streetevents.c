/* Thomson Reuters / Refinitiv StreetEvents transcripts:
 *
 *   Thomson Reuters StreetEvents Event Transcript
 *   E D I T E D   V E R S I O N
 *   Q2 2016 Apple Inc Earnings Call
 *   APRIL 26, 2016 / 9:00PM GMT
 *   ===========================
 *   Corporate Participants
 *   ===========================
 *    * Tim Cook
 *      Apple Inc. - CEO
 *   ...Conference Call Participants (analysts, same form)...
 *   ===========================
 *   Presentation
 *   ---------------------------
 *   Operator   [1]
 *   ---------------------------
 *    Good day, everyone...
 *   ...
 *   Questions and Answers
 *   ---------------------------
 *   Gene Munster,  Piper Jaffray & Co. - Analyst   [10]
 *   ...
 *   Definitions / Disclaimer (boilerplate, not speech)
 *
 * A speaker line is a line between two rules, or a line ending in "[n]"
 * that reads as a speaker. Without a "Questions and Answers" heading the
 * sections are left to model/finish.c. */
#include <string.h>

#include "layout_util.h"

static const char *const h_presentation[] = {"presentation", "presentations", "prepared remarks",
                                             "management discussion section", NULL};
static const char *const h_qa[] = {"questions and answers", "question and answer", "questions & answers",
                                   "question & answer", "q&a", "q & a", "question-and-answer session",
                                   "questions and answers session", "question and answer session",
                                   "questions-and-answers", "question-and-answer", NULL};
static const char *const h_corp[] = {"corporate participants", "corporate participant", "company participants",
                                     "corporate representatives", NULL};
static const char *const h_conf[] = {"conference call participants", "conference call participiants",
                                     "conference call participant", "other participants", NULL};
static const char *const h_tail[] = {"definitions", "disclaimer", NULL};

/* Trailing "[12]" -> 1 and the line without it. */
static int strip_number(ea_str l, ea_str *rest) {
    *rest = l;
    if (!l.len || l.ptr[l.len - 1] != ']') return 0;
    size_t i = l.len - 1, digits = 0;
    while (i > 0 && ea_is_digit((unsigned char)l.ptr[i - 1]) && digits < 7) {
        i--;
        digits++;
    }
    if (!digits || i == 0 || l.ptr[i - 1] != '[') return 0;
    *rest = ea_trim(ea_str_make(l.ptr, i - 1));
    return rest->len > 0;
}

static int is_header_word(ea_str l) {
    return ea_lu_is_heading(l, h_presentation, 1) || ea_lu_is_heading(l, h_qa, 1) ||
           ea_lu_is_heading(l, h_corp, 1) || ea_lu_is_heading(l, h_conf, 1) || ea_lu_is_heading(l, h_tail, 1);
}

static int is_streetevents_banner(ea_str l) {
    return ea_ifind(l, "streetevents") != NULL || ea_ifind(l, "v e r s i o n") != NULL;
}

void ea_sniff_streetevents(const char *text, size_t len, ea_sniff *out) {
    ea_lines it;
    ea_lines_init(&it, text, len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES);
    size_t s, e, rules = 0, numbered = 0, bracketed = 0, headings = 0;
    int banner = 0, prev_rule = 0;
    ea_str pending = ea_str_make(NULL, 0); /* a speaker-like line right after a rule */
    while (ea_lines_next(&it, &s, &e) && it.lineno < EA_SNIFF_LINES) {
        ea_str l = ea_trim(ea_str_make(text + s, e - s));
        if (!l.len) continue;
        if (it.lineno <= 12 && is_streetevents_banner(l)) banner = 1;
        if (ea_lu_is_rule(l) && l.len >= 10) {
            rules++;
            if (pending.len) bracketed++;
            pending.len = 0;
            prev_rule = 1;
            continue;
        }
        ea_str rest;
        ea_speaker_line sl;
        int sp = l.len < 200 && ea_speaker_line_parse(l, 1, &sl);
        if (sp && strip_number(l, &rest)) numbered++;
        if (is_header_word(l)) headings++;
        pending = prev_rule && sp && !is_header_word(l) ? l : ea_str_make(NULL, 0);
        prev_rule = 0;
    }
    /* rule / speaker / rule blocks and "Name, Company - Title [n]" lines are
       this layout's own; the banner settles it */
    int score = (banner ? 60 : 0) + (bracketed >= 3 ? 75 : bracketed >= 2 ? 40 : 0) +
                (numbered >= 3 ? 75 : numbered >= 2 ? 15 : 0) + (headings >= 2 ? 10 : 0) + (rules >= 4 ? 5 : 0);
    if (!banner && bracketed < 2 && numbered < 3) score = score > 30 ? 30 : score;
    out->score = score > 98 ? 98 : score;
    snprintf(out->why, sizeof out->why,
             "%s%zu rule lines, %zu speaker lines between rules, %zu numbered speaker lines, %zu headings",
             banner ? "StreetEvents banner, " : "", rules, bracketed, numbered, headings);
}

/* Exchange from a Reuters instrument code suffix ("AAPL.OQ"). */
static ea_str ric_exchange(ea_str suf) {
    static const struct {
        const char *ric, *name;
    } t[] = {{"OQ", "NASDAQ"}, {"O", "NASDAQ"}, {"N", "NYSE"}, {"A", "NYSE American"}, {"TO", "TSX"},
             {"L", "LSE"},     {"HK", "HKEX"},  {"T", "TSE"},  {"PA", "Euronext Paris"}, {"DE", "XETRA"}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (ea_ieq(suf, t[i].ric)) return ea_str_make(t[i].name, strlen(t[i].name));
    return ea_str_make(NULL, 0);
}

/* "Edited Transcript of AAPL.OQ earnings conference call ..." */
static void ric_ticker(ea_call *c, ea_str l) {
    const char *of = ea_ifind(l, "transcript of ");
    if (!of || c->info.ticker.len) return;
    const char *p = of + 14, *end = l.ptr + l.len, *t = p;
    while (p < end && (ea_is_upper((unsigned char)*p) || ea_is_digit((unsigned char)*p))) p++;
    if (p == t || p - t > 10) return;
    c->info.ticker = ea_str_make(t, (size_t)(p - t));
    if (p < end && *p == '.') {
        const char *x = ++p;
        while (p < end && ea_is_upper((unsigned char)*p)) p++;
        c->info.exchange = ric_exchange(ea_str_make(x, (size_t)(p - x)));
    }
}

/* "Q2 2016 Apple Inc Earnings Call" -> "Apple Inc". */
static void company_from_title(ea_call *c, ea_str t) {
    const char *p = t.ptr, *end = t.ptr + t.len;
    /* a leading period: "Q2 2016", "2Q 2016", "FY 2016", "Full Year 2016", "Half Year 2016", "H1 2016" */
    static const char *const lead[] = {"full year ", "half year ", "fy ", "fy", "q1 ", "q2 ", "q3 ", "q4 ",
                                       "1q ", "2q ", "3q ", "4q ", "h1 ", "h2 ", "9m ", "6m ", NULL};
    int had_period = 0;
    for (size_t i = 0; lead[i]; i++) {
        if (!ea_istarts(ea_str_make(p, (size_t)(end - p)), lead[i])) continue;
        const char *q = p + strlen(lead[i]);
        size_t d = 0;
        while (q + d < end && ea_is_digit((unsigned char)q[d])) d++;
        if (d == 4 && q + d < end && q[d] == ' ') {
            p = q + d + 1;
            had_period = 1;
        }
        break;
    }
    if (!had_period) {
        size_t d = 0;
        while (p + d < end && ea_is_digit((unsigned char)p[d])) d++;
        if (d == 4 && p + d < end && p[d] == ' ') {
            p += 5;
            had_period = 1;
        }
    }
    if (!had_period) return;
    static const char *const cut[] = {" earnings", " conference call", " sales", " trading", " investor",
                                      " analyst", " annual", " shareholder", " interim", " preliminary",
                                      " results", " pre-recorded", " guidance", " business update",
                                      " - ", " call", " at ", NULL};
    const char *stop = end;
    ea_str r = ea_str_make(p, (size_t)(end - p));
    for (size_t i = 0; cut[i]; i++) {
        const char *h = ea_ifind(r, cut[i]);
        if (h && h < stop) stop = h;
    }
    ea_str name = ea_trim(ea_str_make(p, (size_t)(stop - p)));
    if (name.len >= 2 && name.len < 80 && stop < end) c->info.company = name;
}

static void header_line(ea_call *c, ea_str l) {
    if (is_streetevents_banner(l)) return;
    ea_lu_period_date(c, l);
    ric_ticker(c, l);
    if (ea_istarts(l, "edited transcript") || ea_istarts(l, "preliminary transcript") ||
        ea_istarts(l, "final transcript") || ea_ifind(l, "(thomson streetevents)") ||
        ea_ifind(l, "(refinitiv streetevents)") || ea_ieq(l, "event transcript") || ea_ieq(l, "edited version") ||
        ea_ieq(l, "preliminary version") || ea_ieq(l, "event brief"))
        return;
    char buf[16];
    /* the date line: "APRIL 26, 2016 / 9:00PM GMT" */
    if (l.len < 200 && ea_find_date(l, buf, sizeof buf) && (l.len < 48 || ea_find(l, " GMT"))) return;
    if (!c->info.event_title.len && l.len < 200) {
        c->info.event_title = l;
        company_from_title(c, l);
    }
}

/* "Tim Cook,  Apple Inc. - CEO" (the number already gone), or "Operator". */
static int32_t speaker(ea_call *c, ea_str line) {
    ea_str l;
    strip_number(line, &l);
    const char *sep = ea_find(l, ",  ");
    ea_speaker_line sl;
    if (!sep && ea_speaker_line_parse(l, 1, &sl))
        return ea_b_participant(c, sl.name, sl.title, sl.affil, sl.role, sl.from);
    ea_str name = l, rest = ea_str_make(NULL, 0), affil, title;
    if (!sep) sep = memchr(l.ptr, ',', l.len);
    if (sep) {
        name = ea_trim(ea_str_make(l.ptr, (size_t)(sep - l.ptr)));
        rest = ea_trim(ea_str_make(sep + 1, (size_t)(l.ptr + l.len - sep - 1)));
    }
    ea_split_affil_title(rest, &affil, &title);
    if (!name.len) name = l;
    ea_role r = ea_role_from_title(title);
    if (r == EA_ROLE_UNKNOWN) r = ea_role_from_title(name);
    return ea_b_participant(c, name, title, affil, r, r ? EA_FROM_TITLE : EA_FROM_NONE);
}

/* A roster bullet: " * Name" (company and title on the next line), or
 * " * Name, Company - Title" on one line. */
static int bullet(ea_str l, ea_str *rest) {
    if (l.len >= 2 && (l.ptr[0] == '*' || l.ptr[0] == '-') && l.ptr[1] == ' ') {
        *rest = ea_trim(ea_str_make(l.ptr + 1, l.len - 1));
        return rest->len > 0;
    }
    if (l.len >= 4 && (unsigned char)l.ptr[0] == 0xE2 && (unsigned char)l.ptr[1] == 0x80 &&
        (unsigned char)l.ptr[2] == 0xA2) { /* • */
        *rest = ea_trim(ea_str_make(l.ptr + 3, l.len - 3));
        return rest->len > 0;
    }
    return 0;
}

static int roster_entry(ea_call *c, ea_str name, ea_str detail, int company_side) {
    ea_str affil = ea_str_make(NULL, 0), title = ea_str_make(NULL, 0);
    const char *comma = ea_find(name, ",  ");
    if (!comma && !detail.len) comma = memchr(name.ptr, ',', name.len);
    size_t dl;
    if (comma) {
        detail = ea_trim(ea_str_make(comma + 1, (size_t)(name.ptr + name.len - comma - 1)));
        name = ea_trim(ea_str_make(name.ptr, (size_t)(comma - name.ptr)));
    } else if (!detail.len && ea_lu_find_dash(name, &dl)) {
        /* " * Name - Title": keep it only when the name is plainly a name */
        const char *d = ea_lu_find_dash(name, &dl);
        ea_str nm = ea_trim(ea_str_make(name.ptr, (size_t)(d - name.ptr)));
        size_t words = 1;
        for (size_t i = 0; i < nm.len; i++) words += nm.ptr[i] == ' ';
        if (words > 3 || !ea_looks_like_name(nm)) return 0;
        title = ea_trim(ea_str_make(d + dl, (size_t)(name.ptr + name.len - d - dl)));
        name = nm;
    }
    if (detail.len) ea_split_affil_title(detail, &affil, &title);
    if (!name.len || name.len > 80) return 0;
    return ea_lu_roster(c, name, title, affil, company_side) < 0 ? -1 : 0;
}

static int skip_for_wrap(ea_str l) {
    ea_str r;
    return ea_lu_is_rule(l) || strip_number(l, &r) || is_header_word(l) || l.ptr[0] == '*';
}

enum { S_HEADER, S_CORP, S_CONF, S_BODY, S_TAIL };

int ea_parse_streetevents(ea_call *c, size_t start) {
    const char *t = c->text;
    int wrapped = ea_lu_wrapped(t + start, c->text_len - start, skip_for_wrap);
    if (wrapped) ea_b_explain(c, "paragraphs: hard-wrapped lines joined until a blank line");
    ea_lu_reader r;
    ea_lu_reader_init(&r, t, start, c->text_len);
    /* after a speaker line and the rule under it comes speech, even a one-line
       speech that sits between two rules */
    int state = S_HEADER, qa = 0, skip_next = 0, after_speaker = 0;
    size_t n_rules = 0, n_speakers = 0;
    while (ea_lu_reader_next(&r)) {
        ea_str l = r.cur.l;
        if (skip_next) {
            skip_next = 0;
            continue;
        }
        if (ea_lu_is_rule(l)) {
            n_rules++;
            if (after_speaker == 1) after_speaker = 2;
            if (c->para_open && ea_b_para_end(c) == -1) return -1;
            continue;
        }
        if (state != S_TAIL) {
            int h = ea_lu_is_heading(l, h_presentation, 1)   ? 1
                    : ea_lu_is_heading(l, h_qa, 1)           ? 2
                    : ea_lu_is_heading(l, h_corp, 1)         ? 3
                    : ea_lu_is_heading(l, h_conf, 1)         ? 4
                    : ea_lu_is_heading(l, h_tail, 1) || (state == S_BODY && ea_istarts(l, "copyright ") &&
                                                         r.has_prev && ea_lu_is_rule(r.prev.l))
                        ? 5
                        : 0;
            if (h && c->para_open && ea_b_para_end(c) == -1) return -1;
            if (h == 1) {
                ea_b_section(c, EA_SECTION_PREPARED);
                state = S_BODY;
                continue;
            }
            if (h == 2) {
                ea_b_section(c, EA_SECTION_QA);
                qa = 1;
                state = S_BODY;
                continue;
            }
            if ((h == 3 || h == 4) && state != S_BODY) {
                state = h == 3 ? S_CORP : S_CONF;
                continue;
            }
            if (h == 5) {
                state = S_TAIL;
                continue;
            }
        }
        if (state == S_TAIL) continue;
        ea_str nl;
        ea_speaker_line sl;
        int between = r.has_prev && ea_lu_is_rule(r.prev.l) && r.has_next && ea_lu_is_rule(r.next.l) &&
                      l.len < 240 && after_speaker != 2;
        int numbered = strip_number(l, &nl) && ea_speaker_line_parse(l, 1, &sl);
        after_speaker = 0;
        if (state == S_CORP || state == S_CONF) {
            ea_str name;
            if (bullet(l, &name)) {
                size_t dl;
                ea_str detail = ea_str_make(NULL, 0), dummy;
                if (r.has_next && !r.next.blank_before && !bullet(r.next.l, &dummy) && !ea_lu_is_rule(r.next.l) &&
                    !is_header_word(r.next.l)) {
                    detail = r.next.l;
                    skip_next = 1;
                } else if (r.has_next && r.next.blank_before && !bullet(r.next.l, &dummy) &&
                           !ea_lu_is_rule(r.next.l) && !is_header_word(r.next.l) &&
                           ea_lu_find_dash(r.next.l, &dl) && r.next.l.len < 160 &&
                           !strip_number(r.next.l, &dummy)) {
                    detail = r.next.l;
                    skip_next = 1;
                }
                if (roster_entry(c, name, detail, state == S_CORP)) return -1;
                continue;
            }
            if (!between && !numbered) continue; /* stray roster text */
            state = S_BODY;
        }
        if (state == S_HEADER) {
            if (!between && !numbered && l.len <= 300) {
                header_line(c, l);
                continue;
            }
            state = S_BODY;
        }
        if (between || numbered) {
            int32_t who = speaker(c, l);
            if (who < 0 || ea_b_turn(c, who, r.cur.s)) return -1;
            n_speakers++;
            after_speaker = 1;
            continue;
        }
        if (ea_lu_text(c, &r.cur, wrapped)) return -1;
    }
    if (c->para_open && ea_b_para_end(c) == -1) return -1;
    ea_b_explain(c, "streetevents: %zu rule lines, %zu speaker lines, Q&A heading %s", n_rules, n_speakers,
                 qa ? "found" : "not found (sections inferred)");
    ea_lu_sections(c, qa);
    return c->fail_code == EA_OK ? 0 : -1;
}
