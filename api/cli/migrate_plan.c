/*
 * migrate_plan: decide which schema migrations to apply.
 */
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

int
migrate_plan(struct mig_entry *files, size_t nfiles,
    const struct mig_entry *applied, size_t napplied, size_t *pending,
    size_t *npending, char *err, size_t errlen)
{
	const struct mig_entry	*f, *a;
	size_t			 i;
	int			 newest;

	*npending = 0;
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
		if (strcmp(f->checksum, a->checksum) != 0) {
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
			return (-1);
		}
		pending[(*npending)++] = i;
	}

	return (0);
}
