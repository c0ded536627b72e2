"""The timelines section of a report's index: one SVG per person (drawn by `nerlibya.corpus.svg`, no script), in
a <details> element so the index stays short until a reader opens one.

People are the corpus's real entities (`nerlibya.corpus.identity`): every spelling of one person across the
report's articles is one timeline. Dates are the articles' dates (--date-field); undated titles are listed.
"""

from __future__ import annotations

from html import escape

from ..core.dates import iso_date
from ..corpus.identity import Observation, RoleSeen, cluster
from ..corpus.svg import timeline_svg
from ..corpus.timeline import timeline
from ..text.normalize import name_key


class TimelineCollector:
    """One observation per person per article, kept small (names, titles, organisations, dates)."""

    def __init__(self):
        self.observations: list[Observation] = []

    def add(self, page: str, record: dict, date: str | None) -> None:
        places = tuple(sorted({p["id"] or name_key(p["name"]) for p in record["places"]}))
        for person in record["people"]:
            roles = tuple(dict.fromkeys(RoleSeen(r["title"], r.get("organisation"), r.get("organisation_id"))
                                        for r in person.get("roles", [])))
            forms = tuple(dict.fromkeys(m["text"] for m in person["mentions"])) or (person["name"],)
            self.observations.append(Observation(
                doc=page, source=record["source"], kind="person", name=person["name"], date=iso_date(date),
                forms=forms, kb_id=person["id"], roles=roles, places=places))

    def render(self) -> str:
        """The section, people with titles only, most articles first."""
        people = sorted((c for c in cluster(self.observations) if c.titles),
                        key=lambda c: (-len(c.documents), c.name.casefold(), c.id))
        items = [f'<details id="timeline-{escape(_anchor(entity.id))}"><summary>{escape(entity.name)} '
                 f'<code>{escape(entity.id)}</code> ({len(entity.documents)} articles)</summary>'
                 f'{timeline_svg(entity.name, timeline(entity))}</details>' for entity in people]
        body = "\n".join(items) if items else '<p class="none">no person with a title</p>'
        return f'<section id="timelines"><h2>Timelines ({len(items)})</h2>{body}</section>'


def _anchor(entity_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in entity_id)
