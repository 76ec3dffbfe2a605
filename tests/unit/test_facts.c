/* Facts on text written for these tests: each reading rule and each trap. */
#include "facts_check.h"

static ea_call *g_call;

struct buf_sink {
    char *p;
    size_t *n, cap;
};
static int sink(void *ctx, const char *d, size_t len) {
    struct buf_sink *b = ctx;
    if (*b->n + len >= b->cap) return 1;
    memcpy(b->p + *b->n, d, len);
    *b->n += len;
    return 0;
}

/* facts of a call whose operator names `quarter` ("first quarter 2024") */
static ea_facts *facts_of_call(const char *quarter, const char *body) {
    static char buf[8192];
    snprintf(buf, sizeof buf,
             "Operator\nGood day, and welcome to the Borealis Networks %s earnings call.\n"
             "Ana Costa - Chief Financial Officer\n%s\n",
             quarter, body);
    ea_call_free(g_call);
    g_call = NULL;
    ea_facts *fs = NULL;
    if (ea_call_parse(buf, strlen(buf), NULL, &g_call, NULL) != EA_OK) return NULL;
    if (ea_facts_extract(g_call, &fs, NULL) != EA_OK) return NULL;
    return fs;
}

static ea_facts *facts_of(const char *body) { return facts_of_call("first quarter 2024", body); }

int main(void) {
    ea_facts *fs;
    const ea_fact *f;

    /* scales, ranges, approximations, per-share, losses */
    fs = facts_of("Revenue was $1.82 billion, up 12% year over year and down 3% sequentially.");
    f = EXPECT("revenue", "2024Q1", "actual", "", 1.82e9);
    if (f) CHECK(f->has_yoy && fc_eq(f->yoy_pct, 12) && f->has_qoq && fc_eq(f->qoq_pct, -3));
    ea_facts_free(fs);

    fs = facts_of("For the second quarter, we expect revenue between $41.5 million and $46.5 million and gross margin "
                  "in the range of 25.5% to 27.5%.");
    EXPECT_RANGE("revenue", "2024Q2", "guidance", 41.5e6, 46.5e6);
    EXPECT_RANGE("gross_margin", "2024Q2", "guidance", 25.5, 27.5);
    ea_facts_free(fs);

    /* a revised forecast and the earlier one it replaces: both guidance
       for the same period; a range after "from" with "previously" is not a
       move from one figure to the other */
    fs = facts_of("We now expect full-year revenue of $180 million to $190 million, up from $170 million to $180 "
                  "million previously. We are raising our EPS guidance to $2.10, from $2.00 previously. "
                  "Revenue was $40 million, compared with $35 million.");
    EXPECT_RANGE("revenue", "FY2024", "guidance", 180e6, 190e6);
    EXPECT_RANGE("revenue", "FY2024", "guidance", 170e6, 180e6);
    EXPECT("eps", NULL, "guidance", NULL, 2.10);
    EXPECT("eps", NULL, "guidance", NULL, 2.00);
    EXPECT("revenue", "2024Q1", "actual", NULL, 40e6);
    EXPECT("revenue", NULL, "actual", NULL, 35e6);
    ea_facts_free(fs);
    fs = facts_of("We now expect interest expense of roughly $7 million versus our previous guidance of $8 million "
                  "to $9 million for the year.");
    EXPECT_RANGE(NULL, NULL, "guidance", 8e6, 9e6);
    ea_facts_free(fs);

    /* the metric after "versus" is the compared figure's */
    fs = facts_of("We reported GAAP earnings per share of $0.41 versus a loss per share of $0.12.");
    EXPECT("eps", NULL, "actual", NULL, 0.41);
    EXPECT("eps", NULL, "actual", NULL, -0.12);
    ea_facts_free(fs);

    /* a sentence opened by its year; "the third fiscal quarter" */
    fs = facts_of("In 2024, revenue is expected to be about $102 million. For the third fiscal quarter, we expect "
                  "revenue to range from $21 million to $24 million.");
    EXPECT("revenue", "FY2024", "guidance", NULL, 102e6);
    EXPECT_RANGE("revenue", "2024Q3", "guidance", 21e6, 24e6);
    ea_facts_free(fs);
    /* a range of EPS or revenue is a forecast with no forecast word; a
       move written as one is not */
    fs = facts_of("We have raised the range for adjusted diluted earnings per share by $0.10 to between $3.70 and "
                  "$3.85. Non-GAAP earnings per diluted share in the range of $0.47 to $0.49. EPS grew by $0.19 to "
                  "$1.96 per share.");
    EXPECT_RANGE("eps", NULL, "guidance", 3.70, 3.85);
    EXPECT_RANGE("eps", NULL, "guidance", 0.47, 0.49);
    EXPECT_RANGE("eps", NULL, "actual", 0.19, 1.96);
    ea_facts_free(fs);
    /* a forecast named for the quarter just reported, several times its
       figure, is the year's */
    fs = facts_of_call("third quarter 2024",
                       "Diluted earnings per share for the third quarter were $0.55. Based on our results through the "
                       "third quarter, we have adjusted our earnings per share guidance to now a range of $1.90 to "
                       "$2.05 per share.");
    EXPECT_RANGE("eps", "FY2024", "guidance", 1.90, 2.05);
    ea_facts_free(fs);
    /* ... wherever the sentence stands in its paragraph */
    fs = facts_of("Revenue was $20 million. For 2025, we are introducing a range of $3.20 to $3.40 per diluted share.");
    EXPECT_RANGE("eps", "FY2025", "guidance", 3.20, 3.40);
    ea_facts_free(fs);

    /* "from continuing operations" is no comparison base; the basis
       may follow the figure */
    fs = facts_of("Total sales were $1.7 billion and diluted net earnings per share from continuing operations were "
                  "$0.74. Q1 earnings on a per share basis were $0.13 on a GAAP basis and $0.70 on an adjusted "
                  "basis.");
    EXPECT("revenue", "2024Q1", "actual", NULL, 1.7e9);
    EXPECT("eps", "2024Q1", "actual", NULL, 0.74);
    f = EXPECT("eps", "2024Q1", "actual", NULL, 0.13);
    if (f) CHECK(fc_str(f->basis, "gaap"));
    f = EXPECT("eps", "2024Q1", "actual", NULL, 0.70);
    if (f) CHECK(fc_str(f->basis, "adjusted"));
    ea_facts_free(fs);

    fs = facts_of("Net loss was $12 million, or a loss of $0.6 per basic share.");
    EXPECT("net_income", "2024Q1", "actual", "", -12e6);
    f = EXPECT("eps", "2024Q1", "actual", "", -0.6);
    if (f) CHECK(f->per_share);
    ea_facts_free(fs);

    fs = facts_of("Diluted EPS was $(0.31), and we repurchased approximately 39.2 million shares.");
    EXPECT("eps", "2024Q1", "actual", "", -0.31);
    f = EXPECT("buyback", NULL, NULL, NULL, 39.2e6);
    if (f) CHECK(f->approx && !strcmp(f->unit, "shares"));
    ea_facts_free(fs);

    fs = facts_of("We now expect full year capex of about twelve million dollars.");
    f = EXPECT("capex", "FY2024", "guidance", NULL, 12e6);
    if (f) CHECK(f->approx);
    ea_facts_free(fs);

    fs = facts_of("We expect organic sales growth in the mid-single digits for the full year.");
    {
        fc_want w = {NULL, "FY2024", "guidance", NULL, NULL, NAN, 4, 6};
        CHECK(fc_find(fs, &w, 0) >= 0);
    }
    ea_facts_free(fs);

    /* basis, segment, mix, concentration */
    fs = facts_of("On a non-GAAP basis, operating margin was 14.2%, and adjusted EBITDA was \xE2\x82\xAC" "25.3 million.");
    f = EXPECT("operating_margin", "2024Q1", "actual", NULL, 14.2);
    if (f) CHECK(fc_str(f->basis, "non_gaap"));
    f = EXPECT("ebitda", "2024Q1", "actual", NULL, 25.3e6);
    if (f) CHECK(fc_str(f->basis, "adjusted") && !strcmp(f->unit, "EUR"));
    ea_facts_free(fs);

    fs = facts_of("Data center revenue was $29 million. 71% of our revenue was from our data center products. "
                  "Our top 10 customers represented 92% of revenue.");
    EXPECT("revenue", "2024Q1", "actual", "data center", 29e6);
    EXPECT("revenue_mix", "2024Q1", "actual", "data center", 71);
    EXPECT("customer_concentration", "2024Q1", "actual", NULL, 92);
    NEVER(10);
    ea_facts_free(fs);

    /* periods resolved against the call: prior year, end of the fourth quarter */
    fs = facts_of("Gross margin was 18.9%, down from 23.2% in the first quarter of the prior year. "
                  "We ended the quarter with $17.4 million in cash. This compares with $55.1 million at the end of the "
                  "fourth quarter.");
    EXPECT("gross_margin", "2024Q1", "actual", NULL, 18.9);
    EXPECT("gross_margin", "2023Q1", "actual", NULL, 23.2);
    EXPECT("cash", "2024Q1", "actual", NULL, 17.4e6);
    EXPECT("cash", "2023Q4", "actual", NULL, 55.1e6);
    ea_facts_free(fs);

    /* earlier guidance and how the result compares */
    fs = facts_of("Revenue was $40.7 million, just below our guidance range of $41 million to $46 million.");
    f = EXPECT("revenue", "2024Q1", "actual", NULL, 40.7e6);
    if (f) CHECK(f->vs_guidance == EA_VS_BELOW);
    EXPECT_RANGE("revenue", "2024Q1", "guidance", 41e6, 46e6);
    ea_facts_free(fs);

    /* long-term targets */
    fs = facts_of("We remain committed to our long-term target of gross margin around 40%.");
    f = EXPECT("gross_margin", NULL, "target", NULL, 40);
    if (f) CHECK(f->approx);
    ea_facts_free(fs);

    /* traps: products, forms, years, dates, times, phones, slides, ranks */
    fs = facts_of("Our 400G, 800G and 1.6T modules and the 1.6 terabit links, DOCSIS 4.0 and 5G products run at "
                  "1.8 gigahertz. See our Form 10-K and slide 7. On May 16, 2024 at 9:00 a.m. call 1-800-555-0199. "
                  "Our top 10 customers are loyal.");
    CHECK(ea_facts_count(fs) == 0);
    ea_facts_free(fs);

    /* Chinese number forms in a bilingual paragraph */
    fs = facts_of("Revenue was $40.7 million, down 23% year over year and 33% sequentially.\n"
                  "营收为4,070万美元，同比下降23%，环比下降33%。");
    {
        fc_want w = {"revenue", NULL, NULL, NULL, NULL, 40.7e6, NAN, NAN};
        int i = fc_find(fs, &w, 1);
        CHECK(i >= 0);
        CHECK(ea_facts_finding_count(fs) == 0);
    }
    ea_facts_free(fs);

    /* a translation that drops a digit is a finding */
    fs = facts_of("Revenue was $40.7 million.\n营收为407万美元。");
    CHECK(ea_facts_finding_count(fs) == 1);
    if (ea_facts_finding_count(fs) == 1) {
        const ea_finding *fd = ea_facts_finding(fs, 0);
        CHECK(fc_eq(fd->orig_value, 40.7e6) && fc_eq(fd->trans_value, 4.07e6));
        CHECK(fd->orig.end > fd->orig.start && fd->trans.end > fd->trans.start);
    }
    ea_facts_free(fs);

    /* a tilde before a number used to stop the word scan from advancing */
    fs = facts_of("Revenue was ~$5 million and margin ~ 20%.");
    EXPECT("revenue", "2024Q1", "actual", NULL, 5e6);
    ea_facts_free(fs);

    /* CSV output quotes what it must and defuses spreadsheet formulas */
    fs = facts_of("Management, \"in short\", gave $5 million.");
    {
        static char out[16384];
        size_t n = 0;
        CHECK(ea_facts_write_csv(fs, sink, &(struct buf_sink){out, &n, sizeof out}) == EA_OK);
        out[n < sizeof out ? n : sizeof out - 1] = 0;
        CHECK(strstr(out, "\"Management, \"\"in short\"\", gave\"") != NULL);
        CHECK(strstr(out, "\r\n") != NULL);
    }
    ea_facts_free(fs);

    /* an expert call with a date and no period: 去年 is the year before the
       call's date; a number naming no period gets none (never "FY0000") */
    {
        static const char zh_call[] = "光模块专家交流会\n时间：2024年5月8日\n"
                                      "专家：去年某厂商的海外收入约4,070万美元，今年一季度收入1.6亿元人民币。\n"
                                      "专家：毛利率在30%以上。\n";
        ea_call_free(g_call);
        g_call = NULL;
        fs = NULL;
        CHECK(ea_call_parse(zh_call, sizeof zh_call - 1, NULL, &g_call, NULL) == EA_OK);
        CHECK(g_call && ea_facts_extract(g_call, &fs, NULL) == EA_OK);
        if (fs) {
            EXPECT("revenue", "FY2023", "actual", NULL, 40.7e6);
            size_t n = ea_facts_count(fs);
            for (size_t i = 0; i < n; i++) {
                const ea_fact *g = ea_facts_get(fs, i);
                CHECK(!(g->period.len == 6 && !memcmp(g->period.ptr + (g->period.ptr[0] == 'F' ? 2 : 0), "0000", 4)));
                if (g->metric.len == 12 && !memcmp(g->metric.ptr, "gross_margin", 12)) CHECK(g->period.len == 0);
            }
        }
        ea_facts_free(fs);
    }
    /* a long-term goal later in the sentence does not make the forecast
       before it a target; "forecasting" is a forecast */
    fs = facts_of("We expect full-year earnings per share in the range of $8.80 to $9.50, which is well above our "
                  "long-term goal of delivering at least 10% annual earnings per share growth. We are cautiously "
                  "forecasting earnings per share for the second quarter to be in the range of $0.64 to $0.72.");
    EXPECT_RANGE("eps", "FY2024", "guidance", 8.80, 9.50);
    EXPECT("other", NULL, "target", NULL, 10);
    EXPECT_RANGE("eps", "2024Q2", "guidance", 0.64, 0.72);
    ea_facts_free(fs);
    fs = facts_of("Our goals are: first, to grow the business to $200 billion in sales.");
    EXPECT("revenue", NULL, "target", NULL, 200e9);
    ea_facts_free(fs);

    /* a fourth-quarter call looks ahead to the next year; a forecast that
       names no period goes on with the one its turn named just before */
    fs = facts_of_call("fourth quarter 2020",
                       "With this in mind, we currently expect the following for 2021: net sales in the range of "
                       "$33 billion to $34 billion.\nOur guidance assumes an effective tax rate in the range of 22% "
                       "to 23%.\nCapital spending is expected to be in the range of $1.05 billion to $1.15 billion."
                       "\nFor the full year, we expect free cash flow of $1.5 billion to $1.7 billion.");
    EXPECT_RANGE("revenue", "FY2021", "guidance", 33e9, 34e9);
    EXPECT_RANGE("tax_rate", "FY2021", "guidance", 22, 23);
    EXPECT_RANGE("capex", "FY2021", "guidance", 1.05e9, 1.15e9);
    EXPECT_RANGE("free_cash_flow", "FY2021", "guidance", 1.5e9, 1.7e9);
    ea_facts_free(fs);
    /* ... but not across another speaker's turn */
    fs = facts_of_call("fourth quarter 2020",
                       "We expect net sales for 2021 of $33 billion to $34 billion.\n"
                       "Ben Ode - Analyst\nDo you expect capital spending of $1.05 billion to $1.15 billion?");
    EXPECT_RANGE("capex", "2021Q1", "guidance", 1.05e9, 1.15e9);
    ea_facts_free(fs);

    /* a share price is not earnings per share */
    fs = facts_of("Based on yesterday's closing price of $3.11 per share, the stake is worth $40 million.");
    EXPECT("share_price", NULL, NULL, NULL, 3.11);
    NEVER(-3.11);
    {
        size_t n = ea_facts_count(fs);
        for (size_t i = 0; i < n; i++) CHECK(!fc_str(ea_facts_get(fs, i)->metric, "eps"));
    }
    ea_facts_free(fs);

    /* segments named in capitals, and paragraphs that open on one */
    fs = facts_of("Sales in Advanced Surgery were $249 million, increasing 5%.\n"
                  "Moving to Clinical Nutrition, total sales were $244 million. Operating margin was 18%.\n"
                  "First-quarter sales were a record $1.44 billion, up 28%.\n"
                  "In the first quarter, revenue was $1.5 billion.");
    EXPECT("revenue", "2024Q1", "actual", "Advanced Surgery", 249e6);
    EXPECT("revenue", "2024Q1", "actual", "Clinical Nutrition", 244e6);
    EXPECT("operating_margin", "2024Q1", "actual", "Clinical Nutrition", 18);
    EXPECT("revenue", "2024Q1", "actual", "", 1.44e9);
    EXPECT("revenue", "2024Q1", "actual", "", 1.5e9);
    ea_facts_free(fs);

    /* possessives: a segment's or a subsidiary's figure is the part's; the
       company's own is the total */
    fs = facts_of("Our electric segment's earnings for the quarter were $0.04 per share.\n"
                  "Idaho Power's net income was $9.6 million.\n"
                  "The company's revenue was $120 million.");
    EXPECT("eps", "2024Q1", "actual", "electric", 0.04);
    EXPECT("net_income", "2024Q1", "actual", "Idaho Power", 9.6e6);
    EXPECT("revenue", "2024Q1", "actual", "", 120e6);
    ea_facts_free(fs);

    /* an amount's per-share figure is that amount per share; EPS only when
       the amount is earnings */
    fs = facts_of("Aggregate adjustments totaled $31.2 million after tax, representing $0.35 per share.\n"
                  "We recorded a reserve build of $317 million, or $0.59 per share.\n"
                  "Adjusted EBITDA was $170 million for the quarter or $1.08 per share.\n"
                  "Book value appreciated 12% to $11.91 per share.\n"
                  "We bought back 2.8 million shares at an average price of $143 per share.\n"
                  "Net income was $20.7 million, or $0.52 per share.");
    EXPECT("other", "2024Q1", "actual", NULL, 0.35);
    EXPECT("other", "2024Q1", "actual", NULL, 0.59);
    EXPECT("ebitda", "2024Q1", "actual", NULL, 1.08);
    EXPECT("book_value", "2024Q1", "actual", NULL, 11.91);
    EXPECT("share_price", NULL, NULL, NULL, 143);
    EXPECT("eps", "2024Q1", "actual", NULL, 0.52);
    {
        size_t n = ea_facts_count(fs);
        for (size_t i = 0; i < n; i++) {
            const ea_fact *g = ea_facts_get(fs, i);
            CHECK(!fc_str(g->metric, "eps") || fc_eq(g->value, 0.52));
        }
    }
    ea_facts_free(fs);

    /* periods: a year named stays a year when the figure is restated
       later; a period right after a figure is its own; "last year's third
       quarter" is last year's */
    fs = facts_of_call("fourth quarter 2020", "Adjusted diluted earnings per share for the year was $0.25.\n"
                                              "Diluted earnings per share was $0.96 per share compared to $0.56 "
                                              "last quarter and $0.97 a year ago.\n"
                                              "This is an increase of 36% over the prior year's third quarter "
                                              "adjusted earnings of $1.34 per share.\n"
                                              "As I said, adjusted diluted earnings per share was $0.25.");
    EXPECT("eps", "FY2020", "actual", NULL, 0.25);
    EXPECT("eps", "2020Q4", "actual", NULL, 0.96);
    EXPECT("eps", "2020Q3", "actual", NULL, 0.56);
    EXPECT("eps", "2019Q4", "actual", NULL, 0.97);
    EXPECT("eps", "2019Q3", "actual", NULL, 1.34);
    ea_facts_free(fs);

    /* "On the agency side," opens a segment; assets under management are
       not sales; awards are bookings */
    fs = facts_of("On the agency side, revenue was a record $845 million, up 41% from last year.\n"
                  "With these strong sales results, we grew assets under management to $29 billion.\n"
                  "Awards to date reached $700 million.");
    EXPECT("revenue", "2024Q1", "actual", "agency", 845e6);
    EXPECT("aum", "2024Q1", "actual", NULL, 29e9);
    EXPECT("bookings", NULL, "actual", NULL, 700e6);
    ea_facts_free(fs);
    fs = facts_of("And for TMTT, we expect sales of 140 to $170 million.");
    {
        fc_want w = {"revenue", NULL, "guidance", "TMTT", NULL, NAN, 140e6, 170e6};
        CHECK(fc_find(fs, &w, 0) >= 0);
    }
    ea_facts_free(fs);

    /* "on an underlying basis" is adjusted; a goal "targeted" is a target */
    fs = facts_of("We generated $0.55 of earnings per share on an underlying basis.\n"
                  "We are on track to exceed the $15 of earnings per share targeted in Vision 2025.");
    {
        const ea_fact *u = EXPECT("eps", "2024Q1", "actual", NULL, 0.55);
        if (u) CHECK(fc_str(u->basis, "adjusted"));
    }
    EXPECT("eps", NULL, "target", NULL, 15);
    ea_facts_free(fs);

    /* earnings in dollars and cents are per share; "the range from X to
       Y" is a range, not a move; DEPS is EPS */
    fs = facts_of("Full-year adjusted earnings is expected to be $7.40 to $7.60. Net income was $1.2 million. "
                  "Our guidance range of $0.96 to $1.06 for the second quarter reflects the supply chain.\n"
                  "On an adjusted basis, we're increasing the range from $14.65 to $14.95.\n"
                  "For the second quarter, we are establishing adjusted DEPS guidance to be between $3.61 and $3.65.");
    EXPECT_RANGE("eps", "FY2024", "guidance", 7.40, 7.60);
    EXPECT("net_income", "2024Q1", "actual", NULL, 1.2e6);
    EXPECT_RANGE("eps", "2024Q2", "guidance", 0.96, 1.06);
    EXPECT_RANGE("eps", "2024Q2", "guidance", 3.61, 3.65);
    {
        fc_want w = {NULL, NULL, NULL, NULL, NULL, NAN, 14.65, 14.95};
        CHECK(fc_find(fs, &w, 0) >= 0);
    }
    ea_facts_free(fs);

    /* spans counted in months: the quarter, the half, the year so far
       (no period code); a date's year is not a fiscal year */
    fs = facts_of_call("second quarter 2020",
                       "Revenue for the three months ended June 30, 2020 was $45.2 million, compared to $40.1 million "
                       "for the three months ended June 30, 2019. Revenue for the nine months ended June 30, 2020 "
                       "was $120 million. Year-to-date operating cash flow was $88 million. Net income for the first "
                       "six months of 2020 was $2.5 million. For the first three months ended March 31, 2020, we "
                       "reported a net loss of $1.1 million. Cash at June 30, 2020 was $50 million.");
    EXPECT("revenue", "2020Q2", "actual", NULL, 45.2e6);
    EXPECT("revenue", "2019Q2", "actual", NULL, 40.1e6);
    EXPECT("revenue", "", "actual", NULL, 120e6);
    EXPECT("operating_cash_flow", "", "actual", NULL, 88e6);
    EXPECT("net_income", "2020H1", "actual", NULL, 2.5e6);
    EXPECT("net_income", "2020Q1", "actual", NULL, -1.1e6);
    EXPECT("cash", "2020Q2", "actual", NULL, 50e6);
    ea_facts_free(fs);
    /* a fiscal year ahead of the calendar: the call names the quarter's
       date and the same date a year before */
    fs = facts_of_call("second quarter fiscal 2021",
                       "Sales for the three months ended December 31, 2020 were $80 million, up from $70 million for "
                       "the three months ended December 31, 2019.");
    EXPECT("revenue", "2021Q2", "actual", NULL, 80e6);
    EXPECT("revenue", "2020Q2", "actual", NULL, 70e6);
    ea_facts_free(fs);

    /* a quarter named without a year in a forecast is the coming one when
       the last was long past; the last quarter's guidance stays the last */
    fs = facts_of_call("fourth quarter 2020",
                       "We are guiding revenue of $50 million to $55 million for the first quarter. "
                       "Our guidance for the second quarter is revenue of $60 million.");
    EXPECT_RANGE("revenue", "2021Q1", "guidance", 50e6, 55e6);
    EXPECT("revenue", "2021Q2", "guidance", NULL, 60e6);
    ea_facts_free(fs);
    fs = facts_of_call("second quarter 2024", "First quarter revenue guidance was $40 million.");
    EXPECT("revenue", "2024Q1", "guidance", NULL, 40e6);
    ea_facts_free(fs);

    /* a per-share figure no metric names is EPS only when its words say
       earnings; an earnings amount's per-share figure is EPS */
    fs = facts_of("Storm costs were $0.15 per share in the quarter. We reported a loss of $1.97 per share.\n"
                  "In the quarter, Acme earned $116.4 million or $1.80 a share.");
    {
        fc_want w = {"eps", NULL, NULL, NULL, NULL, 0.15, NAN, NAN};
        CHECK(fc_find(fs, &w, 0) < 0);
    }
    EXPECT("other", "2024Q1", "actual", NULL, 0.15);
    EXPECT("eps", "2024Q1", "actual", NULL, -1.97);
    EXPECT("eps", "2024Q1", "actual", NULL, 1.80);
    ea_facts_free(fs);

    /* a basis word right after the figure, and "adjusting for" */
    fs = facts_of("We delivered $6.54 of adjusted earnings per share in the quarter.\n"
                  "Diluted earnings per share were $0.97, or $0.94 adjusted.\n"
                  "Adjusting for these special items, earnings from ongoing operations were $0.19 per share.");
    {
        const ea_fact *a = EXPECT("eps", "2024Q1", "actual", NULL, 6.54);
        if (a) CHECK(fc_str(a->basis, "adjusted"));
        a = EXPECT("eps", "2024Q1", "actual", NULL, 0.97);
        if (a) CHECK(fc_str(a->basis, ""));
        a = EXPECT("eps", "2024Q1", "actual", NULL, 0.94);
        if (a) CHECK(fc_str(a->basis, "adjusted"));
        a = EXPECT("eps", "2024Q1", "actual", NULL, 0.19);
        if (a) CHECK(fc_str(a->basis, "adjusted"));
    }
    ea_facts_free(fs);

    /* links and words for the whole company before a metric name no
       segment */
    fs = facts_of("As indicated on slide 12, highlights include total revenues of $329 million.\n"
                  "Companywide revenues were $1.507 billion.\nQuarter four revenues totaled $711.2 million.\n"
                  "We generated $0.10 of positive adjusted FFO per share.");
    EXPECT("revenue", "2024Q1", "actual", "", 329e6);
    EXPECT("revenue", "2024Q1", "actual", "", 1.507e9);
    EXPECT("revenue", NULL, "actual", "", 711.2e6);
    EXPECT("ffo", "2024Q1", "actual", "", 0.10);
    ea_facts_free(fs);

    /* a change, "or", then "X to Y": the change's amount and the level it
       reached; after a range of percents it is the same range in dollars */
    fs = facts_of("First quarter sales decreased 29.3% or $79.3 million to $190.9 million.\n"
                  "We expect adjusted earnings per share growth of 12% to 15%, or $0.81 to $0.83 per share.");
    EXPECT("revenue", "2024Q1", "actual", NULL, 190.9e6);
    EXPECT_RANGE("eps", NULL, "guidance", 0.81, 0.83);
    ea_facts_free(fs);

    ea_call_free(g_call);
    return th_done();
}
