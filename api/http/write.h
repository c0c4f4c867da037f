/*
 * write: the one write path of every handler that changes something.
 *
 * A write is one transaction:
 *
 *	if (write_begin(ctx) == -1)
 *		return;
 *	rc = db_thing_update(..., &out);
 *	if (write_end(ctx, rc, out != NULL, "Dit bestaat niet.", &names)
 *	    == -1)
 *		return;
 *	... reply ...
 *
 * Every refusal rolls back before it replies, so that a refused request
 * changes nothing.  The error of the failed statement is read BEFORE the
 * ROLLBACK (which would overwrite it).  Whatever a handler leaves open, the
 * dispatcher rolls back (dispatch.c), so an early return cannot keep a
 * transaction.  The ETag, If-Match and paging helpers live here too: every
 * versioned resource and every list uses them.
 */
#ifndef LEERLIJN_WRITE_H
#define LEERLIJN_WRITE_H

#include <stddef.h>

#include <jansson.h>

#include "http/api.h"

/* A constraint the database names, and the API field it is about. */
struct write_constraint {
	const char	*constraint;	/* PostgreSQL's name (63 bytes max) */
	const char	*field;
	const char	*message;	/* Dutch, for the field */
};

/* How a writer's refusals by the database become problem documents. */
struct write_names {
	const char			*unique;	/* a duplicate key: 409 */
	const struct write_constraint	*constraints;	/* may be NULL */
	size_t				 nconstraints;
	int				 deleting;	/* a foreign key: in use */
};

struct field_spec;
/*
 * The body of a write, checked against specs (api_json_fields()), and its
 * compact text for SQL; 0, or -1 after replying.  The caller frees *body
 * (json_decref) and *doc (free), also after -1.
 */
int	write_body(struct api_ctx *ctx, const struct field_spec *specs,
	    size_t n, int mode, json_t **body, char **doc);
/* BEGIN; 0, or -1 after replying 503/500. */
int	write_begin(struct api_ctx *ctx);
/*
 * A write statement (or the COMMIT) failed with rc: read the error, roll
 * back, reply.  DB_INVALID (our own checks, SQLSTATE LL422) is a 422
 * naming the field; DB_STALE a 412; a duplicate key a 409 (naming the
 * constraint's field, else names->unique); a foreign key while deleting
 * a 409 "still in use"; another constraint a 422 (naming its field when
 * names knows it); anything else 503/500.  names may be NULL.
 */
void	write_fail(struct api_ctx *ctx, enum db_result rc,
	    const struct write_names *names);
/* Nothing matched: roll back, reply 404 with detail. */
void	write_missing(struct api_ctx *ctx, const char *detail);
/* COMMIT; 0, or -1 after write_fail(). */
int	write_commit(struct api_ctx *ctx, const struct write_names *names);
/*
 * After the write statement: write_fail() when rc is not DB_OK,
 * write_missing(missing) when it found nothing, else COMMIT.  0 when
 * committed, or -1 after replying.
 */
int	write_end(struct api_ctx *ctx, enum db_result rc, int found,
	    const char *missing, const struct write_names *names);
/*
 * write_end() for a statement that returns the changed resource as JSON
 * text: json is parsed BEFORE the COMMIT (a document that does not parse
 * rolls back with a 500), and the caller owns *doc.  found: json != NULL.
 */
int	write_end_doc(struct api_ctx *ctx, enum db_result rc,
	    const char *json, const char *missing,
	    const struct write_names *names, json_t **doc);

/*
 * The version of a required If-Match header into buf: -1 after a 400
 * (malformed) or 428 (missing).
 */
int	write_if_match(struct api_ctx *ctx, char *buf, size_t len);
/* ETag: the member "version" of doc (nothing when there is no doc). */
void	write_etag(struct api_ctx *ctx, const json_t *doc);
/* The same for a document as JSON text (NULL: nothing). */
void	write_etag_text(struct api_ctx *ctx, const char *json);

/* limit and offset of a list (default def, at most max); -1 after a 400. */
int	api_paging(struct api_ctx *ctx, long def, long max, long *limit,
	    long *offset);

#endif
