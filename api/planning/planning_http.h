/*
 * planning_http: what the handlers of school-year planning share.
 *
 * Routes under /schools/{id} are checked by the dispatcher; for the
 * others the handler looks up the school of the plan or template
 * (plan_resource()) and so calls api_school_access() before it reads or
 * writes anything.  Every change needs If-Match (428 without, 412 when
 * stale) and is one transaction (write.c).  Plans and items are replied
 * with their planning warnings (plans_json.c).
 */
#ifndef LEERLIJN_PLANNING_HTTP_H
#define LEERLIJN_PLANNING_HTTP_H

#include <jansson.h>

#include "http/api.h"
#include "http/write.h"
#include "planning/plan_fields.h"

#define PLAN_NOT_FOUND	"Niet gevonden (een id is een UUID)."
#define PLAN_MISSING	"Dit jaarplan bestaat niet."
#define TEMPLATE_MISSING "Dit sjabloon bestaat niet."
#define ITEM_MISSING	"Dit onderdeel staat niet in dit jaarplan."

/* A taken title is a 409 naming it. */
extern const struct write_names	plan_names;

/* What one request carries between its steps; plan_req_free() frees it. */
struct plan_req {
	json_t	*body;		/* the parsed request body */
	char	*doc;		/* its compact text for SQL */
	char	*school;	/* the school of the resource */
	char	*out;		/* what a write returned */
	char	 version[16];	/* from If-Match */
};

void	plan_req_free(struct plan_req *r);
/*
 * The school of a "plan" or "template" id into r->school, then the access
 * check (write: a change); 0, or -1 after replying (404 for what does not
 * exist).
 */
int	plan_resource(struct api_ctx *ctx, struct plan_req *r,
	    const char *kind, const char *id, int write);
#define PLAN_READ	0	/* plan_open(): to read */
#define PLAN_WRITE	1	/* to change */
#define PLAN_VERSIONED	2	/* to change, with If-Match into r->version */
/*
 * The {id} plan or template (kind) of the path, with its {item} into
 * *item when item is not NULL, after the access check for mode: its id,
 * or NULL after replying (404, 401/403, 428/400).
 */
const char *plan_open(struct api_ctx *ctx, struct plan_req *r,
	    const char *kind, const char **item, int mode);
/*
 * The body (an empty one is {} when empty_ok) checked against t (NULL: an
 * item, with its date rules), and its text; 0, or -1 after replying.
 */
int	plan_body(struct api_ctx *ctx, struct plan_req *r,
	    const struct field_table *t, int mode, int empty_ok);
/*
 * plan_body() of a body that must be there, then check(r->body) (when
 * not NULL) for the rules across its fields; 0, or -1 after replying.
 */
int	plan_body_checked(struct api_ctx *ctx, struct plan_req *r,
	    const struct field_table *t, int mode,
	    void (*check)(const json_t *, struct field_errors *));
/*
 * A change with If-Match of the {id} plan: its body checked against t
 * (FIELD_PATCH) and check (may be NULL), then change(plan, version, doc,
 * &out) in one transaction; the plan (200), or 404 when it is gone.
 */
void	plan_change(struct api_ctx *ctx, const struct field_table *t,
	    void (*check)(const json_t *, struct field_errors *),
	    enum db_result (*change)(const char *, const char *, const char *,
	    char **));
/*
 * BEGIN, then create(id, r->doc, &r->out) and COMMIT: reply(r->out) with
 * 201 and Location, or 404 with missing when nothing was made.
 */
void	plan_created(struct api_ctx *ctx, struct plan_req *r, const char *id,
	    const char *missing,
	    enum db_result (*create)(const char *, const char *, char **),
	    void (*reply)(struct api_ctx *, const char *, enum app_status,
	    int));
/* Reply 422 with the errors of e (and free them); 0 when there are none. */
int	plan_reply_errors(struct api_ctx *ctx, struct field_errors *e);
/* An optional school-year query parameter; -1 after a 400. */
int	plan_year_param(struct api_ctx *ctx, const char *key,
	    const char **out);

/* The checked document of plan (a new reference), or NULL after a reply. */
json_t	*plan_checked(struct api_ctx *ctx, const char *plan);
struct db_freshness;
/*
 * The same for an export (export_f not NULL): then it may be read on the
 * standby, and the reply says how fresh it is (X-Data-Freshness).
 */
json_t	*plan_checked_from(struct api_ctx *ctx, const char *plan,
	    struct db_freshness *export_f);
/* Reply s with the plan (ETag: its version); Location when location. */
void	plan_reply(struct api_ctx *ctx, const char *plan, enum app_status s,
	    int location);
/* Reply s with the template (ETag: its version); Location when location. */
void	plan_reply_template(struct api_ctx *ctx, const char *id,
	    enum app_status s, int location);
/* GET of a plan or template by {id}: the access check, then reply(). */
void	plan_get_one(struct api_ctx *ctx, const char *kind,
	    void (*reply)(struct api_ctx *, const char *, enum app_status,
	    int));
/*
 * A DELETE with If-Match of the {id} plan or template (and the {item} of
 * the plan when with_item): the access check, then the delete in one
 * transaction; 204, or 404 with missing.
 */
void	plan_delete(struct api_ctx *ctx, const char *kind, int with_item,
	    const char *missing);

#endif
