/*
 * db_auth: sessions, logins and the school facts behind authorization.
 *
 * Token hashes travel as bytea text ("\x" + hex); tokens and passwords
 * themselves never reach the database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounts/auth_db.h"

static struct db_stmt	st_wait = DB_STMT("auth_login_wait",
    "SELECT auth_login_wait($1, $2::inet)", 2, 1);
static struct db_stmt	st_failed = DB_STMT("auth_login_failed",
    "SELECT auth_login_failed($1, $2::inet)", 2, 0);
static struct db_stmt	st_account = DB_STMT("auth_login_account",
    "SELECT id, email, password_hash, disabled FROM app_user "
    "WHERE email = $1", 1, 1);
static struct db_stmt	st_open = DB_STMT("auth_session_open",
    "SELECT auth_session_open($1::uuid, $2::bytea, $3::inet)", 3, 0);
static struct db_stmt	st_lookup = DB_STMT("auth_session_touch",
    "SELECT session_id, user_id, roles FROM auth_session_touch($1::bytea)",
    1, 1);
static struct db_stmt	st_close = DB_STMT("auth_session_close",
    "SELECT auth_session_close($1::uuid)", 1, 0);
static struct db_stmt	st_me = DB_STMT("auth_me",
    "SELECT auth_me($1::uuid)", 1, 1);
static struct db_stmt	st_facts = DB_STMT("auth_school_facts",
    "SELECT school_exists, member_bits, inspector_in_scope "
    "FROM auth_school_facts($1::uuid, $2::uuid)", 2, 1);
static struct db_stmt	st_rehash = DB_STMT("auth_password_rehash",
    "UPDATE app_user SET password_hash = $2 WHERE id = $1::uuid", 2, 0);

enum db_result
db_login_wait(const char *email, const char *address, int *seconds)
{
	const char	*p[2] = { email, address };

	return (db_int(&st_wait, p, seconds));
}

enum db_result
db_login_failed(const char *email, const char *address)
{
	const char	*p[2] = { email, address };

	return (db_run(&st_failed, p));
}

static void
account_row(PGresult *r, void *arg)
{
	struct login_account	*a = arg;

	a->found = 1;
	db_copy(a->id, sizeof(a->id), r, 0);
	db_copy(a->email, sizeof(a->email), r, 1);
	a->has_password = !PQgetisnull(r, 0, 2);
	if (a->has_password)
		db_copy(a->password_hash, sizeof(a->password_hash), r, 2);
	a->disabled = PQgetvalue(r, 0, 3)[0] == 't';
}

enum db_result
db_login_account(const char *email, struct login_account *a)
{
	const char	*p[1] = { email };

	memset(a, 0, sizeof(*a));
	return (db_row(&st_account, p, account_row, a));
}

enum db_result
db_session_open(const char *user_id, const char *hash_hex,
    const char *address, char **json)
{
	const char	*p[3] = { user_id, hash_hex, address };

	return (db_text(&st_open, p, json));
}

static void
session_row(PGresult *r, void *arg)
{
	struct principal	*who = arg;

	who->authenticated = 1;
	db_copy(who->session_id, sizeof(who->session_id), r, 0);
	db_copy(who->user_id, sizeof(who->user_id), r, 1);
	who->roles = (unsigned)strtoul(PQgetvalue(r, 0, 2), NULL, 10);
}

enum db_result
db_session_lookup(const char *hash_hex, struct principal *who)
{
	const char	*p[1] = { hash_hex };

	who->authenticated = 0;
	return (db_row(&st_lookup, p, session_row, who));
}

enum db_result
db_session_close(const char *session_id, int *closed)
{
	const char	*p[1] = { session_id };

	return (db_bool(&st_close, p, closed));
}

enum db_result
db_me(const char *user_id, char **json)
{
	const char	*p[1] = { user_id };

	return (db_text(&st_me, p, json));
}

static void
facts_row(PGresult *r, void *arg)
{
	struct school_facts	*f = arg;

	f->exists = PQgetvalue(r, 0, 0)[0] == 't';
	f->member_bits = (unsigned)strtoul(PQgetvalue(r, 0, 1), NULL, 10);
	f->inspector_in_scope = PQgetvalue(r, 0, 2)[0] == 't';
}

enum db_result
db_school_facts(const char *user_id, const char *school_id,
    struct school_facts *f)
{
	const char	*p[2] = { user_id, school_id };

	memset(f, 0, sizeof(*f));
	return (db_row(&st_facts, p, facts_row, f));
}

enum db_result
db_password_rehash(const char *user_id, const char *hash)
{
	const char	*p[2] = { user_id, hash };

	return (db_run(&st_rehash, p));
}
