/*
 * db_catalogue: reads of frameworks, goals and levels.
 *
 * Each function runs one statement that builds the reply document in
 * PostgreSQL (json_build_object / json_agg) and hands back its text: one
 * round trip, no copying through intermediate structs.  *json is NULL when
 * the thing asked for does not exist.  The caller frees *json with free().
 */
#ifndef LEERLIJN_DB_CATALOGUE_H
#define LEERLIJN_DB_CATALOGUE_H

#include "db/db.h"

enum db_result	db_frameworks_list(long limit, long offset, char **json);
enum db_result	db_framework_get(const char *code, char **json);
enum db_result	db_framework_goals(const char *code, char **json);
/* A goal with its lessons; drafts: with those not published (curators). */
enum db_result	db_goal_read(const char *id, int drafts, char **json);
/* The same with every lesson (for the curators' writes). */
enum db_result	db_goal_get(const char *id, char **json);
enum db_result	db_goals_find(const char *framework, const char *code,
		    const char *q, long limit, long offset, char **json);
enum db_result	db_levels_list(char **json);

#endif
