# Leerlijn — build, run and test.
#
#   make run    set up everything (packages, database, migrations, seeds) and serve
#   make test   the same bootstrap against a throwaway cluster, then every test
#
# Everything below is plain make; scripts/ holds the shell steps.

CC		?= cc
KORE_FEATURES	:= $(shell cat /usr/share/kore/features 2>/dev/null)
WARN		= -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
		  -Wpointer-arith -Wformat=2 -Werror
CSTD		= -std=c11 -D_GNU_SOURCE
OPT		?= -O2 -g
CFLAGS_COMMON	= $(CSTD) $(WARN) $(OPT) -Iapi/src -I/usr/include/postgresql
CFLAGS_APP	= $(CFLAGS_COMMON) $(KORE_FEATURES) -fPIC
LIBS		= -ljansson -lpq -lsodium

BUILD		= build
SAN		= -fsanitize=address,undefined -fno-omit-frame-pointer \
		  -fno-sanitize-recover=all

# Modules that need neither Kore nor libpq (the "domain" and "json" layers).
DOMAIN_SRC	= api/src/status.c api/src/problem.c api/src/router.c \
		  api/src/qs.c api/src/utf8.c api/src/settings.c \
		  api/src/migrate_plan.c api/src/seed_manifest.c \
		  api/src/web_files.c api/src/strbuf.c api/src/params.c \
		  api/src/lesson_query.c api/src/json_tree.c api/src/json_fields.c \
		  api/src/school_calendar.c \
		  api/src/case_level.c api/src/case_package.c api/src/case_query.c \
		  api/src/authz.c api/src/authz_rules.c api/src/cookie.c \
		  api/src/session_token.c api/src/password.c \
		  api/src/common_passwords.c
# Modules that talk to PostgreSQL but not to Kore.
DB_SRC		= api/src/db.c api/src/db_health.c api/src/db_catalogue.c \
		  api/src/db_lessons.c api/src/db_catalogue_write.c \
		  api/src/db_calendar.c \
		  api/src/db_case.c \
		  api/src/db_auth.c api/src/db_accounts.c
# Modules of the Kore application (handlers, dispatch, reply).
APP_SRC		= api/src/leerlijn.c api/src/applog.c api/src/dispatch.c api/src/routes.c \
		  api/src/reply.c api/src/h_health.c api/src/h_web.c \
		  api/src/h_catalogue.c api/src/h_lessons.c \
		  api/src/h_catalogue_write.c api/src/h_calendar.c \
		  api/src/case_dispatch.c api/src/h_case.c api/src/h_case_import.c \
		  api/src/h_session.c api/src/h_accounts.c
# The command-line tool for migrations and seeds.
CLI_SRC		= api/cli/leerlijn_db.c api/src/migrate.c api/src/seed.c \
		  api/cli/case_cli.c
CLI_DEPS	= api/src/settings.c api/src/migrate_plan.c \
		  api/src/seed_manifest.c api/src/strbuf.c \
		  api/src/case_level.c api/src/case_package.c \
		  api/src/params.c api/src/utf8.c \
		  api/src/session_token.c

# School-year planning.
DOMAIN_SRC	+= api/src/ical.c api/src/csv.c api/src/plan_checks.c \
		   api/src/json_plans.c api/src/plan_export.c
DB_SRC		+= api/src/db_plans.c
APP_SRC		+= api/src/h_plans.c

# Coverage reports.
DOMAIN_SRC	+= api/src/coverage_report.c
DB_SRC		+= api/src/db_coverage.c
APP_SRC		+= api/src/h_coverage.c

# The OpenAPI document, embedded in the application (h_openapi.c).
APP_SRC		+= api/src/h_openapi.c
GEN_OBJ		= $(BUILD)/app/gen/openapi_doc.o

APP_OBJ		= $(patsubst api/%.c,$(BUILD)/app/%.o,$(DOMAIN_SRC) $(DB_SRC) $(APP_SRC))
CLI_OBJ		= $(patsubst api/%.c,$(BUILD)/cli/%.o,$(CLI_SRC) $(CLI_DEPS))

UNIT_TESTS	= $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
UNIT_BIN	= $(addprefix $(BUILD)/unit/,$(UNIT_TESTS))

HDRS		= $(wildcard api/src/*.h)

.PHONY: all app cli unit frontend run test test-unit test-integration clean bench

all: app cli

app: $(BUILD)/leerlijn.so
cli: $(BUILD)/leerlijn-db

$(BUILD)/app/%.o: api/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_APP) -c $< -o $@

$(BUILD)/cli/%.o: api/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) -c $< -o $@

$(BUILD)/gen/openapi_doc.c: api/openapi.json scripts/gen-openapi-c.sh
	@mkdir -p $(dir $@)
	scripts/gen-openapi-c.sh api/openapi.json > $@.tmp && mv $@.tmp $@

$(GEN_OBJ): $(BUILD)/gen/openapi_doc.c api/src/openapi_doc.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_APP) -c $< -o $@

$(BUILD)/leerlijn.so: $(APP_OBJ) $(GEN_OBJ)
	$(CC) -shared -o $@ $(APP_OBJ) $(GEN_OBJ) $(LIBS)

$(BUILD)/leerlijn-db: $(CLI_OBJ)
	$(CC) -o $@ $(CLI_OBJ) $(LIBS)

# Unit tests link only the module under test (see tests/unit/deps.mk) and
# always run under AddressSanitizer and UndefinedBehaviorSanitizer.
include tests/unit/deps.mk

.SECONDEXPANSION:
$(BUILD)/unit/%: tests/unit/%.c $$(UNIT_DEPS_$$*) $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(SAN) -o $@ $< $(UNIT_DEPS_$*) -lcmocka $(LIBS)

unit: $(UNIT_BIN)

test-unit: unit
	@scripts/unit.sh $(UNIT_BIN)

frontend:
	@scripts/frontend.sh

run:
	@scripts/run.sh

test:
	@scripts/test.sh

bench:
	@scripts/bench.sh

clean:
	rm -rf $(BUILD)
