"""The people named so far in an article, filed so that a new mention is compared with the few it could
denote rather than with every earlier person (which made articles with thousands of names quadratic).

A person is filed under the spelling keys (`normalize.spelling_keys`) of the last part of each of its names
(its surnames) and of the first part of each name of two parts or more (its given names). The resolver's
tests all require the aligned surnames, or the aligned given names, to pass `token_similarity`, and two
parts that pass share a key (within the close spellings `spelling_keys` describes); so the candidates are
the people the full comparison would have found, in the order they were first named, for the resolver to
test as before. A full name is looked up by its leading parts and its surname together, and a bare surname
reads its bearers from the most recently named on, so a surname shared by thousands of people ('X Haftar')
is not compared with every bearer each time.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Iterable, Iterator, Protocol

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
        self._by_leading_parts: dict[str, set[int]] = defaultdict(set)  # each name's first parts, joined
        self._most_parts = 0
        self._by_kb_id: dict[str, int] = {}
        self._unaligned: set[int] = set()  # several words, one key part ('Al Sarraj'): compared with every mention
        self._by_inner_part: dict[tuple[str, int], set[int]] = defaultdict(set)  # (key, place from the end)
        # the people filed under each surname key, least recently named first, and when each was last named
        self._recent_by_surname: dict[str, dict[int, None]] = defaultdict(dict)
        self._surname_keys_of: dict[int, set[str]] = defaultdict(set)
        self._last_named: dict[int, int] = {}
        self._clock = 0
        self._filed: set[tuple[int, tuple[str, ...], bool]] = set()  # (person, key parts, several words)

    def add(self, person: Named) -> None:
        """A new person, after those already named."""
        position = self._position[person.key] = len(self.people)
        self.people.append(person)
        if person.kb_id:
            self._by_kb_id.setdefault(person.kb_id, position)

    def file(self, person: Named, text: str, parts: list[str]) -> None:
        """File one more name of `person` (its text and key parts); a no-op for anything but a person added.
        A name the person was already filed under is only named again (news repeats names)."""
        position = self._position.get(person.key)
        if position is None or self.people[position] is not person:
            return
        name = (position, tuple(parts), len(text.split()) > 1)
        if name not in self._filed:
            self._filed.add(name)
            self._file_name(position, parts, several_words=name[2])
        self._named_again(position)

    def _file_name(self, position: int, parts: list[str], several_words: bool) -> None:
        if parts:
            for key in spelling_keys(parts[-1]):
                self._by_surname[key].add(position)
            self._surname_keys_of[position].update(spelling_keys(parts[-1]))
        for place, part in enumerate(parts[1:-1]):
            for key in spelling_keys(part):
                self._by_inner_part[key, len(parts) - 1 - place].add(position)
        if len(parts) > 1:
            self._most_parts = max(self._most_parts, len(parts))
            for key in spelling_keys(parts[0]):
                self._by_given_name[key, len(parts)].add(position)
            for leading in _leading_joins(parts):
                for key in spelling_keys(leading):
                    self._by_leading_parts[key].add(position)
        elif several_words:
            self._unaligned.add(position)

    def _named_again(self, position: int) -> None:
        """Move the person to the most recent end of each of its surname keys."""
        self._clock += 1
        self._last_named[position] = self._clock
        for key in self._surname_keys_of.get(position, ()):
            recent = self._recent_by_surname[key]
            recent.pop(position, None)
            recent[position] = None

    def recent_by_surname(self, part: str, kb_ids: Iterable[str] = ()) -> Iterator[Named]:
        """People with a surname spelt like `part`, or with one of `kb_ids`, most recently named first: the
        resolver stops at the first that fits instead of reading every bearer of a shared surname."""
        last = self._last_named.__getitem__
        orders = [reversed(self._recent_by_surname[key]) for key in spelling_keys(part)
                  if key in self._recent_by_surname]
        orders.append(iter(sorted({self._by_kb_id[i] for i in kb_ids if i in self._by_kb_id}, key=last, reverse=True)))
        seen: set[int] = set()
        for position in heapq.merge(*orders, key=lambda p: -last(p)):
            if position not in seen:
                seen.add(position)
                yield self.people[position]

    def with_kb_ids(self, kb_ids: Iterable[str]) -> list[Named]:
        return self._ordered({self._by_kb_id[i] for i in kb_ids if i in self._by_kb_id})

    def by_inner_parts(self, parts: list[str]) -> list[Named]:
        """People with a name of more parts whose last `len(parts)` parts may be spelt like `parts`: looked up
        by the first of them ('fattah ghaffar' in 'abdel fattah ghaffar')."""
        found: set[int] = set()
        for key in spelling_keys(parts[0]):
            found.update(self._by_inner_part.get((key, len(parts)), ()))
        return self._ordered(found)

    def position(self, person: Named) -> int:
        """Order of first mention."""
        return self._position[person.key]

    def has_kb_id(self, kb_id: str) -> bool:
        return kb_id in self._by_kb_id

    def by_full_name(self, parts: list[str]) -> list[Named]:
        """People one of whose names may be spelt like a name of these key parts (two or more): `name_similarity`
        aligns the first part of the shorter name with the longer one's first parts joined, so both the surname
        and those leading parts must share a spelling key. Looking the (rarer) leading parts up first keeps a
        thousand people of one surname ('X Haftar') from being compared with every new one."""
        surname_keys = spelling_keys(parts[-1])
        leading = {position for joined in _leading_joins(parts)
                   for position in self._matching(self._by_leading_parts, joined)}
        found = {p for p in leading if any(p in self._by_surname.get(key, ()) for key in surname_keys)}
        return self._ordered(found | self._unaligned)

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


def _leading_joins(parts: list[str]) -> list[str]:
    """The first part, the first two joined, ... all but the last: 'abdul hamid dbeibah' -> 'abdul', 'abdulhamid'."""
    return ["".join(parts[:m]) for m in range(1, len(parts))]
