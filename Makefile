# Kontakt: `make demo` builds and runs the sample session, `make test` runs every test,
# `make bench` prints the benchmark table.

.PHONY: all build release deps demo test soak bench clean

all: build

deps:
	@scripts/install-deps

build: deps
	swift build

release: deps
	swift build -c release --static-swift-stdlib

demo: release
	@scripts/demo.sh

test: deps
	swift build --build-tests
	swift test --skip-build

# The randomized soak (two senders, kills, colleagues editing, a flaky server) for ten minutes;
# `make test` runs it for 90 seconds.
soak: deps
	swift build --build-tests
	KONTAKT_SOAK_SECONDS=$${KONTAKT_SOAK_SECONDS:-600} swift test --skip-build --filter SoakTests

bench: release
	@python3 -m pip install -q mailmerge==2.3.0 2>/dev/null || echo "(mailmerge not installed: its comparison row is left out)"
	@command -v smtp-sink >/dev/null || scripts/install-postfix-tools || echo "(smtp-sink not installed: the delivery rows are left out)"
	@python3 Benchmarks/bench.py

clean:
	rm -rf .build demo.sqlite* Outbox/demo-data Outbox/demo-smtp Outbox/novinky-demo Outbox/reports Outbox/export Benchmarks/work
