/* Facts with options: the domain packs companies are linked with. The
 * extraction itself is ea_facts_extract (facts.c); it finds the mentions
 * of the set in use on this thread, which is the options' set while it
 * runs. */
#include <string.h>

#include "earnest/earnest.h"
#include "entities_int.h"

void ea_facts_options_init(ea_facts_options *opt) {
    if (opt) memset(opt, 0, sizeof *opt);
}

ea_status ea_facts_extract_opts(const ea_call *call, const ea_facts_options *opt, ea_facts **out, ea_error *err) {
    const ea_entities *prev = ea_entities_use(opt ? opt->entities : NULL);
    ea_status st = ea_facts_extract(call, out, err);
    ea_entities_use(prev);
    return st;
}
