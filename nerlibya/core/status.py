"""A role's status (current or former) at the date of the article, decided against the KB's office periods.

Today's resolver says 'former' for any office with an end date, which is wrong for an article written while
the office was held: Sarraj was "GNA Prime Minister" in 2020. With a date, the period decides; without one,
the answer is the one nerlibya always gave.
"""

from __future__ import annotations

from typing import Sequence

from .dates import iso_date, not_after, not_before
from ..knowledge.kb import Office


def status_at(offices: Sequence[Office], date: str | None) -> str | None:
    """'current' if one of these offices (one title, possibly held several times) was held at `date`, 'former'
    if none was held then and one had ended, None if the date is before every start (the KB cannot say; the text may).
    Without a readable date: 'current' if one office has no end, else 'former'."""
    if not offices:
        return None
    day = iso_date(date)
    if day is None:
        return "current" if any(o.end is None for o in offices) else "former"
    if any(not_before(day, o.start) and not_after(day, o.end) for o in offices):
        return "current"
    if any(o.end is not None and not not_after(day, o.end) for o in offices):
        return "former"
    return None
