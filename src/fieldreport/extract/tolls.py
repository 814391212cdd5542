"""Who died, counted word by word: the number phrases a death word counts (the victims it
names one by one are ``extract.victims``).

"Two soldiers were killed and four wounded" counts "two" (the soldiers) for "killed", not the
four wounded; "killed a chief and two of his sons" counts "two" and names the chief one by one;
"35 civilians including 31 women" counts the 35, not the 31 again; "heavy losses" is a toll
with no number.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from fieldreport.extract.numbers import VAGUE

_MODIFIERS = {
    "at",
    "least",
    "more",
    "than",
    "over",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "some",
    "up",
    "to",
    "as",
    "many",
    "roughly",
    "estimated",
    "an",
    "between",
    "and",
    "of",
    "fewer",
    "less",
}
_VAGUE_HEADS = {
    "heavy",
    "significant",
    "considerable",
    "severe",
    "huge",
    "several",
    "many",
    "numerous",
}
SUCCUMB = re.compile(r"\b(succumb|succomb)\w*", re.I)  # "succumbed to his wounds"
_INJURY = re.compile(r"^(injur|wound|hurt|bless)", re.I)


NumberPhrase = tuple[int, int, Token | None]  # start, end, root of the counted noun


def counted_numbers(doc: Doc, sent: Span, death: Token) -> list[NumberPhrase]:
    """The number phrases that count a death word's dead: '50' in 'killed 50 soldiers', 'two'
    and 'four' in 'two church leaders and four worshippers were killed'. A share of a number
    already counted ('35 civilians including 31 women') is left out."""
    every = [q for q in _quantities(doc, sent) if not _part_of_previous(doc, q[0])]
    starts = {q[0]: q for q in every}
    linked = [q for q in every if _linked(q, death, starts)]
    return (
        linked or _them(death, every) or _they(death, every) or _preceding(doc, sent, death, every)
    )


def _them(death: Token, every: list[NumberPhrase]) -> list[NumberPhrase]:
    """ "arrested nine men and executed them": the number the pronoun stands for, the object
    of a verb the killing is coordinated with."""
    if not any(c.dep_ in {"dobj", "obj"} and c.lower_ == "them" for c in death.children):
        return []
    verb = death
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        for q in every:
            if q[2] is not None and q[2].head.i == verb.i and q[2].dep_ in {"dobj", "obj"}:
                return [q]
    return []


def _they(death: Token, every: list[NumberPhrase]) -> list[NumberPhrase]:
    """ "abducted four men in the village, they were executed": the passive's pronoun stands
    for the people last counted before it."""
    pronoun = [c for c in death.children if c.dep_ == "nsubjpass" and c.lower_ == "they"]
    if not pronoun or death.tag_ != "VBN":
        return []
    before = [q for q in every if q[2] is not None and q[1] <= pronoun[0].i]
    return before[-1:]


def vague_losses(death: Token) -> Token | None:
    """'heavy losses', 'significant losses': the word that makes the losses a toll."""
    if death.lower_ != "losses":
        return None
    vague = [c for c in death.children if c.lower_ in _VAGUE_HEADS]
    return vague[0] if vague else None


def is_injury(token: Token) -> bool:
    """'injured', 'wounded', 'hurt', 'blessés': a wound, not a death."""
    return bool(_INJURY.match(token.lower_))


_MISTAGGED_VERBS = {"beat", "stoned", "hacked", "stabbed"}  # tagged nouns or adjectives


def kill_verb(death: Token) -> Token:
    """'shot dead', 'beaten to death': the verb carries the victims, not 'dead'."""
    if death.lower_ not in {"dead", "death"}:
        return death
    doc = death.doc
    counted = death.i > 0 and doc[death.i - 1].like_num
    if counted or any(c.dep_ == "nsubj" for c in death.children):
        return death  # "1 dead and 2 wounded": the count's own predicate
    before = [doc[i] for i in (death.i - 1, death.i - 2) if i >= 0]
    head = death.head.head if death.head.lower_ == "to" else death.head  # "tortured ... to death"
    for cand in (head, *before):
        if (cand.pos_ == "VERB" or cand.lower_ in _MISTAGGED_VERBS) and cand.i < death.i:
            return cand  # "beat to death", whatever the tagger made of "beat"
    return death


_ATTEMPT_LEMMAS = {"attempt", "try", "seek", "plan", "intend", "threaten", "want", "fail"}


def attempted(death: Token) -> bool:
    """'attempted to assassinate', 'tried to lynch', 'nearly lynched': no one died of it."""
    if any(c.lower_ in {"nearly", "almost"} and c.dep_ == "advmod" for c in death.children):
        return True
    head = death.head
    return (
        death.dep_ in {"xcomp", "acl"}  # "tried to kill", "in an attempt to assassinate him"
        and head.lemma_.lower() in _ATTEMPT_LEMMAS
        and not any(c.dep_ == "neg" for c in head.children)
    )


SHARE_WORDS = {"including", "incl", "incl.", "dont", "notamment"}


_SHARE_AFTER = re.compile(
    r"of the (dead|victims|killed|deceased|bodies|people|persons)\b|"
    r"of those (killed|dead)\b"
)
_SHARE_BEFORE = {"among them", "among whom", "among those", "among the"}
_SHARE_AFTER_COMMA = re.compile(r"(of them|of whom|among them)\b")  # not "killed two of them"


def _part_of_previous(doc: Doc, start: int) -> bool:
    """'35 civilians including 31 women', 'killing five civilians, two of them children': a
    share of a number already counted."""
    if start > 0 and doc[start - 1].lower_ in SHARE_WORDS:
        return True
    before = " ".join(t.lower_ for t in doc[max(0, start - 2) : start])
    if before in _SHARE_BEFORE:
        return True  # "23 people were killed, among them 9 civilians"
    after = " ".join(t.lower_ for t in doc[start + 1 : start + 4])
    if _SHARE_AFTER.match(after):
        return True  # "two of the dead were its members"
    return start > 0 and doc[start - 1].text == "," and _SHARE_AFTER_COMMA.match(after) is not None


_PASSABLE_VERBS = {"presumed", "suspected", "alleged", "reported", "armed"}


def _preceding(
    doc: Doc, sent: Span, death: Token, quantities: list[NumberPhrase]
) -> list[NumberPhrase]:
    """'two church leaders and four worshippers were killed', '15 presumed JNIM militants
    killed': the numbers just before a death verb with no object, when the parse missed them.
    Walks back over the noun phrases to the clause's start (a comma or another verb)."""
    if death.pos_ != "VERB" or any(c.dep_ in {"dobj", "obj"} for c in death.children):
        return []
    starts = {q[0]: q for q in quantities}
    found: list[NumberPhrase] = []
    i = death.i - 1
    while i >= sent.start:
        tok = doc[i]
        if tok.lower_ in {",", ";", ":"} or (
            tok.pos_ == "VERB" and tok.lower_ not in _PASSABLE_VERBS
        ):
            break
        if i in starts and not _injury_governed(doc[starts[i][1] - 1]):
            q = starts[i]
            noun = q[2]
            if noun is None or noun.lemma_.lower() not in NOT_PEOPLE:
                found.append(q)
        i -= 1
    return found[::-1]


def _injury_governed(token: Token) -> bool:
    """Numbers of wounded are not deaths: 'killing one and wounding two others'."""
    tok = token
    for _ in range(3):
        if tok.pos_ == "VERB":
            return bool(_INJURY.match(tok.lower_))
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_SLASH_DATE = re.compile(r"\d{1,4}[/.]\d{1,2}([/.]\d{2,4})?")


def _quantities(doc: Doc, sent: Span) -> list[NumberPhrase]:
    """(start, end, victim root) of number phrases: '50', 'at least 20', 'dozens of'."""
    found: list[NumberPhrase] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if (
            tok.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}
            or not _is_number(tok)
            or _SLASH_DATE.fullmatch(tok.text)  # "on 10/12": a day, not a count
        ):
            i += 1
            continue
        j = i + 1
        while j < sent.end and (
            _is_number(doc[j])
            or (doc[j].lower_ in {"-", "and", "to"} and j + 1 < sent.end and _is_number(doc[j + 1]))
        ):
            j += 1
        k = i
        if tok.lower_ == "number":
            k -= 1  # "unspecified number"
        while k > sent.start and doc[k - 1].lower_ in _MODIFIERS:
            k -= 1
        while k < i and doc[k].lower_ in {"and", "of", "as", "to"}:
            k += 1
        found.append((k, j, _victim(doc, doc[j - 1])))
        i = j
    return found


_UNSPECIFIED_ADJ = {"unspecified", "unknown", "undetermined", "undisclosed", "unconfirmed"}


def _is_number(tok: Token) -> bool:
    word = tok.lower_
    if word == "number" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in _UNSPECIFIED_ADJ:
        return True  # "an unspecified number of militants"
    if word in VAGUE or word in {"dozen", "hundred", "thousand"}:
        return True
    return (
        bool(tok.like_num)
        and not re.fullmatch(r"(19|20)\d\d", word)
        and tok.pos_ in {"NUM", "PROPN", "NOUN", "ADJ", "DET", "PRON"} | {"NUM"}
    )


_NOMINAL_DEPS = {"dobj", "obj", "nsubj", "nsubjpass", "pobj", "appos", "conj"}


def _victim(doc: Doc, number: Token) -> Token | None:
    head = number.head
    if number.dep_ in {"nummod", "amod", "quantmod", "compound"} and (
        head.pos_ in {"NOUN", "PROPN"} or head.dep_ in _NOMINAL_DEPS  # "militants" tagged VERB
    ):
        while head.dep_ == "compound" and head.head.i > head.i:  # "four ISGS militants"
            head = head.head
        return head
    for child in number.children:  # "dozens of soldiers"
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


NOT_PEOPLE = {
    "head",
    "livestock",
    "cattle",
    "animal",
    "goat",
    "sheep",
    "cow",
    "camel",
    "vehicle",
    "motorbike",
    "motorcycle",
    "house",
    "shop",
    "granary",
    "rifle",
    "weapon",
    "truck",
    "car",
    "hut",
    "building",
    "village",
    "hamlet",
    "kilometre",
    "kilometer",
    "km",
    "mile",
    "year",
    "day",
    "hour",
    "minute",
    "month",
    "week",
    "side",  # "fighters from the two sides": the sides are no dead
    "camp",
    "faction",
}


_FATE_SKIP = {
    "other",
    "others",
    "more",
    "people",
    "persons",
    "was",
    "were",
    "is",
    "are",
    "have",
    "has",
    "had",
    "been",
    "being",
    "reportedly",
    "also",
    "later",
    "severely",
    "seriously",
    "critically",
    "slightly",
    "lightly",
    "gravely",
    "badly",
}


def _fate(doc: Doc, i: int, starts: dict[int, NumberPhrase]) -> Token | None:
    """The word just after a number's noun phrase, past auxiliaries, adverbs and the number
    phrases coordinated with it: 'two soldiers killed and four wounded', 'four militants and
    one soldier were killed'. It says what happened to them when the parse hangs the phrase on
    the wrong verb."""
    commas = listed = False  # "two soldiers, three civilians and a child were killed"
    while i < len(doc):
        word = doc[i].lower_
        if word in _FATE_SKIP:
            i += 1
        elif word in {"and", ",", "&"} and i + 1 in starts:
            commas, listed = commas or word == ",", listed or word != ","
            _, end, victim = starts[i + 1]
            i = max(end, victim.i + 1 if victim is not None else end)
        else:
            return None if commas and not listed else doc[i]  # commas alone: not a list
    return None


def _killed_someone(death: Token, starts: dict[int, NumberPhrase]) -> bool:
    """'two militants killed a trader': the verb has an object, so its subject is the killers;
    not 'one soldier killed one wounded', where the object's own fate is a wound."""
    for obj in (c for c in death.children if c.dep_ in {"dobj", "obj"}):
        fate = _fate(death.doc, obj.i + 1, starts)
        if fate is not None and (is_injury(fate) or kill_verb(fate).i == death.i):
            continue  # "leaving five people dead": the object's own fate
        if obj.lemma_.lower() not in NOT_PEOPLE:
            return True
    return False


def _verb_of(token: Token) -> Token | None:
    """The nearest verb above a token (itself included)."""
    tok = token
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in _NOMINAL_DEPS - {"conj"}:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _lost_lives(death: Token) -> bool:
    """ "lost their lives", "embraced martyrdom": a verb whose subject died, though it has an
    object."""
    objects = {c.lemma_.lower() for c in death.children if c.dep_ in {"dobj", "obj"}}
    return (death.lemma_.lower() == "lose" and "life" in objects) or (
        death.lemma_.lower() in {"embrace", "attain", "achieve"} and "martyrdom" in objects
    )


def _linked(q: NumberPhrase, death: Token, starts: dict[int, NumberPhrase]) -> bool:
    start, end, victim = q
    anchor = victim.i if victim is not None else end - 1
    noun = death.doc[anchor]
    if noun.lemma_.lower() in NOT_PEOPLE:
        return False  # "six hundred heads of livestock"
    if death.i in range(start, end) or anchor == death.i or kill_verb(noun).i == death.i:
        return True  # "3 dead", "leaving 3 dead": the number counts the dead themselves
    if _lost_lives(death) and noun.dep_ in {"nsubj", "conj"} and _verb_of(noun) == death:
        return True  # "four separatists and one soldier lost their lives"
    by = noun.head
    if noun.dep_ == "pobj" and by.lower_ == "by" and by.head.i in (death.i, kill_verb(death).i):
        return False  # "shot dead by two men": the killers, not the dead
    fate = _fate(death.doc, max(end, anchor + 1), starts)
    after_preposition = start > 0 and death.doc[start - 1].pos_ == "ADP"  # "from two sides"
    if fate is not None and not after_preposition:
        if is_injury(fate):
            return False
        if kill_verb(fate).i == death.i:
            return not _killed_someone(death, starts)
        if (
            fate.pos_ == "VERB"
            and fate.i > death.i
            and fate.dep_ not in {"amod", "acl"}
            and fate.lower_ not in _PASSABLE_VERBS | SHARE_WORDS | {"described", "believed"}
            and not (noun.head.i == death.i and noun.dep_ in {"dobj", "obj"})
        ):
            return False  # "two were killed and one gendarme went missing"
    if _injury_governed(death.doc[anchor]) and not _injury_governed(death):
        return False
    if noun.head.i == death.i and noun.dep_ in {"nsubjpass", "dobj", "obj"}:
        return True  # the verb's own object or passive subject, however far
    if (
        noun.dep_ == "nsubj"
        and noun.head.i == death.i
        and any(c.dep_ in {"dobj", "obj"} for c in death.children)
    ):
        return False  # "two militants killed two people": the killers, not the dead
    # without an object, "one soldier killed" is a reduced passive: the soldier died
    governor = _verb_of(noun)
    shared = (
        governor is not None
        and governor.dep_ == "conj"
        and governor.head.i == death.i
        and (not any(c.dep_ in {"dobj", "obj"} for c in death.children))
    )  # "killed and injured 12"
    if (
        death.pos_ == "VERB"
        and governor is not None
        and governor.i != death.i
        and not shared
        and (governor.i not in {t.i for t in death.ancestors})
    ):
        return False  # "killed four and abducted ten others": the ten were abducted
    if death.head.i == anchor or anchor in {t.i for t in death.subtree}:
        return abs(anchor - death.i) <= 12
    if death.dep_ == "acl" and death.head.dep_ == "appos" and death.head.head.i == anchor:
        return noun.dep_ == "ROOT"  # a headline's "two soldiers, a policeman killed"
    return death.lower_ in {"deaths", "dead", "fatalities", "bodies"} and 0 < death.i - end < 3


def bracket_of(token: Token) -> int | None:
    """The opening bracket of the parenthesis a token is in, if any."""
    depth, i = 0, token.i - 1
    while i >= token.sent.start:
        word = token.doc[i].text
        if word in {")", "]"}:
            depth += 1
        elif word in {"(", "["}:
            if depth == 0:
                return i
            depth -= 1
        i -= 1
    return None
