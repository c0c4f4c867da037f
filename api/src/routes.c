/*
 * routes: the table of every API route and its handler.
 *
 * One line per method and path; the dispatcher answers 404 for a path that
 * is not here and 405 (with Allow) for a method that is not.  "query" lists
 * the query parameters a route accepts; any other one is a 400.
 */
#include "handlers.h"
#include "lesson_query.h"
#include "routes.h"

#define PAGING	"limit,offset"

const struct route routes[] = {
	{ RM_GET, "/api/v1/health",		NULL,	api_health_get },

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

	/* The school calendar. */
	{ RM_GET, "/api/v1/calendar/{school_year}", "region", api_calendar_get },
};

const size_t	routes_count = sizeof(routes) / sizeof(routes[0]);
