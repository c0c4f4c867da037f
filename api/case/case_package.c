/*
 * case_package: checks an IMS CASE 1.0 CFPackage before it is imported.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "case/case_level.h"
#include "case/case_package.h"
#include "core/params.h"
#include "core/utf8.h"

/* The kinds of value the schema allows for a member. */
enum vtype {
	V_STRING,		/* string */
	V_TEXT,			/* string, not blank */
	V_URI,			/* string, format uri */
	V_URL,			/* an http(s) URI: shown as a link */
	V_UUID,			/* string, UUID */
	V_DATETIME,		/* string, format date-time */
	V_DATE_DT,		/* date or date-time */
	V_DATE_DT_NULL,		/* date, date-time or null */
	V_INT32,		/* integer, int32 */
	V_NUMBER,		/* number */
	V_STR_OR_STRS,		/* string or array of strings */
	V_STRS_OR_NULL,		/* array of strings or null */
	V_STR_OR_NULL,		/* string or null */
	V_LINK,			/* LinkURI */
	V_LINK_OR_NULL,		/* LinkURI or null */
	V_LINKS,		/* array of LinkURI */
	V_LINKGEN,		/* LinkGenURI */
	V_ASSOC_TYPE,		/* one of the association types */
	V_OBJECTS		/* array of objects of shape sub */
};

struct shape;

struct member {
	const char		*name;
	enum vtype		 type;
	int			 required;
	const struct shape	*sub;
};

struct shape {
	const struct member	*m;
	size_t			 n;
	int			 closed;	/* additionalProperties false */
};

#define SHAPE(name, members, closed)					\
	static const struct shape name = { members,			\
	    sizeof(members) / sizeof(members[0]), closed }

static const struct member	link_m[] = {
	{ "title", V_STRING, 1, NULL },
	{ "identifier", V_UUID, 1, NULL },
	{ "uri", V_URI, 1, NULL },
};
SHAPE(link_shape, link_m, 1);

static const struct member	linkgen_m[] = {
	{ "title", V_STRING, 1, NULL },
	{ "identifier", V_STRING, 1, NULL },
	{ "uri", V_URI, 1, NULL },
};
SHAPE(linkgen_shape, linkgen_m, 1);

static const struct member	document_m[] = {
	{ "identifier", V_UUID, 1, NULL },
	{ "uri", V_URI, 1, NULL },
	{ "creator", V_STRING, 1, NULL },
	{ "title", V_TEXT, 1, NULL },
	{ "lastChangeDateTime", V_DATETIME, 1, NULL },
	{ "officialSourceURL", V_URL, 0, NULL },
	{ "publisher", V_STRING, 0, NULL },
	{ "description", V_STRING, 0, NULL },
	{ "subject", V_STR_OR_STRS, 0, NULL },
	{ "subjectURI", V_LINKS, 0, NULL },
	{ "language", V_STRING, 0, NULL },
	{ "version", V_STRING, 0, NULL },
	{ "adoptionStatus", V_STRING, 0, NULL },
	{ "statusStartDate", V_DATE_DT_NULL, 0, NULL },
	{ "statusEndDate", V_DATE_DT_NULL, 0, NULL },
	{ "licenseURI", V_LINK_OR_NULL, 0, NULL },
	{ "notes", V_STRING, 0, NULL },
	{ "CFPackageURI", V_LINK, 0, NULL },
};
SHAPE(document_shape, document_m, 0);

static const struct member	item_m[] = {
	{ "identifier", V_UUID, 1, NULL },
	{ "fullStatement", V_TEXT, 1, NULL },
	{ "uri", V_URI, 1, NULL },
	{ "lastChangeDateTime", V_DATETIME, 1, NULL },
	{ "alternativeLabel", V_STRING, 0, NULL },
	{ "CFItemType", V_STRING, 0, NULL },
	{ "humanCodingScheme", V_STRING, 0, NULL },
	{ "listEnumeration", V_STRING, 0, NULL },
	{ "abbreviatedStatement", V_TEXT, 0, NULL },
	{ "conceptKeywords", V_STRS_OR_NULL, 0, NULL },
	{ "conceptKeywordsURI", V_LINK_OR_NULL, 0, NULL },
	{ "notes", V_STRING, 0, NULL },
	{ "language", V_STRING, 0, NULL },
	{ "educationLevel", V_STR_OR_STRS, 0, NULL },
	{ "CFItemTypeURI", V_LINK, 0, NULL },
	{ "licenseURI", V_LINK, 0, NULL },
	{ "statusStartDate", V_DATE_DT, 0, NULL },
	{ "statusEndDate", V_DATE_DT, 0, NULL },
	{ "CFDocumentURI", V_LINK, 0, NULL },
};
SHAPE(item_shape, item_m, 0);

static const struct member	assoc_m[] = {
	{ "identifier", V_UUID, 1, NULL },
	{ "associationType", V_ASSOC_TYPE, 1, NULL },
	{ "uri", V_URI, 1, NULL },
	{ "originNodeURI", V_LINKGEN, 1, NULL },
	{ "destinationNodeURI", V_LINKGEN, 1, NULL },
	{ "lastChangeDateTime", V_DATETIME, 1, NULL },
	{ "sequenceNumber", V_INT32, 0, NULL },
	{ "CFAssociationGroupingURI", V_LINK_OR_NULL, 0, NULL },
	{ "CFDocumentURI", V_LINK, 0, NULL },
};
SHAPE(assoc_shape, assoc_m, 0);

#define DEF_HEAD							\
	{ "identifier", V_UUID, 1, NULL },				\
	{ "uri", V_URI, 1, NULL },					\
	{ "lastChangeDateTime", V_DATETIME, 1, NULL }

static const struct member	concept_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 1, NULL },
	{ "keywords", V_STRING, 0, NULL },
	{ "hierarchyCode", V_STRING, 1, NULL },
	{ "description", V_STRING, 0, NULL },
};
SHAPE(concept_shape, concept_m, 1);

static const struct member	subject_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 1, NULL },
	{ "hierarchyCode", V_STRING, 1, NULL },
	{ "description", V_STRING, 0, NULL },
};
SHAPE(subject_shape, subject_m, 1);

static const struct member	license_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 1, NULL },
	{ "description", V_STRING, 0, NULL },
	{ "licenseText", V_STRING, 1, NULL },
};
SHAPE(license_shape, license_m, 1);

static const struct member	itemtype_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 1, NULL },
	{ "description", V_STRING, 0, NULL },
	{ "hierarchyCode", V_STRING, 1, NULL },
	{ "typeCode", V_STR_OR_NULL, 0, NULL },
};
SHAPE(itemtype_shape, itemtype_m, 1);

static const struct member	grouping_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 1, NULL },
	{ "description", V_STRING, 0, NULL },
};
SHAPE(grouping_shape, grouping_m, 1);

static const struct member	clevel_m[] = {
	DEF_HEAD,
	{ "description", V_STRING, 0, NULL },
	{ "quality", V_STRING, 0, NULL },
	{ "score", V_NUMBER, 0, NULL },
	{ "feedback", V_STRING, 0, NULL },
	{ "position", V_INT32, 0, NULL },
	{ "rubricCriterionId", V_UUID, 0, NULL },
};
SHAPE(clevel_shape, clevel_m, 1);

static const struct member	criterion_m[] = {
	DEF_HEAD,
	{ "category", V_STRING, 0, NULL },
	{ "description", V_STRING, 0, NULL },
	{ "CFItemURI", V_LINK, 0, NULL },
	{ "weight", V_NUMBER, 0, NULL },
	{ "position", V_INT32, 0, NULL },
	{ "rubricId", V_UUID, 0, NULL },
	{ "CFRubricCriterionLevels", V_OBJECTS, 0, &clevel_shape },
};
SHAPE(criterion_shape, criterion_m, 1);

static const struct member	rubric_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 0, NULL },
	{ "description", V_STRING, 0, NULL },
	{ "CFRubricCriteria", V_OBJECTS, 0, &criterion_shape },
};
SHAPE(rubric_shape, rubric_m, 1);

static const struct member	definitions_m[] = {
	{ "CFConcepts", V_OBJECTS, 0, &concept_shape },
	{ "CFSubjects", V_OBJECTS, 0, &subject_shape },
	{ "CFLicenses", V_OBJECTS, 0, &license_shape },
	{ "CFItemTypes", V_OBJECTS, 0, &itemtype_shape },
	{ "CFAssociationGroupings", V_OBJECTS, 0, &grouping_shape },
};
SHAPE(definitions_shape, definitions_m, 1);

static const char *const	assoc_types[] = {
	"isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes",
	"isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel", NULL
};

/* ---- errors ----------------------------------------------------------- */

static void
err(struct case_errors *e, const char *path, const char *fmt, ...)
{
	va_list	ap;

	e->total++;
	if (e->n == CASE_ERRORS_MAX)
		return;
	(void)utf8_fmt(e->e[e->n].path, sizeof(e->e[e->n].path), "%s",
	    path);
	va_start(ap, fmt);
	(void)utf8_vfmt(e->e[e->n].message, sizeof(e->e[e->n].message), fmt,
	    ap);
	va_end(ap);
	e->n++;
}

static void
subpath(char *out, size_t len, const char *path, const char *name)
{
	(void)utf8_fmt(out, len, "%s%s%s", path, path[0] != '\0' ? "." : "",
	    name);
}

static void
indexpath(char *out, size_t len, const char *path, size_t i)
{
	(void)utf8_fmt(out, len, "%s[%zu]", path, i);
}

/* ---- formats -------------------------------------------------------------- */

static int
digits(const char *s, size_t n, int *v)
{
	size_t	i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (0);
		*v = *v * 10 + (s[i] - '0');
	}
	return (1);
}

/* Length of a valid full-date at s, or 0. */
static size_t
full_date(const char *s)
{
	static const int	mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };
	int			y, m, d, leap;

	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s, 4, &y) || !digits(s + 5, 2, &m) ||
	    !digits(s + 8, 2, &d))
		return (0);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return (0);
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m == 2 && d == 29 && !leap)
		return (0);
	return (10);
}

int
case_is_date(const char *s)
{
	return (s != NULL && full_date(s) == 10 && s[10] == '\0');
}

int
case_is_datetime(const char *s)
{
	int	h, m, sec, oh, om;

	if (s == NULL || full_date(s) != 10 || (s[10] != 'T' && s[10] != 't'))
		return (0);
	s += 11;
	if (strlen(s) < 8 || s[2] != ':' || s[5] != ':' ||
	    !digits(s, 2, &h) || !digits(s + 3, 2, &m) ||
	    !digits(s + 6, 2, &sec) || h > 23 || m > 59 || sec > 60)
		return (0);
	s += 8;
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return (0);
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if ((s[0] == 'Z' || s[0] == 'z') && s[1] == '\0')
		return (1);
	if ((s[0] != '+' && s[0] != '-') || strlen(s) != 6 || s[3] != ':' ||
	    !digits(s + 1, 2, &oh) || !digits(s + 4, 2, &om) || oh > 23 ||
	    om > 59)
		return (0);
	return (1);
}

int
case_is_uri(const char *s)
{
	size_t	i;

	if (s == NULL || !isalpha((unsigned char)s[0]))
		return (0);
	for (i = 1; s[i] != ':'; i++) {
		if (!isalnum((unsigned char)s[i]) && s[i] != '+' &&
		    s[i] != '-' && s[i] != '.')
			return (0);
	}
	if (s[i + 1] == '\0')
		return (0);
	for (i++; s[i] != '\0'; i++) {
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f ||
		    strchr("\"<>\\^`{|}", s[i]) != NULL)
			return (0);
	}
	return (1);
}

static int
is_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return (0);
	return (1);
}

/* ---- structure ------------------------------------------------------------ */

static void	check_shape(const json_t *, const struct shape *, const char *,
		    struct case_errors *);

static void
check_strings(const json_t *v, const char *path, struct case_errors *e)
{
	size_t	 i;
	json_t	*x;
	char	 p[CASE_PATH_MAX];

	json_array_foreach(v, i, x) {
		if (!json_is_string(x)) {
			indexpath(p, sizeof(p), path, i);
			err(e, p, "moet een tekst zijn");
		}
	}
}

static void
check_value(const json_t *v, const struct member *m, const char *path,
    struct case_errors *e)
{
	const char	*s;
	json_int_t	 n;
	size_t		 i;
	json_t		*x;
	char		 p[CASE_PATH_MAX];

	s = json_string_value(v);
	switch (m->type) {
	case V_STRING:
		if (!json_is_string(v))
			err(e, path, "moet een tekst zijn");
		break;
	case V_TEXT:
		if (!json_is_string(v))
			err(e, path, "moet een tekst zijn");
		else if (is_blank(s))
			err(e, path, "mag niet leeg zijn");
		break;
	case V_URI:
		if (!json_is_string(v) || !case_is_uri(s))
			err(e, path, "moet een absolute URI zijn");
		break;
	case V_URL:
		if (!json_is_string(v) || !case_is_uri(s) ||
		    (strncasecmp(s, "https://", 8) != 0 &&
		    strncasecmp(s, "http://", 7) != 0))
			err(e, path, "moet een http- of https-adres zijn");
		break;
	case V_UUID:
		if (!json_is_string(v) || !param_is_uuid(s))
			err(e, path, "moet een UUID zijn "
			    "(8-4-4-4-12 hexadecimale cijfers)");
		break;
	case V_DATETIME:
		if (!json_is_string(v) || !case_is_datetime(s))
			err(e, path, "moet een datum en tijd volgens RFC 3339 "
			    "zijn (2024-05-01T12:00:00Z)");
		break;
	case V_DATE_DT_NULL:
		if (json_is_null(v))
			break;
		/* FALLTHROUGH */
	case V_DATE_DT:
		if (!json_is_string(v) ||
		    (!case_is_date(s) && !case_is_datetime(s)))
			err(e, path, "moet een datum (2024-05-01) of datum en "
			    "tijd zijn");
		break;
	case V_INT32:
		n = json_integer_value(v);
		if (!json_is_integer(v) || n < -2147483648LL ||
		    n > 2147483647LL)
			err(e, path, "moet een geheel getal (32 bits) zijn");
		break;
	case V_NUMBER:
		if (!json_is_number(v))
			err(e, path, "moet een getal zijn");
		break;
	case V_STR_OR_STRS:
		if (json_is_array(v))
			check_strings(v, path, e);
		else if (!json_is_string(v))
			err(e, path, "moet een tekst of een lijst teksten zijn");
		break;
	case V_STRS_OR_NULL:
		if (json_is_array(v))
			check_strings(v, path, e);
		else if (!json_is_null(v))
			err(e, path, "moet een lijst teksten of null zijn");
		break;
	case V_STR_OR_NULL:
		if (!json_is_string(v) && !json_is_null(v))
			err(e, path, "moet een tekst of null zijn");
		break;
	case V_LINK_OR_NULL:
		if (json_is_null(v))
			break;
		/* FALLTHROUGH */
	case V_LINK:
		if (!json_is_object(v))
			err(e, path, "moet een verwijzing {title, identifier, "
			    "uri} zijn");
		else
			check_shape(v, &link_shape, path, e);
		break;
	case V_LINKGEN:
		if (!json_is_object(v))
			err(e, path, "moet een verwijzing {title, identifier, "
			    "uri} zijn");
		else
			check_shape(v, &linkgen_shape, path, e);
		break;
	case V_LINKS:
		if (!json_is_array(v)) {
			err(e, path, "moet een lijst verwijzingen zijn");
			break;
		}
		json_array_foreach(v, i, x) {
			indexpath(p, sizeof(p), path, i);
			if (!json_is_object(x))
				err(e, p, "moet een verwijzing zijn");
			else
				check_shape(x, &link_shape, p, e);
		}
		break;
	case V_ASSOC_TYPE:
		for (i = 0; s != NULL && assoc_types[i] != NULL; i++)
			if (strcmp(s, assoc_types[i]) == 0)
				return;
		err(e, path, "onbekend associationType (isChildOf, isPeerOf, "
		    "isPartOf, exactMatchOf, precedes, isRelatedTo, "
		    "replacedBy, exemplar of hasSkillLevel)");
		break;
	case V_OBJECTS:
		if (!json_is_array(v)) {
			err(e, path, "moet een lijst zijn");
			break;
		}
		json_array_foreach(v, i, x) {
			indexpath(p, sizeof(p), path, i);
			if (!json_is_object(x))
				err(e, p, "moet een object zijn");
			else
				check_shape(x, m->sub, p, e);
		}
		break;
	}
}

static void
check_shape(const json_t *obj, const struct shape *sh, const char *path,
    struct case_errors *e)
{
	const char	*key;
	json_t		*v;
	size_t		 i;
	char		 p[CASE_PATH_MAX];

	for (i = 0; i < sh->n; i++) {
		subpath(p, sizeof(p), path, sh->m[i].name);
		if ((v = json_object_get(obj, sh->m[i].name)) == NULL) {
			if (sh->m[i].required)
				err(e, p, "ontbreekt");
			continue;
		}
		check_value(v, &sh->m[i], p, e);
	}
	if (!sh->closed)
		return;
	json_object_foreach((json_t *)obj, key, v) {
		for (i = 0; i < sh->n; i++)
			if (strcmp(key, sh->m[i].name) == 0)
				break;
		if (i == sh->n) {
			subpath(p, sizeof(p), path, key);
			err(e, p, "onbekend veld");
		}
	}
}

/* ---- identifiers and references ------------------------------------------- */

struct ident {
	char		 id[37];	/* lower case */
	char		 path[CASE_PATH_MAX];
};

struct idset {
	struct ident	*v;
	size_t		 n, cap;
};

static void
lower_uuid(char *dst, const char *src)
{
	size_t	i;

	for (i = 0; i < 36; i++)
		dst[i] = (char)tolower((unsigned char)src[i]);
	dst[36] = '\0';
}

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
	lower_uuid(s->v[s->n].id, id);
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
	lower_uuid(key, id);
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
		indexpath(p, sizeof(p), name, i);
		if (idset_add(all, json_string_value(json_object_get(x,
		    "identifier")), p) == -1)
			return (-1);
		if (sub == NULL)
			continue;
		json_array_foreach(json_object_get(x, sub), j, y) {
			subpath(t, sizeof(t), p, sub);
			indexpath(q, sizeof(q), t, j);
			if (idset_add(all, json_string_value(json_object_get(y,
			    "identifier")), q) == -1)
				return (-1);
			json_array_foreach(json_object_get(y, subsub), k, z) {
				subpath(t, sizeof(t), q, subsub);
				indexpath(r, sizeof(r), t, k);
				if (idset_add(all, json_string_value(
				    json_object_get(z, "identifier")), r) == -1)
					return (-1);
			}
		}
	}
	return (0);
}

/* Every identifier of the package once: report the repeats. */
static int
check_duplicates(const json_t *pkg, struct case_errors *e)
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
			err(e, all.v[i].path, "identifier %s komt al voor "
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
				err(e, p, "isChildOf vormt een kring: een item "
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

static int
check_references(const json_t *pkg, struct case_errors *e)
{
	struct idset	 items = { 0 };
	struct edge	*ed;
	struct triple	*tr;
	const json_t	*arr, *a, *link;
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
	lower_uuid(doc, doc_id);
	arr = json_object_get(pkg, "CFItems");
	json_array_foreach(arr, i, a) {
		indexpath(p, sizeof(p), "CFItems", i);
		if (idset_add(&items, json_string_value(json_object_get(a,
		    "identifier")), p) == -1)
			goto out;
		link = json_object_get(a, "CFDocumentURI");
		if (param_is_uuid(json_string_value(json_object_get(link,
		    "identifier"))) && strcasecmp(json_string_value(
		    json_object_get(link, "identifier")), doc) != 0) {
			subpath(q, sizeof(q), p, "CFDocumentURI");
			err(e, q, "verwijst naar een ander document dan "
			    "CFDocument");
		}
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
		indexpath(p, sizeof(p), "CFAssociations", i);
		type = json_string_value(json_object_get(a, "associationType"));
		o = node_id(a, "originNodeURI");
		d = node_id(a, "destinationNodeURI");
		if (type == NULL || o == NULL || d == NULL)
			continue;
		oi = idset_find(&items, o);
		di = idset_find(&items, d);
		subpath(q, sizeof(q), p, "originNodeURI.identifier");
		if (oi < 0) {
			err(e, q, "%s wijst naar niets: de oorsprong moet een "
			    "item van dit pakket zijn", o);
			continue;
		}
		if (strcasecmp(o, d) == 0) {
			err(e, q, "een associatie van een item met zichzelf");
			continue;
		}
		subpath(q, sizeof(q), p, "destinationNodeURI.identifier");
		if (strcmp(type, "isChildOf") == 0) {
			if (di < 0 && strcasecmp(d, doc) != 0) {
				err(e, q, "%s wijst naar niets: isChildOf moet "
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
			err(e, q, "%s wijst naar niets: alleen een exemplar "
			    "mag naar iets anders dan een leerdoel wijzen", d);
			continue;
		}
		if (param_is_uuid(d)) {
			lower_uuid(tr[nt].origin, o);
			lower_uuid(tr[nt].dest, d);
			(void)utf8_fmt(tr[nt].type, sizeof(tr[nt].type), "%s",
			    type);
			tr[nt].assoc = i;
			nt++;
		}
		link = json_object_get(a, "CFDocumentURI");
		if (param_is_uuid(json_string_value(json_object_get(link,
		    "identifier"))) && strcasecmp(json_string_value(
		    json_object_get(link, "identifier")), doc) != 0) {
			subpath(q, sizeof(q), p, "CFDocumentURI");
			err(e, q, "verwijst naar een ander document dan "
			    "CFDocument");
		}
	}
	if (nt > 0)
		qsort(tr, nt, sizeof(*tr), triple_cmp);
	for (i = 1; i < nt; i++) {
		if (strcmp(tr[i].origin, tr[i - 1].origin) == 0 &&
		    strcmp(tr[i].type, tr[i - 1].type) == 0 &&
		    strcmp(tr[i].dest, tr[i - 1].dest) == 0) {
			indexpath(p, sizeof(p), "CFAssociations", tr[i].assoc);
			err(e, p, "dezelfde associatie (oorsprong, soort, "
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

/* ---- the package ---------------------------------------------------------- */

size_t
case_package_check(const json_t *pkg, struct case_errors *e)
{
	static const struct member	top[] = {
		{ "CFItems", V_OBJECTS, 0, &item_shape },
		{ "CFAssociations", V_OBJECTS, 0, &assoc_shape },
		{ "CFRubrics", V_OBJECTS, 0, &rubric_shape },
	};
	const char	*key;
	json_t		*v;
	size_t		 i;

	memset(e, 0, sizeof(*e));
	if (!json_is_object(pkg)) {
		err(e, "", "een CFPackage is een JSON-object");
		return (e->total);
	}
	json_object_foreach((json_t *)pkg, key, v) {
		if (strcmp(key, "CFDocument") != 0 &&
		    strcmp(key, "CFItems") != 0 &&
		    strcmp(key, "CFAssociations") != 0 &&
		    strcmp(key, "CFDefinitions") != 0 &&
		    strcmp(key, "CFRubrics") != 0)
			err(e, key, "onbekend veld");
	}
	v = json_object_get(pkg, "CFDocument");
	if (v == NULL)
		err(e, "CFDocument", "ontbreekt");
	else if (!json_is_object(v))
		err(e, "CFDocument", "moet een object zijn");
	else
		check_shape(v, &document_shape, "CFDocument", e);
	for (i = 0; i < sizeof(top) / sizeof(top[0]); i++) {
		if ((v = json_object_get(pkg, top[i].name)) != NULL)
			check_value(v, &top[i], top[i].name, e);
	}
	v = json_object_get(pkg, "CFDefinitions");
	if (v != NULL) {
		if (json_is_array(v)) {
			if (json_array_size(v) != 0)
				err(e, "CFDefinitions", "moet een object of een "
				    "lege lijst zijn");
		} else if (!json_is_object(v)) {
			err(e, "CFDefinitions", "moet een object zijn");
		} else {
			check_shape(v, &definitions_shape, "CFDefinitions", e);
		}
	}
	/* References only make sense in a well-formed package. */
	if (e->total > 0)
		return (e->total);
	if (check_duplicates(pkg, e) == -1 || check_references(pkg, e) == -1)
		err(e, "", "onvoldoende geheugen om het pakket te controleren");
	return (e->total);
}

static void
lower_string(json_t *obj, const char *key)
{
	const char	*s;
	char		 buf[37];

	s = json_string_value(json_object_get(obj, key));
	if (!param_is_uuid(s))
		return;
	lower_uuid(buf, s);
	(void)json_object_set_new(obj, key, json_string(buf));
}

int
case_package_prepare(json_t *pkg)
{
	json_t	*items, *item, *assocs, *a, *codes, *edu;
	size_t	 i;

	lower_string(json_object_get(pkg, "CFDocument"), "identifier");
	items = json_object_get(pkg, "CFItems");
	json_array_foreach(items, i, item) {
		lower_string(item, "identifier");
		edu = json_object_get(item, "educationLevel");
		if ((codes = case_level_codes(edu)) == NULL)
			return (-1);
		if (json_object_set_new(item, "_levels", codes) == -1)
			return (-1);
	}
	assocs = json_object_get(pkg, "CFAssociations");
	json_array_foreach(assocs, i, a) {
		lower_string(a, "identifier");
		lower_string(json_object_get(a, "originNodeURI"), "identifier");
		lower_string(json_object_get(a, "destinationNodeURI"),
		    "identifier");
	}
	return (0);
}
