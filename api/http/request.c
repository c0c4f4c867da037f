/*
 * request: reading what a request carries, for the handlers: the body
 * (wiped when freed: it may hold a password), JSON bodies checked field by
 * field, query parameters, path ids, If-Match and the client's address.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <sodium.h>

#include "http/api.h"
#include "core/json_fields.h"
#include "accounts/password.h"
#include "core/problem.h"
#include "http/reply.h"
#include "core/forwarded.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/utf8.h"

/*
 * Read the whole body into b (a secret strbuf: it may hold a password)
 * and point ctx->body at it; 0, or -1 after replying.  Kore's own copy of
 * the body stays until the request is done (api_body_wipe()): a handler
 * that waits for a password operation runs again and reads it again.
 */
int
api_read_body(struct api_ctx *ctx, struct strbuf *b)
{
	char		 chunk[4096];
	ssize_t		 n;
	int		 rc;

	rc = -1;
	(void)http_body_rewind(ctx->req);
	for (;;) {
		n = http_body_read(ctx->req, chunk, sizeof(chunk));
		if (n == -1) {
			reply_problem(ctx->req, ST_BAD_REQUEST,
			    "De inhoud van het verzoek kon niet worden "
			    "gelezen.");
			goto out;
		}
		if (n == 0)
			break;
		if (b->len + (size_t)n > settings_current()->body_max ||
		    strbuf_append(b, chunk, (size_t)n) == -1) {
			reply_problem(ctx->req, ST_PAYLOAD_TOO_LARGE, NULL);
			goto out;
		}
	}
	ctx->body = b->data;
	ctx->body_len = b->len;
	rc = 0;
out:
	sodium_memzero(chunk, sizeof(chunk));
	if (rc == -1)
		strbuf_free(b);
	return (rc);
}

void
api_body_wipe(struct http_request *req)
{
	struct kore_buf	*kb;

	if ((kb = req->http_body) != NULL && kb->data != NULL)
		sodium_memzero(kb->data, kb->length);
}

/*
 * The peer's address, or behind a trusted reverse proxy the client's
 * address that proxy put into X-Forwarded-For (core/forwarded.c).
 */
void
api_client_address(struct api_ctx *ctx, char *buf, size_t len)
{
	struct connection	*c;
	const char		*xff;
	char			 peer[INET6_ADDRSTRLEN];

	buf[0] = '\0';
	peer[0] = '\0';
	c = ctx->req->owner;
	if (c == NULL)
		return;
	if (c->family == AF_INET)
		(void)inet_ntop(AF_INET, &c->addr.ipv4.sin_addr, peer,
		    sizeof(peer));
	else if (c->family == AF_INET6)
		(void)inet_ntop(AF_INET6, &c->addr.ipv6.sin6_addr, peer,
		    sizeof(peer));
	if (peer[0] == '\0')
		return;
	if (!http_request_header(ctx->req, "x-forwarded-for", &xff))
		xff = NULL;
	forwarded_client(settings_current(), peer, xff, buf, len);
}

const char *
api_query(const void *ctx, const char *key)
{
	return (qs_get(&((const struct api_ctx *)ctx)->qs, key));
}

int
api_json_body(struct api_ctx *ctx, json_t **root)
{
	const char	*ctype;
	json_error_t	 err;
	json_t		*p;

	*root = NULL;
	if (!http_request_header(ctx->req, "content-type", &ctype) ||
	    strncasecmp(ctype, "application/json", 16) != 0 ||
	    (ctype[16] != '\0' && ctype[16] != ';')) {
		reply_problem(ctx->req, ST_UNSUPPORTED_MEDIA_TYPE,
		    "Stuur de gegevens als application/json.");
		return (-1);
	}
	if (ctx->body == NULL || ctx->body_len == 0) {
		reply_problem(ctx->req, ST_BAD_REQUEST,
		    "Het verzoek heeft geen inhoud.");
		return (-1);
	}
	if (!utf8_valid(ctx->body, ctx->body_len)) {
		reply_problem(ctx->req, ST_BAD_REQUEST,
		    "De inhoud is geen geldige UTF-8.");
		return (-1);
	}
	*root = json_loadb(ctx->body, ctx->body_len,
	    JSON_REJECT_DUPLICATES, &err);
	if (*root == NULL) {
		p = problem_new(ST_BAD_REQUEST, "De inhoud is geen geldige "
		    "JSON.");
		if (p != NULL) {
			json_object_set_new(p, "line", json_integer(err.line));
			json_object_set_new(p, "column",
			    json_integer(err.column));
		}
		reply_problem_doc(ctx->req, ST_BAD_REQUEST, p);
		return (-1);
	}
	if (!json_is_object(*root)) {
		json_decref(*root);
		*root = NULL;
		reply_problem(ctx->req, ST_UNPROCESSABLE,
		    "Verwacht een JSON-object.");
		return (-1);
	}
	return (0);
}

int
api_json_fields(struct api_ctx *ctx, const struct field_spec *specs,
    size_t n, int mode, json_t **root)
{
	return (api_json_fields_secrets(ctx, specs, n, mode, NULL, 0, NULL,
	    root));
}

int
api_json_fields_secrets(struct api_ctx *ctx, const struct field_spec *specs,
    size_t n, int mode, const char *const *secrets, size_t nsecrets,
    const char **values, json_t **root)
{
	struct param_errors	 e, se;
	json_t			*rest, *p, *v;
	size_t			 i;

	rest = NULL;
	if (api_json_body(ctx, root) == -1)
		return (-1);
	memset(&se, 0, sizeof(se));
	/* Secrets are any text: spaces at either end belong to them. */
	for (i = 0; i < nsecrets; i++) {
		v = json_object_get(*root, secrets[i]);
		if (!json_is_string(v) || json_string_length(v) == 0 ||
		    json_string_length(v) > PASSWORD_MAX_BYTES ||
		    strlen(json_string_value(v)) != json_string_length(v))
			param_error(&se, secrets[i], "verplicht: tekst van 1 "
			    "tot 1024 bytes");
		else
			values[i] = json_string_value(v);
	}
	if ((rest = json_copy(*root)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	for (i = 0; i < nsecrets; i++)
		(void)json_object_del(rest, secrets[i]);
	(void)json_fields_check(rest, specs, n, mode, &e);
	if (e.n == 0 && se.n == 0) {
		json_decref(rest);
		return (0);
	}
	/* Unknown field names live in rest: free it last. */
	p = problem_new(ST_UNPROCESSABLE, "Controleer de gemarkeerde velden.");
	for (i = 0; p != NULL && i < se.n + e.n; i++) {
		if (problem_add_error(p, i < se.n ? se.field[i] :
		    e.field[i - se.n], i < se.n ? se.message[i] :
		    e.message[i - se.n]) == -1) {
			json_decref(p);
			p = NULL;
		}
	}
	reply_problem_doc(ctx->req, ST_UNPROCESSABLE, p);
out:
	json_decref(rest);
	json_decref(*root);
	*root = NULL;
	return (-1);
}

const char *
api_path_uuid(struct api_ctx *ctx, const char *name, const char *not_found)
{
	const char	*id;

	id = router_param(&ctx->match, name);
	if (id == NULL || !param_is_uuid(id)) {
		reply_problem(ctx->req, ST_NOT_FOUND, not_found);
		return (NULL);
	}
	return (id);
}

const char *
api_path_code(struct api_ctx *ctx, const char *name, size_t max,
    const char *not_found)
{
	const char	*code;

	code = router_param(&ctx->match, name);
	if (!param_is_code(code, max)) {
		reply_problem(ctx->req, ST_NOT_FOUND, not_found);
		return (NULL);
	}
	return (code);
}

int
api_if_match(struct api_ctx *ctx, char *buf, size_t len)
{
	const char	*v;
	long		 n;
	char		 digits[16];
	size_t		 dl;

	buf[0] = '\0';
	if (!http_request_header(ctx->req, "if-match", &v))
		return (0);
	if (strncmp(v, "W/", 2) == 0)
		v += 2;
	dl = strlen(v);
	if (dl >= 3 && dl - 2 < sizeof(digits) && v[0] == '"' &&
	    v[dl - 1] == '"') {
		memcpy(digits, v + 1, dl - 2);
		digits[dl - 2] = '\0';
		if (param_int(digits, 1, 2147483647, &n)) {
			(void)snprintf(buf, len, "%ld", n);
			return (0);
		}
	}
	reply_problem(ctx->req, ST_BAD_REQUEST, "If-Match moet een ETag zijn, "
	    "zoals \"3\".");
	return (-1);
}

int
api_sees_drafts(const struct api_ctx *ctx)
{
	return ((ctx->who.roles & (ROLE_ADMIN | ROLE_CURATOR)) != 0);
}
