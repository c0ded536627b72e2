"""Attach each title to the one person it describes, the way news writes it.

Patterns, tried in this order for every title found by `nerlibya_titles`, within one sentence:
- before the name: 'Prime Minister Abdul Hamid Dbeibah', 'le président français Emmanuel Macron';
- after the name, in apposition: 'Paul Soler, Special Envoy of ...', 'X, a former minister, ...'
  (and titles chained with 'and' after it);
- before the name, in apposition: 'the head of the Presidential Council, Mohamed al-Menfi,';
- appointment and copula: 'X was appointed governor', 'X, who is the army's spokesman';
- clauses: 'a government headed by X', 'X, who heads the Y' (title 'head', organisation Y).
A title that fits none of them (an unnamed 'the French President said') attaches to nobody.
Where the text gives no status or organisation, an office in the knowledge base may supply them.

Writes `doc._.roles`: frozen `Role` values with the person's token span, title, status, organisation.
It reads the titles and links of earlier components and never changes them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc

from ..core.types import Link, OrgRef, Role, Title
from ..kb import Office
from ..normalize import name_key
from .base import KnowledgePipe, sentence_index
from .titles import span_text

Doc.set_extension("roles", default=None, force=True)

# punctuation is the same in every language; words come from the language's data (models/lang/<code>/)
APPOSITION_END_PUNCTUATION = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?"})
IOB_INSIDE, IOB_BEGIN = 1, 3  # spaCy's codes in `Token.ent_iob`


class Person(NamedTuple):
    """The token range of a PERSON entity."""

    start: int
    end: int


@Language.factory(
    "nerlibya_roles",
    default_config={"kb_path": "", "lang_path": ""},
    assigns=["doc._.roles"],
    requires=["doc.ents", "doc._.titles", "doc._.links"],
)
def make_roles(nlp: Language, name: str, kb_path: str, lang_path: str) -> "RoleLinker":
    return RoleLinker(nlp, name, kb_path=kb_path, lang_path=lang_path)


class RoleLinker(KnowledgePipe):
    def build(self) -> None:
        words = self.words = self.lexicon.words
        self.appointment_words = frozenset(w for p in self.lexicon.appointment_verbs for w in p.split())
        self.apposition_end = APPOSITION_END_PUNCTUATION | words.conjunctions
        self.chain_words = words.conjunctions | {","}
        self.auxiliaries = words.auxiliaries | {","}
        self.before_chained_title = words.title_determiners | self.chain_words
        self.before_appointed_title = words.title_determiners | words.appointment_prepositions | words.adverbs
        # every KB entity's offices, each with the key its title is compared by
        self._office_keys = {entity_id: tuple((office, name_key(office.title)) for office in entity.offices)
                             for entity_id, entity in self.kb.by_id.items()}

    # -- geometry helpers ----------------------------------------------------------------------
    @staticmethod
    def _people(doc: Doc) -> tuple[dict[int, Person], dict[int, Person]]:
        """PERSON entities by start and by end token, read from the token arrays as `doc.ents` reads them
        (a labelled B token, then its I tokens): `doc.ents` would build a Span for every entity."""
        iob, label = doc.to_array([ENT_IOB, ENT_TYPE]).T
        starts = numpy.flatnonzero((iob == IOB_BEGIN) & (label == doc.vocab.strings["PERSON"]))
        not_inside = numpy.append(numpy.flatnonzero(iob != IOB_INSIDE), len(doc))
        ends = not_inside[numpy.searchsorted(not_inside, starts, side="right")]
        persons = [Person(start, end) for start, end in zip(starts.tolist(), ends.tolist())]
        return {p.start: p for p in persons}, {p.end: p for p in persons}

    @staticmethod
    def _skip_back(doc: Doc, index: int, words: frozenset[str]) -> int:
        """Index of the first token before `index` whose lower form is not in `words`."""
        index -= 1
        while index >= 0 and doc[index].lower_ in words:
            index -= 1
        return index

    def person_after(self, doc: Doc, title: Title, starts: dict[int, Person]) -> Person | None:
        for position in (title.end, title.phrase_end):
            person = starts.get(position)
            if person is not None and (person.start, person.end) != title.of:
                return person
        return None

    def _skip_possessor(self, doc: Doc, index: int) -> int:
        """Index of the token before 'the embassy's' / 'its' / 'the council's' that precedes `index`."""
        k = self._skip_back(doc, index, self.words.title_determiners)
        while k > 0 and doc[k].text in self.words.possessive_marks:
            k = self._skip_back(doc, k - 1 if not doc[k - 1].ent_type_ else _ent_start(doc, k - 1), self.words.title_determiners)
        return k

    def person_after_coordinated(self, doc: Doc, title: Title, starts: dict[int, Person], titles_at: dict[int, Title]) -> Person | None:
        """'Prime Minister and Defence Minister X': both titles are X's."""
        k = title.phrase_end
        if k < len(doc) and (doc[k].lower_ in self.words.conjunctions or doc[k].text == "&"):
            following = titles_at.get(k + 1)
            if following is not None and following.category != "clause":
                return self.person_after(doc, following, starts)
        return None

    def person_before_apposition(self, doc: Doc, title: Title, ends: dict[int, Person]) -> Person | None:
        comma = self._skip_possessor(doc, title.phrase_start)
        if comma < 0 or doc[comma].text not in (",", "("):
            return None
        return ends.get(comma)

    def person_after_apposition(self, doc: Doc, title: Title, starts: dict[int, Person], titles_at: dict[int, Title],
                                sentence_of: list[int]) -> Person | None:
        k = title.phrase_end
        if k >= len(doc) or doc[k].text != ",":
            return None
        k += 1
        while k < len(doc) and (doc[k].lower_ in self.words.title_determiners or doc[k].lower_ in self.lexicon.honorifics
                                or (k in titles_at and titles_at[k].category != "clause")):
            k = titles_at[k].end if k in titles_at else k + 1
        person = starts.get(k)
        if person is None:
            return None
        after = doc[person.end] if person.end < len(doc) else None
        closes = after is None or after.text in self.apposition_end or sentence_of[person.end] != sentence_of[person.start]
        before = self._skip_back(doc, title.phrase_start, self.words.title_determiners)
        opens_sentence = before < 0 or sentence_of[before] != sentence_of[title.start]
        return person if closes or opens_sentence else None

    def person_appointed(self, doc: Doc, title: Title, ends: dict[int, Person]) -> Person | None:
        """'X was appointed governor', 'X, who is the army's spokesman', 'removing X as governor'."""
        k = self._skip_back(doc, title.phrase_start, self.words.title_determiners)
        if k >= 0 and doc[k].lower_ in self.words.as_words:
            return self.subject_before_as(doc, k, ends)
        k = self._skip_back(doc, k + 1, self.before_appointed_title)
        if k < 0 or doc[k].lower_ not in self.appointment_words:
            return None
        while k >= 0:
            if k in ends:
                return ends[k]
            if doc[k].lower_ not in self.appointment_words and doc[k].lower_ not in self.auxiliaries:
                return None
            k -= 1
        return None

    def subject_before_as(self, doc: Doc, k: int, ends: dict[int, Person]) -> Person | None:
        """'removing X as governor', 'X resigned on Monday as envoy': the nearest person a few words before 'as',
        with no punctuation, conjunction or other person in between."""
        for position in range(k, max(k - 6, -1), -1):
            if position in ends:
                return ends[position]
            token = doc[position - 1] if position > 0 else None
            if token is None or token.is_punct or token.lower_ in self.words.clause_breakers or token.ent_type_ == "PERSON":
                return None
        return None

    def clause_person(self, doc: Doc, title: Title, starts: dict[int, Person], ends: dict[int, Person],
                      titles_at: dict[int, Title]) -> tuple[Person | None, OrgRef | None, Title | None]:
        """(person, organisation, title that introduces the person) for 'headed by X' / 'X, who heads Y'."""
        cue = title.cue
        if cue.split()[0] in self.words.relative_pronouns:
            k = self._skip_back(doc, title.start, frozenset({","}))
            person = ends.get(k + 1)
            org_start = title.end
            while org_start < len(doc) and doc[org_start].lower_ in self.words.title_determiners:
                org_start += 1
            org = _ent_span_at(doc, org_start)
            return person, org, None
        k = title.end
        introducing = None
        if k in titles_at and titles_at[k].category != "clause":
            introducing = titles_at[k]
            k = titles_at[k].end
        person = starts.get(k)
        j = self._skip_back(doc, title.start, self.chain_words)
        if j >= 0 and doc[j].text == ")" and j >= 2 and doc[j - 2].text == "(":
            j -= 3
        org = None
        if j >= 0 and doc[j].ent_type_ in ("ORG", "GPE"):
            start = j
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            org = OrgRef(span=(start, j + 1))
        return person, org, introducing

    # -- knowledge base ------------------------------------------------------------------------
    def kb_office(self, links: dict[str, Link], person: Person, title: str) -> Office | None:
        link = links.get(f"{person.start}:{person.end}")
        if not link or not link.id:
            return None
        wanted = name_key(title)
        for office, have in self._office_keys[link.id]:
            if wanted and (wanted == have or wanted.endswith(have) or have.endswith(wanted)):
                return office
        return None

    def role(self, links: dict[str, Link], person: Person, title: Title, pattern: str, org: OrgRef | None = None) -> Role:
        status, source = title.status, "text" if title.status else None
        org = title.org or org
        office = self.kb_office(links, person, title.title)
        if office is not None:
            if status is None:
                status, source = ("former" if office.end else "current"), "kb"
            if org is None and office.organisation:
                org = OrgRef(id=office.organisation)
        return Role(person=(person.start, person.end), title=title.title, head=title.head, category=title.category,
                    status=status, status_source=source, org=org, of=title.of, span=(title.start, title.end),
                    pattern=pattern)

    def process(self, doc: Doc) -> Doc:
        titles: list[Title] = doc._.titles or []
        links = doc._.links or {}
        starts, ends = self._people(doc)
        sentence_of = sentence_index(doc)
        titles_at = {t.start: t for t in titles}
        titles_ending: dict[int, list[Title]] = defaultdict(list)
        for title in titles:
            titles_ending[title.phrase_end].append(title)
        roles: list[Role] = []
        attached: dict[int, Person] = {}
        clause_orgs: dict[int, OrgRef] = {}  # title start -> organisation a clause gives it ('the GNU, led by PM X')
        for title in titles:
            if title.category == "clause":
                person, org, introducing = self.clause_person(doc, title, starts, ends, titles_at)
                if person is not None:
                    roles.append(self.role(links, person, title, "clause", org))
                    if introducing is not None and introducing.org is None and org is not None:
                        clause_orgs.setdefault(introducing.start, org)
                continue
            person, pattern = self.attach(doc, title, starts, ends, titles_at, titles_ending, attached, sentence_of)
            if person is None or sentence_of[person.start] != sentence_of[min(title.start, len(doc) - 1)]:
                continue
            attached[title.start] = person
            roles.append(self.role(links, person, title, pattern, clause_orgs.get(title.start)))
        doc._.roles = roles
        return doc

    def attach(self, doc: Doc, title: Title, starts: dict[int, Person], ends: dict[int, Person],
               titles_at: dict[int, Title], titles_ending: dict[int, list[Title]], attached: dict[int, Person],
               sentence_of: list[int]) -> tuple[Person | None, str]:
        """The person a title describes and the pattern that says so, trying the patterns in order."""
        person = self.person_after(doc, title, starts) or self.person_after_coordinated(doc, title, starts, titles_at)
        if person is not None:
            return person, "before-name"
        if title.inner:
            return None, ""  # a title inside another's complement ('Chief of Staff to the President') names nobody else
        person = self.person_before_apposition(doc, title, ends)
        if person is not None:
            return person, "apposition-after"
        previous = self._skip_back(doc, title.phrase_start, self.before_chained_title)
        chained = next((t for t in titles_ending.get(previous + 1, ()) if t.start in attached), None)
        if chained is not None and span_text(doc, previous + 1, title.phrase_start).strip(", ") in self.words.conjunctions:
            return attached[chained.start], "apposition-chain"
        person = self.person_after_apposition(doc, title, starts, titles_at, sentence_of)
        if person is not None:
            return person, "apposition-before"
        return self.person_appointed(doc, title, ends), "appointment"


def _ent_start(doc: Doc, index: int) -> int:
    while index > 0 and doc[index].ent_iob_ == "I":
        index -= 1
    return index


def _ent_span_at(doc: Doc, index: int) -> OrgRef | None:
    if index >= len(doc) or doc[index].ent_iob_ != "B" or doc[index].ent_type_ not in ("ORG", "GPE"):
        return None
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return OrgRef(span=(index, end))
