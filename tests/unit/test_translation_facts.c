/* A bilingual call of our own (tests/corpus/bilingual/mistranslated.txt:
 * English, each paragraph followed by its Traditional Chinese translation,
 * as in ../shared/samples/000_*.txt) with one figure mistranslated on
 * purpose: the facts of the translation equal the original's everywhere
 * but there, and the cross-check reports exactly that one. */
#include "translation_check.h"

int main(int argc, char **argv) {
    char *data;
    ea_call *c;
    ea_facts *fs = th_repo_facts(argc, argv, "tests/corpus/bilingual/mistranslated.txt", &data, &c);
    if (!fs) return th_done();

    /* faithful: $40.7 million = 4,070 萬美元, 31.5%, a loss of $12 million =
       1,200 萬美元, $0.31 = 0.31 美元, $41-46 million = 4,100 萬至 4,600 萬美元,
       $1.2 billion = 12 億美元; mistranslated: $8.7 million -> 780 萬美元 */
    static const tc_known known[] = {{3, "$8.7 million", "780 萬美元"}};
    tc_stats st = tc_check("mistranslated.txt", c, fs, known, 1);
    CHECK_MSG(st.paras == 4 && st.agree == 3 && st.differ == 1, "%zu paragraphs with facts, %zu agree, %zu differ",
              st.paras, st.agree, st.differ);

    /* the finding itself */
    CHECK(ea_facts_finding_count(fs) == 1);
    const ea_finding *d = ea_facts_finding(fs, 0);
    if (d) {
        CHECK(d->para + 1 == 3);
        CHECK(!strcmp(d->what, "original and translation give different values"));
        CHECK(fc_eq(d->orig_value, 8.7e6) && fc_eq(d->trans_value, 7.8e6));
    }
    /* the translation's facts, as the original's: value, metric, period, kind */
    static const struct {
        const char *metric, *period, *kind;
        double v, lo, hi;
    } both[] = {{"revenue", "2024Q1", "actual", 40.7e6, NAN, NAN},   {"gross_margin", "2024Q1", "actual", 31.5, NAN, NAN},
                {"net_income", "2024Q1", "actual", -12e6, NAN, NAN}, {"eps", "2024Q1", "actual", -0.31, NAN, NAN},
                {"revenue", "2024Q2", "guidance", NAN, 41e6, 46e6},  {"cash", "2024Q1", "actual", 1.2e9, NAN, NAN}};
    for (size_t i = 0; i < sizeof both / sizeof both[0]; i++) {
        fc_want w = {both[i].metric, both[i].period, both[i].kind, NULL, NULL, both[i].v, both[i].lo, both[i].hi};
        CHECK_MSG(fc_find(fs, &w, 0) >= 0, "original: no %s %g", both[i].metric, both[i].v);
        CHECK_MSG(fc_find(fs, &w, 1) >= 0, "translation: no %s %g", both[i].metric, both[i].v);
    }
    fc_want lied = {"revenue", "2024Q1", "actual", NULL, NULL, 7.8e6, NAN, NAN};
    CHECK(fc_find(fs, &lied, 1) >= 0 && fc_find(fs, &lied, 0) < 0);

    ea_facts_free(fs);
    ea_call_free(c);
    free(data);
    return th_done();
}
