"""The seeds gold (shared/gold/seeds.yaml) as tests: the floor, not the ceiling."""
from __future__ import annotations

import pytest

from factcheck.check import result_json, run_check
from factcheck.figures.claims import extractor
from factcheck.reading.documents import iter_documents

from .conftest import SEEDS, span

NONQ = {"year", "date", "time", "ordinal", "spec"}


@pytest.fixture(scope="module")
def claims_by_doc(seed_ids):
    docs = {d.id: d for d in iter_documents([SEEDS])}
    return {key: extractor().extract(docs[doc_id]) for key, doc_id in seed_ids.items()}


def _overlapping(claims, s, e):
    return [c for c in claims if c.start < e and s < c.end]


def _gold_numbers(gold):
    return [pytest.param(n, id=f"{n['doc']}:{n['quote']}") for n in gold["numbers"]]


def pytest_generate_tests(metafunc):
    if "gold_number" in metafunc.fixturenames:
        import yaml
        from .conftest import GOLD
        g = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
        metafunc.parametrize("gold_number", _gold_numbers(g))


def test_every_gold_number(gold_number, claims_by_doc, seed_texts):
    n = gold_number
    s, e = span(seed_texts[n["doc"]], n["quote"])
    hits = _overlapping(claims_by_doc[n["doc"]], s, e)
    if n["kind"] in NONQ:
        assert all(c.kind in NONQ for c in hits), f"{n['quote']} read as a quantity: {hits}"
        return
    assert hits, f"{n['quote']} not found"
    c = min(hits, key=lambda c: abs(c.start - s))
    assert c.kind == n["kind"]
    if n.get("value") is not None:
        assert c.value == pytest.approx(n["value"])
    else:
        assert (c.low, c.high) == (n["low"], n["high"])
    assert c.qualifier == n["qualifier"]
    if "low" in n and n.get("value") is not None:
        assert c.low == n["low"] and c.high == n["high"]


def test_offsets_are_spans_of_the_document(claims_by_doc, seed_texts):
    for key, claims in claims_by_doc.items():
        for c in claims:
            assert seed_texts[key][c.start:c.end] == c.text


@pytest.fixture(scope="module")
def seeds_check():
    return result_json(run_check(iter_documents([SEEDS])))


def _discrepancy_holding(data, doc_spans):
    for d in data["discrepancies"]:
        if "update" in d["type"]:
            continue
        held = [any(c["doc"] == doc and c["start"] < e and s < c["end"] for c in d["claims"])
                for doc, s, e in doc_spans]
        if all(held):
            return d
    return None


def _spans(pair, seed_texts, seed_ids):
    return [(seed_ids[c["doc"]], *span(seed_texts[c["doc"]], c["quote"])) for c in pair]


def test_gold_contradictions_are_reported(gold, seeds_check, seed_texts, seed_ids):
    for g in gold["contradictions"]:
        spans = _spans(g["claims"], seed_texts, seed_ids)
        found = None
        for d in seeds_check["discrepancies"]:
            docs = {doc for doc, s, e in spans if any(c["doc"] == doc and c["start"] < e and s < c["end"]
                                                     for c in d["claims"])}
            if len(docs) >= 2:
                found = d
        assert found, f"missed: {g['id']}"


def test_consistent_pairs_are_not_reported(gold, seeds_check, seed_texts, seed_ids):
    for g in gold["consistent"]:
        d = _discrepancy_holding(seeds_check, _spans(g["claims"], seed_texts, seed_ids))
        assert d is None, f"false alarm: {g['why']} in {d['id']}"


def test_part_exceeds_whole_is_typed(seeds_check):
    types = {d["type"] for d in seeds_check["discrepancies"]}
    assert "part_exceeds_whole" in types


@pytest.mark.parametrize("name", ["fresh-pairs.yaml", "fresh-pairs-2.yaml", "fresh-pairs-3.yaml", "fresh-pairs-4.yaml",
                                  "fresh-pairs-5.yaml", "fresh-pairs-6.yaml", "fresh-pairs-7.yaml",
                                  "fresh-pairs-8.yaml"])
def test_each_held_out_gold_names_its_documents_and_quotes_two_of_them_an_item(name):
    """The held-out golds in benchmarks/ are in the schema the scorers and `factcheck fit` read:
    every item quotes two named documents, once each outlet.  A set whose readers found no
    contradiction lists the pairs they read, two named documents each."""
    import yaml
    from pathlib import Path
    gold = yaml.safe_load((Path(__file__).parent.parent / "benchmarks" / name).read_text(encoding="utf-8"))
    assert gold["contradictions"] or gold["pairs"]
    for pair in gold.get("pairs") or []:
        assert len(set(pair)) == 2 and all(d in gold["documents"] for d in pair), pair
    for section in ("contradictions", "either"):
        for item in gold.get(section) or []:
            docs = [c["doc"] for c in item["claims"]]
            assert len(set(docs)) >= 2 and all(d in gold["documents"] for d in docs), item["id"]
            assert all(c["quote"].strip() for c in item["claims"]), item["id"]


@pytest.mark.parametrize("name", ["fresh-numbers.yaml", "fresh-numbers-2.yaml"])
def test_each_held_out_numbers_gold_is_in_the_dev_numbers_schema(name):
    """The numbers audits in benchmarks/ are what numbers_eval.py reads: every mention names a
    listed document, quotes it, and says its kind; a quantity says its qualifier."""
    import yaml
    from pathlib import Path
    gold = yaml.safe_load((Path(__file__).parent.parent / "benchmarks" / name).read_text(encoding="utf-8"))
    kinds = {"count", "percent", "money", "duration", "distance", "measure", "year", "date", "time", "ordinal", "spec"}
    assert len(gold["numbers"]) > 300
    for m in gold["numbers"]:
        assert m["doc"] in gold["documents"] and m["quote"].strip() and m["kind"] in kinds, m
        if m["kind"] in ("count", "percent", "money", "duration", "distance", "measure"):
            assert m["qualifier"] in ("exact", "approx", "at_least", "more_than", "less_than", "up_to", "range",
                                      "vague"), m
