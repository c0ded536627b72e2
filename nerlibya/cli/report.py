"""The run's report on stderr, record by record: one line per error record, per degraded document and per
source name seen twice."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..engines.base import Extracted
from .exits import one_line
from .progress import say
from .signals import Signals


def summary_line(documents: int, failed: int, where: str = "") -> str:
    """The run's last stderr line: "1 document, 0 failed", "7 documents, 1 failed"."""
    return f"{documents} document{'' if documents == 1 else 's'}, {failed} failed{where}"


def error_line(record: dict) -> str:
    error = record["error"]
    return one_line(f"nerlibya: error: {record['source']}: {error['message']} [{error['kind']}]") + "\n"


def warning_line(record: dict) -> str:
    """One line for a degraded document: processed, without the components that failed on it."""
    failed = ", ".join(f"{w['component']} ({w['error']})" for w in record["warnings"])
    return one_line(f"nerlibya: warning: {record['source']}: extracted without {failed} [degraded]") + "\n"


def duplicate_line(source: str, first: int, again: int) -> str:
    return one_line(f"nerlibya: warning: {source}: duplicate source name (records {first} and {again}); "
                    "both records are kept") + "\n"


class Tally:
    """Counts the records as they pass to the sink: each error record gets its stderr line, and a source
    name seen before (a JSONL id used twice, a file given twice) a warning."""

    def __init__(self, signals: Signals):
        self.signals = signals
        self.processed = self.failed = 0
        self.first_seen: dict = {}

    def watch(self, results: Iterable[Extracted], progress, task) -> Iterator[Extracted]:
        for result in results:
            record = result.record
            self.processed += 1
            lines = []
            if "error" in record:
                self.failed += 1
                lines.append(error_line(record))
            elif record.get("warnings"):
                lines.append(warning_line(record))
            first = self.first_seen.setdefault(record["source"], self.processed)
            if first != self.processed:
                lines.append(duplicate_line(record["source"], first, self.processed))
            if lines:
                with self.signals.write():
                    say(progress, "".join(lines))
            progress.update(task, advance=1, description="extracting")
            yield result
