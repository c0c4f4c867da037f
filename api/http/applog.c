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
static char		request_id[72];

void
applog_set_level(enum log_level l)
{
	level = l;
}

void
applog_set_request(const char *id)
{
	(void)snprintf(request_id, sizeof(request_id), "%s",
	    id != NULL ? id : "");
}

const char *
applog_request(void)
{
	return (request_id);
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
	if (request_id[0] != '\0')
		kore_log(prio[l], "[%s] %s", request_id, msg);
	else
		kore_log(prio[l], "%s", msg);
}
