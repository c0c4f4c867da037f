/*
 * authz_rules: the authorization table — one rule per route of routes.c.
 *
 * Public (no session): every catalogue and calendar read, the levels,
 * health, the OpenAPI document, logging in and accepting an invitation.
 * Every write needs a role.  A unit test (tests/unit/test_authz_rules.c)
 * fails when a route has no rule here; the integration test
 * authz_matrix.test.mjs calls every route as every role.
 */
#include "http/authz.h"
#include "core/router.h"

#define ANYONE		ROLE_ANYONE
#define ANY_USER	ROLE_ANY_USER
#define ADMIN		ROLE_ADMIN
#define CURATION	(ROLE_ADMIN | ROLE_CURATOR)
#define COORD		ROLE_COORDINATOR
#define MEMBER		ROLE_MEMBER
#define READERS		(ROLE_ADMIN | ROLE_INSPECTOR)

#define PUBLIC(m, p)		{ m, p, AUTHZ_GLOBAL, ANYONE, 0 }
#define GLOBAL(m, p, own)	{ m, p, AUTHZ_GLOBAL, own, 0 }
#define SCHOOL(m, p, own, oth)	{ m, p, AUTHZ_SCHOOL_PATH, own, oth }
#define RESOURCE(m, p, own, oth) { m, p, AUTHZ_RESOURCE, own, oth }

const struct authz_rule authz_rules[] = {
	PUBLIC(RM_GET,		"/api/v1/health"),
	PUBLIC(RM_GET,		"/api/v1/openapi.json"),

	/* The catalogue: reads are public, writes are the curators'. */
	PUBLIC(RM_GET,		"/api/v1/frameworks"),
	PUBLIC(RM_GET,		"/api/v1/frameworks/{code}"),
	PUBLIC(RM_GET,		"/api/v1/frameworks/{code}/goals"),
	PUBLIC(RM_GET,		"/api/v1/goals"),
	PUBLIC(RM_GET,		"/api/v1/goals/{id}"),
	PUBLIC(RM_GET,		"/api/v1/levels"),
	PUBLIC(RM_GET,		"/api/v1/lessons"),
	PUBLIC(RM_GET,		"/api/v1/lessons/{id}"),
	PUBLIC(RM_GET,		"/api/v1/alignment-warnings"),
	PUBLIC(RM_GET,		"/api/v1/relations/{id}"),
	PUBLIC(RM_GET,		"/api/v1/alignments/{id}"),
	GLOBAL(RM_POST,		"/api/v1/frameworks", CURATION),
	GLOBAL(RM_PATCH,	"/api/v1/frameworks/{code}", CURATION),
	GLOBAL(RM_POST,		"/api/v1/frameworks/{code}/goals", CURATION),
	GLOBAL(RM_PATCH,	"/api/v1/goals/{id}", CURATION),
	GLOBAL(RM_DELETE,	"/api/v1/goals/{id}", CURATION),
	GLOBAL(RM_POST,		"/api/v1/goals/{id}/relations", CURATION),
	GLOBAL(RM_DELETE,	"/api/v1/relations/{id}", CURATION),
	GLOBAL(RM_POST,		"/api/v1/lessons", CURATION),
	GLOBAL(RM_PATCH,	"/api/v1/lessons/{id}", CURATION),
	GLOBAL(RM_DELETE,	"/api/v1/lessons/{id}", CURATION),
	GLOBAL(RM_POST,		"/api/v1/lessons/{id}/alignments", CURATION),
	GLOBAL(RM_DELETE,	"/api/v1/alignments/{id}", CURATION),

	/*
	 * A school's own activities: its coordinators change them, its
	 * members read them, inspectors in scope read, admins all.  Another
	 * school never sees them.  Curators see the ones offered to the
	 * catalogue and adopt them.
	 */
	SCHOOL(RM_GET,		"/api/v1/schools/{id}/activities", MEMBER,
	    READERS),
	SCHOOL(RM_POST,		"/api/v1/schools/{id}/activities", COORD,
	    ADMIN),
	SCHOOL(RM_GET,		"/api/v1/schools/{id}/activities/{activity}",
	    MEMBER, READERS),
	SCHOOL(RM_PATCH,	"/api/v1/schools/{id}/activities/{activity}",
	    COORD, ADMIN),
	SCHOOL(RM_DELETE,	"/api/v1/schools/{id}/activities/{activity}",
	    COORD, ADMIN),
	GLOBAL(RM_GET,		"/api/v1/activities/offered", CURATION),
	GLOBAL(RM_POST,		"/api/v1/activities/{id}/adopt", CURATION),
	/*
	 * The proposed leerlijn: computing one changes nothing (the school's
	 * members and admins); applying it makes plans or a template (its
	 * coordinators, admins).
	 */
	SCHOOL(RM_POST,		"/api/v1/schools/{id}/proposal", MEMBER, ADMIN),
	SCHOOL(RM_POST,		"/api/v1/schools/{id}/proposal/apply", COORD,
	    ADMIN),

	/* The school calendar. */
	PUBLIC(RM_GET,		"/api/v1/calendar/{school_year}"),

	/* IMS CASE 1.0 package import; the provider under /ims/case/v1p0
	 * is public and read-only (case_dispatch.c). */
	GLOBAL(RM_POST,		"/api/v1/case/packages", CURATION),

	/* Sessions and one's own account. */
	PUBLIC(RM_POST,		"/api/v1/session"),
	GLOBAL(RM_DELETE,	"/api/v1/session", ANY_USER),
	GLOBAL(RM_GET,		"/api/v1/me", ANY_USER),
	GLOBAL(RM_PUT,		"/api/v1/me/password", ANY_USER),
	PUBLIC(RM_POST,		"/api/v1/invitation"),
	/* A membership invitation, accepted by its account, logged in. */
	GLOBAL(RM_POST,		"/api/v1/me/memberships", ANY_USER),

	/* Schools: everyone lists the schools they may read. */
	GLOBAL(RM_GET,		"/api/v1/schools", ANY_USER),
	GLOBAL(RM_POST,		"/api/v1/schools", ADMIN),
	SCHOOL(RM_GET,		"/api/v1/schools/{id}", MEMBER, READERS),
	SCHOOL(RM_PATCH,	"/api/v1/schools/{id}", 0, ADMIN),
	SCHOOL(RM_GET,		"/api/v1/schools/{id}/members", COORD, ADMIN),
	SCHOOL(RM_POST,		"/api/v1/schools/{id}/teachers", COORD, ADMIN),
	SCHOOL(RM_DELETE,	"/api/v1/schools/{id}/teachers/{user}", COORD,
	    ADMIN),
	SCHOOL(RM_DELETE,	"/api/v1/schools/{id}/invitations/{invitation}",
	    COORD, ADMIN),

	/* People: the admins'. */
	GLOBAL(RM_GET,		"/api/v1/users", ADMIN),
	GLOBAL(RM_POST,		"/api/v1/users", ADMIN),
	GLOBAL(RM_GET,		"/api/v1/users/{id}", ADMIN),
	GLOBAL(RM_PATCH,	"/api/v1/users/{id}", ADMIN),
	GLOBAL(RM_DELETE,	"/api/v1/users/{id}", ADMIN),
	GLOBAL(RM_POST,		"/api/v1/users/{id}/invitation", ADMIN),
	/* Pending invitations; without a mail relay only an admin can hand
	 * out their links. */
	GLOBAL(RM_GET,		"/api/v1/invitations", ADMIN),
	GLOBAL(RM_POST,		"/api/v1/invitations/{id}/link", ADMIN),

	/*
	 * School-year planning: coordinators change their school's plans,
	 * teachers read them and update their own items (the handler limits
	 * what a teacher may change), inspectors in scope read, admins all.
	 */
	SCHOOL(RM_GET,		"/api/v1/schools/{id}/plans", MEMBER, READERS),
	SCHOOL(RM_POST,		"/api/v1/schools/{id}/plans", COORD, ADMIN),
	SCHOOL(RM_GET,		"/api/v1/schools/{id}/leerlijn", MEMBER,
	    READERS),
	SCHOOL(RM_GET,		"/api/v1/schools/{id}/templates", MEMBER,
	    READERS),
	SCHOOL(RM_POST,		"/api/v1/schools/{id}/templates", COORD,
	    ADMIN),
	RESOURCE(RM_GET,	"/api/v1/plans/{id}", MEMBER, READERS),
	RESOURCE(RM_PATCH,	"/api/v1/plans/{id}", COORD, ADMIN),
	RESOURCE(RM_DELETE,	"/api/v1/plans/{id}", COORD, ADMIN),
	RESOURCE(RM_POST,	"/api/v1/plans/{id}/items", COORD, ADMIN),
	RESOURCE(RM_GET,	"/api/v1/plans/{id}/items/{item}", MEMBER,
	    READERS),
	RESOURCE(RM_PATCH,	"/api/v1/plans/{id}/items/{item}", MEMBER,
	    ADMIN),
	RESOURCE(RM_DELETE,	"/api/v1/plans/{id}/items/{item}", COORD,
	    ADMIN),
	RESOURCE(RM_POST,	"/api/v1/plans/{id}/bulk", COORD, ADMIN),
	RESOURCE(RM_POST,	"/api/v1/plans/{id}/copy", COORD, ADMIN),
	RESOURCE(RM_GET,	"/api/v1/plans/{id}/calendar.ics", MEMBER,
	    READERS),
	RESOURCE(RM_GET,	"/api/v1/plans/{id}/export.csv", MEMBER,
	    READERS),
	RESOURCE(RM_GET,	"/api/v1/plans/{id}/export.xlsx", MEMBER,
	    READERS),
	RESOURCE(RM_GET,	"/api/v1/templates/{id}", MEMBER, READERS),
	RESOURCE(RM_DELETE,	"/api/v1/templates/{id}", COORD, ADMIN),
	RESOURCE(RM_POST,	"/api/v1/templates/{id}/apply", COORD, ADMIN),
	/* Calendar feeds: the school's people (and admins) subscribe to a
	 * plan; inspectors, who never write, download the .ics instead.
	 * The feed itself is opened by its secret token. */
	RESOURCE(RM_POST,	"/api/v1/plans/{id}/feeds", MEMBER, ADMIN),
	RESOURCE(RM_DELETE,	"/api/v1/plans/{id}/feeds", MEMBER, ADMIN),
	PUBLIC(RM_GET,		"/api/v1/feeds/{token}/calendar.ics"),

	/*
	 * Coverage reports (read only): members of the school, inspectors
	 * in scope, admins.  The aggregate is open to the same roles and
	 * covers only the schools the caller may read.  Curators keep the
	 * catalogue and have no access to schools' plans, so not to
	 * reports on them either.
	 */
	RESOURCE(RM_GET,	"/api/v1/plans/{id}/coverage", MEMBER, READERS),
	SCHOOL(RM_GET,		"/api/v1/schools/{id}/coverage", MEMBER,
	    READERS),
	GLOBAL(RM_GET,		"/api/v1/reports/coverage", MEMBER | READERS),

	/* The audit log: admins all of it, inspectors their schools'. */
	GLOBAL(RM_GET,		"/api/v1/audit", READERS),
};

const size_t	authz_rules_count = sizeof(authz_rules) / sizeof(authz_rules[0]);

/*
 * What a teacher may change on the items of a plan assigned to them
 * (PATCH /api/v1/plans/{id}/items/{item}; authz_item_edit()): whether and
 * when the lesson was given, notes, and the safety preparation.  Where
 * and when it is planned is the coordinators' business.
 */
const char *const	authz_teacher_item_fields[] = { "status", "given_on",
			    "notes", "safety_prepared", NULL };

const struct authz_rule *
authz_rule_of(unsigned method, const char *pattern)
{
	return (authz_rule_find(authz_rules, authz_rules_count, method,
	    pattern));
}
