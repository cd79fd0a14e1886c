"""Fitting the alignment weights on labelled pairs (the library behind `factcheck fit`).

Labelled pairs come from gold files in the seeds schema: a candidate pair
whose two claims overlap two quotes of one `contradictions` entry is positive;
one that overlaps two quotes of a `consistent` entry, or no gold pair at all,
is negative (the gold was made by reading its stories in full, so a pair it
does not name is not a contradiction); `either` pairs are left out.  Editors'
decisions from the nightly store add pairs the same way (confirmed: positive,
dismissed: negative).

Figures are cross-validated with folds split by story, so no story is scored
by weights fitted on it; the thresholds are chosen on those held-out scores.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .matching.alignment import AlignmentModel
from .matching.candidates import Candidate, candidate_pairs, comparable_class
from .figures.claims import Claim, extractor
from .reading.documents import Document, iter_documents, record_document
from .matching.pairs import build_stories, score_candidates
from .matching.pairfeatures import FEATURES


class GoldError(Exception):
    pass


@dataclass
class Labelled:
    candidates: list[Candidate] = field(default_factory=list)
    X: np.ndarray | None = None
    y: list[int] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    traps: list[bool] = field(default_factory=list)  # negatives named by the gold as consistent
    trap_items: list[str | None] = field(default_factory=list)  # ... and which named item (the scorer counts items)
    positives_total: int = 0        # gold contradiction pairs (of differing figures), found or not
    positives_candidate: int = 0    # ... of which the candidates hold
    positives_reached: int = 0      # ... of which the story index reaches (one kind, other outlets, two days)


def _gold_documents(gold: dict, gold_path: Path, corpus: Path | None, seeds_dir: Path | None,
                    others: list[Document] | None = None) -> dict[str, Document]:
    """The gold's documents by key; with `others`, also every other corpus
    article published on the gold's days (the distractors a night holds)."""
    docs: dict[str, Document] = {}
    wanted = {str(v): str(k) for k, v in gold["documents"].items()}
    if seeds_dir is not None:
        for key, fname in gold["documents"].items():
            for d in iter_documents([seeds_dir / fname]):
                docs[str(key)] = d
    else:
        if corpus is None:
            raise GoldError(f"{gold_path}: its documents are corpus ids; give --corpus")
        rest = []
        with gzip.open(corpus, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                rec = json.loads(line)
                d, _ = record_document(rec, f"{corpus}:{n}", str(rec.get("id")))
                if d is None:
                    continue
                if str(rec.get("id")) in wanted:
                    docs[wanted[str(rec["id"])]] = d
                elif others is not None:
                    rest.append(d)
        if others is not None:
            days = {(d.published or "")[:10] for d in docs.values()}
            others += [d for d in rest if (d.published or "")[:10] in days]
    return docs


def _spans(entries: list[dict], docs: dict[str, Document]) -> list[list[tuple[str, int, int]]]:
    out = []
    for e in entries:
        spans = []
        for c in e.get("claims", []):
            d = docs.get(str(c["doc"]))
            if d is None:
                continue
            i = d.text.find(c["quote"])
            if i >= 0:
                spans.append((d.id, i, i + len(c["quote"]), c.get("value")))
        out.append(spans)
    return out


def _hit(c: Claim, span: tuple, strict: bool = False) -> bool:
    """Does the claim overlap the quote (and, when strict, read its figure:
    a quote such as "43 goals in 47 matches" holds two figures)?"""
    if not (c.doc == span[0] and c.start < span[2] and span[1] < c.end):
        return False
    gold = span[3]
    if not strict or gold is None:
        return True
    v = c.value if c.value is not None else c.low
    return v is not None and abs(v - gold) <= 0.005 * max(abs(gold), 1e-9)


def label_gold(gold_path: Path, corpus: Path | None = None, seeds_dir: Path | None = None,
               whole_days: bool = False) -> Labelled:
    """Labelled candidate pairs of a gold file.  With `whole_days`, stories are
    built over every corpus article of the gold's days, as a night sees them;
    pairs with an article outside the gold are then left unlabelled."""
    import yaml
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    others: list[Document] | None = [] if whole_days else None
    docs = _gold_documents(gold, gold_path, corpus, seeds_dir, others)
    gold_ids = {d.id for d in docs.values()}
    documents = sorted(list(docs.values()) + (others or []), key=lambda d: d.id)
    ex = extractor()
    claims = {d.id: ex.extract(d) for d in documents}
    stories = build_stories(documents, claims, ex)
    scored = score_candidates(documents, claims, stories, ex)
    pos = _spans(gold.get("contradictions", []), docs)
    neg = _spans(gold.get("consistent", []), docs)
    either = _spans(gold.get("either", []), docs)

    from .matching.pairs import figure_key

    def entry_of(a: Claim, b: Claim, entries, strict: bool = False) -> int | None:
        """The first entry with any mention of a's figure and any of b's on two of its quotes."""
        ma = scored.mentions.get(figure_key(a), [a])
        mb = scored.mentions.get(figure_key(b), [b])
        for n, spans in enumerate(entries):
            ia = [s for s in spans if any(_hit(x, s, strict) for x in ma)]
            ib = [s for s in spans if any(_hit(x, s, strict) for x in mb)]
            if ia and ib and any(x[0] != y[0] for x in ia for y in ib):
                return n
        return None

    def pair_in(a: Claim, b: Claim, entries, strict: bool = False) -> bool:
        return entry_of(a, b, entries, strict) is not None

    out = Labelled()
    keep = []
    for r, k in enumerate(scored.candidates):
        if k.a.doc not in gold_ids or k.b.doc not in gold_ids:
            continue
        if pair_in(k.a, k.b, either):
            continue
        label = 1 if pair_in(k.a, k.b, pos, strict=True) else 0
        if not label and pair_in(k.a, k.b, pos):
            continue  # a figure of a gold quote that is not the gold figure: neither label is sure
        keep.append(r)
        out.candidates.append(k)
        out.y.append(label)
        trap = None if label else entry_of(k.a, k.b, neg)
        out.traps.append(trap is not None)
        out.trap_items.append(None if trap is None else f"{gold_path.name}:{trap}")
        out.groups.append(gold_path.stem + ":" + stories.story.get(k.a.doc, k.a.doc))
    out.X = scored.features[keep] if keep else np.zeros((0, len(FEATURES)))
    # candidate recall: gold contradiction pairs of differing, comparable figures that the candidates hold
    # (by figure: a candidate row stands for every pair of mentions of its two figures)
    found = {frozenset((figure_key(k.a), figure_key(k.b))) for k, y in zip(out.candidates, out.y) if y}
    # ... and that the story index reaches, before frames and agreeing intervals set pairs aside
    reached = {frozenset((figure_key(k.a), figure_key(k.b))) for k in candidate_pairs(
        claims, scored.neighbours, disagreeing_only=False, lexicon=ex.lx, frames=False)}
    for spans in pos:
        for i, s in enumerate(spans):
            for t in spans[i + 1:]:
                if s[0] == t[0]:
                    continue
                ca = [c for c in claims.get(s[0], []) if _hit(c, s, True) and comparable_class(c)]
                cb = [c for c in claims.get(t[0], []) if _hit(c, t, True) and comparable_class(c)]
                if not ca or not cb or all(a.value == b.value and a.value is not None and a.unit == b.unit
                                           for a in ca for b in cb):
                    continue  # (14 days and 14 years differ)
                out.positives_total += 1
                if any(frozenset((figure_key(a), figure_key(b))) in found for a in ca for b in cb):
                    out.positives_candidate += 1
                if any(frozenset((figure_key(a), figure_key(b))) in reached for a in ca for b in cb):
                    out.positives_reached += 1
    return out


def label_decisions(db_path: Path) -> Labelled:
    """Labelled candidate pairs from the editors' decisions in a nightly
    database: the pairs of a confirmed discrepancy are contradictions (1), those
    of a dismissed one are not (0, and count as traps when thresholds are
    chosen); a reopened one is left out.  The stored documents of the decided
    discrepancies' days are read again, as a night sees them, so the features
    are those `check` computes; other pairs stay unlabelled."""
    from .matching.pairs import figure_key
    from .service.store import Store, StoreError
    try:
        store = Store(db_path)
    except StoreError as e:
        raise GoldError(str(e)) from None
    try:
        latest = {d: v["decision"] for d, v in store.latest_decisions().items() if v["decision"] in ("confirm", "dismiss")}
        data = store.discrepancy_data(latest)
        days = sorted({(c.get("published") or "")[:10] for d in data.values() for c in d.get("claims", [])} - {""})
        documents = store.documents_between(days[0], days[-1] + "T23:59:59~") if days else \
            store.documents_between(None, None)
    finally:
        store.close()
    out = Labelled()
    if not data:
        return out
    ex = extractor()
    claims = {d.id: ex.extract(d) for d in documents}
    by_id = {c.id: c for cs in claims.values() for c in cs}
    decided: dict[frozenset, tuple[int, str]] = {}   # pair of figures -> (label, discrepancy)
    for disc, d in sorted(data.items()):
        for k in d.get("conflicts", []):
            a, b = by_id.get(k.get("a")), by_id.get(k.get("b"))
            if a is not None and b is not None:
                decided[frozenset((figure_key(a), figure_key(b)))] = (1 if latest[disc] == "confirm" else 0, disc)
    stories = build_stories(documents, claims, ex)
    scored = score_candidates(documents, claims, stories, ex)
    keep = []
    for r, k in enumerate(scored.candidates):
        got = decided.get(frozenset((figure_key(k.a), figure_key(k.b))))
        if got is None:
            continue
        label, disc = got
        keep.append(r)
        out.candidates.append(k)
        out.y.append(label)
        out.traps.append(not label)
        out.trap_items.append(None if label else f"{db_path.name}:{disc}")
        out.groups.append(f"{db_path.name}:" + stories.story.get(k.a.doc, k.a.doc))
    out.X = scored.features[keep] if keep else np.zeros((0, len(FEATURES)))
    out.positives_total = out.positives_candidate = sum(out.y)
    return out


def merge(parts: list[Labelled]) -> Labelled:
    out = Labelled()
    for p in parts:
        out.candidates += p.candidates
        out.y += p.y
        out.groups += p.groups
        out.traps += p.traps
        out.trap_items += p.trap_items
        out.positives_total += p.positives_total
        out.positives_candidate += p.positives_candidate
        out.positives_reached += p.positives_reached
    out.X = np.vstack([p.X for p in parts if p.X is not None and len(p.X)]) if any(
        p.X is not None and len(p.X) for p in parts) else np.zeros((0, len(FEATURES)))
    return out


def count_traps(gold_path: Path) -> int:
    import yaml
    return len(yaml.safe_load(gold_path.read_text(encoding="utf-8")).get("consistent", []))


def _estimator(C: float):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=C, class_weight="balanced", max_iter=5000, solver="lbfgs")


def cross_validated(data: Labelled, C: float = 0.03, folds: int = 5, repeats: int = 5) -> np.ndarray:
    """Held-out probabilities, folds split by story, averaged over several
    deterministic assignments of stories to folds: with a few dozen labelled
    contradictions, one split's luck moves the chosen thresholds a long way."""
    import hashlib
    y = np.array(data.y)
    total = np.zeros(len(y))
    for r in range(repeats):
        # a story's fold is fixed by a hash of its name and the repeat: the same input, the same folds
        fold = np.array([int(hashlib.sha1(f"{r}:{g}".encode()).hexdigest(), 16) % folds for g in data.groups])
        p = np.zeros(len(y))
        for k in range(folds):
            train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
            if len(test) == 0 or y[train].sum() == 0:
                continue
            m = _estimator(C).fit(data.X[train], y[train])
            p[test] = m.predict_proba(data.X[test])[:, 1]
        total += p
    return total / repeats


def flagged_traps(traps: np.ndarray, flagged: np.ndarray, trap_items: list | None = None) -> int:
    """How many trap items the flagged pairs hit, counted as the scorer counts:
    an item is flagged once however many of its pairs are (a pair without an
    item name counts alone)."""
    named = trap_items is not None and len(trap_items) == len(traps)
    return len({(trap_items[i] if named and trap_items[i] is not None else f"pair:{i}")
                for i in np.flatnonzero(traps & flagged)})


def choose_thresholds(y: np.ndarray, p: np.ndarray, traps: np.ndarray, n_traps: int,
                      alarm_traps: float = 0.02, review_traps: float = 0.05,
                      trap_items: list | None = None) -> tuple[float, float]:
    """The lowest thresholds at which the held-out pairs flagged hold at most
    these shares of the gold's traps (consistent items that must not be
    flagged, counted by `flagged_traps`)."""
    def lowest(share: float) -> float:
        allowed = share * max(n_traps, 1)
        best = 1.0
        for t in sorted(set(np.round(p, 4)), reverse=True):
            if flagged_traps(traps, p >= t, trap_items) > allowed:
                break
            best = float(t)
        return best
    alarm, review = lowest(alarm_traps), lowest(review_traps)
    return max(alarm, review), min(alarm, review)


def fit(data: Labelled, C: float = 0.03, n_traps: int | None = None) -> tuple[AlignmentModel, dict]:
    """Weights fitted on every pair; thresholds and reported figures from
    held-out (story-split) probabilities."""
    y = np.array(data.y)
    traps = np.array(data.traps, dtype=bool)
    held = cross_validated(data, C)
    alarm, review = choose_thresholds(y, held, traps, n_traps or int(traps.sum()), trap_items=data.trap_items)
    m = _estimator(C).fit(data.X, y)
    weights = {f: float(w) for f, w in zip(FEATURES, m.coef_[0])}
    report = evaluate(y, held, alarm, review)
    report["cv_traps_flagged"] = flagged_traps(traps, held >= review, data.trap_items)
    report.update(pairs=int(len(y)), positives=int(y.sum()), candidate_recall=round(
        data.positives_candidate / data.positives_total, 4) if data.positives_total else None,
        reached_recall=round(data.positives_reached / data.positives_total, 4) if data.positives_total else None)
    return AlignmentModel(weights, float(m.intercept_[0]), round(alarm, 4), round(review, 4),
                          {k: v for k, v in report.items() if v is not None}), report


def evaluate(y: np.ndarray, p: np.ndarray, alarm: float, review: float) -> dict:
    flagged = p >= review
    alarms = p >= alarm
    tp = int((flagged & (y == 1)).sum())
    return {"cv_recall": round(tp / max(int(y.sum()), 1), 4),
            "cv_precision_flagged": round(tp / max(int(flagged.sum()), 1), 4),
            "cv_precision_alarms": round(int((alarms & (y == 1)).sum()) / max(int(alarms.sum()), 1), 4),
            "cv_flagged": int(flagged.sum()), "cv_alarms": int(alarms.sum())}
