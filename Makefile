# Storefront TUI — two commands on a fresh machine: `make run` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libncursesw5-dev libqrencode-dev libsqlite3-dev libcurl4-openssl-dev tmux ncurses-term openssh-server openssh-client openssl stunnel4 tinyproxy
BIN := .build/debug/storefront
# What `make bench` needs on top: load generator, timing and profiling tools, the pty driver's python3, and the
# peers measured beside us (htop, tig; script(1) is in bsdutils).
BENCH_APT_PACKAGES := wrk hyperfine valgrind python3 curl htop tig bsdutils

.PHONY: run test build release deps lint format bench reliability clean man install uninstall

## Install the Debian packages the build and the tests need (as root), or say exactly how.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing system packages. Run:  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

## Open the shop on the built-in sandbox store.
run: build
	$(BIN)

## Every test: unit, HTTP against the sandbox, and end to end in tmux. generate-manual (argument-parser's) is
## built for the test that fails when man/storefront.1 is stale.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	$(SWIFT) test --skip-build

## Faults, bad input and hostile use (RELIABILITY.md). RELIABILITY_EXAMPLES sets schemathesis' depth;
## FUZZ_KEYS the headless fuzzer's keys, TMUX_FUZZ_KEYS the keys sent to the real binary in tmux.
RELIABILITY_EXAMPLES ?= 30
FUZZ_KEYS ?= 1000000
TMUX_FUZZ_KEYS ?= 10000
reliability: deps
	$(SWIFT) build --build-tests
	FUZZ_KEYS=$(FUZZ_KEYS) TMUX_FUZZ_KEYS=$(TMUX_FUZZ_KEYS) $(SWIFT) test --skip-build --filter "KeystrokeFuzz|Robustness|Chaos|Secrets|HostileUse|EndToEnd"
	bash Reliability/schemathesis.sh $(RELIABILITY_EXAMPLES)

## The release binary (.build/release/storefront). Every module, the dependencies' too, reaches generic metadata
## through accessors rather than mangled names (Package.swift says why; it can set that for our own modules only):
## ~50 more of the runtime's conformance scans off a cold start (BENCHMARKS.md, run N).
RELEASE_SWIFTFLAGS := -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
release: deps
	$(SWIFT) build -c release --product storefront $(RELEASE_SWIFTFLAGS)

## Benchmarks (not tests): release build, then the harness in Benchmarks/; numbers go to Benchmarks/results/.
bench:
	@$(MAKE) --no-print-directory deps APT_PACKAGES="$(APT_PACKAGES) $(BENCH_APT_PACKAGES)"
	@$(MAKE) --no-print-directory release
	Benchmarks/run.sh

## The man page: the binary's --experimental-dump-help through argument-parser's generate-manual plugin.
## MAN_DATE is the page's date (fixed, so that the page changes only when the commands do).
MAN_DATE ?= 2026-05-01
man: build
	$(SWIFT) package plugin generate-manual --configuration debug --date $(MAN_DATE)
	mkdir -p man && cp .build/plugins/GenerateManual/outputs/storefront/storefront.1 man/storefront.1

## `make install PREFIX=/usr/local` (and DESTDIR for staging): a release build, the binary, the man page and the
## bash, zsh and fish completions (written by the binary itself); `make uninstall` removes them.
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
INSTALLED = $(BINDIR)/storefront $(MANDIR)/storefront.1 $(BASHDIR)/storefront $(ZSHDIR)/_storefront \
	$(FISHDIR)/storefront.fish
install: release
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 .build/release/storefront $(BINDIR)/storefront
	install -m 0644 man/storefront.1 $(MANDIR)/storefront.1
	.build/release/storefront --generate-completion-script bash > $(BASHDIR)/storefront
	.build/release/storefront --generate-completion-script zsh > $(ZSHDIR)/_storefront
	.build/release/storefront --generate-completion-script fish > $(FISHDIR)/storefront.fish
	chmod 0644 $(BASHDIR)/storefront $(ZSHDIR)/_storefront $(FISHDIR)/storefront.fish

uninstall:
	rm -f $(INSTALLED)

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

clean:
	rm -rf .build
