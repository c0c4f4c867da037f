# Each unit test links only the module(s) it tests.
UNIT_DEPS_test_status		= api/src/status.c
UNIT_DEPS_test_problem		= api/src/problem.c api/src/status.c
UNIT_DEPS_test_router		= api/src/router.c
UNIT_DEPS_test_qs		= api/src/qs.c api/src/utf8.c
UNIT_DEPS_test_utf8		= api/src/utf8.c
UNIT_DEPS_test_settings		= api/src/settings.c
UNIT_DEPS_test_migrate_plan	= api/src/migrate_plan.c
UNIT_DEPS_test_seed_manifest	= api/src/seed_manifest.c
UNIT_DEPS_test_web_files	= api/src/web_files.c api/src/strbuf.c
UNIT_DEPS_test_strbuf		= api/src/strbuf.c
UNIT_DEPS_test_params		= api/src/params.c api/src/utf8.c
UNIT_DEPS_test_lesson_query	= api/src/lesson_query.c api/src/params.c \
				  api/src/utf8.c
UNIT_DEPS_test_json_tree	= api/src/json_tree.c
UNIT_DEPS_test_json_fields	= api/src/json_fields.c api/src/params.c \
				  api/src/utf8.c
UNIT_DEPS_test_school_calendar	= api/src/school_calendar.c
UNIT_DEPS_test_case_level	= api/src/case_level.c api/src/params.c \
				  api/src/utf8.c
UNIT_DEPS_test_case_package	= api/src/case_package.c api/src/case_level.c \
				  api/src/params.c api/src/utf8.c
UNIT_DEPS_test_case_query	= api/src/case_query.c
UNIT_DEPS_test_authz		= api/src/authz.c
UNIT_DEPS_test_authz_rules	= api/src/authz_rules.c api/src/authz.c \
				  api/src/routes.c api/src/router.c
UNIT_DEPS_test_cookie		= api/src/cookie.c
UNIT_DEPS_test_session_token	= api/src/session_token.c
UNIT_DEPS_test_password		= api/src/password.c \
				  api/src/common_passwords.c api/src/utf8.c
# School-year planning.
UNIT_DEPS_test_ical		= api/src/ical.c api/src/strbuf.c \
				  api/src/school_calendar.c
UNIT_DEPS_test_csv		= api/src/csv.c api/src/strbuf.c
UNIT_DEPS_test_plan_checks	= api/src/plan_checks.c \
				  api/src/school_calendar.c
UNIT_DEPS_test_json_plans	= api/src/json_plans.c api/src/plan_checks.c \
				  api/src/school_calendar.c
UNIT_DEPS_test_plan_export	= api/src/plan_export.c api/src/ical.c \
				  api/src/csv.c api/src/strbuf.c \
				  api/src/school_calendar.c
# Coverage reports.
UNIT_DEPS_test_coverage_report	= api/src/coverage_report.c api/src/csv.c \
				  api/src/strbuf.c api/src/params.c \
				  api/src/utf8.c api/src/school_calendar.c
