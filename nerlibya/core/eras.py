"""Which of two bodies a name they share stands for: the French press calls both Sarraj's Government of National
Accord (2016-2021) and Dbeibah's Government of National Unity (2021-) 'gouvernement d'union nationale'. The article
decides: the body whose heads it names, else the body of the article's date. Pure functions over KB offices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence


@dataclass(frozen=True)
class Era:
    """A body's time, as the offices held in it say: who held them, from the first start to the last end (None:
    not written, or some office still held)."""

    body: str
    holders: frozenset[str]
    start: str | None
    end: str | None


def era_of(body: str, offices: Iterable[tuple[str, str | None, str | None]]) -> Era:
    """The era of `body` from its offices, each (holder id, start, end) as the KB writes them ('2021-03')."""
    held = list(offices)
    starts = [start for _, start, _ in held if start]
    ends = [end for _, _, end in held]
    return Era(body, frozenset(holder for holder, _, _ in held), min(starts) if starts else None,
               max(ends) if ends and all(ends) else None)


def body_of_shared_name(eras: Sequence[Era], named: frozenset[str], date: str | None) -> str | None:
    """The one body among `eras` some of whose office holders the article names (`named`: KB ids), else the one
    whose time holds the article's date (ISO, any precision); None when the article does not decide."""
    by_holders = [era.body for era in eras if era.holders & named]
    if len(by_holders) == 1:
        return by_holders[0]
    if not date:
        return None
    in_time = [era.body for era in eras if _holds(era, date)]
    return in_time[0] if len(in_time) == 1 else None


def _holds(era: Era, date: str) -> bool:
    """Is `date` within the era (its start included, its end not), compared at the precision both write?"""
    if era.start is None:
        return False
    after_start = date[:len(era.start)] >= era.start[:len(date)]
    before_end = era.end is None or date[:len(era.end)] < era.end[:len(date)]
    return after_start and before_end
