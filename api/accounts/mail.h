/*
 * mail: sending e-mail through the SMTP relay of the configuration
 * (LEERLIJN_SMTP_URL) with libcurl, from a sender thread of the worker so
 * that the Kore event loop never waits for a mail server.
 *
 * The queue lives in the worker's memory: a mail that was queued when the
 * worker died is lost (an admin can issue a new invitation link).  Each
 * mail gets one attempt with short timeouts (connect 5 s, whole exchange
 * 20 s); the outcome is logged without the message text.
 */
#ifndef LEERLIJN_MAIL_H
#define LEERLIJN_MAIL_H

#include <stddef.h>

/* Start the sender for smtp_url ("" : mail off); 0, or -1. Per worker. */
int	mail_start(const char *smtp_url, const char *from);
/* 1 when a relay is configured. */
int	mail_enabled(void);
/*
 * Queue a message (the full text, as mail_message() makes it) for to.
 * Takes a copy.  0, or -1 when mail is off, the queue is full or memory
 * runs out.
 */
int	mail_queue(const char *to, const char *message, size_t len);
/* Stop the sender (waits for the mail being sent at most). */
void	mail_stop(void);

#endif
