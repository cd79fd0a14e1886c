"""The optional CAMeL Tools analyser, tested both ways: without its data (as on
these machines) and with an analyser standing in for it."""
from __future__ import annotations

from factcheck.reading.arabic import load_lemmatiser, morphology_db_path
from factcheck.figures.claims import Extractor
from factcheck.reading.documents import Document

TEXT = "أضافت الشركات أربعة حفارات نفطية"


def concept(ex: Extractor, text: str) -> str:
    [c] = [c for c in ex.extract(Document(id="x", text=text)) if c.kind == "count"]
    return c.concept


def test_without_the_data_nothing_is_fetched_and_a_stem_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))  # an empty data folder
    assert morphology_db_path() is None and load_lemmatiser() is None
    assert concept(Extractor(), TEXT) == "~حفار"


def test_a_broken_install_is_ignored(tmp_path, monkeypatch):
    (tmp_path / "catalogue.json").write_text("{}")
    db = tmp_path / "data" / "morphology_db" / "calima-msa-r13"
    db.mkdir(parents=True)
    (db / "morphology.db").write_text("not a database")
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    assert morphology_db_path() == db / "morphology.db"
    assert load_lemmatiser() is None
    monkeypatch.setenv("FACTCHECK_MORPHOLOGY", "0")
    assert morphology_db_path() is None


def test_with_an_analyser_lemmas_name_unknown_nouns():
    lemmas = {"حفارات": "حفارة", "حفاره": "حفارة"}
    ex = Extractor(lemmatiser=lambda w: lemmas.get(w))
    # singular and plural meet under one lemma, where the stem alone would not
    assert concept(ex, TEXT) == concept(ex, "أضافت الشركات حفارة واحدة") == "~حفارة"


def test_the_stem_keeps_a_root_letter_that_looks_like_a_preposition(tmp_path, monkeypatch):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    ex = Extractor()
    # ل and ب begin these nouns; only a prefix with the article is taken off
    assert concept(ex, "رسم الفنان 12 لوحة في عام واحد") == "~لوحه"
    assert concept(ex, "وزع الصندوق 40 بطانية على الأسر") == "~بطانيه"


def test_titles_won_are_one_concept_whatever_the_word():
    ex = Extractor(lemmatiser=None)
    assert concept(ex, "توج اللاعب بـ32 لقبا مع فريقه") == concept(ex, "حصد اللاعب 64 بطولة مع فريقه") == "titles"
