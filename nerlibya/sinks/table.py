"""The table sink: each document's people (with roles), organisations and places as rich tables, readable at 80
columns; and `evaluate`'s score table. Tables never see a Doc and never run NLP."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engines.base import Extracted
from ..text.controls import escape_controls
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
        return "\n".join(escape_controls(_role_text(r)) for r in entity["roles"]) or "-"
    if group == "organisations":
        return escape_controls(", ".join(f for f in entity["forms"] if f != entity["name"])) or "-"
    return escape_controls(entity["label"])


def _widest_line(cells: list[Text]) -> int:
    return max((cell_len(line) for cell in cells for line in cell.plain.split("\n")), default=1)


def _fit(headers: list[str], cells: list[list[Text]], fixed: set[int], floors: list[int], width: int
         ) -> list[int | None]:
    """Column widths that fit `width`: None (rich's own) when every column fits as it is; else the fixed
    columns (ids, counts) whole, and the text columns share the rest, each at least its header and its floor,
    their long words folded. Empty when even that does not fit: the caller drops a column."""
    natural = [max(len(header), _widest_line([row[i] for row in cells])) for i, header in enumerate(headers)]
    space = width - 3 * len(headers) - 1  # borders and one space of padding either side of each cell
    if sum(natural) <= space:
        return [None] * len(headers)
    text_columns = [i for i in range(len(headers)) if i not in fixed]
    left = space - sum(natural[i] for i in fixed)
    minimum = [max(len(headers[i]), floors[i]) for i in text_columns]
    if left < sum(minimum):
        return []
    widths: list[int | None] = [natural[i] if i in fixed else None for i in range(len(headers))]
    for position, i in enumerate(text_columns):  # each takes a fair share, no more than it needs
        rest = sum(minimum[position + 1:])
        share = max(minimum[position], min(natural[i], (left - rest) // (len(text_columns) - position)))
        widths[i], left = share, left - share
    if left > 0:  # what the first columns did not need goes to the last one
        widths[text_columns[-1]] += left
    return widths


def _entity_table(group: str, title: str, detail: str, entities: list[dict], width: int) -> Table:
    """Every header and every value whole at any width from 80 columns: text wraps, then long words fold, and
    only then the least useful column goes (a kind's detail, then the counts). Ids and counts are never cut:
    when a KB id column does not fit, each id goes under its name. Every cell is a Text holding no control
    character, so neither markup nor an escape sequence in a name can act on the terminal."""
    longest_id = max((len(e["id"] or "-") for e in entities), default=1)
    id_column = longest_id + len("Mentions") + 2 * NARROWEST_TEXT_COLUMN + 13 <= width
    rows = []
    for entity in entities:
        name = Text(escape_controls(entity["name"]))
        if not id_column and entity["id"]:
            name.append("\n" + escape_controls(entity["id"]), style="dim")
        rows.append([name, Text(_detail(group, entity)), Text(str(len(entity["mentions"]))),
                     *([Text(escape_controls(entity["id"] or "-"))] if id_column else [])])
    headers = ["Name", detail, "Mentions", *(["KB id"] if id_column else [])]
    for dropped in (None, 1, 2):  # every column; else without the detail; else without the counts too
        keep = [i for i in range(len(headers)) if i != dropped and not (dropped == 2 and i == 1)]
        fixed = {keep.index(i) for i in keep if i >= 2}
        floors = [0 if id_column else min(longest_id, width // 2)] + [0] * (len(keep) - 1)
        widths = _fit([headers[i] for i in keep], [[row[i] for i in keep] for row in rows], fixed, floors, width)
        if widths:
            break
    table = Table(title=title)
    for position, i in enumerate(keep):
        table.add_column(headers[i], overflow="fold", no_wrap=i >= 2, justify="right" if i == 2 else "left",
                         width=widths[position] if widths else None)
    for row in rows:
        table.add_row(*(row[i] for i in keep))
    return table


def render_table(record: dict, console: Console) -> None:
    """People with roles, organisations and places for one document, readable at 80 columns; one plain line
    for a kind (or a document) with nothing found."""
    if "error" in record:
        return
    language = escape_controls(record.get("lang", "?"))
    console.rule(Text.assemble((escape_controls(record["source"]), "bold"), f" ({language})"))
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
