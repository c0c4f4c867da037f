/*
 * plan_exports_http: a plan as a calendar or a spreadsheet, and the
 * calendar feeds with which a calendar app subscribes to one.
 *
 *   GET              /api/v1/plans/{id}/calendar.ics   (?teacher=me|id)
 *   GET              /api/v1/plans/{id}/export.csv     (?dialect=)
 *   GET              /api/v1/plans/{id}/export.xlsx
 *   POST|DELETE      /api/v1/plans/{id}/feeds
 *   GET              /api/v1/feeds/{token}/calendar.ics   (no login)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <sodium.h>

#include "accounts/session_token.h"
#include "core/csv.h"
#include "core/problem.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xlsx.h"
#include "db/db_read.h"
#include "http/applog.h"
#include "http/handlers.h"
#include "http/reply.h"
#include "planning/plan_export.h"
#include "planning/plan_xlsx.h"
#include "planning/planning_http.h"
#include "planning/plans_db.h"

#define FEED_MISSING	"Deze agenda-link bestaat niet (meer)."

enum plan_format { FORMAT_ICS, FORMAT_CSV, FORMAT_XLSX };

static const struct {
	const char	*media_type;
	const char	*ext;
} formats[] = {
	{ "text/calendar; charset=utf-8", "ics" },
	{ "text/csv; charset=utf-8; header=present", "csv" },
	{ XLSX_MEDIA_TYPE, "xlsx" },
};

/*
 * Reply with plan as an attachment in format fmt: iCalendar (of teacher's
 * items when teacher is not NULL), CSV (flags: its dialect) or Excel.
 */
static void
reply_export(struct api_ctx *ctx, const char *plan, const char *teacher,
    enum plan_format fmt, unsigned flags)
{
	struct db_freshness	 f;
	struct strbuf		 b;
	json_t			*doc;
	char			 disp[160];
	int			 rc;

	if ((doc = plan_checked_from(ctx, plan, &f)) == NULL)
		return;
	strbuf_init(&b);
	if (fmt == FORMAT_CSV)
		rc = plan_export_csv(doc, flags, &b);
	else if (fmt == FORMAT_XLSX)
		rc = plan_export_xlsx(doc, &b);
	else
		rc = plan_export_ics(doc, teacher, time(NULL), &b);
	if (rc == -1) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	(void)utf8_fmt(disp, sizeof(disp), "attachment; filename=\"jaarplan-"
	    "%s.%s\"", json_string_value(json_object_get(doc, "school_year")),
	    formats[fmt].ext);
	http_response_header(ctx->req, "content-disposition", disp);
	http_response_header(ctx->req, "cache-control", "no-store");
	reply_bytes(ctx->req, 200, formats[fmt].media_type, b.data, b.len);
out:
	json_decref(doc);
	strbuf_free(&b);
}

/*
 * The dialect of a CSV export: "rfc4180" (the default: ',') or "excel-nl"
 * (';', for a Dutch Excel).  0, or -1 after replying 400.
 */
static int
csv_dialect(struct api_ctx *ctx, unsigned *flags)
{
	const char	*d;

	*flags = 0;
	d = api_query(ctx, "dialect");
	if (d == NULL || strcmp(d, "rfc4180") == 0)
		return (0);
	if (strcmp(d, "excel-nl") == 0) {
		*flags = CSV_SEMICOLON;
		return (0);
	}
	api_reply_param_error(ctx, "dialect", "rfc4180 of excel-nl");
	return (-1);
}

/* "me" as the caller's id; 0, or -1 when teacher is not a user id. */
static int
teacher_id(struct api_ctx *ctx, const char **teacher)
{
	if (*teacher != NULL && strcmp(*teacher, "me") == 0)
		*teacher = ctx->who.user_id;
	return (*teacher == NULL || param_is_uuid(*teacher) ? 0 : -1);
}

/* GET /api/v1/plans/{id}/calendar.ics?teacher=me|{user id} */
void
api_plan_ics(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*plan, *teacher;

	if ((plan = plan_open(ctx, &r, "plan", NULL, PLAN_READ)) == NULL)
		goto out;
	teacher = api_query(ctx, "teacher");
	if (teacher_id(ctx, &teacher) == -1) {
		api_reply_param_error(ctx, "teacher", "me of het id van een "
		    "leraar");
		goto out;
	}
	reply_export(ctx, plan, teacher, FORMAT_ICS, 0);
out:
	plan_req_free(&r);
}

/* GET /api/v1/plans/{id}/export.csv?dialect=rfc4180|excel-nl */
void
api_plan_csv(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*plan;
	unsigned	 flags;

	if ((plan = plan_open(ctx, &r, "plan", NULL, PLAN_READ)) != NULL &&
	    csv_dialect(ctx, &flags) == 0)
		reply_export(ctx, plan, NULL, FORMAT_CSV, flags);
	plan_req_free(&r);
}

/* GET /api/v1/plans/{id}/export.xlsx */
void
api_plan_xlsx(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*plan;

	if ((plan = plan_open(ctx, &r, "plan", NULL, PLAN_READ)) != NULL)
		reply_export(ctx, plan, NULL, FORMAT_XLSX, 0);
	plan_req_free(&r);
}

/*
 * POST /api/v1/plans/{id}/feeds {teacher?: "me" | user id}: a secret
 * calendar address for the caller (201 {id, url, teacher_id}).  The token
 * is in the reply only; the database keeps its hash.
 */
void
api_plan_feed_create(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*plan, *teacher;
	json_t		*o;
	char		 token[TOKEN_TEXT_LEN + 1], hash[TOKEN_HASH_HEX_LEN + 1];
	char		 path[128], url[SETTINGS_STR_MAX + 128];
	enum db_result	 rc;

	token[0] = '\0';
	if ((plan = plan_open(ctx, &r, "plan", NULL, PLAN_READ)) == NULL ||
	    plan_body(ctx, &r, &plan_feed_body, FIELD_CREATE, 1) == -1)
		goto out;
	teacher = json_string_value(json_object_get(r.body, "teacher"));
	if (teacher_id(ctx, &teacher) == -1) {
		api_reply_field(ctx, ST_UNPROCESSABLE, "Controleer de "
		    "gemarkeerde velden.", "teacher", "me of het id van een "
		    "leraar");
		goto out;
	}
	token_new(token);
	token_hash_hex(token, hash);
	if (write_begin(ctx) == -1)
		goto out;
	rc = db_plan_feed_create(plan, ctx->who.user_id, teacher, hash,
	    &r.out);
	if (write_end(ctx, rc, r.out != NULL, PLAN_MISSING, &plan_names) == -1)
		goto out;
	(void)snprintf(path, sizeof(path), "/api/v1/feeds/%s/calendar.ics",
	    token);
	(void)snprintf(url, sizeof(url), "%s%s", settings_current()->base_url,
	    path);
	if ((o = json_pack("{s:s, s:s, s:s?}", "id", r.out, "url", url,
	    "teacher_id", teacher)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	http_response_header(ctx->req, "location", path);
	reply_json(ctx->req, ST_CREATED, o);
out:
	sodium_memzero(token, sizeof(token));
	sodium_memzero(url, sizeof(url));
	plan_req_free(&r);
}

/* DELETE /api/v1/plans/{id}/feeds: revoke the caller's feeds (204). */
void
api_plan_feed_revoke(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*plan;
	enum db_result	 rc;

	if ((plan = plan_open(ctx, &r, "plan", NULL, PLAN_READ)) == NULL ||
	    write_begin(ctx) == -1)
		goto out;
	rc = db_plan_feed_revoke(plan, ctx->who.user_id, &r.out);
	if (write_end(ctx, rc, r.out != NULL, NULL, &plan_names) == 0)
		reply_json(ctx->req, ST_NO_CONTENT, NULL);
out:
	plan_req_free(&r);
}

/*
 * GET /api/v1/feeds/{token}/calendar.ics: the calendar of a feed, for a
 * calendar app that cannot log in; 404 for a token that is not (or no
 * longer) a feed.
 */
void
api_feed_ics(struct api_ctx *ctx)
{
	const char	*token, *plan;
	json_t		*feed;
	char		 hash[TOKEN_HASH_HEX_LEN + 1], *text;
	enum db_result	 rc;

	feed = NULL;
	text = NULL;
	token = router_param(&ctx->match, "token");
	if (token == NULL || !token_valid(token)) {
		reply_problem(ctx->req, ST_NOT_FOUND, FEED_MISSING);
		goto out;
	}
	token_hash_hex(token, hash);
	if ((rc = db_plan_feed_open(hash, &text)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	if (text == NULL || (feed = json_loads(text, 0, NULL)) == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, FEED_MISSING);
		goto out;
	}
	if ((plan = json_string_value(json_object_get(feed, "plan_id"))) ==
	    NULL) {
		applog(LOG_LVL_ERROR, "a calendar feed without a plan");
		reply_problem(ctx->req, ST_INTERNAL, "Er ging iets mis; probeer "
		    "het later opnieuw.");
		goto out;
	}
	reply_export(ctx, plan, json_string_value(json_object_get(feed,
	    "teacher_id")), FORMAT_ICS, 0);
out:
	json_decref(feed);
	free(text);
}
