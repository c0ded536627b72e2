"""A country's acronym written as a modifier is its nationality adjective, not the place: 'a U.S. air strike',
'the US consulate', 'senior US officials', 'the US-backed government' say 'American', as 'French' in 'a
French air strike' does, and nationality words are no places (tests/gold/GUIDELINES.md). 'The UN and US
both announced' or 'the US imposed sanctions' name the country.

Only in languages whose adjectives come before the noun (in French, 'les États-Unis' are written out). The
words after the acronym are read from the language's data: a function word, an auxiliary, a conjunction or
a verb in the past ('-ed', unless hyphenated to the acronym) after it make it a noun, and so does a word
followed by a determiner, which makes that word a verb ('saw the UK urge its citizens').
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .token_lookup import NEWLINE, space_tokens_holding

HYPHENS = frozenset({"-", "‑"})
PAST_ENDING = "ed"


@dataclass(frozen=True)
class ModifierWords:
    """Lower-case words that cannot be the noun a modifier qualifies ('said', 'and', 'both', 'has')."""

    not_nouns: frozenset[str]
    determiners: frozenset[str]  # 'its', 'the': after a verb, not after a noun


def is_acronym_as_modifier(doc: Doc, start: int, end: int, words: ModifierWords) -> bool:
    """doc[start:end] is one all-capitals token ('US', 'U.S.') written before the lower-case noun it qualifies,
    or hyphenated to a lower-case word ('US-backed')."""
    if end - start != 1 or end >= len(doc):
        return False
    letters = doc[start].text.replace(".", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) >= 2):
        return False
    following = doc[end]
    if following.text in HYPHENS and not doc[start].whitespace_ and not following.whitespace_ and end + 1 < len(doc):
        return doc[end + 1].is_alpha and doc[end + 1].is_lower
    lower = following.lower_
    if not (following.is_alpha and following.is_lower) or lower in words.not_nouns or lower.endswith(PAST_ENDING):
        return False
    return end + 1 >= len(doc) or doc[end + 1].lower_ not in words.determiners


DASHES = frozenset({"-", "‑", "–", "—"})
MAX_NAME_WORDS = 3  # 'NEW YORK', 'SIDI BOU SAID'
MAX_CREDIT_TOKENS = 6  # '(Reuters)', '(AP)', '(Agenzia Nova)'
NAME_JOINERS = frozenset({",", "/"})


def dateline_places(doc: Doc) -> list[tuple[int, int]]:
    """The places of the datelines that open lines: 'RABAT (Reuters) -', 'TRIPOLI, Libya (AP) —', 'Rabat- The
    army ...' (the dash glued), 'AFRICA/LIBYA - ...'. A capitalised line opener before a spaced dash with no
    credit and no second place ('ANALYSIS - ...', 'Libya - the talks') is no dateline."""
    found: list[tuple[int, int]] = []
    for start in _line_starts(doc):
        names, end = _dateline_names(doc, start)
        if names and end + 1 < len(doc) and doc[end].text in DASHES and doc[end].whitespace_:
            credited = doc[end - 1].text == ")"
            glued = not doc[end - 1].whitespace_ and len(names) == 1 and not credited
            listed = len(names) > 1 and all(doc[s:e].text.isupper() for s, e in names[:1])
            if credited or glued or listed:
                found.extend(_without_outlet(doc, names))
    return found


def _without_outlet(doc: Doc, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Tunis, UNIVERSNEWS (Politique) –': after a place written in title case, a name all in capitals is the
    outlet's credit, not a second place ('SABHA, Libya (AP)' writes the place, not the country, in capitals)."""
    if len(names) < 2 or doc[names[0][0]:names[0][1]].text.isupper():
        return names
    return names[:1] + [(s, e) for s, e in names[1:] if not doc[s:e].text.isupper()]


def _line_starts(doc: Doc):
    if len(doc):
        yield 0
    for i in space_tokens_holding(doc, NEWLINE):
        if i + 1 < len(doc):
            yield i + 1


def _dateline_names(doc: Doc, i: int) -> tuple[list[tuple[int, int]], int]:
    """The names ('RABAT'; 'TRIPOLI', 'Libya') from doc[i] on, joined by ',' or '/', and an optional credit
    in brackets; and the index of the token after them."""
    names = []
    while True:
        end = i
        while end < len(doc) and end - i < MAX_NAME_WORDS and doc[end].is_alpha and doc[end].text[:1].isupper():
            end += 1
        if end == i:
            return [], i
        names.append((i, end))
        if end < len(doc) and doc[end].text in NAME_JOINERS:
            i = end + 1
            continue
        break
    if end < len(doc) and doc[end].text == "(":
        close = next((k for k in range(end + 1, min(len(doc), end + 2 + MAX_CREDIT_TOKENS)) if doc[k].text == ")"), None)
        if close is None:
            return [], i
        end = close + 1
    return names, end


def with_dateline_places(doc: Doc, spans: list[Span], places: list[tuple[int, int]],
                         determiners: frozenset[str]) -> list[Span]:
    """Each dateline place as a place, in place of what the model made of its words. A name never runs across
    the dateline's dash: one that does ('Rabat- The Libyan National Army') keeps its words after the dash
    (and a determiner), with its id; a span with a KB id inside the dateline (the ruler's 'TRIPOLI') is left
    as it is."""
    if not places:
        return spans
    owner = {i: span for span in spans for i in range(span.start, span.end)}
    dropped: set[int] = set()  # ids of the spans a dateline replaces
    added = []
    for start, end in places:
        dash = end + next(k for k, token in enumerate(doc[end:]) if token.text in DASHES)
        crossing = list({id(owner[i]): owner[i] for i in range(start, end)
                         if i in owner and id(owner[i]) not in dropped}.values())
        if any(s.id_ and s.end <= dash for s in crossing):
            continue
        dropped.update(id(s) for s in crossing)
        added.append(Span(doc, start, end, label="GPE"))
        added += [_after(doc, s, dash + 1, determiners) for s in crossing if s.end > dash + 1]
    return sorted([s for s in spans if id(s) not in dropped] + added, key=lambda s: s.start)


def _after(doc: Doc, span: Span, start: int, determiners: frozenset[str]) -> Span:
    while start < span.end - 1 and doc[start].lower_ in determiners:
        start += 1
    return Span(doc, start, span.end, label=span.label_, kb_id=span.kb_id, span_id=span.id)
