"""Dates: find date expressions in article text and turn them into calendar dates.

:func:`find_date_expressions` returns the spans of date expressions in running prose (English
and French); :func:`resolve_date` turns one into a :class:`~fieldreport.model.DateInfo` relative
to the publication date, with ACLED's time precision (1 day, 2 week or weekend, 3 month).

The grammar is a tuple of rules, each a compiled pattern, a check (is this match really a
date?) and a handler (which calendar date?), so whatever is found is read by the same rule.
"the same day" and whole years are found but resolve to None: the caller dates the first from
context, and the second is vaguer than ACLED records. dateparser reads numeric dates and
explicit dates the grammar misses; it never sees a range ("July 22-27" would become 1927).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Final, NamedTuple

import dateparser

from fieldreport.model import DateInfo

__all__ = ["find_date_expressions", "resolve_date"]

_Published = dt.date | None
_Handler = Callable[[re.Match[str], _Published], DateInfo | None]
_Check = Callable[[re.Match[str]], bool]

# --- vocabulary ---------------------------------------------------------------------------------

# spellings by month (accented forms for the regex; lookups fold accents away)
_MONTH_NAMES: Final = (
    "january jan janvier janv", "february feb fevrier février fevr févr fev fév", "march mar mars",
    "april apr avril avr", "may mai", "june jun juin", "july jul juillet juil",
    "august aug aout août", "september sep sept septembre", "october oct octobre",
    "november nov novembre", "december dec decembre décembre déc",
)  # fmt: skip
_MONTHS: Final[Mapping[str, int]] = MappingProxyType(
    {name: i for i, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}
)
_FRENCH_MONTHS: Final = frozenset(
    {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
     "octobre", "novembre", "decembre"}
)  # fmt: skip
# English words that are usually not months: a date only when capitalized, and without a day
# or year only after a cue ("in May", "early March"). "mars"/"mai" alone need a French cue.
_AMBIGUOUS_MONTHS: Final = frozenset({"may", "march", "mar"})
# month names that may stand alone ("the July offensive", "l'attaque de juillet")
_BARE_MONTHS: Final = frozenset(
    {"january", "february", "april", "june", "july", "august", "september", "october",
     "november", "december"}
) | (_FRENCH_MONTHS - {"mars", "mai"})  # fmt: skip
_WEEKDAY_NAMES: Final = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
)  # fmt: skip
_WEEKDAYS: Final = MappingProxyType({name: i % 7 for i, name in enumerate(_WEEKDAY_NAMES)})
_NUMBERS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3,
        "trois": 3, "four": 4, "quatre": 4, "five": 5, "cinq": 5, "six": 6, "seven": 7,
        "sept": 7, "eight": 8, "huit": 8, "nine": 9, "neuf": 9, "ten": 10, "dix": 10,
        "eleven": 11, "onze": 11, "twelve": 12, "douze": 12, "couple of": 2, "a couple of": 2,
        "few": 3, "a few": 3, "several": 3, "quelques": 3,
    }
)  # fmt: skip
# relative days: phrase pattern -> days before the publication date (longest phrases first)
_DAY_PHRASES: Final = (
    (r"the\s+day\s+before\s+yesterday", 2), (r"avant-hier", 2), (r"(?:earlier\s+)?today", 0),
    (r"this\s+(?:morning|afternoon|evening)", 0), (r"tonight", 0), (r"aujourd['’]hui", 0),
    (r"ce\s+(?:matin|soir)", 0), (r"cet\s+apr[eè]s-midi", 0), (r"yesterday", 1), (r"hier", 1),
    (r"last\s+night", 1), (r"overnight", 1), (r"the\s+(?:day|night)\s+before", 1),
    (r"the\s+(?:previous|prior)\s+(?:day|night|evening)", 1), (r"la\s+veille", 1),
    (r"la\s+nuit\s+derni[eè]re", 1), (r"cette\s+nuit", 1),
)  # fmt: skip
_VAGUE_COUNTS: Final = frozenset({"few", "a few", "several", "couple of", "a couple of",
                                   "quelques"})  # fmt: skip
_GRACE: Final = dt.timedelta(days=7)  # an explicit date may be this far after publication
_MAX_RANGE_DAYS: Final = 62
_LATEST_SHORT_YEAR: Final = 2049  # with no publication date, '49' is 2049 and '50' is 1950


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first so that 'septembre' wins over 'sept'."""
    escaped = {re.escape(w).replace("\\ ", " ").replace(" ", r"\s+") for w in words}
    return "|".join(sorted(escaped, key=lambda w: (-len(w), w)))


def _month(name: str) -> str:
    return rf"(?P<{name}>\b(?:{_alt(_MONTHS)})\b(?:\.(?=\s*\d))?)"


def _weekday(name: str) -> str:
    return rf"(?P<{name}>\b(?:{_alt(_WEEKDAYS)})\b)"


def _day(name: str) -> str:
    # not inside a number ('1.5', '3,000'), but right after an abbreviated month ('Apr.24')
    number = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|er)?"
    return rf"(?<![\d:/,])(?<!\d\.)(?P<{name}>{number})\b(?![:.,/]\d)"


def _month_gap() -> str:
    """Between a month and its day: a space, nothing after an abbreviation's dot ('Apr.24'), or
    a comma ('October, 26') when the day cannot be a count: an ordinal, or punctuation after it
    ('In October, 26 people died' is no date)."""
    return r"(?:\s+|(?<=\.)|,\s*(?=\d{1,2}(?:st|nd|rd|th)\b|\d{1,2}\s*(?:[.,;:)]|$)))"


def _day_slash_month(suffix: str) -> str:
    return rf"(?P<nd{suffix}>3[01]|[12]\d|0?[1-9])/(?P<nm{suffix}>1[0-2]|0?[1-9])"


def _year_tail(name: str) -> str:
    return rf"(?:,?\s+(?:of\s+)?(?P<{name}>(?:19|20)\d{{2}})(?!\d))?"


# --- pattern text -------------------------------------------------------------------------------

_NUMBER = rf"(?:\d{{1,2}}|{_alt(_NUMBERS)})"
_TIME_OF_DAY = r"(?:\s+(?:night|morning|afternoon|evening|matin|soir|soir[ée]e|apr[eè]s-midi))?"
_ON = r"(?:(?:on|le|dated)\s+)?"
_OF = r"(?:\s+of)?"
# an approximate day ('around 3 May', 'on or about 3 May', 'on (or around) 3 May', 'vers le 3 mai'):
# the exact day is not known, so ACLED's week precision centred on it
_ABOUT = (
    r"(?P<about>(?:on\s+(?:or\s+|[\[(]\s*(?:or|and)\s+))?around[\])]?\s+(?:the\s+)?"
    r"|on\s+or\s+about\s+(?:the\s+)?|(?:vers|autour\s+du|aux\s+alentours\s+du)\s+(?:le\s+)?)"
)
_RANGE_LEAD = (
    r"(?P<lead>(?:on\s+)?the\s+nights?\s+of\s+|(?:dans\s+)?la\s+nuit\s+du\s+"
    r"|(?:from|between|on|du|entre(?:\s+le)?|les)\s+)?"
)
_CONN = r"(?P<conn>\s*[-–—]\s*|\s+(?:to|and|through|thru|until|till|au|et|à)\s+)(?:the\s+|le\s+)?"
_PART = (
    r"(?:(?:at|by|in|à\s+la|au|en)\s+)?(?:the\s+)?"
    r"(?P<part>early|earlier|late|later|mid|middle|end|beginning|start|d[ée]but|fin|mi|milieu)"
    r"(?:\s*-\s*|\s+of\s+(?:the\s+)?|\s+du\s+mois\s+d(?:e\s+|['’])|\s+d(?:e\s+|u\s+|['’])|\s+)"
)
_MONTH_CUE = (
    rf"(?P<cue>(?:(?:in|during|throughout|en|courant|durant|pendant)\s+)?(?:{_PART})?"
    r"(?:(?:the\s+)?month\s+of\s+|(?:le\s+|au\s+)?mois\s+d(?:e\s+|['’]))?)"
)

_SAME_DAY_TEXT = (
    r"(?:on\s+)?(?:the\s+same\s+(?:day|night|evening|morning|afternoon)"
    r"|that\s+(?:same\s+)?(?:day|night|evening|morning|afternoon)"
    r"|the\s+(?:next|following)\s+(?:day|night|morning|evening|afternoon)|the\s+day\s+after"
    r"|le\s+m[êe]me\s+jour|le\s+jour\s+m[êe]me|ce\s+jour-l[àa]|cette\s+nuit-l[àa]"
    r"|la\s+m[êe]me\s+nuit|le\s+lendemain(?:\s+matin|\s+soir)?)"
)
_ISO_TEXT = (
    rf"{_ON}(?P<y>(?:19|20)\d{{2}})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])"
)
_NUMERIC_TEXT = rf"{_ON}(?<![\d/.])(?P<num>\d{{1,2}}[/.]\d{{1,2}}[/.](?:19|20)\d{{2}})(?![\d/])"
# day/month with a two-digit year ('28/2/08') or none: without a year only after 'on'/'le'/'du'/
# 'since'/'depuis' or alone in brackets ('(24/5)'; the bare text when resolving what was found),
# so that '4/5 wounded' stays a count
_NUMERIC_SHORT_TEXT = (
    rf"(?<![\d/.]){_day_slash_month('')}/(?P<ny>\d{{2}})(?![\d/])"
    rf"|(?:on|le|du|since|depuis)\s+{_day_slash_month('2')}(?![\d/]|\s+of\b)"
    rf"|(?:(?<=\()|^){_day_slash_month('3')}(?:(?=\))|$)"
)
_CROSS_DM_TEXT = (
    rf"{_RANGE_LEAD}(?:the\s+)?{_day('d1')}{_OF}\s+{_month('m1')}{_year_tail('y1')}"
    rf"{_CONN}{_day('d2')}{_OF}\s+{_month('m2')}{_year_tail('y2')}"
)
_CROSS_MD_TEXT = (
    rf"{_RANGE_LEAD}{_month('m1')}{_month_gap()}{_day('d1')}{_year_tail('y1')}"
    rf"{_CONN}{_month('m2')}{_month_gap()}{_day('d2')}{_year_tail('y2')}"
)
_SAME_DM_TEXT = (
    rf"{_RANGE_LEAD}(?:the\s+)?{_day('d1')}{_CONN}{_day('d2')}{_OF}\s+{_month('m1')}"
    rf"{_year_tail('y2')}"
)
_SAME_MD_TEXT = (
    rf"{_RANGE_LEAD}{_month('m1')}{_month_gap()}(?:the\s+)?{_day('d1')}{_CONN}{_day('d2')}"
    rf"{_year_tail('y2')}"
)
_WEEKDAY_PREFIX = rf"(?:{_weekday('w')},?\s+(?:the\s+)?)?"
_DAY_LEAD = rf"(?:{_ABOUT}|{_ON})"
_DAY_MONTH_TEXT = (
    rf"{_DAY_LEAD}{_WEEKDAY_PREFIX}(?:the\s+)?{_day('d')}"
    rf"{_OF}\s+{_month('m')}{_year_tail('y')}"
)
_MONTH_DAY_TEXT = (
    rf"{_DAY_LEAD}{_WEEKDAY_PREFIX}{_month('m')}"
    rf"{_month_gap()}(?:the\s+)?{_day('d')}{_year_tail('y')}"
)
_MONTH_TEXT = rf"{_MONTH_CUE}{_month('m')}{_year_tail('y')}"
_REL_MONTH_TEXT = (
    rf"(?:{_PART})?(?:(?:this|last|the\s+previous|the\s+past|this\s+past)\s+month"
    r"|(?:le\s+)?mois\s+(?:dernier|pass[ée])|ce\s+mois(?:-ci)?)"
)
_AGO_TEXT = (
    rf"(?P<n>{_NUMBER})\s+(?P<unit>days?|weeks?|months?)\s+(?:ago|earlier)"
    rf"|il\s+y\s+a\s+(?P<fn>{_NUMBER})\s+(?P<funit>jours?|semaines?|mois)"
    rf"|(?P<pn>{_NUMBER})\s+(?P<punit>jours?|semaines?|mois)\s+(?:plus\s+t[oô]t|auparavant)"
)
_REL_DAY_TEXT = (
    rf"(?:(?:late|early)\s+)?(?P<rel>{'|'.join(p for p, _ in _DAY_PHRASES)}){_TIME_OF_DAY}"
)
_WEEK_TEXT = (
    r"(?:(?:over|in|during|throughout)\s+)?"
    rf"(?:{_PART})?(?P<which>this|last|the\s+previous|the\s+prior|the\s+past|this\s+past"
    r"|the\s+last)(?:\s+(?P<nw>two|three|few|couple\s+of|2|3)\s+weeks|\s+week(?![- ]?end))"
    r"|the\s+week\s+before"
    r"|(?:au\s+cours\s+de\s+)?(?:la\s+)?semaine\s+(?:derni[eè]re|pass[ée]e)|cette\s+semaine"
    r"|(?:en\s+)?(?:d[ée]but|fin|milieu)\s+de\s+(?:la\s+)?semaine(?:\s+derni[eè]re)?"
)
_WEEKEND_TEXT = (
    r"(?:(?:over|during|at|on|throughout)\s+)?(?P<which>the|last|this\s+past|this|the\s+past"
    r"|the\s+previous)\s+week[- ]?end"
    r"|(?:(?:pendant|durant|lors|au\s+cours)\s+(?:du|le)\s+|le\s+|ce\s+)week-?end(?:\s+dernier)?"
)
_WEEKDAY_TEXT = (
    r"(?:(?:(?:late|early|overnight)\s+on|overnight|on(?:\s+the\s+night\s+of)?"
    r"|the\s+night\s+of|(?P<last>last|this\s+past|past)|(?:dans\s+)?la\s+nuit\s+de|le|ce)\s+)?"
    rf"{_weekday('w1')}(?:\s+(?P<dernier>dernier|pass[ée]))?{_TIME_OF_DAY}"
    rf"(?:(?:\s+(?:into|to|through|until|à|au)\s+|\s*[-–]\s*){_weekday('w2')}{_TIME_OF_DAY})?"
)
_YEAR_TEXT = (
    r"(?:(?:(?:in|during|since|throughout|en|depuis)\s+)(?:(?:early|late|mid)[\s-]+)?"
    r"|(?:early|late|mid|d[ée]but|fin)[\s-]+)(?:19|20)\d{2}(?!\d|-\d)"
    r"|(?:(?:earlier|later|early|late)\s+)?(?:this|last)\s+year"
    r"|l['’]ann[ée]e\s+derni[eè]re|cette\s+ann[ée]e|l['’]an\s+dernier"
)

_DAY_PHRASE_PATTERNS: Final = tuple((re.compile(p, re.I), n) for p, n in _DAY_PHRASES)
_FRENCH_CUE: Final = re.compile(r"\b(?:en|courant|durant|pendant|d[ée]but|fin|mi|milieu|mois)\b")
_FIRST_PART: Final = re.compile(r"\b(?:early|beginning|start|d[ée]but)\b", re.I)
_LAST_PART: Final = re.compile(r"\b(?:late|end|fin)\b", re.I)
_LAST_WORD: Final = re.compile(r"\b(?:last|previous|prior|past|dernier|derni[eè]re|pass[ée]e?)\b")
_MONTH_WORD: Final = re.compile(_month("m"), re.I)
_YEAR_WORD: Final = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_RANGE_HINT: Final = re.compile(r"\d\s*(?:[-–—]|\b(?:to|and|through|until|au|et|à)\b)\s*\d", re.I)


# --- small helpers ------------------------------------------------------------------------------


def _fold(word: str) -> str:
    """Lowercase, accents and trailing dot removed: 'Févr.' -> 'fevr'."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("’", "'").rstrip(".").split())


def _month_number(word: str) -> int:
    return int(word) if word.isdigit() else _MONTHS[_fold(word)]


def _day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _count(word: str) -> int:
    key = _fold(word)
    return int(key) if key.isdigit() else _NUMBERS[key]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _infer_year(month: int, day: int, published: _Published) -> tuple[dt.date, str] | None:
    """The year of a day-and-month: the published year, or the one before when the date would
    fall more than a week after publication."""
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day)
    if candidate is not None and candidate <= published + _GRACE:
        return candidate, f"year from published {published}"
    earlier = _safe_date(published.year - 1, month, day)
    if earlier is None:
        return None
    return earlier, f"previous year (same year would be after published {published})"


def _estimate(
    day: dt.date, precision: int, bounds: tuple[dt.date, dt.date], basis: str, clamp_to: _Published
) -> DateInfo:
    """A week or month estimate. Relative to publication ('this week'), the estimate is never
    later than publication; a named month keeps ACLED's mechanical day."""
    start, end = bounds
    if clamp_to is not None and start <= clamp_to < day:
        day, basis = clamp_to, f"{basis}, clamped to published {clamp_to}"
    return DateInfo(day, precision, start, end, basis)


def _month_info(year: int, month: int, cue: str, basis: str, clamp: _Published = None) -> DateInfo:
    """ACLED month precision: first day for 'early/beginning', last for 'late/end', else 15th."""
    first = dt.date(year, month, 1)
    last = first.replace(day=calendar.monthrange(year, month)[1])
    if _FIRST_PART.search(cue):
        day, where = first, "first day"
    elif _LAST_PART.search(cue):
        day, where = last, "last day"
    else:
        day, where = first.replace(day=15), "middle"
    return _estimate(day, 3, (first, last), f"{basis} ({where})", clamp)


# --- checks: is this match really a date? -------------------------------------------------------


def _months_ok(match: re.Match[str]) -> bool:
    """Ambiguous English month words ('may', 'march') count only when capitalized."""
    for name in ("m", "m1", "m2"):
        word = match.groupdict().get(name)
        if word and _fold(word) in _AMBIGUOUS_MONTHS and not word[0].isupper():
            return False
    return True


def _month_alone_ok(match: re.Match[str]) -> bool:
    """A month with neither day nor year: 'in May' yes, 'they may' no, 'on Mars' no."""
    word, cue = match["m"], _fold(match["cue"] or "")
    key = _fold(word)
    if not _months_ok(match):
        return False
    if match["y"]:
        return True
    if key == "mars" or key == "mai":
        return bool(_FRENCH_CUE.search(cue))
    if key in _AMBIGUOUS_MONTHS:
        return bool(cue) and not _FRENCH_CUE.search(cue)
    if not cue:
        return key in _BARE_MONTHS and (word[0].isupper() or key in _FRENCH_MONTHS)
    return True


def _range_ok(match: re.Match[str]) -> bool:
    """'3 and 4 May' and 'between 30 July and 2 August' are ranges; '3 May and 5 June' is not."""
    if not _months_ok(match):
        return False
    groups = match.groupdict()
    joined = _fold(match["conn"]) in {"and", "et"}
    lead = _fold(groups.get("lead") or "")
    if groups.get("m2"):
        return not joined or lead.startswith(("between", "entre"))
    return _day_number(match["d1"]) < _day_number(match["d2"])


# --- handlers: which calendar date is it? -------------------------------------------------------


def _no_date(match: re.Match[str], published: _Published) -> DateInfo | None:
    """Found but not dated here: 'the same day', 'the next day' (the caller dates them from the
    surrounding event) and whole years (vaguer than ACLED records)."""
    return None


def _on_numeric(match: re.Match[str], published: _Published) -> DateInfo | None:
    day = _dateparser_date(match["num"], published)
    return DateInfo(day, 1, basis="numeric date, day first (dateparser)") if day else None


def _on_numeric_short(match: re.Match[str], published: _Published) -> DateInfo | None:
    """'28/2/08' (a two-digit year: the century that keeps it before publication), 'on 24/5'."""
    groups = match.groupdict()
    suffix = next(s for s in ("", "2", "3") if groups.get(f"nd{s}"))
    month, day = int(groups[f"nm{suffix}"]), int(groups[f"nd{suffix}"])
    if match["ny"]:
        short, latest = int(match["ny"]), published.year if published else _LATEST_SHORT_YEAR
        year = 2000 + short if 2000 + short <= latest else 1900 + short
        if (found := _safe_date(year, month, day)) is None:
            return None
        return DateInfo(found, 1, basis="numeric date, day first, two-digit year")
    inferred = _infer_year(month, day, published)
    if inferred is None:
        return None
    return DateInfo(inferred[0], 1, basis=f"numeric date, day first, {inferred[1]}")


def _on_single(match: re.Match[str], published: _Published) -> DateInfo | None:
    month, day = _month_number(match["m"]), _day_number(match["d"])
    if match["y"]:
        found, basis = _safe_date(int(match["y"]), month, day), "explicit date"
    elif (inferred := _infer_year(month, day, published)) is not None:
        found, basis = inferred[0], f"explicit date, {inferred[1]}"
    else:
        return None
    if found is None:
        return None
    if match.groupdict().get("about"):
        week = (found - dt.timedelta(days=3), found + dt.timedelta(days=3))
        return DateInfo(found, 2, *week, f"{basis}, approximate (the week around it)")
    return DateInfo(found, 1, basis=basis)


def _on_range(match: re.Match[str], published: _Published) -> DateInfo | None:
    """'July 22-27' -> 22..27 July, dated by its first day (ACLED); it may run over New Year."""
    first = (_month_number(match["m1"]), _day_number(match["d1"]))
    m2 = match.groupdict().get("m2") or match["m1"]
    second = (_month_number(m2), _day_number(match["d2"]))
    y1, y2, wraps = match.groupdict().get("y1"), match["y2"], second < first
    basis = "explicit range"
    if y1 or y2:
        year = int(y1) if y1 else int(y2) - wraps
        end_year = int(y2) if y2 else year + wraps
    else:
        inferred = _infer_year(*first, published)
        if inferred is None:
            return None
        year, end_year = inferred[0].year, inferred[0].year + wraps
        basis = f"explicit range, {inferred[1]}"
    start, end = _safe_date(year, *first), _safe_date(end_year, *second)
    if start is None or end is None or not 0 < (end - start).days <= _MAX_RANGE_DAYS:
        return None
    return DateInfo(start, 1, start, end, basis)


def _on_month(match: re.Match[str], published: _Published) -> DateInfo | None:
    month, name = _month_number(match["m"]), match["m"]
    if match["y"]:
        year, basis = int(match["y"]), f"month '{name}'"
    elif published is None:
        return None
    else:
        year = published.year
        if dt.date(year, month, 1) > published + _GRACE:
            year -= 1
        basis = f"month '{name}', year from published {published}"
    return _month_info(year, month, match["cue"] or "", basis)


def _on_rel_month(match: re.Match[str], published: _Published) -> DateInfo | None:
    if published is None:
        return None
    back = 1 if _LAST_WORD.search(_fold(match[0])) else 0
    year, month = _shift_months(published, back)
    basis = f"{'previous' if back else 'same'} month as published {published}"
    return _month_info(year, month, match["part"] or "", basis, published)


def _on_ago(match: re.Match[str], published: _Published) -> DateInfo | None:
    """'two days ago' (day), 'a week ago' (week), 'three months ago' (month)."""
    if published is None:
        return None
    word = match["n"] or match["fn"] or match["pn"]
    count = _count(word)
    unit = _fold(match["unit"] or match["funit"] or match["punit"])
    basis = f"{count} {unit.rstrip('s')}(s) before published {published}"
    if unit.startswith(("day", "jour")):
        day = published - dt.timedelta(days=count)
        if _fold(word) not in _VAGUE_COUNTS:
            return DateInfo(day, 1, basis=basis)
    elif unit.startswith(("week", "semaine")):
        day = published - dt.timedelta(weeks=count)
    else:
        year, month = _shift_months(published, count)
        return _month_info(year, month, "", basis)
    monday = _monday(day)  # 'a few days ago', 'two weeks ago': week precision
    return DateInfo(day, 2, monday, monday + dt.timedelta(days=6), basis)


def _on_rel_day(match: re.Match[str], published: _Published) -> DateInfo | None:
    if published is None:
        return None
    phrase = match["rel"]
    back = next(n for pattern, n in _DAY_PHRASE_PATTERNS if pattern.fullmatch(phrase))
    day = published - dt.timedelta(days=back)
    return DateInfo(day, 1, basis=f"'{match[0]}' relative to published {published}")


def _on_week(match: re.Match[str], published: _Published) -> DateInfo | None:
    """'last week' -> the previous Monday-Sunday week, dated by its Wednesday. 'The past two or
    three weeks': ACLED month precision, mid-month of that window."""
    if published is None:
        return None
    if match["nw"]:
        middle = published - dt.timedelta(days=7 * _count(match["nw"]) // 2)
        basis = f"past {match['nw']} weeks before published {published}"
        return _month_info(middle.year, middle.month, "", basis, published)
    text = _fold(match[0])
    if re.search(r"\b(?:the|this) (?:past|last) week\b", text):
        window = (published - dt.timedelta(days=6), published)
        basis = f"seven days up to published {published}"
        return DateInfo(published - dt.timedelta(days=3), 2, *window, basis)
    before = bool(_LAST_WORD.search(text)) or "week before" in text
    monday = _monday(published) - dt.timedelta(weeks=before)
    basis = f"week {'before' if before else 'of'} published {published} (Wednesday)"
    bounds = (monday, monday + dt.timedelta(days=6))
    return _estimate(monday + dt.timedelta(days=2), 2, bounds, basis, published)


def _on_weekend(match: re.Match[str], published: _Published) -> DateInfo | None:
    """The most recent weekend before publication, dated by its Saturday."""
    if published is None:
        return None
    back = (published.weekday() - 5) % 7 or 7
    if re.fullmatch(r"(?:\w+ )?(?:this|ce) week[- ]?end", _fold(match[0])) and back == 7:
        back = 0
    saturday = published - dt.timedelta(days=back)
    basis = f"weekend before published {published} (Saturday)"
    return DateInfo(saturday, 2, saturday, saturday + dt.timedelta(days=1), basis)


def _on_weekday(match: re.Match[str], published: _Published) -> DateInfo | None:
    """The latest such weekday up to publication ('last Saturday' on a Saturday: a week ago)."""
    if published is None:
        return None
    name = match["w1"]
    weekday = _WEEKDAYS[_fold(name)]
    back = (published.weekday() - weekday) % 7
    if back == 0 and (match["last"] or match["dernier"]):
        back = 7
    if match["w2"]:
        length = (_WEEKDAYS[_fold(match["w2"])] - weekday) % 7
        back += 7 if length > back else 0
        start = published - dt.timedelta(days=back)
        basis = f"weekdays '{name}' to '{match['w2']}' up to published {published}"
        return DateInfo(start, 1, start, start + dt.timedelta(days=length), basis)
    where = f"before published {published}" if back else f"= published {published}"
    return DateInfo(published - dt.timedelta(days=back), 1, basis=f"weekday '{name}' {where}")


# --- dateparser, only for what the grammar does not cover ---------------------------------------


def _dateparser_date(text: str, published: _Published) -> dt.date | None:
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    settings["REQUIRE_PARTS"] = ["day", "month"]
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed = dateparser.parse(text, languages=["en", "fr"], settings=settings)
    return parsed.date() if isinstance(parsed, dt.datetime) else None


def _dateparser_fallback(text: str, published: _Published) -> DateInfo | None:
    """One explicit day and month the grammar missed. Never a range: dateparser reads
    'July 22-27' as 22 July 1927."""
    months = list(_MONTH_WORD.finditer(text))
    if len(months) != 1 or not _months_ok(months[0]) or _RANGE_HINT.search(text):
        return None
    has_day = re.search(r"(?<!\d)\d{1,2}(?!\d)", text)
    if not has_day or (parsed := _dateparser_date(text, published)) is None:
        return None
    if _YEAR_WORD.search(text):
        return DateInfo(parsed, 1, basis="explicit date (dateparser)")
    inferred = _infer_year(parsed.month, parsed.day, published)
    if inferred is None:
        return None
    return DateInfo(inferred[0], 1, basis=f"explicit date (dateparser), {inferred[1]}")


# --- the grammar --------------------------------------------------------------------------------


class _Rule(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    check: _Check
    handler: _Handler
    needs: re.Pattern[str] | None  # a part of every match: where it is absent, so is the rule


def _rule(
    name: str,
    text: str,
    handler: _Handler,
    check: _Check = _months_ok,
    needs: re.Pattern[str] | None = None,
) -> _Rule:
    pattern = re.compile(rf"(?<!\w)(?:{text})(?!\w)", re.IGNORECASE)
    return _Rule(name, pattern, check, handler, needs)


# A rule's ``needs`` only saves time (most sentences name no month, weekday or week):
# find_date_expressions skips the rule on a text where that pattern finds nothing. Each is a
# part of every match of the rule (the rule's mandatory _month()/_weekday() part, or a word that
# every alternative of the rule contains), compiled with the same flag, so on such a text the
# rule cannot match either. tests/test_dates.py checks the shortcut against running every rule.
_NEEDS_MONTH: Final = _MONTH_WORD  # the _month() part itself
_NEEDS_WEEKDAY: Final = re.compile(_weekday("w"), re.IGNORECASE)  # the _weekday() part itself
_NEEDS_UNIT: Final = re.compile(r"day|week|month|jour|semaine|mois", re.IGNORECASE)
_NEEDS_WEEK: Final = re.compile(r"week|semaine", re.IGNORECASE)
_NEEDS_SLASH: Final = re.compile(r"/")
_NEEDS_MONTH_WORD: Final = re.compile(r"month|mois", re.IGNORECASE)

# in order of precedence: the resolver uses the first rule that matches the whole expression
_RULES: Final = (
    _rule("same_day", _SAME_DAY_TEXT, _no_date),
    _rule("iso", _ISO_TEXT, _on_single),
    _rule("numeric", _NUMERIC_TEXT, _on_numeric),
    _rule("numeric_short", _NUMERIC_SHORT_TEXT, _on_numeric_short, needs=_NEEDS_SLASH),
    _rule("range_day_month_cross", _CROSS_DM_TEXT, _on_range, _range_ok, _NEEDS_MONTH),
    _rule("range_month_day_cross", _CROSS_MD_TEXT, _on_range, _range_ok, _NEEDS_MONTH),
    _rule("range_day_month", _SAME_DM_TEXT, _on_range, _range_ok, _NEEDS_MONTH),
    _rule("range_month_day", _SAME_MD_TEXT, _on_range, _range_ok, _NEEDS_MONTH),
    _rule("day_month", _DAY_MONTH_TEXT, _on_single, needs=_NEEDS_MONTH),
    _rule("month_day", _MONTH_DAY_TEXT, _on_single, needs=_NEEDS_MONTH),
    _rule("month", _MONTH_TEXT, _on_month, _month_alone_ok, _NEEDS_MONTH),
    _rule("relative_month", _REL_MONTH_TEXT, _on_rel_month, needs=_NEEDS_MONTH_WORD),
    _rule("ago", _AGO_TEXT, _on_ago, needs=_NEEDS_UNIT),
    _rule("relative_day", _REL_DAY_TEXT, _on_rel_day),
    _rule("week", _WEEK_TEXT, _on_week, needs=_NEEDS_WEEK),
    _rule("weekend", _WEEKEND_TEXT, _on_weekend, needs=_NEEDS_WEEK),
    _rule("weekday", _WEEKDAY_TEXT, _on_weekday, needs=_NEEDS_WEEKDAY),
    _rule("year", _YEAR_TEXT, _no_date),
)


def _scan(rule: _Rule, text: str) -> Iterator[tuple[int, int]]:
    """Matches of one rule that pass its check; a rejected match is retried one char later."""
    pos = 0
    while (match := rule.pattern.search(text, pos)) is not None:
        if match.end() > match.start() and rule.check(match):
            yield match.span()
            pos = match.end()
        else:
            pos = match.start() + 1


def _candidates(text: str) -> set[tuple[int, int]]:
    """The matches of every rule, skipping a rule whose ``needs`` the text lacks (see _RULES)."""
    present: dict[re.Pattern[str], bool] = {}
    found: set[tuple[int, int]] = set()
    for rule in _RULES:
        if rule.needs is not None:
            if rule.needs not in present:
                present[rule.needs] = rule.needs.search(text) is not None
            if not present[rule.needs]:
                continue
        found.update(_scan(rule, text))
    return found


# --- public -------------------------------------------------------------------------------------


def find_date_expressions(text: str) -> list[tuple[int, int]]:
    """Character offsets (start, end) of every date expression in text, in order, non-overlapping.

    Where expressions overlap, the leftmost wins, then the longest: "from July 22-27" over
    "July 22", and "3 May" over "May 20" in "3 May 20 people".
    """
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(_candidates(text), key=lambda s: (s[0], -s[1])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return sorted(chosen)


def resolve_date(expression: str, published: dt.date | None) -> DateInfo | None:
    """Calendar date(s) for one expression, relative to the publication date. None when the
    expression is vaguer than a month or cannot be resolved (e.g. a weekday with no published date).
    """
    text = " ".join(expression.replace("’", "'").split()).strip(' ,;:.!?()[]"')
    if not text:
        return None
    for rule in _RULES:
        match = rule.pattern.fullmatch(text)
        if match is not None and rule.check(match):
            try:
                return rule.handler(match, published)
            except (ValueError, OverflowError):  # a date outside the calendar's range
                return None
    found = _dateparser_fallback(text, published)
    if found is not None:
        return found
    spans = find_date_expressions(text)  # an expression inside a longer phrase
    if spans and spans[0] != (0, len(text)):
        start, end = spans[0]
        return resolve_date(text[start:end], published)
    return None
