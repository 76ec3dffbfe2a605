/* ea_call_parse: decode, detect the layout, run its parser, finish the
 * model. */
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "model/call_int.h"
#include "parse/parsers.h"

typedef struct {
    ea_layout layout;
    ea_sniff_fn sniff;
    ea_parse_fn parse;
} layout_entry;

/* Order breaks ties: more specific layouts first. */
static const layout_entry layouts[] = {
    {EA_LAYOUT_VTT, ea_sniff_vtt, ea_parse_vtt},
    {EA_LAYOUT_SRT, ea_sniff_srt, ea_parse_srt},
    {EA_LAYOUT_FOOL_JSON, ea_sniff_fool_json, ea_parse_fool_json},
    {EA_LAYOUT_STREETEVENTS, ea_sniff_streetevents, ea_parse_streetevents},
    {EA_LAYOUT_SEEKINGALPHA, ea_sniff_seekingalpha, ea_parse_seekingalpha},
    {EA_LAYOUT_FOOL, ea_sniff_fool, ea_parse_fool},
    {EA_LAYOUT_BILINGUAL, ea_sniff_bilingual, ea_parse_bilingual},
    {EA_LAYOUT_CHINESE, ea_sniff_chinese, ea_parse_chinese},
    {EA_LAYOUT_SPEAKER, ea_sniff_speaker, ea_parse_speaker},
    {EA_LAYOUT_LINES, ea_sniff_lines, ea_parse_lines},
    {EA_LAYOUT_PLAIN, ea_sniff_plain, ea_parse_plain},
};
#define N_LAYOUTS (sizeof layouts / sizeof layouts[0])
/* Below this score no layout is trusted and the text is read as plain
 * paragraphs. */
#define MIN_SCORE 20

void ea_parse_options_init(ea_parse_options *o) {
    memset(o, 0, sizeof *o);
    o->layout = EA_LAYOUT_AUTO;
    o->max_input = (size_t)256 << 20;
    o->max_line = (size_t)16 << 20;
    o->max_paragraphs = 1000000;
    o->max_participants = 10000;
}

static void set_pos(ea_error *err, const char *data, size_t len) {
    if (!err) return;
    err->line = err->column = 0;
    if (err->offset == SIZE_MAX || err->offset > len) return;
    size_t line = 1, col_start = 0;
    const char *p = data, *end = data + err->offset;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) break;
        line++;
        col_start = (size_t)(nl - data) + 1;
        p = nl + 1;
    }
    err->line = line;
    err->column = err->offset - col_start + 1;
}

static ea_status fail(ea_error *err, ea_status code, const char *msg, size_t off) {
    if (err) {
        err->code = code;
        err->message = msg;
        err->offset = off;
        err->line = err->column = 0;
    }
    return code;
}

static const layout_entry *entry_for(ea_layout l) {
    for (size_t i = 0; i < N_LAYOUTS; i++)
        if (layouts[i].layout == l) return &layouts[i];
    return NULL;
}

/* The longest line, found once over the text (linear). */
static size_t longest_line(const char *t, size_t n, size_t *at) {
    size_t best = 0, pos = 0;
    *at = 0;
    while (pos < n) {
        const char *nl = memchr(t + pos, '\n', n - pos);
        size_t e = nl ? (size_t)(nl - t) : n;
        if (e - pos > best) {
            best = e - pos;
            *at = pos;
        }
        pos = e + 1;
    }
    return best;
}

ea_status ea_call_parse(const char *data, size_t len, const ea_parse_options *opt_in,
                        ea_call **out, ea_error *err) {
    ea_parse_options opt;
    if (opt_in) opt = *opt_in;
    else ea_parse_options_init(&opt);
    if (!opt.max_input) opt.max_input = (size_t)256 << 20;
    if (!opt.max_line) opt.max_line = (size_t)16 << 20;
    if (!opt.max_paragraphs) opt.max_paragraphs = 1000000;
    if (!opt.max_participants) opt.max_participants = 10000;
    if (out) *out = NULL;
    if (!out || (!data && len)) return fail(err, EA_ERR_USAGE, "NULL argument", SIZE_MAX);
    if ((unsigned)opt.layout >= EA_LAYOUT_COUNT_)
        return fail(err, EA_ERR_USAGE, "unknown layout", SIZE_MAX);
    if (len > opt.max_input)
        return fail(err, EA_ERR_LIMIT, "input larger than the size limit (max_input)", opt.max_input);

    ea_decoded dec;
    ea_status st = ea_decode(data ? data : "", len, opt.encoding, opt.flags, &dec, err);
    if (st != EA_OK) {
        set_pos(err, data, len);
        return st;
    }
    ea_call *c = calloc(1, sizeof *c);
    if (!c) {
        free(dec.text);
        return fail(err, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    }
    ea_arena_init(&c->arena, 64 * 1024);
    ea_buf_init(&c->explain, 1 << 20);
    ea_buf_init(&c->warnings, 1 << 20);
    ea_buf_init(&c->ptext, opt.max_line);
    c->opt = opt;
    c->text = dec.text;
    c->text_len = dec.len;
    c->text_base = dec.skip;
    c->cur_turn = -1;
    c->cur_section = EA_SECTION_PREPARED;
    c->info.encoding = dec.encoding;

    if (dec.n_fallback)
        ea_b_warn(c, "invalid UTF-8 read as Windows-1252 (%zu bytes, the first at byte %zu)",
                  dec.n_fallback, dec.first_fallback);
    if (dec.n_replaced)
        ea_b_warn(c, "%zu undecodable bytes replaced by U+FFFD (the first at byte %zu)",
                  dec.n_replaced, dec.first_replaced);
    if (strcmp(dec.encoding, "utf-8") != 0) ea_b_explain(c, "encoding: %s", dec.encoding);

    const char *text = c->text + c->text_base;
    size_t tlen = c->text_len - c->text_base;
    /* empty: nothing but white space */
    ea_str all = ea_trim(ea_str_make(text, tlen));
    if (all.len == 0) {
        ea_call_free(c);
        return fail(err, EA_ERR_EMPTY, "no text in input", 0);
    }
    size_t at, ll = longest_line(c->text, c->text_len, &at);
    if (ll > opt.max_line) {
        ea_call_free(c);
        /* `at` is in the decoded text: an input offset only when nothing was converted */
        int same = !dec.n_fallback && !dec.n_replaced && strncmp(dec.encoding, "utf-8", 5) == 0;
        st = fail(err, EA_ERR_LIMIT, "line longer than the limit (max_line)", same ? at : SIZE_MAX);
        set_pos(err, data, len);
        return st;
    }

    const layout_entry *chosen = NULL;
    if (opt.layout != EA_LAYOUT_AUTO) {
        chosen = entry_for(opt.layout);
        ea_b_explain(c, "layout: %s (forced)", ea_layout_name(opt.layout));
    } else {
        int best = -1;
        for (size_t i = 0; i < N_LAYOUTS; i++) {
            ea_sniff s;
            memset(&s, 0, sizeof s);
            layouts[i].sniff(text, tlen, &s);
            ea_b_explain(c, "  %-13s score %3d%s%s", ea_layout_name(layouts[i].layout), s.score,
                         s.why[0] ? ": " : "", s.why);
            if (s.score > best) {
                best = s.score;
                chosen = &layouts[i];
            }
        }
        if (best < MIN_SCORE) {
            chosen = entry_for(EA_LAYOUT_PLAIN);
            ea_b_warn(c, "no recognisable transcript structure; read as plain paragraphs");
        }
        ea_b_explain(c, "layout: %s (detected, highest score)", ea_layout_name(chosen->layout));
    }
    c->info.layout = chosen->layout;
    int ok = chosen->parse(c, c->text_base) == 0 && c->fail_code == EA_OK;
    if (opt.layout == EA_LAYOUT_AUTO && chosen->layout != EA_LAYOUT_PLAIN &&
        ok && c->paras.n == 0) {
        /* the detected layout found no speech: read plain paragraphs */
        ea_call_free(c);
        ea_parse_options o2 = opt;
        o2.layout = EA_LAYOUT_PLAIN;
        st = ea_call_parse(data, len, &o2, out, err);
        if (st == EA_OK) {
            ea_b_warn(*out, "layout %s found no speech; read as plain paragraphs", ea_layout_name(chosen->layout));
            (*out)->info.layout = EA_LAYOUT_PLAIN;
        }
        return st;
    }
    if (!ok || ea_call_finish(c) != 0) {
        st = c->fail_code != EA_OK ? c->fail_code : EA_ERR_INTERNAL;
        const char *msg = c->fail_msg ? c->fail_msg : "parse failed";
        size_t off = c->fail_off;
        /* offsets into decoded text equal input offsets only for UTF-8 */
        int same = !dec.n_fallback && !dec.n_replaced && strncmp(dec.encoding, "utf-8", 5) == 0;
        ea_call_free(c);
        fail(err, st, msg, same ? off : SIZE_MAX);
        set_pos(err, data, len);
        return st;
    }
    if (c->paras.n == 0) {
        ea_call_free(c);
        return fail(err, EA_ERR_EMPTY, "no paragraphs of text found", 0);
    }
    *out = c;
    return EA_OK;
}
