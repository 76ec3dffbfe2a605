/* earnest: the command line. Thin: reads files, calls the library, writes
 * output through all-or-nothing files. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnest/earnest.h"
#include "io.h"

static const char usage_text[] =
    "usage: earnest COMMAND [OPTIONS] FILE\n"
    "\n"
    "commands:\n"
    "  parse FILE       read a transcript into the call model\n"
    "      --json           the call model as JSON (docs/call-model.md)\n"
    "      --pretty         indented JSON\n"
    "      --sentences      include sentence spans in the JSON\n"
    "      --explain        say which layout was detected and why\n"
    "  facts FILE       every number that matters, with its meaning and source\n"
    "      --table          aligned text (default)   --json   --csv\n"
    "  digest FILE      what matters in the call\n"
    "      --bullets        short headline bullets, one a line\n"
    "      --cite           end each bullet with its [n] citation\n"
    "\n"
    "options for every command:\n"
    "  --format NAME      force the layout: speaker, streetevents, seekingalpha, fool,\n"
    "                     fool-json, bilingual, lines, vtt, srt, chinese, plain\n"
    "  --encoding ENC     input encoding: utf-8 (default, with Windows-1252 fallback),\n"
    "                     utf-16le, utf-16be, windows-1252, latin1, gb18030, big5\n"
    "  --lossy            replace undecodable bytes with U+FFFD instead of failing\n"
    "  --max-size BYTES   refuse larger inputs (default 268435456 = 256 MiB)\n"
    "  -o FILE            write to FILE (complete or not at all) instead of stdout\n"
    "  -q, --quiet        no warnings on stderr\n"
    "  -h, --help         this text;  --version  the version\n"
    "\n"
    "exit codes:\n"
    "  0  success\n"
    "  1  verify found problems in a summary\n"
    "  2  usage error (unknown command or option, bad value)\n"
    "  3  input unreadable: missing file, a directory, permission, read error\n"
    "  4  input invalid: bad encoding, NUL bytes, binary data, empty, wrong --format\n"
    "  5  a limit exceeded: file size (--max-size), line length, paragraph count\n"
    "  6  output cannot be written\n"
    "  7  out of memory\n"
    "  8  internal error (a bug)\n";

typedef struct {
    const char *cmd, *file, *out, *encoding;
    ea_layout layout;
    size_t max_size;
    int json, pretty, sentences, explain, lossy, quiet, csv, table, bullets, cite;
} opts_t;

static int usage_error(const char *what, const char *arg) {
    fprintf(stderr, "earnest: %s%s%s\n(see earnest --help)\n", what, arg ? ": " : "", arg ? arg : "");
    return EXIT_USAGE;
}

static int parse_size(const char *s, size_t *out) {
    if (!*s) return -1;
    size_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        if (v > (SIZE_MAX - 9) / 10) return -1;
        v = v * 10 + (size_t)(*s - '0');
    }
    *out = v;
    return 0;
}

static int parse_args(int argc, char **argv, opts_t *o) {
    memset(o, 0, sizeof *o);
    o->max_size = (size_t)256 << 20;
    o->layout = EA_LAYOUT_AUTO;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
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
        } else if (!strcmp(a, "--lossy")) {
            o->lossy = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "--format")) {
            if (!next) return usage_error("--format needs a layout name", NULL);
            o->layout = ea_layout_from_name(next, strlen(next));
            if (o->layout == EA_LAYOUT_COUNT_) return usage_error("unknown layout", next);
            i++;
        } else if (!strcmp(a, "--encoding")) {
            if (!next) return usage_error("--encoding needs a name", NULL);
            o->encoding = next;
            i++;
        } else if (!strcmp(a, "--max-size")) {
            if (!next || parse_size(next, &o->max_size) || o->max_size == 0)
                return usage_error("--max-size needs a positive number of bytes", next);
            i++;
        } else if (!strcmp(a, "-o")) {
            if (!next) return usage_error("-o needs a file name", NULL);
            o->out = next;
            i++;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option", a);
        } else if (!o->cmd) {
            o->cmd = a;
        } else if (!o->file) {
            o->file = a;
        } else {
            return usage_error("more than one input file", a);
        }
    }
    if (!o->cmd) return usage_error("no command", NULL);
    return 0;
}

static void print_notes(const char *file, const char *notes) {
    const char *p = notes;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(stderr, "earnest: %s: warning: %.*s\n", file, (int)n, p);
        p += n + (nl ? 1 : 0);
    }
}

/* Reads and parses o->file; prints errors. Returns 0 or an exit code. */
static int load(const opts_t *o, ea_call **call) {
    char *data;
    size_t len;
    int rc = ea_cli_read(o->file, o->max_size, &data, &len);
    if (rc) return rc;
    ea_parse_options po;
    ea_parse_options_init(&po);
    po.layout = o->layout;
    po.encoding = o->encoding;
    po.max_input = o->max_size;
    if (o->lossy) po.flags |= EA_PARSE_LOSSY;
    ea_error err;
    memset(&err, 0, sizeof err);
    ea_status st = ea_call_parse(data, len, &po, call, &err);
    free(data);
    if (st != EA_OK) {
        ea_cli_report(o->file, &err);
        return ea_cli_exit_for(st);
    }
    if (!o->quiet) print_notes(o->file, ea_call_warnings(*call));
    return 0;
}

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
typedef ea_status (*emit_fn)(const opts_t *o, const ea_call *c, const ea_facts *f, ea_out *out);

static int run_with_facts(const opts_t *o, emit_fn emit) {
    ea_call *call = NULL;
    int rc = load(o, &call);
    if (rc) return rc;
    ea_facts *facts = NULL;
    ea_error err;
    memset(&err, 0, sizeof err);
    ea_status st = ea_facts_extract(call, &facts, &err);
    if (st != EA_OK) {
        ea_cli_report(o->file, &err);
        ea_call_free(call);
        return ea_cli_exit_for(st);
    }
    ea_out out;
    rc = ea_out_open(&out, o->out);
    if (rc == 0) {
        if (emit(o, call, facts, &out) != EA_OK) {
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

static ea_status emit_facts(const opts_t *o, const ea_call *c, const ea_facts *facts, ea_out *out) {
    (void)c;
    if (o->json) {
        ea_status st = ea_facts_write_json(facts, o->pretty ? EA_JSON_PRETTY : 0, ea_out_write, out);
        if (st == EA_OK && !o->pretty && ea_out_write(out, "\n", 1)) st = EA_ERR_IO;
        return st;
    }
    if (o->csv) return ea_facts_write_csv(facts, ea_out_write, out);
    return ea_facts_write_table(facts, ea_out_write, out);
}

static ea_status emit_digest(const opts_t *o, const ea_call *c, const ea_facts *facts, ea_out *out) {
    return ea_digest_write_bullets(c, facts, o->cite ? EA_BULLETS_CITE : 0, ea_out_write, out);
}

int main(int argc, char **argv) {
    opts_t o;
    int rc = parse_args(argc, argv, &o);
    if (rc) return rc;
    if (!strcmp(o.cmd, "parse")) {
        if (!o.file) return usage_error("parse needs a FILE (or - for standard input)", NULL);
        return cmd_parse(&o);
    }
    if (!strcmp(o.cmd, "facts")) {
        if (!o.file) return usage_error("facts needs a FILE (or - for standard input)", NULL);
        return run_with_facts(&o, emit_facts);
    }
    if (!strcmp(o.cmd, "digest")) {
        if (!o.file) return usage_error("digest needs a FILE (or - for standard input)", NULL);
        return run_with_facts(&o, emit_digest);
    }
    return usage_error("unknown command", o.cmd);
}
