/*
 * handlers: every API handler (h_*.c), one line each.
 */
#ifndef LEERLIJN_HANDLERS_H
#define LEERLIJN_HANDLERS_H

#include "api.h"

API_HANDLER(api_health_get);

#endif
