/*
 * db_health: is the database reachable, and at which schema version?
 */
#include "db/health_db.h"

static struct db_stmt	stmt_version = DB_STMT("health_version",
    "SELECT coalesce(max(version), 0) FROM schema_migrations", 0, 1);

enum db_result
db_health_check(int *version)
{
	return (db_int(&stmt_version, NULL, version));
}
