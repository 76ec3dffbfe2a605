/* Batch runs. Workers take the next input from a shared counter, render it
 * into memory with their own call and facts (nothing is shared), and in
 * directory mode write the output file themselves. The main thread prints
 * each input's messages (and in NDJSON mode its line) in input order, so
 * the output and stderr do not depend on -j, and it owns the terminal for
 * the progress bar: workers never touch stderr. */
#include "batch.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* One output held in memory: digests are a few KB, facts of the largest
 * calls a few hundred. */
#define OUT_MAX ((size_t)1 << 30)

typedef struct {
    const char *path;
    char *out_path; /* directory mode */
    ea_membuf buf;  /* NDJSON mode: the output, until it is emitted */
    char *msg;      /* the input's messages (open_memstream) */
    size_t msg_len;
    int rc;
    int done; /* under runner.lock */
} job_t;

typedef struct {
    const ea_batch *b;
    job_t *jobs;
    atomic_size_t next;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    size_t n_done;
} runner_t;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void run_one(const ea_batch *b, job_t *j) {
    FILE *mem = open_memstream(&j->msg, &j->msg_len);
    FILE *msg = mem ? mem : stderr;
    j->buf.max = OUT_MAX;
    int rc = b->run(b->ctx, j->path, msg, &j->buf);
    if (rc == 0 && j->out_path) {
        ea_out out;
        rc = ea_out_open_to(&out, j->out_path, msg);
        if (rc == 0) {
            ea_out_write(&out, j->buf.data, j->buf.len);
            rc = ea_out_commit(&out);
        }
    }
    if (rc || j->out_path) ea_membuf_free(&j->buf);
    if (mem) fclose(mem);
    j->rc = rc;
}

static void *worker(void *arg) {
    runner_t *r = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&r->next, 1);
        if (i >= r->b->nfiles) break;
        run_one(r->b, &r->jobs[i]);
        pthread_mutex_lock(&r->lock);
        r->jobs[i].done = 1;
        r->n_done++;
        pthread_cond_signal(&r->cond);
        pthread_mutex_unlock(&r->lock);
    }
    return NULL;
}

/* ---- JSON for the NDJSON wrapper (file names are arbitrary bytes) ------ */

/* Length of the valid UTF-8 sequence at p, or 0. */
static size_t utf8_len(const unsigned char *p, size_t n) {
    unsigned c = p[0];
    size_t l;
    if (c >= 0xC2 && c <= 0xDF) l = 2;
    else if (c >= 0xE0 && c <= 0xEF) l = 3;
    else if (c >= 0xF0 && c <= 0xF4) l = 4;
    else return 0;
    if (n < l) return 0;
    for (size_t i = 1; i < l; i++)
        if ((p[i] & 0xC0) != 0x80) return 0;
    if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) || (c == 0xF0 && p[1] < 0x90) ||
        (c == 0xF4 && p[1] > 0x8F))
        return 0;
    return l;
}

static void put(ea_membuf *m, const char *s) { ea_membuf_write(m, s, strlen(s)); }

/* A JSON string; bytes that are not UTF-8 become U+FFFD. */
static void json_str(ea_membuf *m, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    put(m, "\"");
    size_t run = 0; /* bytes at p[i - run .. i) to copy as they are */
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        size_t l = 1;
        const char *esc = NULL;
        char u[7];
        if (c == '"') esc = "\\\"";
        else if (c == '\\') esc = "\\\\";
        else if (c == '\n') esc = "\\n";
        else if (c == '\t') esc = "\\t";
        else if (c < 0x20) {
            memcpy(u, "\\u00", 4);
            u[4] = hex[c >> 4];
            u[5] = hex[c & 15];
            u[6] = 0;
            esc = u;
        } else if (c >= 0x80 && !(l = utf8_len(p + i, n - i))) {
            esc = "\\ufffd";
            l = 1;
        }
        if (esc) {
            ea_membuf_write(m, (const char *)p + i - run, run);
            run = 0;
            put(m, esc);
        } else {
            run += l;
        }
        i += l;
    }
    ea_membuf_write(m, (const char *)p + n - run, run);
    put(m, "\"");
}

static const char *exit_meaning(int rc) {
    switch (rc) {
    case EXIT_INPUT_UNREADABLE: return "input unreadable";
    case EXIT_INPUT_INVALID: return "input invalid";
    case EXIT_LIMIT: return "a limit exceeded";
    case EXIT_OUTPUT: return "output cannot be written";
    case EXIT_NOMEM: return "out of memory";
    default: return "internal error";
    }
}

/* The line of one input: {"file":..., KEY: output} or an error object. The
 * output is the library's JSON; raw line breaks in JSON can only be white
 * space between tokens (strings escape them), so they become spaces. */
static void nd_line(ea_membuf *m, const ea_batch *b, const job_t *j) {
    put(m, "{\"file\":");
    json_str(m, j->path, strlen(j->path));
    if (j->rc == 0) {
        put(m, ",\"");
        put(m, b->ndjson_key);
        put(m, "\":");
        const char *d = j->buf.data;
        size_t n = j->buf.len;
        while (n && (d[n - 1] == '\n' || d[n - 1] == '\r' || d[n - 1] == ' ' || d[n - 1] == '\t')) n--;
        if (!n) put(m, "null");
        size_t s = 0;
        for (size_t i = 0; i < n; i++) {
            if (d[i] != '\n' && d[i] != '\r') continue;
            ea_membuf_write(m, d + s, i - s);
            put(m, " ");
            s = i + 1;
        }
        ea_membuf_write(m, d + s, n - s);
    } else {
        /* the last message line names the failure: "earnest: PATH: ..." */
        const char *t = j->msg ? j->msg : "";
        size_t n = j->msg ? j->msg_len : 0;
        while (n && t[n - 1] == '\n') n--;
        size_t s = n;
        while (s && t[s - 1] != '\n') s--;
        if (n - s > 9 && !memcmp(t + s, "earnest: ", 9)) s += 9;
        put(m, ",\"error\":");
        if (n > s) json_str(m, t + s, n - s);
        else json_str(m, exit_meaning(j->rc), strlen(exit_meaning(j->rc)));
        char code[32];
        snprintf(code, sizeof code, ",\"exit\":%d", j->rc);
        put(m, code);
    }
    put(m, "}\n");
}

/* ---- directory mode ----------------------------------------------------- */

/* OUT/NAME + ext for input a/b/NAME.txt; NULL when out of memory. */
static char *out_name(const char *dir, const char *path, const char *ext) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t bl = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base) bl = (size_t)(dot - base);
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/') dl--;
    size_t el = strlen(ext);
    char *s = malloc(dl + 1 + bl + el + 1);
    if (!s) return NULL;
    memcpy(s, dir, dl);
    size_t k = dl;
    if (!(dl == 1 && dir[0] == '/')) s[k++] = '/';
    memcpy(s + k, base, bl);
    memcpy(s + k + bl, ext, el + 1);
    return s;
}

static int prepare_dir(const char *dir) {
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno == ENOENT && mkdir(dir, 0777) == 0) return 0;
        if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
        fprintf(stderr, "earnest: %s: cannot create the output directory: %s\n", dir, strerror(errno));
        return EXIT_OUTPUT;
    }
    if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, "earnest: %s: not a directory (with several inputs, -o names a directory)\n", dir);
        return EXIT_USAGE;
    }
    return 0;
}

static const job_t *g_sort_jobs; /* qsort has no context argument */
static int by_out_path(const void *a, const void *b) {
    return strcmp(g_sort_jobs[*(const size_t *)a].out_path, g_sort_jobs[*(const size_t *)b].out_path);
}

/* Names every output; refuses two inputs with one output name, "-", and an
 * output that is its own input. */
static int plan_outputs(const ea_batch *b, job_t *jobs) {
    for (size_t i = 0; i < b->nfiles; i++) {
        if (!strcmp(jobs[i].path, "-")) {
            fprintf(stderr, "earnest: standard input (-) has no name to write under -o %s\n(see earnest --help)\n",
                    b->out);
            return EXIT_USAGE;
        }
        if (!(jobs[i].out_path = out_name(b->out, jobs[i].path, b->ext))) {
            fprintf(stderr, "earnest: out of memory\n");
            return EXIT_NOMEM;
        }
        struct stat so, si;
        if (stat(jobs[i].out_path, &so) == 0 && stat(jobs[i].path, &si) == 0 && so.st_dev == si.st_dev &&
            so.st_ino == si.st_ino) {
            fprintf(stderr, "earnest: %s: the output would replace its own input\n(see earnest --help)\n",
                    jobs[i].path);
            return EXIT_USAGE;
        }
    }
    size_t *ix = malloc(b->nfiles * sizeof *ix);
    if (!ix) {
        fprintf(stderr, "earnest: out of memory\n");
        return EXIT_NOMEM;
    }
    for (size_t i = 0; i < b->nfiles; i++) ix[i] = i;
    g_sort_jobs = jobs;
    qsort(ix, b->nfiles, sizeof *ix, by_out_path);
    int rc = 0;
    for (size_t i = 1; i < b->nfiles && !rc; i++) {
        const job_t *x = &jobs[ix[i - 1]], *y = &jobs[ix[i]];
        if (strcmp(x->out_path, y->out_path)) continue;
        const job_t *first = ix[i - 1] < ix[i] ? x : y, *second = first == x ? y : x;
        fprintf(stderr, "earnest: %s and %s would both be written to %s\n(see earnest --help)\n", first->path,
                second->path, x->out_path);
        rc = EXIT_USAGE;
    }
    free(ix);
    return rc;
}

/* ---- the run ------------------------------------------------------------ */

static void draw_bar(const char *cmd, size_t done, size_t n, double secs) {
    enum { W = 30 };
    char bar[W + 1];
    size_t fill = n ? done * W / n : W;
    memset(bar, '#', fill);
    memset(bar + fill, '.', W - fill);
    bar[W] = 0;
    fprintf(stderr, "\r%s [%s] %zu/%zu  %.1f s\033[K", cmd, bar, done, n, secs);
    fflush(stderr);
}

int ea_batch_run(const ea_batch *b) {
    double t0 = now_s();
    size_t n = b->nfiles;
    int ndjson = b->ndjson_key != NULL;
    if (!ndjson) {
        int rc = prepare_dir(b->out);
        if (rc) return rc;
    }
    job_t *jobs = calloc(n ? n : 1, sizeof *jobs);
    if (!jobs) {
        fprintf(stderr, "earnest: out of memory\n");
        return EXIT_NOMEM;
    }
    for (size_t i = 0; i < n; i++) jobs[i].path = b->files[i];
    int worst = ndjson ? 0 : plan_outputs(b, jobs);
    ea_out nd;
    memset(&nd, 0, sizeof nd);
    if (!worst && ndjson) worst = ea_out_open(&nd, b->out);
    if (worst) {
        for (size_t i = 0; i < n; i++) free(jobs[i].out_path);
        free(jobs);
        return worst;
    }

    runner_t r;
    r.b = b;
    r.jobs = jobs;
    atomic_init(&r.next, 0);
    r.n_done = 0;
    pthread_mutex_init(&r.lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&r.cond, &ca);
    pthread_condattr_destroy(&ca);

    size_t nt = b->jobs > 1 ? b->jobs : 1;
    if (nt > n) nt = n ? n : 1;
    pthread_t *th = malloc(nt * sizeof *th);
    size_t started = 0;
    while (th && started < nt && pthread_create(&th[started], NULL, worker, &r) == 0) started++;
    if (started == 0) worker(&r); /* no threads to be had: do it here */

    int bar = !b->quiet && isatty(STDERR_FILENO);
    int drawn = 0;
    double last_draw = t0;
    size_t emitted = 0, written = 0;
    ea_membuf line;
    memset(&line, 0, sizeof line);
    line.max = OUT_MAX;
    pthread_mutex_lock(&r.lock);
    while (emitted < n) {
        if (!jobs[emitted].done) {
            if (bar) {
                struct timespec ts;
                clock_gettime(CLOCK_MONOTONIC, &ts);
                ts.tv_nsec += 100000000L;
                if (ts.tv_nsec >= 1000000000L) {
                    ts.tv_sec++;
                    ts.tv_nsec -= 1000000000L;
                }
                pthread_cond_timedwait(&r.cond, &r.lock, &ts);
            } else {
                pthread_cond_wait(&r.cond, &r.lock);
            }
        }
        size_t ready = emitted;
        while (ready < n && jobs[ready].done) ready++;
        size_t n_done = r.n_done;
        pthread_mutex_unlock(&r.lock);
        for (; emitted < ready; emitted++) {
            job_t *j = &jobs[emitted];
            if (j->msg_len) {
                if (drawn) fputs("\r\033[K", stderr);
                drawn = 0;
                fwrite(j->msg, 1, j->msg_len, stderr);
            }
            if (j->rc == 0) written++;
            if (j->rc > worst) worst = j->rc;
            if (ndjson) {
                line.len = 0;
                line.too_big = line.nomem = 0;
                nd_line(&line, b, j);
                if (line.nomem || line.too_big) nd.failed = 1;
                else ea_out_write(&nd, line.data, line.len);
                if (nd.f == stdout && !nd.failed && fflush(stdout) != 0) nd.failed = 1;
                ea_membuf_free(&j->buf);
            }
            free(j->msg);
            j->msg = NULL;
        }
        if (bar && emitted < n) {
            double t = now_s();
            if (t - last_draw >= 0.1) {
                draw_bar(b->cmd, n_done, n, t - t0);
                drawn = 1;
                last_draw = t;
            }
        }
        pthread_mutex_lock(&r.lock);
    }
    pthread_mutex_unlock(&r.lock);
    for (size_t i = 0; i < started; i++) pthread_join(th[i], NULL);
    free(th);
    pthread_cond_destroy(&r.cond);
    pthread_mutex_destroy(&r.lock);
    ea_membuf_free(&line);
    if (drawn) fputs("\r\033[K", stderr);

    if (ndjson) {
        int rc = ea_out_commit(&nd);
        if (rc > worst) worst = rc;
    }
    if (!b->quiet)
        fprintf(stderr, "earnest: %s: %zu file%s, %zu written, %zu failed (%.2f s)\n", b->cmd, n,
                n == 1 ? "" : "s", written, n - written, now_s() - t0);
    for (size_t i = 0; i < n; i++) free(jobs[i].out_path);
    free(jobs);
    return worst;
}
