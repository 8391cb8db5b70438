#!/usr/bin/env bash
# Scale: a 100k-product catalog. Seeding time; the sandbox's answer times for the first and a deep page and for
# search as you type ("kettle", one request per prefix, as the app sends after its 300 ms debounce); then the app
# on that database through the pty: catalog shown, list steps (key to frame, bytes) and peak RSS.
source "$(dirname "$0")/lib.sh"
SIZE="${BENCH_CATALOG_SIZE:-100000}"
STEPS="${BENCH_STEPS:-60}"
WORK="$(mktemp -d)"
trap 'stop_sandbox; rm -rf "$WORK"' EXIT
DB="$WORK/large.sqlite"
KEY="X-Api-Key: bench"
{
  machine_note
  start=$(date +%s.%N)
  start_sandbox "$DB" --catalog-size "$SIZE"
  echo "seed $SIZE products (new database, serve until listening): $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s"
  timed() { # label method path [body]: three tries, prints each time_total in ms
    local label="$1" method="$2" path="$3" body="${4:-}" times=()
    for _ in 1 2 3; do
      if [ -n "$body" ]; then
        t=$(curl -fsS -o /dev/null -w '%{time_total}' -X "$method" -H "$KEY" -H 'Content-Type: application/json' -d "$body" "$SB_URL$path")
      else
        t=$(curl -fsS -o /dev/null -w '%{time_total}' -X "$method" -H "$KEY" "$SB_URL$path")
      fi
      times+=("$(python3 -c "print(f'{$t * 1000:.0f}')")")
    done
    printf '  %-34s %s ms\n' "$label" "${times[*]}"
  }
  echo "sandbox answer times, 3 tries each:"
  timed "products page 1 (25)" GET "/catalog/products?page=1&limit=25"
  timed "products page 2000 (25)" GET "/catalog/products?page=2000&limit=25"
  for q in k ke ket kett kettl kettle; do
    timed "search \"$q\"" POST "/catalog/products/search" "{\"query\":\"$q\",\"page\":1,\"limit\":25}"
  done
  timed "search \"kettle\" with facets" POST "/catalog/products/search" \
    '{"query":"kettle","page":1,"limit":25,"facets":["categories.name","brand"]}'
  stop_sandbox
  mkdir -p "$WORK/home"
  python3 "$BENCH_DIR/tui.py" --bin "$BIN" --arg=--sandbox-db --arg="$DB" --home "$WORK/home" \
    --step "key|step|j|$STEPS" \
    --step "key|open-search|/|1" --step "key|search-type|k|1" --step "key|search-type|e|1" \
    --step "key|search-type|t|1" --step "key|search-type|t|1" --step "key|search-type|l|1" \
    --step "key|search-type|e|1" --step "wait|search results (Kettle)|Kettle" --step 'send|\x1b' >"$WORK/large.jsonl"
  echo "the app on $SIZE products (its in-process sandbox on the same file):"
  python3 "$BENCH_DIR/summarize.py" "$WORK/large.jsonl"
} | tee "$RESULTS/scale.txt"
