"""Rows of a corpus answer (`nerlibya corpus ...`) as a table, JSON, JSONL or CSV.

A row is a JSON-ready dict; `columns` names the fields CSV shows and their headers, `table_columns` those of a
table (a tuple of fields stacks them in one cell, so that a table fits 80 columns). JSON and JSONL carry every
field; CSV joins a list with '; '; a table folds long cells and shows '-' for nothing.
"""

from __future__ import annotations

import csv
import json
from typing import Sequence, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "json", "jsonl", "csv")
LIST_SEPARATOR = "; "
TABLE_LIST_LIMIT = 6  # items of a list shown in a table cell ('+N more' after them)


Column = tuple[str | tuple[str, ...], str]  # (field, or fields stacked in one table cell; header)


def write_rows(rows: Sequence[dict], columns: Sequence[tuple[str, str]], output_format: str, out: TextIO,
               title: str = "", table_columns: Sequence[Column] | None = None) -> None:
    """`columns`: (field, header) pairs, in order; a table shows `table_columns` when given."""
    if output_format == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif output_format == "jsonl":
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    elif output_format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([header for _, header in columns])
        writer.writerows([_flat(row.get(field)) for field, _ in columns] for row in rows)
    else:
        _table(rows, table_columns or columns, out, title)


def _flat(value) -> str:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return "" if value is None else str(value)


def _cell(row: dict, field: str | tuple[str, ...]) -> Text:
    if isinstance(field, tuple):
        return Text("\n".join(str(row.get(f)) for f in field if row.get(f) not in (None, "")) or "-")
    value = row.get(field)
    if isinstance(value, (list, tuple)):
        shown = [str(v) for v in value[:TABLE_LIST_LIMIT]]
        more = len(value) - len(shown)
        return Text("\n".join(shown + ([f"+{more} more"] if more else [])) or "-")
    return Text("-" if value is None or value == "" else str(value))


class _RowsConsole(Console):
    """A reader that went away (`| head`) is the BrokenPipeError the other formats get, not rich's exit 1."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def _table(rows: Sequence[dict], columns: Sequence[Column], out: TextIO, title: str) -> None:
    console = _RowsConsole(file=out, highlight=False)
    if not rows:
        console.print(Text(f"{title}: none" if title else "none"))
        return
    table = Table(title=title or None)
    for field, header in columns:
        numeric = isinstance(field, str) and isinstance(rows[0].get(field), int)
        dates = any(f.endswith("date") for f in ((field,) if isinstance(field, str) else field))
        table.add_column(header, overflow="fold", justify="right" if numeric else "left", min_width=len(header),
                         no_wrap=numeric or dates)  # a date is never cut: 10 characters
    for row in rows:
        table.add_row(*[_cell(row, field) for field, _ in columns])
    console.print(table)
