/*
 * reply: the one place where outcomes become HTTP responses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <sodium.h>

#include "http/applog.h"
#include "core/problem.h"
#include "http/reply.h"

/* The page loads only its own scripts, styles and data. */
#define CSP	"default-src 'self'; script-src 'self'; style-src 'self'; " \
		"img-src 'self' data:; connect-src 'self'; font-src 'self'; " \
		"object-src 'none'; base-uri 'none'; form-action 'self'; " \
		"frame-ancestors 'none'"

/*
 * While a catalogue read runs for the response cache (cache_http.c), its
 * replies are revalidated instead of never stored, a 200 gets the
 * generation's ETag unless the handler set its own, and reply_bytes()
 * keeps a copy of the response.
 */
static struct {
	int		 on;
	char		 etag[40];
	struct reply_copy *copy;
} capture;

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

/* How many replies this worker sent (the dispatcher's safety net). */
static unsigned long	replies;

unsigned long
reply_count(void)
{
	return (replies);
}

/* A cached answer is revalidated; everything else is never stored. */
static const char *
cache_control(int http_status)
{
	return (capture.on && http_status == 200 ? "no-cache" : "no-store");
}

void
reply_capture_begin(const char *etag, struct reply_copy *copy)
{
	memset(copy, 0, sizeof(*copy));
	capture.on = 1;
	(void)snprintf(capture.etag, sizeof(capture.etag), "%s", etag);
	capture.copy = copy;
}

void
reply_capture_end(void)
{
	capture.on = 0;
	capture.copy = NULL;
}

void
reply_copy_free(struct reply_copy *c)
{
	size_t	i;

	for (i = 0; i < 2 * c->nheaders; i++)
		free(c->headers[i]);
	free(c->headers);
	free(c->body);
	memset(c, 0, sizeof(*c));
}

/*
 * Keep the response as it goes out: the body and every header but what
 * belongs to this request alone (cookies, X-Cache, X-Request-Id).
 */
static void
keep(struct http_request *req, int http_status, const void *data, size_t len)
{
	struct reply_copy	*c = capture.copy;
	struct http_header	*h;
	size_t			 n;

	n = 0;
	TAILQ_FOREACH(h, &req->resp_headers, list)
		n++;
	if ((c->headers = calloc(2 * n + 1, sizeof(char *))) == NULL ||
	    (len > 0 && (c->body = malloc(len)) == NULL))
		goto fail;
	TAILQ_FOREACH(h, &req->resp_headers, list) {
		if (strcasecmp(h->header, "set-cookie") == 0 ||
		    strcasecmp(h->header, "x-cache") == 0 ||
		    strcasecmp(h->header, "x-request-id") == 0)
			continue;
		if ((c->headers[2 * c->nheaders] = strdup(h->header)) == NULL ||
		    (c->headers[2 * c->nheaders + 1] = strdup(h->value)) ==
		    NULL) {
			c->nheaders++;
			goto fail;
		}
		c->nheaders++;
	}
	if (len > 0)
		memcpy(c->body, data, len);
	c->len = len;
	c->status = http_status;
	c->kept = 1;
	return;
fail:
	reply_copy_free(c);
}

void
reply_bytes(struct http_request *req, int http_status,
    const char *media_type, const void *data, size_t len)
{
	struct http_header	*h;
	int			 own;

	replies++;
	/*
	 * A server error is logged with what was asked; the log line carries
	 * the request id that the answer's X-Request-Id header gives the user.
	 */
	if (http_status >= 500)
		applog(http_status == 503 ? LOG_LVL_WARNING : LOG_LVL_ERROR,
		    "%s %s answered %d", http_method_text(req->method),
		    req->path, http_status);
	reply_security_headers(req);
	if (media_type != NULL)
		http_response_header(req, "content-type", media_type);
	if (capture.on && http_status == 200) {
		own = 1;
		TAILQ_FOREACH(h, &req->resp_headers, list) {
			if (strcasecmp(h->header, "etag") == 0)
				own = 0;
		}
		if (own)
			http_response_header(req, "etag", capture.etag);
		capture.copy->own_etag = own;
		keep(req, http_status, data, len);
	}
	http_response(req, http_status, data, len);
}

static void
reply_dump(struct http_request *req, int http_status, const char *type,
    json_t *body)
{
	char	*text;

	http_response_header(req, "cache-control", cache_control(http_status));
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
	http_response_header(req, "cache-control",
	    cache_control(status_http(s)));
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
