"""Tidy the statistical model's entity spans so they are names and nothing else.

en_core_web_sm writes 'the General Command's', 'President Macron' or 'the Libyan National Army' as
entities; users want 'General Command', 'Macron' and 'Libyan National Army'. This component trims
determiners, possessives, punctuation and (for people) leading titles and nationality words,
maps other label schemes (fr_core_news_sm's PER) onto ours, and drops spans left with no name.

It runs on every entity of every article, so it reads tokens one by one by index (slicing a Doc builds
a Span, and each `doc[i]` a Token), reads `doc.ents` once, and builds a new Span only for a changed one.

One concern: tidying the model's entity spans (each step reads the same token arrays).
"""

from __future__ import annotations

from dataclasses import replace

import operator

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..text.name_shapes import NameShapes
from ..text.normalize import fold, name_key
from .base import KnowledgePipe, on_headline_line
from .bodies import BodyWords, find_bodies, find_facilities, find_outlets, in_title_case_line
from .body_spans import with_bodies
from .bylines import credits, opens_credit_cue
from .common_words import drop_capitalised_common_words
from .entity_spans import non_overlapping, set_entities
from .people_joins import join_broken_names, join_split_people, listed_together, with_bylines
from .person_spans import (HYPHENS, NameEdgeWords, SpeakerWords, confirmed_headline_names,
                           with_given_names_glued_to_people, with_given_names_taken_for_bodies,
                           with_names_after_line_breaks, with_quoted_speakers, with_transcript_speakers,
                           with_whole_names)
from .place_uses import ModifierWords, dateline_places, is_acronym_as_modifier, with_dateline_places
from .span_edges import (LABEL_MAP, NAME_LABELS, after_determiners, after_elided_words, after_label,
                         ends_before_adjectives, head_length, in_quotes, is_abbreviated, is_acronym_before_name,
                         unbroken_words, without_trailing, without_trailing_date, without_trailing_qualifier)

# punctuation is the same in every language; words come from the language's data (models/lang/<code>/)
TRAILING_PUNCTUATION = frozenset({"'", "’", ",", ".", ";", ":", "-", "—", "–", '"', "”", "“", "(", ")", "/"})
CLOCK_SHAPES = frozenset({"d:dd", "dd:dd", "d.dd", "dd.dd", "ddxdd", "dxdd"})  # '9:15', '12:59', '14h30'
HEAD_NOUN_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
APPOSITION_WORDS = 4  # 'X, a small coastal town': words between the comma and the place noun, at most
IOB_OUTSIDE = 2  # spaCy's code for 'O' in `Token.ent_iob`


@Language.factory(
    "nerlibya_entity_cleanup",
    default_config={"kb_path": "", "lang_path": "", "drop_labels": ["MISC"]},
    assigns=["doc.ents"],
    requires=["doc.ents"],
)
def make_entity_cleanup(nlp: Language, name: str, kb_path: str, lang_path: str, drop_labels: list[str]) -> "EntityCleanup":
    return EntityCleanup(nlp, name, kb_path=kb_path, lang_path=lang_path, drop_labels=frozenset(drop_labels))


class EntityCleanup(KnowledgePipe):
    def __init__(self, nlp: Language, name: str, *, drop_labels: frozenset[str] = frozenset(), **knowledge):
        self.drop_labels = drop_labels
        super().__init__(nlp, name, **knowledge)

    def build(self) -> None:
        words, heads = self.lexicon.words, self.lexicon.heads
        self.words = words
        self.title_words = self.lexicon.title_words()
        self.plural_title_ends = frozenset(phrase.split()[-1] for phrase in self.lexicon.plural_offices)
        self.demonyms = frozenset(self.kb.by_demonym)
        self.shapes = NameShapes.of(words, self.demonyms)
        # an elided word glued after a name ('Khaled X s'est retiré') is no part of it
        elided = frozenset(w + mark for w in words.elided_words for mark in ("'", "’"))
        self.trailing = TRAILING_PUNCTUATION | words.possessive_marks | elided
        # a longer name does not end with these: "de l'", 'of the', 'in' ('the Office in' + 'Tunis')
        self.dangling = (words.leading_determiners | words.linking_words | words.place_prepositions
                         | words.body_complements | heads.name_joiners | heads.place_joiners | heads.posting_joiners)
        self.qualifier_words = frozenset(w for w in self.lexicon.qualifiers if " " not in w)
        self.heads = heads
        self.outlet_words = frozenset(w for w in heads.outlets | heads.org_name_words if " " not in w)
        self.fac_ends = frozenset(w[-1] for side in (heads.after, heads.before) for w in side.get("FAC", ()))
        self.head_starts = frozenset(w[0] for phrases in heads.after.values() for w in phrases)
        self.head_ends = frozenset(w[-1] for phrases in heads.before.values() for w in phrases)
        self.org_ends = frozenset(w[-1] for w in heads.after.get("ORG", ()))
        self.longest_head_after = max((len(w) for phrases in heads.after.values() for w in phrases), default=0)
        self.longest_head_before = max((len(w) for phrases in heads.before.values() for w in phrases), default=0)
        # the words a body's lower-case complement opens with ('de la gouvernance', 'sur le monde', 'en eau')
        self.body_complement_openers = words.of_words | words.body_complements | heads.posting_joiners
        self.owner_links = words.of_words | words.leading_determiners  # 'du', 'de l'', 'of the' before an owner
        self.body_words = self._body_words()
        self.facility_words = replace(self.body_words, lower_case_heads=frozenset(), bodies=frozenset(
            w[0] for side in (heads.after, heads.before) for w in side.get("FAC", ()) if len(w) == 1))
        self.modifier_words = None if words.adjectives_follow_noun else ModifierWords(
            not_nouns=(words.function_words | words.auxiliaries | words.conjunctions | words.quantifiers
                       | words.adverbs | words.sentence_openers | words.place_prepositions | words.of_words),
            determiners=words.title_determiners)
        self.name_edges = self._name_edges(elided)
        self.speaker_words = SpeakerWords(speech_verbs=words.speech_verbs, between=words.auxiliaries,
                                          after_name=words.speaker_complements, name_particles=words.name_particles)

    def _body_words(self) -> BodyWords:
        """The words by which a body's name is read: its head nouns, complements, determiners, and the words
        that stop it (a one-word office or rank, a demonym)."""
        lexicon, words, heads = self.lexicon, self.words, self.heads
        single_words = {w for w in lexicon.offices | lexicon.ranks if " " not in w}
        return BodyWords(
            bodies=heads.bodies, complement_words=words.body_complements, of_words=words.of_words,
            determiners=words.leading_determiners - words.body_complements - words.of_words,
            stop_words=frozenset(single_words), demonyms=self.demonyms | inflected(words.nationality_words,
                                                                                  words.nationality_endings),
            portfolio_titles=frozenset(w for w in lexicon.portfolio_offices if " " not in w),
            adjective_endings=words.adjective_endings, infinitive_endings=words.infinitive_endings,
            list_joiners=words.conjunctions | {"&"}, head_first=words.adjectives_follow_noun,
            compounds=heads.complement_compounds, leading_adjectives=heads.leading_adjectives,
            lower_case_heads=heads.lower_case_heads, possessive_marks=words.possessive_marks,
            place_nouns=words.place_nouns,
            title_phrases=frozenset(w for w in lexicon.offices | lexicon.ranks if w.count(" ") == 1))

    def _name_edges(self, elided: frozenset[str]) -> NameEdgeWords:
        """The words that cannot open a person's name as its given name, and the tests of a name's edges."""
        words = self.words
        return NameEdgeWords(
            never_given_names=(self.title_words | words.leading_determiners | words.function_words
                               | words.calendar_words | words.compass_words | words.sentence_openers
                               | words.conjunctions | words.family_nouns | words.platforms | words.never_places
                               | words.portfolio_nouns  # 'Minister of Energy and Water Resources Paul Borg'
                               | self.org_ends),  # 'the Foreign Affairs Committee Youssef Ali': a body's head noun
            name_articles=words.name_articles, is_nationality=self.shapes.is_nationality,
            is_given_name=lambda word: self.shapes.opens_with_given_name([word]),
            is_other_name=lambda word: any(self.kb.by_id[i].kind != "person" for i in self.kb.lookup(word)),
            complement_openers=words.of_words | words.body_complements | elided)

    def _is_person_prefix(self, token) -> bool:
        lower = token.lower_
        return (lower in self.words.leading_determiners or lower in self.title_words or fold(lower) in self.demonyms
                or self.shapes.is_nationality(token.text)  # the word lists' too: 'Eritrean Ermas Germai'
                or token.is_punct)  # the KB's demonyms are folded: 'Algérien' -> 'algerien'

    def _honorific_before_name(self, doc: Doc, start: int, end: int) -> bool:
        """The span opens with a courtesy title ('H.E.', 'His Excellency') and two capitalised words follow."""
        for length in (1, 2):
            words = " ".join(doc[i].lower_ for i in range(start, min(start + length, end)))
            if words in self.lexicon.honorifics:
                return end - start - length >= 2 and all(doc[i].text[:1].isupper() or doc[i].text in HYPHENS
                                                         for i in range(start + length, end))
        return False

    def trim(self, ent: Span, credited: bool = False) -> Span | None:
        """The entity as a name and nothing else, or None if it is no name; a name a byline credits (`credited`)
        is one even when it opens with a word that also dates ('By Jan Smit', '(Signed) Jan Barend Coetzee')."""
        ent_label = ent.label_
        label = LABEL_MAP.get(ent_label, ent_label)
        if label in self.drop_labels:
            return self.known_entity(ent)
        doc, start, has_id = ent.doc, ent.start, bool(ent.id_)
        start, end = unbroken_words(doc, start, ent.end)
        if not has_id:
            end = without_trailing_qualifier(doc, start, end, self.qualifier_words, self.dangling)
        end = without_trailing(doc, start, end, self.trailing, self.dangling)
        if not has_id and label != "PERSON":
            end = without_trailing_date(doc, start, end, self.words.calendar_words, self.dangling)
        if (not has_id and label in NAME_LABELS and end - start > 2 and is_acronym_before_name(doc[start], doc[start + 1])
                and self.shapes.opens_with_given_name([doc[i].text for i in range(start + 1, end)])):
            label = "PERSON"  # 'du PJC Karim al-Tarhouni', tagged as one place or body
        if not has_id and label != "PERSON" and self._honorific_before_name(doc, start, end):
            label = "PERSON"  # 'H.E Jean-Claude Gakosso', tagged as a product: the honorific is trimmed below
        if label == "PERSON" and not has_id:
            while start < end - 1 and (self._is_person_prefix(doc[start]) or is_acronym_before_name(doc[start], doc[start + 1])):
                start += 1
        span_id = ent.id
        if label == "PERSON" and start > 0 and self._is_initial(doc[start - 1]):
            start -= 1  # 'F. el-Sarraj': the initial is part of the name, and must fit the KB's given name
            known = self.kb.by_id.get(ent.id_)
            if known is not None and fold(known.name)[:1] != fold(doc[start].text)[:1]:
                span_id = 0
        if not has_id:
            start = after_determiners(doc, start, end, self.words.leading_determiners)
            start = after_elided_words(doc, start, end)
            start = after_label(doc, start, end)
        if start >= end:
            return None
        if not has_id and not credited and self._is_not_a_name(doc, start, end, label):
            return None
        if not has_id and label == "ORG" and self._is_not_an_organisation(doc, start, end):
            return None
        if not has_id:
            label = self._kind_by_shape(doc, start, end, label)
            if label == "PERSON" and end - start == 1 and start > 0 and doc[start - 1].lower_ in self.words.articles_before_no_person:
                return None  # 'pendant le Ramadan', 'des Kadhafi': French writes no article before a person's name
        if label is None or (label in PLACE_LABELS and self._names_a_nationality(doc, start, end)):
            return None
        if (start, end, label) == (ent.start, ent.end, ent_label):
            return ent
        return Span(doc, start, end, label=label, kb_id=ent.kb_id, span_id=span_id)

    def known_entity(self, ent: Span) -> Span | None:
        """A span of a dropped label ('Haut-conseil d’État' as MISC, its hyphen hiding it from the KB ruler) that
        the KB knows by exactly one name is that entity; else None."""
        known = self.kb.lookup(ent.text)
        if len(known) != 1:
            return None
        entity = self.kb.by_id[next(iter(known))]
        return Span(ent.doc, ent.start, ent.end, label=entity.label, span_id=entity.id)

    def _outlet_after_its_kind(self, doc: Doc, start: int, end: int) -> bool:
        """A name right after a kind of outlet ('the Russian newspaper Nezavisimaya Gazeta'; after a comma, when
        punctuation closes it: 'the local daily, X,') names the outlet, unless it opens with a given name ('told the
        newspaper, Ahmed Ali said')."""
        k = start - 1
        if k > 0 and doc[k].text == ",":
            if end < len(doc) and not doc[end].is_punct:
                return False
            k -= 1
        kinds = self.heads.outlets
        return (any(" ".join(t.lower_ for t in doc[k - n + 1:k + 1]) in kinds for n in (1, 2, 3) if k - n + 1 >= 0)
                and not self.shapes.opens_with_given_name([doc[i].text for i in range(start, end)]))

    def _after_its_kind(self, doc: Doc, start: int, kinds: frozenset[str]) -> bool:
        """A name written right after a lower-case noun of `kinds`, or after it and its adjectives where they
        follow the noun ('la tempête tropicale Hilda', 'le parti salafiste Nour'): a name of that kind."""
        ends = ends_before_adjectives(doc, start) if self.words.adjectives_follow_noun else [start]
        return any(end > 0 and doc[end - 1].lower_ in kinds for end in ends)

    def _lone_body_head(self, doc: Doc, start: int, end: int) -> bool:
        """A body's head noun alone, its name not going on ('les membres du Forum', not 'Centre Moyen-Orient'): the
        body named in full elsewhere, no place."""
        return (end - start == 1 and doc[start].lower_ in self.heads.bodies
                and not (end < len(doc) and doc[end].text[:1].isupper()))

    def _is_not_a_name(self, doc: Doc, start: int, end: int, label: str) -> bool:
        """Spans the model tags that are no names at all: 'Field Marshal' or 'Defence' (from 'Minister of
        Defence') as organisations, a nationality word as a place, 'In' or 'Later' as a person, 'Oct 10' as a place."""
        tokens = [doc[i] for i in range(start, end)]
        words = [t.lower_ for t in tokens]
        if label in NAME_LABELS and not any(t.text[:1].isupper() for t in tokens):
            return True
        if len(words) == 1 and (self.shapes.is_nationality(words[0]) or tokens[0].is_stop
                                or words[0] in self.words.sentence_openers):
            return True  # 'Later, X said': an adverb opening a sentence is no name
        if words[0] in self.words.calendar_words or (len(words) == 1 and words[0] in self.words.compass_words):
            return True
        if label == "PERSON" and not any(map(self._carries_a_name, tokens)):
            return True  # 'M.', 'Sheikh', 'de M.' (from a French 'de M. Haftar'): titles, particles, initials
        if label == "PERSON" and words[-1] in self.lexicon.honorifics and is_abbreviated(tokens[-1].text):
            return True  # 'Déclaration de M.' (before 'Taher X'): 'M.', 'Mme', 'Mr' come before a name, never end one
        if label == "PERSON" and self._seat_of_an_office(doc, start, end):
            return True  # "the Prime Minister’s House", "the Prime Minister House": an office's seat, no person
        if label == "PERSON" and any(c.isdigit() for t in tokens for c in t.text):
            return True  # 'COVID-19', '8263rd Meeting': no person's name is written with a digit
        if label == "PERSON" and words[-1] in self.heads.other_kinds:
            return True  # 'Executive Order', 'Berlin Conference': a document's or an event's head ends no person's name
        if words[-1] in self.plural_title_ends and not any(w in self.heads.bodies for w in words):
            return True  # 'a meeting of European Foreign Ministers': a group named by its office ('Council of Ministers' is a body)
        if label in NAME_LABELS and self._after_its_kind(doc, start, self.heads.weather_events):
            return True  # 'the storm Daniel', 'la tempête tropicale Hilda': a weather event's name, no person or place
        if len(tokens) == 1 and start > 0 and doc[start - 1].shape_ in CLOCK_SHAPES:
            return True  # '12:59 GMT': a time zone after a clock time
        if len(tokens) == 1 and opens_credit_cue(doc, start, self.words):
            return True  # '; Writing by X': a credit's cue, no name
        if label != "PERSON" and tokens[0].is_lower and words[0] in self.title_words:
            return True  # fr_core_news_sm's 'ministre des Affaires étrangères' (ORG) is a title, not a name
        if label != "PERSON" and all(w in self.title_words for w in words):
            before = doc[start - 1].lower_ if start > 0 else ""
            after = doc[end] if end < len(doc) else None
            return before in self.words.of_words or before in self.title_words or (after is not None and after.text[:1].isupper())
        return False

    def _seat_of_an_office(self, doc: Doc, start: int, end: int) -> bool:
        """The span opens with a possessive mark after a title word, or right after one ("the President’s
        Office", "the Prime Minister’s House" tagged as '’s House'), or is a lone seat's noun right after a title
        ("the Prime Minister House"): what the office owns, no name."""
        mark = start if doc[start].lower_ in self.words.possessive_marks else start - 1
        if mark > 0 and doc[mark].lower_ in self.words.possessive_marks and doc[mark - 1].lower_ in self.title_words:
            return True
        return (end - start == 1 and start > 0 and doc[start].lower_ in self.words.office_buildings
                and doc[start - 1].lower_ in self.title_words)

    def _names_a_nationality(self, doc: Doc, start: int, end: int) -> bool:
        """A place's acronym used as its nationality adjective ('a U.S. air strike'; see place_uses.py)."""
        return (self.modifier_words is not None and is_acronym_as_modifier(doc, start, end, self.modifier_words)
                and self._is_known_place(doc[start].text))

    def _is_not_an_organisation(self, doc: Doc, start: int, end: int) -> bool:
        """What real copy shows tagged as an organisation and is none: a UN document symbol ('S/2022/632'),
        a body's organ ('Board of Directors'), ranks ('Generals', 'Major-General'), and a headline's
        capitalised words with no kind of body in them ('Libya Under Threat of Division') or that the article
        writes nowhere else ('Asks Parliament')."""
        tokens = [doc[i] for i in range(start, end)]
        if any("/" in t.text and any(c.isdigit() for c in t.text) for t in tokens):
            return True
        if self._is_an_organ(doc[start:end].text):
            return True
        if on_headline_line(doc, start) and doc.text.count(doc[start:end].text) < 2:
            return True  # a headline's capitals the article never writes again ('New Coastal Defence Authority')
        if any(t.lower_ in self.heads.bodies for t in tokens):
            return False
        parts = [p for t in tokens for p in t.lower_.split("-") if p and not t.is_punct]
        if parts and all(p in self.title_words or p.rstrip("s") in self.title_words for p in parts):
            return True
        # in a headline, a lone capitalised word or words around 'of' are no name ('Profiles'); 'Libyan
        # Express' may be one
        return (len(tokens) == 1 or any(t.is_lower for t in tokens)) and in_title_case_line(doc, start)

    def _is_an_organ(self, text: str) -> bool:
        """A body's organ, alone or of the body it belongs to ('Board of Directors', 'Board of Directors of the
        NOC'): the body is the organisation, its organ none."""
        key = name_key(text)
        return key in self.heads.organs or any(key.startswith(f"{organ} {of} ") for organ in self.heads.organs
                                               for of in self.words.of_words)

    def _names_a_family(self, doc: Doc, start: int, end: int) -> bool:
        """A surname the KB knows, next to a family noun ('the Haftar family', 'Haftar's sons', 'la famille
        Haftar'); a given name is not ('son fils Saddam')."""
        if name_key(doc[start:end].text) not in self.kb.by_surname:
            return False
        after = end + 1 if end < len(doc) and doc[end].lower_ in self.words.possessive_marks else end
        family = self.words.family_nouns
        return (after < len(doc) and doc[after].lower_ in family) or (start > 0 and doc[start - 1].lower_ in family)

    def _names_a_community(self, doc: Doc, start: int, end: int) -> bool:
        """A word the KB knows as no one's name next to a community noun ('the Warfalla heartland', 'Magarha
        tribesmen', 'la tribu des Warfalla'): a tribe or clan, no person."""
        if self.kb.lookup(doc[start:end].text):
            return False
        community = self.words.community_nouns
        before = start - 1
        while before > 0 and doc[before].lower_ in self.words.of_words:
            before -= 1  # 'la tribu [des] Warfalla'
        return (end < len(doc) and doc[end].lower_ in community) or (before >= 0 and doc[before].lower_ in community)

    def _carries_a_name(self, token) -> bool:
        """A capitalised word that is no title, particle, determiner or initial: a person's name needs one."""
        lower, text = token.lower_, token.text
        return (text[:1].isupper() and not (len(text) == 2 and text[1] == ".") and lower not in self.title_words
                and lower not in self.words.name_particles and lower not in self.words.leading_determiners)

    def _is_initial(self, token) -> bool:
        """'F.' before a surname; not an abbreviated title such as French 'M.'."""
        text = token.text
        return len(text) == 2 and text[0].isupper() and text[1] == "." and token.lower_ not in self.title_words

    def _kind_by_shape(self, doc: Doc, start: int, end: int, label: str) -> str | None:
        """The label the name's words and its neighbours call for (see name_shapes.py), None for no name:
        'l'État' or 'les Libanais' tagged as places, 'Khaled el-Masri' tagged as a place, 'Shara Al-Shatt'
        or a person 'in Souq al-Juma' or 'off AlKhums' who is a place."""
        shapes = self.shapes
        words = [doc[i].text for i in range(start, end)]
        if label in ("PERSON", "GPE", "LOC") and len(words) == 1 and words[0].lower() in self.words.platforms:
            return None  # 'on Twitter'
        if self._after_a_prefix(doc, start):
            return None  # 'pro-Gadhafi city', 'anti-Tripoli militias': the prefix makes the name an adjective
        if label in ("PERSON", *PLACE_LABELS) and self._noun_and_nationality(doc, start, end):
            return None  # 'Crise Libyenne :', 'Diplomatie Algérienne' heading a page's rubric
        if label == "FAC" and self._place_inside_a_name(doc, start, end):
            return "ORG"
        if (label == "PERSON" or label in PLACE_LABELS) and self._after_its_kind(doc, start, self.heads.named_parties):
            return "ORG"  # 'le parti salafiste Nour': a party's name, though a given name too
        if label in PLACE_LABELS:
            if (shapes.is_never_a_place(words) or all(w.lower() in self.title_words for w in words)
                    or in_quotes(doc, start, end)):
                return None  # 'État', 'Défense' (a portfolio), an operation named in quotes ('«Dignité»')
            if self._names_a_person(doc, start, end):
                return "PERSON"
            if self._opens_with_common_noun(doc[start]) or self._lone_body_head(doc, start, end):
                return "ORG"  # 'ministère russe de la Défense': a body named by its common noun
            if shapes.opens_with_given_name(words):
                return "PERSON"
            return "ORG" if self._place_inside_a_name(doc, start, end) else label
        if label == "PERSON" and self._outlet_after_its_kind(doc, start, end):
            return "ORG"  # 'the Russian newspaper Nezavisimaya Gazeta'
        if label == "PERSON" and end < len(doc) and doc[end].lower_ in self.words.craft_nouns:
            return "ORG"  # 'a chartered Al-Burj aircraft': the carrier that runs the craft
        if label == "PERSON" and len(words) == 1 and (fold(words[0]) in shapes.never_places
                                                      or self._names_a_family(doc, start, end)
                                                      or self._names_a_community(doc, start, end)):
            return None  # 'président de la République', 'the Haftar family', 'the Warfalla heartland'
        if label == "PERSON" and end - start > 2 and doc[start].is_lower and doc[start + 1].text in ("-", "‑") \
                and doc[start].lower_ not in self.words.name_particles:
            return None  # 'anti-Al Qathafi fighter', 'pro-Haftar forces': a prefix makes the name an adjective
        if label == "PERSON" and end - start > 1 and doc[end - 1].text[:1].isupper() and doc[end - 1].lower_ in self.org_ends:
            return "ORG"  # 'Anas al-Dabbashi Brigade': a body's head noun after a person's name names the body
        if label == "PERSON" and self._known_place_then_facility_noun(doc, start, end):
            return "FAC"  # 'Sabha Castle' in a headline: a known place and a facility's head noun name the facility
        if self._place_named_after_a_person(doc, start, end, label):
            return "GPE"  # 'Omar Mukhtar Street', 'Habib Bourguiba Avenue'
        if label == "PERSON" and self._after_place_noun(doc, start):
            return "GPE"  # 'le quartier de Tarik Shok': a street or district may bear a person's name
        if label == "PERSON" and shapes.opens_with_given_name(words):
            return label  # 'à Khaled el-Masri': a given name outweighs the preposition
        if label == "PERSON" or (label == "ORG" and end - start == 1):
            if label == "PERSON" and shapes.opens_with_place_word(words):
                return "GPE"
            if self._placed_by_context(doc, start, end, strict=label != "PERSON"):
                return "GPE"
        return label

    def _noun_and_nationality(self, doc: Doc, start: int, end: int) -> bool:
        """'Crise Libyenne', 'Diplomatie Algérienne': two capitalised words the KB does not know, the second a
        nationality adjective written after the first, where the language puts adjectives after nouns, and the first
        neither a given name, a point of the compass nor a word naming a state ('l'Est libyen', 'République
        Tchèque' are places): a common noun and its adjective, written in capitals by a rubric or a headline, no
        person and no place."""
        if end - start != 2 or not self.words.adjectives_follow_noun or doc[start].ent_id_:
            return False
        first, second = doc[start].text, doc[start + 1].text
        return (self.shapes.is_nationality(second) and not self.shapes.opens_with_given_name([first])
                and fold(first) not in self.shapes.never_places and doc[start].lower_ not in self.words.compass_words
                and first[:1].isupper())

    def _place_named_after_a_person(self, doc: Doc, start: int, end: int, label: str) -> bool:
        """A person's name, tagged as a person or as a body, then a capitalised place noun ('Omar Mukhtar Street',
        'Habib Bourguiba Avenue') names a street or a square."""
        last = doc[end - 1]
        return (end - start > 1 and last.text[:1].isupper() and self.shapes.is_place_noun(last.text)
                and (label == "PERSON" or (label == "ORG" and self.shapes.opens_with_given_name(
                    [doc[i].text for i in range(start, end - 1)]))))

    def _known_place_then_facility_noun(self, doc: Doc, start: int, end: int) -> bool:
        """'Sabha Castle', 'Misrata Airport': a place the KB knows, then a capitalised facility head noun."""
        last = doc[end - 1]
        return (end - start > 1 and last.text[:1].isupper() and last.lower_ in self.fac_ends
                and self._is_known_place(doc[start:end - 1].text))

    def _names_a_person(self, doc: Doc, start: int, end: int) -> bool:
        """A 'place' after a courtesy title ('M. Mejri'), or one word the KB knows as a person's surname and not
        as a place ('Khadafi')."""
        if start > 0 and doc[start - 1].lower_ in self.lexicon.honorifics:
            return True
        text = doc[start].text
        return end - start == 1 and name_key(text) in self.kb.by_surname and not self._is_known_place(text)

    def _opens_with_common_noun(self, token) -> bool:
        """A lower-case noun that is no name particle and no place noun ('port de', 'bande d'')."""
        lower = token.lower_
        return (token.is_alpha and token.is_lower and lower not in self.words.name_particles
                and not self.shapes.is_place_noun(lower) and lower not in self.head_ends)

    def _place_inside_a_name(self, doc: Doc, start: int, end: int) -> bool:
        """'Berlin Process', 'SOS-Méditerranée': a known place and more capitalised words that are no place
        noun ('Sirte Basin', 'Airport Road' stay places) name a conference, an outlet or a body."""
        if end - start < 2 or self.shapes.is_place_noun(doc[end - 1].text) or doc[end - 1].lower_ in self.fac_ends:
            return False
        if self._is_known_place(doc[start:end].text):
            return False
        hyphen_glued = doc[end - 2].text == "-" and not doc[end - 2].whitespace_ and not doc[end - 3].whitespace_
        return any(self._is_known_place(doc[i].text) for i in range(start, end - 1 + hyphen_glued))

    def _is_known_place(self, text: str) -> bool:
        return any(self.kb.by_id[i].kind == "place" for i in self.kb.lookup(text))

    def _after_a_prefix(self, doc: Doc, start: int) -> bool:
        """A lower-case word and a hyphen glued before the name ('pro-', 'anti-'); not an Arabic article ('al-')."""
        if start < 2 or doc[start - 1].text not in ("-", "‑") or doc[start - 1].whitespace_ or doc[start - 2].whitespace_:
            return False
        prefix = doc[start - 2]
        return prefix.is_alpha and prefix.is_lower and prefix.lower_ not in self.words.name_particles

    def _after_place_noun(self, doc: Doc, start: int) -> bool:
        """A place noun and 'of'/'de' right before the name ('the district of X', 'le quartier de X')."""
        return (start > 1 and doc[start - 1].lower_ in self.words.of_words
                and self.shapes.is_place_noun(doc[start - 2].text))

    def _placed_by_context(self, doc: Doc, start: int, end: int, strict: bool) -> bool:
        """The words around a name make it a place: a place preposition before it ('in', 'off', 'à'), a
        place noun before or after it ('the seafront X', 'areas of X', 'the X checkpoint') or in an
        apposition ('X, a small town'). `strict` keeps only the place nouns."""
        before = doc[start - 1].lower_ if start > 0 else ""
        if not strict and before in self.words.place_prepositions:
            return True
        if self.shapes.is_place_noun(before) or (end < len(doc) and self.shapes.is_place_noun(doc[end].text)):
            return True
        if before in self.words.of_words and start > 1 and self.shapes.is_place_noun(doc[start - 2].text):
            return True
        if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in self.words.leading_determiners:
            for i in range(end + 2, min(len(doc), end + 3 + APPOSITION_WORDS)):
                if doc[i].is_punct:
                    return False
                if self.shapes.is_place_noun(doc[i].text):
                    return True
        return False

    def places_in_lists(self, doc: Doc, spans: list[Span], credited: set[tuple[int, int]]) -> list[Span]:
        """A name the model took for a person or organisation, listed between places ('Tunisia, Sierra Leone
        and Mali', 'Ain Zara, Khalit Furjan, Abu Salim', 'Ain Zara and Salah al-Din') or last after them, is
        a place too; not a credited name, nor one of more than three words (hyphens aside), nor one that opens
        with a given name, nor a word that is never a place ('in Tripoli, and Treasury will act')."""
        out = list(spans)
        for i, span in enumerate(out):
            if (span.label_ not in ("PERSON", "ORG") or span.id_ or sum(not t.is_punct for t in span) > 3
                    or (span.start, span.end) in credited or self.shapes.opens_with_given_name(span.text.split())
                    or self.shapes.is_never_a_place(span.text.split())):
                continue
            left = out[i - 1] if i and listed_together(doc, out[i - 1].end, span.start, self.words) else None
            right = out[i + 1] if i + 1 < len(out) and listed_together(doc, span.end, out[i + 1].start, self.words) else None
            left_place, right_place = (s is not None and s.label_ in PLACE_LABELS for s in (left, right))
            last_item = left_place and right is None and doc[span.start - 1].lower_ in self.words.conjunctions
            # 'the Souq al-Juma area', 'the al-Sarraj and Ain Zara areas': names before a lower-case place noun
            first = doc[span.start]
            before_place_noun = ((first.text[:1].isupper() or first.lower_ in self.words.name_articles)
                                 and self._place_noun_at(doc, right.end if right_place else span.end))  # not 'pro-X city'
            if (left_place and right_place) or last_item or (left is None and before_place_noun):
                out[i] = Span(doc, span.start, span.end, label="GPE")
        return out

    def _place_noun_at(self, doc: Doc, i: int) -> bool:
        return i < len(doc) and doc[i].is_lower and doc[i].lower_ in self.words.place_nouns

    def with_head_noun(self, span: Span, taken: set[int], surnames: frozenset[str] = frozenset()) -> list[Span]:
        """'Sharara' + 'oil field', 'base d'' + 'Al-Watiya', 'Abu Surra' + 'brigade': the facility or
        organisation, named with its head noun. A KB organisation keeps its own span. A person's name that
        runs on from the body's place ('brigade de' + 'Zaouïa Nouri Bachir') is the body's ('brigade de
        Zaouïa') and a person's ('Nouri Bachir')."""
        if span.label_ not in HEAD_NOUN_LABELS or (span.label_ == "ORG" and span.id_):
            return [span]
        doc = span.doc
        named = self._named_after(span, taken)
        if named is not None:
            return [Span(doc, span.start - 1, span.end, label=named)]
        after, before = self._words_after(doc, span.end), self._words_before(doc, span.start)
        if not after and not before:
            return [span]  # no head noun can follow or precede it
        for label in ("FAC", "ORG"):
            end = span.end + head_length(after, self.heads.after.get(label, ()))
            head_before = head_length(before, self.heads.before.get(label, ()), at_end=True)
            if head_before and (self._in_adverb_phrase(doc, span.start - head_before - 1)
                                or self._names_someone(span, surnames)):
                head_before = 0
            start = span.start - head_before - 1 if head_before else span.start  # the head noun and its 'de'
            outside = [i for i in range(start, end) if not span.start <= i < span.end]
            if outside and not any(i in taken for i in outside):
                if head_before and end == span.end and self._place_then_person(span):
                    return [Span(doc, start, span.start + 1, label=label),
                            Span(doc, span.start + 1, span.end, label="PERSON")]
                known = self.kb.by_id.get(span.id_)
                return [Span(doc, start, end, label=label, span_id=span.id_ if known and known.label == label else "")]
        return [span]

    def _named_after(self, span: Span, taken: set[int]) -> str | None:
        """'la brigade Tariq Ben Ziyad', 'du bataillon Omar Mokhtar', 'avenue Habib Bourguiba', "l'hôpital Mustapha
        Pacha": a person's name written right after a lower-case unit or facility noun names that unit (ORG) or
        place (FAC) after the person; the label, or None. A unit noun needs its article ('le général de brigade X'
        is a rank); a facility noun no 'de' alone before it ("directeur d'hôpital X" is an office)."""
        doc, k = span.doc, span.start - 1
        if span.label_ != "PERSON" or k < 1 or k in taken or not doc[k].is_lower:
            return None
        before = doc[k - 1].lower_
        if doc[k].lower_ in self.heads.named_units and before in self.heads.unit_articles:
            return "ORG"
        if doc[k].lower_ in self.heads.named_facilities and (before in self.heads.unit_articles
                                                              or before not in self.words.of_words):
            return "FAC"
        return None

    def _names_someone(self, span: Span, surnames: frozenset[str]) -> bool:
        """'la milice de Trabelsi', 'la brigade de Mohamed Kerbal': a person after a head noun and its 'de' (known
        to the KB, opening with a given name, or one of the article's `surnames` alone) is whose the unit is; the
        noun and the person make no name ('la brigade Tariq Ben Ziyad', with no 'de', does)."""
        if span.label_ != "PERSON":
            return False
        words = [t.text for t in span]
        return bool(span.id_) or self.shapes.opens_with_given_name(words) or (len(span) == 1 and words[0] in surnames)

    def _in_adverb_phrase(self, doc: Doc, head: int) -> bool:
        """'en compagnie de Martin Kobler' ('together with'), 'mise en place de': a head noun right after
        'en' is part of an adverb phrase, not the head of a body's or a facility's name."""
        return head > 0 and doc[head - 1].lower_ in self.heads.adverb_openers

    def _place_then_person(self, span: Span) -> bool:
        """'Zaouïa Nouri Bachir' tagged as one person: a first word that opens no name, then a given name
        ('Nouri'): a place and a person."""
        words = [t.text for t in span]
        return (span.label_ == "PERSON" and not span.id_ and len(words) >= 3
                and not self.shapes.opens_with_given_name(words[:1]) and self.shapes.opens_with_given_name(words[1:]))

    def _words_after(self, doc: Doc, end: int) -> tuple[str, ...]:
        """The lower-case words from `end` on, as many as the longest head noun, if one may start there."""
        if self.head_starts and end < len(doc) and doc[end].lower_ in self.head_starts:
            return tuple(doc[i].lower_ for i in range(end, min(len(doc), end + self.longest_head_after)))
        return ()

    def _words_before(self, doc: Doc, start: int) -> tuple[str, ...]:
        """The lower-case words before a 'de' or 'd'' at `start - 1`, as many as the longest head noun,
        if one may end there."""
        if (self.head_ends and start > 1 and doc[start - 1].lower_ in self.words.of_words
                and doc[start - 2].lower_ in self.head_ends):
            return tuple(doc[i].lower_ for i in range(max(0, start - 1 - self.longest_head_before), start - 1))
        return ()

    def process(self, doc: Doc) -> Doc:
        ents = doc.ents  # each read of doc.ents builds every Span
        people, outlets = credits(doc, self.words, self.outlet_words)
        credited = people + outlets
        joined = with_bylines(doc, join_split_people(doc, join_broken_names(doc, ents, self.words, self.kb), self.words, self.kb), people)
        joined = with_names_after_line_breaks(doc, joined, self.shapes.opens_with_given_name)
        joined = with_given_names_glued_to_people(doc, joined, self.shapes.opens_with_given_name)
        joined = with_given_names_taken_for_bodies(doc, joined, self.name_edges)
        joined = with_quoted_speakers(doc, joined, self.speaker_words, self.name_edges)
        joined = with_transcript_speakers(doc, joined, self.name_edges)
        credited_people = set(people)
        trimmed = [span for span in (self.trim(ent, (ent.start, ent.end) in credited_people) for ent in joined)
                   if span is not None]
        trimmed = with_whole_names(doc, with_bylines(doc, trimmed, [], outlets), self.name_edges)
        trimmed = confirmed_headline_names(doc, trimmed, frozenset(credited), self.name_edges)
        spans = self.places_in_lists(doc, trimmed, set(credited))
        bodies = [body for body in find_bodies(doc, self.body_words)
                  if not self._is_an_organ(doc[body.start:body.end].text)]
        taken_by_bodies = {i for body in bodies for i in range(body.start, body.end)}
        bodies += [found for found in (find_outlets(doc, self.body_words, self.heads.outlets)
                                       + find_facilities(doc, self.facility_words))
                   if taken_by_bodies.isdisjoint(range(found.start, found.end))]
        spans = with_bodies(doc, spans, sorted(bodies, key=lambda body: body.start), self.body_complement_openers,
                            self.owner_links, self.words.conjunctions)
        taken = {i for span in spans for i in range(span.start, span.end)}
        surnames = frozenset(span[-1].text for span in spans if span.label_ == "PERSON" and len(span) > 1)
        spans = [part for span in spans for part in self.with_head_noun(span, taken, surnames)]
        kept = drop_capitalised_common_words(doc, spans, known=self.kb.by_surname, credited=frozenset(credited))
        kept = with_dateline_places(doc, kept, dateline_places(doc), self.words.leading_determiners)
        replace_ents(doc, ents, kept)
        return doc


def inflected(nationalities: frozenset[str], endings: frozenset[str]) -> frozenset[str]:
    """Every written form of the nationality words, each bare and with each ending ('syrien', 'syriens',
    'syrienne'): an adjective after a French body's head ('Observatoire syrien des droits de l'homme')."""
    return frozenset(w + e for w in nationalities for e in ("", *endings))


def replace_ents(doc: Doc, old: tuple[Span, ...], new: list[Span]) -> None:
    """`set_entities(doc, new)`, which also makes every other token 'O'. When the tokens outside `old` are 'O'
    already (as the KB ruler and the model leave them), only the tokens of `old` that `new` does not cover
    need that: this spares set_ents' slow loop over every other token (a fifth of this component's time)."""
    iob, ent_type = doc.to_array([ENT_IOB, ENT_TYPE]).T
    outside_old = len(doc) - sum(ent.end - ent.start for ent in old)
    if numpy.count_nonzero((iob == IOB_OUTSIDE) & (ent_type == 0)) != outside_old:
        set_entities(doc, new)  # some token outside `old` is not 'O' (no annotation, or blocked)
        return
    new = non_overlapping(new)
    set_entities(doc, new, outside=_freed_tokens(doc, old, new), default="unmodified")


def _freed_tokens(doc: Doc, old: tuple[Span, ...], new: list[Span]) -> list[Span]:
    """The tokens of `old` that `new` does not cover, one Span each (none if `new` is `old`)."""
    if len(new) == len(old) and all(map(operator.is_, new, old)):
        return []
    covered = {i for span in new for i in range(span.start, span.end)}
    return [Span(doc, i, i + 1) for ent in old for i in range(ent.start, ent.end) if i not in covered]


