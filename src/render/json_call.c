/* The call model as JSON; the schema is docs/call-model.md. */
#include "jw.h"
#include "model/call_int.h"

ea_status ea_call_write_json(const ea_call *c, unsigned flags, ea_write_fn write, void *ctx) {
    if (!c || !write) return EA_ERR_USAGE;
    ea_jw w;
    jw_init(&w, write, ctx, (flags & EA_JSON_PRETTY) != 0);
    const ea_call_info *in = &c->info;
    jw_obj(&w);
    jw_key(&w, "earnest");
    jw_cstr(&w, EA_VERSION_STRING);
    jw_key(&w, "call");
    jw_obj(&w);
    jw_key(&w, "company"); jw_str_or_null(&w, in->company);
    jw_key(&w, "ticker"); jw_str_or_null(&w, in->ticker);
    jw_key(&w, "exchange"); jw_str_or_null(&w, in->exchange);
    jw_key(&w, "event_title"); jw_str_or_null(&w, in->event_title);
    jw_key(&w, "period"); jw_str_or_null(&w, in->period);
    jw_key(&w, "period_inferred"); jw_bool(&w, in->period_inferred);
    jw_key(&w, "date"); jw_str_or_null(&w, in->date);
    jw_key(&w, "layout"); jw_cstr(&w, ea_layout_name(in->layout));
    jw_key(&w, "encoding"); jw_cstr(&w, in->encoding);
    jw_key(&w, "languages");
    jw_arr(&w);
    for (int l = 1; l < EA_LANG_COUNT_; l++)
        if (in->lang_mask & (1u << l)) jw_cstr(&w, ea_lang_name((ea_lang)l));
    jw_arr_end(&w);
    jw_key(&w, "summary");
    if (in->summary.len) {
        jw_obj(&w);
        jw_key(&w, "lang"); jw_cstr(&w, ea_lang_name(ea_lang_detect(in->summary.ptr, in->summary.len)));
        jw_key(&w, "text"); jw_str(&w, in->summary);
        jw_key(&w, "span"); jw_span(&w, in->summary_span);
        jw_obj_end(&w);
    } else {
        jw_null(&w);
    }
    jw_key(&w, "disclaimer");
    if (in->disclaimer.len) {
        jw_obj(&w);
        jw_key(&w, "text"); jw_str(&w, in->disclaimer);
        jw_key(&w, "span"); jw_span(&w, in->disclaimer_span);
        jw_obj_end(&w);
    } else {
        jw_null(&w);
    }
    jw_obj_end(&w);

    jw_key(&w, "participants");
    jw_arr(&w);
    for (size_t i = 0; i < c->parts.n; i++) {
        const ea_participant *p = ea_call_participant(c, i);
        static const char *const from[] = {NULL, "roster", "title", "behaviour", "name"};
        jw_obj(&w);
        jw_key(&w, "id"); jw_int(&w, (long long)i);
        jw_key(&w, "name"); jw_str(&w, p->name);
        jw_key(&w, "title"); jw_str_or_null(&w, p->title);
        jw_key(&w, "affiliation"); jw_str_or_null(&w, p->affiliation);
        jw_key(&w, "role"); jw_cstr(&w, ea_role_name(p->role));
        jw_key(&w, "role_from"); jw_cstr(&w, (unsigned)p->role_from < 5 ? from[p->role_from] : NULL);
        jw_obj_end(&w);
    }
    jw_arr_end(&w);

    jw_key(&w, "turns");
    jw_arr(&w);
    for (size_t i = 0; i < c->turns.n; i++) {
        const ea_turn *t = ea_call_turn(c, i);
        jw_obj(&w);
        jw_key(&w, "speaker");
        if (t->speaker < 0) jw_null(&w);
        else jw_int(&w, t->speaker);
        jw_key(&w, "section"); jw_cstr(&w, ea_section_name(t->section));
        jw_key(&w, "paragraphs");
        jw_arr(&w);
        for (uint32_t k = 0; k < t->n_paras; k++) jw_int(&w, (long long)t->first_para + k + 1);
        jw_arr_end(&w);
        jw_key(&w, "span"); jw_span(&w, t->span);
        jw_obj_end(&w);
    }
    jw_arr_end(&w);

    jw_key(&w, "paragraphs");
    jw_arr(&w);
    for (size_t i = 0; i < c->paras.n; i++) {
        const ea_paragraph *p = ea_call_paragraph(c, i);
        jw_obj(&w);
        jw_key(&w, "n"); jw_int(&w, p->n);
        jw_key(&w, "turn"); jw_int(&w, p->turn);
        jw_key(&w, "lang"); jw_cstr(&w, ea_lang_name(p->lang));
        jw_key(&w, "text"); jw_str(&w, p->text);
        jw_key(&w, "span"); jw_span(&w, p->span);
        if (p->has_translation) {
            jw_key(&w, "translation");
            jw_obj(&w);
            jw_key(&w, "lang"); jw_cstr(&w, ea_lang_name(p->tr_lang));
            jw_key(&w, "text"); jw_str(&w, p->tr_text);
            jw_key(&w, "span"); jw_span(&w, p->tr_span);
            jw_obj_end(&w);
        }
        if (p->has_time) {
            jw_key(&w, "time");
            jw_arr(&w);
            jw_num(&w, p->t_start);
            jw_num(&w, p->t_end);
            jw_arr_end(&w);
        }
        jw_obj_end(&w);
    }
    jw_arr_end(&w);

    if (flags & EA_JSON_SENTENCES) {
        size_t n = 0;
        const ea_sentence *s = ea_call_sentences(c, &n);
        jw_key(&w, "sentences");
        jw_arr(&w);
        for (size_t i = 0; s && i < n; i++) {
            jw_obj(&w);
            jw_key(&w, "para"); jw_int(&w, (long long)s[i].para + 1);
            jw_key(&w, "text"); jw_str(&w, s[i].text);
            jw_key(&w, "span"); jw_span(&w, s[i].span);
            jw_obj_end(&w);
        }
        jw_arr_end(&w);
    }

    jw_key(&w, "qa");
    jw_arr(&w);
    for (size_t i = 0; i < c->exch.n; i++) {
        const ea_exchange *x = ea_call_exchange(c, i);
        jw_obj(&w);
        jw_key(&w, "analyst");
        if (x->analyst < 0) jw_null(&w);
        else jw_int(&w, x->analyst);
        jw_key(&w, "turns");
        jw_arr(&w);
        jw_int(&w, x->first_turn);
        jw_int(&w, (long long)x->first_turn + x->n_turns);
        jw_arr_end(&w);
        jw_key(&w, "question_paragraphs");
        jw_arr(&w);
        for (uint32_t k = 0; k < x->n_question_paras; k++) jw_int(&w, (long long)x->question_paras[k] + 1);
        jw_arr_end(&w);
        jw_key(&w, "answer_turns");
        jw_arr(&w);
        for (uint32_t k = 0; k < x->n_answer_turns; k++) jw_int(&w, x->answer_turns[k]);
        jw_arr_end(&w);
        jw_obj_end(&w);
    }
    jw_arr_end(&w);
    jw_obj_end(&w);
    return jw_finish(&w);
}
