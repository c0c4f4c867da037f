/*
 * db_accounts: schools, users, invitations and the audit log.
 */
#include <stdio.h>
#include <string.h>

#include "accounts/accounts_db.h"

static struct db_stmt	st_schools = DB_STMT("acc_schools_list",
    "SELECT account_schools_list($1::uuid, $2, $3::integer, $4::integer)",
    4, 1);
static struct db_stmt	st_school = DB_STMT("acc_school_get",
    "SELECT account_school_doc($1::uuid)", 1, 1);
static struct db_stmt	st_school_create = DB_STMT("acc_school_create",
    "SELECT account_school_create($1::jsonb)", 1, 0);
static struct db_stmt	st_school_update = DB_STMT("acc_school_update",
    "SELECT account_school_update($1::uuid, $2::jsonb, $3::integer)", 3, 0);
static struct db_stmt	st_members = DB_STMT("acc_school_members",
    "SELECT account_school_members($1::uuid)", 1, 1);
static struct db_stmt	st_teacher_add = DB_STMT("acc_teacher_add",
    "SELECT account_teacher_add($1::uuid, $2::jsonb, $3::bytea)", 3, 0);
static struct db_stmt	st_teacher_remove = DB_STMT("acc_teacher_remove",
    "SELECT account_teacher_remove($1::uuid, $2::uuid)", 2, 0);
static struct db_stmt	st_users = DB_STMT("acc_users_list",
    "SELECT account_users_list($1, $2, $3::uuid, $4::integer, $5::integer)",
    5, 1);
static struct db_stmt	st_user = DB_STMT("acc_user_get",
    "SELECT account_user_doc($1::uuid)", 1, 1);
static struct db_stmt	st_user_create = DB_STMT("acc_user_create",
    "SELECT account_user_create($1::jsonb, $2::bytea)", 2, 0);
static struct db_stmt	st_user_update = DB_STMT("acc_user_update",
    "SELECT account_user_update($1::uuid, $2::jsonb)", 2, 0);
static struct db_stmt	st_user_delete = DB_STMT("acc_user_delete",
    "SELECT account_user_delete($1::uuid)", 1, 0);
static struct db_stmt	st_user_invite = DB_STMT("acc_user_invite",
    "SELECT account_invite(id, $2::bytea) FROM app_user WHERE id = $1::uuid",
    2, 0);
static struct db_stmt	st_accept = DB_STMT("acc_invitation_accept",
    "SELECT account_invitation_accept($1::bytea, $2, $3::uuid)", 3, 0);
static struct db_stmt	st_inv_lookup = DB_STMT("acc_invitation_lookup",
    "SELECT user_id, email, needs_password "
    "FROM account_invitation_lookup($1::bytea)", 1, 1);
static struct db_stmt	st_inv_mail = DB_STMT("acc_invitation_mail",
    "SELECT account_invitation_mail($1::bytea)", 1, 1);
static struct db_stmt	st_inv_list = DB_STMT("acc_invitations_list",
    "SELECT account_invitations_list()", 0, 1);
static struct db_stmt	st_inv_renew = DB_STMT("acc_invitation_renew",
    "SELECT account_invitation_renew($1::uuid, $2::bytea)", 2, 0);
static struct db_stmt	st_inv_delete = DB_STMT("acc_school_invitation_delete",
    "SELECT account_school_invitation_delete($1::uuid, $2::uuid)", 2, 0);
static struct db_stmt	st_hash_of = DB_STMT("acc_password_hash_of",
    "SELECT coalesce(password_hash, ''), email FROM app_user "
    "WHERE id = $1::uuid", 1, 1);
static struct db_stmt	st_password_set = DB_STMT("acc_password_set",
    "SELECT account_password_set($1::uuid, $2::uuid, $3)", 3, 0);
static struct db_stmt	st_audit = DB_STMT("acc_audit_list",
    "SELECT account_audit_list($1::uuid, $2, $3, $4, $5, $6, $7, $8,"
    " $9::integer, $10::integer)", 10, 1);

enum db_result
db_schools_list(const char *user_id, const char *region, long limit,
    long offset, char **json)
{
	const char	*p[2] = { user_id, region };

	return (db_text_page(&st_schools, p, 2, limit, offset, json));
}

enum db_result
db_school_get(const char *id, char **json)
{
	const char	*p[1] = { id };

	return (db_text(&st_school, p, json));
}

enum db_result
db_school_create(const char *doc, char **json)
{
	const char	*p[1] = { doc };

	return (db_text(&st_school_create, p, json));
}

enum db_result
db_school_update(const char *id, const char *doc, const char *version,
    char **json)
{
	const char	*p[3] = { id, doc, version };

	return (db_text(&st_school_update, p, json));
}

enum db_result
db_school_members(const char *id, char **json)
{
	const char	*p[1] = { id };

	return (db_text(&st_members, p, json));
}

enum db_result
db_teacher_add(const char *school, const char *doc, const char *hash_hex,
    char **json)
{
	const char	*p[3] = { school, doc, hash_hex };

	return (db_text(&st_teacher_add, p, json));
}

enum db_result
db_teacher_remove(const char *school, const char *user, int *removed)
{
	const char	*p[2] = { school, user };

	return (db_bool(&st_teacher_remove, p, removed));
}

enum db_result
db_users_list(const char *q, const char *role, const char *school,
    long limit, long offset, char **json)
{
	const char	*p[3] = { q, role, school };

	return (db_text_page(&st_users, p, 3, limit, offset, json));
}

enum db_result
db_user_get(const char *id, char **json)
{
	const char	*p[1] = { id };

	return (db_text(&st_user, p, json));
}

enum db_result
db_user_create(const char *doc, const char *hash_hex, char **json)
{
	const char	*p[2] = { doc, hash_hex };

	return (db_text(&st_user_create, p, json));
}

enum db_result
db_user_update(const char *id, const char *doc, char **json)
{
	const char	*p[2] = { id, doc };

	return (db_text(&st_user_update, p, json));
}

enum db_result
db_user_delete(const char *id, int *deleted)
{
	const char	*p[1] = { id };

	return (db_bool(&st_user_delete, p, deleted));
}

enum db_result
db_user_invite(const char *id, const char *hash_hex, char **json)
{
	const char	*p[2] = { id, hash_hex };

	return (db_text(&st_user_invite, p, json));
}

enum db_result
db_invitation_accept(const char *hash_hex, const char *password_hash,
    const char *user_id, char **json)
{
	const char	*p[3] = { hash_hex, password_hash, user_id };

	return (db_text(&st_accept, p, json));
}

static void
invitation_row(PGresult *r, void *arg)
{
	struct invitation_facts	*f = arg;

	f->found = 1;
	db_copy(f->user_id, sizeof(f->user_id), r, 0);
	db_copy(f->email, sizeof(f->email), r, 1);
	f->needs_password = PQgetvalue(r, 0, 2)[0] == 't';
}

enum db_result
db_invitation_lookup(const char *hash_hex, struct invitation_facts *f)
{
	const char	*p[1] = { hash_hex };

	memset(f, 0, sizeof(*f));
	return (db_row(&st_inv_lookup, p, invitation_row, f));
}

enum db_result
db_invitation_mail(const char *hash_hex, char **json)
{
	const char	*p[1] = { hash_hex };

	return (db_text(&st_inv_mail, p, json));
}

enum db_result
db_invitations_list(char **json)
{
	return (db_text(&st_inv_list, NULL, json));
}

enum db_result
db_invitation_renew(const char *id, const char *hash_hex, char **json)
{
	const char	*p[2] = { id, hash_hex };

	return (db_text(&st_inv_renew, p, json));
}

enum db_result
db_school_invitation_delete(const char *school, const char *id,
    int *removed)
{
	const char	*p[2] = { school, id };

	return (db_bool(&st_inv_delete, p, removed));
}

struct hash_of {
	char	*hash, *email;
	size_t	 hashlen, emaillen;
};

static void
hash_of_row(PGresult *r, void *arg)
{
	struct hash_of	*h = arg;

	(void)snprintf(h->hash, h->hashlen, "%s", PQgetvalue(r, 0, 0));
	db_copy(h->email, h->emaillen, r, 1);
}

enum db_result
db_password_hash_of(const char *user_id, char *hash, size_t hashlen,
    char *email, size_t emaillen)
{
	const char	*p[1] = { user_id };
	struct hash_of	 h = { hash, email, hashlen, emaillen };

	hash[0] = email[0] = '\0';
	return (db_row(&st_hash_of, p, hash_of_row, &h));
}

enum db_result
db_password_set(const char *user_id, const char *keep_session,
    const char *password_hash)
{
	const char	*p[3] = { user_id, keep_session, password_hash };

	return (db_run(&st_password_set, p));
}

enum db_result
db_audit_list(const char *user_id, const struct audit_filter *f, long limit,
    long offset, char **json)
{
	const char	*p[8] = { user_id, f->entity, f->entity_id, f->school,
			    f->actor, f->action, f->from, f->to };

	return (db_text_page(&st_audit, p, 8, limit, offset, json));
}
