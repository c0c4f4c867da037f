/*
 * applog: the application's log, filtered by LEERLIJN_LOG_LEVEL.
 */
#ifndef LEERLIJN_APPLOG_H
#define LEERLIJN_APPLOG_H

#include "core/settings.h"

void	applog_set_level(enum log_level);
/*
 * The request being served (its X-Request-Id, see dispatch.c): every
 * line logged until applog_set_request(NULL) names it.  One request at a
 * time per worker: handlers run to completion.
 */
void	applog_set_request(const char *id);
/* The current request id, "" when none. */
const char *applog_request(void);
void	applog(enum log_level, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
