/*
 * seed_manifest: parse seeds/manifest.
 */
#include <stdio.h>
#include <string.h>

#include "cli/seed_manifest.h"

static int
valid_identifier(const char *s)
{
	size_t	i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return (0);
	for (i = 1; s[i] != '\0'; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return (0);
	}
	return (i <= 63);
}

static int
valid_path(const char *s)
{
	const char	*p;

	if (*s == '\0' || *s == '/')
		return (0);
	for (p = s; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' ||
		    *p == '.' || *p == '/'))
			return (0);
	}
	if (strncmp(s, "../", 3) == 0 || strstr(s, "/../") != NULL ||
	    strcmp(s, "..") == 0)
		return (0);
	return (1);
}

/* Split line into at most max whitespace separated words (in place). */
static int
split_words(char *line, char **words, int max)
{
	char	*p;
	int	 n;

	n = 0;
	for (p = strtok(line, " \t\r"); p != NULL; p = strtok(NULL, " \t\r")) {
		if (n == max)
			return (max + 1);
		words[n++] = p;
	}
	return (n);
}

int
seed_manifest_parse(struct seed_manifest *m, const char *text, char *err,
    size_t errlen)
{
	char			 line[1024], *words[4];
	const char		*p, *nl;
	struct seed_entry	*e;
	size_t			 len;
	int			 lineno, n;

	memset(m, 0, sizeof(*m));
	for (p = text, lineno = 1; *p != '\0'; p = nl + 1, lineno++) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		len = (size_t)(nl - p);
		if (len >= sizeof(line)) {
			(void)snprintf(err, errlen, "line %d: too long", lineno);
			return (-1);
		}
		memcpy(line, p, len);
		line[len] = '\0';
		n = split_words(line, words, 3);
		if (n > 0 && words[0][0] != '#') {
			if (m->n == SEED_MAX_ENTRIES) {
				(void)snprintf(err, errlen,
				    "line %d: too many entries", lineno);
				return (-1);
			}
			e = &m->entries[m->n];
			e->line = lineno;
			if (strcmp(words[0], "sql") == 0 && n == 2) {
				e->kind = SEED_SQL;
				(void)snprintf(e->file, sizeof(e->file), "%s",
				    words[1]);
			} else if (strcmp(words[0], "json") == 0 && n == 3) {
				e->kind = SEED_JSON;
				if (!valid_identifier(words[1]) ||
				    strlen(words[1]) >= sizeof(e->function)) {
					(void)snprintf(err, errlen,
					    "line %d: invalid function name",
					    lineno);
					return (-1);
				}
				(void)snprintf(e->function,
				    sizeof(e->function), "%s", words[1]);
				(void)snprintf(e->file, sizeof(e->file), "%s",
				    words[2]);
			} else {
				(void)snprintf(err, errlen, "line %d: expected "
				    "'sql FILE' or 'json FUNCTION FILE'",
				    lineno);
				return (-1);
			}
			if (!valid_path(e->file) ||
			    strlen(n == 2 ? words[1] : words[2]) >=
			    sizeof(e->file)) {
				(void)snprintf(err, errlen,
				    "line %d: invalid file name", lineno);
				return (-1);
			}
			m->n++;
		}
		if (*nl == '\0')
			break;
	}
	return (0);
}
