/* Unit tests of mail_message.c: addresses, the message text, invitations. */
#include "unit.h"

#include <sodium.h>

#include "accounts/mail_message.h"

static const struct unit_text_case	addresses[] = {
	{ "juf@school.example", 1 },
	{ "a.b+c@sub.school.example", 1 },
	{ "", 0 },
	{ "geen-apenstaart", 0 },
	{ "@school.example", 0 },
	{ "juf@", 0 },
	{ "a@b@c", 0 },
	{ "juf@school.example\r\nBcc: x@y.z", 0 },
	{ "juf @school.example", 0 },
	{ "<juf@school.example>", 0 },
	{ "juf@school.example,x@y.z", 0 },
};

static void
test_address_ok(void **state)
{
	(void)state;
	unit_text_cases(addresses, mail_address_ok);
}

static void
test_message(void **state)
{
	struct strbuf	 b;
	unsigned char	 bin[256];
	size_t		 n;
	const char	*body, *subj;

	(void)state;
	strbuf_init(&b);
	assert_int_equal(mail_message(&b, "noreply@leerlijn.invalid",
	    "juf@school.example", "Uitnodiging als leerkracht van "
	    "De Zonnebloem — groep 7 en één", "Beste juf,\n\nWelkom.\n",
	    0), 0);
	unit_contains(b.data,
	    "Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n",
	    "To: <juf@school.example>\r\n",
	    "From: Leerlijn <noreply@leerlijn.invalid>\r\n",
	    "Content-Type: text/plain; charset=UTF-8\r\n");
	/* The subject only in encoded words: no raw UTF-8 in the header. */
	subj = strstr(b.data, "Subject: =?UTF-8?B?");
	assert_non_null(subj);
	for (n = 0; b.data + n < strstr(b.data, "\r\n\r\n"); n++)
		assert_true((unsigned char)b.data[n] < 0x80);
	/* The body is base64 of the text. */
	body = strstr(b.data, "\r\n\r\n") + 4;
	assert_int_equal(sodium_base642bin(bin, sizeof(bin), body,
	    strlen(body), "\r\n", &n, NULL, sodium_base64_VARIANT_ORIGINAL), 0);
	assert_int_equal(n, strlen("Beste juf,\n\nWelkom.\n"));
	assert_memory_equal(bin, "Beste juf,\n\nWelkom.\n", n);
	strbuf_free(&b);

	/* A header injection through the address is refused. */
	strbuf_init(&b);
	assert_int_equal(mail_message(&b, "noreply@leerlijn.invalid",
	    "juf@school.example\r\nBcc: x@y.z", "s", "b", 0), -1);
	strbuf_free(&b);
}

static void
test_invitation_text(void **state)
{
	struct mail_invitation	inv = { "Jan", "De Zonnebloem", "teacher", 0,
				    "http://x/#/uitnodiging/T", "2026-12-14" };
	struct strbuf		s, b;

	(void)state;
	strbuf_init(&s);
	strbuf_init(&b);
	assert_int_equal(mail_invitation_text(&inv, &s, &b), 0);
	assert_string_equal(s.data, "Uitnodiging als leerkracht van "
	    "De Zonnebloem");
	unit_contains(b.data,
	    "Kies via deze link een wachtwoord",
	    "http://x/#/uitnodiging/T");
	strbuf_free(&s);
	strbuf_free(&b);
	inv.has_password = 1;
	strbuf_init(&s);
	strbuf_init(&b);
	assert_int_equal(mail_invitation_text(&inv, &s, &b), 0);
	assert_non_null(strstr(b.data, "Log in met je eigen account"));
	strbuf_free(&s);
	strbuf_free(&b);
	inv.school_name = NULL;
	strbuf_init(&s);
	strbuf_init(&b);
	assert_int_equal(mail_invitation_text(&inv, &s, &b), 0);
	assert_string_equal(s.data, "Kies je wachtwoord voor Leerlijn");
	strbuf_free(&s);
	strbuf_free(&b);
}

/* base64 in test_message needs libsodium initialised. */
static int
sodium_setup(void **state)
{
	(void)state;
	return (sodium_init() < 0 ? -1 : 0);
}

UNIT_MAIN_FIXTURE("mail_message", sodium_setup, NULL,
    cmocka_unit_test(test_address_ok),
    cmocka_unit_test(test_message),
    cmocka_unit_test(test_invitation_text))
