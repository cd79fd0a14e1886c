"""Named entities in a sentence, with their spelling variants.

Exact forms come from lexicon/entities.toml.  A word that is not listed but
shares a consonant skeleton with a listed one-word form (زيلينسكي ~ زيلنسكي,
بيونج ~ بيونغ) is accepted when rapidfuzz finds the two spellings close.
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from ..reading.arabic import skeleton, strip_clitics
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

    def _fuzzy_uncached(self, word: str) -> str | None:
        for form in strip_clitics(word):
            if len(form) < 5:
                continue
            for known, eid in self.by_skeleton.get(skeleton(form), ()):
                if fuzz.ratio(form, known) >= FUZZY_MIN:
                    return eid
        return None

    def find(self, words: list[str]) -> list[tuple[int, int, str]]:
        """(first token, end token, entity id) for each mention, in order."""
        out = []
        k = 0
        n = len(words)
        table = self.lx.entity_forms
        starting = table.forms_starting  # most words start no entity name: skip match() for them
        while k < n:
            w = words[k]
            if not w[0].isalpha():
                k += 1
                continue
            m = table.match(words, k) if starting(w) else None
            if m:
                out.append((k, k + m[0], m[1]))
                k += m[0]
                continue
            if len(w) >= 5:
                eid = self._fuzzy(w)
                if eid:
                    out.append((k, k + 1, eid))
            k += 1
        return out
