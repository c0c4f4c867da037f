/*
 * api: what one API request carries from the dispatcher to its handler.
 */
#ifndef LEERLIJN_API_H
#define LEERLIJN_API_H

#include <stddef.h>

#include <jansson.h>

#include "qs.h"
#include "router.h"
#include "status.h"

struct http_request;

struct api_ctx {
	struct http_request	*req;
	unsigned		 method;	/* RM_* */
	struct route_match	 match;
	struct qs		 qs;
	char			*body;		/* NUL terminated; may be NULL */
	size_t			 body_len;
};

/* Every handler: reads ctx, replies through reply.h, returns the status. */
#define API_HANDLER(name)	int name(struct api_ctx *)

/*
 * Parse the request body as a JSON object.  On error, replies with a
 * problem document (400 malformed or not UTF-8, 415 wrong content type,
 * 422 not an object) and returns -1.  On success the caller owns *root.
 */
int	api_json_body(struct api_ctx *ctx, json_t **root);

#endif
