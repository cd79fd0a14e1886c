"""Domain knowledge, loaded from the TOML files beside this module.

Editors extend the checker by editing these files (or by pointing
FACTCHECK_LEXICON at a folder of files with the same names, whose entries
are merged over the built-in ones); no code changes.  Every form is
normalised here exactly as document text is, so lookups are plain dict hits.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..reading.arabic import clitic_forms, normalise, strip_clitics
from ..schema import SchemaError, validate as check
from ..reading.wordtest import positions

HERE = Path(__file__).parent
# Files read outside load() (by compare and report), through raw() all the same: validated, overlaid.
OTHER_FILES = {"explanations": HERE / "explanations.toml", "outlets": HERE / "outlets.toml", "teams": HERE / "teams.toml",
               "labels": HERE.parent / "publishing" / "report" / "labels.toml"}

# What each file may hold.  A dict lists the keys a table may have (all optional) with the
# schema of each value; "*" stands for any key (a concept, an entity, a number written as a
# key); [schema] is a list of such items; a type (or a tuple of types) is a plain value.
# Anything else in a file, built in or in a FACTCHECK_LEXICON overlay, is an error naming
# the file and the key.  Adding a key is one line here (and the code that reads it:
# tests/test_lexicon.py checks that every key declared here is read somewhere); a new
# file is one entry (NAME.toml beside this module).
WORDS = [str]
NUMBER = (int, float)
TEXT = {"ar": str, "en": str}
_BEFORE_AFTER = {"before": WORDS, "after": WORDS}
SCHEMA: dict[str, dict] = {
    "numbers": {
        "ones": {"*": WORDS}, "ten": {"forms": WORDS}, "tens": {"*": WORDS}, "hundreds": {"*": WORDS},
        "scales": {"*": {"multiplier": WORDS, "dual": WORDS}},
        "fractions": {"*": WORDS}, "possessive_fractions": {"*": WORDS},
        "fraction_rules": {"fraction_suffixes": WORDS, "possessive_endings": WORDS, "possessive_not": WORDS,
                           "fraction_not_before": WORDS,
                           "fraction_share_after_article": WORDS, "proportion": WORDS},
        "ordinals": {"*": WORDS},
        "not_numbers": {"forms": WORDS, "phrases": WORDS, "idioms": WORDS},
        "dual_nouns": {"after": WORDS},
        "vague": [{"forms": WORDS, "low": NUMBER, "high": NUMBER}],
    },
    "qualifiers": {
        "exact_tolerance": NUMBER, "approx_tolerance": NUMBER,
        "approx": _BEFORE_AFTER, "at_least": _BEFORE_AFTER, "more_than": _BEFORE_AFTER,
        "less_than": _BEFORE_AFTER, "up_to": _BEFORE_AFTER, "reaching": _BEFORE_AFTER,
        "range": {"open": WORDS, "join": WORDS},
        "subject": {"nouns": WORDS},
    },
    "units": {
        "percent": {"forms": WORDS},
        "money": {"*": WORDS}, "duration": {"*": WORDS}, "distance": {"*": WORDS}, "measure": {"*": WORDS},
        "calibre": {"units": WORDS, "context": WORDS},
        "exact_forms": {"*": WORDS},
        "bare": {"forms": WORDS},
        "dual": {"*": WORDS},
        "ratio": {"double": WORDS, "double_ambiguous": WORDS, "times_after": WORDS, "comparatives": WORDS},
        "age": _BEFORE_AFTER,
        "convert": {"*": {"to": str, "by": NUMBER}},
    },
    "nonquantity": {
        "year_before": WORDS, "year_after": WORDS, "ordinal_before": WORDS, "spec_before": WORDS, "name_before": WORDS,
        "model_prefixes": WORDS, "name_marks": WORDS, "glue_cues": WORDS, "current_month": WORDS,
        "time_before": WORDS, "time_after": WORDS, "minute_notes": WORDS, "zero_words": WORDS,
        "score_context": WORDS,
        "weekdays": {"*": int}, "relative_days": {"*": int}, "months": {"*": WORDS},
        "numbered": {"score_minute": str, "*": WORDS}, "numbered_digits": WORDS,
        "implied_month": {"current": WORDS, "same": WORDS, "next": WORDS, "previous": WORDS, "month": WORDS},
    },
    "scope": {"*": _BEFORE_AFTER},
    "counted": {"*": {"forms": WORDS, "duals": WORDS, "part_of": str, "human": bool, "event": str, "scope": str,
                      "tally": bool, "apart": bool}},
    "events": {"*": {"triggers": WORDS, "part_of": str, "cumulative": bool,
                     "alarm": bool}},  # written in events.toml, read by no code yet (see tests/test_lexicon.py)
    "updates": {"cues": WORDS, "provisional": WORDS, "margins": WORDS, "rose_between": WORDS, "markets": WORDS,
                "remaining_before": WORDS, "remaining_after": WORDS},
    "frames": {"age_cues": WORDS, "age_after_name": WORDS, "adjective_endings": WORDS, "person_nouns": WORDS, "elapsed_cues": WORDS, "elapsed_clitics": WORDS, "clock_minutes": WORDS,
               "record_cues": WORDS, "record_links": WORDS, "record_clitics": WORDS, "first_time": WORDS,
               "scoring_plain": WORDS,
               "until_cues": WORDS,
               "forecast_cues": WORDS, "possibility_cues": WORDS, "period_cues": WORDS,
               "earlier_event": {"open": WORDS, "times": WORDS, "link": WORDS, "alone": WORDS}, "dated_events": {"*": WORDS}},
    "attribution": {"before": WORDS, "stop": WORDS, "max_words": int},
    "entities": {"*": {"type": str, "names": WORDS, "nisba": WORDS, "country": str}},
    "words": {
        "claims": {"anaphors": WORDS, "skip_before_noun": WORDS, "stop_noun": WORDS, "recent": WORDS,
                   "place_words": WORDS, "of": WORDS, "joiners": WORDS, "count_words": WORDS, "loss_verbs": WORDS,
                   "relatives": WORDS, "plural_endings": WORDS, "no_accusative_alif": WORDS,
                   "conversion_links": WORDS},
        "stories": {"stop": WORDS},
        "anchors": {"plain": WORDS},
        "entities": {"nisba_endings": WORDS},
        "pairs": {"year_nouns": WORDS},
        "report": {"attribution_stop": WORDS, "definite": WORDS},
        "numbers": {"standalone_scales": WORDS, "needs_context": WORDS, "verb_before": WORDS, "no_article": WORDS,
                    "teen_only": WORDS,
                    "glue_prefixes": WORDS, "function_words": WORDS, "stop_after_sum": WORDS, "article": WORDS,
                    "sum_links": WORDS, "join_always": WORDS, "join_to": WORDS, "dual_prefixes": WORDS,
                    "dual_range": WORDS, "rise": WORDS, "counted_after": WORDS, "score_links": WORDS,
                    "score_nil": WORDS, "score_clean": WORDS, "score_hauls": {"*": int},
                    "score_one_goal": WORDS, "score_one": WORDS, "plural_endings_before_figure": WORDS,
                    "dual_endings": WORDS, "broken_plurals": WORDS, "sum_breaks": WORDS, "verb_forms": WORDS,
                    "not_counted_after": WORDS, "year_of": WORDS, "year_done": WORDS,
                    "year_age": WORDS},
    },
    "explanations": {"value_mismatch": TEXT, "bound_violated": TEXT, "part_exceeds_whole": TEXT, "update": TEXT,
                     "same_source": TEXT, "disputed": TEXT, "events": {"*": str}, "kinds": {"*": TEXT},
                     "ordinals": {"*": TEXT},
                     "review": {k: TEXT for k in ("told_apart", "own_report", "outlet", "three_values", "forecasts",
                                                  "estimates", "unanchored", "two_dates", "counts_in_progress")}},
    "outlets": {"*": {"ar": str, "en": str, "aliases": WORDS}},
    "teams": {"*": {"names": WORDS, "national": bool}},
    "labels": {
        "severity": {"*": TEXT}, "type": {"*": TEXT}, "tier": {"*": TEXT}, "decision": {"*": TEXT},
        "status": {"*": TEXT}, "attribution": {"*": TEXT}, "facet": {"*": TEXT}, "time_zone": {"utc": TEXT},
        "citations": [{"match": str, "text": str}],
        "attribution_words": {"lead": WORDS, "institutions": WORDS, "continue": WORDS, "dangling": WORDS,
                              "generic": WORDS},
    },
}


FILES = tuple(name for name in SCHEMA if name not in OTHER_FILES)  # the files load() reads into a Lexicon


class LexiconError(SchemaError):
    """A lexicon file is missing, malformed or holds what its schema does not declare;
    the message names the file (and the key)."""


def validate(data, schema, path, key: str = "") -> None:
    """Raise LexiconError naming `path` and the (dotted) key of the first value `schema` does not allow."""
    check(data, schema, path, key, error=LexiconError)


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        elif isinstance(v, list) and isinstance(out.get(k), list) and v and not isinstance(v[0], dict):
            out[k] = out[k] + [x for x in v if x not in out[k]]
        else:
            out[k] = v
    return out


def _parse(path: Path, name: str) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise LexiconError(f"{path}: {e}") from None
    validate(data, SCHEMA[name], path)
    return data


def _read(name: str, extra_dirs: tuple[str, ...]) -> dict:
    data = _parse(OTHER_FILES.get(name, HERE / f"{name}.toml"), name)
    for d in extra_dirs:
        p = Path(d) / f"{name}.toml"
        if p.exists():
            data = _merge(data, _parse(p, name))
    return data


def overlay_dirs() -> tuple[str, ...]:
    """The FACTCHECK_LEXICON folders (separated by os.pathsep), whose files are merged over the built-in ones."""
    return tuple(d for d in os.environ.get("FACTCHECK_LEXICON", "").split(os.pathsep) if d)


def raw(name: str, extra_dirs: tuple[str, ...] | None = None) -> dict:
    """One file's data as written (built in, merged with the overlays), validated: for the
    files used as they are (explanations, outlets, the report's labels)."""
    return _raw(name, overlay_dirs() if extra_dirs is None else extra_dirs)


@lru_cache(maxsize=64)
def _raw(name: str, extra_dirs: tuple[str, ...]) -> dict:
    return _read(name, extra_dirs)


def phrase(text: str) -> tuple[str, ...]:
    """A lexicon form as a tuple of normalised tokens."""
    from ..reading.tokens import tokenize  # local: tokens imports nothing from here
    return tuple(t.text for t in tokenize(normalise(text)))


class PhraseTable:
    """Multi-word phrases, found by their first token (with clitics stripped)."""

    def __init__(self, items: list[tuple[tuple[str, ...], object]]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for words, payload in items:
            if words:
                self.by_first.setdefault(words[0], []).append((words, payload))
        for lst in self.by_first.values():
            lst.sort(key=lambda x: -len(x[0]))
        self.max_len = max((len(w) for w, _ in items if w), default=0)
        self._candidates: dict[str, tuple] = {}  # word (clitics allowed) -> phrases it may start
        self.starters = clitic_forms(self.by_first)  # the words forms_starting() finds phrases for

    def forms_starting(self, word: str) -> tuple:
        """The phrases that may start with this word (clitics allowed), cached."""
        c = self._candidates.get(word)
        if c is None:
            c = tuple(e for first in strip_clitics(word) for e in self.by_first.get(first, ()))
            if len(self._candidates) < 300_000:
                self._candidates[word] = c
        return c

    def match(self, words: list[str], i: int, clitics: bool = True):
        """(length, payload) of the longest phrase starting at words[i], or None."""
        if i >= len(words):
            return None
        w = words[i]
        if w not in self.starters:  # the common case: most words start nothing, with or without clitics
            return None
        if clitics:
            cands = self._candidates.get(w)
            if cands is None:
                cands = self.forms_starting(w)
        else:
            cands = self.by_first.get(w, ())
            if not cands:
                return None
        size = len(words)
        for phr, payload in cands:
            n = len(phr)
            if n == 1:
                return 1, payload
            if i + n <= size and words[i + 1] == phr[1] and all(words[i + k] == phr[k] for k in range(2, n)):
                return n, payload  # (the second word first: most phrases part there)
        return None

    def starts(self, words: list[str]) -> list[int]:
        """Indices of the words that may start a phrase (clitics allowed): a scan
        of a sentence asks match() only there."""
        return positions(words, self.starters)

    def scan(self, words: list[str]) -> list[tuple[int, int, object]]:
        """(start, length, payload) of each phrase, left to right, none overlapping."""
        out = []
        k = 0
        for i in self.starts(words):
            if i < k:
                continue
            m = self.match(words, i)
            if m:
                out.append((i, m[0], m[1]))
                k = i + m[0]
        return out

    def match_ending(self, words: list[str], end: int, clitics: bool = True):
        """(length, payload) of the longest phrase ending just before words[end]."""
        best = None
        starters, size = self.starters, len(words)
        for n in range(min(self.max_len, end), 0, -1):
            if end - n < size and words[end - n] not in starters:
                continue  # starts no phrase: match() would say so
            m = self.match(words, end - n, clitics)
            if m and m[0] == n:
                best = m
                break
        return best


@dataclass
class Lexicon:
    number_words: dict[str, tuple[str, float]] = field(default_factory=dict)  # form -> (type, value)
    fraction_not_before: set[str] = field(default_factory=set)
    fraction_suffixes: tuple[str, ...] = ()
    possessive_endings: tuple[str, ...] = ()  # نصفهم، and خمس قيمتها: the endings after a possessive fraction
    possessive_fractions: dict[str, float] = field(default_factory=dict)  # خمس before قيمتها: a fifth
    possessive_not: frozenset[str] = frozenset()  # بينهما, منها: a possessive ending on no possessed noun
    not_numbers: set[str] = field(default_factory=set)
    not_number_phrases: "PhraseTable" = None  # names whose first word reads as a number (وست هام)
    number_idioms: "PhraseTable" = None  # idioms that end in a number word (في آن واحد)
    fraction_share_after_article: set[str] = field(default_factory=set)
    ordinal_words: dict[str, int] = field(default_factory=dict)   # الثانية -> 2
    age_before: "PhraseTable" = None
    age_after: "PhraseTable" = None
    dual_units: dict[str, tuple[str, str]] = field(default_factory=dict)  # عامين -> (duration, year)
    unit_convert: dict[str, tuple[str, float]] = field(default_factory=dict)  # mile -> (km, 1.609344)
    comparatives: set[str] = field(default_factory=set)
    subject_nouns: set[str] = field(default_factory=set)
    units_exact: dict[str, tuple[str, str]] = field(default_factory=dict)
    zero_words: set[str] = field(default_factory=set)
    proportion: "PhraseTable" = None
    ratio_double: set[str] = field(default_factory=set)
    ratio_ambiguous: set[str] = field(default_factory=set)
    ratio_after: set[str] = field(default_factory=set)
    vague: PhraseTable = None
    qualifiers_before: PhraseTable = None
    qualifiers_after: PhraseTable = None
    tolerance: dict[str, float] = field(default_factory=dict)
    range_open: set[str] = field(default_factory=set)
    range_join: set[str] = field(default_factory=set)
    units: PhraseTable = None           # payload (kind, unit)
    unit_singulars: set[str] = field(default_factory=set)  # first form of each unit: "نحو ساعة" = 1 hour
    bare_unit_starts: set[str] = field(default_factory=set)  # ... and its first word: "حوالي نقطة مئوية"
    calibre_units: set[str] = field(default_factory=set)
    calibre_context: set[str] = field(default_factory=set)
    months: PhraseTable = None
    year_before: PhraseTable = None
    year_after: set[str] = field(default_factory=set)
    ordinal_before: set[str] = field(default_factory=set)
    spec_before: set[str] = field(default_factory=set)
    name_before: set[str] = field(default_factory=set)  # a number word with the article after it is a name
    model_prefixes: set[str] = field(default_factory=set)
    current_month: set[str] = field(default_factory=set)
    numbered: dict[str, str] = field(default_factory=dict)   # المجموعة, دورته -> مجموعة, دورة
    score_minute: str | None = None
    numbered_digits: dict[str, str] = field(default_factory=dict)  # المرة -> مرة: numbers digits only
    score_hauls: dict[str, int] = field(default_factory=dict)  # ثلاثية -> 3 (words.toml score_hauls)
    implied_month: PhraseTable = None   # payload "current" / "same" / "next" / "previous"
    month_word: set[str] = field(default_factory=set)
    dual_nouns: dict[str, str] = field(default_factory=dict)   # شخصان -> people
    dual_after: set[str] = field(default_factory=set)          # بفارق
    glue_cues: set[str] = field(default_factory=set)
    name_marks: set[str] = field(default_factory=set)
    time_before: set[str] = field(default_factory=set)
    time_after: set[str] = field(default_factory=set)
    minute_notes: "PhraseTable" = None  # after a scorer's minute in its brackets (71 من ركلة جزاء)
    score_context: set[str] = field(default_factory=set)
    days: PhraseTable = None            # payload ("weekday", 0-6) or ("relative", offset)
    scope_after: PhraseTable = None
    scope_before: PhraseTable = None
    concepts: dict[str, dict] = field(default_factory=dict)
    counted: PhraseTable = None         # payload concept id
    events: dict[str, dict] = field(default_factory=dict)
    triggers: PhraseTable = None        # payload event id
    attribution: PhraseTable = None
    attribution_stop: set[str] = field(default_factory=set)
    attribution_max: int = 4
    entities: dict[str, dict] = field(default_factory=dict)
    entity_country: dict[str, str] = field(default_factory=dict)  # Aleppo's, Assad's: syria
    entity_forms: PhraseTable = None    # payload entity id
    age_cues: frozenset[str] = frozenset()  # words before a figure in years that make it an age (frames.toml)
    person_nouns: frozenset[str] = frozenset()  # nouns for a person, not names, that may hold an age (frames.toml)
    age_after_name: frozenset[str] = frozenset()  # adjectives of age after a name (البالغ): frames.toml
    adjective_endings: tuple[str, ...] = ()  # endings of an adjective of origin, not a name (frames.toml)
    elapsed_cues: frozenset[str] = frozenset()  # ... in months or years that make it time since an event
    elapsed_clitics: frozenset[str] = frozenset()  # the letters joined before an elapsed cue (frames.toml)
    clock_minutes: frozenset[str] = frozenset()  # what an ordinal numbers when it is a match minute (frames.toml)
    record_cues: frozenset[str] = frozenset()  # superlatives that make a duration a record's span (frames.toml)
    record_links: frozenset[str] = frozenset()  # ... and the words between the record and its span
    record_clitics: frozenset[str] = frozenset()  # the letters joined before a record's superlative
    scoring_plain: frozenset[str] = frozenset()  # words beside a match minute that say a goal was scored, not which
    first_time: frozenset[str] = frozenset()  # "for the first time (in)", "after an absence of": a span since the last time
    forecast_cues: frozenset[str] = frozenset()  # words that make a figure a forecast (frames.toml)
    possibility_cues: frozenset[str] = frozenset()  # words and word pairs that make it what may be (frames.toml)
    period_cues: frozenset[str] = frozenset()  # words that make years a term or a span, no one's age (frames.toml)
    until_cues: frozenset[str] = frozenset()  # words that make a date the end of a span (frames.toml)
    earlier_event: dict = field(default_factory=dict)  # open/times/link: "بعد أيام على" an earlier event (frames.toml)
    dated_events: dict = field(default_factory=dict)  # word -> what a year beside it dates: born, founded (frames.toml)
    update_cues: tuple[str, ...] = ()   # normalised phrases that call a figure revised (updates.toml)
    provisional_cues: tuple[str, ...] = ()  # ... that say a report's own figure will change
    margin_cues: tuple[str, ...] = ()   # ... that make a tally a margin between two (بفارق)
    market_cues: tuple[str, ...] = ()   # ... that make a figure a market quote, moving by the hour
    remaining_before: tuple[str, ...] = ()  # ... before a figure, that make it a countdown (تبقت 4 جولات)
    remaining_after: tuple[str, ...] = ()   # ... after it (قبل خمس جولات على النهاية)
    rise_words: frozenset[str] = frozenset()  # ... that, between two figures, say the first rose to the second
    # words.toml: section (the module reading it) -> key -> its normalised words
    words: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    plural_endings: tuple[str, ...] = ()  # words.toml [claims], in their order: cut from an unknown noun

    def concept_ancestors(self, concept: str | None) -> list[str]:
        """The concept and those it is part of (civilians, people), nearest first."""
        return _ancestors(self.concepts, concept)

    def event_ancestors(self, event: str | None) -> list[str]:
        """The event and those it is part of (killed, killed_or_wounded), nearest first."""
        return _ancestors(self.events, event)


def _ancestors(table: dict, key: str | None) -> list[str]:
    out, seen = [], set()
    while key and key not in seen:  # a cycle in an editor's file ends the walk, not the run
        seen.add(key)
        out.append(key)
        key = table.get(key, {}).get("part_of")
    return out


def _nisba_forms(stem: str, endings: list[str]) -> list[str]:
    """An adjective of origin in every form it takes (سوري، سورية، سوريين…): words.toml [entities]."""
    return [stem + e for e in endings]


def _accusatives(forms: list[str], listed: set[str], no_alif: tuple[str, ...]) -> list[str]:
    """The indefinite accusative of each one-word form (صاروخ -> صاروخا, 60 صاروخا): the
    counted noun after 11 to 99 takes it, and listing it for every noun is an editor's
    chore.  Not for forms whose accusative writes no alif (words.toml `no_accusative_alif`:
    قذيفة; جندي -> جنديا is listed by hand) nor where some concept lists the word already
    (`listed`: every concept's forms, normalised)."""
    out = []
    for f in forms:
        n = normalise(f)
        if " " not in f.strip() and not n.endswith(no_alif) and n + "ا" not in listed:
            out.append(n + "ا")
    return out


@lru_cache(maxsize=8)
def load(extra_dirs: tuple[str, ...] | None = None) -> Lexicon:
    """The lexicon: built-in files, merged with FACTCHECK_LEXICON folders."""
    if extra_dirs is None:
        extra_dirs = overlay_dirs()
    raw = {name: _read(name, extra_dirs) for name in FILES}
    lx = Lexicon()

    num = raw["numbers"]
    words: dict[str, tuple[str, float]] = {}

    def add(forms, typ, value):
        for f in forms:
            words[normalise(f)] = (typ, float(value))
    for v, forms in num["ones"].items():
        add(forms, "one", int(v))
    add(num["ten"]["forms"], "ten", 10)
    for v, forms in num["tens"].items():
        add(forms, "tens", int(v))
    for v, forms in num["hundreds"].items():
        add(forms, "hundred", int(v))
    for v, d in num["scales"].items():
        add(d.get("multiplier", []), "scale", int(v))
        add(d.get("dual", []), "dual_scale", 2 * int(v))
    fr = num.get("fraction_rules", {})
    for v, forms in num.get("fractions", {}).items():
        add(forms, "fraction", float(v))
        add([f + suf for f in forms if not f.startswith("و") for suf in fr.get("fraction_suffixes", [])],
            "fraction", float(v))
    lx.fraction_not_before = {normalise(f) for f in fr.get("fraction_not_before", [])}
    lx.fraction_share_after_article = {normalise(f) for f in fr.get("fraction_share_after_article", [])}
    lx.fraction_suffixes = tuple(normalise(f) for f in fr.get("fraction_suffixes", []))
    lx.possessive_endings = tuple(normalise(f) for f in fr.get("possessive_endings", []))
    lx.possessive_not = frozenset(normalise(f) for f in fr.get("possessive_not", []))
    lx.possessive_fractions = {normalise(f): float(v) for v, forms in num.get("possessive_fractions", {}).items()
                               for f in forms}
    lx.proportion = PhraseTable([(phrase(f), "share") for f in fr.get("proportion", [])])
    lx.ordinal_words = {normalise(f): int(v) for v, forms in num.get("ordinals", {}).items() for f in forms}
    for f in num.get("not_numbers", {}).get("forms", []):
        words.pop(normalise(f), None)
    lx.not_numbers = {normalise(f) for f in num.get("not_numbers", {}).get("forms", [])}
    lx.not_number_phrases = PhraseTable([(phrase(f), "name") for f in num.get("not_numbers", {}).get("phrases", [])])
    lx.number_idioms = PhraseTable([(phrase(f), "idiom") for f in num.get("not_numbers", {}).get("idioms", [])])
    lx.number_words = words
    lx.vague = PhraseTable([(phrase(f), (v.get("low"), v.get("high")))
                            for v in num.get("vague", []) for f in v["forms"]])

    q = raw["qualifiers"]
    before, after = [], []
    for name in ("approx", "at_least", "more_than", "less_than", "up_to"):
        before += [(phrase(f), name) for f in q.get(name, {}).get("before", [])]
        after += [(phrase(f), name) for f in q.get(name, {}).get("after", [])]
    before += [(phrase(f), "exact") for f in q.get("reaching", {}).get("before", [])]
    lx.qualifiers_before = PhraseTable(before)
    lx.subject_nouns = {normalise(f) for f in q.get("subject", {}).get("nouns", [])}
    lx.qualifiers_after = PhraseTable(after)
    lx.tolerance = {"exact": float(q.get("exact_tolerance", 0.0)),
                    "approx": float(q.get("approx_tolerance", 0.1))}
    lx.range_open = {normalise(f) for f in q.get("range", {}).get("open", [])}
    lx.range_join = {normalise(f) for f in q.get("range", {}).get("join", [])}

    u = raw["units"]
    items = [(phrase(f), ("percent", "%")) for f in u.get("percent", {}).get("forms", [])]
    for kind in ("money", "duration", "distance", "measure"):
        for unit, forms in u.get(kind, {}).items():
            items += [(phrase(f), (kind, unit)) for f in forms]
            if forms and kind in ("duration", "distance", "measure"):
                lx.unit_singulars.add(normalise(forms[0]))
                lx.bare_unit_starts.add(normalise(forms[0]).split()[0])  # نقطة of نقطة مئوية
    lx.units = PhraseTable(items)
    kind_of = {unit: kind for kind in ("distance", "measure") for unit in u.get(kind, {})}
    for unit, c in u.get("convert", {}).items():
        if kind_of.get(unit) is None or kind_of.get(unit) != kind_of.get(c["to"]) or c["by"] <= 0:
            raise LexiconError(f"units.toml: [convert] {unit} = {c}: both units must be of one kind "
                               f"(distance or measure) and `by` positive")
        lx.unit_convert[unit] = (c["to"], float(c["by"]))
    lx.units_exact = {normalise(f): ("money", code) for code, forms in u.get("exact_forms", {}).items() for f in forms}
    lx.unit_singulars |= {normalise(f) for f in u.get("bare", {}).get("forms", [])}
    lx.bare_unit_starts |= lx.unit_singulars
    lx.dual_units = {normalise(f): ("duration", unit) for unit, forms in u.get("dual", {}).items() for f in forms}
    r = u.get("ratio", {})
    lx.ratio_double = {normalise(f) for f in r.get("double", [])}
    lx.ratio_ambiguous = {normalise(f) for f in r.get("double_ambiguous", [])}
    lx.ratio_after = {normalise(f) for f in r.get("times_after", [])}
    lx.comparatives = {normalise(f) for f in r.get("comparatives", [])}
    lx.age_before = PhraseTable([(phrase(f), "age") for f in u.get("age", {}).get("before", [])])
    lx.age_after = PhraseTable([(phrase(f), "age") for f in u.get("age", {}).get("after", [])])
    lx.calibre_units = {normalise(f) for f in u.get("calibre", {}).get("units", [])}
    lx.calibre_context = {normalise(f) for f in u.get("calibre", {}).get("context", [])}

    nq = raw["nonquantity"]
    lx.months = PhraseTable([(phrase(f), int(n)) for n, forms in nq.get("months", {}).items() for f in forms])
    lx.year_before = PhraseTable([(phrase(f), "year") for f in nq.get("year_before", [])])
    lx.year_after = {normalise(f) for f in nq.get("year_after", [])}
    lx.ordinal_before = {normalise(f) for f in nq.get("ordinal_before", [])}
    lx.spec_before = {normalise(f) for f in nq.get("spec_before", [])}
    lx.name_before = {normalise(f) for f in nq.get("name_before", [])}
    lx.model_prefixes = {normalise(f) for f in nq.get("model_prefixes", [])}
    lx.current_month = {normalise(f) for f in nq.get("current_month", [])}
    nb = dict(nq.get("numbered", {}))
    lx.score_minute = nb.pop("score_minute", None)
    lx.numbered = {normalise(f): lemma for lemma, forms in nb.items() for f in forms}
    lx.numbered_digits = {normalise(f): f.removeprefix("ال") for f in nq.get("numbered_digits", [])}
    im = nq.get("implied_month", {})
    lx.implied_month = PhraseTable([(phrase(f), "current") for f in nq.get("current_month", [])] +
                                   [(phrase(f), name) for name in ("current", "same", "next", "previous")
                                    for f in im.get(name, [])])
    lx.month_word = {normalise(f) for f in im.get("month", [])}
    lx.glue_cues = {normalise(f) for f in nq.get("glue_cues", [])}
    lx.name_marks = {normalise(f) for f in nq.get("name_marks", [])}
    lx.time_before = {normalise(f) for f in nq.get("time_before", [])}
    lx.time_after = {normalise(f) for f in nq.get("time_after", [])}
    lx.minute_notes = PhraseTable([(phrase(f), "note") for f in nq.get("minute_notes", [])])
    lx.score_context = {normalise(f) for f in nq.get("score_context", [])}
    lx.zero_words = {normalise(f) for f in nq.get("zero_words", [])}

    lx.days = PhraseTable([(phrase(f), ("weekday", int(n))) for f, n in nq.get("weekdays", {}).items()] +
                          [(phrase(f), ("relative", int(n))) for f, n in nq.get("relative_days", {}).items()])

    sc = raw["scope"]
    lx.scope_after = PhraseTable([(phrase(f), name) for name, d in sc.items() for f in d.get("after", [])])
    lx.scope_before = PhraseTable([(phrase(f), name) for name, d in sc.items() for f in d.get("before", [])])

    lx.concepts = raw["counted"]
    listed = [(f, cid) for cid, d in lx.concepts.items() for f in d.get("forms", []) + d.get("duals", [])]
    no_alif = tuple(normalise(e) for e in raw["words"]["claims"].get("no_accusative_alif", []))
    listed_forms = {normalise(f) for f, _ in listed}
    lx.counted = PhraseTable([(phrase(f), cid) for f, cid in listed] +
                             [(phrase(f), cid) for cid, d in lx.concepts.items()
                              for f in _accusatives(d.get("forms", []), listed_forms, no_alif)])
    lx.dual_nouns = {normalise(f): cid for cid, d in lx.concepts.items() for f in d.get("duals", [])}
    lx.dual_after = {normalise(f) for f in num.get("dual_nouns", {}).get("after", [])}
    lx.events = raw["events"]
    lx.triggers = PhraseTable([(phrase(f), eid) for eid, d in lx.events.items() for f in d.get("triggers", [])])

    at = raw["attribution"]
    lx.attribution = PhraseTable([(phrase(f), "source") for f in at.get("before", [])])
    lx.attribution_stop = {normalise(f) for f in at.get("stop", [])}
    lx.attribution_max = int(at.get("max_words", 4))

    for key, kind in SCHEMA["frames"].items():  # each word list of frames.toml, declared once in SCHEMA
        if kind is WORDS:
            setattr(lx, key, frozenset(normalise(f) for f in raw["frames"].get(key, [])))
    lx.adjective_endings = tuple(sorted(lx.adjective_endings))  # for str.endswith
    lx.earlier_event = {k: frozenset(normalise(f) for f in v) for k, v in raw["frames"].get("earlier_event", {}).items()}
    for event, forms in sorted(raw["frames"].get("dated_events", {}).items()):
        for f in forms:
            other = lx.dated_events.setdefault(normalise(f), event)
            if other != event:  # one word, two readings of a year: which would the year be of?
                raise LexiconError(f"frames.toml: [dated_events] '{f}' is listed under both {other} and {event}")
    for attr, key in (("update_cues", "cues"), ("provisional_cues", "provisional"), ("margin_cues", "margins"),
                      ("market_cues", "markets"), ("remaining_before", "remaining_before"),
                      ("remaining_after", "remaining_after")):  # updates.toml's phrase lists, sorted
        setattr(lx, attr, tuple(sorted({normalise(f) for f in raw["updates"].get(key, [])})))
    lx.rise_words = frozenset(normalise(f) for f in raw["updates"].get("rose_between", []))
    lx.words = {section: {key: frozenset(normalise(f) for f in forms) for key, forms in keys.items()
                          if not isinstance(forms, dict)}
                for section, keys in raw["words"].items()}
    lx.score_hauls = {normalise(f): int(n) for f, n in raw["words"]["numbers"].get("score_hauls", {}).items()}
    lx.plural_endings = tuple(dict.fromkeys(normalise(f) for f in raw["words"]["claims"]["plural_endings"]))
    lx.entities = raw["entities"]
    for eid, d in sorted(lx.entities.items()):
        if "country" in d and lx.entities.get(d["country"], {}).get("type") != "country":
            raise LexiconError(f"entities.toml: [{eid}] country = '{d['country']}' names no entity of type country")
    lx.entity_country = {eid: d["country"] for eid, d in lx.entities.items() if "country" in d}
    ent_items = []
    for eid, d in lx.entities.items():
        forms = list(d.get("names", []))
        for stem in d.get("nisba", []):
            forms += _nisba_forms(stem, raw["words"]["entities"]["nisba_endings"])
        ent_items += [(phrase(f), eid) for f in forms]
    lx.entity_forms = PhraseTable(ent_items)
    return lx
