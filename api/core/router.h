/*
 * router: match a method and path against the route table.
 *
 * A pattern is a path whose segments are literal or a "{name}" parameter,
 * e.g. "/api/v1/plans/{id}/items/{item}".  Each table entry is one method
 * on one pattern, so that later tables (authorization) can key on it.
 * Nothing here knows about Kore.
 */
#ifndef LEERLIJN_ROUTER_H
#define LEERLIJN_ROUTER_H

#include <stddef.h>

#define RM_GET		0x01
#define RM_POST		0x02
#define RM_PUT		0x04
#define RM_PATCH	0x08
#define RM_DELETE	0x10

#define ROUTE_MAX_PARAMS	4
#define ROUTE_PARAM_MAX		128

struct api_ctx;
/* A handler replies through reply.h; it has nothing to return. */
typedef void (*route_fn)(struct api_ctx *);

struct route {
	unsigned	 method;	/* exactly one RM_* */
	const char	*pattern;
	const char	*query;		/* allowed query keys, "a,b"; NULL none */
	route_fn	 handler;
};

struct route_match {
	const struct route	*route;
	size_t			 nparams;
	const char		*names[ROUTE_MAX_PARAMS];	/* into pattern */
	size_t			 namelens[ROUTE_MAX_PARAMS];
	char			 values[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX];
	unsigned		 allowed;	/* methods on a matching path */
};

enum router_result {
	ROUTER_FOUND = 0,
	ROUTER_NO_PATH,		/* 404 */
	ROUTER_NO_METHOD	/* 405; m->allowed lists what is */
};

enum router_result	router_match(const struct route *table, size_t n,
			    unsigned method, const char *path,
			    struct route_match *m);
/* Value of parameter name in m, or NULL. */
const char		*router_param(const struct route_match *m,
			    const char *name);
/* Write "GET, POST" for mask into buf; returns buf. */
char			*router_allow_text(unsigned mask, char *buf,
			    size_t len);
/* Name of one RM_* method ("GET"), or "?" */
const char		*router_method_name(unsigned method);
/* 1 when pattern is one of list (NULL-terminated), else 0. */
int			 router_pattern_in(const char *const *list,
			    const char *pattern);

#endif
