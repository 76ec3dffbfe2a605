/* earnest: the command line. Thin: reads files, calls the library, writes
 * output through all-or-nothing files. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "earnest/earnest.h"
#include "io.h"

static const char usage_text[] =
    "usage: earnest COMMAND [OPTIONS] FILE...\n"
    "\n"
    "commands:\n"
    "  parse FILE       read a transcript into the call model\n"
    "      --format text|json  readable text (default), or the call model as JSON\n"
    "                       (docs/call-model.md); --json is --format json\n"
    "      --pretty         indented JSON\n"
    "      --sentences      include sentence spans in the JSON\n"
    "      --explain        say which layout was detected and why\n"
    "  facts FILE...    every number that matters, with its meaning and source\n"
    "      --format table|json|csv  aligned text (default), JSON (docs/facts.md), CSV;\n"
    "                       --table, --json, --csv say the same\n"
    "      --lexicon FILE   a domain pack of company and product names of your own\n"
    "                       (docs/lexicon.md), added to the built-in ones; facts name\n"
    "                       the companies it lists. Repeatable (at most 16, in order);\n"
    "                       also for digest and verify\n"
    "  digest FILE...   what matters in the call\n"
    "      --format text|md|html|json  for a terminal (default), Markdown, one\n"
    "                       self-contained HTML file, JSON (docs/digest.md)\n"
    "      --lang en|zh     language of the generated text (default en)\n"
    "      --zh-variant hans|hant  Simplified (default) or Traditional; implies --lang zh\n"
    "      --quote          quote the source sentence under each point\n"
    "      --bullets        only the short headline bullets, one a line (English text)\n"
    "      --cite           end each bullet with its [n] citation\n"
    "  verify SUMMARY --against FILE  check every number and [n] citation of a\n"
    "                       summary against the transcript; exit 1 when there are\n"
    "                       findings (earnest verify --help for its options)\n"
    "\n"
    "several inputs (facts, digest):\n"
    "  -o DIR FILE...     one output per input into DIR (made if missing; with one FILE\n"
    "                     when DIR exists or ends in /), named after the input:\n"
    "                     NAME.txt (text, --bullets, table), NAME.md, .html, .json,\n"
    "                     .csv; each one complete or not at all\n"
    "  --format json --ndjson  instead, one JSON line per input, in input order, to\n"
    "                     stdout or -o FILE: {\"file\":PATH,\"digest\":{...}} (\"facts\"\n"
    "                     for facts), or {\"file\":PATH,\"error\":MESSAGE,\"exit\":CODE}\n"
    "  -j N               N threads (default 1; 0: one per core)\n"
    "  A failing input is reported with its name and the others go on. Progress\n"
    "  on stderr when it is a terminal, then \"digest: N files, K written, F failed\".\n"
    "  Exit code: 0 when every input succeeded, else the highest code among the\n"
    "  failed inputs (8 > 7 > 6 > 5 > 4 > 3: a bug or a full disk outranks a bad file).\n"
    "\n"
    "options for every command:\n"
    "  --layout NAME      force the layout: speaker, streetevents, seekingalpha, fool,\n"
    "                     fool-json, bilingual, lines, vtt, srt, chinese, plain\n"
    "                     (--format NAME still does, with a warning: deprecated)\n"
    "  --encoding ENC     input encoding: utf-8 (default, with Windows-1252 fallback),\n"
    "                     utf-16le, utf-16be, windows-1252, latin1, gb18030, big5\n"
    "  --lossy            replace undecodable bytes with U+FFFD instead of failing\n"
    "  --max-size BYTES   refuse larger inputs (default 268435456 = 256 MiB)\n"
    "  -o FILE            write to FILE (complete or not at all) instead of stdout\n"
    "  -q, --quiet        no warnings, progress or closing line on stderr\n"
    "  -h, --help         this text;  --version  the version\n"
    "  A --lexicon FILE that cannot be read exits 3, one with a malformed line 4\n"
    "  (FILE:LINE:COLUMN says where), one over a limit 5, before any input is read.\n"
    "\n"
    "exit codes:\n"
    "  0  success\n"
    "  1  verify found problems in a summary\n"
    "  2  usage error (unknown command or option, bad value)\n"
    "  3  input unreadable: missing file, a directory, permission, read error\n"
    "  4  input invalid: bad encoding, NUL bytes, binary data, empty, wrong --layout\n"
    "  5  a limit exceeded: file size (--max-size), line length, paragraph count\n"
    "  6  output cannot be written\n"
    "  7  out of memory\n"
    "  8  internal error (a bug)\n";

/* Output formats, resolved from --format and --json/--csv/--table. */
typedef enum { FMT_NONE = 0, FMT_TEXT, FMT_MD, FMT_HTML, FMT_JSON, FMT_TABLE, FMT_CSV } out_format;

typedef struct {
    const char *cmd, *file, *out;
    ea_cli_input in;    /* --layout, --encoding, --max-size, --lossy, -q */
    const char **files; /* every FILE argument (file is files[0]); malloc'd */
    size_t nfiles;
    int json, pretty, sentences, explain, csv, table, bullets, cite;
    const char *format;   /* --format as given; resolved by resolve_format */
    out_format fmt;
    ea_lang lang;         /* --lang / --zh-variant; EA_LANG_UNKNOWN: not given */
    int zh_variant;       /* 0, or EA_LANG_ZH_HANS / EA_LANG_ZH_HANT */
    int quote, ndjson;
    unsigned jobs;
    const ea_entities *entities; /* --lexicon: built-in + user packs; NULL: built-in */
} opts_t;

static int usage_error(const char *what, const char *arg) {
    fprintf(stderr, "earnest: %s%s%s\n(see earnest --help)\n", what, arg ? ": " : "", arg ? arg : "");
    return EXIT_USAGE;
}

static int parse_args(int argc, char **argv, opts_t *o) {
    memset(o, 0, sizeof *o);
    ea_cli_input_init(&o->in);
    o->jobs = 1;
    o->files = malloc((size_t)(argc > 0 ? argc : 1) * sizeof *o->files);
    if (!o->files) {
        fprintf(stderr, "earnest: out of memory\n");
        return EXIT_NOMEM;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        const char *why, *what;
        int took = ea_cli_input_option(&o->in, a, next, &why, &what);
        if (took < 0) return usage_error(why, what);
        if (took) {
            i += took - 1;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage_text, stdout);
            exit(0);
        } else if (!strcmp(a, "--version")) {
            printf("earnest %s\n", EA_VERSION_STRING);
            exit(0);
        } else if (!strcmp(a, "--json")) {
            o->json = 1;
        } else if (!strcmp(a, "--bullets")) {
            o->bullets = 1;
        } else if (!strcmp(a, "--cite")) {
            o->cite = 1;
        } else if (!strcmp(a, "--csv")) {
            o->csv = 1;
        } else if (!strcmp(a, "--table")) {
            o->table = 1;
        } else if (!strcmp(a, "--pretty")) {
            o->pretty = 1;
        } else if (!strcmp(a, "--sentences")) {
            o->sentences = 1;
        } else if (!strcmp(a, "--explain")) {
            o->explain = 1;
        } else if (!strcmp(a, "--format")) {
            if (!next) return usage_error("--format needs a value", NULL);
            o->format = next;
            i++;
        } else if (!strcmp(a, "--lang")) {
            if (!next) return usage_error("--lang needs en or zh", NULL);
            if (!strcasecmp(next, "en")) o->lang = EA_LANG_EN;
            else if (!strcasecmp(next, "zh")) o->lang = EA_LANG_ZH_HANS;
            else if (!strcasecmp(next, "zh-hans")) o->lang = EA_LANG_ZH_HANS;
            else if (!strcasecmp(next, "zh-hant")) o->lang = EA_LANG_ZH_HANT;
            else return usage_error("unknown --lang (en, zh)", next);
            i++;
        } else if (!strcmp(a, "--zh-variant")) {
            if (!next) return usage_error("--zh-variant needs hans or hant", NULL);
            if (!strcasecmp(next, "hans")) o->zh_variant = EA_LANG_ZH_HANS;
            else if (!strcasecmp(next, "hant")) o->zh_variant = EA_LANG_ZH_HANT;
            else return usage_error("unknown --zh-variant (hans, hant)", next);
            i++;
        } else if (!strcmp(a, "--quote")) {
            o->quote = 1;
        } else if (!strcmp(a, "--ndjson")) {
            o->ndjson = 1;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--jobs")) {
            size_t j;
            if (!next || ea_cli_parse_size(next, &j) || j > 1024)
                return usage_error("-j needs a number of threads (0 to 1024)", next);
            if (j == 0) {
                long nc = sysconf(_SC_NPROCESSORS_ONLN);
                j = nc > 0 ? (size_t)(nc < 1024 ? nc : 1024) : 1;
            }
            o->jobs = (unsigned)j;
            i++;
        } else if (!strcmp(a, "-o")) {
            if (!next) return usage_error("-o needs a file name", NULL);
            o->out = next;
            i++;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option", a);
        } else if (!o->cmd) {
            o->cmd = a;
        } else {
            o->files[o->nfiles++] = a;
        }
    }
    if (!o->cmd) return usage_error("no command", NULL);
    o->file = o->nfiles ? o->files[0] : NULL;
    return 0;
}

static out_format format_named(const char *s) {
    static const struct {
        const char *name;
        out_format f;
    } names[] = {{"text", FMT_TEXT}, {"md", FMT_MD},       {"html", FMT_HTML},
                 {"json", FMT_JSON}, {"table", FMT_TABLE}, {"csv", FMT_CSV}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(s, names[i].name)) return names[i].f;
    return FMT_NONE;
}

/* Settles the output format and the digest options once the command is
 * known: --format names an output format of the command, or (deprecated) a
 * layout; the old --json/--csv/--table flags must agree with it. */
static int resolve_format(opts_t *o) {
    int is_parse = !strcmp(o->cmd, "parse"), is_facts = !strcmp(o->cmd, "facts");
    int is_digest = !strcmp(o->cmd, "digest");
    unsigned allowed = is_parse    ? 1u << FMT_TEXT | 1u << FMT_JSON
                       : is_facts  ? 1u << FMT_TABLE | 1u << FMT_JSON | 1u << FMT_CSV
                       : is_digest ? 1u << FMT_TEXT | 1u << FMT_MD | 1u << FMT_HTML | 1u << FMT_JSON
                                   : 0;
    const char *names = is_parse ? "text, json" : is_facts ? "table, json, csv" : "text, md, html, json";
    out_format legacy = o->json                ? FMT_JSON
                        : is_facts && o->csv   ? FMT_CSV
                        : is_facts && o->table ? FMT_TABLE
                                               : FMT_NONE;
    out_format f = FMT_NONE;
    if (o->format) {
        f = format_named(o->format);
        if (f == FMT_NONE || !(allowed >> f & 1u)) {
            ea_layout l = ea_layout_from_name(o->format, strlen(o->format));
            if (l == EA_LAYOUT_COUNT_) {
                char what[96];
                snprintf(what, sizeof what, "unknown --format for %s (%s)", o->cmd, names);
                return usage_error(what, o->format);
            }
            if (o->in.layout_set) return usage_error("both --layout and a layout in --format", o->format);
            if (!o->in.quiet)
                fprintf(stderr,
                        "earnest: warning: --format %s: a layout name in --format is deprecated; "
                        "use --layout %s\n",
                        o->format, o->format);
            o->in.layout = l;
            f = FMT_NONE;
        } else if (legacy != FMT_NONE && legacy != f) {
            return usage_error("--format disagrees with --json, --csv or --table", o->format);
        }
    }
    if (f == FMT_NONE) f = legacy;
    if (f == FMT_NONE) f = is_facts ? FMT_TABLE : FMT_TEXT;
    o->fmt = f;
    o->json = f == FMT_JSON;
    o->csv = f == FMT_CSV;

    if (!is_digest && (o->lang || o->zh_variant || o->quote))
        return usage_error("--lang, --zh-variant and --quote are for digest", NULL);
    if (o->zh_variant) {
        if (o->lang == EA_LANG_EN) return usage_error("--zh-variant with --lang en", NULL);
        if (o->lang == EA_LANG_ZH_HANT && o->zh_variant != EA_LANG_ZH_HANT)
            return usage_error("--zh-variant disagrees with --lang", NULL);
        o->lang = (ea_lang)o->zh_variant;
    }
    if (o->bullets && f != FMT_TEXT) return usage_error("--bullets writes text only", o->format);
    if (o->bullets && (o->quote || (o->lang && o->lang != EA_LANG_EN)))
        return usage_error("--bullets are English text: no --quote, no --lang zh", NULL);
    if (o->ndjson && (is_parse || f != FMT_JSON || o->bullets))
        return usage_error("--ndjson needs --format json (facts or digest)", NULL);
    return 0;
}

static int load_to(const opts_t *o, const char *path, FILE *msg, ea_call **call) {
    return ea_cli_load(&o->in, path, msg, call);
}

static int load(const opts_t *o, ea_call **call) { return load_to(o, o->file, stderr, call); }

static int cmd_parse(const opts_t *o) {
    ea_call *call = NULL;
    int rc = load(o, &call);
    if (rc) return rc;
    ea_out out;
    rc = ea_out_open(&out, o->out);
    if (rc) {
        ea_call_free(call);
        return rc;
    }
    ea_status st;
    if (o->explain) {
        const char *ex = ea_call_explain(call);
        st = ea_out_write(&out, ex, strlen(ex)) ? EA_ERR_IO : EA_OK;
        char line[160];
        int n = snprintf(line, sizeof line, "result: %zu participants, %zu turns, %zu paragraphs, %zu Q&A exchanges\n",
                         ea_call_participant_count(call), ea_call_turn_count(call),
                         ea_call_paragraph_count(call), ea_call_exchange_count(call));
        if (st == EA_OK && n > 0 && ea_out_write(&out, line, (size_t)n)) st = EA_ERR_IO;
        const char *w = ea_call_warnings(call);
        if (st == EA_OK && *w && ea_out_write(&out, w, strlen(w))) st = EA_ERR_IO;
    } else if (o->json) {
        unsigned fl = (o->sentences ? EA_JSON_SENTENCES : 0) | (o->pretty ? EA_JSON_PRETTY : 0);
        st = ea_call_write_json(call, fl, ea_out_write, &out);
        if (st == EA_OK && !o->pretty && ea_out_write(&out, "\n", 1)) st = EA_ERR_IO;
    } else {
        st = ea_call_write_text(call, 0, ea_out_write, &out);
    }
    ea_call_free(call);
    if (st != EA_OK) {
        ea_out_abort(&out);
        fprintf(stderr, "earnest: cannot write output\n");
        return EXIT_OUTPUT;
    }
    return ea_out_commit(&out);
}

/* facts and digest: parse, extract, then write through `emit` to an
 * all-or-nothing output. */
typedef ea_status (*emit_fn)(const opts_t *o, const ea_call *c, const ea_facts *f, ea_write_fn w, void *ctx);

/* Reads, parses and extracts `path`; messages to `msg`. 0 or an exit code. */
static int load_facts(const opts_t *o, const char *path, FILE *msg, ea_call **call, ea_facts **facts) {
    *facts = NULL;
    int rc = load_to(o, path, msg, call);
    if (rc) return rc;
    ea_error err;
    memset(&err, 0, sizeof err);
    ea_facts_options fo;
    ea_facts_options_init(&fo);
    fo.entities = o->entities;
    ea_status st = ea_facts_extract_opts(*call, &fo, facts, &err);
    if (st != EA_OK) {
        ea_cli_report_to(msg, path, &err);
        ea_call_free(*call);
        *call = NULL;
        return ea_cli_exit_for(st);
    }
    return 0;
}

static int run_with_facts(const opts_t *o, emit_fn emit) {
    ea_call *call = NULL;
    ea_facts *facts = NULL;
    int rc = load_facts(o, o->file, stderr, &call, &facts);
    if (rc) return rc;
    ea_out out;
    rc = ea_out_open(&out, o->out);
    if (rc == 0) {
        if (emit(o, call, facts, ea_out_write, &out) != EA_OK) {
            ea_out_abort(&out);
            fprintf(stderr, "earnest: cannot write output\n");
            rc = EXIT_OUTPUT;
        } else {
            rc = ea_out_commit(&out);
        }
    }
    ea_facts_free(facts);
    ea_call_free(call);
    return rc;
}

static ea_status emit_facts(const opts_t *o, const ea_call *c, const ea_facts *facts, ea_write_fn w, void *ctx) {
    (void)c;
    if (o->json) {
        int pretty = o->pretty && !o->ndjson;
        ea_status st = ea_facts_write_json(facts, pretty ? EA_JSON_PRETTY : 0, w, ctx);
        if (st == EA_OK && !pretty && w(ctx, "\n", 1)) st = EA_ERR_IO;
        return st;
    }
    if (o->csv) return ea_facts_write_csv(facts, w, ctx);
    return ea_facts_write_table(facts, w, ctx);
}

static ea_status emit_digest(const opts_t *o, const ea_call *c, const ea_facts *facts, ea_write_fn w, void *ctx) {
    if (o->bullets) return ea_digest_write_bullets(c, facts, o->cite ? EA_BULLETS_CITE : 0, w, ctx);
    ea_digest_options d;
    ea_digest_options_init(&d);
    d.format = o->fmt == FMT_MD     ? EA_DIGEST_MD
               : o->fmt == FMT_HTML ? EA_DIGEST_HTML
               : o->fmt == FMT_JSON ? EA_DIGEST_JSON
                                    : EA_DIGEST_TEXT;
    if (o->lang) d.lang = o->lang;
    if (o->quote) d.flags |= EA_DIGEST_QUOTE;
    if (o->ndjson) d.flags |= EA_DIGEST_NDJSON;
    d.entities = o->entities;
    return ea_digest_write(c, facts, &d, w, ctx);
}

/* ---- several inputs ---------------------------------------------------- */

typedef struct {
    const opts_t *o;
    emit_fn emit;
} batch_ctx;

/* One input of a batch, rendered into memory (batch.c writes it out). */
static int batch_one(void *ctx, const char *path, FILE *msg, ea_membuf *out) {
    const batch_ctx *bc = ctx;
    ea_call *call = NULL;
    ea_facts *facts = NULL;
    int rc = load_facts(bc->o, path, msg, &call, &facts);
    if (rc) return rc;
    ea_status st = bc->emit(bc->o, call, facts, ea_membuf_write, out);
    ea_facts_free(facts);
    ea_call_free(call);
    if (st == EA_OK) return 0;
    if (out->too_big) fprintf(msg, "earnest: %s: output over %zu bytes\n", path, out->max);
    else if (out->nomem || st == EA_ERR_NOMEM) fprintf(msg, "earnest: %s: out of memory\n", path);
    else fprintf(msg, "earnest: %s: error: %s\n", path, ea_status_str(st));
    return out->too_big ? EXIT_LIMIT : out->nomem ? EXIT_NOMEM : ea_cli_exit_for(st);
}

static const char *batch_ext(const opts_t *o) {
    switch (o->fmt) {
    case FMT_MD: return ".md";
    case FMT_HTML: return ".html";
    case FMT_JSON: return ".json";
    case FMT_CSV: return ".csv";
    default: return ".txt";
    }
}

/* -o names a directory: one that exists, or any path ending in '/'. */
static int is_dir(const char *path) {
    struct stat st;
    if (!path) return 0;
    size_t n = strlen(path);
    return (n && path[n - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

/* facts and digest: one FILE to stdout or -o FILE; several (or -o naming a
 * directory, or --ndjson) through batch.c. */
static int run_command(const opts_t *o, emit_fn emit) {
    if (!o->nfiles) {
        fprintf(stderr, "earnest: %s needs a FILE (or - for standard input)\n(see earnest --help)\n", o->cmd);
        return EXIT_USAGE;
    }
    if (!o->ndjson && o->nfiles == 1 && !is_dir(o->out)) return run_with_facts(o, emit);
    if (o->ndjson && is_dir(o->out))
        return usage_error("--ndjson writes one stream: -o needs a file, not a directory", o->out);
    if (!o->ndjson && !o->out) return usage_error("several input files need -o DIR (or --format json --ndjson)", NULL);
    batch_ctx bc = {o, emit};
    ea_batch b;
    memset(&b, 0, sizeof b);
    b.cmd = o->cmd;
    b.files = o->files;
    b.nfiles = o->nfiles;
    b.out = o->out;
    b.ext = batch_ext(o);
    b.ndjson_key = o->ndjson ? o->cmd : NULL;
    b.jobs = o->jobs;
    b.quiet = o->in.quiet;
    b.run = batch_one;
    b.ctx = &bc;
    return ea_batch_run(&b);
}

static int dispatch(opts_t *o) {
    int is_parse = !strcmp(o->cmd, "parse"), is_facts = !strcmp(o->cmd, "facts");
    if (!is_parse && !is_facts && strcmp(o->cmd, "digest")) return usage_error("unknown command", o->cmd);
    int rc = resolve_format(o);
    if (rc) return rc;
    if (is_parse) {
        if (!o->file) return usage_error("parse needs a FILE (or - for standard input)", NULL);
        if (o->nfiles > 1) return usage_error("more than one input file", o->files[1]);
        if (o->in.n_lexicons) return usage_error("--lexicon is for facts, digest and verify", o->in.lexicons[0]);
        return cmd_parse(o);
    }
    /* the packs load once, before any input is read; every thread of a
       batch searches the same set */
    ea_entities *set = NULL;
    rc = ea_cli_entities(&o->in, stderr, &set);
    if (rc) return rc;
    o->entities = set;
    rc = run_command(o, is_facts ? emit_facts : emit_digest);
    o->entities = NULL;
    ea_entities_free(set);
    return rc;
}

int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "verify")) return cmd_verify(argc, argv);
    opts_t o;
    int rc = parse_args(argc, argv, &o);
    if (rc == 0) rc = dispatch(&o);
    free(o.files);
    return rc;
}
