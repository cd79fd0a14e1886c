"""Candidate pairs: every pair of figures that could speak of one quantity.

High recall first: two figures are a candidate when they come from different
outlets, were published within about two days, are of one comparable kind
(counts with counts, a sum in dollars with a sum in dollars, a duration with a
duration whatever its unit), and their documents are story neighbours.  Whether
a candidate speaks of the same quantity is decided afterwards by a score
(`alignment`), not here: the only pairs refused are those whose frames say
outright that they cannot be one quantity (a daily rate and a total, two
different owners, two explicit days or years that do not meet, a figure the
other report's sentence gives beside its own: `answered`).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from datetime import date, timedelta
from dataclasses import dataclass
from typing import Iterator

from rapidfuzz import fuzz

from ..reading.arabic import normalise, skeleton
from ..figures.claims import Claim
from ..lexicon import load
from ..figures.numbers import SPAN_SIZE, SPAN_UNITS, month_level
from ..reading.documents import published_datetime
from .memo import per_claim
from .frames import (a_period_and_an_age, anchor_words, clock_minute, elapsed, entity_name_words, is_age,
                     match_moment, month_name_words, one_anchored_thing, one_moment, one_scorer, other_persons_ages,
                     other_teams, reading, same_record, tally_since_start)

MAX_HOURS = 54.0    # "published within about two days"
RATE_SCOPES = ("per_day", "per_week", "per_month", "per_year")

# Durations compare across units: 14 days and 14 years are one quantity read two ways.
_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 365.25 / 12,
         "year": 365.25, "decade": 3652.5}
# Kinds whose figures an editor compares, and the key two figures must share.
COMPARABLE = ("count", "percent", "money", "duration", "distance", "measure", "date", "year", "ordinal", "score")


def comparable_class(c: Claim) -> tuple | None:
    """The class within which figures are compared, or None when the figure is
    never compared (a vague amount agrees with any precise one; a spec is a name)."""
    if c.kind not in COMPARABLE or c.qualifier == "vague":
        return None
    if c.kind in ("date", "score"):
        return (c.kind,) if getattr(c, "norm", None) else None
    if c.value is None and c.low is None:
        return None
    if c.kind == "duration":
        return ("duration",) if c.unit in _DAYS else ("duration", c.unit)
    if c.kind == "ordinal":
        # an edition, a group, a round, a match minute: only when the sentence says what it numbers
        return ("ordinal", c.counted) if c.counted else None
    if c.kind in ("distance", "measure"):
        return (c.kind, load().unit_convert.get(c.unit, (c.unit,))[0])  # miles with km (units.toml [convert])
    if c.kind == "money":
        # never two currencies; never a conversion (claims: an amount restated at some rate)
        return (c.kind, c.unit) if c.sense != "conversion" else None
    return (c.kind,)


_ELAPSED = ("second", "minute", "hour", "day", "week")  # not years: a figure in years is most often an age


def unit_scale(c: Claim) -> float:
    """What one unit of the figure is in its class's common unit (days for durations, km for miles)."""
    if c.kind == "duration":
        return _DAYS.get(c.unit or "", 1.0)
    if c.kind in ("distance", "measure") and c.unit:
        return load().unit_convert.get(c.unit, ("", 1.0))[1]
    return 1.0


ROUNDING_SHARE = 0.1  # a round figure stands for no more than a tenth either side of it


def _rounding(v: float) -> float:
    """Half the place of the last significant digit of a round figure: "تسعة
    آلاف" may be 9,100 rounded, "25 مليون" 24.6 million; below a thousand only
    the tens are rounded ("360 راكبا" may be 362, "300" is not 340), and no
    figure for more than a tenth either side: "100 مليون" is not 112 million,
    nor "مليار" 860 million, though its one significant digit would allow it."""
    if v < 100 or v != int(v):
        return 0.0
    place = 1
    n = int(v)
    while n % 10 == 0:
        n //= 10
        place *= 10
    if v < 1000:
        place = min(place, 10)
    return min(place * 0.4999, v * ROUNDING_SHARE) if place >= 10 else 0.0


def _significant(v: float) -> int:
    """The figure without its trailing zeros: 656 for 656,000.  Three digits
    or more written before the zeros may be a truncation ("656 ألفا" for
    656,534): they stand for up to a whole place above, not only half.  (The
    whole part only, unlike significant_digits: 6.735 liras round by their
    last decimal, not as a truncated thousand.)"""
    n = int(v)
    while n and n % 10 == 0:
        n //= 10
    return n


def significant_digits(v: float) -> str:
    """A figure's significant digits: 24.5 million -> "245", 5.8 -> "58"."""
    return f"{v:.6f}".replace(".", "").strip("0")


# Years, dates, ordinals and scores are never rounded (1940 is not 1942), nor
# durations under a thousand (a sentence of 30 years is not one of 34).
_ROUNDED_KINDS = ("count", "money", "measure", "distance")


@per_claim
def interval(c: Claim) -> tuple[float, float, bool, bool]:
    """(low, high, low open, high open) in the class's common unit; an exact
    round figure stands for what it rounds, and time elapsed (in minutes,
    days or weeks; in months or years after منذ، بعد مرور) is counted one way
    or another (the 4th minute is after 3 minutes; the 14th day after 13
    days): it stands for itself or one less; so does a match minute.  A
    figure written to a decimal and said "about" stands for what rounds to it."""
    s = unit_scale(c)
    lo = 0.0 if c.low is None else c.low * s
    hi = math.inf if c.high is None else c.high * s
    if c.qualifier == "exact" and c.value is not None:
        r = _rounding(c.value) * s if c.kind in _ROUNDED_KINDS or (c.kind == "duration" and c.value >= 1000) else 0.0
        if c.kind in ("percent", "money", "measure", "distance"):
            r = max(r, _decimal_rounding(c.value) * s)  # 2.9 per cent may be 2.92 rounded (in the common unit)
        lo, hi = lo - r, hi + r + (r if r and _significant(c.value) >= 100 else 0.0)
        if c.kind == "duration" and getattr(c, "sense", None) != "age" and (c.unit in _ELAPSED or elapsed(c)):
            lo -= s * (whole_step(c.value, c.unit) or 0.0)  # one of its smallest part: ساعة و45 دقيقة, a minute
        if c.kind == "percent" and c.value == int(c.value):
            hi = c.value + 0.9999  # a whole per cent may be cut short: "76%" of 76.67%
    elif c.value is not None and clock_minute(c):
        lo -= 1  # the 86th minute is 85 minutes and some seconds
    elif c.qualifier == "approx" and c.value is not None and (step := written_decimal_step(c)):
        r = 0.4999 * step * s  # "حوالى 2.8 مليار": a figure written to its decimal is already rounded there;
        lo, hi = c.value * s - r, c.value * s + r  # "about" says so, it does not widen it to 2.5-3.1
    elif c.qualifier == "approx" and c.kind in ("count", "duration") and c.value in _ABOUT_ROUND:
        r = ABOUT_ROUND_REACH * s  # "نحو 30 دقيقة" of 25 minutes: a small round figure said "about" rounds to its ten
        lo, hi = min(lo, c.value * s - r), max(hi, c.value * s + r)
    return lo, hi, c.qualifier == "more_than", c.qualifier == "less_than"


# Small round figures said "about" (نحو 30، حوالي 40): each stands for what rounds to its ten, so
# "about 30" is 25 to 35 (wider than the qualifier's tenth below 50); larger ones keep the tenth.
_ABOUT_ROUND = frozenset(float(v) for v in range(30, 100, 10))
ABOUT_ROUND_REACH = 5.0


def _decimal_rounding(v: float) -> float:
    """Half a unit of the last decimal written: 2.9 stands for [2.85, 2.95)."""
    text = repr(float(v))
    decimals = 0 if text.endswith(".0") else len(text.split(".")[1]) if "." in text and "e" not in text else 0
    return 0.4999 * 10 ** -decimals


_WRITTEN_DECIMAL = re.compile(r"(?<![\d.,٫])(\d+)[.,٫](\d{1,2})(?![\d.,٫]*\d)")


@per_claim
def written_decimal_step(c: Claim) -> float:
    """One unit of the last decimal the text writes, in the figure's own scale:
    "6.1 مليون" is 100,000; "2,9 بالمئة" 0.1; 0 for a figure written without
    decimals (or with a thousands group, 1,684,629).  A figure written with
    fewer decimals may be cut short rather than rounded: 6.1 million km of 6.16."""
    m = _WRITTEN_DECIMAL.search(normalise(c.text))  # (Western digits, whatever the text wrote)
    if not m or not c.value:
        return 0.0
    mantissa = float(f"{m[1]}.{m[2]}")
    scale = c.value / mantissa if mantissa else 0.0
    if scale < 1 or abs(math.log10(scale) - round(math.log10(scale))) > 1e-6:
        return 0.0  # the decimals are not this figure's (a second number in its text)
    return 10.0 ** (round(math.log10(scale)) - len(m[2]))


def same_date(a: str | None, b: str | None) -> bool:
    """Two dates agree when they name the same day; a date without its year
    (30 حزيران) agrees with the same day of any year (30 يونيو 2018); a month
    of a year (يونيو 2014) with every day of it, and with its month of no year."""
    if not a or not b:
        return a == b
    if month_level(a) or month_level(b):
        month, other = (a, b) if month_level(a) else (b, a)
        return month[5:7] == other[:2] if len(other) == 5 else month == other[:7]  # MM-DD: its month only
    if len(a) == 10 and len(b) == 10:
        return a == b
    return a[-5:] == b[-5:]


_DAY_OF_LIST = re.compile(r"(?<![0-9])([0-9]{1,2})(?![0-9])")   # on normalised text: every digit set is 0-9
_LISTED = re.compile(r"[0-9]\s*و\s*[0-9]")


def listed_dates(c: Claim) -> set[str]:
    """A date and the other days its words list with it: "28 و29 حزيران" is
    the 28th and the 29th (its norm holds the first)."""
    norm = getattr(c, "norm", None)
    if not norm:
        return {norm}
    out = {norm}
    text = normalise(c.text)
    if not _LISTED.search(text):
        return out
    for m in _DAY_OF_LIST.finditer(text):
        day = int(m.group(1))
        if 1 <= day <= 31:
            out.add(f"{norm[:-2]}{day:02d}")
    return out


_SEPARATORS = re.compile(r"[\s.,٫٬،]+")


def written_alike(a: Claim, b: Claim) -> bool:
    """The same digits and words, only the separators differ (25.800 ألف and
    25,800 ألف): one figure, whichever way a separator is read."""
    return a.text != b.text and _unseparated(a) == _unseparated(b)


@per_claim
def _unseparated(c: Claim) -> str:
    return _SEPARATORS.sub("", normalise(c.text))


def disagree(a: Claim, b: Claim) -> bool:
    """Can the two figures not both be true of one quantity?"""
    if written_alike(a, b):
        return False
    if a.kind == "date":
        return not any(same_date(x, y) for x in listed_dates(a) for y in listed_dates(b))
    if a.kind == "score":
        return getattr(a, "norm", None) != getattr(b, "norm", None)
    if _fraction_dropped(a, b) or _fraction_dropped(b, a) or _cut_short(a, b) or _cut_short(b, a):
        return False
    alo, ahi, alo_open, ahi_open = interval(a)
    blo, bhi, blo_open, bhi_open = interval(b)
    # An open bound touching a figure ("more than 20" and "20") is how outlets
    # round, not a disagreement: only disjoint intervals disagree.
    return ahi < blo or bhi < alo


def _cut_short(a: Claim, b: Claim) -> bool:
    """a is b with its last digits cut off rather than rounded: "6.1 مليون كيلومتر"
    of 6.16 million, "1.6 مليون" of 1,684,629.  Only a figure written with
    decimals, and only the digits b itself gives (6.1 is not cut from 6.3); "بحدود 3.6
    في المئة" of 3.67 too, "about" saying that it is cut."""
    if not (a.kind == b.kind and (a.kind in _ROUNDED_KINDS or a.kind == "percent")
            and a.qualifier in ("exact", "approx") and b.qualifier == "exact"
            and a.value and b.value and b.value > a.value):
        return False
    step = written_decimal_step(a)
    short, full = significant_digits(a.value), significant_digits(b.value)
    return bool(step) and b.value - a.value < step and len(full) > len(short) and full.startswith(short)


def _fraction_dropped(a: Claim, b: Claim) -> bool:
    """A span of time said in fewer parts than another that begins with it: "3 سنوات" or
    "3 سنوات وشهر" of "3 سنوات وشهر و15 يوما".  The smaller units left out, as outlets
    shorten a sentence: b exceeds a by less than one of the smallest unit a is whole in.
    A fraction of that unit is not left out so: "5 أعوام" and "5 أعوام ونصف" disagree."""
    if not (a.kind == b.kind == "duration" and a.unit == b.unit and a.qualifier == b.qualifier == "exact"
            and a.value is not None and b.value is not None and b.value > a.value and a.unit in SPAN_SIZE):
        return False
    step = whole_step(a.value, a.unit)
    if step is None or b.value - a.value >= step - 1e-4:  # values are kept to six decimals
        return False
    words = load().number_words
    return not any(words.get(w, ("",))[0] == "fraction" for w in normalise(b.text).split())


def whole_step(value: float, unit: str) -> float | None:
    """The largest unit of time, in `unit`s, that a span is a whole number of: 1 for 3 years,
    1/12 for 3 years and a month; None when it is none (a minute and 31.19 seconds)."""
    if unit not in SPAN_SIZE:
        return 1.0
    for u in SPAN_UNITS[SPAN_UNITS.index(unit):]:
        z = SPAN_SIZE[u] / SPAN_SIZE[unit]
        if abs(value / z - round(value / z)) < 1e-3:
            return z
    return None


def rel_gap(a: Claim, b: Claim) -> float:
    """How far apart the two intervals are, relative to the larger side (0..1)."""
    if a.kind in ("date", "score"):
        return 1.0 if disagree(a, b) else 0.0
    alo, ahi, _, _ = interval(a)
    blo, bhi, _, _ = interval(b)
    top = max(alo, blo)
    bottom = min(ahi, bhi)
    if top <= bottom or top <= 0:
        return 0.0
    return (top - bottom) / top


def outlet(c: Claim) -> str:
    """The outlet behind a claim; a document of unknown source stands alone."""
    return c.source or "doc:" + c.doc


def hours(c: Claim) -> float | None:
    when = published_datetime(c.published)
    return when.timestamp() / 3600.0 if when else None


def dated_earlier(c: Claim) -> bool:
    """The sentence dates its figure to an earlier year than the report's (في إعصار عام 2004);
    a figure counted since a year (منذ 2004) runs to today and is not dated earlier."""
    when = published_datetime(c.published)
    return bool(when and c.years and max(c.years) < when.year and c.kind != "year" and c.scope != "since") \
        and not tally_since_start(c)


def _dated_before(x: Claim, y: Claim) -> bool:
    """x's sentence names no year and the sentence before it names the earlier
    year y's is dated to (أدانته محكمة في صيف 2016. وحكم عليه بالسجن 5 أعوام):
    both speak of that year's event."""
    return not x.years and dated_earlier(y) and max(y.years) in x.years_before


def background(c: Claim) -> bool:
    """Background: said so by its clause (وكان..., الشهر الماضي) or dated to an earlier year."""
    return c.scope == "background" or dated_earlier(c)


def rescaled(a: Claim, b: Claim) -> bool:
    """The same two or more digits under scale words a thousand or a million
    times apart (278 ألف برميل يوميا، 278 مليون برميل): one figure mis-scaled,
    whatever frame each report gives it, not a rate and a total."""
    va = a.value if a.value is not None else a.low
    vb = b.value if b.value is not None else b.low
    if a.unit != b.unit or not va or not vb or va <= 0 or vb <= 0 or va == vb or \
            round(math.log10(max(va, vb) / min(va, vb)), 6) not in (3.0, 6.0, 9.0):
        return False  # (the ratio first: it rules out almost every pair without writing the digits)
    d = significant_digits(va)
    return len(d) >= 2 and d == significant_digits(vb)


_TOLL_EVENTS = ("killed", "wounded", "killed_or_wounded", "arrested", "missing", "displaced")


def incompatible(a: Claim, b: Claim) -> bool:  # noqa: C901 - one veto a line
    """Frames that say outright the figures are two quantities: a rate and a
    total, a further batch and the first, an earlier incident's toll and
    today's, two owners, two people's ages, an age and the years since a
    start, two clubs' figures, two explicit days or years."""
    if (a.scope in RATE_SCOPES or b.scope in RATE_SCOPES) and a.scope != b.scope and not rescaled(a, b):
        return True
    # durations in two units are one quantity only when the number is the same
    # (14 days and 14 years: a unit misread); 3 days and 4 years are two quantities
    # (and the same number only in one text's words: pairs.UNIT_SLIP_CONTEXT, once they are measured)
    if a.kind == "duration" and a.unit != b.unit and a.value != b.value:
        return True
    for scope in ("additional", "subset"):  # a further batch; a part named within its whole (بينهم سبعة أطفال)
        if (a.scope == scope) != (b.scope == scope):
            return True
    # a past event's figure is compared with the same past event's, never with today's
    if dated_earlier(a) != dated_earlier(b) and not _dated_before(a, b) and not _dated_before(b, a):
        return True
    if background(a) != background(b) and (a.event in _TOLL_EVENTS or b.event in _TOLL_EVENTS):
        return True
    # a tally since a player joined runs to today; a past season's is another period
    if tally_since_start(a) and background(b) or tally_since_start(b) and background(a):
        return True
    if a.owner and b.owner and a.owner != b.owner:
        return True
    if other_persons_ages(a, b) or other_teams(a, b):
        return True
    ra, rb = reading(a), reading(b)
    if not same_record(ra.record, rb.record):
        return True
    if ra.earlier != rb.earlier:
        return True
    if ra.ends_span != rb.ends_span:  # the day a festival closes is not the day it opens
        return True
    if ra.forecast != rb.forecast:  # what is expected is not what was measured
        return True
    if ra.month and rb.month and ra.month != rb.month:
        return True
    if ra.dated and rb.dated and ra.dated != rb.dated:  # a birth year is not a first film's
        return True
    if a.days and b.days and not set(a.days) & set(b.days):
        return True
    if _dated_after_report(a, b) or _dated_after_report(b, a):
        return True
    # two counts since a start, one from the day it names (منذ الاثنين الماضي), the other from
    # a start it does not date (منذ بداية التظاهرات): two periods, not one
    if a.scope == b.scope == "since" and bool(a.days) != bool(b.days):
        return True
    # the years since a start (منذ نحو سبعين عاما) are nobody's age (متوسط أعمار الفائزين 56 عاما)
    if (a.scope == "since") != (b.scope == "since"):
        span, other = (a, b) if a.scope == "since" else (b, a)
        if is_age(other) and not is_age(span):  # ("(82 عاما) ... خلال أسبوع" is an age all the same)
            return True
    if a.kind == "duration" and a_period_and_an_age(a, b):
        return True
    # two moments of a match (after 18 minutes, ten minutes before the end) are two of its events
    # unless a word beside both says what they time
    if match_moment(a) and match_moment(b) and not one_moment(a, b):
        return True
    if clock_minute(a) and clock_minute(b) and not one_scorer(a, b):
        return True  # two goals' minutes of one match, no scorer or event named beside both
    if a.kind == "date" and _other_year(a, b) or b.kind == "date" and _other_year(b, a):
        return True
    if a.kind == "date" and b.kind == "date" and _two_days(a, b):
        return True
    if a.kind != "year" and not month_level(a.norm) and a.years and b.years and not set(a.years) & set(b.years):
        return True
    if a.kind == "year" and _either_side_of_report(a, b):
        return True
    return False


def _either_side_of_report(a: Claim, b: Claim) -> bool:
    """Two years on either side of their reports' own (a station launched in 2011, one planned
    by 2022): one says what happened, the other what is planned; two events."""
    when_a, when_b = published_datetime(a.published), published_datetime(b.published)
    if when_a is None or when_b is None or a.value is None or b.value is None:
        return False
    return (a.value - when_a.year) * (b.value - when_b.year) < 0


def _dated_after_report(a: Claim, b: Claim) -> bool:
    """a's sentence dates its event to a day that had passed when a was
    published, and more than a day after b was published: b, written before
    the event, speaks of another one (Thursday's earthquake and Sunday's)."""
    when_a, when_b = published_datetime(a.published), published_datetime(b.published)
    if not a.days or when_a is None or when_b is None or not all(d[:1].isdigit() for d in a.days):
        return False
    days = sorted(a.days)
    return days[-1] <= when_a.date().isoformat() and days[0] > (when_b + timedelta(days=1)).date().isoformat()


def _other_year(a: Claim, b: Claim) -> bool:
    """a names a day of another year than b's report, b names its day without a
    year (28 نوفمبر 2014 and 12 يناير in a 2018 report): two events."""
    na, nb = getattr(a, "norm", None) or "", getattr(b, "norm", None) or ""
    when = published_datetime(b.published)
    return (len(na) == 10 or month_level(na)) and len(nb) == 5 and when is not None and na[:4] != str(when.year)


def concepts_apart(x: str, y: str, lexicon) -> bool:
    """Two different nouns counted that are two things: two concepts of counted.toml (goals and
    points), or a concept it keeps `apart` and any other noun (three times, four players)."""
    concepts = lexicon.concepts
    return (x in concepts and y in concepts) or bool(concepts.get(x, {}).get("apart") or concepts.get(y, {}).get("apart"))


# A misreported date slips one of its fields (the 15th for the 16th, January for February, a
# year's digit); two dates apart in two fields are two days of the story (the day the protests
# began, the day of the last raid), unless they are a few days apart across a month's end.
NEAR_DAYS = 3


def _digits_alike(u: str, v: str) -> bool:
    """Two numbers one slip of a digit apart: one digit changed, dropped or added
    (13 and 14, 4 and 14, 20 and 30), or two digits swapped (13 and 31)."""
    u, v = str(int(u)), str(int(v))
    if len(u) == len(v):
        diff = [k for k in range(len(u)) if u[k] != v[k]]
        return len(diff) <= 1 or (len(diff) == 2 and u == v[::-1])
    short, long_ = sorted((u, v), key=len)
    return len(long_) - len(short) == 1 and any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _days_apart(x: str, y: str) -> bool:
    """Two normalised dates that differ in their day alone, far apart and not one slip of a
    digit (4 and 13 March; 13 and 31, 4 and 14 may be one day misreported)."""
    fx, fy = x.split("-"), y.split("-")
    if fx[-2] != fy[-2] or (len(fx) == len(fy) == 3 and fx[0] != fy[0]):
        return False  # another month, or another year when both name one
    try:
        return abs(int(fx[-1]) - int(fy[-1])) > NEAR_DAYS and not _digits_alike(fx[-1], fy[-1])
    except ValueError:
        return False


def _fields_apart(x: str, y: str) -> bool:
    """Two normalised dates (YYYY-MM-DD or MM-DD) that differ in two of their fields, far apart."""
    fx, fy = x.split("-"), y.split("-")
    pairs = list(zip(fx[-2:], fy[-2:])) + ([(fx[0], fy[0])] if len(fx) == len(fy) == 3 else [])
    if sum(u != v for u, v in pairs) < 2:
        return False
    both_years = len(fx) == len(fy) == 3
    try:  # the distance; in a leap year when either has no year (29 February is a day)
        dx, dy = (date(int(f[0]) if both_years else 2000, int(f[-2]), int(f[-1])) for f in (fx, fy))
    except ValueError:
        return True
    apart = abs((dx - dy).days)
    return (apart if both_years else min(apart, 366 - apart)) > NEAR_DAYS


MONTH_ANCHORS = 2  # the content words before a month in its clause that say what it dates


def _month_anchors(c: Claim) -> frozenset[str]:
    """The content words just before a month of a year, but the names of its sentence's
    entities and of months: "علاقة مع ترامب ... في تموز/يوليو 2006" and "الإقرار المالي لترامب
    منذ يونيو/حزيران 2017" share a man, not an event."""
    return anchor_words(c, nearest=MONTH_ANCHORS) - entity_name_words(tuple(c.entities)) - month_name_words()


def _two_days(a: Claim, b: Claim) -> bool:
    """Every day a names is apart from every day b names in two fields: two days, not one
    misreported.  So are two days of one month far apart, not one slip of a digit, when no
    word beside both says they date one thing (the attack on 4 March, the inquiry opened on
    16 March; but "the elections will be held on 15 May" and "... on 22 May" date one thing)."""
    da, db = listed_dates(a), listed_dates(b)
    if None in da or None in db:
        return False
    if month_level(a.norm) or month_level(b.norm):
        # a month of a year dates the story's background (the war began in March 2011): two are
        # one date only when a word beside both says what they date (انضمت ... في يونيو 2014)
        return not (month_level(a.norm) and month_level(b.norm)) or not _month_anchors(a) & _month_anchors(b)
    if all(_fields_apart(x, y) for x in da for y in db):
        return True
    return all(_days_apart(x, y) for x in da for y in db) and not one_anchored_thing(a, b)


def relation(a: Claim, b: Claim, lexicon) -> str | None:
    """'same' quantity, 'part' (a is part of b: the killed within the killed or
    wounded), 'whole' (b is part of a), or None: never compared (civilians
    within people are too often another incident of the story, unless one
    owner is named on both; two events or two concepts the lexicon tells apart
    are two quantities)."""
    if lexicon is None:
        return "same"
    if a.concept and b.concept and a.concept != b.concept:
        if b.concept in lexicon.concept_ancestors(a.concept) or a.concept in lexicon.concept_ancestors(b.concept):
            if not (a.owner and a.owner == b.owner):  # one owner named on both: ISIS's dead are its fighters
                return None
        elif concepts_apart(a.concept, b.concept, lexicon):
            return None  # two things the lexicon tells apart (goals and points, votes and seats)
    if a.event and b.event and a.event != b.event:
        if b.event in lexicon.event_ancestors(a.event):
            return "part"
        if a.event in lexicon.event_ancestors(b.event):
            return "whole"
        return None  # two events the lexicon tells apart (killed, deployed): two quantities
    return "same"


def conflicts(a: Claim, b: Claim, rel: str) -> bool:
    if rel == "part":
        return interval(a)[0] > interval(b)[1]
    if rel == "whole":
        return interval(b)[0] > interval(a)[1]
    return disagree(a, b)


@dataclass(frozen=True)
class Candidate:
    a: Claim
    b: Claim
    doc_similarity: float
    relation: str = "same"


def answered(a: Claim, b: Claim, others: list[Claim], lexicon=None) -> bool:
    """b's sentence also gives a figure of a's class (`others`: b's report's
    figures of that class; those of b's sentence are enough, the others are
    passed over) that agrees with a, of the same thing: that report
    knows a's figure and sets b beside it, so b is another quantity, not a
    misreport of a's.  Goals in the 86th and 94th minutes answer one in the
    87th with the 86th; "17 clean sheets in 37 matches" answers another
    report's 37 matches, so its 17 is another count.  A one-sided bound
    answers nothing: "up to 59 million" agrees with every turnout below it."""
    if a.qualifier in ONE_SIDED:
        return False
    return any(x is not b and x.sentence == b.sentence and x.value != b.value
               and x.qualifier not in ONE_SIDED and not disagree(a, x) and relation(a, x, lexicon) == "same"
               and (same_thing(a, x) or same_figure(a, x)) for x in others)


def summed(a: Claim, b: Claim, sentences: list[list[Claim]]) -> bool:
    """A sentence gives a's count beside another that, added to it, makes b ("98
    صوتا مقابل 29 ورقة بيضاء وواحدة ملغاة" against "98 صوتا مقابل 30 ورقة بيضاء";
    "71 نقطة بفارق 15 نقطة" against another team's 86): b is a whole of which
    a's count is a part, or another count, not a misreport of a's.  `sentences`:
    figures of a's class, a sentence at a time, from a's report or a third one.
    Exact counts only."""
    if a.kind != "count" or a.qualifier != "exact" or b.qualifier != "exact" or not a.value or not b.value:
        return False
    rest = b.value - a.value
    return rest > 0 and any(
        y.value == a.value and y.qualifier == "exact" and any(
            x is not y and x.qualifier == "exact" and x.value == rest and same_thing(y, x) for x in cs)
        for cs in sentences for y in cs)


SAME_FIGURE_FLOOR = 100  # from here an exact figure written alike in two reports is no coincidence


def same_figure(a: Claim, b: Claim) -> bool:
    """Two exact figures of three digits or more, the same number whatever noun each names ("207
    أعضاء" and "207 من أصل الدول الأعضاء الـ211"): one figure, though the nouns are read apart."""
    return a.value is not None and a.value == b.value and a.value >= SAME_FIGURE_FLOOR \
        and a.qualifier in (None, "exact") and b.qualifier in (None, "exact")


LABEL_KINDS = ("ordinal", "spec")
LABEL_FLOOR = 10  # below this a label or an ordinal of a's value beside b is a coincidence (the third day)


def answered_by_label(a: Claim, b: Claim, labels: list[Claim]) -> bool:
    """b's sentence numbers a's figure exactly (`labels`: b's report's ordinals and
    numbered labels): "سجل هدفه رقم 100 ليلحق برونالدو الذي سجل 114 هدفا" answers
    another report's "يحرز 100 هدف" with its 100th goal, so its 114 is someone
    else's tally.  Only figures of two digits or more: the third day of a story
    beside a count of 3 is a coincidence."""
    return a.qualifier in (None, "exact") and a.value is not None and a.value >= LABEL_FLOOR and any(
        x.sentence == b.sentence and x.value == a.value and same_thing(a, x) for x in labels)


ONE_SIDED = ("at_least", "more_than", "less_than", "up_to")  # a bound agrees with too much to answer anything


SAME_NOUN = 70.0  # rapidfuzz token-set ratio of two counted nouns' skeletons: مباراة / مباريات, not طوابق / صواريخ


def same_thing(a: Claim, b: Claim) -> bool:
    """Nothing says a and b count two things: one concept when both have one,
    else two counted nouns spelled alike (five rockets are not five floors)."""
    if a.concept and b.concept:
        return a.concept == b.concept
    if a.counted and b.counted:
        return fuzz.token_set_ratio(skeleton(normalise(a.counted)), skeleton(normalise(b.counted))) >= SAME_NOUN
    return True


def minutes_told_apart(a: Claim, b: Claim, third: list[list[Claim]]) -> bool:
    """Two match minutes that a third report's sentence gives as two goals, one
    agreeing with each (goals at 86 and 94 there, 87 and 93 here): two goals,
    not one misreported.  `third` holds the other reports' figures of their class;
    a and b are match minutes (candidate_pairs asks only then)."""
    for cs in third:
        by_sentence: dict[str, list[Claim]] = {}  # (a long match report: its minutes a sentence at a time)
        for x in cs:
            if clock_minute(x):
                by_sentence.setdefault(x.sentence, []).append(x)
        if any(not disagree(a, x) and not disagree(b, y) and disagree(x, y)
               for minutes in by_sentence.values() for x in minutes for y in minutes):
            return True
    return False


def candidate_pairs(claims: dict[str, list[Claim]], neighbours: dict[str, dict[str, float]],
                    disagreeing_only: bool = True, lexicon=None, frames: bool = True) -> Iterator[Candidate]:
    """Pairs of claims, in a stable order, from neighbouring documents of
    different outlets published within MAX_HOURS, of one comparable class;
    with `frames`, not those whose frames say they are two quantities
    (`incompatible`).  Without it and `disagreeing_only`, every pair the story
    index reaches: what `factcheck fit` measures the candidates' recall against."""
    by_class: dict[str, dict[tuple, list[Claim]]] = {}
    labels: dict[str, list[Claim]] = {}  # a report's ordinals and numbered labels (answered_by_label)
    for doc, cs in claims.items():
        groups: dict[tuple, list[Claim]] = defaultdict(list)
        for c in cs:
            k = comparable_class(c)
            if k is not None:
                groups[k].append(c)
            if c.kind in LABEL_KINDS:
                labels.setdefault(doc, []).append(c)
        if groups:
            by_class[doc] = groups

    mates: dict[tuple, list[Claim]] = {}

    def sentence_mates(doc: str, k, c: Claim) -> list[Claim]:
        """doc's figures of class k in c's sentence (what `answered` looks at, found once)."""
        key = (doc, k, c.sentence)
        if key not in mates:
            mates[key] = [x for x in by_class[doc][k] if x.sentence == c.sentence]
        return mates[key]

    def thirds(d: str, e: str, k) -> list[list[Claim]]:
        """The figures of class k of the reports neighbouring both d and e."""
        common = set(neighbours.get(d, {})) & set(neighbours.get(e, {}))
        return [by_class[f][k] for f in sorted(common - {d, e}) if f in by_class and k in by_class[f]]

    def by_sentence(reports: list[list[Claim]]) -> list[list[Claim]]:
        out: dict[tuple, list[Claim]] = {}
        for cs in reports:
            for c in cs:
                out.setdefault((c.doc, c.sentence), []).append(c)
        return list(out.values())

    for d in sorted(by_class):
        for e, sim in sorted(neighbours.get(d, {}).items()):
            if e <= d or e not in by_class:
                continue
            da, db = by_class[d], by_class[e]
            first = next(iter(next(iter(da.values()))))
            second = next(iter(next(iter(db.values()))))
            if outlet(first) == outlet(second):
                continue
            ha, hb = hours(first), hours(second)
            if ha is not None and hb is not None and abs(ha - hb) > MAX_HOURS:
                continue
            for k in sorted(set(da) & set(db), key=str):
                for a in da[k]:
                    for b in db[k]:
                        rel = relation(a, b, lexicon)
                        if rel is None or (disagreeing_only and not conflicts(a, b, rel)):
                            continue
                        if frames and (incompatible(a, b) or answered(a, b, sentence_mates(e, k, b), lexicon)
                                       or answered(b, a, sentence_mates(d, k, a), lexicon)
                                       or summed(a, b, [sentence_mates(d, k, a)] + by_sentence(thirds(d, e, k)))
                                       or summed(b, a, [sentence_mates(e, k, b)] + by_sentence(thirds(d, e, k)))
                                       or answered_by_label(a, b, labels.get(e, ()))
                                       or answered_by_label(b, a, labels.get(d, ()))
                                       or clock_minute(a) and clock_minute(b)
                                       and minutes_told_apart(a, b, thirds(d, e, k))):
                            continue
                        yield Candidate(a, b, sim, rel)
