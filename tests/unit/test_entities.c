/* Entities: the built-in optical pack, Simplified, Traditional and English
 * names, longest match, word boundaries, user packs and their errors, the
 * mentions of a call, and linear time. */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include <time.h>

#include "earnest/earnest.h"
#include "harness.h"

typedef struct {
    const char *text;
    ea_mention m[32];
    int n;
} found_t;

static int collect(void *ctx, const ea_mention *m) {
    found_t *f = ctx;
    if (f->n < 32) f->m[f->n++] = *m;
    return 0;
}

static found_t find(const ea_entities *set, const char *text) {
    found_t f;
    memset(&f, 0, sizeof f);
    f.text = text;
    ea_entities_find(set, text, strlen(text), collect, &f);
    return f;
}

/* The mentions, as "id=matched text" joined by spaces. */
static void describe(const found_t *f, char *out, size_t cap) {
    size_t o = 0;
    out[0] = 0;
    for (int i = 0; i < f->n && o < cap; i++) {
        int w = snprintf(out + o, cap - o, "%s%.*s=%.*s", i ? " " : "", (int)f->m[i].entity->id.len,
                         f->m[i].entity->id.ptr, (int)(f->m[i].span.end - f->m[i].span.start),
                         f->text + f->m[i].span.start);
        if (w < 0) break;
        o += (size_t)w;
    }
}

static void expect_found(const ea_entities *set, const char *text, const char *want) {
    found_t f = find(set, text);
    char got[2048];
    describe(&f, got, sizeof got);
    CHECK_MSG(!strcmp(got, want), "%s\n    got:  %s\n    want: %s", text, got, want);
}

static int collect_none(void *ctx, const ea_mention *m) {
    (void)ctx;
    (void)m;
    return 0;
}

static ea_str ea_str_make_for_test(const char *p, size_t n) {
    ea_str s;
    s.ptr = p;
    s.len = n;
    return s;
}

static int str_is(ea_str s, const char *lit) { return s.len == strlen(lit) && !memcmp(s.ptr, lit, s.len); }

int main(void) {
    ea_entities *set = NULL;
    ea_error err;
    CHECK(ea_entities_new(0, &set, &err) == EA_OK && set);
    if (!set) return th_done();
    CHECK(ea_entities_count(set) >= 30);
    CHECK(ea_entities_default() != NULL && ea_entities_count(ea_entities_default()) == ea_entities_count(set));

    /* ---- the pack's entries ---- */
    const ea_entity *e = ea_entities_lookup(set, "eoptolink", 9);
    CHECK(e && e->kind == EA_ENTITY_COMPANY && str_is(e->name, "Eoptolink") && str_is(e->name_zh, "新易盛") &&
          str_is(e->ticker, "300502.SZ"));
    e = ea_entities_lookup(set, "innolight", 9);
    CHECK(e && str_is(e->name, "Innolight") && str_is(e->name_zh, "中际旭创") && str_is(e->name_zh_hant, "中際旭創"));
    e = ea_entities_lookup(set, "nvidia", 6);
    CHECK(e && str_is(e->name_zh, "英伟达") && str_is(e->name_zh_hant, "英偉達"));
    e = ea_entities_lookup(set, "credo", 5);
    CHECK(e && str_is(e->name, "Credo") && e->name_zh.len == 0 && e->name_zh_hant.len == 0);
    e = ea_entities_lookup(set, "silicon_photonics", 17);
    CHECK(e && e->kind == EA_ENTITY_PRODUCT && str_is(e->name, "silicon photonics") && str_is(e->name_zh, "硅光"));
    CHECK(ea_entities_lookup(set, "no-such-id", 10) == NULL);
    CHECK(ea_entities_get(set, ea_entities_count(set)) == NULL);
    CHECK(!strcmp(ea_entity_kind_name(EA_ENTITY_COMPANY), "company"));
    CHECK(!strcmp(ea_entity_kind_name(EA_ENTITY_PRODUCT), "product"));
    /* every entity has an id, a name, and its Chinese forms together */
    for (size_t i = 0; i < ea_entities_count(set); i++) {
        const ea_entity *x = ea_entities_get(set, i);
        CHECK(x && x->id.len && x->name.len && (x->name_zh.len == 0) == (x->name_zh_hant.len == 0));
    }

    /* ---- Simplified ---- */
    expect_found(set, "中际旭创和新易盛的800G光模块出货量大增，英伟达是主要客户。",
                 "innolight=中际旭创 eoptolink=新易盛 800g=800G nvidia=英伟达");
    expect_found(set, "天孚通信、光迅科技、华工科技、源杰科技、剑桥科技和东田微都在扩产硅光与光芯片。",
                 "tfc=天孚通信 accelink=光迅科技 hgtech=华工科技 yuanjie=源杰科技 cig=剑桥科技 "
                 "dongtianwei=东田微 silicon_photonics=硅光 optical_chip=光芯片");
    expect_found(set, "谷歌的TPU和微软的需求；博通、美满与高意的CPO、LPO方案；隔离器供不应求。",
                 "google=谷歌 tpu=TPU microsoft=微软 broadcom=博通 marvell=美满 coherent=高意 cpo=CPO lpo=LPO "
                 "isolator=隔离器");
    /* ---- Traditional ---- */
    expect_found(set, "中際旭創與新易盛的1.6T產品，輝達與微軟都是客戶。",
                 "innolight=中際旭創 eoptolink=新易盛 1.6t=1.6T nvidia=輝達 microsoft=微軟");
    expect_found(set, "華工科技、劍橋科技、應用光電、東田微與源傑科技；英偉達和美滿。",
                 "hgtech=華工科技 cig=劍橋科技 aoi=應用光電 dongtianwei=東田微 yuanjie=源傑科技 nvidia=英偉達 "
                 "marvell=美滿");
    expect_found(set, "光隔離器與矽光子", "isolator=光隔離器 silicon_photonics=矽光子");
    /* ---- English, any case, word boundaries ---- */
    expect_found(set, "Innolight and Eoptolink ship 800G and 1.6T; NVIDIA's demand for DSPs and TPUs grew.",
                 "innolight=Innolight eoptolink=Eoptolink 800g=800G 1.6t=1.6T nvidia=NVIDIA dsp=DSPs tpu=TPUs");
    expect_found(set, "nvidia and INNOLIGHT and Zhongji Xuchuang", "nvidia=nvidia innolight=INNOLIGHT innolight=Zhongji Xuchuang");
    expect_found(set, "Applied Optoelectronics (AOI) makes 800-gig modules for DOCSIS 4.0 networks.",
                 "aoi=Applied Optoelectronics aoi=AOI 800g=800-gig docsis4=DOCSIS 4.0");
    expect_found(set, "Applied  Optoelectronics and Applied\nOptoelectronics",
                 "aoi=Applied  Optoelectronics aoi=Applied\nOptoelectronics");
    /* '=' names keep their case: "coherent optics" is a technology word */
    expect_found(set, "coherent optics from Coherent and credo from Credo", "coherent=Coherent credo=Credo");
    expect_found(set, "Googleplex, xAOI, AOIx, 800Gbps, 1.6Tb, DSPx, TPUsx", "");
    expect_found(set, "Google's and Microsoft's and Lumentum, and II-VI", "google=Google microsoft=Microsoft lumentum=Lumentum coherent=II-VI");
    /* ---- longest name first; overlaps ---- */
    expect_found(set, "光迅科技和光迅", "accelink=光迅科技 accelink=光迅");
    expect_found(set, "Zhongji Innolight said", "innolight=Zhongji Innolight");
    expect_found(set, "Cambridge Industries Group (CIG)", "cig=Cambridge Industries Group cig=CIG");
    expect_found(set, "active optical cables and AOCs", "aoc=active optical cables aoc=AOCs");
    /* '!' phrases: not a mention */
    expect_found(set, "提高意愿，高意的产品", "coherent=高意");
    expect_found(set, "幸福美满的生活", "");
    /* the Traditional form of each character comes by itself (旭創 is not
       listed under its own name... it is; 迅 has no other form) */
    expect_found(set, "華工正源", "hgtech=華工正源");

    /* ---- a user pack ---- */
    {
        const char *pack = "# a user pack\n"
                           "company\tacme\tAcme Optics|=ACME\t艾克米光电\tticker=ACME\r\n"
                           "\n"
                           "company\tbroadcom\t-\t博通公司\n"
                           "product\twidget\t-\t光器件\n"
                           "company\tmy-tfc\tMy TFC\t天孚\n";
        size_t before = ea_entities_count(set);
        CHECK(ea_entities_load(set, pack, strlen(pack), &err) == EA_OK);
        CHECK(ea_entities_count(set) == before + 3); /* broadcom is not new */
        e = ea_entities_lookup(set, "acme", 4);
        CHECK(e && str_is(e->name, "Acme Optics") && str_is(e->name_zh, "艾克米光电") && str_is(e->ticker, "ACME"));
        /* 艾克米光電: the Traditional form was added by itself */
        expect_found(set, "Acme Optics, ACME, acme, 艾克米光电, 艾克米光電",
                     "acme=Acme Optics acme=ACME acme=艾克米光电 acme=艾克米光電");
        /* an id already known takes more names; the canonical ones stay */
        e = ea_entities_lookup(set, "broadcom", 8);
        CHECK(e && str_is(e->name, "Broadcom") && str_is(e->name_zh, "博通"));
        expect_found(set, "博通公司与博通", "broadcom=博通公司 broadcom=博通");
        /* a name already known is taken over by the later pack */
        expect_found(set, "天孚通信与天孚", "tfc=天孚通信 my-tfc=天孚");
        /* a product with only a Chinese name: that is its name */
        e = ea_entities_lookup(set, "widget", 6);
        CHECK(e && str_is(e->name, "光器件") && str_is(e->name_zh, "光器件"));
    }
    /* names that start with a character of four bytes (𠮷, U+20BB7) or a
       full-width letter, found wherever they are, also at the very end;
       characters that share bytes with 𠮷 (U+20BB8, U+082E, U+A0BB7) and
       a name cut short at the end start none */
    {
        const char *pack = "company	yoshinoya	Yoshinoya	\xF0\xA0\xAE\xB7野家\n"
                           "company	fw	-	\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3\n"; /* ＡＢＣ */
        CHECK(ea_entities_load(set, pack, strlen(pack), &err) == EA_OK);
        expect_found(set, "\xF0\xA0\xAE\xB7野家与\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3",
                     "yoshinoya=\xF0\xA0\xAE\xB7野家 fw=\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3");
        expect_found(set, "\xF0\xA0\xAE\xB8野家 \xE0\xA0\xAE野家 \xF2\xA0\xAE\xB7野家 \xEF\xBC\xA1\xEF\xBC\xA2", "");
    }

    /* ---- errors: line, column, byte; the set unchanged ---- */
    {
        static const struct {
            const char *pack;
            ea_status code;
            size_t line, column;
        } bad[] = {
            {"company\tok1\tOk One\t-\n\nproduct\tbar\n", EA_ERR_SYNTAX, 3, 12},     /* too few fields */
            {"compny\tx\tX\t-\n", EA_ERR_SYNTAX, 1, 1},                                /* unknown kind */
            {"company\tok1\tOk\t-\ncompany\tBad\tB\t-\n", EA_ERR_SYNTAX, 2, 9},      /* id case */
            {"company\tx\tA||B\t-\n", EA_ERR_SYNTAX, 1, 13},                         /* empty name */
            {"company\tx\tA|\t-\n", EA_ERR_SYNTAX, 1, 13},                           /* trailing bar */
            {"company\tx\t-\t-\n", EA_ERR_SYNTAX, 1, 11},                            /* no names */
            {"company\tx\t!Foo\t-\n", EA_ERR_SYNTAX, 1, 11},                         /* only a '!' phrase */
            {"company\tx\t(X)\t-\n", EA_ERR_SYNTAX, 1, 11},                          /* bad first char */
            {"company\tx\tX \t-\n", EA_ERR_SYNTAX, 1, 11},                           /* trailing space */
            {"company\tx\tX\t-\tticker\n", EA_ERR_SYNTAX, 1, 15},                    /* attribute */
            {"company\tx\tX\t-\ta=b\tc\n", EA_ERR_SYNTAX, 1, 19},                    /* six fields */
            {"company\tx\tX\t-\nproduct\tx\tY\t-\n", EA_ERR_SYNTAX, 2, 9},           /* kind clash in pack */
            {"product\teoptolink\tE\t-\n", EA_ERR_SYNTAX, 1, 9},                     /* kind clash with set */
            {"company\tx\tX\t\xE6\x96\n", EA_ERR_ENCODING, 1, 13},                    /* cut UTF-8 */
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            size_t before = ea_entities_count(set);
            memset(&err, 0, sizeof err);
            ea_status st = ea_entities_load(set, bad[i].pack, strlen(bad[i].pack), &err);
            CHECK_MSG(st == bad[i].code && err.code == st, "bad pack %zu: status %d", i, (int)st);
            CHECK_MSG(err.line == bad[i].line && err.column == bad[i].column,
                      "bad pack %zu: line %zu column %zu, want %zu:%zu (%s)", i, err.line, err.column, bad[i].line,
                      bad[i].column, err.message ? err.message : "");
            CHECK_MSG(err.message && err.message[0], "bad pack %zu: no message", i);
            CHECK(err.offset <= strlen(bad[i].pack));
            CHECK_MSG(ea_entities_count(set) == before, "bad pack %zu changed the set", i);
        }
        /* nothing of a bad pack is added, not even its good lines */
        expect_found(set, "Ok One", "");
        char longname[400];
        memset(longname, 0, sizeof longname);
        memcpy(longname, "company\tx\t", 10);
        memset(longname + 10, 'a', 300);
        memcpy(longname + 310, "\t-\n", 3);
        CHECK(ea_entities_load(set, longname, strlen(longname), &err) == EA_ERR_LIMIT && err.line == 1);
        CHECK(ea_entities_load(set, "", 0, &err) == EA_OK);
        CHECK(ea_entities_load(set, "# only a comment\n\n   \n", 22, &err) == EA_OK);
        CHECK(ea_entities_load(NULL, "x", 1, &err) == EA_ERR_USAGE);
    }

    /* ---- files ---- */
    {
        char path[] = "/tmp/earnest-lexicon-XXXXXX";
        int fd = mkstemp(path);
        CHECK(fd >= 0);
        if (fd >= 0) {
            const char *pack = "company\tfilecorp\tFileCorp\t文件公司\nproduct\n";
            FILE *f = fdopen(fd, "wb");
            fputs(pack, f);
            fclose(f);
            memset(&err, 0, sizeof err);
            CHECK(ea_entities_load_file(set, path, &err) == EA_ERR_SYNTAX && err.line == 2 && err.column == 8);
            f = fopen(path, "wb");
            fputs("company\tfilecorp\tFileCorp\t文件公司\n", f);
            fclose(f);
            CHECK(ea_entities_load_file(set, path, &err) == EA_OK);
            expect_found(set, "FileCorp 文件公司", "filecorp=FileCorp filecorp=文件公司");
            remove(path);
        }
        memset(&err, 0, sizeof err);
        CHECK(ea_entities_load_file(set, "/nonexistent/earnest/lexicon.txt", &err) == EA_ERR_IO &&
              err.offset == SIZE_MAX && err.message);
    }

    /* ---- an empty set ---- */
    {
        ea_entities *empty = NULL;
        CHECK(ea_entities_new(EA_ENTITIES_NO_BUILTIN, &empty, NULL) == EA_OK && ea_entities_count(empty) == 0);
        expect_found(empty, "Innolight 新易盛", "");
        ea_entities_free(empty);
        ea_entities_free(NULL);
        ea_mentions_free(NULL);
    }

    /* ---- the mentions of a call ---- */
    {
        const char *doc = "主持人：欢迎参加新易盛2024年第一季度业绩说明会。\n\n"
                          "问：请问800G和1.6T的需求如何？\n\n"
                          "答：英伟达和谷歌的需求很强，新易盛的1.6T产品已经量产。\n";
        ea_call *c = NULL;
        CHECK(ea_call_parse(doc, strlen(doc), NULL, &c, NULL) == EA_OK);
        ea_mentions *m = NULL;
        CHECK(c && ea_mentions_find(NULL, c, &m, &err) == EA_OK && m);
        if (c && m) {
            size_t tl;
            const char *t = ea_call_text(c, &tl);
            size_t n = ea_mentions_count(m), seen = 0;
            CHECK(n >= 7);
            for (size_t i = 0; i < n; i++) {
                const ea_mention *x = ea_mentions_get(m, i);
                CHECK(x->span.end <= tl && x->span.start < x->span.end);
                /* the span holds one of the entity's names */
                ea_str s = ea_str_make_for_test(t + x->span.start, x->span.end - x->span.start);
                CHECK_MSG(str_is(s, "新易盛") || str_is(s, "800G") || str_is(s, "1.6T") || str_is(s, "英伟达") ||
                              str_is(s, "谷歌"),
                          "mention %.*s", (int)s.len, s.ptr);
                if (i) CHECK(x->para >= ea_mentions_get(m, i - 1)->para);
            }
            for (uint32_t p = 0; p < ea_call_paragraph_count(c); p++) {
                size_t first, k = ea_mentions_in_paragraph(m, p, &first);
                for (size_t i = first; i < first + k; i++) CHECK(ea_mentions_get(m, i)->para == p);
                seen += k;
            }
            CHECK(seen == n);
            CHECK(ea_mentions_in_paragraph(m, 100000, NULL) == 0);
            /* whom is "1.6T产品" about: the company named before it */
            const char *q = strstr(t, "的1.6T产品");
            if (q) {
                size_t at = (size_t)(q - t);
                uint32_t para = 0;
                for (uint32_t p = 0; p < ea_call_paragraph_count(c); p++) {
                    const ea_paragraph *pp = ea_call_paragraph(c, p);
                    if (at >= pp->span.start && at < pp->span.end) para = p;
                }
                const ea_mention *who = ea_mentions_before(m, para, EA_ENTITY_COMPANY, at);
                CHECK(who && str_is(who->entity->id, "eoptolink"));
                const ea_mention *what = ea_mentions_before(m, para, EA_ENTITY_PRODUCT, at);
                CHECK(what == NULL);
            } else {
                CHECK(q != NULL);
            }
        }
        ea_mentions_free(m);
        ea_call_free(c);
    }

    /* ---- linear time ---- */
    {
        ea_entities *p = NULL;
        CHECK(ea_entities_new(EA_ENTITIES_NO_BUILTIN, &p, NULL) == EA_OK);
        /* a long name of words that the text repeats but never finishes */
        char pack[600];
        size_t o = (size_t)snprintf(pack, sizeof pack, "company\tlong\t");
        for (int i = 0; i < 100; i++) o += (size_t)snprintf(pack + o, sizeof pack - o, "a ");
        o += (size_t)snprintf(pack + o, sizeof pack - o, "b\t中中中中中中中中中中中中中中中中中中中中x\n");
        CHECK(p && ea_entities_load(p, pack, o, &err) == EA_OK);
        size_t cap = (size_t)1 << 20;
        char *big = malloc(cap);
        static const char *const units[] = {"a ", "a  ", "中", "Innolight ", "x"};
        for (size_t u = 0; p && big && u < sizeof units / sizeof units[0]; u++) {
            size_t n = 0, k = strlen(units[u]);
            while (n + k <= cap) {
                memcpy(big + n, units[u], k);
                n += k;
            }
            clock_t t0 = clock();
            ea_entities_find(p, big, n, collect_none, NULL);
            ea_entities_find(set, big, n, collect_none, NULL);
            double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
            CHECK_MSG(secs < 15.0, "'%s' x %zu: %.2fs", units[u], n / k, secs);
        }
        free(big);
        ea_entities_free(p);
    }

    ea_entities_free(set);
    return th_done();
}
