#!/usr/bin/env bash
# The catalog sooner (issue #18): fork to first frame and to the catalog, ours (warm, warm without the saved page,
# cold) beside tig and htop, in one run, median of BENCH_ROUNDS (5) interleaved rounds. BEFORE_BIN=path adds
# another build's rows. Also `BENCH_ONLY=catalog-time make bench`.
source "$(dirname "$0")/lib.sh"
for tool in tig htop python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y tig htop python3" >&2; exit 1; }
done
{
  machine_note
  python3 "$BENCH_DIR/catalog-time.py" --bin "$BIN" --rounds "${BENCH_ROUNDS:-5}" ${BEFORE_BIN:+--before "$BEFORE_BIN"}
  echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS/catalog-time.txt"
