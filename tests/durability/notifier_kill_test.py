#!/usr/bin/env python3
"""Durability of the notifier: what a write tells people (and the anchors it moves) is derived
from its event after the commit, so a server killed between the two must tell it after restart,
once. The server first runs with the hidden --notifier-hold (its notifier does not start): a
PATCH that assigns Claire and moves an anchored passage commits, and nothing is derived. SIGKILL,
then a restart without the flag: Claire is told exactly once and the anchor moved once. Two more
restarts (one of them another SIGKILL) tell her nothing more.

Usage: tests/durability/notifier_kill_test.py [--bin build/copydesk] [--keep]
Prints `notifier durability: N passed, M failed` last; exits non-zero when anything failed.
Standard library only.
"""

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kill_test import PASSWORD, ROOT, Client, Failures, Server, free_port  # noqa: E402

TEXT = "Intro. Nos citernes résistent au gel. Fin."
QUOTE = "résistent au gel"


class HeldServer(Server):
    """A server whose notifier is held (does not start) while `held` is set."""

    held = False

    def start(self, timeout=30):
        binary = self.binary
        if self.held:
            # Server.start runs [binary, "serve", ...]: a wrapper adds the hidden flag.
            wrapper = os.path.join(os.path.dirname(self.data_dir), "held.sh")
            with open(wrapper, "w") as f:
                f.write('#!/bin/sh\nexec "%s" "$@" --notifier-hold\n' % os.path.abspath(binary))
            os.chmod(wrapper, 0o755)
            self.binary = wrapper
        try:
            super().start(timeout)
        finally:
            self.binary = binary


def assigned_notices(client):
    status, doc = client.request("GET", "/api/v1/me/notifications?limit=200")
    if status != 200:
        raise RuntimeError("notifications answered %s %s" % (status, doc))
    return [n for n in doc["items"] if n["kind"] == "assigned"]


def anchor(client, content_id):
    status, doc = client.request("GET", "/api/v1/contents/%s/comments" % content_id)
    if status != 200:
        raise RuntimeError("comments answered %s %s" % (status, doc))
    root = doc["items"][0]
    root = root.get("root", root)
    return root["anchor_state"], root["anchor"]["offset"]


def stored_notices(db_path, user_id):
    con = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
    try:
        return con.execute("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND kind = 'assigned'",
                           (user_id,)).fetchone()[0]
    finally:
        con.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.environ.get("COPYDESK_BIN", os.path.join(ROOT, "build", "copydesk")))
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    args = parser.parse_args()
    results = Failures()
    scratch = tempfile.mkdtemp(prefix="copydesk-notifier-")
    data_dir = os.path.join(scratch, "data")
    server = HeldServer(args.bin, data_dir, free_port())
    try:
        server.held = True
        server.start()
        owner = Client(server.port)
        status, doc = owner.request("POST", "/api/v1/setup", {
            "email": "chloe@example.com", "name": "Chloé Martin", "password": PASSWORD,
            "workspace_name": "Énergie Sud", "language": "fr"})
        if status != 201:
            raise RuntimeError("setup answered %s %s" % (status, doc))
        ws = doc["workspace"]["id"]
        status, doc = owner.request("POST", "/api/v1/workspaces/%s/members" % ws,
                                    {"email": "claire@example.com", "role": "editor"})
        if status != 201:
            raise RuntimeError("invite answered %s %s" % (status, doc))
        claire = Client(server.port)
        status, doc = claire.request("POST", "/api/v1/invitations/%s/accept" % doc["invitation"]["token"],
                                     {"name": "Claire Dubois", "password": PASSWORD})
        if status != 201:
            raise RuntimeError("accept answered %s %s" % (status, doc))
        claire_id = doc["user"]["id"]
        status, doc = owner.request("POST", "/api/v1/workspaces/%s/contents" % ws,
                                    {"type": "article", "title": "Citernes", "fields": {"body": TEXT}})
        if status != 201:
            raise RuntimeError("create answered %s %s" % (status, doc))
        content_id, version = doc["id"], doc["version"]
        status, doc = owner.request("POST", "/api/v1/contents/%s/comments" % content_id, {
            "body": "Source ?", "anchor": {"field": "body", "quote": QUOTE, "offset": 20}})
        if status != 201:
            raise RuntimeError("comment answered %s %s" % (status, doc))

        # The commit: Claire assigned, text inserted before the anchored passage.
        status, doc = owner.request("PATCH", "/api/v1/contents/" + content_id, {
            "base_version": version, "assignees": [claire_id],
            "fields": {"body": "Nouvelle phrase. " + TEXT}})
        results.check(status == 200, "the PATCH is acknowledged (%s %s)" % (status, doc))
        time.sleep(0.5)  # several of a running notifier's rounds
        results.check(assigned_notices(claire) == [], "a held notifier tells nothing")
        results.check(anchor(owner, content_id) == ("active", 20), "a held notifier moves nothing")

        # Killed between the commit and its notification.
        server.kill()
        server.held = False
        server.start()
        deadline = time.time() + 5
        while time.time() < deadline and not assigned_notices(claire):
            time.sleep(0.05)
        results.check(len(assigned_notices(claire)) == 1, "told once after the restart")
        results.check(anchor(owner, content_id) == ("active", 37), "the anchor moved after the restart")

        # Two more restarts, one of them a kill: nothing told twice, nothing moved twice.
        server.kill()
        server.start()
        time.sleep(1.0)
        server.proc.terminate()
        server.proc.wait()
        server.start()
        time.sleep(1.0)
        results.check(len(assigned_notices(claire)) == 1, "still told once after two more restarts")
        results.check(anchor(owner, content_id) == ("active", 37), "the anchor moved once")
        server.kill()
        results.check(stored_notices(os.path.join(data_dir, "copydesk.db"), claire_id) == 1,
                      "one notification row in the database")
    except Exception as e:  # noqa: BLE001 - reported as a failure with the server's state
        results.check(False, "error: %s" % e)
    finally:
        server.kill()
        if args.keep:
            print("notifier durability: data kept in " + scratch)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print("notifier durability: %d passed, %d failed" % (results.passed, len(results.failed)))
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
