# szsoft — build, test, install.
#
#   make test      gofmt check, go vet, staticcheck, go test -race (what CI runs)
#   make build     bin/szsoft
#   make install   binary, completions and man pages under $(DESTDIR)$(PREFIX)

GO          ?= go
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
FUZZ        := ./calc:FuzzParseAmount ./calc:FuzzParseRate ./project:FuzzParse \
               ./project:FuzzLocate ./cmd/szsoft:FuzzCompute

.PHONY: all build test fmt-check vet staticcheck gotest fuzz bench bench-data install clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/szsoft

test: fmt-check vet staticcheck gotest

fmt-check:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

staticcheck:
	$(GO) run $(STATICCHECK) ./...

gotest:
	$(GO) test -race ./...

fuzz:
	@for t in $(FUZZ); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

# make bench: Go benchmarks and the whole-process targets (bench/run.sh).
# make bench-data: only write the 20,000 and 2,000 generated project files.
BENCH_DIR   ?= /tmp/szsoft-bench

bench:
	BENCH_DIR=$(BENCH_DIR) bench/run.sh

bench-data:
	$(GO) run ./bench/gendata -n 20000 -dir $(BENCH_DIR)/20000
	$(GO) run ./bench/gendata -n 2000 -dir $(BENCH_DIR)/2000

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/szsoft

clean:
	rm -rf bin
