"""Read title phrases: pure functions over a token sequence, the lexicon units found in it and its entities.

A title is a run of lexicon units that ends with an office or a rank: 'former Foreign Minister',
'Deputy Commander-in-Chief', 'military spokesman', 'le Premier ministre'. Around it we read whose
office it is: a nationality word ('French President'), a possessive ('Libya's', 'Macron's'), an
organisation right before ('LNA spokesman'), or a complement ('of the Libyan National Army',
'to the French President', 'du Conseil présidentiel'). A portfolio stays in the title ('Minister of
Foreign Affairs').

Tokens are anything with spaCy's token attributes used here (`text`, `text_with_ws`, `lower_`, `is_lower`,
`is_alpha`, `is_stop`, `is_punct`, `ent_type_`,
`ent_iob_`, `ent_id_`, `whitespace_`) and entities anything with `start`, `end`, `label_`, `id_`,
`text`: a spaCy Doc and its Spans are such, and tests pass plain records. Nothing here imports spaCy.

One concern: reading title phrases and whose office they name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable, Mapping, Protocol, Sequence

from ..knowledge.lexicon import Lexicon, Words
from ..text.name_shapes import NameShapes
from ..text.normalize import fold
from .types import OrgRef, Title, TokenRange

TITLE_UNITS = ("QUAL", "MOD", "OFFICE", "PLURAL", "RANK")
HEADS = ("OFFICE", "PLURAL", "RANK")
PLACE_OR_ORG = frozenset({"ORG", "GPE", "LOC", "FAC"})
MAX_NAME_TOKENS = 6
MAX_UNIT_WORDS = 4
HYPHENS = ("-", "‑")
# an organisation or portfolio named after a title without being an entity ('Envoy of the Arab League'): no
# longer than this, so that a run of capitalised words is not read again from each title in it
MAX_COMPLEMENT_TOKENS = 12


class TokenLike(Protocol):
    text: str
    text_with_ws: str
    lower_: str
    is_lower: bool
    is_alpha: bool
    is_stop: bool
    is_punct: bool
    ent_type_: str
    ent_iob_: str
    ent_id_: str
    whitespace_: str


class EntityLike(Protocol):
    start: int
    end: int
    label_: str
    id_: str
    text: str


@dataclass(slots=True)
class Unit:
    """A lexicon match: tokens `start:end` of a category (OFFICE, RANK, MOD, QUAL, COMP, CLAUSE, ...)."""

    doc: Sequence[TokenLike]
    start: int
    end: int
    cat: str

    @property
    def phrase(self) -> str:
        """Lower-cased text, built when asked for: most units (prepositions, modifiers) never are."""
        return span_text(self.doc, self.start, self.end).lower()


def without_verbs(units: list[Unit], verb_qualifiers: frozenset[str], auxiliaries: frozenset[str]) -> list[Unit]:
    """The units less the qualifiers written as a verb: one of `verb_qualifiers` right after an auxiliary, a
    relative pronoun, a person's name or a subject written as an acronym or closing a bracket ('the revolt that
    ousted dictator X', 'Y suspended Foreign Minister Z', 'OFAC designated militia leader W') is the verb's past
    tense, not part of the title after it ('the ousted president X', 'the suspended foreign minister' keep it)."""
    return [u for u in units if not (u.cat == "QUAL" and u.phrase in verb_qualifiers and u.start > 0
                                     and _ends_a_subject_or_auxiliary(u.doc[u.start - 1], auxiliaries))]


def plural_verbs_as_clauses(units: list[Unit], clause_cues: Mapping[str, str]) -> list[Unit]:
    """The units, with a plural office spelt like a clause's verb read as that verb right after a person's name ('X
    heads the fund': the verb, not 'heads of state')."""
    return [Unit(u.doc, u.start, u.end, "CLAUSE") if (u.cat == "PLURAL" and u.phrase in clause_cues and u.start > 0
                                                       and u.doc[u.start - 1].ent_type_ == "PERSON") else u
            for u in units]


def without_verb_offices(units: list[Unit], verb_offices: frozenset[str], complementisers: frozenset[str],
                         determiners: frozenset[str]) -> list[Unit]:
    """The units less the offices written as a verb: one of `verb_offices` right before a complementiser and not
    after a determiner ('X, spécialiste de la Libye, juge que ...' is the verb 'juger'; 'le juge que ...' keeps
    its judge)."""
    return [u for u in units if not (u.cat == "OFFICE" and u.end < len(u.doc) and u.phrase in verb_offices
                                     and u.doc[u.end].lower_ in complementisers
                                     and (u.start == 0 or u.doc[u.start - 1].lower_ not in determiners))]


def _common_noun_at(doc: Sequence[TokenLike], index: int, words: Words) -> bool:
    """A lower-case word other than an of-word at `index`: the nationality before it modifies it."""
    return index < len(doc) and doc[index].is_lower and doc[index].is_alpha and doc[index].lower_ not in words.of_words


def _ends_a_subject_or_auxiliary(token: TokenLike, auxiliaries: frozenset[str]) -> bool:
    """'that', 'has', 'Kadi', 'OFAC', '(OFAC)': after these a past participle is the verb of a clause."""
    return token.lower_ in auxiliaries or token.ent_type_ == "PERSON" or token.text == ")" or _is_acronym(token)


def _is_acronym(token: TokenLike) -> bool:
    """'OFAC', 'IT': two letters or more, all capitals."""
    text = token.text
    return len(text) > 1 and text.isalpha() and text.isupper()


def clauses_around_dates(doc: Sequence[TokenLike], units: list[Unit], cue_verbs: frozenset[str],
                         words: Words) -> list[Unit]:
    """The units, and a passive clause cue split by a time phrase ('chaired since 2022 by X', 'headed until
    2020 by Y') as one CLAUSE unit: the verb of a 'verb by' cue, a time preposition, up to four words of a date,
    and the agent preposition."""
    dated_words = (words.calendar_words | words.time_nouns | words.leading_determiners | words.of_words
                   | words.time_prepositions)  # "jusqu'en 2021": the preposition may be two words
    found = {}
    for i in range(len(doc) - 3):
        if doc[i].lower_ not in cue_verbs or doc[i + 1].lower_ not in words.time_prepositions:
            continue
        j = i + 2
        while j < min(i + 6, len(doc)) and (doc[j].text.isdigit() or doc[j].lower_ in dated_words):
            j += 1
        if j > i + 2 and j < len(doc) and doc[j].lower_ in words.agent_prepositions:
            found[i] = Unit(doc, i, j + 1, "CLAUSE")
    if not found:
        return units
    # the verb alone may be a cue of its own ('X headed the council'): the passive reading replaces it
    kept = [u for u in units if not any(f.start <= u.start < f.end or u.start <= f.start < u.end for f in found.values())]
    return sorted(kept + list(found.values()), key=lambda u: u.start)


def runs(units: list[Unit], appointment_verbs: frozenset[str] = frozenset(),
         adjectives_follow_noun: bool = False, joiners: frozenset[str] = frozenset(),
         nationalities: frozenset[int] = frozenset(), modifiers: frozenset[str] = frozenset(),
         honorifics: frozenset[str] = frozenset()) -> list[list[Unit]]:
    """Group adjacent title units; a rank after an office starts a new title, unless an office follows it at
    once (the rank word is then a modifier: 'deputy general commander'); a run must end
    with an office or rank, and a lone lower-case rank used as an adjective makes none ('a major obstacle';
    where adjectives follow the noun, a modifier or a nationality adjective (at `nationalities`) after the rank
    says it is a noun: 'le commandant militaire', 'le colonel canadien').
    (Any other unit between two title units keeps them apart, and so does a capitalised office after one written in
    lower case that is none of `modifiers`: 'spokesman Ambassador X', not 'deputy Prime Minister'; an office that
    is also one of `honorifics` opens a title of its own: 'Emir Sheikh X', 'Minister of Foreign Affairs Sheikh
    X'.) A qualifier that is also an appointment verb
    does not open a run: 'désigné Premier ministre' is 'appointed Prime Minister' (the qualifier,
    'Premier ministre désigné', follows the noun). Two modifiers joined by one of `joiners` share the office
    after them: 'Economy and Finance Minister'."""
    runs: list[list[Unit]] = []
    current: list[Unit] = []
    for index, unit in enumerate(units):
        if current and _joined_modifiers(current[-1], unit, joiners) and not _portfolio_of_office(units, index - 1):
            current.append(unit)
            continue
        opens = not current or current[-1].end != unit.start
        if unit.cat not in TITLE_UNITS or (opens and unit.cat == "QUAL" and unit.phrase in appointment_verbs):
            continue
        if current and (current[-1].end != unit.start or _capitalised_after_lower_office(current[-1], unit, modifiers)
                        or (unit.phrase in honorifics and current[-1].cat != "QUAL")
                        or (unit.cat == "RANK" and current[-1].cat == "OFFICE" and not _office_follows(units, index))):
            _add_run(runs, current)
            current = []
        current.append(unit)
    _add_run(runs, current)
    modified = {u.start for u in units if u.cat in ("MOD", "QUAL")} | nationalities if adjectives_follow_noun else set()
    return [run for run in runs if run[-1].end in modified or not _rank_used_as_adjective(run[0].doc, run)]


@dataclass(frozen=True)
class TitleReader:
    """What reading titles needs to know: one language's lexicon, the KB's nationality words (folded
    demonym -> place id), whether the KB knows a name, and the KB's place acronyms as written (without dots:
    'US' -> united-states), which a title reads as nationality words ('a former US official')."""

    lexicon: Lexicon
    demonyms: Mapping[str, str]
    is_known_name: Callable[[str], bool]
    place_acronyms: Mapping[str, str] = field(default_factory=dict)

    @property
    def words(self) -> Words:
        return self.lexicon.words

    @cached_property
    def shapes(self) -> NameShapes:
        return NameShapes.of(self.words, frozenset(self.demonyms))

    @cached_property
    def owned_nouns(self) -> frozenset[str]:
        """Nouns that name what a body or place owns ('government', 'mission', 'municipality')."""
        heads = self.lexicon.heads
        return heads.bodies | heads.generic_bodies | self.words.place_nouns

    @cached_property
    def portfolio_words(self) -> frozenset[str]:
        """Words a portfolio is written with ('Finance', 'Affairs', 'Employment')."""
        return self.lexicon.modifiers | self.words.portfolio_nouns

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Honorifics, offices and ranks, whole: none opens a person's name ('Sheikh Omar Ali')."""
        return self.lexicon.honorifics | self.lexicon.offices | self.lexicon.ranks

    @cached_property
    def countries(self) -> frozenset[str]:
        """The ids of the places the KB gives a nationality word: countries, not towns."""
        return frozenset(self.demonyms.values())

    def _names_an_origin(self, comp: Unit, ent: EntityLike | None) -> bool:
        """'a businessman from Misrata', 'a former judge from al-Qubba': a town after an origin preposition says
        where the person comes from, not whose office it is (a country may: 'an envoy from Egypt')."""
        return (ent is not None and comp.phrase in self.words.origin_prepositions and ent.label_ in ("GPE", "LOC")
                and ent.id_ not in self.countries)

    def read(self, doc: Sequence[TokenLike], units_by_cat: Mapping[str, list[Unit]], title_runs: list[list[Unit]],
             ents: Sequence[EntityLike]) -> list[Title]:
        """Every title of a document, in text order."""
        ctx = _Context(doc=doc, by_start={e.start: e for e in ents}, by_end={e.end: e for e in ents},
                       comps={u.start: u for u in units_by_cat.get("COMP", ())},
                       modifiers_at={u.start: u for u in [*units_by_cat.get("MOD", ()), *units_by_cat.get("QUAL", ())]},
                       quals_ending={u.end: u for u in [*units_by_cat.get("MOD", ()), *units_by_cat.get("QUAL", ())]},
                       quals_at={u.start: u for u in units_by_cat.get("QUAL", ())},
                       run_ends=frozenset(run[-1].end for run in title_runs))
        titles = self.run_titles(ctx, title_runs) + self.clause_titles(units_by_cat.get("CLAUSE", []))
        return sorted(titles, key=lambda t: t.start)

    # -- context around a title ----------------------------------------------------------------
    def demonym_place(self, token: TokenLike) -> str | None:
        """The place a nationality word names: a KB demonym, or a place's acronym no entity holds (one the
        cleanup read as a modifier: 'a U.S. air strike', 'the US envoy'), matched as written."""
        place = self.demonyms.get(fold(token.text))
        if place is None and not token.ent_type_ and token.text[:1].isupper():
            place = self.place_acronyms.get(token.text.replace(".", ""))
        return place

    def follows_as_nationality(self, token: TokenLike) -> bool:
        """Is the token a nationality adjective written after a title ('le colonel canadien', 'le président
        burkinabè')? A KB demonym, or a lower-case word of the language's nationality list (no place then)."""
        return self.words.adjectives_follow_noun and bool(
            self.demonym_place(token) or (token.is_lower and self.shapes.is_nationality(token.text)))

    def left_context(self, ctx: "_Context", start: int) -> tuple[OrgRef | None, TokenRange | None, int]:
        """Organisation (or person) named before the title, and where the whole phrase starts."""
        j = start - 1
        if j < 0:
            return None, None, start
        token = ctx.doc[j]
        place = self.demonym_place(token)
        if place:
            return OrgRef(id=place), None, self._compound_nationality_start(ctx.doc, j)
        if self._capitalised_nationality(token):
            return None, None, self._compound_nationality_start(ctx.doc, j)  # 'former Jordanian foreign minister'
        owner = self._owner_of_relative(ctx, j)
        if owner is not None:
            return owner, None, start  # 'the House of Representatives, whose speaker, X'
        if token.text in self.words.possessive_marks and j > 0:
            ent = ctx.ent_ending_at(j - 1)
            if ent is not None:
                if ent.label_ == "PERSON":
                    return None, (ent.start, ent.end), ent.start
                return OrgRef(span=(ent.start, ent.end)), None, ent.start
        ent = ctx.ent_ending_at(j)
        if ent is None and j > 2 and token.text == ")" and ctx.doc[j - 2].text == "(":
            ent = ctx.ent_ending_at(j - 3)  # 'the National Oil Corporation (NOC) chief'
        if ent is None and j > 0 and token.text in HYPHENS and not _written_apart(ctx.doc, j):
            ent = ctx.ent_ending_at(j - 1)  # 'the HoR-designated premier', 'a UN-appointed envoy'
        if ent is not None and ent.label_ in PLACE_OR_ORG:
            return OrgRef(span=(ent.start, ent.end)), None, ent.start
        if _unread_acronym_before(ctx.doc, j):
            return OrgRef(span=(j, j + 1)), None, j
        compound = self._compound_modifier_start(ctx, j)
        return None, None, start if compound is None else compound

    def _owner_of_relative(self, ctx: "_Context", j: int) -> OrgRef | None:
        """'the House of Representatives, whose speaker', 'le Parlement, dont le président': the organisation named
        right before a possessive relative (and its comma) that opens the title at `j` (past its determiner)."""
        words = self.words
        if ctx.doc[j].lower_ in words.title_determiners and j > 0:
            j -= 1
        if ctx.doc[j].lower_ not in words.relative_possessives or j < 1:
            return None
        ent = ctx.ent_ending_at(j - 2 if ctx.doc[j - 1].text == "," and j > 1 else j - 1)
        return OrgRef(span=(ent.start, ent.end)) if ent is not None and ent.label_ == "ORG" else None

    def _complement_of_title_before(self, ctx: "_Context", k: int) -> bool:
        """'WHO Representative in Libya Dr. X', 'the envoy to Libya Gen. X': a place or body written at `k` after
        another title and its preposition is that title's complement, not whose the rank after it is (an office's
        may be: 'the Special Representative of the UN Secretary-General')."""
        j = k - 1
        while j > 0 and ctx.doc[j].lower_ in self.words.title_determiners:
            j -= 1
        return j in ctx.comps and j in ctx.run_ends

    def _capitalised_nationality(self, token: TokenLike) -> bool:
        """A nationality, capitalised, whether or not the KB has its place ('Jordanian')."""
        return token.text[:1].isupper() and (bool(self.demonym_place(token)) or self.shapes.is_nationality(token.text))

    def _compound_nationality_start(self, doc: Sequence[TokenLike], j: int) -> int:
        """'a Libyan-American businessman', 'British-Libyan activist X': nationalities glued by hyphens before a
        title are one word; where the first starts (the last says whose office it is)."""
        while j >= 2 and doc[j - 1].text in HYPHENS and not _written_apart(doc, j - 1) \
                and self._capitalised_nationality(doc[j - 2]):
            j -= 2
        return j

    def _compound_modifier_start(self, ctx: "_Context", j: int) -> int | None:
        """'X, the Tripoli-based interior minister', 'a Gaddafi-era minister': a word joined by a hyphen to a
        participle (or to a word of `compound_modifier_ends`) right before a title describes the holder and is no part
        of the title (nor says whose office it is); where the compound starts (the entity before the hyphen as a
        whole), so that an apposition reaches the name past it. None when `j` ends no such compound."""
        doc = ctx.doc
        word = doc[j]
        if j < 2 or not (word.is_lower and word.is_alpha) or doc[j - 1].text not in HYPHENS or _written_apart(doc, j - 1):
            return None
        ending = word.lower_.endswith(self.words.past_tense_endings) or word.lower_ in self.words.compound_modifier_ends
        if not (ending and doc[j - 2].is_alpha):
            return None
        ent = ctx.ent_ending_at(j - 2)
        return ent.start if ent is not None else j - 2

    def complement(self, ctx: "_Context", end: int, head: str, owned: bool = False) -> "Complement":
        """Read 'of/to/for ...' after a title: organisation, person served, portfolio, phrase end. The
        first reading that applies decides: an entity, a nested title, a common noun, a capitalised name.
        `owned`: a body or person written before the title says whose office it is ("Amnesty's director", "the
        President's adviser")."""
        doc = ctx.doc
        base = Complement(phrase_end=end)
        k = end
        if k < len(doc) and self.follows_as_nationality(doc[k]):  # 'ministre turc de la Défense'
            place = self.demonym_place(doc[k])
            k = end + 1
            base = Complement(org=OrgRef(id=place) if place else None, phrase_end=k)
        comp = ctx.comps.get(k)
        if comp is None:
            return base
        k = comp.end
        while k < len(doc) and doc[k].lower_ in self.words.title_determiners:
            k += 1
        if k >= len(doc) or (doc[k].lower_ in self.words.calendar_words and comp.phrase not in self.words.of_words):
            return base  # 'became interior minister in May': a date, not whose office it is
        k = self._past_word_before_body(ctx, k)
        # 'a researcher in the department of history': where the holder sits, no unit of the office
        unit = None if self._says_where(doc, comp.start) else self._unit(ctx, base, comp.end, k)
        if unit is not None:  # 'chairman of the board', 'head of IT': a unit of the body, kept in the title
            return unit
        ent = ctx.ent_starting_at(k)
        if self._names_an_origin(comp, ent):
            return base
        if _qualifies_next_word(doc, ent.end if ent is not None else k + 1):
            # 'head of the UN-backed government': the name qualifies the complement, it is not one; the body
            # named after it is ('head of the UN-backed Government of National Accord')
            qualified = (ent.end if ent is not None else k + 1) + 2
            return self._entity_complement(ctx, qualified, ctx.ent_starting_at(qualified), head, base) or base
        if k in ctx.runs_at and k > comp.end:  # 'of the UN Secretary-General': a title with its organisation
            return self._nested_complement(ctx, k, base)  # before it ('of Germany Ambassador X' is two titles)
        if ent is not None and ent.label_ == "ORG" and (nested := ctx.runs_at.get(ent.end)) is not None \
                and nested.phrase_start == k:  # 'a spokesperson for UN Secretary-General X': X's spokesperson
            return self._nested_complement(ctx, ent.end, base)
        written_with_title = bool(head) and self._portfolio_may_follow(doc, comp.end, k)
        right = (self._entity_complement(ctx, k, ent, head, base, owned)
                 or self._nested_complement(ctx, k, base)
                 or self._common_noun_complement(ctx, k, head if written_with_title else "", base,
                                                 comp.phrase.split()[0] in self.words.of_words)
                 or self._name_complement(ctx, k, ent, head, base))
        if base.org is not None and comp.phrase in self.lexicon.heads.posting_joiners:
            # 'le chef de la diplomatie française en Algérie': the nationality says whose office it is, the
            # place after 'en' where its holder is
            return replace(right, org=base.org)
        return right

    def _past_word_before_body(self, ctx: "_Context", k: int) -> int:
        """'Speaker of the Libyan Tobruk-based House of Representatives, X', 'chair of the 1970 Sanctions Committee,
        X': a nationality word before a named body, or before a name qualifying one, is not whose office it is, and a
        number the model left out of the body's name is read with it: where the body's reading starts."""
        following = ctx.ent_starting_at(k + 1)
        if following is None:
            return k
        if ctx.doc[k].text.isdigit():
            return k + 1 if following.label_ == "ORG" else k
        if not self.demonym_place(ctx.doc[k]):
            return k
        return k + 1 if following.label_ == "ORG" or _qualifies_next_word(ctx.doc, following.end) else k

    def _unit(self, ctx: "_Context", base: "Complement", opening: int, k: int) -> "Complement | None":
        """A unit inside a body written at `k`, after the words from `opening` ('of [the] board', 'of [its] executive
        committee', 'of [the LNA's] media office'): kept in the title without its possessor, which is whose
        office it is."""
        doc, org = ctx.doc, None
        possessor = ctx.ent_starting_at(k)
        if (possessor is not None and possessor.label_ in PLACE_OR_ORG and possessor.end + 1 < len(doc)
                and doc[possessor.end].text in self.words.possessive_marks):
            org, k = OrgRef(span=(possessor.start, possessor.end)), possessor.end + 1
        elif possessor is not None and possessor.label_ in ("GPE", "LOC"):
            # 'director of the Middle East programme', 'head of the Libya desk': the place names the unit, whose
            # body may follow ('at Chatham House')
            unit_end = self._unit_end(doc, possessor.end)
            return None if unit_end is None else replace(base, portfolio_end=unit_end, phrase_end=unit_end)
        unit_end = self._unit_end(doc, k)
        if unit_end is None:
            return None
        owned = org is not None or any(doc[i].lower_ not in self.words.leading_determiners for i in range(opening, k))
        return replace(base, org=org or base.org, portfolio_end=unit_end, phrase_end=unit_end,
                       unwritten=(opening, k) if owned else None)

    def _portfolio_may_follow(self, doc: Sequence[TokenLike], start: int, k: int) -> bool:
        """May a lower-case portfolio start at `k`, after the words from `start`? Right after the preposition
        ('minister of civil aviation'), or after an article the language writes portfolios with ('ministre de
        l'intérieur'); not after other determiners ('director of the fund')."""
        return all(doc[i].lower_ in self.words.portfolio_articles for i in range(start, k))

    def _unit_end(self, doc: Sequence[TokenLike], k: int) -> int | None:
        """End of a unit inside a body written at `k` ('board', 'IT', 'moral guidance department', 'IT
        department'): up to a few words ending with a unit noun of the lexicon, the words before it in lower case
        or acronyms no entity holds (a capitalised name is a body's: 'Moral Guidance Department'; 'the LNA media
        department' is the LNA's); a lower-case function word ('it') is none."""
        units = self.lexicon.unit_nouns
        for end in range(min(k + MAX_UNIT_WORDS, len(doc)), k, -1):
            last = doc[end - 1]
            if last.is_lower and last.is_stop:
                continue
            if span_text(doc, k, end).lower() in units or (last.lower_ in units and last.is_lower and all(
                    doc[i].is_lower or (_is_acronym(doc[i]) and not doc[i].ent_type_) for i in range(k, end - 1))):
                return end
        return None

    def _entity_complement(self, ctx: "_Context", k: int, ent: EntityLike | None, head: str,
                           base: "Complement", owned: bool = False) -> "Complement | None":
        """An organisation or place ('of the LNA') or a person ('to X') right after the preposition. After a
        portfolio office, an organisation or a region (no country) neither the KB nor an id vouches for is read
        as the portfolio ('ministre de l'Europe et des affaires étrangères', '... des Collectivités locales')."""
        if ent is None:
            return None
        doc = ctx.doc
        regions_end = self._regions_before_body(ctx, ent, owned)
        if regions_end is not None:  # 'director for the Middle East and North Africa at Amnesty International'
            return replace(base, portfolio_end=regions_end, phrase_end=regions_end)
        portfolio = head in self.lexicon.portfolio_offices
        if ent.label_ in PLACE_OR_ORG and not (portfolio and not ent.id_ and ent.label_ in ("ORG", "LOC")
                                               and not self.is_known_name(ent.text)):
            following = ctx.ent_starting_at(ent.end)
            if following is not None and following.label_ == "ORG":  # 'of U.S. Africa Command'
                ent = following
            ent = self._possessed_org(ctx, ent)
            end = _after_parenthesis(doc, ent.end)
            if end < len(doc) and self.demonym_place(doc[end]):
                end += 1  # '(GUN) libyen'
            phrase_end = self._past_possessed_noun(ctx, end, after_name=True)
            return replace(base, org=OrgRef(span=(ent.start, ent.end)), phrase_end=phrase_end)
        if ent.label_ == "PERSON":
            owned_end = self._past_possessed_noun(ctx, ent.end)
            if owned_end != ent.end:  # 'Minister of Interior in X's government, Y': the government's office, not X's
                return replace(base, phrase_end=owned_end)
            return replace(base, of=(ent.start, ent.end), phrase_end=ent.end)
        return None

    def _past_possessed_noun(self, ctx: "_Context", k: int, after_name: bool = False) -> int:
        """'the leader of Libya's internationally recognised government, X': past a possessive and the
        lower-case words it owns when an apposition follows them (a comma; no title among the words, as in
        'the envoy of Libya's leader, X'), or `k`. After a place or a body (`after_name`) the words need no
        possessive when they end with a body or place noun, capitalised or not: 'the spokesman for the Tripoli
        government, X', 'the head of the UN mission, X', 'the Mayor of Derna Municipality, X'."""
        doc = ctx.doc
        possessive = k < len(doc) and doc[k].text in self.words.possessive_marks
        if not possessive and not after_name:
            return k
        first = k + 1 if possessive else k
        stop = first
        nouns = self.owned_nouns
        while stop < min(first + 5, len(doc)) and (doc[stop].is_lower and doc[stop].is_alpha or doc[stop].text in HYPHENS
                                                   or (not possessive and doc[stop].lower_ in nouns)):
            if stop in ctx.runs_at:
                return k
            stop += 1
        owns = stop > first and stop < len(doc) and doc[stop].text == "," and not doc[stop - 1].is_stop
        if owns and not possessive:
            owns = doc[stop - 1].lower_ in nouns
        return stop if owns else k

    def _regions_before_body(self, ctx: "_Context", ent: EntityLike, owned: bool = False) -> int | None:
        """Where regions a title covers end ('for the Middle East and North Africa'), when a preposition and an
        organisation follow them ('at Amnesty International'), or the title's phrase ends with them and an
        organisation is written before the title (`owned`: "Amnesty's director for the Middle East and North
        Africa, X"): the regions are the title's portfolio, the organisation whose office it is. None otherwise
        ('envoy for Central Africa': the region is whose office it is)."""
        doc, end = ctx.doc, ent.end
        before = ent.start - 1
        while before > 0 and doc[before].lower_ in self.words.title_determiners:
            before -= 1
        if ent.label_ != "LOC" or doc[before].lower_ not in self.words.region_prepositions:
            return None
        while end + 1 < len(doc) and doc[end].lower_ in self.words.conjunctions:
            after = ctx.ent_starting_at(end + 1 + (doc[end + 1].lower_ in self.words.title_determiners))
            if after is None or after.label_ != "LOC":
                break
            end = after.end
        if end not in ctx.comps:
            return end if owned and (end == len(doc) or not doc[end].is_alpha) else None
        k = ctx.comps[end].end
        while k < len(doc) and doc[k].lower_ in self.words.title_determiners:
            k += 1
        body = ctx.ent_starting_at(k)
        return end if body is not None and body.label_ == "ORG" else None

    def second_complement_end(self, ctx: "_Context", end: int) -> int:
        """'the Representative of Libya [to the African Union], X': a second complement naming a body after the
        first is part of the title's phrase, so that the name after it is the one the title introduces (in a list
        'the Minister, A, the Representative of Libya to the AU, B' the title is B's, not A's)."""
        comp = ctx.comps.get(end)
        if comp is None:
            return end
        k = comp.end
        while k < len(ctx.doc) and ctx.doc[k].lower_ in self.words.title_determiners:
            k += 1
        body = ctx.ent_starting_at(k)
        return body.end if body is not None and body.label_ == "ORG" else end

    def _possessed_org(self, ctx: "_Context", ent: EntityLike) -> EntityLike:
        """'of Libya's state-run National Oil Corporation': the organisation a place or body owns, if named."""
        doc, k = ctx.doc, ent.end
        if k >= len(doc) or doc[k].text not in self.words.possessive_marks:
            return ent
        k += 1
        while k < min(ent.end + 6, len(doc)) and (doc[k].is_lower or doc[k].text in HYPHENS):
            k += 1
        owned = ctx.ent_starting_at(k)
        return owned if owned is not None and owned.label_ == "ORG" else ent

    def _past_qualified_nouns(self, doc: Sequence[TokenLike], k: int) -> int:
        """'the head of Egyptian intelligence, X': where nouns precede their adjectives' nouns, the lower-case nouns
        (one or two, no function word) a nationality qualifies are in the title's phrase when a comma or a name
        follows them, so that the holder after them is found; else `k`."""
        if self.words.adjectives_follow_noun:
            return k
        stop = k
        while stop < min(k + 2, len(doc)) and doc[stop].is_lower and doc[stop].is_alpha and not doc[stop].is_stop:
            stop += 1
        ends = stop > k and stop < len(doc) and (doc[stop].text == "," or _starts_name(doc[stop]))
        return stop if ends else k

    def _nested_complement(self, ctx: "_Context", k: int, base: "Complement") -> "Complement | None":
        """A nationality word and/or another title: 'to the French President', 'Chief of Staff to the President
        X' (the inner title names nobody else; X is whose office it is)."""
        doc = ctx.doc
        place = self.demonym_place(doc[k])
        if place and self.words.adjectives_follow_noun and doc[k].text[:1].isupper():
            place = None  # 'directeur général des Sénégalais de l'extérieur': a capitalised French demonym is a noun
        if place:
            base = replace(base, org=OrgRef(id=place))
            k += 1
            if ctx.runs_at.get(k) is None:  # 'to the French President' without a name: the country is whose office it
                # is, and the body its noun names is in the phrase before an apposition ('of the Egyptian embassy, X',
                # 'the head of Egyptian intelligence, X')
                possessed = self._past_possessed_noun(ctx, k, after_name=True)
                return replace(base, phrase_end=possessed if possessed > k else self._past_qualified_nouns(doc, k))
        nested = ctx.runs_at.get(k)
        if nested is None:
            return None
        found = replace(base, org=base.org or nested.org, inner=nested.start)
        if (nested.head in self.lexicon.represented_offices and nested.phrase_end <= _after_parenthesis(doc, nested.end)
                and doc[nested.phrase_start - 1].lower_ in self.words.title_determiners):
            # 'Special Representative of the Secretary-General X': X is the representative, not the one represented
            # (without an article the office is the name's: 'a spokesperson for Secretary-General X, Y')
            return replace(found, phrase_end=nested.phrase_end)
        # "envoy of the Secretary-General [of the UN] X"; not past the nested title's place ('... for Libya X')
        own_phrase = nested.phrase_end > nested.end and doc[nested.phrase_end - 1].ent_type_ != "GPE"
        for position in (nested.end, nested.phrase_end) if own_phrase else (nested.end,):
            person = ctx.ent_starting_at(position)
            if person is not None and person.label_ == "PERSON":
                return replace(found, of=(person.start, person.end), phrase_end=person.end)
        return replace(found, of=found.of or nested.of, phrase_end=nested.phrase_end)

    def _common_noun_complement(self, ctx: "_Context", k: int, head: str, base: "Complement",
                                after_of_word: bool = False) -> "Complement | None":
        """A lower-case complement: a common noun before an apposition, or a lower-case portfolio (written
        without a determiner: 'minister of civil aviation', not 'director of the fund'; `head` is empty then)."""
        doc = ctx.doc
        token = doc[k]
        if not (token.is_lower and token.is_alpha):
            return None
        own = (self._own_complement_end(doc, k) if head and after_of_word and self.words.adjectives_follow_noun
               and head not in self.lexicon.portfolio_offices else None)
        if own is not None:  # 'chef du bureau exécutif', 'coordinateur des opérations militaires'
            return replace(base, portfolio_end=own, phrase_end=own)
        portfolio_end = self._lower_case_portfolio_end(ctx, k) if head in self.lexicon.portfolio_offices else None
        if portfolio_end is None:
            # 'gouverneur par intérim de la banque, X', 'Premier ministre du gouvernement de Tripoli, X', 'le
            # porte-parole du gouvernement X': a common-noun complement, with the place it belongs to, before a name
            stop = self._common_noun_end(ctx, k)
            body_name_end = self._body_name_end(doc, k, stop)
            if body_name_end is not None:
                ent = ctx.ent_starting_at(stop)
                if ent is not None and ent.label_ == "ORG":
                    body_name_end = max(body_name_end, ent.end)  # "the main opposition Republican People's Party"
                org = (OrgRef(span=(ent.start, ent.end)) if ent is not None and ent.end == body_name_end
                       else OrgRef(text=span_text(doc, k, body_name_end), at=k))
                return replace(base, org=org, phrase_end=_after_long_form(doc, body_name_end))
            owner = self._owning_body(ctx, stop)
            if owner is not None:  # "chef d'état-major des forces terrestres de l'ANL, X"
                return replace(base, org=OrgRef(span=(owner.start, owner.end)), phrase_end=_after_long_form(doc, owner.end))
            stop = self._past_place(doc, self._past_unit_number(doc, stop))
            named = stop < len(doc) and (doc[stop].text == "," or doc[stop].ent_type_ == "PERSON")
            return replace(base, phrase_end=self._past_owner(ctx, stop)) if named else base
        if portfolio_end < len(doc) and doc[portfolio_end].ent_iob_ == "B" and doc[portfolio_end].ent_type_ in PLACE_OR_ORG:
            return base  # 'chief of staff of eastern Libya's forces': the words qualify the place, no portfolio
        return replace(base, portfolio_end=portfolio_end, phrase_end=portfolio_end)

    def _owning_body(self, ctx: "_Context", stop: int) -> EntityLike | None:
        """'commander of the ground forces [of the LNA]', "chef d'état-major des forces terrestres [de l'ANL]": the
        organisation after the common noun's linking word (and articles) owns it, and is whose office it is (the
        common noun stays out of the title, as the real-news gold writes 'porte-parole' of 'des forces du GNA')."""
        doc, determiners = ctx.doc, self.words.title_determiners
        before, after = stop - 1, stop
        while before > 0 and doc[before].lower_ in determiners:
            before -= 1
        while after < len(doc) and doc[after].lower_ in determiners:
            after += 1
        owner = ctx.ent_starting_at(after)
        if owner is None or owner.label_ != "ORG" or before < 1 or doc[before].lower_ not in self.words.linking_words:
            return None
        return owner

    def _past_owner(self, ctx: "_Context", stop: int) -> int:
        """'l'ex-ministre de la Planification du gouvernement de [Fayez al-Sarraj], X': a person after the common noun's
        linking word owns the noun, and the phrase goes on over the name to the apposition after it."""
        owner = ctx.ent_starting_at(stop)
        if owner is None or owner.label_ != "PERSON" or ctx.doc[stop - 1].lower_ not in self.words.linking_words:
            return stop
        return owner.end

    def _past_unit_number(self, doc: Sequence[TokenLike], k: int) -> int:
        """'le chef de la brigade [166], X': the number a body's noun is named by, written after it; else `k`."""
        if 0 < k < len(doc) and doc[k].text.isdigit() and doc[k - 1].lower_ in self.lexicon.heads.bodies:
            return k + 1
        return k

    def _common_noun_end(self, ctx: "_Context", k: int) -> int:
        """Where the lower-case words of a common-noun complement from `k` end: up to four, not into another
        title (in 'le porte-parole des forces du maréchal X', X is the marshal); where modifiers precede the noun
        (English), at a body's noun unless a linking word follows it ('head of the council met residents, X
        said': the council's head is not X; 'head of the council of elders, X' goes on)."""
        doc, bodies, words = ctx.doc, self.lexicon.heads.bodies, self.words
        stop = k
        while stop < min(k + 4, len(doc)) and doc[stop].is_lower and doc[stop].is_alpha and stop not in ctx.runs_at:
            stop += 1
            if (not words.adjectives_follow_noun and doc[stop - 1].lower_ in bodies
                    and not (stop < len(doc) and doc[stop].lower_ in words.linking_words)):
                break
        return stop

    def _lower_case_portfolio_end(self, ctx: "_Context", k: int) -> int | None:
        """'his minister of civil aviation', 'director of banking and monetary control': where a lower-case
        portfolio ends; none that names a body or has a nationality ('responsable de la compagnie pétrolière
        italienne': whose office), unless the lexicon's modifiers hold it whole ('minister of local government',
        "minister of women's affairs")."""
        doc = ctx.doc
        stop = self._before_next_title(ctx, k, _lower_case_words_end(doc, k, self.words.conjunctions,
                                                                     self.words.past_tense_endings))
        known = ctx.modifiers_at.get(k)
        if (known is not None and known.cat == "MOD" and known.end >= stop
                and all(doc[i].is_lower or doc[i].text in self.words.possessive_marks for i in range(k, known.end))):
            return known.end
        if stop == k or self._names_a_body(doc, k, stop) or any(
                self.shapes.is_nationality(doc[i].text) for i in range(k, stop)):
            return None
        return stop

    def _before_next_title(self, ctx: "_Context", k: int, stop: int) -> int:
        """'minister of defence and deputy prime minister': a conjunction followed by another title (read already:
        titles are read right to left) ends the portfolio `k:stop` before it."""
        return next((j for j in range(k + 1, stop)
                     if ctx.doc[j].lower_ in self.words.conjunctions and j + 1 in ctx.runs_at), stop)

    def _body_name_end(self, doc: Sequence[TokenLike], k: int, stop: int) -> int | None:
        """'le porte-parole de l'opération Unified Protector, X', 'le chef du groupe armé SSA, X': a lower-case
        noun (and a word after it) and the capitalised name it introduces (no person's, no nationality word:
        'commander of eastern Libyan forces' names no body 'eastern Libyan') name whose office it is; where that
        name ends, or None."""
        if not (stop == k + 1 or (stop == k + 2 and not doc[k + 1].is_stop)) or (
                stop < len(doc) and fold(doc[stop].text) in self.words.given_names):
            return None  # 'de l'armée Ahmed ...': a given name opens a person's name, not a body's
        end = stop
        while (end < min(stop + MAX_NAME_TOKENS, len(doc)) and _starts_name(doc[end]) and doc[end].ent_type_ != "PERSON"
               and not self.shapes.is_nationality(doc[end].text)):  # 'commander of eastern [Libyan] forces'
            end += 1
        return end if end > stop else None

    def _own_complement_end(self, doc: Sequence[TokenLike], k: int) -> int | None:
        """End of a common noun that makes part of an office where adjectives follow the noun ('numéro deux du
        régime', 'commandant général de l'armée'; English writes such words before it: 'executive bureau chief',
        so an English complement names whose office it is): up to three lower-case content words after the
        preposition or article. Not a body written in lower case ('de la banque centrale', 'des forces du GNA'),
        nor one that a nationality or a lower-case of-phrase continues ('du régime libyen', 'du gouvernement
        d'union nationale'): those name whose office it is."""
        stop = k
        while (stop < min(k + 3, len(doc)) and doc[stop].is_lower and doc[stop].is_alpha and not doc[stop].is_stop
               and doc[stop].lower_ not in self.words.calendar_words):
            stop += 1
        if stop == k or any(self.shapes.is_nationality(doc[i].text) or doc[i].lower_ in self.words.place_nouns
                            for i in range(k, stop)):
            return None  # '... de la ville de Zenten': where the holder is from, no part of the office
        if self._body_name_end(doc, k, stop) is not None:
            return None  # 'de l'opération Unified Protector': a name follows, the body is whose office it is
        followed = stop < len(doc) and doc[stop].lower_ in self.words.of_words
        if self._names_a_body(doc, k, stop):
            return None
        after = stop + 1
        while after < len(doc) and doc[after].lower_ in self.words.title_determiners:
            after += 1
        return None if followed and after < len(doc) and doc[after].is_lower else stop

    def _names_a_body(self, doc: Sequence[TokenLike], k: int, stop: int) -> bool:
        """Do the lower-case words k:stop name an organisation ('de la banque centrale', 'de l'assemblée', 'des
        forces du GNA'): a body noun, unless the words are a body's organ ('bureau exécutif')?"""
        heads = self.lexicon.heads
        if span_text(doc, k, stop).lower() in heads.organs or self._unit_kind(doc, k, stop):
            return False
        return any(doc[i].lower_ in heads.bodies for i in range(k, stop))

    def _unit_kind(self, doc: Sequence[TokenLike], k: int, stop: int) -> bool:
        """Is the word k:stop a unit noun written after a linking word with no article ('chef de milice', 'commandant
        de brigade')? French names a kind of unit so, as it names a rank ('général de brigade'), not one body ('chef
        de la milice', 'commandant du bataillon'): the words are part of the office."""
        heads, before = self.lexicon.heads, doc[k - 1].lower_ if k > 0 else ""
        return (stop == k + 1 and doc[k].lower_ in heads.named_units and before in self.words.of_words
                and before not in heads.unit_articles)

    def _past_place(self, doc: Sequence[TokenLike], k: int) -> int:
        """Past 'de Tripoli' / "d'Italie" (an of-word and a place entity) at `k`, or `k`; a capitalised word no entity
        holds counts as the place when a person's name follows it ("le chef d'une milice de Zawiya Mohamed X")."""
        place = k + 1 if k < len(doc) and doc[k].lower_ in self.words.of_words else k
        if not (0 < place < len(doc) and doc[place - 1].lower_ in self.words.of_words):
            return k
        if self._unlabelled_word_before_person(doc, place):
            return place + 1
        if not (doc[place].ent_type_ == "GPE" and doc[place].ent_iob_ == "B"):
            return k
        end = place + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end

    def _unlabelled_word_before_person(self, doc: Sequence[TokenLike], k: int) -> bool:
        """One capitalised word in no entity, no given name, right before a person's name."""
        word = doc[k]
        return (word.is_alpha and word.text[:1].isupper() and not word.ent_type_ and k + 1 < len(doc)
                and doc[k + 1].ent_type_ == "PERSON" and doc[k + 1].ent_iob_ == "B"
                and fold(word.text) not in self.words.given_names)

    def _name_complement(self, ctx: "_Context", k: int, ent: EntityLike | None, head: str,
                         base: "Complement") -> "Complement":
        """Capitalised words no entity covers: an organisation's name ('of the 166th Brigade') or, after a
        portfolio office, the portfolio ('Minister of Foreign Affairs', 'ministre des Affaires étrangères')."""
        doc = ctx.doc
        if not (_starts_name(doc[k]) or (ent is not None and ent.label_ == "ORG")):
            return base
        portfolio = head in self.lexicon.portfolio_offices
        stop, limit = k, min(len(doc), k + MAX_COMPLEMENT_TOKENS)
        while stop < limit and not (stop > k and portfolio and (_names_place_or_org(doc, stop, self.words)
                                                                 or self._names_a_state(doc, stop))) and (
            _starts_name(doc[stop])
            or _connects_to_name(doc, stop, self.words)
            or (self.words.adjectives_follow_noun and doc[stop].is_lower and doc[stop].is_alpha and stop > k
                and doc[stop].ent_iob_ != "B" and _is_adjective(doc[stop].lower_, self.words))
        ):
            if doc[stop].ent_type_ == "PERSON" or (stop > k and self._opens_title(ctx, stop)):
                break  # '... of the Republic of Tunisia [and Chairperson of the Council]': another title
            if portfolio and stop > k and self.opens_name_after_portfolio(doc, stop, head):
                break
            stop += 1
        while stop > k and doc[stop - 1].lower_ in self.words.portfolio_connectors:
            stop -= 1  # '... locales [et] de la Ville' when the name stopped at a place: no connector ends it
        if stop == k:
            return base
        if portfolio and not self._names_a_unit(ctx, k, stop):
            return replace(base, portfolio_end=stop, phrase_end=stop)
        stop = self._lower_case_words_to_apposition(ctx, _past_number(doc, stop))
        if self.shapes.is_nationality(doc[k].text):  # 'directeur général des Ivoiriens de l'extérieur': the people
            if _common_noun_at(doc, stop, self.words):  # served, no body: kept in the title; but 'head of the
                return base  # Tebu council' names a common noun's owner: no portfolio, no organisation
            return replace(base, portfolio_end=stop, phrase_end=stop)
        return replace(base, org=OrgRef(text=span_text(doc, k, stop), at=k), phrase_end=self._body_noun_end(ctx, stop))

    def _lower_case_words_to_apposition(self, ctx: "_Context", stop: int) -> int:
        """'le président de la Haute commission électorale, X', 'le directeur général des Ivoiriens de l'extérieur,
        X': where adjectives follow the noun, the lower-case words after a capitalised body's first word (up to four,
        of-words and articles among them; no qualifier, date or nationality) belong to its name when the comma of an
        apposition follows them; else `stop`."""
        doc, words = ctx.doc, self.words
        end = stop
        while words.adjectives_follow_noun and end < min(stop + 4, len(doc)) and doc[end].is_lower and (
                doc[end].is_alpha or doc[end].lower_ in words.title_determiners) and end not in ctx.modifiers_at \
                and doc[end].lower_ not in words.calendar_words and not self.shapes.is_nationality(doc[end].text):
            end += 1
        closed = end < len(doc) and doc[end].text == "," and not doc[end - 1].is_stop
        return end if end > stop and closed else stop

    def _body_noun_end(self, ctx: "_Context", stop: int) -> int:
        """'the head of the AISE foreign intelligence service, X': where adjectives come before the noun, lower-case
        words after a name (up to four) that end with a body's noun before an apposition's comma are the body the
        name qualifies; the phrase goes on to that comma (the name stays the organisation). Else `stop`."""
        doc = ctx.doc
        end = stop
        while (not self.words.adjectives_follow_noun and end < min(stop + 4, len(doc)) and doc[end].is_lower
               and doc[end].is_alpha):
            end += 1
        closed = end < len(doc) and doc[end].text == "," and doc[end - 1].lower_ in self.lexicon.heads.bodies
        return end if end > stop and closed else stop

    def opens_name_after_portfolio(self, doc: Sequence[TokenLike], index: int, head: str) -> bool:
        """'ministre de la Justice [Halima Ibrahim]', 'ministre de la Défense nationale [Salifou Mody]': where
        adjectives follow the noun, two capitalised words right after a minister's capitalised portfolio word (or the
        lower-case adjective that follows it), the first no adjective ('Affaires Etrangères', 'Défense Nationale') and
        no nationality, open the holder's name, not more of the portfolio (other offices' complements may be a
        foreign body's name: 'directeur de la National Oil Company'). In any language, a given name after a capitalised
        portfolio word opens the holder's name ('Minister of Finance [Mohamed Ali]')."""
        if 0 < index < len(doc) and doc[index - 1].text[:1].isupper() and head in self.lexicon.portfolio_offices \
                and (self.shapes.opens_with_given_name([doc[index].text]) or self._two_names_after_portfolio(doc, index)):
            return True
        ministers = self.lexicon.ministry_offices.values()
        if not (self.words.adjectives_follow_noun and index + 1 < len(doc) and any(head.endswith(m) for m in ministers)):
            return False
        word, after = doc[index], doc[index + 1]
        return (self._ends_portfolio_word(doc, index) and word.is_alpha and word.text[:1].isupper()
                and after.text[:1].isupper() and after.is_alpha and not _is_adjective(word.lower_, self.words)
                and not self.shapes.is_nationality(word.text))

    def _two_names_after_portfolio(self, doc: Sequence[TokenLike], index: int) -> bool:
        """'Minister for Finance and Employment [Clyde Caruana]': the given name may be in no list, but two
        capitalised words right after a portfolio's word, neither a portfolio's word, a title's nor a nationality, are
        no more of the portfolio."""
        portfolio_words, pair = self.portfolio_words, doc[index:index + 2]
        return (len(pair) == 2 and doc[index - 1].lower_ in portfolio_words
                and all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in portfolio_words
                        and t.lower_ not in self.title_words and not self.shapes.is_nationality(t.text) for t in pair))

    def _ends_portfolio_word(self, doc: Sequence[TokenLike], index: int) -> bool:
        """Does a portfolio's word end right before `index`: a capitalised word ('Justice'), or a lower-case
        adjective after one ('Défense nationale', 'Sécurité publique')?"""
        before = doc[index - 1]
        return before.text[:1].isupper() or (
            index >= 2 and before.is_lower and before.is_alpha and _is_adjective(before.lower_, self.words)
            and doc[index - 2].text[:1].isupper())

    def _opens_title(self, ctx: "_Context", index: int) -> bool:
        """Does a title start at `index`, or right after the connectors there ('and Chairperson')?"""
        doc = ctx.doc
        while index < len(doc) and doc[index].lower_ in self.words.portfolio_connectors:
            index += 1
        return index in ctx.runs_at

    def _names_a_state(self, doc: Sequence[TokenLike], index: int) -> bool:
        """'[Minister of Foreign Affairs] of the Republic of Tunisia': an of-word before a word that names a
        state or a government ends a portfolio."""
        if doc[index].lower_ not in self.words.of_words:
            return False
        k = index + 1
        while k < len(doc) and doc[k].lower_ in self.words.title_determiners:
            k += 1
        return k < len(doc) and doc[k].lower_ in self.words.never_places

    def _names_a_unit(self, ctx: "_Context", k: int, stop: int) -> bool:
        """Do the capitalised words k:stop name a body rather than a portfolio: a body noun that no portfolio
        word covers ('Director of the Moral Guidance Department', not 'Minister of Local Government', even when the
        model made the words one organisation and no modifier unit was read inside it), and no portfolio noun ends
        ('Minister of State for Cabinet Affairs')?"""
        if (span_text(ctx.doc, k, stop).lower() in self.lexicon.modifiers
                or ctx.doc[stop - 1].lower_ in self.words.portfolio_nouns):
            return False
        portfolio_words = {i for u in ctx.modifiers_at.values() if k <= u.start < stop for i in range(u.start, u.end)}
        return any(ctx.doc[i].lower_ in self.lexicon.heads.bodies and i not in portfolio_words for i in range(k, stop))

    def through_acronym(self, ctx: "_Context", right: "Complement", head: str) -> "Complement":
        """'Special Representative of the Secretary-General (SRSG) for Libya': the title's own acronym in
        parentheses belongs to its phrase, and the complement goes on after it."""
        after = _after_parenthesis(ctx.doc, right.phrase_end)
        if after == right.phrase_end or right.phrase_end + 1 not in ctx.runs_at:
            return right
        again = self.complement(ctx, after, head)
        return replace(right, org=right.org or again.org, phrase_end=max(again.phrase_end, after))

    def demonym_before_modifier(self, ctx: "_Context", end: int) -> int | None:
        """The position of a nationality adjective written between a title and its qualifier ('Premier ministre
        libyen désigné'), or None."""
        if end + 1 in ctx.modifiers_at and end < len(ctx.doc) and self.follows_as_nationality(ctx.doc[end]):
            return end
        return None

    def more_portfolios(self, ctx: "_Context", end: int, head: str) -> int:
        """Where a list of portfolios ends: 'ministre de l'Économie, des Finances et de l'Industrie', 'ministre de
        l'Europe et des affaires étrangères' (a comma or 'et' followed by another portfolio continues it, also after a
        portfolio's lower-case complement: '... de la Communauté nationale à l'étranger et des Affaires africaines'; a
        comma followed by a name does not)."""
        doc = ctx.doc
        while (joint := self.lower_case_tail(doc, end, joined=True)) + 1 < len(doc) and (
                doc[joint].text == "," or doc[joint].lower_ in self.words.conjunctions):
            if doc[joint + 1].lower_ not in self.words.of_words:  # 'Political Affairs, Peace and Security'
                return (self._listed_names_end(ctx, joint + 1) or joint) if doc[joint].text == "," else joint
            again = self._listed_portfolio(ctx, self.complement(ctx, joint + 1, head))
            if not again.portfolio_end or again.org is not None:
                break
            if doc[joint].text != "," and not _ends_portfolio_list(doc, joint + 1, again.portfolio_end):
                break  # 'le ministre des Affaires étrangères et des représentants de la société civile'
            end = again.portfolio_end
        return self.lower_case_tail(doc, end)

    def _listed_portfolio(self, ctx: "_Context", again: "Complement") -> "Complement":
        """A further item of a portfolio list read as an organisation no KB or id vouches for is one more portfolio
        ('ministre de l'Intérieur, de la Sécurité publique et de l'Administration du territoire': a body's noun, but
        listed after the minister's first portfolio)."""
        org = again.org
        if org is None or org.id or (org.span is not None and (ctx.doc[org.span[0]].ent_id_ or self.is_known_name(
                span_text(ctx.doc, *org.span)))) or (org.text is not None and self.is_known_name(org.text)):
            return again
        return replace(again, org=None, portfolio_end=again.phrase_end)

    def _listed_names_end(self, ctx: "_Context", k: int) -> int | None:
        """End of the last items of a list of capitalised words closed by 'and' at `k`, followed by punctuation
        ('Peace and Security,') or by a holder's name after a portfolio's word: no entity the KB knows, no title
        among them; or None."""
        doc, stop, joined = ctx.doc, k, False
        while stop < min(k + 6, len(doc)):
            if joined and (self._two_names_after_portfolio(doc, stop) or doc[stop].ent_iob_ == "B"
                           and doc[stop].ent_type_ == "PERSON" and doc[stop - 1].text[:1].isupper()):
                return stop  # '..., National Security and Law Enforcement [Byron X]': the holder closes the list
            if (doc[stop].ent_type_ and not _unvouched_body(doc[stop])) or stop in ctx.runs_at:
                break
            if doc[stop].lower_ in self.words.conjunctions and stop > k:
                joined = True
            elif not (doc[stop].is_alpha and doc[stop].text[:1].isupper()):
                break
            stop += 1
        ends_list = stop < len(doc) and doc[stop].is_punct and doc[stop - 1].text[:1].isupper()
        return stop if joined and ends_list else None

    def lower_case_tail(self, doc: Sequence[TokenLike], end: int, joined: bool = False) -> int:
        """A short lower-case complement ending a portfolio before an apposition belongs to it: 'ministre ... des
        Tunisiens à l'étranger, X' (a preposition and up to three words, the last no of-word, none a nationality);
        `joined`: also before 'et des' and the next portfolio of a list ('... à l'étranger et des Affaires africaines'),
        which the caller must then read."""
        if end >= len(doc) or doc[end].lower_ not in self.lexicon.complements or self._says_where(doc, end):
            return end
        stop = end
        while stop < min(end + 4, len(doc)) and doc[stop].is_lower and not doc[stop].is_punct \
                and not (joined and self._joins_next_portfolio(doc, stop)):
            stop += 1
        closed = stop < len(doc) and (doc[stop].text == "," or (joined and self._joins_next_portfolio(doc, stop)))
        if stop == end or not closed or doc[stop - 1].lower_ in self.words.of_words:
            return end
        if any(self.shapes.is_nationality(doc[i].text) for i in range(end, stop)) or self._names_a_body(doc, end, stop):
            return end  # '... du régime déchu libyen, X', '... du gouvernement parallèle, X': whose office it is
        if any(doc[i].lower_ in self.words.calendar_words for i in range(end, stop)):
            return end  # 'devenu ministre de la Santé en mars, X': when, no part of the office
        return stop

    def _says_where(self, doc: Sequence[TokenLike], index: int) -> bool:
        """'Minister of Health in the east, X', 'head of the media office at the bank, X': a preposition of
        `seat_prepositions` and an article say where the office's holder sits, no part of the office."""
        return (doc[index].lower_ in self.lexicon.seat_prepositions and index + 1 < len(doc)
                and doc[index + 1].lower_ in self.words.title_determiners)

    def _joins_next_portfolio(self, doc: Sequence[TokenLike], index: int) -> bool:
        """'et des Affaires africaines': a conjunction, an of-word and a capitalised word go on to another portfolio."""
        return (index + 2 < len(doc) and doc[index].lower_ in self.words.conjunctions
                and doc[index + 1].lower_ in self.words.of_words and doc[index + 2].text[:1].isupper())

    def prefixed_adjective_end(self, doc: Sequence[TokenLike], end: int) -> int:
        """'un commandant ex-rebelle': a lower-case word written after the noun with a qualifier's prefix ('ex-')
        belongs to the title (it says what the holder was, not that the office is over)."""
        word = doc[end].lower_ if end < len(doc) and doc[end].is_lower and self.words.adjectives_follow_noun else ""
        prefix = next((p for p in self.qualifier_prefixes if word.startswith(p)), None)
        if prefix is None or word in self.lexicon.offices or not word[len(prefix):].isalpha():
            return end
        return end + 1

    @cached_property
    def qualifier_prefixes(self) -> tuple[str, ...]:
        """Qualifiers written as a prefix joined by a hyphen ('ex-')."""
        return tuple(q for q in self.lexicon.qualifiers if q.endswith(HYPHENS))

    def trailing_modifiers(self, end: int, modifiers_at: dict[int, Unit]) -> tuple[int, str | None]:
        """Adjectives and qualifiers written after the noun (French): 'porte-parole militaire', 'par intérim'."""
        status = None
        while self.words.adjectives_follow_noun and end in modifiers_at:
            if modifiers_at[end].cat == "QUAL":
                status = self.lexicon.qualifiers[modifiers_at[end].phrase]
            end = modifiers_at[end].end
        return end, status

    def run_titles(self, ctx: "_Context", runs: list[list[Unit]]) -> list[Title]:
        """One title per run, read right to left, so that a title nested in another's complement ('Chief of
        Staff to the President') is known when the outer one is read; nested ones are marked inner."""
        titles: list[Title] = []
        inner: set[int] = set()
        for run in reversed(runs):
            title, nested = self.title_of_run(ctx, run)
            ctx.runs_at[title.start] = title
            if title.phrase_start != title.start:
                ctx.runs_at.setdefault(title.phrase_start, title)
            titles.append(title)
            inner |= nested
        return [replace(title, inner=True) if title.start in inner else title for title in titles]

    def title_of_run(self, ctx: "_Context", run: list[Unit]) -> tuple[Title, set[int]]:
        """The title a run of units makes, read with its context; and the starts of the titles nested in
        its complement."""
        doc = ctx.doc
        start = run[0].start
        end, trailing_status, demonym_at = self.run_end(ctx, run[-1].end)
        head_unit = run[-1]  # a run ends with its head
        head = head_unit.phrase.replace("’", "'")  # the lexicon's spelling: 'chef d’état-major' is a portfolio office
        head = self.lexicon.plural_offices.get(head, head)  # 'ministres de l'Intérieur et de la Défense': a portfolio
        org, of, phrase_start = self.left_context(ctx, start)
        if head_unit.cat == "RANK" and org is not None and self._complement_of_title_before(ctx, phrase_start):
            org, phrase_start = None, start
        field_start = phrase_start if org is not None and self._names_a_field(ctx, head, phrase_start, start) else None
        if field_start is not None:  # 'a Libya analyst': the place is the analyst's field, not whose office it is
            org = None
        qualifier = _qualifier_before(ctx, phrase_start) if phrase_start != start else None
        owned = org is not None or of is not None or (start > 0 and doc[start - 1].text in self.words.possessive_marks)
        right, title_end, trailing_status, nested = self.right_context(ctx, end, head, demonym_at, trailing_status,
                                                                       owned)
        status = self.run_status(run, head, trailing_status)
        skip = (demonym_at if demonym_at is not None
                else end if end < title_end and self.follows_as_nationality(doc[end]) else None)
        portfolio_end = self._portfolio_after_body(ctx, right, head) if skip is None else None
        if portfolio_end is not None:  # "secrétaire générale adjointe [de l'ONU] pour les Affaires politiques"
            right = replace(right, phrase_end=portfolio_end, unwritten=(end, right.phrase_end))
            title_end = portfolio_end
        unwritten = (skip, skip + 1) if skip is not None else right.unwritten
        title_text = self.written_title(doc, run, title_end, unwritten, qualifier, field_start)
        if qualifier is not None:
            status = status or self._status_of(qualifier.phrase)
            phrase_start = qualifier.start
        phrase_end, _ = self.trailing_modifiers(max(right.phrase_end, title_end), ctx.quals_at)
        if right.org is not None:
            phrase_end = self.second_complement_end(ctx, phrase_end)
        title = Title(start=start, end=title_end, phrase_start=phrase_start, phrase_end=phrase_end,
                      title=title_text, head=head, category="rank" if head_unit.cat == "RANK" else "office",
                      status=status, org=org or right.org, of=of or right.of, plural=head_unit.cat == "PLURAL")
        return title, nested - {None}

    def run_end(self, ctx: "_Context", end: int) -> tuple[int, str | None, int | None]:
        """Where a run's title ends once the modifiers and qualifiers after its head are read ('Premier ministre
        libyen désigné'); the status they give, and where a demonym among them stands."""
        doc = ctx.doc
        end, trailing_status = self.trailing_modifiers(self.prefixed_adjective_end(doc, end), ctx.modifiers_at)
        end, trailing_status = _trailing_qualifier(doc, end, self.lexicon.trailing_qualifiers, trailing_status)
        demonym_at = self.demonym_before_modifier(ctx, end)
        if demonym_at is not None:  # 'Premier ministre libyen désigné'
            end, trailing_status = self.trailing_modifiers(end + 1, ctx.modifiers_at)
        return end, trailing_status, demonym_at

    def right_context(self, ctx: "_Context", end: int, head: str, demonym_at: int | None, trailing_status: str | None,
                      owned: bool = False) -> tuple["Complement", int, str | None, set[int | None]]:
        """The complement after a run's title (a demonym's place is its organisation), carried through its
        portfolios to the body after them; where the title ends, its status so far, and the starts of the
        titles nested in the complement. `owned` as in `complement`."""
        doc = ctx.doc
        right = self.through_acronym(ctx, self.complement(ctx, end, head, owned), head)
        place = self.demonym_place(doc[demonym_at]) if demonym_at is not None else None
        if place:
            right = replace(right, org=right.org or OrgRef(id=place))
        if right.portfolio_end:
            right = replace(right, portfolio_end=self.more_portfolios(ctx, right.portfolio_end, head))
        nested = {right.inner}
        title_end = right.portfolio_end or end
        if right.portfolio_end:  # 'ministre des Affaires étrangères par intérim du GUN'
            title_end, after_portfolio = self.trailing_modifiers(title_end, ctx.modifiers_at)
            trailing_status = trailing_status or after_portfolio
            title_end = self._second_portfolio_end(ctx, title_end, head)
            again = self.complement(ctx, title_end, "")  # '... du GUN'
            nested.add(again.inner)
            right = replace(again, org=again.org or right.org, portfolio_end=title_end,
                            phrase_end=max(again.phrase_end, title_end), unwritten=right.unwritten)
        return right, title_end, trailing_status, nested

    def _second_portfolio_end(self, ctx: "_Context", end: int, head: str) -> int:
        """Where a second portfolio ends, written after the first with a portfolio preposition ('Under Secretary of
        the Treasury for Terrorism and Financial Intelligence'), or `end` when there is none."""
        if end >= len(ctx.doc) or ctx.doc[end].lower_ not in self.words.portfolio_prepositions:
            return end
        second = self.complement(ctx, end, head)
        return self.more_portfolios(ctx, second.portfolio_end, head) if second.portfolio_end and second.org is None else end

    def run_status(self, run: list[Unit], head: str, trailing_status: str | None) -> str | None:
        """A qualifier within the run gives the title's status, else one after it; French writes 'ex-patron' as
        one word."""
        status = next((self.lexicon.qualifiers[u.phrase] for u in run if u.cat == "QUAL"), trailing_status)
        if status is None and head.startswith("ex-"):
            status = "former"
        return status

    def _portfolio_after_body(self, ctx: "_Context", right: "Complement", head: str) -> int | None:
        """'la secrétaire générale adjointe de l'ONU pour les Affaires politiques', 'le commissaire de l'UA aux Affaires
        politiques': after an office that takes portfolios (its first word one of `portfolio_offices`), a portfolio
        written after the body whose office it is (a complement's preposition, articles, a portfolio word, then
        capitalised words and adjectives, no entity) stays in the title; where it ends, or None (no body read, a
        portfolio read already, or another office: 'le haut représentant de l'UE pour les affaires étrangères')."""
        doc = ctx.doc
        comp = ctx.comps.get(right.phrase_end)
        if (right.org is None or right.org.span is None or right.portfolio_end or comp is None
                or head.split()[0] not in self.lexicon.portfolio_offices):
            return None
        k = comp.end
        while k < len(doc) and doc[k].lower_ in self.words.title_determiners:
            k += 1
        if k >= len(doc) or doc[k].ent_type_ or not (fold(doc[k].text) == "affaires" or fold(doc[k].text) in self.words.never_places):
            return None
        stop = k + 1
        while stop < min(k + 4, len(doc)) and not doc[stop].ent_type_ and (
                _starts_name(doc[stop]) or (doc[stop].is_lower and _is_adjective(doc[stop].lower_, self.words))):
            stop += 1
        return stop

    def _names_a_field(self, ctx: "_Context", head: str, phrase_start: int, start: int) -> bool:
        """Is the place written right before an occupation of `field_offices` its field ('a Libya analyst', 'a North
        Africa expert'): a place entity ending at the title, not a possessive nor a nationality word?"""
        ent = ctx.ent_ending_at(start - 1)
        return (head in self.lexicon.field_offices and ent is not None and ent.start == phrase_start
                and ent.label_ in ("GPE", "LOC"))

    def _status_of(self, phrase: str) -> str | None:
        """The status qualifiers give: the phrase's own ('de facto'), or that of its last word that has one
        ('new acting' -> acting)."""
        qualifiers = self.lexicon.qualifiers
        return qualifiers.get(phrase) or next((qualifiers[w] for w in reversed(phrase.split()) if w in qualifiers), None)

    def written_title(self, doc: Sequence[TokenLike], run: list[Unit], end: int, skip: tuple[int, int] | None,
                      qualifier: Unit | None, field_start: int | None = None) -> str:
        """The title as written, with the qualifier read before its nationality ('former Libyan minister') and the
        field from `field_start` ('Libya analyst'), less a qualifier that only dates it ('then foreign minister' ->
        'foreign minister', status former) and a modifier that names the body ('the central bank governor' ->
        'governor')."""
        unwritten = self.lexicon.unwritten_qualifiers
        start = run[1].start if len(run) > 1 and run[0].cat == "QUAL" and run[0].phrase in unwritten else run[0].start
        start = start if field_start is None else field_start
        if skip is None:
            skip = next(((u.start, u.end) for u in run[:-1] if u.cat == "MOD"
                         and u.phrase in self.lexicon.unwritten_modifiers), None)
        text = _title_text(doc, start, end, skip)
        if run[-1].cat == "PLURAL":  # 'deputy prime ministers' -> 'deputy prime minister'
            text = _singular(doc, run[-1], text, self.lexicon.plural_offices[run[-1].phrase])
        if qualifier is None or qualifier.phrase in unwritten:
            return text
        written = qualifier.phrase if doc[qualifier.start].is_lower else span_text(doc, qualifier.start, qualifier.end)
        return f"{written} {text}"

    def clause_titles(self, clauses: list[Unit]) -> list[Title]:
        """'headed by', 'who heads': the role a clause gives, for the roles component to attach."""
        titles = []
        roles = self.lexicon.clause_roles
        for unit in clauses:
            cue = unit.phrase
            if cue not in roles:  # a cue the lexicon spells token by token: '- led' for 'X-led'
                cue = " ".join(unit.doc[i].lower_ for i in range(unit.start, unit.end))
            if cue not in roles:  # 'chaired since 2022 by': the cue around a time phrase
                cue = f"{unit.doc[unit.start].lower_} {unit.doc[unit.end - 1].lower_}"
            role = roles[cue]
            titles.append(Title(start=unit.start, end=unit.end, phrase_start=unit.start, phrase_end=unit.end,
                                title=role, head=role, category="clause", cue=cue))
        return titles


    # -- people introduced by titles ---------------------------------------------------------
    def name_after(self, doc: Sequence[TokenLike], index: int, unit_starts: set[int]) -> tuple[int, int] | None:
        """Token range of a capitalised name starting at `index`, or None. Particles do not count towards its
        length: 'Mohammed bin Hamad bin Tahnoun Al Nahyan' is one name of four words."""
        end = index
        last_capital = None
        words_read = 0
        while end < len(doc) and words_read < MAX_NAME_TOKENS:
            token = doc[end]
            if token.ent_type_ and token.ent_type_ != "PERSON":
                break
            if end in unit_starts and end > index:
                break
            text = token.text
            if text[:1].isupper() and any(c.isalpha() for c in text) and token.lower_ not in self.words.title_determiners:
                if self.demonym_place(token) and end == index:
                    return None
                last_capital = end + 1
                words_read += token.lower_ not in self.words.name_particles
            elif token.lower_ in self.words.name_particles or text in ("-", "‑"):
                pass
            else:
                break
            end += 1
        if last_capital is None or index in unit_starts:
            return None
        return index, last_capital


@dataclass(frozen=True)
class Complement:
    """What follows a title: whose office it is (`org`, or the person `of`), where a portfolio kept in the
    title ends, where the whole phrase ends, and the start of a title nested in it."""

    phrase_end: int
    org: OrgRef | None = None
    of: TokenRange | None = None
    portfolio_end: int | None = None
    inner: int | None = None
    unwritten: tuple[int, int] | None = None  # tokens of the phrase left out of the title ('its', 'the LNA's')


@dataclass
class _Context:
    """One document's view for reading titles: entities by first and by end token, lexicon units by
    position, and the titles read so far. Built by `process` and passed down, never kept on the component."""

    doc: Sequence[TokenLike]
    by_start: dict[int, EntityLike]
    by_end: dict[int, EntityLike]
    comps: dict[int, Unit]
    modifiers_at: dict[int, Unit]
    quals_ending: dict[int, Unit]  # qualifiers and modifiers, by end: read before a nationality ('renegade Libyan')
    quals_at: dict[int, Unit]  # qualifiers by start: one after a title's complement ends its phrase
    run_ends: frozenset[int] = frozenset()  # where each run of title units ends
    runs_at: dict[int, Title] = field(default_factory=dict)

    def ent_starting_at(self, index: int) -> EntityLike | None:
        return self.by_start.get(index)

    def ent_ending_at(self, index: int) -> EntityLike | None:
        """The entity whose last token is `index` (a real `doc.ents` span, with label and id)."""
        return self.by_end.get(index + 1)


def _add_run(runs: list[list[Unit]], units: list[Unit]) -> None:
    """Add the units up to the last office or rank, if any, as a run."""
    for end in range(len(units), 0, -1):
        if units[end - 1].cat in HEADS:
            runs.append(units[:end])
            return


def _office_follows(units: list[Unit], index: int) -> bool:
    """The unit after `index` is an office written right after it."""
    following = units[index + 1] if index + 1 < len(units) else None
    return following is not None and following.cat == "OFFICE" and following.start == units[index].end


def _capitalised_after_lower_office(before: Unit, after: Unit, modifiers: frozenset[str]) -> bool:
    """'Presidency spokesman Ambassador X': a capitalised office right after an office written in lower case opens
    a second title (a title's words keep one case: 'foreign minister', 'Foreign Minister'), unless the first may
    modify the second ('deputy Prime Minister', 'deputy Middle East director')."""
    doc = before.doc
    return (before.cat == "OFFICE" and after.cat == "OFFICE" and before.phrase not in modifiers
            and doc[before.end - 1].is_lower and doc[after.start].text[:1].isupper())


def _joined_modifiers(before: Unit, after: Unit, joiners: frozenset[str]) -> bool:
    """'Oil and Gas [Minister]': two modifiers with one joining word between them."""
    return (before.cat == after.cat == "MOD" and after.start == before.end + 1
            and before.doc[before.end].lower_ in joiners)


def _portfolio_of_office(units: list[Unit], index: int) -> bool:
    """Is units[index] a modifier right after an office and its complement ('Minister of [Foreign Affairs] and
    Defence Minister X')? It is that office's portfolio, and shares no office written after it."""
    if index < 2:
        return False
    mod, comp, office = units[index], units[index - 1], units[index - 2]
    return comp.cat == "COMP" and comp.end == mod.start and office.cat == "OFFICE" and office.end == comp.start


def _singular(doc: Sequence[TokenLike], head: Unit, text: str, singular: str) -> str:
    """The title text with its plural head written in the singular, capitalised as written."""
    written = span_text(doc, head.start, head.end)
    if written[:1].isupper() and singular.islower():
        singular = singular[:1].upper() + singular[1:]
    cut = text.rfind(written)
    return text if cut < 0 else text[:cut] + singular + text[cut + len(written):]


def _qualifier_before(ctx: "_Context", index: int) -> Unit | None:
    """A qualifier or modifier written before a nationality or possessive ('renegade Libyan general'), or
    hyphen-joined to it ('then-Libyan'); several in a row are one ('the new acting UN envoy')."""
    doc = ctx.doc
    if index > 1 and doc[index - 1].text in HYPHENS and not _written_apart(doc, index - 1):
        return ctx.quals_ending.get(index - 1)
    qualifier = ctx.quals_ending.get(index)
    while qualifier is not None and (before := ctx.quals_ending.get(qualifier.start)) is not None:
        qualifier = Unit(doc, before.start, qualifier.end, "QUAL")
    return qualifier


def _trailing_qualifier(doc: Sequence[TokenLike], end: int, qualifiers: Mapping[str, str],
                        status: str | None) -> tuple[int, str | None]:
    """'PM designate', 'Prime Minister-designate', 'president-elect': a qualifier written after the title,
    alone or after a hyphen, belongs to it: (new end, its status)."""
    at = end + 1 if end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end].whitespace_ else end
    if at < len(doc) and doc[at].lower_ in qualifiers:
        return at + 1, qualifiers[doc[at].lower_]
    return end, status


def _written_apart(doc: Sequence[TokenLike], index: int) -> bool:
    """Is the token at `index` written apart from a word on either side ('Libya - Tripoli')?"""
    return bool(doc[index].whitespace_ or (index > 0 and doc[index - 1].whitespace_))


def _rank_used_as_adjective(doc: Sequence[TokenLike], run: list[Unit]) -> bool:
    """'a major obstacle', 'the general strike': a lower-case one-word rank, alone, right before a
    lower-case content word is an adjective there, not a rank."""
    head, end = run[-1], run[-1].end
    return (len(run) == 1 and head.cat == "RANK" and end - head.start == 1 and doc[head.start].is_lower and end < len(doc)
            and doc[end].is_lower and doc[end].is_alpha and not doc[end].is_stop)


def bodies_named_before(doc: Sequence[TokenLike], titles: list[Title], ents: Sequence[EntityLike],
                        bare_body_offices: Mapping[str, str]) -> list[Title]:
    """'Le Conseil présidentiel s'est réuni. Le président du Conseil, X': an office of `bare_body_offices` that
    names a body by its bare head noun ('président du Conseil', alone Italy's head of government) is, after a body
    of that head was named (an organisation of two words or more opening with it), that body's office: the title
    its value keeps ('président'), the organisation the last such body before it."""
    found = []
    for title in titles:
        kept = bare_body_offices.get(title.title.lower()) if title.org is None else None
        head = title.head.split()[-1]
        body = None if kept is None else next((e for e in reversed(ents) if e.end <= title.start and e.label_ == "ORG"
                                                and e.end - e.start > 1 and doc[e.start].lower_ == head), None)
        if body is None:
            found.append(title)
            continue
        end = title.start + len(kept.split())
        found.append(replace(title, end=end, title=span_text(doc, title.start, end), head=kept,
                             org=OrgRef(span=(body.start, body.end))))
    return found


def span_text(doc: Sequence[TokenLike], start: int, end: int) -> str:
    """`doc[start:end].text` without the Span, whose constructor alone builds three Tokens."""
    if start >= end:
        return ""
    last = end - 1
    return "".join([doc[i].text_with_ws for i in range(start, last)]) + doc[last].text


def span_text_with_ws(doc: Sequence[TokenLike], start: int, end: int) -> str:
    """`doc[start:end].text_with_ws` without the Span."""
    return "".join([doc[i].text_with_ws for i in range(start, end)])


def _title_text(doc: Sequence[TokenLike], start: int, end: int, skip: tuple[int, int] | None) -> str:
    """The title as written, minus the tokens `skip` covers: the French nationality adjective ('ministre turc de
    la Défense'), the possessor of a unit ('head of the LNA's media office' -> 'head of media office')."""
    if skip is None or not start <= skip[0] < skip[1] <= end:
        return span_text(doc, start, end)
    return (span_text_with_ws(doc, start, skip[0]) + span_text(doc, skip[1], end)).strip()


def _lower_case_words_end(doc: Sequence[TokenLike], k: int, conjunctions: frozenset[str],
                          past_endings: tuple[str, ...] = ()) -> int:
    """End of a lower-case portfolio at `k`: up to three content words ('civil aviation'), and up to two more
    after one 'and' ('banking and monetary control'); a word with a past tense's ending right after another
    content word is the sentence's verb ('the minister of health praised doctors, X said': 'health')."""
    stop, limit = k, k + 3
    while stop < min(limit, len(doc)) and doc[stop].is_lower and doc[stop].is_alpha:
        word, before = doc[stop].lower_, doc[stop - 1].lower_
        if past_endings and k < stop and word.endswith(past_endings) and before not in conjunctions:
            break
        if doc[stop].lower_ in conjunctions and k < stop and limit == k + 3:
            limit = stop + 3
        elif doc[stop].is_stop:
            break
        stop += 1
    return stop - 1 if stop > k and doc[stop - 1].lower_ in conjunctions else stop


def _ends_portfolio_list(doc: Sequence[TokenLike], start: int, end: int) -> bool:
    """Is the portfolio `start:end`, joined by 'et', the last of the title's: capitalised, or followed by
    punctuation or a name ('de l'Europe et des affaires étrangères, X')?"""
    return (any(doc[i].text[:1].isupper() for i in range(start, end))
            or end >= len(doc) or doc[end].is_punct or doc[end].ent_type_ == "PERSON")


def _connects_to_name(doc: Sequence[TokenLike], index: int, words: Words) -> bool:
    """Connectors ('et', 'de', 'des', 'et des') followed by a capitalised word: the portfolio goes on."""
    end = index
    while end < min(len(doc), index + 3) and doc[end].lower_ in words.portfolio_connectors:
        end += 1
    return index < end < len(doc) and doc[end].text[:1].isupper()


def _names_place_or_org(doc: Sequence[TokenLike], index: int, words: Words) -> bool:
    """Does the token (or the one after a connector) start a place or a known organisation? Ends a portfolio
    (one the model tagged as an organisation or a region the KB does not know, 'International Affairs', goes on)."""
    token = doc[index]
    if token.lower_ in words.portfolio_connectors and index + 1 < len(doc):
        token = doc[index + 1] if doc[index + 1].lower_ not in words.portfolio_connectors or index + 2 >= len(doc) else doc[index + 2]
    return token.ent_iob_ == "B" and token.ent_type_ in PLACE_OR_ORG and not _unvouched_body(token)


def _unvouched_body(token: TokenLike) -> bool:
    """Is the token in an organisation or a region the model tagged and the KB does not know: in a list of
    portfolios, likely one more portfolio ('National Community Abroad')?"""
    return token.ent_type_ in ("ORG", "LOC") and not token.ent_id_


def _unread_acronym_before(doc: Sequence[TokenLike], j: int) -> bool:
    """'an LMR columnist', 'a lawyer and ECFR analyst': an acronym no entity holds, written in capitals right
    before a title that is not (a headline in capitals is not), names the body the title is held in."""
    token, title = doc[j], doc[j + 1]
    return (len(token.text) > 1 and token.text.isalpha() and token.text.isupper() and not token.ent_type_
            and not title.text.isupper())


def _qualifies_next_word(doc: Sequence[TokenLike], end: int) -> bool:
    """A name joined by a hyphen to a lower-case word ('UN-backed', 'Turkish-led') qualifies what follows."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_lower


def _after_parenthesis(doc: Sequence[TokenLike], index: int) -> int:
    """Skip a parenthesised acronym right after a name: 'Africa Command (AFRICOM)'."""
    if index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text == ")":
        return index + 3
    return index


def _after_long_form(doc: Sequence[TokenLike], index: int) -> int:
    """Past a name's acronym or long form in parentheses right after it ('SSA (Autorité de soutien à la
    stabilité)'): a short parenthesis naming no person; or `index`."""
    if index >= len(doc) or doc[index].text != "(":
        return index
    for end in range(index + 1, min(index + MAX_COMPLEMENT_TOKENS, len(doc))):
        if doc[end].text == ")":
            return end + 1
        if doc[end].ent_type_ == "PERSON" or doc[end].text in ("(", "."):
            return index
    return index


def _past_number(doc: Sequence[TokenLike], stop: int) -> int:
    """'le commandant de la Brigade 166, X': a number written after a unit's name is part of it; past it, or `stop`."""
    return stop + 1 if stop < len(doc) and doc[stop].text.isdigit() else stop


def _starts_name(token) -> bool:
    """Capitalised word or ordinal ('166th'): the kind of token an organisation's name is made of."""
    return (token.text[:1].isupper() and not token.is_punct) or (token.text[:1].isdigit() and token.text[-2:].isalpha())


def _is_adjective(word: str, words: Words) -> bool:
    """Lower-case adjectives after the noun continue a portfolio ('ministre des Affaires étrangères')."""
    return word not in words.portfolio_connectors and word.endswith(words.adjective_endings)
