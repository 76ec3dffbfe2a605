/* Parse throughput and memory, for bench/run.sh.
 *
 *   bench_parse [--runs N] [--full | --facts] [--repeat K] FILE...
 *       Loads every FILE into memory first, then parses them all (K times
 *       each, default 1) N times (default 5) and prints the best run:
 *       bytes, CPU seconds, MB/s. --full also computes sentences and
 *       renders JSON (with sentences) and text to a discarding sink.
 *       Failures to parse are counted and reported, never hidden.
 *   bench_parse --rss FILE...
 *       For each FILE in a fresh process: read it, parse it, sentences,
 *       JSON; print "peak_kb baseline_kb size FILE" (peak RSS from
 *       getrusage, baseline = RSS of the process before reading).
 *   bench_parse --rss-concat FILE...
 *       All FILEs concatenated into one document in memory, parsed (with
 *       sentences and JSON) in a fresh process: "peak_kb baseline_kb size
 *       cpu_seconds" -- memory and time for one large input.
 *   bench_parse --exec-cpu N -- COMMAND ARGS...
 *       Runs COMMAND N times (stdout to /dev/null) and prints the best
 *       child CPU time (user + system), so other tools (wc -w) are
 *       measured the same way as the parser.
 *
 * CPU time, not wall time: the process CPU clock, so a busy machine
 * slows the numbers less. One thread: one core. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "earnest/earnest.h"

typedef struct {
    char *data;
    size_t len;
    const char *path;
} doc_t;

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int load(const char *path, doc_t *d) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        return -1;
    }
    size_t n = (size_t)st.st_size;
    d->data = malloc(n ? n : 1);
    d->len = d->data ? fread(d->data, 1, n, f) : 0;
    d->path = path;
    fclose(f);
    return d->data && d->len == n ? 0 : -1;
}

static int discard(void *ctx, const char *p, size_t n) {
    (void)p;
    *(size_t *)ctx += n;
    return 0;
}

/* Returns 0 when the document parsed. */
/* full: 1 = sentences + JSON + text; 2 = fact extraction */
static int parse_one(const doc_t *d, int full) {
    ea_call *c = NULL;
    ea_status st = ea_call_parse(d->data, d->len, NULL, &c, NULL);
    if (st != EA_OK) return -1;
    if (full == 2) {
        ea_facts *fs = NULL;
        st = ea_facts_extract(c, &fs, NULL);
        ea_facts_free(fs);
        ea_call_free(c);
        return st == EA_OK ? 0 : -1;
    }
    if (full) {
        size_t ns, out = 0;
        ea_call_sentences(c, &ns);
        ea_call_write_json(c, EA_JSON_SENTENCES, discard, &out);
        ea_call_write_text(c, 0, discard, &out);
    }
    ea_call_free(c);
    return 0;
}

static long rss_now_kb(void) {
    /* VmRSS from /proc/self/status; 0 when unavailable */
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    long kb = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmRSS:", 6) == 0) {
            const char *p = line + 6;
            while (*p == ' ' || *p == '\t') p++;
            while (*p >= '0' && *p <= '9') kb = kb * 10 + (*p++ - '0');
            break;
        }
    }
    fclose(f);
    return kb;
}

static int rss_mode(int n, char **files) {
    int bad = 0;
    for (int i = 0; i < n; i++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0) return 1;
        if (pid == 0) {
            long base = rss_now_kb();
            doc_t d;
            if (load(files[i], &d)) _exit(3);
            int rc = parse_one(&d, 1);
            free(d.data);
            struct rusage ru;
            getrusage(RUSAGE_SELF, &ru);
            printf("%ld %ld %zu %s%s\n", ru.ru_maxrss, base, d.len, files[i], rc ? " (parse failed)" : "");
            fflush(stdout);
            _exit(rc ? 4 : 0);
        }
        int status;
        if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) bad++;
    }
    return bad ? 1 : 0;
}

/* All files concatenated into one document, held in memory once, parsed in
 * a fresh process: memory for a large input. */
static int rss_concat_mode(int n, char **files) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) return 1;
    if (pid == 0) {
        long base = rss_now_kb();
        size_t total = 0;
        for (int i = 0; i < n; i++) {
            struct stat st;
            if (stat(files[i], &st) == 0) total += (size_t)st.st_size + 1;
        }
        char *buf = malloc(total ? total : 1);
        if (!buf) _exit(3);
        size_t len = 0;
        for (int i = 0; i < n; i++) {
            FILE *f = fopen(files[i], "rb");
            if (!f) continue;
            len += fread(buf + len, 1, total - len, f);
            fclose(f);
            if (len < total) buf[len++] = '\n';
        }
        doc_t d = {buf, len, "(all files)"};
        double t0 = cpu_now();
        int rc = parse_one(&d, 1);
        double t = cpu_now() - t0;
        free(buf);
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        printf("%ld %ld %zu %.3f%s\n", ru.ru_maxrss, base, len, t, rc ? " (parse failed)" : "");
        fflush(stdout);
        _exit(rc ? 4 : 0);
    }
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return 1;
    return 0;
}

static int exec_cpu_mode(int runs, char **argv) {
    double best = HUGE_VAL;
    for (int r = 0; r < runs; r++) {
        pid_t pid = fork();
        if (pid < 0) return 1;
        if (pid == 0) {
            int fd = open("/dev/null", O_WRONLY);
            if (fd >= 0) dup2(fd, 1);
            execvp(argv[0], argv);
            _exit(127);
        }
        int status;
        struct rusage ru;
        if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "bench_parse: %s failed\n", argv[0]);
            return 1;
        }
        double t = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
                   (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
        if (t < best) best = t;
    }
    printf("cpu_seconds %.6f\n", best);
    return 0;
}

int main(int argc, char **argv) {
    int runs = 5, full = 0, repeat = 1, i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = (int)strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--full")) full = 1;
        else if (!strcmp(argv[i], "--facts")) full = 2;
        else if (!strcmp(argv[i], "--rss")) return rss_mode(argc - i - 1, argv + i + 1);
        else if (!strcmp(argv[i], "--rss-concat")) return rss_concat_mode(argc - i - 1, argv + i + 1);
        else if (!strcmp(argv[i], "--exec-cpu") && i + 2 < argc && !strcmp(argv[i + 2], "--"))
            return exec_cpu_mode((int)strtol(argv[i + 1], NULL, 10), argv + i + 3);
        else break;
    }
    if (runs < 1) runs = 1;
    if (repeat < 1) repeat = 1;
    int n = argc - i;
    if (n <= 0) {
        fprintf(stderr, "usage: bench_parse [--runs N] [--full | --facts] [--repeat K] FILE...\n"
                        "       bench_parse --rss FILE...\n"
                        "       bench_parse --rss-concat FILE...\n"
                        "       bench_parse --exec-cpu N -- COMMAND ARGS...\n");
        return 2;
    }
    doc_t *docs = calloc((size_t)n, sizeof *docs);
    size_t total = 0, largest = 0;
    const char *largest_path = "";
    for (int k = 0; k < n; k++) {
        if (load(argv[i + k], &docs[k])) {
            fprintf(stderr, "bench_parse: %s: cannot read: %s\n", argv[i + k], strerror(errno));
            return 1;
        }
        total += docs[k].len;
        if (docs[k].len > largest) {
            largest = docs[k].len;
            largest_path = docs[k].path;
        }
    }
    /* one untimed pass: warms caches, counts failures */
    int failed = 0;
    for (int k = 0; k < n; k++)
        if (parse_one(&docs[k], full)) {
            failed++;
            fprintf(stderr, "bench_parse: %s: does not parse\n", docs[k].path);
        }
    double best = HUGE_VAL, sum = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = cpu_now();
        for (int rep = 0; rep < repeat; rep++)
            for (int k = 0; k < n; k++) parse_one(&docs[k], full);
        double t = cpu_now() - t0;
        sum += t;
        if (t < best) best = t;
    }
    double bytes = (double)total * repeat;
    printf("files %d\nrepeat %d\nfailed %d\nbytes %.0f\nlargest %zu %s\nruns %d\n", n, repeat, failed, bytes,
           largest, largest_path, runs);
    printf("best_cpu_seconds %.6f\nmean_cpu_seconds %.6f\n", best, sum / runs);
    printf("mb_per_s %.1f\n", best > 0 ? bytes / best / 1e6 : 0.0);
    for (int k = 0; k < n; k++) free(docs[k].data);
    free(docs);
    return failed ? 3 : 0;
}
