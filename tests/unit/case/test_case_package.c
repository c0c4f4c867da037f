/* Unit tests of case_package.c: the CASE 1.0 package checks. */
#include <stdio.h>
#include <stdlib.h>
#include "unit.h"

#include "case/case_package.h"
#include "core/params.h"
#include "core/utf8.h"

#define DOC	"0f3b5a2e-1c4d-4e5f-8a9b-0c1d2e3f4a5b"
#define I1	"11111111-1111-4111-8111-111111111111"
#define I2	"22222222-2222-4222-8222-222222222222"
#define I3	"33333333-3333-4333-8333-333333333333"
#define A1	"aaaaaaaa-1111-4111-8111-111111111111"
#define A2	"aaaaaaaa-2222-4222-8222-222222222222"
#define A3	"aaaaaaaa-3333-4333-8333-333333333333"
#define U	"https://example.org/x"
#define T	"2024-05-01T12:00:00Z"
#define NODE(id) "{\"title\":\"t\",\"identifier\":\"" id "\",\"uri\":\"" U "\"}"
#define ITEM(id) "{\"identifier\":\"" id "\",\"uri\":\"" U "\"," \
	"\"fullStatement\":\"Doel **vet** – één\",\"lastChangeDateTime\":\"" T "\"}"
#define ASSOC(id, type, o, d) "{\"identifier\":\"" id "\",\"uri\":\"" U "\"," \
	"\"associationType\":\"" type "\",\"originNodeURI\":" NODE(o) "," \
	"\"destinationNodeURI\":" NODE(d) ",\"lastChangeDateTime\":\"" T "\"}"

/* A valid package: I1 and I2 under the document, I3 under I1. */
static const char	base[] = "{\"CFDocument\":{\"identifier\":\"" DOC "\","
    "\"uri\":\"" U "\",\"creator\":\"SLO\",\"title\":\"Kader\","
    "\"lastChangeDateTime\":\"" T "\"},"
    "\"CFItems\":[" ITEM(I1) "," ITEM(I2) "," ITEM(I3) "],"
    "\"CFAssociations\":[" ASSOC(A1, "isChildOf", I1, DOC) ","
    ASSOC(A2, "isChildOf", I3, I1) ","
    ASSOC(A3, "isRelatedTo", I2, "44444444-4444-4444-8444-444444444444")
    "],\"CFDefinitions\":{\"CFItemTypes\":[]},\"CFRubrics\":[]}";

/* Set (or with value NULL delete) a member by a path like "CFItems.0.uri". */
static void
patch(json_t *doc, const char *path, const char *value)
{
	char	 buf[256], *p, *dot;
	json_t	*cur, *v;

	(void)snprintf(buf, sizeof(buf), "%s", path);
	cur = doc;
	for (p = buf; (dot = strchr(p, '.')) != NULL; p = dot + 1) {
		*dot = '\0';
		cur = json_is_array(cur) ? json_array_get(cur, strtoul(p, NULL,
		    10)) : json_object_get(cur, p);
		assert_non_null(cur);
	}
	if (value == NULL) {
		if (json_is_array(cur))
			assert_int_equal(json_array_remove(cur,
			    strtoul(p, NULL, 10)), 0);
		else
			assert_int_equal(json_object_del(cur, p), 0);
		return;
	}
	v = unit_json(value);
	if (json_is_array(cur) && strcmp(p, "+") == 0)
		assert_int_equal(json_array_append_new(cur, v), 0);
	else if (json_is_array(cur))
		assert_int_equal(json_array_set_new(cur, strtoul(p, NULL, 10),
		    v), 0);
	else
		assert_int_equal(json_object_set_new(cur, p, v), 0);
}

/*
 * A case whose first error is at the very member it sets (or deletes), the
 * path written as the checks write it: "CFItems.0.uri" is CFItems[0].uri.
 */
static const char	at_member[] = "";
#define REFUSED(path, value)	{ path, value, at_member }

/* PATH ("CFItems.0.uri") as the checks write it (CFItems[0].uri). */
static const char *
error_path(const char *path, char *buf, size_t len)
{
	const char	*seg;
	size_t		 n;

	buf[0] = '\0';
	for (seg = path; *seg != '\0'; seg += n + (seg[n] == '.')) {
		n = strcspn(seg, ".");
		if (strspn(seg, "0123456789") == n)	/* an index */
			(void)snprintf(buf + strlen(buf), len - strlen(buf),
			    "[%.*s]", (int)n, seg);
		else
			(void)snprintf(buf + strlen(buf), len - strlen(buf),
			    "%s%.*s", buf[0] != '\0' ? "." : "", (int)n, seg);
	}
	return (buf);
}

static void
test_cases(void **state)
{
	static const struct {
		const char	*path;
		const char	*value;		/* JSON; NULL deletes */
		const char	*error;		/* first error's path; NULL ok */
	} cases[] = {
		{ NULL, NULL, NULL },
		/* optional members of the right type */
		{ "CFDocument.statusStartDate", "null", NULL },
		{ "CFDocument.subject", "[\"Nederlands\"]", NULL },
		{ "CFItems.0.educationLevel", "[\"07\",\"nl-niveau:havo-1\"]",
		  NULL },
		{ "CFItems.0.educationLevel", "\"KG\"", NULL },
		{ "CFItems.0.statusStartDate", "\"2024-02-29\"", NULL },
		{ "CFItems.0.lastChangeDateTime", "\"2024-05-01T12:00:00.5+02:00\"",
		  NULL },
		{ "CFItems.0.extensions", "{\"confidence\":\"inferred\"}", NULL },
		{ "CFAssociations.0.sequenceNumber", "3", NULL },
		{ "CFDefinitions", "[]", NULL },
		{ "CFAssociations.2.associationType", "\"exemplar\"", NULL },
		{ "CFAssociations.2.destinationNodeURI.identifier",
		  "\"lesson-1\"", "CFAssociations[2].destinationNodeURI.identifier" },
		/* required members */
		REFUSED("CFDocument", NULL),
		REFUSED("CFDocument.creator", NULL),
		REFUSED("CFItems.1.fullStatement", NULL),
		REFUSED("CFItems.1.lastChangeDateTime", NULL),
		REFUSED("CFAssociations.0.originNodeURI", NULL),
		REFUSED("CFAssociations.0.destinationNodeURI.uri", NULL),
		/* types */
		REFUSED("CFItems", "{}"),
		REFUSED("CFItems.0", "\"x\""),
		REFUSED("CFItems.0.fullStatement", "42"),
		REFUSED("CFItems.0.fullStatement", "\"  \""),
		REFUSED("CFDocument.title", "[\"x\"]"),
		REFUSED("CFAssociations.0.sequenceNumber", "\"1\""),
		REFUSED("CFAssociations.0.sequenceNumber", "1.5"),
		REFUSED("CFAssociations.0.sequenceNumber", "4294967296"),
		{ "CFItems.0.educationLevel", "[7]", "CFItems[0].educationLevel[0]" },
		REFUSED("CFItems.0.conceptKeywords", "\"a\""),
		REFUSED("CFDefinitions", "[1]"),
		{ "CFDefinitions.CFItemTypes", "[{\"identifier\":\"" I1 "\"}]",
		  "CFDefinitions.CFItemTypes[0].uri" },
		REFUSED("CFDefinitions.CFThings", "[]"),
		{ "CFRubrics", "[{\"identifier\":\"" I1 "\",\"uri\":\"" U "\","
		  "\"lastChangeDateTime\":\"" T "\",\"CFRubricCriteria\":[{"
		  "\"identifier\":\"" I2 "\",\"uri\":\"" U "\",\"lastChangeDateTime"
		  "\":\"" T "\",\"weight\":\"heavy\"}]}]",
		  "CFRubrics[0].CFRubricCriteria[0].weight" },
		/* formats */
		REFUSED("CFDocument.identifier", "\"not-a-uuid\""),
		REFUSED("CFItems.0.identifier", "\"x" I1 "\""),
		REFUSED("CFItems.0.uri", "\"no scheme\""),
		REFUSED("CFItems.0.uri", "\"https://a b\""),
		REFUSED("CFItems.0.lastChangeDateTime", "\"2024-05-01\""),
		REFUSED("CFItems.0.lastChangeDateTime",
		    "\"2024-05-01T12:00:00\""),
		REFUSED("CFItems.0.lastChangeDateTime",
		    "\"2023-02-29T12:00:00Z\""),
		REFUSED("CFItems.0.lastChangeDateTime",
		    "\"2024-13-01T12:00:00Z\""),
		REFUSED("CFItems.0.lastChangeDateTime",
		    "\"2024-05-01T24:00:00Z\""),
		REFUSED("CFItems.0.statusEndDate", "\"01-05-2024\""),
		REFUSED("CFAssociations.0.associationType", "\"isParentOf\""),
		{ "CFItems.0.CFItemTypeURI", "{\"title\":\"t\",\"identifier\":"
		  "\"x\",\"uri\":\"" U "\"}", "CFItems[0].CFItemTypeURI.identifier" },
		{ "CFItems.0.CFItemTypeURI", "{\"title\":\"t\",\"identifier\":\""
		  I1 "\",\"uri\":\"" U "\",\"extra\":1}",
		  "CFItems[0].CFItemTypeURI.extra" },
		/* closed objects */
		REFUSED("CFTrees", "[]"),
		/* identifiers */
		{ "CFItems.1.identifier", "\"" I1 "\"", "CFItems[1]" },
		/* identifiers compare without regard to case */
		{ "CFAssociations.0.destinationNodeURI.identifier",
		  "\"0F3B5A2E-1C4D-4E5F-8A9B-0C1D2E3F4A5B\"", NULL },
		{ "CFAssociations.1.identifier", "\"" I2 "\"", "CFItems[1]" },
		{ "CFItems.0.CFDocumentURI", NODE(I2), "CFItems[0].CFDocumentURI" },
		/* references */
		{ "CFAssociations.0.originNodeURI.identifier",
		  "\"99999999-9999-4999-8999-999999999999\"",
		  "CFAssociations[0].originNodeURI.identifier" },
		{ "CFAssociations.1.destinationNodeURI.identifier",
		  "\"99999999-9999-4999-8999-999999999999\"",
		  "CFAssociations[1].destinationNodeURI.identifier" },
		{ "CFAssociations.0.destinationNodeURI.identifier", "\"" I1 "\"",
		  "CFAssociations[0].originNodeURI.identifier" },
		/* a cycle: I1 under I3 (and I3 under I1) */
		{ "CFAssociations.+", ASSOC("aaaaaaaa-4444-4444-8444-444444444444",
		  "isChildOf", I1, I3), "CFAssociations[" },
		{ "CFAssociations.+", ASSOC("aaaaaaaa-4444-4444-8444-444444444444",
		  "isChildOf", I3, I1), "CFAssociations[3]" },
		{ "CFAssociations.+", ASSOC("aaaaaaaa-4444-4444-8444-444444444444",
		  "isChildOf", I3, I2), NULL },
	};
	struct case_errors	 e;
	json_t			*doc;
	const char		*want;
	char			 buf[256];
	size_t			 i, n;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		doc = unit_json(base);
		if (cases[i].path != NULL)
			patch(doc, cases[i].path, cases[i].value);
		n = case_package_check(doc, &e);
		want = cases[i].error == at_member ?
		    error_path(cases[i].path, buf, sizeof(buf)) :
		    cases[i].error;
		if (want != NULL && want[0] == '\0')
			fail_msg("case %zu: no error path to expect", i);
		if (want == NULL) {
			if (n != 0)
				fail_msg("case %zu: %s: %s", i, e.e[0].path,
				    e.e[0].message);
		} else {
			if (n == 0)
				fail_msg("case %zu: no error", i);
			if (strncmp(e.e[0].path, want, strlen(want)) != 0)
				fail_msg("case %zu: %s: %s (expected %s)", i,
				    e.e[0].path, e.e[0].message, want);
		}
		json_decref(doc);
	}
}

static void
test_not_object(void **state)
{
	struct case_errors	 e;
	json_t			*a;

	(void)state;
	a = json_array();
	assert_int_equal(case_package_check(a, &e), 1);
	json_decref(a);
}

/* Many problems: the count goes on, the list stops. */
static void
test_many_errors(void **state)
{
	struct case_errors	 e;
	json_t			*doc, *items;
	size_t			 i;

	(void)state;
	doc = unit_json(base);
	items = json_object_get(doc, "CFItems");
	for (i = 0; i < 200; i++)
		json_array_append_new(items, json_pack("{s:i}", "identifier",
		    (int)i));
	assert_true(case_package_check(doc, &e) >= 200 * 3);
	assert_int_equal(e.n, CASE_ERRORS_MAX);
	json_decref(doc);
}

static void
test_formats(void **state)
{
	(void)state;
	assert_true(param_is_uuid(I1));
	assert_true(param_is_uuid("ABCDEF01-2345-6789-ABCD-EF0123456789"));
	assert_false(param_is_uuid("ABCDEF01-2345-6789-ABCD-EF012345678"));
	assert_false(param_is_uuid("ABCDEF0112345-6789-ABCD-EF0123456789"));
	assert_false(param_is_uuid(NULL));
	assert_true(case_is_date("2000-02-29"));
	assert_false(case_is_date("1900-02-29"));
	assert_false(case_is_date("2024-04-31"));
	assert_true(case_is_datetime("2024-04-30T23:59:60-01:30"));
	assert_false(case_is_datetime("2024-04-30T23:59:59+1:30"));
	assert_false(case_is_datetime("2024-04-30T23:59:59.Z"));
	assert_true(case_is_uri("urn:uuid:" I1));
	assert_false(case_is_uri("https:"));
	assert_false(case_is_uri("1http://x"));
	assert_false(case_is_uri("http://x/\x01"));
}

static void
test_prepare(void **state)
{
	json_t	*doc, *item;

	(void)state;
	doc = unit_json(base);
	item = json_array_get(json_object_get(doc, "CFItems"), 0);
	json_object_set_new(item, "identifier",
	    json_string("ABCDEF01-2345-6789-ABCD-EF0123456789"));
	json_object_set_new(item, "educationLevel", json_pack("[s,s]", "07",
	    "nl-niveau:havo-1"));
	assert_int_equal(case_package_prepare(doc), 0);
	assert_string_equal(json_string_value(json_object_get(item,
	    "identifier")), "abcdef01-2345-6789-abcd-ef0123456789");
	unit_json_equal(json_object_get(item, "_levels"), JSON_COMPACT,
	    "[\"havo-1\"]");
	json_decref(doc);
}

/* The messages say what is wrong, with the identifiers they are about. */
static void
test_messages(void **state)
{
	static const struct {
		const char	*path;
		const char	*value;
		const char	*epath;
		const char	*message;
	} cases[] = {
		{ "CFItems.1.identifier", "\"" I1 "\"", "CFItems[1]",
		  "identifier " I1 " komt al voor (CFItems[0])" },
		{ "CFAssociations.2.destinationNodeURI.identifier",
		  "\"les-42\"", "CFAssociations[2].destinationNodeURI.identifier",
		  "les-42 wijst naar niets: alleen een exemplar mag naar iets "
		  "anders dan een leerdoel wijzen" },
		{ "CFAssociations.0.destinationNodeURI.identifier",
		  "\"" A3 "\"", "CFAssociations[0].destinationNodeURI.identifier",
		  A3 " wijst naar niets: isChildOf moet naar een item of het "
		  "document van dit pakket wijzen" },
		{ "CFItems.0.fullStatement", "\" \"", "CFItems[0].fullStatement",
		  "mag niet leeg zijn" },
	};
	struct case_errors	 e;
	json_t			*doc;
	size_t			 i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		doc = unit_json(base);
		patch(doc, cases[i].path, cases[i].value);
		assert_true(case_package_check(doc, &e) >= 1);
		assert_string_equal(e.e[0].path, cases[i].epath);
		assert_string_equal(e.e[0].message, cases[i].message);
		json_decref(doc);
	}
}

/* A long identifier in a message is cut on a character boundary. */
static void
test_message_cut(void **state)
{
	struct case_errors	 e;
	json_t			*doc, *id;
	char			 name[601];
	size_t			 i, len;

	(void)state;
	/* 300 two-byte characters: the message cannot hold them all. */
	for (i = 0; i < 300; i++)
		memcpy(name + 2 * i, "\xc3\xa9", 2);
	name[600] = '\0';
	doc = unit_json(base);
	id = json_object_get(json_object_get(json_array_get(json_object_get(
	    doc, "CFAssociations"), 2), "destinationNodeURI"), "identifier");
	assert_int_equal(json_string_set(id, name), 0);
	assert_int_equal(case_package_check(doc, &e), 1);
	len = strlen(e.e[0].message);
	assert_true(len > 0 && len < CASE_MESSAGE_MAX);
	assert_true(len >= CASE_MESSAGE_MAX - 4);
	if (!utf8_valid(e.e[0].message, len))
		fail_msg("cut inside a character: %s", e.e[0].message);
	assert_memory_equal(e.e[0].message, name, len);
	json_decref(doc);
}

UNIT_MAIN("case_package",
    cmocka_unit_test(test_cases),
    cmocka_unit_test(test_not_object),
    cmocka_unit_test(test_many_errors),
    cmocka_unit_test(test_formats),
    cmocka_unit_test(test_prepare),
    cmocka_unit_test(test_messages),
    cmocka_unit_test(test_message_cut))
