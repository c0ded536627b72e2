"""A second name the article gives one person: 'Ahmed al-Dabbashi, also known as "al-Ammu"', 'Abdel Rahman
al-Milad, dit « Bidja »', 'Abdelghani al-Kikli ("Ghaniwa")'. The alias is a form of that person, never a person of
its own."""

from __future__ import annotations

from collections.abc import Sequence

_ASIDE_OPENERS = frozenset({",", "("})
_QUOTES = frozenset({"\"", "'", "«", "“", "‘"})


def introduces_alias(between: Sequence[str], cues: frozenset[str]) -> bool:
    """The words between two people's names (lower case, in order) open an aside with an alias cue: ', also
    known as', '(a.k.a.'; or a bracket and a quote alone ('X ("Y")'): a quoted name in brackets right after a name
    is the nickname the person goes by. A cue written with a quote ('dit "') needs the quote: French 'dit' alone is
    'said'."""
    if not between or between[0] not in _ASIDE_OPENERS:
        return False
    if between[0] == "(" and len(between) > 1 and all(w in _QUOTES for w in between[1:]):
        return True
    words = ['"' if w in _QUOTES else w for w in between[1:] if w not in _ASIDE_OPENERS]
    phrase = " ".join(words)
    return phrase in cues or (phrase.endswith(' "') and phrase[:-2] in cues)
