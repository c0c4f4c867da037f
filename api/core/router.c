/*
 * router: match a method and path against the route table.
 */
#include <stdio.h>
#include <string.h>

#include "core/router.h"

/*
 * Compare path against pattern; fill m's parameters when they match.
 * Returns 1 on a match.
 */
static int
pattern_match(const char *pattern, const char *path, struct route_match *m)
{
	const char	*pp, *pe, *sp, *se;
	size_t		 plen, slen;

	m->nparams = 0;
	pp = pattern;
	sp = path;
	for (;;) {
		if (*pp != '/' || *sp != '/')
			return (*pp == '\0' && *sp == '\0');
		pp++;
		sp++;
		pe = strchr(pp, '/');
		if (pe == NULL)
			pe = pp + strlen(pp);
		se = strchr(sp, '/');
		if (se == NULL)
			se = sp + strlen(sp);
		plen = (size_t)(pe - pp);
		slen = (size_t)(se - sp);

		if (plen >= 2 && pp[0] == '{' && pp[plen - 1] == '}') {
			if (slen == 0 || slen >= ROUTE_PARAM_MAX ||
			    m->nparams == ROUTE_MAX_PARAMS)
				return (0);
			m->names[m->nparams] = pp + 1;
			m->namelens[m->nparams] = plen - 2;
			memcpy(m->values[m->nparams], sp, slen);
			m->values[m->nparams][slen] = '\0';
			m->nparams++;
		} else if (plen != slen || strncmp(pp, sp, plen) != 0) {
			return (0);
		}
		pp = pe;
		sp = se;
	}
}

enum router_result
router_match(const struct route *table, size_t n, unsigned method,
    const char *path, struct route_match *m)
{
	struct route_match	 tmp;
	size_t			 i;
	unsigned		 allowed;

	memset(m, 0, sizeof(*m));
	allowed = 0;
	for (i = 0; i < n; i++) {
		memset(&tmp, 0, sizeof(tmp));
		if (!pattern_match(table[i].pattern, path, &tmp))
			continue;
		allowed |= table[i].method;
		if (table[i].method == method && m->route == NULL) {
			*m = tmp;
			m->route = &table[i];
		}
	}
	m->allowed = allowed;
	if (m->route != NULL)
		return (ROUTER_FOUND);
	if (allowed != 0)
		return (ROUTER_NO_METHOD);
	return (ROUTER_NO_PATH);
}

const char *
router_param(const struct route_match *m, const char *name)
{
	size_t	i, len;

	len = strlen(name);
	for (i = 0; i < m->nparams; i++) {
		if (m->namelens[i] == len &&
		    strncmp(m->names[i], name, len) == 0)
			return (m->values[i]);
	}
	return (NULL);
}

/* The methods and their names, in the order of an Allow header. */
static const struct method {
	unsigned	 bit;
	const char	*name;
} methods[] = {
	{ RM_GET, "GET" }, { RM_POST, "POST" }, { RM_PUT, "PUT" },
	{ RM_PATCH, "PATCH" }, { RM_DELETE, "DELETE" },
};
#define NMETHODS	(sizeof(methods) / sizeof(methods[0]))

const char *
router_method_name(unsigned method)
{
	size_t	i;

	for (i = 0; i < NMETHODS; i++) {
		if (methods[i].bit == method)
			return (methods[i].name);
	}
	return ("?");
}

char *
router_allow_text(unsigned mask, char *buf, size_t len)
{
	size_t	i, off;
	int	w;

	if (len == 0)
		return (buf);
	buf[0] = '\0';
	off = 0;
	for (i = 0; i < NMETHODS; i++) {
		if (!(mask & methods[i].bit))
			continue;
		w = snprintf(buf + off, len - off, "%s%s",
		    off ? ", " : "", methods[i].name);
		if (w < 0 || (size_t)w >= len - off)
			break;
		off += (size_t)w;
	}
	/* GET implies HEAD. */
	if (mask & RM_GET && off + 6 < len)
		snprintf(buf + off, len - off, ", HEAD");
	return (buf);
}

int
router_pattern_in(const char *const *list, const char *pattern)
{
	size_t	i;

	for (i = 0; list[i] != NULL; i++) {
		if (strcmp(list[i], pattern) == 0)
			return (1);
	}
	return (0);
}
