/* Chinese word boundaries: ICU's dictionary break iterator when built with
 * it (EA_HAVE_ICU), else one word per character. ICU reads the UTF-8
 * bytes in place through a UText, so offsets stay byte offsets and no
 * UTF-16 copy is made. */
#include "util/zh_words.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "util/text.h"

#ifdef EA_HAVE_ICU
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#endif

#define PIECE ((size_t)1 << 20) /* bytes ICU segments at a time (its offsets are 32-bit) */
#define PIECE_SLACK 4096        /* how far back from a piece's end a cut at a non-ideograph is looked for */

/* Spaces and punctuation, for is_word without ICU: ASCII other than letters
 * and digits, Latin-1 punctuation, general punctuation, CJK symbols and
 * punctuation, and the full-width forms of ASCII punctuation. */
static int is_punct(uint32_t cp) {
    if (cp < 0x80) return !ea_is_alnum((unsigned char)cp);
    return (cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFEFF;
}

/* The segment at pos without a dictionary: a run of ASCII letters and
 * digits, or one character. */
static size_t char_segment(const char *text, size_t len, size_t pos, int *is_word) {
    const unsigned char *p = (const unsigned char *)text + pos, *end = (const unsigned char *)text + len;
    if (ea_is_alnum(*p)) {
        *is_word = 1;
        return ea_alnums(p, end);
    }
    uint32_t cp;
    size_t k = (size_t)ea_utf8_next(p, end, &cp);
    *is_word = !is_punct(cp);
    return k;
}

/* The ideograph starting at byte i of [p, p+n), or 0 when there is none. */
static uint32_t cjk_at(const char *p, size_t n, size_t i) {
    if (i >= n) return 0;
    uint32_t cp;
    ea_utf8_next((const unsigned char *)p + i, (const unsigned char *)p + n, &cp);
    return ea_is_cjk(cp) ? cp : 0;
}

/* The start of the character that ends right before byte i (i > 0). */
static size_t char_before(const char *p, size_t i) {
    size_t j = i - 1;
    for (int k = 0; k < 3 && j > 0 && ((unsigned char)p[j] & 0xC0) == 0x80; k++) j--;
    return j;
}

#ifdef EA_HAVE_ICU
/* One iterator made at first use, cloned for each thread and each
 * ea_zh_words: opening one from the locale's rules costs far more than a
 * clone, and a clone can be used while others are. */
static UBreakIterator *g_template;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static pthread_key_t g_key;
static int g_key_ok;

static void close_bi(void *bi) { ubrk_close(bi); }

static void open_template(void) {
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
    if (U_FAILURE(st)) {
        if (bi) ubrk_close(bi);
        return;
    }
    g_key_ok = pthread_key_create(&g_key, close_bi) == 0;
    g_template = bi;
}

static UBreakIterator *clone_template(void) {
    pthread_once(&g_once, open_template);
    if (!g_template) return NULL;
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_clone(g_template, &st);
    if (U_FAILURE(st)) {
        if (bi) ubrk_close(bi);
        return NULL;
    }
    return bi;
}

/* The calling thread's iterator, or NULL. */
static UBreakIterator *thread_bi(void) {
    pthread_once(&g_once, open_template);
    if (!g_template || !g_key_ok) return NULL;
    UBreakIterator *bi = pthread_getspecific(g_key);
    if (bi) return bi;
    bi = clone_template();
    if (bi && pthread_setspecific(g_key, bi) != 0) {
        ubrk_close(bi);
        bi = NULL;
    }
    return bi;
}
#endif

const char *ea_zh_words_engine(void) {
#ifdef EA_HAVE_ICU
    pthread_once(&g_once, open_template);
    if (g_template) return "icu";
#endif
    return "chars";
}

/* Between two ideographs? (at inside (0, n) at a character start) */
static int between_cjk(const char *p, size_t n, size_t at) {
    return at > 0 && at < n && cjk_at(p, n, at) && cjk_at(p, n, char_before(p, at));
}

#ifdef EA_HAVE_ICU
/* Segments the run of ideographs around [a, b) (EA_ZH_CONTEXT characters
 * before a and after b at most) and sets bound[i] to whether a word starts
 * at at[i] (both inside [a, b]). Returns 0 when ICU is not usable. */
static int icu_bounds(const char *p, size_t n, size_t a, size_t b, const size_t *at, int *bound, int k) {
    UBreakIterator *bi = thread_bi();
    if (!bi) return 0;
    size_t lo = a, hi = b;
    for (int i = 0; i < EA_ZH_CONTEXT && lo > 0; i++) {
        size_t c = char_before(p, lo);
        if (!cjk_at(p, n, c)) break;
        lo = c;
    }
    for (int i = 0; i < EA_ZH_CONTEXT && hi < n && cjk_at(p, n, hi); i++) {
        uint32_t cp;
        hi += (size_t)ea_utf8_next((const unsigned char *)p + hi, (const unsigned char *)p + n, &cp);
    }
    if (hi - lo > INT32_MAX) return 0;
    UErrorCode st = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, p + lo, (int64_t)(hi - lo), &st);
    if (U_FAILURE(st)) return 0;
    ubrk_setUText(bi, &ut, &st); /* the iterator keeps a shallow clone of ut */
    int ok = !U_FAILURE(st);
    if (ok) {
        /* one pass forward over the window: each ubrk_isBoundary would run
           the dictionary over it again */
        size_t last = 0;
        for (int i = 0; i < k; i++) {
            bound[i] = 0;
            if (at[i] - lo > last) last = at[i] - lo;
        }
        for (int32_t x = ubrk_first(bi); x != UBRK_DONE && (size_t)x <= last; x = ubrk_next(bi))
            for (int i = 0; i < k; i++)
                if ((size_t)x == at[i] - lo) bound[i] = 1;
    }
    utext_close(&ut);
    return ok;
}
#endif

int ea_zh_word_starts(const char *p, size_t n, size_t at) {
    if (!p || at == 0 || at >= n) return 1;
    if (((unsigned char)p[at] & 0xC0) == 0x80) return 0;
    if (!between_cjk(p, n, at)) return 1;
#ifdef EA_HAVE_ICU
    int b;
    if (icu_bounds(p, n, at, at, &at, &b, 1)) return b;
#endif
    return 1;
}

int ea_zh_cuts_words(const char *p, size_t n, size_t a, size_t b) {
    if (!p || a >= b || b >= n) return 0;
    if (((unsigned char)p[a] & 0xC0) == 0x80 || ((unsigned char)p[b] & 0xC0) == 0x80) return 0;
    if (!between_cjk(p, n, a) || !between_cjk(p, n, b)) return 0;
#ifdef EA_HAVE_ICU
    size_t at[2] = {a, b};
    int bound[2];
    if (icu_bounds(p, n, a, b, at, bound, 2)) return !bound[0] && !bound[1];
#endif
    return 0;
}

void ea_zh_words_open(ea_zh_words *it, const char *p, size_t n) {
    memset(it, 0, sizeof *it);
    it->text = p;
    it->len = p ? n : 0;
#ifdef EA_HAVE_ICU
    it->bi = clone_template();
#endif
}

void ea_zh_words_close(ea_zh_words *it) {
    if (!it) return;
#ifdef EA_HAVE_ICU
    if (it->ut) utext_close(it->ut);
    if (it->bi) ubrk_close(it->bi);
#endif
    it->ut = it->bi = NULL;
    it->pos = it->len;
}

#ifdef EA_HAVE_ICU
/* The end of the piece that starts at pos: all the rest when it is short,
 * else near PIECE bytes on, after an ASCII byte other than a letter or
 * digit (a space, a line end, punctuation) when there is one close to the
 * cut, else at a character boundary. */
static size_t piece_end(const ea_zh_words *it, size_t pos) {
    if (it->len - pos <= PIECE) return it->len;
    size_t e = pos + PIECE;
    for (size_t i = e; i > e - PIECE_SLACK; i--) {
        unsigned char c = (unsigned char)it->text[i - 1];
        if (c < 0x80 && !ea_is_alnum(c)) return i;
    }
    return pos + ea_utf8_floor(it->text + pos, PIECE);
}

/* Give up on ICU for the rest of the span. */
static void drop_icu(ea_zh_words *it) {
    if (it->ut) utext_close(it->ut);
    if (it->bi) ubrk_close(it->bi);
    it->ut = it->bi = NULL;
}

static int icu_next(ea_zh_words *it, ea_zh_word *w) {
    UErrorCode st = U_ZERO_ERROR;
    if (it->pos >= it->end) { /* the next piece */
        it->piece = it->pos;
        it->end = piece_end(it, it->pos);
        it->ut = utext_openUTF8(it->ut, it->text + it->piece, (int64_t)(it->end - it->piece), &st);
        if (!U_FAILURE(st)) ubrk_setUText(it->bi, it->ut, &st);
        if (U_FAILURE(st)) {
            drop_icu(it);
            return 0;
        }
        ubrk_first(it->bi);
    }
    int32_t b = ubrk_next(it->bi);
    size_t e = b == UBRK_DONE ? it->end : it->piece + (size_t)b;
    if (e <= it->pos || e > it->end) e = it->end; /* cannot happen; never loop */
    w->start = it->pos;
    w->end = e;
    if (b == UBRK_DONE) {
        int iw;
        char_segment(it->text, it->len, it->pos, &iw);
        w->is_word = iw;
    } else {
        w->is_word = ubrk_getRuleStatus(it->bi) != UBRK_WORD_NONE;
    }
    it->pos = e;
    return 1;
}
#endif

int ea_zh_words_next(ea_zh_words *it, ea_zh_word *w) {
    if (!it || it->pos >= it->len) return 0;
#ifdef EA_HAVE_ICU
    if (it->bi && icu_next(it, w)) return 1;
#endif
    int iw;
    size_t k = char_segment(it->text, it->len, it->pos, &iw);
    w->start = it->pos;
    w->end = it->pos + k;
    w->is_word = iw;
    it->pos += k;
    return 1;
}
