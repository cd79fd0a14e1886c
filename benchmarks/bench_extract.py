"""Extraction throughput, memory and accuracy, side by side with the two
existing Arabic number parsers: Duckling (pyduckling-native-phihos) and Maha
(mahad 0.3.0, numerals only).

    python benchmarks/bench_extract.py [--docs N] [--peers-python PATH]

Every system runs in its own process on the same sample of the real corpus
(every k-th article, deterministic), so peak memory is its own; speed is each
system's fastest of `--repeat` rounds taken in turns (as timeit's best of N); accuracy is
the judges' scorer (shared/scoring/numbers_eval.py) on the seeds gold.  The
peers live in their own virtual environment (Maha pins an old `regex`):

    python3 -m venv benchmarks/.peers
    benchmarks/.peers/bin/pip install pyduckling-native-phihos mahad==0.3.0 pyyaml
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"


def sample(corpus: Path, n: int, out: Path) -> None:
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        total = sum(1 for _ in fh)
    step = max(1, total // n) if n else 1
    with gzip.open(corpus, "rt", encoding="utf-8") as src, open(out, "w", encoding="utf-8") as fh:
        for k, line in enumerate(src):
            if k % step or (n and k // step >= n):
                continue
            r = json.loads(line)
            text = f"{r['title']}\n{r['text']}" if r.get("title") else r.get("text") or ""
            fh.write(json.dumps({"id": r["id"], "text": text}, ensure_ascii=False) + "\n")


def seeds_docs(out: Path) -> None:
    with open(out, "w", encoding="utf-8") as fh:
        for p in sorted((ROOT / "seeds").glob("*.txt")):
            fh.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")


def run(python: str, system: str, docs: Path, preds: Path) -> dict:
    """Run one system; when a native crash kills it (Duckling does), count the
    document that killed it as failed and go on from the next one."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    total = {"seconds": 0.0, "crashed_documents": 0, "peak_rss_mb": 0.0}
    first = 0
    n_docs = sum(1 for _ in open(docs, encoding="utf-8"))
    while True:
        p = subprocess.run([python, str(HERE / "systems.py"), system, str(docs), str(preds), str(first)],
                           capture_output=True, text=True, encoding="utf-8", errors="replace", env=env)
        lines = [line for line in p.stdout.splitlines() if line.startswith("{")]
        if lines:
            res = json.loads(lines[-1])
            total["seconds"] += res["seconds"]
            total["peak_rss_mb"] = max(total["peak_rss_mb"], res["peak_rss_mb"])
            res.update(total, documents=n_docs,
                       characters=sum(len(json.loads(x)["text"]) for x in open(docs, encoding="utf-8")))
            return res
        progress = Path(str(preds) + ".progress")
        if not progress.exists():
            raise SystemExit(f"{system} failed:\n{p.stderr[-2000:]}")
        index, elapsed = progress.read_text().split()
        crashed = int(index)
        total["seconds"] += float(elapsed)
        total["crashed_documents"] += 1
        first = crashed + 1
        if first >= n_docs:
            raise SystemExit(f"{system} crashed on the last document")


def score(preds: dict[str, Path]) -> dict:
    scorer = SHARED / "scoring" / "numbers_eval.py"
    if not scorer.exists():
        return {}
    out = HERE / "out" / "scores.json"
    args = [sys.executable, str(scorer), "--gold", str(SHARED / "gold" / "seeds.yaml"), "--seeds-dir",
            str(ROOT / "seeds"), "--out", str(out), "--examples", "0"]
    for name, p in preds.items():
        args += ["--pred", f"{name}={p}"]
    subprocess.run(args, check=True, capture_output=True)
    systems = json.loads(out.read_text())["systems"]
    return {k: {m: v[m] for m in ("precision", "recall", "f1")} | {"nonq_as_qty": v["nonquantity_false_report"]["rate"]}
            for k, v in systems.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000, help="corpus articles in the speed sample (0 = all)")
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "ant-multisource-2018.jsonl.gz"))
    ap.add_argument("--peers-python", default=str(HERE / ".peers" / "bin" / "python"))
    ap.add_argument("--repeat", type=int, default=3, help="rounds of the speed sample; each system's fastest counts")
    a = ap.parse_args()
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    sample(Path(a.corpus), a.docs, out / "sample.jsonl")
    seeds_docs(out / "seeds.jsonl")
    systems = [("factcheck", sys.executable)]
    if Path(a.peers_python).exists():
        systems += [("maha", a.peers_python), ("duckling", a.peers_python)]
    else:
        print(f"peers not installed at {a.peers_python}; see this script's docstring", file=sys.stderr)
    speed, preds = {}, {}
    # Rounds take turns (factcheck, maha, factcheck, maha, ...) and each system keeps its fastest
    # round, as timeit does: other load on a shared machine only ever adds time.  Duckling, twenty
    # times slower, runs once.
    for k in range(a.repeat):
        for name, py in systems:
            if k and name == "duckling":
                continue
            r = run(py, name, out / "sample.jsonl", out / f"{name}-sample.jsonl")
            r["rounds"] = speed.get(name, {}).get("rounds", []) + [round(r["seconds"], 3)]
            if name not in speed or r["seconds"] < speed[name]["seconds"]:
                speed[name] = r
            else:
                speed[name]["rounds"] = r["rounds"]
    for name, py in systems:
        run(py, name, out / "seeds.jsonl", out / f"{name}-seeds.jsonl")
        preds[name] = out / f"{name}-seeds.jsonl"
    acc = score(preds)
    print(f"{'system':<10} {'docs/s':>8} {'chars/s':>10} {'peak MB':>8} {'P':>6} {'R':>6} {'F1':>6} {'nonq->qty':>9}")
    for name, s in speed.items():
        dps = s["documents"] / s["seconds"]
        cps = s["characters"] / s["seconds"]
        q = acc.get(name, {})
        print(f"{name:<10} {dps:8.1f} {cps:10.0f} {s['peak_rss_mb']:8.1f} {q.get('precision', 0):6.3f} "
              f"{q.get('recall', 0):6.3f} {q.get('f1', 0):6.3f} {q.get('nonq_as_qty', 0):9.3f}"
              + (f"  ({s['crashed_documents']} documents crashed it)" if s.get("crashed_documents") else "")
              + (f"  rounds (s): {', '.join(map(str, s['rounds']))}" if len(s.get("rounds", [])) > 1 else ""))
    if "maha" in speed:
        base = speed["maha"]["documents"] / speed["maha"]["seconds"]
        for name, s in speed.items():
            print(f"speed ratio {name}/maha: {s['documents'] / s['seconds'] / base:.2f}x")
    (out / "bench_extract.json").write_text(json.dumps({"speed": speed, "accuracy": acc}, indent=1))


if __name__ == "__main__":
    main()
