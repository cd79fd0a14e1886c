"""Arabic normalisation that keeps offsets into the original text.

CAMeL Tools' normalisers are the source of truth for what counts as the same
letter (alef forms, alef maksura, teh marbuta, diacritics).  They change the
length of a string, and CAMeL's `arclean` map turns the decimal separator
(U+066B) into a comma, so numbers cannot be parsed on their output.  Here the
same rules are compiled, once, into a per-character table: every character
either maps to one character or is dropped, and `Normalised.offsets` maps each
normalised index back to the original, so every span we report is a span of
the text the editor sees.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

from ..schema import LETTER, NONEMPTY_TEXT, SchemaError, validate

# Digits of every script we meet, to ASCII.  The Arabic decimal separator and
# percent sign get ASCII stand-ins that mean exactly one thing.
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}
_DIGITS.update({chr(0x06F0 + i): str(i) for i in range(10)})
_SYMBOLS = {
    "\u066b": "\u066b",  # Arabic decimal separator: kept, the number parser knows it
    "\u066c": "\u066c",  # Arabic thousands separator: kept
    "\u066a": "%",       # Arabic percent sign
    "\u060c": "\u060c",  # Arabic comma: kept (both a comma and, in translated text, a thousands separator)
    "\u061f": "?",
    "\u0640": "",        # tatweel
    "\u200c": "", "\u200d": "", "\u200e": "", "\u200f": "", "\u061c": "",  # joiners and bidi marks
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2013": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
}


def _camel(ch: str) -> str:
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(ch))))


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0x0600, 0x0700)) + list(range(0x0750, 0x0780)):
        ch = chr(cp)
        out = _camel(ch)
        if out != ch and len(out) <= 1:
            table[cp] = out
    for src, dst in {**_DIGITS, **_SYMBOLS}.items():
        table[ord(src)] = dst
    return table


_TABLE = _build_table()
_DROP = "".join(chr(cp) for cp, v in _TABLE.items() if v == "")
_DROP_RE = re.compile("[" + re.escape(_DROP) + "]") if _DROP else None
_ONE_TO_ONE = {cp: v for cp, v in _TABLE.items() if v != ""}
# str.translate looks every character up in a dict; a str.replace for each of the few characters
# that change, when it occurs, does the same (no changed character is changed again) in C.
_REPLACE = [(chr(cp), v) for cp, v in _ONE_TO_ONE.items() if v != chr(cp)]
# mapping then dropping is one translate when no character is mapped to one that is dropped
_ONE_PASS = not any(v and _TABLE.get(ord(v)) == "" for v in _TABLE.values())
_CHAINED = any(_ONE_TO_ONE.get(ord(v), v) != v for _, v in _REPLACE)  # then replacing in turn would differ


def _one_to_one(text: str) -> str:
    """text.translate(_ONE_TO_ONE), faster."""
    if _CHAINED or len(text) < 32:  # a word: one pass is quicker than 36 searches
        return text.translate(_ONE_TO_ONE)
    for src, dst in _REPLACE:
        if src in text:
            text = text.replace(src, dst)
    return text


_DIGIT_TATWEEL = re.compile(r"(?<=[0-9\u0660-\u0669\u06f0-\u06f9])\u0640")


class Normalised:
    """A normalised text and the map from its indices back to the original."""

    __slots__ = ("text", "original", "_shift")

    def __init__(self, original: str):
        self.original = original
        if "\u0640" in original:  # a tatweel right after a digit is a dash (a score written ٣ـ ١), one for one
            original_for_map = _DIGIT_TATWEEL.sub("-", original)
        else:
            original_for_map = original
        mapped = _one_to_one(original_for_map)
        if _DROP_RE is None or not _DROP_RE.search(mapped):
            self.text, self._shift = mapped, None
            return
        # the k-th dropped character (at d in mapped) is passed by every normalised index >= d - k:
        # an index's original is itself plus the number of those at or below it (found by bisection)
        self._shift = [m.start() - k for k, m in enumerate(_DROP_RE.finditer(mapped))]
        self.text = _DROP_RE.sub("", mapped)

    @property
    def offsets(self) -> list[int] | None:
        """The original index of each normalised one (None: the same)."""
        if self._shift is None:
            return None
        return [self._original(i) for i in range(len(self.text))]

    def _original(self, i: int) -> int:
        if not -len(self.text) <= i < len(self.text):
            raise IndexError("normalised index out of range")
        if i < 0:
            i += len(self.text)
        return i + bisect_right(self._shift, i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised [start, end)."""
        if self._shift is None:
            return start, end
        if end <= start:
            o = self._original(start) if start < len(self.text) else len(self.original)
            return o, o
        return self._original(start), self._original(end - 1) + 1


def normalise(text: str) -> str:
    """Normalised form of a string (for lexicon keys and matching): Normalised(text).text."""
    if "\u0640" in text:
        text = _DIGIT_TATWEEL.sub("-", text)
    if len(text) < 32 and _ONE_PASS:  # a word: mapped and dropped in one translate
        return text.translate(_TABLE)
    text = _one_to_one(text)
    return _DROP_RE.sub("", text) if _DROP_RE is not None else text


# -- orthography.toml: the clitic prefixes and the skeleton's letters ----------------------
# Data, not code, like the lexicon; but the lexicon is normalised and looked up through
# these, so they are read here, checked against their own declaration.
ORTHOGRAPHY_FILE = Path(__file__).with_name("orthography.toml")
# Every key orthography.toml holds (all required), with the kind of its value.
ORTHOGRAPHY_SCHEMA = {"clitics": {"prefixes": [NONEMPTY_TEXT], "number_prefixes": [NONEMPTY_TEXT]},
                      "skeleton": {"drop": [NONEMPTY_TEXT], "map": {"*": LETTER}}}


class OrthographyError(SchemaError, ValueError):
    """orthography.toml is unreadable, holds a key it does not declare or lacks one it does;
    the message names the file and the key."""


def read_orthography(path=ORTHOGRAPHY_FILE) -> dict:
    """orthography.toml's data, checked against ORTHOGRAPHY_SCHEMA."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise OrthographyError(f"{path}: {e}") from None
    validate(data, ORTHOGRAPHY_SCHEMA, path, required=True, error=OrthographyError)
    for letter in data["skeleton"]["map"]:  # a key's length is no value's kind: asked here
        if len(letter) != 1:
            raise OrthographyError(f"{path}: {'skeleton.map.' + letter!r} should map one letter, not {letter!r}")
    return data


_ORTHOGRAPHY = read_orthography()

CLITIC_PREFIXES = tuple(_ORTHOGRAPHY["clitics"]["prefixes"])
# those that carry the article (بال، لل): a noun takes them wherever it stands, a month's name never
ARTICLE_PREFIXES = tuple(p for p in CLITIC_PREFIXES if p.endswith("ال") or p.endswith("لل"))

# the prefixes by their first letter, in their order: a word is tried only with those it can start with
_CLITICS_BY_INITIAL: dict[str, tuple[str, ...]] = {
    c: tuple(p for p in CLITIC_PREFIXES if p[0] == c) for c in dict.fromkeys(p[0] for p in CLITIC_PREFIXES)}


@lru_cache(maxsize=200_000)
def strip_clitics(word: str) -> tuple[str, ...]:
    """A normalised word and the forms left when a leading conjunction,
    preposition or article is taken off (longest first).  Lexicon lookups try
    each, so "وبالجنود" finds "جنود" without a morphological analyser."""
    prefixes = _CLITICS_BY_INITIAL.get(word[:1])
    return (word,) if prefixes is None else _stripped(word, prefixes)


def _stripped(word: str, prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """The word, then the word without each prefix it starts with (two letters at least left)."""
    return (word, *(word[len(p):] for p in prefixes if word.startswith(p) and len(word) - len(p) >= 2))


def clitic_forms(forms) -> frozenset[str]:
    """Every word that strip_clitics() takes to one of `forms` (the forms included): a word
    is in this set exactly when some form of it is one of them, so a sentence is asked
    with one set lookup a word."""
    return _prefixed(forms, CLITIC_PREFIXES)


def _prefixed(forms, prefixes) -> frozenset[str]:
    forms = list(forms)
    return frozenset(forms) | {p + f for f in forms if len(f) >= 2 for p in prefixes}


_SKELETON_DROP = str.maketrans(dict.fromkeys(_ORTHOGRAPHY["skeleton"]["drop"], ""))
_SKELETON_MAP = str.maketrans(_ORTHOGRAPHY["skeleton"]["map"])

# both in one pass: the same when no mapped letter, before or after, is one that is dropped
_SKELETON = {**_SKELETON_DROP, **_SKELETON_MAP} if not any(
    k in _SKELETON_DROP or ord(v) in _SKELETON_DROP for k, v in _SKELETON_MAP.items()) else None


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """A consonant skeleton under which transliteration variants of one name
    meet (زيلنسكي/زيلينسكي, بيونغ/بيونج).  A key for blocking, confirmed
    afterwards by rapidfuzz on the full forms."""
    return normal_skeleton(normalise(word))


def normal_skeleton(w: str) -> str:
    """skeleton() of a word already normalised (a token of the text): asked of
    every long word the entity finder meets, so normalise() is not run twice."""
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
    if _SKELETON is None:
        return w[:1] + w[1:].translate(_SKELETON_DROP).translate(_SKELETON_MAP)
    return w[:1] + w[1:].translate(_SKELETON)


def normal_set(*words: str) -> frozenset[str]:
    """Words written naturally in code, normalised like the text they are compared with."""
    return frozenset(normalise(w) for w in words)


_NUMBER_PREFIXES = tuple(_ORTHOGRAPHY["clitics"]["number_prefixes"])


@lru_cache(maxsize=200_000)
def strip_number_prefixes(word: str) -> tuple[str, ...]:
    """Like strip_clitics, for number words: only و، ب، ل and the article
    (كمية is not ك + مية, فست is not ف + ست)."""
    return _stripped(word, _NUMBER_PREFIXES)


def number_forms(forms) -> frozenset[str]:
    """Every word that strip_number_prefixes() takes to one of `forms` (the forms included)."""
    return _prefixed(forms, _NUMBER_PREFIXES)


# -- optional: CAMeL Tools' morphological analyser ---------------------------------------
# Its database is downloadable data that many machines (these included) cannot
# fetch, and importing camel_tools.morphology tries to fetch a catalogue when
# none is installed; so it is only touched when the data is already on disk.
# Without it, counted nouns outside the lexicon fall back to a light stem.

def morphology_db_path():
    """The installed CAMeL Tools morphology database, or None (FACTCHECK_MORPHOLOGY=0 turns it off)."""
    import os
    from pathlib import Path
    if os.environ.get("FACTCHECK_MORPHOLOGY", "1") == "0":
        return None
    root = Path(os.environ.get("CAMELTOOLS_DATA") or Path.home() / ".camel_tools").expanduser()
    if not (root / "catalogue.json").exists():
        return None
    found = sorted((root / "data" / "morphology_db").glob("*/morphology.db"))
    return found[0] if found else None


def load_lemmatiser():
    """A function word -> lemma (normalised) backed by CAMeL Tools' analyser, or None."""
    path = morphology_db_path()
    if path is None:
        return None
    try:
        from camel_tools.morphology.analyzer import Analyzer
        from camel_tools.morphology.database import MorphologyDB
        analyzer = Analyzer(MorphologyDB(str(path), "a"))
    except Exception:  # noqa: BLE001 - a broken install means: work without it
        return None

    @lru_cache(maxsize=100_000)
    def lemma(word: str) -> str | None:
        try:
            analyses = analyzer.analyze(word)
        except Exception:  # noqa: BLE001
            return None
        nouns = [a for a in analyses if a.get("pos") in ("noun", "adj", "noun_quant")] or analyses
        return normalise(nouns[0]["lex"]) if nouns and nouns[0].get("lex") else None
    return lemma
