"""Named entities in a sentence, with their spelling variants.

Exact forms come from lexicon/entities.toml.  A word that is not listed but
shares a consonant skeleton with a listed one-word form (زيلينسكي ~ زيلنسكي,
بيونج ~ بيونغ) is accepted when rapidfuzz finds the two spellings close.
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from ..reading.arabic import normal_skeleton, skeleton, strip_clitics
from ..reading.wordtest import WordTest
from ..lexicon import Lexicon

FUZZY_MIN = 80.0  # rapidfuzz ratio (0-100) for two spellings of one name


class EntityFinder:
    def __init__(self, lx: Lexicon):
        self.lx = lx
        self.by_skeleton: dict[str, list[tuple[str, str]]] = {}
        for first, entries in lx.entity_forms.by_first.items():
            for words, eid in entries:
                if len(words) == 1 and len(first) >= 4:
                    self.by_skeleton.setdefault(skeleton(first), []).append((first, eid))
        self._fuzzy = lru_cache(maxsize=100_000)(self._fuzzy_uncached)
        # the words find() stops at: they start a listed name, or are long enough to be a variant of one
        self._may_name = WordTest(lambda w: w[0].isalpha() and (
            w in lx.entity_forms.starters or (len(w) >= 5 and self._fuzzy_uncached(w) is not None)))

    def _fuzzy_uncached(self, word: str) -> str | None:
        for form in strip_clitics(word):
            if len(form) < 5:
                continue
            for known, eid in self.by_skeleton.get(normal_skeleton(form), ()):  # the words are normalised
                if fuzz.ratio(form, known) >= FUZZY_MIN:
                    return eid
        return None

    def find(self, words: list[str]) -> list[tuple[int, int, str]]:
        """(first token, end token, entity id) for each mention, in order."""
        out = []
        end = 0  # words before this belong to the mention found last
        table = self.lx.entity_forms
        starting = table.forms_starting
        for k in self._may_name.indices(words):  # most words are no name: skip them by sentence
            if k < end:
                continue
            w = words[k]
            m = table.match(words, k) if starting(w) else None
            if m:
                out.append((k, k + m[0], m[1]))
                end = k + m[0]
                continue
            if len(w) >= 5:
                eid = self._fuzzy(w)
                if eid:
                    out.append((k, k + 1, eid))
        return out
