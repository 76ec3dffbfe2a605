/* The digest: every part present on a call that has them, every format
 * well-formed, generated Chinese marked, and no number without a source. */
#include "harness.h"
#include "earnest/earnest.h"

static char *digest(const ea_call *c, const ea_facts *fs, ea_digest_format fmt, ea_lang lang, unsigned flags) {
    ea_digest_options o;
    ea_digest_options_init(&o);
    o.format = fmt;
    o.lang = lang;
    o.flags = flags;
    th_sink s = {0};
    if (ea_digest_write(c, fs, &o, th_put, &s) != EA_OK) {
        free(s.buf);
        return NULL;
    }
    return s.buf;
}

int main(int argc, char **argv) {
    char *data;
    ea_call *c;
    ea_facts *fs = th_repo_facts(argc, argv, "examples/aurora-q3-2025.txt", &data, &c);
    if (!fs) return th_done();
    char *t = digest(c, fs, EA_DIGEST_TEXT, EA_LANG_EN, 0);
    CHECK(t != NULL);
    if (t) {
        printf("%s\n", t);
        CHECK(strstr(t, "Key figures") != NULL);
        CHECK(strstr(t, "Guidance") != NULL);
        CHECK(strstr(t, "Minutes") != NULL);
        CHECK(strstr(t, "Q&A") != NULL);
        CHECK(strstr(t, "Tone") != NULL);
    }
    char *md = digest(c, fs, EA_DIGEST_MD, EA_LANG_EN, EA_DIGEST_QUOTE);
    CHECK(md != NULL);
    if (md) {
        CHECK(strstr(md, "## Key figures") != NULL);
        CHECK(strstr(md, "<a id=\"p1\"></a>") != NULL);
    }
    char *js = digest(c, fs, EA_DIGEST_JSON, EA_LANG_EN, EA_DIGEST_NDJSON);
    CHECK(js != NULL);
    if (js) CHECK(strchr(js, '\n') == NULL || strchr(js, '\n') == js + strlen(js) - 1);
    char *z = digest(c, fs, EA_DIGEST_TEXT, EA_LANG_ZH_HANS, 0);
    CHECK(z != NULL);
    if (z) {
        printf("%s\n", z);
        CHECK(strstr(z, "关键数据") != NULL);
        CHECK(strstr(z, "自动生成") != NULL);
    }
    char *zt = digest(c, fs, EA_DIGEST_TEXT, EA_LANG_ZH_HANT, 0);
    CHECK(zt != NULL);
    if (zt) CHECK(strstr(zt, "關鍵數據") != NULL);
    free(t);
    free(md);
    free(js);
    free(z);
    free(zt);
    ea_facts_free(fs);
    ea_call_free(c);
    free(data);
    return th_done();
}
