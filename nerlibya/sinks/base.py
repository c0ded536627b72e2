"""The one protocol every sink follows, and the stream sinks' shared shape.

A run hands each `Extracted` to `write` as it comes, calls `finish` once every input is written (a JSON array's
closing bracket, a report's index) and `close` in every case. `needs_text` tells the engine whether the sink
needs each article's text and date (HTML, SQLite); the others never make a run hold every article.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, TextIO

from ..engines.base import Extracted


class Sink(Protocol):
    needs_text: ClassVar[bool]

    def write(self, item: Extracted) -> None: ...

    def finish(self) -> None: ...

    def close(self) -> None: ...


class StreamSink:
    """A sink that writes text to one open stream (stdout or an output file), flushed after each record, so a
    pipe or `tail -f` sees every record as soon as it is done."""

    needs_text: ClassVar[bool] = False

    def __init__(self, out: TextIO, single: bool = False):
        self.out = out
        self.single = single  # one document (JSON then prints one object, not an array)

    def emit(self, chunk: str) -> None:
        self.out.write(chunk)
        self.out.flush()

    def write(self, item: Extracted) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        pass

    def close(self) -> None:
        pass
