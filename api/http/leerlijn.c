/*
 * leerlijn: the Kore module's hooks — configuration, sandbox, workers.
 */
#include <stdlib.h>

#include <libpq-fe.h>

#include <kore/kore.h>
#include <kore/hooks.h>
#include <kore/seccomp.h>

#include "http/applog.h"
#include "db/catalogue_gen.h"
#include "db/db.h"
#include "db/db_async.h"
#include "http/cache_http.h"
#include "db/db_read.h"
#include "accounts/mail.h"
#include "accounts/password.h"
#include "accounts/password_task.h"
#include "core/settings.h"
#include "http/web.h"

/*
 * System calls the workers need beyond Kore's own list: libpq's TCP
 * connection to PostgreSQL (socket, connect, options, poll; getdents64 when
 * OpenSSL looks for certificates for sslmode=prefer) and glibc
 * thread bookkeeping.
 */
KORE_SECCOMP_FILTER("leerlijn",
	KORE_SYSCALL_ALLOW(socket),
	KORE_SYSCALL_ALLOW(connect),
	KORE_SYSCALL_ALLOW(getsockopt),
	KORE_SYSCALL_ALLOW(setsockopt),
	KORE_SYSCALL_ALLOW(getsockname),
	KORE_SYSCALL_ALLOW(getpeername),
	KORE_SYSCALL_ALLOW(recvfrom),
	KORE_SYSCALL_ALLOW(sendto),
	KORE_SYSCALL_ALLOW(poll),
	KORE_SYSCALL_ALLOW(newfstatat),
	KORE_SYSCALL_ALLOW(faccessat2),
	KORE_SYSCALL_ALLOW(uname),
	KORE_SYSCALL_ALLOW(getdents64),
	KORE_SYSCALL_ALLOW(getrandom),
	KORE_SYSCALL_ALLOW(rseq),
	KORE_SYSCALL_ALLOW(clone3),
	/* the password hashing threads lower their priority */
	KORE_SYSCALL_ALLOW(gettid),
	KORE_SYSCALL_ALLOW(setpriority),
	/* glibc grows large buffers (a CASE package of megabytes) in place */
	KORE_SYSCALL_ALLOW(mremap)
);

/* Statements that may wait or run at once on a worker's async connections. */
#define DB_ASYNC_QUEUE	64

/*
 * Production refuses to run while a demo account or an account with a
 * default password exists (or while it cannot find out).
 */
static void
production_check(const struct settings *s)
{
	PGconn		*c;
	PGresult	*r;
	int		 i, n;

	c = PQconnectdb(s->database_url);
	if (PQstatus(c) != CONNECTION_OK) {
		PQfinish(c);
		fatalx("production: cannot reach the database to check for "
		    "demo accounts");
	}
	r = PQexec(c, "SELECT email, why FROM auth_production_blockers()");
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		PQclear(r);
		PQfinish(c);
		fatalx("production: cannot check for demo accounts (is the "
		    "schema migrated?)");
	}
	n = PQntuples(r);
	for (i = 0; i < n; i++)
		kore_log(LOG_ERR, "leerlijn: production refuses %s (%s)",
		    PQgetvalue(r, i, 0), PQgetvalue(r, i, 1));
	PQclear(r);
	PQfinish(c);
	if (n > 0)
		fatalx("production: refusing to start while %d demo "
		    "account(s) or default password(s) exist; remove them "
		    "first", n);
}

void
kore_parent_configure(int argc, char **argv)
{
	struct settings	s;
	char		err[512];

	(void)argc;
	(void)argv;
	if (settings_load(&s, NULL, err, sizeof(err)) == -1)
		fatalx("configuration: %s", err);
	applog_set_level(s.log_level);
	if (web_load(s.web_root, err, sizeof(err)) == -1)
		fatalx("web page: %s (run `make frontend`)", err);
	if (s.mode == MODE_PRODUCTION)
		production_check(&s);
	kore_log(LOG_NOTICE, "leerlijn: %s mode, serving on %s",
	    settings_mode_name(s.mode), s.base_url);
	if (s.database_read_url[0] != '\0')
		kore_log(LOG_NOTICE, "leerlijn: reports read from the standby "
		    "while it is at most %u s behind", s.read_max_lag);
}

void
kore_worker_configure(void)
{
	/* libsodium per worker: random tokens and the dummy hash. */
	if (password_init() == -1)
		fatalx("libsodium did not start");
	db_init(settings_current()->database_url);
	pw_task_init(settings_current()->hash_queue);
	cache_init(settings_current()->cache_bytes);
	db_async_init(settings_current()->db_async, DB_ASYNC_QUEUE);
	db_read_init(settings_current()->database_read_url,
	    settings_current()->read_max_lag);
	db_async_standby_init(settings_current()->database_read_url,
	    settings_current()->db_async);
	/* The mail sender thread (only with a relay configured). */
	if (mail_start(settings_current()->smtp_url,
	    settings_current()->mail_from) == -1)
		fatalx("the mail sender did not start");
}

void
kore_worker_teardown(void)
{
	cache_close();
	catalogue_gen_close();
	db_async_close();
	db_read_close();
	mail_stop();
	db_close();
}
