/* CLI plumbing: whole-file input and all-or-nothing output files. */
#ifndef EA_CLI_IO_H
#define EA_CLI_IO_H
#include <stddef.h>
#include <stdio.h>

#include "earnest/earnest.h"

/* Exit codes (documented in README.md and `earnest --help`). */
enum {
    EXIT_OK_ = 0,
    EXIT_FINDINGS = 1, /* verify: the summary has problems */
    EXIT_USAGE = 2,
    EXIT_INPUT_UNREADABLE = 3,
    EXIT_INPUT_INVALID = 4,
    EXIT_LIMIT = 5,
    EXIT_OUTPUT = 6,
    EXIT_NOMEM = 7,
    EXIT_INTERNAL = 8
};

int ea_cli_exit_for(ea_status st);

/* Reads a whole file ("-" = stdin) into malloc'd memory. On failure prints
 * "earnest: PATH: why" and returns the exit code; 0 on success.
 * The _to variants print their messages to `msg` instead of stderr (batch
 * workers collect each file's messages and print them in input order). */
int ea_cli_read(const char *path, size_t max, char **data, size_t *len);
int ea_cli_read_to(FILE *msg, const char *path, size_t max, char **data, size_t *len);

/* Output that appears only when complete: writes go to a temporary file
 * beside `path`, renamed over it on commit; NULL path means stdout. */
typedef struct {
    FILE *f;
    char *path, *tmp;
    int failed;
    FILE *msg; /* where commit reports failures; stderr unless opened _to */
} ea_out;
int ea_out_open(ea_out *o, const char *path);
int ea_out_open_to(ea_out *o, const char *path, FILE *msg);
int ea_out_write(void *ctx, const char *data, size_t len); /* ea_write_fn */
int ea_out_commit(ea_out *o);                              /* 0 ok; else exit code */
void ea_out_abort(ea_out *o);

/* Prints "earnest: PATH:LINE:COL: message (byte N)" for a parse error. */
void ea_cli_report(const char *path, const ea_error *err);
void ea_cli_report_to(FILE *msg, const char *path, const ea_error *err);

/* Output collected in memory (an ea_write_fn sink), for outputs that are
 * written out whole or emitted in order later. Grows up to `max` bytes;
 * past that the write fails and `too_big` is set. */
typedef struct {
    char *data;
    size_t len, cap, max;
    int too_big, nomem;
} ea_membuf;
int ea_membuf_write(void *ctx, const char *data, size_t len); /* ea_write_fn */
void ea_membuf_free(ea_membuf *b);

#define EA_CLI_MAX_LEXICONS 16

/* How every command reads a transcript: the input options they share. */
typedef struct {
    const char *encoding; /* --encoding */
    ea_layout layout;     /* --layout */
    int layout_set;
    size_t max_size;      /* --max-size */
    int lossy, quiet;     /* --lossy, -q */
    /* --lexicon FILE, in order (commands that extract facts) */
    const char *lexicons[EA_CLI_MAX_LEXICONS];
    size_t n_lexicons;
} ea_cli_input;

void ea_cli_input_init(ea_cli_input *in);
/* A decimal number of bytes, threads, ...: 0, or -1 when not one. */
int ea_cli_parse_size(const char *s, size_t *out);
/* Takes the input option at `a` (its value, if it needs one, in `next`).
 * Returns 0 when `a` is not an input option, 1 when it took `a` alone, 2
 * when it took `next` too, or -1 with *why (and *what) set for a usage
 * error. */
int ea_cli_input_option(ea_cli_input *in, const char *a, const char *next, const char **why, const char **what);
/* Reads and parses `path` ("-" = stdin); prints errors, and warnings unless
 * quiet, to `msg`. Returns 0 or an exit code. */
int ea_cli_load(const ea_cli_input *in, const char *path, FILE *msg, ea_call **call);

/* The built-in domain packs plus every --lexicon file, in order, into a
 * new set (*out; ea_entities_free). With no --lexicon, *out is NULL: the
 * built-in packs. Errors name the file, and the line and column when a
 * line is malformed, on `msg`; returns 0 or an exit code (3 unreadable,
 * 4 malformed, 5 over a limit, 7 out of memory). */
int ea_cli_entities(const ea_cli_input *in, FILE *msg, ea_entities **out);

/* earnest verify SUMMARY --against FILE (cli/verify_cmd.c); argv[1] is "verify". */
int cmd_verify(int argc, char **argv);
#endif
