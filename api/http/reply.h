/*
 * reply: the one place where outcomes become HTTP responses.
 *
 * Every response gets the security headers.  Errors are RFC 9457 problem
 * documents (application/problem+json).  Handlers call exactly one reply
 * function per request.
 */
#ifndef LEERLIJN_REPLY_H
#define LEERLIJN_REPLY_H

#include <stddef.h>

#include <jansson.h>

#include "core/status.h"

struct http_request;

/* Add the security headers every response carries. */
void	reply_security_headers(struct http_request *);
/* Reply with body (may be NULL for 204); consumes the reference. */
void	reply_json(struct http_request *, enum app_status, json_t *body);
/* Reply with JSON text that is already encoded (e.g. by PostgreSQL). */
void	reply_json_text(struct http_request *, enum app_status,
	    const char *text);
/* Reply with a problem document for s with an optional detail. */
void	reply_problem(struct http_request *, enum app_status s,
	    const char *detail);
/* Reply with a prepared problem document; consumes the reference. */
void	reply_problem_doc(struct http_request *, enum app_status s,
	    json_t *problem);
/* Reply with raw bytes of the given media type (every reply ends here). */
void	reply_bytes(struct http_request *, int http_status,
	    const char *media_type, const void *data, size_t len);
/*
 * How many replies this worker has sent: the dispatchers compare it
 * before and after a handler to find one that replied nothing.
 */
unsigned long	reply_count(void);

/*
 * A copy of the response a handler made (reply_capture_begin): its
 * status, headers (name/value pairs, cookies left out) and body.
 */
struct reply_copy {
	int	 kept;		/* a 200 was copied */
	int	 status;
	int	 own_etag;	/* the ETag is the one given to begin */
	char	**headers;	/* 2 * nheaders strings */
	size_t	 nheaders;
	char	*body;
	size_t	 len;
};

/*
 * Until reply_capture_end(): a 200 says Cache-Control: no-cache instead
 * of no-store, a 200 without an ETag of its own gets etag, and a 200 is
 * copied into copy (free it with reply_copy_free) without its Set-Cookie
 * and X-Cache headers.
 */
void	reply_capture_begin(const char *etag, struct reply_copy *copy);
void	reply_capture_end(void);
void	reply_copy_free(struct reply_copy *copy);

#endif
