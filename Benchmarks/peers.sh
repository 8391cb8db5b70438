#!/usr/bin/env bash
# Bytes per action beside htop and tig (Debian's; `make bench` installs them), in tmux under script(1), both TERMs.
source "$(dirname "$0")/lib.sh"
for tool in tmux script htop tig; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y tmux bsdutils htop tig" >&2; exit 1; }
done
{
  machine_note
  python3 "$BENCH_DIR/peers.py" --bin "$BIN" --steps "${BENCH_PEER_STEPS:-20}"
} | tee "$RESULTS/peers.txt"
