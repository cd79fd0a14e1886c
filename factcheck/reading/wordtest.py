"""A yes/no question about single words, remembered, and asked of a whole
sentence at once.

Most words of a sentence start no number, no phrase of a table, no entity.
Asking each token in a Python loop costs more than the rest of the work; a
WordTest keeps the words it has answered in two sets, so a sentence is
answered with set operations (in C) and only words never seen before reach
the test itself.  The answers are those of the test, word for word.
"""
from __future__ import annotations

from typing import Callable, Iterable


class WordTest:
    """`test` (a pure function of one word) remembered for up to `limit` words."""

    __slots__ = ("_test", "_yes", "_no", "_limit")

    def __init__(self, test: Callable[[str], object], limit: int = 300_000):
        self._test = test
        self._yes: set[str] = set()
        self._no: set[str] = set()
        self._limit = limit

    def __call__(self, word: str) -> bool:
        if word in self._yes:
            return True
        if word in self._no:
            return False
        return bool(self.hits((word,)))

    def hits(self, words: Iterable[str]) -> set[str]:
        """The distinct words among `words` that pass the test."""
        ws = set(words)
        yes = self._yes
        new = ws - yes - self._no  # one set at a time: difference(a, b) would walk all of a and b
        if new:
            test = self._test
            found = {w for w in new if test(w)}
            if len(yes) + len(self._no) < self._limit:
                yes |= found
                self._no |= new.difference(found)
            else:
                return ws.intersection(yes) | found
        return ws.intersection(yes)

    def indices(self, words: list[str]) -> list[int]:
        """The positions of the words that pass the test, in order."""
        hits = self.hits(words)
        if not hits:
            return []
        return [i for i, w in enumerate(words) if w in hits]


def positions(words: list[str], members: frozenset[str] | set[str]) -> list[int]:
    """The positions of the words that are members, in order (none: no loop at all)."""
    if members.isdisjoint(words):
        return []
    return [i for i, w in enumerate(words) if w in members]
