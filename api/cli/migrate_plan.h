/*
 * migrate_plan: decide which schema files to apply.
 *
 * Pure logic: the caller lists the files of schema/migrations and
 * schema/functions and the rows of schema_migrations and schema_functions;
 * this module checks them against each other and says what is pending, or
 * why it must refuse.  No I/O.
 */
#ifndef LEERLIJN_MIGRATE_PLAN_H
#define LEERLIJN_MIGRATE_PLAN_H

#include <stddef.h>

#define MIG_NAME_MAX	128
#define MIG_SUM_LEN	64	/* hex SHA-256 */

/*
 * A numbered migration (version >= 1), a function file (version = its
 * place in the load order, from 1), or a legacy checksum of a migration.
 */
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

/*
 * Is name a function file name, "words.sql" (a lowercase letter, then
 * lowercase letters, digits and '_')?  1 or 0.
 */
int	migrate_parse_function_name(const char *name);

/* Sort entries by version. */
void	migrate_sort(struct mig_entry *e, size_t n);

/*
 * Parse the legacy checksums (sha256sum format: "HEX  NNNN_name.sql" per
 * line; blank lines and lines starting with '#' are skipped) into out
 * (room for max).  Returns the count, or -1 with a sentence in err.
 */
long	migrate_parse_legacy(const char *text, struct mig_entry *out,
	    size_t max, char *err, size_t errlen);

/*
 * Parse the load order of the function files (one file name per line;
 * blank lines and lines starting with '#' are skipped) into out (room for
 * max): names, and versions 1, 2, ... in order; checksums are left empty.
 * Returns the count, or -1 with a sentence in err (a bad name, a name
 * listed twice, too many).
 */
long	migrate_parse_order(const char *text, struct mig_entry *out,
	    size_t max, char *err, size_t errlen);

/*
 * Is every function file in the directory (names, n) listed in the load
 * order (order, norder)?  0, or -1 with a sentence in err.
 */
int	migrate_check_listed(const char *const *names, size_t n,
	    const struct mig_entry *order, size_t norder, char *err,
	    size_t errlen);

/*
 * Compare files (the migrations directory) with applied (the table).  On
 * success returns 0, writes the indexes of files to apply, in order, into
 * pending (room for nfiles) and their count into *npending, and the
 * indexes of files whose applied row carries a legacy checksum (one of
 * legacy: same version, name and checksum as the row) into rerecord (room
 * for nfiles), count in *nrerecord: the caller records the file's checksum
 * for them.  On a conflict returns -1 with a sentence in err: a duplicate
 * version, an applied migration whose file is gone or changed, or a new
 * file older than the newest applied one.
 */
int	migrate_plan(struct mig_entry *files, size_t nfiles,
	    const struct mig_entry *applied, size_t napplied,
	    const struct mig_entry *legacy, size_t nlegacy,
	    size_t *pending, size_t *npending,
	    size_t *rerecord, size_t *nrerecord, char *err, size_t errlen);

/*
 * Which function files (fns, in load order, with checksums) to apply,
 * given the rows of schema_functions (recorded): every file when
 * migrations_pending (a numbered migration may have dropped what a file
 * defines), else each file that is new or whose checksum changed.  Writes
 * indexes of fns, in load order, into apply (room for nfns) and returns
 * their count.
 */
size_t	migrate_plan_functions(const struct mig_entry *fns, size_t nfns,
	    const struct mig_entry *recorded, size_t nrecorded,
	    int migrations_pending, size_t *apply);

#endif
