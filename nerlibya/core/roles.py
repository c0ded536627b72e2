"""Which person a title describes, the way news writes it: pure functions over a sequence of tokens.

Patterns, tried in this order for every title, within one sentence:
- before the name: 'Prime Minister Abdul Hamid Dbeibah', 'le président français Emmanuel Macron'
  (and coordinated titles: 'Prime Minister and Defence Minister X');
- after the name, in apposition: 'Paul Soler, Special Envoy of ...', 'X, a former minister, ...'
  (and titles chained with 'and' after it);
- before the name, in apposition: 'the head of the Presidential Council, Mohamed al-Menfi,';
- a heading's lines: 'William Harlow' / 'Deputy Secretary of State';
- appointment and copula: 'X was appointed governor', 'X, who is the army's spokesman', 'A succeeded B as envoy';
- clauses: 'a government headed by X', 'X, who heads the Y' (title 'head', organisation Y).

A token is anything with spaCy's `text`, `text_with_ws`, `lower_`, `ent_type_`, `ent_iob_`, `is_punct`,
`is_lower` and `is_stop` (a spaCy Doc is such a sequence; tests pass plain records). Nothing here imports spaCy.

One concern: attaching titles to people (the patterns above share one token scan and its helpers).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Mapping, NamedTuple, Protocol, Sequence

from ..knowledge.lexicon import Lexicon
from ..text.normalize import fold
from .types import OrgRef, Title

APPOSITION_END_PUNCTUATION = frozenset({",", ".", ";", ":", "(", ")", "—", "–", "--", "!", "?"})  # "X (Sweden)" too
# "X, the envoy", "X (the envoy)", "X – the envoy", "X -- the envoy" (a dash typed as two hyphens)
APPOSITION_OPENERS = frozenset({",", "(", "[", "—", "–", "--"})
CLAUSE_ORG_LABELS = ("ORG", "GPE")
DESCRIBED_PLACE_LABELS = ("GPE", "LOC")  # "l'homme d'affaires originaire de [Tripoli], X"
MAX_DESCRIPTION_TOKENS = 10  # a determiner, up to eight words, the comma
MAX_STACKED_TITLES = 3
CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!", "?"})
TIME_RANGE_JOINERS = frozenset({"to", "-", "–", "and"})  # 'from 2013 to 2017'
QUOTES = frozenset({'"', "“", "”", "«", "»", "‘", "’"})
CLOSING_QUOTES = frozenset({"”", "»", "’"})
MAX_WORDS_BEFORE_NAME = 4
MAX_CLAUSE_TOKENS = 10
MAX_CAPACITY_DISTANCE = 10  # tokens between a person and 'his capacity as'
MAX_PRONOUN_SENTENCES = 3  # sentences back to a pronoun's antecedent
MAX_OPENING_TOKENS = 8  # a short phrase before a sentence's subject ('Before that, she')
MAX_BODY_QUALIFIER_TOKENS = 6  # 'reconnu par la communauté internationale' before a body's bracketed acronym
MAX_APPOSITION_TOKENS = 8  # 'X, 51 ans, un ancien haut fonctionnaire': an apposition before a title
MAX_SUBJECT_APPOSITION_TOKENS = 12  # 'X, un ancien officier rebelle originaire de Nalout, a été nommé': before a verb


class TokenLike(Protocol):
    text: str
    text_with_ws: str
    lower_: str
    ent_type_: str
    ent_iob_: str
    is_punct: bool
    is_lower: bool
    is_stop: bool


class Person(NamedTuple):
    """The token range of a PERSON entity."""

    start: int
    end: int


@dataclass(frozen=True)
class RoleWords:
    """The word sets the patterns read, derived from one language's lexicon."""

    title_determiners: frozenset[str]
    possessive_marks: frozenset[str]
    conjunctions: frozenset[str]
    honorifics: frozenset[str]
    as_words: frozenset[str]
    appointment_words: frozenset[str]
    auxiliaries: frozenset[str]
    clause_breakers: frozenset[str]
    relative_pronouns: frozenset[str]
    apposition_end: frozenset[str]
    chain_words: frozenset[str]
    before_chained_title: frozenset[str]
    before_appointed_title: frozenset[str]
    age_words: frozenset[str]
    agent_prepositions: frozenset[str]
    name_connectors: frozenset[str]
    linking_words: frozenset[str]
    before_shared_title: frozenset[str]
    capacity_nouns: frozenset[str]
    partitives: frozenset[str]
    adverb_endings: tuple[str, ...]
    complements: frozenset[str]
    complement_openers: frozenset[str]  # first words of complements written in several words ('auprès de')
    represented_offices: frozenset[str]
    bodies: frozenset[str]  # 'government', 'council': nouns a clause such as 'led by X' makes X head of
    before_apposed_title: frozenset[str]  # 'X, now the governor': determiners and adverbs after the comma
    adverbs: frozenset[str]  # 'Ancien ministre, puis Premier ministre, X': between stacked titles
    infinitive_endings: tuple[str, ...] = ()  # 'X pour remporter': a clause breaker before a verb ends a name's clause
    apposition_closers: frozenset[str] = frozenset()  # 'A met the minister, B on Monday': 'on' ends the apposition
    relation_nouns: frozenset[str] = frozenset()  # 'the son of the army chief, X': X is the son
    subject_pronouns: frozenset[str] = frozenset()  # 'He was previously ambassador': the last sentence's person
    object_relatives: frozenset[str] = frozenset()  # 'X, whom the House appointed governor': X is the governor
    naming_verbs: frozenset[str] = frozenset()  # 'X appointed the lawyer as minister': X names, holds nothing
    family_nouns: frozenset[str] = frozenset()  # 'un membre d'une grande famille': kinship, not an office
    succession_verbs: frozenset[str] = frozenset()  # 'A succeeded B as envoy': the title is A's, not B's
    active_appointers: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # auxiliaries, verbs
    active_verbs: frozenset[str] = frozenset()  # 'appoints': an appointing verb never passive, its subject appoints
    time_prepositions: frozenset[str] = frozenset()  # 'X was until 2011 a minister': a time phrase after the verb
    time_words: frozenset[str] = frozenset()  # 'time', 'february': the words of such a phrase
    calendar_words: frozenset[str] = frozenset()  # 'mardi', 'monday': a day or month alone after a verb
    adjective_endings: tuple[str, ...] = ()  # where adjectives follow the noun: 'du gouvernement [parallèle]'
    adjectives_follow_noun: bool = False  # French: a lower-case word after a name is an adjective, not a noun
    compass_words: frozenset[str] = frozenset()  # 'de la région militaire [ouest]'
    place_prepositions: frozenset[str] = frozenset()  # 'le président du Parlement basé [à] Tobrouk, X'
    describing_ordinals: frozenset[str] = frozenset()  # "X, Libya's [first] female foreign minister'
    speech_verbs: frozenset[str] = frozenset()  # '..., a council spokeswoman [said]': the title names the speaker
    personal_possessives: frozenset[str] = frozenset()  # 'X, the head of the council, and [his] deputy': another's
    respectively: frozenset[str] = frozenset()  # 'A et B, [respectivement] T1 et T2': the n-th title is the n-th's
    feminine_clause_roles: Mapping[str, str] = field(default_factory=dict)  # 'président' -> 'présidente'
    feminine_determiners: frozenset[str] = frozenset()  # 'présidée par [la] ministre X'
    holder_after_cues: frozenset[str] = frozenset()  # 'le gouvernement, [avec à sa tête] X': X named after it

    @classmethod
    def of(cls, lexicon: Lexicon) -> "RoleWords":
        words = lexicon.words
        chain_words = words.conjunctions | {","}
        return cls(
            title_determiners=words.title_determiners,
            possessive_marks=words.possessive_marks,
            conjunctions=words.conjunctions,
            honorifics=lexicon.honorifics,
            as_words=words.as_words,
            appointment_words=frozenset(w for p in lexicon.appointment_verbs for w in p.split()),
            auxiliaries=words.auxiliaries | {","},
            clause_breakers=words.clause_breakers,
            relative_pronouns=words.relative_pronouns,
            apposition_end=APPOSITION_END_PUNCTUATION | words.conjunctions | words.relative_pronouns,
            chain_words=chain_words,
            before_chained_title=words.title_determiners | chain_words,
            before_appointed_title=words.title_determiners | words.appointment_prepositions | words.adverbs,
            age_words=words.age_words,
            agent_prepositions=words.agent_prepositions,
            name_connectors=words.conjunctions | words.linking_words,
            linking_words=words.linking_words,
            before_shared_title=words.title_determiners | words.quantifiers,
            capacity_nouns=words.capacity_nouns,
            partitives=words.partitives,
            adverb_endings=words.adverb_endings,
            complements=frozenset(c for c in lexicon.complements if " " not in c),
            complement_openers=frozenset(c.split()[0] for c in lexicon.complements if " " in c),
            represented_offices=lexicon.represented_offices,
            bodies=lexicon.heads.bodies,
            before_apposed_title=words.title_determiners | words.adverbs,
            adverbs=words.adverbs,
            infinitive_endings=words.infinitive_endings,
            apposition_closers=words.apposition_closers,
            relation_nouns=words.relation_nouns,
            subject_pronouns=words.subject_pronouns,
            object_relatives=words.object_relatives,
            naming_verbs=words.naming_verbs,
            family_nouns=words.family_nouns,
            succession_verbs=words.succession_verbs,
            active_appointers=(words.active_auxiliaries, words.conferring_verbs),
            active_verbs=words.active_conferring_verbs,
            time_prepositions=words.time_prepositions,
            time_words=words.calendar_words | words.time_nouns,
            calendar_words=words.calendar_words,
            adjective_endings=tuple(words.adjective_endings) if words.adjectives_follow_noun else (),
            adjectives_follow_noun=words.adjectives_follow_noun,
            compass_words=words.compass_words,
            place_prepositions=words.place_prepositions,
            describing_ordinals=lexicon.describing_ordinals,
            speech_verbs=words.speech_verbs,
            personal_possessives=lexicon.personal_possessives,
            respectively=lexicon.respectively_words,
            feminine_clause_roles=lexicon.feminine_clause_roles,
            feminine_determiners=lexicon.feminine_determiners,
            holder_after_cues=lexicon.holder_after_cues,
        )


@dataclass(frozen=True)
class Scene:
    """One document as the patterns read it: its tokens, people and titles by position, sentences."""

    tokens: Sequence[TokenLike]
    starts: Mapping[int, Person]
    ends: Mapping[int, Person]
    titles_at: Mapping[int, Title]
    titles_from: Mapping[int, Title]  # by the start of the phrase ('then-Libyan prime minister')
    titles_ending: Mapping[int, Sequence[Title]]
    sentence_of: Sequence[int]
    words: RoleWords
    nationalities: frozenset[int] = frozenset()  # nationality words: 'le [Libanais] X', 'le commandement [américain]'

    @classmethod
    def of(cls, tokens: Sequence[TokenLike], people: Sequence[Person], titles: Sequence[Title],
           sentence_of: Sequence[int], words: RoleWords, nationalities: frozenset[int] = frozenset()) -> "Scene":
        titles_ending: dict[int, list[Title]] = defaultdict(list)
        for title in titles:
            titles_ending[title.phrase_end].append(title)
        return cls(tokens, {p.start: p for p in people}, {p.end: p for p in people}, {t.start: t for t in titles},
                   {t.phrase_start: t for t in titles if t.category != "clause"}, dict(titles_ending), sentence_of,
                   words, nationalities)

    def national_noun(self, k: int) -> bool:
        """A nationality noun after an article ('le Libanais', "l'Américaine"), written between an apposition's comma
        and the name ("l'émissaire de l'ONU, le Libanais X")."""
        return k in self.nationalities and k > 0 and self.tokens[k - 1].lower_ in self.words.title_determiners

    def same_sentence(self, person: Person, title: Title) -> bool:
        return self.sentence_of[person.start] == self.sentence_of[min(title.start, len(self.tokens) - 1)]


class Held(NamedTuple):
    """A title already attached, as `holder_by_other_name` compares it: the person, who they are (the key their
    mentions share), the office it names (`office_synonyms`' value, or None), its folded text and its place's id."""

    person: Person
    key: str
    office: str | None
    title: str
    org: str | None


def holder_by_other_name(title: Title, held: Sequence[Held], office_synonyms: Mapping[str, str]) -> Person | None:
    """'le chef de la diplomatie française' with no name near it is the one person the article gives the same office
    of the same country under another name ('le ministre français des Affaires étrangères, X'); None when no one
    or several do, when the title is already that person's, or when it gives no country or says the office is
    over ('l'ancien chef de l'État français' is someone else)."""
    office = office_synonyms.get(fold(title.title))
    if office is None or title.org is None or title.org.id is None or title.status not in (None, "current"):
        return None
    holders = {h.key: h for h in held if h.office == office and h.org == title.org.id}
    if len(holders) != 1:
        return None
    holder = next(iter(holders.values()))
    return None if any(h.key == holder.key and h.title == fold(title.title) for h in held) else holder.person


def attach(scene: Scene, title: Title, attached: Mapping[int, Person]) -> tuple[Person | None, str]:
    """The person a title describes and the pattern that says so; `attached` maps the starts of titles
    already attached (earlier in the text) to their people, for chains ('X, minister and envoy')."""
    if title.holder is not None:  # '- M. X: ministre de la Justice.'
        return scene.starts.get(title.holder[0]) or scene.ends.get(title.holder[1]), "list-entry"
    person = person_respectively(scene, title)
    if person is not None:
        return person, "apposition-after"
    person = person_of_enclosing(scene, title, attached)
    if person is not None:
        return person, "acronym"
    if _is_possessor(scene, title) or _names_an_unnamed_speaker(scene, title):
        return None, ""
    person = person_after(scene, title) or person_after_coordinated(scene, title)
    if person is not None:
        return person, "before-name"
    if title.inner:
        return None, ""  # a title inside another's complement ('Chief of Staff to the President') names nobody else
    person = person_before_apposition(scene, title)
    if person is not None:
        return person, "apposition-after"
    person = (person_chained(scene, title, attached) or person_after_relative(scene, title)
              or person_past_relative(scene, title))
    if person is not None:
        return person, "apposition-chain"
    person = person_after_apposition(scene, title)
    if person is not None:
        return person, "apposition-before"
    person = person_before_bare_apposition(scene, title) or person_on_line_before(scene, title)
    if person is not None:
        return person, "apposition-after"
    person = person_appointed(scene, title)
    antecedent = person_before_pronoun(scene, title) if person is None else None
    return (antecedent, "pronoun") if antecedent is not None else (person, "appointment")


def _is_possessor(scene: Scene, title: Title) -> bool:
    """'X, the prime minister's spokesman': a title written with a possessive mark names whose the next noun is, not
    the person in apposition; its holder is nobody here. (A possessive after its complement is the complement's:
    'X, prime minister of Libya's government'.)"""
    end = title.end
    return end < len(scene.tokens) and scene.tokens[end].text in scene.words.possessive_marks


def _names_an_unnamed_speaker(scene: Scene, title: Title) -> bool:
    """'The council named X to replace him, a council spokeswoman said': a title (with its complements) right
    before a verb of saying is that verb's subject, a speaker the sentence does not name; not the name before it
    (an apposition closes with a comma: 'X, a spokesman, said'). A verb's word that opens a name is none: 'Interior
    Minister Said Ali' ('Said' then a name that the entity holds)."""
    k = past_complements(scene, title.phrase_end)
    return (k < len(scene.tokens) and scene.tokens[k].lower_ in scene.words.speech_verbs
            and scene.tokens[k - 1].text != "," and scene.starts.get(k) is None)


def of_a_family(scene: Scene, title: Title) -> bool:
    """'X, un membre d'une grande famille de Misrata': a title whose complement is a family (its noun within
    three words after 'de') says kinship, not an office."""
    tokens, k = scene.tokens, title.end  # the complement, read in the phrase or not
    if k >= len(tokens) or tokens[k].lower_ not in scene.words.linking_words:
        return False
    return any(tokens[j].lower_ in scene.words.family_nouns for j in range(k + 1, min(k + 4, len(tokens))))


def person_before_bare_apposition(scene: Scene, title: Title) -> Person | None:
    """'a meeting with X the Prime Minister.': a person written right before a determiner and a title whose
    phrase closes the clause (a punctuation mark after it) is the title's, with no comma between them."""
    tokens, k, end = scene.tokens, title.phrase_start - 1, title.phrase_end
    if k < 1 or tokens[k].lower_ not in scene.words.title_determiners or title.category == "clause":
        return None
    if end < len(tokens) and tokens[end].text not in CLAUSE_ENDS:
        return None
    return scene.ends.get(k)


def people_listed(scene: Scene, title: Title) -> list[Person]:
    """The people sharing a title written in the plural: listed after it ('deputy prime ministers, A, B and
    C') or before it ('A and B, both deputies for Sabha'); two at least."""
    tokens, chain = scene.tokens, scene.words.chain_words
    listed: list[Person] = []
    k = title.phrase_end + (1 if title.phrase_end < len(tokens) and tokens[title.phrase_end].text == "," else 0)
    while (person := scene.starts.get(k)) is not None:
        listed.append(person)
        k = person.end
        while k < len(tokens) and tokens[k].lower_ in chain:
            k += 1
    if len(listed) > 1:
        return listed
    k = skip_back(tokens, title.phrase_start, scene.words.before_shared_title)
    listed = people_before_comma(scene, k) if k >= 0 and tokens[k].text == "," else []
    return listed if len(listed) > 1 else []


def people_before_comma(scene: Scene, comma: int) -> list[Person]:
    """The people listed right before this comma ('A, B and C,'), the nearest first; none if no name ends there."""
    listed: list[Person] = []
    k = comma
    while (person := scene.ends.get(k)) is not None:
        listed.append(person)
        k = skip_back(scene.tokens, person.start, scene.words.chain_words) + 1
    return listed


def person_respectively(scene: Scene, title: Title) -> Person | None:
    """'A et B, respectivement ministre de la Défense et ministre de l'Intérieur': titles written in a row after
    'respectivement' go, in order, to as many people listed before its comma; the person of this title, or None
    (no such word, or as many titles as people not written)."""
    before = _titles_back_to(scene, title, scene.words.respectively)
    if before is None:
        return None
    cue = title.phrase_start - 1 if not before else before[0].phrase_start - 1
    listed = people_before_comma(scene, cue - 1) if cue > 0 and scene.tokens[cue - 1].text == "," else []
    rank, count = len(before), len(before) + 1 + len(_titles_on_from(scene, title))
    return listed[::-1][rank] if len(listed) == count > 1 else None


def _titles_back_to(scene: Scene, title: Title, cues: frozenset[str]) -> list[Title] | None:
    """The titles written in a row ('T1, T2 et') between one of `cues` and this title, in text order; None if
    something else comes between."""
    tokens, k, row = scene.tokens, title.phrase_start - 1, []
    while k >= 0 and tokens[k].lower_ not in cues:
        ending = [t for t in scene.titles_ending.get(k, ()) if t.category != "clause"]
        if tokens[k].lower_ not in scene.words.chain_words or not ending:
            return None
        row.insert(0, min(ending, key=lambda t: t.phrase_start))
        k = row[0].phrase_start - 1
    return row if k >= 0 else None


def _titles_on_from(scene: Scene, title: Title) -> list[Title]:
    """The titles written in a row after this one (', T2 et T3'), each after a comma or a conjunction."""
    row, k = [], title.phrase_end
    while k < len(scene.tokens) and scene.tokens[k].lower_ in scene.words.chain_words \
            and (after := scene.titles_from.get(k + 1)) is not None:
        row.append(after)
        k = after.phrase_end
    return row


def respective_titles(scene: Scene, title: Title, listed: Sequence[Person]) -> list[Title]:
    """'the foreign and interior ministers, A and B': a plural title whose two modifiers are joined by 'and', shared
    by two people (in text order), gives each one modifier in turn ('foreign minister', 'interior minister');
    otherwise the same title for each."""
    words = title.title.split()
    if len(listed) != 2 or len(words) != 4 or words[1].lower() not in scene.words.conjunctions:
        return [title] * len(listed)
    return [replace(title, title=f"{words[0]} {words[3]}"), replace(title, title=f"{words[2]} {words[3]}")]


def singled_out(scene: Scene, title: Title) -> Title | None:
    """'X, un des commandants', 'one of the operation's commanders, X': a plural title after a partitive (read
    right before the title, or before its possessor) is one person's, in the singular (its text already is); the
    title read from the partitive on, or None."""
    start = as_phrase_start(scene.tokens, title.phrase_start - 1, scene.words.partitives)
    if start is None:
        start = as_phrase_start(scene.tokens, _skip_possessor(scene, title.phrase_start), scene.words.partitives)
    return replace(title, phrase_start=start, plural=False) if start is not None else None


def is_glued_hyphen(tokens: Sequence[TokenLike], i: int) -> bool:
    """tokens[i] is a hyphen written between two words with no space ('re-elected', 'Follow-Up'), not a dash."""
    return (tokens[i].text in ("-", "\u2011") and i > 0 and tokens[i].text_with_ws == tokens[i].text
            and tokens[i - 1].text_with_ws == tokens[i - 1].text)


def skip_forward(tokens: Sequence[TokenLike], index: int, words: frozenset[str]) -> int:
    """Index of the first token from `index` on whose lower form is not in `words` (or the end)."""
    while index < len(tokens) and tokens[index].lower_ in words:
        index += 1
    return index


def skip_back(tokens: Sequence[TokenLike], index: int, words: frozenset[str]) -> int:
    """Index of the first token before `index` whose lower form is not in `words`."""
    index -= 1
    while index >= 0 and tokens[index].lower_ in words:
        index -= 1
    return index


def entity_start(tokens: Sequence[TokenLike], index: int) -> int:
    """First token of the entity that `index` is inside."""
    while index > 0 and tokens[index].ent_iob_ == "I":
        index -= 1
    return index


def person_after(scene: Scene, title: Title) -> Person | None:
    """'Prime Minister X', 'the envoy of France, X' (right after the title, its whole phrase, or one more place or
    body complement: 'the Head of the Presidency Council of the GNA X'; a title
    inside another's complement only right after itself: 'Envoy of the Secretary-General for Libya X', or
    after its own phrase when the enclosing title's reading made that name its own person: 'l'envoyé du
    secrétaire général de l'ONU X'; never an office others represent after an article: in 'Special
    Representative of the Secretary-General X', X is the representative)."""
    if (title.inner and title.head in scene.words.represented_offices and _no_own_phrase(scene.tokens, title)
            and title.phrase_start > 0 and scene.tokens[title.phrase_start - 1].lower_ in scene.words.title_determiners):
        return None  # (without an article the office is the name's: 'a spokesperson for Secretary-General X')
    for position in (title.end, title.phrase_end, past_place_complement(scene, title.phrase_end),
                     _next_line_if_alone(scene, title), _bracketed_name(scene, title.phrase_end)):
        person = scene.starts.get(_past_stacked_titles(scene, position))
        if (person is None or (person.start, person.end) == title.of or _after_linking_word(scene, title, person)
                or _names_the_body(scene, title, person)):
            continue
        if not title.inner or position == title.end or _of_enclosing(scene, title, person):
            return person
    return None


def person_on_line_before(scene: Scene, title: Title) -> Person | None:
    """A statement's or a speech's heading writes the name alone on its line and the title alone on the next
    ('William Harlow' / 'Deputy Secretary of State'): the person whose line ends right before the title's; not in
    a fact box, where each title line heads the name below it (the name's own line follows a title line)."""
    tokens, start, end = scene.tokens, title.phrase_start, title.phrase_end
    if start < 2 or not _breaks_line(tokens, start - 1) or not (end >= len(tokens) or _breaks_line(tokens, end)):
        return person_heading_profile(scene, title)
    person = scene.ends.get(start - 1)
    if person is None or person.start == 0:
        return person
    return person if _breaks_line(tokens, person.start - 1) and not scene.titles_ending.get(person.start - 1) else None


def person_heading_profile(scene: Scene, title: Title) -> Person | None:
    """A list of profiles writes each name alone on its line and opens the next line with the person's title ('Khalifa
    Haftar' / 'The 81-year-old field marshal commands ...'): the person whose line ends before the title's opens, when
    the article holds two such entries or more (one name alone on a line before a sentence is a byline)."""
    person = _name_line_before(scene, _line_opening(scene, title.phrase_start))
    if person is None:
        return None
    entries = sum(1 for p in scene.starts.values() if _name_line_before(scene, p.end + 1) is p
                  and _opens_with_title(scene, p.end + 1))
    return person if entries >= 2 else None


def _line_opening(scene: Scene, start: int) -> int:
    """Where the line of a phrase starting at `start` opens, back over the words `_before_a_title` skips."""
    k = start - 1
    while k >= 0 and _before_a_title(scene, scene.tokens[k]):
        k -= 1
    return k + 1


def _before_a_title(scene: Scene, token: TokenLike) -> bool:
    """A determiner, a word of an age or a number: what may open a profile's line before its title ('The
    81-year-old field marshal')."""
    return token.lower_ in scene.words.title_determiners or token.lower_ in scene.words.age_words or token.text.isdigit()


def _name_line_before(scene: Scene, k: int) -> Person | None:
    """The person whose name is alone on the line that ends right before the line opening at `k`, or None."""
    tokens = scene.tokens
    if k < 2 or not _breaks_line(tokens, k - 1):
        return None
    person = scene.ends.get(k - 1)
    if person is None or (person.start > 0 and not _breaks_line(tokens, person.start - 1)):
        return None
    return None if scene.titles_ending.get(person.start - 1) else person


def _opens_with_title(scene: Scene, k: int) -> bool:
    """Does the line opening at `k` open with a title, past the words `_before_a_title` skips?"""
    tokens = scene.tokens
    while k < len(tokens) and _before_a_title(scene, tokens[k]):
        k += 1
    return k in scene.titles_from or k in scene.titles_at


def _after_linking_word(scene: Scene, title: Title, person: Person) -> bool:
    """'X, ministre des Affaires étrangères du gouvernement de Y', '... du gouvernement dirigé par Y': a name after
    the title's words and a linking word or an agent preposition names the body of the complement, not the
    title's holder."""
    before = scene.tokens[person.start - 1].lower_
    return person.start > title.end and (before in scene.words.linking_words or before in scene.words.agent_prepositions)


def _names_the_body(scene: Scene, title: Title, person: Person) -> bool:
    """'X, ministre de l'Intérieur du gouvernement Dbeibah,': in a title set off after a person, a name right after
    the body's noun of its complement names the body after its head ('le gouvernement Dbeibah'); the holder is X.
    ('Le porte-parole du gouvernement Y a démenti', with no one before the title: Y is the spokesman.)"""
    tokens = scene.tokens
    comma = _skip_possessor(scene, title.phrase_start)
    return (person.start > title.start and tokens[person.start - 1].lower_ in scene.words.bodies
            and comma >= 0 and tokens[comma].text in APPOSITION_OPENERS and comma in scene.ends)


def _bracketed_name(scene: Scene, k: int) -> int:
    """'le ministre de la Défense (X)': where a name alone in brackets right after the title's phrase starts, or
    `k`."""
    tokens, person = scene.tokens, scene.starts.get(k + 1)
    if k < len(tokens) and tokens[k].text == "(" and person is not None and person.end < len(tokens) \
            and tokens[person.end].text == ")":
        return k + 1
    return k


def _next_line_if_alone(scene: Scene, title: Title) -> int:
    """A fact box writes a title alone on its line and the holder's name alone on the next ('Central bank
    governor' / 'X'): where that next line starts, or the title's end (no other position)."""
    tokens, end = scene.tokens, title.phrase_end
    opening = min(title.phrase_start, title.org.span[0] if title.org and title.org.span else title.phrase_start)
    if not (_breaks_line(tokens, end) and (opening == 0 or _breaks_line(tokens, opening - 1))):
        return title.end
    person = scene.starts.get(end + 1)
    return end + 1 if person is not None and (person.end >= len(tokens) or _breaks_line(tokens, person.end)) else title.end


def _breaks_line(tokens: Sequence[TokenLike], index: int) -> bool:
    return index < len(tokens) and "\n" in tokens[index].text and not tokens[index].text.strip()


def _no_own_phrase(tokens: Sequence[TokenLike], title: Title) -> bool:
    """Is the title written bare, or with only its acronym in parentheses ('Secretary-General (SRSG)')?"""
    end = title.end
    if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 2].text.startswith(")"):
        end += 3
    return title.phrase_end <= end


def _of_enclosing(scene: Scene, title: Title, person: Person) -> bool:
    """Is `person` the one a title enclosing `title` is of (its complement's title names them)?"""
    return any(t.of == (person.start, person.end) and t.phrase_start < title.start
               for t in scene.titles_ending.get(person.end, ()))


def _past_stacked_titles(scene: Scene, position: int) -> int:
    """Where the name starts after titles or honorifics stacked at `position`: 'AFRICOM Commander General X',
    'Special Envoy to Libya Ambassador X', 'physician Dr. X' (each title there is the same person's)."""
    for _ in range(MAX_STACKED_TITLES):
        if position in scene.starts or position >= len(scene.tokens):
            break
        if scene.tokens[position].lower_ in scene.words.honorifics:  # 'IOM physician Dr. X'
            position += 1
            continue
        stacked = scene.titles_at.get(position) or scene.titles_from.get(position)
        if stacked is None or stacked.category == "clause":
            break
        position = stacked.end
    return position


def person_of_enclosing(scene: Scene, title: Title, attached: Mapping[int, Person]) -> Person | None:
    """'the Special Representative of the Secretary-General (SRSG) for Libya, X': a title in parentheses
    inside an attached title's phrase is its acronym, the same person's."""
    tokens = scene.tokens
    if not (0 < title.start and title.end < len(tokens) and tokens[title.start - 1].text == "("
            and tokens[title.end].text == ")"):
        return None
    for start, person in attached.items():
        enclosing = scene.titles_at[start]
        if enclosing.phrase_start < title.start and title.end < enclosing.phrase_end:
            return person
    return None


def person_after_coordinated(scene: Scene, title: Title) -> Person | None:
    """'Prime Minister and Defence Minister X', 'Ambassador and Envoy to Libya, X, said': both titles are X's."""
    tokens, k = scene.tokens, past_place_complement(scene, title.phrase_end)
    if k < len(tokens) and (tokens[k].lower_ in scene.words.conjunctions or tokens[k].text == "&"):
        following = scene.titles_at.get(k + 1)
        if following is not None and following.category != "clause":
            if title.inner:  # 'the envoy of the Secretary-General and head of X, Y': Y is not the Secretary-General
                return None
            return person_after(scene, following) or person_after_apposition(scene, following, opening=title)
    return None


def before_place_complement(scene: Scene, k: int) -> int:
    """Where a place complement ending at `k` starts ('[to Libya] and head of'), or `k`: the converse of
    `past_place_complement`."""
    tokens = scene.tokens
    if k < 1 or tokens[k - 1].ent_type_ != "GPE":
        return k
    j = skip_back(tokens, entity_start(tokens, k - 1), scene.words.title_determiners)
    return j if j >= 0 and tokens[j].lower_ in scene.words.complements else k


def past_place_complement(scene: Scene, k: int) -> int:
    """Skip a place or body complement after a title's phrase: 'envoy of the UN [in Libya]', 'représentant de la
    Russie [auprès de l'ONU]'; the rest of a body's name the phrase ends inside, grown after the titles were
    read: 'chef de la Mission onusienne [en Libye]'; where the phrase really ends."""
    tokens, words = scene.tokens, scene.words
    if k < len(tokens) and tokens[k].ent_iob_ == "I":
        while k < len(tokens) and tokens[k].ent_iob_ == "I":
            k += 1
        return k
    if k >= len(tokens) or tokens[k].lower_ not in words.complements | words.complement_openers:
        return k
    j = k + 1
    while j < len(tokens) and (tokens[j].lower_ in words.title_determiners or tokens[j].lower_ in words.complements):
        j += 1  # 'auprès de l'ONU'
    if j >= len(tokens) or tokens[j].ent_type_ not in ("GPE", "LOC", "ORG") or tokens[j].ent_iob_ != "B":
        return k
    j += 1
    while j < len(tokens) and tokens[j].ent_iob_ == "I":
        j += 1
    return j


def _skip_possessor(scene: Scene, index: int) -> int:
    """Index of the token before 'the embassy's' / 'its' / 'the council's' / 'now the' / 'the then-' that precedes
    `index`."""
    tokens, determiners = scene.tokens, scene.words.title_determiners
    index = _before_description_words(scene, index)
    if index > 1 and is_glued_hyphen(tokens, index - 1) and tokens[index - 2].lower_ in scene.words.before_apposed_title:
        index -= 2  # 'X, the then-interior minister'
    k = skip_back(tokens, _skip_age(scene, skip_back(tokens, index, scene.words.before_apposed_title) + 1), determiners)
    k = _before_apposed_time_phrase(scene, k)
    while k > 0 and tokens[k].text in scene.words.possessive_marks:  # 'X, previously the bank's deputy governor'
        k = skip_back(tokens, _possessor_start(scene, k - 1), scene.words.before_apposed_title)
    return k


def _before_apposed_time_phrase(scene: Scene, k: int) -> int:
    """'X, at the time the interior minister', 'X, jusqu'en 2011 ministre': where a phrase of time that ends at `k`
    (articles inside it) opens, less one; or `k`."""
    tokens, words = scene.tokens, scene.words
    if k >= 0 and tokens[k].lower_ in words.time_prepositions:  # 'à [l'époque]', read as the title's description
        opening = k
    else:
        opening = _time_phrase_opening(scene, k, 6, anywhere=words.title_determiners)
    if opening is None:
        return k
    while opening > 0 and tokens[opening - 1].lower_ in words.time_prepositions:
        opening -= 1  # 'jusqu'en 2011'
    return opening - 1


def _before_description_words(scene: Scene, index: int) -> int:
    """'X, the council president', 'X, Libya's eastern military strongman', 'X was a loyal minister': where one or
    two lower-case content words (no function word, no entity) written between a determiner or a possessive and the
    title at `index` start; they describe the holder and do not keep the title from its person. `index` when none."""
    tokens = scene.tokens
    start = index
    while start > 0 and index - start < 2 and _describing_word(scene, tokens[start - 1]):
        start -= 1
    if start == index or start == 0:
        return index
    before = tokens[start - 1]
    return start if before.lower_ in scene.words.title_determiners or before.text in scene.words.possessive_marks else index


def _describing_word(scene: Scene, token: TokenLike) -> bool:
    """A lower-case content word that none of the patterns reads ('as', 'appointed' say how a title is given), or an
    ordinal ("Libya's [first] female foreign minister"), which a stop list may hold."""
    words = scene.words
    return (token.text.isalpha() and token.text.islower() and not token.ent_type_
            and (not token.is_stop or token.lower_ in words.describing_ordinals)
            and token.lower_ not in words.as_words and token.lower_ not in words.appointment_words)


def _possessor_start(scene: Scene, last: int) -> int:
    """First token of the possessor ending at `last`: an entity ('the LNA's'), a title ('the UN Secretary-General's',
    hyphens and capitals in it), or a common noun with up to two lower-case words before it ('the embassy's', 'the
    central bank's') and a name after its article ("the Dbeibah government's")."""
    tokens = scene.tokens
    if tokens[last].ent_type_:
        return entity_start(tokens, last)
    if scene.titles_ending.get(last + 1):
        return min(t.phrase_start for t in scene.titles_ending[last + 1])
    start = last
    while (start > 0 and last - start < 2 and tokens[start - 1].text.isalpha() and tokens[start - 1].text.islower()
           and tokens[start - 1].lower_ not in scene.words.title_determiners):
        start -= 1
    named = entity_start(tokens, start - 1) if start > 1 and tokens[start - 1].ent_type_ else start
    return named if 0 < named < start and tokens[named - 1].lower_ in scene.words.title_determiners else start


def _skip_age(scene: Scene, index: int) -> int:
    """Start of an age written right before `index` ('a 61-year-old engineer'), or `index` if none."""
    tokens = scene.tokens
    k = skip_back(tokens, index, scene.words.age_words)
    if k >= 0 and tokens[k].text.isdigit() and k + 1 < index:
        return k
    return index


def person_before_apposition(scene: Scene, title: Title) -> Person | None:
    """'X, the commander of the LNA', 'X [head of the mission]': the person ends at the comma or bracket
    before the title."""
    comma = _skip_possessor(scene, title.phrase_start)
    if comma < 0 or scene.tokens[comma].text not in APPOSITION_OPENERS or _names_someone_after(scene, title):
        return None
    person = (scene.ends.get(comma) or scene.ends.get(_before_bracketed_word(scene.tokens, comma))
              or scene.ends.get(_before_country(scene, comma)))
    if person is not None and _complement_of_relative(scene, person):
        return None  # "le père d'X, ancien ministre": the apposition describes the father
    if person is not None and _names_after(scene, title) and (
            _named_by_title_before(scene, person) or _listed_after(scene, title)):
        return None  # a list: 'le chef du GNA, X, le président du Parlement, Y,'; 'A and B, the Minister of X, C, and'
    if person is not None or scene.tokens[comma].text != "," or _names_after(scene, title) or (
            _opens_own_clause(scene, title) and _ends_a_title(scene, comma)):
        return person
    return scene.ends.get(apposition_opening(scene, comma))  # 'X, 51 ans, un ancien haut fonctionnaire'


def _opens_own_clause(scene: Scene, title: Title) -> bool:
    """Is the title's phrase followed right away by a verb (a lower-case content word, or an auxiliary that takes a
    subject: 'a précisé')? After another title's apposition it is then the subject of a new clause ('After meeting
    X, the UN envoy, the German diplomat said'), another person than the name before ('X, 51, the envoy said' is X)."""
    k = title.phrase_end
    if k >= len(scene.tokens):
        return False
    token = scene.tokens[k]
    return (token.is_lower and token.text.isalpha()
            and (not token.is_stop or token.lower_ in scene.words.active_appointers[0]))


def _named_by_title_before(scene: Scene, person: Person) -> bool:
    """Is the person the apposition of a title before them ('the head of the GNA [recognised by the UN], X')?"""
    comma = person.start - 1
    return comma >= 1 and scene.tokens[comma].text == "," and _ends_a_title(scene, comma)


def _ends_a_title(scene: Scene, comma: int) -> bool:
    """Does a title and its complements end right before `comma`?"""
    return any(scene.titles_ending.get(end) and past_complements(scene, end) == comma
               for end in range(comma, max(comma - MAX_CLAUSE_TOKENS, 0), -1))


def _before_bracketed_word(tokens: Sequence[TokenLike], comma: int) -> int:
    """'X (Sweden), Chair of ...', 'X ("Ghaniwa"), head of ...': where a word or two in brackets (quoted or not)
    before `comma` open, or `comma`."""
    for opening in range(comma - 3, comma - 7, -1):
        inside = [tokens[i] for i in range(opening + 1, comma - 1)] if opening >= 0 else []
        words = [t for t in inside if t.text not in QUOTES]
        if (inside and tokens[comma - 1].text == ")" and tokens[opening].text == "(" and len(words) <= 2
                and not any(t.is_punct for t in words) and len(inside) - len(words) in (0, 2)):
            return opening
    return comma


def _before_country(scene: Scene, comma: int) -> int:
    """'X of France, its President for October': where 'of' and a place before `comma` start, or `comma`."""
    tokens = scene.tokens
    if comma < 3 or tokens[comma - 1].ent_type_ != "GPE":
        return comma
    start = entity_start(tokens, comma - 1)
    return start - 1 if start > 1 and tokens[start - 1].lower_ in scene.words.linking_words else comma


def _listed_after(scene: Scene, title: Title) -> bool:
    """Is the name after the title's ', ' followed by a comma and another title or 'and' (a list goes on)?"""
    person = scene.starts[title.phrase_end + 1]
    tokens, k = scene.tokens, person.end
    return k + 1 < len(tokens) and tokens[k].text == "," and (
        tokens[k + 1].lower_ in scene.words.conjunctions or k + 1 + _determiners_at(scene, k + 1) in scene.titles_from)


def _determiners_at(scene: Scene, k: int) -> int:
    """How many determiners are written from `k` on."""
    count = 0
    while k + count < len(scene.tokens) and scene.tokens[k + count].lower_ in scene.words.title_determiners:
        count += 1
    return count


def _names_after(scene: Scene, title: Title) -> bool:
    """Is the title followed by ', X' (a list: 'X, strongman of the east, the president of the House, Y')?"""
    k = title.phrase_end
    return k + 1 < len(scene.tokens) and scene.tokens[k].text == "," and k + 1 in scene.starts


def _names_someone_after(scene: Scene, title: Title) -> bool:
    """Does a name follow the title's phrase after a few capitalised words at most? In a list ('X, Assistant
    Secretary at the U.S. Department of Energy Y, and ...') the title is Y's, not X's ('X, a former bank chief
    under Y' is X's; so is 'X, researcher at the Institute of Y': a name right after 'of' is a complement). A
    hyphen glued inside a name is no word of its own ('Prime Minister Abdel Hamid Al-[Dabaiba]': the model
    may find only the name's end)."""
    tokens, k, words = scene.tokens, title.phrase_end, 0
    while k < len(tokens) and words < MAX_WORDS_BEFORE_NAME:
        if k in scene.starts:  # not a complement: 'du gouvernement de Y', 'du gouvernement dirigé par Y', 'du
            # gouvernement Y' (a body named after its head)
            return not (k > 0 and (tokens[k - 1].lower_ in scene.words.linking_words
                                   or tokens[k - 1].lower_ in scene.words.agent_prepositions
                                   or tokens[k - 1].lower_ in scene.words.bodies))
        hyphen = k > title.phrase_end and is_glued_hyphen(tokens, k)
        if not (hyphen or tokens[k].text[:1].isupper() or tokens[k].lower_ in scene.words.name_connectors):
            return False
        words += not hyphen
        k += 1
    return False


def person_chained(scene: Scene, title: Title, attached: Mapping[int, Person]) -> Person | None:
    """'X, the minister and envoy', 'X est un juriste et un écrivain', 'X served as foreign minister from 2013 to
    2017 and as trade minister', 'X was ambassador and later served as minister', 'X served as adviser, then as deputy
    head': a title joined by 'and' or a comma (then an article, 'as', an adverb or a verb of serving, not of naming
    someone; a time phrase may close the first) to one already attached is the same person's; not one a person's
    possessive opens right after the joining word ('X, the head of the council, and his deputy': the deputy is
    someone else; 'X, Y's adviser and his chief of staff', 'X served as Y's adviser and later as his chief of
    staff' are X's), nor one with a name of its own in apposition ('X, the minister, and the police chief, Y')."""
    tokens, words = scene.tokens, scene.words
    joined = skip_back(tokens, title.phrase_start, words.before_chained_title | words.before_appointed_title
                       | (words.appointment_words - words.naming_verbs))
    previous = _before_time_phrase(scene, joined)
    ending = _titles_reaching(scene, previous + 1) or scene.titles_ending.get(before_place_complement(scene, previous + 1), ())
    chained = next((t for t in ending if t.start in attached), None)
    if chained is None or _joined_as_anothers(scene, joined, title, chained):
        return None
    between = [tokens[i].lower_ for i in range(joined + 1, title.phrase_start)
               if tokens[i].text != "," and tokens[i].lower_ not in words.title_determiners]
    comma = any(tokens[i].text == "," for i in range(previous + 1, title.phrase_start))
    joining = bool(between) and (between[0] in words.conjunctions or comma) and all(
        word in words.before_appointed_title or word in words.appointment_words - words.naming_verbs
        for word in between[1:])  # 'and later served as', not 'and appointed'
    if not joining:
        return None
    own = person_after_apposition(scene, title)
    return attached[chained.start] if own is None or own == attached[chained.start] else None


def _joined_as_anothers(scene: Scene, joined: int, title: Title, chained: Title) -> bool:
    """Are the words between `joined` and the title only a joining word and a person's possessive ('..., and his
    deputy'), the possessive then the person's own, as the title it is chained to names no other person's
    ('Y's adviser and his chief of staff': 'his' is Y's)?"""
    words, tokens = scene.words, scene.tokens
    between = [t.lower_ for t in tokens[joined + 1:title.start] if t.text != ","]
    possessed = chained.start > 0 and tokens[chained.start - 1].text in words.possessive_marks
    return bool(between) and between[-1] in words.personal_possessives and not possessed and all(
        w in words.conjunctions or w in words.personal_possessives for w in between)


MAX_RELATIVE_TOKENS = 8  # 'son of Field Marshal Khalifa Haftar': the relative's names, titles and articles


def person_past_relative(scene: Scene, title: Title) -> Person | None:
    """'X, son of Khalifa Haftar and commander of the ground forces', 'X, fils du maréchal Y et chef d'état-major':
    a title joined by a conjunction to an apposition that names the person's relative is the person's own."""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, title.phrase_start, words.title_determiners)
    if k < 1 or tokens[k].lower_ not in words.conjunctions:
        return None
    k = _before_relative(scene, k - 1)
    if k < 1 or tokens[k - 1].lower_ not in words.relation_nouns:
        return None
    comma = skip_back(tokens, k - 1, words.title_determiners)
    person = scene.ends.get(comma) if comma > 0 and tokens[comma].text == "," else None
    return person if person is not None and scene.same_sentence(person, title) else None


def _before_relative(scene: Scene, k: int) -> int:
    """Back from `k` over a relative's names, titles and articles to the linking word after the relation noun
    ('son [of] the Field Marshal Y'); -1 if anything else stands there."""
    tokens, words = scene.tokens, scene.words
    for _ in range(MAX_RELATIVE_TOKENS):
        if k < 1:
            return -1
        if tokens[k].lower_ in words.linking_words and tokens[k - 1].lower_ in words.relation_nouns:
            return k
        if k + 1 in scene.ends:
            k = scene.ends[k + 1].start - 1
        elif scene.titles_ending.get(k + 1):
            k = scene.titles_ending[k + 1][0].phrase_start - 1
        elif tokens[k].lower_ in words.title_determiners:
            k -= 1
        else:
            return -1
    return -1


def _before_time_phrase(scene: Scene, k: int) -> int:
    """Where a phrase of time that ends at `k` ('from 2013 to 2017', 'in March', 'until 2011') opens, less one; or
    `k`: a preposition of `time_prepositions`, then numbers, words of time and 'to' between them, up to six tokens."""
    opening = _time_phrase_opening(scene, k, 6, inner=TIME_RANGE_JOINERS)
    return k if opening is None else opening - 1


def _time_phrase_opening(scene: Scene, k: int, longest: int, inner: frozenset[str] = frozenset(),
                        anywhere: frozenset[str] = frozenset()) -> int | None:
    """The preposition (of `time_prepositions`) opening a phrase of time that ends at `k`, or None: after it,
    numbers, words of time, `inner` words before `k` and `anywhere` words, the whole at most `longest` tokens."""
    tokens, words = scene.tokens, scene.words
    for j in range(k, max(k - longest, -1), -1):
        word = tokens[j].lower_
        if word in words.time_prepositions and j < k:
            return j
        if not (tokens[j].text.isdigit() or word in words.time_words or word in anywhere or (word in inner and j < k)):
            return None
    return None


def person_after_relative(scene: Scene, title: Title) -> Person | None:
    """'X, Haftar's son and commander of the brigade': a title joined by 'and' to a relation noun in apposition
    after a name (its possessor between them) is that person's, as a title chained to a title would be."""
    tokens, words = scene.tokens, scene.words
    previous = skip_back(tokens, title.phrase_start, words.before_chained_title)
    joined = any(tokens[i].lower_ in words.conjunctions for i in range(previous + 1, title.phrase_start))
    if previous < 1 or not joined or tokens[previous].lower_ not in words.relation_nouns:
        return None
    comma = _skip_possessor(scene, previous)
    return scene.ends.get(comma) if comma > 0 and tokens[comma].text == "," else None


def person_after_apposition(scene: Scene, title: Title, opening: Title | None = None) -> Person | None:
    """'The head of the council, X, said': the person after the comma, if the apposition closes there (a
    punctuation mark, a conjunction or a relative pronoun: 'face au vice-Premier ministre, X qui ...') or the
    title (or the `opening` one it is coordinated with: 'The envoy and head of X, Y said') opens the sentence."""
    tokens, words, sentence_of = scene.tokens, scene.words, scene.sentence_of
    k = past_named_complement(scene, past_complements(scene, title.phrase_end))
    fronted = _title_opens_sentence(scene, opening or title)
    k = _past_time_phrase(scene, k) if fronted else k
    if k >= len(tokens) or tokens[k].text != ",":
        return None
    k = (_past_aside(scene, k) if fronted else k) + 1
    courtesy = k < len(tokens) and tokens[k].lower_ in words.honorifics  # 'le président, M. X' names the president
    while k < len(tokens) and (tokens[k].lower_ in words.title_determiners or tokens[k].lower_ in words.honorifics
                               or tokens[k].lower_ in words.age_words or tokens[k].text.isdigit()
                               or scene.national_noun(k) or _stacked_title_at(scene, k) is not None
                               or _adverb_before_stacked_title(scene, k)):
        apposed = tokens[k - 1].text == ","
        if _adverb_before_stacked_title(scene, k) and apposed:
            k += 1  # 'Ancien ministre, puis Premier ministre, X': the adverb keeps the title in apposition
        stacked = _stacked_title_at(scene, k)
        k = _stacked_title_end(scene, stacked, apposed) if stacked is not None else k + 1
    person = scene.starts.get(k)
    if person is None or _relatives_name(scene, opening or title, person):
        return None
    after = tokens[person.end] if person.end < len(tokens) else None
    first = opening or title
    closes = (courtesy or after is None or after.text in words.apposition_end or _opens_infinitive(scene, person.end)
              or sentence_of[person.end] != sentence_of[person.start] or _closed_by_adjunct(scene, first, person))
    before = _before_coordinated_titles(scene, skip_back(tokens, first.phrase_start, words.title_determiners))
    opens_sentence = (before < 0 or sentence_of[before] != sentence_of[first.start]
                      or tokens[before].text_with_ws.endswith("\n") or tokens[before].text.isspace()  # a new line
                      or _after_opening_adverbial(scene, before) or _opening_as(scene, before))
    return person if closes or (opens_sentence and not _attribution_inserted(scene, person)) else None


def _adverb_before_stacked_title(scene: Scene, k: int) -> bool:
    """'Ancien ministre, [puis] Premier ministre désigné, X', 'A former minister, [later] premier, X': an adverb
    between the comma and a further title stacked before the name."""
    return (scene.tokens[k].lower_ in scene.words.adverbs and k + 1 < len(scene.tokens)
            and _stacked_title_at(scene, k + 1) is not None)


def _past_time_phrase(scene: Scene, k: int) -> int:
    """'Patron de la NOC depuis juillet 2022, X': the comma that closes a phrase of time opening at `k` (as
    `_time_phrase_opening` reads one, articles inside it), or `k`."""
    tokens = scene.tokens
    comma = next((j for j in range(k + 2, min(k + 7, len(tokens))) if tokens[j].text == ","), None)
    if comma is None:
        return k
    return comma if _time_phrase_opening(scene, comma - 1, 6, anywhere=scene.words.title_determiners) == k else k


def _stacked_title_at(scene: Scene, k: int) -> Title | None:
    """The title (no clause) written at `k`, or whose phrase opens there with words its title leaves out ('The
    envoy, [former] Jordanian foreign minister X': 'former' opens the phrase of 'foreign minister'); or None."""
    title = scene.titles_at.get(k) or scene.titles_from.get(k)
    return title if title is not None and title.category != "clause" else None


def _past_aside(scene: Scene, comma: int) -> int:
    """'Le ministre des Affaires étrangères de la Turquie, pays allié de Tripoli, X', 'le chef de la mission, la
    Manul, X': the comma that closes a short aside after the title's comma (up to eight tokens, no person, title or
    other punctuation) when a name follows it and none follows the first comma; or `comma`. (Read only after a
    title that opens its sentence: '... appoint X as prime minister, setting up a clash with the incumbent, Y'.)"""
    tokens, words = scene.tokens, scene.words
    if _name_at(scene, comma + 1):
        return comma
    for k in range(comma + 1, min(comma + 9, len(tokens) - 1)):
        if tokens[k].text == ",":
            return k if k > comma + 1 and _name_at(scene, k + 1) else comma
        if tokens[k].is_punct or tokens[k].ent_type_ == "PERSON" or k in scene.titles_at \
                or tokens[k].lower_ in words.relative_pronouns:
            return comma
    return comma


def _title_opens_sentence(scene: Scene, title: Title) -> bool:
    """Is the title, past its articles, the first thing its sentence writes ('Le chef de la mission, ...')?"""
    before = skip_back(scene.tokens, title.phrase_start, scene.words.title_determiners)
    return before < 0 or scene.sentence_of[before] != scene.sentence_of[title.start]


def _name_at(scene: Scene, k: int) -> bool:
    """Does a person's name start at `k`, past articles and courtesy titles?"""
    while k < len(scene.tokens) and (scene.tokens[k].lower_ in scene.words.title_determiners
                                     or scene.tokens[k].lower_ in scene.words.honorifics):
        k += 1
    return k in scene.starts


def _complement_of_relative(scene: Scene, person: Person) -> bool:
    """Is `person` written right after a relation noun and its linking word ("le père d'X", 'the son of X'), the
    complement of an unnamed relative whom an apposition after the name describes?"""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, person.start, words.title_determiners)
    return k > 0 and tokens[k].lower_ in words.linking_words and tokens[k - 1].lower_ in words.relation_nouns


def _relatives_name(scene: Scene, title: Title, person: Person) -> bool:
    """Is the title the complement of a relative or a companion and `person` that relative ('The son of the army
    chief, X', 'a bodyguard of the minister, X': X is the son)? Not when a second name follows ('the son of the late
    ruler, X, Y': X is the ruler, Y the son)."""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, title.phrase_start, words.title_determiners)
    if not (k > 0 and tokens[k].lower_ in words.linking_words and tokens[k - 1].lower_ in words.relation_nouns):
        return False
    return not (person.end + 1 < len(tokens) and tokens[person.end].text == "," and person.end + 1 in scene.starts)


def _opening_as(scene: Scene, k: int) -> bool:
    """Is `k` an 'as' that opens the sentence ('As defence minister, X oversaw the army')?"""
    opens = k == 0 or scene.sentence_of[k - 1] != scene.sentence_of[k]
    return opens and scene.tokens[k].lower_ in scene.words.as_words


def _attribution_inserted(scene: Scene, person: Person) -> bool:
    """Is the person followed by one or two lower-case words and a comma, an attribution inserted in the sentence
    ('The interior minister in Tripoli, X said, had resigned'): X reports, and holds no title?"""
    tokens = scene.tokens
    for k in range(person.end + 1, min(person.end + 3, len(tokens))):
        if not all(tokens[i].text.isalpha() and tokens[i].text.islower() for i in range(person.end, k)):
            return False
        if tokens[k].text == ",":
            return True
    return False


def past_named_complement(scene: Scene, k: int) -> int:
    """The comma after the rest of a title's complement that its reading left at `k`: a quoted name ('the
    spokesman of the Operation “Dignity” forces, X'), a capitalised name going on after 'of' ('of Operation Volcano
    of Anger, X'), and up to two lower-case nouns after a quoted name ('the “Dignity” operation, X'); or `k` when
    no comma follows."""
    tokens, words = scene.tokens, scene.words
    end = min(len(tokens), k + MAX_CLAUSE_TOKENS)
    j = k
    if j < end and tokens[j].text in CLOSING_QUOTES:  # the reading stopped at the quoted name's end
        j += 1
    elif j < end and tokens[j].text in QUOTES:
        j = next((i + 1 for i in range(j + 1, end) if tokens[i].text in QUOTES), end)
    elif j + 1 < end and tokens[j].lower_ in words.linking_words and tokens[j + 1].text[:1].isupper():
        while j < end and (tokens[j].text[:1].isupper() or tokens[j].lower_ in words.linking_words):
            j += 1
    if tokens[j - 1].text in QUOTES:  # only a quoted name takes the nouns after it: 'met residents, X said' is a clause
        for _ in range(2):
            if j < end and tokens[j].text.isalpha() and tokens[j].text.islower():
                j += 1
    between = range(k, j)
    if j == k or j >= len(tokens) or tokens[j].text != "," or any(tokens[i].text in CLAUSE_ENDS for i in between):
        return k
    return j


def _closed_by_adjunct(scene: Scene, title: Title, person: Person) -> bool:
    """'A met the Defence Secretary, B at the Pentagon', 'A met the minister, B separately on Friday': a
    preposition (after an adverb at most) ends the name's apposition, when the sentence names someone before the
    title (its subject; a title in an opening adverbial, 'After talks with the minister, B on Friday said', has
    none)."""
    tokens, words = scene.tokens, scene.words
    k = person.end
    word = tokens[k].text if k < len(tokens) else ""
    if word.isalpha() and word.islower() and word.endswith(words.adverb_endings):
        k += 1
    if k >= len(tokens) or tokens[k].lower_ not in words.apposition_closers:
        return False
    sentence = scene.sentence_of[title.start]
    return any(scene.sentence_of[start] == sentence for start in scene.starts if start < title.phrase_start)


def _opens_infinitive(scene: Scene, k: int) -> bool:
    """Does a clause breaker and a verb's infinitive start at `k` ('le chef de l'AFN, X pour remporter le poste'):
    the apposition closes before it?"""
    tokens, words = scene.tokens, scene.words
    if k + 1 >= len(tokens) or tokens[k].lower_ not in words.clause_breakers or not words.infinitive_endings:
        return False
    verb = tokens[k + 1]
    return verb.text.isalpha() and verb.is_lower and verb.lower_.endswith(words.infinitive_endings)


def _after_opening_adverbial(scene: Scene, comma: int) -> bool:
    """Is `comma` the end of a short adverbial that opens the sentence ('Peu de temps avant, le coordinateur ...,
    X avait déclaré'): up to five words, no entity or punctuation, from the sentence's start?"""
    tokens = scene.tokens
    if tokens[comma].text != ",":
        return False
    for k in range(comma - 1, max(comma - 7, -2), -1):
        if k < 0 or scene.sentence_of[k] != scene.sentence_of[comma] or tokens[k].text_with_ws.endswith("\n"):
            return k < comma - 1
        if tokens[k].ent_type_ or tokens[k].is_punct or tokens[k].text.isspace():
            return False
    return False


def _stacked_title_end(scene: Scene, title: Title, apposed: bool = False) -> int:
    """Where the name after a title stacked before it starts: after the title's phrase when a name starts there
    ('le colonel canadien X'); after the comma that closes it when the title, with no article, is itself in
    apposition ('Le ministre d'État, ministre de l'Intérieur, X': both are X's); else after its words."""
    if title.phrase_end in scene.starts:
        return title.phrase_end
    comma = past_complements(scene, title.phrase_end)
    if apposed and comma < len(scene.tokens) and scene.tokens[comma].text == ",":
        return comma + 1
    return title.end


def past_complements(scene: Scene, k: int) -> int:
    """Past what may follow a title's phrase before the comma of its apposition: a place or body, more noun
    phrases after prepositions, a short clause ('le ministre de l'Intérieur du gouvernement de l'Est [basé à
    Benghazi], X')."""
    return past_short_clause(scene, past_noun_complements(scene, _past_acronym(scene, past_place_complement(scene, k))))


def _past_acronym(scene: Scene, k: int) -> int:
    """Past an acronym in brackets at `k` ("l'Armée nationale populaire [(ANP)]"), or `k`."""
    tokens = scene.tokens
    if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")" and tokens[k + 1].text[:1].isupper() \
            and tokens[k + 1].ent_type_ != "PERSON":
        return k + 3
    return k


def past_noun_complements(scene: Scene, k: int) -> int:
    """Past noun phrases chained by prepositions after a title's phrase that its reading left out: 'du
    gouvernement de l'Est', "de l'UE pour les affaires étrangères", 'de la région militaire ouest' (each a
    preposition, articles, a word, then capitalised words, a bracketed acronym or adjectives; no person, up to
    ten tokens), after the adjectives of the phrase's last name; where the last one ends, or `k`."""
    tokens, words = scene.tokens, scene.words
    limit, j = min(len(tokens), k + MAX_CLAUSE_TOKENS), k
    if j < limit and (is_glued_hyphen(tokens, j) or tokens[j].text in words.possessive_marks):
        j = _past_noun_phrase(scene, j, limit)  # a phrase cut inside a compound: 'of the UN[-backed government]'
    while j < limit and tokens[j].is_lower and _goes_on_noun_phrase(scene, j):
        j += 1  # the adjective of a name the reading cut short: 'pour le Sahara [occidental]'
    end = j
    while j < limit and (tokens[j].lower_ in words.complements or tokens[j].lower_ in words.complement_openers):
        j += 1
        while j < limit and (tokens[j].lower_ in words.title_determiners or tokens[j].lower_ in words.complements):
            j += 1
        if j >= limit or not tokens[j].text[:1].isalpha() or tokens[j].ent_type_ == "PERSON":
            break
        j = _past_noun_phrase(scene, j + 1, limit)
        end = j
    return end


def _past_noun_phrase(scene: Scene, j: int, limit: int) -> int:
    """Past the rest of a noun phrase whose first word ends before `j`: capitalised words, acronyms, adjectives
    after the noun (`_goes_on_noun_phrase`); a possessive and the next word ("Libya's UN-recognised Presidency
    Council"); a compound glued by a hyphen and the lower-case noun after it ('the UN-backed government')."""
    tokens = scene.tokens
    while j < limit:
        if is_glued_hyphen(tokens, j) and j + 1 < limit and tokens[j + 1].text.isalpha():
            j += 2
            if j < limit and tokens[j].is_lower and tokens[j].text.isalpha() and not tokens[j].is_stop:
                j += 1
        elif tokens[j].text in scene.words.possessive_marks and j + 1 < limit and tokens[j + 1].text[:1].isalpha() \
                and tokens[j + 1].ent_type_ != "PERSON" and not _opens_a_title(scene, j + 1):
            j += 2
        elif _goes_on_noun_phrase(scene, j):
            j = max(j + 1, _past_acronym(scene, j))
        else:
            break
    return j


def _opens_a_title(scene: Scene, j: int) -> bool:
    """Does a title start at `j` ("the envoy of Libya's [leader], X": the name is the leader's, not the envoy's)?"""
    return j in scene.titles_at or j in scene.titles_from


def _goes_on_noun_phrase(scene: Scene, j: int) -> bool:
    """Does the noun phrase go on at `j`: the rest of a name, a capitalised word, a bracketed acronym, an adjective,
    a nationality or a compass word written after the noun (not a preposition spelt like an adjective's ending:
    'aux')?"""
    tokens, words, token = scene.tokens, scene.words, scene.tokens[j]
    if token.ent_type_ == "PERSON":
        return False
    if token.ent_iob_ == "I" or (token.text[:1].isupper() and not token.is_punct):
        return True
    if token.text == "(":
        return _past_acronym(scene, j) > j
    return token.is_lower and token.text.isalpha() and bool(words.adjective_endings) and token.lower_ not in words.complements \
        and (token.lower_.endswith(words.adjective_endings) or token.lower_ in words.compass_words or j in scene.nationalities)


def past_short_clause(scene: Scene, k: int) -> int:
    """Past a short clause that qualifies a title before its apposition: 'le président du Parlement [reconnu par
    la communauté internationale], X', 'le chef du gouvernement [qui est basé à Tripoli], X' (a relative pronoun,
    or a word and an agent preposition, then up to eight words with no punctuation or person), 'le chef du
    gouvernement [internationalement reconnu], X' (an adverb and a word), or `k`."""
    tokens, words = scene.tokens, scene.words
    if (k + 2 < len(tokens) and tokens[k + 2].text == "," and tokens[k].lower_.endswith(words.adverb_endings)
            and all(tokens[i].text.isalpha() and tokens[i].text == tokens[i].lower_ for i in (k, k + 1))):
        return k + 2
    opens = k < len(tokens) and (tokens[k].lower_ in words.relative_pronouns or _agent_after_participle(scene, k)
                                 or (k + 1 < len(tokens) and tokens[k].lower_ not in words.auxiliaries and (
                                     tokens[k + 1].lower_ in words.agent_prepositions or (
                                         tokens[k].is_lower and tokens[k + 1].lower_ in words.place_prepositions))))
    if not opens:
        return k
    for end in range(k + 1, min(k + MAX_CLAUSE_TOKENS, len(tokens))):
        token = tokens[end]
        if token.text == ",":
            return end
        if token.is_punct or token.ent_type_ == "PERSON" or end in scene.titles_at:
            return k  # 'The premier was in Tripoli with the ministers, X': X is the ministers'
    return k


def _agent_after_participle(scene: Scene, k: int) -> bool:
    """Is `k` an agent preposition right after a lower-case word the title's phrase ends with ('Premier ministre
    désigné [par] la Chambre en 2022, X': the participle read as the title's qualifier)?"""
    tokens = scene.tokens
    return k > 0 and tokens[k].lower_ in scene.words.agent_prepositions and tokens[k - 1].is_lower


def _before_coordinated_titles(scene: Scene, index: int) -> int:
    """The token before the first of the titles joined by 'and' that end at `index` ('Ambassador and
    special envoy', "le chef du commandement pour l'Afrique et l'ambassadeur"), or `index` itself."""
    tokens = scene.tokens
    while index > 0 and tokens[index].lower_ in scene.words.conjunctions and _titles_reaching(scene, index):
        first = min(_titles_reaching(scene, index), key=lambda t: t.phrase_start)
        index = skip_back(tokens, first.phrase_start, scene.words.title_determiners)
    return index


def _titles_reaching(scene: Scene, index: int) -> Sequence[Title]:
    """The titles whose phrase ends at `index`, or whose complements the reading left out do ('le chef du
    commandement américain pour l'Afrique [et]')."""
    return scene.titles_ending.get(index) or [
        t for t in scene.titles_at.values()
        if t.category != "clause" and t.phrase_end < index and past_complements(scene, t.phrase_end) == index]


def person_appointed(scene: Scene, title: Title) -> Person | None:
    """'X was appointed governor', 'X, who is the army's spokesman', 'removing X as governor', 'named X
    Speaker', 'appointed its speaker, X, as commander'."""
    tokens, words, ends = scene.tokens, scene.words, scene.ends
    k = _skip_possessor(scene, title.phrase_start)  # 'X served as the central bank's governor'
    as_start = as_phrase_start(tokens, k, words.as_words)
    if as_start is not None:
        return (_object_before(scene, _past_apposition(scene, skip_back(tokens, as_start, frozenset({","})) + 1))
                or subject_before_as(scene, as_start) or _person_in_capacity(scene, as_start)
                or _person_before_comma_as(scene, as_start, title))
    if k + 1 in ends:  # 'the House named X Speaker'
        return _object_before(scene, k + 1)
    k = _appointment_verb(scene, k)
    if k < 0 or _names_an_object(scene, k):
        return None
    if k == 0 or scene.sentence_of[k - 1] != scene.sentence_of[k]:
        return _subject_after_opening_clause(scene, title)
    return _subject_of_verb(scene, k)


def _names_an_object(scene: Scene, verb: int) -> bool:
    """'X appointed the lawyer as minister', 'X named a new governor': a naming verb written right after its
    subject's name (no auxiliary: active) and followed by an article names someone else, its object."""
    tokens = scene.tokens
    return (tokens[verb].lower_ in scene.words.naming_verbs and verb in scene.ends and verb + 1 < len(tokens)
            and tokens[verb + 1].lower_ in scene.words.title_determiners)


def _appointment_verb(scene: Scene, k: int) -> int:
    """Where the appointment verb or copula before the title that starts after `k` is ('was appointed [the]
    governor', 'was until 2011 a minister', 'was, until March, governor'), or -1."""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, k + 1, words.before_appointed_title)
    while k >= 0 and _is_adverb(scene, tokens[k]):  # 'appointed to temporarily head', 'temporarily appointed'
        k = skip_back(tokens, k, words.before_appointed_title)
    k = _verb_before_time_phrase(scene, k)
    if k >= 0 and tokens[k].text == ",":
        k = verb_before_adverbial(scene, k)
    return k if k >= 0 and tokens[k].lower_ in words.appointment_words else -1


def person_before_pronoun(scene: Scene, title: Title) -> Person | None:
    """'X was sworn in on Monday. He was once ambassador to Chad', 'Before that, she served as
    envoy', 'A veteran diplomat, he ...': a title an appointment verb, a copula or 'as' gives to a subject pronoun
    opening its sentence (or a short opening phrase's comma), or a title opening the sentence before the pronoun's
    comma, is the person's the sentence before names, when it names no one else."""
    tokens, words = scene.tokens, scene.words
    k = _skip_possessor(scene, title.phrase_start)
    as_start = as_phrase_start(tokens, k, words.as_words)
    k = as_start - 1 if as_start is not None else _appointment_verb(scene, k)
    while k >= 0 and (tokens[k].lower_ in words.appointment_words or tokens[k].lower_ in words.auxiliaries
                      or _is_adverb(scene, tokens[k])) and tokens[k].text != ",":
        k -= 1  # 'she has also served as', 'he was previously'
    if k < 0 or tokens[k].lower_ not in words.subject_pronouns or not _opens_clause(scene, k):
        k = _pronoun_after_opening_title(scene, title)
    return _antecedent(scene, scene.sentence_of[k] - 1) if k >= 0 else None


def _antecedent(scene: Scene, sentence: int) -> Person | None:
    """The person a subject pronoun opening the sentence after `sentence` stands for: the one `sentence` names alone;
    back over sentences that name no one and open with a subject pronoun themselves ('X quit. He said ... He was
    previously envoy'), up to MAX_PRONOUN_SENTENCES."""
    for back in range(sentence, max(sentence - MAX_PRONOUN_SENTENCES, -1), -1):
        named = [person for start, person in sorted(scene.starts.items()) if scene.sentence_of[start] == back]
        if named:
            surnames = {scene.tokens[person.end - 1].lower_ for person in named}
            return named[0] if len(surnames) == 1 else None
        first = bisect_left(scene.sentence_of, back)  # sentence numbers never decrease
        if first >= len(scene.tokens) or scene.tokens[first].lower_ not in scene.words.subject_pronouns:
            return None
    return None


def _pronoun_after_opening_title(scene: Scene, title: Title) -> int:
    """'A veteran diplomat, he was ...', 'As interior minister, she ...': where the subject pronoun stands after the
    comma that closes a title opening its sentence (or its opening 'as'), or -1; not an inserted attribution ('The
    minister, he said, would ...')."""
    k = past_complements(scene, title.phrase_end)
    tokens = scene.tokens
    opens = _title_opens_sentence(scene, title) or _opening_as(
        scene, skip_back(tokens, title.phrase_start, scene.words.title_determiners))
    if (not opens or k + 1 >= len(tokens) or tokens[k].text != "," or tokens[k + 1].lower_ not in scene.words.subject_pronouns
            or any(tokens[j].text == "," for j in range(k + 2, min(k + 4, len(tokens))))):
        return -1  # not 'The minister, he said, would act'
    return k + 1


def _opens_clause(scene: Scene, k: int) -> bool:
    """Does `k` open its sentence, or follow the comma of a short phrase that does ('Before that, she', 'A
    veteran diplomat, he'; no person, quote or other punctuation in it)?"""
    tokens, sentence = scene.tokens, scene.sentence_of[k]
    if k == 0 or scene.sentence_of[k - 1] != sentence:
        return True
    if tokens[k - 1].text != ",":
        return False
    for j in range(k - 2, max(k - 2 - MAX_OPENING_TOKENS, -1), -1):
        if tokens[j].is_punct or tokens[j].ent_type_ == "PERSON":
            return False
        if j == 0 or scene.sentence_of[j - 1] != sentence:
            return True
    return False


def _person_before_comma_as(scene: Scene, as_start: int, title: Title) -> Person | None:
    """'Le Forum a choisi X, comme chef du gouvernement, et Y, comme vice-président': an 'as' phrase set off by a
    comma right after a name describes that name; not when a name follows the title ('X, as Prime Minister Y
    said': the title is Y's), nor a plural title, nor a name in another noun's complement ('the family of X, as
    leaders of the army, is blamed': the family is)."""
    comma = as_start - 1
    if comma < 1 or scene.tokens[comma].text != "," or title.plural or _name_at(scene, title.phrase_end):
        return None
    person = scene.ends.get(comma)
    if person is None or (person.start > 0 and scene.tokens[person.start - 1].lower_ in scene.words.linking_words):
        return None
    # the subject, or the object of a verb that appoints ('a choisi X, comme ...'); not another verb's object
    # ('a reçu X, en tant que médiateur': who is the mediator the sentence does not say)
    before = scene.tokens[person.start - 1].lower_ if person.start > 0 else ""
    appointed = before in scene.words.appointment_words or before in scene.words.conjunctions  # '..., et Y, comme'
    return person if appointed or _names_the_subject(scene, person) else None


def _subject_after_opening_clause(scene: Scene, title: Title) -> Person | None:
    """'Nommé Premier ministre en mars, X n'a pu entrer à Tripoli': a participle that opens the sentence describes
    the subject named after the comma that closes its clause (up to ten tokens, no other punctuation or person)."""
    tokens = scene.tokens
    for k in range(title.phrase_end, min(title.phrase_end + MAX_CLAUSE_TOKENS, len(tokens) - 1)):
        if tokens[k].text == ",":
            return scene.starts.get(k + 1)
        if tokens[k].is_punct or tokens[k].ent_type_ == "PERSON":
            return None
    return None


def _subject_of_verb(scene: Scene, k: int) -> Person | None:
    """The person whose appointment verb ends at `k` ('X, who was appointed', 'X a été nommé'): back over
    appointment words and auxiliaries to a name, or None. An active verb that confers the title ('X has
    appointed [Y] minister', 'X avait nommé l'ancienne ministre', 'X appoints new chair') gives it to its object,
    never its subject."""
    tokens, words, ends = scene.tokens, scene.words, scene.ends
    auxiliaries, conferring = words.active_appointers
    if (k > 0 and tokens[k].lower_ in conferring and tokens[k - 1].lower_ in auxiliaries) or tokens[k].lower_ in words.active_verbs:
        return None  # 'X has appointed', 'X appoints new chair': the subject gives the title
    while k >= 0:
        if k in ends and _article_before_qualifying_name(scene, ends[k]) >= 0:
            comma = _article_before_qualifying_name(scene, ends[k]) - 1  # 'X, a Haftar loyalist who was appointed'
            return _appointee(scene, ends[comma]) if comma > 0 and tokens[comma].text == "," and comma in ends else None
        if k in ends:
            return _appointee(scene, ends[k])
        if tokens[k].text == ",":
            titled = _past_apposition(scene, k)  # 'X, un commandant de la ville de Y, a été nommé'
            k = titled if titled != k and titled in ends else _before_inserted_adverbial(
                scene, apposition_opening(scene, k, MAX_SUBJECT_APPOSITION_TOKENS))
            if k in ends:
                return _subject_before_complement(scene, ends[k])
        if tokens[k].lower_ in words.conjunctions and scene.titles_ending.get(k):
            # 'X is an economist and was ambassador': the verb before the title joined by 'and'
            earlier = min(t.phrase_start for t in scene.titles_ending[k])
            k = skip_back(tokens, earlier, words.before_appointed_title)
            continue
        if tokens[k].lower_ in words.relative_pronouns and scene.titles_ending.get(k):
            return _described_by_title(scene, k)  # 'X, a lawyer who was appointed minister'
        opening = _time_phrase_opening(scene, k, 6, anywhere=words.title_determiners)
        if opening is not None:  # 'X, who until last year was mayor', 'X, qui était à l'époque ministre'
            k = opening - 1
            continue
        if (tokens[k].lower_ not in words.appointment_words and tokens[k].lower_ not in words.auxiliaries
                and not _is_adverb(scene, tokens[k])):  # 'X was unanimously elected'
            return None
        k -= 1
    return None


def _relative_before(scene: Scene, person: Person) -> int:
    """Where a relative pronoun stands right before `person` (past the titles before the name: 'whom President Y',
    'who Y named'), or -1: such a person is who appoints, the clause's subject, not who is appointed."""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, person.start, words.title_determiners)
    while k >= 0 and scene.titles_ending.get(k + 1):
        k = skip_back(tokens, min(t.phrase_start for t in scene.titles_ending[k + 1]), words.title_determiners)
    return k if k >= 0 and tokens[k].lower_ in words.object_relatives | words.relative_pronouns else -1


def _appointee(scene: Scene, person: Person) -> Person | None:
    """The subject of an appointment verb named right before it: 'X, whom the House appointed governor' names X
    (the person before the relative's comma, or nobody), 'X was appointed' X."""
    relative = _relative_before(scene, person)
    if relative < 0:
        return _subject_before_complement(scene, person)
    return scene.ends.get(relative - 1) if relative > 0 and scene.tokens[relative - 1].text == "," else None


def _past_time_phrase_after_verb(scene: Scene, k: int) -> int:
    """'X dirige [depuis 2022] la NOC', 'X a pris [en mars] la tête de Y': where the object starts past a phrase of time
    opening at `k` (a preposition of `time_prepositions`, then up to three numbers, words of time and articles, at
    least one number or word of time), or `k`."""
    tokens, words = scene.tokens, scene.words
    if k >= len(tokens) or tokens[k].lower_ not in words.time_prepositions:
        return k
    j, timed = k + 1, False
    while j < min(k + 4, len(tokens)) and (tokens[j].text.isdigit() or tokens[j].lower_ in words.time_words
                                            or tokens[j].lower_ in words.title_determiners):
        timed = timed or tokens[j].lower_ not in words.title_determiners
        j += 1
    return j if timed else k


def _verb_before_time_phrase(scene: Scene, k: int) -> int:
    """'X, who was until February a minister', 'X was at the time the interior minister': the appointment verb
    before a short phrase of time that ends at `k` (a preposition of `time_prepositions`, then up to three words of
    time: a number, a calendar word, a word of `time_words`, an article; or a calendar word alone), or `k`."""
    opening = _time_phrase_opening(scene, k, 4, anywhere=scene.words.title_determiners)
    if opening is None and k > 0 and scene.tokens[k].lower_ in scene.words.calendar_words:
        opening = k  # 'X a été nommé mardi ministre', 'X was named Tuesday as envoy': a day alone
    if opening is None or opening == 0:
        return k
    return opening - 1 if scene.tokens[opening - 1].lower_ in scene.words.appointment_words else k


def _is_adverb(scene: Scene, token: TokenLike) -> bool:
    """A lower-case adverb of manner or time ('unanimously', 'temporarily'): an ending of `adverb_endings` on a
    content word of five letters or more."""
    word = token.text
    return (len(word) > 4 and word.isalpha() and word.islower() and not token.is_stop
            and word.endswith(scene.words.adverb_endings))


def _subject_before_complement(scene: Scene, person: Person) -> Person:
    """'X, opposant historique au régime de [Y], avait été élu président': a person after a linking word ends an
    apposition, not a subject; the subject is the person before the comma that opens it (up to ten tokens back,
    no other punctuation), or `person` when there is none."""
    tokens = scene.tokens
    if person.start == 0 or tokens[person.start - 1].lower_ not in scene.words.linking_words:
        return person
    for k in range(person.start - 2, max(person.start - 12, -1), -1):
        if tokens[k].text == ",":
            return scene.ends.get(k, person)
        if tokens[k].is_punct or tokens[k].ent_type_ == "PERSON":
            return person
    return person


def _past_apposition(scene: Scene, end: int) -> int:
    """Where the name ends before an apposition that ends at `end` ('appointed X, a lawyer and campaigner,
    as ...'), or `end` itself."""
    if end in scene.ends or not scene.titles_ending.get(end):
        return end
    first = min(scene.titles_ending[end], key=lambda t: t.phrase_start)
    comma = _before_coordinated_titles(scene, _skip_possessor(scene, first.phrase_start))
    return comma if comma >= 0 and scene.tokens[comma].text == "," else end


def _described_by_title(scene: Scene, end: int) -> Person | None:
    """The person a title ending at `end` (before a relative pronoun) describes, whom the relative clause is then
    about: the name before its apposition ('X, a diplomat who served as'), or the subject of the copula or
    appointment verb before it ('X is a lawyer who was appointed minister'); None for anyone else's title ('X met
    a diplomat who')."""
    apposed = scene.ends.get(_past_apposition(scene, end))
    if apposed is not None:
        return apposed
    first = min(scene.titles_ending[end], key=lambda t: t.phrase_start)
    verb = _appointment_verb(scene, first.phrase_start - 1)
    return _subject_of_verb(scene, verb) if verb > 0 else None


def _object_before(scene: Scene, end: int) -> Person | None:
    """The person ending at `end` if an appointment verb names them ('named X', 'appointed its speaker,
    X,'); a copula ('is', 'was') names nobody here."""
    person = scene.ends.get(end)
    if person is None:
        return None
    tokens, words = scene.tokens, scene.words
    skipped = words.title_determiners | {","}
    k = skip_back(tokens, person.start, skipped)
    if k >= 0 and scene.titles_ending.get(k + 1):  # 'its speaker, X'
        k = skip_back(tokens, min(t.phrase_start for t in scene.titles_ending[k + 1]), skipped)
    elif k > 0 and tokens[k].lower_ in words.relation_nouns and tokens[k - 1].lower_ in words.title_determiners:
        k = skip_back(tokens, k, skipped)  # 'a nommé [son fils] X chef d'état-major' (not a headline's 'son X')
    k = _verb_before_time_phrase(scene, k)  # 'a nommé [mardi] X ministre'
    verb = tokens[k].lower_ if k >= 0 else ""
    return person if verb in words.appointment_words and verb not in words.auxiliaries else None


def _person_in_capacity(scene: Scene, k: int) -> Person | None:
    """'X will brief the council, in his capacity as chair', 'X was suspended from her duties as minister': the last
    person named before 'his capacity' in the sentence, a few words before it (farther, 'his' may be someone else's:
    'A announced that she would take the post after her stint as deputy')."""
    tokens, words = scene.tokens, scene.words
    if k < 2 or tokens[k - 1].lower_ not in words.capacity_nouns or tokens[k - 2].lower_ not in words.title_determiners:
        return None
    sentence = scene.sentence_of[k]
    for position in range(k - 2, max(k - 2 - MAX_CAPACITY_DISTANCE, -1), -1):
        if scene.sentence_of[position] != sentence:
            return None
        if position in scene.ends:
            return scene.ends[position]
    return None


def apposition_opening(scene: Scene, comma: int, reach: int = MAX_APPOSITION_TOKENS) -> int:
    """'X, a deputy unknown to the public, was elected': from the comma closing an apposition, the comma
    that opens it right after a name (up to `reach` tokens back, no other punctuation, no person but one
    qualifying a noun: 'X, a Dbeibah ally, was appointed'), or `comma`. An appointment verb after the apposition
    reaches further back than a title does ('X, enseignant qui a perdu sa maison, juge ...': 'juge' there is a
    verb)."""
    tokens = scene.tokens
    for k in range(comma - 1, max(comma - reach - 1, -1), -1):
        if tokens[k].text == ",":
            return k if k in scene.ends and not _opens_with_conjunction(scene, k + 1) else comma
        qualifying = k + 1 in scene.ends and _modifies_a_noun_after_article(scene, scene.ends[k + 1])
        if tokens[k].is_punct or (tokens[k].ent_type_ == "PERSON" and not qualifying):
            return comma
    return comma


def _opens_with_conjunction(scene: Scene, k: int) -> bool:
    """Does a conjunction open the words at `k` ('X, et regroupant trois ministres, le gouverneur Y'): the words
    go on the sentence, they describe nobody in apposition."""
    return k < len(scene.tokens) and scene.tokens[k].lower_ in scene.words.conjunctions | scene.words.clause_breakers


def _before_inserted_adverbial(scene: Scene, comma: int) -> int:
    """'X a, de son côté, été nommé': from the comma closing a short lower-case adverbial (up to five words, no
    entity) written between two auxiliaries, the comma that opens it; else `comma`."""
    tokens, auxiliaries = scene.tokens, scene.words.auxiliaries - {","}
    for k in range(comma - 1, max(comma - 7, 0), -1):
        token = tokens[k]
        if token.text == ",":
            return k if k < comma - 1 and tokens[k - 1].lower_ in auxiliaries else comma
        if token.ent_type_ or not token.is_lower:
            return comma
    return comma


def verb_before_adverbial(scene: Scene, comma: int) -> int:
    """'X a été élu au second tour, président du Parlement': the appointment verb before a short lower-case
    adverbial and the comma at `comma` (up to four words, no entity), or -1."""
    tokens = scene.tokens
    for k in range(comma - 1, max(comma - 6, -1), -1):
        token = tokens[k]
        if token.lower_ in scene.words.appointment_words:
            return k if k < comma - 1 else -1
        if token.ent_type_ or token.is_punct or token.text != token.lower_:
            return -1
    return -1


def as_phrase_start(tokens: Sequence[TokenLike], k: int, as_words: frozenset[str]) -> int | None:
    """Where an 'as' word or phrase ending at `k` starts ('as', 'comme', 'en tant que'), or None; the longest
    phrase that ends there ('pour le poste de', not 'le poste de'), whatever the set's order."""
    if k < 0:
        return None
    found = [k - len(words) + 1 for words in phrases_by_last_word(as_words).get(tokens[k].lower_, ())
             if k - len(words) + 1 >= 0
             and all(tokens[k - len(words) + 1 + i].lower_ == word for i, word in enumerate(words))]
    return min(found) if found else None


@lru_cache(maxsize=16)
def phrases_by_last_word(phrases: frozenset[str]) -> Mapping[str, tuple[tuple[str, ...], ...]]:
    """The phrases as word tuples, by their last word: only those can end at a token (split once, not per
    token asked about)."""
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in map(str.split, phrases):
        by_last[words[-1]].append(tuple(words))
    return {last: tuple(group) for last, group in by_last.items()}


def subject_before_as(scene: Scene, k: int) -> Person | None:
    """'removing X as governor', 'X resigned on Monday as envoy': the nearest person a few words before 'as',
    with no punctuation, conjunction or other person in between."""
    tokens = scene.tokens
    for position in range(k, max(k - 6, -1), -1):
        if position in scene.ends:
            if position < k and _names_an_object(scene, position):
                return None  # 'X appointed the lawyer as minister'
            person = scene.ends[position]
            if position < k and _modifies_a_noun_after_article(scene, person):
                return subject_before_as(scene, person.start - 1)  # 'X served in the [Gaddafi] government as'
            successor = _successor(scene, person)
            if successor is not None:
                return successor
            before = tokens[person.start - 1].lower_ if person.start > 0 else ""
            if before in scene.words.clause_breakers - scene.words.conjunctions:
                return subject_before_as(scene, person.start - 1)  # 'X served under [Y] as ambassador': X served
            return _subject_past_agent(scene, person)
        token = tokens[position - 1] if position > 0 else None
        if token is not None and token.text == "," and tokens[position].lower_ in scene.words.relative_pronouns:
            return scene.ends.get(position - 1)  # 'X, qui fait office de Premier ministre'
        if tokens[position].lower_ in scene.words.relative_pronouns and scene.titles_ending.get(position):
            return _described_by_title(scene, position)  # 'X, a diplomat who served as ambassador'
        if token is not None and token.text == "," and tokens[position].lower_ in scene.words.appointment_words:
            # 'X, appointed by the House as army chief,'; 'X, the bank's deputy governor, was installed as governor'
            return scene.ends.get(_past_apposition(scene, position - 1))
        set_off = scene.ends.get(position - 1) if token is not None and token.text == "," and position == k else None
        if _names_the_subject(scene, set_off):  # 'X, en tant que ministre, a signé': the name the as-phrase is set off from
            return set_off
        if token is not None and token.text == ",":  # 'X, the youngest son, was promoted to the post of'
            opening = apposition_opening(scene, position - 1, MAX_SUBJECT_APPOSITION_TOKENS)
            return scene.ends.get(opening) if opening != position - 1 else None
        if token is not None and is_glued_hyphen(tokens, position - 1):  # 'X was re-elected as speaker'
            continue
        if token is None or token.is_punct or token.lower_ in scene.words.clause_breakers or token.ent_type_ == "PERSON":
            return None
    return None


def _modifies_a_noun_after_article(scene: Scene, person: Person) -> bool:
    """'the Gaddafi government', 'a close Haftar ally': a name between an article (and up to two lower-case content
    words) and a lower-case content word qualifies that word ('a day after X was sworn in' does not)."""
    return _article_before_qualifying_name(scene, person) >= 0


def _article_before_qualifying_name(scene: Scene, person: Person) -> int:
    """Where the article stands before a name that qualifies a noun (`_modifies_a_noun_after_article`), or -1."""
    tokens, k = scene.tokens, person.start - 1
    while k >= 0 and person.start - k <= 2 and _content_word(tokens[k]):
        k -= 1
    qualifies = (k >= 0 and tokens[k].lower_ in scene.words.title_determiners
                 and person.end < len(tokens) and _content_word(tokens[person.end]))
    return k if qualifies else -1


def _content_word(token: TokenLike) -> bool:
    """A lower-case word that no stop list holds."""
    return token.is_lower and token.is_alpha and not token.is_stop


def _names_the_subject(scene: Scene, person: Person | None) -> bool:
    """Is the person the first thing its sentence names, past articles, courtesy titles and the titles written
    before the name ('Le ministre X, en tant que ...')? Not an object ('A a reçu B, en tant que ...')."""
    if person is None:
        return False
    tokens, skipped = scene.tokens, scene.words.title_determiners | scene.words.honorifics
    k = skip_back(tokens, person.start, skipped)
    while k >= 0 and scene.titles_ending.get(k + 1):
        k = skip_back(tokens, min(t.phrase_start for t in scene.titles_ending[k + 1]), skipped)
    return k < 0 or scene.sentence_of[k] != scene.sentence_of[person.start]


def _successor(scene: Scene, person: Person) -> Person | None:
    """'A succeeded B as envoy', 'A, who took over from B as envoy': after a verb of succession, the title is its
    subject's (B held it before); None when no verb of succession precedes B or no person is its subject ('the
    council replaced B as governor': B held the office, as the other patterns read it)."""
    succession = as_phrase_start(scene.tokens, person.start - 1, scene.words.succession_verbs)
    if succession is None:
        return None
    return scene.ends.get(succession) or _subject_of_verb(scene, succession - 1)


def _subject_past_agent(scene: Scene, person: Person) -> Person | None:
    """'X a été nommé le 22 juin par [le secrétaire général] Y comme envoyé': a person named after an agent
    preposition (and the titles before the name) is who appointed, not who was appointed; the subject of the
    appointment verb a few words before is (or nobody)."""
    tokens, words = scene.tokens, scene.words
    k = skip_back(tokens, person.start, words.title_determiners)
    while k >= 0 and scene.titles_ending.get(k + 1):
        k = skip_back(tokens, min(t.phrase_start for t in scene.titles_ending[k + 1]), words.title_determiners)
    if k < 0 or tokens[k].lower_ not in words.agent_prepositions:
        return person
    for verb in range(k - 1, max(k - 6, -1), -1):  # 'nommé [le 22 juin] par': a short adverbial before the agent
        if tokens[verb].lower_ in words.appointment_words:
            return _subject_of_verb(scene, verb)
        if tokens[verb].is_punct or verb in scene.ends:
            break
    return None


def clause_person(scene: Scene, title: Title) -> tuple[Person | None, OrgRef | None, Title | None]:
    """(person, organisation, title that introduces the person) for 'headed by X' / 'X, who heads Y' /
    'X had led Y'; 'Y, que dirige X' names its subject after the verb, as 'dirigé par X' does."""
    tokens, words = scene.tokens, scene.words
    cue = title.cue.split()
    if cue[-1] not in words.agent_prepositions and cue[0] not in words.object_relatives \
            and title.cue not in words.holder_after_cues:
        # the subject before: 'X, who heads Y', 'X, qui est à la tête de Y'
        before = _before_age(scene, _subject_end_before_verb(scene, title.start))  # 'X a été nommé [en 2021] à la tête de Y'
        person = scene.ends.get(before + 1) or scene.ends.get(_before_description(scene, before) + 1)
        if person is None and (before < 0 or scene.sentence_of[before] != scene.sentence_of[title.start]):
            person = _subject_after_opening_clause(scene, title)  # '[Nommé] à la tête du HCE en 2023, X a ...'

        if person is not None and person.end == title.start:
            # 'A succède à B à la tête de Y': A heads Y now; not 'A remplace B, qui dirige Y', which describes B
            person = _successor(scene, person) or person
        org_start = _past_time_phrase_after_verb(scene, title.end)  # 'X dirige [depuis 2022] la NOC'
        while org_start < len(tokens) and tokens[org_start].lower_ in words.before_apposed_title:
            org_start += 1  # 'the', 'then': 'X dirigeait alors l'Organisation ...'
        org = _body_at(tokens, org_start)  # past a qualifying name: "the UN-backed Government of ..."
        # an organisation object of the verb (a country's body, "who chairs Libya's presidential council", keeps
        # the country), unless the cue is a compound's ('the X-led GNS stalled': a verb may follow) or adjectives
        # follow the noun ('qui dirige le gouvernement libyen')
        if (org is not None and cue[0] != "-" and not words.adjectives_follow_noun
                and tokens[org.span[0]].ent_type_ == "ORG" and _modifies_a_noun(tokens, org.span[1], words.possessive_marks)):
            if not _possesses_a_name(tokens, org.span[1], words.possessive_marks):
                return None, None, None  # 'X led the LNA offensive', "who heads the UN's team": no office of the body
            org = _entity_at(tokens, org.span[1] + 1)  # "who commands the LNA's Tariq Ben Zeyad brigade"
            if org is None and cue[0] not in words.relative_pronouns:
                return None, None, None
        if org is not None and _place_possesses_no_body(scene, org.span[1]):
            return None, None, None  # "who led Libya's rebels": people, no body whose office he held
        # without a relative pronoun, only an organisation after the verb makes it an office ('X led the LNA'),
        # or a body's noun after a cue that names the position ('X est à la tête du gouvernement parallèle')
        heads = cue[0] in words.relative_pronouns or org is not None or _heads_a_body(scene, cue, org_start)
        return (person if heads else None), org, None
    k = title.end
    introducing = _stacked_title_at(scene, k)
    if introducing is not None:
        k = introducing.end
    person = scene.starts.get(k) or scene.starts.get(past_description(scene, k))  # "par [l'Américaine] X"
    if person is not None:
        person = _named_after_complement(scene, person)
    else:  # 'commandée par le colonel-major X', 'présidé par le ministre de la Justice, X', 'par son adjointe, X'
        described = introducing or _stacked_title_at(scene, skip_forward(tokens, k, words.title_determiners))
        person = ((scene.starts.get(described.end) if described else None)
                  or _apposed_after_description(scene, past_complements(scene, described.phrase_end) if described else k))
    cue_start = skip_back(tokens, title.start, words.before_apposed_title) + 1  # 'UNSMIL, [currently] led by X'
    j = _before_auxiliaries(tokens, _before_coordinated_participles(scene, cue_start) + 1, words.auxiliaries - {","})
    j = _body_before_place(scene, j)  # 'le gouvernement [de Benghazi], dirigé par X'
    if j >= 0 and tokens[j].text == ")" and j >= 2 and tokens[j - 2].text == "(":
        # 'the Government of National Unity (GNU), led by': the acronym, an organisation, names the body itself
        # ('le gouvernement reconnu par l'ONU (GNA), dirigé par': not the UN); else the name before the bracket
        j -= 1 if tokens[j - 1].ent_type_ == "ORG" else 3
    org = None
    if j >= 0 and tokens[j].ent_type_ in CLAUSE_ORG_LABELS and not _where_a_body_sits(scene, entity_start(tokens, j)):
        org = OrgRef(span=(entity_start(tokens, j), j + 1))
    return (person if _led_is_a_body(scene, j) else None), org, introducing


def _before_auxiliaries(tokens: Sequence[TokenLike], index: int, auxiliaries: frozenset[str]) -> int:
    """As `skip_back` over auxiliaries, which are written in lower case: "le gouvernement de l'Est" ends with the
    east, not with 'est' (is)."""
    index -= 1
    while index >= 0 and tokens[index].lower_ in auxiliaries and not tokens[index].text[:1].isupper():
        index -= 1
    return index


def _body_before_place(scene: Scene, j: int) -> int:
    """'le gouvernement de Benghazi, dirigé par X', "le gouvernement de l'Est", 'le gouvernement basé à Tripoli',
    'une réunion à Tripoli, présidée par X': a place (or a capitalised word in no entity) after a linking word or a
    place preposition says where the noun before it is; that noun (a body's, a participle's before it, or what a
    place preposition follows) is what the clause follows, not the place. `j` when no such noun stands there."""
    tokens, words = scene.tokens, scene.words
    if j < 0 or tokens[j].ent_type_ not in DESCRIBED_PLACE_LABELS + ("",) or not tokens[j].text[:1].isupper():
        return j
    k = skip_back(tokens, entity_start(tokens, j), words.title_determiners)
    if k < 1 or tokens[k].lower_ not in words.linking_words | words.place_prepositions:
        return j
    noun = skip_back(tokens, k, words.title_determiners)
    for at in (noun, noun - 1):  # 'le gouvernement [basé] à Tripoli'
        if at >= 0 and tokens[at].lower_ in words.bodies:
            return at
    return noun if tokens[k].lower_ in words.place_prepositions else j


def _heads_a_body(scene: Scene, cue: Sequence[str], k: int) -> bool:
    """'X est à la tête du gouvernement parallèle', 'X, à la tête de la milice': a cue naming the position (ending
    with a linking word, not a verb: 'X dirige les opérations') before a body's noun that no name follows."""
    tokens = scene.tokens
    return cue[-1] in scene.words.linking_words and k < len(tokens) and tokens[k].lower_ in scene.words.bodies


def in_feminine(scene: Scene, title: Title) -> Title:
    """'la commission, présidée par la ministre X': a clause whose person a feminine article and her title or
    nationality introduce gives the feminine noun ('présidente', 'cheffe'); not 'dirigée par la famille de X'."""
    tokens, words, k = scene.tokens, scene.words, title.end
    feminine = words.feminine_clause_roles.get(title.title)
    if (feminine is None or k + 1 >= len(tokens) or tokens[k].lower_ not in words.feminine_determiners
            or not (_stacked_title_at(scene, k + 1) or scene.national_noun(k + 1))):
        return title
    return replace(title, title=feminine)


def _before_age(scene: Scene, k: int) -> int:
    """'X, 81, has led the LNA': the name's end before an age set off by commas that ends at `k`, or `k`."""
    tokens = scene.tokens
    return k - 2 if k >= 2 and tokens[k].text.isdigit() and tokens[k - 1].text == "," else k


def _subject_end_before_verb(scene: Scene, cue: int) -> int:
    """Where the words before a cue end past its auxiliaries and appointment verb, and a phrase of time between the
    verb and the cue ('X a été nommé en 2021 à la tête de Y'): the subject's last token, if there is one."""
    skipped = scene.words.auxiliaries | scene.words.appointment_words
    before = skip_back(scene.tokens, cue, skipped)
    verb = _verb_before_time_phrase(scene, before)
    return before if verb == before else skip_back(scene.tokens, verb + 1, skipped)


def _body_at(tokens: Sequence[TokenLike], index: int) -> OrgRef | None:
    """The body named at `index` after a verb ('who heads the GNU'); past a name joined by a hyphen to the word
    after it, which qualifies the body and is none ('who leads a UN-brokered government' -> None, 'who heads the
    UN-backed Government of National Accord' -> that government)."""
    org = _entity_at(tokens, index)
    if org is None or org.span[1] + 2 >= len(tokens) or not is_glued_hyphen(tokens, org.span[1]):
        return org
    return _body_at(tokens, org.span[1] + 2)


def _where_a_body_sits(scene: Scene, start: int) -> bool:
    """'a government in Tripoli, led by X', 'le gouvernement basé à Tripoli, dirigé par X': a place after a place
    preposition says where the body led sits, it is not the body."""
    tokens = scene.tokens
    return (start > 0 and tokens[start].ent_type_ != "ORG"
            and tokens[start - 1].lower_ in scene.words.place_prepositions)


def _named_after_complement(scene: Scene, person: Person) -> Person:
    """'dirigée par l'adjointe de X, Y', 'led by the son of X, Y': a person after a linking word is the complement of
    the description before it; the person in apposition after the comma (an article and a nationality noun
    between: "l'Américaine Y") is the one described; else `person`."""
    tokens, k = scene.tokens, person.end + 1
    if person.start == 0 or tokens[person.start - 1].lower_ not in scene.words.linking_words:
        return person
    if person.end >= len(tokens) or tokens[person.end].text != ",":
        return person
    while k < len(tokens) and (tokens[k].lower_ in scene.words.title_determiners or scene.national_noun(k)):
        k += 1
    return scene.starts.get(k, person)


def _apposed_after_description(scene: Scene, k: int) -> Person | None:
    """'dirigée par son adjointe, X', "dirigée par l'homme d'affaires originaire de Tripoli, X": the name in
    apposition after the comma that closes a description at `k` (an introducing title's comma, or a determiner and
    up to eight lower-case words, elided articles and places; no other name or body), if a punctuation mark or a
    relative pronoun closes the name: else it may open a new clause ('par des civils, X a dit')."""
    tokens = scene.tokens
    if k >= len(tokens) or not (tokens[k].text == "," or tokens[k].lower_ in scene.words.title_determiners):
        return None
    for comma in range(k, min(k + MAX_DESCRIPTION_TOKENS, len(tokens) - 1)):
        token = tokens[comma]
        if token.text == ",":
            person = scene.starts.get(comma + 1)
            return person if person is not None and _closes_apposition(scene, person.end) else None
        if not (token.is_lower or token.ent_type_ in DESCRIBED_PLACE_LABELS) or token.ent_type_ in ("PERSON", "ORG"):
            return None
    return None


def _closes_apposition(scene: Scene, end: int) -> bool:
    """Does the apposed name ending at `end` close there (the text's end, a punctuation mark, 'qui')?"""
    tokens = scene.tokens
    return (end >= len(tokens) or tokens[end].text in APPOSITION_END_PUNCTUATION
            or tokens[end].lower_ in scene.words.relative_pronouns)


def _before_description(scene: Scene, last: int) -> int:
    """The end of the name before a short lower-case description in apposition that ends at `last`: 'X, l'homme
    fort de l'est du pays à la tête de Y' (a determiner after the comma, then up to seven lower-case words and
    elided articles, no entity), or -1."""
    tokens = scene.tokens
    for comma in range(last, max(last - 9, 0), -1):
        token = tokens[comma]
        if token.text == ",":
            opened = comma < last and tokens[comma + 1].lower_ in scene.words.title_determiners
            return comma - 1 if opened else -1
        if token.ent_type_ or not (token.is_lower or token.lower_ in scene.words.title_determiners):
            return -1
    return -1


def _before_coordinated_participles(scene: Scene, cue: int) -> int:
    """What a clause cue at `cue` follows, past commas and conjunctions; past participles coordinated before it too
    ('le Conseil, composé de neuf membres et dirigé par X', 'le Conseil est composé de ... et dirigé par X': the
    token before the comma or the auxiliary that opens them, up to ten tokens back with no other punctuation, person
    or title)."""
    tokens = scene.tokens
    j = skip_back(tokens, cue, scene.words.chain_words)
    if cue == 0 or tokens[cue - 1].lower_ not in scene.words.conjunctions:
        return j
    for k in range(cue - 2, max(cue - 2 - MAX_CLAUSE_TOKENS, 0), -1):
        if tokens[k].text == ",":
            return k - 1
        if tokens[k].lower_ in scene.words.auxiliaries:  # 'le Conseil est composé de ... et dirigé par X'
            return skip_back(tokens, k + 1, scene.words.auxiliaries - {","})
        if tokens[k].is_punct or tokens[k].ent_type_ == "PERSON" or (k in scene.titles_at and not scene.titles_at[k].plural):
            return j  # ('composé de neuf membres' is no one's title)
    return j


def _led_is_a_body(scene: Scene, j: int) -> bool:
    """Is what a clause such as 'led by X' follows a body ('the government', 'forces', 'the LNA', 'the PC is'), not
    an act ('an oath led by X', 'the talks are chaired by X')?"""
    tokens = scene.tokens
    j = _before_compass_place(scene, skip_back(tokens, j + 1, scene.words.auxiliaries - {","}))
    if scene.words.adjective_endings:  # 'le gouvernement [libyen]', 'la garde [nationale]': adjectives follow the body
        while j > 0 and tokens[j].is_lower and (j in scene.nationalities
                                                or tokens[j].lower_.endswith(scene.words.adjective_endings)):
            j -= 1
    return j >= 0 and (bool(tokens[j].ent_type_) or tokens[j].lower_ in scene.words.bodies)


def _before_compass_place(scene: Scene, j: int) -> int:
    """'the rebel administration [in the south], led by X': where a body sits, written as a point of the compass
    after a place preposition, follows the body; the token before the preposition, or `j`."""
    tokens, words = scene.tokens, scene.words
    if j < 0 or tokens[j].lower_ not in words.compass_words:
        return j
    k = skip_back(tokens, j, words.title_determiners)
    return k - 1 if k > 0 and tokens[k].lower_ in words.place_prepositions else j


def past_description(scene: Scene, k: int) -> int:
    """Past a short lower-case description before a name: 'led by [his rival] X', 'présidé par [son rival
    politique] X' (determiners, a nationality noun, and up to three lower-case words, no entity)."""
    tokens = scene.tokens
    while k < len(tokens) and (tokens[k].lower_ in scene.words.title_determiners or scene.national_noun(k)):
        k += 1  # "dirigée par [l'Américaine] X"
    for end in range(k, min(k + 3, len(tokens))):
        token = tokens[end]
        if not (token.text.isalpha() and token.text == token.lower_ and not token.ent_type_):
            return end
    return min(k + 3, len(tokens))


def _modifies_a_noun(tokens: Sequence[TokenLike], end: int, possessive_marks: frozenset[str]) -> bool:
    """Is the name ending at `end` a modifier of the noun after it ('the LNA offensive', "the UN's team")? A
    possessive, or a lower-case content word (no function word: 'the LNA until 2020', 'the LNA and ...')."""
    if end >= len(tokens):
        return False
    after = tokens[end]
    return after.lower_ in possessive_marks or (after.is_lower and after.is_alpha and not after.is_stop)


def _place_possesses_no_body(scene: Scene, end: int) -> bool:
    """Is the place ending at `end` a possessive before lower-case words none of which is a body ("Libya's rebels",
    "the country's youth"), not before one ("Libya's presidential council")?"""
    tokens = scene.tokens
    if end >= len(tokens) or tokens[end - 1].ent_type_ == "ORG" or tokens[end].lower_ not in scene.words.possessive_marks:
        return False
    k = end + 1
    while k < len(tokens) and tokens[k].is_lower and tokens[k].is_alpha:
        if tokens[k].lower_ in scene.words.bodies:
            return False
        k += 1
    return k > end + 1


def _possesses_a_name(tokens: Sequence[TokenLike], end: int, possessive_marks: frozenset[str]) -> bool:
    """A possessive at `end` and a capitalised name after it ("the LNA's Tariq Ben Zeyad brigade")."""
    return (end + 1 < len(tokens) and tokens[end].lower_ in possessive_marks
            and tokens[end + 1].text[:1].isupper())


def _entity_at(tokens: Sequence[TokenLike], index: int) -> OrgRef | None:
    """The organisation or place entity starting at `index`."""
    if index >= len(tokens) or tokens[index].ent_iob_ != "B" or tokens[index].ent_type_ not in CLAUSE_ORG_LABELS:
        return None
    end = index + 1
    while end < len(tokens) and tokens[end].ent_iob_ == "I":
        end += 1
    return OrgRef(span=(index, end))


def bracketed_body(tokens: Sequence[TokenLike], title: Title, words: RoleWords, nationalities: frozenset[int]
                   = frozenset()) -> Title:
    """'chef du gouvernement reconnu par l'ONU (GNA)', 'président du Parlement (HoR)': an office written with a
    body's bare noun, then words that qualify the body (no comma, no person; a nationality word, a participle and
    its agent) and an organisation's acronym in brackets, is the office's head of that organisation ('chef' of the
    GNA); the title unchanged otherwise, or when it names another organisation already."""
    written = title.title.split()
    if len(written) < 3 or written[-1].lower() not in words.bodies or written[-2].lower() not in words.linking_words \
            or (title.org is not None and title.org.span is not None) or title.category != "office":
        return title
    k = title.phrase_end
    while k < min(title.phrase_end + MAX_BODY_QUALIFIER_TOKENS, len(tokens)) and tokens[k].text != "(":
        if tokens[k].is_punct or tokens[k].ent_type_ == "PERSON" or not (tokens[k].is_lower or tokens[k].ent_type_
                                                                          or k in nationalities):
            return title
        k += 1
    if k + 2 >= len(tokens) or tokens[k].text != "(" or tokens[k + 1].ent_type_ != "ORG" or tokens[k + 2].text != ")":
        return title
    return replace(title, title=" ".join(written[:-2]), phrase_end=k + 3, org=OrgRef(span=(k + 1, k + 2)))


def person_as_owner(title: Title, people: frozenset[Person]) -> Title:
    """"Tantoush's deputy, X": a name the titles read as a body before the resolver found it a person's names whose
    office it is (`of`), not its organisation: a person is no organisation."""
    org = title.org
    if org is None or org.span is None or title.of is not None or Person(*org.span) not in people:
        return title
    return replace(title, org=None, of=org.span)


def modifier_body(words: Sequence[str], modifiers: frozenset[str]) -> str | None:
    """The body a modifier left out of a title names, if the lower-case words around the title write one
    ('Libya's central bank governor', 'governor of Libya's central bank' -> 'central bank')."""
    text = " ".join(words)
    return next((m for m in sorted(modifiers, key=len, reverse=True) if f" {m} " in f" {text} "), None)


def country_body_names(body: str, country: str, demonyms: Sequence[str], patterns: frozenset[str]) -> list[str]:
    """The names a country's body so described may bear ('{body} of {country}' -> 'central bank of Libya',
    '{demonym} {body}' -> 'Libyan central bank'): the organisation a title's country stands for is that body
    when the knowledge base knows one of these names."""
    names = []
    for pattern in sorted(patterns):
        for demonym in (demonyms if "{demonym}" in pattern else ("",)):
            names.append(pattern.format(body=body, country=country, demonym=demonym))
    return names
