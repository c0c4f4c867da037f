/*
 * authz: who may call which route, from one table.
 *
 * The dispatcher looks up the rule of every matched route before the
 * handler runs; a route without a rule is refused (500, logged) and a unit
 * test fails for it.  Plain C: no Kore, no libpq (except the declaration
 * of api_school_access(), implemented in dispatch.c).
 *
 * Deviations from and extensions of the published contract:
 *   - For AUTHZ_SCHOOL_PATH and AUTHZ_RESOURCE routes the first, coarse
 *     role check admits roles in own | other (the contract says own):
 *     an admin is never a member of a school, so it reaches school
 *     routes through `other` only.
 *   - `own` is matched against the roles the user holds AT that school
 *     (its memberships there); `other` against the user's global roles
 *     (admin, curator, inspector — the inspector only for schools in its
 *     scope).  A coordinator of school B is therefore never "other" on
 *     school A.
 *   - write=1 in api_school_access() refuses inspectors even where a rule
 *     would admit them (read-only by definition).
 *   - A rule whose `own` is ROLE_ANY_USER admits every logged-in user,
 *     also one who holds no role (yet), e.g. for GET /api/v1/me.
 *   - struct principal has extra members after the contract's three.
 *   - The demo inspector (login('inspector')) sees school A only.
 */
#ifndef LEERLIJN_AUTHZ_H
#define LEERLIJN_AUTHZ_H

#include <stddef.h>

/* Role bits. */
#define ROLE_ADMIN		0x01
#define ROLE_CURATOR		0x02
#define ROLE_COORDINATOR	0x04
#define ROLE_TEACHER		0x08
#define ROLE_INSPECTOR		0x10
#define ROLE_ANYONE		0x80	/* also without a session (public) */
#define ROLE_ANY_USER		0x1f	/* any logged-in user */
#define ROLE_GLOBAL		(ROLE_ADMIN | ROLE_CURATOR | ROLE_INSPECTOR)
#define ROLE_MEMBER		(ROLE_COORDINATOR | ROLE_TEACHER)

/* Where the school of a route comes from. */
#define AUTHZ_GLOBAL		0
#define AUTHZ_SCHOOL_PATH	1
#define AUTHZ_RESOURCE		2

#define AUTHZ_UUID_LEN		36
#define AUTHZ_CSRF_LEN		43	/* base64url of 32 bytes */

struct principal {			/* in struct api_ctx as ctx->who */
	int		authenticated;	/* 0: anonymous */
	char		user_id[AUTHZ_UUID_LEN + 1];	/* "" anonymous */
	unsigned	roles;		/* union of all role bits held */
	/* Extensions. */
	char		session_id[AUTHZ_UUID_LEN + 1];
	int		via_cookie;	/* 1: cookie, 0: Bearer */
	char		csrf_token[AUTHZ_CSRF_LEN + 1];
};

/*
 * One rule per route (method + pattern exactly as in routes.c):
 *   own   = roles allowed on a global resource, or on their OWN school's
 *           resource;
 *   other = roles allowed on ANOTHER school's resource (admin; inspector
 *           in scope).
 * For routes without a school (catalogue, session, ...) only `own` counts.
 * scope says where the school comes from:
 *   AUTHZ_GLOBAL       no school;
 *   AUTHZ_SCHOOL_PATH  the {id} (or {school}) path parameter is a school
 *                      id: checked by the dispatcher before the handler
 *                      runs;
 *   AUTHZ_RESOURCE     the handler finds the school of the resource and
 *                      calls api_school_access() before it reads or writes
 *                      anything.
 */
struct authz_rule {
	unsigned	 method;	/* RM_* */
	const char	*pattern;
	unsigned	 scope;		/* AUTHZ_* */
	unsigned	 own;
	unsigned	 other;
};
extern const struct authz_rule	authz_rules[];	/* api/src/authz_rules.c */
extern const size_t		authz_rules_count;

/* What the database says about one user and one school. */
struct school_facts {
	int		exists;
	unsigned	member_bits;	/* ROLE_COORDINATOR | ROLE_TEACHER */
	int		inspector_in_scope;
};

enum authz_verdict {
	AUTHZ_ALLOW = 0,
	AUTHZ_UNAUTHENTICATED,		/* 401 */
	AUTHZ_FORBIDDEN,		/* 403 */
	AUTHZ_HIDDEN			/* 404: may not even know it exists */
};

/*
 * The route whose rule a drill-down from the coverage aggregate
 * (GET /api/v1/reports/coverage?school=) to one school is checked with:
 * the same as the school's own report.
 */
#define AUTHZ_COVERAGE_DRILL	"/api/v1/schools/{id}/coverage"

/* The rule of method on pattern (pointer or text equal), or NULL. */
const struct authz_rule *authz_rule_find(const struct authz_rule *table,
			    size_t n, unsigned method, const char *pattern);
/* The rule of method on pattern in authz_rules (authz_rules.c), or NULL. */
const struct authz_rule *authz_rule_of(unsigned method, const char *pattern);
/* The first check, before anything is read: session and roles. */
enum authz_verdict	authz_route_verdict(const struct authz_rule *r,
			    const struct principal *who);
/* The school check of AUTHZ_SCHOOL_PATH and AUTHZ_RESOURCE routes. */
enum authz_verdict	authz_school_verdict(const struct authz_rule *r,
			    const struct principal *who,
			    const struct school_facts *f, int write);
/*
 * What someone may change on an item of a school's plan (PATCH
 * /api/v1/plans/{id}/items/{item}, after the route's rule admitted them):
 * admins and the school's coordinators every field of every item; the
 * school's teachers only the fields of authz_teacher_item_fields, and
 * only on the items assigned to them (the database checks the item's
 * teacher); anyone else nothing.
 */
enum authz_item_edit {
	AUTHZ_ITEM_NONE = 0,
	AUTHZ_ITEM_OWN,		/* a teacher: own items, some fields */
	AUTHZ_ITEM_ALL
};
enum authz_item_edit	authz_item_edit(const struct principal *who,
			    const struct school_facts *f);
/* The fields a teacher may change on their own items (authz_rules.c). */
extern const char *const	authz_teacher_item_fields[];
/* 1 when every member of the JSON object body is such a field. */
struct json_t;
int			authz_teacher_may_change(const struct json_t *body);

/* "admin", "curator", ... for one role bit; NULL otherwise. */
const char		*authz_role_name(unsigned bit);
/* Bit of a role name, 0 when unknown. */
unsigned		 authz_role_bit(const char *name);

struct api_ctx;
/*
 * For AUTHZ_RESOURCE routes: may ctx->who do this route's method on
 * school_id?  Returns 0 when allowed; otherwise replies (401 without a
 * session, 404 for a school the user may not even read — do not reveal
 * that it exists —, 403 for a school the user may read but not change)
 * and returns -1.  write=1 for changes.
 */
int	api_school_access(struct api_ctx *ctx, const char *school_id,
	    int write);

#endif
