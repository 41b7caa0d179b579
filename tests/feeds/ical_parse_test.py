#!/usr/bin/env python3
"""Calendar feeds read by a second, independent and strict iCalendar parser (python3-icalendar),
as calendar apps read them: the real server, contents and tasks whose titles carry commas,
semicolons, backslashes, accents and newlines; each feed (my work, a saved view, a project) is
fetched without a session and parsed; events, UIDs, times (UTC and all-day dates), escaping,
line folding, SEQUENCE after a date moves and CANCELLED after an archive are checked.

Usage: /usr/bin/python3 tests/feeds/ical_parse_test.py [--bin build/copydesk] [--keep]
Prints `ical parse: N passed, M failed` last; exits non-zero when anything failed.
Needs Debian's python3-icalendar (/usr/bin/python3 has it).
"""

import argparse
import datetime
import http.client
import os
import shutil
import sys
import tempfile

import icalendar

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "durability"))
from kill_test import PASSWORD, ROOT, Client, Failures, Server, free_port  # noqa: E402

UTC = datetime.timezone.utc
TITLES = [
    "Offre d'été, «prix»; hiver 2027",
    "Chemin C:\\temp\\énergie; fin",
    "Deux lignes\nseconde ligne, ça marche",
    "Œuvre à l'écran — ünïcödé ✓ " + "é" * 60,
]


def must(status_doc, want, what):
    status, doc = status_doc
    if status != want:
        raise RuntimeError("%s answered %s %s" % (what, status, doc))
    return doc


def fetch(port, url, headers=None):
    """Fetches a feed's URL as a calendar app does: no cookie, no CSRF."""
    path = url[url.index("/api/v1/feeds/"):]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict((k.lower(), v) for k, v in resp.getheaders()), resp.read()
    finally:
        conn.close()


def events_by_uid(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def check_physical_lines(results, raw, what):
    """RFC 5545 §3.1: CRLF line ends, lines of at most 75 octets, folded between characters."""
    results.check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""),
                  "%s: every line ends with CRLF" % what)
    lines = raw.split(b"\r\n")
    results.check(all(len(line) <= 75 for line in lines), "%s: no line is longer than 75 octets" % what)
    broken = []
    for line in lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            broken.append(line)
    results.check(not broken, "%s: folding never splits a UTF-8 character (%r)" % (what, broken[:1]))


def parse(results, raw, what):
    try:
        return icalendar.Calendar.from_ical(raw)
    except Exception as e:  # the strict parser refused it
        results.check(False, "%s: parses (%s)" % (what, e))
        raise


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.environ.get("COPYDESK_BIN", os.path.join(ROOT, "build", "copydesk")))
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    args = parser.parse_args()
    results = Failures()
    scratch = tempfile.mkdtemp(prefix="copydesk-ical-")
    server = Server(args.bin, os.path.join(scratch, "data"), free_port())
    try:
        server.start()
        owner = Client(server.port)
        doc = must(owner.request("POST", "/api/v1/setup", {
            "email": "chloe@example.com", "name": "Chloé Martin", "password": PASSWORD,
            "workspace_name": "Énergie, Sud; SA", "language": "fr"}), 201, "setup")
        ws = doc["workspace"]["id"]
        me = doc["user"]["id"]
        project = must(owner.request("POST", "/api/v1/workspaces/%s/projects" % ws,
                                     {"name": "Campagne, hiver; 2027"}), 201, "project")["id"]

        contents = {}  # id -> (title as stored, publish_at)
        dates = ["2026-12-10T08:30:00Z", "2026-12-14", "2026-12-15T16:45:00Z", "2026-12-20"]
        for title, at in zip(TITLES, dates):
            status, doc = owner.request("POST", "/api/v1/workspaces/%s/contents" % ws, {
                "type": "article", "title": title, "publish_at": at, "project": project})
            if status == 422 and "\n" in title:
                # A title may not hold a line break: the newline goes in a task's text below.
                continue
            if status != 201:
                raise RuntimeError("create answered %s %s" % (status, doc))
            contents[doc["id"]] = (doc["title"], at)
        results.check(len(contents) >= 3, "contents with commas, semicolons, backslashes and accents made")
        task = must(owner.request("POST", "/api/v1/workspaces/%s/tasks" % ws, {
            "title": "Relire; valider, publier \\ vite", "description": "Première ligne\nDeuxième, ligne; fin",
            "due_at": "2026-12-11T10:00:00Z", "assignees": [me]}), 201, "task")
        task = task["items"][0] if "items" in task else task
        view = must(owner.request("POST", "/api/v1/workspaces/%s/views" % ws, {
            "name": "Vue, «spéciale»; test", "filters": {"project": [project]}}), 201, "view")

        feeds = {}
        for kind, extra in [("my_work", {}), ("view", {"view": view["id"]}), ("project", {"project": project})]:
            body = {"workspace": ws, "kind": kind}
            body.update(extra)
            feeds[kind] = must(owner.request("POST", "/api/v1/me/feeds", body), 201, "feed " + kind)["url"]

        for kind, url in feeds.items():
            status, headers, raw = fetch(server.port, url)
            results.check(status == 200, "%s: 200 (%s)" % (kind, status))
            results.check(headers.get("content-type") == "text/calendar; charset=utf-8",
                          "%s: text/calendar (%s)" % (kind, headers.get("content-type")))
            check_physical_lines(results, raw, kind)
            cal = parse(results, raw, kind)
            results.check(str(cal["VERSION"]) == "2.0" and "PRODID" in cal, "%s: VERSION and PRODID" % kind)
            name = str(cal.get("X-WR-CALNAME", ""))
            results.check("Énergie, Sud; SA" in name, "%s: the calendar is named (%r)" % (kind, name))
            events = events_by_uid(cal)
            for cid, (title, at) in contents.items():
                uid = "content-%s@copydesk" % cid
                e = events.get(uid)
                results.check(e is not None, "%s: %s is an event" % (kind, uid))
                if e is None:
                    continue
                results.check(str(e["SUMMARY"]) == title, "%s: SUMMARY %r is the title %r" % (kind, str(e["SUMMARY"]), title))
                start = e["DTSTART"].dt
                if "T" in at:
                    want = datetime.datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
                    results.check(isinstance(start, datetime.datetime) and start.tzinfo is not None
                                  and start.utcoffset() == datetime.timedelta(0) and start == want,
                                  "%s: %s starts at %s UTC (%r)" % (kind, title, at, start))
                else:
                    want = datetime.date.fromisoformat(at)
                    results.check(type(start) is datetime.date and start == want,
                                  "%s: %s is the all-day %s (%r)" % (kind, title, at, start))
                    results.check(e["DTEND"].dt == want + datetime.timedelta(days=1),
                                  "%s: an all-day event ends the next day" % kind)
                results.check(str(e["URL"]).endswith("/w/%s/contents/%s" % (ws_slug(owner, ws), cid)),
                              "%s: URL back to the content (%s)" % (kind, e.get("URL")))
                results.check(int(e["SEQUENCE"]) == 0 and str(e["STATUS"]) == "CONFIRMED",
                              "%s: a new event is CONFIRMED at SEQUENCE 0" % kind)
                results.check("DTSTAMP" in e, "%s: DTSTAMP" % kind)
                results.check("Statut" in str(e.get("DESCRIPTION", "")), "%s: the status, in French" % kind)
            task_uid = "task-%s@copydesk" % task["id"]
            if kind == "my_work":
                t = events.get(task_uid)
                results.check(t is not None, "my_work: the task is an event")
                if t is not None:
                    results.check(str(t["SUMMARY"]) == "Tâche : Relire; valider, publier \\ vite",
                                  "my_work: task SUMMARY escaped and read back (%r)" % str(t["SUMMARY"]))
                    results.check(str(t["DESCRIPTION"]) == "Première ligne\nDeuxième, ligne; fin",
                                  "my_work: a newline in a DESCRIPTION survives (%r)" % str(t["DESCRIPTION"]))
                    results.check(t["DTSTART"].dt == datetime.datetime(2026, 12, 11, 10, 0, tzinfo=UTC),
                                  "my_work: the task is on its due time")
            else:
                results.check(task_uid not in events, "%s: tasks only in my work" % kind)

        # A date moves: SEQUENCE 1 and the new time; an archived content is CANCELLED.
        moved, archived = list(contents)[:2]
        doc = must(owner.request("GET", "/api/v1/contents/" + moved), 200, "get")
        must(owner.request("PATCH", "/api/v1/contents/" + moved, {
            "base_version": doc["version"], "publish_at": "2026-12-12T07:15:00Z"}), 200, "move")
        must(owner.request("DELETE", "/api/v1/contents/" + archived), 200, "archive")
        status, headers, raw = fetch(server.port, feeds["project"])
        check_physical_lines(results, raw, "project after changes")
        events = events_by_uid(parse(results, raw, "project after changes"))
        e = events["content-%s@copydesk" % moved]
        results.check(int(e["SEQUENCE"]) == 1, "a moved date raises SEQUENCE to 1 (%s)" % e["SEQUENCE"])
        results.check(e["DTSTART"].dt == datetime.datetime(2026, 12, 12, 7, 15, tzinfo=UTC), "the new date")
        a = events.get("content-%s@copydesk" % archived)
        results.check(a is not None and str(a["STATUS"]) == "CANCELLED" and int(a["SEQUENCE"]) == 1,
                      "an archived content is CANCELLED")
        results.check(TITLES[0] not in raw.decode("utf-8") or contents[archived][0] != TITLES[0],
                      "a cancelled event no longer carries its title")

        # Polling: the ETag answers 304 while nothing changed.
        status2, _, raw2 = fetch(server.port, feeds["project"], {"If-None-Match": headers["etag"]})
        results.check(status2 == 304 and raw2 == b"", "304 on the ETag (%s)" % status2)
    except Exception as e:
        results.check(False, "the scenario ran to its end (%s: %s)" % (type(e).__name__, e))
    finally:
        server.kill()
        if args.keep:
            print("data kept in " + scratch)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print("ical parse: %d passed, %d failed" % (results.passed, len(results.failed)))
    return 1 if results.failed else 0


_slugs = {}


def ws_slug(client, ws):
    if ws not in _slugs:
        _slugs[ws] = must(client.request("GET", "/api/v1/workspaces/" + ws), 200, "workspace")["slug"]
    return _slugs[ws]


if __name__ == "__main__":
    sys.exit(main())
