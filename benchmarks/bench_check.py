"""Time and peak memory of `factcheck check` as the corpus grows.

    python benchmarks/bench_check.py [--sizes 1000,3152,10000,31523]

Each size is N articles taken evenly across the real corpus (every k-th line:
all outlets and all months, as a night's batch holds; the first N lines would
be one outlet, with nothing to compare), checked in a fresh process
(start-up included), so the figures are what an operator sees.  Peak memory
is the largest of the main process and its extraction workers.
The growth ratios between sizes are the point: on the same machine in the
same run, they do not depend on how busy the machine is.
Targets (issue 3): the whole corpus in under 2 minutes and under 2 GB, and
31.5k articles no more than 12 times the 3.15k run.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "ant-multisource-2018.jsonl.gz"

CHILD = r"""
import sys, time, json
t0 = time.perf_counter()
from factcheck.cli import main
try:
    main(["check", sys.argv[1], "-o", sys.argv[2], "--no-progress"], standalone_mode=False)
finally:
    import resource
    hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, the largest worker
    print(json.dumps({"seconds": time.perf_counter() - t0, "peak_mb": max(hwm, kids) / 1024}), file=sys.stderr)
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,3152,10000,31523")
    ap.add_argument("--corpus", default=str(CORPUS))
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    with gzip.open(a.corpus, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            src = Path(tmp) / f"first{n}.jsonl"
            step = len(lines) / n
            src.write_text("".join(lines[int(k * step)] for k in range(n)), encoding="utf-8")
            t0 = time.perf_counter()
            p = subprocess.run([sys.executable, "-c", CHILD, str(src), str(Path(tmp) / f"out{n}")],
                               capture_output=True, text=True)
            wall = time.perf_counter() - t0
            stats = json.loads([x for x in p.stderr.splitlines() if x.startswith("{")][-1])
            out = json.loads((Path(tmp) / f"out{n}" / "discrepancies.json").read_text())
            results[n] = {"wall_seconds": round(wall, 2), "peak_mb": round(stats["peak_mb"], 1),
                          "discrepancies": len(out["discrepancies"]), "claims": out["claims"]}
            print(f"{n:>6} articles: {wall:6.1f} s  {stats['peak_mb']:7.1f} MB peak  "
                  f"{out['claims']:>7} figures  {len(out['discrepancies']):>4} discrepancies", flush=True)
    if 3152 in results and 31523 in results:
        r = results[31523]["wall_seconds"] / results[3152]["wall_seconds"]
        print(f"31.5k / 3.15k time ratio: {r:.1f} (target <= 12; 10 is linear)")
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "bench_check.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
