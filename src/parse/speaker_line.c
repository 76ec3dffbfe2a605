/* Speaker header lines, shared by the layouts that use them. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "parsers.h"

/* Title keywords -> role. Checked in order: the first hit wins, so the
 * more specific phrases come first. ASCII ones match case-insensitively at
 * word starts. */
typedef struct {
    const char *kw;
    ea_role role;
} role_kw;

static const role_kw role_kws[] = {
    {"analyst", EA_ROLE_ANALYST},
    {"investor relations", EA_ROLE_IR},
    {"investor relation", EA_ROLE_IR},
    {"head of ir", EA_ROLE_IR},
    {"director of ir", EA_ROLE_IR},
    {"ir ", EA_ROLE_IR},
    {"ir,", EA_ROLE_IR},
    {"ir-", EA_ROLE_IR},
    {"operator", EA_ROLE_OPERATOR},
    {"moderator", EA_ROLE_OPERATOR},
    {"conference coordinator", EA_ROLE_OPERATOR},
    {"host", EA_ROLE_HOST},
    {"expert", EA_ROLE_EXPERT},
    {"consultant", EA_ROLE_EXPERT},
    {"former ", EA_ROLE_EXPERT},
    {"chief", EA_ROLE_EXECUTIVE},
    {"officer", EA_ROLE_EXECUTIVE},
    {"ceo", EA_ROLE_EXECUTIVE},
    {"cfo", EA_ROLE_EXECUTIVE},
    {"coo", EA_ROLE_EXECUTIVE},
    {"cto", EA_ROLE_EXECUTIVE},
    {"president", EA_ROLE_EXECUTIVE},
    {"chairman", EA_ROLE_EXECUTIVE},
    {"chairwoman", EA_ROLE_EXECUTIVE},
    {"chair", EA_ROLE_EXECUTIVE},
    {"founder", EA_ROLE_EXECUTIVE},
    {"director", EA_ROLE_EXECUTIVE},
    {"vp", EA_ROLE_EXECUTIVE},
    {"svp", EA_ROLE_EXECUTIVE},
    {"evp", EA_ROLE_EXECUTIVE},
    {"treasurer", EA_ROLE_EXECUTIVE},
    {"controller", EA_ROLE_EXECUTIVE},
    {"head of", EA_ROLE_EXECUTIVE},
    {"general manager", EA_ROLE_EXECUTIVE},
    {"general counsel", EA_ROLE_EXECUTIVE},
    {"secretary", EA_ROLE_EXECUTIVE},
    {"executive", EA_ROLE_EXECUTIVE},
    {"manager", EA_ROLE_EXECUTIVE},
    {"principal accounting", EA_ROLE_EXECUTIVE},
    /* buy-side and sell-side titles before "经理" (executive) */
    {"基金经理", EA_ROLE_ANALYST},
    {"基金經理", EA_ROLE_ANALYST},
    {"投资经理", EA_ROLE_ANALYST},
    {"投資經理", EA_ROLE_ANALYST},
    {"研究员", EA_ROLE_ANALYST},
    {"研究員", EA_ROLE_ANALYST},
    {"证券事务代表", EA_ROLE_IR},
    {"證券事務代表", EA_ROLE_IR},
    {"主持人", EA_ROLE_HOST},
    {"主持", EA_ROLE_HOST},
    {"分析师", EA_ROLE_ANALYST},
    {"分析師", EA_ROLE_ANALYST},
    {"投资者关系", EA_ROLE_IR},
    {"投資者關係", EA_ROLE_IR},
    {"董秘", EA_ROLE_IR},
    {"董事会秘书", EA_ROLE_IR},
    {"董事會秘書", EA_ROLE_IR},
    {"专家", EA_ROLE_EXPERT},
    {"專家", EA_ROLE_EXPERT},
    {"嘉宾", EA_ROLE_EXPERT},
    {"嘉賓", EA_ROLE_EXPERT},
    {"董事长", EA_ROLE_EXECUTIVE},
    {"董事長", EA_ROLE_EXECUTIVE},
    {"总经理", EA_ROLE_EXECUTIVE},
    {"總經理", EA_ROLE_EXECUTIVE},
    {"总裁", EA_ROLE_EXECUTIVE},
    {"總裁", EA_ROLE_EXECUTIVE},
    {"首席", EA_ROLE_EXECUTIVE},
    {"总监", EA_ROLE_EXECUTIVE},
    {"總監", EA_ROLE_EXECUTIVE},
    {"副总", EA_ROLE_EXECUTIVE},
    {"副總", EA_ROLE_EXECUTIVE},
    {"经理", EA_ROLE_EXECUTIVE},
    {"經理", EA_ROLE_EXECUTIVE},
    {"财务", EA_ROLE_EXECUTIVE},
    {"財務", EA_ROLE_EXECUTIVE},
    {"顾问", EA_ROLE_EXPERT},
    {"顧問", EA_ROLE_EXPERT},
    {"董事", EA_ROLE_EXECUTIVE},
    {"主席", EA_ROLE_EXECUTIVE},
    {"行长", EA_ROLE_EXECUTIVE},
    {"行長", EA_ROLE_EXECUTIVE},
    {"创始人", EA_ROLE_EXECUTIVE},
    {"創始人", EA_ROLE_EXECUTIVE},
    {"高管", EA_ROLE_EXECUTIVE},
    {"负责人", EA_ROLE_EXECUTIVE},
    {"負責人", EA_ROLE_EXECUTIVE},
};

#define N_ROLE_KWS (sizeof role_kws / sizeof role_kws[0])
/* The ASCII keywords by first byte (lower-cased), in table order:
 * kw_order[kw_first[c] .. kw_first[c + 1]). Built once. */
static uint8_t kw_first[257], kw_order[N_ROLE_KWS], kw_len[N_ROLE_KWS];
static pthread_once_t kw_once = PTHREAD_ONCE_INIT;

static void index_keywords(void) {
    _Static_assert(N_ROLE_KWS < 256, "keyword indices fit a byte");
    size_t count[256] = {0};
    for (size_t k = 0; k < N_ROLE_KWS; k++) {
        const unsigned char *kw = (const unsigned char *)role_kws[k].kw;
        kw_len[k] = (uint8_t)strlen(role_kws[k].kw);
        if (kw[0] < 0x80) count[ea_lower(kw[0])]++;
    }
    size_t at = 0;
    for (int c = 0; c < 256; c++) {
        kw_first[c] = (uint8_t)at;
        at += count[c];
    }
    kw_first[256] = (uint8_t)at;
    size_t fill[256];
    for (int c = 0; c < 256; c++) fill[c] = kw_first[c];
    for (size_t k = 0; k < N_ROLE_KWS; k++) {
        const unsigned char *kw = (const unsigned char *)role_kws[k].kw;
        if (kw[0] < 0x80) kw_order[fill[ea_lower(kw[0])]++] = (uint8_t)k;
    }
}

/* ASCII keyword k at t[i], case-insensitively, ending at a word end when
 * it ends in a letter ("vp" must be a word; "chief" may start "chief
 * financial"). */
static int ascii_kw_at(ea_str t, size_t i, size_t k) {
    const unsigned char *p = (const unsigned char *)t.ptr + i, *kw = (const unsigned char *)role_kws[k].kw;
    size_t n = kw_len[k];
    if (t.len - i < n) return 0;
    for (size_t j = 0; j < n; j++)
        if (ea_lower(p[j]) != ea_lower(kw[j])) return 0;
    return i + n >= t.len || !ea_is_alpha(p[n]) || !ea_is_alpha(kw[n - 1]);
}

/* A six-bit hash of a character of three bytes or more at p. */
static unsigned char_bit(const unsigned char *p) { return ((p[1] & 0x3Fu) ^ (p[2] & 0x3Fu) * 5u) & 63u; }

/* The first keyword in table order that the title holds gives the role.
 * ASCII keywords count only at a word start: one pass over the word starts
 * tries the keywords with that first letter, and keeps the earliest in the
 * table. Others (Chinese) count anywhere, and are looked for only when the
 * title has their first byte and, for a character of three bytes or more,
 * a character of the same char_bit. */
ea_role ea_role_from_title(ea_str t) {
    pthread_once(&kw_once, index_keywords);
    t = ea_trim(t);
    if (!t.len) return EA_ROLE_UNKNOWN;
    if (ea_ieq(t, "ir")) return EA_ROLE_IR;
    const unsigned char *p = (const unsigned char *)t.ptr;
    size_t best = N_ROLE_KWS;
    uint64_t leads = 0; /* UTF-8 lead bytes (0xC0..0xFF) in the title */
    uint64_t chars = 0; /* char_bit of its characters of three bytes or more */
    for (size_t i = 0; i < t.len; i++) {
        if (p[i] >= 0xC0) {
            leads |= (uint64_t)1 << (p[i] - 0xC0);
            if (p[i] >= 0xE0 && t.len - i >= 3) chars |= (uint64_t)1 << char_bit(p + i);
        }
        if (i > 0 && ea_is_alpha(p[i - 1])) continue;
        unsigned char c = ea_lower(p[i]);
        for (size_t o = kw_first[c]; o < kw_first[c + 1] && kw_order[o] < best; o++) {
            if (ascii_kw_at(t, i, kw_order[o])) {
                best = kw_order[o];
                break;
            }
        }
    }
    for (size_t k = 0; k < best; k++) {
        const unsigned char *kw = (const unsigned char *)role_kws[k].kw;
        if (kw[0] >= 0xC0 && (leads >> (kw[0] - 0xC0) & 1) && (kw[0] < 0xE0 || (chars >> char_bit(kw) & 1)) &&
            ea_find(t, role_kws[k].kw))
            return role_kws[k].role;
    }
    return best < N_ROLE_KWS ? role_kws[best].role : EA_ROLE_UNKNOWN;
}

static int is_particle(ea_str w) {
    static const char *const parts[] = {"de", "van", "von", "da", "di", "la", "le", "du",
                                        "del", "der", "den", "bin", "al", "dos", "das",
                                        "y", "ter", "st.", "mac", "e"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (ea_ieq(w, parts[i])) return 1;
    return 0;
}

int ea_looks_like_name(ea_str s) {
    s = ea_trim(s);
    if (s.len == 0 || s.len > 60) return 0;
    const unsigned char *p = (const unsigned char *)s.ptr;
    size_t i = 0, words = 0;
    while (i < s.len) {
        while (i < s.len && p[i] == ' ') i++;
        if (i >= s.len) break;
        size_t ws = i;
        while (i < s.len && p[i] != ' ') i++;
        ea_str w = ea_str_make(s.ptr + ws, i - ws);
        words++;
        if (words > 6) return 0;
        unsigned char c0 = p[ws];
        int cap = ea_is_upper(c0) || c0 >= 0x80 || c0 == '(' || c0 == '\'' || c0 == '"';
        if (!cap && !is_particle(w)) return 0;
        for (size_t k = ws; k < i; k++) {
            unsigned char c = p[k];
            if (ea_is_digit(c)) return 0;
            if (c == '.' && !(k + 1 == i || p[k + 1] == ' ' || ea_is_upper(p[k + 1]))) return 0;
            if (c == '?' || c == '!' || c == ':' || c == ';' || c == '[' || c == '/' ||
                c == '$' || c == '%' || c == '&')
                return 0;
        }
    }
    if (words == 0) return 0;
    /* a name does not end like a sentence; "Jr." and initials do */
    if (p[s.len - 1] == '.' && !(s.len >= 3 && (ea_iends(s, "jr.") || ea_iends(s, "sr.") ||
                                                 (p[s.len - 3] == ' ' && ea_is_upper(p[s.len - 2])))))
        return 0;
    return 1;
}

/* Find " - ", " -- ", " – ", " — " (dash with spaces around): the first
 * space that starts one. Dashes are rarer than spaces, so memchr looks for
 * '-' and for the lead byte of – and —, and the spaces are checked there. */
static const char *find_dash(ea_str s, size_t *dlen) {
    if (!s.len) return NULL; /* s.ptr may be NULL */
    const char *end = s.ptr + s.len, *best = NULL;
    for (const char *q = s.ptr; q < end && (q = memchr(q, '-', (size_t)(end - q))) != NULL; q++) {
        if (q == s.ptr || q[-1] != ' ') continue;
        size_t n = q + 1 < end && q[1] == '-' ? 2 : 1; /* "--" before "-" */
        if (q + n < end && q[n] == ' ') {
            best = q - 1;
            *dlen = n + 2;
            break;
        }
    }
    /* an en or em dash before it */
    const char *lim = best ? best : end;
    for (const char *q = s.ptr; q < lim && (q = memchr(q, 0xE2, (size_t)(lim - q))) != NULL; q++) {
        if (q > s.ptr && q[-1] == ' ' && end - q > 3 && (unsigned char)q[1] == 0x80 &&
            ((unsigned char)q[2] == 0x93 || (unsigned char)q[2] == 0x94) && q[3] == ' ') {
            *dlen = 5;
            return q - 1;
        }
    }
    return best;
}

void ea_split_affil_title(ea_str rest, ea_str *affil, ea_str *title) {
    size_t dl;
    const char *d = find_dash(rest, &dl);
    *affil = ea_str_make(NULL, 0);
    *title = ea_trim(rest);
    if (d) {
        *affil = ea_trim(ea_str_make(rest.ptr, (size_t)(d - rest.ptr)));
        *title = ea_trim(ea_str_make(d + dl, (size_t)(rest.ptr + rest.len - d - dl)));
        /* "Company -- Analyst" vs "Title - Company": the side with a role
           keyword is the title */
        if (ea_role_from_title(*title) == EA_ROLE_UNKNOWN &&
            ea_role_from_title(*affil) != EA_ROLE_UNKNOWN) {
            ea_str t = *affil;
            *affil = *title;
            *title = t;
        }
    }
}

int ea_speaker_line_parse(ea_str line, int allow_bare, ea_speaker_line *out) {
    memset(out, 0, sizeof *out);
    out->number = -1;
    line = ea_trim(line);
    if (line.len == 0 || line.len > 200) return 0;
    /* trailing "[7]" */
    if (line.ptr[line.len - 1] == ']') {
        size_t i = line.len - 1, v = 0, mul = 1;
        while (i > 0 && ea_is_digit((unsigned char)line.ptr[i - 1]) && mul < 1000000) {
            v += (size_t)(line.ptr[i - 1] - '0') * mul;
            mul *= 10;
            i--;
        }
        if (i > 0 && line.ptr[i - 1] == '[' && mul > 1) {
            out->number = (int)v;
            line = ea_trim(ea_str_make(line.ptr, i - 1));
        }
    }
    if (line.len == 0) return 0;
    if (ea_ieq(line, "operator") || ea_ieq(line, "moderator") ||
        ea_ieq(line, "conference operator") || ea_ieq(line, "unidentified participant") ||
        ea_ieq(line, "unknown speaker") || ea_ieq(line, "unidentified analyst") ||
        ea_ieq(line, "unidentified company representative")) {
        out->name = line;
        out->role = ea_ieq(line, "operator") || ea_ieq(line, "moderator") ||
                            ea_ieq(line, "conference operator")
                        ? EA_ROLE_OPERATOR
                        : EA_ROLE_UNKNOWN;
        out->from = EA_FROM_NAME;
        return 1;
    }
    unsigned char last = (unsigned char)line.ptr[line.len - 1];
    if (last == '?' || last == '!' || last == ':' || last == ';' || last == ',') return 0;
    /* a long line ending a sentence is speech ("Inc." titles are short) */
    if (last == '.' && line.len > 100) return 0;
    size_t dl;
    const char *d = find_dash(line, &dl);
    ea_str head = d ? ea_trim(ea_str_make(line.ptr, (size_t)(d - line.ptr))) : line;
    ea_str rest = d ? ea_trim(ea_str_make(d + dl, (size_t)(line.ptr + line.len - d - dl)))
                    : ea_str_make(NULL, 0);
    /* "Name, Company - Title": the comma splits the head */
    ea_str name = head, affil = ea_str_make(NULL, 0), title = ea_str_make(NULL, 0);
    const char *comma = memchr(head.ptr, ',', head.len);
    if (comma) {
        name = ea_trim(ea_str_make(head.ptr, (size_t)(comma - head.ptr)));
        affil = ea_trim(ea_str_make(comma + 1, (size_t)(head.ptr + head.len - comma - 1)));
        if (!d && !allow_bare) return 0;
    }
    if (!ea_looks_like_name(name)) return 0;
    if (d) {
        if (rest.len == 0) return 0;
        /* a sentence after the dash is speech, not a title */
        if (last == '.' && !ea_iends(rest, "inc.") && !ea_iends(rest, "co.") &&
            !ea_iends(rest, "corp.") && !ea_iends(rest, "ltd.") && !ea_iends(rest, "l.p.") &&
            !ea_iends(rest, "llc."))
            return 0;
        ea_str a2, t2;
        ea_split_affil_title(rest, &a2, &t2);
        if (affil.len) {
            title = rest;
        } else {
            affil = a2;
            title = t2;
        }
        /* titles are short and have no sentence inside */
        if (title.len > 120 || ea_find(title, ". ")) return 0;
    } else if (!allow_bare && !comma) {
        return 0;
    }
    out->name = name;
    out->title = title;
    out->affil = affil;
    out->role = ea_role_from_title(title);
    if (out->role == EA_ROLE_UNKNOWN && affil.len) {
        ea_role r = ea_role_from_title(affil);
        if (r == EA_ROLE_ANALYST) {
            out->role = r; /* "Name -- Analyst -- Firm" written the other way */
            ea_str t = out->title;
            out->title = out->affil;
            out->affil = t;
        }
    }
    out->from = out->role != EA_ROLE_UNKNOWN ? EA_FROM_TITLE : EA_FROM_NONE;
    return 1;
}

int ea_text_is_wrapped(const char *text, size_t len) {
    ea_lines it;
    ea_lines_init(&it, text, len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES);
    size_t s, e, joined = 0, content = 0, prev_open = 0;
    while (ea_lines_next(&it, &s, &e) && it.lineno < EA_SNIFF_LINES) {
        ea_str l = ea_trim(ea_str_make(text + s, e - s));
        if (!l.len) {
            prev_open = 0;
            continue;
        }
        content++;
        if (prev_open) joined++;
        unsigned char c = (unsigned char)l.ptr[l.len - 1];
        /* open: a long line cut mid-sentence */
        prev_open = l.len >= 40 && c != '.' && c != '?' && c != '!' && c != '"' && c != ':' &&
                    !(c == 0x9D && l.len >= 3) && !(c >= 0x80 && l.len >= 3 && (unsigned char)l.ptr[l.len - 3] == 0xE3);
    }
    return content >= 4 && joined * 4 >= content;
}
