# Kontakt: `make demo` builds and runs the sample session, `make test` runs every test,
# `make bench` prints the benchmark table, `make install` installs kontakt under PREFIX
# (default /usr/local; DESTDIR stages it for a package), `make uninstall` removes it.

.PHONY: all build release deps demo serve screenshots test soak bench install uninstall clean

PREFIX ?= /usr/local
DESTDIR ?=

all: build

deps:
	@scripts/install-deps

build: deps
	swift build

release: deps
	swift build -c release --static-swift-stdlib

demo: release
	@scripts/demo.sh

# The web workspace on the demo database (make demo creates it and its users).
serve: release
	@test -f demo.sqlite || { echo "no demo.sqlite yet: run make demo first"; exit 1; }
	.build/release/kontakt --db demo.sqlite serve

# The README's screenshots, taken by the browser test's script on the demo database.
screenshots: release
	@scripts/screenshots

# The build and the tests keep their temporary files in .build/tmp (SwiftPM leaves a few of its
# own behind on every run); scripts/check-leftovers fails the run when a test left one of ours.
TEST_TMP = $(CURDIR)/.build/tmp

test: deps
	@mkdir -p "$(TEST_TMP)"
	TMPDIR="$(TEST_TMP)" swift build --build-tests
	TMPDIR="$(TEST_TMP)" swift test --skip-build
	@scripts/check-leftovers "$(TEST_TMP)"

# The randomized soak (two senders, kills, colleagues editing, a flaky server) for ten minutes;
# `make test` runs it for 90 seconds.
soak: deps
	@mkdir -p "$(TEST_TMP)"
	TMPDIR="$(TEST_TMP)" swift build --build-tests
	TMPDIR="$(TEST_TMP)" KONTAKT_SOAK_SECONDS=$${KONTAKT_SOAK_SECONDS:-600} swift test --skip-build --filter SoakTests

bench: release
	@python3 -m pip install -q mailmerge==2.3.0 2>/dev/null || echo "(mailmerge not installed: its comparison row is left out)"
	@command -v smtp-sink >/dev/null || scripts/install-postfix-tools || echo "(smtp-sink not installed: the delivery rows are left out)"
	@command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk >/dev/null; }
	@python3 Benchmarks/bench.py

install: release
	@scripts/install --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

uninstall:
	@scripts/install --uninstall --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

# Everything the build, the demo and the benchmarks wrote: the Outbox keeps only its README.
clean:
	rm -rf .build demo.sqlite demo.sqlite-wal demo.sqlite-shm Benchmarks/work
	find Outbox -mindepth 1 ! -name README.md -exec rm -rf {} +
