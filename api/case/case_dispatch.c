/*
 * case_dispatch: the single Kore handler in front of /ims/case/.
 *
 * Like api_dispatch (dispatch.c) but for the CASE provider: its own route
 * table, and every refusal an imsx_StatusInfo document (404 unknownobject,
 * 405, 400 for bad query parameters) instead of a problem document.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "case/case_provider.h"
#include "case/case_query.h"
#include "db/db.h"
#include "http/cache_http.h"
#include "http/dispatch.h"
#include "http/reply.h"
#include "core/utf8.h"

#define ID	"/{id}"
#define LIST	"limit,offset,sort,orderBy,filter"

const struct route case_routes[] = {
	{ RM_GET, CASE_BASE_PATH "/CFDocuments", LIST, case_documents_list },
	{ RM_GET, CASE_BASE_PATH "/CFDocuments" ID, NULL, case_document_get },
	{ RM_GET, CASE_BASE_PATH "/CFPackages" ID, NULL, case_package_get },
	{ RM_GET, CASE_BASE_PATH "/CFItems" ID, NULL, case_item_get },
	{ RM_GET, CASE_BASE_PATH "/CFAssociations" ID, NULL,
	    case_association_get },
	{ RM_GET, CASE_BASE_PATH "/CFItemAssociations" ID, NULL,
	    case_item_associations_get },
	{ RM_GET, CASE_BASE_PATH "/CFAssociationGroupings" ID, NULL,
	    case_grouping_get },
	{ RM_GET, CASE_BASE_PATH "/CFConcepts" ID, NULL, case_concept_get },
	{ RM_GET, CASE_BASE_PATH "/CFSubjects" ID, NULL, case_subject_get },
	{ RM_GET, CASE_BASE_PATH "/CFItemTypes" ID, NULL, case_item_type_get },
	{ RM_GET, CASE_BASE_PATH "/CFLicenses" ID, NULL, case_license_get },
	{ RM_GET, CASE_BASE_PATH "/CFRubrics" ID, NULL, case_rubric_get },
};

const size_t	case_routes_count = sizeof(case_routes) / sizeof(case_routes[0]);

static void
reply_imsx_status(struct http_request *req, int http, const char *minor,
    const char *description)
{
	json_t	*doc;
	char	*text;

	http_response_header(req, "cache-control", "no-store");
	if ((doc = case_imsx_new(minor, description)) == NULL ||
	    (text = json_dumps(doc, JSON_COMPACT)) == NULL) {
		json_decref(doc);
		reply_bytes(req, 500, NULL, NULL, 0);
		return;
	}
	json_decref(doc);
	reply_bytes(req, http, "application/json", text, strlen(text));
	free(text);
}

void
case_reply_imsx(struct api_ctx *ctx, const char *minor,
    const char *description)
{
	reply_imsx_status(ctx->req, case_imsx_http(minor), minor,
	    description);
}

void
case_reply_db_error(struct api_ctx *ctx, enum db_result rc)
{
	if (rc == DB_UNAVAILABLE) {
		http_response_header(ctx->req, "retry-after", "5");
		case_reply_imsx(ctx, IMSX_SERVER_BUSY,
		    "De database is tijdelijk niet bereikbaar.");
	} else {
		case_reply_imsx(ctx, IMSX_INTERNAL,
		    "Er ging iets mis; probeer het later opnieuw.");
	}
}

/* The safety net's reply: a 500 in imsx form. */
static void
reply_internal(struct api_ctx *ctx)
{
	case_reply_imsx(ctx, IMSX_INTERNAL, "Er ging iets mis; probeer het "
	    "later opnieuw.");
}

int
case_dispatch(struct http_request *req)
{
	struct cache_capture	 cap = { 0 };
	struct api_ctx		 ctx;
	enum router_result	 rr;
	enum qs_result		 qr;
	const char		*bad;
	char			 allow[64], msg[160];

	memset(&ctx, 0, sizeof(ctx));
	ctx.req = req;
	api_request_begin(req);
	ctx.method = (req->method == HTTP_METHOD_GET ||
	    req->method == HTTP_METHOD_HEAD ||
	    req->method == HTTP_METHOD_OPTIONS) ? RM_GET : 0;

	rr = router_match(case_routes, case_routes_count, ctx.method,
	    req->path, &ctx.match);
	if (rr == ROUTER_NO_PATH) {
		case_reply_imsx(&ctx, IMSX_UNKNOWN_OBJECT,
		    "Deze URL bestaat niet in de CASE-dienst.");
		goto out;
	}
	router_allow_text(ctx.match.allowed, allow, sizeof(allow));
	if (req->method == HTTP_METHOD_OPTIONS) {
		http_response_header(req, "allow", allow);
		reply_bytes(req, 204, NULL, NULL, 0);
		goto out;
	}
	if (rr == ROUTER_NO_METHOD || ctx.method == 0) {
		http_response_header(req, "allow", allow);
		reply_imsx_status(req, 405, IMSX_UNSUPPORTED,
		    "De CASE-dienst is alleen te lezen (GET).");
		goto out;
	}
	if ((qr = qs_parse(&ctx.qs, req->query_string, &bad)) != QS_OK) {
		case_reply_imsx(&ctx, IMSX_INVALID_SELECTION_FIELD,
		    qs_result_text(qr));
		goto out;
	}
	if ((bad = qs_first_unknown(&ctx.qs, ctx.match.route->query)) !=
	    NULL) {
		(void)utf8_fmt(msg, sizeof(msg), "Onbekende parameter: %s.",
		    bad);
		case_reply_imsx(&ctx, IMSX_INVALID_SELECTION_FIELD, msg);
		goto out;
	}
	/* The provider is public and read-only: the response cache. */
	if (cache_route(ctx.match.route->pattern) &&
	    cache_before(req, &cap) == 1)
		goto out;
	dispatch_run(&ctx, reply_internal);
	cache_after(&cap);
out:
	qs_free(&ctx.qs);
	api_request_end();
	return (KORE_RESULT_OK);
}
