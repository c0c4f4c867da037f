/*
 * migrate: apply schema/migrations and schema/functions to PostgreSQL.
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
/* Quiet: "trigger ... does not exist, skipping" and the like. */
static const char SQL_BEGIN[] =
    "BEGIN; SET LOCAL client_min_messages = warning";
static const char SQL_CREATE[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY CHECK (version > 0),"
    " name text NOT NULL UNIQUE,"
    " checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),"
    " applied_at timestamptz NOT NULL DEFAULT now())";
static const char SQL_CREATE_FUNCTIONS[] =
    "CREATE TABLE IF NOT EXISTS schema_functions ("
    " name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]*\\.sql$'),"
    " checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),"
    " applied_at timestamptz NOT NULL DEFAULT now())";
static const char SQL_APPLIED[] =
    "SELECT version, name, checksum FROM schema_migrations ORDER BY version";
static const char SQL_RECORD[] =
    "INSERT INTO schema_migrations (version, name, checksum)"
    " VALUES ($1::integer, $2, $3)";
static const char SQL_RERECORD[] =
    "UPDATE schema_migrations SET checksum = $2 WHERE version = $1::integer";
static const char SQL_FN_RECORDED[] =
    "SELECT 0, name, checksum FROM schema_functions ORDER BY name";
static const char SQL_FN_RECORD[] =
    "INSERT INTO schema_functions (name, checksum) VALUES ($1, $2)"
    " ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum,"
    " applied_at = now()";
static const char SQL_FN_FORGET[] =
    "DELETE FROM schema_functions WHERE name <> ALL ($1::text[])"
    " RETURNING name";
static const char SQL_VERSION[] =
    "SELECT coalesce(max(version), 0) FROM schema_migrations";
static const char SQL_HAS_TABLE[] =
    "SELECT to_regclass('schema_migrations') IS NOT NULL";

/* What one run works with; see migrate_run. */
struct mig_run {
	char			 mdir[4096];	/* DIR/migrations */
	char			 fdir[4096];	/* DIR/functions */
	struct mig_entry	*files, *applied, *legacy, *fns, *recorded;
	size_t			*pending, *rerecord, *apply;
	long			 nfiles, napplied, nlegacy, nfns, nrecorded;
};

/* Run a command that returns no rows or one row; 0 on success. */
static int
exec_ok(PGconn *c, const char *sql, int nparams, const char *const *params)
{
	PGresult	*r;
	int		 ok;

	if (nparams == 0)
		r = PQexec(c, sql);
	else
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

/* Read dir/name into b (initialised by the caller); 0 or -1 (said). */
static int
read_file(const char *dir, const char *name, struct strbuf *b)
{
	char	path[4200];

	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (strbuf_read_file(b, path, MIG_FILE_MAX) == -1) {
		fprintf(stderr, "leerlijn-db: cannot read %s: %s\n", path,
		    strerror(errno));
		return (-1);
	}
	return (0);
}

/* The SHA-256 of dir/name in hex; 0 or -1 (said). */
static int
file_sum(const char *dir, const char *name, char out[MIG_SUM_LEN + 1])
{
	struct strbuf	b;
	unsigned char	digest[crypto_hash_sha256_BYTES];

	strbuf_init(&b);
	if (read_file(dir, name, &b) == -1) {
		strbuf_free(&b);
		return (-1);
	}
	crypto_hash_sha256(digest, (const unsigned char *)b.data, b.len);
	sodium_bin2hex(out, MIG_SUM_LEN + 1, digest, sizeof(digest));
	strbuf_free(&b);
	return (0);
}

/* List dir's migration files with their checksums; count or -1. */
static long
list_files(const char *dir, struct mig_entry *files)
{
	DIR		*d;
	struct dirent	*de;
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
				goto fail;
			}
			continue;
		}
		if (n == MIG_MAX_FILES) {
			fprintf(stderr, "leerlijn-db: too many migrations\n");
			goto fail;
		}
		files[n].version = version;
		/* migrate_parse_name() checked the length. */
		(void)snprintf(files[n].name, sizeof(files[n].name), "%.*s",
		    MIG_NAME_MAX - 1, de->d_name);
		if (file_sum(dir, files[n].name, files[n].checksum) == -1)
			goto fail;
		n++;
	}
	closedir(d);
	return (n);
fail:
	closedir(d);
	return (-1);
}

/* The legacy checksums of dir (none without the file); count or -1. */
static long
list_legacy(const char *dir, struct mig_entry *legacy)
{
	struct strbuf	 b;
	char		 path[4200], err[256];
	long		 n;

	(void)snprintf(path, sizeof(path), "%s/legacy.sha256", dir);
	strbuf_init(&b);
	if (strbuf_read_file(&b, path, MIG_FILE_MAX) == -1) {
		strbuf_free(&b);
		if (errno == ENOENT)
			return (0);
		fprintf(stderr, "leerlijn-db: cannot read %s: %s\n", path,
		    strerror(errno));
		return (-1);
	}
	n = migrate_parse_legacy(b.data != NULL ? b.data : "", legacy, MIG_MAX_FILES, err,
	    sizeof(err));
	if (n == -1)
		fprintf(stderr, "leerlijn-db: %s: %s\n", path, err);
	strbuf_free(&b);
	return (n);
}

/*
 * The function files of dir in load order, with their checksums; every
 * .sql file of dir must be listed.  None when dir does not exist.  Count
 * or -1.
 */
static long
list_functions(const char *dir, struct mig_entry *fns)
{
	DIR		*d;
	struct dirent	*de;
	struct strbuf	 b;
	char		 err[256], **names;
	size_t		 nnames, i;
	long		 n;

	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return (0);
		fprintf(stderr, "leerlijn-db: cannot open %s: %s\n", dir,
		    strerror(errno));
		return (-1);
	}
	n = -1;
	nnames = 0;
	strbuf_init(&b);
	if ((names = calloc(MIG_MAX_FILES, sizeof(*names))) == NULL)
		goto out;
	while ((de = readdir(d)) != NULL) {
		if (strstr(de->d_name, ".sql") == NULL)
			continue;
		if (!migrate_parse_function_name(de->d_name)) {
			fprintf(stderr, "leerlijn-db: %s/%s is not named like "
			    "catalogue.sql\n", dir, de->d_name);
			goto out;
		}
		if (nnames == MIG_MAX_FILES ||
		    (names[nnames] = strdup(de->d_name)) == NULL)
			goto out;
		nnames++;
	}
	if (read_file(dir, "load-order", &b) == -1)
		goto out;
	if ((n = migrate_parse_order(b.data != NULL ? b.data : "", fns, MIG_MAX_FILES, err,
	    sizeof(err))) == -1 ||
	    migrate_check_listed((const char *const *)names, nnames, fns,
	    (size_t)n, err, sizeof(err)) == -1) {
		fprintf(stderr, "leerlijn-db: %s: %s\n", dir, err);
		n = -1;
		goto out;
	}
	for (i = 0; i < (size_t)n; i++) {
		if (file_sum(dir, fns[i].name, fns[i].checksum) == -1) {
			n = -1;
			goto out;
		}
	}
out:
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	strbuf_free(&b);
	closedir(d);
	return (n);
}

/* Rows of sql (version, name, checksum); count or -1. */
static long
list_rows(PGconn *c, const char *sql, struct mig_entry *rows)
{
	PGresult	*r;
	long		 n, i;

	r = PQexec(c, sql);
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
		rows[i].version = atoi(PQgetvalue(r, (int)i, 0));
		(void)snprintf(rows[i].name, sizeof(rows[i].name), "%s",
		    PQgetvalue(r, (int)i, 1));
		(void)snprintf(rows[i].checksum, sizeof(rows[i].checksum),
		    "%s", PQgetvalue(r, (int)i, 2));
	}
	PQclear(r);
	return (n);
}

/* Run the SQL file dir/name (trusted schema text, not input); 0 or -1. */
static int
exec_file(PGconn *c, const char *dir, const char *what,
    const struct mig_entry *f)
{
	struct strbuf	 b;
	PGresult	*r;
	int		 rc;

	rc = -1;
	strbuf_init(&b);
	if (read_file(dir, f->name, &b) == -1)
		goto out;
	r = PQexec(c, b.data != NULL ? b.data : "");
	switch (PQresultStatus(r)) {
	case PGRES_COMMAND_OK:
	case PGRES_TUPLES_OK:
	case PGRES_EMPTY_QUERY:		/* a file of comments only */
		rc = 0;
		break;
	default:
		fprintf(stderr, "leerlijn-db: %s %s failed: %s", what,
		    f->name, PQerrorMessage(c));
		break;
	}
	PQclear(r);
out:
	strbuf_free(&b);
	return (rc);
}

static int
apply_migration(PGconn *c, const struct mig_run *m, const struct mig_entry *f)
{
	char		 version[16];
	const char	*params[3];

	if (exec_file(c, m->mdir, "migration", f) == -1)
		return (-1);
	(void)snprintf(version, sizeof(version), "%d", f->version);
	params[0] = version;
	params[1] = f->name;
	params[2] = f->checksum;
	if (exec_ok(c, SQL_RECORD, 3, params) == -1)
		return (-1);
	fprintf(stderr, "leerlijn-db: applied %s\n", f->name);
	return (0);
}

static int
rerecord_migration(PGconn *c, const struct mig_entry *f)
{
	char		 version[16];
	const char	*params[2];

	(void)snprintf(version, sizeof(version), "%d", f->version);
	params[0] = version;
	params[1] = f->checksum;
	if (exec_ok(c, SQL_RERECORD, 2, params) == -1)
		return (-1);
	fprintf(stderr, "leerlijn-db: %s was applied in the earlier layout; "
	    "its checksum is now the file's\n", f->name);
	return (0);
}

static int
apply_functions(PGconn *c, const struct mig_run *m, const struct mig_entry *f)
{
	const char	*params[2];

	if (exec_file(c, m->fdir, "function file", f) == -1)
		return (-1);
	params[0] = f->name;
	params[1] = f->checksum;
	if (exec_ok(c, SQL_FN_RECORD, 2, params) == -1)
		return (-1);
	fprintf(stderr, "leerlijn-db: applied functions/%s\n", f->name);
	return (0);
}

/* Drop the rows of function files no longer in the load order. */
static int
forget_functions(PGconn *c, const struct mig_run *m)
{
	struct strbuf	 list;
	PGresult	*r;
	const char	*params[1];
	long		 i;
	int		 rc;

	strbuf_init(&list);
	rc = strbuf_append(&list, "{", 1);
	/* Names are checked: lowercase letters, digits, '_' and ".sql". */
	for (i = 0; rc == 0 && i < m->nfns; i++)
		rc = strbuf_appendf(&list, "%s%s", i > 0 ? "," : "",
		    m->fns[i].name);
	if (rc == -1 || strbuf_append(&list, "}", 1) == -1) {
		strbuf_free(&list);
		return (-1);
	}
	params[0] = list.data;
	r = PQexecParams(c, SQL_FN_FORGET, 1, NULL, params, NULL, NULL, 0);
	rc = PQresultStatus(r) == PGRES_TUPLES_OK ? 0 : -1;
	if (rc == -1)
		fprintf(stderr, "leerlijn-db: %s", PQerrorMessage(c));
	for (i = 0; rc == 0 && i < PQntuples(r); i++)
		fprintf(stderr, "leerlijn-db: functions/%s is gone; what it "
		    "defined stays unless a migration drops it\n",
		    PQgetvalue(r, (int)i, 0));
	PQclear(r);
	strbuf_free(&list);
	return (rc);
}

/* Plan and apply inside the open transaction; migrations applied or -1. */
static long
run_in_transaction(PGconn *c, struct mig_run *m)
{
	size_t	npending, nrerecord, napply, i;
	char	err[512];

	if (exec_ok(c, SQL_CREATE, 0, NULL) == -1 ||
	    exec_ok(c, SQL_CREATE_FUNCTIONS, 0, NULL) == -1)
		return (-1);
	if ((m->nfiles = list_files(m->mdir, m->files)) == -1 ||
	    (m->nlegacy = list_legacy(m->mdir, m->legacy)) == -1 ||
	    (m->nfns = list_functions(m->fdir, m->fns)) == -1 ||
	    (m->napplied = list_rows(c, SQL_APPLIED, m->applied)) == -1 ||
	    (m->nrecorded = list_rows(c, SQL_FN_RECORDED, m->recorded)) == -1)
		return (-1);
	if (migrate_plan(m->files, (size_t)m->nfiles, m->applied,
	    (size_t)m->napplied, m->legacy, (size_t)m->nlegacy, m->pending,
	    &npending, m->rerecord, &nrerecord, err, sizeof(err)) == -1) {
		fprintf(stderr, "leerlijn-db: refusing to migrate: %s\n", err);
		return (-1);
	}
	for (i = 0; i < npending; i++) {
		if (apply_migration(c, m, &m->files[m->pending[i]]) == -1)
			return (-1);
	}
	for (i = 0; i < nrerecord; i++) {
		if (rerecord_migration(c, &m->files[m->rerecord[i]]) == -1)
			return (-1);
	}
	napply = migrate_plan_functions(m->fns, (size_t)m->nfns, m->recorded,
	    (size_t)m->nrecorded, npending > 0 || nrerecord > 0, m->apply);
	for (i = 0; i < napply; i++) {
		if (apply_functions(c, m, &m->fns[m->apply[i]]) == -1)
			return (-1);
	}
	if (forget_functions(c, m) == -1)
		return (-1);
	fprintf(stderr, "leerlijn-db: schema up to date (%zu applied, "
	    "%ld in total; function files: %zu applied, %ld in total)\n",
	    npending, m->nfiles, napply, m->nfns);
	return ((long)npending);
}

int
migrate_run(PGconn *c, const char *dir)
{
	struct mig_run	 m;
	long		 n;
	int		 rc;

	rc = -1;
	memset(&m, 0, sizeof(m));
	(void)snprintf(m.mdir, sizeof(m.mdir), "%s/migrations", dir);
	(void)snprintf(m.fdir, sizeof(m.fdir), "%s/functions", dir);
	m.files = calloc(MIG_MAX_FILES, sizeof(*m.files));
	m.applied = calloc(MIG_MAX_FILES, sizeof(*m.applied));
	m.legacy = calloc(MIG_MAX_FILES, sizeof(*m.legacy));
	m.fns = calloc(MIG_MAX_FILES, sizeof(*m.fns));
	m.recorded = calloc(MIG_MAX_FILES, sizeof(*m.recorded));
	m.pending = calloc(MIG_MAX_FILES, sizeof(*m.pending));
	m.rerecord = calloc(MIG_MAX_FILES, sizeof(*m.rerecord));
	m.apply = calloc(MIG_MAX_FILES, sizeof(*m.apply));
	if (m.files == NULL || m.applied == NULL || m.legacy == NULL ||
	    m.fns == NULL || m.recorded == NULL || m.pending == NULL ||
	    m.rerecord == NULL || m.apply == NULL)
		goto out;
	if (sodium_init() == -1)
		goto out;
	if (exec_ok(c, SQL_BEGIN, 0, NULL) == -1)
		goto out;
	if ((n = run_in_transaction(c, &m)) == -1 ||
	    exec_ok(c, "COMMIT", 0, NULL) == -1) {
		(void)exec_ok(c, "ROLLBACK", 0, NULL);
		goto out;
	}
	rc = (int)n;
out:
	free(m.files);
	free(m.applied);
	free(m.legacy);
	free(m.fns);
	free(m.recorded);
	free(m.pending);
	free(m.rerecord);
	free(m.apply);
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
