"""Quantities in words and digits -> (ACLED count, upper bound) for fatality phrases.

ACLED's rules: "several", "many", "few", plural "fatalities" = 3 (10 for a significant attack),
"tens" = 10, "dozens" = 12, "hundreds" = 100, "casualties" alone = 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
    "couple": 2,
    "pair": 2,
    # French, common in Sahel sources
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "quinze": 15,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "cent": 100,
}
# vague quantity word -> (ACLED count, upper bound or None)
VAGUE = {
    "several": (3, None),
    "many": (3, None),
    "few": (3, None),
    "a few": (3, None),
    "numerous": (3, None),
    "some": (3, None),
    "multiple": (3, None),
    "tens": (10, None),
    "dozens": (12, None),
    "scores": (12, None),
    "hundreds": (100, None),
    "thousands": (1000, None),
    "plusieurs": (3, None),
    "dizaines": (12, None),
    "des dizaines": (12, None),
    "centaines": (100, None),
}
MAX_PLAUSIBLE = 100_000
_NUM = re.compile(r"^\d{1,3}(?:[,.\s]\d{3})*$|^\d+$")


@dataclass(frozen=True, slots=True)
class Quantity:
    low: int  # ACLED's conservative count
    high: int | None  # upper bound, None when open
    exact: bool  # a stated number, not a vague word


def word_number(words: list[str]) -> int | None:
    """'twenty five' -> 25, 'a hundred' -> 100, '1,200' -> 1200; None if not a number."""
    total, current, seen = 0, 0, False
    for raw in words:
        word = raw.lower().strip(",").replace("-", " ")
        for part in word.split():
            if _NUM.match(part):
                current += int(re.sub(r"[,.\s]", "", part))
            elif part in {"hundred", "cent", "dozen"}:
                current = max(current, 1) * (12 if part == "dozen" else 100)
            elif part in {"thousand", "mille"}:
                total += max(current, 1) * 1000
                current = 0
            elif part in UNITS:
                current += UNITS[part]
            elif part == "and":
                continue
            else:
                return None
            seen = True
    return total + current if seen else None


_MODIFIER = re.compile(
    r"^(?P<mod>at least|at most|more than|over|nearly|almost|about|around|approximately|some|"
    r"up to|as many as|fewer than|less than|roughly|an estimated|au moins|plus de|pr[eè]s de|"
    r"environ)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_UNSPECIFIED = re.compile(
    r"^(an? )?(unspecified|unknown|undetermined|undisclosed|unconfirmed|indeterminate) number"
    r"( of)?$"
)
_RANGE = re.compile(r"^(?:between\s+)?(?P<a>[\w,]+)\s+(?:and|to|-|or)\s+(?P<b>[\w,]+)$", re.I)


def parse_quantity(phrase: str) -> Quantity | None:
    """'at least 20' -> 20..None; 'between 10 and 15' -> 10..15; 'dozens' -> 12..None."""
    text = re.sub(r"\s+", " ", phrase.strip().lower())
    text = re.sub(r"^(of|the)\s+", "", text)
    if not text or re.match(r"^[-−–]\s*\d", text):
        return None  # a negative toll is an error of the text, not a count
    text = _UNSPECIFIED.sub("several", text)  # "an unknown number of" counts as "several"
    if text in VAGUE:
        low, high = VAGUE[text]
        return Quantity(low, high, False)
    mod = _MODIFIER.match(text)
    if mod:
        inner = parse_quantity(mod["rest"])
        if inner is None:
            return None
        kind = mod["mod"].lower()
        if kind in {"up to", "as many as", "at most", "fewer than", "less than"}:
            return Quantity(
                inner.low
                if inner.exact and kind not in {"up to", "as many as"}
                else min(inner.low, 1),
                inner.low,
                inner.exact,
            )
        if kind in {"at least", "more than", "over", "au moins", "plus de"}:
            return Quantity(inner.low, None, inner.exact)
        return inner
    rng = _RANGE.match(text)
    if rng:
        a, b = word_number([rng["a"]]), word_number([rng["b"]])
        if a is not None and b is not None and a <= b:
            return Quantity(a, b, True)
    value = word_number(text.split())
    if value is None or value > MAX_PLAUSIBLE:
        return None
    return Quantity(value, value, True)
