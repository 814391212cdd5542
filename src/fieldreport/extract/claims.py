"""Fatality claims in a parsed sentence: how many died, whom, who says so, relayed by whom.

"An armed group said it killed 50 soldiers, according to a monitor" gives one Claim: claimant
the armed group (subject of "said"), reported_by the monitor ("according to"), killed 50,
victims the soldiers, phrase "50", evidence the words from the number to the victims.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from fieldreport.extract.actors import ActorHit
from fieldreport.extract.numbers import parse_quantity
from fieldreport.extract.sides import REPORTING_LEMMAS, reporter_of
from fieldreport.extract.taxonomy import COMPILED
from fieldreport.extract.tolls import (
    SUCCUMB,
    NumberPhrase,
    attempted,
    bracket_of,
    counted_numbers,
    kill_verb,
    vague_losses,
)
from fieldreport.extract.victims import named_victims
from fieldreport.model import ClaimantKind

_NO_ONE = re.compile(
    r"\b(no one|nobody|no casualties|no deaths|no fatalities|no injuries|"
    r"without (causing )?casualties|no victims|no loss of life)\b",
    re.I,
)
_KINDS: tuple[tuple[re.Pattern[str], ClaimantKind], ...] = (
    (
        re.compile(
            r"\b(un|united nations|minusma|ocha|unhcr|unicef|human rights watch|hrw|amnesty|"
            r"ngo|red cross|icrc|msf|doctors without borders|aid (group|agency|workers))\b",
            re.I,
        ),
        "un_ngo",
    ),
    (
        re.compile(
            r"\b(hospital|medical|doctor|nurse|resident|villager|witness|local|security "
            r"sources?|elected official|mayor|chief|relative|survivor)s?\b",
            re.I,
        ),
        "local",
    ),
    (
        re.compile(
            r"\b(analysts?|researchers?|experts?|bloggers?|monitor|site intelligence|acled|"
            r"observers?)\b",
            re.I,
        ),
        "analyst",
    ),
    (
        re.compile(
            r"\b(government|ministry|minister|authorities|president|governor|prefect|"
            r"spokesman for the government|junta)\b",
            re.I,
        ),
        "government",
    ),
    (
        re.compile(r"\b(media|newspaper|television|radio|agency|reuters|afp|press|outlet)\b", re.I),
        "media",
    ),
)
_STATEMENT = re.compile(
    r"^(the|that|this) (statement|communiqu[eé]|press release|"
    r"announcement)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class RawClaim:
    """A claim before its claimant and victims are resolved to dictionary actors."""

    start: int
    end: int
    phrase: str
    killed_min: int | None
    killed_max: int | None
    victim_token: int | None  # root of the victims' noun phrase
    claimant_start: int | None = None
    claimant_end: int | None = None
    claimant_token: int | None = None
    relays: tuple[tuple[int, int], ...] = ()  # "according to X" when X is not the claimant
    cause: bool = False  # a killing given as the reason for the event ("riots after X died")


def claimant_kind(text: str, hit: ActorHit | None) -> ClaimantKind:
    """Who is speaking: a party to the fighting, the government, UN/NGO, locals, analysts..."""
    if hit is not None and (
        hit.ref is not None or hit.kind in {"military", "police", "unidentified", "islamist"}
    ):
        return "party"
    for rx, kind in _KINDS:
        if rx.search(text):
            return kind
    return "party" if hit is not None else "media"


def find_claims(doc: Doc, sent: Span) -> list[RawClaim]:
    """Every fatality statement in a sentence ("killed 50 soldiers", "heavy losses")."""
    text = sent.text
    if _NO_ONE.search(text) and not re.search(r"\d|dozens|several", text):
        return []
    claims: list[RawClaim] = []
    used: set[int] = set()
    for m in sorted(
        [*COMPILED["death"].finditer(text), *SUCCUMB.finditer(text)], key=lambda m: m.start()
    ):
        death = _token_at(doc, sent.start_char + m.start())
        death = kill_verb(death) if death is not None else None
        if death is None or death.i in used:
            continue
        used.add(death.i)
        found = _claims_for(doc, sent, death, used)
        if found and is_cause(death):
            found = [dataclasses.replace(c, cause=True) for c in found]
        claims.extend(found)
    return [_attributed(doc, sent, c) for c in claims]


# the body of someone already named: "his corpse was found", "the body of the victim"
SAME_BODY = re.compile(
    r"(his|her|their|the) (lifeless )?(body|corpse|remains)( of the (victim|man|woman|deceased))?"
)


def same_dead(claims: list[RawClaim]) -> list[RawClaim]:
    """ "abducted and executed the mayor; his corpse was found": one death, told twice. The
    body of someone already counted is left out when another claim counts a victim."""
    if not any(c.killed_min and not SAME_BODY.fullmatch(c.phrase.lower()) for c in claims):
        return claims
    return [c for c in claims if not SAME_BODY.fullmatch(c.phrase.lower())]


def _claims_for(doc: Doc, sent: Span, death: Token, used: set[int]) -> list[RawClaim]:
    """What one death word claims: its numbers, the victims it names one by one, or 'heavy
    losses' when it has neither. A number already claimed by another death word is skipped."""
    if attempted(death) or _accused_of(death):
        return []
    quantities = counted_numbers(doc, sent, death)
    out = _counted(doc, death, quantities, used)
    for single in named_victims(death, quantities):
        first, last = min(single.left_edge.i, death.i), max(single.i, death.i)
        phrase = doc[single.left_edge.i : single.i + 1].text
        out.append(RawClaim(doc[first].idx, doc[last].idx + len(doc[last]), phrase, 1, 1, single.i))
    vague = vague_losses(death) if not out else None
    if vague is not None:
        first = min(vague.i, death.i)
        phrase = doc[first : death.i + 1].text
        out.append(RawClaim(doc[first].idx, death.idx + len(death), phrase, None, None, None))
    return out


_BECAUSE = {"after", "following", "because", "since", "over"}


def is_cause(death: Token) -> bool:
    """ "youths burned the post after gendarmes killed a resident", "riots over the death of a
    student": a killing the sentence gives as the reason for what happened."""
    tok = death
    for _ in range(4):
        if tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _BECAUSE for c in tok.children
        ):
            return True
        if tok.dep_ in {"pobj", "pcomp"} and tok.head.lower_ in _BECAUSE:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _accused_of(death: Token) -> bool:
    """ "guards accused of killing a journalist": an accusation of an earlier killing."""
    prep = death.head
    return (
        death.dep_ == "pcomp"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() in {"accuse", "suspect", "charge", "convict", "allege"}
    )


def _counted(
    doc: Doc, death: Token, quantities: list[NumberPhrase], used: set[int]
) -> list[RawClaim]:
    """'killed 50 soldiers': one claim a number, from the number to the death word and victims."""
    out: list[RawClaim] = []
    for q_start, q_end, victim in quantities:
        if q_start in used:
            continue
        used.add(q_start)
        phrase = doc[q_start:q_end].text
        quantity = parse_quantity(phrase)
        if quantity is None:
            continue
        lo = min(q_start, death.i)
        hi = max(q_end - 1, death.i, victim.i if victim is not None else 0)
        start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
        out.append(
            RawClaim(
                start,
                end,
                phrase,
                quantity.low,
                quantity.high,
                victim.i if victim is not None else None,
            )
        )
    return out


def _attributed(doc: Doc, sent: Span, claim: RawClaim) -> RawClaim:
    """Add who says it (subject of the reporting verb) and who relays it ("according to")."""
    death = _token_at(doc, claim.start) or doc[sent.start]
    speaker: tuple[int, int, int] | None = None
    verb = reporter_of(death)
    if verb is not None and bracket_of(verb) == bracket_of(death):  # not "(some sources said 50)"
        subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            tokens = list(subj[0].subtree)
            speaker = (tokens[0].idx, tokens[-1].idx + len(tokens[-1]), subj[0].i)
    sources = _according_to(doc, sent)
    if speaker is None and sources:
        speaker, sources = sources[0], sources[1:]
    relays = tuple((s, e) for s, e, _ in sources)
    if speaker is None:
        return dataclasses.replace(claim, relays=relays)
    return dataclasses.replace(
        claim,
        claimant_start=speaker[0],
        claimant_end=speaker[1],
        claimant_token=speaker[2],
        relays=relays,
    )


def speaker_of(sent: Span) -> tuple[int, int, int] | None:
    """(start, end, head token) of the subject of the sentence's first reporting verb."""
    for tok in sent:
        if tok.lemma_.lower() in REPORTING_LEMMAS and tok.pos_ == "VERB":
            subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subj:
                tokens = list(subj[0].subtree)
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1]), subj[0].i
    return None


def _according_to(doc: Doc, sent: Span) -> list[tuple[int, int, int]]:
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs:
                tokens = list(objs[0].subtree)
                out.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1]), objs[0].i))
    return out


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def is_statement_reference(text: str) -> bool:
    """'the statement said' points back to whoever issued the statement earlier."""
    return bool(_STATEMENT.match(text.strip()))
