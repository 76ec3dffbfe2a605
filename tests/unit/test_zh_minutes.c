/* Minutes of Chinese calls (src/summarize/zh_minutes.c): the English
 * bullets composed for the corpus's Chinese calls, word for word, with
 * their citations; companies named in both languages (the pack's names,
 * the Traditional form on a Traditional call, a user's pack); --quote;
 * the Chinese minutes (--lang zh, Simplified and Traditional) from the
 * same statements in every format; `verify` clean on every one; English
 * calls left as they were; bad input never crashes. */
#include "harness.h"
#include "earnest/earnest.h"

typedef struct {
    ea_call *call;
    ea_facts *facts;
    char *data;
} loaded_t;

static int load_text(const char *data, size_t len, loaded_t *l, const ea_entities *set) {
    memset(l, 0, sizeof *l);
    if (ea_call_parse(data, len, NULL, &l->call, NULL) != EA_OK) return 0;
    ea_facts_options fo;
    ea_facts_options_init(&fo);
    fo.entities = set;
    return ea_facts_extract_opts(l->call, &fo, &l->facts, NULL) == EA_OK;
}

static int load(const char *root, const char *name, loaded_t *l) {
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/corpus/chinese/%s", root, name);
    size_t len;
    char *d = th_read(path, &len);
    if (!d) {
        fprintf(stderr, "missing %s\n", path);
        return 0;
    }
    int ok = load_text(d, len, l, NULL);
    l->data = d;
    return ok;
}

static void unload(loaded_t *l) {
    ea_facts_free(l->facts);
    ea_call_free(l->call);
    free(l->data);
}

static char *digest(const loaded_t *l, ea_digest_format fmt, ea_lang lang, unsigned flags, const ea_entities *set) {
    ea_digest_options o;
    ea_digest_options_init(&o);
    o.format = fmt;
    o.lang = lang;
    o.flags = flags;
    o.entities = set;
    th_sink s = {0};
    if (ea_digest_write(l->call, l->facts, &o, th_put, &s) != EA_OK) {
        free(s.buf);
        return NULL;
    }
    return s.buf ? s.buf : calloc(1, 1);
}

#define HAS(text, lit) CHECK_MSG((text) && strstr((text), (lit)) != NULL, "missing: %s", (lit))

/* the line holding `lit` is a bullet, in the section after heading `h` */
static int in_section(const char *t, const char *h, const char *lit) {
    const char *a = t ? strstr(t, h) : NULL, *b = t ? strstr(t, lit) : NULL;
    if (!a || !b || b < a) return 0;
    /* no other heading (a line not starting with a space) in between */
    for (const char *p = strchr(a + 1, '\n'); p && p < b; p = strchr(p + 1, '\n'))
        if (p[1] != ' ' && p[1] != '\n' && p + 1 < b) return 0;
    return 1;
}

/* every ideograph of a bullet line sits inside parentheses: the English
   names the Chinese ones */
static int english_bullets(const char *t) {
    for (const char *line = t; line && *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (n > 4 && !memcmp(line, "  - ", 4)) {
            int depth = 0;
            for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)line[i];
                if (c == '(') depth++;
                else if (c == ')') depth--;
                else if (c >= 0xE4 && c <= 0xE9 && depth <= 0) return 0;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    return 1;
}

static void verify_clean(const loaded_t *l, const char *summary, const char *what) {
    ea_verify_result *r = NULL;
    CHECK(summary && ea_verify_summary(l->call, l->facts, summary, strlen(summary), &r, NULL) == EA_OK);
    if (!r) return;
    const ea_verify_stats *st = ea_verify_get_stats(r);
    CHECK_MSG(ea_verify_count(r) == 0, "%s: verify finds %zu problems", what, ea_verify_count(r));
    for (size_t i = 0; i < ea_verify_count(r); i++) {
        const ea_verify_finding *f = ea_verify_get(r, i);
        fprintf(stderr, "  %s: %s \"%.*s\" in: %.*s\n", what, ea_verify_kind_name(f->kind), (int)f->text.len,
                f->text.ptr, (int)f->line_text.len, f->line_text.ptr);
    }
    CHECK(st->numbers > 0 && st->citations > 0);
    ea_verify_free(r);
}

/* the end of each fixture's checks: the output verifies clean against
   its call; both are freed */
static void finish(loaded_t *l, char *summary, const char *what) {
    if (summary) verify_clean(l, summary, what);
    free(summary);
    unload(l);
}

static void industry_call(const char *root) {
    loaded_t l;
    CHECK(load(root, "industry_call.txt", &l));
    if (!l.facts) {
        unload(&l);
        return;
    }
    char *t = digest(&l, EA_DIGEST_TEXT, EA_LANG_EN, 0, NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK(!strncmp(t, "Summary of Industry Call on Optical Module Capacity Expansion\n", 62));
        const char *k = "  - Innolight (中际旭创): revenue expected at about RMB 35B in 2025, up more than 40% YoY; "
                        "gross margin still at more than 40% [4]\n";
        HAS(t, k);
        CHECK(in_section(t, "\nKey companies\n", k));
        const char *e = "  - Eoptolink (新易盛): revenue at RMB 16.5B in the first three quarters of 2025, up 221% YoY; "
                        "Thailand plants at full capacity [5]\n";
        HAS(t, e);
        CHECK(in_section(t, "\nKey companies\n", e));
        HAS(t, "  - TFC (天孚通信): optical engine orders strong; capacity expected to double in 2026 [6]\n");
        HAS(t, "  - Dongtianwei (东田微): expected to benefit from rising demand [8]\n");
        const char *cap = "  - Leading makers' capacity expansion, mainly in Thailand; capacity release expected in 1H 2026 [3]\n";
        HAS(t, cap);
        CHECK(in_section(t, "\nCapacity\n", cap));
        const char *sup = "  - EML chip and DSP supply still tight; isolator supply tight [7]\n";
        HAS(t, sup);
        CHECK(in_section(t, "\nSupply chain\n", sup));
        const char *dem = "  - 800G optical module demand expected at about 40M units in 2026, up more than 60% YoY [2]\n";
        HAS(t, dem);
        CHECK(in_section(t, "\nDemand\n", dem));
        HAS(t, "  - 1.6T optical module demand expected at about 15M units [2]\n");
        HAS(t, "North America cloud providers' capex expected at more than $500B in 2026; Google (谷歌) and Microsoft "
               "(微软) budgets rising; optical module demand expected to rise [10]\n");
        /* an answer without a subject takes the question's, and cites it */
        HAS(t, "  - Industry competitive landscape stable; customers' validation cycles long [11][12]\n");
        const char *risk = "  - Risk: tariffs and export controls; if GPU shipments below expectations, optical module "
                           "demand may fall [14]\n";
        HAS(t, risk);
        CHECK(in_section(t, "\nRisks\n", risk));
        /* sections in their order, only those with content */
        const char *order[] = {"\nKey companies\n", "\nCapacity\n", "\nSupply chain\n", "\nDemand\n",
                               "\nCompetition\n", "\nRisks\n"};
        for (size_t i = 1; i < sizeof order / sizeof order[0]; i++)
            CHECK(strstr(t, order[i - 1]) && strstr(t, order[i]) && strstr(t, order[i - 1]) < strstr(t, order[i]));
        CHECK(strstr(t, "\nOutlook\n") == NULL);
        CHECK(strstr(t, "\nIndustry overview\n") == NULL);
        /* the call's own title and time close it; no Q&A, no tone */
        size_t n = strlen(t);
        const char *end = "\n光模块行业交流会纪要：新一轮产能扩张\n2025-11-20 19:30\n";
        CHECK(n > strlen(end) && !strcmp(t + n - strlen(end), end));
        CHECK(strstr(t, "\nQ&A\n") == NULL && strstr(t, "\nTone\n") == NULL);
        CHECK(english_bullets(t));
        verify_clean(&l, t, "industry_call");
    }
    /* --quote: the Chinese sentence under its bullet */
    char *q = digest(&l, EA_DIGEST_TEXT, EA_LANG_EN, EA_DIGEST_QUOTE, NULL);
    HAS(q, "more than 40% [4]\n      \xE2\x80\x9C中际旭创今年的营收预计在350亿元左右，同比增长超过40%，毛利率维持在40%以上。"
           "\xE2\x80\x9D\n");
    HAS(q, "[11][12]\n      \xE2\x80\x9C短期看竞争格局比较稳定");
    verify_clean(&l, q, "industry_call --quote");
    /* Markdown: the same bullets, the sources after */
    char *md = digest(&l, EA_DIGEST_MD, EA_LANG_EN, 0, NULL);
    HAS(md, "## Capacity\n- Leading makers' capacity expansion, mainly in Thailand; capacity release expected in 1H "
            "2026 [3](#p3)\n");
    HAS(md, "<a id=\"p3\"></a>**[3]** 头部厂商普遍在扩产");
    /* JSON: the sections as themes, the source title and time */
    char *js = digest(&l, EA_DIGEST_JSON, EA_LANG_EN, EA_DIGEST_NDJSON, NULL);
    HAS(js, "\"theme\":\"companies\",\"heading\":\"Key companies\"");
    HAS(js, "\"source_title\":\"光模块行业交流会纪要：新一轮产能扩张\",\"time\":\"2025-11-20 19:30\"");
    /* --lang zh: the Chinese minutes (chinese_minutes below) */
    char *z = digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANS, 0, NULL);
    HAS(z, "\n重点公司\n");
    CHECK(z && strstr(z, "Key companies") == NULL);
    /* facts --table: whom a figure is about */
    th_sink s = {0};
    CHECK(ea_facts_write_table(l.facts, th_put, &s) == EA_OK);
    HAS(s.buf, "segment          company         period");
    HAS(s.buf, "revenue                                  Innolight       ");
    HAS(s.buf, "revenue                                  Eoptolink       ");
    free(s.buf);
    free(t);
    free(q);
    free(md);
    free(js);
    free(z);
    unload(&l);
}

static void expert_calls(const char *root) {
    loaded_t l;
    CHECK(load(root, "expert_call.txt", &l));
    char *t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_EN, 0, NULL) : NULL;
    HAS(t, "Summary of Expert Call on Optical Module Industry\n");
    /* 1,000万只左右 = about 10M units; 超过100% = more than 100% */
    HAS(t, "\nDemand\n  - 800G optical module demand expected at about 10M units in 2024, up more than 100% YoY [2]\n");
    /* 4,070万美元 = $40.7M, 1.6亿元人民币 = RMB 160M, each with its period */
    HAS(t, "  - Leading makers' overseas revenue at about $40.7M in 2023; RMB 160M in Q1 2024 [3]\n");
    HAS(t, "  - Industry gross margin still at more than 30% [4]\n");
    HAS(t, "\nSupply chain\n  - EML chip supply still tight [8]\n");
    /* the question's subject, 明年下半年 and 后年 against the call's 2024 */
    HAS(t, "\nOutlook\n  - 1.6T optical module small-volume shipments expected in 2H 2025; volume ramp expected in "
           "2026 [5][6]\n");
    HAS(t, "\n光模块行业专家交流会纪要\n2024-05-08 15:00\n");
    CHECK(t && english_bullets(t));
    finish(&l, t, "expert_call");

    CHECK(load(root, "expert_call_hant.txt", &l));
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_EN, 0, NULL) : NULL;
    HAS(t, "  - Leading makers' overseas revenue at about $40.7M in 2023; RMB 160M in Q1 2024 [2]\n");
    HAS(t, "  - EML chip supply still tight [7]\n");
    HAS(t, "  - 1.6T optical module small-volume shipments expected in 2H 2025 [4][5]\n");
    HAS(t, "\n光模組行業專家交流會紀要\n2024-05-08 15:00\n");
    finish(&l, t, "expert_call_hant");

    CHECK(load(root, "results_briefing.txt", &l));
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_EN, 0, NULL) : NULL;
    HAS(t, "Summary of Results Briefing, Q1 2024\n");
    HAS(t, "  - Revenue at RMB 1.28B in Q1 2024, up 23% YoY [2]\n");
    /* 较上年同期提升2.1个百分点: a change in points, a year on */
    HAS(t, "  - Gross margin at 35.2% in Q1 2024; up 2.1pp YoY [4]\n");
    HAS(t, "  - Overseas revenue share at about 28%; up 5pp YoY [6]\n");
    HAS(t, "  - Capex expected at about RMB 300M in 2024 [8]\n");
    finish(&l, t, "results_briefing");

    CHECK(load(root, "named_minutes.txt", &l));
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_EN, 0, NULL) : NULL;
    /* 下降了大约30%, 下降1.2万元: changes, not levels */
    HAS(t, "  - Costs down about 30%; down RMB 12K [3]\n");
    HAS(t, "  - Overseas market exports up 23% YoY; Europe share at more than 40% [4]\n");
    HAS(t, "  - Price war expected to continue [2]\n");
    finish(&l, t, "named_minutes");
}

/* Traditional text names a company in Traditional; a user's pack names its
   own companies */
static void naming(void) {
    const char *hant = "光模組產業鏈交流會\n時間：2025年3月10日 09:30\n\n"
                       "主持人：請專家介紹。\n"
                       "專家：中際旭創今年的營收預計在350億元左右，同比增長超過40%。\n"
                       "專家：艾克米光電明年的出貨量預計在200萬隻左右。\n";
    loaded_t l;
    CHECK(load_text(hant, strlen(hant), &l, NULL));
    char *t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_EN, 0, NULL) : NULL;
    HAS(t, "Innolight (中際旭創): revenue expected at about RMB 35B in 2025, up more than 40% YoY [2]");
    HAS(t, "2025-03-10 09:30\n");
    if (t) verify_clean(&l, t, "hant");
    free(t);
    ea_facts_free(l.facts);
    ea_call_free(l.call);

    ea_entities *set = NULL;
    const char *pack = "company\tacme\tAcme Photonics\t艾克米光电\n";
    CHECK(ea_entities_new(0, &set, NULL) == EA_OK);
    CHECK(set && ea_entities_load(set, pack, strlen(pack), NULL) == EA_OK);
    CHECK(load_text(hant, strlen(hant), &l, set));
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_EN, 0, set) : NULL;
    HAS(t, "Acme Photonics (艾克米光電): shipments expected at about 2M units in 2026 [3]");
    free(t);
    ea_facts_free(l.facts);
    ea_call_free(l.call);
    ea_entities_free(set);
}

static int load_path(const char *root, const char *rel, loaded_t *l) {
    size_t len;
    char *d = th_read_repo(root, rel, &len);
    if (!d) {
        fprintf(stderr, "missing %s\n", rel);
        memset(l, 0, sizeof *l);
        return 0;
    }
    int ok = load_text(d, len, l, NULL);
    l->data = d;
    return ok;
}

/* no English words in the bullets: no lower-case Latin letter on a bullet
   line (product names such as EML, 800G and GPU are upper case) */
static int chinese_bullets(const char *t) {
    int bullets = 0;
    for (const char *line = t; line && *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (n > 4 && !memcmp(line, "  - ", 4)) {
            bullets++;
            for (size_t i = 0; i < n; i++)
                if (line[i] >= 'a' && line[i] <= 'z') return 0;
        }
        line = nl ? nl + 1 : NULL;
    }
    return bullets > 0;
}

static int before(const char *t, const char *a, const char *b) {
    const char *x = t ? strstr(t, a) : NULL, *y = t ? strstr(t, b) : NULL;
    return x && y && x < y;
}

static int opencc(void) { return !strcmp(ea_zh_convert_engine(), "opencc"); }

/* --lang zh on a Chinese call: the Chinese counterpart of the English
   minutes, from the same statements */
static void chinese_minutes(const char *root) {
    loaded_t l;
    CHECK(load(root, "industry_call.txt", &l));
    char *t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANS, 0, NULL) : NULL;
    CHECK(t != NULL);
    if (t) {
        /* the call's own title and time, and the mark of generated text */
        CHECK(!strncmp(t, "光模块行业交流会纪要：新一轮产能扩张\n====================================\n"
                          "时间：2025-11-20 19:30\n（本纪要由 earnest 根据会议原文自动生成，数字均引自所注段落）\n",
                       strlen("光模块行业交流会纪要：新一轮产能扩张\n====================================\n"
                              "时间：2025-11-20 19:30\n（本纪要由 earnest 根据会议原文自动生成，数字均引自所注段落）\n")));
        /* companies by their Chinese names; amounts in 万 and 亿 with their
           currency; periods as 2025年前三季度 */
        const char *k = "  - 中际旭创：2025年营收预计约350亿元，同比增长超过40%；毛利率仍超过40% [4]\n";
        HAS(t, k);
        CHECK(in_section(t, "\n重点公司\n", k));
        HAS(t, "  - 新易盛：2025年前三季度营收为165亿元，同比增长221%；泰国工厂满产 [5]\n");
        HAS(t, "  - 天孚通信：光引擎订单旺盛；2026年产能预计翻倍 [6]\n");
        HAS(t, "  - 东田微：预计受益于需求增长 [8]\n");
        const char *cap = "  - 头部厂商扩产，主要在泰国；预计2026年上半年产能释放 [3]\n";
        HAS(t, cap);
        CHECK(in_section(t, "\n产能\n", cap));
        const char *sup = "  - EML芯片和DSP供应仍紧张；隔离器供应紧张 [7]\n";
        HAS(t, sup);
        CHECK(in_section(t, "\n供应链\n", sup));
        const char *dem = "  - 2026年800G光模块需求预计约4,000万只，同比增长超过60% [2]\n";
        HAS(t, dem);
        CHECK(in_section(t, "\n需求\n", dem));
        HAS(t, "  - 1.6T光模块需求预计约1,500万只 [2]\n");
        /* 明年 on a 2025 call is 2026; 5,000亿美元, not "raised", not 2027 */
        HAS(t, "  - 2026年北美云厂商资本开支预计超过5,000亿美元；谷歌和微软预算增长；光模块需求预计增长 [10]\n");
        CHECK(strstr(t, "2027") == NULL && strstr(t, "上调") == NULL);
        /* an answer borrows its question's subject and cites both */
        const char *comp = "  - 行业竞争格局稳定；大客户验证周期较长 [11][12]\n";
        HAS(t, comp);
        CHECK(in_section(t, "\n竞争格局\n", comp));
        const char *risk = "  - 风险：关税和出口管制；如果GPU出货不及预期，光模块需求可能下降 [14]\n";
        HAS(t, risk);
        CHECK(in_section(t, "\n风险\n", risk));
        /* sections in the English minutes' order, Chinese headings only */
        const char *order[] = {"\n重点公司\n", "\n产能\n", "\n供应链\n", "\n需求\n", "\n竞争格局\n", "\n风险\n"};
        for (size_t i = 1; i < sizeof order / sizeof order[0]; i++) CHECK(before(t, order[i - 1], order[i]));
        CHECK(strstr(t, "\n展望\n") == NULL && strstr(t, "\n行业概况\n") == NULL);
        CHECK(strstr(t, "Key companies") == NULL && strstr(t, "Summary of") == NULL);
        /* no Q&A as the English minutes have none: no cut questions, no 问 as an analyst */
        CHECK(strstr(t, "问答") == NULL && strstr(t, "Q:") == NULL && strstr(t, "(analyst)") == NULL);
        CHECK(strstr(t, "怎。") == NULL && strstr(t, "？。") == NULL);
        CHECK(chinese_bullets(t));
        verify_clean(&l, t, "industry_call zh");
    }
    /* --quote: the source sentence under its bullet */
    char *q = digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANS, EA_DIGEST_QUOTE, NULL);
    HAS(q, "[6]\n      \xE2\x80\x9C天孚通信的光引擎订单饱满，明年产能预计翻倍。\xE2\x80\x9D\n");
    verify_clean(&l, q, "industry_call zh --quote");
    /* Traditional: headings, names, cue words and units converted; the numbers the same */
    char *h = digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANT, 0, NULL);
    HAS(h, "光模塊行業交流會紀要：新一");
    HAS(h, "時間：2025-11-20 19:30\n");
    HAS(h, "\n重點公司\n  - 中際旭創：2025年營收預計約350億元，同比增長超過40%；毛利率仍超過40% [4]\n");
    HAS(h, "\n供應鏈\n");
    HAS(h, "\n競爭格局\n");
    HAS(h, "\n風險\n");
    HAS(h, "5,000億美元");
    if (opencc()) { /* word by word (the built-in table lacks a few characters) */
        HAS(h, "光模塊行業交流會紀要：新一輪產能擴張\n");
        HAS(h, "  - 2026年800G光模塊需求預計約4,000萬隻，同比增長超過60% [2]\n");
        HAS(h, "  - 頭部廠商擴產，主要在泰國；預計2026年上半年產能釋放 [3]\n");
    }
    CHECK(h && strstr(h, "重点公司") == NULL && strstr(h, "光模块") == NULL);
    if (h) verify_clean(&l, h, "industry_call zh-Hant");
    /* Markdown: the same bullets, linked citations, the sources after */
    char *md = digest(&l, EA_DIGEST_MD, EA_LANG_ZH_HANS, 0, NULL);
    HAS(md, "# 光模块行业交流会纪要：新一轮产能扩张\n\n时间：2025-11-20 19:30  \n*本纪要由 earnest");
    HAS(md, "\n## 产能\n- 头部厂商扩产，主要在泰国；预计2026年上半年产能释放 [3](#p3)\n");
    HAS(md, "<a id=\"p3\"></a>**[3]** 头部厂商普遍在扩产");
    /* JSON: the sections with Chinese headings, the title and time */
    char *js = digest(&l, EA_DIGEST_JSON, EA_LANG_ZH_HANS, EA_DIGEST_NDJSON, NULL);
    HAS(js, "\"lang\":\"zh-Hans\",\"generated\":true");
    HAS(js, "\"title\":\"光模块行业交流会纪要：新一轮产能扩张\"");
    HAS(js, "\"theme\":\"companies\",\"heading\":\"重点公司\"");
    HAS(js, "\"time\":\"2025-11-20 19:30\"");
    HAS(js, "\"text\":\"新易盛：2025年前三季度营收为165亿元，同比增长221%；泰国工厂满产\",\"cites\":[5]");
    CHECK(js && strstr(js, "\"qa\":[]"));
    /* HTML: the title, the time, the mark, the Chinese headings; the quote
       in its own script */
    char *ht = digest(&l, EA_DIGEST_HTML, EA_LANG_ZH_HANT, EA_DIGEST_QUOTE, NULL);
    HAS(ht, "<html lang=\"zh-Hant\">");
    HAS(ht, "<h1>光模塊行業交流會紀要：新一");
    HAS(ht, "<div><dt>時間</dt><dd>2025-11-20 19:30</dd></div>");
    HAS(ht, "<p class=\"note\">本紀要由 earnest");
    HAS(ht, "<h3>重點公司</h3>");
    HAS(ht, "<blockquote lang=\"zh-Hans\">天孚通信的光引擎订单饱满");
    CHECK(ht && strstr(ht, "<dt>期間</dt>") == NULL);
    /* and the English HTML says where the minutes come from */
    char *he = digest(&l, EA_DIGEST_HTML, EA_LANG_EN, 0, NULL);
    HAS(he, "<div><dt>Call</dt><dd>光模块行业交流会纪要：新一轮产能扩张</dd></div>");
    HAS(he, "<p class=\"note\">English minutes composed by earnest");
    free(t);
    free(q);
    free(h);
    free(md);
    free(js);
    free(ht);
    free(he);
    unload(&l);

    CHECK(load(root, "expert_call.txt", &l));
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANS, 0, NULL) : NULL;
    HAS(t, "光模块行业专家交流会纪要\n");
    HAS(t, "时间：2024-05-08 15:00\n");
    /* 4,070万美元 and 1.6亿元 each with its period; 30%以上 */
    HAS(t, "\n行业概况\n  - 2023年头部厂商海外营收约4,070万美元；2024年第一季度1.6亿元 [3]\n");
    HAS(t, "  - 行业毛利率仍超过30% [4]\n");
    HAS(t, "\n供应链\n  - EML芯片供应仍紧张 [8]\n");
    HAS(t, "\n需求\n  - 2024年800G光模块需求预计约1,000万只，同比增长超过100% [2]\n");
    /* the question's subject; 明年下半年 and 后年 against the call's 2024 */
    HAS(t, "\n展望\n  - 预计2025年下半年1.6T光模块小批量出货；预计2026年放量 [5][6]\n");
    CHECK(t && chinese_bullets(t));
    if (t) verify_clean(&l, t, "expert_call zh");
    free(t);
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANT, 0, NULL) : NULL;
    HAS(t, "\n行業概況\n  - 2023年頭部廠商海外營收約4,070萬美元；2024年第一季度1.6億元 [3]\n");
    finish(&l, t, "expert_call zh-Hant");

    /* a Traditional call in Simplified: the title converted, the call's own
       word for a thing (晶片) kept */
    CHECK(load(root, "expert_call_hant.txt", &l));
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANS, 0, NULL) : NULL;
    HAS(t, "光模组行业专家交流会纪要\n");
    HAS(t, "  - 2023年头部厂商海外营收约4,070万美元；2024年第一季度1.6亿元 [2]\n");
    HAS(t, "  - EML晶片供应仍紧张 [7]\n");
    if (t) verify_clean(&l, t, "expert_call_hant zh");
    free(t);
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANT, 0, NULL) : NULL;
    HAS(t, "光模組行業專家交流會紀要\n");
    finish(&l, t, "expert_call_hant zh-Hant");

    CHECK(load(root, "results_briefing.txt", &l));
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANS, 0, NULL) : NULL;
    HAS(t, "某科技股份有限公司2024年第一季度业绩说明会\n");
    HAS(t, "  - 2024年第一季度营收为12.8亿元，同比增长23% [2]\n");
    HAS(t, "  - 净利润为1.6亿元，同比增长31.5% [3]\n");
    /* a change in points: 个百分点 */
    HAS(t, "  - 2024年第一季度毛利率为35.2%；同比提升2.1个百分点 [4]\n");
    HAS(t, "  - 海外营收占比约28%；同比提升5个百分点 [6]\n");
    HAS(t, "  - 2024年资本开支预计约3亿元 [8]\n");
    finish(&l, t, "results_briefing zh");

    CHECK(load(root, "named_minutes.txt", &l));
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANS, 0, NULL) : NULL;
    HAS(t, "时间：2024-03-15\n");
    HAS(t, "  - 成本下降约30%；下降1.2万元 [3]\n");
    HAS(t, "  - 海外市场出口同比增长23%；欧洲占比超过40% [4]\n");
    HAS(t, "\n竞争格局\n  - 预计价格战持续 [2]\n");
    finish(&l, t, "named_minutes zh");

    CHECK(load_path(root, "tests/fixtures/zh_optical_call.txt", &l));
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANS, 0, NULL) : NULL;
    HAS(t, "  - 2024年第一季度北美厂商数据中心营收为870万美元，同比下降69% [3]\n");
    HAS(t, "  - 厂商数据中心营收为1.2亿元，同比增长42% [4]\n");
    /* 1,510萬美元 of a Simplified call's Traditional sentence, in Simplified */
    HAS(t, "  - 营收为1,510万美元 [5]\n");
    HAS(t, "\n重点公司\n");
    HAS(t, "  - 中际旭创：营收为30亿元，同比增长20% [7]\n");
    HAS(t, "\n产能\n  - 泰国产能为30万只 [10]\n");
    if (t) verify_clean(&l, t, "zh_optical_call zh");
    free(t);
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANT, 0, NULL) : NULL;
    HAS(t, "  - 中際旭創：營收為30億元，同比增長20% [7]\n");
    HAS(t, "870萬美元");
    finish(&l, t, "zh_optical_call zh-Hant");

    /* a user's pack: its company by its Chinese name, in either script */
    const char *hant = "光模組產業鏈交流會\n時間：2025年3月10日 09:30\n\n"
                       "主持人：請專家介紹。\n"
                       "專家：艾克米光電明年的出貨量預計在200萬隻左右。\n";
    ea_entities *set = NULL;
    const char *pack = "company\tacme\tAcme Photonics\t艾克米光电\n";
    CHECK(ea_entities_new(0, &set, NULL) == EA_OK);
    CHECK(set && ea_entities_load(set, pack, strlen(pack), NULL) == EA_OK);
    CHECK(load_text(hant, strlen(hant), &l, set));
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANS, 0, set) : NULL;
    HAS(t, "光模组产业链交流会\n");
    HAS(t, "  - 艾克米光电：2026年出货预计约200万");
    if (opencc()) HAS(t, "  - 艾克米光电：2026年出货预计约200万只 [2]\n");
    free(t);
    t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANT, 0, set) : NULL;
    HAS(t, "  - 艾克米光電：2026年出貨預計約200萬");
    free(t);
    ea_facts_free(l.facts);
    ea_call_free(l.call);
    ea_entities_free(set);
}

/* English calls keep their digest; bad input makes no crash */
static void others(const char *root) {
    char path[4096];
    snprintf(path, sizeof path, "%s/examples/aurora-q3-2025.txt", root);
    size_t len;
    char *d = th_read(path, &len);
    loaded_t l;
    CHECK(d && load_text(d, len, &l, NULL));
    char *t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_EN, 0, NULL) : NULL;
    HAS(t, "\nKey figures\n");
    CHECK(t && strstr(t, "Summary of") == NULL);
    free(t);
    ea_facts_free(l.facts);
    ea_call_free(l.call);
    free(d);

    /* one long line of Chinese without a stop, cues, numbers and names */
    size_t cap = 1u << 20, n = 0;
    char *big = malloc(cap + 64);
    const char *piece = "新易盛泰国扩产需求紧张2026年上半年1,000万只左右预计";
    while (big && n + strlen(piece) < cap) {
        memcpy(big + n, piece, strlen(piece));
        n += strlen(piece);
    }
    if (big) {
        CHECK(load_text(big, n, &l, NULL));
        t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_EN, EA_DIGEST_QUOTE, NULL) : NULL;
        CHECK(t != NULL);
        free(t);
        t = l.facts ? digest(&l, EA_DIGEST_TEXT, EA_LANG_ZH_HANT, EA_DIGEST_QUOTE, NULL) : NULL;
        CHECK(t != NULL);
        free(t);
        ea_facts_free(l.facts);
        ea_call_free(l.call);
    }
    /* many short sentences of cue words only, and clause marks only */
    const char *bits[] = {"需求，，，；；：", "，", "年上半年", "2026年", "明年下半年预计", "受益于", "如果可能",
                          "占比是", "１，０００万只左右", "泰国主要", "主要是和和和"};
    n = 0;
    for (size_t i = 0; big && n + 64 < cap / 4; i++) {
        const char *b = bits[i % (sizeof bits / sizeof bits[0])];
        memcpy(big + n, b, strlen(b));
        n += strlen(b);
        big[n++] = i % 3 ? '\n' : ' ';
    }
    if (big) {
        CHECK(load_text(big, n, &l, NULL));
        t = l.facts ? digest(&l, EA_DIGEST_JSON, EA_LANG_EN, 0, NULL) : NULL;
        CHECK(t != NULL);
        free(t);
        t = l.facts ? digest(&l, EA_DIGEST_HTML, EA_LANG_ZH_HANS, 0, NULL) : NULL;
        CHECK(t != NULL);
        free(t);
        ea_facts_free(l.facts);
        ea_call_free(l.call);
    }
    free(big);
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    industry_call(root);
    expert_calls(root);
    naming();
    chinese_minutes(root);
    others(root);
    return th_done();
}
