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
CFLAGS_COMMON	= $(CSTD) $(WARN) $(OPT) -Iapi -I/usr/include/postgresql
CFLAGS_APP	= $(CFLAGS_COMMON) $(KORE_FEATURES) -fPIC
LIBS		= -ljansson -lpq -lsodium -lxlsxwriter
# The application alone sends mail (libcurl SMTP from a sender thread).
APP_LIBS	= $(LIBS) -lcurl -lpthread

BUILD		= build
SAN		= -fsanitize=address,undefined -fno-omit-frame-pointer \
		  -fno-sanitize-recover=all

# The application is every C file under api/ except the command-line tool.
# Folders follow the capabilities; inside one, files are named by role:
# *_http.c handlers (Kore), *_db.c SQL and libpq, *_json.c jansson, and the
# rest plain C (no Kore, no libpq), unit-tested module by module.
CAPS		= core http db catalogue accounts planning coverage case
APP_SRC		= $(foreach d,$(CAPS),$(wildcard api/$(d)/*.c))

# Generated at build time: the OpenAPI document (openapi_http.c serves it)
# and the list of common passwords (accounts/password.c refuses them).
GEN_SRC		= $(BUILD)/gen/openapi_doc.c $(BUILD)/gen/common_passwords.c
GEN_OBJ		= $(patsubst $(BUILD)/gen/%.c,$(BUILD)/app/gen/%.o,$(GEN_SRC))

# The command-line tool for migrations, seeds and CASE import/export.
CLI_SRC		= $(wildcard api/cli/*.c)
CLI_DEPS	= api/core/settings.c api/core/strbuf.c api/core/params.c \
		  api/core/utf8.c api/case/case_level.c api/case/case_package.c \
		  api/case/case_refs.c api/case/case_shapes.c \
		  api/accounts/session_token.c

APP_OBJ		= $(patsubst api/%.c,$(BUILD)/app/%.o,$(APP_SRC))
CLI_OBJ		= $(patsubst api/%.c,$(BUILD)/cli/%.o,$(CLI_SRC) $(CLI_DEPS))

UNIT_SRC	= $(wildcard tests/unit/*/test_*.c)
UNIT_TESTS	= $(basename $(notdir $(UNIT_SRC)))
UNIT_BIN	= $(addprefix $(BUILD)/unit/,$(UNIT_TESTS))
# UNIT_SRC_test_x: where test_x.c lives (tests/unit/ mirrors api/).
$(foreach s,$(UNIT_SRC),$(eval UNIT_SRC_$(basename $(notdir $(s))) := $(s)))

HDRS		= $(wildcard api/*/*.h)

# libFuzzer harnesses (clang, ASan + UBSan), one per parser or writer.
FUZZ_CC		= clang
FUZZ_SRC	= $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN	= $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZ_SRC))
FUZZ_FLAGS	= $(CSTD) -g -O1 -Iapi -I/usr/include/postgresql \
		  -fsanitize=fuzzer,address,undefined \
		  -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: all app cli unit frontend run test test-unit test-integration clean bench \
	fuzz test-fuzz

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

$(BUILD)/gen/common_passwords.c: seeds/passwords/common-passwords.txt \
		scripts/gen-common-passwords.sh
	@mkdir -p $(dir $@)
	scripts/gen-common-passwords.sh > $@.tmp && mv $@.tmp $@

$(BUILD)/app/gen/%.o: $(BUILD)/gen/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_APP) -c $< -o $@

$(BUILD)/leerlijn.so: $(APP_OBJ) $(GEN_OBJ)
	$(CC) -shared -o $@ $(APP_OBJ) $(GEN_OBJ) $(APP_LIBS)

$(BUILD)/leerlijn-db: $(CLI_OBJ)
	$(CC) -o $@ $(CLI_OBJ) $(LIBS)

# Unit tests link only the module under test (see tests/unit/deps.mk) and
# always run under AddressSanitizer and UndefinedBehaviorSanitizer.
include tests/unit/deps.mk

.SECONDEXPANSION:
$(BUILD)/unit/%: $$(UNIT_SRC_$$*) $$(UNIT_DEPS_$$*) $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(SAN) -o $@ $(filter %.c,$^) -lcmocka $(LIBS)

unit: $(UNIT_BIN)

include tests/fuzz/deps.mk

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $$(FUZZ_DEPS_$$*) $(HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(filter %.c,$^) $(LIBS)

fuzz: $(FUZZ_BIN)

# A short run of each harness from its seed corpus (FUZZ_SECONDS each).
test-fuzz: fuzz
	@scripts/fuzz.sh short $(FUZZ_BIN)

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
