#!/usr/bin/env bash
# HTTP throughput and latency of the real server on loopback, with wrk:
#   GET /healthz                               (the HTTP stack alone)
#   GET /api/v1/me  Authorization: Bearer …    (stack + token check + two reads from SQLite)
# Goal (issue 2, on the 2-core machine): /api/v1/me ≥ 15,000 req/s with p99 ≤ 10 ms.
#
# Builds nothing: `make bench` builds first. Exit status: 0 goal met, 1 the run failed (server,
# setup, errors or non-2xx answers), 3 the run worked but the goal was missed.
#
# Knobs (environment): COPYDESK_BIN (default build/copydesk), BENCH_SECONDS (15),
# BENCH_CONNECTIONS (64), BENCH_THREADS (2), BENCH_LOG_LEVEL (warn; "info" measures the cost of
# the access log, written to a file), BENCH_KEEP (set: keep the temp folder, for its logs).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${COPYDESK_BIN:-build/copydesk}
SECONDS_EACH=${BENCH_SECONDS:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
LOG_LEVEL=${BENCH_LOG_LEVEL:-warn}
GOAL_RPS=15000
GOAL_P99_MS=10

fail() {
  echo "bench/http.sh: $*" >&2
  exit 1
}
[[ -x $BIN ]] || fail "$BIN is missing: run 'make bench' (or build first)"
command -v wrk >/dev/null || fail "wrk is missing: apt-get install wrk"
command -v curl >/dev/null || fail "curl is missing"

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  [[ -n ${BENCH_KEEP:-} ]] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

# A free loopback port: bind port 0, read it back, release it for the server.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT

"$BIN" serve --data "$WORK/data" --listen "127.0.0.1:$PORT" --web-dir "$WORK/no-web" \
  --log-level "$LOG_LEVEL" 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do
  curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; fail "the server exited"; }
  sleep 0.1
done
curl -fsS -o /dev/null "$BASE/healthz" || fail "the server does not answer on $BASE"

EMAIL=bench@example.com
curl -fsS -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"name\":\"Bench\",\"password\":\"correct horse battery\",\"workspace_name\":\"Bench\"}" \
  "$BASE/api/v1/setup" || fail "first-run setup failed"
TOKEN=$("$BIN" token create --data "$WORK/data" --email "$EMAIL" --name bench 2>"$WORK/token.log" | tail -n 1) ||
  { cat "$WORK/token.log" >&2; fail "copydesk token create failed"; }
[[ -n $TOKEN ]] || fail "copydesk token create printed no token"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" ||
  fail "GET /api/v1/me with the token failed"

cat >"$WORK/bearer.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
LUA

# Latency as wrk prints it ("812.00us", "1.23ms", "1.01s") → milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

declare -A RPS P50 P99
run() {
  local name=$1 path=$2
  shift 2
  local out="$WORK/wrk-${name//\//_}.txt"
  BENCH_TOKEN=$TOKEN wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@" \
    "$BASE$path" >"$out" || fail "wrk failed on $path"
  if grep -qE 'Non-2xx or 3xx responses|Socket errors' "$out"; then
    cat "$out" >&2
    fail "errors or non-2xx answers on $path"
  fi
  RPS[$name]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  P50[$name]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  P99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
}

# A short warm-up so page cache, statement caches and thread pools are in their steady state.
BENCH_TOKEN=$TOKEN wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$WORK/bearer.lua" \
  "$BASE/api/v1/me" >/dev/null
run healthz /healthz
run me /api/v1/me -s "$WORK/bearer.lua"

if [[ ($LOG_LEVEL == warn || $LOG_LEVEL == error) && -s $WORK/server.log ]]; then
  echo "server warnings:" >&2
  cat "$WORK/server.log" >&2
fi

printf '\nwrk -t%s -c%s -d%ss --latency, log level %s, %s cores (%s)\n' "$THREADS" "$CONNECTIONS" \
  "$SECONDS_EACH" "$LOG_LEVEL" "$(nproc)" "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
printf '%-28s %12s %10s %10s\n' endpoint 'requests/s' 'p50 ms' 'p99 ms'
printf '%-28s %12s %10s %10s\n' 'GET /healthz' "${RPS[healthz]}" "${P50[healthz]}" "${P99[healthz]}"
printf '%-28s %12s %10s %10s\n' 'GET /api/v1/me (bearer)' "${RPS[me]}" "${P50[me]}" "${P99[me]}"

if awk -v r="${RPS[me]}" -v p="${P99[me]}" -v gr=$GOAL_RPS -v gp=$GOAL_P99_MS \
  'BEGIN { exit !(r >= gr && p <= gp) }'; then
  echo "goal met: /api/v1/me >= $GOAL_RPS req/s with p99 <= $GOAL_P99_MS ms"
else
  echo "goal MISSED: /api/v1/me >= $GOAL_RPS req/s with p99 <= $GOAL_P99_MS ms"
  exit 3
fi
