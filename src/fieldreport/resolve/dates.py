"""Dates: find date expressions in article text and turn them into calendar dates.

:func:`find_date_expressions` returns the spans of date expressions in running prose (English
and French); :func:`resolve_date` turns one into a :class:`~fieldreport.model.DateInfo` relative
to the publication date, with ACLED's time precision (1 day, 2 week or weekend, 3 month).

The grammar is a tuple of rules, each a compiled pattern, a check (is this match really a
date?) and a handler (which calendar date?), so whatever is found is read by the same rule; its
words and pattern text are ``resolve.date_grammar`` (``g``).
"the same day" and whole years are found but resolve to None: the caller dates the first from
context, and the second is vaguer than ACLED records. dateparser reads numeric dates and
explicit dates the grammar misses; it never sees a range ("July 22-27" would become 1927).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, Final, NamedTuple

import dateparser

from fieldreport.model import DateInfo
from fieldreport.resolve import date_grammar as g

__all__ = ["find_date_expressions", "resolve_date"]

_Published = dt.date | None
_Handler = Callable[[re.Match[str], _Published], DateInfo | None]
_Check = Callable[[re.Match[str]], bool]

# --- small helpers ------------------------------------------------------------------------------


def _fold(word: str) -> str:
    """Lowercase, accents and trailing dot removed: 'Févr.' -> 'fevr'."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("’", "'").rstrip(".").split())


def _month_number(word: str) -> int:
    return int(word) if word.isdigit() else g.MONTHS[_fold(word)]


def _day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _count(word: str) -> int:
    key = _fold(word)
    return int(key) if key.isdigit() else g.NUMBERS[key]


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
    if candidate is not None and candidate <= published + g.GRACE:
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
    if g.FIRST_PART.search(cue):
        day, where = first, "first day"
    elif g.LAST_PART.search(cue):
        day, where = last, "last day"
    else:
        day, where = first.replace(day=15), "middle"
    return _estimate(day, 3, (first, last), f"{basis} ({where})", clamp)


# --- checks: is this match really a date? -------------------------------------------------------


def _months_ok(match: re.Match[str]) -> bool:
    """Ambiguous English month words ('may', 'march') count only when capitalized."""
    for name in ("m", "m1", "m2"):
        word = match.groupdict().get(name)
        if word and _fold(word) in g.AMBIGUOUS_MONTHS and not word[0].isupper():
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
        return bool(g.FRENCH_CUE.search(cue))
    if key in g.AMBIGUOUS_MONTHS:
        return bool(cue) and not g.FRENCH_CUE.search(cue)
    if not cue:
        return key in g.BARE_MONTHS and (word[0].isupper() or key in g.FRENCH_MONTHS)
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
        short, latest = int(match["ny"]), published.year if published else g.LATEST_SHORT_YEAR
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
    if start is None or end is None or not 0 < (end - start).days <= g.MAX_RANGE_DAYS:
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
        if dt.date(year, month, 1) > published + g.GRACE:
            year -= 1
        basis = f"month '{name}', year from published {published}"
    return _month_info(year, month, match["cue"] or "", basis)


def _on_rel_month(match: re.Match[str], published: _Published) -> DateInfo | None:
    if published is None:
        return None
    back = 1 if g.LAST_WORD.search(_fold(match[0])) else 0
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
        if _fold(word) not in g.VAGUE_COUNTS:
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
    back = next(n for pattern, n in g.DAY_PHRASE_PATTERNS if pattern.fullmatch(phrase))
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
    before = bool(g.LAST_WORD.search(text)) or "week before" in text
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
    weekday = g.WEEKDAYS[_fold(name)]
    back = (published.weekday() - weekday) % 7
    if back == 0 and (match["last"] or match["dernier"]):
        back = 7
    if match["w2"]:
        length = (g.WEEKDAYS[_fold(match["w2"])] - weekday) % 7
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
    months = list(g.MONTH_WORD.finditer(text))
    if len(months) != 1 or not _months_ok(months[0]) or g.RANGE_HINT.search(text):
        return None
    has_day = re.search(r"(?<!\d)\d{1,2}(?!\d)", text)
    if not has_day or (parsed := _dateparser_date(text, published)) is None:
        return None
    if g.YEAR_WORD.search(text):
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
# part of every match of the rule (the rule's mandatory g.month()/g.weekday() part, or a word that
# every alternative of the rule contains), compiled with the same flag, so on such a text the
# rule cannot match either. tests/test_dates.py checks the shortcut against running every rule.
_NEEDS_MONTH: Final = g.MONTH_WORD  # the g.month() part itself
_NEEDS_WEEKDAY: Final = re.compile(g.weekday("w"), re.IGNORECASE)  # the g.weekday() part itself
_NEEDS_UNIT: Final = re.compile(r"day|week|month|jour|semaine|mois", re.IGNORECASE)
_NEEDS_WEEK: Final = re.compile(r"week|semaine", re.IGNORECASE)
_NEEDS_SLASH: Final = re.compile(r"/")
_NEEDS_MONTH_WORD: Final = re.compile(r"month|mois", re.IGNORECASE)

# in order of precedence: the resolver uses the first rule that matches the whole expression
_RULES: Final = (
    _rule("same_day", g.SAME_DAY_TEXT, _no_date),
    _rule("iso", g.ISO_TEXT, _on_single),
    _rule("numeric", g.NUMERIC_TEXT, _on_numeric),
    _rule("numeric_short", g.NUMERIC_SHORT_TEXT, _on_numeric_short, needs=_NEEDS_SLASH),
    _rule("range_day_month_cross", g.CROSS_DM_TEXT, _on_range, _range_ok, _NEEDS_MONTH),
    _rule("range_month_day_cross", g.CROSS_MD_TEXT, _on_range, _range_ok, _NEEDS_MONTH),
    _rule("range_day_month", g.SAME_DM_TEXT, _on_range, _range_ok, _NEEDS_MONTH),
    _rule("range_month_day", g.SAME_MD_TEXT, _on_range, _range_ok, _NEEDS_MONTH),
    _rule("day_month", g.DAY_MONTH_TEXT, _on_single, needs=_NEEDS_MONTH),
    _rule("month_day", g.MONTH_DAY_TEXT, _on_single, needs=_NEEDS_MONTH),
    _rule("month", g.MONTH_TEXT, _on_month, _month_alone_ok, _NEEDS_MONTH),
    _rule("relative_month", g.REL_MONTH_TEXT, _on_rel_month, needs=_NEEDS_MONTH_WORD),
    _rule("ago", g.AGO_TEXT, _on_ago, needs=_NEEDS_UNIT),
    _rule("relative_day", g.REL_DAY_TEXT, _on_rel_day),
    _rule("week", g.WEEK_TEXT, _on_week, needs=_NEEDS_WEEK),
    _rule("weekend", g.WEEKEND_TEXT, _on_weekend, needs=_NEEDS_WEEK),
    _rule("weekday", g.WEEKDAY_TEXT, _on_weekday, needs=_NEEDS_WEEKDAY),
    _rule("year", g.YEAR_TEXT, _no_date),
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
