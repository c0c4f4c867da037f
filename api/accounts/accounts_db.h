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
/*
 * Accept an invitation: with password_hash, choose the password (every
 * session of the account ends); without, as the logged-in user_id (a
 * membership invitation of an account that has a password).
 */
enum db_result	db_invitation_accept(const char *hash_hex,
		    const char *password_hash, const char *user_id,
		    char **json);

/* The live invitation of a token hash (found 0: none). */
struct invitation_facts {
	int	found;
	int	needs_password;	/* a password must be chosen with it */
	char	user_id[40];
	char	email[256];
};
enum db_result	db_invitation_lookup(const char *hash_hex,
		    struct invitation_facts *f);
/* What the mail of an invitation says ({to, display_name, ...}). */
enum db_result	db_invitation_mail(const char *hash_hex, char **json);
enum db_result	db_invitations_list(char **json);
/* A new token for invitation id; *json NULL when there is none. */
enum db_result	db_invitation_renew(const char *id, const char *hash_hex,
		    char **json);
enum db_result	db_school_invitation_delete(const char *school,
		    const char *id, int *removed);
/* The argon2id hash ("" when none) and e-mail address of user_id. */
enum db_result	db_password_hash_of(const char *user_id, char *hash,
		    size_t hashlen, char *email, size_t emaillen);
enum db_result	db_password_set(const char *user_id, const char *keep_session,
		    const char *password_hash);

enum db_result	db_audit_list(const char *user_id,
		    const struct audit_filter *f, long limit, long offset,
		    char **json);

#endif
