"""One file per partition (`part-000000.jsonl`, ...), each written whole or not at all: what `extract --engine dask
-o FOLDER` and the Dask bag API write, from the workers."""

from __future__ import annotations

import os
import uuid

from .csv import iter_csv
from .json import iter_json
from .jsonl import iter_jsonl

PARTITION_FORMATS = ("jsonl", "json", "csv")


def write_partition(records: list[dict], target: str, output_format: str = "jsonl",
                    storage_options: dict | None = None) -> dict:
    """Write one partition's records to `target` whole or not at all: a local file through a temporary file
    renamed into place; an fsspec URL by one write (object stores publish an object only when it is closed).
    Returns how many documents it holds and its error records."""
    render = {"jsonl": iter_jsonl, "json": iter_json, "csv": iter_csv}[output_format]
    text = "".join(render(records))
    if "://" in target:
        import fsspec

        with fsspec.open(target, "w", encoding="utf-8", newline="", **(storage_options or {})) as handle:
            handle.write(text)
    else:
        _replace_atomically(target, text)
    return {"target": target, "documents": len(records), "errors": [r for r in records if "error" in r]}


def _replace_atomically(path: str, text: str) -> None:
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{uuid.uuid4().hex}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    try:
        with open(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def partition_name(folder: str, index: int, output_format: str = "jsonl") -> str:
    """part-000000.jsonl, ...: names sort in input order."""
    return f"{folder.rstrip('/')}/part-{index:06d}.{output_format}"

