/* Simplified <-> Traditional Chinese. With OpenCC (EA_HAVE_OPENCC, found
 * at configure time) phrases convert as words; without it, or when its
 * data files cannot be opened, characters convert one by one from the
 * table generated from data/zh_variants.txt. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "earnest/earnest.h"
#include "util/text.h"

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-const-variable"
#endif
#include "zh_variant_table.h" /* generated: ea_zh_s2t (simplified << 16 | traditional) */
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#ifdef EA_HAVE_OPENCC
#include <opencc.h>
#endif

#define CHUNK 65536 /* bytes converted at a time (OpenCC converts in memory) */

static ea_status fail(ea_error *err, ea_status code, const char *msg, size_t off) {
    if (err) {
        err->code = code;
        err->message = msg;
        err->offset = off;
        err->line = err->column = 0;
    }
    return code;
}

/* ---- built-in: character by character ---------------------------------- */

static uint32_t t2s[EA_ZH_S2T_N]; /* traditional << 16 | simplified, sorted */
static pthread_once_t t2s_once = PTHREAD_ONCE_INIT;

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void build_t2s(void) {
    for (size_t i = 0; i < EA_ZH_S2T_N; i++) t2s[i] = (ea_zh_s2t[i] & 0xFFFF) << 16 | ea_zh_s2t[i] >> 16;
    qsort(t2s, EA_ZH_S2T_N, sizeof t2s[0], cmp_u32);
}

static uint32_t hans_of(uint32_t cp) { return ea_pair_map(t2s, EA_ZH_S2T_N, cp); }

static ea_status convert_builtin(const char *text, size_t len, int to_hant, ea_write_fn write, void *ctx,
                                 ea_error *err) {
    if (!to_hant) pthread_once(&t2s_once, build_t2s);
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    unsigned char buf[4096];
    size_t n = 0;
    while (p < end) {
        /* runs of ASCII go through as they are */
        const unsigned char *a = p;
        while (p < end && *p < 0x80) p++;
        if (p > a) {
            if (n && write(ctx, (const char *)buf, n)) return fail(err, EA_ERR_IO, "write failed", SIZE_MAX);
            n = 0;
            if (write(ctx, (const char *)a, (size_t)(p - a))) return fail(err, EA_ERR_IO, "write failed", SIZE_MAX);
            continue;
        }
        uint32_t cp;
        int k = ea_utf8_next(p, end, &cp);
        p += k;
        if (ea_is_cjk(cp)) cp = to_hant ? ea_zh_hant_of(cp) : hans_of(cp);
        n += ea_utf8_put((char *)buf + n, cp);
        if (n > sizeof buf - 4) {
            if (write(ctx, (const char *)buf, n)) return fail(err, EA_ERR_IO, "write failed", SIZE_MAX);
            n = 0;
        }
    }
    if (n && write(ctx, (const char *)buf, n)) return fail(err, EA_ERR_IO, "write failed", SIZE_MAX);
    return EA_OK;
}

/* ---- OpenCC ------------------------------------------------------------ */

#ifdef EA_HAVE_OPENCC
/* Traditional as written in Taiwan and Hong Kong (為, not OpenCC's own
 * standard 爲): s2tw and tw2s (which reads both); with EA_ZH_TAIWAN also
 * Taiwan words (s2twp, tw2sp). Opened once, on first use; (opencc_t)-1
 * when OpenCC cannot (its data files are missing): then the built-in
 * table. */
static const char *const configs[4] = {"s2tw.json", "tw2s.json", "s2twp.json", "tw2sp.json"};
static opencc_t handles[4];
static int opened[4];
static pthread_mutex_t oc_lock = PTHREAD_MUTEX_INITIALIZER;

/* With the lock held. */
static opencc_t handle(int which) {
    if (!opened[which]) {
        handles[which] = opencc_open(configs[which]);
        opened[which] = 1;
    }
    return handles[which];
}

static int opencc_usable(void) {
    pthread_mutex_lock(&oc_lock);
    int ok = handle(0) != (opencc_t)-1;
    pthread_mutex_unlock(&oc_lock);
    return ok;
}

/* Convert [p, p+n) (valid UTF-8, no NUL) with the lock held. */
static ea_status convert_piece(opencc_t od, const char *p, size_t n, ea_write_fn write, void *ctx, ea_error *err) {
    if (!n) return EA_OK;
    char *o = opencc_convert_utf8(od, p, n);
    if (!o) return fail(err, EA_ERR_NOMEM, "conversion failed", SIZE_MAX);
    int bad = write(ctx, o, strlen(o));
    opencc_convert_utf8_free(o);
    return bad ? fail(err, EA_ERR_IO, "write failed", SIZE_MAX) : EA_OK;
}

static ea_status convert_opencc(const char *text, size_t len, int to_hant, unsigned flags, ea_write_fn write,
                                void *ctx, ea_error *err) {
    int which = (to_hant ? 0 : 1) + ((flags & EA_ZH_TAIWAN) ? 2 : 0);
    pthread_mutex_lock(&oc_lock);
    opencc_t od = handle(which);
    if (od == (opencc_t)-1) od = handle(to_hant ? 0 : 1);
    ea_status st = EA_OK;
    if (od == (opencc_t)-1) {
        pthread_mutex_unlock(&oc_lock);
        return convert_builtin(text, len, to_hant, write, ctx, err);
    }
    /* pieces: up to CHUNK bytes ending at a line end where there is one,
       else at a character boundary; NUL bytes are passed through between */
    size_t i = 0;
    while (i < len && st == EA_OK) {
        size_t n = len - i < CHUNK ? len - i : CHUNK;
        const char *nul = memchr(text + i, 0, n);
        if (nul) n = (size_t)(nul - (text + i));
        else if (i + n < len) {
            const char *nl = NULL;
            for (size_t k = n; k > 0 && !nl; k--)
                if (text[i + k - 1] == '\n') nl = text + i + k;
            n = nl ? (size_t)(nl - (text + i)) : ea_utf8_floor(text + i, n);
            if (n == 0) n = len - i < 4 ? len - i : 4; /* cannot happen with valid UTF-8 */
        }
        st = convert_piece(od, text + i, n, write, ctx, err);
        i += n;
        if (st == EA_OK && nul && i < len) {
            if (write(ctx, "", 1)) st = fail(err, EA_ERR_IO, "write failed", SIZE_MAX);
            i++;
        }
    }
    pthread_mutex_unlock(&oc_lock);
    return st;
}
#endif

/* ---- the API ----------------------------------------------------------- */

const char *ea_zh_convert_engine(void) {
#ifdef EA_HAVE_OPENCC
    if (opencc_usable()) return "opencc";
#endif
    return "builtin";
}

ea_status ea_zh_convert(const char *text, size_t len, ea_lang to, unsigned flags, ea_write_fn write, void *ctx,
                        ea_error *err) {
    if ((!text && len) || !write) return fail(err, EA_ERR_USAGE, "NULL argument", SIZE_MAX);
    if (to != EA_LANG_ZH_HANS && to != EA_LANG_ZH_HANT)
        return fail(err, EA_ERR_USAGE, "convert to zh-Hans or zh-Hant", SIZE_MAX);
    size_t ok = ea_utf8_valid_prefix((const unsigned char *)text, len);
    if (ok < len) return fail(err, EA_ERR_ENCODING, "invalid UTF-8", ok);
    if (!len) return EA_OK;
#ifdef EA_HAVE_OPENCC
    return convert_opencc(text, len, to == EA_LANG_ZH_HANT, flags, write, ctx, err);
#else
    (void)flags;
    return convert_builtin(text, len, to == EA_LANG_ZH_HANT, write, ctx, err);
#endif
}
