# Each libFuzzer harness links only the module(s) it feeds.
FUZZ_DEPS_fuzz_qs		= api/core/qs.c api/core/params.c api/core/utf8.c
FUZZ_DEPS_fuzz_router		= api/core/router.c api/http/routes.c
FUZZ_DEPS_fuzz_cookie		= api/core/cookie.c
FUZZ_DEPS_fuzz_utf8		= api/core/utf8.c
FUZZ_DEPS_fuzz_json_fields	= api/core/json_fields.c api/core/params.c \
				  api/core/utf8.c
FUZZ_DEPS_fuzz_case_package	= api/case/case_package.c api/case/case_refs.c \
				  api/case/case_shapes.c api/case/case_level.c \
				  api/core/params.c api/core/utf8.c
FUZZ_DEPS_fuzz_case_query	= api/case/case_query.c api/core/utf8.c
FUZZ_DEPS_fuzz_csv		= api/core/csv.c api/core/strbuf.c api/core/utf8.c
FUZZ_DEPS_fuzz_ical		= api/core/ical.c api/core/strbuf.c \
				  api/core/utf8.c api/planning/school_calendar.c
FUZZ_DEPS_fuzz_plan_export	= api/planning/plan_export.c api/core/ical.c \
				  api/core/csv.c api/core/strbuf.c api/core/utf8.c \
				  api/planning/school_calendar.c
FUZZ_DEPS_fuzz_coverage_report	= api/coverage/coverage_report.c api/coverage/coverage_html.c api/core/csv.c \
				  api/core/strbuf.c api/core/params.c \
				  api/core/utf8.c api/planning/school_calendar.c
FUZZ_DEPS_fuzz_mail_message	= api/accounts/mail_message.c api/core/strbuf.c \
				  api/core/utf8.c
