"""JSONL sources: a file (or standard input) read one line at a time, so it can be of any size; `max_bytes`
then limits each line, and each record is named by its id field: a string as it is, a number as its JSON text
(`3`, `2.5`); any other value (true, an object, a list) makes that line an input error, and a missing, null or
empty id names the record `file:line`.
"""

from __future__ import annotations

import codecs
import json
from typing import BinaryIO, Iterator

from .items import (SNIFF_BYTES, FailedInput, ReadOptions, TextInput, bom_encoding, decode, is_wide, os_failure,
                    read_limited)

_SKIP_CHUNK = 1024 * 1024


def _json_item(raw: bytes, where: str, options: ReadOptions) -> TextInput | FailedInput:
    """One JSONL line (without its newline) to a text named by its id field."""
    try:
        line = raw.decode(options.encoding or "utf-8", options.encoding_errors)
    except UnicodeDecodeError:
        return FailedInput(where, "decode", f"line is not valid {options.encoding or 'utf-8'} text")
    except LookupError:
        return FailedInput(where, "decode", f"unknown encoding {options.encoding!r}")
    return json_line_item(line, where, options)


def json_line_item(line: str, where: str, options: ReadOptions) -> TextInput | FailedInput:
    """One JSONL line, already decoded, to a text named by its id field."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return FailedInput(where, "jsonl", f"not valid JSON ({exc.msg}, column {exc.colno})")
    except (ValueError, RecursionError) as exc:
        return FailedInput(where, "jsonl", f"not valid JSON ({type(exc).__name__})")
    return json_record_item(item, where, options)


def json_record_item(item: object, where: str, options: ReadOptions) -> TextInput | FailedInput:
    """One parsed JSONL record to a text named by its id field (`where` names it when it has none)."""
    if not isinstance(item, dict):
        return FailedInput(where, "jsonl", "not a JSON object")
    name = _record_name(item.get(options.id_field), where)
    if name is None:
        return FailedInput(where, "jsonl", f"field {options.id_field!r} must be a string or a number, "
                                           f"not {_json_type(item[options.id_field])}")
    text = item.get(options.text_field)
    if not isinstance(text, str):
        return FailedInput(name, "jsonl", f"no string field {options.text_field!r}")
    if not text.strip():
        return FailedInput(name, "empty", "empty text")
    date = item.get(options.date_field) if options.date_field else None
    return TextInput(name, text, None if date is None or date == "" else str(date))


def _record_name(record_id: object, where: str) -> str | None:
    """A JSONL record's name: its id when a string or a number, `where` when there is none, else None."""
    if record_id is None or record_id == "":
        return where
    if isinstance(record_id, str):
        return record_id
    if isinstance(record_id, (int, float)) and not isinstance(record_id, bool):
        return json.dumps(record_id)
    return None


def _json_type(value: object) -> str:
    return {bool: "a boolean", dict: "an object", list: "a list"}.get(type(value), type(value).__name__)


def jsonl_records(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    """Records from a JSONL stream, one line at a time; `max_bytes` limits each line."""
    limit = options.max_bytes
    number = 0
    found = False
    while True:
        try:
            raw = stream.readline(limit + 1)
        except OSError as exc:
            yield os_failure(f"{source}:{number + 1}", exc)
            return
        if not raw:
            break
        if number == 0:
            bom = bom_encoding(raw)
            wide = bom in ("utf-16", "utf-32") or (bom is None and is_wide(options.encoding or "utf-8"))
            if wide:  # a wide encoding cannot be split on b"\n": decode it whole
                yield from _wide_jsonl(raw, stream, source, options)
                return
            if bom == "utf-8-sig":
                raw = raw[len(codecs.BOM_UTF8):]
            if bom is None and b"\x00" in raw[:SNIFF_BYTES]:
                yield FailedInput(source, "decode", "contains NUL bytes: UTF-16 or UTF-32 without a byte-order "
                                                    "mark? pass --encoding utf-16 (or utf-16-le)")
                return
        number += 1
        where = f"{source}:{number}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            try:
                while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                    pass
            except OSError:
                pass
            found = True
            yield FailedInput(where, "too-large", f"line longer than --max-bytes ({limit} bytes)")
            continue
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            continue
        found = True
        yield _json_item(raw, where, options)
    if not found:
        yield FailedInput(source, "empty", "empty file (no JSONL records)")


def _wide_jsonl(first: bytes, stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[TextInput | FailedInput]:
    rest = read_limited(stream, source, options.max_bytes)
    if isinstance(rest, FailedInput):
        yield rest
        return
    decoded = decode(first + rest, source, options)
    if isinstance(decoded, FailedInput):
        yield decoded
        return
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if line.strip():
            yield json_line_item(line.rstrip("\r"), f"{source}:{number}", options)

