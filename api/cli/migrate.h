/*
 * migrate: bring a database to the schema of a schema directory.
 *
 *   DIR/migrations/NNNN_name.sql   numbered migrations: tables, indexes,
 *                                  constraints and data; each applied once
 *                                  and recorded with its SHA-256 in
 *                                  schema_migrations;
 *   DIR/migrations/legacy.sha256   checksums of the files of the earlier
 *                                  layout that a recorded migration may
 *                                  carry (accepted once, then replaced);
 *   DIR/functions/load-order       the function files, in the order they
 *                                  are applied;
 *   DIR/functions/NAME.sql         functions, views and triggers, written
 *                                  to be applied again (CREATE OR REPLACE),
 *                                  recorded with their SHA-256 in
 *                                  schema_functions.
 *
 * One run is one transaction: the pending migrations in order, then the
 * function files that are new or changed (all of them when a migration
 * ran).  The caller holds the advisory lock, so two starts cannot race.
 * Up to date means no work; a changed applied migration is refused and
 * nothing changes.  See docs/database.md.
 */
#ifndef LEERLIJN_MIGRATE_H
#define LEERLIJN_MIGRATE_H

#include <libpq-fe.h>

/* The advisory lock key shared by migrations and seeds ("LEER"). */
#define MIGRATE_LOCK_KEY	"1279610194"

int	migrate_lock(PGconn *c);
void	migrate_unlock(PGconn *c);
/*
 * Apply what is pending from dir.  The caller holds the lock.  Returns
 * the number of migrations applied (>= 0), or -1 after printing the reason
 * to stderr (nothing is changed then).
 */
int	migrate_run(PGconn *c, const char *dir);
/* Newest applied version, 0 when none, -1 on error. */
int	migrate_version(PGconn *c);

#endif
