"""What the tests of a pair ask of one figure alone, worked out once a figure
while an analysis runs.

On a year of news a figure meets hundreds of others in candidate pairs, and
every test of a pair asks the same things of each side again: its interval,
its digits without separators, the decimals it writes.  A Claim is a mutable
dataclass, not hashable, so `functools.lru_cache` cannot key on it; nor can
the answer be kept on the claim (a new attribute costs every claim a copy of
its attribute table, hundreds of megabytes a year).  Within `remembering()`
the answers are kept by the claim's identity, the claim held with its
answer so that its id cannot pass to another; on leaving, all is forgotten.
Outside it, every question is asked anew.  Claims are not changed once
extracted, and one analysis reads one lexicon.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Callable, Iterator, TypeVar

from ..figures.claims import Claim

T = TypeVar("T")
_MEMOS: ContextVar[dict | None] = ContextVar("factcheck_claim_memos", default=None)


@contextmanager
def remembering() -> Iterator[None]:
    """Within: per_claim answers are remembered.  (Nested: one memory, the outer one's.)"""
    if _MEMOS.get() is not None:
        yield
        return
    token = _MEMOS.set({})
    try:
        yield
    finally:
        _MEMOS.reset(token)


def per_claim(fn: Callable[[Claim], T]) -> Callable[[Claim], T]:
    """fn(claim), remembered for that claim within `remembering()`."""
    @wraps(fn)
    def remembered(c: Claim) -> T:
        memos = _MEMOS.get()
        if memos is None:
            return fn(c)
        memo = memos.get(remembered)
        if memo is None:
            memo = memos[remembered] = {}
        kept = memo.get(id(c))
        if kept is not None and kept[0] is c:
            return kept[1]
        value = fn(c)
        memo[id(c)] = (c, value)
        return value
    return remembered
