"""Find tokens by their lower-case form from one array of hashes, without building a `Token` per word.

A rule that starts from a few listed words ('committee', 'by', 'agency') would otherwise read every token of
every document as a Python object, which costs more than the rule itself on news-length texts.
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
def lower_hashes(words: frozenset[str]) -> numpy.ndarray:
    """The string hashes of `words` (lower-case forms), sorted, for `tokens_with_lower`."""
    return hash_array(hash_string(word) for word in words)


def hash_array(hashes: Iterable[int]) -> numpy.ndarray:
    return numpy.array(sorted(set(hashes)), dtype=numpy.uint64)


def tokens_with_lower(doc: Doc, hashes: numpy.ndarray) -> list[int]:
    """Indices of the tokens whose lower-case form is one of `hashes`, in text order."""
    if not len(doc) or not len(hashes):
        return []
    return numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), hashes)).tolist()


def tokens_with_text(doc: Doc, words: Iterable[str]) -> list[int]:
    """Indices of the tokens written exactly as one of `words`, in text order."""
    hashes = hash_array(hash_string(word) for word in words)
    if not len(doc) or not len(hashes):
        return []
    return numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), hashes)).tolist()


def space_tokens_holding(doc: Doc, characters: frozenset[str]) -> list[int]:
    """Indices of the whitespace tokens whose text holds one of `characters` (line breaks), in text order: one
    array read instead of a `Token` per word."""
    if not len(doc):
        return []
    return [i for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist() if not characters.isdisjoint(doc[i].text)]


def tokens_where_lower(doc: Doc, wanted: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens whose lower-case form passes `wanted`, asked once per distinct form."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    lowers = doc.to_array(LOWER)
    return tokens_with_lower(doc, hash_array(h for h in numpy.unique(lowers).tolist() if wanted(strings[h])))
