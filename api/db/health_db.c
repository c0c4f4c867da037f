/*
 * db_health: is the database reachable, and at which schema version?
 */
#include <stdlib.h>

#include "db/health_db.h"

static struct db_stmt	stmt_version = DB_STMT("health_version",
    "SELECT coalesce(max(version), 0) FROM schema_migrations", 0, 1);

enum db_result
db_health_check(int *version)
{
	PGresult	*r;
	enum db_result	 rc;

	if ((rc = db_exec(&stmt_version, NULL, &r)) != DB_OK)
		return (rc);
	*version = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return (DB_OK);
}
