#!/usr/bin/env python3
"""A long migration killed in the middle (SIGKILL) resumes where its last batch committed and
finishes, with every revision's text exactly as before.

It upgrades the fixture with the longest history with `copydesk migrate` in batches of one row,
kills the process once the progress shows some rows done and some left, checks that the position
was kept, runs `migrate` again, and compares every revision with the fixture's.

  python3 tests/upgrade/resume_test.py --bin build/copydesk"""

import argparse
import gzip
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import zlib

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
NAME = "compress_sealed_revisions"


def revisions(db):
    """Every revision as a reader sees it: compressed text expanded."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {}
        for cid, number, title, fields, digest, sealed in con.execute(
                "SELECT content_id, number, title, fields, content_hash, sealed FROM revisions"):
            raw = fields if isinstance(fields, bytes) else fields.encode()
            text = raw if raw[:1] in (b"{", b"") else zlib.decompress(raw)
            out[(cid, number)] = (title, text.decode(), digest, sealed, raw[:1] == b"{")
        return out
    finally:
        con.close()


def progress(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT position, done_rows, finished_at FROM batched_migrations "
                           "WHERE name = ?", (NAME,)).fetchone()
    finally:
        con.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--fixture", default="schema-11")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="copydesk-resume-")
    data = os.path.join(work, "data")
    os.makedirs(data)
    db = os.path.join(data, "copydesk.db")
    with gzip.open(os.path.join(FIXTURES, args.fixture + ".db.gz")) as src, open(db, "wb") as dst:
        shutil.copyfileobj(src, dst)
    original = revisions(db)
    sealed = sum(1 for r in original.values() if r[3])
    if sealed < 50:
        sys.exit(f"resume test: the fixture has only {sealed} sealed revisions")

    # Batches of one row, 10 ms apart: the migration lasts seconds, however fast the machine.
    run = subprocess.Popen([args.bin, "migrate", "--data", data, "--migration-batch-rows", "1",
                            "--migration-pause-ms", "10"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    killed_at = None
    for line in run.stderr:
        m = re.match(NAME + r": (\d+) of (\d+) rows", line)
        if m and 0 < int(m.group(1)) < int(m.group(2)):
            run.send_signal(signal.SIGKILL)
            killed_at = int(m.group(1))
            break
    run.wait()
    if killed_at is None:
        sys.exit("resume test: the migration finished before it could be killed; "
                 "the fixture needs a longer history")
    position, done_rows, finished_at = progress(db)
    failures = []
    if finished_at is not None or not position or done_rows < killed_at:
        failures.append(f"after SIGKILL the position was not kept: {position!r}, {done_rows}, "
                        f"{finished_at}")
    if revisions(db).keys() != original.keys():
        failures.append("revisions appeared or disappeared while killed")

    again = subprocess.run([args.bin, "migrate", "--data", data], capture_output=True, text=True)
    if again.returncode != 0 or "resumed" not in again.stderr or "finished" not in again.stderr:
        failures.append(f"the second migrate did not resume and finish:\n{again.stderr}")
    position, done_rows, finished_at = progress(db)
    if finished_at is None or done_rows != sealed:
        failures.append(f"finished with {done_rows} rows done of {sealed} sealed ({finished_at})")
    after = revisions(db)
    for key, (title, text, digest, was_sealed, _) in original.items():
        now = after.get(key)
        if now is None or now[:3] != (title, text, digest):
            failures.append(f"revision {key} changed")
        elif was_sealed and now[4] and len(text) > 200:
            failures.append(f"sealed revision {key} is still stored uncompressed")
    if failures:
        sys.exit("resume test:\n  " + "\n  ".join(failures[:10]) + f"\n  data kept in {work}")
    shutil.rmtree(work)
    print(f"resume test: killed after {killed_at} of {sealed} rows, resumed, finished; "
          f"{len(original)} revisions read back the same")


if __name__ == "__main__":
    main()
