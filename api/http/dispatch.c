/*
 * dispatch: the single Kore handler in front of every /api path.
 *
 * It maps the method, finds the route (404/405), enforces the body limit
 * (413), finds the route's rule in the authorization table (500 without
 * one), authenticates (Bearer token or session cookie; 401), checks the
 * CSRF token of cookie-authenticated writes (403), the roles (401/403)
 * and, for routes with a school in the path, the school (403/404),
 * parses and checks the query string (400), reads the body, and calls the
 * handler in a safety net (dispatch_run()).  Every refusal is a problem
 * document.  What handlers share to read a request is in request.c, their
 * common replies in api_reply.c, the write path in write.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <sodium.h>

#include "accounts/auth_db.h"
#include "accounts/password_task.h"
#include "accounts/session_token.h"
#include "core/cookie.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "db/db_async.h"
#include "http/api.h"
#include "http/applog.h"
#include "http/cache_http.h"
#include "http/dispatch.h"
#include "http/reply.h"
#include "http/routes.h"

static unsigned
method_bit(int kore_method)
{
	switch (kore_method) {
	case HTTP_METHOD_GET:
	case HTTP_METHOD_HEAD:
		return (RM_GET);
	case HTTP_METHOD_POST:
		return (RM_POST);
	case HTTP_METHOD_PUT:
		return (RM_PUT);
	case HTTP_METHOD_PATCH:
		return (RM_PATCH);
	case HTTP_METHOD_DELETE:
		return (RM_DELETE);
	}
	return (0);
}


static void
reply_allow(struct api_ctx *ctx, enum app_status s)
{
	char	allow[64];

	router_allow_text(ctx->match.allowed, allow, sizeof(allow));
	http_response_header(ctx->req, "allow", allow);
	if (s == ST_NO_CONTENT)
		reply_json(ctx->req, s, NULL);
	else
		reply_problem(ctx->req, s, "Deze methode is hier niet "
		    "toegestaan.");
}



/* Tell the browser to forget a session cookie that no longer works. */
static void
clear_cookie(struct api_ctx *ctx)
{
	char	text[256];

	if (cookie_set_text(text, sizeof(text), SESSION_COOKIE, "", 0,
	    strncmp(settings_current()->base_url, "https:", 6) == 0) == 0)
		http_response_header(ctx->req, "set-cookie", text);
}

/*
 * Who is asking: a Bearer token (Authorization header) or the session
 * cookie.  Leaves ctx->who anonymous when there is neither; an unknown
 * Bearer token is a 401 (on public routes: anonymous), an unknown cookie
 * is forgotten.  Returns 0, or -1 after replying.
 */
static int
authenticate(struct api_ctx *ctx)
{
	const char	*h;
	char		 token[TOKEN_TEXT_LEN + 2];
	char		 hash[TOKEN_HASH_HEX_LEN + 1];
	enum db_result	 rc;
	int		 bearer, ret;
	size_t		 n;

	bearer = 0;
	if (http_request_header(ctx->req, "authorization", &h)) {
		if (strncasecmp(h, "Bearer ", 7) != 0) {
			api_reply_unauthorized(ctx, "Gebruik Authorization: "
			    "Bearer met een sessietoken.");
			return (-1);
		}
		h += 7;
		while (*h == ' ')
			h++;
		n = strlen(h);
		while (n > 0 && h[n - 1] == ' ')
			n--;
		if (n >= sizeof(token))
			n = sizeof(token) - 1;
		memcpy(token, h, n);
		token[n] = '\0';
		bearer = 1;
	} else if (!http_request_header(ctx->req, "cookie", &h) ||
	    cookie_get(h, SESSION_COOKIE, token, sizeof(token)) == -1) {
		return (0);
	}

	ret = 0;
	if (token_valid(token)) {
		token_hash_hex(token, hash);
		if ((rc = db_session_lookup(hash, &ctx->who)) != DB_OK) {
			memset(&ctx->who, 0, sizeof(ctx->who));
			api_reply_db_error(ctx, rc);
			ret = -1;
			goto out;
		}
	}
	if (!ctx->who.authenticated) {
		/* A stale token does not stand in the way of public routes. */
		if (bearer && !(ctx->rule->own & ROLE_ANYONE)) {
			api_reply_unauthorized(ctx, "De sessie is verlopen of "
			    "ongeldig; log opnieuw in.");
			ret = -1;
		} else if (!bearer) {
			clear_cookie(ctx);
		}
		goto out;
	}
	ctx->who.via_cookie = !bearer;
	token_csrf(token, ctx->who.csrf_token);
out:
	sodium_memzero(token, sizeof(token));
	return (ret);
}

/*
 * Cookie-authenticated writes must carry the session's CSRF token.  On a
 * public route (logging in again, accepting an invitation) a write
 * without it is simply anonymous: it never acts as the cookie's user.
 */
static int
check_csrf(struct api_ctx *ctx)
{
	const char	*h;

	if (!ctx->who.authenticated || !ctx->who.via_cookie ||
	    !(ctx->method & (RM_POST | RM_PUT | RM_PATCH | RM_DELETE)))
		return (0);
	if (http_request_header(ctx->req, "x-csrf-token", &h) &&
	    token_equal(h, ctx->who.csrf_token))
		return (0);
	if (ctx->rule->own & ROLE_ANYONE) {
		explicit_bzero(&ctx->who, sizeof(ctx->who));
		return (0);
	}
	reply_problem(ctx->req, ST_FORBIDDEN, "Het CSRF-token ontbreekt of "
	    "klopt niet (header X-CSRF-Token).");
	return (-1);
}

/* Reply for a refusal of authz; always returns -1. */
static int
reply_verdict(struct api_ctx *ctx, enum authz_verdict v)
{
	switch (v) {
	case AUTHZ_UNAUTHENTICATED:
		api_reply_unauthorized(ctx, NULL);
		break;
	case AUTHZ_HIDDEN:
		reply_problem(ctx->req, ST_NOT_FOUND, "Deze school bestaat "
		    "niet of is niet zichtbaar voor jou.");
		break;
	default:
		reply_problem(ctx->req, ST_FORBIDDEN, "Je hebt hiervoor niet de "
		    "juiste rol.");
		break;
	}
	return (-1);
}

int
api_school_access(struct api_ctx *ctx, const char *school_id, int write)
{
	static const struct authz_rule	none = { 0, "", AUTHZ_RESOURCE, 0, 0 };
	struct school_facts		f;
	enum db_result			rc;
	enum authz_verdict		v;

	if (!ctx->who.authenticated)
		return (reply_verdict(ctx, AUTHZ_UNAUTHENTICATED));
	memset(&f, 0, sizeof(f));
	if (school_id != NULL && param_is_uuid(school_id) &&
	    (rc = db_school_facts(ctx->who.user_id, school_id, &f)) !=
	    DB_OK) {
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	v = authz_school_verdict(ctx->rule != NULL ? ctx->rule : &none,
	    &ctx->who, &f, write);
	if (v != AUTHZ_ALLOW)
		return (reply_verdict(ctx, v));
	return (0);
}

/* Authentication and authorization of the matched route. */
static int
authorize(struct api_ctx *ctx)
{
	const char		*school;
	enum authz_verdict	 v;

	ctx->rule = authz_rule_find(authz_rules, authz_rules_count,
	    ctx->method, ctx->match.route->pattern);
	if (ctx->rule == NULL) {
		applog(LOG_LVL_ERROR, "no authorization rule for %s %s",
		    router_method_name(ctx->method),
		    ctx->match.route->pattern);
		reply_problem(ctx->req, ST_INTERNAL, "Er ging iets mis; "
		    "probeer het later opnieuw.");
		return (-1);
	}
	if (authenticate(ctx) == -1 || check_csrf(ctx) == -1)
		return (-1);
	if ((v = authz_route_verdict(ctx->rule, &ctx->who)) != AUTHZ_ALLOW)
		return (reply_verdict(ctx, v));
	if (ctx->rule->scope == AUTHZ_SCHOOL_PATH) {
		if ((school = router_param(&ctx->match, "id")) == NULL)
			school = router_param(&ctx->match, "school");
		if (api_school_access(ctx, school,
		    ctx->method != RM_GET) == -1)
			return (-1);
	}
	return (0);
}

void
dispatch_run(struct api_ctx *ctx, void (*internal)(struct api_ctx *))
{
	unsigned long	before;

	before = reply_count();
	db_set_actor(ctx->who.user_id);
	ctx->match.route->handler(ctx);
	db_set_actor(NULL);
	/* Waiting for a password operation or a long read: no reply yet. */
	if (ctx->pending && reply_count() == before &&
	    !db_in_transaction())
		return;
	if (db_in_transaction()) {
		applog(LOG_LVL_ERROR, "%s %s left a transaction open: "
		    "rolled back", router_method_name(ctx->method),
		    ctx->match.route->pattern);
		db_rollback();
	}
	if (reply_count() == before) {
		applog(LOG_LVL_ERROR, "%s %s replied nothing: 500",
		    router_method_name(ctx->method),
		    ctx->match.route->pattern);
		internal(ctx);
	}
}

/* The safety net's reply: a 500 problem document. */
static void
reply_internal(struct api_ctx *ctx)
{
	reply_problem(ctx->req, ST_INTERNAL, "Er ging iets mis; probeer het "
	    "later opnieuw.");
}

/*
 * The long reads: their statements run on the worker's asynchronous
 * connections while it serves other requests (db_async.h).
 */
static const char *const async_routes[] = {
	"/api/v1/reports/coverage",
	"/api/v1/schools/{id}/coverage",
	"/api/v1/plans/{id}/coverage",
	NULL
};

/* A request is freed: what waited for it goes, its body is wiped. */
static void
request_gone(struct http_request *req)
{
	pw_task_request_gone(req);
	db_async_request_gone(req);
	api_body_wipe(req);
}

/* X-Request-Id: 1 to 64 letters, digits, '.', '_' or '-'. */
static int
request_id_ok(const char *v)
{
	size_t	n;

	n = strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._-");
	return (n > 0 && n <= 64 && v[n] == '\0');
}

void
api_request_begin(struct http_request *req)
{
	const char		*h;
	struct http_header	*rh;
	unsigned char		 bin[16];
	char			 id[2 * sizeof(bin) + 1];

	/* A handler called again (a password or a long read) keeps its id. */
	TAILQ_FOREACH(rh, &req->resp_headers, list) {
		if (strcasecmp(rh->header, "x-request-id") == 0) {
			applog_set_request(rh->value);
			return;
		}
	}
	if (http_request_header(req, "x-request-id", &h) && request_id_ok(h)) {
		applog_set_request(h);
	} else {
		randombytes_buf(bin, sizeof(bin));
		(void)sodium_bin2hex(id, sizeof(id), bin, sizeof(bin));
		applog_set_request(id);
	}
	http_response_header(req, "x-request-id", applog_request());
}

void
api_request_end(void)
{
	applog_set_request(NULL);
}

int
api_dispatch(struct http_request *req)
{
	struct cache_capture	 cap = { 0 };
	struct api_ctx		 ctx;
	struct strbuf		 body;
	enum router_result	 rr;
	enum qs_result		 qr;
	const char		*bad;
	int			 options;

	memset(&ctx, 0, sizeof(ctx));
	strbuf_init_secret(&body);
	ctx.req = req;
	req->onfree = request_gone;
	api_request_begin(req);
	options = req->method == HTTP_METHOD_OPTIONS;
	ctx.method = options ? RM_GET : method_bit(req->method);

	/*
	 * Kore 4.1 sets content_length only for methods with a body and does
	 * not reset it in the request objects it reuses: elsewhere it holds
	 * whatever was there before.
	 */
	/*
	 * Request smuggling: a body framed twice (Transfer-Encoding and
	 * Content-Length) is refused, and chunked bodies are not supported
	 * at all (Kore reads Content-Length only).
	 */
	if (http_request_header(req, "transfer-encoding", &bad)) {
		http_response_header(req, "connection", "close");
		reply_problem(req, ST_BAD_REQUEST, "Transfer-Encoding wordt "
		    "niet ondersteund; stuur de body met Content-Length.");
		goto out;
	}
	if ((ctx.method & (RM_POST | RM_PUT | RM_PATCH)) &&
	    req->content_length > settings_current()->body_max) {
		reply_problem(req, ST_PAYLOAD_TOO_LARGE, "Het verzoek is "
		    "groter dan de toegestane omvang.");
		goto out;
	}

	rr = router_match(routes, routes_count, ctx.method, req->path,
	    &ctx.match);
	if (rr == ROUTER_NO_PATH) {
		reply_problem(req, ST_NOT_FOUND, "Deze URL bestaat niet.");
		goto out;
	}
	if (options) {
		reply_allow(&ctx, ST_NO_CONTENT);
		goto out;
	}
	if (rr == ROUTER_NO_METHOD || ctx.method == 0) {
		reply_allow(&ctx, ST_METHOD_NOT_ALLOWED);
		goto out;
	}

	if (authorize(&ctx) == -1)
		goto out;

	if ((qr = qs_parse(&ctx.qs, req->query_string, &bad)) != QS_OK) {
		api_reply_field(&ctx, ST_BAD_REQUEST, qs_result_text(qr), bad,
		    qs_result_text(qr));
		goto out;
	}
	if ((bad = qs_first_unknown(&ctx.qs, ctx.match.route->query)) !=
	    NULL) {
		api_reply_field(&ctx, ST_BAD_REQUEST, "Onbekende parameter.",
		    bad, "Onbekende parameter.");
		goto out;
	}

	if ((ctx.method & (RM_POST | RM_PUT | RM_PATCH)) &&
	    api_read_body(&ctx, &body) == -1)
		goto out;

	/* Public catalogue reads of anonymous callers: the response cache. */
	if (ctx.method == RM_GET && !ctx.who.authenticated &&
	    cache_route(ctx.match.route->pattern) &&
	    cache_before(req, &cap) == 1)
		goto out;

	/* Long reads, and the reads of a cache miss: asynchronous. */
	if (ctx.method == RM_GET && (cap.on || router_pattern_in(async_routes,
	    ctx.match.route->pattern)))
		db_async_begin(req);
	dispatch_run(&ctx, reply_internal);
	db_async_end();
	cache_after(&cap);
out:
	explicit_bzero(&ctx.who, sizeof(ctx.who));
	qs_free(&ctx.qs);
	/* The body may hold a password: wiped, then freed. */
	strbuf_free(&body);
	api_request_end();
	/* The request sleeps until its password operation or reads are done
	 * (the handler runs again; the body is read again); else its body
	 * is wiped. */
	if (ctx.pending)
		return (KORE_RESULT_RETRY);
	api_body_wipe(req);
	return (KORE_RESULT_OK);
}
