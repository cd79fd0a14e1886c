"""Many literal phrases as one regular expression that is fast to search.

Python's `re` tries the branches of `a|b|c|...` one after another at every
position of the text: a list of hundreds of club names costs hundreds of
comparisons a letter.  The same phrases as a trie (`ريال(?: مدريد)?|...`)
cost one comparison a letter of the text, and match the same thing: at
each position the longest phrase that fits, as the longest-first
alternation did, falling back to a shorter one when what follows rules the
longer out.
"""
from __future__ import annotations

import re
from typing import Iterable


def trie_alternation(phrases: Iterable[str]) -> str:
    """A pattern (no group of its own) matching exactly the phrases given,
    the longest first at any one position; "(?!)" when there are none."""
    root: dict = {}
    for p in set(phrases):
        if not p:
            continue
        node = root
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a phrase
    return _render(root) if root else "(?!)"


def _render(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")
