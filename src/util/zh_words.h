/* Private: word boundaries in Chinese text.
 *
 * Chinese writes no spaces between words, so "does a word start here?" is
 * a question for a dictionary. With ICU (EA_HAVE_ICU, found at configure
 * time: libicu-dev) the answer comes from its dictionary-based break
 * iterator (UBRK_WORD, locale "zh"); without it, or when ICU cannot open
 * its data, every character is a word of its own (a run of ASCII letters
 * and digits is one word), so a caller asking ea_zh_word_starts() gets
 * "yes" at every character and behaves as it did before segmentation.
 *
 * All offsets are bytes into the caller's UTF-8 span; nothing is copied
 * and no text is converted to UTF-16. Thread-safe: each thread uses its
 * own break iterator (made on first use, closed when the thread ends) and
 * each ea_zh_words iterator its own. Time is linear in the bytes given. */
#ifndef EA_ZH_WORDS_H
#define EA_ZH_WORDS_H
#include <stddef.h>

/* "icu" when ICU's dictionary segmentation is in use, else "chars". */
const char *ea_zh_words_engine(void);

/* Does a word start at byte `at` of [p, p+n) (valid UTF-8)? Always 1 at
 * 0 and n, and where either neighbouring character is not an ideograph
 * (a number, a letter, punctuation and a space always part words); 0 for
 * an offset inside a character. Between two ideographs ICU decides from
 * the run of ideographs around `at`, at most EA_ZH_CONTEXT characters
 * each side; without ICU the answer is 1. Costs a segmentation of that
 * window (a few microseconds): callers ask only where a candidate match
 * starts, not at every character. */
#define EA_ZH_CONTEXT 4
int ea_zh_word_starts(const char *p, size_t n, size_t at);

/* Does the match [a, b) of [p, p+n) cut words at both ends: start inside a
 * word and end inside a word (the same one or another)? Then its
 * characters only meet by chance: 高意 in 提高|意愿, 微软 in 轻微|软化,
 * 现金 in 兑现|金额. A cut at one end only is not enough to say so: the
 * dictionary does not know most names, and joins their edge to the next
 * word as readily when they are real (英伟|达到, 旭|创新, 泰|国产|能) as
 * when they are not (高|意向). 0 without ICU, and whenever either end
 * touches a non-ideograph (no dictionary is asked then). Costs a
 * segmentation, as ea_zh_word_starts: callers ask it of short matches only
 * (ea_zh_short), the ones two words can make by chance; a name of three
 * ideographs or more (英伟达, 营业收入) is taken as written. */
int ea_zh_cuts_words(const char *p, size_t n, size_t a, size_t b);
/* Is a match of `bytes` bytes short enough to ask ea_zh_cuts_words about:
 * at most two ideographs of the Basic Multilingual Plane? */
static inline int ea_zh_short(size_t bytes) { return bytes <= 6; }

/* One segment: [start, end) in bytes from the span's start. `is_word`: it
 * holds letters, digits or ideographs (0 for spaces and punctuation). */
typedef struct {
    size_t start, end;
    int is_word;
} ea_zh_word;

/* Iterates the segments of a span, in order, covering it without gaps.
 * The fields are private. */
typedef struct {
    const char *text;
    size_t len;
    size_t pos;        /* start of the next segment */
    size_t piece, end; /* the piece ICU holds: [piece, end) */
    void *bi;          /* ICU break iterator owned by this iterator, or NULL */
    void *ut;          /* ICU text over the piece, or NULL */
} ea_zh_words;

/* Start iterating [p, p+n) (valid UTF-8; NUL bytes are fine; p may be NULL
 * when n is 0). The span must outlive the iterator. Long spans are
 * segmented in pieces of up to 1 MB cut at a non-ideograph where there is
 * one near the cut, so a word is split only in a run of more than 4 KB of
 * ideographs. Never fails: without ICU, or when ICU cannot open, it falls
 * back to characters. Pair with ea_zh_words_close. */
void ea_zh_words_open(ea_zh_words *it, const char *p, size_t n);
/* The next segment; returns 0 at the end of the span. */
int ea_zh_words_next(ea_zh_words *it, ea_zh_word *w);
/* Releases what open took; closing a closed or zeroed iterator (or NULL)
 * does nothing. */
void ea_zh_words_close(ea_zh_words *it);
#endif
