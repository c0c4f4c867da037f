/*
 * h_health: GET /api/v1/health — is the API up, and can it reach the
 * database?  503 with a problem document while it cannot.
 */
#include <kore/kore.h>
#include <kore/http.h>

#include "db/health_db.h"
#include "http/cache_http.h"
#include "http/handlers.h"
#include "core/problem.h"
#include "http/reply.h"
#include "core/settings.h"

#define LEERLIJN_VERSION	"0.1.0"

void
api_health_get(struct api_ctx *ctx)
{
	json_t	*body;
	int	 version;

	if (db_health_check(&version) != DB_OK) {
		body = problem_new(ST_UNAVAILABLE,
		    "De database is niet bereikbaar.");
		if (body != NULL) {
			json_object_set_new(body, "database",
			    json_string("unreachable"));
		}
		http_response_header(ctx->req, "retry-after", "5");
		reply_problem_doc(ctx->req, ST_UNAVAILABLE, body);
		return;
	}
	/* With this worker's catalogue cache: its generation and figures. */
	body = json_pack("{s:s, s:s, s:i, s:s, s:s, s:o*}",
	    "status", "ok",
	    "database", "reachable",
	    "schema_version", version,
	    "version", LEERLIJN_VERSION,
	    "mode", settings_mode_name(settings_current()->mode),
	    "cache", cache_stats_json());
	reply_json(ctx->req, ST_OK, body);
}
