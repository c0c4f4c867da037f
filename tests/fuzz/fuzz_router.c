/* The router against the API's own route table (handlers stubbed). */
#include "fuzz.h"
#include "core/router.h"
#include "http/handlers.h"
#include "http/routes.h"

#undef API_HANDLER
#define API_HANDLER(name) void name(struct api_ctx *c) { (void)c; }
#undef LEERLIJN_HANDLERS_H
#include "http/handlers.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct route_match	 m;
	enum router_result	 r;
	char			*path, allow[64];
	unsigned		 method;
	size_t			 i;

	if (size < 1)
		return (0);
	method = 1u << (data[0] % 5);
	path = fuzz_cstr(data + 1, size - 1);
	memset(&m, 0, sizeof(m));
	r = router_match(routes, routes_count, method, path, &m);
	if (r == ROUTER_FOUND) {
		FUZZ_ASSERT(m.route != NULL && m.nparams <= ROUTE_MAX_PARAMS);
		for (i = 0; i < m.nparams; i++)
			FUZZ_ASSERT(strlen(m.values[i]) < ROUTE_PARAM_MAX);
	}
	(void)router_allow_text(m.allowed, allow, sizeof(allow));
	free(path);
	return (0);
}
