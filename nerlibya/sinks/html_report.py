"""A report folder: one HTML page per article and an index.html across the corpus, written as records stream in.

Only the small index data (names, titles, which pages mention what) is kept in memory; each article page is
written as soon as its record arrives, and index.html last, so a report with an index is a complete one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from .html_pages import render_page, standalone_page
from .html_timelines import TimelineCollector
from .report_files import open_folder, replace_manifest
from .tempfiles import write_atomically as write_page

GROUPS = (("people", "People"), ("organisations", "Organisations"), ("places", "Places"))
INDEX = "index.html"
SECTIONS = (("articles", "Articles"), ("people", "People"), ("timelines", "Timelines"),
            ("organisations", "Organisations"), ("places", "Places"), ("failed", "Failed inputs"))  # index order


@dataclass
class CorpusEntry:
    """One person, organisation or place across the corpus: the pages that mention it and the titles seen."""

    name: str
    id: str | None
    pages: dict[str, str] = field(default_factory=dict)  # page file name -> article source, in input order
    titles: dict[str, None] = field(default_factory=dict)  # an ordered set


def page_name(number: int, source: str) -> str:
    """A safe, unique file name for an article page: its number in the batch and a slug of its source."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", os.path.basename(source.rstrip("/")) or "stdin").strip("-.")
    return f"{number:04d}-{slug[:60] or 'article'}.html"


def _title_text(role: dict) -> str:
    where = f" ({role['organisation']})" if role.get("organisation") else ""
    status = f" [{role['status']}]" if role.get("status") and role["status"] != "current" else ""
    return f"{role['title']}{where}{status}"


class ReportWriter:
    """Collects the index while writing one page per article into `folder` (created if needed; its parent must
    exist). Pages are written atomically; pages an earlier report wrote there and this one did not are removed."""

    def __init__(self, folder: Path):
        self.folder = folder
        open_folder(folder)
        self.entries: dict[str, dict[str, CorpusEntry]] = {group: {} for group, _ in GROUPS}
        self.articles: list[tuple[str, dict]] = []
        self.failed: list[dict] = []
        self.timelines = TimelineCollector()

    def __enter__(self) -> "ReportWriter":
        return self

    def __exit__(self, exc_type, *exc_info) -> None:
        """The index is written only when the batch ran to its end: a report with an index is complete."""
        if exc_type is None:
            self.close()

    def add(self, record: dict, text: str | None, date: str | None = None) -> None:
        """One article page (an error record goes to the index's failed inputs); `date` places its titles on
        the timelines."""
        if "error" in record or text is None:
            self.failed.append(record)
            return
        name = page_name(len(self.articles) + 1, record["source"])
        write_page(self.folder / name, render_page(record, text, back_link=INDEX))
        self.articles.append((name, record))
        self.timelines.add(name, record, date)
        for group, _ in GROUPS:
            for entity in record[group]:
                entry = self.entries[group].setdefault(entity["key"], CorpusEntry(entity["name"], entity["id"]))
                entry.pages[name] = record["source"]
                for role in entity.get("roles", []):
                    entry.titles[_title_text(role)] = None

    def close(self) -> None:
        write_page(self.folder / INDEX, self.render_index())
        replace_manifest(self.folder, [page for page, _ in self.articles])

    def summary(self) -> str:
        counts = ", ".join(f"{group}: {len(self.entries[group])}" for group, _ in GROUPS)
        return f"articles: {len(self.articles)}, failed inputs: {len(self.failed)}; {counts}"

    def render_index(self) -> str:
        """Navigation first (a jump link per section), then the articles, people, timelines, organisations,
        places and failed inputs."""
        sections = {group: self._entity_section(group, heading) for group, heading in GROUPS}
        sections.update(articles=self._article_section(), timelines=self.timelines.render(),
                        failed=self._failed_section())
        nav = " · ".join(f'<a href="#{name}">{heading}</a>' for name, heading in SECTIONS)
        body = (f'<header><h1>nerlibya report</h1><p>{escape(self.summary())}</p></header>\n'
                f'<nav class="jump">{nav}</nav>\n'
                f'<main class="index">{"".join(sections[name] for name, _ in SECTIONS)}</main>')
        return standalone_page("report", "en", body)

    def _entity_section(self, group: str, heading: str) -> str:
        ordered = sorted(self.entries[group].values(), key=lambda e: (-len(e.pages), e.name.casefold()))
        with_titles = group == "people"
        rows = []
        for entry in ordered:
            kb = f" <code>{escape(entry.id)}</code>" if entry.id else ""
            titles = f"<td>{'<br>'.join(escape(t) for t in entry.titles) or '-'}</td>" if with_titles else ""
            links = ", ".join(f'<a href="{escape(page)}">{escape(source)}</a>' for page, source in entry.pages.items())
            rows.append(f'<tr><td>{escape(entry.name)}{kb}</td><td class="n">{len(entry.pages)}</td>{titles}'
                        f'<td>{links}</td></tr>')
        head = "<th>name</th><th>articles</th>" + ("<th>titles seen</th>" if with_titles else "") + "<th>in</th>"
        return _table(heading, group, head, rows)

    def _article_section(self) -> str:
        rows = [f'<tr><td><a href="{escape(page)}">{escape(record["source"])}</a></td>'
                f'<td>{escape(record.get("lang", ""))}</td>'
                + "".join(f'<td class="n">{len(record[group])}</td>' for group, _ in GROUPS) + "</tr>"
                for page, record in self.articles]
        return _table("Articles", "articles", "<th>article</th><th>lang</th><th>people</th>"
                      "<th>organisations</th><th>places</th>", rows)

    def _failed_section(self) -> str:
        rows = [f'<tr><td>{escape(r["source"])}</td><td>{escape(r["error"]["kind"])}</td>'
                f'<td>{escape(r["error"]["message"])}</td></tr>' for r in self.failed]
        return _table("Failed inputs", "failed", "<th>input</th><th>kind</th><th>message</th>", rows)


def _table(heading: str, name: str, head: str, rows: list[str]) -> str:
    body = "\n".join(rows) if rows else '<tr><td class="none">none</td></tr>'
    return f'<section id="{name}"><h2>{heading} ({len(rows)})</h2><table class="{name}"><thead><tr>{head}</tr>' \
           f'</thead><tbody>{body}</tbody></table></section>'
