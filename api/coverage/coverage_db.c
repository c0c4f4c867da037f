/*
 * db_coverage: the coverage reports.  The SQL lives in
 * schema/functions/coverage.sql as functions (a school's and a plan's
 * report with the gap suggestions of coverage_suggest()); these are the
 * calls, with parameters only.
 */
#include "coverage/coverage_db.h"
#include "db/db_read.h"

#define Q(name, sql, n)	static struct db_stmt name = DB_STMT(#name, sql, n, 1)

/* A comma separated list as text[]: NULL when empty. */
#define LIST(n)		"nullif(string_to_array($" #n ", ','), '{}')"

Q(st_coverage_param_problem, "SELECT coverage_param_problem(" LIST(1) ", "
    LIST(2) ")", 2);
/* A school's and a plan's reports carry gap suggestions. */
Q(st_coverage_school, "SELECT coverage_suggest(coverage_school_doc($1::uuid, "
    LIST(2) ", " LIST(3) ", $4, $5::integer, $6::boolean), $1::uuid)", 6);
Q(st_coverage_plan, "SELECT coverage_suggest(coverage_plan_doc($1::uuid, "
    LIST(2) ", $3, $4::integer, $5::boolean), (SELECT school_id FROM plan"
    " WHERE id = $1::uuid))", 5);
Q(st_coverage_aggregate, "SELECT coverage_aggregate_doc($1::uuid, " LIST(2)
    ", " LIST(3) ", $4, nullif($5, ''), nullif($6, ''), $7::boolean)", 7);

static const char *
focus_text(const struct coverage_params *p)
{
	return (p->focus ? "true" : "false");
}

enum db_result
db_coverage_param_problem(const char *years, const char *frameworks,
    char **problem)
{
	const char	*p[2] = { years, frameworks };

	return (db_text(&st_coverage_param_problem, p, problem));
}

enum db_result
db_coverage_school(const char *school, const struct coverage_params *cp,
    char **json, struct db_freshness *f)
{
	const char	*p[6] = { school, cp->years, cp->frameworks, cp->via,
			    cp->overlap, focus_text(cp) };

	return (db_read_text(&st_coverage_school, p, json, f));
}

enum db_result
db_coverage_plan(const char *plan, const struct coverage_params *cp,
    char **json, struct db_freshness *f)
{
	const char	*p[5] = { plan, cp->frameworks, cp->via, cp->overlap,
			    focus_text(cp) };

	return (db_read_text(&st_coverage_plan, p, json, f));
}

enum db_result
db_coverage_aggregate(const char *user, const struct coverage_params *cp,
    char **json, struct db_freshness *f)
{
	const char	*p[7] = { user, cp->years, cp->frameworks, cp->via,
			    cp->type, cp->region, focus_text(cp) };

	return (db_read_text(&st_coverage_aggregate, p, json, f));
}
