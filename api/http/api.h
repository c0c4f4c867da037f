/*
 * api: what one API request carries from the dispatcher to its handler.
 */
#ifndef LEERLIJN_API_H
#define LEERLIJN_API_H

#include <stddef.h>

#include <jansson.h>

#include "http/authz.h"
#include "db/db.h"
#include "core/params.h"
#include "core/qs.h"
#include "core/router.h"
#include "core/status.h"

struct http_request;
struct strbuf;

struct api_ctx {
	struct http_request	*req;
	unsigned		 method;	/* RM_* */
	struct route_match	 match;
	struct qs		 qs;
	char			*body;		/* NUL terminated; may be NULL */
	size_t			 body_len;
	struct principal	 who;		/* who is asking (authz.h) */
	const struct authz_rule	*rule;		/* the route's rule */
	int			 pending;	/* the handler waits (see
						   api_password_wait) */
};

enum pw_task;
/*
 * For handlers, after a password operation of password_task.h: 0 when its
 * result is there; -1 when the handler must return now, because it runs
 * (the dispatcher calls the handler again once it has finished) or
 * because the queue is full (replied 503 with Retry-After).
 */
int	api_password_wait(struct api_ctx *ctx, enum pw_task r);
/*
 * Every handler: reads ctx and replies exactly once through reply.h.  The
 * dispatcher answers 500 for a handler that replied nothing and rolls back
 * a transaction it left open (dispatch_run()).
 */
#define API_HANDLER(name)	void name(struct api_ctx *)

/*
 * The request's id (X-Request-Id from the proxy, or a new one) for the
 * log and the response; api_request_end() forgets it.
 */
void	api_request_begin(struct http_request *req);
void	api_request_end(void);

/*
 * Read the request body into b (initialised with strbuf_init_secret();
 * the caller frees it, which wipes it) and set ctx->body; 0, or -1 after
 * replying (400, 413).
 */
int	api_read_body(struct api_ctx *ctx, struct strbuf *b);
/* Wipe Kore's copy of the request body (it may hold a password). */
void	api_body_wipe(struct http_request *req);
/*
 * Parse the request body as a JSON object.  On error, replies with a
 * problem document (400 malformed or not UTF-8, 415 wrong content type,
 * 422 not an object) and returns -1.  On success the caller owns *root.
 */
int	api_json_body(struct api_ctx *ctx, json_t **root);
struct field_spec;
/*
 * api_json_body(), then json_fields_check() against specs (FIELD_CREATE
 * or FIELD_PATCH): on any error replies (400/415/422 with the fields) and
 * returns -1; on success the caller owns *root.
 */
int	api_json_fields(struct api_ctx *ctx, const struct field_spec *specs,
	    size_t n, int mode, json_t **root);
/*
 * The same for a body that also has the nsecrets required fields named
 * in secrets (passwords): any text of 1 to 1024 bytes, spaces included,
 * not in specs.  On success values[i] points into *root.
 */
int	api_json_fields_secrets(struct api_ctx *ctx,
	    const struct field_spec *specs, size_t n, int mode,
	    const char *const *secrets, size_t nsecrets, const char **values,
	    json_t **root);
/* A query parameter's value or NULL (a lookup callback for domain code). */
const char *api_query(const void *ctx, const char *key);
/* Reply 400 with the parameter errors of e. */
void	api_reply_param_errors(struct api_ctx *ctx,
	    const struct param_errors *e);
/* Reply 400 naming one parameter, key, with message. */
void	api_reply_param_error(struct api_ctx *ctx, const char *key,
	    const char *message);
/*
 * Reply 503 (database unavailable) or 500 for a failed database call;
 * for DB_PENDING (db_async.h) nothing: the handler runs again later.
 */
void	api_reply_db_error(struct api_ctx *ctx, enum db_result rc);
/*
 * Reply for a read that returned rc and *json (a document built by
 * PostgreSQL): 503/500 when it failed, else the document or 404 with
 * not_found when there is none.  Frees *json.
 */
void	api_reply_read(struct api_ctx *ctx, enum db_result rc, char **json,
	    const char *not_found);
/*
 * A GET of what fetch(id, &json) returns for the {id} UUID of the path:
 * api_reply_read(); 404 with bad_id when {id} is no UUID.
 */
void	api_reply_by_id(struct api_ctx *ctx, const char *bad_id,
	    enum db_result (*fetch)(const char *, char **),
	    const char *not_found);
/*
 * Reply with a JSON document built by PostgreSQL, or 404 with detail
 * when json is NULL.  Frees json.
 */
void	api_reply_document(struct api_ctx *ctx, char *json,
	    const char *not_found);

/* The {name} path parameter if it is a UUID; else 404 and NULL. */
const char *api_path_uuid(struct api_ctx *ctx, const char *name,
	    const char *not_found);
/* The same for a code of at most max bytes (param_is_code()). */
const char *api_path_code(struct api_ctx *ctx, const char *name, size_t max,
	    const char *not_found);
/*
 * The version of an If-Match header ("3" or W/"3") into buf, "" when
 * there is none; -1 after a 400 for a malformed one.
 */
int	api_if_match(struct api_ctx *ctx, char *buf, size_t len);
/* Does the caller keep the catalogue (and so see lessons in draft)? */
int	api_sees_drafts(const struct api_ctx *ctx);
/* The client's IP address as text ("" when unknown) into buf. */
void	api_client_address(struct api_ctx *ctx, char *buf, size_t len);
/*
 * May email try a password now (login throttling, h_session.c)?  Writes
 * the client address into address; 0, or -1 after replying (429 with
 * Retry-After, or 503/500).
 */
int	api_login_allowed(struct api_ctx *ctx, const char *email,
	    char *address, size_t len);
struct db_freshness;
/*
 * The header X-Data-Freshness of an answer read through db_read.h:
 * "source=standby; replayed_at=<ISO 8601>; lag_seconds=0.012" or
 * "source=primary".
 */
void	api_freshness_header(struct api_ctx *ctx,
	    const struct db_freshness *f);
/* The header Location: base followed by id (none when either is NULL). */
void	api_location(struct api_ctx *ctx, const char *base, const char *id);
/* Reply 429 with Retry-After: seconds (login throttling). */
void	api_reply_throttled(struct api_ctx *ctx, int seconds);
/*
 * Reply s with detail, naming field with message in "errors" (no
 * errors when field is NULL or "").
 */
void	api_reply_field(struct api_ctx *ctx, enum app_status s,
	    const char *detail, const char *field, const char *message);
/* Reply 401 with WWW-Authenticate and detail. */
void	api_reply_unauthorized(struct api_ctx *ctx, const char *detail);

#endif
