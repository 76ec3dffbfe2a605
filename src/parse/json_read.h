/* Private: a small strict JSON reader (RFC 8259) for the layouts that come
 * as JSON (Motley Fool JSON). A cursor over [p, p+len) that the caller
 * steers value by value: no tree, no allocation, no recursion. Nesting is
 * bounded by max_depth (at most EA_JR_MAX_DEPTH); every call moves forward,
 * so reading a document is linear in its size.
 *
 * Strict: no comments, no trailing commas, no single quotes, no control
 * bytes inside strings, escapes checked (\uXXXX surrogates must pair),
 * numbers by the grammar, nothing but white space after the top value.
 * The input is assumed to be valid UTF-8 (ingest/ checked it). */
#ifndef EA_JSON_READ_H
#define EA_JSON_READ_H
#include <stddef.h>
#include <stdint.h>

#define EA_JR_MAX_DEPTH 64u

typedef enum {
    EA_JR_ERROR = 0,
    EA_JR_OBJECT,
    EA_JR_ARRAY,
    EA_JR_STRING,
    EA_JR_NUMBER,
    EA_JR_TRUE,
    EA_JR_FALSE,
    EA_JR_NULL
} ea_jr_type;

typedef struct {
    const char *p;
    size_t pos, len;  /* cursor and end, offsets into p */
    unsigned depth, max_depth;
    unsigned char kind[EA_JR_MAX_DEPTH];  /* '{' or '[' per open level */
    unsigned char first[EA_JR_MAX_DEPTH]; /* no member read yet at that level */
    const char *err;  /* static message once something failed */
    size_t err_pos;   /* offset into p of the failure */
} ea_jr;

/* A string token: its raw content [start, end) between the quotes, as
 * offsets into p. `escaped` says whether any backslash escape occurs (if
 * not, the raw bytes are the value). */
typedef struct {
    size_t start, end;
    int escaped;
} ea_jr_str;

/* Start reading at offset `pos` of [p, p+len). max_depth 0 or above
 * EA_JR_MAX_DEPTH means EA_JR_MAX_DEPTH. */
void ea_jr_init(ea_jr *j, const char *p, size_t len, size_t pos, unsigned max_depth);
/* Skip white space; the type of the value at the cursor (EA_JR_ERROR and
 * j->err set when nothing valid starts there). */
ea_jr_type ea_jr_peek(ea_jr *j);
/* Consume the '{' or '[' at the cursor. 0, or -1 on error. */
int ea_jr_enter(ea_jr *j);
/* Inside the innermost open object or array: move to its next member.
 * Returns 1 with the cursor on the member's value (for objects, *key is
 * the member's name; key may be NULL), 0 when the container closed (its
 * '}' or ']' consumed), -1 on error. */
int ea_jr_next(ea_jr *j, ea_jr_str *key);
/* Read the string value at the cursor. 0, or -1 on error. */
int ea_jr_string(ea_jr *j, ea_jr_str *out);
/* Skip the value at the cursor, whatever it is (validated all the same). */
int ea_jr_skip(ea_jr *j);
/* After the top value: only white space may remain. 0, or -1. */
int ea_jr_end(ea_jr *j);
/* Does the key equal the ASCII literal (compared raw; keys with escapes
 * never match)? */
int ea_jr_key_is(const ea_jr *j, const ea_jr_str *key, const char *lit);

/* Decode one character of a string that ea_jr_string accepted, starting at
 * raw offset *pos (< end): writes its UTF-8 (1..4 bytes) to out, advances
 * *pos past the raw bytes it used (one byte of a literal run, or a whole
 * escape), returns the number of bytes written. `was_escape` (may be NULL)
 * tells whether it came from an escape. U+0000 decodes to U+FFFD. */
size_t ea_jr_decode(const char *p, size_t *pos, size_t end, char out[4], int *was_escape);
#endif
