/*
 * case_provider: the IMS CASE 1.0 provider under /ims/case/v1p0.
 *
 * case_dispatch (the Kore handler for ^/ims/case/) routes with its own
 * table (case_routes, router.c) and answers every error with an
 * imsx_StatusInfo document.  The handlers live in h_case.c.
 */
#ifndef LEERLIJN_CASE_PROVIDER_H
#define LEERLIJN_CASE_PROVIDER_H

#include "http/api.h"

#define CASE_BASE_PATH	"/ims/case/v1p0"

extern const struct route	case_routes[];
extern const size_t		case_routes_count;

/* Reply with an imsx_StatusInfo failure of that code minor. */
void	case_reply_imsx(struct api_ctx *ctx, const char *minor,
	    const char *description);
/* Reply 503/500 in imsx form for a failed database call. */
void	case_reply_db_error(struct api_ctx *ctx, enum db_result rc);

/* h_case.c */
API_HANDLER(case_documents_list);
API_HANDLER(case_document_get);
API_HANDLER(case_package_get);
API_HANDLER(case_item_get);
API_HANDLER(case_association_get);
API_HANDLER(case_item_associations_get);
API_HANDLER(case_concept_get);
API_HANDLER(case_subject_get);
API_HANDLER(case_item_type_get);
API_HANDLER(case_license_get);
API_HANDLER(case_grouping_get);
API_HANDLER(case_rubric_get);

#endif
