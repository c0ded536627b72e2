"""The people named so far in an article, filed so that a new mention is compared with the few it could
denote rather than with every earlier person (which made articles with thousands of names quadratic).

A person is filed under the spelling keys (`normalize.spelling_keys`) of the last part of each of its names
(its surnames) and of the first part of each name of two parts or more (its given names). The resolver's
tests all require the aligned surnames, or the aligned given names, to pass `token_similarity`, and two
parts that pass share a key (within the close spellings `spelling_keys` describes); so the candidates are
the people the full comparison would have found, in the order they were first named, for the resolver to
test as before.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Protocol

from ..text.normalize import spelling_keys


class Named(Protocol):
    """What the index reads of a person (the resolver's Cluster)."""

    key: str
    kb_id: str | None


class PeopleIndex:
    """The article's people in order of first mention, with their names filed by spelling keys."""

    def __init__(self) -> None:
        self.people: list[Named] = []
        self._position: dict[str, int] = {}  # person key -> order of first mention
        self._by_surname: dict[str, set[int]] = defaultdict(set)
        self._by_given_name: dict[tuple[str, int], set[int]] = defaultdict(set)  # (key, parts in the name)
        self._most_parts = 0
        self._by_kb_id: dict[str, int] = {}
        self._unaligned: set[int] = set()  # several words, one key part ('Al Sarraj'): compared with every mention

    def add(self, person: Named) -> None:
        """A new person, after those already named."""
        position = self._position[person.key] = len(self.people)
        self.people.append(person)
        if person.kb_id:
            self._by_kb_id.setdefault(person.kb_id, position)

    def file(self, person: Named, text: str, parts: list[str]) -> None:
        """File one more name of `person` (its text and key parts); a no-op for anything but a person added."""
        position = self._position.get(person.key)
        if position is None or self.people[position] is not person:
            return
        if parts:
            for key in spelling_keys(parts[-1]):
                self._by_surname[key].add(position)
        if len(parts) > 1:
            self._most_parts = max(self._most_parts, len(parts))
            for key in spelling_keys(parts[0]):
                self._by_given_name[key, len(parts)].add(position)
        elif len(text.split()) > 1:
            self._unaligned.add(position)

    def has_kb_id(self, kb_id: str) -> bool:
        return kb_id in self._by_kb_id

    def by_surname(self, part: str, kb_ids: Iterable[str] = ()) -> list[Named]:
        """People with a surname spelt like `part`, or with one of `kb_ids`, in order of first mention."""
        positions = self._matching(self._by_surname, part)
        positions.update(self._by_kb_id[i] for i in kb_ids if i in self._by_kb_id)
        return self._ordered(positions)

    def by_full_name(self, parts: list[str]) -> list[Named]:
        """People one of whose names may be spelt like a name of these key parts (two or more)."""
        return self._ordered(self._matching(self._by_surname, parts[-1]) | self._unaligned)

    def by_given_name(self, part: str, more_parts_than: int) -> list[Named]:
        """People with a name of more than `more_parts_than` parts whose first part is spelt like `part`."""
        found: set[int] = set()
        for key in spelling_keys(part):
            for parts in range(more_parts_than + 1, self._most_parts + 1):
                found.update(self._by_given_name.get((key, parts), ()))
        return self._ordered(found)

    @staticmethod
    def _matching(index: dict[str, set[int]], part: str) -> set[int]:
        found: set[int] = set()
        for key in spelling_keys(part):
            found.update(index.get(key, ()))
        return found

    def _ordered(self, positions: set[int]) -> list[Named]:
        return [self.people[p] for p in sorted(positions)]
