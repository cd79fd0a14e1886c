"""Writing claims as tables: JSON lines, CSV or Parquet."""
from __future__ import annotations

import json
import math
import sys
from typing import IO, Iterable

from .claims import COLUMNS, Claim

FORMATS = ("jsonl", "csv", "parquet")


def _clean(v):
    if isinstance(v, float):
        if math.isnan(v):
            return None
        if v == int(v) and abs(v) < 1e15:
            return int(v)
    return v


def write_jsonl(claims: Iterable[Claim], out: IO[str]) -> int:
    n = 0
    for c in claims:
        row = {k: _clean(v) for k, v in c.row().items()}
        row["entities"] = c.entities
        row["years"] = c.years
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
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
