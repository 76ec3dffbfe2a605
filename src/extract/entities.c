/* Entities: companies and products named in text, from domain packs
 * (data/domain/NAME.txt, compiled in; more from files). The names go into one
 * byte trie (ASCII lower-cased); a scan walks it once from each place a
 * name may start, keeps the longest name that fits there, and jumps past
 * it. Format of the packs: docs/lexicon.md. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain_packs.h" /* generated from data/domain/NAME.txt */
#include "earnest/earnest.h"
#include "entities_int.h"
#include "util/arena.h"
#include "util/text.h"
#include "util/vec.h"
#include "util/zh_words.h"

#define MAX_PACK ((size_t)16 << 20) /* bytes in one pack */
#define MAX_NAME 255                /* bytes in one name */
#define MAX_NAMES 1000000u          /* names in a set */
#define MAX_BLANK 4                 /* a space in a name matches 1..4 blank bytes */
#define NO_ENTITY UINT32_MAX        /* a '!' phrase: matched, never reported */

typedef struct {
    uint32_t child, sibling; /* node index + 1; 0: none */
    int32_t term;            /* index into terms; -1: no name ends here */
    unsigned char byte;
} node_t;

typedef struct {
    uint32_t entity;   /* index into ents, or NO_ENTITY */
    uint16_t len;      /* bytes of `name` */
    uint8_t exact;     /* '=': the case must match too */
    uint8_t plural;    /* ends in an upper-case letter: "DSPs" is the same */
    uint8_t generated; /* a Traditional form made character by character */
    const char *name;  /* as written (spaces collapsed), in the arena */
} term_t;

typedef struct {
    const char *p; /* NULL: empty slot */
    uint32_t n;
    uint32_t val;
} slot_t;

/* id -> value, open addressing; keys point into the arena or a pack. */
typedef struct {
    slot_t *s;
    size_t cap, n;
} idmap;

struct ea_entities {
    ea_arena arena;
    ea_vec ents;  /* ea_entity * (stable: each in the arena) */
    ea_vec nodes; /* node_t */
    ea_vec terms; /* term_t */
    idmap ids;    /* id -> index into ents */
    uint32_t root[256];
    /* quick filter before the trie walk: bit (a << 8 | b) is set when a
       name starts with the lowered bytes a, b (b is ' ' for any blank);
       one[a] when a one-byte name is a */
    uint64_t pair[65536 / 64];
    uint8_t one[256];
    /* and for names that start with a character of three bytes or four
       (Chinese): bit tri_key() of its bytes, so that the walk is tried at
       few of the characters of Chinese text */
    uint64_t tri[65536 / 64];
};

/* ---- small helpers ----------------------------------------------------- */

static uint64_t hash_bytes(const char *p, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return h;
}

static slot_t *idmap_slot(const idmap *m, const char *p, size_t n) {
    if (!m->cap) return NULL;
    for (size_t h = (size_t)hash_bytes(p, n) & (m->cap - 1);; h = (h + 1) & (m->cap - 1)) {
        slot_t *s = &m->s[h];
        if (!s->p || (s->n == n && memcmp(s->p, p, n) == 0)) return s;
    }
}

static int idmap_get(const idmap *m, const char *p, size_t n, uint32_t *val) {
    slot_t *s = idmap_slot(m, p, n);
    if (!s || !s->p) return 0;
    *val = s->val;
    return 1;
}

static int idmap_put(idmap *m, const char *p, size_t n, uint32_t val) {
    if ((m->n + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        slot_t *ns = calloc(cap, sizeof *ns);
        if (!ns) return -1;
        idmap old = *m;
        m->s = ns;
        m->cap = cap;
        for (size_t i = 0; i < old.cap; i++)
            if (old.s[i].p) *idmap_slot(m, old.s[i].p, old.s[i].n) = old.s[i];
        free(old.s);
    }
    slot_t *s = idmap_slot(m, p, n);
    if (!s->p) m->n++;
    s->p = p;
    s->n = (uint32_t)n;
    s->val = val;
    return 0;
}

static int is_blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* The Traditional form of s, character by character (data/zh_variants.txt),
 * into out (at least 4/3 * n + 4 bytes); returns its length. */
static size_t to_hant(const char *s, size_t n, char *out) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    size_t o = 0;
    while (p < end) {
        uint32_t cp;
        int k = ea_utf8_next(p, end, &cp);
        o += ea_utf8_put(out + o, ea_zh_hant_of(cp));
        p += k;
    }
    return o;
}

static ea_str arena_str(ea_entities *set, const char *p, size_t n) {
    char *c = ea_arena_strdup(&set->arena, p, n);
    return c ? ea_str_make(c, n) : ea_str_make(NULL, 0);
}

/* ---- errors ------------------------------------------------------------ */

static ea_status set_err(ea_error *err, ea_status code, const char *msg, const char *base, size_t len,
                         const char *at) {
    if (!err) return code;
    err->code = code;
    err->message = msg;
    if (!base || !at) {
        err->offset = SIZE_MAX;
        err->line = err->column = 0;
        return code;
    }
    size_t off = (size_t)(at - base);
    if (off > len) off = len;
    err->offset = off;
    size_t line = 1, ls = 0;
    for (size_t i = 0; i < off; i++)
        if (base[i] == '\n') {
            line++;
            ls = i + 1;
        }
    err->line = line;
    err->column = off - ls + 1;
    return code;
}

/* ---- the trie ---------------------------------------------------------- */

/* The filter key of a character of three bytes or more at p (three bytes
 * readable): the lead's low four bits and six of each of the next two. */
static unsigned tri_key(const unsigned char *p) {
    return (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3Fu);
}

static node_t *node_at(const ea_entities *set, uint32_t i1) { return &EA_VEC_AT(set->nodes, node_t, i1 - 1); }

/* The node for byte c under parent (0: the root), created when missing.
 * Returns its index + 1, or 0 when out of memory. */
static uint32_t child_of(ea_entities *set, uint32_t parent, unsigned char c) {
    uint32_t *link = parent ? &node_at(set, parent)->child : &set->root[c];
    uint32_t at = *link;
    if (parent) {
        while (at && node_at(set, at)->byte != c) at = node_at(set, at)->sibling;
    }
    if (at) return at;
    node_t *n = ea_vec_push(&set->nodes, sizeof *n, (size_t)UINT32_MAX - 1);
    if (!n) return 0;
    uint32_t id = (uint32_t)set->nodes.n;
    n->byte = c;
    n->term = -1;
    /* the link may have moved with the push */
    link = parent ? &node_at(set, parent)->child : &set->root[c];
    if (parent) n->sibling = *link;
    *link = id;
    return id;
}

/* Insert name [p, p+n) (spaces collapsed, no markers). `generated`:
 * never take a name over from another entry. */
static int insert_name(ea_entities *set, const char *p, size_t n, uint32_t entity, int exact, int generated) {
    uint32_t at = 0;
    if (n == 1) set->one[ea_lower((unsigned char)p[0])] = 1;
    if (n >= 2) {
        unsigned k = (unsigned)ea_lower((unsigned char)p[0]) << 8 | ea_lower((unsigned char)p[1]);
        set->pair[k >> 6] |= (uint64_t)1 << (k & 63);
    }
    if (n >= 3 && (unsigned char)p[0] >= 0xE0) {
        unsigned k = tri_key((const unsigned char *)p);
        set->tri[k >> 6] |= (uint64_t)1 << (k & 63);
    }
    for (size_t i = 0; i < n; i++) {
        at = child_of(set, at, ea_lower((unsigned char)p[i]));
        if (!at) return -1;
    }
    node_t *nd = node_at(set, at);
    if (nd->term >= 0) {
        term_t *t = &EA_VEC_AT(set->terms, term_t, (size_t)nd->term);
        if (generated && !t->generated) return 0;
        /* a later entry takes the name over */
        t->entity = entity;
        t->exact = (uint8_t)exact;
        t->generated = (uint8_t)generated;
        t->name = p;
        return 0;
    }
    term_t *t = ea_vec_push(&set->terms, sizeof *t, MAX_NAMES * 2u);
    if (!t) return -1;
    t->entity = entity;
    t->len = (uint16_t)n;
    t->exact = (uint8_t)exact;
    t->plural = ea_is_upper((unsigned char)p[n - 1]);
    t->generated = (uint8_t)generated;
    t->name = p;
    node_at(set, at)->term = (int32_t)(set->terms.n - 1);
    return 0;
}

/* ---- pack lines -------------------------------------------------------- */

typedef struct {
    const char *p, *end;
} field_t;

/* One name of a names field, checked. */
typedef struct {
    const char *p; /* after the markers */
    size_t n;
    int exclude, exact;
} name_t;

/* Parse the next name of a '|' list at *pos (< end). Returns an error
 * message or NULL; *at says where. */
static const char *next_name(const char **pos, const char *end, name_t *nm, const char **at) {
    const char *p = *pos;
    const char *bar = memchr(p, '|', (size_t)(end - p));
    const char *e = bar ? bar : end;
    *pos = bar ? bar + 1 : end;
    memset(nm, 0, sizeof *nm);
    *at = p;
    if (p < e && *p == '!') {
        nm->exclude = 1;
        p++;
    }
    if (p < e && *p == '=') {
        nm->exact = 1;
        p++;
    }
    nm->p = p;
    nm->n = (size_t)(e - p);
    *at = p;
    if (nm->n == 0) return "empty name (two '|' in a row, or a '|' at an end)";
    if (nm->n > MAX_NAME) return NULL; /* reported as a limit by the caller */
    unsigned char c0 = (unsigned char)p[0];
    if (!(ea_is_alnum(c0) || c0 >= 0x80)) return "a name starts with a letter, a digit or a non-ASCII character";
    if (p[nm->n - 1] == ' ') return "a name ends with a space";
    for (size_t i = 0; i < nm->n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c < 0x20 || c == 0x7F) {
            *at = p + i;
            return "control character in a name";
        }
    }
    return NULL;
}

static int is_id_char(unsigned char c) { return ea_is_lower(c) || ea_is_digit(c) || c == '_' || c == '-' || c == '.'; }

typedef struct {
    field_t f[5];
    int nf;
    ea_entity_kind kind;
} line_t;

/* Check one line; fills *ln. Returns an error message (and *at) or NULL.
 * *names counts its names. */
static const char *check_line(const char *p, const char *end, line_t *ln, size_t *names, int *too_long,
                              const char **at) {
    ln->nf = 0;
    *too_long = 0;
    const char *s = p;
    for (;;) {
        const char *tab = memchr(s, '\t', (size_t)(end - s));
        const char *e = tab ? tab : end;
        if (ln->nf == 5) {
            *at = s;
            return "too many fields (kind, id, English names, Chinese names, attributes)";
        }
        ln->f[ln->nf].p = s;
        ln->f[ln->nf].end = e;
        ln->nf++;
        if (!tab) break;
        s = tab + 1;
    }
    if (ln->nf < 4) {
        *at = end;
        return "expected 4 or 5 fields separated by tabs: kind, id, English names, Chinese names";
    }
    field_t k = ln->f[0];
    size_t kl = (size_t)(k.end - k.p);
    if (kl == 7 && !memcmp(k.p, "company", 7)) ln->kind = EA_ENTITY_COMPANY;
    else if (kl == 7 && !memcmp(k.p, "product", 7)) ln->kind = EA_ENTITY_PRODUCT;
    else {
        *at = k.p;
        return "unknown kind (company or product)";
    }
    field_t id = ln->f[1];
    if (id.end == id.p) {
        *at = id.p;
        return "empty id";
    }
    if (id.end - id.p > MAX_NAME) {
        *at = id.p;
        *too_long = 1;
        return "id longer than 255 bytes";
    }
    for (const char *c = id.p; c < id.end; c++)
        if (!is_id_char((unsigned char)*c)) {
            *at = c;
            return "an id is lower-case ASCII letters, digits, '_', '-' and '.'";
        }
    size_t usable = 0;
    for (int fi = 2; fi <= 3; fi++) {
        field_t f = ln->f[fi];
        if (f.end - f.p == 1 && *f.p == '-') continue;
        const char *pos = f.p;
        do {
            name_t nm;
            const char *msg = next_name(&pos, f.end, &nm, at);
            if (msg) return msg;
            if (nm.n > MAX_NAME) {
                *too_long = 1;
                return "name longer than 255 bytes";
            }
            (*names)++;
            if (!nm.exclude) usable++;
        } while (pos < f.end);
        /* a trailing '|' leaves an empty last name */
        if (f.end > f.p && f.end[-1] == '|') {
            *at = f.end;
            return "empty name (two '|' in a row, or a '|' at an end)";
        }
    }
    if (!usable) {
        *at = ln->f[2].p;
        return "no names (give an English or a Chinese name, or both)";
    }
    if (ln->nf == 5) {
        field_t a = ln->f[4];
        const char *pos = a.p;
        while (pos < a.end) {
            const char *bar = memchr(pos, '|', (size_t)(a.end - pos));
            const char *e = bar ? bar : a.end;
            const char *eq = memchr(pos, '=', (size_t)(e - pos));
            if (!eq || eq == pos || eq + 1 == e) {
                *at = pos;
                return "an attribute is key=value (ticker=300502.SZ)";
            }
            for (const char *c = pos; c < e; c++)
                if ((unsigned char)*c <= ' ') {
                    *at = c;
                    return "space or control character in an attribute";
                }
            pos = bar ? bar + 1 : a.end;
            if (bar && pos == a.end) {
                *at = pos;
                return "an attribute is key=value (ticker=300502.SZ)";
            }
        }
    }
    return NULL;
}

/* Iterate over the lines of a pack: skips a BOM, comments, blank lines;
 * strips "\r". Returns 0 at the end. */
typedef struct {
    const char *p, *end;
} line_it;

static int next_line(line_it *it, const char **ls, const char **le) {
    while (it->p < it->end) {
        const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
        const char *s = it->p, *e = nl ? nl : it->end;
        it->p = nl ? nl + 1 : it->end;
        if (e > s && e[-1] == '\r') e--;
        const char *t = s;
        while (t < e && (*t == ' ' || *t == '\t')) t++;
        if (t == e || *t == '#') continue;
        *ls = s;
        *le = e;
        return 1;
    }
    return 0;
}

/* ---- loading ----------------------------------------------------------- */

static ea_entity *entity_new(ea_entities *set, ea_str id, ea_entity_kind kind, uint32_t *index) {
    ea_entity *e = ea_arena_calloc(&set->arena, 1, sizeof *e);
    ea_entity **slot = ea_vec_push(&set->ents, sizeof *slot, MAX_NAMES);
    if (!e || !slot) return NULL;
    *slot = e;
    e->id = arena_str(set, id.ptr, id.len);
    e->kind = kind;
    if (!e->id.ptr) return NULL;
    *index = (uint32_t)(set->ents.n - 1);
    if (idmap_put(&set->ids, e->id.ptr, e->id.len, *index)) return NULL;
    return e;
}

/* A copy of the name in the arena with runs of spaces collapsed. */
static ea_str name_copy(ea_entities *set, const name_t *nm) {
    char *c = ea_arena_alloc(&set->arena, nm->n + 1);
    if (!c) return ea_str_make(NULL, 0);
    size_t o = 0;
    for (size_t i = 0; i < nm->n; i++) {
        if (nm->p[i] == ' ' && o && c[o - 1] == ' ') continue;
        c[o++] = nm->p[i];
    }
    c[o] = 0;
    return ea_str_make(c, o);
}

static int is_hant_name(ea_str s) {
    ea_lang_counts c = {0, 0, 0, 0};
    ea_lang_count(s.ptr, s.len, s.len, &c);
    return c.trad > 0 && c.simp == 0;
}

/* Apply one checked line. Returns -1 when out of memory. */
static int apply_line(ea_entities *set, const line_t *ln) {
    ea_str id = ea_str_make(ln->f[1].p, (size_t)(ln->f[1].end - ln->f[1].p));
    uint32_t index;
    ea_entity *e;
    if (idmap_get(&set->ids, id.ptr, id.len, &index)) {
        e = EA_VEC_AT(set->ents, ea_entity *, index);
    } else if (!(e = entity_new(set, id, ln->kind, &index))) {
        return -1;
    }
    ea_str first_en = {0}, first_zh = {0}, first_hant = {0};
    for (int fi = 2; fi <= 3; fi++) {
        field_t f = ln->f[fi];
        if (f.end - f.p == 1 && *f.p == '-') continue;
        const char *pos = f.p, *at;
        do {
            name_t nm;
            next_name(&pos, f.end, &nm, &at);
            ea_str c = name_copy(set, &nm);
            if (!c.ptr) return -1;
            uint32_t ent = nm.exclude ? NO_ENTITY : index;
            if (insert_name(set, c.ptr, c.len, ent, nm.exact, 0)) return -1;
            int ascii = ea_ascii_prefix(c.ptr, c.len) == c.len;
            if (!ascii) {
                /* the Traditional form, as far as the built-in table knows */
                char *h = ea_arena_alloc(&set->arena, c.len * 2 + 8);
                if (!h) return -1;
                size_t hn = to_hant(c.ptr, c.len, h);
                h[hn] = 0;
                if (hn != c.len || memcmp(h, c.ptr, hn) != 0)
                    if (insert_name(set, h, hn, ent, nm.exact, 1)) return -1;
            }
            if (nm.exclude) continue;
            if (fi == 2 && !first_en.len) first_en = c;
            if (fi == 3 && !first_zh.len) first_zh = c;
            if (fi == 3 && !first_hant.len && is_hant_name(c)) first_hant = c;
        } while (pos < f.end);
    }
    /* canonical names: the first given; a later line fills what is missing */
    if (!e->name_zh.len && first_zh.len) e->name_zh = first_zh;
    if ((!e->name.len || (e->name.ptr == e->name_zh.ptr && first_en.len)) && (first_en.len || first_zh.len))
        e->name = first_en.len ? first_en : first_zh;
    if (!e->name_zh_hant.len && e->name_zh.len) {
        if (first_hant.len) {
            e->name_zh_hant = first_hant;
        } else {
            char *h = ea_arena_alloc(&set->arena, e->name_zh.len * 2 + 8);
            if (!h) return -1;
            size_t hn = to_hant(e->name_zh.ptr, e->name_zh.len, h);
            h[hn] = 0;
            e->name_zh_hant = ea_str_make(h, hn);
        }
    }
    if (ln->nf == 5) {
        const char *pos = ln->f[4].p, *end = ln->f[4].end;
        while (pos < end) {
            const char *bar = memchr(pos, '|', (size_t)(end - pos));
            const char *ae = bar ? bar : end;
            const char *eq = memchr(pos, '=', (size_t)(ae - pos));
            if ((size_t)(eq - pos) == 6 && !memcmp(pos, "ticker", 6)) {
                e->ticker = arena_str(set, eq + 1, (size_t)(ae - eq - 1));
                if (!e->ticker.ptr) return -1;
            } /* other keys: for later versions */
            pos = bar ? bar + 1 : end;
        }
    }
    return 0;
}

ea_status ea_entities_load(ea_entities *set, const char *data, size_t len, ea_error *err) {
    if (!set || (!data && len)) return set_err(err, EA_ERR_USAGE, "NULL argument", NULL, 0, NULL);
    if (len > MAX_PACK) return set_err(err, EA_ERR_LIMIT, "pack larger than 16 MiB", data, len, data + MAX_PACK);
    size_t ok = ea_utf8_valid_prefix((const unsigned char *)data, len);
    if (ok < len) return set_err(err, EA_ERR_ENCODING, "invalid UTF-8", data, len, data + ok);
    if (!len) return EA_OK;
    const char *b = data, *end = data + len;
    if (len >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3)) b += 3;

    /* pass 1: check everything, so that a bad pack changes nothing */
    idmap kinds = {0};
    size_t names = set->terms.n;
    line_it it = {b, end};
    const char *ls, *le;
    ea_status st = EA_OK;
    while (next_line(&it, &ls, &le)) {
        line_t ln;
        int too_long;
        const char *at = ls;
        const char *msg = check_line(ls, le, &ln, &names, &too_long, &at);
        if (msg) {
            st = set_err(err, too_long ? EA_ERR_LIMIT : EA_ERR_SYNTAX, msg, data, len, at);
            break;
        }
        if (names > MAX_NAMES) {
            st = set_err(err, EA_ERR_LIMIT, "more than 1,000,000 names", data, len, ls);
            break;
        }
        /* one id, one kind: in the set and in this pack */
        const char *id = ln.f[1].p;
        size_t idn = (size_t)(ln.f[1].end - id);
        uint32_t v;
        int clash = 0;
        if (idmap_get(&set->ids, id, idn, &v)) clash = EA_VEC_AT(set->ents, ea_entity *, v)->kind != ln.kind;
        if (idmap_get(&kinds, id, idn, &v)) clash |= v != (uint32_t)ln.kind;
        else if (idmap_put(&kinds, id, idn, (uint32_t)ln.kind)) {
            st = set_err(err, EA_ERR_NOMEM, "out of memory", NULL, 0, NULL);
            break;
        }
        if (clash) {
            st = set_err(err, EA_ERR_SYNTAX, "this id is already used for the other kind", data, len, id);
            break;
        }
    }
    free(kinds.s);
    if (st != EA_OK) return st;

    /* pass 2: add */
    it.p = b;
    while (next_line(&it, &ls, &le)) {
        line_t ln;
        int too_long;
        const char *at;
        size_t dummy = 0;
        check_line(ls, le, &ln, &dummy, &too_long, &at);
        if (apply_line(set, &ln))
            return set_err(err, EA_ERR_NOMEM, "out of memory (the set holds part of the pack)", NULL, 0, NULL);
    }
    return EA_OK;
}

ea_status ea_entities_load_file(ea_entities *set, const char *path, ea_error *err) {
    if (!set || !path) return set_err(err, EA_ERR_USAGE, "NULL argument", NULL, 0, NULL);
    FILE *f = fopen(path, "rb");
    if (!f) return set_err(err, EA_ERR_IO, "cannot open the lexicon file", NULL, 0, NULL);
    /* read at most MAX_PACK + 1 bytes: one more says it is too large */
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    ea_status st = buf ? EA_OK : set_err(err, EA_ERR_NOMEM, "out of memory", NULL, 0, NULL);
    while (st == EA_OK) {
        if (n == cap) {
            if (n > MAX_PACK) {
                st = set_err(err, EA_ERR_LIMIT, "pack larger than 16 MiB", NULL, 0, NULL);
                break;
            }
            size_t nc = cap * 2 > MAX_PACK + 1 ? MAX_PACK + 1 : cap * 2;
            char *nb = realloc(buf, nc);
            if (!nb) {
                st = set_err(err, EA_ERR_NOMEM, "out of memory", NULL, 0, NULL);
                break;
            }
            buf = nb;
            cap = nc;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) {
            if (ferror(f)) st = set_err(err, EA_ERR_IO, "cannot read the lexicon file", NULL, 0, NULL);
            break;
        }
        n += r;
    }
    fclose(f);
    if (st == EA_OK) st = ea_entities_load(set, buf, n, err);
    free(buf);
    return st;
}

/* ---- sets -------------------------------------------------------------- */

const char *ea_entity_kind_name(ea_entity_kind k) {
    switch (k) {
    case EA_ENTITY_COMPANY: return "company";
    case EA_ENTITY_PRODUCT: return "product";
    default: return "unknown";
    }
}

void ea_entities_free(ea_entities *set) {
    if (!set) return;
    ea_vec_free(&set->ents);
    ea_vec_free(&set->nodes);
    ea_vec_free(&set->terms);
    free(set->ids.s);
    ea_arena_free(&set->arena);
    free(set);
}

ea_status ea_entities_new(unsigned flags, ea_entities **out, ea_error *err) {
    if (!out) return set_err(err, EA_ERR_USAGE, "NULL argument", NULL, 0, NULL);
    *out = NULL;
    ea_entities *set = calloc(1, sizeof *set);
    if (!set) return set_err(err, EA_ERR_NOMEM, "out of memory", NULL, 0, NULL);
    ea_arena_init(&set->arena, 1 << 16);
    if (!(flags & EA_ENTITIES_NO_BUILTIN)) {
        for (size_t i = 0; i < sizeof ea_domain_packs / sizeof ea_domain_packs[0]; i++) {
            if (!ea_domain_packs[i].data) continue;
            ea_status st = ea_entities_load(set, ea_domain_packs[i].data, ea_domain_packs[i].len, err);
            if (st != EA_OK) {
                ea_entities_free(set);
                /* a built-in pack that does not load is a bug */
                return st == EA_ERR_NOMEM ? st : set_err(err, EA_ERR_INTERNAL, "a built-in domain pack is malformed",
                                                         NULL, 0, NULL);
            }
        }
    }
    *out = set;
    return EA_OK;
}

static ea_entities *g_default;
static pthread_once_t g_default_once = PTHREAD_ONCE_INIT;
static void build_default(void) {
    if (ea_entities_new(0, &g_default, NULL) != EA_OK) g_default = NULL;
}

const ea_entities *ea_entities_default(void) {
    pthread_once(&g_default_once, build_default);
    return g_default;
}

/* The set NULL stands for on this thread (ea_facts_extract_opts sets it
 * around the extraction, so that the facts link companies with the
 * caller's packs without every step passing the set along). */
static _Thread_local const ea_entities *tl_in_use;

const ea_entities *ea_entities_use(const ea_entities *set) {
    const ea_entities *prev = tl_in_use;
    tl_in_use = set;
    return prev;
}

size_t ea_entities_count(const ea_entities *set) { return set ? set->ents.n : 0; }

const ea_entity *ea_entities_get(const ea_entities *set, size_t i) {
    return set && i < set->ents.n ? EA_VEC_AT(set->ents, ea_entity *, i) : NULL;
}

const ea_entity *ea_entities_lookup(const ea_entities *set, const char *id, size_t len) {
    uint32_t v;
    if (!set || (!id && len) || !idmap_get(&set->ids, id ? id : "", len, &v)) return NULL;
    return EA_VEC_AT(set->ents, ea_entity *, v);
}

/* ---- finding ----------------------------------------------------------- */

/* Does the text [p, q) spell the name exactly (case too), blanks as in a
 * walk? */
static int exact_ok(const unsigned char *p, const unsigned char *q, const term_t *t) {
    const unsigned char *n = (const unsigned char *)t->name, *ne = n + t->len;
    while (n < ne && p < q) {
        if (*n == ' ') {
            if (!is_blank(*p)) return 0;
            for (int k = 0; k < MAX_BLANK && p < q && is_blank(*p); k++) p++;
            n++;
            continue;
        }
        if (*n++ != *p++) return 0;
    }
    return n == ne;
}

/* The longest name starting at p. Returns its end (after a plural 's')
 * and sets *term, or returns NULL. */
static const unsigned char *longest_at(const ea_entities *set, const unsigned char *p, const unsigned char *end,
                                       const term_t **term) {
    uint32_t at = set->root[ea_lower(*p)];
    const unsigned char *q = p + 1, *best = NULL;
    while (at) {
        const node_t *nd = node_at(set, at);
        if (nd->term >= 0) {
            const term_t *t = &EA_VEC_AT(set->terms, term_t, (size_t)nd->term);
            const unsigned char *e = q;
            int ok = 1;
            /* an ASCII name ends on a word boundary; an acronym may take an 's' */
            if (ea_is_alnum((unsigned char)t->name[t->len - 1]) && e < end && ea_is_alnum(*e)) {
                ok = t->plural && *e == 's' && (e + 1 == end || !ea_is_alnum(e[1]));
                if (ok) e++;
            }
            if (ok && t->exact) ok = exact_ok(p, q, t);
            if (ok) {
                best = e;
                *term = t;
            }
        }
        if (q >= end) break;
        unsigned char c = ea_lower(*q);
        uint32_t ch = nd->child;
        if (is_blank(c)) {
            while (ch && node_at(set, ch)->byte != ' ') ch = node_at(set, ch)->sibling;
            if (!ch) break;
            for (int k = 0; k < MAX_BLANK && q < end && is_blank(*q); k++) q++;
        } else {
            while (ch && node_at(set, ch)->byte != c) ch = node_at(set, ch)->sibling;
            q++;
        }
        at = ch;
    }
    return best;
}

size_t ea_entities_find(const ea_entities *set, const char *text, size_t len, ea_mention_fn cb, void *ctx) {
    if (!set || !text || !cb) return 0;
    const unsigned char *b = (const unsigned char *)text, *p = b, *end = b + len;
    size_t count = 0;
    while (p < end) {
        unsigned char c = *p;
        if (c >= 0x80 && c < 0xC0) { /* inside a character */
            p++;
            continue;
        }
        int word = ea_is_alnum(c);
        if (word && p > b && ea_is_alnum(p[-1])) { /* inside a word: no name starts here */
            p++;
            continue;
        }
        const term_t *t = NULL;
        const unsigned char *e = NULL;
        unsigned char c0 = ea_lower(c);
        int try_here = 0;
        if (set->root[c0] && c0 >= 0xE0) {
            /* a name that starts with a character of three bytes or more
               (valid UTF-8, so it is that long) needs them all here */
            if (end - p >= 3) {
                unsigned k = tri_key(p);
                try_here = set->tri[k >> 6] >> (k & 63) & 1;
            }
        } else if (set->root[c0]) {
            unsigned char c1 = p + 1 < end ? ea_lower(p[1]) : 0;
            unsigned k = (unsigned)c0 << 8 | (is_blank(c1) ? ' ' : c1);
            try_here = set->one[c0] || (set->pair[k >> 6] >> (k & 63) & 1);
        }
        if (try_here) e = longest_at(set, p, end, &t);
        /* a Chinese name that cuts a word at both ends is two words meeting
           by chance (微软 in 轻微|软化): no mention starts here */
        if (e && c >= 0x80 && t->entity != NO_ENTITY && ea_zh_short((size_t)(e - p)) &&
            ea_zh_cuts_words(text, len, (size_t)(p - b), (size_t)(e - b)))
            e = NULL;
        if (e) {
            if (t->entity != NO_ENTITY) {
                ea_mention m;
                memset(&m, 0, sizeof m);
                m.entity = EA_VEC_AT(set->ents, ea_entity *, t->entity);
                m.span.start = (size_t)(p - b);
                m.span.end = (size_t)(e - b);
                count++;
                if (cb(ctx, &m)) return count;
            }
            p = e;
            continue;
        }
        if (word) p += 1 + ea_alnums(p + 1, end);
        else p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    return count;
}

/* ---- the mentions of a call -------------------------------------------- */

struct ea_mentions {
    const ea_call *call;
    ea_vec items;       /* ea_mention */
    uint32_t *first;    /* paragraph i: items first[i] .. first[i+1] */
    size_t n_paras;
};

typedef struct {
    ea_mentions *m;
    const ea_paragraph *para;
    uint32_t index;
    int trans;
    int failed;
} collect_t;

static int collect(void *ctx, const ea_mention *mm) {
    collect_t *c = ctx;
    ea_mention *x = ea_vec_push(&c->m->items, sizeof *x, (size_t)1 << 28);
    if (!x) {
        c->failed = 1;
        return 1;
    }
    *x = *mm;
    x->para = c->index;
    x->in_translation = c->trans;
    if (c->trans) {
        x->span.start = c->para->tr_span.start + mm->span.start;
        x->span.end = c->para->tr_span.start + mm->span.end;
    } else {
        x->span.start = ea_paragraph_src_offset(c->para, mm->span.start);
        x->span.end = ea_paragraph_src_offset(c->para, mm->span.end);
    }
    return 0;
}

void ea_mentions_free(ea_mentions *m) {
    if (!m) return;
    ea_vec_free(&m->items);
    free(m->first);
    free(m);
}

ea_status ea_mentions_find(const ea_entities *set, const ea_call *call, ea_mentions **out, ea_error *err) {
    if (out) *out = NULL;
    if (!call || !out) return set_err(err, EA_ERR_USAGE, "NULL argument", NULL, 0, NULL);
    if (!set) set = tl_in_use ? tl_in_use : ea_entities_default();
    if (!set) return set_err(err, EA_ERR_NOMEM, "out of memory", NULL, 0, NULL);
    ea_mentions *m = calloc(1, sizeof *m);
    size_t np = ea_call_paragraph_count(call);
    if (m) m->first = malloc((np + 1) * sizeof *m->first);
    if (!m || !m->first) {
        ea_mentions_free(m);
        return set_err(err, EA_ERR_NOMEM, "out of memory", NULL, 0, NULL);
    }
    m->call = call;
    m->n_paras = np;
    collect_t c = {m, NULL, 0, 0, 0};
    for (size_t i = 0; i < np && !c.failed; i++) {
        const ea_paragraph *p = ea_call_paragraph(call, i);
        m->first[i] = (uint32_t)m->items.n;
        c.para = p;
        c.index = (uint32_t)i;
        c.trans = 0;
        ea_entities_find(set, p->text.ptr, p->text.len, collect, &c);
        if (p->has_translation && p->tr_text.len && !c.failed) {
            c.trans = 1;
            ea_entities_find(set, p->tr_text.ptr, p->tr_text.len, collect, &c);
        }
    }
    if (c.failed || m->items.n > UINT32_MAX) {
        ea_mentions_free(m);
        return set_err(err, EA_ERR_NOMEM, "out of memory", NULL, 0, NULL);
    }
    m->first[np] = (uint32_t)m->items.n;
    *out = m;
    return EA_OK;
}

size_t ea_mentions_count(const ea_mentions *m) { return m ? m->items.n : 0; }

const ea_mention *ea_mentions_get(const ea_mentions *m, size_t i) {
    return m && i < m->items.n ? &EA_VEC_AT(m->items, ea_mention, i) : NULL;
}

size_t ea_mentions_in_paragraph(const ea_mentions *m, uint32_t para, size_t *first) {
    if (first) *first = 0;
    if (!m || para >= m->n_paras) return 0;
    if (first) *first = m->first[para];
    return m->first[para + 1] - m->first[para];
}

const ea_mention *ea_mentions_before(const ea_mentions *m, uint32_t para, ea_entity_kind kind, size_t before) {
    size_t first, n = ea_mentions_in_paragraph(m, para, &first);
    if (!n) return NULL;
    const ea_paragraph *p = ea_call_paragraph(m->call, para);
    int trans = p && p->has_translation && p->tr_span.end > p->tr_span.start && before >= p->tr_span.start &&
                before < p->tr_span.end;
    const ea_mention *best = NULL;
    for (size_t i = first; i < first + n; i++) {
        const ea_mention *x = &EA_VEC_AT(m->items, ea_mention, i);
        if (x->in_translation == trans && x->entity->kind == kind && x->span.start < before) best = x;
    }
    return best;
}
