"""Reports whose figures stand in alike sentences, whatever their headlines.

Story neighbours compare headlines and leads; a report about the reaction to
an event, or a round-up, may share little of either with a report of the
event itself and still give the same figure in a sentence written from one
wire ("وأصيب نحو 2800 آخرين بالرصاص والغاز المسيل للدموع").  Here each report
is described by the rare words of the sentences that hold its comparable
figures, and an inverted index finds the reports that share them: cost grows
with the number of reports, not its square.
"""
from __future__ import annotations

import math
from collections import defaultdict

from ..reading.arabic import normalise, skeleton
from .candidates import MAX_HOURS, comparable_class, hours, outlet
from ..figures.claims import Claim
from ..reading.tokens import TOKEN_RE

MIN_SIMILARITY = 0.3    # cosine of idf-weighted word sets of two sentences
MAX_LINKS = 20          # per report, the closest first
MIN_POSTINGS = 20       # a word in fewer sentences than this is always indexed
MAX_DF_SHARE = 0.002    # beyond this share of sentences a word says little of the figure


def _words(sentence: str, stop: frozenset[str]) -> tuple[str, ...]:
    """The skeletons of a sentence's words of three letters or more, stop words left out, once
    each and sorted (summed in a set's order, the weights would differ in their last bit from
    one run to the next)."""
    words = {w for w in TOKEN_RE.findall(normalise(sentence)) if len(w) >= 3 and w[0].isalpha()}
    return tuple(sorted(set(map(skeleton, words - stop))))


def sentence_links(claims: dict[str, list[Claim]], stop: frozenset[str]) -> dict[str, dict[str, float]]:
    """doc -> {other doc: similarity of their most alike figure sentences}, for
    reports of other outlets published within MAX_HOURS."""
    units: list[tuple[str, tuple[str, ...]]] = []   # (doc, words of one sentence holding a comparable figure)
    first: dict[str, Claim] = {}
    for d in sorted(claims):
        seen: set[str] = set()
        for c in claims[d]:
            if comparable_class(c) is None or c.sentence in seen:
                continue
            seen.add(c.sentence)
            first.setdefault(d, c)
            units.append((d, _words(c.sentence, stop)))
    when = {d: hours(c) for d, c in first.items()}
    # In order of publication (undated reports first): a word's postings then
    # run in time, and each sentence is compared only with those published
    # within MAX_HOURS after it, not with a whole year's.
    units.sort(key=lambda u: (when[u[0]] is not None, when[u[0]] or 0.0, u[0]))
    times = [when[d] for d, _ in units]
    df: dict[str, int] = defaultdict(int)
    for _, ws in units:
        for w in ws:
            df[w] += 1
    n = max(len(units), 1)
    max_df = max(MIN_POSTINGS, int(MAX_DF_SHARE * n))
    idf = {w: math.log(1 + n / c) for w, c in df.items()}
    index: dict[str, list[int]] = defaultdict(list)
    norms = []
    for u, (_, ws) in enumerate(units):
        for w in ws:
            if 2 <= df[w] <= max_df:
                index[w].append(u)
        norms.append(math.sqrt(sum(idf[w] ** 2 for w in ws)) or 1.0)
    at: dict[str, int] = defaultdict(int)   # per word, how far its postings have been passed
    best: dict[tuple[str, str], float] = {}
    for u, (d, ws) in enumerate(units):
        dots: dict[int, float] = defaultdict(float)
        tu = times[u]
        for w in ws:
            postings = index.get(w)
            if postings is None:
                continue
            k = at[w]
            while postings[k] != u:
                k += 1
            at[w] = k
            weight = idf[w] ** 2
            for v in postings[k + 1:]:
                if tu is not None and times[v] - tu > MAX_HOURS:
                    break
                if units[v][0] != d:
                    dots[v] += weight
        for v, dot in dots.items():
            e = units[v][0]
            sim = dot / (norms[u] * norms[v])
            if sim < MIN_SIMILARITY or outlet(first[d]) == outlet(first[e]):
                continue
            key = (min(d, e), max(d, e))
            if sim > best.get(key, 0.0):
                best[key] = sim
    links: dict[str, dict[str, float]] = defaultdict(dict)
    by_doc: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for (d, e), sim in best.items():
        by_doc[d].append((-sim, e))
        by_doc[e].append((-sim, d))
    for d in sorted(by_doc):
        for neg, e in sorted(by_doc[d])[:MAX_LINKS]:
            links[d][e] = -neg
            links[e].setdefault(d, -neg)
    return dict(links)
