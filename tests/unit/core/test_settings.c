/* Unit tests of settings.c: environment variables and their defaults. */
#include <stdio.h>
#include "unit.h"

#include "core/settings.h"

/* A fake environment: "NAME=value" strings, NULL terminated. */
static const char *const	*fake_env;

static const char *
fake_getenv(const char *name)
{
	size_t	i, len;

	len = strlen(name);
	for (i = 0; fake_env[i] != NULL; i++) {
		if (strncmp(fake_env[i], name, len) == 0 &&
		    fake_env[i][len] == '=')
			return (fake_env[i] + len + 1);
	}
	return (NULL);
}

static int
load(struct settings *s, const char *const *env, char *err, size_t len)
{
	fake_env = env;
	return (settings_load(s, fake_getenv, err, len));
}

/* A field of the settings S that is not the one of WANT fails the test. */
#define SAME_TEXT(f)							\
	do {								\
		if (strcmp(s->f, want->f) != 0)				\
			fail_msg(#f ": \"%s\", expected \"%s\"", s->f,	\
			    want->f);					\
	} while (0)
#define SAME_NUMBER(f)							\
	do {								\
		if (s->f != want->f)					\
			fail_msg(#f ": %llu, expected %llu",		\
			    (unsigned long long)s->f,			\
			    (unsigned long long)want->f);		\
	} while (0)

/* S holds what WANT holds, but for the proxies and the mail settings. */
static void
settings_are(const struct settings *s, const struct settings *want)
{
	SAME_TEXT(database_url);
	SAME_TEXT(listen_host);
	SAME_NUMBER(listen_port);
	SAME_NUMBER(workers);
	SAME_NUMBER(log_level);
	SAME_NUMBER(mode);
	SAME_NUMBER(body_max);
	SAME_TEXT(web_root);
	SAME_TEXT(base_url);
	SAME_NUMBER(hash_threads);
	SAME_NUMBER(hash_queue);
	SAME_NUMBER(cache_bytes);
	SAME_NUMBER(worker_connections);
	SAME_NUMBER(db_async);
	SAME_TEXT(database_read_url);
	SAME_NUMBER(read_max_lag);
	SAME_NUMBER(trusted_proxies_count);
}

static void
test_defaults(void **state)
{
	static const struct settings	want = {
		.database_url = SETTINGS_DEFAULT_DATABASE_URL,
		.listen_host = "127.0.0.1", .listen_port = 8888,
		.workers = 2, .log_level = LOG_LVL_INFO,
		.mode = MODE_DEVELOPMENT, .body_max = 1048576,
		.web_root = "frontend/dist",
		.base_url = "http://127.0.0.1:8888",
		.hash_threads = 1, .hash_queue = 16,
		.cache_bytes = 16 * 1024 * 1024, .worker_connections = 512,
		.db_async = 2, .database_read_url = "", .read_max_lag = 10,
		.trusted_proxies_count = 0,
	};
	const char *const	env[] = { NULL };
	struct settings		s;
	char			err[128];

	(void)state;
	assert_int_equal(load(&s, env, err, sizeof(err)), 0);
	settings_are(&s, &want);
	assert_false(settings_proxy_trusted(&s, "127.0.0.1"));
	assert_ptr_not_equal(settings_current(), &s);
	assert_int_equal(settings_current()->listen_port, 8888);
}

static void
test_values(void **state)
{
	const char *const	env[] = {
		"DATABASE_URL=postgresql://x@127.0.0.1:5432/y",
		"LEERLIJN_LISTEN=0.0.0.0:9000",
		"LEERLIJN_WORKERS=4",
		"LEERLIJN_LOG_LEVEL=debug",
		"LEERLIJN_MODE=production",
		"LEERLIJN_BODY_MAX=2048",
		"LEERLIJN_BASE_URL=https://leerlijn.example/",
		"LEERLIJN_HASH_THREADS=3",
		"LEERLIJN_HASH_QUEUE=1",
		"LEERLIJN_CACHE_BYTES=0",
		"LEERLIJN_WORKER_CONNECTIONS=1",
		"LEERLIJN_DB_ASYNC=5",
		"LEERLIJN_DATABASE_READ_URL=postgresql://x@127.0.0.1:5433/y",
		"LEERLIJN_READ_MAX_LAG=0",
		"LEERLIJN_TRUSTED_PROXIES=127.0.0.1, 0:0::1,10.0.0.7",
		NULL
	};
	/* What the variables say; the web root keeps its default. */
	static const struct settings	want = {
		.database_url = "postgresql://x@127.0.0.1:5432/y",
		.listen_host = "0.0.0.0", .listen_port = 9000, .workers = 4,
		.log_level = LOG_LVL_DEBUG, .mode = MODE_PRODUCTION,
		.body_max = 2048, .web_root = SETTINGS_DEFAULT_WEB_ROOT,
		.base_url = "https://leerlijn.example", .hash_threads = 3,
		.hash_queue = 1, .cache_bytes = 0, .worker_connections = 1,
		.db_async = 5,
		.database_read_url = "postgresql://x@127.0.0.1:5433/y",
		.read_max_lag = 0, .trusted_proxies_count = 3,
	};
	struct settings		s;
	char			err[128];

	(void)state;
	assert_int_equal(load(&s, env, err, sizeof(err)), 0);
	settings_are(&s, &want);
	assert_string_equal(s.trusted_proxies[1], "::1");
	assert_true(settings_proxy_trusted(&s, "127.0.0.1"));
	assert_true(settings_proxy_trusted(&s, "::1"));
	assert_true(settings_proxy_trusted(&s, "0::1"));
	assert_true(settings_proxy_trusted(&s, "10.0.0.7"));
	assert_false(settings_proxy_trusted(&s, "10.0.0.8"));
	assert_false(settings_proxy_trusted(&s, "::ffff:127.0.0.1"));
	assert_false(settings_proxy_trusted(&s, "nginx"));
	assert_false(settings_proxy_trusted(&s, ""));
}

/* Entries refused one at a time; the message names the variable. */
static const char *const	bad[] = {
	"LEERLIJN_LISTEN=8888",
	"LEERLIJN_LISTEN=localhost:8888",
	"LEERLIJN_LISTEN=127.0.0.1:0",
	"LEERLIJN_LISTEN=127.0.0.1:70000",
	"LEERLIJN_LISTEN=127.0.0.1:80x",
	"LEERLIJN_WORKERS=0",
	"LEERLIJN_WORKERS=-2",
	"LEERLIJN_WORKERS=65",
	"LEERLIJN_LOG_LEVEL=verbose",
	"LEERLIJN_MODE=prod",
	"LEERLIJN_BODY_MAX=12",
	"LEERLIJN_BODY_MAX=1e6",
	"LEERLIJN_BASE_URL=ftp://x",
	"LEERLIJN_HASH_THREADS=0",
	"LEERLIJN_HASH_THREADS=17",
	"LEERLIJN_HASH_QUEUE=0",
	"LEERLIJN_HASH_QUEUE=1025",
	"LEERLIJN_CACHE_BYTES=-1",
	"LEERLIJN_CACHE_BYTES=2147483648",
	"LEERLIJN_WORKER_CONNECTIONS=0",
	"LEERLIJN_DB_ASYNC=0",
	"LEERLIJN_DB_ASYNC=65",
	"LEERLIJN_READ_MAX_LAG=-1",
	"LEERLIJN_READ_MAX_LAG=1.5",
	"LEERLIJN_READ_MAX_LAG=86401",
	"LEERLIJN_TRUSTED_PROXIES=localhost",
	"LEERLIJN_TRUSTED_PROXIES=127.0.0.0/8",
	"LEERLIJN_TRUSTED_PROXIES=127.0.0.1,,::1",
	"LEERLIJN_TRUSTED_PROXIES=,",
	"LEERLIJN_TRUSTED_PROXIES=1.1.1.1,1.1.1.2,1.1.1.3,1.1.1.4,1.1.1.5,"
	    "1.1.1.6,1.1.1.7,1.1.1.8,1.1.1.9,1.1.1.10,1.1.1.11,1.1.1.12,"
	    "1.1.1.13,1.1.1.14,1.1.1.15,1.1.1.16,1.1.1.17",
};

static void
test_bad_values(void **state)
{
	struct settings	s;
	char		var[64], err[128];
	const char	*env[2];
	size_t		i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(bad); i++) {
		env[0] = bad[i];
		env[1] = NULL;
		err[0] = '\0';
		if (load(&s, env, err, sizeof(err)) != -1)
			fail_msg("%s accepted", bad[i]);
		snprintf(var, sizeof(var), "%.*s", (int)strcspn(bad[i], "="),
		    bad[i]);
		assert_non_null(strstr(err, var));
	}
}

UNIT_MAIN("settings",
    cmocka_unit_test(test_defaults),
    cmocka_unit_test(test_values),
    cmocka_unit_test(test_bad_values))
