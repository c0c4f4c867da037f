/*
 * h_web: the web page (frontend/dist), served from memory at "/".
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "http/reply.h"
#include "http/web.h"
#include "http/web_files.h"

int	web_serve(struct http_request *);

static struct web_files	site;

int
web_load(const char *root, char *err, size_t errlen)
{
	web_files_free(&site);
	return (web_files_load(&site, root, err, errlen));
}

static void
reply_text(struct http_request *req, int status, const char *text)
{
	reply_bytes(req, status, "text/plain; charset=utf-8", text,
	    strlen(text));
}

int
web_serve(struct http_request *req)
{
	const struct web_file	*f;
	const char		*inm;

	if (req->method != HTTP_METHOD_GET && req->method != HTTP_METHOD_HEAD) {
		http_response_header(req, "allow", "GET, HEAD");
		reply_text(req, 405, "Methode niet toegestaan.\n");
		return (KORE_RESULT_OK);
	}
	if ((f = web_files_find(&site, req->path)) == NULL) {
		reply_text(req, 404, "Pagina niet gevonden.\n");
		return (KORE_RESULT_OK);
	}
	http_response_header(req, "etag", f->etag);
	http_response_header(req, "cache-control",
	    strcmp(f->path, "/index.html") == 0 ? "no-cache" :
	    "public, max-age=300");
	if (http_request_header(req, "if-none-match", &inm) &&
	    strcmp(inm, f->etag) == 0) {
		reply_bytes(req, 304, NULL, NULL, 0);
		return (KORE_RESULT_OK);
	}
	reply_bytes(req, 200, f->media_type, f->data, f->len);
	return (KORE_RESULT_OK);
}
