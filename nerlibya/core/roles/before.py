"""A title written before its name: 'Prime Minister X', 'the envoy of France, X', a heading's lines, a title
inside another title's complement."""

from __future__ import annotations

from typing import Mapping, Sequence

from ..types import Title
from .apposition import person_after_apposition
from .complements import past_place_complement, skip_possessor
from .scene import APPOSITION_OPENERS, MAX_STACKED_TITLES, Person, Scene, TokenLike


def person_after(scene: Scene, title: Title) -> Person | None:
    """'Prime Minister X', 'the envoy of France, X' (right after the title, its whole phrase, or one more place or
    body complement: 'the Head of the Presidency Council of the GNA X'; a title
    inside another's complement only right after itself: 'Envoy of the Secretary-General for Libya X', or
    after its own phrase when the enclosing title's reading made that name its own person: 'l'envoyé du
    secrétaire général de l'ONU X'; never an office others represent after an article: in 'Special
    Representative of the Secretary-General X', X is the representative)."""
    if (title.inner and title.head in scene.words.represented_offices and _no_own_phrase(scene.tokens, title)
            and title.phrase_start > 0 and scene.tokens[title.phrase_start - 1].lower_ in scene.words.title_determiners):
        return None  # (without an article the office is the name's: 'a spokesperson for Secretary-General X')
    for position in (title.end, title.phrase_end, past_place_complement(scene, title.phrase_end),
                     _next_line_if_alone(scene, title), _bracketed_name(scene, title.phrase_end)):
        person = scene.starts.get(_past_stacked_titles(scene, position))
        if (person is None or (person.start, person.end) == title.of or _after_linking_word(scene, title, person)
                or _names_the_body(scene, title, person)):
            continue
        if not title.inner or position == title.end or _of_enclosing(scene, title, person):
            return person
    return None


def person_on_line_before(scene: Scene, title: Title) -> Person | None:
    """A statement's or a speech's heading writes the name alone on its line and the title alone on the next
    ('William Harlow' / 'Deputy Secretary of State'): the person whose line ends right before the title's; not in
    a fact box, where each title line heads the name below it (the name's own line follows a title line)."""
    tokens, start, end = scene.tokens, title.phrase_start, title.phrase_end
    if start < 2 or not _breaks_line(tokens, start - 1) or not (end >= len(tokens) or _breaks_line(tokens, end)):
        return person_heading_profile(scene, title)
    person = scene.ends.get(start - 1)
    if person is None or person.start == 0:
        return person
    return person if _breaks_line(tokens, person.start - 1) and not scene.titles_ending.get(person.start - 1) else None


def person_heading_profile(scene: Scene, title: Title) -> Person | None:
    """A list of profiles writes each name alone on its line and opens the next line with the person's title ('Khalifa
    Haftar' / 'The 81-year-old field marshal commands ...'): the person whose line ends before the title's opens, when
    the article holds two such entries or more (one name alone on a line before a sentence is a byline)."""
    person = _name_line_before(scene, _line_opening(scene, title.phrase_start))
    if person is None:
        return None
    entries = sum(1 for p in scene.starts.values() if _name_line_before(scene, p.end + 1) is p
                  and _opens_with_title(scene, p.end + 1))
    return person if entries >= 2 else None


def _line_opening(scene: Scene, start: int) -> int:
    """Where the line of a phrase starting at `start` opens, back over the words `_before_a_title` skips."""
    k = start - 1
    while k >= 0 and _before_a_title(scene, scene.tokens[k]):
        k -= 1
    return k + 1


def _before_a_title(scene: Scene, token: TokenLike) -> bool:
    """A determiner, a word of an age or a number: what may open a profile's line before its title ('The
    81-year-old field marshal')."""
    return token.lower_ in scene.words.title_determiners or token.lower_ in scene.words.age_words or token.text.isdigit()


def _name_line_before(scene: Scene, k: int) -> Person | None:
    """The person whose name is alone on the line that ends right before the line opening at `k`, or None."""
    tokens = scene.tokens
    if k < 2 or not _breaks_line(tokens, k - 1):
        return None
    person = scene.ends.get(k - 1)
    if person is None or (person.start > 0 and not _breaks_line(tokens, person.start - 1)):
        return None
    return None if scene.titles_ending.get(person.start - 1) else person


def _opens_with_title(scene: Scene, k: int) -> bool:
    """Does the line opening at `k` open with a title, past the words `_before_a_title` skips?"""
    tokens = scene.tokens
    while k < len(tokens) and _before_a_title(scene, tokens[k]):
        k += 1
    return k in scene.titles_from or k in scene.titles_at


def _after_linking_word(scene: Scene, title: Title, person: Person) -> bool:
    """'X, ministre des Affaires étrangères du gouvernement de Y', '... du gouvernement dirigé par Y': a name after
    the title's words and a linking word or an agent preposition names the body of the complement, not the
    title's holder."""
    before = scene.tokens[person.start - 1].lower_
    return person.start > title.end and (before in scene.words.linking_words or before in scene.words.agent_prepositions)


def _names_the_body(scene: Scene, title: Title, person: Person) -> bool:
    """'X, ministre de l'Intérieur du gouvernement Dbeibah,': in a title set off after a person, a name right after
    the body's noun of its complement names the body after its head ('le gouvernement Dbeibah'); the holder is X.
    ('Le porte-parole du gouvernement Y a démenti', with no one before the title: Y is the spokesman.)"""
    tokens = scene.tokens
    comma = skip_possessor(scene, title.phrase_start)
    return (person.start > title.start and tokens[person.start - 1].lower_ in scene.words.bodies
            and comma >= 0 and tokens[comma].text in APPOSITION_OPENERS and comma in scene.ends)


def _bracketed_name(scene: Scene, k: int) -> int:
    """'le ministre de la Défense (X)': where a name alone in brackets right after the title's phrase starts, or
    `k`."""
    tokens, person = scene.tokens, scene.starts.get(k + 1)
    if k < len(tokens) and tokens[k].text == "(" and person is not None and person.end < len(tokens) \
            and tokens[person.end].text == ")":
        return k + 1
    return k


def _next_line_if_alone(scene: Scene, title: Title) -> int:
    """A fact box writes a title alone on its line and the holder's name alone on the next ('Central bank
    governor' / 'X'): where that next line starts, or the title's end (no other position)."""
    tokens, end = scene.tokens, title.phrase_end
    opening = min(title.phrase_start, title.org.span[0] if title.org and title.org.span else title.phrase_start)
    if not (_breaks_line(tokens, end) and (opening == 0 or _breaks_line(tokens, opening - 1))):
        return title.end
    person = scene.starts.get(end + 1)
    return end + 1 if person is not None and (person.end >= len(tokens) or _breaks_line(tokens, person.end)) else title.end


def _breaks_line(tokens: Sequence[TokenLike], index: int) -> bool:
    return index < len(tokens) and "\n" in tokens[index].text and not tokens[index].text.strip()


def _no_own_phrase(tokens: Sequence[TokenLike], title: Title) -> bool:
    """Is the title written bare, or with only its acronym in parentheses ('Secretary-General (SRSG)')?"""
    end = title.end
    if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 2].text.startswith(")"):
        end += 3
    return title.phrase_end <= end


def _of_enclosing(scene: Scene, title: Title, person: Person) -> bool:
    """Is `person` the one a title enclosing `title` is of (its complement's title names them)?"""
    return any(t.of == (person.start, person.end) and t.phrase_start < title.start
               for t in scene.titles_ending.get(person.end, ()))


def _past_stacked_titles(scene: Scene, position: int) -> int:
    """Where the name starts after titles or honorifics stacked at `position`: 'AFRICOM Commander General X',
    'Special Envoy to Libya Ambassador X', 'physician Dr. X' (each title there is the same person's)."""
    for _ in range(MAX_STACKED_TITLES):
        if position in scene.starts or position >= len(scene.tokens):
            break
        if scene.tokens[position].lower_ in scene.words.honorifics:  # 'IOM physician Dr. X'
            position += 1
            continue
        stacked = scene.titles_at.get(position) or scene.titles_from.get(position)
        if stacked is None or stacked.category == "clause":
            break
        position = stacked.end
    return position


def person_of_enclosing(scene: Scene, title: Title, attached: Mapping[int, Person]) -> Person | None:
    """'the Special Representative of the Secretary-General (SRSG) for Libya, X': a title in parentheses
    inside an attached title's phrase is its acronym, the same person's."""
    tokens = scene.tokens
    if not (0 < title.start and title.end < len(tokens) and tokens[title.start - 1].text == "("
            and tokens[title.end].text == ")"):
        return None
    for start, person in attached.items():
        enclosing = scene.titles_at[start]
        if enclosing.phrase_start < title.start and title.end < enclosing.phrase_end:
            return person
    return None


def _apposed_to_name(scene: Scene, title: Title) -> bool:
    """A name and a comma right before the title's phrase: the title opens that name's apposition."""
    comma = title.phrase_start - 1
    return comma > 0 and scene.tokens[comma].text == "," and scene.ends.get(comma) is not None


def person_after_coordinated(scene: Scene, title: Title) -> Person | None:
    """'Prime Minister and Defence Minister X', 'Ambassador and Envoy to Libya, X, said': both titles are X's."""
    tokens, k = scene.tokens, past_place_complement(scene, title.phrase_end)
    if k < len(tokens) and (tokens[k].lower_ in scene.words.conjunctions or tokens[k].text == "&"):
        following = scene.titles_at.get(k + 1)
        if following is not None and following.category != "clause":
            if title.inner:  # 'the envoy of the Secretary-General and head of X, Y': Y is not the Secretary-General
                return None
            person = person_after(scene, following)
            if person is not None and following.category == "rank" and _apposed_to_name(scene, title):
                return None  # 'A, Commander-in-Chief of X and Lieutenant General B': a list of names and their titles
            return person or person_after_apposition(scene, following, opening=title)
    return None
