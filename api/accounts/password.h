/*
 * password: argon2id password hashes (libsodium crypto_pwhash_str) and
 * the password policy.  No Kore, no libpq.
 */
#ifndef LEERLIJN_PASSWORD_H
#define LEERLIJN_PASSWORD_H

#include <stddef.h>

#include <sodium.h>

#define PASSWORD_HASH_MAX	crypto_pwhash_STRBYTES
#define PASSWORD_MIN_CHARS	10	/* characters (code points) */
#define PASSWORD_MAX_BYTES	1024
/* A local part this long (bytes) may not appear in the password. */
#define PASSWORD_LOCAL_MIN	3

/* 0, or -1 when libsodium cannot start (or no dummy hash). Per process. */
int		 password_init(void);
/* Hash pw into out (PASSWORD_HASH_MAX bytes); 0, or -1 out of memory. */
int		 password_hash(const char *pw, char *out);
/*
 * 1 when pw matches hash.  With hash NULL (no such account, or no
 * password yet) it verifies against a dummy hash, so that the answer
 * takes as long, and returns 0.
 */
int		 password_verify(const char *hash, const char *pw);
/* 1 when hash was made with other parameters than today's. */
int		 password_needs_rehash(const char *hash);
/*
 * NULL when pw is acceptable as a new password for the account email
 * (may be NULL): long enough, not common, and holding neither the address
 * nor its local part; otherwise a Dutch sentence saying why not.
 */
const char	*password_policy(const char *pw, const char *email);

#endif
