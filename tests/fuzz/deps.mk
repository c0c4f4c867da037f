# Each libFuzzer harness links only the module(s) it feeds.  A harness that
# feeds the very module of a unit test links what that test links
# (tests/unit/deps.mk, included first), so the list has one home.
FUZZ_DEPS_fuzz_qs		= api/core/qs.c api/core/params.c api/core/utf8.c
FUZZ_DEPS_fuzz_router		= api/core/router.c api/http/routes.c
FUZZ_DEPS_fuzz_cookie		= $(UNIT_DEPS_test_cookie)
FUZZ_DEPS_fuzz_utf8		= $(UNIT_DEPS_test_utf8)
FUZZ_DEPS_fuzz_json_fields	= $(UNIT_DEPS_test_json_fields)
FUZZ_DEPS_fuzz_case_package	= $(UNIT_DEPS_test_case_package)
FUZZ_DEPS_fuzz_case_query	= api/case/case_query.c api/core/utf8.c
FUZZ_DEPS_fuzz_csv		= $(UNIT_DEPS_test_csv) api/core/utf8.c
FUZZ_DEPS_fuzz_ical		= $(UNIT_DEPS_test_ical) api/core/utf8.c
FUZZ_DEPS_fuzz_plan_export	= $(UNIT_DEPS_test_plan_export)
FUZZ_DEPS_fuzz_coverage_report	= $(UNIT_DEPS_test_coverage_report)
FUZZ_DEPS_fuzz_mail_message	= $(UNIT_DEPS_test_mail_message)
FUZZ_DEPS_fuzz_respcache_packed	= $(UNIT_DEPS_test_respcache)
