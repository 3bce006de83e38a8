# Sourced by tools/demo and tools/test: installs what is missing (once), then builds.
# Debian 12 packages; npm packages pinned by package-lock.json.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# clang and libclang-rt-14-dev (libFuzzer and clang's sanitizer runtimes) build tests/fuzz; clang-14
# itself comes with clang-tidy already.
APT_PACKAGES=(cmake make g++ python3 unicode-data nlohmann-json3-dev libxml2-dev libssl-dev libdeflate-dev pkg-config libgtest-dev libbenchmark-dev clang-format clang-tidy
              clang libclang-rt-14-dev emscripten nodejs npm chromium)

log() { printf '\033[1m[encart]\033[0m %s\n' "$*"; }

install_system_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  # Node may come from elsewhere than Debian (this machine kind ships Node 20): keep it.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
  fi
  local wanted=()
  for pkg in "${missing[@]}"; do [[ -n "$pkg" ]] && wanted+=("$pkg"); done
  if ((${#wanted[@]})); then
    log "installing Debian packages: ${wanted[*]}"
    local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
  fi
}

check_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if ((major < 20)); then
    echo "[encart] Node.js 20 or newer is needed (found $(node --version 2>/dev/null || echo none))." >&2
    echo "[encart] Debian 12's nodejs is 18: install Node 20 (e.g. from NodeSource) and run again." >&2
    exit 1
  fi
}

install_node_packages() {
  # npm ci only when package-lock.json changed since the last install.
  local stamp=node_modules/.encart-lock.sha256
  if [[ ! -f $stamp || "$(cat "$stamp")" != "$(sha256sum < package-lock.json)" ]]; then
    log "installing npm packages (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
    sha256sum < package-lock.json > "$stamp"
  fi
}

build_wasm() {
  log "building the WebAssembly module and dist/"
  export NODE_PATH=/usr/share/nodejs  # Debian's emcc needs Debian's node modules (acorn)
  cmake --preset wasm-release >/dev/null
  cmake --build --preset wasm-release
}

build_native_tests() {
  log "building the native core and its tests (ASan + UBSan)"
  cmake --preset native-debug >/dev/null
  cmake --build --preset native-debug
}

build_fuzz() {
  log "building the libFuzzer targets (clang, ASan + UBSan)"
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz
}

install_system_packages
check_node
install_node_packages
