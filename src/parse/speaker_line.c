/* Speaker header lines, shared by the layouts that use them. */
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

ea_role ea_role_from_title(ea_str t) {
    t = ea_trim(t);
    if (!t.len) return EA_ROLE_UNKNOWN;
    if (ea_ieq(t, "ir")) return EA_ROLE_IR;
    for (size_t k = 0; k < sizeof role_kws / sizeof role_kws[0]; k++) {
        const char *kw = role_kws[k].kw;
        int ascii = (unsigned char)kw[0] < 0x80;
        if (!ascii) {
            if (ea_find(t, kw)) return role_kws[k].role;
            continue;
        }
        size_t n = strlen(kw);
        for (const char *p = t.ptr; p && (size_t)(t.ptr + t.len - p) >= n;) {
            const char *hit = ea_ifind(ea_str_make(p, (size_t)(t.ptr + t.len - p)), kw);
            if (!hit) break;
            int start_ok = hit == t.ptr || !ea_is_alpha((unsigned char)hit[-1]);
            const char *after = hit + n;
            int end_ok = after >= t.ptr + t.len || !ea_is_alpha((unsigned char)*after) ||
                         !ea_is_alpha((unsigned char)kw[n - 1]);
            /* "vp" must be a word; "chief" may start "chief financial" */
            if (start_ok && end_ok) return role_kws[k].role;
            p = hit + 1;
        }
    }
    return EA_ROLE_UNKNOWN;
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

/* Find " - ", " -- ", " – ", " — " (dash with spaces around). */
static const char *find_dash(ea_str s, size_t *dlen) {
    const char *p = s.ptr, *end = s.ptr + s.len;
    for (; p < end; p++) {
        if (*p != ' ') continue;
        const char *q = p + 1;
        size_t n = 0;
        if (q + 2 <= end && q[0] == '-' && q[1] == '-') n = 2;
        else if (q < end && q[0] == '-') n = 1;
        else if (q + 3 <= end && (unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
                 ((unsigned char)q[2] == 0x93 || (unsigned char)q[2] == 0x94))
            n = 3;
        if (n && q + n < end && q[n] == ' ') {
            *dlen = n + 2;
            return p;
        }
    }
    return NULL;
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
