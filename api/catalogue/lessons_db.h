/*
 * db_lessons: the lesson finder and lesson details.
 */
#ifndef LEERLIJN_DB_LESSONS_H
#define LEERLIJN_DB_LESSONS_H

#include "db/db.h"
#include "catalogue/lesson_query.h"

/*
 * Resolve a goal given as id or code (optionally within framework).  On
 * DB_OK: *json is NULL when no goal matches, else an array of candidates
 * [{id, framework, code, title}] (more than one means ambiguous).  The
 * caller frees *json.
 */
enum db_result	db_goal_resolve(const char *goal, const char *framework,
		    char **json);
/*
 * Which of the vocabulary codes of q do not exist: *json is an array of
 * the parameter names (empty when all exist).  The caller frees *json.
 */
enum db_result	db_lesson_vocab_check(const struct lesson_query *q,
		    char **json);
/*
 * The page of lessons for q; goal_id is the resolved goal or NULL.  The
 * caller frees *json.
 */
enum db_result	db_lessons_find(const struct lesson_query *q,
		    const char *goal_id, char **json);
/* One lesson with alignments and warnings; *json NULL when unknown. */
/* A lesson of the shared catalogue (as anonymous users see it). */
enum db_result	db_lesson_get(const char *id, char **json);
/* The lesson if user (NULL: anonymous) may see it (a school's own unit). */
enum db_result	db_lesson_get_for(const char *id, const char *user,
		    char **json);
/* *ok = 1 when user may read school (member, inspector, admin). */
enum db_result	db_school_readable(const char *user, const char *school,
		    int *ok);
/* Every data-quality warning (for curators), paged. */
/* drafts: include the warnings of lessons that are not published. */
enum db_result	db_alignment_warnings(long limit, long offset, int drafts,
		    char **json);

#endif
