/*
 * reply: the one place where outcomes become HTTP responses.
 */
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "http/applog.h"
#include "core/problem.h"
#include "http/reply.h"

/* The page loads only its own scripts, styles and data. */
#define CSP	"default-src 'self'; script-src 'self'; style-src 'self'; " \
		"img-src 'self' data:; connect-src 'self'; font-src 'self'; " \
		"object-src 'none'; base-uri 'none'; form-action 'self'; " \
		"frame-ancestors 'none'"

/* Served when even the problem document cannot be built. */
static const char	fallback_problem[] =
    "{\"type\":\"/api/v1/problems/internal-error\","
    "\"title\":\"Interne fout\",\"status\":500}";

void
reply_security_headers(struct http_request *req)
{
	http_response_header(req, "content-security-policy", CSP);
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "referrer-policy", "no-referrer");
	http_response_header(req, "x-frame-options", "DENY");
	http_response_header(req, "cross-origin-opener-policy", "same-origin");
}

void
reply_bytes(struct http_request *req, int http_status,
    const char *media_type, const void *data, size_t len)
{
	reply_security_headers(req);
	if (media_type != NULL)
		http_response_header(req, "content-type", media_type);
	http_response(req, http_status, data, len);
}

static void
reply_dump(struct http_request *req, int http_status, const char *type,
    json_t *body)
{
	char	*text;

	http_response_header(req, "cache-control", "no-store");
	if (body == NULL) {
		reply_bytes(req, http_status, NULL, NULL, 0);
		return;
	}
	text = json_dumps(body, JSON_COMPACT | JSON_ENCODE_ANY);
	json_decref(body);
	if (text == NULL) {
		applog(LOG_LVL_ERROR, "cannot encode a reply");
		reply_bytes(req, 500, "application/problem+json",
		    fallback_problem, sizeof(fallback_problem) - 1);
		return;
	}
	reply_bytes(req, http_status, type, text, strlen(text));
	free(text);
}

void
reply_json(struct http_request *req, enum app_status s, json_t *body)
{
	reply_dump(req, status_http(s), "application/json", body);
}

void
reply_json_text(struct http_request *req, enum app_status s,
    const char *text)
{
	http_response_header(req, "cache-control", "no-store");
	reply_bytes(req, status_http(s), "application/json", text,
	    strlen(text));
}

void
reply_problem_doc(struct http_request *req, enum app_status s,
    json_t *problem)
{
	if (problem == NULL) {
		http_response_header(req, "cache-control", "no-store");
		reply_bytes(req, 500, "application/problem+json",
		    fallback_problem, sizeof(fallback_problem) - 1);
		return;
	}
	/* A fault: the id under which the log tells what happened. */
	if (status_http(s) >= 500 && applog_request()[0] != '\0')
		(void)json_object_set_new(problem, "request_id",
		    json_string(applog_request()));
	reply_dump(req, status_http(s), "application/problem+json", problem);
}

void
reply_problem(struct http_request *req, enum app_status s,
    const char *detail)
{
	reply_problem_doc(req, s, problem_new(s, detail));
}
