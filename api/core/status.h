/*
 * status: the application's outcome codes and their HTTP meaning.
 *
 * Handlers and domain code speak in enum app_status; only reply.c turns a
 * status into an HTTP response.  Every 4xx/5xx status has a stable problem
 * type (RFC 9457) and a Dutch title for people.
 */
#ifndef LEERLIJN_STATUS_H
#define LEERLIJN_STATUS_H

enum app_status {
	ST_OK = 0,
	ST_CREATED,
	ST_NO_CONTENT,
	ST_BAD_REQUEST,
	ST_UNAUTHORIZED,
	ST_FORBIDDEN,
	ST_NOT_FOUND,
	ST_METHOD_NOT_ALLOWED,
	ST_CONFLICT,
	ST_PRECONDITION_FAILED,
	ST_PAYLOAD_TOO_LARGE,
	ST_UNSUPPORTED_MEDIA_TYPE,
	ST_UNPROCESSABLE,
	ST_PRECONDITION_REQUIRED,
	ST_TOO_MANY_REQUESTS,
	ST_INTERNAL,
	ST_UNAVAILABLE,
	ST__COUNT
};

/* HTTP status code of s (500 for values out of range). */
int		 status_http(enum app_status s);
/* Short problem type slug, e.g. "not-found"; never NULL. */
const char	*status_slug(enum app_status s);
/* Human title in Dutch, e.g. "Niet gevonden"; never NULL. */
const char	*status_title(enum app_status s);
/* 1 when s is an error (HTTP 4xx or 5xx). */
int		 status_is_error(enum app_status s);

#endif
