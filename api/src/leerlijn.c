/*
 * leerlijn: the Kore module's hooks — configuration, sandbox, workers.
 */
#include <stdlib.h>

#include <kore/kore.h>
#include <kore/hooks.h>
#include <kore/seccomp.h>

#include "applog.h"
#include "db.h"
#include "settings.h"
#include "web.h"

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
	/* glibc grows large buffers (a CASE package of megabytes) in place */
	KORE_SYSCALL_ALLOW(mremap)
);

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
	kore_log(LOG_NOTICE, "leerlijn: %s mode, serving on %s",
	    settings_mode_name(s.mode), s.base_url);
}

void
kore_worker_configure(void)
{
	db_init(settings_current()->database_url);
}

void
kore_worker_teardown(void)
{
	db_close();
}
