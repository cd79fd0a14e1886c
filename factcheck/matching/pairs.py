"""From documents and their claims to scored candidate pairs: stories over
every document, candidate pairs within stories, their features."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..reading.arabic import normalise
from .candidates import Candidate, candidate_pairs, comparable_class
from .frames import anchor_words, other_matches, teams_in
from ..figures.claims import Claim, Extractor
from ..reading.documents import Document
from .pairfeatures import FEATURES, bounded_figures, echoed_both_ways, feature_matrix, figure_values, said_loosely
from .sentencelinks import sentence_links
from .stories import STOP, Stories, features
from ..reading.tokens import tokenize


def build_stories(documents: list[Document], claims: dict[str, list[Claim]], ex: Extractor) -> Stories:
    """Every document is in the story index, with or without usable figures."""
    feats = []
    for doc in documents:
        ents = {e for c in claims.get(doc.id, []) for e in c.entities}
        ents |= {e for _, _, e in ex.entities.find([t.text for t in tokenize(normalise(doc.title))])}
        feats.append(features(doc.id, doc.title, doc.text[doc.title_end:doc.title_end + 600], ents, doc.published))
    return Stories(feats)


def figure_key(c: Claim) -> tuple:
    """One figure of one document: its mentions (headline, lead, repeats) share it."""
    return (c.doc, comparable_class(c), c.value, c.low, c.high, c.qualifier, getattr(c, "norm", None))


@dataclass
class Scored:
    candidates: list[Candidate]     # one per pair of figures: its most alike pair of mentions
    features: np.ndarray
    mentions: dict[tuple, list[Claim]]  # figure key -> every mention of it
    neighbours: dict[str, dict[str, float]]  # the documents each was paired with (neighbours_of)
    values: dict[tuple, set]  # (document, class) -> the figures it gives, with what they count (figure_values)


UNIT_SLIP_CONTEXT = 0.5  # context similarity (character n-grams around the figures) of a unit slip


def neighbours_of(claims: dict[str, list[Claim]], stories: Stories) -> dict[str, dict[str, float]]:
    """Story neighbours, and reports whose figure sentences are alike (document similarity 0)."""
    neighbours = {d: dict(ns) for d, ns in stories.candidates.items()}
    for d, links in sentence_links(claims, STOP).items():
        for e in links:
            neighbours.setdefault(d, {}).setdefault(e, 0.0)
    return neighbours


def unit_slip_apart(a: Claim, b: Claim, context_similarity: float) -> bool:
    """The same number in two units of time (4 weeks, 4 years) is one figure
    misread when the words around both are one text's (a quoted tweet), or when
    the words just before both say what it measures (بالسجن 14 يوما، حكما
    بالسجن 14 عاما); else it is two spans of a story that share a number."""
    if a.kind != "duration" or a.unit == b.unit:
        return False
    if context_similarity >= UNIT_SLIP_CONTEXT:
        return False
    # a unit alone (نحو ساعة، نحو عقد) writes no number to misread
    return a.value == 1 or not anchor_words(a, nearest=2) & anchor_words(b, nearest=2)


def score_candidates(documents: list[Document], claims: dict[str, list[Claim]], stories: Stories,
                     ex: Extractor) -> Scored:
    values = figure_values(c for cs in claims.values() for c in cs)
    written = figure_values((c for cs in claims.values() for c in cs), units=True)
    bounded = bounded_figures(c for cs in claims.values() for c in cs)
    neighbours = neighbours_of(claims, stories)
    texts = {d.id: d.text for d in documents}
    clubs: dict[str, frozenset[str]] = {}

    def clubs_of(doc: str) -> frozenset[str]:  # asked only of documents with a candidate pair
        if doc not in clubs:
            clubs[doc] = teams_in(texts.get(doc, ""))
        return clubs[doc]
    cands = [k for k in candidate_pairs(claims, neighbours, lexicon=ex.lx)
             if not echoed_both_ways(k.a, k.b, written) and not said_loosely(k.a, k.b, bounded)
             and not other_matches(clubs_of(k.a.doc), clubs_of(k.b.doc))]
    titles = {d.id: d.title for d in documents}
    X = feature_matrix(cands, titles, ex.lx.event_ancestors, values, ex.lx.age_cues, ex.lx.entity_country)
    mentions: dict[tuple, list[Claim]] = {}
    for cs in claims.values():
        for c in cs:
            if comparable_class(c) is not None:
                mentions.setdefault(figure_key(c), []).append(c)
    # one row per pair of figures: the pair of mentions whose words are most alike
    ctx, sent = FEATURES.index("context_similarity"), FEATURES.index("sentence_similarity")
    best: dict[tuple, int] = {}
    for r, k in enumerate(cands):
        if unit_slip_apart(k.a, k.b, X[r, ctx]):
            continue
        key = (figure_key(k.a), figure_key(k.b))
        old = best.get(key)
        if old is None or X[r, ctx] + X[r, sent] > X[old, ctx] + X[old, sent]:
            best[key] = r
    rows = sorted(best.values())
    return Scored([cands[r] for r in rows], X[rows] if rows else X[:0], mentions, neighbours, values)
