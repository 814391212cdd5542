"""The side an actor phrase is on, read from the dependency path above it.

The subject of "attacked" attacks, its object and the subject of "were ambushed" are hit, "by
X" and "attack from X" attack, "X said" claims; a force's post or vehicle "attacked" in a
headline was hit, and parses that hang a victim on the wrong verb are read back.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Token

Side = Literal["attacker", "target", "claimant", "cause", "none"]

DEFENDING_LEMMAS = {
    "repel",
    "repulse",
    "fend",
    "thwart",
    "foil",
    "resist",
    "repousser",
    "respond",
    "defend",
    "intervene",  # "the army intervened": against the attackers
}
VIOLENT_LEMMAS = {
    "attack",
    "kill",
    "ambush",
    "ensnare",
    "raid",
    "fire",
    "shoot",
    "abduct",
    "kidnap",
    "target",
    "strike",
    "bomb",
    "assault",
    "storm",
    "execute",
    "assassinate",
    "murder",
    "massacre",
    "behead",
    "hit",
    "shell",
    "clash",
    "fight",
    "battle",
    "engage",
    "overrun",
    "recapture",
    "retake",
    "liberate",
    "seize",
    "capture",
    "burn",
    "loot",
    "torch",
    "destroy",
    "ransack",
    "pillage",
    "plunder",
    "vandalize",
    "vandalise",
    "raze",
    "torture",
    "whip",
    "flog",
    "mistreat",
    "rape",
    "lynch",
    "beat",
    "arrest",
    "detain",
    "gun",
    "slaughter",
    "stab",
    "besiege",
    "encircle",
    "repel",
    "repulse",
    "neutralize",
    "neutralise",
    "intercept",
    "rob",
    "detonate",
    "rout",
    "overpower",
    "disperse",
    "chase",
    "pursue",
}
# a crowd's gathering: what it is "against" or "over", or what it denounces, is its cause
PROTEST_LEMMAS = {
    "protest",
    "demonstrate",
    "demonstration",
    "rally",
    "march",
    "sit-in",
    "picket",
    "gather",
    "mobilize",
    "mobilise",
    "manifest",
}
_DECRYING_LEMMAS = {"denounce", "condemn", "decry", "oppose", "criticize", "criticise"}
# verbs whose object or passive subject is hurt, but whose active subject is as often an
# elliptical passive ("three soldiers wounded") as the one who hurt them
HARM_LEMMAS = {"wound", "injure"}
REPORTING_LEMMAS = {
    "say",
    "claim",
    "report",
    "announce",
    "quote",
    "state",
    "tell",
    "confirm",
    "accuse",
    "add",
    "indicate",
    "assert",
    "deny",
    "reveal",
    "write",
    "post",
}
_ATTACK_NOUNS = {
    "attack",
    "ambush",
    "assault",
    "raid",
    "offensive",
    "strike",
    "airstrike",
    "fire",
    "shelling",
    "operation",
    "bombardment",
}
# what a force owns that is hit when "its checkpoint attacked" or "its vehicle struck by an IED"
_THINGS = {
    "checkpoint",
    "post",
    "position",
    "camp",
    "base",
    "convoy",
    "patrol",
    "vehicle",
    "truck",
    "escort",
    "unit",
    "outpost",
    "garrison",
    "detachment",
    "barracks",
    "helicopter",
    "boat",
}


def side_of(token: Token) -> Side:
    """Attacker, target or claimant, read from the dependency path above the phrase's root."""
    tok = token
    for _ in range(6):
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        dep, head = tok.dep_, tok.head
        if (
            tok.i != token.i
            and tok.lemma_.lower() in _THINGS
            and (_hit_in_headline(tok) or _misread_verb_before(token))
        ):
            return "target"
        if head.i == tok.i:
            return "none"
        if _counted_dead(tok):
            return "target"
        if _stranded_object(tok):
            dep, head = "dobj", head.head
        side = _side_at(tok, dep, head)
        if side is not None:
            return side
        if dep in {"pobj", "compound", "appos", "amod", "nmod"} or (
            dep == "prep" and head.pos_ == "NOUN"
        ):
            tok = head if dep != "pobj" else head.head if head.lower_ == "of" else head
            if dep == "pobj" and head.lower_ != "of":
                return "none"
            continue
        return "none"
    return "none"


_DEVICE = re.compile(r"\b(ieds?|mines?|landmines?|explosives?|explosive devices?|bombs?)\b", re.I)


def _stranded_object(tok: Token) -> bool:
    """ "shot dead fifteen people, pillaged shops": the parser makes the first verb's object
    the subject of the next verb in a list. A subject between two listed verbs, right before
    the comma, when the first verb has no object of its own, is that verb's object."""
    verb = tok.head
    first = verb.head
    return (
        tok.dep_ == "nsubj"
        and verb.dep_ == "conj"
        and first.i < tok.i < verb.i
        and tok.doc[verb.i - 1].text == ","
        and all(t.text == "," for t in tok.doc[tok.right_edge.i + 1 : verb.i])
        and not any(c.dep_ in {"dobj", "obj"} for c in first.children)
    )


def _counted_dead(tok: Token) -> bool:
    """ "3 peacekeepers killed and 5 others wounded": a counted subject of a verb of killing
    with no object is a headline's passive; they were killed."""
    verb = tok.head
    return (
        tok.dep_ == "nsubj"
        and any(c.dep_ == "nummod" for c in tok.children)
        and verb.lemma_.lower()
        in {"kill", "wound", "injure", "execute", "behead", "assassinate", "murder", "abduct"}
        and not any(c.dep_ in {"dobj", "obj"} for c in verb.children)
    )


def _hit_in_headline(thing: Token) -> bool:
    """ "FAMa checkpoint in Gossi attacked", "MINUSMA vehicle targeted by gunfire": a force's
    post or vehicle with a verb of attack and no object is what was attacked (a headline's
    passive), not what attacked."""
    verb = thing.head.lemma_.lower()
    if (
        thing.dep_ == "nsubj"
        and verb in VIOLENT_LEMMAS | {"strike", "hit", "target"}
        and not any(c.dep_ in {"dobj", "obj"} for c in thing.head.children)
    ):
        return True
    if thing.dep_ == "nsubjpass" and verb in {"damage", "destroy", "strike", "hit", "target"}:
        return True  # "a MINUSMA vehicle was damaged"
    return any(
        c.dep_ == "acl"
        and c.tag_ == "VBN"
        and c.lemma_.lower() in VIOLENT_LEMMAS | {"strike", "hit", "target"}
        for c in thing.children
    )


def _misread_verb_before(token: Token) -> bool:
    """ "Rebels overrun army outpost": a headline's verb read as a noun before the force that
    owns the post; the post is still what was hit."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        before is not None
        and before.pos_ != "VERB"
        and before.lemma_.lower() in VIOLENT_LEMMAS
        and before.dep_ in {"compound", "amod", "nmod"}
    )


def _takes_control(verb: Token) -> bool:
    """ "took control of Kabare", "retook the town", "captured Kyauktaw": who takes a place."""
    lemma = verb.lemma_.lower()
    if lemma in {"retake", "recapture", "capture", "overrun", "reclaim", "liberate"} or (
        verb.lower_ in {"retook", "retaken", "overran"}  # the lemmatiser leaves these be
    ):
        return True
    return lemma in {"take", "gain", "regain", "seize", "wrest", "assume"} and any(
        c.dep_ in {"dobj", "obj"} and c.lower_ == "control" for c in verb.children
    )


def _hit_a_device(verb: Token) -> bool:
    if verb.lemma_.lower() not in {"strike", "hit", "trigger", "run", "step"}:
        return False
    return any(
        _DEVICE.search(" ".join(t.text for t in child.subtree))
        for child in verb.children
        if child.dep_ in {"dobj", "obj", "prep", "prt"}
    )


def _then_hurt(verb: Token) -> bool:
    """ "gunmen broke into the house and wounded one person", "residents went door to door,
    beating a man to death": a verb coordinated with the subject's, or a participle that goes
    with it, with no subject of its own, hurts or kills someone."""
    return any(
        (c.dep_ == "conj" or (c.dep_ == "advcl" and c.tag_ == "VBG"))
        and c.pos_ == "VERB"
        and c.lemma_.lower() in HARM_LEMMAS | VIOLENT_LEMMAS
        and not any(d.dep_ in {"nsubj", "nsubjpass"} for d in c.children)
        and any(d.dep_ in {"dobj", "obj"} for d in c.children)
        for c in verb.children
    )


def _side_at(tok: Token, dep: str, head: Token) -> Side | None:
    lemma = head.lemma_.lower()
    if dep in {"nsubj", "csubj"} and lemma in REPORTING_LEMMAS:
        return "claimant"
    if dep == "nsubj" and _hit_a_device(head):
        return "target"  # "a MINUSMA vehicle struck an IED": the vehicle's people were hit
    if dep == "nsubj" and lemma in DEFENDING_LEMMAS:
        return "target"  # "the militia repelled the attack": the defenders were attacked
    if dep in {"dobj", "obj"} and lemma in DEFENDING_LEMMAS:
        return "attacker"  # "the VDP repulsed the militants": the repelled attacked
    if lemma in HARM_LEMMAS and (
        dep in {"nsubjpass", "dobj", "obj"} or (dep == "nsubj" and head.tag_ == "VBN")
    ):
        return "target"
    if (
        dep == "nsubj"
        and lemma in HARM_LEMMAS
        and any(c.dep_ in {"dobj", "obj", "ccomp"} for c in head.children)  # ccomp: "wounded
        # two children collecting herbs", the children parsed as the subject of what they did
        and not any(c.dep_ == "nummod" for c in tok.children)  # "9 peacekeepers wounded incl. 4"
    ):
        return "attacker"  # "gunmen wounded two guards": with an object, no elliptical passive
    if dep in {"nsubj"} and (lemma in VIOLENT_LEMMAS or _agentive(head) or _then_hurt(head)):
        return "attacker"
    if dep == "nsubj" and _takes_control(head):
        return "attacker"  # "M23 rebels took control of Kabare", "troops regained control"
    if dep in {"nsubjpass", "dobj", "obj"} and lemma in VIOLENT_LEMMAS:
        return "target"
    if dep in {"nsubjpass", "nsubj"} and lemma == "subject" and head.tag_ == "VBN":
        return "target"  # "a convoy (was) subjected to a complex attack"
    if dep == "nsubjpass" and lemma in {"come"}:
        return "target"
    if dep in {"dobj", "obj"} and lemma in _DECRYING_LEMMAS:
        return "cause"  # "marched to denounce the army": what the crowd was against
    if dep == "pobj":
        prep, gov = head.lower_, head.head
        gov_lemma = gov.lemma_.lower()
        if prep in {"against", "over"} and gov_lemma in PROTEST_LEMMAS:
            return "cause"  # "rallied against military rule", "protest over police brutality"
        if prep == "by" and (
            gov_lemma in VIOLENT_LEMMAS or gov_lemma in _ATTACK_NOUNS or gov_lemma in HARM_LEMMAS
        ):
            return "attacker"
        if prep == "from" and gov_lemma in _ATTACK_NOUNS:
            return "attacker"
        if prep in {"on", "against", "targeting"} and (
            gov_lemma in _ATTACK_NOUNS or gov_lemma in VIOLENT_LEMMAS
        ):
            return "none" if avenged(gov) else "target"
        if prep in {"with", "between"} and gov_lemma in {"clash", "fight", "battle", "fighting"}:
            return "target"
        if prep == "at" and gov_lemma in {"throw", "hurl", "fire", "shoot", "lob"}:
            return "target"  # "threw stones at police", "fired at the patrol"
        if prep == "by" and gov_lemma in {"statement", "claim", "communique"}:
            return "claimant"
    return None


_REPRISAL = {"reprisal", "retaliation", "revenge", "response", "retaliate", "avenge"}


def avenged(attack: Token) -> bool:
    """ "in reprisal for an attack on the gendarmerie": an earlier attack, whose target is
    not hit in this one (it is often the side that strikes back)."""
    prep = attack.head
    return (
        attack.dep_ == "pobj"
        and prep.lower_ in {"for", "to"}
        and prep.head.lemma_.lower() in _REPRISAL
    )


def _agentive(verb: Token) -> bool:
    """'came under attack' / 'suffered losses' are not agentive; 'launched an attack' is."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _ATTACK_NOUNS for c in verb.children)


def reporter_of(token: Token) -> Token | None:
    """The reporting verb that governs a clause ("X said [it killed ...]"), if any."""
    tok = token
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() in REPORTING_LEMMAS and tok.pos_ == "VERB":
            return tok
    return None
