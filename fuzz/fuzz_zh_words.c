/* libFuzzer target: Chinese word segmentation (src/util/zh_words.c) over
 * any bytes. The segments must cover the input in order without gaps or
 * empty pieces, and the boundary questions must answer for every offset
 * without reading outside the input. The library only segments valid
 * UTF-8, but it must not crash on anything else either. */
#include "fuzz_check.h"
#include "util/zh_words.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *text = (const char *)data;
    ea_zh_words it;
    ea_zh_word w;
    size_t pos = 0, count = 0;
    ea_zh_words_open(&it, text, size);
    while (ea_zh_words_next(&it, &w)) {
        FZ_ASSERT(w.start == pos && w.end > w.start && w.end <= size);
        pos = w.end;
        FZ_ASSERT(++count <= size);
    }
    ea_zh_words_close(&it);
    FZ_ASSERT(pos == size);
    /* the boundary questions, at a bounded number of offsets */
    size_t step = size / 64 + 1;
    for (size_t a = 0; a <= size; a += step) {
        int s = ea_zh_word_starts(text, size, a);
        FZ_ASSERT(s == 0 || s == 1);
        if (a == 0 || a >= size) FZ_ASSERT(s == 1);
        for (size_t k = 1; k <= 12 && a + k <= size; k += 5) {
            int c = ea_zh_cuts_words(text, size, a, a + k);
            FZ_ASSERT(c == 0 || c == 1);
        }
    }
    return 0;
}
