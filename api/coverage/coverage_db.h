/*
 * db_coverage: the coverage reports (schema/functions/coverage.sql).
 *
 * Every function returns the report document (JSON) in *json, a new
 * string the caller frees with free(); NULL when there is no such school
 * or plan.  Lists are comma separated text ("2026-2027,2027-2028"; "" for
 * none), checked by coverage_params_parse() before.  The reports are read
 * on the standby when there is a fit one (db_read.h); *f says where.
 */
#ifndef LEERLIJN_DB_COVERAGE_H
#define LEERLIJN_DB_COVERAGE_H

#include "coverage/coverage_report.h"
#include "db/db.h"

struct db_freshness;

/*
 * "field: message" when a year, framework or subject area (in the chosen
 * frameworks) does not exist, else NULL.
 */
enum db_result	db_coverage_param_problem(const struct coverage_params *p,
		    char **problem);
enum db_result	db_coverage_school(const char *school,
		    const struct coverage_params *p, char **json,
		    struct db_freshness *f);
enum db_result	db_coverage_plan(const char *plan,
		    const struct coverage_params *p, char **json,
		    struct db_freshness *f);
/* Over the schools user may read; type and region "" for any. */
enum db_result	db_coverage_aggregate(const char *user,
		    const struct coverage_params *p, char **json,
		    struct db_freshness *f);

#endif
