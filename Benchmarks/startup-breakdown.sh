#!/usr/bin/env bash
# Where the time before the first frame goes: the bare process (--help), and the sandbox's start (open, migrate,
# seed when new) as `sandbox serve` until it prints its URL, on a new and on an existing database.
source "$(dirname "$0")/lib.sh"
WORK="$(mktemp -d)"
trap 'stop_sandbox; rm -rf "$WORK"' EXIT
serve_ms() { # DB: ms from start to the URL printed
  local t0 t1; t0=$(date +%s%N); start_sandbox "$1"; t1=$(date +%s%N); stop_sandbox
  echo $(((t1 - t0) / 1000000))
}
{
  machine_note
  hyperfine -N --warmup 3 --runs 20 --style none --export-json "$WORK/help.json" "$BIN --help" >/dev/null 2>&1 || true
  python3 -c "
import json; r = json.load(open('$WORK/help.json'))['results'][0]
print(f'process start to exit (storefront --help, 20 runs): mean {r[\"mean\"]*1000:.1f} ms  min {r[\"min\"]*1000:.1f} ms')"
  new=(); old=()
  for i in 1 2 3; do new+=("$(serve_ms "$WORK/new-$i.sqlite")"); done
  for i in 1 2 3; do old+=("$(serve_ms "$WORK/new-1.sqlite")"); done
  echo "sandbox serve to URL, new database (create, migrate, seed): ${new[*]} ms"
  echo "sandbox serve to URL, existing database:                     ${old[*]} ms"
} | tee "$RESULTS/startup-breakdown.txt"
