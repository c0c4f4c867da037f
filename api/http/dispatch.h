/*
 * dispatch: the Kore handlers in front of the API's paths, and the safety
 * net every dispatcher runs its handlers in.
 */
#ifndef LEERLIJN_DISPATCH_H
#define LEERLIJN_DISPATCH_H

struct api_ctx;
struct http_request;

/* The Kore handler of ^/api/ (leerlijn.conf). */
int	api_dispatch(struct http_request *);
/* The Kore handler of ^/ims/case/ (case_dispatch.c). */
int	case_dispatch(struct http_request *);

/*
 * Run the matched route's handler for the user ctx->who, with the safety
 * net: a transaction the handler left open is rolled back, and when it
 * replied nothing, internal() replies (a 500 in the dispatcher's own
 * form).  Both are logged with the route: they are faults.
 */
void	dispatch_run(struct api_ctx *ctx,
	    void (*internal)(struct api_ctx *));

#endif
