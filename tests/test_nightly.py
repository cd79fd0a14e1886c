"""The nightly job as cron runs it: state, history, decisions, and nothing lost
when runs are killed or started twice."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.service.nightly import Config, run_nightly
from factcheck.service.replay import split_by_day
from factcheck.service.store import MIGRATIONS, SCHEMA_VERSION, Store

from .conftest import CORPUS, SEEDS, run_in_process


def nightly(tmp: Path, night: str, inputs=(SEEDS,), env=None, wait=None, init=None, extra=()):
    """One run as cron starts it; --init on the first (when the database does not exist yet)."""
    if init is None:
        init = not (tmp / "fc.db").exists()
    args = [sys.executable, "-m", "factcheck", "nightly", "--db", tmp / "fc.db", "--reports", tmp / "reports",
            "--date", night, *(["--init"] if init else []), *extra]
    for i in inputs:
        args += ["-i", i]
    if wait is not None:
        args += ["--wait", str(wait)]
    if not env:  # in this process; a run that must be killed (FACTCHECK_CRASH_AT) needs its own
        return run_in_process(*args[3:])
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, encoding="utf-8",
                          env=dict(os.environ, **(env or {})))


def review(tmp: Path, *args):
    return run_in_process("review", *args, "--db", tmp / "fc.db")


def report(tmp: Path, night: str) -> dict:
    return json.loads((tmp / "reports" / night / "discrepancies.json").read_text(encoding="utf-8"))


def db_state(tmp: Path) -> list[str]:
    con = sqlite3.connect(tmp / "fc.db")
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_first_night_then_rerun_is_idempotent(tmp_path):
    r = nightly(tmp_path, "2026-01-01")
    assert r.returncode == 0, r.stderr
    first = report(tmp_path, "2026-01-01")
    assert set(first["status"].values()) == {"new"} and len(first["discrepancies"]) == 2
    html = (tmp_path / "reports" / "2026-01-01" / "report.html").read_bytes()
    state = db_state(tmp_path)
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    assert db_state(tmp_path) == state
    assert (tmp_path / "reports" / "2026-01-01" / "report.html").read_bytes() == html
    assert "read 5 documents, 0 new" in (tmp_path / "reports" / "nightly.log").read_text()


def test_statuses_decisions_and_index(tmp_path):
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    ids = [d["id"] for d in report(tmp_path, "2026-01-01")["discrepancies"]]
    r = review(tmp_path, ids[0], "--dismiss", "--note", "two different counts", "--by", "layla")
    assert r.returncode == 0 and "dismiss by layla" in r.stdout
    assert review(tmp_path, ids[1], "--confirm", "--by", "omar").returncode == 0
    assert nightly(tmp_path, "2026-01-02").returncode == 0
    second = report(tmp_path, "2026-01-02")
    assert second["status"] == {ids[0]: "dismissed", ids[1]: "open"}
    html = (tmp_path / "reports" / "2026-01-02" / "report.html").read_text(encoding="utf-8")
    assert "dismissed-section" in html and f"factcheck review {ids[0]} --reopen" in html
    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert "2026-01-01/report.html" in index and "2026-01-02/report.html" in index
    assert (tmp_path / "reports" / "latest" / "report.html").read_bytes() == \
        (tmp_path / "reports" / "2026-01-02" / "report.html").read_bytes()
    listed = review(tmp_path, "--list").stdout
    assert "layla" in listed and "two different counts" in listed and "omar" in listed
    # reopen, export and import
    assert review(tmp_path, ids[0], "--reopen", "--by", "layla").returncode == 0
    assert nightly(tmp_path, "2026-01-03").returncode == 0
    assert report(tmp_path, "2026-01-03")["status"][ids[0]] == "open"
    exported = tmp_path / "decisions.json"
    assert review(tmp_path, "--export", exported).returncode == 0
    items = json.loads(exported.read_text())
    assert [d["decision"] for d in items] == ["dismiss", "confirm", "reopen"]
    other = tmp_path / "other"
    other.mkdir()
    assert nightly(other, "2026-01-01").returncode == 0
    assert "3 decisions imported" in review(other, "--import", exported).stdout
    assert "0 decisions imported" in review(other, "--import", exported).stdout


def high_severity_inputs(tmp: Path) -> Path:
    title = "مقتل مدنيين في غارات على الغوطة الشرقية في سوريا"
    docs = tmp / "in"
    docs.mkdir()
    for k, n in enumerate((20, 60)):
        (docs / f"a{k}.jsonl").write_text(json.dumps({
            "id": f"a{k}", "source": f"outlet{k}", "published": "2026-01-01T08:00:00+00:00", "title": title,
            "text": f"قتل {n} مدنيا في غارات على الغوطة الشرقية في سوريا بحسب المرصد السوري لحقوق الإنسان."},
            ensure_ascii=False) + "\n", encoding="utf-8")
    return docs


def test_new_high_severity_sets_the_alert_exit_code(tmp_path):
    docs = high_severity_inputs(tmp_path)
    r = nightly(tmp_path, "2026-01-01", inputs=[docs])
    assert r.returncode == 3, r.stderr
    assert report(tmp_path, "2026-01-01")["discrepancies"][0]["severity"] == "high"
    assert nightly(tmp_path, "2026-01-02", inputs=[docs]).returncode == 0  # not new any more


@pytest.mark.parametrize("point", ["locked", "ingest", "analyse", "committed", "report"])
def test_a_run_killed_anywhere_loses_nothing(tmp_path, point):
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    d = report(tmp_path, "2026-01-01")["discrepancies"][0]["id"]
    assert review(tmp_path, d, "--dismiss", "--by", "layla").returncode == 0
    before = db_state(tmp_path)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new.txt").write_text("خبر جديد\nقتل 7 أشخاص في هجوم على سوق في كابل بأفغانستان.", encoding="utf-8")
    r = nightly(tmp_path, "2026-01-02", inputs=[SEEDS, extra], env={"FACTCHECK_CRASH_AT": point})
    assert r.returncode == -9, r.stderr
    con = sqlite3.connect(tmp_path / "fc.db")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    nights = [n for (n,) in con.execute("SELECT night FROM runs ORDER BY night")]
    con.close()
    if point in ("locked", "ingest", "analyse"):
        assert db_state(tmp_path) == before  # nothing of the killed run was kept
        assert nights == ["2026-01-01"]
    else:
        assert nights == ["2026-01-01", "2026-01-02"]  # committed whole
    for f in (tmp_path / "reports").rglob("*.json"):
        json.loads(f.read_text(encoding="utf-8"))  # never half a file
    r = nightly(tmp_path, "2026-01-02", inputs=[SEEDS, extra])
    assert r.returncode == 0, r.stderr
    assert report(tmp_path, "2026-01-02")["status"][d] == "dismissed"
    assert review(tmp_path, "--list").stdout.count("layla") == 1
    html = (tmp_path / "reports" / "2026-01-02" / "report.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>")
    assert not list((tmp_path / "reports").rglob(".*.tmp"))  # no temporary file left behind


@pytest.mark.parametrize("point", ["locked", "ingest", "committed", "report"])
def test_killed_from_outside_at_the_moments_that_matter(tmp_path, point):
    """SIGKILL from another process at the moment the run reports through its marker
    file (lock taken, mid-transaction, between commit and report, between report
    files): not a guessed sleep that lands in interpreter start-up."""
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    d = report(tmp_path, "2026-01-01")["discrepancies"][0]["id"]
    assert review(tmp_path, d, "--dismiss", "--by", "layla").returncode == 0
    before = db_state(tmp_path)
    inputs = [SEEDS, extra_inputs(tmp_path)]
    p, marker = start_paused(tmp_path, "2026-01-02", point, inputs=inputs)
    assert (tmp_path / "fc.db.lock").read_text().strip() == str(p.pid)  # it holds the lock
    p.kill()
    p.communicate()
    assert p.returncode == -9
    con = sqlite3.connect(tmp_path / "fc.db")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    nights = [n for (n,) in con.execute("SELECT night FROM runs ORDER BY night")]
    con.close()
    if point in ("locked", "ingest"):
        assert db_state(tmp_path) == before and nights == ["2026-01-01"]
    else:
        assert nights == ["2026-01-01", "2026-01-02"]
    for f in (tmp_path / "reports").rglob("*.json"):
        json.loads(f.read_text(encoding="utf-8"))  # never half a file
    r = nightly(tmp_path, "2026-01-02", inputs=inputs)
    assert r.returncode == 0, r.stderr
    assert report(tmp_path, "2026-01-02")["status"][d] == "dismissed"
    assert review(tmp_path, "--list").stdout.count("layla") == 1
    assert not list((tmp_path / "reports").rglob(".*.tmp"))


def test_killed_at_random_moments_after_start_up(tmp_path):
    """Kills spread over the real work: each waits for the lock marker (start-up is
    over), then a random delay within the run."""
    import random
    if not CORPUS.exists():
        pytest.skip("shared corpus not present")
    days = split_by_day(CORPUS, tmp_path / "days", "2018-02-18", "2018-02-19")
    assert nightly(tmp_path, "2018-02-18", inputs=[days[0][1]]).returncode in (0, 3)
    before = db_state(tmp_path)
    rng = random.Random(10)
    for _ in range(3):
        p, marker = start_paused(tmp_path, "2018-02-19", "locked", inputs=[days[1][1]])
        marker.unlink()  # let it go on ...
        time.sleep(rng.uniform(0.0, 1.5))  # ... and kill it somewhere in the night's work
        p.kill()
        p.communicate()
        state = db_state(tmp_path)
        assert state == before or any("2018-02-19" in line and "INSERT INTO \"runs\"" in line for line in state)
    assert nightly(tmp_path, "2018-02-19", inputs=[days[1][1]]).returncode in (0, 3)


def test_two_runs_at_once(tmp_path):
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    holder, marker = start_paused(tmp_path, "2026-01-02", "locked")  # holds the lock until the marker goes
    r = nightly(tmp_path, "2026-01-02", wait=0)
    assert r.returncode == 5 and "another factcheck nightly run" in r.stderr and str(holder.pid) in r.stderr
    args = [sys.executable, "-m", "factcheck", "nightly", "--db", str(tmp_path / "fc.db"), "--reports",
            str(tmp_path / "reports"), "--date", "2026-01-02", "-i", str(SEEDS), "--wait", "30"]
    waiter = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)  # the waiter is polling the lock now (or soon: it waits either way)
    marker.unlink()
    assert holder.wait(timeout=60) == 0
    out, err = waiter.communicate(timeout=60)
    assert waiter.returncode == 0, err


def test_corrupt_database_is_reported_never_replaced(tmp_path):
    db = tmp_path / "fc.db"
    db.write_bytes(b"this is not a database, but an editor's file" * 100)
    before = db.read_bytes()
    r = nightly(tmp_path, "2026-01-01")
    assert r.returncode == 4
    assert "cannot be used" in r.stderr and "factcheck recover" in r.stderr
    assert db.read_bytes() == before


def test_old_schema_is_migrated_keeping_decisions(tmp_path):
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript(MIGRATIONS[0])
    con.execute("INSERT INTO decisions (discrepancy, decision, note, by, at) VALUES ('dabc', 'dismiss', 'n', 'x', 't')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    store = Store(db)
    assert store.version == SCHEMA_VERSION
    assert store.decisions()[0]["discrepancy"] == "dabc"
    store.close()


def test_missing_inputs_and_bad_config(tmp_path):
    r = run_in_process("nightly", "--db", tmp_path / "x.db")
    assert r.returncode == 2 and "no inputs" in r.stderr
    cfg = tmp_path / "f.toml"
    cfg.write_text('[nightly]\ninputs = ["in"]\ndatabse = "typo.db"\n')
    r = run_in_process("nightly", "-c", cfg)
    assert r.returncode == 2 and "databse" in r.stderr


def test_config_file_paths_are_relative_to_it(tmp_path):
    cfg = tmp_path / "factcheck.toml"
    (tmp_path / "in").mkdir()
    for p in SEEDS.glob("*.txt"):
        (tmp_path / "in" / p.name).write_bytes(p.read_bytes())
    cfg.write_text('[nightly]\ninputs = ["in"]\ndatabase = "state/fc.db"\nreports = "out"\n', encoding="utf-8")
    r = run_in_process("nightly", "-c", cfg, "--date", "2026-01-01", "--init", cwd="/")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "state" / "fc.db").exists() and (tmp_path / "out" / "2026-01-01" / "report.html").exists()


@pytest.mark.slow
def test_thirty_nights_of_the_real_corpus(tmp_path):
    """Replay 30 days of the corpus, one nightly run a day."""
    if not CORPUS.exists():
        pytest.skip("shared corpus not present")
    days = split_by_day(CORPUS, tmp_path / "days", "2018-02-17", "2018-03-18")
    assert len(days) == 30
    seen: dict[str, str] = {}
    dismissed = None
    for k, (day, path) in enumerate(days):
        cfg = Config(inputs=[str(path)], database=str(tmp_path / "fc.db"), reports=str(tmp_path / "reports"),
                     night=day, init=k == 0)
        result = run_nightly(cfg)
        assert result.summary["documents_new"] > 0
        data = report(tmp_path, day)
        for d in data["discrepancies"]:
            status = data["status"][d["id"]]
            if d["id"] in seen:
                assert status in ("open", "dismissed")  # an id once seen is never new again
            seen.setdefault(d["id"], day)
            if dismissed == d["id"]:
                assert status == "dismissed"
        if dismissed is None and data["discrepancies"]:
            dismissed = data["discrepancies"][0]["id"]
            store = Store(tmp_path / "fc.db")
            store.decide(dismissed, "dismiss", "test", "replay")
            store.close()
    index = (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")
    assert all(f"{day}/report.html" in index for day, _ in days)
    assert seen and dismissed
    # the last night again: nothing changes
    state, html = db_state(tmp_path), (tmp_path / "reports" / days[-1][0] / "report.html").read_bytes()
    run_nightly(Config(inputs=[str(days[-1][1])], database=str(tmp_path / "fc.db"),
                       reports=str(tmp_path / "reports"), night=days[-1][0]))
    assert db_state(tmp_path) == state
    assert (tmp_path / "reports" / days[-1][0] / "report.html").read_bytes() == html


def test_review_needs_a_known_discrepancy_and_a_database(tmp_path):
    r = review(tmp_path, "d0123456789a", "--confirm")
    assert r.returncode == 2 and "no database" in r.stderr
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    r = review(tmp_path, "dnope", "--dismiss")
    assert r.returncode == 2 and "no discrepancy dnope" in r.stderr
    assert "dnope" not in review(tmp_path, "--list").stdout


def test_unwritable_reports_fail_with_code_4_and_keep_the_database(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    r = run_in_process("nightly", "--db", tmp_path / "fc.db", "--reports", blocker / "reports", "--log",
                       tmp_path / "n.log", "--date", "2026-01-01", "-i", SEEDS, "--init")
    assert r.returncode == 4 and "run failed" in r.stderr
    con = sqlite3.connect(tmp_path / "fc.db")
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_the_example_config_is_valid(tmp_path):
    from factcheck.service.nightly import load_config
    from .conftest import ROOT
    cfg = load_config(str(ROOT / "factcheck.example.toml"))
    assert cfg.inputs == [str(ROOT / "incoming")] and cfg.window_days == 3 and cfg.wait == 0


def backup(tmp: Path) -> list[dict]:
    return json.loads((tmp / "fc.decisions.json").read_text(encoding="utf-8"))


def test_a_vanished_or_emptied_database_stops_the_run_unless_init(tmp_path):
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    d = report(tmp_path, "2026-01-01")["discrepancies"][0]["id"]
    assert review(tmp_path, d, "--dismiss", "--by", "layla").returncode == 0
    assert nightly(tmp_path, "2026-01-02").returncode == 0
    assert [x["decision"] for x in backup(tmp_path)] == ["dismiss"]
    db = tmp_path / "fc.db"
    for f in tmp_path.glob("fc.db*"):
        if f.name != "fc.db.lock":
            f.unlink()
    r = nightly(tmp_path, "2026-01-03", init=False)
    assert r.returncode == 4 and "does not exist" in r.stderr and "--init" in r.stderr, r.stderr
    assert not db.exists() and len(backup(tmp_path)) == 1
    db.write_bytes(b"")
    r = nightly(tmp_path, "2026-01-03", init=False)
    assert r.returncode == 4 and "empty" in r.stderr, r.stderr
    assert db.read_bytes() == b"" and len(backup(tmp_path)) == 1
    # review does not turn an empty file into a database either
    r = review(tmp_path, "--list")
    assert r.returncode == 4 and "empty" in r.stderr and db.read_bytes() == b""
    # --init starts again, taking the decisions back from the backup: the dismissal holds
    r = nightly(tmp_path, "2026-01-03", init=True)
    assert r.returncode == 0, r.stderr
    assert report(tmp_path, "2026-01-03")["status"][d] == "dismissed"
    assert [x["decision"] for x in backup(tmp_path)] == ["dismiss"]


def test_the_decisions_backup_is_never_overwritten_by_fewer_decisions(tmp_path):
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    d = report(tmp_path, "2026-01-01")["discrepancies"][0]["id"]
    assert review(tmp_path, d, "--dismiss", "--by", "layla").returncode == 0
    assert nightly(tmp_path, "2026-01-02").returncode == 0
    assert (tmp_path / "fc.decisions.2026-01-02.json").exists()
    saved = (tmp_path / "fc.decisions.json").read_bytes()
    con = sqlite3.connect(tmp_path / "fc.db")  # an older copy of the database put back
    con.execute("DELETE FROM decisions")
    con.commit()
    con.close()
    r = nightly(tmp_path, "2026-01-03")
    assert r.returncode == 4 and "lacks 1 of the 1 decisions" in r.stderr and "--import" in r.stderr, r.stderr
    assert (tmp_path / "fc.decisions.json").read_bytes() == saved
    assert json.loads((tmp_path / "fc.decisions.2026-01-02.json").read_text())[0]["decision"] == "dismiss"
    assert review(tmp_path, "--import", tmp_path / "fc.decisions.json").returncode == 0
    assert nightly(tmp_path, "2026-01-04").returncode == 0


def test_dated_decision_backups_keep_the_last_n(tmp_path):
    from factcheck.service.nightly import export_decisions
    store = Store(tmp_path / "fc.db", create=True)
    for k in range(1, 6):
        store.decide(f"d{k}", "confirm", None, "x")
        assert export_decisions(store, tmp_path / "fc.db", f"2026-01-0{k}", keep=2)
    store.close()
    assert sorted(p.name for p in tmp_path.glob("fc.decisions.*.json")) == [
        "fc.decisions.2026-01-04.json", "fc.decisions.2026-01-05.json"]
    assert len(backup(tmp_path)) == 5


@pytest.mark.parametrize("point", ["committed", "report", "reported"])
def test_a_discrepancy_stays_new_until_a_report_has_shown_it(tmp_path, point):
    """A night that committed but did not write its report (killed, disk full) must
    not swallow the alert: the next night still counts the discrepancy as new."""
    docs = high_severity_inputs(tmp_path)
    r = nightly(tmp_path, "2026-01-01", inputs=[docs], env={"FACTCHECK_CRASH_AT": point})
    assert r.returncode == -9
    r = nightly(tmp_path, "2026-01-02", inputs=[docs])
    assert r.returncode == 3, r.stderr
    assert set(report(tmp_path, "2026-01-02")["status"].values()) == {"new"}
    assert nightly(tmp_path, "2026-01-03", inputs=[docs]).returncode == 0  # shown once: open now
    assert set(report(tmp_path, "2026-01-03")["status"].values()) == {"open"}


def test_a_database_from_before_shown_keeps_its_statuses(tmp_path):
    """Migrating to schema 3 counts what older versions reported as shown: no alert storm."""
    docs = high_severity_inputs(tmp_path)
    assert nightly(tmp_path, "2026-01-01", inputs=[docs]).returncode == 3
    con = sqlite3.connect(tmp_path / "fc.db")
    con.executescript("DROP TABLE shown; ALTER TABLE documents DROP COLUMN extractor; PRAGMA user_version = 2;")
    con.close()
    assert nightly(tmp_path, "2026-01-02", inputs=[docs]).returncode == 0
    assert set(report(tmp_path, "2026-01-02")["status"].values()) == {"open"}


def start_paused(tmp: Path, night: str, point: str, inputs=(SEEDS,)) -> tuple[subprocess.Popen, Path]:
    """A nightly run that stops at `point` (FACTCHECK_PAUSE_AT) once it has written
    the marker file: the caller kills it there, not after a guessed sleep."""
    marker = tmp / f"marker-{point}"
    marker.unlink(missing_ok=True)
    args = [sys.executable, "-m", "factcheck", "nightly", "--db", str(tmp / "fc.db"), "--reports",
            str(tmp / "reports"), "--date", night]
    for i in inputs:
        args += ["-i", str(i)]
    p = subprocess.Popen(args, env=dict(os.environ, FACTCHECK_MARKER=str(marker), FACTCHECK_PAUSE_AT=point),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and p.poll() is None:
        if marker.exists() and point in marker.read_text().split():
            return p, marker
        time.sleep(0.02)
    p.kill()
    raise AssertionError(f"the run never reached {point}: {p.communicate()}")


def extra_inputs(tmp: Path) -> Path:
    extra = tmp / "extra"
    extra.mkdir(exist_ok=True)
    (extra / "new.txt").write_text("خبر جديد\nقتل 7 أشخاص في هجوم على سوق في كابل بأفغانستان.", encoding="utf-8")
    return extra


def test_ctrl_c_exits_130_and_keeps_the_database(tmp_path):
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    before = db_state(tmp_path)
    p, _ = start_paused(tmp_path, "2026-01-02", "ingest", inputs=[SEEDS, extra_inputs(tmp_path)])
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert db_state(tmp_path) == before


def test_review_while_a_run_writes_the_database_is_a_clear_error(tmp_path):
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    d = report(tmp_path, "2026-01-01")["discrepancies"][0]["id"]
    con = sqlite3.connect(tmp_path / "fc.db", isolation_level=None)
    con.execute("BEGIN IMMEDIATE")  # as a nightly run's transaction does
    try:
        r = review(tmp_path, d, "--dismiss", "--wait", "0.3")
    finally:
        con.execute("ROLLBACK")
        con.close()
    assert r.returncode == 5 and "busy" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert review(tmp_path, d, "--dismiss").returncode == 0


def test_review_import_and_export_errors_are_one_line(tmp_path):
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    d = report(tmp_path, "2026-01-01")["discrepancies"][0]["id"]
    bad = tmp_path / "bad.json"
    bad.write_text('[{"discrepancy": "x", "decision": "dismiss"', encoding="utf-8")
    r = review(tmp_path, "--import", bad)
    assert r.returncode == 2 and "not JSON" in r.stderr and "Traceback" not in r.stderr, r.stderr
    bad.write_text(json.dumps([{"discrepancy": d, "decision": "dismiss", "at": "2026-01-01T00:00:00+00:00"},
                               {"discrepancy": d, "decision": "dismiss"}]), encoding="utf-8")
    r = review(tmp_path, "--import", bad)
    assert r.returncode == 2 and "record 2 has no 'at'" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert review(tmp_path, "--list").stdout == ""  # nothing half-imported
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    r = review(tmp_path, "--export", blocker / "decisions.json")
    assert r.returncode == 4 and "cannot write" in r.stderr and "Traceback" not in r.stderr, r.stderr
    r = review(tmp_path, d, "--confirm", "--dismiss")
    assert r.returncode == 2 and "choose one decision" in r.stderr
    assert review(tmp_path, "--list").stdout == ""


@pytest.mark.parametrize("setting,name", [('wait = "30"', "wait"), ("inputs = 5", "inputs"),
                                          ('window_days = "3"', "window_days"), ("database = 7", "database"),
                                          ("backups = 0", "backups")])
def test_config_values_of_the_wrong_type_are_config_errors(tmp_path, setting, name):
    cfg = tmp_path / "f.toml"
    cfg.write_text('[nightly]\ninputs = ["in"]\n'.replace('inputs = ["in"]\n', "" if name == "inputs" else 'inputs = ["in"]\n')
                   + setting + "\n", encoding="utf-8")
    r = run_in_process("nightly", "-c", cfg)
    assert r.returncode == 2 and name in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_an_earlier_night_is_refused_and_changes_nothing(tmp_path):
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    assert nightly(tmp_path, "2026-01-03").returncode == 0
    state = db_state(tmp_path)
    files = {p: p.read_bytes() for p in (tmp_path / "reports").rglob("*") if p.is_file() and p.suffix != ".log"}
    r = nightly(tmp_path, "2026-01-02", inputs=[SEEDS, extra_inputs(tmp_path)])
    assert r.returncode == 2 and "before the latest run (2026-01-03)" in r.stderr, r.stderr
    assert db_state(tmp_path) == state
    assert {p: p.read_bytes() for p in files} == files and not (tmp_path / "reports" / "2026-01-02").exists()
    assert nightly(tmp_path, "2026-01-03").returncode == 0  # the latest night again is fine


def test_unwritable_reports_fail_before_any_work(tmp_path):
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    state = db_state(tmp_path)
    (tmp_path / "reports" / "2026-01-02").write_text("a file where the night's folder should be")
    r = nightly(tmp_path, "2026-01-02", inputs=[SEEDS, extra_inputs(tmp_path)])
    assert r.returncode == 4 and "not writable" in r.stderr, r.stderr
    assert "read 6 documents" not in (tmp_path / "reports" / "nightly.log").read_text()  # failed before reading
    assert db_state(tmp_path) == state  # nothing committed that no report showed


def test_a_good_night_prints_nothing_and_the_log_rotates(tmp_path):
    log = tmp_path / "reports" / "nightly.log"
    log.parent.mkdir(parents=True)
    log.write_text("an old line\n" * 100_000)  # 1.2 MB
    r = nightly(tmp_path, "2026-01-01")
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""  # cron mails nothing
    text = log.read_text()
    assert log.stat().st_size < 100_000 and (tmp_path / "reports" / "nightly.log.1").read_text().startswith("an old")
    assert "extracting: 5/5 documents" in text and "analysing" in text and " done: " in text
    r = nightly(tmp_path, "2026-01-02", extra=["--verbose"])
    assert r.returncode == 0 and " done: " in r.stderr and "factcheck nightly 2026-01-02: exit 0" in r.stdout


def test_the_readme_cron_line_mails_the_summary_when_a_person_is_needed(tmp_path):
    import re
    from .conftest import ROOT
    line = re.search(r"```cron\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    command = line.split(None, 5)[5]  # after the five time fields
    site = tmp_path / "site"
    (site / ".venv" / "bin").mkdir(parents=True)
    factcheck = site / ".venv" / "bin" / "factcheck"
    factcheck.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m factcheck "$@"\n')
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "mail").write_text(f'#!/bin/sh\necho "$@" >> "{tmp_path}/mailed"\ncat >> "{tmp_path}/mailed"\n')
    for f in (factcheck, tools / "mail"):
        f.chmod(0o755)
    docs = high_severity_inputs(site)
    env = dict(os.environ, PATH=f"{tools}:{os.environ['PATH']}", PYTHONPATH=str(ROOT))

    def cron(night, init=False):
        (site / "factcheck.toml").write_text(f'[nightly]\ninputs = ["in"]\ndatabase = "state/fc.db"\n'
                                             f'night = "{night}"\n', encoding="utf-8")
        if init:
            r = subprocess.run([str(factcheck), "nightly", "-c", str(site / "factcheck.toml"), "--init"],
                               capture_output=True, text=True, env=env)
            return r.returncode
        subprocess.run(["/bin/sh", "-c", command.replace("/srv/factcheck", str(site))], env=env, check=False)
        return None

    assert cron("2026-01-01", init=True) == 3  # (the first run, by hand)
    (tmp_path / "mailed").unlink(missing_ok=True)
    (site / "state" / "fc.db").unlink()
    for f in (site / "state").glob("fc.db-*"):
        f.unlink()
    cron("2026-01-02")  # the database vanished: exit 4, mailed
    mailed = (tmp_path / "mailed").read_text()
    assert "exit 4" in mailed and "does not exist" in mailed
    (tmp_path / "mailed").unlink()
    assert cron("2026-01-02", init=True) == 3
    (tmp_path / "mailed").unlink(missing_ok=True)
    cron("2026-01-03")  # nothing new: nothing mailed
    assert not (tmp_path / "mailed").exists()
    for k, n in ((2, 30), (3, 90)):  # a new story, four days later
        (docs / f"a{k}.jsonl").write_text(json.dumps({
            "id": f"a{k}", "source": f"outlet{k}", "published": "2026-01-04T08:00:00+00:00",
            "title": "مقتل مدنيين في تفجير في بغداد بالعراق",
            "text": f"قتل {n} مدنيا في تفجير في بغداد بالعراق بحسب وزارة الداخلية العراقية."},
            ensure_ascii=False) + "\n", encoding="utf-8")
    cron("2026-01-04")
    mailed = (tmp_path / "mailed").read_text()
    assert "exit 3" in mailed and "high  d" in mailed and "INFO" not in mailed  # the summary, not the log


def test_an_unusable_log_file_is_an_exit_4_with_everything_on_stderr(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the log's folder should be")
    r = nightly(tmp_path, "2026-01-01", extra=["--log", str(blocker / "n.log")])
    assert r.returncode == 4 and "cannot open the log file" in r.stderr and " done: " in r.stderr, r.stderr
    assert "exit 4" in r.stdout  # the summary, for the mail
    assert (tmp_path / "reports" / "2026-01-01" / "report.html").exists()  # the night itself went well


def test_claims_read_by_another_version_of_the_extractor_are_read_again(tmp_path):
    """An upgrade (code or lexicon) must not leave the stored figures of earlier
    nights as the old version read them: the next run reads their documents again."""
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    first = report(tmp_path, "2026-01-01")["discrepancies"]
    con = sqlite3.connect(tmp_path / "fc.db")
    # as an older version would have left them: another fingerprint, and figures it did not read
    con.executescript("UPDATE documents SET extractor = 'older'; DELETE FROM claims;")
    con.commit()
    con.close()
    r = nightly(tmp_path, "2026-01-02")
    assert r.returncode == 0, r.stderr
    assert "reading again 5 stored documents" in (tmp_path / "reports" / "nightly.log").read_text()
    assert [d["id"] for d in report(tmp_path, "2026-01-02")["discrepancies"]] == [d["id"] for d in first]
    store = Store(tmp_path / "fc.db")
    try:
        from factcheck.figures.claims import extractor_fingerprint
        ids = list(store.document_hashes())
        assert store.count("claims") > 0 and store.stale(ids, extractor_fingerprint()) == set()
        assert store.stale(ids, "older") == set(ids)
    finally:
        store.close()
    # and a run with nothing stale reads nothing again
    assert nightly(tmp_path, "2026-01-03").returncode == 0
    assert (tmp_path / "reports" / "nightly.log").read_text().count("reading again") == 1


def test_the_extractor_fingerprint_follows_the_lexicon_overlay(tmp_path, monkeypatch):
    from factcheck.figures.claims import extractor_fingerprint
    before = extractor_fingerprint()
    (tmp_path / "frames.toml").write_text('age_cues = ["بسن"]\n', encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_LEXICON", str(tmp_path))
    assert extractor_fingerprint() != before
    monkeypatch.delenv("FACTCHECK_LEXICON")
    assert extractor_fingerprint() == before
