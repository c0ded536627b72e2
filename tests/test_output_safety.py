"""Issue 18: inputs that lie about their encoding, and outputs handled one way for every format (paths,
temporary files, foreign or corrupt databases, unwritable outputs, spreadsheets, worker processes)."""

from __future__ import annotations

import codecs
import json

from nerlibya.sources.items import ReadOptions, decode
from nerlibya.sources.jsonl import jsonl_records
import io


def test_a_utf16_byte_order_mark_on_text_that_is_not_utf16_is_a_decode_error():
    item = decode(codecs.BOM_UTF16_LE + b"Hello, this is plain Latin text, not UTF-16.\n", "a.txt", ReadOptions())
    assert item.kind == "decode" and "byte-order mark" in item.message


def test_real_utf16_with_its_mark_still_decodes():
    data = codecs.BOM_UTF16_LE + "Khalifa Haftar met the envoy.".encode("utf-16-le")
    assert decode(data, "a.txt", ReadOptions()).text == "Khalifa Haftar met the envoy."


def _jsonl(encoding: str) -> bytes:
    lines = "".join(json.dumps({"id": str(n), "text": f"Article {n} about Tripoli."}) + "\n" for n in range(3))
    return lines.encode(encoding)


def test_utf16_jsonl_without_a_mark_is_one_error_not_garbage_records():
    items = list(jsonl_records(io.BytesIO(_jsonl("utf-16-le")), "w.jsonl", ReadOptions(input_format="jsonl")))
    assert len(items) == 1 and items[0].kind == "decode" and "--encoding utf-16" in items[0].message


def test_utf16_jsonl_without_a_mark_reads_whole_with_encoding():
    options = ReadOptions(input_format="jsonl", encoding="utf-16-le")
    items = list(jsonl_records(io.BytesIO(_jsonl("utf-16-le")), "w.jsonl", options))
    assert [item.source for item in items] == ["0", "1", "2"] and items[2].text == "Article 2 about Tripoli."
