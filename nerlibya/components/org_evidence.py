"""Keep an organisation only on evidence (rules: nerlibya/core/org_evidence.py): every ORG span the KB does
not know is weighed once the model, the cleanup, the body and acronym finders have spoken, and is kept,
relabelled as the person or place the article names with the same words, or dropped."""

from __future__ import annotations

import itertools

from spacy.attrs import IS_LOWER, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.org_evidence import (OrgCandidate, OrgWords, Verdict, acronym_verdict, holds_org_name_word,
                                 is_generic_alone, is_lower_case_description, is_nationality_and_common_noun, is_one_of_a_kind,
                                 is_unplaced_generic_name, joins_complement, leading_nationality,
                                 opens_with_common_word, org_verdict, place_joiners_of, breaker_tail, possessor_length, qualifier_tail,
                                 owner_tail, reads_as_given_name, second_portfolio_tail, trailing_nationality)
from ..text.name_shapes import NameShapes
from ..text.normalize import fold, name_key
from .base import LINE_BREAKS, KnowledgePipe, is_line_break, opens_sentence_or_line
from .bodies import owns_a_body
from .bylines import credits
from .entity_spans import set_entities
from .span_edges import ends_before_adjectives
from .token_lookup import space_tokens_holding

PLACE_LABELS = ("GPE", "LOC", "FAC")
OTHER_NAME_LABELS = ("WORK_OF_ART", "FAC", "NORP", "PRODUCT")  # the model's labels an outlet's name gets wrong
NEW_LABEL = {Verdict.PERSON: "PERSON", Verdict.PLACE: "GPE"}


@Language.factory(
    "nerlibya_org_evidence",
    default_config={"kb_path": "", "lang_path": ""},
    assigns=["doc.ents"],
    requires=["doc.ents", "doc._.acronyms"],
)
def make_org_evidence(nlp: Language, name: str, kb_path: str, lang_path: str) -> "OrgEvidence":
    return OrgEvidence(nlp, name, kb_path=kb_path, lang_path=lang_path)


class OrgEvidence(KnowledgePipe):
    def build(self) -> None:
        heads, words = self.lexicon.heads, self.lexicon.words
        demonyms = frozenset(self.kb.by_demonym)
        self.shapes = NameShapes.of(words, demonyms)
        self.org_words = OrgWords.of(heads.bodies, heads.org_name_words, heads.other_kinds,
                                     words.nationality_words | demonyms, heads.generic_bodies, words.conjunctions)
        self.outlets = tuple(tuple(o.split()) for o in heads.outlets)
        self.kinds_before = self.outlets + tuple((party,) for party in sorted(heads.named_parties))  # 'le parti X'
        self.outlet_words = frozenset(w for w in heads.outlets | heads.org_name_words if " " not in w)
        self.title_words = self.lexicon.title_words()
        self.owner_links = words.of_words | words.leading_determiners  # 'de l'', 'of the' before a body's owner
        self.joiners, self.range_openers = heads.name_joiners, heads.range_openers
        self.place_joiners = frozenset(fold(w) for w in heads.place_joiners)
        self.posting_joiners = frozenset(fold(w) for w in heads.posting_joiners)
        self.posted_bodies = frozenset(fold(w) for w in heads.posted_bodies)
        self.head_first = words.adjectives_follow_noun
        self.articles = words.leading_determiners
        self.possessives, self.function_words = words.possessive_marks, words.function_words
        self.indefinite_articles = heads.indefinite_articles
        self.portfolio_bodies = frozenset(fold(w) for w in heads.portfolio_bodies)
        self.qualifiers = frozenset(fold(q) for q in self.lexicon.qualifiers if " " not in q)
        self.linking_words = frozenset(fold(w) for w in words.linking_words)
        self.name_breakers = frozenset(fold(w) for w in heads.name_breakers)

    def after_range_opener(self, span: Span) -> bool:
        """'from (the) X': the span opens a range ('from X to Y')."""
        i = span.start - 1
        while i >= 0 and span.doc[i].lower_ in self.articles:
            i -= 1
        return i >= 0 and span.doc[i].lower_ in self.range_openers

    def with_complements(self, ents: list[Span]) -> list[Span]:
        """A body the KB does not know, joined to the next name by 'to' or 'on', takes it in: 'UN Office to
        the African Union'; so does a body posted in the place named next: 'Mission onusienne en Libye'
        (core: joins_complement, place_joiners_of)."""
        if not (self.joiners or self.place_joiners or self.posting_joiners):
            return ents
        out: list[Span] = []
        for ent in ents:
            last = out[-1] if out else None
            owns = ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in self.possessives
            words = tuple(t.text for t in last) if last is not None else ()
            if (last is not None and last.label_ == "ORG" and not self.is_known(last)
                    and not is_generic_alone(words, self.org_words)
                    and joins_complement(tuple(t.text for t in ent.doc[last.end : ent.start]), self.joiners,
                                         self.articles, ent.label_, self.after_range_opener(last), owns,
                                         place_joiners_of(words, self.place_joiners, self.posting_joiners,
                                                          self.posted_bodies, self.head_first))):
                out[-1] = Span(ent.doc, last.start, ent.end, label="ORG")
            else:
                out.append(ent)
        return out

    def with_owners_apart(self, ents: list[Span]) -> list[Span]:
        """'Conseil de sécurité de l'ONU' -> 'Conseil de sécurité' and 'ONU': a known body named with the
        organisation that owns it names both (two records, each with its id)."""
        return [part for ent in ents for part in self.owner_apart(ent)]

    def owner_apart(self, ent: Span) -> list[Span]:
        if ent.label_ != "ORG" or not ent.id_ or len(ent) < 3 or ent.id_ not in self.kb.lookup(ent.text):
            return [ent]  # only a name the KB gives the body with its owner ('Conseil de sécurité de l'ONU')
        doc = ent.doc
        for owner_start in range(ent.start + 2, ent.end):
            owner = self.organisation_named(doc[owner_start:ent.end].text)
            if owner is not None and owner != ent.id_:
                end = owner_start
                while end > ent.start + 1 and doc[end - 1].lower_ in self.owner_links:
                    end -= 1
                if end == owner_start:
                    return [ent]
                return [Span(doc, ent.start, end, label="ORG", span_id=ent.id_),
                        Span(doc, owner_start, ent.end, label="ORG", span_id=owner)]
        return [ent]

    def organisation_named(self, text: str) -> str | None:
        """The one KB organisation this name, alias or acronym (in capitals) names, or None."""
        ids = set(self.kb.lookup(text)) | (set(self.kb.by_acronym.get(text, ())) if text.isupper() else set())
        ids = {i for i in ids if self.kb.by_id[i].label == "ORG"}
        return next(iter(ids)) if len(ids) == 1 else None

    def is_known(self, ent: Span) -> bool:
        """The KB's entity, or a name the KB knows (the resolver links it)."""
        text = ent.text
        return bool((ent.id_ and ent.id_ in self.kb) or self.kb.lookup(text)
                    or (text[:1].isupper() and self.kb.by_acronym.get(text.upper())))

    def credited_outlets(self, doc: Doc) -> set[str]:
        """The outlets a byline, a sign-off or a dateline credits ('Source: Africanews'), as name keys."""
        _, outlets = credits(doc, self.lexicon.words, self.outlet_words)
        return {name_key(doc[start:end].text) for start, end in outlets}

    def outlet_next_to(self, doc: Doc, ent: Span) -> bool:
        """'the MENA news agency', 'l'agence APS', 'the “Desert Courier” newspaper', 'the daily, X,': an outlet noun
        on either side (before it, a party's noun too: 'le parti salafiste Nour'); or 'TRIPOLI (Reuters)',
        'Tripoli (Sahara Wire) -': a dateline's credit in parentheses after a city in capitals or a place that opens
        its line."""
        after = tuple(t.lower_ for t in doc[ent.end : ent.end + 4] if not t.is_quote)
        if any(after[: len(o)] == o for o in self.outlets):
            return True
        ends = ends_before_adjectives(doc, ent.start) if self.lexicon.words.adjectives_follow_noun else (ent.start,)
        for end in ends:
            before = tuple(t.lower_ for t in doc[max(0, end - 4) : end] if not t.is_quote and t.text != ",")
            if before and any(before[-len(o):] == o for o in self.kinds_before):
                return True
        return (ent.start >= 2 and doc[ent.start - 1].text == "(" and ent.end < len(doc) and doc[ent.end].text == ")"
                and (doc[ent.start - 2].is_upper or _place_opens_line(doc, ent.start - 2)))

    def kind_apposed(self, doc: Doc, ent: Span) -> bool:
        """'X, a company chaired by Y', 'X, an oil company based in Z,': an apposition after the name, an article
        and up to three lower-case words, the last a body's head noun that a comma, a participle, a relative
        pronoun or a preposition closes, says what kind of body it is; not 'X, the army commander,' (its head is
        no body) nor "X, the council's spokesman"."""
        k = ent.end
        if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in self.articles:
            return False
        lower = list(itertools.takewhile(lambda t: t.is_alpha and t.is_lower and not self.closes_noun(t),
                                         doc[k + 2 : k + 5]))
        end = k + 2 + len(lower)
        return (bool(lower) and fold(lower[-1].text) in self.org_words.bodies and end < len(doc)
                and (doc[end].text == "," or self.closes_noun(doc[end])))

    def closes_noun(self, token) -> bool:
        """A word after a noun phrase that ends it: a participle ('chaired', 'based'), a relative pronoun, 'of'/'in'."""
        words = self.lexicon.words
        return (token.lower_.endswith("ed") or token.lower_ in words.relative_pronouns
                or token.lower_ in words.of_words or token.lower_ in words.place_prepositions)

    def without_nationality(self, ent: Span) -> Span:
        """'conseil présidentiel libyen' -> 'conseil présidentiel', the KB's name; 'Libyan Interior Ministry' ->
        'Interior Ministry', still the KB's entity (core: trailing_nationality, leading_nationality)."""
        if ent.label_ != "ORG" or len(ent) < 2:
            return ent
        words = tuple(t.text for t in ent)
        cut = trailing_nationality(words, self.org_words, self.kb.lookup)
        lead = leading_nationality(words, self.org_words, self.portfolio_bodies)
        if not (cut or lead):
            return ent
        return Span(ent.doc, ent.start + lead, ent.end - cut, label=ent.label_, span_id=ent.id_)

    def as_organisation(self, ent: Span) -> Span:
        """'Sky News Arabia' tagged as a work of art, 'Daily Sabah' as a facility: an organisation (core:
        holds_org_name_word)."""
        if ent.label_ not in OTHER_NAME_LABELS or ent.id_ or not holds_org_name_word(tuple(t.text for t in ent),
                                                                                    self.org_words):
            return ent
        return Span(ent.doc, ent.start, ent.end, label="ORG")

    def without_possessor_or_title(self, ent: Span) -> Span:
        """"Council's Information" -> 'Information': the words after a possessive inside a span the KB does not
        know; "Alliance de l'ancien" -> 'Alliance': no title's qualifier at its end; 'Autorité dans des dépôts'
        -> 'Autorité': no preposition a name never holds; "Bureau of Libya['s] High Council" -> 'Bureau': no
        complement that owns the body named next (core: possessor_length, qualifier_tail, breaker_tail, owner_tail)."""
        if ent.label_ != "ORG" or len(ent) < 3 or self.is_known(ent):
            return ent
        words = tuple(t.text for t in ent)
        cut = possessor_length(words, self.possessives, self.lexicon.words.plural_possessors)
        owner = owner_tail(words, self.lexicon.words.of_words) if owns_a_body(ent.doc, ent.end, self.possessives) else 0
        tail = (qualifier_tail(words, self.qualifiers, self.linking_words) or breaker_tail(words, self.name_breakers)
                or second_portfolio_tail(words, self.lexicon.words.portfolio_prepositions) or owner)
        if not (cut or tail) or cut >= len(ent) - tail:
            return ent
        return Span(ent.doc, ent.start + cut, ent.end - tail, label=ent.label_)

    def without_common_opener(self, ent: Span, usage: "WordUsage") -> Span:
        """'Rebel National Council' -> 'National Council' (core: opens_with_common_word)."""
        if ent.label_ != "ORG" or len(ent) < 2 or self.is_known(ent):
            return ent
        opener = ent.doc[ent.start]
        if opens_with_common_word(opener.text, opens_sentence_or_line(opener), *usage.of(opener.lower_)):
            return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
        return ent

    def is_a_kind_or_a_given_name(self, doc: Doc, ent: Span) -> bool:
        """'forming a government of national unity', 'une Assemblée constituante' (one of a kind); 'Lana
        Nusseibeh' (an acronym the KB knows, written as a word before a surname): no record of the body."""
        after = doc[ent.end] if ent.end < len(doc) else None
        if ent.start > 0 and is_one_of_a_kind(doc[ent.start - 1].text, after.text if after is not None else None,
                                              self.indefinite_articles,
                                              after is not None and after.lower_ in self.function_words,
                                              after is not None and after.ent_iob_ == "B" and after.ent_type_ == "PERSON"):
            return True
        return (len(ent) == 1 and after is not None and not after.ent_type_ and bool(doc[ent.start].whitespace_)
                and bool(self.kb.by_acronym.get(ent.text.upper()))
                and reads_as_given_name(ent.text, after.text))

    def unplaced_generic_names(self, doc: Doc, ents: list[Span]) -> set[int]:
        """Starts of the KB bodies named by a generic name whose country the article names nowhere else
        (core: is_unplaced_generic_name)."""
        generic = [e for e in ents if e.label_ == "ORG" and e.id_ in self.kb
                   and name_key(e.text) in self.kb.by_id[e.id_].generic_names]
        if not generic:
            return set()
        by_id = self.kb.by_id
        named = {by_id[e.id_].country for e in ents if e.id_ in by_id and name_key(e.text) not in by_id[e.id_].generic_names}
        demonyms = (fold(t.text) for t in doc if t.is_alpha)
        named |= {by_id[self.kb.by_demonym[d]].country for d in demonyms if d in self.kb.by_demonym}
        countries = frozenset(c for c in named if c)
        return {e.start for e in generic
                if is_unplaced_generic_name(name_key(e.text), by_id[e.id_].generic_names, by_id[e.id_].country, countries)}

    def lower_case_descriptions(self, ents: list[Span]) -> set[int]:
        """Starts of the known bodies written once, in lower case, where the language capitalises names (core:
        is_lower_case_description)."""
        if self.lexicon.words.lower_case_bodies_are_names:
            return set()
        known = [e for e in ents if e.label_ == "ORG" and e.id_ in self.kb]
        mentions: dict[str, int] = {}
        for ent in known:
            mentions[ent.id_] = mentions.get(ent.id_, 0) + 1
        return {e.start for e in known if not self.after_office(e)
                and is_lower_case_description(tuple(t.text for t in e), self.org_words.nationalities,
                                              opens_sentence_or_line(e[0]), mentions[e.id_])}

    def after_office(self, ent: Span) -> bool:
        """'the president of the presidential council', 'chairman of Libya's presidential council': the complement
        of an office is the body it names, also past a place that owns it."""
        i = self.before_possessor(ent.doc, ent.start - 1)
        while i >= 0 and ent.doc[i].lower_ in self.articles:
            i -= 1
        words = self.lexicon.words
        return i >= 1 and ent.doc[i].lower_ in words.of_words and ent.doc[i - 1].lower_ in self.title_words

    def before_possessor(self, doc: Doc, i: int) -> int:
        """The token before a place's possessive that ends at `i` ('of [Libya's] council'), else `i`."""
        if i < 1 or doc[i].text not in self.possessives or doc[i - 1].ent_type_ not in PLACE_LABELS:
            return i
        i -= 1
        while i >= 0 and doc[i].ent_type_ in PLACE_LABELS and doc[i].ent_iob_ != "B":
            i -= 1
        return i - 1

    def workplace_taken_for_a_person(self, doc: Doc, ent: Span, workplaces: frozenset[tuple[int, int]]) -> Span:
        """'a senior analyst at [Verisk Maplecroft]' tagged as a person: a name the KB does not know that a title
        places its holder at (after a workplace preposition: 'at', 'chez') is the body the holder works for."""
        if (ent.label_ != "PERSON" or ent.id_ or (ent.start, ent.end) not in workplaces or ent.start == 0
                or doc[ent.start - 1].lower_ not in self.lexicon.words.workplace_prepositions):
            return ent
        return Span(doc, ent.start, ent.end, label="ORG")

    def verdicts(self, doc: Doc, ents: list[Span], workplaces: frozenset[tuple[int, int]] = frozenset()
                 ) -> dict[int, Verdict]:
        """What each ORG span is, by its start: a known body written as nationality + common noun is none;
        one the KB does not know is weighed on the article's evidence (core: org_verdict)."""
        acronyms = doc._.acronyms or {}
        long_forms = {tuple(span) for span in acronyms.values()}
        people = {name_key(e.text) for e in ents if e.label_ == "PERSON"}
        person_parts = {part for key in people for part in key.split()}
        places = {name_key(e.text) for e in ents if e.label_ in PLACE_LABELS}
        known = {e.start for e in ents if e.label_ == "ORG" and self.is_known(e)}
        candidates = [e for e in ents if e.label_ == "ORG" and e.start not in known]
        defined = {name_key(e.text) for e in candidates if e.text in acronyms or (e.start, e.end) in long_forms}
        credited = {name_key(e.text) for e in candidates if self.outlet_next_to(doc, e)} | self.credited_outlets(doc)
        verdicts = {e.start: Verdict.DROP for e in ents if e.start in known
                    and (is_nationality_and_common_noun(tuple(t.text for t in e), self.org_words, known=True)
                         or self.is_a_kind_or_a_given_name(doc, e))}
        verdicts.update(dict.fromkeys(self.unplaced_generic_names(doc, ents), Verdict.DROP))
        verdicts.update(dict.fromkeys(self.lower_case_descriptions(ents), Verdict.DROP))
        for ent in candidates:
            key, words = name_key(ent.text), tuple(t.text for t in ent)
            candidate = OrgCandidate(words=words, defined_acronym=key in defined, outlet_context=key in credited,
                                     opens_with_given_name=self.shapes.opens_with_given_name(list(words)),
                                     person_elsewhere=key in people or key in person_parts,
                                     place_elsewhere=key in places, kind_apposed=self.kind_apposed(doc, ent),
                                     workplace=(ent.start, ent.end) in workplaces)
            verdicts[ent.start] = (Verdict.DROP if self.is_a_kind_or_a_given_name(doc, ent)
                                   else org_verdict(candidate, self.org_words))
        for ent in candidates:
            if ent.text in acronyms:
                verdicts[ent.start] = acronym_verdict(verdicts[ent.start], self.long_form_verdict(
                    doc, acronyms[ent.text], known, verdicts))
        return verdicts

    def long_form_verdict(self, doc: Doc, long_form: list[int], known: set[int], verdicts: dict[int, Verdict]
                          ) -> Verdict | None:
        """What an acronym's long form is: its own verdict as an organisation, or, when the model gave it
        another label ('Libyan Dinars' as a work of art), the verdict on its words; None for a KB body."""
        start, end = long_form
        if start in known:
            return None
        if start in verdicts:
            return verdicts[start]
        words = tuple(doc[i].text for i in range(start, end))
        return org_verdict(OrgCandidate(words=words, defined_acronym=True), self.org_words)

    def process(self, doc: Doc) -> Doc:
        original = doc.ents  # each read of doc.ents builds every Span
        usage = WordUsage(doc)
        ents = self.with_complements([self.without_common_opener(self.without_possessor_or_title(
            self.without_nationality(self.as_organisation(ent))), usage) for ent in original])
        ents = self.with_owners_apart(ents)
        workplaces = title_bodies(doc)
        ents = [self.workplace_taken_for_a_person(doc, ent, workplaces) for ent in ents]
        verdicts = self.verdicts(doc, ents, workplaces)
        kept = []
        for ent in ents:
            verdict = verdicts.get(ent.start, Verdict.KEEP) if ent.label_ == "ORG" else Verdict.KEEP
            if verdict is Verdict.KEEP:
                kept.append(ent)
            elif verdict is not Verdict.DROP:
                kept.append(Span(doc, ent.start, ent.end, label=NEW_LABEL[verdict]))
        if len(kept) != len(original) or any(a is not b for a, b in zip(kept, original)):
            set_entities(doc, kept)
        return doc


class WordUsage:
    """How the article writes each word: in lower case somewhere; capitalised inside a sentence somewhere.
    Read once, on the first question, in one pass over the token arrays (a `Token` per word cost more than
    the rule)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.lower: set[str] | None = None
        self.capitalised_inside: set[str] = set()

    def of(self, lower: str) -> tuple[bool, bool]:
        """(written in lower case, or its plural; capitalised inside a sentence) for a lower-cased word."""
        if self.lower is None:
            self.read()
        return lower in self.lower or lower + "s" in self.lower, lower in self.capitalised_inside

    def read(self) -> None:
        doc, strings = self.doc, self.doc.vocab.strings
        after_line_break = {i + 1 for i in space_tokens_holding(doc, LINE_BREAKS)}
        self.lower = set()
        columns = doc.to_array([ORTH, LOWER, IS_LOWER, SENT_START]).tolist()
        for i, (orth, lower, is_lower, sent_start) in enumerate(columns):
            text = strings[orth]
            if is_lower:
                self.lower.add(text)
            elif text[:1].isupper() and not (i == 0 or sent_start == 1 or i in after_line_break):  # as opens_sentence_or_line
                self.capitalised_inside.add(strings[lower])


def _place_opens_line(doc: Doc, last: int) -> bool:
    """doc[last] ends a place's name that opens its line (a dateline: 'Tripoli (Sahara Wire) - ...')."""
    if doc[last].ent_type_ not in PLACE_LABELS:
        return False
    start = last
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return start == 0 or is_line_break(doc[start - 1])


def title_bodies(doc: Doc) -> frozenset[tuple[int, int]]:
    """The token ranges of the entities a title's complement reads as whose office it is, a body's or a person's
    ('the head of [X]', 'a senior analyst at [X]'): the article's own context for a name the model alone called an
    organisation, or a person where a workplace preposition says it is a body. A name written before the title is
    no such context ('the Congress and [National Dialogue] leaders' may name a process)."""
    titles = doc._.titles or ()
    return frozenset([t.org.span for t in titles if t.org is not None and t.org.span and t.org.span[0] >= t.end]
                     + [t.of for t in titles if t.of and t.of[0] >= t.end])
