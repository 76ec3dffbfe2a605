/* CLI batch runs: many inputs, one output each, on N threads. */
#ifndef EA_CLI_BATCH_H
#define EA_CLI_BATCH_H
#include <stddef.h>
#include <stdio.h>

#include "io.h"

/* Renders one input into `out`. Prints its messages (errors, warnings) to
 * `msg` only. Returns 0 or an exit code (io.h). Called from several threads
 * at once, each time with another path: it must share nothing mutable. */
typedef int (*ea_batch_fn)(void *ctx, const char *path, FILE *msg, ea_membuf *out);

typedef struct {
    const char *cmd;         /* "digest": names the closing line */
    const char *const *files;
    size_t nfiles;
    /* Directory mode (ndjson_key NULL): `out` is a directory, created when
     * missing; input a/b/NAME.txt is written to OUT/NAME + ext, each file
     * complete or not at all. NDJSON mode: every input becomes one line
     * {"file": PATH, KEY: output} (or {"file": PATH, "error": ..., "exit":
     * N} when it failed), in input order, to `out` (NULL or "-": stdout). */
    const char *out;
    const char *ext;         /* ".md" */
    const char *ndjson_key;  /* "digest" */
    unsigned jobs;           /* threads; 0 or 1: one */
    int quiet;               /* no closing line, no progress bar */
    ea_batch_fn run;
    void *ctx;
} ea_batch;

/* Runs every input; one failing input never stops the others. Messages go
 * to stderr in input order; a progress bar is drawn there when it is a
 * terminal. Returns 0 when every input succeeded, else the highest exit
 * code among the failures (8 internal > 7 memory > 6 output > 5 limit >
 * 4 invalid > 3 unreadable), or 2 for a problem found before any input is
 * read (an -o that is not a directory, two inputs with one output name). */
int ea_batch_run(const ea_batch *b);
#endif
