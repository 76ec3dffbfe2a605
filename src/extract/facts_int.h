/* Private: what renderers and the digest need beyond the public facts API. */
#ifndef EA_FACTS_INT_H
#define EA_FACTS_INT_H
#include "earnest/earnest.h"

const ea_call *ea_facts_call(const ea_facts *f);
#endif
