"""The HTML sinks: one standalone page for one document, or a report folder (a page per article and an index)
for many. Both need the article's text: the record holds offsets, the page shows them in place."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from ..engines.base import Extracted
from .base import StreamSink
from .html_pages import render_error_page, render_page
from .html_report import ReportWriter


class HtmlPageSink(StreamSink):
    needs_text: ClassVar[bool] = True

    def write(self, item: Extracted) -> None:
        record = item.record
        self.emit(render_error_page(record) if "error" in record else render_page(record, item.text))


class HtmlReportSink:
    """Pages written as records come; the index last, only when every input is written (a report with an index
    is complete)."""

    needs_text: ClassVar[bool] = True

    def __init__(self, folder: Path):
        self.report = ReportWriter(folder)

    def write(self, item: Extracted) -> None:
        self.report.add(item.record, item.text, item.date)

    def finish(self) -> None:
        self.report.close()

    def close(self) -> None:
        pass
