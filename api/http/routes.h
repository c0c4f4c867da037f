/*
 * routes: the table of every API route and its handler.
 */
#ifndef LEERLIJN_ROUTES_H
#define LEERLIJN_ROUTES_H

#include <stddef.h>

#include "core/router.h"

extern const struct route	routes[];
extern const size_t		routes_count;

#endif
