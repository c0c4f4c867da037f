/*
 * lesson_query: the lesson finder's parameters, validated.
 */
#include <string.h>

#include "catalogue/lesson_query.h"

#define CODE_MAX	100
#define TEXT_MAX	200

static const char *
code_param(lesson_query_get get, const void *src, const char *key,
    struct param_errors *e)
{
	const char	*v;

	if ((v = get(src, key)) == NULL)
		return (NULL);
	if (!param_is_code(v, CODE_MAX))
		param_error(e, key, "moet een code zijn (letters, cijfers, "
		    "spatie, punt, streep; hooguit 100 tekens)");
	return (v);
}

/* The text of key (at most max characters, else why), or NULL. */
static const char *
text_param(lesson_query_get get, const void *src, const char *key,
    size_t max, const char *why, struct param_errors *e)
{
	const char	*v;

	if ((v = get(src, key)) != NULL && !param_text_ok(v, max))
		param_error(e, key, why);
	return (v);
}

size_t
lesson_query_parse(struct lesson_query *q, lesson_query_get get,
    const void *src, struct param_errors *e)
{
	static const char *const	related[] = { "none", "exact", "all",
					    NULL };
	static const char *const	kinds[] = { "les", "module",
					    "programma", "project",
					    "activiteit", NULL };
	const char			*v;

	memset(q, 0, sizeof(*q));
	memset(e, 0, sizeof(*e));

	if ((v = get(src, "goal")) != NULL) {
		if (!param_is_uuid(v) && !param_is_code(v, CODE_MAX))
			param_error(e, "goal", "moet een id (UUID) of een code "
			    "van een leerdoel zijn");
		q->goal = v;
	}
	q->framework = code_param(get, src, "framework", e);
	if (q->framework != NULL && q->goal == NULL)
		param_error(e, "framework", "alleen samen met goal");

	if ((v = get(src, "related")) != NULL) {
		if (!param_is_one_of(v, related))
			param_error(e, "related", "moet none, exact of all "
			    "zijn");
		else if (strcmp(v, "exact") == 0)
			q->related = RELATED_EXACT;
		else if (strcmp(v, "all") == 0)
			q->related = RELATED_ALL;
		if (q->goal == NULL && q->related != RELATED_NONE)
			param_error(e, "related", "alleen samen met goal");
	}

	q->level = code_param(get, src, "level", e);
	q->stage = code_param(get, src, "stage", e);
	q->evidence = code_param(get, src, "evidence", e);
	q->programme = code_param(get, src, "programme", e);

	q->theme = text_param(get, src, "theme", CODE_MAX, "moet een thema "
	    "van hooguit 100 tekens zijn", e);
	if ((v = get(src, "max_minutes")) != NULL &&
	    !param_int(v, 1, 1440, &q->max_minutes))
		param_error(e, "max_minutes", "moet een geheel aantal minuten "
		    "van 1 tot en met 1440 zijn");
	q->q = text_param(get, src, "q", TEXT_MAX, "zoektekst moet 1 tot 200 "
	    "tekens lang zijn", e);
	q->target_group = text_param(get, src, "target_group", CODE_MAX,
	    "moet een doelgroep van hooguit 100 tekens zijn (zoals lvb, so, "
	    "vso of pro)", e);
	if ((v = get(src, "kind")) != NULL) {
		if (!param_is_one_of(v, kinds))
			param_error(e, "kind", "moet les, module, programma, "
			    "project of activiteit zijn");
		q->kind = v;
	}
	if ((v = get(src, "school")) != NULL) {
		if (!param_is_uuid(v))
			param_error(e, "school", "moet de id (UUID) van een "
			    "school zijn");
		q->school = v;
	}
	param_paging(get(src, "limit"), get(src, "offset"),
	    LESSON_LIMIT_DEFAULT, LESSON_LIMIT_MAX, &q->limit, &q->offset, e);
	return (e->n);
}

const char *
lesson_related_name(enum lesson_related r)
{
	switch (r) {
	case RELATED_EXACT:
		return ("exact");
	case RELATED_ALL:
		return ("all");
	default:
		return ("none");
	}
}
