/*
 * settings: configuration from environment variables, with defaults.
 */
#include <arpa/inet.h>
#include <errno.h>
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

int
settings_load(struct settings *s, settings_getenv_fn get, char *err,
    size_t errlen)
{
	const char	*v;
	unsigned long	 n;

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

	s->workers = SETTINGS_DEFAULT_WORKERS;
	if ((v = get("LEERLIJN_WORKERS")) != NULL && *v != '\0') {
		if (parse_uint(v, 1, 64, &n) == -1)
			return (fail(err, errlen, "LEERLIJN_WORKERS",
			    "expected a number from 1 to 64"));
		s->workers = (unsigned)n;
	}

	s->log_level = LOG_LVL_INFO;
	if ((v = get("LEERLIJN_LOG_LEVEL")) != NULL && *v != '\0') {
		if (strcmp(v, "error") == 0)
			s->log_level = LOG_LVL_ERROR;
		else if (strcmp(v, "warning") == 0)
			s->log_level = LOG_LVL_WARNING;
		else if (strcmp(v, "info") == 0)
			s->log_level = LOG_LVL_INFO;
		else if (strcmp(v, "debug") == 0)
			s->log_level = LOG_LVL_DEBUG;
		else
			return (fail(err, errlen, "LEERLIJN_LOG_LEVEL",
			    "expected error, warning, info or debug"));
	}

	s->mode = MODE_DEVELOPMENT;
	if ((v = get("LEERLIJN_MODE")) != NULL && *v != '\0') {
		if (strcmp(v, "development") == 0)
			s->mode = MODE_DEVELOPMENT;
		else if (strcmp(v, "production") == 0)
			s->mode = MODE_PRODUCTION;
		else
			return (fail(err, errlen, "LEERLIJN_MODE",
			    "expected development or production"));
	}

	s->body_max = SETTINGS_DEFAULT_BODY_MAX;
	if ((v = get("LEERLIJN_BODY_MAX")) != NULL && *v != '\0') {
		if (parse_uint(v, 1024, 64UL * 1024 * 1024, &n) == -1)
			return (fail(err, errlen, "LEERLIJN_BODY_MAX",
			    "expected bytes from 1024 to 67108864"));
		s->body_max = n;
	}

	s->hash_threads = SETTINGS_DEFAULT_HASH_THREADS;
	if ((v = get("LEERLIJN_HASH_THREADS")) != NULL && *v != '\0') {
		if (parse_uint(v, 1, 16, &n) == -1)
			return (fail(err, errlen, "LEERLIJN_HASH_THREADS",
			    "expected a number from 1 to 16"));
		s->hash_threads = (unsigned)n;
	}

	s->hash_queue = SETTINGS_DEFAULT_HASH_QUEUE;
	if ((v = get("LEERLIJN_HASH_QUEUE")) != NULL && *v != '\0') {
		if (parse_uint(v, 1, 1024, &n) == -1)
			return (fail(err, errlen, "LEERLIJN_HASH_QUEUE",
			    "expected a number from 1 to 1024"));
		s->hash_queue = (unsigned)n;
	}

	s->cache_bytes = SETTINGS_DEFAULT_CACHE_BYTES;
	if ((v = get("LEERLIJN_CACHE_BYTES")) != NULL && *v != '\0') {
		if (parse_uint(v, 0, 1024UL * 1024 * 1024, &n) == -1)
			return (fail(err, errlen, "LEERLIJN_CACHE_BYTES",
			    "expected bytes from 0 (off) to 1073741824"));
		s->cache_bytes = n;
	}

	s->worker_connections = SETTINGS_DEFAULT_WORKER_CONNECTIONS;
	if ((v = get("LEERLIJN_WORKER_CONNECTIONS")) != NULL && *v != '\0') {
		if (parse_uint(v, 1, 65536, &n) == -1)
			return (fail(err, errlen, "LEERLIJN_WORKER_CONNECTIONS",
			    "expected a number from 1 to 65536"));
		s->worker_connections = (unsigned)n;
	}

	s->db_async = SETTINGS_DEFAULT_DB_ASYNC;
	if ((v = get("LEERLIJN_DB_ASYNC")) != NULL && *v != '\0') {
		if (parse_uint(v, 1, 64, &n) == -1)
			return (fail(err, errlen, "LEERLIJN_DB_ASYNC",
			    "expected a number from 1 to 64"));
		s->db_async = (unsigned)n;
	}

	v = get("LEERLIJN_WEB_ROOT");
	if (v == NULL || *v == '\0')
		v = SETTINGS_DEFAULT_WEB_ROOT;
	if (copy_str(s->web_root, sizeof(s->web_root), v) == -1)
		return (fail(err, errlen, "LEERLIJN_WEB_ROOT", "too long"));

	v = get("LEERLIJN_BASE_URL");
	if (v != NULL && *v != '\0') {
		if (strncmp(v, "http://", 7) != 0 &&
		    strncmp(v, "https://", 8) != 0)
			return (fail(err, errlen, "LEERLIJN_BASE_URL",
			    "expected an http:// or https:// URL"));
		if (copy_str(s->base_url, sizeof(s->base_url), v) == -1)
			return (fail(err, errlen, "LEERLIJN_BASE_URL",
			    "too long"));
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

	s->read_max_lag = SETTINGS_DEFAULT_READ_MAX_LAG;
	if ((v = get("LEERLIJN_READ_MAX_LAG")) != NULL && *v != '\0') {
		if (parse_uint(v, 0, 86400, &n) == -1)
			return (fail(err, errlen, "LEERLIJN_READ_MAX_LAG",
			    "expected seconds from 0 to 86400"));
		s->read_max_lag = (unsigned)n;
	}

	if ((v = get("LEERLIJN_TRUSTED_PROXIES")) != NULL && *v != '\0' &&
	    parse_proxies(s, v) == -1)
		return (fail(err, errlen, "LEERLIJN_TRUSTED_PROXIES",
		    "expected up to 16 numeric IP addresses, comma separated, "
		    "e.g. 127.0.0.1,::1"));
	/* E-mail: a relay (smtp:// or smtps://) and the sender. */
	s->smtp_url[0] = '\0';
	v = get("LEERLIJN_SMTP_URL");
	if (v != NULL && *v != '\0') {
		if (strncmp(v, "smtp://", 7) != 0 &&
		    strncmp(v, "smtps://", 8) != 0)
			return (fail(err, errlen, "LEERLIJN_SMTP_URL",
			    "expected an smtp:// or smtps:// URL"));
		if (copy_str(s->smtp_url, sizeof(s->smtp_url), v) == -1)
			return (fail(err, errlen, "LEERLIJN_SMTP_URL",
			    "too long"));
	}
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
	static const char	*names[] = { "error", "warning", "info", "debug" };

	if ((int)l < 0 || l > LOG_LVL_DEBUG)
		return ("info");
	return (names[l]);
}

const char *
settings_mode_name(enum run_mode m)
{
	return (m == MODE_PRODUCTION ? "production" : "development");
}
