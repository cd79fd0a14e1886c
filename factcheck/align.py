"""Aligning claims across sources: which figures speak of the same quantity.

Two claims are aligned when their documents are story neighbours, they
count the same concept (or one is part of the other), their events are the
same (or one is part of the other), their scopes agree (a daily rate is
never aligned with a total; a new batch is never aligned at all), their
owners do not differ (American troops are not North Korean troops), they
share an entity, and they do not refer to different years.  A headline and
its body repeating a figure become one claim first.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from rapidfuzz import fuzz

from .claims import Claim
from .documents import published_datetime
from .lexicon import Lexicon
from .stories import Stories

COMPARABLE_KINDS = ("count", "percent")  # money: one story names many different sums (see README)
RATE_SCOPES = ("per_day", "per_week", "per_month", "per_year")
SEPARATE_SCOPES = RATE_SCOPES + ("since",)  # compared only with claims of the same scope
SAME_SOURCE_MIN = 85.0  # rapidfuzz ratio for two spellings of one attribution
PLACE_MIN = 80.0        # rapidfuzz ratio for two spellings of one place (كيميروفو / كيميروفا)


def comparable(c: Claim) -> bool:
    """Can this claim raise an alarm?  Vague amounts (عشرات القتلى) cannot: they
    agree with any precise figure an editor would accept."""
    return (c.kind in COMPARABLE_KINDS and c.concept is not None and c.event is not None
            and c.scope not in ("additional", "background", "subset") and c.qualifier != "vague" and (c.value is not None or c.low is not None))


def outlet(c: Claim) -> str:
    """The outlet behind a claim; a document of unknown source stands alone."""
    return c.source or "doc:" + c.doc


def background(c: Claim) -> bool:
    """A figure whose sentence dates it to an earlier year is background."""
    when = published_datetime(c.published)
    y = when.year if when else None
    return bool(y and c.years and max(c.years) < y)


def merge_repeats(claims: list[Claim]) -> list[Claim]:
    """One claim per figure per document: a headline repeating a body figure
    (or a figure repeated in the body) is kept once, the body's span first,
    with the frame fields the other copy adds."""
    out: list[Claim] = []
    by_key: dict[tuple, int] = {}
    for c in sorted(claims, key=lambda c: (c.doc, c.in_title, c.start)):
        key = (c.doc, c.concept, c.value) if c.value is not None else (c.doc, c.concept, c.low, c.high)
        k = by_key.get(key)
        if k is None:
            by_key[key] = len(out)
            out.append(c)
            continue
        kept = out[k]
        out[k] = replace(kept, event=kept.event or c.event, owner=kept.owner or c.owner,
                         scope=kept.scope or c.scope, attribution=kept.attribution or c.attribution,
                         attribution_entity=kept.attribution_entity or c.attribution_entity,
                         entities=sorted(set(kept.entities) | set(c.entities)))
    return out


def primary(claims: list[Claim]) -> list[Claim]:
    """One claim per document and quantity: the headline's, else the first in the
    text.  Later figures of the same kind in one report are, far more often than
    not, other incidents, subsets, earlier tolls or running totals; an outlet's
    figure for the story is the one it leads with."""
    out: dict[tuple, Claim] = {}
    for c in sorted(claims, key=lambda c: (c.doc, not c.in_title, c.start)):
        key = (c.doc, c.concept, c.event, c.scope if c.scope in SEPARATE_SCOPES else "total", c.kind, c.unit)
        out.setdefault(key, c)
    return sorted(out.values(), key=lambda c: (c.doc, c.start))


def same_attribution(a: Claim, b: Claim) -> bool | None:
    """True when both quote the same primary source, False when different
    ones, None when either is unattributed."""
    if a.attribution_entity and b.attribution_entity:
        return a.attribution_entity == b.attribution_entity
    if a.attribution and b.attribution:
        return fuzz.token_set_ratio(a.attribution, b.attribution) >= SAME_SOURCE_MIN
    return None


def raises_alarm(c: Claim, lexicon: Lexicon) -> bool:
    return lexicon.events.get(c.event or "", {}).get("alarm", True)


class Aligner:
    def __init__(self, lexicon: Lexicon, stories: Stories):
        self.lx = lexicon
        self.stories = stories

    def relation(self, a: Claim, b: Claim) -> str | None:
        """'same' when a and b measure the same quantity, 'part' when a is a
        part of b, 'whole' when b is a part of a, None when unrelated."""
        if a.doc == b.doc or outlet(a) == outlet(b) or a.kind != b.kind or a.unit != b.unit:
            return None
        if (a.scope in SEPARATE_SCOPES or b.scope in SEPARATE_SCOPES) and a.scope != b.scope:
            return None
        if a.days and b.days and not set(a.days) & set(b.days):
            return None
        if a.places and b.places and not any(fuzz.ratio(x, y) >= PLACE_MIN for x in a.places for y in b.places):
            return None
        if a.owner and b.owner and a.owner != b.owner:
            return None
        if (a.owner and not b.owner and a.owner not in b.entities) or \
                (b.owner and not a.owner and b.owner not in a.entities):
            return None
        if a.years and b.years and not set(a.years) & set(b.years):
            return None
        if not (set(a.entities) & set(b.entities)) and not (a.owner and a.owner == b.owner):
            return None
        if not self.stories.related(a.doc, b.doc):
            return None
        if a.concept == b.concept and a.event == b.event:
            return "same"
        # Part and whole only by event, for one counted thing: the killed are part
        # of the killed-or-wounded.  Civilians within people are never flagged: a
        # story's civilian toll and another figure of people are too often
        # different incidents.
        if a.concept != b.concept:
            return None
        if b.event in self.lx.event_ancestors(a.event):
            return "part"
        if a.event in self.lx.event_ancestors(b.event):
            return "whole"
        return None

    def buckets(self, claims: list[Claim]) -> dict[tuple, list[Claim]]:
        """Claims that could align, grouped by story and by the root concept
        and event, so that only claims within a bucket are compared."""
        groups: dict[tuple, list[Claim]] = defaultdict(list)
        for c in claims:
            root_c = self.lx.concept_ancestors(c.concept)[-1]
            root_e = self.lx.event_ancestors(c.event)[-1]
            story = self.stories.story.get(c.doc, c.doc)
            scope = c.scope if c.scope in SEPARATE_SCOPES else "total"
            groups[(story, root_c, root_e, scope, c.kind, c.unit)].append(c)
        return {k: sorted(v, key=lambda c: (c.published or "", c.doc, c.start)) for k, v in groups.items()
                if len({c.doc for c in v}) >= 2}
