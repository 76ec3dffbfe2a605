/* Private: the call object and the builder that layout parsers use. */
#ifndef EA_CALL_INT_H
#define EA_CALL_INT_H
#include "earnest/earnest.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/vec.h"

typedef struct {
    uint32_t *slots; /* participant index + 1; 0 = empty */
    size_t cap;
} ea_name_index;

struct ea_call {
    ea_arena arena;
    char *text; /* owned, NUL-terminated; every span points here */
    size_t text_len;
    size_t text_base; /* bytes of BOM or header skipped before parsing */
    ea_call_info info;
    ea_parse_options opt;
    ea_vec parts, turns, paras, exch; /* ea_participant, ea_turn, ea_paragraph, ea_exchange */
    ea_name_index names;
    ea_sentence *sents;
    size_t n_sents;
    int sents_done;
    ea_buf explain, warnings;
    /* builder state */
    int32_t cur_turn;         /* -1 before the first turn */
    ea_section cur_section;
    int sections_explicit;    /* the layout marked sections itself */
    int roles_explicit;       /* rosters gave roles */
    ea_vec pieces;            /* scratch: pieces of the paragraph being built */
    ea_buf ptext;             /* scratch: its joined text */
    int para_open;
    double para_t0, para_t1;
    int para_has_time;
    ea_status fail_code;      /* first builder failure */
    const char *fail_msg;
    size_t fail_off;
};

/* ---- builder: every function returns >= 0 on success, -1 on failure
 * (after which the parse fails with call->fail_code). */

/* Find or add a participant by name (case- and space-insensitive). Empty
 * title/affiliation leave known ones; a role replaces the current one when
 * its source ranks at least as high (roster > title > name > behaviour). */
int32_t ea_b_participant(ea_call *c, ea_str name, ea_str title, ea_str affil, ea_role role,
                         ea_role_source from);
int32_t ea_b_find_participant(const ea_call *c, ea_str name);
/* Start a new turn at byte `at` (its speaker line). */
int ea_b_turn(ea_call *c, int32_t speaker, size_t at);
/* Set the section for the turns that follow; marks sections explicit. */
void ea_b_section(ea_call *c, ea_section s);
/* Add a paragraph from the call text [start, end) to the current turn
 * (a turn with no speaker is opened when there is none). Trimmed; empty
 * text adds nothing and returns -2. Returns the paragraph index. */
int32_t ea_b_para(ea_call *c, size_t start, size_t end);
/* Build a paragraph from several runs, joined by a space. */
void ea_b_para_begin(ea_call *c);
int ea_b_para_add(ea_call *c, size_t start, size_t end);
void ea_b_para_time(ea_call *c, double t0, double t1);
int32_t ea_b_para_end(ea_call *c);
/* Attach a translation span to paragraph index i. */
int ea_b_translation(ea_call *c, uint32_t i, size_t start, size_t end);
/* Strings for info fields: copy into the arena. */
ea_str ea_b_strdup(ea_call *c, const char *p, size_t n);
ea_str ea_b_span_str(const ea_call *c, size_t start, size_t end);
/* Notes for --explain and warnings (stderr in the CLI). */
void ea_b_explain(ea_call *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void ea_b_warn(ea_call *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Record a failure (first one wins) and return -1. */
int ea_b_fail(ea_call *c, ea_status code, const char *msg, size_t off);

static inline ea_paragraph *ea_b_paras(ea_call *c) { return (ea_paragraph *)c->paras.ptr; }
static inline ea_turn *ea_b_turns(ea_call *c) { return (ea_turn *)c->turns.ptr; }
static inline ea_participant *ea_b_parts(ea_call *c) { return (ea_participant *)c->parts.ptr; }

/* model/finish.c: languages, roles, sections, Q&A exchanges, metadata. */
int ea_call_finish(ea_call *c);

/* Normalise fiscal periods: "first-quarter 2024" -> "2024Q1". Looks for the
 * first period mention in s. Writes into out (>= 8 bytes); returns length
 * or 0. */
size_t ea_find_period(ea_str s, char *out, size_t cap);
/* The call's period when no header names it: the quarter that the quarter
 * mentions vote for and the year that the year mentions ("2021", "'21",
 * "fiscal 2021", "the second quarter of 2021") vote for, each by its kind
 * and context and weighted by where it comes (early mentions weigh more);
 * tables fitted by conditional logistic regression on ECTSum train:
 * src/model/meta.c. Reads the paragraphs' texts; *evidence gets the number
 * of quarter mentions seen. Returns the length written to out ("2021Q1")
 * or 0 (quarter mentions of total weight under 2, or no year named). */
size_t ea_infer_period(const ea_paragraph *ps, size_t n_texts, char *out, size_t cap, unsigned *evidence);
/* Dates: "APRIL 26, 2016", "May 8, 2024", "2024-05-08", "2024年5月8日" ->
 * "YYYY-MM-DD"; returns length (10) or 0. */
size_t ea_find_date(ea_str s, char *out, size_t cap);
/* "(NASDAQ:AUPH)", "(NYSE: ABC)", "NASDAQ: AAOI" -> exchange and ticker
 * (spans into s). Returns 1 when found. */
int ea_find_ticker(ea_str s, ea_str *exchange, ea_str *ticker);
/* End (exclusive) of the sentence that starts at `from` in [text, text+n). */
size_t ea_sentence_end(const char *text, size_t n, size_t from);
#endif
