/*
 * case_shapes: the shapes of the objects of an IMS CASE 1.0 CFPackage.
 *
 * A data table, transcribed from the CASE 1.0 CFPackage JSON schema.
 */
#include "case/case_shapes.h"

#define SHAPE(name, members, closed)					\
	static const struct shape name = { members,			\
	    sizeof(members) / sizeof(members[0]), closed }
#define PUBLIC_SHAPE(name, members, closed)				\
	const struct shape name = { members,				\
	    sizeof(members) / sizeof(members[0]), closed }

static const struct member	link_m[] = {
	{ "title", V_STRING, 1, NULL },
	{ "identifier", V_UUID, 1, NULL },
	{ "uri", V_URI, 1, NULL },
};
PUBLIC_SHAPE(case_link_shape, link_m, 1);

static const struct member	linkgen_m[] = {
	{ "title", V_STRING, 1, NULL },
	{ "identifier", V_STRING, 1, NULL },
	{ "uri", V_URI, 1, NULL },
};
PUBLIC_SHAPE(case_linkgen_shape, linkgen_m, 1);

static const struct member	document_m[] = {
	{ "identifier", V_UUID, 1, NULL },
	{ "uri", V_URI, 1, NULL },
	{ "creator", V_STRING, 1, NULL },
	{ "title", V_TEXT, 1, NULL },
	{ "lastChangeDateTime", V_DATETIME, 1, NULL },
	{ "officialSourceURL", V_URL, 0, NULL },
	{ "publisher", V_STRING, 0, NULL },
	{ "description", V_STRING, 0, NULL },
	{ "subject", V_STR_OR_STRS, 0, NULL },
	{ "subjectURI", V_LINKS, 0, NULL },
	{ "language", V_STRING, 0, NULL },
	{ "version", V_STRING, 0, NULL },
	{ "adoptionStatus", V_STRING, 0, NULL },
	{ "statusStartDate", V_DATE_DT_NULL, 0, NULL },
	{ "statusEndDate", V_DATE_DT_NULL, 0, NULL },
	{ "licenseURI", V_LINK_OR_NULL, 0, NULL },
	{ "notes", V_STRING, 0, NULL },
	{ "CFPackageURI", V_LINK, 0, NULL },
};
PUBLIC_SHAPE(case_document_shape, document_m, 0);

static const struct member	item_m[] = {
	{ "identifier", V_UUID, 1, NULL },
	{ "fullStatement", V_TEXT, 1, NULL },
	{ "uri", V_URI, 1, NULL },
	{ "lastChangeDateTime", V_DATETIME, 1, NULL },
	{ "alternativeLabel", V_STRING, 0, NULL },
	{ "CFItemType", V_STRING, 0, NULL },
	{ "humanCodingScheme", V_STRING, 0, NULL },
	{ "listEnumeration", V_STRING, 0, NULL },
	{ "abbreviatedStatement", V_TEXT, 0, NULL },
	{ "conceptKeywords", V_STRS_OR_NULL, 0, NULL },
	{ "conceptKeywordsURI", V_LINK_OR_NULL, 0, NULL },
	{ "notes", V_STRING, 0, NULL },
	{ "language", V_STRING, 0, NULL },
	{ "educationLevel", V_STR_OR_STRS, 0, NULL },
	{ "CFItemTypeURI", V_LINK, 0, NULL },
	{ "licenseURI", V_LINK, 0, NULL },
	{ "statusStartDate", V_DATE_DT, 0, NULL },
	{ "statusEndDate", V_DATE_DT, 0, NULL },
	{ "CFDocumentURI", V_LINK, 0, NULL },
};
PUBLIC_SHAPE(case_item_shape, item_m, 0);

static const struct member	assoc_m[] = {
	{ "identifier", V_UUID, 1, NULL },
	{ "associationType", V_ASSOC_TYPE, 1, NULL },
	{ "uri", V_URI, 1, NULL },
	{ "originNodeURI", V_LINKGEN, 1, NULL },
	{ "destinationNodeURI", V_LINKGEN, 1, NULL },
	{ "lastChangeDateTime", V_DATETIME, 1, NULL },
	{ "sequenceNumber", V_INT32, 0, NULL },
	{ "CFAssociationGroupingURI", V_LINK_OR_NULL, 0, NULL },
	{ "CFDocumentURI", V_LINK, 0, NULL },
};
PUBLIC_SHAPE(case_assoc_shape, assoc_m, 0);

#define DEF_HEAD							\
	{ "identifier", V_UUID, 1, NULL },				\
	{ "uri", V_URI, 1, NULL },					\
	{ "lastChangeDateTime", V_DATETIME, 1, NULL }

static const struct member	concept_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 1, NULL },
	{ "keywords", V_STRING, 0, NULL },
	{ "hierarchyCode", V_STRING, 1, NULL },
	{ "description", V_STRING, 0, NULL },
};
SHAPE(concept_shape, concept_m, 1);

static const struct member	subject_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 1, NULL },
	{ "hierarchyCode", V_STRING, 1, NULL },
	{ "description", V_STRING, 0, NULL },
};
SHAPE(subject_shape, subject_m, 1);

static const struct member	license_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 1, NULL },
	{ "description", V_STRING, 0, NULL },
	{ "licenseText", V_STRING, 1, NULL },
};
SHAPE(license_shape, license_m, 1);

static const struct member	itemtype_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 1, NULL },
	{ "description", V_STRING, 0, NULL },
	{ "hierarchyCode", V_STRING, 1, NULL },
	{ "typeCode", V_STR_OR_NULL, 0, NULL },
};
SHAPE(itemtype_shape, itemtype_m, 1);

static const struct member	grouping_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 1, NULL },
	{ "description", V_STRING, 0, NULL },
};
SHAPE(grouping_shape, grouping_m, 1);

static const struct member	clevel_m[] = {
	DEF_HEAD,
	{ "description", V_STRING, 0, NULL },
	{ "quality", V_STRING, 0, NULL },
	{ "score", V_NUMBER, 0, NULL },
	{ "feedback", V_STRING, 0, NULL },
	{ "position", V_INT32, 0, NULL },
	{ "rubricCriterionId", V_UUID, 0, NULL },
};
SHAPE(clevel_shape, clevel_m, 1);

static const struct member	criterion_m[] = {
	DEF_HEAD,
	{ "category", V_STRING, 0, NULL },
	{ "description", V_STRING, 0, NULL },
	{ "CFItemURI", V_LINK, 0, NULL },
	{ "weight", V_NUMBER, 0, NULL },
	{ "position", V_INT32, 0, NULL },
	{ "rubricId", V_UUID, 0, NULL },
	{ "CFRubricCriterionLevels", V_OBJECTS, 0, &clevel_shape },
};
SHAPE(criterion_shape, criterion_m, 1);

static const struct member	rubric_m[] = {
	DEF_HEAD,
	{ "title", V_STRING, 0, NULL },
	{ "description", V_STRING, 0, NULL },
	{ "CFRubricCriteria", V_OBJECTS, 0, &criterion_shape },
};
PUBLIC_SHAPE(case_rubric_shape, rubric_m, 1);

static const struct member	definitions_m[] = {
	{ "CFConcepts", V_OBJECTS, 0, &concept_shape },
	{ "CFSubjects", V_OBJECTS, 0, &subject_shape },
	{ "CFLicenses", V_OBJECTS, 0, &license_shape },
	{ "CFItemTypes", V_OBJECTS, 0, &itemtype_shape },
	{ "CFAssociationGroupings", V_OBJECTS, 0, &grouping_shape },
};
PUBLIC_SHAPE(case_definitions_shape, definitions_m, 1);

const char *const	case_assoc_types[] = {
	"isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes",
	"isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel", NULL
};
