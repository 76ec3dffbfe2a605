/* Faithfulness: every number in every digest output (key figures, guidance,
 * minutes, Q&A, headline bullets; English and Chinese) is a value stated
 * in a paragraph that the line cites. Walks the corpus fixtures, the
 * bundled example, and (when ../shared is there) the bilingual sample and
 * ECTSum val transcripts. */
#include <dirent.h>
#include <math.h>

#include "harness.h"
#include "earnest/earnest.h"
#include "extract/qty.h"
#include "summarize/digest_int.h"
#include "util/text.h"

typedef struct {
    double v[4096];
    size_t n;
} vals_t;

static int collect(void *ctx, const ea_qty *q) {
    vals_t *vs = ctx;
    if (q->flags & EA_Q_NOTVALUE) return 0;
    double xs[3] = {q->value, q->low, q->high};
    int k = (q->flags & EA_Q_RANGE) ? 3 : 1;
    for (int i = (q->flags & EA_Q_RANGE) ? 1 : 0; i < k && vs->n < sizeof vs->v / sizeof vs->v[0]; i++) vs->v[vs->n++] = fabs(xs[i]);
    return 0;
}

static int same(double a, double b) { return fabs(a - b) <= 1e-6 * (fabs(a) > 1 ? fabs(a) : 1); }

static long checked, failures;

/* each value in `text` must be among the values of the cited paragraphs */
static void check_line(const ea_call *c, const char *file, ea_str text, const uint32_t *cites, uint32_t n_cites) {
    static vals_t out, src;
    out.n = src.n = 0;
    ea_qty_scan(text.ptr, text.len, collect, &out);
    if (!out.n) return;
    for (uint32_t i = 0; i < n_cites; i++) {
        const ea_paragraph *p = ea_call_paragraph(c, cites[i]);
        if (!p) continue;
        ea_qty_scan(p->text.ptr, p->text.len, collect, &src);
        if (p->has_translation) ea_qty_scan(p->tr_text.ptr, p->tr_text.len, collect, &src);
    }
    for (size_t i = 0; i < out.n; i++) {
        int ok = 0;
        for (size_t j = 0; j < src.n && !ok; j++) ok = same(out.v[i], src.v[j]);
        checked++;
        if (!ok) {
            failures++;
            if (failures <= 20)
                fprintf(stderr, "%s: %g not stated in the cited paragraphs: %.*s\n", file, out.v[i], (int)text.len,
                        text.ptr);
        }
    }
}

static void check_item(const ea_call *c, const char *file, const dg_item *it) {
    CHECK(it->n_cites > 0 || it->text.len == 0);
    check_line(c, file, it->text, it->cites, it->n_cites);
}

/* headline bullets: each line ends with its [n] or [n, m] */
static void check_bullets(const ea_call *c, const ea_facts *fs, const char *file) {
    th_sink s = {0};
    CHECK(ea_digest_write_bullets(c, fs, EA_BULLETS_CITE, th_put, &s) == EA_OK);
    char *line = s.buf ? s.buf : (char[1]){0};
    while (*line) {
        char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        char *br = NULL;
        for (size_t i = 0; i < len; i++)
            if (line[i] == '[') br = line + i;
        CHECK(br != NULL);
        if (br) {
            uint32_t cites[4];
            size_t nc = 0;
            for (char *p = br; nc < 4 && (*p == '[' || *p == ','); nc++) {
                char *e;
                uint32_t cite = (uint32_t)strtoul(p + 1, &e, 10);
                CHECK(cite >= 1 && cite <= ea_call_paragraph_count(c));
                cites[nc] = cite - 1;
                p = e;
            }
            check_line(c, file, ea_str_make(line, (size_t)(br - line)), cites, (uint32_t)nc);
        }
        if (!nl) break;
        line = nl + 1;
    }
    free(s.buf);
}

static void check_file(const char *path) {
    size_t len;
    char *data = th_read(path, &len);
    if (!data) return;
    ea_call *c = NULL;
    ea_facts *fs = NULL;
    if (ea_call_parse(data, len, NULL, &c, NULL) != EA_OK || ea_facts_extract(c, &fs, NULL) != EA_OK) {
        ea_call_free(c);
        free(data);
        return;
    }
    static const ea_lang langs[] = {EA_LANG_EN, EA_LANG_ZH_HANS, EA_LANG_ZH_HANT};
    for (size_t l = 0; l < 3; l++) {
        dg_t dg;
        CHECK(ea_dg_build(&dg, c, fs, langs[l], 0) == 0);
        for (size_t i = 0; i < dg.n_key; i++) check_item(c, path, &dg.key[i]);
        for (size_t i = 0; i < dg.n_guide; i++) check_item(c, path, &dg.guide[i]);
        for (size_t t = 0; t < dg.n_themes; t++)
            for (size_t i = 0; i < dg.themes[t].n; i++) check_item(c, path, &dg.themes[t].items[i]);
        for (size_t i = 0; i < dg.n_qa; i++) {
            check_item(c, path, &dg.qa[i].question);
            if (dg.qa[i].answer.text.len) check_item(c, path, &dg.qa[i].answer);
        }
        ea_dg_free(&dg);
    }
    check_bullets(c, fs, path);
    ea_facts_free(fs);
    ea_call_free(c);
    free(data);
}

static void check_dir(const char *dir, size_t max) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    size_t n = 0;
    char path[4096];
    while ((e = readdir(d)) && n < max) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt")) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        check_file(path);
        n++;
    }
    closedir(d);
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    const char *shared = argc > 2 ? argv[2] : "../shared";
    char path[4096];
    snprintf(path, sizeof path, "%s/examples/aurora-q3-2025.txt", root);
    check_file(path);
    static const char *const layouts[] = {"speaker", "bilingual", "chinese", "fool", "lines", "plain", "seekingalpha",
                                          "streetevents", "vtt"};
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++) {
        snprintf(path, sizeof path, "%s/tests/corpus/%s", root, layouts[i]);
        check_dir(path, 1000);
    }
    snprintf(path, sizeof path, "%s/samples/000_f972b47517299ea5.txt", shared);
    check_file(path);
    snprintf(path, sizeof path, "%s/data/ectsum/val/ects", shared);
    check_dir(path, 1000);
    printf("faithfulness: %ld numbers checked, %ld not stated in a cited paragraph\n", checked, failures);
    CHECK(checked > 100);
    CHECK(failures == 0);
    return th_done();
}
