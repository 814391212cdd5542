"""A parsed article -> the events it reports, as Mentions with claims and evidence.

Each body sentence is read once (``SentenceInfo``: cues, dates, places, actors, claims); sentences
about the same violence are grouped into one event (a new event starts where a sentence with its
own event cue names a date outside the current event's days or a town far from its place);
each group becomes a Mention (``build.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from fieldreport.extract.actors import ActorFinder, ActorHit
from fieldreport.extract.claims import RawClaim, find_claims, speaker_of
from fieldreport.extract.context import Dateline
from fieldreport.extract.places import TAKING_VERBS, PlaceHit, find_places
from fieldreport.extract.sides import REPORTING_LEMMAS, VIOLENT_LEMMAS, avenged
from fieldreport.extract.taxonomy import (
    ARMED_TARGET,
    CIVILIAN_TARGET,
    EVENTFUL,
    NOT_ARMED,
    VIOLENT,
    cues_in,
    without_grievances,
    without_past,
)
from fieldreport.model import DateInfo
from fieldreport.resolve.dates import find_date_expressions, resolve_date
from fieldreport.resolve.places import Gazetteer, km

_SAME_DAY = re.compile(
    r"^(on )?(the same (day|night|evening|morning)|that (day|night|evening|morning)|"
    r"le même jour)$",
    re.I,
)
_SPORTS = re.compile(
    r"\b(football|soccer|basketball|striker|goalkeeper|midfielder|semi-?finals?|quarter-?finals?|"
    r"league|tournament|championship|penalty|scored|the pitch|the match|kick-?off|half-?time|"
    r"the referee|coach(ed)?|stadium|cup final|the club|goals?|header|whistle|fans)\b",
    re.I,
)


def is_sports(text: str) -> bool:
    return len(_SPORTS.findall(text)) >= 3


def _sporting(sentence: str) -> bool:
    """A sentence about a match ("the striker shot and scored"), not one that names a league
    or a football team in passing ("abducted a football team", "the Consumers League")."""
    return len(_SPORTS.findall(sentence)) >= 2


# a year, not a count: "in 2012", not "2000 people demonstrated"
_YEAR = re.compile(
    r"\b(1[89]\d\d|20\d\d)\b(?!\s+(?!and\b|to\b|when\b|after\b|before\b|until\b|during\b|"
    r"in\b|at\b|on\b|by\b|for\b|or\b|with\b|as\b|that\b|which\b|was\b|were\b)[a-z])"
)
# a sentence that names who did it: "the device was planted by X", "X claimed the attack"
BLAME = re.compile(
    r"\b((planted|laid|placed|set|carried out|perpetrated|committed|conducted|claimed) by|claimed "
    r"(responsibility|the (attack|ambush|assault|killing|explosion|blast|abduction|kidnapping)s?"
    r"|it)|responsibility (for|was claimed)|attribut\w+ (\w+ ){0,3}to|blam(ed|es|ing)\b|"
    r"accus(ed|es|ing) (\w+ ){1,4}of (the )?(attack|ambush|assault|killing|massacre|abduct)|"
    r"-(planted|laid|placed)\b|who (planted|laid|placed)\b|(suspected|believed|"
    r"thought|said) to (be|have been) behind|behind the (attack|ambush|assault|blast|explosion)|"
    r"(perpetrators?|attackers?|assailants?|culprits?|killers?) (are|were|is|was) (alleged|"
    r"believed|suspected|said|thought|speculated|reported) to (be|have been))",
    re.I,
)
_STATEMENT_VERBS = {
    "condemn",
    "denounce",
    "deplore",
    "publish",
    "release",
    "issue",
    "declare",
    "broadcast",
    "confirm",
    "claim",
}
_ANAPHORA = re.compile(
    r"\b(the|this|that|these|those|its|their|[A-Z][a-z]+day's|yesterday's|last week's) "
    r"(deadly |latest |same |twin |\w+ )?(attacks?|ambush|assault|raid|killings?|massacre|"
    r"explosion|blast|incident|violence|clash(es)?|fighting|abductions?|kidnappings?)\b",
    re.I,
)
# a running total or a record, not one event: "More than 500 people have been killed in the
# unrest", "have been abducted since protests erupted in October", "in recent weeks"
CUMULATIVE = re.compile(
    r"\b(have|has) (now )?(been )?(killed|died|abducted|kidnapped|arrested|detained|wounded|"
    r"displaced|disappeared)\b[^.;]{0,80}?\b(since|so far|this year|to date|in the (unrest|"
    r"conflict|war|violence|fighting|protests|crackdown|insurgency)|over the (past|last))\b|"
    r"\b(since|so far this year)\b[^.;]{0,80}?\b(have|has) (now )?been (killed|abducted|"
    r"kidnapped|arrested|detained)\b|"
    r"\b(have|has) (suffered|seen|witnessed|experienced|recorded|faced) ([\w-]+ ){0,3}(attacks|"
    r"killings|violence|clashes|raids|bombings|kidnappings|abductions)\b|"
    # "have detained dozens of activists in recent weeks", "attacks ... in recent years"
    r"\bin (recent|the past|the last) (few )?(days|weeks|months|years)\b",
    re.I,
)


# an earlier incident the article recalls, or another one it adds: an event of its own
_EARLIER = re.compile(
    r"\b(earlier (this|that|in the) (month|week|year)|(a|one|two|three|four|several|a few) "
    r"(days?|weeks?|months?) (ago|earlier|before|after)|in (a|an|another) (separate|earlier|"
    r"previous|similar|unrelated) (attack|incident|strike|raid|ambush|clash|development)|"
    r"^\s*(last|earlier this) (year|month|week))\b",  # "Last year, authorities found ..."
    re.I,
)
_BRACKET_AFTER = re.compile(r"\s*\(([^()]*)\)")
_REPORT_NOUNS = {
    "statement",
    "communique",
    "communiqué",
    "video",
    "message",
    "post",
    "report",
    "interview",
    "press",
    "conference",
    "briefing",
    "tweet",
}


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    info: DateInfo | None  # None for "the same day": resolved from the event
    same_day: bool = False
    report: bool = False  # when it was said ("said on Monday"), not when it happened


@dataclass(slots=True)
class SentenceInfo:
    span: Span
    cues: dict[str, list[tuple[int, int]]]
    dates: list[DateHit]
    places: list[PlaceHit]
    actors: list[ActorHit]
    claims: list[RawClaim]
    background: bool
    speaker: tuple[int, int, int] | None = None  # subject of the sentence's reporting verb
    targets: frozenset[str] = frozenset()  # "armed" / "civilian": what the violence hit

    @property
    def eventful(self) -> bool:
        """Violence or another event's cue; or people hurt by someone ("gunmen wounded two
        herders": no killing or attack word, yet an attack)."""
        if set(self.cues) & EVENTFUL:
            return True
        return "harm" in self.cues and any(h.side == "attacker" for h in self.actors)

    @property
    def violent(self) -> bool:
        return bool(set(self.cues) & VIOLENT)


@dataclass(slots=True)
class EventGroup:
    sentences: list[SentenceInfo] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None
    town: PlaceHit | None = None
    exact: bool = False  # a day-precision date is among its dates

    def add(self, info: SentenceInfo, same_day: dt.date | None = None) -> None:
        self.sentences.append(info)
        for hit in info.dates:
            day = hit.info
            if day is None or hit.report:
                continue
            if self.exact and day.precision > 1:
                continue  # "since the president's resignation in April": once the event has its
                # day, a month another clause names does not widen it
            if day.precision == 1 and not self.exact and self.sentences[:-1]:
                self.first = self.last = None  # the day itself, not the months named before it
            self.exact = self.exact or day.precision == 1
            self.first = min(self.first or day.first, day.first)
            self.last = max(self.last or day.last, day.last)
        if self.town is None:
            self.town = next((p for p in info.places if p.entry.kind == "town"), None)

    def date_fits(self, day: DateInfo) -> bool:
        if self.first is None or self.last is None:
            return True
        one = dt.timedelta(days=1)
        return day.first <= self.last + one and day.last >= self.first - one

    def place_fits(self, place: PlaceHit) -> bool:
        if self.town is None or place.entry.kind != "town":
            return True
        return km(self.town.entry.lat, self.town.entry.lon, place.entry.lat, place.entry.lon) <= 50


@dataclass(frozen=True, slots=True)
class ArticleContext:
    text: str
    published: dt.date | None
    countries: list[str]
    dateline: Dateline | None
    body_start: int
    named_countries: tuple[str, ...] = ()  # countries the text itself names
    sports: bool = False  # a sports report: "shot", "attacked", "killed off" are not violence
    ents: Sequence[Span] | None = None  # doc.ents, found once (None: each sentence's own)


def read_sentence(
    doc: Doc,
    sent: Span,
    ctx: ArticleContext,
    finder: ActorFinder,
    gazetteer: Gazetteer,
    earlier: Sequence[str] = (),
) -> SentenceInfo:
    """Everything one sentence says that an event record may need. ``earlier``: the countries
    of the places earlier sentences named, for a text that names no country."""
    text = sent.text
    skip = (ctx.dateline.start, ctx.dateline.end) if ctx.dateline else None
    dates = _dates(doc, sent, ctx.published, skip)
    on = next((d.info.date for d in dates if d.info and not d.report), ctx.published)
    years, past = _years(sent, ctx.published)
    background = _is_background(years, dates, ctx.published)
    places = find_places(sent, gazetteer, ctx.countries, skip, ctx.ents)
    # with no country in context, the country of the places the sentence names ("a
    # peacekeeper was wounded near Douentza": Mali's mission), or earlier ones named ("...
    # near Macomia. Islamic State claimed the killings": Mozambique's province)
    countries = ctx.countries or list(dict.fromkeys(p.entry.country for p in places))
    countries = countries or list(earlier)
    cues = {} if ctx.sports or _sporting(text) else cues_in(text)
    taken = _town_taken(sent, places)
    if taken is not None:
        cues.setdefault("take_territory", []).append(taken)
    return SentenceInfo(
        span=sent,
        cues=without_past(without_grievances(text, cues), past) if cues else {},
        dates=dates,
        places=places,
        actors=finder.find(doc, sent, on, countries),
        claims=[
            c
            for c in find_claims(doc, sent)
            if not any(a <= c.start - sent.start_char < b for a, b in past)
        ],
        background=background,
        speaker=speaker_of(sent),
        targets=targets_of(sent, finder.actors.civilian_group),
    )


def _town_taken(sent: Span, places: Sequence[PlaceHit]) -> tuple[int, int] | None:
    """ "rebels seized Bunagana": a town named as the object of a verb of taking is territory
    taken (offsets of the verb in the sentence), as "seized the town of" is."""
    starts = {p.start for p in places}
    for tok in sent:
        if (
            tok.dep_ in {"dobj", "obj"}
            and tok.head.lemma_.lower() in TAKING_VERBS
            and (tok.left_edge.idx - sent.start_char in starts or tok.ent_type_ in {"GPE", "LOC"})
        ):
            verb = tok.head
            return verb.idx - sent.start_char, verb.idx + len(verb) - sent.start_char
    return None


_HOME_CAMP = re.compile(
    r"\b(?P<who>[\w'’-]+) (?:camps?|encampments?)\b", re.IGNORECASE
)  # "a Tuareg camp", "the IDP camp", "a herders' camp": where people live
_CAMP_DWELLERS = {
    "idp",
    "idps",
    "refugee",
    "refugees",
    "displaced",
    "nomad",
    "nomadic",
    "herders",
    "herders'",
    "herder",
    "pastoralist",
    "pastoralists",
    "fishing",
    "fishermen",
    "mining",
    "miners",
    "transhumance",
    "displacement",
}


def _home_camp(words: str, ethnic_group: Callable[[str], str | None]) -> bool:
    """A camp people live in (of displaced people, herders, an ethnic group), not a base."""
    if _CAMP_FOR.search(words):
        return True  # "a camp for displaced people", "a camp of refugees"
    for m in _HOME_CAMP.finditer(words):
        who = m["who"]
        if who.lower() in _CAMP_DWELLERS or (who[:1].isupper() and ethnic_group(who)):
            return True
    return False


_CAMP_FOR = re.compile(
    r"\bcamps? (?:for|of|housing|sheltering) (?:the )?(?:internally )?(?:displaced|idps?|"
    r"refugees|returnees|herders|nomads|pastoralists|fishermen)\b",
    re.IGNORECASE,
)
_ATTACK_WORDS = {"attack", "ambush", "raid", "incursion", "assault"}


def _described(noun: Token) -> list[Token]:
    """A target's own words: its modifiers and "of" phrases, not a clause about where it was
    ("a vehicle passing at the site of a previous militant ambush" is no militant)."""
    out = [noun]
    for child in noun.children:
        if (
            child.dep_ in {"acl", "relcl", "advcl"}
            and child.lemma_.lower() not in _WHOSE_OR_CARRYING
        ) or (child.dep_ == "prep" and child.lower_ not in _WHOSE_PREPS):
            continue
        out.extend(_described(child))
    return sorted(out, key=lambda t: t.i)


# clauses and phrases that say who a target is, is with, or carries: "a vehicle carrying
# soldiers", "belonging to", "people described as militiamen", "a trader with his bodyguard"
_WHOSE_OR_CARRYING = {
    "carry",
    "transport",
    "belong",
    "escort",
    "man",
    "hold",
    "occupy",
    "describe",
    "be",
    "include",
    "identify",
    "believe",
    "suspect",
    "accuse",
}
_WHOSE_PREPS = {"of", "from", "with", "aboard", "including", "among", "as", "by", "for"}


def targets_of(
    sent: Span, ethnic_group: Callable[[str], str | None] = lambda _: None
) -> frozenset[str]:
    """What the violence in a sentence hit: the objects of its violent verbs and nouns ("opened
    fire on", "fired at" included)."""
    found: set[str] = set()
    for tok in sent:
        lemma = tok.lemma_.lower()
        shooting = lemma in {"fire", "shoot"} or (
            lemma == "open" and any(c.lower_ == "fire" for c in tok.children)
        )
        landing = lemma in {"land", "fall", "crash"}  # "shells landed in residential areas"
        if not (shooting or landing) and lemma not in VIOLENT_LEMMAS | _ATTACK_WORDS:
            continue
        if avenged(tok):
            continue  # "in reprisal for an attack on the gendarmerie" hit it earlier
        preps = {"on", "against", "into"} | ({"in"} if landing else set())
        if shooting and not any(c.dep_ in {"dobj", "nsubjpass", "obj"} for c in tok.children):
            preps.add("at")  # "fired at a patrol", but "shot a man at the checkpoint"
        for child in tok.children:
            objs = (
                [child]
                if child.dep_ in {"dobj", "nsubjpass", "obj"} and child.lower_ != "fire"
                else [c for c in child.children if c.dep_ == "pobj"]
                if (child.dep_ == "prep" and child.lower_ in preps)
                else [c for c in child.children if c.dep_ == "pobj" and child.lower_ != "by"]
                if child.lower_ == "dead"  # "shot dead a guard": the guard hangs on "dead"
                else []
            )
            for obj in objs:
                words = NOT_ARMED.sub(" ", " ".join(t.text for t in _described(obj)))
                if _home_camp(words, ethnic_group):
                    found.add("civilian")
                elif ARMED_TARGET.search(words):
                    found.add("armed")
                elif CIVILIAN_TARGET.search(words):
                    found.add("civilian")
    return frozenset(found)


def _dates(
    doc: Doc, sent: Span, published: dt.date | None, skip: tuple[int, int] | None
) -> list[DateHit]:
    hits: list[DateHit] = []
    for start, end in find_date_expressions(sent.text):
        expr = sent.text[start:end]
        a, b = sent.start_char + start, sent.start_char + end
        if skip and skip[0] <= a < skip[1]:
            continue  # the dateline's date is when the report was filed
        if _SAME_DAY.match(expr.strip()):
            hits.append(DateHit(a, b, None, same_day=True))
            continue
        report = _is_report_date(doc, a, b)
        info = resolve_date(expr, published)
        if info is not None:
            hits.append(DateHit(a, b, info, report=report))
    return hits


def _is_report_date(doc: Doc, start: int, end: int) -> bool:
    """'said on Monday', 'a statement on Sunday', 'SITE on Sunday quoted': when it was said.
    A hedge in brackets right after the date ('On 3 May (as reported), ...') is not."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    aside = _BRACKET_AFTER.match(doc.text, end)
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "VERB" and before.lemma_.lower() in REPORTING_LEMMAS:
        return True  # "said on Monday it had seized": the parser may hang it on the deed
    tok = span.root
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        lemma = tok.lemma_.lower()
        if aside is not None and aside.start(1) <= tok.idx < aside.end(1):
            continue
        if lemma in REPORTING_LEMMAS or lemma in _REPORT_NOUNS or lemma in _STATEMENT_VERBS:
            return True
        if tok.pos_ == "VERB":
            return False
    return False


def _is_background(years: list[int], dates: list[DateHit], published: dt.date | None) -> bool:
    """History, not news: a year long before publication and no recent date."""
    if any(d.info is not None or d.same_day for d in dates):
        recent = [d.info for d in dates if d.info is not None and not d.report]
        return bool(published and recent and all((published - d.last).days > 60 for d in recent))
    return bool(years) and (published is None or all(y < published.year for y in years))


_SUBORDINATE = {"relcl", "acl", "advcl", "ccomp", "pcomp"}


def _years(sent: Span, published: dt.date | None) -> tuple[list[int], list[tuple[int, int]]]:
    """The years that date what the sentence itself reports, and the spans (offsets in the
    sentence) of what an earlier year dates within it: a noun ("Zongo's assassination in
    1990") or a clause ("who was killed in 1998"), a past the sentence only mentions."""
    years: list[int] = []
    past: list[tuple[int, int]] = []
    for m in _YEAR.finditer(sent.text):
        span = sent.char_span(m.start(), m.end())
        if span is None:
            continue
        tok = span.root
        head = tok.head
        while head.pos_ == "ADP" and head.head.i != head.i:  # "in 1998": what the "in" hangs on
            head = head.head
        if head.i == tok.i or not (head.pos_ in {"NOUN", "PROPN"} or head.dep_ in _SUBORDINATE):
            years.append(int(tok.text))
        elif published is None or int(tok.text) < published.year:
            first, last = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
            past.append((first - sent.start_char, last - sent.start_char))
    return years, past


def group_events(infos: list[SentenceInfo]) -> list[EventGroup]:
    """Consecutive sentences about the same violence form one event. A sentence that only sets
    the scene ("On 10 June, forces carried out an operation in X.") opens the event after it."""
    groups: list[EventGroup] = []
    current: EventGroup | None = None
    scene: SentenceInfo | None = None
    for n, info in enumerate(infos):
        if info.background and n > 0:  # the opening sentence is the news, whatever years it cites
            continue
        if n > 0 and CUMULATIVE.search(info.span.text):
            continue  # a running total or a record of violence, not this event
        if current is None or (info.eventful and _starts_new(current, info)):
            if not info.eventful:
                scene = info if info.dates or info.places else None
                continue
            current = EventGroup()
            groups.append(current)
            if scene is not None:
                current.add(scene)
        scene = None
        if info.eventful or info.claims or BLAME.search(info.span.text) or _answers(current, info):
            current.add(info)
    return [g for g in groups if any(s.eventful for s in g.sentences) and not _history(g, infos)]


def _answers(group: EventGroup, info: SentenceInfo) -> bool:
    """ "Police intervene.", "police responded with teargas": how a crowd was answered is part
    of its protest or riot."""
    crowd = any(s.cues.keys() & {"protest", "riot_violence"} for s in group.sentences)
    return crowd and "intervention" in info.cues


def _history(group: EventGroup, infos: list[SentenceInfo]) -> bool:
    """An account of the past: no calendar date in the event, and an article mostly about
    years gone by (or no date at all and past years around it)."""
    hits = [d for s in group.sentences for d in s.dates]
    dates = [d for d in hits if d.info is not None or d.same_day]
    if any(d.info is not None and "explicit" in d.info.basis for d in dates):
        return False
    past = sum(s.background for s in infos)
    if not dates:
        return past > 0
    return past >= 2 and past * 2 >= sum(s.eventful or s.background for s in infos)


def _starts_new(current: EventGroup, info: SentenceInfo) -> bool:
    if _EARLIER.search(info.span.text):
        return True  # "The latest killings come a week after ADF fighters killed six people"
    if _ANAPHORA.search(info.span.text):
        return False  # "the attack", "Sunday's ambush": the event already being reported
    dated = [d.info for d in info.dates if d.info is not None and not d.report]
    if dated and not any(current.date_fits(d) for d in dated):
        return True
    towns = [p for p in info.places if p.entry.kind == "town"]
    return bool(towns) and info.violent and not any(current.place_fits(p) for p in towns)
