/* The digest as JSON (schema: docs/digest.md). */
#include <string.h>

#include "jw.h"
#include "summarize/digest_int.h"

static void item(ea_jw *w, const dg_item *it) {
    jw_obj(w);
    jw_key(w, "text"); jw_str(w, it->text);
    jw_key(w, "cites");
    jw_arr(w);
    for (uint32_t i = 0; i < it->n_cites; i++) jw_int(w, (long long)it->cites[i] + 1);
    jw_arr_end(w);
    jw_key(w, "source");
    if (it->quote.end > it->quote.start) jw_span(w, it->quote);
    else jw_null(w);
    if (it->quote_translation) {
        jw_key(w, "source_is_translation"); jw_bool(w, 1);
    }
    if (it->fact) {
        const ea_fact *f = it->fact;
        jw_key(w, "metric"); jw_str(w, f->metric);
        jw_key(w, "basis"); jw_str_or_null(w, f->basis);
        jw_key(w, "segment"); jw_str_or_null(w, f->segment);
        jw_key(w, "period"); jw_str_or_null(w, f->period);
        jw_key(w, "kind"); jw_cstr(w, ea_fact_kind_name(f->kind));
        jw_key(w, "unit"); jw_cstr(w, f->unit);
        jw_key(w, "value");
        if (f->has_value) jw_num(w, f->value);
        else jw_null(w);
        if (f->is_range) {
            jw_key(w, "low"); jw_num(w, f->low);
            jw_key(w, "high"); jw_num(w, f->high);
        }
        jw_key(w, "span"); jw_span(w, f->span);
    }
    if (it->change) {
        jw_key(w, "change"); jw_cstr(w, it->change);
    }
    jw_obj_end(w);
}

static void items(ea_jw *w, const dg_item *its, size_t n) {
    jw_arr(w);
    for (size_t i = 0; i < n; i++) item(w, &its[i]);
    jw_arr_end(w);
}

ea_status ea_dg_write_json(const dg_t *dg, ea_write_fn write, void *ctx, int one_line) {
    ea_jw w;
    jw_init(&w, write, ctx, !one_line);
    const ea_call_info *in = ea_call_get_info(dg->call);
    jw_obj(&w);
    jw_key(&w, "earnest"); jw_cstr(&w, EA_VERSION_STRING);
    jw_key(&w, "lang"); jw_cstr(&w, ea_lang_name(dg->lang));
    jw_key(&w, "generated"); jw_bool(&w, 1);
    jw_key(&w, "header");
    jw_obj(&w);
    jw_key(&w, "title"); jw_str(&w, dg->title);
    jw_key(&w, "company"); jw_str_or_null(&w, in->company);
    jw_key(&w, "ticker"); jw_str_or_null(&w, in->ticker);
    jw_key(&w, "exchange"); jw_str_or_null(&w, in->exchange);
    jw_key(&w, "event"); jw_str_or_null(&w, in->event_title);
    jw_key(&w, "period"); jw_str_or_null(&w, in->period);
    jw_key(&w, "period_inferred"); jw_bool(&w, in->period_inferred);
    jw_key(&w, "date"); jw_str_or_null(&w, in->date);
    if (dg->zh_source) {
        /* English minutes of a Chinese call: the call's own title and time */
        jw_key(&w, "source_lang"); jw_cstr(&w, "zh");
        jw_key(&w, "source_title"); jw_str_or_null(&w, dg->source_title);
        jw_key(&w, "time"); jw_str_or_null(&w, dg->when);
    }
    jw_obj_end(&w);
    jw_key(&w, "key_figures"); items(&w, dg->key, dg->n_key);
    jw_key(&w, "guidance"); items(&w, dg->guide, dg->n_guide);
    jw_key(&w, "minutes");
    jw_arr(&w);
    for (size_t i = 0; i < dg->n_themes; i++) {
        jw_obj(&w);
        jw_key(&w, "theme"); jw_cstr(&w, dg->themes[i].id);
        jw_key(&w, "heading"); jw_cstr(&w, dg->themes[i].heading);
        jw_key(&w, "bullets"); items(&w, dg->themes[i].items, dg->themes[i].n);
        jw_obj_end(&w);
    }
    jw_arr_end(&w);
    jw_key(&w, "qa");
    jw_arr(&w);
    for (size_t i = 0; i < dg->n_qa; i++) {
        const dg_qa *q = &dg->qa[i];
        jw_obj(&w);
        jw_key(&w, "analyst"); jw_str_or_null(&w, q->name);
        jw_key(&w, "firm"); jw_str_or_null(&w, q->firm);
        jw_key(&w, "question"); item(&w, &q->question);
        jw_key(&w, "answer");
        if (q->answer.text.len) item(&w, &q->answer);
        else jw_null(&w);
        jw_key(&w, "answered_by");
        if (q->answerer >= 0) jw_str(&w, ea_call_participant(dg->call, (size_t)q->answerer)->name);
        else jw_null(&w);
        jw_key(&w, "evasive"); jw_bool(&w, q->evasive != NULL);
        jw_key(&w, "evasive_cue"); jw_cstr(&w, q->evasive);
        jw_obj_end(&w);
    }
    jw_arr_end(&w);
    jw_key(&w, "tone");
    jw_obj(&w);
    jw_key(&w, "forward_looking_sentences"); jw_int(&w, dg->forward_total);
    jw_key(&w, "speakers");
    jw_arr(&w);
    for (size_t i = 0; i < dg->n_tone; i++) {
        const dg_tone *t = &dg->tone[i];
        const ea_participant *p = ea_call_participant(dg->call, (size_t)t->speaker);
        jw_obj(&w);
        jw_key(&w, "name"); jw_str(&w, p->name);
        jw_key(&w, "role"); jw_cstr(&w, ea_role_name(p->role));
        jw_key(&w, "sentences"); jw_int(&w, t->sentences);
        jw_key(&w, "words"); jw_int(&w, t->words);
        jw_key(&w, "confident"); jw_int(&w, t->confident);
        jw_key(&w, "hedging"); jw_int(&w, t->hedges);
        jw_key(&w, "forward_looking"); jw_int(&w, t->forward);
        jw_obj_end(&w);
    }
    jw_arr_end(&w);
    jw_obj_end(&w);
    jw_obj_end(&w);
    return jw_finish(&w);
}
