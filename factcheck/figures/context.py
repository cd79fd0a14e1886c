"""What a sentence says of when and where, whichever figure it holds: the days it names, the
places it introduces, whether it dates itself away from its publication, and the dates a figure
leaves to its document (في 9 الجاري، حتى 22 من الشهر نفسه).  claims.py gives every figure of
the sentence these; the figure's own frame stays there.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon import Lexicon
from ..reading.arabic import ARTICLE_PREFIXES, CLITIC_PREFIXES, clitic_forms
from ..reading.wordtest import positions

# before a month's name (وفي مايو، بمايو): the clitic prefixes without the article
_CLITICS = "|".join(p for p in CLITIC_PREFIXES if p not in ARTICLE_PREFIXES)


class SentenceContext:
    """The lexicon's days, months and place words, asked of a sentence (and of its document, for a month)."""

    def __init__(self, lexicon: Lexicon):
        self.lx = lexicon
        words = lexicon.words["claims"]  # lexicon/words.toml
        self._stop_noun = words["stop_noun"]
        self._place_word = clitic_forms(words["place_words"])  # في مدينة، بولاية: a place word, clitics allowed
        self._month_re = None  # month names, compiled when a figure first needs the month named before it

    def date_norm(self, norm: str | None, pub: date | None, text: str, at: int) -> str | None:
        """"cur-09" (في 9 الجاري) is the 9th of the month of publication, "next-12" (الثاني عشر من
        الشهر المقبل) of the month after it, "prev-" of the month before; "same-22" (حتى 22 من الشهر
        نفسه) the 22nd of the month named last before it in the document (at: its offset in text)."""
        if norm and norm.startswith(("cur-", "next-", "prev-")):
            if pub is None:
                return None
            which, day = norm.split("-", 1)
            year, month = divmod(pub.year * 12 + pub.month - 1 + {"cur": 0, "next": 1, "prev": -1}[which], 12)
            return f"{year:04d}-{month + 1:02d}-{day}"
        if norm and norm.startswith("same-"):
            month = self._month_before(text, at)
            return f"{month:02d}-{norm[5:]}" if month else None
        return norm

    def _month_before(self, text: str, at: int) -> int | None:
        """The month named last in text before offset at."""
        if self._month_re is None:
            forms = {r"\s+".join(map(re.escape, words)): m for words, m in
                     ((p, m) for lst in self.lx.months.by_first.values() for p, m in lst)}
            self._month_forms = [(re.compile(f + "$"), m) for f, m in forms.items()]
            words = "|".join(sorted(forms, key=len, reverse=True))
            self._month_re = re.compile(rf"(?<![^\W\d_])(?:{_CLITICS})?({words})(?![^\W\d_])")
        last = None
        for last in self._month_re.finditer(text, 0, at):
            pass
        if last is None:
            return None
        return next((m for f, m in self._month_forms if f.match(last.group(1))), None)

    def days(self, words, pub: date | None) -> list[str]:
        """Days the sentence speaks of, as dates when the publication date is
        known (Saturday in a Sunday paper is yesterday), else as weekday names."""
        out = set()
        for _, _, (kind, n) in self.lx.days.scan(words):
            if pub is None:
                out.add(f"{kind}:{n}")
            elif kind == "weekday":
                out.add((pub - timedelta(days=(pub.weekday() - n) % 7)).isoformat())
            else:
                out.add((pub + timedelta(days=n)).isoformat())
        return sorted(out)

    def place_positions(self, words) -> list[tuple[int, str]]:
        """(position of the name, name) of each place the sentence introduces, in
        order (في مدينة X، بولاية X، إقليم X): two figures from different towns are
        two incidents, even in one story."""
        out = []
        last = len(words) - 1
        for k in positions(words, self._place_word):
            if k < last:
                name = words[k + 1]
                if name[0].isalpha() and name not in self._stop_noun and len(name) >= 3:
                    out.append((k + 1, name[2:] if name.startswith("ال") and len(name) > 4 else name))
        return out

    def dated_elsewhere(self, words, pub: date | None) -> bool:
        """Does the sentence date itself to another month, or to a day more than
        one day from publication ("في 30 مارس" in an April report)?"""
        if pub is None:
            return False
        for k in self.lx.months.starts(words):
            m = self.lx.months.match(words, k, clitics=True)
            if not m:
                continue
            month = m[1]
            day = words[k - 1] if k and words[k - 1].isdigit() else None
            if day and 1 <= int(day) <= 31:
                try:
                    when = date(pub.year if month <= pub.month else pub.year - 1, month, int(day))
                except ValueError:
                    continue
                if abs((pub - when).days) > 1:
                    return True
            elif month != pub.month:
                return True
        return False
