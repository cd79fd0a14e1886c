"""The report under load, in headless Chromium: how big it is, how long it takes
to open and to filter.

    python benchmarks/bench_report.py [REPORT.html ...]

Without arguments it measures two reports: the full corpus's (built with
`factcheck check` on the real corpus) and a synthetic one of 5,000
discrepancies (issue 4: "5,000 discrepancies must open and filter without
freezing the browser").  Needs /usr/bin/chromium and playwright.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
CORPUS = HERE.parent.parent / "shared" / "corpus" / "ant-multisource-2018.jsonl.gz"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def synthetic(n: int, out: Path) -> Path:
    """A report of n discrepancies made from the seeds' two, with fresh ids."""
    from factcheck.check import result_json, run_check
    from factcheck.reading.documents import iter_documents
    from factcheck.publishing.report import render_report
    r = run_check(iter_documents([HERE.parent / "seeds"]))
    base = r.discrepancies
    # distinct quantities: the report merges discrepancies about one quantity in the same documents
    r.discrepancies = [replace(base[k % len(base)], id=f"d{k:011d}", score=100 - k / n, about=f"{base[k % len(base)].about} {k}",
                               severity=("high", "medium", "low")[k % 3]) for k in range(n)]
    out.write_text(render_report(r, result_json(r)), encoding="utf-8")
    return out


def measure(path: Path) -> dict:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = b.new_page(viewport={"width": 1200, "height": 900})
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        load = time.perf_counter() - t0
        cards = page.locator("article.card").count()
        t1 = time.perf_counter()
        page.select_option("select[name=severity]", "high")
        shown = page.evaluate("document.querySelectorAll('article.card:not([hidden])').length")
        filt = time.perf_counter() - t1
        t2 = time.perf_counter()
        page.fill("input[name=q]", "قتل")
        page.evaluate("document.querySelectorAll('article.card:not([hidden])').length")
        search = time.perf_counter() - t2
        b.close()
    return {"mb": path.stat().st_size / 1e6, "cards": cards, "load_s": load, "filter_s": filt, "search_s": search,
            "shown_after_filter": shown}


def main():
    paths = [Path(p) for p in sys.argv[1:]]
    with tempfile.TemporaryDirectory() as tmp:
        if not paths:
            out = Path(tmp) / "corpus"
            subprocess.run([sys.executable, "-m", "factcheck", "check", str(CORPUS), "-o", str(out), "--no-progress"],
                           check=True, capture_output=True)
            paths = [out / "report.html", synthetic(5000, Path(tmp) / "synthetic-5000.html")]
        for p in paths:
            m = measure(p)
            print(f"{p.name}: {m['mb']:.1f} MB, {m['cards']} cards; opens in {m['load_s']:.2f}s, "
                  f"filters in {m['filter_s']:.2f}s ({m['shown_after_filter']} shown), searches in {m['search_s']:.2f}s")


if __name__ == "__main__":
    main()
