/*
 * common_passwords: the most common passwords, lowercased and sorted
 * (bytewise) for bsearch.  The array itself is written at build time into
 * build/gen/common_passwords.c by scripts/gen-common-passwords.sh from
 * seeds/passwords/ (see seeds/README.md for the source and licence);
 * this header is written by hand.
 */
#ifndef LEERLIJN_COMMON_PASSWORDS_H
#define LEERLIJN_COMMON_PASSWORDS_H

#include <stddef.h>

extern const char *const	common_passwords[];
extern const size_t		common_passwords_count;

#endif
