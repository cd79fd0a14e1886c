"""Comparison rules, one small Arabic example each (written for the test)."""
from __future__ import annotations

import pytest

from factcheck.check import run_check
from factcheck.reading.documents import Document

SENT = "أرسلت كوريا الشمالية {} جندي إلى روسيا للقتال في أوكرانيا"


def docs(*bodies, dates=None, title="كوريا الشمالية ترسل جنودا إلى روسيا لدعم الحرب في أوكرانيا"):
    out = []
    for k, body in enumerate(bodies):
        text = f"{title}\n{body}"
        out.append(Document(id=f"d{k}", text=text, source=f"outlet{k}", title_end=len(title),
                            published=dates[k] if dates else None))
    return out


def reports_titled(title):
    """A maker of documents of one story: (id, body, outlet, published) -> Document."""
    def doc(i, body, source, when):
        return Document(id=i, text=f"{title}\n{body}", source=source, title_end=len(title), published=when)
    return doc


def found(*bodies, **kw):
    return run_check(docs(*bodies, **kw)).discrepancies


def alarms(*bodies, **kw):
    return [d for d in found(*bodies, **kw) if d.type != "update"]


@pytest.mark.parametrize("a,b,conflict", [
    ("ما لا يقل عن 3000", "3000", False),     # at least 3,000 agrees with 3,000
    ("ما لا يقل عن 3000", "6000", False),     # ... and with 6,000
    ("أكثر من 3000", "2000", True),           # more than 3,000 is not 2,000
    ("نحو 11000", "11200", False),            # about 11,000 agrees with 11,200
    ("نحو 11000", "14000", True),             # ... but not with 14,000
    ("بين 10 آلاف و15 ألف", "12000", False),  # a range agrees with any value inside it
    ("بين 10 آلاف و15 ألف", "16000", True),
    ("ما يصل إلى 5000", "4000", False),       # up to 5,000
    ("ما يصل إلى 5000", "7000", True),
    ("سبعة آلاف", "7000", False),             # words and digits compare as numbers
    ("سبعة آلاف", "9000", True),
    ("14000", "11000", True),
])
def test_interval_agreement(a, b, conflict):
    got = alarms(SENT.format(a) + ".", SENT.format(b) + ".")
    assert bool(got) is conflict, [(d.type, d.explanation) for d in got]


def test_value_mismatch_and_bound_violated_types():
    assert alarms(SENT.format("14000") + ".", SENT.format("11000") + ".")[0].type == "value_mismatch"
    assert alarms(SENT.format("أكثر من 3000") + ".", SENT.format("2000") + ".")[0].type == "bound_violated"


def test_part_cannot_exceed_whole():
    d = alarms("وقال مسؤولون إن 5000 من الجنود الكوريين الشماليين قتلوا في المعارك.",
               "وتقدر سيول أن حوالي 4000 من الجنود الكوريين الشماليين قتلوا أو أصيبوا في المعارك.")
    assert [x.type for x in d] == ["part_exceeds_whole"]
    assert "4,000" in d[0].explanation and "5,000" in d[0].explanation


def test_a_part_within_its_whole_is_fine():
    assert not alarms("وقال مسؤولون إن 3000 من الجنود الكوريين الشماليين قتلوا في المعارك.",
                      "وتقدر سيول أن حوالي 4000 من الجنود الكوريين الشماليين قتلوا أو أصيبوا في المعارك.")


def test_civilians_are_part_of_people_and_never_flagged_against_them():
    title = "غارات على الغوطة الشرقية في سوريا"
    assert not alarms("قتل 11 مدنيا في غارات على الغوطة الشرقية في سوريا.",
                      "قتل 40 شخصا في غارات على الغوطة الشرقية في سوريا.", title=title)


def test_a_daily_rate_is_not_a_total():
    title = "خسائر روسيا في أوكرانيا"
    assert not alarms("وتتكبد روسيا نحو 1200 قتيل يوميا في أوكرانيا.",
                      "وتكبدت روسيا 900 قتيل في أوكرانيا.", title=title)


def test_another_batch_is_not_the_first():
    assert not alarms("أرسلت كوريا الشمالية 6000 جندي إضافي إلى روسيا.", SENT.format("3000") + ".")
    assert not alarms("أرسلت كوريا الشمالية دفعة جديدة من 6000 جندي إلى روسيا.", SENT.format("3000") + ".")
    assert not alarms("أرسلت كوريا الشمالية 6000 جندي آخر إلى روسيا.", SENT.format("3000") + ".")


def test_other_nationalities_are_other_quantities():
    assert not alarms("وينتشر أكثر من 25000 جندي أمريكي في كوريا الجنوبية التي تهددها كوريا الشمالية.",
                      "أرسلت 11000 جندي من كوريا الشمالية إلى روسيا.")


def test_the_years_since_a_start_are_nobodys_age_and_an_age_is_no_running_total():
    """"The first time in about seventy years" is not the winners' average age (متوسط
    أعمار); an age followed by "خلال مباراة" (during a match) is still an age, set
    against another outlet's age of the same player."""
    dates = ["2018-05-04T09:00:00+00:00", "2018-05-04T13:00:00+00:00"]
    title = "إرجاء جائزة نوبل للآداب"
    assert not alarms("وأعلنت الأكاديمية السويدية إرجاء جائزة نوبل للآداب للمرة الأولى منذ نحو سبعين عاما.",
                      "وأعلنت الأكاديمية السويدية إرجاء جائزة نوبل للآداب، وكان متوسط أعمار الفائزين بالجائزة 56 عاما.",
                      title=title, dates=dates)
    title = "الاتحاد يتأهل إلى نهائي كأس الملك"
    got = alarms("وتألق الغامدي، الذي يبلغ من العمر 24 عاما، خلال مباراة فريقه أمام الباطن في كأس الملك.",
                 "ولعب الغامدي (23 عاما) مباراة فريقه أمام الباطن في كأس الملك.", title=title, dates=dates)
    assert [sorted(c.text for c in d.claims) for d in got] == [["23 عاما", "24 عاما"]]


def test_times_something_happened_are_not_the_matches_or_points_beside_them():
    """"Won three times" counts wins, not the four matches the clubs played, nor
    points (counted.toml [times], [matches]); two counts of times are still compared."""
    title = "ليفربول يواجه روما في إياب نصف نهائي دوري أبطال أوروبا"
    dates = ["2018-05-02T09:00:00+00:00", "2018-05-02T13:00:00+00:00"]
    won = "وفاز ليفربول على روما {} مرات سابقة في دوري أبطال أوروبا."
    assert not alarms("والتقى ليفربول وروما في أربع مباريات سابقة في دوري أبطال أوروبا.", won.format("ثلاث"),
                      title=title, dates=dates)
    assert not alarms("وحصد ليفربول 11 نقطة أمام روما في دوري أبطال أوروبا.", won.format("ثماني"),
                      title=title, dates=dates)
    assert alarms(won.format("ثلاث"), won.format("أربع"), title=title, dates=dates)


def test_background_figures_are_not_compared():
    title = "قتلى في هجوم على سوق في كابل بأفغانستان"
    assert not alarms("قتل 12 شخصا في هجوم على سوق في كابل بأفغانستان.",
                      "وكان 30 شخصا قد قتلوا في هجوم على سوق في كابل بأفغانستان الشهر الماضي.", title=title)


def test_different_days_are_different_incidents():
    title = "قتلى في هجمات في كابل بأفغانستان"
    assert not alarms("قتل 12 شخصا يوم السبت في هجوم في كابل بأفغانستان.",
                      "قتل 30 شخصا يوم الأحد في هجوم في كابل بأفغانستان.", title=title)


def test_same_primary_source_is_a_likely_misquote_and_more_severe():
    same = alarms("وقتل 20 شخصا في هجوم في كابل بأفغانستان بحسب وزارة الداخلية الأفغانية.",
                  "وقتل 35 شخصا في هجوم في كابل بأفغانستان بحسب وزارة الداخلية الأفغانية.",
                  title="هجوم في كابل بأفغانستان")
    other = alarms("وقتل 20 شخصا في هجوم في كابل بأفغانستان بحسب وزارة الداخلية الأفغانية.",
                   "وقتل 35 شخصا في هجوم في كابل بأفغانستان بحسب حركة طالبان.",
                   title="هجوم في كابل بأفغانستان")
    assert same[0].attribution == "same_source" and "misquote" in same[0].explanation
    assert other[0].attribution == "disputed" and "disputed" in other[0].explanation
    assert same[0].score > other[0].score


def test_a_rising_toll_on_different_days_is_an_update():
    title = "قتلى في زلزال في إندونيسيا"
    d = found("قتل 98 شخصا في زلزال في إندونيسيا.", "قتل 164 شخصا في زلزال في إندونيسيا.", title=title,
              dates=["2018-08-06T08:00:00+00:00", "2018-08-08T08:00:00+00:00"])
    assert [x.type for x in d] == ["update"] and d[0].severity == "info"
    # the same figures published together are a contradiction
    d = found("قتل 98 شخصا في زلزال في إندونيسيا.", "قتل 164 شخصا في زلزال في إندونيسيا.", title=title,
              dates=["2018-08-06T08:00:00+00:00", "2018-08-06T08:30:00+00:00"])
    assert [x.type for x in d] == ["value_mismatch"]


def test_the_latest_toll_higher_hours_later_is_an_update_and_a_date_never_is():
    """A report giving "the latest toll" (آخر حصيلة) higher than an earlier report of
    that morning, for a subgroup no event word marks as a running count, says the
    count went on; a day is no count, though its sentence speaks of a toll."""
    title = "هجوم على مدينة السويداء في سوريا"
    dates = ["2018-07-26T09:50:00+00:00", "2018-07-26T21:10:00+00:00"]
    early = "وقال مدير المرصد إن الحصيلة بلغت 246 شخصا بينهم 135 مدنيا في مدينة السويداء."
    later = "وأفادت {} للمرصد عن 252 شخصا بينهم 139 مدنيا في مدينة السويداء."
    assert alarms(early, later.format("آخر حصيلة"), title=title, dates=dates) == []
    assert alarms(early, later.format("مصادر"), title=title, dates=dates)
    title = "مجلس الأمن يبحث الوضع في الغوطة الشرقية"
    d = found("وتقصف قوات النظام الغوطة الشرقية منذ 18 فبراير الماضي، بحسب المرصد.",
              "وتقصف قوات النظام الغوطة الشرقية منذ 24 فبراير الماضي، بحسب آخر حصيلة للمرصد.",
              title=title, dates=["2018-03-07T10:00:00+00:00", "2018-03-07T20:00:00+00:00"])
    assert d and all(x.type != "update" for x in d), [(x.type, x.explanation) for x in d]


def test_a_tally_the_later_report_says_went_up_is_an_update():
    """31 goals in the morning, 32 that afternoon in a report saying the player raised
    his tally (ليرفع رصيده إلى): a match was played in between.  Six hours apart
    without that word, it stays a contradiction (a tally grows a match later)."""
    title = "صلاح يسجل في شباك برايتون"
    dates = ["2018-05-13T09:30:00+00:00", "2018-05-13T15:45:00+00:00"]
    early = "وسجل محمد صلاح 31 هدفا في الدوري الإنجليزي الممتاز هذا الموسم."
    later = "وسجل محمد صلاح هدف ليفربول الأول في شباك برايتون، {} 32 هدفا في الدوري الإنجليزي الممتاز هذا الموسم."
    assert [x.type for x in found(early, later.format("ليرفع رصيده إلى"), title=title, dates=dates)] == ["update"]
    assert [x.type for x in found(early, later.format("وله"), title=title, dates=dates)] == ["value_mismatch"]


def test_a_price_in_trading_quoted_hours_apart_moved():
    """The lira at 5.48 to the dollar at three and 5.90 at six: two moments of one
    moving price in trading (updates.toml `markets`), an update.  Two quotes in
    the same half hour that differ stay a contradiction."""
    title = "انهيار الليرة التركية"
    quote = "وتراجعت العملة التركية إلى {} ليرة للدولار في تداولات اليوم، بحسب وكالة الأناضول."

    def types(later):
        return [x.type for x in found(quote.format("5.48"), quote.format("5.90"), title=title,
                                      dates=["2018-08-09T15:00:00+00:00", later])]
    assert types("2018-08-09T18:00:00+00:00") == ["update"]
    assert types("2018-08-09T15:20:00+00:00") == ["value_mismatch"]


def test_a_running_total_of_thousands_does_not_jump_by_a_third_in_hours():
    """Thousands wounded since protests began weeks ago: a report five hours later
    with a third more is another count of that total, not its next stage; a
    modest rise stays an update."""
    title = "احتجاجات على حدود قطاع غزة"
    early = "وأصيب نحو 2800 شخص بجروح منذ بدء الاحتجاجات على حدود قطاع غزة."
    dates = ["2018-04-20T08:00:00+00:00", "2018-04-20T13:00:00+00:00"]
    d = found(early, "وأصيب نحو أربعة آلاف شخص بجروح منذ بدء الاحتجاجات على حدود قطاع غزة.", title=title, dates=dates)
    assert d and all(x.type != "update" for x in d), [(x.type, x.explanation) for x in d]
    d = found(early, "وأصيب نحو 3500 شخص بجروح منذ بدء الاحتجاجات على حدود قطاع غزة.", title=title, dates=dates)
    assert [x.type for x in d] == ["update"]
    # a day's toll of a few hundred may still double within hours as the count goes on
    d = found("وأصيب 170 شخصا بجروح منذ بدء الاحتجاجات على حدود قطاع غزة.",
              "وأصيب 307 أشخاص بجروح منذ بدء الاحتجاجات على حدود قطاع غزة.", title=title, dates=dates)
    assert [x.type for x in d] == ["update"]


def _match_report(i, title, body, source):
    return Document(id=i, text=f"{title}\n{body}", source=source, title_end=len(title),
                    published="2018-02-24T18:00:00+00:00")


def test_two_reports_of_two_matches_are_not_compared_however_alike_their_sentences():
    real = _match_report("a", "ريال مدريد يفوز على ألافيس برباعية في الدوري الإسباني",
                         "فاز ريال مدريد على ضيفه ألافيس بأربعة أهداف دون رد في المرحلة 25 من الدوري الإسباني. "
                         "ورفع الفريق الملكي رصيده إلى 51 نقطة في المركز الثالث.", "skynews")
    liverpool = "ليفربول يفوز على وست هام برباعية في الدوري الإنجليزي"
    body = ("فاز ليفربول على ضيفه وست هام يونايتد بأربعة أهداف مقابل هدف في المرحلة 28 من الدوري الإنجليزي. "
            "ورفع الفريق الأحمر رصيده إلى {} نقطة في المركز الثاني.")
    assert run_check([real, _match_report("b", liverpool, body.format(57), "alarabia")]).discrepancies == []
    # two reports of one match (a club in common) are still compared
    same = run_check([_match_report("b", liverpool, body.format(57), "alarabia"),
                      _match_report("c", liverpool, body.format(58), "BBC")]).discrepancies
    assert [(d.type, d.about) for d in same] == [("value_mismatch", "points")]


def test_two_world_cup_matches_are_two_matches_and_a_players_club_is_no_match():
    """Two reports that name national teams (المنتخب الفرنسي، منتخب كرواتيا) and none in common
    are of two matches: their groups are two groups.  A report that names a player's club
    (لاعب برشلونة) is set against clubs, not against national teams: it is still compared."""
    def report(i, body, source):
        return Document(id=i, text="كأس العالم 2018\n" + body, source=source, title_end=len("كأس العالم 2018"),
                        published="2018-06-21T20:00:00+00:00")
    france = report("a", "وتغلب المنتخب الفرنسي على أستراليا في الجولة الأولى من مباريات المجموعة الثالثة.", "alarabia")
    croatia = report("b", "وتغلب منتخب كرواتيا على نيجيريا في الجولة الأولى من مباريات المجموعة الرابعة.", "france24")
    assert run_check([france, croatia]).discrepancies == []
    messi = report("c", "وتغلبت كرواتيا على الأرجنتين ونجمها لاعب برشلونة في الجولة الأولى من مباريات المجموعة "
                        "الثالثة.", "skynews")
    croatia_d = report("d", "وتغلب منتخب كرواتيا على الأرجنتين في الجولة الأولى من مباريات المجموعة الرابعة.",
                       "france24")
    assert [d.type for d in run_check([messi, croatia_d]).discrepancies] == ["value_mismatch"]


def test_a_clubs_figure_is_the_subjects_not_the_rival_named_after_it():
    """Two reports of one round name both clubs; each figure is the club's its
    sentence is about (the first club before it, or a nickname: الفريق الكتالوني)."""
    def pair(title, one, two):
        lead = "فاز برشلونة على أتلتيك بلباو وخسر أتلتيكو مدريد أمام فياريال وتعادل ريال مدريد مع ألافيس. "
        return run_check([_match_report("a", title, lead + one, "alarabia"),
                          _match_report("b", title, lead + two, "skynews")]).discrepancies
    title = "برشلونة يفوز وأتلتيكو مدريد يخسر في الدوري الإسباني"
    assert pair(title, "وأحكم أتلتيكو، الذي تعادل مع ريال مدريد في المرحلة الماضية، قبضته على المركز الثاني، "
                       "بعدما رفع رصيده إلى 71 نقطة.",
                "ورفع ريال مدريد رصيده إلى 67 نقطة في المركز الثالث.") == []
    assert pair(title, "ويتصدر الفريق الكتالوني المسابقة برصيد 75 نقطة متقدما بفارق 11 نقطة على أتلتيكو مدريد.",
                "بينما يظل أتلتيكو مدريد في المركز الثاني برصيد 64 نقطة.") == []
    # the same club's points, given two ways, are still compared
    assert [d.about for d in pair(title, "ورفع ريال مدريد رصيده إلى 67 نقطة في المركز الثالث.",
                                  "ورفع ريال مدريد رصيده إلى 68 نقطة في المركز الثالث.")] == ["points"]


def test_figures_in_two_units_of_one_kind_are_compared_in_one():
    """40 miles an hour is 64 km/h: it agrees with 64 km/h and not with 40 km/h
    (units.toml [convert]); the explanation names both units."""
    title = "إعصار يضرب ساحل فلوريدا برياح قوية"
    def speeds(a, b):
        return found(f"وبلغت سرعة الرياح {a} في ساحل فلوريدا.", f"وبلغت سرعة الرياح {b} في ساحل فلوريدا.", title=title,
                     dates=["2018-05-26T10:00:00+00:00", "2018-05-26T10:30:00+00:00"])
    d = speeds("40 كيلومترا في الساعة", "نحو 40 ميلا في الساعة")
    assert [x.type for x in d] == ["value_mismatch"] and "40 kmh" in d[0].explanation and "40 mph" in d[0].explanation
    assert speeds("نحو 40 ميلا في الساعة", "64 كيلومترا في الساعة") == []
    assert speeds("خمسة أميال", "ثمانية كيلومترات") == []
    # a figure in metres keeps its own rounding once in km: 30 m is not "more than 60 m"
    assert [x.type for x in speeds("30 مترا", "أكثر من 60 مترا")] == ["bound_violated"]


@pytest.mark.parametrize("day,tier", [("16 مايو", "alarm"), ("13 مايو", "alarm"), ("15 يونيو", "alarm"),
                                      ("22 مايو", "review")])
def test_a_date_is_an_alarm_when_it_looks_like_one_date_given_two_ways(day, tier):
    """A day or two apart, or one day of two months: one date misreported; a week
    apart in one story is more often two of its events: to review."""
    title = "العراق يحدد موعد الانتخابات البرلمانية"
    d = found("وأعلنت المفوضية أن الانتخابات البرلمانية ستجرى في 15 مايو المقبل.",
              f"وأعلنت المفوضية أن الانتخابات البرلمانية ستجرى في {day} المقبل.", title=title,
              dates=["2018-03-01T10:00:00+00:00", "2018-03-01T11:00:00+00:00"])
    assert [(x.type, x.tier) for x in d] == [("value_mismatch", tier)]


def test_a_lead_in_points_a_match_later_is_a_later_standing_either_way():
    """بفارق 17 نقطة on Tuesday night, بفارق 14 on Wednesday night: a match was played
    in between (updates.toml margins).  Two hours apart it is a contradiction, and
    so is a club's total that falls a day later."""
    title = "ريال مدريد يواصل مطاردة برشلونة في الدوري الإسباني"
    day_later, hours_later = "2018-02-21T20:00:00+00:00", "2018-02-20T22:00:00+00:00"

    def two(a, b, later):
        return [x.type for x in found(a, b, title=title, dates=["2018-02-20T20:00:00+00:00", later])]
    lead = "ويبتعد برشلونة في الصدارة بفارق {} نقطة عن ريال مدريد."
    assert two(lead.format(17), lead.format(14), day_later) == ["update"]
    assert two(lead.format(17), lead.format(14), hours_later) == ["value_mismatch"]
    # the later report leaves out "points": a lead "over its rival" is the same standing
    bare = "ويبتعد برشلونة في الصدارة بفارق 14 عن غريمه ريال مدريد."
    assert two(lead.format(17), bare, day_later) == ["update"]
    assert two(lead.format(17), bare, hours_later) == ["value_mismatch"]
    total = "ويملك ريال مدريد رصيد {} نقطة في المركز الثالث."
    assert two(total.format(51), total.format(48), day_later) == ["value_mismatch"]


def test_rounds_left_fewer_a_match_later_is_a_countdown_not_a_contradiction():
    """"قبل ست جولات على نهاية المسابقة" one evening and "قبل خمس جولات" the next: a match
    was played, so fewer rounds are left (updates.toml remaining_after), an update.  Two
    hours apart the same two figures are a disagreement."""
    title = "الأهلي يتوج بلقب الدوري المصري للمرة الأربعين"
    before = "وبات الأهلي بحاجة إلى نقطة واحدة للتتويج بلقب الدوري المصري قبل ست جولات على نهاية المسابقة."
    after = "وتوج الأهلي بلقب الدوري المصري قبل خمس جولات على نهاية المسابقة."
    for later, kind in (("2018-03-12T19:00:00+00:00", "update"), ("2018-03-11T21:00:00+00:00", "value_mismatch")):
        got = found(before, after, title=title, dates=["2018-03-11T19:00:00+00:00", later])
        assert [(d.type, {c.text for c in d.claims}) for d in got] == [(kind, {"ست", "خمس"})]


def test_an_ordinal_is_named_by_what_it_numbers():
    """A match minute is "the minute" on a card (explanations.toml [ordinals]), not "the rank"."""
    d = found("وسجل محمد صلاح هدف ليفربول الأول في الدقيقة 36 من المباراة.",
              "وسجل محمد صلاح هدف ليفربول الأول في الدقيقة 39 من المباراة.",
              title="ليفربول يفوز على روما في دوري أبطال أوروبا",
              dates=["2018-04-24T21:00:00+00:00", "2018-04-24T21:30:00+00:00"])
    assert [(x.about, x.about_ar) for x in d] == [("the minute", "الدقيقة")]
    assert d[0].explanation.endswith("for the minute.") and d[0].explanation_ar.endswith("بشأن الدقيقة.")


def test_a_minute_answered_in_a_list_of_goals_is_not_set_against_another_goal():
    """A report that lists goals in the 86th and 94th minutes answers one in the
    87th with the 86th (a minute apart: the counting conventions): its 94th is
    another goal, not a misreport.  Without an agreeing minute, the pair stands."""
    title = "روما يفوز على ليفربول في دوري أبطال أوروبا"
    dates = ["2018-05-02T20:40:00+00:00", "2018-05-02T21:10:00+00:00"]
    listed = "وسجل لروما إدين دجيكو في الدقيقة 52، ورادجا ناينجولان في الدقيقتين 86 و94."
    one = "وسجل روما هدف التعادل عبر دجيكو عند الدقيقة 52، قبل أن يسجل نايغولان عند الدقيقة {}."
    assert alarms(listed, one.format(87), title=title, dates=dates) == []
    got = alarms(listed, one.format(80), title=title, dates=dates)
    assert got and {c.text for d in got for c in d.claims} >= {"80"}


def test_a_figure_the_other_report_gives_beside_its_own_is_another_quantity():
    """A report of "17 clean sheets in 37 matches" answers another's 37 matches with
    its own 37: its 17 is another quantity, not a misreport of the 37.  Five warning
    rockets answer nothing about a building's floors (another thing counted), and
    "up to" a figure answers nothing (it agrees with everything below it)."""
    dates = ["2018-07-19T09:00:00+00:00", "2018-07-19T13:00:00+00:00"]
    title = "ليفربول يتعاقد مع الحارس البرازيلي أليسون"
    played = "وخاض الحارس البرازيلي أليسون {} مباراة مع روما في الدوري الإيطالي الموسم الماضي."
    both = ("وحافظ الحارس البرازيلي أليسون على نظافة شباكه في 17 مباراة من أصل 37 مباراة خاضها مع روما "
            "في الدوري الإيطالي الموسم الماضي.")
    assert alarms(played.format(37), both, title=title, dates=dates) == []
    got = alarms(played.format(36), both, title=title, dates=dates)  # nothing of it answers 36
    assert {frozenset((k.a.text, k.b.text)) for d in got for k in d.conflicts} == {frozenset(("36", "37"))}
    title = "غارات إسرائيلية تدمر مركزا ثقافيا في غزة"
    floors = "وقصفت طائرات الاحتلال الإسرائيلي مبنى المركز الثقافي المكون من 5 طوابق في غزة."
    rockets = ("وأطلقت طائرات استطلاع إسرائيلية خمسة صواريخ تحذيرية على المركز الثقافي "
               "المكون من ستة طوابق في غزة.")
    got = alarms(floors, rockets, title=title, dates=dates)
    assert {frozenset((k.a.text, k.b.text)) for d in got for k in d.conflicts} == {frozenset(("5", "ستة"))}
    up_to = "وقصفت طائرات الاحتلال الإسرائيلي مبنى المركز الثقافي المكون من ستة طوابق وقد تصل إلى 9 طوابق."
    assert alarms(floors, up_to, title=title, dates=dates)


def test_a_figure_the_other_report_numbers_beside_its_own_is_another_quantity():
    """"His goal number 100, joining Ronaldo who scored 114" answers another report's
    100 goals (Messi's) with its label: its 114 is Ronaldo's tally, not a misreport of
    the 100, and it stays free to meet a third report's 117 for Ronaldo.  A label of
    another value (his goal number 99) answers nothing."""
    title = "ميسي يقود برشلونة إلى ربع نهائي دوري أبطال أوروبا"
    dates = ["2018-03-14T22:20:00+00:00", "2018-03-15T02:50:00+00:00", "2018-03-15T03:00:00+00:00"]
    messi = "وبات ميسي اللاعب الثاني في تاريخ دوري أبطال أوروبا الذي يحرز 100 هدف بعد رونالدو."
    both = "وسجل ميسي هدفه رقم {} في دوري أبطال أوروبا ليلحق بكريستيانو رونالدو الذي سجل 114 هدفا."
    ronaldo = "وكان كريستيانو رونالدو قد سجل 117 هدفا في دوري أبطال أوروبا."

    def pairs(*bodies):
        return {frozenset((k.a.text, k.b.text)) for d in found(*bodies, title=title, dates=dates[:len(bodies)])
                for k in d.conflicts}
    assert pairs(messi, both.format(100)) == set()
    assert pairs(messi, both.format(99)) == {frozenset(("100", "114"))}
    assert pairs(messi, both.format(100), ronaldo) == {frozenset(("114", "117"))}


def test_a_year_in_another_figures_relative_clause_does_not_date_the_sentence():
    """"72.5 million euros, more than the 53 million euros that Juventus paid for Buffon in
    2001": 2001 dates Buffon's fee (the clause after its figure), so today's fee is
    still set against another report's 62.5 million.  Where no figure owns the clause
    (more than what Juventus paid in 2001), the year stays the sentence's."""
    title = "ليفربول يتعاقد مع الحارس البرازيلي أليسون من روما"
    dates = ["2018-07-20T09:00:00+00:00", "2018-07-20T13:00:00+00:00"]
    deal = "واتفق روما مع ليفربول على صفقة أليسون التي تبلغ قيمتها 72.5 مليون يورو، وهو مبلغ يتجاوز {} لضم بوفون عام 2001."
    other = "وانتقل أليسون من روما إلى ليفربول مقابل 62.5 مليون يورو."

    def pairs(a):
        return {frozenset((k.a.text, k.b.text)) for d in found(a, other, title=title, dates=dates) for k in d.conflicts}
    assert pairs(deal.format("53 مليون يورو التي دفعها يوفنتوس")) == {frozenset(("72.5 مليون يورو", "62.5 مليون يورو"))}
    assert pairs(deal.format("ما دفعه يوفنتوس")) == set()


def test_two_minutes_a_third_report_lists_as_two_goals_are_not_one_goal_misreported():
    """A third report lists goals at 86 and 94: 87 in one report and 93 in another are
    those two goals (each a minute from one of them), not one goal's minute misreported;
    the pair left is 87 against 83, the same goal."""
    title = "روما يفوز على ليفربول في دوري أبطال أوروبا"
    dates = ["2018-05-02T20:37:00+00:00", "2018-05-02T20:41:00+00:00", "2018-05-02T23:02:00+00:00"]
    listed = "وسجل لروما إدين دجيكو في الدقيقة 52، ورادجا ناينجولان في الدقيقتين 86 و94."
    one = "وسجل روما هدف التعادل عبر دجيكو عند الدقيقة 52، قبل أن يسجل نايغولان عند الدقيقة 87."
    two = "وسجل لاعبو روما هدفا ثالثا في الدقيقة 83 بواسطة نانيغولان ثم سجل الهدف الرابع في الدقيقة 93."
    got = alarms(listed, one, two, title=title, dates=dates)
    pairs = {frozenset((k.a.text, k.b.text)) for d in got for k in d.conflicts}
    assert frozenset(("87", "93")) not in pairs and frozenset(("87", "83")) in pairs, pairs


def test_the_same_two_figures_set_against_each_other_twice_in_a_story_are_one_card():
    """110 missiles in two CNN reports against 105 in BBC's and, two days on, in Sky News
    Arabia's: one disagreement, shown once, though the first CNN report and Sky's are too far
    apart to be compared directly."""
    title = "ضربات أميركية بريطانية فرنسية على سوريا"
    doc = reports_titled(title)
    army = "وقال الجيش السوري إن {} صاروخا أطلقت على مواقع في دمشق وحمص فجر السبت وتم التصدي لمعظمها."
    allies = "وأطلقت الولايات المتحدة وبريطانيا وفرنسا {} صاروخا في الضربة على مواقع عسكرية في سوريا."
    got = run_check([doc("cn-a", allies.format(110), "CNN", "2018-04-14T07:00:00+00:00"),
                     doc("cn-b", army.format(110), "CNN", "2018-04-14T17:00:00+00:00"),
                     doc("bb", allies.format(105), "BBC", "2018-04-15T03:00:00+00:00"),
                     doc("sk", army.format(105), "skynews", "2018-04-16T19:00:00+00:00")]).discrepancies
    assert [sorted({c.doc for c in d.claims}) for d in got] == [["bb", "cn-a", "cn-b", "sk"]]
    # each card the joined one holds is still known by its id, so its editors' decisions follow it
    alone = [run_check([doc("cn-a", allies.format(110), "CNN", "2018-04-14T07:00:00+00:00"),
                        doc("bb", allies.format(105), "BBC", "2018-04-15T03:00:00+00:00")]).discrepancies,
             run_check([doc("cn-b", army.format(110), "CNN", "2018-04-14T17:00:00+00:00"),
                        doc("sk", army.format(105), "skynews", "2018-04-16T19:00:00+00:00")]).discrepancies]
    assert {d[0].id for d in alone} <= {got[0].id, *got[0].known_as}


def test_a_card_of_two_figures_a_wider_card_already_sets_apart_joins_it():
    """112 million euros against 100 million in Al Arabiya's and France 24's reports, with
    Sky's 120 million; and 112 against 100 again in BBC's and in Sky's second report.
    BBC's 112 and Sky's 100 are figures the wider card already gives: one card, so an
    editor sees every report of each figure at once, though BBC's 112 was never set
    against Sky's 120.  The conflicts stay the pairs that were aligned."""
    title = "يوفنتوس يتعاقد مع كريستيانو رونالدو"
    doc = reports_titled(title)
    fee = "وأعلن يوفنتوس التعاقد مع رونالدو قادما من ريال مدريد في صفقة بقيمة {} مليون يورو."
    paid = "ودفع النادي الإيطالي {} مليون يورو لريال مدريد مقابل ضم رونالدو."
    got = run_check([doc("al", fee.format(112), "alarabiya", "2018-07-10T16:00:00+00:00"),
                     doc("fr", fee.format(100), "france24", "2018-07-10T17:00:00+00:00"),
                     doc("sk", fee.format(120), "skynews", "2018-07-10T18:00:00+00:00"),
                     doc("bb", paid.format(112), "BBC", "2018-07-10T19:00:00+00:00"),
                     doc("sk2", paid.format(100), "skynews", "2018-07-10T20:00:00+00:00")]).discrepancies
    assert [sorted({c.doc for c in d.claims}) for d in got] == [["al", "bb", "fr", "sk", "sk2"]]
    assert ("bb", "sk") not in {tuple(sorted((k.a.doc, k.b.doc))) for k in got[0].conflicts}


def test_two_rates_of_one_conversion_are_no_disagreement():
    """Two outlets converting the same two billion dirhams at two rates agree: the dirhams are
    the figure reported.  Dollars an outlet gives on their own are still compared."""
    title = "أدنوك تبيع حصة في وحدة الحفر إلى بيكر هيوز"
    dates = ["2018-09-10T09:00:00+00:00", "2018-09-10T11:00:00+00:00"]
    deal = "وباعت أدنوك حصة 5 بالمئة في وحدة الحفر لشركة بيكر هيوز مقابل {}."
    assert found(deal.format("ملياري درهم (550 مليون دولار)"), deal.format("ملياري درهم (544.6 مليون دولار)"),
                 title=title, dates=dates) == []
    got = found(deal.format("550 مليون دولار"), deal.format("460 مليون دولار"), title=title, dates=dates)
    assert [sorted(c.text for c in d.claims) for d in got] == [["460 مليون دولار", "550 مليون دولار"]]


def test_two_ages_are_one_persons_only_by_what_comes_before_them():
    """Whose age: the person before it.  Two people's ages that share only what befell
    them (لقيت حتفها) are to review; one name given two ages is an alarm."""
    title = "وفيات الفنتانيل تثير القلق"
    dates = ["2018-09-08T10:00:00+00:00", "2018-09-08T11:00:00+00:00"]
    d = found("ونقلت الوكالة عن مسؤول محلي أن فتاة عمرها 18 عاما لقيت حتفها في الحادث.",
              "إذ أن ابنة المذيعة، إيميلي، البالغة من العمر 21 عاما، لقيت حتفها في الحادث.", title=title, dates=dates)
    assert [(x.type, x.tier) for x in d] == [("value_mismatch", "review")]
    d = found("وقالت الوزارة إن المسعفة رزان النجار (21 عاما) لقيت حتفها في الحادث.",
              "وكانت رزان النجار، 22 عاما، قد لقيت حتفها في الحادث.", title=title, dates=dates)
    assert [(x.type, x.tier) for x in d] == [("value_mismatch", "alarm")]
    # the name with a clitic letter before it is the same name (لنادال، نادال)
    d = found("ويعد نادال، 31 عاما، أول لاعب يفوز بالبطولة عشر مرات.",
              "واللقب هو السابع عشر لنادال (32 عاما) في البطولات الكبرى.", title="نادال يحرز لقب رولان غاروس",
              dates=dates)
    assert [(x.type, x.tier) for x in d] == [("value_mismatch", "alarm")]


def test_headline_and_body_repeating_a_figure_are_one_claim():
    text = "كوريا الشمالية أرسلت 3 آلاف جندي إلى روسيا"
    r = run_check([Document(id="a", text=text + "\nوقالت واشنطن إن هناك 3 آلاف جندي من كوريا الشمالية في روسيا.",
                            source="x", title_end=len(text))])
    assert r.discrepancies == []


def test_explanations_in_both_languages():
    d = alarms(SENT.format("14000") + ".", SENT.format("11000") + ".")[0]
    assert "14,000" in d.explanation and "11,000" in d.explanation
    assert "14000" in d.explanation_ar and "11000" in d.explanation_ar


def test_a_figure_joins_the_card_its_outlets_same_figure_is_on_though_not_paired_with_every_report():
    """CNN gives 97.8 in two reports; only one was paired with France 24's 97.08.
    The other report's 97.8 stands for the same figure and joins the card
    rather than being left out of it."""
    from factcheck.figures.claims import extractor
    from factcheck.lexicon import load
    from factcheck.matching.alignment import load_model
    from factcheck.matching.compare import discrepancies
    from factcheck.matching.pairs import figure_key
    title = "الهيئة الوطنية للانتخابات تعلن فوز السيسي بولاية ثانية"
    say = "وأعلنت الهيئة الوطنية للانتخابات فوز السيسي بولاية ثانية بنسبة {}."
    reports = [("CNN", "97.8 في المائة"), ("CNN", "97.8 في المائة"), ("france24", "97,08 بالمئة"),
               ("skynews", "97.08 بالمئة")]
    docs = [Document(id=f"d{k}", text=f"{title}\n{say.format(f)}", source=s, title_end=len(title),
                     published=f"2018-04-02T1{k}:00:00+00:00") for k, (s, f) in enumerate(reports)]
    ex = extractor()
    figure = {d.id: next(c for c in ex.extract(d) if c.kind == "percent") for d in docs}
    scored = [("d0", "d2", 0.99), ("d0", "d3", 0.95), ("d1", "d3", 0.80)]  # d1 and d2 were never paired
    pairs = [(figure[a], figure[b], p, "same") for a, b, p in scored]
    mentions = {figure_key(c): [c] for c in figure.values()}
    model = load_model()
    cards = discrepancies(pairs, mentions, figure_key, model.tier, lambda doc: "story", load())
    assert [sorted({c.doc for c in d.claims}) for d in cards] == [["d0", "d1", "d2", "d3"]]
