"""A progress bar on stderr for long runs, counted in documents.

The total is counted up front cheaply (one line a record in JSON lines, one
document a .txt file), so a 31,000-article backfill shows how far it is.
"""
from __future__ import annotations

import gzip
import sys

import click

from .reading.documents import input_files


def count_documents(paths) -> int:
    total = 0
    files, _ = input_files(paths)
    for f in files:
        name = f.name.lower()
        try:
            if name.endswith((".jsonl", ".ndjson")):
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif name.endswith(".jsonl.gz"):
                with gzip.open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
        except (OSError, EOFError, ValueError):
            total += 1
    return total


class Progress:
    """A bar on a terminal; on a log (stderr not a terminal, --progress given),
    one line every tenth of the way."""

    def __init__(self, paths, enabled: bool | None = None, label: str = "documents"):
        tty = sys.stderr.isatty()
        if enabled is None:
            enabled = tty
        self.bar = None
        self.lines = None
        if enabled:
            total = max(count_documents(paths), 1)
            if tty:
                self.bar = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True,
                                             show_eta=True, width=30)
                self.bar.__enter__()
            else:
                self.lines = {"label": label, "total": total, "done": 0, "next": 0.1}

    def advance(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)
        elif self.lines is not None:
            st = self.lines
            st["done"] += n
            if st["done"] >= st["next"] * st["total"]:
                click.echo(f"{st['label']}: {st['done']}/{st['total']} documents "
                           f"({100 * st['done'] // st['total']}%)", err=True)
                st["next"] += 0.1

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
