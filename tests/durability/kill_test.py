#!/usr/bin/env python3
"""Durability: four clients keep writing, and a fifth keeps uploading files, while the server is
killed with SIGKILL at random moments and restarted. Afterwards every acknowledged write is there
at its version, every acknowledged upload downloads whole, no half-written file appears under a
stored name, nothing is half-applied, and the database passes PRAGMA integrity_check.

Usage: tests/durability/kill_test.py [--bin build/copydesk] [--kills N] [--seed S]
Prints `durability: N passed, M failed` last; exits non-zero when anything failed.
Standard library only.
"""

import argparse
import hashlib
import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "correct horse battery"
CLIENTS = 4


class Failures:
    def __init__(self):
        self.passed = 0
        self.failed = []
        self.lock = threading.Lock()

    def check(self, ok, what):
        with self.lock:
            if ok:
                self.passed += 1
            else:
                self.failed.append(what)
                print("FAIL: " + what, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The real `copydesk serve` on a data folder; killed and restarted at will."""

    def __init__(self, binary, data_dir, port):
        self.binary, self.data_dir, self.port = binary, data_dir, port
        self.proc = None
        self.starts = 0

    def start(self, timeout=30):
        self.starts += 1
        # Append mode: the server shares this file's offset with us, and without O_APPEND its
        # lines would be written wherever our seek(0) + read() left it, over its own
        # "listening" line (the test then failed to see a server that had started).
        log = open(os.path.join(os.path.dirname(self.data_dir), "server-%d.log" % self.starts), "a+")
        self.proc = subprocess.Popen(
            [self.binary, "serve", "--data", self.data_dir, "--listen", "127.0.0.1:%d" % self.port,
             "--web-dir", os.path.join(os.path.dirname(self.data_dir), "web"), "--log-level", "info"],
            stdout=subprocess.DEVNULL, stderr=log)
        deadline = time.time() + timeout
        while time.time() < deadline:
            log.seek(0)
            if '"listening"' in log.read():
                return
            if self.proc.poll() is not None:
                log.seek(0)
                raise RuntimeError("server exited with %s: %s" % (self.proc.returncode, log.read()[-2000:]))
            time.sleep(0.02)
        raise RuntimeError("server did not start in %ss" % timeout)

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()


class Client:
    """One person's session over plain HTTP, a new connection per request."""

    def __init__(self, port):
        self.port = port
        self.cookie = ""
        self.csrf = ""

    def request(self, method, path, body=None, timeout=10, raw=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            headers = {"Connection": "close"}
            data = None
            if body is not None:
                data = json.dumps(body).encode()
                headers["Content-Type"] = "application/json"
            if raw is not None:
                data = raw
                headers["Content-Type"] = "application/octet-stream"
            if self.cookie:
                headers["Cookie"] = self.cookie
            if self.csrf and method != "GET":
                headers["X-CSRF-Token"] = self.csrf
            conn.request(method, path, body=data, headers=headers)
            resp = conn.getresponse()
            answer = resp.read()
            for name, value in resp.getheaders():
                if name.lower() == "set-cookie" and value.startswith("copydesk_session="):
                    self.cookie = value.split(";", 1)[0]
            if answer and not resp.getheader("Content-Type", "").startswith(("application/json", "application/problem+json")):
                return resp.status, answer  # a file's bytes
            parsed = json.loads(answer) if answer else None
            if isinstance(parsed, dict) and "csrf_token" in parsed:
                self.csrf = parsed["csrf_token"]
            return resp.status, parsed
        finally:
            conn.close()


def wait_until_up(client, stop_at):
    while time.time() < stop_at:
        try:
            status, _ = client.request("GET", "/healthz", timeout=2)
            if status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.05)
    return False


def writer(index, people, content_id, stop, acks, errors):
    """Edits one content over and over, alternating between two people so that each save is a
    revision of its own; records every acknowledged (version, revision, title, body)."""
    version = 1
    n = 0
    while not stop.is_set():
        n += 1
        person = people[n % 2]
        title = "Client %d, édition %d" % (index, n)
        body = "Paragraphe %d-%d : le biométhane chauffe la ville.\n\nSuite %d." % (index, n, n)
        try:
            status, doc = person.request("PATCH", "/api/v1/contents/" + content_id,
                                         {"base_version": version, "title": title, "fields": {"body": body}})
        except (OSError, http.client.HTTPException):
            # Killed mid-request: not acknowledged. Wait for the server, then go on.
            time.sleep(0.05)
            continue
        if status == 200:
            if doc["title"] != title or doc["fields"].get("body") != body:
                errors.append("client %d: acknowledged without its text at version %s" % (index, doc["version"]))
            acks.append((doc["version"], doc["revision"], title, body, n % 2))
            version = doc["version"]
        elif status == 409:
            # The write before was applied but its answer was lost in a kill: continue from there.
            # The content can never be older than a version the server acknowledged.
            if acks and doc["current_version"] < acks[-1][0]:
                errors.append("client %d: acknowledged version %d, the server is back at version %d"
                              % (index, acks[-1][0], doc["current_version"]))
            version = doc["current_version"]
        elif status in (503,):
            time.sleep(0.05)
        else:
            errors.append("client %d: PATCH answered %s %s" % (index, status, doc))
            time.sleep(0.05)


def uploader(person, ws, stop, acks, errors, rng):
    """Uploads files of 20 kB to 2 MB into the library, one after the other; records each
    acknowledged upload (media id, SHA-256 of the bytes). A kill mid-body is no acknowledgement."""
    n = 0
    while not stop.is_set():
        n += 1
        size = rng.randint(20_000, 2_000_000)
        line = ("upload %d\n" % n).encode()
        data = (line * (size // len(line) + 1))[:size]
        try:
            status, doc = person.request("POST", "/api/v1/workspaces/%s/media?name=file-%d.txt" % (ws, n),
                                         raw=data, timeout=30)
        except (OSError, http.client.HTTPException):
            time.sleep(0.05)
            continue
        if status == 201:
            sha = hashlib.sha256(data).hexdigest()
            if doc["current"]["sha256"] != sha or doc["current"]["size"] != size:
                errors.append("upload %d: acknowledged as %s, sent %s" % (n, doc["current"]["sha256"], sha))
            acks.append((doc["id"], sha, size))
        elif status == 503:
            time.sleep(0.05)
        else:
            errors.append("upload %d answered %s %s" % (n, status, doc))
            time.sleep(0.05)


def stored_text(value):
    """A revision's fields or a version's snapshot as the database holds it: JSON text, or that
    JSON zlib-compressed (what copydesk stores since issue 15)."""
    if isinstance(value, str):
        return value
    return value.decode() if value[:1] == b"{" else zlib.decompress(value).decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.environ.get("COPYDESK_BIN", os.path.join(ROOT, "build", "copydesk")))
    parser.add_argument("--kills", type=int, default=0, help="how many kills (default: random 5 to 10)")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    kills = args.kills or rng.randint(5, 10)
    print("durability: seed %d, %d kills, binary %s" % (args.seed, kills, args.bin), flush=True)

    results = Failures()
    scratch = tempfile.mkdtemp(prefix="copydesk-durability-")
    data_dir = os.path.join(scratch, "data")
    server = Server(args.bin, data_dir, free_port())
    started = time.time()
    try:
        server.start()
        owner = Client(server.port)
        status, doc = owner.request("POST", "/api/v1/setup", {
            "email": "chloe@example.com", "name": "Chloé Martin", "password": PASSWORD,
            "workspace_name": "Énergie Sud", "language": "fr"})
        if status != 201:
            raise RuntimeError("setup answered %s %s" % (status, doc))
        ws = doc["workspace"]["id"]
        user_ids = [doc["user"]["id"], None]
        status, doc = owner.request("POST", "/api/v1/workspaces/%s/members" % ws,
                                    {"email": "claire@example.com", "role": "editor"})
        if status != 201:
            raise RuntimeError("invite answered %s %s" % (status, doc))
        token = doc["invitation"]["token"]
        content_ids, people = [], []
        for i in range(CLIENTS):
            status, doc = owner.request("POST", "/api/v1/workspaces/%s/contents" % ws,
                                        {"type": "article", "title": "Client %d" % i,
                                         "fields": {"body": "Début %d." % i}})
            if status != 201:
                raise RuntimeError("create answered %s %s" % (status, doc))
            content_ids.append(doc["id"])
            # Each client has its own two sessions: the owner's and the editor's.
            first = Client(server.port)
            first.request("POST", "/api/v1/auth/login", {"email": "chloe@example.com", "password": PASSWORD})
            second = Client(server.port)
            if i == 0:
                status, doc = second.request("POST", "/api/v1/invitations/%s/accept" % token,
                                             {"name": "Claire Dubois", "password": PASSWORD})
                if status != 201:
                    raise RuntimeError("accept answered %s %s" % (status, doc))
                user_ids[1] = doc["user"]["id"]
            else:
                second.request("POST", "/api/v1/auth/login", {"email": "claire@example.com", "password": PASSWORD})
            if not first.cookie or not second.cookie:
                raise RuntimeError("could not sign in")
            people.append((first, second))

        stop = threading.Event()
        acks = [[] for _ in range(CLIENTS)]
        errors = []
        threads = [threading.Thread(target=writer, args=(i, people[i], content_ids[i], stop, acks[i], errors))
                   for i in range(CLIENTS)]
        upload_acks = []
        files_person = Client(server.port)
        files_person.request("POST", "/api/v1/auth/login", {"email": "chloe@example.com", "password": PASSWORD})
        threads.append(threading.Thread(target=uploader, args=(files_person, ws, stop, upload_acks, errors,
                                                               random.Random(args.seed + 1))))
        for t in threads:
            t.start()
        for k in range(kills):
            time.sleep(rng.uniform(0.3, 2.5))
            before = sum(len(a) for a in acks)
            server.kill()
            time.sleep(rng.uniform(0.0, 0.3))
            server.start()
            print("durability: kill %d after %d acknowledged writes" % (k + 1, before), flush=True)
        time.sleep(1.0)
        stop.set()
        for t in threads:
            t.join(timeout=30)
        for e in errors:
            results.check(False, e)
        total = sum(len(a) for a in acks)
        results.check(total > 100, "only %d acknowledged writes: the clients did not write" % total)

        # Over HTTP, on the restarted server: every acknowledged write at its version, and its text
        # in the revision the server named when it acknowledged it.
        coalesced = 0
        reader = people[0][0]
        wait_until_up(reader, time.time() + 10)
        for i, cid in enumerate(content_ids):
            status, content = reader.request("GET", "/api/v1/contents/" + cid)
            results.check(status == 200, "content %d missing (%s)" % (i, status))
            if status != 200:
                continue
            status, listing = reader.request("GET", "/api/v1/contents/%s/revisions" % cid)
            numbers = {r["number"] for r in listing["items"]}
            current = (content["title"], content["fields"].get("body"))
            client_acks = acks[i]
            for k, (version, revision, title, body, person) in enumerate(client_acks):
                results.check(content["version"] >= version,
                              "client %d: acknowledged version %d but the content is at %d" % (i, version, content["version"]))
                later = client_acks[k + 1] if k + 1 < len(client_acks) else None
                if later and later[1] == revision:
                    # The same person's next save refined their working revision (a save lost in a
                    # kill made two saves of one person in a row): by design, not a loss.
                    results.check(later[4] == person, "client %d: revision %d refined by another person" % (i, revision))
                    coalesced += 1
                    continue
                snapshot = None
                if revision in numbers:
                    s, r = reader.request("GET", "/api/v1/contents/%s/revisions/%d" % (cid, revision))
                    if s == 200:
                        snapshot = (r["title"], r["fields"].get("body"))
                        results.check(r["author"]["id"] == user_ids[person],
                                      "client %d: revision %d is not by the person who saved it" % (i, revision))
                results.check(snapshot == (title, body) or current == (title, body),
                              "client %d: acknowledged text of version %d (revision %d) is lost: %r" % (i, version, revision, snapshot))
        # Every acknowledged upload downloads whole.
        results.check(len(upload_acks) > 5, "only %d acknowledged uploads" % len(upload_acks))
        for media_id, sha, size in upload_acks:
            status, data = reader.request("GET", "/api/v1/media/%s/file" % media_id, timeout=30)
            results.check(status == 200 and hashlib.sha256(data).hexdigest() == sha,
                          "upload %s (%d bytes): answered %s after the kills" % (media_id, size, status))
        server.kill()

        # No half-written file under a stored name: each blob's bytes hash to its name, and each
        # blob the database records is there.
        blobs_dir = os.path.join(data_dir, "blobs")
        stored = set()
        for folder, _, names in os.walk(blobs_dir):
            for name in names:
                with open(os.path.join(folder, name), "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
                results.check(digest == name, "stored file %s holds other bytes (%s)" % (name, digest))
                stored.add(name)

        # In the database file, after the server stopped: nothing half-applied, file intact.
        db = sqlite3.connect(os.path.join(data_dir, "copydesk.db"))
        rows = db.execute("PRAGMA integrity_check").fetchall()
        results.check(rows == [("ok",)], "integrity_check: %r" % rows)
        for (sha,) in db.execute("SELECT sha256 FROM blobs"):
            results.check(sha in stored, "blob %s is recorded but not stored" % sha)
        for i, cid in enumerate(content_ids):
            version, revision, content_hash, title, fields = db.execute(
                "SELECT version, revision, content_hash, title, fields FROM contents WHERE id = ?", (cid,)).fetchone()
            latest = db.execute(
                "SELECT number, content_hash, title, fields FROM revisions WHERE content_id = ? ORDER BY number DESC LIMIT 1",
                (cid,)).fetchone()
            count = db.execute("SELECT COUNT(*) FROM revisions WHERE content_id = ?", (cid,)).fetchone()[0]
            results.check(latest is not None and latest[0] == revision and count == revision,
                          "client %d: content at revision %d, revisions table %r (%d rows)" % (i, revision, latest and latest[0], count))
            results.check(latest is not None and (latest[1], latest[2], json.loads(stored_text(latest[3]))) == (content_hash, title, json.loads(fields)),
                          "client %d: the content's text differs from its newest revision" % i)
            newest_version = db.execute("SELECT MAX(version) FROM content_versions WHERE content_id = ?", (cid,)).fetchone()[0]
            results.check(newest_version == version,
                          "client %d: content at version %d, newest kept version %r" % (i, version, newest_version))
            # The state kept for each recent version (for merges) is exactly what was acknowledged.
            kept = dict(db.execute("SELECT version, snapshot FROM content_versions WHERE content_id = ?", (cid,)))
            checked = 0
            for ack_version, _, ack_title, ack_body, _ in acks[i]:
                if ack_version in kept:
                    snap = json.loads(stored_text(kept[ack_version]))
                    results.check((snap["title"], snap["fields"].get("body")) == (ack_title, ack_body),
                                  "client %d: version %d holds another text than the one acknowledged" % (i, ack_version))
                    checked += 1
            results.check(checked > 0 or not acks[i], "client %d: no acknowledged version is kept to compare" % i)
            events = db.execute("SELECT COUNT(*) FROM events WHERE subject_id = ? AND kind LIKE 'content.%'", (cid,)).fetchone()[0]
            results.check(events == version, "client %d: version %d but %d content events" % (i, version, events))
        db.close()
        print("durability: %d acknowledged writes (%d refined by the next save of the same person), "
              "%d acknowledged uploads, %d restarts, %.0f s"
              % (total, coalesced, len(upload_acks), server.starts - 1, time.time() - started))
    except Exception as e:  # a crash of the harness is a failure too
        results.check(False, "harness: %s" % e)
    finally:
        server.kill()
        if args.keep or results.failed:
            print("durability: data kept in " + scratch)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print("durability: %d passed, %d failed" % (results.passed, len(results.failed)))
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
