"""Writing claims as tables: JSON lines, CSV or Parquet."""
from __future__ import annotations

import json
import math
import sys
from typing import IO, Iterable

from .claims import COLUMNS, Claim
from .numbers import QUANTITY_KINDS

FORMATS = ("jsonl", "csv", "parquet")


def _clean(v):
    if isinstance(v, float):
        if math.isnan(v):
            return None
        if v == int(v) and abs(v) < 1e15:
            return int(v)
    return v


def jsonl_line(c: Claim) -> str:
    row = {k: _clean(v) for k, v in c.row().items()}
    row["entities"] = c.entities
    row["years"] = c.years
    return json.dumps(row, ensure_ascii=False) + "\n"


def jsonl_lines(claims: list[Claim], quantities_only: bool = False) -> list[str]:
    """One document's claims as JSON lines (a transform for claims.extract_parallel)."""
    return [jsonl_line(c) for c in claims if not quantities_only or c.kind in QUANTITY_KINDS]


def write_jsonl(claims: Iterable[Claim], out: IO[str]) -> int:
    n = 0
    for c in claims:
        out.write(jsonl_line(c))
        n += 1
    return n


def write_lines(lines: Iterable[str], path: str | None) -> int:
    """JSON lines made elsewhere, to `path` (stdout when None)."""
    n = 0
    out = sys.stdout if path is None else open(path, "w", encoding="utf-8", newline="\n")
    try:
        for line in lines:
            out.write(line)
            n += 1
    finally:
        if path is not None:
            out.close()
    return n


def write_table(claims: Iterable[Claim], fmt: str, path: str | None) -> int:
    """Write claims in `fmt` to `path` (stdout when None, except parquet)."""
    if fmt == "jsonl":
        if path is None:
            return write_jsonl(claims, sys.stdout)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            return write_jsonl(claims, fh)
    import pandas as pd
    df = pd.DataFrame([c.row() for c in claims], columns=COLUMNS)
    if fmt == "csv":
        if path is None:
            df.to_csv(sys.stdout, index=False, lineterminator="\n")
        else:
            df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    elif fmt == "parquet":
        df.to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return len(df)
