/* libFuzzer target: ea_verify_summary with any bytes as the summary,
 * against a fixed small call. The first byte chooses the call (bit 0: an
 * English speaker-layout call, or a Chinese call with English
 * translations), whether facts are passed in (bit 1) and whether the
 * companies come from a pack of our own as well (bit 2: Luxshare 立讯精密,
 * Foxconn 鸿海精密, through ea_verify_summary_opts); the rest is the
 * summary. Checks the promises of earnest.h: an error has a position
 * inside the input; every finding's span, line, column and text agree with
 * the summary; source spans lie in the call's text; the text writer emits
 * no control bytes; the JSON is valid; a refusing sink gives EA_ERR_IO. */
#include "fuzz_check.h"

static const char call_en[] =
    "Q1 2024 Borealis Networks Earnings Call\n\n"
    "Operator\nGood day, and welcome to the Borealis Networks first quarter 2024 earnings call.\n\n"
    "Ana Costa - Chief Financial Officer\n"
    "Thank you. Revenue for the first quarter was $1.72 billion, up 12% year over year.\n\n"
    "Gross margin was 41.5%, and operating expenses were $310 million, or 31 cents a share.\n\n"
    "Net loss was $12 million, or a loss of $(0.06) per share, down three points.\n\n"
    "Data center revenue fell 8% year over year to $520 million, compared with $565 million in the first "
    "quarter of 2023, and margins expanded 150 basis points.\n\n"
    "For the second quarter, we expect revenue between $1.75 billion and $1.85 billion; for fiscal 2024, "
    "capex of about $400 million, or 4,070万美元 in the Chinese filing.\n";

static const char call_zh[] =
    "主持人\n主持人\n各位好，欢迎参加本次业绩交流会。\nHello everyone, and welcome to this results briefing.\n"
    "王磊 - 首席财务官\n王磊 - 首席财务官\n"
    "2024年第一季度营收为12亿元，同比增长15%。\nRevenue in the first quarter of 2024 was 1.2 billion yuan, "
    "up 15% year on year.\n"
    "毛利率为31.5%，净亏损4,070万元。\nGross margin was 31.5%, and the net loss was 40.7 million yuan.\n"
    "立讯精密的营收为8亿元。\nLuxshare's revenue was 800 million yuan.\n";

/* a pack of our own (docs/lexicon.md), loaded after the built-in ones */
static const char own_pack[] = "company\tluxshare\tLuxshare|Luxshare Precision\t立讯精密\n"
                               "company\tfoxconn\tFoxconn|Hon Hai\t鸿海精密|鴻海精密|富士康\n";
static ea_entities *own;

static ea_call *calls[2];
static ea_facts *facts[2], *own_facts[2];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void setup(void) {
    if (calls[0]) return;
    const char *src[2] = {call_en, call_zh};
    size_t len[2] = {sizeof call_en - 1, sizeof call_zh - 1};
    FZ_ASSERT(ea_entities_new(0, &own, NULL) == EA_OK);
    FZ_ASSERT(ea_entities_load(own, own_pack, sizeof own_pack - 1, NULL) == EA_OK);
    ea_facts_options fo;
    ea_facts_options_init(&fo);
    fo.entities = own;
    for (int i = 0; i < 2; i++) {
        FZ_ASSERT(ea_call_parse(src[i], len[i], NULL, &calls[i], NULL) == EA_OK);
        FZ_ASSERT(ea_facts_extract(calls[i], &facts[i], NULL) == EA_OK);
        FZ_ASSERT(ea_facts_extract_opts(calls[i], &fo, &own_facts[i], NULL) == EA_OK);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    setup();
    if (size < 1) return 0;
    unsigned sel = data[0];
    const ea_call *c = calls[sel & 1];
    const ea_facts *fs = (sel & 2) ? NULL : (sel & 4) ? own_facts[sel & 1] : facts[sel & 1];
    const char *sum = (const char *)data + 1;
    size_t n = size - 1;

    ea_verify_result *r = (ea_verify_result *)1; /* must be reset */
    ea_error err;
    memset(&err, 0xAB, sizeof err);
    ea_status st;
    if (sel & 4) {
        ea_verify_options vo;
        ea_verify_options_init(&vo);
        vo.entities = own;
        st = ea_verify_summary_opts(c, fs, &vo, sum, n, &r, &err);
    } else {
        st = ea_verify_summary(c, fs, sum, n, &r, &err);
    }
    if (st != EA_OK) {
        FZ_ASSERT(r == NULL);
        FZ_ASSERT(st == EA_ERR_ENCODING);
        FZ_ASSERT(err.code == st && err.message && err.message[0]);
        FZ_ASSERT(err.offset < n);
        FZ_ASSERT(err.line >= 1 && err.column >= 1 && err.column <= err.offset + 1);
        FZ_ASSERT(!fz_utf8_ok(sum, n) || memchr(sum, 0, n) || (n >= 2 && (unsigned char)sum[0] >= 0xFE));
        return 0;
    }
    FZ_ASSERT(r != NULL);
    size_t tlen;
    const char *text = ea_call_text(c, &tlen);
    const ea_verify_stats *stats = ea_verify_get_stats(r);
    FZ_ASSERT(stats != NULL);
    size_t nf = ea_verify_count(r), by_kind = 0;
    FZ_ASSERT(nf == stats->findings);
    for (int k = 0; k < EA_VERIFY_KIND_COUNT_; k++) by_kind += stats->by_kind[k];
    FZ_ASSERT(by_kind == nf);
    FZ_ASSERT(stats->stated + stats->derived <= stats->numbers);
    FZ_ASSERT(ea_verify_get(r, nf) == NULL);
    size_t prev = 0;
    for (size_t i = 0; i < nf; i++) {
        const ea_verify_finding *f = ea_verify_get(r, i);
        FZ_ASSERT(f && (unsigned)f->kind < EA_VERIFY_KIND_COUNT_ && ea_verify_kind_name(f->kind));
        FZ_ASSERT(f->span.start <= f->span.end && f->span.end <= n);
        FZ_ASSERT(f->span.start >= prev); /* in summary order */
        prev = f->span.start;
        FZ_ASSERT(f->text.len == f->span.end - f->span.start);
        FZ_ASSERT(f->text.len == 0 || memcmp(f->text.ptr, sum + f->span.start, f->text.len) == 0);
        /* line and column from the span */
        size_t line = 1, col0 = 0;
        for (size_t k = 0; k < f->span.start; k++)
            if (sum[k] == '\n') {
                line++;
                col0 = k + 1;
            }
        FZ_ASSERT(f->line == line && f->column == f->span.start - col0 + 1);
        FZ_ASSERT(f->line_text.ptr <= f->text.ptr && f->text.ptr + f->text.len <= f->line_text.ptr + f->line_text.len);
        FZ_ASSERT(memchr(f->line_text.ptr, '\n', f->line_text.len) == NULL);
        FZ_ASSERT(f->unit && f->why && f->why[0]);
        FZ_ASSERT(f->is_number || f->kind == EA_VERIFY_CITE_RANGE || f->kind == EA_VERIFY_CITE_UNSUPPORTED ||
                  f->kind == EA_VERIFY_COMPANY);
        FZ_ASSERT(f->kind != EA_VERIFY_COMPANY || (!f->is_number && f->text.len > 0));
        if (f->has_source) {
            FZ_ASSERT(f->source_span.start <= f->source_span.end && f->source_span.end <= tlen);
            FZ_ASSERT(f->source_para < ea_call_paragraph_count(c));
            FZ_ASSERT(f->source_text.ptr == text + f->source_span.start);
            FZ_ASSERT(f->source_text.len == f->source_span.end - f->source_span.start);
            FZ_ASSERT(memchr(f->source_period, 0, sizeof f->source_period) != NULL);
        }
    }

    fz_sink t;
    memset(&t, 0, sizeof t);
    FZ_ASSERT(ea_verify_write_text(r, "s", fz_write, &t) == EA_OK);
    for (size_t i = 0; i < t.len; i++) FZ_ASSERT((unsigned char)t.buf[i] >= 0x20 || t.buf[i] == '\n');
    FZ_ASSERT(t.len != t.total || fz_utf8_ok(t.buf, t.len));
    free(t.buf);
    for (unsigned fl = 0; fl <= EA_JSON_PRETTY; fl += EA_JSON_PRETTY) {
        fz_sink j;
        memset(&j, 0, sizeof j);
        FZ_ASSERT(ea_verify_write_json(r, fl, fz_write, &j) == EA_OK);
        if (j.len == j.total) {
            FZ_ASSERT(fz_utf8_ok(j.buf, j.len));
            FZ_ASSERT(fz_json_valid(j.buf, j.len));
        }
        free(j.buf);
    }
    fz_sink refuse;
    memset(&refuse, 0, sizeof refuse);
    refuse.stop_after = 1;
    FZ_ASSERT(ea_verify_write_text(r, NULL, fz_write, &refuse) == EA_ERR_IO);
    memset(&refuse, 0, sizeof refuse);
    refuse.stop_after = 1;
    FZ_ASSERT(ea_verify_write_json(r, 0, fz_write, &refuse) == EA_ERR_IO);
    ea_verify_free(r);
    return 0;
}
