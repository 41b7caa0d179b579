#!/usr/bin/env bash
# Files (issue 17), on the real server over loopback:
#   - one upload of a 100 MB file: goal >= 150 MB/s, with the server's memory (RSS) growing by
#     <= 32 MB while it runs (the body is streamed to disk, never held);
#   - 20 uploads of 5 MB at once: every one answered 201, and the time they take;
#   - the first thumbnail of a 24-megapixel JPEG (nothing cached): goal <= 300 ms.
# The files are made here (text, and a JPEG of noise made by libvips' own tool): no network.
#
# Builds nothing: `make bench` builds first. Exit status: 0 goals met, 1 the run failed, 3 the
# run worked but a goal was missed.
#
# Knobs (environment): COPYDESK_BIN (default build/copydesk), BENCH_UPLOAD_MB (100),
# BENCH_KEEP (set: keep the temp folder, for its logs).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${COPYDESK_BIN:-build/copydesk}
UPLOAD_MB=${BENCH_UPLOAD_MB:-100}
GOAL_MBPS=150
GOAL_RSS_MB=32
GOAL_THUMB_MS=300

fail() {
  echo "bench/files.sh: $*" >&2
  exit 1
}
[[ -x $BIN ]] || fail "$BIN is missing: run 'make bench' (or build first)"
command -v curl >/dev/null || fail "curl is missing"
command -v vips >/dev/null || fail "vips is missing: apt-get install libvips-tools"

WORK=$(mktemp -d)
SERVER_PID=
SAMPLER_PID=
cleanup() {
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  [[ -n ${BENCH_KEEP:-} ]] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT

# The files first, so that making them does not run beside the server.
echo "making the files…" >&2
python3 - "$WORK" "$UPLOAD_MB" <<'PY'
import os, sys
work, mb = sys.argv[1], int(sys.argv[2])
line = b"Le biom\xc3\xa9thane chauffe la ville, et la ville le sait. 0123456789\n"
block = line * (1 << 20 // len(line) + 1)
for name, size in [("big.txt", mb * 1000 * 1000)] + [("part-%02d.txt" % i, 5 << 20) for i in range(20)]:
    with open(os.path.join(work, name), "wb") as f:
        left = size
        while left > 0:
            chunk = block[: min(left, len(block))]
            f.write(chunk)
            left -= len(chunk)
        # each part differs, so that none is stored once for several
        f.write(name.encode())
PY
vips gaussnoise "$WORK/noise.v" 6000 4000 --mean 128 --sigma 40
vips cast "$WORK/noise.v" "$WORK/noise8.v" uchar
vips bandjoin "$WORK/noise8.v $WORK/noise8.v $WORK/noise8.v" "$WORK/rgb.v"
vips copy "$WORK/rgb.v" "$WORK/photo.jpg[Q=90]"
rm -f "$WORK"/*.v

"$BIN" serve --data "$WORK/data" --listen "127.0.0.1:$PORT" --web-dir "$WORK/no-web" \
  --log-level warn 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do
  curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; fail "the server exited"; }
  sleep 0.1
done
EMAIL=bench@example.com
SETUP=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"name\":\"Bench\",\"password\":\"correct horse battery\",\"workspace_name\":\"Bench\"}" \
  "$BASE/api/v1/setup") || fail "first-run setup failed"
WS=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["workspace"]["id"])' <<<"$SETUP")
TOKEN=$("$BIN" token create --data "$WORK/data" --email "$EMAIL" --name bench 2>"$WORK/token.log" | tail -n 1) ||
  { cat "$WORK/token.log" >&2; fail "copydesk token create failed"; }
AUTH="Authorization: Bearer $TOKEN"
upload() { # file name → writes "status seconds" and the body to $WORK/answer-<name>
  curl -sS -o "$WORK/answer-$2" -w '%{http_code} %{time_total}\n' -H "$AUTH" \
    -H 'Content-Type: application/octet-stream' --data-binary "@$1" \
    "$BASE/api/v1/workspaces/$WS/media?name=$2"
}
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status"; }

# Warm up: one small upload, so that pools and caches are in their steady state.
read -r status _ < <(upload "$WORK/part-00.txt" warm.txt)
[[ $status == 201 ]] || { cat "$WORK/answer-warm.txt" >&2; fail "a warm-up upload answered $status"; }

# 1. One large upload, the server's RSS sampled every 10 ms.
BASELINE=$(rss_kb)
(while kill -0 "$SERVER_PID" 2>/dev/null; do rss_kb; sleep 0.01; done) >"$WORK/rss.txt" &
SAMPLER_PID=$!
read -r status seconds < <(upload "$WORK/big.txt" big.txt)
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
[[ $status == 201 ]] || { cat "$WORK/answer-big.txt" >&2; fail "the large upload answered $status"; }
BYTES=$(stat -c %s "$WORK/big.txt")
MBPS=$(awk -v b="$BYTES" -v s="$seconds" 'BEGIN { printf "%.0f", b / 1000000 / s }')
PEAK=$(sort -n "$WORK/rss.txt" | tail -n 1)
GROWTH_MB=$(awk -v p="$PEAK" -v b="$BASELINE" 'BEGIN { printf "%.1f", (p - b) / 1024 }')

# 2. Twenty uploads of 5 MB at once.
START=$(date +%s.%N)
for i in $(seq -w 0 19); do
  upload "$WORK/part-$i.txt" "part-$i.txt" >"$WORK/parallel-$i.txt" &
done
wait_failed=0
for job in $(jobs -p); do [[ $job == "$SERVER_PID" ]] || wait "$job" || wait_failed=1; done
END=$(date +%s.%N)
[[ $wait_failed == 0 ]] || fail "a parallel upload failed"
OK=$(cat "$WORK"/parallel-*.txt | awk '$1 == 201' | wc -l)
[[ $OK == 20 ]] || { cat "$WORK"/parallel-*.txt >&2; fail "only $OK of 20 parallel uploads answered 201"; }
PARALLEL_S=$(awk -v a="$START" -v b="$END" 'BEGIN { printf "%.2f", b - a }')
PARALLEL_MBPS=$(awk -v s="$PARALLEL_S" 'BEGIN { printf "%.0f", 100 / s }')

# 3. The first thumbnail of a 24-megapixel JPEG, then the cached one and the web size.
read -r status _ < <(upload "$WORK/photo.jpg" photo.jpg)
[[ $status == 201 ]] || { cat "$WORK/answer-photo.jpg" >&2; fail "the photo upload answered $status"; }
MEDIA=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/answer-photo.jpg")
thumb() {
  curl -fsS -o "$WORK/thumb.out" -w '%{time_total}\n' -H "$AUTH" \
    "$BASE/api/v1/media/$MEDIA/versions/1/thumbnail?size=$1"
}
FIRST_MS=$(awk -v s="$(thumb thumb)" 'BEGIN { printf "%.0f", s * 1000 }')
CACHED_MS=$(awk -v s="$(thumb thumb)" 'BEGIN { printf "%.1f", s * 1000 }')
WEB_MS=$(awk -v s="$(thumb web)" 'BEGIN { printf "%.0f", s * 1000 }')

if [[ -s $WORK/server.log ]]; then
  echo "server warnings:" >&2
  cat "$WORK/server.log" >&2
fi
printf '\n%s cores (%s)\n' "$(nproc)" "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
printf 'upload of %s MB: %s MB/s (%s s), server RSS +%s MB (baseline %s MB)\n' "$UPLOAD_MB" "$MBPS" \
  "$seconds" "$GROWTH_MB" "$(awk -v b="$BASELINE" 'BEGIN { printf "%.0f", b / 1024 }')"
printf '20 parallel uploads of 5 MB: all 201 in %s s (%s MB/s together)\n' "$PARALLEL_S" "$PARALLEL_MBPS"
printf 'thumbnail of a 24-megapixel JPEG (%s MB): first %s ms, cached %s ms; web size first %s ms\n' \
  "$(awk -v b="$(stat -c %s "$WORK/photo.jpg")" 'BEGIN { printf "%.1f", b / 1048576 }')" \
  "$FIRST_MS" "$CACHED_MS" "$WEB_MS"

missed=0
awk -v m="$MBPS" -v g=$GOAL_MBPS 'BEGIN { exit !(m >= g) }' ||
  { echo "goal MISSED: upload >= $GOAL_MBPS MB/s"; missed=1; }
awk -v r="$GROWTH_MB" -v g=$GOAL_RSS_MB 'BEGIN { exit !(r <= g) }' ||
  { echo "goal MISSED: RSS growth <= $GOAL_RSS_MB MB"; missed=1; }
awk -v t="$FIRST_MS" -v g=$GOAL_THUMB_MS 'BEGIN { exit !(t <= g) }' ||
  { echo "goal MISSED: first thumbnail <= $GOAL_THUMB_MS ms"; missed=1; }
[[ $missed == 0 ]] || exit 3
echo "goals met: upload >= $GOAL_MBPS MB/s with RSS growth <= $GOAL_RSS_MB MB; first thumbnail <= $GOAL_THUMB_MS ms"
