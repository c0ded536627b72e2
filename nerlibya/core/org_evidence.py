"""When a span is an organisation: the evidence behind it, as pure functions of its words and what the
article says elsewhere (issue 19).

On real copy the statistical model's ORG label, with no other evidence, is mostly wrong (issue 19 counted 31
wrong records for 10 right in English): people ('Nicola Orlando'), treaties and events ('Libyan Political
Agreement', 'Storm Daniel'), headline capitals ('Libyan Authorities Claim Control'), pieces of longer names. A
span stays an organisation on evidence: the KB knows it, the article defines it as an acronym, it holds a
body's head noun ('Council', 'ministère') or a word that only names organisations ('Airlines', 'School'), an
outlet noun follows it ('the MENA news agency'), or it is written as an acronym ('CNN'). It is no organisation
when the head of its name is another kind's ('Agreement', 'Storm', 'Constitution'), or when the same words are
a person or a place in the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable, Collection

from ..text.normalize import fold

ACRONYM_LETTERS = (2, 6)  # 'UN' .. 'AFRICOM'-like short forms written in capitals
ROMAN_DIGITS = frozenset("IVXL")  # 'XXXV', 'IV': a session's or a part's number ('CDM' may be an acronym)
PHRASE_ENDS = frozenset({".", ",", ";", ":", "!", "?", ")", "»", "”", '"', "—", "–"})  # not '-': 'a UN-backed'


class Verdict(Enum):
    KEEP = "keep"  # an organisation
    PERSON = "person"  # a person's name the model took for an organisation
    PLACE = "place"  # the same words are a place elsewhere in the article
    DROP = "drop"  # no name of an organisation, or no evidence for one


@dataclass(frozen=True)
class OrgWords:
    """A language's words, folded (no accents, lower case: 'Ecole' is 'école'); see `OrgWords.of`."""

    bodies: frozenset[str]  # 'council', 'ministère': a body's head noun
    name_words: frozenset[str]  # 'airlines', 'school': words found only in organisations' names
    other_kinds: frozenset[str]  # 'agreement', 'storm', 'constitution': heads of treaties, events, documents
    nationalities: frozenset[str] = frozenset()  # 'french', 'libyen'
    generic_bodies: frozenset[str] = frozenset()  # 'government', 'command': alone, no name ('the Government')
    conjunctions: frozenset[str] = frozenset()  # 'and', 'et': a comma inside a name only comes before one

    @classmethod
    def of(cls, bodies, name_words, other_kinds, nationalities=(), generic_bodies=(), conjunctions=()) -> "OrgWords":
        folded = lambda words: frozenset(fold(w) for w in words)  # noqa: E731
        return cls(folded(bodies), folded(name_words), folded(other_kinds), folded(nationalities),
                   folded(generic_bodies), folded(conjunctions))


@dataclass(frozen=True)
class OrgCandidate:
    """An ORG span with no KB id, as the article shows it."""

    words: tuple[str, ...]  # its tokens as written
    defined_acronym: bool = False  # the short or long form of an acronym the article defines
    outlet_context: bool = False  # an outlet noun follows it, or it is a dateline's credit ('TRIPOLI (Reuters)')
    opens_with_given_name: bool = False
    person_elsewhere: bool = False  # its words are a person, or part of a person's name, in the article
    place_elsewhere: bool = False  # its words are a place the article names
    kind_apposed: bool = False  # an apposition after it names a body's kind ('X, a mining company,')
    workplace: bool = False  # a title's holder works at it ('a senior analyst at X', 'X's spokesman')


def is_written_acronym(word: str) -> bool:
    """'CNN', 'OMV', 'U.N.': capitals only (dots allowed), no digit ('COVID-19' is no organisation), no roman
    numeral ('Decision 819(XXXV)')."""
    letters = word.replace(".", "")
    low, high = ACRONYM_LETTERS
    return (letters.isalpha() and letters.isupper() and low <= len(letters) <= high
            and not set(letters) <= ROMAN_DIGITS)


def _parts(words: tuple[str, ...]) -> list[str]:
    """Lower-case words, hyphenated ones also in their parts ('Post-Skhirat' -> 'post', 'skhirat')."""
    lowered = [fold(w) for w in words]
    return lowered + [p for w in lowered if "-" in w for p in w.split("-") if p]


def has_body_word(candidate: OrgCandidate, words: OrgWords) -> bool:
    """A body's head noun or an organisation's name word, singular or plural ('Authorities' is no body:
    the plural of a body noun written in a name is kept only when listed)."""
    return any(p in words.bodies or p in words.name_words for p in _parts(candidate.words))


def holds_org_name_word(words: tuple[str, ...], org_words: OrgWords) -> bool:
    """'Sky News Arabia' (a work of art to the model), 'Daily Sabah' (a facility): a name holding a word
    found only in organisations' names is an organisation, whatever other label the model gave it."""
    return any(p in org_words.name_words for p in _parts(words))


def names_another_kind(candidate: OrgCandidate, words: OrgWords) -> bool:
    """'Libyan Political Agreement', 'Storm Daniel', 'Post-Skhirat Political Process': a treaty, an event or
    a document, unless a body's head noun is also in the name ('Constitution Drafting Assembly')."""
    parts = _parts(candidate.words)
    return any(p in words.other_kinds for p in parts) and not any(p in words.bodies for p in parts)


def is_nationality_and_common_noun(words: tuple[str, ...], org_words: OrgWords, known: bool = False) -> bool:
    """'the French government', 'le gouvernement français': a nationality and a body's noun written as a
    common noun name no organisation (GUIDELINES.md), even one the KB holds for roles to point at. A span
    the KB does not know is also none when its noun is capitalised only because it opens the span
    ('Gouvernement libyen' opening a sentence); 'Libyan Army', its noun capitalised inside, may be one."""
    rest = [(i, w) for i, w in enumerate(words) if fold(w) not in org_words.nationalities]
    if len(rest) != 1 or len(words) < 2:
        return False
    index, noun = rest[0]
    return fold(noun) in org_words.bodies and (noun.islower() or (index == 0 and not known))


def leading_nationality(words: tuple[str, ...], org_words: OrgWords, portfolio_bodies: frozenset[str]) -> int:
    """How many words to cut from the start of a name: 1 for 'Libyan Interior Ministry' or 'Libyan Ministry
    of Health', since every government has such a ministry and the adjective only says whose it is; 0 for
    'Libyan National Army', whose adjective is part of its name."""
    if len(words) < 3 or fold(words[0]) not in org_words.nationalities:
        return 0
    return 1 if any(fold(w) in portfolio_bodies for w in words[1:]) and words[1][:1].isupper() else 0


def trailing_nationality(words: tuple[str, ...], org_words: OrgWords, known: Callable[[str], frozenset[str]]) -> int:
    """How many words to cut from the end of a name: 1 for 'conseil présidentiel libyen', since 'conseil
    présidentiel' names the same body in the KB (`known` gives a name's KB ids); 0 for 'Armée nationale
    libyenne' or 'Parlement libyen', whose shorter form names nothing known. A form never carries a
    nationality adjective its name does without."""
    if len(words) < 2 or fold(words[-1]) not in org_words.nationalities:
        return 0
    shorter, whole = known(written(words[:-1])), known(written(words))
    return 1 if shorter and (not whole or whole == shorter) else 0


def written(words: tuple[str, ...]) -> str:
    """The words as a name writes them: an elided article joined to the next word ("Département d'État")."""
    return "".join(w if w.endswith(("'", "’")) else w + " " for w in words).strip()


def is_generic_alone(words: tuple[str, ...], org_words: OrgWords) -> bool:
    """'Government', 'Command Center', 'Parliament': generic body nouns and nothing else."""
    return all(fold(w) in org_words.generic_bodies for w in words)


def possessor_length(words: tuple[str, ...], possessive_marks: frozenset[str],
                     plural_possessors: frozenset[str] = frozenset()) -> int:
    """How many words open a span with a possessor, to cut: 2 for 'Council' + "'s" + 'Information' (from "the
    Council's Information office"); a name holds no possessive inside it (0 if none), but for a plural's, which
    names who the body is of ("Tripoli Revolutionaries' Brigade", "Petroleum Workers' Union", and after one of
    `plural_possessors`: "Republican People's Party")."""
    inside = [i for i, w in enumerate(words[:-1])
              if w.lower() in possessive_marks and not _plural_of_name(words, i, plural_possessors)]
    return inside[-1] + 1 if inside else 0


def _plural_of_name(words: tuple[str, ...], i: int, plural_possessors: frozenset[str]) -> bool:
    """Is the mark at `i` a capitalised plural's: a bare apostrophe after 'Martyrs', or any after 'People'?"""
    if i == 0 or not words[i - 1][:1].isupper():
        return False
    return words[i - 1].lower() in plural_possessors or (words[i] in ("'", "’") and words[i - 1].endswith("s"))


def is_one_of_a_kind(before: str, after: str | None, indefinite_articles: frozenset[str],
                     after_is_function_word: bool, after_opens_person: bool = False) -> bool:
    """'forming a government of national unity.', 'l'élection d'une Assemblée constituante,': a body noun
    phrase after an indefinite article, heading its phrase (punctuation, a function word, a person's name
    or nothing follows: 'le chef d'une brigade de Zaouïa Nouri Bachir'), is one body of a kind, not the
    named body; 'a UN official' uses the name as a modifier."""
    return before.lower() in indefinite_articles and (after is None or after in PHRASE_ENDS or after_is_function_word
                                                      or after_opens_person)


def qualifier_tail(words: tuple[str, ...], qualifiers: frozenset[str], linking_words: frozenset[str]) -> int:
    """How many words to cut from the end of a name that runs into a title: 3 for 'Alliance' + "de l'ancien" (of
    "l'Alliance de l'ancien PM X"): a name never ends with a qualifier ('ancien', 'former'), which opens a title;
    the cut goes back to the complement's linking word ('de')."""
    if len(words) < 3 or not words[-1].islower() or fold(words[-1]) not in qualifiers:
        return 0
    link = max((i for i, w in enumerate(words[1:], start=1) if fold(w) in linking_words), default=None)
    return len(words) - link if link is not None else 0


def second_portfolio_tail(words: tuple[str, ...], portfolio_prepositions: frozenset[str]) -> int:
    """How many words to cut from a ministry's name that runs into a second portfolio of the title before it: 3 for
    'for' + 'Political Affairs' (of "Undersecretary of the Ministry of Foreign Affairs for Political Affairs"): the
    word before the preposition is the last word again, so the name has ended there; 0 if none."""
    cut = max((i for i, w in enumerate(words[1:-1], start=1)
               if w.lower() in portfolio_prepositions and words[i - 1] == words[-1]), default=None)
    return len(words) - cut if cut is not None and words[-1][:1].isupper() else 0


def owner_tail(words: tuple[str, ...], of_words: frozenset[str]) -> int:
    """How many words to cut from the end of a name written right before a possessive mark: 2 for 'of' + 'Libya'
    (of "the Bureau of Libya's High Council"), whose last complement owns the next noun; 0 if it has none."""
    cut = max((i for i, w in enumerate(words[1:-1], start=1) if w.lower() in of_words), default=None)
    return len(words) - cut if cut is not None else 0


def breaker_tail(words: tuple[str, ...], breakers: frozenset[str]) -> int:
    """How many words to cut from the end of a name that runs on through a preposition no name holds: 3 for
    'Autorité' + 'dans des dépôts' (of "placer les fonds de l'Autorité dans des dépôts"); 0 if none."""
    cut = next((i for i, w in enumerate(words[1:], start=1) if w.islower() and fold(w) in breakers), None)
    return len(words) - cut if cut is not None else 0


def opens_with_common_word(opener: str, opens_sentence: bool, written_lower: bool, capitalised_inside: bool) -> bool:
    """'Rebel National Council chief X said': a sentence's first word that the article writes in lower case
    elsewhere ('rebel fighters', 'the rebels') and never capitalises inside a sentence is a common word
    before the name, not part of it ('National', also written inside 'the National Oil Corporation', stays)."""
    return (opens_sentence and opener[:1].isupper() and not opener.isupper() and written_lower
            and not capitalised_inside)


def reads_as_given_name(word: str, next_word: str | None) -> bool:
    """'Lana Nusseibeh': an acronym the KB knows, written as a word ('Lana' for LANA) right before another
    capitalised word, is a person's given name."""
    return (next_word is not None and word[:1].isupper() and word[1:].islower()
            and next_word[:1].isupper() and next_word[1:2].islower())


def is_no_single_name(candidate: OrgCandidate, words: OrgWords) -> bool:
    """'Command Center', 'Government': generic body nouns alone, a common noun capitalised (English style);
    'Council, Excellencies', 'Media, Sanctions Committee Chair': a comma with no 'and' after it joins two
    phrases, not the parts of one name ('Planning, Finance and Budget Committee' is one)."""
    folded = [fold(w) for w in candidate.words]
    if is_generic_alone(candidate.words, words):
        return True
    comma = max((i for i, w in enumerate(folded) if w == ","), default=None)
    return comma is not None and not any(w in words.conjunctions for w in folded[comma:])


def joins_complement(gap: tuple[str, ...], joiners: frozenset[str], articles: frozenset[str],
                     next_label: str, after_range_opener: bool = False, next_owns: bool = False,
                     place_joiners: frozenset[str] = frozenset()) -> bool:
    """'UN Office' + 'to the' + 'African Union', 'AU High-Level Committee' + 'on' + 'Libya': the words
    between a body the KB does not know and the next name are a joiner ('to', 'on'), with at most an
    article, and the next name is a body or a place: the whole is one name; not after 'from' or 'between'
    ('from the Oasis Council to the Security Council' names two), nor when the next name owns what follows
    it ('briefing the Council on Libya's situation': `next_owns`). A place joiner ('at') joins a place right
    after it: 'UN Office at Nairobi'."""
    if gap and next_label in ("GPE", "LOC") and gap == (gap[0],) and fold(gap[0]) in place_joiners:
        return not after_range_opener and not next_owns
    return (not after_range_opener and not next_owns and 1 <= len(gap) <= 2 and fold(gap[0]) in joiners
            and all(fold(w) in articles for w in gap[1:]) and next_label in ("ORG", "GPE", "LOC"))


def place_joiners_of(words: tuple[str, ...], place_joiners: frozenset[str], posting_joiners: frozenset[str],
                     posted_bodies: frozenset[str], head_first: bool) -> frozenset[str]:
    """The words that join this body to a place after it: a body posted somewhere, its name headed by
    'Mission' or 'Ambassade', is named with where it is ('Mission onusienne en Libye', 'UN Stabilisation
    Mission in Mali'); another only by the place joiners ('UN Office at Nairobi'), and so is a posted body
    whose name goes on past its head ('UN Office for Central Africa' in Gabon)."""
    if words and fold(words[0] if head_first else words[-1]) in posted_bodies:
        return place_joiners | posting_joiners
    return place_joiners


def is_unplaced_generic_name(key: str, generic_names: Collection[str], country: str | None,
                             countries_named: frozenset[str]) -> bool:
    """'ministère des Affaires étrangères', 'Assemblée nationale', 'Présidence de la République': a name the KB
    marks as one many countries' bodies bear is that KB body only when the article names its country or
    something else of it ('Paris', 'Macron', 'français'); else it is another country's body, which the KB cannot
    name: no record is better than one with the wrong country's id."""
    return key in generic_names and country is not None and country not in countries_named


def is_lower_case_description(words: tuple[str, ...], nationalities: frozenset[str], opens_sentence: bool,
                              mentions: int) -> bool:
    """English capitalises a body's name: a known body written in lower case but for a nationality ('the
    internal security agency', 'the Libyan coast guard', 'elections of the constituent assembly') and named
    nowhere else in the article is described, not named. Named again ('the presidential council ... the
    presidential council') or by its acronym, it is the body."""
    written = words[1:] if opens_sentence else words
    return (mentions == 1 and len(words) > 1 and any(w[:1].isalpha() for w in written)
            and all(not w[:1].isupper() or fold(w) in nationalities for w in written))


def acronym_verdict(own: Verdict, long_form: Verdict | None) -> Verdict:
    """An acronym names what its long form names: 'MSC' after 'Munich Security Conference', a conference,
    is no organisation either, though the article defines it."""
    return Verdict.DROP if long_form is Verdict.DROP else own


def org_verdict(candidate: OrgCandidate, words: OrgWords) -> Verdict:
    """What an ORG span with no KB id is, from its words and the article (see the module's docstring)."""
    if (not candidate.words or names_another_kind(candidate, words) or is_no_single_name(candidate, words)
            or is_nationality_and_common_noun(candidate.words, words)):
        return Verdict.DROP
    body = has_body_word(candidate, words)
    if candidate.person_elsewhere and not body:
        return Verdict.PERSON
    if candidate.place_elsewhere and not body:
        return Verdict.PLACE
    if body or candidate.defined_acronym or candidate.outlet_context or candidate.kind_apposed or candidate.workplace:
        return Verdict.KEEP
    if any(is_written_acronym(w) for w in candidate.words):
        return Verdict.KEEP
    if candidate.opens_with_given_name and len(candidate.words) > 1:
        return Verdict.PERSON
    return Verdict.DROP
