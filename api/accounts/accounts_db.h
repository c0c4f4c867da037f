/*
 * db_accounts: schools, users, invitations and the audit log.
 *
 * Every function returns the JSON document PostgreSQL built in *json (the
 * caller frees it; NULL when the row does not exist).  Bodies travel as
 * one jsonb text parameter (already checked by json_fields); token hashes
 * as bytea text.  Writes run inside the caller's db_begin()/db_commit().
 */
#ifndef LEERLIJN_DB_ACCOUNTS_H
#define LEERLIJN_DB_ACCOUNTS_H

#include "db/db.h"

struct audit_filter {
	const char	*entity, *entity_id, *school, *actor, *action;
	const char	*from, *to;
};

enum db_result	db_schools_list(const char *user_id, const char *region,
		    long limit, long offset, char **json);
enum db_result	db_school_get(const char *id, char **json);
enum db_result	db_school_create(const char *doc, char **json);
/* version NULL: no If-Match. */
enum db_result	db_school_update(const char *id, const char *doc,
		    const char *version, char **json);
enum db_result	db_school_members(const char *id, char **json);
enum db_result	db_teacher_add(const char *school, const char *doc,
		    const char *hash_hex, char **json);
enum db_result	db_teacher_remove(const char *school, const char *user,
		    int *removed);

enum db_result	db_users_list(const char *q, const char *role,
		    const char *school, long limit, long offset, char **json);
enum db_result	db_user_get(const char *id, char **json);
enum db_result	db_user_create(const char *doc, const char *hash_hex,
		    char **json);
enum db_result	db_user_update(const char *id, const char *doc, char **json);
enum db_result	db_user_delete(const char *id, int *deleted);
/* A new invitation for an existing user; *json NULL when there is none. */
enum db_result	db_user_invite(const char *id, const char *hash_hex,
		    char **json);
enum db_result	db_invitation_accept(const char *hash_hex,
		    const char *password_hash, char **json);
/* The argon2id hash ("" when none) and e-mail address of user_id. */
enum db_result	db_password_hash_of(const char *user_id, char *hash,
		    size_t hashlen, char *email, size_t emaillen);
enum db_result	db_password_set(const char *user_id, const char *keep_session,
		    const char *password_hash);

enum db_result	db_audit_list(const char *user_id,
		    const struct audit_filter *f, long limit, long offset,
		    char **json);

#endif
