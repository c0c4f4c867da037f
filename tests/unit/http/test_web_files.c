/* Unit tests of web_files.c: loading a directory, lookups, media types. */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "unit.h"

#include "http/web_files.h"

static char	root[64];

static void
write_file(const char *rel, const char *text)
{
	char	path[256];
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static int
setup(void **state)
{
	char	path[256];

	(void)state;
	snprintf(root, sizeof(root), "/tmp/leerlijn-web-XXXXXX");
	if (mkdtemp(root) == NULL)
		return (-1);
	snprintf(path, sizeof(path), "%s/assets", root);
	mkdir(path, 0755);
	write_file("index.html", "<!doctype html><title>x</title>");
	write_file("assets/app.js", "console.log(1)");
	write_file(".hidden", "secret");
	return (0);
}

static int
teardown(void **state)
{
	char	cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return (system(cmd) == 0 ? 0 : -1);
}

static void
test_load_and_find(void **state)
{
	struct web_files	 wf;
	const struct web_file	*f;
	char			 err[256];

	(void)state;
	assert_int_equal(web_files_load(&wf, root, err, sizeof(err)), 0);
	assert_int_equal(wf.n, 2);

	f = web_files_find(&wf, "/");
	assert_non_null(f);
	assert_string_equal(f->path, "/index.html");
	assert_string_equal(f->media_type, "text/html; charset=utf-8");
	assert_int_equal(f->len, strlen("<!doctype html><title>x</title>"));
	assert_int_equal(f->etag[0], '"');

	f = web_files_find(&wf, "/assets/app.js");
	assert_non_null(f);
	assert_string_equal(f->media_type, "text/javascript; charset=utf-8");

	/* Pages of the single-page app fall back to index.html. */
	f = web_files_find(&wf, "/planner/2026-2027");
	assert_non_null(f);
	assert_string_equal(f->path, "/index.html");

	assert_null(web_files_find(&wf, "/missing.css"));
	assert_null(web_files_find(&wf, "/.hidden"));
	assert_null(web_files_find(&wf, "/../etc/passwd"));
	assert_null(web_files_find(&wf, "relative"));
	web_files_free(&wf);
	web_files_free(&wf);
}

static void
test_missing_root(void **state)
{
	struct web_files	wf;
	char			err[256];

	(void)state;
	assert_int_equal(web_files_load(&wf, "/nonexistent/leerlijn", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "/nonexistent/leerlijn"));
	web_files_free(&wf);
}

static void
test_media_types(void **state)
{
	(void)state;
	assert_string_equal(web_media_type("a.css"), "text/css; charset=utf-8");
	assert_string_equal(web_media_type("a.svg"), "image/svg+xml");
	assert_string_equal(web_media_type("a.bin"),
	    "application/octet-stream");
	assert_string_equal(web_media_type("html"),
	    "application/octet-stream");
}

UNIT_MAIN_FIXTURE("web_files", setup, teardown,
    cmocka_unit_test(test_load_and_find),
    cmocka_unit_test(test_missing_root),
    cmocka_unit_test(test_media_types))
