#!/usr/bin/env bash
# The sandbox alone on loopback: requests/s and p50/p99 for cart reads (GET /carts/{id}) and item updates
# (POST /carts/{id}/items), with 1 and 32 connections, measured with wrk.
source "$(dirname "$0")/lib.sh"
DURATION="${BENCH_DURATION:-10s}"
WORK="$(mktemp -d)"
trap 'stop_sandbox; rm -rf "$WORK"' EXIT
start_sandbox "$WORK/sandbox.sqlite"
KEY="X-Api-Key: bench"
TOKEN="$(curl -fsS -XPOST -H "$KEY" "$SB_URL/auth/anonymous" | python3 -c 'import json,sys; print(json.load(sys.stdin)["content"]["access_token"])')"
PRODUCT="$(curl -fsS -H "$KEY" "$SB_URL/catalog/products?limit=20" | python3 -c '
import json,sys
ps = json.load(sys.stdin)["content"]["products"]
print(next(p["id"] for p in ps if not p["has_variant"] and p.get("stock_available")))')"
CART="$(curl -fsS -XPOST -H "$KEY" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"items\":[{\"product_id\":\"$PRODUCT\",\"quantity\":1}]}" "$SB_URL/carts" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["content"]["cart"]["id"])')"
cat >"$WORK/update.lua" <<LUA
-- Item updates: quantity cycles 1, 2, 3 so that every request changes the cart.
local n = 0
request = function()
  n = n + 1
  local body = '{"product_id":"$PRODUCT","quantity":' .. (n % 3 + 1) .. '}'
  -- nil headers: wrk.headers (the -H ones) plus Content-Type.
  wrk.headers["Content-Type"] = "application/json"
  return wrk.format("POST", nil, nil, body)
end
LUA
run() { # name connections threads [wrk args...]
  local name="$1" conns="$2" threads="$3"; shift 3
  local out="$WORK/$name-$conns.txt"
  wrk -t"$threads" -c"$conns" -d"$DURATION" --latency -H "$KEY" -H "Authorization: Bearer $TOKEN" "$@" >"$out"
  # Every answer must be a 2xx: wrk reports the others as "Non-2xx or 3xx responses".
  local bad; bad="$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$out" | grep -o '[0-9]*$' || echo 0)"
  python3 - "$out" "$name" "$conns" "$bad" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def pct(p):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, text, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
print(f"{sys.argv[2]:<13} conns={sys.argv[3]:>2}  {rps:9.0f} req/s  p50 {pct(50):7.2f} ms  p99 {pct(99):7.2f} ms  non-2xx {sys.argv[4]}")
PY
}
{
  machine_note
  echo "# wrk $DURATION per row, one anonymous user's cart with one line"
  run cart-read 1 1 "$SB_URL/carts/$CART"
  run cart-read 32 2 "$SB_URL/carts/$CART"
  run item-update 1 1 -s "$WORK/update.lua" "$SB_URL/carts/$CART/items"
  run item-update 32 2 -s "$WORK/update.lua" "$SB_URL/carts/$CART/items"
} | tee "$RESULTS/sandbox-load.txt"
