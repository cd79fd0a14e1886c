"""Grouping documents into stories: the same event told by several outlets.

Each document is described by a few features (the entities it names, the
rare words of its headline and lead, in a spelling-tolerant skeleton form).
An inverted index over those features finds, for each document, the others
that share rare features and were published within a few days; no pair is
compared unless it shares one, so cost grows with the number of documents,
not its square.  Two documents are neighbours when their idf-weighted
overlap is high enough; a story is a connected set of neighbours.
"""
from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass

from ..reading.arabic import normalise, skeleton
from ..reading.documents import published_datetime
from ..lexicon import load
from ..reading.tokens import TOKEN_RE

LEAD_CHARS = 600
MAX_DAYS = 3.0          # reports further apart than this are rarely the same story
MIN_SIMILARITY = 0.18   # cosine of idf-weighted feature sets
MAX_NEIGHBOURS = 25
# Candidate pairs of figures look further: a pair of reports sharing fewer words
# may still quote one figure, and the alignment score decides.
CANDIDATE_SIMILARITY = 0.07
CANDIDATE_NEIGHBOURS = 60
MIN_POSTINGS = 40       # a feature in fewer documents than this is always indexed
MAX_DF_SHARE = 0.03     # beyond this share of documents a feature says nothing about the story (a team in a
                        # World Cup, in 2% of the year, still ties the reports of its match: postings are read
                        # only within MAX_DAYS, so the share bounds memory, not the time a document takes)
# Words that say nothing about a story (lexicon/words.toml [stories] stop), normalised.  Read at import
# through lexicon.load(), so a FACTCHECK_LEXICON overlay set before the import reaches it.
STOP = load().words["stories"]["stop"]


@dataclass
class DocFeatures:
    doc: str
    when: float | None          # days since epoch, or None
    features: dict[str, float]  # feature -> weight (filled with idf later)


def parse_time(published: str | None) -> float | None:
    """Days since the epoch, or None."""
    dt = published_datetime(published)
    return dt.timestamp() / 86400.0 if dt else None


def features(doc_id: str, title: str, lead: str, entities: set[str], published: str | None) -> DocFeatures:
    feats: dict[str, float] = {}
    for e in sorted(entities):  # (a set: its order, and so the sum of weights to the last bit, would vary by run)
        feats["E:" + e] = 1.0
    text = normalise(title + " " + title + " " + lead[:LEAD_CHARS])
    words = [w for w in TOKEN_RE.findall(text) if len(w) >= 3 and w[0].isalpha() and w not in STOP]
    for w in dict.fromkeys(words):  # (in the order of the text: the features' order is their sum's)
        feats["W:" + skeleton(w)] = 1.0
    return DocFeatures(doc_id, parse_time(published), feats)


class Stories:
    """Neighbours and story ids for a set of documents."""

    def __init__(self, docs: list[DocFeatures]):
        # the features and their index are not kept: only neighbours and stories outlive the building
        docs = sorted(docs, key=lambda d: d.doc)
        self.ids = [d.doc for d in docs]
        n = max(len(docs), 1)
        df: dict[str, int] = defaultdict(int)
        for d in docs:
            for f in d.features:
                df[f] += 1
        max_df = max(MIN_POSTINGS, int(MAX_DF_SHARE * n))
        idf = {f: math.log(1 + n / c) for f, c in df.items()}
        index: dict[str, list[int]] = defaultdict(list)
        norms = []
        # postings in order of publication (undated first), so that each
        # document meets only those of its own few days, not a year's
        order = sorted(range(len(docs)), key=lambda k: (docs[k].when is not None, docs[k].when or 0.0, k))
        for k in order:
            d = docs[k]
            for f in d.features:
                if df[f] <= max_df and df[f] >= 2:
                    index[f].append(k)
        times = {f: [docs[k].when if docs[k].when is not None else -math.inf for k in ks]
                 for f, ks in index.items()}
        for k, d in enumerate(docs):
            for f in d.features:
                d.features[f] = idf[f]
            # only indexed features can be shared: the others must not dilute similarity
            norms.append(math.sqrt(sum(w * w for f, w in d.features.items() if 2 <= df[f] <= max_df)) or 1.0)
        self.neighbours: dict[str, dict[str, float]] = {d.doc: {} for d in docs}
        self.candidates: dict[str, dict[str, float]] = {d.doc: {} for d in docs}
        for k, d in enumerate(docs):
            shared: dict[int, float] = defaultdict(float)
            for f, w in d.features.items():
                postings = index.get(f)
                if postings is None:
                    continue
                if d.when is None:
                    window = postings
                else:  # the undated, then those within MAX_DAYS
                    ts = times[f]
                    undated = bisect.bisect_right(ts, -math.inf)
                    window = postings[:undated] + postings[max(undated, bisect.bisect_left(ts, d.when - MAX_DAYS)):
                                                           bisect.bisect_right(ts, d.when + MAX_DAYS)]
                for other in window:
                    if other != k:
                        shared[other] += w * w
            scored = []
            for other, dot in shared.items():
                o = docs[other]
                if d.when is not None and o.when is not None and abs(d.when - o.when) > MAX_DAYS:
                    continue
                sim = dot / (norms[k] * norms[other])
                if sim >= CANDIDATE_SIMILARITY:
                    scored.append((-sim, o.doc))
            scored.sort()
            for neg, other_id in scored[:CANDIDATE_NEIGHBOURS]:
                self.candidates[d.doc][other_id] = -neg
                self.candidates[other_id].setdefault(d.doc, -neg)
            for neg, other_id in [x for x in scored if -x[0] >= MIN_SIMILARITY][:MAX_NEIGHBOURS]:
                self.neighbours[d.doc][other_id] = -neg
                self.neighbours[other_id].setdefault(d.doc, -neg)
        self.story = self._components()

    def _components(self) -> dict[str, str]:
        parent = {d: d for d in self.ids}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x
        for a, ns in self.neighbours.items():
            for b in ns:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        return {d: find(d) for d in self.ids}

    def related(self, a: str, b: str) -> bool:
        return b in self.neighbours.get(a, ())
