"""Lists of office holders, one a line: cabinet lists and fact boxes ('Defence: Salah al-Namroush', 'Prime
minister (GNA): Fayez al-Serraj'). Pure functions over tokens, lexicon units and the titles already read.

An entry is a line that opens (after a bullet, if any) with a title, or with a portfolio alone (modifiers such
as 'Defence', 'Economy & industry', 'Local government'), then a colon and a name that ends the line (or a remark
in brackets does: '(remplace X)'). A portfolio alone is the title there ('Defence'), as the list writes it. A
line may also name first and give the office after the colon ('- M. X: ministre de la Justice.'). One such line
is no list: it takes two at least.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .titles import TokenLike, Unit, span_text
from .types import OrgRef, Title

MIN_ENTRIES = 2
MAX_NAME_TOKENS = 6
BULLETS = frozenset({"-", "–", "•", "*", "·"})
ENTRY_CLOSERS = frozenset({".", ";", ","})  # after a name-first entry's title: its line may go on with a remark


def list_entries(doc: Sequence[TokenLike], titles: list[Title], modifiers: Sequence[Unit],
                 joiners: frozenset[str], name_particles: frozenset[str],
                 honorifics: frozenset[str] = frozenset()) -> list[Title]:
    """The titles with each list entry's phrase carried to its name (past an acronym and the colon), plus a
    title for each portfolio-only entry, and the name written before the colon of a name-first entry; the
    titles unchanged when the text holds no list."""
    entries: dict[int, Title] = {}
    for title in titles:
        if title.category == "clause" or title.inner:
            continue
        if _opens_entry(doc, title.phrase_start):
            colon, org = _colon_after(doc, title.phrase_end)
            if colon is not None and name_end(doc, colon + 1, name_particles):
                entries[title.start] = replace(title, phrase_end=colon + 1, org=title.org or org, listed=True)
                continue
        holder = name_before_colon(doc, title, name_particles, honorifics)
        if holder is not None:
            entries[title.start] = replace(title, holder=holder)
    taken = {i for t in titles for i in range(t.start, t.end)}
    for start, end in _portfolios(modifiers, joiners):
        if start in taken or not _opens_entry(doc, start) or end >= len(doc) or doc[end].text != ":":
            continue
        if name_end(doc, end + 1, name_particles):
            entries[start] = Title(start=start, end=end, phrase_start=start, phrase_end=end + 1,
                                   title=span_text(doc, start, end), head=doc[end - 1].lower_, category="office",
                                   listed=True)
    if len(entries) < MIN_ENTRIES:
        return titles
    kept = [entries.pop(t.start) if t.start in entries else t for t in titles]
    return sorted(kept + list(entries.values()), key=lambda t: t.start)


def _portfolios(modifiers: Sequence[Unit], joiners: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges of modifiers side by side or joined by one joining word ('Economy & industry')."""
    groups: list[tuple[int, int]] = []
    for unit in sorted(modifiers, key=lambda u: u.start):
        if groups and (unit.start == groups[-1][1] or (
                unit.start == groups[-1][1] + 1 and unit.doc[groups[-1][1]].lower_ in joiners)):
            groups[-1] = (groups[-1][0], unit.end)
        else:
            groups.append((unit.start, unit.end))
    return groups


def name_heading_entry(doc: Sequence[TokenLike], title: Title, name_particles: frozenset[str]) -> tuple[int, int] | None:
    """'- Ali Salem, Interior Minister: a lawyer, he ...': where the short capitalised name that opens the line
    (after a bullet, if any) and ends at the comma before `title` lies, when a colon closes the title's phrase;
    or None."""
    comma = title.phrase_start - 1
    if title.category == "clause" or comma < 2 or doc[comma].text != "," or title.phrase_end >= len(doc) \
            or doc[title.phrase_end].text != ":":
        return None
    start = comma
    while start > 0 and comma - start < MAX_NAME_TOKENS and not _opens_line(doc, start) \
            and doc[start - 1].text not in BULLETS:
        token = doc[start - 1]
        if not (token.text[:1].isupper() and token.text[:1].isalpha() or token.lower_ in name_particles):
            return None
        start -= 1
    opens = _opens_line(doc, start) or (doc[start - 1].text in BULLETS and _opens_line(doc, start - 1))
    return (start, comma) if opens and comma - start >= 2 else None


def name_before_colon(doc: Sequence[TokenLike], title: Title, name_particles: frozenset[str],
                      honorifics: frozenset[str]) -> tuple[int, int] | None:
    """'- M. Ali Salem: ministre de la Justice.', '- Ali Salem: Speaker of the House, based in Tobruk.': the short
    capitalised name that opens the line (after a bullet and a courtesy title, if any) before the colon right
    before `title`, when the title's phrase ends the line or a punctuation mark closes it (a remark may follow);
    or None. ('Ali Salem: Minister must resign', a headline's quote, goes on after the title.)"""
    colon, end = title.phrase_start - 1, title.phrase_end
    if colon < 1 or doc[colon].text != ":":
        return None
    if not (end >= len(doc) or _opens_line(doc, end) or "\n" in doc[end].text or doc[end].text in ENTRY_CLOSERS):
        return None
    start = colon
    while start > 0 and not _opens_entry(doc, start):
        start -= 1
    while start < colon and doc[start].lower_ in honorifics:
        start += 1
    found = name_end(doc, start, name_particles, stop=colon)
    return (start, colon) if found == colon and colon - start >= 2 else None


def _opens_entry(doc: Sequence[TokenLike], index: int) -> bool:
    """Does `index` open a line, or follow a bullet that opens one?"""
    return _opens_line(doc, index) or (index > 0 and doc[index - 1].text in BULLETS and _opens_line(doc, index - 1))


def _opens_line(doc: Sequence[TokenLike], index: int) -> bool:
    return index == 0 or doc[index - 1].text_with_ws.endswith("\n") or "\n" in doc[index - 1].text


def _colon_after(doc: Sequence[TokenLike], index: int) -> tuple[int | None, OrgRef | None]:
    """The colon at `index`, or after a parenthesised acronym there ('(GNA):'), with the acronym's entity."""
    if index < len(doc) and doc[index].text == ":":
        return index, None
    if index + 2 < len(doc) and doc[index].text == "(":
        acronym = OrgRef(span=(index + 1, index + 2)) if doc[index + 1].ent_type_ == "ORG" else None
        if doc[index + 2].text == "):":  # the tokenizer may keep the two marks together
            return index + 2, acronym
        if index + 3 < len(doc) and doc[index + 2].text == ")" and doc[index + 3].text == ":":
            return index + 3, acronym
    return None, None


def name_end(doc: Sequence[TokenLike], index: int, name_particles: frozenset[str], stop: int | None = None) -> int | None:
    """Where a short capitalised name that runs from `index` to the end of its line (or to `stop`, or to a remark
    in brackets after it) ends, or None. Hyphens do not count in its length ('Abdul-Razzaq')."""
    end, words = index, 0
    while end < len(doc) and end != stop and not ("\n" in doc[end].text or doc[end].text.isspace()):
        token = doc[end]
        if token.text == "(" and end > index:
            break
        if not (token.text[:1].isupper() or token.lower_ in name_particles or token.text in ("-", "‑")):
            return None
        end += 1
        words += token.text not in ("-", "‑")
        if words > MAX_NAME_TOKENS:
            return None
        if doc[end - 1].text_with_ws.endswith("\n"):
            break
    return end if end > index and doc[index].text[:1].isupper() else None
