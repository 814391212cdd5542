"""Who died, counted word by word: the number phrases and named victims a death word counts.

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


def named_victims(death: Token, quantities: list[NumberPhrase]) -> list[Token]:
    """The victims a death word names one by one, beside the numbers it counts: 'killed a
    chief'; with a count, only one coordinated with it ('a chief and two of his sons')."""
    counted = {i for q in quantities for i in range(q[0], q[1])}
    counted |= {q[2].i for q in quantities if q[2] is not None}
    found: list[Token] = []
    for single in _single_victims(death):
        if single.i in counted or (quantities and not counted & {c.i for c in single.conjuncts}):
            continue  # only "a chief and two of his sons" adds a named victim to a count
        found.append(single)
    return found


def vague_losses(death: Token) -> Token | None:
    """'heavy losses', 'significant losses': the word that makes the losses a toll."""
    if death.lower_ != "losses":
        return None
    vague = [c for c in death.children if c.lower_ in _VAGUE_HEADS]
    return vague[0] if vague else None


def is_injury(token: Token) -> bool:
    """'injured', 'wounded', 'hurt', 'blessés': a wound, not a death."""
    return bool(_INJURY.match(token.lower_))


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
        if cand.pos_ == "VERB" and cand.i < death.i:
            return cand
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


_SHARE_WORDS = {"including", "incl", "incl.", "dont", "notamment"}
_NATURAL = re.compile(r"\b(cardiac|heart|illness|disease|natural causes|stroke|malaria)\b", re.I)


def _part_of_previous(doc: Doc, start: int) -> bool:
    """'35 civilians including 31 women': a share of a number already counted."""
    return start > 0 and doc[start - 1].lower_ in _SHARE_WORDS


_SINGLE_DET = {"a", "an", "the", "one", "his", "her", "their", "its", "another"}
_HURT_VERBS = {"wound", "injure", "hurt", "maim"}
_KILL_VERBS = {
    "kill",
    "assassinate",
    "execute",
    "behead",
    "decapitate",
    "murder",
    "shoot",
    "lynch",
    "slay",
    "stab",
    "slaughter",
    "gun",
    "strangle",
    "tue",
    "abattre",
}


def _single_victims(death: Token) -> list[Token]:
    """'killed a chief and his son', 'a policeman was shot dead', 'a herder who was executed':
    the victims named one by one, and those coordinated with them ('two soldiers and a
    civilian': the civilian; the two are a count of their own)."""
    verb = death if death.pos_ == "VERB" else death.head
    if SUCCUMB.match(death.lower_):
        return _succumbed(death)  # "succumbed to his wounds"
    if death.pos_ == "VERB" and death.lemma_.lower() == "die":
        # "he later died", not "the Burkinabe who died" (a clause about others) nor a natural
        # death ("died of a heart attack")
        natural = _NATURAL.search(" ".join(t.text for t in death.subtree))
        return [] if death.dep_ == "relcl" or natural else _succumbed(death)
    if death.lower_ in {"body", "corpse"} or verb.lemma_.lower() not in _KILL_VERBS | {
        "torture",
        "beat",
    }:
        single = _single_victim(death)
        return [single] if single is not None else []
    found: list[Token] = []
    for noun in _victim_nouns(verb):
        if noun.dep_ not in {"conj", "appos"}:
            if _single(noun) and not any(f.dep_ not in {"conj", "appos"} for f in found):
                found.append(noun)  # one head: "killed a civilian [a child]" is one victim
        elif _one_person(noun) and bracket_of(noun) == bracket_of(verb):  # not "a man [a child]"
            found.append(noun)
    return found


def _succumbed(verb: Token) -> list[Token]:
    """'the woman succumbed to her wounds', 'a child who succumbed', 'he later succumbed', 'was
    wounded and later succumbed': the one who died of wounds (a number is counted apart)."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    found = [_antecedent(c) for c in subjects[:1]]
    return [s for s in found if s.lower_ in {"he", "she"} or _single(s)]


def _victim_nouns(verb: Token) -> list[Token]:
    """The killing's objects and passive subjects, with the nouns coordinated with them and a
    possessive apposition ('a chief, his son and a guard')."""
    out: list[Token] = []
    for head in _victim_heads(verb):
        group = [head]
        group += [
            a
            for a in head.children
            if a.dep_ == "appos" and any(c.tag_ == "PRP$" for c in a.children)
        ]
        for noun in list(group):
            group += [c for c in noun.conjuncts if c.i > noun.i and c not in group]
        shares = [t.i for t in head.subtree if t.lower_ in _SHARE_WORDS]  # "including X and Y"
        group = [t for t in group if not shares or t.i < shares[0]]
        out += sorted(group, key=lambda t: t.i)
    return out


def _victim_heads(verb: Token) -> list[Token]:
    heads = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "obj"}]
    if not heads:  # "killed and decapitated a man": the object hangs on the second verb
        heads = [
            o
            for c in verb.children
            if c.dep_ == "conj"
            and c.pos_ == "VERB"
            and c.i - verb.i <= 3  # "killed and decapitated", not a later clause's verb
            and c.lemma_.lower() not in _HURT_VERBS
            for o in c.children
            if o.dep_ in {"dobj", "obj"} and o.lemma_.lower() not in {"body", "corpse"}
        ]
    if not heads and verb.dep_ == "conj" and verb.tag_ == "VBN":
        # "a worker was tortured and killed": the passive subject of the first verb
        heads = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    if not heads and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "ROOT":
        heads = [verb.head]  # a headline's "army officer killed by gunmen": the officer
    if not heads:
        heads = _stranded_subject(verb) or _headline_subject(verb) or _found_dead(verb)
    heads += [  # "shot dead a guard" parsed as a preposition "dead" with an object
        o for p in verb.children if p.lower_ == "dead" for o in p.children if o.dep_ == "pobj"
    ]
    return [_antecedent(h) for h in heads]


def _found_dead(verb: Token) -> list[Token]:
    """ "a ranger went missing and was found murdered", "one abducted was found executed": the
    one found."""
    found = verb.head
    if verb.dep_ not in {"xcomp", "oprd", "acomp"} or found.lemma_.lower() != "find":
        return []
    for clause in (found, found.head if found.dep_ == "conj" else None):
        if clause is None:
            continue
        subjects = [c for c in clause.children if c.dep_ in {"nsubjpass", "nsubj"}]
        if subjects:
            return subjects[:1]
    return []


def _headline_subject(verb: Token) -> list[Token]:
    """ "A farmer killed and a herder abducted": a headline's passive, the verb with a subject
    and no object; the subject (one person) is the victim."""
    if verb.lemma_.lower() not in _KILL_VERBS or verb.tag_ not in {"VBD", "VBN"}:
        return []
    if any(c.dep_ in {"dobj", "obj", "nsubjpass", "agent"} for c in verb.children):
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "nsubj" and c.tag_ == "NN" and {d.lower_ for d in c.children} & {"a", "an"}
    ]


def _stranded_subject(verb: Token) -> list[Token]:
    """ "..., two soldiers and a policeman were killed" when the parser hangs the nouns on the
    clause before: the common nouns just before the passive's auxiliary, from the first of the
    coordination."""
    aux = [c.i for c in verb.children if c.dep_ == "auxpass" and c.lower_ in {"was", "were"}]
    if verb.dep_ not in {"conj", "ROOT"} or not aux:
        return []
    if any(c.dep_ in {"nsubjpass", "nsubj"} for c in verb.children):
        return []
    noun = verb.doc[aux[0] - 1]
    if noun.pos_ != "NOUN":
        return []
    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head.i < noun.i:
        noun = noun.head
    return [noun]


def _single_victim(death: Token) -> Token | None:
    """'killed a woman', 'a policeman was shot dead', 'the body of one assailant': one victim."""
    verb = death if death.pos_ == "VERB" else death.head
    if death.lower_ in {"body", "corpse"}:
        candidates = [c for p in death.children if p.lower_ == "of" for c in p.children]
        owner = [c for c in death.children if c.dep_ in {"poss", "det"}]
        if not candidates and owner and death.tag_ == "NN":
            return death  # "his body was found", "the corpse"
    elif verb.lemma_.lower() in _KILL_VERBS | {"torture", "beat"}:
        candidates = _victim_heads(verb)
    elif death.lower_ == "dead":  # "shot dead a civilian" parsed with "dead" as the verb
        candidates = [c for c in death.children if c.dep_ in {"dobj", "obj", "pobj"}]
    else:
        return None
    return next((noun for noun in candidates if _single(noun)), None)


def _single(noun: Token) -> bool:
    dets = {c.lower_ for c in noun.children if c.dep_ in {"det", "nummod", "poss"}}
    if not dets:  # "a policeman standing guard" parsed as a guard with "a policeman" before it
        dets = {
            d.lower_
            for c in noun.children
            if c.dep_ == "compound" and c.tag_ == "NN"
            for d in c.children
            if d.dep_ == "det"
        }
    bare = (
        not dets
        and noun.tag_ == "NN"
        and (noun.dep_ == "nsubjpass" or (noun.dep_ == "ROOT" and noun.head.i == noun.i))
    )  # headline style: "officer killed", "fraction chief assassinated by armed men"
    nominal = noun.tag_ in {"NN", "NNP"} or (  # "killed a civilian", civilian tagged JJ
        noun.dep_ in {"dobj", "obj", "nsubjpass"} and noun.tag_ == "JJ"
    )
    if noun.ent_type_ == "PERSON" and noun.tag_ == "NNP":
        return True  # "shot dead CSMAK officer Baba Ag Adobent": one named man
    if noun.lower_ in {"him", "her", "himself", "herself", "he", "she"}:
        return True  # "abducted a man and executed him", "killed himself"
    return (
        nominal
        and bool(dets & _SINGLE_DET or bare)
        and noun.lower_
        not in {"one", "nobody", "anyone", "village", "convoy", "post", "camp", "vehicle"}
    )


def _antecedent(noun: Token) -> Token:
    """'a herder who was later executed': the relative pronoun stands for the herder."""
    verb = noun.head
    if (
        noun.tag_ in {"WP", "WDT"}
        and verb.dep_ == "relcl"
        and verb.head.i in (noun.i - 1, noun.i - 2)
    ):
        return verb.head  # right before the pronoun, or before its comma
    return noun


def _one_person(noun: Token) -> bool:
    """'his son', 'a bystander', 'the deputy mayor', 'one of his guards': one more victim."""
    if noun.lemma_.lower() in _NOT_PEOPLE:
        return False
    if noun.lower_ == "one":
        return any(c.lower_ == "of" for c in noun.children)
    dets = {c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}}
    return noun.tag_ in {"NN", "NNP"} and bool(dets & _SINGLE_DET) and noun.lower_ != "one"


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
            if noun is None or noun.lemma_.lower() not in _NOT_PEOPLE:
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


_NOT_PEOPLE = {
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
        if obj.lemma_.lower() not in _NOT_PEOPLE:
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


def _linked(q: NumberPhrase, death: Token, starts: dict[int, NumberPhrase]) -> bool:
    start, end, victim = q
    anchor = victim.i if victim is not None else end - 1
    noun = death.doc[anchor]
    if noun.lemma_.lower() in _NOT_PEOPLE:
        return False  # "six hundred heads of livestock"
    if death.i in range(start, end) or anchor == death.i or kill_verb(noun).i == death.i:
        return True  # "3 dead", "leaving 3 dead": the number counts the dead themselves
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
            and fate.lower_ not in _PASSABLE_VERBS | _SHARE_WORDS | {"described", "believed"}
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
