"""Every output, one writer per format behind one interface (as coverage.py's reporters).

A Writer puts its data on an open file (`dump`, which returns how many rows or items it
wrote); `write` gives it a path, written whole or not at all (safeio.atomic_output), or
standard output.  Claims go out as tables (jsonl, csv, parquet), records as json, pages as
html.  A claim's fields and their order come from its one declaration (claims.Claim).
"""
from __future__ import annotations

import json
import math
import os
import sys
from operator import attrgetter
from typing import IO, Iterable

from ..figures.claims import COLUMNS, Claim, table_columns
from ..figures.numbers import QUANTITY_KINDS
from ..safeio import atomic_output


def _clean(v):
    """A number as JSON should show it: 14000.0 as 14000, NaN as null."""
    if isinstance(v, float):
        if math.isnan(v):
            return None
        if v == int(v) and abs(v) < 1e15:
            return int(v)
    return v


# A claim's values in COLUMNS order, read in C (claim_record's dict, without a Python loop), and the
# encoder json.dumps(..., ensure_ascii=False) would build anew for every line, built once.
_claim_values = attrgetter(*COLUMNS)
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


class Writer:
    """One output format."""
    format = ""
    binary = False   # dump() takes a binary file
    stdout = True    # may be written to standard output

    def dump(self, data, out: IO) -> int:
        raise NotImplementedError


class JsonlWriter(Writer):
    """Claims, one JSON object a line, lists as lists.  `data` may also be lines made
    elsewhere (by the extraction workers, with `lines`)."""
    format = "jsonl"

    @staticmethod
    def line(c: Claim) -> str:
        """claim_record(c) as one JSON line, each number as _clean shows it (_clean changes
        floats only: the other values, most of them, are not passed to it)."""
        values = [_clean(v) if isinstance(v, float) else v for v in _claim_values(c)]
        return _ENCODE(dict(zip(COLUMNS, values))) + "\n"

    @classmethod
    def lines(cls, claims: list[Claim], quantities_only: bool = False) -> list[str]:
        """One document's claims as JSON lines (a transform for claims.extract_parallel)."""
        return [cls.line(c) for c in claims if not quantities_only or c.kind in QUANTITY_KINDS]

    def dump(self, data: Iterable[Claim | str], out: IO[str]) -> int:
        n = 0
        for item in data:
            out.write(item if isinstance(item, str) else self.line(item))
            n += 1
        return n


def claims_table(claims: Iterable[Claim]):
    """Claims as a pandas DataFrame, one row a claim, lists joined with ";"."""
    import pandas as pd
    claims = list(claims)
    if not claims:  # (no rows: every column of objects, as the rows of a batch would make them)
        return pd.DataFrame([], columns=COLUMNS)
    return pd.DataFrame(table_columns(claims), columns=COLUMNS)


class CsvWriter(Writer):
    format = "csv"

    def dump(self, data: Iterable[Claim], out: IO[str]) -> int:
        df = claims_table(data)
        df.to_csv(out, index=False, lineterminator="\n")
        return len(df)


class ParquetWriter(Writer):
    format = "parquet"
    binary = True
    stdout = False

    def dump(self, data: Iterable[Claim], out: IO[bytes]) -> int:
        df = claims_table(data)
        df.to_parquet(out, index=False)
        return len(df)


class JsonWriter(Writer):
    """A record (discrepancies, decisions): UTF-8, indented by one."""
    format = "json"

    def dump(self, data, out: IO[str]) -> int:
        out.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return 1


class HtmlWriter(Writer):
    """A page rendered elsewhere (report.py's templates)."""
    format = "html"

    def dump(self, data: str, out: IO[str]) -> int:
        out.write(data)
        return 1


WRITERS: dict[str, Writer] = {w.format: w for w in (JsonlWriter(), CsvWriter(), ParquetWriter(), JsonWriter(),
                                                    HtmlWriter())}
CLAIM_FORMATS = ("jsonl", "csv", "parquet")  # `factcheck extract --format`


def write(fmt: str, data, path: str | os.PathLike | None = None) -> int:
    """`data` in format `fmt` to `path`, whole or not at all (its folder is created if
    need be), or to standard output when `path` is None."""
    w = WRITERS.get(fmt)
    if w is None:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(WRITERS)}")
    if path is None:
        if not w.stdout:
            raise ValueError(f"{fmt} cannot be written to standard output: give a file")
        return w.dump(data, sys.stdout.buffer if w.binary else sys.stdout)
    parent = os.path.dirname(os.fspath(path))
    if parent:
        os.makedirs(parent, exist_ok=True)
    with atomic_output(path) as tmp:
        if w.binary:
            with open(tmp, "wb") as fh:
                return w.dump(data, fh)
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            return w.dump(data, fh)


def render(fmt: str, data) -> str:
    """A text format's whole output as a string (e.g. an HTTP response)."""
    import io
    buf = io.StringIO()
    WRITERS[fmt].dump(data, buf)
    return buf.getvalue()


def read_json(path: str | os.PathLike):
    """A JSON file written by `write` (a previous report, a decisions export); None when it
    is missing or cannot be read as JSON."""
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None
