"""What a figure's own sentence says about it: whose age it is, the record it
is the span of, an earlier event it belongs to, a forecast, the month it is
of, the end of a span, time elapsed since an event, the event a year dates.

Each reading is a small test on the words around the figure, its cue words
in lexicon/frames.toml; candidates.incompatible() turns two different
readings into "two quantities", and the pair features use the age test.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from ..reading.alternation import trie_alternation
from ..reading.arabic import (ARTICLE_PREFIXES, CLITIC_PREFIXES, clitic_forms, normal_skeleton, normalise, skeleton,
                              strip_clitics)
from ..figures.claims import Claim
from ..lexicon import load
from ..lexicon import raw as raw_lexicon
from .memo import per_claim


_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE = re.compile(r"[،,؛;:.!?؟]")


def figure_span(c: Claim) -> tuple[int, int] | None:
    """Where the figure stands in its sentence."""
    i = c.sentence.find(c.text)
    return (i, i + len(c.text)) if i >= 0 else None


DATED_KINDS = ("date", "year")
ANCHORED_KINDS = DATED_KINDS + ("duration",)  # figures whose unit says nothing of what they date or measure
ANCHOR_REACH = 6  # words either side of such a figure that may say it


def _plain_words() -> frozenset[str]:
    """Words that say nothing of what a date dates or a span measures (words.toml
    [anchors], the story index's stop words, the age cues)."""
    return _plain_words_of(id(load()))


@lru_cache(maxsize=4)
def _plain_words_of(lexicon: int) -> frozenset[str]:  # the lexicon's identity keys the cache: an overlay reads anew
    lx = load()
    return frozenset(skeleton(w) for w in lx.words["stories"]["stop"] | lx.words["anchors"]["plain"] | lx.age_cues)


def _skeletons(text: str) -> list[str]:
    """The skeletons of a text's words, in order."""
    return [normal_skeleton(w) for w in _WORD.findall(normalise(text))]


def anchor_words(c: Claim, after: bool = True, nearest: int = 0) -> frozenset[str]:
    """The skeletons of the content words beside a figure (ANCHOR_REACH either
    side, or before it only; or only the `nearest` content words before it in
    its clause): for a date, a year or a span of time, all that says what it
    dates or measures (an election, a visit, whose age).  Made once a mention:
    a discrepancy asks it of every pair of mentions of its figures."""
    return _anchor_words(id(load()), c.sentence, c.text, after, nearest)


def _holder_forms(c: Claim) -> frozenset[str]:
    """The skeletons of the content words before a figure, each with and without its clitics."""
    return _holder_forms_of(id(load()), c.sentence, c.text)


@lru_cache(maxsize=1 << 14)
def _holder_forms_of(lexicon: int, sentence: str, text: str) -> frozenset[str]:
    i = sentence.find(text)
    if i < 0:
        return frozenset()
    return frozenset().union(*_unclitic_skeletons(_WORD.findall(normalise(sentence[:i]))[-ANCHOR_REACH:]))


def _unclitic_skeletons(words: list[str]) -> list[set[str]]:
    """Per word that is not plain, the skeletons of its forms with and without its clitics
    (بالسجن، بسجن: سجن; لنادال: نادال), in order."""
    plain = _plain_words()
    forms = ({f for f in map(normal_skeleton, strip_clitics(w)) if len(f) > 2} for w in words)
    return [f for f in forms if f and not f & plain]


def entity_name_words(entities: tuple[str, ...]) -> frozenset[str]:
    """The skeletons of the words of these entities' names (entities.toml): a name beside two
    dates says whom the story is about, not which of its events they date."""
    return _entity_name_words(id(load()), entities)


def month_name_words() -> frozenset[str]:
    """The skeletons of the words of the months' names (nonquantity.toml [months])."""
    return _month_name_words(id(load()))


@lru_cache(maxsize=4)
def _month_name_words(lexicon: int) -> frozenset[str]:
    return frozenset(normal_skeleton(w) for lst in load().months.by_first.values() for words, _ in lst for w in words)


@lru_cache(maxsize=1 << 12)
def _entity_name_words(lexicon: int, entities: tuple[str, ...]) -> frozenset[str]:
    known = load().entities
    return frozenset(normal_skeleton(w) for e in entities for name in known.get(e, {}).get("names", ())
                     for w in _WORD.findall(normalise(name)))


@lru_cache(maxsize=1 << 14)
def _anchor_words(lexicon: int, sentence: str, text: str, after: bool, nearest: int = 0) -> frozenset[str]:
    i = sentence.find(text)
    if i < 0:
        return frozenset()
    if nearest:  # in its clause, each word with and without its clitics (بالسجن، بسجن: سجن)
        words = _WORD.findall(normalise(_CLAUSE.split(sentence[:i])[-1]))[-ANCHOR_REACH:]
        return frozenset().union(*_unclitic_skeletons(words)[-nearest:])
    plain = _plain_words()
    left = _skeletons(sentence[:i])[-ANCHOR_REACH:]
    right = _skeletons(sentence[i + len(text):])[:ANCHOR_REACH] if after else []
    return frozenset(w for w in left + right if len(w) > 2 and w not in plain)


@lru_cache(maxsize=1 << 12)
def _headline_words(headline: str) -> frozenset[str]:
    return frozenset(_skeletons(headline))


def one_anchored_thing(a: Claim, b: Claim, headlines: tuple[str, ...] = ()) -> bool:
    """Do two dates (years, spans) share a word beside them that names what they
    date or measure (الانتخابات ... 25 تموز، الانتخابات ... 26 يوليو؛ عباس (82 عاما)،
    عباس البالغ 83 عاما)?  A date or a span says nothing of its event: without
    such a word, two of one story are as likely two things of it (the day a
    decision was announced, the day a match is played; one player's age,
    another's) as one thing given twice.  For dates, words of the two
    headlines (the story's: سكريبال، خاشقجي) say which story, not which of its
    events; for a span, a name in the headline still says whose age it is."""
    if is_age(a) and is_age(b):
        # whose age: the person comes before it (رزان النجار (21 عاما)، عباس البالغ 83 عاما); what
        # follows tells what befell them (لقيت حتفها، اغتصبت), which two people's ages share; a
        # name with a clitic letter is the name (يعد نادال، 31 عاما؛ لنادال (32 عاما))
        return bool(_holder_forms(a) & _holder_forms(b))
    shared = anchor_words(a) & anchor_words(b)
    if shared and a.kind in DATED_KINDS:
        for h in headlines:
            shared -= _headline_words(h)
    return bool(shared)


def _team_names() -> tuple[re.Pattern, dict[str, str]]:
    """The clubs of teams.toml as one pattern (a clitic letter or two allowed before a name)."""
    return _team_names_of(id(load()))


@lru_cache(maxsize=4)
def _team_names_of(lexicon: int) -> tuple[re.Pattern, dict[str, str]]:  # keyed like _plain_words_of
    forms = {normalise(f): tid for tid, d in raw_lexicon("teams").items() for f in d.get("names", [])}
    names = trie_alternation(forms)  # (the longest name first at a position, as a trie: fast to search)
    return re.compile(rf"(?<![^\W\d_])[وفبلك]{{0,2}}({names})(?![^\W\d_])"), forms


def teams_named(text: str) -> frozenset[str]:
    """The clubs a text names (teams.toml)."""
    return _teams_named(id(load()), text)


def teams_in(text: str) -> frozenset[str]:
    """The clubs a whole report names (not remembered: a report is read once)."""
    pattern, forms = _team_names()
    return frozenset(forms[m.group(1)] for m in pattern.finditer(normalise(text)))


@lru_cache(maxsize=20_000)
def _teams_named(lexicon: int, text: str) -> frozenset[str]:  # sentences and clauses recur: remembered
    return teams_in(text)


def other_matches(clubs_a: frozenset[str], clubs_b: frozenset[str]) -> bool:
    """Two reports that each name clubs, and none in common, are of two matches
    (Real Madrid's and Liverpool's on one Saturday): their points, goals and
    minutes are two quantities, however alike the sentences that give them.
    Clubs are set against clubs and national teams against national teams: a
    World Cup report that names a player's club says nothing of the match."""
    return _apart(clubs_a, clubs_b)


@lru_cache(maxsize=4)
def _national_of(lexicon: int) -> frozenset[str]:  # keyed like _team_names_of
    return frozenset(tid for tid, d in raw_lexicon("teams").items() if d.get("national"))


def _apart(ta: frozenset[str], tb: frozenset[str]) -> bool:
    """Both name teams of one level (clubs, national teams), and at every level
    both name, none in common."""
    national = _national_of(id(load()))
    named = [(x, y) for x, y in ((ta & national, tb & national), (ta - national, tb - national)) if x and y]
    return bool(named) and all(not x & y for x, y in named)


def clause_of(c: Claim) -> str:
    """The figure's clause: its sentence from the last comma or stop before it to the next one."""
    before = _clause_before(c)
    if before is None:
        return c.sentence
    return before + c.text + _CLAUSE.split(c.sentence[figure_span(c)[1]:])[0]


def other_teams(a: Claim, b: Claim) -> bool:
    """Both figures' clauses name clubs, and none in common: one club's points
    and another's (رفع أتلتيكو رصيده إلى 71 نقطة، ريال مدريد 67), one's league
    position and another's, are two quantities.  The clause, not the sentence:
    a player's goals are his club's whatever other clubs the sentence goes on to."""
    return _apart(figure_clubs(a), figure_clubs(b))


def figure_clubs(c: Claim) -> frozenset[str]:
    """The clubs a figure is said of: those its clause names before it (the subject:
    ورفع ريال مدريد رصيده إلى 67 نقطة، not the club the gap is to, بفارق 15 نقطة عن
    برشلونة); else the first its sentence names before it (وأحكم أتلتيكو، الذي تعادل مع
    ريال مدريد، ...، بعدما رفع رصيده إلى 71 نقطة); else those its clause names after it."""
    return _figure_clubs(id(load()), c.sentence, c.text)


@lru_cache(maxsize=50_000)
def _figure_clubs(lexicon: int, sentence: str, text: str) -> frozenset[str]:  # a figure recurs in many pairs
    i = sentence.find(text)
    if i < 0:
        return teams_named(sentence)
    before = sentence[:i]
    clause_before = _CLAUSE.split(before)[-1]
    return teams_named(clause_before) or _first_club(before) or \
        teams_named(clause_before + text + _CLAUSE.split(sentence[i + len(text):])[0])  # (clause_of's clause)


def _first_club(text: str) -> frozenset[str]:
    """The first club a text names (a sentence's subject: وأحكم أتلتيكو، الذي تعادل مع ريال مدريد، ...)."""
    pattern, forms = _team_names()
    m = pattern.search(normalise(text))
    return frozenset((forms[m.group(1)],)) if m else frozenset()


def _before(c: Claim, reach: int, kind: str | None = None) -> str | None:
    """The `reach` characters of c's sentence before its figure; None when the figure
    is not found in its sentence (or, given a kind, is of another kind)."""
    if kind is not None and c.kind != kind:
        return None
    span = figure_span(c)
    return None if span is None else c.sentence[max(0, span[0] - reach):span[0]]


def _clause_before(c: Claim) -> str | None:
    """The part of the figure's clause before it (from the last comma or stop), or None."""
    span = figure_span(c)
    return None if span is None else _CLAUSE.split(c.sentence[:span[0]])[-1]


def _set_off(before: str) -> bool:
    """The text before a figure ends in a bracket or a comma: the figure is set off
    after what it belongs to (مايورغا (34 عاما)، رونالدو، 33 عاما)."""
    return before.rstrip().endswith(("(", "،", ","))


def _age_cue(w: str, cues: frozenset[str]) -> bool:
    """An age cue, a clitic letter allowed before it (والبالغ، بعمر)."""
    return w in cues or w[1:] in cues


def _cue_in_last(text: str | None, cues: frozenset[str], n: int) -> bool:
    """One of the last `n` words of `text` is a cue, a clitic letter (elapsed_clitics) allowed before it."""
    if text is None:
        return False
    clitics = load().elapsed_clitics
    return any(w in cues or (w[:1] in clitics and w[1:] in cues) for w in _WORD.findall(normalise(text))[-n:])


def elapsed(c: Claim) -> bool:
    """Months or years since an event (منذ 6 سنوات، بعد مرور 5 أعوام): the two
    words before the figure hold an elapsed-time cue (lexicon/frames.toml)."""
    text = _before(c, 25) if c.unit in ("month", "year") else None
    return _cue_in_last(text, load().elapsed_cues, 2)


def a_period(c: Claim) -> bool:
    """Time that is a term or a span (بالسجن 20 عاما، لمدة 27 سنة، على مدى 30 عاما): one of the
    three words before the figure, past a bracket, is a period cue (lexicon/frames.toml)."""
    return _cue_in_last(_before(c, 40, "duration"), load().period_cues, 3)


def a_period_and_an_age(a: Claim, b: Claim) -> bool:
    """One figure is a term or a span, the other someone's age: 20 years in prison and
    a man of 21, a career of 30 years and a woman of 61 are two quantities."""
    pa = a_period(a)
    return pa != a_period(b) and is_age(b if pa else a)


MOMENT_UNITS = ("second", "minute")


@per_claim
def match_moment(c: Claim) -> bool:
    """A span of minutes or seconds in a sentence about a match (nonquantity.toml
    score_context: مباراة، هدف، الشوط…): a moment of the game counted from some other
    moment ("بعد 18 دقيقة"، "قبل عشر دقائق من النهاية"، "في غضون 16 دقيقة"), each of
    its own event."""
    if c.kind != "duration" or c.unit not in MOMENT_UNITS:
        return False
    return not _match_words(id(load())).isdisjoint(normalise(c.sentence).split())


@lru_cache(maxsize=4)
def _match_words(lexicon: int) -> frozenset[str]:
    return clitic_forms(load().score_context)


def one_moment(a: Claim, b: Claim) -> bool:
    """Do two moments of a match share a word beside them that says what they time (the
    equaliser, Salah's injury), other than the words that say it is a match (المباراة، هدف)?"""
    return bool((anchor_words(a) & anchor_words(b)) - _match_skeletons(id(load())))


@lru_cache(maxsize=4)
def _match_skeletons(lexicon: int) -> frozenset[str]:
    return frozenset(normal_skeleton(w) for w in load().score_context)


NAME_LIKE = 80.0  # rapidfuzz ratio of two long words that are one name spelled two ways (نانيغولان، نايغولان)
NAME_LENGTH = 5   # letters from which a word may be a name spelled two ways


def one_scorer(a: Claim, b: Claim) -> bool:
    """Do two match minutes name one player or event beside them: a word of the one within
    ANCHOR_REACH either side, with or without a clitic letter, that is a word of the other,
    or a long word spelled alike (إنوي، وأنوي؛ نانيغولان، نايغولان); the words that say it is
    a match (هدف، المباراة) aside?  Two goals' minutes of one match are otherwise two goals."""
    wa, wb = _minute_words(id(load()), a.sentence, a.text), _minute_words(id(load()), b.sentence, b.text)
    if wa & wb:
        return True
    long_a, long_b = [w for w in wa if len(w) >= NAME_LENGTH], [w for w in wb if len(w) >= NAME_LENGTH]
    return any(fuzz.ratio(x, y) >= NAME_LIKE for x in long_a for y in long_b)


@lru_cache(maxsize=4)
def _side_names(lexicon: int) -> frozenset[str]:
    """The words of the names of clubs (teams.toml) and of places, countries and bodies, with
    their adjectives of origin (entities.toml, not persons: فرنسا، الفرنسي): the sides of a
    match, which every minute of it shares."""
    lx = load()
    teams = frozenset(w for d in raw_lexicon("teams").values() for name in d.get("names", ())
                      for w in _WORD.findall(normalise(name)))
    # the lexicon's forms of each entity, its names and adjectives of origin (the article is a
    # clitic _minute_words strips: الفرنسي is فرنسي)
    places = frozenset(w for forms in lx.entity_forms.by_first.values() for words, eid in forms
                       if lx.entities[eid].get("type") != "person" for w in words)
    return teams | places


@lru_cache(maxsize=1 << 14)
def _minute_words(lexicon: int, sentence: str, text: str) -> frozenset[str]:
    i = sentence.find(text)
    if i < 0:
        return frozenset()
    lx = load()
    skip = _plain_words() | _match_skeletons(lexicon)
    sides = _side_names(lexicon)

    def content(words: list[str]) -> list[frozenset[str]]:
        out = []
        for w in words:
            forms = frozenset(f for f in strip_clitics(w) if len(f) > 2)
            if forms and not any(normal_skeleton(f) in skip or f in lx.clock_minutes
                                 or f in lx.scoring_plain or f in sides for f in forms):
                out.append(forms)
        return out
    # the content words either side, counted past the plain ones (a scorer may stand seven words back:
    # "هيروكي ساكاي المقابلة بتسجيله هدفا خامسا في الدقيقة 80")
    before = content(_WORD.findall(normalise(sentence[:i])))[-ANCHOR_REACH:]
    after = content(_WORD.findall(normalise(sentence[i + len(text):])))[:ANCHOR_REACH]
    return frozenset().union(*before, *after)


@per_claim
def clock_minute(c: Claim) -> bool:
    """An ordinal that is a match minute (الدقيقة 85): frames.toml clock_minutes."""
    return c.kind == "ordinal" and bool(c.counted) and normalise(c.counted) in load().clock_minutes


def is_age(c: Claim, cues: frozenset[str] | None = None) -> bool:
    """A figure in years said to be someone's age (البالغ من العمر 57 عاما، (45 عاما))."""
    cues = load().age_cues if cues is None else cues
    if getattr(c, "sense", None) == "age":
        return True
    if c.kind != "duration" or c.unit != "year":
        return False
    span = figure_span(c)
    if span is None:
        return False
    s, i = c.sentence, span[0]
    if _set_off(s[:i]):
        return True
    left = _WORD.findall(normalise(s[max(0, i - 40):i]))[-3:]
    return any(_age_cue(w, cues) for w in left)


@per_claim
def _age_words(c: Claim) -> tuple[bool, list[str], int | None]:
    """What stands before a figure that may be an age, read once a claim: whether it is set off
    (a bracket or a comma), its words, and where among them its holder is (the last word past the
    age cues: "رونالدو، البالغ من العمر 33 عاما", "مايورغا (34 عاما)"), or None."""
    text = _before(c, 60)
    if text is None:
        return False, [], None
    words = _WORD.findall(normalise(text))
    cues = load().age_cues
    k = next((k for k in range(len(words) - 1, -1, -1) if len(words[k]) >= 3 and not _age_cue(words[k], cues)), None)
    return _set_off(text), words, k


def age_holder(c: Claim) -> str | None:
    """Whose age a figure is: the word just before it, past the age cues."""
    _, words, k = _age_words(c)
    return None if k is None else words[k]


def other_persons_ages(a: Claim, b: Claim) -> bool:
    """Two ages of two people: each is the age of the word before it, and the
    one's holder is named in the other's sentence away from its figure (a
    footballer of 33 and the woman of 34 who accuses him)."""
    if not (is_age(a) and is_age(b)):
        return False
    ha, hb = age_holder(a), age_holder(b)
    if not ha or not hb or same_name(ha, hb):
        return False
    if _name_of_age(a) and _name_of_age(b):
        return True  # "راموس، 32 عاما" and "أوليفر (33 عاما)"; "ديفيس البالغ من العمر 69" and "هانت البالغ ...": two names
    return _named_apart(hb, a) or _named_apart(ha, b)


def _name_of_age(c: Claim) -> bool:
    """The age's holder is a name standing right before it, not a noun for a person (frames.toml
    person_nouns: شاب، لاعب; a clitic letter allowed before it): set off, with no article
    ("NAME (33 عاما)", "NAME، 32 عاما"), or before an adjective of age (age_after_name: "NAME
    البالغ من العمر 69"), with no article or clitic and not an adjective of origin (كوري جنوبي).
    A verb before "من العمر" (لم يتجاوز من العمر 21) or "عن عمر ناهز" is no name, so those ages
    are left to the other tests."""
    set_off, words, k = _age_words(c)
    if k is None:
        return False
    holder, lx = words[k], load()
    if any(w in lx.person_nouns for w in _unclitic(holder)):
        return False
    if set_off and k == len(words) - 1:
        return not holder.startswith("ال")
    return k + 1 < len(words) and _age_cue(words[k + 1], lx.age_after_name) \
        and not holder.startswith(ARTICLE_PREFIXES) and not holder.endswith(lx.adjective_endings)


def same_name(x: str, y: str) -> bool:
    """Two spellings of one name, a clitic before either (لوبيتيغي، للوبتيجي، لوبيتيغوي)."""
    return max(fuzz.ratio(p, q) for p in _unclitic(x) for q in _unclitic(y)) >= 75


def _named_apart(word: str, c: Claim) -> bool:
    """The word stands in c's sentence away from its figure: not among the
    three words before it (age cues aside: "الطفلة زينب الأنصاري البالغة 7
    أعوام") nor just after it."""
    span = figure_span(c)
    if span is None:
        return False
    words = [(m.start(), normalise(m.group())) for m in _WORD.finditer(c.sentence)]
    at = sum(1 for s, _ in words if s < span[0])
    cues = load().age_cues
    near = [k for k in range(at - 1, -1, -1) if not _age_cue(words[k][1], cues)][:3]
    return any(k not in near and not at <= k <= at + 2 and same_name(w, word)
               for k, (_, w) in enumerate(words) if len(w) >= 3)


def _unclitic(w: str) -> tuple[str, ...]:
    """The word, and without one or two leading clitic letters (و، ل، ب، ف) when a name is left."""
    out = [w]
    while len(w) > 4 and w[0] in _CLITIC_LETTERS:
        w = w[1:]
        out.append(w)
    return tuple(out[:3])


FIRST_TIME = "أول مرة"  # the record of "the first time in N years" (frames.toml first_time), however it is said


def record_span(c: Claim) -> str | None:
    """The record a duration is the span of ("أكبر انخفاض في 11 شهرا": the
    biggest fall), named by its superlative and the word after it; FIRST_TIME
    for the time since something last happened (للمرة الأولى منذ 13 عاما); or None."""
    text = _before(c, 80, "duration")
    if text is None:
        return None
    lx = load()
    before = [normalise(w) for w in _WORD.findall(text)][-6:]
    tail = before[:-1] if before and before[-1] in lx.record_links else before
    for m in (3, 2):
        first = tail[-m] if len(tail) >= m else ""
        bare = first[1:] if first[:1] in lx.record_clitics else first  # وللمرة الأولى، وبعد غياب
        if first and (" ".join(tail[-m:]) in lx.first_time or " ".join([bare] + tail[1 - m:]) in lx.first_time):
            return FIRST_TIME
    if not before or before[-1] not in lx.record_links:
        return None
    for k in range(len(before) - 2, max(-1, len(before) - 6), -1):
        w = before[k]
        if w in lx.record_cues or (w[:1] in lx.record_clitics and w[1:] in lx.record_cues):
            return " ".join(before[k:k + 2])
    return None


_CLITIC_LETTERS = frozenset(p for p in CLITIC_PREFIXES if len(p) == 1)


ALONE_REACH = 6  # words from "غداة" to the figure of the event it recalls


def of_earlier_event(c: Claim) -> bool:
    """The figure belongs to an earlier event its sentence recalls ("بعد أيام على
    زلزال بقوة 6,9 درجات"، "بعد 4 أيام من هجوم أسفر عن مقتل 20"): opener, an
    optional number, a span of time and a link (frames.toml earlier_event), then
    at most four words to the figure, within its clause; or a word that says all
    that alone ("غداة فرض الصين رسوما جمركية على 128 صنفا"), then at most six."""
    clause = _clause_before(c)
    frame = load().earlier_event
    if clause is None or not frame:
        return False
    words = [normalise(w) for w in re.findall(r"\S+", clause)]
    for k in range(max(0, len(words) - 9), len(words)):
        if words[k] in frame.get("alone", ()) and len(words) - (k + 1) <= ALONE_REACH:
            return True
        if words[k] not in frame["open"]:
            continue
        j = k + 1
        if j < len(words) and words[j][:1].isdigit():
            j += 1
        n = 0
        while j < len(words) and words[j] in frame["times"] and n < 2:
            j, n = j + 1, n + 1
        if n and j < len(words) and words[j] in frame["link"] and len(words) - (j + 1) <= 4:
            return True
    return False


def ends_a_span(c: Claim) -> bool:
    """A date said as the end of a span (حتى 19 مايو، لغاية 22 من الشهر)."""
    text = _before(c, 20, "date")
    if text is None:
        return False
    before = _WORD.findall(normalise(text))
    first = _WORD.findall(normalise(c.text))[:1]
    return any(w in load().until_cues for w in first + before[-1:])


def figure_month(c: Claim) -> int | None:
    """The month a figure is of, named just after it in its clause ("13.3% في
    مارس"، "13,1 بالمئة في نهاية أبريل"): monthly figures of two months are two
    quantities.  Dates and years carry their own."""
    if c.kind in ("date", "year"):
        return None
    span = figure_span(c)
    if span is None:
        return None
    after = _CLAUSE.split(c.sentence[span[1]:span[1] + 40])[0]
    words = _WORD.findall(normalise(after))[:4]
    months = load().months
    for k in range(len(words)):
        m = months.match(words, k)
        if m:
            return m[1]
    return None


def forecast(c: Claim) -> bool:
    """A forecast or a possibility, not what was measured: a cue (frames.toml
    forecast_cues, possibility_cues: a word or two) among the sixteen words
    before the figure in its clause."""
    clause = _clause_before(c)
    if clause is None:
        return False
    lx = load()
    words = _WORD.findall(normalise(clause))[-16:]
    return any(w in lx.forecast_cues or w in lx.possibility_cues or " ".join(words[k:k + 2]) in lx.possibility_cues
               for k, w in enumerate(words))


DATED_REACH = 16  # words before a year that may say what it dates ("وبدأت رحلتها الفنية بمشهد ... في عام 1942")


def dated_event(c: Claim) -> str | None:
    """What a year dates (frames.toml dated_events: born, died, founded, began…):
    the nearest cue before it in its sentence, not past another figure, whose
    own event that cue would be ("ولدت في 1921 وبدأت رحلتها عام 1942")."""
    if c.kind != "year":
        return None
    span = figure_span(c)
    return None if span is None else _dated_at(c.sentence, span[0])


def _dated_at(sentence: str, start: int) -> str | None:
    """The event of the nearest dated_events cue before `start`, not past another figure."""
    cues = load().dated_events
    for w in reversed(normalise(sentence[:start]).split()[-DATED_REACH:]):
        if any(ch.isdigit() for ch in w):
            return None
        for form in strip_clitics(w):
            if form in cues:
                return cues[form]
    return None


SPELL_STARTS = ("joined", "began")


def is_tally(c: Claim) -> bool:
    """Is the figure a tally (counted.toml `tally`: goals, points, matches)?"""
    return bool(c.concept and load().concepts.get(c.concept, {}).get("tally"))


def tally_since_start(c: Claim) -> bool:
    """A tally (counted.toml `tally`: goals, matches) in a sentence whose latest year starts a
    spell ("انتقل إلى أرسنال في يناير 2016 وخاض في صفوفه 65 مباراة"): it counts from then to
    today, like a tally since that year, and is not dated to it."""
    if not c.years or not is_tally(c):
        return False
    at = c.sentence.find(str(max(c.years)))
    return at >= 0 and _dated_at(c.sentence, at) in SPELL_STARTS


def same_record(x: str | None, y: str | None) -> bool:
    """The span of a record is compared only with the same record's: the same
    superlative of words of one stem (أعلى مستوى، أعلى مستوياته)."""
    if x is None or y is None:
        return x is y
    (sx, *wx), (sy, *wy) = x.split(), y.split()
    return sx == sy and (wx[:1] == wy[:1] or bool(wx and wy and wx[0][:4] == wy[0][:4]))


class Reading(NamedTuple):
    """What a figure's sentence says of it, as far as vetoes compare two figures."""
    record: str | None      # record_span
    earlier: bool           # of_earlier_event
    ends_span: bool         # ends_a_span
    forecast: bool          # forecast
    month: int | None       # figure_month
    dated: str | None       # dated_event


class _Said(NamedTuple):
    """The parts of a claim its reading depends on (hashable, unlike a Claim)."""
    sentence: str
    text: str
    kind: str | None


def reading(c: Claim) -> Reading:
    """The frame readings of a figure, made once: a figure meets many others
    in candidate pairs, and each reading is a scan of its sentence."""
    return _reading(id(load()), _Said(c.sentence, c.text, c.kind))


@lru_cache(maxsize=1 << 16)
def _reading(lexicon: int, c: _Said) -> Reading:  # the lexicon's identity keys the cache: an overlay reads anew
    return Reading(record_span(c), of_earlier_event(c), ends_a_span(c), forecast(c), figure_month(c), dated_event(c))
