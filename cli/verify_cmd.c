/* earnest verify SUMMARY --against FILE: check a summary's numbers and
 * citations against the call. Exit 0 when there is nothing to report, 1
 * when there are findings, and the usual codes for errors. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "earnest/earnest.h"
#include "io.h"

static const char verify_usage[] =
    "usage: earnest verify SUMMARY --against FILE [OPTIONS]\n"
    "\n"
    "Checks every number and [n] citation of SUMMARY (any text, one claim a line,\n"
    "English or Chinese) against the transcript FILE: numbers the call never states,\n"
    "the wrong scale, sign, unit or period, citations that do not support the line,\n"
    "and companies (of the domain packs) that the cited paragraphs do not name.\n"
    "Lists each finding with its line and the nearest figure in the call.\n"
    "SUMMARY or FILE may be - for standard input (not both).\n"
    "\n"
    "  --against FILE     the transcript the summary is of (required)\n"
    "  --format text|json findings for people (default) or as JSON (docs/verify.md);\n"
    "                     --json says the same\n"
    "  --pretty           indented JSON\n"
    "  --layout NAME      force the transcript's layout (see earnest --help)\n"
    "  --lexicon FILE     a domain pack of your own, added to the built-in ones\n"
    "                     (docs/lexicon.md; repeatable): its companies are checked too\n"
    "  --encoding ENC     the transcript's encoding (the summary must be UTF-8)\n"
    "  --lossy            replace undecodable transcript bytes with U+FFFD\n"
    "  --max-size BYTES   refuse larger inputs (default 268435456 = 256 MiB)\n"
    "  -o FILE            write to FILE (complete or not at all) instead of stdout\n"
    "  -q, --quiet        no warnings on stderr\n"
    "\n"
    "exit codes: 0 no findings, 1 findings, 2 usage, 3 unreadable, 4 invalid input,\n"
    "5 limit, 6 output, 7 out of memory, 8 internal error (a --lexicon FILE: 3\n"
    "unreadable, 4 a malformed line, 5 over a limit)\n";

typedef struct {
    const char *summary, *against, *out;
    ea_cli_input in;
    int json, pretty;
} vopts_t;

static int vusage(const char *what, const char *arg) {
    fprintf(stderr, "earnest: verify: %s%s%s\n(see earnest verify --help)\n", what, arg ? ": " : "", arg ? arg : "");
    return EXIT_USAGE;
}

static int vparse(int argc, char **argv, vopts_t *o) {
    memset(o, 0, sizeof *o);
    ea_cli_input_init(&o->in);
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        const char *why, *what;
        int took = ea_cli_input_option(&o->in, a, next, &why, &what);
        if (took < 0) return vusage(why, what);
        if (took) {
            i += took - 1;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(verify_usage, stdout);
            return -1;
        } else if (!strcmp(a, "--against")) {
            if (!next) return vusage("--against needs the transcript FILE", NULL);
            if (o->against) return vusage("--against given twice", next);
            o->against = next;
            i++;
        } else if (!strcmp(a, "--json")) {
            o->json = 1;
        } else if (!strcmp(a, "--format")) {
            if (!next) return vusage("--format needs text or json", NULL);
            if (!strcmp(next, "json")) o->json = 1;
            else if (!strcmp(next, "text")) o->json = 0;
            else return vusage("--format is text or json for verify (the transcript's layout: --layout)", next);
            i++;
        } else if (!strcmp(a, "--pretty")) {
            o->pretty = 1;
        } else if (!strcmp(a, "-o")) {
            if (!next) return vusage("-o needs a file name", NULL);
            o->out = next;
            i++;
        } else if (a[0] == '-' && a[1]) {
            return vusage("unknown option", a);
        } else if (!o->summary) {
            o->summary = a;
        } else {
            return vusage("one SUMMARY at a time; the transcript goes after --against", a);
        }
    }
    if (!o->summary) return vusage("no SUMMARY file (or - for standard input)", NULL);
    if (!o->against) return vusage("no transcript: add --against FILE", NULL);
    if (!strcmp(o->summary, "-") && !strcmp(o->against, "-"))
        return vusage("the summary and the transcript cannot both be standard input", NULL);
    return 0;
}

int cmd_verify(int argc, char **argv) {
    vopts_t o;
    int rc = vparse(argc, argv, &o);
    if (rc < 0) return 0; /* --help */
    if (rc) return rc;

    /* the domain packs, then the transcript and its facts */
    ea_entities *set = NULL;
    rc = ea_cli_entities(&o.in, stderr, &set);
    if (rc) return rc;
    ea_call *call = NULL;
    rc = ea_cli_load(&o.in, o.against, stderr, &call);
    if (rc) {
        ea_entities_free(set);
        return rc;
    }
    ea_facts *facts = NULL;
    ea_facts_options fo;
    ea_facts_options_init(&fo);
    fo.entities = set;
    ea_error err;
    memset(&err, 0, sizeof err);
    ea_status st = ea_facts_extract_opts(call, &fo, &facts, &err);
    if (st != EA_OK) {
        ea_cli_report(o.against, &err);
        ea_call_free(call);
        ea_entities_free(set);
        return ea_cli_exit_for(st);
    }

    /* the summary */
    char *sum = NULL;
    size_t slen = 0;
    rc = ea_cli_read(o.summary, o.in.max_size, &sum, &slen);
    ea_verify_result *res = NULL;
    if (rc == 0) {
        memset(&err, 0, sizeof err);
        ea_verify_options vo; /* companies: the same packs as the facts */
        ea_verify_options_init(&vo);
        vo.entities = set;
        st = ea_verify_summary_opts(call, facts, &vo, sum, slen, &res, &err);
        free(sum);
        if (st != EA_OK) {
            ea_cli_report(o.summary, &err);
            rc = ea_cli_exit_for(st);
        }
    }
    if (rc) {
        ea_facts_free(facts);
        ea_call_free(call);
        ea_entities_free(set);
        return rc;
    }

    ea_out out;
    rc = ea_out_open(&out, o.out);
    if (rc == 0) {
        if (o.json) {
            st = ea_verify_write_json(res, o.pretty ? EA_JSON_PRETTY : 0, ea_out_write, &out);
            if (st == EA_OK && !o.pretty && ea_out_write(&out, "\n", 1)) st = EA_ERR_IO;
        } else {
            st = ea_verify_write_text(res, o.summary, ea_out_write, &out);
        }
        if (st != EA_OK) {
            ea_out_abort(&out);
            fprintf(stderr, "earnest: cannot write output\n");
            rc = EXIT_OUTPUT;
        } else {
            rc = ea_out_commit(&out);
        }
    }
    if (rc == 0 && ea_verify_count(res) > 0) rc = EXIT_FINDINGS;
    ea_verify_free(res);
    ea_facts_free(facts);
    ea_call_free(call);
    ea_entities_free(set);
    return rc;
}
