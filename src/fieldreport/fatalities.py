"""Claims -> one toll: ACLED's conservative figure and low / best / high.

Rules (ACLED-CODING.md §7, DESIGN.md):
- claims by one claimant in one sentence about different victims add up ("50 mercenaries and
  10 soldiers" = 60); the same claimant repeating itself counts once (its largest statement);
- ``acled``: the lowest credible figure among claimants (ACLED records the lowest of conflicting
  reports; a party's own claim is one conflicting report);
- ``low`` / ``high``: the smallest lower bound and the largest upper bound across claimants;
- ``best``: the median of independent claimants (local, medical, UN/NGO, analysts, media, the
  report itself) when there are any, else the median of all, since parties inflate their tolls;
- phrases with no number ("heavy losses") are kept as claims but add no figure; with no figure at
  all the toll is 0 ("record 0 if it is unclear whether anyone died").
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence

from fieldreport.model import Claim, Fatalities

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


def fatalities(claims: Sequence[Claim]) -> Fatalities:
    """The toll of one event from all of its claims."""
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
    return Fatalities(acled=min(lows), low=min(lows), best=best, high=max(highs), rule=rule)
