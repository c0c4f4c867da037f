/*
 * h_plans: school-year planning.
 *
 *   GET|POST         /api/v1/schools/{id}/plans
 *   GET              /api/v1/schools/{id}/leerlijn
 *   GET|POST         /api/v1/schools/{id}/templates
 *   GET|PATCH|DELETE /api/v1/plans/{id}
 *   POST             /api/v1/plans/{id}/items
 *   GET|PATCH|DELETE /api/v1/plans/{id}/items/{item}
 *   POST             /api/v1/plans/{id}/bulk
 *   POST             /api/v1/plans/{id}/copy
 *   GET              /api/v1/plans/{id}/calendar.ics   (?teacher=me|id)
 *   GET              /api/v1/plans/{id}/export.csv
 *   GET|DELETE       /api/v1/templates/{id}
 *   POST             /api/v1/templates/{id}/apply
 *   POST|DELETE      /api/v1/plans/{id}/feeds
 *   GET              /api/v1/feeds/{token}/calendar.ics   (no login)
 *
 * Routes under /schools/{id} are checked by the dispatcher; for the
 * others the handler looks up the school of the plan or template and
 * calls api_school_access() before it reads or writes anything.  Every
 * change needs If-Match (428 without, 412 when stale) and is one
 * transaction.  Plans and items are replied with their planning warnings
 * (json_plans.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <sodium.h>

#include "http/authz.h"
#include "planning/plans_db.h"
#include "db/db_read.h"
#include "http/handlers.h"
#include "core/json_fields.h"
#include "planning/plans_json.h"
#include "core/csv.h"
#include "planning/plan_export.h"
#include "planning/plan_xlsx.h"
#include "core/xlsx.h"
#include "core/problem.h"
#include "http/reply.h"
#include "planning/school_calendar.h"
#include "accounts/session_token.h"
#include "core/settings.h"
#include "core/strbuf.h"

#define F(n, t, r, lo, hi, items, w)	{ n, t, r, lo, hi, items, w }
#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))
#define BULK_MAX	500
#define NOT_FOUND	"Niet gevonden (een id is een UUID)."

static const char *const	plan_status[] = { "concept", "vastgesteld",
				    "gearchiveerd", NULL };
static const char *const	item_kinds[] = { "les", "terugkommoment",
				    NULL };
static const char *const	item_status[] = { "gepland", "gegeven",
				    "vervallen", NULL };

/* school_year comes first: PATCH takes the fields after it. */
static const struct field_spec	plan_fields[] = {
	F("school_year", FT_STRING, 1, 0, 9, 0, NULL),
	F("title",	FT_STRING, 1, 0, 200, 0, NULL),
	F("status",	FT_ENUM, 0, 0, 0, 0, plan_status),
	F("note",	FT_TEXT, 0, 0, 4000, 0, NULL),
};

/* id and version first: only bulk updates take them. */
static const struct field_spec	item_fields[] = {
	F("id",		FT_UUID, 1, 0, 0, 0, NULL),
	F("version",	FT_INT, 0, 1, 2147483647, 0, NULL),
	F("kind",	FT_ENUM, 0, 0, 0, 0, item_kinds),
	F("lesson_id",	FT_UUID, 0, 0, 0, 0, NULL),
	F("level",	FT_CODE, 1, 0, 40, 0, NULL),
	F("class_name",	FT_TEXT, 0, 0, 40, 0, NULL),
	F("week",	FT_STRING, 0, 0, 8, 0, NULL),
	F("date",	FT_STRING, 0, 0, 10, 0, NULL),
	F("teacher_id",	FT_UUID, 0, 0, 0, 0, NULL),
	F("status",	FT_ENUM, 0, 0, 0, 0, item_status),
	F("given_on",	FT_TEXT, 0, 0, 10, 0, NULL),
	F("notes",	FT_TEXT, 0, 0, 4000, 0, NULL),
	F("safety_prepared", FT_BOOL, 0, 0, 0, 0, NULL),
};
#define ITEM_FIELDS	(item_fields + 2)
#define ITEM_NFIELDS	(NFIELDS(item_fields) - 2)

/* What a teacher may change on their own items. */
static const char *const	teacher_keys[] = { "status", "given_on",
				    "notes", "safety_prepared", NULL };

static const struct field_spec	delete_fields[] = {
	F("id",		FT_UUID, 1, 0, 0, 0, NULL),
	F("version",	FT_INT, 0, 1, 2147483647, 0, NULL),
};

static const struct field_spec	bulk_fields[] = {
	F("create",	FT_OBJECT_ARRAY, 0, 0, 0, BULK_MAX, NULL),
	F("update",	FT_OBJECT_ARRAY, 0, 0, 0, BULK_MAX, NULL),
	F("delete",	FT_OBJECT_ARRAY, 0, 0, 0, BULK_MAX, NULL),
};

static const struct field_spec	copy_fields[] = {
	F("school_year", FT_STRING, 0, 0, 9, 0, NULL),
	F("title",	FT_STRING, 0, 0, 200, 0, NULL),
};

static const struct field_spec	template_fields[] = {
	F("title",	FT_STRING, 1, 0, 200, 0, NULL),
	F("description", FT_TEXT, 0, 0, 4000, 0, NULL),
	F("items",	FT_OBJECT_ARRAY, 0, 0, 0, BULK_MAX, NULL),
	F("from_plan",	FT_UUID, 0, 0, 0, 0, NULL),
};

static const struct field_spec	template_item_fields[] = {
	F("kind",	FT_ENUM, 0, 0, 0, 0, item_kinds),
	F("lesson_id",	FT_UUID, 0, 0, 0, 0, NULL),
	F("level",	FT_CODE, 1, 0, 40, 0, NULL),
	F("class_name",	FT_TEXT, 0, 0, 40, 0, NULL),
	F("week",	FT_INT, 1, 1, 53, 0, NULL),
	F("notes",	FT_TEXT, 0, 0, 4000, 0, NULL),
};

static const struct field_spec	apply_fields[] = {
	F("school_year", FT_STRING, 0, 0, 9, 0, NULL),
	F("title",	FT_STRING, 0, 0, 200, 0, NULL),
	F("plan_id",	FT_UUID, 0, 0, 0, 0, NULL),
};

static int	reply_template(struct api_ctx *, const char *, enum app_status,
		    int);

static const struct field_spec	feed_fields[] = {
	F("teacher",	FT_STRING, 0, 0, 36, 0, NULL),
};

/* What one request carries between its steps; req_free() frees it. */
struct req {
	json_t	*body;		/* the parsed request body */
	char	*doc;		/* its compact text for SQL */
	char	*school;	/* the school of the resource */
	char	*out;		/* what a write returned */
	char	 version[16];	/* from If-Match */
};

static void
req_free(struct req *r)
{
	json_decref(r->body);
	free(r->doc);
	free(r->school);
	free(r->out);
	memset(r, 0, sizeof(*r));
}

/* Validation errors with their own field names ("update[2].week"). */
struct errors {
	json_t	*problem;
	size_t	 n;
};

static void
err_add(struct errors *e, const char *prefix, const char *field,
    const char *message)
{
	char	name[96];

	/* Counted even when memory runs out: the request is refused. */
	e->n++;
	if (e->problem == NULL && (e->problem = problem_new(ST_UNPROCESSABLE,
	    "Controleer de gemarkeerde velden.")) == NULL)
		return;
	(void)snprintf(name, sizeof(name), "%s%s", prefix, field);
	(void)problem_add_error(e->problem, name, message);
}

/* Reply 422 with the errors; returns 0 when there are none. */
static int
err_reply(struct api_ctx *ctx, struct errors *e)
{
	if (e->n == 0)
		return (0);
	reply_problem_doc(ctx->req, ST_UNPROCESSABLE, e->problem);
	e->problem = NULL;
	return (-1);
}

/*
 * The school of a plan or template, then the access check; 0, or -1
 * after replying (404 for what does not exist).
 */
static int
resource(struct api_ctx *ctx, struct req *r, const char *kind,
    const char *id, int write)
{
	enum db_result	rc;

	if ((rc = db_plan_school_of(kind, id, &r->school)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	if (r->school == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, strcmp(kind, "plan") == 0 ?
		    "Dit jaarplan bestaat niet." : "Dit sjabloon bestaat niet.");
		return (-1);
	}
	return (api_school_access(ctx, r->school, write));
}

/* The version from If-Match into r->version; -1 after a 428 or 400. */
static int
if_match(struct api_ctx *ctx, struct req *r)
{
	if (api_if_match(ctx, r->version, sizeof(r->version)) == -1)
		return (-1);
	if (r->version[0] == '\0') {
		reply_problem(ctx->req, ST_PRECONDITION_REQUIRED, "Stuur de "
		    "versie mee in If-Match (de ETag die je bij het ophalen "
		    "kreeg).");
		return (-1);
	}
	return (0);
}

/* Week, date and given_on of an item body: formats and combination. */
static void
check_item_dates(const json_t *o, int create, const char *prefix,
    struct errors *e)
{
	struct civil_date	 d;
	const char		*week, *date, *given;
	int			 y, w;

	week = json_string_value(json_object_get(o, "week"));
	date = json_string_value(json_object_get(o, "date"));
	given = json_string_value(json_object_get(o, "given_on"));
	if (week != NULL && iso_week_parse(week, &y, &w) == -1)
		err_add(e, prefix, "week", "schrijf een ISO-week, zoals "
		    "2026-W42");
	if (date != NULL && civil_date_parse(date, &d) == -1)
		err_add(e, prefix, "date", "schrijf een datum, zoals "
		    "2026-10-14");
	if (given != NULL && civil_date_parse(given, &d) == -1)
		err_add(e, prefix, "given_on", "schrijf een datum, zoals "
		    "2026-10-14");
	if (week != NULL && date != NULL)
		err_add(e, prefix, "date", "kies een week of een datum, niet "
		    "allebei");
	if (create && week == NULL && date == NULL)
		err_add(e, prefix, "week", "kies een week (zoals 2026-W42) of "
		    "een datum");
}

/* Check o against specs; errors go into e with prefix. */
static void
check_fields(const json_t *o, const struct field_spec *specs, size_t n,
    int mode, const char *prefix, struct errors *e)
{
	struct param_errors	pe;
	size_t			i;

	if (!json_is_object(o)) {
		err_add(e, prefix, "", "verwacht een JSON-object");
		return;
	}
	(void)json_fields_check(o, specs, n, mode, &pe);
	for (i = 0; i < pe.n; i++)
		err_add(e, prefix, pe.field[i], pe.message[i]);
}

/* Parse the body (an empty one is {} when empty_ok) and dump it. */
static int
body(struct api_ctx *ctx, struct req *r, int empty_ok)
{
	if (empty_ok && ctx->body_len == 0)
		r->body = json_object();
	else if (api_json_body(ctx, &r->body) == -1)
		return (-1);
	if (r->body == NULL ||
	    (r->doc = json_dumps(r->body, JSON_COMPACT)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (-1);
	}
	return (0);
}

/* body() and a check against specs, with the item date rules. */
static int
body_fields(struct api_ctx *ctx, struct req *r, const struct field_spec *s,
    size_t n, int mode, int item, int empty_ok)
{
	struct errors	e = { NULL, 0 };

	if (body(ctx, r, empty_ok) == -1)
		return (-1);
	check_fields(r->body, s, n, mode, "", &e);
	if (item && e.n == 0)
		check_item_dates(r->body, mode == FIELD_CREATE, "", &e);
	return (err_reply(ctx, &e));
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

static void
reply_field(struct api_ctx *ctx, enum app_status s, const char *detail,
    const char *field, const char *message)
{
	json_t	*p;

	p = problem_new(s, detail);
	if (p != NULL && field != NULL && field[0] != '\0')
		(void)problem_add_error(p, field, message);
	reply_problem_doc(ctx->req, s, p);
}

/* Reply for a failed write (rolled back); a taken title is a 409. */
static int
reply_write_error(struct api_ctx *ctx, enum db_result rc)
{
	return (api_reply_write_error(ctx, rc, "title"));
}

static int
commit(struct api_ctx *ctx)
{
	enum db_result	rc;

	if ((rc = db_commit()) != DB_OK) {
		(void)reply_write_error(ctx, rc);
		return (-1);
	}
	return (0);
}

/* Nothing matched: roll back and reply 404. */
static int
reply_missing(struct api_ctx *ctx, const char *detail)
{
	db_rollback();
	reply_problem(ctx->req, ST_NOT_FOUND, detail);
	return (ST_NOT_FOUND);
}

/*
 * After a write call: commit when it changed something.  Returns ST_OK,
 * or the status it replied with (rolled back; 404 missing when the write
 * found nothing).
 */
static int
finish(struct api_ctx *ctx, struct req *r, enum db_result rc,
    const char *missing)
{
	if (rc != DB_OK)
		return (reply_write_error(ctx, rc));
	if (r->out == NULL)
		return (reply_missing(ctx, missing != NULL ? missing :
		    "Niet gevonden."));
	if (commit(ctx) == -1)
		return (ST_INTERNAL);
	return (ST_OK);
}

static void
set_etag(struct api_ctx *ctx, const json_t *o)
{
	char	tag[24];

	(void)snprintf(tag, sizeof(tag), "\"%lld\"", (long long)
	    json_integer_value(json_object_get(o, "version")));
	http_response_header(ctx->req, "etag", tag);
}

/*
 * The checked document of plan (a new reference), or NULL after a reply.
 * Exports pass export_f: then it may be read on the standby, and the
 * reply says how fresh it is.
 */
static json_t *
checked_plan_from(struct api_ctx *ctx, const char *plan,
    struct db_freshness *export_f)
{
	enum db_result	 rc;
	json_t		*doc;
	char		*text;

	if (export_f != NULL) {
		rc = db_plan_doc_read(plan, &text, export_f);
		api_freshness_header(ctx, export_f);
	} else
		rc = db_plan_doc(plan, &text);
	if (rc != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (NULL);
	}
	if (text == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Dit jaarplan bestaat "
		    "niet.");
		return (NULL);
	}
	doc = json_plan_checked(text);
	free(text);
	if (doc == NULL)
		reply_problem(ctx->req, ST_INTERNAL, NULL);
	return (doc);
}

static json_t *
checked_plan(struct api_ctx *ctx, const char *plan)
{
	return (checked_plan_from(ctx, plan, NULL));
}

/* Reply with the plan (ETag: its version); Location when given. */
static int
reply_plan(struct api_ctx *ctx, const char *plan, enum app_status s,
    int location)
{
	json_t	*doc;
	char	 loc[96];

	if ((doc = checked_plan(ctx, plan)) == NULL)
		return (ST_INTERNAL);
	if (location) {
		(void)snprintf(loc, sizeof(loc), "/api/v1/plans/%s", plan);
		http_response_header(ctx->req, "location", loc);
	}
	set_etag(ctx, doc);
	reply_json(ctx->req, s, doc);
	return (s);
}

/* Reply with one item of a plan (ETag: the item's version). */
static int
reply_item(struct api_ctx *ctx, const char *plan, const char *item,
    enum app_status s, int location)
{
	json_t	*doc, *it;
	char	 loc[160];

	if ((doc = checked_plan(ctx, plan)) == NULL)
		return (ST_INTERNAL);
	if ((it = json_plan_item(doc, item)) == NULL) {
		json_decref(doc);
		reply_problem(ctx->req, ST_NOT_FOUND, "Dit onderdeel staat niet "
		    "in dit jaarplan.");
		return (ST_NOT_FOUND);
	}
	json_incref(it);
	json_decref(doc);
	if (location) {
		(void)snprintf(loc, sizeof(loc), "/api/v1/plans/%s/items/%s",
		    plan, item);
		http_response_header(ctx->req, "location", loc);
	}
	set_etag(ctx, it);
	reply_json(ctx->req, s, it);
	return (s);
}

/* Paging of a list; -1 after a 400. */
static int
paging(struct api_ctx *ctx, char *limit, char *offset, size_t len)
{
	struct param_errors	e = { 0 };
	long			l, o;

	param_paging(api_query(ctx, "limit"), api_query(ctx, "offset"), 50,
	    200, &l, &o, &e);
	if (e.n > 0) {
		api_reply_param_errors(ctx, &e);
		return (-1);
	}
	(void)snprintf(limit, len, "%ld", l);
	(void)snprintf(offset, len, "%ld", o);
	return (0);
}

/* An optional school-year query parameter; -1 after a 400. */
static int
year_param(struct api_ctx *ctx, const char *key, const char **out)
{
	struct param_errors	e = { 0 };

	*out = api_query(ctx, key);
	if (*out != NULL && school_year_parse(*out) == -1) {
		param_error(&e, key, "schrijf een schooljaar, zoals 2026-2027");
		api_reply_param_errors(ctx, &e);
		return (-1);
	}
	return (0);
}

/* GET /api/v1/schools/{id}/plans */
int
api_school_plans_list(struct api_ctx *ctx)
{
	const char	*school, *year;
	char		 limit[16], offset[16], *json;
	enum db_result	 rc;

	if ((school = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL)
		return (ST_NOT_FOUND);
	if (year_param(ctx, "school_year", &year) == -1 ||
	    paging(ctx, limit, offset, sizeof(limit)) == -1)
		return (ST_BAD_REQUEST);
	if ((rc = db_plan_list(school, year, limit, offset, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Deze school bestaat niet.");
	return (ST_OK);
}

/* POST /api/v1/schools/{id}/plans */
int
api_school_plan_create(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	const char	*school;
	enum db_result	 rc;
	int		 status;

	status = ST_NOT_FOUND;
	if ((school = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL)
		goto out;
	status = ST_UNPROCESSABLE;
	if (body_fields(ctx, &r, plan_fields, NFIELDS(plan_fields),
	    FIELD_CREATE, 0, 0) == -1)
		goto out;
	if (school_year_parse(json_string_value(json_object_get(r.body,
	    "school_year"))) == -1) {
		reply_field(ctx, ST_UNPROCESSABLE, "Controleer de gemarkeerde "
		    "velden.", "school_year", "schrijf een schooljaar, zoals "
		    "2026-2027");
		goto out;
	}
	if (begin(ctx) == -1)
		goto out;
	rc = db_plan_create(school, r.doc, &r.out);
	if ((status = finish(ctx, &r, rc, NULL)) != ST_OK)
		goto out;
	status = reply_plan(ctx, r.out, ST_CREATED, 1);
out:
	req_free(&r);
	return (status);
}

/* GET of a plan or template by {id}: the access check, then reply(). */
static int
get_one(struct api_ctx *ctx, const char *kind,
    int (*reply)(struct api_ctx *, const char *, enum app_status, int))
{
	struct req	 r = { 0 };
	const char	*id;
	int		 status;

	status = ST_NOT_FOUND;
	if ((id = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, kind, id, 0) == -1)
		goto out;
	status = reply(ctx, id, ST_OK, 0);
out:
	req_free(&r);
	return (status);
}

/* GET /api/v1/plans/{id} */
int
api_plan_get(struct api_ctx *ctx)
{
	return (get_one(ctx, "plan", reply_plan));
}

/* PATCH /api/v1/plans/{id} */
int
api_plan_update(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	const char	*plan;
	enum db_result	 rc;
	int		 status;

	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "plan", plan, 1) == -1)
		goto out;
	status = ST_PRECONDITION_REQUIRED;
	if (if_match(ctx, &r) == -1)
		goto out;
	status = ST_UNPROCESSABLE;
	if (body_fields(ctx, &r, plan_fields + 1, NFIELDS(plan_fields) - 1,
	    FIELD_PATCH, 0, 0) == -1 || begin(ctx) == -1)
		goto out;
	rc = db_plan_update(plan, r.version, r.doc, &r.out);
	if ((status = finish(ctx, &r, rc, "Dit jaarplan bestaat niet.")) != ST_OK)
		goto out;
	status = reply_plan(ctx, plan, ST_OK, 0);
out:
	req_free(&r);
	return (status);
}

/*
 * A DELETE with If-Match of the {id} plan or template (and the {item} of
 * the plan when with_item): the resource check, then the delete in one
 * transaction; 204.
 */
static int
delete_with_version(struct api_ctx *ctx, const char *kind, int with_item,
    const char *missing)
{
	struct req	 r = { 0 };
	const char	*id, *item;
	enum db_result	 rc;
	int		 status;

	item = NULL;
	status = ST_NOT_FOUND;
	if ((id = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    (with_item && (item = api_path_uuid(ctx, "item", NOT_FOUND)) ==
	    NULL) || resource(ctx, &r, kind, id, 1) == -1)
		goto out;
	status = ST_PRECONDITION_REQUIRED;
	if (if_match(ctx, &r) == -1)
		goto out;
	status = ST_INTERNAL;
	if (begin(ctx) == -1)
		goto out;
	if (strcmp(kind, "template") == 0)
		rc = db_plan_template_delete(id, r.version, &r.out);
	else if (item != NULL)
		rc = db_plan_item_delete(id, item, r.version, &r.out);
	else
		rc = db_plan_delete(id, r.version, &r.out);
	if ((status = finish(ctx, &r, rc, missing)) != ST_OK)
		goto out;
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
	status = ST_NO_CONTENT;
out:
	req_free(&r);
	return (status);
}

/* DELETE /api/v1/plans/{id} */
int
api_plan_delete(struct api_ctx *ctx)
{
	return (delete_with_version(ctx, "plan", 0, "Dit jaarplan bestaat "
	    "niet."));
}

/* POST /api/v1/plans/{id}/items (If-Match: the plan's version) */
int
api_plan_item_create(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	const char	*plan;
	enum db_result	 rc;
	int		 status;

	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "plan", plan, 1) == -1)
		goto out;
	status = ST_PRECONDITION_REQUIRED;
	if (if_match(ctx, &r) == -1)
		goto out;
	status = ST_UNPROCESSABLE;
	if (body_fields(ctx, &r, ITEM_FIELDS, ITEM_NFIELDS, FIELD_CREATE, 1,
	    0) == -1 || begin(ctx) == -1)
		goto out;
	rc = db_plan_item_create(plan, r.version, r.doc, &r.out);
	if ((status = finish(ctx, &r, rc, "Dit jaarplan bestaat niet.")) != ST_OK)
		goto out;
	status = reply_item(ctx, plan, r.out, ST_CREATED, 1);
out:
	req_free(&r);
	return (status);
}

/* GET /api/v1/plans/{id}/items/{item} */
int
api_plan_item_get(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	const char	*plan, *item;
	int		 status;

	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    (item = api_path_uuid(ctx, "item", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "plan", plan, 0) == -1)
		goto out;
	status = reply_item(ctx, plan, item, ST_OK, 0);
out:
	req_free(&r);
	return (status);
}

/* 1 when every member of o is one of keys. */
static int
only_keys(const json_t *o, const char *const *keys)
{
	const char	*k;
	json_t		*v;

	json_object_foreach((json_t *)o, k, v) {
		(void)v;
		if (!param_is_one_of(k, keys))
			return (0);
	}
	return (1);
}

/*
 * PATCH /api/v1/plans/{id}/items/{item} (If-Match: the item's version).
 * Coordinators change everything; a teacher only the status, the date
 * given, the notes and the safety preparation of their own items.
 */
int
api_plan_item_update(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	const char	*plan, *item, *teacher;
	char		*role;
	enum db_result	 rc;
	int		 status;

	role = NULL;
	teacher = NULL;
	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    (item = api_path_uuid(ctx, "item", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "plan", plan, 1) == -1)
		goto out;
	status = ST_PRECONDITION_REQUIRED;
	if (if_match(ctx, &r) == -1)
		goto out;
	status = ST_UNPROCESSABLE;
	if (body_fields(ctx, &r, ITEM_FIELDS, ITEM_NFIELDS, FIELD_PATCH, 1,
	    0) == -1)
		goto out;
	status = ST_INTERNAL;
	if ((rc = db_plan_role(ctx->who.user_id, r.school, &role)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	status = ST_FORBIDDEN;
	if (role == NULL || strcmp(role, "edit") != 0) {
		if (role == NULL || strcmp(role, "teacher") != 0) {
			reply_problem(ctx->req, ST_FORBIDDEN, "Je mag dit "
			    "jaarplan alleen bekijken.");
			goto out;
		}
		if (!only_keys(r.body, teacher_keys)) {
			reply_problem(ctx->req, ST_FORBIDDEN, "Een leraar past "
			    "alleen de status, de datum van geven, notities en "
			    "de voorbereiding van de eigen lessen aan.");
			goto out;
		}
		teacher = ctx->who.user_id;
	}
	status = ST_INTERNAL;
	if (begin(ctx) == -1)
		goto out;
	if ((rc = db_plan_item_update(plan, item, r.version, r.doc, teacher,
	    &r.out)) != DB_OK) {
		status = reply_write_error(ctx, rc);
		goto out;
	}
	if (r.out == NULL) {
		status = reply_missing(ctx, "Dit onderdeel staat niet in dit "
		    "jaarplan.");
		goto out;
	}
	if (strcmp(r.out, "forbidden") == 0) {
		db_rollback();
		reply_problem(ctx->req, ST_FORBIDDEN, "Dit onderdeel is niet "
		    "aan jou toegewezen.");
		status = ST_FORBIDDEN;
		goto out;
	}
	if (commit(ctx) == -1)
		goto out;
	status = reply_item(ctx, plan, item, ST_OK, 0);
out:
	free(role);
	req_free(&r);
	return (status);
}

/* DELETE /api/v1/plans/{id}/items/{item} (If-Match: the item's version) */
int
api_plan_item_delete(struct api_ctx *ctx)
{
	return (delete_with_version(ctx, "plan", 1, "Dit onderdeel staat niet "
	    "in dit jaarplan."));
}

/* Check each element of the bulk part name against specs. */
static void
check_part(const json_t *b, const char *name, const struct field_spec *s,
    size_t n, int mode, int item, struct errors *e)
{
	const json_t	*el;
	size_t		 i;
	char		 prefix[32];

	json_array_foreach(json_object_get(b, name), i, el) {
		(void)snprintf(prefix, sizeof(prefix), "%s[%zu].", name, i);
		check_fields(el, s, n, mode, prefix, e);
		if (item && json_is_object(el))
			check_item_dates(el, mode == FIELD_CREATE, prefix, e);
	}
}

/*
 * POST /api/v1/plans/{id}/bulk (If-Match: the plan's version):
 * {create: [item], update: [{id, version?, ...}], delete: [{id, version?}]}
 * in one transaction; replies with the whole plan.
 */
int
api_plan_bulk(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	struct errors	 e = { NULL, 0 };
	const char	*plan;
	const json_t	*el;
	enum db_result	 rc;
	size_t		 i;
	int		 status;
	char		 prefix[32];

	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "plan", plan, 1) == -1)
		goto out;
	status = ST_PRECONDITION_REQUIRED;
	if (if_match(ctx, &r) == -1)
		goto out;
	status = ST_UNPROCESSABLE;
	if (body_fields(ctx, &r, bulk_fields, NFIELDS(bulk_fields),
	    FIELD_PATCH, 0, 0) == -1)
		goto out;
	check_part(r.body, "create", ITEM_FIELDS, ITEM_NFIELDS, FIELD_CREATE,
	    1, &e);
	check_part(r.body, "update", item_fields, NFIELDS(item_fields),
	    FIELD_PATCH, 1, &e);
	json_array_foreach(json_object_get(r.body, "update"), i, el) {
		if (json_is_object(el) && json_object_get(el, "id") == NULL) {
			(void)snprintf(prefix, sizeof(prefix), "update[%zu].",
			    i);
			err_add(&e, prefix, "id", "welk onderdeel (id)?");
		}
	}
	check_part(r.body, "delete", delete_fields, NFIELDS(delete_fields),
	    FIELD_CREATE, 0, &e);
	if (err_reply(ctx, &e) == -1 || begin(ctx) == -1)
		goto out;
	rc = db_plan_bulk(plan, r.version, r.doc, &r.out);
	if ((status = finish(ctx, &r, rc, "Dit jaarplan bestaat niet.")) != ST_OK)
		goto out;
	status = reply_plan(ctx, plan, ST_OK, 0);
out:
	json_decref(e.problem);
	req_free(&r);
	return (status);
}

/* POST /api/v1/plans/{id}/copy {school_year?, title?}: 201, a new plan. */
int
api_plan_copy(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	const char	*plan, *year;
	enum db_result	 rc;
	int		 status;

	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "plan", plan, 1) == -1)
		goto out;
	status = ST_UNPROCESSABLE;
	if (body_fields(ctx, &r, copy_fields, NFIELDS(copy_fields),
	    FIELD_CREATE, 0, 1) == -1)
		goto out;
	year = json_string_value(json_object_get(r.body, "school_year"));
	if (year != NULL && school_year_parse(year) == -1) {
		reply_field(ctx, ST_UNPROCESSABLE, "Controleer de gemarkeerde "
		    "velden.", "school_year", "schrijf een schooljaar, zoals "
		    "2027-2028");
		goto out;
	}
	if (begin(ctx) == -1)
		goto out;
	rc = db_plan_copy(plan, r.doc, &r.out);
	if ((status = finish(ctx, &r, rc, "Dit jaarplan bestaat niet.")) != ST_OK)
		goto out;
	status = reply_plan(ctx, r.out, ST_CREATED, 1);
out:
	req_free(&r);
	return (status);
}

/* Reply with an export of a plan as an attachment. */
static void
reply_export(struct api_ctx *ctx, const json_t *doc, const char *type,
    const char *ext, const struct strbuf *b)
{
	char	disp[160];

	(void)snprintf(disp, sizeof(disp), "attachment; filename=\"jaarplan-"
	    "%s.%s\"", json_string_value(json_object_get(doc, "school_year")),
	    ext);
	http_response_header(ctx->req, "content-disposition", disp);
	http_response_header(ctx->req, "cache-control", "no-store");
	reply_bytes(ctx->req, 200, type, b->data, b->len);
}

/* GET /api/v1/plans/{id}/calendar.ics?teacher=me|{user id} */
int
api_plan_ics(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	struct db_freshness	 f;
	struct strbuf	 b;
	const char	*plan, *teacher;
	json_t		*doc;
	int		 status;

	doc = NULL;
	strbuf_init(&b);
	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "plan", plan, 0) == -1)
		goto out;
	teacher = api_query(ctx, "teacher");
	if (teacher != NULL && strcmp(teacher, "me") == 0)
		teacher = ctx->who.user_id;
	if (teacher != NULL && !param_is_uuid(teacher)) {
		struct param_errors	e = { 0 };

		param_error(&e, "teacher", "me of het id van een leraar");
		api_reply_param_errors(ctx, &e);
		status = ST_BAD_REQUEST;
		goto out;
	}
	status = ST_INTERNAL;
	if ((doc = checked_plan_from(ctx, plan, &f)) == NULL)
		goto out;
	if (plan_export_ics(doc, teacher, time(NULL), &b) == -1) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	reply_export(ctx, doc, "text/calendar; charset=utf-8", "ics", &b);
	status = ST_OK;
out:
	json_decref(doc);
	strbuf_free(&b);
	req_free(&r);
	return (status);
}

/*
 * The dialect of a CSV export: "rfc4180" (the default: ',') or "excel-nl"
 * (';', for a Dutch Excel).  0, or -1 after replying 400.
 */
static int
csv_dialect(struct api_ctx *ctx, unsigned *flags)
{
	struct param_errors	 e = { 0 };
	const char		*d;

	*flags = 0;
	d = api_query(ctx, "dialect");
	if (d == NULL || strcmp(d, "rfc4180") == 0)
		return (0);
	if (strcmp(d, "excel-nl") == 0) {
		*flags = CSV_SEMICOLON;
		return (0);
	}
	param_error(&e, "dialect", "rfc4180 of excel-nl");
	api_reply_param_errors(ctx, &e);
	return (-1);
}

enum plan_sheet { SHEET_CSV, SHEET_XLSX };

/* export.csv and export.xlsx: the checked plan as a table. */
static int
plan_table(struct api_ctx *ctx, enum plan_sheet kind)
{
	struct req	 r = { 0 };
	struct db_freshness	 f;
	struct strbuf	 b;
	const char	*plan;
	json_t		*doc;
	unsigned	 flags;
	int		 status, rc;

	doc = NULL;
	strbuf_init(&b);
	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "plan", plan, 0) == -1)
		goto out;
	status = ST_BAD_REQUEST;
	if (kind == SHEET_CSV && csv_dialect(ctx, &flags) == -1)
		goto out;
	status = ST_INTERNAL;
	if ((doc = checked_plan_from(ctx, plan, &f)) == NULL)
		goto out;
	rc = kind == SHEET_CSV ? plan_export_csv(doc, flags, &b) :
	    plan_export_xlsx(doc, &b);
	if (rc == -1) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	if (kind == SHEET_CSV)
		reply_export(ctx, doc, "text/csv; charset=utf-8; header=present",
		    "csv", &b);
	else
		reply_export(ctx, doc, XLSX_MEDIA_TYPE, "xlsx", &b);
	status = ST_OK;
out:
	json_decref(doc);
	strbuf_free(&b);
	req_free(&r);
	return (status);
}

/* GET /api/v1/plans/{id}/export.csv?dialect=rfc4180|excel-nl */
int
api_plan_csv(struct api_ctx *ctx)
{
	return (plan_table(ctx, SHEET_CSV));
}

/* GET /api/v1/plans/{id}/export.xlsx */
int
api_plan_xlsx(struct api_ctx *ctx)
{
	return (plan_table(ctx, SHEET_XLSX));
}

/* GET /api/v1/schools/{id}/leerlijn?from=&to= */
int
api_school_leerlijn(struct api_ctx *ctx)
{
	const char	*school, *from, *to;
	char		*json;
	enum db_result	 rc;

	if ((school = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL)
		return (ST_NOT_FOUND);
	if (year_param(ctx, "from", &from) == -1 ||
	    year_param(ctx, "to", &to) == -1)
		return (ST_BAD_REQUEST);
	if ((rc = db_plan_leerlijn(school, from, to, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Deze school bestaat niet.");
	return (ST_OK);
}

/* GET /api/v1/schools/{id}/templates */
int
api_school_templates_list(struct api_ctx *ctx)
{
	const char	*school;
	char		*json;
	enum db_result	 rc;

	if ((school = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL)
		return (ST_NOT_FOUND);
	if ((rc = db_plan_template_list(school, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Deze school bestaat niet.");
	return (ST_OK);
}

/* Reply with a template (ETag: its version). */
static int
reply_template(struct api_ctx *ctx, const char *id, enum app_status s,
    int location)
{
	enum db_result	 rc;
	json_t		*doc;
	char		*text, loc[96];

	if ((rc = db_plan_template_doc(id, &text)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	if (text == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Dit sjabloon bestaat "
		    "niet.");
		return (ST_NOT_FOUND);
	}
	doc = json_loads(text, 0, NULL);
	free(text);
	if (doc == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (ST_INTERNAL);
	}
	if (location) {
		(void)snprintf(loc, sizeof(loc), "/api/v1/templates/%s", id);
		http_response_header(ctx->req, "location", loc);
	}
	set_etag(ctx, doc);
	reply_json(ctx->req, s, doc);
	return (s);
}

/*
 * POST /api/v1/schools/{id}/templates {title, description?, items} or
 * {title, description?, from_plan}
 */
int
api_school_template_create(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	struct errors	 e = { NULL, 0 };
	const char	*school;
	enum db_result	 rc;
	int		 status;

	status = ST_NOT_FOUND;
	if ((school = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL)
		goto out;
	status = ST_UNPROCESSABLE;
	if (body_fields(ctx, &r, template_fields, NFIELDS(template_fields),
	    FIELD_CREATE, 0, 0) == -1)
		goto out;
	if ((json_object_get(r.body, "items") != NULL) ==
	    (json_object_get(r.body, "from_plan") != NULL))
		err_add(&e, "", "items", "geef items of from_plan (een "
		    "jaarplan om van uit te gaan)");
	check_part(r.body, "items", template_item_fields,
	    NFIELDS(template_item_fields), FIELD_CREATE, 0, &e);
	if (err_reply(ctx, &e) == -1 || begin(ctx) == -1)
		goto out;
	rc = db_plan_template_create(school, r.doc, &r.out);
	if ((status = finish(ctx, &r, rc, NULL)) != ST_OK)
		goto out;
	status = reply_template(ctx, r.out, ST_CREATED, 1);
out:
	json_decref(e.problem);
	req_free(&r);
	return (status);
}

/* GET /api/v1/templates/{id} */
int
api_template_get(struct api_ctx *ctx)
{
	return (get_one(ctx, "template", reply_template));
}

/* DELETE /api/v1/templates/{id} */
int
api_template_delete(struct api_ctx *ctx)
{
	return (delete_with_version(ctx, "template", 0, "Dit sjabloon bestaat "
	    "niet."));
}

/*
 * POST /api/v1/templates/{id}/apply {school_year, title?}: 201 with a new
 * plan; {plan_id} with If-Match (that plan's version): 200, the items
 * added to that plan.
 */
int
api_template_apply(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	const char	*id, *year, *into;
	enum db_result	 rc;
	int		 status;

	status = ST_NOT_FOUND;
	if ((id = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "template", id, 1) == -1)
		goto out;
	status = ST_UNPROCESSABLE;
	if (body_fields(ctx, &r, apply_fields, NFIELDS(apply_fields),
	    FIELD_CREATE, 0, 0) == -1)
		goto out;
	year = json_string_value(json_object_get(r.body, "school_year"));
	into = json_string_value(json_object_get(r.body, "plan_id"));
	if ((year == NULL) == (into == NULL) ||
	    (year != NULL && school_year_parse(year) == -1)) {
		reply_field(ctx, ST_UNPROCESSABLE, "Controleer de gemarkeerde "
		    "velden.", "school_year", "geef een schooljaar (zoals "
		    "2027-2028) voor een nieuw jaarplan, of plan_id");
		goto out;
	}
	status = ST_PRECONDITION_REQUIRED;
	if (into != NULL && if_match(ctx, &r) == -1)
		goto out;
	status = ST_INTERNAL;
	if (begin(ctx) == -1)
		goto out;
	rc = db_plan_template_apply(id, r.doc, into != NULL ? r.version :
	    NULL, &r.out);
	if ((status = finish(ctx, &r, rc, "Dit sjabloon bestaat niet.")) != ST_OK)
		goto out;
	status = reply_plan(ctx, r.out, into != NULL ? ST_OK : ST_CREATED,
	    into == NULL);
out:
	req_free(&r);
	return (status);
}

/*
 * POST /api/v1/plans/{id}/feeds {teacher?: "me" | user id}: a secret
 * calendar address for the caller (201 {id, url, teacher_id}).  The token
 * is in the reply only; the database keeps its hash.
 */
int
api_plan_feed_create(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	const char	*plan, *teacher;
	json_t		*o;
	char		 token[TOKEN_TEXT_LEN + 1], hash[TOKEN_HASH_HEX_LEN + 1];
	char		 path[128], url[SETTINGS_STR_MAX + 128];
	enum db_result	 rc;
	int		 status;

	token[0] = '\0';
	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "plan", plan, 0) == -1)
		goto out;
	status = ST_UNPROCESSABLE;
	if (body_fields(ctx, &r, feed_fields, NFIELDS(feed_fields),
	    FIELD_CREATE, 0, 1) == -1)
		goto out;
	teacher = json_string_value(json_object_get(r.body, "teacher"));
	if (teacher != NULL && strcmp(teacher, "me") == 0)
		teacher = ctx->who.user_id;
	if (teacher != NULL && !param_is_uuid(teacher)) {
		reply_field(ctx, ST_UNPROCESSABLE, "Controleer de gemarkeerde "
		    "velden.", "teacher", "me of het id van een leraar");
		goto out;
	}
	token_new(token);
	token_hash_hex(token, hash);
	if (begin(ctx) == -1)
		goto out;
	rc = db_plan_feed_create(plan, ctx->who.user_id, teacher, hash,
	    &r.out);
	if ((status = finish(ctx, &r, rc, "Dit jaarplan bestaat niet.")) !=
	    ST_OK)
		goto out;
	(void)snprintf(path, sizeof(path), "/api/v1/feeds/%s/calendar.ics",
	    token);
	(void)snprintf(url, sizeof(url), "%s%s", settings_current()->base_url,
	    path);
	if ((o = json_pack("{s:s, s:s, s:s?}", "id", r.out, "url", url,
	    "teacher_id", teacher)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		status = ST_INTERNAL;
		goto out;
	}
	http_response_header(ctx->req, "location", path);
	reply_json(ctx->req, ST_CREATED, o);
	status = ST_CREATED;
out:
	sodium_memzero(token, sizeof(token));
	req_free(&r);
	return (status);
}

/* DELETE /api/v1/plans/{id}/feeds: revoke the caller's feeds (204). */
int
api_plan_feed_revoke(struct api_ctx *ctx)
{
	struct req	 r = { 0 };
	const char	*plan;
	enum db_result	 rc;
	int		 status;

	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    resource(ctx, &r, "plan", plan, 0) == -1)
		goto out;
	status = ST_INTERNAL;
	if (begin(ctx) == -1)
		goto out;
	rc = db_plan_feed_revoke(plan, ctx->who.user_id, &r.out);
	if ((status = finish(ctx, &r, rc, NULL)) != ST_OK)
		goto out;
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
	status = ST_NO_CONTENT;
out:
	req_free(&r);
	return (status);
}

/*
 * GET /api/v1/feeds/{token}/calendar.ics: the calendar of a feed, for a
 * calendar app that cannot log in; 404 for a token that is not (or no
 * longer) a feed.
 */
int
api_feed_ics(struct api_ctx *ctx)
{
	struct db_freshness	 f;
	struct strbuf	 b;
	const char	*token, *plan, *teacher;
	json_t		*feed, *doc;
	char		 hash[TOKEN_HASH_HEX_LEN + 1], *text;
	enum db_result	 rc;
	int		 status;

	feed = doc = NULL;
	text = NULL;
	strbuf_init(&b);
	status = ST_NOT_FOUND;
	token = router_param(&ctx->match, "token");
	if (token == NULL || !token_valid(token)) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Deze agenda-link bestaat "
		    "niet (meer).");
		goto out;
	}
	token_hash_hex(token, hash);
	if ((rc = db_plan_feed_open(hash, &text)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		status = ST_INTERNAL;
		goto out;
	}
	if (text == NULL || (feed = json_loads(text, 0, NULL)) == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Deze agenda-link bestaat "
		    "niet (meer).");
		goto out;
	}
	plan = json_string_value(json_object_get(feed, "plan_id"));
	teacher = json_string_value(json_object_get(feed, "teacher_id"));
	status = ST_INTERNAL;
	if (plan == NULL || (doc = checked_plan_from(ctx, plan, &f)) == NULL)
		goto out;
	if (plan_export_ics(doc, teacher, time(NULL), &b) == -1) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	reply_export(ctx, doc, "text/calendar; charset=utf-8", "ics", &b);
	status = ST_OK;
out:
	json_decref(feed);
	json_decref(doc);
	free(text);
	strbuf_free(&b);
	return (status);
}
