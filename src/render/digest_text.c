/* The digest as text for a terminal, or as Markdown in the layout of a
 * themed call summary: headings, bullets ending in [n] citations, then the
 * numbered source paragraphs the citations point to. */
#include <stdio.h>
#include <string.h>

#include "summarize/digest_int.h"
#include "util/buf.h"
#include "util/text.h"

typedef struct {
    ea_buf b;
    const dg_t *dg;
    int md;
} out_t;

static int zh(const dg_t *dg) { return dg->lang != EA_LANG_EN; }

static const char *L(const dg_t *dg, const char *en, const char *zh_s, const char *zh_t) {
    return dg->lang == EA_LANG_ZH_HANS ? zh_s : dg->lang == EA_LANG_ZH_HANT ? zh_t : en;
}

/* Markdown: escape the characters that would start markup in running
   text; text mode: drop control characters (a transcript's bytes never
   reach the terminal as escapes) */
static void text(out_t *o, ea_str s) {
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c < 0x20 || c == 0x7F) {
            ea_buf_putc(&o->b, ' ');
            continue;
        }
        if (o->md && (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' ||
                      c == '>' || c == '#' || c == '|')) {
            ea_buf_putc(&o->b, '\\');
        }
        ea_buf_putc(&o->b, (char)c);
    }
}

/* how many terminal columns a line takes, for the rule under a title:
   a character from U+3000 up (CJK, kana, Hangul, full-width forms: UTF-8
   lead byte E3 and above) takes two, everything else one */
static size_t columns(ea_str s) {
    size_t w = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if ((c & 0xC0) == 0x80) continue; /* a continuation byte */
        w += c >= 0xE3 ? 2 : 1;
    }
    return w;
}

static void cites(out_t *o, const dg_item *it) {
    for (uint32_t i = 0; i < it->n_cites; i++) {
        char t[24];
        int n = o->md ? snprintf(t, sizeof t, "[%u](#p%u)", it->cites[i] + 1, it->cites[i] + 1)
                      : snprintf(t, sizeof t, "[%u]", it->cites[i] + 1);
        if (i == 0) ea_buf_putc(&o->b, ' ');
        if (n > 0) ea_buf_append(&o->b, t, (size_t)n);
    }
}

static void quote(out_t *o, const dg_item *it) {
    if (!(o->dg->flags & EA_DIGEST_QUOTE) || it->quote.end <= it->quote.start) return;
    size_t tl;
    const char *t = ea_call_text(o->dg->call, &tl);
    if (it->quote.end > tl) return;
    ea_buf_puts(&o->b, o->md ? "\n  > " : "\n      \xE2\x80\x9C");
    text(o, ea_trim(ea_str_make(t + it->quote.start, it->quote.end - it->quote.start)));
    if (!o->md) ea_buf_puts(&o->b, "\xE2\x80\x9D");
}

static void bullet(out_t *o, const dg_item *it) {
    ea_buf_puts(&o->b, o->md ? "- " : "  - ");
    text(o, it->text);
    cites(o, it);
    quote(o, it);
    ea_buf_putc(&o->b, '\n');
}

static void heading(out_t *o, const char *h, int level) {
    if (o->md) {
        ea_buf_puts(&o->b, level == 1 ? "# " : level == 2 ? "\n## " : "\n### ");
        ea_buf_puts(&o->b, h);
        ea_buf_putc(&o->b, '\n');
    } else {
        ea_buf_putc(&o->b, '\n');
        ea_buf_puts(&o->b, h);
        ea_buf_putc(&o->b, '\n');
    }
}

static void field(out_t *o, const char *label, ea_str v) {
    if (!v.len) return;
    ea_buf_puts(&o->b, o->md ? "- **" : "  ");
    ea_buf_puts(&o->b, label);
    ea_buf_puts(&o->b, o->md ? ":** " : ": ");
    text(o, v);
    ea_buf_putc(&o->b, '\n');
}

static void tone_line(out_t *o, const dg_tone *t) {
    const ea_participant *p = ea_call_participant(o->dg->call, (size_t)t->speaker);
    ea_buf_puts(&o->b, o->md ? "- " : "  - ");
    text(o, p->name);
    ea_buf_puts(&o->b, " (");
    ea_buf_puts(&o->b, ea_role_name(p->role));
    ea_buf_puts(&o->b, "): ");
    char s[160];
    int n = zh(o->dg) ? snprintf(s, sizeof s, "%u 句，信心用语 %u，保留用语 %u，前瞻性表述 %u", t->sentences,
                                 t->confident, t->hedges, t->forward)
                      : snprintf(s, sizeof s, "%u sentences, %u confident, %u hedging, %u forward-looking",
                                 t->sentences, t->confident, t->hedges, t->forward);
    if (n > 0) ea_buf_append(&o->b, s, (size_t)n < sizeof s ? (size_t)n : sizeof s - 1);
    ea_buf_putc(&o->b, '\n');
}

/* Minutes of a Chinese call (English, or Chinese with --lang zh): a note
   that the text is generated, then each section as a heading of its own */
static void minutes_of_zh(out_t *o) {
    const dg_t *dg = o->dg;
    if (zh(dg))
        ea_buf_puts(&o->b, o->md ? L(dg, "", "*本纪要由 earnest 根据会议原文自动生成，数字均引自所注段落。*\n",
                                     "*本紀要由 earnest 根據會議原文自動生成，數字均引自所注段落。*\n")
                                 : L(dg, "", "（本纪要由 earnest 根据会议原文自动生成，数字均引自所注段落）\n",
                                     "（本紀要由 earnest 根據會議原文自動生成，數字均引自所注段落）\n"));
    else
        ea_buf_puts(&o->b, o->md ? "*English minutes composed by earnest from the Chinese transcript: every figure is "
                                   "stated in the paragraph cited.*\n"
                                 : "(English minutes composed by earnest from the Chinese transcript: every figure is "
                                   "stated in the paragraph cited.)\n");
    for (size_t i = 0; i < dg->n_themes; i++) {
        const dg_section *s = &dg->themes[i];
        heading(o, s->heading, 2);
        for (size_t k = 0; k < s->n; k++) bullet(o, &s->items[k]);
    }
}

ea_status ea_dg_write_text(const dg_t *dg, ea_write_fn write, void *ctx, int md) {
    out_t o;
    ea_buf_init(&o.b, 0);
    o.dg = dg;
    o.md = md;
    const ea_call_info *in = ea_call_get_info(dg->call);
    /* header */
    if (md) ea_buf_puts(&o.b, "# ");
    text(&o, dg->title);
    ea_buf_putc(&o.b, '\n');
    if (!md) {
        size_t w = columns(dg->title);
        for (size_t i = 0; i < w && i < 78; i++) ea_buf_putc(&o.b, '=');
        ea_buf_putc(&o.b, '\n');
    } else {
        ea_buf_putc(&o.b, '\n');
    }
    if (dg->zh_source && zh(dg)) {
        /* Chinese minutes of a Chinese call: the title is the call's own;
           its time under it, then the sections */
        if (dg->when.len) {
            ea_buf_puts(&o.b, L(dg, "", "时间：", "時間："));
            text(&o, dg->when);
            ea_buf_puts(&o.b, md ? "  \n" : "\n");
        }
        minutes_of_zh(&o);
        goto done;
    }
    if (dg->zh_source) {
        /* English minutes of a Chinese call: sections, then the call's own
           title and time */
        minutes_of_zh(&o);
        ea_buf_puts(&o.b, "\n");
        text(&o, dg->source_title);
        if (dg->source_title.len) ea_buf_puts(&o.b, md ? "  \n" : "\n");
        text(&o, dg->when);
        if (dg->when.len) ea_buf_putc(&o.b, '\n');
        goto done;
    }
    field(&o, L(dg, "Company", "公司", "公司"), in->company);
    if (in->ticker.len) {
        ea_buf b2;
        ea_buf_init(&b2, 256);
        if (in->exchange.len) {
            ea_buf_append(&b2, in->exchange.ptr, in->exchange.len);
            ea_buf_putc(&b2, ':');
        }
        ea_buf_append(&b2, in->ticker.ptr, in->ticker.len);
        field(&o, L(dg, "Ticker", "代码", "代碼"), ea_str_make(b2.ptr, b2.len));
        ea_buf_free(&b2);
    }
    if (dg->title.ptr != in->event_title.ptr) field(&o, L(dg, "Event", "会议", "會議"), in->event_title);
    if (in->period.len) {
        ea_buf b2;
        ea_buf_init(&b2, 256);
        ea_buf_append(&b2, in->period.ptr, in->period.len);
        if (in->period_inferred) ea_buf_puts(&b2, zh(dg) ? "（推断）" : " (inferred)");
        field(&o, L(dg, "Period", "期间", "期間"), ea_str_make(b2.ptr, b2.len));
        ea_buf_free(&b2);
    }
    field(&o, L(dg, "Date", "日期", "日期"), in->date);
    if (zh(dg))
        ea_buf_puts(&o.b, md ? "\n*本摘要由 earnest 自动生成，数字均引自原文段落。*\n"
                             : "\n（本摘要由 earnest 自动生成，数字均引自原文段落）\n");
    if (dg->n_key) {
        heading(&o, L(dg, "Key figures", "关键数据", "關鍵數據"), 2);
        for (size_t i = 0; i < dg->n_key; i++) bullet(&o, &dg->key[i]);
    }
    if (dg->n_guide) {
        heading(&o, L(dg, "Guidance", "业绩指引", "業績指引"), 2);
        for (size_t i = 0; i < dg->n_guide; i++) bullet(&o, &dg->guide[i]);
    }
    if (dg->n_themes) {
        heading(&o, L(dg, "Minutes", "会议纪要", "會議紀要"), 2);
        for (size_t i = 0; i < dg->n_themes; i++) {
            const dg_section *s = &dg->themes[i];
            if (md) heading(&o, s->heading, 3);
            else {
                ea_buf_puts(&o.b, " ");
                ea_buf_puts(&o.b, s->heading);
                ea_buf_putc(&o.b, '\n');
            }
            for (size_t k = 0; k < s->n; k++) bullet(&o, &s->items[k]);
        }
    }
    if (dg->n_qa) {
        heading(&o, L(dg, "Q&A", "问答", "問答"), 2);
        for (size_t i = 0; i < dg->n_qa; i++) {
            const dg_qa *q = &dg->qa[i];
            char num[32];
            int n = snprintf(num, sizeof num, md ? "%zu. **" : "  %zu. ", i + 1);
            if (n > 0) ea_buf_append(&o.b, num, (size_t)n);
            if (q->name.len) text(&o, q->name);
            else ea_buf_puts(&o.b, L(dg, "Analyst", "分析师", "分析師"));
            if (q->firm.len) {
                ea_buf_puts(&o.b, ", ");
                text(&o, q->firm);
            }
            ea_buf_puts(&o.b, md ? "**\n" : "\n");
            ea_buf_puts(&o.b, md ? "   - Q: " : "     Q: ");
            text(&o, q->question.text);
            cites(&o, &q->question);
            ea_buf_putc(&o.b, '\n');
            if (q->answer.text.len) {
                ea_buf_puts(&o.b, md ? "   - A: " : "     A: ");
                text(&o, q->answer.text);
                cites(&o, &q->answer);
                ea_buf_putc(&o.b, '\n');
            }
            if (q->evasive) {
                ea_buf_puts(&o.b, md ? "   - " : "     ");
                ea_buf_puts(&o.b, L(dg, "Flag: the answer avoids the question (\"", "提示：回答回避了问题（“",
                                    "提示：回答迴避了問題（「"));
                text(&o, ea_str_make(q->evasive, strlen(q->evasive)));
                ea_buf_puts(&o.b, L(dg, "\")", "”）", "」）"));
                ea_buf_putc(&o.b, '\n');
            }
        }
    }
    if (dg->n_tone) {
        heading(&o, L(dg, "Tone", "语气", "語氣"), 2);
        for (size_t i = 0; i < dg->n_tone; i++) tone_line(&o, &dg->tone[i]);
        char s[128];
        int n = zh(dg) ? snprintf(s, sizeof s, "%s前瞻性表述共 %u 句\n", md ? "- " : "  ", dg->forward_total)
                       : snprintf(s, sizeof s, "%sForward-looking statements: %u sentences\n", md ? "- " : "  ",
                                  dg->forward_total);
        if (n > 0) ea_buf_append(&o.b, s, (size_t)n < sizeof s ? (size_t)n : sizeof s - 1);
    }
done:
    if (md) {
        /* the numbered source paragraphs the citations point to */
        heading(&o, L(dg, "Source", "原文", "原文"), 2);
        size_t np = ea_call_paragraph_count(dg->call);
        for (size_t i = 0; i < np; i++) {
            const ea_paragraph *p = ea_call_paragraph(dg->call, i);
            char a[48];
            int n = snprintf(a, sizeof a, "\n<a id=\"p%u\"></a>**[%u]** ", p->n, p->n);
            if (n > 0) ea_buf_append(&o.b, a, (size_t)n);
            const ea_turn *t = ea_call_turn(dg->call, p->turn);
            if (t && t->speaker >= 0 && (i == 0 || ea_call_paragraph(dg->call, i - 1)->turn != p->turn)) {
                ea_buf_puts(&o.b, "*");
                text(&o, ea_call_participant(dg->call, (size_t)t->speaker)->name);
                ea_buf_puts(&o.b, ":* ");
            }
            text(&o, p->text);
            ea_buf_putc(&o.b, '\n');
            if (p->has_translation) {
                ea_buf_puts(&o.b, "\n> ");
                text(&o, p->tr_text);
                ea_buf_putc(&o.b, '\n');
            }
        }
    }
    int failed = o.b.failed || (o.b.len && write(ctx, o.b.ptr, o.b.len));
    int nomem = o.b.failed;
    ea_buf_free(&o.b);
    return nomem ? EA_ERR_NOMEM : failed ? EA_ERR_IO : EA_OK;
}
