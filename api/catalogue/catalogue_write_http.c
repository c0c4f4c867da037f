/*
 * h_catalogue_write: curators' changes to the catalogue.
 *
 *   POST   /api/v1/frameworks               PATCH /api/v1/frameworks/{code}
 *   POST   /api/v1/frameworks/{code}/goals  PATCH|DELETE /api/v1/goals/{id}
 *   POST   /api/v1/goals/{id}/relations     GET|DELETE /api/v1/relations/{id}
 *   POST   /api/v1/lessons                  PATCH|DELETE /api/v1/lessons/{id}
 *   POST   /api/v1/lessons/{id}/alignments  GET|DELETE /api/v1/alignments/{id}
 *
 * Each request is one transaction: the change and the read-back of the
 * reply run inside it, and any refusal rolls it back, so that a refused
 * request changes nothing.  Bodies are checked field by field
 * (json_fields.c) before anything reaches the database; what only the
 * database can know (references, duplicates, the goal tree) it refuses
 * itself and the refusal becomes a problem document naming the field.
 * Lessons are versioned (ETag / If-Match).  Role checks are the
 * dispatcher's (one rule per route): nothing here depends on who asks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "catalogue/catalogue_db.h"
#include "catalogue/catalogue_write_db.h"
#include "catalogue/lessons_db.h"
#include "http/handlers.h"
#include "core/json_fields.h"
#include "core/problem.h"
#include "http/reply.h"

static const char *const	fw_status[] = { "adopted", "concept",
				    "deprecated", NULL };
static const char *const	goal_status[] = { "current", "deprecated",
				    NULL };
static const char *const	confidences[] = { "verbatim", "paraphrase",
				    "inferred", NULL };
static const char *const	relation_types[] = { "isChildOf", "isPeerOf",
				    "isPartOf", "exactMatchOf", "precedes",
				    "isRelatedTo", "replacedBy", "exemplar",
				    "hasSkillLevel", NULL };
static const char *const	emphases[] = { "introduce", "practise",
				    "deepen", NULL };
static const char *const	lesson_status[] = { "draft", "published",
				    NULL };

#define F(n, t, r, lo, hi, items, w)	{ n, t, r, lo, hi, items, w }
#define SOURCE_FIELDS							\
	F("source",	FT_STRING, 1, 0, 500, 0, NULL),			\
	F("source_url",	FT_URL, 0, 0, 2000, 0, NULL),			\
	F("note",	FT_TEXT, 0, 0, 4000, 0, NULL)

/* The code comes first: PATCH takes the fields after it. */
static const struct field_spec	framework_fields[] = {
	F("code",	FT_CODE, 1, 0, 64, 0, NULL),
	F("title",	FT_STRING, 1, 0, 300, 0, NULL),
	F("title_en",	FT_TEXT, 0, 0, 300, 0, NULL),
	F("publisher",	FT_TEXT, 0, 0, 300, 0, NULL),
	F("year",	FT_INT, 0, 1900, 2100, 0, NULL),
	F("version",	FT_TEXT, 0, 0, 100, 0, NULL),
	F("language",	FT_CODE, 0, 0, 2, 0, NULL),
	F("status",	FT_ENUM, 1, 0, 0, 0, fw_status),
	F("status_note", FT_TEXT, 0, 0, 2000, 0, NULL),
	SOURCE_FIELDS,
};

static const struct field_spec	goal_fields[] = {
	F("code",	FT_CODE, 0, 0, 100, 0, NULL),
	F("kind",	FT_STRING, 1, 0, 60, 0, NULL),
	F("title",	FT_STRING, 1, 0, 1000, 0, NULL),
	F("description", FT_TEXT, 0, 0, 10000, 0, NULL),
	F("alt_titles",	FT_STRING_ARRAY, 0, 0, 1000, 20, NULL),
	F("parent_id",	FT_UUID, 0, 0, 0, 0, NULL),
	F("position",	FT_INT, 0, 0, 100000, 0, NULL),
	F("status",	FT_ENUM, 0, 0, 0, 0, goal_status),
	F("levels",	FT_CODE_ARRAY, 0, 0, 100, 40, NULL),
	F("confidence",	FT_ENUM, 1, 0, 0, 0, confidences),
	SOURCE_FIELDS,
};

static const struct field_spec	relation_fields[] = {
	F("type",	FT_ENUM, 1, 0, 0, 0, relation_types),
	F("goal_id",	FT_UUID, 1, 0, 0, 0, NULL),
	F("sequence_number", FT_INT, 0, 0, 100000, 0, NULL),
	F("confidence",	FT_ENUM, 1, 0, 0, 0, confidences),
	SOURCE_FIELDS,
};

/* One key message (kernboodschap) of a lesson, checked to the leaf. */
static const struct field_spec	key_message_fields[] = {
	F("number",	FT_INT, 1, 1, 100, 0, NULL),
	F("title",	FT_STRING, 1, 0, 300, 0, NULL),
	F("text",	FT_TEXT, 0, 0, 10000, 0, NULL),
	F("items",	FT_STRING_ARRAY, 0, 0, 2000, 50, NULL),
	F("closing",	FT_TEXT, 0, 0, 2000, 0, NULL),
	F("about_others_title", FT_TEXT, 0, 0, 300, 0, NULL),
	F("about_others", FT_STRING_ARRAY, 0, 0, 2000, 50, NULL),
};

static const struct field_spec	lesson_fields[] = {
	F("code",	FT_CODE, 0, 0, 64, 0, NULL),
	F("programme",	FT_CODE, 0, 0, 64, 0, NULL),
	F("title",	FT_STRING, 1, 0, 300, 0, NULL),
	F("summary",	FT_TEXT, 0, 0, 10000, 0, NULL),
	F("duration_minutes", FT_INT, 0, 1, 1440, 0, NULL),
	F("themes",	FT_STRING_ARRAY, 0, 0, 100, 30, NULL),
	F("format",	FT_TEXT, 0, 0, 200, 0, NULL),
	F("language",	FT_CODE, 0, 0, 2, 0, NULL),
	F("levels",	FT_CODE_ARRAY, 0, 0, 100, 40, NULL),
	F("levels_as_published", FT_TEXT, 0, 0, 300, 0, NULL),
	F("evidence_level", FT_CODE, 0, 0, 40, 0, NULL),
	F("key_messages", FT_OBJECT_ARRAY, 0, 0, 0, 50, NULL),
	F("teacher_preparation", FT_TEXT, 0, 0, 20000, 0, NULL),
	F("safety_checklist", FT_STRING_ARRAY, 0, 0, 2000, 50, NULL),
	F("sensitive_topic", FT_BOOL, 0, 0, 0, 0, NULL),
	F("status",	FT_ENUM, 0, 0, 0, 0, lesson_status),
	SOURCE_FIELDS,
};

static const struct field_spec	alignment_fields[] = {
	F("goal_id",	FT_UUID, 1, 0, 0, 0, NULL),
	F("emphasis",	FT_ENUM, 0, 0, 0, 0, emphases),
	F("published_label", FT_TEXT, 0, 0, 1000, 0, NULL),
	F("published_code", FT_TEXT, 0, 0, 100, 0, NULL),
	F("confidence",	FT_ENUM, 1, 0, 0, 0, confidences),
	SOURCE_FIELDS,
};

#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))

#define CODE_MAX	100	/* a {code} path parameter, as in GET */

/*
 * The API field of the constraints a curator's input can violate, with
 * the message for the field (PostgreSQL cuts names at 63 bytes).
 */
static const struct {
	const char	*constraint;
	const char	*field;
	const char	*message;
} constraint_fields[] = {
	{ "framework_code_key", "code", "bestaat al" },
	{ "framework_code_check", "code", "moet beginnen met een letter of "
	    "cijfer en mag verder alleen letters, cijfers, punt, liggend "
	    "streepje en streepje bevatten" },
	{ "framework_language_check", "language", "moet een taalcode van "
	    "twee kleine letters zijn (zoals nl)" },
	{ "goal_framework_code_key", "code", "bestaat al in dit kader" },
	{ "goal_parent_id_fkey", "parent_id", "verwijst naar een leerdoel "
	    "dat niet bestaat" },
	{ "goal_check", "parent_id", "een leerdoel kan niet boven zichzelf "
	    "staan" },
	{ "goal_relation_destination_goal_id_fkey", "goal_id",
	    "verwijst naar een leerdoel dat niet bestaat" },
	{ "goal_relation_check", "goal_id", "een leerdoel kan geen relatie "
	    "met zichzelf hebben" },
	{ "goal_relation_origin_goal_id_relation_type_destination_goal_key",
	    "goal_id", "deze relatie bestaat al" },
	{ "lesson_code_key", "code", "bestaat al" },
	{ "lesson_code_check", "code", "moet beginnen met een letter of "
	    "cijfer en mag verder alleen letters, cijfers, punt, liggend "
	    "streepje en streepje bevatten" },
	{ "lesson_language_check", "language", "moet een taalcode van twee "
	    "kleine letters zijn (zoals nl)" },
	{ "alignment_goal_id_fkey", "goal_id", "verwijst naar een leerdoel "
	    "dat niet bestaat" },
	{ "alignment_lesson_id_programme_id_goal_id_source_key", "goal_id",
	    "deze les is al met dit leerdoel gekoppeld (met dezelfde bron)" },
	{ "alignment_check1", "published_label", "is verplicht als "
	    "published_code is gegeven" },
};

/* What one write request carries between its steps. */
struct write {
	json_t	*body;		/* the parsed request body */
	char	*doc;		/* its compact text for SQL */
	int	 levels;	/* the body has "levels" */
	char	*out;		/* id or code the statement returned */
	char	*json;		/* the document to reply with */
};

/* Accepts a half-built w. */
static void
write_free(struct write *w)
{
	json_decref(w->body);
	free(w->doc);
	free(w->out);
	free(w->json);
	memset(w, 0, sizeof(*w));
}

static void
reply_field_problem(struct api_ctx *ctx, enum app_status s,
    const char *detail, const char *field, const char *message)
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

/*
 * Parse and check the body against specs.  ST_OK, or an error status after
 * replying with a problem document (400, 415 or 422).
 */
static enum app_status
write_body(struct api_ctx *ctx, struct write *w,
    const struct field_spec *specs, size_t n, int mode)
{
	struct param_errors	 e;
	json_t			*p;
	size_t			 i;

	if (api_json_body(ctx, &w->body) == -1)
		return (ST_BAD_REQUEST);
	if (json_fields_check(w->body, specs, n, mode, &e) > 0) {
		p = problem_new(ST_UNPROCESSABLE, "Controleer de gemarkeerde "
		    "velden.");
		for (i = 0; p != NULL && i < e.n; i++) {
			if (problem_add_error(p, e.field[i],
			    e.message[i]) == -1) {
				json_decref(p);
				p = NULL;
			}
		}
		reply_problem_doc(ctx->req, ST_UNPROCESSABLE, p);
		return (ST_UNPROCESSABLE);
	}
	/* Nested objects have their own fields (only lessons have any). */
	json_array_foreach(json_object_get(w->body, "key_messages"), i, p) {
		if (json_fields_check(p, key_message_fields,
		    NFIELDS(key_message_fields), FIELD_CREATE, &e) > 0) {
			reply_field_problem(ctx, ST_UNPROCESSABLE, "Controleer "
			    "de gemarkeerde velden.", "key_messages", "Elke "
			    "kernboodschap is {number, title} met eventueel "
			    "text, items, closing, about_others_title en "
			    "about_others.");
			return (ST_UNPROCESSABLE);
		}
	}
	w->levels = json_object_get(w->body, "levels") != NULL;
	if ((w->doc = json_dumps(w->body, JSON_COMPACT)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (ST_INTERNAL);
	}
	return (ST_OK);
}

static enum app_status
write_begin(struct api_ctx *ctx)
{
	enum db_result	rc;

	if ((rc = db_begin()) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (rc == DB_UNAVAILABLE ? ST_UNAVAILABLE : ST_INTERNAL);
	}
	return (ST_OK);
}

/*
 * A write statement failed: roll back and reply.  deleting: a foreign key
 * means "still in use" (409) rather than "refers to nothing" (422).
 */
static enum app_status
write_failed(struct api_ctx *ctx, enum db_result rc, int deleting)
{
	struct db_error	 err;
	const char	*field, *message;
	size_t		 i;

	/* Copy first: a failing ROLLBACK would overwrite it. */
	err = *db_last_error();
	db_rollback();
	switch (rc) {
	case DB_INVALID:
		reply_field_problem(ctx, ST_UNPROCESSABLE, "Controleer de "
		    "gemarkeerde velden.", err.field, err.message);
		return (ST_UNPROCESSABLE);
	case DB_STALE:
		reply_problem(ctx->req, ST_PRECONDITION_FAILED, "Dit is "
		    "intussen door iemand anders gewijzigd. Haal de nieuwste "
		    "versie op en probeer het opnieuw.");
		return (ST_PRECONDITION_FAILED);
	case DB_CONSTRAINT:
		if (strcmp(err.sqlstate, "23503") == 0 && deleting) {
			reply_problem(ctx->req, ST_CONFLICT, "Dit wordt nog "
			    "gebruikt (bijvoorbeeld door onderliggende doelen "
			    "of koppelingen) en kan niet worden verwijderd.");
			return (ST_CONFLICT);
		}
		field = err.field[0] != '\0' ? err.field : "";
		message = "voldoet niet aan de regels";
		for (i = 0; i < NFIELDS(constraint_fields); i++) {
			if (strcmp(err.constraint,
			    constraint_fields[i].constraint) == 0) {
				field = constraint_fields[i].field;
				message = constraint_fields[i].message;
				break;
			}
		}
		if (strcmp(err.sqlstate, "23505") == 0) {
			reply_field_problem(ctx, ST_CONFLICT, "Dit bestaat "
			    "al.", field, message);
			return (ST_CONFLICT);
		}
		reply_field_problem(ctx, ST_UNPROCESSABLE, "Controleer de "
		    "gemarkeerde velden.", field, message);
		return (ST_UNPROCESSABLE);
	default:
		api_reply_db_error(ctx, rc);
		return (rc == DB_UNAVAILABLE ? ST_UNAVAILABLE : ST_INTERNAL);
	}
}

/* No row matched: roll back and reply 404. */
static enum app_status
write_missing(struct api_ctx *ctx, const char *detail)
{
	db_rollback();
	reply_problem(ctx->req, ST_NOT_FOUND, detail);
	return (ST_NOT_FOUND);
}

/* Set the lesson document's version as its ETag. */
static void
lesson_etag(struct api_ctx *ctx, const char *json)
{
	json_t	*doc;
	char	 etag[32];

	if ((doc = json_loads(json, 0, NULL)) == NULL)
		return;
	(void)snprintf(etag, sizeof(etag), "\"%lld\"", (long long)
	    json_integer_value(json_object_get(doc, "version")));
	http_response_header(ctx->req, "etag", etag);
	json_decref(doc);
}

/*
 * Finish a write that succeeded: read the resource back by key inside the
 * transaction, commit, and reply s (201 with Location when location is
 * given, else 200); lessons get their ETag.
 */
static enum app_status
write_finish(struct api_ctx *ctx, struct write *w,
    enum db_result (*get)(const char *, char **), const char *key,
    enum app_status s, const char *location)
{
	enum db_result	rc;

	if ((rc = get(key, &w->json)) != DB_OK)
		return (write_failed(ctx, rc, 0));
	if (w->json == NULL)
		return (write_failed(ctx, DB_ERROR, 0));
	if ((rc = db_commit()) != DB_OK)
		return (write_failed(ctx, rc, 0));
	if (location != NULL)
		http_response_header(ctx->req, "location", location);
	if (get == db_lesson_get)
		lesson_etag(ctx, w->json);
	reply_json_text(ctx->req, s, w->json);
	return (s);
}

/*
 * The version from If-Match ("3" or W/"3"), which lessons require;
 * ST_OK or the status replied.
 */
static enum app_status
if_match(struct api_ctx *ctx, char *buf, size_t len)
{
	if (api_if_match(ctx, buf, len) == -1)
		return (ST_BAD_REQUEST);
	if (buf[0] == '\0') {
		reply_problem(ctx->req, ST_PRECONDITION_REQUIRED, "Stuur de "
		    "versie mee in If-Match (de ETag van de les).");
		return (ST_PRECONDITION_REQUIRED);
	}
	return (ST_OK);
}

/* The {id} path parameter as a UUID, or NULL after a 404. */
static const char *
path_uuid(struct api_ctx *ctx)
{
	const char	*id;

	id = router_param(&ctx->match, "id");
	if (!param_is_uuid(id)) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Niet gevonden (een id "
		    "is een UUID).");
		return (NULL);
	}
	return (id);
}

/* The {code} path parameter of a framework, or NULL after a 404. */
static const char *
path_code(struct api_ctx *ctx)
{
	const char	*code;

	code = router_param(&ctx->match, "code");
	if (!param_is_code(code, CODE_MAX)) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Dit kader bestaat "
		    "niet.");
		return (NULL);
	}
	return (code);
}

int
api_framework_create(struct api_ctx *ctx)
{
	struct write	 w = { 0 };
	enum db_result	 rc;
	char		 loc[160];
	enum app_status	 status;

	if ((status = write_body(ctx, &w, framework_fields,
	    NFIELDS(framework_fields), FIELD_CREATE)) != ST_OK ||
	    (status = write_begin(ctx)) != ST_OK)
		goto out;
	if ((rc = db_framework_create(w.doc, &w.out)) != DB_OK ||
	    w.out == NULL) {
		status = write_failed(ctx, rc == DB_OK ? DB_ERROR : rc, 0);
		goto out;
	}
	(void)snprintf(loc, sizeof(loc), "/api/v1/frameworks/%s", w.out);
	status = write_finish(ctx, &w, db_framework_get, w.out, ST_CREATED,
	    loc);
out:
	write_free(&w);
	return (status);
}

int
api_framework_update(struct api_ctx *ctx)
{
	struct write	 w = { 0 };
	const char	*code;
	enum db_result	 rc;
	enum app_status	 status;

	status = ST_NOT_FOUND;
	if ((code = path_code(ctx)) == NULL)
		goto out;
	/* The code is the framework's identity: PATCH takes the rest. */
	if ((status = write_body(ctx, &w, framework_fields + 1,
	    NFIELDS(framework_fields) - 1, FIELD_PATCH)) != ST_OK ||
	    (status = write_begin(ctx)) != ST_OK)
		goto out;
	if ((rc = db_framework_update(code, w.doc, &w.out)) != DB_OK) {
		status = write_failed(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = write_missing(ctx, "Dit kader bestaat niet.");
		goto out;
	}
	status = write_finish(ctx, &w, db_framework_get, code, ST_OK, NULL);
out:
	write_free(&w);
	return (status);
}

int
api_goal_create(struct api_ctx *ctx)
{
	struct write	 w = { 0 };
	const char	*code;
	enum db_result	 rc;
	char		 loc[96];
	enum app_status	 status;

	status = ST_NOT_FOUND;
	if ((code = path_code(ctx)) == NULL)
		goto out;
	if ((status = write_body(ctx, &w, goal_fields, NFIELDS(goal_fields),
	    FIELD_CREATE)) != ST_OK || (status = write_begin(ctx)) != ST_OK)
		goto out;
	if ((rc = db_goal_create(code, w.doc, w.levels, &w.out)) != DB_OK) {
		status = write_failed(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = write_missing(ctx, "Dit kader bestaat niet.");
		goto out;
	}
	(void)snprintf(loc, sizeof(loc), "/api/v1/goals/%s", w.out);
	status = write_finish(ctx, &w, db_goal_get, w.out, ST_CREATED, loc);
out:
	write_free(&w);
	return (status);
}

int
api_goal_update(struct api_ctx *ctx)
{
	struct write	 w = { 0 };
	const char	*id;
	enum db_result	 rc;
	enum app_status	 status;

	status = ST_NOT_FOUND;
	if ((id = path_uuid(ctx)) == NULL)
		goto out;
	if ((status = write_body(ctx, &w, goal_fields, NFIELDS(goal_fields),
	    FIELD_PATCH)) != ST_OK || (status = write_begin(ctx)) != ST_OK)
		goto out;
	if ((rc = db_goal_update(id, w.doc, w.levels, &w.out)) != DB_OK) {
		status = write_failed(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = write_missing(ctx, "Dit leerdoel bestaat niet.");
		goto out;
	}
	status = write_finish(ctx, &w, db_goal_get, id, ST_OK, NULL);
out:
	write_free(&w);
	return (status);
}

/*
 * DELETE of a row by its {id} with del, or of a lesson at version (its
 * If-Match) when del is NULL.  204, 404, 412, or 409 while it is in use.
 */
static enum app_status
delete_by_id(struct api_ctx *ctx, const char *id, const char *version,
    enum db_result (*del)(const char *, char **), const char *missing)
{
	enum app_status	 status;
	enum db_result	 rc;
	char		*out;

	out = NULL;
	if ((status = write_begin(ctx)) != ST_OK)
		goto out;
	rc = del != NULL ? del(id, &out) : db_lesson_delete(id, version, &out);
	if (rc != DB_OK) {
		status = write_failed(ctx, rc, 1);
		goto out;
	}
	if (out == NULL) {
		status = write_missing(ctx, missing);
		goto out;
	}
	if ((rc = db_commit()) != DB_OK) {
		status = write_failed(ctx, rc, 1);
		goto out;
	}
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
	status = ST_NO_CONTENT;
out:
	free(out);
	return (status);
}

/* GET of a single row by its {id}. */
static enum app_status
get_by_id(struct api_ctx *ctx, enum db_result (*get)(const char *,
    char **), const char *missing)
{
	const char	*id;
	enum db_result	 rc;
	char		*json;

	if ((id = path_uuid(ctx)) == NULL)
		return (ST_NOT_FOUND);
	if ((rc = get(id, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (rc == DB_UNAVAILABLE ? ST_UNAVAILABLE : ST_INTERNAL);
	}
	api_reply_document(ctx, json, missing);
	return (ST_OK);
}

int
api_goal_delete(struct api_ctx *ctx)
{
	const char	*id;

	if ((id = path_uuid(ctx)) == NULL)
		return (ST_NOT_FOUND);
	return (delete_by_id(ctx, id, NULL, db_goal_delete, "Dit leerdoel "
	    "bestaat niet."));
}

/* A row created under the {id} path parameter: relations, alignments. */
struct child_create {
	const struct field_spec	 *specs;
	size_t			  nspecs;
	enum db_result		(*create)(const char *, const char *, char **);
	enum db_result		(*get)(const char *, char **);
	const char		 *missing;	/* the parent does not exist */
	const char		 *location;	/* prefix of the new row's path */
};

static enum app_status
create_child(struct api_ctx *ctx, const struct child_create *c)
{
	struct write	 w = { 0 };
	const char	*id;
	enum db_result	 rc;
	char		 loc[96];
	enum app_status	 status;

	status = ST_NOT_FOUND;
	if ((id = path_uuid(ctx)) == NULL)
		goto out;
	if ((status = write_body(ctx, &w, c->specs, c->nspecs,
	    FIELD_CREATE)) != ST_OK || (status = write_begin(ctx)) != ST_OK)
		goto out;
	if ((rc = c->create(id, w.doc, &w.out)) != DB_OK) {
		status = write_failed(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = write_missing(ctx, c->missing);
		goto out;
	}
	(void)snprintf(loc, sizeof(loc), "%s%s", c->location, w.out);
	status = write_finish(ctx, &w, c->get, w.out, ST_CREATED, loc);
out:
	write_free(&w);
	return (status);
}

int
api_relation_create(struct api_ctx *ctx)
{
	static const struct child_create c = { relation_fields,
	    NFIELDS(relation_fields), db_relation_create, db_relation_get,
	    "Dit leerdoel bestaat niet.", "/api/v1/relations/" };

	return (create_child(ctx, &c));
}

int
api_relation_get(struct api_ctx *ctx)
{
	return (get_by_id(ctx, db_relation_get, "Deze relatie bestaat "
	    "niet."));
}

int
api_relation_delete(struct api_ctx *ctx)
{
	const char	*id;

	if ((id = path_uuid(ctx)) == NULL)
		return (ST_NOT_FOUND);
	return (delete_by_id(ctx, id, NULL, db_relation_delete, "Deze "
	    "relatie bestaat niet."));
}

int
api_lesson_create(struct api_ctx *ctx)
{
	struct write	 w = { 0 };
	enum db_result	 rc;
	char		 loc[96];
	enum app_status	 status;

	if ((status = write_body(ctx, &w, lesson_fields,
	    NFIELDS(lesson_fields), FIELD_CREATE)) != ST_OK ||
	    (status = write_begin(ctx)) != ST_OK)
		goto out;
	if ((rc = db_lesson_create(w.doc, w.levels, &w.out)) != DB_OK ||
	    w.out == NULL) {
		status = write_failed(ctx, rc == DB_OK ? DB_ERROR : rc, 0);
		goto out;
	}
	(void)snprintf(loc, sizeof(loc), "/api/v1/lessons/%s", w.out);
	status = write_finish(ctx, &w, db_lesson_get, w.out, ST_CREATED, loc);
out:
	write_free(&w);
	return (status);
}

int
api_lesson_update(struct api_ctx *ctx)
{
	struct write	 w = { 0 };
	const char	*id;
	enum db_result	 rc;
	char		 version[16];
	enum app_status	 status;

	status = ST_NOT_FOUND;
	if ((id = path_uuid(ctx)) == NULL)
		goto out;
	if ((status = if_match(ctx, version, sizeof(version))) != ST_OK ||
	    (status = write_body(ctx, &w, lesson_fields,
	    NFIELDS(lesson_fields), FIELD_PATCH)) != ST_OK ||
	    (status = write_begin(ctx)) != ST_OK)
		goto out;
	if ((rc = db_lesson_update(id, version, w.doc, w.levels, &w.out)) !=
	    DB_OK) {
		status = write_failed(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = write_missing(ctx, "Deze les bestaat niet.");
		goto out;
	}
	status = write_finish(ctx, &w, db_lesson_get, id, ST_OK, NULL);
out:
	write_free(&w);
	return (status);
}

int
api_lesson_delete(struct api_ctx *ctx)
{
	const char	*id;
	char		 version[16];
	enum app_status	 status;

	if ((id = path_uuid(ctx)) == NULL)
		return (ST_NOT_FOUND);
	if ((status = if_match(ctx, version, sizeof(version))) != ST_OK)
		return (status);
	return (delete_by_id(ctx, id, version, NULL, "Deze les bestaat "
	    "niet."));
}

int
api_alignment_create(struct api_ctx *ctx)
{
	static const struct child_create c = { alignment_fields,
	    NFIELDS(alignment_fields), db_alignment_create, db_alignment_get,
	    "Deze les bestaat niet.", "/api/v1/alignments/" };

	return (create_child(ctx, &c));
}

int
api_alignment_get(struct api_ctx *ctx)
{
	return (get_by_id(ctx, db_alignment_get, "Deze koppeling bestaat "
	    "niet."));
}

int
api_alignment_delete(struct api_ctx *ctx)
{
	const char	*id;

	if ((id = path_uuid(ctx)) == NULL)
		return (ST_NOT_FOUND);
	return (delete_by_id(ctx, id, NULL, db_alignment_delete, "Deze "
	    "koppeling bestaat niet."));
}
