#!/usr/bin/env bash
# Capacity of the SSH kiosk: N concurrent visitors through the real sshd on loopback (root; openssh-server).
# KIOSK_N="10 50 100 200" picks the sizes, KIOSK_STAGGER the seconds between two arrivals (default 0.05),
# KIOSK_DEADLINE the seconds one size may take after the last arrival (default 120). One JSON line per size in
# Benchmarks/results/kiosk-capacity.jsonl.
source "$(dirname "$0")/lib.sh"
[ "$(id -u)" = 0 ] || { echo "kiosk-capacity needs root (sshd)" >&2; exit 1; }
WORK=/var/lib/storefront-bench
rm -rf "$WORK"; mkdir -p "$WORK/keys"; chmod 755 "$WORK"
trap 'stop_sandbox; [ -n "${SSHD_PID:-}" ] && kill "$SSHD_PID" 2>/dev/null; pgrep -f "kiosk-session --config $WORK/" | xargs -r kill 2>/dev/null || true' EXIT
start_sandbox "$WORK/sandbox.sqlite" --api-key bench-key
echo -n bench-key > "$WORK/api.key"
PORT=$((20000 + RANDOM % 10000))
"$BIN" ssh-kiosk init --dir "$WORK/kiosk" --port "$PORT" --listen 127.0.0.1 --user root --store-url "$SB_URL" \
  --api-key-file "$WORK/api.key" >/dev/null
mkdir -p /run/sshd
/usr/sbin/sshd -f "$WORK/kiosk/sshd_config" -D -e 2>"$WORK/sshd.log" &
SSHD_PID=$!
for _ in $(seq 1 100); do grep -q "Server listening" "$WORK/sshd.log" && break; sleep 0.1; done
SIZES="${KIOSK_N:-10 50 100 200}"
MAX=0; for n in $SIZES; do [ "$n" -gt "$MAX" ] && MAX=$n; done
for i in $(seq 0 $((MAX - 1))); do ssh-keygen -q -t ed25519 -N "" -C "v$i" -f "$WORK/keys/key-$i"; done
OUT="$RESULTS/kiosk-capacity.jsonl"
machine_note | tee -a "$OUT"
for n in $SIZES; do
  python3 "$BENCH_DIR/kiosk-capacity.py" --n "$n" --port "$PORT" --keys "$WORK/keys" --kiosk-dir "$WORK/kiosk" \
    --sandbox-pid "$SB_PID" --sshd-pid "$SSHD_PID" --stagger "${KIOSK_STAGGER:-0.05}" --deadline "${KIOSK_DEADLINE:-120}" | tee -a "$OUT"
  sleep 3
done
