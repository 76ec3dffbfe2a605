/* The bilingual sample (../shared/samples/000_...): what a reader must get
 * from it. Skips (77) when ../shared is absent. */
#include "earnest/earnest.h"
#include "harness.h"

static int find(const ea_call *c, const char *name) {
    for (size_t i = 0; i < ea_call_participant_count(c); i++)
        if (STR_EQ(ea_call_participant(c, i)->name, name)) return (int)i;
    return -1;
}

static void expect_part(const ea_call *c, const char *name, ea_role role, const char *affil) {
    int i = find(c, name);
    CHECK_MSG(i >= 0, "participant %s missing", name);
    if (i < 0) return;
    const ea_participant *p = ea_call_participant(c, (size_t)i);
    CHECK_MSG(p->role == role, "%s: role %s", name, ea_role_name(p->role));
    if (affil) CHECK_MSG(STR_EQ(p->affiliation, affil), "%s: affiliation '%.*s'", name, (int)p->affiliation.len,
                         p->affiliation.ptr ? p->affiliation.ptr : "");
}

static int starts(ea_str s, const char *lit) { return s.len >= strlen(lit) && !memcmp(s.ptr, lit, strlen(lit)); }

int main(int argc, char **argv) {
    const char *shared = argc > 2 ? argv[2] : "../shared";
    size_t len;
    char *data = th_read_sample(shared, &len);
    if (!data) return 77;
    ea_call *c = NULL;
    ea_error err;
    CHECK(ea_call_parse(data, len, NULL, &c, &err) == EA_OK);
    if (!c) return th_done();
    const ea_call_info *in = ea_call_get_info(c);
    CHECK(in->layout == EA_LAYOUT_BILINGUAL);
    CHECK(STR_EQ(in->company, "Applied Optoelectronics"));
    CHECK(STR_EQ(in->period, "2024Q1"));
    CHECK(starts(in->summary, "應用光電最近召開電話會議"));
    CHECK(starts(in->disclaimer, "使用警語"));
    CHECK(in->lang_mask == ((1u << EA_LANG_EN) | (1u << EA_LANG_ZH_HANT)));

    /* participants */
    CHECK(ea_call_participant_count(c) == 8);
    expect_part(c, "Operator", EA_ROLE_OPERATOR, NULL);
    expect_part(c, "Lindsay Savarese", EA_ROLE_IR, NULL);
    expect_part(c, "Thompson Lin", EA_ROLE_EXECUTIVE, NULL);
    expect_part(c, "Stefan Murry", EA_ROLE_EXECUTIVE, NULL);
    expect_part(c, "Simon Leopold", EA_ROLE_ANALYST, "Raymond James");
    expect_part(c, "Michael Genovese", EA_ROLE_ANALYST, "Rosenblatt Securities");
    expect_part(c, "Tim Savageaux", EA_ROLE_ANALYST, "Northland Capital Markets");
    expect_part(c, "Dave Kang", EA_ROLE_ANALYST, "B. Riley FBR");

    /* every English paragraph has its Chinese translation, and the summary
       and disclaimer are not speech */
    size_t np = ea_call_paragraph_count(c), paired = 0;
    for (size_t i = 0; i < np; i++) {
        const ea_paragraph *p = ea_call_paragraph(c, i);
        CHECK_MSG(p->lang == EA_LANG_EN, "paragraph %u lang %s", p->n, ea_lang_name(p->lang));
        if (p->has_translation && p->tr_lang == EA_LANG_ZH_HANT) paired++;
        CHECK_MSG(!starts(p->text, "應用光電最近") && !starts(p->text, "使用警語"), "header as speech at %u", p->n);
    }
    CHECK_MSG(np == 119, "%zu paragraphs", np);
    CHECK_MSG(paired == np, "%zu of %zu paragraphs paired", paired, np);
    const ea_paragraph *p15 = ea_call_paragraph(c, 14);
    CHECK(p15 && starts(p15->text, "Based on our current forecast"));
    CHECK(p15 && starts(p15->tr_text, "根據我們目前的預測"));

    /* sections: operator intro, prepared remarks, Q&A, closing */
    const ea_turn *t0 = ea_call_turn(c, 0), *t1 = ea_call_turn(c, 1);
    CHECK(t0 && t0->section == EA_SECTION_INTRO);
    CHECK(t1 && t1->section == EA_SECTION_PREPARED);
    size_t nt = ea_call_turn_count(c);
    const ea_turn *last = ea_call_turn(c, nt - 1);
    CHECK(last && last->section == EA_SECTION_CLOSING);
    int qa_start = -1;
    for (size_t i = 0; i < nt; i++)
        if (ea_call_turn(c, i)->section == EA_SECTION_QA) {
            qa_start = (int)i;
            break;
        }
    CHECK(qa_start > 0);
    if (qa_start > 0) {
        const ea_turn *q = ea_call_turn(c, (size_t)qa_start);
        CHECK(starts(ea_call_paragraph(c, q->first_para)->text, "Thank you. We will now begin the question-and-answer"));
    }

    /* Q&A: four exchanges, one per analyst, follow-ups inside */
    const char *analysts[] = {"Simon Leopold", "Michael Genovese", "Tim Savageaux", "Dave Kang"};
    const char *first_q[] = {"Hey, thanks for taking the question.", "Great, thanks. And I guess",
                             NULL, "Got it"};
    CHECK_MSG(ea_call_exchange_count(c) == 4, "%zu exchanges", ea_call_exchange_count(c));
    for (size_t i = 0; i < ea_call_exchange_count(c) && i < 4; i++) {
        const ea_exchange *x = ea_call_exchange(c, i);
        CHECK_MSG(x->analyst == find(c, analysts[i]), "exchange %zu analyst", i);
        CHECK(x->n_question_paras >= 2);
        CHECK(x->n_answer_turns >= 2);
        for (uint32_t k = 0; k < x->n_answer_turns; k++) {
            const ea_turn *t = ea_call_turn(c, x->answer_turns[k]);
            ea_role r = ea_call_participant(c, (size_t)t->speaker)->role;
            CHECK_MSG(r == EA_ROLE_EXECUTIVE, "exchange %zu answer by %s", i, ea_role_name(r));
        }
        for (uint32_t k = 0; k < x->n_question_paras; k++) {
            const ea_paragraph *p = ea_call_paragraph(c, x->question_paras[k]);
            const ea_turn *t = ea_call_turn(c, p->turn);
            CHECK(t->speaker == x->analyst);
        }
        if (first_q[i] && i != 3) {
            const ea_paragraph *p = ea_call_paragraph(c, x->question_paras[0]);
            CHECK_MSG(starts(p->text, first_q[i]), "exchange %zu first question", i);
        }
    }
    /* Simon Leopold's firm comes from the operator's hand-off line, which
       stays speech */
    int found_intro = 0;
    for (size_t i = 0; i < np; i++)
        if (STR_EQ(ea_call_paragraph(c, i)->text, "Simon Leopold, Raymond James.")) found_intro = 1;
    CHECK(found_intro);
    ea_call_free(c);
    free(data);
    return th_done();
}
