#!/usr/bin/env bash
# Instructions the server executes per request (valgrind callgrind), for comparing two builds
# on a shared or busy machine, where wrk's figures swing with the neighbours' load and this
# count does not. Not run by `make bench` (it lives below bench/, and takes a minute).
#
#   bench/tools/instructions_per_request.sh [BIN] [PATH] [N]
#     BIN   the copydesk binary (default build/copydesk)
#     PATH  GET path, with the bench's bearer token (default /api/v1/me); {content} in it is
#           replaced by the id of an article made at set-up (e.g. /api/v1/contents/{content})
#     N     requests counted, after as many for warm-up (default 500)
#   LOG_LEVEL=info to count the access log's cost as well (default warn).
set -euo pipefail

cd "$(dirname "$0")/../.."
BIN=${1:-build/copydesk}
URLPATH=${2:-/api/v1/me}
N=${3:-500}
LOG_LEVEL=${LOG_LEVEL:-warn}
command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 1; }
[[ -x $BIN ]] || { echo "$BIN is missing" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [[ -n $SERVER_PID ]] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT

wait_up() {
  for _ in $(seq 300); do
    curl -fs -o /dev/null "$BASE/healthz" && return 0
    sleep 0.2
  done
  echo "the server does not answer" >&2
  exit 1
}

# First run natively (setup and token), then again under callgrind on the same data.
"$BIN" serve --data "$WORK/data" --listen "127.0.0.1:$PORT" --web-dir "$WORK/no-web" \
  --log-level warn 2>"$WORK/server.log" &
SERVER_PID=$!
wait_up
curl -fsS -o /dev/null -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","name":"Bench","password":"correct horse battery","workspace_name":"Bench"}' \
  "$BASE/api/v1/setup"
TOKEN=$("$BIN" token create --data "$WORK/data" --email bench@example.com --name bench 2>/dev/null | tail -n 1)
if [[ $URLPATH == *"{content}"* ]]; then
  WS=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/workspaces" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  CONTENT=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"type":"article","title":"Sécurité des citernes","fields":{"body":"Vérifiez votre citerne avant l’hiver."}}' \
    "$BASE/api/v1/workspaces/$WS/contents" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  URLPATH=${URLPATH//\{content\}/$CONTENT}
fi
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || true

# Instrumentation starts off: start-up, migrations and warm-up are not counted.
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$WORK/callgrind.out" \
  "$BIN" serve --data "$WORK/data" --listen "127.0.0.1:$PORT" --web-dir "$WORK/no-web" \
  --log-level "$LOG_LEVEL" 2>"$WORK/valgrind.log" &
SERVER_PID=$!
wait_up
urls=()
for _ in $(seq "$N"); do urls+=("$BASE$URLPATH"); done
# One keep-alive connection, N requests in a row.
curl -fs -H "Authorization: Bearer $TOKEN" "${urls[@]}" >/dev/null
callgrind_control -i on "$SERVER_PID" >/dev/null 2>&1
curl -fs -H "Authorization: Bearer $TOKEN" "${urls[@]}" >/dev/null
callgrind_control -i off "$SERVER_PID" >/dev/null 2>&1
callgrind_control -d "$SERVER_PID" >/dev/null 2>&1
total=0
for f in "$WORK"/callgrind.out*; do
  n=$(awk '/^totals:/ { print $2; exit }' "$f")
  total=$((total + ${n:-0}))
done
echo "$((total / N)) instructions per GET $URLPATH (log level $LOG_LEVEL, $N requests, $BIN)"
