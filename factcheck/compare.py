"""Comparing aligned claims as intervals, and describing what disagrees.

Each claim stands for the interval its wording allows (see
lexicon/qualifiers.toml: "at least 3,000" is [3000, inf), "about 11,000" is
[9900, 12100]).  Two claims of the same quantity conflict when their
intervals are disjoint; a part conflicts with its whole when the part's
floor is above the whole's ceiling.  Conflicting claims form a discrepancy,
typed, scored and explained for an editor.
"""
from __future__ import annotations

import hashlib
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .align import Aligner, same_attribution
from .claims import Claim
from .documents import published_datetime
from .lexicon import load

MIN_GAP = 0.02            # figures closer than 2% are rounding, not disagreement
MAX_RATIO = 10.0          # figures ten times apart are different quantities (a toll and its subset,
                          # a day and a campaign), not one quantity misreported
UPDATE_HOURS = 6.0        # reports this far apart may carry a revised figure
CUMULATIVE_EVENTS = ("killed", "wounded", "killed_or_wounded", "arrested", "displaced", "missing", "infected",
                     "evacuated", "rescued", "lost", "protested")
BOUNDED = ("at_least", "more_than", "less_than", "up_to", "vague", "range")
_TEXTS = tomllib.loads((Path(__file__).parent / "lexicon" / "explanations.toml").read_text(encoding="utf-8"))


@dataclass
class Conflict:
    a: Claim
    b: Claim
    relation: str   # same | part (a is part of b)
    gap: float      # relative distance between the intervals, 0..1


@dataclass
class Discrepancy:
    id: str
    type: str
    severity: str
    score: float
    about: str
    about_ar: str
    story: str
    explanation: str
    explanation_ar: str
    attribution: str          # same_source | disputed | unknown
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    positions: list[dict] = field(default_factory=list)


def _hi(c: Claim) -> float:
    return float("inf") if c.high is None else c.high


def _lo(c: Claim) -> float:
    return 0.0 if c.low is None else c.low


def conflict_gap(a: Claim, b: Claim, relation: str) -> float | None:
    """The relative gap between a and b when they cannot both be true, else None."""
    if relation == "part":
        if _lo(a) > _hi(b):
            return (_lo(a) - _hi(b)) / _lo(a)
        return None
    if relation == "whole":
        return conflict_gap(b, a, "part")
    top_low = max(_lo(a), _lo(b))
    bottom_high = min(_hi(a), _hi(b))
    if top_low > bottom_high:
        if bottom_high > 0 and top_low / bottom_high >= MAX_RATIO:
            return None
        gap = (top_low - bottom_high) / top_low
        return gap if gap >= MIN_GAP else None
    return None


def find_conflicts(aligner: Aligner, claims: list[Claim]) -> list[Conflict]:
    out: list[Conflict] = []
    for key, bucket in sorted(aligner.buckets(claims).items()):
        by_doc: dict[str, list[Claim]] = defaultdict(list)
        for c in bucket:
            by_doc[c.doc].append(c)
        docs = sorted(by_doc)
        for i, d in enumerate(docs):
            for e in docs[i + 1:]:
                if not aligner.stories.related(d, e):
                    continue
                for a in by_doc[d]:
                    for b in by_doc[e]:
                        rel = aligner.relation(a, b)
                        if rel is None:
                            continue
                        gap = conflict_gap(a, b, rel)
                        if gap is None:
                            continue
                        if rel == "whole":
                            out.append(Conflict(b, a, "part", gap))
                        else:
                            out.append(Conflict(a, b, rel, gap))
    return out


def _hours(c: Claim) -> float | None:
    when = published_datetime(c.published)
    return when.timestamp() / 3600.0 if when else None


def _is_update(conflicts: list[Conflict]) -> bool:
    """Every conflict is a report published on a later day with a higher
    cumulative figure (a rising toll)."""
    for k in conflicts:
        if k.relation != "same" or k.a.event not in CUMULATIVE_EVENTS:
            return False
        ta, tb = _hours(k.a), _hours(k.b)
        if ta is None or tb is None or abs(ta - tb) < UPDATE_HOURS or k.a.published[:10] == k.b.published[:10]:
            return False
        early, late = (k.a, k.b) if ta < tb else (k.b, k.a)
        if _lo(late) <= _lo(early):
            return False
    return True


def _fmt(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{int(v):,}" if v == int(v) else f"{v:,.2f}"


def figure_en(c: Claim) -> str:
    q = c.qualifier
    if q == "range" or (q == "vague" and c.value is None):
        return f"{_fmt(c.low)}–{_fmt(c.high) if c.high is not None else '…'}"
    word = {"approx": "about ", "at_least": "at least ", "more_than": "more than ", "less_than": "less than ",
            "up_to": "up to "}.get(q or "", "")
    return word + _fmt(c.value)


def _label(c: Claim) -> str:
    return c.source or c.doc


def describe(conflicts: list[Conflict], kind: str) -> tuple[str, str, str, str]:
    """(about in English, about in Arabic, explanation in English, in Arabic)."""
    first = max(conflicts, key=lambda k: (k.gap, k.a.id, k.b.id))
    a, b = first.a, first.b
    if kind == "bound_violated" and a.qualifier not in BOUNDED:
        a, b = b, a
    if kind == "update" and (_hours(a) or 0) > (_hours(b) or 0):
        a, b = b, a
    concept = (a.concept or "").lstrip("~").replace("_", " ")
    if concept.startswith("money:"):
        concept = "the amount in " + concept[6:]
    event = (a.event or "").replace("_", " ")
    owner = f" ({a.owner.replace('_', ' ')})" if a.owner else ""
    about_en = f"{concept} {event}{owner}".strip()
    forms = load().concepts.get(a.concept or "", {}).get("forms")
    noun = forms[0] if forms else (b.counted or a.counted or "")  # "منهم" says nothing on a card
    about_ar = noun + (f" ({_TEXTS['events'][a.event]})" if a.event in _TEXTS["events"] else "")
    names = load().entities.get(a.owner or "", {}).get("names")
    if names:
        about_ar += " — " + names[0]
    t = _TEXTS[kind]
    values = dict(a=a.text, b=b.text, a_en=figure_en(a), b_en=figure_en(b), a_source=_label(a),
                  b_source=_label(b), about_en=about_en, about_ar=about_ar,
                  a_event=(a.event or "").replace("_", " "), b_event=(b.event or "").replace("_", " "),
                  a_event_ar=_TEXTS["events"].get(a.event or "", ""), b_event_ar=_TEXTS["events"].get(b.event or "", ""),
                  a_date=(a.published or "")[:10], b_date=(b.published or "")[:10])
    return about_en, about_ar, t["en"].format(**values), t["ar"].format(**values)


def attribution_kind(conflicts: list[Conflict]) -> tuple[str, str, str]:
    same = [k for k in conflicts if same_attribution(k.a, k.b) is True]
    if same:
        who = same[0].a.attribution_entity or same[0].a.attribution
        return "same_source", _TEXTS["same_source"]["en"].format(attribution=who), \
            _TEXTS["same_source"]["ar"].format(attribution=same[0].a.attribution)
    diff = [k for k in conflicts if same_attribution(k.a, k.b) is False]
    if diff:
        k = diff[0]
        return "disputed", _TEXTS["disputed"]["en"].format(a_attr=k.a.attribution, b_attr=k.b.attribution), \
            _TEXTS["disputed"]["ar"].format(a_attr=k.a.attribution, b_attr=k.b.attribution)
    return "unknown", "", ""


def severity(claims: list[Claim], conflicts: list[Conflict], kind: str, attribution: str,
             sides: list[dict]) -> tuple[float, str]:
    """0-100: how far apart, how central (headline), how many outlets, same primary source."""
    if kind == "update":
        return 5.0, "info"
    gap = max(k.gap for k in conflicts)
    sources = {c.source or c.doc for c in claims}
    # moderate gaps matter most; a figure several times another is less often one quantity
    score = 35 * min(gap / 0.3, 1.0) * (1.0 if gap <= 0.67 else 0.6)
    score += 15 * min(len(sources) - 1, 3) / 3
    score += 10 if any(c.in_title for c in claims) else 0
    score += 15 if kind == "part_exceeds_whole" else 0
    score += 15 if attribution == "same_source" else 0
    score += 10 if claims[0].event in ("killed", "wounded", "killed_or_wounded") else 0
    score = round(min(score, 100.0), 1)
    level = "high" if score >= 55 else "medium" if score >= 35 else "low"
    return score, level


def positions(claims: list[Claim]) -> list[dict]:
    """The sides of a discrepancy: claims grouped while their intervals still
    share a common part, each side with the outlets that hold it."""
    sides: list[tuple[float, float, list[Claim]]] = []
    for c in sorted(claims, key=lambda c: (_lo(c), _hi(c), c.id)):
        if sides and _lo(c) <= sides[-1][1]:
            lo, hi, members = sides[-1]
            sides[-1] = (max(lo, _lo(c)), min(hi, _hi(c)), members + [c])
        else:
            sides.append((_lo(c), _hi(c), [c]))
    def tightest(m):
        return min(m, key=lambda x: (_hi(x) - _lo(x), x.id))
    return [{"figure": figure_en(tightest(m)) if len({x.value for x in m}) == 1
             else _fmt(lo) if lo == hi else f"{_fmt(lo)}–{_fmt(hi) if hi != float('inf') else '…'}",
             "text": tightest(m).text,
             "outlets": sorted({_label(x) for x in m}), "claims": [x.id for x in m]} for lo, hi, m in sides]


def discrepancy_id(conflicts: list[Conflict]) -> str:
    """Stable: named by its earliest conflicting pair of claims, so new reports
    joining a discrepancy later do not rename it."""
    def order(c: Claim):
        return (c.published or "", c.doc, c.start)
    pair = min((tuple(sorted((k.a, k.b), key=order)) for k in conflicts),
               key=lambda p: (order(p[0]), order(p[1])))
    key = pair[0].id + ":" + pair[1].id
    return "d" + hashlib.sha1(key.encode()).hexdigest()[:11]


def discrepancies(aligner: Aligner, claims: list[Claim]) -> list[Discrepancy]:
    conflicts = find_conflicts(aligner, claims)
    # connected groups of conflicts
    parent: dict[str, str] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for k in conflicts:
        ra, rb = find(k.a.id), find(k.b.id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[Conflict]] = defaultdict(list)
    for k in conflicts:
        groups[find(k.a.id)].append(k)
    out = []
    for ks in groups.values():
        members = {c.id: c for k in ks for c in (k.a, k.b)}
        cl, seen = [], set()
        for c in sorted(members.values(), key=lambda c: (c.published or "", c.doc, c.start)):
            copy = (c.source, c.text, c.sentence)  # the same outlet's near-duplicate article
            if copy not in seen:
                seen.add(copy)
                cl.append(c)
        if any(k.relation == "part" for k in ks):
            kind = "part_exceeds_whole"
        elif _is_update(ks):
            kind = "update"
        elif any(c.qualifier in BOUNDED for k in ks for c in (k.a, k.b)):
            kind = "bound_violated"
        else:
            kind = "value_mismatch"
        attr, attr_en, attr_ar = attribution_kind(ks)
        about, about_ar, en, ar = describe(ks, kind)
        sides = positions(cl)
        score, level = severity(cl, ks, kind, attr, sides)
        story = aligner.stories.story.get(cl[0].doc, cl[0].doc)
        out.append(Discrepancy(id=discrepancy_id(ks), type=kind, severity=level, score=score, about=about,
                               about_ar=about_ar,
                               story=story, explanation=en + (attr_en if kind != "update" else ""),
                               explanation_ar=ar + (attr_ar if kind != "update" else ""), attribution=attr,
                               claims=cl, conflicts=ks, positions=sides))
    out.sort(key=lambda d: (-d.score, d.id))
    return out
