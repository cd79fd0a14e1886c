"""Arabic number grammar: the value of a figure written in digits (any script, with its
separators) or in words.  All language knowledge comes from the lexicon files; this module
only knows how Arabic composes a number: ones before tens (خمسة وعشرون), scale words
multiply what precedes them (ثلاثة آلاف), duals stand for two (ألفين), hundreds may be
split (ثلاث مئة).  numbers.py assembles quantities around what it reads.
"""
from __future__ import annotations

import re

from ..lexicon import Lexicon
from ..reading.arabic import normal_set, number_forms, strip_number_prefixes
from ..reading.tokens import Tok

# the two particles the grammar of figures turns on: من opens a span or a change, و joins
FROM = normal_set("من")
AND = normal_set("و")
# A number written out to ten thousand or more before ألف already counts its thousands
# (وتكفي لـ27500 ألف شخص، 663850 ألف دولار): the word repeats them, it does not multiply.
REDUNDANT_THOUSAND = 10_000
_THOUSANDS = re.compile(r"^\d{1,3}(?:[,\u060c\u066c'’ ]\d{3})+(?:[.\u066b]\d+)?$")
_DECIMAL = re.compile(r"^(\d+)[.,\u060c\u066b](\d+)$")
# Some agencies separate with the letter ر and type the figure so that it shows as 2ر5 in a
# right-to-left line: the fraction comes first in the text ("5ر2 مليون" is 2.5 million), and
# three digits there are thousands ("225ر29 غارة" is 29,225 raids).
_RA = re.compile(r"^(\d+)\u0631(\d+)$")


def digits_value(tok: str) -> float | None:
    """The value of a figure written in digits, with its separators."""
    if tok.isdigit():
        return float(tok)
    if _THOUSANDS.match(tok):
        m = re.search(r"[.\u066b](\d+)$", tok)
        head = tok[:m.start()] if m else tok
        return float(re.sub(r"\D", "", head) + ("." + m.group(1) if m else ""))
    m = _DECIMAL.match(tok)
    if m:
        return float(m.group(1) + "." + m.group(2))
    m = _RA.match(tok)
    if m:
        fraction, whole = m.groups()
        return float(whole + fraction) if len(fraction) == 3 else float(whole + "." + fraction)
    return None


def clean(v: float) -> float:
    """A value as every record writes it: whole when it is (float noise dropped), else to 6 places."""
    r = round(v)
    return float(r) if abs(v - r) < max(1e-6, abs(v) * 1e-12) else round(v, 6)  # 16,6 مليار: 16600000000.000002


class NumberGrammar:
    """Reads the number at a token: the lexicon's number words, composed as Arabic composes them."""

    def __init__(self, lexicon: Lexicon):
        self.lx = lexicon
        words = lexicon.words["numbers"]  # lexicon/words.toml
        self._standalone_scales = words["standalone_scales"]
        self._no_article = words["no_article"]
        self._teen_only = words["teen_only"]
        self._number_forms = number_forms(lexicon.number_words)  # the words word_number() may read

    def word_number(self, w: str):
        """(type, value, bare form, had_article) for a number word, else None."""
        if w not in self._number_forms or w in self.lx.not_numbers:
            return None  # (no form of it is a number word / it is listed as not one)
        for form in strip_number_prefixes(w):
            hit = self.lx.number_words.get(form)
            if hit:
                return hit[0], hit[1], form, w != form and w.endswith(form) and "ال" in w[: len(w) - len(form)]
        return None

    def core(self, toks: list[Tok], words: list[str], i: int):
        """Parse the number starting at token i: (value, end, scale, by_words) or None."""
        n = len(words)
        w = words[i]
        if w[0].isdigit():
            v = digits_value(w)
            if v is None:
                return None
            j = i + 1
            scale = None
            if j < n:
                hit = self.word_number(words[j])
                if hit and hit[0] == "scale" and not words[j].startswith("و"):
                    if hit[1] == 1000 and v >= REDUNDANT_THOUSAND:
                        return v, j + 1, None, False  # 27500 ألف شخص: the number already written out in full
                    scale = hit[1]
                    v *= scale
                    j += 1
                    frac = self.word_number(words[j]) if j < n else None
                    if frac and frac[0] == "fraction" and words[j].startswith("و"):
                        v += frac[1] * scale
                        j += 1
                        if j < n and self._article_scale(words[j], scale):
                            j += 1  # مليون ونصف المليون
                    else:
                        v, j = self._lower_part(toks, words, j, v, scale)  # 12 مليونا و450 ألفا و210
            return v, j, scale, False
        hit = self.word_number(w)
        if not hit:
            return None
        typ, val, form, article = hit
        if typ == "scale" and form not in self._standalone_scales and \
                self._lower_part(toks, words, i + 1, val, val)[1] == i + 1:
            return None  # مليونا needs a number before it, or a smaller part after it (مليونا و300 ألف)
        if typ == "fraction":
            nxt = self.word_number(words[i + 1]) if i + 1 < n else None
            if not (nxt and nxt[0] == "scale"):
                return None
        if form in self._no_article and article:
            return None
        if form in self._teen_only:  # أحد عشر، إحدى وسبعين; not أحد الشهود (one of the witnesses)
            k = self.detached_and(toks, words, i + 1) if i + 1 < n else i + 1
            nxt = self.word_number(words[k]) if k < n else None
            if not (nxt and (nxt[0] == "ten" and k == i + 1 and not words[k].startswith("و")
                             or nxt[0] == "tens" and (k > i + 1 or words[k].startswith("و")))):
                return None
        total = cur = 0.0
        last_type = None
        last_val = 0.0
        last_scale = None
        group = i   # where the part after the last scale word begins
        first_article = False  # the first number word has the article (الأربع)
        j = i
        while j < n:
            k = self.detached_and(toks, words, j) if j > i else j  # the number word (after a lone و)
            hit = self.word_number(words[k]) if k == i or words[k] else None
            if not hit:
                break
            typ, val, form, _ = hit
            if k == i:
                first_article = hit[3]
            joined = k > j or words[k].startswith("و") and k > i
            if typ in ("scale", "dual_scale") and last_scale and (val if typ == "scale" else val / 2) >= last_scale:
                # scales only descend within one number: "أربعة آلاف وخمسة آلاف" is two figures, not 9,000
                cur, j = 0.0, group
                break
            if j > i and toks[j].start - toks[j - 1].end > 2:
                break
            if joined and typ != "fraction" and (last_type in ("tens", "ten") or last_type == "one" and typ != "tens"):
                # ones come before tens (واحد وعشرون); nothing else joins a one, a ten or tens:
                # "العشرين وأحد"، "بين عشرة وعشرين"، "ثلاثة وأربعة ملايين" are two figures
                break
            if j > i and not joined:
                ok = (typ == "ten" and last_type == "one") or (typ == "hundred" and val == 100 and last_type == "one") \
                    or (typ == "scale" and last_type not in ("scale", "dual_scale", None)) \
                    or (typ == "scale" and last_type == "fraction")
                if typ == "scale" and first_article and k + 1 < n and words[k + 1].startswith("ال"):
                    ok = False  # الدول الأربع آلاف الأبقار: "the four", then "thousands of the cows"
                if not ok:
                    break
            if typ in ("one", "tens"):
                cur += val
            elif typ == "ten":
                cur += 10
            elif typ == "hundred":
                if val == 100 and last_type == "one" and not joined:
                    cur = cur - last_val + last_val * 100
                else:
                    cur += val
            elif typ == "scale":
                total += (cur if cur else 1) * val
                cur = 0.0
                last_scale = val
                group = j + 1
            elif typ == "dual_scale":
                if cur:
                    break
                total += val
                last_scale = val / 2
                group = j + 1
            elif typ == "fraction":
                if joined and last_type in ("scale", "dual_scale") and last_scale:
                    total += val * last_scale
                    if k + 1 < n and self._article_scale(words[k + 1], last_scale):
                        k += 1  # مليونان ونصف المليون
                elif k + 1 < n and (self.word_number(words[k + 1]) or ("",))[0] == "scale":
                    cur += val
                else:
                    break
            last_type, last_val = typ, val
            j = k + 1
        value = total + cur
        if value <= 0:
            return None
        if last_type in ("scale", "dual_scale") and last_scale:
            value, j = self._lower_part(toks, words, j, value, last_scale)  # خمسة ملايين و300 ألف
        return value, j, last_scale, True

    @staticmethod
    def detached_and(toks: list[Tok], words: list[str], j: int) -> int:
        """The word after a lone و typed apart from it (خمسة و عشرون، الرابع و العشرين):
        the conjunction belongs to that word, as if written on it; else j itself."""
        if words[j] in AND and j + 1 < len(words) and words[j + 1][:1].isalpha() and \
                toks[j + 1].start - toks[j].end <= 2:
            return j + 1
        return j

    def _lower_part(self, toks, words, j, value, scale):
        """After a scale word, "و" and a smaller number belong to the same figure
        (25 ألفا و324، 12 مليونا و450 ألفا و210); a part as large as the scale starts
        another figure (10 آلاف و15 ألفا is a range)."""
        n = len(words)
        if j + 1 < n and words[j] == "و" and toks[j].end == toks[j + 1].start and words[j + 1][0].isdigit():
            sub = self.core(toks, words, j + 1)
            if sub is not None and sub[0] < scale:
                return value + sub[0], sub[1]
        elif j < n and words[j].startswith("و") and len(words[j]) > 1 and words[j][1:2].isalpha():
            hit = self.word_number(words[j])
            if hit and hit[0] in ("one", "ten", "tens", "hundred"):
                sub = self.core(toks, words, j)
                if sub is not None and sub[0] < scale and sub[1] > j:
                    return value + sub[0], sub[1]
        return value, j

    def _article_scale(self, w: str, scale: float) -> bool:
        """المليون after ونصف: the scale named again, not multiplied again."""
        if not w.startswith("ال"):
            return False
        hit = self.word_number(w)
        return bool(hit and hit[0] == "scale" and hit[1] == scale and hit[3])
