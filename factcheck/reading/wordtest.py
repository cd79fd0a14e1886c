"""A yes/no question about single words, remembered, and asked of a whole
sentence at once.

Most words of a sentence start no number, no phrase of a table, no entity.
Asking each token in a Python loop costs more than the rest of the work; a
WordTest keeps the answers it has given in one dict, so a sentence is
answered by looking all its words up at once (map, in C) and only words
never seen before reach the test itself.  The answers are those of the test,
word for word.
"""
from __future__ import annotations

from itertools import compress
from typing import Callable, Iterable


class WordTest:
    """`test` (a pure function of one word) remembered for up to `limit` words."""

    __slots__ = ("_test", "_known", "_limit")

    def __init__(self, test: Callable[[str], object], limit: int = 300_000):
        self._test = test
        self._known: dict[str, bool] = {}  # word -> its answer
        self._limit = limit

    def __call__(self, word: str) -> bool:
        return self._answer(word)

    def _answer(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = bool(self._test(word))
            if len(self._known) < self._limit:
                self._known[word] = known
        return known

    def hits(self, words: Iterable[str]) -> set[str]:
        """The distinct words among `words` that pass the test."""
        return {w for w in set(words) if self._answer(w)}

    def indices(self, words: list[str]) -> list[int]:
        """The positions of the words that pass the test, in order.  One dict
        lookup a word (in C); a word not answered yet is tested once."""
        answers = list(map(self._known.get, words))
        if None in answers:  # a word not seen before (or not kept: the dict is full)
            answer = self._answer
            answers = [answer(w) if a is None else a for w, a in zip(words, answers)]
        if True not in answers:
            return []
        return list(compress(range(len(words)), answers))


def positions(words: list[str], members: frozenset[str] | set[str]) -> list[int]:
    """The positions of the words that are members, in order (none: no loop at all)."""
    if members.isdisjoint(words):
        return []
    return [i for i, w in enumerate(words) if w in members]
