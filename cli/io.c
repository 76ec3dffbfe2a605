#include "io.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int ea_cli_exit_for(ea_status st) {
    switch (st) {
    case EA_OK: return EXIT_OK_;
    case EA_ERR_USAGE: return EXIT_USAGE;
    case EA_ERR_IO: return EXIT_INPUT_UNREADABLE;
    case EA_ERR_ENCODING:
    case EA_ERR_BINARY:
    case EA_ERR_EMPTY:
    case EA_ERR_SYNTAX: return EXIT_INPUT_INVALID;
    case EA_ERR_LIMIT: return EXIT_LIMIT;
    case EA_ERR_NOMEM: return EXIT_NOMEM;
    case EA_ERR_INTERNAL: return EXIT_INTERNAL;
    }
    return EXIT_INTERNAL;
}

int ea_cli_read(const char *path, size_t max, char **data, size_t *len) {
    return ea_cli_read_to(stderr, path, max, data, len);
}

int ea_cli_read_to(FILE *msg, const char *path, size_t max, char **data, size_t *len) {
    *data = NULL;
    *len = 0;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(msg, "earnest: %s: cannot open: %s\n", path, strerror(errno));
        return EXIT_INPUT_UNREADABLE;
    }
    struct stat st;
    int have_st = fstat(fileno(f), &st) == 0;
    if (have_st) {
        if (S_ISDIR(st.st_mode)) {
            fprintf(msg, "earnest: %s: is a directory, not a transcript file\n", path);
            if (!is_stdin) fclose(f);
            return EXIT_INPUT_UNREADABLE;
        }
        if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > (uintmax_t)max) {
            fprintf(msg, "earnest: %s: file is %jd bytes, over the size limit of %zu bytes (--max-size)\n",
                    path, (intmax_t)st.st_size, max);
            if (!is_stdin) fclose(f);
            return EXIT_LIMIT;
        }
    }
    size_t cap = 1 << 16, n = 0;
    if (have_st && S_ISREG(st.st_mode) && st.st_size > 0) cap = (size_t)st.st_size + 1;
    char *buf = malloc(cap);
    if (!buf) {
        if (!is_stdin) fclose(f);
        fprintf(msg, "earnest: %s: out of memory\n", path);
        return EXIT_NOMEM;
    }
    for (;;) {
        if (n == cap) {
            if (cap > max) break;
            size_t nc = cap * 2;
            char *nb = realloc(buf, nc);
            if (!nb) {
                free(buf);
                if (!is_stdin) fclose(f);
                fprintf(msg, "earnest: %s: out of memory\n", path);
                return EXIT_NOMEM;
            }
            buf = nb;
            cap = nc;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    int err = ferror(f);
    if (!is_stdin) fclose(f);
    if (err) {
        free(buf);
        fprintf(msg, "earnest: %s: read error\n", path);
        return EXIT_INPUT_UNREADABLE;
    }
    if (n > max) {
        free(buf);
        fprintf(msg, "earnest: %s: input over the size limit of %zu bytes (--max-size)\n", path, max);
        return EXIT_LIMIT;
    }
    *data = buf;
    *len = n;
    return 0;
}

int ea_out_open(ea_out *o, const char *path) {
    return ea_out_open_to(o, path, stderr);
}

int ea_out_open_to(ea_out *o, const char *path, FILE *msg) {
    memset(o, 0, sizeof *o);
    o->msg = msg;
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    size_t n = strlen(path);
    o->path = malloc(n + 1);
    o->tmp = malloc(n + 16);
    if (!o->path || !o->tmp) {
        free(o->path);
        free(o->tmp);
        fprintf(msg, "earnest: out of memory\n");
        return EXIT_NOMEM;
    }
    memcpy(o->path, path, n + 1);
    memcpy(o->tmp, path, n);
    memcpy(o->tmp + n, ".tmp.XXXXXX", 12);
    int fd = mkstemp(o->tmp);
    if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
        fprintf(msg, "earnest: %s: cannot write: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        free(o->path);
        free(o->tmp);
        o->path = o->tmp = NULL;
        return EXIT_OUTPUT;
    }
    return 0;
}

int ea_out_write(void *ctx, const char *data, size_t len) {
    ea_out *o = ctx;
    if (o->failed) return 1;
    if (len && fwrite(data, 1, len, o->f) != len) o->failed = 1;
    return o->failed;
}

void ea_out_abort(ea_out *o) {
    if (o->f && o->f != stdout) {
        fclose(o->f);
        unlink(o->tmp);
    }
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof *o);
}

int ea_out_commit(ea_out *o) {
    FILE *msg = o->msg ? o->msg : stderr;
    if (o->f == stdout) {
        int bad = fflush(stdout) != 0 || o->failed;
        memset(o, 0, sizeof *o);
        if (bad) fprintf(msg, "earnest: cannot write to standard output\n");
        return bad ? EXIT_OUTPUT : 0;
    }
    int bad = o->failed | (fflush(o->f) != 0);
    if (!bad) bad = fsync(fileno(o->f)) != 0 && errno != EINVAL;
    if (fclose(o->f) != 0) bad = 1;
    o->f = NULL;
    if (!bad && rename(o->tmp, o->path) != 0) bad = 1;
    if (bad) {
        fprintf(msg, "earnest: %s: cannot write: %s\n", o->path, strerror(errno));
        unlink(o->tmp);
    }
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof *o);
    return bad ? EXIT_OUTPUT : 0;
}

void ea_cli_report(const char *path, const ea_error *err) {
    ea_cli_report_to(stderr, path, err);
}

void ea_cli_report_to(FILE *out, const char *path, const ea_error *err) {
    const char *msg = err->message ? err->message : ea_status_str(err->code);
    if (err->line)
        fprintf(out, "earnest: %s:%zu:%zu: error: %s (byte %zu)\n", path, err->line, err->column, msg,
                err->offset);
    else if (err->offset != SIZE_MAX)
        fprintf(out, "earnest: %s: error: %s (byte %zu)\n", path, msg, err->offset);
    else
        fprintf(out, "earnest: %s: error: %s\n", path, msg);
}

int ea_membuf_write(void *ctx, const char *data, size_t len) {
    ea_membuf *b = ctx;
    if (b->too_big || b->nomem) return 1;
    if (len > b->max - b->len) {
        b->too_big = 1;
        return 1;
    }
    if (len > b->cap - b->len) {
        size_t nc = b->cap ? b->cap : 4096;
        while (nc - b->len < len) nc = nc > b->max / 2 ? b->max : nc * 2;
        char *nd = realloc(b->data, nc);
        if (!nd) {
            b->nomem = 1;
            return 1;
        }
        b->data = nd;
        b->cap = nc;
    }
    if (len) memcpy(b->data + b->len, data, len);
    b->len += len;
    return 0;
}

void ea_membuf_free(ea_membuf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void ea_cli_input_init(ea_cli_input *in) {
    memset(in, 0, sizeof *in);
    in->layout = EA_LAYOUT_AUTO;
    in->max_size = (size_t)256 << 20;
}

int ea_cli_parse_size(const char *s, size_t *out) {
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

int ea_cli_input_option(ea_cli_input *in, const char *a, const char *next, const char **why, const char **what) {
    *why = NULL;
    *what = NULL;
    if (!strcmp(a, "--lossy")) {
        in->lossy = 1;
        return 1;
    }
    if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
        in->quiet = 1;
        return 1;
    }
    if (!strcmp(a, "--layout")) {
        if (!next) return *why = "--layout needs a layout name", -1;
        in->layout = ea_layout_from_name(next, strlen(next));
        if (in->layout == EA_LAYOUT_COUNT_) return *why = "unknown layout", *what = next, -1;
        in->layout_set = 1;
        return 2;
    }
    if (!strcmp(a, "--encoding")) {
        if (!next) return *why = "--encoding needs a name", -1;
        in->encoding = next;
        return 2;
    }
    if (!strcmp(a, "--lexicon")) {
        if (!next || !*next) return *why = "--lexicon needs a domain pack FILE", -1;
        if (in->n_lexicons == EA_CLI_MAX_LEXICONS) return *why = "more than 16 --lexicon files", *what = next, -1;
        in->lexicons[in->n_lexicons++] = next;
        return 2;
    }
    if (!strcmp(a, "--max-size")) {
        if (!next || ea_cli_parse_size(next, &in->max_size) || in->max_size == 0)
            return *why = "--max-size needs a positive number of bytes", *what = next, -1;
        return 2;
    }
    return 0;
}

int ea_cli_load(const ea_cli_input *in, const char *path, FILE *msg, ea_call **call) {
    char *data;
    size_t len;
    int rc = ea_cli_read_to(msg, path, in->max_size, &data, &len);
    if (rc) return rc;
    ea_parse_options po;
    ea_parse_options_init(&po);
    po.layout = in->layout;
    po.encoding = in->encoding;
    po.max_input = in->max_size;
    if (in->lossy) po.flags |= EA_PARSE_LOSSY;
    ea_error err;
    memset(&err, 0, sizeof err);
    ea_status st = ea_call_parse(data, len, &po, call, &err);
    free(data);
    if (st != EA_OK) {
        ea_cli_report_to(msg, path, &err);
        return ea_cli_exit_for(st);
    }
    const char *p = in->quiet ? "" : ea_call_warnings(*call);
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(msg, "earnest: %s: warning: %.*s\n", path, (int)n, p);
        p += n + (nl ? 1 : 0);
    }
    return 0;
}

int ea_cli_entities(const ea_cli_input *in, FILE *msg, ea_entities **out) {
    *out = NULL;
    if (!in->n_lexicons) return 0;
    ea_entities *set = NULL;
    ea_error err;
    memset(&err, 0, sizeof err);
    ea_status st = ea_entities_new(0, &set, &err);
    if (st != EA_OK) {
        fprintf(msg, "earnest: %s\n", st == EA_ERR_NOMEM ? "out of memory" : "the built-in domain packs do not load");
        return ea_cli_exit_for(st);
    }
    for (size_t i = 0; i < in->n_lexicons; i++) {
        const char *path = in->lexicons[i];
        /* say why a file cannot be read (the library only says that) */
        struct stat sb;
        FILE *f = NULL;
        if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
            fprintf(msg, "earnest: %s: is a directory, not a lexicon file (--lexicon)\n", path);
        else if (!(f = fopen(path, "rb")))
            fprintf(msg, "earnest: %s: cannot open the lexicon (--lexicon): %s\n", path, strerror(errno));
        if (!f) {
            ea_entities_free(set);
            return EXIT_INPUT_UNREADABLE;
        }
        fclose(f);
        memset(&err, 0, sizeof err);
        st = ea_entities_load_file(set, path, &err);
        if (st != EA_OK) {
            const char *why = err.message ? err.message : ea_status_str(st);
            if (err.line)
                fprintf(msg, "earnest: %s:%zu:%zu: error: lexicon: %s (byte %zu)\n", path, err.line, err.column, why,
                        err.offset);
            else
                fprintf(msg, "earnest: %s: error: lexicon: %s\n", path, why);
            ea_entities_free(set);
            return ea_cli_exit_for(st);
        }
    }
    *out = set;
    return 0;
}
