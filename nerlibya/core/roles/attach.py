"""The order in which the patterns are tried for one title, and a title with no name near it given to the one
person who holds the same office."""

from __future__ import annotations

from typing import Mapping, Sequence

from ...text.normalize import fold
from ..types import Title
from .apposition import (person_after_apposition, person_after_relative, person_before_apposition,
                         person_before_bare_apposition, person_chained, person_past_relative)
from .before import person_after, person_after_coordinated, person_of_enclosing, person_on_line_before
from .clauses import person_after_copula, person_appointed, person_before_pronoun
from .complements import past_complements
from .lists import person_respectively
from .scene import Held, Person, Scene


def holder_by_other_name(title: Title, held: Sequence[Held], office_synonyms: Mapping[str, str]) -> Person | None:
    """'le chef de la diplomatie française' with no name near it is the one person the article gives the same office
    of the same country under another name ('le ministre français des Affaires étrangères, X'); None when no one
    or several do, when the title is already that person's, or when it gives no country or says the office is
    over ('l'ancien chef de l'État français' is someone else)."""
    office = office_synonyms.get(fold(title.title))
    if office is None or title.org is None or title.org.id is None or title.status not in (None, "current"):
        return None
    holders = {h.key: h for h in held if h.office == office and h.org == title.org.id}
    if len(holders) != 1:
        return None
    holder = next(iter(holders.values()))
    return None if any(h.key == holder.key and h.title == fold(title.title) for h in held) else holder.person


def attach(scene: Scene, title: Title, attached: Mapping[int, Person]) -> tuple[Person | None, str]:
    """The person a title describes and the pattern that says so; `attached` maps the starts of titles
    already attached (earlier in the text) to their people, for chains ('X, minister and envoy')."""
    if title.holder is not None:  # '- M. X: ministre de la Justice.'
        return scene.starts.get(title.holder[0]) or scene.ends.get(title.holder[1]), "list-entry"
    person = person_respectively(scene, title)
    if person is not None:
        return person, "apposition-after"
    person = person_of_enclosing(scene, title, attached)
    if person is not None:
        return person, "acronym"
    if _is_possessor(scene, title) or _names_an_unnamed_speaker(scene, title):
        return None, ""
    person = person_after(scene, title) or person_after_coordinated(scene, title)
    if person is not None:
        return person, "before-name"
    if title.inner:
        return None, ""  # a title inside another's complement ('Chief of Staff to the President') names nobody else
    person = person_before_apposition(scene, title)
    if person is not None:
        return person, "apposition-after"
    person = (person_chained(scene, title, attached) or person_after_relative(scene, title)
              or person_past_relative(scene, title))
    if person is not None:
        return person, "apposition-chain"
    person = person_after_apposition(scene, title)
    if person is not None:
        return person, "apposition-before"
    person = person_before_bare_apposition(scene, title) or person_on_line_before(scene, title)
    if person is not None:
        return person, "apposition-after"
    person = person_after_copula(scene, title) or person_appointed(scene, title)
    antecedent = person_before_pronoun(scene, title) if person is None else None
    return (antecedent, "pronoun") if antecedent is not None else (person, "appointment")


def _is_possessor(scene: Scene, title: Title) -> bool:
    """'X, the prime minister's spokesman': a title written with a possessive mark names whose the next noun is, not
    the person in apposition; its holder is nobody here. (A possessive after its complement is the complement's:
    'X, prime minister of Libya's government'.)"""
    end = title.end
    return end < len(scene.tokens) and scene.tokens[end].text in scene.words.possessive_marks


def _names_an_unnamed_speaker(scene: Scene, title: Title) -> bool:
    """'The council named X to replace him, a council spokeswoman said': a title (with its complements) right
    before a verb of saying is that verb's subject, a speaker the sentence does not name; not the name before it
    (an apposition closes with a comma: 'X, a spokesman, said'). A verb's word that opens a name is none: 'Interior
    Minister Said Ali' ('Said' then a name that the entity holds)."""
    k = past_complements(scene, title.phrase_end)
    return (k < len(scene.tokens) and scene.tokens[k].lower_ in scene.words.speech_verbs
            and scene.tokens[k - 1].text != "," and scene.starts.get(k) is None)


def of_a_family(scene: Scene, title: Title) -> bool:
    """'X, un membre d'une grande famille de Misrata': a title whose complement is a family (its noun within
    three words after 'de') says kinship, not an office."""
    tokens, k = scene.tokens, title.end  # the complement, read in the phrase or not
    if k >= len(tokens) or tokens[k].lower_ not in scene.words.linking_words:
        return False
    return any(tokens[j].lower_ in scene.words.family_nouns for j in range(k + 1, min(k + 4, len(tokens))))
