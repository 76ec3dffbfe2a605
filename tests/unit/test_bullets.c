/* Headline bullets: each figure as the call stated it, with its citation. */
#include "harness.h"
#include "earnest/earnest.h"

/* The bullets of a call given as text (caller frees); NULL on failure. */
static char *bullets_of(const char *text) {
    ea_call *c = NULL;
    ea_facts *fs = NULL;
    th_sink s = {0};
    CHECK(ea_call_parse(text, strlen(text), NULL, &c, NULL) == EA_OK);
    CHECK(c && ea_facts_extract(c, &fs, NULL) == EA_OK);
    CHECK(fs && ea_digest_write_bullets(c, fs, 0, th_put, &s) == EA_OK);
    ea_facts_free(fs);
    ea_call_free(c);
    return s.buf;
}

/* the bullets of text are exactly want; prints them when not */
static void expect_bullets(const char *text, const char *want, const char *what) {
    char *got = bullets_of(text);
    CHECK_MSG(got && !strcmp(got, want), "%s", what);
    if (got && strcmp(got, want) != 0) fputs(got, stderr);
    free(got);
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    size_t len;
    char *data = th_read_repo(root, "examples/aurora-q3-2025.txt", &len);
    if (!data) return th_done();
    ea_call *c = NULL;
    ea_facts *fs = th_call_facts(data, len, &c);
    th_sink s = {0};
    CHECK(fs && ea_digest_write_bullets(c, fs, EA_BULLETS_CITE, th_put, &s) == EA_OK);
    /* the basis as the call names it: "On a GAAP basis, ... $0.38" */
    CHECK(strstr(s.buf, "q3 non-gaap earnings per share $0.52 [15].\n") != NULL);
    CHECK(strstr(s.buf, "q3 gaap earnings per share $0.38 [15].\n") != NULL);
    /* the prior year's loss per share is a comparison, not a headline */
    CHECK(strstr(s.buf, "0.07") == NULL);
    CHECK(strstr(s.buf, "sees q4 non-gaap earnings per share $0.55 to $0.65 [17].\n") != NULL);
    CHECK(strstr(s.buf, "q3 revenue rose 37 percent to $182.4 million [7].\n") != NULL);
    CHECK(strstr(s.buf, "sees q4 revenue $190 million to $205 million [17].\n") != NULL);
    CHECK(strstr(s.buf, "sees fy 2025 revenue $690 million to $705 million [17].\n") != NULL);
    /* the wire's lead line names the company and its lead figure, first */
    CHECK(!strncmp(s.buf, "compname reports q3 non-gaap earnings per share $0.52 [15].\n", 60));
    /* a failing sink is an error, not a partial success */
    th_sink tiny = {0};
    tiny.max = 1;
    CHECK(ea_digest_write_bullets(c, fs, 0, th_put, &tiny) == EA_ERR_IO);
    free(tiny.buf);
    free(s.buf);
    ea_facts_free(fs);
    ea_call_free(c);
    free(data);

    /* growth guidance with its stated digits; a rate given in words has
       none to repeat and makes no line; a quarter not yet reported is a
       forecast even with no forecast word */
    static const char call2[] =
        "Northwind Q2 2025 Earnings Call\n\n"
        "Jane Roe -- Chief Financial Officer\n\n"
        "Revenue for the second quarter was $250.1 million. Diluted earnings per share were $0.41.\n\n"
        "For the full year 2025, net sales growth is now expected to be between 6% and 8%. "
        "Adjusted EBITDA growth should be in the low teens. "
        "Relative to revenue, we expect a high single-digit rate increase for the full year.\n\n"
        "This translates to third quarter revenue of $255 million to $265 million.\n";
    s.buf = bullets_of(call2);
    CHECK(s.buf && strstr(s.buf, "q2 earnings per share $0.41.\n") != NULL);
    CHECK(s.buf && strstr(s.buf, "q2 revenue $250.1 million.\n") != NULL);
    CHECK(s.buf && strstr(s.buf, "sees fy 2025 net sales up 6 to 8 percent.\n") != NULL);
    CHECK(s.buf && strstr(s.buf, "sees q3 revenue $255 million to $265 million.\n") != NULL);
    CHECK(s.buf && strstr(s.buf, "ebitda") == NULL && strstr(s.buf, "teens") == NULL);
    CHECK(s.buf && strstr(s.buf, "7 percent") == NULL && strstr(s.buf, "9 percent") == NULL);
    if (s.buf && th_fail) fputs(s.buf, stderr);
    free(s.buf);

    /* the quarter's revenue and EPS are levels: not a change in a
       segment's revenue, an effect on either, or where the business is
       headed */
    static const char call3[] =
        "Northwind Q2 2025 Earnings Call\n\n"
        "Jane Roe -- Chief Financial Officer\n\n"
        "Earnings per share included $0.05 of favorable currency. Year-to-date earnings per share was $0.95. "
        "EPS growth was driven by $0.06 from operations.\n\n"
        "Revenue for the second quarter was $250.1 million. Diluted earnings per share were $0.41.\n\n"
        "Our Real Estate segment reported a decline in revenues of $380 million. "
        "A weaker fleet was a $398 million headwind to revenue, and cost actions offset the sales impact by $0.20. "
        "We remain on our path to $10 billion in revenue.\n";
    expect_bullets(call3,
                   "compname reports q2 earnings per share $0.41.\nq2 earnings per share $0.41.\n"
                   "q2 revenue $250.1 million.\n",
                   "levels, not changes or effects");

    /* the kind of earnings the call names */
    expect_bullets("Northwind Q2 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n"
                   "Operating earnings per share were $1.25 for the second quarter.\n",
                   "compname reports q2 operating earnings per share $1.25.\nq2 operating earnings per share $1.25.\n",
                   "operating earnings");

    /* each of these, stated first, is not the quarter's EPS: an effect
       named in the figure's own clause, a figure for the half year, a
       segment's figure, an amount's per-share figure; a clause that goes
       on to name EPS is the quarter's */
    static const char *const traps[] = {
        "Within other income, there was a benefit of $26 million or $0.18 per share from a sale.",
        "Estimated FX benefit on earnings per share has an impact of approximately $0.18.",
        "We earned $0.18 per share year to date, ahead of plan.",
        "Our electric segment's earnings for the quarter were $0.18 per share.",
        "Aggregate adjustments totaled $31.2 million after tax, representing $0.18 per share.",
        "Excluding gains earned on investments of $0.18 per share, results were strong.",
        "Storm costs came to $0.18 per share in the quarter.",
        "Diluted earnings per share increased 20%, or $0.18, to a record.",
        "Adjusting for the gain, net income was down about $2.4 million or $0.18 per share.",
    };
    for (size_t i = 0; i < sizeof traps / sizeof traps[0]; i++) {
        char call4[1024];
        snprintf(call4, sizeof call4,
                 "Northwind Q2 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n%s\n\n%s\n\n"
                 "Revenue was strong. In the second quarter, after adding back acquisition costs of $0.05 our "
                 "diluted earnings per share was $0.56.\n",
                 traps[i], traps[i]);
        expect_bullets(call4, "compname reports q2 earnings per share $0.56.\nq2 earnings per share $0.56.\n",
                       traps[i]);
    }

    /* effects of the same size do not make a figure the lead: the $0.05
       stated as EPS once and twice as an effect is not the quarter's */
    expect_bullets("Northwind Q2 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n"
                   "Diluted earnings per share were $0.41.\n\nNet income was $3 million or $0.05 per share.\n\n"
                   "Earnings per share included $0.05 of favorable currency.\n\n"
                   "Earnings per share included $0.05 of lower taxes.\n",
                   "compname reports q2 earnings per share $0.41.\nq2 earnings per share $0.41.\n",
                   "effects do not weigh");

    /* nor, for revenue, a part of it or an increment to it */
    static const char *const rev_traps[] = {
        "Revenue grew on volume, and $5.5 million was due to the acquisition of Acme.",
        "We were looking forward to an incremental $25 million of revenue from three events this year.",
        "Sales approximate $4 million annually.",
        "Sales should increase by about $4 million with the addition of Acme.",
    };
    for (size_t i = 0; i < sizeof rev_traps / sizeof rev_traps[0]; i++) {
        char call5[1024];
        snprintf(call5, sizeof call5,
                 "Northwind Q2 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n%s\n\n%s\n\n%s\n\n"
                 "Revenue for the second quarter was $20.2 million.\n",
                 rev_traps[i], rev_traps[i], rev_traps[i]);
        expect_bullets(call5, "q2 revenue $20.2 million.\n", rev_traps[i]);
    }

    /* a figure whose sentence names no period is the year's when the call
       states it for the year; the quarter's change comes from another
       statement of its level */
    expect_bullets("Northwind Q4 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n"
                   "For the full year 2025, revenue grew 12% to $63.5 billion.\n\n"
                   "Revenue was $63.5 billion, up 12%. Revenue was $63.5 billion.\n\n"
                   "In Q4, revenue was $16.7 billion.\n\n"
                   "Revenue for the fourth quarter of $16.7 billion grew 9% year over year.\n",
                   "q4 revenue rose 9 percent to $16.7 billion.\n", "the quarter, not the year");

    /* the level a move reached, written second, with its digits */
    expect_bullets("Northwind Q2 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n"
                   "Second quarter sales decreased 29.3% or $79.3 million to $1,190.9 million.\n",
                   "q2 sales fell 29.3 percent to $1,190.9 million.\n", "a move's level");

    /* the guidance a call gives now, not the earlier one it looks back on;
       a fourth-quarter call guides the next year */
    static const char call6[] =
        "Northwind Q4 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n"
        "Sales were in line with our original guidance of 3.2 to 3.6 billion for 2025.\n\n"
        "Full year 2025 net sales came in at $3.5 billion.\n\n"
        "Full year 2026 net sales are expected to be in a range of $3.8 billion and $3.9 billion, compared to "
        "our prior guidance range of $3.7 billion to $3.75 billion.\n";
    expect_bullets(call6, "sees fy 2026 sales $3.8 billion to $3.9 billion.\n", "the next year's range");
    static const char call7[] =
        "Northwind Q2 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n"
        "We are raising our revenue guidance for 2025 from a prior range of $4.76 billion and $4.83 billion to now "
        "between $4.8 billion and $4.85 billion.\n\n"
        "We now expect 2025 earnings per share of $10.10 to $10.70 per share, up from our previous range of $8.40 "
        "to $9.20 per share.\n";
    expect_bullets(call7,
                   "sees fy 2025 earnings per share $10.10 to $10.70.\n"
                   "sees fy 2025 revenue $4.8 billion to $4.85 billion.\n",
                   "the new range, not the old");

    /* a forecast effect on EPS is not the EPS guidance; a per-share range
       the call names in other words is written in the EPS words, once */
    static const char call8[] =
        "Northwind Q2 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n"
        "Diluted earnings per share were $0.72.\n\n"
        "We continue to project the Acme acquisition to contribute $0.45 to $0.49 for 2025. "
        "The higher tax rate will result in an earnings per share headwind of between $0.33 and $0.38 in 2025.\n\n"
        "For 2025, we are narrowing our guidance range to $2.90 to $3.10. "
        "For 2026, we are introducing a range of $3.20 to $3.40 per diluted share.\n";
    expect_bullets(call8,
                   "compname reports q2 earnings per share $0.72.\nq2 earnings per share $0.72.\n"
                   "sees fy 2025 earnings per share $2.90 to $3.10.\n"
                   "sees fy 2026 earnings per share $3.20 to $3.40.\n",
                   "effects are not guidance; per-share guidance in EPS words");

    /* a single figure is the guidance when the call gives no range, if
       the quarter's own figure makes its size plausible; a range wins */
    static const char call9[] =
        "Northwind Q2 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n"
        "Revenue for the second quarter was $950 million. Adjusted earnings per share were $1.40.\n\n"
        "For the third quarter, we expect net sales of approximately $960 million and adjusted earnings per "
        "share of approximately $1.60. The storm will affect earnings per share by $0.04 in 2025.\n\n"
        "For the full year 2025, we now expect adjusted earnings per share of $5.40. "
        "We expect full year revenue of $3.7 billion to $3.8 billion.\n";
    expect_bullets(call9,
                   "compname reports q2 adjusted earnings per share $1.40.\n"
                   "q2 adjusted earnings per share $1.40.\nq2 revenue $950 million.\n"
                   "sees q3 adjusted earnings per share about $1.60.\nsees q3 sales about $960 million.\n"
                   "sees fy 2025 adjusted earnings per share $5.40.\n"
                   "sees fy 2025 revenue $3.7 billion to $3.8 billion.\n",
                   "point guidance");

    /* the range a revision starts from is the earlier guidance */
    static const char call10[] =
        "Northwind Q2 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n"
        "FFO per share for the quarter was $2.40.\n\n"
        "We are increasing our full-year 2025 FFO guidance range from $9.70 to $9.80 per share to $10.70 to $10.80 "
        "per share.\n";
    expect_bullets(call10,
                   "compname reports q2 ffo per share $2.40.\nq2 ffo per share $2.40.\n"
                   "sees fy 2025 ffo per share $10.70 to $10.80.\n",
                   "the revised range, not the one it starts from");

    /* what the forecast covers, as for the quarter's figure */
    static const char call11[] =
        "Northwind Q2 2025 Earnings Call\n\nJane Roe -- Chief Financial Officer\n\n"
        "For 2025, we expect adjusted diluted earnings per share from continuing operations of $3.10 to $3.30, "
        "excluding restructuring costs.\n";
    expect_bullets(call11, "sees fy 2025 adjusted earnings per share $3.10 to $3.30 from continuing operations "
                           "excluding items.\n",
                   "guidance scope");
    return th_done();
}
