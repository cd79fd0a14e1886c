"""Scored alignment: candidates of every comparable kind, tiers, time, every
mention, the weights file and `factcheck fit`.  Small Arabic examples written
for the tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.matching.alignment import MODEL_PATH, ModelError, load_model, model_toml, read_model
from factcheck.matching.candidates import comparable_class, disagree
from factcheck.check import result_json, run_check
from factcheck.cli import main
from factcheck.figures.claims import extract_claims
from factcheck.reading.documents import Document
from factcheck.matching.pairfeatures import FEATURES

ROOT = Path(__file__).resolve().parent.parent
BAGHDAD = "قتلى في انفجار سيارة مفخخة في بغداد"


def docs(*bodies, dates=None, title="حكم على مستشار ترامب السابق بالسجن", sources=None):
    out = []
    for k, body in enumerate(bodies):
        text = f"{title}\n{body}"
        out.append(Document(id=f"d{k}", text=text, source=sources[k] if sources else f"outlet{k}",
                            title_end=len(title), published=dates[k] if dates else None))
    return out


def found(*bodies, **kw):
    return run_check(docs(*bodies, **kw)).discrepancies


def flagged(*bodies, **kw):
    return [d for d in found(*bodies, **kw) if d.type != "update"]


def tiers(*bodies, **kw) -> set[str]:
    """The tiers of the flagged cards: {"alarm"}, {"review"}, or both."""
    return {d.tier for d in flagged(*bodies, **kw)}


def test_durations_compare_across_units():
    got = flagged("قضت محكمة أمريكية بسجن جورج بابادوبولوس 14 يوما بسبب كذبه على المحققين.",
                  "قضت محكمة أمريكية بسجن جورج بابادوبولوس 14 عاما بسبب كذبه على المحققين.")
    assert [sorted(c.text for c in d.claims) for d in got] == [["14 عاما", "14 يوما"]]


def test_money_only_within_one_currency():
    body = "وقالت الشركة إنها ستستثمر {} في المشروع الجديد في مصر."
    assert not found(body.format("500 مليون دولار"), body.format("400 مليون يورو"))
    assert flagged(body.format("500 مليون دولار"), body.format("400 مليون دولار"))


def test_percentages_are_compared():
    body = "وبلغت نسبة التضخم في مصر {} في المئة في أبريل بحسب جهاز الإحصاء."
    assert flagged(body.format("13.1"), body.format("11"), title="التضخم في مصر")


def test_small_exact_figures_one_apart_are_compared():
    body = "وسجل اللاعب المصري 43 هدفا في {} مباراة مع ليفربول هذا الموسم."
    assert flagged(body.format("47"), body.format("48"), title="صلاح يسجل في دوري الأبطال")


def test_an_open_bound_touching_a_figure_is_rounding_not_disagreement():
    body = "وأقالت السلطات التركية {} موظف منذ محاولة الانقلاب."
    assert not found(body.format("أكثر من 140 ألف"), body.format("140 ألف"), title="حملة التطهير في تركيا")


def test_a_toll_that_rises_hours_later_is_an_update():
    body = "قتل {} شخصا في انفجار سيارة مفخخة في بغداد."
    got = found(body.format(12), body.format(20), title=BAGHDAD,
                dates=["2018-03-01T08:00:00+00:00", "2018-03-01T18:00:00+00:00"])
    assert [d.type for d in got] == ["update"] and got[0].tier == "update"


def test_a_toll_that_rises_within_the_hour_stays_a_contradiction():
    body = "قتل {} شخصا في انفجار سيارة مفخخة في بغداد."
    got = found(body.format(12), body.format(20), title=BAGHDAD,
                dates=["2018-03-01T08:00:00+00:00", "2018-03-01T08:40:00+00:00"])
    assert [d.type for d in got] == ["value_mismatch"]


def test_a_later_lower_toll_is_a_contradiction():
    body = "قتل {} شخصا في انفجار سيارة مفخخة في بغداد."
    got = found(body.format(20), body.format(12), title=BAGHDAD,
                dates=["2018-03-01T08:00:00+00:00", "2018-03-01T18:00:00+00:00"])
    assert [d.type for d in got] == ["value_mismatch"]


def test_a_lower_toll_posted_later_is_an_update_when_either_calls_it_preliminary():
    body = "قتل {} شخصا في انفجار سيارة مفخخة في بغداد في حصيلة أولية."
    got = found(body.format(20), body.format(12), title=BAGHDAD,
                dates=["2018-03-01T08:00:00+00:00", "2018-03-01T09:00:00+00:00"])
    assert got and all(d.type == "update" for d in got)


def test_a_toll_said_to_have_risen_is_an_update_even_soon_after():
    body = "قتل {} شخصا في انفجار سيارة مفخخة في بغداد في حصيلة أولية."
    got = found(body.format(12), body.format(20), title=BAGHDAD,
                dates=["2018-03-01T08:00:00+00:00", "2018-03-01T09:00:00+00:00"])
    assert got and all(d.type == "update" for d in got)


def test_every_mention_is_listed_and_conflicts_pair_mentions_of_different_figures():
    title = "بابادوبولوس يسجن 14 يوما"
    a = "قضت محكمة أمريكية بسجن جورج بابادوبولوس 14 يوما بسبب كذبه على المحققين."
    b = "قضت محكمة أمريكية بسجن جورج بابادوبولوس 14 عاما بسبب كذبه على المحققين."
    ds = [Document(id="d0", text=f"{title}\n{a}", source="outlet0", title_end=len(title)),
          Document(id="d1", text=f"عقوبة مستشار ترامب\n{b}", source="outlet1", title_end=len("عقوبة مستشار ترامب"))]
    got = [d for d in run_check(ds).discrepancies if d.type != "update"]
    assert len(got) == 1
    d0 = [c for c in got[0].claims if c.doc == "d0"]
    assert len(d0) == 2 and any(c.in_title for c in d0)  # headline and body
    for k in got[0].conflicts:
        assert k.a.doc != k.b.doc and k.a.value != k.b.value or k.a.unit != k.b.unit


def test_one_document_gives_one_figure_to_a_discrepancy():
    body = "قتل {} شخصا في انفجار سيارة مفخخة في بغداد."
    two = body.format(12) + " " + "وكانت حصيلة سابقة قد أشارت إلى مقتل 7 أشخاص في انفجار سيارة مفخخة في بغداد."
    for d in found(two, body.format(20), title=BAGHDAD):
        per_doc = {}
        for c in d.claims:
            per_doc.setdefault(c.doc, set()).add(c.value)
        assert all(len(v) == 1 for v in per_doc.values())


def test_discrepancies_carry_tier_probability_and_paired_conflicts():
    r = run_check(docs("قضت محكمة أمريكية بسجن جورج بابادوبولوس 14 يوما بسبب كذبه على المحققين.",
                       "قضت محكمة أمريكية بسجن جورج بابادوبولوس 14 عاما بسبب كذبه على المحققين."))
    d = result_json(r)["discrepancies"][0]
    assert d["tier"] in ("alarm", "review") and 0 < d["probability"] <= 1
    ids = {c["id"] for c in d["claims"]}
    assert d["conflicts"] and all(k["a"] in ids and k["b"] in ids for k in d["conflicts"])


@pytest.mark.parametrize("kind,a,b,differ", [
    ("date", "06-09", "06-19", True), ("date", "07-25", "07-25", False), ("score", "2-1", "1-2", True)])
def test_dates_and_scores_compare_by_their_norm(kind, a, b, differ):
    from factcheck.figures.claims import Claim

    def claim(norm):
        c = Claim(id=norm, doc="d", source="s", published=None, start=0, end=1, text=norm, value=None, low=None,
                  high=None, qualifier=None, kind=kind, unit=None, counted=None, concept=None, event=None)
        c.norm = norm
        return c
    assert comparable_class(claim(a)) == (kind,)
    assert disagree(claim(a), claim(b)) is differ


def test_the_weights_file_is_readable_and_complete():
    m = load_model()
    assert set(m.weights) == set(FEATURES)
    assert 0 < m.review <= m.alarm < 1
    assert read_model(MODEL_PATH).weights == m.weights
    assert model_toml(m) == MODEL_PATH.read_text(encoding="utf-8")  # the file is what `fit` writes


def test_a_misspelt_feature_in_the_weights_file_is_an_error_naming_it(tmp_path):
    bad = tmp_path / "alignment.toml"
    bad.write_text(MODEL_PATH.read_text(encoding="utf-8").replace("context_similarity =", "context_similarty ="),
                   encoding="utf-8")
    with pytest.raises(ModelError, match="context_similarty"):
        read_model(bad)


def test_fit_on_the_seeds_gold_reports_held_out_figures(tmp_path):
    out = tmp_path / "w.toml"
    res = CliRunner().invoke(main, ["fit", "--gold", str(ROOT / "tests" / "data" / "seeds_gold.yaml"),
                                    "--seeds-dir", str(ROOT / "seeds"), "-o", str(out)])
    # the seeds hold too few contradictions to fit: a clear usage error, nothing written
    assert res.exit_code == 2 and "fewer than 5" in res.output and not out.exists()


def test_check_output_is_deterministic(tmp_path):
    for k in range(2):
        res = CliRunner().invoke(main, ["check", str(ROOT / "seeds"), "-o", str(tmp_path / str(k))])
        assert res.exit_code == 0, res.output
    assert (tmp_path / "0" / "discrepancies.json").read_bytes() == (tmp_path / "1" / "discrepancies.json").read_bytes()
    data = json.loads((tmp_path / "0" / "discrepancies.json").read_text(encoding="utf-8"))
    assert {d["tier"] for d in data["discrepancies"]} <= {"alarm", "review", "update"}


def test_a_document_whose_figures_cannot_be_read_is_named_and_the_run_goes_on(monkeypatch, capsys):
    from factcheck.figures import claims as claims_module
    ex = claims_module.extractor()
    real = ex.extract

    def broken(d):
        if d.id == "d1":
            raise ValueError("unforeseen text")
        return real(d)
    monkeypatch.setattr(ex, "extract", broken)
    r = run_check(docs("قضت محكمة بسجنه 14 يوما.", "قضت محكمة بسجنه 14 عاما.", "قضت محكمة بسجنه 15 عاما."))
    assert len(r.documents) == 3 and all(c.doc != "d1" for c in r.claims)
    assert "d1" in capsys.readouterr().err


def test_a_date_without_its_year_agrees_with_the_same_day():
    from factcheck.matching.candidates import same_date
    assert same_date("2018-06-30", "06-30") and same_date("06-30", "06-30")
    assert not same_date("2018-06-30", "2019-06-30") and not same_date("06-09", "06-19")


def test_time_elapsed_one_unit_apart_is_counting_not_disagreement():
    body = "وسجل المهاجم هدف التقدم بعد {} دقائق فقط من بداية المباراة في الدوري الإسباني."
    assert not found(body.format("ثلاث"), body.format("أربع"), title="أتلتيكو يفوز على ريال")
    assert flagged(body.format("ثلاث"), body.format("سبع"), title="أتلتيكو يفوز على ريال")
    seconds = "وسجل المهاجم دييغو كوستا هدف التقدم بعد {} ثانية فقط من بداية المباراة في الدوري الإسباني."
    assert not found(seconds.format(49), seconds.format(50), title="أتلتيكو يفوز على ريال")
    assert flagged(seconds.format(40), seconds.format(50), title="أتلتيكو يفوز على ريال")


def test_ages_one_year_apart_still_disagree():
    body = "وأعلنت الشرطة اعتقال المشتبه به البالغ من العمر {} عاما قرب مدينة هامبورغ."
    assert flagged(body.format(21), body.format(20), title="اعتقال مشتبه به في ألمانيا")


def test_a_round_figure_agrees_with_what_it_rounds():
    body = "وعثر العلماء على أقدم دليل على صنع الخبز في موقع عمره {} عام في الأردن."
    assert not found(body.format("تسعة آلاف"), body.format("9100"), title="أقدم خبز في العالم")
    assert flagged(body.format("14 ألف"), body.format("9100"), title="أقدم خبز في العالم")


def test_a_partial_count_in_flux_is_an_update_not_a_contradiction():
    body = "وحصل أردوغان على {} في المئة من الأصوات بعد فرز {} في المئة من صناديق الاقتراع."
    got = found(body.format("53.5", "90"), body.format("52.5", "99"), title="نتائج الانتخابات التركية",
                dates=["2018-06-24T19:00:00+00:00", "2018-06-24T23:00:00+00:00"])
    assert got and all(d.type == "update" for d in got)


def test_a_share_of_the_votes_counted_so_far_is_a_stage_of_the_count():
    early = "وقال المسؤول إنه تم فرز 39 في المئة فقط من الأصوات، وإن أردوغان فاز بنحو 51.7 في المئة."
    later = "وحصل أردوغان على 52.5 في المئة من الأصوات في الانتخابات الرئاسية."
    got = found(early, later, title="نتائج الانتخابات التركية",
                dates=["2018-06-24T20:00:00+00:00", "2018-06-25T09:00:00+00:00"])
    assert not [d for d in got if d.type != "update"]


def test_a_past_event_is_never_set_against_today():
    title = "قتلى في هجوم بشاحنة على سوق في برلين"
    assert not found("وقتل 12 شخصا في هجوم بشاحنة على سوق في برلين عام 2016.",
                     "وقتل 3 أشخاص في هجوم بشاحنة على سوق في برلين.", title=title,
                     dates=["2018-04-08T10:00:00+00:00", "2018-04-08T11:00:00+00:00"])


def test_a_past_event_dated_in_the_sentence_before_is_that_event():
    title = "الإفراج عن الداعية المتشدد بعد قضاء نصف عقوبته"
    dated = "وحكم على الداعية بالسجن 5 أعوام ونصف لإدانته بالتحريض عام 2016."
    dates = ["2018-10-19T09:00:00+00:00", "2018-10-19T09:30:00+00:00"]
    assert flagged(dated, "وأدانته محكمة بريطانية في صيف 2016. وحكم على الداعية بالسجن 5 أعوام لإدانته بالتحريض.",
                   title=title, dates=dates)
    # the sentence before names another year: today's figure, or another event's
    assert not flagged(dated, "وأدانته محكمة بريطانية في صيف 2018. وحكم على الداعية بالسجن 5 أعوام لإدانته بالتحريض.",
                       title=title, dates=dates)


def test_a_share_agrees_with_its_rounding_but_a_duration_does_not():
    body = "وحصل المرشح موسى على {} في المئة من الأصوات في الانتخابات الرئاسية المصرية."
    assert not found(body.format("2.92"), body.format("2.9"), title="نتائج الانتخابات المصرية")
    assert flagged(body.format("2.92"), body.format("3.5"), title="نتائج الانتخابات المصرية")


def test_figures_in_two_units_stand_on_two_sides():
    d = flagged("قضت محكمة أمريكية بسجن جورج بابادوبولوس 14 يوما بسبب كذبه على المحققين.",
                "قضت محكمة أمريكية بسجن جورج بابادوبولوس 14 عاما بسبب كذبه على المحققين.")[0]
    assert len(d.positions) == 2


def test_others_after_another_events_figure_are_not_a_further_batch():
    from factcheck.figures.claims import extractor
    text = "عنوان\nقتل 35 فلسطينيا وأصيب نحو 2800 آخرين برصاص الجيش الإسرائيلي منذ 30 مارس."
    got = {c.text: c for c in extractor().extract(Document(id="x", text=text, title_end=5))}
    assert got["نحو 2800"].event == "wounded" and got["نحو 2800"].scope != "additional"
    more = "عنوان\nأرسلت كوريا الشمالية 6000 جندي آخرين إلى روسيا."
    assert [c.scope for c in extractor().extract(Document(id="y", text=more, title_end=5))] == ["additional"]


def test_others_share_the_scope_of_the_figure_they_follow_even_across_a_full_stop():
    from factcheck.figures.claims import extractor

    def scopes(text):
        return {c.text: c.scope for c in extractor().extract(Document(id="x", text="عنوان\n" + text, title_end=5))}
    # the killed are counted since the start: so are the wounded "others" of the same clause chain
    assert scopes("ومنذ ذلك التاريخ قتل 33 فلسطينيا، وأصيب نحو 2800 آخرين بالرصاص.")["نحو 2800"] == "since"
    # the killed close the sentence before: the wounded others are not a further batch
    assert scopes("وقتل 34 فلسطينيا. وأصيب نحو أربعة آلاف آخرين بالرصاص.")["نحو أربعة آلاف"] != "additional"
    # wounded after wounded are a further batch
    assert scopes("وأصيب 30 فلسطينيا صباح الجمعة. وأصيب 20 آخرون بعد الظهر.")["20"] == "additional"


def test_a_new_batch_is_said_of_the_figure_not_of_a_noun_after_it():
    from factcheck.figures.claims import extractor

    def scope(text):
        return [c.scope for c in extractor().extract(Document(id="x", text="عنوان\n" + text, title_end=5))]
    assert scope("وأرسلت الوزارة 500 جندي جديد إلى الحدود.") == ["additional"]
    assert scope("وحصلت القائمة على 43 مقعدا في البرلمان الجديد.") == [None]


def test_two_reports_that_each_give_both_figures_do_not_contradict_each_other():
    # each report gives the old sentence and the new one: whichever pair of
    # figures is taken across them, the other report says it too
    first = "وخففت المحكمة العسكرية عقوبة الجندي من 18 شهرا إلى 14 شهرا بعد الاستئناف."
    second = "وخففت المحكمة العسكرية عقوبة الجندي إلى 14 شهرا بعد أن كانت 18 شهرا قبل الاستئناف."
    assert not flagged(first, second, title="تخفيف عقوبة الجندي")
    assert flagged(first, "وخففت المحكمة العسكرية عقوبة الجندي من 18 شهرا إلى 9 أشهر بعد الاستئناف.",
                   title="تخفيف عقوبة الجندي")


def test_round_tens_agree_with_what_they_round_but_years_do_not():
    body = "وكانت الطائرة تقل {} راكبا عندما هبطت اضطراريا في المطار."
    assert not flagged(body.format("360"), body.format("أكثر من 362"), title="هبوط اضطراري لطائرة")
    assert flagged(body.format("360"), body.format("أكثر من 370"), title="هبوط اضطراري لطائرة")
    year = "وبدأت الفنانة مسيرتها الفنية في عام {} مع فرقة المسرح."
    assert flagged(year.format("1940"), year.format("1942"), title="رحيل الفنانة الكبيرة")


def test_reports_with_unlike_headlines_are_compared_when_their_figure_sentences_are_alike():
    # two reports lead on different things (a reaction, a funeral) and share
    # only the wire sentence with the figure, far below their leads
    lead_a = "ردود فعل دولية غاضبة على ما جرى، ودعوات أوروبية إلى ضبط النفس وفتح تحقيق مستقل. " * 9
    lead_b = "شيع آلاف المواطنين جثامين الضحايا في جنازات حاشدة وسط هتافات منددة بالاحتلال. " * 9
    wire = "وأصيب نحو {} متظاهر بالرصاص الحي والغاز المسيل للدموع على السياج الحدودي منذ بدء مسيرات العودة الكبرى."
    got = run_check([
        Document(id="a", text="بيان أوروبي\n" + lead_a + wire.format("2800"), source="one", title_end=11,
                 published="2018-04-20T10:00:00+00:00"),
        Document(id="b", text="جنازات حاشدة\n" + lead_b + wire.format("4000"), source="two", title_end=12,
                 published="2018-04-20T10:30:00+00:00")]).discrepancies
    assert [sorted(c.text for c in d.claims) for d in got if d.type != "update"] == [["نحو 2800", "نحو 4000"]]


def test_years_since_an_event_are_counted_one_way_or_another_but_sentences_are_not():
    since = "وعادت الناشطة إلى بلدها بعد مرور {} سنوات على محاولة اغتيالها في وادي سوات."
    assert not flagged(since.format("6"), since.format("5"), title="الناشطة تعود إلى بلدها")
    sentence = "وحكمت المحكمة على الداعية بالسجن {} سنوات بتهمة دعم تنظيم إرهابي."
    assert flagged(sentence.format("6"), sentence.format("5"), title="سجن الداعية")


def test_a_figure_its_report_calls_preliminary_is_an_early_stage_of_any_later_one():
    body = "وفاز الحزب الحاكم بـ{} مقعدا في البرلمان بحسب {}."
    for later in ("150", "130"):
        got = found(body.format("140", "النتائج الأولية"), body.format(later, "النتائج الرسمية"),
                    title="نتائج الانتخابات البرلمانية",
                    dates=["2018-07-25T20:00:00+00:00", "2018-07-26T18:00:00+00:00"])
        assert got and all(d.type == "update" for d in got), later
    # a later report calling its own figure preliminary does not make an earlier one a stage of it
    got = found(body.format("140", "النتائج الرسمية"), body.format("130", "النتائج الأولية"),
                title="نتائج الانتخابات البرلمانية",
                dates=["2018-07-25T20:00:00+00:00", "2018-07-26T18:00:00+00:00"])
    assert got and all(d.type != "update" for d in got)


def test_reports_that_both_give_a_figure_in_two_units_do_not_contradict_each_other():
    for body in ("وكان الدراج البالغ من العمر 20 عاما قد أمضى 20 يوما في المستشفى قبل وفاته.",
                 "وقضى الرهائن 20 يوما في الأسر بعد أن احتجزوا في الكهف الذي لم يدخله أحد منذ 20 عاما."):
        assert not flagged(body, body, title="وفاة الدراج البلجيكي")


def test_a_figure_with_three_digits_before_its_thousands_may_be_truncated():
    body = "وحصل المرشح على {} صوت في الجولة الأولى من الانتخابات الرئاسية."
    assert not flagged(body.format("656 ألف"), body.format("656 ألفا و534"), title="نتائج الانتخابات الرئاسية")
    assert flagged(body.format("656 ألف"), body.format("658 ألفا و100"), title="نتائج الانتخابات الرئاسية")


def test_tolls_on_the_day_from_unnamed_sources_are_to_review_not_alarms():
    body = "وقتل {} فلسطينيا برصاص الجيش الإسرائيلي خلال الاحتجاجات على حدود غزة اليوم الاثنين."
    got = flagged(body.format("54"), body.format("46"), title="قتلى في احتجاجات غزة",
                  dates=["2018-05-14T09:34:00+00:00", "2018-05-14T09:49:00+00:00"])
    assert got and all(d.tier == "review" for d in got)
    said = "وقالت وزارة الصحة الفلسطينية إن {} فلسطينيا قتلوا برصاص الجيش الإسرائيلي خلال الاحتجاجات على حدود غزة."
    got = flagged(said.format("54"), said.format("46"), title="قتلى في احتجاجات غزة",
                  dates=["2018-05-14T09:34:00+00:00", "2018-05-14T09:49:00+00:00"])
    assert got and got[0].attribution == "same_source"


def test_a_later_report_saying_its_figure_rose_is_an_update_a_day_later():
    first = "وقال المرصد إن حصيلة القتلى المدنيين منذ بدء الحملة بلغت 1002 بينهم 215 طفلا."
    later = "وقال المرصد إن القصف أسفر عن مقتل ثمانية مدنيين، لترتفع حصيلة القتلى المدنيين منذ بدء الحملة إلى 1031 بينهم 219 طفلا."
    got = found(first, later, title="قصف الغوطة الشرقية",
                dates=["2018-03-10T10:00:00+00:00", "2018-03-11T12:00:00+00:00"])
    assert got and all(d.type == "update" for d in got)


def test_a_date_of_another_year_is_not_set_against_a_date_without_a_year():
    body = "وبلغ سعر النفط أعلى مستوياته منذ {} بحسب بيانات السوق."
    assert not flagged(body.format("28 نوفمبر 2014"), body.format("18 نوفمبر"), title="أسعار النفط",
                       dates=["2018-05-08T10:00:00+00:00", "2018-05-08T11:00:00+00:00"])
    assert flagged(body.format("28 نوفمبر"), body.format("18 نوفمبر"), title="أسعار النفط",
                   dates=["2018-05-08T10:00:00+00:00", "2018-05-08T11:00:00+00:00"])


def test_two_dates_apart_in_both_day_and_month_are_two_days_not_one_misreported():
    title = "مسيرة العودة في غزة"
    body = "وبدأت مسيرات العودة على حدود غزة في {} الماضي بمشاركة آلاف الفلسطينيين."
    assert not flagged(body.format("30 مارس"), body.format("29 يوليو"), title=title)
    assert not flagged(body.format("7 نوفمبر 2012"), body.format("25 نوفمبر 2015"), title=title)
    assert not flagged(body.format("14 من الشهر الجاري"), body.format("28 أيار/مايو"), title=title,
                       dates=["2018-06-04T10:00:00+00:00", "2018-06-04T11:00:00+00:00"])
    # one field slipped: the day, the month, or a day across a month's end
    for other in ("31 مارس", "30 أبريل", "1 أبريل"):
        assert flagged(body.format("30 مارس"), body.format(other), title=title), other


def test_two_months_of_a_year_are_one_date_when_the_words_before_both_say_what_they_date():
    """"انضمت إلى المحكمة الجنائية الدولية في كانون الثاني/يناير 2015" and "انضمت إلى المحكمة
    الدولية في يونيو 2014" date one accession; a month of a year is otherwise the story's
    background (the war began in March 2011, the city was retaken in October 2015), and
    nothing is read from a month against a day."""
    title = "فلسطين والمحكمة الجنائية الدولية"
    when = ["2018-05-22T08:00:00+00:00", "2018-05-22T09:00:00+00:00"]
    got = flagged("وكانت فلسطين قد انضمت إلى المحكمة الجنائية الدولية في كانون الثاني/يناير 2015 بعد توقيع الميثاق.",
                  "وانضمت فلسطين إلى المحكمة الدولية في يونيو 2014، وتجري المحكمة تحقيقا أوليا.", title=title, dates=when)
    assert [sorted(c.text for c in d.claims) for d in got] == [["كانون الثاني/يناير 2015", "يونيو 2014"]]
    assert not flagged("وتصاعدت الحرب مع تدخل التحالف العسكري في آذار/مارس 2015 دعما للحكومة.",
                       "واستعادت القوات السيطرة على الميناء من الحوثيين في أكتوبر 2015 بعد معارك.",
                       title="الحرب في اليمن", dates=when)
    assert not flagged("وكانت فلسطين قد انضمت إلى المحكمة الجنائية الدولية في كانون الثاني/يناير 2015.",
                       "وكانت فلسطين قد انضمت إلى المحكمة الجنائية الدولية في 1 أبريل 2015.", title=title, dates=when)


def test_two_days_of_one_month_far_apart_are_two_days_unless_a_digit_slipped():
    """4 and 13 March in one story, with nothing beside both that says what they date, are
    the attack and the ambassador's summons, not one day misreported; 4 and 14, 13 and 31,
    20 and 30 are one slip of a digit apart.  Said of one thing (the attack), days far
    apart are still one date given two ways."""
    title = "تسميم الجاسوس الروسي سكريبال في بريطانيا"
    attack = "وتعرض سكريبال وابنته لتسميم بغاز للأعصاب في مدينة سالزبري في {}."
    summons = "واستدعت الخارجية الروسية السفير البريطاني في موسكو في {}."
    for one, other in (("4 مارس", "13 مارس"), ("9 مارس", "18 مارس"), ("2 مارس", "19 مارس")):
        assert not flagged(attack.format(one), summons.format(other), title=title), other
    for one, other in (("4 مارس", "14 مارس"), ("13 مارس", "31 مارس"), ("20 مارس", "30 مارس")):
        assert flagged(attack.format(one), summons.format(other), title=title), other
    assert flagged(attack.format("4 مارس"), attack.format("13 مارس"), title=title)



@pytest.mark.parametrize("period,age", [
    ("وحكم على المتهم الرئيسي بالسجن 20 عاما بتهمة التجسس.", "ونفذ المتهم الرئيسي الهجوم عندما كان في الحادية والعشرين من عمره."),
    ("وحكم على المتهم الرئيسي بالسجن 20 عاما بتهمة التجسس.", "ونفذ المتهم الرئيسي (21 عاما) الهجوم في العاصمة."),
    ("وعمل العالم الروسي في مختبر حكومي لمدة 27 سنة في الحقبة السوفيتية.", "وتعرض العالم الروسي (33 عاما) للتسميم في سالزبري."),
    ("وقالت إن المديرة الجديدة لها خبرة تمتد على مدى 30 عاما في الوكالة.", "وتخلف المديرة الجديدة (61 عاما) المدير السابق في الوكالة."),
    # years spent; an age read off "his Nth year"
    ("وقد أمضى الحارس 17 سنة في صفوف النادي.", "والحارس الذي سيبلغ عامه الـ24 في أكتوبر المقبل انضم للنادي."),
])
def test_a_term_or_a_span_of_years_is_not_an_age(period, age):
    title = "الحكم على المتهم الرئيسي في قضية التجسس"
    assert not flagged(period, age, title=title)
    # two terms, or two ages, are still compared
    assert flagged(period, period.replace("20 عاما", "15 عاما").replace("27 سنة", "30 سنة").replace("30 عاما", "35 عاما")
                   .replace("17 سنة", "12 سنة"), title=title)
    assert flagged(age, age.replace("الحادية والعشرين", "الثالثة والعشرين").replace("21 عاما", "23 عاما")
                   .replace("33 عاما", "36 عاما").replace("61 عاما", "64 عاما").replace("الـ24", "الـ28"), title=title)

def test_times_and_matches_are_never_another_noun():
    title = "رونالدو ينتقل إلى يوفنتوس"
    # three times is no count of players or of sessions
    assert not flagged("وأصبح رونالدو بهذا العقد واحدا من أغلى أربعة لاعبين في العالم.",
                       "واعتبر رونالدو المتوج بجائزة أفضل لاعب في العالم خمس مرات أن الفترة هي الأسعد.", title=title)
    assert not flagged("وتوج رونالدو بجائزة أفضل لاعب في العالم خمس مرات.",
                       "وتوج رونالدو بجائزة أفضل لاعب في العالم في أربع جلسات.", title=title)
    # matches played are not the rounds left of a league
    assert not flagged("وحسم ريال مدريد اللقب بعد فوزه في ست مباريات متتالية.",
                       "وحسم ريال مدريد اللقب قبل خمس جولات من نهاية الدوري.", title=title)
    # times against times, matches against matches, are compared
    assert flagged("وفاز رونالدو بجائزة أفضل لاعب في العالم خمس مرات.",
                   "وفاز رونالدو بجائزة أفضل لاعب في العالم أربع مرات.", title=title)
    assert flagged("وخاض رونالدو مع ريال مدريد 438 مباراة في كل البطولات.",
                   "وخاض رونالدو مع ريال مدريد 450 لقاء في كل البطولات.", title=title)


def test_a_tally_since_a_player_joined_counts_to_today_not_to_that_year():
    title = "النادي يمدد عقد لاعبه المصري"
    when = ["2018-03-26T10:00:00+00:00", "2018-03-26T12:00:00+00:00"]
    since = "وكان اللاعب قد انتقل إلى النادي في يناير 2016 وخاض في صفوفه 65 مباراة."
    assert flagged(since, "وشارك اللاعب في 66 مباراة مع النادي.", title=title, dates=when)
    # a tally of that year is that year's
    assert not flagged("وفي عام 2016 خاض اللاعب 30 مباراة مع النادي.", "وشارك اللاعب في 66 مباراة مع النادي.",
                       title=title, dates=when)
    # and a tally since he joined is not what the report calls a past season's
    assert not flagged("وانضم اللاعب إلى النادي في 2015 وسجل 15 هدفا في 84 مباراة.",
                       "وكان اللاعب هداف النادي في الموسم الماضي برصيد 8 أهداف.", title=title, dates=when)


def test_a_list_of_days_agrees_with_any_day_it_lists():
    title = "قمة الاتحاد الأوروبي في بروكسل"
    assert not flagged("وتعقد القمة الأوروبية يومي 28 و29 حزيران/يونيو في بروكسل.",
                       "وتعقد القمة الأوروبية في التاسع والعشرين من حزيران/يونيو في بروكسل.", title=title)
    assert flagged("وتعقد القمة الأوروبية يومي 28 و29 حزيران/يونيو في بروكسل.",
                   "وتعقد القمة الأوروبية في الثلاثين من حزيران/يونيو في بروكسل.", title=title)
    # in any digit set
    for days in ("٢٨ و٢٩", "۲۸ و۲۹"):
        assert not flagged(f"وتعقد القمة الأوروبية يومي {days} حزيران/يونيو في بروكسل.",
                           "وتعقد القمة الأوروبية في التاسع والعشرين من حزيران/يونيو في بروكسل.", title=title)


def test_editors_decisions_in_a_nightly_database_are_labels_for_fit(tmp_path):
    from factcheck.fit import label_decisions
    from tests.conftest import SEEDS
    db, reports = tmp_path / "fc.db", tmp_path / "reports"
    r = CliRunner().invoke(main, ["nightly", "--db", str(db), "--reports", str(reports), "--date", "2026-01-01",
                                  "--init", "-i", str(SEEDS)])
    assert r.exit_code == 0, r.output
    ids = [d["id"] for d in json.loads((reports / "2026-01-01" / "discrepancies.json").read_text())["discrepancies"]]
    assert len(ids) == 2
    assert label_decisions(db).y == []            # nothing decided yet: nothing labelled
    for d, how in zip(ids, ("--confirm", "--dismiss")):
        assert CliRunner().invoke(main, ["review", d, how, "--by", "layla", "--db", str(db)]).exit_code == 0
    got = label_decisions(db)
    # every pair of figures of the confirmed card is a contradiction, of the dismissed one not
    assert set(got.y) == {0, 1} and got.traps == [not y for y in got.y] and got.X.shape[0] == len(got.y)
    confirmed = {c["doc"] for c in json.loads((reports / "2026-01-01" / "discrepancies.json").read_text())
                 ["discrepancies"][0]["claims"]}
    assert all({k.a.doc, k.b.doc} <= confirmed for k, y in zip(got.candidates, got.y) if y)
    # the command takes the database beside gold files; too few labels to fit on is a usage error, named
    r = CliRunner().invoke(main, ["fit", "--decisions", str(db)])
    assert r.exit_code == 2 and f"{sum(got.y)} confirmed and {len(got.y) - sum(got.y)} dismissed" in r.output
    assert "fewer than 5" in r.output


def test_a_trigger_after_a_figure_is_its_own_when_the_next_figure_has_one():
    from factcheck.figures.claims import extractor
    text = "عنوان\nلقي 4 أشخاص مصرعهم فيما جرح سبعة آخرون إثر سقوط قذيفة على المخيم."
    got = {c.text: c.event for c in extractor().extract(Document(id="x", text=text, title_end=5))}
    assert got["4"] == "killed" and got["سبعة"] == "wounded"
    text = "عنوان\nوارتفعت حصيلة القتلى إلى 58 والجرحى إلى 2771 بحسب وزارة الصحة."
    got = {c.text: c.event for c in extractor().extract(Document(id="y", text=text, title_end=5))}
    assert got["58"] == "killed" and got["2771"] == "wounded"


def test_thresholds_count_trap_items_as_the_scorer_does():
    import numpy as np

    from factcheck.fit import choose_thresholds
    # one consistent item with two held-out pairs at 0.9 and 0.8, another item at 0.7; 20 items named
    y = np.array([0, 0, 0, 1])
    p = np.array([0.9, 0.8, 0.7, 0.95])
    traps = np.array([True, True, True, False])
    # 5% of 20 items is one item: both pairs of the first item may be flagged, not the second item
    alarm, review = choose_thresholds(y, p, traps, 20, trap_items=["g:1", "g:1", "g:2", None])
    assert review == 0.8
    # counted pair by pair, the second pair of the first item would already break the budget
    assert choose_thresholds(y, p, traps, 20)[1] == 0.9


def test_the_ages_of_two_people_named_in_one_story_are_not_one_age():
    title = "اللاعب ينفي اتهامات الاعتداء على امرأة أمريكية"
    a = "وكان المهاجم رونالدو، 33 عاما، قد نفى مزاعم الأمريكية كاثرين مايورغا بالاعتداء عليها في فندق."
    b = "وكان المهاجم قد نفى الأربعاء الاتهامات الموجهة إليه من الأمريكية كاثرين مايورغا (34 عاما) في فندق."
    assert not flagged(a, b, title=title)
    # the same person's age given two ways is still a disagreement
    c = "وكان المهاجم رونالدو، البالغ من العمر 34 عاما، قد نفى مزاعم الأمريكية كاثرين مايورغا في فندق."
    assert flagged(a, c, title=title)


def test_ages_set_off_after_two_different_names_are_two_peoples():
    title = "ريال مدريد يتأهل إلى نصف نهائي دوري الأبطال"
    a = "ونقلت الصحيفة عن الاتحاد الأوروبي أن راموس، 32 عاما، لم يدخل إلى أرض الملعب بعد المباراة."
    b = "وقاد الحكم أوليفر (33 عاما) مباراة الإياب على ملعب سانتياغو برنابيو في مدريد."
    assert not flagged(a, b, title=title)
    # one name spelled two ways, or a noun for a person against a name: maybe one person
    c = "وقاد الحكم أوليفير (34 عاما) مباراة الإياب على ملعب سانتياغو برنابيو في مدريد."
    assert flagged(b, c, title=title)
    d = "وقاد الحكم الشاب (34 عاما) مباراة الإياب على ملعب سانتياغو برنابيو في مدريد."
    assert flagged(b, d, title=title)


def test_ages_after_two_different_names_with_an_adjective_of_age_are_two_peoples():
    title = "استقالة وزير بريكست البريطاني"
    a = "لكن ديفيس البالغ من العمر 69 عاما والمعروف بمواقفه المشككة في الاتحاد الأوروبي قدم استقالته."
    b = "وهانت البالغ من العمر 51 عاما هو الابن البكر للأدميرال الذي تولى الخارجية بعد الاستقالة."
    assert not flagged(a, b, title=title)
    # one name, or a verb before the age (not a name): maybe one person
    assert flagged(a, a.replace("69", "67"), title=title)
    c = "وكان الرجل الذي لم يتجاوز من العمر 51 عاما قد قدم استقالته من الحكومة بعد الاستقالة."
    assert flagged(a, c, title=title)


def test_the_span_of_a_record_is_compared_only_with_the_same_records():
    title = "الأسواق الأمريكية تتراجع مع ضعف البيانات"
    a = "وسجلت مبيعات التجزئة الأمريكية أكبر انخفاض في 11 شهرا خلال يناير بحسب وزارة التجارة."
    b = "واتجه الدولار الأمريكي صوب تكبد أكبر خسارة أسبوعية في تسعة أشهر بحسب وزارة التجارة."
    assert not flagged(a, b, title=title)
    c = "وسجلت مبيعات التجزئة الأمريكية أكبر انخفاض في تسعة أشهر خلال يناير بحسب وزارة التجارة."
    assert flagged(a, c, title=title)


def test_the_time_since_something_last_happened_is_compared_only_with_such_spans():
    """"للمرة الأولى منذ 13 عاما" is the time since the last time, not the length of the
    four-year term sworn in that day; said two ways ("لأول مرة في"، "بعد غياب") it is one record."""
    title = "السيسي يؤدي اليمين الدستورية لولاية ثانية"
    first = "وللمرة الأولى منذ {} أدى الرئيس المصري اليمين الدستورية أمام البرلمان لولاية ثانية."
    term = "وأدى الرئيس المصري اليمين الدستورية أمام البرلمان لولاية ثانية تمتد لأربع سنوات."
    assert not flagged(first.format("13 عاما"), term, title=title)
    gap = "وأدى الرئيس المصري اليمين الدستورية أمام البرلمان لولاية ثانية بعد غياب {} عن هذا التقليد."
    assert flagged(first.format("13 عاما"), gap.format("11 عاما"), title=title)


def test_two_moments_of_a_match_are_two_of_its_events_unless_a_word_beside_both_says_what_they_time():
    title = "تونس تفوز على بنما في كأس العالم"
    a = "وسجل ديلان برون هدف تونس الأول في المباراة بعد مرور 18 دقيقة من البداية."
    b = "وأدرك المنتخب التعادل في المباراة من ركلة جزاء قبل عشر دقائق من الاستراحة."
    assert not flagged(a, b, title=title)
    c = "وسجل ديلان برون هدف تونس الأول في المباراة بعد مرور 12 دقيقة من البداية."
    assert flagged(a, c, title=title)
    # outside a match, two spans of minutes are still compared (a plane lost 20 or 50 minutes after take-off)
    assert flagged("وسقطت الطائرة بعد 20 دقيقة من إقلاعها من طهران.", "وسقطت الطائرة بعد مرور 50 دقيقة على إقلاعها.",
                   title="سقوط طائرة ركاب إيرانية")


def test_two_goals_minutes_are_one_goal_only_when_a_scorer_or_event_is_named_beside_both():
    title = "روما يفوز على ليفربول برباعية في دوري الأبطال"
    when = ["2018-05-02T08:00:00+00:00", "2018-05-02T09:00:00+00:00"]
    a = "وبهدف التعادل تحرر لاعبو روما وسجلوا هدفا ثالثا في الدقيقة 83 بواسطة نانيغولان ثم احتسب الحكم ركلة جزاء."
    b = "وسجل روما هدف التعادل عند الدقيقة 52، قبل أن يسجل البلجيكي رادجا نايغولان عند الدقيقة 87، ويضيف الرابع."
    assert [sorted(c.text for c in d.claims) for d in flagged(a, b, title=title, dates=when)] == [["83", "87"]]
    c = "وقلص البوسني إيدين دجيكو الفارق لروما عند الدقيقة 81 برأسية قوية."  # another scorer: another goal
    assert not flagged(a, c, title=title, dates=when)
    # the scorer counted past the plain words before the minute
    d = "ورد عليه باييت مسجلا الهدف الرابع (60) قبل أن يختتم الياباني هيروكي ساكاي المقابلة بتسجيله هدفا خامسا في الدقيقة 80."
    e = "ورد عليه باييت مسجلا الهدف الرابع (60) قبل أن يختتم الياباني هيروكي ساكاي الخامس (90)."
    assert [sorted(c.text for c in x.claims) for x in flagged(d, e, title=title, dates=when)] == [["80", "90"]]
    # a side's adjective and the words of a shot name no goal: a save at 48, a goal at 59
    f = "وفي الشوط الثاني سجل بوغبا الهدف الثالث للمنتخب الفرنسي في الدقيقة 59 بتسديدة قوية من خارج منطقة الجزاء."
    g = "ولم يتحسن أداء المنتخب الفرنسي إذ أنقذ لوريس فريقه في الدقيقة 48 من تسديدة قوية داخل منطقة الجزاء."
    assert not flagged(f, g, title="فرنسا تتوج بكأس العالم", dates=when)


def test_a_tally_higher_a_day_later_has_counted_another_match():
    title = "الكعبي هداف بطولة أمم أفريقيا للمحليين"
    body = "ورفع المهاجم المغربي أيوب الكعبي رصيده إلى {} أهداف في البطولة مع منتخب المغرب."
    day = ["2018-02-04T10:00:00+00:00", "2018-02-05T16:00:00+00:00"]
    assert [d.type for d in found(body.format("ثمانية"), body.format(9), title=title, dates=day)] == ["update"]
    # the same day, or lower later, the two tallies disagree
    hours = ["2018-02-04T10:00:00+00:00", "2018-02-04T13:00:00+00:00"]
    assert [d.type for d in flagged(body.format("ثمانية"), body.format(9), title=title, dates=hours)]
    assert [d.type for d in flagged(body.format(9), body.format("ثمانية"), title=title, dates=day)]


def test_an_earlier_event_a_sentence_recalls_is_not_todays():
    title = "زلزال جديد يضرب جزيرة لومبوك الإندونيسية"
    a = "وضرب زلزال قوي بلغت شدته 6.2 درجة جزيرة لومبوك المنكوبة في إندونيسيا."
    b = "وبعد أيام على زلزال بقوة 6.9 درجة ضربت هزة قوية جزيرة لومبوك المنكوبة في إندونيسيا."
    c = "وبعد 4 أيام من زلزال بقوة 6.9 درجة ضربت هزة قوية جزيرة لومبوك المنكوبة في إندونيسيا."
    assert not flagged(a, b, title=title) and not flagged(a, c, title=title)
    assert flagged(a, "وضرب زلزال قوي بلغت شدته 6.9 درجة جزيرة لومبوك المنكوبة في إندونيسيا.", title=title)


def test_a_report_published_before_the_day_of_an_event_speaks_of_another():
    title = "زلزال يضرب جزيرة لومبوك الإندونيسية"
    a = "وضرب زلزال بلغت شدته 6.9 درجة جزيرة لومبوك في إندونيسيا وأسفر عن أضرار كبيرة."
    b = "وضرب زلزال بلغت شدته 6.2 درجة الخميس جزيرة لومبوك في إندونيسيا وأسفر عن أضرار كبيرة."
    # Tuesday's report cannot speak of Thursday's earthquake
    assert not flagged(a, b, title=title, dates=["2018-08-07T15:00:00+00:00", "2018-08-09T06:00:00+00:00"])
    assert flagged(a, b, title=title, dates=["2018-08-09T09:00:00+00:00", "2018-08-09T06:00:00+00:00"])


def test_a_duration_without_its_smaller_units_is_shortened_but_without_its_half_it_disagrees():
    title = "أحكام بالسجن على صحفيين في تركيا"
    body = "وحكم على رئيس مجلس إدارة الصحيفة أكين أتالاي بالسجن {} بتهمة دعم الإرهاب."
    assert not flagged(body.format("3 سنوات وشهر و15 يوما"), body.format("3 سنوات وشهر"), title=title)
    assert not flagged(body.format("3 سنوات وشهر و15 يوما"), body.format("3 سنوات"), title=title)
    assert flagged(body.format("سبعة أعوام ونصف"), body.format("سبع سنوات"), title=title)
    assert flagged(body.format("سبعة أعوام ونصف"), body.format("ثماني سنوات"), title=title)
    assert flagged(body.format("ست سنوات"), body.format("سبع سنوات"), title=title)


def test_a_span_of_time_cut_short_is_rounding_but_another_span_is_not():
    title = "الحكم على القس الأميركي برانسون في تركيا"
    body = "وقضت المحكمة التركية بسجن القس أندرو برانسون {} بتهمة دعم الإرهاب ثم أفرجت عنه."
    assert not flagged(body.format("3 سنوات وشهر و15 يوما"), body.format("3 سنوات وشهر واحد"), title=title)
    assert not flagged(body.format("3 سنوات وشهر و15 يوما"), body.format("3 سنوات"), title=title)
    assert flagged(body.format("3 سنوات وشهر و15 يوما"), body.format("3 سنوات وشهرين"), title=title)
    title = "سباح في التاسعة والتسعين يحطم الرقم القياسي العالمي"
    body = "وكان الرقم القياسي العالمي السابق لسباق 50 مترا حرة لهذه الفئة العمرية {} وسجله سباح بريطاني."
    assert flagged(body.format("دقيقة و31.19 ثانية"), body.format("دقيقة واحدة و16.92 ثانية"), title=title)


def test_a_round_figure_stands_for_no_more_than_a_tenth_either_side():
    title = "يوفنتوس يتعاقد مع رونالدو"
    body = "وانتقل كريستيانو رونالدو من ريال مدريد إلى يوفنتوس في صفقة بلغت قيمتها {} يورو."
    assert flagged(body.format("100 مليون"), body.format("112 مليون"), title=title)
    assert not found(body.format("100 مليون"), body.format("105 ملايين"), title=title)
    assert not found(body.format("مئة مليون"), body.format("95 مليون"), title=title)


def test_the_end_of_a_span_is_compared_with_ends_not_with_the_opening_day():
    title = "انطلاق مهرجان كان السينمائي الدولي"
    a = "وينطلق مهرجان كان السينمائي في 8 مايو ويستمر لغاية 22 من نفس الشهر بمشاركة 21 فيلما."
    b = "وتتنافس الأفلام على السعفة الذهبية في المهرجان الذي يستمر حتى 19 مايو في مدينة كان."
    got = flagged(a, b, title=title, dates=["2018-05-08T10:00:00+00:00", "2018-05-10T10:00:00+00:00"])
    assert [sorted(p["text"] for p in d.positions) for d in got] == [["22 من نفس الشهر", "حتى 19 مايو"]]


def test_a_figure_of_another_thing_in_the_other_report_is_not_an_echo():
    from factcheck.figures.claims import extractor
    from factcheck.matching.pairfeatures import echoes, figure_values
    ex = extractor()
    a, b, c = docs("ولقي 4 أشخاص مصرعهم مساء الأحد إثر سقوط قذيفة على مخيم للنازحين في طرابلس.",
                   "وقتل شخصان إثر سقوط صاروخ على المخيم، وبين ضحايا المعارك هذا الأسبوع أربعة أطفال.",
                   "وقتل شخصان إثر سقوط صاروخ على المخيم، وقتل هذا الأسبوع في المعارك أربعة أشخاص.",
                   title="قتلى بسقوط قذيفة على مخيم للنازحين في طرابلس")
    claims = {d.id: ex.extract(d) for d in (a, b, c)}
    values = figure_values(x for cs in claims.values() for x in cs)
    four = next(x for x in claims[a.id] if x.value == 4)
    assert not echoes(four, b.id, values)   # four children do not echo four people
    assert echoes(four, c.id, values)


def test_two_people_are_told_apart_through_spelling_variants_of_a_name():
    title = "إسبانيا تقيل مدربها قبل كأس العالم"
    a = "وقرر الاتحاد الإسباني لكرة القدم إقصاء لوبيتيغوي البالغ من العمر 51 عاما لأن تفاوضه مع الريال جرى دون علمه."
    b = "وأعلن الاتحاد الإسباني لكرة القدم عن اختيار هييرو (50 عاما) بعد إقالة لوبيتيغي الذي تعاقد مع ريال مدريد."
    assert not flagged(a, b, title=title)
    c = "وقرر الاتحاد الإسباني لكرة القدم إقصاء للوبتيجي (50 عاما) لأن تفاوضه مع الريال جرى دون علمه."
    assert flagged(a, c, title=title)


def test_a_word_describing_the_person_before_the_name_is_not_another_person():
    title = "الحكم بإعدام قاتل طفلة في باكستان"
    a = "وأصدرت محكمة حكما بالإعدام على المتهم بقتل الطفلة زينب الأنصاري البالغة 7 أعوام في مطلع يناير."
    b = "وأصدرت محكمة حكما بالإعدام على المتهم بقتل طفلة عمرها ست سنوات في مطلع يناير."
    assert flagged(a, b, title=title)


def test_monthly_figures_of_two_months_are_two_quantities():
    title = "تراجع التضخم السنوي في مصر"
    a = "وقال الجهاز المركزي للإحصاء إن التضخم السنوي في المدن تراجع إلى 11% في أبريل من 13.3% في مارس."
    b = "وقال الجهاز المركزي للإحصاء إن التضخم السنوي في المدن ارتفع ليسجل 13,1 بالمئة في نهاية أبريل."
    got = flagged(a, b, title=title)
    assert [sorted(p["text"] for p in d.positions) for d in got] == [["11%", "13,1 بالمئة"]]


def test_a_forecast_is_not_set_against_what_was_measured():
    title = "تراجع التضخم السنوي في مصر"
    a = "وقال الجهاز المركزي للإحصاء إن التضخم السنوي في المدن تراجع إلى 11% في أبريل."
    b = ("وبحسب رويترز، يتوقع صندوق النقد الدولي أن يتراجع مستوى التضخم في مصر بنهاية العام المالي "
         "الجاري إلى 10,4 بالمئة.")
    assert not flagged(a, b, title=title)
    c = "وبحسب رويترز، قال الجهاز المركزي للإحصاء إن التضخم السنوي في المدن تراجع إلى 10,4 بالمئة."
    assert flagged(a, c, title=title)


def test_how_long_a_meeting_will_last_is_not_how_long_it_lasted():
    title = "قمة ترامب وكيم في سنغافورة"
    planned = "وسيستمر الاجتماع بين الزعيمين لمدة 45 دقيقة ثم ينضم إليهما كبار المستشارين."
    held = "وعقد الاجتماع بين الزعيمين لمدة أربعين دقيقة ثم انضم إليهما كبار المستشارين."
    assert not flagged(planned, held, title=title)
    also_held = "واستمر الاجتماع بين الزعيمين لمدة 45 دقيقة ثم انضم إليهما كبار المستشارين."
    assert flagged(also_held, held, title=title)



def test_candidate_recall_counts_a_pair_of_figures_whatever_mentions_stand_for_it(tmp_path):
    # each report gives its figure twice; the candidate row stands on the most
    # alike mentions (the headlines), the gold quotes the others: the pair of
    # figures is a candidate all the same
    from factcheck.fit import label_gold
    (tmp_path / "a.txt").write_text("مقتل 4 أشخاص في قصف صاروخي على مخيم للنازحين جنوب طرابلس\n"
                                    "وقال مسؤول محلي إن الضحايا 4 أشخاص بينهم طفل صغير.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("مقتل شخصين في قصف صاروخي على مخيم للنازحين جنوب طرابلس\n"
                                    "وأكدت مصادر طبية أن القتلى شخصان من سكان المخيم.\n", encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text('documents: {"a": a.txt, "b": b.txt}\n'
                    "contradictions:\n  - id: toll\n    claims:\n"
                    '      - {doc: "a", quote: "الضحايا 4 أشخاص", value: 4}\n'
                    '      - {doc: "b", quote: "القتلى شخصان", value: 2}\n', encoding="utf-8")
    got = label_gold(gold, seeds_dir=tmp_path)
    assert got.positives_total == 1 and got.positives_candidate == 1


def test_candidate_recall_is_reported_before_and_after_the_frames_set_pairs_aside(tmp_path):
    """A gold pair the story index reaches but a frame sets aside (a part named
    within its whole, منها) counts as reached, not as a candidate; the same
    number in two units (14 days, 14 years) is a pair of differing figures."""
    from factcheck.fit import label_gold
    title = "فيدرر يستعيد صدارة التصنيف العالمي للاعبي التنس"
    (tmp_path / "a.txt").write_text(f"{title}\nوبقي فيدرر في صدارة التصنيف 302 أسبوعا متتاليا في مسيرته.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{title}\nوتصدر فيدرر التصنيف 310 أسابيع، منها 237 أسبوعا متواصلا.\n",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("الحكم على مستشار سابق لترامب\nقضت المحكمة بسجن المستشار 14 يوما بسبب كذبه.\n",
                                    encoding="utf-8")
    (tmp_path / "d.txt").write_text("الحكم على مستشار سابق لترامب\nقضت المحكمة بسجن المستشار 14 عاما بسبب كذبه.\n",
                                    encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text('documents: {"a": a.txt, "b": b.txt, "c": c.txt, "d": d.txt}\n'
                    "contradictions:\n  - id: weeks\n    claims:\n"
                    '      - {doc: "a", quote: "302 أسبوعا متتاليا", value: 302}\n'
                    '      - {doc: "b", quote: "منها 237 أسبوعا متواصلا", value: 237}\n'
                    "  - id: term\n    claims:\n"
                    '      - {doc: "c", quote: "14 يوما", value: 14}\n'
                    '      - {doc: "d", quote: "14 عاما", value: 14}\n', encoding="utf-8")
    got = label_gold(gold, seeds_dir=tmp_path)
    assert (got.positives_total, got.positives_candidate, got.positives_reached) == (2, 1, 2)


def _claims(text, doc, when="2018-10-19T09:00:00+00:00"):
    from factcheck.figures.claims import extractor
    return extractor().extract(Document(id=doc, text="عنوان\n" + text, title_end=5, published=when, source=doc))


def test_two_counts_since_a_start_only_one_of_them_dates_are_two_periods():
    from factcheck.matching.candidates import incompatible

    def toll(text, doc):
        return [c for c in _claims(text, doc, when="2018-09-08T21:00:00+00:00") if c.kind == "count"][0]
    undated = toll("وقتل ما لا يقل عن 22 شخصا منذ بداية التظاهرات في المدينة.", "a")
    dated = toll("وارتفع عدد ضحايا الاحتجاجات في المدينة منذ الاثنين الماضي إلى 15 قتيلا.", "b")
    also_undated = toll("وقتل 15 شخصا منذ بداية التظاهرات في المدينة.", "c")
    assert undated.scope == dated.scope == "since" and dated.days and not undated.days
    assert incompatible(undated, dated)
    assert not incompatible(undated, also_undated)


def test_an_exact_figure_its_report_also_gives_with_a_bound_is_that_bound_said_loosely():
    a = docs("وافتتحت أول دار للسينما في السعودية بعد حظر دام 40 عاما.",
             title="افتتاح أول دار سينما في السعودية بعد حظر دام 40 عاما")[0]
    b = Document(id="d1", source="outlet1", title_end=len("افتتاح أول دار عرض في السعودية منذ أكثر من 35 عاما"),
                 text="افتتاح أول دار عرض في السعودية منذ أكثر من 35 عاما\n"
                      "وقال الوزير إنه أول فيلم جماهيري يعرض في السعودية منذ 35 عاما.")
    assert not [d for d in run_check([a, b]).discrepancies if d.type != "update"]
    c = Document(id="d2", source="outlet2", title_end=len("افتتاح أول دار عرض في السعودية منذ 35 عاما"),
                 text="افتتاح أول دار عرض في السعودية منذ 35 عاما\n"
                      "وقال الوزير إنه أول فيلم جماهيري يعرض في السعودية منذ 35 عاما.")
    assert [d for d in run_check([a, c]).discrepancies if d.type != "update"]


def test_the_same_digits_in_another_order_are_a_typing_slip():
    from factcheck.matching.pairfeatures import same_digits
    from factcheck.figures.claims import extractor
    title = "انطلاق الانتخابات العامة في باكستان"
    body = "ويضم البرلمان {} مقعدا يتنافس عليها آلاف المرشحين في أنحاء البلاد."
    ex = extractor()
    seats = [next(c for c in ex.extract(d) if c.value) for d in docs(*(body.format(v) for v in (342, 324, 334)),
                                                                          title=title)]
    assert same_digits(seats[0], seats[1]) and not same_digits(seats[0], seats[2])
    assert not same_digits(seats[0], seats[0])
    # the slip is evidence of one quantity misreported: it weighs for the pair
    p = {d.positions[1]["text"] if d.positions[0]["text"] == "342" else d.positions[0]["text"]: d.probability
         for v in ("324", "334") for d in found(body.format(342), body.format(v), title=title)}
    assert p["324"] > p["334"]


def test_a_match_minute_one_apart_is_one_moment_but_two_apart_is_not():
    title = "بلنسية يفوز على ضيفه بهدف قاتل"
    body = "وسجل المهاجم هدف الفوز من ركلة جزاء في الدقيقة {} من عمر المباراة."
    assert not flagged(body.format(85), body.format(86), title=title)
    assert flagged(body.format(84), body.format(86), title=title)


def test_the_same_digits_under_another_scale_word_are_one_figure_mis_scaled():
    title = "إنتاج أوبك يرتفع في أغسطس إلى أعلى مستوى هذا العام"
    rate = "وأظهر المسح أن إنتاج المنظمة ارتفع في أغسطس بمقدار {} برميل يوميا مقارنة مع يوليو."
    total = "وأظهر المسح أن إنتاج المنظمة ارتفع في أغسطس بمقدار {} برميل مقارنة مع يوليو."
    assert flagged(rate.format("278 ألف"), total.format("278 مليون"), title=title)
    # other digits: a rate and a total are still two quantities
    assert not flagged(rate.format("278 ألف"), total.format("35 مليون"), title=title)


def test_figures_of_two_events_the_lexicon_tells_apart_are_two_quantities():
    title = "كوريا الشمالية ترسل آلاف الجنود لمساندة روسيا"
    sent = "وقال المسؤول إن كوريا الشمالية أرسلت 12 ألف جندي إلى روسيا منذ الخريف الماضي."
    killed = "وقال المسؤول إن كوريا الشمالية خسرت 11 ألف جندي قتلوا في روسيا منذ الخريف الماضي."
    assert not flagged(sent, killed, title=title)
    assert flagged(sent, sent.replace("12 ألف", "15 ألف"), title=title)


def test_a_verdicts_figures_are_four_quantities_and_those_tried_are_one():
    title = "محكمة مصرية تصدر أحكامها في قضية فض اعتصام رابعة"
    # the sentenced to death and the acquitted of one verdict are two quantities (events.toml)
    death = "وقضت المحكمة بإعدام 75 شخصا في القضية التي حوكم فيها قادة الجماعة."
    acquitted = "وقضت المحكمة ببراءة 60 شخصا في القضية التي حوكم فيها قادة الجماعة."
    assert not flagged(death, acquitted, title=title)
    # those tried, counted as people by one report and as defendants by the other, are one
    tried = "وهي القضية التي حوكم فيها 739 شخصا بينهم قادة الجماعة، بحسب مصادر قضائية."
    accused = "ويحاكم في القضية 713 متهما بينهم قادة الجماعة، بحسب مصادر قضائية."
    assert flagged(tried, accused, title=title)


def test_an_event_said_of_one_figure_only_is_evidence_of_its_own():
    from factcheck.figures.claims import extractor
    from factcheck.matching.pairs import build_stories, score_candidates
    title = "قتلى وجرحى في هجوم على قاعدة عسكرية"
    killed = "وقالت مصادر أمنية إن {} جنديا قتلوا في الهجوم على القاعدة."
    bare = "وقالت مصادر أمنية إن {} جنديا كانوا في القاعدة وقت الهجوم عليها."
    ex = extractor()
    col = {f: i for i, f in enumerate(FEATURES)}
    for other, one in ((killed, 0.0), (bare, 1.0)):
        ds = docs(killed.format(40), other.format(45), title=title)
        claims = {d.id: ex.extract(d) for d in ds}
        scored = score_candidates(ds, claims, build_stories(ds, claims, ex), ex)
        [row] = scored.features
        assert row[col["one_event"]] == one and row[col["same_event"]] == 1.0 - one
    assert load_model().weights["one_event"] < 0  # the fitted weight: a pair told apart by it


def test_the_same_digits_with_another_separator_are_one_figure():
    title = "الفيفا يغرم أندية عربية"
    body = "وتعرض النادي لغرامة قدرها {} ألف يورو ومنح مهلة 3 أشهر لتسديد المبالغ المستحقة عليه."
    assert not flagged(body.format("25.800"), body.format("25,800"), title=title)
    assert flagged(body.format("25.800"), body.format("28.500"), title=title)


def test_a_small_round_figure_said_about_stands_for_what_rounds_to_its_ten():
    title = "صلاح يغادر نهائي دوري الأبطال مصابا"
    body = "وخرج صلاح مصابا بعد {} من بداية المباراة إثر التحام قوي مع راموس."
    assert not flagged(body.format("نحو 30 دقيقة"), body.format("25 دقيقة"), title=title)
    assert flagged(body.format("نحو 30 دقيقة"), body.format("20 دقيقة"), title=title)
    # a larger figure keeps the qualifier's tolerance: "about 300" is not 250
    title = "غرق قارب مهاجرين قبالة السواحل الليبية"
    boat = "وكان على متن القارب {} مهاجر عندما غرق قبالة السواحل الليبية، وفق خفر السواحل."
    assert flagged(boat.format("نحو 300"), boat.format("250"), title=title)


def test_a_whole_per_cent_agrees_with_the_figure_it_cuts_short_but_not_with_the_next():
    title = "بوتين يفوز بولاية رئاسية رابعة"
    body = "وحصل بوتين على {} في المئة من الأصوات بعد فرز جميع بطاقات الاقتراع، وفق اللجنة."
    assert not flagged(body.format("76.67"), body.format("76"), title=title)
    assert flagged(body.format("77.8"), body.format("76"), title=title)


def test_two_things_the_lexicon_tells_apart_are_never_compared():
    title = "يوفنتوس يقترب من اللقب بعد فوزه على ضيفه"
    goals = "ورفع الفريق رصيده إلى 75 هدفا في الدوري هذا الموسم بعد فوزه على ضيفه."
    points = "ورفع الفريق رصيده إلى 78 نقطة في الدوري هذا الموسم بعد فوزه على ضيفه."
    assert not flagged(goals, points, title=title)
    assert flagged(points, points.replace("78", "81"), title=title)


def test_one_number_in_two_units_of_time_is_a_slip_only_in_one_text():
    title = "سوريا تتولى رئاسة مؤتمر نزع السلاح"
    tweet = "وكتب السفير في تغريدة أن رئاسة سوريا للمؤتمر لمدة أربعة {} أمر مخز ولا يمكن قبوله."
    assert flagged(tweet.format("أسابيع"), tweet.format("أعوام"), title=title)
    other = "وقال مسؤول إن المفاوضات بين الطرفين قد تستغرق أربع سنوات قبل التوصل إلى اتفاق نهائي."
    assert not flagged(tweet.format("أسابيع"), other, title=title)


def test_one_number_in_two_units_of_time_is_a_slip_when_the_words_before_say_what_it_measures():
    """Two reports in their own words: the prison term named just before both
    (بالسجن، حكما بسجن) makes 14 days and 14 years one term misread."""
    title = "الحكم على مستشار سابق لترامب"
    days = "وقضت محكمة في واشنطن على المستشار السابق بالسجن 14 يوما بسبب كذبه على المحققين الفيدراليين."
    years = "وأصدرت المحكمة حكما بسجن جورج لمدة 14 عاما، بحسب ما أعلنه محاميه للصحفيين أمام مبنى المحكمة."
    assert flagged(days, years, title=title)
    # the words before say nothing in common: the years since he took power, the weeks between two visits
    title = "زعيم كوريا الشمالية يزور الصين"
    power = "وزار كيم الصين في مارس للمرة الأولى منذ توليه السلطة قبل ستة أعوام، وهي رحلة أكدها الطرفان."
    visits = "والتقى كيم الرئيس الصيني للمرة الثانية في غضون ستة أسابيع، ما يبرز الجهود التي يبذلها البلدان."
    assert not flagged(power, visits, title=title)
    # a unit alone writes no number to misread, and a word of the story before the clause is not what it measures
    title = "الانتخابات النيابية في لبنان"
    hour = "وكتب عون على تويتر داعيا اللبنانيين إلى الاقتراع قبل نحو ساعة من إقفال الصناديق."
    decade = "وبلغت نسبة المشاركة 49 في المئة، في عملية اقتراع هي الأولى منذ نحو عقد من الزمن."
    assert not flagged(hour, decade, title=title)
    hours = "وكتب عون على تويتر فوجئت بضعف الإقبال على الاقتراع، داعيا اللبنانيين قبل ثلاث ساعات من إقفال الصناديق."
    decades = "وبلغت نسبة المشاركة 49 في المئة، في عملية اقتراع هي الأولى منذ ثلاثة عقود من الزمن."
    assert not flagged(hours, decades, title=title)


def test_the_dead_a_group_lost_are_its_fighters_killed():
    title = "معارك عنيفة في البوكمال بين القوات الحكومية وتنظيم داعش"
    lost = "وقال المرصد إن تنظيم داعش فقد 22 قتيلا في المعارك التي اندلعت فجر السبت."
    killed = "وقال المرصد إنه قتل أيضا 21 من مسلحي تنظيم الدولة في المعارك التي اندلعت فجر السبت."
    assert flagged(lost, killed, title=title)
    # without an owner named on both, the dead and the fighters may be two groups of one story
    assert not flagged(lost.replace("إن تنظيم داعش فقد", "إن المعارك خلفت"), killed, title=title)


def test_two_dates_are_an_alarm_only_when_a_word_beside_both_says_what_they_date():
    title = "الانتخابات العامة في باكستان"
    when = ["2018-07-27T08:00:00+00:00", "2018-07-27T09:00:00+00:00"]
    same = flagged("وتصدرت حركة الإنصاف نتائج الانتخابات التي جرت في 25 يوليو في باكستان.",
                   "وفازت حركة الإنصاف في الانتخابات التي جرت في 26 يوليو في باكستان.", title=title, dates=when)
    assert same and same[0].tier == "alarm"
    # two days of one story, nothing beside them in common: the day a leader was arrested, the polling day
    # (two days as near as these are still compared; the 13th and the 25th would not be: see below)
    apart = flagged("وكان رئيس الوزراء السابق شريف قد أوقف لدى عودته إلى لاهور في 23 يوليو الجاري بتهمة الفساد.",
                    "وأعلن عمران خان فوزه في الانتخابات التي جرت يوم 25 يوليو الجاري في باكستان.",
                    title=title, dates=when)
    assert apart and all(d.tier == "review" for d in apart)


def test_two_dates_of_one_day_number_are_two_sides_named_by_their_dates():
    title = "مسيرة العودة في غزة"
    got = flagged("وبدأ الفلسطينيون في 30 مارس حركة احتجاجية أطلق عليها مسيرة العودة على حدود غزة.",
                  "وبدأ الفلسطينيون في 30 أبريل حركة احتجاجية أطلق عليها مسيرة العودة على حدود غزة.", title=title,
                  dates=["2018-04-06T08:00:00+00:00", "2018-04-06T09:00:00+00:00"])
    assert [[p["figure"] for p in d.positions] for d in got] == [["03-30", "04-30"]]
    assert "03-30" in got[0].explanation and "04-30" in got[0].explanation


def test_figures_in_sentences_naming_only_other_entities_are_less_likely_one_quantity():
    title = "نتائج المجموعة الأولى في كأس العالم"
    body = "وقال المدرب إن {} سجلت {} أهداف في التصفيات المؤهلة إلى البطولة."  # countries, not teams named so
    same = found(body.format("مصر", 17), body.format("مصر", 12), title=title)
    other = found(body.format("مصر", 17), body.format("السعودية", 12), title=title)
    assert same and other and other[0].probability < same[0].probability - 0.05
    # named as national teams (منتخب مصر، منتخب السعودية) they are two teams' figures: never compared
    team = "وقال المدرب إن منتخب {} سجل {} أهداف في التصفيات المؤهلة إلى البطولة."
    assert found(team.format("مصر", 17), team.format("السعودية", 12), title=title) == []


def test_two_spans_of_time_are_an_alarm_only_when_a_word_beside_both_says_what_they_measure():
    title = "الرئيس الفلسطيني يغادر المستشفى"
    when = ["2018-05-28T08:00:00+00:00", "2018-05-28T09:00:00+00:00"]
    same = flagged("وهذه هي المرة الثالثة التي يدخل فيها عباس (82 عاما) المستشفى خلال أسبوع.",
                   "وقال الطبيب إن عباس البالغ من العمر 83 عاما غادر المستشفى خلال أسبوع.", title=title, dates=when)
    assert same and same[0].tier == "alarm"
    apart = flagged("وهذه هي المرة الثالثة التي يدخل فيها عباس (82 عاما) المستشفى خلال أسبوع.",
                    "وقال الطبيب المعالج البالغ من العمر 83 عاما إن حالته مستقرة خلال أسبوع.", title=title, dates=when)
    assert all(d.tier != "alarm" for d in apart)


def test_a_headline_word_beside_two_dates_names_the_story_not_the_event():
    title = "تسميم الجاسوس الروسي سكريبال في بريطانيا"
    when = ["2018-04-03T08:00:00+00:00", "2018-04-03T09:00:00+00:00"]
    got = flagged("وتعرض سكريبال وابنته في الرابع من مارس لتسميم بغاز للأعصاب في مدينة سالزبري.",
                  "وكان القضاء البريطاني قد أجاز في 14 مارس أخذ عينات من دم سكريبال للتحليل.",
                  title=title, dates=when)
    assert got and all(d.tier == "review" for d in got)


def test_figures_a_report_calls_preliminary_in_the_sentence_before_are_an_early_stage():
    title = "نتائج الانتخابات التشريعية في العراق"
    first = ("وخسر المالكي في الانتخابات وفق النتائج الأولية شبه النهائية، حيث حصلت قائمته على 25 مقعدا.\n"
             "وحلت قائمة العبادي في المركز الثالث بحصولها على 43 مقعدا في البرلمان الجديد.")
    final = "وحلت قائمة العبادي في المركز الثالث بحصولها على 42 مقعدا في البرلمان الجديد."
    got = found(first, final, title=title, dates=["2018-05-17T08:00:00+00:00", "2018-05-19T08:00:00+00:00"])
    assert got and all(d.type == "update" for d in got)
    # without the word, a lower figure two days later stays a contradiction
    plain = ("وخسر المالكي في الانتخابات، حيث حصلت قائمته على 25 مقعدا.\n"
             "وحلت قائمة العبادي في المركز الثالث بحصولها على 43 مقعدا في البرلمان الجديد.")
    got = found(plain, final, title=title, dates=["2018-05-17T08:00:00+00:00", "2018-05-19T08:00:00+00:00"])
    assert got and all(d.type != "update" for d in got)


def test_a_card_of_two_dates_says_it_is_about_the_date():
    got = flagged("وبدأ الفلسطينيون في 30 مارس حركة احتجاجية أطلق عليها مسيرة العودة على حدود غزة.",
                  "وبدأ الفلسطينيون في 30 أبريل حركة احتجاجية أطلق عليها مسيرة العودة على حدود غزة.",
                  title="مسيرة العودة في غزة", dates=["2018-04-06T08:00:00+00:00", "2018-04-06T09:00:00+00:00"])
    assert got and got[0].about == "the date" and got[0].about_ar == "التاريخ"
    assert got[0].explanation.endswith("for the date.") and "بشأن التاريخ" in got[0].explanation_ar


def test_figures_of_two_clubs_are_two_quantities():
    title = "نتائج الجولة في الدوري الإسباني"
    a = "ورفع أتلتيكو مدريد رصيده إلى 71 نقطة في المركز الثاني."
    b = "ورفع ريال مدريد رصيده إلى 67 نقطة في المركز الثالث."
    assert not found(a, b, title=title)
    # one club, two figures: still compared; a player's goals are not told apart by the clubs named later on
    assert flagged(a, "ورفع أتلتيكو مدريد رصيده إلى 69 نقطة في المركز الثاني.", title=title)
    c = "ورفع صلاح رصيده إلى 43 هدفا في 47 مباراة، وراء رونالدو الذي يحل مع ريال مدريد على بايرن."
    d = "وسجل الجناح المصري 43 هدفا في 48 مباراة لليفربول هذا الموسم."
    assert flagged(c, d, title="صلاح يقود ليفربول")


def test_a_figure_between_where_a_count_rose_from_and_to_is_a_stage_of_it():
    title = "دول أوروبية تطرد دبلوماسيين روسا في قضية سكريبال"
    first = "وأعلن رئيس المجلس الأوروبي أن 14 دولة أوروبية ستطرد دبلوماسيين روسا تضامنا مع بريطانيا."
    later = "وأعلن رئيس المجلس الأوروبي أن 16 دولة أوروبية ستطرد دبلوماسيين روسا تضامنا مع بريطانيا."
    rose = ("وكان رئيس المجلس الأوروبي قد أعلن أن 14 دولة أوروبية ستطرد دبلوماسيين روسا تضامنا مع بريطانيا، "
            "وهو العدد الذي ارتفع فيما بعد إلى 20.")
    dates = ["2018-03-26T13:00:00+00:00", "2018-03-28T09:00:00+00:00", "2018-03-27T14:00:00+00:00"]
    assert flagged(first, later, title=title, dates=dates[:2])
    got = found(first, later, rose, title=title, dates=dates)
    assert got and all(d.type == "update" for d in got)
    # a figure beyond where it rose to is not a stage of it
    assert flagged(first, later.replace("16", "24"), rose, title=title, dates=dates)


def test_a_third_report_giving_both_counts_makes_them_two_quantities_to_review():
    title = "روسيا: إسرائيل أطلقت عشرات الصواريخ على سوريا"
    say = "وقالت وزارة الدفاع الروسية إن المقاتلات الإسرائيلية أطلقت {} صاروخا على مواقع في سوريا خلال ساعتين."
    both = ("وقالت وزارة الدفاع الروسية إن إسرائيل أطلقت 70 صاروخا في ضرباتها على سوريا. "
            "وأوضحت أن المقاتلات أطلقت 60 صاروخ جو-أرض، وأطلقت 10 صواريخ أخرى أرض-أرض.")
    dates = ["2018-05-10T10:00:00+00:00", "2018-05-10T11:00:00+00:00", "2018-05-10T12:00:00+00:00"]
    assert [d.tier for d in flagged(say.format(60), say.format(70), title=title, dates=dates[:2])] == ["alarm"]
    got = flagged(say.format(60), say.format(70), both, title=title, dates=dates)
    assert got and all(d.tier == "review" for d in got)


def test_a_count_said_to_rise_from_one_figure_to_another_makes_between_a_stage():
    title = "دول أوروبية تنضم إلى مبادرة الاتحاد الجديدة للطاقة"
    say = "وأعلن الاتحاد الأوروبي أن {} دولة أوروبية ستشارك في مبادرة الطاقة الجديدة."
    rose = "وأعلن الاتحاد الأوروبي أن عدد الدول المشاركة في مبادرة الطاقة الجديدة ارتفع من 14 إلى 20 دولة."
    dates = ["2018-03-26T09:00:00+00:00", "2018-03-27T09:00:00+00:00", "2018-03-27T18:00:00+00:00"]
    assert flagged(say.format(14), say.format(16), title=title, dates=dates[:2])
    got = found(say.format(14), say.format(16), rose, title=title, dates=dates)
    assert got and all(d.type == "update" for d in got)
    # "14 إلى 20" without من is not said to be a rise from 14
    plain = "وأعلن الاتحاد الأوروبي أن عدد الدول المشاركة في مبادرة الطاقة الجديدة ارتفع، وهي بين 14 إلى 20 دولة."
    assert flagged(say.format(14), say.format(16), plain, title=title, dates=dates)


def test_a_year_is_set_against_the_year_of_the_same_event_not_a_birth_year():
    # what a year dates is the cue before it (frames.toml dated_events): a first film's year,
    # a birth year.  Two years of one event are evidence of one quantity; of two events, two.
    title = "رحيل الفنانة المصرية الكبيرة عن عمر ناهز 97 عاما"
    when = ["2018-05-30T08:00:00+00:00", "2018-05-30T11:00:00+00:00"]
    got = flagged("انطلقت مسيرة الفنانة الراحلة، واسمها الحقيقي هنومة خليل، الفنية عام 1940، وكان أول أفلامها "
                  "مع الموسيقار محمد عبد الوهاب.",
                  "ولدت الفنانة الراحلة، واسمها الحقيقي هنومة خليل، في عام 1921، وبدأت رحلتها الفنية بمشهد صامت "
                  "أمام الموسيقار محمد عبد الوهاب في عام 1942.", title=title, dates=when)
    assert [sorted(c.text for c in d.claims) for d in got] == [["1940", "1942"]]
    born = found("ولدت الفنانة الراحلة، واسمها الحقيقي هنومة خليل، في عام 1925 بمدينة أسيوط.",
                 "وبدأت الفنانة الراحلة، واسمها الحقيقي هنومة خليل، مسيرتها الفنية في عام 1942 بمدينة أسيوط.",
                 title=title, dates=when)
    assert not born
    # the nearest cue before the year is its event, not one further back: a title won, not the career begun
    won = found("وبدأ مشواره الاحترافي في نادي موناكو وفاز معه بالدوري الفرنسي عام 1997.",
                "وبدأ مشواره الاحترافي في نادي موناكو عام 1994.", title="هنري مدربا لموناكو", dates=when)
    assert not won


def test_a_year_planned_is_not_set_against_a_year_past():
    """A station launched in 2011 and one planned by 2022 are two events, whatever the story;
    two target years (2022, 2023) or two past years are still compared."""
    title = "سقوط المحطة الفضائية الصينية تيانغونغ-1 في المحيط الهادئ"
    when = ["2018-04-02T09:00:00+00:00", "2018-04-02T13:00:00+00:00"]
    planned = "وتخطط الصين لإطلاق محطة فضائية مأهولة دائمة بحلول عام {}."
    launched = "وأطلقت الصين المحطة الفضائية المأهولة في عام {} ضمن برنامجها الفضائي."
    assert not flagged(planned.format(2022), launched.format(2011), title=title, dates=when)
    assert flagged(planned.format(2022), planned.format(2023), title=title, dates=when)
    assert flagged(launched.format(2011), launched.format(2010), title=title, dates=when)


def test_the_word_before_a_year_is_read_past_its_year_noun():
    """بحلول عام 2022 and بحلول 2023: the same word before the year, once عام is passed over
    (and عام before both years still counts as one word before both)."""
    from factcheck.figures.claims import extractor
    from factcheck.matching.pairfeatures import near_words
    ex = extractor()

    def before(text):
        d = Document(id="x", text="عنوان\n" + text, source="s", title_end=5)
        return near_words(next(c for c in ex.extract(d) if c.kind == "year"))[1]
    assert before("محطة مأهولة بحلول عام 2022.") & before("محطة حول الأرض بحلول 2023.")
    assert before("مسيرتها الفنية عام 1940.") & before("رحلتها في عام 1942.")
    assert not before("أطلقت في 2011.") & before("مأهولة بحلول 2022.")


def test_a_figure_cut_short_to_fewer_decimals_agrees_with_the_longer_one():
    title = "كويكب يمر قرب الأرض"
    body = "وقالت وكالة الفضاء إن الكويكب سيمر على بعد {} من الأرض يوم الجمعة."
    assert not flagged(body.format("6.1 مليون كيلومتر"), body.format("6.16 مليون كيلومتر"), title=title)
    assert not flagged(body.format("6,1 مليون كيلومتر"), body.format("6,19 مليون كيلومتر"), title=title)
    # not cut from a figure whose digits it does not begin, nor from a figure a whole step above
    assert flagged(body.format("6.1 مليون كيلومتر"), body.format("6.38 مليون كيلومتر"), title=title)
    assert flagged(body.format("6.1 مليون كيلومتر"), body.format("6.25 مليون كيلومتر"), title=title)


def test_a_gapped_figure_counts_what_the_figure_before_it_counts():
    claims = _claims("وتم تأكيد مقتل 46 شخصا في ولاية أوتار براديش، و31 في ولاية راجستان.", "a")
    second = [c for c in claims if c.value == 31][0]
    assert (second.concept, second.event) == ("people", "killed")
    # a figure with a noun or a verb of its own keeps its own
    wounded = [c for c in _claims("قتل 46 شخصا وأصيب 31 في الهجوم.", "b") if c.value == 31][0]
    assert wounded.event == "wounded"


def test_each_item_of_a_list_keeps_its_own_place():
    claims = {c.value: c for c in _claims("وقتل في سوريا 10 أشخاص في حلب و5 في إدلب.", "a")}
    assert "aleppo" in claims[10].entities and "idlib" not in claims[10].entities
    assert "idlib" in claims[5].entities and "aleppo" not in claims[5].entities
    assert "syria" in claims[10].entities and "syria" in claims[5].entities  # said of the whole list
    places = {c.value: c for c in _claims("وقتل 46 شخصا في ولاية أوتار براديش، و31 في ولاية راجستان.", "b")}
    assert places[46].places == ["اوتار"] and places[31].places == ["راجستان"]  # (normalised)
    # one place's toll from one outlet is not set against another place's from another
    title = "قتلى في عواصف رملية في الهند"
    a = "وقتل 46 شخصا في ولاية أوتار براديش، و31 في ولاية راجستان."
    b = "وقتل 27 شخصا في ولاية راجستان."
    assert not any({c.value for c in d.claims} == {27.0, 46.0} for d in flagged(a, b, title=title))


def test_a_person_and_the_country_they_belong_to_are_not_two_subjects():
    """Trump's plane and an American statement: one subject (entities.toml country), so the
    figures' differing entities say nothing against their being one quantity."""
    from factcheck.matching.pairfeatures import FEATURES
    from factcheck.matching.pairs import build_stories, score_candidates
    from factcheck.figures.claims import extractor
    title = "دخان في طائرة ميلانيا ترامب"
    bodies = ("وقال الصحفيون على متن الطائرة إن الدخان ظهر بعد حوالي 10 دقائق من إقلاع طائرة ترامب.",
              "وقال الصحفيون الأمريكيون على متن الطائرة إن الدخان ظهر بعد نحو 15 دقيقة من إقلاع الطائرة.",
              "وقال الصحفيون الروس على متن الطائرة إن الدخان ظهر بعد نحو 15 دقيقة من إقلاع الطائرة.")
    ds = docs(*bodies, title=title)
    ex = extractor()
    claims = {d.id: ex.extract(d) for d in ds}
    scored = score_candidates(ds, claims, build_stories(ds, claims, ex), ex)
    other = FEATURES.index("other_entities")
    by_docs = {(k.a.doc, k.b.doc): row[other] for k, row in zip(scored.candidates, scored.features)}
    assert by_docs[("d0", "d1")] == 0.0  # Trump's and America's
    assert by_docs[("d0", "d2")] == 1.0  # Trump's and Russia's


def test_a_figure_said_twice_with_and_without_its_qualifier_is_listed_whole():
    title = "دخان في طائرة ميلانيا ترامب بعد 10 دقائق من إقلاعها"
    a = "وقال الصحفيون على متن الطائرة إن الدخان ظهر بعد حوالي 10 دقائق من إقلاع الطائرة."
    b = "وقال الصحفيون على متن الطائرة إن الدخان ظهر بعد نحو 15 دقيقة من إقلاع الطائرة."
    got = flagged(a, b, title=title)
    assert len(got) == 1
    assert sorted(c.text for c in got[0].claims) == ["10 دقائق", "حوالي 10 دقائق", "نحو 15 دقيقة"]


def test_about_a_figure_written_to_a_decimal_is_its_rounding_not_a_tenth_either_side():
    title = "صندوق النقد يصرف شريحة جديدة من قرض تونس"
    body = "وحصلت تونس في 2016 على قرض من صندوق النقد الدولي قيمته {} على مدى أربع سنوات."
    assert flagged(body.format("2.9 مليار دولار"), body.format("حوالى 2.8 مليار دولار"), title=title)
    # "about" and a whole figure still reach a tenth either side; and an "about" figure may be cut short
    assert not flagged(body.format("2.9 مليار دولار"), body.format("نحو 3 مليارات دولار"), title=title)
    assert not flagged(body.format("2.87 مليار دولار"), body.format("بحدود 2.8 مليار دولار"), title=title)


def test_a_figure_out_of_a_whole_is_a_part_of_it_not_another_reading():
    title = "روما يبيع حارسه أليسون إلى ليفربول"
    a = "وحافظ أليسون على نظافة شباكه في 17 مباراة من بين 37 شارك فيها في الدوري الإيطالي الموسم الماضي."
    b = "وشارك أليسون في 37 مباراة مع روما في الدوري الإيطالي الموسم الماضي."
    assert not flagged(a, b, title=title)
    # two parts out of one whole are still one quantity
    assert flagged(a, a.replace("17 مباراة", "15 مباراة"), title=title)


def test_the_years_since_the_first_time_are_nobodys_age():
    title = "كوبا تنتخب رئيسا جديدا من خارج عائلة كاسترو"
    a = "وأصبح دياز كانيل رئيسا لكوبا من خارج عائلة كاسترو لأول مرة في 60 عاما."
    b = "وأصبح دياز كانيل، 58 عاما، رئيسا لكوبا من خارج عائلة كاسترو."
    assert not flagged(a, b, title=title)
    # two such spans are still one quantity
    assert flagged(a, a.replace("60 عاما", "59 عاما"), title=title)
    # a clause that only says "for the first time" before another figure gives it no such scope
    c = "وانتخب عباس رئيسا للسلطة الفلسطينية للمرة الأولى في 2005 لمدة أربع سنوات."
    got = extract_claims([Document(id="x", text=c, published="2018-05-04T10:00:00+00:00")])
    assert [x.scope for x in got if x.kind == "duration"] == [None]


def test_a_report_that_gives_the_other_figure_beside_its_own_answers_it_whatever_nouns_are_read():
    title = "الفيفا يختار مضيف مونديال 2026 بتصويت الدول الأعضاء"
    a = "وتقام عملية التصويت بمشاركة كل الدول الأعضاء في الاتحاد (207 أعضاء بعد استبعاد الدول المرشحة)."
    b = "وسيكون الأبرز في جدول الأعمال تصويت 207 من أصل الدول الأعضاء الـ211 لاختيار مضيف مونديال 2026."
    assert not flagged(a, b, title=title)   # b's 211 is the whole, its 207 the voters a counts
    # without the voters beside it, b's whole is compared with a's figure
    assert flagged(a, b.replace("تصويت 207 من أصل الدول", "تصويت الدول"), title=title)


def test_a_report_that_also_gives_the_others_figure_is_its_own_slip_to_review():
    title = "قطر تتعهد باستثمارات مباشرة في تركيا"
    say = "وأعلنت الرئاسة التركية أن قطر تعهدت بضخ استثمارات مباشرة بقيمة {} دولار في تركيا."
    slip = say.format("15 مليون")
    corrected = slip + " وقال الديوان الأميري إن الاستثمارات المباشرة تبلغ 15 مليار دولار."
    dates = ["2018-08-15T10:00:00+00:00", "2018-08-15T11:00:00+00:00"]
    assert tiers(slip, say.format("15 مليار"), title=title, dates=dates) == {"alarm"}
    assert tiers(corrected, say.format("15 مليار"), title=title, dates=dates) == {"review"}


def test_a_count_that_with_another_in_its_sentence_makes_the_others_figure_is_its_part():
    title = "بري رئيسا لمجلس النواب اللبناني للمرة السادسة"
    whole = "وفاز بري بعد حصوله على 98 صوتا مقابل 30 ورقة بيضاء في أول جلسة للمجلس الجديد."
    parts = "وفاز بري بعد حصوله على 98 صوتا مقابل 29 ورقة بيضاء وواحدة ملغاة في أول جلسة للمجلس الجديد."
    alone = "وفاز بري بعد حصوله على 98 صوتا مقابل 29 ورقة بيضاء في أول جلسة للمجلس الجديد."
    dates = ["2018-05-23T10:00:00+00:00", "2018-05-23T11:00:00+00:00", "2018-05-23T12:00:00+00:00"]
    assert flagged(whole, alone, title=title, dates=dates[:2])
    assert not flagged(whole, parts, title=title, dates=dates[:2])
    # a third report of the story that gives the two parts tells them apart for the others too
    assert not flagged(whole, alone, parts, title=title, dates=dates)


def test_three_outlets_with_three_figures_are_to_review():
    title = "إغلاق معبر حدودي بين البلدين بعد اشتباكات"
    say = "وأعلنت السلطات أن المعبر الحدودي أغلق لمدة {} بعد الاشتباكات الأخيرة."
    dates = ["2018-05-23T10:00:00+00:00", "2018-05-23T11:00:00+00:00", "2018-05-23T12:00:00+00:00"]
    nine, fourteen, twenty = say.format("تسعة أيام"), say.format("14 يوما"), say.format("20 يوما")
    assert tiers(nine, fourteen, title=title, dates=dates[:2]) == {"alarm"}
    assert tiers(nine, fourteen, twenty, title=title, dates=dates) == {"review"}
    # a round figure between two others agrees with one of them, yet three values are printed
    fee = "وانتقل الحارس البرازيلي إلى ليفربول قادما من روما مقابل {} مليون يورو."
    assert tiers(fee.format("62.5"), fee.format("70"), fee.format("72.5"), title=title, dates=dates) == {"review"}
    assert tiers(fee.format("62.5"), fee.format("72.5"), title=title, dates=dates[:2]) == {"alarm"}


def test_two_estimates_are_to_review_but_an_estimate_against_a_figure_is_an_alarm():
    title = "لبنان يطلب دعم المانحين في مؤتمر باريس"
    say = "ويطلب لبنان من المانحين مساعدته في التعامل مع أزمة {} لاجئ سوري على أراضيه."
    dates = ["2018-02-19T10:00:00+00:00", "2018-02-19T11:00:00+00:00"]
    more = say.format("نحو مليون ونصف المليون")
    assert tiers(say.format("مليون"), more, title=title, dates=dates) == {"alarm"}
    assert tiers(say.format("نحو مليون"), more, title=title, dates=dates) == {"review"}


def test_what_may_be_is_not_set_against_what_is_and_two_possibilities_are_to_review():
    title = "إسبانيا تطلب تسليم بوتشيمون بعد توقيفه في ألمانيا"
    may = "ويواجه بوتشيمون عقوبة، قد تصل إلى السجن {} عاما، في إسبانيا بتهمة التمرد."
    can = "ويمكن أن يحكم على بوتشيمون بالسجن {} عاما في إسبانيا بتهمة التمرد."
    was = "وحكم على بوتشيمون بالسجن {} عاما في إسبانيا بتهمة التمرد."
    dates = ["2018-03-25T10:00:00+00:00", "2018-03-25T11:00:00+00:00"]
    assert tiers(was.format(25), was.format(30), title=title, dates=dates) == {"alarm"}
    assert not flagged(may.format(25), was.format(30), title=title, dates=dates)
    assert tiers(may.format(25), can.format(30), title=title, dates=dates) == {"review"}


def test_an_outlet_that_gives_both_figures_in_two_reports_makes_the_card_one_to_review():
    title = "ترحيل أفغاني من السويد بعد احتجاج طالبة على متن الطائرة"
    say = "وكان على متن الطائرة رجل أفغاني يبلغ من العمر {} عاما تقرر ترحيله إلى كابول."
    dates = ["2018-07-25T10:00:00+00:00", "2018-07-25T11:00:00+00:00", "2018-07-25T12:00:00+00:00",
             "2018-07-25T13:00:00+00:00"]
    apart = docs(say.format(52), say.format(51), say.format(52), say.format(51), title=title, dates=dates,
                 sources=["BBC", "france24", "CNN", "skynews"])
    assert [d.tier for d in run_check(apart).discrepancies] == ["alarm"]
    torn = docs(say.format(52), say.format(51), say.format(52), say.format(51), title=title, dates=dates,
                sources=["BBC", "france24", "france24", "skynews"])
    got = [d for d in run_check(torn).discrepancies if d.type != "update"]
    assert {d.tier for d in got} == {"review"}
    # and the card says why, in both languages, naming the outlet
    assert all("To review: france24 gives both figures" in d.explanation and "للمراجعة: تذكر france24" in d.explanation_ar
               for d in got)


def test_a_figure_of_what_came_the_day_before_is_not_todays():
    title = "الصين ترد على واشنطن برسوم جمركية جديدة"
    today = "وقالت الصين إنها ستفرض رسوما جمركية على {} منتجا أميركيا ردا على الرسوم الأميركية."
    before = "وأتى نشر القائمة غداة فرض الصين رسوما جمركية على {} منتجا أميركيا ردا على الرسوم الأميركية."
    dates = ["2018-04-04T10:00:00+00:00", "2018-04-04T11:00:00+00:00"]
    assert flagged(today.format(106), today.format(128), title=title, dates=dates)
    assert not flagged(today.format(106), before.format(128), title=title, dates=dates)
