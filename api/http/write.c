/*
 * write: the one write path of every handler that changes something.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/problem.h"
#include "http/applog.h"
#include "http/reply.h"
#include "http/write.h"

#define CHECK_FIELDS	"Controleer de gemarkeerde velden."

int
write_body(struct api_ctx *ctx, const struct field_spec *specs, size_t n,
    int mode, json_t **body, char **doc)
{
	*doc = NULL;
	if (api_json_fields(ctx, specs, n, mode, body) == -1)
		return (-1);
	if ((*doc = json_dumps(*body, JSON_COMPACT)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (-1);
	}
	return (0);
}

int
write_begin(struct api_ctx *ctx)
{
	enum db_result	rc;

	if ((rc = db_begin()) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	return (0);
}

/* The field (and its message) of the violated constraint err names. */
static void
constraint_field(const struct db_error *err, const struct write_names *n,
    const char **field, const char **message)
{
	size_t	i;

	*field = err->field[0] != '\0' ? err->field : NULL;
	*message = "voldoet niet aan de regels";
	for (i = 0; n != NULL && i < n->nconstraints; i++) {
		if (strcmp(err->constraint, n->constraints[i].constraint) ==
		    0) {
			*field = n->constraints[i].field;
			*message = n->constraints[i].message;
			return;
		}
	}
	if (strcmp(err->sqlstate, "23505") == 0 && n != NULL &&
	    n->unique != NULL) {
		*field = n->unique;
		*message = "moet uniek zijn";
	}
}

void
write_fail(struct api_ctx *ctx, enum db_result rc,
    const struct write_names *names)
{
	struct db_error	 err;
	const char	*field, *message;

	/* Read it first: the ROLLBACK would overwrite it. */
	err = *db_last_error();
	db_rollback();
	switch (rc) {
	case DB_INVALID:
		api_reply_field(ctx, ST_UNPROCESSABLE, CHECK_FIELDS, err.field,
		    err.message);
		return;
	case DB_STALE:
		reply_problem(ctx->req, ST_PRECONDITION_FAILED, "Dit is "
		    "intussen door iemand anders gewijzigd. Haal de nieuwste "
		    "versie op en probeer het opnieuw.");
		return;
	case DB_CONFLICT:
		api_reply_field(ctx, ST_CONFLICT, "Dit bestaat al.", err.field,
		    err.message);
		return;
	case DB_CONSTRAINT:
		if (strcmp(err.sqlstate, "23503") == 0 && names != NULL &&
		    names->deleting) {
			reply_problem(ctx->req, ST_CONFLICT, "Dit wordt nog "
			    "gebruikt (bijvoorbeeld door onderliggende doelen "
			    "of koppelingen) en kan niet worden verwijderd.");
			return;
		}
		constraint_field(&err, names, &field, &message);
		if (strcmp(err.sqlstate, "23505") == 0)
			api_reply_field(ctx, ST_CONFLICT, "Dit bestaat al.",
			    field, message);
		else if (field != NULL)
			api_reply_field(ctx, ST_UNPROCESSABLE, CHECK_FIELDS,
			    field, message);
		else
			reply_problem(ctx->req, ST_UNPROCESSABLE, "Dit voldoet "
			    "niet aan de regels.");
		return;
	default:
		api_reply_db_error(ctx, rc);
		return;
	}
}

void
write_missing(struct api_ctx *ctx, const char *detail)
{
	db_rollback();
	reply_problem(ctx->req, ST_NOT_FOUND, detail != NULL ? detail :
	    "Niet gevonden.");
}

int
write_commit(struct api_ctx *ctx, const struct write_names *names)
{
	enum db_result	rc;

	if ((rc = db_commit()) != DB_OK) {
		write_fail(ctx, rc, names);
		return (-1);
	}
	return (0);
}

int
write_end(struct api_ctx *ctx, enum db_result rc, int found,
    const char *missing, const struct write_names *names)
{
	if (rc != DB_OK) {
		write_fail(ctx, rc, names);
		return (-1);
	}
	if (!found) {
		write_missing(ctx, missing);
		return (-1);
	}
	return (write_commit(ctx, names));
}

int
write_end_doc(struct api_ctx *ctx, enum db_result rc, const char *json,
    const char *missing, const struct write_names *names, json_t **doc)
{
	*doc = NULL;
	if (rc == DB_OK && json != NULL &&
	    (*doc = json_loads(json, 0, NULL)) == NULL) {
		applog(LOG_LVL_ERROR, "%s: the database returned a document "
		    "that does not parse", ctx->req->path);
		rc = DB_ERROR;
	}
	if (write_end(ctx, rc, json != NULL, missing, names) == -1) {
		json_decref(*doc);
		*doc = NULL;
		return (-1);
	}
	return (0);
}

int
write_if_match(struct api_ctx *ctx, char *buf, size_t len)
{
	if (api_if_match(ctx, buf, len) == -1)
		return (-1);
	if (buf[0] == '\0') {
		reply_problem(ctx->req, ST_PRECONDITION_REQUIRED, "Stuur de "
		    "versie mee in If-Match (de ETag die je bij het ophalen "
		    "kreeg).");
		return (-1);
	}
	return (0);
}

void
write_etag(struct api_ctx *ctx, const json_t *doc)
{
	char	tag[32];

	if (doc == NULL)
		return;
	(void)snprintf(tag, sizeof(tag), "\"%lld\"", (long long)
	    json_integer_value(json_object_get(doc, "version")));
	http_response_header(ctx->req, "etag", tag);
}

void
write_etag_text(struct api_ctx *ctx, const char *json)
{
	json_t	*doc;

	if (json == NULL || (doc = json_loads(json, 0, NULL)) == NULL)
		return;
	write_etag(ctx, doc);
	json_decref(doc);
}

int
api_paging(struct api_ctx *ctx, long def, long max, long *limit,
    long *offset)
{
	struct param_errors	e = { 0 };

	param_paging(api_query(ctx, "limit"), api_query(ctx, "offset"), def,
	    max, limit, offset, &e);
	if (e.n > 0) {
		api_reply_param_errors(ctx, &e);
		return (-1);
	}
	return (0);
}
