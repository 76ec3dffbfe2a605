/* Minutes of a Chinese call, in English (the default) or in Chinese
 * (--lang zh). Chinese sentences cannot be copied into an English digest,
 * and a translation model is out of reach, so each bullet is composed
 * from what the call's words say for certain:
 *
 *   - the facts of the sentence (their values, units, periods, changes:
 *     the figures verify checks against the source forms, 4,070万美元 as
 *     $40.7M);
 *   - the companies and products the domain packs name in it, written in
 *     both languages ("Eoptolink (新易盛)");
 *   - cue words from data/zh_minutes.txt: what a clause is about (需求
 *     demand, 扩产 capacity expansion), how it is (紧张 tight), where (泰国
 *     Thailand), whether it is a forecast (预计), what a count counts (只
 *     units);
 *   - period phrases (2026年上半年 1H 2026, 明年下半年 against the call's
 *     year).
 *
 * A sentence is cut into clauses at ，；：; each clause with a topic and
 * something said about it (a figure, a state, a place, a forecast with a
 * period) becomes a statement, and the statements of one sentence one
 * bullet, cited to the sentence's paragraph (and to the question, when an
 * answer borrows its subject from it). A clause is never guessed at: one
 * with words the lexicon does not know simply says less, or nothing.
 * The Chinese minutes write the same statements with Chinese words (the
 * packs' Chinese names, the lexicon's first cues, 万 and 亿), so both
 * languages say the same things with the same citations.
 * Work is linear in the text: each sentence is read once, up to a bounded
 * length, and every per-sentence list has a fixed cap. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest_int.h"
#include "extract/entities_int.h"
#include "extract/qty.h"
#include "model/call_int.h"
#include "util/buf.h"
#include "util/text.h"
#include "zh_minutes_data.h" /* generated from data/zh_minutes.txt */

#define SENT_MAX 2048   /* bytes of a sentence read */
#define MAX_TOKS 96     /* tokens kept per sentence */
#define MAX_CLAUSES 12  /* clauses per sentence */
#define MAX_STMTS 3     /* statements per bullet */
#define PER_SECTION 5   /* bullets per section */
#define MAX_TOTAL 24    /* bullets in all */
#define BULLET_MAX 600  /* bytes of one bullet */

/* ---- sections ------------------------------------------------------------ */

enum { S_OVERVIEW, S_COMPANIES, S_CAPACITY, S_SUPPLY, S_DEMAND, S_COMPETITION, S_RISKS, S_OUTLOOK, S_COUNT };
#define S_ANY (-1)

static const struct {
    const char *id, *heading, *noun; /* noun: what a state alone is about */
    const char *heading_hans, *heading_hant, *noun_zh;
} sections[S_COUNT] = {
    {"overview", "Industry overview", NULL, "行业概况", "行業概況", NULL},
    {"companies", "Key companies", NULL, "重点公司", "重點公司", NULL},
    {"capacity", "Capacity", "capacity", "产能", "產能", "产能"},
    {"supply", "Supply chain", "supply", "供应链", "供應鏈", "供应"},
    {"demand", "Demand", "demand", "需求", "需求", "需求"},
    {"competition", "Competition", "competition", "竞争格局", "競爭格局", "竞争"},
    {"risks", "Risks", "risk", "风险", "風險", "风险"},
    {"outlook", "Outlook", NULL, "展望", "展望", NULL},
};

/* ---- the lexicon --------------------------------------------------------- */

static ea_entities *lx;
static pthread_once_t lx_once = PTHREAD_ONCE_INIT;

static void lx_load(void) {
    ea_entities *s = NULL;
    if (ea_entities_new(EA_ENTITIES_NO_BUILTIN, &s, NULL) != EA_OK) return;
    if (ea_entities_load(s, ea_zh_minutes_data, ea_zh_minutes_data_len, NULL) != EA_OK) {
        ea_entities_free(s);
        return;
    }
    lx = s; /* built once, kept for the process, like the built-in packs */
}

static const ea_entities *lexicon(void) {
    pthread_once(&lx_once, lx_load);
    return lx;
}

typedef enum {
    R_NONE = 0,
    R_TOPIC,
    R_STATE,
    R_SUBJECT,
    R_ACTOR,
    R_PLACE,
    R_PLACEADJ,
    R_MODAL,
    R_STILL,
    R_MAINLY,
    R_MEASURE,
    R_KIND,
    R_HEDGE,
    R_COND,
    R_BENEFIT,
    R_COMPANY, /* from the domain packs */
    R_PRODUCT,
    R_FACT,    /* an extracted fact */
    R_COUNT,   /* a bare number with a measure word, not a fact */
    R_PERIOD
} role_t;

static const struct {
    const char *prefix;
    role_t role;
} roles[] = {{"topic", R_TOPIC},   {"state", R_STATE},       {"subject", R_SUBJECT}, {"actor", R_ACTOR},
             {"place", R_PLACE},   {"placeadj", R_PLACEADJ}, {"modal", R_MODAL},     {"still", R_STILL},
             {"mainly", R_MAINLY}, {"measure", R_MEASURE},   {"kind", R_KIND},       {"hedge", R_HEDGE},
             {"cond", R_COND},     {"benefit", R_BENEFIT}};

/* "topic.capacity.expansion" -> R_TOPIC, S_CAPACITY */
static role_t role_of(const ea_entity *e, int *sec) {
    *sec = S_ANY;
    const char *id = e->id.ptr;
    size_t n = e->id.len, d = 0;
    while (d < n && id[d] != '.') d++;
    role_t r = R_NONE;
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (strlen(roles[i].prefix) == d && !memcmp(id, roles[i].prefix, d)) r = roles[i].role;
    if ((r == R_TOPIC || r == R_STATE) && d < n) {
        size_t a = d + 1, b = a;
        while (b < n && id[b] != '.') b++;
        for (int k = 0; k < S_COUNT; k++)
            if (strlen(sections[k].id) == b - a && !memcmp(id + a, sections[k].id, b - a)) *sec = k;
    }
    return r;
}


/* ---- tokens of a sentence -------------------------------------------------- */

typedef struct {
    role_t role;
    int sec;
    size_t s, e;           /* in the sentence's text */
    const ea_entity *ent;  /* lexicon entry, company or product */
    const ea_fact *fact;
    double value;          /* R_COUNT */
    unsigned qflags;       /* R_COUNT */
    char per[40];          /* R_PERIOD: "1H 2026" (zh: "2026年上半年") */
} tok_t;

typedef struct {
    tok_t t[MAX_TOKS];
    size_t n;
    const char *text; /* the sentence they are in */
    size_t len;
} toks_t;

static tok_t *tok_add(toks_t *ts, role_t r, size_t s, size_t e) {
    if (ts->n >= MAX_TOKS) return NULL;
    tok_t *t = &ts->t[ts->n++];
    memset(t, 0, sizeof *t);
    t->role = r;
    t->sec = S_ANY;
    t->s = s;
    t->e = e;
    return t;
}

static int on_lex(void *ctx, const ea_mention *m) {
    toks_t *ts = ctx;
    int sec;
    role_t r = role_of(m->entity, &sec);
    if (r == R_NONE) return 0;
    tok_t *t = tok_add(ts, r, m->span.start, m->span.end);
    if (!t) return 1;
    t->sec = sec;
    t->ent = m->entity;
    return 0;
}

static int cmp_tok(const void *a, const void *b) {
    const tok_t *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    return (int)x->role - (int)y->role;
}

static int overlaps(const tok_t *a, size_t s, size_t e) { return a->s < e && s < a->e; }

/* ---- periods ---------------------------------------------------------------- */

/* An ASCII or full-width digit at t[i]: its value and length, or -1. */
static int digit_at(const char *t, size_t n, size_t i, int *len) {
    unsigned char c = (unsigned char)t[i];
    if (ea_is_digit(c)) {
        *len = 1;
        return c - '0';
    }
    /* U+FF10..FF19: EF BC 90..99 */
    if (c == 0xEF && i + 2 < n && (unsigned char)t[i + 1] == 0xBC && (unsigned char)t[i + 2] >= 0x90 &&
        (unsigned char)t[i + 2] <= 0x99) {
        *len = 3;
        return (unsigned char)t[i + 2] - 0x90;
    }
    return -1;
}

static int lit_at(const char *t, size_t n, size_t i, const char *w) {
    size_t k = strlen(w);
    return n - i >= k && !memcmp(t + i, w, k) ? (int)k : 0;
}

/* zh: as the source says it; pre: the English label before the year;
   after: the Chinese label after "2026年" */
static const struct {
    const char *zh, *pre, *after;
} period_parts[] = {
    {"前三季度", "the first three quarters of ", "前三季度"},
    {"第一季度", "Q1 ", "第一季度"},
    {"第二季度", "Q2 ", "第二季度"},
    {"第三季度", "Q3 ", "第三季度"},
    {"第四季度", "Q4 ", "第四季度"},
    {"一季度", "Q1 ", "第一季度"},
    {"二季度", "Q2 ", "第二季度"},
    {"三季度", "Q3 ", "第三季度"},
    {"四季度", "Q4 ", "第四季度"},
    {"上半年", "1H ", "上半年"},
    {"下半年", "2H ", "下半年"},
    {"年底", "end-", "底"},
    {"年末", "end-", "底"},
    {"Q1", "Q1 ", "第一季度"},
    {"Q2", "Q2 ", "第二季度"},
    {"Q3", "Q3 ", "第三季度"},
    {"Q4", "Q4 ", "第四季度"},
    {"一季", "Q1 ", "第一季度"},
    {"二季", "Q2 ", "第二季度"},
    {"三季", "Q3 ", "第三季度"},
    {"四季", "Q4 ", "第四季度"},
};

static const struct {
    const char *zh;
    int delta;
} relative_years[] = {{"今年", 0}, {"本年", 0}, {"明年", 1}, {"后年", 2}, {"後年", 2}, {"去年", -1}, {"前年", -2}};

/* A period phrase at t[i] (call year cy, 0 when unknown): its end, and
 * its label in out (English: "1H 2026"; zh: "2026年上半年"); 0 when none
 * starts here. */
static size_t period_at(const char *t, size_t n, size_t i, int cy, int zh, char *out, size_t cap) {
    int year = 0, len;
    size_t j = i;
    int prev_digit = i > 0 && (ea_is_digit((unsigned char)t[i - 1]) ||
                               (i >= 3 && (unsigned char)t[i - 3] == 0xEF && (unsigned char)t[i - 2] == 0xBC &&
                                (unsigned char)t[i - 1] >= 0x90 && (unsigned char)t[i - 1] <= 0x99));
    if (!prev_digit && digit_at(t, n, j, &len) >= 0) {
        int v = 0, nd = 0;
        while (j < n && nd < 5) {
            int d = digit_at(t, n, j, &len);
            if (d < 0) break;
            v = v * 10 + d;
            nd++;
            j += (size_t)len;
        }
        int k = lit_at(t, n, j, "年");
        if (!k) return 0;
        if (nd == 4 && v >= 1990 && v <= 2100) year = v;
        else if (nd == 2 && v >= 15 && v <= 60) year = 2000 + v;
        else return 0;
        j += (size_t)k;
        /* a date (2024年5月8日) is not a period */
        if (j < n && digit_at(t, n, j, &len) >= 0) return 0;
    } else {
        for (size_t r = 0; r < sizeof relative_years / sizeof relative_years[0] && !year; r++) {
            int k = lit_at(t, n, j, relative_years[r].zh);
            if (k && cy) {
                year = cy + relative_years[r].delta;
                j += (size_t)k;
            } else if (k) {
                return 0;
            }
        }
    }
    const char *pre = "", *post = "";
    size_t after = j;
    if (year && j < n) {
        size_t q = j + (size_t)lit_at(t, n, j, "的");
        for (size_t k = 0; k < sizeof period_parts / sizeof period_parts[0]; k++) {
            int m = lit_at(t, n, q, period_parts[k].zh);
            if (m) {
                pre = period_parts[k].pre;
                post = period_parts[k].after;
                after = q + (size_t)m;
                break;
            }
        }
    } else if (!year && cy) {
        /* a half or a quarter alone: this year's (not 底, not Q1 inside a word) */
        for (size_t k = 0; k < sizeof period_parts / sizeof period_parts[0]; k++) {
            if (period_parts[k].zh[0] == 'Q') continue;
            int m = lit_at(t, n, j, period_parts[k].zh);
            if (m) {
                pre = period_parts[k].pre;
                post = period_parts[k].after;
                after = j + (size_t)m;
                year = cy;
                break;
            }
        }
    }
    if (!year) return 0;
    int w = zh ? snprintf(out, cap, "%d年%s", year, post) : snprintf(out, cap, "%s%d", pre, year);
    if (w <= 0 || (size_t)w >= cap) return 0;
    return after;
}

/* "2024Q1" -> "Q1 2024", "2024H1" -> "1H 2024", "FY2024" -> "2024"; zh:
 * "2024年第一季度", "2024年上半年", "2024年" */
static int fact_period(ea_str p, int zh, char *out, size_t cap) {
    static const char *const quarter_zh[4] = {"第一季度", "第二季度", "第三季度", "第四季度"};
    if (p.len != 6 || ea_find(p, "0000")) return 0;
    int w = 0;
    if (p.ptr[4] == 'Q' && p.ptr[5] >= '1' && p.ptr[5] <= '4')
        w = zh ? snprintf(out, cap, "%.4s年%s", p.ptr, quarter_zh[p.ptr[5] - '1'])
               : snprintf(out, cap, "Q%c %.4s", p.ptr[5], p.ptr);
    else if (p.ptr[4] == 'H' && (p.ptr[5] == '1' || p.ptr[5] == '2'))
        w = zh ? snprintf(out, cap, "%.4s年%s", p.ptr, p.ptr[5] == '1' ? "上半年" : "下半年")
               : snprintf(out, cap, "%cH %.4s", p.ptr[5], p.ptr);
    else if (p.ptr[0] == 'F' && p.ptr[1] == 'Y')
        w = zh ? snprintf(out, cap, "%.4s年", p.ptr + 2) : snprintf(out, cap, "%.4s", p.ptr + 2);
    return w > 0 && (size_t)w < cap;
}

/* ---- amounts ----------------------------------------------------------------- */

static void put_num(ea_buf *b, double v) {
    char t[48];
    int n = snprintf(t, sizeof t, "%.15g", v);
    if (n > 0 && (size_t)n < sizeof t) ea_buf_append(b, t, (size_t)n);
}

static const char *cur_prefix(const char *u) {
    static const struct {
        const char *code, *pre;
    } c[] = {{"USD", "$"}, {"CNY", "RMB "}, {"HKD", "HK$"}, {"TWD", "NT$"}, {"EUR", "\xE2\x82\xAC"}, {"GBP", "\xC2\xA3"},
             {"JPY", "JPY "}};
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        if (!strcmp(u, c[i].code)) return c[i].pre;
    return NULL;
}

/* "$40.7M", "RMB 1.6B", "30%", "10M": the value's own digits, never
 * rounded, so that the number is the call's. */
static void amount(ea_buf *b, double v, const char *unit, int per_share) {
    const char *u = unit ? unit : "";
    if (!strcmp(u, "%")) {
        put_num(b, v);
        ea_buf_putc(b, '%');
        return;
    }
    if (!strcmp(u, "pp") || !strcmp(u, "bps")) {
        put_num(b, v);
        ea_buf_puts(b, !strcmp(u, "pp") ? "pp" : " bps");
        return;
    }
    if (!strcmp(u, "x")) {
        put_num(b, v);
        ea_buf_putc(b, 'x');
        return;
    }
    if (v < 0) ea_buf_putc(b, '-');
    double a = fabs(v);
    int money = *u && strcmp(u, "shares");
    const char *pre = money ? cur_prefix(u) : NULL;
    if (pre) ea_buf_puts(b, pre);
    else if (money) {
        ea_buf_puts(b, u);
        ea_buf_putc(b, ' ');
    }
    if (!per_share && a >= 1e9) {
        put_num(b, a / 1e9);
        ea_buf_putc(b, 'B');
    } else if (!per_share && a >= 1e6) {
        put_num(b, a / 1e6);
        ea_buf_putc(b, 'M');
    } else if (!per_share && a >= 1e4 && money) {
        put_num(b, a / 1e3);
        ea_buf_putc(b, 'K');
    } else {
        put_num(b, a);
    }
    if (!strcmp(u, "shares")) ea_buf_puts(b, " shares");
}

/* the first value quantity in [p, p+n): its flags */
typedef struct {
    unsigned flags;
    int found;
    double want; /* < 0: any */
    int pct;
} qpick_t;

static int on_pick(void *ctx, const ea_qty *q) {
    qpick_t *k = ctx;
    if (q->flags & EA_Q_NOTVALUE) return 0;
    if (k->pct && q->unit != EA_U_PCT) return 0;
    if (k->want >= 0 && fabs(fabs(q->value) - k->want) > 1e-9 * (k->want + 1)) return 0;
    k->flags = q->flags;
    k->found = 1;
    return 1;
}

static unsigned qty_flags(const char *p, size_t n, double want, int pct) {
    qpick_t k = {0, 0, want, pct};
    ea_qty_scan(p, n, on_pick, &k);
    return k.found ? k.flags : 0;
}

static void qualifier(ea_buf *b, unsigned f) {
    if (f & EA_Q_MORE) ea_buf_puts(b, "more than ");
    else if (f & EA_Q_LESS) ea_buf_puts(b, "less than ");
    else if (f & EA_Q_APPROX) ea_buf_puts(b, "about ");
}

/* ---- clauses and statements ----------------------------------------------------- */

typedef struct {
    const tok_t *subj[6]; /* what the topic is of, in the text's order:
                             subjects, actors, products, places, topics */
    size_t nsubj;
    const ea_entity *comp[3];
    ea_str comp_name[3];  /* a fact's company the packs did not give us */
    size_t ncomp;
    const tok_t *topic;
    const char *noun;     /* the topic's English, or the state's section noun */
    ea_str noun_zh;       /* the same in Chinese: the topic's first cue */
    int sec;
    const tok_t *state;
    int modal, still, mainly, hedge, cond;
    const tok_t *benefit;  /* "benefiting from" the topic */
    const tok_t *list[4];  /* "risk: tariffs and export controls" */
    size_t nlist;
    const tok_t *place;
    const tok_t *vals[3]; /* facts and counts */
    size_t nvals;
    char per[40];
    int borrowed;         /* the subject came from the question */
    const char *stext;    /* the text subj's offsets are in: the sentence's, */
    size_t slen;          /* or the question's when borrowed */
    size_t own_start, own_end; /* its clause, and the bare ones after it */
} stmt_t;

/* Is byte i of t a clause boundary: ，；：, and ASCII , ; : not inside a
 * number (1,000; 15:00)? Returns its length or 0. */
static int boundary_at(const char *t, size_t n, size_t i) {
    int k;
    if ((k = lit_at(t, n, i, "，")) || (k = lit_at(t, n, i, "；")) || (k = lit_at(t, n, i, "：")) ||
        (k = lit_at(t, n, i, "。")) || (k = lit_at(t, n, i, "！")) || (k = lit_at(t, n, i, "？")))
        return k;
    if (t[i] == ',' || t[i] == ';' || t[i] == ':') {
        int num = i > 0 && i + 1 < n && ea_is_digit((unsigned char)t[i - 1]) && ea_is_digit((unsigned char)t[i + 1]);
        return num ? 0 : 1;
    }
    return 0;
}

static int subj_role(role_t r) {
    return r == R_SUBJECT || r == R_ACTOR || r == R_PRODUCT || r == R_PLACEADJ || r == R_PLACE;
}

static int has_content(const stmt_t *st) {
    return st->nvals || st->state || st->place || st->per[0] || st->nlist || st->benefit || (st->modal && st->still) ||
           st->still;
}

/* ---- the builder's context ---------------------------------------------------- */

typedef struct {
    dg_t *dg;
    const ea_call *c;
    const char *ctext;
    size_t clen;
    int cy;                 /* the call's year, 0 when unknown */
    int zh;                 /* the bullets in Chinese (--lang zh), else English */
    const ea_fact **facts;  /* originals, by span start */
    size_t nf;
    ea_mentions *ms;
    uint32_t *question_of;  /* per paragraph: the question paragraph + 1 an answer replies to; 0 none */
} ctx_t;

/* [s, e) of the call's text as offsets in the sentence's text, when it
 * lies inside it. */
static int rel_span(const ctx_t *x, const ea_sentence *s, size_t n, ea_span sp, size_t *rs, size_t *re) {
    if (sp.end <= sp.start || sp.end > x->clen) return 0;
    if (s->text.ptr == x->ctext + s->span.start) {
        if (sp.start < s->span.start || sp.end > s->span.start + n) return 0;
        *rs = sp.start - s->span.start;
        *re = sp.end - s->span.start;
        return 1;
    }
    /* a joined paragraph: find the bytes */
    const char *h = ea_find_n(ea_str_make(s->text.ptr, n), x->ctext + sp.start, sp.end - sp.start);
    if (!h) return 0;
    *rs = (size_t)(h - s->text.ptr);
    *re = *rs + (sp.end - sp.start);
    return 1;
}

typedef struct {
    toks_t *ts;
    const char *t;
    size_t n;
} count_ctx;

/* bare numbers followed by a measure word the lexicon knows (30周, 3,000人) */
static int on_count(void *ctx, const ea_qty *q) {
    count_ctx *k = ctx;
    if (q->flags & (EA_Q_NOTVALUE | EA_Q_RANGE) || q->unit != EA_U_NONE) return 0;
    for (size_t i = 0; i < k->ts->n; i++) {
        const tok_t *m = &k->ts->t[i];
        if (m->role == R_MEASURE && m->s == q->end) {
            for (size_t j = 0; j < k->ts->n; j++)
                if (k->ts->t[j].role == R_FACT && overlaps(&k->ts->t[j], q->start, q->end)) return 0;
            tok_t *t = tok_add(k->ts, R_COUNT, q->start, q->end);
            if (!t) return 1;
            t->value = q->value;
            t->qflags = q->flags;
            t->ent = m->ent;
            return 0;
        }
    }
    return 0;
}

/* Every token of sentence si (its first n bytes). */
static void tokens_of(const ctx_t *x, const ea_sentence *s, size_t n, size_t *fi, toks_t *ts) {
    ts->n = 0;
    const char *t = s->text.ptr;
    ts->text = t;
    ts->len = n;
    const ea_entities *L = lexicon();
    if (L) ea_entities_find(L, t, n, on_lex, ts);
    /* companies and products */
    size_t first = 0, nm = x->ms ? ea_mentions_in_paragraph(x->ms, s->para, &first) : 0;
    /* the paragraph's originals come first, by position: skip those that
       end before the sentence (a paragraph of many sentences is not read
       once per sentence) */
    size_t lo = 0, hi = nm;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ea_mention *m = ea_mentions_get(x->ms, first + mid);
        if (!m->in_translation && m->span.end <= s->span.start) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < nm; i++) {
        const ea_mention *m = ea_mentions_get(x->ms, first + i);
        size_t rs, re;
        if (m->in_translation || m->span.start >= s->span.end) break;
        if (!rel_span(x, s, n, m->span, &rs, &re)) continue;
        tok_t *tk = tok_add(ts, m->entity->kind == EA_ENTITY_COMPANY ? R_COMPANY : R_PRODUCT, rs, re);
        if (tk) tk->ent = m->entity;
    }
    /* facts */
    while (*fi < x->nf && x->facts[*fi]->span.start < s->span.start) (*fi)++;
    for (size_t k = *fi; k < x->nf && x->facts[k]->span.start < s->span.end; k++) {
        size_t rs, re;
        if (!rel_span(x, s, n, x->facts[k]->span, &rs, &re)) continue;
        tok_t *tk = tok_add(ts, R_FACT, rs, re);
        if (tk) tk->fact = x->facts[k];
    }
    count_ctx cc = {ts, t, n};
    ea_qty_scan(t, n, on_count, &cc);
    /* periods */
    for (size_t i = 0; i < n;) {
        char lab[40];
        size_t e = period_at(t, n, i, x->cy, x->zh, lab, sizeof lab);
        if (e > i) {
            tok_t *tk = tok_add(ts, R_PERIOD, i, e);
            if (tk) memcpy(tk->per, lab, sizeof lab);
            i = e;
            continue;
        }
        i++;
        while (i < n && ((unsigned char)t[i] & 0xC0) == 0x80) i++;
    }
    /* lexicon words inside a company or product name are not words of
       their own (芯片 in 光芯片) */
    size_t k = 0;
    for (size_t i = 0; i < ts->n; i++) {
        tok_t *a = &ts->t[i];
        int drop = 0;
        if (a->role < R_COMPANY)
            for (size_t j = 0; j < ts->n && !drop; j++)
                drop = (ts->t[j].role == R_COMPANY || ts->t[j].role == R_PRODUCT || ts->t[j].role == R_PERIOD) &&
                       overlaps(&ts->t[j], a->s, a->e);
        if (!drop) ts->t[k++] = *a;
    }
    ts->n = k;
    qsort(ts->t, ts->n, sizeof ts->t[0], cmp_tok);
}

static void stmt_company(stmt_t *st, const ea_entity *e, ea_str name) {
    for (size_t i = 0; i < st->ncomp; i++)
        if ((e && st->comp[i] == e) || (!e && !st->comp[i] && st->comp_name[i].len == name.len &&
                                         !memcmp(st->comp_name[i].ptr, name.ptr, name.len)))
            return;
    if (st->ncomp >= 3) return;
    st->comp[st->ncomp] = e;
    st->comp_name[st->ncomp++] = name;
}

/* the entity a fact's company names: one the sentence mentions */
static const ea_entity *fact_entity(const toks_t *ts, const ea_fact *f) {
    for (size_t i = 0; i < ts->n; i++) {
        const ea_entity *e = ts->t[i].ent;
        if (ts->t[i].role == R_COMPANY && e->name.len == f->company.len &&
            !memcmp(e->name.ptr, f->company.ptr, f->company.len))
            return e;
    }
    return NULL;
}

static int is_figure(const tok_t *t) { return t->role == R_FACT || t->role == R_COUNT; }

/* One clause [cs, ce) of the sentence: its statement. */
static void clause_stmt(const toks_t *ts, size_t cs, size_t ce, stmt_t *st) {
    memset(st, 0, sizeof *st);
    st->sec = S_ANY;
    st->stext = ts->text;
    st->slen = ts->len;
    /* the topic: the first; a later one when a figure follows it and none
       comes between (海外收入占比约为28%: the share, of overseas revenue);
       after "benefiting from", the first after it */
    const tok_t *ben = NULL;
    for (size_t i = 0; i < ts->n; i++)
        if (ts->t[i].s >= cs && ts->t[i].s < ce && ts->t[i].role == R_BENEFIT && !ben) ben = &ts->t[i];
    for (size_t i = 0; i < ts->n; i++) {
        const tok_t *t = &ts->t[i];
        if (t->s < cs || t->s >= ce || t->role != R_TOPIC) continue;
        if (ben && t->s < ben->s) continue;
        if (!st->topic) {
            st->topic = t;
            continue;
        }
        int fig_after = 0, fig_between = 0;
        for (size_t j = i + 1; j < ts->n && ts->t[j].s < ce; j++) fig_after |= is_figure(&ts->t[j]);
        for (size_t j = 0; j < ts->n; j++)
            fig_between |= is_figure(&ts->t[j]) && ts->t[j].s > st->topic->s && ts->t[j].s < t->s;
        if (fig_after && !fig_between && !ben) st->topic = t;
    }
    st->benefit = st->topic ? ben : NULL;
    size_t topic_at = st->topic ? st->topic->s : ce;
    size_t subj_from = ben ? ben->e : cs;
    for (size_t i = 0; i < ts->n; i++) {
        const tok_t *t = &ts->t[i];
        if (t->s < cs || t->s >= ce) continue;
        switch (t->role) {
        case R_STATE:
            /* the first after the topic, else the first (上调预算: raised) */
            if (!st->state || (st->topic && st->state->s < st->topic->s && t->s > st->topic->s)) st->state = t;
            break;
        case R_MODAL: st->modal = 1; break;
        case R_STILL: st->still = 1; break;
        case R_HEDGE: st->hedge = 1; break;
        case R_COND: st->cond = 1; break;
        case R_MAINLY:
            if (!st->place) st->mainly = 1;
            break;
        case R_COMPANY: stmt_company(st, t->ent, t->ent->name); break;
        case R_FACT:
            if (st->nvals < 3) st->vals[st->nvals++] = t;
            if (t->fact->company.len) stmt_company(st, fact_entity(ts, t->fact), t->fact->company);
            break;
        case R_COUNT:
            if (st->nvals < 3) st->vals[st->nvals++] = t;
            break;
        case R_PERIOD:
            if (!st->per[0]) memcpy(st->per, t->per, sizeof st->per);
            break;
        case R_TOPIC:
            if (t == st->topic) break;
            if (t->s < topic_at && t->s >= subj_from && st->nsubj < 6) st->subj[st->nsubj++] = t;
            else if (st->topic && t->s > st->topic->s && st->nlist < 4) st->list[st->nlist++] = t;
            break;
        default:
            if (subj_role(t->role) && t->s < topic_at && t->s >= subj_from && st->nsubj < 6) {
                int dup = 0; /* a product named twice */
                for (size_t j = 0; j < st->nsubj; j++) dup |= st->subj[j]->ent == t->ent;
                if (!dup) st->subj[st->nsubj++] = t;
            } else if ((t->role == R_PLACE || t->role == R_PLACEADJ) && !st->place && t->s >= topic_at) {
                st->place = t;
            }
            break;
        }
    }
    /* other topics make a list only when nothing else is said, and the
       clause says what they are (风险是关税和出口管制) */
    if (st->nvals || st->state) st->nlist = 0;
    if (st->nlist) {
        static const char *const copula[] = {"是", "为", "為", "包括", "包含", "主要有", "在于", "在於"};
        int ok = 0;
        for (size_t i = st->topic->e; i < st->list[0]->s && i <= st->topic->e + 3 && !ok; i++)
            for (size_t k = 0; k < sizeof copula / sizeof copula[0] && !ok; k++) ok = lit_at(ts->text, ts->len, i, copula[k]) != 0;
        if (!ok) st->nlist = 0;
    }
    if (st->topic) {
        st->noun = st->topic->ent->name.ptr;
        st->noun_zh = st->topic->ent->name_zh.len ? st->topic->ent->name_zh : st->topic->ent->name;
        st->sec = st->topic->sec;
    } else if (st->state && st->state->sec != S_ANY && sections[st->state->sec].noun) {
        st->noun = sections[st->state->sec].noun;
        st->noun_zh = ea_str_make(sections[st->state->sec].noun_zh, strlen(sections[st->state->sec].noun_zh));
        st->sec = st->state->sec;
    }
}

/* ---- writing ----------------------------------------------------------------- */

static void put_company(ea_buf *b, const ea_entity *e, ea_str name, int hant) {
    if (!e) {
        ea_buf_append(b, name.ptr, name.len);
        return;
    }
    ea_buf_append(b, e->name.ptr, e->name.len);
    ea_str z = hant && e->name_zh_hant.len ? e->name_zh_hant : e->name_zh;
    if (z.len && !(z.len == e->name.len && !memcmp(z.ptr, e->name.ptr, z.len))) {
        ea_buf_puts(b, " (");
        ea_buf_append(b, z.ptr, z.len);
        ea_buf_putc(b, ')');
    }
}

static int same_subjects(const stmt_t *a, const stmt_t *b) {
    if (a->nsubj != b->nsubj || a->ncomp != b->ncomp) return 0;
    for (size_t i = 0; i < a->nsubj; i++)
        if (a->subj[i]->ent != b->subj[i]->ent) return 0;
    for (size_t i = 0; i < a->ncomp; i++)
        if (a->comp[i] != b->comp[i]) return 0;
    return 1;
}

/* A state's forms: "rising/rise" is "rising", and "rise" after "expected
 * to"; "tight" has no second form. */
static ea_str form(ea_str w, int second) {
    const char *sl = memchr(w.ptr, '/', w.len);
    if (!sl) return second ? ea_str_make(NULL, 0) : w;
    size_t k = (size_t)(sl - w.ptr);
    return second ? ea_str_make(sl + 1, w.len - k - 1) : ea_str_make(w.ptr, k);
}

/* what a qualifier word right after a figure (and its measure word) says:
   1,000万只左右, 30%以上 */
static unsigned suffix_flags(const char *t, size_t n, size_t e, const toks_t *ts) {
    for (size_t i = 0; i < ts->n; i++)
        if (ts->t[i].role == R_MEASURE && ts->t[i].s == e) e = ts->t[i].e;
    static const struct {
        const char *w;
        unsigned f;
    } w[] = {{"左右", EA_Q_APPROX}, {"上下", EA_Q_APPROX}, {"以上", EA_Q_MORE}, {"多", EA_Q_MORE},
             {"以下", EA_Q_LESS},   {"以内", EA_Q_LESS},   {"之内", EA_Q_LESS}};
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (lit_at(t, n, e, w[k].w)) return w[k].f;
    return 0;
}

/* a change in points or percent, not a level: "up 2.1 pp" */
static int is_delta(const tok_t *v) {
    return v->fact && (v->fact->is_change || !strcmp(v->fact->unit, "pp") || !strcmp(v->fact->unit, "bps"));
}

/* against what a change is, as [a, b) of the sentence says: 1 a year
   before (同比, 较上年同期), 2 a quarter before (环比), 0 unsaid */
static int compared(const char *t, size_t a, size_t b) {
    static const struct {
        const char *w;
        int k;
    } w[] = {{"同比", 1}, {"去年同期", 1}, {"上年同期", 1}, {"比去年", 1}, {"较去年", 1}, {"环比", 2}, {"環比", 2}, {"上季度", 2}, {"上一季度", 2}};
    for (size_t i = a; i < b; i++)
        for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
            if (lit_at(t, b, i, w[k].w)) return w[k].k;
    return 0;
}

/* A rising or falling word right before a figure (下降1.2万元): the figure
 * is the change. +1, -1, or 0. */
static int dir_before(const stmt_t *st, const tok_t *v) {
    const tok_t *s = st->state;
    if (!s || s->e > v->s || v->s - s->e > 9) return 0;
    ea_str a = form(s->ent->name, 0);
    if (a.len == 6 && !memcmp(a.ptr, "rising", 6)) return 1;
    if (a.len == 7 && !memcmp(a.ptr, "falling", 7)) return -1;
    return 0;
}

static void put_value(ea_buf *b, const tok_t *v, const stmt_t *st, const char *sent, size_t n, const toks_t *ts) {
    if (v->role == R_COUNT) {
        qualifier(b, v->qflags);
        amount(b, v->value, "", 0);
        ea_buf_putc(b, ' ');
        ea_buf_append(b, v->ent->name.ptr, v->ent->name.len);
        return;
    }
    const ea_fact *f = v->fact;
    unsigned fl = qty_flags(sent + v->s, v->e - v->s, -1, 0);
    if (!(fl & (EA_Q_APPROX | EA_Q_MORE | EA_Q_LESS))) fl |= suffix_flags(sent, n, v->e, ts);
    if (is_delta(v) && !f->is_range) {
        int dir = f->is_change ? (f->value < 0 ? -1 : 1) : 0;
        if (!f->is_change && st->state) {
            ea_str a = form(st->state->ent->name, 0);
            dir = a.len == 7 && !memcmp(a.ptr, "falling", 7) ? -1 : a.len == 6 && !memcmp(a.ptr, "rising", 6) ? 1 : 0;
        }
        ea_buf_puts(b, dir < 0 ? "down " : dir > 0 ? "up " : "at ");
        qualifier(b, fl);
        put_num(b, fabs(f->value));
        /* "2.1pp": the form verify reads as points */
        ea_buf_puts(b, !strcmp(f->unit, "pp") ? "pp" : !strcmp(f->unit, "bps") ? " bps" : "%");
        int against = compared(sent, st->own_start, st->own_end < n ? st->own_end : n);
        if (against == 1) ea_buf_puts(b, " YoY");
        else if (against == 2) ea_buf_puts(b, " QoQ");
        return;
    }
    int dir = dir_before(st, v);
    if (dir) ea_buf_puts(b, dir < 0 ? "down " : "up ");
    qualifier(b, fl);
    if (f->is_range) {
        amount(b, f->low, f->unit, f->per_share);
        ea_buf_puts(b, " to ");
        amount(b, f->high, f->unit, f->per_share);
    } else {
        amount(b, f->value, f->unit, f->per_share);
    }
    if (f->per_share) ea_buf_puts(b, " per share");
    if (!*f->unit) {
        /* what a bare count counts: the measure word right after it */
        for (size_t i = 0; i < ts->n; i++)
            if (ts->t[i].role == R_MEASURE && ts->t[i].s == v->e) {
                ea_buf_putc(b, ' ');
                ea_buf_append(b, ts->t[i].ent->name.ptr, ts->t[i].ent->name.len);
                break;
            }
    }
}

/* The change of a level figure, when its own clause (or a bare one after
 * it) words it: "，同比增长超过100%". 1 with the change and how it was
 * qualified ("超过"), else 0. */
static int worded_change(const ea_fact *f, const char *sent, size_t from, size_t to, double *c, unsigned *flags) {
    if (f->is_change || (!f->has_yoy && !f->has_qoq) || from >= to) return 0;
    *c = f->has_yoy ? f->yoy_pct : f->qoq_pct;
    if (*c == 0 || !isfinite(*c)) return 0;
    qpick_t k = {0, 0, fabs(*c), 1};
    ea_qty_scan(sent + from, to - from, on_pick, &k);
    *flags = k.flags;
    return k.found && compared(sent, from, to) == (f->has_yoy ? 1 : 2);
}

static void put_change(ea_buf *b, const ea_fact *f, const char *sent, size_t from, size_t to) {
    double c;
    unsigned fl;
    if (!worded_change(f, sent, from, to, &c, &fl)) return;
    ea_buf_puts(b, c < 0 ? ", down " : ", up ");
    qualifier(b, fl);
    put_num(b, fabs(c));
    ea_buf_puts(b, f->has_yoy ? "% YoY" : "% QoQ");
}

/* " expected to remain tight", " may fall", " still tight" */
static void put_state(ea_buf *b, const stmt_t *st) {
    ea_str a = form(st->state->ent->name, 0), v = form(st->state->ent->name, 1);
    if (st->hedge) {
        ea_buf_puts(b, v.len ? " may " : " may be ");
        ea_buf_append(b, v.len ? v.ptr : a.ptr, v.len ? v.len : a.len);
        return;
    }
    if (st->modal) {
        if (v.len && !st->still) {
            ea_buf_puts(b, " expected to ");
            ea_buf_append(b, v.ptr, v.len);
            return;
        }
        ea_buf_puts(b, v.len ? " expected to keep " : st->still ? " expected to remain " : " expected to be ");
    } else {
        ea_buf_puts(b, st->still && !v.len ? " still " : " ");
    }
    ea_buf_append(b, a.ptr, a.len);
}

/* a conjunction between two names in the source: 和 及 与 、 */
static int joined(const char *t, size_t a, size_t b) {
    static const char *const w[] = {"和", "及", "与", "與", "、", "跟", "以及"};
    for (size_t i = a; i < b; i++)
        for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
            if (lit_at(t, b, i, w[k])) return 1;
    return 0;
}

static void put_words(ea_buf *b, const tok_t *const *w, size_t n, const char *t, int possessive) {
    for (size_t i = 0; i < n; i++) {
        if (i) ea_buf_puts(b, joined(t, w[i - 1]->e, w[i]->s) ? (i + 1 == n ? " and " : ", ") : " ");
        ea_str a = form(w[i]->ent->name, 0);
        ea_buf_append(b, a.ptr, a.len);
        /* the last actor owns what follows: "leading makers' capacity" */
        int last_actor = w[i]->role == R_ACTOR;
        for (size_t j = i + 1; j < n && last_actor; j++) last_actor = w[j]->role != R_ACTOR;
        if (possessive && last_actor) ea_buf_puts(b, a.len && a.ptr[a.len - 1] == 's' ? "'" : "'s");
    }
}

/* One statement; `prev` is the one written before it in the bullet, k its
 * place there. */
static void put_stmt(ea_buf *b, const stmt_t *st, const stmt_t *prev, size_t k, const char *sent, size_t n,
                     const toks_t *ts, int hant) {
    int same = prev && same_subjects(prev, st);
    int elide = same && prev->topic && st->topic && st->topic->ent == prev->topic->ent && st->nvals && !st->benefit;
    if (st->cond) ea_buf_puts(b, "if ");
    if (st->ncomp && !same) {
        for (size_t i = 0; i < st->ncomp; i++) {
            if (i) ea_buf_puts(b, i + 1 == st->ncomp ? " and " : ", ");
            put_company(b, st->comp[i], st->comp_name[i], hant);
        }
        ea_buf_puts(b, k == 0 && !st->cond ? ": " : " ");
    }
    if (st->benefit) {
        ea_buf_puts(b, st->modal ? "expected to benefit from " : st->hedge ? "may benefit from " : "benefiting from ");
        if (st->state) {
            ea_str a = form(st->state->ent->name, 0);
            ea_buf_append(b, a.ptr, a.len);
            ea_buf_putc(b, ' ');
        }
        put_words(b, st->subj, st->nsubj, st->stext, 0);
        if (st->nsubj) ea_buf_putc(b, ' ');
        ea_buf_puts(b, st->noun);
        goto tail;
    }
    if (!same || !elide) {
        if (!same) {
            put_words(b, st->subj, st->nsubj, st->stext, 1);
            if (st->nsubj) ea_buf_putc(b, ' ');
        }
        ea_buf_puts(b, st->noun);
    }
    if (st->nlist) {
        ea_buf_puts(b, ": ");
        put_words(b, st->list, st->nlist, sent, 0);
    } else if (st->nvals) {
        for (size_t i = 0; i < st->nvals; i++) {
            const tok_t *v = st->vals[i];
            int delta = is_delta(v) || dir_before(st, v);
            const char *pre = i               ? " and "
                              : delta         ? " "
                              : st->modal     ? " expected at "
                              : st->hedge     ? " possibly at "
                              : st->still     ? " still at "
                                              : " at ";
            if (elide && !i) pre = delta ? "" : st->modal ? "expected at " : "";
            ea_buf_puts(b, pre);
            put_value(b, v, st, sent, n, ts);
        }
    } else if (st->state) {
        put_state(b, st);
    } else if (st->modal) {
        ea_buf_puts(b, st->still ? " expected to continue" : " expected");
    } else if (st->still) {
        ea_buf_puts(b, " continuing");
    }
tail:
    if (st->per[0]) {
        ea_buf_puts(b, " in ");
        ea_buf_puts(b, st->per);
    }
    if (st->place) {
        const ea_str w = st->place->ent->name;
        ea_buf_puts(b, st->mainly ? ", mainly " : " ");
        if (st->place->role == R_PLACE) ea_buf_puts(b, "in ");
        ea_buf_append(b, w.ptr, w.len);
    }
    for (size_t i = 0; i < st->nvals; i++)
        if (st->vals[i]->fact && !is_delta(st->vals[i])) {
            put_change(b, st->vals[i]->fact, sent, st->vals[i]->e, st->own_end < n ? st->own_end : n);
            break;
        }
}

/* ---- writing in Chinese (--lang zh) ------------------------------------------ */

/* The same statements, in Chinese: companies by the packs' Chinese names,
 * topics, states, places and small words by the first cue of their id in
 * data/zh_minutes.txt, measure words as the sentence writes them, amounts
 * in 万 and 亿 with the value's own digits. A bullet is composed in
 * Simplified (the canonical names are) and converted to the digest's
 * script once chosen (ea_zh_convert). */

static ea_str zh_of(const ea_entity *e) { return e->name_zh.len ? e->name_zh : e->name; }

/* a word after what b holds: two Latin words apart (800G DSP), else joined */
static void put_word_zh(ea_buf *b, ea_str w) {
    if (!w.len) return;
    if (b->len && ea_is_alnum((unsigned char)b->ptr[b->len - 1]) && ea_is_alnum((unsigned char)w.ptr[0]))
        ea_buf_putc(b, ' ');
    ea_buf_append(b, w.ptr, w.len);
}

static size_t chars_of(ea_str s) {
    size_t k = 0;
    for (size_t i = 0; i < s.len; i++) k += ((unsigned char)s.ptr[i] & 0xC0) != 0x80;
    return k;
}

/* a token's Chinese: a word the sentence writes in Latin letters (EML,
   800G, GPU) keeps its English name; a thing or an actor the word the
   sentence uses (晶片 for 芯片, 大客户 for 客户: the call's own), unless it
   is a short-hand (头部 for 头部厂商); everything else its Chinese name */
static ea_str tok_zh(const tok_t *t, const char *text, size_t len) {
    if (t->s < len && !((unsigned char)text[t->s] & 0x80)) return t->ent->name;
    ea_str z = zh_of(t->ent);
    if ((t->role == R_SUBJECT || t->role == R_ACTOR) && t->e <= len && t->s < t->e) {
        ea_str w = ea_str_make(text + t->s, t->e - t->s);
        if (chars_of(w) >= chars_of(z)) return w;
    }
    return z;
}

static const char *cur_zh(const char *u) {
    static const struct {
        const char *code, *zh;
    } c[] = {{"USD", "美元"}, {"CNY", "元"},   {"HKD", "港元"}, {"TWD", "新台币"},
             {"EUR", "欧元"}, {"GBP", "英镑"}, {"JPY", "日元"}};
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        if (!strcmp(u, c[i].code)) return c[i].zh;
    return NULL;
}

/* 4,070: thousands separators on the integer part, the digits the value's */
static void put_grouped(ea_buf *b, double v) {
    char t[48];
    int n = snprintf(t, sizeof t, "%.15g", v);
    if (n <= 0 || (size_t)n >= sizeof t) return;
    if (memchr(t, 'e', (size_t)n)) {
        ea_buf_append(b, t, (size_t)n);
        return;
    }
    const char *dot = memchr(t, '.', (size_t)n);
    size_t ilen = dot ? (size_t)(dot - t) : (size_t)n;
    for (size_t i = 0; i < ilen; i++) {
        if (i && (ilen - i) % 3 == 0) ea_buf_putc(b, ',');
        ea_buf_putc(b, t[i]);
    }
    if (dot) ea_buf_append(b, dot, (size_t)n - ilen);
}

/* "4,070万美元", "1.6亿元", "30%", "2.1个百分点", "1,000万" (a count: the
 * measure word follows); bare: without the unit (the low end of a range,
 * whose unit the high end writes), except a percent */
static void amount_zh(ea_buf *b, double v, const char *unit, int bare) {
    const char *u = unit ? unit : "";
    if (!strcmp(u, "%")) {
        put_num(b, v);
        ea_buf_putc(b, '%');
        return;
    }
    if (!strcmp(u, "pp") || !strcmp(u, "bps") || !strcmp(u, "x")) {
        put_num(b, v);
        if (!bare) ea_buf_puts(b, !strcmp(u, "pp") ? "个百分点" : !strcmp(u, "bps") ? "个基点" : "倍");
        return;
    }
    if (v < 0) ea_buf_putc(b, '-');
    double a = fabs(v);
    if (a >= 1e8) {
        put_grouped(b, a / 1e8);
        ea_buf_puts(b, "亿");
    } else if (a >= 1e4) {
        put_grouped(b, a / 1e4);
        ea_buf_puts(b, "万");
    } else {
        put_grouped(b, a);
    }
    if (bare || !*u) return;
    const char *c = !strcmp(u, "shares") ? "股" : cur_zh(u);
    ea_buf_puts(b, c ? c : u);
}

static void qualifier_zh(ea_buf *b, unsigned f) {
    if (f & EA_Q_MORE) ea_buf_puts(b, "超过");
    else if (f & EA_Q_LESS) ea_buf_puts(b, "不到");
    else if (f & EA_Q_APPROX) ea_buf_puts(b, "约");
}

/* the measure word right after a bare count, as the sentence writes it
   (只, 台, 周, 個月) */
static void put_measure_zh(ea_buf *b, const toks_t *ts, size_t e) {
    for (size_t i = 0; i < ts->n; i++)
        if (ts->t[i].role == R_MEASURE && ts->t[i].s == e && ts->t[i].e <= ts->len) {
            ea_buf_append(b, ts->text + ts->t[i].s, ts->t[i].e - ts->t[i].s);
            return;
        }
}

/* the direction word of a change: 增长 for a percent, 提升 for points */
static const char *dir_zh(int dir, int points) { return dir < 0 ? "下降" : dir > 0 ? (points ? "提升" : "增长") : ""; }

/* One figure after `verb` (预计, 可能, 仍, or nothing): "预计约350亿元",
 * "同比增长221%", "仍超过40%", "为165亿元" (with `copula`, a level without
 * a qualifier takes 为) */
static void put_value_zh(ea_buf *b, const tok_t *v, const stmt_t *st, const char *verb, int copula, const char *sent,
                         size_t n, const toks_t *ts) {
    ea_buf_puts(b, verb);
    if (v->role == R_COUNT) {
        if (copula && !(v->qflags & (EA_Q_APPROX | EA_Q_MORE | EA_Q_LESS))) ea_buf_puts(b, "为");
        qualifier_zh(b, v->qflags);
        amount_zh(b, v->value, "", 0);
        put_measure_zh(b, ts, v->e);
        return;
    }
    const ea_fact *f = v->fact;
    unsigned fl = qty_flags(sent + v->s, v->e - v->s, -1, 0);
    if (!(fl & (EA_Q_APPROX | EA_Q_MORE | EA_Q_LESS))) fl |= suffix_flags(sent, n, v->e, ts);
    int qual = (fl & (EA_Q_APPROX | EA_Q_MORE | EA_Q_LESS)) != 0;
    if (is_delta(v) && !f->is_range) {
        int dir = f->is_change ? (f->value < 0 ? -1 : 1) : 0;
        if (!f->is_change && st->state) {
            ea_str a = form(st->state->ent->name, 0);
            dir = a.len == 7 && !memcmp(a.ptr, "falling", 7) ? -1 : a.len == 6 && !memcmp(a.ptr, "rising", 6) ? 1 : 0;
        }
        int against = compared(sent, st->own_start, st->own_end < n ? st->own_end : n);
        if (against) ea_buf_puts(b, against == 1 ? "同比" : "环比");
        ea_buf_puts(b, dir_zh(dir, strcmp(f->unit, "%") != 0));
        if (!dir && !qual && copula) ea_buf_puts(b, "为");
        qualifier_zh(b, fl);
        amount_zh(b, fabs(f->value), f->unit, 0);
        return;
    }
    int dir = dir_before(st, v);
    if (dir) ea_buf_puts(b, dir_zh(dir, 0));
    else if (!qual && copula) ea_buf_puts(b, "为");
    qualifier_zh(b, fl);
    if (f->per_share) ea_buf_puts(b, "每股");
    if (f->is_range) {
        amount_zh(b, f->low, f->unit, 1);
        ea_buf_puts(b, "至");
        amount_zh(b, f->high, f->unit, 0);
    } else {
        amount_zh(b, f->value, f->unit, 0);
    }
    if (!*f->unit) put_measure_zh(b, ts, v->e);
}

/* "，同比增长超过100%": the change of a level figure its own clause words */
static void put_change_zh(ea_buf *b, const ea_fact *f, const char *sent, size_t from, size_t to) {
    double c;
    unsigned fl;
    if (!worded_change(f, sent, from, to, &c, &fl)) return;
    ea_buf_puts(b, f->has_yoy ? "，同比" : "，环比");
    ea_buf_puts(b, dir_zh(c < 0 ? -1 : 1, 0));
    qualifier_zh(b, fl);
    put_num(b, fabs(c));
    ea_buf_putc(b, '%');
}

/* a state after its noun: "仍紧张", "预计翻倍", "可能下降", "继续增长" (a
   verb continues, an adjective stays) */
static void put_state_zh(ea_buf *b, const stmt_t *st) {
    int verb = form(st->state->ent->name, 1).len != 0;
    if (st->hedge) ea_buf_puts(b, "可能");
    else if (st->modal) ea_buf_puts(b, "预计");
    if (st->still && !st->hedge) ea_buf_puts(b, verb ? "继续" : "仍");
    ea_str a = zh_of(st->state->ent);
    ea_buf_append(b, a.ptr, a.len);
}

/* names in the source's order: 和 (、 before the last) where the source
   joins them, else side by side (EML芯片) */
static void put_words_zh(ea_buf *b, const tok_t *const *w, size_t n, const char *t, size_t tlen) {
    for (size_t i = 0; i < n; i++) {
        if (i && w[i - 1]->e <= tlen && w[i]->s <= tlen && w[i - 1]->e <= w[i]->s && joined(t, w[i - 1]->e, w[i]->s))
            ea_buf_puts(b, i + 1 == n ? "和" : "、");
        put_word_zh(b, tok_zh(w[i], t, tlen));
    }
}

static void put_companies_zh(ea_buf *b, const stmt_t *st) {
    for (size_t i = 0; i < st->ncomp; i++) {
        if (i) ea_buf_puts(b, i + 1 == st->ncomp ? "和" : "、");
        put_word_zh(b, st->comp[i] ? zh_of(st->comp[i]) : st->comp_name[i]);
    }
}

/* what the statement is about: 北美云厂商资本开支, 头部厂商在泰国扩产,
   海外需求 (a place adjective goes first, a place before the noun) */
static void put_subject_zh(ea_buf *b, const stmt_t *st, int with_subjects) {
    if (st->place && st->place->role == R_PLACEADJ) put_word_zh(b, zh_of(st->place->ent));
    if (with_subjects) put_words_zh(b, st->subj, st->nsubj, st->stext, st->slen);
    if (st->place && st->place->role == R_PLACE && !st->mainly) {
        ea_buf_puts(b, "在");
        put_word_zh(b, zh_of(st->place->ent));
    }
    put_word_zh(b, st->noun_zh);
}

/* One statement in Chinese; `prev` is the one written before it, k its
 * place in the bullet. The period leads ("2026年800G光模块需求预计约
 * 4,000万只"); a forecast of nothing but a time leads with 预计 ("预计2026年
 * 上半年产能释放"). */
static void put_stmt_zh(ea_buf *b, const stmt_t *st, const stmt_t *prev, size_t k, const char *sent, size_t n,
                        const toks_t *ts) {
    int same = prev && same_subjects(prev, st);
    int elide = same && prev->topic && st->topic && st->topic->ent == prev->topic->ent && st->nvals && !st->benefit;
    if (st->cond) ea_buf_puts(b, "如果");
    if (st->ncomp && !same) {
        put_companies_zh(b, st);
        if (k == 0 && !st->cond) ea_buf_puts(b, "：");
    }
    if (st->benefit) {
        ea_buf_puts(b, st->per);
        ea_buf_puts(b, st->modal ? "预计受益于" : st->hedge ? "可能受益于" : "受益于");
        put_subject_zh(b, st, 1);
        if (st->state) {
            ea_str a = zh_of(st->state->ent);
            ea_buf_append(b, a.ptr, a.len);
        }
        goto tail;
    }
    int lead = st->modal && !st->nvals && !st->state && !st->nlist;
    if (lead) ea_buf_puts(b, "预计");
    put_word_zh(b, ea_str_make(st->per, strlen(st->per)));
    if (!elide) put_subject_zh(b, st, !same);
    if (st->nlist) {
        ea_buf_puts(b, "：");
        put_words_zh(b, st->list, st->nlist, sent, n);
    } else if (st->nvals) {
        for (size_t i = 0; i < st->nvals; i++) {
            const char *verb = i ? "、" : st->modal ? "预计" : st->hedge ? "可能" : st->still ? "仍" : "";
            put_value_zh(b, st->vals[i], st, verb, !i && !elide, sent, n, ts);
        }
    } else if (st->state) {
        put_state_zh(b, st);
    } else if (st->still) {
        ea_buf_puts(b, "持续");
    }
tail:
    for (size_t i = 0; i < st->nvals; i++)
        if (st->vals[i]->fact && !is_delta(st->vals[i])) {
            put_change_zh(b, st->vals[i]->fact, sent, st->vals[i]->e, st->own_end < n ? st->own_end : n);
            break;
        }
    if (st->place && st->place->role == R_PLACE && st->mainly) {
        ea_buf_puts(b, "，主要在");
        ea_str w = zh_of(st->place->ent);
        ea_buf_append(b, w.ptr, w.len);
    }
}

/* ---- choosing ------------------------------------------------------------------- */

typedef struct {
    int sec;
    double score;
    size_t order;
    dg_item item;
} cand_t;

static int speaks(const ea_call *c, uint32_t para) {
    const ea_paragraph *p = ea_call_paragraph(c, para);
    const ea_turn *t = p ? ea_call_turn(c, p->turn) : NULL;
    if (!t || t->speaker < 0) return 1;
    ea_role r = ea_call_participant(c, (size_t)t->speaker)->role;
    return r != EA_ROLE_OPERATOR && r != EA_ROLE_ANALYST;
}

static int is_zh(ea_lang l) { return l == EA_LANG_ZH_HANS || l == EA_LANG_ZH_HANT; }

/* The subjects a question names, for an answer that names none. */
static void question_subjects(const ctx_t *x, uint32_t qpara, toks_t *qt) {
    qt->n = 0;
    size_t ns;
    const ea_sentence *ss = ea_call_sentences(x->c, &ns);
    if (!ss) return;
    const ea_paragraph *p = ea_call_paragraph(x->c, qpara);
    if (!p) return;
    /* the question's own sentences: the first with a subject */
    size_t lo = 0, hi = ns;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ss[mid].para < qpara) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < ns && ss[i].para == qpara && i < lo + 8; i++) {
        size_t n = ea_utf8_floor(ss[i].text.ptr, ss[i].text.len < SENT_MAX ? ss[i].text.len : SENT_MAX);
        size_t fi = x->nf; /* no facts */
        toks_t *t = qt;
        tokens_of(x, &ss[i], n, &fi, t);
        size_t k = 0;
        for (size_t j = 0; j < t->n; j++)
            if (subj_role(t->t[j].role) || t->t[j].role == R_COMPANY) t->t[k++] = t->t[j];
        t->n = k;
        if (k) return;
    }
}

static int cmp_fact(const void *a, const void *b) {
    const ea_fact *x = *(const ea_fact *const *)a, *y = *(const ea_fact *const *)b;
    return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

static ea_str keep_str(dg_t *dg, const char *p, size_t n) {
    char *s = ea_arena_strdup(&dg->arena, p ? p : "", n);
    if (!s) {
        dg->failed = 1;
        return ea_str_make("", 0);
    }
    return ea_str_make(s, n);
}

/* One sentence: its bullet into *cd; 0 when it makes none. */
static int sentence_bullet(ctx_t *x, const ea_sentence *s, size_t *fi, cand_t *cd, toks_t *ts, toks_t *qt) {
    size_t n = ea_utf8_floor(s->text.ptr, s->text.len < SENT_MAX ? s->text.len : SENT_MAX);
    const char *t = s->text.ptr;
    tokens_of(x, s, n, fi, ts);
    if (!ts->n) return 0;
    /* clauses */
    size_t cut[MAX_CLAUSES + 1], nc = 0;
    cut[nc++] = 0;
    for (size_t i = 0; i < n && nc < MAX_CLAUSES; i++) {
        int k = boundary_at(t, n, i);
        if (k) {
            cut[nc++] = i + (size_t)k;
            i += (size_t)k - 1;
        }
    }
    stmt_t st[MAX_CLAUSES];
    size_t nst = 0;
    const stmt_t *carry = NULL; /* the last statement: a clause without a topic or subject continues it */
    stmt_t pending;             /* a subject named in a clause that says nothing yet */
    int has_pending = 0;
    memset(&pending, 0, sizeof pending);
    for (size_t c = 0; c < nc; c++) {
        size_t cs = cut[c], ce = c + 1 < nc ? cut[c + 1] : n;
        stmt_t cur;
        clause_stmt(ts, cs, ce, &cur);
        if (!cur.noun && cur.nvals && carry && carry->noun) {
            /* "，今年一季度就做到了1.6亿元": the figure of the same topic */
            cur.noun = carry->noun;
            cur.noun_zh = carry->noun_zh;
            cur.sec = carry->sec;
            cur.topic = carry->topic;
            cur.nsubj = carry->nsubj;
            memcpy(cur.subj, carry->subj, sizeof cur.subj);
            cur.ncomp = carry->ncomp;
            memcpy(cur.comp, carry->comp, sizeof cur.comp);
            memcpy(cur.comp_name, carry->comp_name, sizeof cur.comp_name);
        }
        /* where its words end: before the next clause with a topic or a
           subject of its own */
        cur.own_start = cs;
        cur.own_end = n;
        for (size_t d = c + 1; d < nc; d++) {
            int own = 0;
            for (size_t i = 0; i < ts->n && !own; i++) {
                const tok_t *q = &ts->t[i];
                own = q->s >= cut[d] && (d + 1 >= nc || q->s < cut[d + 1]) &&
                      (q->role == R_TOPIC || subj_role(q->role) || q->role == R_COMPANY);
            }
            if (own) {
                cur.own_end = cut[d];
                break;
            }
        }
        if (!cur.noun) {
            if (cur.nsubj || cur.ncomp) { /* 东田微作为隔离器供应商，...: the subject of what follows */
                pending = cur;
                has_pending = 1;
            }
            continue;
        }
        /* the period: the clause's own; else the one the sentence named
           before (left unsaid); else its figure's, when the extractor read
           one in the sentence (not a change in points: its period is the
           comparison's) */
        int said = 0;
        for (size_t k = 0; k < nst; k++) said |= st[k].per[0] != 0;
        for (size_t k = 0; k < cur.nvals && !cur.per[0] && !said; k++) {
            const ea_fact *f = cur.vals[k]->fact;
            if (f && !f->period_implied && !is_delta(cur.vals[k])) fact_period(f->period, x->zh, cur.per, sizeof cur.per);
        }
        if (!cur.nsubj && !cur.ncomp && has_pending) {
            /* one that benefits is a company, not a thing */
            cur.nsubj = cur.benefit ? 0 : pending.nsubj;
            memcpy(cur.subj, pending.subj, sizeof cur.subj);
            cur.ncomp = pending.ncomp;
            memcpy(cur.comp, pending.comp, sizeof cur.comp);
            memcpy(cur.comp_name, pending.comp_name, sizeof cur.comp_name);
        }
        if (!has_content(&cur)) {
            if (cur.nsubj || cur.ncomp) {
                pending = cur;
                has_pending = 1;
            }
            continue;
        }
        if (nst < MAX_STMTS) {
            st[nst] = cur;
            carry = &st[nst];
            nst++;
        }
    }
    if (!nst) return 0;
    /* an answer that names no subject takes the question's */
    uint32_t qp = x->question_of ? x->question_of[s->para] : 0;
    if (qp && !st[0].nsubj && !st[0].ncomp) {
        question_subjects(x, qp - 1, qt);
        for (size_t i = 0; i < qt->n; i++) {
            const tok_t *q = &qt->t[i];
            if (q->role == R_COMPANY) stmt_company(&st[0], q->ent, q->ent->name);
            else if (st[0].nsubj < 6) st[0].subj[st[0].nsubj++] = q;
        }
        if (st[0].nsubj || st[0].ncomp) {
            st[0].borrowed = 1;
            st[0].stext = qt->text;
            st[0].slen = qt->len;
        }
        /* the next statements of the sentence are about the same thing */
    }
    const ea_paragraph *p = ea_call_paragraph(x->c, s->para);
    int hant = p && p->lang == EA_LANG_ZH_HANT;
    ea_buf b;
    ea_buf_init(&b, 4096);
    for (size_t i = 0; i < nst; i++) {
        size_t at = b.len;
        if (i && x->zh) ea_buf_puts(&b, st[i - 1].cond ? "，" : "；");
        else if (i) ea_buf_puts(&b, st[i - 1].cond ? ", " : "; ");
        if (x->zh) put_stmt_zh(&b, &st[i], i ? &st[i - 1] : NULL, i, t, n, ts);
        else put_stmt(&b, &st[i], i ? &st[i - 1] : NULL, i, t, n, ts, hant);
        if (i && b.len > BULLET_MAX) {
            b.len = at;
            break;
        }
    }
    if (b.failed || !b.len) {
        ea_buf_free(&b);
        return 0;
    }
    /* capitalised, unless it starts with a name written in lower case (iPhone) */
    if (!x->zh && ea_is_lower((unsigned char)b.ptr[0])) b.ptr[0] = (char)(b.ptr[0] - 32);
    memset(cd, 0, sizeof *cd);
    cd->item.text = keep_str(x->dg, b.ptr, b.len);
    ea_buf_free(&b);
    /* where it goes */
    int sec = st[0].sec;
    int comp = st[0].ncomp > 0;
    if (comp && (sec == S_OVERVIEW || sec == S_DEMAND || sec == S_OUTLOOK || sec == S_ANY)) sec = S_COMPANIES;
    if (sec == S_ANY) sec = S_OVERVIEW;
    cd->sec = sec;
    double sc = 0;
    for (size_t i = 0; i < nst; i++)
        sc += 2.0 * (double)st[i].nvals + (st[i].state ? 1 : 0) + (st[i].per[0] ? 1 : 0) + (st[i].place ? 1 : 0) +
              (st[i].ncomp ? 1.5 : 0) + 0.5 * (double)st[i].nsubj;
    cd->score = sc;
    dg_item *it = &cd->item;
    it->n_cites = 0;
    it->cites[it->n_cites++] = s->para;
    if (st[0].borrowed && qp - 1 != s->para) {
        uint32_t q = qp - 1;
        if (q < s->para) {
            it->cites[1] = it->cites[0];
            it->cites[0] = q;
        } else {
            it->cites[1] = q;
        }
        it->n_cites = 2;
    }
    it->quote = s->span;
    for (size_t i = 0; i < nst && !it->fact; i++)
        for (size_t k = 0; k < st[i].nvals && !it->fact; k++) it->fact = st[i].vals[k]->fact;
    return 1;
}

/* ---- title and time ------------------------------------------------------------ */

static void title_case(ea_buf *b, ea_str w) {
    for (size_t i = 0; i < w.len; i++) {
        unsigned char c = (unsigned char)w.ptr[i];
        int start = i == 0 || w.ptr[i - 1] == ' ' || w.ptr[i - 1] == '-';
        ea_buf_putc(b, (char)(start && ea_is_lower(c) ? c - 32 : c));
    }
}

static int on_name(void *ctx, const ea_mention *m) {
    toks_t *ts = ctx;
    tok_t *t = tok_add(ts, m->entity->kind == EA_ENTITY_COMPANY ? R_COMPANY : R_PRODUCT, m->span.start, m->span.end);
    if (!t) return 1;
    t->ent = m->entity;
    return 0;
}

/* The companies' set in use on this thread (the caller's packs, or the
 * built-in ones). */
static const ea_entities *names_in_use(void) {
    const ea_entities *cur = ea_entities_use(NULL);
    ea_entities_use(cur);
    return cur ? cur : ea_entities_default();
}

/* "Summary of Expert Call on Optical Module Industry" from 光模块行业专家交流会纪要 */
static void make_title(ctx_t *x, ea_str src, toks_t *ts) {
    dg_t *dg = x->dg;
    ea_buf b;
    ea_buf_init(&b, 1024);
    ts->n = 0;
    const ea_entities *L = lexicon(), *names = names_in_use();
    size_t n = src.len ? ea_utf8_floor(src.ptr, src.len < SENT_MAX ? src.len : SENT_MAX) : 0;
    if (n && names) ea_entities_find(names, src.ptr, n, on_name, ts);
    if (n && L) ea_entities_find(L, src.ptr, n, on_lex, ts);
    qsort(ts->t, ts->n, sizeof ts->t[0], cmp_tok);
    const ea_entity *kind = NULL;
    int nsubj = 0;
    ea_buf_puts(&b, "Summary of ");
    size_t at = b.len;
    ea_buf_puts(&b, "Conference Call");
    for (size_t i = 0; i < ts->n; i++) {
        const tok_t *t = &ts->t[i];
        if (t->role == R_KIND) {
            if (!kind) kind = t->ent;
            continue;
        }
        if (t->role != R_SUBJECT && t->role != R_TOPIC && t->role != R_PLACEADJ && t->role != R_COMPANY &&
            t->role != R_PRODUCT)
            continue;
        if (nsubj >= 4) continue;
        ea_buf_puts(&b, nsubj++ ? " " : " on ");
        title_case(&b, t->ent->name);
    }
    /* the period the title names: "..., Q1 2024" */
    for (size_t i = 0; i < n; i++) {
        char lab[40];
        if (period_at(src.ptr, n, i, x->cy, 0, lab, sizeof lab)) {
            ea_buf_puts(&b, ", ");
            ea_buf_puts(&b, lab);
            break;
        }
    }
    if (kind && !b.failed) {
        /* the kind in place of "Conference Call" */
        size_t cl = strlen("Conference Call"), tail = b.len - at - cl;
        if (ea_buf_reserve(&b, kind->name.len) == 0) {
            memmove(b.ptr + at + kind->name.len, b.ptr + at + cl, tail);
            memcpy(b.ptr + at, kind->name.ptr, kind->name.len);
            b.len = at + kind->name.len + tail;
        }
    }
    dg->title = b.failed ? ea_str_make("Summary of Conference Call", 26) : keep_str(dg, b.ptr, b.len);
    ea_buf_free(&b);
}

static int put_buf(void *ctx, const char *d, size_t n) { return ea_buf_append(ctx, d, n) ? -1 : 0; }

/* Chinese text in the digest's script, kept in its arena: OpenCC's
 * conversion (ea_zh_convert) to Simplified or Traditional. Text that does
 * not convert (never: it is valid UTF-8) is kept as it is. */
static ea_str in_script(ctx_t *x, ea_str s) {
    ea_buf b;
    ea_buf_init(&b, 0);
    ea_status st = ea_zh_convert(s.ptr, s.len, x->dg->lang, 0, put_buf, &b, NULL);
    ea_str r;
    if (st == EA_OK && !b.failed) {
        r = keep_str(x->dg, b.ptr, b.len);
    } else {
        if (st == EA_ERR_NOMEM || b.failed) x->dg->failed = 1;
        r = keep_str(x->dg, s.ptr, s.len);
    }
    ea_buf_free(&b);
    return r;
}

/* The Chinese minutes' title: the call's own, in the digest's script */
static void make_title_zh(ctx_t *x, ea_str src) {
    static const char none[] = "电话会议纪要";
    x->dg->title = in_script(x, src.len ? src : ea_str_make(none, sizeof none - 1));
}

/* The call's date and, when its header line gives one, the time it began:
 * "2024-05-08 15:00". */
static void make_when(ctx_t *x) {
    const ea_call_info *in = ea_call_get_info(x->c);
    char out[32];
    size_t o = 0;
    if (in->date.len && in->date.len < 16) {
        memcpy(out, in->date.ptr, in->date.len);
        o = in->date.len;
    }
    /* the header: the text before the first paragraph (bounded) */
    size_t end = x->clen;
    if (ea_call_paragraph_count(x->c)) end = ea_call_paragraph(x->c, 0)->span.start;
    if (end > 4096) end = 4096;
    const char *t = x->ctext;
    ea_lines it;
    ea_lines_init(&it, t, end);
    size_t ls, le;
    char hhmm[8] = "";
    while (!hhmm[0] && ea_lines_next(&it, &ls, &le)) {
        ea_str line = ea_str_make(t + ls, le - ls);
        if (!ea_find(line, "时间") && !ea_find(line, "時間") && !ea_find(line, "日期")) continue;
        for (size_t i = ls; i + 2 < le; i++) {
            /* H:MM or HH:MM, the colon ASCII or full width */
            if (!ea_is_digit((unsigned char)t[i]) || (i > ls && ea_is_digit((unsigned char)t[i - 1]))) continue;
            size_t j = i;
            while (j < le && j - i < 2 && ea_is_digit((unsigned char)t[j])) j++;
            size_t colon = (j < le && t[j] == ':') ? 1 : (le - j >= 3 && !memcmp(t + j, "：", 3)) ? 3 : 0;
            if (!colon) continue;
            size_t m = j + colon;
            if (le - m < 2 || !ea_is_digit((unsigned char)t[m]) || !ea_is_digit((unsigned char)t[m + 1])) continue;
            if (m + 2 < le && ea_is_digit((unsigned char)t[m + 2])) continue;
            int w = snprintf(hhmm, sizeof hhmm, "%s%.*s:%.2s", j - i == 1 ? "0" : "", (int)(j - i), t + i, t + m);
            if (w <= 0 || (size_t)w >= sizeof hhmm) hhmm[0] = 0;
            break;
        }
    }
    if (hhmm[0] && o + 1 + strlen(hhmm) < sizeof out) {
        if (o) out[o++] = ' ';
        memcpy(out + o, hhmm, strlen(hhmm));
        o += strlen(hhmm);
    }
    x->dg->when = keep_str(x->dg, out, o);
}

/* ---- the whole ------------------------------------------------------------------ */

int ea_zhm_applies(const ea_call *c) {
    size_t np = ea_call_paragraph_count(c), zh = 0, other = 0;
    for (size_t i = 0; i < np; i++) {
        const ea_paragraph *p = ea_call_paragraph(c, i);
        if (is_zh(p->lang)) zh += p->text.len;
        else other += p->text.len;
    }
    return zh > 0 && zh > other;
}

static int year_of(ea_str s) {
    if (s.len < 4) return 0;
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        if (!ea_is_digit((unsigned char)s.ptr[i])) return 0;
        y = y * 10 + (s.ptr[i] - '0');
    }
    return y >= 1990 && y <= 2100 ? y : 0;
}

int ea_zhm_build(dg_t *dg) {
    ctx_t x;
    memset(&x, 0, sizeof x);
    x.dg = dg;
    x.c = dg->call;
    x.ctext = ea_call_text(dg->call, &x.clen);
    x.zh = dg->lang == EA_LANG_ZH_HANS || dg->lang == EA_LANG_ZH_HANT;
    dg->zh_source = 1;
    const ea_call_info *in = ea_call_get_info(dg->call);
    x.cy = year_of(in->date);
    if (!x.cy && in->period.len == 6) x.cy = year_of(in->period.ptr[0] == 'F' ? ea_str_make(in->period.ptr + 2, 4) : in->period);
    dg->source_title = in->event_title;
    if (!dg->source_title.len) {
        /* the first line of a header the parser did not take as a title */
        size_t end = ea_call_paragraph_count(dg->call) ? ea_call_paragraph(dg->call, 0)->span.start : 0;
        ea_lines it;
        ea_lines_init(&it, x.ctext, end < 4096 ? end : 4096);
        size_t ls, le;
        while (ea_lines_next(&it, &ls, &le)) {
            ea_str l = ea_trim(ea_str_make(x.ctext + ls, le - ls));
            if (!l.len) continue;
            ea_lang_counts lc;
            ea_lang_count(l.ptr, l.len, l.len, &lc);
            if (lc.cjk && !ea_find(l, "时间") && !ea_find(l, "時間") && !ea_find(l, "日期")) dg->source_title = l;
            break;
        }
    }
    toks_t *ts = malloc(2 * sizeof *ts);
    if (!ts) return -1;
    if (x.zh) make_title_zh(&x, dg->source_title);
    else make_title(&x, dg->source_title, ts);
    make_when(&x);
    /* facts of the original text, by position */
    size_t nf = ea_facts_count(dg->facts);
    x.facts = nf ? ea_arena_calloc(&dg->arena, nf, sizeof *x.facts) : NULL;
    if (nf && !x.facts) {
        free(ts);
        return -1;
    }
    for (size_t i = 0; i < nf; i++) {
        const ea_fact *f = ea_facts_get(dg->facts, i);
        if (!f->in_translation && f->has_value) x.facts[x.nf++] = f;
    }
    if (x.nf > 1) qsort(x.facts, x.nf, sizeof *x.facts, cmp_fact);
    if (ea_mentions_find(NULL, dg->call, &x.ms, NULL) != EA_OK) x.ms = NULL; /* no names, still the figures */
    /* answers and their questions */
    size_t np = ea_call_paragraph_count(dg->call);
    x.question_of = np ? ea_arena_calloc(&dg->arena, np, sizeof *x.question_of) : NULL;
    if (np && !x.question_of) {
        free(ts);
        ea_mentions_free(x.ms);
        return -1;
    }
    for (size_t e = 0; e < ea_call_exchange_count(dg->call); e++) {
        const ea_exchange *xe = ea_call_exchange(dg->call, e);
        if (!xe->n_question_paras) continue;
        uint32_t q = xe->question_paras[xe->n_question_paras - 1];
        for (uint32_t k = 0; k < xe->n_answer_turns; k++) {
            const ea_turn *t = ea_call_turn(dg->call, xe->answer_turns[k]);
            if (t && t->first_para < np) x.question_of[t->first_para] = q + 1; /* its first paragraph */
        }
    }
    size_t ns;
    const ea_sentence *ss = ea_call_sentences(dg->call, &ns);
    cand_t *cs = ns ? ea_arena_calloc(&dg->arena, ns, sizeof *cs) : NULL;
    size_t nc = 0, fi = 0;
    if (ns && !cs) {
        free(ts);
        ea_mentions_free(x.ms);
        return -1;
    }
    for (size_t i = 0; i < ns && ss; i++) {
        const ea_paragraph *p = ea_call_paragraph(dg->call, ss[i].para);
        if (!p || !is_zh(p->lang) || !speaks(dg->call, ss[i].para)) continue;
        if (sentence_bullet(&x, &ss[i], &fi, &cs[nc], &ts[0], &ts[1])) {
            /* the same bullet twice says nothing new */
            int dup = 0;
            for (size_t k = 0; k < nc && !dup; k++)
                dup = cs[k].item.text.len == cs[nc].item.text.len &&
                      !memcmp(cs[k].item.text.ptr, cs[nc].item.text.ptr, cs[nc].item.text.len);
            if (!dup) cs[nc].order = nc, nc++;
        }
        if (dg->failed) break;
    }
    free(ts);
    ea_mentions_free(x.ms);
    /* each section: its best few, in the call's order */
    dg->themes = ea_arena_calloc(&dg->arena, S_COUNT, sizeof *dg->themes);
    if (!dg->themes) return -1;
    size_t total = 0;
    for (int sec = 0; sec < S_COUNT; sec++) {
        size_t pick[PER_SECTION], npk = 0;
        while (npk < PER_SECTION && total + npk < MAX_TOTAL) {
            long best = -1;
            for (size_t i = 0; i < nc; i++) {
                if (cs[i].sec != sec) continue;
                int taken = 0;
                for (size_t j = 0; j < npk; j++) taken |= pick[j] == i;
                if (!taken && (best < 0 || cs[i].score > cs[best].score)) best = (long)i;
            }
            if (best < 0) break;
            pick[npk++] = (size_t)best;
        }
        if (!npk) continue;
        for (size_t a = 1; a < npk; a++)
            for (size_t k = a; k > 0 && pick[k - 1] > pick[k]; k--) {
                size_t t = pick[k];
                pick[k] = pick[k - 1];
                pick[k - 1] = t;
            }
        dg_section *s = &dg->themes[dg->n_themes++];
        s->id = sections[sec].id;
        s->heading = !x.zh                         ? sections[sec].heading
                     : dg->lang == EA_LANG_ZH_HANT ? sections[sec].heading_hant
                                                   : sections[sec].heading_hans;
        s->items = ea_arena_calloc(&dg->arena, npk, sizeof *s->items);
        if (!s->items) return -1;
        for (size_t k = 0; k < npk; k++) {
            s->items[s->n] = cs[pick[k]].item;
            if (x.zh) s->items[s->n].text = in_script(&x, s->items[s->n].text);
            s->n++;
        }
        total += npk;
    }
    return dg->failed ? -1 : 0;
}
