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
  if [ "$i" = "$RUNS" ]; then keys=(--key "step=jx$STEPS" --raw "$RESULTS/tui-warm-last.raw"); fi
  "${TUI[@]}" --home "$WORK/warm" "${keys[@]}" >>"$WORK/warm.jsonl"
done
{
  machine_note
  python3 "$BENCH_DIR/summarize.py" "$WORK/cold.jsonl" "$WORK/warm.jsonl"
} | tee "$RESULTS/tui.txt"
