/*
 * session_token: random session tokens, their stored hash and CSRF token.
 */
#include <string.h>

#include <sodium.h>

#include "accounts/session_token.h"

static const char	csrf_context[] = "leerlijn csrf v1";

int
token_init(void)
{
	return (sodium_init() < 0 ? -1 : 0);
}

static void
encode(const unsigned char *bin, char *out)
{
	(void)sodium_bin2base64(out, TOKEN_TEXT_LEN + 1, bin, TOKEN_BYTES,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void
token_new(char *out)
{
	unsigned char	bin[TOKEN_BYTES];

	randombytes_buf(bin, sizeof(bin));
	encode(bin, out);
	sodium_memzero(bin, sizeof(bin));
}

int
token_valid(const char *text)
{
	unsigned char	bin[TOKEN_BYTES];
	size_t		len, binlen;

	len = strnlen(text, TOKEN_TEXT_LEN + 1);
	if (len != TOKEN_TEXT_LEN)
		return (0);
	if (sodium_base642bin(bin, sizeof(bin), text, len, NULL, &binlen,
	    NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    binlen != TOKEN_BYTES)
		return (0);
	return (1);
}

void
token_hash_hex(const char *token, char *out)
{
	unsigned char	h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	out[0] = '\\';
	out[1] = 'x';
	(void)sodium_bin2hex(out + 2, TOKEN_HASH_HEX_LEN - 1, h, sizeof(h));
}

void
token_csrf(const char *token, char *out)
{
	unsigned char	h[TOKEN_BYTES];

	/* Keyed by the session token (43 bytes, within BLAKE2b's 64). */
	(void)crypto_generichash(h, sizeof(h),
	    (const unsigned char *)csrf_context, sizeof(csrf_context) - 1,
	    (const unsigned char *)token, strlen(token));
	encode(h, out);
}

int
token_equal(const char *a, const char *b)
{
	size_t	la, lb;

	la = strlen(a);
	lb = strlen(b);
	if (la != lb)
		return (0);
	return (sodium_memcmp(a, b, la) == 0);
}
