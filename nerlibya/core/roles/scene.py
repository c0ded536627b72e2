"""What every pattern reads: the token protocol, a person's token range, one language's role words, one
document's scene, and the small walks over tokens that the patterns share."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, NamedTuple, Protocol, Sequence

from ...knowledge.lexicon import Lexicon
from ..types import OrgRef, Title


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
MAX_CAPACITY_OPENING = 4  # 'during his tenure' before an 'as' that opens the sentence
MAX_PRONOUN_SENTENCES = 3  # sentences back to a pronoun's antecedent
MAX_OPENING_TOKENS = 8  # a short phrase before a sentence's subject ('Before that, she')
MAX_BODY_QUALIFIER_TOKENS = 6  # 'reconnu par la communauté internationale' before a body's bracketed acronym
MAX_APPOSITION_TOKENS = 8  # 'X, 51 ans, un ancien haut fonctionnaire': an apposition before a title
MAX_SUBJECT_APPOSITION_TOKENS = 12  # 'X, un ancien officier rebelle originaire de Nalout, a été nommé': before a verb
MAX_RELATIVE_TOKENS = 8  # 'son of Field Marshal Khalifa Haftar': the relative's names, titles and articles


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
    relative_possessives: frozenset[str]  # 'the NOC, whose chairman is X': the title's holder after a copula
    apposition_end: frozenset[str]
    chain_words: frozenset[str]
    before_chained_title: frozenset[str]
    before_appointed_title: frozenset[str]
    age_words: frozenset[str]
    agent_prepositions: frozenset[str]
    name_connectors: frozenset[str]
    linking_words: frozenset[str]
    before_shared_title: frozenset[str]
    list_openers: frozenset[str]  # 'deputies, [namely] A, B and C'
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
    object_clitics: frozenset[str] = frozenset()  # "X s'[en] est proclamé le chef": between a subject and its verb

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
            object_clitics=words.object_clitics,
            clause_breakers=words.clause_breakers,
            relative_pronouns=words.relative_pronouns,
            relative_possessives=words.relative_possessives,
            apposition_end=APPOSITION_END_PUNCTUATION | words.conjunctions | words.relative_pronouns,
            chain_words=chain_words,
            before_chained_title=words.title_determiners | chain_words,
            before_appointed_title=words.title_determiners | words.appointment_prepositions | words.adverbs,
            age_words=words.age_words,
            agent_prepositions=words.agent_prepositions,
            name_connectors=words.conjunctions | words.linking_words,
            linking_words=words.linking_words,
            before_shared_title=words.title_determiners | words.quantifiers,
            list_openers=words.list_openers,
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


def is_glued_hyphen(tokens: Sequence[TokenLike], i: int) -> bool:
    """tokens[i] is a hyphen written between two words with no space ('re-elected', 'Follow-Up'), not a dash."""
    return (tokens[i].text in ("-", "\u2011") and i > 0 and tokens[i].text_with_ws == tokens[i].text
            and tokens[i - 1].text_with_ws == tokens[i - 1].text)


def opens_aside(tokens: Sequence[TokenLike], i: int) -> bool:
    """tokens[i] sets what follows apart from the name before it: a comma, a bracket, a dash, or a hyphen typed
    with a space on each side for a dash ('X - who served as premier -')."""
    token = tokens[i]
    return token.text in APPOSITION_OPENERS or (
        token.text == "-" and i > 0 and token.text_with_ws != token.text and tokens[i - 1].text_with_ws != tokens[i - 1].text)


def skip_forward(tokens: Sequence[TokenLike], index: int, words: frozenset[str]) -> int:
    """Index of the first token from `index` on whose lower form is not in `words` (or the end)."""
    while index < len(tokens) and tokens[index].lower_ in words:
        index += 1
    return index


def past_spaces(tokens: Sequence[TokenLike], index: int, step: int = 1) -> int:
    """Past the extra spaces a page typed at `index` ('le chef du gouvernement,  X'; with `step` -1, backwards: 'X,
    ministre'): spaCy makes a token of them, which would stand between a comma and its name or title; a line
    break is no space here, it ends a line."""
    while 0 <= index < len(tokens) and tokens[index].text.isspace() and "\n" not in tokens[index].text:
        index += step
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


def time_phrase_opening(scene: Scene, k: int, longest: int, inner: frozenset[str] = frozenset(),
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


def stacked_title_at(scene: Scene, k: int) -> Title | None:
    """The title (no clause) written at `k`, or whose phrase opens there with words its title leaves out ('The
    envoy, [former] Jordanian foreign minister X': 'former' opens the phrase of 'foreign minister'); or None."""
    title = scene.titles_at.get(k) or scene.titles_from.get(k)
    return title if title is not None and title.category != "clause" else None


def is_adverb(scene: Scene, token: TokenLike) -> bool:
    """A lower-case adverb of manner or time ('unanimously', 'temporarily'): an ending of `adverb_endings` on a
    content word of five letters or more."""
    word = token.text
    return (len(word) > 4 and word.isalpha() and word.islower() and not token.is_stop
            and word.endswith(scene.words.adverb_endings))


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


def entity_at(tokens: Sequence[TokenLike], index: int) -> OrgRef | None:
    """The organisation or place entity starting at `index`."""
    if index >= len(tokens) or tokens[index].ent_iob_ != "B" or tokens[index].ent_type_ not in CLAUSE_ORG_LABELS:
        return None
    end = index + 1
    while end < len(tokens) and tokens[end].ent_iob_ == "I":
        end += 1
    return OrgRef(span=(index, end))
