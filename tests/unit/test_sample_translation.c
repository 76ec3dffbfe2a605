/* The bilingual sample (../shared/samples/000_f972b47517299ea5.txt:
 * Applied Optoelectronics, Q1 2024, each English paragraph followed by a
 * Traditional Chinese machine translation): the facts read from the
 * translation equal the English ones paragraph by paragraph where the
 * translation is faithful (4,070 萬美元 = $40.7 million), differ where it
 * is not, and the extractor's cross-check reports exactly those places.
 * Skips (77) without ../shared. */
#include "translation_check.h"

int main(int argc, char **argv) {
    char *data;
    ea_call *c;
    ea_facts *fs = th_sample_facts(argc, argv, &data, &c);
    if (!data) return 77;
    if (!fs) return th_done();

    static const tc_known known[] = {
        /* the translation drops the per-share guidance range ("並符合我們
           每股虧損的指導範圍": no numbers) */
        {38, "$0.28 to a loss of $0.33 per basic share", NULL},
        /* "more than $500 or $600 million" became "超過 500 或 6 億美元": the
           500 lost its scale */
        {95, "more than $500", NULL},
    };
    /* [34] "two greater than 10% customers" / 兩個超過10%的客戶: a threshold
       on both sides now (qty.c, zh_threshold), so the paragraph agrees */
    tc_stats st = tc_check("sample 000", c, fs, known, sizeof known / sizeof known[0]);
    CHECK_MSG(st.differ == 2 && st.agree >= 26, "%zu paragraphs with facts: %zu agree, %zu differ", st.paras,
              st.agree, st.differ);
    printf("%zu paragraphs with facts: %zu agree, %zu differ\n", st.paras, st.agree, st.differ);

    /* faithful figures in several forms, each paragraph's own */
    static const struct {
        uint32_t n;
        const char *orig, *trans;
        double v;
    } same[] = {
        {24, "$40.7 million", "4,070 萬美元", 40.7e6},
        {24, "$41 million to $46 million", "4,100 萬至 4,600 萬美元", 46e6},
        {26, "$29 million", "2,900萬美元", 29e6},
        {38, "$12 million", "1,200 萬美元", -12e6},
        {38, "38.4 million", "3840 萬", 38.4e6},
        {35, "18.9%", "18.9%", 18.9},
        {95, "$600 million", "6 億美元", 600e6},
    };
    size_t tlen;
    const char *text = ea_call_text(c, &tlen);
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        int side[2] = {0, 0};
        for (size_t k = 0; k < ea_facts_count(fs); k++) {
            const ea_fact *f = ea_facts_get(fs, k);
            if (f->para + 1 != same[i].n) continue;
            const char *want = f->in_translation ? same[i].trans : same[i].orig;
            double vs[4];
            size_t nv = tc_values(f, vs), hit = 0;
            for (size_t j = 0; j < nv; j++)
                if (fc_eq(vs[j], same[i].v)) hit = 1;
            if (hit && tc_span_is(text, f->span, want)) side[f->in_translation] = 1;
        }
        CHECK_MSG(side[0] && side[1], "[%u] \"%s\" = \"%s\" (%g): original %d, translation %d", same[i].n,
                  same[i].orig, same[i].trans, same[i].v, side[0], side[1]);
    }

    ea_facts_free(fs);
    ea_call_free(c);
    free(data);
    return th_done();
}
