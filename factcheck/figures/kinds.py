"""What kind of figure a number is: a year, a date, a time, an ordinal, a spec (an identifier,
a model name, a score) or, when none of these, a quantity.  A figure in digits says nothing of
this by itself; the words around it do (عام 2022، الدورة 71، القرار 2254، F-16، 3-1).
numbers.py asks here once a figure's span, qualifier and unit are read.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from ..reading.arabic import ARTICLE_PREFIXES, clitic_forms, strip_clitics
from .grammar import AND, FROM, NumberGrammar

if TYPE_CHECKING:
    from .numbers import Quantity

_LATIN = re.compile(r"^[A-Za-z]+$")


def year_like(v: float) -> bool:
    """A whole number a year may be (1800 to 2100)."""
    return 1800 <= v <= 2100 and v == int(v)


def _slash_date(parts: list[str]) -> str | None:
    """2018/5/15, 15/5/2018, 15/5 as YYYY-MM-DD or MM-DD."""
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    if len(nums) == 3:
        y, m, d = (nums[0], nums[1], nums[2]) if len(parts[0]) == 4 else (nums[2], nums[1], nums[0])
        if 1800 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{m:02d}-{d:02d}"
    elif len(nums) == 2 and 1 <= nums[1] <= 12 and 1 <= nums[0] <= 31:
        return f"{nums[1]:02d}-{nums[0]:02d}"
    return None


# how a day's month is implied (lexicon implied_month), as its norm's prefix (claims resolve it)
_IMPLIED_PREFIX = {"current": "cur-", "same": "same-", "next": "next-", "previous": "prev-"}

class Kinds:
    """The kind of a figure from the words around it: the lexicon's cues, and the grammar for number words."""

    def __init__(self, lexicon: Lexicon, grammar: NumberGrammar):
        self.lx = lexicon
        self.word_number = grammar.word_number
        words = lexicon.words["numbers"]  # lexicon/words.toml
        self._glue_prefixes = words["glue_prefixes"]
        self._function_words = words["function_words"]
        self.article = frozenset(words["article"])  # the article as a word of its own (الـ 20): Parser's too
        self._year_nouns = frozenset(lexicon.words["pairs"]["year_nouns"])  # words.toml [pairs]
        self._counted_after = words["counted_after"]
        self._not_counted_after = words["not_counted_after"]
        lx = lexicon
        # any(f in S for f in strip_clitics(w)) is w in clitic_forms(S): one lookup, no generator
        self._cf_ordinal_before = clitic_forms(lx.ordinal_before)
        self._cf_spec_before = clitic_forms(lx.spec_before)
        self._cf_name_before = clitic_forms(lx.name_before)
        self._cf_score_context = clitic_forms(lx.score_context)
        self._cf_model_prefixes = clitic_forms(lx.model_prefixes)
        self._plural_endings = tuple(words["plural_endings_before_figure"])
        self._dual_endings = tuple(words["dual_endings"])
        self._cf_broken_plurals = clitic_forms(words["broken_plurals"])

    def number_words_kind(self, words, q: Quantity, floor) -> bool:
        """Make a count in number words with the article an ordinal when it numbers a noun
        (في المرتبة العشرين) or a date when a month follows (في العشرين من مارس); False when neither."""
        if q.kind == "count" and not words[q.n0][0].isdigit() and q.i0 == q.n0 and q.i0 - 1 >= floor \
                and q.qualifier == "exact" and (self.word_number(words[q.n0]) or (0, 0, 0, False))[3] \
                and not words[q.i0 - 1] in self.article:
            if words[q.i0 - 1] in self._cf_name_before:
                q.kind, q.qualifier = "spec", None   # مجموعة السبع: the Group of Seven, a name
                return True
            lemma = self.numbered_before(words, q.i0, floor)
            if lemma or words[q.i0 - 1] in self._cf_ordinal_before:
                q.kind, q.qualifier, q.numbered = "ordinal", None, lemma   # في المرتبة العشرين
                return True
        if q.kind == "count" and not words[q.n0][0].isdigit() and q.qualifier in ("exact", "up_to") \
                and q.n0 - q.i0 <= 1 and (self.word_number(words[q.n0]) or (0, 0, 0, False))[3] \
                and not (q.n0 > floor and words[q.n0 - 1].startswith("ال")):
            dm = self.day_month(words, q.i1, q.value)
            if dm:  # في العشرين من مارس، حتى الثلاثين من الشهر الجاري
                q.kind, q.qualifier, q.unit, q.i1, q.norm = "date", None, None, dm[0], dm[1]
                return True
        return False

    def kind_of(self, toks, words, q: Quantity, floor, range_parts) -> str | None:
        """year / date / time / ordinal / spec, or None for a quantity."""
        lx = self.lx
        n = len(words)
        i, j = q.n0, q.n1
        w = words[i]
        if not w[0].isdigit():
            return None
        prev = words[i - 1] if i > 0 else ""
        nxt = words[j] if j < n else ""
        value = q.value if q.value is not None else q.low
        glued_prev = i > 0 and toks[i - 1].end == toks[i].start
        glued_next = j < n and toks[j - 1].end == toks[j].start
        # times: 10:30, الساعة 10
        if nxt == ":" and j + 1 < n and words[j + 1].isdigit() and len(words[j + 1]) == 2 and glued_next:
            q.i1 = max(q.i1, j + 2)
            if w.isdigit() and int(w) <= 24:
                q.norm = f"{int(w):02d}:{words[j + 1]}"
            return "time"
        if (prev in lx.time_before and q.qualifier in (None, "exact") or nxt in lx.time_after) and not q.unit:
            # الساعة 10، 04.00 بتوقيت غرينتش، 9 مساء: a time of day
            hour, _, minute = w.replace(",", ".").partition(".")
            if hour.isdigit() and int(hour) <= 24 and (not minute or len(minute) == 2 and minute.isdigit()
                                                       and int(minute) < 60):
                q.norm = f"{int(hour):02d}:{minute or '00'}"
            return "time"
        # model names and identifiers: SU-30M, MH17, F-16, 5G, resolution 2254
        if glued_prev and (_LATIN.match(prev) or (prev == "-" and i > 1 and toks[i - 2].end == toks[i - 1].start
                                                  and words[i - 2][0].isalpha()
                                                  and not lx.months.match(words, i - 2))):  # يونيو-15 يوليو
            q.i0 = min(q.i0, i - 1 if prev != "-" else i - 2)
            if glued_next and _LATIN.match(nxt):
                q.i1 = max(q.i1, j + 1)
            self._extend_name(toks, words, q)
            return "spec"
        if glued_next and _LATIN.match(nxt):
            q.i1 = max(q.i1, j + 1)
            return "spec"
        if nxt == "+" and glued_next and j + 1 < n and words[j + 1][:1].isdigit() and toks[j].end == toks[j + 1].start:
            q.i1 = max(q.i1, j + 2)
            return "spec"  # مجموعة 5+1: a name written as a sum
        if prev and _LATIN.match(prev) and q.qualifier in (None, "exact") and q.kind == "count":
            self._extend_name(toks, words, q)
            return "spec"  # iOS 11.3، Galaxy S 9: a version or a model
        if len(w) >= 8 and w.isdigit() or w.startswith("0") and len(w) >= 6 and w.isdigit():
            return "spec"
        if q.qualifier in (None, "exact") and prev and self._numbered_spec(words, i):
            self._extend_name(toks, words, q)
            return "spec"
        if q.qualifier in (None, "exact") and q.kind == "count" and self._model_name(words, i, j):
            self._extend_name(toks, words, q)
            return "spec"
        # ordinals: الدورة 71، الـ20، في المجموعة 11، فوزه 11 على التوالي; but الـ 16 لاعبا counts players
        # a numbered noun before a plain figure (فوزه 2-1 is a score, المجموعة 6% a share)
        lemma = self.numbered_before(words, i, floor, digits=True) \
            if nxt not in ("-", "–", ":") and q.kind == "count" and not q.unit else None
        dm = self.day_month(words, j, value) if q.kind == "count" and not range_parts else None
        dated = dm is not None and not dm[1].startswith(("cur-", "same-"))  # تبدأ الدورة 12 يوليو: a date
        if q.qualifier in (None, "exact") and prev and not dated and \
                (lemma or prev in self._cf_ordinal_before):
            after = words[q.i1] if q.i1 < n else ""
            um = lx.units.match(words, i - 2) if prev in self.article and i >= 2 else None
            if um and um[0] == 1 and um[1][0] == "duration" and \
                    not any(f in lx.unit_singulars for f in strip_clitics(words[i - 2])):
                q.kind, q.unit, q.i0 = "duration", um[1][1], min(q.i0, i - 2)  # الأشهر الـ12: twelve months
                return None
            if prev in self.article and not lemma:
                if q.unit or q.n1 - q.n0 > 1:
                    return None  # الـ14 مليون يورو، الـ20 في المئة: a sum or a share with the article, not an ordinal
                if i >= 2 and self._definite_plural(words, i - 2):
                    q.noun_before = i - 2
                    return None  # المرشحين الـ55: the 55 candidates
            if (prev in self.article or lemma) and after[:1].isalpha() and not after.startswith("ال") \
                    and after not in FROM and after not in self._function_words and not lx.months.match(words, q.i1) \
                    and (self.counted_follows(words, q.i1) or after.endswith("ا")):
                return None  # الـ 16 لاعبا، خسارته 11 نقطة: an indefinite counted noun follows
            q.numbered = lemma
            return "ordinal"
        # a minute after a scorer's name, in brackets, alone or in a list of his goals: صلاح (67)،
        # مودريتش (71 من ركلة جزاء)، ميسي (38 و82 و85)
        opened, k = _bracket_list(words, i, j)
        note = lx.minute_notes.match(words, k) if opened is not None and k < n and words[k] != ")" else None
        closed = k < n and words[k] == ")" or note is not None and k + note[0] < n and words[k + note[0]] == ")"
        if opened is not None and closed and q.qualifier in (None, "exact") and value is not None and value <= 130 \
                and opened > 0 and words[opened - 1][0].isalpha() and not lx.units.match(words, opened - 1) \
                and not self._cf_score_context.isdisjoint(words):
            q.numbered = lx.score_minute
            return "ordinal"
        if glued_prev and prev[0].isalpha() and prev not in self._glue_prefixes and not self._glued_cue(words, q, prev):
            q.i0 = min(q.i0, i - 1)
            return "spec"  # فرانس24، ق15: part of a name or a label
        # dates: 15 مايو 2018، 2018/5/15
        if nxt == "/" and glued_next and j + 1 < n and words[j + 1].isdigit():
            k = j + 1
            while k + 1 < n and words[k + 1] == "/" and k + 2 < n and words[k + 2].isdigit():
                k += 2
            q.i1 = max(q.i1, k + 1)
            parts = words[i:k + 1:2]
            if len(parts) == 2 and all(len(p) == 4 and p.isdigit() and year_like(float(p)) for p in parts):
                q.high = float(parts[1])
                return "year"  # العام المالي 2017/2018
            q.norm = _slash_date(parts)
            return "date"
        value = q.value if q.value is not None else q.low
        if value is not None and 1 <= value <= 31 and value == int(value) and q.kind == "count" \
                and q.qualifier != "approx" and not range_parts:
            # 15 مايو 2018، حتى 27 أبريل، في 3 من مارس، ليل 13 و14 نيسان، في 9 الجاري، حتى 22 من الشهر نفسه
            k = j
            if k + 2 < n and words[k] in AND and words[k + 1].isdigit() and 1 <= int(words[k + 1]) <= 31:
                k += 2
            dm = self.day_month(words, k, value)
            if dm:
                q.i1 = max(q.i1, dm[0])
                q.norm = dm[1]
                return "date"
        # scores: 3-1, 103-92 beside words of sport; a list marker "7- سوريا" at the start
        if "-" in words[i:q.i1 + 1] or nxt in ("-", ")"):
            dash = q.n0 + 1 if q.n0 + 1 < n and words[q.n0 + 1] == "-" and words[q.n0].isdigit() else None
            if dash is not None and dash + 1 < n and words[dash + 1] in lx.zero_words and \
                    not self._cf_score_context.isdisjoint(words):
                q.i1 = max(q.i1, dash + 2)
                q.norm = f"{int(words[q.n0])}-0"  # 3-صفر
                return "spec"
            if dash is not None and dash + 1 < n and words[dash + 1].isdigit() and words[q.n0].isdigit() and \
                    not (year_like(float(words[q.n0])) and year_like(float(words[dash + 1]))) and \
                    not self._cf_score_context.isdisjoint(words):
                q.i1 = max(q.i1, dash + 2)
                q.norm = f"{int(words[q.n0])}-{int(words[dash + 1])}"  # a season 2017-2018 is years
                return "spec"
            if i == 0 and nxt in ("-", ")") and not range_parts:
                return "ordinal"
        if i == 0 and nxt == "." and j + 1 == n and q.qualifier in (None, "exact") and q.kind == "count":
            return "ordinal"  # "1." alone at the head of a list item
        if range_parts and j < n and lx.months.match(words, q.i1) is not None:
            return "date"  # من 23-25 أكتوبر
        # years: عام 2022، (فبراير) 2022، 1950-53، 2011-2018
        if range_parts:
            v1, v2, _gap = range_parts
            if year_like(v1) and (year_like(v2) or v2 < 100) and q.kind == "count":
                seasons = year_like(v2) and 0 < v2 - v1 <= 10 and q.i1 < n and words[q.i1] in FROM
                if seasons or not self.counted_follows(words, q.i1):
                    return "year"  # 2017 - 2018 من الدوري: a season
        if value is not None and year_like(value) and "," not in w and "،" not in w and len(w) == 4 \
                and q.kind == "count" and q.qualifier in (None, "exact", "up_to"):
            ym = lx.year_before.match_ending(words, i)
            if q.qualifier == "up_to":  # (وحتى 1961، حتى 2030): a bound's word that also dates a year
                if not ym or self.counted_follows(words, q.i1):
                    return None
                q.qualifier, q.low, q.high = None, value, value
                return "year"
            k = i - 1
            while k >= 0 and words[k] in ("(", ")", "/", "-", "،", ","):
                k -= 1
            month_before = k >= 0 and lx.months.match_ending(words, k + 1) is not None
            month = self.month_of_year(words, i)
            if month:  # كانون الثاني/يناير 2015، في يونيو من عام 2014: a month, not only a year
                q.i0, q.norm = month[0], f"{int(value):04d}-{month[1]:02d}"
                return "date"
            if ym or month_before or nxt in lx.year_after:
                return "year"
            if self.counted_follows(words, q.i1):
                return None
            return "year"
        return None

    def day_month(self, words, k, day) -> tuple[int, str] | None:
        """(end, norm) when the month of a day (1-31) follows at k: (من) (شهر) a month's name (/ its other
        name) (عام) (a year) gives MM-DD or YYYY-MM-DD; الجاري، الشهر الجاري gives cur-DD (the month of
        publication), الشهر المقبل next-DD, الشهر الماضي prev-DD, and الشهر نفسه، نفس الشهر same-DD (the
        month named last before it): claims resolve them."""
        lx = self.lx
        n = len(words)
        if day is None or day != int(day) or not 1 <= day <= 31:
            return None
        day = int(day)
        if k + 1 < n and words[k] in FROM:
            k += 1
        if k + 1 < n and words[k] in lx.month_word and lx.months.match(words, k + 1):
            k += 1  # من شهر يونيو
        mm = lx.months.match(words, k) if k < n else None
        if mm is None:
            im = lx.implied_month.match(words, k, clitics=False) if k < n else None
            if im is None:
                return None
            return k + im[0], _IMPLIED_PREFIX[im[1]] + f"{day:02d}"
        k += mm[0]
        year = None
        if k + 1 < n and words[k] == "/":
            m2 = lx.months.match(words, k + 1)
            if m2:
                k += 1 + m2[0]  # أبريل/نيسان
        y = k
        ym = lx.year_before.match(words, y) if y < n else None
        if ym and ym[0] == 1 and y + 1 < n and words[y + 1].isdigit():
            y += 1  # 15 يوليو عام 2016
        if y < n and words[y].isdigit() and len(words[y]) == 4 and 1800 <= int(words[y]) <= 2100:
            year = int(words[y])
            k = y + 1
        return k, (f"{year:04d}-" if year else "") + f"{mm[1]:02d}-{day:02d}"

    def month_of_year(self, words, i) -> tuple[int, int] | None:
        """(start, month) when a month's name stands right before the year at i, alone, with its
        other name (كانون الثاني/يناير) or with a year's noun between (يونيو من عام 2014); None
        when a day stands before the month (a whole date is read from its day: day_month)."""
        lx = self.lx
        k = i
        if k > 0 and words[k - 1] in self._year_nouns:
            k -= 1
            if k > 0 and words[k - 1] in FROM:
                k -= 1
        mm = lx.months.match_ending(words, k)
        if mm is None:
            return None
        start = k - mm[0]
        other = lx.months.match_ending(words, start - 1) if start >= 2 and words[start - 1] == "/" else None
        if other:  # كانون الثاني/يناير: its other name
            start -= 1 + other[0]
        j = start - 1
        if j >= 0 and words[j] in FROM:
            j -= 1
        if j >= 0 and (words[j].isdigit() or self._day_word(words[j])):
            return None
        return start, mm[1]

    def _day_word(self, w: str) -> bool:
        """A day written in words or as an ordinal before a month (الثامن من يناير)."""
        return any(f in self.lx.ordinal_words for f in strip_clitics(w)) or self.word_number(w) is not None

    def _definite_plural(self, words, k) -> bool:
        """Token k is a definite plural (المرشحين، للمنتخبات، الدول: words.toml [numbers]), not a dual
        in -تين or a country's name (الأرجنتين، البحرين)."""
        w = words[k]
        if w in self._cf_broken_plurals:
            return True
        if not w.startswith(ARTICLE_PREFIXES):
            return False
        if w.endswith(self._dual_endings) or not w.endswith(self._plural_endings):
            return False
        return not self.lx.entity_forms.match(words, k)

    def numbered_lemma(self, w: str, digits: bool = False) -> str | None:
        """The numbered noun w names (المجموعة، للدورة، دورته -> مجموعة، دورة), or None; with
        `digits`, also the nouns that number only figures in digits (للمرة 46)."""
        for table in (self.lx.numbered, self.lx.numbered_digits) if digits else (self.lx.numbered,):
            hit = table.get(w)
            if hit is None and w.startswith("لل"):
                hit = table.get("ال" + w[2:])
            if hit is None:
                hit = next((table[f] for f in strip_clitics(w) if f in table), None)
            if hit is not None:
                return hit
        return None

    def numbered_before(self, words, i, floor, digits: bool = False) -> str | None:
        """The numbered noun right before token i (an article token between: الأسبوع الـ20)."""
        k = i - 1
        if k > floor and words[k] in self.article:
            k -= 1
        return self.numbered_lemma(words[k], digits) if k >= floor and k >= 0 and words[k][0].isalpha() else None

    def _glued_cue(self, words, q: Quantity, prev: str) -> bool:
        """Digits glued to a word the text would have spaced (قرابة40 شخصا، عددهم15، في2015، بقيمة12,5 مليون
        دولار): the word is a cue the lexicon knows, or the figure has a qualifier, a unit, a scale word or a
        counted noun of its own.  Otherwise the word and the digits are one name (فرانس24)."""
        lx = self.lx
        if q.qualifier not in (None, "exact") or q.kind != "count" or q.n1 - q.n0 > 1:
            return True
        forms = strip_clitics(prev)
        if any(f in lx.glue_cues or f in lx.ordinal_before or f in lx.time_before for f in forms):
            return True
        k = q.n0 - 1
        if lx.year_before.match(words, k) or lx.months.match(words, k) or lx.triggers.match(words, k):
            return True
        return self.counted_follows(words, q.i1) and not (q.i1 < len(words) and words[q.i1] in FROM)

    def _numbered_spec(self, words, i) -> bool:
        """A figure that numbers an identifier: the word before it, past quotes
        or a bracket and one nisba adjective, names one (القرار 2254، القرار
        الأممي (2216)، المادة "3")."""
        k = i - 1
        while k >= 0 and i - k <= 2 and words[k] in self.lx.name_marks:
            k -= 1
        if k < 0:
            return False
        if words[k] in self._cf_spec_before:
            return True
        return k >= 1 and words[k].endswith("ي") and words[k].startswith("ال") and words[k - 1] in self._cf_spec_before

    def _model_name(self, words, i, j) -> bool:
        """A figure that names a model: after a Latin letter or maker as Arabic writes
        it (إف-35، إس- 300، "سو – 57"), or inside a short quoted name ("فالكون 9")."""
        lx = self.lx
        k = i - 1
        while k >= 0 and i - k <= 3 and words[k] in lx.name_marks:
            k -= 1
        if k >= 0 and words[k] in self._cf_model_prefixes:
            # not after the quote that closes a name (شركة "إيه إم سي" 40 دار عرض), unless a hyphen
            # binds the figure to its prefix whatever quote stands between (إف-"35)
            closes = any(words[m] == "»" or words[m] == '"' and words[:m].count('"') % 2 for m in range(k + 1, i))
            if "-" in words[k + 1:i] or not closes:
                return True
        # "فالكون 9": one or two words and the figure, alone between quotes
        if not (j < len(words) and words[j] in ('"', "»")):
            return False  # no closing quote: the words before the figure need not be read
        k = i - 1
        while k >= 0 and i - k <= 2 and words[k][0].isalpha() and not self.word_number(words[k]) \
                and not lx.triggers.match(words, k) and not lx.counted.match(words, k):
            k -= 1
        w = words[i]
        if w.isdigit() and len(w) == 4 and year_like(float(w)):
            return False  # "مجزرة 1988"، "رؤية 2030": a year in a quoted name
        return k < i - 1 and k >= 0 and words[k] in ('"', "«")

    @staticmethod
    def _extend_name(toks, words, q) -> None:
        """كا-77-1، تي-50 إم، iOS 10.2.1: the rest of a model name glued on with hyphens or dots."""
        n = len(words)
        while q.i1 + 1 < n and words[q.i1] in ("-", ".") and toks[q.i1 - 1].end == toks[q.i1].start \
                and toks[q.i1].end == toks[q.i1 + 1].start and (words[q.i1 + 1][0].isdigit() or _LATIN.match(words[q.i1 + 1])):
            q.i1 += 2

    def counted_follows(self, words, j) -> bool:
        """Does a noun that could be counted follow (so 2000 جندي is a count)?"""
        if j >= len(words):
            return False
        w = words[j]
        if not w[0].isalpha():
            return False
        lx = self.lx
        if lx.counted.match(words, j) or lx.units.match(words, j):
            return True
        if w in self._counted_after:
            return not (j + 1 < len(words) and words[j + 1] in self._not_counted_after)  # من قبل: "by"
        return False


_LIST_JOINS = ("و", "،", ",")


def _bracket_list(words: list[str], i: int, j: int) -> tuple[int | None, int]:
    """The number at words[i:j] in brackets, alone or among numbers joined by و or a comma
    (ميسي (38 و82 و85)): (the index of the opening bracket, the index after the list), or
    (None, j) when it is not in such brackets."""
    a = i - 1
    while a >= 2 and words[a] in _LIST_JOINS and words[a - 1][:1].isdigit():
        a -= 2
    if a < 0 or words[a] != "(":
        return None, j
    k = j
    while k + 1 < len(words) and words[k] in _LIST_JOINS and words[k + 1][:1].isdigit():
        k += 2
    return a, k
