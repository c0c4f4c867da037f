/*
 * db_case: the CASE 1.0 provider's reads and the package import.
 *
 * Every read returns the JSON document PostgreSQL built (schema/0040) in
 * *json, which the caller frees with free(); DB_OK with *json NULL means
 * "no such object".  base is the public base URL for absolute uris.
 */
#ifndef LEERLIJN_DB_CASE_H
#define LEERLIJN_DB_CASE_H

#include "db/db.h"

enum case_object {
	CASE_DOCUMENT = 0,
	CASE_PACKAGE,
	CASE_ITEM,
	CASE_ASSOCIATION,
	CASE_ITEM_ASSOCIATIONS
};

/* filter: case_filter_json() text or NULL; sort a CFDocument member. */
enum db_result	db_case_documents(const char *base, const char *filter,
		    const char *sort, int desc, long limit, long offset,
		    char **json);
enum db_result	db_case_object(enum case_object what, const char *base,
		    const char *id, char **json);
struct db_freshness;
/* A CFPackage (heavy): on the standby when it is fit (db_read.h). */
enum db_result	db_case_package(const char *base, const char *id,
		    char **json, struct db_freshness *f);
/* kind: "CFConcepts", "CFSubjects", "CFItemTypes", ... */
enum db_result	db_case_definition(const char *base, const char *kind,
		    const char *id, char **json);
/*
 * case_import() on a checked, prepared package (text).  The caller runs
 * it in a transaction and rolls back unless the result's status is "ok".
 */
enum db_result	db_case_import(const char *base, const char *package,
		    char **result);

#endif
