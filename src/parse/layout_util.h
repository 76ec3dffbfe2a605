/* Private: pieces shared by the layouts that carry rosters and section
 * headers (StreetEvents, Seeking Alpha, Motley Fool text and JSON). */
#ifndef EA_LAYOUT_UTIL_H
#define EA_LAYOUT_UTIL_H
#include "parsers.h"

/* ---- lines with one line of look-ahead and look-behind ---- */

typedef struct {
    ea_str l;         /* the line, trimmed (points into the text) */
    size_t s, e;      /* [s, e): its trimmed bytes, offsets into the text */
    int blank_before; /* a blank line (or the start) comes before it */
} ea_lu_ln;

/* Walks the non-blank lines of text[start, len): `cur` is the one being
 * looked at, `prev` the one before it, `next` the one after (has_* say
 * whether they exist). O(1) memory; linear. */
typedef struct {
    ea_lines it;
    const char *text;
    size_t base;
    ea_lu_ln prev, cur, next;
    int has_prev, has_cur, has_next;
    int pending_blank;
} ea_lu_reader;

void ea_lu_reader_init(ea_lu_reader *r, const char *text, size_t start, size_t len);
/* Advance by one non-blank line; returns has_cur. */
int ea_lu_reader_next(ea_lu_reader *r);

/* ---- small classifiers ---- */

/* A rule line: only '-', '=', '_' or '*' (at least 3), spaces allowed. */
int ea_lu_is_rule(ea_str l);
/* Find a spaced dash: " - ", " -- ", " – ", " — ". Returns its start (the
 * space) and its length in *dlen, or NULL. */
const char *ea_lu_find_dash(ea_str s, size_t *dlen);
/* Equal to one of the NULL-terminated literals, ignoring ASCII case and a
 * trailing ':' (when colon_ok). */
int ea_lu_is_heading(ea_str l, const char *const *names, int colon_ok);
/* A line that ends open, like a hard-wrapped line cut mid-sentence. */
int ea_lu_line_open(ea_str l);
/* Do the text lines (those for which skip() is 0) of a bounded prefix read
 * as hard-wrapped, so that a paragraph is a block of lines up to a blank
 * line rather than one line? */
int ea_lu_wrapped(const char *text, size_t len, int (*skip)(ea_str l));

/* ---- header metadata ---- */

/* "Apple Inc. (NASDAQ:AAPL) Q2 ...", "Apple (NASDAQ: AAPL)", "Apple (AAPL
 * -0.50%)": the company before the parenthesis, the exchange and ticker
 * inside. Returns 1 when found (exchange may be empty). */
int ea_lu_ticker(ea_str l, ea_str *company, ea_str *exchange, ea_str *ticker);
/* A header line of Seeking Alpha / Motley Fool: company, exchange and
 * ticker from "(EXCHANGE:TICKER)", the event title, period and date. The
 * article title ("Apple's (AAPL) CEO Tim Cook on Q2 2016 Results -
 * Earnings Call Transcript") and the call's own line ("Apple Inc.
 * (NASDAQ:AAPL) Q2 2016 Earnings Conference Call April 26, 2016") may both
 * be there: the fuller one wins (h keeps the ranks; start it zeroed). */
typedef struct {
    int title_rank, company_rank;
} ea_lu_header;
void ea_lu_header_line(ea_call *c, ea_str l, ea_lu_header *h);
/* Set c->info.period / date from a header line when still unknown. */
void ea_lu_period_date(ea_call *c, ea_str l);
/* The part of a title line before a trailing date ("... Call April 26,
 * 2016 5:00 PM ET" -> "... Call"). */
ea_str ea_lu_cut_date(ea_str l);

/* ---- participants and sections ---- */

/* A roster entry. company_side: the company's list (role executive, or ir
 * when the title says investor relations); otherwise the analysts' list
 * (role analyst). Returns the participant index or -1. */
int32_t ea_lu_roster(ea_call *c, ea_str name, ea_str title, ea_str affil, int company_side);
/* Is the title investor relations ("Investor Relations", "Head of IR",
 * "Director, IR")? */
int ea_lu_is_ir(ea_str title);

/* Call after a layout has fed all turns. When the document marked where
 * the Q&A starts (qa_marked), sections stay explicit: leading operator
 * turns become the intro, people who speak in the prepared remarks with
 * no known role are management (by behaviour), and from the operator turn
 * that ends the Q&A on the turns are the closing. Otherwise the sections
 * are left to model/finish.c to infer. */
void ea_lu_sections(ea_call *c, int qa_marked);

/* A paragraph line: in wrapped mode lines are joined until a blank line,
 * otherwise each line is one paragraph. Returns 0 or -1. */
int ea_lu_text(ea_call *c, const ea_lu_ln *ln, int wrapped);
#endif
