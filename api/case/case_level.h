/*
 * case_level: Dutch school levels as CASE 1.0 educationLevel values.
 *
 * A goal's levels are exported as
 *   - the CEDS grade codes (the values CASE tools expect) of every school
 *     year the levels cover: groep 1 = "PK", groep 2 = "KG", groep 3..8 =
 *     "01".."06", vo leerjaar 1..6 = "07".."12" (year ordinals 1..14 of
 *     the level table); levels without school years (mbo, sectors like
 *     "so", ERK levels) have no CEDS code;
 *   - followed by "nl-niveau:" and the Leerlijn level code of each level
 *     (e.g. "nl-niveau:havo-2"), which keeps SLO's level so that a Dutch
 *     consumer can read it back.
 * Import links the levels the "nl-niveau:" values name (CEDS codes alone
 * cannot tell havo from vwo); when some value names no level of the
 * catalogue, the whole educationLevel is also kept as it was given.
 */
#ifndef LEERLIJN_CASE_LEVEL_H
#define LEERLIJN_CASE_LEVEL_H

#include <stddef.h>

#include <jansson.h>

#define CASE_LEVEL_PREFIX	"nl-niveau:"
#define CASE_LEVEL_CODE_MAX	64

enum case_level_kind {
	CASE_LEVEL_NL = 0,	/* "nl-niveau:CODE" */
	CASE_LEVEL_CEDS,	/* a CEDS grade code: PK, KG, 01..13, ... */
	CASE_LEVEL_OTHER	/* anything else */
};

/* CEDS grade code of school year ordinal 1..14; NULL outside that range. */
const char		*case_level_ceds(int year_ordinal);
/*
 * What an educationLevel value is; for CASE_LEVEL_NL the level code is
 * copied into code (len bytes).  A malformed "nl-niveau:" value (empty,
 * too long, characters outside [a-z0-9-] and not a UUID) is OTHER.
 */
enum case_level_kind	 case_level_parse(const char *value, char *code,
			    size_t len);
/*
 * The educationLevel array for levels [{code, years: [ordinals]}]: the
 * CEDS codes of all years in school order without repeats, then one
 * "nl-niveau:" value per level.  New reference, NULL on a malformed
 * argument or out of memory.
 */
json_t			*case_level_education(const json_t *levels);
/*
 * Replace every "_levels" member below doc (a CFPackage, a CFItem or a
 * CFItemAssociations document) by "educationLevel" (left out when there
 * are no levels; an educationLevel that an imported package gave and the
 * catalogue kept stays as it is).  Returns 0 or -1.
 */
int			 case_level_fill(json_t *doc);
/*
 * For import: the "nl-niveau:" codes of an item's educationLevel (a string,
 * an array of strings or NULL) as a new array of codes (other values are
 * left to the caller).  New reference, NULL when out of memory.
 */
json_t			*case_level_codes(const json_t *education);

#endif
