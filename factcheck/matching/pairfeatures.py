"""The evidence that two figures speak of the same quantity, as numbers.

Each candidate pair becomes one row of features; none decides on its own.
The strongest is how alike the words around the two figures are (character
n-gram TF-IDF, figures masked): outlets rewriting one wire story keep its
words and change, or mistype, its numbers.  The frame adds the rest: the
counted noun, its concept, the event, the entities, the time apart, the scope
cues, the attribution and how far apart the figures are.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from ..reading.arabic import normalise, skeleton
from .candidates import ONE_SIDED, Candidate, comparable_class, disagree, hours, rel_gap, rescaled, significant_digits
from .frames import figure_span, is_age, reading
from ..figures.claims import Claim
from ..lexicon import load

WINDOW = 60          # characters either side of the figure that describe it
_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+([.,٫٬][0-9٠-٩۰-۹]+)*")
KINDS = ("count", "percent", "money", "duration", "distance", "measure", "date", "year", "ordinal", "score")
BOUNDED = ("at_least", "more_than", "less_than", "up_to", "range", "approx")

FEATURES = (
    "context_similarity", "sentence_similarity", "title_similarity", "document_similarity",
    "same_counted", "counted_similarity", "same_concept", "other_concept", "no_concept",
    "same_event", "other_event", "part_event", "no_event", "one_event",
    "near_words", "near_words_weighted", "previous_word_same", "age", "age_other_words", "shared_entities", "other_entities", "other_places", "same_attribution", "other_attribution",
    "hours_apart", "same_day_named",
    "echoed", "other_unit", "log_ratio", "gap", "one_apart", "same_digits", "either_bounded", "either_in_title",
    "round_pair",
) + tuple("kind_" + k for k in KINDS)
# Not features: the scope cues.  Fitted on a few dozen labelled contradictions,
# their weights would learn how that gold's scopes happen to be misread; scopes
# that say two figures differ are vetoes (candidates.incompatible) instead.


def context(c: Claim) -> str:
    """The words either side of the figure, the figure itself masked."""
    s = c.sentence
    i, j = figure_span(c) or (0, 0)
    left, right = s[max(0, i - WINDOW):i], s[j:j + WINDOW]
    return normalise(_DIGITS.sub("0", left) + " # " + _DIGITS.sub("0", right))


_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=8)
def _skeletons_of(words: frozenset[str]) -> frozenset[str]:
    """The skeletons of a lexicon word list, once a list (an overlay's list is another key)."""
    return frozenset(skeleton(w) for w in words)


def near_words(c: Claim, n: int = 4) -> tuple[frozenset[str], frozenset[str]]:
    """The skeletons of the n words either side of the figure, and of the word just before it
    (for a year, also the word before its year noun: بحلول عام 2022 and بحلول 2023 say alike)."""
    span = figure_span(c)
    if span is None:
        return frozenset(), frozenset()
    left = [skeleton(w) for w in _WORD.findall(normalise(c.sentence[:span[0]]))]
    right = [skeleton(w) for w in _WORD.findall(normalise(c.sentence[span[1]:]))][:n]
    before = {left[-1]} if left else set()
    if c.kind == "year":
        bare = left
        nouns = _skeletons_of(load().words["pairs"]["year_nouns"])  # words.toml [pairs]
        while bare and bare[-1] in nouns:
            bare = bare[:-1]
        before |= {bare[-1]} if bare else set()
    return frozenset(left[-n:] + right), frozenset(before)


def masked_sentence_text(sentence: str) -> str:
    return normalise(_DIGITS.sub("0", sentence))


def _rows_cosine(matrix, left: np.ndarray, right: np.ndarray, chunk: int = 20_000) -> np.ndarray:
    """Cosine of rows left[i] and right[i] of an L2-normalised sparse matrix,
    a chunk of pairs at a time (memory stays flat however many pairs)."""
    out = np.zeros(len(left))
    for s in range(0, len(left), chunk):
        lo, hi = left[s:s + chunk], right[s:s + chunk]
        out[s:s + chunk] = np.asarray(matrix[lo].multiply(matrix[hi]).sum(axis=1)).ravel()
    return out


def _vectorise(texts: list[str], analyzer: str = "char_wb"):
    """TF-IDF rows: character 2-4-grams (spelling variants meet), or words."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    if analyzer == "word":
        vec = TfidfVectorizer(analyzer="word", token_pattern=r"[^\W\d_]{2,}|0+", sublinear_tf=True, dtype=np.float64)
    else:
        vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, dtype=np.float32)
    return vec.fit_transform(texts)


def _counted_key(c: Claim) -> str:
    return skeleton(normalise(c.counted)) if c.counted else ""


def _figure(c: Claim):
    """A figure as written, without its unit: within a class of durations, 14
    days in one report and 14 years in the other echo each other's number."""
    return (c.value, c.low, c.high, getattr(c, "norm", None))


def echoed_both_ways(a: Claim, b: Claim, written: dict[tuple, set]) -> bool:
    """Each report also gives the other's figure, in the same unit (a list of
    dates, a before and after, 20 years and 20 days in both): the two reports
    say the same things, whichever pair is taken.  `written` is
    figure_values(claims, units=True)."""
    k = comparable_class(a)
    return (*_figure(b), b.unit) in written.get((a.doc, k), ()) and (*_figure(a), a.unit) in written.get((b.doc, k), ())


def given_together(a: Claim, b: Claim, reports: list[str], values: dict[tuple, set]) -> bool:
    """A third report of the story (`reports`: its documents) gives both figures
    as counts of the thing both count (70 missiles in all, 60 air-to-surface
    and 10 more): it tells them apart as two quantities, a whole and its part,
    two sources or two stages.  (One of the two giving both may be its own
    slip.)  Only for figures that say what they count: a third, a fourth or a
    date stands in too many reports for too many things.  `values` is
    figure_values(claims)."""
    if a.concept is None or a.concept != b.concept:
        return False
    k, fa, fb = comparable_class(a), (*_figure(a), a.concept), (*_figure(b), b.concept)
    return any(doc not in (a.doc, b.doc) and fa in values.get((doc, k), ()) and fb in values.get((doc, k), ())
               for doc in reports)


def gives_both(a: Claim, b: Claim, claims: dict[str, list[Claim]]) -> bool:
    """One of the two reports also gives the other's figure, in the same unit,
    of the same thing as far as both say (what it counts, its event), not as a
    bound, which agrees with too much ("أكثر من 15 مليار"): that
    outlet agrees with the other one elsewhere ("15 مليون دولار" once, beside
    "15 مليار دولار" in its headline and lead: its own slip), or tells two
    quantities apart.  Either way the two outlets do not disagree, so it is
    to review, not an alarm.  `claims`: document -> its claims."""
    def alike(x: str | None, y: str | None) -> bool:
        return x is None or y is None or x == y

    def gives(own: Claim, x: Claim) -> bool:
        k = comparable_class(x)
        return any(y.unit == x.unit and comparable_class(y) == k and y.qualifier not in ONE_SIDED
                   and not disagree(x, y) and disagree(own, y)
                   and alike(y.concept, x.concept) and alike(y.event, x.event) for y in claims.get(own.doc, ()))
    return gives(a, b) or gives(b, a)


def bounded_figures(claims) -> dict[tuple, list[Claim]]:
    """(document, class) -> the figures the document gives with a bound or an
    approximation (أكثر من 35، نحو 100)."""
    out: dict[tuple, list[Claim]] = {}
    for c in claims:
        k = comparable_class(c)
        if k is not None and c.qualifier in BOUNDED:
            out.setdefault((c.doc, k), []).append(c)
    return out


def said_loosely(a: Claim, b: Claim, bounded: dict[tuple, list[Claim]]) -> bool:
    """a's report also gives a's number with a bound that b meets ("منذ أكثر
    من 35 عاما" in the headline, "منذ 35 عاما" in the text, and 40 elsewhere):
    the report's exact figure is that bound said loosely, not a disagreement."""
    def loose(x: Claim, y: Claim) -> bool:
        return x.qualifier == "exact" and any(
            o.value == x.value and o.unit == x.unit and not disagree(o, y)
            for o in bounded.get((x.doc, comparable_class(x)), ()))
    return loose(a, b) or loose(b, a)


def figure_values(claims, units: bool = False) -> dict[tuple, set]:
    """(document, class) -> the figures the document gives of that class,
    with their units when asked, else with what they count."""
    out: dict[tuple, set] = {}
    for c in claims:
        k = comparable_class(c)
        if k is not None:
            out.setdefault((c.doc, k), set()).add((*_figure(c), c.unit) if units else (*_figure(c), c.concept))
    return out


def echoes(c: Claim, doc: str, values: dict[tuple, set]) -> bool:
    """The document also gives c's figure, of the same thing as far as both say
    (4 people killed is not echoed by "بينهم أربعة أطفال")."""
    f = _figure(c)
    return any(v[:-1] == f and (v[-1] is None or c.concept is None or v[-1] == c.concept)
               for v in values.get((doc, comparable_class(c)), ()))


def same_digits(a: Claim, b: Claim) -> bool:
    """Two different figures written with the same digits in another order
    (5.8 and 8.5, 342 and 324, 24.5 and 25.4 million) or under another scale
    word (278 thousand and 278 million barrels): the commonest typing slips,
    so a sign of one quantity misreported, not of two."""
    if a.qualifier == "range" or b.qualifier == "range":
        return False
    if rescaled(a, b):
        return True
    if a.qualifier != "exact" or b.qualifier != "exact" or not a.value or not b.value or a.value == b.value:
        return False
    da, db = significant_digits(a.value), significant_digits(b.value)
    return len(da) >= 2 and da != db and sorted(da) == sorted(db)


def _round(v: float | None) -> bool:
    return v is not None and v >= 10 and v % 10 == 0


def _with_countries(entities: set[str], countries: dict[str, str] | None) -> set[str]:
    """The entities and the countries they belong to."""
    return entities | {countries[e] for e in entities if e in countries} if countries else entities


def _words_vectorise(bags: list[frozenset[str]]):
    from sklearn.feature_extraction.text import TfidfVectorizer
    vec = TfidfVectorizer(analyzer=lambda bag: sorted(bag), dtype=np.float64)
    return vec.fit_transform(bags)


def feature_matrix(cands: list[Candidate], titles: dict[str, str], ancestors,
                   values: dict[tuple, set] | None = None, age_cues: frozenset[str] = frozenset(),
                   countries: dict[str, str] | None = None) -> np.ndarray:
    """One row per candidate, columns in FEATURES order.  `ancestors(event)`
    lists an event and the events it is part of (lexicon); `values` maps
    (document, class) to the figures that document gives of that class: when
    each outlet also gives the other's figure, the two are two quantities."""
    n = len(cands)
    X = np.zeros((n, len(FEATURES)))
    if n == 0:
        return X
    claims: dict[str, Claim] = {}
    for k in cands:
        claims.setdefault(k.a.id, k.a)
        claims.setdefault(k.b.id, k.b)
    order = sorted(claims)
    index = {cid: i for i, cid in enumerate(order)}
    ctx = _vectorise([context(claims[c]) for c in order])
    sentences = {}
    for c in order:  # a sentence with several figures is vectorised once
        sentences.setdefault(claims[c].sentence, len(sentences))
    sent_rows = _vectorise([masked_sentence_text(t) for t in sentences], analyzer="word")
    doc_ids = sorted({claims[c].doc for c in order})
    doc_index = {d: i for i, d in enumerate(doc_ids)}
    tit = _vectorise([normalise(titles.get(d, "")) or "-" for d in doc_ids])
    left = np.array([index[k.a.id] for k in cands])
    right = np.array([index[k.b.id] for k in cands])
    col = {f: i for i, f in enumerate(FEATURES)}
    X[:, col["context_similarity"]] = _rows_cosine(ctx, left, right)
    near = {c: near_words(claims[c]) for c in order}
    if any(b for b, _ in near.values()):
        X[:, col["near_words_weighted"]] = _rows_cosine(_words_vectorise([near[c][0] | {"#"} for c in order]),
                                                        left, right)
    ages = np.array([is_age(claims[c], age_cues) for c in order])
    when = {c: hours(claims[c]) for c in order}  # parsed once a claim, not once a pair
    X[:, col["sentence_similarity"]] = _rows_cosine(
        sent_rows, np.array([sentences[k.a.sentence] for k in cands]), np.array([sentences[k.b.sentence] for k in cands]))
    X[:, col["title_similarity"]] = _rows_cosine(tit, np.array([doc_index[k.a.doc] for k in cands]),
                                                np.array([doc_index[k.b.doc] for k in cands]))
    for r, k in enumerate(cands):
        a, b = k.a, k.b
        f = X[r]
        f[col["document_similarity"]] = k.doc_similarity
        ka, kb = _counted_key(a), _counted_key(b)
        f[col["same_counted"]] = float(bool(ka) and ka == kb)
        f[col["counted_similarity"]] = fuzz.ratio(ka, kb) / 100.0 if ka and kb else 0.0
        if a.concept and b.concept:
            f[col["same_concept"] if a.concept == b.concept else col["other_concept"]] = 1.0
        else:
            f[col["no_concept"]] = 1.0
        if a.event and b.event:
            if a.event == b.event:
                f[col["same_event"]] = 1.0
            elif b.event in ancestors(a.event) or a.event in ancestors(b.event):
                f[col["part_event"]] = 1.0
            else:
                f[col["other_event"]] = 1.0
        elif not a.event and not b.event:
            dated = reading(a).dated  # two years of one event: a first film's (بدأت ... 1942، انطلقت ... 1940)
            f[col["same_event" if dated and dated == reading(b).dated else "no_event"]] = 1.0
        else:
            f[col["one_event"]] = 1.0  # an event said of one figure only (killed; troops in training)
        (na, pa), (nb, pb) = near[a.id], near[b.id]
        if ages[index[a.id]] or ages[index[b.id]]:
            f[col["age"]] = 1.0
            f[col["age_other_words"]] = 1.0 - f[col["near_words_weighted"]]
        f[col["near_words"]] = len(na & nb) / len(na | nb) if na | nb else 0.0
        f[col["previous_word_same"]] = float(bool(pa & pb))
        ea, eb = set(a.entities), set(b.entities)
        f[col["shared_entities"]] = len(ea & eb) / len(ea | eb) if ea | eb else 0.0
        # Atlético's points, Real's; not Aleppo's and Syria's, nor Trump's and America's (entities.toml country)
        f[col["other_entities"]] = float(bool(ea) and bool(eb) and not _with_countries(ea, countries) & _with_countries(eb, countries))
        if a.places and b.places and not any(fuzz.ratio(x, y) >= 80 for x in a.places for y in b.places):
            f[col["other_places"]] = 1.0
        if a.attribution_entity and b.attribution_entity:
            f[col["same_attribution"] if a.attribution_entity == b.attribution_entity
              else col["other_attribution"]] = 1.0
        elif a.attribution and b.attribution:
            same = fuzz.token_set_ratio(a.attribution, b.attribution) >= 85
            f[col["same_attribution"] if same else col["other_attribution"]] = 1.0
        ha, hb = when[a.id], when[b.id]
        f[col["hours_apart"]] = min(abs(ha - hb), 54.0) / 24.0 if ha is not None and hb is not None else 1.0
        f[col["same_day_named"]] = float(bool(set(a.days) & set(b.days)))
        va = a.value if a.value is not None else a.low
        vb = b.value if b.value is not None else b.low
        if va and vb and va > 0 and vb > 0 and a.kind not in ("date", "score"):
            f[col["log_ratio"]] = min(abs(math.log(va / vb)), 7.0)
            f[col["one_apart"]] = float(a.qualifier == b.qualifier == "exact" and abs(va - vb) <= 1)
            f[col["same_digits"]] = float(same_digits(a, b))
        f[col["gap"]] = rel_gap(a, b)
        if rescaled(a, b):  # a slip of the scale word: the figures as written are one apart in nothing but it
            f[col["log_ratio"]] = f[col["gap"]] = 0.0
        f[col["other_unit"]] = float(a.unit != b.unit)
        if values is not None:
            f[col["echoed"]] = float(echoes(b, a.doc, values) or echoes(a, b.doc, values))
        f[col["either_bounded"]] = float(a.qualifier in BOUNDED or b.qualifier in BOUNDED)
        f[col["either_in_title"]] = float(a.in_title or b.in_title)
        f[col["round_pair"]] = float(_round(a.value) and _round(b.value))
        if a.kind in KINDS:
            f[col["kind_" + a.kind]] = 1.0
    return X
