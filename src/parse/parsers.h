/* Private: the layout parsers. Each layout has a sniffer, which scores how
 * well the start of a text fits it, and a parser, which feeds the builder
 * (model/call_int.h). Both see UTF-8 text; parsers are linear in its size. */
#ifndef EA_PARSERS_H
#define EA_PARSERS_H
#include <stdio.h>

#include "model/call_int.h"

/* How far a sniffer may look: the first 64 KiB / 800 lines at most. */
#define EA_SNIFF_BYTES 65536u
#define EA_SNIFF_LINES 800u

typedef struct {
    int score;     /* 0 (not this layout) .. 100 (certain) */
    char why[240]; /* one line for --explain: the evidence */
} ea_sniff;

/* text/len: the decoded text after any BOM. */
typedef void (*ea_sniff_fn)(const char *text, size_t len, ea_sniff *out);
/* Parse c->text from byte `start` to the end, through the builder. Returns 0,
 * or -1 after ea_b_fail(). Set c->info fields the layout's header gives. */
typedef int (*ea_parse_fn)(ea_call *c, size_t start);

#define EA_LAYOUT_FN(name)                                              \
    void ea_sniff_##name(const char *text, size_t len, ea_sniff *out); \
    int ea_parse_##name(ea_call *c, size_t start);

EA_LAYOUT_FN(speaker)
EA_LAYOUT_FN(streetevents)
EA_LAYOUT_FN(seekingalpha)
EA_LAYOUT_FN(fool)
EA_LAYOUT_FN(fool_json)
EA_LAYOUT_FN(bilingual)
EA_LAYOUT_FN(lines)
EA_LAYOUT_FN(vtt)
EA_LAYOUT_FN(srt)
EA_LAYOUT_FN(chinese)
EA_LAYOUT_FN(plain)

/* ---- shared pieces (parse/speaker_line.c) ---- */

typedef struct {
    ea_str name, title, affil;
    int number;          /* StreetEvents "[7]"; -1 when absent */
    ea_role role;        /* from the title or the name; UNKNOWN if neither */
    ea_role_source from;
} ea_speaker_line;

/* Does this whole line read as a speaker header ("Operator",
 * "Name - Title", "Name -- Company -- Analyst", "Name, Company - Title [7]")?
 * Bare names ("Jane Smith") count only when `allow_bare`. Returns 1 and
 * fills *out, or 0. */
int ea_speaker_line_parse(ea_str line, int allow_bare, ea_speaker_line *out);
/* Does s look like a person's name (1-5 capitalised words, initials,
 * particles; no digits, no sentence punctuation)? */
int ea_looks_like_name(ea_str s);
/* Role implied by a title or label ("Chief Financial Officer" ->
 * executive, "Analyst" -> analyst, "Investor Relations" -> ir,
 * "主持人" -> host); EA_ROLE_UNKNOWN when nothing fits. */
ea_role ea_role_from_title(ea_str title);
/* Split "Company - Title" or "Title, Company"-ish text after a name. */
void ea_split_affil_title(ea_str rest, ea_str *affil, ea_str *title);

/* Paragraph text in a wrapped document: are lines hard-wrapped, so that
 * consecutive non-blank lines form one paragraph? Looks at a bounded
 * prefix. */
int ea_text_is_wrapped(const char *text, size_t len);
#endif
