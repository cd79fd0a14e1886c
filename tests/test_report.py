"""The HTML report as data: safe against hostile document text, self-contained."""
from __future__ import annotations

import re

import pytest

from factcheck.check import result_json, run_check
from factcheck.reading.documents import Document, iter_documents
from factcheck.lexicon import raw
from factcheck.publishing.report import render_report

from .conftest import SEEDS

HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>',
           "<a href='javascript:alert(4)'>x</a>"]


def hostile_docs():
    title = "كوريا الشمالية ترسل جنودا إلى روسيا " + HOSTILE[0]
    bodies = [f"أرسلت كوريا الشمالية 14000 جندي إلى روسيا {HOSTILE[1]} للقتال في أوكرانيا.",
              f"أرسلت كوريا الشمالية 11000 جندي إلى روسيا {HOSTILE[2]} {HOSTILE[3]} للقتال في أوكرانيا."]
    return [Document(id=f'x{k}"><b>', text=f"{title}\n{b}", source=f"<i>outlet{k}</i>", title_end=len(title),
                     url="javascript:alert(5)") for k, b in enumerate(bodies)]


@pytest.fixture(scope="module")
def hostile_html():
    r = run_check(hostile_docs())
    assert r.discrepancies, "the hostile documents must still produce a card"
    return render_report(r, result_json(r))


def test_document_text_cannot_inject_markup(hostile_html):
    assert "<script>alert" not in hostile_html
    assert "<img src=x" not in hostile_html and "<svg onload" not in hostile_html
    assert "href='javascript:" not in hostile_html and 'href="javascript:' not in hostile_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html  # shown as text
    assert "<i>outlet" not in hostile_html


def test_only_our_own_script_runs(hostile_html):
    assert len(re.findall(r"<script\b", hostile_html)) == 1
    assert "Content-Security-Policy" in hostile_html


def test_report_is_self_contained():
    r = run_check(iter_documents([SEEDS]))
    html = render_report(r, result_json(r))
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "@import" not in html and "url(" not in html
    assert '<html lang="ar" dir="rtl"' in html


def test_seeds_report_shows_both_contradictions_with_marked_quotes():
    r = run_check(iter_documents([SEEDS]))
    html = render_report(r, result_json(r))
    assert html.count('<article class="card') == 2
    assert "<mark>14000</mark>" in html and "<mark>5000</mark>" in html
    assert re.search(r'<mark id="c-[0-9a-f]{12}">حوالي 4000</mark>', html)


def test_changes_since_the_previous_report_are_counted():
    r = run_check(iter_documents([SEEDS]))
    data = result_json(r)
    previous = {"discrepancies": [data["discrepancies"][0], {"id": "dgone"}]}
    html = render_report(r, data, previous=previous)
    assert "+<bdi>1</bdi>" in html and "−<bdi>1</bdi>" in html


# -- the editors' desk (issue 11) ------------------------------------------------------------
from factcheck.publishing.report import clean_attribution, documents_only, report_context, search_key  # noqa: E402


def _doc(i, title, source, published):
    body = f"{title}\nقتل 10 أشخاص في الهجوم."
    return Document(id=i, text=body, source=source, published=published, title_end=len(title))


def _claim(cid, doc, source, published, value, **kw):
    return {"id": cid, "doc": doc, "source": source, "published": published, "start": len(doc) and 0, "end": 2,
            "text": str(value), "value": value, "low": value, "high": value, "qualifier": "exact",
            "figure": str(value), "event": "killed", "sentence": f"قتل {value} أشخاص", **kw}


def _disc(did, claims, **kw):
    return {"id": did, "type": "value_mismatch", "severity": "medium", "score": 40, "about": "people killed",
            "about_ar": "أشخاص (قتلى)", "story": claims[0]["doc"], "attribution": "unknown",
            "explanation": "x", "explanation_ar": "x", "positions": [],
            "claims": claims, "conflicts": [{"a": claims[0]["id"], "b": claims[1]["id"], "relation": "same", "gap": 0.5}],
            **kw}


DOCS = [_doc("a1", "مقتل عشرة في هجوم على سوق", "alarabia", "2018-05-14T10:00:00+04:00"),
        _doc("b1", "هجوم دام على سوق شعبي", "BBC", "2018-05-14T09:00:00+00:00"),
        _doc("c1", "حصيلة الهجوم ترتفع", "skynews", "2018-05-15T09:00:00+00:00")]


def _ctx(discs, **kw):
    data = {"documents": 3, "sources": ["BBC", "alarabia"], "claims": 4, "discrepancies": discs}
    return report_context(documents_only(DOCS), data, **kw)


def test_cards_name_their_story_and_each_documents_headline_and_outlet():
    ctx = _ctx([_disc("d1", [_claim("c1", "a1", "alarabia", DOCS[0].published, 10),
                             _claim("c2", "b1", "BBC", DOCS[1].published, 14)])])
    card = ctx["cards"][0]
    assert card["story_name"] == "مقتل عشرة في هجوم على سوق"  # the earliest headline (06:00 UTC)
    assert [(x["outlet"]["ar"], x["headline"]) for x in card["docs"]] == [
        ("العربية", "مقتل عشرة في هجوم على سوق"), ("بي بي سي عربي", "هجوم دام على سوق شعبي")]
    assert "العربية" in card["explain_ar"] and "alarabia" not in card["explain_ar"]


def test_times_are_shown_in_one_zone():
    ctx = _ctx([_disc("d1", [_claim("c1", "a1", "alarabia", DOCS[0].published, 10),
                             _claim("c2", "b1", "BBC", DOCS[1].published, 14)])], timezone_name="Asia/Riyadh")
    times = [c["time"]["text"] for c in ctx["cards"][0]["claims"]]
    assert times == ["2018-05-14 09:00", "2018-05-14 12:00"]
    assert ctx["zone"]["ar"] == "غرينتش+03:00" and "Asia/Riyadh" in ctx["zone"]["en"]


def test_timeline_puts_time_across_and_figures_up_and_joins_an_update():
    claims = [_claim("c1", "b1", "BBC", DOCS[1].published, 10), _claim("c3", "c1", "skynews", DOCS[2].published, 30)]
    ctx = _ctx([_disc("u1", claims, type="update", severity="info")])
    ch = ctx["cards"][0]["chart"]
    early, late = ch["points"]
    assert ch["by_time"] and early["x"] < late["x"] and early["y"] > late["y"]  # later and higher
    assert ch["line"] and ctx["cards"][0]["tier"] == "update"


def test_one_card_per_event_and_quantity():
    a = _disc("d1", [_claim("c1", "a1", "alarabia", DOCS[0].published, 10), _claim("c2", "b1", "BBC", DOCS[1].published, 14)])
    b = _disc("d2", [_claim("c1", "a1", "alarabia", DOCS[0].published, 10),
                     _claim("c2", "b1", "BBC", DOCS[1].published, 14), _claim("c3", "c1", "skynews", DOCS[2].published, 30)],
              severity="high", score=70)
    ctx = _ctx([a, b])
    assert len(ctx["cards"]) == 1
    card = ctx["cards"][0]
    assert card["id"] == "d2" and card["ids"] == ["d2", "d1"] and len(card["claims"]) == 3
    # sharing one document of three is not the same card (a round-up can tell two incidents)
    c = _disc("d3", [_claim("c4", "b1", "BBC", DOCS[1].published, 14), _claim("c5", "c1", "skynews", DOCS[2].published, 30)])
    assert len(_ctx([a, c])["cards"]) == 2


def test_tiers_alarms_then_review_then_updates_then_dismissed():
    def pair(did, cid, **kw):
        return _disc(did, [_claim(cid + "a", "a1", "alarabia", DOCS[0].published, 10),
                           _claim(cid + "b", "b1", "BBC", DOCS[1].published, 14)], about=did, **kw)
    discs = [pair("u", "u", type="update"), pair("r", "r", tier="review", severity="high"), pair("x", "x"),
             pair("a", "a", severity="low")]
    status = {"x": {"status": "open", "decision": {"decision": "dismiss", "by": "layla", "at": "t", "note": None}}}
    ctx = _ctx(discs, status=status)
    assert [c["tier"] for c in ctx["cards"]] == ["alarm", "review", "update", "dismissed"]
    assert [(t["key"], t["n"]) for t in ctx["summary"]["tiers"]] == [("alarm", 1), ("review", 1), ("update", 1),
                                                                    ("dismissed", 1)]


def test_within_a_tier_the_most_confident_alarm_leads_as_in_the_json():
    """The report's order is discrepancies.json's: a severe alarm the alignment is
    less sure of comes after a milder one it is sure of."""
    def pair(did, **kw):
        return _disc(did, [_claim(did + "a", "a1", "alarabia", DOCS[0].published, 10),
                           _claim(did + "b", "b1", "BBC", DOCS[1].published, 14)], about=did, **kw)
    ctx = _ctx([pair("unsure", severity="high", score=80, probability=0.83),
                pair("sure", severity="low", score=20, probability=0.97),
                pair("middle", severity="medium", score=40, probability=0.9)])
    assert [c["id"] for c in ctx["cards"]] == ["sure", "middle", "unsure"]


def test_arabic_labels_come_from_data_and_severity_runs_high_to_low():
    r = run_check(iter_documents([SEEDS]))
    html = render_report(r, result_json(r))
    assert "الجزء أكبر من الكل" in html and "أرقام متعارضة" in html and "كوريا الشمالية" in html
    assert re.search(r'<span class="l-ar">متوسطة</span>', html)
    ctx = _ctx([_disc(s, [_claim(s + "1", "a1", "alarabia", DOCS[0].published, 10),
                          _claim(s + "2", "b1", "BBC", DOCS[1].published, 14)], about=s, severity=s)
                for s in ("low", "high", "medium")])
    assert [o["value"] for o in ctx["facets"]["severity"]] == ["high", "medium", "low"]
    assert [c["severity"] for c in ctx["cards"]] == ["high", "medium", "low"]
    facet = raw("labels")["facet"]  # the filters' names too
    assert ctx["facet_names"] == {k: (facet[k]["ar"], facet[k]["en"]) for k in ctx["facets"]}
    assert ctx["zone"]["ar"].startswith(raw("labels")["time_zone"]["utc"]["ar"])


def test_misquote_and_disputed_only_when_the_attribution_supports_it():
    claims = [_claim("c1", "a1", "alarabia", DOCS[0].published, 10, attribution="وزارة الصحة"),
              _claim("c2", "b1", "BBC", DOCS[1].published, 14, attribution="أن")]
    card = _ctx([_disc("d1", claims, attribution="same_source")])["cards"][0]
    assert "misquote" not in card["explain_en"] and card["attr_shown"] is None  # one side is a fragment
    claims[1]["attribution"] = "وزارة الصحة الفلسطينية أن"
    card = _ctx([_disc("d1", claims, attribution="same_source")])["cards"][0]
    assert "misquote" in card["explain_en"] and card["attr_shown"] == "same_source"
    assert clean_attribution("وزارة الصحة أن") == "وزارة الصحة" and clean_attribution("أن") is None


def test_search_key_meets_spelling_variants_like_the_checker():
    assert search_key("زيلنسكي") in search_key("قال الرئيس زيلينسكي")
    assert search_key("بيونج يانج") in search_key("أعلنت بيونغ يانغ")


def test_citation_for_ant_corpus_figures():
    docs = [Document(id="x", text="t", origin="/data/ant-multisource-2018.jsonl.gz:3")]
    ctx = report_context(documents_only(docs), {"discrepancies": []})
    assert "Chouigui" in ctx["citation"] and "AICCSA 2017" in ctx["citation"]
    assert report_context(documents_only(DOCS), {"discrepancies": []})["citation"] is None


def test_a_leading_headline_from_alignment_names_the_story():
    d = _disc("d1", [_claim("c1", "a1", "alarabia", DOCS[0].published, 10),
                     _claim("c2", "b1", "BBC", DOCS[1].published, 14)], story="حصيلة هجوم السوق")
    assert _ctx([d])["cards"][0]["story_name"] == "حصيلة هجوم السوق"


def test_fields_absent_today_have_defaults():
    d = _disc("d1", [_claim("c1", "a1", None, None, 10), _claim("c2", "zz", None, None, 14)])
    for k in ("story", "tier", "positions", "attribution", "severity", "score"):
        d.pop(k, None)
    card = _ctx([d])["cards"][0]
    assert card["tier"] == "alarm" and card["story_name"] == "مقتل عشرة في هجوم على سوق"
    assert card["chart"]["by_time"] is False and len(card["chart"]["points"]) == 2


@pytest.mark.parametrize("raw, shown, names_someone", [
    ("وزارة الداخلية التونسية انتشال", "وزارة الداخلية التونسية", True),  # the sentence went on
    ("ما أفاد المتحدث باسم", None, False),                                 # cut before the name
    ("لوكالة الأنباء الليبية", "وكالة الأنباء الليبية", True),
    ("أفاد المتحدث باسم المفوضية", "المتحدث باسم المفوضية", True),
    ("ما أفادت الشرطة", "الشرطة", False),                                  # names no one in particular
    ("ضابط", "ضابط", False),
])
def test_attributions_are_shown_whole(raw, shown, names_someone):
    from factcheck.publishing.report import specific_attribution
    assert clean_attribution(raw) == shown
    assert (specific_attribution(raw) is not None) == names_someone


def test_disputed_needs_two_named_sources():
    claims = [_claim("c1", "a1", "alarabia", DOCS[0].published, 10, attribution="ضابط"),
              _claim("c2", "b1", "BBC", DOCS[1].published, 14, attribution="ما أفاد مسؤول محلي")]
    card = _ctx([_disc("d1", claims, attribution="disputed")])["cards"][0]
    assert "disputed" not in card["explain_en"] and card["attr_shown"] is None
    claims[0]["attribution"], claims[1]["attribution"] = "وزارة الصحة", "وكالة رويترز"
    card = _ctx([_disc("d1", claims, attribution="disputed")])["cards"][0]
    assert "disputed" in card["explain_en"] and "(وزارة الصحة / وكالة رويترز)" in card["explain_ar"]
