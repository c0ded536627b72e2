"""The CSV sink: one row per mention (source, label, text, start, end, canonical name, id); one row per error.
Cells are safe for spreadsheets (no formulas) and parsers (CR and LF always quoted)."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..engines.base import Extracted
from .base import StreamSink

CSV_HEADER = ["source", "label", "text", "start", "end", "name", "id", "error"]


def _entity_names(record: dict) -> dict[str, str]:
    names = {}
    for group in ("people", "organisations", "places"):
        for entity in record.get(group, []):
            names[entity["key"]] = entity["name"]
    return names


def record_rows(record: dict) -> list[list]:
    if "error" in record:
        return [[record["source"], "", "", "", "", "", "", record["error"]["message"]]]
    names = _entity_names(record)
    return [[record["source"], mention["label"], mention["text"], mention["start"], mention["end"],
             names.get(mention["key"], mention["text"]), mention["id"] or "", ""] for mention in record["entities"]]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet reads a cell starting so as a formula
_NEEDS_QUOTES = re.compile(r'[",\r\n]')


def csv_cell(value: object) -> str:
    """One cell, safe for spreadsheets and parsers: text that a spreadsheet would run as a formula starts with
    a single quote (OWASP's advice), and a cell holding a comma, a quote, CR or LF is quoted, so no row is
    ever split (Python's csv module leaves a lone CR unquoted)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        text = "'" + text
    return '"' + text.replace('"', '""') + '"' if _NEEDS_QUOTES.search(text) else text


class _CsvText:
    """Rows to CSV text (comma-separated, LF line ends), one chunk at a time."""

    def __call__(self, rows: list[list]) -> str:
        return "".join(",".join(csv_cell(value) for value in row) + "\n" for row in rows)


def iter_csv(records: Iterable[dict], header: bool = True) -> Iterator[str]:
    to_text = _CsvText()
    if header:
        yield to_text([CSV_HEADER])
    for record in records:
        yield to_text(record_rows(record))


class CsvSink(StreamSink):
    """The header, then each record's rows as it comes (the header alone when there is none)."""

    def __init__(self, out, single: bool = False):
        super().__init__(out, single)
        self.to_text = _CsvText()
        self.started = False

    def _start(self) -> None:
        if not self.started:
            self.emit(self.to_text([CSV_HEADER]))
            self.started = True

    def write(self, item: Extracted) -> None:
        self._start()
        self.emit(self.to_text(record_rows(item.record)))

    def finish(self) -> None:
        self._start()
