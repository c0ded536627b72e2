"""The Dask bag API: a bag of records from paths, globs and fsspec URLs, or from a bag of texts, and its records
written one file per partition. For Python users who compose their own Dask graphs; the CLI uses `dask.DaskEngine`.
"""

from __future__ import annotations

from typing import Iterable

from ..settings import ExtractorSettings
from ..sinks.partitions import partition_name, write_partition
from ..sources.items import FailedInput, ReadOptions, TextInput
from ..sources.jsonl import json_line_item, json_record_item
from ..sources.urls import iter_items
from .dask import PARTITION_SIZE, extract_items, iter_partitions, require_dask

NO_ID = "<no id>"


def as_item(element: object, options: ReadOptions) -> TextInput | FailedInput:
    """A bag element to a text: an (id, text) pair, a JSONL record (dict) or a JSONL line (str)."""
    if isinstance(element, (tuple, list)) and len(element) == 2:
        record_id, text = element
        element = {options.id_field: record_id, options.text_field: text}
    if isinstance(element, str):
        return json_line_item(element, NO_ID, options)
    return json_record_item(element, NO_ID, options)


def extract_elements(elements: Iterable[object], settings: ExtractorSettings, options: ReadOptions) -> list[dict]:
    return extract_items([as_item(element, options) for element in elements], settings, options)


# ------------------------------------------------------------------------------------------ the bag API

def extract_bag(source, settings: ExtractorSettings = ExtractorSettings(), options: ReadOptions = ReadOptions(),
                partition_size: int = PARTITION_SIZE, storage_options: dict | None = None):
    """A Dask bag of records: from paths, globs and fsspec URLs (a list of strings, or one), or from a bag of
    (id, text) pairs, JSONL records (dicts) or JSONL lines. Records are in input order; compute it with any
    Dask scheduler (a `distributed.Client` for a cluster)."""
    require_dask()
    import dask
    import dask.bag as db

    if isinstance(source, db.Bag):
        return source.map_partitions(extract_elements, settings, options)
    paths = [source] if isinstance(source, str) else list(source)
    parts = list(iter_partitions(iter_items(paths, options, storage_options), partition_size))
    task = dask.delayed(extract_items, pure=True)
    return db.from_delayed([task(part, settings, options) for part in parts]) if parts else db.from_sequence([])



def write_bag(bag, folder: str, output_format: str = "jsonl", storage_options: dict | None = None) -> list:
    """Delayed writes of a record bag, one file per partition (see `write_partition`); compute them."""
    import dask

    write = dask.delayed(write_partition, pure=True)
    return [write(part, partition_name(folder, index, output_format), output_format, storage_options)
            for index, part in enumerate(bag.to_delayed())]

