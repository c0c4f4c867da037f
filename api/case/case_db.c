/*
 * db_case: the CASE 1.0 provider's reads and the package import.
 */
#include "case/case_db.h"
#include "db/db_read.h"

static struct db_stmt st_documents = DB_STMT("case_documents",
    "SELECT case_documents($1, $2::jsonb, $3, $4::boolean, $5::integer,"
    " $6::integer)::text", 6, 1);

static struct db_stmt st_objects[] = {
	[CASE_DOCUMENT] = DB_STMT("case_document",
	    "SELECT case_document_get($1, $2::uuid)::text", 2, 1),
	[CASE_PACKAGE] = DB_STMT("case_package",
	    "SELECT case_package($1, $2::uuid)::text", 2, 1),
	[CASE_ITEM] = DB_STMT("case_item",
	    "SELECT case_item_get($1, $2::uuid)::text", 2, 1),
	[CASE_ASSOCIATION] = DB_STMT("case_association",
	    "SELECT case_association_get($1, $2::uuid)::text", 2, 1),
	[CASE_ITEM_ASSOCIATIONS] = DB_STMT("case_item_associations",
	    "SELECT case_item_associations($1, $2::uuid)::text", 2, 1),
};

static struct db_stmt st_definition = DB_STMT("case_definition",
    "SELECT case_definition_get($1, $2, $3::uuid)::text", 3, 1);

static struct db_stmt st_import = DB_STMT("case_import",
    "SELECT case_import($1, $2::jsonb)::text", 2, 0);

enum db_result
db_case_documents(const char *base, const char *filter, const char *sort,
    int desc, long limit, long offset, char **json)
{
	const char	*params[4] = { base, filter, sort,
			    desc ? "true" : "false" };

	return (db_text_page(&st_documents, params, 4, limit, offset, json));
}

enum db_result
db_case_object(enum case_object what, const char *base, const char *id,
    char **json)
{
	const char	*params[2] = { base, id };

	return (db_text(&st_objects[what], params, json));
}

enum db_result
db_case_package(const char *base, const char *id, char **json,
    struct db_freshness *f)
{
	const char	*params[2] = { base, id };

	return (db_read_text(&st_objects[CASE_PACKAGE], params, json, f));
}

enum db_result
db_case_definition(const char *base, const char *kind, const char *id,
    char **json)
{
	const char	*params[3] = { base, kind, id };

	return (db_text(&st_definition, params, json));
}

enum db_result
db_case_import(const char *base, const char *package, char **result)
{
	const char	*params[2] = { base, package };

	return (db_text(&st_import, params, result));
}
