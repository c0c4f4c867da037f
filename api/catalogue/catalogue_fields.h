/*
 * catalogue_fields: the bodies of curators' writes (field specs for
 * json_fields.c) and the constraints that name a field (for write.c).
 */
#ifndef LEERLIJN_CATALOGUE_FIELDS_H
#define LEERLIJN_CATALOGUE_FIELDS_H

#include <stddef.h>

#include "core/json_fields.h"
#include "http/write.h"

/* The bodies of curators' writes; a framework's PATCH has no code. */
extern const struct field_table	catalogue_framework_body,
					catalogue_framework_patch,
					catalogue_goal_body,
					catalogue_relation_body,
					catalogue_lesson_body,
					catalogue_alignment_body;

/*
 * The API fields of the constraints a curator's input can violate, with
 * the message for the field, for changes and for deletes (where a foreign
 * key means "still in use").
 */
extern const struct write_names	catalogue_change_names;
extern const struct write_names	catalogue_delete_names;

#endif
