/*
 * migrate: apply schema/NNNN_name.sql files to PostgreSQL.
 *
 * Each file runs in its own transaction and is recorded with its SHA-256
 * in schema_migrations.  The whole run holds an advisory lock so that two
 * starts cannot race.  Up to date means no work; a changed applied file
 * is refused.
 */
#ifndef LEERLIJN_MIGRATE_H
#define LEERLIJN_MIGRATE_H

#include <libpq-fe.h>

/* The advisory lock key shared by migrations and seeds ("LEER"). */
#define MIGRATE_LOCK_KEY	"1279610194"

int	migrate_lock(PGconn *c);
void	migrate_unlock(PGconn *c);
/*
 * Apply pending migrations from dir.  The caller holds the lock.  Returns
 * the number applied (>= 0), or -1 after printing the reason to stderr.
 */
int	migrate_run(PGconn *c, const char *dir);
/* Newest applied version, 0 when none, -1 on error. */
int	migrate_version(PGconn *c);

#endif
