/*
 * case_query: CFDocuments query parameters and imsx_StatusInfo documents.
 */
#include <stdio.h>
#include <string.h>

#include "case/case_query.h"

static const char *const	document_fields[] = {
	"identifier", "uri", "creator", "title", "lastChangeDateTime",
	"officialSourceURL", "publisher", "description", "language",
	"version", "adoptionStatus", "statusStartDate", "statusEndDate",
	"notes", NULL
};

int
case_document_field(const char *name)
{
	size_t	i;

	for (i = 0; name != NULL && document_fields[i] != NULL; i++)
		if (strcmp(name, document_fields[i]) == 0)
			return (1);
	return (0);
}

static const char *
skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return (s);
}

/* One term at *sp; advances *sp past it. */
static int
parse_term(const char **sp, struct case_filter_term *t, const char **why)
{
	const char	*s, *start;
	size_t		 n;

	s = skip_spaces(*sp);
	start = s;
	while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
		s++;
	n = (size_t)(s - start);
	if (n == 0 || n >= sizeof(t->field)) {
		*why = "verwacht een veldnaam";
		return (-1);
	}
	memcpy(t->field, start, n);
	t->field[n] = '\0';
	if (!case_document_field(t->field)) {
		*why = "onbekend veld";
		return (-1);
	}
	s = skip_spaces(s);
	if (strncmp(s, "!=", 2) == 0 || strncmp(s, "<=", 2) == 0 ||
	    strncmp(s, ">=", 2) == 0) {
		memcpy(t->op, s, 2);
		t->op[2] = '\0';
		s += 2;
	} else if (*s == '=' || *s == '<' || *s == '>' || *s == '~') {
		t->op[0] = *s++;
		t->op[1] = '\0';
	} else {
		*why = "verwacht een vergelijking (= != < <= > >= ~)";
		return (-1);
	}
	s = skip_spaces(s);
	if (*s != '\'') {
		*why = "de waarde staat tussen enkele aanhalingstekens";
		return (-1);
	}
	start = ++s;
	while (*s != '\0' && *s != '\'')
		s++;
	n = (size_t)(s - start);
	if (*s != '\'' || n >= sizeof(t->value)) {
		*why = "waarde zonder afsluitend aanhalingsteken of te lang";
		return (-1);
	}
	memcpy(t->value, start, n);
	t->value[n] = '\0';
	*sp = s + 1;
	return (0);
}

int
case_filter_parse(const char *s, struct case_filter *f, const char **why)
{
	int	seen_and, seen_or;

	memset(f, 0, sizeof(*f));
	seen_and = seen_or = 0;
	for (;;) {
		if (f->n == CASE_FILTER_TERMS) {
			*why = "te veel voorwaarden";
			return (-1);
		}
		if (parse_term(&s, &f->t[f->n], why) == -1)
			return (-1);
		f->n++;
		s = skip_spaces(s);
		if (*s == '\0')
			break;
		if (strncmp(s, "AND ", 4) == 0) {
			seen_and = 1;
			s += 4;
		} else if (strncmp(s, "OR ", 3) == 0) {
			seen_or = 1;
			s += 3;
		} else {
			*why = "verwacht AND of OR tussen de voorwaarden";
			return (-1);
		}
		if (seen_and && seen_or) {
			*why = "AND en OR samen worden niet ondersteund";
			return (-1);
		}
	}
	f->logic_or = seen_or;
	return (0);
}

json_t *
case_filter_json(const struct case_filter *f)
{
	json_t	*terms, *doc;
	size_t	 i;

	if ((terms = json_array()) == NULL)
		return (NULL);
	for (i = 0; i < f->n; i++) {
		if (json_array_append_new(terms, json_pack("{s:s, s:s, s:s}",
		    "field", f->t[i].field, "op", f->t[i].op,
		    "value", f->t[i].value)) == -1) {
			json_decref(terms);
			return (NULL);
		}
	}
	doc = json_pack("{s:s, s:o}", "logic", f->logic_or ? "OR" : "AND",
	    "terms", terms);
	return (doc);
}

json_t *
case_imsx_new(const char *minor, const char *description)
{
	return (json_pack("{s:s, s:s, s:s, s:{s:[{s:s, s:s}]}}",
	    "imsx_codeMajor", "failure",
	    "imsx_severity", "error",
	    "imsx_description", description != NULL ? description : "",
	    "imsx_CodeMinor", "imsx_codeMinorField",
	    "imsx_codeMinorFieldName", "TargetEndSystem",
	    "imsx_codeMinorFieldValue", minor));
}

int
case_imsx_http(const char *minor)
{
	static const struct {
		const char	*minor;
		int		 http;
	} map[] = {
		{ IMSX_UNKNOWN_OBJECT, 404 },
		{ IMSX_INVALID_UUID, 400 },
		{ IMSX_INVALID_SORT_FIELD, 400 },
		{ IMSX_INVALID_SELECTION_FIELD, 400 },
		{ IMSX_FORBIDDEN, 403 },
		{ IMSX_UNAUTHORISED, 401 },
		{ IMSX_SERVER_BUSY, 503 },
		{ IMSX_UNSUPPORTED, 405 },
	};
	size_t	i;

	for (i = 0; minor != NULL && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(minor, map[i].minor) == 0)
			return (map[i].http);
	return (500);
}
