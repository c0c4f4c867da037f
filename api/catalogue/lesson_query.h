/*
 * lesson_query: the lesson finder's parameters, validated.
 *
 * GET /api/v1/lessons?goal=&framework=&related=&level=&stage=&theme=
 *     &evidence=&max_minutes=&programme=&q=&target_group=&kind=&school=
 *     &limit=&offset=
 * Plain C: values are looked up through a callback, so that the module is
 * tested without Kore.
 */
#ifndef LEERLIJN_LESSON_QUERY_H
#define LEERLIJN_LESSON_QUERY_H

#include "core/params.h"

#define LESSON_QUERY_KEYS	"goal,framework,related,level,stage,theme," \
				"evidence,max_minutes,programme,q," \
				"target_group,kind,school,limit,offset"
#define LESSON_LIMIT_DEFAULT	20
#define LESSON_LIMIT_MAX	100

enum lesson_related {
	RELATED_NONE = 0,
	RELATED_EXACT,		/* exactMatchOf */
	RELATED_ALL		/* every crosswalk relation */
};

struct lesson_query {
	const char		*goal;		/* id or code; NULL for all */
	const char		*framework;
	enum lesson_related	 related;
	const char		*level;
	const char		*stage;
	const char		*theme;
	const char		*evidence;
	long			 max_minutes;	/* 0: no limit */
	const char		*programme;
	const char		*q;
	const char		*target_group;	/* lvb, so, vso, pro, ... */
	const char		*kind;		/* les, module, ... */
	const char		*school;	/* id: also its own units */
	long			 limit;
	long			 offset;
};

typedef const char *(*lesson_query_get)(const void *src, const char *key);

/*
 * Fill q from the parameters of src (pointers into src stay valid as long
 * as src does).  Returns the number of errors written into e (0 = valid).
 */
size_t		 lesson_query_parse(struct lesson_query *q,
		    lesson_query_get get, const void *src,
		    struct param_errors *e);
const char	*lesson_related_name(enum lesson_related);

#endif
