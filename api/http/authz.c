/*
 * authz: the decisions behind the authorization table (authz_rules.c).
 */
#include <string.h>

#include <jansson.h>

#include "http/authz.h"

static const struct {
	unsigned	 bit;
	const char	*name;
} role_names[] = {
	{ ROLE_ADMIN,		"admin" },
	{ ROLE_CURATOR,		"curator" },
	{ ROLE_COORDINATOR,	"coordinator" },
	{ ROLE_TEACHER,		"teacher" },
	{ ROLE_INSPECTOR,	"inspector" },
};

const char *
authz_role_name(unsigned bit)
{
	size_t	i;

	for (i = 0; i < sizeof(role_names) / sizeof(role_names[0]); i++) {
		if (role_names[i].bit == bit)
			return (role_names[i].name);
	}
	return (NULL);
}

unsigned
authz_role_bit(const char *name)
{
	size_t	i;

	for (i = 0; name != NULL &&
	    i < sizeof(role_names) / sizeof(role_names[0]); i++) {
		if (strcmp(role_names[i].name, name) == 0)
			return (role_names[i].bit);
	}
	return (0);
}

const struct authz_rule *
authz_rule_find(const struct authz_rule *table, size_t n, unsigned method,
    const char *pattern)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (table[i].method == method &&
		    (table[i].pattern == pattern ||
		    strcmp(table[i].pattern, pattern) == 0))
			return (&table[i]);
	}
	return (NULL);
}

enum authz_verdict
authz_route_verdict(const struct authz_rule *r, const struct principal *who)
{
	unsigned	mask;

	if (r->own & ROLE_ANYONE)
		return (AUTHZ_ALLOW);
	if (!who->authenticated)
		return (AUTHZ_UNAUTHENTICATED);
	/* "Any logged-in user" includes one who holds no role (yet). */
	if ((r->own & ROLE_ANY_USER) == ROLE_ANY_USER)
		return (AUTHZ_ALLOW);
	mask = r->own;
	if (r->scope != AUTHZ_GLOBAL)
		mask |= r->other;
	return ((who->roles & mask) ? AUTHZ_ALLOW : AUTHZ_FORBIDDEN);
}

enum authz_verdict
authz_school_verdict(const struct authz_rule *r, const struct principal *who,
    const struct school_facts *f, int write)
{
	unsigned	global, own, other;
	int		readable;

	if (r->own & ROLE_ANYONE)
		return (AUTHZ_ALLOW);
	if (!who->authenticated)
		return (AUTHZ_UNAUTHENTICATED);
	if (!f->exists)
		return (AUTHZ_HIDDEN);
	global = who->roles & ROLE_GLOBAL;
	if (!f->inspector_in_scope)
		global &= ~(unsigned)ROLE_INSPECTOR;
	own = f->member_bits & ROLE_MEMBER & r->own;
	other = global & r->other;
	/* Inspectors only read, whatever a rule says. */
	if (write)
		other &= ~(unsigned)ROLE_INSPECTOR;
	if (own != 0 || other != 0)
		return (AUTHZ_ALLOW);
	readable = (f->member_bits & ROLE_MEMBER) != 0 ||
	    (global & (ROLE_ADMIN | ROLE_INSPECTOR)) != 0;
	return (readable ? AUTHZ_FORBIDDEN : AUTHZ_HIDDEN);
}

enum authz_item_edit
authz_item_edit(const struct principal *who, const struct school_facts *f)
{
	if (!who->authenticated || !f->exists)
		return (AUTHZ_ITEM_NONE);
	if ((who->roles & ROLE_ADMIN) || (f->member_bits & ROLE_COORDINATOR))
		return (AUTHZ_ITEM_ALL);
	if (f->member_bits & ROLE_TEACHER)
		return (AUTHZ_ITEM_OWN);
	return (AUTHZ_ITEM_NONE);
}

int
authz_teacher_may_change(const json_t *body)
{
	const char	*key;
	json_t		*v;
	size_t		 i;
	int		 known;

	json_object_foreach((json_t *)body, key, v) {
		(void)v;
		known = 0;
		for (i = 0; authz_teacher_item_fields[i] != NULL; i++)
			known |= strcmp(key, authz_teacher_item_fields[i]) == 0;
		if (!known)
			return (0);
	}
	return (1);
}
