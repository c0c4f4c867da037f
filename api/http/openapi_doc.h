/*
 * openapi_doc: the OpenAPI 3.1 document of the API (api/openapi.json),
 * embedded at build time by scripts/gen-openapi-c.sh.
 */
#ifndef LEERLIJN_OPENAPI_DOC_H
#define LEERLIJN_OPENAPI_DOC_H

#include <stddef.h>

extern const unsigned char	openapi_json[];
extern const size_t		openapi_json_len;

#endif
