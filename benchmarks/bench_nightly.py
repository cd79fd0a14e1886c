"""One nightly run on a typical day of the corpus, once 30 days are stored.

    python benchmarks/bench_nightly.py

Replays 2018-02-17 .. 2018-03-18 night by night (building the database),
then times the next night, 2018-03-19, as cron would run it: a fresh
process, start-up included.  Reports wall time, peak memory and the database
size.  Target (issue 5): under 10 seconds.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from factcheck.service.nightly import Config, run_nightly  # noqa: E402
from factcheck.service.replay import split_by_day  # noqa: E402

CORPUS = HERE.parent.parent / "shared" / "corpus" / "ant-multisource-2018.jsonl.gz"
CHILD = r"""
import sys, json
from factcheck.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"peak_mb": hwm / 1024}), file=sys.stderr)
"""


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        days = split_by_day(CORPUS, tmp / "days", "2018-02-17", "2018-03-19")
        t0 = time.perf_counter()
        for k, (day, path) in enumerate(days[:-1]):
            run_nightly(Config(inputs=[str(path)], database=str(tmp / "fc.db"), reports=str(tmp / "reports"),
                               night=day, init=k == 0))
        build = time.perf_counter() - t0
        day, path = days[-1]
        articles = sum(1 for _ in open(path, encoding="utf-8"))
        t1 = time.perf_counter()
        p = subprocess.run([sys.executable, "-c", CHILD, "nightly", "--db", str(tmp / "fc.db"), "--reports",
                            str(tmp / "reports"), "--date", day, "-i", str(path), "--verbose"], capture_output=True, text=True)
        wall = time.perf_counter() - t1
        peak = json.loads([x for x in p.stderr.splitlines() if x.startswith("{")][-1])["peak_mb"]
        size = (tmp / "fc.db").stat().st_size / 1e6
        summary = [x for x in p.stderr.splitlines() if " done: " in x]
        print(f"30 nights stored in {build:.1f}s; database {size:.1f} MB")
        print(f"night {day} ({articles} articles): {wall:.2f}s wall (start-up included), {peak:.0f} MB peak")
        print(summary[-1] if summary else p.stderr[-500:])
        (HERE / "out").mkdir(exist_ok=True)
        (HERE / "out" / "bench_nightly.json").write_text(json.dumps(
            {"build_seconds": build, "db_mb": size, "night": day, "articles": articles, "wall_seconds": wall,
             "peak_mb": peak}, indent=1))


if __name__ == "__main__":
    main()
