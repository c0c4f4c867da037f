# Each unit test links only the module(s) it tests.
UNIT_DEPS_test_status		= api/core/status.c
UNIT_DEPS_test_problem		= api/core/problem.c api/core/status.c
UNIT_DEPS_test_router		= api/core/router.c
UNIT_DEPS_test_qs		= api/core/qs.c api/core/utf8.c
UNIT_DEPS_test_utf8		= api/core/utf8.c
UNIT_DEPS_test_settings		= api/core/settings.c
UNIT_DEPS_test_forwarded	= api/core/forwarded.c api/core/settings.c
UNIT_DEPS_test_migrate_plan	= api/cli/migrate_plan.c
UNIT_DEPS_test_seed_manifest	= api/cli/seed_manifest.c
UNIT_DEPS_test_web_files	= api/http/web_files.c api/core/strbuf.c
UNIT_DEPS_test_strbuf		= api/core/strbuf.c
UNIT_DEPS_test_params		= api/core/params.c api/core/utf8.c
UNIT_DEPS_test_lesson_query	= api/catalogue/lesson_query.c api/core/params.c \
				  api/core/utf8.c
UNIT_DEPS_test_goal_tree_json	= api/catalogue/goal_tree_json.c
UNIT_DEPS_test_json_fields	= api/core/json_fields.c api/core/params.c \
				  api/core/utf8.c
UNIT_DEPS_test_school_calendar	= api/planning/school_calendar.c
UNIT_DEPS_test_case_level	= api/case/case_level.c api/core/params.c \
				  api/core/utf8.c
UNIT_DEPS_test_case_package	= api/case/case_package.c api/case/case_refs.c \
				  api/case/case_shapes.c api/case/case_level.c \
				  api/core/params.c api/core/utf8.c
UNIT_DEPS_test_case_import	= api/case/case_import.c
UNIT_DEPS_test_case_query	= api/case/case_query.c
UNIT_DEPS_test_authz		= api/http/authz.c api/http/authz_rules.c
UNIT_DEPS_test_authz_rules	= api/http/authz_rules.c api/http/authz.c \
				  api/http/routes.c api/core/router.c
UNIT_DEPS_test_cookie		= api/core/cookie.c
UNIT_DEPS_test_session_token	= api/accounts/session_token.c
UNIT_DEPS_test_mail_message	= api/accounts/mail_message.c api/core/strbuf.c \
				  api/core/utf8.c
UNIT_DEPS_test_password		= api/accounts/password.c \
				  $(BUILD)/gen/common_passwords.c api/core/utf8.c
# School-year planning.
UNIT_DEPS_test_ical		= api/core/ical.c api/core/strbuf.c \
				  api/planning/school_calendar.c
UNIT_DEPS_test_csv		= api/core/csv.c api/core/strbuf.c
UNIT_DEPS_test_plan_checks	= api/planning/plan_checks.c api/core/utf8.c \
				  api/planning/school_calendar.c
UNIT_DEPS_test_plan_fields	= api/planning/plan_fields.c \
				  api/planning/school_calendar.c \
				  api/core/json_fields.c api/core/params.c \
				  api/core/utf8.c api/core/problem.c \
				  api/core/status.c
UNIT_DEPS_test_plans_json	= api/planning/plans_json.c api/planning/plan_checks.c api/core/utf8.c \
				  api/planning/school_calendar.c
UNIT_DEPS_test_plan_export	= api/planning/plan_export.c api/core/ical.c api/core/utf8.c \
				  api/core/csv.c api/core/strbuf.c \
				  api/core/utf8.c api/planning/school_calendar.c
UNIT_DEPS_test_plan_xlsx	= api/planning/plan_xlsx.c api/core/xlsx.c \
				  api/core/utf8.c api/core/strbuf.c
# Coverage reports.
UNIT_DEPS_test_coverage_report	= api/coverage/coverage_report.c api/coverage/coverage_html.c api/core/csv.c \
				  api/core/strbuf.c api/core/params.c \
				  api/core/utf8.c api/planning/school_calendar.c
UNIT_DEPS_test_respcache	= api/core/respcache.c
