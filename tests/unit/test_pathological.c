/* Linear time, proven: inputs built in memory that would expose quadratic
 * behaviour (a 10 MB single line, 100k one-word turns, a speaker header on
 * every line, 50k identical timestamps, deep and huge JSON, 1 MB of CJK,
 * 1 MB of invalid UTF-8, ...).
 *
 * How linearity is checked without wall-clock thresholds: each case is run
 * at sizes growing 4x at a time, up to its target size, and the CPU time of
 * parse + sentences + JSON + text (process CPU time, best of three batches
 * of at least 20 ms) must grow less than 10x per step (linear is about 4x,
 * quadratic 16x). A short step that looks bad is measured again before it
 * counts (one of 250 ms or more is not noise).
 * Growing from small sizes means a quadratic case fails in milliseconds
 * instead of hanging at 10 MB.
 *
 * Sizes are divided by 4 under AddressSanitizer, and by EA_PATHO_SCALE
 * (an integer >= 1) when that is set in the environment. */
#include <math.h>
#include <stdint.h>
#include <time.h>

#include "earnest/earnest.h"
#include "harness.h"

#if defined(__SANITIZE_ADDRESS__)
#define EA_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EA_UNDER_ASAN 1
#endif
#endif
#ifndef EA_UNDER_ASAN
#define EA_UNDER_ASAN 0
#endif

#define KB ((size_t)1024)
#define MB (KB * 1024)
#define MAX_GROWTH 10.0 /* time ratio allowed for a 4x larger input */

/* ---- a byte buffer for generators ------------------------------------- */

typedef struct {
    char *p;
    size_t n, cap;
} gbuf;

static void g_reserve(gbuf *b, size_t extra) {
    if (b->n + extra <= b->cap) return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + extra) cap *= 2;
    char *np = realloc(b->p, cap);
    if (!np) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    b->p = np;
    b->cap = cap;
}
static void g_put(gbuf *b, const char *s, size_t n) {
    g_reserve(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
}
static void g_puts(gbuf *b, const char *s) { g_put(b, s, strlen(s)); }
static void g_putc(gbuf *b, char c) { g_put(b, &c, 1); }
/* Repeat a unit until the buffer holds at least n bytes. */
static void g_fill(gbuf *b, const char *unit, size_t n) {
    size_t k = strlen(unit);
    while (b->n < n) g_put(b, unit, k);
}

/* A name from a number: letters only ("Aaron Bacde"), as names have no
 * digits. */
static void g_name(gbuf *b, unsigned i) {
    static const char *const first[] = {"Aaron", "Bella", "Carlos", "Diana", "Ethan", "Fiona", "George", "Hannah"};
    g_puts(b, first[i % 8]);
    g_putc(b, ' ');
    i /= 8;
    g_putc(b, (char)('A' + i % 26));
    i /= 26;
    do {
        g_putc(b, (char)('a' + i % 26));
        i /= 26;
    } while (i);
}

/* ---- generators: fill b with about n bytes ----------------------------- */

typedef void (*gen_fn)(gbuf *b, size_t n);

static void gen_line_words(gbuf *b, size_t n) {
    g_fill(b, "Revenue grew 5% to $1.2 billion in Q1 2024, and Mr. Smith said margins rose. ", n);
}
static void gen_line_nospace(gbuf *b, size_t n) { g_fill(b, "x", n); }
static void gen_line_spaces(gbuf *b, size_t n) {
    g_puts(b, "Start");
    g_fill(b, " ", n);
    g_puts(b, "end.");
}
static void gen_blank_lines(gbuf *b, size_t n) {
    g_puts(b, "Operator\nHello.\n");
    g_fill(b, "\n \r\n", n);
    g_puts(b, "Bye.\n");
}
static void gen_operator_turns(gbuf *b, size_t n) { g_fill(b, "Operator\nHi.\n", n); }
static void gen_named_turns(gbuf *b, size_t n) {
    g_fill(b, "Jane Doe - Chief Executive Officer\nHi.\nJohn Roe - Big Bank - Analyst\nYes?\n", n);
}
static void gen_operator_blank_turns(gbuf *b, size_t n) { g_fill(b, "Operator\n\nHi.\n\n", n); }
static void gen_header_every_line(gbuf *b, size_t n) {
    for (unsigned i = 0; b->n < n; i++) {
        g_name(b, i % 5000);
        g_puts(b, " - Chief Financial Officer\n");
    }
}
static void gen_same_header_every_line(gbuf *b, size_t n) { g_fill(b, "Jane Doe - Chief Financial Officer\n", n); }
static void gen_colon_every_line(gbuf *b, size_t n) {
    for (unsigned i = 0; b->n < n; i++) {
        g_name(b, i % 3000);
        g_puts(b, ": Thanks, and yes.\n");
    }
}
static void gen_many_participants(gbuf *b, size_t n) {
    for (unsigned i = 0; b->n < n; i++) {
        g_name(b, i % 9000);
        g_puts(b, " - Big Bank - Analyst\nA question?\n\n");
    }
}
static void gen_vtt_same(gbuf *b, size_t n) {
    g_puts(b, "WEBVTT\n\n");
    g_fill(b, "00:00:01.000 --> 00:00:01.000\n<v Jane Doe>Same words again.\n\n", n);
}
static void gen_vtt_same_nospeaker(gbuf *b, size_t n) {
    g_puts(b, "WEBVTT\n\n");
    g_fill(b, "00:00:01.000 --> 00:00:01.000\nsame words\n\n", n);
}
static void gen_srt_same(gbuf *b, size_t n) { g_fill(b, "1\n00:00:01,000 --> 00:00:01,000\nJane Doe: Same.\n\n", n); }
/* Motley Fool JSON: {"prepared_remarks": [{"speaker", "speech"}...],
 * "q_and_a": [...]} (src/parse/fool_json.c) */
static const char fj_head[] = "{\"prepared_remarks\":[{\"speaker\":\"Operator\",\"speech\":\"Hi.\"}],\"q_and_a\":";
static void gen_json_deep_arrays(gbuf *b, size_t n) {
    g_puts(b, fj_head);
    size_t k = 0;
    while (b->n < n / 2) {
        g_putc(b, '[');
        k++;
    }
    while (k--) g_putc(b, ']');
    g_putc(b, '}');
}
static void gen_json_deep_objects(gbuf *b, size_t n) {
    size_t k = 0;
    while (b->n < n / 2) {
        g_puts(b, "{\"q_and_a\":");
        k++;
    }
    g_puts(b, "null");
    while (k--) g_putc(b, '}');
}
static void gen_json_unclosed(gbuf *b, size_t n) {
    g_puts(b, fj_head);
    g_fill(b, "[{\"speaker\":\"x\",\"speech\":[\"y\",", n);
}
static void gen_json_huge(gbuf *b, size_t n) {
    g_puts(b, "{\"title\":\"Acme (ACME) Q1 2024 Earnings Call Transcript\",\"prepared_remarks\":[");
    for (unsigned i = 0; b->n < n; i++) {
        if (i) g_putc(b, ',');
        g_puts(b, "{\"speaker\":\"");
        g_name(b, i % 50);
        g_puts(b, i % 2 ? " -- Chief Executive Officer\",\"speech\":\"Revenue was \\\"$1.2 billion\\\" \\u00e9\\n and more.\"}"
                        : "\",\"speech\":[\"Plain words here.\",\"And more words.\"]}");
    }
    g_puts(b, "],\"q_and_a\":[]}");
}
static void gen_json_long_string(gbuf *b, size_t n) {
    g_puts(b, "{\"prepared_remarks\":[{\"speaker\":\"Operator\",\"speech\":\"");
    g_fill(b, "\\u4e2d\\\\ \\\"x\\\" \\ud83d\\ude00 ", n);
    g_puts(b, "\"}],\"q_and_a\":[]}");
}
static void gen_json_many_strings(gbuf *b, size_t n) {
    g_puts(b, "{\"prepared_remarks\":[{\"speaker\":\"Operator\",\"speech\":[\"a\"");
    g_fill(b, ",\"Hi.\"", n);
    g_puts(b, "]}],\"q_and_a\":[]}");
}
static void gen_cjk_line(gbuf *b, size_t n) {
    g_puts(b, "\xe4\xb8\xbb\xe6\x8c\x81\xe4\xba\xba:");
    g_fill(b, "\xe6\x94\xb6\xe5\x85\xa5\xe5\xa2\x9e\xe9\x95\xbf\xe5\x88\xa9\xe6\xb6\xa6", n);
}
static void gen_cjk_sentences(gbuf *b, size_t n) {
    for (unsigned i = 0; b->n < n; i++) {
        g_puts(b, i % 2 ? "\xe7\xad\x94:" : "\xe9\x97\xae:"); /* 答: / 问: */
        g_puts(b, "\xe6\x94\xb6\xe5\x85\xa5\xe5\xa2\x9e\xe9\x95\xbf\xe3\x80\x82\xe5\x88\xa9\xe6\xb6\xa6\xe4\xb8\x8b"
                  "\xe9\x99\x8d\xef\xbc\x81\xe4\xb8\xba\xe4\xbb\x80\xe4\xb9\x88\xef\xbc\x9f\n");
    }
}
static void gen_bilingual(gbuf *b, size_t n) {
    g_fill(b, "Revenue was up five percent this quarter.\n"
              "\xe6\x94\xb6\xe5\x85\xa5\xe5\xa2\x9e\xe9\x95\xbf\xe4\xba\x86\xe7\x99\xbe\xe5\x88\x86\xe4\xb9\x8b\xe4\xba\x94\xe3\x80\x82\n",
           n);
}
static void gen_invalid_utf8(gbuf *b, size_t n) {
    uint32_t x = 2463534242u;
    while (b->n < n) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        unsigned char c = (unsigned char)(0x80 + x % 0x80);
        g_putc(b, (x >> 8) % 7 == 0 ? ' ' : (x >> 8) % 31 == 0 ? '\n' : (char)c);
    }
}
static void gen_latin_mix(gbuf *b, size_t n) { g_fill(b, "Caf\xe9 cr\xe8me \x93quoted\x94 we\x92re \x85 ok.\n", n); }
static void gen_utf16(gbuf *b, size_t n) {
    g_puts(b, "\xff\xfe");
    while (b->n < n) {
        static const char unit[] = "Operator\nHello there, welcome.\n";
        for (size_t i = 0; i < sizeof unit - 1; i++) {
            g_putc(b, unit[i]);
            g_putc(b, 0);
        }
    }
}
static void gen_ellipsis(gbuf *b, size_t n) {
    g_puts(b, "Well");
    g_fill(b, ".", n);
    g_puts(b, " and so on.");
}
static void gen_dots_words(gbuf *b, size_t n) { g_fill(b, "a.b.c. d... e.) f.' g ", n); }
static void gen_abbrev(gbuf *b, size_t n) { g_fill(b, "Mr. Dr. U.S. e.g. Inc. J. ", n); }
static void gen_fiscal_year(gbuf *b, size_t n) { g_fill(b, "fiscal year ", n); }
static void gen_period_words(gbuf *b, size_t n) { g_fill(b, "first quarter of the fiscal year Q1 FY 1Q the ", n); }
static void gen_dates(gbuf *b, size_t n) { g_fill(b, "May 8 May 2024 8 May 2024-05 2024\xe5\xb9\xb4 ", n); }
static void gen_welcome(gbuf *b, size_t n) {
    g_puts(b, "Operator\n");
    g_fill(b, "Welcome to the Acme Corp call. ", n);
    g_puts(b, "\n");
}
static void gen_operator_intro(gbuf *b, size_t n) {
    g_puts(b, "Operator\nWe will now begin the question-and-answer session. Our first question comes from ");
    g_fill(b, "John Roe with ", n);
    g_puts(b, "Big Bank.\n\nJohn Roe\nA question?\n");
}
static void gen_wrapped(gbuf *b, size_t n) {
    g_puts(b, "Operator\n");
    g_fill(b, "this is a long hard-wrapped line of text that goes on and on\n", n);
}

/* ---- measuring -------------------------------------------------------- */

static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int discard(void *ctx, const char *d, size_t n) {
    (void)d;
    *(size_t *)ctx += n;
    return 0;
}

/* Everything a caller would do with a document. */
static ea_status run_once(const char *d, size_t n, const ea_parse_options *o) {
    ea_call *c = NULL;
    ea_status st = ea_call_parse(d, n, o, &c, NULL);
    if (c) {
        size_t ns, out = 0;
        ea_call_sentences(c, &ns);
        ea_call_write_json(c, EA_JSON_SENTENCES, discard, &out);
        ea_call_write_text(c, 0, discard, &out);
        ea_call_free(c);
    }
    return st;
}

/* CPU seconds for one run: best of three batches of >= 20 ms each. */
static double measure(const char *d, size_t n, const ea_parse_options *o, ea_status *st) {
    double best = HUGE_VAL;
    for (int trial = 0; trial < 3; trial++) {
        double t0 = cpu_now(), t;
        int reps = 0;
        do {
            *st = run_once(d, n, o);
            reps++;
            t = cpu_now() - t0;
        } while (t < 0.02 && reps < 10000);
        if (t / reps < best) best = t / reps;
        if (t > 0.25) break; /* a long run is measured well enough once */
    }
    return best;
}

typedef struct {
    const char *name;
    gen_fn gen;
    size_t target;      /* bytes at full size */
    ea_layout layout;   /* forced, or AUTO */
    const char *encoding;
    unsigned flags;
    int must_parse;     /* 1: EA_OK required at every size */
} pcase;

static size_t scale = 1;

static void run_case(const pcase *pc) {
    ea_parse_options o;
    ea_parse_options_init(&o);
    o.layout = pc->layout;
    o.encoding = pc->encoding;
    o.flags = pc->flags;
    size_t target = pc->target / scale;
    if (target < 64 * KB) target = 64 * KB;
    size_t size = target;
    while (size / 4 >= 8 * KB && size > target / 256) size /= 4;

    double prev_t = 0;
    size_t prev_n = 0;
    int ok = 1;
    ea_status st = EA_OK;
    char line[512];
    size_t ll = (size_t)snprintf(line, sizeof line, "%-28s", pc->name);
    for (; size <= target && ok; size *= 4) {
        gbuf b = {0};
        pc->gen(&b, size);
        double t = measure(b.p, b.n, &o, &st);
        if (pc->must_parse)
            CHECK_MSG(st == EA_OK, "%s at %zu bytes: %s", pc->name, b.n, ea_status_str(st));
        if (prev_n) {
            /* time growth, normalised to a 4x larger input */
            double growth = (t / prev_t) * (4.0 * (double)prev_n / (double)b.n);
            if (growth >= MAX_GROWTH && t < 0.25) {
                /* measure both sizes again before calling it */
                gbuf a = {0};
                pc->gen(&a, prev_n);
                ea_status s2;
                double t1 = measure(a.p, a.n, &o, &s2), t2 = measure(b.p, b.n, &o, &s2);
                double g2 = (t2 / t1) * (4.0 * (double)a.n / (double)b.n);
                if (g2 < growth) growth = g2;
                free(a.p);
            }
            if (ll < sizeof line)
                ll += (size_t)snprintf(line + ll, sizeof line - ll, " x%.1f", growth);
            CHECK_MSG(growth < MAX_GROWTH,
                      "%s: not linear: %zu -> %zu bytes took %.2f ms -> %.2f ms (%.1fx for 4x the input)",
                      pc->name, prev_n, b.n, prev_t * 1e3, t * 1e3, growth);
            if (growth >= MAX_GROWTH) ok = 0; /* do not go on to sizes that would hang */
        }
        prev_t = t;
        prev_n = b.n;
        free(b.p);
        if (size > SIZE_MAX / 4) break;
    }
    if (ll < sizeof line)
        snprintf(line + ll, sizeof line - ll, "  (%zu bytes: %.1f ms, %.0f MB/s, %s)", prev_n, prev_t * 1e3,
                 prev_t > 0 ? (double)prev_n / prev_t / 1e6 : 0.0, ea_status_str(st));
    printf("%s\n", line);
    fflush(stdout);
}

int main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    if (EA_UNDER_ASAN) scale = 4;
    const char *e = getenv("EA_PATHO_SCALE");
    if (e && *e) {
        size_t v = 0;
        for (const char *p = e; *p >= '0' && *p <= '9'; p++) v = v * 10 + (size_t)(*p - '0');
        if (v >= 1) scale *= v;
    }
    printf("pathological inputs (sizes / %zu); growth per 4x input (linear ~4, limit %.0f)\n", scale, MAX_GROWTH);

    const pcase cases[] = {
        {"10MB single line (words)", gen_line_words, 10 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"10MB single word", gen_line_nospace, 10 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"4MB of spaces", gen_line_spaces, 4 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"blank lines", gen_blank_lines, 4 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"100k turns Operator/Hi.", gen_operator_turns, 1300 * KB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"100k turns, blank lines", gen_operator_blank_turns, 1500 * KB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"100k turns Name - Title", gen_named_turns, 3600 * KB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"100k turns, speaker forced", gen_named_turns, 3600 * KB, EA_LAYOUT_SPEAKER, NULL, 0, 1},
        {"header on every line", gen_header_every_line, 4 * MB, EA_LAYOUT_AUTO, NULL, 0, 0},
        {"header every line, forced", gen_header_every_line, 4 * MB, EA_LAYOUT_SPEAKER, NULL, 0, 0},
        {"same header every line", gen_same_header_every_line, 4 * MB, EA_LAYOUT_AUTO, NULL, 0, 0},
        {"Name: on every line", gen_colon_every_line, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"9000 participants", gen_many_participants, 4 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"50k identical VTT cues", gen_vtt_same, 3200 * KB, EA_LAYOUT_AUTO, NULL, 0, 0},
        {"50k VTT cues, vtt forced", gen_vtt_same, 3200 * KB, EA_LAYOUT_VTT, NULL, 0, 0},
        {"50k VTT cues, no speaker", gen_vtt_same_nospeaker, 2400 * KB, EA_LAYOUT_AUTO, NULL, 0, 0},
        {"50k identical SRT cues", gen_srt_same, 2400 * KB, EA_LAYOUT_AUTO, NULL, 0, 0},
        {"SRT cues, srt forced", gen_srt_same, 2400 * KB, EA_LAYOUT_SRT, NULL, 0, 0},
        {"deep JSON arrays", gen_json_deep_arrays, 2 * MB, EA_LAYOUT_FOOL_JSON, NULL, 0, 0},
        {"deep JSON arrays (auto)", gen_json_deep_arrays, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 0},
        {"deep JSON objects", gen_json_deep_objects, 2 * MB, EA_LAYOUT_FOOL_JSON, NULL, 0, 0},
        {"unclosed JSON", gen_json_unclosed, 2 * MB, EA_LAYOUT_FOOL_JSON, NULL, 0, 0},
        {"huge JSON transcript", gen_json_huge, 4 * MB, EA_LAYOUT_FOOL_JSON, NULL, 0, 1},
        {"huge JSON (auto)", gen_json_huge, 4 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"long JSON string, escapes", gen_json_long_string, 2 * MB, EA_LAYOUT_FOOL_JSON, NULL, 0, 1},
        {"JSON speech: 600k strings", gen_json_many_strings, 4 * MB, EA_LAYOUT_FOOL_JSON, NULL, 0, 1},
        {"1MB CJK, one line", gen_cjk_line, 1 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"1MB CJK, chinese forced", gen_cjk_line, 1 * MB, EA_LAYOUT_CHINESE, NULL, 0, 0},
        {"CJK sentences, many turns", gen_cjk_sentences, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"bilingual pairs", gen_bilingual, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"bilingual pairs, forced", gen_bilingual, 2 * MB, EA_LAYOUT_BILINGUAL, NULL, 0, 1},
        {"1MB invalid UTF-8", gen_invalid_utf8, 1 * MB, EA_LAYOUT_AUTO, NULL, 0, 0},
        {"1MB invalid UTF-8, lossy", gen_invalid_utf8, 1 * MB, EA_LAYOUT_AUTO, NULL, EA_PARSE_LOSSY, 1},
        {"1MB invalid, strict lossy", gen_invalid_utf8, 1 * MB, EA_LAYOUT_AUTO, NULL,
         EA_PARSE_LOSSY | EA_PARSE_STRICT_UTF8, 1},
        {"1MB invalid as GB18030", gen_invalid_utf8, 1 * MB, EA_LAYOUT_AUTO, "gb18030", EA_PARSE_LOSSY, 1},
        {"1MB invalid as Big5", gen_invalid_utf8, 1 * MB, EA_LAYOUT_AUTO, "big5", EA_PARSE_LOSSY, 1},
        {"Windows-1252 fallback", gen_latin_mix, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"UTF-16LE", gen_utf16, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"one long run of dots", gen_ellipsis, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"dots between letters", gen_dots_words, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"abbreviations", gen_abbrev, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"'fiscal year' repeated", gen_fiscal_year, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"period words repeated", gen_period_words, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"date words repeated", gen_dates, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"'welcome to' repeated", gen_welcome, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"operator intro repeated", gen_operator_intro, 2 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
        {"hard-wrapped paragraph", gen_wrapped, 4 * MB, EA_LAYOUT_AUTO, NULL, 0, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) run_case(&cases[i]);
    return th_done();
}
