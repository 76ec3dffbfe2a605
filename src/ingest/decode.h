/* Validate once at the door: turn input bytes into UTF-8. */
#ifndef EA_DECODE_H
#define EA_DECODE_H
#include "earnest/earnest.h"

typedef struct {
    char *text;          /* malloc'd, NUL-terminated UTF-8 */
    size_t len;
    size_t skip;         /* leading bytes of text to skip (a kept BOM) */
    const char *encoding;/* static name */
    size_t n_fallback;   /* bytes decoded as Windows-1252 inside UTF-8 */
    size_t first_fallback;
    size_t n_replaced;   /* bytes replaced by U+FFFD (lossy) */
    size_t first_replaced;
} ea_decoded;

/* Returns EA_OK or an error with err->offset into the input bytes. */
ea_status ea_decode(const char *data, size_t len, const char *encoding, unsigned flags,
                    ea_decoded *out, ea_error *err);
#endif
