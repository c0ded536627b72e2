"""The table sink: each document's people (with roles), organisations and places as rich tables, readable at 80
columns; and `evaluate`'s score table. Tables never see a Doc and never run NLP."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engines.base import Extracted
from .base import StreamSink

def _role_text(role: dict) -> str:
    text = role["title"]
    if role.get("organisation"):
        text += f" ({role['organisation']})"
    elif role.get("of"):
        text += f" (of {role['of']})"
    if role.get("status") and role["status"] != "current":
        text += f" [{role['status']}]"
    return text


GROUPS = (("people", "People", "Roles"), ("organisations", "Organisations", "Also written"),
          ("places", "Places", "Type"))
NARROWEST_TEXT_COLUMN = 20


def _detail(group: str, entity: dict) -> str:
    if group == "people":
        return "\n".join(_role_text(r) for r in entity["roles"]) or "-"
    if group == "organisations":
        return ", ".join(f for f in entity["forms"] if f != entity["name"]) or "-"
    return entity["label"]


def _entity_table(group: str, title: str, detail: str, entities: list[dict], width: int) -> Table:
    """Ids and counts are never cut: when a KB id column does not fit beside two readable text columns,
    each id goes under its name instead. Every cell is a Text, so markup in a name is shown, not run."""
    longest_id = max((len(e["id"] or "-") for e in entities), default=1)
    id_column = longest_id + len("Mentions") + 2 * NARROWEST_TEXT_COLUMN + 13 <= width
    table = Table(title=title)
    table.add_column("Name", overflow="fold", min_width=min(longest_id, width // 2) if not id_column else None)
    table.add_column(detail, overflow="fold")
    table.add_column("Mentions", no_wrap=True, justify="right")
    if id_column:
        table.add_column("KB id", no_wrap=True, min_width=longest_id)
    for entity in entities:
        name = Text(entity["name"])
        if not id_column and entity["id"]:
            name.append("\n" + entity["id"], style="dim")
        cells = [name, Text(_detail(group, entity)), Text(str(len(entity["mentions"])))]
        table.add_row(*cells, *([Text(entity["id"] or "-")] if id_column else []))
    return table


def render_table(record: dict, console: Console) -> None:
    """People with roles, organisations and places for one document, readable at 80 columns; one plain line
    for a kind (or a document) with nothing found."""
    if "error" in record:
        return
    console.rule(Text.assemble((record["source"], "bold"), f" ({record.get('lang', '?')})"))
    if not any(record[group] for group, _, _ in GROUPS):
        console.print(Text("No people, organisations or places found."))
        return
    for group, title, detail in GROUPS:
        if record[group]:
            console.print(_entity_table(group, title, detail, record[group], console.width))
        else:
            console.print(Text(f"No {title.lower()} found.", style="dim"))


def render_scores(scores: dict, split: str, categories: tuple[str, ...], console: Console) -> None:
    """`evaluate`'s table: F1 over precision/recall in each cell (two short lines, never cut at 80 columns)."""
    from rich import box

    table = Table(title=f"F1 over precision/recall, split: {split}", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("system\nlang split", no_wrap=True)
    table.add_column("docs", no_wrap=True, justify="right")
    for category in categories:
        table.add_column(category, no_wrap=True, justify="right")
    for name, langs in scores.items():
        for lang, splits in sorted(langs.items()):
            for split_name, score in splits.items():
                if split != "all" and split_name == "all":
                    continue
                cells = [Text(f"{score[c]['f1']:.3f}\n{score[c]['precision']:.2f}/{score[c]['recall']:.2f}")
                         for c in categories]
                table.add_row(Text(f"{name}\n{lang} {split_name}"), Text(str(score["documents"])), *cells)
    console.print(table)


class _TableConsole(Console):
    """rich exits with 1 on a broken pipe; here it is the BrokenPipeError every other format gets."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


class TableSink(StreamSink):
    """Error records have their line on stderr (the run's report) and no table."""

    def __init__(self, out, single: bool = False):
        super().__init__(out, single)
        self.console = _TableConsole(file=out)

    def write(self, item: Extracted) -> None:
        render_table(item.record, self.console)
