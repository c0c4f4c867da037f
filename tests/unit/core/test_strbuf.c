/* Unit tests of strbuf.c. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

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

	strbuf_init(&b);
	assert_int_equal(strbuf_read_file(&b, path, 100), 0);
	assert_string_equal(b.data, "hallo wereld");
	strbuf_free(&b);

	assert_int_equal(strbuf_read_file(&b, path, 5), -1);
	assert_int_equal(errno, EFBIG);
	strbuf_free(&b);

	unlink(path);
	assert_int_equal(strbuf_read_file(&b, path, 100), -1);
	assert_int_equal(errno, ENOENT);
	strbuf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_read_file),
	};

	return (cmocka_run_group_tests_name("strbuf", tests, NULL, NULL));
}
