/* Sentence spans, computed on demand. A sentence ends at . ? ! followed by
 * space or the end, unless the period belongs to an abbreviation, an
 * initial or a number; at 。！？； anywhere; and in Chinese text at their
 * ASCII forms ! ? ; (next to a Chinese character) and . (between two). */
#include <stdlib.h>
#include <string.h>

#include "call_int.h"

/* With their lengths: each period in the text is checked against all. */
static const struct {
    const char *s;
    size_t n;
} abbrevs[] = {
#define A(x) {x, sizeof(x) - 1}
    A("mr"),  A("mrs"), A("ms"),  A("dr"),  A("st"),   A("jr"),  A("sr"),  A("inc"), A("co"),   A("corp"),
    A("ltd"), A("vs"),  A("no"),  A("approx"), A("u.s"), A("e.g"), A("i.e"), A("etc"), A("prof"), A("jan"),
    A("feb"), A("mar"), A("apr"), A("jun"), A("jul"),  A("aug"), A("sep"), A("sept"), A("oct"), A("nov"),
    A("dec"), A("fig"), A("est"), A("u.k"), A("p.m"),  A("a.m"), A("mln"), A("bn")
#undef A
};

static int is_abbrev(const char *p, size_t wlen) {
    if (wlen == 1 && ea_is_upper((unsigned char)p[0])) return 1; /* initial */
    for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++) {
        size_t n = abbrevs[i].n;
        if (n != wlen) continue;
        size_t k = 0;
        while (k < n && ea_lower((unsigned char)p[k]) == (unsigned char)abbrevs[i].s[k]) k++;
        if (k == n) return 1;
    }
    return 0;
}

/* Does the period at q (in [b, ...)) end an abbreviation or an initial? */
static int abbrev_before(const unsigned char *b, const unsigned char *q) {
    const unsigned char *w = q, *lim = q - (q - b < 12 ? q - b : 12);
    while (w > lim && (ea_is_alpha(w[-1]) || w[-1] == '.')) w--;
    return is_abbrev((const char *)w, (size_t)(q - w));
}

/* Length of a CJK sentence end at p (。！？；), else 0. */
static int cjk_end(const unsigned char *p, const unsigned char *end) {
    if (end - p < 3) return 0;
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x82) return 3; /* 。 */
    if (p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x81 || p[2] == 0x9F || p[2] == 0x9B)) return 3; /* ！？； */
    return 0;
}

/* Chinese text: ideographs and CJK or full-width punctuation. Full-width
 * digits and letters are not: "５.５" is a number. */
static int zh_char(uint32_t cp) {
    return ea_is_cjk(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

/* Is the character at p (< end) Chinese? */
static int zh_at(const unsigned char *p, const unsigned char *end) {
    if (p >= end || *p < 0xE3) return 0; /* U+3000 and up start with E3..F4 */
    uint32_t cp;
    ea_utf8_next(p, end, &cp);
    return zh_char(cp);
}

/* Is the character that ends just before q (> b) Chinese? */
static int zh_before(const unsigned char *b, const unsigned char *q) {
    if (q[-1] < 0x80) return 0;
    const unsigned char *p = q - 1;
    while (p > b && q - p < 4 && (*p & 0xC0) == 0x80) p--;
    uint32_t cp;
    return ea_utf8_next(p, q, &cp) == q - p && zh_char(cp);
}

/* After a Chinese sentence end: more ends (？！, 。。) and closing marks
 * (" ) ” ’ 」 』 ）) still belong to the sentence. */
static const unsigned char *zh_closers(const unsigned char *q, const unsigned char *end) {
    while (q < end) {
        if (*q == '"' || *q == ')' || *q == '!' || *q == '?') {
            q++;
            continue;
        }
        if (end - q < 3) break;
        if (cjk_end(q, end) || (q[0] == 0xE2 && q[1] == 0x80 && (q[2] == 0x9D || q[2] == 0x99)) || /* ” ’ */
            (q[0] == 0xE3 && q[1] == 0x80 && (q[2] == 0x8D || q[2] == 0x8F)) ||                 /* 」 』 */
            (q[0] == 0xEF && q[1] == 0xBC && q[2] == 0x89)) {                                     /* ） */
            q += 3;
            continue;
        }
        break;
    }
    return q;
}

static int push(ea_vec *v, uint32_t para, size_t s, size_t e, const ea_paragraph *p) {
    ea_str t = ea_trim(ea_str_make(p->text.ptr + s, e - s));
    if (!t.len) return 0;
    ea_sentence *x = ea_vec_push(v, sizeof *x, (size_t)-1);
    if (!x) return -1;
    size_t off = (size_t)(t.ptr - p->text.ptr);
    x->para = para;
    x->text = t;
    x->span.start = ea_paragraph_src_offset(p, off);
    x->span.end = ea_paragraph_src_offset(p, off + t.len);
    return 0;
}

/* The bytes a sentence end can start with: . ? ! ; and the lead bytes of
 * 。 (E3) and ！？； (EF). Every other byte is passed over at once. */
static const unsigned char end_lead[256] = {['.'] = 1, ['?'] = 1, ['!'] = 1, [';'] = 1, [0xE3] = 1, [0xEF] = 1};

size_t ea_sentence_end(const char *text, size_t n, size_t from) {
    const unsigned char *b = (const unsigned char *)text, *end = b + n;
    for (const unsigned char *q = b + from; q < end; q++) {
        /* eight bytes at a time while none is . ? ! ; or >= 0x80 */
        for (uint64_t w; end - q >= 8; q += 8) {
            memcpy(&w, q, 8);
            const uint64_t ones = 0x0101010101010101ull;
            if ((w & 0x8080808080808080ull) || ea_zero_bytes(w ^ (ones * '.')) || ea_zero_bytes(w ^ (ones * '?')) ||
                ea_zero_bytes(w ^ (ones * '!')) || ea_zero_bytes(w ^ (ones * ';')))
                break;
        }
        while (q < end && !end_lead[*q]) q++;
        if (q == end) break;
        int k = *q >= 0xE3 ? cjk_end(q, end) : 0;
        if (k) return (size_t)(zh_closers(q + k, end) - b);
        if (*q != '.' && *q != '?' && *q != '!' && *q != ';') continue;
        const unsigned char *r = q + 1;
        while (r < end && (*r == '"' || *r == '\'' || *r == ')' || *r == '.')) r++;
        /* Chinese text written with ASCII punctuation: ! ? ; next to a
           Chinese character end a sentence, and so does . before one
           unless it ends an abbreviation ("U.S.公司"); a decimal point is
           never before one ("1.6T", "５.５"). ';' in other text does not. */
        if (*q == '.' ? zh_at(r, end) && !abbrev_before(b, q) : (q > b && zh_before(b, q)) || zh_at(r, end))
            return (size_t)(zh_closers(r, end) - b);
        if (*q == ';') {
            q = r - 1;
            continue;
        }
        /* every byte is looked at a bounded number of times: resume after
           the run of closing punctuation when this is no boundary */
        if (r < end && *r != ' ') { /* 3.5, U.S.A, e.g. */
            q = r - 1;
            continue;
        }
        if (*q == '.') {
            const unsigned char *nx = r;
            while (nx < end && *nx == ' ') nx++;
            if (abbrev_before(b, q) || (nx < end && ea_is_lower(*nx))) {
                q = r - 1; /* an abbreviation, or the next word is lower-case */
                continue;
            }
        }
        return (size_t)(r - b);
    }
    return n;
}

const ea_sentence *ea_call_sentences(const ea_call *cc, size_t *n) {
    ea_call *c = (ea_call *)cc; /* cache only: the model is unchanged */
    if (!c->sents_done) {
        ea_vec v = {0};
        int bad = 0;
        for (uint32_t i = 0; i < c->paras.n && !bad; i++) {
            const ea_paragraph *p = &((const ea_paragraph *)c->paras.ptr)[i];
            size_t start = 0;
            while (start < p->text.len && !bad) {
                size_t e = ea_sentence_end(p->text.ptr, p->text.len, start);
                if (push(&v, i, start, e, p)) bad = 1;
                start = e;
            }
        }
        if (bad) {
            ea_vec_free(&v);
            *n = 0;
            return NULL;
        }
        c->sents = v.ptr;
        c->n_sents = v.n;
        c->sents_done = 1;
    }
    *n = c->n_sents;
    return c->sents;
}
