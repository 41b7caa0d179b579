#!/usr/bin/env python3
"""The relevance guard (issue 19, point 5): a fixed sample of copydesk's relevance set (every 7th
query of bench/relevance's set, made from the Debian Reference), searched through a real server;
fails when nDCG@10 of a column drops more than 0.02 below the figures recorded in floor.json.
A change that improves ranking records its new figures there (--record), in the same commit.

  relevance_test.py --bin build/copydesk [--record]
Run with Debian's python3 (/usr/bin/python3)."""

import argparse
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench", "relevance"))
import build_set  # noqa: E402
import score  # noqa: E402

SAMPLE = 7
TOLERANCE = 0.02
FLOOR = os.path.join(HERE, "floor.json")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--record", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        with open(os.devnull, "w") as quiet:
            stdout, sys.stdout = sys.stdout, quiet
            try:
                build_set.build("/usr/share/debian-reference", work)
            finally:
                sys.stdout = stdout
        corpus = [json.loads(l) for l in open(os.path.join(work, "corpus.jsonl"), encoding="utf-8")]
        queries = [json.loads(l) for l in open(os.path.join(work, "queries.jsonl"), encoding="utf-8")]
    queries = queries[::SAMPLE]
    system = score.Copydesk(a.bin, corpus)
    try:
        result = score.evaluate(system, queries)
    finally:
        system.close()
    figures = {col: round(m["ndcg"], 3) for col, m in result.items() if col != "latency_ms"}
    if a.record:
        with open(FLOOR, "w") as f:
            json.dump(figures, f, indent=1, sort_keys=True)
            f.write("\n")
        print("relevance: recorded", figures)
        return 0
    floor = json.load(open(FLOOR))
    failures = 0
    for col in sorted(floor):
        now = figures.get(col, 0.0)
        ok = now >= floor[col] - TOLERANCE
        failures += not ok
        print(f"  {'ok  ' if ok else 'FAIL'} nDCG@10 {col:<12} {now:.3f} (recorded {floor[col]:.3f})")
    print(f"relevance: {len(queries)} queries over {len(corpus)} pages, "
          f"{'every column within 0.02' if not failures else f'{failures} column(s) dropped'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
