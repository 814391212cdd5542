"""Date expressions: finding them in prose and resolving them against the publication date."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from fieldreport.resolve.date_grammar import MONTHS, NUMBERS, WEEKDAYS
from fieldreport.resolve.dates import (
    _RULES,
    _candidates,
    _scan,
    find_date_expressions,
    resolve_date,
)

D = dt.date
TUESDAY = D(2024, 7, 30)  # published date used throughout
SATURDAY = D(2024, 7, 27)


def found(text: str) -> list[str]:
    return [text[start:end] for start, end in find_date_expressions(text)]


def day_of(expression: str, published: dt.date | None = TUESDAY) -> tuple[dt.date, int]:
    info = resolve_date(expression, published)
    assert info is not None, expression
    return info.date, info.precision


# --- weekdays -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Saturday", D(2024, 7, 27)),
        ("Saturday", D(2024, 7, 27)),
        ("last Saturday", D(2024, 7, 27)),
        ("Saturday night", D(2024, 7, 27)),
        ("on Monday evening", D(2024, 7, 29)),
        ("late on Friday", D(2024, 7, 26)),
        ("overnight on Sunday", D(2024, 7, 28)),
        ("Wednesday", D(2024, 7, 24)),
        ("samedi", D(2024, 7, 27)),
        ("dimanche dernier", D(2024, 7, 28)),
        ("lundi soir", D(2024, 7, 29)),
    ],
)
def test_weekday_is_the_latest_such_day_before_publication(
    expression: str, expected: dt.date
) -> None:
    assert day_of(expression) == (expected, 1)


def test_weekday_that_is_the_publication_day_is_that_day() -> None:
    assert day_of("Tuesday") == (TUESDAY, 1)
    assert day_of("on Saturday", SATURDAY) == (SATURDAY, 1)


def test_last_weekday_on_that_weekday_is_a_week_earlier() -> None:
    assert day_of("last Saturday", SATURDAY) == (D(2024, 7, 20), 1)
    assert day_of("samedi dernier", SATURDAY) == (D(2024, 7, 20), 1)


def test_weekday_basis_names_the_day_and_the_publication_date() -> None:
    info = resolve_date("Saturday", TUESDAY)
    assert info is not None
    assert info.basis == "weekday 'Saturday' before published 2024-07-30"


@pytest.mark.parametrize(
    ("expression", "start", "end"),
    [
        ("Saturday night into Sunday", D(2024, 7, 27), D(2024, 7, 28)),
        ("dans la nuit de samedi à dimanche", D(2024, 7, 27), D(2024, 7, 28)),
    ],
)
def test_overnight_weekday_pair_is_a_range(expression: str, start: dt.date, end: dt.date) -> None:
    info = resolve_date(expression, TUESDAY)
    assert info is not None
    assert (info.date, info.start, info.end, info.precision) == (start, start, end, 1)


def test_weekday_pair_never_ends_after_publication() -> None:
    info = resolve_date("Saturday into Sunday", SATURDAY)
    assert info is not None
    assert (info.start, info.end) == (D(2024, 7, 20), D(2024, 7, 21))


@pytest.mark.parametrize("expression", ["Saturday", "yesterday", "last week", "in July", "3 May"])
def test_relative_expressions_need_a_publication_date(expression: str) -> None:
    assert resolve_date(expression, None) is None


# --- explicit dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on 31 December 2020", D(2020, 12, 31)),
        ("31 December 2020", D(2020, 12, 31)),
        ("December 31, 2020", D(2020, 12, 31)),
        ("December 31st, 2020", D(2020, 12, 31)),
        ("2020-12-31", D(2020, 12, 31)),
        ("31st December of 2020", D(2020, 12, 31)),
        ("Tuesday, 31 December 2019", D(2019, 12, 31)),
        ("le 3 mai 2024", D(2024, 5, 3)),
        ("1er mai 2024", D(2024, 5, 1)),
        ("31 déc. 2020", D(2020, 12, 31)),
    ],
)
def test_explicit_date_with_year(expression: str, expected: dt.date) -> None:
    info = resolve_date(expression, TUESDAY)
    assert info is not None
    assert (info.date, info.precision, info.start, info.end) == (expected, 1, None, None)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("the 3rd of May", D(2024, 5, 3)),
        ("3 May", D(2024, 5, 3)),
        ("3 mai", D(2024, 5, 3)),
        ("samedi 3 mai", D(2024, 5, 3)),
        ("Dec. 31", D(2023, 12, 31)),  # would be five months after publication
        ("31 Dec", D(2023, 12, 31)),
        ("August 6", D(2024, 8, 6)),  # a week after publication: still this year
        ("August 7", D(2023, 8, 7)),  # more than a week after: the year before
    ],
)
def test_explicit_date_without_year_takes_the_published_year(
    expression: str, expected: dt.date
) -> None:
    assert day_of(expression) == (expected, 1)


def test_year_inference_is_stated_in_basis() -> None:
    same = resolve_date("3 May", TUESDAY)
    before = resolve_date("Dec. 31", TUESDAY)
    assert same is not None and "year from published 2024-07-30" in same.basis
    assert before is not None and "previous year" in before.basis


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("31/12/2020", D(2020, 12, 31)),
        ("05/04/2024", D(2024, 4, 5)),
        ("31.12.2020", D(2020, 12, 31)),
    ],
)
def test_numeric_dates_are_read_day_first(expression: str, expected: dt.date) -> None:
    assert day_of(expression) == (expected, 1)


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("12/3/09", TUESDAY, D(2009, 3, 12)),
        ("4/11/98", TUESDAY, D(1998, 11, 4)),
        ("4/11/98", None, D(1998, 11, 4)),
        ("7/1/31", TUESDAY, D(1931, 1, 7)),  # 2031 would be after publication
        ("on 9/6", TUESDAY, D(2024, 6, 9)),
        ("le 30/7", TUESDAY, D(2024, 7, 30)),
        ("since 2/12", TUESDAY, D(2023, 12, 2)),
        ("(21/4)", TUESDAY, D(2024, 4, 21)),
    ],
)
def test_short_numeric_dates_are_day_first(
    expression: str, published: dt.date | None, expected: dt.date
) -> None:
    assert day_of(expression, published) == (expected, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A trader was shot dead in the market (21/4) by two men.", ["21/4"]),
        ("Two shops burned during the 12/3/09 riot.", ["12/3/09"]),
        ("The camp was shelled on 9/6, a resident said.", ["on 9/6"]),
        ("The toll is 6 dead and 4/5 wounded.", []),
        ("Gunmen now control 2/3 of the district.", []),
        ("Fighters seized on 3/4 of the villages.", []),
    ],
)
def test_short_numeric_dates_need_a_year_a_cue_or_brackets(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("around 5 May 2024", D(2024, 5, 5)),
        ("Around May 5", D(2024, 5, 5)),
        ("on or around 5 May", D(2024, 5, 5)),
        ("on or about the 5th of May", D(2024, 5, 5)),
        ("On (or around) 5 May 2024", D(2024, 5, 5)),
        ("on [and around] May 5, 2024", D(2024, 5, 5)),
        ("vers le 5 mai 2024", D(2024, 5, 5)),
        ("aux alentours du 5 mai", D(2024, 5, 5)),
    ],
)
def test_approximate_day_is_the_week_around_it(expression: str, expected: dt.date) -> None:
    info = resolve_date(expression, TUESDAY)
    assert info is not None
    week = (expected - dt.timedelta(days=3), expected + dt.timedelta(days=3))
    assert (info.date, info.precision, info.start, info.end) == (expected, 2, *week)


def test_approximate_day_is_found_with_its_hedge() -> None:
    assert found("Around 5 May 2024 (as reported), gunmen burned a school.") == [
        "Around 5 May 2024"
    ]
    assert found("Reports about 5 May protests spread.") == ["5 May"]
    assert day_of("5 May") == (D(2024, 5, 5), 1)


@pytest.mark.parametrize("expression", ["31 February 2020", "29 February 2023", "2024-02-30"])
def test_impossible_calendar_dates_are_none(expression: str) -> None:
    assert resolve_date(expression, TUESDAY) is None


# --- ranges -------------------------------------------------------------------------------------

JULY_22_27 = (D(2024, 7, 22), D(2024, 7, 27))
MAY_3_4 = (D(2024, 5, 3), D(2024, 5, 4))


@pytest.mark.parametrize(
    ("expression", "bounds"),
    [
        ("July 22-27", JULY_22_27),
        ("from July 22-27", JULY_22_27),
        ("22-27 July", JULY_22_27),
        ("between 22 and 27 July 2024", JULY_22_27),
        ("from 22 to 27 July", JULY_22_27),
        ("July 22nd to 27th", JULY_22_27),
        ("du 22 au 27 juillet", JULY_22_27),
        ("entre le 22 et le 27 juillet", JULY_22_27),
        ("3 and 4 May 2024", MAY_3_4),
        ("on the night of 3 to 4 May", MAY_3_4),
        ("les 3 et 4 mai", MAY_3_4),
        ("dans la nuit du 3 au 4 mai", MAY_3_4),
        ("July 30 - August 2", (D(2024, 7, 30), D(2024, 8, 2))),
        ("between 30 July and 2 August", (D(2024, 7, 30), D(2024, 8, 2))),
    ],
)
def test_range_is_dated_by_its_first_day(expression: str, bounds: tuple[dt.date, dt.date]) -> None:
    info = resolve_date(expression, TUESDAY)
    assert info is not None
    assert (info.date, info.start, info.end, info.precision) == (bounds[0], *bounds, 1)


@pytest.mark.parametrize(
    ("expression", "published"),
    [("July 22-27", TUESDAY), ("July 22-27, 2024", None), ("July 22-27 in Gao", TUESDAY)],
)
def test_dateparser_does_not_turn_a_range_into_1927(
    expression: str, published: dt.date | None
) -> None:
    info = resolve_date(expression, published)
    assert info is not None
    assert (info.start, info.end) == JULY_22_27


@pytest.mark.parametrize(
    ("expression", "published", "bounds"),
    [
        ("30 December - 2 January", D(2024, 1, 5), (D(2023, 12, 30), D(2024, 1, 2))),
        ("30 December 2023 - 2 January", TUESDAY, (D(2023, 12, 30), D(2024, 1, 2))),
        ("December 30 to January 2, 2024", TUESDAY, (D(2023, 12, 30), D(2024, 1, 2))),
    ],
)
def test_range_over_new_year(
    expression: str, published: dt.date, bounds: tuple[dt.date, dt.date]
) -> None:
    info = resolve_date(expression, published)
    assert info is not None
    assert (info.start, info.end) == bounds


@pytest.mark.parametrize(
    ("expression", "bounds"),
    [
        ("Jul.22-27", JULY_22_27),
        ("on Jul.22 to 27", JULY_22_27),
        ("between Jul.30 and Aug.2", (D(2024, 7, 30), D(2024, 8, 2))),
    ],
)
def test_abbreviated_month_right_before_its_day(
    expression: str, bounds: tuple[dt.date, dt.date]
) -> None:
    info = resolve_date(expression, TUESDAY)
    assert info is not None
    assert (info.date, info.start, info.end) == (bounds[0], *bounds)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen raided Kadji before dawn on Jun.14.", ["on Jun.14"]),
        ("Teachers struck on Mar.5 and Mar.6 in Dori.", ["on Mar.5", "Mar.6"]),
        ("Militants claimed the ambush on June, 14.", ["on June, 14"]),
        ("Militants claimed the ambush on June, 14th in a video.", ["on June, 14th"]),
        ("Rebels said on June, 14, 2023, that they had won.", ["on June, 14, 2023"]),
        ("In June, 14 people were killed in Kadji.", ["In June"]),
        ("In June, 14 and 15 year olds were recruited.", ["In June"]),
        ("The rate rose to 1.14 in June.", ["in June"]),
    ],
)
def test_month_then_day_after_a_dot_or_a_comma(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_month_comma_day_resolves_to_the_day() -> None:
    assert day_of("on June, 14") == (D(2024, 6, 14), 1)
    assert day_of("Jun.14") == (D(2024, 6, 14), 1)


def test_two_dates_joined_by_and_are_not_a_range() -> None:
    text = "Fighting on 3 May and 5 June killed dozens."
    assert found(text) == ["on 3 May", "5 June"]


# --- relative days, weeks and months ------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("yesterday", D(2024, 7, 29)),
        ("yesterday morning", D(2024, 7, 29)),
        ("today", TUESDAY),
        ("this morning", TUESDAY),
        ("last night", D(2024, 7, 29)),
        ("overnight", D(2024, 7, 29)),
        ("the day before", D(2024, 7, 29)),
        ("the day before yesterday", D(2024, 7, 28)),
        ("two days ago", D(2024, 7, 28)),
        ("three days earlier", D(2024, 7, 27)),
        ("hier", D(2024, 7, 29)),
        ("hier soir", D(2024, 7, 29)),
        ("avant-hier", D(2024, 7, 28)),
        ("aujourd’hui", TUESDAY),
        ("il y a trois jours", D(2024, 7, 27)),
    ],
)
def test_relative_day(expression: str, expected: dt.date) -> None:
    assert day_of(expression) == (expected, 1)


@pytest.mark.parametrize(
    ("expression", "expected", "bounds"),
    [
        ("last week", D(2024, 7, 24), (D(2024, 7, 22), D(2024, 7, 28))),
        ("la semaine dernière", D(2024, 7, 24), (D(2024, 7, 22), D(2024, 7, 28))),
        ("over the weekend", D(2024, 7, 27), (D(2024, 7, 27), D(2024, 7, 28))),
        ("last weekend", D(2024, 7, 27), (D(2024, 7, 27), D(2024, 7, 28))),
        ("le week-end dernier", D(2024, 7, 27), (D(2024, 7, 27), D(2024, 7, 28))),
        ("a few days ago", D(2024, 7, 27), (D(2024, 7, 22), D(2024, 7, 28))),
    ],
)
def test_week_precision(
    expression: str, expected: dt.date, bounds: tuple[dt.date, dt.date]
) -> None:
    info = resolve_date(expression, TUESDAY)
    assert info is not None
    assert (info.date, info.precision, info.start, info.end) == (expected, 2, *bounds)


def test_acled_worked_example_last_week_is_that_weeks_wednesday() -> None:
    assert day_of("Last week", D(2024, 6, 10)) == (D(2024, 6, 5), 2)


def test_this_week_is_never_after_publication() -> None:
    info = resolve_date("earlier this week", D(2024, 8, 1))  # a Thursday
    assert info is not None
    assert (info.date, info.precision, info.start) == (D(2024, 7, 31), 2, D(2024, 7, 29))
    monday = resolve_date("earlier this week", D(2024, 7, 29))
    assert monday is not None and monday.date == D(2024, 7, 29)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("in July", D(2024, 7, 15)),
        ("in July 2024", D(2024, 7, 15)),
        ("July 2023", D(2023, 7, 15)),
        ("mid-July", D(2024, 7, 15)),
        ("early July", D(2024, 7, 1)),
        ("the beginning of July", D(2024, 7, 1)),
        ("end of July", D(2024, 7, 31)),
        ("late July", D(2024, 7, 31)),
        ("this month", D(2024, 7, 15)),
        ("last month", D(2024, 6, 15)),
        ("late last month", D(2024, 6, 30)),
        ("in May", D(2024, 5, 15)),
        ("in September", D(2023, 9, 15)),  # September 2024 is still to come
        ("three months ago", D(2024, 4, 15)),
        ("début juillet", D(2024, 7, 1)),
        ("fin juillet", D(2024, 7, 31)),
        ("à la mi-juillet", D(2024, 7, 15)),
        ("en mars", D(2024, 3, 15)),
        ("le mois dernier", D(2024, 6, 15)),
        ("in the past two weeks", D(2024, 7, 15)),
    ],
)
def test_month_precision(expression: str, expected: dt.date) -> None:
    assert day_of(expression) == (expected, 3)


def test_month_bounds_are_the_whole_month() -> None:
    info = resolve_date("in February 2024", TUESDAY)
    assert info is not None
    assert (info.start, info.end) == (D(2024, 2, 1), D(2024, 2, 29))


# --- nothing to resolve -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    ["in 2024", "recently", "in recent years", "this year", "l'année dernière", "in early 2024"],
)
def test_vaguer_than_a_month_is_none(expression: str) -> None:
    assert resolve_date(expression, TUESDAY) is None


@pytest.mark.parametrize(
    "expression",
    ["the same day", "that day", "on the same day", "the next day", "le même jour", "le lendemain"],
)
def test_context_dependent_days_are_found_but_left_to_the_caller(expression: str) -> None:
    assert resolve_date(expression, TUESDAY) is None
    assert found(f"Police arrested four men {expression} in Gao.") == [expression]


@pytest.mark.parametrize(
    "expression",
    [
        "",
        "   ",
        "garbage",
        "???",
        "at 3 pm",
        "May",
        "they may",
        "march",
        "0 May",
        "32/13/2020",
        "99",
    ],
)
def test_empty_or_garbage_is_none(expression: str) -> None:
    assert resolve_date(expression, TUESDAY) is None


@pytest.mark.parametrize("published", [D(1, 1, 1), D(9999, 12, 31), None])
def test_calendar_edges_never_raise(published: dt.date | None) -> None:
    for expression in ("yesterday", "last week", "last month", "Saturday", "31 Dec", "in July"):
        resolve_date(expression, published)  # None or a date, never an exception


# --- finding expressions in prose ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen killed 12 soldiers in an ambush near the border on Saturday, according to "
            "officials.",
            ["on Saturday"],
        ),
        ("Clashes broke out from July 22-27 near Gao.", ["from July 22-27"]),
        (
            "Soldiers fought gunmen in Kadji on 3 and 4 May 2024. The same day, police fired.",
            ["on 3 and 4 May 2024", "The same day"],
        ),
        (
            "Last week an IED hit a minibus. On 8 June, gunmen kidnapped five farmers.",
            ["Last week", "On 8 June"],
        ),
        (
            "Le 3 mai 2024, des hommes armés ont attaqué Kadji. Samedi, l'armée a riposté.",
            ["Le 3 mai 2024", "Samedi"],
        ),
        (
            "Shelling continued overnight, and again yesterday morning.",
            ["overnight", "yesterday morning"],
        ),
        ("Meeting held on 2020-12-31 at 12:30 with 1,300 people.", ["on 2020-12-31"]),
        (
            "In May, thousands rallied; three days earlier, police had fired.",
            ["In May", "three days earlier"],
        ),
        ("3 May 20 people were killed.", ["3 May"]),
    ],
)
def test_find_in_prose(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Militants may attack the base again.",
        "Thousands of protesters march through the capital at 3 pm.",
        "They will march on the capital at 10:30.",
        "The Mars rover landed; May God protect us; an august body met.",
        "Officials said 2024 had been the deadliest year; 1,300 people fled.",
    ],
)
def test_words_that_only_look_like_dates_are_not_found(text: str) -> None:
    assert found(text) == []


def test_capitalized_march_with_a_day_is_a_date() -> None:
    assert found("Protesters were dispersed on March 3 in Dakar.") == ["on March 3"]
    assert day_of("March 3") == (D(2024, 3, 3), 1)


def test_spans_are_ordered_non_overlapping_and_resolvable() -> None:
    text = (
        "On Saturday night into Sunday, militants attacked Kadji. Between 22 and 27 July 2024 "
        "clashes spread; late July saw more. Hier, la veille du 3 mai, over the weekend and "
        "two weeks ago, yet nothing in 2024 the same day."
    )
    spans = find_date_expressions(text)
    assert spans == sorted(spans)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))
    phrases = [text[start:end] for start, end in spans]
    unresolved = [p for p in phrases if resolve_date(p, TUESDAY) is None]
    assert unresolved == ["in 2024", "the same day"]


def test_resolve_accepts_an_expression_inside_a_short_phrase() -> None:
    assert day_of("the attack on Saturday") == (D(2024, 7, 27), 1)
    assert day_of("at 10am on 3 May") == (D(2024, 5, 3), 1)


def test_skipping_a_rule_whose_needs_are_absent_changes_nothing() -> None:
    """A rule's ``needs`` is only a shortcut: the candidates are those of running every rule."""
    words = [*MONTHS, *WEEKDAYS, *NUMBERS, "day", "days", "week", "weeks", "weekend",
             "week-end", "month", "months", "mois", "semaine", "semaines", "jours", "ago",
             "earlier", "il y a", "plus tôt", "auparavant", "last", "this", "past", "previous",
             "the", "on", "of", "from", "to", "and", "-", "/", ",", ".", "2024", "2023-05-03",
             "03/05/2024", "12", "3rd", "early", "late", "mid", "début", "fin", "yesterday",
             "hier", "tonight", "night", "same", "next", "lendemain", "year", "dernier",
             "dernière", "passée", "in", "en", "le", "la", "ce", "cette", "killed", "Mayor",
             "Mondays", "monthly", "ſunday", "MAY", "Mars"]  # fmt: skip
    rng = random.Random(7)
    texts = [
        " ".join(rng.choice([w, w.capitalize(), w.upper()]) for w in rng.choices(words, k=n))
        for n in [rng.randint(1, 8) for _ in range(3000)]
    ]
    texts += ["", "On Saturday night into Sunday", "Between 22 and 27 July 2024", "two weeks ago"]
    for text in texts:
        assert _candidates(text) == {span for rule in _RULES for span in _scan(rule, text)}, text
