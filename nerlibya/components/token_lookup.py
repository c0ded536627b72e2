"""Find tokens by their lower-case form from one array of hashes, without building a `Token` per word.

A rule that starts from a few listed words ('committee', 'by', 'agency') would otherwise read every token of
every document as a Python object, which costs more than the rule itself on news-length texts. Each attribute
is read once per Doc, as a list of hashes and the set of its distinct values (the rules ask a dozen word lists
of every document, and most lists meet none of its words: one set comparison then answers).

What was read of the last Doc asked about is kept (with a weak reference to it: it goes with the Doc), as the
pipeline's components run one after the other on each Doc, and read again while the Doc has as many tokens: no
nerlibya component retokenizes.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable
from weakref import ref

import numpy
from spacy.attrs import IS_SPACE, LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc

NEWLINE = frozenset("\n")
WORD_TEST_MEMORY = 65536  # words a WordTest remembers its verdict on

_last_read: tuple[ref, int, dict] | None = None  # the Doc last asked about, its length, {key: what was read}


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
    column = _column(doc, attribute)
    if hashes.isdisjoint(column.distinct):
        return []
    return [i for i, value in enumerate(column.values) if value in hashes]


@dataclass(frozen=True)
class Column:
    """One attribute of every token of a Doc: as an array, as a list, and its distinct values."""

    array: numpy.ndarray
    values: list[int]
    distinct: frozenset[int]


def _read_once(doc: Doc, key, read: Callable[[Doc], object]):
    """What `read(doc)` gives, read on the first call for this Doc and `key`, remembered until another Doc is asked
    about."""
    global _last_read
    last = _last_read
    if last is None or last[0]() is not doc or last[1] != len(doc):
        last = _last_read = (ref(doc), len(doc), {})
    known = last[2]
    if key not in known:
        known[key] = read(doc)
    return known[key]


def _column(doc: Doc, attribute: int) -> Column:
    """The Doc's column of `attribute` (a lexical one, which no component changes)."""
    def read(doc: Doc) -> Column:
        array = doc.to_array(attribute)
        values = array.tolist()
        return Column(array, values, frozenset(values))
    return _read_once(doc, ("column", attribute), read)


def space_tokens_holding(doc: Doc, characters: frozenset[str]) -> tuple[int, ...]:
    """Indices of the whitespace tokens whose text holds one of `characters` (line breaks), in text order."""
    if not len(doc):
        return ()
    return _read_once(doc, ("holding", characters),
                      lambda doc: tuple(i for i, text in _space_tokens(doc) if not characters.isdisjoint(text)))


def _space_tokens(doc: Doc) -> tuple[tuple[int, str], ...]:
    """Index and text of each whitespace token: one array read, and a `Token` for these tokens only."""
    return _read_once(doc, ("spaces",), lambda doc: tuple((i, doc[i].text)
                                                          for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist()))


def line_around(doc: Doc, index: int) -> tuple[int, int]:
    """Tokens `start:end` of the line holding doc[index], between whitespace tokens holding a newline (the one
    at `index` ends the line before it), found by bisection instead of a walk token by token."""
    breaks = space_tokens_holding(doc, NEWLINE)
    after = bisect_left(breaks, index)
    return (breaks[after - 1] + 1 if after else 0), (breaks[after] if after < len(breaks) else len(doc))


def tokens_where_lower(doc: Doc, wanted: Callable[[str], bool] | WordTest) -> list[int]:
    """Indices of the tokens whose lower-case form passes `wanted`, asked once per distinct form."""
    return tokens_where(doc, LOWER, wanted)


def tokens_where(doc: Doc, attribute: int, wanted: Callable[[str], bool] | WordTest,
                 among: numpy.ndarray | None = None) -> list[int]:
    """Indices of the tokens whose string `attribute` (LOWER, ORTH) passes `wanted`, asked once per distinct
    string (a WordTest: once per string it has not seen); with `among` (a boolean array, one value per token),
    only the tokens where it holds."""
    if not len(doc):
        return []
    strings, column = doc.vocab.strings, _column(doc, attribute)
    passing = wanted.passing if isinstance(wanted, WordTest) else (
        lambda strings, values: {h for h in values if wanted(strings[h])})
    if among is None:
        hashes = passing(strings, column.distinct)
        return [i for i, value in enumerate(column.values) if value in hashes] if hashes else []
    indices = numpy.flatnonzero(among)
    values = column.array[indices].tolist()
    hashes = passing(strings, set(values))
    return [i for i, value in zip(indices.tolist(), values) if value in hashes]


class WordTest:
    """A test of a word that `tokens_where` remembers by the word's hash, across documents: it is asked of every
    distinct word of every document, and news repeats its words. At most `size` verdicts are kept (a corpus has
    no end): past that the memory starts again."""

    def __init__(self, test: Callable[[str], bool], size: int = WORD_TEST_MEMORY):
        self.test, self.size = test, size
        self._verdicts: dict[int, bool] = {}

    def passing(self, strings, hashes: Iterable[int]) -> set[int]:
        """Those of `hashes` whose string (looked up in `strings`) passes the test."""
        verdicts = self._verdicts
        if len(verdicts) > self.size:
            verdicts.clear()
        passed = set()
        for value in hashes:
            verdict = verdicts.get(value)
            if verdict is None:
                verdict = verdicts[value] = self.test(strings[value])
            if verdict:
                passed.add(value)
        return passed
