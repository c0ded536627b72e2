"""The JSON sink: one object for a single document, else an array streamed one record at a time."""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from ..engines.base import Extracted
from .base import StreamSink


def iter_json(records: Iterable[dict], single: bool = False) -> Iterator[str]:
    """A single object when `single`, else a JSON array streamed one record at a time ('[]' when empty)."""
    if single:
        for record in records:
            yield json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        return
    first = True
    for record in records:
        yield ("[\n" if first else ",\n") + json.dumps(record, ensure_ascii=False)
        first = False
    yield "[]\n" if first else "\n]\n"


class JsonSink(StreamSink):
    """The bytes `iter_json` gives, written record by record."""

    def __init__(self, out, single: bool = False):
        super().__init__(out, single)
        self.first = True

    def write(self, item: Extracted) -> None:
        if self.single:
            self.emit(json.dumps(item.record, ensure_ascii=False, indent=2) + "\n")
            return
        self.emit(("[\n" if self.first else ",\n") + json.dumps(item.record, ensure_ascii=False))
        self.first = False

    def finish(self) -> None:
        if not self.single:
            self.emit("[]\n" if self.first else "\n]\n")
