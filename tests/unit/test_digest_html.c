/* The HTML digest: one self-contained, well-formed document. Every
 * citation lands on a numbered paragraph, nothing refers outside the file,
 * text from the call cannot become markup, the chart's labels are the
 * bullets' own numbers, and bilingual paragraphs sit side by side.
 * argv[1]: source dir; argv[2]: shared dir (the bilingual sample part
 * skips, 77, when it is missing). */
#include "earnest/earnest.h"
#include "harness.h"

static int put_fail(void *ctx, const char *d, size_t len) {
    (void)ctx, (void)d, (void)len;
    return 1;
}

static ea_status html(const ea_call *c, const ea_facts *fs, ea_lang lang, unsigned flags, th_sink *s) {
    ea_digest_options o;
    ea_digest_options_init(&o);
    o.format = EA_DIGEST_HTML;
    o.lang = lang;
    o.flags = flags;
    memset(s, 0, sizeof *s);
    return ea_digest_write(c, fs, &o, th_put, s);
}

static size_t count(const char *hay, const char *needle) {
    size_t n = 0, k = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + k, needle)) n++;
    return n;
}

/* strict UTF-8: no overlong forms, surrogates or code points past U+10FFFF */
static int utf8_ok(const unsigned char *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t k;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) k = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) k = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) k = 3, cp = c & 0x07;
        else return 0;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (p[i + j] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (p[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* The containers open and close in order (a stack of tag names). Text from
 * the call is escaped, so every '<' in the document starts a tag. */
static int balanced(const char *s) {
    static const char *const tracked[] = {"section", "div",  "ul",     "ol",     "li",   "p",          "header",
                                          "main",    "nav",  "footer", "figure", "svg",  "blockquote", "table",
                                          "dl",      "head", "body",   "html",   "g",    "style",      "title"};
    char stack[256][16];
    int depth = 0;
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
        int close = p[1] == '/';
        const char *q = p + 1 + close;
        char name[16];
        size_t n = 0;
        while (((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9')) && n < sizeof name - 1) name[n++] = *q++;
        name[n] = 0;
        int t = 0;
        for (size_t i = 0; i < sizeof tracked / sizeof tracked[0]; i++)
            if (!strcmp(name, tracked[i])) t = 1;
        if (!t) continue;
        if (!close) {
            if (depth >= 256) return 0;
            memcpy(stack[depth++], name, n + 1);
        } else {
            if (!depth || strcmp(stack[depth - 1], name)) {
                fprintf(stderr, "unbalanced </%s> at byte %zu\n", name, (size_t)(p - s));
                return 0;
            }
            depth--;
        }
    }
    return depth == 0;
}

/* No tag refers outside the file or runs anything, and the style sheet
 * loads nothing. */
static int self_contained(const char *s) {
    static const char *const bad[] = {"http", "src=", "<script", "url(", "@import", "onerror", "onload", "href=\"/",
                                      "javascript:", "<img", "<iframe", "<object", "<link", "style="};
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
        const char *e = strchr(p, '>');
        if (!e) return 0;
        size_t n = (size_t)(e - p + 1);
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            size_t k = strlen(bad[i]);
            for (size_t j = 0; j + k <= n; j++)
                if (!strncmp(p + j, bad[i], k)) {
                    fprintf(stderr, "tag refers out: %.*s\n", (int)(n > 120 ? 120 : n), p);
                    return 0;
                }
        }
    }
    const char *st = strstr(s, "<style>"), *se = st ? strstr(st, "</style>") : NULL;
    if (!st || !se) return 0;
    for (const char *p = st; p < se; p++)
        if (!strncmp(p, "url(", 4) || !strncmp(p, "@import", 7) || !strncmp(p, "http", 4) || !strncmp(p, "@font-face", 10))
            return 0;
    return 1;
}

/* Every in-page link has its target, and all links are in-page. */
static int links_resolve(const char *s) {
    for (const char *p = strstr(s, "href=\""); p; p = strstr(p + 6, "href=\"")) {
        const char *v = p + 6, *e = strchr(v, '"');
        if (!e || *v != '#') return 0;
        char id[64];
        size_t n = (size_t)(e - v - 1);
        if (n == 0 || n + 6 > sizeof id) return 0;
        memcpy(id, "id=\"", 4);
        memcpy(id + 4, v + 1, n);
        id[4 + n] = '"';
        id[5 + n] = 0;
        if (count(s, id) != 1) {
            fprintf(stderr, "link #%.*s: %zu targets\n", (int)n, v + 1, count(s, id));
            return 0;
        }
    }
    return 1;
}

static int paragraphs_numbered(const char *s, const ea_call *c) {
    for (size_t i = 0; i < ea_call_paragraph_count(c); i++) {
        char id[32];
        snprintf(id, sizeof id, "id=\"p%u\"", ea_call_paragraph(c, i)->n);
        if (count(s, id) != 1) {
            fprintf(stderr, "paragraph %s: %zu\n", id, count(s, id));
            return 0;
        }
    }
    return 1;
}

/* The chart says what the bullets say: each row's title and value labels
 * are found in its bullet (the row's <title>). Returns the rows checked,
 * -1 on a mismatch. */
static int chart_matches_bullets(const char *s) {
    int rows = 0;
    for (const char *g = strstr(s, "<g class=\"row\"><title>"); g; g = strstr(g + 1, "<g class=\"row\"><title>")) {
        const char *t = g + strlen("<g class=\"row\"><title>"), *te = strstr(t, "</title>"), *ge = strstr(g, "</g>");
        if (!te || !ge) return -1;
        for (const char *x = strstr(te, "<text "); x && x < ge; x = strstr(x + 1, "<text ")) {
            const char *v = strchr(x, '>') + 1, *ve = strstr(v, "</text>");
            if (!ve || ve <= v) return -1;
            int found = 0;
            for (const char *p = t; p + (ve - v) <= te; p++)
                if (!strncmp(p, v, (size_t)(ve - v))) found = 1;
            if (!found) {
                fprintf(stderr, "chart label '%.*s' not in its bullet '%.*s'\n", (int)(ve - v), v, (int)(te - t), t);
                return -1;
            }
        }
        rows++;
    }
    return rows;
}

static void well_formed(const char *d, size_t n, const ea_call *c, const char *lang) {
    char h[64];
    snprintf(h, sizeof h, "<html lang=\"%s\">", lang);
    CHECK(!strncmp(d, "<!DOCTYPE html>\n", 16));
    CHECK(strstr(d, h) != NULL);
    CHECK(strstr(d, "<meta charset=\"utf-8\">") != NULL);
    CHECK(strstr(d, "</html>\n") == d + n - 8);
    CHECK(strlen(d) == n);
    CHECK(utf8_ok((const unsigned char *)d, n));
    CHECK(balanced(d));
    CHECK(self_contained(d));
    CHECK(links_resolve(d));
    CHECK(paragraphs_numbered(d, c));
    CHECK(count(d, "<svg") <= 1);
    CHECK(chart_matches_bullets(d) >= 0);
    CHECK(strstr(d, "@media print") != NULL);
    CHECK(strstr(d, ".para:target") != NULL);
}

static int parse(const char *data, size_t len, ea_call **c, ea_facts **fs) {
    *c = NULL;
    *fs = NULL;
    if (ea_call_parse(data, len, NULL, c, NULL) != EA_OK) return -1;
    if (ea_facts_extract(*c, fs, NULL) != EA_OK) return -1;
    return 0;
}

static void aurora(const char *root) {
    size_t len;
    char *data = th_read_repo(root, "examples/aurora-q3-2025.txt", &len);
    if (!data) return;
    ea_call *c;
    ea_facts *fs;
    CHECK(parse(data, len, &c, &fs) == 0);
    th_sink s;
    if (fs && html(c, fs, EA_LANG_EN, EA_DIGEST_QUOTE, &s) == EA_OK) {
        const char *d = s.buf;
        well_formed(d, s.n, c, "en");
        /* no external reference anywhere, not even in the text */
        CHECK(!strstr(d, "http://") && !strstr(d, "https://") && !strstr(d, "src=") && !strstr(d, "<script") &&
              !strstr(d, "@import") && !strstr(d, "url("));
        CHECK(count(d, "<svg") == 1);
        CHECK(chart_matches_bullets(d) >= 1);
        CHECK(strstr(d, ">$182.4M</text>") != NULL); /* revenue against $165M to $175M */
        CHECK(strstr(d, ">$165M</text>") != NULL && strstr(d, ">$175M</text>") != NULL);
        CHECK(strstr(d, "fill=\"#1d1d1f\">Revenue</text>") != NULL);
        CHECK(strstr(d, "<title id=\"chart-title\">") != NULL && strstr(d, "viewBox=\"0 0 ") != NULL);
        CHECK(strstr(d, "<h2>Key figures</h2>") && strstr(d, "<h2>Guidance</h2>") && strstr(d, "<h2>Minutes</h2>") &&
              strstr(d, "<h2>Q&amp;A</h2>") && strstr(d, "<h2>Tone</h2>") && strstr(d, "<h2>Transcript</h2>"));
        CHECK(strstr(d, "<a href=\"#p7\">[7]</a>") != NULL);
        CHECK(strstr(d, "<blockquote>Revenue was $182.4 million") != NULL);
        CHECK(strstr(d, "class=\"mark up\"") != NULL);          /* FY revenue guidance raised */
        CHECK(strstr(d, "avoids the question") != NULL);       /* the evasive answer */
        CHECK(strstr(d, "<table class=\"tone\">") != NULL);
        CHECK(strstr(d, "<p class=\"spk\">Daniel Okafor") != NULL);
        CHECK(strstr(d, "Generated by earnest " EA_VERSION_STRING) != NULL);
        CHECK(strstr(d, "\xE8\x87\xAA\xE5\x8A\xA8\xE7\x94\x9F\xE6\x88\x90") == NULL); /* no Chinese note in English */
        /* Aurora's opening remarks carry a Chinese translation */
        CHECK(strstr(d, "<div class=\"para bi\" id=\"p7\">") != NULL);
        CHECK(strstr(d, "<p class=\"tr\" lang=\"zh-Hans\">") != NULL);
    } else {
        CHECK(0);
    }
    free(s.buf);
    /* without quotes: no blockquote */
    if (fs && html(c, fs, EA_LANG_EN, 0, &s) == EA_OK) CHECK(strstr(s.buf, "<blockquote") == NULL);
    free(s.buf);
    if (fs && html(c, fs, EA_LANG_ZH_HANS, EA_DIGEST_QUOTE, &s) == EA_OK) {
        well_formed(s.buf, s.n, c, "zh-Hans");
        CHECK(strstr(s.buf, "<h2>关键数据</h2>") != NULL);
        CHECK(strstr(s.buf, "本摘要由 earnest 自动生成") != NULL);
        CHECK(strstr(s.buf, ">1.824亿美元</text>") != NULL);
        CHECK(chart_matches_bullets(s.buf) >= 1);
    } else {
        CHECK(0);
    }
    free(s.buf);
    if (fs && html(c, fs, EA_LANG_ZH_HANT, 0, &s) == EA_OK) {
        well_formed(s.buf, s.n, c, "zh-Hant");
        CHECK(strstr(s.buf, "<h2>關鍵數據</h2>") != NULL);
        CHECK(strstr(s.buf, "自動生成") != NULL);
        CHECK(strstr(s.buf, ">1.824億美元</text>") != NULL);
        CHECK(chart_matches_bullets(s.buf) >= 1);
    } else {
        CHECK(0);
    }
    free(s.buf);
    /* a sink that fails */
    if (fs) {
        ea_digest_options o;
        ea_digest_options_init(&o);
        o.format = EA_DIGEST_HTML;
        CHECK(ea_digest_write(c, fs, &o, put_fail, NULL) == EA_ERR_IO);
    }
    ea_facts_free(fs);
    ea_call_free(c);
    free(data);
}

/* A transcript that tries to be markup. */
static void hostile(void) {
    static const char t[] =
        "Acme Corp (NYSE:ACME) Q2 2025 Earnings Call <script>alert(0)</script>\n\n"
        "Operator\n"
        "Welcome to the call. <script>alert(1)</script> See https://x and <img src=x onerror=alert(2)>.\n\n"
        "Jane Doe - Chief Executive Officer\n"
        "Thank you. Revenue was $10 million, up 5% year over year. The \"best\" quarter & 'ever' <b>bold</b> "
        "url(javascript:x) @import </section></div><a href=\"http://evil\">x</a>.\n"
        "For the third quarter of 2025, we expect revenue of $11 million to $12 million.\n\n"
        "John <i>Roe</i> - Analyst, Big \"Bank\"\n"
        "What about margins?\n\n"
        "Jane Doe - Chief Executive Officer\n"
        "We don't give guidance on margins.\n";
    ea_call *c;
    ea_facts *fs;
    CHECK(parse(t, sizeof t - 1, &c, &fs) == 0);
    th_sink s;
    if (fs && html(c, fs, EA_LANG_EN, EA_DIGEST_QUOTE, &s) == EA_OK) {
        const char *d = s.buf;
        well_formed(d, s.n, c, "en");
        CHECK(strstr(d, "<script") == NULL && strstr(d, "<SCRIPT") == NULL);
        CHECK(strstr(d, "<img") == NULL && strstr(d, "<b>") == NULL && strstr(d, "<i>") == NULL);
        CHECK(strstr(d, "href=\"http") == NULL);
        CHECK(strstr(d, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
        CHECK(strstr(d, "&lt;img src=x onerror=alert(2)&gt;") != NULL);
        CHECK(strstr(d, "The &quot;best&quot; quarter &amp; &#39;ever&#39; &lt;b&gt;bold&lt;/b&gt;") != NULL);
        CHECK(strstr(d, "&lt;/section&gt;&lt;/div&gt;&lt;a href=&quot;http://evil&quot;&gt;") != NULL);
        /* the URL stays text, inside its paragraph */
        const char *u = strstr(d, "https://x"), *p1 = strstr(d, "id=\"p1\""), *p2 = strstr(d, "id=\"p2\"");
        CHECK(count(d, "https://") == 1 && u && p1 && p2 && u > p1 && u < p2);
        CHECK(strstr(d, "<title>Acme Corp (NYSE:ACME) Q2 2025 Earnings Call &lt;script&gt;") != NULL);
        /* no actual has a range: the next quarter's range alone, no marker */
        CHECK(count(d, "<svg") == 1);
        CHECK(strstr(d, "Guidance ranges for the next period") != NULL);
        CHECK(strstr(d, "fill=\"#b3261e\"") == NULL);
        CHECK(strstr(d, ">$11M</text>") != NULL && strstr(d, ">$12M</text>") != NULL);
        CHECK(chart_matches_bullets(d) == 1);
    } else {
        CHECK(0);
    }
    free(s.buf);
    ea_facts_free(fs);
    ea_call_free(c);
}

/* Long calls stream out in chunks and stay well-formed. */
static void long_call(void) {
    size_t cap = 1 << 22, n = 0;
    char *t = malloc(cap);
    CHECK(t != NULL);
    if (!t) return;
    static const char head[] = "Acme Corp (NYSE:ACME) Q2 2025 Earnings Call\n\n";
    memcpy(t, head, sizeof head - 1);
    n = sizeof head - 1;
    for (int i = 0; i < 1200 && n + 400 < cap; i++) {
        int k = snprintf(t + n, cap - n,
                         "%s - %s\nParagraph %d says <b>%d</b> & \"more\"; revenue was $%d million.\n\n",
                         i % 2 ? "Jane Doe" : "John Roe", i % 2 ? "Chief Executive Officer" : "Analyst, Bank", i, i,
                         i + 1);
        if (k > 0) n += (size_t)k;
    }
    ea_call *c;
    ea_facts *fs;
    CHECK(parse(t, n, &c, &fs) == 0);
    th_sink s;
    if (fs && html(c, fs, EA_LANG_EN, 0, &s) == EA_OK) {
        CHECK(ea_call_paragraph_count(c) >= 1200);
        CHECK(s.calls > 1);
        well_formed(s.buf, s.n, c, "en");
        CHECK(strstr(s.buf, "<b>") == NULL);
    } else {
        CHECK(0);
    }
    free(s.buf);
    ea_facts_free(fs);
    ea_call_free(c);
    free(t);
}

/* The bilingual sample: every translated paragraph as two columns. */
static int bilingual(const char *shared) {
    size_t len;
    char *data = th_read_sample(shared, &len);
    if (!data) return 0;
    ea_call *c;
    ea_facts *fs;
    CHECK(parse(data, len, &c, &fs) == 0);
    th_sink s;
    if (fs && html(c, fs, EA_LANG_EN, EA_DIGEST_QUOTE, &s) == EA_OK) {
        const char *d = s.buf;
        well_formed(d, s.n, c, "en");
        size_t translated = 0;
        for (size_t i = 0; i < ea_call_paragraph_count(c); i++) {
            const ea_paragraph *p = ea_call_paragraph(c, i);
            char tag[64];
            snprintf(tag, sizeof tag, p->has_translation ? "<div class=\"para bi\" id=\"p%u\">" : "<div class=\"para\" id=\"p%u\">",
                     p->n);
            const char *at = strstr(d, tag);
            CHECK_MSG(at != NULL, "%s missing", tag);
            if (!at || !p->has_translation) continue;
            translated++;
            /* the original, then the translation, in one two-column block */
            const char *end = strstr(at, "</div></div>\n"), *cols = strstr(at, "<div class=\"cols\"><p class=\"orig\""),
                       *tr = strstr(at, "<p class=\"tr\"");
            CHECK_MSG(end && cols && tr && cols < tr && tr < end, "paragraph %u not side by side", p->n);
        }
        CHECK(translated > 50);
        CHECK(count(d, "<p class=\"tr\"") == translated);
        CHECK(strstr(d, "<p class=\"tr\" lang=\"zh-Hant\">") != NULL);
        CHECK(strstr(d, ".cols{display:grid;grid-template-columns:1fr 1fr") != NULL);
        CHECK(count(d, "<svg") == 1);
        CHECK(chart_matches_bullets(d) >= 2); /* revenue and margin against their ranges */
    } else {
        CHECK(0);
    }
    free(s.buf);
    if (fs && html(c, fs, EA_LANG_ZH_HANT, 0, &s) == EA_OK) {
        well_formed(s.buf, s.n, c, "zh-Hant");
        CHECK(chart_matches_bullets(s.buf) >= 2);
        /* the row is named by the bullet's words before its figure */
        CHECK(strstr(s.buf, ">2024年第一季度營收</text>") != NULL);
        CHECK(strstr(s.buf, ">4,070萬美元</text>") != NULL || strstr(s.buf, ">4,070万美元</text>") != NULL);
    } else {
        CHECK(0);
    }
    free(s.buf);
    ea_facts_free(fs);
    ea_call_free(c);
    free(data);
    return 1;
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    const char *shared = argc > 2 ? argv[2] : "../shared";
    aurora(root);
    hostile();
    long_call();
    int ran = bilingual(shared);
    int rc = th_done();
    return rc ? rc : ran ? 0 : 77;
}
