"""Where a name's span starts and ends: the small token tests that trim an entity's edges (determiners, labels,
trailing punctuation, dates and qualifiers, a line break inside, an acronym before a name) and the quote marks
around a nickname. Shared by the entity clean-up and the joins of people's spans."""

from __future__ import annotations

from spacy.tokens import Doc

from ..knowledge.lexicon import Words
from ..text.normalize import APOSTROPHES

LABEL_MAP = {"PER": "PERSON"}
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
OPENING_QUOTES = frozenset({"«", "“", '"'})
CLOSING_QUOTES = frozenset({"»", "”", '"'})


def is_acronym_before_name(token, following) -> bool:
    """'PJC Awadh al-Barassi', 'GNU MoI Emad Trabelsi': an acronym (a party, a body, an office; in capitals, or
    mixed case with a capital at both ends: 'MoI', 'MoFA', 'HoR') before a name written in Title Case is no part
    of it."""
    text = token.text
    shaped = token.is_upper or (len(text) <= 5 and text[0].isupper() and text[-1].isupper())
    return shaped and token.is_alpha and len(text) > 1 and not following.is_upper


def in_quotes(doc: Doc, start: int, end: int) -> bool:
    return (start > 0 and end < len(doc) and doc[start - 1].text in OPENING_QUOTES
            and doc[end].text in CLOSING_QUOTES)


def is_abbreviated(text: str) -> bool:
    """A courtesy title written short ('M.', 'Mme', 'Dr'), which no surname is; 'Sheikh' may be one ('al-Sheikh')."""
    return text.endswith(".") or len(text) <= 3


SPACED_DASHES = frozenset({"-", "–", "—", "--"})


def unbroken_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Names cross no line, no run of spaces and no dash with a space on each side: past any whitespace token that
    opens doc[start:end], up to the first break inside it (the model reads 'Nadia Farouk\r', 'Farouk\u2028Talks',
    'Nadia Farouk - who' as one name)."""
    while start < end and doc[start].is_space:
        start += 1
    for i in range(start, end):
        if doc[i].is_space or (i > start and _spaced_dash(doc, i)):
            return start, i
    return start, end


def _spaced_dash(doc: Doc, i: int) -> bool:
    return doc[i].text in SPACED_DASHES and doc[i].whitespace_ != "" and doc[i - 1].whitespace_ != ""


def without_trailing(doc: Doc, start: int, end: int, trailing: frozenset[str], dangling: frozenset[str]) -> int:
    """The end of doc[start:end] without trailing punctuation and possessives, and without a dangling
    "de l'" or "of the" after a name."""
    while end > start:
        lower = doc[end - 1].lower_
        if lower not in trailing and not (end - start > 1 and lower in dangling):
            break
        end -= 1
    return end


def without_trailing_date(doc: Doc, start: int, end: int, calendar: frozenset[str], dangling: frozenset[str]) -> int:
    """'the Committee on 3 March 2016': a date after a linking word ends no name; the end before that word."""
    k = end
    while k > start + 1 and (doc[k - 1].like_num or doc[k - 1].lower_ in calendar or doc[k - 1].text == ","):
        k -= 1
    if k < end and any(doc[i].lower_ in calendar for i in range(k, end)) and doc[k - 1].lower_ in dangling and k - 1 > start:
        return k - 1
    return end


def without_trailing_qualifier(doc: Doc, start: int, end: int, qualifiers: frozenset[str],
                                dangling: frozenset[str]) -> int:
    """The end of doc[start:end] before a lower-case title qualifier after "de l'" ('l'Alliance de l'ancien PM
    X'): the qualifier opens the title after the name, whose dangling "de l'" is trimmed next."""
    last = doc[end - 1]
    if end - start > 2 and last.is_lower and last.lower_ in qualifiers and doc[end - 2].lower_ in dangling:
        return end - 1
    return end


def after_label(doc: Doc, start: int, end: int) -> int:
    """The start of doc[start:end] past a label and its colon ('Photo: Getty Images'): names hold no colon."""
    for i in range(end - 1, start - 1, -1):
        if doc[i].text == ":":
            return i + 1
    return start


def after_determiners(doc: Doc, start: int, end: int, determiners: frozenset[str]) -> int:
    """The start of doc[start:end] past leading determiners ('the', 'les'; an all-capitals 'A' stays)."""
    while start < end:
        token = doc[start]
        if token.lower_ not in determiners or token.is_upper:
            break
        start += 1
    return start


def is_elided_word(token) -> bool:
    """A lower-case word written elided, its apostrophe last ('qu’', 'lorsqu'', 'jusqu’'): the conjunction or
    preposition before a name ('qu’Omar X'), never a part of it; a name's own apostrophe sits inside it
    ("O'Brien")."""
    text = token.text
    return len(text) > 1 and text[-1] in ("'", *APOSTROPHES) and text[:-1].isalpha() and text.islower()


def after_elided_words(doc: Doc, start: int, end: int) -> int:
    """The start of doc[start:end] past leading elided words (see is_elided_word)."""
    while start < end - 1 and is_elided_word(doc[start]):
        start += 1
    return start


def ends_before_adjectives(doc: Doc, start: int, most: int = 2) -> list[int]:
    """`start`, and each place further back over the lower-case words right before it (at most `most`, no
    function word) where the noun of the name's kind may end, in a language that writes adjectives after the noun:
    'la télévision' + 'syrienne' + 'Arrai', 'la tempête' + 'tropicale' + 'Hilda'."""
    ends = [start]
    while (len(ends) <= most and ends[-1] > 0 and doc[ends[-1] - 1].is_lower and doc[ends[-1] - 1].is_alpha
           and not doc[ends[-1] - 1].is_stop):
        ends.append(ends[-1] - 1)
    return ends


def head_length(words: tuple[str, ...], heads: tuple[tuple[str, ...], ...], at_end: bool = False) -> int:
    """Length of the first of `heads` that `words` start with (or end with), 0 if none."""
    for head in heads:
        if (words[-len(head):] if at_end else words[:len(head)]) == head:
            return len(head)
    return 0


def opens_with_common_word(token, words: Words) -> bool:
    """A span opening with a lower-case word other than an article is a title the model took for a name
    ('ministre des Affaires étrangères du' before 'Ghana'), not an organisation to mend."""
    return token.is_lower and token.lower_ not in words.leading_determiners
