"""Records and their writers: a claim's fields declared once, one writer per format,
and the nightly statuses (new, open, dismissed, gone) as a plain function."""
from __future__ import annotations

import dataclasses
import io
import json

import pandas as pd
import pytest

from factcheck.check import REPORT_FORMAT, claim_json, result_json, run_check
from factcheck.figures.claims import (CLAIM_FORMAT, COLUMNS, REPORT_FIELDS, Claim, claim_from_stored, claim_record,
                              extractor, stored_claim)
from factcheck.reading.documents import Document, iter_documents
from factcheck.service.nightly import night_status
from factcheck.publishing.writers import WRITERS, JsonlWriter, read_json, render, write

from .conftest import SEEDS


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    return [c for d in iter_documents([SEEDS]) for c in extractor().extract(d)]


def test_every_table_has_the_claims_fields_in_their_declared_order(claims, tmp_path):
    assert COLUMNS == [f.name for f in dataclasses.fields(Claim)]
    assert all(list(c.row()) == COLUMNS and list(claim_record(c)) == COLUMNS for c in claims)
    assert any(";" in c.row()["entities"] for c in claims)  # lists joined in tables
    for fmt in ("csv", "parquet"):
        write(fmt, claims, tmp_path / f"c.{fmt}")
    a, b = pd.read_csv(tmp_path / "c.csv"), pd.read_parquet(tmp_path / "c.parquet")
    assert list(a.columns) == list(b.columns) == COLUMNS


def test_json_lines_write_every_list_as_a_list(claims):
    for c in claims:
        row = json.loads(JsonlWriter.line(c))
        assert list(row) == COLUMNS
        for name in ("entities", "years", "days", "places"):
            assert row[name] == getattr(c, name), name
    # the fields the judges' scorer reads (shared/scoring/numbers_eval.py), with their names
    assert {"id", "doc", "start", "end", "text", "value", "low", "high", "qualifier", "kind"} <= set(COLUMNS)


def test_discrepancies_json_carries_its_format_and_the_fields_the_scorer_reads(claims):
    r = run_check(iter_documents([SEEDS]))
    data = result_json(r)
    assert list(data)[0] == "format_version" and data["format_version"] == REPORT_FORMAT
    assert r.discrepancies
    for d in data["discrepancies"]:
        assert {"id", "type", "claims", "conflicts"} <= set(d)
        for c in d["claims"]:
            assert list(c) == list(REPORT_FIELDS) + ["figure", "stated"]
            assert {"id", "doc", "start", "end", "value", "low", "high", "norm"} <= set(c)
    assert "owner" in REPORT_FIELDS and REPORT_FIELDS.index("owner") == REPORT_FIELDS.index("event") + 1
    assert not {"years", "days", "places", "attribution_entity"} & set(REPORT_FIELDS)
    assert claim_json(claims[0])["id"] == claims[0].id


def test_a_discrepancys_figures_are_given_in_one_unit_with_what_was_written():
    """14 days against 14 years: whoever compares the values in the JSON sees what
    the check compared (14 against 5113.5 days), and each figure as written."""
    title = "الحكم على مستشار سابق لترامب"
    docs = [Document(id=f"{s}-1", source=s, title_end=len(title), published="2018-09-07T10:00:00+00:00",
                     text=f"{title}\nقضت محكمة أمريكية بسجن المستشار السابق 14 {unit} بسبب كذبه على المحققين.")
            for s, unit in (("bbc", "عاما"), ("cnn", "يوما"))]
    (d,) = result_json(run_check(docs))["discrepancies"]
    rows = {c["text"]: c for c in d["claims"]}
    assert (rows["14 يوما"]["value"], rows["14 يوما"]["unit"], rows["14 يوما"]["stated"]) == (14, "day", None)
    assert (rows["14 عاما"]["value"], rows["14 عاما"]["unit"]) == (5113.5, "day")
    assert rows["14 عاما"]["stated"] == {"value": 14, "low": 14, "high": 14, "unit": "year"}
    assert "14 years" in d["explanation"] and "14 days" in d["explanation"]


def test_stored_claims_carry_their_format_and_read_back_equal(claims):
    for c in claims[:20]:
        data = json.loads(json.dumps(stored_claim(c), ensure_ascii=False))
        assert data["format_version"] == CLAIM_FORMAT
        assert claim_from_stored(data) == c
    old = {k: v for k, v in stored_claim(claims[0]).items() if k != "format_version"}  # before versions
    assert claim_from_stored(old) == claims[0]


def test_one_writer_a_format_and_whole_files(tmp_path):
    assert set(WRITERS) == {"jsonl", "csv", "parquet", "json", "html"}
    target = tmp_path / "sub" / "x.json"
    write("json", {"a": "ب"}, target)  # the folder is made
    assert target.read_text(encoding="utf-8") == '{\n "a": "ب"\n}\n' == render("json", {"a": "ب"})
    assert read_json(target) == {"a": "ب"} and read_json(tmp_path / "missing.json") is None

    class Boom(Exception):
        pass

    def rows():
        yield "one\n"
        raise Boom

    (tmp_path / "t.jsonl").write_text("previous\n", encoding="utf-8")
    with pytest.raises(Boom):
        write("jsonl", rows(), tmp_path / "t.jsonl")
    assert (tmp_path / "t.jsonl").read_text(encoding="utf-8") == "previous\n"  # never half a file
    assert not list(tmp_path.glob(".*.tmp"))
    with pytest.raises(ValueError):
        write("parquet", [], None)
    with pytest.raises(ValueError):
        write("xml", [], tmp_path / "x.xml")
    out = io.StringIO()
    assert WRITERS["html"].dump("<p>x</p>", out) == 1 and out.getvalue() == "<p>x</p>"


# -- new, open, dismissed, gone ---------------------------------------------------------------
def _d(*docs):
    return {"claims": [{"doc": d} for d in docs]}


def test_new_until_a_report_has_shown_it_then_open():
    found = {"a": {}, "b": {}, "c": {}}
    status, gone = night_status("2026-03-03", found, shown={"a": "2026-03-01", "b": "2026-03-03"}, missing={},
                                window_docs=set(), decisions={})
    # shown by an earlier night's report: open; shown only by tonight's (a re-run): still new; never shown: new
    assert {k: v["status"] for k, v in status.items()} == {"a": "open", "b": "new", "c": "new"}
    assert gone == []


def test_the_latest_decision_counts_and_a_dismissal_stays_dismissed():
    found = {"a": {}, "b": {}}
    dismissed = {"discrepancy": "a", "decision": "dismiss", "by": "layla", "at": "t", "note": None}
    reopened = {"discrepancy": "b", "decision": "reopen", "by": "layla", "at": "t", "note": None}
    status, _ = night_status("2026-03-03", found, shown={"a": "2026-03-01"}, missing={}, window_docs=set(),
                             decisions={"a": dismissed, "b": reopened})
    assert status["a"] == {"status": "dismissed", "decision": dismissed}
    assert status["b"] == {"status": "new", "decision": reopened}


def test_a_decision_follows_its_card_into_the_card_that_joins_it():
    """A report that links two cards joins them under one id; the card keeps the latest
    decision made on either (its `known_as`)."""
    dismissed = {"discrepancy": "x", "decision": "dismiss", "by": "layla", "at": "t1", "note": None}
    found = {"m": {"known_as": ["x"]}, "n": {"known_as": []}}
    status, _ = night_status("2026-03-03", found, shown={}, missing={}, window_docs=set(),
                             decisions={"x": dismissed})
    assert status["m"] == {"status": "dismissed", "decision": dismissed}
    assert status["n"]["decision"] is None
    reopened = {"discrepancy": "m", "decision": "reopen", "by": "omar", "at": "t2", "note": None}
    status, _ = night_status("2026-03-03", found, shown={}, missing={}, window_docs=set(),
                             decisions={"x": dismissed, "m": reopened})
    assert status["m"]["decision"] == reopened


def test_gone_only_when_all_its_documents_are_still_in_the_window():
    missing = {"x": _d("d1", "d2"), "y": _d("d1", "d9"), "w": _d("d2")}
    _, gone = night_status("2026-03-03", {}, shown={}, missing=missing, window_docs={"d1", "d2"}, decisions={})
    assert gone == ["w", "x"]  # y's d9 left the window: it is not gone, only out of sight


def test_a_table_holds_each_claim_as_its_row_whatever_the_batch(claims, tmp_path):
    """The table is built a column at a time (a year's figures fit in memory): each cell is
    what the claim's row() says, for a batch, a single claim and none (a header only)."""
    for batch in (claims, claims[:1]):
        write("csv", batch, tmp_path / "t.csv")
        table = pd.read_csv(tmp_path / "t.csv", keep_default_na=False, dtype=str)
        rows = pd.DataFrame([c.row() for c in batch], columns=COLUMNS)
        rows.to_csv(tmp_path / "r.csv", index=False, lineterminator="\n")
        assert (tmp_path / "t.csv").read_bytes() == (tmp_path / "r.csv").read_bytes()
        assert len(table) == len(batch) and table["entities"].tolist() == [c.row()["entities"] for c in batch]
    write("csv", [], tmp_path / "e.csv")
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").strip() == ",".join(COLUMNS)
    write("parquet", [], tmp_path / "e.parquet")
    assert list(pd.read_parquet(tmp_path / "e.parquet").columns) == COLUMNS
