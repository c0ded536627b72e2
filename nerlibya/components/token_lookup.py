"""Find tokens by their lower-case form from one array of hashes, without building a `Token` per word.

A rule that starts from a few listed words ('committee', 'by', 'agency') would otherwise read every token of
every document as a Python object, which costs more than the rule itself on news-length texts. The hashes
are looked up in a set: on news-length arrays, numpy.isin's sorting costs more than the look-ups.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable

import numpy
from spacy.attrs import IS_SPACE, LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc

NEWLINE = frozenset("\n")


@lru_cache(maxsize=64)
def lower_hashes(words: frozenset[str]) -> frozenset[int]:
    """The string hashes of `words` (lower-case forms), for `tokens_with_lower`."""
    return frozenset(hash_string(word) for word in words)


def tokens_with_lower(doc: Doc, hashes: frozenset[int]) -> list[int]:
    """Indices of the tokens whose lower-case form is one of `hashes`, in text order."""
    return _tokens_with(doc, LOWER, hashes)


def tokens_with_text(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices of the tokens written exactly as one of `words`, in text order."""
    return _tokens_with(doc, ORTH, frozenset(hash_string(word) for word in words))


def _tokens_with(doc: Doc, attribute: int, hashes: frozenset[int]) -> list[int]:
    if not len(doc) or not hashes:
        return []
    return [i for i, value in enumerate(doc.to_array(attribute).tolist()) if value in hashes]


def space_tokens_holding(doc: Doc, characters: frozenset[str]) -> list[int]:
    """Indices of the whitespace tokens whose text holds one of `characters` (line breaks), in text order: one
    array read instead of a `Token` per word."""
    if not len(doc):
        return []
    return [i for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist() if not characters.isdisjoint(doc[i].text)]


def tokens_where_lower(doc: Doc, wanted: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens whose lower-case form passes `wanted`, asked once per distinct form."""
    return tokens_where(doc, LOWER, wanted)


def tokens_where(doc: Doc, attribute: int, wanted: Callable[[str], bool], among: numpy.ndarray | None = None) -> list[int]:
    """Indices of the tokens whose string `attribute` (LOWER, ORTH) passes `wanted`, asked once per distinct
    string; with `among` (a boolean array, one value per token), only the tokens where it holds."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    indices = numpy.arange(len(doc)) if among is None else numpy.flatnonzero(among)
    values = doc.to_array(attribute)[indices].tolist()
    hashes = {h for h in set(values) if wanted(strings[h])}
    return [i for i, value in zip(indices.tolist(), values) if value in hashes]
