#!/usr/bin/env bash
# The app through a real pty at 80x24 on the in-process sandbox (tui.py): cold and warm start, list steps.
source "$(dirname "$0")/lib.sh"
RUNS="${BENCH_RUNS:-5}"
STEPS="${BENCH_STEPS:-60}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
TUI=(python3 "$BENCH_DIR/tui.py" --bin "$BIN")
: >"$WORK/cold.jsonl"
: >"$WORK/warm.jsonl"
for i in $(seq 1 "$RUNS"); do
  # Cold: a new home each time (the sandbox database is created and seeded; no stored token).
  mkdir -p "$WORK/cold-$i"
  "${TUI[@]}" --home "$WORK/cold-$i" >>"$WORK/cold.jsonl"
done
mkdir -p "$WORK/warm"
"${TUI[@]}" --home "$WORK/warm" >/dev/null # seeds the database and stores a token
for i in $(seq 1 "$RUNS"); do
  # Warm: the same home (database and token exist); the last run also steps through the list.
  keys=()
  if [ "$i" = "$RUNS" ]; then
    # List steps; a product into the cart; opening the cart (and back) 5 times; 20 quantity changes; 3 repaints.
    keys=(--step "key|step|j|$STEPS" --step 'press|\r|add to cart' --step 'press|\r|item')
    for _ in 1 2 3 4 5; do keys+=(--step 'key|open-cart|c|1' --step 'press|\x1b|search'); done
    keys+=(--step 'press|c|checkout')
    for _ in 1 2; do keys+=(--step 'key|quantity|+|5' --step 'key|quantity-|-|5'); done
    keys+=(--step 'key|repaint|\x0c|3' --raw "$RESULTS/tui-warm-last.raw")
  fi
  "${TUI[@]}" --home "$WORK/warm" "${keys[@]}" >>"$WORK/warm.jsonl"
done
{
  machine_note
  python3 "$BENCH_DIR/summarize.py" "$WORK/cold.jsonl" "$WORK/warm.jsonl"
} | tee "$RESULTS/tui.txt"
