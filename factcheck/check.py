"""The check: documents in, discrepancies out (the library behind `factcheck check`)."""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .arabic import normalise
from .align import COMPARABLE_KINDS, Aligner, background, comparable, merge_repeats, primary, raises_alarm
from .claims import COLUMNS, Claim, extractor
from .compare import Discrepancy, discrepancies, figure_en
from .documents import Document
from .stories import Stories, features
from .tokens import tokenize

CLAIM_FIELDS = ("id", "doc", "source", "published", "start", "end", "text", "value", "low", "high", "qualifier",
                "kind", "unit", "counted", "concept", "event", "owner", "entities", "scope", "attribution", "in_title",
                "sentence")


@dataclass
class CheckResult:
    documents: list[Document]
    claims: list[Claim]
    discrepancies: list[Discrepancy]
    stories: Stories
    sources: list[str] = field(default_factory=list)


def run_check(docs: Iterable[Document], on_document: Callable[[Document], None] | None = None) -> CheckResult:
    """Extract every document's claims, then analyse them together."""
    ex = extractor()
    documents: list[Document] = []
    claims: dict[str, list[Claim]] = {}
    for doc in docs:
        if on_document:
            on_document(doc)
        documents.append(doc)
        claims[doc.id] = ex.extract(doc)
    return analyse(documents, claims)


def analyse(documents: list[Document], claims: dict[str, list[Claim]]) -> CheckResult:
    """Stories, alignment and comparison over documents whose claims are known
    (freshly extracted, or loaded from the nightly database)."""
    ex = extractor()
    feats = []
    candidates: list[Claim] = []
    all_claims: list[Claim] = []
    for doc in documents:
        doc_claims = claims.get(doc.id, [])
        all_claims += doc_claims
        usable = primary([c for c in merge_repeats([c for c in doc_claims if c.kind in COMPARABLE_KINDS])
                          if comparable(c) and not background(c) and raises_alarm(c, ex.lx)])
        if not usable:
            continue
        candidates += usable
        ents = {e for c in doc_claims for e in c.entities}
        ents |= {e for _, _, e in ex.entities.find([t.text for t in tokenize(normalise(doc.title))])}
        feats.append(features(doc.id, doc.title, doc.text[doc.title_end:doc.title_end + 600], ents, doc.published))
    stories = Stories(feats)
    found = discrepancies(Aligner(ex.lx, stories), candidates)
    sources = sorted({d.source for d in documents if d.source})
    return CheckResult(documents, all_claims, found, stories, sources)


def claim_json(c: Claim) -> dict:
    d = {k: getattr(c, k) for k in CLAIM_FIELDS}
    for k in ("value", "low", "high"):
        v = d[k]
        if isinstance(v, float) and v == int(v):
            d[k] = int(v)
    d["figure"] = figure_en(c)
    return d


def discrepancy_json(d: Discrepancy) -> dict:
    return {"id": d.id, "type": d.type, "severity": d.severity, "score": d.score, "about": d.about,
            "about_ar": d.about_ar, "story": d.story, "attribution": d.attribution,
            "explanation": d.explanation, "explanation_ar": d.explanation_ar,
            "positions": d.positions, "claims": [claim_json(c) for c in d.claims],
            "conflicts": [{"a": k.a.id, "b": k.b.id, "relation": k.relation, "gap": round(k.gap, 4)}
                          for k in d.conflicts]}


def result_json(r: CheckResult) -> dict:
    return {"documents": len(r.documents), "sources": r.sources, "claims": len(r.claims),
            "stories": len(set(r.stories.story.values())),
            "discrepancies": [discrepancy_json(d) for d in r.discrepancies]}


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a reader (or a
    killed run) never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_outputs(r: CheckResult, out_dir: Path, previous: dict | None = None) -> dict[str, Path]:
    """discrepancies.json, claims.csv and report.html in out_dir."""
    import io

    import pandas as pd

    from .report import render_report
    out_dir.mkdir(parents=True, exist_ok=True)
    data = result_json(r)
    paths = {"json": out_dir / "discrepancies.json", "csv": out_dir / "claims.csv", "html": out_dir / "report.html"}
    if previous is None and paths["json"].exists():  # the report says what changed since the last one here
        try:
            previous = json.loads(paths["json"].read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = None
    atomic_write(paths["json"], json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n")
    buf = io.StringIO()
    pd.DataFrame([c.row() for c in r.claims], columns=COLUMNS).to_csv(buf, index=False, lineterminator="\n")
    atomic_write(paths["csv"], buf.getvalue())
    atomic_write(paths["html"], render_report(r, data, previous=previous))
    return paths
