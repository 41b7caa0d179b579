#!/usr/bin/env python3
"""Scores search systems on the relevance set that build_set.py made (issue 19, point 1):

  copydesk   every page created and every query searched through copydesk's HTTP API
             (a real `copydesk serve` on a fresh data folder)
  xapian     plain Xapian: Snowball stemmer of the page's language, STEM_SOME, BM25, OR
  xapian-fold  the same over text with case, accents and elisions folded
  fts5       SQLite FTS5 (unicode61, remove_diacritics 2), bm25, query words OR-ed

For each system, language and variant: nDCG@10 (gains 2^grade − 1), MRR@10 (first page of grade
≥ 2), Recall@10 (pages of grade ≥ 2 in the first ten), nDCG@10 on body queries only (queries that
do not repeat a title), and copydesk's latency (p50/p95, one request at a time).

  score.py --set DIR --bin build/copydesk [--systems copydesk,xapian,xapian-fold,fts5]
           [--sample N] [--json OUT]
Needs Debian's python3 (python3-xapian) for the Xapian baselines.
"""

import argparse
import collections
import json
import math
import os
import sqlite3
import sys
import tempfile
import time
import unicodedata
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "upgrade"))
from upgrade_lib import Server  # noqa: E402  (a real server on a free port, from the tests)

PASSWORD = "relevance-bench-1"
STEMMERS = {"en": "english", "fr": "french"}


def fold(text):
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for el in ("l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'"):
        text = text.replace(" " + el, " ")
    return text


def ndcg(ranked, qrels, k=10):
    dcg = sum((2 ** qrels.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(qrels.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def mrr(ranked, qrels, k=10):
    for i, d in enumerate(ranked[:k]):
        if qrels.get(d, 0) >= 2:
            return 1.0 / (i + 1)
    return 0.0


def recall(ranked, qrels, k=10):
    good = {d for d, g in qrels.items() if g >= 2}
    return len(good & set(ranked[:k])) / len(good) if good else 0.0


def markdown_text(text):
    """Plain text as the editor would save it in Markdown: every ASCII punctuation mark escaped
    (so "<package_name>" stays words instead of an HTML tag), each line a paragraph."""
    escaped = "".join("\\" + c if c in "\\`*_{}[]()<>#+-.!|~&" else c for c in text)
    return "\n\n".join(line for line in escaped.split("\n") if line.strip())


# ---- systems ----------------------------------------------------------------------------------

class Copydesk:
    name = "copydesk"

    def __init__(self, binary, corpus):
        import http.client
        self.work = tempfile.mkdtemp(prefix="copydesk-relevance-")
        self.server = Server(binary, os.path.join(self.work, "data"), extra=("--log-level", "warn"))
        self.conn = http.client.HTTPConnection("127.0.0.1", self.server.port)
        self.cookie, self.csrf = "", ""
        self.speaks = "en"
        setup = self.call("POST", "/api/v1/setup", {
            "email": "relevance@example.com", "name": "Relevance", "password": PASSWORD,
            "workspace_name": "Debian Reference", "language": "en"})
        self.ws = self.call("GET", "/api/v1/workspaces")["items"][0]["id"]
        types = self.call("GET", f"/api/v1/workspaces/{self.ws}/types")["items"]
        article = next(t for t in types if any(f["key"] == "body" for f in t["fields"]))
        self.ids = {}
        started = time.time()
        for p in corpus:
            c = self.call("POST", f"/api/v1/workspaces/{self.ws}/contents", {
                "type": article["key"], "title": p["title"][:400], "language": p["lang"],
                "fields": {"body": markdown_text(p["body"])}})
            self.ids[c["id"]] = p["id"]
        self.created_in = time.time() - started
        self.copydesk_ids = {page: cid for cid, page in self.ids.items()}
        # A save is searchable within a second; wait until the index holds every page.
        deadline = time.time() + 120
        while self.call("GET", f"/api/v1/workspaces/{self.ws}/search?limit=1")["total"] < len(corpus):
            if time.time() > deadline:
                sys.exit("copydesk did not index every page within 2 minutes")
            time.sleep(0.2)
        del setup

    def call(self, method, path, body=None):
        headers = {"Cookie": self.cookie}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if method != "GET" and self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        self.conn.request(method, path, body=data, headers=headers)
        r = self.conn.getresponse()
        text = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                part = v.split(";", 1)[0]
                jar = dict(c.split("=", 1) for c in self.cookie.split("; ") if "=" in c)
                name, val = part.split("=", 1)
                jar[name] = val
                self.cookie = "; ".join(f"{a}={b}" for a, b in jar.items())
        if r.status >= 300:
            sys.exit(f"{method} {path}: {r.status} {text[:300]!r}")
        out = json.loads(text) if text else None
        if isinstance(out, dict) and isinstance(out.get("csrf_token"), str):
            self.csrf = out["csrf_token"]
        return out

    def search(self, q, lang):
        # The judgments hold pages in the query's language only: the person searching reads it.
        # Searched as a reader of that language (the account's language, PATCH /me), as a French
        # colleague and an English one would.
        if lang != self.speaks:
            self.call("PATCH", "/api/v1/me", {"language": lang})
            self.speaks = lang
        path = (f"/api/v1/workspaces/{self.ws}/search?"
                + urllib.parse.urlencode({"q": q, "limit": 10, "facets": "false"}))
        found = self.call("GET", path)
        return [self.ids.get(h.get("id") or (h.get("content") or {}).get("id")) for h in found["items"]]

    def similar(self, page_id, limit=5):
        """The pages copydesk's "similar contents" lists for a page (GET /contents/{id}/similar)."""
        cid = self.copydesk_ids[page_id]
        found = self.call("GET", f"/api/v1/contents/{cid}/similar?limit={limit}")
        items = found["items"] if isinstance(found, dict) else found
        return [self.ids.get(h.get("id")) for h in items]

    def close(self):
        self.server.stop()


class XapianIndex:
    def __init__(self, corpus, folded):
        import xapian
        self.xapian, self.folded = xapian, folded
        self.name = "xapian-fold" if folded else "xapian"
        self.db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
        for p in corpus:
            tg = xapian.TermGenerator()
            tg.set_stemmer(xapian.Stem(STEMMERS[p["lang"]]))
            tg.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
            doc = xapian.Document()
            tg.set_document(doc)
            text = p["title"] + "\n" + p["body"]
            tg.index_text(fold(text) if folded else text)
            doc.set_data(p["id"])
            self.db.add_document(doc)

    def search(self, q, lang):
        x = self.xapian
        qp = x.QueryParser()
        qp.set_stemmer(x.Stem(STEMMERS[lang]))
        qp.set_stemming_strategy(x.QueryParser.STEM_SOME)
        qp.set_database(self.db)
        query = qp.parse_query(fold(q) if self.folded else q, 0)
        enquire = x.Enquire(self.db)
        enquire.set_query(query)
        return [m.document.get_data().decode() for m in enquire.get_mset(0, 10)]

    def close(self):
        pass


class Fts5:
    name = "fts5"

    def __init__(self, corpus):
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE pages USING fts5(id UNINDEXED, title, body, "
                        "tokenize = 'unicode61 remove_diacritics 2')")
        self.db.executemany("INSERT INTO pages VALUES (?, ?, ?)",
                            [(p["id"], p["title"], p["body"]) for p in corpus])

    def search(self, q, lang):
        import re
        toks = [t for t in re.findall(r"\w+", q, re.UNICODE)]
        if not toks:
            return []
        match = " OR ".join('"' + t.replace('"', "") + '"' for t in toks)
        rows = self.db.execute("SELECT id FROM pages WHERE pages MATCH ? ORDER BY bm25(pages) "
                               "LIMIT 10", (match,)).fetchall()
        return [r[0] for r in rows]

    def close(self):
        self.db.close()


# ---- scoring ----------------------------------------------------------------------------------

def evaluate(system, queries):
    per = collections.defaultdict(lambda: collections.defaultdict(list))
    latencies = []
    for q in queries:
        started = time.perf_counter()
        ranked = system.search(q["q"], q["lang"])
        latencies.append((time.perf_counter() - started) * 1000)
        col = (q["lang"], q["variant"])
        per[col]["ndcg"].append(ndcg(ranked, q["qrels"]))
        per[col]["mrr"].append(mrr(ranked, q["qrels"]))
        per[col]["recall"].append(recall(ranked, q["qrels"]))
        per[col]["ndcg_body" if q["kind"] != "title" else "ndcg_title"].append(
            ndcg(ranked, q["qrels"]))
    out = {}
    for col, m in per.items():
        out[f"{col[0]}/{col[1]}"] = {k: round(sum(v) / len(v), 3) for k, v in m.items()} | {
            "queries": len(m["ndcg"])}
    latencies.sort()
    out["latency_ms"] = {"p50": round(latencies[len(latencies) // 2], 2),
                         "p95": round(latencies[int(len(latencies) * 0.95) - 1], 2)}
    return out


def same_subject(corpus):
    """The pages on the same subject as each page, as the judgments' grade 2 says: its neighbours
    in the manual (parent, children, siblings), in its language."""
    children = collections.defaultdict(set)
    for p in corpus:
        if p["parent"]:
            children[p["parent"]].add(p["id"])
    out = {}
    for p in corpus:
        near = set(children[p["id"]])
        if p["parent"]:
            near |= children[p["parent"]] | {p["parent"]}
        near.discard(p["id"])
        if near:
            out[p["id"]] = near
    return out


def similar_precision(system, corpus, k=5):
    """"This subject already exists": for each page with neighbours, the share of the first k
    similar contents that are its neighbours, out of min(k, neighbours) (1.0: as many as could
    be there)."""
    subject = same_subject(corpus)
    scores = collections.defaultdict(list)
    for page_id, near in subject.items():
        found = system.similar(page_id, k)[:k]
        scores[page_id.split(":", 1)[0]].append(
            len(near & set(found)) / min(k, len(near)))
    return {lang: round(sum(v) / len(v), 3) for lang, v in scores.items()} | {
        "pages": sum(len(v) for v in scores.values())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", required=True)
    ap.add_argument("--bin", default="build/copydesk")
    ap.add_argument("--systems", default="copydesk,xapian,xapian-fold,fts5")
    ap.add_argument("--sample", type=int, default=0, help="every Nth query only (a quick run)")
    ap.add_argument("--json")
    a = ap.parse_args()
    corpus = [json.loads(l) for l in open(os.path.join(a.set, "corpus.jsonl"), encoding="utf-8")]
    queries = [json.loads(l) for l in open(os.path.join(a.set, "queries.jsonl"), encoding="utf-8")]
    if a.sample:
        queries = queries[::a.sample]
    results = {}
    for name in a.systems.split(","):
        system = {"copydesk": lambda: Copydesk(a.bin, corpus),
                  "xapian": lambda: XapianIndex(corpus, False),
                  "xapian-fold": lambda: XapianIndex(corpus, True),
                  "fts5": lambda: Fts5(corpus)}[name]()
        try:
            results[name] = evaluate(system, queries)
            if name == "copydesk" and not a.sample:
                results[name]["similar_p5"] = similar_precision(system, corpus)
        finally:
            system.close()
    cols = ["fr/clean", "fr/typo", "fr/noaccent", "en/clean", "en/typo"]
    print(f"{len(corpus)} pages, {len(queries)} queries")
    print("nDCG@10        " + "".join(f"{c:>13}" for c in cols)
          + "   body-only fr/en   title-only fr/en   MRR fr/en   R@10 fr/en")
    for name, r in results.items():
        row = "".join(f"{r.get(c, {}).get('ndcg', float('nan')):>13.3f}" for c in cols)
        extra = (f"   {r['fr/clean']['ndcg_body']:.3f}/{r['en/clean']['ndcg_body']:.3f}"
                 f"       {r['fr/clean']['ndcg_title']:.3f}/{r['en/clean']['ndcg_title']:.3f}"
                 f"        {r['fr/clean']['mrr']:.3f}/{r['en/clean']['mrr']:.3f}"
                 f"   {r['fr/clean']['recall']:.3f}/{r['en/clean']['recall']:.3f}")
        print(f"{name:<15}" + row + extra)
    if "copydesk" in results:
        lat = results["copydesk"]["latency_ms"]
        print(f"copydesk latency over HTTP, one request at a time: p50 {lat['p50']} ms, p95 {lat['p95']} ms")
        sim = results["copydesk"].get("similar_p5")
        if sim:
            print(f"copydesk similar contents, precision@5 (neighbours in the manual among the first "
                  f"five, out of min(5, neighbours)), {sim['pages']} pages: "
                  f"fr {sim.get('fr', 0):.3f}, en {sim.get('en', 0):.3f}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
