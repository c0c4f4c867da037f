/*
 * handlers: every API handler (h_*.c), one line each.
 */
#ifndef LEERLIJN_HANDLERS_H
#define LEERLIJN_HANDLERS_H

#include "http/api.h"

/* h_health.c */
API_HANDLER(api_health_get);
/* h_openapi.c */
API_HANDLER(api_openapi_get);
/* h_catalogue.c */
API_HANDLER(api_frameworks_list);
API_HANDLER(api_framework_get);
API_HANDLER(api_framework_goals);
API_HANDLER(api_goals_find);
API_HANDLER(api_goal_get);
API_HANDLER(api_levels_list);
/* h_lessons.c */
API_HANDLER(api_lessons_find);
API_HANDLER(api_lesson_get);
API_HANDLER(api_alignment_warnings);
/* units_http.c: a school's own activities */
API_HANDLER(api_school_activities_list);
API_HANDLER(api_school_activity_create);
API_HANDLER(api_school_activity_get);
API_HANDLER(api_school_activity_update);
API_HANDLER(api_school_activity_delete);
API_HANDLER(api_activities_offered);
API_HANDLER(api_activity_adopt);
API_HANDLER(api_school_proposal);
API_HANDLER(api_school_proposal_apply);
/* h_calendar.c */
API_HANDLER(api_calendar_get);
/* h_plans.c: school-year planning */
API_HANDLER(api_school_plans_list);
API_HANDLER(api_school_plan_create);
API_HANDLER(api_school_leerlijn);
API_HANDLER(api_school_templates_list);
API_HANDLER(api_school_template_create);
API_HANDLER(api_plan_get);
API_HANDLER(api_plan_update);
API_HANDLER(api_plan_delete);
API_HANDLER(api_plan_item_create);
API_HANDLER(api_plan_item_get);
API_HANDLER(api_plan_item_update);
API_HANDLER(api_plan_item_delete);
API_HANDLER(api_plan_bulk);
API_HANDLER(api_plan_copy);
API_HANDLER(api_plan_ics);
API_HANDLER(api_plan_csv);
API_HANDLER(api_plan_xlsx);
API_HANDLER(api_template_get);
API_HANDLER(api_template_delete);
API_HANDLER(api_template_apply);
API_HANDLER(api_plan_feed_create);
API_HANDLER(api_plan_feed_revoke);
API_HANDLER(api_feed_ics);
/* h_coverage.c: coverage reports */
API_HANDLER(api_plan_coverage);
API_HANDLER(api_school_coverage);
API_HANDLER(api_reports_coverage);
/* h_catalogue_write.c */
API_HANDLER(api_framework_create);
API_HANDLER(api_framework_update);
API_HANDLER(api_goal_create);
API_HANDLER(api_goal_update);
API_HANDLER(api_goal_delete);
API_HANDLER(api_relation_create);
API_HANDLER(api_relation_get);
API_HANDLER(api_relation_delete);
API_HANDLER(api_lesson_create);
API_HANDLER(api_lesson_update);
API_HANDLER(api_lesson_delete);
API_HANDLER(api_alignment_create);
API_HANDLER(api_alignment_get);
API_HANDLER(api_alignment_delete);
/* h_case_import.c */
API_HANDLER(api_case_import);
/* h_session.c */
API_HANDLER(api_session_create);
API_HANDLER(api_session_delete);
API_HANDLER(api_me_get);
/* h_accounts.c */
API_HANDLER(api_schools_list);
API_HANDLER(api_school_get);
API_HANDLER(api_school_create);
API_HANDLER(api_school_update);
API_HANDLER(api_school_members);
API_HANDLER(api_school_teacher_add);
API_HANDLER(api_school_teacher_remove);
API_HANDLER(api_users_list);
API_HANDLER(api_user_get);
API_HANDLER(api_user_create);
API_HANDLER(api_user_update);
API_HANDLER(api_user_delete);
API_HANDLER(api_user_invite);
API_HANDLER(api_invitation_accept);
API_HANDLER(api_me_membership_accept);
API_HANDLER(api_invitations_list);
API_HANDLER(api_invitation_link);
API_HANDLER(api_school_invitation_delete);
API_HANDLER(api_me_password);
API_HANDLER(api_audit_list);

#endif
