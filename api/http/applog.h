/*
 * applog: the application's log, filtered by LEERLIJN_LOG_LEVEL.
 */
#ifndef LEERLIJN_APPLOG_H
#define LEERLIJN_APPLOG_H

#include "core/settings.h"

void	applog_set_level(enum log_level);
void	applog(enum log_level, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
