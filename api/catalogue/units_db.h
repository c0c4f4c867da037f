/*
 * units_db: a school's own activities: list, read, create, change,
 * remove, offer to and adoption by the catalogue; the proposed leerlijn
 * and its application as plans or a template (schema/functions/units.sql).
 * Every call returns the JSON document PostgreSQL builds (NULL: no such
 * activity or school); writes run inside the caller's transaction.
 */
#ifndef LEERLIJN_UNITS_DB_H
#define LEERLIJN_UNITS_DB_H

#include "db/db.h"

enum db_result	db_activity_list(const char *school, char **json);
enum db_result	db_activity_get(const char *school, const char *id,
		    char **json);
enum db_result	db_activity_create(const char *school, const char *user,
		    const char *body, char **json);
enum db_result	db_activity_update(const char *school, const char *id,
		    const char *body, const char *version, char **json);
enum db_result	db_activity_delete(const char *school, const char *id,
		    const char *version, char **json);
enum db_result	db_activity_offered(char **json);
enum db_result	db_activity_adopt(const char *id, const char *body,
		    char **json);
/* The proposal for school; body {from, to?, frameworks?, per_level?}. */
enum db_result	db_proposal(const char *school, const char *body,
		    char **json);
/* Apply a (changed) proposal: body {as, title?, items}. */
enum db_result	db_proposal_apply(const char *school, const char *user,
		    const char *body, char **json);

#endif
