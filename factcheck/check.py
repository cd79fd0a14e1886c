"""The check: documents in, discrepancies out (the library behind `factcheck check`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .matching.alignment import load_model
from .figures.claims import REPORT_FIELDS, Claim, extract_parallel, extractor
from .matching.compare import Discrepancy, discrepancies, figure_en
from .reading.documents import Document
from .matching.candidates import unit_scale
from .matching.pairs import build_stories, figure_key, score_candidates
from .matching.pairfeatures import gives_both, given_together
from .matching.memo import remembering
from .matching.stories import Stories

# the version of discrepancies.json's layout (its first field); bump it when a field's name or meaning changes
# (2: a discrepancy's figures in one unit, with `stated` for a figure written in another)
REPORT_FORMAT = 2


@dataclass
class CheckResult:
    documents: list[Document]
    claims: list[Claim]
    discrepancies: list[Discrepancy]
    stories: Stories
    sources: list[str] = field(default_factory=list)


def run_check(docs: Iterable[Document], on_document: Callable[[Document], None] | None = None,
              jobs: int | None = 1) -> CheckResult:
    """Extract every document's claims (on `jobs` processes, None: every core),
    then analyse them together.  The output does not depend on `jobs`."""
    documents: list[Document] = []
    claims: dict[str, list[Claim]] = {}
    for doc, found in extract_parallel(docs, jobs):
        if on_document:
            on_document(doc)
        documents.append(doc)
        claims[doc.id] = found
    return analyse(documents, claims)


def analyse(documents: list[Document], claims: dict[str, list[Claim]]) -> CheckResult:
    """Stories, scored alignment and comparison over documents whose claims are
    known (freshly extracted, or loaded from the nightly database)."""
    with remembering():  # what the pair tests ask of each figure, worked out once (memo.py)
        return _analyse(documents, claims)


def _analyse(documents: list[Document], claims: dict[str, list[Claim]]) -> CheckResult:
    ex = extractor()
    all_claims = [c for doc in documents for c in claims.get(doc.id, [])]
    stories = build_stories(documents, claims, ex)
    scored = score_candidates(documents, claims, stories, ex)
    model = load_model()
    p = model.probabilities(scored.features)
    pairs = [(k.a, k.b, float(q), k.relation) for k, q in zip(scored.candidates, p) if q >= model.review]
    titles = {d.id: d.text[:d.title_end] for d in documents}

    def story_of(doc: str) -> str:
        return stories.story.get(doc, doc)
    reports: dict[str, list[str]] = {}  # story -> its documents
    for doc in sorted(claims):
        reports.setdefault(story_of(doc), []).append(doc)

    def told_apart(a: Claim, b: Claim) -> bool:
        return any(given_together(a, b, reports.get(s, []), scored.values)
                   for s in sorted({story_of(a.doc), story_of(b.doc)}))
    found = discrepancies(pairs, scored.mentions, figure_key, model.tier, story_of, ex.lx, titles, told_apart,
                          lambda a, b: gives_both(a, b, claims))
    sources = sorted({d.source for d in documents if d.source})
    return CheckResult(documents, all_claims, found, stories, sources)


def _whole(v):
    return int(v) if isinstance(v, float) and v == int(v) else v


def claim_json(c: Claim) -> dict:
    d = {k: getattr(c, k) for k in REPORT_FIELDS}
    for k in ("value", "low", "high"):
        d[k] = _whole(d[k])
    d["figure"] = figure_en(c)
    d["stated"] = None  # the figure as written, when the discrepancy gives it in another unit
    return d


_CONVERTED = ("duration", "distance", "measure")


def claims_in_one_unit(claims: list[Claim]) -> list[dict]:
    """A discrepancy's claims with their figures in one unit, the smallest
    among them: 14 days against 14 years reads 14 against 5113.5 days, and 40
    mph against 40 km/h 64.37 against 40, so whoever compares the values sees
    what the check compared.  A converted figure keeps what was written in
    `stated` (its value, bounds and unit)."""
    rows = [claim_json(c) for c in claims]
    if len({c.unit for c in claims}) < 2 or any(c.kind not in _CONVERTED for c in claims):
        return rows
    target = min(claims, key=lambda c: (unit_scale(c), c.unit or ""))
    for c, row in zip(claims, rows):
        if c.unit == target.unit:
            continue
        factor = unit_scale(c) / unit_scale(target)
        row["stated"] = {k: row[k] for k in ("value", "low", "high", "unit")}
        for k in ("value", "low", "high"):
            if row[k] is not None:
                row[k] = _whole(round(row[k] * factor, 4))
        row["unit"] = target.unit
    return rows


def discrepancy_json(d: Discrepancy) -> dict:
    return {"id": d.id, "type": d.type, "tier": d.tier, "probability": d.probability,
            "severity": d.severity, "score": d.score, "about": d.about,
            "about_ar": d.about_ar, "story": d.story, "attribution": d.attribution,
            "explanation": d.explanation, "explanation_ar": d.explanation_ar,
            "positions": d.positions, "claims": claims_in_one_unit(d.claims),
            "conflicts": [{"a": k.a.id, "b": k.b.id, "relation": k.relation, "gap": round(k.gap, 4),
                           "probability": round(k.probability, 4)}
                          for k in d.conflicts],
            "known_as": d.known_as}


def result_json(r: CheckResult) -> dict:
    return {"format_version": REPORT_FORMAT, "documents": len(r.documents), "sources": r.sources, "claims": len(r.claims),
            "stories": len(set(r.stories.story.values())),
            "discrepancies": [discrepancy_json(d) for d in r.discrepancies]}


def write_outputs(r: CheckResult, out_dir: Path, previous: dict | None = None) -> dict[str, Path]:
    """discrepancies.json, claims.csv and report.html in out_dir."""
    from .publishing.report import render_report
    from .publishing.writers import read_json, write
    data = result_json(r)
    paths = {"json": out_dir / "discrepancies.json", "csv": out_dir / "claims.csv", "html": out_dir / "report.html"}
    if previous is None:  # the report says what changed since the last one here
        previous = read_json(paths["json"])
    write("json", data, paths["json"])
    write("csv", r.claims, paths["csv"])
    write("html", render_report(r, data, previous=previous), paths["html"])
    return paths
