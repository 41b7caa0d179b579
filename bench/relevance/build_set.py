#!/usr/bin/env python3
"""Builds copydesk's own relevance set (issue 19, point 1) from the Debian Reference, in English and
in French, as Debian installs it (packages debian-reference-en and debian-reference-fr):

  corpus.jsonl   one page per section of the manual: its own text, without its sub-sections.
                 The French manual's translation is unfinished: a French page whose text has more
                 English stop words than French ones is an English page and is left out (as is
                 a French title identical to the English one, for title queries).
  queries.jsonl  queries with their kind, language and graded judgments (qrels)

Everything is derived by rule, with a fixed seed, so the set is the same on every machine:

  body queries (kind "body2", "body3"): for each page, the 2 (then the next 3) words of its own
      text that best tell it apart (term frequency × inverse document frequency, among words found
      in at least 2 pages and at most 5 % of them), never a word of its title, in the order they
      first appear in the text, and only words of the page's language: a word met more than twice
      as often (per page) in the other language's pages is left out, so that an untranslated
      English paragraph of a French page does not make a "French" query of English words; words
      both languages share (commands, package names) stay. They model a person who remembers what
      a page said, not its name.
  title queries (kind "title"): the page's title as printed, without its number.

Judgments, for each query:
  3  the page the query was made from;
  2  a page next to it in the manual (its parent, a child, a sibling) that holds a query word;
  1  any other page that holds every query word (case and accents folded).

Variants: "typo" applies one keyboard slip to one word of 5+ letters of every query (a seeded
choice among: two letters swapped, one doubled, one dropped, one replaced by a key next to it);
"noaccent" removes the accents of every French query that has one.

  build_set.py --out DIR [--source /usr/share/debian-reference]
"""

import argparse
import collections
import html.parser
import json
import math
import os
import random
import re
import unicodedata

WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)

STOP = {
    "en": set("""a about above after again against all also am an and any are as at be because
        been before being below between both but by can could did do does doing down during each
        either else few for from further had has have having he her here hers him his how i if in
        into is it its itself just may me might more most must my no nor not now of off on once
        only or other our ours out over own same she should so some such than that the their
        theirs them then there these they this those through to too under until up use used
        using very via was we were what when where which while who whom why will with would you
        your yours see also e g etc one two""".split()),
    "fr": set("""a à au aux avec ce ces cet cette ceci cela dans de des du elle elles en entre est
        et être eux il ils je la le les leur leurs lui ma mais me même mes moi mon ne ni nos notre
        nous on ou où par pas pour qu que quel quelle quelles quels qui sa sans se ses si son sont
        sur ta te tes toi ton tu un une vos votre vous y été étant était sont être avoir ont peut
        peuvent plus comme aussi ainsi alors donc dont car tout tous toute toutes très fait faire
        voir utiliser utilisé utilisée via etc l d s n c j m qu""".split()),
}

KEYBOARD_ROWS = ["azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm"]


def fold(text):
    """Case and accents folded, elisions (l', d', qu'…) dropped: how a person compares words."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text


def words(text):
    out = []
    for w in WORD.findall(text):
        w = w.replace("’", "'")
        if "'" in w[:3]:
            w = w.split("'", 1)[1]  # l'énergie → énergie
        if w:
            out.append(w)
    return out


class Sections(html.parser.HTMLParser):
    """The manual's <div class="section"> tree: each section's title and its own text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.divs = []  # one entry per open div: the section dict, or None
        self.sections = []
        self.in_title = 0
        self.skip = 0

    def current(self):
        for d in reversed(self.divs):
            if d is not None:
                return d
        return None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div":
            if attrs.get("class") == "section":
                parent = self.current()
                s = {"parent": parent["n"] if parent else None, "n": len(self.sections),
                     "title": "", "text": [], "anchor": ""}
                self.sections.append(s)
                self.divs.append(s)
            else:
                self.divs.append(None)
        elif tag in ("h2", "h3", "h4", "h5") and attrs.get("class") == "title":
            s = self.current()
            if s is not None and not s["title"]:
                self.in_title = 1
        elif tag == "a" and self.in_title and attrs.get("id"):
            s = self.current()
            if s is not None and not s["anchor"]:
                s["anchor"] = attrs["id"]
        elif tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "div" and self.divs:
            self.divs.pop()
        elif tag in ("h2", "h3", "h4", "h5"):
            self.in_title = 0
        elif tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if self.skip:
            return
        s = self.current()
        if s is None:
            return
        if self.in_title:
            s["title"] += data
        else:
            s["text"].append(data)


def read_manual(source, lang):
    pages = []
    names = sorted(f for f in os.listdir(source) if f.endswith(f".{lang}.html")
                   and (f.startswith("ch") or f.startswith("ap")))
    for name in names:
        parser = Sections()
        with open(os.path.join(source, name), encoding="utf-8") as f:
            parser.feed(f.read())
        chapter = name.split(".")[0]
        for s in parser.sections:
            title = re.sub(r"^\s*[\dA-Z]+(\.\d+)*\.\s*", "", " ".join(s["title"].split()))
            text = re.sub(r"[ \t]+", " ", "".join(s["text"]))
            text = re.sub(r"\s*\n\s*", "\n", text).strip()
            if not title or len(text) < 150:
                continue
            pages.append({"id": f"{lang}:{chapter}:{s['anchor'] or s['n']}", "lang": lang,
                          "chapter": chapter, "n": s["n"], "parent_n": s["parent"],
                          "title": title, "body": text})
    # Parents by id, for the "next to it" judgments (a parent page may have been too short).
    by_n = {(p["chapter"], p["n"]): p["id"] for p in pages}
    for p in pages:
        p["parent"] = by_n.get((p["chapter"], p.pop("parent_n")))
        del p["n"]
    return pages


def typo(query, rng):
    toks = query.split()
    long = [i for i, t in enumerate(toks) if len(t) >= 5]
    if not long:
        return None
    i = rng.choice(long)
    w = toks[i]
    j = rng.randrange(1, len(w) - 1)
    kind = rng.choice(["swap", "double", "drop", "near"])
    if kind == "swap":
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif kind == "double":
        w = w[:j] + w[j] + w[j:]
    elif kind == "drop":
        w = w[:j] + w[j + 1:]
    else:
        c = w[j].lower()
        near = [r[k + d] for r in KEYBOARD_ROWS for k, x in enumerate(r) if x == c
                for d in (-1, 1) if 0 <= k + d < len(r)]
        w = w[:j] + (rng.choice(near) if near else c) + w[j + 1:]
    toks[i] = w
    return " ".join(toks)


def build(source, out):
    rng = random.Random(19)
    corpus, queries = [], []
    manuals = {lang: read_manual(source, lang) for lang in ("en", "fr")}

    def speaks(p):
        toks = [fold(w) for w in words(p["body"])]
        own = sum(t in STOP[p["lang"]] for t in toks)
        other = sum(t in STOP["fr" if p["lang"] == "en" else "en"] for t in toks)
        return own >= other
    left_out = {lang: sum(not speaks(p) for p in pages) for lang, pages in manuals.items()}
    manuals = {lang: [p for p in pages if speaks(p)] for lang, pages in manuals.items()}
    english_titles = {p["id"].split(":", 1)[1]: p["title"] for p in manuals["en"]}
    share = {}  # language → word → share of that language's pages holding it
    for lang, pages in manuals.items():
        counts = collections.Counter()
        for p in pages:
            counts.update({fold(w) for w in words(p["body"])})
        share[lang] = {w: c / len(pages) for w, c in counts.items()}
    for lang in ("en", "fr"):
        other = share["fr" if lang == "en" else "en"]
        pages = manuals[lang]
        corpus += pages
        bags = {p["id"]: collections.Counter(fold(w) for w in words(p["body"])) for p in pages}
        df = collections.Counter()
        for bag in bags.values():
            df.update(bag.keys())
        n = len(pages)
        children = collections.defaultdict(list)
        for p in pages:
            if p["parent"]:
                children[p["parent"]].append(p["id"])
        near = {}
        for p in pages:
            sib = children.get(p["parent"], []) if p["parent"] else []
            near[p["id"]] = set(children[p["id"]]) | set(sib) | ({p["parent"]} if p["parent"] else set())
            near[p["id"]].discard(p["id"])
            near[p["id"]] &= bags.keys()  # a neighbour left out as untranslated

        def judge(source_id, terms):
            qrels = {source_id: 3}
            for other in near[source_id]:
                if any(t in bags[other] for t in terms):
                    qrels[other] = 2
            for pid, bag in bags.items():
                if pid not in qrels and all(t in bag for t in terms):
                    qrels[pid] = 1
            return qrels

        for p in pages:
            title_words = {fold(w) for w in words(p["title"])}
            first_seen, surface = {}, {}
            for k, w in enumerate(words(p["body"])):
                f = fold(w)
                first_seen.setdefault(f, k)
                surface.setdefault(f, w.lower())
            bag = bags[p["id"]]
            ranked = sorted(
                (t for t in bag if t not in title_words and t not in STOP[lang]
                 and fold(t) not in {fold(s) for s in STOP[lang]} and len(t) >= 3
                 and 2 <= df[t] <= max(2, int(0.05 * n))
                 and other.get(t, 0) <= 2 * share[lang][t]),
                key=lambda t: (-bag[t] * math.log(n / df[t]), t))
            for kind, pick in (("body2", ranked[:2]), ("body3", ranked[2:5])):
                if len(pick) < (2 if kind == "body2" else 3):
                    continue
                pick = sorted(pick, key=lambda t: first_seen[t])
                text = " ".join(surface[t] for t in pick)
                queries.append({"id": f"{p['id']}:{kind}", "lang": lang, "kind": kind,
                                "variant": "clean", "q": text, "qrels": judge(p["id"], pick)})
            tq = [fold(w) for w in words(p["title"]) if fold(w) not in STOP[lang]]
            untranslated = lang == "fr" and english_titles.get(p["id"].split(":", 1)[1]) == p["title"]
            if tq and not untranslated:
                qrels = {p["id"]: 3}
                for c in children[p["id"]]:
                    qrels[c] = 2
                queries.append({"id": f"{p['id']}:title", "lang": lang, "kind": "title",
                                "variant": "clean", "q": p["title"], "qrels": qrels})
    variants = []
    for q in queries:
        t = typo(q["q"], rng)
        if t and t != q["q"]:
            variants.append(dict(q, id=q["id"] + ":typo", variant="typo", q=t))
        if q["lang"] == "fr" and fold(q["q"]) != q["q"].lower():
            plain = "".join(c for c in unicodedata.normalize("NFKD", q["q"])
                            if not unicodedata.combining(c))
            variants.append(dict(q, id=q["id"] + ":noaccent", variant="noaccent", q=plain))
    queries += variants
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for p in corpus:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "queries.jsonl"), "w", encoding="utf-8") as f:
        for q in queries:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    counts = collections.Counter((q["lang"], q["kind"], q["variant"]) for q in queries)
    print(f"{len(corpus)} pages ({sum(p['lang'] == 'en' for p in corpus)} en, "
          f"{sum(p['lang'] == 'fr' for p in corpus)} fr; left out as untranslated: "
          f"{left_out['fr']} fr, {left_out['en']} en), {len(queries)} queries")
    for k in sorted(counts):
        print("  ", *k, counts[k])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--source", default="/usr/share/debian-reference")
    a = ap.parse_args()
    build(a.source, a.out)
