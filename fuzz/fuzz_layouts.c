/* libFuzzer target: every layout parser forced on any input. The first
 * byte chooses the options:
 *   bits 0-3  layout: 1 + (value % (EA_LAYOUT_COUNT_ - 1))
 *   bit 4     EA_PARSE_LOSSY
 *   bit 5     EA_PARSE_STRICT_UTF8
 *   bit 6     tight limits (short lines, few paragraphs and participants),
 *             so the limit paths run too
 *   bit 7     encoding "windows-1252" instead of the default
 * the rest is the document. */
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    unsigned sel = data[0];
    ea_parse_options opt;
    ea_parse_options_init(&opt);
    opt.layout = (ea_layout)(1 + (sel & 15u) % (EA_LAYOUT_COUNT_ - 1));
    if (sel & 0x10) opt.flags |= EA_PARSE_LOSSY;
    if (sel & 0x20) opt.flags |= EA_PARSE_STRICT_UTF8;
    if (sel & 0x40) {
        opt.max_line = 200;
        opt.max_paragraphs = 8;
        opt.max_participants = 3;
        opt.max_input = 4096;
    }
    if (sel & 0x80) opt.encoding = "windows-1252";
    ea_status st = fz_run((const char *)data + 1, size - 1, &opt);
    /* a forced layout is never silently replaced by another */
    (void)st;
    return 0;
}
