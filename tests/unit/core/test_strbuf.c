/* Unit tests of strbuf.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "unit.h"

#include "core/strbuf.h"

static void
test_append(void **state)
{
	struct strbuf	b;
	int		i;

	(void)state;
	strbuf_init(&b);
	for (i = 0; i < 1000; i++)
		assert_int_equal(strbuf_appendf(&b, "%d,", i % 10), 0);
	assert_int_equal(b.len, 2000);
	assert_int_equal(b.data[b.len], '\0');
	assert_memory_equal(b.data, "0,1,2,", 6);
	assert_int_equal(strbuf_append(&b, "x", 1), 0);
	assert_int_equal(b.data[2000], 'x');
	strbuf_free(&b);
	assert_null(b.data);
	strbuf_free(&b);
	strbuf_free(NULL);
}

static void
test_read_file(void **state)
{
	struct strbuf	 b;
	char		 path[] = "/tmp/leerlijn-strbuf-XXXXXX";
	int		 fd;
	FILE		*fp;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	fputs("hallo wereld", fp);
	fclose(fp);

	unit_writes(b, strbuf_read_file(&b, path, 100), "hallo wereld");

	assert_int_equal(strbuf_read_file(&b, path, 5), -1);
	assert_int_equal(errno, EFBIG);
	strbuf_free(&b);

	unlink(path);
	assert_int_equal(strbuf_read_file(&b, path, 100), -1);
	assert_int_equal(errno, ENOENT);
	strbuf_free(&b);
}

/* 1 when the n bytes at p are all zero. */
static int
all_zero(const char *p, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (p[i] != 0)
			return (0);
	}
	return (1);
}

/* A secret buffer (a request body with a password) is wiped. */
static void
test_secret_wipe(void **state)
{
	struct strbuf	b;
	char		chunk[1000];
	size_t		i;

	(void)state;
	memset(chunk, 'x', sizeof(chunk));
	strbuf_init_secret(&b);
	assert_int_equal(strbuf_append(&b, "{\"password\":\"geheim\"}", 22),
	    0);
	/* Growing keeps the contents (the old memory is wiped and freed). */
	for (i = 0; i < 5; i++)
		assert_int_equal(strbuf_append(&b, chunk, sizeof(chunk)), 0);
	assert_int_equal(b.len, 22 + 5 * sizeof(chunk));
	assert_memory_equal(b.data, "{\"password\":\"geheim\"}", 22);
	assert_true(b.cap > b.len);
	strbuf_wipe(&b);
	assert_int_equal(b.len, 0);
	assert_non_null(b.data);
	assert_true(all_zero(b.data, b.cap));
	strbuf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.cap, 0);
	/* Still secret after strbuf_free(): it can be used again. */
	assert_int_equal(b.secret, 1);
	assert_int_equal(strbuf_append(&b, "geheim", 6), 0);
	strbuf_wipe(&b);
	assert_true(all_zero(b.data, b.cap));
	strbuf_free(&b);
}

UNIT_MAIN("strbuf",
    cmocka_unit_test(test_append),
    cmocka_unit_test(test_read_file),
    cmocka_unit_test(test_secret_wipe))
