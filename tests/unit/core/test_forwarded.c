/* Unit tests of forwarded.c: X-Forwarded-For only from trusted proxies. */
#include <stdio.h>
#include "unit.h"

#include "core/forwarded.h"

static const char *proxies;

static const char *
fake_getenv(const char *name)
{
	return (strcmp(name, "LEERLIJN_TRUSTED_PROXIES") == 0 ? proxies :
	    NULL);
}

/* A request through the trusted proxy on this host: X-Forwarded-For XFF. */
#define LOCAL(xff, want)	{ "127.0.0.1", "127.0.0.1", xff, want }

static const struct {
	const char	*trusted;	/* LEERLIJN_TRUSTED_PROXIES */
	const char	*peer;
	const char	*xff;
	const char	*want;
} cases[] = {
	/* Nobody trusted: the header is ignored. */
	{ NULL,		"127.0.0.1",	"203.0.113.9",		"127.0.0.1" },
	/* An untrusted peer cannot pose as somebody else. */
	{ "10.0.0.2",	"198.51.100.4",	"203.0.113.9",		"198.51.100.4" },
	/* The proxy appended the address it saw. */
	LOCAL("203.0.113.9", "203.0.113.9"),
	LOCAL(" 203.0.113.9 ", "203.0.113.9"),
	/* What the client wrote itself stays left of it and is not used. */
	LOCAL("1.2.3.4, 203.0.113.9", "203.0.113.9"),
	/* Two trusted hops. */
	{ "127.0.0.1,10.0.0.2", "127.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.2",
	  "203.0.113.9" },
	LOCAL("2001:db8::1", "2001:db8::1"),
	{ "::1",	"::1",		"203.0.113.9",		"203.0.113.9" },
	/* No header, an empty one, garbage or only proxies: the peer. */
	LOCAL(NULL, "127.0.0.1"),
	LOCAL("", "127.0.0.1"),
	LOCAL("1.2.3.4, nonsense", "127.0.0.1"),
	LOCAL("1.2.3.4,", "127.0.0.1"),
	LOCAL("127.0.0.1", "127.0.0.1"),
	LOCAL("1.2.3.4, unknown, 127.0.0.1", "127.0.0.1"),
};

static void
test_cases(void **state)
{
	struct settings	s;
	char		err[128], out[64];
	size_t		i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		proxies = cases[i].trusted;
		assert_int_equal(settings_load(&s, fake_getenv, err,
		    sizeof(err)), 0);
		forwarded_client(&s, cases[i].peer, cases[i].xff, out,
		    sizeof(out));
		if (strcmp(out, cases[i].want) != 0)
			fail_msg("case %zu: got %s, want %s", i, out,
			    cases[i].want);
	}
}

UNIT_MAIN("forwarded",
    cmocka_unit_test(test_cases))
