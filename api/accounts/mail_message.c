/*
 * mail_message: the text of an e-mail and of the invitation mails.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "accounts/mail_message.h"
#include "core/utf8.h"

#define B64_LINE	57	/* input bytes per 76-character line */

int
mail_address_ok(const char *addr)
{
	const char	*at, *p;

	if (addr == NULL || *addr == '\0' || strlen(addr) > 254)
		return (0);
	for (p = addr; *p != '\0'; p++) {
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p == 0x7f ||
		    strchr("<>(),;:\"\\[]", *p) != NULL)
			return (0);
	}
	if ((at = strchr(addr, '@')) == NULL || at == addr ||
	    at[1] == '\0' || strchr(at + 1, '@') != NULL)
		return (0);
	return (1);
}

/* Append len bytes of s in base64, lines of 76 characters. */
static int
base64_lines(struct strbuf *out, const unsigned char *s, size_t len,
    const char *eol)
{
	char	line[80];
	size_t	i, n;

	for (i = 0; i < len; i += n) {
		n = len - i < B64_LINE ? len - i : B64_LINE;
		(void)sodium_bin2base64(line, sizeof(line), s + i, n,
		    sodium_base64_VARIANT_ORIGINAL);
		if (strbuf_appendf(out, "%s%s", line, eol) == -1)
			return (-1);
	}
	return (0);
}

/* Subject: as encoded words of at most 45 bytes each (RFC 2047). */
static int
subject_header(struct strbuf *out, const char *subject)
{
	char		 word[80];
	const char	*s;
	size_t		 len, i, n;

	s = subject;
	len = strlen(s);
	if (strbuf_appendf(out, "Subject:") == -1)
		return (-1);
	for (i = 0; i < len; i += n) {
		/* Never split a character between two words. */
		if ((n = utf8_cut(s + i, len - i, 45, SIZE_MAX)) == 0)
			n = 1;
		(void)sodium_bin2base64(word, sizeof(word),
		    (const unsigned char *)s + i, n,
		    sodium_base64_VARIANT_ORIGINAL);
		if (strbuf_appendf(out, " =?UTF-8?B?%s?=\r\n", word) == -1)
			return (-1);
	}
	return (len == 0 ? strbuf_appendf(out, "\r\n") : 0);
}

int
mail_message(struct strbuf *out, const char *from, const char *to,
    const char *subject, const char *body, time_t now)
{
	unsigned char	id[12];
	char		idtext[2 * sizeof(id) + 1], date[64];
	const char	*domain;
	struct tm	tm;

	if (!mail_address_ok(from) || !mail_address_ok(to))
		return (-1);
	domain = strchr(from, '@') + 1;
	randombytes_buf(id, sizeof(id));
	(void)sodium_bin2hex(idtext, sizeof(idtext), id, sizeof(id));
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000",
	    &tm) == 0)
		return (-1);
	if (strbuf_appendf(out, "Date: %s\r\nFrom: Leerlijn <%s>\r\n"
	    "To: <%s>\r\nMessage-ID: <%s@%s>\r\n", date, from, to, idtext,
	    domain) == -1 || subject_header(out, subject) == -1 ||
	    strbuf_appendf(out, "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Auto-Submitted: auto-generated\r\n\r\n") == -1)
		return (-1);
	return (base64_lines(out, (const unsigned char *)body, strlen(body),
	    "\r\n"));
}

int
mail_invitation_text(const struct mail_invitation *inv,
    struct strbuf *subject, struct strbuf *body)
{
	const char	*role;

	role = inv->role != NULL && strcmp(inv->role, "coordinator") == 0 ?
	    "coördinator" : "leerkracht";
	if (inv->school_name == NULL) {
		if (strbuf_appendf(subject, "Kies je wachtwoord voor "
		    "Leerlijn") == -1 ||
		    strbuf_appendf(body, "Beste %s,\n\nVoor je account bij "
		    "Leerlijn kun je een (nieuw) wachtwoord kiezen via deze "
		    "link:\n\n%s\n\nDe link werkt één keer, tot %s. Heb je "
		    "hier niet om gevraagd? Dan kun je deze e-mail negeren; "
		    "er verandert niets.\n", inv->display_name, inv->link,
		    inv->expires) == -1)
			return (-1);
		return (0);
	}
	if (strbuf_appendf(subject, "Uitnodiging als %s van %s", role,
	    inv->school_name) == -1)
		return (-1);
	if (inv->has_password)
		return (strbuf_appendf(body, "Beste %s,\n\n%s nodigt je in "
		    "Leerlijn uit als %s. Log in met je eigen account en open "
		    "dan deze link om de uitnodiging aan te nemen:\n\n%s\n\n"
		    "De link werkt tot %s. Ken je deze school niet? Dan kun "
		    "je deze e-mail negeren; er verandert niets.\n",
		    inv->display_name, inv->school_name, role, inv->link,
		    inv->expires));
	return (strbuf_appendf(body, "Beste %s,\n\n%s nodigt je in Leerlijn "
	    "uit als %s. Kies via deze link een wachtwoord; daarmee is het "
	    "account van jou:\n\n%s\n\nDe link werkt één keer, tot %s. Ken je "
	    "deze school niet? Dan kun je deze e-mail negeren; er verandert "
	    "niets.\n", inv->display_name, inv->school_name, role, inv->link,
	    inv->expires));
}
