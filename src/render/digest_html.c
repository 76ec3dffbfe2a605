/* The digest as one self-contained HTML file (being written). */
#include "summarize/digest_int.h"

ea_status ea_dg_write_html(const dg_t *dg, ea_write_fn write, void *ctx) { return ea_dg_write_text(dg, write, ctx, 1); }
