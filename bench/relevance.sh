#!/usr/bin/env bash
# Search relevance (issue 19): copydesk's own relevance set, made from the Debian Reference in
# English and French (bench/relevance/build_set.py says how, and how the judgments are derived),
# scored through copydesk's HTTP API and, on the same pages and queries, for three baselines:
# plain Xapian (Snowball, STEM_SOME), Xapian over folded text, SQLite FTS5. Prints nDCG@10 per
# language and variant (clean, typos, no accents), body-only and title-only nDCG, MRR@10,
# Recall@10 and copydesk's latency.
#
# Knobs: COPYDESK_BIN (build/copydesk), RELEVANCE_SYSTEMS (copydesk,xapian,xapian-fold,fts5),
# RELEVANCE_SAMPLE (every Nth query; 0 = all), RELEVANCE_JSON (write the figures there).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${COPYDESK_BIN:-build/copydesk}
PY=/usr/bin/python3  # Debian's: python3-xapian for the baselines
[[ -x $BIN ]] || { echo "bench/relevance.sh: $BIN is missing: run 'make bench'" >&2; exit 1; }
[[ -d /usr/share/debian-reference ]] ||
  { echo "bench/relevance.sh: debian-reference-en/-fr are missing: run scripts/bootstrap" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$PY" bench/relevance/build_set.py --out "$WORK/set"
"$PY" bench/relevance/score.py --set "$WORK/set" --bin "$BIN" \
  --systems "${RELEVANCE_SYSTEMS:-copydesk,xapian,xapian-fold,fts5}" \
  --sample "${RELEVANCE_SAMPLE:-0}" ${RELEVANCE_JSON:+--json "$RELEVANCE_JSON"}
