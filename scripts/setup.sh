#!/usr/bin/env bash
# Idempotent developer/CI setup for cc-number-events.
#
#   scripts/setup.sh            Rust wasm target, wasm-bindgen-cli (version from Cargo.lock), npm deps
#   scripts/setup.sh --browser  ... and Debian's Chromium (/usr/bin/chromium) for browser tests
#
# Fast when everything is already present. Never downloads browsers through
# Playwright and never uses Debian's binaryen (wasm-opt comes from npm).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

WANT_BROWSER=0
for arg in "$@"; do
  case "$arg" in
    --browser) WANT_BROWSER=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo not found (install Rust with rustup)"
command -v node >/dev/null || die "node not found (install Node.js 20+)"
command -v npm >/dev/null || die "npm not found"

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js >= 20 required (found $(node --version))"

# --- Rust: wasm target and the components `make test` uses -------------------
if command -v rustup >/dev/null; then
  if ! rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    log "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  missing_components=()
  cargo fmt --version >/dev/null 2>&1 || missing_components+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing_components+=(clippy)
  if [ "${#missing_components[@]}" -gt 0 ]; then
    log "adding rust components: ${missing_components[*]}"
    rustup component add "${missing_components[@]}"
  fi
else
  log "warning: rustup not found; assuming wasm32-unknown-unknown is available"
fi

# --- wasm-bindgen-cli, exactly the version Cargo.lock resolved ---------------
if [ ! -f Cargo.lock ]; then
  log "no Cargo.lock yet; running cargo generate-lockfile"
  cargo generate-lockfile || log "warning: cargo generate-lockfile failed"
fi
wb_version=""
if [ -f Cargo.lock ]; then
  wb_version=$(awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    /^\[\[package\]\]/ { found = 0 }
  ' Cargo.lock)
fi
if [ -z "$wb_version" ]; then
  # Fallback (e.g. no src/ yet): an exact `wasm-bindgen = "=X.Y.Z"` pin in Cargo.toml.
  wb_version=$(sed -n 's/^wasm-bindgen *= *"=\([0-9][0-9.]*\)".*/\1/p' Cargo.toml | head -n1)
  if [ -n "$wb_version" ]; then log "warning: using the wasm-bindgen pin from Cargo.toml ($wb_version)"; fi
fi
[ -n "$wb_version" ] || die "could not determine the wasm-bindgen version from Cargo.lock"

wb_installed() {
  command -v wasm-bindgen >/dev/null 2>&1 || return 1
  [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$wb_version" ]
}

# Another `cargo install wasm-bindgen-cli` may already be running (e.g. started
# by a previous, interrupted setup); wait for it instead of racing it.
wait_for_other_cargo_install() {
  local waited=0
  while pgrep -f 'cargo install wasm-bindgen-cli' >/dev/null 2>&1; do
    [ "$waited" -eq 0 ] && log "waiting for a running 'cargo install wasm-bindgen-cli' to finish"
    sleep 5; waited=$((waited + 5))
    [ "$waited" -lt 1800 ] || die "timed out waiting for the other wasm-bindgen-cli install"
  done
}

if ! wb_installed; then
  wait_for_other_cargo_install
  if ! wb_installed; then
    log "installing wasm-bindgen-cli $wb_version (found: $(wasm-bindgen --version 2>/dev/null || echo none))"
    # No --locked: its lockfile pins crates this registry does not serve.
    cargo install wasm-bindgen-cli --version "$wb_version" --force
  fi
fi
wb_installed || die "wasm-bindgen $wb_version not on PATH after install"
command -v wasm-bindgen-test-runner >/dev/null || die "wasm-bindgen-test-runner missing (comes with wasm-bindgen-cli)"

# --- npm dev dependencies (binaryen/wasm-opt, playwright-core, typescript) ----
if [ -f package.json ]; then
  stamp=node_modules/.package-lock.json   # npm rewrites this on every install
  need_npm=0
  if [ ! -d node_modules ] || [ ! -f "$stamp" ]; then
    need_npm=1
  elif [ -f package-lock.json ] && [ package-lock.json -nt "$stamp" ]; then
    need_npm=1
  elif [ package.json -nt "$stamp" ]; then
    need_npm=1
  fi
  if [ "$need_npm" -eq 1 ]; then
    if [ -f package-lock.json ]; then
      log "npm ci"
      npm ci --no-audit --no-fund
    else
      log "npm install (no package-lock.json yet)"
      npm install --no-audit --no-fund
    fi
  fi
  [ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt missing (binaryen devDependency)"
fi

# --- Chromium for browser tests (Debian package, never Playwright's download) --
if [ "$WANT_BROWSER" -eq 1 ] && [ ! -x /usr/bin/chromium ]; then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to apt-get install chromium"
    SUDO=(sudo)
  fi
  # Wait for any apt/dpkg run already in progress (it may be installing chromium).
  waited=0
  while pgrep -x apt-get >/dev/null 2>&1 || pgrep -x apt >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1; do
    [ "$waited" -eq 0 ] && log "waiting for a running apt-get/dpkg to finish"
    sleep 5; waited=$((waited + 5))
    [ "$waited" -lt 1800 ] || die "timed out waiting for apt-get/dpkg"
  done
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian chromium + chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y chromium chromium-driver
  fi
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium still missing"
fi

summary="wasm-bindgen $wb_version"
if [ "$WANT_BROWSER" -eq 1 ]; then summary="$summary, $(/usr/bin/chromium --version 2>/dev/null | head -n1)"; fi
log "ok ($summary)"
