# cc-number-events: build / serve / test entry points.
# On a fresh Debian machine with rustup, Node 20 and npm, `make serve` and
# `make test` install everything else they need (scripts/setup.sh).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

CRATE      := cc_number_events
WASM_TGT   := wasm32-unknown-unknown
WASM       := target/$(WASM_TGT)/release/$(CRATE).wasm
# The validate-only module (`cc-number-events/validate`): the same crate without the
# `js-summarize` feature, built under a profile of its own (Cargo.toml) so that the two builds
# keep their own folders and stay incremental.
VALIDATE   := $(CRATE)_validate
WASM_VALIDATE := target/$(WASM_TGT)/validate/$(CRATE).wasm
VALIDATE_FEATURES := --no-default-features --features serde
PKG_STAMP  := target/pkg.stamp
PORT       ?= 8080
# -O3, not -Oz: on the size-optimised module it is 8% faster for 0.2 KB more gzip
# (measured 2026-11-27). The features are those a Rust >= 1.82 wasm32-unknown-unknown
# build emits by default (LLVM "generic" CPU); wasm-opt rejects the module if one is missing.
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types \
  --enable-multivalue
# `--low-memory-unused`: a load or store at `pointer + constant` takes the constant as its
# offset instead of adding it first. The two differ only where the sum wraps past 4 GB,
# which would land in the first KB of memory: no pointer of the module's is that close to
# 4 GB (the data starts at 1 MB, the stack grows down from there), so no access changes.
# 0.8 KB gzip less on the full module, at the same or fewer instructions (2026-12-01).
WASM_OPT_FLAGS := -O3 --low-memory-unused $(WASM_FEATURES)
# Laid out for a smaller gzip at the same speed (measured 2026-12-01):
# - `-ocimfs 400`: a function of more than 400 bytes with one caller stays a function, not
#   inlined into its caller (binaryen inlines them all by default). Gzip finds more repeats in
#   many functions of the same shapes, with few locals each, than in a few huge ones: 1.1 KB
#   gzip less on the full module and 0.6 KB on the validate-only one, for 0.4 KB more raw;
#   validate and summarize ran the same instructions within 0.2% (callgrind). Lower limits
#   save more and cost speed: at 100, 0.9 KB more and up to 0.7% more instructions; at 25,
#   1.4 KB more and up to 1.2%.
# - the functions reordered so that each sits next to the code gzip's 32 KB window compresses
#   it best against (scripts/order-functions.mjs names them in that order, from the names
#   wasm-opt `-g` keeps; `--reorder-functions-by-name` moves them; `--strip-debug` drops the
#   names, as wasm-opt did without `-g`). The code is the same; the full module's gzip is
#   3.9 KB smaller than in wasm-opt's order (1.7 KB in the order of the names alone), the
#   validate-only module's 1.9 KB. It takes 10-40 s of the build.
WASM_OPT_LAYOUT := -ocimfs 400 -g
# The full module (summarize, reconcile) is built with WebAssembly SIMD (`simd128`), appended
# to .cargo/config.toml's flags for this build only: the line-break scan of a log
# (src/text/position.rs) and the UTF-8 and ASCII checks become 16-byte vector compares, and
# `summarize` of the bench's 10 MB logs ran 1.15x as fast for 2.5 KB less .wasm (measured
# 2026-12-01, bench/RESULTS.md). Node >= 16.4, Chrome/Edge 91, Firefox 89, Safari 16.4, Deno,
# Bun and Cloudflare Workers run it. The validate-only module, which webhook handlers load,
# keeps the baseline features.
FULL_SIMD := --config 'target.$(WASM_TGT).rustflags=["-C","target-feature=+simd128"]'
# The validate-only module is built with LLVM's inline threshold at 50, appended after
# .cargo/config.toml's 100 (the last one counts): 1.2 KB gzip less (97,714 -> 96,523 B, Node
# zlib -9), towards issue #11's bound on the .wasm. The few small predicates every call runs
# (src/model/formats.rs, civil_from_days, is_api_path, Encoded::valid_after) are `#[inline]`
# so that they stay inlined at 50; with them, validate(string) on this module ran 0.7% more
# instructions on real traffic, 0.6% on the added-field corpus and 3.4% on invalid payloads
# (callgrind, Node + wasm, 2026-12-01) and, timed as the bench times a call, no slower. At 40
# the module was 1.5 KB smaller again but calls took about 6% longer (bench/RESULTS.md).
VALIDATE_INLINE := --config 'target.$(WASM_TGT).rustflags=["-C","llvm-args=-inline-threshold=50"]'

.PHONY: build setup setup-browser serve test bench bench-cli fuzz clean

setup:
	@scripts/setup.sh

setup-browser:
	@scripts/setup.sh --browser

# `cargo build` always runs (it is incremental); bindgen/wasm-opt/packaging
# only rerun when the wasm or the packaging inputs changed.
build: setup
	@echo "==> cargo build --release --target $(WASM_TGT) (+simd128)"
	cargo build --release --target $(WASM_TGT) $(FULL_SIMD)
	@echo "==> cargo build --profile validate --target $(WASM_TGT) --lib $(VALIDATE_FEATURES) (inline threshold 50)"
	cargo build --profile validate --target $(WASM_TGT) --lib $(VALIDATE_FEATURES) $(VALIDATE_INLINE)
	@$(MAKE) --no-print-directory $(PKG_STAMP)
	@# Let tests (tests/js, tests/ts) import 'cc-number-events' exactly as a consumer would.
	@mkdir -p node_modules && ln -sfn ../pkg node_modules/cc-number-events

$(PKG_STAMP): $(WASM) $(WASM_VALIDATE) Cargo.lock Makefile scripts/package.mjs scripts/order-functions.mjs $(wildcard src/js/*.js) bin/cc-number-events.mjs $(wildcard schema/*.json) $(wildcard npm/README.md npm/viewer/* LICENSE-MIT LICENSE-APACHE www/viewer/*)
	@echo "==> wasm-bindgen $$(wasm-bindgen --version | cut -d' ' -f2) (nodejs + web)"
	rm -rf pkg www/pkg
	@# Each module's two glues in pkg/node and pkg/web, side by side.
	for m in "$(CRATE) $(WASM)" "$(VALIDATE) $(WASM_VALIDATE)"; do set -- $$m; \
	  wasm-bindgen --target nodejs --out-dir pkg/node --out-name $$1 $$2; \
	  wasm-bindgen --target web --out-dir pkg/web --out-name $$1 $$2; \
	done
	@# Both targets emit the same module: the package ships web/'s, which the Node glue reads
	@# (scripts/package.mjs), so that it carries one copy of each.
	@echo "==> wasm-opt (binaryen from node_modules)"
	for m in "$(CRATE) --enable-simd" "$(VALIDATE)"; do set -- $$m; m=$$1; shift; \
	  cmp pkg/node/$${m}_bg.wasm pkg/web/$${m}_bg.wasm; \
	  rm pkg/node/$${m}_bg.wasm; \
	  f=pkg/web/$${m}_bg.wasm; before=$$(stat -c %s "$$f"); \
	  wasm-opt $(WASM_OPT_FLAGS) "$$@" $(WASM_OPT_LAYOUT) "$$f" -o "$$f"; \
	  node scripts/order-functions.mjs "$$f"; \
	  wasm-opt $(WASM_FEATURES) "$$@" --reorder-functions-by-name --strip-debug "$$f" -o "$$f"; \
	  echo "   $$f: $$before -> $$(stat -c %s "$$f") bytes"; \
	done
	@echo "==> assemble npm package in pkg/"
	node scripts/package.mjs
	@mkdir -p $(@D) && touch $@

serve: build
	@echo "==> serving www/ (PORT=$(PORT))"
	PORT=$(PORT) node scripts/serve.mjs

test: setup-browser
	@$(MAKE) --no-print-directory build
	@echo "==> cargo fmt --check"
	cargo fmt --check
	@echo "==> cargo clippy --all-targets -- -D warnings"
	cargo clippy --all-targets -- -D warnings
	@echo "==> cargo clippy --no-default-features --all-targets -- -D warnings (the core without serde)"
	cargo clippy --no-default-features --all-targets -- -D warnings
	@echo "==> cargo clippy --target $(WASM_TGT) --all-targets -- -D warnings"
	cargo clippy --target $(WASM_TGT) --all-targets -- -D warnings
	@echo "==> cargo clippy --target $(WASM_TGT) --lib $(VALIDATE_FEATURES) -- -D warnings (the validate-only module)"
	cargo clippy --target $(WASM_TGT) --lib $(VALIDATE_FEATURES) -- -D warnings
	@echo "==> cargo doc (no warnings: every link in the public docs resolves)"
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps
	@echo "==> cargo test (native)"
	cargo test
	@echo "==> cargo test --no-default-features (the core without serde)"
	cargo test --no-default-features
	@echo "==> cargo test --release --test hostile (100 MB-class hostile inputs and scaling figures, one at a time so timings are not shared)"
	@# Without the `cli` feature: with it, the release build links the binary too, and cargo
	@# compiles the library twice into the same file (lto, rust-lang/cargo#6313), which fails
	@# that link at random. The hostile inputs need only the library.
	cargo test --release --no-default-features --features serde --test hostile -- --test-threads=1
	@echo "==> cargo test --target $(WASM_TGT) (wasm-bindgen-test-runner, Node)"
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target $(WASM_TGT) --lib --tests
	@echo "==> tsc --noEmit -p tests/ts (TypeScript consumer check)"
	@if [ -f tests/ts/tsconfig.json ]; then tsc --noEmit -p tests/ts; \
	 else echo "   skipped: no tests/ts/tsconfig.json"; fi
	@echo "==> node --test tests/js/"
	@files=$$( { if [ -d tests/js ]; then find tests/js -type f \( -name '*.test.mjs' -o -name '*.test.js' -o -name '*.test.cjs' \); fi; } | sort); \
	 if [ -n "$$files" ]; then node --test $$files; else echo "   skipped: no tests/js/*.test.{mjs,js,cjs}"; fi
	@echo "==> node tests/js/*.serial.mjs (timings and memory figures, alone on the machine)"
	node --test --test-concurrency=1 tests/js/*.serial.mjs
	@echo "==> publint and attw on the packed tarball (what npm would publish; offline)"
	rm -rf target/pack && mkdir -p target/pack
	npm pack ./pkg --pack-destination target/pack --silent
	publint run --strict target/pack/cc-number-events-*.tgz
	@# node16 profile: subpaths exist only under "exports", which node10 resolution cannot see.
	@# cjs-resolves-to-esm: the web build and the viewer are ES modules for browsers by design
	@# (CommonJS has `cc-number-events` and `cc-number-events/node`). The stylesheet has no types.
	attw --profile node16 --no-definitely-typed --ignore-rules cjs-resolves-to-esm \
	  --exclude-entrypoints ./viewer/cc-event-viewer.css --format table-flipped target/pack/cc-number-events-*.tgz
	@echo "==> node --test tests/browser/ (headless Chromium)"
	@files=$$( { if [ -d tests/browser ]; then find tests/browser -type f \( -name '*.test.mjs' -o -name '*.test.js' \); fi; } | sort); \
	 if [ -n "$$files" ]; then node --test --test-concurrency=1 $$files; else echo "   skipped: no tests/browser/*.test.mjs"; fi
	@echo "==> all checks passed"

# Fuzzing. `boundary` (fuzz/boundary.mjs, run first) throws hostile JavaScript values at the npm
# package: lying typed arrays, Proxies, getters, option values of every type; a violation
# prints its seed and case, which replay alone. The others are coverage-guided fuzzing of
# validate() and summarize() (fuzz/), seeded with the fixtures.
# FUZZ_TIME is seconds per target; the targets run one after the other at low priority.
# A crash leaves its input in fuzz/artifacts/<target>/: add it to tests/hostile.rs.
FUZZ_TIME    ?= 900
FUZZ_TARGETS ?= boundary validate summarize
FUZZ_FLAGS   ?= -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
fuzz:
	@if [[ " $(FUZZ_TARGETS) " == *" boundary "* ]]; then \
	  $(MAKE) --no-print-directory build; \
	  echo "==> node fuzz/boundary.mjs ($(FUZZ_TIME) s)"; \
	  nice -n 19 node fuzz/boundary.mjs --time $(FUZZ_TIME); \
	fi
	@for t in $(filter-out boundary,$(FUZZ_TARGETS)); do \
	  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz; \
	  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal; \
	  mkdir -p fuzz/corpus/$$t; \
	  find tests/fixtures -type f ! -name '*.expected' ! -name '*.rendered' -exec cp {} fuzz/corpus/$$t/ \; ; \
	  echo "==> cargo +nightly fuzz run $$t ($(FUZZ_TIME) s)"; \
	  nice -n 19 cargo +nightly fuzz run $$t fuzz/corpus/$$t -- -max_total_time=$(FUZZ_TIME) $(FUZZ_FLAGS); \
	done

# BENCH_ARGS: e.g. `make bench BENCH_ARGS=--record` (append a dated run to bench/RESULTS.md),
# --quick, --skip-native, --skip-startup, --runs N (see bench/README.md).
BENCH_ARGS ?=
bench: build
	@if [ -f bench/run.mjs ]; then node bench/run.mjs $(BENCH_ARGS); else echo "no bench/run.mjs; nothing to run"; fi

# Issue #13's command-line targets (bench/cli.mjs): writes a 1 GB log under target/bench (deleted
# afterwards), pipes a 2.5 GB one; minutes, not part of `make bench`. BENCH_CLI_ARGS: e.g.
# --record, --runs 1, --bytes 2e8 --big 0 (a quick look).
BENCH_CLI_ARGS ?=
bench-cli: build
	node bench/cli.mjs $(BENCH_CLI_ARGS)

clean:
	cargo clean
	rm -rf pkg www/pkg node_modules/cc-number-events
