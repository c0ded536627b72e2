"""How `nerlibya extract` writes its records: to one stream (table, JSON, JSONL, CSV, one HTML page), or
document by document into a report folder or a SQLite corpus. Writers that need the article's text or date get
it from the input the record came from; the record itself is unchanged, so JSON and JSONL are too."""

from __future__ import annotations

from collections import deque
from enum import Enum
from pathlib import Path



class ExtractFormat(str, Enum):
    """extract's formats: the streams of OutputFormat, plus an HTML view and a SQLite corpus."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"
    sqlite = "sqlite"


class RememberedInputs:
    """The inputs of a batch, each kept until its record comes out (one record per input, in input order), so
    that writers which need the article's text or date (HTML, SQLite) get them without the record carrying them."""

    def __init__(self, inputs):
        self.inputs = inputs
        self.waiting: deque = deque()

    def __iter__(self):
        for item in self.inputs:
            self.waiting.append(item)
            yield item

    def paired(self, records):
        """(record, TextInput or FailedInput) pairs."""
        for record in records:
            yield record, self.waiting.popleft()


def html_pages(pairs):
    """One standalone HTML page per (record, input) pair: the article, or the error it met."""
    from .html import render_error_page, render_page

    for record, item in pairs:
        yield render_error_page(record) if "error" in record else render_page(record, item.text)


def write_collection(output_format: ExtractFormat, pairs, output: Path, signals) -> None:
    """Formats written document by document into a place that outlives the run: an HTML report folder, or a
    SQLite database (one transaction per document)."""
    if output_format is ExtractFormat.html:
        from .html_report import ReportWriter as Store
    else:
        from .sqlite_store import CorpusStore as Store
    with Store(output) as store:
        for record, item in pairs:
            with signals.write():
                store.add(record, getattr(item, "text", None), getattr(item, "date", None))
