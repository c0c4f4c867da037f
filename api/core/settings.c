/*
 * settings: configuration from environment variables, with defaults.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/settings.h"

static struct settings	current;

static const char *
env_getenv(const char *name)
{
	return (getenv(name));
}

static int
copy_str(char *dst, size_t len, const char *src)
{
	if (strlen(src) >= len)
		return (-1);
	memcpy(dst, src, strlen(src) + 1);
	return (0);
}

static int
parse_uint(const char *v, unsigned long min, unsigned long max,
    unsigned long *out)
{
	char		*end;
	unsigned long	 n;

	if (*v < '0' || *v > '9')
		return (-1);
	errno = 0;
	n = strtoul(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return (-1);
	*out = n;
	return (0);
}

static int
parse_listen(struct settings *s, const char *v)
{
	const char	*colon;
	unsigned long	 port;
	size_t		 hlen;
	struct in_addr	 a4;

	if ((colon = strrchr(v, ':')) == NULL)
		return (-1);
	hlen = (size_t)(colon - v);
	if (hlen == 0 || hlen >= sizeof(s->listen_host))
		return (-1);
	memcpy(s->listen_host, v, hlen);
	s->listen_host[hlen] = '\0';
	/* A numeric IPv4 address: names need a resolver inside the sandbox. */
	if (inet_pton(AF_INET, s->listen_host, &a4) != 1)
		return (-1);
	if (parse_uint(colon + 1, 1, 65535, &port) == -1)
		return (-1);
	s->listen_port = (unsigned)port;
	return (0);
}

/* addr as canonical text into out (46 bytes); -1 if it is no address. */
static int
canonical_address(const char *addr, char *out, size_t len)
{
	struct in6_addr	a6;
	struct in_addr	a4;

	if (inet_pton(AF_INET, addr, &a4) == 1)
		return (inet_ntop(AF_INET, &a4, out, (socklen_t)len) != NULL ?
		    0 : -1);
	if (inet_pton(AF_INET6, addr, &a6) == 1)
		return (inet_ntop(AF_INET6, &a6, out, (socklen_t)len) !=
		    NULL ? 0 : -1);
	return (-1);
}

/* "127.0.0.1, ::1": comma separated numeric addresses. */
static int
parse_proxies(struct settings *s, const char *v)
{
	char		 one[64];
	const char	*p, *end;
	size_t		 n;

	for (p = v; *p != '\0'; p = *end == ',' ? end + 1 : end) {
		while (*p == ' ')
			p++;
		end = p + strcspn(p, ",");
		n = (size_t)(end - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n == 0 && *end == '\0' && s->trusted_proxies_count > 0)
			break;
		if (n == 0 || n >= sizeof(one) ||
		    s->trusted_proxies_count == SETTINGS_PROXIES_MAX)
			return (-1);
		memcpy(one, p, n);
		one[n] = '\0';
		if (canonical_address(one,
		    s->trusted_proxies[s->trusted_proxies_count],
		    sizeof(s->trusted_proxies[0])) == -1)
			return (-1);
		s->trusted_proxies_count++;
	}
	return (0);
}

static int
fail(char *err, size_t errlen, const char *var, const char *why)
{
	(void)snprintf(err, errlen, "%s: %s", var, why);
	return (-1);
}

/*
 * The numeric settings: a whole number from min to max (the text of
 * expected says so), else def when the variable is unset or empty.
 */
struct number {
	const char	*var;
	size_t		 offset;	/* of the field in struct settings */
	size_t		 size;		/* an unsigned or a size_t */
	unsigned long	 min, max, def;
	const char	*expected;
};
#define NUMBER(var, field, min, max, def, expected)			\
	{ (var), offsetof(struct settings, field),			\
	  sizeof(((struct settings *)NULL)->field), (min), (max),	\
	  (def), (expected) }

static const struct number	numbers[] = {
	NUMBER("LEERLIJN_WORKERS", workers, 1, 64,
	    SETTINGS_DEFAULT_WORKERS, "expected a number from 1 to 64"),
	NUMBER("LEERLIJN_BODY_MAX", body_max, 1024, 64UL * 1024 * 1024,
	    SETTINGS_DEFAULT_BODY_MAX, "expected bytes from 1024 to 67108864"),
	NUMBER("LEERLIJN_HASH_THREADS", hash_threads, 1, 16,
	    SETTINGS_DEFAULT_HASH_THREADS, "expected a number from 1 to 16"),
	NUMBER("LEERLIJN_HASH_QUEUE", hash_queue, 1, 1024,
	    SETTINGS_DEFAULT_HASH_QUEUE, "expected a number from 1 to 1024"),
	NUMBER("LEERLIJN_CACHE_BYTES", cache_bytes, 0, 1024UL * 1024 * 1024,
	    SETTINGS_DEFAULT_CACHE_BYTES,
	    "expected bytes from 0 (off) to 1073741824"),
	NUMBER("LEERLIJN_WORKER_CONNECTIONS", worker_connections, 1, 65536,
	    SETTINGS_DEFAULT_WORKER_CONNECTIONS,
	    "expected a number from 1 to 65536"),
	NUMBER("LEERLIJN_DB_ASYNC", db_async, 1, 64,
	    SETTINGS_DEFAULT_DB_ASYNC, "expected a number from 1 to 64"),
	NUMBER("LEERLIJN_READ_MAX_LAG", read_max_lag, 0, 86400,
	    SETTINGS_DEFAULT_READ_MAX_LAG, "expected seconds from 0 to 86400"),
};

static int
load_numbers(struct settings *s, settings_getenv_fn get, char *err,
    size_t errlen)
{
	const struct number	*t;
	const char		*v;
	unsigned long		 n;
	unsigned		 u;
	size_t			 i, z;

	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		t = &numbers[i];
		n = t->def;
		if ((v = get(t->var)) != NULL && *v != '\0' &&
		    parse_uint(v, t->min, t->max, &n) == -1)
			return (fail(err, errlen, t->var, t->expected));
		if (t->size == sizeof(z)) {
			z = n;
			memcpy((char *)s + t->offset, &z, sizeof(z));
		} else {
			u = (unsigned)n;
			memcpy((char *)s + t->offset, &u, sizeof(u));
		}
	}
	return (0);
}

static const char *const	level_names[] = { "error", "warning", "info",
				    "debug", NULL };
static const char *const	mode_names[] = { "development", "production",
				    NULL };

/* The index of v in words, def when v is unset or empty, -1 if none. */
static int
word(const char *v, const char *const *words, int def)
{
	int	i;

	if (v == NULL || *v == '\0')
		return (def);
	for (i = 0; words[i] != NULL; i++) {
		if (strcmp(v, words[i]) == 0)
			return (i);
	}
	return (-1);
}

/*
 * The URL of var into dst when it is set: 1, or 0 when it is unset or
 * empty (dst is ""), or -1 after fail() when it does not start with
 * scheme:// or schemes:// or is too long.
 */
static int
copy_url(char *dst, size_t len, settings_getenv_fn get, const char *var,
    const char *scheme, char *err, size_t errlen)
{
	const char	*v;
	char		 plain[16], secure[16], why[64];

	dst[0] = '\0';
	if ((v = get(var)) == NULL || *v == '\0')
		return (0);
	(void)snprintf(plain, sizeof(plain), "%s://", scheme);
	(void)snprintf(secure, sizeof(secure), "%ss://", scheme);
	if (strncmp(v, plain, strlen(plain)) != 0 &&
	    strncmp(v, secure, strlen(secure)) != 0) {
		(void)snprintf(why, sizeof(why), "expected an %s or %s URL",
		    plain, secure);
		return (fail(err, errlen, var, why));
	}
	if (copy_str(dst, len, v) == -1)
		return (fail(err, errlen, var, "too long"));
	return (1);
}

int
settings_load(struct settings *s, settings_getenv_fn get, char *err,
    size_t errlen)
{
	const char	*v;
	unsigned long	 n;
	int		 w;

	if (get == NULL)
		get = env_getenv;
	memset(s, 0, sizeof(*s));

	v = get("DATABASE_URL");
	if (v == NULL || *v == '\0')
		v = SETTINGS_DEFAULT_DATABASE_URL;
	if (copy_str(s->database_url, sizeof(s->database_url), v) == -1)
		return (fail(err, errlen, "DATABASE_URL", "too long"));

	v = get("LEERLIJN_LISTEN");
	if (v == NULL || *v == '\0')
		v = SETTINGS_DEFAULT_LISTEN;
	if (parse_listen(s, v) == -1)
		return (fail(err, errlen, "LEERLIJN_LISTEN",
		    "expected IPv4-ADDRESS:PORT, e.g. 127.0.0.1:8888"));
	if (load_numbers(s, get, err, errlen) == -1)
		return (-1);

	if ((w = word(get("LEERLIJN_LOG_LEVEL"), level_names,
	    LOG_LVL_INFO)) == -1)
		return (fail(err, errlen, "LEERLIJN_LOG_LEVEL",
		    "expected error, warning, info or debug"));
	s->log_level = (enum log_level)w;
	if ((w = word(get("LEERLIJN_MODE"), mode_names,
	    MODE_DEVELOPMENT)) == -1)
		return (fail(err, errlen, "LEERLIJN_MODE",
		    "expected development or production"));
	s->mode = (enum run_mode)w;

	v = get("LEERLIJN_WEB_ROOT");
	if (v == NULL || *v == '\0')
		v = SETTINGS_DEFAULT_WEB_ROOT;
	if (copy_str(s->web_root, sizeof(s->web_root), v) == -1)
		return (fail(err, errlen, "LEERLIJN_WEB_ROOT", "too long"));

	if ((w = copy_url(s->base_url, sizeof(s->base_url), get,
	    "LEERLIJN_BASE_URL", "http", err, errlen)) == -1)
		return (-1);
	if (w == 1) {
		n = strlen(s->base_url);
		while (n > 0 && s->base_url[n - 1] == '/')
			s->base_url[--n] = '\0';
	} else {
		(void)snprintf(s->base_url, sizeof(s->base_url),
		    "http://%s:%u", s->listen_host, s->listen_port);
	}

	v = get("LEERLIJN_DATABASE_READ_URL");
	if (v != NULL && copy_str(s->database_read_url,
	    sizeof(s->database_read_url), v) == -1)
		return (fail(err, errlen, "LEERLIJN_DATABASE_READ_URL",
		    "too long"));

	if ((v = get("LEERLIJN_TRUSTED_PROXIES")) != NULL && *v != '\0' &&
	    parse_proxies(s, v) == -1)
		return (fail(err, errlen, "LEERLIJN_TRUSTED_PROXIES",
		    "expected up to 16 numeric IP addresses, comma separated, "
		    "e.g. 127.0.0.1,::1"));
	/* E-mail: a relay (smtp:// or smtps://) and the sender. */
	if (copy_url(s->smtp_url, sizeof(s->smtp_url), get,
	    "LEERLIJN_SMTP_URL", "smtp", err, errlen) == -1)
		return (-1);
	v = get("LEERLIJN_MAIL_FROM");
	if (v == NULL || *v == '\0')
		v = SETTINGS_DEFAULT_MAIL_FROM;
	if (strchr(v, '@') == NULL || strpbrk(v, "\r\n<>\" ,;") != NULL ||
	    copy_str(s->mail_from, sizeof(s->mail_from), v) == -1)
		return (fail(err, errlen, "LEERLIJN_MAIL_FROM",
		    "expected one e-mail address"));

	current = *s;
	return (0);
}

int
settings_proxy_trusted(const struct settings *s, const char *address)
{
	char	c[46];
	size_t	i;

	if (canonical_address(address, c, sizeof(c)) == -1)
		return (0);
	for (i = 0; i < s->trusted_proxies_count; i++) {
		if (strcmp(s->trusted_proxies[i], c) == 0)
			return (1);
	}
	return (0);
}

const struct settings *
settings_current(void)
{
	return (&current);
}

const char *
settings_log_level_name(enum log_level l)
{
	if ((int)l < 0 || l > LOG_LVL_DEBUG)
		return ("info");
	return (level_names[l]);
}

const char *
settings_mode_name(enum run_mode m)
{
	return (mode_names[m == MODE_PRODUCTION]);
}
