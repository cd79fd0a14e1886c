"""Tokens and sentences of normalised text, with their offsets.

Numbers are single tokens with their separators ("60،000", "2,5", "1٬500"),
so the parser sees a figure as the writer wrote it.
"""
from __future__ import annotations

import re
from typing import NamedTuple

TOKEN_RE = re.compile(
    r"[^\W\d_]+"                                                 # a word (first: most tokens are)
    r"|\d{1,3}(?:[,\u060c\u066c'’]\d{3}(?!\d))+(?:[.\u066b]\d+)?"  # 10,000  60،000  1٬500.5
    r"|\d{1,3}(?: \d{3}(?!\d))+(?![.,\u060c\u066b]\d)"           # 12 000
    r"|\d+(?:[.,\u060c\u066b]\d+)?"                              # 2,5  1.5  2٫5  397
    r"|[^\s\w]",                                                 # one punctuation mark
    re.UNICODE)  # the alternatives start with different characters: their order changes no token


class Tok(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    new = tuple.__new__
    if offset:
        return [new(Tok, (m.group(), m.start() + offset, m.end() + offset)) for m in TOKEN_RE.finditer(text)]
    return [new(Tok, (m.group(), *m.span())) for m in TOKEN_RE.finditer(text)]


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
