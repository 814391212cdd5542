"""Cue words: cues_in finds what each category's pattern finds, ignoring case."""

from __future__ import annotations

import random
import re

from fieldreport.extract.cues import CUES
from fieldreport.extract.taxonomy import COMPILED, cues_in, without_grievances


def every_category(text: str) -> dict[str, list[tuple[int, int]]]:
    """The plain definition: each category's case-insensitive pattern over the whole text."""
    found = {name: [m.span() for m in rx.finditer(text)] for name, rx in COMPILED.items()}
    return {name: hits for name, hits in found.items() if hits}


def test_cue_patterns_are_lower_case() -> None:
    """cues_in matches ASCII text lower-cased, without IGNORECASE: the patterns must allow it."""
    assert all(rx == rx.lower() for rx in CUES.values())


def test_cues_with_offsets() -> None:
    text = "Gunmen KILLED three villagers; the Army Repelled them. Des soldats ont été tués."
    found = cues_in(text)
    assert found == every_category(text)
    assert found["attack"][0] == found["death"][0] == (7, 13)
    assert text[slice(*found["clash"][0])] == "Repelled"
    assert found["death"][-1] == (text.index("tués"), text.index("tués") + 4)
    assert cues_in("Millet prices rose in Mopti this week.") == {}


def test_cues_in_is_every_category_pattern() -> None:
    words = sorted({w for rx in CUES.values() for w in re.findall(r"[a-zé]{2,}", rx)})
    words += ["the", "of", "-", "anti-", "x-", "2", "rn7", "Kill", "İ", "ſhot", "TUÉS"]
    rng = random.Random(3)
    texts = []
    for _ in range(3000):
        chosen = [rng.choice(words) + rng.choice(["", "", "s", "ed", "ing"]) for _ in range(6)]
        chosen = [rng.choice([w, w, w.capitalize(), w.upper()]) for w in chosen]
        texts.append(rng.choice([" ", ", ", "-"]).join(chosen))
    assert any(not t.isascii() for t in texts) and any(t.isascii() for t in texts)
    for text in texts:
        assert cues_in(text) == every_category(text), text


def test_violence_a_protest_is_about_is_not_its_own() -> None:
    text = "Police killed two marchers who protested in Kaya against the killing of a student."
    found = without_grievances(text, cues_in(text))
    assert found["death"] == [(text.index("killed"), text.index("killed") + 6)]
    assert "killing" not in [text[a:b] for a, b in found["attack"]]
    plain = "Gunmen killed a trader after the killing of his brother."  # no protest: kept
    assert without_grievances(plain, cues_in(plain)) == cues_in(plain)


def test_devices_seized_are_not_set_off() -> None:
    text = "Soldiers seized two rifles and three IEDs; an IED later hit their truck."
    found = without_grievances(text, cues_in(text))
    assert found["ied"] == [(text.index("IED later"), text.index("IED later") + 3)]


def test_a_coup_executed_is_no_killing() -> None:
    # "executed a coup", "executed the orders": carried out, nobody killed
    assert not COMPILED["death"].search("Soldiers executed a coup at the palace on Monday.")
    assert not COMPILED["death"].search("The unit executed the orders of its commander.")
    assert COMPILED["death"].search("Militants executed two herders near Kona.")


def test_a_village_chief_taken_is_no_territory() -> None:
    assert COMPILED["take_territory"].search("rebels seized the town of Kitshanga")
    assert not COMPILED["take_territory"].search("militants seized the village chief of Kera")
