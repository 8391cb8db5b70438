#!/usr/bin/env bash
# Bad input to the API: schemathesis (PyPI) fuzzes the sandbox from Resources/openapi.yaml.
# Checks: no 5xx, responses and content types match the document. Usage: schemathesis.sh [MAX_EXAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-30}"
bin=".build/debug/storefront"
[ -x "$bin" ] || swift build --product storefront >/dev/null
command -v schemathesis >/dev/null || python3 -m pip install -q schemathesis
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$bin" sandbox serve --port "$port" --db "$work/sandbox.sqlite" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port/api/v1/sandbox/storefront"
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/openapi.yaml" >/dev/null && break; sleep 0.1; done
token=$(curl -sf -X POST -H 'X-Api-Key: reliability' "$base/auth/anonymous" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["content"]["access_token"])')
schemathesis run Resources/openapi.yaml --url "$base" \
  -H "Authorization: Bearer $token" -H "X-Api-Key: reliability" \
  --checks not_a_server_error,response_schema_conformance,content_type_conformance \
  --max-examples "$examples" --workers 2 --no-color > "$work/report.txt" 2>&1 || { tail -60 "$work/report.txt"; exit 1; }
summary=$(grep -E "[0-9]+ generated, [0-9]+ passed" "$work/report.txt" | tail -1 | sed 's/^ *//')
generated=$(echo "$summary" | grep -oE "^[0-9]+")
passed=$(echo "$summary" | grep -oE "[0-9]+ passed" | grep -oE "[0-9]+")
echo "schemathesis: $summary (no 5xx; responses match Resources/openapi.yaml)"
echo "schemathesis: $passed passed, $((generated - passed)) failed"
