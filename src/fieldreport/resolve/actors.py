"""The actor dictionary: ACLED actor names, inter codes, countries, demonyms and cue words.

The data lives in ``fieldreport/data/actors.yaml`` (its layout is documented at the top of that
file; its records and their checks are ``resolve.actor_data``). :meth:`ActorDictionary.load`
reads and checks it once; every look-up after that is a dict access. Nothing is loaded at
import time: use :func:`default_dictionary` for the packaged data.

    >>> actors = default_dictionary()
    >>> actors.generic("military", "ML", on=date(2019, 5, 1)).name
    'Military Forces of Mali (2013-2020)'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml
from rapidfuzz import fuzz, process

from fieldreport.errors import DataError
from fieldreport.model import ActorRef
from fieldreport.resolve.actor_data import (
    Country,
    EthnicGroup,
    Kind,
    NamedActor,
    Regime,
    expand_forms,
    fold,
    mapping_of,
    parse_actor,
    parse_country,
    parse_ethnic,
    parse_kind,
    parse_regional,
    section,
    unique_index,
)

__all__ = ["ActorDictionary", "default_dictionary", "expand_forms", "fold"]

SCHEMA_VERSION = 1
FUZZY_THRESHOLD = 90.0  # rapidfuzz ratio (0-100) a transliteration variant must reach
FUZZY_MARGIN = 3.0  # a runner-up for another actor this close makes the match ambiguous
FUZZY_MIN_LENGTH = 8  # acronyms and short names are matched exactly or not at all
ETHNIC_MILITIA = "ethnic_militia"
COMMUNAL_MILITIA = "communal_militia"  # named after a place (ACLED), or a brotherhood (Dozo)
EXTERNAL_INTER = 8
BROAD_KINDS = frozenset({"civilians"})  # kinds whose cues yield to a more specific kind's


# --- reading the YAML: each helper names the place of the bad value ------------------------


class ActorDictionary:
    """Look-ups over the checked actor data; build it with :meth:`load`."""

    def __init__(
        self,
        countries: Mapping[str, Country],
        kinds: Mapping[str, Kind],
        ethnic_groups: Mapping[str, EthnicGroup],
        actors: Mapping[str, NamedActor],
    ) -> None:
        self._countries = dict(countries)
        self._kinds = dict(kinds)
        self._ethnic = dict(ethnic_groups)
        self._actors = dict(actors)
        self._homelands = {  # any ACLED name of a group -> {ISO2: admin1}
            form.name: dict(actor.homeland)
            for actor in self._actors.values()
            if actor.homeland
            for form in actor.forms
            if form.name is not None
        }
        self._check_references()
        self._alias_index = unique_index(self._alias_pairs(), "actor alias")
        self._force_index = unique_index(
            ((term, f"{kind}|{c.iso2}") for c in self._countries.values()
             for kind, terms in (c.forces or {}).items() for term in terms),
            "forces term",
        )  # fmt: skip
        self._demonyms = unique_index(
            ((d, c.iso2) for c in self._countries.values() for d in c.demonyms), "demonym"
        )
        self._demonym_map = dict(self._demonyms)  # see demonym_map()
        for c in self._countries.values():
            self._demonym_map.update((d.lower(), c.iso2) for d in c.demonyms)
        self._country_names = unique_index(
            ((n, c.iso2) for c in self._countries.values() for n in {c.name, c.state, *c.aka}),
            "country name",
        )
        self._ethnic_index = unique_index(
            ((a, g.name) for g in self._ethnic.values() for a in (g.name, *g.aliases)),
            "ethnic group",
        )
        self._fuzzy_keys = [k for k in self._alias_index if len(k) >= FUZZY_MIN_LENGTH]
        self._members = {
            f.name: a for a in self._actors.values() if a.member_of for f in a.forms if f.name
        }
        self._regional: list[tuple[str, str, frozenset[str]]] = []

    @classmethod
    def load(cls, path: Path | None = None) -> ActorDictionary:
        """Read and check the dictionary; the packaged YAML when ``path`` is None."""
        source = str(path) if path is not None else "fieldreport/data/actors.yaml"
        try:
            if path is None:
                text = (resources.files("fieldreport") / "data" / "actors.yaml").read_text("utf-8")
            else:
                text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise DataError(f"cannot read the actor dictionary: {err}", source=source) from err
        try:
            return cls.from_data(yaml.safe_load(text))
        except yaml.YAMLError as err:
            raise DataError(f"malformed YAML: {err}", source=source) from err
        except DataError as err:
            raise DataError(err.message, source=source) from err

    @classmethod
    def from_data(cls, raw: Any) -> ActorDictionary:
        """Build from the parsed YAML document; DataError names the first bad value."""
        data = mapping_of(raw, "document")
        if data.get("version") != SCHEMA_VERSION:
            raise DataError(f"unsupported version {data.get('version')!r}, want {SCHEMA_VERSION}")
        made = cls(
            countries={k: parse_country(k, v) for k, v in section(data, "countries").items()},
            kinds={k: parse_kind(k, v) for k, v in section(data, "kinds").items()},
            ethnic_groups={
                k: parse_ethnic(k, v) for k, v in section(data, "ethnic_groups").items()
            },
            actors={k: parse_actor(k, v) for k, v in section(data, "actors").items()},
        )
        made._regional = parse_regional(data.get("regional_aliases") or [], made._actors)
        return made

    def regional_aliases(self) -> list[tuple[str, str, frozenset[str]]]:
        """(alias, actor key, countries): names that mean a group only in some countries
        ("an al Qaeda affiliate" is JNIM in the Sahel, al Shabaab in Somalia)."""
        return list(self._regional)

    def _check_references(self) -> None:
        wanted: list[tuple[str, str | None]] = [
            (f"kinds.{k.key}.without_group", k.without_group) for k in self._kinds.values()
        ]
        wanted += [(f"ethnic_groups.{g.name}.militia", g.militia) for g in self._ethnic.values()]
        wanted += [(f"countries.{c.iso2}.forces", k) for c in self._countries.values()
                   for k in (c.forces or {})]  # fmt: skip
        wanted += [(f"actors.{a.key}", f.forces) for a in self._actors.values() for f in a.forms]
        for where, kind in wanted:
            if kind is not None and kind not in self._kinds:
                raise DataError(f"{where}: unknown kind {kind!r}")
        for actor in self._actors.values():
            for member in actor.member_of:
                if member.coalition not in self._actors:
                    raise DataError(
                        f"actors.{actor.key}.member_of.actor: unknown actor {member.coalition!r}"
                    )
            if actor.country is not None and actor.country not in self._countries:
                raise DataError(f"actors.{actor.key}.country: unknown country {actor.country!r}")
            if any(f.forces for f in actor.forms) and actor.country is None:
                raise DataError(f"actors.{actor.key}: 'forces' needs a country")

    def _alias_pairs(self) -> Iterable[tuple[str, str]]:
        return ((alias, a.key) for a in self._actors.values() for alias in a.aliases)

    # --- named actors -------------------------------------------------------------------------

    def named_aliases(self) -> list[tuple[str, str]]:
        """(alias text, actor key) for every alias of every named actor, ACLED names included."""
        return list(self._alias_pairs())

    def actor_keys(self) -> list[str]:
        return list(self._actors)

    def area(self, key: str) -> tuple[str, ...]:
        """Countries where a named group operates: its area as listed, main theatre first
        (the ADF: Congo, then Uganda, its home), else its home country. A foreign force's
        home is not where it fights (Barkhane: Mali, not France)."""
        actor = self._actors[key]
        if self.is_external(key) and actor.area:
            return actor.area
        home = (actor.country,) if actor.country else ()
        return tuple(dict.fromkeys(actor.area + home))

    def home(self, key: str) -> tuple[str, ...]:
        actor = self._actors[key]
        return (actor.country,) if actor.country else ()

    def external_homes(self) -> frozenset[str]:
        """The home countries of the foreign forces the dictionary knows (France, Russia...)."""
        return frozenset(
            actor.country
            for key, actor in self._actors.items()
            if actor.country and self.is_external(key)
        )

    def is_external(self, key: str) -> bool:
        """A foreign force or mission (inter 8) as it is coded now."""
        return self._actors[key].forms[-1].inter == EXTERNAL_INTER

    def named(self, key: str, *, on: date | None = None, alias: str = "") -> ActorRef:
        """The named actor as ACLED codes it on ``on`` (its latest coding when None)."""
        try:
            actor = self._actors[key]
        except KeyError:
            raise KeyError(f"unknown actor key {key!r}") from None
        form = actor.form_on(on)
        if form.name is not None:
            name = form.name
        else:
            assert form.forces is not None and actor.country is not None  # checked on load
            name = self.generic(form.forces, actor.country, on=on).name
        name = f"{name} {form.unit}" if form.unit else name
        return ActorRef(name=name, inter=form.inter, country=actor.country, alias=alias)

    def coalition(self, ref: ActorRef, on: date | None) -> tuple[ActorRef, bool] | None:
        """The coalition a group belonged to on ``on`` (now when None), and whether ACLED names
        the coalition first; None for a group in no coalition then."""
        actor = self._members.get(ref.name)
        if actor is None:
            return None
        periods = [m for m in actor.member_of if on is None or m.start <= on]
        if not periods:
            return None
        return self.named(periods[-1].coalition, on=on), periods[-1].coalition_first

    def lookup(self, text: str, *, on: date | None = None) -> ActorRef | None:
        """Exact alias (case/diacritic-insensitive), a country's forces term, then a strict
        fuzzy match for transliteration variants; None when nothing is close enough."""
        key = fold(text)
        for candidate in (key, key.removeprefix("the ")):
            if candidate in self._alias_index:
                return self.named(self._alias_index[candidate], on=on, alias=text)
            if candidate in self._force_index:
                kind, iso2 = self._force_index[candidate].split("|")
                return self.generic(kind, iso2, on=on, alias=text)
        actor_key = self._fuzzy(key)
        return None if actor_key is None else self.named(actor_key, on=on, alias=text)

    def _fuzzy(self, key: str) -> str | None:
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        hits = process.extract(
            key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, limit=5
        )
        if not hits:
            return None
        best = self._alias_index[hits[0][0]]
        rivals = [h for h in hits[1:] if self._alias_index[h[0]] != best]
        if rivals and rivals[0][1] >= hits[0][1] - FUZZY_MARGIN:
            return None  # two actors are about as close: refuse to guess
        return best

    # --- generic actors -----------------------------------------------------------------------

    def kinds(self) -> list[str]:
        return list(self._kinds)

    def generic(
        self,
        kind: str,
        country: str | None,
        *,
        on: date | None = None,
        alias: str = "",
        group: str | None = None,
    ) -> ActorRef:
        """A generic actor of ``country`` (ISO2): state forces get the regime of ``on``;
        militias and descriptors take ``group`` (an ethnic group, clan or place). With no
        country known, a non-state kind is named without one ("Unidentified Armed Group");
        a state's forces cannot be (ValueError)."""
        spec = self._kind(kind)
        if "{group}" in spec.template:
            if not group:
                if spec.without_group is None:
                    raise ValueError(f"kind {kind!r} needs a group")
                return self.generic(spec.without_group, country, on=on, alias=alias)
            canonical = self.ethnic_group(group)
            if canonical is not None:
                if kind in (ETHNIC_MILITIA, COMMUNAL_MILITIA):  # "a Dogon self-defence group"
                    spec = self._kind(self.ethnic_militia_kind(canonical))
                group = canonical
        if country is None:
            if "{state}" in spec.template or "{regime}" in spec.template:
                raise ValueError(f"kind {kind!r} needs a country")
            name = spec.template.replace(" ({country})", "").format(group=group or "")
            return ActorRef(name=name, inter=spec.inter, country=None, alias=alias)
        state = self._country(country)
        regime = state.regime_on(on)
        name = spec.template.format(
            country=state.name,
            state=state.state,
            regime=f" ({regime.label})" if regime else "",
            group=group or "",
        )
        if regime and regime.unit and "{regime}" in spec.template:
            name = f"{name} {regime.unit}"
        return ActorRef(name=name, inter=spec.inter, country=state.iso2, alias=alias)

    def kind_inter(self, kind: str) -> int:
        """The inter code of a generic kind's actors (1 for a state's military forces)."""
        return self._kind(kind).inter

    def _kind(self, kind: str) -> Kind:
        try:
            return self._kinds[kind]
        except KeyError:
            raise KeyError(f"unknown generic kind {kind!r}") from None

    def cue_words(self) -> dict[str, list[str]]:
        """Generic kind -> lower-case head words/phrases that signal it (forces terms included).
        A word that is also a more specific kind's cue ("farmers") signals only that kind; the
        caller codes such descriptors beside the main Civilians / Protesters actor."""
        cues: dict[str, list[str]] = {k: list(spec.cues) for k, spec in self._kinds.items()}
        for c in self._countries.values():
            for kind, terms in (c.forces or {}).items():
                cues[kind].extend(t.lower() for t in terms)
        specific = {w for k, words in cues.items() if k not in BROAD_KINDS for w in words}
        return {
            k: list(dict.fromkeys(w for w in words if k not in BROAD_KINDS or w not in specific))
            for k, words in cues.items()
        }

    def cue_country(self, word: str) -> str | None:
        """ISO2 of a country-specific forces term ("FAMa" -> "ML"), else None."""
        target = self._force_index.get(fold(word))
        return None if target is None else target.split("|")[1]

    # --- countries and groups -----------------------------------------------------------------

    def regimes(self, iso2: str) -> list[Regime]:
        return list(self._country(iso2).regimes)

    def country_of_demonym(self, word: str) -> str | None:
        return self._demonyms.get(fold(word))

    def demonyms(self) -> list[str]:
        """Every demonym form as written ("Malian", "maliennes", "burkinabè"), for patterns."""
        return [d for c in self._countries.values() for d in c.demonyms]

    def demonym_map(self) -> Mapping[str, str]:
        """Lower-case demonym -> ISO2, both as written and without diacritics.

        Built once with the dictionary (it was rebuilt for every article): read it, never
        change it.
        """
        return self._demonym_map

    def country_name(self, iso2: str) -> str:
        return self._country(iso2).name

    def country_names(self) -> dict[str, str]:
        """ISO2 -> ACLED's name of each country the dictionary knows."""
        return {c.iso2: c.name for c in self._countries.values()}

    def country_of_name(self, name: str) -> str | None:
        """ISO2 of a country name in ACLED, English or French spelling ("Ivory Coast")."""
        key = fold(name)
        if key in self._country_names:
            return self._country_names[key]
        if len(key) <= 3:
            return None  # never read a short word ("in", "us") as a country code
        try:
            found = pycountry.countries.lookup(name)
        except LookupError:
            return None
        return str(found.alpha_2)

    def ethnic_group(self, word: str) -> str | None:
        return self._ethnic_index.get(fold(word))

    def ethnic_militia_kind(self, name: str) -> str:
        """The generic kind of an ethnic group's fighters: its own (Dozo: communal militia) or
        an ethnic militia."""
        group = self._ethnic.get(name)
        return group.militia if group is not None and group.militia else ETHNIC_MILITIA

    def civilian_group(self, word: str) -> str | None:
        """The ethnic group a word names, unless the group is itself a militia (Dozo hunters):
        "a Fulani camp" is where people live, "a Dozo camp" is a militia's."""
        name = self.ethnic_group(word)
        return name if name is not None and self._ethnic[name].militia is None else None

    def ethnic_area(self, name: str) -> tuple[str, ...]:
        """Countries where an ethnic group (by its ACLED name) mostly lives; () if unknown."""
        group = self._ethnic.get(name)
        return group.area if group else ()

    def homeland(self, name: str, country: str) -> str | None:
        """The first-level area where all of an ethnic group lives in a country ("Dogon" in
        Mali: Mopti), if it has one."""
        group = self._ethnic.get(name)
        return dict(group.homeland).get(country) if group else None

    def actor_homeland(self, name: str, country: str) -> str | None:
        """The first-level area where a named group (by any of its ACLED names) operates in a
        country (Dan Na Ambassagou in Mali: Mopti), if it has one."""
        return self._homelands.get(name, {}).get(country)

    def _country(self, iso2: str) -> Country:
        code = iso2.upper()
        if code in self._countries:
            return self._countries[code]
        found = pycountry.countries.get(alpha_2=code)
        if found is None:
            raise KeyError(f"unknown country code {iso2!r}")
        name = str(getattr(found, "common_name", None) or found.name)
        return Country(iso2=code, name=name, state=name)


@functools.cache
def default_dictionary() -> ActorDictionary:
    """The packaged dictionary, loaded on first use and shared afterwards."""
    return ActorDictionary.load()
