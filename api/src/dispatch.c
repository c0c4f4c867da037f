/*
 * dispatch: the single Kore handler in front of every /api path.
 *
 * It maps the method, finds the route (404/405), enforces the body limit
 * (413), parses and checks the query string (400), reads the body, and
 * calls the handler.  Every refusal is a problem document.
 */
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "api.h"
#include "problem.h"
#include "reply.h"
#include "routes.h"
#include "settings.h"
#include "strbuf.h"
#include "utf8.h"

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
	options = req->method == HTTP_METHOD_OPTIONS;
	ctx.method = options ? RM_GET : method_bit(req->method);

	if (req->content_length > settings_current()->body_max) {
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

	(void)ctx.match.route->handler(&ctx);
out:
	qs_free(&ctx.qs);
	free(ctx.body);
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
