/* verify: a faithful summary passes; each kind of finding is caught by a
 * line written to trigger it; Chinese summaries of an English call; bad
 * bytes; the writers; and earnest's own outputs, which must pass. */
#include <time.h>

#include "harness.h"
#include "earnest/earnest.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

static int refuse(void *ctx, const char *d, size_t len) {
    (void)ctx;
    (void)d;
    (void)len;
    return 1;
}

static ea_call *g_call;
static ea_facts *g_facts;

static ea_verify_result *run(const char *summary) {
    ea_verify_result *r = NULL;
    ea_error err;
    memset(&err, 0, sizeof err);
    ea_status st = ea_verify_summary(g_call, g_facts, summary, strlen(summary), &r, &err);
    CHECK_MSG(st == EA_OK, "verify failed: %s", err.message ? err.message : "?");
    return r;
}

/* The number of findings of `kind` (or of any kind, when kind < 0). */
static size_t count(const ea_verify_result *r, int kind) {
    size_t n = 0;
    for (size_t i = 0; i < ea_verify_count(r); i++)
        if (kind < 0 || (int)ea_verify_get(r, i)->kind == kind) n++;
    return n;
}

static void dump(const ea_verify_result *r) {
    th_sink s = {0};
    ea_verify_write_text(r, "summary", th_put, &s);
    if (s.buf) fputs(s.buf, stderr);
    free(s.buf);
}

/* `summary` has no findings at all. */
#define PASSES(summary)                                                    \
    do {                                                                   \
        ea_verify_result *r_ = run(summary);                               \
        CHECK_MSG(r_ && count(r_, -1) == 0, "expected no findings: %s", summary); \
        if (r_ && count(r_, -1)) dump(r_);                                 \
        ea_verify_free(r_);                                                \
    } while (0)

/* `summary` has exactly one finding, of `kind`, on the text `text`. */
static void finds(const char *summary, ea_verify_kind kind, const char *text) {
    ea_verify_result *r = run(summary);
    if (!r) return;
    const ea_verify_finding *f = ea_verify_get(r, 0);
    int ok = count(r, -1) == 1 && f && f->kind == kind && f->text.len == strlen(text) &&
             !memcmp(f->text.ptr, text, f->text.len);
    CHECK_MSG(ok, "expected one %s on \"%s\" in: %s", ea_verify_kind_name(kind), text, summary);
    if (!ok) dump(r);
    ea_verify_free(r);
}

/* ---- linear time -------------------------------------------------------
 * As in test_pathological.c: each summary is checked at sizes growing 4x,
 * and the CPU time may grow less than 10x a step (linear is 4x, quadratic
 * 16x); best of three runs of at least 20 ms. */

static char *repeat(const char *unit, size_t size, size_t *len) {
    size_t u = strlen(unit), n = size / u + 1;
    char *p = malloc(n * u + 1);
    if (!p) exit(1);
    for (size_t i = 0; i < n; i++) memcpy(p + i * u, unit, u);
    p[n * u] = 0;
    *len = n * u;
    return p;
}

static double cpu_of(const ea_call *c, const ea_facts *fs, const char *p, size_t n) {
    double best = 1e30;
    for (int round = 0; round < 3; round++) {
        int reps = 0;
        clock_t t0 = clock(), t1;
        do {
            ea_verify_result *r = NULL;
            if (ea_verify_summary(c, fs, p, n, &r, NULL) != EA_OK) return -1;
            ea_verify_free(r);
            reps++;
            t1 = clock();
        } while ((double)(t1 - t0) / CLOCKS_PER_SEC < 0.02);
        double t = (double)(t1 - t0) / CLOCKS_PER_SEC / reps;
        if (t < best) best = t;
    }
    return best;
}

static void linear(const char *name, const ea_call *c, const ea_facts *fs, const char *unit, size_t top) {
    if (UNDER_ASAN) top /= 4;
    double prev = -1;
    for (size_t size = top / 64; size <= top; size *= 4) {
        size_t n;
        char *p = repeat(unit, size, &n);
        double t = cpu_of(c, fs, p, n);
        CHECK_MSG(t >= 0, "%s: verify failed at %zu bytes", name, n);
        if (prev > 0 && t > 0.002) {
            double g = t / prev;
            if (g >= 10) g = cpu_of(c, fs, p, n) / prev; /* measure a bad step again */
            CHECK_MSG(g < 10, "%s: %zu bytes took %.3fs, %.1fx the previous size's", name, n, t, g);
        }
        prev = t;
        free(p);
    }
}

/* A call made to strain the look-ups: 64 paragraphs, each stating 5% and
 * $3 million three hundred times. */
static void pathological(void) {
    size_t cap = 64 * 300 * 40 + 256, n = 0;
    char *doc = malloc(cap);
    if (!doc) exit(1);
    n += (size_t)snprintf(doc + n, cap - n, "Operator\nWelcome.\n\nJane Doe - Chief Financial Officer\n");
    for (int p = 0; p < 64; p++) {
        for (int k = 0; k < 300; k++) n += (size_t)snprintf(doc + n, cap - n, "up 5%% to $3 million, ");
        n += (size_t)snprintf(doc + n, cap - n, "thanks.\n\n");
    }
    ea_call *c = NULL;
    ea_facts *fs = th_call_facts(doc, n, &c);
    if (fs) {
        const size_t M = 1024 * 1024;
        linear("one long line", c, fs, "revenue rose 5% to $3 million [2] ", M);
        linear("wide citations", c, fs, "fell 5% [1-999999][0][7, 9-70] $3 billion 4 5 6 7 8 9 10 11 12 13\n", M);
        linear("every paragraph cited", c, fs,
               "[1][2][3][4][5][6][7][8][9][10][11][12][13][14][15][16][17][18][19][20][21][22][23][24][25][26]"
               "[27][28][29][30][31][32][33][34][35][36][37][38][39][40][41][42][43][44][45][46][47][48][49][50]"
               "[51][52][53][54][55][56][57][58][59][60][61][62][63][64] 5% 5% 5% 5% 5% 5% 5% 5% $3 million\n",
               M);
        linear("words", c, fs, "Robotics footprint expanded across Ohio and Texas plants [3]\n", M);
        linear("chinese", c, fs, "2024年第一季度营收同比增长5%至300万美元【2】，毛利率为5％。\n", M);
        linear("no breaks", c, fs, "5", M);
        linear("brackets", c, fs, "[[[[1-", M);
    }
    ea_facts_free(fs);
    ea_call_free(c);
    free(doc);
}

/* Findings of `summary` against a call written here. */
static size_t findings_against(const char *call_text, const char *summary) {
    ea_call *c = NULL;
    ea_facts *fs = NULL;
    ea_verify_result *r = NULL;
    size_t n = (size_t)-1;
    if (ea_call_parse(call_text, strlen(call_text), NULL, &c, NULL) == EA_OK &&
        ea_facts_extract(c, &fs, NULL) == EA_OK &&
        ea_verify_summary(c, fs, summary, strlen(summary), &r, NULL) == EA_OK) {
        n = count(r, -1);
        if (n) dump(r);
    }
    ea_verify_free(r);
    ea_facts_free(fs);
    ea_call_free(c);
    return n;
}

static void test_units_and_signs(void) {
    static const char call[] = "Operator\nWelcome to the Borealis second quarter 2024 call.\n"
                               "Ana Costa - Chief Financial Officer\n"
                               "Net income excluding investment gains and losses of $124 million was a record.\n"
                               "Supply constraints will limit third quarter revenue growth by 4 to 6 percentage "
                               "points, and gross margin will be about 1 percentage point lower.\n";
    /* "gains and losses" names what is left out, not a loss; "pp" is how
       a digest writes percentage points */
    CHECK(findings_against(call, "- Net income $124M [2]\n") == 0);
    {
        /* 前三季度 is the year so far: a line naming the year fits it */
        static const char zh[] = "光模块交流会\n时间：2025年11月20日\n专家：新易盛前三季度营收165亿元，同比增长221%。\n";
        CHECK(findings_against(zh, "- Eoptolink revenue RMB 16.5B in the first three quarters of 2025, up 221% YoY [3]\n") ==
              0);
    }
    CHECK(findings_against(call, "- Q3 2024 revenue growth 4 pp to 6 pp [3]\n- Gross margin about 1 pp lower [3]\n") == 0);
    CHECK(findings_against(call, "- Q3 2024 revenue growth 4 pp to 7 pp [3]\n") == 1);
}

/* A company a line names must be named where the line says it comes from. */
static void test_companies(void) {
    static const char call[] = "Operator\nWelcome to the Borealis second quarter 2024 call.\n"
                               "Ana Costa - Chief Financial Officer\n"
                               "Our largest customers this quarter were NVIDIA and Google.\n"
                               "Ana Costa - Chief Financial Officer\n"
                               "Lumentum cut prices on 800G modules, and \xE4\xB8\xAD\xE9\x99\x85\xE6\x97\xAD"
                               "\xE5\x88\x9B added capacity.\n";
    CHECK(findings_against(call, "- NVIDIA and Google were the largest customers [2]\n") == 0);
    CHECK(findings_against(call, "- Innolight added capacity; Lumentum cut prices [3]\n") == 0);
    CHECK(findings_against(call, "- Lumentum cut prices [2]\n") == 1);
    CHECK(findings_against(call, "- Coherent gained share.\n") == 1);
    CHECK(findings_against(call, "- Google was a large customer.\n") == 0);
    ea_call *c = NULL;
    ea_verify_result *r = NULL;
    if (ea_call_parse(call, strlen(call), NULL, &c, NULL) == EA_OK &&
        ea_verify_summary(c, NULL, "- Lumentum cut prices [2]\n", 26, &r, NULL) == EA_OK) {
        const ea_verify_finding *f = ea_verify_get(r, 0);
        CHECK(f && f->kind == EA_VERIFY_COMPANY && !f->is_number && f->text.len == 8 &&
              !memcmp(f->text.ptr, "Lumentum", 8) && f->column == 3);
        CHECK(!strcmp(ea_verify_kind_name(EA_VERIFY_COMPANY), "company_unsupported"));
    }
    ea_verify_free(r);
    ea_call_free(c);
}

/* Company findings of `summary` against `call_text`, companies from `set`
 * (NULL: the built-in packs), facts extracted with the same set; or, when
 * `own_facts` is 0, left to ea_verify_summary_opts to extract. With
 * `free_set_first`, the set is freed before the findings are read: the
 * result must not point into it. */
static size_t company_findings(const char *call_text, ea_entities *set, const char *summary, int own_facts,
                               int free_set_first, const char *expect_text) {
    ea_call *c = NULL;
    ea_facts *fs = NULL;
    ea_verify_result *r = NULL;
    size_t n = (size_t)-1;
    ea_facts_options fo;
    ea_facts_options_init(&fo);
    fo.entities = set;
    ea_verify_options vo;
    ea_verify_options_init(&vo);
    vo.entities = set;
    ea_error err;
    memset(&err, 0, sizeof err);
    if (ea_call_parse(call_text, strlen(call_text), NULL, &c, NULL) == EA_OK &&
        (!own_facts || ea_facts_extract_opts(c, &fo, &fs, NULL) == EA_OK) &&
        ea_verify_summary_opts(c, fs, &vo, summary, strlen(summary), &r, &err) == EA_OK) {
        if (free_set_first) ea_entities_free(set);
        n = count(r, EA_VERIFY_COMPANY);
        if (expect_text) {
            const ea_verify_finding *f = NULL;
            for (size_t i = 0; i < ea_verify_count(r) && !f; i++)
                if (ea_verify_get(r, i)->kind == EA_VERIFY_COMPANY) f = ea_verify_get(r, i);
            CHECK_MSG(f && f->text.len == strlen(expect_text) && !memcmp(f->text.ptr, expect_text, f->text.len) &&
                          !f->is_number && !f->has_source,
                      "company finding on \"%s\"", expect_text);
        }
    } else {
        CHECK_MSG(0, "verify failed: %s", err.message ? err.message : "?");
        if (free_set_first) ea_entities_free(set);
    }
    ea_verify_free(r);
    ea_facts_free(fs);
    ea_call_free(c);
    return n;
}

/* The companies of a pack of the user's own (--lexicon) are checked as the
 * built-in ones are, by any of their names: English, Simplified or
 * Traditional (tests/verify/own-pack.txt: Luxshare 立讯精密, Foxconn
 * 鸿海精密 / 鴻海精密 / 富士康, in no built-in pack). */
static void test_companies_own_pack(const char *root) {
    static const char call[] = "\xE4\xB8\xBB\xE6\x8C\x81\xE4\xBA\xBA\xEF\xBC\x9A" /* 主持人： */
                               "\xE5\x90\x84\xE4\xBD\x8D\xE5\xA5\xBD\xE3\x80\x82\n" /* 各位好。 */
                               "\xE4\xB8\x93\xE5\xAE\xB6\xEF\xBC\x9A" /* 专家： */
                               /* 立讯精密今年一季度的营收为12亿元，同比增长20%。 */
                               "\xE7\xAB\x8B\xE8\xAE\xAF\xE7\xB2\xBE\xE5\xAF\x86\xE4\xBB\x8A\xE5\xB9\xB4"
                               "\xE4\xB8\x80\xE5\xAD\xA3\xE5\xBA\xA6\xE7\x9A\x84\xE8\x90\xA5\xE6\x94\xB6"
                               "\xE4\xB8\xBA" "12\xE4\xBA\xBF\xE5\x85\x83\xEF\xBC\x8C\xE5\x90\x8C\xE6\xAF\x94"
                               "\xE5\xA2\x9E\xE9\x95\xBF" "20%\xE3\x80\x82\n"
                               "\xE4\xB8\x93\xE5\xAE\xB6\xEF\xBC\x9A" /* 专家： */
                               /* 新易盛的营收为15亿元。 */
                               "\xE6\x96\xB0\xE6\x98\x93\xE7\x9B\x9B\xE7\x9A\x84\xE8\x90\xA5\xE6\x94\xB6"
                               "\xE4\xB8\xBA" "15\xE4\xBA\xBF\xE5\x85\x83\xE3\x80\x82\n";
    ea_entities *set = NULL, *own_only = NULL;
    ea_error err;
    memset(&err, 0, sizeof err);
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/verify/own-pack.txt", root);
    CHECK(ea_entities_new(0, &set, NULL) == EA_OK);
    CHECK(ea_entities_new(EA_ENTITIES_NO_BUILTIN, &own_only, NULL) == EA_OK);
    CHECK_MSG(set && ea_entities_load_file(set, path, &err) == EA_OK, "%s: %s", path, err.message ? err.message : "?");
    CHECK(own_only && ea_entities_load_file(own_only, path, NULL) == EA_OK);
    if (!set || !own_only) {
        ea_entities_free(set);
        ea_entities_free(own_only);
        return;
    }
    /* the call names Luxshare (in Chinese) in paragraph 2; Foxconn nowhere */
    CHECK(company_findings(call, set, "- Luxshare revenue RMB 1.2 billion in Q1, up 20% [2]\n", 1, 0, NULL) == 0);
    CHECK(company_findings(call, set, "- Luxshare Precision grew 20%.\n", 1, 0, NULL) == 0);
    CHECK(company_findings(call, set, "- Foxconn gained share [2]\n", 1, 0, "Foxconn") == 1);
    CHECK(company_findings(call, set, "- Hon Hai gained share.\n", 1, 0, "Hon Hai") == 1);
    /* cited, but not where the line says: Luxshare is in paragraph 2 */
    CHECK(company_findings(call, set, "- Luxshare revenue RMB 1.2 billion [3]\n", 1, 0, "Luxshare") == 1);
    /* Simplified and Traditional names: 立訊精密 is 立讯精密; 鴻海精密,
       富士康 are not in the call */
    CHECK(company_findings(call, set,
                           "- \xE7\xAB\x8B\xE8\xA8\x8A\xE7\xB2\xBE\xE5\xAF\x86\xE7\x87\x9F\xE6\x94\xB6"
                           "12\xE5\x84\x84\xE5\x85\x83 [2]\n", /* 立訊精密營收12億元 */
                           1, 0, NULL) == 0);
    CHECK(company_findings(call, set,
                           "- \xE9\xB4\xBB\xE6\xB5\xB7\xE7\xB2\xBE\xE5\xAF\x86\xE7\x87\x9F\xE6\x94\xB6"
                           "12\xE5\x84\x84\xE5\x85\x83 [2]\n", /* 鴻海精密營收12億元 */
                           1, 0, "\xE9\xB4\xBB\xE6\xB5\xB7\xE7\xB2\xBE\xE5\xAF\x86") == 1);
    CHECK(company_findings(call, set, "- \xE5\xAF\x8C\xE5\xA3\xAB\xE5\xBA\xB7 gained share.\n", /* 富士康 */
                           1, 0, "\xE5\xAF\x8C\xE5\xA3\xAB\xE5\xBA\xB7") == 1);
    /* the built-in packs are still checked with the user's set ... */
    CHECK(company_findings(call, set, "- Eoptolink revenue RMB 1.5 billion [3]\n", 1, 0, NULL) == 0);
    CHECK(company_findings(call, set, "- Eoptolink revenue RMB 1.2 billion [2]\n", 1, 0, "Eoptolink") == 1);
    /* ... but not with a set made without them */
    CHECK(company_findings(call, own_only, "- Eoptolink revenue RMB 1.2 billion [2]\n", 1, 0, NULL) == 0);
    CHECK(company_findings(call, own_only, "- Foxconn gained share [2]\n", 1, 0, "Foxconn") == 1);
    /* without the set (the default), Foxconn is no company verify knows */
    CHECK(company_findings(call, NULL, "- Foxconn gained share [2]\n", 1, 0, NULL) == 0);
    /* facts extracted by verify itself, with the options' set */
    CHECK(company_findings(call, set, "- Foxconn gained share; Luxshare grew 20% [2]\n", 0, 0, "Foxconn") == 1);
    /* the result does not point into the set: it may go first */
    CHECK(company_findings(call, own_only, "- Foxconn gained share [2]\n", 1, 1, "Foxconn") == 1);
    ea_entities_free(set);
    /* options may be NULL: the defaults */
    static const char eo[] = "- Eoptolink revenue RMB 1.5 billion [3]\n";
    ea_call *c = NULL;
    ea_verify_result *r = NULL;
    if (ea_call_parse(call, strlen(call), NULL, &c, NULL) == EA_OK &&
        ea_verify_summary_opts(c, NULL, NULL, eo, sizeof eo - 1, &r, NULL) == EA_OK)
        CHECK(count(r, -1) == 0);
    else
        CHECK(0);
    ea_verify_free(r);
    ea_call_free(c);
    ea_verify_options_init(NULL); /* does nothing */
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    test_units_and_signs();
    test_companies();
    test_companies_own_pack(root);
    size_t len;
    char *data = th_read_repo(root, "tests/verify/borealis-q1-2024.txt", &len);
    if (!data) return th_done();
    CHECK(ea_call_parse(data, len, NULL, &g_call, NULL) == EA_OK);
    CHECK(g_call && ea_facts_extract(g_call, &g_facts, NULL) == EA_OK);
    if (!g_facts) return th_done();

    /* ---- faithful summaries pass ---- */
    PASSES("q1 revenue rose 12 percent to $1.72 billion.\n"
           "q1 loss per share $0.06.\n"
           "gross margin 41.5%; operating expenses $310 million.\n"
           "data center revenue fell 8% to $520 million.\n"
           "sees q2 revenue $1.75 billion to $1.85 billion.\n"
           "sees fy 2024 capex of about $400 million.\n"
           "added 1,200 cloud customers.\n");
    /* the same with citations, rounding, other spellings of the numbers */
    PASSES("Revenue was $1.7 billion in Q1 2024, up 12% [2].\n"
           "Revenue was 1,720 million dollars [2]\n"
           "Net loss of $12 million, or ($0.06) a share [4].\n"
           "Opex: $0.31 billion [3]\n"
           "- Data center: $0.52 billion, down 8% year over year, from $565 million [5]\n"
           "Q2 guidance: $1.75-1.85 billion [7]\n"
           "Pricing held steady in the data center business [11].\n");
    /* tallies of the transcript itself (a digest's tone lines) are counted,
       not stated: nothing to check; the same count as a figure is */
    PASSES("- Jane Doe (executive): 63 sentences, 2 confident, 1 hedging, 14 forward-looking\n"
           "  Forward-looking statements: 66 sentences\n"
           "- Jane Doe (executive): 63 句，信心用语 2，保留用語 1，前瞻性表述 14\n");
    finds("q1 revenue 63 million dollars.\n", EA_VERIFY_UNSTATED, "63 million dollars");
    /* a summary with no numbers and no citations has nothing to check */
    PASSES("The call was upbeat.\n\n   \n");
    PASSES("");
    /* years, dates, quarters, list numbers and markers are not numbers */
    {
        ea_verify_result *r = run("1. On May 7, 2024, Borealis said Q1 2024 revenue was $1.72 billion [2].\n"
                                  "2) 2Q24 revenue guidance: $1.75 billion to $1.85 billion [7]\n");
        CHECK(r && count(r, -1) == 0 && ea_verify_get_stats(r)->numbers == 3);
        CHECK(r && ea_verify_get_stats(r)->citations == 2 && ea_verify_get_stats(r)->lines == 2);
        ea_verify_free(r);
    }
    /* a difference of two stated numbers is derived, not unstated */
    {
        ea_verify_result *r = run("data center revenue fell $45 million to $520 million.\n");
        CHECK(r && count(r, -1) == 0 && ea_verify_get_stats(r)->derived == 1);
        ea_verify_free(r);
    }
    /* Chinese summaries of the English call: 亿, 万, 百分比 */
    PASSES("2024年第一季度营收17.2亿美元，同比增长12%。\n"
           "数据中心营收5.2亿美元，同比下降8%。\n"
           "营业费用31,000万美元 [3]\n"
           "第二季度营收指引为17.5亿至18.5亿美元 [7]。\n"
           "全年资本支出约4亿美元。\n");

    /* ---- each finding ---- */
    finds("q1 revenue $2.3 billion.\n", EA_VERIFY_UNSTATED, "$2.3 billion");
    finds("q1 revenue $1.6 billion.\n", EA_VERIFY_UNSTATED, "$1.6 billion"); /* 1.72 does not round to 1.6 */
    finds("operating expenses were $310 billion.\n", EA_VERIFY_WRONG_SCALE, "$310 billion");
    finds("运营费用为310亿美元。\n", EA_VERIFY_WRONG_SCALE, "310亿美元");
    finds("data center revenue rose 8%.\n", EA_VERIFY_WRONG_SIGN, "8%");
    finds("q1 earnings per share $0.06.\n", EA_VERIFY_WRONG_SIGN, "$0.06");
    finds("gross margin $41.5 a share.\n", EA_VERIFY_WRONG_UNIT, "$41.5 a share");
    finds("q2 revenue $1.72 billion.\n", EA_VERIFY_WRONG_PERIOD, "$1.72 billion");
    finds("full-year revenue was $1.72 billion.\n", EA_VERIFY_WRONG_PERIOD, "$1.72 billion");
    finds("revenue $1.72 billion [3].\n", EA_VERIFY_CITE_UNSUPPORTED, "$1.72 billion");
    finds("Borealis opened a robotic factory in Ohio employing welders [3].\n", EA_VERIFY_CITE_UNSUPPORTED, "[3]");
    finds("revenue $1.72 billion [99].\n", EA_VERIFY_CITE_RANGE, "[99]");
    finds("revenue $1.72 billion [0].\n", EA_VERIFY_CITE_RANGE, "[0]");

    /* positions and the source figure */
    {
        ea_verify_result *r = run("ok line $1.72 billion.\r\nq1 revenue fell 12% [2].\n");
        const ea_verify_finding *f = r ? ea_verify_get(r, 0) : NULL;
        CHECK(f && ea_verify_count(r) == 1 && f->kind == EA_VERIFY_WRONG_SIGN);
        if (f) {
            CHECK(f->line == 2 && f->column == 17 && f->span.start == 40 && f->span.end == 43);
            CHECK(STR_EQ(f->line_text, "q1 revenue fell 12% [2]."));
            CHECK(f->is_number && f->value == 12 && !strcmp(f->unit, "%"));
            CHECK(f->has_source && f->source_para == 1 && STR_EQ(f->source_text, "12%"));
            CHECK(!strcmp(f->source_period, "2024Q1"));
            CHECK(f->why && *f->why);
        }
        /* text: name, line, column, kind, the source's [n] */
        th_sink s = {0};
        CHECK(r && ea_verify_write_text(r, "sum.txt", th_put, &s) == EA_OK);
        CHECK(s.buf && strstr(s.buf, "sum.txt:2:17: wrong sign \"12%\"") != NULL);
        CHECK(s.buf && strstr(s.buf, "the call: [2] \"12%\"") != NULL);
        CHECK(s.buf && strstr(s.buf, "sum.txt: 1 finding (wrong sign 1); 2 lines, 2 numbers (1 stated, 0 derived)") != NULL);
        free(s.buf);
        th_sink j = {0};
        CHECK(r && ea_verify_write_json(r, 0, th_put, &j) == EA_OK);
        CHECK(j.buf && strstr(j.buf, "\"kind\":\"wrong_sign\",\"line\":2,\"column\":17,\"span\":[40,43]") != NULL);
        CHECK(j.buf && strstr(j.buf, "\"source\":{\"para\":2,") != NULL);
        CHECK(j.buf && strstr(j.buf, "\"counts\":{\"unstated\":0,") != NULL);
        free(j.buf);
        /* a failing sink is an error */
        CHECK(r && ea_verify_write_text(r, NULL, refuse, NULL) == EA_ERR_IO);
        CHECK(r && ea_verify_write_json(r, 0, refuse, NULL) == EA_ERR_IO);
        ea_verify_free(r);
    }

    /* ---- bad input ---- */
    {
        ea_verify_result *r = (ea_verify_result *)1;
        ea_error err;
        memset(&err, 0, sizeof err);
        const char bad[] = "fine line\nrevenue \xff up\n";
        CHECK(ea_verify_summary(g_call, g_facts, bad, sizeof bad - 1, &r, &err) == EA_ERR_ENCODING);
        CHECK(r == NULL && err.offset == 18 && err.line == 2 && err.column == 9);
        const char nul[] = "a\0b";
        CHECK(ea_verify_summary(g_call, g_facts, nul, 3, &r, &err) == EA_ERR_ENCODING && err.offset == 1);
        CHECK(ea_verify_summary(g_call, g_facts, "\xff\xfeq\0", 4, &r, &err) == EA_ERR_ENCODING);
        CHECK(ea_verify_summary(NULL, g_facts, "x", 1, &r, &err) == EA_ERR_USAGE);
        CHECK(ea_verify_summary(g_call, g_facts, NULL, 1, &r, NULL) == EA_ERR_USAGE);
        /* a BOM is skipped; facts may be NULL */
        CHECK(ea_verify_summary(g_call, NULL, "\xEF\xBB\xBFq1 revenue $1.72 billion.", 28, &r, &err) == EA_OK);
        CHECK(r && ea_verify_count(r) == 0 && ea_verify_get_stats(r)->stated == 1);
        CHECK(ea_verify_get(r, 0) == NULL);
        ea_verify_free(r);
        ea_verify_free(NULL);
        CHECK(ea_verify_count(NULL) == 0 && ea_verify_get_stats(NULL) == NULL);
        CHECK(!strcmp(ea_verify_kind_name(EA_VERIFY_CITE_RANGE), "citation_out_of_range"));
        CHECK(ea_verify_kind_name(EA_VERIFY_KIND_COUNT_) == NULL);
    }

    /* ---- earnest's own outputs: every number stated in a cited paragraph ---- */
    {
        th_sink b = {0};
        CHECK(ea_digest_write_bullets(g_call, g_facts, EA_BULLETS_CITE, th_put, &b) == EA_OK);
        ea_verify_result *r = b.buf ? run(b.buf) : NULL;
        CHECK_MSG(r && ea_verify_count(r) == 0 && ea_verify_get_stats(r)->numbers > 0, "bullets: %s", b.buf);
        if (r && ea_verify_count(r)) dump(r);
        ea_verify_free(r);
        free(b.buf);
    }
    ea_facts_free(g_facts);
    ea_call_free(g_call);
    free(data);

    /* the example call's digest, in English and Chinese, up to its tone
       counts (earnest's own counts of sentences, not the call's numbers) */
    data = th_read_repo(root, "examples/aurora-q3-2025.txt", &len);
    if (data && ea_call_parse(data, len, NULL, &g_call, NULL) == EA_OK &&
        ea_facts_extract(g_call, &g_facts, NULL) == EA_OK) {
        static const ea_lang langs[] = {EA_LANG_EN, EA_LANG_ZH_HANS};
        for (size_t k = 0; k < 2; k++) {
            ea_digest_options o;
            ea_digest_options_init(&o);
            o.lang = langs[k];
            th_sink d = {0};
            CHECK(ea_digest_write(g_call, g_facts, &o, th_put, &d) == EA_OK && d.buf);
            if (!d.buf) continue;
            char *tone = strstr(d.buf, "\nTone");
            if (!tone) tone = strstr(d.buf, "\n\xE8\xAF\xAD\xE6\xB0\x94"); /* 语气 */
            if (tone) tone[1] = 0;
            ea_verify_result *r = run(d.buf);
            CHECK_MSG(r && ea_verify_count(r) == 0 && ea_verify_get_stats(r)->numbers >= 10, "digest lang %zu", k);
            if (r && ea_verify_count(r)) dump(r);
            ea_verify_free(r);
            free(d.buf);
        }
        th_sink b = {0};
        CHECK(ea_digest_write_bullets(g_call, g_facts, EA_BULLETS_CITE, th_put, &b) == EA_OK);
        ea_verify_result *r = b.buf ? run(b.buf) : NULL;
        CHECK(r && ea_verify_count(r) == 0 && ea_verify_get_stats(r)->stated >= 8);
        ea_verify_free(r);
        free(b.buf);
    }
    ea_facts_free(g_facts);
    ea_call_free(g_call);
    free(data);

    pathological();
    return th_done();
}
