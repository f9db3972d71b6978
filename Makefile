# szsoft — build, test, install.
#
#   make test      gofmt check, go vet, staticcheck, go test -race, the
#                  skipped tests listed at the end (what CI runs; about 4
#                  minutes from empty caches on 2 cores)
#   make test-release  the release checks: go vet for Windows and macOS,
#                  every platform's archive made twice and once from an
#                  empty cache, the Windows binary under Wine (CI runs them
#                  too; some 10 minutes from cold)
#   make build     bin/szsoft
#   make install   binary, completions and man pages under $(DESTDIR)$(PREFIX)
#                  (/usr/local by default: run it with sudo, or give PREFIX=$HOME/.local)
#   make dist      release archives for six platforms and SHA256SUMS, in dist/

GO          ?= go
# pipefail: go test's status survives the pipe into its summary.
SHELL       := bash
.SHELLFLAGS := -o pipefail -c
PREFIX      ?= /usr/local
DESTDIR     ?=
BIN         := bin/szsoft
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS     := -X main.version=$(VERSION)
# staticcheck is run from the module proxy, so a fresh machine needs nothing
# installed by hand.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

# make fuzz fuzzes every target for FUZZTIME each; make test runs only their
# seed corpora (testdata/fuzz and the f.Add seeds).
FUZZTIME    ?= 30s
FUZZ        := ./calc:FuzzParseAmount ./calc:FuzzParseRate ./internal/project:FuzzParse \
               ./internal/project:FuzzLocate ./cmd/szsoft:FuzzCompute

.PHONY: all build test test-release fmt-check vet vet-cross staticcheck gotest fuzz bench bench-data completions install install-check dist clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/szsoft

test: fmt-check vet staticcheck gotest install-check

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# The files only Windows or macOS compiles (the console's code page, their
# errors), tests included, type-checked here: a release check, as it
# compiles the standard library twice more (2 minutes cold). The release
# tests build every platform in internal/dist and run the Windows binary
# under Wine.
vet-cross:
	GOOS=windows GOARCH=amd64 $(GO) vet ./...
	GOOS=darwin GOARCH=arm64 $(GO) vet ./...

staticcheck:
	$(GO) run $(STATICCHECK) ./...

# The race detector sleeps a second as each process ends, to let threads
# report: the script tests start szsoft some 500 times, so that second is
# set to 0. The summary prints what plain go test would, then lists every
# skipped test with its reason. -timeout: a loaded machine is slow, not
# wrong.
export GORACE ?= atexit_sleep_ms=0

gotest:
	$(GO) test -race -timeout 20m -json ./... | $(GO) run ./internal/testsum

# The release checks alone (internal/slowtest), each package with a limit
# of its own: building six platforms twice and once from an empty cache
# takes some 7 minutes cold on 2 cores, Wine under a minute.
test-release: vet-cross
	SZSOFT_RELEASE_TESTS=1 $(GO) test -timeout 40m -run '^(TestArchives|TestArchiveFromAnEmptyCache)$$' -json ./internal/dist | $(GO) run ./internal/testsum
	SZSOFT_RELEASE_TESTS=1 $(GO) test -timeout 15m -run '^TestWindowsUnderWine$$' -json ./cmd/szsoft | $(GO) run ./internal/testsum

fuzz:
	@for t in $(FUZZ); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

# make bench: Go benchmarks and the whole-process targets (internal/bench/run.sh).
# make bench-data: only write the 20,000 and 2,000 generated project files.
BENCH_DIR   ?= /tmp/szsoft-bench

bench:
	BENCH_DIR=$(BENCH_DIR) internal/bench/run.sh

bench-data:
	$(GO) run ./internal/bench/gendata -n 20000 -dir $(BENCH_DIR)/20000
	$(GO) run ./internal/bench/gendata -n 2000 -dir $(BENCH_DIR)/2000

# completions/ and docs/man/ are generated from the command tree and committed;
# make test fails when they are stale.
completions:
	$(GO) test ./cmd/szsoft -run '^TestGeneratedFilesFresh$$' -update

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d \
		$(DESTDIR)$(PREFIX)/share/szsoft
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/szsoft
	install -m 0644 docs/man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 0644 completions/szsoft.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/szsoft
	install -m 0644 completions/_szsoft $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_szsoft
	install -m 0644 completions/szsoft.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/szsoft.fish
	install -m 0644 completions/szsoft.ps1 $(DESTDIR)$(PREFIX)/share/szsoft/szsoft.ps1
	@# zsh looks in /usr/share and /usr/local/share only: say where else.
	@case "$(DESTDIR)$(PREFIX)" in /usr|/usr/local) ;; *) \
		echo "zsh: completion installed in $(PREFIX)/share/zsh/site-functions; unless zsh already looks there, add to ~/.zshrc, before compinit:"; \
		echo "  fpath=($(PREFIX)/share/zsh/site-functions \$$fpath)"; \
		echo "man: $(PREFIX)/share/man is on MANPATH when $(PREFIX)/bin is on PATH (man-db), else add it";; esac

# install-check installs into a scratch DESTDIR and checks what landed.
install-check:
	@d=$$(mktemp -d); trap 'rm -rf "$$d"' EXIT; \
	$(MAKE) -s install DESTDIR="$$d" PREFIX=/usr >/dev/null && \
	for f in bin/szsoft share/man/man1/szsoft.1 share/man/man1/szsoft-calc-first-version.1 \
		share/bash-completion/completions/szsoft share/zsh/site-functions/_szsoft \
		share/fish/vendor_completions.d/szsoft.fish share/szsoft/szsoft.ps1; do \
		test -s "$$d/usr/$$f" || { echo "install-check: $$f missing"; exit 1; }; \
	done && "$$d/usr/bin/szsoft" version | grep -q 深府规 && echo "install-check: ok"

# make dist: the archives of internal/dist for the version of VERSION (the
# tag or the commit), the same bytes for the same commit.
dist:
	$(GO) run ./internal/dist -version $(VERSION) -out dist

clean:
	rm -rf bin dist
