"""The actor dictionary's records and how ``actors.yaml`` is read into them.

Every value is checked as it is read: a malformed entry raises :class:`DataError` naming its
place in the file ("actors.jnim.forms[1].start"), never a KeyError deep in extraction.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from fieldreport.errors import DataError

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "‐": "-", "–": "-", "—": "-"})


_OPTIONAL = re.compile(r"\(([^()]*)\)")


@functools.lru_cache(maxsize=1 << 16)  # the same words come again and again in text
def fold(text: str) -> str:
    """Comparison key: case, diacritics, apostrophes, dots and hyphens do not count."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    bare = re.sub(r"['.]", "", bare)
    return re.sub(r"[\s\-_/]+", " ", bare).strip()


def expand_forms(form: str) -> list[str]:
    """Spell out optional parts: ``"malien(ne)(s)"`` -> malien, malienne, maliens, maliennes."""
    parts = _OPTIONAL.split(form)  # even indexes: fixed text, odd indexes: optional text
    choices = [[part] if i % 2 == 0 else ["", part] for i, part in enumerate(parts)]
    return ["".join(combo) for combo in itertools.product(*choices)]


@dataclass(frozen=True, slots=True)
class Regime:
    start: date
    label: str  # "2013-2020", printed as " (2013-2020)"
    unit: str = ""  # the government's name after the period: "(2022-) Presidential Leadership ..."


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    name: str  # ACLED country name
    state: str  # the name inside "Military Forces of ..."
    aka: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    regimes: tuple[Regime, ...] = ()
    forces: Mapping[str, tuple[str, ...]] | None = None

    def regime_on(self, on: date | None) -> Regime | None:
        """The latest regime started by ``on``; the current one when ``on`` is None."""
        if on is None:
            return self.regimes[-1] if self.regimes else None
        started = [r for r in self.regimes if r.start <= on]
        return started[-1] if started else None


@dataclass(frozen=True, slots=True)
class Kind:
    key: str
    template: str
    inter: int
    cues: tuple[str, ...] = ()
    without_group: str | None = None


@dataclass(frozen=True, slots=True)
class EthnicGroup:
    name: str
    aliases: tuple[str, ...] = ()
    militia: str | None = None  # kind used instead of ethnic_militia (Dozo -> communal)
    area: tuple[str, ...] = ()  # countries where the group mostly lives (ISO2), if few
    homeland: tuple[tuple[str, str], ...] = ()  # (ISO2, admin1) where all of it lives in a country


@dataclass(frozen=True, slots=True)
class NameForm:
    """How a named actor is coded from ``start`` on (None: from the beginning)."""

    start: date | None
    inter: int
    name: str | None = None  # a literal ACLED name, or
    forces: str | None = None  # a generic kind built with the actor's country and regime
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Membership:
    """A period, from ``start``, of a group's life in a coalition: ACLED codes its acts then as
    the coalition's, with the group as associated actor (``coalition_first``), or as the
    group's, with the coalition associated."""

    coalition: str  # actor key
    start: date
    coalition_first: bool


@dataclass(frozen=True, slots=True)
class NamedActor:
    key: str
    country: str | None
    forms: tuple[NameForm, ...]
    aliases: tuple[str, ...] = ()
    note: str = ""
    area: tuple[str, ...] = ()  # countries where the group operates (ISO2)
    member_of: tuple[Membership, ...] = ()  # in date order
    homeland: tuple[tuple[str, str], ...] = ()  # (ISO2, admin1) where it operates in a country

    def form_on(self, on: date | None) -> NameForm:
        if on is None:
            return self.forms[-1]
        started = [f for f in self.forms if f.start is None or f.start <= on]
        return started[-1] if started else self.forms[0]


def mapping_of(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DataError(f"{where}: expected a mapping, got {type(value).__name__}")
    return {str(k): v for k, v in value.items()}


def _text(value: Any, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
        raise DataError(f"{where}: expected a non-empty string, got {value!r}")
    return str(value).strip()


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise DataError(f"{where}: expected a list, got {type(value).__name__}")
    return tuple(dict.fromkeys(_text(v, f"{where}[{i}]") for i, v in enumerate(value)))


def _memberships(value: Any, where: str) -> tuple[Membership, ...]:
    """``member_of``: one period ({actor, from, coded_as}) or a list of them in date order
    (ACLED changed how it codes a coalition's member)."""
    if value is None:
        return ()
    periods = value if isinstance(value, list) else [value]
    out = []
    for n, period in enumerate(periods):
        here = f"{where}[{n}]" if isinstance(value, list) else where
        member = mapping_of(period, here)
        coded_as = member.get("coded_as")
        if coded_as not in ("coalition", "member"):
            raise DataError(f"{here}.coded_as: want 'coalition' or 'member'")
        out.append(
            Membership(
                _text(member.get("actor"), f"{here}.actor"),
                _day(member.get("from"), f"{here}.from"),
                coded_as == "coalition",
            )
        )
    if [m.start for m in out] != sorted(m.start for m in out):
        raise DataError(f"{where}: periods must be in date order")
    return tuple(out)


def _day(value: Any, where: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DataError(f"{where}: expected a YYYY-MM-DD date, got {value!r}") from None


def _inter(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 8:
        raise DataError(f"{where}: inter code must be an integer 1-8, got {value!r}")
    return value


def parse_country(iso2: str, raw: Any) -> Country:
    where = f"countries.{iso2}"
    if not re.fullmatch(r"[A-Z]{2}", iso2):
        raise DataError(f"{where}: country keys must be ISO2 codes")
    data = mapping_of(raw, where)
    name = _text(data.get("name"), f"{where}.name")
    demonyms = mapping_of(data.get("demonyms") or {}, f"{where}.demonyms")
    forms = [f for lang in ("en", "fr") for f in _texts(demonyms.get(lang), f"{where}.{lang}")]
    regimes = tuple(
        Regime(
            _day(r.get("start"), f"{where}.regimes"),
            _text(r.get("label"), f"{where}.regimes"),
            _text(r["unit"], f"{where}.regimes.unit") if "unit" in r else "",
        )
        for r in (mapping_of(x, f"{where}.regimes") for x in data.get("regimes") or [])
    )
    if [r.start for r in regimes] != sorted(r.start for r in regimes):
        raise DataError(f"{where}.regimes: periods must be in date order")
    forces = {
        kind: _texts(terms, f"{where}.forces.{kind}")
        for kind, terms in mapping_of(data.get("forces") or {}, f"{where}.forces").items()
    }
    return Country(
        iso2=iso2,
        name=name,
        state=_text(data.get("state", name), f"{where}.state"),
        aka=_texts(data.get("aka"), f"{where}.aka"),
        demonyms=tuple(dict.fromkeys(x for f in forms for x in expand_forms(f))),
        regimes=regimes,
        forces=forces,
    )


def parse_kind(key: str, raw: Any) -> Kind:
    where = f"kinds.{key}"
    data = mapping_of(raw, where)
    cues = mapping_of(data.get("cues") or {}, f"{where}.cues")
    return Kind(
        key=key,
        template=_text(data.get("template"), f"{where}.template"),
        inter=_inter(data.get("inter"), f"{where}.inter"),
        cues=tuple(c.lower() for lang in ("en", "fr") for c in _texts(cues.get(lang), where)),
        without_group=_optional_text(data.get("without_group"), f"{where}.without_group"),
    )


def _optional_text(value: Any, where: str) -> str | None:
    return None if value is None else _text(value, where)


def parse_ethnic(name: str, raw: Any) -> EthnicGroup:
    data = mapping_of(raw, f"ethnic_groups.{name}")
    return EthnicGroup(
        name=name,
        aliases=_texts(data.get("aliases"), f"ethnic_groups.{name}.aliases"),
        militia=_optional_text(data.get("militia"), f"ethnic_groups.{name}.militia"),
        area=tuple(_text(c, f"ethnic_groups.{name}.area") for c in data.get("area") or []),
        homeland=_homeland(data.get("homeland"), f"ethnic_groups.{name}.homeland"),
    )


def _parse_form(data: dict[str, Any], where: str, start: date | None, inter: int) -> NameForm:
    name, forces = data.get("name"), data.get("forces")
    if (name is None) == (forces is None):
        raise DataError(f"{where}: give exactly one of 'name' or 'forces'")
    return NameForm(
        start=start,
        inter=_inter(data.get("inter", inter), f"{where}.inter"),
        name=None if name is None else _text(name, f"{where}.name"),
        forces=None if forces is None else _text(forces, f"{where}.forces"),
        unit="" if data.get("unit") is None else _text(data["unit"], f"{where}.unit"),
    )


def parse_actor(key: str, raw: Any) -> NamedActor:
    where = f"actors.{key}"
    data = mapping_of(raw, where)
    base = _parse_form(data, where, None, _inter(data.get("inter"), f"{where}.inter"))
    later = [
        _parse_form(entry, f"{where}.names", _day(entry.get("from"), f"{where}.names"), base.inter)
        for entry in (mapping_of(x, f"{where}.names") for x in data.get("names") or [])
    ]
    if [f.start for f in later] != sorted(f.start for f in later if f.start is not None):
        raise DataError(f"{where}.names: entries must be in date order")
    country = data.get("country")
    membership = _memberships(data.get("member_of"), f"{where}.member_of")
    aliases = list(_texts(data.get("aliases"), f"{where}.aliases"))
    for form in (base, *later):
        aliases.extend(_derived_aliases(form.name, acronym=data.get("acronym", True) is not False))
    return NamedActor(
        key=key,
        country=None if country is None else _text(country, f"{where}.country"),
        forms=(base, *later),
        aliases=tuple(dict.fromkeys(aliases)),
        note=str(data.get("note") or ""),
        area=tuple(_text(c, f"{where}.area") for c in data.get("area") or []),
        member_of=membership,
        homeland=_homeland(data.get("homeland"), f"{where}.homeland"),
    )


def _homeland(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    """``{ISO2: admin1}``: the one first-level area where a group lives or operates."""
    return tuple(
        (_text(c, where), _text(r, where)) for c, r in mapping_of(value or {}, where).items()
    )


def _derived_aliases(name: str | None, *, acronym: bool) -> list[str]:
    """A literal ACLED name is an alias; so are both halves of ``"ACRONYM: Long name"``."""
    if name is None:
        return []
    out = [name]
    head, sep, tail = name.partition(": ")
    if sep:
        out.append(tail)
        if acronym and len(head) >= 3:
            out.append(head)
    return out


def section(data: dict[str, Any], key: str) -> dict[str, Any]:
    if key not in data:
        raise DataError(f"missing top-level section {key!r}")
    return mapping_of(data[key], key)


def unique_index(pairs: Iterable[tuple[str, str]], what: str) -> dict[str, str]:
    """Folded text -> target; the same text may not lead to two targets."""
    index: dict[str, str] = {}
    for text, target in pairs:
        key = fold(text)
        if not key:
            raise DataError(f"{what}: empty text for {target!r}")
        if index.setdefault(key, target) != target:
            raise DataError(f"{what}: {text!r} is claimed by {index[key]!r} and {target!r}")
    return index


def parse_regional(raw: Any, actors: Mapping[str, Any]) -> list[tuple[str, str, frozenset[str]]]:
    """``regional_aliases``: [{actor: key, countries: [ISO2...], aliases: [...]}]."""
    if not isinstance(raw, list):
        raise DataError("regional_aliases must be a list")
    out: list[tuple[str, str, frozenset[str]]] = []
    for n, item in enumerate(raw):
        if not isinstance(item, dict) or item.get("actor") not in actors:
            raise DataError(f"regional_aliases[{n}] must name a known actor")
        countries = frozenset(str(c) for c in item.get("countries") or [])
        for alias in item.get("aliases") or []:
            out.append((str(alias), str(item["actor"]), countries))
    return out
