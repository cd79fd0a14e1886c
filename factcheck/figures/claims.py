"""Claims: each quantity with its frame, as far as its sentence tells.

The frame is what alignment needs to know that two figures speak of the
same thing: what is counted (and its concept: جندي/جنود/القوات are one), the
event (killed, wounded, sent...), the entities of the sentence and the one
the counted noun belongs to (جندي أمريكي / جندي من كوريا الشمالية), the time
scope (a total, a daily rate, a new batch) and who is quoted.  What the
sentence says of when and where, for all its figures, is context.py's.
"""
from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_left
from collections import deque
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import islice
from typing import Callable, Iterable, Iterator

from ..reading.arabic import ARTICLE_PREFIXES, Normalised, clitic_forms, load_lemmatiser, normalise, strip_clitics
from ..reading.documents import Document, published_datetime
from .context import SentenceContext
from .entities import EntityFinder
from ..lexicon import Lexicon, load
from .numbers import Parser, Quantity, year_named
from ..reading.tokens import sentences, tokens_and_words
from ..reading.wordtest import positions

_LINK_WORD = re.compile(r"[^\W\d_]+")  # a word of the text between two amounts
_CLAUSE_BREAKS = frozenset({"،", ",", "؛", ";", ":", "(", ")", "-", "–", '"'})
PROVISIONAL_KINDS = ("count", "percent")  # what a preliminary toll or result counts (not a quake's magnitude)
_PEOPLE_EVENTS = frozenset({"killed", "wounded", "killed_or_wounded", "arrested", "missing", "displaced", "evacuated",
                            "rescued"})

# A claim's fields, declared once.  Their order is the order of every table (CSV, Parquet,
# JSON lines, pandas); `report=False` leaves a field out of discrepancies.json, whose claims
# keep the order they shipped with (`report_after` moves a field there).  Serialisers:
# Claim.row() (tables), claim_record() (JSON lines), stored_claim()/claim_from_stored()
# (the nightly database), check.claim_json() (discrepancies.json).
CLAIM_FORMAT = 2  # version of these fields as written out; bump it when a field's name or meaning changes


def _f(default=None, *, report: bool = True, report_after: str | None = None, many: bool = False):
    meta = {"report": report, "report_after": report_after, "many": many}
    if many:
        return field(default_factory=list, metadata=meta)
    return field(default=default, metadata=meta)


def _required(*, report: bool = True):
    return field(metadata={"report": report, "report_after": None, "many": False})


@dataclass
class Claim:
    id: str = _required()
    doc: str = _required()
    source: str | None = _required()
    published: str | None = _required()
    start: int = _required()
    end: int = _required()
    text: str = _required()
    value: float | None = _required()
    low: float | None = _required()
    high: float | None = _required()
    qualifier: str | None = _required()
    kind: str = _required()
    unit: str | None = _required()
    # What is not a plain number, as a value: a date "YYYY-MM-DD" or "MM-DD", a time "HH:MM",
    # a match score "A-B" (as written).  None for plain figures.
    norm: str | None = _f()
    # How to read the figure beyond kind and unit: "age" (a duration that is someone's age, unit year),
    # "ratio" (N times, ضعف; kind measure, unit "times"), "share" (a fraction of a whole, kind percent),
    # "implied_currency" (money whose currency is carried over from an earlier figure), "dual" (a dual
    # noun read as a count of two: قتل شخصان), "conversion" (money restating the amount before it in
    # another currency: ملياري درهم (550 مليون دولار); never compared).  Else None.
    sense: str | None = _f()
    counted: str | None = _f()
    concept: str | None = _f()
    event: str | None = _f()
    entities: list[str] = _f(many=True)
    owner: str | None = _f(report_after="event")
    scope: str | None = _f()
    attribution: str | None = _f()
    attribution_entity: str | None = _f(report=False)
    years: list[int] = _f(many=True, report=False)
    # the years the sentence before names: a figure whose sentence names none may be of that year's event
    # (أدانته محكمة في صيف 2016. وحكم عليه بالسجن 5 أعوام)
    years_before: list[int] = _f(many=True, report=False)
    days: list[str] = _f(many=True, report=False)
    places: list[str] = _f(many=True, report=False)
    in_title: bool = _f(False)
    sentence: str = _f("")

    def row(self) -> dict:
        """A table row: lists joined with ";" (CSV, Parquet, pandas)."""
        return {name: (_joined(v) if many else v)
                for name, many, v in ((f.name, f.metadata["many"], getattr(self, f.name)) for f in _FIELDS)}


def _joined(values: list) -> str:
    """A list field in a table's cell: its items joined with ";"."""
    return ";".join(map(str, values))


_FIELDS = fields(Claim)
COLUMNS = [f.name for f in _FIELDS]


def table_columns(claims: list[Claim]) -> dict[str, list]:
    """Claims as a table's columns, one list a field, each cell as row() gives it: a year's
    figures as columns take much less memory than as one dict a claim."""
    return {f.name: [_joined(getattr(c, f.name)) for c in claims] if f.metadata["many"]
            else [getattr(c, f.name) for c in claims] for f in _FIELDS}


def _report_fields() -> tuple[str, ...]:
    out = [f.name for f in _FIELDS if f.metadata["report"] and not f.metadata["report_after"]]
    for f in _FIELDS:
        if f.metadata["report"] and f.metadata["report_after"]:
            out.insert(out.index(f.metadata["report_after"]) + 1, f.name)
    return tuple(out)


REPORT_FIELDS = _report_fields()  # a claim's fields in discrepancies.json, in their order there


def claim_record(c: Claim) -> dict:
    """A claim as a JSON object (JSON lines): the table's fields, lists as lists."""
    return {f.name: getattr(c, f.name) for f in _FIELDS}


def stored_claim(c: Claim) -> dict:
    """A claim as the nightly database keeps it (JSON), with the format it was written in."""
    return {"format_version": CLAIM_FORMAT, **claim_record(c)}


def claim_from_stored(data: dict) -> Claim:
    """A stored claim back (written before formats were versioned: format 0, the same fields)."""
    data = dict(data)
    data.pop("format_version", 0)
    return Claim(**data)


def claim_id(doc: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc}\x1f{start}\x1f{end}".encode()).hexdigest()[:12]


def _stem(word: str, endings: tuple[str, ...]) -> str:
    """The stem of a counted noun no concept lists.  Only a prefix with the
    article is taken off (بالألقاب، للجنود): a noun counted after a figure
    carries no bare ب/ل/و, and taking one off would cut its root (لقبا، بطولة)."""
    forms = [word[len(p):] for p in ARTICLE_PREFIXES if word.startswith(p) and len(word) - len(p) >= 2]
    w = forms[-1] if forms else word
    for suf in endings:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


class Extractor:
    """Turns documents into claims.  One instance per process: it holds the
    lexicon and the caches."""

    def __init__(self, lexicon: Lexicon | None = None, lemmatiser=...):
        self.lx = lexicon or load()
        words = self.lx.words["claims"]  # lexicon/words.toml
        self._anaphors = words["anaphors"]
        self._skip_before_noun = words["skip_before_noun"]
        self._stop_noun = words["stop_noun"]
        self._recent = words["recent"]
        self._of = words["of"]
        self._joiners = words["joiners"]
        self._count_words = words["count_words"]
        self._relatives = frozenset(words["relatives"])
        self._conversion_links = frozenset(tuple(p.split()) for p in words["conversion_links"])
        self._loss_verbs = clitic_forms(words["loss_verbs"])
        self._provisional_re = None  # updates.toml provisional cues, compiled when first asked
        # CAMeL Tools' analyser when its data is installed (see arabic.load_lemmatiser)
        self.lemma = load_lemmatiser() if lemmatiser is ... else lemmatiser
        self.parser = Parser(self.lx)
        self.entities = EntityFinder(self.lx)
        self.context = SentenceContext(self.lx)
        self._attribution_hits = self._scope_cues = self._breaks = None
        # The phrases that give a whole clause its scope (_clause_scope): "since" only after its start
        # (منذ بدء الحرب); a since phrase before a figure (لأول مرة في 59 عاما) is said of that figure
        # alone (_scope).  And the words such a phrase may start with (most scope phrases say something else).
        self._clause_cue_tables = ((self.lx.scope_after, ("since", "background")), (self.lx.scope_before, ("background",)))
        self._scope_cue_starters = clitic_forms({words[0] for table, scopes in self._clause_cue_tables
                                                 for phrases in table.by_first.values()
                                                 for words, scope in phrases if scope in scopes})

    def extract(self, doc: Document) -> list[Claim]:
        norm = Normalised(doc.text)
        text = norm.text
        claims: list[Claim] = []
        antecedent: Claim | None = None
        when = published_datetime(doc.published)
        pub = when.date() if when else None  # parsed once a document, not once a sentence
        may_hold = self.parser.may_hold
        last = (0, 0)  # the sentence before, whatever it holds
        last_years: list[int] = []  # the years it names
        for s, e in sentences(text):
            sent = text[s:e]
            previous, last = last, (s, e)
            years_before, last_years = last_years, []
            if not may_hold(sent):
                continue
            toks, words = self.parser.unbracket(*tokens_and_words(sent, offset=s))
            if not toks:
                continue
            qs = self.parser.parse(toks, words)
            if not qs:
                continue
            # per-sentence scans, made when first needed
            self._attribution_hits = self._scope_cues = self._breaks = None
            ents = self.entities.find(words)
            sent_entities = sorted({eid for _, _, eid in ents})
            years = last_years = sorted({y for y in map(year_named, qs) if y})
            days = self.context.days(words, pub)
            off_day = self.context.dated_elsewhere(words, pub)
            placed = self.context.place_positions(words)
            places = sorted({name for _, name in placed})

            os_, oe = norm.span(toks[0].start, toks[-1].end)
            sentence = doc.text[os_:oe]
            # "وفق النتائج الأولية ... حصلت قائمته على 25 مقعدا. وحلت قائمة سائرون ... على 54 مقعدا": a
            # report that calls its figures preliminary in the sentence before gives them as a count in progress
            provisional = None  # asked when a figure first needs it
            before: Claim | None = None  # the sentence's previous figure with a frame
            lists: list[list] = []  # gapped figures with the one they follow (46 ... و31 ...): (claim, quantity)s
            first = len(claims)
            for k, q in enumerate(qs):
                start, end = norm.span(toks[q.i0].start, toks[q.i1 - 1].end)
                c = Claim(id=claim_id(doc.id, start, end), doc=doc.id, source=doc.source, published=doc.published,
                          start=start, end=end, text=doc.text[start:end], value=q.value, low=q.low, high=q.high,
                          qualifier=q.qualifier, kind=q.kind, unit=q.unit, counted=None, concept=None, event=None,
                          entities=sent_entities, years=years, years_before=years_before, days=days, places=places,
                          in_title=start < doc.title_end, sentence=sentence,
                          norm=self.context.date_norm(q.norm, pub, text, toks[q.i0].start) if q.norm else q.norm,
                          sense=q.sense)  # (most figures have no norm to resolve)
                if q.kind == "ordinal" and q.numbered:
                    c.counted = q.numbered  # what it numbers: only ordinals of one noun are compared
                if q.is_quantity:
                    prev_end = qs[k - 1].i1 if k else 0
                    next_start = qs[k + 1].i0 if k + 1 < len(qs) else len(words)
                    self._frame(c, q, toks, words, ents, prev_end, next_start, norm, doc, antecedent)
                    if before is not None and k and before.start == claims[-1].start and _gapped(c, before, words, q):
                        # "مقتل 46 شخصا في أوتار براديش، و31 في ولاية راجستان": the second figure's
                        # noun and verb are the first's, left out (gapping), not missing
                        c.counted, c.concept, c.event, c.owner = before.counted, before.concept, before.event, before.owner
                        if not lists or lists[-1][-1][0] is not before:
                            lists.append([(before, qs[k - 1])])
                        lists[-1].append((c, q))
                    # "قتل 35 وأصيب 2800 آخرين": others than the killed, not a further batch of
                    # wounded; they share the killed's time scope ("ومنذ ذلك التاريخ قتل 33، وأصيب
                    # 2800 آخرين").  The killed may close the sentence before ("قتل 34. وأصيب ...").
                    # (a toll whose verb the frame missed, "يرتفع عدد الذين قتلوا ... إلى 36", counts too)
                    prior = before if before is not None else antecedent
                    if c.scope == "additional" and prior is not None and c.event in _PEOPLE_EVENTS and \
                            prior.event != c.event and (prior.event in _PEOPLE_EVENTS or prior.event is None and
                                                        before is None and prior.kind == "count"):
                        c.scope = prior.scope if before is not None else None
                    before = c
                    if c.scope is None:
                        c.scope = self._clause_scope(words, q) or ("background" if off_day else None)
                    if c.scope is None and c.kind in PROVISIONAL_KINDS:
                        if provisional is None:
                            provisional = self._says_provisional(text[previous[0]:previous[1]])
                        c.scope = "provisional" if provisional else None
                    if c.concept and self.lx.concepts.get(c.concept, {}).get("human"):
                        antecedent = c
                claims.append(c)
            for items in lists:
                _own_places(items, ents, placed, len(words))
            self._mark_conversions(claims[first:], doc.text)
            if years and not self._relatives.isdisjoint(words):
                self._own_years(claims[first:], qs, words)
        return claims

    def _mark_conversions(self, cs: list[Claim], text: str) -> None:
        """An amount followed by the same amount in another currency, in brackets or after a link
        (words.toml conversion_links): the second is the first converted at some rate, which two
        outlets may take differently (ملياري درهم: 550 and 544.6 million dollars); it is no figure
        of its own to compare.  `cs` are a sentence's claims, in order."""
        for before, c in zip(cs, cs[1:]):
            if c.kind != "money" or before.kind != "money" or not c.unit or not before.unit or c.unit == before.unit:
                continue
            between = normalise(text[before.end:c.start])
            if len(between) > 40 or any(ch.isdigit() for ch in between):
                continue
            head, bracket, tail = between.partition("(")
            said = tuple(_LINK_WORD.findall(tail if bracket else head))
            if bracket and len(_LINK_WORD.findall(head)) <= 2 and (not said or said in self._conversion_links) \
                    or not bracket and said in self._conversion_links:
                c.sense = "conversion"

    def _clause_breaks(self, words) -> list[int]:
        """The positions of the sentence's clause breaks (commas, brackets, dashes), found once a sentence."""
        if self._breaks is None:
            self._breaks = positions(words, _CLAUSE_BREAKS)
        return self._breaks

    def _own_years(self, cs: list[Claim], qs: list[Quantity], words) -> None:
        """A year in the relative clause after a figure dates that figure ("تبلغ قيمتها 72.5 مليون يورو
        وهو مبلغ يتجاوز 53 مليون يورو التي دفعها يوفنتوس لضم بوفون عام 2001": Buffon's fee of 2001, not
        today's deal), and figures inside that clause; the sentence's other figures are not dated by it.
        `cs` are the sentence's claims, one a quantity of `qs`, in order."""
        breaks = self._clause_breaks(words)
        clauses = []  # (owner, clause start, clause end, the years in it)
        for k, q in enumerate(qs):
            if not q.is_quantity or q.kind == "year":
                continue
            r = next((j for j in range(q.i1, min(q.i1 + 3, len(words))) if words[j] in self._relatives), None)
            if r is None:
                continue
            at = bisect_left(breaks, r)
            end = breaks[at] if at < len(breaks) else len(words)
            inside = {v for y in qs if (v := year_named(y)) and r < y.i0 < end}
            if inside:
                clauses.append((k, r, end, inside))
        if not clauses:
            return
        outside = {v for y in qs if (v := year_named(y))  # (named outside them too: kept)
                   and not any(r < y.i0 < end for _, r, end, _ in clauses)}
        for k, (c, q) in enumerate(zip(cs, qs)):
            if not q.is_quantity or q.kind == "year":
                continue
            theirs = {y for owner, r, end, inside in clauses if owner != k and not r < q.i0 < end for y in inside}
            drop = theirs - outside - {y for owner, r, end, inside in clauses if owner == k or r < q.i0 < end
                                       for y in inside}
            if drop:
                c.years = [y for y in c.years if y not in drop]

    def _says_provisional(self, text: str) -> bool:
        """Does this (normalised) text call a count preliminary or in progress (updates.toml provisional)?"""
        if self._provisional_re is None:
            self._provisional_re = re.compile("|".join(map(re.escape, self.lx.provisional_cues)) or "(?!)")
        return bool(text) and self._provisional_re.search(text) is not None

    def _clause_scope(self, words, q: Quantity) -> str | None:
        """A running total ("منذ" a start that is not a few hours or days ago) or
        a background figure ("وكان ...", "الأسبوع الماضي") in the figure's own
        clause (between commas)."""
        if self._scope_cues is None:
            self._scope_cues = self._clause_scope_cues(words)  # once a sentence, not once a figure
        if not self._scope_cues:
            return None  # no such phrase in the sentence: no need to find the clause
        breaks = self._clause_breaks(words)
        at = bisect_left(breaks, q.i0)  # the clause: after the last break before the figure
        lo = breaks[at - 1] + 1 if at else 0
        at = bisect_left(breaks, q.i1)  # ... up to the first break from its end on
        hi = breaks[at] if at < len(breaks) else len(words)
        for k, scope in self._scope_cues:
            if lo <= k < hi:
                return scope
        return None

    def _clause_scope_cues(self, words) -> list[tuple[int, str]]:
        """(position, "since" or "background") of each phrase of the sentence that gives the clause
        it stands in that scope, in order: what a word starts does not depend on the figure.  Only
        words that start such a phrase are asked (the longest phrase there is still the tables' own)."""
        out = []
        for k in positions(words, self._scope_cue_starters):
            for table, scopes in self._clause_cue_tables:
                m = table.match(words, k)
                if not m or m[1] not in scopes:
                    continue
                if m[1] == "since":
                    nxt = words[k + m[0]] if k + m[0] < len(words) else ""
                    if nxt not in self._recent:
                        out.append((k, "since"))
                        break
                else:
                    out.append((k, "background"))
                    break
        return out

    # -- the frame ---------------------------------------------------------------
    def _frame(self, c: Claim, q: Quantity, toks, words, ents, prev_end, next_start, norm, doc, antecedent):
        lx = self.lx
        n = len(words)
        noun_at, noun_len, concept = self._counted(q, words, prev_end)
        if q.unit:
            end = q.unit_end or q.i1
            c.counted = self._original(toks, norm, doc, q.n1, end) if end > q.n1 else q.unit
        elif noun_at is not None:
            if words[noun_at] in self._anaphors:
                if antecedent is not None:
                    c.concept, c.owner = antecedent.concept, antecedent.owner
                    concept = c.concept
                c.counted = self._original(toks, norm, doc, noun_at, noun_at + 1)
            else:
                c.counted = self._original(toks, norm, doc, noun_at, noun_at + noun_len)
        if concept and c.concept is None:
            c.concept = concept
        elif c.concept is None and c.counted and not q.unit and noun_at is not None \
                and words[noun_at] not in self._anaphors:
            lemma = self.lemma(strip_clitics(words[noun_at])[-1]) if self.lemma else None
            c.concept = "~" + (lemma or _stem(words[noun_at], self.lx.plural_endings))
        # "100 شخص على الأقل": a qualifier after the counted noun
        if noun_at is not None and noun_at >= q.i1 and c.qualifier == "exact":
            after = noun_at + noun_len
            if after + 1 < min(n, next_start) and words[after] in ("،", ","):
                after += 1  # "قتل 36 شخصا، على الأقل"
            pm = lx.qualifiers_after.match(words, after) if after < min(n, next_start) else None  # not the next one's
            if pm:
                q.qualifier = pm[1]
                self.parser.bounds(q)
                c.qualifier, c.low, c.high = q.qualifier, q.low, q.high
        if q.unit and q.kind == "money":
            c.concept = "money:" + q.unit
        # an event carried by the noun (قتيل = killed): the concept is its whole
        own_event = lx.concepts.get(c.concept or "", {}).get("event")
        if own_event:
            c.event = own_event
            c.concept = lx.concepts[c.concept].get("part_of", c.concept)
        else:
            c.event = self._event(words, q, prev_end, next_start, noun_at)
        # "مقتل 12 في هجوم": a toll without its noun counts people
        if c.concept is None and noun_at is None and c.event in _PEOPLE_EVENTS and q.kind == "count":
            c.concept = "people"
        # owner: the entity the counted noun belongs to
        if c.owner is None and noun_at is not None and words[noun_at] not in self._anaphors:
            c.owner = self._owner(words, ents, noun_at, noun_len) or self._loser(words, ents, q)
        c.scope = self._scope(words, q, noun_at, noun_len, next_start) or \
            lx.concepts.get(concept or "", {}).get("scope")
        if c.scope == "since" and c.sense == "age":
            c.scope = None  # "يبلغ من العمر 24 عاما، خلال مباراة": an age is no running total since a start
        # "اثنان من المصابين الأربعة": a part of a figure given in the same breath
        if noun_at is not None and noun_at > q.i1 and words[noun_at - 1] in self._skip_before_noun and \
                any(self.parser.word_number(w) or w[0].isdigit() for w in words[noun_at + 1:noun_at + 3]):
            c.scope = "subset"
        # "اثنان منهما" after "أربعة جرحى": a part of the figure it refers to, not a new reading of it
        if noun_at is not None and words[noun_at] in self._anaphors and antecedent is not None \
                and antecedent.event in (None, c.event) and c.scope is None:
            c.scope = "subset"
        c.attribution, c.attribution_entity = self._attribution(toks, words, ents, q, norm, doc)

    def _original(self, toks, norm, doc, a, b) -> str:
        s, e = norm.span(toks[a].start, toks[b - 1].end)
        return doc.text[s:e]

    def _one_word_noun(self, words, k):
        """(k, 1, concept) for the noun at token k, taken as one word: its concept only when
        counted.toml names it in that one word."""
        m = self.lx.counted.match(words, k)
        return k, 1, (m[1] if m and m[0] == 1 else None)

    def _counted(self, q: Quantity, words, prev_end):
        """(token index, length, concept) of the counted noun, or (None, 0, None)."""
        lx = self.lx
        n = len(words)
        if q.noun_before is not None and q.noun_before >= prev_end:  # المرشحين الـ55: the noun stands before
            return self._one_word_noun(words, q.noun_before)
        if q.sense == "dual":  # قتل شخصان: the dual noun is its own figure
            return self._one_word_noun(words, q.n0)
        # واحد and اثنان follow their noun (شخص واحد، مدنيين اثنين)
        single = q.value is not None and q.value <= 2 and q.n1 - q.n0 == 1 and not words[q.n0][0].isdigit()
        b = q.i0 - 1
        if single and b >= prev_end and b >= 0 and words[b][0].isalpha() and words[b] not in self._stop_noun \
                and not lx.triggers.match_ending(words, b + 1):  # وأصيب اثنان: a verb is not what is counted
            return self._one_word_noun(words, b)
        part = lx.scope_after.match(words, q.i1) if q.i1 < n else None
        if part and part[1] == "subset":  # 207 من أصل الدول الأعضاء: the whole's noun, never أصل
            k = q.i1 + part[0]
            if k < n and words[k][0].isalpha() and words[k] not in self._stop_noun:
                m = lx.counted.match(words, k)
                return (k, m[0], m[1]) if m else (k, 1, None)
            return None, 0, None  # ستة من أصل 12 صبيا: the noun is the whole figure's
        k = q.i1
        if k < n and words[k] in self._skip_before_noun and k + 1 < n:
            k += 1
        if k < n and words[k] in self._anaphors:
            return k, 1, None
        if k < n and words[k][0].isalpha() and words[k] not in self._stop_noun and \
                not (words[k].startswith("و") and k == q.i1):  # "58 والجرحى": the next conjunct, not this noun
            m = lx.counted.match(words, k)
            if m:
                return k, m[0], m[1]
            if not lx.triggers.match(words, k) or q.i1 == k - 1:
                return k, 1, None
        # the noun before the figure: شخص واحد، القوات ... البالغ عددها 14000
        before = q.i0 - 1
        if before >= prev_end and before >= 0:
            look = range(before, max(prev_end, before - 7) - 1, -1) if (
                single or any(w in self._count_words for w in words[max(0, before - 2):before + 1])) else ()
            for b in look:
                m = lx.counted.match(words, b)
                if m:
                    return b, m[0], m[1]
        return None, 0, None

    def _event(self, words, q: Quantity, prev_end, next_start, noun_at) -> str | None:
        lx = self.lx
        lo = max(prev_end, q.i0 - 7)
        hi = min(next_start, q.i1 + 6)
        found: list[tuple[int, int, int, str]] = []  # (distance, position, end, event)
        starters = lx.triggers.starters  # a word outside it starts no trigger: match() is not asked
        k = lo
        while k < hi:
            if q.i0 <= k < q.i1:
                k += 1
                continue
            m = lx.triggers.match(words, k) if words[k] in starters else None
            if m and k >= q.i1 and next_start < len(words) and next_start - (k + m[0]) <= 2 and \
                    not any(lx.triggers.match(words, j) for j in range(k + m[0], next_start)):
                # "القتلى إلى 58 والجرحى إلى 2771": that trigger belongs to the next figure; in
                # "لقي 4 أشخاص مصرعهم فيما جرح سبعة" the next figure has its own (جرح) and مصرعهم is ours
                break
            if m:
                dist = q.i0 - (k + m[0]) if k < q.i0 else k - q.i1
                found.append((max(dist, 0), k, k + m[0], m[1]))
                k += m[0]
                continue
            k += 1
        if not found:
            return None
        found.sort()
        _, pos, end, best = found[0]
        # killed and wounded side by side: "قتلوا أو أصيبوا", "قتل وإصابة"
        if best in ("killed", "wounded"):
            other = "wounded" if best == "killed" else "killed"
            for _, p2, e2, ev in found[1:]:
                if ev != other:
                    continue
                lo, hi = (end, p2) if p2 >= end else (e2, pos)
                second_end = max(e2, end)
                # "قتلوا وأصيب 184": the second verb has a figure of its own; so it has when ours
                # stands right after it, a qualifier first ("وأصيب أكثر من 1600"، "قتيل وإصابة نحو 5")
                owns_figure = q.i0 == second_end or any(w[0].isdigit() for w in words[second_end:second_end + 2]) \
                    or (second_end < len(words) and (self.parser.word_number(words[second_end]) is not None
                                                     or self.lx.vague.match(words, second_end) is not None))
                if hi - lo <= 1 and all(w in self._joiners for w in words[lo:hi]) and \
                        (hi > lo or words[max(p2, pos)].startswith("و")) and not owns_figure:
                    return "killed_or_wounded"
        return best

    def _owner(self, words, ents, noun_at, noun_len) -> str | None:
        """جندي أمريكي / جندي من كوريا الشمالية / القوات الكورية الشمالية البالغ عددها"""
        end = noun_at + noun_len
        for a, b, eid in ents:
            if self.lx.entities.get(eid, {}).get("type") not in ("country", "org", "place"):
                continue
            if a == end or (a == end + 1 and words[end] in self._of):
                return eid
        return None

    def _loser(self, words, ents, q: Quantity) -> str | None:
        """The subject of a verb of loss owns the figure it lost: "فقد تنظيم داعش 22 قتيلا" (the
        verb, a word or two, the name, the figure) or "داعش فقد 22 قتيلا" (the name, the verb)."""
        verb_before = q.i0 >= 1 and words[q.i0 - 1] in self._loss_verbs
        for a, b, eid in ents:
            if self.lx.entities.get(eid, {}).get("type") not in ("country", "org"):
                continue
            if (verb_before and b == q.i0 - 1) or (b == q.i0 and any(
                    words[k] in self._loss_verbs for k in range(max(0, a - 2), a))):
                return eid
        return None

    def _scope(self, words, q: Quantity, noun_at, noun_len, next_start) -> str | None:
        lx = self.lx
        after = q.i1 if noun_at is None or noun_at < q.i0 else noun_at + noun_len
        hi = min(next_start, after + 4, len(words))
        starters = lx.scope_after.starters  # a word outside it starts no phrase: match() is not asked
        for k in range(q.i1, hi):
            if k >= after and words[k].startswith("و") and lx.triggers.match(words, k):
                break  # "قتل شخصان وأصيب آخرون": the others are the next clause's, not a further batch of these
            m = lx.scope_after.match(words, k) if words[k] in starters else None
            if m and m[1] == "additional" and words[k].startswith("ال"):
                continue  # "مقعدا في البرلمان الجديد": with the article it qualifies another noun, not the figure
            if m:
                return m[1]
        starters = lx.scope_before.starters
        for n in range(1, 4):
            if q.i0 - n < 0:
                break
            m = lx.scope_before.match(words, q.i0 - n) if words[q.i0 - n] in starters else None
            if m and q.i0 - n + m[0] >= q.i0 - 1:
                return m[1]
        return None

    def _attribution(self, toks, words, ents, q: Quantity, norm, doc):
        lx = self.lx
        n = len(words)
        best = None
        if self._attribution_hits is None:
            self._attribution_hits = lx.attribution.scan(words)  # once a sentence, not once a figure
        for k, length, _ in self._attribution_hits:
            a = k + length
            b = a
            while b < n and b - a < lx.attribution_max and words[b][0].isalpha() and \
                    words[b] not in lx.attribution_stop and not (q.i0 <= b < q.i1):
                b += 1
            if b > a:
                dist = q.i0 - b if b <= q.i0 else (k - q.i1) + 2
                if dist >= 0 and (best is None or dist < best[0]):
                    best = (dist, a, b)
        if best is None:
            return None, None
        _, a, b = best
        entity = next((eid for x, y, eid in ents if a <= x < b), None)
        return self._original(toks, norm, doc, a, b), entity


def _gapped(c: Claim, before: Claim, words: list[str], q: Quantity) -> bool:
    """A count with no noun, unit or verb of its own that follows the previous
    figure of its sentence after a bare و: the same kind of thing counted
    again for another place or group ("و5 في إدلب")."""
    return c.kind == before.kind == "count" and c.counted is None and c.concept is None and c.event is None \
        and before.concept is not None and q.i0 > 0 and words[q.i0 - 1] == "و" and not c.unit


def _own_places(items: list[tuple[Claim, Quantity]], ents, placed, n: int) -> None:
    """The items of a list each speak of their own place: the entities and
    places named in another item's stretch (from its figure to the next
    item's) are not this one's ("قتل 10 أشخاص في حلب و5 في إدلب": Aleppo's 10, Idlib's 5)."""
    bounds = [q.i0 for _, q in items] + [n]
    stretches = list(zip(bounds, bounds[1:]))
    for i, (c, _) in enumerate(items):
        others = [(a, b) for j, (a, b) in enumerate(stretches) if j != i]
        def elsewhere(k: int) -> bool:
            return any(a <= k < b for a, b in others)
        theirs_e = {eid for x, _, eid in ents if elsewhere(x)} - {eid for x, _, eid in ents if not elsewhere(x)}
        theirs_p = {name for k, name in placed if elsewhere(k)} - {name for k, name in placed if not elsewhere(k)}
        c.entities = [e for e in c.entities if e not in theirs_e]
        c.places = [p for p in c.places if p not in theirs_p]


_EXTRACTION_MODULES = ("reading/arabic.py", "reading/tokens.py", "reading/wordtest.py", "figures/grammar.py",
                       "figures/numbers.py", "figures/kinds.py", "figures/entities.py", "figures/context.py",
                       "figures/claims.py", "lexicon/__init__.py")


def extractor_fingerprint() -> str:
    """What the figures of a document depend on besides its text: the code that
    reads them, the lexicon as loaded (overlays included), the record's format
    and whether CAMeL Tools' morphology is installed.  Stored claims read under
    another fingerprint are stale (the nightly job reads their documents again)."""
    import json as _json
    from pathlib import Path as _Path

    from ..reading.arabic import morphology_db_path
    from ..lexicon import FILES, raw
    h = hashlib.sha1(f"format {CLAIM_FORMAT}; morphology {morphology_db_path() is not None}".encode())
    here = _Path(__file__).parent.parent
    for name in _EXTRACTION_MODULES:
        h.update(name.encode() + b"\0" + (here / name).read_bytes())
    for name in FILES:
        h.update(name.encode() + b"\0" + _json.dumps(raw(name), sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    """The process-wide extractor: it holds the lexicon and its caches."""
    return Extractor()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _extract_one(ex: Extractor, d: Document) -> list[Claim]:
    """A document whose figures cannot be read (a bug of ours on text we did not
    foresee) is reported and checked without them; the run goes on."""
    try:
        return ex.extract(d)
    except Exception as e:  # noqa: BLE001 - one document must never stop a night
        import sys
        print(f"warning: {d.origin or d.id}: figures could not be read ({type(e).__name__}: {e}); "
              "the document is kept without them", file=sys.stderr)
        return []


def _ignore_interrupts() -> None:
    """Ctrl-C reaches the whole process group: the workers leave it to the parent, which stops
    the pool.  (A worker interrupted mid-batch never answers, and the parent would wait on it.)"""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_batch(docs: list[Document], transform=None) -> list:
    ex = extractor()
    if transform is None:
        return [_extract_one(ex, d) for d in docs]
    return [transform(_extract_one(ex, d)) for d in docs]


def extract_parallel(docs: Iterable[Document], jobs: int | None = None, batch: int = 16,
                     transform: Callable[[list[Claim]], object] | None = None) -> Iterator[tuple[Document, object]]:
    """Each document with its claims, in input order, extracted on `jobs` processes
    (default: every core).  The output is the same as extracting one by one: workers
    get batches of documents and the results are put back in order.  Input is read
    ahead by a bounded window, so a corpus of any size streams through.

    `transform` (a picklable function of one document's claims, e.g. one that writes
    them as JSON lines) runs where the claims are made, so the parent receives its
    result instead of the claims; with jobs=1 it runs in this process, on the same claims."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    ex = extractor()  # built before the workers fork, so they share the lexicon and caches
    if jobs == 1:
        for d in docs:
            found = _extract_one(ex, d)
            yield d, (found if transform is None else transform(found))
        return
    import multiprocessing as mp
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    it = iter(docs)
    pending: deque = deque()  # (batch, async result), in input order; at most jobs * 4 in flight
    with ctx.Pool(jobs, initializer=_ignore_interrupts) as pool:
        while True:
            while len(pending) < jobs * 4:
                b = list(islice(it, batch))
                if not b:
                    break
                pending.append((b, pool.apply_async(_extract_batch, (b, transform))))
            if not pending:
                break
            b, res = pending.popleft()
            yield from zip(b, res.get())


def extract_claims(docs: Iterable[Document]) -> Iterator[Claim]:
    ex = extractor()
    for d in docs:
        yield from ex.extract(d)


def claims_frame(docs: Iterable[Document]):
    """All claims of the documents as a pandas DataFrame, one row a quantity."""
    import pandas as pd
    rows = [c.row() for c in extract_claims(docs)]
    return pd.DataFrame(rows, columns=COLUMNS)
