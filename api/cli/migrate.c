/*
 * migrate: apply schema/NNNN_name.sql files to PostgreSQL.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "cli/migrate.h"
#include "cli/migrate_plan.h"
#include "core/strbuf.h"

#define MIG_MAX_FILES	512
#define MIG_FILE_MAX	(16 * 1024 * 1024)

static const char SQL_LOCK[] =
    "SELECT pg_advisory_lock(" MIGRATE_LOCK_KEY ")";
static const char SQL_UNLOCK[] =
    "SELECT pg_advisory_unlock(" MIGRATE_LOCK_KEY ")";
static const char SQL_CREATE[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY CHECK (version > 0),"
    " name text NOT NULL UNIQUE,"
    " checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),"
    " applied_at timestamptz NOT NULL DEFAULT now())";
static const char SQL_APPLIED[] =
    "SELECT version, name, checksum FROM schema_migrations ORDER BY version";
static const char SQL_RECORD[] =
    "INSERT INTO schema_migrations (version, name, checksum)"
    " VALUES ($1::integer, $2, $3)";
static const char SQL_VERSION[] =
    "SELECT coalesce(max(version), 0) FROM schema_migrations";
static const char SQL_HAS_TABLE[] =
    "SELECT to_regclass('schema_migrations') IS NOT NULL";

/* Run a command that returns no rows or one row; 0 on success. */
static int
exec_ok(PGconn *c, const char *sql, int nparams, const char *const *params)
{
	PGresult	*r;
	int		 ok;

	r = PQexecParams(c, sql, nparams, NULL, params, NULL, NULL, 0);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK ||
	    PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		fprintf(stderr, "leerlijn-db: %s", PQerrorMessage(c));
	PQclear(r);
	return (ok ? 0 : -1);
}

int
migrate_lock(PGconn *c)
{
	return (exec_ok(c, SQL_LOCK, 0, NULL));
}

void
migrate_unlock(PGconn *c)
{
	(void)exec_ok(c, SQL_UNLOCK, 0, NULL);
}

static void
sha256_hex(const struct strbuf *b, char out[MIG_SUM_LEN + 1])
{
	unsigned char	digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, (const unsigned char *)b->data, b->len);
	sodium_bin2hex(out, MIG_SUM_LEN + 1, digest, sizeof(digest));
}

/* List dir's migration files with their checksums; count or -1. */
static long
list_files(const char *dir, struct mig_entry *files)
{
	DIR		*d;
	struct dirent	*de;
	struct strbuf	 b;
	char		 path[4096];
	long		 n;
	int		 version;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "leerlijn-db: cannot open %s: %s\n", dir,
		    strerror(errno));
		return (-1);
	}
	n = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if ((version = migrate_parse_name(de->d_name)) == -1) {
			if (strstr(de->d_name, ".sql") != NULL) {
				fprintf(stderr, "leerlijn-db: %s/%s is not "
				    "named NNNN_name.sql\n", dir, de->d_name);
				closedir(d);
				return (-1);
			}
			continue;
		}
		if (n == MIG_MAX_FILES) {
			fprintf(stderr, "leerlijn-db: too many migrations\n");
			closedir(d);
			return (-1);
		}
		(void)snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		strbuf_init(&b);
		if (strbuf_read_file(&b, path, MIG_FILE_MAX) == -1) {
			fprintf(stderr, "leerlijn-db: cannot read %s: %s\n",
			    path, strerror(errno));
			strbuf_free(&b);
			closedir(d);
			return (-1);
		}
		files[n].version = version;
		/* migrate_parse_name() checked the length. */
		(void)snprintf(files[n].name, sizeof(files[n].name), "%.*s",
		    MIG_NAME_MAX - 1, de->d_name);
		sha256_hex(&b, files[n].checksum);
		strbuf_free(&b);
		n++;
	}
	closedir(d);
	return (n);
}

/* Rows of schema_migrations; count or -1. */
static long
list_applied(PGconn *c, struct mig_entry *applied)
{
	PGresult	*r;
	long		 n, i;

	r = PQexecParams(c, SQL_APPLIED, 0, NULL, NULL, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		fprintf(stderr, "leerlijn-db: %s", PQerrorMessage(c));
		PQclear(r);
		return (-1);
	}
	n = PQntuples(r);
	if (n > MIG_MAX_FILES) {
		PQclear(r);
		return (-1);
	}
	for (i = 0; i < n; i++) {
		applied[i].version = atoi(PQgetvalue(r, (int)i, 0));
		(void)snprintf(applied[i].name, sizeof(applied[i].name), "%s",
		    PQgetvalue(r, (int)i, 1));
		(void)snprintf(applied[i].checksum,
		    sizeof(applied[i].checksum), "%s", PQgetvalue(r, (int)i, 2));
	}
	PQclear(r);
	return (n);
}

/* Apply one file in its own transaction; 0 or -1. */
static int
apply_one(PGconn *c, const char *dir, const struct mig_entry *f)
{
	struct strbuf	 b;
	PGresult	*r;
	char		 path[4096], version[16];
	const char	*params[3];
	int		 rc;

	rc = -1;
	strbuf_init(&b);
	(void)snprintf(path, sizeof(path), "%s/%s", dir, f->name);
	if (strbuf_read_file(&b, path, MIG_FILE_MAX) == -1) {
		fprintf(stderr, "leerlijn-db: cannot read %s\n", path);
		goto out;
	}
	if (exec_ok(c, "BEGIN", 0, NULL) == -1)
		goto out;
	/* The file is trusted schema text from the repository, not input. */
	r = PQexec(c, b.data);
	if (PQresultStatus(r) != PGRES_COMMAND_OK &&
	    PQresultStatus(r) != PGRES_TUPLES_OK) {
		fprintf(stderr, "leerlijn-db: migration %s failed: %s",
		    f->name, PQerrorMessage(c));
		PQclear(r);
		(void)exec_ok(c, "ROLLBACK", 0, NULL);
		goto out;
	}
	PQclear(r);
	(void)snprintf(version, sizeof(version), "%d", f->version);
	params[0] = version;
	params[1] = f->name;
	params[2] = f->checksum;
	if (exec_ok(c, SQL_RECORD, 3, params) == -1 ||
	    exec_ok(c, "COMMIT", 0, NULL) == -1) {
		(void)exec_ok(c, "ROLLBACK", 0, NULL);
		goto out;
	}
	fprintf(stderr, "leerlijn-db: applied %s\n", f->name);
	rc = 0;
out:
	strbuf_free(&b);
	return (rc);
}

int
migrate_run(PGconn *c, const char *dir)
{
	struct mig_entry	*files, *applied;
	size_t			*pending, npending, i;
	long			 nfiles, napplied;
	char			 err[512];
	int			 rc;

	rc = -1;
	files = calloc(MIG_MAX_FILES, sizeof(*files));
	applied = calloc(MIG_MAX_FILES, sizeof(*applied));
	pending = calloc(MIG_MAX_FILES, sizeof(*pending));
	if (files == NULL || applied == NULL || pending == NULL)
		goto out;

	if (sodium_init() == -1)
		goto out;
	if (exec_ok(c, SQL_CREATE, 0, NULL) == -1)
		goto out;
	if ((nfiles = list_files(dir, files)) == -1)
		goto out;
	if ((napplied = list_applied(c, applied)) == -1)
		goto out;
	if (migrate_plan(files, (size_t)nfiles, applied, (size_t)napplied,
	    pending, &npending, err, sizeof(err)) == -1) {
		fprintf(stderr, "leerlijn-db: refusing to migrate: %s\n", err);
		goto out;
	}
	for (i = 0; i < npending; i++) {
		if (apply_one(c, dir, &files[pending[i]]) == -1)
			goto out;
	}
	fprintf(stderr, "leerlijn-db: schema up to date (%zu applied, "
	    "%ld in total)\n", npending, nfiles);
	rc = (int)npending;
out:
	free(files);
	free(applied);
	free(pending);
	return (rc);
}

int
migrate_version(PGconn *c)
{
	PGresult	*r;
	int		 v;

	r = PQexecParams(c, SQL_HAS_TABLE, 0, NULL, NULL, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		PQclear(r);
		return (-1);
	}
	v = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	PQclear(r);
	if (!v)
		return (0);
	r = PQexecParams(c, SQL_VERSION, 0, NULL, NULL, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		PQclear(r);
		return (-1);
	}
	v = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return (v);
}
