"""People's names the model cut in two or wrote apart: one span again ('Abdallah al' + '-Theni', a given name and
a surname split at a line, a byline's name), each keeping the KB id of the whole name."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span

from ..knowledge.kb import KnowledgeBase
from ..knowledge.lexicon import Words
from ..text.normalize import tokens_alike
from .span_edges import CLOSING_QUOTES, LABEL_MAP, OPENING_QUOTES, opens_with_common_word


def join_broken_names(doc: Doc, ents: tuple[Span, ...], words: Words, kb: KnowledgeBase | None = None) -> list[Span]:
    """Mend names the model cut in two: at the Arabic article ('Abdallah al' + '-Theni'), or an organisation
    ending in 'of' before the place it belongs to ('Social Council of' + 'Souq al-Juma'). The second part's KB
    id stays only if the KB names its entity by the whole (see `kept_id`)."""
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        end = ent.end
        last = doc[end - 1]
        if last.text == "-" and end - ent.start > 1 and doc[end - 2].lower_ in words.name_articles:
            end -= 1  # the model kept the hyphen: 'Al-' + 'Joufra'
            last = doc[end - 1]
        last_lower = last.lower_
        if last_lower in words.name_articles and end < len(doc):
            nxt = end + 1 if doc[end].text == "-" else end
            if nxt < len(doc) and doc[nxt].text[:1].isupper():
                following = ents[i + 1] if i + 1 < len(ents) and ents[i + 1].start == nxt else None
                new_end = following.end if following is not None else nxt + 1
                known = following if following is not None and following.id_ else None
                out.append(Span(doc, ent.start, new_end, label=known.label_ if known else ent.label_,
                                span_id=kept_id({known.id_} if known else set(), doc[ent.start:new_end], kb)))
                i += 2 if following is not None else 1
                continue
        following = ents[i + 1] if i + 1 < len(ents) else None
        if (ent.label_ == "ORG" and following is not None and last_lower in words.linking_words
                and following.start == end and not opens_with_common_word(doc[ent.start], words)):
            # 'Social Council of' + 'Souq al-Juma'
            out.append(Span(doc, ent.start, following.end, label="ORG"))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def listed_together(doc: Doc, end: int, start: int, words: Words) -> bool:
    """Only a list separator stands between doc[:end] and doc[start:]: ',', 'and', ', and'."""
    gap = [doc[i].lower_ for i in range(end, start)]
    return 1 <= len(gap) <= 2 and all(w == "," or w in words.conjunctions for w in gap)


def with_bylines(doc: Doc, ents: list[Span], people: list[tuple[int, int]],
                 outlets: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """The credited names as people and the credited outlets as organisations, in place of whatever the model
    made of their words; an outlet the KB matched keeps its span and id, and one holding another KB name is left
    to the other components (the tokens would keep that name's id)."""
    known = {(ent.start, ent.end) for ent in ents if ent.id_ and ent.label_ == "ORG"}
    inner = [ent for ent in ents if ent.id_ and (ent.start, ent.end) not in known]
    credits = [(start, end, "PERSON") for start, end in people]
    credits += [(start, end, "ORG") for start, end in outlets if (start, end) not in known
                and not any(start <= ent.start and ent.end <= end for ent in inner)]  # 'UK FCO' would keep the UK's id
    if not credits:
        return ents
    taken = {i for start, end, _ in credits for i in range(start, end)}
    kept = [ent for ent in ents if taken.isdisjoint(range(ent.start, ent.end))]
    return sorted(kept + [Span(doc, start, end, label=label) for start, end, label in credits], key=lambda s: s.start)


GIVEN_NAME_SIMILARITY = 0.84  # as the resolver's fuzzy threshold


def kept_id(ids: set[str], whole: Span, kb: KnowledgeBase | None) -> str:
    """The KB id a mended name keeps: a part's id (often a bare surname's) only when the KB names that entity by
    the whole text or the whole opens with that entity's given name ('Abdelghani «Gheniwa» el-Kikli');
    'Mohamed' + 'al-Mishri' is not Khaled al-Mishri: the resolver decides."""
    for kb_id in sorted(ids):
        entity = kb.by_id.get(kb_id) if kb is not None else None
        if kb is None or kb_id in kb.lookup(whole.text) or (entity is not None and _opens_with_given_name(whole, entity)):
            return kb_id
    return ""


def _opens_with_given_name(whole: Span, entity) -> bool:
    first = whole[0].text.split("-")[0]
    return any(tokens_alike(first, name.split()[0].split("-")[0], GIVEN_NAME_SIMILARITY)
               for name in entity.full_names if len(name.split()) > 1)


def join_split_people(doc: Doc, ents: list[Span], words: Words, kb: KnowledgeBase | None = None) -> list[Span]:
    """Mend one person the model wrote as two: across a loose Arabic article ('Abdel-Fattah' + 'el-' +
    'Sissi') or around a nickname in quotes ('Abdelghani «Gheniwa» el-Kikli'). Parts that carry two
    different KB ids are two people and stay apart; a part's KB id (a surname) stays with the whole only when
    the KB names its person so ('Mohamed' + 'al-Mishri' is not Khaled al-Mishri: the resolver decides)."""
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        following = ents[i + 1] if i + 1 < len(ents) else None
        parts = _parts_of_one_person(doc, ent, following, out[-1] if out else None, words)
        ids = {part.id_ for part in parts or () if part.id_}
        if not parts or len(ids) > 1:
            out.append(ent)
            i += 1
            continue
        if out and parts[0] is out[-1]:
            out.pop()
        whole = doc[parts[0].start:parts[-1].end]
        out.append(Span(doc, whole.start, whole.end, label="PERSON", span_id=kept_id(ids, whole, kb)))
        i += 2
    return out


def _parts_of_one_person(doc: Doc, ent: Span, following: Span | None, previous: Span | None,
                         words: Words) -> list[Span] | None:
    """The spans (and given-name token) that write one person, if `ent` and `following` are two pieces of
    one name; else None."""
    if following is None or not _is_person(following):
        return None
    if _is_person(ent) and _joined_by_an_article(doc, ent, following, words):
        return [ent, following]
    if _is_nickname(doc, ent) and _only_articles(doc, ent.end + 1, following.start, words):
        given = doc[ent.start - 2]
        if not (given.is_alpha and given.text[:1].isupper()):
            return None
        if previous is not None and previous.end == given.i + 1 and _is_person(previous):
            return [previous, ent, following]
        return [doc[given.i : given.i + 1], ent, following]
    return None


def _is_person(span: Span) -> bool:
    return LABEL_MAP.get(span.label_, span.label_) == "PERSON"


def _joined_by_an_article(doc: Doc, ent: Span, following: Span, words: Words) -> bool:
    """Only an Arabic article stands between the two pieces ('Abdallah al' + '-Theni'), or the second piece
    opens with one right after the first ('Abdel Ghani' + 'Al Kikli'): a surname goes on the name before it."""
    if following.start == ent.end:
        return following[0].lower_ in words.name_articles
    return following.start > ent.end and _only_articles(doc, ent.end, following.start, words)


def _only_articles(doc: Doc, start: int, end: int, words: Words) -> bool:
    """doc[start:end] is empty, or an Arabic article and its hyphen ('el', '-')."""
    gap = [doc[i] for i in range(start, end)]
    return not gap or (len(gap) <= 2 and gap[0].lower_ in words.name_articles
                       and all(t.text in ("-", "‑") for t in gap[1:]))


def _is_nickname(doc: Doc, span: Span) -> bool:
    """A name in quotes right after a capitalised word: 'Abdelghani «Gheniwa»'."""
    return (span.start >= 2 and span.end < len(doc) and doc[span.start - 1].text in OPENING_QUOTES
            and doc[span.end].text in CLOSING_QUOTES)
