#!/usr/bin/env bash
# `make bench`: every benchmark, on the release binary. BENCH_ONLY="sandbox-load catalog-time tui peers scale kiosk" picks some.
source "$(dirname "$0")/lib.sh"
[ -x "$BIN" ] || { echo "no binary at $BIN: make release" >&2; exit 1; }
for part in ${BENCH_ONLY:-sandbox-load startup catalog-time tui peers journey scale kiosk}; do
  echo "== $part"
  case "$part" in
    sandbox-load) "$BENCH_DIR/sandbox-load.sh" ;;
    startup) "$BENCH_DIR/startup-breakdown.sh" ;;
    catalog-time) "$BENCH_DIR/catalog-time.sh" ;;
    tui) "$BENCH_DIR/tui-bench.sh" ;;
    peers) "$BENCH_DIR/peers.sh" ;;
    journey) "$BENCH_DIR/journey.sh" ;;
    scale) "$BENCH_DIR/scale.sh" ;;
    kiosk) "$BENCH_DIR/kiosk-capacity.sh" ;;
    *) echo "unknown part $part" >&2; exit 2 ;;
  esac
done
echo "Results in $RESULTS"
