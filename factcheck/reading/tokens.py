"""Tokens and sentences of normalised text, with their offsets.

Numbers are single tokens with their separators ("60،000", "2,5", "1٬500", and the
agency style "5ر2" for 2.5), so the parser sees a figure as the writer wrote it.
"""
from __future__ import annotations

import re
from functools import partial
from itertools import accumulate
from typing import NamedTuple

TOKEN_RE = re.compile(
    r"[^\W\d_]+"                                                 # a word (first: most tokens are)
    r"|\d{1,3}(?:[,\u060c\u066c'’]\d{3}(?!\d))+(?:[.\u066b]\d+)?"  # 10,000  60،000  1٬500.5
    r"|\d{1,3}(?: \d{3}(?!\d))+(?![.,\u060c\u066b]\d)"           # 12 000
    r"|\d+\u0631\d+(?![^\W\d_])"                                  # 5ر2: 2.5 as some agencies type it
    r"|\d+(?:[.,\u060c\u066b]\d+)?"                              # 2,5  1.5  2٫5  397
    r"|[^\s\w]",                                                 # one punctuation mark
    re.UNICODE)  # \d+ر\d+ comes before plain digits, which would stop at the ر; the rest start differently


class Tok(NamedTuple):
    text: str
    start: int
    end: int


# TOKEN_RE as one group, for re.split: the text between tokens and the tokens, alternately
# (TOKEN_RE has no group of its own, so split returns nothing else)
_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})", TOKEN_RE.flags)
_tok = partial(tuple.__new__, Tok)


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    return tokens_and_words(text, offset)[0]


def tokens_and_words(text: str, offset: int = 0) -> tuple[list[Tok], list[str]]:
    """The tokens of `text` (offsets shifted by `offset`) and their texts.

    The same tokens as TOKEN_RE.finditer, found with TOKEN_RE.split: a match object
    for each token costs more than the matching itself, while split hands back the
    pieces (gap, token, gap, ..., gap), whose running lengths are the tokens' offsets,
    and the token texts as a list for free."""
    pieces = _SPLIT_RE.split(text)
    words = pieces[1::2]
    bounds = list(accumulate(map(len, pieces), initial=offset))  # piece k spans bounds[k]:bounds[k + 1]
    return list(map(_tok, zip(words, bounds[1::2], bounds[2::2]))), words


_SENTENCE_END = re.compile(r"[.!?؟؛\n]")
MAX_SENTENCE = 1000  # characters; longer runs (tables, lists without full stops) are cut at a comma or a space


def _cut(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    while e - s > MAX_SENTENCE:
        window = text[s:s + MAX_SENTENCE]
        k = max(window.rfind("،"), window.rfind(","), window.rfind("؛"))
        if k < MAX_SENTENCE // 2:
            k = window.rfind(" ")
        if k <= 0:
            k = MAX_SENTENCE - 1
        out.append((s, s + k + 1))
        s += k + 1
    out.append((s, e))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans.  A full stop between digits (1.5) does not end one; a
    run longer than MAX_SENTENCE characters is cut, so no input can make the
    frame search quadratic."""
    spans = []
    start = 0
    n = len(text)
    for m in _SENTENCE_END.finditer(text):
        i = m.start()
        if text[i] == "." and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue
        if i + 1 - start > MAX_SENTENCE:
            spans.extend(_cut(text, start, i + 1))
        elif i + 1 > start:
            spans.append((start, i + 1))
        start = i + 1
    if start < n:
        spans.extend(_cut(text, start, n))
    return [(s, e) for s, e in spans if not text[s:e].isspace()]  # (no span is empty)
