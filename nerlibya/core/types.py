"""What passes between components, typed and frozen (as scispacy hands on `MentionCandidate` tuples, never
open dicts): `nerlibya_titles` writes `Title`s to `doc._.titles`, `nerlibya_resolver` writes `Link`s to
`doc._.links`, `nerlibya_roles` writes `Role`s to `doc._.roles`. Positions are token offsets. A later
component never changes an earlier one's values: it builds new ones (`dataclasses.replace`).
"""

from __future__ import annotations

from dataclasses import dataclass

TokenRange = tuple[int, int]  # (start, end) token offsets, end exclusive


@dataclass(frozen=True)
class OrgRef:
    """Whose office a title is: a KB id ('France' from 'French'), the token range of an entity ('of the
    LNA'), or the words the text gives ('of the 166th Brigade'). Exactly one is set; with `text`, `at` is the token
    its words start at, where an organisation found later (after titles are read) may name the body in full."""

    id: str | None = None
    span: TokenRange | None = None
    text: str | None = None
    at: int | None = None


@dataclass(frozen=True)
class Title:
    """A title phrase: `start:end` is the title ('Prime Minister'), `phrase_start:phrase_end` the phrase
    with its context ("Libya's ... of the GNU"). `category` is office, rank or clause ('headed by')."""

    start: int
    end: int
    phrase_start: int
    phrase_end: int
    title: str
    head: str
    category: str
    status: str | None = None
    org: OrgRef | None = None
    of: TokenRange | None = None  # the person whose office it is ('Chief of Staff to President X')
    inner: bool = False  # inside another title's complement: names nobody on its own
    cue: str | None = None  # for clauses: the words that gave the role ('led by')
    plural: bool = False  # written in the plural ('deputy prime ministers A, B and C'): shared by a list
    listed: bool = False  # an entry of a list, one a line: the name after its colon is a person's ('Defence: X')
    holder: TokenRange | None = None  # a list entry's name written before its colon ('- M. X: ministre de la Justice.')


@dataclass(frozen=True)
class Role:
    """A title attached to one person (`pattern` says how: before-name, apposition-after, ...)."""

    person: TokenRange
    title: str
    head: str
    category: str
    status: str | None
    status_source: str | None  # 'text' or 'kb'
    org: OrgRef | None
    of: TokenRange | None
    span: TokenRange  # the title's tokens
    pattern: str


@dataclass(frozen=True)
class Link:
    """Which real entity a mention denotes: `key` groups mentions into one record; `id` is the KB id or
    None; `match` says how (exact, alias, acronym, fuzzy, surname, partial, model), `score` how surely."""

    key: str
    id: str | None
    match: str
    score: float
