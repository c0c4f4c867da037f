/*
 * h_calendar: GET /api/v1/calendar/{school_year}?region= — the weeks of a
 * school year with the official holidays of a region shaded.
 */
#include <kore/kore.h>
#include <kore/http.h>

#include "planning/calendar_db.h"
#include "http/handlers.h"
#include "core/params.h"
#include "http/reply.h"
#include "planning/school_calendar.h"

void
api_calendar_get(struct api_ctx *ctx)
{
	static const char *const	regions[] = { "noord", "midden", "zuid",
					    NULL };
	struct param_errors		 e = { 0 };
	const char			*year, *region;
	char				*json;

	year = router_param(&ctx->match, "school_year");
	region = api_query(ctx, "region");
	if (school_year_parse(year) == -1) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Een schooljaar schrijf "
		    "je als 2026-2027.");
		return;
	}
	if (!param_is_one_of(region, regions))
		param_error(&e, "region", "kies noord, midden of zuid");
	if (e.n > 0) {
		api_reply_param_errors(ctx, &e);
		return;
	}
	api_reply_read(ctx, db_calendar_get(year, region, &json), &json,
	    "Dit schooljaar staat (nog) niet in de kalender.");
}
