/* The facts of the bilingual sample (Applied Optoelectronics, Q1 2024),
 * checked by hand against the transcript: every result, segment, margin,
 * cash and balance-sheet figure, both guidance sets, the prior-year
 * comparisons, and the traps. Skips (77) without ../shared. */
#include "facts_check.h"

int main(int argc, char **argv) {
    char *data;
    ea_call *c;
    ea_facts *fs = th_sample_facts(argc, argv, &data, &c);
    if (!data) return 77;
    if (!fs) return th_done();
    const ea_fact *f;

    /* results */
    f = EXPECT("revenue", "2024Q1", "actual", "", 40.7e6);
    if (f) {
        CHECK(f->vs_guidance == EA_VS_BELOW);
    }
    {
        /* para 24 carries the changes */
        int found = 0;
        for (size_t i = 0; i < ea_facts_count(fs); i++) {
            const ea_fact *g = ea_facts_get(fs, i);
            if (!g->in_translation && fc_str(g->metric, "revenue") && !g->segment.len && fc_eq(g->value, 40.7e6) &&
                g->has_yoy && fc_eq(g->yoy_pct, -23) && g->has_qoq && fc_eq(g->qoq_pct, -33))
                found = 1;
        }
        CHECK_MSG(found, "revenue -23%% yoy, -33%% qoq");
    }
    EXPECT_RANGE("revenue", "2024Q1", "guidance", 41e6, 46e6);
    f = EXPECT("gross_margin", "2024Q1", "actual", "", 18.9);
    if (f) {
        CHECK(fc_str(f->basis, "non_gaap"));
        CHECK(f->vs_guidance == EA_VS_BELOW);
        CHECK(!strcmp(f->unit, "%"));
    }
    EXPECT_RANGE("gross_margin", "2024Q1", "guidance", 21, 23);
    EXPECT("gross_margin", "2023Q4", "actual", "", 36.4);
    EXPECT("gross_margin", "2023Q1", "actual", "", 23.2);
    f = EXPECT("gross_margin", NULL, "target", NULL, 40);
    if (f) CHECK(f->approx);
    f = EXPECT("eps", "2024Q1", "actual", "", -0.31);
    if (f) {
        CHECK(f->vs_guidance == EA_VS_WITHIN);
        CHECK(fc_str(f->basis, "non_gaap"));
        CHECK(f->per_share && !strcmp(f->unit, "USD"));
    }
    EXPECT_RANGE("eps", "2024Q1", "guidance", -0.33, -0.28);
    f = EXPECT("net_income", "2024Q1", "actual", "", -12e6);
    if (f) CHECK(f->vs_guidance == EA_VS_WITHIN);
    EXPECT_RANGE("net_income", "2024Q1", "guidance", -12.6e6, -10.9e6);
    EXPECT("net_income", "2023Q1", "actual", "", -7.1e6);
    EXPECT("eps", "2023Q1", "actual", "", -0.25);
    f = EXPECT("net_income", "2024Q1", "actual", "", -23.2e6);
    if (f) CHECK(fc_str(f->basis, "gaap"));
    f = EXPECT("eps", "2024Q1", "actual", "", -0.6);
    if (f) CHECK(fc_str(f->basis, "gaap"));
    EXPECT("net_income", "2023Q1", "actual", "", -16.3e6);
    EXPECT("eps", "2023Q1", "actual", "", -0.56);
    EXPECT("operating_income", "2024Q1", "actual", "", -17.1e6);
    EXPECT("operating_income", "2023Q1", "actual", "", -7.2e6);
    EXPECT("operating_expenses", "2024Q1", "actual", "", 24.8e6);
    EXPECT("operating_expenses", "2023Q1", "actual", "", 19.6e6);
    EXPECT_RANGE("operating_expenses", "2024Q2", "guidance", 24e6, 26e6);

    /* segments */
    f = EXPECT("revenue", "2024Q1", "actual", "data center", 29e6);
    if (f) CHECK(f->has_yoy && fc_eq(f->yoy_pct, 42) && f->has_qoq && fc_eq(f->qoq_pct, -35));
    f = EXPECT("revenue", "2024Q1", "actual", "CATV", 8.7e6);
    if (f) CHECK(f->has_yoy && fc_eq(f->yoy_pct, -69) && f->has_qoq && fc_eq(f->qoq_pct, -30));
    f = EXPECT("revenue", "2024Q1", "actual", "telecom", 2.3e6);
    if (f) CHECK(f->has_yoy && fc_eq(f->yoy_pct, -39) && f->has_qoq && fc_eq(f->qoq_pct, -19));
    EXPECT("revenue_mix", "2024Q1", "actual", "data center", 71);
    EXPECT("revenue_mix", "2024Q1", "actual", "CATV", 22);
    EXPECT("revenue_mix", "2024Q1", "actual", "FTTH telecom and other", 7);
    EXPECT("customer_concentration", "2024Q1", "actual", NULL, 92);
    EXPECT("customer_concentration", "2023Q1", "actual", NULL, 93);

    /* cash and balance sheet */
    EXPECT("cash", "2024Q1", "actual", NULL, 17.4e6);
    EXPECT("cash", "2023Q4", "actual", NULL, 55.1e6);
    EXPECT("debt", "2024Q1", "actual", NULL, 34.8e6);
    EXPECT("debt", "2023Q4", "actual", NULL, 38.7e6);
    EXPECT("inventory", "2024Q1", "actual", NULL, 54.3e6);
    EXPECT("inventory", "2023Q4", "actual", NULL, 63.9e6);
    EXPECT("capex", "2024Q1", "actual", NULL, 7.8e6);
    EXPECT("shares", "2024Q1", "actual", NULL, 38.4e6);

    /* Q2 guidance */
    EXPECT_RANGE("revenue", "2024Q2", "guidance", 41.5e6, 46.5e6);
    f = EXPECT_RANGE("gross_margin", "2024Q2", "guidance", 25.5, 27.5);
    if (f) CHECK(fc_str(f->basis, "non_gaap"));
    EXPECT_RANGE("net_income", "2024Q2", "guidance", -13.5e6, -11.6e6);
    EXPECT_RANGE("eps", "2024Q2", "guidance", -0.34, -0.29);
    f = EXPECT("shares", "2024Q2", "guidance", NULL, 39.2e6);
    if (f) CHECK(f->approx);

    /* traps: product names, years, dates, ranks, forms */
    NEVER(400);
    NEVER(800);
    NEVER(1.6);
    NEVER(10); /* "top 10 customers" */
    NEVER(2024);
    NEVER(4.0);
    NEVER(3.1);
    NEVER(16);  /* May 16 */
    NEVER(200); /* 200 G per lane */

    /* provenance: the number phrase is where the span says */
    f = EXPECT("revenue", "2024Q1", "actual", "data center", 29e6);
    if (f) {
        size_t tl;
        const char *t = ea_call_text(c, &tl);
        CHECK(f->span.end <= tl && f->span.end - f->span.start == strlen("$29 million") &&
              !memcmp(t + f->span.start, "$29 million", strlen("$29 million")));
        CHECK(f->para + 1 == 26 || f->para + 1 == 16 || f->para + 1 == 57);
    }

    /* the Chinese side agrees where the translation is faithful ... */
    {
        fc_want w = {"revenue", "2024Q1", "actual", NULL, NULL, 40.7e6, NAN, NAN};
        CHECK(fc_find(fs, &w, 1) >= 0); /* 4,070 萬美元 */
        fc_want w2 = {NULL, NULL, NULL, NULL, NULL, 29e6, NAN, NAN};
        CHECK(fc_find(fs, &w2, 1) >= 0); /* 2,900 萬美元 */
    }
    /* ... and the one place it is not: paragraph 38's per-share guidance
       range is missing from the translation */
    int f38 = 0;
    for (size_t i = 0; i < ea_facts_finding_count(fs); i++)
        if (ea_facts_finding(fs, i)->para + 1 == 38) f38 = 1;
    CHECK(f38);
    CHECK(ea_facts_finding_count(fs) <= 4);

    ea_facts_free(fs);
    ea_call_free(c);
    free(data);
    return th_done();
}
