"""factcheck extract and check as a user runs them: files in, tables and reports out."""
from __future__ import annotations

import json

import pandas as pd

from factcheck.figures.claims import COLUMNS, claims_frame
from factcheck.reading.documents import iter_documents

from .conftest import SEEDS
from .test_documents import run_cli


def test_extract_jsonl_rows_point_into_the_documents(tmp_path):
    out = tmp_path / "c.jsonl"
    r = run_cli("extract", SEEDS, "-o", out)
    assert r.returncode == 0, r.stderr
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 50
    for row in rows:
        assert set(COLUMNS) <= set(row)
        assert texts[row["doc"]][row["start"]:row["end"]] == row["text"]


def test_extract_csv_and_parquet_hold_the_same_rows(tmp_path):
    assert run_cli("extract", SEEDS, "--format", "csv", "-o", tmp_path / "c.csv").returncode == 0
    assert run_cli("extract", SEEDS, "--format", "parquet", "-o", tmp_path / "c.parquet").returncode == 0
    a = pd.read_csv(tmp_path / "c.csv")
    b = pd.read_parquet(tmp_path / "c.parquet")
    assert list(a.columns) == COLUMNS and len(a) == len(b)
    assert (a["value"].fillna(-1).tolist() == b["value"].fillna(-1).tolist())


def test_parquet_needs_an_output_file():
    r = run_cli("extract", SEEDS, "--format", "parquet")
    assert r.returncode == 2 and "-o" in r.stderr


def test_dataframe_api():
    df = claims_frame(iter_documents([SEEDS]))
    assert list(df.columns) == COLUMNS
    troops = df[(df.concept == "troops") & (df.kind == "count")]
    assert 14000 in troops.value.tolist()


def test_outputs_are_byte_identical_across_runs(tmp_path):
    for k in (1, 2):
        assert run_cli("check", SEEDS, "-o", tmp_path / str(k)).returncode == 0
        assert run_cli("extract", SEEDS, "-o", tmp_path / f"{k}.jsonl").returncode == 0
    for name in ("discrepancies.json", "claims.csv", "report.html"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()


def test_check_writes_the_documented_json(tmp_path):
    r = run_cli("check", SEEDS, "-o", tmp_path)
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "discrepancies.json").read_text(encoding="utf-8"))
    assert data["documents"] == 5 and data["claims"] > 50
    d = data["discrepancies"][0]
    assert {"id", "type", "severity", "about", "explanation", "claims"} <= set(d)
    assert {"doc", "source", "published", "start", "end", "text", "value", "low", "high", "qualifier",
            "attribution"} <= set(d["claims"][0])
    order = [({"alarm": 0, "review": 1}.get(d["tier"], 2), -d["probability"]) for d in data["discrepancies"]]
    assert order == sorted(order)  # alarms first, then to review, then updates; most probable first


def test_discrepancy_ids_do_not_depend_on_other_documents(tmp_path):
    import shutil
    assert run_cli("check", SEEDS, "-o", tmp_path / "a").returncode == 0
    more = tmp_path / "more"
    shutil.copytree(SEEDS, more)
    (more / "zzz.txt").write_text("خبر آخر\nسجلت الأمطار 30 ملم في المدينة أمس.", encoding="utf-8")
    assert run_cli("check", more, "-o", tmp_path / "b").returncode == 0
    ids = [{d["id"] for d in json.loads((tmp_path / k / "discrepancies.json").read_text())["discrepancies"]}
           for k in ("a", "b")]
    assert ids[0] == ids[1] and ids[0]


def test_help_teaches():
    r = run_cli("--help")
    assert r.returncode == 0 and "factcheck check" in r.stdout and "factcheck extract" in r.stdout
    r = run_cli("check", "--help")
    assert "discrepancies.json" in r.stdout and "Example" in r.stdout


def test_every_example_in_help_keeps_its_continued_lines():
    """A shell example continued with a backslash stays two lines (in a docstring a single
    backslash escapes the newline and runs the two lines together)."""
    import re
    from click.testing import CliRunner
    from factcheck.cli import main
    for name in sorted(main.commands):
        out = CliRunner().invoke(main, [name, "--help"]).output
        assert not re.search(r"\S {8,}--", out), name


def test_check_report_says_what_changed_since_the_last_run_in_the_folder(tmp_path):
    assert run_cli("check", SEEDS, "-o", tmp_path).returncode == 0
    first = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Since the previous report" not in first
    assert run_cli("check", SEEDS, "-o", tmp_path).returncode == 0
    second = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Since the previous report" in second and "+<bdi>0</bdi>" in second


def test_progress_on_a_log_is_a_line_every_tenth():
    r = run_cli("extract", SEEDS, "--progress", "--format", "csv")
    assert r.returncode == 0
    assert "extracting: 5/5 documents (100%)" in r.stderr


def test_unwritable_output_is_a_clear_failure(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    r = run_cli("check", SEEDS, "-o", blocker / "out")
    assert r.returncode == 4 and "cannot write" in r.stderr


def test_extract_to_an_unwritable_file_is_a_clear_failure(tmp_path):
    r = run_cli("extract", SEEDS, "-o", tmp_path / "missing-folder" / "c.jsonl")
    assert r.returncode == 4 and "cannot write" in r.stderr


def test_extract_rows_carry_the_norm_of_dates_times_and_scores(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("فاز الفريق 2-1 في المباراة يوم 15 مايو 2018 في الساعة 10:30 مساء.\n", encoding="utf-8")
    out = tmp_path / "c.jsonl"
    assert run_cli("extract", doc, "-o", out).returncode == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["kind"]: r["norm"] for r in rows} == {"spec": "2-1", "date": "2018-05-15", "time": "10:30"}
    assert run_cli("extract", doc, "--format", "csv", "-o", tmp_path / "c.csv").returncode == 0
    assert sorted(pd.read_csv(tmp_path / "c.csv")["norm"].tolist()) == ["10:30", "2-1", "2018-05-15"]
    frame = claims_frame(iter_documents([doc]))
    assert "norm" in frame.columns and "sense" in frame.columns


def test_extract_output_is_the_same_for_any_number_of_jobs(tmp_path):
    outs = []
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"c{jobs}.jsonl"
        r = run_cli("extract", SEEDS, "--jobs", jobs, "-o", out)
        assert r.returncode == 0, r.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2] and outs[0]


def test_parallel_extraction_keeps_input_order():
    from factcheck.figures.claims import extract_parallel, extractor
    docs = list(iter_documents([SEEDS])) * 3
    serial = [[c.row() for c in extractor().extract(d)] for d in docs]
    parallel = [(d.id, [c.row() for c in cs]) for d, cs in extract_parallel(docs, jobs=2, batch=1)]
    assert [i for i, _ in parallel] == [d.id for d in docs]
    assert [rows for _, rows in parallel] == serial


def test_a_closed_output_pipe_is_one_line_not_a_traceback():
    import subprocess
    import sys
    p = subprocess.Popen([sys.executable, "-m", "factcheck", "extract", str(SEEDS)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    p.stdout.close()  # as `| head -1` does once it has its line
    err = p.stderr.read()
    p.wait()
    assert p.returncode == 141 and "broken pipe" in err and "Traceback" not in err, err
    assert "Exception ignored" not in err


def test_outputs_are_checked_before_the_work(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for cmd, out in (("extract", ["--format", "csv", "-o", blocker / "c.csv"]), ("check", ["-o", blocker / "out"])):
        r = run_cli(cmd, SEEDS, "--progress", *out)
        assert r.returncode == 4 and "cannot write" in r.stderr, r.stderr
        assert "documents (" not in r.stderr  # no document was read: it failed at once


def test_jsonl_output_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from factcheck.figures import claims as claims_module
    from factcheck.cli import main
    out = tmp_path / "c.jsonl"
    out.write_text("the previous table\n", encoding="utf-8")
    real = claims_module.extractor()

    class Dying:
        def __init__(self):
            self.n = 0

        def extract(self, doc):
            self.n += 1
            if self.n == 3:
                raise KeyboardInterrupt  # stopped half-way (a failing document is skipped, not fatal)
            return real.extract(doc)
    monkeypatch.setattr(claims_module, "extractor", lambda: Dying())
    r = CliRunner().invoke(main, ["extract", "--jobs", "1", str(SEEDS), "-o", str(out)])
    assert r.exit_code == 130
    assert out.read_text(encoding="utf-8") == "the previous table\n"
    assert [p.name for p in tmp_path.iterdir()] == ["c.jsonl"]  # no temporary file left


def test_ctrl_c_during_extract_exits_130_without_a_traceback(tmp_path):
    import signal
    import subprocess
    import sys
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for k in range(3000):
            title, _, body = texts[k % len(texts)].partition("\n")
            fh.write(json.dumps({"id": f"d{k}", "source": "s", "title": title, "text": body}, ensure_ascii=False) + "\n")
    p = subprocess.Popen([sys.executable, "-m", "factcheck", "extract", str(feed), "--progress", "-o",
                          str(tmp_path / "c.jsonl")], stderr=subprocess.PIPE, text=True)
    first = p.stderr.readline()  # the first progress line: it is extracting now
    assert "extracting:" in first, first
    p.send_signal(signal.SIGINT)
    err = p.stderr.read()
    p.wait(timeout=60)
    assert p.returncode == 130 and "interrupted" in err and "Traceback" not in err, err
    assert not (tmp_path / "c.jsonl").exists() and [x.name for x in tmp_path.iterdir()] == ["feed.jsonl"]
