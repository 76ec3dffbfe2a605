/* Subtitle cues from speech recognition: WebVTT and SubRip (SRT).
 *
 * A cue is an optional identifier, a timing line ("00:01:02.500 -->
 * 00:01:05.000" with optional settings; hours optional; "," or "." before
 * the milliseconds) and lines of text up to a blank line. The speaker comes
 * from a voice tag (<v Name>, <v.loud Name>; Teams) or a "Name:" prefix
 * (Zoom, Otter); either holds until another speaker appears.
 *
 * Cues are merged into paragraphs: consecutive cues of one speaker join
 * while the pause between them is short and the paragraph is not too long;
 * a new speaker starts a new turn. Each paragraph keeps [start, end] in
 * seconds.
 *
 * Text: tags (<v>, <c.x>, <i>, <b>, <u>, <lang>, <ruby>, <00:00:01.000>,
 * SRT's <font ...> and {\an8}) are cut out and the runs of text between
 * them handed to the builder, which joins them with a space, so every byte
 * of a paragraph maps back to the input. Character references (&amp; &lt;
 * &gt; &nbsp;) are kept as written: decoding would change the length of a
 * run, and paragraph pieces map text to source byte for byte.
 *
 * Bad cues (unreadable times, end before start, text with no timing line)
 * are skipped with a warning; the parse fails only when no cue at all can
 * be read. One pass over the lines; nothing is sorted, so any number of
 * identical timestamps costs the same as distinct ones. */
#include <string.h>

#include "parsers.h"

#define PAUSE_NEW_PARA 2.0   /* seconds of silence that end a paragraph */
#define PARA_SOFT_BYTES 1000 /* past this, a cue that follows a sentence end starts a paragraph */
#define PARA_MAX_BYTES 2000  /* past this, any new cue starts a paragraph */
#define PARA_HARD_BYTES 8192 /* past this, even text inside one cue is cut */
#define MAX_WARN 5           /* warnings of one kind, then a count */

/* ---- timestamps --------------------------------------------------------- */

/* "01:02:03.500", "02:03.500", "1:02:03,5" at [p, end): returns the bytes
 * used and the time in seconds, or 0. */
static size_t parse_ts(const char *p, const char *end, double *out) {
    uint64_t f[3];
    size_t nd[3], i = 0, len = (size_t)(end - p);
    int nf = 0;
    for (;;) {
        size_t d = 0;
        uint64_t v = 0;
        while (i + d < len && ea_is_digit((unsigned char)p[i + d]) && d < 12) {
            v = v * 10 + (uint64_t)(p[i + d] - '0');
            d++;
        }
        if (d == 0 || (i + d < len && ea_is_digit((unsigned char)p[i + d])) || nf == 3) return 0;
        f[nf] = v;
        nd[nf++] = d;
        i += d;
        if (i < len && p[i] == ':') {
            i++;
            continue;
        }
        break;
    }
    if (nf < 2) return 0;
    uint64_t mm = f[nf - 2], ss = f[nf - 1], hh = nf == 3 ? f[0] : 0;
    if (mm >= 60 || ss >= 60 || nd[nf - 1] > 2 || nd[nf - 2] > 2 || hh > 100000) return 0;
    double frac = 0, scale = 0.1;
    if (i < len && (p[i] == '.' || p[i] == ',')) {
        i++;
        size_t d = 0;
        while (i < len && ea_is_digit((unsigned char)p[i])) {
            if (d < 9) frac += (p[i] - '0') * scale;
            scale /= 10;
            i++;
            d++;
        }
        if (d == 0) return 0;
    }
    *out = (double)hh * 3600.0 + (double)mm * 60.0 + (double)ss + frac;
    return i;
}

enum { L_BLANK, L_TEXT, L_TIMING, L_BAD_TIMING };

typedef struct {
    size_t s, e; /* trimmed line in c->text */
    int kind;
    double t0, t1;
} line_t;

/* A timing line starts with a digit and holds "-->". */
static int classify(const char *t, size_t s, size_t e, line_t *l) {
    ea_str x = ea_trim(ea_str_make(t + s, e - s));
    l->s = (size_t)(x.ptr - t);
    l->e = l->s + x.len;
    if (!x.len) return l->kind = L_BLANK;
    if (!ea_is_digit((unsigned char)x.ptr[0])) return l->kind = L_TEXT;
    const char *arrow = ea_find(x, "-->");
    if (!arrow) return l->kind = L_TEXT;
    const char *p = x.ptr, *end = x.ptr + x.len;
    size_t n = parse_ts(p, arrow, &l->t0);
    if (!n) return l->kind = L_BAD_TIMING;
    for (p += n; p < arrow; p++)
        if (*p != ' ' && *p != '\t') return l->kind = L_BAD_TIMING;
    p = arrow + 3;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    n = parse_ts(p, end, &l->t1);
    if (!n || (p + n < end && p[n] != ' ' && p[n] != '\t')) return l->kind = L_BAD_TIMING;
    if (l->t1 < l->t0) return l->kind = L_BAD_TIMING;
    return l->kind = L_TIMING;
}

static int is_timing(int k) { return k == L_TIMING || k == L_BAD_TIMING; }

/* ---- sniffers ----------------------------------------------------------- */

static int vtt_header(const char *t, size_t n) {
    return n >= 6 && memcmp(t, "WEBVTT", 6) == 0 &&
           (n == 6 || t[6] == ' ' || t[6] == '\t' || t[6] == '\n' || t[6] == '\r');
}

typedef struct {
    size_t timing, bad, comma, numbered, content;
} cue_stats;

/* Timing lines in the sniff window; `numbered`: timing lines right after a
 * line of digits (SRT's counters). */
static void cue_scan(const char *text, size_t len, cue_stats *st) {
    memset(st, 0, sizeof *st);
    size_t win = len < EA_SNIFF_BYTES ? len : EA_SNIFF_BYTES;
    if (!ea_find(ea_str_make(text, win), "-->")) return; /* no timing line at all */
    ea_lines it;
    ea_lines_init(&it, text, win);
    size_t s, e;
    int prev_digits = 0;
    while (ea_lines_next(&it, &s, &e) && it.lineno < EA_SNIFF_LINES) {
        line_t l;
        classify(text, s, e, &l);
        if (l.kind == L_BLANK) {
            prev_digits = 0;
            continue;
        }
        st->content++;
        if (is_timing(l.kind)) {
            if (l.kind == L_TIMING) st->timing++;
            else st->bad++;
            const char *arrow = ea_find(ea_str_make(text + l.s, l.e - l.s), "-->");
            if (arrow && memchr(text + l.s, ',', (size_t)(arrow - text - l.s))) st->comma++;
            if (prev_digits) st->numbered++;
        }
        prev_digits = 1;
        for (size_t k = l.s; k < l.e; k++)
            if (!ea_is_digit((unsigned char)text[k])) {
                prev_digits = 0;
                break;
            }
    }
}

void ea_sniff_vtt(const char *text, size_t len, ea_sniff *out) {
    if (vtt_header(text, len)) {
        out->score = 99;
        snprintf(out->why, sizeof out->why, "WEBVTT header");
        return;
    }
    cue_stats st;
    cue_scan(text, len, &st);
    /* headerless: timing lines with "." and no SRT counters */
    int ok = st.timing >= 2 && st.comma * 2 < st.timing && st.numbered * 2 < st.timing;
    out->score = ok ? 70 : 0;
    snprintf(out->why, sizeof out->why, "no WEBVTT header; %zu timing lines (%zu unreadable), %zu with ','",
             st.timing + st.bad, st.bad, st.comma);
}

void ea_sniff_srt(const char *text, size_t len, ea_sniff *out) {
    if (vtt_header(text, len)) {
        out->score = 0;
        return;
    }
    cue_stats st;
    cue_scan(text, len, &st);
    int score = 0;
    if (st.timing + st.bad >= 1 && st.numbered * 10 >= (st.timing + st.bad) * 8) score = 95;
    else if (st.timing >= 2 && st.comma * 2 >= st.timing) score = 75;
    out->score = score;
    snprintf(out->why, sizeof out->why, "%zu timing lines (%zu unreadable), %zu after a cue number, %zu with ','",
             st.timing + st.bad, st.bad, st.numbered, st.comma);
}

/* ---- the cue engine ----------------------------------------------------- */

typedef struct {
    ea_call *c;
    /* current cue */
    double t0, t1;
    size_t cue_at;   /* its identifier or timing line: where a turn starts */
    size_t seg_at;   /* where the next turn would start inside the cue */
    int cue_text;    /* text emitted from this cue yet */
    int cue_voice;   /* the cue has a voice tag */
    unsigned cue_line; /* lines of text read from it */
    unsigned long cue_no;
    /* speaker */
    int32_t who;     /* -1: unknown */
    ea_str who_name; /* the name last resolved (cache) */
    int have_turn;
    int32_t turn_who;
    /* paragraph being built */
    int para;
    size_t para_bytes;
    double para_t1;
    unsigned long para_cue;
    int para_ends_sentence;
    /* problems */
    size_t n_bad, n_orphan, first_bad;
} cues;

static int is_particle(ea_str w) {
    static const char *const parts[] = {"de", "van", "von", "da", "di", "la", "le", "du",
                                        "del", "der", "den", "bin", "al", "dos", "das"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (ea_ieq(w, parts[i])) return 1;
    return 0;
}

/* Does s read as a speaker's name in a "Name: text" prefix? Names from
 * speech recognition include "Speaker 1", "SPEAKER_00", "J. Smith" and
 * Chinese names, so this is looser than ea_looks_like_name(). */
static int prefix_name_ok(ea_str s) {
    if (s.len == 0 || s.len > 48) return 0;
    if (ea_ieq(s, "note") || ea_ieq(s, "nota") || ea_ieq(s, "example")) return 0;
    const unsigned char *p = (const unsigned char *)s.ptr;
    size_t i = 0, words = 0, letters = 0;
    while (i < s.len) {
        while (i < s.len && p[i] == ' ') i++;
        if (i >= s.len) break;
        size_t ws = i;
        while (i < s.len && p[i] != ' ') {
            unsigned char ch = p[i];
            if (ea_is_alpha(ch) || ch >= 0x80) letters++;
            else if (!ea_is_digit(ch) && ch != '.' && ch != '-' && ch != '\'' && ch != '_' && ch != '(' &&
                     ch != ')' && ch != '&')
                return 0;
            i++;
        }
        if (++words > 5) return 0;
        /* a CJK name is short: "主持人", "张三", not "总的来说我们认为" */
        if (ea_is_upper(p[ws]) == 0 && p[ws] >= 0x80 && i - ws > 18) return 0;
        unsigned char c0 = p[ws];
        if (!(ea_is_upper(c0) || ea_is_digit(c0) || c0 >= 0x80 || c0 == '(') &&
            !is_particle(ea_str_make(s.ptr + ws, i - ws)))
            return 0;
    }
    return letters > 0;
}

/* "Jane Doe: text" / "主持人：text" at the start of [s, e): returns the
 * offset just past the colon and sets *name, or 0. */
static size_t name_prefix(const char *t, size_t s, size_t e, ea_str *name) {
    size_t lim = e - s < 64 ? e - s : 64;
    for (size_t i = 1; i < lim; i++) {
        size_t clen = 0;
        if (t[s + i] == ':') {
            if (s + i + 1 < e && t[s + i + 1] != ' ' && t[s + i + 1] != '\t') return 0; /* 10:30 */
            clen = 1;
        } else if (i + 3 <= e - s && memcmp(t + s + i, "\xEF\xBC\x9A", 3) == 0) {
            clen = 3; /* ： */
        }
        if (!clen) continue;
        ea_str n = ea_trim(ea_str_make(t + s, i));
        if (!prefix_name_ok(n)) return 0;
        *name = n;
        return s + i + clen;
    }
    return 0;
}

static int32_t speaker_for(cues *q, ea_str name) {
    name = ea_trim(name);
    if (!name.len) return q->who;
    if (q->who >= 0 && q->who_name.len == name.len && memcmp(q->who_name.ptr, name.ptr, name.len) == 0)
        return q->who;
    ea_speaker_line sl;
    if (!ea_speaker_line_parse(name, 1, &sl)) {
        memset(&sl, 0, sizeof sl);
        sl.name = name;
    }
    /* a one-word label can say the role: "Host", "主持人" */
    if (sl.role == EA_ROLE_UNKNOWN && !memchr(sl.name.ptr, ' ', sl.name.len)) {
        sl.role = ea_role_from_title(sl.name);
        sl.from = sl.role != EA_ROLE_UNKNOWN ? EA_FROM_NAME : EA_FROM_NONE;
    }
    int32_t w = ea_b_participant(q->c, sl.name, sl.title, sl.affil, sl.role, sl.from);
    if (w < 0) return -2;
    q->who_name = name;
    return w;
}

static int sentence_end(const char *t, size_t e) {
    unsigned char ch = (unsigned char)t[e - 1];
    if (ch == '.' || ch == '?' || ch == '!') return 1;
    if (e >= 3) {
        const unsigned char *u = (const unsigned char *)t + e - 3;
        if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) return 1;                 /* 。 */
        if (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x81 || u[2] == 0x9F)) return 1; /* ！？ */
    }
    return 0;
}

static int para_start(cues *q) {
    ea_b_para_begin(q->c);
    q->para = 1;
    q->para_bytes = 0;
    q->para_cue = q->cue_no;
    q->para_ends_sentence = 0;
    return 0;
}

/* Text of the current cue, spoken by q->who. */
static int emit(cues *q, size_t s, size_t e) {
    ea_str x = ea_b_span_str(q->c, s, e);
    if (!x.len) return 0;
    s = (size_t)(x.ptr - q->c->text);
    e = s + x.len;
    if (!q->have_turn || q->who != q->turn_who) {
        if (ea_b_turn(q->c, q->who, q->cue_text ? q->seg_at : q->cue_at)) return -1;
        q->have_turn = 1;
        q->turn_who = q->who;
        para_start(q);
    } else if (!q->para) {
        para_start(q);
    } else if (q->para_cue != q->cue_no) {
        /* a new cue of the same speaker: join unless it pauses or runs long */
        int cut = q->t0 - q->para_t1 >= PAUSE_NEW_PARA || q->para_bytes >= PARA_MAX_BYTES ||
                  (q->para_bytes >= PARA_SOFT_BYTES && q->para_ends_sentence);
        if (cut) {
            if (ea_b_para_end(q->c) == -1) return -1;
            para_start(q);
        }
    } else if (q->para_bytes >= PARA_HARD_BYTES) {
        if (ea_b_para_end(q->c) == -1) return -1;
        para_start(q);
    }
    if (q->para_bytes == 0) q->para_t1 = q->t1;
    if (ea_b_para_add(q->c, s, e)) return -1;
    q->para_cue = q->cue_no;
    q->para_bytes += x.len + 1;
    q->para_ends_sentence = sentence_end(q->c->text, e);
    if (q->t1 > q->para_t1) q->para_t1 = q->t1;
    ea_b_para_time(q->c, q->t0, q->para_t1);
    q->cue_text = 1;
    return 0;
}

/* A tag's inside [s, e) (between '<' and '>'), at byte `at`. */
static int tag(cues *q, size_t s, size_t e, size_t at) {
    const char *t = q->c->text;
    if (e - s < 2 || t[s] != 'v' || (t[s + 1] != ' ' && t[s + 1] != '.' && t[s + 1] != '\t')) return 0;
    size_t k = s + 1;
    while (k < e && t[k] != ' ' && t[k] != '\t') k++; /* classes: <v.loud.x Name> */
    ea_str name = ea_trim(ea_str_make(t + k, e - k));
    q->cue_voice = 1;
    if (!name.len) return 0;
    int32_t w = speaker_for(q, name);
    if (w == -2) return -1;
    if (w != q->who) {
        q->who = w;
        q->seg_at = at;
    }
    return 0;
}

/* A run of plain text [run, end) of a cue line. The line's first run may
 * open with "Name:" when the cue has no voice tag: any name on the cue's
 * first line, a known one on later lines ("Revenue: up 5%" is text). */
static int text_run(cues *q, size_t run, size_t end, int *first) {
    const char *t = q->c->text;
    size_t from = run;
    if (*first && !q->cue_voice) {
        ea_str nm;
        size_t after = name_prefix(t, run, end, &nm);
        if (after && (q->cue_line == 0 || ea_b_find_participant(q->c, nm) >= 0)) {
            int32_t w = speaker_for(q, nm);
            if (w == -2) return -1;
            if (w != q->who) q->seg_at = run;
            q->who = w;
            from = after;
        }
    }
    if (ea_trim(ea_str_make(t + run, end - run)).len) *first = 0;
    return emit(q, from, end);
}

/* One line of cue text: the runs between tags. */
static int text_line(cues *q, size_t s, size_t e) {
    const char *t = q->c->text;
    size_t run = s, gt = 0, rb = 0; /* next '>' / '}' at or after p, once looked for */
    int gt_none = 0, rb_none = 0, first = 1;
    size_t p = s;
    while (p < e) {
        unsigned char ch = (unsigned char)t[p];
        size_t close = 0;
        if (ch == '<' && p + 1 < e &&
            (ea_is_alpha((unsigned char)t[p + 1]) || ea_is_digit((unsigned char)t[p + 1]) || t[p + 1] == '/')) {
            if (!gt_none && gt <= p) {
                const char *f = memchr(t + p + 1, '>', e - p - 1);
                if (f) gt = (size_t)(f - t);
                else gt_none = 1;
            }
            if (!gt_none) close = gt;
        } else if (ch == '{' && p + 1 < e && t[p + 1] == '\\') {
            if (!rb_none && rb <= p) {
                const char *f = memchr(t + p + 1, '}', e - p - 1);
                if (f) rb = (size_t)(f - t);
                else rb_none = 1;
            }
            if (!rb_none) close = rb;
        }
        if (!close) {
            p++;
            continue;
        }
        if (run < p && text_run(q, run, p, &first)) return -1;
        if (ch == '<' && tag(q, p + 1, close, p)) return -1;
        p = close + 1;
        run = p;
    }
    if (run < e && text_run(q, run, e, &first)) return -1;
    q->cue_line++;
    return 0;
}

static void problem(cues *q, size_t *count, size_t at, const char *what) {
    if (!q->n_bad && !q->n_orphan) q->first_bad = at;
    if (++*count <= MAX_WARN) ea_b_warn(q->c, "%s at byte %zu: skipped", what, at);
}

/* What can stand before a timing line when a blank line is missing: a
 * cue identifier such as "12" or "1c2a9f3e-0001/12-0" (one short token
 * with a digit), not a word of cue text such as "Yes." */
static int looks_like_id(const char *t, const line_t *l) {
    if (l->e - l->s > 64) return 0;
    int digit = 0;
    for (size_t k = l->s; k < l->e; k++) {
        unsigned char ch = (unsigned char)t[k];
        if (ea_is_digit(ch)) digit = 1;
        else if (!ea_is_alpha(ch) && ch != '-' && ch != '_' && ch != '/') return 0;
    }
    return digit;
}

static int block_keyword(const char *t, const line_t *l, const char *kw) {
    size_t n = strlen(kw);
    return l->e - l->s >= n && memcmp(t + l->s, kw, n) == 0 &&
           (l->e - l->s == n || t[l->s + n] == ' ' || t[l->s + n] == '\t');
}

static int parse_cues(ea_call *c, size_t start, int vtt) {
    const char *t = c->text;
    cues q;
    memset(&q, 0, sizeof q);
    q.c = c;
    q.who = -1;
    q.turn_who = -1;
    enum { M_START, M_CUE, M_SKIP } mode = M_START;
    size_t id_at = SIZE_MAX, cues_read = 0;

    ea_lines it;
    ea_lines_init(&it, t + start, c->text_len - start);
    size_t s, e;
    line_t cur, nx;
    int have = ea_lines_next(&it, &s, &e);
    if (have) classify(t, start + s, start + e, &cur);
    if (have && vtt && vtt_header(t + start, c->text_len - start)) {
        mode = M_SKIP; /* the header block */
        /* "WEBVTT - Acme Q2 2024 earnings call": the text names the event */
        ea_str h = ea_trim(ea_str_make(t + cur.s + 6, cur.e - cur.s - 6));
        while (h.len && (h.ptr[0] == '-' || h.ptr[0] == ':')) h = ea_trim(ea_str_make(h.ptr + 1, h.len - 1));
        if (h.len && h.len <= 200) c->info.event_title = h;
    }
    while (have) {
        int have_nx = ea_lines_next(&it, &s, &e);
        if (have_nx) classify(t, start + s, start + e, &nx);
        switch (cur.kind) {
        case L_BLANK:
            mode = M_START;
            id_at = SIZE_MAX;
            break;
        case L_TIMING:
            q.t0 = cur.t0;
            q.t1 = cur.t1;
            q.cue_at = id_at != SIZE_MAX ? id_at : cur.s;
            q.seg_at = q.cue_at;
            q.cue_text = q.cue_voice = 0;
            q.cue_line = 0;
            q.cue_no++;
            cues_read++;
            id_at = SIZE_MAX;
            mode = M_CUE;
            break;
        case L_BAD_TIMING:
            problem(&q, &q.n_bad, cur.s, "cue with unreadable or reversed times");
            id_at = SIZE_MAX;
            mode = M_SKIP;
            break;
        default: /* text */
            if (mode == M_SKIP) break;
            if (mode == M_START) {
                if (vtt && (block_keyword(t, &cur, "NOTE") || block_keyword(t, &cur, "STYLE") ||
                            block_keyword(t, &cur, "REGION"))) {
                    mode = M_SKIP;
                } else if (have_nx && is_timing(nx.kind)) {
                    id_at = cur.s;
                } else {
                    problem(&q, &q.n_orphan, cur.s, "text outside a cue");
                    mode = M_SKIP;
                }
                break;
            }
            if (have_nx && is_timing(nx.kind) && looks_like_id(t, &cur)) {
                id_at = cur.s; /* the next cue's identifier, blank line missing */
                mode = M_START;
                break;
            }
            if (text_line(&q, cur.s, cur.e)) return -1;
        }
        cur = nx;
        have = have_nx;
    }
    if (c->para_open && ea_b_para_end(c) == -1) return -1;
    if (q.n_bad > MAX_WARN)
        ea_b_warn(c, "%zu cues with unreadable or reversed times skipped in all", q.n_bad);
    if (q.n_orphan > MAX_WARN) ea_b_warn(c, "%zu blocks of text outside a cue skipped in all", q.n_orphan);
    ea_b_explain(c, "%s: %zu cues read, %zu skipped; cues of one speaker joined while pauses stay under %.1f s",
                 vtt ? "vtt" : "srt", cues_read, q.n_bad + q.n_orphan, PAUSE_NEW_PARA);
    if (c->paras.n == 0 && (q.n_bad || q.n_orphan))
        return ea_b_fail(c, EA_ERR_SYNTAX, vtt ? "no readable WebVTT cue" : "no readable SRT cue", q.first_bad);
    return 0;
}

int ea_parse_vtt(ea_call *c, size_t start) { return parse_cues(c, start, 1); }

int ea_parse_srt(ea_call *c, size_t start) { return parse_cues(c, start, 0); }
