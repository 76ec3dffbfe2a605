/* Private: what the digest parts share. */
#ifndef EA_SUMMARIZE_INT_H
#define EA_SUMMARIZE_INT_H
#include "earnest/earnest.h"

/* The call's own period ("2024Q1") and the one after it ("2024Q2"), from
 * the call, or failing that from the facts; empty strings when unknown. */
void ea_sum_call_period(const ea_call *c, const ea_facts *fs, char callp[8], char nextp[8]);
#endif
