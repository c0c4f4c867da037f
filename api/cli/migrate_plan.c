/*
 * migrate_plan: decide which schema files to apply.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/migrate_plan.h"

int
migrate_parse_name(const char *name)
{
	size_t	len, i;
	int	version;

	len = strlen(name);
	if (len < 10 || len >= MIG_NAME_MAX)
		return (-1);
	for (i = 0, version = 0; i < 4; i++) {
		if (name[i] < '0' || name[i] > '9')
			return (-1);
		version = version * 10 + (name[i] - '0');
	}
	if (name[4] != '_' || strcmp(name + len - 4, ".sql") != 0)
		return (-1);
	for (i = 5; i < len - 4; i++) {
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '_'))
			return (-1);
	}
	if (version == 0)
		return (-1);
	return (version);
}

int
migrate_parse_function_name(const char *name)
{
	size_t	len, i;

	len = strlen(name);
	if (len < 5 || len >= MIG_NAME_MAX || strcmp(name + len - 4, ".sql"))
		return (0);
	if (name[0] < 'a' || name[0] > 'z')
		return (0);
	for (i = 1; i < len - 4; i++) {
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '_'))
			return (0);
	}
	return (1);
}

/*
 * The next line of text at *p without its line end, into line (room for
 * size); advances *p.  Returns 0 at the end of the text, 1 for a line, -1
 * for a line too long.
 */
static int
next_line(const char **p, char *line, size_t size)
{
	const char	*s, *e;
	size_t		 len;

	s = *p;
	if (*s == '\0')
		return (0);
	e = strchr(s, '\n');
	len = e != NULL ? (size_t)(e - s) : strlen(s);
	*p = e != NULL ? e + 1 : s + len;
	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (len >= size)
		return (-1);
	memcpy(line, s, len);
	line[len] = '\0';
	return (1);
}

/* Is line blank or a comment? */
static int
skip_line(const char *line)
{
	while (isspace((unsigned char)*line))
		line++;
	return (*line == '\0' || *line == '#');
}

static int
is_hex_sum(const char *s)
{
	size_t	i;

	for (i = 0; i < MIG_SUM_LEN; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return (0);
	}
	return (1);
}

long
migrate_parse_legacy(const char *text, struct mig_entry *out, size_t max,
    char *err, size_t errlen)
{
	char		 line[MIG_SUM_LEN + MIG_NAME_MAX + 8];
	const char	*name;
	size_t		 n, lineno;
	int		 rc, version;

	n = 0;
	lineno = 0;
	while ((rc = next_line(&text, line, sizeof(line))) != 0) {
		lineno++;
		if (rc == -1)
			goto bad;
		if (skip_line(line))
			continue;
		if (strlen(line) < MIG_SUM_LEN + 2 || !is_hex_sum(line) ||
		    line[MIG_SUM_LEN] != ' ' ||
		    (line[MIG_SUM_LEN + 1] != ' ' &&
		    line[MIG_SUM_LEN + 1] != '*'))
			goto bad;
		name = line + MIG_SUM_LEN + 2;
		if ((version = migrate_parse_name(name)) == -1)
			goto bad;
		if (n == max) {
			(void)snprintf(err, errlen, "too many legacy "
			    "checksums");
			return (-1);
		}
		out[n].version = version;
		(void)snprintf(out[n].name, sizeof(out[n].name), "%.*s",
		    MIG_NAME_MAX - 1, name);
		memcpy(out[n].checksum, line, MIG_SUM_LEN);
		out[n].checksum[MIG_SUM_LEN] = '\0';
		n++;
	}
	return ((long)n);
bad:
	(void)snprintf(err, errlen, "legacy checksums, line %zu: expected "
	    "\"<sha256>  NNNN_name.sql\"", lineno);
	return (-1);
}

long
migrate_parse_order(const char *text, struct mig_entry *out, size_t max,
    char *err, size_t errlen)
{
	char	line[MIG_NAME_MAX + 2];
	size_t	n, i, lineno;
	int	rc;

	n = 0;
	lineno = 0;
	while ((rc = next_line(&text, line, sizeof(line))) != 0) {
		lineno++;
		if (rc != -1 && skip_line(line))
			continue;
		if (rc == -1 || !migrate_parse_function_name(line)) {
			(void)snprintf(err, errlen, "load order, line %zu: "
			    "expected a file name like catalogue.sql", lineno);
			return (-1);
		}
		for (i = 0; i < n; i++) {
			if (strcmp(out[i].name, line) == 0) {
				(void)snprintf(err, errlen, "load order lists "
				    "%s twice", line);
				return (-1);
			}
		}
		if (n == max) {
			(void)snprintf(err, errlen, "too many function files");
			return (-1);
		}
		memset(&out[n], 0, sizeof(out[n]));
		out[n].version = (int)n + 1;
		(void)snprintf(out[n].name, sizeof(out[n].name), "%.*s",
		    MIG_NAME_MAX - 1, line);
		n++;
	}
	return ((long)n);
}

int
migrate_check_listed(const char *const *names, size_t n,
    const struct mig_entry *order, size_t norder, char *err, size_t errlen)
{
	size_t	i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < norder; j++) {
			if (strcmp(names[i], order[j].name) == 0)
				break;
		}
		if (j == norder) {
			(void)snprintf(err, errlen, "function file %s is not "
			    "in the load order", names[i]);
			return (-1);
		}
	}
	return (0);
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct mig_entry	*x = a, *y = b;

	return ((x->version > y->version) - (x->version < y->version));
}

void
migrate_sort(struct mig_entry *e, size_t n)
{
	if (n > 1)
		qsort(e, n, sizeof(*e), entry_cmp);
}

static const struct mig_entry *
find_version(const struct mig_entry *e, size_t n, int version)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (e[i].version == version)
			return (&e[i]);
	}
	return (NULL);
}

/* Is the applied row a one that legacy lists (version, name, checksum)? */
static int
is_legacy(const struct mig_entry *a, const struct mig_entry *legacy,
    size_t nlegacy)
{
	size_t	i;

	for (i = 0; i < nlegacy; i++) {
		if (legacy[i].version == a->version &&
		    strcmp(legacy[i].name, a->name) == 0 &&
		    strcmp(legacy[i].checksum, a->checksum) == 0)
			return (1);
	}
	return (0);
}

int
migrate_plan(struct mig_entry *files, size_t nfiles,
    const struct mig_entry *applied, size_t napplied,
    const struct mig_entry *legacy, size_t nlegacy, size_t *pending,
    size_t *npending, size_t *rerecord, size_t *nrerecord, char *err,
    size_t errlen)
{
	const struct mig_entry	*f, *a;
	size_t			 i, nre;
	int			 newest;

	*npending = 0;
	*nrerecord = 0;
	nre = 0;
	migrate_sort(files, nfiles);
	for (i = 1; i < nfiles; i++) {
		if (files[i].version == files[i - 1].version) {
			(void)snprintf(err, errlen,
			    "two migrations share version %04d: %s and %s",
			    files[i].version, files[i - 1].name, files[i].name);
			return (-1);
		}
	}

	newest = 0;
	for (i = 0; i < napplied; i++) {
		a = &applied[i];
		if (a->version > newest)
			newest = a->version;
		if ((f = find_version(files, nfiles, a->version)) == NULL) {
			(void)snprintf(err, errlen,
			    "applied migration %s is missing from the schema "
			    "directory", a->name);
			return (-1);
		}
		if (strcmp(f->name, a->name) != 0) {
			(void)snprintf(err, errlen,
			    "applied migration %s was renamed to %s",
			    a->name, f->name);
			return (-1);
		}
		if (strcmp(f->checksum, a->checksum) != 0 &&
		    is_legacy(a, legacy, nlegacy)) {
			rerecord[nre++] = (size_t)(f - files);
		} else if (strcmp(f->checksum, a->checksum) != 0) {
			(void)snprintf(err, errlen,
			    "applied migration %s has changed since it was "
			    "applied (checksum %.12s…, now %.12s…); add a new "
			    "migration instead of editing an applied one",
			    a->name, a->checksum, f->checksum);
			return (-1);
		}
	}

	for (i = 0; i < nfiles; i++) {
		if (find_version(applied, napplied, files[i].version) != NULL)
			continue;
		if (files[i].version < newest) {
			(void)snprintf(err, errlen,
			    "migration %s is older than the newest applied one "
			    "(%04d); give it a higher number", files[i].name,
			    newest);
			*npending = 0;
			return (-1);
		}
		pending[(*npending)++] = i;
	}

	*nrerecord = nre;
	return (0);
}

size_t
migrate_plan_functions(const struct mig_entry *fns, size_t nfns,
    const struct mig_entry *recorded, size_t nrecorded,
    int migrations_pending, size_t *apply)
{
	size_t	i, j, n;

	n = 0;
	for (i = 0; i < nfns; i++) {
		for (j = 0; j < nrecorded; j++) {
			if (strcmp(fns[i].name, recorded[j].name) == 0)
				break;
		}
		if (migrations_pending || j == nrecorded ||
		    strcmp(fns[i].checksum, recorded[j].checksum) != 0)
			apply[n++] = i;
	}
	return (n);
}
