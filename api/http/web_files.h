/*
 * web_files: the built web page, loaded into memory once.
 *
 * The parent process loads every file under the web root before the
 * workers start, so workers serve the page without touching the file
 * system (and without extra seccomp allowances).  No Kore here.
 */
#ifndef LEERLIJN_WEB_FILES_H
#define LEERLIJN_WEB_FILES_H

#include <stddef.h>

#define WEB_MAX_FILES		1024
#define WEB_MAX_BYTES		(64 * 1024 * 1024)

struct web_file {
	char		*path;		/* "/index.html" */
	char		*data;
	size_t		 len;
	const char	*media_type;
	char		 etag[24];	/* quoted hash of the content */
};

struct web_files {
	size_t			n;
	struct web_file		*files;
};

/*
 * Load every regular file below root.  Returns 0, or -1 with a reason in
 * err.  The caller frees wf with web_files_free() in every case.
 */
int			 web_files_load(struct web_files *wf, const char *root,
			    char *err, size_t errlen);
void			 web_files_free(struct web_files *wf);
/*
 * The file for a request path: "/" is "/index.html"; a path whose last
 * segment has no dot is a page of the single-page app and also gets
 * "/index.html".  NULL when there is no such file.
 */
const struct web_file	*web_files_find(const struct web_files *wf,
			    const char *path);
/* Media type for a file name by its extension. */
const char		*web_media_type(const char *name);

#endif
