"""What every source gives: a text (`TextInput`) or the reason there is none (`FailedInput`), never an exception,
so a batch can report one bad input and go on; and how bytes become text, in exactly one place.

Offsets in records refer to the decoded text, unchanged (CRLF kept; a byte-order mark is not part of the text).
Output must always be valid UTF-8, so no name or text leaves here with a lone surrogate: in a source name
(an undecodable byte of a file name, which Python holds as U+DC80..U+DCFF, or a lone surrogate in a JSONL id)
each becomes the six characters `\\udcXX` (so `caf\\udce9.txt` for the Latin-1 name `café.txt`); in a
text each becomes U+FFFD, one character for one so that offsets are unchanged.
"""

from __future__ import annotations

import codecs
import errno
import re
from dataclasses import dataclass, replace
from typing import BinaryIO

DEFAULT_GLOB = "*.txt"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 8192
_SURROGATE = re.compile("[\ud800-\udfff]")

# Longest first: a UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class TextInput:
    source: str
    text: str
    date: str | None = None  # from a JSONL record's --date-field, kept for renderers that store it


@dataclass(frozen=True)
class FailedInput:
    source: str
    kind: str
    message: str


@dataclass(frozen=True)
class FileInput:
    """A file found but not yet read: `iter_sources` lists these, so the reading can happen elsewhere
    (another process or machine) with exactly the result `iter_inputs` gives."""

    path: str
    source: str
    regular_only: bool = False


@dataclass(frozen=True)
class ReadOptions:
    glob: str = DEFAULT_GLOB
    encoding: str | None = None
    encoding_errors: str = "strict"
    max_bytes: int = DEFAULT_MAX_BYTES
    input_format: str = "text"
    id_field: str = "id"
    text_field: str = "text"
    date_field: str | None = None


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def is_wide(encoding: str) -> bool:
    """UTF-16 and UTF-32 text is full of NUL bytes: the binary sniff does not apply."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name.startswith(("utf-16", "utf-32"))


def _looks_wide(data: bytes) -> bool:
    """UTF-16 and UTF-32 text has NUL bytes (every space, digit and Latin letter has one): a byte-order mark
    followed by none is a mark by accident (a Latin-1 "ÿþ", a binary file), not wide text."""
    body = data[4:SNIFF_BYTES]
    return len(body) < 8 or b"\x00" in body


def decode(data: bytes, source: str, options: ReadOptions) -> TextInput | FailedInput:
    """Bytes to text: a BOM decides (UTF-8, UTF-16, UTF-32); else the given encoding, else strict UTF-8."""
    encoding = bom_encoding(data)
    if encoding is not None and is_wide(encoding) and not _looks_wide(data):
        return FailedInput(source, "decode", f"starts with a {encoding} byte-order mark but is not {encoding} text "
                                             "(no NUL bytes); pass --encoding")
    if encoding is None:
        encoding = options.encoding or "utf-8"
        if not is_wide(encoding) and b"\x00" in data[:SNIFF_BYTES]:
            return FailedInput(source, "binary", "binary file (contains NUL bytes), not text")
    try:
        text = data.decode(encoding, options.encoding_errors)
    except UnicodeDecodeError as exc:
        shown = "utf-8" if encoding == "utf-8-sig" else encoding
        return FailedInput(source, "decode", f"not valid {shown} text (byte {exc.start}); pass --encoding "
                                             "(e.g. --encoding latin-1) or --encoding-errors replace")
    except LookupError:
        return FailedInput(source, "decode", f"unknown encoding {encoding!r}")
    if encoding != "utf-8-sig" and text.startswith("\ufeff"):  # utf-16/32 codecs drop the mark; be sure
        text = text[1:]
    if not text.strip():
        return FailedInput(source, "empty", "empty file (no text)")
    return TextInput(source, text)


def os_failure(source: str, exc: OSError) -> FailedInput:
    if isinstance(exc, PermissionError):
        return FailedInput(source, "permission", "permission denied")
    if isinstance(exc, FileNotFoundError):
        return FailedInput(source, "missing", "no such file or directory (or a broken link)")
    if exc.errno == errno.ELOOP:
        return FailedInput(source, "loop", "too many levels of symbolic links")
    return FailedInput(source, "unreadable", exc.strerror or str(exc) or type(exc).__name__)


def read_limited(stream: BinaryIO, source: str, max_bytes: int) -> bytes | FailedInput:
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return os_failure(source, exc)
    if len(data) > max_bytes:
        return FailedInput(source, "too-large", f"larger than --max-bytes ({max_bytes} bytes)")
    return data




def printable_name(name: str) -> str:
    """`name` with each lone surrogate written as `\\udcXX`, so that it always encodes to UTF-8."""
    if not _SURROGATE.search(name):
        return name
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def encodable(item: TextInput | FailedInput) -> TextInput | FailedInput:
    source = printable_name(item.source)
    if isinstance(item, TextInput):
        text = _SURROGATE.sub("\ufffd", item.text)
        return item if source is item.source and text is item.text else replace(item, source=source, text=text)
    return item if source is item.source else FailedInput(source, item.kind, item.message)

