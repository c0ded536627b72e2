"""Find title phrases (offices, ranks, qualifiers) and the people that titles introduce: the spaCy
adapter of `nerlibya.core.titles`.

It finds the lexicon's phrases with a PhraseMatcher, lets the pure reader of `core.titles` make titles of
them (whose office, portfolio, status), and writes `doc._.titles` as frozen `Title` values. A capitalised
name right after a title that no entity covers yet becomes a PERSON ('Colonel Ahmed Ali'), which is how
people the model and the KB miss are still found.

One concern: the titles of a Doc and the people they introduce that no entity names yet (the helpers below are
the shapes in which French and English write a name next to a title).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..core.assignments import (AssignmentWords, assigned_offices, charged_portfolios, portfolio_appointments,
                               portfolios_given, portfolios_listed, post_holders)
from ..core.lists import list_entries, name_end, name_heading_entry
from ..core.roles import as_phrase_start, past_spaces
from ..core.titles import (MAX_NAME_TOKENS, PLACE_OR_ORG, TITLE_UNITS, TitleReader, Unit, bodies_named_before, runs,
                           span_text, without_verb_offices, without_verbs, clauses_around_dates,
                           plural_verbs_as_clauses)
from ..core.types import OrgRef, Title
from ..knowledge.lexicon import Words
from ..text.normalize import fold
from .base import (KnowledgePipe, is_glued_hyphen, on_headline_line, opens_sentence_or_line,
                   written_off_its_line)
from .bodies import in_title_case_line
from .entity_spans import set_entities
from .repeated_surnames import repeated_full_names, repeated_surnames, surnames_guessed_as_other_names
from .token_lookup import lower_hashes, tokens_with_lower

Doc.set_extension("titles", default=None, force=True)

PLACE_LABELS = ("GPE", "LOC", "FAC")
MAX_APPOSED_NAME_TOKENS = 7  # 'Mohamed Ali al - Maknee, a commander': a name before an apposition, hyphens counted
PRIORITY = {"RANK": 5, "OFFICE": 4, "PLURAL": 4, "QUAL": 3, "CLAUSE": 3, "COMP": 2, "HONOR": 2, "APPOINT": 1, "MOD": 1}


@Language.factory(
    "nerlibya_titles",
    default_config={"kb_path": "", "lang_path": "", "discover_people": True},
    assigns=["doc._.titles", "doc.ents"],
    requires=["doc.ents"],
)
def make_titles(nlp: Language, name: str, kb_path: str, lang_path: str, discover_people: bool) -> "TitleFinder":
    return TitleFinder(nlp, name, kb_path=kb_path, lang_path=lang_path, discover_people=discover_people)


class TitleFinder(KnowledgePipe):
    def __init__(self, nlp: Language, name: str, *, discover_people: bool = True, **knowledge):
        self.discover_people = discover_people
        super().__init__(nlp, name, **knowledge)

    def build(self) -> None:
        nlp, lexicon, kb = self.nlp, self.lexicon, self.kb
        place_acronyms = {a.replace(".", ""): e.id for e in kb.by_id.values() if e.kind == "place" for a in e.acronyms}
        self.reader = TitleReader(lexicon, kb.by_demonym, lambda text: bool(kb.lookup(text)), place_acronyms)
        self.title_words = lexicon.title_words()
        self.assignment_words = AssignmentWords.of(lexicon)
        self.agent_cue_verbs = frozenset(cue.split()[0] for cue in lexicon.clause_roles
                                         if len(cue.split()) == 2 and cue.split()[1] in lexicon.words.agent_prepositions)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._cats: dict[int, str] = {}
        self._place_or_org_labels = frozenset(nlp.vocab.strings.add(label) for label in PLACE_OR_ORG)
        self._title_phrases = {fold(p) for p in lexicon.offices | lexicon.ranks}
        for cat, phrases in lexicon.phrases().items():
            self._cats[nlp.vocab.strings.add(cat)] = cat
            # curly apostrophes, and capitalised forms (the tokenizer splits 'lt. gen.' but not 'Lt. Gen.'); an
            # office, rank or modifier also without the accent on its capital ('Economiste', 'Emissaire')
            written = {v for phrase in phrases for p in (phrase, phrase.replace("'", "’")) for v in (p, p.title())}
            if cat in ("OFFICE", "RANK", "MOD"):
                written |= {_unaccented_initial(p) for p in written}
            self.matcher.add(cat, [_as_written_in_text(nlp, phrase) for phrase in sorted(written)])

    # -- lexicon units -------------------------------------------------------------------------
    def units(self, doc: Doc, ents: list[Span]) -> list[Unit]:
        """Longest lexicon match at each position, left to right, skipping non-person entities."""
        best: dict[int, tuple[int, int, str]] = {}
        matches = self.matcher(doc)
        if not matches:
            return []
        place_or_org_tokens = [i for e in ents if e.label in self._place_or_org_labels for i in range(e.start, e.end)]
        for match_id, start, end in matches:
            if _any_in_range(place_or_org_tokens, start, end):
                continue
            cat = self._cats[match_id]
            current = best.get(start)
            if current is None or (end - start, PRIORITY[cat]) > (current[0], PRIORITY[current[2]]):
                best[start] = (end - start, end, cat)
        units, i = [], 0
        for start in sorted(best):
            if start >= i:
                _, end, cat = best[start]
                units.append(Unit(doc, start, end, cat))
                i = end
        return units if self.lexicon.words.adjectives_follow_noun else self.regions_inside_titles(doc, units, ents)

    def regions_inside_titles(self, doc: Doc, units: list[Unit], ents: list[Span]) -> list[Unit]:
        """'deputy Middle East and North Africa director': regions (LOC entities, joined by a conjunction) written
        between a title word and an office belong to the title, as modifiers (where adjectives come before the
        noun)."""
        by_start = {u.start: u for u in units}
        ending = {u.end for u in units if u.cat in TITLE_UNITS}
        regions_at = {e.start: e for e in ents if e.label_ == "LOC"}
        added = []
        for region in [e for start, e in regions_at.items() if start in ending]:
            chain, end = [region], region.end
            while end + 1 < len(doc) and doc[end].lower_ in self.lexicon.words.conjunctions:
                following = regions_at.get(end + 1)
                if following is None:
                    break
                chain.append(following)
                end = following.end
            head = by_start.get(end)
            if head is not None and head.cat in ("OFFICE", "MOD"):
                added += [Unit(doc, e.start, e.end, "MOD") for e in chain]
        return sorted(units + added, key=lambda u: u.start) if added else units

    def nouns_of_modifiers(self, units: list[Unit]) -> list[Unit]:
        """A modifier that is also a noun ('adjointe', 'executive') with no other title unit touching it is an
        office: 'son adjointe, X', 'a former executive of Eni' (a qualifier before it says nothing; beside an
        office or a modifier it modifies it: 'ministre adjoint', 'executive director')."""
        nouns = self.lexicon.noun_modifiers
        if not nouns:
            return units
        touching = [u for u in units if u.cat in TITLE_UNITS]
        ends, starts = {u.end for u in touching if u.cat != "QUAL"}, {u.start for u in touching}
        return [Unit(u.doc, u.start, u.end, "OFFICE") if u.cat == "MOD" and u.phrase in nouns
                and u.start not in ends and u.end not in starts else u for u in units]

    # -- people introduced by titles -----------------------------------------------------------
    def may_be_name(self, doc: Doc, start: int, end: int, opening: int) -> bool:
        """A capitalised word after a title is not a name when it is a pronoun or conjunction opening the next
        sentence ('He', 'Mais', 'Later'), a plural title ('MPs'), a body's word ('the Libyan Premier League'), a
        place noun ('the Mayor of Derna Municipality'), a seat named after the office ('the Prime Minister
        House'), the head of a document's or an event's name ('Executive Order'), or a word of a Title Case headline that the
        article never writes again ('... Official Tells Council'). A line that is only a title (from `opening`) and a
        name whose last word the article writes again is a profile line: 'Finance Minister Hassan Zaglami',
        then 'Zaglami is a former executive'."""
        if end - start == 1:
            token = doc[start]
            if (token.is_stop or token.lower_.rstrip("s") in self.title_words
                    or token.lower_ in self.lexicon.words.sentence_openers or self._body_word(token)
                    or token.lower_ in self.lexicon.words.place_nouns
                    or token.lower_ in self.lexicon.words.office_buildings):
                return False
        if doc[end - 1].lower_ in self.lexicon.heads.other_kinds:
            return False
        headline = _headline_at(doc, start)
        if not headline or written_off_its_line(doc, start, span_text(doc, start, end)):
            return True
        return end - start >= 2 and _alone_on_line(doc, opening, end) and doc.text.count(doc[end - 1].text) >= 2

    def discover(self, doc: Doc, openings: list[tuple[int, int]], unit_starts: set[int]) -> list[Span]:
        """Make entities of the people named right after titles (each given as where its phrase opens and where
        a name would start); returns them."""
        new = []
        for opening, start in sorted(set(openings)):
            if start + 1 < len(doc) and doc[start].text == ".":
                start += 1
            while start + 1 < len(doc) and doc[start].lower_ in self.lexicon.honorifics:
                start += 1  # 'Son Excellence Monsieur X': honorifics stacked before the name
            if start >= len(doc):
                continue
            token = doc[start]
            if token.ent_type_ or not token.text[:1].isupper() or token.lower_ in self.lexicon.words.place_prepositions:
                continue  # 'Envoy In Abeche Attack': a Title Case headline's preposition opens no name
            found = self.reader.name_after(doc, start, unit_starts)
            if found and not any(doc[i].ent_type_ for i in range(*found)) and self.may_be_name(doc, *found, opening):
                new.append(Span(doc, self._given_name_before(doc, opening, found[0]), found[1], label="PERSON"))
        # the names touch no entity, so setting `doc.ents + new` would rewrite the others as they are: setting
        # the new ones alone spares building and rewriting every span of the doc
        if new:
            new = set_entities(doc, new, default="unmodified")
        return new

    def _given_name_before(self, doc: Doc, opening: int, start: int) -> int:
        """'Ismaël Cheikh Ahmed', 'Moussa Cheikh Diallo': a one-word title written capitalised right after a given
        name (in no entity) is a word of the name, not an honorific before it; where the name then opens, else
        `start`."""
        if start != opening + 1 or opening < 1 or not doc[opening].text[:1].isupper():
            return start
        before = doc[opening - 1]
        given = (before.is_alpha and before.text[:1].isupper() and not before.ent_type_
                 and self.reader.shapes.opens_with_given_name([before.text]))  # not '..., said Sheikh X
        return opening - 1 if given else start

    def discover_apposed(self, doc: Doc, titles: list[Title], unit_starts: set[int]) -> None:
        """'The government spokesman, Hatem Zaidi, said', 'Egypt's president, Omar Fathy, also': two capitalised words
        or more in no entity, in apposition after an office's phrase (a comma before them; a comma, a full stop, a
        bracket or a lower-case word after them), are the holder the model missed; a calendar or function word among
        them is none ('the minister, On Monday')."""
        words = self.lexicon.words
        names = []
        for title in titles:
            start = past_spaces(doc, title.phrase_end + 1)
            if title.category != "office" or title.plural or start >= len(doc) or doc[title.phrase_end].text != ",":
                continue
            found = self.reader.name_after(doc, start, unit_starts) if not doc[start].ent_type_ else None
            if found is None or found[1] - found[0] < 2 or any(doc[i].ent_type_ for i in range(*found)):
                continue
            after = doc[found[1]] if found[1] < len(doc) else None
            closed = after is None or after.text in (",", ".", ")", ";") or after.is_lower
            if closed and not any(doc[i].is_stop or doc[i].lower_ in words.calendar_words for i in range(*found)):
                names.append(Span(doc, *found, label="PERSON"))
        if names:
            set_entities(doc, names, default="unmodified")

    def apposed_names(self, doc: Doc, titles: list[Title], unit_starts: set[int]) -> list[tuple[int, int]]:
        """'Le ministre des Affaires étrangères, Sabri Boukadoum, a reçu': capitalised words in no entity after the
        comma that closes a title's phrase (an article or a courtesy title between), closed by a comma, a full stop
        or a bracket themselves, are the holder's name: where the phrase opens and where the name starts."""
        words = self.lexicon.words
        skipped = words.title_determiners | self.lexicon.honorifics
        found = []
        for title in titles:
            k = self._past_place_complement(doc, title.phrase_end)
            if title.category == "clause" or k + 1 >= len(doc) or doc[k].text != ",":
                continue
            k = past_spaces(doc, k + 1)
            while k < len(doc) - 1 and doc[k].lower_ in skipped:
                k += 1
            name = self.reader.name_after(doc, k, unit_starts)
            if (name is not None and name[1] < len(doc) and doc[name[1]].text in (",", ".", ")", ";")
                    and not any(doc[i].is_stop or doc[i].lower_ in words.calendar_words for i in range(*name))):
                found.append((title.phrase_start, k))  # not 'the minister, On Monday,'
        return found

    def _past_place_complement(self, doc: Doc, k: int) -> int:
        """"l'ambassadeur de Tunisie [à Tripoli], X": past a preposition and a place after a title's phrase (where its
        holder is posted), or `k`."""
        if k + 1 >= len(doc) or doc[k].lower_ not in self.lexicon.complements or doc[k + 1].ent_iob_ != "B" \
                or doc[k + 1].ent_type_ not in PLACE_LABELS:
            return k
        end = k + 2
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end

    def discover_listed(self, doc: Doc, titles: list[Title]) -> None:
        """The name after the colon of a list of office holders ('Defence: Salah al-Namroush') is a person's,
        whatever label the model gave its words, unless the KB knows them; one word alone is none ('Justice:
        Vacant')."""
        names = []
        for title in titles:
            end = name_end(doc, title.phrase_end, self.lexicon.words.name_particles) if title.listed else None
            start, end = title.holder or (title.phrase_end, end)
            if end is not None and end - start > 1 and not any(doc[i].ent_id_ or doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B"
                                                               and i > start for i in range(start, end)):
                names.append(Span(doc, start, end, label="PERSON"))
        if names:
            taken = {i for name in names for i in range(name.start, name.end)}
            doc.ents = [e for e in doc.ents if not taken & set(range(e.start, e.end))] + names

    def discover_listed_after_plurals(self, doc: Doc, titles: list[Title], unit_starts: set[int]) -> None:
        """'les membres A, B, C et D': the names listed right after a plural title, joined by commas and a
        conjunction, are people when the first one is; a name in no entity (two words or more) is the person the
        model missed, and a place label the KB did not give one is the model's mistake ('... et [Naima Kadi]')."""
        joiners = self.lexicon.words.conjunctions | {","}
        names = []
        for title in titles:
            k = title.phrase_end
            if not title.plural or k >= len(doc) or doc[k].ent_type_ != "PERSON" or doc[k].ent_iob_ != "B":
                continue
            end = _entity_end(doc, k)
            while end + 1 < len(doc) and doc[end].lower_ in joiners:
                found = self._listed_name(doc, end + 1, unit_starts)
                if found is None:
                    break
                if doc[found.start].ent_type_ != "PERSON":
                    names.append(found)
                end = found.end
        if names:
            taken = {i for name in names for i in range(name.start, name.end)}
            set_entities(doc, [e for e in doc.ents if taken.isdisjoint(range(e.start, e.end))] + names)

    def _listed_name(self, doc: Doc, start: int, unit_starts: set[int]) -> Span | None:
        """The person's name of a list item at `start`: a PERSON entity, a place entity with no KB id whose words
        are all capitalised, or two capitalised words or more in no entity; else None."""
        token = doc[start]
        if token.ent_iob_ == "B" and token.ent_type_ == "PERSON":
            return Span(doc, start, _entity_end(doc, start), label="PERSON")
        if token.ent_iob_ == "B" and token.ent_type_ in PLACE_LABELS and not token.ent_id_:
            end = _entity_end(doc, start)
            capitalised = all(t.text[:1].isupper() or t.lower_ in self.lexicon.words.name_particles or t.text == "-"
                              for t in doc[start:end])
            return Span(doc, start, end, label="PERSON") if capitalised and end - start > 1 else None
        found = None if token.ent_type_ else self.reader.name_after(doc, start, unit_starts)
        return Span(doc, *found, label="PERSON") if found and found[1] - found[0] > 1 else None

    def discover_after_portfolios(self, doc: Doc, titles: list[Title]) -> None:
        """'La ministre de la Justice Halima Ibrahim a annoncé': the name the portfolio's reading stopped at is a
        person's, whatever label the model gave its words with the portfolio's, unless the KB knows them."""
        particles = self.lexicon.words.name_particles
        names = []
        for title in titles:
            end = title.end
            if title.category != "office" or title.phrase_end != end or end == title.start + 1 \
                    or not self.reader.opens_name_after_portfolio(doc, end, title.head):
                continue
            stop = end
            while stop < min(end + MAX_NAME_TOKENS, len(doc)) and not doc[stop].ent_id_ and (
                    doc[stop].text[:1].isupper() and doc[stop].is_alpha or doc[stop].lower_ in particles):
                stop += 1
            if stop - end >= 2 and doc[end].ent_type_ != "PERSON":
                names.append(Span(doc, end, stop, label="PERSON"))
        if names:
            taken = {i for name in names for i in range(name.start, name.end)}
            set_entities(doc, [e for e in doc.ents if e.id_ or taken.isdisjoint(range(e.start, e.end))] + names)

    def holders_are_people(self, doc: Doc, assigned: list[Title]) -> None:
        """The name a ministry is given to ('confié à Samia Dridi') is a person's, whatever other label the model
        gave it, unless the KB knows it."""
        starts = {t.holder[0] for t in assigned if t.holder}
        ents = list(doc.ents)
        relabelled = [Span(doc, e.start, e.end, label="PERSON") if e.start in starts and e.label_ != "PERSON"
                      and not e.ent_id_ else e for e in ents]
        if any(a is not b for a, b in zip(relabelled, ents)):
            set_entities(doc, relabelled)

    def discover_heading_names(self, doc: Doc, titles: list[Title]) -> None:
        """The name that opens a list line before a comma, an office and a colon ('- Ali Salem, Interior
        Minister: ...') is a person's, whatever label the model gave its words, unless the KB knows them or one
        is a function word ('In Tripoli, ...')."""
        particles = self.lexicon.words.name_particles
        names = [Span(doc, *found, label="PERSON") for found in (name_heading_entry(doc, t, particles) for t in titles)
                 if found and not any(doc[i].ent_id_ or doc[i].ent_type_ == "PERSON" or doc[i].is_stop
                                      for i in range(*found))]
        if names:
            taken = {i for name in names for i in range(name.start, name.end)}
            set_entities(doc, [e for e in doc.ents if taken.isdisjoint(range(e.start, e.end))] + names)

    # -- entities the model made of titles, or of people around them ------------------------------
    def drop_titles_taken_for_names(self, doc: Doc) -> list[Span]:
        """The model tags a capitalised title at a sentence start as a place or an organisation ('Le Secrétaire
        général de l'ONU, X,'): an entity that is a whole office or rank, or a portfolio office and its portfolio
        ('Ministre de la Culture' opening a list line), with no KB id, is a title, not a name."""
        ents = list(doc.ents)
        kept = [e for e in ents if e.label_ not in PLACE_OR_ORG or e.id_
                or not (self._is_title_phrase(e) or self._cut_from_a_title(doc, e.start))]
        if len(kept) != len(ents):
            set_entities(doc, kept)
        return kept

    def _cut_from_a_title(self, doc: Doc, start: int) -> bool:
        """'Secretary-[General’s Special]': an entity opening after the hyphen of a hyphenated title is a piece of
        that title the model took for a name."""
        return (start > 1 and is_glued_hyphen(doc, start - 1)
                and fold(doc[start - 2 : start + 1].text) in self._title_phrases)

    def _is_title_phrase(self, ent: Span) -> bool:
        """An office or rank, titles joined by a possessive ('[General’s Special Representative]' cut from 'the UN
        Secretary-General’s Special Representative'), or a portfolio office and its portfolio."""
        parts = _between_possessives(ent, self.lexicon.words.possessive_marks)
        return (bool(parts) and all(fold(part) in self._title_phrases for part in parts)) or (
            len(ent) > 2 and ent[0].lower_ in self.lexicon.portfolio_offices and ent[1].lower_ in self.lexicon.words.of_words)

    def people_around_titles(self, doc: Doc, titles: list[Title]) -> None:
        """Names the model took for a place or an organisation, with no KB id: before a comma and an office
        with no article ('Seddiq el-Kebir, gouverneur de la Banque centrale, affirme'; an 'organisation' shaped as a
        name, with an article or not: 'According to Nadia Ferhat, director of the bar'), or right after a title
        when the name has an Arabic article ('le député Soleiman al-Faqih'), they are people."""
        ents = doc.ents
        by_start, by_end = {e.start: e for e in ents}, {e.end: e for e in ents}
        found = []
        for title in titles:
            if title.category == "clause":
                continue
            k = title.phrase_start
            before = by_end.get(k - 1) if k >= 2 and doc[k - 1].text == "," and title.category == "office" else None
            if (before is not None and before.label_ in ("GPE", "LOC") and self._looks_like_name(before)
                    and not self._after_a_place_preposition(doc, before.start)):
                found.append(before)
            body = self._body_before_apposition(doc, title, by_end)
            if body is not None:
                found.append(body)
            named = by_start.get(title.phrase_end + 1) if title.phrase_end < len(doc) and doc[title.phrase_end].text == "," else None
            if named is not None and title.category == "office" and (
                    self._person_taken_for_a_body(doc, named) or self._place_taken_for_a_name(doc, named)):
                found.append(named)
            after = by_start.get(title.end)
            if after is not None and after.label_ in PLACE_OR_ORG and (self._looks_like_name(after) and any(
                    part in self.lexicon.words.name_articles for t in after for part in t.lower_.split("-"))
                    or _lone_surname(doc, after, title) or self._person_taken_for_a_body(doc, after, verb_closes=True)):
                found.append(after)
            after_nationality = by_start.get(title.phrase_end) if title.phrase_end > title.end and \
                self.reader.follows_as_nationality(doc[title.phrase_end - 1]) else None
            if after_nationality is not None and self._place_shaped_like_a_name(after_nationality):
                found.append(after_nationality)  # 'le ministre de l'Intérieur tunisien X', X tagged as a place
        if found:
            relabelled = {(e.start, e.end) for e in found}
            set_entities(doc, [Span(doc, e.start, e.end, label="PERSON") if (e.start, e.end) in relabelled else e
                               for e in ents])

    def _body_before_apposition(self, doc: Doc, title: Title, by_end: dict[int, Span]) -> Span | None:
        """'According to Nadia Ferhat, director of the bar', '"...," Nadia Ferhat, a lawyer, told': an 'organisation'
        shaped as a name (`_person_taken_for_a_body`) before a comma, an article perhaps, and an office, or None."""
        k = title.phrase_start - 1
        while k > 0 and doc[k].lower_ in self.lexicon.words.title_determiners:
            k -= 1
        before = by_end.get(k) if k >= 2 and doc[k].text == "," and title.category == "office" else None
        return before if before is not None and self._person_taken_for_a_body(doc, before) else None

    def repeated_titles(self, doc: Doc, titles: list[Title]) -> list[Title]:
        """'le président du Parlement, A, celui du Conseil d'Etat, B': a title pronoun before 'de' and a named
        body repeats the one-word office last named in its sentence (up to twelve tokens before), for that body."""
        pronouns, of_words = self.lexicon.title_pronouns, self.lexicon.words.of_words
        determiners = self.lexicon.words.title_determiners
        offices = sorted((t for t in titles if t.category == "office" and not t.plural and fold(t.head) == fold(t.title)),
                         key=lambda t: t.end)
        repeated = []
        for i in (i for i in tokens_with_lower(doc, lower_hashes(pronouns))
                  if i < len(doc) - 2 and doc[i + 1].lower_ in of_words):
            k = i + 2
            while k < len(doc) and doc[k].lower_ in determiners:
                k += 1
            before = [t for t in offices if i - 12 <= t.end <= i and doc[t.start].sent == doc[i].sent]
            if not before or doc[k].ent_iob_ != "B" or doc[k].ent_type_ not in PLACE_OR_ORG:
                continue
            body = next(e for e in doc.ents if e.start == k)
            repeated.append(replace(before[-1], start=i, end=i + 1, phrase_start=i, phrase_end=_past_aside(doc, body.end),
                                    org=OrgRef(span=(body.start, body.end)), of=None, inner=False))
        return repeated

    def _person_taken_for_a_body(self, doc: Doc, ent: Span, verb_closes: bool = False) -> bool:
        """'le Président de la République, Karim Ben Salah, a reçu': an 'organisation' in apposition after an
        office, closed by a comma or a full stop, of two to four capitalised words (no acronym, no KB id; an Arabic
        article may join them: 'Abdelmoneim al-Arabi') none of which a body's name uses, is the holder's name; right
        after the office, a lower-case word that is no body's may close it too ("Russia's envoy Vassily Nebenzia
        criticised")."""
        after = doc[ent.end] if ent.end < len(doc) else None
        closed = after is None or after.text in (",", ".") or (
            verb_closes and after.is_lower and after.is_alpha and not self._body_word(after))
        words = [t for t in ent if not self._joins_a_surname(t)]
        return (ent.label_ == "ORG" and closed and 2 <= len(words) <= 4 and self._looks_like_name(ent)
                and all(t.is_alpha and t.is_title and not self._body_word(t) for t in words))

    def _joins_a_surname(self, token) -> bool:
        """An Arabic article or the hyphen after it, inside a name ('al', '-' in 'al-Arabi')."""
        return token.text in ("-", "‑") or (token.is_lower and token.lower_ in self.lexicon.words.name_articles)

    def _body_word(self, token) -> bool:
        """A word a body's name uses ('Council', 'Airlines', 'Observer'): a span holding one is no person's name."""
        heads = self.lexicon.heads
        body_words = heads.bodies | heads.org_name_words | heads.outlets | heads.organs | heads.generic_bodies
        return token.lower_ in body_words or fold(token.text) in body_words

    def _place_shaped_like_a_name(self, ent: Span) -> bool:
        """A 'place' of two or three capitalised words, no KB id, no nationality among them and no Arabic place word
        opening it: after a title and its nationality adjective, where a place never stands, it is the holder's
        name."""
        words = [t.text for t in ent]
        return (ent.label_ in ("GPE", "LOC") and len(ent) <= 3 and self._looks_like_name(ent)
                and not any(self.reader.shapes.is_nationality(w) for w in words)
                and not self.reader.shapes.opens_with_place_word(words))

    def _place_taken_for_a_name(self, doc: Doc, ent: Span) -> bool:
        """'le ministre de l'Intérieur tunisien, X, a reçu': such a 'place' in apposition after an office, closed by a
        comma or a full stop, is the holder's name."""
        closed = ent.end == len(doc) or doc[ent.end].text in (",", ".")
        return closed and self._place_shaped_like_a_name(ent)

    def _after_a_place_preposition(self, doc: Doc, start: int) -> bool:
        """'envoy for Central Africa, deputy special representative ...': a place after a region preposition
        ('for') is the region of the title before it, not a person the next title describes."""
        return start > 0 and doc[start - 1].lower_ in self.lexicon.words.region_prepositions

    def _looks_like_name(self, ent: Span) -> bool:
        """Two words or more, no KB id, each capitalised or a name particle."""
        return not ent.id_ and len(ent) >= 2 and all(
            t.text[:1].isupper() or t.lower_ in self.lexicon.words.name_particles or t.text in "-‑" for t in ent)

    def portfolio_words_off_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """'ministre des Affaires Etrangères Ali Salem': the model opens the person with the portfolio's second
        word; a person (no KB id) whose first word ends a portfolio with the word before it ('affaires étrangères',
        words.yaml never_places) starts after it."""
        never_places = self.reader.shapes.never_places
        trimmed = [Span(doc, e.start + 1, e.end, label="PERSON")
                   if e.label_ == "PERSON" and not e.id_ and len(e) > 2 and e.start > 0
                   and fold(f"{doc[e.start - 1].text} {e[0].text}") in never_places else e for e in ents]
        if all(a is b for a, b in zip(trimmed, ents)):
            return ents
        return set_entities(doc, trimmed)

    def given_names_before_people(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """'Minister of the Interior Fathi Pasha Agha': a given name of the lexicon, capitalised and in no entity,
        right before a person the model found (no KB id) opens that person's name, not the portfolio."""
        given = self.lexicon.words.given_names
        grown = [Span(doc, e.start - 1, e.end, label="PERSON")
                 if e.label_ == "PERSON" and not e.id_ and e.start > 0 and not doc[e.start - 1].ent_type_
                 and doc[e.start - 1].text[:1].isupper() and fold(doc[e.start - 1].text) in given else e for e in ents]
        if all(a is b for a, b in zip(grown, ents)):
            return ents
        return set_entities(doc, grown)

    def process(self, doc: Doc) -> Doc:
        ents = self.given_names_before_people(doc, self.portfolio_words_off_names(doc, self.drop_titles_taken_for_names(doc)))
        ents = self.surnames_taken_for_other_names(doc, ents)
        words = self.lexicon.words
        units = without_verbs(self.nouns_of_modifiers(self.units(doc, ents)), self.lexicon.verb_qualifiers,
                              words.auxiliaries)
        units = without_verb_offices(units, self.lexicon.verb_offices, words.object_relatives, words.title_determiners)
        units = plural_verbs_as_clauses(units, self.lexicon.clause_roles)
        if tokens_with_lower(doc, lower_hashes(self.agent_cue_verbs)):  # the scan reads every word: most docs have no cue
            units = clauses_around_dates(doc, units, self.agent_cue_verbs, words)
        joiners = words.conjunctions | {"&"}
        nationalities = frozenset(u.end for u in units if u.cat == "RANK" and u.end < len(doc)
                                  and self.reader.follows_as_nationality(doc[u.end]))
        title_runs = runs(units, self.lexicon.appointment_verbs, words.adjectives_follow_noun, joiners, nationalities,
                          self.lexicon.modifiers, self.lexicon.honorifics)
        by_cat: dict[str, list[Unit]] = defaultdict(list)
        for unit in units:
            by_cat[unit.cat].append(unit)
        unit_starts = {u.start for cat in TITLE_UNITS for u in by_cat[cat]}
        if self.discover_people:
            openings = [(run[0].start, run[-1].end) for run in title_runs] + [(u.start, u.end) for u in by_cat["HONOR"]]
            ents += self.discover(doc, openings, unit_starts)
        titles = bodies_named_before(doc, self.reader.read(doc, by_cat, title_runs, ents), ents,
                                     self.lexicon.bare_body_offices)
        titles = list_entries(doc, titles, by_cat["MOD"], joiners, words.name_particles, self.lexicon.honorifics)
        titles = post_holders(doc, titles, self.assignment_words)
        assigned = (assigned_offices(doc, self.assignment_words) + portfolio_appointments(doc, self.assignment_words)
                    + portfolios_given(doc, self.assignment_words) + portfolios_listed(doc, self.assignment_words)
                    + charged_portfolios(doc, self.assignment_words)
                    if self.assignment_words.ministries else [])
        doc._.titles = titles = sorted(titles + assigned, key=lambda t: t.start)
        if self.discover_people:
            holders = [(t.start, t.holder[0]) for t in assigned if t.holder]
            self.discover(doc, _after_named_complements(doc, titles) + holders + self.apposed_names(doc, titles, unit_starts),
                          unit_starts)
            self.holders_are_people(doc, assigned)
            self.discover_listed(doc, titles)
            self.discover_listed_after_plurals(doc, titles, unit_starts)
            self.discover_heading_names(doc, titles)
            self.discover_apposed(doc, titles, unit_starts)
            self.discover_after_portfolios(doc, titles)
        doc._.titles = titles = titles + self.repeated_titles(doc, titles)
        _drop_names_inside_titles(doc, list(doc.ents), [t for t in titles if t not in assigned])  # the ministry stays a name
        self.people_around_titles(doc, titles)
        self.people_opening_appositions(doc, titles)
        self.people_named_to_titles(doc, titles)
        self.people_named_by_surname(doc)
        return doc

    def people_opening_appositions(self, doc: Doc, titles: list[Title]) -> None:
        """'Salem Kadi, 54, the interior minister, said', '..." said Lana Haddad, the UAE ambassador, on Monday':
        capitalised words in no entity that open a sentence with a given name, before a comma (and an age) and an
        office, are a person the model missed; so are such words (two or more, with name particles and hyphens) after
        a punctuation mark or a lower-case word ('said X, a spokesman for ...') when none is a function, calendar,
        opening or nationality word, outside a Title Case headline and a title's own complement; and those after a
        lower-case word before a comma and an office with no article ('a déclaré X, porte-parole de Y,'). Words
        ending with a plural office name a group, no one."""
        words = self.lexicon.words
        determiners, particles = words.title_determiners, words.name_particles
        spans = {found for found in (_name_opening_apposition(doc, t, determiners, particles, words.partitives)
                                     for t in titles) if found}
        complements = {t.end + 1 for t in titles if t.end < len(doc) and doc[t.end].lower_ in self.lexicon.complements}
        complements |= {i for t in titles for i in range(t.start, t.phrase_end)}
        names = [Span(doc, *found, label="PERSON") for found in sorted(spans)  # not 'envoy for Central Africa,'
                 if found[0] not in complements and self._opens_apposition(doc, *found)]
        bare = {found for found in (_name_before_bare_apposition(doc, t, words) for t in titles) if found} - spans
        names += [Span(doc, *found, label="PERSON") for found in sorted(bare)]
        names = [span for span in names if span[-1].lower_ not in self.lexicon.plural_offices]  # 'of Arab Foreign Ministers,'
        if names:
            set_entities(doc, sorted(names, key=lambda span: span.start), default="unmodified")

    def people_named_to_titles(self, doc: Doc, titles: list[Title]) -> None:
        """'The premier named Hiba Zaroug, as health minister', 'Dbeibah appointed Nadia Ferhat interior minister': two to four
        capitalised words (with name particles; in no entity, or in a place or a body the model guessed) between a
        naming verb and an office ('as', a comma, an article between) are the person named; no function, calendar,
        nationality or body word among them ('named Misrata Military Council commander X')."""
        words = self.lexicon.words
        names = []
        for title in titles:
            if title.category != "office" or title.plural:
                continue
            k = title.phrase_start - 1
            while k > 0 and (doc[k].lower_ in words.title_determiners or doc[k].lower_ in words.appointment_prepositions
                             or doc[k].text == ","):
                k -= 1
            start = end = k + 1
            while start > 1 and end - start < 4 and _name_part(doc, start - 1, words.name_particles) \
                    and _guessed_or_none(doc[start - 1]):
                start -= 1
            if (end - start >= 2 and doc[start - 1].lower_ in words.naming_verbs and doc[start].text[:1].isupper()
                    and not any(doc[i].is_stop or doc[i].lower_ in words.calendar_words or self._body_word(doc[i])
                                or self.reader.shapes.is_nationality(doc[i].text) for i in range(start, end))):
                names.append(Span(doc, start, end, label="PERSON"))
        if names:
            set_entities(doc, [*names, *doc.ents], default="unmodified")

    def _opens_apposition(self, doc: Doc, start: int, end: int) -> bool:
        """Is the span found before an office's apposition a name: one opening with a given name when it holds words
        of a place or a body the model guessed, or at a sentence's start; elsewhere, words none of which opens
        sentences, dates or says a nationality, off a headline?"""
        texts = [doc[i].text for i in range(start, end)]
        given = self.reader.shapes.opens_with_given_name(texts)
        if any(doc[i].ent_type_ for i in range(start, end)):  # words of a place or a body the model guessed
            return given
        if opens_sentence_or_line(doc[start]) and given:
            return True
        words = self.lexicon.words
        plain = not any(doc[i].is_stop or doc[i].lower_ in words.calendar_words or doc[i].lower_ in words.sentence_openers
                        or self.reader.shapes.is_nationality(doc[i].text) or doc[i].text.isupper() for i in range(start, end))
        return plain and not (on_headline_line(doc, start) or in_title_case_line(doc, start))

    def surnames_taken_for_other_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A lone surname of someone named in full before, which the model took for a body or a people, is that
        person before any title is read around it: 'Congress elected Benali prime minister' names no body's
        prime minister."""
        found = surnames_guessed_as_other_names(doc, ents, self.lexicon.words.leading_determiners)
        if not found:
            return ents
        set_entities(doc, found, default="unmodified")
        return list(doc.ents)

    def people_named_by_surname(self, doc: Doc) -> None:
        """Once every person named in full is found (the last of them just above, after titles), the same words
        elsewhere are that person, and a lone capitalised word repeating one's surname later on too ('Ziglam is a
        former executive')."""
        ents = list(doc.ents)
        found = repeated_full_names(doc, ents)
        found += repeated_surnames(doc, ents + found, self.lexicon.words.leading_determiners)
        if found:
            set_entities(doc, found, default="unmodified")


def _entity_end(doc: Doc, k: int) -> int:
    """Past the entity that starts at `k` (the token after its last), or `k` + 1 when none does."""
    k += 1
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    return k


def _after_named_complements(doc: Doc, titles: list[Title]) -> list[tuple[int, int]]:
    """Titles whose phrase ends with a place or an organisation ('former ambassador to the UAE [X]') or with a
    lower-case word after the title's own ('le président tunisien [X]', 'le président sortant [X]'): where their
    phrase opens and where a name after it would start."""
    return [(t.phrase_start, t.phrase_end) for t in titles
            if t.category != "clause" and t.phrase_end < len(doc) and not doc[t.phrase_end].is_punct
            and ((t.end < t.phrase_end and doc[t.phrase_end - 1].ent_type_ in PLACE_OR_ORG) or doc[t.phrase_end - 1].is_lower)]


def _past_aside(doc: Doc, end: int) -> int:
    """The comma before the name after a short aside that follows `end` (", équivalent d'une chambre haute, X":
    up to ten tokens, no person, no other punctuation), or `end`."""
    if end >= len(doc) or doc[end].text != ",":
        return end
    for k in range(end + 1, min(end + 11, len(doc) - 1)):
        if doc[k].text == ",":
            return k if doc[k + 1].ent_type_ == "PERSON" and doc[k + 1].ent_iob_ == "B" else end
        if doc[k].is_punct or doc[k].ent_type_ == "PERSON":
            return end
    return end


def _lone_surname(doc: Doc, ent: Span, title: Title) -> bool:
    """'Acting Prime Minister Thanaie and ...': one capitalised word (no acronym, no KB id) the model took for an
    organisation, right after an office and before a lower-case word or punctuation, is the office holder's name."""
    word = ent[0].text
    return (title.category == "office" and len(ent) == 1 and not ent.id_ and word.isalpha() and not word.isupper()
            and (ent.end >= len(doc) or not doc[ent.end].text[:1].isupper()))


def _name_opening_apposition(doc: Doc, title: Title, determiners: frozenset[str], particles: frozenset[str],
                             partitives: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Where two capitalised words or more (with name particles and glued hyphens, up to MAX_APPOSED_NAME_TOKENS
    tokens; in no entity but a place or a body the model guessed) lie just before a comma, an age perhaps, and
    `title` (an office or rank), opening a sentence or a line or after a punctuation mark or a lower-case word; or
    None."""
    if title.category == "clause":
        return None
    j = _before_partitive(doc, title, partitives)
    while j > 0 and doc[j].lower_ in determiners:
        j -= 1
    if j < 2 or doc[j].text != ",":
        return None
    if j >= 3 and doc[j - 1].like_num and doc[j - 2].text == ",":
        j -= 2  # 'X, 54, the minister'
    start = j
    while start > 0 and j - start < MAX_APPOSED_NAME_TOKENS and _name_part(doc, start - 1, particles) \
            and _guessed_or_none(doc[start - 1]):
        start -= 1
    while start < j and (not doc[start].text[:1].isupper() or doc[start].ent_iob_ == "I"):  # not '[al-]Amari'
        start += 1
    before = doc[start - 1] if start > 0 else None
    words = sum(doc[i].is_alpha and doc[i].text[:1].isupper() for i in range(start, j))
    opens = opens_sentence_or_line(doc[start]) or (not before.ent_type_ and (before.is_punct or before.is_lower)
                                            and not is_glued_hyphen(doc, start - 1))
    return (start, j) if opens and words >= 2 else None


def _before_partitive(doc: Doc, title: Title, partitives: frozenset[str]) -> int:
    """The token before a title's phrase and, for a plural title, the partitive that singles one holder out ('X,
    l'un des dirigeants du mouvement': the token before 'un des')."""
    j = title.phrase_start - 1
    opening = as_phrase_start(doc, j, partitives) if title.plural else None
    return j if opening is None else opening - 1


def _guessed_or_none(token) -> bool:
    """In no entity, or in a place or a body the model guessed and the KB does not know ('Salem [Mokhtar]')?"""
    return not token.ent_type_ or (token.ent_type_ in PLACE_OR_ORG and not token.ent_id_)


def _name_part(doc: Doc, i: int, particles: frozenset[str]) -> bool:
    """A capitalised word, a lower-case name particle ('al') or a hyphen glued inside a name ('al-Amari')."""
    token = doc[i]
    return (token.is_alpha and token.text[:1].isupper()) or token.lower_ in particles or is_glued_hyphen(doc, i)


def _name_before_bare_apposition(doc: Doc, title: Title, words: Words) -> tuple[int, int] | None:
    """Where two to four capitalised words (with name particles and glued hyphens) in no entity, or in a place or a
    body the model guessed when an Arabic article is among them ('Aoudh al-Madjbari'), lie after a lower-case word or
    a sentence opener ('a déclaré', 'Selon'; no place or region preposition: 'à Tripoli Centre'), just before a comma
    and `title`, an office or rank written with no article ('selon Jalel Harchaoui, chercheur au Clingendael') or
    after a partitive ('selon X, un des représentants du CGN'); or None."""
    j = _before_partitive(doc, title, words.partitives)
    if title.category == "clause" or j < 3 or doc[j].text != ",":
        return None
    start = j
    while start > 1 and j - start < MAX_APPOSED_NAME_TOKENS and _name_part(doc, start - 1, words.name_particles) \
            and _guessed_or_none(doc[start - 1]) and doc[start - 1].lower_ not in words.sentence_openers:
        start -= 1
    while start < j and (not doc[start].text[:1].isupper() or doc[start].ent_iob_ == "I"):  # not '[al-]Madjbari'
        start += 1
    before = doc[start - 1]
    opener = before.lower_ in words.sentence_openers
    capitalised = sum(doc[i].is_alpha and doc[i].text[:1].isupper() for i in range(start, j))
    guessed = any(doc[i].ent_type_ for i in range(start, j))
    if guessed and not any(doc[i].lower_ in words.name_articles for i in range(start, j)):
        return None  # a place or a body the model guessed is a person's name when it has an Arabic article
    if not 2 <= capitalised <= 4 or not (before.is_alpha and (before.is_lower or opener)) or before.lower_ in words.place_prepositions \
            or before.lower_ in words.region_prepositions:  # 'envoy for Central Africa, deputy representative'
        return None
    return start, j


def _between_possessives(ent: Span, marks: frozenset[str]) -> list[str]:
    """The texts of the entity's parts that possessive marks separate ('General', 'Special Representative')."""
    parts, start = [], ent.start
    for token in ent:
        if token.text in marks:
            parts.append(ent.doc[start:token.i].text)
            start = token.i + 1
    return [part for part in parts + [ent.doc[start:ent.end].text] if part]


def _drop_names_inside_titles(doc: Doc, ents: list[Span], titles: list[Title]) -> None:
    """An organisation or place the model found inside a title's own words, with no KB id, is the title's
    portfolio ('ministre de l'Économie, des Finances et du Budget'), not a name of its own; so is a region, known
    or not ('deputy Middle East and North Africa director': the region is the office's, no place the text is about)."""
    covered = {i for t in titles for i in range(t.start, t.end)}
    kept = [e for e in ents if e.label_ == "PERSON" or (e.id_ and e.label_ != "LOC")
            or not all(i in covered for i in range(e.start, e.end))]
    if len(kept) != len(ents):
        set_entities(doc, kept)


def _as_written_in_text(nlp: Language, phrase: str) -> Doc:
    """The tokens of a lexicon phrase as a text writes them: one ending with an elided article ("d'", "de l'",
    "chargé d'") is cut as before the word it is glued to ("d'une" is "d'" + "une"; alone, "d'" is "d" + "'")."""
    if not phrase.endswith(("'", "’")):
        return nlp.tokenizer(phrase)
    glued = nlp.tokenizer(phrase + "x")
    return glued[:-1].as_doc() if glued[-1].text == "x" else nlp.tokenizer(phrase)


def _unaccented_initial(phrase: str) -> str:
    """The phrase with the first letter of each word written without an accent, as capitals often are
    ('Économiste' -> 'Economiste', "chef de l'État" -> "chef de l'Etat")."""
    return re.sub(r"(^|[\s'’-])(\w)", lambda m: m.group(1) + fold(m.group(2)), phrase)


def _headline_at(doc: Doc, i: int) -> bool:
    """A headline's line or a Title Case line (the test the cleanup reads too)."""
    return on_headline_line(doc, i) or in_title_case_line(doc, i)


def _alone_on_line(doc: Doc, start: int, end: int) -> bool:
    """Are tokens start:end a whole line (a line break or the text's edge on either side)?"""
    def breaks(i: int) -> bool:
        return i < 0 or i >= len(doc) or (doc[i].is_space and "\n" in doc[i].text)
    return breaks(start - 1) and breaks(end)


def _any_in_range(positions: list[int], start: int, end: int) -> bool:
    """Does the sorted list hold a position in [start, end)? A bisection, where a numpy slice per
    lexicon match cost more than the matcher itself."""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end
