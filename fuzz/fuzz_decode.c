/* libFuzzer target: the decoders behind ea_parse_options.encoding. The
 * first byte chooses the encoding (low 4 bits) and lossy mode (bit 4); the
 * rest is the document. Whatever the bytes, a successful parse must hold
 * valid UTF-8 without NUL, and every span must point into it. */
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const encodings[] = {
    NULL, "utf-8", "utf-16", "utf-16le", "utf-16be", "gb18030", "big5", "windows-1252",
    "latin1", "cp1252", "gbk", "UTF-16LE", "auto", "", "iso-8859-1", "no-such-encoding"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    unsigned sel = data[0];
    ea_parse_options opt;
    ea_parse_options_init(&opt);
    opt.encoding = encodings[sel & 15u];
    if (sel & 0x10) opt.flags |= EA_PARSE_LOSSY;
    if (sel & 0x20) opt.flags |= EA_PARSE_STRICT_UTF8;
    ea_status st = fz_run((const char *)data + 1, size - 1, &opt);
    if ((sel & 15u) == 15u) FZ_ASSERT(st == EA_ERR_USAGE); /* unknown names are refused */
    /* lossy mode replaces what it cannot decode: it never fails on the
       encoding (binary data and empty text are other matters) */
    if (sel & 0x10) FZ_ASSERT(st != EA_ERR_ENCODING);
    return 0;
}
