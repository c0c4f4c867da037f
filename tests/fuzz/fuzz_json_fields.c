/* The request-body field checks: every field type against any JSON. */
#include <jansson.h>

#include "fuzz.h"
#include "core/json_fields.h"

static const char *const	words[] = { "draft", "published", NULL };

static const struct field_spec	specs[] = {
	FIELD("code", FT_CODE, 1, 0, 64, 0, NULL),
	FIELD("title", FT_STRING, 1, 0, 300, 0, NULL),
	FIELD("summary", FT_TEXT, 0, 0, 100, 0, NULL),
	FIELD("url", FT_URL, 0, 0, 200, 0, NULL),
	FIELD("id", FT_UUID, 0, 0, 0, 0, NULL),
	FIELD("n", FT_INT, 0, 1, 1440, 0, NULL),
	FIELD("b", FT_BOOL, 0, 0, 0, 0, NULL),
	FIELD("status", FT_ENUM, 0, 0, 0, 0, words),
	FIELD("themes", FT_STRING_ARRAY, 0, 0, 100, 30, NULL),
	FIELD("levels", FT_CODE_ARRAY, 0, 0, 100, 40, NULL),
	FIELD("key_messages", FT_OBJECT_ARRAY, 0, 0, 0, 50, NULL),
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct param_errors	 e;
	json_t			*root;
	json_error_t		 err;
	size_t			 n, i;
	int			 mode;

	if ((root = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES,
	    &err)) == NULL)
		return (0);
	for (mode = FIELD_CREATE; mode <= FIELD_PATCH; mode++) {
		memset(&e, 0, sizeof(e));
		n = json_fields_check(root, specs, sizeof(specs) /
		    sizeof(specs[0]), mode, &e);
		FUZZ_ASSERT(e.n <= PARAM_MAX_ERRORS);
		FUZZ_ASSERT((n == 0) == (e.n == 0));
		for (i = 0; i < e.n; i++)
			FUZZ_ASSERT(e.field[i] != NULL &&
			    e.message[i] != NULL);
	}
	json_decref(root);
	return (0);
}
