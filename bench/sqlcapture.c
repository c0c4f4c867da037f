/*
 * sqlcapture: the SQL the API runs for one GET /api/v1/lessons request,
 * written as a pgbench script.
 *
 *	sqlcapture QUERY_STRING GOAL_ID PREFIX SCRIPT DEFS
 *
 * QUERY_STRING is the raw query string of the request (as wrk sends it),
 * GOAL_ID the id the goal resolves to.  The program runs the API's own
 * code — qs.c, lesson_query.c and db_lessons.c, linked unchanged — with
 * db_text() replaced by a recorder, in the order of api_lessons_find() in
 * h_lessons.c.  Each recorded statement is written to SCRIPT with its
 * exact text; for every parameter $k one occurrence (the k-th, in text
 * order) becomes the pgbench variable :PREFIX_s_k, so that pgbench -M
 * prepared prepares the very same text with the same $k.  DEFS gets one
 * "name=value" line per non-NULL parameter for pgbench -D; a NULL
 * parameter is a variable that is never defined, which pgbench sends as
 * SQL NULL, as the API does.
 *
 *	sqlcapture QUERY_STRING GOAL_ID -json FILE
 *
 * writes the same statements to FILE as one JSON array of
 * {"name", "text", "values"} (values: strings or null), for the Node.js
 * peer (bench/node-peer/server.mjs), which prepares and runs them in turn.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "db/db.h"
#include "catalogue/lessons_db.h"
#include "catalogue/lesson_query.h"
#include "core/qs.h"

#define MAX_STMTS	4
#define MAX_PARAMS	32

struct captured {
	const char	*name;
	const char	*sql;
	int		 nparams;
	char		*params[MAX_PARAMS];
};

static struct captured	stmts[MAX_STMTS];
static int		nstmts;

static void
fail(const char *msg)
{
	fprintf(stderr, "sqlcapture: %s\n", msg);
	exit(1);
}

/* The recorder that replaces db.c's db_text(): no database, no result. */
enum db_result
db_text(struct db_stmt *st, const char *const *params, char **out)
{
	struct captured	*c;
	int		 i;

	*out = NULL;
	if (nstmts == MAX_STMTS || st->nparams > MAX_PARAMS)
		fail("too many statements or parameters");
	c = &stmts[nstmts++];
	c->name = st->name;
	c->sql = st->sql;
	c->nparams = st->nparams;
	for (i = 0; i < st->nparams; i++) {
		c->params[i] = NULL;
		if (params[i] != NULL &&
		    (c->params[i] = strdup(params[i])) == NULL)
			fail("out of memory");
	}
	return (DB_OK);
}

/*
 * db_call.c's other calls need db_exec(); the finder's path does not take
 * them, so reaching one is a fault of the recorder.
 */
enum db_result
db_exec(struct db_stmt *st, const char *const *params, PGresult **res)
{
	(void)st;
	(void)params;
	*res = NULL;
	fail("db_exec() called: only db_text() is recorded");
	return (DB_ERROR);
}

static const char *
get(const void *src, const char *key)
{
	return (qs_get(src, key));
}

/* The first "$k" (not "$k0") at or after from, or NULL. */
static const char *
find_param(const char *from, int k)
{
	char		 tok[16];
	const char	*p;
	size_t		 n;

	(void)snprintf(tok, sizeof(tok), "$%d", k);
	n = strlen(tok);
	for (p = from; (p = strstr(p, tok)) != NULL; p += n) {
		if (!isdigit((unsigned char)p[n]))
			return (p);
	}
	return (NULL);
}

static void
write_stmt(FILE *script, FILE *defs, const char *prefix, int s,
    const struct captured *c)
{
	const char	*p, *at;
	int		 k;

	p = c->sql;
	for (k = 1; k <= c->nparams; k++) {
		if ((at = find_param(p, k)) == NULL)
			fail("parameters do not appear in increasing order");
		fwrite(p, 1, (size_t)(at - p), script);
		fprintf(script, ":%s_%d_%d", prefix, s, k);
		p = at + 1 + snprintf(NULL, 0, "%d", k);
		if (c->params[k - 1] != NULL) {
			if (strchr(c->params[k - 1], '\n') != NULL)
				fail("a parameter holds a newline");
			fprintf(defs, "%s_%d_%d=%s\n", prefix, s, k,
			    c->params[k - 1]);
		}
	}
	fprintf(script, "%s;\n", p);
}

/* The statements as a JSON array for the Node.js peer. */
static void
write_json(const char *path)
{
	json_t	*all, *st, *vals;
	int	 s, i;

	if ((all = json_array()) == NULL)
		fail("out of memory");
	for (s = 0; s < nstmts; s++) {
		vals = json_array();
		for (i = 0; i < stmts[s].nparams; i++)
			json_array_append_new(vals, stmts[s].params[i] != NULL ?
			    json_string(stmts[s].params[i]) : json_null());
		st = json_pack("{s:s, s:s, s:o}", "name", stmts[s].name,
		    "text", stmts[s].sql, "values", vals);
		if (st == NULL || json_array_append_new(all, st) == -1)
			fail("out of memory");
	}
	if (json_dump_file(all, path, JSON_COMPACT) == -1)
		fail("cannot write the output file");
	json_decref(all);
}

int
main(int argc, char *argv[])
{
	struct lesson_query	 q;
	struct param_errors	 e;
	struct qs		 qs;
	const char		*bad;
	char			*json;
	FILE			*script, *defs;
	int			 s, i;

	if (argc != 6 && !(argc == 5 && strcmp(argv[3], "-json") == 0))
		fail("usage: sqlcapture QUERY_STRING GOAL_ID PREFIX SCRIPT DEFS"
		    " | QUERY_STRING GOAL_ID -json FILE");
	if (qs_parse(&qs, argv[1], &bad) != QS_OK)
		fail("bad query string");
	if (lesson_query_parse(&q, get, &qs, &e) > 0)
		fail("the API would answer 400 to this query string");

	/* The order of api_lessons_find(). */
	if (q.goal != NULL)
		(void)db_goal_resolve(q.goal, q.framework, &json);
	if (q.level != NULL || q.stage != NULL || q.evidence != NULL ||
	    q.programme != NULL)
		(void)db_lesson_vocab_check(&q, &json);
	(void)db_lessons_find(&q, q.goal != NULL ? argv[2] : NULL, &json);

	if (argc == 5) {
		write_json(argv[4]);
		for (s = 0; s < nstmts; s++)
			for (i = 0; i < stmts[s].nparams; i++)
				free(stmts[s].params[i]);
		qs_free(&qs);
		return (0);
	}
	if ((script = fopen(argv[4], "w")) == NULL ||
	    (defs = fopen(argv[5], "w")) == NULL)
		fail("cannot write the output files");
	for (s = 0; s < nstmts; s++) {
		write_stmt(script, defs, argv[3], s + 1, &stmts[s]);
		for (i = 0; i < stmts[s].nparams; i++)
			free(stmts[s].params[i]);
	}
	if (fclose(script) != 0 || fclose(defs) != 0)
		fail("cannot write the output files");
	qs_free(&qs);
	return (0);
}
