/*
 * catalogue_fields: the bodies of curators' writes (field specs for
 * json_fields.c) and the constraints that name a field (for write.c).
 */
#ifndef LEERLIJN_CATALOGUE_FIELDS_H
#define LEERLIJN_CATALOGUE_FIELDS_H

#include <stddef.h>

#include "core/json_fields.h"
#include "http/write.h"

/* A framework's code comes first: PATCH takes the fields after it. */
extern const struct field_spec		catalogue_framework_fields[];
extern const size_t			catalogue_nframework_fields;
extern const struct field_spec		catalogue_goal_fields[];
extern const size_t			catalogue_ngoal_fields;
extern const struct field_spec		catalogue_relation_fields[];
extern const size_t			catalogue_nrelation_fields;
extern const struct field_spec		catalogue_lesson_fields[];
extern const size_t			catalogue_nlesson_fields;
extern const struct field_spec		catalogue_alignment_fields[];
extern const size_t			catalogue_nalignment_fields;

/*
 * The API field of the constraints a curator's input can violate, with
 * the message for the field (PostgreSQL cuts names at 63 bytes).
 */
extern const struct write_constraint	catalogue_constraints[];
extern const size_t			catalogue_nconstraints;

#endif
