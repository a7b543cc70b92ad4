# argmap: make run (try it on the seed debate), make test (every test), make bench.
GO      ?= go
BIN     := bin/argmap
SEED    := seeds/camp-taji
# The article the seed debate was curated from; it sits beside the project, not in it.
SOURCE  ?= ../shared/seeds/000_82e5244e262e7d64.txt
FUZZTIME ?= 5m

.PHONY: all build run test deps vet bench fuzz golden clean

all: build

build:
	$(GO) build -o $(BIN) .

## run: build argmap, check the seed debate (quotes against the source when present) and summarise it
run: build
	@if [ -f "$(SOURCE)" ]; then \
		echo "$$ argmap check --source $(SOURCE) $(SEED)"; ./$(BIN) check --source "$(SOURCE)" $(SEED); \
	else \
		echo "$$ argmap check $(SEED)"; ./$(BIN) check $(SEED); \
	fi
	@echo "$$ argmap show $(SEED)"
	@./$(BIN) show $(SEED)

## test: static checks and every test (unit, golden, end-to-end CLI scripts, a short fuzz run)
test: vet deps
	$(GO) test -count=1 ./...
	$(call fuzzstep,the TOML loader,FuzzLoad,10,./argmap)
	$(call fuzzstep,the TOML prescan's depth limits,FuzzPrescan,5,./argmap)
	$(call fuzzstep,the article parser,FuzzParse,5,./article)

# fuzzstep: what,target,seconds,package. It says what it fuzzes and for how long first: the
# fuzzer's own progress lines ("0/sec" while it gathers its baseline) can look like a hang.
define fuzzstep
	@echo "fuzzing $(1) for $(3) s ($(2))…"
	$(GO) test -count=1 -run '^$$' -fuzz '^$(2)$$' -fuzztime $(3)s $(4)
endef

## deps: Debian's graphviz (cross-checks of the DOT we emit; argmap itself needs none),
## chromium (the browser tests of argmap serve and argmap brief), poppler-utils (pdftotext
## reads the PDFs in tests) and Node with the Argdown parser (the Argdown export's tests),
## installed when missing
deps:
	@missing=""; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian's$$missing for the tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null 2>&1 || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; }; \
	  else echo "note: no$$missing; the tests that need it are skipped (they are required in CI)"; fi; \
	fi
	@if [ ! -d tools/argdown/node_modules/@argdown/core ] && command -v npm >/dev/null 2>&1; then \
	  echo "installing the Argdown parser (@argdown/core) in tools/argdown for the export tests"; \
	  npm ci --prefix tools/argdown --no-audit --no-fund --loglevel=error >/dev/null; \
	fi

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

## bench: run the benchmarks and print a table; the slow ones (seconds each) run 3 times
bench: deps build
	@{ $(GO) test -run '^$$' -bench . -skip 'MapGenerated|Process|Briefing' -benchmem ./...; \
	   $(GO) test -run '^$$' -bench 'MapGenerated|Process|Briefing' -benchtime 3x ./argmap/graph ./briefing ./cmd; } | ./scripts/benchtable

## fuzz: run the loader's fuzz target (FUZZTIME=5m by default)
fuzz:
	@echo "fuzzing the TOML loader for $(FUZZTIME) (FuzzLoad)…"
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./argmap

## golden: rewrite golden files (and the testscripts' golden sections) after an intended
## change of output; the one switch is ARGMAP_UPDATE_GOLDEN (internal/golden)
golden:
	ARGMAP_UPDATE_GOLDEN=1 $(GO) test ./...

clean:
	rm -rf bin
