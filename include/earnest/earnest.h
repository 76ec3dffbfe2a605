/*
 * earnest: read company calls (earnings calls, expert and industry calls).
 *
 * This is the one public header. Everything the library exports is declared
 * here or in the headers it includes, and every exported name starts with
 * `ea_` (functions, types) or `EA_` (constants).
 *
 * Conventions that hold for the whole API:
 *  - Strings are `ea_str`: pointer + length, UTF-8, never assumed to be
 *    NUL-terminated.
 *  - Byte offsets (`ea_span`) are [start, end) into the call's text
 *    (`ea_call_text()`): the input bytes themselves when the input was UTF-8
 *    (a BOM, if any, is kept and counted), or the UTF-8 the input was
 *    decoded to otherwise (`ea_call_info.encoding` says which).
 *  - Every `_new`/`_parse` has a `_free`; freeing NULL does nothing.
 *  - Functions that can fail return `ea_status` and fill an optional
 *    `ea_error`. The library never prints and never exits.
 *  - A parsed `ea_call` is read-only and may be read from several threads at
 *    once, except `ea_call_sentences()` whose first call on a given call
 *    computes and caches (call it once before sharing, or lock).
 */
#ifndef EARNEST_EARNEST_H
#define EARNEST_EARNEST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EA_VERSION_STRING "0.1.0"

/* ---- basics ------------------------------------------------------------ */

typedef struct {
    const char *ptr; /* UTF-8 bytes; NULL only when len == 0 */
    size_t len;
} ea_str;

typedef struct {
    size_t start, end; /* [start, end) byte offsets into ea_call_text() */
} ea_span;

typedef enum {
    EA_OK = 0,
    EA_ERR_USAGE,     /* bad argument or option to a library call */
    EA_ERR_IO,        /* cannot open/read/write a file (CLI helpers only) */
    EA_ERR_ENCODING,  /* bytes are not valid in the input encoding */
    EA_ERR_BINARY,    /* input looks like binary data, not text */
    EA_ERR_EMPTY,     /* input holds no text */
    EA_ERR_LIMIT,     /* a limit in ea_parse_options was exceeded */
    EA_ERR_SYNTAX,    /* a forced layout does not fit the input */
    EA_ERR_NOMEM,     /* allocation failed */
    EA_ERR_INTERNAL   /* a bug: please report */
} ea_status;

/* Filled by functions that fail. `message` is a static string (never free
 * it); `offset` is the byte offset in the *input* bytes where the problem
 * was found (SIZE_MAX when it has no position). `line` and `column` (1-based,
 * column counted in bytes) are computed from `offset` for people; 0 when
 * unknown. */
typedef struct {
    ea_status code;
    const char *message;
    size_t offset;
    size_t line, column;
} ea_error;

/* A static, human description of a status ("invalid UTF-8", ...). */
const char *ea_status_str(ea_status s);

/* ---- the call model ---------------------------------------------------- */

typedef enum {
    EA_LAYOUT_AUTO = 0,    /* detect (options only) */
    EA_LAYOUT_SPEAKER,     /* speaker blocks: a name line, then paragraphs */
    EA_LAYOUT_STREETEVENTS,/* Thomson Reuters / Refinitiv StreetEvents */
    EA_LAYOUT_SEEKINGALPHA,/* Seeking Alpha */
    EA_LAYOUT_FOOL,        /* Motley Fool text */
    EA_LAYOUT_FOOL_JSON,   /* Motley Fool JSON */
    EA_LAYOUT_BILINGUAL,   /* every paragraph followed by its translation */
    EA_LAYOUT_LINES,       /* one sentence a line, no speakers */
    EA_LAYOUT_VTT,         /* WebVTT */
    EA_LAYOUT_SRT,         /* SubRip */
    EA_LAYOUT_CHINESE,     /* Chinese transcript, 主持人: / 问: / 答: */
    EA_LAYOUT_PLAIN,       /* no recognisable structure: plain paragraphs */
    EA_LAYOUT_COUNT_
} ea_layout;

/* Stable lower-case names: "speaker", "streetevents", "seekingalpha",
 * "fool", "fool-json", "bilingual", "lines", "vtt", "srt", "chinese",
 * "plain" ("auto" for EA_LAYOUT_AUTO). */
const char *ea_layout_name(ea_layout l);
/* Returns EA_LAYOUT_COUNT_ when the name is unknown. */
ea_layout ea_layout_from_name(const char *name, size_t len);

typedef enum {
    EA_LANG_UNKNOWN = 0,
    EA_LANG_EN,
    EA_LANG_ZH_HANS,
    EA_LANG_ZH_HANT,
    EA_LANG_OTHER,
    EA_LANG_COUNT_
} ea_lang;
/* "und", "en", "zh-Hans", "zh-Hant", "other" */
const char *ea_lang_name(ea_lang l);

typedef enum {
    EA_ROLE_UNKNOWN = 0,
    EA_ROLE_OPERATOR,
    EA_ROLE_EXECUTIVE,
    EA_ROLE_IR,
    EA_ROLE_ANALYST,
    EA_ROLE_HOST,
    EA_ROLE_EXPERT,
    EA_ROLE_COUNT_
} ea_role;
/* "unknown", "operator", "executive", "ir", "analyst", "host", "expert" */
const char *ea_role_name(ea_role r);

typedef enum {
    EA_SECTION_INTRO = 0,
    EA_SECTION_PREPARED,
    EA_SECTION_QA,
    EA_SECTION_CLOSING,
    EA_SECTION_COUNT_
} ea_section;
/* "intro", "prepared", "qa", "closing" */
const char *ea_section_name(ea_section s);

/* Where a participant's role came from (for --explain and for trust). */
typedef enum {
    EA_FROM_NONE = 0,
    EA_FROM_ROSTER,    /* a participants list in the document */
    EA_FROM_TITLE,     /* the title on the speaker line */
    EA_FROM_BEHAVIOUR, /* who asks, who answers, who introduces */
    EA_FROM_NAME       /* the speaker's label itself ("Operator", "问") */
} ea_role_source;

typedef struct {
    ea_str name;        /* as the document writes it */
    ea_str title;       /* "Chief Financial Officer"; empty when unknown */
    ea_str affiliation; /* company or firm; empty when unknown */
    ea_role role;
    ea_role_source role_from;
} ea_participant;

typedef struct {
    int32_t speaker;    /* index into participants; -1 when unknown */
    ea_section section;
    uint32_t first_para;/* index (0-based) of its first paragraph */
    uint32_t n_paras;   /* its paragraphs are first_para .. first_para+n-1 */
    ea_span span;       /* from the speaker line to the end of its text */
} ea_turn;

/* When a paragraph's text is not one contiguous run of the call's text (cues
 * merged from a subtitle file, hard-wrapped lines joined), `pieces` maps it:
 * text bytes [text_off, text_off+len) come from [src, src+len). */
typedef struct {
    uint32_t text_off, len;
    size_t src;
} ea_piece;

typedef struct {
    uint32_t n;          /* 1-based paragraph number: what citations use */
    uint32_t turn;       /* index into turns */
    ea_lang lang;
    ea_str text;         /* the paragraph, whitespace-trimmed */
    ea_span span;        /* covers the whole paragraph in the call's text */
    const ea_piece *pieces; /* NULL when text is exactly the bytes at span */
    uint32_t n_pieces;
    /* translation, for bilingual calls */
    int has_translation;
    ea_lang tr_lang;
    ea_str tr_text;
    ea_span tr_span;
    /* times in seconds, for subtitle input */
    int has_time;
    double t_start, t_end;
} ea_paragraph;

typedef struct {
    uint32_t para;       /* index (0-based) of its paragraph */
    ea_span span;        /* in the call's text */
    ea_str text;
} ea_sentence;

typedef struct {
    int32_t analyst;          /* participant who asks; -1 when unknown */
    uint32_t first_turn;      /* the exchange covers these turns, */
    uint32_t n_turns;         /* operator hand-offs excluded */
    const uint32_t *question_paras; /* paragraph indices (0-based) */
    uint32_t n_question_paras;
    const uint32_t *answer_turns;   /* turn indices */
    uint32_t n_answer_turns;
} ea_exchange;

typedef struct {
    ea_str company;      /* "Applied Optoelectronics" */
    ea_str ticker;       /* "AAOI" */
    ea_str exchange;     /* "NASDAQ" */
    ea_str event_title;  /* "Q1 2024 Applied Optoelectronics Inc Earnings Call" */
    ea_str period;       /* normalised: "2024Q1", "2024H1", "FY2024" */
    int period_inferred; /* 1: no header states the period; it is the
                            quarter the call names most (a guess) */
    ea_str date;         /* ISO 8601 "2024-05-08" */
    ea_layout layout;
    const char *encoding;/* "utf-8", "utf-8-bom", "utf-16le", "windows-1252", ... */
    ea_str summary;      /* bilingual header summary (metadata, not speech) */
    ea_span summary_span;
    ea_str disclaimer;   /* translation disclaimer */
    ea_span disclaimer_span;
    uint32_t lang_mask;  /* bit (1u << ea_lang) for each language seen */
} ea_call_info;

typedef struct ea_call ea_call;

/* Parse flags */
#define EA_PARSE_LOSSY 0x1u   /* replace undecodable bytes with U+FFFD */
#define EA_PARSE_STRICT_UTF8 0x2u /* no Windows-1252 fallback */

typedef struct {
    ea_layout layout;      /* EA_LAYOUT_AUTO to detect */
    const char *encoding;  /* NULL: UTF-8 (BOM/UTF-16 BOM honoured,
                              Windows-1252 fallback); or "utf-8",
                              "windows-1252", "gb18030", "big5",
                              "utf-16le", "utf-16be", "latin1" */
    unsigned flags;
    size_t max_input;      /* bytes; default 256 MiB */
    size_t max_line;       /* bytes in one line; default 16 MiB */
    uint32_t max_paragraphs; /* default 1,000,000 */
    uint32_t max_participants; /* default 10,000 */
} ea_parse_options;

/* Fill `opt` with the defaults. */
void ea_parse_options_init(ea_parse_options *opt);

/* Parse `len` bytes at `data` (need not be NUL-terminated; may contain any
 * bytes) into a call. `opt` may be NULL for defaults. On success returns
 * EA_OK and sets *out to a call the caller owns (ea_call_free). On failure
 * returns the status, sets *out to NULL and fills *err if err is not NULL.
 * The call copies what it needs: `data` may be freed on return.
 * Time and memory are linear in `len`. */
ea_status ea_call_parse(const char *data, size_t len,
                        const ea_parse_options *opt, ea_call **out,
                        ea_error *err);

void ea_call_free(ea_call *call);

/* The text every span points into (UTF-8, NUL-terminated for convenience;
 * the NUL is not counted in *len). Lives as long as the call. */
const char *ea_call_text(const ea_call *call, size_t *len);

/* All returned pointers below live as long as the call. */
const ea_call_info *ea_call_get_info(const ea_call *call);
size_t ea_call_participant_count(const ea_call *call);
const ea_participant *ea_call_participant(const ea_call *call, size_t i);
size_t ea_call_turn_count(const ea_call *call);
const ea_turn *ea_call_turn(const ea_call *call, size_t i);
size_t ea_call_paragraph_count(const ea_call *call);
const ea_paragraph *ea_call_paragraph(const ea_call *call, size_t i);
size_t ea_call_exchange_count(const ea_call *call);
const ea_exchange *ea_call_exchange(const ea_call *call, size_t i);

/* Sentences of all paragraphs (originals, not translations), in order.
 * Computed on the first call and cached; returns NULL with *n = 0 when out
 * of memory. Not thread-safe on the first call for a given `call`. */
const ea_sentence *ea_call_sentences(const ea_call *call, size_t *n);

/* Map a byte offset inside paragraph `p`'s text to an offset in the call's
 * text (exact for joined paragraphs too). */
size_t ea_paragraph_src_offset(const ea_paragraph *p, size_t text_off);

/* Notes for people: how the layout was chosen, what was decoded or
 * guessed. One note per line, UTF-8, NUL-terminated; never NULL. */
const char *ea_call_explain(const ea_call *call);
const char *ea_call_warnings(const ea_call *call);

/* ---- output ------------------------------------------------------------ */

/* Output sink: called with successive chunks; return 0 to go on, non-zero
 * to stop (the renderer then returns EA_ERR_IO). */
typedef int (*ea_write_fn)(void *ctx, const char *data, size_t len);

#define EA_JSON_SENTENCES 0x1u /* include "sentences" */
#define EA_JSON_PRETTY 0x2u    /* indent */

/* Write the call model as JSON (schema: docs/call-model.md). Every string
 * is escaped; output is valid UTF-8. */
ea_status ea_call_write_json(const ea_call *call, unsigned flags,
                             ea_write_fn write, void *ctx);

/* Write the call as readable text: header, participants, then each turn
 * with its speaker and numbered paragraphs ([n]), translations indented. */
ea_status ea_call_write_text(const ea_call *call, unsigned flags, ea_write_fn write, void *ctx);

/* ---- facts: the numbers that matter ------------------------------------ */

typedef enum { EA_FACT_ACTUAL = 0, EA_FACT_GUIDANCE, EA_FACT_TARGET } ea_fact_kind;
/* "actual", "guidance", "target" */
const char *ea_fact_kind_name(ea_fact_kind k);

typedef enum { EA_VS_NONE = 0, EA_VS_BELOW, EA_VS_WITHIN, EA_VS_ABOVE } ea_vs;
/* NULL, "below", "within", "above" */
const char *ea_vs_name(ea_vs v);

/* One number with its meaning and source. Strings are empty (len 0) when
 * absent. `metric` is an id from data/metrics.txt ("revenue", "eps", ...)
 * or "other"; `metric_phrase` is how the call said it. */
typedef struct {
    ea_str metric;
    ea_str metric_phrase;
    ea_str basis;     /* "gaap", "non_gaap", "adjusted", "organic", "constant_currency" */
    ea_str segment;   /* "data center"; empty for the company total */
    ea_str company;   /* whom the number is about, when not the call's company */
    ea_str period;    /* "2024Q1", "FY2024", "2024H2" */
    int period_implied; /* 1 when the sentence names no period and `period`
                           is the call's own (the next one for guidance) */
    ea_fact_kind kind;
    int has_value;    /* 1 when value (or low/high) holds a number */
    int is_change;    /* value is a change in percent ("grew 12%", "up 8% to
                         11%"), not a level; yoy/qoq say against what */
    double value;     /* base units: USD not millions; 18.9 for 18.9% */
    int is_range;
    double low, high;
    const char *unit; /* "USD", "CNY", "%", "pp", "bps", "x", "shares", "" */
    int per_share;
    int approx;
    int has_yoy, has_qoq;
    double yoy_pct, qoq_pct; /* signed: -23 for "down 23% year over year" */
    ea_vs vs_guidance;
    /* provenance */
    uint32_t para;    /* paragraph index (0-based; its number is para + 1) */
    int in_translation; /* read from the paragraph's translation */
    ea_span span;     /* the number phrase in the call's text */
    ea_span sentence; /* its sentence in the call's text */
    int32_t speaker;  /* participant index or -1 */
    double stated;    /* the first number as written (40.7 in "$40.7 million") */
} ea_fact;

/* A disagreement between an original and its translation. */
typedef struct {
    uint32_t para;
    const char *what;  /* static: "value differs", "missing in translation", ... */
    ea_span orig;      /* the original's number phrase */
    ea_span trans;     /* the translation's number phrase (empty when missing) */
    double orig_value, trans_value;
} ea_finding;

typedef struct ea_facts ea_facts;

/* Extract the facts of a parsed call. The result borrows from `call`:
 * free it before the call. Linear in the text size. Companies are linked
 * with the built-in domain packs; ea_facts_extract_opts (below, with the
 * entities) takes packs of your own. */
ea_status ea_facts_extract(const ea_call *call, ea_facts **out, ea_error *err);
void ea_facts_free(ea_facts *f);
size_t ea_facts_count(const ea_facts *f);
const ea_fact *ea_facts_get(const ea_facts *f, size_t i);
size_t ea_facts_finding_count(const ea_facts *f);
const ea_finding *ea_facts_finding(const ea_facts *f, size_t i);

/* Write facts as JSON (schema: docs/facts.md), CSV (RFC 4180, one fact a
 * row), or an aligned text table. */
ea_status ea_facts_write_json(const ea_facts *f, unsigned flags, ea_write_fn write, void *ctx);
ea_status ea_facts_write_csv(const ea_facts *f, ea_write_fn write, void *ctx);
ea_status ea_facts_write_table(const ea_facts *f, ea_write_fn write, void *ctx);

/* ---- digest ------------------------------------------------------------ */

#define EA_BULLETS_CITE 0x1u /* end each bullet with its [n] citation */

/* Headline bullets in the short-line style of wire-service summaries, one
 * a line ("q1 revenue fell 23 percent to $40.7 million."): the quarter's
 * EPS and revenue, and the guidance. Every number is one the call states.
 * `facts` must come from `call`. */
ea_status ea_digest_write_bullets(const ea_call *call, const ea_facts *facts, unsigned flags, ea_write_fn write,
                                  void *ctx);

typedef enum {
    EA_DIGEST_TEXT = 0, /* for a terminal */
    EA_DIGEST_MD,       /* Markdown, the numbered source paragraphs after */
    EA_DIGEST_HTML,     /* one self-contained file: no network, no scripts */
    EA_DIGEST_JSON      /* every part, for programs (docs/digest.md) */
} ea_digest_format;

#define EA_DIGEST_QUOTE 0x1u  /* quote the source sentence under each bullet */
#define EA_DIGEST_NDJSON 0x2u /* JSON on one line (for --ndjson streams) */

typedef struct {
    ea_digest_format format;
    ea_lang lang;     /* EA_LANG_EN (default when UNKNOWN), EA_LANG_ZH_HANS or
                         EA_LANG_ZH_HANT: generated text in that language */
    unsigned flags;   /* EA_DIGEST_* */
    /* The companies' names (a call in Chinese is digested in English with
     * them: "Eoptolink (新易盛)"): NULL for the built-in packs, or the set
     * the facts were extracted with (ea_facts_options.entities). Borrowed
     * for the call to ea_digest_write. */
    const struct ea_entities *entities;
} ea_digest_options;

void ea_digest_options_init(ea_digest_options *opt);

/* The digest of a call: header, key figures, guidance, themed minutes with
 * [n] citations, Q&A digest and tone, in the chosen format. Every number
 * it prints is a value stated in a paragraph it cites. `facts` must come
 * from `call`. Returns EA_ERR_IO when `write` fails, EA_ERR_NOMEM. */
ea_status ea_digest_write(const ea_call *call, const ea_facts *facts, const ea_digest_options *opt,
                          ea_write_fn write, void *ctx);

/* ---- entities ---------------------------------------------------------- */

/* Companies and products a call names, from domain packs: plain text files
 * of names (format: docs/lexicon.md). The packs in data/domain/ are built
 * into the library; more can be loaded from files or memory (the CLI's
 * --lexicon FILE). ASCII names match case-insensitively on word boundaries
 * (an acronym also in the plural: "DSPs"); Chinese names match anywhere,
 * also in the Traditional form of each character; the longest name wins. */

typedef enum {
    EA_ENTITY_COMPANY = 0,
    EA_ENTITY_PRODUCT,    /* a product or a technology: 800G, CPO, 硅光 */
    EA_ENTITY_KIND_COUNT_
} ea_entity_kind;
/* "company", "product" */
const char *ea_entity_kind_name(ea_entity_kind k);

/* One entity. Every string lives as long as its set. */
typedef struct {
    ea_str id;           /* the pack's id: "eoptolink" */
    ea_entity_kind kind;
    ea_str name;         /* canonical English name: "Eoptolink"; the Chinese
                            name when the pack gives no English one */
    ea_str name_zh;      /* canonical Chinese name: "新易盛"; empty when none */
    ea_str name_zh_hant; /* its Traditional form: the first Traditional name
                            the pack lists, else name_zh converted character
                            by character; empty when no Chinese name */
    ea_str ticker;       /* "300502.SZ", "AAOI"; empty when not given */
} ea_entity;

/* Where a text names an entity. */
typedef struct {
    const ea_entity *entity; /* lives as long as the set */
    ea_span span;       /* ea_entities_find: [start, end) in the text given;
                           call mentions: in ea_call_text() */
    uint32_t para;      /* call mentions: paragraph index (0-based); else 0 */
    int in_translation; /* call mentions: found in the paragraph's translation */
} ea_mention;

typedef struct ea_entities ea_entities;

#define EA_ENTITIES_NO_BUILTIN 0x1u /* start empty: no built-in packs */

/* A new set holding the built-in packs (unless EA_ENTITIES_NO_BUILTIN).
 * The caller owns *out (ea_entities_free). EA_ERR_NOMEM when out of memory.
 * A set may be searched from several threads at once; loading into it
 * must not overlap with anything else on it. */
ea_status ea_entities_new(unsigned flags, ea_entities **out, ea_error *err);
void ea_entities_free(ea_entities *set);

/* The built-in packs, built once and shared (never free it); NULL only
 * when out of memory. Thread-safe. */
const ea_entities *ea_entities_default(void);

/* Add the entries of a pack held in memory (`data` need not be
 * NUL-terminated; it is copied). All or nothing: on an error the set is
 * unchanged, and *err says what, with the byte offset in `data` and its
 * line and column: EA_ERR_SYNTAX (a malformed line), EA_ERR_ENCODING (not
 * UTF-8), EA_ERR_LIMIT (more than 16 MiB, a name over 255 bytes, more than
 * 1,000,000 names). An id already in the set adds names to that entity;
 * a name already in the set is taken over by the later entry. */
ea_status ea_entities_load(ea_entities *set, const char *data, size_t len, ea_error *err);
/* The same for a file; EA_ERR_IO (offset SIZE_MAX) when it cannot be read. */
ea_status ea_entities_load_file(ea_entities *set, const char *path, ea_error *err);

size_t ea_entities_count(const ea_entities *set);
/* NULL when i is out of range. */
const ea_entity *ea_entities_get(const ea_entities *set, size_t i);
/* By id (exact bytes); NULL when unknown. */
const ea_entity *ea_entities_lookup(const ea_entities *set, const char *id, size_t len);

/* Called for each mention in order of position; return non-zero to stop. */
typedef int (*ea_mention_fn)(void *ctx, const ea_mention *m);

/* Find the mentions in [text, text+len) (UTF-8; need not be
 * NUL-terminated). Mentions do not overlap. Returns how many were passed
 * to `cb`. Time is linear in len (each position reads at most the longest
 * name of the set). */
size_t ea_entities_find(const ea_entities *set, const char *text, size_t len, ea_mention_fn cb, void *ctx);

/* The mentions of a whole call, paragraph by paragraph (originals and
 * translations). `set` NULL means ea_entities_default() (inside
 * ea_facts_extract_opts: the set its options name). The result borrows
 * from `call` and `set`: free it before either. */
typedef struct ea_mentions ea_mentions;
ea_status ea_mentions_find(const ea_entities *set, const ea_call *call, ea_mentions **out, ea_error *err);
void ea_mentions_free(ea_mentions *m);
/* Ordered by paragraph, the original before its translation, then by
 * position. */
size_t ea_mentions_count(const ea_mentions *m);
const ea_mention *ea_mentions_get(const ea_mentions *m, size_t i);
/* The mentions of paragraph `para` (0-based) are ea_mentions_get(m, *first)
 * onwards; returns how many (0 when none or para is out of range). */
size_t ea_mentions_in_paragraph(const ea_mentions *m, uint32_t para, size_t *first);
/* The last mention of an entity of `kind` in paragraph `para` that starts
 * before byte `before` of the call's text, on the same side (original or
 * translation) as `before`; NULL when none. For "whom is this number
 * about": pass a fact's span.start. */
const ea_mention *ea_mentions_before(const ea_mentions *m, uint32_t para, ea_entity_kind kind, size_t before);

/* ---- facts linked with your own packs ---------------------------------- */

/* Options for ea_facts_extract_opts; ea_facts_options_init gives the
 * defaults (what ea_facts_extract does). */
typedef struct {
    /* The companies a fact may be about (ea_fact.company): NULL for the
     * built-in packs, or a set of your own (ea_entities_new, then
     * ea_entities_load_file: the CLI's --lexicon FILE). Borrowed: the
     * facts point into it, so free them before the set. */
    const ea_entities *entities;
} ea_facts_options;

void ea_facts_options_init(ea_facts_options *opt);

/* ea_facts_extract with options; `opt` NULL is the defaults. Several
 * threads may extract with one set at once (it is only searched). */
ea_status ea_facts_extract_opts(const ea_call *call, const ea_facts_options *opt, ea_facts **out, ea_error *err);

/* ---- Chinese scripts --------------------------------------------------- */

#define EA_ZH_TAIWAN 0x1u /* Taiwan forms and phrases (软件 -> 軟體): OpenCC's
                             s2twp / tw2sp; no effect without OpenCC */

/* Convert Chinese text to Simplified (to = EA_LANG_ZH_HANS) or Traditional
 * (EA_LANG_ZH_HANT), passing the result to `write` in one or more chunks.
 * Everything but Chinese characters is copied as it is. When the library
 * is built with OpenCC and can open its data (ea_zh_convert_engine()
 * returns "opencc"), words convert as words (头发 -> 頭髮, 发展 -> 發展);
 * otherwise ("builtin") characters convert one by one from
 * data/zh_variants.txt, which holds only the characters that differ most
 * often: good enough for names and generated text, not for documents.
 * `text` (len bytes, need not be NUL-terminated) must be valid UTF-8:
 * EA_ERR_ENCODING with the offset otherwise. EA_ERR_USAGE for another
 * `to`; EA_ERR_IO when `write` fails; EA_ERR_NOMEM. Traditional is as
 * written in Taiwan and Hong Kong (為, not 爲). Thread-safe. */
ea_status ea_zh_convert(const char *text, size_t len, ea_lang to, unsigned flags, ea_write_fn write, void *ctx,
                        ea_error *err);
/* "opencc" or "builtin" (static). */
const char *ea_zh_convert_engine(void);

/* ---- verify ------------------------------------------------------------ */

/* Check a summary of a call against the call: any text, one claim a line,
 * English or Chinese, with or without [n] citations (paragraph numbers as
 * in `earnest parse`), written by a person, a model or earnest itself.
 *
 * Every number of every line is read with the extractor's quantity scanner
 * ("$1.2 billion", "1,200 million", "4,070万美元", "1.6亿", "23%",
 * "23 percent", "($0.31)"); years, dates, quarter names, list numbers and
 * [n] markers are not numbers. A number is stated when a paragraph states
 * it (original or translation: a value, a range end, a change), compared
 * in base units and accepting the summary's rounding: the call's figure
 * must round to the summary's at the summary's last digit ($1.72 billion
 * may be written $1.7 billion, not $1.8 billion), and a one-digit amount
 * ("$2 billion") must be within 10%. A line's [n] markers are its
 * citations: its numbers must be stated in a cited paragraph. A number
 * stated nowhere passes when it is the difference or percent change of two
 * numbers stated in the paragraphs the line's other numbers (or citations)
 * come from. The rules in full: docs/verify.md. */
typedef enum {
    EA_VERIFY_UNSTATED = 0,     /* a number the call never states */
    EA_VERIFY_WRONG_SCALE,      /* the call states the digits at another
                                   scale (million for billion, 万 for 亿) */
    EA_VERIFY_WRONG_SIGN,       /* "rose 5%" where the call says it fell 5%;
                                   a loss stated as earnings */
    EA_VERIFY_WRONG_UNIT,       /* the call states the number in another unit
                                   (23% vs 23 basis points, $5 vs 5%) */
    EA_VERIFY_WRONG_PERIOD,     /* the call states it for another period than
                                   the one the line names (q1, fy 2021,
                                   2024年第一季度) */
    EA_VERIFY_CITE_UNSUPPORTED, /* no cited paragraph states the number (an
                                   uncited one does), or a line without
                                   numbers shares no words with what it cites */
    EA_VERIFY_CITE_RANGE,       /* [n] names no paragraph of the call */
    EA_VERIFY_COMPANY,          /* a company (one the built-in packs, or the
                                   set of ea_verify_options.entities, know)
                                   that no cited paragraph names, or, on a
                                   line without citations, the call never
                                   names */
    EA_VERIFY_KIND_COUNT_
} ea_verify_kind;
/* "unstated", "wrong_scale", "wrong_sign", "wrong_unit", "wrong_period",
 * "citation_unsupported", "citation_out_of_range", "company_unsupported";
 * NULL when out of range. */
const char *ea_verify_kind_name(ea_verify_kind k);

/* One problem in the summary. Strings point into the result's copy of the
 * summary (text, line_text) or into the call's text (source_text). */
typedef struct {
    ea_verify_kind kind;
    size_t line, column;   /* 1-based; the column counts bytes */
    ea_span span;          /* the number phrase, or the [n] marker, as byte
                              offsets into the summary */
    ea_str text;           /* those bytes */
    ea_str line_text;      /* the whole line, without its line break */
    int is_number;         /* 1: about a number (value, unit say which);
                              0: about a citation or a company name */
    double value;          /* the summary's number in base units (one end of
                              a range), signed as written */
    const char *unit;      /* static: "USD", "CNY", ..., "%", "pp", "x", "" */
    const char *why;       /* static, one short sentence for people */
    /* the nearest source figure: the one the line seems to mean */
    int has_source;
    uint32_t source_para;  /* paragraph index (0-based; its number is +1) */
    int source_in_translation;
    ea_span source_span;   /* in the call's text */
    ea_str source_text;
    double source_value;   /* base units, signed as the call states it */
    char source_period[8]; /* "2024Q1", "FY2024" from the fact there; "" */
} ea_verify_finding;

typedef struct {
    size_t lines;     /* lines holding anything but white space */
    size_t numbers;   /* numbers checked (each end of a range counts) */
    size_t stated;    /* numbers stated as written, with no finding */
    size_t derived;   /* numbers accepted as a derivation, with no finding */
    size_t citations; /* [n] references read */
    size_t findings;  /* all findings; by kind below */
    size_t by_kind[EA_VERIFY_KIND_COUNT_];
} ea_verify_stats;

typedef struct ea_verify_result ea_verify_result;

/* Check `len` bytes of `summary` (UTF-8; a BOM is skipped; need not be
 * NUL-terminated) against `call`. `facts` must come from `call`, or be
 * NULL to have them extracted here. On success returns EA_OK and sets *out
 * to a result the caller owns (ea_verify_free; free it before the call).
 * Summary bytes that are not UTF-8, or a NUL byte, give EA_ERR_ENCODING
 * with the offset, line and column in *err; over 256 MiB, EA_ERR_LIMIT.
 * Time is O((s + c) log c) for a summary of s bytes and a call of c. */
ea_status ea_verify_summary(const ea_call *call, const ea_facts *facts, const char *summary, size_t len,
                            ea_verify_result **out, ea_error *err);

/* Options for ea_verify_summary_opts; ea_verify_options_init gives the
 * defaults (what ea_verify_summary does). */
typedef struct {
    /* The companies checked (EA_VERIFY_COMPANY): NULL for the built-in
     * packs, or a set of your own (ea_entities_new, then
     * ea_entities_load_file: the CLI's --lexicon FILE), normally the one
     * `facts` were extracted with (ea_facts_options.entities). Its
     * companies are checked by every name it gives them, English,
     * Simplified or Traditional; a set made with EA_ENTITIES_NO_BUILTIN
     * checks only its own. When `facts` is NULL they are extracted with
     * this set too. Borrowed for the call only: the result does not point
     * into it, so the set may be freed before the result. */
    const ea_entities *entities;
} ea_verify_options;

void ea_verify_options_init(ea_verify_options *opt);

/* ea_verify_summary with options; `opt` NULL is the defaults. Several
 * threads may verify with one set at once (it is only searched). */
ea_status ea_verify_summary_opts(const ea_call *call, const ea_facts *facts, const ea_verify_options *opt,
                                 const char *summary, size_t len, ea_verify_result **out, ea_error *err);
void ea_verify_free(ea_verify_result *r);
/* Findings in summary order. Pointers live as long as the result. */
size_t ea_verify_count(const ea_verify_result *r);
const ea_verify_finding *ea_verify_get(const ea_verify_result *r, size_t i);
const ea_verify_stats *ea_verify_get_stats(const ea_verify_result *r);

/* The findings for people: "NAME:LINE:COLUMN: kind "text": why", the line,
 * the nearest source figure with its [n], then one line of totals. `name`
 * (the summary's file name) may be NULL. Control bytes are not written. */
ea_status ea_verify_write_text(const ea_verify_result *r, const char *name, ea_write_fn write, void *ctx);
/* The same as one JSON object (docs/verify.md); flags: EA_JSON_PRETTY. */
ea_status ea_verify_write_json(const ea_verify_result *r, unsigned flags, ea_write_fn write, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
