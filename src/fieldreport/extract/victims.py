"""The victims a death word names one by one: "killed a chief and his son", "a policeman was
shot dead", "he was found executed", a headline's "army officer killed by gunmen".

``extract.tolls`` counts the numbers ("killed 50 soldiers"); this module finds the single
victims beside them, however the parser hangs them on the sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from fieldreport.extract.tolls import NOT_PEOPLE, SHARE_WORDS, SUCCUMB, NumberPhrase, bracket_of


def named_victims(death: Token, quantities: list[NumberPhrase]) -> list[Token]:
    """The victims a death word names one by one, beside the numbers it counts: 'killed a
    chief'; with a count, only one coordinated with it ('a chief and two of his sons')."""
    counted = {i for q in quantities for i in range(q[0], q[1])}
    counted |= {q[2].i for q in quantities if q[2] is not None}
    found: list[Token] = []
    for single in _single_victims(death):
        beside = {c.i for c in single.conjuncts} | _listed_with(single, death)
        if single.i in counted or (quantities and not counted & beside):
            continue  # only "a chief and two of his sons" adds a named victim to a count
        found.append(single)
    return found


def _listed_with(single: Token, death: Token) -> set[int]:
    """A headline's list, "two soldiers, a policeman killed": the policeman is one more victim
    beside the two; not "two people, a man and his son, killed", which says who the two are."""
    if death.i == 0 or death.doc[death.i - 1].text == ",":
        return set()
    if single.dep_ == "appos" and single.head.dep_ == "ROOT":
        return {single.head.i}
    if single.dep_ == "ROOT":  # "teacher, two pupils killed": the teacher beside the two
        return {a.i for a in single.children if a.dep_ == "appos"}
    return set()


_NATURAL = re.compile(r"\b(cardiac|heart|illness|disease|natural causes|stroke|malaria)\b", re.I)


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
        about_others = death.dep_ == "relcl" and not _of_wounds(death)
        return [] if about_others or natural else _succumbed(death)
    if death.lower_ in {"body", "corpse"} or verb.lemma_.lower() not in _KILL_VERBS | {
        "torture",
        "beat",
    }:
        single = _single_victim(death)
        if single is None:
            return []
        # "shot dead a policeman and a gendarmerie interpreter": each one named
        return [single, *(c for c in single.conjuncts if c.i > single.i and _one_person(c))]
    found: list[Token] = []
    for noun in _victim_nouns(verb):
        if noun.dep_ not in {"conj", "appos"}:
            if _single(noun) and not any(f.dep_ not in {"conj", "appos"} for f in found):
                found.append(noun)  # one head: "killed a civilian [a child]" is one victim
        elif _one_person(noun) and bracket_of(noun) == bracket_of(verb):  # not "a man [a child]"
            found.append(noun)
    return found


_WOUNDS = {"wounds", "wound", "injuries", "injury"}


def _of_wounds(verb: Token) -> bool:
    """ "a gendarme who later died of his wounds": died of this event's violence, not of
    another's ("the Burkinabe who died in 2015")."""
    return any(
        p.lower_ in {"of", "from"} and any(o.lower_ in _WOUNDS for o in p.children)
        for p in verb.children
    )


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
            if a.dep_ == "appos"
            and (head.dep_ == "ROOT" or any(c.tag_ == "PRP$" for c in a.children))
        ]  # "a chief, his son", a headline's "soldier, chief killed"
        for noun in list(group):
            group += [c for c in noun.conjuncts if c.i > noun.i and c not in group]
        group += _his_companions(head, group)
        shares = [t.i for t in head.subtree if t.lower_ in SHARE_WORDS]  # "including X and Y"
        group = [t for t in group if not shares or t.i < shares[0]]
        out += sorted(group, key=lambda t: t.i)
    return out


def _his_companions(head: Token, group: list[Token]) -> list[Token]:
    """ "a leader of the Kel Essouk and his driver", "a member of Dan Na Ambassagou, his son":
    the parser hangs the companion on the group's name; "his" says whose companion it is."""
    named = [p for prep in head.children if prep.lower_ == "of" for p in prep.children]
    return [
        c
        for p in named
        for c in (*p.conjuncts, *(a for a in p.children if a.dep_ == "appos"))
        if c.i > head.i
        and c not in group
        and any(d.lower_ in {"his", "her"} for d in c.children)
        and _one_person(c)
    ]


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
    if not heads and verb.dep_ == "acl" and verb.tag_ == "VBN":
        # a headline's "army officer killed by gunmen": the officer; "soldier, chief killed":
        # the verb hangs on the last of a list
        top = verb.head.head if verb.head.dep_ == "appos" else verb.head
        heads = [top] if top.dep_ == "ROOT" else []
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
        if c.dep_ == "nsubj"
        and (
            (c.tag_ == "NN" and {d.lower_ for d in c.children} & {"a", "an"})
            or (
                (_capitalised_noun(c) or (c.tag_ == "NN" and c.i == c.sent.start))
                and not any(d.dep_ in {"det", "nummod"} for d in c.children)
            )
        )
    ]  # "Marabout killed and an apprentice abducted": the first word, capitalised


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
    elif verb.lemma_.lower() == "find" and any(c.lower_ == "dead" for c in verb.children):
        candidates = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "he was found dead"
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
        and (noun.tag_ == "NN" or _capitalised_noun(noun))
        and (
            noun.dep_ == "nsubjpass"
            or (noun.dep_ == "ROOT" and noun.head.i == noun.i)
            or (noun.dep_ in {"dobj", "obj"} and noun.head.tag_ in {"VBZ", "VBP"})
            or (noun.dep_ == "nsubj" and noun.head.tag_ in {"VBN", "VBD"})  # "Marabout killed and"
        )
        and noun.lemma_.lower() not in NOT_PEOPLE
    )  # headlines: "officer killed", "chief assassinated by armed men", "police kill gunman"
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


def _capitalised_noun(noun: Token) -> bool:
    """A headline's first word, "Teacher, two pupils killed", tagged a proper noun for its
    capital: a common noun when it is in no name."""
    return noun.tag_ == "NNP" and noun.i == noun.sent.start and not noun.ent_type_


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
    if noun.lemma_.lower() in NOT_PEOPLE:
        return False
    if noun.lower_ == "one":
        return any(c.lower_ == "of" for c in noun.children)
    dets = {c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}}
    if noun.tag_ == "NN" and not dets and noun.dep_ == "appos" and noun.head.dep_ == "ROOT":
        return True  # a headline's list: "soldier, local chief killed"
    return noun.tag_ in {"NN", "NNP"} and bool(dets & _SINGLE_DET) and noun.lower_ != "one"
