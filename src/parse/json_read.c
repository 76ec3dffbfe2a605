/* A small strict JSON reader: see json_read.h. */
#include "json_read.h"
#include "util/text.h"

#include <string.h>

static int jfail(ea_jr *j, const char *msg) {
    if (!j->err) {
        j->err = msg;
        j->err_pos = j->pos;
    }
    return -1;
}

static void skip_ws(ea_jr *j) {
    while (j->pos < j->len) {
        char ch = j->p[j->pos];
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') break;
        j->pos++;
    }
}

void ea_jr_init(ea_jr *j, const char *p, size_t len, size_t pos, unsigned max_depth) {
    memset(j, 0, sizeof *j);
    j->p = p;
    j->len = len;
    j->pos = pos < len ? pos : len;
    j->max_depth = max_depth && max_depth <= EA_JR_MAX_DEPTH ? max_depth : EA_JR_MAX_DEPTH;
}

ea_jr_type ea_jr_peek(ea_jr *j) {
    if (j->err) return EA_JR_ERROR;
    skip_ws(j);
    if (j->pos >= j->len) {
        jfail(j, "unexpected end of JSON");
        return EA_JR_ERROR;
    }
    switch (j->p[j->pos]) {
    case '{': return EA_JR_OBJECT;
    case '[': return EA_JR_ARRAY;
    case '"': return EA_JR_STRING;
    case 't': return EA_JR_TRUE;
    case 'f': return EA_JR_FALSE;
    case 'n': return EA_JR_NULL;
    default:
        if (j->p[j->pos] == '-' || (j->p[j->pos] >= '0' && j->p[j->pos] <= '9')) return EA_JR_NUMBER;
        jfail(j, "a JSON value was expected");
        return EA_JR_ERROR;
    }
}

int ea_jr_enter(ea_jr *j) {
    ea_jr_type t = ea_jr_peek(j);
    if (t != EA_JR_OBJECT && t != EA_JR_ARRAY) return jfail(j, "a JSON object or array was expected");
    if (j->depth >= j->max_depth) return jfail(j, "JSON nested too deeply");
    j->kind[j->depth] = (unsigned char)j->p[j->pos];
    j->first[j->depth] = 1;
    j->depth++;
    j->pos++;
    return 0;
}

static int hex4(const char *p, size_t pos, size_t len, uint32_t *v) {
    if (len - pos < 4) return -1;
    uint32_t x = 0;
    for (size_t i = 0; i < 4; i++) {
        unsigned char ch = (unsigned char)p[pos + i];
        uint32_t d;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else if (ch >= 'a' && ch <= 'f') d = (uint32_t)(ch - 'a' + 10);
        else if (ch >= 'A' && ch <= 'F') d = (uint32_t)(ch - 'A' + 10);
        else return -1;
        x = x * 16 + d;
    }
    *v = x;
    return 0;
}

int ea_jr_string(ea_jr *j, ea_jr_str *out) {
    if (ea_jr_peek(j) != EA_JR_STRING) return jfail(j, "a JSON string was expected");
    const char *p = j->p;
    size_t i = j->pos + 1, n = j->len;
    int esc = 0;
    out->start = i;
    for (;;) {
        /* the common case: a run of plain bytes */
        while (i < n && p[i] != '"' && p[i] != '\\' && (unsigned char)p[i] >= 0x20) i++;
        if (i >= n) {
            j->pos = n;
            return jfail(j, "unterminated JSON string");
        }
        if (p[i] == '"') break;
        if ((unsigned char)p[i] < 0x20) {
            j->pos = i;
            return jfail(j, "control character in a JSON string");
        }
        esc = 1;
        if (i + 1 >= n) {
            j->pos = i;
            return jfail(j, "unterminated JSON string");
        }
        char e = p[i + 1];
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            i += 2;
            continue;
        }
        uint32_t u, lo;
        if (e != 'u' || hex4(p, i + 2, n, &u)) {
            j->pos = i;
            return jfail(j, "invalid escape in a JSON string");
        }
        if (u >= 0xDC00 && u <= 0xDFFF) {
            j->pos = i;
            return jfail(j, "unpaired surrogate in a JSON string");
        }
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (n - i < 12 || p[i + 6] != '\\' || p[i + 7] != 'u' || hex4(p, i + 8, n, &lo) || lo < 0xDC00 ||
                lo > 0xDFFF) {
                j->pos = i;
                return jfail(j, "unpaired surrogate in a JSON string");
            }
            i += 12;
        } else {
            i += 6;
        }
    }
    out->end = i;
    out->escaped = esc;
    j->pos = i + 1;
    return 0;
}

static int number(ea_jr *j) {
    const char *p = j->p;
    size_t i = j->pos, n = j->len;
    if (i < n && p[i] == '-') i++;
    if (i >= n || !(p[i] >= '0' && p[i] <= '9')) goto bad;
    if (p[i] == '0') i++;
    else
        while (i < n && p[i] >= '0' && p[i] <= '9') i++;
    if (i < n && p[i] == '.') {
        i++;
        if (i >= n || !(p[i] >= '0' && p[i] <= '9')) goto bad;
        while (i < n && p[i] >= '0' && p[i] <= '9') i++;
    }
    if (i < n && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < n && (p[i] == '+' || p[i] == '-')) i++;
        if (i >= n || !(p[i] >= '0' && p[i] <= '9')) goto bad;
        while (i < n && p[i] >= '0' && p[i] <= '9') i++;
    }
    j->pos = i;
    return 0;
bad:
    j->pos = i;
    return jfail(j, "invalid JSON number");
}

static int literal(ea_jr *j, const char *lit) {
    size_t n = strlen(lit);
    if (j->len - j->pos < n || memcmp(j->p + j->pos, lit, n) != 0) return jfail(j, "invalid JSON literal");
    j->pos += n;
    return 0;
}

/* A scalar at the cursor. */
static int scalar(ea_jr *j, ea_jr_type t) {
    ea_jr_str s;
    switch (t) {
    case EA_JR_STRING: return ea_jr_string(j, &s);
    case EA_JR_NUMBER: return number(j);
    case EA_JR_TRUE: return literal(j, "true");
    case EA_JR_FALSE: return literal(j, "false");
    case EA_JR_NULL: return literal(j, "null");
    default: return jfail(j, "a JSON value was expected");
    }
}

int ea_jr_next(ea_jr *j, ea_jr_str *key) {
    if (j->err) return -1;
    if (j->depth == 0) return jfail(j, "no open JSON object or array");
    unsigned d = j->depth - 1;
    char close = j->kind[d] == '{' ? '}' : ']';
    skip_ws(j);
    if (j->pos >= j->len) return jfail(j, "unexpected end of JSON");
    if (j->p[j->pos] == close) {
        j->pos++;
        j->depth--;
        return 0;
    }
    if (!j->first[d]) {
        if (j->p[j->pos] != ',') return jfail(j, "',' or the end of the container was expected");
        j->pos++;
    }
    j->first[d] = 0;
    if (j->kind[d] == '[') return 1;
    ea_jr_str k;
    if (ea_jr_peek(j) != EA_JR_STRING) return jfail(j, "a member name was expected");
    if (ea_jr_string(j, &k)) return -1;
    skip_ws(j);
    if (j->pos >= j->len || j->p[j->pos] != ':') return jfail(j, "':' was expected");
    j->pos++;
    if (key) *key = k;
    return 1;
}

int ea_jr_skip(ea_jr *j) {
    unsigned base = j->depth;
    for (;;) {
        ea_jr_type t = ea_jr_peek(j);
        if (t == EA_JR_OBJECT || t == EA_JR_ARRAY) {
            if (ea_jr_enter(j)) return -1;
        } else if (scalar(j, t)) {
            return -1;
        }
        /* find the next value to read, closing finished containers */
        for (;;) {
            if (j->depth == base) return 0;
            int r = ea_jr_next(j, NULL);
            if (r < 0) return -1;
            if (r == 1) break;
        }
    }
}

int ea_jr_end(ea_jr *j) {
    if (j->err) return -1;
    skip_ws(j);
    return j->pos == j->len ? 0 : jfail(j, "text after the JSON value");
}

int ea_jr_key_is(const ea_jr *j, const ea_jr_str *key, const char *lit) {
    size_t n = strlen(lit);
    return !key->escaped && key->end - key->start == n && memcmp(j->p + key->start, lit, n) == 0;
}

size_t ea_jr_decode(const char *p, size_t *pos, size_t end, char out[4], int *was_escape) {
    size_t i = *pos;
    if (was_escape) *was_escape = 0;
    if (p[i] != '\\' || i + 1 >= end) {
        out[0] = p[i];
        *pos = i + 1;
        return 1;
    }
    if (was_escape) *was_escape = 1;
    char e = p[i + 1];
    *pos = i + 2;
    switch (e) {
    case 'b': out[0] = '\b'; return 1;
    case 'f': out[0] = '\f'; return 1;
    case 'n': out[0] = '\n'; return 1;
    case 'r': out[0] = '\r'; return 1;
    case 't': out[0] = '\t'; return 1;
    case 'u': break;
    default: out[0] = e; return 1; /* " \ / */
    }
    uint32_t u = 0xFFFD, lo;
    if (hex4(p, i + 2, end, &u)) {
        u = 0xFFFD; /* not reached for strings ea_jr_string accepted */
    } else if (u >= 0xD800 && u <= 0xDBFF && end - i >= 12 && p[i + 6] == '\\' && p[i + 7] == 'u' &&
               !hex4(p, i + 8, end, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        *pos = i + 12;
        return ea_utf8_put(out, u);
    }
    *pos = i + 6 <= end ? i + 6 : end;
    if (u == 0 || (u >= 0xD800 && u <= 0xDFFF)) u = 0xFFFD;
    return ea_utf8_put(out, u);
}
