"""Bylines and credits name people: 'By X and Y', 'Reporting by X; Editing by Y', 'Photo: X/AFP', 'Par X'.

The statistical model reads a byline as a sentence and tags its names as places or organisations, or not
at all. A credit cue opening a line (or a credit after ';') is followed by names written in capitals, joined
by 'and', ',' or ';'; each name of two words or more is a person. The cues are language data
(`byline_cues` in models/lang/<code>/words.yaml).
"""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc

from ..knowledge.lexicon import Words
from .token_lookup import hash_array, tokens_with_lower

MAX_NAME_TOKENS = 5
SEPARATORS = frozenset({",", "&"})
CREDIT_OPENERS = frozenset({";", "(", "["})


def byline_names(doc: Doc, words: Words) -> list[tuple[int, int]]:
    """Token ranges of the names credited in the document's bylines."""
    cue_words, first_words = _cues(words.byline_cues)
    found: list[tuple[int, int]] = []
    for i in tokens_with_lower(doc, first_words):  # a cue's first word: few tokens, read as Token objects
        if not _credit_may_start(doc, i):
            continue
        cue = next((c for c in cue_words if tuple(t.lower_ for t in doc[i : i + len(c)]) == c), None)
        if cue is not None and doc[i].text[:1].isupper():
            found.extend(_names_after(doc, i + len(cue), words))
    return found


@lru_cache(maxsize=8)
def _cues(cues: frozenset[str]) -> tuple[tuple[tuple[str, ...], ...], numpy.ndarray]:
    """The cues as word tuples, longest first, and the hashes of their first words."""
    cue_words = tuple(tuple(cue.split()) for cue in sorted(cues, key=len, reverse=True))
    return cue_words, hash_array(hash_string(c[0]) for c in cue_words if c)


def _credit_may_start(doc: Doc, i: int) -> bool:
    """doc[i] opens a line, follows the ';' between two credits, or opens a bracketed credit line ('(Reporting
    by X; Editing by Y)', as Reuters ends its stories)."""
    if i == 0:
        return True
    previous = doc[i - 1]
    return (previous.is_space and "\n" in previous.text) or previous.text in CREDIT_OPENERS


def _names_after(doc: Doc, start: int, words: Words) -> list[tuple[int, int]]:
    """The names joined by 'and', ',' from `start` on. A name that goes on with 'for' or 'of' ('By
    International Organization for Migration') is an organisation's: none is taken then."""
    conjunctions, particles = words.conjunctions, words.name_particles
    names = []
    i = start
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < MAX_NAME_TOKENS and _name_word(doc[end], particles):
            end += 1
        while end > i and not doc[end - 1].text[:1].isupper():
            end -= 1  # a name ends with a capitalised word
        if end - i < 2 or not doc[i].text[:1].isupper():
            break
        if end < len(doc) and doc[end].lower_ in words.linking_words:
            return []
        names.append((i, end))
        if end + 1 < len(doc) and doc[end].lower_ in words.place_prepositions and doc[end + 1].text[:1].isupper():
            end += 2  # 'X in Tripoli and Y in Misrata'
            while end < len(doc) and _name_word(doc[end], particles):
                end += 1
        if end < len(doc) and (doc[end].lower_ in conjunctions or doc[end].text in SEPARATORS):
            i = end + 1
        else:
            break
    return names


def _name_word(token, particles: frozenset[str]) -> bool:
    """A capitalised word (not an agency in capitals, 'AFP'), a hyphen or a name particle."""
    text = token.text
    if token.lower_ in particles or text in ("-", "‑"):
        return True
    return token.is_alpha and text[:1].isupper() and not (token.is_upper and len(text) > 1)
