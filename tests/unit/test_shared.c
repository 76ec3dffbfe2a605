/* Regression over the real data beside the repo: every ECTSum train/val
 * transcript and every sample parses without error, with the layout and
 * paragraph count their structure implies. Skips (77) when ../shared is
 * absent. Never reads the ECTSum test split. */
#include <dirent.h>

#include "earnest/earnest.h"
#include "harness.h"

static size_t nonblank_lines(const char *p, size_t n) {
    size_t count = 0, i = 0;
    while (i < n) {
        size_t s = i;
        while (i < n && p[i] != '\n') i++;
        int blank = 1;
        for (size_t k = s; k < i; k++)
            if (p[k] != ' ' && p[k] != '\t' && p[k] != '\r') blank = 0;
        count += !blank;
        i++;
    }
    return count;
}

static int parse_dir(const char *dir, int is_ectsum) {
    DIR *d = opendir(dir);
    if (!d) return -1;
    struct dirent *de;
    int files = 0;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        size_t len;
        char *data = th_read(path, &len);
        if (!data) continue;
        files++;
        ea_call *c = NULL;
        ea_error err;
        memset(&err, 0, sizeof err);
        ea_status st = ea_call_parse(data, len, NULL, &c, &err);
        CHECK_MSG(st == EA_OK, "%s: %s (%s at %zu:%zu)", path, ea_status_str(st), err.message ? err.message : "",
                  err.line, err.column);
        if (c && is_ectsum) {
            const ea_call_info *in = ea_call_get_info(c);
            CHECK_MSG(in->layout == EA_LAYOUT_LINES, "%s: layout %s", path, ea_layout_name(in->layout));
            CHECK_MSG(ea_call_paragraph_count(c) == nonblank_lines(data, len), "%s: %zu paragraphs for %zu lines",
                      path, ea_call_paragraph_count(c), nonblank_lines(data, len));
            size_t n = 0;
            const ea_sentence *s = ea_call_sentences(c, &n);
            CHECK_MSG(s && n >= ea_call_paragraph_count(c), "%s: %zu sentences", path, n);
        }
        if (c) {
            /* every paragraph's text is the bytes at its span */
            size_t tl;
            const char *t = ea_call_text(c, &tl);
            int spans_ok = 1;
            for (size_t i = 0; i < ea_call_paragraph_count(c); i++) {
                const ea_paragraph *p = ea_call_paragraph(c, i);
                if (p->span.end > tl || p->span.start > p->span.end) spans_ok = 0;
                else if (!p->pieces && (p->span.end - p->span.start != p->text.len ||
                                        memcmp(t + p->span.start, p->text.ptr, p->text.len)))
                    spans_ok = 0;
            }
            CHECK_MSG(spans_ok, "%s: a paragraph span does not match its text", path);
        }
        ea_call_free(c);
        free(data);
    }
    closedir(d);
    return files;
}

int main(int argc, char **argv) {
    const char *shared = argc > 2 ? argv[2] : "../shared";
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/data/ectsum/train/ects", shared);
    DIR *probe = opendir(dir);
    if (!probe) {
        printf("skipped: %s not found\n", dir);
        return 77;
    }
    closedir(probe);
    int n1 = parse_dir(dir, 1);
    snprintf(dir, sizeof dir, "%s/data/ectsum/val/ects", shared);
    int n2 = parse_dir(dir, 1);
    snprintf(dir, sizeof dir, "%s/samples", shared);
    int n3 = parse_dir(dir, 0);
    printf("parsed %d train, %d val, %d sample files\n", n1, n2, n3);
    CHECK(n1 > 1000);
    CHECK(n2 > 200);
    CHECK(n3 >= 2);
    return th_done();
}
