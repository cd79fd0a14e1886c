"""Split a JSON-lines corpus into one file a day (by `published`), for
replaying it night by night (tests and benchmarks of the nightly job)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path


def split_by_day(corpus: str | Path, out_dir: str | Path, first: str, last: str) -> list[tuple[str, Path]]:
    """Write OUT/YYYY-MM-DD.jsonl for every day in [first, last] that has articles."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    days: dict[str, list[str]] = {}
    opener = gzip.open if str(corpus).endswith(".gz") else open
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            day = (json.loads(line).get("published") or "")[:10]
            if first <= day <= last:
                days.setdefault(day, []).append(line)
    files = []
    for day in sorted(days):
        p = out / f"{day}.jsonl"
        p.write_text("".join(days[day]), encoding="utf-8")
        files.append((day, p))
    return files
