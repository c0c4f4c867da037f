/*
 * web: the handler side of the web page (h_web.c).
 */
#ifndef LEERLIJN_WEB_H
#define LEERLIJN_WEB_H

#include <stddef.h>

/* Load the built page from root; 0, or -1 with a reason in err. */
int	web_load(const char *root, char *err, size_t errlen);

#endif
