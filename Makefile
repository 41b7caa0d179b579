# copydesk — `make run` serves the app, `make test` runs every suite. Both install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := run

JOBS ?= $(shell nproc)
DATA ?= ./data
# ccache: the cache outlives each fresh clone, so CI rebuilds only what changed.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime

WEB_SOURCES := $(shell find web/src web/index.html web/vite.config.ts web/tsconfig.json web/package-lock.json -type f 2>/dev/null)

.PHONY: test-postgres run test bench format format-check bootstrap build build-asan build-fuzz web test-unit test-contract test-asan test-fuzz test-web test-durability test-upgrade test-relevance test-feeds demo

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@ninja -C build -j $(JOBS)

# The built scripts and styles are gzipped once, here; the server sends the .gz twin to browsers
# that accept it.
web/dist/index.html: $(WEB_SOURCES)
	@cd web && npm run --silent build >/dev/null
	@find web/dist -type f \( -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' \) -exec gzip -9 -k -f {} +
	@touch $@

web: bootstrap web/dist/index.html

run: build web
	./build/copydesk serve --data $(DATA) --web-dir web/dist

# --- tests -----------------------------------------------------------------------------------

test: build web
	@$(MAKE) --no-print-directory format-check test-unit test-postgres test-contract test-asan test-fuzz test-web test-durability test-upgrade test-relevance test-feeds
	@echo "make test: every suite passed"

# The API tests append every exchange they make to this file, for test-contract to check.
API_EXCHANGES := $(CURDIR)/build/api-exchanges.jsonl

test-unit:
	@rm -f $(API_EXCHANGES)
	@cd build && COPYDESK_API_EXCHANGES=$(API_EXCHANGES) ctest --output-on-failure -j $(JOBS) --timeout 300

# The storage contract suite, the PostgreSQL backend's own tests and every API test again, on a
# throwaway PostgreSQL 15 cluster (scripts/with-postgres: initdb in a temporary folder, a free
# loopback port, removed after); each API test gets a fresh database.
test-postgres:
	@scripts/with-postgres bash -c 'cd build && ctest --output-on-failure -j $(JOBS) --timeout 300 \
	  -R "DatabaseContract|PostgresMigrations|PostgresBackendTest" && \
	  ctest --output-on-failure -j $(JOBS) --timeout 300 -L api -E "$(POSTGRES_SKIP)"'

# API tests about SQLite itself (its file edited by hand, copydesk backup/restore, the upgrade of
# an old file, the data folder's bytes on /metrics) or a demo seeded into a data folder before any
# server: PostgreSQL's turn comes with migrate-to-postgres and backup on PostgreSQL (issue 21,
# point 3); a PostgreSQL database's room is PostgreSQL's own to report.
POSTGRES_SKIP := UpgradeBackup|BackupRestore|FilesOperations.ABackup|Demo\.|AfterADatabaseEdit|Metrics.DiskUsePerPart

# The API contract (tests/contract): docs/api/openapi.yaml passes Redocly's recommended rules,
# every exchange the API tests made is one the description allows (status, headers, body, strictly),
# and a client generated from it runs a realistic scenario against the server.
test-contract: bootstrap
	@cd tests/contract && npm run --silent lint
	@cd tests/contract && node self-test.mjs
	@cd tests/contract && node validate-exchanges.mjs $(API_EXCHANGES)
	@cd tests/contract && COPYDESK_BIN=$(CURDIR)/build/copydesk npm run --silent client

# AddressSanitizer + UndefinedBehaviorSanitizer build of the tests and the server they start.
build-asan: bootstrap
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOPYDESK_SANITIZE=ON >/dev/null
	@ninja -C build-asan -j $(JOBS) copydesk unit_tests api_tests

test-asan: build-asan
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS) --timeout 600

# libFuzzer on the request and JSON parsing path, for a bounded time.
FUZZ_SECONDS ?= 60
build-fuzz: bootstrap
	@CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOPYDESK_FUZZ=ON >/dev/null
	@ninja -C build-fuzz -j $(JOBS) fuzz_request

test-fuzz: build-fuzz
	@mkdir -p build-fuzz/corpus
	@./build-fuzz/fuzz_request -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	  -print_final_stats=1 build-fuzz/corpus tests/fuzz/seeds 2>build-fuzz/fuzz.log \
	  || { tail -50 build-fuzz/fuzz.log; exit 1; }
	@grep -E 'stat::number_of_executed_units' build-fuzz/fuzz.log | sed 's/^/fuzz_request: /'

# Four clients write while the server is killed with SIGKILL 5 to 10 times (about half a minute);
# then a server killed between a commit and its notification tells it once after restart.
test-durability: build
	@python3 tests/durability/kill_test.py --bin build/copydesk
	@python3 tests/durability/notifier_kill_test.py --bin build/copydesk

# Calendar feeds read by a second, strict iCalendar parser (Debian's python3-icalendar, hence
# /usr/bin/python3): escaping, folding, times, UIDs, SEQUENCE and CANCELLED.
test-feeds: build
	@/usr/bin/python3 tests/feeds/ical_parse_test.py --bin build/copydesk

# Databases made by earlier releases (tests/upgrade/fixtures) upgraded with nothing lost; a long
# migration killed (SIGKILL) in the middle resumes and finishes.
test-upgrade: build
	@python3 tests/upgrade/upgrade_test.py --bin build/copydesk
	@python3 tests/upgrade/resume_test.py --bin build/copydesk

# Search relevance must not fall: a fixed sample of bench/relevance's set (tests/relevance).
test-relevance: build
	@/usr/bin/python3 tests/relevance/relevance_test.py --bin build/copydesk

test-web: web
	@cd web && npm test --silent
	@cd web && COPYDESK_BIN=$(CURDIR)/build/copydesk npx playwright test

# --- the rest --------------------------------------------------------------------------------

# A realistic bilingual workspace to try copydesk with (passwords printed once). SIZE contents.
SIZE ?= 300
demo: build
	./build/copydesk demo --data $(DATA) --size $(SIZE)

bench: build web
	@for script in bench/*.sh; do echo "== $$script"; bash "$$script"; done

CXX_SOURCES = $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

format:
	@clang-format -i $(CXX_SOURCES)
	@cd web && npx prettier --write . >/dev/null

# Formatting is checked, not hoped for: C++ against .clang-format (100 columns), TypeScript and CSS
# against Prettier. `make format` fixes what this refuses.
format-check: bootstrap
	@clang-format --dry-run --Werror $(CXX_SOURCES) || { echo "C++ is not formatted: run make format"; exit 1; }
	@cd web && npx prettier --check . >/dev/null || { echo "web/ is not formatted: run make format"; exit 1; }
