/* Private: what the verify writers share with the checker. */
#ifndef EA_VERIFY_INT_H
#define EA_VERIFY_INT_H
#include "earnest/earnest.h"
#include "util/vec.h"

struct ea_verify_result {
    const ea_call *call;  /* borrowed: source spans point into its text */
    char *summary;        /* our copy of the summary (findings point into it) */
    size_t summary_len;
    ea_vec findings;      /* ea_verify_finding */
    ea_verify_stats stats;
};

/* Labels for people ("unstated number", "wrong scale", ...). */
const char *ea_verify_kind_label(ea_verify_kind k);
#endif
