#!/usr/bin/env bash
# The web app's speed in Chromium (issue 4 point 4), against the real server on loopback serving
# web/dist with the demo workspace:
#   (a) the contents list's JavaScript, gzipped          goal ≤ 250 kB, the editor not loaded
#   (b) the content page's Largest Contentful Paint      goal ≤ 1 s (median of 5 cold loads)
#   (c) typing in a 5,000-word body, input → next paint  goal ≤ 50 ms
# The browser side is bench/web_measure.mjs (playwright-core from web/node_modules driving
# Debian's /usr/bin/chromium; nothing is downloaded).
#
# Builds nothing: `make bench` builds build/copydesk and web/dist first. Exit status: 0 when every
# figure was measured (a missed goal is printed as MISSED, not an error), 1 when the run failed.
#
# Knobs (environment): COPYDESK_BIN (default build/copydesk), BENCH_CHROMIUM (/usr/bin/chromium),
# BENCH_LCP_RUNS (5), BENCH_WORDS (5000), BENCH_THREADS (30 open comment threads highlighted in the
# typed-in body), BENCH_KEEP (set: keep the temp folder, for its logs).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${COPYDESK_BIN:-build/copydesk}
CHROMIUM=${BENCH_CHROMIUM:-/usr/bin/chromium}

fail() {
  echo "bench/web.sh: $*" >&2
  exit 1
}
[[ -x $BIN ]] || fail "$BIN is missing: run 'make bench' (or build first)"
[[ -f web/dist/index.html ]] || fail "web/dist is missing: run 'make bench' (or 'make web')"
[[ -d web/node_modules/playwright-core || -d web/node_modules/@playwright/test ]] ||
  fail "web/node_modules has no playwright-core: run 'make bootstrap'"
[[ -x $CHROMIUM ]] || fail "$CHROMIUM is missing (Debian's chromium package, from the bootstrap)"
command -v node >/dev/null || fail "node is missing"
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

# The demo workspace; its output names the people and their one-time passwords.
"$BIN" demo --data "$WORK/data" >"$WORK/demo.txt" 2>&1 || { cat "$WORK/demo.txt" >&2; fail "copydesk demo failed"; }
SLUG=$(sed -n 's/^Seeded the workspace .* (\([a-z0-9-]*\)) in .*/\1/p' "$WORK/demo.txt" | head -n 1)
read -r EMAIL PASSWORD < <(awk '/ owner / { for (i = 1; i < NF; i++) if ($i ~ /@/) { print $i, $(i + 1); exit } }' \
  "$WORK/demo.txt") || true
[[ -n $SLUG && -n ${EMAIL:-} && -n ${PASSWORD:-} ]] ||
  { cat "$WORK/demo.txt" >&2; fail "could not read the workspace and the owner's login from copydesk demo"; }

# A copy of web/dist, so a rebuild during the run (vite empties the folder first) cannot swap the
# files under the browser: the figures are those of one build.
cp -R web/dist "$WORK/web" || fail "could not copy web/dist"
[[ -f $WORK/web/index.html ]] || fail "web/dist changed while it was copied; run again"

# A free loopback port: bind port 0, read it back, release it for the server.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
"$BIN" serve --data "$WORK/data" --listen "127.0.0.1:$PORT" --web-dir "$WORK/web" \
  --log-level warn 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 200); do
  curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; fail "the server exited"; }
  sleep 0.1
done
curl -fsS -o /dev/null "$BASE/healthz" || fail "the server does not answer on $BASE"

# Share of the last minute in which some task waited for a CPU (Linux PSI): near 100 % means a
# busy machine, and wall-clock figures (LCP, typing) that include waiting for a CPU.
psi() {
  [[ -r /proc/pressure/cpu ]] && sed -n 's/^some avg10=[0-9.]* avg60=\([0-9.]*\).*/, CPU pressure \1 %/p' /proc/pressure/cpu
  true
}
echo "copydesk $(git rev-parse --short HEAD 2>/dev/null || echo "?") (web/dist built $(date -u -r "$WORK/web/index.html" "+%Y-%m-%d %H:%M UTC")) on $BASE, demo workspace $SLUG as $EMAIL"
echo "$(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), load average $(cut -d' ' -f1-3 /proc/loadavg)$(psi)"
echo "$("$CHROMIUM" --version 2>/dev/null || echo chromium), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo

status=0
BENCH_BASE=$BASE BENCH_EMAIL=$EMAIL BENCH_PASSWORD=$PASSWORD BENCH_SLUG=$SLUG BENCH_CHROMIUM=$CHROMIUM \
  node bench/web_measure.mjs || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)$(psi)"
kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; fail "the server died during the run"; }
[[ $status -eq 0 ]] || fail "the measurement failed (status $status)"
