"""Mend people's names the statistical model cut short: 'Turkish President Racep [Tayyeb Erdogan]',
'Made in Italy, Adolfo [Urso]', 'Justice Minister [Salah] al-Mirghani'.

The model often leaves out a rare given name before the words it knows, or stops before an Arabic article
and the surname it introduces (the KB ruler may have fixed a bare given name such as 'Salah', a surname
of someone else, before the model ran). The words around a person's span say how far the name goes:
a capitalised word just before it that is no title, determiner, nationality or sentence opener is its given
name; 'al-X' just after it is its surname. Pure functions of a Doc and the spans found so far; the word
lists come from the language's data (`NameEdgeWords`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Span, Token

from .base import is_line_break, on_headline_line, written_off_its_line
from .token_lookup import lower_hashes, tokens_with_lower

MAX_GIVEN_NAMES = 2  # 'Racep Tayyeb' before 'Erdogan'; a longer run of capitals is more likely a headline
HYPHENS = frozenset({"-", "‑"})
APOSTROPHES = ("'", "’")


@dataclass(frozen=True)
class NameEdgeWords:
    """Lower-case words that never open a person's name (titles, determiners, function and calendar words,
    sentence openers, nationality words are tested by `is_nationality`) and the Arabic articles that open a
    surname ('al', 'el')."""

    never_given_names: frozenset[str]
    name_articles: frozenset[str]
    is_nationality: Callable[[str], bool]
    is_given_name: Callable[[str], bool]  # a word listed as a given name ('Sadiq'): one even at a line's start
    is_other_name: Callable[[str], bool]  # the KB knows the word as a place or an organisation ('Tripoli')
    complement_openers: frozenset[str] = frozenset()  # 'of', "d'": a capitalised word after one is a complement


def with_whole_names(doc: Doc, spans: list[Span], words: NameEdgeWords) -> list[Span]:
    """Each person's span without a KB id, widened over the given names before it and an 'al-X' surname
    after it that no other span holds, and a lone given name over the surname written right after it."""
    taken = {i for span in spans for i in range(span.start, span.end)}
    out = []
    for span in spans:
        if span.label_ != "PERSON" or span.id_:
            out.append(span)
            continue
        start = _given_names_start(doc, span.start, taken, words)
        end = _surname_end(doc, _lone_given_name_end(doc, span, taken, words), taken, words)
        if (start, end) == (span.start, span.end):
            out.append(span)
            continue
        taken.update(range(start, end))
        out.append(Span(doc, start, end, label="PERSON"))
    return out


def _given_names_start(doc: Doc, start: int, taken: set[int], words: NameEdgeWords) -> int:
    """Where the name starts once the given names before doc[start] are counted in."""
    for _ in range(MAX_GIVEN_NAMES):
        i = start - 1
        if i < 0 or i in taken or not _may_be_given_name(doc[i], words):
            break
        if i > 0 and doc[i - 1].lower_ in words.complement_openers:
            break  # 'Haut-conseil d'[État] Khaled Omar': the word is the complement of what comes before
        start = i
    return start


def _may_be_given_name(token: Token, words: NameEdgeWords) -> bool:
    """A capitalised word ('Adolfo', not 'UAE' or 'President') that is not a title, function or nationality
    word; at a sentence's or a line's start, or on a Title Case headline, it must be a known given name."""
    text = token.text
    if transliterated_ayn(text):
        return not words.is_other_name(text)
    if not (token.is_alpha and text[:1].isupper() and text[1:].islower()):
        return False
    lower = token.lower_
    if (lower in words.never_given_names or lower in words.name_articles or words.is_nationality(lower)
            or words.is_other_name(text)):
        return False
    if words.is_given_name(text):
        return True
    return not (_opens_a_line_or_sentence(token) or on_headline_line(token.doc, token.i))


def transliterated_ayn(text: str) -> bool:
    """'Mus'ab', 'Sa'ad', 'Ja’far': a capitalised word with an apostrophe between lower-case letters, two at least
    on each side (an Arabic 'ayn written out; not an elision such as "L'ancien" or "I've", nor a possessive), is a
    name's, even at a sentence's start."""
    for mark in APOSTROPHES:
        head, found, tail = text.partition(mark)
        if (found and len(head) > 1 and head[:1].isupper() and head.isalpha() and head[1:].islower()
                and len(tail) > 1 and tail.isalpha() and tail.islower()):  # not a possessive's 's
            return True
    return False


def _opens_a_line_or_sentence(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    previous = token.doc[token.i - 1]
    return is_line_break(previous) or previous.text in (":", "(", '"', "“", "«")


def _lone_given_name_end(doc: Doc, span: Span, taken: set[int], words: NameEdgeWords) -> int:
    """'appointed Nadia Ferhat': a person the model cut to a listed given name goes on over one capitalised word
    written right after it that no other span holds and that may be a name (not an acronym, a title or a
    function word)."""
    end = span.end
    if len(span) != 1 or not words.is_given_name(span.text) or end >= len(doc) or end in taken:
        return end
    after = doc[end]
    if (span[0].whitespace_ and after.is_alpha and after.text[:1].isupper() and not after.is_upper
            and after.lower_ not in words.never_given_names and not words.is_other_name(after.text)
            and not words.is_nationality(after.text)):
        return end + 1
    return end


def _surname_end(doc: Doc, end: int, taken: set[int], words: NameEdgeWords) -> int:
    """Where the name ends once an 'al-Mirghani' written right after doc[:end] is counted in, or an 'EL-SONNI'
    in the capitals that UN and EU documents write surnames in."""
    if end >= len(doc) or end in taken or doc[end - 1].whitespace_ == "":
        return end
    article = doc[end]
    if article.lower_ not in words.name_articles or not (article.is_lower or article.is_upper):
        return end
    surname = end + 1
    if surname < len(doc) and doc[surname].text in HYPHENS and not article.whitespace_:
        surname += 1
    if surname >= len(doc) or surname in taken or surname - 1 in taken:
        return end
    token = doc[surname]
    glued = not doc[surname - 1].whitespace_
    if token.is_alpha and token.text[:1].isupper() and glued and (article.is_lower or token.is_upper):
        return surname + 1
    return end


def confirmed_headline_names(doc: Doc, spans: list[Span], credited: frozenset[tuple[int, int]],
                             words: NameEdgeWords) -> list[Span]:
    """A headline capitalises every word, so a person the model finds there ('Dbeibeh Surprises', 'Al Saraj
    Meets Erdogan', 'Discuss Return') is a name only as far as the article writes its words again (off the
    headline's line and its copies: a page may repeat its headline): the span goes if the article writes none
    of its words again, and ends before the first word written nowhere else that follows one written again
    ('Ashour Bin Khayyal', whose given name is written once, stays whole). A credited name (a byline) and a KB
    name stay."""
    title_end = _title_line_end(doc, words)
    out = []
    for span in spans:
        if (span.label_ != "PERSON" or span.id_ or (span.start, span.end) in credited
                or not (span.start < title_end or on_headline_line(doc, span.start))):
            out.append(span)
            continue
        seen = [doc[i].lower_ in words.name_articles or written_off_its_line(doc, i, doc[i].text)
                for i in range(span.start, span.end)]
        if not any(seen[i] and doc[span.start + i].lower_ not in words.name_articles for i in range(len(seen))):
            continue
        first = seen.index(True)
        end = span.start + next((i for i in range(first, len(seen)) if not seen[i]), len(seen))
        out.append(span if end == span.end else Span(doc, span.start, end, label="PERSON"))
    return out


def _title_line_end(doc: Doc, words: NameEdgeWords) -> int:
    """The end of the article's first line if it is a title in Title Case (every word of four letters or more but
    function words capitalised, four of them at least; unlike `on_headline_line`, it may end with a full stop)
    and more lines follow; else 0. Read once per article: the line ends at the first line break."""
    end = next((t.i for t in doc if is_line_break(t)), len(doc))
    if end == len(doc):
        return 0  # a text of one line has no title
    line = [doc[i] for i in range(end) if doc[i].is_alpha and len(doc[i]) >= 4]
    titled = len(line) >= 4 and all(t.text[:1].isupper() or t.lower_ in words.never_given_names for t in line)
    return end if titled else 0


def with_names_after_line_breaks(doc: Doc, ents: list[Span], opens_with_given_name: Callable[[list[str]], bool]
                                 ) -> list[Span]:
    """'Ahmad Adel\\nKarim Salah est devenu président': the model read a credit line and the name opening the
    next line as one person. Names cross no line (the cleanup keeps the words before the break), so the words
    after the last break inside such a span are a person of their own when they are two words or more and open
    with a given name."""
    out = []
    for ent in ents:
        out.append(ent)
        if ent.id_ or ent.label_ not in ("PER", "PERSON") or doc[ent.start].is_space:
            continue
        breaks = [i for i in range(ent.start + 1, ent.end - 2) if is_line_break(doc[i])]
        if breaks:
            words = [doc[i].text for i in range(breaks[-1] + 1, ent.end)]
            if not any(w.isspace() for w in words) and opens_with_given_name(words):
                out.append(Span(doc, breaks[-1] + 1, ent.end, label=ent.label_))
    return out


PLACE_LABELS = ("GPE", "LOC")


def with_given_names_glued_to_people(doc: Doc, ents: list[Span], opens_with_given_name: Callable[[list[str]], bool]
                                     ) -> list[Span]:
    """'a déclaré Bakary Yaou Sangaré': the model tagged the given name as a place and the rest as a person.
    A one-word place the KB does not know, written right against a person (no space-only or punctuation token
    between) and that is a given name, opens that person's name."""
    out: list[Span] = []
    for ent in ents:
        previous = out[-1] if out else None
        if (previous is not None and ent.label_ in ("PER", "PERSON") and previous.label_ in PLACE_LABELS
                and not previous.id_ and len(previous) == 1 and previous.end == ent.start
                and opens_with_given_name([previous.text])):
            out[-1] = Span(doc, previous.start, ent.end, label=ent.label_, span_id=ent.id_)
            continue
        out.append(ent)
    return out


OTHER_NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
MAX_SURNAME_WORDS = 2


def with_given_names_taken_for_bodies(doc: Doc, ents: list[Span], words: NameEdgeWords) -> list[Span]:
    """'Nicola [ORG] Orlando [GPE], the EU ambassador': the model tagged a listed given name as a body or a place and
    the surname after it as another, or as nothing. A one-word entity the KB does not know that is a listed given
    name, followed right away by one or two capitalised words (the KB knowing none of them, none a title's or a
    nationality's word) and then by no capitalised word, is one person; not on a headline's line."""
    by_start = {ent.start: ent for ent in ents}
    replaced: dict[int, Span] = {}
    for ent in ents:
        if (len(ent) == 1 and ent.label_ in OTHER_NAME_LABELS and not ent.id_ and ent.start not in replaced
                and words.is_given_name(ent.text) and not on_headline_line(doc, ent.start)):
            end = _surname_after_given_name(doc, ent.end, by_start, words)
            if end > ent.end:
                replaced[ent.start] = Span(doc, ent.start, end, label="PERSON")
    if not replaced:
        return ents
    covered = {i for span in replaced.values() for i in range(span.start, span.end)}
    kept = [ent for ent in ents if ent.start in replaced or covered.isdisjoint(range(ent.start, ent.end))]
    return [replaced.get(ent.start, ent) for ent in kept]


def _surname_after_given_name(doc: Doc, start: int, by_start: dict[int, Span], words: NameEdgeWords) -> int:
    """Where the surname written at doc[start] ends (one or two capitalised words, each in no entity or in a
    one-word entity the KB does not know, then no capitalised word), or `start` if none is written there."""
    end = start
    while end < min(start + MAX_SURNAME_WORDS, len(doc)) and _may_be_surname(doc[end], by_start.get(end), words):
        if doc[end - 1].whitespace_ == "":
            return start  # 'Nicola-Orlando', 'Nicola.Orlando': no name written apart
        end += 1
    follows_capitalised = end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper()
    return start if follows_capitalised else end


def _may_be_surname(token: Token, ent: Span | None, words: NameEdgeWords) -> bool:
    text = token.text
    return (token.is_alpha and text[:1].isupper() and not token.is_upper and token.lower_ not in words.never_given_names
            and not words.is_nationality(text) and not words.is_other_name(text)
            and (ent is None or (len(ent) == 1 and not ent.id_ and ent.label_ in OTHER_NAME_LABELS)))


QUOTE_MARKS = frozenset({'"', "”", "»", "“"})
SPEAKER_ENDS = frozenset({",", ".", "(", ";", ":"})
MAX_SPEAKER_WORDS = 4


@dataclass(frozen=True)
class SpeakerWords:
    """What `with_quoted_speakers` reads: the verbs that attribute a quote, the words between a quote and its verb
    ('a' in '», a déclaré X'), the words a speaker's name may be followed by ('of', 'de') and name particles."""

    speech_verbs: frozenset[str]
    between: frozenset[str]
    after_name: frozenset[str]
    name_particles: frozenset[str]


def with_quoted_speakers(doc: Doc, ents: list[Span], words: SpeakerWords, edges: NameEdgeWords) -> list[Span]:
    """'"...," said Matteo de Bellis of Amnesty', '"...," Matteo de Bellis said': two to four capitalised words,
    written between a closing quote and the verb that attributes it or right after that verb, are the speaker the
    model missed or took for a body or a place (in no entity, or exactly one the KB does not know; no title, place
    or organisation word among them)."""
    verbs = tokens_with_lower(doc, lower_hashes(words.speech_verbs))  # most documents quote no one
    if not verbs:
        return ents
    mistaken = {(e.start, e.end): e for e in ents if not e.id_ and e.label_ not in ("PER", "PERSON")}
    taken = {i for ent in ents if (ent.start, ent.end) not in mistaken for i in range(ent.start, ent.end)}
    found: dict[tuple[int, int], Span] = {}
    for k in verbs:
        after = (k + 1, _speaker_end(doc, k + 1, words)) if _after_quote(doc, k, words.between) else (None, None)
        for start, end in (after, (_speaker_start(doc, k, words), k)):
            if start is not None and end is not None and end - start >= 2 and taken.isdisjoint(range(start, end)) \
                    and _free_or_mistaken(ents, mistaken, start, end) and _is_name_shaped(doc, start, end, edges):
                found[(start, end)] = Span(doc, start, end, label="PERSON")
                taken.update(range(start, end))
    if not found:
        return ents
    kept = [ent for ent in ents if (ent.start, ent.end) not in found]
    return sorted(kept + list(found.values()), key=lambda span: span.start)


MAX_LABEL_WORDS = 3


def with_transcript_speakers(doc: Doc, ents: list[Span], edges: NameEdgeWords) -> list[Span]:
    """'NADIA FAROUK: The minister said ...': a transcript opens each turn with its speaker's name in capitals and a
    colon. Two such lines or more make a transcript; each label of two or three words, none a place or a body the
    KB knows, is a person; the entities it overlaps, none with a KB id, go (the model's 'KARL' of 'KARL LINDQVIST', an
    event read across the line and the colon); not a person the model found longer."""
    labels = [label for label in map(lambda start: _speaker_label(doc, start), _line_starts(doc)) if label]
    if len(labels) < 2:
        return ents
    found = [Span(doc, start, end, label="PERSON") for start, end in labels
             if all(_yields_to_label(e, start, end) for e in ents if e.start < end and start < e.end)
             and not any(edges.is_other_name(doc[i].text.title()) for i in range(start, end))]
    kept = [e for e in ents if not any(s.start < e.end and e.start < s.end for s in found)]
    return sorted(kept + found, key=lambda span: span.start)


def _yields_to_label(ent: Span, start: int, end: int) -> bool:
    """May an entity overlapping a speaker's label give way to it: no KB id, and inside it or no person."""
    return not ent.id_ and ((start <= ent.start and ent.end <= end) or ent.label_ not in ("PER", "PERSON"))


def _line_starts(doc: Doc) -> list[int]:
    """The first token of the text and of every line."""
    return [0] + [t.i + 1 for t in doc[:-1] if is_line_break(t)]


def _speaker_label(doc: Doc, start: int) -> tuple[int, int] | None:
    """The words of a speaker's label opening a line ('JANE ROWLEY:'): two or three words in capitals, then a colon."""
    end = start
    while end < len(doc) and end - start <= MAX_LABEL_WORDS and doc[end].is_alpha and doc[end].is_upper \
            and len(doc[end]) > 1:
        end += 1
    return (start, end) if 2 <= end - start <= MAX_LABEL_WORDS and end < len(doc) and doc[end].text == ":" else None


def _free_or_mistaken(ents: list[Span], mistaken: dict[tuple[int, int], Span], start: int, end: int) -> bool:
    """Are the words in no entity, or exactly in one the model mislabelled?"""
    return (start, end) in mistaken or not any(e.start < end and start < e.end for e in ents)


def _after_quote(doc: Doc, k: int, between: frozenset[str]) -> bool:
    """Does the verb at `k` follow a quote's end, past auxiliaries ('», a déclaré')?"""
    j = k - 1
    while j >= 0 and doc[j].lower_ in between:
        j -= 1
    return j >= 0 and _closes_quote(doc, j + 1)


def _closes_quote(doc: Doc, k: int) -> bool:
    """Does a quote end right before `k`, with its comma inside or outside ('...," said', '», a déclaré')?"""
    if k >= 2 and doc[k - 1].text in QUOTE_MARKS and doc[k - 2].text in (",", "?", "!"):
        return True
    return k >= 2 and doc[k - 1].text == "," and doc[k - 2].text in QUOTE_MARKS


def _speaker_end(doc: Doc, start: int, words: SpeakerWords) -> int | None:
    """End of a name opening at `start` and closed by punctuation or a word of `after_name`, or None."""
    end = start
    while end < len(doc) and end - start < MAX_SPEAKER_WORDS and _name_word(doc[end], words):
        end += 1
    closed = end == len(doc) or doc[end].text in SPEAKER_ENDS or doc[end].lower_ in words.after_name
    return end if closed and end > start and doc[end - 1].text[:1].isupper() else None


def _speaker_start(doc: Doc, verb: int, words: SpeakerWords) -> int | None:
    """Start of a name ending right before the verb and opening right after a quote and its comma, or None."""
    start = verb
    while start > 0 and verb - start < MAX_SPEAKER_WORDS and _name_word(doc[start - 1], words):
        start -= 1
    return start if _closes_quote(doc, start) and start < verb else None


def _name_word(token: Token, words: SpeakerWords) -> bool:
    return (token.is_alpha and token.text[:1].isupper()) or token.lower_ in words.name_particles or token.text in HYPHENS


def _is_name_shaped(doc: Doc, start: int, end: int, edges: NameEdgeWords) -> bool:
    """No title, function, nationality, place or organisation word among the capitalised words."""
    return all(not token.text[:1].isupper() or (token.lower_ not in edges.never_given_names
               and not edges.is_nationality(token.lower_) and not edges.is_other_name(token.text))
               for token in doc[start:end])
