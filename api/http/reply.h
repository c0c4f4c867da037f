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

#endif
