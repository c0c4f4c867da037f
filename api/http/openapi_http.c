/*
 * h_openapi: GET /api/v1/openapi.json — the OpenAPI 3.1 document that
 * describes this API (api/openapi.json, compiled into the application).
 */
#include <kore/kore.h>
#include <kore/http.h>

#include "http/handlers.h"
#include "http/openapi_doc.h"
#include "http/reply.h"

void
api_openapi_get(struct api_ctx *ctx)
{
	http_response_header(ctx->req, "cache-control", "no-cache");
	reply_bytes(ctx->req, 200, "application/json", openapi_json,
	    openapi_json_len);
}
