/* Private: what the digest parts share. */
#ifndef EA_SUMMARIZE_INT_H
#define EA_SUMMARIZE_INT_H
#include "earnest/earnest.h"
#include "util/buf.h"

/* The call's own period ("2024Q1") and the one after it ("2024Q2"), from
 * the call, or failing that from the facts; empty strings when unknown. */
void ea_sum_call_period(const ea_call *c, const ea_facts *fs, char callp[8], char nextp[8]);

/* fact strings: equal to a literal; adjusted or non-GAAP basis */
int ea_sum_is(ea_str s, const char *lit);
int ea_sum_adjusted(const ea_fact *f);

/* The headline figures; NULL where the call states none. */
typedef struct {
    char period[8], next[8];    /* "2024Q1", "2024Q2"; "" when unknown */
    char fy[8], fy_next[8];     /* "FY2024", "FY2025"; "" when unknown */
    const ea_fact *eps_adj;     /* the quarter's adjusted / non-GAAP EPS */
    const ea_fact *eps;         /* reported EPS (GAAP or unqualified) */
    const ea_fact *ffo;         /* FFO per share (REITs) */
    const ea_fact *rev;         /* total revenue */
    const ea_fact *rev_change;  /* the fact holding revenue's yoy change */
    /* guidance: a range, or a single figure when the call gives no range */
    const ea_fact *g_q_eps, *g_q_rev;               /* next quarter */
    const ea_fact *g_y_eps_adj, *g_y_eps, *g_y_rev; /* the fiscal year */
} ea_headline;

void ea_sum_headline(const ea_call *c, const ea_facts *fs, ea_headline *h);

/* The quarter's leading actual of one metric and basis class (adj: 1 for
 * adjusted / non-GAAP), company total only; NULL when none. */
const ea_fact *ea_sum_lead(const ea_call *c, const ea_facts *fs, const char *metric, const char *period, int adj);
/* 1 when f is an earlier forecast the call looks back on ("in line with
 * our original guidance of ...", "compared to our prior guidance range
 * of ..."), not the one it gives now */
int ea_sum_earlier_guidance(const ea_call *c, const ea_fact *f);

/* 1 when a forecast is of an effect on a figure, not of the figure: "we
 * project the acquisition to contribute $0.45 to $0.49", "an earnings per
 * share headwind of between $0.33 and $0.38" */
int ea_sum_guided_effect(const ea_call *c, const ea_fact *f);

/* Numbers as the call wrote them. ea_sum_number_text: the k-th number of a
 * fact's phrase ("1.83" in "$1.82 billion to $1.83 billion", k=1).
 * ea_sum_amount: value v of fact f written with the call's digits and scale
 * word ("$40.7 million"), k naming which number of the phrase. */
ea_str ea_sum_number_text(const ea_call *c, const ea_fact *f, int k);
void ea_sum_amount(ea_buf *b, const ea_call *c, const ea_fact *f, double v, int k);
#endif
