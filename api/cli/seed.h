/*
 * seed: load seeds/manifest into the database in one transaction.
 */
#ifndef LEERLIJN_SEED_H
#define LEERLIJN_SEED_H

#include <libpq-fe.h>

/*
 * Run every entry of dir/manifest, and with development also of
 * dir/manifest.development (the demo schools and accounts), in one
 * transaction with the audit log switched off.  The caller holds the
 * migration lock.  Returns 0, or -1 after printing why to stderr (and
 * nothing changed).
 */
int	seed_run(PGconn *c, const char *dir, int development);

#endif
