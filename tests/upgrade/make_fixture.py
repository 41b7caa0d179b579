#!/usr/bin/env python3
"""Makes one upgrade fixture with the binary of an earlier copydesk: a representative workspace
built through that binary's API, its database file (VACUUMed, gzipped) and the facts that binary
reported (<name>.json). Run once per released schema version; the files are committed.

The fixtures kept, each from the last commit on main before the next schema change, built with
`git worktree add --detach /tmp/old-N <commit>` and `ninja copydesk` (then the worktree removed):

  make_fixture.py --bin /tmp/old-1/build/copydesk --name schema-1 --commit 27a312e
  make_fixture.py --bin /tmp/old-7/build/copydesk --name schema-7-renumbered --commit c37042e \
      --features contents,workflow,views,screen --history 60
  make_fixture.py --bin /tmp/old-8/build/copydesk --name schema-8 --commit f1fd677 \
      --features contents,workflow,views,screen,collab --history 60
  make_fixture.py --bin /tmp/old-11/build/copydesk --name schema-11 --commit 874ffe9 \
      --features contents,workflow,views,screen,collab,sharing --history 300
  make_fixture.py --bin /tmp/old-16/build/copydesk --name schema-16 --commit 434f5ec \
      --features contents,workflow,views,screen,collab,sharing,webhooks,first_day --history 60
  make_fixture.py --bin /tmp/old-18/build/copydesk --name schema-18 --commit a567137 \
      --features contents,workflow,views,screen,collab,sharing,webhooks,first_day,files --history 60
  make_fixture.py --bin /tmp/old-23/build/copydesk --name schema-23 --commit d12f71f \
      --features contents,workflow,views,screen,collab,sharing,webhooks,first_day,files,planning \
      --history 60

schema-11 has the longest history: tests/upgrade/resume_test.py kills a migration in its middle.

Features: contents (contents, revisions, projects, search), workflow (statuses, approvals, locks), views (saved views), screen (a view's screen),
collab (comments, tasks, notifications), sharing (guests, shares, review links),
webhooks (a subscription), first_day (first steps seen, an invitation waiting),
files (an attachment with two versions, a library image reused on another content),
planning (channels with dates of their own, a channel marked published with its address, a
person's time zone, a calendar feed whose secret the fixture keeps)."""

import argparse
import gzip
import json
import os
import shutil
import sqlite3
import struct
import sys
import tarfile
import tempfile
import urllib.parse
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from upgrade_lib import PASSWORD, Client, Server, read_facts  # noqa: E402

PARAGRAPH = ("La hausse des prix de l'énergie pèse sur les ménages ; nos conseillers expliquent "
             "comment réduire la facture sans perdre en confort. ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--name", required=True, help="fixture name, e.g. schema-8")
    ap.add_argument("--commit", required=True, help="the commit the binary was built from")
    ap.add_argument("--features", default="")
    ap.add_argument("--history", type=int, default=120,
                    help="revisions of the long-history content")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)) + "/fixtures")
    args = ap.parse_args()
    features = [f for f in args.features.split(",") if f]

    work = tempfile.mkdtemp(prefix="copydesk-fixture-")
    data = os.path.join(work, "data")
    server = Server(args.bin, data)
    try:
        manifest = build(server, features, args.history)
        facts = read_facts(sign_in(server, manifest), manifest)
    finally:
        server.stop()

    db = os.path.join(data, "copydesk.db")
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    schema = [list(r) for r in con.execute("SELECT version, name FROM schema_migrations ORDER BY version")]
    con.execute("VACUUM")
    con.close()
    os.makedirs(args.out, exist_ok=True)
    with open(db, "rb") as src, gzip.open(os.path.join(args.out, args.name + ".db.gz"), "wb", 9) as dst:
        shutil.copyfileobj(src, dst)
    blobs = os.path.join(data, "blobs")
    if os.path.isdir(blobs):
        # The files' bytes live beside the database; renditions are derived and left out.
        with tarfile.open(os.path.join(args.out, args.name + ".blobs.tar.gz"), "w:gz") as tar:
            tar.add(blobs, arcname="blobs")
    manifest.update({"name": args.name, "commit": args.commit, "schema_migrations": schema})
    with open(os.path.join(args.out, args.name + ".json"), "w") as f:
        json.dump({"manifest": manifest, "facts": facts}, f, ensure_ascii=False, indent=1,
                  sort_keys=True)
        f.write("\n")
    shutil.rmtree(work)
    print(f"{args.name}: {len(manifest['contents'])} contents, schema {schema[-1]}")
    return 0


def png(width, height, rgb):
    """A small solid-colour PNG, made here so that the fixture needs no image on disk."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    rows = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def sign_in(server, manifest):
    return {role: server.client().login(p["email"]) for role, p in manifest["people"].items()}


def build(server, features, history):
    owner = server.client()
    made = owner.post("/api/v1/setup", {"email": "chloe@energie-sud.fr", "name": "Chloé Martin",
                                        "password": PASSWORD, "workspace_name": "Énergie Sud",
                                        "language": "fr"})
    ws = made["workspace"]["id"]
    people = {"owner": {"email": "chloe@energie-sud.fr", "id": made["user"]["id"]}}
    clients = {"owner": owner}
    roles = [("editor", "Rémi Duval"), ("reviewer", "Léa Bernard"), ("contributor", "Paul Girard")]
    if "sharing" in features:
        roles.append(("guest", "Gabriel Agence"))
    for role, name in roles:
        email = role + "@energie-sud.fr"
        invited = owner.post(f"/api/v1/workspaces/{ws}/members", {"email": email, "role": role})
        c = server.client()
        accepted = c.post(f"/api/v1/invitations/{invited['invitation']['token']}/accept",
                          {"name": name, "password": PASSWORD})
        people[role] = {"email": email, "id": accepted["user"]["id"]}
        clients[role] = server.client().login(email)
    writer, legal = clients["editor"], clients["reviewer"]
    owner.post(f"/api/v1/workspaces/{ws}/teams",
               {"name": "Rédaction web", "members": [people["editor"]["id"], people["owner"]["id"]]})
    manifest = {"workspace_id": ws, "features": features, "people": people, "contents": []}
    if "contents" not in features:
        return manifest
    contents = manifest["contents"]

    def create(c, title, fields, **extra):
        body = {"type": "article", "title": title, "fields": fields} | extra
        made = c.post(f"/api/v1/workspaces/{ws}/contents", body)
        contents.append(made["id"])
        return made["id"]

    def edit(c, cid, change):
        version = c.get(f"/api/v1/contents/{cid}")["version"]
        return c.patch(f"/api/v1/contents/{cid}", change | {"base_version": version})

    project = owner.post(f"/api/v1/workspaces/{ws}/projects",
                         {"name": "Salon de l'énergie", "description": "Le stand et ses annonces"})
    # A content with a long history: two authors taking turns open a revision each time.
    journal = create(writer, "Journal de la transition énergétique",
                     {"lead": "Chaque semaine, ce qui change.", "body": PARAGRAPH},
                     tags=["Transition", "Énergie"], project=project["id"])
    for i in range(1, history):
        who = owner if i % 2 else writer
        edit(who, journal, {"fields": {"body": PARAGRAPH * (1 + i % 7) + f"Semaine {i}."}})
    owner.put(f"/api/v1/contents/{journal}/revisions/2/label", {"label": "Version envoyée au comité"})

    tarifs = create(writer, "Tarifs 2025 : ce qui change",
                    {"lead": "Les prix baissent de 5 %.", "body": "Détails par région."},
                    assignees=[people["editor"]["id"]], due_at="2099-03-01")
    edit(owner, tarifs, {"fields": {"lead": "Les prix baissent de 4 %."}})
    verte = create(writer, "L'offre d'énergie verte", {"lead": "Cent pour cent renouvelable.",
                                                       "body": "Éolien et solaire."})
    restored = create(writer, "Conseils d'hiver", {"lead": "Baisser d'un degré.", "body": "Isoler."})
    edit(owner, restored, {"fields": {"lead": "Baisser de deux degrés."}})
    owner.post(f"/api/v1/contents/{restored}/restore", {"revision": 1})
    own = create(clients["contributor"], "Brève du contributeur", {"lead": "Une idée.", "body": "À creuser."})
    archived = create(owner, "Ancienne campagne", {"lead": "Terminée.", "body": "Archivée."})
    owner.delete(f"/api/v1/contents/{archived}")

    manifest["search"] = {"text": "renouvelable", "content": verte}
    if "workflow" in features:
        statuses = owner.get(f"/api/v1/workspaces/{ws}/workflow")["statuses"]
        legal_status = next(s["id"] for s in statuses if s.get("gate"))
        team = next(t for t in owner.get(f"/api/v1/workspaces/{ws}/teams")["items"]
                    if t["id"] in statuses[[s["id"] for s in statuses].index(legal_status)]["gate"]["teams"])
        owner.put(f"/api/v1/workspaces/{ws}/teams/{team['id']}/members", [people["reviewer"]["id"]])
        for cid in (tarifs, verte):
            writer.post(f"/api/v1/contents/{cid}/status", {"status": legal_status})
            rev = writer.get(f"/api/v1/contents/{cid}")["revision"]
            legal.post(f"/api/v1/contents/{cid}/approvals",
                       {"revision": rev, "decision": "approved", "comment": "Conforme."})
        # The offer changes after its approval: the approval goes stale.
        edit(writer, verte, {"fields": {"lead": "Cent pour cent renouvelable, garanti."}})
        writer.post(f"/api/v1/contents/{restored}/status", {"status": statuses[1]["id"]})
        owner.post(f"/api/v1/contents/{tarifs}/lock", {"reason": "Gel avant impression"})
    if "files" in features:
        # An attachment with alt text and a second version, and a library image reused elsewhere:
        # after an upgrade the files, their versions and each revision's hashes must all remain.
        att = writer.upload(f"/api/v1/contents/{verte}/attachments?name=eolienne.png"
                            f"&alt={urllib.parse.quote('Éolienne au lever du soleil')}",
                            png(24, 16, (30, 120, 200)), "image/png")
        writer.upload(f"/api/v1/attachments/{att['id']}/versions?name=eolienne.png",
                      png(24, 16, (40, 160, 90)), "image/png")
        logo = owner.upload(f"/api/v1/workspaces/{ws}/media?name=logo-energie-sud.png",
                            png(8, 8, (250, 200, 0)), "image/png")
        owner.post(f"/api/v1/contents/{restored}/attachments",
                   {"media_id": logo["id"], "alt": "Logo"})
        manifest["file_contents"] = [verte, restored]
    if "views" in features:
        view = {"name": "Énergie à relire", "q": "énergie", "shared": True}
        if "screen" in features:
            view["screen"] = "board"
        owner.post(f"/api/v1/workspaces/{ws}/views", view)
        writer.post(f"/api/v1/workspaces/{ws}/views", {"name": "Mes brouillons", "q": "tarifs"})
    if "collab" in features:
        root = writer.post(f"/api/v1/contents/{verte}/comments", {
            "body": "Peut-on citer la source ?",
            "anchor": {"field": "lead", "quote": "renouvelable"}})
        legal.post(f"/api/v1/contents/{verte}/comments",
                   {"body": "Oui, le rapport 2024.", "parent": root["id"]})
        owner.post(f"/api/v1/comments/{root['id']}/resolve", {})
        owner.post(f"/api/v1/contents/{tarifs}/comments",
                   {"body": "Vérifier les chiffres avec la finance.", "internal": True})
        writer.post(f"/api/v1/contents/{tarifs}/tasks", {
            "title": "Relire les chiffres", "assignees": [people["reviewer"]["id"]],
            "due_at": "2099-02-15"})
        done = owner.post(f"/api/v1/contents/{tarifs}/tasks", {"title": "Choisir l'image"})
        owner.patch(f"/api/v1/tasks/{done['id']}", {"done": True})
        owner.post(f"/api/v1/workspaces/{ws}/tasks", {"title": "Préparer le salon",
                                                      "assignees": [people["editor"]["id"]]})
        owner.post(f"/api/v1/workspaces/{ws}/task-lists", {
            "name": "Lancement", "tasks": [{"title": "Annonce", "offset_days": -7}]},
            ok=(200, 201, 400))
        first = legal.get("/api/v1/me/notifications")["items"]
        if first:
            legal.post(f"/api/v1/me/notifications/{first[-1]['id']}/read", {})
    if "sharing" in features:
        guest = people["guest"]["id"]
        owner.post(f"/api/v1/contents/{tarifs}/shares", {"user_id": guest, "level": "comment"})
        owner.post(f"/api/v1/projects/{project['id']}/shares", {"user_id": guest, "level": "read"})
        link = owner.post(f"/api/v1/contents/{verte}/links",
                          {"level": "validate", "label": "Direction"})
        revoked = owner.post(f"/api/v1/contents/{tarifs}/links", {"level": "read", "label": "Presse"})
        owner.delete(f"/api/v1/links/{revoked['id']}")
        visitor = server.client()
        visitor.post(f"/api/v1/review/{link['secret']}/session",
                     {"name": "Directrice", "email": "direction@energie-sud.fr"})
        manifest["link_secrets"] = [{"id": link["id"], "secret": link["secret"]}]
        manifest["revoked_secrets"] = [{"id": revoked["id"], "secret": revoked["secret"]}]
    if "webhooks" in features:
        # Never delivered here (the host does not resolve): the subscription is what must last.
        owner.post(f"/api/v1/workspaces/{ws}/webhooks", {
            "url": "https://hooks.energie-sud.example/copydesk", "description": "Site public",
            "events": ["content.created", "content.status_changed"]})
    if "planning" in features:
        # Two channels going out on different days, one of them already published: after an
        # upgrade the plan, the publication mark and the subscribed feed must all remain.
        channels = {c["name"]: c["id"]
                    for c in owner.get(f"/api/v1/workspaces/{ws}/channels")["items"]}
        linkedin, site = channels["LinkedIn"], channels["Site web"]
        edit(writer, verte, {"channels": [site, linkedin], "publish_at": "2099-04-01T08:00:00Z"})
        version = writer.get(f"/api/v1/contents/{verte}")["version"]
        writer.put(f"/api/v1/contents/{verte}/publications/{linkedin}",
                   {"planned_at": "2099-04-03T10:30:00Z", "version": version})
        writer.post(f"/api/v1/contents/{verte}/publications/{site}/published",
                    {"published_at": "2026-11-30T09:00:00Z",
                     "url": "https://www.energie-sud.example/offre-verte"})
        writer.patch("/api/v1/me", {"time_zone": "Europe/Paris"})
        feed = writer.post("/api/v1/me/feeds", {"workspace": ws, "kind": "my_work"})
        manifest["feed_url"] = urllib.parse.urlsplit(feed["url"]).path
        manifest["planned_contents"] = [verte]
    if "first_day" in features:
        owner.patch(f"/api/v1/workspaces/{ws}/first-steps", {"workflow_seen": True})
        owner.post(f"/api/v1/workspaces/{ws}/members",
                   {"email": "stagiaire@energie-sud.fr", "role": "editor"})
    return manifest


if __name__ == "__main__":
    main()
