/*
 * migrate_plan: decide which schema migrations to apply.
 *
 * Pure logic: the caller lists the files of schema/ and the rows of
 * schema_migrations; this module checks them against each other and says
 * what is pending, or why it must refuse.  No I/O.
 */
#ifndef LEERLIJN_MIGRATE_PLAN_H
#define LEERLIJN_MIGRATE_PLAN_H

#include <stddef.h>

#define MIG_NAME_MAX	128
#define MIG_SUM_LEN	64	/* hex SHA-256 */

struct mig_entry {
	int	version;
	char	name[MIG_NAME_MAX];		/* "0001_foundation.sql" */
	char	checksum[MIG_SUM_LEN + 1];
};

/*
 * Parse a file name "NNNN_words.sql" (lowercase letters, digits and '_').
 * Returns the version (>= 1), or -1 when the name is not a migration.
 */
int	migrate_parse_name(const char *name);

/* Sort entries by version. */
void	migrate_sort(struct mig_entry *e, size_t n);

/*
 * Compare files (the schema directory) with applied (the table).  On
 * success returns 0 and writes the indexes of files to apply, in order,
 * into pending (room for nfiles) and their count into *npending.  On a
 * conflict returns -1 with a sentence in err: a duplicate version, an
 * applied migration whose file is gone or changed, or a new file older
 * than the newest applied one.
 */
int	migrate_plan(struct mig_entry *files, size_t nfiles,
	    const struct mig_entry *applied, size_t napplied,
	    size_t *pending, size_t *npending, char *err, size_t errlen);

#endif
