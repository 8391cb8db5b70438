# Shared helpers for the benchmark scripts (sourced).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
# The release binary by default (what the numbers are for); STOREFRONT_BIN overrides.
BIN="${STOREFRONT_BIN:-$ROOT/.build/release/storefront}"
RESULTS="${BENCH_RESULTS:-$ROOT/Benchmarks/results}"
mkdir -p "$RESULTS"

# start_sandbox DB [extra args...]: starts `storefront sandbox serve` on a free port; sets SB_PID and SB_URL.
start_sandbox() {
  local db="$1"; shift
  local out; out="$(mktemp)"
  "$BIN" sandbox serve --port 0 --db "$db" "$@" >"$out" 2>/dev/null &
  SB_PID=$!
  for _ in $(seq 1 6000); do
    if [ -s "$out" ]; then break; fi
    if ! kill -0 "$SB_PID" 2>/dev/null; then echo "sandbox failed to start" >&2; return 1; fi
    sleep 0.1
  done
  SB_URL="$(head -n1 "$out")"
  rm -f "$out"
}

stop_sandbox() {
  if [ -n "${SB_PID:-}" ]; then kill "$SB_PID" 2>/dev/null || true; wait "$SB_PID" 2>/dev/null || true; SB_PID=""; fi
}

# The machine's state, for the record next to every number.
machine_note() {
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(uname -m) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), binary $BIN"
}
