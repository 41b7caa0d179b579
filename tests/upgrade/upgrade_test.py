#!/usr/bin/env python3
"""Upgrades every fixture in tests/upgrade/fixtures (a database made by an earlier copydesk) with
the current binary and checks, through the API, that every person sees exactly what that earlier
binary showed them; that the search index rebuilds; that a backup was taken first; that a second
start changes nothing; and that a database from a newer copydesk is refused untouched.

  python3 tests/upgrade/upgrade_test.py --bin build/copydesk"""

import argparse
import glob
import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from upgrade_lib import Server, read_facts, search_ids  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("  FAIL " + what)
    return ok


def diff(expected, actual, path=""):
    """The first few places where two JSON values differ."""
    if type(expected) is not type(actual):
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    if isinstance(expected, dict):
        out = []
        for k in sorted(set(expected) | set(actual)):
            if k not in actual or k not in expected:
                out.append(f"{path}.{k}: expected {expected.get(k)!r}, got {actual.get(k)!r}")
            else:
                out += diff(expected[k], actual[k], f"{path}.{k}")
        return out
    if isinstance(expected, list):
        if len(expected) != len(actual):
            return [f"{path}: expected {len(expected)} items, got {len(actual)}"]
        return [d for e, a in zip(expected, actual) for d in diff(e, a, path + "[]")]
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


def schema_rows(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT version, name, applied_at FROM schema_migrations "
                           "ORDER BY version").fetchall()
    finally:
        con.close()


def long_migrations_done(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        left = con.execute("SELECT COUNT(*) FROM batched_migrations WHERE finished_at IS NULL")
        return left.fetchone()[0] == 0
    except sqlite3.OperationalError:
        return False
    finally:
        con.close()


def backups_in(data):
    folder = os.path.join(data, "upgrade-backups")
    return sorted(f for f in os.listdir(folder) if f.endswith(".db")) if os.path.isdir(folder) else []


def keep_links_open(db):
    """Review links last a year at most: the fixture's would expire under the test one day. Their
    expiry moves a month past today; nothing else of the fixture is touched."""
    con = sqlite3.connect(db)
    try:
        if con.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'share_links'").fetchone()[0]:
            con.execute("UPDATE share_links SET expires_at = ? WHERE revoked_at IS NULL",
                        (int((time.time() + 30 * 86400) * 1000),))
            con.commit()
    finally:
        con.close()


def sign_in(server, manifest):
    return {role: server.client().login(p["email"]) for role, p in manifest["people"].items()}


def unpack(name, data):
    os.makedirs(data)
    with gzip.open(os.path.join(FIXTURES, name + ".db.gz"), "rb") as src, \
            open(os.path.join(data, "copydesk.db"), "wb") as dst:
        shutil.copyfileobj(src, dst)
    blobs = os.path.join(FIXTURES, name + ".blobs.tar.gz")
    if os.path.exists(blobs):
        with tarfile.open(blobs, "r:gz") as tar:
            tar.extractall(data)
    return os.path.join(data, "copydesk.db")


def upgrade_one(binary, name, work):
    with open(os.path.join(FIXTURES, name + ".json")) as f:
        fixture = json.load(f)
    manifest, expected = fixture["manifest"], fixture["facts"]
    print(f"{name} (made by {manifest['commit']}, schema {manifest['schema_migrations'][-1]})")
    data = os.path.join(work, name)
    db = unpack(name, data)
    keep_links_open(db)
    before = schema_rows(db)

    # The dry run lists what would be applied and changes nothing.
    dry = subprocess.run([binary, "migrate", "--dry-run", "--data", data],
                         capture_output=True, text=True)
    check(dry.returncode == 0, f"{name}: migrate --dry-run exits 0 ({dry.stderr})")
    check("would apply" in dry.stdout, f"{name}: the dry run lists migrations:\n{dry.stdout}")
    check(schema_rows(db) == before, f"{name}: the dry run changed nothing")
    check(not os.path.exists(os.path.join(data, "upgrade-backups")),
          f"{name}: the dry run took no backup")

    server = Server(binary, data)
    try:
        clients = sign_in(server, manifest)
        actual = read_facts(clients, manifest)
        problems = diff(expected, actual)
        check(not problems, f"{name}: what people see after the upgrade:\n    " +
              "\n    ".join(problems[:15]))
        # Channels made before networks existed follow the network their name says (0024).
        channels = clients["owner"].get(f"/api/v1/workspaces/{manifest['workspace_id']}/channels")
        networks = {c["name"]: c.get("network") for c in channels["items"]}
        for channel, network in (("X", "x"), ("LinkedIn", "linkedin"), ("Facebook", "facebook"),
                                 ("Instagram", "instagram"), ("Newsletter", "newsletter"),
                                 ("Blog", None)):
            if channel in networks:
                check(networks[channel] == network,
                      f"{name}: channel {channel} follows {network} ({networks[channel]})")
        check(len(channels.get("networks", [])) == 5, f"{name}: the networks' rules are served")
        if "contents" in manifest["features"]:
            check(networks.get("X") == "x",
                  f"{name}: the default channels were given their networks ({networks})")
        # The index is not in the fixture: it is rebuilt from the events.
        if "search" in manifest:
            ws, wanted = manifest["workspace_id"], manifest["search"]
            deadline, found = time.time() + 20, []
            while time.time() < deadline:
                found = search_ids(clients["owner"], ws, wanted["text"])
                if wanted["content"] in found:
                    break
                time.sleep(0.2)
            check(wanted["content"] in found, f"{name}: search finds '{wanted['text']}' ({found})")
        deadline = time.time() + 20
        while time.time() < deadline and not long_migrations_done(db):
            time.sleep(0.1)
        check(long_migrations_done(db), f"{name}: the long migrations finished while serving")
        after_long = read_facts(clients, manifest)
        problems = diff(expected, after_long)
        check(not problems, f"{name}: what people see after the long migrations:\n    " +
              "\n    ".join(problems[:15]))
    finally:
        server.stop()
    log = open(server.log_path, encoding="utf-8", errors="replace").read()
    check("upgraded the database" in log, f"{name}: the log says the database was upgraded")
    backups = backups_in(data)
    check(len(backups) == 1, f"{name}: one backup before the upgrade ({backups})")
    if backups:
        kept = os.path.join(data, "upgrade-backups", backups[0])
        check(schema_rows(kept) == before, f"{name}: the backup is the database before upgrading")
    upgraded = schema_rows(db)
    check(len(upgraded) > len(before), f"{name}: migrations were applied")
    names = [row[1] for row in upgraded]
    check(len(set(names)) == len(names), f"{name}: each migration recorded once ({names})")
    dry = subprocess.run([binary, "migrate", "--dry-run", "--data", data],
                         capture_output=True, text=True)
    check("no migration to apply" in dry.stdout, f"{name}: nothing left to apply:\n{dry.stdout}")

    # A second start is a no-op: no migration, no backup, the same facts.
    again = Server(binary, data, log_name="serve-again.log")
    try:
        problems = diff(expected, read_facts(sign_in(again, manifest), manifest))
        check(not problems, f"{name}: second start reads the same:\n    " + "\n    ".join(problems[:15]))
    finally:
        again.stop()
    log = open(again.log_path, encoding="utf-8", errors="replace").read()
    check("upgraded the database" not in log and "backed the database up" not in log,
          f"{name}: a second start migrates nothing")
    check(schema_rows(db) == upgraded, f"{name}: a second start leaves schema_migrations as it was")
    check(backups_in(data) == backups, f"{name}: a second start takes no backup")
    return data


def newer_is_refused(binary, data):
    """A database a newer copydesk migrated: refused, with a message, and left untouched."""
    print("a database from a newer copydesk")
    db = os.path.join(data, "copydesk.db")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                "VALUES (9999, 'from_a_newer_copydesk', 0)")
    con.commit()
    con.close()
    before = schema_rows(db)
    backups = backups_in(data)
    for command in (["serve", "--listen", "127.0.0.1:0"], ["migrate"], ["migrate", "--dry-run"]):
        run = subprocess.run([binary, *command, "--data", data], capture_output=True, text=True,
                             timeout=30)
        said = run.stdout + run.stderr
        check(run.returncode != 0, f"{command[0]}: refuses a newer database (exit {run.returncode})")
        check("newer copydesk" in said and "9999_from_a_newer_copydesk" in said,
              f"{' '.join(command)}: says why:\n{said}")
    check(schema_rows(db) == before, "the newer database was left untouched")
    check(backups_in(data) == backups, "no backup is taken of a refused database")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    names = sorted(os.path.basename(p)[:-len(".json")] for p in glob.glob(FIXTURES + "/*.json"))
    if not names:
        sys.exit("no fixture in " + FIXTURES)
    work = tempfile.mkdtemp(prefix="copydesk-upgrade-")
    start = time.time()
    try:
        last = None
        for name in names:
            last = upgrade_one(binary, name, work)
        newer_is_refused(binary, last)
    finally:
        if not failures:
            shutil.rmtree(work)
    if failures:
        sys.exit(f"upgrade test: {len(failures)} failure(s); data kept in {work}")
    print(f"upgrade test: {len(names)} fixtures upgraded with nothing lost "
          f"({time.time() - start:.1f} s)")


if __name__ == "__main__":
    main()
