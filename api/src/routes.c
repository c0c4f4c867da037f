/*
 * routes: the table of every API route and its handler.
 *
 * One line per method and path; the dispatcher answers 404 for a path that
 * is not here and 405 (with Allow) for a method that is not.  "query" lists
 * the query parameters a route accepts; any other one is a 400.
 */
#include "handlers.h"
#include "routes.h"

const struct route routes[] = {
	{ RM_GET,	"/api/v1/health",	NULL,	api_health_get },
};

const size_t	routes_count = sizeof(routes) / sizeof(routes[0]);
