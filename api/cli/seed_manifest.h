/*
 * seed_manifest: parse seeds/manifest.
 *
 * Each non-empty line that does not start with '#' is one of
 *   sql FILE              run the SQL file
 *   json FUNCTION FILE    SELECT FUNCTION($1::jsonb) with FILE's content
 * FILE is relative to the seeds directory, without ".." components;
 * FUNCTION is a lowercase SQL identifier.  No I/O here.
 */
#ifndef LEERLIJN_SEED_MANIFEST_H
#define LEERLIJN_SEED_MANIFEST_H

#include <stddef.h>

#define SEED_MAX_ENTRIES	128
#define SEED_FIELD_MAX		256

enum seed_kind {
	SEED_SQL = 0,
	SEED_JSON
};

struct seed_entry {
	enum seed_kind	kind;
	char		function[SEED_FIELD_MAX];	/* SEED_JSON only */
	char		file[SEED_FIELD_MAX];
	int		line;
};

struct seed_manifest {
	size_t			n;
	struct seed_entry	entries[SEED_MAX_ENTRIES];
};

/* Parse text; returns 0, or -1 with "line N: why" in err. */
int	seed_manifest_parse(struct seed_manifest *m, const char *text,
	    char *err, size_t errlen);

#endif
