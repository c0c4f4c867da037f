/*
 * db_catalogue_write: changes to frameworks, goals, relations, lessons and
 * alignments, for curators.
 *
 * The body arrives validated (json_fields.c) and goes to PostgreSQL as one
 * jsonb parameter; the statements pick the fields they know.  The caller
 * runs each request in one transaction (db_begin/db_commit).  On success
 * *id (when given) receives the id or code of the row, which the caller
 * frees with free(); DB_OK with *id NULL means "no such row".
 */
#ifndef LEERLIJN_DB_CATALOGUE_WRITE_H
#define LEERLIJN_DB_CATALOGUE_WRITE_H

#include "db/db.h"

enum db_result	db_framework_create(const char *doc, char **code);
enum db_result	db_framework_update(const char *code, const char *doc,
		    char **out);
/* levels: the body has "levels" (the goal's levels are replaced). */
enum db_result	db_goal_create(const char *framework, const char *doc,
		    int levels, char **id);
enum db_result	db_goal_update(const char *id, const char *doc, int levels,
		    char **out);
enum db_result	db_goal_delete(const char *id, char **out);
enum db_result	db_relation_create(const char *origin, const char *doc,
		    char **id);
enum db_result	db_relation_delete(const char *id, char **out);
enum db_result	db_lesson_create(const char *doc, int levels, char **id);
/* version is the client's If-Match; DB_STALE when it is not current. */
enum db_result	db_lesson_update(const char *id, const char *version,
		    const char *doc, int levels, char **out);
enum db_result	db_lesson_delete(const char *id, const char *version,
		    char **out);
enum db_result	db_alignment_create(const char *lesson, const char *doc,
		    char **id);
enum db_result	db_alignment_delete(const char *id, char **out);
/* Reads of single relations and alignments (JSON documents). */
enum db_result	db_relation_get(const char *id, char **json);
enum db_result	db_alignment_get(const char *id, char **json);

#endif
