/* Bilingual interleaved: every paragraph (speaker lines too) is followed by
 * its machine translation; a summary and a translation disclaimer in the
 * translation's language may come first. */
#include <string.h>

#include "parsers.h"

typedef struct {
    size_t s, e; /* trimmed line */
    ea_lang lang;
} line_t;

static ea_lang lang_of(const char *p, size_t n) {
    /* ASCII text is English (or nothing) without counting letters */
    size_t i = ea_ascii_prefix(p, n);
    if (i == n) {
        for (i = 0; i < n; i++)
            if (ea_is_alpha((unsigned char)p[i])) return EA_LANG_EN;
        return EA_LANG_UNKNOWN;
    }
    /* Nor is text whose part that ea_lang_count reads has no byte that can
       start an ideograph (U+3400 and up start with E3..F4; ’ and “ are E2):
       it would count no CJK, so only whether a Latin letter is there
       decides. */
    size_t m = n < 2048 ? n : 2048;
    while (i < m && (unsigned char)p[i] < 0xE3) {
        i++;
        i += ea_ascii_prefix(p + i, m - i);
    }
    if (i >= m) {
        for (i = 0; i < m; i++)
            if (ea_is_alpha((unsigned char)p[i])) return EA_LANG_EN;
        return EA_LANG_UNKNOWN;
    }
    ea_lang_counts k = {0, 0, 0, 0};
    ea_lang_count(p, n, 2048, &k);
    return ea_lang_guess(&k);
}

static int is_zh(ea_lang l) { return l == EA_LANG_ZH_HANS || l == EA_LANG_ZH_HANT; }
static int same_family(ea_lang a, ea_lang b) { return a == b || (is_zh(a) && is_zh(b)); }

/* Next non-blank line from the iterator. */
static int next_line(ea_lines *it, const char *base, size_t off, line_t *out) {
    size_t s, e;
    while (ea_lines_next(it, &s, &e)) {
        ea_str l = ea_trim(ea_str_make(base + off + s, e - s));
        if (!l.len) continue;
        out->s = (size_t)(l.ptr - base);
        out->e = out->s + l.len;
        out->lang = lang_of(l.ptr, l.len);
        return 1;
    }
    return 0;
}

static int lines_equal(const char *t, const line_t *a, const line_t *b) {
    return a->e - a->s == b->e - b->s && memcmp(t + a->s, t + b->s, a->e - a->s) == 0;
}

void ea_sniff_bilingual(const char *text, size_t len, ea_sniff *out) {
    ea_lines it;
    ea_lines_init(&it, text, len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES);
    line_t prev, cur;
    size_t content = 0, pairs = 0, dups = 0;
    int have = 0;
    while (it.lineno < EA_SNIFF_LINES && next_line(&it, text, 0, &cur)) {
        content++;
        if (have) {
            if (lines_equal(text, &prev, &cur)) {
                dups++;
                have = 0; /* a pair is consumed */
                continue;
            }
            if (prev.lang != EA_LANG_UNKNOWN && cur.lang != EA_LANG_UNKNOWN &&
                !same_family(prev.lang, cur.lang)) {
                pairs++;
                have = 0;
                continue;
            }
        }
        prev = cur;
        have = 1;
    }
    if (content < 4) {
        out->score = 0;
        return;
    }
    size_t paired = 2 * (pairs + dups);
    out->score = paired * 10 >= content * 7 && pairs >= 2 ? 92 : paired * 10 >= content * 4 && pairs >= 2 ? 50 : 0;
    snprintf(out->why, sizeof out->why,
             "%zu of %zu lines pair as original + translation (%zu identical speaker pairs)",
             paired, content, dups);
}

static int is_disclaimer(ea_str l) {
    return ea_find(l, "警語") || ea_find(l, "警语") || ea_find(l, "免責") || ea_find(l, "免责") ||
           ea_find(l, "僅供參考") || ea_find(l, "仅供参考") || ea_ifind(l, "disclaimer") ||
           ea_ifind(l, "machine translation") || ea_ifind(l, "for reference only");
}

int ea_parse_bilingual(ea_call *c, size_t start) {
    const char *t = c->text;
    /* 1. the original's language: in the pairs that differ, the language
       of the first line wins by majority (a leading summary in the other
       language is outvoted) */
    ea_lines it;
    line_t a, b;
    size_t votes_en = 0, votes_zh = 0;
    {
        ea_lines_init(&it, t + start, c->text_len - start);
        int have = 0;
        line_t prev;
        while (it.lineno < EA_SNIFF_LINES * 4 && next_line(&it, t, start, &a)) {
            if (have && lines_equal(t, &prev, &a)) {
                have = 0;
                continue;
            }
            if (have && prev.lang != EA_LANG_UNKNOWN && a.lang != EA_LANG_UNKNOWN &&
                !same_family(prev.lang, a.lang)) {
                if (is_zh(prev.lang)) votes_zh++;
                else votes_en++;
                have = 0;
                continue;
            }
            prev = a;
            have = 1;
        }
    }
    ea_lang orig = votes_zh > votes_en ? EA_LANG_ZH_HANS : EA_LANG_EN;
    ea_b_explain(c, "bilingual: original language %s", ea_lang_name(orig));

    /* 2. header: leading lines that do not start a pair. A line starts a
       pair when it is a speaker line (or repeated on the next line), or
       when the next line is in the other language and is not a speaker
       line. */
    ea_lines_init(&it, t + start, c->text_len - start);
    int have_a = next_line(&it, t, start, &a);
    int have_b = have_a && next_line(&it, t, start, &b);
    size_t sum_s = 0, sum_e = 0;
    while (have_a) {
        ea_str l = ea_str_make(t + a.s, a.e - a.s);
        ea_speaker_line sl;
        int dup = have_b && lines_equal(t, &a, &b);
        if (dup || ea_speaker_line_parse(l, 0, &sl)) break;
        if (have_b && b.lang != EA_LANG_UNKNOWN && !same_family(a.lang, b.lang) &&
            !ea_speaker_line_parse(ea_str_make(t + b.s, b.e - b.s), 0, &sl) && !is_disclaimer(l))
            break;
        if (is_disclaimer(l)) {
            c->info.disclaimer = l;
            c->info.disclaimer_span.start = a.s;
            c->info.disclaimer_span.end = a.e;
        } else {
            if (!sum_e) sum_s = a.s;
            sum_e = a.e;
        }
        a = b;
        have_a = have_b;
        have_b = have_a && next_line(&it, t, start, &b);
    }
    if (sum_e) {
        c->info.summary = ea_str_make(t + sum_s, sum_e - sum_s);
        c->info.summary_span.start = sum_s;
        c->info.summary_span.end = sum_e;
    }

    /* 3. body: pairs */
    while (have_a) {
        ea_str l = ea_str_make(t + a.s, a.e - a.s);
        ea_speaker_line sl;
        int dup = have_b && lines_equal(t, &a, &b);
        if (ea_speaker_line_parse(l, dup, &sl)) {
            int32_t who = ea_b_participant(c, sl.name, sl.title, sl.affil, sl.role, sl.from);
            if (who < 0 || ea_b_turn(c, who, a.s)) return -1;
            /* the speaker line's translation: identical, or a short line in
               the other language */
            if (have_b && (dup || (!same_family(b.lang, orig) && b.e - b.s < 80 &&
                                   !ea_find(ea_str_make(t + b.s, b.e - b.s), "。")))) {
                have_a = next_line(&it, t, start, &a);
            } else {
                a = b;
                have_a = have_b;
            }
            have_b = have_a && next_line(&it, t, start, &b);
            continue;
        }
        int32_t pi = ea_b_para(c, a.s, a.e);
        if (pi == -1) return -1;
        ea_b_paras(c)[pi].lang = a.lang;
        if (have_b && !same_family(b.lang, a.lang) && b.lang != EA_LANG_UNKNOWN &&
            !ea_speaker_line_parse(ea_str_make(t + b.s, b.e - b.s), 0, &sl)) {
            if (ea_b_translation(c, (uint32_t)pi, b.s, b.e)) return -1;
            have_a = next_line(&it, t, start, &a);
        } else {
            a = b;
            have_a = have_b;
        }
        have_b = have_a && next_line(&it, t, start, &b);
    }
    return 0;
}
