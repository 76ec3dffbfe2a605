/* One sentence a line, no speakers (as in the ECTSum transcripts). Each
 * line is a paragraph; a line announcing the Q&A starts the Q&A section. */
#include <string.h>

#include "parsers.h"

void ea_sniff_lines(const char *text, size_t len, ea_sniff *out) {
    ea_lines it;
    ea_lines_init(&it, text, len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES);
    size_t s, e, content = 0, blank = 0, ended = 0, speakers = 0, total = 0;
    while (ea_lines_next(&it, &s, &e) && it.lineno < EA_SNIFF_LINES) {
        ea_str l = ea_trim(ea_str_make(text + s, e - s));
        if (!l.len) {
            blank++;
            continue;
        }
        content++;
        total += l.len;
        unsigned char c = (unsigned char)l.ptr[l.len - 1];
        if (c == '.' || c == '?' || c == '!' || c == '"' || c >= 0x80) ended++;
        ea_speaker_line sl;
        if (ea_speaker_line_parse(l, 0, &sl)) speakers++;
    }
    if (content < 3) {
        out->score = 0;
        return;
    }
    size_t avg = total / content;
    int score = 0;
    if (ended * 10 >= content * 6 && avg >= 25 && avg <= 2000) score = 45;
    if (blank * 4 > content) score -= 20;
    if (speakers >= 2) score -= 15;
    out->score = score < 0 ? 0 : score;
    snprintf(out->why, sizeof out->why,
             "%zu lines, %zu%% end a sentence, %zu blank, average %zu bytes", content,
             ended * 100 / content, blank, avg);
}

static const char *const qa_start[] = {
    "question-and-answer session", "question and answer session", "first question comes",
    "first question is from", "first question will come", "open the call for questions",
    "open the line for questions", "open up the call for questions", "open it up for questions",
    "begin the question"};

int ea_parse_lines(ea_call *c, size_t start) {
    ea_lines it;
    ea_lines_init(&it, c->text + start, c->text_len - start);
    size_t s, e;
    int in_qa = 0;
    /* the next "question" in the text at or after the current line: one
       search over the text instead of one per line (the word has no line
       break, so a line holds one exactly when it starts inside the line) */
    const char *next_q = ea_ifind(ea_str_make(c->text + start, c->text_len - start), "question");
    if (ea_b_turn(c, -1, start)) return -1;
    c->sections_explicit = 1;
    ea_b_turns(c)[0].section = EA_SECTION_PREPARED;
    c->cur_section = EA_SECTION_PREPARED;
    while (ea_lines_next(&it, &s, &e)) {
        s += start;
        e += start;
        ea_str l = ea_str_make(c->text + s, e - s);
        /* every phrase has "question" in it: that rules most lines out */
        if (!in_qa && next_q && next_q < l.ptr)
            next_q = ea_ifind(ea_str_make(l.ptr, c->text_len - s), "question");
        if (!in_qa && next_q && next_q + 8 <= l.ptr + l.len) {
            for (size_t k = 0; k < sizeof qa_start / sizeof qa_start[0]; k++) {
                if (!ea_ifind(l, qa_start[k])) continue;
                in_qa = 1;
                c->cur_section = EA_SECTION_QA;
                if (ea_b_turns(c)[c->cur_turn].n_paras && ea_b_turn(c, -1, s)) return -1;
                ea_b_turns(c)[c->cur_turn].section = EA_SECTION_QA;
                break;
            }
        }
        if (ea_b_para(c, s, e) == -1) return -1;
    }
    return 0;
}
