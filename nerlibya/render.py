"""Renderers: records in, text out. They never see a Doc and never run NLP.

`iter_json`, `iter_jsonl` and `iter_csv` are generators of output chunks, so a batch streams as it is
processed; non-ASCII names stay readable (`ensure_ascii=False`).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator

from rich.console import Console
from rich.table import Table

CSV_HEADER = ["source", "label", "text", "start", "end", "name", "id", "error"]


def iter_jsonl(records: Iterable[dict]) -> Iterator[str]:
    """One JSON object per line per document (or error record)."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


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


def _entity_names(record: dict) -> dict[str, str]:
    names = {}
    for group in ("people", "organisations", "places"):
        for entity in record.get(group, []):
            names[entity["key"]] = entity["name"]
    return names


def iter_csv(records: Iterable[dict], header: bool = True) -> Iterator[str]:
    """One row per mention (source, label, text, start, end, canonical name, id); one row per error."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def flush() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    if header:
        writer.writerow(CSV_HEADER)
        yield flush()
    for record in records:
        if "error" in record:
            writer.writerow([record["source"], "", "", "", "", "", "", record["error"]["message"]])
        else:
            names = _entity_names(record)
            for mention in record["entities"]:
                writer.writerow([record["source"], mention["label"], mention["text"], mention["start"],
                                 mention["end"], names.get(mention["key"], mention["text"]), mention["id"] or "", ""])
        yield flush()


def _role_text(role: dict) -> str:
    text = role["title"]
    if role.get("organisation"):
        text += f" ({role['organisation']})"
    elif role.get("of"):
        text += f" (of {role['of']})"
    if role.get("status") and role["status"] != "current":
        text += f" [{role['status']}]"
    return text


def render_table(record: dict, console: Console) -> None:
    """Three rich tables for one document: people with roles, organisations, places."""
    if "error" in record:
        return
    console.rule(f"[bold]{record['source']}[/bold] ({record.get('lang', '?')})")
    people = Table(title="People", show_lines=False, expand=False)
    for column in ("Name", "Roles", "Mentions", "KB id"):
        people.add_column(column, overflow="fold")
    for person in record["people"]:
        roles = "\n".join(_role_text(r) for r in person["roles"]) or "-"
        people.add_row(person["name"], roles, str(len(person["mentions"])), person["id"] or "-")
    organisations = Table(title="Organisations")
    for column in ("Name", "Also written", "Mentions", "KB id"):
        organisations.add_column(column, overflow="fold")
    for org in record["organisations"]:
        other = ", ".join(f for f in org["forms"] if f != org["name"]) or "-"
        organisations.add_row(org["name"], other, str(len(org["mentions"])), org["id"] or "-")
    places = Table(title="Places")
    for column in ("Name", "Type", "Mentions", "KB id"):
        places.add_column(column, overflow="fold")
    for place in record["places"]:
        places.add_row(place["name"], place["label"], str(len(place["mentions"])), place["id"] or "-")
    for table in (people, organisations, places):
        console.print(table)
