"""What a name's words say about its kind, whatever label the statistical model gave it.

Real copy shows the model tagging 'Khaled el-Masri' as a place, 'Shara Al-Shatt' (a street) as a person and
'les Libanais' or 'l'État' as places. The words of the name often settle it: a nationality word is never a
place, 'State' alone is no place, a name opening with a given name is a person, one opening with an Arabic
place word ('Souq', 'Bir', 'Ras') is a place. The words are language data (models/lang/<code>/words.yaml);
these are pure functions of strings, tested without a pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..knowledge.lexicon import Words
from .normalize import fold, tokens_alike

GIVEN_NAME_SIMILARITY = 0.9  # transliteration variants of one given name: 'Seddiq' ~ 'Siddiq', 'Khalid' ~ 'Khaled'
FIRST_WORD_CACHE = 16384  # words remembered with the given names they may open (bounded: a corpus has no end)
WORD_CACHE = 16384  # words remembered with whether they are nationality words (bounded too)


@dataclass(frozen=True)
class NameShapes:
    """The word lists the rules read, folded (no accents, lower case)."""

    nationalities: frozenset[str]
    nationality_endings: tuple[str, ...]
    never_places: frozenset[str]
    given_names: tuple[tuple[str, ...], ...]
    place_nouns: frozenset[str]
    place_name_starts: frozenset[str]

    @classmethod
    def of(cls, words: Words, demonyms: frozenset[str] = frozenset()) -> "NameShapes":
        """From a language's words, plus the KB's demonyms ('libyen', 'Libyan')."""
        return cls(nationalities=frozenset(fold(w) for w in words.nationality_words | demonyms),
                   nationality_endings=tuple(sorted(words.nationality_endings, key=len, reverse=True)),
                   never_places=frozenset(fold(w) for w in words.never_places),
                   given_names=tuple(tuple(fold(n).split()) for n in sorted(words.given_names)),
                   place_nouns=frozenset(fold(w) for w in words.place_nouns),
                   place_name_starts=frozenset(fold(w) for w in words.place_name_starts))

    def is_nationality(self, word: str) -> bool:
        """'Libanais', 'Ghanéenne', 'Européens', 'Misratan': a nationality or demonym, in any of its forms."""
        return _is_nationality(self.nationalities, self.nationality_endings, word)

    def is_never_a_place(self, words: list[str]) -> bool:
        """'État', 'État libyen', 'Secrétaire général', 'Libanais': nationality words and words that name no
        place, alone or together."""
        folded = [fold(w) for w in words]
        if not folded:
            return False
        if " ".join(folded) in self.never_places:
            return True
        return all(w in self.never_places or self.is_nationality(w) for w in folded)

    def opens_with_given_name(self, words: list[str]) -> bool:
        """'Khaled el-Michri', 'Abou Bakr Biira', 'Khalid': the name opens with a given name."""
        folded = [fold(w) for w in words]
        if not folded:
            return any(not name for name in self.given_names)
        alike = len(folded) > 1  # a lone word must be the name itself: 'Amman' is not 'Ayman'
        return any(len(folded) >= len(name) and all(_alike(a, b, alike) for a, b in zip(folded[1:], name[1:]))
                   for name in _given_names_opening_with(self.given_names, folded[0], alike))

    def opens_with_place_word(self, words: list[str]) -> bool:
        """'Shara Al-Shatt', 'Souq al-Juma', 'Bir al-Ghanam': an Arabic place word opens a name of two words
        or more."""
        return len(words) > 1 and fold(words[0]) in self.place_name_starts

    def is_place_noun(self, word: str) -> bool:
        return fold(word) in self.place_nouns


@lru_cache(maxsize=WORD_CACHE)
def _is_nationality(nationalities: frozenset[str], endings: tuple[str, ...], word: str) -> bool:
    """NameShapes.is_nationality, remembered: the roles read every word of every document."""
    word = fold(word)
    return word in nationalities or any(word.endswith(ending) and word[: -len(ending)] in nationalities
                                        for ending in endings)


@lru_cache(maxsize=FIRST_WORD_CACHE)
def _given_names_opening_with(given_names: tuple[tuple[str, ...], ...], word: str,
                              alike: bool) -> tuple[tuple[str, ...], ...]:
    """The given names whose first word is `word`, or spelt like it if `alike`: one comparison of a word with
    every given name, remembered, as names open with the same few words."""
    return tuple(name for name in given_names if not name or _alike(word, name[0], alike))


def _alike(a: str, b: str, by_spelling: bool) -> bool:
    return a == b or (by_spelling and tokens_alike(a, b, GIVEN_NAME_SIMILARITY))
