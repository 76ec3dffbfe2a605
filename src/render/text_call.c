/* The call as readable text. Control characters in the source are shown
 * as spaces so a terminal never receives escape sequences from input. */
#include "model/call_int.h"

typedef struct {
    ea_buf b;
    ea_write_fn write;
    void *ctx;
    int failed;
} out_t;

static void flush(out_t *o) {
    if (o->b.failed) o->failed = 1;
    if (!o->failed && o->b.len && o->write(o->ctx, o->b.ptr, o->b.len)) o->failed = 1;
    o->b.len = 0;
}

static void puts_(out_t *o, const char *s) { ea_buf_puts(&o->b, s); }

static void text(out_t *o, ea_str s) {
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        ea_buf_putc(&o->b, (char)(c < 0x20 || c == 0x7F ? ' ' : c));
    }
    if (o->b.len > 65536) flush(o);
}

static void field(out_t *o, const char *label, ea_str v) {
    if (!v.len) return;
    puts_(o, label);
    text(o, v);
    puts_(o, "\n");
}

ea_status ea_call_write_text(const ea_call *c, unsigned flags, ea_write_fn write, void *ctx) {
    (void)flags;
    if (!c || !write) return EA_ERR_USAGE;
    out_t o = {.write = write, .ctx = ctx};
    ea_buf_init(&o.b, 0);
    const ea_call_info *in = &c->info;
    field(&o, "Event:    ", in->event_title);
    field(&o, "Company:  ", in->company);
    field(&o, "Ticker:   ", in->ticker);
    field(&o, "Period:   ", in->period);
    field(&o, "Date:     ", in->date);
    puts_(&o, "Layout:   ");
    puts_(&o, ea_layout_name(in->layout));
    puts_(&o, "\n");
    field(&o, "Summary:  ", in->summary);
    if (c->parts.n) puts_(&o, "\nParticipants:\n");
    for (size_t i = 0; i < c->parts.n; i++) {
        const ea_participant *p = ea_call_participant(c, i);
        puts_(&o, "  ");
        text(&o, p->name);
        puts_(&o, " (");
        puts_(&o, ea_role_name(p->role));
        puts_(&o, ")");
        if (p->title.len) {
            puts_(&o, ", ");
            text(&o, p->title);
        }
        if (p->affiliation.len) {
            puts_(&o, ", ");
            text(&o, p->affiliation);
        }
        puts_(&o, "\n");
    }
    int section = -1;
    for (size_t i = 0; i < c->turns.n; i++) {
        const ea_turn *t = ea_call_turn(c, i);
        if ((int)t->section != section) {
            section = (int)t->section;
            puts_(&o, "\n== ");
            puts_(&o, ea_section_name(t->section));
            puts_(&o, " ==\n");
        }
        puts_(&o, "\n");
        const ea_participant *p = t->speaker >= 0 ? ea_call_participant(c, (size_t)t->speaker) : NULL;
        if (p) {
            text(&o, p->name);
            puts_(&o, ":\n");
        }
        for (uint32_t k = 0; k < t->n_paras; k++) {
            const ea_paragraph *pa = ea_call_paragraph(c, t->first_para + k);
            puts_(&o, "[");
            ea_buf_putu(&o.b, pa->n);
            puts_(&o, "] ");
            text(&o, pa->text);
            puts_(&o, "\n");
            if (pa->has_translation) {
                puts_(&o, "    ");
                text(&o, pa->tr_text);
                puts_(&o, "\n");
            }
        }
    }
    flush(&o);
    ea_buf_free(&o.b);
    return o.failed ? EA_ERR_IO : EA_OK;
}
