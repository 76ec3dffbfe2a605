/* libFuzzer target: ea_call_parse with the default options (layout
 * detected), then the whole model, sentences and both renderers checked
 * against the promises in earnest.h (fuzz_check.h). */
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fz_run((const char *)data, size, NULL);
    return 0;
}
