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
from dataclasses import dataclass, field
from datetime import date

from ..reading.arabic import normalise
from .candidates import comparable_class, disagree, hours, outlet, rel_gap, unit_scale
from .frames import ANCHORED_KINDS, figure_span, forecast, is_tally, one_anchored_thing
from ..figures.claims import Claim
from ..figures.numbers import month_level
from ..lexicon import load
from ..lexicon import raw as raw_lexicon

UPDATE_HOURS = 0.75       # a toll higher in a report this much later is an update, also on the same day
SETTLED_HOURS = 6.0       # tolls further apart than this may be a revision or a stale repeat: to review, never an alarm
RUNNING_LARGE = 1000      # a running total of thousands since a past start (weeks of protest) does
RUNNING_JUMP = 1.3        # not grow by this share within
RUNNING_HOURS = 24.0      # this many hours: two such figures are two counts of one total, not stages
MARKET_HOURS = 1.0        # two quotes of a price in trading this far apart are two moments of it
TALLY_HOURS = 12.0        # a tally (goals, points) higher in a report this much later has counted another match
BOUNDED = ("at_least", "more_than", "less_than", "up_to", "vague", "range")
_TEXTS = raw_lexicon("explanations")  # through the loader: validated, and FACTCHECK_LEXICON applies


@dataclass
class Conflict:
    a: Claim
    b: Claim
    relation: str   # same | part (a is part of b)
    gap: float      # relative distance between the intervals, 0..1
    probability: float = 1.0  # that the two are one quantity misreported (alignment model)


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
    tier: str = "alarm"       # alarm | review | update
    probability: float = 1.0
    # The ids a card of each of its pairs of figures alone would have: a card that a later
    # report joins to another, or that repeats another, keeps the editors' decisions on either.
    known_as: list[str] = field(default_factory=list)


def _hi(c: Claim) -> float:
    """The top of the figure's stated interval, in its class's common unit
    (14 years is not 14 days)."""
    return float("inf") if c.high is None else c.high * unit_scale(c)


def _lo(c: Claim) -> float:
    return 0.0 if c.low is None else c.low * unit_scale(c)


def _mid(c: Claim) -> float:
    """The figure as said (an "about" figure without its allowance)."""
    return c.value if c.value is not None else _lo(c)


def _fmt(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{int(v):,}" if v == int(v) else f"{v:,.2f}"


NORMED_KINDS = ("date", "score", "time")  # figures that are their norm (03-30, 2-1), not their value


def figure_en(c: Claim) -> str:
    if c.kind in NORMED_KINDS and c.norm:
        return c.norm  # a date is not its day: 30 March and 30 April are both "30"
    q = c.qualifier
    if q == "range" or (q == "vague" and c.value is None):
        return f"{_fmt(c.low)}–{_fmt(c.high) if c.high is not None else '…'}"
    word = {"approx": "about ", "at_least": "at least ", "more_than": "more than ", "less_than": "less than ",
            "up_to": "up to "}.get(q or "", "")
    return word + _fmt(c.value)


def _label(c: Claim) -> str:
    return c.source or c.doc


def _unit_en(c: Claim) -> str:
    """A unit as an editor reads it after the figure: 14 years, 1 day, 40 mph."""
    plural = c.kind == "duration" and (c.value if c.value is not None else c.high) != 1
    return f"{c.unit}s" if plural else c.unit or ""


def describe(conflicts: list[Conflict], kind: str) -> tuple[str, str, str, str]:
    """(about in English, about in Arabic, explanation in English, in Arabic)."""
    first = max(conflicts, key=lambda k: (k.gap, k.a.id, k.b.id))
    a, b = first.a, first.b
    if kind == "bound_violated" and a.qualifier not in BOUNDED:
        a, b = b, a
    if kind == "update" and (hours(a) or 0) > (hours(b) or 0):
        a, b = b, a
    concept = (a.concept or "").lstrip("~").replace("_", " ")
    if concept.startswith("money:"):
        concept = "the amount in " + concept[6:]
    event = (a.event or "").replace("_", " ")
    owner = f" ({a.owner.replace('_', ' ')})" if a.owner else ""
    about_en = f"{concept} {event}{owner}".strip()
    forms = load().concepts.get(a.concept or "", {}).get("forms")
    numbered = _TEXTS.get("ordinals", {}).get(a.counted or "") if a.kind == "ordinal" else None  # the minute
    noun = forms[0] if forms else "" if numbered else (b.counted or a.counted or "")  # "منهم" says nothing on a card
    about_ar = noun + (f" ({_TEXTS['events'][a.event]})" if a.event in _TEXTS["events"] else "")
    names = load().entities.get(a.owner or "", {}).get("names")
    if names:
        about_ar += " — " + names[0]
    plain = numbered or _TEXTS.get("kinds", {}).get(a.kind, {})  # what it numbers, or what kind of figure it is
    about_en = about_en or plain.get("en", "")
    about_ar = about_ar or plain.get("ar", "")
    t = _TEXTS[kind]
    units = a.unit != b.unit and a.kind in ("distance", "measure", "duration")  # 40 kmh against about 40 mph
    a_en, b_en = (f"{figure_en(x)} {_unit_en(x)}" if units and x.unit else figure_en(x) for x in (a, b))
    values = dict(a=a.text, b=b.text, a_en=a_en, b_en=b_en, a_source=_label(a),
                  b_source=_label(b), about_en=about_en, about_ar=about_ar,
                  a_event=(a.event or "").replace("_", " "), b_event=(b.event or "").replace("_", " "),
                  a_event_ar=_TEXTS["events"].get(a.event or "", ""), b_event_ar=_TEXTS["events"].get(b.event or "", ""),
                  a_date=(a.published or "")[:10], b_date=(b.published or "")[:10])
    return about_en, about_ar, t["en"].format(**values), t["ar"].format(**values)


SAME_SOURCE_MIN = 85.0  # rapidfuzz ratio for two spellings of one attribution


def same_attribution(a: Claim, b: Claim) -> bool | None:
    """True when both quote the same primary source, False when different
    ones, None when either is unattributed."""
    from rapidfuzz import fuzz
    if a.attribution_entity and b.attribution_entity:
        return a.attribution_entity == b.attribution_entity
    if a.attribution and b.attribution:
        return fuzz.token_set_ratio(a.attribution, b.attribution) >= SAME_SOURCE_MIN
    return None


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
             sides: list[dict], probability: float = 1.0) -> tuple[float, str]:
    """0-100: how sure the alignment is, how far apart, how central (headline),
    how many outlets, same primary source."""
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
    score = round(min(score * (0.5 + 0.5 * probability), 100.0), 1)
    level = "high" if score >= 55 else "medium" if score >= 35 else "low"
    return score, level


def positions(claims: list[Claim]) -> list[dict]:
    """The sides of a discrepancy: claims grouped while their intervals still
    share a common part, each side with the outlets that hold it."""
    if claims and claims[0].kind in NORMED_KINDS:  # a date is one side with the same date, whatever its day
        by_norm: dict[str, list[Claim]] = {}
        for c in sorted(claims, key=lambda c: (c.norm or "", c.id)):
            by_norm.setdefault(c.norm or c.text, []).append(c)
        return [{"figure": figure_en(m[0]), "text": min(m, key=lambda x: x.id).text,
                 "outlets": sorted({_label(x) for x in m}), "claims": [x.id for x in m]} for m in by_norm.values()]
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


def _says(c: Claim, cues) -> bool:
    """Does the figure's sentence hold one of these cues (updates.toml): call the
    figure preliminary or risen (update_cues), or say it will change
    (provisional_cues)?"""
    text = normalise(c.sentence)
    return any(cue in text for cue in cues)


def _beside(c: Claim, before: int, after: int = 0) -> tuple[str, str]:
    """The normalised `before` characters of c's sentence before its figure and the
    `after` ones after it; empty when the figure is not found in its sentence."""
    span = figure_span(c)
    if span is None:
        return "", ""
    return (normalise(c.sentence[max(0, span[0] - before):span[0]]),
            normalise(c.sentence[span[1]:span[1] + after]) if after else "")


def _margin(c: Claim, lexicon) -> bool:
    """Is the tally a margin between two (بفارق 11 نقطة: updates.toml `margins`)?"""
    before = _beside(c, 16)[0].rstrip()
    return any(before.endswith(cue) for cue in lexicon.margin_cues)


def _countdown(c: Claim, lexicon) -> bool:
    """Is the figure what is left of a season or a wait (updates.toml `remaining_before`,
    `remaining_after`: تبقت 4 جولات، قبل خمس جولات على النهاية)?"""
    before, after = _beside(c, 16, 30)
    return any(w in lexicon.remaining_before for w in before.split()[-2:]) or \
        any(cue in after for cue in lexicon.remaining_after)


def cumulative(c: Claim) -> bool:
    """A running count: its event is one (the killed, the arrested: events.toml `cumulative`)."""
    return bool(load().events.get(c.event or "", {}).get("cumulative"))


def _growing(a: Claim, b: Claim) -> float | None:
    """How many hours apart two reports must be for a higher later figure to be
    a later stage of one growing count: a toll within the hour; a tally
    (counted.toml `tally`: goals, points) after a match, half a day.  None:
    the figure does not grow."""
    if a.event == b.event and cumulative(a) and cumulative(b):
        return UPDATE_HOURS
    if a.concept == b.concept and is_tally(a):
        return TALLY_HOURS
    return None


def _is_update(conflicts: list[Conflict], lexicon) -> bool:
    """Every conflict is a figure in flux.  Either report calls it preliminary,
    rising or partial (حصيلة أولية، مرشحة للارتفاع، بعد فرز 90 في المئة) and the
    two are hours apart at most: then a lower figure posted later is an earlier
    stage re-posted, and the timeline shows it.  The earlier report says its
    own figure will change (preliminary, a count in progress): whatever comes
    later, however much later, is a later stage; or the later report says its
    figure has risen (لترتفع الحصيلة إلى) and it is higher.  Or it is a cumulative figure
    (killed, wounded, arrested...) that a later report gives higher, or a tally
    (goals, points) a later report half a day on gives higher, or a price in
    trading (updates.toml `markets`) quoted an hour or more apart.  A later
    lower toll with no such word stays a contradiction, and so do different
    figures at about the same time, and a running total of thousands since a
    past start that a report the same day gives a third higher (two counts of
    one total: weeks of wounded do not grow by a third in hours)."""
    for k in conflicts:
        ta, tb = hours(k.a), hours(k.b)
        if ta is None or tb is None or k.a.kind in _FIXED or k.b.kind in _FIXED:
            return False
        early, late = (k.a, k.b) if ta < tb else (k.b, k.a)
        late_rose = _says(late, lexicon.update_cues)
        said = late_rose or _says(early, lexicon.update_cues)
        provisional = early.scope == "provisional" or _says(early, lexicon.provisional_cues)  # (or the sentence before)
        if said and abs(ta - tb) <= SETTLED_HOURS or provisional and ta != tb:
            continue
        if late_rose and _lo(late) > _hi(early):  # the later report says it rose, and it did
            continue
        if _margin(k.a, lexicon) and _margin(k.b, lexicon) and abs(ta - tb) >= TALLY_HOURS \
                and (is_tally(k.a) or is_tally(k.b)):
            continue  # a lead in points and a lead "over its rival" a match later: the standing moved
        if abs(ta - tb) >= MARKET_HOURS and _says(k.a, lexicon.market_cues) and _says(k.b, lexicon.market_cues):
            continue  # a rate or a price in trading, quoted at two hours: it moved
        if abs(ta - tb) >= TALLY_HOURS and _hi(late) < _lo(early) and _countdown(k.a, lexicon) \
                and _countdown(k.b, lexicon):
            continue  # rounds left, a match later: the countdown moved
        apart = _growing(k.a, k.b)
        if apart is None:
            return False
        if apart == TALLY_HOURS and (_margin(k.a, lexicon) or _margin(k.b, lexicon)) and abs(ta - tb) >= apart:
            continue  # a lead or a gap, a match later: lower as well as higher
        if _lo(late) <= _hi(early) and not (_lo(late) > _lo(early) and early.qualifier in BOUNDED):
            return False
        if abs(ta - tb) < apart:
            return False
        if (early.scope == "since" or late.scope == "since") and _mid(early) >= RUNNING_LARGE \
                and _mid(late) > RUNNING_JUMP * _mid(early) \
                and abs(ta - tb) < RUNNING_HOURS:
            return False
    return True


_FIXED = ("date", "year")  # a day or a year is not a count that rises: "the latest toll, of 24 November" is no update of 18 February

RISE_REACH = 25  # words between a figure and the figure a report says it rose to (a relative clause)


def documented_rises(mentions: dict[tuple, list[Claim]], story_of, lexicon) -> dict[tuple, list[tuple[float, float]]]:
    """(story, kind of figure) -> (from, to): a report says in one sentence that a
    count rose from one figure to another (أعلن أن 14 دولة ستطرد دبلوماسيين، وهو العدد
    الذي ارتفع فيما بعد إلى 20؛ ارتفع عدد القتلى من 14 إلى 20: updates.toml
    `rose_between`, the second figure after إلى)."""
    into, since = normalise("إلى"), normalise("من")
    by_sentence: dict[tuple, list[Claim]] = {}
    for cs in mentions.values():
        for c in cs:
            by_sentence.setdefault((c.doc, c.sentence), []).append(c)
    rises: dict[tuple, list[tuple[float, float]]] = {}
    for (doc, sentence), cs in sorted(by_sentence.items()):
        cs = sorted(cs, key=lambda c: c.start)
        for x, y in zip(cs, cs[1:]):
            if x.value is None or y.value is None or y.value <= x.value or x.unit != y.unit or \
                    comparable_class(x) != comparable_class(y) or (x.event and y.event and x.event != y.event) or \
                    (x.concept and y.concept and x.concept != y.concept):
                continue
            sx, sy = figure_span(x), figure_span(y)
            if sx is None or sy is None or sy[0] < sx[1]:
                continue
            between = normalise(sentence[sx[1]:sy[0]]).split()
            if not between or between[-1] != into or len(between) > RISE_REACH:
                continue
            # the verb between the two (وهو العدد الذي ارتفع فيما بعد إلى), or before "من X إلى Y"
            before = normalise(sentence[:sx[0]]).split()
            said = between if len(between) > 1 else before[-RISE_REACH:] if before[-1:] == [since] else []
            if not any(w in lexicon.rise_words or w[1:] in lexicon.rise_words and w[0] in "وف" for w in said):
                continue
            rises.setdefault((story_of(doc), comparable_class(x)), []).append((x.value, y.value))
    return rises


def _within_rise(a: Claim, b: Claim, rises: dict[tuple, list[tuple[float, float]]], story_of) -> bool:
    """Both figures lie where a count a report of the story says rose went (from
    its start to where it rose to), the higher reported no earlier: two stages
    of that count."""
    if a.value is None or b.value is None or a.value == b.value:
        return False
    low, high = sorted((a, b), key=lambda c: c.value)
    tl, th = hours(low), hours(high)
    if tl is not None and th is not None and th < tl:
        return False
    return any(start <= low.value and high.value <= end
               for doc in (a.doc, b.doc)
               for start, end in rises.get((story_of(doc), comparable_class(a)), ()))


def discrepancies(pairs: list[tuple[Claim, Claim, float, str]], mentions: dict[tuple, list[Claim]], figure_key,
                  tier_of, story_of, lexicon, titles: dict[str, str] | None = None,
                  told_apart=None, gives_both=None) -> list[Discrepancy]:
    """Group scored disagreeing pairs of figures into discrepancies.  `pairs`
    are (claim, claim, probability, relation); `told_apart(a, b)`, when given,
    says a third report of the story gives both figures (pairfeatures.given_together),
    and `gives_both(a, b)` that a's or b's own report gives the other's figure too
    (pairfeatures.gives_both): a discrepancy one of whose pairs is told apart, or all
    of whose pairs are given both by one of their reports, is to review, not an
    alarm.  Every mention of each figure is
    listed, and the conflicts are the pairs of mentions of disagreeing figures.
    A pair that is a rising toll is an update: updates and contradictions are
    grouped apart, so one late report never turns a timeline into an alarm."""
    # Between two reports the alignment is one to one: each figure of one is
    # matched with at most one figure of the other, most probable pair first.
    used: set[tuple] = set()
    matched = []
    for t in sorted(pairs, key=lambda t: (-t[2], t[0].id, t[1].id)):
        ka, kb = figure_key(t[0]), figure_key(t[1])
        if (ka, kb[0]) in used or (kb, ka[0]) in used:
            continue
        used |= {(ka, kb[0]), (kb, ka[0])}
        matched.append(t)
    pairs = matched
    rises = documented_rises(mentions, story_of, lexicon)
    updates, others = [], []
    for t in pairs:
        update = t[3] == "same" and (_is_update([Conflict(t[0], t[1], "same", 0.0)], lexicon) or
                                     _within_rise(t[0], t[1], rises, story_of))
        (updates if update else others).append(t)
    titles = titles or {}
    # A report's figure said twice with different qualifiers ("10 دقائق" in its headline, "حوالي 10
    # دقائق" in its text) is one figure: its mentions are listed with it when they disagree too.
    kin: dict[tuple, list[tuple]] = {}
    for key in mentions:
        kin.setdefault(_unqualified(key), []).append(key)
    return sorted(_group(updates, mentions, figure_key, tier_of, story_of, lexicon, True, titles, kin=kin) +
                  _group(others, mentions, figure_key, tier_of, story_of, lexicon, False, titles, told_apart, kin,
                         gives_both),
                  key=lambda d: ({"alarm": 0, "review": 1}.get(d.tier, 2), -d.probability, -d.score, d.id))


def _unqualified(key: tuple) -> tuple:
    """A figure key (pairs.figure_key) without its bounds and qualifier: (document, class, value, norm)."""
    return key[0], key[1], key[2], key[-1]


MISDATED_DAYS = 2  # two dates of one story further apart than this, in one month, are most often two of its events


def _misdated(a: Claim, b: Claim) -> bool:
    """Do two dates look like one date given two ways: a day or two apart (4 and 5
    March), or one day of two months (20 January, 20 February)?  Two dates of one
    story a week apart are more often two of its events (the attack, the strikes
    in reply) than one event misdated."""
    da, db = _month_day(a), _month_day(b)
    if da is None or db is None:
        return True  # not comparable here: leave the tier as it is
    if da[1] == db[1]:
        return True
    try:
        apart = abs((date(2001, *da) - date(2001, *db)).days)  # a year without 29 February; across New Year too
    except ValueError:
        return True
    return min(apart, 365 - apart) <= MISDATED_DAYS


def _month_day(c: Claim) -> tuple[int, int] | None:
    if month_level(c.norm):
        return None  # a month of a year: no day to compare (candidates._two_days weighed its months)
    parts = (c.norm or "").split("-")
    try:
        return int(parts[-2]), int(parts[-1])
    except (IndexError, ValueError):
        return None


def torn_outlet(claims: list[Claim]) -> str | None:
    """An outlet that gives both sides' figures, in one report or two (CNN's 9
    journalists killed in the morning and 8 by noon; France 24's five years in
    one report and five months in another): its figure moved, or it holds two
    quantities or slipped, so the outlets are not simply at odds.  `claims`: the
    card's.  The outlet's name, or None."""
    by_outlet: dict[str, list[Claim]] = {}
    for c in claims:
        by_outlet.setdefault(outlet(c), []).append(c)
    for name in sorted(by_outlet):
        cs = by_outlet[name]
        if any(disagree(x, y) for i, x in enumerate(cs) for y in cs[i + 1:]):
            return name
    return None


THREE_VALUES = 3  # values printed in a card from which it is to review


def printed_values(claims: list[Claim]) -> set[tuple]:
    """The values a card's claims print, with their units (62.5, 70 and 72.5 million
    euros for one transfer; quakes of 6.2, 6.9 and 7 degrees on one day), dates
    left out (a day with and without its year is one date).  Three outlets with
    three values have most often given three quantities (a fee without and with
    its add-ons, and rounded; three quakes), or one still unsettled, not one
    misreported: such a card is to review, not an alarm."""
    return {(c.value, c.unit) for c in claims if c.kind != "date"}


def _tier(tier: str | None, conflicts: list[Conflict], claims: list[Claim], titles: dict[str, str], told_apart=None,
          gives_both=None) -> tuple[str | None, str | None, dict]:
    """The card's tier, and when the model's alarm is sent to review, why
    (a key of explanations.toml [review]) with what its text names.
    A toll is an alarm only when both reports quote the same primary source
    within hours of each other.  Tolls hours apart may have been revised in
    between (down as well as up) or repeated from an earlier stage; tolls from
    different or unnamed sources on the day are counts in progress, each
    source at its own stage: shown to review, not as an alarm.  Dates and
    spans of time are an alarm only when a word beside two of them says what
    they date or measure, other than the story's words in their headlines
    (frames.one_anchored_thing); dates, only when they look like one date
    given two ways (a day or two apart, or one day of two months).  Two
    estimates, each said to be one (نحو، حوالي), rest on bases an outlet does
    not give (registered refugees or all of them): to review."""
    if tier != "alarm":
        return tier, None, {}
    if told_apart is not None and any(told_apart(k.a, k.b) for k in conflicts):
        return "review", "told_apart", {}
    if gives_both is not None and all(gives_both(k.a, k.b) for k in conflicts):
        return "review", "own_report", {}  # no two outlets disagree but through a report that also agrees
    torn = torn_outlet(claims)
    if torn:
        return "review", "outlet", {"outlet": torn}
    if len(printed_values(claims)) >= THREE_VALUES:
        return "review", "three_values", {}
    if all(forecast(k.a) and forecast(k.b) for k in conflicts):
        return "review", "forecasts", {}  # two forecasts or possibilities, each its own forecaster's
    if all(k.a.qualifier == k.b.qualifier == "approx" for k in conflicts):
        return "review", "estimates", {}  # two estimates ("نحو مليون" and "نحو مليون ونصف"), each said to be one
    if conflicts[0].a.kind in ANCHORED_KINDS and not any(
            one_anchored_thing(k.a, k.b, (titles.get(k.a.doc, ""), titles.get(k.b.doc, "")))
            for k in conflicts):
        return "review", "unanchored", {}
    if conflicts[0].a.kind == "date" and not any(_misdated(k.a, k.b) for k in conflicts):
        return "review", "two_dates", {}
    for k in conflicts:
        if not cumulative(k.a):
            continue
        ta, tb = hours(k.a), hours(k.b)
        if ta is None or tb is None or abs(ta - tb) > SETTLED_HOURS or same_attribution(k.a, k.b) is not True:
            return "review", "counts_in_progress", {}
    return tier, None, {}


def review_note(why: str | None, names: dict) -> tuple[str, str]:
    """Why a card the model was sure of is to review, in English and Arabic (explanations.toml [review])."""
    if why is None:
        return "", ""
    t = _TEXTS["review"][why]
    return t["en"].format(**names), t["ar"].format(**names)


def _group(pairs, mentions, figure_key, tier_of, story_of, lexicon, update: bool,
           titles: dict[str, str], told_apart=None, kin: dict[tuple, list[tuple]] | None = None,
           gives_both=None) -> list[Discrepancy]:
    # Greedy, most probable pair first: two groups join only when no document
    # would then give two different figures (one report, one figure per
    # quantity), so a rising toll, a background toll and a subset in one
    # report never chain several quantities into one card.
    aligned = {(figure_key(t[0]), figure_key(t[1])) for t in pairs}
    aligned |= {(y, x) for x, y in aligned}
    # a figure aligned with y in one report stands for the same figure in the outlet's other
    # reports (CNN's 97.8 in two reports, only one of them paired with France 24's 97.08); not a
    # date, of which a story has many (the opening match's, the team's first), each paired apart
    claim_of = {figure_key(c): c for t in pairs for c in t[:2]}
    aligned_figure = {(outlet(claim_of[x]), x[1:], y) for x, y in aligned if claim_of[x].kind != "date"}
    group_of: dict[tuple, int] = {}
    members: list[set[tuple]] = []
    chosen: list[list] = []

    def joinable(xs: set[tuple], ys: set[tuple], repeats: frozenset = frozenset()) -> bool:
        """Complete linkage: every two figures of the joined group either agree
        or were aligned (or, with `repeats`, stand in one story as a pair that
        was, or one of them is a figure the other card already gives, in
        another report), and no document gives two figures."""
        if {x[0] for x in xs} & {y[0] for y in ys}:
            return False
        if repeats:
            given = {x[1:] for x in xs}, {y[1:] for y in ys}
            xs = {x for x in xs if x[1:] not in given[1]}
            ys = {y for y in ys if y[1:] not in given[0]}
        one = len(xs) == 1 or len(ys) == 1  # one figure joining a card, never two cards chained
        return all((x, y) in aligned or not disagree(claim_of[x], claim_of[y]) or _told(x, y) in repeats
                   or one and ((outlet(claim_of[x]), x[1:], y) in aligned_figure
                               or (outlet(claim_of[y]), y[1:], x) in aligned_figure)
                   for x in xs for y in ys)

    def _told(x: tuple, y: tuple) -> tuple:
        """Two figures, whichever reports give them, in order."""
        return tuple(sorted((x[1:], y[1:]), key=repr))

    for pair in sorted(pairs, key=lambda t: (-t[2], t[0].id, t[1].id)):
        ka, kb = figure_key(pair[0]), figure_key(pair[1])
        if ka[0] == kb[0]:
            continue
        ga, gb = group_of.get(ka), group_of.get(kb)
        if ga is not None and ga == gb:
            chosen[ga].append(pair)
            continue
        xs = members[ga] if ga is not None else {ka}
        ys = members[gb] if gb is not None else {kb}
        if not joinable(xs, ys):
            continue
        if ga is None:
            ga = len(members)
            members.append(set())
            chosen.append([])
        members[ga] |= ys | {ka}
        chosen[ga].append(pair)
        if gb is not None:
            chosen[ga] += chosen[gb]
            members[gb], chosen[gb] = set(), []
        for k in members[ga]:
            group_of[k] = ga
    # Cards that set the same two figures against each other in one story (110 missiles in two
    # CNN reports against 105 in BBC's and in Sky News Arabia's) are one disagreement: one card,
    # when the joined card still keeps one figure a report.
    def stories(g: int) -> set[str]:
        return {story_of(x[0]) for x in members[g]}

    told_by: dict[tuple, list[int]] = {}
    for g, scored in enumerate(chosen):
        for a, b, _, _ in scored:
            groups = told_by.setdefault(_told(figure_key(a), figure_key(b)), [])
            if g not in groups:
                groups.append(g)
    for key in sorted(told_by, key=repr):
        first, *rest = told_by[key]
        for g in rest:
            if chosen[first] and chosen[g] and stories(first) & stories(g) \
                    and joinable(members[first], members[g], frozenset({key})):
                chosen[first] += chosen[g]
                members[first] |= members[g]
                chosen[g], members[g] = [], set()
    groups = {k: v for k, v in enumerate(chosen) if v}

    def own(x: Claim) -> list[Claim]:
        """Every mention of x's figure, in order."""
        return sorted(mentions.get(figure_key(x), [x]), key=lambda c: c.start)

    def with_kin(x: Claim, other: Claim, listed: list[Claim]) -> list[Claim]:
        """... and those of its report's figure of the same value said with another qualifier,
        when they agree with x and disagree with `other` too (`kin`, made by discrepancies())."""
        key = figure_key(x)
        extra = [c for k in (kin or {}).get(_unqualified(key), ()) if k != key for c in mentions[k]
                 if not disagree(c, x) and disagree(c, other)]
        return sorted(listed + extra, key=lambda c: c.start) if extra else listed
    out = []
    for scored in groups.values():
        ks: list[Conflict] = []
        pair_ids = set()  # the id each pair of figures would give a card of its own
        for a, b, p, rel in scored:
            if rel == "whole":
                a, b, rel = b, a, "part"
            gap = rel_gap(a, b) if rel == "same" else (_lo(a) - _hi(b)) / _lo(a)
            start = len(ks)
            xs, ys = own(a), own(b)
            for x in with_kin(a, b, xs):
                for y in with_kin(b, a, ys):
                    ks.append(Conflict(x, y, rel, gap, p))
            pair_ids.add(discrepancy_id(ks[start:]))
            if len(ks) - start != len(xs) * len(ys):  # its kin listed: and the id it had before
                pair_ids.add(discrepancy_id([Conflict(x, y, rel, gap, p) for x in xs for y in ys]))
        did = discrepancy_id(ks)
        members = {c.id: c for k in ks for c in (k.a, k.b)}
        cl = sorted(members.values(), key=lambda c: (c.published or "", c.doc, c.start))
        if any(k.relation == "part" for k in ks):
            kind = "part_exceeds_whole"
        elif update:
            kind = "update"
        elif any(c.qualifier in BOUNDED for c in cl):
            kind = "bound_violated"
        else:
            kind = "value_mismatch"
        best = max(p for _, _, p, _ in scored)
        attr, attr_en, attr_ar = attribution_kind(ks)
        about, about_ar, en, ar = describe(ks, kind)
        sides = positions(cl)
        score, level = severity(cl, ks, kind, attr, sides, best)
        if kind == "update":
            tier, why, names = "update", None, {}
            attr_en = attr_ar = ""
        else:
            tier, why, names = _tier(tier_of(best), ks, cl, titles, told_apart, gives_both)
        note_en, note_ar = review_note(why, names)
        out.append(Discrepancy(id=did, known_as=sorted(pair_ids - {did}), type=kind, severity=level, score=score, about=about,
                               about_ar=about_ar, story=story_of(cl[0].doc),
                               explanation=en + attr_en + note_en, explanation_ar=ar + attr_ar + note_ar,
                               attribution=attr, claims=cl, conflicts=ks, positions=sides, tier=tier,
                               probability=round(best, 4)))
    return out
