/* The quarter and year of a call's period inferred from its text (no
 * header names it): rules of the quarter and year votes in
 * src/model/meta.c, on text written for these tests. */
#include "harness.h"

static int str_is(ea_str s, const char *lit) { return s.len == strlen(lit) && memcmp(s.ptr, lit, s.len) == 0; }

/* The call: its opening lines, six lines that name no period (the opening
 * paragraphs weigh more), then its body. */
static void want_period(const char *name, const char *opening, const char *body, const char *want) {
    static char text[4096];
    int n = snprintf(text, sizeof text, "%s%s%s", opening,
                     "We thank our teams for their work.\nSafety remained our first priority.\n"
                     "Customers stayed with us through a busy season.\nWe opened two service centers.\n"
                     "Our product pipeline is full.\nLet me now turn to the numbers.\n",
                     body);
    CHECK_MSG(n > 0 && (size_t)n < sizeof text, "%s: text too long", name);
    ea_call *c = NULL;
    CHECK_MSG(ea_call_parse(text, strlen(text), NULL, &c, NULL) == EA_OK, "%s: parse failed", name);
    if (!c) return;
    const ea_call_info *in = ea_call_get_info(c);
    CHECK_MSG(str_is(in->period, want), "%s: period %.*s, want %s", name, (int)in->period.len, in->period.ptr,
              want);
    CHECK_MSG(in->period_inferred, "%s: period not inferred", name);
    ea_call_free(c);
}

int main(void) {
    /* a fourth-quarter call guides the next year: the forecasts name 2024,
       the call is 2023's */
    want_period("guidance on a fourth-quarter call",
                "Thank you all for joining us this morning.\n"
                "We are pleased with how the fourth quarter closed out the year.\n",
                "Fourth quarter revenue rose 8%, and margins held steady in the fourth quarter.\n"
                "Turning to the outlook, we expect 2024 revenue growth of 5% to 7%.\n"
                "Our 2024 guidance assumes steady pricing.\n"
                "We plan capital spending of $40 million in 2024.\n"
                "Looking ahead, 2024 should be another year of growth.\n"
                "We anticipate free cash flow of $90 million in 2024.\n",
                "2023Q4");

    /* the call's own quarter stated with its year in the opening lines
       outweighs the next quarter's forecast */
    want_period("self-statement in the opening lines",
                "Good afternoon, and thank you for joining us.\n"
                "Our second quarter fiscal 2026 results were the best in the company's history.\n",
                "Second quarter sales grew 11%, and the second quarter margin was 21%.\n"
                "For the third quarter of fiscal 2026, we expect sales of $400 million.\n",
                "2026Q2");

    /* comparisons with the year before, including "since" and a date
       at the end of the earlier year, vote for the call's year */
    want_period("comparisons name the year before",
                "Thanks, everyone, for joining.\n"
                "The first quarter was a solid start, and first quarter orders grew.\n",
                "Revenue in the first quarter was the highest since 2024.\n"
                "Net debt fell from December 31, 2024, and costs were below 2024 levels.\n"
                "The first quarter of 2024 had an extra shipping week.\n"
                "We repaid $50 million of debt during the first quarter.\n",
                "2025Q1");

    /* a later quarter named with its year, not as a forecast, is last
       year's; a date at the quarter's end is this year's */
    want_period("a later quarter is last year's",
                "Welcome to our call.\n"
                "In the second quarter, bookings rose 6%, and second quarter sales were up 4%.\n",
                "As of June 30, 2022, we held $120 million in cash.\n"
                "Volumes recovered from the fourth quarter of 2021, when a plant was down.\n",
                "2022Q2");

    /* a fiscal year a goal is set for says nothing of the call */
    want_period("goal fiscal year",
                "Good morning.\n"
                "Our third quarter results reflect strong demand, and third quarter orders grew.\n",
                "We remain on track to reach $5 billion of revenue by fiscal year 2031.\n"
                "In fiscal 2027, third quarter revenue was a record.\n",
                "2027Q3");
    /* a year written "'21" is a year: the only ones this call names */
    want_period("quoted years",
                "Good morning, everyone.\n"
                "Our second quarter was strong, and second quarter orders grew 9%.\n",
                "Fiscal '21 is off to a fine start: revenue was a record.\n"
                "Sales rose 14% compared to fiscal '20.\n"
                "Second quarter margins held at 31%.\n",
                "2021Q2");

    /* forecasts name the next quarter, comparisons the one before: the
       call is the quarter between them, named less often than either */
    want_period("the quarter between a forecast and a comparison",
                "Thank you for joining us today.\n"
                "Demand held up well this quarter.\n",
                "Revenue in the third quarter of 2023 rose 5%.\n"
                "Orders were up from the second quarter, and margins improved over the second quarter.\n"
                "Costs fell compared to the second quarter.\n"
                "For the fourth quarter, we expect revenue of $80 million.\n"
                "We anticipate a stronger fourth quarter, and our outlook for the fourth quarter is unchanged.\n",
                "2023Q3");

    /* another call than this one ("on our fourth quarter call") says
       little of the call's quarter; this one's, in the opening lines, does */
    want_period("this call and the next one",
                "Welcome to our first quarter 2024 earnings call.\n"
                "The first quarter was a good start to the year.\n",
                "We will share our plans on our second quarter call, and more on our second quarter call in July.\n"
                "We grew revenue in the quarter by 7%.\n",
                "2024Q1");
    return th_done();
}
