"""What the upgrade fixtures and their tests share: a copydesk server started on a data folder,
a small API client, and `read_facts`, which reads a workspace through the API into plain JSON.

The facts are read the same way from the old binary (when a fixture is made) and from the current
one (when it is upgraded), so comparing them says: nothing a person could see has changed."""

import hashlib
import http.cookiejar
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "correct horse battery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`copydesk serve` on a data folder, on a free port; its log kept in a file."""

    def __init__(self, binary, data, extra=(), log_name="serve.log"):
        self.binary, self.data = binary, data
        self.port = free_port()
        self.log_path = data.rstrip("/") + "-" + log_name
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [binary, "serve", "--data", data, "--listen", f"127.0.0.1:{self.port}",
             "--web-dir", data + "/no-web", *extra],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"copydesk serve exited with {self.proc.returncode}:\n"
                                   + self.log_text())
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2)
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.time() > deadline:
                    raise RuntimeError("copydesk serve did not answer:\n" + self.log_text())
                time.sleep(0.05)

    def log_text(self):
        self.log.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def client(self):
        return Client(self.port)


class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__(f"{status}: {body}")
        self.status, self.body = status, body


class Client:
    """One person's session: cookies and the CSRF token the API hands out with it."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = None

    def call(self, method, path, body=None, ok=(200, 201, 204)):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self.csrf and method != "GET":
            req.add_header("X-CSRF-Token", self.csrf)
        try:
            with self.opener.open(req, timeout=30) as r:
                status, text = r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if status not in ok:
            raise ApiError(status, f"{method} {path}: {text}")
        out = json.loads(text) if text else None
        if isinstance(out, dict) and isinstance(out.get("csrf_token"), str):
            self.csrf = out["csrf_token"]
        return out

    def get(self, path, **kw):
        return self.call("GET", path, **kw)

    def upload(self, path, data, content_type):
        """A raw upload (a file's bytes as the body), as the web app sends attachments."""
        req = urllib.request.Request(self.base + path, data=data, method="POST")
        req.add_header("Content-Type", content_type)
        if self.csrf:
            req.add_header("X-CSRF-Token", self.csrf)
        with self.opener.open(req, timeout=30) as r:
            return json.loads(r.read().decode())

    def download(self, path):
        with self.opener.open(self.base + path, timeout=30) as r:
            return r.read()

    def post(self, path, body=None, **kw):
        return self.call("POST", path, {} if body is None else body, **kw)

    def patch(self, path, body, **kw):
        return self.call("PATCH", path, body, **kw)

    def put(self, path, body, **kw):
        return self.call("PUT", path, body, **kw)

    def delete(self, path, **kw):
        return self.call("DELETE", path, None, **kw)

    def login(self, email):
        self.post("/api/v1/auth/login", {"email": email, "password": PASSWORD})
        return self


def q(params):
    return "?" + urllib.parse.urlencode(params)


def list_contents(c, ws, **params):
    """Every content a person sees in the workspace's list (all pages), archived ones included
    when `archived` says so."""
    out, cursor = [], None
    while True:
        p = dict(params, limit=200)
        if cursor:
            p["cursor"] = cursor
        page = c.get(f"/api/v1/workspaces/{ws}/contents" + q(p))
        out += [item["id"] for item in page["items"]]
        cursor = page.get("next_cursor")
        if not cursor:
            return sorted(out)


def pick(obj, keys):
    return {k: obj.get(k) for k in keys}


def read_facts(clients, manifest):
    """What each person sees of the workspace, through the API, as plain comparable JSON.
    `clients`: role → signed-in Client; `manifest`: what the fixture script made (ids, features)."""
    ws = manifest["workspace_id"]
    features = set(manifest["features"])
    owner = clients["owner"]
    def member_id(m):
        return m if isinstance(m, str) else (m.get("id") or m.get("user_id"))

    facts = {
        "me": {role: pick(me.get("user", me), ["id", "email", "name"])
               for role, me in ((r, c.get("/api/v1/me")) for r, c in sorted(clients.items()))},
        "members": sorted([m["user_id"], m["role"], m["email"], m["name"]]
                          for m in owner.get(f"/api/v1/workspaces/{ws}/members")["items"]),
        "teams": sorted([t["id"], t["name"], sorted(member_id(m) for m in t.get("members", []))]
                        for t in owner.get(f"/api/v1/workspaces/{ws}/teams")["items"]),
        "workspaces": {role: sorted(w["id"] for w in c.get("/api/v1/workspaces")["items"])
                       for role, c in sorted(clients.items())},
    }
    if "contents" not in features:
        return facts
    facts |= {"contents": {}, "visible": {}}
    for role, c in sorted(clients.items()):
        facts["visible"][role] = list_contents(c, ws)
    facts["visible"]["owner_archived"] = list_contents(owner, ws, archived="true")
    for cid in manifest["contents"]:
        content = owner.get(f"/api/v1/contents/{cid}")
        fact = pick(content, ["id", "title", "language", "fields", "version", "revision",
                              "content_hash", "archived", "tags", "channels", "assignees",
                              "project", "owner", "due_at", "publish_at", "created_by"])
        fact["type"] = content["type"]["key"]
        if "workflow" in features:
            fact["status"] = (content.get("status") or {}).get("name")
            fact["lock"] = content.get("lock") and pick(content["lock"], ["by", "reason"])
            fact["validated_revision"] = content.get("validated_revision")
            fact["approval_states"] = sorted(
                [a["team_name"], a["state"], (a.get("latest") or {}).get("id")]
                for a in content.get("approvals", []))
            fact["approvals"] = [
                pick(a, ["id", "decision", "revision", "comment", "stale"])
                | {"by": (a.get("by") or {}).get("id"), "team": (a.get("team") or {}).get("id")}
                for a in owner.get(f"/api/v1/contents/{cid}/approvals")["items"]]
        revisions = []
        for r in owner.get(f"/api/v1/contents/{cid}/revisions")["items"]:
            full = owner.get(f"/api/v1/contents/{cid}/revisions/{r['number']}")
            revisions.append(pick(full, ["number", "reason", "label", "restored_from", "saves",
                                         "content_hash", "title", "fields"])
                             | {"author": full["author"]["id"]})
        fact["revisions"] = revisions
        if "collab" in features:
            fact["comments"] = [
                pick(x, ["id", "body", "parent", "internal", "resolved", "deleted"])
                | {"author": (x.get("author") or {}).get("id"),
                   "anchor": x.get("anchor") and pick(x["anchor"], ["field", "quote"]),
                   "replies": [pick(r, ["id", "body"]) | {"author": (r.get("author") or {}).get("id")}
                               for r in x.get("replies", [])]}
                for x in owner.get(f"/api/v1/contents/{cid}/comments")["items"]]
            fact["tasks"] = [pick(t, ["id", "title", "done", "assignees", "due_at"])
                             for t in owner.get(f"/api/v1/contents/{cid}/tasks")["items"]]
        if "sharing" in features:
            fact["shares"] = [pick(s, ["id", "level", "content_id", "project_id"])
                              | {"who": (s.get("user") or s.get("team") or {}).get("id")}
                              for s in owner.get(f"/api/v1/contents/{cid}/shares")["items"]]
        facts["contents"][cid] = fact
    if "views" in features:
        facts["views"] = {
            role: sorted(([pick(v, ["id", "name", "q", "filters", "sort", "shared", "screen"])
                           for v in c.get(f"/api/v1/workspaces/{ws}/views")["items"]]),
                         key=lambda v: v["id"])
            for role, c in sorted(clients.items()) if role != "guest"}
    if "collab" in features:
        facts["notifications"] = {
            role: sorted(([pick(n, ["id", "kind", "read", "subject_id"])
                           | {"content": (n.get("content") or {}).get("id")}
                           for n in c.get("/api/v1/me/notifications")["items"]]),
                         key=lambda n: n["id"])
            for role, c in sorted(clients.items())}
        facts["workspace_tasks"] = sorted(
            (pick(t, ["id", "title", "done"]) for done in ("false", "true") for t in
             owner.get(f"/api/v1/workspaces/{ws}/tasks" + q({"done": done}))["items"]),
            key=lambda t: t["id"])
    if "sharing" in features:
        facts["links"] = sorted(
            (pick(l, ["id", "level", "label", "revoked"])
             | {"content": (l.get("content") or {}).get("id"),
                "project": (l.get("project") or {}).get("id")}
             for l in owner.get(f"/api/v1/workspaces/{ws}/links")["items"]),
            key=lambda l: l["id"])
        # What a review link's visitor sees, opened with the secret the fixture kept.
        for link in manifest.get("link_secrets", []):
            visitor = Client(int(owner.base.rsplit(":", 1)[1]))
            visitor.post(f"/api/v1/review/{link['secret']}/session",
                         {"name": "Visiteur", "email": "visiteur@example.com"})
            seen = visitor.get(f"/api/v1/review/{link['secret']}")
            facts.setdefault("link_visits", {})[link["id"]] = sorted(
                c["id"] for c in seen.get("contents", []))
        # A revoked link stays refused.
        for link in manifest.get("revoked_secrets", []):
            visitor = Client(int(owner.base.rsplit(":", 1)[1]))
            try:
                visitor.post(f"/api/v1/review/{link['secret']}/session",
                             {"name": "Presse", "email": "presse@example.com"})
                status = 201
            except ApiError as e:
                status = e.status
            facts.setdefault("revoked_link_opens", {})[link["id"]] = status
    if "webhooks" in features:
        facts["webhooks"] = sorted(
            (pick(w, ["id", "url", "description", "events", "paused", "created_by"])
             for w in owner.get(f"/api/v1/workspaces/{ws}/webhooks")["items"]),
            key=lambda w: w["id"])
    if "files" in features:
        # Every file still comes back byte for byte: its hash is recomputed from the download.
        def file_facts(media):
            cur = media["current"]
            return {"name": media["name"], "kind": media["kind"], "versions": media["versions"],
                    "number": cur["number"], "sha256": cur["sha256"], "size": cur["size"],
                    "bytes_sha256": hashlib.sha256(owner.download(cur["url"])).hexdigest()}
        facts["attachments"] = {
            cid: [dict(pick(a, ["id", "alt", "position"]), media=file_facts(a["media"]))
                  for a in owner.get(f"/api/v1/contents/{cid}/attachments")["items"]]
            for cid in sorted(manifest["file_contents"])}
        facts["revision_files"] = {
            cid: [[r["number"], sorted(f["sha256"] for f in r["attachments"])]
                  for r in owner.get(f"/api/v1/contents/{cid}/revisions")["items"]]
            for cid in sorted(manifest["file_contents"])}
        facts["media"] = sorted(
            (file_facts(m) for m in owner.get(f"/api/v1/workspaces/{ws}/media")["items"]),
            key=lambda m: (m["name"], m["sha256"]))
    if "planning" in features:
        facts["publications"] = {
            cid: [pick(p, ["channel", "planned_at", "at", "published_at", "url"])
                  for p in owner.get(f"/api/v1/contents/{cid}")["publications"]]
            for cid in sorted(manifest["planned_contents"])}
        facts["time_zones"] = {role: (lambda me: me.get("user", me))(c.get("/api/v1/me")).get("time_zone")
                               for role, c in sorted(clients.items())}
        # The subscribed feed still answers with its secret, with the same events (UIDs).
        feed = owner.download(manifest["feed_url"]).decode()
        facts["feed_uids"] = sorted(line.split(":", 1)[1].strip()
                                    for line in feed.splitlines() if line.startswith("UID:"))
    if "first_day" in features:
        facts["first_steps"] = owner.get(f"/api/v1/workspaces/{ws}/first-steps")
        facts["invitations"] = sorted(
            [i["email"], i["role"]]
            for i in owner.get(f"/api/v1/workspaces/{ws}/invitations")["items"])
    return facts


def search_ids(c, ws, text):
    found = c.get(f"/api/v1/workspaces/{ws}/search" + q({"q": text}))
    return [h.get("id") or (h.get("content") or {}).get("id") for h in found["items"]]
