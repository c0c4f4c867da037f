/*
 * leerlijn-db: migrations, seeds and the generated Kore configuration.
 *
 *   leerlijn-db migrate [SCHEMA_DIR]        apply schema/migrations, then
 *                                           schema/functions
 *   leerlijn-db seed [SEEDS_DIR]            load seeds/manifest
 *   leerlijn-db setup [SCHEMA_DIR SEEDS_DIR] both, under one lock
 *   leerlijn-db version                     print the schema version
 *   leerlijn-db wait [SECONDS]              wait until the database answers
 *   leerlijn-db kore-conf TEMPLATE APP_SO   print the Kore configuration
 *   leerlijn-db case-import FILE            import a CASE 1.0 CFPackage
 *   leerlijn-db case-export ID              print a framework's CFPackage
 *   leerlijn-db invite-admin EMAIL NAME     an admin account and its
 *                                           invitation token (printed)
 *   leerlijn-db demo-accounts               list the demo accounts
 *
 * The database comes from DATABASE_URL; see settings.h for every variable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "case_cli.h"
#include "cli/migrate.h"
#include "cli/seed.h"
#include "accounts/session_token.h"
#include "core/settings.h"
#include "core/strbuf.h"

static void
usage(void)
{
	fprintf(stderr,
	    "usage: leerlijn-db migrate [SCHEMA_DIR]\n"
	    "       leerlijn-db seed [SEEDS_DIR]\n"
	    "       leerlijn-db setup [SCHEMA_DIR SEEDS_DIR]\n"
	    "       leerlijn-db version\n"
	    "       leerlijn-db wait [SECONDS]\n"
	    "       leerlijn-db kore-conf TEMPLATE APP_SO\n"
	    "       leerlijn-db case-import FILE\n"
	    "       leerlijn-db case-export ID\n"
	    "       leerlijn-db invite-admin EMAIL NAME\n"
	    "       leerlijn-db demo-accounts\n");
	exit(2);
}

/* Connect or exit; the caller frees the connection with PQfinish. */
static PGconn *
connect_or_die(const struct settings *s)
{
	PGconn	*c;

	c = PQconnectdb(s->database_url);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "leerlijn-db: cannot connect: %s",
		    PQerrorMessage(c));
		PQfinish(c);
		exit(1);
	}
	return (c);
}

/*
 * Fresh statistics after seeding: the seeded tables are too small for
 * autovacuum to analyze them, and without statistics the planner guesses
 * badly.  0, or -1 after an error message.
 */
static int
analyze(PGconn *c)
{
	PGresult	*r;
	int		 ok;

	/* Quietly: the shared system catalogues are the superuser's. */
	r = PQexec(c, "SET client_min_messages = error; ANALYZE; "
	    "RESET client_min_messages");
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "leerlijn-db: ANALYZE failed: %s",
		    PQerrorMessage(c));
	PQclear(r);
	return (ok ? 0 : -1);
}

static int
cmd_setup(const struct settings *s, const char *schema, const char *seeds)
{
	PGconn	*c;
	int	 rc;

	c = connect_or_die(s);
	rc = 1;
	if (migrate_lock(c) == -1)
		goto out;
	if (schema != NULL && migrate_run(c, schema) == -1)
		goto unlock;
	if (seeds != NULL && seed_run(c, seeds,
	    s->mode == MODE_DEVELOPMENT) == -1)
		goto unlock;
	if (seeds != NULL && analyze(c) == -1)
		goto unlock;
	rc = 0;
unlock:
	migrate_unlock(c);
out:
	PQfinish(c);
	return (rc);
}

static int
cmd_version(const struct settings *s)
{
	PGconn	*c;
	int	 v;

	c = connect_or_die(s);
	v = migrate_version(c);
	PQfinish(c);
	if (v < 0)
		return (1);
	printf("%d\n", v);
	return (0);
}

static int
cmd_wait(const struct settings *s, const char *arg)
{
	time_t	 deadline;
	long	 secs;

	secs = arg != NULL ? strtol(arg, NULL, 10) : 30;
	if (secs <= 0)
		secs = 30;
	deadline = time(NULL) + secs;
	while (PQping(s->database_url) != PQPING_OK) {
		if (time(NULL) >= deadline) {
			fprintf(stderr, "leerlijn-db: database did not answer "
			    "within %ld s\n", secs);
			return (1);
		}
		usleep(200 * 1000);
	}
	return (0);
}

static int
cmd_case(const struct settings *s,
    int (*fn)(PGconn *, const char *, const char *), const char *arg)
{
	PGconn	*c;
	int	 rc;

	c = connect_or_die(s);
	rc = fn(c, s->base_url, arg);
	PQfinish(c);
	return (rc);
}

/*
 * Create (or reuse) an admin account for email with a new invitation and
 * print the invitation token: the way to the first admin of a production
 * installation, without any default password.
 */
static int
cmd_invite_admin(const struct settings *s, const char *email,
    const char *name)
{
	PGconn		*c;
	PGresult	*r;
	char		 token[TOKEN_TEXT_LEN + 1], hash[TOKEN_HASH_HEX_LEN + 1];
	const char	*params[3];
	int		 rc;

	if (token_init() == -1)
		return (1);
	token_new(token);
	token_hash_hex(token, hash);
	params[0] = email;
	params[1] = name;
	params[2] = hash;
	c = connect_or_die(s);
	r = PQexecParams(c, "SELECT account_bootstrap_admin($1, $2, "
	    "$3::bytea)::text", 3, NULL, params, NULL, NULL, 0);
	rc = 1;
	if (PQresultStatus(r) == PGRES_TUPLES_OK) {
		printf("%s\n", token);
		fprintf(stderr, "leerlijn-db: admin %s invited (%s); accept "
		    "with POST /api/v1/invitation {\"token\": ..., "
		    "\"password\": ...} within 7 days\n", email,
		    PQgetvalue(r, 0, 0));
		rc = 0;
	} else {
		fprintf(stderr, "leerlijn-db: cannot invite %s: %s", email,
		    PQresultErrorMessage(r));
	}
	PQclear(r);
	PQfinish(c);
	return (rc);
}

/* Print the demo accounts (development seed) one per line. */
static int
cmd_demo_accounts(const struct settings *s)
{
	PGconn		*c;
	PGresult	*r;
	int		 i, rc;

	c = connect_or_die(s);
	r = PQexec(c, "SELECT email, roles FROM account_demo_list()");
	rc = 1;
	if (PQresultStatus(r) == PGRES_TUPLES_OK) {
		for (i = 0; i < PQntuples(r); i++)
			printf("  %-38s %s\n", PQgetvalue(r, i, 0),
			    PQgetvalue(r, i, 1));
		rc = 0;
	} else {
		fprintf(stderr, "leerlijn-db: %s", PQresultErrorMessage(r));
	}
	PQclear(r);
	PQfinish(c);
	return (rc);
}

/* Replace @NAME@ markers of the template with settings. */
static int
cmd_kore_conf(const struct settings *s, const char *tmpl, const char *so)
{
	struct strbuf	 in, out;
	const char	*p, *end;
	char		 num[80], name[64];
	size_t		 len;
	int		 rc;

	rc = 1;
	strbuf_init(&in);
	strbuf_init(&out);
	if (strbuf_read_file(&in, tmpl, 1024 * 1024) == -1) {
		fprintf(stderr, "leerlijn-db: cannot read %s\n", tmpl);
		goto out;
	}
	for (p = in.data; *p != '\0'; p++) {
		if (*p != '@' || (end = strchr(p + 1, '@')) == NULL ||
		    (len = (size_t)(end - p - 1)) == 0 || len >= sizeof(name)) {
			if (strbuf_append(&out, p, 1) == -1)
				goto out;
			continue;
		}
		memcpy(name, p + 1, len);
		name[len] = '\0';
		num[0] = '\0';
		if (strcmp(name, "LISTEN_HOST") == 0)
			(void)snprintf(num, sizeof(num), "%s", s->listen_host);
		else if (strcmp(name, "LISTEN_PORT") == 0)
			(void)snprintf(num, sizeof(num), "%u", s->listen_port);
		else if (strcmp(name, "WORKERS") == 0)
			(void)snprintf(num, sizeof(num), "%u", s->workers);
		else if (strcmp(name, "WORKER_CONNECTIONS") == 0)
			(void)snprintf(num, sizeof(num), "%u",
			    s->worker_connections);
		else if (strcmp(name, "TASK_THREADS") == 0)
			(void)snprintf(num, sizeof(num), "%u", s->hash_threads);
		else if (strcmp(name, "KORE_BODY_MAX") == 0)
			(void)snprintf(num, sizeof(num), "%zu",
			    s->body_max * SETTINGS_KORE_BODY_FACTOR);
		else if (strcmp(name, "APP_SO") == 0) {
			if (strbuf_append(&out, so, strlen(so)) == -1)
				goto out;
			p = end;
			continue;
		} else {
			fprintf(stderr, "leerlijn-db: unknown marker @%s@ in "
			    "%s\n", name, tmpl);
			goto out;
		}
		if (strbuf_append(&out, num, strlen(num)) == -1)
			goto out;
		p = end;
	}
	fwrite(out.data, 1, out.len, stdout);
	rc = 0;
out:
	strbuf_free(&in);
	strbuf_free(&out);
	return (rc);
}

int
main(int argc, char **argv)
{
	struct settings	s;
	char		err[256];

	if (argc < 2)
		usage();
	if (settings_load(&s, NULL, err, sizeof(err)) == -1) {
		fprintf(stderr, "leerlijn-db: %s\n", err);
		return (2);
	}
	if (strcmp(argv[1], "migrate") == 0 && argc <= 3)
		return (cmd_setup(&s, argc == 3 ? argv[2] : "schema", NULL));
	if (strcmp(argv[1], "seed") == 0 && argc <= 3)
		return (cmd_setup(&s, NULL, argc == 3 ? argv[2] : "seeds"));
	if (strcmp(argv[1], "setup") == 0 && (argc == 2 || argc == 4))
		return (cmd_setup(&s, argc == 4 ? argv[2] : "schema",
		    argc == 4 ? argv[3] : "seeds"));
	if (strcmp(argv[1], "version") == 0 && argc == 2)
		return (cmd_version(&s));
	if (strcmp(argv[1], "wait") == 0 && argc <= 3)
		return (cmd_wait(&s, argc == 3 ? argv[2] : NULL));
	if (strcmp(argv[1], "kore-conf") == 0 && argc == 4)
		return (cmd_kore_conf(&s, argv[2], argv[3]));
	if (strcmp(argv[1], "case-import") == 0 && argc == 3)
		return (cmd_case(&s, case_cli_import, argv[2]));
	if (strcmp(argv[1], "case-export") == 0 && argc == 3)
		return (cmd_case(&s, case_cli_export, argv[2]));
	if (strcmp(argv[1], "invite-admin") == 0 && argc == 4)
		return (cmd_invite_admin(&s, argv[2], argv[3]));
	if (strcmp(argv[1], "demo-accounts") == 0 && argc == 2)
		return (cmd_demo_accounts(&s));
	usage();
	return (2);
}
