"""Find tokens by their lower-case form from one array of hashes, without building a `Token` per word.

A rule that starts from a few listed words ('committee', 'by', 'agency') would otherwise read every token of
every document as a Python object, which costs more than the rule itself on news-length texts. Each Doc's
tokens are filed once by their hash (the rules ask a dozen word lists of every document), and a word list is
met with the doc's distinct words in one set intersection.

The filing is kept beside the Doc (a weak reference: it goes with the Doc) and read again while the Doc has as
many tokens: no nerlibya component retokenizes.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import Callable, Iterable
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import IS_SPACE, LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc

NEWLINE = frozenset("\n")

_FILED: WeakKeyDictionary = WeakKeyDictionary()  # Doc -> (its length, {attribute or key: what was read})


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
    filed = _positions(doc, attribute)
    return sorted(i for value in hashes.intersection(filed) for i in filed[value])


def _read_once(doc: Doc, key, read: Callable[[Doc], object]):
    """What `read(doc)` gives, read on the first call for this Doc and `key` and remembered with the Doc."""
    length, known = _FILED.get(doc, (None, None))
    if length != len(doc):
        known = {}
        _FILED[doc] = (len(doc), known)
    if key not in known:
        known[key] = read(doc)
    return known[key]


def _positions(doc: Doc, attribute: int) -> dict[int, list[int]]:
    """The indices of the tokens of each distinct value of `attribute`, in text order."""
    def read(doc: Doc) -> dict[int, list[int]]:
        filed: dict[int, list[int]] = {}
        for i, value in enumerate(doc.to_array(attribute).tolist()):
            filed.setdefault(value, []).append(i)
        return filed
    return _read_once(doc, attribute, read)


def space_tokens_holding(doc: Doc, characters: frozenset[str]) -> tuple[int, ...]:
    """Indices of the whitespace tokens whose text holds one of `characters` (line breaks), in text order: one
    array read instead of a `Token` per word."""
    if not len(doc):
        return ()
    return _read_once(doc, characters, lambda doc: tuple(i for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist()
                                                         if not characters.isdisjoint(doc[i].text)))


def line_around(doc: Doc, index: int) -> tuple[int, int]:
    """Tokens `start:end` of the line holding doc[index], between whitespace tokens holding a newline (the one
    at `index` ends the line before it), found by bisection instead of a walk token by token."""
    breaks = space_tokens_holding(doc, NEWLINE)
    after = bisect_left(breaks, index)
    return (breaks[after - 1] + 1 if after else 0), (breaks[after] if after < len(breaks) else len(doc))


def tokens_where_lower(doc: Doc, wanted: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens whose lower-case form passes `wanted`, asked once per distinct form."""
    return tokens_where(doc, LOWER, wanted)


def tokens_where(doc: Doc, attribute: int, wanted: Callable[[str], bool], among: numpy.ndarray | None = None) -> list[int]:
    """Indices of the tokens whose string `attribute` (LOWER, ORTH) passes `wanted`, asked once per distinct
    string; with `among` (a boolean array, one value per token), only the tokens where it holds."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    if among is None:
        filed = _positions(doc, attribute)
        return sorted(i for value in [value for value in filed if wanted(strings[value])] for i in filed[value])
    indices = numpy.arange(len(doc)) if among is None else numpy.flatnonzero(among)
    values = doc.to_array(attribute)[indices].tolist()
    hashes = {h for h in set(values) if wanted(strings[h])}
    return [i for i, value in zip(indices.tolist(), values) if value in hashes]
