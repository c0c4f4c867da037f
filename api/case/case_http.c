/*
 * h_case: the IMS CASE 1.0 provider, read-only.
 *
 *   GET /ims/case/v1p0/CFDocuments?limit&offset&sort&orderBy&filter
 *   GET /ims/case/v1p0/{CFDocuments,CFPackages,CFItems,CFAssociations,
 *       CFItemAssociations,CFAssociationGroupings,CFConcepts,CFSubjects,
 *       CFItemTypes,CFLicenses,CFRubrics}/{id}
 *
 * PostgreSQL builds the documents (schema/functions/case.sql); case_level.c
 * turns the goals' levels into educationLevel.  Errors are imsx_StatusInfo
 * documents (case_dispatch.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "case/case_level.h"
#include "case/case_package.h"
#include "case/case_provider.h"
#include "case/case_query.h"
#include "case/case_db.h"
#include "db/db_read.h"
#include "core/params.h"
#include "http/reply.h"
#include "core/settings.h"
#include "core/utf8.h"

#define LIST_LIMIT_DEFAULT	100
#define LIST_LIMIT_MAX		1000

static const char *
base_url(void)
{
	return (settings_current()->base_url);
}

/*
 * Reply with a document built by PostgreSQL (json, freed here), or 404
 * unknownobject when it is NULL.  levels: fill educationLevel first.
 */
static void
reply_document(struct api_ctx *ctx, char *json, int levels,
    const char *what)
{
	json_t	*doc;
	char	 msg[128];

	doc = NULL;
	if (json == NULL) {
		(void)utf8_fmt(msg, sizeof(msg), "%s bestaat niet.", what);
		case_reply_imsx(ctx, IMSX_UNKNOWN_OBJECT, msg);
		goto out;
	}
	if (!levels) {
		reply_json_text(ctx->req, ST_OK, json);
		goto out;
	}
	if ((doc = json_loads(json, 0, NULL)) == NULL ||
	    case_level_fill(doc) == -1) {
		case_reply_imsx(ctx, IMSX_INTERNAL, "Het document kon niet "
		    "worden opgebouwd.");
		goto out;
	}
	reply_json(ctx->req, ST_OK, doc);
	doc = NULL;
out:
	json_decref(doc);
	free(json);
}

/* The {id} path parameter as a UUID, or NULL after a 400 invalid_uuid. */
static const char *
path_id(struct api_ctx *ctx)
{
	const char	*id;

	id = router_param(&ctx->match, "id");
	if (!param_is_uuid(id)) {
		case_reply_imsx(ctx, IMSX_INVALID_UUID, "De identifier is "
		    "geen UUID.");
		return (NULL);
	}
	return (id);
}

static void
get_object(struct api_ctx *ctx, enum case_object what, int levels,
    const char *name)
{
	struct db_freshness	 f;
	const char		*id;
	enum db_result		 rc;
	char			*json;

	if ((id = path_id(ctx)) == NULL)
		return;
	if (what == CASE_PACKAGE) {
		rc = db_case_package(base_url(), id, &json, &f);
		api_freshness_header(ctx, &f);
	} else
		rc = db_case_object(what, base_url(), id, &json);
	if (rc != DB_OK) {
		case_reply_db_error(ctx, rc);
		return;
	}
	reply_document(ctx, json, levels, name);
}

static void
get_definition(struct api_ctx *ctx, const char *kind, const char *name)
{
	const char	*id;
	enum db_result	 rc;
	char		*json;

	if ((id = path_id(ctx)) == NULL)
		return;
	if ((rc = db_case_definition(base_url(), kind, id, &json)) != DB_OK) {
		case_reply_db_error(ctx, rc);
		return;
	}
	reply_document(ctx, json, 0, name);
}

/* The handlers of single objects and definitions, one line each. */
#define OBJECT(name, what, levels, label)				\
	void name(struct api_ctx *ctx) { get_object(ctx, what, levels, label); }
#define DEFINITION(name, kind, label)					\
	void name(struct api_ctx *ctx) { get_definition(ctx, kind, label); }

OBJECT(case_document_get, CASE_DOCUMENT, 0, "Dit CFDocument")
OBJECT(case_package_get, CASE_PACKAGE, 1, "Dit CFPackage")
OBJECT(case_item_get, CASE_ITEM, 1, "Dit CFItem")
OBJECT(case_association_get, CASE_ASSOCIATION, 0, "Deze CFAssociation")
OBJECT(case_item_associations_get, CASE_ITEM_ASSOCIATIONS, 1, "Dit CFItem")
DEFINITION(case_concept_get, "CFConcepts", "Dit CFConcept")
DEFINITION(case_subject_get, "CFSubjects", "Dit CFSubject")
DEFINITION(case_item_type_get, "CFItemTypes", "Dit CFItemType")
DEFINITION(case_license_get, "CFLicenses", "Deze CFLicense")
DEFINITION(case_grouping_get, "CFAssociationGroupings",
    "Deze CFAssociationGrouping")
DEFINITION(case_rubric_get, "CFRubrics", "Deze CFRubric")

void
case_documents_list(struct api_ctx *ctx)
{
	struct case_filter	 f;
	const char		*limit_s, *offset_s, *sort, *order, *filter;
	const char		*why;
	json_t			*doc, *fj;
	enum db_result		 rc;
	char			*json, *ftext, msg[200], total[24];
	long			 limit, offset;

	json = ftext = NULL;
	doc = fj = NULL;
	limit = LIST_LIMIT_DEFAULT;
	offset = 0;
	limit_s = api_query(ctx, "limit");
	offset_s = api_query(ctx, "offset");
	sort = api_query(ctx, "sort");
	order = api_query(ctx, "orderBy");
	filter = api_query(ctx, "filter");
	if ((limit_s != NULL && !param_int(limit_s, 1, LIST_LIMIT_MAX,
	    &limit)) || (offset_s != NULL &&
	    !param_int(offset_s, 0, 1000000, &offset))) {
		case_reply_imsx(ctx, IMSX_INVALID_SELECTION_FIELD, "limit "
		    "moet 1 tot 1000 zijn en offset 0 of meer.");
		goto out;
	}
	if (sort != NULL && !case_document_field(sort)) {
		case_reply_imsx(ctx, IMSX_INVALID_SORT_FIELD, "sort moet een "
		    "veld van CFDocument zijn (bijvoorbeeld title).");
		goto out;
	}
	if (order != NULL && strcmp(order, "asc") != 0 &&
	    strcmp(order, "desc") != 0) {
		case_reply_imsx(ctx, IMSX_INVALID_SORT_FIELD, "orderBy moet "
		    "asc of desc zijn.");
		goto out;
	}
	if (filter != NULL) {
		if (case_filter_parse(filter, &f, &why) == -1) {
			(void)utf8_fmt(msg, sizeof(msg), "filter: %s.", why);
			case_reply_imsx(ctx, IMSX_INVALID_SELECTION_FIELD, msg);
			goto out;
		}
		if ((fj = case_filter_json(&f)) == NULL ||
		    (ftext = json_dumps(fj, JSON_COMPACT)) == NULL) {
			case_reply_imsx(ctx, IMSX_INTERNAL, NULL);
			goto out;
		}
	}
	if ((rc = db_case_documents(base_url(), ftext,
	    sort != NULL ? sort : "title",
	    order != NULL && strcmp(order, "desc") == 0, limit, offset,
	    &json)) != DB_OK || json == NULL) {
		case_reply_db_error(ctx, rc == DB_OK ? DB_ERROR : rc);
		goto out;
	}
	if ((doc = json_loads(json, 0, NULL)) == NULL) {
		case_reply_imsx(ctx, IMSX_INTERNAL, NULL);
		goto out;
	}
	(void)snprintf(total, sizeof(total), "%lld", (long long)
	    json_integer_value(json_object_get(doc, "total")));
	http_response_header(ctx->req, "x-total-count", total);
	json_object_del(doc, "total");
	reply_json(ctx->req, ST_OK, doc);
	doc = NULL;
out:
	json_decref(doc);
	json_decref(fj);
	free(ftext);
	free(json);
}
