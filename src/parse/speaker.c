/* Speaker blocks: a line naming the speaker ("Operator", "Jane Doe - CFO",
 * "John Roe -- Acme Securities -- Analyst", "Name, Company - Title [7]"),
 * then that speaker's paragraphs. "Name: text" prefixes work too. */
#include <string.h>

#include "parsers.h"

static int terminal(unsigned char c) { return c == '.' || c == '?' || c == '!' || c == '"'; }

/* "Jane Doe: Thank you..." -> name length, or 0. */
static size_t colon_prefix(ea_str l) {
    size_t lim = l.len < 48 ? l.len : 48;
    if (lim > 1) { /* the first ':' after the first byte, if any, decides */
        const char *colon = memchr(l.ptr + 1, ':', lim - 1);
        if (!colon) return 0;
        size_t i = (size_t)(colon - l.ptr);
        if (i + 1 < l.len && l.ptr[i + 1] != ' ') return 0; /* 10:30 */
        ea_str name = ea_trim(ea_str_make(l.ptr, i));
        if (ea_ieq(name, "operator") || ea_ieq(name, "moderator")) return i;
        return ea_looks_like_name(name) && memchr(name.ptr, ' ', name.len) ? i : 0;
    }
    return 0;
}

void ea_sniff_speaker(const char *text, size_t len, ea_sniff *out) {
    ea_lines it;
    ea_lines_init(&it, text, len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES);
    size_t s, e, speakers = 0, titled = 0, colon = 0, content = 0, ops = 0;
    while (ea_lines_next(&it, &s, &e) && it.lineno < EA_SNIFF_LINES) {
        ea_str l = ea_trim(ea_str_make(text + s, e - s));
        if (!l.len) continue;
        content++;
        ea_speaker_line sl;
        if (ea_speaker_line_parse(l, 0, &sl)) {
            speakers++;
            if (sl.title.len) titled++;
            if (sl.role == EA_ROLE_OPERATOR) ops++;
        } else if (colon_prefix(l)) {
            colon++;
        }
    }
    size_t hits = speakers + colon;
    if (hits < 2 || speakers * 2 > content + 2) {
        out->score = hits ? 10 : 0;
        snprintf(out->why, sizeof out->why, "%zu speaker lines in %zu lines", hits, content);
        return;
    }
    int score = 30 + (int)(titled * 6 + ops * 6 + colon * 4);
    out->score = score > 80 ? 80 : score;
    snprintf(out->why, sizeof out->why, "%zu speaker lines (%zu with titles, %zu operator), %zu 'Name:' prefixes",
             speakers, titled, ops, colon);
}

static int is_zh(ea_lang l) { return l == EA_LANG_ZH_HANS || l == EA_LANG_ZH_HANT; }
static int same_family(ea_lang a, ea_lang b) { return a == b || (is_zh(a) && is_zh(b)); }

static ea_lang line_lang(ea_str l) {
    for (size_t i = 0; i < l.len; i++)
        if ((unsigned char)l.ptr[i] >= 0x80) return ea_lang_detect(l.ptr, l.len);
    return EA_LANG_EN;
}

/* Lines before the first speaker that look like a header: event title and
 * date, not speech. */
static void header_line(ea_call *c, ea_str l) {
    char buf[16];
    if (!c->info.ticker.len) ea_find_ticker(l, &c->info.exchange, &c->info.ticker);
    if (!c->info.date.len) {
        size_t n = ea_find_date(l, buf, sizeof buf);
        if (n) c->info.date = ea_b_strdup(c, buf, n);
    }
    if (!c->info.event_title.len && l.len < 160 &&
        (ea_ifind(l, "call") || ea_ifind(l, "earnings") || ea_ifind(l, "results") ||
         ea_ifind(l, "conference") || ea_ifind(l, "briefing")))
        c->info.event_title = l;
}

int ea_parse_speaker(ea_call *c, size_t start) {
    const char *text = c->text;
    int wrapped = ea_text_is_wrapped(text + start, c->text_len - start);
    if (wrapped) ea_b_explain(c, "paragraphs: hard-wrapped lines joined until a blank line");
    ea_lines it;
    ea_lines_init(&it, text + start, c->text_len - start);
    size_t s, e;
    int started = 0;
    int32_t last_para = -1;
    ea_lang last_lang = EA_LANG_UNKNOWN;
    while (ea_lines_next(&it, &s, &e)) {
        s += start;
        e += start;
        ea_str l = ea_trim(ea_str_make(text + s, e - s));
        if (!l.len) {
            if (c->para_open) ea_b_para_end(c);
            continue;
        }
        size_t ls = (size_t)(l.ptr - text), le = ls + l.len;
        ea_speaker_line sl;
        int known_bare = l.len < 60 && ea_b_find_participant(c, l) >= 0;
        if (ea_speaker_line_parse(l, known_bare, &sl)) {
            int32_t who = ea_b_participant(c, sl.name, sl.title, sl.affil, sl.role, sl.from);
            if (who < 0 || ea_b_turn(c, who, ls)) return -1;
            started = 1;
            continue;
        }
        size_t cp = colon_prefix(l);
        if (cp) {
            ea_str name = ea_trim(ea_str_make(l.ptr, cp));
            ea_role r = ea_ieq(name, "operator") || ea_ieq(name, "moderator") ? EA_ROLE_OPERATOR : EA_ROLE_UNKNOWN;
            int32_t who = ea_b_participant(c, name, ea_str_make(NULL, 0), ea_str_make(NULL, 0), r,
                                           r ? EA_FROM_NAME : EA_FROM_NONE);
            if (who < 0) return -1;
            ea_turn *cur = c->cur_turn >= 0 ? &ea_b_turns(c)[c->cur_turn] : NULL;
            if (!cur || cur->speaker != who) {
                if (ea_b_turn(c, who, ls)) return -1;
            }
            started = 1;
            if (ea_b_para(c, ls + cp + 1, le) == -1) return -1;
            continue;
        }
        if (!started && l.len < 160 && !terminal((unsigned char)l.ptr[l.len - 1])) {
            header_line(c, l);
            continue;
        }
        if (wrapped) {
            if (ea_b_para_add(c, ls, le)) return -1;
            continue;
        }
        /* a line in the other script right after a paragraph is its
           translation (bilingual stretches inside a speaker-block file) */
        ea_lang lang = line_lang(l);
        if (last_para >= 0 && lang != EA_LANG_UNKNOWN && !same_family(lang, last_lang) &&
            !ea_b_paras(c)[last_para].has_translation && c->paras.n == (size_t)last_para + 1) {
            if (ea_b_translation(c, (uint32_t)last_para, ls, le)) return -1;
            continue;
        }
        last_para = ea_b_para(c, ls, le);
        if (last_para == -1) return -1;
        last_lang = lang;
        ea_b_paras(c)[last_para].lang = lang;
    }
    return 0;
}
