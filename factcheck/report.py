"""The editors' HTML report: data prepared here, HTML only in templates.

Everything from documents reaches the page through Jinja2 autoescaping, so
a document holding <script> shows as text.  The page is one self-contained
file (styles and script inlined from report/), readable with JavaScript off.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).parent / "report"
_env = Environment(loader=FileSystemLoader(str(HERE)), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

CHART_W, CHART_ROW, CHART_PAD = 360, 22, 12


def _fmt(v) -> str:
    if v is None:
        return "∞"
    return f"{int(v):,}" if float(v) == int(v) else f"{v:,.2f}"


def chart(claims: list[dict]) -> dict:
    """Positions for the inline SVG: every figure's interval on one axis."""
    lows = [c["low"] if c["low"] is not None else 0 for c in claims]
    highs = [c["high"] for c in claims if c["high"] is not None]
    top = max(highs + lows + [c["value"] or 0 for c in claims]) or 1
    top *= 1.15
    bottom = 0.0

    def x(v):
        return round(CHART_PAD + (CHART_W - 2 * CHART_PAD) * (v - bottom) / (top - bottom), 1)
    rows = []
    for k, c in enumerate(claims):
        lo = c["low"] if c["low"] is not None else 0
        hi = c["high"] if c["high"] is not None else top
        rows.append({"y": 14 + k * CHART_ROW, "x1": x(lo), "x2": max(x(hi), x(lo) + 2),
                     "open": c["high"] is None, "point": x(c["value"]) if c["value"] is not None else None,
                     "label": c["figure"], "source": c.get("source") or c["doc"]})
    return {"width": CHART_W, "height": 20 + len(claims) * CHART_ROW, "rows": rows,
            "axis": [{"x": x(v), "label": _fmt(v)} for v in (0, top / 2 / 1.15, top / 1.15)]}


def _sentence_parts(c: dict) -> dict:
    s = c.get("sentence") or ""
    i = s.find(c["text"])
    if i < 0:
        return {"pre": s, "mark": c["text"], "post": ""}
    return {"pre": s[:i], "mark": c["text"], "post": s[i + len(c["text"]):]}


def _doc_segments(text: str, spans: list[tuple[int, int, str]]) -> list[dict]:
    """The document text cut at each highlighted claim (spans do not overlap)."""
    out, pos = [], 0
    for s, e, cid in sorted(spans):
        if s < pos:
            continue
        if s > pos:
            out.append({"text": text[pos:s], "claim": None})
        out.append({"text": text[s:e], "claim": cid})
        pos = e
    if pos < len(text):
        out.append({"text": text[pos:], "claim": None})
    return out


def report_context(result, data: dict, previous: dict | None = None, status: dict | None = None,
                   gone: list[dict] | None = None, night: str | None = None, title: str = "factcheck") -> dict:
    docs = {d.id: d for d in result.documents}
    cards = []
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for d in data["discrepancies"]:
        claims = []
        for c in d["claims"]:
            claims.append({**c, "quote": _sentence_parts(c), "anchor": f"doc-{c['doc']}"})
            spans.setdefault(c["doc"], []).append((c["start"], c["end"], c["id"]))
        st = (status or {}).get(d["id"], {})
        entities = sorted({e for c in claims for e in ([c["owner"]] if c.get("owner") else [])} |
                          set.intersection(*[set(c.get("entities") or []) for c in claims]))
        cards.append({**d, "claims": claims, "chart": chart(claims), "status": st.get("status", "new"),
                      "decision": st.get("decision"), "sources": sorted({c["source"] or c["doc"] for c in claims}),
                      "entities": entities})
    documents = []
    for doc_id in sorted(spans):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        documents.append({"id": doc_id, "anchor": f"doc-{doc_id}", "source": doc.source, "published": doc.published,
                          "url": doc.url if (doc.url or "").startswith(("http://", "https://")) else None,
                          "title": doc.title, "segments": _doc_segments(doc.text, spans[doc_id])})
    by_sev = Counter(d["severity"] for d in data["discrepancies"])
    by_type = Counter(d["type"] for d in data["discrepancies"])
    changes = None
    if previous is not None:
        before = {d["id"] for d in previous.get("discrepancies", [])}
        now = {d["id"] for d in data["discrepancies"]}
        changes = {"new": len(now - before), "gone": len(before - now), "still": len(now & before)}
    facets = {
        "severity": sorted(by_sev), "type": sorted(by_type),
        "source": sorted({s for c in cards for s in c["sources"]}),
        "entity": sorted({e for c in cards for e in c["entities"]}),
        "story": sorted({c["story"] for c in cards}),
    }
    return {"title": title, "night": night, "gone": gone or [], "summary": {"documents": data["documents"], "sources": len(data.get("sources", [])),
                                        "stories": data.get("stories", 0), "claims": data["claims"],
                                        "discrepancies": len(cards), "by_severity": dict(sorted(by_sev.items())),
                                        "by_type": dict(sorted(by_type.items()))},
            "changes": changes, "cards": cards, "documents": documents, "facets": facets,
            "css": (HERE / "report.css").read_text(encoding="utf-8"),
            "js": (HERE / "report.js").read_text(encoding="utf-8")}


def render_report(result, data: dict, previous: dict | None = None, status: dict | None = None,
                  gone: list[dict] | None = None, night: str | None = None) -> str:
    return _env.get_template("report.html").render(**report_context(result, data, previous, status, gone, night))


def render_index(runs: list[dict]) -> str:
    """reports/index.html: every nightly run with its counts, newest first."""
    return _env.get_template("index.html").render(runs=runs, css=(HERE / "report.css").read_text(encoding="utf-8"))

