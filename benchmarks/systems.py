"""One number extractor over one batch of documents, in its own process.

    python systems.py SYSTEM DOCS.jsonl PRED_OUT.jsonl [FIRST_DOC]

SYSTEM is factcheck (run with the project's Python), duckling or maha (run
with the peers' Python, benchmarks/.peers, since Maha pins an old regex).
Prints one JSON line: documents, characters, seconds (extraction only, after
start-up), start-up seconds, peak RSS.  Writes prediction rows
(doc, start, end, text, value, low, high, qualifier, kind) for scoring.
"""
from __future__ import annotations

import json
import resource
import sys
import time

DUCKLING_KINDS = {"number": "count", "quantity": "measure", "amount-of-money": "money", "distance": "distance",
                  "duration": "duration", "time": "date", "ordinal": "ordinal", "temperature": "measure",
                  "volume": "measure"}


def peak_mb() -> float:
    """Peak resident memory of this process since it started (VmHWM is reset by
    exec, unlike ru_maxrss, which keeps the parent's peak)."""
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def factcheck_system():
    from factcheck.figures.claims import extractor
    from factcheck.reading.documents import Document
    ex = extractor()

    def run(doc_id, text):
        return [{"start": c.start, "end": c.end, "value": c.value, "low": c.low, "high": c.high,
                 "qualifier": c.qualifier, "kind": c.kind} for c in ex.extract(Document(id=doc_id, text=text))]
    return run


def duckling_system():
    from duckling import (Context, default_locale_lang, load_time_zones, parse, parse_dimensions, parse_lang,
                          parse_locale, parse_ref_time)
    tz = load_time_zones("/usr/share/zoneinfo")
    ctx = Context(parse_ref_time(tz, "UTC", 1_530_000_000),
                  parse_locale("AR", default_locale_lang(parse_lang("AR"))))
    dims = parse_dimensions(list(DUCKLING_KINDS))

    def run(doc_id, text):
        rows = []
        for r in parse(text, ctx, dims, False):
            v = r.get("value", {})
            value = v.get("value") if isinstance(v.get("value"), (int, float)) else None
            kind = DUCKLING_KINDS.get(r["dim"], r["dim"])
            if kind == "date" and v.get("grain") == "year":
                kind = "year"
            rows.append({"start": r["start"], "end": r["end"], "value": value, "low": None, "high": None,
                         "qualifier": None, "kind": kind})
        return rows
    return run


def maha_system():
    from maha.parsers.functions import parse_dimension

    def run(doc_id, text):
        return [{"start": d.start, "end": d.end, "value": float(d.value), "low": None, "high": None,
                 "qualifier": None, "kind": "count"} for d in parse_dimension(text, numeral=True)]
    return run


def main():
    system, docs_path, out_path = sys.argv[1:4]
    first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    t0 = time.perf_counter()
    run = {"factcheck": factcheck_system, "duckling": duckling_system, "maha": maha_system}[system]()
    docs = [json.loads(line) for line in open(docs_path, encoding="utf-8")][first:]
    startup = time.perf_counter() - t0
    rows, failures = 0, 0
    progress = open(out_path + ".progress", "w")  # a native crash kills us: the caller restarts after it
    t1 = time.perf_counter()
    with open(out_path, "a" if first else "w", encoding="utf-8") as fh:
        for k, d in enumerate(docs):
            progress.seek(0)
            progress.write(f"{first + k:09d} {time.perf_counter() - t1:015.6f}")
            progress.flush()
            try:
                found = run(d["id"], d["text"])
            except Exception:  # noqa: BLE001 - a peer's error on one document must not end the run
                failures += 1
                continue
            for r in found:
                r["doc"] = d["id"]
                r["text"] = d["text"][r["start"]:r["end"]]
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                rows += 1
            fh.flush()
    seconds = time.perf_counter() - t1
    print(json.dumps({"system": system, "documents": len(docs), "characters": sum(len(d["text"]) for d in docs),
                      "seconds": round(seconds, 3), "startup_seconds": round(startup, 3), "rows": rows,
                      "failures": failures,
                      "peak_rss_mb": peak_mb()}))
    sys.stdout.flush()
    import os
    os._exit(0)  # Duckling's runtime is noisy at exit


if __name__ == "__main__":
    main()
