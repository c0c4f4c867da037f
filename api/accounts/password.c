/*
 * password: argon2id hashes and the password policy.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "accounts/common_passwords.h"
#include "accounts/password.h"
#include "core/utf8.h"

#define OPSLIMIT	crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEMLIMIT	crypto_pwhash_MEMLIMIT_INTERACTIVE

static char	dummy_hash[PASSWORD_HASH_MAX];

/* Passwords this project publishes (seeds/demo): never a real one. */
static const char *const	published[] = { "leerlijn-demo", NULL };

int
password_init(void)
{
	char	pw[33];

	if (sodium_init() < 0)
		return (-1);
	if (dummy_hash[0] != '\0')
		return (0);
	/* A hash of a random password nobody knows, made like real ones. */
	randombytes_buf(pw, sizeof(pw) - 1);
	pw[sizeof(pw) - 1] = '\0';
	return (crypto_pwhash_str(dummy_hash, pw, sizeof(pw) - 1, OPSLIMIT,
	    MEMLIMIT) == 0 ? 0 : -1);
}

int
password_hash(const char *pw, char *out)
{
	return (crypto_pwhash_str(out, pw, strlen(pw), OPSLIMIT,
	    MEMLIMIT) == 0 ? 0 : -1);
}

int
password_verify(const char *hash, const char *pw)
{
	int	ok;

	if (hash == NULL || strncmp(hash, "$argon2id$", 10) != 0) {
		ok = crypto_pwhash_str_verify(dummy_hash, pw, strlen(pw));
		(void)ok;
		return (0);
	}
	ok = crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
	return (ok);
}

int
password_needs_rehash(const char *hash)
{
	return (crypto_pwhash_str_needs_rehash(hash, OPSLIMIT, MEMLIMIT) != 0);
}

static int
cmp_entry(const void *key, const void *entry)
{
	return (strcmp(key, *(const char *const *)entry));
}

/* 1 when pw, lowercased, is on the list of common passwords. */
static int
is_common(const char *pw)
{
	char	low[PASSWORD_MAX_BYTES + 1];
	size_t	i, n;

	n = strlen(pw);
	if (n > PASSWORD_MAX_BYTES)
		return (0);
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)pw[i]);
	low[n] = '\0';
	return (bsearch(low, common_passwords, common_passwords_count,
	    sizeof(common_passwords[0]), cmp_entry) != NULL);
}

static size_t
code_points(const char *s)
{
	size_t	n;

	for (n = 0; *s != '\0'; s++) {
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return (n);
}

/*
 * 1 when pw holds the address email, or its local part (the part before
 * the @) when that is at least PASSWORD_LOCAL_MIN bytes, in any case.
 */
static int
contains_address(const char *pw, const char *email)
{
	char		 local[256];
	const char	*at;
	size_t		 n;

	if (strcasestr(pw, email) != NULL)
		return (1);
	if ((at = strchr(email, '@')) == NULL)
		return (0);
	n = (size_t)(at - email);
	if (n < PASSWORD_LOCAL_MIN || n >= sizeof(local))
		return (0);
	memcpy(local, email, n);
	local[n] = '\0';
	return (strcasestr(pw, local) != NULL);
}

const char *
password_policy(const char *pw, const char *email)
{
	size_t	i, len;

	len = strlen(pw);
	if (len > PASSWORD_MAX_BYTES)
		return ("Het wachtwoord is te lang (hoogstens 1024 bytes).");
	if (!utf8_valid(pw, len))
		return ("Het wachtwoord is geen geldige UTF-8.");
	if (code_points(pw) < PASSWORD_MIN_CHARS)
		return ("Het wachtwoord moet minstens 10 tekens lang zijn.");
	if (is_common(pw))
		return ("Dit wachtwoord staat op de lijst van veelgebruikte "
		    "wachtwoorden; kies een ander.");
	for (i = 0; published[i] != NULL; i++) {
		if (strcasecmp(pw, published[i]) == 0)
			return ("Dit is het wachtwoord van de demo-accounts; "
			    "kies een ander.");
	}
	if (email != NULL && contains_address(pw, email))
		return ("Het wachtwoord mag je e-mailadres (of het deel vóór "
		    "de @) niet bevatten.");
	return (NULL);
}
