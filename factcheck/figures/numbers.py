"""Quantities in Arabic text: figures in any digits or in words, with the
interval their wording allows, and what kind of figure they are.

Works on the tokens of one normalised sentence (factcheck.reading.tokens); every
quantity keeps the token indices of its number, so the claim frame
(factcheck.figures.claims) can look around it.  The number itself is read by the
grammar (grammar.py); here it becomes a quantity: qualifiers as bounds, ranges, units,
currencies, vague amounts.  Whether a figure is a quantity at all (a year, a date, an
ordinal, a model name) is told by kinds.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..reading.arabic import (CLITIC_PREFIXES, clitic_forms, normalise, number_forms, strip_clitics,
                              strip_number_prefixes)
from ..lexicon import Lexicon, load
from ..reading.tokens import Tok, tokenize
from ..reading.wordtest import positions
from .grammar import AND, FROM, NumberGrammar, clean
from .kinds import Kinds, year_like

QUANTITY_KINDS = ("count", "percent", "money", "duration", "distance", "measure")
NONQUANTITY_KINDS = ("year", "date", "time", "ordinal", "spec")

_DOT_THOUSANDS = re.compile(r"^\d{1,3}\.\d{3}$")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")  # a word, as tokens.TOKEN_RE reads one
_WORD_RUNS = re.compile(r"\w+")  # the same, in a text without digits and "_" (may_hold)
_COMMAS = frozenset({"،", ","})
_CLAUSE_STOPS = _COMMAS | {".", ":"}  # what ends the words a verb may stand among (_year_of_life)
# The units of one span of time in days, to add its parts (3 سنوات وشهر و15 يوما): a year of
# twelve months of thirty days, as sentences are counted.
SPAN_SIZE = {"year": 360.0, "month": 30.0, "week": 7.0, "day": 1.0, "hour": 1 / 24, "minute": 1 / 1440,
             "second": 1 / 86400}
SPAN_UNITS = tuple(SPAN_SIZE)  # largest first


@dataclass
class Quantity:
    """One figure.  i0/i1: its token span (qualifier and unit included);
    n0/n1: the tokens of the number itself."""
    i0: int
    i1: int
    n0: int
    n1: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    kind: str
    unit: str | None = None
    norm: str | None = None   # a date (YYYY-MM-DD / MM-DD), a time (HH:MM), a score (A-B)
    sense: str | None = None  # age, ratio, share, implied_currency (see claims.Claim)
    unit_end: int | None = None  # end of the unit's tokens when more follows in the span (5 أعوام ونصف)
    numbered: str | None = None  # an ordinal's numbered noun, as the lexicon names it (مجموعة، دورة، فوز)
    noun_before: int | None = None  # the token of a counted noun standing before it (المرشحين الـ55)

    @property
    def is_quantity(self) -> bool:
        return self.kind in QUANTITY_KINDS


def month_level(norm: str | None) -> bool:
    """A date's norm that names a month of a year, not its day (يونيو 2014: 2014-06)."""
    return bool(norm) and len(norm) == 7 and norm[4] == "-" and norm[:4].isdigit()


def year_named(q: Quantity) -> int | None:
    """The year a figure names: a year (2014), or a month of a year (يونيو 2014, norm 2014-06)."""
    if q.kind == "year":
        return int(q.value) if q.value else None
    if q.kind == "date" and month_level(q.norm):
        return int(q.norm[:4])
    return None


def _first_token(q: Quantity) -> int:
    return q.i0


class Parser:
    def __init__(self, lexicon: Lexicon | None = None):
        self.lx = lexicon or load()
        self.grammar = NumberGrammar(self.lx)
        # the grammar's readers, as the parser's own (claims and parse_number ask the parser)
        self.word_number = self.grammar.word_number
        self.core = self.grammar.core
        self.kinds = Kinds(self.lx, self.grammar)
        words = self.lx.words["numbers"]  # lexicon/words.toml
        self._needs_context = words["needs_context"]
        self._function_words = words["function_words"]
        self._stop_after_sum = words["stop_after_sum"]
        self._sum_links = words["sum_links"]
        self._join_always = words["join_always"]
        self._join_to = words["join_to"]
        self._dual_prefixes = words["dual_prefixes"]
        self._dual_range = words["dual_range"]
        self._rise = words["rise"]
        self._sum_breaks = words["sum_breaks"]
        self._verb_forms = words["verb_forms"]
        self._year_of = frozenset(words["year_of"])
        self._year_done = frozenset(words["year_done"])
        self._year_age = frozenset(words["year_age"]) | self._year_done
        self._starts: dict[str, int] = {}  # word -> 1 may start a number, 2 may start a qualifier, 0 neither
        # the words parse() and _duals() may stop at (a superset of those _start_kind() and
        # _dual_noun() accept; digits aside), so the others are passed by set lookups
        lx = self.lx
        self._may_start = number_forms(set(lx.number_words) | set(lx.vague.by_first)) | clitic_forms(
            set(lx.ordinal_words) | lx.ratio_double | lx.ratio_ambiguous | set(lx.qualifiers_before.by_first))
        # any(f in S for f in strip_clitics(w)) is w in clitic_forms(S): one lookup, no generator
        self._cf_subject_nouns = clitic_forms(lx.subject_nouns)
        self._cf_comparatives = clitic_forms(lx.comparatives)
        self._cf_calibre_context = clitic_forms(lx.calibre_context)
        self._may_be_dual = frozenset(lx.dual_nouns) | {p + f for f in lx.dual_nouns for p in self._dual_prefixes}
        goals = lx.concepts.get("goals", {})  # a match score in words: its sides name goals (counted.toml)
        self._goal_nouns = clitic_forms({normalise(f) for f in goals.get("forms", [])})
        self._goal_duals = clitic_forms({normalise(f) for f in goals.get("duals", [])})
        self._goal_single = clitic_forms({normalise(f) for f in words["score_one_goal"]})
        self._one_words = frozenset(normalise(w) for w in words["score_one"])
        self._score_links = frozenset(normalise(w) for w in words["score_links"])
        self._score_nil = frozenset(normalise(w) for w in words["score_nil"])
        self._score_clean = frozenset(normalise(w) for w in words["score_clean"])
        self._score_hauls = {c: float(v) for f, v in lx.score_hauls.items() for c in clitic_forms({f})}
        self._score_words = self._score_links | self._score_clean  # a score in words may be here
        self._verb_before = frozenset(normalise(w) for w in words["verb_before"])
        self._may_hold = self._compile_prefilter()

    def _compile_prefilter(self):
        """What every sentence that may hold a figure has: a digit, or a whole word (after a
        clitic) that is a number word, a vague amount, a ratio or a unit.  A superset of what
        parse() starts at, so a sentence without it is skipped untokenised (most sentences hold
        no figure).  (The words as a set; the forms of more than one word, and their pattern.)"""
        lx = self.lx
        # a compound ordinal needs a number word after it; a bare qualifier needs a singular unit
        forms = set(lx.number_words) | set(lx.vague.by_first) | lx.ratio_double | lx.ratio_ambiguous \
            | lx.unit_singulars | set(lx.ordinal_words) | set(lx.dual_nouns) \
            | self._score_clean | set(lx.score_hauls)  # قتل شخصان، بهدف نظيف، بثلاثية نظيفة
        forms = sorted((f for f in forms if f), key=len, reverse=True)
        # A form of letters only, after a clitic or not, is a whole word of the sentence: a set of
        # those words is asked instead of a pattern with hundreds of branches tried at every letter.
        words = frozenset(p + f for f in forms if _LETTERS.fullmatch(f) for p in ("",) + CLITIC_PREFIXES)
        others = [f for f in forms if not _LETTERS.fullmatch(f)]  # كيلومتر مربع: a pattern, as before
        prefixes = "|".join(sorted(CLITIC_PREFIXES, key=len, reverse=True))
        pattern = re.compile(rf"(?<![^\W\d_])(?:{prefixes})?(?:{'|'.join(map(re.escape, others))})(?![^\W\d_])"
                             ) if others else None
        return words, tuple(others), pattern

    def unbracket(self, toks: list, words: list[str]) -> tuple[list, list[str]]:
        """The tokens without a bracket between a number and its scale word, as
        official statements write it: "(50) مليار دولار" is 50 billion (the number
        then starts at its opening bracket), "أكثر من (40) ألف" more than 40
        thousand, and a bracket turned round by the page, "120) مليون دولار(", is
        no wall either.  A number in brackets before anything else keeps them:
        "(67)" after a scorer is a minute."""
        brackets = ("(", ")")
        drop = [i + 1 for i in range(len(words) - 2)
                if words[i + 1] in brackets and words[i][:1].isdigit()
                and self.lx.number_words.get(words[i + 2], ("",))[0] in ("scale", "dual_scale")]
        if not drop:
            return toks, words
        toks, words, gone = list(toks), list(words), set(drop)
        for k in drop:
            if k >= 2 and words[k - 2] == "(":  # (50) مليار: the figure's text starts at its bracket
                toks[k - 1] = toks[k - 1]._replace(start=toks[k - 2].start)
                gone.add(k - 2)
        keep = [k for k in range(len(words)) if k not in gone]
        return [toks[k] for k in keep], [words[k] for k in keep]

    def may_hold(self, text: str) -> bool:
        """Can this (normalised) sentence hold a figure at all?"""
        if _DIGIT.search(text):
            return True
        words, others, pattern = self._may_hold
        # \w is a letter, a digit or "_": without the last two, its runs are the words, found sooner
        if not words.isdisjoint(_WORD_RUNS.findall(text) if "_" not in text else _LETTERS.findall(text)):
            return True
        # the pattern can only match where one of its forms is written: look for them first
        return pattern is not None and any(f in text for f in others) and pattern.search(text) is not None

    # -- whole quantities ---------------------------------------------------------
    def parse(self, toks: list[Tok], words: list[str] | None = None) -> list[Quantity]:
        """The quantities of a sentence's tokens (`words`: their texts, when the caller has them)."""
        if words is None:
            words = [t.text for t in toks]
        out: list[Quantity] = []
        floor = 0  # tokens before this belong to an earlier quantity
        may_start = self._may_start
        names = self.lx.not_number_phrases
        for i in [i for i, w in enumerate(words) if w in may_start or w[0].isdigit()]:  # others start nothing
            if i < floor:
                continue  # inside the quantity found last
            w = words[i]
            if w in names.starters:
                m = names.match(words, i, clitics=False)
                if m:
                    floor = i + m[0]  # وست هام: a name, not "and six"
                    continue
            q = None
            if w[0].isdigit():
                q = self.quantity_at(toks, words, i, floor)
            else:
                start = self._starts.get(w)
                if start is None:
                    start = self._start_kind(w)
                    if len(self._starts) < 500_000:
                        self._starts[w] = start
                if start == 1:
                    q = self.quantity_at(toks, words, i, floor)
                elif start == 2:
                    singular = self.lx.bare_unit_starts
                    reach = self.lx.qualifiers_before.max_len + 1
                    if not singular.isdisjoint(words[i + 1:i + reach]):  # "لنحو ساعة" needs its unit
                        q = self.bare_unit_at(words, i)
            if q is None:
                continue
            out.append(q)
            floor = q.i1
        self._implied_currency(toks, words, out)
        if self.lx.dual_nouns:
            out = self._duals(toks, words, out)
        if self._score_words and not self._score_words.isdisjoint(words):
            out = self._scores_in_words(words, out)
        if any(q.kind == "duration" for q in out):
            out = self._compound_durations(words, out)
        self._shared_units(words, out)
        for a, b in zip(out, out[1:]):
            # الدقيقتين 10 و25، الدورتين 70 و71: a figure joined to an ordinal is one too
            if a.kind == "ordinal" and b.kind == "count" and not b.unit and b.qualifier == "exact" \
                    and b.n0 == a.i1 + 1 and words[a.i1] in AND and words[b.n0][0].isdigit():
                b.kind, b.qualifier, b.low, b.high, b.numbered = "ordinal", None, b.value, b.value, a.numbered
        self._year_of_life(words, out)
        return out

    def _year_of_life(self, words, qs: list[Quantity]) -> None:
        """"دخلت الحرب عامها الثامن", "سيكمل عامه الحادي والثلاثين": an ordinal year of someone's
        life or of something's course is a span of years, N-1 to N (the Nth year is under way); a
        verb that says it is done (أكمل، أتم، بلغ) makes it N; a verb of turning an age (those, and
        يكمل، سيبلغ) makes it an age.  The first year is left an ordinal: "في عامه الأول" dates,
        it does not measure."""
        for q in qs:
            if q.kind != "ordinal" or q.value is None or q.value < 2 or q.value != int(q.value):
                continue
            k = q.i0 - 1
            if k >= 0 and words[k] in self.kinds.article:  # عامه الـ93
                k -= 1
            if k < 0 or words[k] not in self._year_of:
                continue
            # the verb, its subject or an adverb between (أكمل نادال عامه، أتم بعد عامه), no comma
            before = words[max(0, k - 3):k]
            while before and not _CLAUSE_STOPS.isdisjoint(before):
                before = before[1:]
            done = not self._year_done.isdisjoint(before)
            q.kind, q.unit, q.i0, q.numbered = "duration", "year", k, None
            q.sense = "age" if not self._year_age.isdisjoint(before) else None
            q.qualifier = "exact" if done else "range"
            q.low, q.high = (q.value, q.value) if done else (q.value - 1, q.value)
            q.value = q.value if done else None

    def _time_word(self, w: str) -> tuple[float, str] | None:
        """A unit of time standing for its own number: (1, unit) for a singular (شهر، دقيقة),
        (2, unit) for a dual (شهرين، ساعتين); else None."""
        if w in self.lx.dual_units:
            kind, unit = self.lx.dual_units[w]
            return (2.0, unit) if kind == "duration" else None
        if w in self.lx.unit_singulars:
            um = self.lx.units.match([w], 0, clitics=False)
            if um and um[1][0] == "duration":
                return 1.0, um[1][1]
        return None

    def _compound_durations(self, words, qs: list[Quantity]) -> list[Quantity]:
        """One span of time in descending units joined by و is one figure, in its first unit:
        3 سنوات وشهر و15 يوما is 3.125 years, دقيقة و31.19 ثانية 1.52 minutes, ساعتين و3 دقائق
        2.05 hours.  Read apart, its parts were figures of their own (15 days, 31.19 seconds)
        that no other report gives.  A unit of time alone heads one only when a part follows."""
        n = len(words)
        starts = {q.i0: q for q in qs}
        gone: set[int] = set()

        def part(e: int, unit: str):
            """The part of the span that begins at token e, after a unit larger than `unit`:
            (value in its unit, its unit, its end, the figure it was read as or None)."""
            if e >= n:
                return None
            r = starts.get(e + 1) if words[e] in AND else starts.get(e) if words[e].startswith("و") else None
            if r is not None:
                if r.kind == "duration" and r.qualifier == "exact" and r.value is not None and r.sense is None \
                        and SPAN_SIZE.get(r.unit or "", 0) and SPAN_SIZE[r.unit] < SPAN_SIZE[unit]:
                    return r.value, r.unit, r.i1, r
                return None
            if not words[e].startswith("و"):
                return None
            t = self._time_word(words[e][1:])
            if t is None or not SPAN_SIZE.get(t[1], 0) or SPAN_SIZE[t[1]] >= SPAN_SIZE[unit]:
                return None
            end = e + 1
            one = self.word_number(words[end]) if t[0] == 1 and end < n else None
            if one and one[1] == 1 and one[2] == words[end]:
                end += 1  # وشهر واحد
            return t[0], t[1], end, None

        out: list[Quantity] = []
        floor = 0
        for q in qs:
            if id(q) in gone:
                continue
            head = q
            # ساعة و45 دقيقة، دقيقة وثلاثين ثانية: a unit of time before the first number heads the span
            k = -1
            if q.kind == "duration" and q.qualifier == "exact" and q.sense is None:
                if q.i0 >= 2 and words[q.i0 - 1] in AND:
                    k = q.i0 - 2  # ساعة و 45 دقيقة
                elif words[q.i0].startswith("و"):
                    k = q.i0 - 1  # دقيقة وثلاثين ثانية
            if k >= floor:
                t = self._time_word(words[k])
                if t and SPAN_SIZE.get(t[1], 0) and part(k + 1, t[1]) is not None:
                    head = Quantity(k, k + 1, k, k + 1, t[0], t[0], t[0], "exact", "duration", t[1])
            if head.kind == "duration" and head.value is not None and head.qualifier != "range" \
                    and SPAN_SIZE.get(head.unit or "", 0):
                unit, end, value, joined = head.unit, head.i1, head.value, False
                while (p := part(end, unit)) is not None:
                    v, unit, end, r = p
                    value += v * SPAN_SIZE[unit] / SPAN_SIZE[head.unit]
                    if r is not None:
                        gone.add(id(r))
                    joined = True
                if joined:
                    if head.unit_end is None:
                        head.unit_end = head.i1
                    head.i1, head.value = end, clean(value)
                    self.bounds(head)
            out.append(head)
            floor = head.i1
        return out

    def _dual_noun(self, w: str) -> str | None:
        """The concept of a dual noun without the article (قاربان، وشخصان، بفارق نقطتين's نقطتين), or None."""
        duals = self.lx.dual_nouns
        if w in duals:
            return duals[w]
        for p in self._dual_prefixes:
            if w.startswith(p) and w[len(p):] in duals:
                return duals[w[len(p):]]
        return None

    def _duals(self, toks, words, qs: list[Quantity]) -> list[Quantity]:
        """Dual nouns that stand where a figure would, as a count of two: right after an event's trigger
        (قتل شخصان، غرق قاربان), after a cue of a margin (بفارق نقطتين), or as the low end of a range
        with a figure (جربوا دواءين أو 4 أدوية = 2 to 4).  Elsewhere a dual is a word (البلدين، هدفين سجلهما)."""
        may_be_dual = positions(words, self._may_be_dual)
        if not may_be_dual:  # most sentences: no word to look at, no index of the figures to build
            return sorted(qs, key=_first_token)
        lx = self.lx
        n = len(words)
        taken = {k for q in qs for k in range(q.i0, q.i1)}
        by_start = {q.n0: q for q in qs}
        out = list(qs)
        for k in may_be_dual:
            w = words[k]
            if k in taken or not w[0].isalpha() or self._dual_noun(w) is None:
                continue
            q2 = by_start.get(k + 2) if k + 2 < n and words[k + 1] in self._dual_range else None
            if q2 is not None and q2.kind == "count" and q2.qualifier == "exact" and q2.i0 == k + 2 \
                    and q2.value and q2.value > 2 and self.kinds.counted_follows(words, q2.i1):
                out[out.index(q2)] = Quantity(k, q2.i1, k, q2.n1, None, 2.0, q2.value, "range", "count")
                continue
            q = Quantity(k, k + 1, k, k + 1, 2.0, 2.0, 2.0, "exact", "count", sense="dual")
            floor = max((p.i1 for p in qs if p.i1 <= k), default=0)
            self._qualified(words, q, floor)  # مقتل ما لا يقل عن شخصين
            if (q.i0 > 0 and words[q.i0 - 1] in lx.dual_after) or lx.triggers.match_ending(words, q.i0):
                a = k + 1 + (k + 1 < n and words[k + 1] in _COMMAS)
                pm = lx.qualifiers_after.match(words, a) if a < n and q.qualifier == "exact" else None
                if pm and not (a + pm[0] < n and words[a + pm[0]][0].isdigit()):
                    q.qualifier, q.i1 = pm[1], a + pm[0]  # بمقتل شخصين، على الأقل
                self.bounds(q)
                out.append(q)
        out.sort(key=_first_token)
        return out

    def _goals_at(self, words, k: int, qs_at: dict) -> tuple[float, int] | None:
        """(goals, end) of one side of a score at token k: a figure and a goal noun (بأربعة أهداف،
        3 أهداف), a figure alone, a dual goal noun (بهدفين) or a singular one (بهدف، هدف وحيد)."""
        n = len(words)
        q = qs_at.get(k)
        if q is not None and q.kind == "count" and q.qualifier == "exact" and q.value is not None \
                and q.value == int(q.value) and q.value < 100:
            end = q.i1
            if end < n and words[end] in self._goal_nouns and q.i1 == q.n1:
                end += 1
            return q.value, end
        if k < n and words[k] in self._goal_duals:
            return 2.0, k + 1
        if k < n and words[k] in self._score_hauls:
            return self._score_hauls[words[k]], k + 1  # بثلاثية
        if k < n and words[k] in self._goal_single:
            return 1.0, k + 1 + (k + 1 < n and words[k + 1] in self._one_words)
        return None

    def _side_ending(self, words, starts: list[int], end: int, qs_at) -> tuple[int, float] | None:
        """One side of a score that ends at token `end`: (its first token, its goals), from the first
        of `starts` where goals are read up to there (a figure and its goal noun, or goal words)."""
        return next(((k, got[0]) for k in starts if k >= 0
                     for got in [self._goals_at(words, k, qs_at)] if got is not None and got[1] == end), None)

    def _scores_in_words(self, words, qs: list[Quantity]) -> list[Quantity]:
        """A match score written in words is one figure, a spec "A-B" (بأربعة أهداف مقابل ثلاثة،
        بهدفين مقابل هدف وحيد): not a count of four goals and another of three.  Two sides around
        a link word (words.toml score_links), one of them naming goals; 98 صوتا مقابل 30 is not one."""
        qs_at = {q.i0: q for q in qs}
        ends = {q.i1: q for q in qs}
        named = self._goal_nouns | self._goal_duals | self._goal_single | self._score_hauls.keys()
        out = list(qs)
        # one side, then a word that makes the other nil: بهدف نظيف، بثلاثية نظيفة
        for m in [k for k, w in enumerate(words) if w in self._score_clean]:
            left = self._side_ending(words, ([ends[m].i0] if m in ends else []) + [m - 1, m - 2], m, qs_at)
            if left is None or named.isdisjoint(words[left[0]:m]):
                continue
            out = [x for x in out if not left[0] <= x.i0 <= m]
            out.append(Quantity(left[0], m + 1, left[0], m + 1, None, None, None, None, "spec",
                                norm=f"{int(left[1])}-0"))
        for m in [k for k, w in enumerate(words) if w in self._score_links]:
            # the left side ends at the link: a figure (with its goal noun), or goal words alone;
            # دون مقابل ends it a word earlier, and the other side is nil
            nil = m > 0 and words[m - 1] in self._score_nil
            link = m - 1 if nil else m
            starts = [ends[e].i0 for e in (link, link - 1) if e in ends] + [link - 1, link - 2]
            left = self._side_ending(words, starts, link, qs_at)
            right = (0.0, m + 1) if nil and left is not None else \
                self._goals_at(words, m + 1, qs_at) if left is not None else None
            if right is None or named.isdisjoint(words[left[0]:right[1]]):
                continue
            start, end = left[0], right[1]
            out = [x for x in out if not start <= x.i0 < end]
            out.append(Quantity(start, end, start, end, None, None, None, None, "spec",
                                norm=f"{int(left[1])}-{int(right[0])}"))
        out.sort(key=_first_token)
        return out

    SHARED_UNIT_KINDS = ("percent", "money", "distance", "measure")

    def _shared_units(self, words, qs: list[Quantity]) -> None:
        """"5.8 و6.1 و6.4 بوصة", "0.2 و0.3 بالمئة": figures in digits joined by و, the last with a
        unit, all take that unit (a list of one measure: three screen sizes, not two counts)."""
        k = len(qs) - 1
        while k > 0:
            last = qs[k]
            j = k
            while j > 0 and qs[j - 1].kind == "count" and not qs[j - 1].unit and qs[j - 1].qualifier == "exact" \
                    and qs[j - 1].i1 + 1 == qs[j].i0 and words[qs[j - 1].i1] in AND \
                    and qs[j - 1].n1 - qs[j - 1].n0 == 1 and words[qs[j - 1].n0][0].isdigit():
                j -= 1
            if j < k and last.kind in self.SHARED_UNIT_KINDS and last.unit and words[last.n0][0].isdigit():
                for q in qs[j:k]:
                    q.kind, q.unit = last.kind, last.unit
            k = j - 1 if j < k else k - 1

    def _implied_currency(self, toks, words, qs: list[Quantity]) -> None:
        """"بلغت الإيرادات 50 مليون دولار ثم ارتفعت إلى 90 مليونا": a figure with a scale word
        and no noun of its own, after a sum of money in the same sentence, is money in that currency."""
        n = len(words)
        last = None
        for q in qs:
            if q.kind == "money":
                last = q
                continue
            if last is None or q.kind != "count" or q.unit or q.qualifier == "vague" or q.i0 - last.i1 > 25:
                continue
            scaled = any((self.word_number(w) or ("",))[0] in ("scale", "dual_scale") for w in words[q.n0:q.n1])
            nxt = words[q.i1] if q.i1 < n else ""
            prev = words[q.i0 - 1] if q.i0 else ""
            between = words[last.i1:q.i0]
            if not self._sum_breaks.isdisjoint(between):
                continue  # "... 665 مليون دولار، فيما ارتفع عدد المستخدمين بستة ملايين": another clause's count
            linked = prev in self._sum_links or any(w in self._rise for w in between)
            if scaled and linked and (not nxt or not nxt[0].isalpha() or nxt in self._function_words
                                      or nxt in self._stop_after_sum) \
                    and not self.kinds.counted_follows(words, q.i1):
                q.kind, q.unit, q.sense = "money", last.unit, "implied_currency"

    def _start_kind(self, w: str) -> int:
        """1 when a number may start at this word, 2 when a qualifier may, else 0."""
        if w in self.lx.vague.by_first or any(
                f in self.lx.number_words or f in self.lx.vague.by_first for f in strip_number_prefixes(w)):
            return 1
        forms = strip_clitics(w)
        lx = self.lx
        if any(f in lx.ordinal_words or f in lx.ratio_double or f in lx.ratio_ambiguous for f in forms):
            return 1
        if w[0].isalpha() and any(f in lx.qualifiers_before.by_first for f in forms):
            return 2
        return 0

    def quantity_at(self, toks, words, i, floor) -> Quantity | None:
        lx = self.lx
        n = len(words)
        # vague amounts (عشرات، عدة آلاف، الآلاف); a word outside a table's starters starts none of its
        # phrases, so match() is not asked there (here and below: most figures have none around them)
        vague = lx.vague.starters
        vm = lx.vague.match(words, i) if words[i] in vague else None
        if vm is not None and self._article_added(words[i], lx.vague):
            vm = None  # العدة (equipment) is not عدة (several); العشرات is listed as such
        if vm is None and i > floor and words[i - 1] in vague:
            vm0 = lx.vague.match(words, i - 1)
            if vm0 and vm0[0] >= 2:  # "عدة آلاف" starting on the word before
                return None
        if vm:
            length, (low, high) = vm
            j = i + length
            # "عشرات الآلاف" is in the table; "آلاف" after a figure is not vague
            q = Quantity(i, j, i, j, None, float(low) if low is not None else None,
                         float(high) if high is not None else None, "vague", "count")
            return self._finish(toks, words, q, floor)
        if not words[i][0].isdigit():
            special = self._special_at(toks, words, i, floor)
            if special is not False:
                return special
        c = self.core(toks, words, i)
        if c is None:
            return None
        value, j, scale, by_words = c
        w = words[i]
        if j == i + 1 and _DOT_THOUSANDS.match(w) and (w.endswith("000") or self._people_follow(words, j)):
            value = float(w.replace(".", ""))  # نحو 10.000 مدني: a dot between thousands
        pm = lx.proportion.match(words, j, clitics=False) if j < n and words[j] in lx.proportion.starters else None
        if pm and j + pm[0] < n:
            c2 = self.core(toks, words, j + pm[0])
            if c2 is not None and c2[0] > value:
                # واحد من كل 5 أطفال: a proportion, as a percent of the whole
                v = clean(round(value / c2[0] * 100, 2))
                q = Quantity(i, c2[1], i, c2[1], v, v, v, "exact", "percent", "%", sense="share")
                q = self._qualified(words, q, floor)
                self.bounds(q)
                return q
        if by_words and not self._word_number_ok(words, i, j):
            return None
        v = clean(value)
        q = Quantity(i, j, i, j, v, v, v, "exact", "count")
        # a qualifier or a range opener before the number
        i0 = i
        at = i - 1 if i - 1 >= floor and words[i - 1] == "%" and toks[i - 1].end == toks[i].start else i  # %50
        qm = lx.qualifiers_before.match_ending(words, at)
        if qm and at - qm[0] >= floor:
            q.qualifier = qm[1]
            i0 = at - qm[0]
        elif not qm:
            q.qualifier = self._subject_qualifier(words, at, floor) or q.qualifier
        opener = None
        if i - 1 >= floor and words[i - 1] in lx.range_open:
            opener = i - 1
        elif i - 1 >= floor and i0 == i and words[i - 1].startswith("و") and words[i - 1][1:] in lx.range_open:
            opener = i - 1
        # a range: 50-80، بين 50 و80 ألف، من 10 إلى 30، 3 أو 4
        if j < n and words[j] in lx.range_join and j + 1 < n:
            join = words[j]
            allowed = join in self._join_always or (join in AND and opener is not None)
            if by_words and j - i == 1 and (self.word_number(words[i]) or ("", 0, ""))[2] in self._needs_context:
                allowed = False  # الطلعة الواحدة حتى 5.8 ساعة: واحد is not the low end of a range
            if join in self._join_to and opener is not None and words[opener] in FROM and \
                    any(w in self._rise for w in words[max(0, i - 12):i]):
                allowed = False  # "ارتفع من 10 إلى 30": a change, not a range
            c2 = self.core(toks, words, j + 1) if allowed else None
        elif j < n and opener is not None and by_words and words[j].startswith("و") and len(words[j]) > 1:
            join, c2 = "و", self.core(toks, words, j)   # بين أربعة آلاف وخمسة آلاف: the و glued to the word
        else:
            c2 = None
        if c2 is not None:
            v2, j2, scale2, _ = c2
            v1 = value
            if scale2 and not scale and v1 * scale2 <= v2:
                v1 *= scale2
            if v2 > v1 or (join == "-" and year_like(v1) and v2 < 100):
                q = Quantity(i0, j2, i, j2, None, clean(v1), clean(v2), "range", "count")
                if opener is not None and opener < i0:
                    q.i0 = opener
                return self._finish(toks, words, q, floor, range_parts=(v1, v2, toks[j].start - toks[j - 1].end))
        if q.qualifier:
            q.i0 = i0
        return self._finish(toks, words, q, floor)

    def _subject_qualifier(self, words, i, floor) -> str | None:
        """تخطت نسبة المشاركة 50%: the verb qualifies the figure across its subject."""
        lx = self.lx
        for k in range(i - 1, max(floor, i - 3) - 1, -1):
            if not words[k][0].isalpha():
                return None
            if words[k] in self._cf_subject_nouns:
                qm = lx.qualifiers_before.match_ending(words, k)
                if qm and k - qm[0] >= floor and qm[1] != "approx":
                    return qm[1]
        return None

    def _qualified(self, words, q: Quantity, floor: int) -> Quantity:
        """The qualifier before a figure (أكثر من ضعف، لأكثر من عام)."""
        qm = self.lx.qualifiers_before.match_ending(words, q.i0)
        if qm and q.i0 - qm[0] >= floor:
            q.qualifier = qm[1]
            q.i0 -= qm[0]
        return q

    def _special_at(self, toks, words, i, floor):
        """Figures in words that are not cardinals: fractions (نصف ثروته = 50%، ثلث ساعة، عامين ونصف),
        ratios (ضعفين، أكثر من ضعف), compound ordinals (الثانية والتسعين، الثاني عشر).  A Quantity,
        None to skip the word, or False when the word is none of these."""
        lx = self.lx
        n = len(words)
        w = words[i]
        forms = strip_clitics(w)
        nxt = words[i + 1] if i + 1 < n else ""
        # ordinals: الخامسة والثلاثين، الثاني عشر
        o = next((lx.ordinal_words[f] for f in forms if f in lx.ordinal_words), None)
        if o is not None:
            k = self.grammar.detached_and(toks, words, i + 1) if nxt else i + 1  # الرابع و العشرين
            hit = self.word_number(words[k]) if nxt else None
            end = k + 1
            if hit and o < 10 and hit[0] == "tens" and (nxt.startswith("وال") or k > i + 1 and words[k].startswith("ال")):
                value = o + hit[1]
            elif hit and o < 10 and hit[0] == "ten" and hit[2] == nxt:  # not الثاني بعشر نقاط (with ten points)
                value = 10 + o
            else:
                value, end = o, i + 1
            v = float(value)
            lemma = self.kinds.numbered_before(words, i, floor)
            prev = words[i - 1] if i > floor else ""
            # a day: في التاسع من شهر يونيو، الحادي والعشرين من مارس (not الأسبوع الأول من مارس)
            dm = self.kinds.day_month(words, end, value) if lemma is None and not prev.startswith("ال") else None
            if dm:
                return Quantity(i, dm[0], i, end, v, v, v, None, "date", norm=dm[1])
            if end == i + 1 and lemma is None and (o < 2 or prev not in self._year_of):  # عامها الثامن: _year_of_life
                return None  # الأول، الثانية alone: a word, not a figure
            q = Quantity(i, end, i, end, v, v, v, None, "ordinal", numbered=lemma)
            after = lx.age_after.match(words, end) if end < n and lemma is None else None
            if end >= i + 2 and lemma is None and (self._age(words, i, floor) or after):
                # في سن الخامسة والثلاثين، البالغ الخامسة والخمسين من العمر: an age
                q.kind, q.unit, q.sense, q.qualifier = "duration", "year", "age", "exact"
                if after:
                    q.i1 = end + after[0]
                self.bounds(q)
            return q
        # ratios: ضعفين؛ ضعف only after a qualifier or a comparative (ضعف is also "weakness")
        if any(f in lx.ratio_double for f in forms) or any(f in lx.ratio_ambiguous for f in forms):
            q = self._qualified(words, Quantity(i, i + 1, i, i + 1, 2.0, 2.0, 2.0, "exact", "measure", "times",
                                               sense="ratio"), floor)
            if not any(f in lx.ratio_double for f in forms) and q.i0 == i and \
                    not (i > 0 and words[i - 1] in self._cf_comparatives):
                return None
            self.bounds(q)
            return q
        hit = self.word_number(w)
        if w in lx.possessive_fractions and nxt and len(nxt) > 4 and nxt.endswith(lx.possessive_endings) and \
                nxt[0] not in "ول" and nxt not in lx.possessive_not and \
                not (i > floor and self.word_number(words[i - 1])):  # اثنا عشر ومدربهم: a teen, not a tenth
            hit = ("fraction", lx.possessive_fractions[w], w, False)  # تفقد خمس قيمتها: a fifth, not five
        if not hit or hit[0] != "fraction":
            return False
        frac, article = hit[1], hit[3] or (w.startswith("لل") and hit[2] == w[2:])
        if nxt and (self.word_number(nxt) or ("",))[0] == "scale":
            return False  # نصف مليون
        if nxt in lx.fraction_not_before or (article and nxt not in lx.fraction_share_after_article):
            return None  # نصف النهائي؛ الربع الأول من العام، في الربع: a stage or a period; الثلث المتبقي is a share
        # عامين ونصف عام: a dual unit noun, then the fraction
        if w.startswith("و") and i > 0 and i - 1 >= floor and words[i - 1] in lx.dual_units:
            kind, unit = lx.dual_units[words[i - 1]]
            q = Quantity(i - 1, i + 1, i - 1, i + 1, 2 + frac, 2 + frac, 2 + frac, "exact", kind, unit)
            um = lx.units.match(words, i + 1) if i + 1 < n else None
            if um and um[1] == (kind, unit):
                q.i1 = i + 1 + um[0]
            self.bounds(q)
            return q
        # عام ونصف، ساعة وربع: a singular unit noun, then the fraction
        if w.startswith("و") and i > 0 and i - 1 >= floor and words[i - 1] in lx.unit_singulars \
                and not w.endswith(lx.fraction_suffixes):
            um = lx.units.match(words, i - 1, clitics=False)
            if um and um[0] == 1:
                kind, unit = um[1]
                v = clean(1 + frac)
                q = self._qualified(words, Quantity(i - 1, i + 1, i - 1, i + 1, v, v, v, "exact", kind, unit), floor)
                self.bounds(q)
                return q
        if w.startswith("و"):
            return None  # ونصف after something else: handled with its number, or not a figure
        um = lx.units.match(words, i + 1) if i + 1 < n else None
        if um:  # نصف ساعة، ثلث المسافة is a share
            q = self._qualified(words, Quantity(i, i + 1, i, i + 1, frac, frac, frac, "exact", "count"), floor)
            return self._finish(toks, words, q, floor)
        v = clean(round(frac * 100, 2))
        q = self._qualified(words, Quantity(i, i + 1, i, i + 1, v, v, v, "exact", "percent", "%", sense="share"),
                            floor)
        self.bounds(q)
        return q

    def _time_unit_before(self, words, k) -> str | None:
        """The unit of time the one word before token k names (الأعوام الأربعة، لأشهر عدة), or None."""
        um = self.lx.units.match(words, k - 1)
        return um[1][1] if um and um[0] == 1 and um[1][0] == "duration" else None

    def _age(self, words, k, floor) -> bool:
        """Does an age cue stand before token k (في سن الـ 92، عن عمر يناهز 80)?"""
        while k > floor and words[k - 1] in ("ال", "-"):
            k -= 1
        return k > floor and self.lx.age_before.match_ending(words, k) is not None

    @staticmethod
    def _article_added(w: str, table) -> bool:
        """Is w a phrase's first word only once an article is taken off?"""
        added = False
        for f in strip_clitics(w):
            if f in table.by_first:
                prefix = w[: len(w) - len(f)]
                if "ال" in prefix or prefix.endswith("لل"):
                    added = True
                else:
                    return False
        return added

    def bare_unit_at(self, words, i) -> Quantity | None:
        """A qualifier before a singular unit: "لنحو ساعة" is about one hour."""
        qm = self.lx.qualifiers_before.match(words, i)
        if not qm:
            return None
        k = i + qm[0]
        if k >= len(words) or words[k] not in self.lx.bare_unit_starts:
            return None
        um = self.lx.units.match(words, k, clitics=False)
        if not um:
            return None  # (a unit of more than one word is named whole: حوالي نقطة مئوية)
        if k + um[0] < len(words) and words[k + um[0]][:1].isdigit():
            return None  # "حتى عام 1975"، "حتى يوم 24": the unit introduces a year, a day, not one of it
        q = Quantity(i, k + um[0], k, k, 1.0, 1.0, 1.0, qm[1], um[1][0], um[1][1])
        self._fraction_after_unit(words, q)  # لأكثر من عام ونصف
        self.bounds(q)
        return q

    def _word_number_ok(self, words, i, j) -> bool:
        """Single number words that often are not numbers need context."""
        if j - i > 1:
            return True
        if i > 0 and words[i - 1] in self._verb_before:
            return False  # الذي ألف رواية: a verb (wrote), not a thousand
        if self.lx.number_idioms.match_ending(words, j):
            return False  # في آن واحد: at the same time
        hit = self.word_number(words[i])
        form = hit[2]
        if form in self._verb_forms and not hit[3] and i + 1 < len(words) and words[i + 1].startswith("ال") \
                and len(words[i + 1]) > 2:
            return False  # وألف السير فيديا 30 كتابا: a verb (wrote) before its subject, not a thousand
        if form in self._needs_context:
            prev = words[i - 1] if i > 0 else ""
            nxt = words[i + 1] if i + 1 < len(words) else ""
            article = words[i].startswith("ال") and not prev.startswith("ال")  # المكعب الواحد agrees with its noun
            if nxt == "من" or article or not prev or not prev[0].isalpha() or \
                    prev in self._function_words or nxt in self.lx.comparatives:  # وأحد أكثر: "one of the most"
                return False
        return True

    # -- kind, unit, post-qualifier -------------------------------------------------
    def _finish(self, toks, words, q: Quantity, floor: int, range_parts=None) -> Quantity:
        lx = self.lx
        n = len(words)
        j = q.i1
        # unit right after the number: %، في المئة، دولار، ساعة، كيلومتر ...
        um = lx.units.match(words, j) if j < n else None
        if um and um[1][0] == "duration" and j + um[0] < n and words[j + um[0]].isdigit() and \
                year_like(float(words[j + um[0]])) and len(words[j + um[0]]) == 4:
            um = None  # "لمرة واحدة عام 2012": عام introduces the year, it is not the unit
        if um and um[1][0] == "duration" and words[j].startswith("ال"):
            um = None  # "في 10 الشهر الجاري": a time noun with the article after a figure is not its unit
        if um is None and j < n and words[j] in lx.units_exact:
            um = (1, lx.units_exact[words[j]])  # ين: only as a word of its own (بين is not ب + ين)
        if um is None and q.n0 > 0 and words[q.n0 - 1] == "%" and toks[q.n0 - 1].end == toks[q.n0].start \
                and q.qualifier != "vague":
            q.kind, q.unit, q.i0 = "percent", "%", min(q.i0, q.n0 - 1)  # %50: the sign written first
            if q.qualifier is None:
                q.qualifier = "exact"
        if um is None and q.n0 > 0 and words[q.n0 - 1] == "$" and toks[q.n0 - 1].end == toks[q.n0].start:
            q.kind, q.unit, q.i0 = "money", "USD", min(q.i0, q.n0 - 1)  # $5 مليون
        if um:
            kind, unit = um[1]
            if words[j] in lx.calibre_units or unit == "mm":
                lo, hi = max(0, q.i0 - 6), min(n, j + 8)
                if not self._cf_calibre_context.isdisjoint(words[lo:hi]):
                    kind, unit = "spec", "mm"
                elif unit == "mm":
                    kind = "distance"
            q.kind, q.unit = kind, unit
            q.i1 = j + um[0]
            if unit == "month" and q.i1 < n and lx.months.match(words, q.i1) and q.value is not None \
                    and 1 <= q.value <= 31 and q.value == int(q.value):
                m2 = lx.months.match(words, q.i1)
                q.norm = f"{m2[1]:02d}-{int(q.value):02d}"  # "22 شهر أيلول" is the 22nd of September
                q.i1 += m2[0]
                q.kind, q.unit, q.qualifier = "date", None, None
                return q
            if kind == "spec":
                q.qualifier = None
            self._fraction_after_unit(words, q)
        # qualifier after the number (3000 على الأقل، 50 تقريبا)
        pm = lx.qualifiers_after.match(words, q.i1, clitics=True) if q.i1 < n and \
            words[q.i1] in lx.qualifiers_after.starters else None
        if pm and q.qualifier in (None, "exact"):
            q.qualifier = pm[1]
            q.i1 += pm[0]
        age_after = lx.age_after.match(words, q.n1) if q.n1 < n and q.kind in ("count", "duration") and \
            words[q.n1] in lx.age_after.starters else None
        if q.kind == "duration" and q.unit == "year" and (self._age(words, q.i0, floor) or (
                q.i1 < n and lx.age_after.match(words, q.i1 - 1))):
            q.sense = "age"  # في سن 21 عاما، 30 عاما من عمره
        elif q.kind == "count" and not q.unit and q.qualifier != "vague" and age_after and q.i1 == q.n1:
            q.kind, q.unit, q.sense, q.i1 = "duration", "year", "age", q.n1 + age_after[0]  # في الخمسين من العمر
            if q.qualifier is None:
                q.qualifier = "exact"
        elif q.kind == "count" and not q.unit and q.qualifier != "vague" and q.i1 < n and words[q.i1] in lx.ratio_after \
                and not self._cf_comparatives.isdisjoint(words[max(floor, q.i0 - 2):q.i0]):
            q.kind, q.unit, q.sense, q.i1 = "measure", "times", "ratio", q.i1 + 1   # أكبر بـ4 مرات
        elif q.kind == "count" and not q.unit and q.qualifier != "vague":
            if self._age(words, q.i0, floor) or q.n0 > q.i0 and self._age(words, q.n0, q.i0):
                q.kind, q.unit, q.sense = "duration", "year", "age"   # في سن الـ 92، دون سن الثلاثين
                if q.qualifier is None:
                    q.qualifier = "exact"
            elif not words[q.n0][0].isdigit() and q.i0 - 1 >= floor:
                # الأعوام الأربعة، شهر واحد: a time noun before a number in words
                prev = words[q.i0 - 1]
                if prev in lx.time_before and prev.startswith("ال"):
                    if q.value is not None and q.value <= 24:
                        q.norm = f"{int(q.value):02d}:00"
                    q.kind, q.qualifier, q.i0 = "time", None, q.i0 - 1   # الساعة الواحدة
                    return q
                unit = self._time_unit_before(words, q.i0)
                if unit:
                    if any(f in lx.unit_singulars for f in strip_clitics(prev)[1:]) and q.value != 1:
                        q.kind, q.qualifier, q.i0 = "ordinal", None, q.i0 - 1   # القرن العشرين، العام الخامس
                        return q
                    q.kind, q.unit, q.i0 = "duration", unit, q.i0 - 1
        elif q.kind == "count" and not q.unit and q.qualifier == "vague" and q.i0 - 1 >= floor \
                and not words[q.i0 - 1].startswith("ال") and q.low is not None and q.low < 10:
            # (a few, said after its noun; ملايين، آلاف stand before theirs: كل عام ملايين الإخطارات)
            unit = self._time_unit_before(words, q.i0)
            if unit:
                q.kind, q.unit, q.i0 = "duration", unit, q.i0 - 1   # لأشهر عدة: a few months
        if self.kinds.number_words_kind(words, q, floor):
            return q
        if q.kind != "spec" and q.sense != "age":
            nk = self.kinds.kind_of(toks, words, q, floor, range_parts)
            if nk:
                q.kind = nk
                q.qualifier = None
                q.unit = None
        if q.kind in NONQUANTITY_KINDS:
            if q.value is None and q.low is not None and q.kind == "year":
                q.value = q.low
                if q.high is not None and q.high < 100:  # 1950-53 is 1950 to 1953
                    q.high = (q.low // 100) * 100 + q.high + (100 if q.high < q.low % 100 else 0)
            return q
        self.bounds(q)
        return q

    def _fraction_after_unit(self, words, q: Quantity) -> None:
        """5 أعوام ونصف، ثلاث ساعات وربع، 3 كيلومترات ونصف: a fraction joined after the figure's noun
        adds to the figure (and may name the unit again: ونصف العام)."""
        n = len(words)
        if q.kind not in ("duration", "distance", "measure") or q.value is None or q.qualifier == "range" \
                or q.i1 >= n or not words[q.i1].startswith("و"):
            return
        hit = self.word_number(words[q.i1])
        if not hit or hit[0] != "fraction" or words[q.i1].endswith(self.lx.fraction_suffixes):
            return  # only the joined form (ونصف، وربع), not a share (ونصفه)
        q.value = clean(q.value + hit[1])
        q.low = q.high = q.value
        q.unit_end = q.i1
        q.i1 += 1
        um = self.lx.units.match(words, q.i1) if q.i1 < n else None
        if um and um[1] == (q.kind, q.unit):
            q.i1 += um[0]  # 5 سنوات ونصف السنة

    def bounds(self, q: Quantity) -> None:
        v = q.value
        t = self.lx.tolerance
        if q.qualifier == "exact":
            q.low, q.high = v * (1 - t["exact"]), v * (1 + t["exact"])
        elif q.qualifier == "approx":
            q.low, q.high = v * (1 - t["approx"]), v * (1 + t["approx"])
        elif q.qualifier in ("at_least", "more_than"):
            q.low, q.high = v, None
        elif q.qualifier in ("less_than", "up_to"):
            q.low, q.high = 0.0, v
        if q.low is not None:
            q.low = clean(q.low)
        if q.high is not None:
            q.high = clean(q.high)

    def _people_follow(self, words, j) -> bool:
        m = self.lx.counted.match(words, j) if j < len(words) else None
        return bool(m and self.lx.concepts.get(m[1], {}).get("human"))

@lru_cache(maxsize=1)
def parser() -> Parser:
    """The process-wide parser: it holds the lexicon and its caches."""
    return Parser()


def parse_number(text: str) -> float | None:
    """The value of a numeral written alone ("60،000", "ثلاثة آلاف وخمسمئة")."""
    from ..reading.arabic import normalise
    toks = tokenize(normalise(text).strip())
    if not toks:
        return None
    p = parser()
    words = [t.text for t in toks]
    c = p.core(toks, words, 0)
    if c is None or c[1] != len(toks):
        return None
    return clean(c[0])
