/*
 * dispatch: the single Kore handler in front of every /api path.
 *
 * It maps the method, finds the route (404/405), enforces the body limit
 * (413), finds the route's rule in the authorization table (500 without
 * one), authenticates (Bearer token or session cookie; 401), checks the
 * CSRF token of cookie-authenticated writes (403), the roles (401/403)
 * and, for routes with a school in the path, the school (403/404),
 * parses and checks the query string (400), reads the body, and calls the
 * handler.  Every refusal is a problem document.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "http/api.h"
#include "db/db_read.h"
#include "http/applog.h"
#include "core/cookie.h"
#include "core/forwarded.h"
#include "accounts/auth_db.h"
#include "core/json_fields.h"
#include "accounts/password.h"
#include "core/problem.h"
#include "http/reply.h"
#include "http/routes.h"
#include "accounts/session_token.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/utf8.h"

#include <sodium.h>

int	api_dispatch(struct http_request *);

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

/* Read the whole body into ctx; 0, or -1 after replying. */
static int
read_body(struct api_ctx *ctx)
{
	struct strbuf	b;
	char		chunk[4096];
	ssize_t		n;

	strbuf_init(&b);
	for (;;) {
		n = http_body_read(ctx->req, chunk, sizeof(chunk));
		if (n == -1) {
			strbuf_free(&b);
			reply_problem(ctx->req, ST_BAD_REQUEST,
			    "De inhoud van het verzoek kon niet worden "
			    "gelezen.");
			return (-1);
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > settings_current()->body_max ||
		    strbuf_append(&b, chunk, (size_t)n) == -1) {
			strbuf_free(&b);
			reply_problem(ctx->req, ST_PAYLOAD_TOO_LARGE, NULL);
			return (-1);
		}
	}
	ctx->body = b.data;
	ctx->body_len = b.len;
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

static void
reply_query_error(struct api_ctx *ctx, const char *key, const char *msg)
{
	json_t	*p;

	p = problem_new(ST_BAD_REQUEST, msg);
	if (p != NULL && key != NULL &&
	    problem_add_error(p, key, msg) == -1) {
		json_decref(p);
		p = NULL;
	}
	reply_problem_doc(ctx->req, ST_BAD_REQUEST, p);
}


void
api_reply_unauthorized(struct api_ctx *ctx, const char *detail)
{
	http_response_header(ctx->req, "www-authenticate",
	    "Bearer realm=\"leerlijn\"");
	reply_problem(ctx->req, ST_UNAUTHORIZED, detail != NULL ? detail :
	    "Log eerst in.");
}

/*
 * The peer's address, or behind a trusted reverse proxy the client's
 * address that proxy put into X-Forwarded-For (core/forwarded.c).
 */
void
api_client_address(struct api_ctx *ctx, char *buf, size_t len)
{
	struct connection	*c;
	const char		*xff;
	char			 peer[INET6_ADDRSTRLEN];

	buf[0] = '\0';
	peer[0] = '\0';
	c = ctx->req->owner;
	if (c == NULL)
		return;
	if (c->family == AF_INET)
		(void)inet_ntop(AF_INET, &c->addr.ipv4.sin_addr, peer,
		    sizeof(peer));
	else if (c->family == AF_INET6)
		(void)inet_ntop(AF_INET6, &c->addr.ipv6.sin6_addr, peer,
		    sizeof(peer));
	if (peer[0] == '\0')
		return;
	if (!http_request_header(ctx->req, "x-forwarded-for", &xff))
		xff = NULL;
	forwarded_client(settings_current(), peer, xff, buf, len);
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
		    "niet of is niet zichtbaar voor u.");
		break;
	default:
		reply_problem(ctx->req, ST_FORBIDDEN, "U hebt hiervoor niet de "
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
	const char	*h;
	unsigned char	 bin[16];
	char		 id[2 * sizeof(bin) + 1];

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
	struct api_ctx		 ctx;
	enum router_result	 rr;
	enum qs_result		 qr;
	const char		*bad;
	int			 options;

	memset(&ctx, 0, sizeof(ctx));
	ctx.req = req;
	api_request_begin(req);
	options = req->method == HTTP_METHOD_OPTIONS;
	ctx.method = options ? RM_GET : method_bit(req->method);

	/*
	 * Kore 4.1 sets content_length only for methods with a body and does
	 * not reset it in the request objects it reuses: elsewhere it holds
	 * whatever was there before.
	 */
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
		reply_query_error(&ctx, bad, qs_result_text(qr));
		goto out;
	}
	if ((bad = qs_first_unknown(&ctx.qs, ctx.match.route->query)) !=
	    NULL) {
		reply_query_error(&ctx, bad, "Onbekende parameter.");
		goto out;
	}

	if (ctx.method & (RM_POST | RM_PUT | RM_PATCH)) {
		if (read_body(&ctx) == -1)
			goto out;
	}

	db_set_actor(ctx.who.user_id);
	(void)ctx.match.route->handler(&ctx);
	db_set_actor(NULL);
out:
	explicit_bzero(&ctx.who, sizeof(ctx.who));
	qs_free(&ctx.qs);
	free(ctx.body);
	api_request_end();
	return (KORE_RESULT_OK);
}

const char *
api_query(const void *ctx, const char *key)
{
	return (qs_get(&((const struct api_ctx *)ctx)->qs, key));
}

void
api_reply_param_errors(struct api_ctx *ctx, const struct param_errors *e)
{
	json_t	*p;
	size_t	 i;

	p = problem_new(ST_BAD_REQUEST, "Een of meer parameters zijn "
	    "ongeldig.");
	for (i = 0; p != NULL && i < e->n; i++) {
		if (problem_add_error(p, e->field[i], e->message[i]) == -1) {
			json_decref(p);
			p = NULL;
		}
	}
	reply_problem_doc(ctx->req, ST_BAD_REQUEST, p);
}

void
api_reply_db_error(struct api_ctx *ctx, enum db_result rc)
{
	if (rc == DB_UNAVAILABLE) {
		http_response_header(ctx->req, "retry-after", "5");
		reply_problem(ctx->req, ST_UNAVAILABLE,
		    "De database is tijdelijk niet bereikbaar.");
	} else {
		reply_problem(ctx->req, ST_INTERNAL,
		    "Er ging iets mis; probeer het later opnieuw.");
	}
}

void
api_reply_document(struct api_ctx *ctx, char *json, const char *not_found)
{
	if (json == NULL)
		reply_problem(ctx->req, ST_NOT_FOUND, not_found);
	else
		reply_json_text(ctx->req, ST_OK, json);
	free(json);
}

int
api_json_body(struct api_ctx *ctx, json_t **root)
{
	const char	*ctype;
	json_error_t	 err;
	json_t		*p;

	*root = NULL;
	if (!http_request_header(ctx->req, "content-type", &ctype) ||
	    strncasecmp(ctype, "application/json", 16) != 0 ||
	    (ctype[16] != '\0' && ctype[16] != ';')) {
		reply_problem(ctx->req, ST_UNSUPPORTED_MEDIA_TYPE,
		    "Stuur de gegevens als application/json.");
		return (-1);
	}
	if (ctx->body == NULL || ctx->body_len == 0) {
		reply_problem(ctx->req, ST_BAD_REQUEST,
		    "Het verzoek heeft geen inhoud.");
		return (-1);
	}
	if (!utf8_valid(ctx->body, ctx->body_len)) {
		reply_problem(ctx->req, ST_BAD_REQUEST,
		    "De inhoud is geen geldige UTF-8.");
		return (-1);
	}
	*root = json_loadb(ctx->body, ctx->body_len,
	    JSON_REJECT_DUPLICATES, &err);
	if (*root == NULL) {
		p = problem_new(ST_BAD_REQUEST, "De inhoud is geen geldige "
		    "JSON.");
		if (p != NULL) {
			json_object_set_new(p, "line", json_integer(err.line));
			json_object_set_new(p, "column",
			    json_integer(err.column));
		}
		reply_problem_doc(ctx->req, ST_BAD_REQUEST, p);
		return (-1);
	}
	if (!json_is_object(*root)) {
		json_decref(*root);
		*root = NULL;
		reply_problem(ctx->req, ST_UNPROCESSABLE,
		    "Verwacht een JSON-object.");
		return (-1);
	}
	return (0);
}

int
api_json_fields(struct api_ctx *ctx, const struct field_spec *specs,
    size_t n, int mode, json_t **root)
{
	return (api_json_fields_secrets(ctx, specs, n, mode, NULL, 0, NULL,
	    root));
}

int
api_json_fields_secrets(struct api_ctx *ctx, const struct field_spec *specs,
    size_t n, int mode, const char *const *secrets, size_t nsecrets,
    const char **values, json_t **root)
{
	struct param_errors	 e, se;
	json_t			*rest, *p, *v;
	size_t			 i;

	rest = NULL;
	if (api_json_body(ctx, root) == -1)
		return (-1);
	memset(&se, 0, sizeof(se));
	/* Secrets are any text: spaces at either end belong to them. */
	for (i = 0; i < nsecrets; i++) {
		v = json_object_get(*root, secrets[i]);
		if (!json_is_string(v) || json_string_length(v) == 0 ||
		    json_string_length(v) > PASSWORD_MAX_BYTES ||
		    strlen(json_string_value(v)) != json_string_length(v))
			param_error(&se, secrets[i], "verplicht: tekst van 1 "
			    "tot 1024 bytes");
		else
			values[i] = json_string_value(v);
	}
	if ((rest = json_copy(*root)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	for (i = 0; i < nsecrets; i++)
		(void)json_object_del(rest, secrets[i]);
	(void)json_fields_check(rest, specs, n, mode, &e);
	if (e.n == 0 && se.n == 0) {
		json_decref(rest);
		return (0);
	}
	/* Unknown field names live in rest: free it last. */
	p = problem_new(ST_UNPROCESSABLE, "Controleer de gemarkeerde velden.");
	for (i = 0; p != NULL && i < se.n + e.n; i++) {
		if (problem_add_error(p, i < se.n ? se.field[i] :
		    e.field[i - se.n], i < se.n ? se.message[i] :
		    e.message[i - se.n]) == -1) {
			json_decref(p);
			p = NULL;
		}
	}
	reply_problem_doc(ctx->req, ST_UNPROCESSABLE, p);
out:
	json_decref(rest);
	json_decref(*root);
	*root = NULL;
	return (-1);
}

const char *
api_path_uuid(struct api_ctx *ctx, const char *name, const char *not_found)
{
	const char	*id;

	id = router_param(&ctx->match, name);
	if (id == NULL || !param_is_uuid(id)) {
		reply_problem(ctx->req, ST_NOT_FOUND, not_found);
		return (NULL);
	}
	return (id);
}

int
api_reply_write_error(struct api_ctx *ctx, enum db_result rc,
    const char *unique_field)
{
	const struct db_error	*err;
	json_t			*p;
	enum app_status		 s;

	db_rollback();
	err = db_last_error();
	switch (rc) {
	case DB_INVALID:
		s = ST_UNPROCESSABLE;
		p = problem_new(s, "Controleer de gemarkeerde velden.");
		if (p != NULL && err->field[0] != '\0')
			(void)problem_add_error(p, err->field, err->message);
		reply_problem_doc(ctx->req, s, p);
		return (s);
	case DB_STALE:
		reply_problem(ctx->req, ST_PRECONDITION_FAILED, "Dit is "
		    "intussen door iemand anders gewijzigd. Haal de nieuwste "
		    "versie op en probeer het opnieuw.");
		return (ST_PRECONDITION_FAILED);
	case DB_CONSTRAINT:
		if (strcmp(err->sqlstate, "23505") == 0) {
			s = ST_CONFLICT;
			p = problem_new(s, "Dit bestaat al.");
			if (p != NULL && unique_field != NULL)
				(void)problem_add_error(p, unique_field,
				    "moet uniek zijn");
		} else {
			s = ST_UNPROCESSABLE;
			p = problem_new(s, "Dit voldoet niet aan de regels.");
		}
		reply_problem_doc(ctx->req, s, p);
		return (s);
	default:
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
}

int
api_if_match(struct api_ctx *ctx, char *buf, size_t len)
{
	const char	*v;
	long		 n;
	char		 digits[16];
	size_t		 dl;

	buf[0] = '\0';
	if (!http_request_header(ctx->req, "if-match", &v))
		return (0);
	if (strncmp(v, "W/", 2) == 0)
		v += 2;
	dl = strlen(v);
	if (dl >= 3 && dl - 2 < sizeof(digits) && v[0] == '"' &&
	    v[dl - 1] == '"') {
		memcpy(digits, v + 1, dl - 2);
		digits[dl - 2] = '\0';
		if (param_int(digits, 1, 2147483647, &n)) {
			(void)snprintf(buf, len, "%ld", n);
			return (0);
		}
	}
	reply_problem(ctx->req, ST_BAD_REQUEST, "If-Match moet een ETag zijn, "
	    "zoals \"3\".");
	return (-1);
}

void
api_freshness_header(struct api_ctx *ctx, const struct db_freshness *f)
{
	char	text[128];

	if (f->standby)
		(void)snprintf(text, sizeof(text), "source=standby; "
		    "replayed_at=%s; lag_seconds=%.3f",
		    f->replayed_at[0] != '\0' ? f->replayed_at : "unknown",
		    f->lag_seconds);
	else
		(void)snprintf(text, sizeof(text), "source=primary");
	http_response_header(ctx->req, "x-data-freshness", text);
}

void
api_reply_throttled(struct api_ctx *ctx, int seconds)
{
	char	num[32];

	(void)snprintf(num, sizeof(num), "%d", seconds);
	http_response_header(ctx->req, "retry-after", num);
	reply_problem(ctx->req, ST_TOO_MANY_REQUESTS, "Te veel mislukte "
	    "pogingen om in te loggen; probeer het later opnieuw.");
}
