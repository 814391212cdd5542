"""Actor phrases in a parsed sentence, each with its side.

Named groups come from the actor dictionary's aliases (a PhraseMatcher), generic ones from its
cue words ("Malian soldiers", "gunmen", "villagers"); ``extract.sides`` reads from the parse
who acts and who is acted upon.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from fieldreport.extract.sides import Side, side_of
from fieldreport.model import ActorRef
from fieldreport.resolve.actors import ActorDictionary

# what a foreign country's demonym names when it names its forces ("a French helicopter")
_FORCE_NOUNS = {
    "soldier",
    "troop",
    "force",
    "army",
    "military",
    "helicopter",
    "aircraft",
    "jet",
    "drone",
    "airstrike",
    "commando",
    "convoy",
    "patrol",
    "vehicle",
    "unit",
    "contingent",
    "peacekeeper",
    "paratrooper",
    "legionnaire",
    "mercenary",
    "instructor",
}
# people and things abroad: the demonym before them says whose they are, not where it happened
# ("two soldiers of the Belgian contingent", "a Chinese company", "Guinean nationals")
ABROAD_NOUNS = {
    "peacekeeper",
    "contingent",
    "company",
    "firm",
    "embassy",
    "consulate",
    "ambassador",
    "national",
    "expatriate",
    "tourist",
    "owned",
}
# where a people lives: "the Dogon village of Kera", "a Fulani hamlet", "Tuareg camps"
_HOMES = {"village", "hamlet", "camp", "settlement", "neighbourhood", "neighborhood", "quarter"}
# people named by their people: "the Fulani village chief", "a Tuareg notable"
_MEMBERS = {
    "chief",
    "leader",
    "notable",
    "man",
    "woman",
    "men",
    "women",
    "herder",
    "herders",
    "farmer",
    "farmers",
    "civilian",
    "civilians",
    "trader",
    "traders",
    "elder",
    "elders",
    "imam",
    "marabout",
    "youth",
    "youths",
    "boy",
    "girl",
    "child",
    "children",
    "family",
    "families",
    "member",
    "members",
    "individual",
    "individuals",
    "people",
    "person",
}


def _a_peoples_own(tok: Token) -> bool:
    """An ethnic name that says whose place or people were hit: "the Dogon village of X",
    "the Fulani village chief", "killed six Fulani", "the Tuareg and Fulani communities"."""
    head = tok.head.lemma_.lower()
    if tok.dep_ in {"amod", "compound"}:
        return head in _HOMES or head in _MEMBERS
    if tok.dep_ in {"dobj", "obj", "nsubjpass"}:
        return True  # "killed six Fulani", "two Fulani were abducted"
    if tok.dep_ == "conj":
        return _a_peoples_own(tok.head) if tok.head.i != tok.i else False
    return False


# those who serve a force without being its men
_NOT_MEMBERS = {"informer", "informant", "collaborator", "spy", "contractor"}
# words before "hunters" that make them a brotherhood's, not a trade's
_HUNTERS_OWN = {"traditional", "local", "armed", "dozo", "donso", "village", "customary",
                "suspected", "presumed", "alleged", "unidentified", "unknown", "several", "many",
                "other"}  # fmt: skip
# cue words that name an actor only with a country: "Malian forces", not "Patriotic Forces"
# words that are a state's forces only with its people's name: "Russian missiles", not "missiles"
NEEDS_COUNTRY = {
    "forces",
    "drones",
    "drone",
    "aircraft",
    "jets",
    "missiles",
    "missile",
    "bombers",
    "artillery",
}
# words for a named group's men, or for unnamed ones ("gang members": Viv Ansanm's, when the
# text names it; else ACLED's Unidentified Armed Group)
COREF_WORDS = ["rebels", "rebel", "separatists", "insurgents", "fighters", "rebel fighters",
               "gang members", "gang member", "gangsters", "gangster", "armed gangs",
               "armed gang", "gangs", "a gang"]  # fmt: skip
JIHADIST = re.compile(
    r"islam|qaeda|qaida|jnim|shabaab|boko|ansar|katiba|jihad|taliban|macina|"
    r"mourabitoun|aqim|iswap|isis|daesh|al-nusra|hts",
    re.IGNORECASE,
)


def _is_acronym(alias: str) -> bool:
    """A short acronym (BLA, MSA) is matched only in capitals, for "Bla" is a town; longer
    ones match in any case, as writers spell them ("ISGs", "Gatia")."""
    letters = sum(c.isalpha() for c in alias)
    return " " not in alias and alias.upper() == alias and 2 <= letters <= 3


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An actor phrase: a named group (``ref`` set) or a generic kind to resolve later."""

    start: int  # character offsets in the article text
    end: int
    token: int  # index of the phrase's root token
    ref: ActorRef | None = None  # named actor
    kind: str = ""  # generic kind ("military", "civilians", ...) when not named
    country: str | None = None  # ISO2 read from the phrase ("Malian", "Mali's")
    group: str | None = None  # ethnic group for identity militias
    side: Side = "none"
    alias: str = ""  # the words matched

    @property
    def text_key(self) -> str:
        return self.ref.name if self.ref else f"{self.kind}:{self.country or ''}:{self.group or ''}"


class ActorFinder:
    """Finds actor phrases in a Doc; built once per pipeline from the actor dictionary."""

    def __init__(self, nlp: Language, actors: ActorDictionary) -> None:
        self.actors = actors
        # names match in any case; short acronyms only in capitals: "Segou-Bla" is no "BLA"
        self._names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.generic = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_key: dict[str, list[str]] = {}
        for alias, key in actors.named_aliases():
            by_key.setdefault(key, []).append(alias)
        for key, aliases in by_key.items():
            words = [a for a in aliases if not _is_acronym(a)]
            acronyms = [a for a in aliases if _is_acronym(a)]
            if words:
                self._names.add(key, [nlp.make_doc(a) for a in words])
            if acronyms:
                self._acronyms.add(key, [nlp.make_doc(a) for a in acronyms])
        for kind, words in actors.cue_words().items():
            self.generic.add(kind, [nlp.make_doc(w) for w in words])
        self.generic.add("coref", [nlp.make_doc(w) for w in COREF_WORDS])
        self.regional = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.regional_countries: dict[str, frozenset[str]] = {}
        for n, (alias, key, countries) in enumerate(actors.regional_aliases()):
            label = f"{key}|{n}"
            self.regional.add(label, [nlp.make_doc(alias)])
            self.regional_countries[label] = countries

    def named(self, doc: Doc | Span) -> list[tuple[int, int, int]]:
        """Named actors' matches (match id, start, end), in the order of the text."""
        return sorted(
            [*self._names(doc), *self._acronyms(doc)],
            key=lambda m: (m[1], -m[2]),
        )

    def foreign_force_tokens(self, doc: Doc) -> set[int]:
        """Tokens of foreign forces' names ("French forces", "Barkhane"), and their home
        country's demonym elsewhere ("French aircraft"): they say who fights, not where."""
        out: set[int] = set()
        homes: set[str] = set()
        for match_id, start, end in self.named(doc):
            key = doc.vocab.strings[match_id]
            if self.actors.is_external(key):
                out.update(range(start, end))
                homes.update(self.actors.home(key))
        if homes:
            out.update(t.i for t in doc if self.actors.country_of_demonym(t.text) in homes)
        abroad = self.actors.external_homes()
        out.update(  # "a French soldier", "a French helicopter": a foreign force, unnamed
            t.i
            for t in doc
            if t.head.lemma_.lower() in _FORCE_NOUNS
            and t.head.i > t.i
            and self.actors.country_of_demonym(t.text) in abroad
        )
        out.update(
            t.i
            for t in doc
            if t.head.lemma_.lower() in ABROAD_NOUNS
            and t.i < t.head.i <= t.i + 3
            and self.actors.country_of_demonym(t.text)
        )
        return out

    def countries_of_named(self, doc: Doc) -> list[str]:
        """Where the named groups of a text operate and where its named peoples live ("Dogon":
        Mali). A country weighs each mention of a group operating there (or a people living
        there) divided by the number of countries it is found in: a one-country militia
        (Koglweogo: Burkina Faso) or people (the Foulse) outweighs a group of five countries
        (JNIM, home Mali); ties keep the most mentioned group's order, its home first, then
        the peoples'."""
        keys: dict[str, int] = {}
        for match_id, _, _ in self.named(doc):
            key = doc.vocab.strings[match_id]
            keys[key] = keys.get(key, 0) + 1
        areas = [(self.actors.area(key), n) for key, n in sorted(keys.items(), key=lambda k: -k[1])]
        for tok in doc:
            group = self.actors.ethnic_group(tok.text) if tok.text[:1].isupper() else None
            if group:
                areas.append((self.actors.ethnic_area(group), 1))
        weight: dict[str, float] = {}
        for area, mentions in areas:
            for country in area:
                weight[country] = weight.get(country, 0.0) + mentions / len(area)
        return sorted(weight, key=lambda c: -weight[c])  # stable: ties in first-seen order

    def find(
        self, doc: Doc, sent: Span, on: dt.date | None, countries: Sequence[str] = ()
    ) -> list[ActorHit]:
        """Actor phrases in one sentence, longest first where they overlap, with sides."""
        hits: list[ActorHit] = []
        for match_id, start, end in self.regional(doc[sent.start : sent.end]):
            label = doc.vocab.strings[match_id]
            if set(countries[:2]) & self.regional_countries[label]:
                span = doc[start:end]
                ref = self.actors.named(label.split("|")[0], on=on, alias=span.text)
                hits.append(
                    ActorHit(span.start_char, span.end_char, span.root.i, ref=ref, alias=span.text)
                )
        for match_id, start, end in self.named(doc[sent.start : sent.end]):
            span = doc[start:end]
            key = doc.vocab.strings[match_id]
            ref = self.actors.named(key, on=on, alias=span.text)
            hits.append(
                ActorHit(span.start_char, span.end_char, span.root.i, ref=ref, alias=span.text)
            )
        for match_id, start, end in self.generic(doc[sent.start : sent.end]):
            span = doc[start:end]
            kind = doc.vocab.strings[match_id]
            hits.extend(self._generic_hits(span, kind))
        hits.extend(self._fighting_communities(sent, hits))
        peoples = self._peoples_places(sent, hits)
        merged = _either(_longest([*hits, *peoples]), doc, sent)
        sided = [_with_side(hit, doc) for hit in merged]
        # a people named as the victims' is kept as that, not as a party to anything else
        # ("members of the Arab community protested" names protesters, not an ethnic actor)
        named_as_victims = {(h.start, h.end) for h in peoples}
        return [
            h
            for h in sided
            if (h.start, h.end) not in named_as_victims or h.side not in {"attacker", "claimant"}
        ]

    def _fighting_communities(self, sent: Span, hits: list[ActorHit]) -> list[ActorHit]:
        """Communities named by themselves as the ones who fight: "Bambara and Fulani clashed",
        "clashes between Arab and Songhai youth", "violence between Dogon and Fulani" are the
        groups' militias."""
        taken = [(h.start, h.end) for h in hits]
        out: list[ActorHit] = []
        for n, hit in enumerate(hits):  # "Gourmantche farmers and Fulani herders clashed"
            tok = sent.doc[hit.token]
            if (
                hit.group
                and hit.kind in _COMMUNITY_KINDS
                and (
                    _fights(tok) or side_of(tok) == "attacker"  # "Fulani herdsmen raided a village"
                )
            ):
                kind = self.actors.ethnic_militia_kind(hit.group)
                hits[n] = dataclasses.replace(hit, kind=kind)
        for tok in sent:
            group = self.actors.ethnic_group(tok.text) if tok.text[:1].isupper() else None
            if group is None or any(a <= tok.idx < b for a, b in taken):
                continue
            if not _fights(tok):
                continue
            militia = self.actors.ethnic_militia_kind(group)
            out.append(
                ActorHit(
                    tok.idx, tok.idx + len(tok), tok.i, kind=militia, group=group, alias=tok.text
                )
            )
        return out

    def _peoples_places(self, sent: Span, hits: list[ActorHit]) -> list[ActorHit]:
        """ "attacked the Dogon village of Kera": the people whose village, hamlet or camp was
        hit, an associated actor of the civilians (ACLED's ethnic descriptor)."""
        taken = [(h.start, h.end) for h in hits]
        out: list[ActorHit] = []
        for tok in sent:
            if not tok.text[:1].isupper() or any(a <= tok.idx < b for a, b in taken):
                continue
            if not _a_peoples_own(tok):
                continue
            group = self.actors.ethnic_group(tok.text)
            if group is not None:
                out.append(
                    ActorHit(
                        tok.idx,
                        tok.idx + len(tok),
                        tok.head.i,
                        kind="ethnic_group",
                        group=group,
                        alias=tok.text,
                    )
                )
        return out

    def _generic_hits(self, span: Span, kind: str) -> list[ActorHit]:
        """One generic actor phrase, or two for two groups' or countries' men ("Fulani and Dozo
        militiamen clashed", "French and Malian forces": each its own actor, the first named
        by its own word). A bare word that needs a country ("forces") without one is none."""
        hit = self._generic_hit(span, kind)
        if span.text.lower() in NEEDS_COUNTRY and hit.country is None:
            return []
        if span.root.dep_ == "compound" and span.root.head.lemma_.lower() in _NOT_MEMBERS:
            return []  # "a police informer", "army collaborators": not the force's own men
        if span.root.lemma_.lower() == "hunter" and any(
            c.dep_ in ("compound", "amod", "nmod")
            and c.text.islower()
            and c.lower_ not in _HUNTERS_OWN
            for c in span.root.lefts
        ):
            return []  # "truffle hunters", "gold hunters": a trade, not a hunters' brotherhood
        doc = span.doc
        if (
            kind == "government"
            and span.text[:1].isupper()
            and span.end < len(doc)
            and doc[span.end].lower_ in ("de", "del", "des", "du", "da")
        ):
            return []  # "Junta de Acción Comunal": a body's proper name, not the government
        if hit.group is None and hit.country is None:
            return [hit]
        for tok in span.root.lefts:
            for attr, of in (("group", self.actors.ethnic_group), ("country", self._demonym)):
                mine = getattr(hit, attr)
                if mine is None or of(tok.text) != mine:
                    continue
                other = next(
                    (
                        c
                        for c in tok.children
                        if c.dep_ == "conj" and c.i < span.root.i and of(c.text) not in (None, mine)
                    ),
                    None,
                )
                if other is not None:
                    first = dataclasses.replace(
                        hit, start=tok.idx, end=tok.idx + len(tok), alias=tok.text
                    )
                    rest = dataclasses.replace(hit, start=other.idx)
                    if attr == "group":
                        rest = dataclasses.replace(rest, group=of(other.text))
                    else:
                        rest = dataclasses.replace(rest, country=of(other.text))
                    return [first, rest]
        return [hit]

    def _demonym(self, word: str) -> str | None:
        return self.actors.country_of_demonym(word)

    def _generic_hit(self, span: Span, kind: str) -> ActorHit:
        country, group = None, None
        head = span.root
        # "Ukrainian air defence units": the words before the noun the phrase qualifies
        whole = head.head if head.dep_ == "compound" and head.head.i > head.i else head
        for tok in [*head.lefts, *span, *(t for t in whole.lefts if t.i < span.start)]:
            word = tok.text.strip("'’s")
            country = (
                country
                or self.actors.country_of_demonym(word)
                or (
                    self.actors.country_of_name(word) or self.actors.cue_country(word)  # "FARDC"
                    if tok.dep_ in {"poss", "compound"} or tok.tag_ == "NNP"
                    else None
                )
            )
            group = group or self.actors.ethnic_group(word)
        for child in head.children:  # "the army of Mali"
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    country = country or self.actors.country_of_name(obj.text)
        start = min(
            [
                span.start_char,
                *(
                    t.idx
                    for t in head.lefts
                    if t.dep_ in {"amod", "compound"}
                    and t.i >= span.start - 3
                    and t.i >= span.sent.start
                ),
            ]
        )
        if kind == "civilians" and any(
            c.dep_ == "amod" and c.lower_ in {"armed", "heavily-armed"} for c in head.children
        ):
            kind = "communal_militia"  # "armed villagers": a communal militia, unnamed
        return ActorHit(
            start, span.end_char, head.i, kind=kind, country=country, group=group, alias=span.text
        )


_FIGHT_LEMMAS = {"clash", "fight", "battle", "attack", "kill"}
_FIGHT_NOUNS = {"clash", "clashes", "fighting", "violence", "confrontation", "confrontations"}
_EXCHANGED = {"fire", "gunfire", "shots"}  # "an exchange of fire with"


# descriptors of a community's people who, when they are the ones fighting, are its militia
_COMMUNITY_KINDS = {"farmers", "pastoralists", "civilians", "men", "ethnic_group"}


def _fights(tok: Token) -> bool:
    """A community word that is the subject of a fight ("Bambara and Fulani clashed", "members
    of the Gourmantche and Fulani communities clashed") or one of the sides "between" which it
    happened ("violence between Dogon and Fulani")."""
    for _ in range(4):
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ in {"amod", "compound", "nmod"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            tok = tok.head  # "Songhai youth"
        elif (
            tok.dep_ == "pobj"
            and tok.head.lower_ in {"of", "from"}
            and tok.head.head.pos_ == "NOUN"
        ):
            tok = tok.head.head  # "members of the X community"
        else:
            break
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_.lower() in _FIGHT_LEMMAS and head.pos_ == "VERB":
        return True
    if tok.dep_ == "pobj" and head.lower_ == "with":  # "exchanged gunfire with Dogon villagers"
        gov = head.head
        return gov.lemma_.lower() in _FIGHT_LEMMAS | {"exchange"} or gov.lower_ in _EXCHANGED
    return tok.dep_ == "pobj" and head.lower_ == "between" and head.head.lower_ in _FIGHT_NOUNS


_EITHER = re.compile(r"^\s*(?:or|and/or|et/ou|ou)\s*$", re.IGNORECASE)


def _either(hits: list[ActorHit], doc: Doc, sent: Span) -> list[ActorHit]:
    """'JNIM or ISGS militants': ACLED's composite "A and/or B" when the text cannot tell."""
    out: list[ActorHit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.ref is not None
            and hit.ref is not None
            and prev.ref.name != hit.ref.name
            and _EITHER.match(_between(doc, sent, prev.end, hit.start))
        ):
            ref = ActorRef(
                f"{prev.ref.name} and/or {hit.ref.name}",
                prev.ref.inter,
                prev.ref.country,
                _between(doc, sent, prev.start, hit.end),
            )
            out[-1] = ActorHit(prev.start, hit.end, hit.token, ref=ref, alias=ref.alias)
            continue
        mixed = _mixed_either(out, hit, doc, sent)
        if mixed is not None:
            out[-mixed[0] :] = [mixed[1]]
            continue
        out.append(hit)
    return out


_MILITIA_KINDS = {"ethnic_militia", "communal_militia", "islamist_militia"}


def _mixed_either(
    out: list[ActorHit], hit: ActorHit, doc: Doc, sent: Span
) -> tuple[int, ActorHit] | None:
    """'presumed JNIM militants or Fulani militiamen': a named group or a community's militia,
    the text cannot tell, is ACLED's Unidentified Armed Group. Returns how many of the last
    hits the one unidentified hit replaces."""
    if not out or hit.kind not in _MILITIA_KINDS or hit.group is None:
        return None
    prev, n = out[-1], 1
    if prev.kind == "unidentified" and len(out) >= 2 and 0 <= prev.start - out[-2].end <= 3:
        prev, n = out[-2], 2  # "JNIM militants": the name and its word for its men
    if (
        prev.ref is None
        or prev.ref.inter not in {2, 3}
        or not _EITHER.match(_between(doc, sent, out[-1].end, hit.start))
    ):
        return None
    alias = _between(doc, sent, prev.start, hit.end)
    return n, ActorHit(prev.start, hit.end, hit.token, kind="unidentified", alias=alias)


def _between(doc: Doc, sent: Span, start: int, end: int) -> str:
    """``doc.text[start:end]``, cut from the sentence's text when it lies inside the sentence.

    ``Doc.text`` joins every token of the document on each call: once per sentence made an
    article's actor search quadratic in its length. ``sent.text`` is
    ``doc.text[sent.start_char : sent.end_char]``, so the slice is the same.
    """
    if sent.start_char <= start <= end <= sent.end_char:
        return sent.text[start - sent.start_char : end - sent.start_char]
    return doc.text[start:end]


def _longest(hits: list[ActorHit]) -> list[ActorHit]:
    """Drop hits inside longer ones; a named group beats a generic phrase over the same words."""
    ordered = sorted(hits, key=lambda h: (h.ref is None, -(h.end - h.start), h.start))
    kept: list[ActorHit] = []
    for hit in ordered:
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _with_side(hit: ActorHit, doc: Doc) -> ActorHit:
    side = side_of(doc[hit.token])
    return ActorHit(
        hit.start, hit.end, hit.token, hit.ref, hit.kind, hit.country, hit.group, side, hit.alias
    )
