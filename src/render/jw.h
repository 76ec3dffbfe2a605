/* The one JSON writer: every string goes through jw_str, which escapes. */
#ifndef EA_JW_H
#define EA_JW_H
#include "earnest/earnest.h"
#include "util/buf.h"

typedef struct {
    ea_buf buf;
    ea_write_fn write;
    void *ctx;
    int failed;
    int depth;
    int pretty;
    unsigned char need_comma[64]; /* per depth */
} ea_jw;

void jw_init(ea_jw *w, ea_write_fn write, void *ctx, int pretty);
void jw_obj(ea_jw *w);
void jw_obj_end(ea_jw *w);
void jw_arr(ea_jw *w);
void jw_arr_end(ea_jw *w);
void jw_key(ea_jw *w, const char *k); /* k: a literal; not escaped */
void jw_str(ea_jw *w, ea_str s);       /* null when s.ptr == NULL */
void jw_cstr(ea_jw *w, const char *s); /* NULL -> null */
void jw_str_or_null(ea_jw *w, ea_str s); /* empty -> null */
void jw_int(ea_jw *w, long long v);
void jw_num(ea_jw *w, double v);
void jw_bool(ea_jw *w, int v);
void jw_null(ea_jw *w);
void jw_span(ea_jw *w, ea_span s); /* [start, end] */
/* Flush and report. */
ea_status jw_finish(ea_jw *w);
#endif
