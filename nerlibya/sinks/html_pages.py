"""HTML view of one record: the article text with its entities and titles marked, and a side panel.

The marks are drawn by displaCy's entity renderer in manual mode (our colours and our mark template); the
page around them is `templates/page.html`. Renderers never run NLP: everything comes from the record and the
article text the record's offsets point into. Every string from the article or the record is escaped (displaCy
escapes the text; we escape what goes into our template), and the page forbids every script with a
Content-Security-Policy, so an article holding `<script>` or `javascript:` links shows them as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from importlib import resources
from string import Template

COLOURS = {"PERSON": "#f7c6c5", "ORG": "#c6dbf7", "GPE": "#c9ebc2", "LOC": "#c9ebc2", "FAC": "#dbe8b4",
           "TITLE": "#f5dc9a"}
KIND_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
                 "TITLE": "title"}
UNSURE_BELOW = 0.5  # marks and list items with a lower confidence are shown dimmed
MARK_TEMPLATE = ('<mark class="entity {kind}" id="{anchor}" style="background: {bg}" title="{hover}" '
                 'data-label="{label}" data-key="{key}">{text}<span class="label">{label}</span></mark>')


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch of the text: its offsets, label (an entity label or TITLE), key and hover text."""

    start: int
    end: int
    label: str
    key: str
    hover: str
    confidence: float = 1.0

    def to_displacy(self) -> dict:
        kind = KIND_OF_LABEL.get(self.label, "other") + (" unsure" if self.confidence < UNSURE_BELOW else "")
        params = {"kind": kind, "anchor": f"m{self.start}",
                  "hover": escape(self.hover), "label": escape(self.label), "key": escape(self.key)}
        return {"start": self.start, "end": self.end, "label": self.label, "params": params}


def _entities_by_key(record: dict) -> dict[str, dict]:
    return {entity["key"]: entity for group in ("people", "organisations", "places") for entity in record[group]}


def _entity_hover(entity: dict | None, mention: dict) -> str:
    if entity is None:
        return mention["text"]
    kb = f"KB id: {entity['id']}" if entity["id"] else "not in the knowledge base"
    score = f" ({entity['score']:.2f})" if entity["match"] == "fuzzy" else ""
    return f"{entity['name']}\n{kb}\nmatched: {entity['match']}{score}{_confidence_line(entity)}"


def _confidence_line(item: dict) -> str:
    return f"\nconfidence: {item['confidence']:.2f}" if "confidence" in item else ""


def _unsure(item: dict) -> str:
    """The class that dims an entity or role the record is not sure of (schema 1.1 confidence below 0.5)."""
    return " unsure" if item.get("confidence", 1.0) < UNSURE_BELOW else ""


def _title_hover(role: dict) -> str:
    lines = [f"title: {role['title']}", f"person: {role['person']}"]
    if role.get("organisation"):
        lines.append(f"organisation: {role['organisation']}")
    if role.get("of"):
        lines.append(f"of: {role['of']}")
    if role.get("status"):
        lines.append(f"status: {role['status']}")
    lines.append(f"linked by: {role['pattern']}")
    return "\n".join(lines) + _confidence_line(role)


def _outside(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) that no taken span covers (a title around an entity keeps its own words)."""
    pieces, cursor = [], start
    for taken_start, taken_end in taken:
        if taken_end <= cursor or taken_start >= end:
            continue
        if taken_start > cursor:
            pieces.append((cursor, taken_start))
        cursor = max(cursor, taken_end)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def record_marks(record: dict, text: str) -> list[Mark]:
    """Every entity mention, and every title that the record links to a person (where a title overlaps an
    entity, its words outside the entity), in text order."""
    entities = _entities_by_key(record)
    marks = [Mark(m["start"], m["end"], m["label"], m["key"], _entity_hover(entities.get(m["key"]), m),
                  entities.get(m["key"], {}).get("confidence", 1.0)) for m in record["entities"]]
    taken = sorted((m.start, m.end) for m in marks)
    pieces = [(start, end, _title_hover(role), role.get("confidence", 1.0)) for role in record.get("roles", [])
              for start, end in _outside(role["start"], role["end"], taken) if text[start:end].strip()]
    for start, end, hovers, confidence in _merged(pieces):
        marks.append(Mark(start, end, "TITLE", f"title:{start}", "\n\n".join(hovers), confidence))
    return sorted(marks, key=lambda mark: (mark.start, mark.end))


def _merged(pieces: list[tuple[int, int, str, float]]) -> list[tuple[int, int, list[str], float]]:
    """Overlapping title pieces as one mark (marks cannot nest), with every hover text once and the surest
    of their confidences."""
    merged: list[tuple[int, int, list[str], float]] = []
    for start, end, hover, confidence in sorted(pieces):
        if merged and start < merged[-1][1]:
            last_start, last_end, hovers, surest = merged[-1]
            merged[-1] = (last_start, max(last_end, end), hovers if hover in hovers else [*hovers, hover],
                          max(surest, confidence))
        else:
            merged.append((start, end, [hover], confidence))
    return merged


def render_text(record: dict, text: str) -> str:
    """The article as HTML with displaCy's entity renderer: our marks, colours and template."""
    from spacy import displacy

    spans = [mark.to_displacy() for mark in record_marks(record, text)]
    options = {"colors": COLOURS, "template": MARK_TEMPLATE}
    return displacy.render({"text": text, "ents": spans, "title": None}, style="ent", manual=True,
                           options=options, jupyter=False)


def _mention_link(entity: dict) -> str:
    return f'<a href="#m{entity["mentions"][0]["start"]}">{escape(entity["name"])}</a>'


def _entity_item(entity: dict, detail: str = "") -> str:
    kb = f' <code>{escape(entity["id"])}</code>' if entity["id"] else ""
    count = len(entity["mentions"])
    opening = '<li class="unsure">' if _unsure(entity) else "<li>"
    return f'{opening}{_mention_link(entity)}{kb} <small>×{count}</small>{detail}</li>'


def _role_line(role: dict) -> str:
    parts = [escape(role["title"])]
    if role.get("organisation"):
        parts.append(f'({escape(role["organisation"])})')
    elif role.get("of"):
        parts.append(f'(of {escape(role["of"])})')
    if role.get("status") and role["status"] != "current":
        parts.append(f'<em>{escape(role["status"])}</em>')
    return f'<li class="role{_unsure(role)}">{" ".join(parts)}</li>'


def render_panel(record: dict) -> str:
    """People with their roles, organisations and places, each linking to its first mention."""
    people = "".join(_entity_item(p, f'<ul>{"".join(_role_line(r) for r in p["roles"])}</ul>' if p["roles"] else "")
                     for p in record["people"])
    sections = [("People", people), ("Organisations", "".join(_entity_item(o) for o in record["organisations"])),
                ("Places", "".join(_entity_item(p, f' <small>{escape(p["label"])}</small>') for p in record["places"]))]
    return "".join(f'<section><h2>{name}</h2><ul class="{name.lower()}">{items or "<li class=none>none found</li>"}'
                   f'</ul></section>' for name, items in sections)


def template_text(name: str) -> str:
    """A file from nerlibya/templates/ (packaged with the code)."""
    return resources.files("nerlibya").joinpath("templates", name).read_text(encoding="utf-8")


def standalone_page(title: str, lang: str, body: str) -> str:
    """A complete offline page (styles inline, scripts forbidden) around `body`, which must be escaped HTML."""
    page = Template(template_text("page.html")).substitute(title=escape(title), lang=escape(lang), body=body,
                                                           style=template_text("style.css"))
    return page.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate in a name cannot break the write


def _page(title: str, lang: str, article: str, panel: str, back_link: str | None) -> str:
    nav = f'<nav><a href="{escape(back_link)}">← all articles</a></nav>' if back_link else ""
    legend = "".join(f'<span class="entity {kind}" style="background: {COLOURS[label]}">{kind}</span>'
                     for label, kind in KIND_OF_LABEL.items() if label not in ("LOC", "FAC"))
    body = (f'{nav}<header><h1>{escape(title)}</h1><p class="legend">{legend}</p></header>\n'
            f'<main><article lang="{escape(lang)}">{article}</article><aside>{panel}</aside></main>')
    return standalone_page(title, lang, body)


def render_page(record: dict, text: str, back_link: str | None = None) -> str:
    """One standalone, offline page for one article record."""
    return _page(record["source"], record.get("lang", ""), render_text(record, text), render_panel(record),
                 back_link)


def render_error_page(record: dict) -> str:
    """The page for an input that could not be processed: what went wrong, nothing else."""
    error = record["error"]
    message = f'<p class="error">could not be processed ({escape(error["kind"])}): {escape(error["message"])}</p>'
    return _page(record["source"], "", message, "", None)
