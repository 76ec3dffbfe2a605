/* Facts linked with a domain pack of the caller's own
 * (ea_facts_extract_opts; the CLI's --lexicon FILE): a company only the
 * user pack knows, a name the user pack takes over from a built-in one,
 * the built-in set back in use afterwards, and one set shared by several
 * threads at once. */
#include <pthread.h>

#include "earnest/earnest.h"
#include "harness.h"

static const char pack[] = "# a user pack\n"
                           "company\tluxshare\tLuxshare|Luxshare Precision\t立讯精密|立訊精密\tticker=002475.SZ\n"
                           "company\tmy_tfc\tMy TFC\t天孚\n";

static const char call_text[] = "光模块行业专家交流会纪要\n"
                                "时间：2024年5月8日 15:00-16:00\n"
                                "\n"
                                "主持人：各位投资者好，欢迎参加本次交流会。\n"
                                "专家：立讯精密今年一季度的营收为12亿元，同比增长20%。新易盛的营收为15亿元。\n"
                                "专家：天孚今年一季度的营收为3亿元。\n";

static int str_is(ea_str s, const char *lit) { return s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0; }

/* The company of the original-language fact with this value ("" when
 * none; NULL when there is no such fact). */
static const char *company_of(const ea_facts *fs, double v, char *buf, size_t cap) {
    for (size_t i = 0; i < ea_facts_count(fs); i++) {
        const ea_fact *f = ea_facts_get(fs, i);
        if (f->in_translation || !f->has_value || f->is_range || f->value != v) continue;
        snprintf(buf, cap, "%.*s", (int)f->company.len, f->company.ptr ? f->company.ptr : "");
        return buf;
    }
    return NULL;
}

#define COMPANY(fs, v, want)                                                                        \
    do {                                                                                            \
        char b_[64];                                                                                \
        const char *c_ = company_of(fs, v, b_, sizeof b_);                                          \
        CHECK_MSG(c_ && !strcmp(c_, want), "value %g: company '%s', expected '%s'", (double)(v),   \
                  c_ ? c_ : "(no fact)", want);                                                     \
    } while (0)

typedef struct {
    const ea_call *call;
    const ea_entities *set;
    int ok;
} job_t;

static void *run_job(void *arg) {
    job_t *j = arg;
    j->ok = 1;
    for (int r = 0; r < 20 && j->ok; r++) {
        ea_facts_options o;
        ea_facts_options_init(&o);
        o.entities = j->set;
        ea_facts *fs = NULL;
        if (ea_facts_extract_opts(j->call, &o, &fs, NULL) != EA_OK) {
            j->ok = 0;
            break;
        }
        char b[64];
        const char *c = company_of(fs, 1.2e9, b, sizeof b);
        j->ok = c && !strcmp(c, j->set ? "Luxshare" : "");
        ea_facts_free(fs);
    }
    return NULL;
}

int main(void) {
    ea_call *c = NULL;
    CHECK(ea_call_parse(call_text, sizeof call_text - 1, NULL, &c, NULL) == EA_OK);
    if (!c) return th_done();
    ea_entities *set = NULL;
    ea_error err;
    CHECK(ea_entities_new(0, &set, &err) == EA_OK);
    CHECK(ea_entities_load(set, pack, sizeof pack - 1, &err) == EA_OK);
    if (!set) return th_done();

    /* the built-in packs: 立讯精密 is nobody, 新易盛 is Eoptolink, 天孚 TFC */
    ea_facts *fs = NULL;
    CHECK(ea_facts_extract(c, &fs, NULL) == EA_OK);
    if (fs) {
        COMPANY(fs, 1.2e9, "");
        COMPANY(fs, 1.5e9, "Eoptolink");
        COMPANY(fs, 3e8, "TFC");
    }
    ea_facts_free(fs);

    /* with the user pack: Luxshare; 天孚 is now the user's entity */
    ea_facts_options o;
    ea_facts_options_init(&o);
    CHECK(o.entities == NULL);
    o.entities = set;
    fs = NULL;
    CHECK(ea_facts_extract_opts(c, &o, &fs, NULL) == EA_OK);
    if (fs) {
        COMPANY(fs, 1.2e9, "Luxshare");
        COMPANY(fs, 1.5e9, "Eoptolink");
        COMPANY(fs, 3e8, "My TFC");
    }

    /* afterwards NULL is the built-in packs again on this thread */
    ea_mentions *m = NULL;
    CHECK(ea_mentions_find(NULL, c, &m, NULL) == EA_OK);
    int lux = 0;
    for (size_t i = 0; i < ea_mentions_count(m); i++)
        if (str_is(ea_mentions_get(m, i)->entity->id, "luxshare")) lux = 1;
    CHECK(!lux);
    ea_mentions_free(m);

    /* no options, or options left at their defaults: ea_facts_extract */
    ea_facts *f0 = NULL, *f1 = NULL;
    ea_facts_options d;
    ea_facts_options_init(&d);
    CHECK(ea_facts_extract_opts(c, NULL, &f0, NULL) == EA_OK);
    CHECK(ea_facts_extract_opts(c, &d, &f1, NULL) == EA_OK);
    if (f0 && f1 && fs) {
        CHECK(ea_facts_count(f0) == ea_facts_count(fs) && ea_facts_count(f1) == ea_facts_count(fs));
        COMPANY(f0, 1.2e9, "");
        COMPANY(f1, 1.2e9, "");
        COMPANY(f1, 3e8, "TFC");
    }
    ea_facts_free(f0);
    ea_facts_free(f1);
    ea_facts_free(fs);

    /* errors leave nothing behind */
    CHECK(ea_facts_extract_opts(NULL, &o, &fs, NULL) != EA_OK);

    /* one set, several threads; one thread on the built-in packs */
    enum { NT = 4 };
    pthread_t th[NT];
    job_t jobs[NT];
    for (int i = 0; i < NT; i++) {
        jobs[i].call = c;
        jobs[i].set = i == NT - 1 ? NULL : set;
        jobs[i].ok = 0;
        CHECK(pthread_create(&th[i], NULL, run_job, &jobs[i]) == 0);
    }
    for (int i = 0; i < NT; i++) {
        pthread_join(th[i], NULL);
        CHECK_MSG(jobs[i].ok, "thread %d: wrong company links", i);
    }

    ea_entities_free(set);
    ea_call_free(c);
    return th_done();
}
