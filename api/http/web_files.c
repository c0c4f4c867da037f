/*
 * web_files: the built web page, loaded into memory once.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "http/web_files.h"

static const struct {
	const char	*ext;
	const char	*type;
} media_types[] = {
	{ ".html",	"text/html; charset=utf-8" },
	{ ".css",	"text/css; charset=utf-8" },
	{ ".js",	"text/javascript; charset=utf-8" },
	{ ".mjs",	"text/javascript; charset=utf-8" },
	{ ".json",	"application/json" },
	{ ".svg",	"image/svg+xml" },
	{ ".png",	"image/png" },
	{ ".ico",	"image/x-icon" },
	{ ".woff2",	"font/woff2" },
	{ ".txt",	"text/plain; charset=utf-8" },
	{ ".map",	"application/json" },
	{ ".yaml",	"application/yaml" },
};

const char *
web_media_type(const char *name)
{
	size_t	i, nlen, elen;

	nlen = strlen(name);
	for (i = 0; i < sizeof(media_types) / sizeof(media_types[0]); i++) {
		elen = strlen(media_types[i].ext);
		if (nlen >= elen &&
		    strcmp(name + nlen - elen, media_types[i].ext) == 0)
			return (media_types[i].type);
	}
	return ("application/octet-stream");
}

/* FNV-1a, enough to tell versions of a file apart in an ETag. */
static unsigned long long
fnv1a(const char *d, size_t len)
{
	unsigned long long	h;
	size_t			i;

	h = 1469598103934665603ULL;
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)d[i];
		h *= 1099511628211ULL;
	}
	return (h);
}

static int
add_file(struct web_files *wf, const char *fspath, const char *urlpath,
    size_t *total, char *err, size_t errlen)
{
	struct web_file	*f;
	struct strbuf	 b;

	if (wf->n == WEB_MAX_FILES) {
		(void)snprintf(err, errlen, "more than %d files", WEB_MAX_FILES);
		return (-1);
	}
	strbuf_init(&b);
	if (strbuf_read_file(&b, fspath, WEB_MAX_BYTES) == -1) {
		(void)snprintf(err, errlen, "%s: %s", fspath, strerror(errno));
		strbuf_free(&b);
		return (-1);
	}
	*total += b.len;
	if (*total > WEB_MAX_BYTES) {
		(void)snprintf(err, errlen, "web root is over %d bytes",
		    WEB_MAX_BYTES);
		strbuf_free(&b);
		return (-1);
	}
	f = &wf->files[wf->n];
	if ((f->path = strdup(urlpath)) == NULL) {
		strbuf_free(&b);
		return (-1);
	}
	f->data = b.data;
	f->len = b.len;
	f->media_type = web_media_type(urlpath);
	(void)snprintf(f->etag, sizeof(f->etag), "\"%016llx\"",
	    fnv1a(f->data, f->len));
	wf->n++;
	return (0);
}

static int
walk(struct web_files *wf, const char *fsdir, const char *urldir,
    size_t *total, int depth, char *err, size_t errlen)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		 fspath[4096], urlpath[2048];
	int		 rc;

	if (depth > 8) {
		(void)snprintf(err, errlen, "%s: nested too deep", fsdir);
		return (-1);
	}
	if ((d = opendir(fsdir)) == NULL) {
		(void)snprintf(err, errlen, "%s: %s", fsdir, strerror(errno));
		return (-1);
	}
	rc = 0;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		(void)snprintf(fspath, sizeof(fspath), "%s/%s", fsdir,
		    de->d_name);
		(void)snprintf(urlpath, sizeof(urlpath), "%s/%s", urldir,
		    de->d_name);
		if (stat(fspath, &st) == -1)
			continue;
		if (S_ISDIR(st.st_mode))
			rc = walk(wf, fspath, urlpath, total, depth + 1, err,
			    errlen);
		else if (S_ISREG(st.st_mode))
			rc = add_file(wf, fspath, urlpath, total, err, errlen);
	}
	closedir(d);
	return (rc);
}

int
web_files_load(struct web_files *wf, const char *root, char *err,
    size_t errlen)
{
	size_t	total;

	wf->n = 0;
	if ((wf->files = calloc(WEB_MAX_FILES, sizeof(*wf->files))) == NULL) {
		(void)snprintf(err, errlen, "out of memory");
		return (-1);
	}
	total = 0;
	return (walk(wf, root, "", &total, 0, err, errlen));
}

void
web_files_free(struct web_files *wf)
{
	size_t	i;

	if (wf == NULL || wf->files == NULL)
		return;
	for (i = 0; i < wf->n; i++) {
		free(wf->files[i].path);
		free(wf->files[i].data);
	}
	free(wf->files);
	wf->files = NULL;
	wf->n = 0;
}

static const struct web_file *
lookup(const struct web_files *wf, const char *path)
{
	size_t	i;

	for (i = 0; i < wf->n; i++) {
		if (strcmp(wf->files[i].path, path) == 0)
			return (&wf->files[i]);
	}
	return (NULL);
}

const struct web_file *
web_files_find(const struct web_files *wf, const char *path)
{
	const struct web_file	*f;
	const char		*last;

	if (path[0] != '/' || strstr(path, "/..") != NULL)
		return (NULL);
	if (strcmp(path, "/") == 0)
		return (lookup(wf, "/index.html"));
	if ((f = lookup(wf, path)) != NULL)
		return (f);
	last = strrchr(path, '/');
	if (strchr(last, '.') == NULL)
		return (lookup(wf, "/index.html"));
	return (NULL);
}
