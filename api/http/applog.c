/*
 * applog: the application's log, written through Kore's logger.
 */
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

#include <kore/kore.h>

#include "http/applog.h"
#include "core/utf8.h"

static enum log_level	level = LOG_LVL_INFO;

void
applog_set_level(enum log_level l)
{
	level = l;
}

void
applog(enum log_level l, const char *fmt, ...)
{
	static const int	prio[] = { LOG_ERR, LOG_WARNING, LOG_INFO,
				    LOG_DEBUG };
	char			msg[1024];
	va_list			ap;

	if (l > level)
		return;
	va_start(ap, fmt);
	(void)utf8_vfmt(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	kore_log(prio[l], "%s", msg);
}
