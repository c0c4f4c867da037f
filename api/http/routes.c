/*
 * routes: the table of every API route and its handler.
 *
 * One line per method and path; the dispatcher answers 404 for a path that
 * is not here and 405 (with Allow) for a method that is not.  "query" lists
 * the query parameters a route accepts; any other one is a 400.
 */
#include "http/handlers.h"
#include "catalogue/lesson_query.h"
#include "http/routes.h"

#define PAGING	"limit,offset"
#define COVERAGE_KEYS	"framework,via,format,dialect,focus"

const struct route routes[] = {
	{ RM_GET, "/api/v1/health",		NULL,	api_health_get },
	/* This API's OpenAPI document (api/openapi.json). */
	{ RM_GET, "/api/v1/openapi.json",	NULL,	api_openapi_get },

	/* The catalogue. */
	{ RM_GET, "/api/v1/frameworks",		PAGING,	api_frameworks_list },
	{ RM_GET, "/api/v1/frameworks/{code}",	NULL,	api_framework_get },
	{ RM_GET, "/api/v1/frameworks/{code}/goals", NULL,
	    api_framework_goals },
	{ RM_GET, "/api/v1/goals",		"framework,code,q," PAGING,
	    api_goals_find },
	{ RM_GET, "/api/v1/goals/{id}",		NULL,	api_goal_get },
	{ RM_GET, "/api/v1/levels",		NULL,	api_levels_list },
	{ RM_GET, "/api/v1/lessons",		LESSON_QUERY_KEYS,
	    api_lessons_find },
	{ RM_GET, "/api/v1/lessons/{id}",	NULL,	api_lesson_get },
	{ RM_GET, "/api/v1/alignment-warnings",	PAGING,
	    api_alignment_warnings },

	/* Catalogue writes (curators). */
	{ RM_POST, "/api/v1/frameworks",	NULL,	api_framework_create },
	{ RM_PATCH, "/api/v1/frameworks/{code}", NULL,	api_framework_update },
	{ RM_POST, "/api/v1/frameworks/{code}/goals", NULL, api_goal_create },
	{ RM_PATCH, "/api/v1/goals/{id}",	NULL,	api_goal_update },
	{ RM_DELETE, "/api/v1/goals/{id}",	NULL,	api_goal_delete },
	{ RM_POST, "/api/v1/goals/{id}/relations", NULL, api_relation_create },
	{ RM_GET, "/api/v1/relations/{id}",	NULL,	api_relation_get },
	{ RM_DELETE, "/api/v1/relations/{id}",	NULL,	api_relation_delete },
	{ RM_POST, "/api/v1/lessons",		NULL,	api_lesson_create },
	{ RM_PATCH, "/api/v1/lessons/{id}",	NULL,	api_lesson_update },
	{ RM_DELETE, "/api/v1/lessons/{id}",	NULL,	api_lesson_delete },
	{ RM_POST, "/api/v1/lessons/{id}/alignments", NULL,
	    api_alignment_create },
	{ RM_GET, "/api/v1/alignments/{id}",	NULL,	api_alignment_get },
	{ RM_DELETE, "/api/v1/alignments/{id}",	NULL,	api_alignment_delete },

	/* A school's own activities (units_http.c). */
	{ RM_GET, "/api/v1/schools/{id}/activities", NULL,
	    api_school_activities_list },
	{ RM_POST, "/api/v1/schools/{id}/activities", NULL,
	    api_school_activity_create },
	{ RM_GET, "/api/v1/schools/{id}/activities/{activity}", NULL,
	    api_school_activity_get },
	{ RM_PATCH, "/api/v1/schools/{id}/activities/{activity}", NULL,
	    api_school_activity_update },
	{ RM_DELETE, "/api/v1/schools/{id}/activities/{activity}", NULL,
	    api_school_activity_delete },
	{ RM_GET, "/api/v1/activities/offered",	NULL,	api_activities_offered },
	{ RM_POST, "/api/v1/activities/{id}/adopt", NULL, api_activity_adopt },
	/* The proposed leerlijn (units_http.c). */
	{ RM_POST, "/api/v1/schools/{id}/proposal", NULL, api_school_proposal },
	{ RM_POST, "/api/v1/schools/{id}/proposal/apply", NULL,
	    api_school_proposal_apply },

	/* The school calendar. */
	{ RM_GET, "/api/v1/calendar/{school_year}", "region", api_calendar_get },

	/* School-year planning (h_plans.c). */
	{ RM_GET, "/api/v1/schools/{id}/plans",	"school_year," PAGING,
	    api_school_plans_list },
	{ RM_POST, "/api/v1/schools/{id}/plans", NULL,	api_school_plan_create },
	{ RM_GET, "/api/v1/schools/{id}/leerlijn", "from,to",
	    api_school_leerlijn },
	{ RM_GET, "/api/v1/schools/{id}/templates", NULL,
	    api_school_templates_list },
	{ RM_POST, "/api/v1/schools/{id}/templates", NULL,
	    api_school_template_create },
	{ RM_GET, "/api/v1/plans/{id}",		NULL,	api_plan_get },
	{ RM_PATCH, "/api/v1/plans/{id}",	NULL,	api_plan_update },
	{ RM_DELETE, "/api/v1/plans/{id}",	NULL,	api_plan_delete },
	{ RM_POST, "/api/v1/plans/{id}/items",	NULL,	api_plan_item_create },
	{ RM_GET, "/api/v1/plans/{id}/items/{item}", NULL, api_plan_item_get },
	{ RM_PATCH, "/api/v1/plans/{id}/items/{item}", NULL,
	    api_plan_item_update },
	{ RM_DELETE, "/api/v1/plans/{id}/items/{item}", NULL,
	    api_plan_item_delete },
	{ RM_POST, "/api/v1/plans/{id}/bulk",	NULL,	api_plan_bulk },
	{ RM_POST, "/api/v1/plans/{id}/copy",	NULL,	api_plan_copy },
	{ RM_GET, "/api/v1/plans/{id}/calendar.ics", "teacher", api_plan_ics },
	{ RM_GET, "/api/v1/plans/{id}/export.csv", "dialect", api_plan_csv },
	{ RM_GET, "/api/v1/plans/{id}/export.xlsx", NULL, api_plan_xlsx },
	{ RM_GET, "/api/v1/templates/{id}",	NULL,	api_template_get },
	{ RM_DELETE, "/api/v1/templates/{id}",	NULL,	api_template_delete },
	{ RM_POST, "/api/v1/templates/{id}/apply", NULL, api_template_apply },
	{ RM_POST, "/api/v1/plans/{id}/feeds",	NULL,	api_plan_feed_create },
	{ RM_DELETE, "/api/v1/plans/{id}/feeds", NULL,	api_plan_feed_revoke },
	{ RM_GET, "/api/v1/feeds/{token}/calendar.ics", NULL, api_feed_ics },

	/* IMS CASE 1.0 package import (curators); the provider itself is
	 * under /ims/case/v1p0 (case_dispatch.c). */
	{ RM_POST, "/api/v1/case/packages",	NULL,	api_case_import },

	/* Coverage reports (h_coverage.c). */
	{ RM_GET, "/api/v1/plans/{id}/coverage", COVERAGE_KEYS ",overlap",
	    api_plan_coverage },
	{ RM_GET, "/api/v1/schools/{id}/coverage", "years," COVERAGE_KEYS
	    ",overlap", api_school_coverage },
	{ RM_GET, "/api/v1/reports/coverage", "years,type,region,school,"
	    "overlap," COVERAGE_KEYS, api_reports_coverage },

	/* Accounts: sessions, schools, people, the audit log. */
	{ RM_POST, "/api/v1/session",		NULL,	api_session_create },
	{ RM_DELETE, "/api/v1/session",		NULL,	api_session_delete },
	{ RM_GET, "/api/v1/me",			NULL,	api_me_get },
	{ RM_PUT, "/api/v1/me/password",	NULL,	api_me_password },
	{ RM_POST, "/api/v1/invitation",	NULL,	api_invitation_accept },
	{ RM_POST, "/api/v1/me/memberships",	NULL,	api_me_membership_accept },
	{ RM_GET, "/api/v1/schools",		"region," PAGING,
	    api_schools_list },
	{ RM_POST, "/api/v1/schools",		NULL,	api_school_create },
	{ RM_GET, "/api/v1/schools/{id}",	NULL,	api_school_get },
	{ RM_PATCH, "/api/v1/schools/{id}",	NULL,	api_school_update },
	{ RM_GET, "/api/v1/schools/{id}/members", NULL, api_school_members },
	{ RM_POST, "/api/v1/schools/{id}/teachers", NULL,
	    api_school_teacher_add },
	{ RM_DELETE, "/api/v1/schools/{id}/teachers/{user}", NULL,
	    api_school_teacher_remove },
	{ RM_DELETE, "/api/v1/schools/{id}/invitations/{invitation}", NULL,
	    api_school_invitation_delete },
	{ RM_GET, "/api/v1/users",		"q,role,school," PAGING,
	    api_users_list },
	{ RM_POST, "/api/v1/users",		NULL,	api_user_create },
	{ RM_GET, "/api/v1/users/{id}",		NULL,	api_user_get },
	{ RM_PATCH, "/api/v1/users/{id}",	NULL,	api_user_update },
	{ RM_DELETE, "/api/v1/users/{id}",	NULL,	api_user_delete },
	{ RM_POST, "/api/v1/users/{id}/invitation", NULL, api_user_invite },
	{ RM_GET, "/api/v1/invitations",	NULL,	api_invitations_list },
	{ RM_POST, "/api/v1/invitations/{id}/link", NULL, api_invitation_link },
	{ RM_GET, "/api/v1/audit",
	    "entity,entity_id,school,actor,action,from,to," PAGING,
	    api_audit_list },
};

const size_t	routes_count = sizeof(routes) / sizeof(routes[0]);
