"""`factcheck recover` on damaged databases: decisions first, nothing but Python."""
from __future__ import annotations

import json
import sqlite3

import pytest

from .conftest import run_in_process
from .test_nightly import nightly, report, review


def run(*args):
    return run_in_process(*args)


@pytest.fixture
def history(tmp_path):
    """Two nights and two decisions; returns (folder, the dismissed id, the confirmed id)."""
    assert nightly(tmp_path, "2026-01-01").returncode == 0
    ids = [d["id"] for d in report(tmp_path, "2026-01-01")["discrepancies"]]
    assert review(tmp_path, ids[0], "--dismiss", "--by", "layla").returncode == 0
    assert review(tmp_path, ids[1], "--confirm", "--by", "omar").returncode == 0
    assert nightly(tmp_path, "2026-01-02").returncode == 0
    return tmp_path, ids[0], ids[1]


def page_size_and_roots(db):
    con = sqlite3.connect(db)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    roots = dict(con.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'"))
    con.close()
    return size, roots


def damage_page(db, page: int, size: int):
    data = bytearray(db.read_bytes())
    data[(page - 1) * size: page * size] = bytes([0xA5]) * size
    db.write_bytes(bytes(data))


def check_recovered(tmp, dismissed, confirmed):
    out = tmp / "fc.db.recovered"
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    decisions = con.execute("SELECT discrepancy, decision, by FROM decisions ORDER BY seq").fetchall()
    con.close()
    assert decisions == [(dismissed, "dismiss", "layla"), (confirmed, "confirm", "omar")]
    # the recovered file takes over: the next night runs on it and the dismissal holds
    (tmp / "fc.db").rename(tmp / "fc.db.damaged")
    out.rename(tmp / "fc.db")
    r = nightly(tmp, "2026-01-03", init=False)
    assert r.returncode == 0, r.stderr
    assert report(tmp, "2026-01-03")["status"][dismissed] == "dismissed"


def test_the_recovery_message_names_a_recipe_that_works(history):
    tmp, _, _ = history
    db = tmp / "fc.db"
    db.write_bytes(b"\0" * 100 + db.read_bytes()[100:])
    r = nightly(tmp, "2026-01-03")
    assert r.returncode == 4 and f"factcheck recover {db}" in r.stderr and ".recover |" not in r.stderr


def test_recover_a_damaged_page_from_the_database_alone(history):
    tmp, dismissed, confirmed = history
    db = tmp / "fc.db"
    size, roots = page_size_and_roots(db)
    pages = db.stat().st_size // size
    keep = {1, roots["decisions"], roots["runs"], roots["discrepancies"]}
    victim = next(p for p in range(pages // 2, pages) if p not in keep)
    damage_page(db, victim, size)
    assert nightly(tmp, "2026-01-03").returncode == 4  # damaged: the run refuses it
    for f in tmp.glob("fc.decisions*.json"):
        f.unlink()  # the decisions must come from the database itself
    r = run("recover", db)
    assert r.returncode == 0, r.stderr
    assert "decisions: 2 rows copied" in r.stdout and "recovered into" in r.stdout
    check_recovered(tmp, dismissed, confirmed)


def test_recover_a_file_whose_header_is_gone_from_the_backup(history):
    tmp, dismissed, confirmed = history
    db = tmp / "fc.db"
    db.write_bytes(b"\0" * 4096 + db.read_bytes()[4096:])
    r = run("recover", db)
    assert r.returncode == 0, r.stderr
    assert "schema could not be read" in r.stdout and "added: 2" in r.stdout
    check_recovered(tmp, dismissed, confirmed)


def test_recover_a_truncated_file(history):
    tmp, dismissed, confirmed = history
    db = tmp / "fc.db"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    r = run("recover", db)
    assert r.returncode == 0, r.stderr
    check_recovered(tmp, dismissed, confirmed)


def test_recover_never_overwrites_and_never_writes_the_damaged_file(history):
    tmp, _, _ = history
    db = tmp / "fc.db"
    before = db.read_bytes()
    (tmp / "fc.db.recovered").write_text("an earlier attempt")
    r = run("recover", db)
    assert r.returncode == 4 and "already exists" in r.stderr
    assert (tmp / "fc.db.recovered").read_text() == "an earlier attempt"
    r = run("recover", db, "-o", tmp / "other.db")
    assert r.returncode == 0 and db.read_bytes() == before
    assert json.loads(json.dumps(r.stdout))  # a report, not a traceback
