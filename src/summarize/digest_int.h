/* Private: the digest as data, built once and rendered in any format.
 * Everything lives in the digest's arena; text fields are generated UTF-8
 * (NUL-terminated), spans point into the call's text. */
#ifndef EA_DIGEST_INT_H
#define EA_DIGEST_INT_H
#include "earnest/earnest.h"
#include "util/arena.h"
#include "util/buf.h"

#define DG_MAX_CITES 8

typedef struct {
    ea_str text;          /* the bullet, without its citations */
    uint32_t cites[DG_MAX_CITES]; /* paragraph indices (0-based), ascending */
    uint32_t n_cites;
    ea_span quote;        /* the source sentence it compresses (may be empty) */
    int quote_translation;/* quote is from the paragraph's translation */
    const ea_fact *fact;  /* the figure it states, if it is one */
    const char *change;   /* guidance: "raised", "maintained", "lowered" */
} dg_item;

typedef struct {
    const char *id;       /* "results", ... (static) */
    const char *heading;  /* in the digest's language (static) */
    dg_item *items;
    size_t n;
} dg_section;

typedef struct {
    int32_t analyst;      /* participant index or -1 */
    ea_str name, firm;
    dg_item question;     /* the question in one line */
    dg_item answer;       /* the answer's key point */
    int32_t answerer;     /* participant index or -1 */
    const char *evasive;  /* why the answer is flagged (static), or NULL */
} dg_qa;

typedef struct {
    int32_t speaker;
    unsigned words, sentences, hedges, confident, forward;
} dg_tone;

typedef struct {
    const ea_call *call;
    const ea_facts *facts;
    ea_lang lang;             /* EA_LANG_EN, EA_LANG_ZH_HANS, EA_LANG_ZH_HANT */
    unsigned flags;
    ea_str title;             /* event title or company + period */
    dg_item *key;             /* key figures */
    size_t n_key;
    dg_item *guide;           /* guidance */
    size_t n_guide;
    dg_section *themes;       /* minutes, non-empty themes in order */
    size_t n_themes;
    dg_qa *qa;
    size_t n_qa;
    dg_tone *tone;            /* executives and analysts who spoke */
    size_t n_tone;
    unsigned forward_total;   /* forward-looking sentences in the call */
    ea_arena arena;
    int failed;               /* out of memory while building */
    /* Minutes of a Chinese call (zh_minutes.c), in English or Chinese:
       only `title` and `themes` are filled; the English text layout ends
       with the call's own title and time, the Chinese one is headed by
       them (title = the call's own, in the digest's script) */
    int zh_source;
    ea_str source_title;      /* the call's title as it writes it */
    ea_str when;              /* "2024-05-08 15:00"; empty when unknown */
} dg_t;

/* Build the digest (dg->arena initialised inside); 0 or -1 (no memory). */
int ea_dg_build(dg_t *dg, const ea_call *c, const ea_facts *fs, ea_lang lang, unsigned flags);
void ea_dg_free(dg_t *dg);

/* Themes (data/themes.txt): how many, and the theme a sentence is about
 * (-1 when none); *hits gets the number of cue words it holds. */
size_t ea_theme_count(void);
const char *ea_theme_id(size_t i);
const char *ea_theme_heading(size_t i, int zh);
int ea_theme_of(const char *s, size_t n, int *hits);

/* Figures as the digest writes them (src/summarize/build.c), for the
 * renderers that label things the same way: an amount or a range in the
 * digest's language (Chinese composed in Simplified), the same bytes in
 * the digest's script (Traditional when asked), whether a figure is worded
 * as a loss, and the guidance range an actual is compared with. */
void ea_dg_amount(const dg_t *dg, ea_buf *b, double v, const ea_fact *f);
void ea_dg_range(const dg_t *dg, ea_buf *b, const ea_fact *f, double lo, double hi);
void ea_dg_in_variant(const dg_t *dg, ea_buf *dst, const char *s, size_t n);
int ea_dg_is_loss(const ea_fact *f);
const ea_fact *ea_dg_guidance_for(const ea_facts *fs, const ea_fact *a);

/* Minutes of a Chinese call (src/summarize/zh_minutes.c): does the
 * call's own text read mostly Chinese; and fill dg (title, themes,
 * zh_source, source_title, when) from the facts, the domain packs' names
 * (the set in use on this thread) and data/zh_minutes.txt, in dg->lang
 * (English, or Chinese in Simplified or Traditional). 0 or -1. */
int ea_zhm_applies(const ea_call *c);
int ea_zhm_build(dg_t *dg);

/* Renderers (src/render/digest_*.c). */
ea_status ea_dg_write_text(const dg_t *dg, ea_write_fn write, void *ctx, int markdown);
ea_status ea_dg_write_json(const dg_t *dg, ea_write_fn write, void *ctx, int one_line);
ea_status ea_dg_write_html(const dg_t *dg, ea_write_fn write, void *ctx);
#endif
