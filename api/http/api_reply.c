/*
 * api_reply: the replies every handler shares (parameter errors, database
 * failures, documents built by PostgreSQL, a problem naming one field,
 * 401, 429, and the 503 of a full password queue).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "accounts/password_task.h"
#include "db/db_read.h"
#include "http/api.h"
#include "core/problem.h"
#include "http/reply.h"


void
api_reply_unauthorized(struct api_ctx *ctx, const char *detail)
{
	http_response_header(ctx->req, "www-authenticate",
	    "Bearer realm=\"leerlijn\"");
	reply_problem(ctx->req, ST_UNAUTHORIZED, detail != NULL ? detail :
	    "Log eerst in.");
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
api_location(struct api_ctx *ctx, const char *base, const char *id)
{
	char	loc[256];

	if (base == NULL || id == NULL)
		return;
	(void)snprintf(loc, sizeof(loc), "%s%s", base, id);
	http_response_header(ctx->req, "location", loc);
}

void
api_reply_param_error(struct api_ctx *ctx, const char *key,
    const char *message)
{
	struct param_errors	e = { 0 };

	param_error(&e, key, message);
	api_reply_param_errors(ctx, &e);
}

void
api_reply_db_error(struct api_ctx *ctx, enum db_result rc)
{
	if (rc == DB_PENDING) {
		/* Sent: the handler runs again when the answer is there. */
		ctx->pending = 1;
		return;
	}
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
api_reply_read(struct api_ctx *ctx, enum db_result rc, char **json,
    const char *not_found)
{
	if (rc != DB_OK) {
		free(*json);
		api_reply_db_error(ctx, rc);
	} else
		api_reply_document(ctx, *json, not_found);
	*json = NULL;
}

void
api_reply_by_id(struct api_ctx *ctx, const char *bad_id,
    enum db_result (*fetch)(const char *, char **), const char *not_found)
{
	const char	*id;
	char		*json;

	if ((id = api_path_uuid(ctx, "id", bad_id)) != NULL)
		api_reply_read(ctx, fetch(id, &json), &json, not_found);
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

void
api_reply_throttled(struct api_ctx *ctx, int seconds)
{
	char	num[32];

	(void)snprintf(num, sizeof(num), "%d", seconds);
	http_response_header(ctx->req, "retry-after", num);
	reply_problem(ctx->req, ST_TOO_MANY_REQUESTS, "Te veel mislukte "
	    "pogingen om in te loggen; probeer het later opnieuw.");
}

void
api_reply_field(struct api_ctx *ctx, enum app_status s, const char *detail,
    const char *field, const char *message)
{
	json_t	*p;

	p = problem_new(s, detail);
	if (p != NULL && field != NULL && field[0] != '\0' &&
	    problem_add_error(p, field, message) == -1) {
		json_decref(p);
		p = NULL;
	}
	reply_problem_doc(ctx->req, s, p);
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

int
api_password_wait(struct api_ctx *ctx, enum pw_task r)
{
	if (r == PW_TASK_DONE)
		return (0);
	if (r == PW_TASK_PENDING) {
		ctx->pending = 1;
		return (-1);
	}
	http_response_header(ctx->req, "retry-after", "2");
	reply_problem(ctx->req, ST_UNAVAILABLE, "Er wordt nu erg veel "
	    "ingelogd of een wachtwoord gewijzigd; probeer het over een "
	    "paar seconden opnieuw.");
	return (-1);
}
