"""Bad input never stops a run: one clear warning naming the file (and line)."""
from __future__ import annotations

import gzip
import json

import pytest

from factcheck.reading import documents
from factcheck.reading.documents import ReadStats, iter_documents

from .conftest import run_in_process, write_jsonl

GOOD = "عنوان الخبر\nقتل 12 شخصا في الهجوم."


def read(paths, **kw):
    stats = ReadStats()
    docs = list(iter_documents(paths, stats=stats, **kw))
    return docs, [str(p) for p in stats.problems]


def test_txt_first_line_is_headline_and_id_is_stem(tmp_path):
    (tmp_path / "a1.txt").write_text(GOOD, encoding="utf-8")
    [d], problems = read([tmp_path])
    assert (d.id, d.title, d.source, problems) == ("a1", "عنوان الخبر", None, [])


def test_source_from_sidecar_or_option_never_guessed(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.meta.json").write_text('{"source": "BBC", "published": "2018-05-01T10:00:00+00:00"}')
    docs, _ = read([tmp_path], source="skynews")
    assert {d.id: d.source for d in docs} == {"a": "skynews", "b": "BBC"}
    assert [d.source for d in read([tmp_path])[0]] == [None, "BBC"]


def test_json_record_text_is_title_newline_text(tmp_path):
    f = write_jsonl(tmp_path / "x.jsonl", [{"id": "r1", "source": "CNN", "title": "عنوان", "text": "نص", "published": "2018-01-01"}])
    [d], _ = read([f])
    assert (d.text, d.title, d.source, d.published) == ("عنوان\nنص", "عنوان", "CNN", "2018-01-01")


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\n", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
    ("latin.txt", "caf\u00e9 \u00e0 la cr\u00e8me".encode("latin-1"), "not UTF-8"),
])
def test_bad_txt_files_are_reported_and_skipped(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    docs, problems = read([tmp_path])
    assert [d.id for d in docs] == ["ok"]
    assert len(problems) == 1 and name in problems[0] and message in problems[0]


def test_windows_1256_arabic_is_read_with_a_warning(tmp_path):
    (tmp_path / "old.txt").write_bytes(GOOD.encode("cp1256"))
    [d], problems = read([tmp_path])
    assert d.text == GOOD and "Windows-1256" in problems[0]


def test_malformed_json_lines_are_skipped_with_their_line_number(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "a", "title": "t", "text": "قتل 3"}\n{not json\n[1, 2]\n{"id": "b", "title": "", "text": ""}\n'
                 '{"id": "c", "text": "قتل 4"}\n', encoding="utf-8")
    docs, problems = read([f])
    assert [d.id for d in docs] == ["a", "c"]
    assert [p.split(": ")[0] for p in problems] == [f"{f}:2", f"{f}:3", f"{f}:4"]
    assert "malformed JSON" in problems[0] and "no text" in problems[2]


def test_gzip_jsonl_and_damaged_gzip(tmp_path):
    good = tmp_path / "a.jsonl.gz"
    with gzip.open(good, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "title": "t", "text": "قتل 3"}, ensure_ascii=False) + "\n")
    bad = tmp_path / "b.jsonl.gz"
    bad.write_bytes(good.read_bytes()[:20])
    docs, problems = read([good, bad])
    assert [d.id for d in docs] == ["g1"]
    assert len(problems) == 1 and "b.jsonl.gz" in problems[0]


def test_huge_document_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOC_CHARS", 1000)
    (tmp_path / "huge.txt").write_text("قتل 5 أشخاص. " * 500, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    docs, problems = read([tmp_path])
    assert [d.id for d in docs] == ["ok"] and "too large" in problems[0]


def test_missing_path_and_duplicate_ids(tmp_path):
    f = write_jsonl(tmp_path / "x.jsonl", [{"id": "a", "text": "قتل 3"}, {"id": "a", "text": "قتل 4"}])
    docs, problems = read([f, tmp_path / "nope"])
    assert [d.id for d in docs] == ["a"]
    assert any("no such file" in p for p in problems) and any("already read" in p for p in problems)


def run_cli(*args, cwd=None):
    return run_in_process(*args, cwd=cwd)


def test_cli_exit_codes_for_bad_input(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    r = run_cli("extract", tmp_path)
    assert r.returncode == 1 and "bad.txt" in r.stderr and "no document could be read" in r.stderr
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    r = run_cli("extract", tmp_path)
    assert r.returncode == 0 and "bad.txt" in r.stderr and '"value": 12' in r.stdout
    r = run_cli("extract", "--format", "xml", tmp_path)
    assert r.returncode == 2


def test_the_real_corpus_loads_as_is():
    from .conftest import CORPUS
    if not CORPUS.exists():
        pytest.skip("shared corpus not present")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        head = [next(fh) for _ in range(200)]
    import tempfile, pathlib
    with tempfile.TemporaryDirectory() as d:
        p = pathlib.Path(d) / "head.jsonl"
        p.write_text("".join(head), encoding="utf-8")
        docs, problems = read([p])
    assert len(docs) == 200 and all(d.source and d.published for d in docs)


def test_a_text_without_full_stops_is_cut_into_bounded_sentences():
    from factcheck.reading.tokens import MAX_SENTENCE, sentences
    text = "قتل 5 أشخاص وأصيب 7 آخرون، " * 2000
    spans = sentences(text)
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).strip() == text.strip()


def test_a_stray_byte_in_utf8_text_leaves_out_its_line_and_the_rest_stays_utf8(tmp_path):
    lines = ["عنوان الخبر", "قتل 12 شخصا في الهجوم،", "وأصيب 3000 آخرون."]
    raw = "\n".join(lines).encode("utf-8").replace("12".encode(), b"1\xff2")
    (tmp_path / "stray.txt").write_bytes(raw)
    [d], problems = read([tmp_path])
    assert d.text.split("\n") == [lines[0], "", lines[2]]  # no mojibake such as «طŒ000»
    assert "3000" in d.text and "ط" not in d.text.replace("الخبر", "")
    assert len(problems) == 1 and f"stray.txt:2:" in problems[0] and "0xff" in problems[0]


def test_a_bad_byte_in_jsonl_skips_that_line_only_and_names_it(tmp_path):
    recs = [json.dumps({"id": f"r{k}", "title": "عنوان", "text": f"قتل {k} أشخاص " + "نص طويل " * 2000},
                       ensure_ascii=False).encode("utf-8") for k in range(1, 6)]
    recs[2] = recs[2].replace("قتل".encode(), b"\xff" + "قتل".encode())
    f = tmp_path / "feed.jsonl"
    f.write_bytes(b"\n".join(recs) + b"\n")
    docs, problems = read([f])
    assert [d.id for d in docs] == ["r1", "r2", "r4", "r5"]
    assert len(problems) == 1 and problems[0].startswith(f"{f}:3: ") and "not UTF-8" in problems[0]


def test_windows_1256_jsonl_and_json_are_read(tmp_path):
    rec = {"id": "w1", "source": "old", "title": "عنوان الخبر", "text": "قتل 12 شخصا في الهجوم."}
    (tmp_path / "old.jsonl").write_bytes((json.dumps(rec, ensure_ascii=False) + "\n").encode("cp1256"))
    (tmp_path / "old.json").write_bytes(json.dumps([dict(rec, id="w2")], ensure_ascii=False).encode("cp1256"))
    docs, problems = read([tmp_path])
    assert sorted(d.id for d in docs) == ["w1", "w2"] and all(d.text == GOOD for d in docs)
    assert len(problems) == 2 and all("Windows-1256" in p for p in problems)
