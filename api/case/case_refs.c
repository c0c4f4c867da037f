/*
 * case_refs: the identifiers and references of a CASE package: no
 * identifier twice, associations from the package's items, isChildOf only
 * within the package and without a cycle, no association twice.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "case/case_check.h"
#include "core/params.h"
#include "core/utf8.h"

struct ident {
	char		 id[37];	/* lower case */
	char		 path[CASE_PATH_MAX];
};

struct idset {
	struct ident	*v;
	size_t		 n, cap;
};

static int
idset_add(struct idset *s, const char *id, const char *path)
{
	struct ident	*nv;

	if (!param_is_uuid(id))
		return (0);
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		if ((nv = realloc(s->v, s->cap * sizeof(*nv))) == NULL)
			return (-1);
		s->v = nv;
	}
	case_lower_uuid(s->v[s->n].id, id);
	(void)utf8_fmt(s->v[s->n].path, sizeof(s->v[s->n].path), "%s", path);
	s->n++;
	return (0);
}

static int
ident_cmp(const void *a, const void *b)
{
	const struct ident	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->id, y->id)) != 0)
		return (c);
	return (strcmp(x->path, y->path));
}

/* Index of id in the sorted set, or -1. */
static long
idset_find(const struct idset *s, const char *id)
{
	char	key[37];
	size_t	lo, hi, mid;
	int	c;

	if (!param_is_uuid(id))
		return (-1);
	case_lower_uuid(key, id);
	lo = 0;
	hi = s->n;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strcmp(s->v[mid].id, key);
		if (c == 0)
			return ((long)mid);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (-1);
}

static int
collect(struct idset *all, const json_t *arr, const char *name,
    const char *sub, const char *subsub)
{
	json_t	*x, *y, *z;
	size_t	 i, j, k;
	char	 p[CASE_PATH_MAX], q[CASE_PATH_MAX], r[CASE_PATH_MAX];
	char	 t[CASE_PATH_MAX];

	json_array_foreach(arr, i, x) {
		case_indexpath(p, sizeof(p), name, i);
		if (idset_add(all, json_string_value(json_object_get(x,
		    "identifier")), p) == -1)
			return (-1);
		if (sub == NULL)
			continue;
		json_array_foreach(json_object_get(x, sub), j, y) {
			case_subpath(t, sizeof(t), p, sub);
			case_indexpath(q, sizeof(q), t, j);
			if (idset_add(all, json_string_value(json_object_get(y,
			    "identifier")), q) == -1)
				return (-1);
			json_array_foreach(json_object_get(y, subsub), k, z) {
				case_subpath(t, sizeof(t), q, subsub);
				case_indexpath(r, sizeof(r), t, k);
				if (idset_add(all, json_string_value(
				    json_object_get(z, "identifier")), r) == -1)
					return (-1);
			}
		}
	}
	return (0);
}

/* Every identifier of the package once: report the repeats. */
int
case_check_duplicates(const json_t *pkg, struct case_errors *e)
{
	static const char *const	defs[] = { "CFConcepts", "CFSubjects",
					    "CFLicenses", "CFItemTypes",
					    "CFAssociationGroupings", NULL };
	struct idset			 all = { 0 };
	const json_t			*d;
	size_t				 i;
	char				 p[CASE_PATH_MAX];
	int				 rc;

	rc = -1;
	if (idset_add(&all, json_string_value(json_object_get(
	    json_object_get(pkg, "CFDocument"), "identifier")),
	    "CFDocument") == -1 ||
	    collect(&all, json_object_get(pkg, "CFItems"), "CFItems", NULL,
	    NULL) == -1 ||
	    collect(&all, json_object_get(pkg, "CFAssociations"),
	    "CFAssociations", NULL, NULL) == -1 ||
	    collect(&all, json_object_get(pkg, "CFRubrics"), "CFRubrics",
	    "CFRubricCriteria", "CFRubricCriterionLevels") == -1)
		goto out;
	d = json_object_get(pkg, "CFDefinitions");
	for (i = 0; json_is_object(d) && defs[i] != NULL; i++) {
		(void)snprintf(p, sizeof(p), "CFDefinitions.%s", defs[i]);
		if (collect(&all, json_object_get(d, defs[i]), p, NULL,
		    NULL) == -1)
			goto out;
	}
	if (all.n > 0)
		qsort(all.v, all.n, sizeof(all.v[0]), ident_cmp);
	for (i = 1; i < all.n; i++) {
		if (strcmp(all.v[i].id, all.v[i - 1].id) == 0)
			case_err(e, all.v[i].path, "identifier %s komt al voor "
			    "(%s)", all.v[i].id, all.v[i - 1].path);
	}
	rc = 0;
out:
	free(all.v);
	return (rc);
}

/* The parents of each item through isChildOf: an edge list. */
struct edge {
	size_t	child, parent;
	size_t	assoc;		/* index in CFAssociations */
};

static int
edge_cmp(const void *a, const void *b)
{
	const struct edge	*x = a, *y = b;

	if (x->child != y->child)
		return (x->child < y->child ? -1 : 1);
	return (x->parent < y->parent ? -1 : x->parent > y->parent);
}

/* The CFDocumentURI of object a (at path p) must be the package's doc. */
static void
check_document(const json_t *a, const char *doc, const char *p,
    struct case_errors *e)
{
	const char	*id;
	char		 q[CASE_PATH_MAX];

	id = json_string_value(json_object_get(json_object_get(a,
	    "CFDocumentURI"), "identifier"));
	if (param_is_uuid(id) && strcasecmp(id, doc) != 0) {
		case_subpath(q, sizeof(q), p, "CFDocumentURI");
		case_err(e, q, "verwijst naar een ander document dan "
		    "CFDocument");
	}
}

/*
 * Depth-first search for a cycle of isChildOf (child -> parent); report
 * the association that closes each one.
 */
static int
check_cycles(struct edge *ed, size_t ne, size_t nitems,
    struct case_errors *e)
{
	unsigned char	*color;		/* 0 new, 1 on the path, 2 done */
	size_t		*first, *stack, *next, top, v, w, k;
	char		 p[CASE_PATH_MAX];
	int		 rc;

	rc = -1;
	color = calloc(nitems + 1, 1);
	first = calloc(nitems + 2, sizeof(*first));
	stack = calloc(nitems + 1, sizeof(*stack));
	next = calloc(nitems + 1, sizeof(*next));
	if (color == NULL || first == NULL || stack == NULL || next == NULL)
		goto out;
	qsort(ed, ne, sizeof(*ed), edge_cmp);
	for (k = 0; k < ne; k++)
		first[ed[k].child + 1]++;
	for (v = 0; v < nitems; v++)
		first[v + 1] += first[v];
	for (v = 0; v < nitems; v++) {
		if (color[v] != 0)
			continue;
		top = 0;
		stack[top++] = v;
		color[v] = 1;
		next[v] = first[v];
		while (top > 0) {
			w = stack[top - 1];
			if (next[w] == first[w + 1]) {
				color[w] = 2;
				top--;
				continue;
			}
			k = next[w]++;
			if (color[ed[k].parent] == 1) {
				(void)snprintf(p, sizeof(p),
				    "CFAssociations[%zu]", ed[k].assoc);
				case_err(e, p, "isChildOf vormt een kring: een item "
				    "is dan zijn eigen voorouder");
			} else if (color[ed[k].parent] == 0) {
				color[ed[k].parent] = 1;
				next[ed[k].parent] = first[ed[k].parent];
				stack[top++] = ed[k].parent;
			}
		}
	}
	rc = 0;
out:
	free(color);
	free(first);
	free(stack);
	free(next);
	return (rc);
}

struct triple {
	char	origin[37], dest[37];
	char	type[16];
	size_t	assoc;
};

static int
triple_cmp(const void *a, const void *b)
{
	const struct triple	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->origin, y->origin)) != 0 ||
	    (c = strcmp(x->type, y->type)) != 0 ||
	    (c = strcmp(x->dest, y->dest)) != 0)
		return (c);
	return (x->assoc < y->assoc ? -1 : x->assoc > y->assoc);
}

static const char *
node_id(const json_t *a, const char *which)
{
	return (json_string_value(json_object_get(json_object_get(a, which),
	    "identifier")));
}

int
case_check_references(const json_t *pkg, struct case_errors *e)
{
	struct idset	 items = { 0 };
	struct edge	*ed;
	struct triple	*tr;
	const json_t	*arr, *a;
	const char	*doc_id, *type, *o, *d;
	char		 p[CASE_PATH_MAX], q[CASE_PATH_MAX], doc[37];
	size_t		 i, ne, nt;
	long		 oi, di;
	int		 rc;

	rc = -1;
	ed = NULL;
	tr = NULL;
	doc_id = json_string_value(json_object_get(json_object_get(pkg,
	    "CFDocument"), "identifier"));
	if (!param_is_uuid(doc_id))
		return (0);
	case_lower_uuid(doc, doc_id);
	arr = json_object_get(pkg, "CFItems");
	json_array_foreach(arr, i, a) {
		case_indexpath(p, sizeof(p), "CFItems", i);
		if (idset_add(&items, json_string_value(json_object_get(a,
		    "identifier")), p) == -1)
			goto out;
		check_document(a, doc, p, e);
	}
	/* items are numbered in identifier order from here on */
	if (items.n > 0)
		qsort(items.v, items.n, sizeof(items.v[0]), ident_cmp);

	arr = json_object_get(pkg, "CFAssociations");
	if ((ed = calloc(json_array_size(arr) + 1, sizeof(*ed))) == NULL ||
	    (tr = calloc(json_array_size(arr) + 1, sizeof(*tr))) == NULL)
		goto out;
	ne = nt = 0;
	json_array_foreach(arr, i, a) {
		case_indexpath(p, sizeof(p), "CFAssociations", i);
		type = json_string_value(json_object_get(a, "associationType"));
		o = node_id(a, "originNodeURI");
		d = node_id(a, "destinationNodeURI");
		if (type == NULL || o == NULL || d == NULL)
			continue;
		oi = idset_find(&items, o);
		di = idset_find(&items, d);
		case_subpath(q, sizeof(q), p, "originNodeURI.identifier");
		if (oi < 0) {
			case_err(e, q, "%s wijst naar niets: de oorsprong moet een "
			    "item van dit pakket zijn", o);
			continue;
		}
		if (strcasecmp(o, d) == 0) {
			case_err(e, q, "een associatie van een item met zichzelf");
			continue;
		}
		case_subpath(q, sizeof(q), p, "destinationNodeURI.identifier");
		if (strcmp(type, "isChildOf") == 0) {
			if (di < 0 && strcasecmp(d, doc) != 0) {
				case_err(e, q, "%s wijst naar niets: isChildOf moet "
				    "naar een item of het document van dit "
				    "pakket wijzen", d);
				continue;
			}
			if (di >= 0) {
				ed[ne].child = (size_t)oi;
				ed[ne].parent = (size_t)di;
				ed[ne].assoc = i;
				ne++;
			}
		} else if (!param_is_uuid(d) && strcmp(type, "exemplar") != 0) {
			case_err(e, q, "%s wijst naar niets: alleen een exemplar "
			    "mag naar iets anders dan een leerdoel wijzen", d);
			continue;
		}
		if (param_is_uuid(d)) {
			case_lower_uuid(tr[nt].origin, o);
			case_lower_uuid(tr[nt].dest, d);
			(void)utf8_fmt(tr[nt].type, sizeof(tr[nt].type), "%s",
			    type);
			tr[nt].assoc = i;
			nt++;
		}
		check_document(a, doc, p, e);
	}
	if (nt > 0)
		qsort(tr, nt, sizeof(*tr), triple_cmp);
	for (i = 1; i < nt; i++) {
		if (strcmp(tr[i].origin, tr[i - 1].origin) == 0 &&
		    strcmp(tr[i].type, tr[i - 1].type) == 0 &&
		    strcmp(tr[i].dest, tr[i - 1].dest) == 0) {
			case_indexpath(p, sizeof(p), "CFAssociations", tr[i].assoc);
			case_err(e, p, "dezelfde associatie (oorsprong, soort, "
			    "bestemming) als CFAssociations[%zu]",
			    tr[i - 1].assoc);
		}
	}
	if (check_cycles(ed, ne, items.n, e) == -1)
		goto out;
	rc = 0;
out:
	free(items.v);
	free(ed);
	free(tr);
	return (rc);
}
