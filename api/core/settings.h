/*
 * settings: configuration from environment variables, with defaults.
 *
 *   DATABASE_URL         libpq connection string or URI
 *   LEERLIJN_LISTEN      address:port to serve on (127.0.0.1:8888)
 *   LEERLIJN_WORKERS     Kore worker processes (2)
 *   LEERLIJN_LOG_LEVEL   error | warning | info | debug (info)
 *   LEERLIJN_MODE        development | production (development)
 *   LEERLIJN_BODY_MAX    largest request body in bytes (1048576)
 *   LEERLIJN_WEB_ROOT    directory of the built web page (frontend/dist)
 *   LEERLIJN_BASE_URL    public base URL (http://<listen>)
 *   LEERLIJN_DATABASE_READ_URL  a hot standby for heavy reads (none)
 *   LEERLIJN_READ_MAX_LAG       seconds the standby may be behind (10)
 *   LEERLIJN_TRUSTED_PROXIES    addresses whose X-Forwarded-For counts
 *                               (none), comma separated
 *   LEERLIJN_SMTP_URL    mail relay for invitations, smtp:// or smtps://
 *                        (user:password@ allowed); none: no mail is sent
 *   LEERLIJN_MAIL_FROM   sender address (noreply@leerlijn.invalid)
 */
#ifndef LEERLIJN_SETTINGS_H
#define LEERLIJN_SETTINGS_H

#include <stddef.h>

#define SETTINGS_STR_MAX	1024
#define SETTINGS_PROXIES_MAX	16

enum log_level {
	LOG_LVL_ERROR = 0,
	LOG_LVL_WARNING,
	LOG_LVL_INFO,
	LOG_LVL_DEBUG
};

enum run_mode {
	MODE_DEVELOPMENT = 0,
	MODE_PRODUCTION
};

struct settings {
	char		database_url[SETTINGS_STR_MAX];
	char		listen_host[64];
	unsigned	listen_port;
	unsigned	workers;
	enum log_level	log_level;
	enum run_mode	mode;
	size_t		body_max;
	char		web_root[SETTINGS_STR_MAX];
	char		base_url[SETTINGS_STR_MAX];
	unsigned	hash_threads;	/* password hashing threads per worker */
	unsigned	hash_queue;	/* password operations per worker */
	size_t		cache_bytes;	/* catalogue response cache per worker */
	unsigned	worker_connections;	/* Kore's worker_max_connections */
	unsigned	db_async;	/* asynchronous connections per worker */
	char		database_read_url[SETTINGS_STR_MAX];	/* "" none */
	unsigned	read_max_lag;				/* seconds */
	/* Numeric addresses in inet_ntop() form. */
	char		trusted_proxies[SETTINGS_PROXIES_MAX][46];
	size_t		trusted_proxies_count;
	char		smtp_url[SETTINGS_STR_MAX];	/* "" : none */
	char		mail_from[256];
};

/* The defaults used for every variable that is not set. */
#define SETTINGS_DEFAULT_DATABASE_URL \
	"postgresql://leerlijn@127.0.0.1:54329/leerlijn"
#define SETTINGS_DEFAULT_LISTEN		"127.0.0.1:8888"
#define SETTINGS_DEFAULT_WORKERS	2
#define SETTINGS_DEFAULT_BODY_MAX	1048576
#define SETTINGS_DEFAULT_WEB_ROOT	"frontend/dist"
#define SETTINGS_DEFAULT_HASH_THREADS	1
#define SETTINGS_DEFAULT_HASH_QUEUE	16
#define SETTINGS_DEFAULT_CACHE_BYTES	(16UL * 1024 * 1024)
#define SETTINGS_DEFAULT_WORKER_CONNECTIONS 512
#define SETTINGS_DEFAULT_DB_ASYNC	2
#define SETTINGS_DEFAULT_READ_MAX_LAG	10
#define SETTINGS_DEFAULT_MAIL_FROM	"noreply@leerlijn.invalid"
/* Kore's own hard limit: a body above it never reaches the application. */
#define SETTINGS_KORE_BODY_FACTOR	4

typedef const char *(*settings_getenv_fn)(const char *);

/*
 * Fill s from the environment through get (getenv when NULL).  Returns 0,
 * or -1 with a message naming the variable in err.
 */
int	settings_load(struct settings *s, settings_getenv_fn get,
	    char *err, size_t errlen);
/* The settings loaded last by settings_load() in this process. */
const struct settings *settings_current(void);

/*
 * Is address (numeric IPv4 or IPv6 text) one of the trusted proxies?
 * Compared in canonical form, so "::ffff:127.0.0.1" is not "127.0.0.1".
 */
int	settings_proxy_trusted(const struct settings *s, const char *address);

const char *settings_log_level_name(enum log_level);
const char *settings_mode_name(enum run_mode);

#endif
