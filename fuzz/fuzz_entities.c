/* libFuzzer target: the domain-pack parser behind ea_entities_load (and so
 * --lexicon FILE), and the matcher over whatever it loaded. The first byte
 * chooses an empty set or one with the built-in packs; the rest is the
 * pack, and also the text searched. A failed load must leave the set as it
 * was and say where; a search must give ordered, disjoint mentions inside
 * the text, of entities the set holds. */
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    const ea_entities *set;
    size_t len, last_end, n;
} fz_mentions;

static int check_mention(void *ctx, const ea_mention *m) {
    fz_mentions *c = ctx;
    FZ_ASSERT(m->entity != NULL);
    FZ_ASSERT(m->span.start < m->span.end && m->span.end <= c->len);
    FZ_ASSERT(m->span.start >= c->last_end);
    FZ_ASSERT((unsigned)m->entity->kind < EA_ENTITY_KIND_COUNT_);
    FZ_ASSERT(ea_entities_lookup(c->set, m->entity->id.ptr, m->entity->id.len) == m->entity);
    c->last_end = m->span.end;
    c->n++;
    return 0;
}

static void search(const ea_entities *set, const char *text, size_t len) {
    fz_mentions c = {set, len, 0, 0};
    size_t n = ea_entities_find(set, text, len, check_mention, &c);
    FZ_ASSERT(n == c.n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    unsigned sel = data[0];
    const char *pack = (const char *)data + 1;
    size_t len = size - 1;
    ea_entities *set = NULL;
    FZ_ASSERT(ea_entities_new((sel & 1) ? 0 : EA_ENTITIES_NO_BUILTIN, &set, NULL) == EA_OK && set);
    size_t before = ea_entities_count(set);
    ea_error err;
    memset(&err, 0xAB, sizeof err);
    ea_status st = ea_entities_load(set, pack, len, &err);
    if (st != EA_OK) {
        FZ_ASSERT(st == EA_ERR_SYNTAX || st == EA_ERR_ENCODING || st == EA_ERR_LIMIT);
        FZ_ASSERT(err.code == st && err.message && err.message[0]);
        FZ_ASSERT(err.offset <= len);
        FZ_ASSERT(err.line >= 1 && err.column >= 1 && err.column <= err.offset + 1);
        FZ_ASSERT(ea_entities_count(set) == before); /* all or nothing */
    } else {
        for (size_t i = 0; i < ea_entities_count(set); i++) {
            const ea_entity *e = ea_entities_get(set, i);
            FZ_ASSERT(e && e->id.len > 0 && e->name.len > 0);
            FZ_ASSERT(fz_utf8_ok(e->name.ptr, e->name.len));
            FZ_ASSERT(fz_utf8_ok(e->name_zh.ptr, e->name_zh.len) && fz_utf8_ok(e->name_zh_hant.ptr, e->name_zh_hant.len));
            FZ_ASSERT(ea_entities_lookup(set, e->id.ptr, e->id.len) == e);
        }
        /* the same pack again: the same ids, the same kinds */
        size_t n = ea_entities_count(set);
        FZ_ASSERT(ea_entities_load(set, pack, len, NULL) == EA_OK && ea_entities_count(set) == n);
    }
    search(set, pack, len);
    static const char text[] = "Innolight 中际旭创 新易盛 800G, NVIDIA's DSPs; 輝達 and Applied  Optoelectronics";
    search(set, text, sizeof text - 1);
    ea_entities_free(set);
    return 0;
}
