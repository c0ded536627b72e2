"""Document dates as nerlibya compares them: an ISO prefix (year, year-month or full date) or nothing.

A corpus stores a document's date as its input wrote it; comparisons need one shape. Partial dates keep their
precision: '2012' is the whole year, so a period ending '2012' includes '2012-05-01'.
"""

from __future__ import annotations

import re
from datetime import timezone
from email.utils import parsedate_to_datetime

_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?![\d])")


def iso_date(text: str | None) -> str | None:
    """'2020-05-01T10:00Z' -> '2020-05-01', '2020/5' -> '2020-05', 'Fri, 01 May 2020 10:00:00 GMT' ->
    '2020-05-01'; None for anything else (a date nerlibya cannot read is treated as no date)."""
    if not text:
        return None
    match = _ISO_PREFIX.match(text)
    if match:
        year, month, day = match.groups()
        if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
            return None
        return "-".join([year] + [f"{int(p):02d}" for p in (month, day) if p])
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc)
    return parsed.date().isoformat()


def not_before(date: str, start: str | None) -> bool:
    """Is `date` on or after `start`, at `start`'s precision (no start: always)?"""
    return start is None or date[: len(start)] >= start


def not_after(date: str, end: str | None) -> bool:
    """Is `date` on or before `end`, at `end`'s precision (no end: always)?"""
    return end is None or date[: len(end)] <= end


def sort_key(date: str | None) -> str:
    """Dates first in order, undated last."""
    return date or "\uffff"
