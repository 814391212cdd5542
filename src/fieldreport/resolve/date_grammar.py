"""The words and patterns of date expressions (English and French), for ``resolve.dates``.

Month and weekday names with their spellings, number words, relative-day phrases, and the
pattern text of each kind of expression ("3 May", "May 3-5", "last Saturday", "early March").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

# --- vocabulary ---------------------------------------------------------------------------------

# spellings by month (accented forms for the regex; lookups fold accents away)
MONTH_NAMES: Final = (
    "january jan janvier janv", "february feb fevrier février fevr févr fev fév", "march mar mars",
    "april apr avril avr", "may mai", "june jun juin", "july jul juillet juil",
    "august aug aout août", "september sep sept septembre", "october oct octobre",
    "november nov novembre", "december dec decembre décembre déc",
)  # fmt: skip
MONTHS: Final[Mapping[str, int]] = MappingProxyType(
    {name: i for i, names in enumerate(MONTH_NAMES, 1) for name in names.split()}
)
FRENCH_MONTHS: Final = frozenset(
    {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
     "octobre", "novembre", "decembre"}
)  # fmt: skip
# English words that are usually not months: a date only when capitalized, and without a day
# or year only after a cue ("in May", "early March"). "mars"/"mai" alone need a French cue.
AMBIGUOUS_MONTHS: Final = frozenset({"may", "march", "mar"})
# month names that may stand alone ("the July offensive", "l'attaque de juillet")
BARE_MONTHS: Final = frozenset(
    {"january", "february", "april", "june", "july", "august", "september", "october",
     "november", "december"}
) | (FRENCH_MONTHS - {"mars", "mai"})  # fmt: skip
WEEKDAY_NAMES: Final = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
)  # fmt: skip
WEEKDAYS: Final = MappingProxyType({name: i % 7 for i, name in enumerate(WEEKDAY_NAMES)})
NUMBERS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "two": 2, "deux": 2, "three": 3,
        "trois": 3, "four": 4, "quatre": 4, "five": 5, "cinq": 5, "six": 6, "seven": 7,
        "sept": 7, "eight": 8, "huit": 8, "nine": 9, "neuf": 9, "ten": 10, "dix": 10,
        "eleven": 11, "onze": 11, "twelve": 12, "douze": 12, "couple of": 2, "a couple of": 2,
        "few": 3, "a few": 3, "several": 3, "quelques": 3,
    }
)  # fmt: skip
# relative days: phrase pattern -> days before the publication date (longest phrases first)
DAY_PHRASES: Final = (
    (r"the\s+day\s+before\s+yesterday", 2), (r"avant-hier", 2), (r"(?:earlier\s+)?today", 0),
    (r"this\s+(?:morning|afternoon|evening)", 0), (r"tonight", 0), (r"aujourd['’]hui", 0),
    (r"ce\s+(?:matin|soir)", 0), (r"cet\s+apr[eè]s-midi", 0), (r"yesterday", 1), (r"hier", 1),
    (r"last\s+night", 1), (r"overnight", 1), (r"the\s+(?:day|night)\s+before", 1),
    (r"the\s+(?:previous|prior)\s+(?:day|night|evening)", 1), (r"la\s+veille", 1),
    (r"la\s+nuit\s+derni[eè]re", 1), (r"cette\s+nuit", 1),
)  # fmt: skip
VAGUE_COUNTS: Final = frozenset({"few", "a few", "several", "couple of", "a couple of",
                                   "quelques"})  # fmt: skip
GRACE: Final = dt.timedelta(days=7)  # an explicit date may be this far after publication
MAX_RANGE_DAYS: Final = 62
LATEST_SHORT_YEAR: Final = 2049  # with no publication date, '49' is 2049 and '50' is 1950


def alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first so that 'septembre' wins over 'sept'."""
    escaped = {re.escape(w).replace("\\ ", " ").replace(" ", r"\s+") for w in words}
    return "|".join(sorted(escaped, key=lambda w: (-len(w), w)))


def month(name: str) -> str:
    return rf"(?P<{name}>\b(?:{alt(MONTHS)})\b(?:\.(?=\s*\d))?)"


def weekday(name: str) -> str:
    return rf"(?P<{name}>\b(?:{alt(WEEKDAYS)})\b)"


def day(name: str) -> str:
    # not inside a number ('1.5', '3,000'), but right after an abbreviated month ('Apr.24')
    number = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|er)?"
    return rf"(?<![\d:/,])(?<!\d\.)(?P<{name}>{number})\b(?![:.,/]\d)"


def month_gap() -> str:
    """Between a month and its day: a space, nothing after an abbreviation's dot ('Apr.24'), or
    a comma ('October, 26') when the day cannot be a count: an ordinal, or punctuation after it
    ('In October, 26 people died' is no date)."""
    return r"(?:\s+|(?<=\.)|,\s*(?=\d{1,2}(?:st|nd|rd|th)\b|\d{1,2}\s*(?:[.,;:)]|$)))"


def day_slash_month(suffix: str) -> str:
    return rf"(?P<nd{suffix}>3[01]|[12]\d|0?[1-9])/(?P<nm{suffix}>1[0-2]|0?[1-9])"


def year_tail(name: str) -> str:
    return rf"(?:,?\s+(?:of\s+)?(?P<{name}>(?:19|20)\d{{2}})(?!\d))?"


# --- pattern text -------------------------------------------------------------------------------

NUMBER = rf"(?:\d{{1,2}}|{alt(NUMBERS)})"
TIME_OF_DAY = r"(?:\s+(?:night|morning|afternoon|evening|matin|soir|soir[ée]e|apr[eè]s-midi))?"
ON = r"(?:(?:on|le|dated)\s+)?"
OF = r"(?:\s+of)?"
# an approximate day ('around 3 May', 'on or about 3 May', 'on (or around) 3 May', 'vers le 3 mai'):
# the exact day is not known, so ACLED's week precision centred on it
ABOUT = (
    r"(?P<about>(?:on\s+(?:or\s+|[\[(]\s*(?:or|and)\s+))?around[\])]?\s+(?:the\s+)?"
    r"|on\s+or\s+about\s+(?:the\s+)?|(?:vers|autour\s+du|aux\s+alentours\s+du)\s+(?:le\s+)?)"
)
RANGE_LEAD = (
    r"(?P<lead>(?:on\s+)?the\s+nights?\s+of\s+|(?:dans\s+)?la\s+nuit\s+du\s+"
    r"|(?:from|between|on|du|entre(?:\s+le)?|les)\s+)?"
)
CONN = r"(?P<conn>\s*[-–—]\s*|\s+(?:to|and|through|thru|until|till|au|et|à)\s+)(?:the\s+|le\s+)?"
PART = (
    r"(?:(?:at|by|in|à\s+la|au|en)\s+)?(?:the\s+)?"
    r"(?P<part>early|earlier|late|later|mid|middle|end|beginning|start|d[ée]but|fin|mi|milieu)"
    r"(?:\s*-\s*|\s+of\s+(?:the\s+)?|\s+du\s+mois\s+d(?:e\s+|['’])|\s+d(?:e\s+|u\s+|['’])|\s+)"
)
MONTH_CUE = (
    rf"(?P<cue>(?:(?:in|during|throughout|en|courant|durant|pendant)\s+)?(?:{PART})?"
    r"(?:(?:the\s+)?month\s+of\s+|(?:le\s+|au\s+)?mois\s+d(?:e\s+|['’]))?)"
)

SAME_DAY_TEXT = (
    r"(?:on\s+)?(?:the\s+same\s+(?:day|night|evening|morning|afternoon)"
    r"|that\s+(?:same\s+)?(?:day|night|evening|morning|afternoon)"
    r"|the\s+(?:next|following)\s+(?:day|night|morning|evening|afternoon)|the\s+day\s+after"
    r"|le\s+m[êe]me\s+jour|le\s+jour\s+m[êe]me|ce\s+jour-l[àa]|cette\s+nuit-l[àa]"
    r"|la\s+m[êe]me\s+nuit|le\s+lendemain(?:\s+matin|\s+soir)?)"
)
ISO_TEXT = rf"{ON}(?P<y>(?:19|20)\d{{2}})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])"
NUMERIC_TEXT = rf"{ON}(?<![\d/.])(?P<num>\d{{1,2}}[/.]\d{{1,2}}[/.](?:19|20)\d{{2}})(?![\d/])"
# day/month with a two-digit year ('28/2/08') or none: without a year only after 'on'/'le'/'du'/
# 'since'/'depuis' or alone in brackets ('(24/5)'; the bare text when resolving what was found),
# so that '4/5 wounded' stays a count
NUMERIC_SHORT_TEXT = (
    rf"(?<![\d/.]){day_slash_month('')}/(?P<ny>\d{{2}})(?![\d/])"
    rf"|(?:on|le|du|since|depuis)\s+{day_slash_month('2')}(?![\d/]|\s+of\b)"
    rf"|(?:(?<=\()|^){day_slash_month('3')}(?:(?=\))|$)"
)
CROSS_DM_TEXT = (
    rf"{RANGE_LEAD}(?:the\s+)?{day('d1')}{OF}\s+{month('m1')}{year_tail('y1')}"
    rf"{CONN}{day('d2')}{OF}\s+{month('m2')}{year_tail('y2')}"
)
CROSS_MD_TEXT = (
    rf"{RANGE_LEAD}{month('m1')}{month_gap()}{day('d1')}{year_tail('y1')}"
    rf"{CONN}{month('m2')}{month_gap()}{day('d2')}{year_tail('y2')}"
)
SAME_DM_TEXT = (
    rf"{RANGE_LEAD}(?:the\s+)?{day('d1')}{CONN}{day('d2')}{OF}\s+{month('m1')}"
    rf"{year_tail('y2')}"
)
SAME_MD_TEXT = (
    rf"{RANGE_LEAD}{month('m1')}{month_gap()}(?:the\s+)?{day('d1')}{CONN}{day('d2')}"
    rf"{year_tail('y2')}"
)
WEEKDAY_PREFIX = rf"(?:{weekday('w')},?\s+(?:the\s+)?)?"
DAY_LEAD = rf"(?:{ABOUT}|{ON})"
DAY_MONTH_TEXT = (
    rf"{DAY_LEAD}{WEEKDAY_PREFIX}(?:the\s+)?{day('d')}"
    rf"{OF}\s+{month('m')}{year_tail('y')}"
)
MONTH_DAY_TEXT = (
    rf"{DAY_LEAD}{WEEKDAY_PREFIX}{month('m')}"
    rf"{month_gap()}(?:the\s+)?{day('d')}{year_tail('y')}"
)
MONTH_TEXT = rf"{MONTH_CUE}{month('m')}{year_tail('y')}"
REL_MONTH_TEXT = (
    rf"(?:{PART})?(?:(?:this|last|the\s+previous|the\s+past|this\s+past)\s+month"
    r"|(?:le\s+)?mois\s+(?:dernier|pass[ée])|ce\s+mois(?:-ci)?)"
)
AGO_TEXT = (
    rf"(?P<n>{NUMBER})\s+(?P<unit>days?|weeks?|months?)\s+(?:ago|earlier)"
    rf"|il\s+y\s+a\s+(?P<fn>{NUMBER})\s+(?P<funit>jours?|semaines?|mois)"
    rf"|(?P<pn>{NUMBER})\s+(?P<punit>jours?|semaines?|mois)\s+(?:plus\s+t[oô]t|auparavant)"
)
REL_DAY_TEXT = rf"(?:(?:late|early)\s+)?(?P<rel>{'|'.join(p for p, _ in DAY_PHRASES)}){TIME_OF_DAY}"
WEEK_TEXT = (
    r"(?:(?:over|in|during|throughout)\s+)?"
    rf"(?:{PART})?(?P<which>this|last|the\s+previous|the\s+prior|the\s+past|this\s+past"
    r"|the\s+last)(?:\s+(?P<nw>two|three|few|couple\s+of|2|3)\s+weeks|\s+week(?![- ]?end))"
    r"|the\s+week\s+before"
    r"|(?:au\s+cours\s+de\s+)?(?:la\s+)?semaine\s+(?:derni[eè]re|pass[ée]e)|cette\s+semaine"
    r"|(?:en\s+)?(?:d[ée]but|fin|milieu)\s+de\s+(?:la\s+)?semaine(?:\s+derni[eè]re)?"
)
WEEKEND_TEXT = (
    r"(?:(?:over|during|at|on|throughout)\s+)?(?P<which>the|last|this\s+past|this|the\s+past"
    r"|the\s+previous)\s+week[- ]?end"
    r"|(?:(?:pendant|durant|lors|au\s+cours)\s+(?:du|le)\s+|le\s+|ce\s+)week-?end(?:\s+dernier)?"
)
WEEKDAY_TEXT = (
    r"(?:(?:(?:late|early|overnight)\s+on|overnight|on(?:\s+the\s+night\s+of)?"
    r"|the\s+night\s+of|(?P<last>last|this\s+past|past)|(?:dans\s+)?la\s+nuit\s+de|le|ce)\s+)?"
    rf"{weekday('w1')}(?:\s+(?P<dernier>dernier|pass[ée]))?{TIME_OF_DAY}"
    rf"(?:(?:\s+(?:into|to|through|until|à|au)\s+|\s*[-–]\s*){weekday('w2')}{TIME_OF_DAY})?"
)
YEAR_TEXT = (
    r"(?:(?:(?:in|during|since|throughout|en|depuis)\s+)(?:(?:early|late|mid)[\s-]+)?"
    r"|(?:early|late|mid|d[ée]but|fin)[\s-]+)(?:19|20)\d{2}(?!\d|-\d)"
    r"|(?:(?:earlier|later|early|late)\s+)?(?:this|last)\s+year"
    r"|l['’]ann[ée]e\s+derni[eè]re|cette\s+ann[ée]e|l['’]an\s+dernier"
)

DAY_PHRASE_PATTERNS: Final = tuple((re.compile(p, re.I), n) for p, n in DAY_PHRASES)
FRENCH_CUE: Final = re.compile(r"\b(?:en|courant|durant|pendant|d[ée]but|fin|mi|milieu|mois)\b")
FIRST_PART: Final = re.compile(r"\b(?:early|beginning|start|d[ée]but)\b", re.I)
LAST_PART: Final = re.compile(r"\b(?:late|end|fin)\b", re.I)
LAST_WORD: Final = re.compile(r"\b(?:last|previous|prior|past|dernier|derni[eè]re|pass[ée]e?)\b")
MONTH_WORD: Final = re.compile(month("m"), re.I)
YEAR_WORD: Final = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
RANGE_HINT: Final = re.compile(r"\d\s*(?:[-–—]|\b(?:to|and|through|until|au|et|à)\b)\s*\d", re.I)
