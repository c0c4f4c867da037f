/*
 * db_auth: sessions, logins and the school facts behind authorization.
 */
#ifndef LEERLIJN_DB_AUTH_H
#define LEERLIJN_DB_AUTH_H

#include "http/authz.h"
#include "db/db.h"
#include "accounts/password.h"

struct login_account {
	int	found;
	char	id[AUTHZ_UUID_LEN + 1];
	char	email[256];
	char	password_hash[PASSWORD_HASH_MAX];
	int	has_password;
	int	disabled;
};

/* Seconds the next login for email from address must wait (0: none). */
enum db_result	db_login_wait(const char *email, const char *address,
		    int *seconds);
enum db_result	db_login_failed(const char *email, const char *address);
enum db_result	db_login_account(const char *email, struct login_account *a);
/*
 * Open a session for user_id with the token hash (in a transaction of the
 * caller); *json is the session document (the caller frees it).
 */
enum db_result	db_session_open(const char *user_id, const char *hash_hex,
		    const char *address, char **json);
/* Fill who from a live session of hash_hex; who->authenticated 0 if none. */
enum db_result	db_session_lookup(const char *hash_hex, struct principal *who);
/* Close a session; *closed 0 when it was gone already. */
enum db_result	db_session_close(const char *session_id, int *closed);
/* GET /api/v1/me for user_id; *json NULL when gone (caller frees). */
enum db_result	db_me(const char *user_id, char **json);
enum db_result	db_school_facts(const char *user_id, const char *school_id,
		    struct school_facts *f);
/* Replace the password hash of user_id (after a rehash on login). */
enum db_result	db_password_rehash(const char *user_id, const char *hash);

#endif
