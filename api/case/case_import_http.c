/*
 * case_import_http: POST /api/v1/case/packages — import an IMS CASE 1.0
 * CFPackage (curators).
 *
 * The body is checked against the CASE schema in C (case_package.c); a
 * refused package gets 422 with every problem in "errors".  The import is
 * one transaction (case_import() in schema/functions/case.sql): 201 with Location when
 * it created the framework, 200 otherwise (also when nothing changed),
 * 409 when an identifier belongs to another framework, 422 for references
 * the database cannot resolve.  Nothing changes on any refusal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "case/case_import.h"
#include "case/case_package.h"
#include "case/case_provider.h"
#include "case/case_db.h"
#include "http/handlers.h"
#include "core/problem.h"
#include "http/reply.h"
#include "core/settings.h"
#include "http/applog.h"
#include "http/write.h"

/* Reply 422 with the problems of e. */
static void
reply_package_errors(struct api_ctx *ctx, const struct case_errors *e)
{
	json_t	*p;
	size_t	 i, added;
	char	 detail[160];

	(void)snprintf(detail, sizeof(detail), "Het CASE-pakket is ongeldig: "
	    "%zu fout(en)%s.", e->total, e->total > e->n ?
	    ", de eerste staan in errors" : "");
	p = problem_new(ST_UNPROCESSABLE, detail);
	for (i = 0, added = 0; p != NULL && i < e->n; i++)
		if (problem_add_error(p, e->e[i].path[0] != '\0' ?
		    e->e[i].path : "package", e->e[i].message) == 0)
			added++;
	/* A count never stands next to an empty list. */
	if (p != NULL && added == 0)
		(void)problem_add_error(p, "package", "Het CASE-pakket is "
		    "ongeldig.");
	reply_problem_doc(ctx->req, ST_UNPROCESSABLE, p);
}

/* Reply s for a refused import with the result's errors. */
static void
reply_refused(struct api_ctx *ctx, enum app_status s, json_t *result)
{
	json_t	*p, *errors, *x;
	size_t	 i;

	p = problem_new(s, s == ST_CONFLICT ? "Het pakket botst met een "
	    "ander kader; er is niets veranderd." : "Het pakket verwijst naar "
	    "iets dat niet bestaat; er is niets veranderd.");
	errors = json_object_get(result, "errors");
	json_array_foreach(errors, i, x) {
		if (p == NULL || i == CASE_ERRORS_MAX)
			break;
		(void)problem_add_error(p,
		    json_string_value(json_object_get(x, "field")),
		    json_string_value(json_object_get(x, "message")));
	}
	reply_problem_doc(ctx->req, s, p);
}

void
api_case_import(struct api_ctx *ctx)
{
	struct case_errors	*e;
	json_t			*pkg, *result;
	enum db_result		 rc;
	enum app_status		 s;
	char			*text, *out;

	pkg = result = NULL;
	text = out = NULL;
	if ((e = calloc(1, sizeof(*e))) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return;
	}
	if (api_json_body(ctx, &pkg) == -1)
		goto out;
	if (case_package_check(pkg, e) > 0) {
		reply_package_errors(ctx, e);
		goto out;
	}
	if (case_package_prepare(pkg) == -1 ||
	    (text = json_dumps(pkg, JSON_COMPACT)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	if (write_begin(ctx) == -1)
		goto out;
	rc = db_case_import(settings_current()->base_url, text, &out);
	if (rc != DB_OK || out == NULL ||
	    (result = json_loads(out, 0, NULL)) == NULL) {
		db_rollback();
		if (rc == DB_CONSTRAINT || rc == DB_INVALID)
			reply_problem(ctx->req, ST_UNPROCESSABLE, "Het pakket "
			    "past niet in de catalogus (een regel van de "
			    "database weigert het); er is niets veranderd.");
		else
			api_reply_db_error(ctx, rc == DB_OK ? DB_ERROR : rc);
		goto out;
	}
	switch ((s = case_import_status(result))) {
	case ST_OK:
	case ST_CREATED:
		break;
	case ST_CONFLICT:
	case ST_UNPROCESSABLE:
		db_rollback();
		reply_refused(ctx, s, result);
		goto out;
	default:
		db_rollback();
		applog(LOG_LVL_ERROR, "case_import() answered without a known "
		    "status");
		reply_problem(ctx->req, ST_INTERNAL, "Er ging iets mis; "
		    "probeer het later opnieuw.");
		goto out;
	}
	if (write_commit(ctx, NULL) == -1)
		goto out;
	json_object_del(result, "status");
	api_location(ctx, CASE_BASE_PATH "/CFPackages/", json_string_value(
	    json_object_get(json_object_get(result, "framework"),
	    "identifier")));
	reply_json(ctx->req, s, result);
	result = NULL;
out:
	json_decref(pkg);
	json_decref(result);
	free(text);
	free(out);
	free(e);
}
