/*
 * json_fields: validate a request body against a table of fields.
 */
#include <string.h>

#include "core/json_fields.h"
#include "core/utf8.h"

static const struct field_spec *
find_spec(const struct field_spec *specs, size_t n, const char *name)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(specs[i].name, name) == 0)
			return (&specs[i]);
	}
	return (NULL);
}

static int
is_space(unsigned char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

/*
 * 1 when v is a string of 1..max code points, valid UTF-8 without NUL,
 * without control characters other than tab, LF and CR, and without white
 * space at either end.
 */
static int
string_ok(const json_t *v, long max)
{
	const unsigned char	*s;
	size_t			 len, i;

	if (!json_is_string(v))
		return (0);
	s = (const unsigned char *)json_string_value(v);
	len = json_string_length(v);
	/* jansson allows "\u0000" only with a flag; check anyway. */
	if (len == 0 || strlen((const char *)s) != len ||
	    !utf8_valid((const char *)s, len))
		return (0);
	if (is_space(s[0]) || is_space(s[len - 1]))
		return (0);
	for (i = 0; i < len; i++) {
		if ((s[i] < 0x20 && !is_space(s[i])) || s[i] == 0x7f)
			return (0);
	}
	return (utf8_length((const char *)s, len) <= (size_t)max);
}

/* 1 when v is an http or https URL of at most max bytes. */
static int
url_ok(const json_t *v, long max)
{
	const unsigned char	*s;
	size_t			 len, i, scheme;

	if (!json_is_string(v))
		return (0);
	s = (const unsigned char *)json_string_value(v);
	len = json_string_length(v);
	if (strncmp((const char *)s, "https://", 8) == 0)
		scheme = 8;
	else if (strncmp((const char *)s, "http://", 7) == 0)
		scheme = 7;
	else
		return (0);
	if (len <= scheme || len > (size_t)max ||
	    !utf8_valid((const char *)s, len))
		return (0);
	for (i = 0; i < len; i++) {
		if (s[i] <= 0x20 || s[i] == 0x7f || s[i] == '"' ||
		    s[i] == '<' || s[i] == '>' || s[i] == '\\')
			return (0);
	}
	return (1);
}

/* NULL when v fits spec, else the Dutch message. */
static const char *
check_value(const struct field_spec *f, const json_t *v)
{
	struct param_errors	 sub;
	const json_t	*item;
	json_int_t	 n;
	size_t		 i;

	/* Optional text, numbers and ids may be null: "clear it". */
	if (json_is_null(v) && (f->type == FT_TEXT || f->type == FT_URL ||
	    f->type == FT_INT || f->type == FT_UUID))
		return (f->required ? "is verplicht" : NULL);

	switch (f->type) {
	case FT_TEXT:
	case FT_STRING:
		if (!string_ok(v, f->max))
			return ("moet tekst zijn (niet leeg, zonder spaties "
			    "voor of achter, niet te lang)");
		return (NULL);
	case FT_URL:
		if (!url_ok(v, f->max))
			return ("moet een http- of https-adres zijn (zonder "
			    "spaties, niet te lang)");
		return (NULL);
	case FT_CODE:
		if (!json_is_string(v) ||
		    !param_is_code(json_string_value(v), (size_t)f->max))
			return ("moet een code zijn (letters, cijfers, spatie, "
			    "punt, streep; niet te lang)");
		return (NULL);
	case FT_UUID:
		if (!json_is_string(v) ||
		    !param_is_uuid(json_string_value(v)))
			return ("moet een id (UUID) zijn");
		return (NULL);
	case FT_INT:
		if (!json_is_integer(v))
			return ("moet een geheel getal zijn");
		n = json_integer_value(v);
		if (n < f->min || n > f->max)
			return ("valt buiten het toegestane bereik");
		return (NULL);
	case FT_BOOL:
		if (!json_is_boolean(v))
			return ("moet true of false zijn");
		return (NULL);
	case FT_ENUM:
		if (!json_is_string(v) ||
		    !param_is_one_of(json_string_value(v), f->words))
			return ("heeft geen toegestane waarde");
		return (NULL);
	case FT_STRING_ARRAY:
	case FT_CODE_ARRAY:
	case FT_OBJECT_ARRAY:
		if (!json_is_array(v))
			return ("moet een lijst zijn");
		if (json_array_size(v) > f->max_items)
			return ("de lijst is te lang");
		json_array_foreach(v, i, item) {
			if (f->type == FT_STRING_ARRAY &&
			    !string_ok(item, f->max))
				return ("moet een lijst van teksten zijn");
			if (f->type == FT_CODE_ARRAY &&
			    (!json_is_string(item) || !param_is_code(
			    json_string_value(item), (size_t)f->max)))
				return ("moet een lijst van codes zijn");
			if (f->type == FT_OBJECT_ARRAY &&
			    !json_is_object(item))
				return ("moet een lijst van objecten zijn");
			if (f->type == FT_OBJECT_ARRAY && f->of != NULL &&
			    json_fields_check(item, f->of->specs, f->of->n,
			    FIELD_CREATE, &sub) > 0)
				return ("bevat een object met een ontbrekend, "
				    "onbekend of ongeldig veld");
		}
		return (NULL);
	}
	return ("onbekend veldtype");
}

size_t
json_fields_check(const json_t *obj, const struct field_spec *specs,
    size_t n, int mode, struct param_errors *e)
{
	const struct field_spec	*f;
	const char		*key, *msg;
	json_t			*v;
	size_t			 i;

	memset(e, 0, sizeof(*e));
	if (!json_is_object(obj)) {
		param_error(e, "", "verwacht een JSON-object");
		return (e->n);
	}
	json_object_foreach((json_t *)obj, key, v) {
		if ((f = find_spec(specs, n, key)) == NULL) {
			/* key lives as long as obj; the caller keeps obj. */
			param_error(e, key, "onbekend veld");
			continue;
		}
		if ((msg = check_value(f, v)) != NULL)
			param_error(e, f->name, msg);
	}
	if (mode == FIELD_CREATE) {
		for (i = 0; i < n; i++) {
			if (specs[i].required &&
			    json_object_get(obj, specs[i].name) == NULL)
				param_error(e, specs[i].name, "is verplicht");
		}
	} else if (json_object_size(obj) == 0) {
		param_error(e, "", "geef ten minste een veld om te wijzigen");
	}
	return (e->n);
}
