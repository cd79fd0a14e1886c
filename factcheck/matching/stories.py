"""Grouping documents into stories: the same event told by several outlets.

Each document is described by a few features (the entities it names, the
rare words of its headline and lead, in a spelling-tolerant skeleton form).
An index of those features (a sparse matrix of documents by rare features,
multiplied a block of days at a time) finds, for each document, the others
that share rare features and were published within a few days; no pair is
compared unless it shares one, so cost grows with the number of documents,
not its square.  Two documents are neighbours when their idf-weighted
overlap is high enough; a story is a connected set of neighbours.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

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


BLOCK = 512  # documents whose similarities are worked out in one sparse product (memory stays flat)


def _closest(docs: list[DocFeatures], column: dict[str, int], norms: list[float]) -> dict[int, list]:
    """Per document, its closest documents within MAX_DAYS (an undated one is within any time of
    any), as (-similarity, id) sorted, at most CANDIDATE_NEIGHBOURS, those at CANDIDATE_SIMILARITY
    or more.  The shared weights are one sparse product, a block of documents in order of
    publication against the documents of their days: what the postings of each feature would
    give, summed in C, and in the order of the features' columns (the same both ways round).
    `column`: the indexed features' columns (the others are never shared)."""
    import scipy.sparse as sp
    rows, cols, vals = [], [], []
    for k, d in enumerate(docs):
        for f, w in d.features.items():
            j = column.get(f)
            if j is not None:
                rows.append(k)
                cols.append(j)
                vals.append(w)
    A = sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(column)), dtype=np.float64)
    A.sort_indices()
    when = np.array([d.when if d.when is not None else np.nan for d in docs])
    norm = np.array(norms)
    undated = np.flatnonzero(np.isnan(when))
    dated = np.flatnonzero(~np.isnan(when))
    dated = dated[np.argsort(when[dated], kind="stable")]
    times = when[dated]
    out: dict[int, list] = {}
    blocks = [undated] if len(undated) else []
    blocks += [dated[s:s + BLOCK] for s in range(0, len(dated), BLOCK)]
    everyone = np.arange(len(docs))
    for block in blocks:
        if np.isnan(when[block[0]]):
            window = everyone
        else:
            lo = np.searchsorted(times, when[block].min() - MAX_DAYS, side="left")
            hi = np.searchsorted(times, when[block].max() + MAX_DAYS, side="right")
            window = np.concatenate((undated, dated[lo:hi]))
        shared = (A[block] @ A[window].T).tocoo()
        mine, other = block[shared.row], window[shared.col]
        sims = shared.data / (norm[mine] * norm[other])
        keep = (mine != other) & (sims >= CANDIDATE_SIMILARITY) & ~(np.abs(when[mine] - when[other]) > MAX_DAYS)
        found: dict[int, list] = {}
        for k, o, sim in zip(mine[keep].tolist(), other[keep].tolist(), sims[keep].tolist()):
            found.setdefault(k, []).append((-sim, docs[o].doc))
        for k, xs in found.items():
            out[k] = sorted(xs)[:CANDIDATE_NEIGHBOURS]
    return out


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
        # The indexed features (rare, and in two documents at least), each a column of the sparse
        # matrix, numbered as they first appear in order of publication (undated first): that order
        # is the order of the sums, so it is fixed.
        column: dict[str, int] = {}
        order = sorted(range(len(docs)), key=lambda k: (docs[k].when is not None, docs[k].when or 0.0, k))
        for k in order:
            for f in docs[k].features:
                if 2 <= df[f] <= max_df:
                    column.setdefault(f, len(column))
        norms = []
        for d in docs:
            for f in d.features:
                d.features[f] = idf[f]
            # only indexed features can be shared: the others must not dilute similarity
            norms.append(math.sqrt(sum(w * w for f, w in d.features.items() if f in column)) or 1.0)
        self.neighbours: dict[str, dict[str, float]] = {d.doc: {} for d in docs}
        self.candidates: dict[str, dict[str, float]] = {d.doc: {} for d in docs}
        scored = _closest(docs, column, norms)
        for k, d in enumerate(docs):
            for neg, other_id in scored.get(k, ()):
                self.candidates[d.doc][other_id] = -neg
                self.candidates[other_id].setdefault(d.doc, -neg)
            for neg, other_id in [x for x in scored.get(k, ()) if -x[0] >= MIN_SIMILARITY][:MAX_NEIGHBOURS]:
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
