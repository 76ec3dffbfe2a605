/* Runs every tests/corpus/<dir>/<name>.expect: parses the input beside it
 * and checks each line of the expectation (format: tests/corpus/README.md). */
#include <dirent.h>
#include <stdint.h>

#include "earnest/earnest.h"
#include "harness.h"

typedef struct {
    const char *p, *end;
} cur_t;

static int word(cur_t *c, char *out, size_t cap) {
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t')) c->p++;
    if (c->p >= c->end) return 0;
    size_t n = 0;
    if (*c->p == '"') {
        c->p++;
        while (c->p < c->end && *c->p != '"') {
            char ch = *c->p++;
            if (ch == '\\' && c->p < c->end) {
                ch = *c->p++;
                if (ch == 'n') ch = '\n';
            }
            if (n + 1 < cap) out[n++] = ch;
        }
        if (c->p < c->end) c->p++;
    } else {
        while (c->p < c->end && *c->p != ' ' && *c->p != '\t')
            if (n + 1 < cap) out[n++] = *c->p++;
            else c->p++;
    }
    out[n] = 0;
    return 1;
}

static long num(const char *s) { return strtol(s, NULL, 10); }

static int starts(ea_str s, const char *lit) {
    size_t n = strlen(lit);
    return s.len >= n && (n == 0 || memcmp(s.ptr, lit, n) == 0);
}
static int eq(ea_str s, const char *lit) { return s.len == strlen(lit) && (s.len == 0 || memcmp(s.ptr, lit, s.len) == 0); }

static int find_part(const ea_call *c, const char *name) {
    for (size_t i = 0; i < ea_call_participant_count(c); i++)
        if (eq(ea_call_participant(c, i)->name, name)) return (int)i;
    return -1;
}

static const char *status_word(ea_status s) {
    switch (s) {
    case EA_OK: return "ok";
    case EA_ERR_ENCODING: return "encoding";
    case EA_ERR_BINARY: return "binary";
    case EA_ERR_EMPTY: return "empty";
    case EA_ERR_LIMIT: return "limit";
    case EA_ERR_SYNTAX: return "syntax";
    case EA_ERR_USAGE: return "usage";
    default: return "other";
    }
}

#define FAILX(...) CHECK_MSG(0, __VA_ARGS__)

static void run_expect(const char *dir, const char *name) {
    char path[4096], w[4096], v[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t elen;
    char *exp = th_read(path, &elen);
    if (!exp) {
        FAILX("%s: cannot read", path);
        return;
    }
    /* the input: same stem, first other file with that stem */
    char input[4096] = "";
    size_t stem = strlen(name) - strlen(".expect");
    DIR *d = opendir(dir);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (strncmp(de->d_name, name, stem) == 0 && de->d_name[stem] == '.' &&
            strcmp(de->d_name + stem, ".expect") != 0) {
            snprintf(input, sizeof input, "%s/%s", dir, de->d_name);
            break;
        }
    }
    if (d) closedir(d);
    ea_parse_options opt;
    ea_parse_options_init(&opt);
    /* first pass: options */
    const char *p = exp, *end = exp + elen;
    static char enc[64];
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        cur_t c = {p, nl ? nl : end};
        p = nl ? nl + 1 : end;
        if (!word(&c, w, sizeof w) || w[0] == '#') continue;
        if (!strcmp(w, "input") && word(&c, v, sizeof v)) snprintf(input, sizeof input, "%s/%s", dir, v);
        if (!strcmp(w, "format") && word(&c, v, sizeof v)) opt.layout = ea_layout_from_name(v, strlen(v));
        if (!strcmp(w, "encoding") && word(&c, v, sizeof v)) {
            snprintf(enc, sizeof enc, "%s", v);
            opt.encoding = enc;
        }
        if (!strcmp(w, "lossy")) opt.flags |= EA_PARSE_LOSSY;
        if (!strcmp(w, "max_line") && word(&c, v, sizeof v)) opt.max_line = (size_t)num(v);
    }
    size_t ilen = 0;
    char *in = input[0] ? th_read(input, &ilen) : NULL;
    if (!in) {
        FAILX("%s: no input file", path);
        free(exp);
        return;
    }
    ea_call *call = NULL;
    ea_error err;
    memset(&err, 0, sizeof err);
    ea_status st = ea_call_parse(in, ilen, &opt, &call, &err);
    int expect_error = 0;
    p = exp;
    int lineno = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        cur_t c = {p, nl ? nl : end};
        p = nl ? nl + 1 : end;
        lineno++;
        if (!word(&c, w, sizeof w) || w[0] == '#') continue;
        if (!strcmp(w, "error")) {
            expect_error = 1;
            word(&c, v, sizeof v);
            CHECK_MSG(!strcmp(status_word(st), v), "%s:%d: expected error %s, got %s (%s)", path, lineno, v,
                      status_word(st), err.message ? err.message : "");
            if (word(&c, v, sizeof v) && !strcmp(v, "at") && word(&c, v, sizeof v))
                CHECK_MSG(err.offset == (size_t)num(v), "%s:%d: error offset %zu, expected %s", path, lineno,
                          err.offset, v);
            continue;
        }
        if (!call) continue;
        const ea_call_info *info = ea_call_get_info(call);
        if (!strcmp(w, "layout")) {
            word(&c, v, sizeof v);
            CHECK_MSG(!strcmp(ea_layout_name(info->layout), v), "%s:%d: layout %s, expected %s", path, lineno,
                      ea_layout_name(info->layout), v);
        } else if (!strcmp(w, "exchange") && c.p < c.end && c.p[0] == ' ' && c.p + 1 < c.end &&
                   c.p[1] >= '0' && c.p[1] <= '9') {
            /* "exchange K ...": a Q&A exchange, below */
            goto qa_exchange;
        } else if (!strcmp(w, "company") || !strcmp(w, "ticker") || !strcmp(w, "exchange") ||
                   !strcmp(w, "period") || !strcmp(w, "date") || !strcmp(w, "event") ||
                   !strcmp(w, "summary") || !strcmp(w, "disclaimer")) {
            word(&c, v, sizeof v);
            ea_str got = !strcmp(w, "company") ? info->company
                         : !strcmp(w, "ticker") ? info->ticker
                         : !strcmp(w, "exchange") ? info->exchange
                         : !strcmp(w, "period") ? info->period
                         : !strcmp(w, "date") ? info->date
                         : !strcmp(w, "event") ? info->event_title
                         : !strcmp(w, "summary") ? info->summary
                                                 : info->disclaimer;
            int ok = (!strcmp(w, "summary") || !strcmp(w, "disclaimer")) ? starts(got, v) : eq(got, v);
            CHECK_MSG(ok, "%s:%d: %s is '%.*s', expected '%s'", path, lineno, w, (int)got.len,
                      got.ptr ? got.ptr : "", v);
        } else if (!strcmp(w, "participants") || !strcmp(w, "turns") || !strcmp(w, "paragraphs") ||
                   !strcmp(w, "exchanges")) {
            word(&c, v, sizeof v);
            size_t got = !strcmp(w, "participants") ? ea_call_participant_count(call)
                         : !strcmp(w, "turns")      ? ea_call_turn_count(call)
                         : !strcmp(w, "paragraphs") ? ea_call_paragraph_count(call)
                                                    : ea_call_exchange_count(call);
            CHECK_MSG(got == (size_t)num(v), "%s:%d: %zu %s, expected %s", path, lineno, got, w, v);
        } else if (!strcmp(w, "participant")) {
            word(&c, v, sizeof v);
            int i = find_part(call, v);
            CHECK_MSG(i >= 0, "%s:%d: no participant '%s'", path, lineno, v);
            if (i < 0) continue;
            const ea_participant *pp = ea_call_participant(call, (size_t)i);
            char k[64];
            while (word(&c, k, sizeof k) && word(&c, v, sizeof v)) {
                if (!strcmp(k, "role"))
                    CHECK_MSG(!strcmp(ea_role_name(pp->role), v), "%s:%d: role %s, expected %s", path, lineno,
                              ea_role_name(pp->role), v);
                else if (!strcmp(k, "title"))
                    CHECK_MSG(eq(pp->title, v), "%s:%d: title '%.*s', expected '%s'", path, lineno,
                              (int)pp->title.len, pp->title.ptr ? pp->title.ptr : "", v);
                else if (!strcmp(k, "affiliation"))
                    CHECK_MSG(eq(pp->affiliation, v), "%s:%d: affiliation '%.*s', expected '%s'", path,
                              lineno, (int)pp->affiliation.len, pp->affiliation.ptr ? pp->affiliation.ptr : "", v);
                else
                    FAILX("%s:%d: unknown participant key %s", path, lineno, k);
            }
        } else if (!strcmp(w, "para")) {
            word(&c, v, sizeof v);
            long n = num(v);
            const ea_paragraph *pa = n >= 1 ? ea_call_paragraph(call, (size_t)n - 1) : NULL;
            CHECK_MSG(pa != NULL, "%s:%d: no paragraph %ld", path, lineno, n);
            if (!pa) continue;
            char k[64];
            while (word(&c, k, sizeof k) && word(&c, v, sizeof v)) {
                if (!strcmp(k, "text"))
                    CHECK_MSG(starts(pa->text, v), "%s:%d: para %ld text '%.*s' does not start '%s'", path,
                              lineno, n, (int)(pa->text.len < 80 ? pa->text.len : 80), pa->text.ptr, v);
                else if (!strcmp(k, "lang"))
                    CHECK_MSG(!strcmp(ea_lang_name(pa->lang), v), "%s:%d: para %ld lang %s, expected %s", path,
                              lineno, n, ea_lang_name(pa->lang), v);
                else if (!strcmp(k, "translation"))
                    CHECK_MSG(pa->has_translation && starts(pa->tr_text, v),
                              "%s:%d: para %ld translation does not start '%s'", path, lineno, n, v);
                else if (!strcmp(k, "tr_lang"))
                    CHECK_MSG(pa->has_translation && !strcmp(ea_lang_name(pa->tr_lang), v),
                              "%s:%d: para %ld translation lang %s, expected %s", path, lineno, n,
                              ea_lang_name(pa->tr_lang), v);
                else if (!strcmp(k, "speaker")) {
                    const ea_turn *t = ea_call_turn(call, pa->turn);
                    const ea_participant *sp = t && t->speaker >= 0 ? ea_call_participant(call, (size_t)t->speaker) : NULL;
                    CHECK_MSG(sp ? eq(sp->name, v) : !strcmp(v, "-"), "%s:%d: para %ld speaker '%.*s', expected '%s'",
                              path, lineno, n, sp ? (int)sp->name.len : 1, sp ? sp->name.ptr : "-", v);
                } else if (!strcmp(k, "section")) {
                    const ea_turn *t = ea_call_turn(call, pa->turn);
                    CHECK_MSG(t && !strcmp(ea_section_name(t->section), v), "%s:%d: para %ld section %s, expected %s",
                              path, lineno, n, t ? ea_section_name(t->section) : "?", v);
                } else if (!strcmp(k, "start")) {
                    CHECK_MSG(pa->has_time && (long)(pa->t_start * 1000 + 0.5) == (long)(strtod(v, NULL) * 1000 + 0.5),
                              "%s:%d: para %ld start %.3f, expected %s", path, lineno, n, pa->t_start, v);
                } else if (!strcmp(k, "end")) {
                    CHECK_MSG(pa->has_time && (long)(pa->t_end * 1000 + 0.5) == (long)(strtod(v, NULL) * 1000 + 0.5),
                              "%s:%d: para %ld end %.3f, expected %s", path, lineno, n, pa->t_end, v);
                } else
                    FAILX("%s:%d: unknown para key %s", path, lineno, k);
            }
        } else if (!strcmp(w, "turn")) {
            word(&c, v, sizeof v);
            const ea_turn *t = ea_call_turn(call, (size_t)num(v));
            CHECK_MSG(t != NULL, "%s:%d: no turn %s", path, lineno, v);
            if (!t) continue;
            char k[64];
            while (word(&c, k, sizeof k) && word(&c, v, sizeof v)) {
                if (!strcmp(k, "speaker")) {
                    const ea_participant *sp = t->speaker >= 0 ? ea_call_participant(call, (size_t)t->speaker) : NULL;
                    CHECK_MSG(sp ? eq(sp->name, v) : !strcmp(v, "-"), "%s:%d: turn speaker '%.*s', expected '%s'",
                              path, lineno, sp ? (int)sp->name.len : 1, sp ? sp->name.ptr : "-", v);
                } else if (!strcmp(k, "section"))
                    CHECK_MSG(!strcmp(ea_section_name(t->section), v), "%s:%d: turn section %s, expected %s",
                              path, lineno, ea_section_name(t->section), v);
                else if (!strcmp(k, "paras"))
                    CHECK_MSG(t->n_paras == (uint32_t)num(v), "%s:%d: turn has %u paragraphs, expected %s",
                              path, lineno, t->n_paras, v);
                else
                    FAILX("%s:%d: unknown turn key %s", path, lineno, k);
            }
        } else if (!strcmp(w, "exchange")) {
        qa_exchange:
            word(&c, v, sizeof v);
            const ea_exchange *x = ea_call_exchange(call, (size_t)num(v));
            CHECK_MSG(x != NULL, "%s:%d: no exchange %s", path, lineno, v);
            if (!x) continue;
            char k[64];
            while (word(&c, k, sizeof k) && word(&c, v, sizeof v)) {
                if (!strcmp(k, "analyst")) {
                    const ea_participant *sp = x->analyst >= 0 ? ea_call_participant(call, (size_t)x->analyst) : NULL;
                    CHECK_MSG(sp && eq(sp->name, v), "%s:%d: exchange analyst '%.*s', expected '%s'", path, lineno,
                              sp ? (int)sp->name.len : 1, sp ? sp->name.ptr : "-", v);
                } else if (!strcmp(k, "questions"))
                    CHECK_MSG(x->n_question_paras == (uint32_t)num(v), "%s:%d: %u question paragraphs, expected %s",
                              path, lineno, x->n_question_paras, v);
                else if (!strcmp(k, "answers"))
                    CHECK_MSG(x->n_answer_turns == (uint32_t)num(v), "%s:%d: %u answer turns, expected %s", path,
                              lineno, x->n_answer_turns, v);
                else
                    FAILX("%s:%d: unknown exchange key %s", path, lineno, k);
            }
        } else if (!strcmp(w, "warning")) {
            word(&c, v, sizeof v);
            CHECK_MSG(strstr(ea_call_warnings(call), v) != NULL, "%s:%d: no warning containing '%s'", path, lineno, v);
        } else if (!strcmp(w, "input") || !strcmp(w, "format") || !strcmp(w, "encoding") ||
                   !strcmp(w, "lossy") || !strcmp(w, "max_line")) {
            /* options: handled above */
        } else {
            FAILX("%s:%d: unknown directive %s", path, lineno, w);
        }
    }
    if (!expect_error)
        CHECK_MSG(st == EA_OK, "%s: parse failed: %s (%s at byte %zu)", path, ea_status_str(st),
                  err.message ? err.message : "", err.offset);
    ea_call_free(call);
    free(in);
    free(exp);
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    char corpus[4096];
    snprintf(corpus, sizeof corpus, "%s/tests/corpus", root);
    DIR *d = opendir(corpus);
    if (!d) {
        fprintf(stderr, "no corpus at %s\n", corpus);
        return 1;
    }
    struct dirent *de;
    int files = 0;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", corpus, de->d_name);
        DIR *s = opendir(sub);
        if (!s) continue;
        struct dirent *f;
        while ((f = readdir(s))) {
            size_t n = strlen(f->d_name);
            if (n > 7 && !strcmp(f->d_name + n - 7, ".expect")) {
                run_expect(sub, f->d_name);
                files++;
            }
        }
        closedir(s);
    }
    closedir(d);
    CHECK_MSG(files > 0, "no .expect files found");
    printf("%d corpus files\n", files);
    return th_done();
}
