#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/text.h"

/* Windows-1252 0x80..0x9F; 0 where the code page leaves a byte undefined. */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static uint32_t cp1252(unsigned char b) {
    if (b < 0x80 || b >= 0xA0) return b;
    return cp1252_hi[b - 0x80];
}

static int put_cp(ea_buf *b, uint32_t cp) {
    char t[4];
    return ea_buf_append(b, t, ea_utf8_put(t, cp));
}

static ea_status fail(ea_error *err, ea_status code, const char *msg, size_t off) {
    if (err) {
        err->code = code;
        err->message = msg;
        err->offset = off;
    }
    return code;
}

/* Lossy mode keeps NUL bytes out of the text: each becomes U+FFFD. */
static void replace_nuls(ea_buf *b, ea_decoded *out) {
    if (!b->ptr || !memchr(b->ptr, 0, b->len)) return;
    ea_buf r;
    ea_buf_init(&r, 0);
    for (size_t i = 0; i < b->len; i++) {
        if (b->ptr[i]) {
            ea_buf_putc(&r, b->ptr[i]);
            continue;
        }
        if (!out->n_replaced++) out->first_replaced = i;
        ea_buf_append(&r, "\xEF\xBF\xBD", 3);
    }
    if (r.failed) {
        ea_buf_free(&r);
        b->failed = 1;
        return;
    }
    ea_buf_free(b);
    *b = r;
}

static ea_status finish(ea_buf *b, ea_decoded *out, ea_error *err) {
    replace_nuls(b, out);
    if (ea_buf_terminate(b)) {
        ea_buf_free(b);
        return fail(err, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    }
    out->text = b->ptr;
    out->len = b->len;
    return EA_OK;
}

/* Control bytes other than tab, newline, CR, form feed: a sign of binary. */
static int is_binary_byte(unsigned char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B;
}

static ea_status check_nul(const unsigned char *p, size_t n, unsigned flags, ea_error *err) {
    const unsigned char *z = memchr(p, 0, n);
    if (!z) return EA_OK;
    size_t head = n < 8192 ? n : 8192, ctl = 0, nul = 0;
    for (size_t i = 0; i < head; i++) {
        ctl += is_binary_byte(p[i]);
        nul += p[i] == 0;
    }
    /* many control bytes (or many NULs) is binary; a stray NUL in text is
       an encoding problem */
    if ((ctl * 10 > head && head >= 64) || nul > 16)
        return fail(err, EA_ERR_BINARY, "binary data, not text (control bytes such as NUL)",
                    (size_t)(z - p));
    if (flags & EA_PARSE_LOSSY) return EA_OK;
    return fail(err, EA_ERR_ENCODING, "NUL byte in text (use --lossy to replace)", (size_t)(z - p));
}

/* `base`: where p starts in the input (after a BOM), for error offsets. */
static ea_status decode_utf16(const unsigned char *p, size_t n, size_t base, int be, unsigned flags,
                              ea_decoded *out, ea_error *err) {
    ea_buf b;
    ea_buf_init(&b, 0);
    if (ea_buf_reserve(&b, n + n / 2)) return fail(err, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    size_t i = 0;
    for (; i + 1 < n; i += 2) {
        uint32_t u = be ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            uint32_t v = be ? (uint32_t)(p[i + 2] << 8 | p[i + 3]) : (uint32_t)(p[i + 3] << 8 | p[i + 2]);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
                i += 2;
            }
        }
        if ((u >= 0xD800 && u <= 0xDFFF) || u == 0) {
            if (!(flags & EA_PARSE_LOSSY)) {
                ea_buf_free(&b);
                return fail(err, EA_ERR_ENCODING,
                            u ? "unpaired UTF-16 surrogate" : "NUL character in UTF-16 text", base + i);
            }
            if (!out->n_replaced++) out->first_replaced = base + i;
            u = 0xFFFD;
        }
        if (put_cp(&b, u)) break;
    }
    if (i < n && !(flags & EA_PARSE_LOSSY)) {
        ea_buf_free(&b);
        return fail(err, EA_ERR_ENCODING, "odd number of bytes in UTF-16 text", base + i);
    }
    if (b.failed) {
        ea_buf_free(&b);
        return fail(err, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    }
    out->encoding = be ? "utf-16be" : "utf-16le";
    return finish(&b, out, err);
}

static ea_status decode_iconv(const char *data, size_t n, const char *from, const char *name,
                              unsigned flags, ea_decoded *out, ea_error *err) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return fail(err, EA_ERR_USAGE, "encoding not supported here", SIZE_MAX);
    ea_buf b;
    ea_buf_init(&b, 0);
    char *in = (char *)data;
    size_t inleft = n;
    ea_status st = EA_OK;
    while (inleft > 0) {
        if (ea_buf_reserve(&b, inleft * 2 + 16)) {
            st = fail(err, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
            break;
        }
        char *o = b.ptr + b.len;
        size_t oleft = b.cap - b.len - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        b.len = (size_t)(o - b.ptr);
        if (r != (size_t)-1) break;
        if (errno == E2BIG) continue;
        /* EILSEQ or EINVAL: a bad or truncated sequence at `in` */
        size_t off = (size_t)(in - data);
        if (!(flags & EA_PARSE_LOSSY)) {
            st = fail(err, EA_ERR_ENCODING, "byte sequence not valid in the given encoding", off);
            break;
        }
        if (!out->n_replaced++) out->first_replaced = off;
        put_cp(&b, 0xFFFD);
        in++;
        inleft--;
    }
    iconv_close(cd);
    if (st != EA_OK) {
        ea_buf_free(&b);
        return st;
    }
    /* the output must be UTF-8 without NUL */
    if (!(flags & EA_PARSE_LOSSY) && memchr(b.ptr ? b.ptr : "", 0, b.len)) {
        ea_buf_free(&b);
        return fail(err, EA_ERR_ENCODING, "NUL character in text", SIZE_MAX);
    }
    out->encoding = name;
    return finish(&b, out, err);
}

/* Is this run of invalid bytes better read as a double-byte CJK encoding?
 * English text in Windows-1252 has lone high bytes between ASCII letters;
 * GB18030 and Big5 have pairs and long runs of them. */
static int looks_cjk_legacy(const unsigned char *p, size_t n) {
    size_t head = n < 65536 ? n : 65536, high = 0, pairs = 0;
    for (size_t i = 0; i < head; i++) {
        if (p[i] >= 0x80) {
            high++;
            if (i + 1 < head && p[i + 1] >= 0x40 && p[i] >= 0x81) pairs++;
        }
    }
    return high > 16 && high * 5 > head && pairs * 3 > high;
}

static ea_status decode_utf8(const char *data, size_t n, unsigned flags, int fallback,
                             ea_decoded *out, ea_error *err) {
    const unsigned char *p = (const unsigned char *)data;
    size_t ok = ea_utf8_valid_prefix(p, n);
    ea_buf b;
    ea_buf_init(&b, 0);
    if (ea_buf_reserve(&b, ok == n ? n : n + n / 2)) return fail(err, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    ea_buf_append(&b, data, ok);
    if (ok == n) {
        out->encoding = "utf-8";
        return finish(&b, out, err);
    }
    if (!(flags & EA_PARSE_LOSSY) && (!fallback || looks_cjk_legacy(p, n))) {
        ea_buf_free(&b);
        return fail(err, EA_ERR_ENCODING,
                    fallback ? "invalid UTF-8 (looks like GB18030 or Big5: try --encoding)"
                             : "invalid UTF-8",
                    ok);
    }
    size_t i = ok;
    while (i < n) {
        size_t good = ea_utf8_valid_prefix(p + i, n - i);
        ea_buf_append(&b, data + i, good);
        i += good;
        if (i >= n) break;
        uint32_t cp = fallback ? cp1252(p[i]) : 0;
        /* a lead byte followed by a continuation byte is broken UTF-8, not
           Windows-1252 (where such pairs are rare) */
        int broken = p[i] >= 0xC2 && p[i] <= 0xF4 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80;
        if (cp && fallback && !broken) {
            if (!out->n_fallback++) out->first_fallback = i;
        } else if (flags & EA_PARSE_LOSSY) {
            if (!out->n_replaced++) out->first_replaced = i;
            cp = 0xFFFD;
        } else {
            ea_buf_free(&b);
            return fail(err, EA_ERR_ENCODING,
                        broken ? "invalid UTF-8: truncated or malformed sequence (use --lossy to replace)"
                               : "invalid UTF-8, and not Windows-1252 either (use --lossy to replace)",
                        i);
        }
        put_cp(&b, cp);
        i++;
        /* one U+FFFD for a whole broken sequence */
        while (broken && i < n && (p[i] & 0xC0) == 0x80 && ea_utf8_valid_prefix(p + i, 1) == 0) i++;
    }
    if (b.failed) {
        ea_buf_free(&b);
        return fail(err, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    }
    out->encoding = out->n_fallback ? "utf-8+windows-1252" : "utf-8";
    return finish(&b, out, err);
}

static ea_status decode_single(const unsigned char *p, size_t n, int is1252, unsigned flags,
                               ea_decoded *out, ea_error *err) {
    ea_buf b;
    ea_buf_init(&b, 0);
    if (ea_buf_reserve(&b, n * 2)) return fail(err, EA_ERR_NOMEM, "out of memory", SIZE_MAX);
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = is1252 ? cp1252(p[i]) : p[i];
        if (cp == 0) {
            if (!(flags & EA_PARSE_LOSSY)) {
                ea_buf_free(&b);
                return fail(err, EA_ERR_ENCODING,
                            p[i] ? "byte undefined in Windows-1252" : "NUL byte in text", i);
            }
            if (!out->n_replaced++) out->first_replaced = i;
            cp = 0xFFFD;
        }
        put_cp(&b, cp);
    }
    out->encoding = is1252 ? "windows-1252" : "latin1";
    return finish(&b, out, err);
}

static int name_is(const char *a, const char *b) {
    for (; *a && *b; a++, b++)
        if (ea_lower((unsigned char)*a) != ea_lower((unsigned char)*b)) return 0;
    return *a == *b;
}

ea_status ea_decode(const char *data, size_t len, const char *enc, unsigned flags,
                    ea_decoded *out, ea_error *err) {
    memset(out, 0, sizeof *out);
    const unsigned char *p = (const unsigned char *)data;
    if (enc && (name_is(enc, "auto") || !*enc)) enc = NULL;
    if (!enc || name_is(enc, "utf-8") || name_is(enc, "utf8")) {
        if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)) && !enc)
            return decode_utf16(p + 2, len - 2, 2, p[0] == 0xFE, flags, out, err);
        size_t skip = (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) ? 3 : 0;
        ea_status st = check_nul(p, len, flags, err);
        if (st != EA_OK) return st;
        st = decode_utf8(data, len, flags, !enc && !(flags & EA_PARSE_STRICT_UTF8), out, err);
        if (st == EA_OK && skip) {
            out->skip = 3;
            out->encoding = out->n_fallback ? "utf-8-bom+windows-1252" : "utf-8-bom";
        }
        return st;
    }
    if (name_is(enc, "utf-16le") || name_is(enc, "utf-16be") || name_is(enc, "utf-16")) {
        int be = name_is(enc, "utf-16be");
        size_t base = 0;
        if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
            be = p[0] == 0xFE;
            p += 2;
            len -= 2;
            base = 2;
        }
        return decode_utf16(p, len, base, be, flags, out, err);
    }
    if (name_is(enc, "windows-1252") || name_is(enc, "cp1252"))
        return decode_single(p, len, 1, flags, out, err);
    if (name_is(enc, "latin1") || name_is(enc, "iso-8859-1"))
        return decode_single(p, len, 0, flags, out, err);
    if (name_is(enc, "gb18030") || name_is(enc, "gbk") || name_is(enc, "gb2312"))
        return decode_iconv(data, len, "GB18030", "gb18030", flags, out, err);
    if (name_is(enc, "big5")) return decode_iconv(data, len, "BIG5-HKSCS", "big5", flags, out, err);
    return fail(err, EA_ERR_USAGE, "unknown encoding (utf-8, utf-16le, utf-16be, windows-1252, latin1, gb18030, big5)", SIZE_MAX);
}
