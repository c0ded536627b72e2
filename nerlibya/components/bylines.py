"""Bylines and credits name people: 'By X and Y', 'Reporting by X; Editing by Y', 'Photo: X/AFP', 'Par X'.

The statistical model reads a byline as a sentence and tags its names as places or organisations, or not
at all. A credit cue opening a line (or a credit after ';') is followed by names written in capitals, joined
by 'and', ',' or ';'; each name of two words or more is a person. A cue in lower case ('by X and Y', as
think tanks sign) credits only names that fill the rest of its line. The cues are language data
(`byline_cues` in models/lang/<code>/words.yaml).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from spacy.strings import hash_string
from spacy.tokens import Doc

from ..knowledge.lexicon import Words
from ..text.normalize import is_acronym
from .token_lookup import NEWLINE, line_around, space_tokens_holding, tokens_with_lower, tokens_with_text

MAX_NAME_TOKENS = 5
SEPARATORS = frozenset({",", "&"})
CREDIT_OPENERS = frozenset({";", "(", "["})
SLASH = ("/",)

# (people, outlets) of `credits`, kept on the Doc by the first component that reads them
Doc.set_extension("credits", default=None, force=True)


def credits(doc: Doc, words: Words, outlet_words: frozenset[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The people and the outlets the document's bylines, sign-offs and datelines credit (`outlet_credits` of
    `byline_names`), read once per document: entity cleanup and organisation evidence both need them, with the
    pipeline's one lexicon, and they depend on the tokens only, which no component changes."""
    if doc._.credits is None:
        doc._.credits = outlet_credits(doc, words, byline_names(doc, words), outlet_words)
    return doc._.credits


def byline_names(doc: Doc, words: Words) -> list[tuple[int, int]]:
    """Token ranges of the names credited in the document's bylines."""
    cue_words, first_words = _cues(words.byline_cues)
    found: list[tuple[int, int]] = []
    for i in tokens_with_lower(doc, first_words):  # a cue's first word: few tokens, read as Token objects
        if not _credit_may_start(doc, i):
            continue
        cue = next((c for c in cue_words if tuple(t.lower_ for t in doc[i : i + len(c)]) == c), None)
        names = _names_after(doc, i + len(cue), words) if cue is not None else []
        if names and (doc[i].text[:1].isupper() or _line_ends(doc, names[-1][1])):  # 'by X and Y' alone on its line
            found.extend(name for name in names
                         if not all(t.lower_ in words.byline_staff_words for t in doc[name[0] : name[1]])
                         and not _describes_the_writer(doc, *name, words))
    # a line with a cue ('By X in Tripoli') is read above: a located name there is one of its names
    return found + [(s, e) for s, e in _located_names(doc, words) if not any(s < fe and fs < e for fs, fe in found)]


def _located_names(doc: Doc, words: Words) -> list[tuple[int, int]]:
    """'X in Misrata and Y in Tunis' alone on its line: names each followed by the place its writer files
    from sign the story without a cue, as British papers print their bylines."""
    found = []
    for start in (0, *(i + 1 for i in space_tokens_holding(doc, NEWLINE))):
        names = _names_after(doc, start, words) if start < len(doc) else []
        places = [_past_place(doc, end, words) for _, end in names]
        if names and None not in places and _line_ends(doc, places[-1]):
            found.extend(names)
    return found


def _past_place(doc: Doc, end: int, words: Words) -> int | None:
    """The end of 'in Tripoli' written at `end` (a place preposition and capitalised words), or None."""
    if end >= len(doc) or doc[end].lower_ not in words.place_prepositions:
        return None
    k = end + 1
    while k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper():
        k += 1
    return k if k > end + 1 else None


def opens_credit_cue(doc: Doc, i: int, words: Words) -> bool:
    """'Writing' in '; Writing by X': the first word of a credit cue of several words, which the model may tag
    as a name."""
    cue_words, _ = _cues(words.byline_cues)
    return any(len(cue) > 1 and tuple(t.lower_ for t in doc[i : i + len(cue)]) == cue for cue in cue_words)


@lru_cache(maxsize=8)
def _cues(cues: frozenset[str]) -> tuple[tuple[tuple[str, ...], ...], frozenset[int]]:
    """The cues as word tuples, longest first, and the hashes of their first words."""
    cue_words = tuple(tuple(cue.split()) for cue in sorted(cues, key=len, reverse=True))
    return cue_words, frozenset(hash_string(c[0]) for c in cue_words if c)


def _credit_may_start(doc: Doc, i: int) -> bool:
    """doc[i] opens a line, follows the ';' between two credits, or opens a bracketed credit line ('(Reporting
    by X; Editing by Y)', as Reuters ends its stories)."""
    if i == 0:
        return True
    previous = doc[i - 1]
    return (previous.is_space and "\n" in previous.text) or previous.text in CREDIT_OPENERS


def _names_after(doc: Doc, start: int, words: Words) -> list[tuple[int, int]]:
    """The names joined by 'and', ',' from `start` on. A name that goes on with 'for' or 'of' ('By
    International Organization for Migration') is an organisation's: none is taken then."""
    conjunctions, particles = words.conjunctions, words.name_particles
    names = []
    i = start
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < MAX_NAME_TOKENS and _name_word(doc[end], particles):
            end += 1
        while end > i and not doc[end - 1].text[:1].isupper():
            end -= 1  # a name ends with a capitalised word
        if end - i < 2 or not doc[i].text[:1].isupper():
            break
        if end < len(doc) and doc[end].lower_ in words.linking_words:
            return []
        names.append((i, end))
        if end + 1 < len(doc) and doc[end].lower_ in words.place_prepositions and doc[end + 1].text[:1].isupper():
            end += 2  # 'X in Tripoli and Y in Misrata'
            while end < len(doc) and _name_word(doc[end], particles):
                end += 1
        if end < len(doc) and (doc[end].lower_ in conjunctions or doc[end].text in SEPARATORS):
            i = end + 1
        else:
            break
    return names


def _describes_the_writer(doc: Doc, start: int, end: int, words: Words) -> bool:
    """'Middle East correspondent', 'North Africa Editor' after a credited name: capitalised words that end with,
    or come right before, a word of a writer's role say where the writer reports from; they name no one."""
    role_words = words.byline_role_words
    return doc[end - 1].lower_ in role_words or (end < len(doc) and doc[end].lower_ in role_words)


def _name_word(token, particles: frozenset[str]) -> bool:
    """A capitalised word (not an agency in capitals, 'AFP'), a middle initial ('D.' in 'By David D. X'), a
    hyphen or a name particle."""
    text = token.text
    if token.lower_ in particles or text in ("-", "‑") or _is_initial(text):
        return True
    return token.is_alpha and text[:1].isupper() and not (token.is_upper and len(text) > 1)


def _is_initial(text: str) -> bool:
    """'D.': one capital letter and its full stop, an initial inside a name."""
    return len(text) == 2 and text[0].isupper() and text[0].isalpha() and text[1] == "."


OUTLET_JOINERS = frozenset({"/", "-", "‑", ",", "&"})
CREDIT_DASHES = frozenset({"-", "–", "—"})
MAX_CREDIT_TOKENS = 8


def outlet_credits(doc: Doc, words: Words, names: list[tuple[int, int]],
                   outlet_words: frozenset[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The credited `names` split into people and outlets, and the outlets of sign-offs and dateline credits
    added: 'By X, McClatchy Newspapers' (a credited name holding an outlet's word: 'newspapers', 'news', or a body
    the KB knows: 'By Amnesty International'),
    'Source: Africanews' (a sign-off line), 'TRIPOLI, July 24 (NNN-Xinhua) —' (the credit in brackets between
    a dateline in capitals and its dash), '(AFP / Abdullah Doma)' (a caption's credit: an agency's acronym and
    its photographer). Returns (people, outlets)."""
    outlets = [n for n in names if _holds_outlet_word(doc, n, outlet_words) or _known_body(doc, n)]
    people = [n for n in names if n not in outlets]
    for agency, person in _bracketed_photo_credits(doc, words.name_particles):
        people.append(person)
        outlets.append(agency)
    cue_words, first_words = _cues(words.source_cues)
    for i in tokens_with_lower(doc, first_words):
        cue = next((c for c in cue_words if tuple(t.lower_ for t in doc[i : i + len(c)]) == c), None)
        if cue is not None and _credit_may_start(doc, i) and doc[i].text[:1].isupper():
            outlets.extend(_outlets_to_line_end(doc, i + len(cue), words))
    outlets.extend(_dateline_credits(doc))
    outlets.extend(_agency_lines(doc, outlet_words))
    return people, sorted(set(outlets))


def _bracketed_photo_credits(doc: Doc, particles: frozenset[str]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(agency, photographer) of each caption credit in brackets, one agency's acronym and one name of two to
    four words either side of a slash, the bracket closing its line: '(AFP / Abdullah Doma)', '(Mahmud
    Turkia/AFP)'. An acronym keeps out '(Tripoli / Abu Salim)'."""
    found = []
    for slash in tokens_with_text(doc, SLASH):
        opening = _first_written(doc, "(", range(slash - 1, max(-1, slash - MAX_NAME_TOKENS - 2), -1))
        close = _first_written(doc, ")", range(slash + 1, min(len(doc), slash + MAX_NAME_TOKENS + 2)))
        if opening is None or close is None or not _line_ends(doc, close + 1):
            continue
        parts = sorted(((opening + 1, slash), (slash + 1, close)), key=lambda part: part[1] - part[0])
        (agency_start, agency_end), (name_start, name_end) = parts
        if (agency_end - agency_start == 1 and is_acronym(doc[agency_start].text) and 2 <= name_end - name_start <= 4
                and all(_name_word(t, particles) for t in doc[name_start:name_end])
                and doc[name_start].text[:1].isupper() and doc[name_end - 1].text[:1].isupper()):
            found.append(((agency_start, agency_end), (name_start, name_end)))
    return found


def _known_body(doc: Doc, name: tuple[int, int]) -> bool:
    """'By Amnesty International': a credited name the KB ruler read as one of its organisations signs for a body."""
    return all(t.ent_type_ == "ORG" and t.ent_id_ for t in doc[name[0] : name[1]])


def _holds_outlet_word(doc: Doc, name: tuple[int, int], outlet_words: frozenset[str]) -> bool:
    return any(t.lower_ in outlet_words or t.lower_.removesuffix("s") in outlet_words for t in doc[name[0] : name[1]])


def _outlets_to_line_end(doc: Doc, start: int, words: Words) -> list[tuple[int, int]]:
    """The names joined by '/', ',' or 'and' from `start` to the end of the line, or none when the line goes
    on with other words ('Source: the ministry said ...'); a date may close the line ('Source: Sahel Wire
    March 3, 2019')."""
    names, i = [], start
    while i < len(doc):
        end = i
        while end < len(doc) and doc[end].is_alpha and (doc[end].text[:1].isupper() or doc[end].lower_ in words.name_particles):
            end += 1
        if end == i or not doc[end - 1].text[:1].isupper():
            return []
        dated = next((k for k in range(i + 1, end) if doc[k].lower_ in words.calendar_words and _date_to_line_end(doc, k, words)), None)
        if dated is not None:
            return [*names, (i, dated)]
        names.append((i, end))
        if end < len(doc) and (doc[end].text in OUTLET_JOINERS or doc[end].lower_ in words.conjunctions):
            i = end + 1
            continue
        return names if _line_ends(doc, end) or _bracket_ends_line(doc, end) else []
    return []


def _bracket_ends_line(doc: Doc, i: int) -> bool:
    """'(Source: UK FCO)': a closing bracket at doc[i] ends the line of a bracketed sign-off."""
    return i < len(doc) and doc[i].text in (")", "]") and _line_ends(doc, i + 1)


def _date_to_line_end(doc: Doc, i: int, words: Words) -> bool:
    """Do day or month words, numbers and commas alone fill the line from doc[i] ('February 25, 2019')?"""
    k = i
    while not _line_ends(doc, k):
        if not (doc[k].like_num or doc[k].text == "," or doc[k].lower_ in words.calendar_words):
            return False
        k += 1
    return k > i


def _line_ends(doc: Doc, i: int) -> bool:
    """doc[i] ends the line: the end of the text, a line break, or a full stop before one."""
    if i < len(doc) and doc[i].text == ".":
        i += 1
    return i >= len(doc) or (doc[i].is_space and "\n" in doc[i].text) or "\n" in doc[i - 1].whitespace_


def _dateline_credits(doc: Doc) -> list[tuple[int, int]]:
    """The outlets in brackets before the dash of a dateline whose line opens with a place ('TRIPOLI, July 24
    (NNN-Xinhua) —', 'Niamey, 12 février (ANP) -'): each part of 'A-B' or 'A/B' one outlet, or one agency's
    acronym alone."""
    found = []
    for start in (0, *(i + 1 for i in space_tokens_holding(doc, NEWLINE))):
        if start >= len(doc) or not (doc[start].is_alpha and doc[start].text[:1].isupper() and len(doc[start]) > 1):
            continue
        opening = _first_written(doc, "(", range(start + 1, min(len(doc), start + MAX_CREDIT_TOKENS)))
        if opening is None or not (doc[start].is_upper or any(t.text == "," for t in doc[start:opening])):
            continue  # a place in capitals, or a place and its date ('Niamey, 12 février')
        opening, close = _credit_brackets(doc, opening)
        if close is None or close + 1 >= len(doc) or doc[close + 1].text not in CREDIT_DASHES:
            continue
        parts = _parts_between_joiners(opening + 1, close, [k for k in range(opening + 1, close)
                                                             if doc[k].text in OUTLET_JOINERS])
        if len(parts) > 1 and all(e > s and all(t.is_alpha and t.text[:1].isupper() for t in doc[s:e]) for s, e in parts):
            found.extend(parts)
        elif close == opening + 2 and is_acronym(doc[opening + 1].text):
            found.append((opening + 1, close))
    return found


def _agency_lines(doc: Doc, outlet_words: frozenset[str]) -> list[tuple[int, int]]:
    """The outlet of a credit line 'Sahel Cloud News Agency – Niamey': capitalised words holding an outlet's word
    fill the line up to a dash, and a place the KB ruler or the model found fills it after."""
    found = []
    for dash in tokens_with_text(doc, CREDIT_DASHES):
        start, end = line_around(doc, dash)
        if start == dash or end - dash < 2 or any(not t.text[:1].isupper() or not t.is_alpha for t in doc[start:dash]):
            continue
        place = doc[dash + 1 : end]
        if (place[0].ent_type_ in ("GPE", "LOC") and all(t.ent_type_ == place[0].ent_type_ for t in place)
                and _holds_outlet_word(doc, (start, dash), outlet_words)):
            found.append((start, dash))
    return found


def _credit_brackets(doc: Doc, opening: int) -> tuple[int, int | None]:
    """Where the credit's brackets open and close ('(Reuters)'); past a country in capitals bracketed before
    them ('VALLETTA (MALTA) (ITALPRESS/MNA) -', as Italpress writes its datelines)."""
    close = _first_written(doc, ")", range(opening + 1, min(len(doc), opening + MAX_CREDIT_TOKENS)))
    if (close == opening + 2 and doc[opening + 1].is_upper and doc[opening + 1].is_alpha
            and close + 1 < len(doc) and doc[close + 1].text == "("):
        opening = close + 1
        close = _first_written(doc, ")", range(opening + 1, min(len(doc), opening + MAX_CREDIT_TOKENS)))
    return opening, close


def _first_written(doc: Doc, text: str, indices: Iterable[int]) -> int | None:
    """The first of `indices` (in their order) where `text` is written, or None: a bracket near a credit."""
    return next((k for k in indices if doc[k].text == text), None)


def _parts_between_joiners(start: int, end: int, joiners: list[int]) -> list[tuple[int, int]]:
    bounds = [start - 1, *joiners, end]
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:])]
