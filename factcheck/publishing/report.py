"""The editors' HTML report: data prepared here, HTML only in templates.

Everything from documents reaches the page through Jinja2 autoescaping, so
a document holding <script> shows as text.  The page is one self-contained
file (styles and script inlined from report/), readable with JavaScript off.

Words that name values of the data (types, severities, tiers, decisions), the
filters and universal time are in report/labels.toml, outlets' display names
in lexicon/outlets.toml, so the Arabic page shows no identifier.  Discrepancy fields are read defensively:
`tier` (alarm | review, default alarm), `story` (a headline, or a story id,
or absent: then the story is named by its documents' headlines).
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..reading.arabic import _SKELETON_DROP, _SKELETON_MAP, _TABLE, normalise, skeleton
from ..lexicon import raw as raw_lexicon
from ..matching.compare import BOUNDED

HERE = Path(__file__).parent / "report"
_env = Environment(loader=FileSystemLoader(str(HERE)), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

TIERS = ("alarm", "review", "update", "dismissed")
SEVERITIES = ("high", "medium", "low", "info")
PALETTE = 6  # outlet colours o0..o5 in report.css


class ReportConfigError(ValueError):
    pass


@lru_cache(maxsize=1)
def labels() -> dict:
    return raw_lexicon("labels")


@lru_cache(maxsize=1)
def _outlets() -> dict[str, dict]:
    data = raw_lexicon("outlets")
    out = {}
    for slug, d in data.items():
        for key in [slug] + list(d.get("aliases", [])):
            out[key.casefold()] = {"ar": d["ar"], "en": d["en"]}
    return out


@lru_cache(maxsize=1)
def _explanations() -> dict:
    return raw_lexicon("explanations")


def outlet_names(source: str | None, doc: str) -> dict:
    """{'ar':…, 'en':…, 'key':…}: an outlet by its display names (its source value if unlisted,
    the document id when the source is unknown)."""
    if not source:
        short = doc if len(doc) <= 16 else doc[:15] + "…"
        return {"ar": doc, "en": doc, "key": doc, "known": False, "short": short}
    d = _outlets().get(source.casefold())
    if d:
        return {**d, "key": source, "known": True, "short": None}
    return {"ar": source, "en": source, "key": source, "known": False, "short": None}


def entity_names(eid: str) -> dict:
    from ..lexicon import load
    names = load().entities.get(eid, {}).get("names") or []
    latin = [n for n in names if re.fullmatch(r"[A-Za-z .'-]+", n)]
    return {"id": eid, "ar": names[0] if names else eid.replace("_", " "),
            "en": latin[0] if latin else eid.replace("_", " ").title()}


def label(group: str, key: str | None) -> dict:
    d = labels().get(group, {}).get(key or "")
    return d or {"ar": key or "", "en": key or ""}


# -- time -----------------------------------------------------------------------------------
def zone(name: str | None) -> ZoneInfo:
    """The report's time zone: given, else $FACTCHECK_TIMEZONE (for `factcheck check`), else UTC."""
    try:
        return ZoneInfo(name or os.environ.get("FACTCHECK_TIMEZONE") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ReportConfigError(f"unknown time zone {name!r} (use an IANA name such as UTC or Asia/Dubai)") from None


def parse_time(published: str | None) -> datetime | None:
    """A published value as an aware datetime (no offset given: UTC)."""
    if not published:
        return None
    try:
        t = datetime.fromisoformat(str(published).replace("Z", "+00:00"))
    except ValueError:
        return None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def zone_label(tz: ZoneInfo, when: datetime | None = None) -> dict:
    off = (when or datetime.now(timezone.utc)).astimezone(tz).utcoffset()
    minutes = int(off.total_seconds() // 60) if off is not None else 0
    sign = "+" if minutes >= 0 else "−"
    hm = f"{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    utc = label("time_zone", "utc")  # غرينتش, UTC
    ar, short = (utc["ar"], utc["en"]) if minutes == 0 else (f"{utc['ar']}{sign}{hm}", f"{utc['en']}{sign}{hm}")
    en = tz.key if tz.key == short or tz.key == "UTC" else f"{tz.key} ({short})"
    return {"ar": ar, "en": en}


def local(published: str | None, tz: ZoneInfo) -> dict | None:
    t = parse_time(published)
    if t is None:
        return None
    lt = t.astimezone(tz)
    return {"iso": t.isoformat(), "text": lt.strftime("%Y-%m-%d %H:%M"), "short": lt.strftime("%m-%d %H:%M"),
            "date": lt.strftime("%Y-%m-%d"), "ts": t.timestamp()}


# -- numbers ----------------------------------------------------------------------------------
def _fmt(v) -> str:
    if v is None:
        return "∞"
    return f"{int(v):,}" if float(v) == int(v) else f"{v:,.2f}"


def _num(v):
    try:
        return None if v is None else float(v)
    except (TypeError, ValueError):
        return None


# -- the timeline chart ------------------------------------------------------------------------
CW, CH, LEFT, RIGHT, TOP, BOTTOM = 460, 170, 52, 110, 12, 28


def timeline(claims: list[dict], update: bool) -> dict:
    """Positions for the inline SVG: x = publication time, y = the figure (its
    interval as a bar), one colour per outlet; an update joins its points."""
    vals = []
    for c in claims:
        for k in ("value", "low", "high"):
            v = _num(c.get(k))
            if v is not None:
                vals.append(v)
    top = (max(vals) if vals else 1.0) or 1.0
    ymax = top * 1.15
    ts = [c["time"]["ts"] if c.get("time") else None for c in claims]
    timed = sorted({t for t in ts if t is not None})
    by_time = len(timed) >= 2
    x0, x1 = LEFT, CW - RIGHT
    if by_time:
        lo, hi = timed[0], timed[-1]

        def x_of(k):
            t = ts[k]
            if t is None:
                return x0
            return round(x0 + (x1 - x0) * (t - lo) / (hi - lo), 1)
    else:
        def x_of(k):
            return round(x0 + (x1 - x0) * ((k + 0.5) / len(claims)), 1) if claims else x0

    def y_of(v):
        return round(TOP + (CH - TOP - BOTTOM) * (1 - v / ymax), 1)
    points = []
    for k, c in enumerate(claims):
        v, low, high = _num(c.get("value")), _num(c.get("low")), _num(c.get("high"))
        low = low if low is not None else (v if v is not None else 0.0)
        mid = v if v is not None else (low if high is None else (low + high) / 2)
        points.append({"x": x_of(k), "y": y_of(mid), "y1": y_of(low), "y2": y_of(high if high is not None else ymax),
                       "open": high is None, "bar": high is None or high != low, "colour": c["colour"],
                       "outlet": c["outlet"], "figure": c.get("figure") or c.get("text") or "", "text": c.get("text") or "",
                       "time": c.get("time")})
    # labels: beside each point, nudged apart vertically when they would overlap
    placed: list[tuple[float, float]] = []
    for p in sorted(points, key=lambda p: (p["x"], p["y"])):
        ly = p["y"] + 4
        while any(abs(ly - qy) < 11 and abs(p["x"] - qx) < 90 for qx, qy in placed):
            ly += 11
        ly = min(ly, CH - BOTTOM - 2)
        placed.append((p["x"], ly))
        p["ly"], p["lx"] = ly, p["x"] + 7
    line = None
    if update and by_time:
        seq = sorted((p for p in points if p["time"]), key=lambda p: p["time"]["ts"])
        line = " ".join(f"{p['x']},{p['y']}" for p in seq)
    mid = round(top / 2) if top >= 4 else top / 2
    yticks = [{"y": y_of(v), "label": _fmt(v)} for v in (0, mid, top)]
    xticks = []
    if by_time:
        first = next(p for p in points if p["time"] and p["time"]["ts"] == timed[0])
        last = next(p for p in points if p["time"] and p["time"]["ts"] == timed[-1])
        xticks = [{"x": x0, "label": first["time"]["short"], "anchor": "start"},
                  {"x": x1, "label": last["time"]["short"], "anchor": "end"}]
    return {"width": CW, "height": CH, "points": points, "line": line, "yticks": yticks, "xticks": xticks,
            "by_time": by_time, "x0": x0, "x1": x1, "base": CH - BOTTOM}


# -- text around the figures ---------------------------------------------------------------------
def _sentence_parts(c: dict) -> dict:
    s = c.get("sentence") or ""
    t = c.get("text") or ""
    i = s.find(t) if t else -1
    if i < 0:
        return {"pre": s, "mark": t, "post": ""}
    return {"pre": s[:i], "mark": t, "post": s[i + len(t):]}


def _doc_segments(text: str, spans: list[tuple[int, int, str]]) -> list[dict]:
    """The document text cut at each highlighted claim (spans do not overlap)."""
    out, pos = [], 0
    for s, e, cid in sorted(spans):
        if s < pos or s is None:
            continue
        if s > pos:
            out.append({"text": text[pos:s], "claim": None})
        out.append({"text": text[s:e], "claim": cid})
        pos = e
    if pos < len(text):
        out.append({"text": text[pos:], "claim": None})
    return out


@lru_cache(maxsize=1)
def _attr_words() -> dict[str, frozenset[str]]:
    raw = labels().get("attribution_words", {})
    verbs = raw_lexicon("attribution").get("before", [])
    out = {k: frozenset(normalise(w) for w in raw.get(k, [])) for k in ("lead", "institutions", "continue", "dangling",
                                                                         "generic")}
    words = raw_lexicon("words").get("report", {})
    out["stop"] = frozenset(normalise(w) for w in words.get("attribution_stop", []))
    out["definite"] = tuple(dict.fromkeys(normalise(w) for w in words.get("definite", [])))
    out["lead"] |= {normalise(v) for v in verbs if " " not in v}
    return out


def _definite(w: str, prefixes: tuple[str, ...]) -> bool:
    return w.startswith(prefixes)


def clean_attribution(a: str | None) -> str | None:
    """An attribution as a whole name, or None: leading reporting words and trailing particles
    cut, words after the end of the name dropped, a fragment refused."""
    if not a:
        return None
    aw = _attr_words()
    words = re.findall(r"[^\s،,.:؛;()«»\"]+", a)
    while words and normalise(words[0]) in aw["lead"] | aw["stop"]:
        words.pop(0)
    if words:
        first = normalise(words[0])
        if first.startswith("لل") and len(first) > 4:
            words[0] = "ا" + words[0][1:]
        elif first.startswith("ل") and first[1:] in aw["institutions"]:
            words[0] = words[0][1:]
    # a name ends at its definite words: an indefinite word after one starts something else
    for k in range(1, len(words)):
        w = normalise(words[k])
        if _definite(normalise(words[k - 1]), aw["definite"]) and not _definite(w, aw["definite"]) \
                and w not in aw["continue"]:
            words = words[:k]
            break
    while words and normalise(words[-1]) in aw["stop"]:
        words.pop()
    if not words or normalise(words[-1]) in aw["dangling"]:
        return None
    text = " ".join(words)
    return text if len(text.replace(" ", "")) >= 3 else None


def specific_attribution(a: str | None) -> str | None:
    """A whole attribution that names someone (not "the authorities", "an official")."""
    text = clean_attribution(a)
    return None if text is None or normalise(text) in _attr_words()["generic"] else text


def _iso(s) -> str:
    """Bidi-isolated (FSI … PDI): a Latin id or a figure inside an Arabic sentence keeps its order."""
    return "\u2068" + str(s or "") + "\u2069"


def explain(d: dict, claims: dict[str, dict]) -> tuple[str, str, str | None]:
    """The card's sentence in English and Arabic, with outlets by name; "likely misquote" or
    "disputed" only when both figures carry a whole attribution that says so."""
    texts = _explanations()
    kind = d.get("type")
    conflicts = [k for k in d.get("conflicts") or [] if k.get("a") in claims and k.get("b") in claims]
    if kind not in texts or not conflicts:
        return d.get("explanation") or "", d.get("explanation_ar") or "", None
    first = max(conflicts, key=lambda k: (k.get("gap") or 0, k["a"], k["b"]))
    a, b = claims[first["a"]], claims[first["b"]]
    if kind == "bound_violated" and a.get("qualifier") not in BOUNDED:  # as compare.describe() turns them
        a, b = b, a
    if kind == "update" and ((a.get("time") or {}).get("ts") or 0) > ((b.get("time") or {}).get("ts") or 0):
        a, b = b, a
    ev = texts.get("events", {})
    values = dict(a=_iso(a.get("text")), b=_iso(b.get("text")), a_en=_iso(a.get("figure") or a.get("text")),
                  b_en=_iso(b.get("figure") or b.get("text")), about_en=d.get("about") or "", about_ar=d.get("about_ar") or "",
                  a_event=(a.get("event") or "").replace("_", " "), b_event=(b.get("event") or "").replace("_", " "),
                  a_event_ar=ev.get(a.get("event") or "", ""), b_event_ar=ev.get(b.get("event") or "", ""),
                  a_date=(a.get("time") or {}).get("date", ""), b_date=(b.get("time") or {}).get("date", ""))
    try:
        en = texts[kind]["en"].format(**values, a_source=_iso(a["outlet"]["en"]), b_source=_iso(b["outlet"]["en"]))
        ar = texts[kind]["ar"].format(**values, a_source=_iso(a["outlet"]["ar"]), b_source=_iso(b["outlet"]["ar"]))
    except (KeyError, IndexError):
        return d.get("explanation") or "", d.get("explanation_ar") or "", None
    if kind == "update":
        return en, ar, None
    attr = d.get("attribution")
    pair = [specific_attribution(a.get("attribution")), specific_attribution(b.get("attribution"))]
    if attr == "same_source" and all(pair) and "same_source" in texts:
        en += texts["same_source"]["en"].format(attribution=pair[0])
        ar += texts["same_source"]["ar"].format(attribution=pair[0])
        return en, ar, attr
    elif attr == "disputed" and all(pair) and "disputed" in texts:
        en += texts["disputed"]["en"].format(a_attr=pair[0], b_attr=pair[1])
        ar += texts["disputed"]["ar"].format(a_attr=pair[0], b_attr=pair[1])
        return en, ar, attr
    return en, ar, None


def search_key(text: str) -> str:
    """The spelling-tolerant form the page searches in: the checker's normalisation, then each
    word's consonant skeleton (زيلينسكي and زيلنسكي, بيونغ and بيونج meet), each once.  report.js
    applies the same two steps to the query, with tables generated from factcheck.reading.arabic, and
    looks for every word of it."""
    return " ".join(dict.fromkeys(skeleton(w) for w in re.findall(r"\w+", normalise(text).lower())))


def search_tables() -> str:
    """factcheck.reading.arabic's normalisation and skeleton tables, for report.js (ASCII-escaped JSON)."""
    def as_map(table: dict) -> dict:
        return {chr(k): (v or "") for k, v in table.items()}
    return json.dumps({"norm": as_map(_TABLE), "drop": "".join(chr(k) for k, v in _SKELETON_DROP.items() if not v),
                       "map": {chr(k): v for k, v in _SKELETON_MAP.items() if v}, "article": normalise("ال")},
                      ensure_ascii=True, sort_keys=True)


# -- the cards -------------------------------------------------------------------------------

def rank(d: dict) -> tuple:
    """Within a tier, the most confident first (the probability that the figures
    are one quantity misreported, the order discrepancies.json has), then the
    most severe: the report leads with what an editor can trust."""
    sev = SEVERITIES.index(d.get("severity")) if d.get("severity") in SEVERITIES else len(SEVERITIES)
    return -(d.get("probability") or 0.0), sev, -(d.get("score") or 0.0), d["id"]


def _first_of_each(members: list[dict], field: str, key: str) -> list[dict]:
    """The members' `field` items, each `key` once, in the members' order."""
    out, seen = [], set()
    for m in members:
        for item in m.get(field) or []:
            if item.get(key) not in seen:
                seen.add(item.get(key))
                out.append(item)
    return out


def _merge_duplicates(items: list[dict]) -> list[dict]:
    """One card per event and quantity: discrepancies about the same quantity whose documents
    are the same (or one's are all in the other's) are one card (the most severe one's id; the others' ids kept in `ids`)."""
    parent = list(range(len(items)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    by_quantity: dict[tuple, list[tuple[int, frozenset]]] = defaultdict(list)
    for i, d in enumerate(items):
        docs = frozenset(c.get("doc") for c in d.get("claims") or [])
        key = (d.get("about"), d.get("about_ar"))
        for j, other in by_quantity[key]:
            if docs <= other or other <= docs:  # the same documents (or all of one's in the other)
                parent[find(i)] = find(j)
        by_quantity[key].append((i, docs))
    groups: dict[int, list[dict]] = defaultdict(list)
    for i, d in enumerate(items):
        groups[find(i)].append(d)
    out = []
    for members in groups.values():
        if len(members) == 1:
            out.append(members[0])
            continue
        members.sort(key=rank)
        head = dict(members[0])
        claims = _first_of_each(members, "claims", "id")
        head["claims"] = sorted(claims, key=lambda c: (c.get("published") or "", c.get("doc") or ""))
        head["conflicts"] = [k for m in members for k in m.get("conflicts") or []]
        head["positions"] = _first_of_each(members, "positions", "figure")
        head["merged"] = [m["id"] for m in members[1:]]
        out.append(head)
    return out


def story_name(doc_ids: list[str], docs: dict) -> str | None:
    """A discrepancy's story, named by its documents' headlines: the one most of them share
    (normalised), else the earliest published."""
    titles = []
    for i in dict.fromkeys(doc_ids):
        doc = docs.get(i)
        if doc is not None and doc.title.strip():
            t = parse_time(doc.published)
            titles.append((doc.title.strip(), t.timestamp() if t else float("inf"), i))
    if not titles:
        return None
    shared = Counter(normalise(t) for t, _, _ in titles)
    return min(titles, key=lambda x: (-shared[normalise(x[0])], x[1], x[2]))[0]


def _decision_key(decision: dict | None) -> str:
    return decision["decision"] if decision and decision.get("decision") in ("confirm", "dismiss", "reopen") else "none"


def citation_for(documents, configured: str | None) -> str | None:
    if configured:
        return configured
    for c in labels().get("citations", []):
        if any(c["match"] in (getattr(doc, "origin", "") or "") for doc in documents):
            return c["text"]
    return None


def report_context(result, data: dict, previous: dict | None = None, status: dict | None = None,
                   gone: list[dict] | None = None, night: str | None = None, title: str = "factcheck",
                   timezone_name: str | None = None, citation: str | None = None, serve: dict | None = None) -> dict:
    tz = zone(timezone_name)
    docs = {d.id: d for d in result.documents}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    cards = []
    latest_time = None
    for d in _merge_duplicates(list(data.get("discrepancies") or [])):
        st = (status or {}).get(d["id"], {})
        for other in d.get("merged", []):  # a decision on a merged id counts too
            if not st.get("decision") and (status or {}).get(other, {}).get("decision"):
                st = (status or {})[other]
        decision = st.get("decision")
        if decision:
            decision = {**decision, "time": local(decision.get("at"), tz)}
        card_status = st.get("status", "new")
        if _decision_key(decision) == "dismiss":
            card_status = "dismissed"
        colours: dict[str, int] = {}
        claims = []
        for c in d.get("claims") or []:
            doc = docs.get(c.get("doc"))
            o = outlet_names(c.get("source"), c.get("doc") or "")
            colours.setdefault(o["key"], len(colours) % PALETTE)
            t = local(c.get("published"), tz)
            if t and (latest_time is None or t["ts"] > latest_time.timestamp()):
                latest_time = parse_time(c.get("published"))
            claims.append({**c, "quote": _sentence_parts(c), "outlet": o, "colour": colours[o["key"]], "time": t,
                           "source_of": clean_attribution(c.get("attribution")),
                           "headline": doc.title.strip() if doc is not None else "",
                           "url": doc.url if doc is not None and (doc.url or "").startswith(("http://", "https://")) else None})
            if doc is not None and c.get("start") is not None and c.get("end") is not None:
                spans.setdefault(c["doc"], []).append((c["start"], c["end"], c["id"]))
        by_id = {c.get("id"): c for c in claims}
        kind = d.get("type") or "value_mismatch"
        tier = d.get("tier") if d.get("tier") in ("alarm", "review") else "alarm"
        if kind == "update":
            tier = "update"
        if card_status == "dismissed":
            tier = "dismissed"
        ent_sets = [set(c.get("entities") or []) for c in claims]
        entities = sorted({c["owner"] for c in claims if c.get("owner")} | (set.intersection(*ent_sets) if ent_sets else set()))
        en, ar, attr_shown = explain(d, by_id)
        documents_of = []
        for c in claims:
            if c.get("doc") not in [x["doc"] for x in documents_of]:
                documents_of.append({"doc": c.get("doc"), "headline": c["headline"], "outlet": c["outlet"],
                                     "time": c["time"], "url": c["url"], "colour": c["colour"]})
        positions = []
        for p in d.get("positions") or []:
            outs = [by_id[i]["outlet"] for i in p.get("claims", []) if i in by_id]
            if not outs:
                outs = [outlet_names(s, s) for s in p.get("outlets", [])]
            uniq = list({o["key"]: o for o in outs}.values())
            positions.append({**p, "outlets_ar": [o["ar"] for o in uniq], "outlets_en": [o["en"] for o in uniq]})
        story = d.get("story")
        # a story id today (a document id); a leading headline once alignment gives one
        is_id = bool(story) and (story in docs or re.fullmatch(r"[\w.:-]+", story) is not None)
        cards.append({**d, "type": kind, "severity": d.get("severity") or "low", "claims": claims, "tier": tier,
                      "status": card_status, "decision": decision, "decision_key": _decision_key(decision),
                      "ids": [d["id"]] + list(d.get("merged", [])),
                      "chart": timeline(claims, kind == "update"), "explain_en": en, "explain_ar": ar, "attr_shown": attr_shown,
                      "outlets": list({c["outlet"]["key"]: c["outlet"] for c in claims}.values()),
                      "entities": [entity_names(e) for e in entities], "docs": documents_of, "positions": positions,
                      "story_given": story if story and not is_id else None})
    story_index: dict[str, str] = {}
    for c in cards:
        c["story_name"] = (c["story_given"] or story_name([x["doc"] for x in c["claims"]], docs)
                           or c.get("about_ar") or c["id"])
        c["story_id"] = story_index.setdefault(c["story_name"], f"s{len(story_index) + 1}")
        text = " ".join([c["story_name"], c.get("about_ar") or "", c.get("about") or "", c["explain_ar"], c["explain_en"]]
                        + [x["headline"] for x in c["docs"]] + [o["ar"] + " " + o["en"] for o in c["outlets"]]
                        + [e["ar"] + " " + e["en"] for e in c["entities"]]
                        + [(x.get("sentence") or "") + " " + (x.get("text") or "") for x in c["claims"]])
        c["search"] = search_key(text)
    cards.sort(key=lambda c: (TIERS.index(c["tier"]), *rank(c)))

    documents = []
    for doc_id in sorted(spans):
        doc = docs[doc_id]
        o = outlet_names(doc.source, doc_id)
        documents.append({"id": doc_id, "anchor": f"doc-{doc_id}", "outlet": o, "time": local(doc.published, tz),
                          "url": doc.url if (doc.url or "").startswith(("http://", "https://")) else None,
                          "title": doc.title, "segments": _doc_segments(doc.text, spans[doc_id])})
    by_sev = Counter(c["severity"] for c in cards)
    by_type = Counter(c["type"] for c in cards)
    by_tier = Counter(c["tier"] for c in cards)
    changes = None
    if previous is not None:
        before = {d["id"] for d in previous.get("discrepancies", [])}
        now = {d["id"] for d in data.get("discrepancies") or []}
        changes = {"new": len(now - before), "gone": len(before - now), "still": len(now & before)}

    def opts(group, keys):
        return [{"value": k, **label(group, k)} for k in keys]
    outlets = {}
    for c in cards:
        for o in c["outlets"]:
            outlets[o["key"]] = o
    ents = {}
    for c in cards:
        for e in c["entities"]:
            ents[e["id"]] = e
    stories = {}
    for c in cards:
        stories.setdefault(c["story_id"], {"value": c["story_id"], "ar": c["story_name"], "en": c["story_name"]})
    facets = {
        "tier": opts("tier", [t for t in TIERS if by_tier[t]]),
        "severity": opts("severity", [s for s in SEVERITIES if by_sev[s]] + sorted(s for s in by_sev if s not in SEVERITIES)),
        "type": opts("type", sorted(by_type)),
        "source": [{"value": k, "ar": o["ar"], "en": o["en"]} for k, o in sorted(outlets.items(), key=lambda x: x[1]["ar"])],
        "entity": [{"value": k, "ar": e["ar"], "en": e["en"]} for k, e in sorted(ents.items(), key=lambda x: x[1]["ar"])],
        "story": list(stories.values()),
        "decision": opts("decision", [k for k in ("none", "confirm", "dismiss", "reopen")
                                      if any(c["decision_key"] == k for c in cards)]),
    }
    facet_names = {k: (label("facet", k)["ar"], label("facet", k)["en"]) for k in facets}
    summary = {"documents": data.get("documents", len(docs)), "sources": len(data.get("sources", [])),
               "stories": data.get("stories", 0), "claims": data.get("claims", 0), "discrepancies": len(cards),
               "tiers": [{"key": t, "n": by_tier[t], **label("tier", t)} for t in TIERS],
               "by_severity": [{"key": s, "n": by_sev[s], **label("severity", s)} for s in SEVERITIES if by_sev[s]],
               "by_type": [{"key": t, "n": n, **label("type", t)} for t, n in sorted(by_type.items())]}
    return {"title": title, "night": night, "gone": gone or [], "summary": summary, "changes": changes, "cards": cards,
            "documents": documents, "facets": facets, "facet_names": facet_names, "labels": labels(),
            "zone": zone_label(tz, latest_time), "citation": citation_for(result.documents, citation),
            "serve": serve, "search_tables": search_tables(),
            "css": (HERE / "report.css").read_text(encoding="utf-8"),
            "js": (HERE / "report.js").read_text(encoding="utf-8")}


def render_report(result, data: dict, previous: dict | None = None, status: dict | None = None,
                  gone: list[dict] | None = None, night: str | None = None, timezone_name: str | None = None,
                  citation: str | None = None, serve: dict | None = None) -> str:
    return _env.get_template("report.html").render(**report_context(
        result, data, previous, status, gone, night, timezone_name=timezone_name, citation=citation, serve=serve))


def documents_only(documents) -> SimpleNamespace:
    """A stand-in for a check result when only the documents are known (the review server)."""
    return SimpleNamespace(documents=list(documents))


def render_index(runs: list[dict]) -> str:
    """reports/index.html: every nightly run with its counts, newest first."""
    return _env.get_template("index.html").render(runs=runs, css=(HERE / "report.css").read_text(encoding="utf-8"))
