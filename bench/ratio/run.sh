#!/usr/bin/env bash
# WebAssembly vs native (issue 3, item 6): builds encart_ratio (bench/ratio/workloads.cpp) natively
# and for Node with Emscripten, both as Release builds of this tree, runs both on the same
# generated bundles one after the other, and prints a markdown table of the medians and the
# WASM/native ratios (flagging those above 1.5).
#
#   bench/ratio/run.sh [--no-build] [--reps=N] [--min-ms=MS] [--only=GROUPS] [--clock=cpu] [SIZE...]
#
# Environment (all optional):
#   NATIVE_BUILD_DIR  default build/bench-native-ratio
#   WASM_BUILD_DIR    default build/bench-wasm-ratio
#   OUT_DIR           where native.jsonl, wasm.jsonl and table.md go (default $NATIVE_BUILD_DIR/ratio)
#   NATIVE_CXX        native compiler, e.g. clang++ (use a fresh NATIVE_BUILD_DIR when changing it)
#   NATIVE_CXX_FLAGS  added to the Release flags of the native build (CMAKE_CXX_FLAGS)
#   WASM_CXX_FLAGS    added to the Release flags of the WASM build, compile and link (e.g. -flto)
#   WASM_LINK_FLAGS   added to the WASM link only (e.g. -sMALLOC=emmalloc)
#   NODE_FLAGS        passed to node before the script
#   ROUNDS            how many times to run the native/WASM alternation (default 1)
# Experiment with flags in other build directories, e.g.
#   WASM_BUILD_DIR=/tmp/wasm-lto WASM_CXX_FLAGS=-flto bench/ratio/run.sh 10000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

build=1
args=()
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    --reps=* | --min-ms=* | --only=* | --clock=*) args+=("$arg") ;;
    *[!0-9]* | '') echo "usage: $0 [--no-build] [--reps=N] [--min-ms=MS] [--only=load,filter,sidebar,facets] [--clock=cpu] [SIZE...]" >&2; exit 2 ;;
    *) args+=("$arg") ;;
  esac
done

NATIVE_BUILD_DIR=${NATIVE_BUILD_DIR:-$ROOT/build/bench-native-ratio}
WASM_BUILD_DIR=${WASM_BUILD_DIR:-$ROOT/build/bench-wasm-ratio}
OUT_DIR=${OUT_DIR:-$NATIVE_BUILD_DIR/ratio}
export NODE_PATH=/usr/share/nodejs  # Debian's emcc needs Debian's node modules (TOOLCHAIN.md)

log() { printf '\033[1m[encart ratio]\033[0m %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Build output goes to a log, shown only when a step fails.
quiet() {  # $1 log file, rest: command
  local out=$1; shift
  if ! "$@" >"$out" 2>&1; then
    tail -40 "$out" >&2
    log "failed: $* (full output: $out)"
    exit 1
  fi
}

start=$(now)
if ((build)); then
  mkdir -p "$NATIVE_BUILD_DIR" "$WASM_BUILD_DIR"
  log "native build (Release) in $NATIVE_BUILD_DIR"
  native_cfg=(-S "$ROOT" -B "$NATIVE_BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DENCART_BUILD_TESTS=OFF
              -DENCART_BUILD_BENCH=ON "-DCMAKE_CXX_FLAGS=${NATIVE_CXX_FLAGS:-}")
  [[ -n ${NATIVE_CXX:-} ]] && native_cfg+=("-DCMAKE_CXX_COMPILER=$NATIVE_CXX")
  quiet "$NATIVE_BUILD_DIR/ratio-build.log" cmake "${native_cfg[@]}"
  quiet "$NATIVE_BUILD_DIR/ratio-build.log" cmake --build "$NATIVE_BUILD_DIR" --target encart_ratio -j2

  # Only the encart_ratio target: this tree's `all` would also rebuild the product's dist/.
  log "WASM build (Emscripten, Release, ENCART_BUILD_WASM_BENCH=ON) in $WASM_BUILD_DIR"
  quiet "$WASM_BUILD_DIR/ratio-build.log" emcmake cmake -S "$ROOT" -B "$WASM_BUILD_DIR" -DCMAKE_BUILD_TYPE=Release \
    -DENCART_BUILD_TESTS=OFF -DENCART_BUILD_BENCH=ON -DENCART_BUILD_WASM_BENCH=ON \
    "-DCMAKE_CXX_FLAGS=${WASM_CXX_FLAGS:-}" "-DCMAKE_EXE_LINKER_FLAGS=${WASM_LINK_FLAGS:-}"
  quiet "$WASM_BUILD_DIR/ratio-build.log" cmake --build "$WASM_BUILD_DIR" --target encart_ratio -j2
  log "builds: $(elapsed "$start") s"
fi

native_bin="$NATIVE_BUILD_DIR/bench/encart_ratio"
wasm_js="$WASM_BUILD_DIR/bench/encart_ratio.js"
mkdir -p "$OUT_DIR"

# One size at a time, native then WASM, each in its own process, never in parallel: the two would
# share the CPUs and memory bandwidth. Interleaving exposes both sides to the same background
# load; ROUNDS=n repeats the whole alternation (the table takes the median of the rounds' medians
# and the best of their minima).
sizes=() opts=()
for arg in "${args[@]+"${args[@]}"}"; do
  if [[ $arg == --* ]]; then opts+=("$arg"); else sizes+=("$arg"); fi
done
((${#sizes[@]})) || sizes=(1000 10000 100000)
: >"$OUT_DIR/native.jsonl"
: >"$OUT_DIR/wasm.jsonl"
native_s=0 wasm_s=0
for ((round = 1; round <= ${ROUNDS:-1}; round++)); do
  for size in "${sizes[@]}"; do
    t=$(now)
    log "round $round, native: $native_bin ${opts[*]+"${opts[*]}"} $size"
    "$native_bin" "${opts[@]+"${opts[@]}"}" "$size" | tee -a "$OUT_DIR/native.jsonl" >&2
    native_s=$(awk -v a="$native_s" -v b="$(elapsed "$t")" 'BEGIN { print a + b }')
    t=$(now)
    log "round $round, wasm: node ${NODE_FLAGS:-} $wasm_js ${opts[*]+"${opts[*]}"} $size"
    # shellcheck disable=SC2086  # NODE_FLAGS is a list of flags
    node ${NODE_FLAGS:-} "$wasm_js" "${opts[@]+"${opts[@]}"}" "$size" | tee -a "$OUT_DIR/wasm.jsonl" >&2
    wasm_s=$(awk -v a="$wasm_s" -v b="$(elapsed "$t")" 'BEGIN { print a + b }')
  done
done

# The flags each side was built with, as the build system ran them (core and benchmark alike).
flags() {  # $1 build dir, $2 source path relative to ROOT
  node -e '
    const [db, file] = process.argv.slice(1);
    const entry = require(db + "/compile_commands.json").find((e) => e.file.endsWith(file));
    if (!entry) { console.log("(not found)"); process.exit(); }
    const words = entry.command.split(/\s+/);
    const keep = words.slice(1).filter((w, i, all) =>
      !/^-[IWo]|^@|^-isystem$|^-c$|\.(cpp|o)$/.test(w) && !/^-isystem$|^-o$/.test(all[i - 1] ?? ""));
    console.log(words[0].split("/").pop() + " " + keep.join(" "));' "$1" "$2"
}
link_cmd() {  # $1 build dir
  tr -s ' ' '\n' <"$1/bench/CMakeFiles/encart_ratio.dir/link.txt" |
    grep -E '^-(O|s|f|g|m|D|-pre-js|-profiling)' | sed "s|$ROOT/||" | tr '\n' ' '
}

{
  echo "## WebAssembly vs native ($(date -u +%Y-%m-%dT%H:%MZ), $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo
  node "$ROOT/bench/ratio/table.mjs" "$OUT_DIR/native.jsonl" "$OUT_DIR/wasm.jsonl" 1.5 || echo "(bundles differ: see above)"
  echo
  echo "Build flags:"
  echo "- native core:  $(flags "$NATIVE_BUILD_DIR" src/bundle/parser.cpp)"
  echo "- WASM core:    $(flags "$WASM_BUILD_DIR" src/bundle/parser.cpp)"
  echo "- WASM link:    em++ $(link_cmd "$WASM_BUILD_DIR")"
  echo "- runtime:      node $(node --version) ${NODE_FLAGS:-}"
  echo
  echo "Wall time: native run ${native_s} s, WASM run ${wasm_s} s, total with builds $(elapsed "$start") s."
} | tee "$OUT_DIR/table.md"
