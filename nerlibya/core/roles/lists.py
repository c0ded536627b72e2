"""One title shared by several people: 'deputy prime ministers, A, B and C', 'A and B, both deputies',
'A et B, respectivement T1 et T2'."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..types import Title
from .complements import skip_possessor
from .scene import Person, Scene, as_phrase_start, skip_back

AMPERSAND = frozenset({"&"})  # 'the President & Vice-President': joins titles in a row as 'and' does


def people_listed(scene: Scene, title: Title) -> list[Person]:
    """The people sharing a title written in the plural: listed after it ('deputy prime ministers, A, B and
    C', 'three deputies, namely A and B') or before it ('A and B, both deputies for Sabha'); two at least."""
    tokens, chain = scene.tokens, scene.words.chain_words
    listed: list[Person] = []
    k = _list_start(scene, title.phrase_end)
    while (person := scene.starts.get(k)) is not None:
        listed.append(person)
        k = person.end
        while k < len(tokens) and tokens[k].lower_ in chain:
            k += 1
    if len(listed) > 1:
        return listed
    k = skip_back(tokens, title.phrase_start, scene.words.before_shared_title)
    listed = people_before_comma(scene, k) if k >= 0 and tokens[k].text == "," else []
    return listed if len(listed) > 1 else []


def _list_start(scene: Scene, k: int) -> int:
    """Where the people a plural title lists begin, from the token after it: past a comma and a word that opens
    the list ('namely', 'including')."""
    tokens = scene.tokens
    k += 1 if k < len(tokens) and tokens[k].text == "," else 0
    return k + 1 if k < len(tokens) and tokens[k].lower_ in scene.words.list_openers else k


def people_before_comma(scene: Scene, comma: int) -> list[Person]:
    """The people listed right before this comma ('A, B and C,'), the nearest first; none if no name ends there."""
    listed: list[Person] = []
    k = comma
    while (person := scene.ends.get(k)) is not None:
        listed.append(person)
        k = skip_back(scene.tokens, person.start, scene.words.chain_words) + 1
    return listed


def person_respectively(scene: Scene, title: Title) -> Person | None:
    """'A et B, respectivement ministre de la Défense et ministre de l'Intérieur', 'A and B, the President and
    Vice-President of X': titles written in a row after 'respectivement', or after the article opening an apposition,
    go, in order, to as many people listed before its comma; the person of this title, or None (no such word, or as
    many titles as people not written)."""
    before = _titles_back_to(scene, title, scene.words.respectively | scene.words.title_determiners)
    if before is None:
        return None
    cue = title.phrase_start - 1 if not before else before[0].phrase_start - 1
    listed = people_before_comma(scene, cue - 1) if cue > 0 and scene.tokens[cue - 1].text == "," else []
    rank, count = len(before), len(before) + 1 + len(_titles_on_from(scene, title))
    return listed[::-1][rank] if len(listed) == count > 1 else None


def _titles_back_to(scene: Scene, title: Title, cues: frozenset[str]) -> list[Title] | None:
    """The titles written in a row ('T1, T2 et') between one of `cues` and this title, in text order; None if
    something else comes between."""
    tokens, k, row = scene.tokens, title.phrase_start - 1, []
    while k >= 0 and tokens[k].lower_ not in cues:
        ending = [t for t in scene.titles_ending.get(k, ()) if t.category != "clause"]
        if tokens[k].lower_ not in scene.words.chain_words | AMPERSAND or not ending:
            return None
        row.insert(0, min(ending, key=lambda t: t.phrase_start))
        k = row[0].phrase_start - 1
    return row if k >= 0 else None


def _titles_on_from(scene: Scene, title: Title) -> list[Title]:
    """The titles written in a row after this one (', T2 et T3'), each after a comma or a conjunction."""
    row, k = [], title.phrase_end
    while k < len(scene.tokens) and scene.tokens[k].lower_ in scene.words.chain_words | AMPERSAND \
            and (after := scene.titles_from.get(k + 1)) is not None:
        row.append(after)
        k = after.phrase_end
    return row


def respective_titles(scene: Scene, title: Title, listed: Sequence[Person]) -> list[Title]:
    """'the foreign and interior ministers, A and B': a plural title whose two modifiers are joined by 'and', shared
    by two people (in text order), gives each one modifier in turn ('foreign minister', 'interior minister');
    otherwise the same title for each."""
    words = title.title.split()
    if len(listed) != 2 or len(words) != 4 or words[1].lower() not in scene.words.conjunctions:
        return [title] * len(listed)
    return [replace(title, title=f"{words[0]} {words[3]}"), replace(title, title=f"{words[2]} {words[3]}")]


def singled_out(scene: Scene, title: Title) -> Title | None:
    """'X, un des commandants', 'one of the operation's commanders, X': a plural title after a partitive (read
    right before the title, or before its possessor) is one person's, in the singular (its text already is); the
    title read from the partitive on, or None."""
    start = as_phrase_start(scene.tokens, title.phrase_start - 1, scene.words.partitives)
    if start is None:
        start = as_phrase_start(scene.tokens, skip_possessor(scene, title.phrase_start), scene.words.partitives)
    return replace(title, phrase_start=start, plural=False) if start is not None else None
