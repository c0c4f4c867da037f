/*
 * case_level: Dutch school levels as CASE 1.0 educationLevel values.
 */
#include <string.h>

#include "case/case_level.h"
#include "core/params.h"

static const char *const	ceds[] = {
	"PK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09",
	"10", "11", "12"
};

/* Other CEDS grade level codes that CASE packages use. */
static const char *const	ceds_other[] = {
	"IT", "PR", "TK", "13", "PS", "UG", "AE", "Other"
};

#define NCEDS	(sizeof(ceds) / sizeof(ceds[0]))

const char *
case_level_ceds(int year)
{
	if (year < 1 || (size_t)year > NCEDS)
		return (NULL);
	return (ceds[year - 1]);
}

static int
is_code(const char *s)
{
	size_t	i;

	if (s[0] == '\0' || s[0] == '-')
		return (0);
	for (i = 0; s[i] != '\0'; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return (0);
	}
	return (1);
}

enum case_level_kind
case_level_parse(const char *value, char *code, size_t len)
{
	const char	*c;
	size_t		 i, plen;

	plen = strlen(CASE_LEVEL_PREFIX);
	if (strncmp(value, CASE_LEVEL_PREFIX, plen) == 0) {
		c = value + plen;
		if (strlen(c) >= len || strlen(c) > CASE_LEVEL_CODE_MAX ||
		    (!is_code(c) && !param_is_uuid(c)))
			return (CASE_LEVEL_OTHER);
		memcpy(code, c, strlen(c) + 1);
		return (CASE_LEVEL_NL);
	}
	for (i = 0; i < NCEDS; i++)
		if (strcmp(value, ceds[i]) == 0)
			return (CASE_LEVEL_CEDS);
	for (i = 0; i < sizeof(ceds_other) / sizeof(ceds_other[0]); i++)
		if (strcmp(value, ceds_other[i]) == 0)
			return (CASE_LEVEL_CEDS);
	return (CASE_LEVEL_OTHER);
}

json_t *
case_level_education(const json_t *levels)
{
	json_t		*out, *lv, *years, *y;
	size_t		 i, j;
	unsigned	 seen;
	json_int_t	 n;
	const char	*c;

	if (!json_is_array(levels) || (out = json_array()) == NULL)
		return (NULL);
	seen = 0;
	json_array_foreach(levels, i, lv) {
		years = json_object_get(lv, "years");
		if (!json_is_string(json_object_get(lv, "code")) ||
		    (years != NULL && !json_is_array(years)))
			goto fail;
		json_array_foreach(years, j, y) {
			n = json_integer_value(y);
			if (json_is_integer(y) && n >= 1 && (size_t)n <= NCEDS)
				seen |= 1u << (n - 1);
		}
	}
	for (i = 0; i < NCEDS; i++) {
		if ((seen & (1u << i)) &&
		    json_array_append_new(out, json_string(ceds[i])) == -1)
			goto fail;
	}
	json_array_foreach(levels, i, lv) {
		c = json_string_value(json_object_get(lv, "code"));
		if (strlen(c) > CASE_LEVEL_CODE_MAX)
			goto fail;
		if (json_array_append_new(out, json_sprintf("%s%s",
		    CASE_LEVEL_PREFIX, c)) == -1)
			goto fail;
	}
	return (out);
fail:
	json_decref(out);
	return (NULL);
}

static int
fill_item(json_t *item)
{
	json_t	*levels, *edu;

	if (!json_is_object(item) ||
	    (levels = json_object_get(item, "_levels")) == NULL)
		return (0);
	/* A kept educationLevel of an imported package stays as it was. */
	if (json_array_size(levels) > 0 &&
	    json_object_get(item, "educationLevel") == NULL) {
		if ((edu = case_level_education(levels)) == NULL)
			return (-1);
		if (json_object_set_new(item, "educationLevel", edu) == -1)
			return (-1);
	}
	return (json_object_del(item, "_levels"));
}

int
case_level_fill(json_t *doc)
{
	json_t	*items, *item;
	size_t	 i;

	if ((items = json_object_get(doc, "CFItems")) != NULL) {
		json_array_foreach(items, i, item)
			if (fill_item(item) == -1)
				return (-1);
	}
	if (fill_item(json_object_get(doc, "CFItem")) == -1)
		return (-1);
	return (fill_item(doc));
}

json_t *
case_level_codes(const json_t *education)
{
	json_t		*out, *v;
	size_t		 i;
	char		 code[CASE_LEVEL_CODE_MAX + 1];

	if ((out = json_array()) == NULL)
		return (NULL);
	if (json_is_string(education)) {
		if (case_level_parse(json_string_value(education), code,
		    sizeof(code)) == CASE_LEVEL_NL &&
		    json_array_append_new(out, json_string(code)) == -1)
			goto fail;
	} else {
		json_array_foreach(education, i, v) {
			if (!json_is_string(v) ||
			    case_level_parse(json_string_value(v), code,
			    sizeof(code)) != CASE_LEVEL_NL)
				continue;
			if (json_array_append_new(out, json_string(code)) == -1)
				goto fail;
		}
	}
	return (out);
fail:
	json_decref(out);
	return (NULL);
}
