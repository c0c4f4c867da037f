/*
 * db_health: is the database reachable, and at which schema version?
 */
#ifndef LEERLIJN_DB_HEALTH_H
#define LEERLIJN_DB_HEALTH_H

#include "db/db.h"

/* On DB_OK *version holds the newest applied migration (0 when none). */
enum db_result	db_health_check(int *version);

#endif
