"""The helpers that make matching fast on a year of news answer as the slow forms did."""
from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check import run_check
from factcheck.matching.candidates import interval
from factcheck.matching.memo import per_claim, remembering
from factcheck.reading.alternation import trie_alternation
from factcheck.reading.documents import Document

NAMES = ["ريال مدريد", "ريال", "ريال بيتيس", "برشلونة", "بر", "ليفربول", "ليل", "ليستر سيتي", "روما", "روم"]
CLUB = r"(?<![^\W\d_])[وفبلك]{{0,2}}({})(?![^\W\d_])"


def _longest_first(names):
    return "|".join(map(re.escape, sorted(set(names), key=len, reverse=True)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAMES + [" ", "و", "ب", "ي", "ة", "،", "مدريد", "سيتي"]), max_size=12),
       st.lists(st.sampled_from(NAMES), min_size=1, max_size=len(NAMES), unique=True))
def test_a_trie_of_names_finds_what_the_longest_first_alternation_found(pieces, names):
    """Same matches, same spans, the same name taken at each place: the longest that fits,
    a shorter one where the letter after rules the longer out (ريال بيتيسي: ريال? no, nothing)."""
    text = "".join(pieces)
    slow = re.compile(CLUB.format(_longest_first(names)))
    fast = re.compile(CLUB.format(trie_alternation(names)))
    assert [(m.span(), m[1]) for m in fast.finditer(text)] == [(m.span(), m[1]) for m in slow.finditer(text)]


def test_a_trie_of_nothing_matches_nothing():
    assert re.compile(trie_alternation([])).search("ريال مدريد") is None
    assert re.compile(trie_alternation(["", "روما"])).fullmatch("روما")


def test_an_answer_is_remembered_for_one_claim_within_an_analysis_only():
    asked = []

    @per_claim
    def value_of(c):
        asked.append(c.id)
        return c.value

    docs = [Document("a", "قتل 12 شخصا في الهجوم.", "A", "2018-03-01T10:00:00Z")]
    claim = run_check(docs).claims[0]
    twin = dataclasses.replace(claim)  # equal, but another claim: asked on its own
    with remembering():
        assert [value_of(claim), value_of(claim), value_of(twin)] == [12, 12, 12]
        with remembering():  # nested: the same memory
            value_of(claim)
    value_of(claim)  # outside: asked again
    assert asked == [claim.id, claim.id, claim.id]
    with remembering():
        assert interval(claim) == interval(twin)
