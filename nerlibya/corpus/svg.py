"""A person's timeline as an SVG picture nerlibya draws itself: one bar per (title, organisation) from the first
to the last article date that gives it. No script, no external resource; every text escaped.
"""

from __future__ import annotations

from html import escape
from typing import Sequence

from .timeline import TimelineRow

WIDTH, LABEL_WIDTH, ROW_HEIGHT, TOP, BOTTOM, MARGIN = 900, 330, 24, 34, 28, 12
MIN_BAR = 4  # pixels: a title seen on one date is still visible
DAYS_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def year_fraction(date: str) -> float:
    """'2020' -> 2020.0, '2020-07' -> 2020.49, '2020-07-15' -> 2020.53: a position on the time axis."""
    parts = [int(p) for p in date.split("-")]
    month, day = (parts + [1, 1])[1:3]
    return parts[0] + (DAYS_BEFORE_MONTH[month - 1] + day - 1) / 365


def timeline_svg(name: str, rows: Sequence[TimelineRow]) -> str:
    """An SVG document (a string) with a row per title; undated rows are listed with the words 'no date'."""
    dated = [r for r in rows if r.first_date]
    start = min((int(r.first_date[:4]) for r in dated), default=0)
    end = max((int(r.last_date[:4]) + 1 for r in dated), default=start + 1)
    height = TOP + ROW_HEIGHT * max(len(rows), 1) + BOTTOM
    scale = (WIDTH - LABEL_WIDTH - MARGIN) / (end - start)

    def x(date: str) -> float:
        return LABEL_WIDTH + (year_fraction(date) - start) * scale

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" role="img" font-family="sans-serif" font-size="12">',
             f"<title>{escape(name)}: titles over time</title>",
             f'<text x="{MARGIN}" y="20" font-size="14" font-weight="bold">{escape(name)}</text>']
    step = max(1, (end - start) // 10)
    for year in range(start, end + 1, step) if dated else ():
        left = LABEL_WIDTH + (year - start) * scale
        parts.append(f'<line x1="{left:.1f}" y1="{TOP - 4}" x2="{left:.1f}" y2="{height - BOTTOM}" stroke="#ddd"/>'
                     f'<text x="{left:.1f}" y="{height - 10}" text-anchor="middle" fill="#555">{year}</text>')
    for n, row in enumerate(rows):
        y = TOP + n * ROW_HEIGHT
        label = row.title + (f" — {row.organisation}" if row.organisation else "")
        parts.append(f'<text x="{MARGIN}" y="{y + 15}">{escape(_clip(label))}</text>')
        tip = escape(f"{label}: {row.first_date or 'no date'} to {row.last_date or 'no date'}, "
                     f"{row.documents} documents")
        if row.first_date:
            left, right = x(row.first_date), x(row.last_date)
            parts.append(f'<rect x="{left:.1f}" y="{y + 4}" width="{max(right - left, MIN_BAR):.1f}" '
                         f'height="{ROW_HEIGHT - 8}" rx="3" fill="#3b6ea5"><title>{tip}</title></rect>')
        else:
            parts.append(f'<text x="{LABEL_WIDTH}" y="{y + 15}" fill="#888">no date<title>{tip}</title></text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _clip(label: str, limit: int = 48) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
