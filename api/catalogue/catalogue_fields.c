/*
 * catalogue_fields: the bodies of curators' writes, field by field, and the
 * constraints of the catalogue's tables that name a field.
 *
 * A data table (json_fields.c checks bodies against it; write.c names the
 * field of a refused constraint).
 */
#include "catalogue/catalogue_fields.h"

static const char *const	fw_status[] = { "adopted", "concept",
				    "deprecated", NULL };
static const char *const	goal_status[] = { "current", "deprecated",
				    NULL };
static const char *const	confidences[] = { "verbatim", "paraphrase",
				    "inferred", NULL };
static const char *const	relation_types[] = { "isChildOf", "isPeerOf",
				    "isPartOf", "exactMatchOf", "precedes",
				    "isRelatedTo", "replacedBy", "exemplar",
				    "hasSkillLevel", NULL };
static const char *const	emphases[] = { "introduce", "practise",
				    "deepen", NULL };
static const char *const	lesson_status[] = { "draft", "published",
				    NULL };

#define SOURCE_FIELDS							\
	FIELD("source",	FT_STRING, 1, 0, 500, 0, NULL),			\
	FIELD("source_url",	FT_URL, 0, 0, 2000, 0, NULL),			\
	FIELD("note",	FT_TEXT, 0, 0, 4000, 0, NULL)

/* The code comes first: PATCH takes the fields after it. */
static const struct field_spec	framework_fields[] = {
	FIELD("code",	FT_CODE, 1, 0, 64, 0, NULL),
	FIELD("title",	FT_STRING, 1, 0, 300, 0, NULL),
	FIELD("title_en",	FT_TEXT, 0, 0, 300, 0, NULL),
	FIELD("publisher",	FT_TEXT, 0, 0, 300, 0, NULL),
	FIELD("year",	FT_INT, 0, 1900, 2100, 0, NULL),
	FIELD("version",	FT_TEXT, 0, 0, 100, 0, NULL),
	FIELD("language",	FT_CODE, 0, 0, 2, 0, NULL),
	FIELD("status",	FT_ENUM, 1, 0, 0, 0, fw_status),
	FIELD("status_note", FT_TEXT, 0, 0, 2000, 0, NULL),
	SOURCE_FIELDS,
};

static const struct field_spec	goal_fields[] = {
	FIELD("code",	FT_CODE, 0, 0, 100, 0, NULL),
	FIELD("kind",	FT_STRING, 1, 0, 60, 0, NULL),
	FIELD("title",	FT_STRING, 1, 0, 1000, 0, NULL),
	FIELD("description", FT_TEXT, 0, 0, 10000, 0, NULL),
	FIELD("alt_titles",	FT_STRING_ARRAY, 0, 0, 1000, 20, NULL),
	FIELD("parent_id",	FT_UUID, 0, 0, 0, 0, NULL),
	FIELD("position",	FT_INT, 0, 0, 100000, 0, NULL),
	FIELD("status",	FT_ENUM, 0, 0, 0, 0, goal_status),
	FIELD("levels",	FT_CODE_ARRAY, 0, 0, 100, 40, NULL),
	FIELD("confidence",	FT_ENUM, 1, 0, 0, 0, confidences),
	SOURCE_FIELDS,
};

static const struct field_spec	relation_fields[] = {
	FIELD("type",	FT_ENUM, 1, 0, 0, 0, relation_types),
	FIELD("goal_id",	FT_UUID, 1, 0, 0, 0, NULL),
	FIELD("sequence_number", FT_INT, 0, 0, 100000, 0, NULL),
	FIELD("confidence",	FT_ENUM, 1, 0, 0, 0, confidences),
	SOURCE_FIELDS,
};

/* One key message (kernboodschap) of a lesson. */
static const struct field_spec	key_message_fields[] = {
	FIELD("number",	FT_INT, 1, 1, 100, 0, NULL),
	FIELD("title",	FT_STRING, 1, 0, 300, 0, NULL),
	FIELD("text",	FT_TEXT, 0, 0, 10000, 0, NULL),
	FIELD("items",	FT_STRING_ARRAY, 0, 0, 2000, 50, NULL),
	FIELD("closing",	FT_TEXT, 0, 0, 2000, 0, NULL),
	FIELD("about_others_title", FT_TEXT, 0, 0, 300, 0, NULL),
	FIELD("about_others", FT_STRING_ARRAY, 0, 0, 2000, 50, NULL),
};
static const struct field_table	key_messages = FIELD_TABLE(key_message_fields);

static const struct field_spec	lesson_fields[] = {
	FIELD("code",	FT_CODE, 0, 0, 64, 0, NULL),
	FIELD("programme",	FT_CODE, 0, 0, 64, 0, NULL),
	FIELD("title",	FT_STRING, 1, 0, 300, 0, NULL),
	FIELD("summary",	FT_TEXT, 0, 0, 10000, 0, NULL),
	FIELD("duration_minutes", FT_INT, 0, 1, 1440, 0, NULL),
	FIELD("themes",	FT_STRING_ARRAY, 0, 0, 100, 30, NULL),
	FIELD("format",	FT_TEXT, 0, 0, 200, 0, NULL),
	FIELD("language",	FT_CODE, 0, 0, 2, 0, NULL),
	FIELD("levels",	FT_CODE_ARRAY, 0, 0, 100, 40, NULL),
	FIELD("levels_as_published", FT_TEXT, 0, 0, 300, 0, NULL),
	FIELD("evidence_level", FT_CODE, 0, 0, 40, 0, NULL),
	FIELD_OBJECTS("key_messages", 0, 50, &key_messages),
	FIELD("teacher_preparation", FT_TEXT, 0, 0, 20000, 0, NULL),
	FIELD("safety_checklist", FT_STRING_ARRAY, 0, 0, 2000, 50, NULL),
	FIELD("sensitive_topic", FT_BOOL, 0, 0, 0, 0, NULL),
	FIELD("status",	FT_ENUM, 0, 0, 0, 0, lesson_status),
	SOURCE_FIELDS,
};

static const struct field_spec	alignment_fields[] = {
	FIELD("goal_id",	FT_UUID, 1, 0, 0, 0, NULL),
	FIELD("emphasis",	FT_ENUM, 0, 0, 0, 0, emphases),
	FIELD("published_label", FT_TEXT, 0, 0, 1000, 0, NULL),
	FIELD("published_code", FT_TEXT, 0, 0, 100, 0, NULL),
	FIELD("confidence",	FT_ENUM, 1, 0, 0, 0, confidences),
	SOURCE_FIELDS,
};



/*
 * The API field of the constraints a curator's input can violate, with
 * the message for the field (PostgreSQL cuts names at 63 bytes).
 */
static const struct write_constraint	catalogue_constraints[] = {
	{ "framework_code_key", "code", "bestaat al" },
	{ "framework_code_check", "code", "moet beginnen met een letter of "
	    "cijfer en mag verder alleen letters, cijfers, punt, liggend "
	    "streepje en streepje bevatten" },
	{ "framework_language_check", "language", "moet een taalcode van "
	    "twee kleine letters zijn (zoals nl)" },
	{ "goal_framework_code_key", "code", "bestaat al in dit kader" },
	{ "goal_parent_id_fkey", "parent_id", "verwijst naar een leerdoel "
	    "dat niet bestaat" },
	{ "goal_check", "parent_id", "een leerdoel kan niet boven zichzelf "
	    "staan" },
	{ "goal_relation_destination_goal_id_fkey", "goal_id",
	    "verwijst naar een leerdoel dat niet bestaat" },
	{ "goal_relation_check", "goal_id", "een leerdoel kan geen relatie "
	    "met zichzelf hebben" },
	{ "goal_relation_origin_goal_id_relation_type_destination_goal_key",
	    "goal_id", "deze relatie bestaat al" },
	{ "lesson_code_key", "code", "bestaat al" },
	{ "lesson_code_check", "code", "moet beginnen met een letter of "
	    "cijfer en mag verder alleen letters, cijfers, punt, liggend "
	    "streepje en streepje bevatten" },
	{ "lesson_language_check", "language", "moet een taalcode van twee "
	    "kleine letters zijn (zoals nl)" },
	{ "alignment_goal_id_fkey", "goal_id", "verwijst naar een leerdoel "
	    "dat niet bestaat" },
	{ "alignment_lesson_id_programme_id_goal_id_source_key", "goal_id",
	    "deze les is al met dit leerdoel gekoppeld (met dezelfde bron)" },
	{ "alignment_check1", "published_label", "is verplicht als "
	    "published_code is gegeven" },
};

const struct write_names	catalogue_change_names = { NULL,
				    catalogue_constraints,
				    NFIELDS(catalogue_constraints), 0 };
/* A delete refused by a foreign key: still in use (409). */
const struct write_names	catalogue_delete_names = { NULL,
				    catalogue_constraints,
				    NFIELDS(catalogue_constraints), 1 };

const struct field_table	catalogue_framework_body =
				    FIELD_TABLE(framework_fields);
/* The code is the framework's identity: PATCH takes the rest. */
const struct field_table	catalogue_framework_patch = {
				    framework_fields + 1,
				    NFIELDS(framework_fields) - 1 };
const struct field_table	catalogue_goal_body = FIELD_TABLE(goal_fields);
const struct field_table	catalogue_relation_body =
				    FIELD_TABLE(relation_fields);
const struct field_table	catalogue_lesson_body =
				    FIELD_TABLE(lesson_fields);
const struct field_table	catalogue_alignment_body =
				    FIELD_TABLE(alignment_fields);
