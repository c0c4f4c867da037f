/*
 * catalogue_gen: which catalogue generation this worker knows of.
 *
 * PostgreSQL counts the catalogue's generations (catalogue_generation,
 * schema/migrations/0120, schema/functions/catalogue_generation.sql):
 * every transaction that changes a catalogue table bumps it
 * once, by trigger, and announces the new number with NOTIFY
 * leerlijn_catalogue.  Each worker keeps its own connection that LISTENs;
 * catalogue_gen_current() reads what has arrived on it without waiting (a
 * non-blocking read of the socket), so a change made through another
 * worker, another API node or leerlijn-db is seen within a round trip of
 * the notification.  After a write on this worker's own connection
 * (catalogue_gen_written(), called on every COMMIT) the next call asks
 * PostgreSQL directly, so that the writer reads its own write at once.
 * While the connection is down the generation is unknown (-1) and the
 * caller must not use anything cached; it reconnects by itself, with
 * db.c's connection string (db_init()).
 */
#ifndef LEERLIJN_CATALOGUE_GEN_H
#define LEERLIJN_CATALOGUE_GEN_H

void		catalogue_gen_close(void);
/* The current generation, or -1 when it cannot be known now. */
long long	catalogue_gen_current(void);
/* This worker committed a transaction: check before the next use. */
void		catalogue_gen_written(void);

#endif
