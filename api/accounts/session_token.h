/*
 * session_token: random session tokens, their stored hash and the CSRF
 * token derived from them (libsodium; no Kore, no libpq).
 *
 * A token is 32 random bytes (256 bits) as unpadded base64url (43
 * characters).  Only its SHA-256 is stored.  The CSRF token of a session
 * is a keyed BLAKE2b of the session token, so it needs no storage and can
 * be handed out again (GET /api/v1/me) to a page that has the cookie.
 */
#ifndef LEERLIJN_SESSION_TOKEN_H
#define LEERLIJN_SESSION_TOKEN_H

#include <stddef.h>

#define TOKEN_BYTES		32
#define TOKEN_TEXT_LEN		43
/* "\x" and 64 hex digits: a bytea literal of the SHA-256. */
#define TOKEN_HASH_HEX_LEN	66

/* 0, or -1 when libsodium cannot start. Call once per process. */
int	token_init(void);
/* A new random token in out (TOKEN_TEXT_LEN + 1 bytes). */
void	token_new(char *out);
/* 1 when text has the form of a token. */
int	token_valid(const char *text);
/* The stored form of token: "\x" + hex SHA-256 (TOKEN_HASH_HEX_LEN + 1). */
void	token_hash_hex(const char *token, char *out);
/* The CSRF token of a session token (TOKEN_TEXT_LEN + 1 bytes). */
void	token_csrf(const char *token, char *out);
/* Constant-time comparison of two NUL-terminated strings; 1 when equal. */
int	token_equal(const char *a, const char *b);

#endif
