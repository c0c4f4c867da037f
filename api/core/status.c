/*
 * status: the table from application outcome to HTTP code and problem type.
 */
#include "core/status.h"

static const struct {
	int		 http;
	const char	*slug;
	const char	*title;
} status_table[ST__COUNT] = {
	[ST_OK] =			{ 200, "ok", "OK" },
	[ST_CREATED] =			{ 201, "created", "Aangemaakt" },
	[ST_NO_CONTENT] =		{ 204, "no-content", "Geen inhoud" },
	[ST_BAD_REQUEST] =		{ 400, "bad-request",
					  "Ongeldig verzoek" },
	[ST_UNAUTHORIZED] =		{ 401, "unauthorized",
					  "Niet aangemeld" },
	[ST_FORBIDDEN] =		{ 403, "forbidden", "Geen toegang" },
	[ST_NOT_FOUND] =		{ 404, "not-found", "Niet gevonden" },
	[ST_METHOD_NOT_ALLOWED] =	{ 405, "method-not-allowed",
					  "Methode niet toegestaan" },
	[ST_CONFLICT] =			{ 409, "conflict", "Conflict" },
	[ST_PRECONDITION_FAILED] =	{ 412, "precondition-failed",
					  "Versie is verouderd" },
	[ST_PAYLOAD_TOO_LARGE] =	{ 413, "payload-too-large",
					  "Verzoek is te groot" },
	[ST_UNSUPPORTED_MEDIA_TYPE] =	{ 415, "unsupported-media-type",
					  "Niet ondersteund inhoudstype" },
	[ST_UNPROCESSABLE] =		{ 422, "validation-failed",
					  "Ongeldige gegevens" },
	[ST_PRECONDITION_REQUIRED] =	{ 428, "precondition-required",
					  "Versie (If-Match) ontbreekt" },
	[ST_TOO_MANY_REQUESTS] =	{ 429, "too-many-requests",
					  "Te veel pogingen" },
	[ST_INTERNAL] =			{ 500, "internal-error",
					  "Interne fout" },
	[ST_UNAVAILABLE] =		{ 503, "service-unavailable",
					  "Dienst niet beschikbaar" },
};

static int
status_valid(enum app_status s)
{
	return ((int)s >= 0 && s < ST__COUNT);
}

int
status_http(enum app_status s)
{
	if (!status_valid(s))
		return (500);
	return (status_table[s].http);
}

const char *
status_slug(enum app_status s)
{
	if (!status_valid(s))
		return (status_table[ST_INTERNAL].slug);
	return (status_table[s].slug);
}

const char *
status_title(enum app_status s)
{
	if (!status_valid(s))
		return (status_table[ST_INTERNAL].title);
	return (status_table[s].title);
}

int
status_is_error(enum app_status s)
{
	return (status_http(s) >= 400);
}
