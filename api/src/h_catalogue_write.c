/*
 * h_catalogue_write: curators' changes to the catalogue.
 *
 *   POST   /api/v1/frameworks               PATCH /api/v1/frameworks/{code}
 *   POST   /api/v1/frameworks/{code}/goals  PATCH|DELETE /api/v1/goals/{id}
 *   POST   /api/v1/goals/{id}/relations     GET|DELETE /api/v1/relations/{id}
 *   POST   /api/v1/lessons                  PATCH|DELETE /api/v1/lessons/{id}
 *   POST   /api/v1/lessons/{id}/alignments  GET|DELETE /api/v1/alignments/{id}
 *
 * Each request is one transaction.  Bodies are checked field by field
 * (json_fields.c) before anything reaches the database; lessons are
 * versioned (ETag / If-Match).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "db_catalogue.h"
#include "db_catalogue_write.h"
#include "db_lessons.h"
#include "handlers.h"
#include "json_fields.h"
#include "problem.h"
#include "reply.h"

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
	F("source_url",	FT_TEXT, 0, 0, 2000, 0, NULL),			\
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
	F("key_messages", FT_JSON_ARRAY, 0, 0, 0, 50, NULL),
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

/* What one write request carries between its steps. */
struct write {
	json_t	*body;		/* the parsed request body */
	char	*doc;		/* its compact text for SQL */
	int	 levels;	/* the body has "levels" */
	char	*out;		/* id or code the statement returned */
	char	*json;		/* the document to reply with */
};

static void
write_free(struct write *w)
{
	json_decref(w->body);
	free(w->doc);
	free(w->out);
	free(w->json);
	memset(w, 0, sizeof(*w));
}

/*
 * Parse and check the body against specs; on failure reply (400/415/422)
 * and return -1.
 */
static int
write_body(struct api_ctx *ctx, struct write *w,
    const struct field_spec *specs, size_t n, int mode)
{
	struct param_errors	 e;
	json_t			*p;
	size_t			 i;

	if (api_json_body(ctx, &w->body) == -1)
		return (-1);
	if (json_fields_check(w->body, specs, n, mode, &e) > 0) {
		p = problem_new(ST_UNPROCESSABLE, "Controleer de gemarkeerde "
		    "velden.");
		for (i = 0; p != NULL && i < e.n; i++)
			(void)problem_add_error(p, e.field[i], e.message[i]);
		reply_problem_doc(ctx->req, ST_UNPROCESSABLE, p);
		return (-1);
	}
	w->levels = json_object_get(w->body, "levels") != NULL;
	if ((w->doc = json_dumps(w->body, JSON_COMPACT)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (-1);
	}
	return (0);
}

/* The API field a constraint of table is about ("goal_id"). */
static void
constraint_field(const struct db_error *err, char *field, size_t len)
{
	const char	*c;
	size_t		 tlen, n;

	c = err->constraint;
	tlen = strlen(err->table);
	if (tlen > 0 && strncmp(c, err->table, tlen) == 0 && c[tlen] == '_')
		c += tlen + 1;
	(void)snprintf(field, len, "%s", c);
	n = strlen(field);
	if (n > 5 && strcmp(field + n - 5, "_fkey") == 0)
		field[n - 5] = '\0';
	else if (n > 6 && strcmp(field + n - 6, "_check") == 0)
		field[n - 6] = '\0';
	else if (n > 4 && strcmp(field + n - 4, "_key") == 0)
		field[n - 4] = '\0';
	if (strcmp(field, "destination_goal_id") == 0)
		(void)snprintf(field, len, "goal_id");
	else if (strcmp(field, "evidence_level_code") == 0)
		(void)snprintf(field, len, "evidence_level");
}

static void
reply_field_problem(struct api_ctx *ctx, enum app_status s,
    const char *detail, const char *field, const char *message)
{
	json_t	*p;

	p = problem_new(s, detail);
	if (p != NULL && field[0] != '\0')
		(void)problem_add_error(p, field, message);
	reply_problem_doc(ctx->req, s, p);
}

/* Reply for a failed write statement; the transaction is rolled back. */
static int
reply_write_error(struct api_ctx *ctx, enum db_result rc, int deleting)
{
	const struct db_error	*err;
	char			 field[64];

	db_rollback();
	err = db_last_error();
	switch (rc) {
	case DB_INVALID:
		reply_field_problem(ctx, ST_UNPROCESSABLE, "Controleer de "
		    "gemarkeerde velden.", err->field, err->message);
		return (ST_UNPROCESSABLE);
	case DB_STALE:
		reply_problem(ctx->req, ST_PRECONDITION_FAILED, "Dit is "
		    "intussen door iemand anders gewijzigd. Haal de nieuwste "
		    "versie op en probeer het opnieuw.");
		return (ST_PRECONDITION_FAILED);
	case DB_CONSTRAINT:
		constraint_field(err, field, sizeof(field));
		if (err->field[0] != '\0')
			(void)snprintf(field, sizeof(field), "%s", err->field);
		if (strcmp(err->sqlstate, "23505") == 0) {
			reply_field_problem(ctx, ST_CONFLICT, "Dit bestaat al.",
			    field, "moet uniek zijn");
			return (ST_CONFLICT);
		}
		if (strcmp(err->sqlstate, "23503") == 0 && deleting) {
			reply_problem(ctx->req, ST_CONFLICT, "Dit wordt nog "
			    "gebruikt (bijvoorbeeld door onderliggende doelen "
			    "of koppelingen) en kan niet worden verwijderd.");
			return (ST_CONFLICT);
		}
		reply_field_problem(ctx, ST_UNPROCESSABLE, "Controleer de "
		    "gemarkeerde velden.", field,
		    strcmp(err->sqlstate, "23503") == 0 ?
		    "verwijst naar iets dat niet bestaat" :
		    "voldoet niet aan de regels");
		return (ST_UNPROCESSABLE);
	default:
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
}

/* The version from If-Match ("3" or W/"3"); -1 after replying. */
static int
if_match(struct api_ctx *ctx, char *buf, size_t len)
{
	const char	*v;
	long		 n;
	char		 digits[16];
	size_t		 dl;

	if (!http_request_header(ctx->req, "if-match", &v)) {
		reply_problem(ctx->req, ST_PRECONDITION_REQUIRED, "Stuur de "
		    "versie mee in If-Match (de ETag van de les).");
		return (-1);
	}
	if (strncmp(v, "W/", 2) == 0)
		v += 2;
	dl = strlen(v);
	if (dl < 3 || dl - 2 >= sizeof(digits) || v[0] != '"' ||
	    v[dl - 1] != '"') {
		reply_problem(ctx->req, ST_BAD_REQUEST, "If-Match moet een "
		    "ETag zijn, zoals \"3\".");
		return (-1);
	}
	memcpy(digits, v + 1, dl - 2);
	digits[dl - 2] = '\0';
	if (!param_int(digits, 1, 2147483647, &n)) {
		reply_problem(ctx->req, ST_BAD_REQUEST, "If-Match moet een "
		    "ETag zijn, zoals \"3\".");
		return (-1);
	}
	(void)snprintf(buf, len, "%ld", n);
	return (0);
}

/* The {name} path parameter as a UUID, or NULL after a 404. */
static const char *
path_uuid(struct api_ctx *ctx, const char *name)
{
	const char	*id;

	id = router_param(&ctx->match, name);
	if (!param_is_uuid(id)) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Niet gevonden (een id "
		    "is een UUID).");
		return (NULL);
	}
	return (id);
}

static int
commit(struct api_ctx *ctx)
{
	enum db_result	rc;

	if ((rc = db_commit()) != DB_OK) {
		reply_write_error(ctx, rc, 0);
		return (-1);
	}
	return (0);
}

/*
 * Finish a create: commit, then reply 201 with Location and the new
 * resource as read back by get.
 */
static int
reply_created(struct api_ctx *ctx, struct write *w, const char *location,
    enum db_result (*get)(const char *, char **))
{
	enum db_result	rc;

	if (commit(ctx) == -1)
		return (ST_INTERNAL);
	if ((rc = get(w->out, &w->json)) != DB_OK || w->json == NULL) {
		api_reply_db_error(ctx, rc == DB_OK ? DB_ERROR : rc);
		return (ST_INTERNAL);
	}
	http_response_header(ctx->req, "location", location);
	reply_json_text(ctx->req, ST_CREATED, w->json);
	return (ST_CREATED);
}

/* Finish an update: commit and reply 200 with the resource. */
static int
reply_updated(struct api_ctx *ctx, struct write *w, const char *key,
    enum db_result (*get)(const char *, char **))
{
	enum db_result	rc;

	if (commit(ctx) == -1)
		return (ST_INTERNAL);
	if ((rc = get(key, &w->json)) != DB_OK || w->json == NULL) {
		api_reply_db_error(ctx, rc == DB_OK ? DB_ERROR : rc);
		return (ST_INTERNAL);
	}
	reply_json_text(ctx->req, ST_OK, w->json);
	return (ST_OK);
}

static int
begin(struct api_ctx *ctx)
{
	enum db_result	rc;

	if ((rc = db_begin()) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	return (0);
}

/* No row matched: roll back and reply 404. */
static int
reply_missing(struct api_ctx *ctx, const char *detail)
{
	db_rollback();
	reply_problem(ctx->req, ST_NOT_FOUND, detail);
	return (ST_NOT_FOUND);
}

int
api_framework_create(struct api_ctx *ctx)
{
	struct write	 w = { 0 };
	enum db_result	 rc;
	char		 loc[160];
	int		 status;

	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, framework_fields, NFIELDS(framework_fields),
	    FIELD_CREATE) == -1 || begin(ctx) == -1)
		goto out;
	if ((rc = db_framework_create(w.doc, &w.out)) != DB_OK) {
		status = reply_write_error(ctx, rc, 0);
		goto out;
	}
	(void)snprintf(loc, sizeof(loc), "/api/v1/frameworks/%s", w.out);
	status = reply_created(ctx, &w, loc, db_framework_get);
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
	int		 status;

	status = ST_UNPROCESSABLE;
	code = router_param(&ctx->match, "code");
	if (write_body(ctx, &w, framework_fields + 1,
	    NFIELDS(framework_fields) - 1, FIELD_PATCH) == -1 ||
	    begin(ctx) == -1)
		goto out;
	if ((rc = db_framework_update(code, w.doc, &w.out)) != DB_OK) {
		status = reply_write_error(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = reply_missing(ctx, "Dit kader bestaat niet.");
		goto out;
	}
	status = reply_updated(ctx, &w, code, db_framework_get);
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
	int		 status;

	status = ST_UNPROCESSABLE;
	code = router_param(&ctx->match, "code");
	if (write_body(ctx, &w, goal_fields, NFIELDS(goal_fields),
	    FIELD_CREATE) == -1 || begin(ctx) == -1)
		goto out;
	if ((rc = db_goal_create(code, w.doc, w.levels, &w.out)) != DB_OK) {
		status = reply_write_error(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = reply_missing(ctx, "Dit kader bestaat niet.");
		goto out;
	}
	(void)snprintf(loc, sizeof(loc), "/api/v1/goals/%s", w.out);
	status = reply_created(ctx, &w, loc, db_goal_get);
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
	int		 status;

	status = ST_NOT_FOUND;
	if ((id = path_uuid(ctx, "id")) == NULL)
		goto out;
	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, goal_fields, NFIELDS(goal_fields),
	    FIELD_PATCH) == -1 || begin(ctx) == -1)
		goto out;
	if ((rc = db_goal_update(id, w.doc, w.levels, &w.out)) != DB_OK) {
		status = reply_write_error(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = reply_missing(ctx, "Dit leerdoel bestaat niet.");
		goto out;
	}
	status = reply_updated(ctx, &w, id, db_goal_get);
out:
	write_free(&w);
	return (status);
}

/* DELETE of a row by its {id}: 204, 404, or 409 while it is in use. */
static int
delete_by_id(struct api_ctx *ctx, enum db_result (*del)(const char *,
    char **), const char *missing)
{
	const char	*id;
	enum db_result	 rc;
	char		*out;

	out = NULL;
	if ((id = path_uuid(ctx, "id")) == NULL)
		return (ST_NOT_FOUND);
	if (begin(ctx) == -1)
		return (ST_INTERNAL);
	if ((rc = del(id, &out)) != DB_OK)
		return (reply_write_error(ctx, rc, 1));
	if (out == NULL)
		return (reply_missing(ctx, missing));
	free(out);
	if (commit(ctx) == -1)
		return (ST_INTERNAL);
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
	return (ST_NO_CONTENT);
}

int
api_goal_delete(struct api_ctx *ctx)
{
	return (delete_by_id(ctx, db_goal_delete, "Dit leerdoel bestaat "
	    "niet."));
}

int
api_relation_create(struct api_ctx *ctx)
{
	struct write	 w = { 0 };
	const char	*id;
	enum db_result	 rc;
	char		 loc[96];
	int		 status;

	status = ST_NOT_FOUND;
	if ((id = path_uuid(ctx, "id")) == NULL)
		goto out;
	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, relation_fields, NFIELDS(relation_fields),
	    FIELD_CREATE) == -1 || begin(ctx) == -1)
		goto out;
	if ((rc = db_relation_create(id, w.doc, &w.out)) != DB_OK) {
		status = reply_write_error(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = reply_missing(ctx, "Dit leerdoel bestaat niet.");
		goto out;
	}
	(void)snprintf(loc, sizeof(loc), "/api/v1/relations/%s", w.out);
	status = reply_created(ctx, &w, loc, db_relation_get);
out:
	write_free(&w);
	return (status);
}

/* GET of a single row by its {id}. */
static int
get_by_id(struct api_ctx *ctx, enum db_result (*get)(const char *,
    char **), const char *missing)
{
	const char	*id;
	enum db_result	 rc;
	char		*json;

	if ((id = path_uuid(ctx, "id")) == NULL)
		return (ST_NOT_FOUND);
	if ((rc = get(id, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, missing);
	return (ST_OK);
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
	return (delete_by_id(ctx, db_relation_delete, "Deze relatie bestaat "
	    "niet."));
}

/* Reply with a lesson and its version as ETag. */
static int
reply_lesson(struct api_ctx *ctx, struct write *w, enum app_status s,
    const char *id)
{
	enum db_result	 rc;
	json_t		*doc;
	char		 etag[32];

	if ((rc = db_lesson_get(id, &w->json)) != DB_OK || w->json == NULL) {
		api_reply_db_error(ctx, rc == DB_OK ? DB_ERROR : rc);
		return (ST_INTERNAL);
	}
	if ((doc = json_loads(w->json, 0, NULL)) != NULL) {
		(void)snprintf(etag, sizeof(etag), "\"%lld\"", (long long)
		    json_integer_value(json_object_get(doc, "version")));
		http_response_header(ctx->req, "etag", etag);
		json_decref(doc);
	}
	reply_json_text(ctx->req, s, w->json);
	return (s);
}

int
api_lesson_create(struct api_ctx *ctx)
{
	struct write	 w = { 0 };
	enum db_result	 rc;
	char		 loc[96];
	int		 status;

	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, lesson_fields, NFIELDS(lesson_fields),
	    FIELD_CREATE) == -1 || begin(ctx) == -1)
		goto out;
	if ((rc = db_lesson_create(w.doc, w.levels, &w.out)) != DB_OK) {
		status = reply_write_error(ctx, rc, 0);
		goto out;
	}
	if (commit(ctx) == -1) {
		status = ST_INTERNAL;
		goto out;
	}
	(void)snprintf(loc, sizeof(loc), "/api/v1/lessons/%s", w.out);
	http_response_header(ctx->req, "location", loc);
	status = reply_lesson(ctx, &w, ST_CREATED, w.out);
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
	int		 status;

	status = ST_NOT_FOUND;
	if ((id = path_uuid(ctx, "id")) == NULL)
		goto out;
	status = ST_PRECONDITION_REQUIRED;
	if (if_match(ctx, version, sizeof(version)) == -1)
		goto out;
	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, lesson_fields, NFIELDS(lesson_fields),
	    FIELD_PATCH) == -1 || begin(ctx) == -1)
		goto out;
	if ((rc = db_lesson_update(id, version, w.doc, w.levels, &w.out)) !=
	    DB_OK) {
		status = reply_write_error(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = reply_missing(ctx, "Deze les bestaat niet.");
		goto out;
	}
	if (commit(ctx) == -1) {
		status = ST_INTERNAL;
		goto out;
	}
	status = reply_lesson(ctx, &w, ST_OK, id);
out:
	write_free(&w);
	return (status);
}

int
api_lesson_delete(struct api_ctx *ctx)
{
	const char	*id;
	enum db_result	 rc;
	char		 version[16], *out;

	out = NULL;
	if ((id = path_uuid(ctx, "id")) == NULL)
		return (ST_NOT_FOUND);
	if (if_match(ctx, version, sizeof(version)) == -1)
		return (ST_PRECONDITION_REQUIRED);
	if (begin(ctx) == -1)
		return (ST_INTERNAL);
	if ((rc = db_lesson_delete(id, version, &out)) != DB_OK)
		return (reply_write_error(ctx, rc, 1));
	if (out == NULL)
		return (reply_missing(ctx, "Deze les bestaat niet."));
	free(out);
	if (commit(ctx) == -1)
		return (ST_INTERNAL);
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
	return (ST_NO_CONTENT);
}

int
api_alignment_create(struct api_ctx *ctx)
{
	struct write	 w = { 0 };
	const char	*id;
	enum db_result	 rc;
	char		 loc[96];
	int		 status;

	status = ST_NOT_FOUND;
	if ((id = path_uuid(ctx, "id")) == NULL)
		goto out;
	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, alignment_fields, NFIELDS(alignment_fields),
	    FIELD_CREATE) == -1 || begin(ctx) == -1)
		goto out;
	if ((rc = db_alignment_create(id, w.doc, &w.out)) != DB_OK) {
		status = reply_write_error(ctx, rc, 0);
		goto out;
	}
	if (w.out == NULL) {
		status = reply_missing(ctx, "Deze les bestaat niet.");
		goto out;
	}
	(void)snprintf(loc, sizeof(loc), "/api/v1/alignments/%s", w.out);
	status = reply_created(ctx, &w, loc, db_alignment_get);
out:
	write_free(&w);
	return (status);
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
	return (delete_by_id(ctx, db_alignment_delete, "Deze koppeling "
	    "bestaat niet."));
}
