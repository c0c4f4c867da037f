/*
 * case_package: checks an IMS CASE 1.0 CFPackage before it is imported.
 *
 * The structure (case_shapes.c) is checked here, identifiers and
 * references in case_refs.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "case/case_check.h"
#include "case/case_level.h"
#include "case/case_package.h"
#include "case/case_shapes.h"
#include "core/params.h"
#include "core/utf8.h"

/* ---- errors ----------------------------------------------------------- */

void
case_err(struct case_errors *e, const char *path, const char *fmt, ...)
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

void
case_subpath(char *out, size_t len, const char *path, const char *name)
{
	(void)utf8_fmt(out, len, "%s%s%s", path, path[0] != '\0' ? "." : "",
	    name);
}

void
case_indexpath(char *out, size_t len, const char *path, size_t i)
{
	(void)utf8_fmt(out, len, "%s[%zu]", path, i);
}

void
case_lower_uuid(char *dst, const char *src)
{
	size_t	i;

	for (i = 0; i < 36; i++)
		dst[i] = (char)tolower((unsigned char)src[i]);
	dst[36] = '\0';
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
			case_indexpath(p, sizeof(p), path, i);
			case_err(e, p, "moet een tekst zijn");
		}
	}
}

/* v is an object (else not_object) checked against sh. */
static void
check_object(const json_t *v, const struct shape *sh, const char *path,
    const char *not_object, struct case_errors *e)
{
	if (!json_is_object(v))
		case_err(e, path, "%s", not_object);
	else
		check_shape(v, sh, path, e);
}

/* v is a list (else not_list) of objects, each checked with check_object(). */
static void
check_objects(const json_t *v, const struct shape *sh, const char *path,
    const char *not_list, const char *not_object, struct case_errors *e)
{
	size_t	 i;
	json_t	*x;
	char	 p[CASE_PATH_MAX];

	if (!json_is_array(v)) {
		case_err(e, path, "%s", not_list);
		return;
	}
	json_array_foreach(v, i, x) {
		case_indexpath(p, sizeof(p), path, i);
		check_object(x, sh, p, not_object, e);
	}
}

static void
check_value(const json_t *v, const struct member *m, const char *path,
    struct case_errors *e)
{
	const char	*s;
	json_int_t	 n;
	size_t		 i;

	s = json_string_value(v);
	switch (m->type) {
	case V_STRING:
		if (!json_is_string(v))
			case_err(e, path, "moet een tekst zijn");
		break;
	case V_TEXT:
		if (!json_is_string(v))
			case_err(e, path, "moet een tekst zijn");
		else if (is_blank(s))
			case_err(e, path, "mag niet leeg zijn");
		break;
	case V_URI:
		if (!json_is_string(v) || !case_is_uri(s))
			case_err(e, path, "moet een absolute URI zijn");
		break;
	case V_URL:
		if (!json_is_string(v) || !case_is_uri(s) ||
		    (strncasecmp(s, "https://", 8) != 0 &&
		    strncasecmp(s, "http://", 7) != 0))
			case_err(e, path, "moet een http- of https-adres zijn");
		break;
	case V_UUID:
		if (!json_is_string(v) || !param_is_uuid(s))
			case_err(e, path, "moet een UUID zijn "
			    "(8-4-4-4-12 hexadecimale cijfers)");
		break;
	case V_DATETIME:
		if (!json_is_string(v) || !case_is_datetime(s))
			case_err(e, path, "moet een datum en tijd volgens RFC 3339 "
			    "zijn (2024-05-01T12:00:00Z)");
		break;
	case V_DATE_DT_NULL:
		if (json_is_null(v))
			break;
		/* FALLTHROUGH */
	case V_DATE_DT:
		if (!json_is_string(v) ||
		    (!case_is_date(s) && !case_is_datetime(s)))
			case_err(e, path, "moet een datum (2024-05-01) of datum en "
			    "tijd zijn");
		break;
	case V_INT32:
		n = json_integer_value(v);
		if (!json_is_integer(v) || n < -2147483648LL ||
		    n > 2147483647LL)
			case_err(e, path, "moet een geheel getal (32 bits) zijn");
		break;
	case V_NUMBER:
		if (!json_is_number(v))
			case_err(e, path, "moet een getal zijn");
		break;
	case V_STR_OR_STRS:
		if (json_is_array(v))
			check_strings(v, path, e);
		else if (!json_is_string(v))
			case_err(e, path, "moet een tekst of een lijst teksten zijn");
		break;
	case V_STRS_OR_NULL:
		if (json_is_array(v))
			check_strings(v, path, e);
		else if (!json_is_null(v))
			case_err(e, path, "moet een lijst teksten of null zijn");
		break;
	case V_STR_OR_NULL:
		if (!json_is_string(v) && !json_is_null(v))
			case_err(e, path, "moet een tekst of null zijn");
		break;
	case V_LINK_OR_NULL:
		if (json_is_null(v))
			break;
		/* FALLTHROUGH */
	case V_LINK:
		check_object(v, &case_link_shape, path, "moet een "
		    "verwijzing {title, identifier, uri} zijn", e);
		break;
	case V_LINKGEN:
		check_object(v, &case_linkgen_shape, path, "moet een "
		    "verwijzing {title, identifier, uri} zijn", e);
		break;
	case V_LINKS:
		check_objects(v, &case_link_shape, path, "moet een lijst "
		    "verwijzingen zijn", "moet een verwijzing zijn", e);
		break;
	case V_ASSOC_TYPE:
		for (i = 0; s != NULL && case_assoc_types[i] != NULL; i++)
			if (strcmp(s, case_assoc_types[i]) == 0)
				return;
		case_err(e, path, "onbekend associationType (isChildOf, isPeerOf, "
		    "isPartOf, exactMatchOf, precedes, isRelatedTo, "
		    "replacedBy, exemplar of hasSkillLevel)");
		break;
	case V_OBJECTS:
		check_objects(v, m->sub, path, "moet een lijst zijn",
		    "moet een object zijn", e);
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
		case_subpath(p, sizeof(p), path, sh->m[i].name);
		if ((v = json_object_get(obj, sh->m[i].name)) == NULL) {
			if (sh->m[i].required)
				case_err(e, p, "ontbreekt");
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
			case_subpath(p, sizeof(p), path, key);
			case_err(e, p, "onbekend veld");
		}
	}
}

/* ---- the package ---------------------------------------------------------- */

size_t
case_package_check(const json_t *pkg, struct case_errors *e)
{
	static const struct member	top[] = {
		{ "CFItems", V_OBJECTS, 0, &case_item_shape },
		{ "CFAssociations", V_OBJECTS, 0, &case_assoc_shape },
		{ "CFRubrics", V_OBJECTS, 0, &case_rubric_shape },
	};
	const char	*key;
	json_t		*v;
	size_t		 i;

	memset(e, 0, sizeof(*e));
	if (!json_is_object(pkg)) {
		case_err(e, "", "een CFPackage is een JSON-object");
		return (e->total);
	}
	json_object_foreach((json_t *)pkg, key, v) {
		if (strcmp(key, "CFDocument") != 0 &&
		    strcmp(key, "CFItems") != 0 &&
		    strcmp(key, "CFAssociations") != 0 &&
		    strcmp(key, "CFDefinitions") != 0 &&
		    strcmp(key, "CFRubrics") != 0)
			case_err(e, key, "onbekend veld");
	}
	v = json_object_get(pkg, "CFDocument");
	if (v == NULL)
		case_err(e, "CFDocument", "ontbreekt");
	else if (!json_is_object(v))
		case_err(e, "CFDocument", "moet een object zijn");
	else
		check_shape(v, &case_document_shape, "CFDocument", e);
	for (i = 0; i < sizeof(top) / sizeof(top[0]); i++) {
		if ((v = json_object_get(pkg, top[i].name)) != NULL)
			check_value(v, &top[i], top[i].name, e);
	}
	v = json_object_get(pkg, "CFDefinitions");
	if (v != NULL) {
		if (json_is_array(v)) {
			if (json_array_size(v) != 0)
				case_err(e, "CFDefinitions", "moet een object of een "
				    "lege lijst zijn");
		} else if (!json_is_object(v)) {
			case_err(e, "CFDefinitions", "moet een object zijn");
		} else {
			check_shape(v, &case_definitions_shape, "CFDefinitions", e);
		}
	}
	/* References only make sense in a well-formed package. */
	if (e->total > 0)
		return (e->total);
	if (case_check_duplicates(pkg, e) == -1 || case_check_references(pkg, e) == -1)
		case_err(e, "", "onvoldoende geheugen om het pakket te controleren");
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
	case_lower_uuid(buf, s);
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
