#include <string.h>

#include "summarize_int.h"

static void next_of(const char *p, char out[8]) {
    out[0] = 0;
    if (strlen(p) != 6) return;
    int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    if (p[4] == 'Q') {
        int q = p[5] - '0' + 1;
        if (q > 4) {
            q = 1;
            y++;
        }
        for (int i = 3; i >= 0; i--, y /= 10) out[i] = (char)('0' + y % 10);
        out[4] = 'Q';
        out[5] = (char)('0' + q);
        out[6] = 0;
    } else if (p[0] == 'F') {
        y = (p[2] - '0') * 1000 + (p[3] - '0') * 100 + (p[4] - '0') * 10 + (p[5] - '0') + 1;
        out[0] = 'F';
        out[1] = 'Y';
        for (int i = 5; i >= 2; i--, y /= 10) out[i] = (char)('0' + y % 10);
        out[6] = 0;
    }
}

void ea_sum_call_period(const ea_call *c, const ea_facts *fs, char callp[8], char nextp[8]) {
    (void)fs;
    callp[0] = nextp[0] = 0;
    ea_str p = ea_call_get_info(c)->period;
    if (p.len != 6) return;
    memcpy(callp, p.ptr, 6);
    callp[6] = 0;
    next_of(callp, nextp);
}
