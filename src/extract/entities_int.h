/* Private: the entity set in use on the calling thread. */
#ifndef EA_ENTITIES_INT_H
#define EA_ENTITIES_INT_H
#include "earnest/earnest.h"

/* Makes `set` the one ea_mentions_find(NULL, ...) uses on this thread
 * (NULL: the built-in packs again) and returns the previous one, to be
 * put back when done. `set` must stay alive and unchanged meanwhile. */
const ea_entities *ea_entities_use(const ea_entities *set);
#endif
