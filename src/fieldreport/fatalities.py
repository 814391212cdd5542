"""Claims -> one toll: ACLED's conservative figure and low / best / high.

Rules (ACLED-CODING.md §7, DESIGN.md):
- claims by one claimant in one sentence about different victims add up ("50 mercenaries and
  10 soldiers" = 60); the same claimant repeating itself counts once (its largest statement);
- ``acled``: the lowest credible figure among claimants (ACLED records the lowest of conflicting
  reports; a party's own claim is one conflicting report); claims about the dead of the
  event's two sides, told by different claimants, do not conflict: each side's lowest, added;
- ``low`` / ``high``: the smallest lower bound and the largest upper bound across claimants;
- ``best``: the median of independent claimants (local, medical, UN/NGO, analysts, media, the
  report itself) when there are any, else the median of all, since parties inflate their tolls;
- phrases with no number ("heavy losses") are kept as claims but add no figure, and a statement
  with only a word for an unknown number ("several bodies") counts only when no statement gives
  a number; with no figure at all the toll is 0 ("record 0 if it is unclear whether anyone died").
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence

from fieldreport.extract.numbers import VAGUE
from fieldreport.model import ActorRole, Claim, Fatalities

INDEPENDENT = {"local", "un_ngo", "analyst", "media", "source"}


def claimant_key(claim: Claim) -> str:
    if claim.claimant is not None:
        return claim.claimant.name
    return claim.claimant_text.lower() or "source"


def totals(claims: Sequence[Claim]) -> dict[str, tuple[int, int | None, str]]:
    """Per claimant: (lowest total, highest total or None when open, claimant kind)."""
    by_statement: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.killed_min is not None:
            by_statement[(claimant_key(claim), _statement_of(claim))].append(claim)
    out: dict[str, tuple[int, int | None, str]] = {}
    for (key, _), group in by_statement.items():
        low = sum(c.killed_min or 0 for c in group)
        highs = [c.killed_max for c in group]
        high = None if any(h is None for h in highs) else sum(h or 0 for h in highs)
        previous = out.get(key)
        if previous is None or low > previous[0]:
            out[key] = (low, high, group[0].claimant_kind)
    return out


def _statement_of(claim: Claim) -> int:
    # claims of one statement share claimant words and relays ("50 X and 10 Y")
    return hash((claim.claimant_text, claim.reported_by))


def fatalities(claims: Sequence[Claim], sides: Mapping[str, int] | None = None) -> Fatalities:
    """The toll of one event from all of its claims. With ``sides`` (actor name -> 1 or 2, the
    event's two sides), claims about the dead of one side do not conflict with claims about the
    other's ("one soldier was killed; the army said it killed five militants": 6, ACLED's one
    total for both sides): each side's toll is taken apart and the two are added."""
    split = _by_side(claims, sides or {})
    if split is not None:
        parts = [fatalities(side) for side in split]
        return Fatalities(
            acled=sum(p.acled for p in parts),
            low=sum(p.low for p in parts),
            best=sum(p.best for p in parts),
            high=sum(p.high for p in parts),
            rule="each side's dead counted apart, then added: " + "; ".join(p.rule for p in parts),
        )
    counted = {_statement_key(c) for c in claims if c.killed_min is not None and not _vague(c)}
    # "several bodies were found" beside "nine civilians were killed": a statement with only a
    # word for an unknown number does not undercut a counted toll ("10 soldiers and dozens of
    # militants" is one statement, and adds up)
    aside = [
        c
        for c in claims
        if counted and c.killed_min is not None and _statement_key(c) not in counted
    ]
    claims = [c for c in claims if c not in aside]
    found = totals(claims)
    if not found:
        return Fatalities(0, 0, 0, 0, "no figure reported: 0")
    lows = [low for low, _, _ in found.values()]
    highs = [high if high is not None else low for low, high, _ in found.values()]
    independent = [low for low, _, kind in found.values() if kind in INDEPENDENT]
    pool = independent or lows
    best = int(statistics.median_low(pool))
    rule = (
        f"acled = lowest of {len(found)} claimant(s); best = median of "
        f"{'independent' if independent else 'all'} claims"
    )
    if aside:
        rule += f"; {len(aside)} uncounted figure(s) ('several', 'dozens') set aside"
    return Fatalities(acled=min(lows), low=min(lows), best=best, high=max(highs), rule=rule)


def _statement_key(claim: Claim) -> tuple[str, int]:
    return claimant_key(claim), _statement_of(claim)


def _vague(claim: Claim) -> bool:
    """A figure read from a word for an unknown number ("several", "dozens"), not a count."""
    return claim.phrase.lower().strip() in VAGUE


def sides_of_roles(roles: Sequence[ActorRole]) -> dict[str, int]:
    """Actor name -> the event's side (1: actor1 and its allies, 2: actor2 and its)."""
    return {r.actor.name: 1 if r.role in ("actor1", "assoc1") else 2 for r in roles}


def _by_side(claims: Sequence[Claim], sides: Mapping[str, int]) -> list[list[Claim]] | None:
    """The figured claims parted by the side whose dead they count, when every one of them
    names its victims, both sides have dead, and different claimants tell them (one claimant's
    statement is already added up); else None."""
    figured = [c for c in claims if c.killed_min is not None]
    parts: dict[int, list[Claim]] = {}
    for claim in figured:
        side = sides.get(claim.victims.name) if claim.victims is not None else None
        if side is None:
            return None
        parts.setdefault(side, []).append(claim)
    if len(parts) < 2:
        return None
    claimants = [{claimant_key(c) for c in part} for part in parts.values()]
    if all(len(c) == 1 for c in claimants) and len(set().union(*claimants)) == 1:
        return None
    rest = [c for c in claims if c.killed_min is None]
    return [part + rest if n == 0 else part for n, part in enumerate(parts.values())]
