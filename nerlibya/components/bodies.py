"""Bodies named by a head noun: 'Libya Sanctions Committee', 'Tripoli Protection Force', 'Planning,
Finance and Budget Committee', '6+6 committee', 'Security Directorates Support Force for the Regions',
'Bureau du Procureur général militaire', 'Département contre l'immigration illégale'.

The statistical model often misses such names or cuts them at a comma or before 'for the'. A name is
grown from its head noun (data: `bodies` in models/lang/<code>/name_heads.yaml): over the capitalised
words before it (English) or the adjectives after it (French), then over its complements ('of', 'for',
'de', 'contre' and what they introduce). It never takes in a title or a person's name ('Minister of
Interior Jane Doe'), a demonym before a unit's number ('Misratan 301 Brigade' is '301 Brigade') or a
list's comma unless the list ends in 'and' right before the head ('Planning, Finance and Budget').
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from .base import is_glued_hyphen, lower_case_in_title
from .token_lookup import WordTest, line_around, lower_hashes, tokens_where_lower, tokens_with_lower

NAME_JOINERS = frozenset({"-", "+", "/"})
STOP_ENTITY_TYPES = frozenset({"PERSON", "PER"})

# the most tokens a headline line holds on either side of a word (longer lines are text)
HEADLINE_TOKENS = 40
# the share of longer words a Title Case line capitalises: a sentence that names a few bodies ('edited by the
# team of the Euro-Mediterranean Policies Department of the European Institute') capitalises fewer
TITLE_CASE_SHARE = 0.8
# the most tokens a comma may look ahead for the 'et' closing a list of complements ('du commerce et de')
MAX_LISTED_COMPLEMENT_TOKENS = 8


@dataclass(frozen=True)
class Body:
    """A body's name as a token range, with the position of its head noun; a facility's ('Abu Salim
    Prison') is found the same way, with FAC as its label."""

    start: int
    end: int
    head: int
    label: str = "ORG"


@dataclass(frozen=True)
class BodyWords:
    """What the finder reads from a language's data."""

    bodies: frozenset[str]
    complement_words: frozenset[str]  # 'of', 'for', 'de', 'contre'
    of_words: frozenset[str]  # 'of', 'de', 'd'': the only ones a bare lower-case noun may follow ('de protection')
    determiners: frozenset[str]  # 'the', 'la', 'l''
    stop_words: frozenset[str]  # titles and ranks: never part of a body's name
    portfolio_titles: frozenset[str]  # 'minister': a body's name right before one is a portfolio
    demonyms: frozenset[str]
    adjective_endings: tuple[str, ...]
    infinitive_endings: tuple[str, ...]  # 'pour rétablir': no body's name goes on through a verb
    list_joiners: frozenset[str]  # 'and', 'et', '&': between the parts of one name ('Planning, Finance and Budget')
    head_first: bool
    compounds: frozenset[str] = frozenset()  # "droits de l'homme": lower-case words a complement takes in whole
    leading_adjectives: frozenset[str] = frozenset()  # 'haut', 'grand': capitalised before a French head ('Haut Comité')
    lower_case_heads: frozenset[str] = frozenset()  # 'ministère': a body written in lower case before its portfolio
    possessive_marks: frozenset[str] = frozenset()  # "of Libya's House": the complement owns the next noun
    place_nouns: frozenset[str] = frozenset()  # 'lac', 'fleuve': a place named after one goes on the body's name
    title_phrases: frozenset[str] = frozenset()  # 'field marshal': a head noun opening one is a title's word


def _is_name_word(token: Token, words: BodyWords, titles_allowed: bool = False, people_allowed: bool = False) -> bool:
    """A capitalised word or a number that may be part of a name: not a title (unless allowed), a
    person's name (unless allowed: the model takes 'Toronto Star' for one), an article, a capitalised
    function word ('As', 'In' in a headline; 'US' is kept), or a word with a lower-case suffix
    ('U.N.-backed')."""
    text = token.text
    return ((text[:1].isupper() or token.like_num) and (people_allowed or token.ent_type_ not in STOP_ENTITY_TYPES)
            and (titles_allowed or token.lower_ not in words.stop_words) and token.lower_ not in words.determiners
            and not token.is_punct and not (token.is_stop and not token.is_upper)
            and not ("-" in text and text.rsplit("-", 1)[1][:1].islower()))


def _is_adjective(token: Token, words: BodyWords) -> bool:
    lower = token.lower_
    return (token.is_alpha and token.is_lower and not token.is_stop
            and (lower.endswith(words.adjective_endings) or lower in words.demonyms))  # 'aux' ends as 'nationaux' does


def _may_join_list(token: Token, words: BodyWords) -> bool:
    """A word before 'and' or a list comma that belongs to the same name ('Development and
    Reconstruction Fund'): not a place, an acronym or another body ('Seventh Brigade and ...')."""
    return (_is_name_word(token, words) and token.ent_type_ not in ("GPE", "LOC") and not token.is_upper
            and token.lower_ not in words.bodies)


def _left_modifiers(doc: Doc, head: int, words: BodyWords, floor: int = 0) -> int:
    """Start of the capitalised words before an English head noun ('Libya Sanctions' Committee), read back
    no further than `floor`."""
    start, j, crossed_and = head, head - 1, False
    while j >= floor:
        token = doc[j]
        if _is_name_word(token, words) or (token.text[:1].isupper() and j > 0 and is_glued_hyphen(doc, j - 1)):
            start = j  # 'Up' of 'Follow-Up' is a name part, not a function word
        elif (token.text in NAME_JOINERS and j > 0 and (doc[j - 1].like_num or doc[j - 1].text[:1].isupper())
              and (token.text != "-" or is_glued_hyphen(doc, j))):
            start = j  # 'Follow-Up', '6+6'; not the dash after a dateline ('TUNIS - The ... Agency')
        elif token.lower_ in words.list_joiners and j > 0 and _may_join_list(doc[j - 1], words):
            crossed_and = True
        elif not (token.text == "," and crossed_and and j > 0 and _may_join_list(doc[j - 1], words)):
            break  # past the comma of 'Planning, Finance and Budget Committee' only
        j -= 1
    number = next((i for i in range(start, head) if doc[i].like_num and any(c.isdigit() for c in doc[i].text)), None)
    if number is not None and start < number:
        start = number  # 'Misratan 301 Brigade': a unit named by its number is '301 Brigade'
    if start + 1 < head and _is_year(doc[start]) and not (start > 0 and doc[start - 1].lower_ in words.determiners):
        start += 1  # 'Copyright © 2023 Sahel Media Group': a year before a name is no part of it; after an
        # article it is the resolution that names the body ('the 1970 Sanctions Committee')
    while start < head and not _is_name_word(doc[start], words):
        start += 1  # a name does not open with 'and', ',' or '-'
    return start


def _is_year(token: Token) -> bool:
    return token.shape_ == "dddd" and token.text[:2] in ("19", "20")


def _with_leading_rank(doc: Doc, start: int, words: BodyWords) -> int:
    """'the General Intelligence Service', 'the General Command': a rank word opens a body's name when
    no capitalised word stands before it ('Major General Command' is no body's name)."""
    if start < 1:
        return start
    rank, before = doc[start - 1], doc[start - 2] if start > 1 else None
    if (rank.lower_ in words.stop_words and rank.text[:1].isupper() and rank.ent_type_ not in STOP_ENTITY_TYPES
            and (before is None or not before.text[:1].isupper() or before.lower_ in words.determiners)):
        return start - 1
    return start


def _with_leading_adjective(doc: Doc, head: int, words: BodyWords) -> int:
    """'Haut Comité', 'Haute Autorité', 'Grand Conseil': a French adjective written before the head and
    capitalised with it opens the name."""
    before = doc[head - 1] if head > 0 else None
    if before is not None and before.text[:1].isupper() and before.lower_ in words.leading_adjectives:
        return head - 1
    return head


def _capitalised_complement(doc: Doc, k: int, words: BodyWords, people_allowed: bool = False) -> int:
    """End of the capitalised words from `k` ('Regions', 'Procureur général', 'National Unity'); `k`
    if they name another body ('of the Health Ministry' is a body of its own). `people_allowed` for an
    outlet's name, which the model often takes for a person ('la télévision syrienne Arrai')."""
    n, stop = len(doc), k
    while stop < n and (_is_name_word(doc[stop], words, words.head_first, people_allowed)
                        or (doc[stop].lower_ in words.list_joiners | words.complement_words and stop + 1 < n
                            and _is_name_word(doc[stop + 1], words, words.head_first, people_allowed))):
        if not people_allowed and _opens_person(doc, stop + 1):
            break  # 'of National Accord Fayez' + 'Al Saraj': the word before a person's name is their given name
        stop += 1
        if _ends_known_body(doc, stop) and doc[stop].text[:1].isupper() and doc[stop].lower_ not in words.bodies:
            break  # 'Speaker of the House of Representatives Kamal X': the KB's name ends, a person's may follow
    while stop < n and doc[stop].ent_iob_ == "I" and not doc[stop].is_space:
        stop += 1  # a name the model found goes in whole ('Souq al-Juma'), up to a line break it crosses
    names_a_body = any(doc[i].lower_ in words.bodies for i in range(k, stop))
    return k if names_a_body and not words.head_first else stop


def _ends_known_body(doc: Doc, end: int) -> bool:
    """Does a body the KB ruler matched end right before doc[end], with no other KB name opening there?"""
    last = doc[end - 1]
    return (last.ent_type_ == "ORG" and bool(last.ent_id_) and end < len(doc)
            and doc[end].ent_iob_ != "I" and not doc[end].ent_id_)


def _opens_person(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ in STOP_ENTITY_TYPES


def _lower_case_complement(doc: Doc, k: int, after_determiner: bool, after_of: bool, words: BodyWords,
                           coordinated: bool = False) -> int:
    """End of a French body's lower-case complement ('de protection', 'd'investissement', 'contre
    l'immigration illégale'); `k` for an infinitive ('pour rétablir') or, after an article, a noun
    with no adjective ('de la ville'), unless 'et' joins it to a lower-case complement before ('Direction du
    sport et de la jeunesse')."""
    token = doc[k]
    if not (words.head_first and token.is_alpha and token.is_lower and not token.is_stop):
        return k
    if not after_determiner and (not after_of or token.lower_.endswith(words.infinitive_endings)):
        return k  # 'pour approbation', 'pour rétablir': no name goes on so
    compound = _compound_length(doc, k, words.compounds)
    stop = k + max(compound, 1)
    while stop < len(doc) and _is_adjective(doc[stop], words):
        stop += 1
    if after_determiner and stop == k + 1 and not compound and not coordinated and not _names_follow(doc, stop, words) \
            and not _joins_listed_complement(doc, stop, words):
        return k
    return stop


def _joins_listed_complement(doc: Doc, i: int, words: BodyWords) -> bool:
    """'de l'agriculture [et] de la pêche', "de l'industrie[,] du commerce et de l'artisanat": does doc[i] join
    one more complement to a body's listed complements? A comma does only when 'et' and a complement close the
    list before any other punctuation or capital ('des services, de retour' is no list)."""
    n = len(doc)
    if i + 1 >= n or doc[i + 1].lower_ not in words.complement_words:
        return False
    if doc[i].lower_ in words.list_joiners:
        return True
    if doc[i].text != ",":
        return False
    for k in range(i + 2, min(i + MAX_LISTED_COMPLEMENT_TOKENS, n - 1)):
        if doc[k].lower_ in words.list_joiners:
            return doc[k + 1].lower_ in words.complement_words
        if (doc[k].is_punct and doc[k].text != ",") or doc[k].text[:1].isupper():
            return False
    return False


def _compound_length(doc: Doc, k: int, compounds: frozenset[str], longest: int = 6) -> int:
    """How many tokens the compound written at doc[k] holds ("droits de l'homme": 4, "extérieur": 1), 0 if
    none does."""
    for length in range(min(longest, len(doc) - k), 0, -1):
        if doc[k : k + length].text.lower() in compounds:
            return length
    return 0


def _names_follow(doc: Doc, i: int, words: BodyWords) -> bool:
    """'de Khoms', 'de la Libye' at doc[i]: a noun between an article and such a complement belongs to the
    name ('Conseil local de la ville de Khoms', 'Front national pour le salut de la Libye')."""
    if i >= len(doc) or doc[i].lower_ not in words.of_words:
        return False
    i += 1
    while i < len(doc) and doc[i].lower_ in words.determiners:
        i += 1
    return i < len(doc) and doc[i].text[:1].isupper() and doc[i].ent_type_ not in STOP_ENTITY_TYPES


def owns_a_body(doc: Doc, i: int, possessive_marks: frozenset[str]) -> bool:
    """A possessive mark at doc[i] before an organisation's name: what ends there owns that body ("of Libya's
    High Council"), unlike "the Bank of Ghana's decision"."""
    return i + 1 < len(doc) and doc[i].text in possessive_marks and doc[i + 1].ent_type_ == "ORG"


def _complement_end(doc: Doc, end: int, words: BodyWords) -> int:
    """End of 'for the Regions', 'of Libya', 'du Procureur général militaire', 'contre l'immigration
    illégale', 'et de développement' after a body's name; `end` if none follows, or if the complement owns the body
    named next."""
    n, first_end = len(doc), end
    while end < n:
        k = end + 1 if doc[end].lower_ in words.complement_words else end
        coordinated = k == end and end > first_end and _joins_listed_complement(doc, end, words)
        if coordinated:
            k = end + 2  # 'd'investissement et de développement'; not 'le Parlement et du gouvernement'
        if k == end:
            break
        first = k
        while k < n and doc[k].lower_ in words.determiners:
            k += 1
        if k >= n or doc[k].ent_type_ in STOP_ENTITY_TYPES:
            break  # 'Minister of Interior Jane Doe'
        if coordinated and doc[k].is_lower and not doc[end - 1].is_lower:
            break  # "ministère de l'Intérieur et des services secrets": a name's parts are written alike
        if doc[k].text[:1].isupper():
            stop = _capitalised_complement(doc, k, words)
        else:
            stop = _lower_case_complement(doc, k, k > first, doc[first - 1].lower_ in words.of_words, words,
                                          coordinated and doc[end - 1].is_lower)
        if stop == k or owns_a_body(doc, stop, words.possessive_marks):
            break  # "the Bureau of Libya's High Council of State": Libya's is the Council's
        while words.head_first and stop < n and _is_adjective(doc[stop], words):
            stop += 1
        end = _past_place_after_its_noun(doc, stop, words)
    return end


def _past_place_after_its_noun(doc: Doc, end: int, words: BodyWords) -> int:
    """'Commission du bassin du lac [Tchad]', 'Autorité du bassin du fleuve [Niger]': a place the model or the KB
    found right after a lower-case place noun that closes a body's complement is the rest of its name; past it,
    or `end`."""
    if not (0 < end < len(doc) and doc[end - 1].lower_ in words.place_nouns and doc[end].ent_iob_ == "B"
            and doc[end].ent_type_ in ("GPE", "LOC")):
        return end
    end += 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def body_at(doc: Doc, head: int, words: BodyWords, floor: int = 0) -> Body | None:
    """The body named with the head noun at `head`, as a token range, or None if the noun names none
    here (no modifier and no complement: 'the Council', 'le Conseil'). Its modifiers are read back to
    `floor` at most."""
    token = doc[head]
    capitalised = token.text[:1].isupper()
    after_number = head > 0 and any(c.isdigit() for c in doc[head - 1].text) and not _counts(doc, head - 1)
    paired = _joined_pair_after(doc, head, words)
    if token.lower_ not in words.bodies or not (capitalised or after_number or paired
                                                or token.lower_ in words.lower_case_heads):
        return None
    if opens_title_phrase(doc, head, words.title_phrases):
        return None  # 'Commander-in-Chief Field Marshal X': 'Field' is the rank's, no facility's head
    if words.head_first:
        start, end = _with_leading_adjective(doc, head, words), head + 1
        while end < len(doc) and _is_adjective(doc[end], words):
            end += 1
        end = max(end, paired)
    else:
        start, end = max(floor, _with_leading_rank(doc, _left_modifiers(doc, head, words, floor), words)), head + 1
    if after_number and not capitalised:
        start = min(start, _number_start(doc, head))  # '6+6 committee', '444e brigade'
    if capitalised:
        end = _past_unit_number(doc, end)
    named_end = end
    end = _complement_end(doc, end, words)
    if end - start < 2 or (end < len(doc) and doc[end].lower_ in words.portfolio_titles):
        return None  # a bare head noun; a portfolio before a title ('Local Government Minister')
    if not (capitalised or after_number or paired):
        if not _portfolio_follows(doc, named_end, end, words):
            return None  # 'le ministère de la santé', 'un ministère libyen': a lower-case head needs its portfolio
        end = _before_second_capital(doc, named_end, end)
    return Body(start, end, head)


def _joined_pair_after(doc: Doc, head: int, words: BodyWords) -> int:
    """'commission 6+6', 'commission militaire conjointe 5 + 5': where a joined pair of numbers written after a
    French head noun and its adjectives ends (it names the body, as '6+6 committee' does in English), or 0."""
    k = head + 1
    while words.head_first and k < len(doc) and _is_adjective(doc[k], words):
        k += 1
    pair = doc[k : k + 3]
    if not words.head_first or len(pair) < 3 or pair[1].text not in NAME_JOINERS:
        return 0
    return k + 3 if pair[0].text.isdigit() and pair[2].text.isdigit() else 0


def opens_title_phrase(doc: Doc, i: int, title_phrases: frozenset[str]) -> bool:
    """doc[i] and the word after it are a two-word title ('Field Marshal', 'Base Commander' is none unless the
    lexicon holds it): a head noun so written opens a rank or an office, not a body's or a facility's name."""
    return i + 1 < len(doc) and f"{doc[i].lower_} {doc[i + 1].lower_}" in title_phrases


def _past_unit_number(doc: Doc, end: int) -> int:
    """'Brigade 301', 'Battalion 128': a number (no year) right after a capitalised head noun is the unit's name."""
    if end < len(doc) and doc[end].text.isdigit() and len(doc[end].text) <= 4 and not _is_year(doc[end]):
        return end + 1
    return end


def _before_second_capital(doc: Doc, start: int, end: int) -> int:
    """A portfolio is one capitalised word with its adjectives and complements ('de l'Intérieur', 'des Affaires
    étrangères et de la Coopération'): a second capitalised word right after one opens a person's name
    ('ministère de l'Intérieur' + 'Khaled ...')."""
    for i in range(start + 1, end):
        if doc[i].text[:1].isupper() and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
            return i
    return end


def _portfolio_follows(doc: Doc, start: int, end: int, words: BodyWords) -> bool:
    """A capitalised portfolio opens the complement from `start`: 'ministère tunisien' + 'de l'Intérieur'."""
    k = start + 1 if start < end and doc[start].lower_ in words.complement_words else start
    while k < end and doc[k].lower_ in words.determiners:
        k += 1
    return k < end and k > start and doc[k].text[:1].isupper()


def _counts(doc: Doc, i: int) -> bool:
    """A bare cardinal at doc[i] counts what follows ('14 service portfolios'); an ordinal ('7th brigade',
    '444e brigade') or a joined pair ('6+6 committee', '5 + 5') names a body."""
    return doc[i].text.isdigit() and not (i > 0 and doc[i - 1].text in NAME_JOINERS)


def _number_start(doc: Doc, head: int) -> int:
    """Start of '6+6' or '5 + 5' before a lower-case head noun."""
    start = head - 1
    while start > 0 and (doc[start - 1].like_num or doc[start - 1].text in NAME_JOINERS):
        start -= 1
    return start


def in_title_case_line(doc: Doc, i: int) -> bool:
    """doc[i] is on a headline-like line, with no full stop at its end and most longer words
    capitalised ('Militias Clash As Council Meets'): there, capitals do not mark names. A headline is short:
    a line longer than HEADLINE_TOKENS either way is none, so each call reads a bounded stretch of text."""
    start, end = line_around(doc, i)
    if i - start > HEADLINE_TOKENS or end - i > HEADLINE_TOKENS:
        return False
    if doc[end - 1].text in (".", "!", "?") or (end - 2 > start and doc[end - 2].text == "." and doc[end - 1].is_quote):
        return False
    longer = [doc[k] for k in range(start, end) if doc[k].is_alpha and len(doc[k]) > 3 and not lower_case_in_title(doc, k)]
    return len(longer) >= 5 and sum(t.text[:1].isupper() for t in longer) >= TITLE_CASE_SHARE * len(longer)


def find_bodies(doc: Doc, words: BodyWords) -> list[Body]:
    """Every body named by a head noun in the doc, in text order, none overlapping."""
    found: list[Body] = []
    for i in tokens_with_lower(doc, lower_hashes(words.bodies)):
        if not found or i >= found[-1].end:
            # reading back into the last body's final word is enough to join it ('Council' ... 'Committee'
            # of one name): reading through it again made a long run of capitalised words quadratic
            body = body_at(doc, i, words, floor=_join_floor(doc, found[-1]) if found else 0)
            if body is not None and not in_title_case_line(doc, i):  # the line is read for a body only
                if found and body.start < found[-1].end:  # 'Council' ... 'Committee' of one name
                    found[-1] = Body(min(found[-1].start, body.start), body.end, body.head)
                else:
                    found.append(body)
    return found


def _join_floor(doc: Doc, last: Body) -> int:
    """How far back the next body's modifiers may be read: into the last body's final word, to join one name
    ('Council' ... 'Committee'); not into a unit's number ('Battalion 128 and Brigade 444' are two units)."""
    return last.end if doc[last.end - 1].text.isdigit() else last.end - 1


def find_facilities(doc: Doc, words: BodyWords) -> list[Body]:
    """Every facility named by a capitalised head noun ('Al-Jalaa Hospital', 'Palais de Carthage') that the
    model left untagged: `words.bodies` holds the facilities' one-word head nouns."""
    return [replace(body, label="FAC") for body in find_bodies(doc, words)]


def _phrase_at(doc: Doc, i: int, phrases: frozenset[str]) -> int:
    """Length of the longest of `phrases` written at doc[i] (lower case), 0 if none."""
    best = 0
    for length in (3, 2, 1):
        if i + length <= len(doc) and " ".join(doc[k].lower_ for k in range(i, i + length)).replace(" '", "'") in phrases:
            return length
    return best


def outlet_at(doc: Doc, i: int, words: BodyWords, outlets: frozenset[str]) -> Body | None:
    """The outlet named beside a kind of outlet at doc[i]: 'the Al-Arab London newspaper' (English, name
    first), 'la télévision privée Libya Awalan' (French, name after the noun and its adjectives). The
    noun is not part of the name."""
    length = _phrase_at(doc, i, outlets) if doc[i].is_lower or doc[i].is_upper else 0
    if not length:
        return None
    if words.head_first:
        start = i + length
        while start < min(len(doc), i + length + 2) and doc[start].is_lower and doc[start].is_alpha and not doc[start].is_stop:
            start += 1  # 'privée', 'britannique'
        if start < len(doc) and doc[start].lower_ in words.complement_words:
            return None  # "la télévision d'État": a complement says what kind of outlet, it names none
        end = _capitalised_complement(doc, start, words, people_allowed=True) if start < len(doc) else start
        return Body(start, end, start) if end > start else None
    end = i - 1 if i > 1 and doc[i - 1].is_quote else i  # 'the “Al-Arab London” newspaper'
    start = end
    while start > 0 and (_is_name_word(doc[start - 1], words, people_allowed=True) or doc[start - 1].text == "-"):
        start -= 1
    while start < end and not _is_name_word(doc[start], words, people_allowed=True):
        start += 1
    if start == end or (end - start == 1 and doc[start].lower_ in words.demonyms):
        return _outlet_after_noun(doc, i + length, words)  # nothing named before it, or only 'Egyptian' TV
    return Body(start, end, end - 1)


def _outlet_after_noun(doc: Doc, start: int, words: BodyWords) -> Body | None:
    """'told Libyan broadcaster Almasar', 'the news agency Tass': an English outlet named after its kind,
    when the name is followed by punctuation or a lower-case word (not a person: 'the agency Director').
    A hyphen glued between two of its words stays in it ('the news site Al-Araby Al-Jadid')."""
    end = start
    while end < len(doc) and (_name_word_of_outlet(doc[end], words)
                              or (end > start and is_glued_hyphen(doc, end) and end + 1 < len(doc)
                                  and _name_word_of_outlet(doc[end + 1], words))):
        end += 1
    if end == start or (end < len(doc) and doc[end].text[:1].isupper()):
        return None
    return Body(start, end, end - 1)


def _name_word_of_outlet(token: Token, words: BodyWords) -> bool:
    return _is_name_word(token, words) and token.ent_type_ not in STOP_ENTITY_TYPES


def find_outlets(doc: Doc, words: BodyWords, outlets: frozenset[str]) -> list[Body]:
    """Every outlet named beside a kind of outlet, in text order."""
    found = []
    for i in tokens_where_lower(doc, _opens_an_outlet(outlets)):
        body = outlet_at(doc, i, words, outlets)
        if body is not None and (not found or body.start >= found[-1].end):
            found.append(body)
    return found


@lru_cache(maxsize=8)
def _opens_an_outlet(outlets: frozenset[str]) -> WordTest:
    """Does a lower-case word open one of the outlets' names, up to an apostrophe ('l'' of 'l'agence')?"""
    firsts = frozenset(phrase.split()[0].split("'")[0] for phrase in outlets)
    return WordTest(lambda lower: lower.split("'")[0] in firsts)
