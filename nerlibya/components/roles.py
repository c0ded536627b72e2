"""Attach each title to the one person it describes: the spaCy adapter of `nerlibya.core.roles`.

It reads the Doc (PERSON entities from the token arrays, sentences, `doc._.titles`, `doc._.links`), lets
the pure patterns of `core.roles` pick each title's person, and writes `doc._.roles`: frozen `Role` values
with the person's token span, title, status and organisation. Where the text gives no status or
organisation, an office in the knowledge base may supply them. It reads the titles and links of earlier
components and never changes them.
"""

from __future__ import annotations

from dataclasses import replace

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_ALPHA, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ..core.roles import (Held, Person, RoleWords, Scene, attach, bracketed_body, clause_person, country_body_names,
                          holder_by_other_name, in_feminine, modifier_body, of_a_family, people_listed,
                          person_as_owner, respective_titles, singled_out)
from ..core.types import Link, OrgRef, Role, Title, TokenRange
from ..core.status import status_at
from ..knowledge.kb import Office
from ..text.name_shapes import NameShapes
from ..text.normalize import fold, name_key
from .base import KnowledgePipe, sentence_index
from .token_lookup import WordTest, tokens_where

Doc.set_extension("roles", default=None, force=True)
Doc.set_extension("date", default=None, force=True)  # the article's date, if the caller knows it (ISO 8601)

IOB_INSIDE, IOB_BEGIN = 1, 3  # spaCy's codes in `Token.ent_iob`
# patterns whose person may be named in another sentence than the title: a subject pronoun's antecedent, and the
# person of a title chained to one attached so
OTHER_SENTENCE_PATTERNS = frozenset({"pronoun", "apposition-chain"})


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
        self.words = RoleWords.of(self.lexicon)
        self.shapes = NameShapes.of(self.lexicon.words, frozenset(self.kb.by_demonym))
        self._is_nationality = WordTest(self.shapes.is_nationality)
        # every KB entity's offices, each with the key its title is compared by
        self._office_keys = {entity_id: tuple((office, name_key(office.title)) for office in entity.offices)
                             for entity_id, entity in self.kb.by_id.items()}
        self.office_synonyms = {fold(written): fold(office) for written, office in self.lexicon.office_synonyms.items()}

    def process(self, doc: Doc) -> Doc:
        nationalities = self.nationalities(doc)
        persons = people(doc)
        named = frozenset(persons)
        bodies = frozenset((e.start, e.end) for e in doc.ents if e.label_ == "ORG")
        titles: list[Title] = [person_as_owner(bracketed_body(doc, self.with_country_body(doc, t), self.words,
                                                              nationalities), named, bodies)
                               for t in doc._.titles or []]
        links = doc._.links or {}
        date = doc._.date
        scene = Scene.of(doc, persons, titles, sentence_index(doc), self.words, nationalities)
        roles: list[Role] = []
        attached: dict[int, Person] = {}
        clause_orgs: dict[int, OrgRef] = {}  # title start -> organisation a clause gives it ('the GNU, led by PM X')
        for title in titles:
            if title.category == "clause":
                person, org, introducing = clause_person(scene, title)
                if person is not None:
                    roles.append(self.role(links, person, in_feminine(scene, title), "clause", org, date))
                    if introducing is not None and introducing.org is None and org is not None:
                        clause_orgs.setdefault(introducing.start, org)
                continue
            if title.plural and singled_out(scene, title) is None:
                listed = sorted(person for person in people_listed(scene, title) if scene.same_sentence(person, title))
                roles += [self.role(links, person, own, "shared", date=date)
                          for person, own in zip(listed, respective_titles(scene, title, listed))]
                continue
            title = singled_out(scene, title) or title
            if of_a_family(scene, title):
                continue
            person, pattern = attach(scene, title, attached)
            if person is None or not (pattern in OTHER_SENTENCE_PATTERNS or scene.same_sentence(person, title)):
                continue
            attached[title.start] = person
            roles.append(self.role(links, person, title, pattern, clause_orgs.get(title.start), date))
        doc._.roles = roles + self.roles_by_other_name(doc, links, titles, attached, roles)
        return doc

    def roles_by_other_name(self, doc: Doc, links: dict[TokenRange, Link], titles: list[Title],
                            attached: dict[int, Person], roles: list[Role]) -> list[Role]:
        """Titles that name no one near them, given to the one person holding the same office under another of
        its names (`core.roles.holder_by_other_name`)."""
        if not self.office_synonyms:
            return []
        held = [self.held(doc, links, role) for role in roles]
        found = []
        for title in titles:
            if title.start in attached or title.category == "clause" or title.inner or title.plural:
                continue
            person = holder_by_other_name(title, held, self.office_synonyms)
            if person is not None:
                found.append(self.role(links, person, title, "other-name", date=doc._.date))
                held.append(self.held(doc, links, found[-1]))  # named twice, given once
        return found

    def held(self, doc: Doc, links: dict[TokenRange, Link], role: Role) -> Held:
        """A role as `holder_by_other_name` compares it: whose (the link's key, else the name), which office,
        of which place (the id the text or the link of its organisation gives)."""
        person = Person(*role.person)
        link = links.get(role.person)
        org = role.org
        org_link = links.get(org.span) if org is not None and org.span is not None else None
        return Held(person, link.key if link else name_key(doc[person.start:person.end].text),
                    self.office_synonyms.get(fold(role.title)), fold(role.title),
                    (org.id if org is not None else None) or (org_link.id if org_link else None))

    def nationalities(self, doc: Doc) -> frozenset[int]:
        """Where nationality words are written, in no person's name ('le Libanais', 'le commandement américain'):
        read from the token arrays, each distinct word asked once."""
        if not len(doc):
            return frozenset()
        alpha, label = doc.to_array([IS_ALPHA, ENT_TYPE]).T
        return frozenset(tokens_where(doc, ORTH, self._is_nationality,
                                      among=(alpha == 1) & (label != doc.vocab.strings["PERSON"])))

    # -- knowledge base ------------------------------------------------------------------------
    def kb_offices(self, links: dict[TokenRange, Link], person: Person, title: str) -> tuple[Office, ...]:
        """The linked person's KB offices with this title (one title may have been held several times)."""
        link = links.get(person)
        if not link or not link.id:
            return ()
        wanted = name_key(title)
        return tuple(office for office, have in self._office_keys[link.id]
                     if wanted and (wanted == have or wanted.endswith(have) or have.endswith(wanted)))

    def with_country_body(self, doc: Doc, title: Title) -> Title:
        """The title with `country_body` as its organisation (the title itself when that is its own: most are)."""
        org = self.country_body(doc, title)
        return title if org is title.org else replace(title, org=org)

    def country_body(self, doc: Doc, title: Title) -> OrgRef | None:
        """The title's organisation, or the KB body of its country that a modifier left out of the title names
        ('Libya's central bank governor', 'governor of Libya's central bank' -> Central Bank of Libya)."""
        org = title.org
        country = self._country(doc, org)
        if country is None:
            return org
        end = title.end
        if org.span is not None and org.span[0] >= title.end:  # past the country: "of Libya['s central bank]"
            end = min(len(doc), org.span[1] + 1 + max((len(m.split()) for m in self.lexicon.unwritten_modifiers),
                                                      default=0))
        body = modifier_body([t.lower_ for t in doc[title.phrase_start:end]], self.lexicon.unwritten_modifiers)
        if body is None:
            return org
        names = country_body_names(body, country.name, country.demonyms, self.lexicon.body_names)
        found = next((ids for ids in map(self.kb.lookup, names) if len(ids) == 1), None)
        return OrgRef(id=next(iter(found))) if found else org

    def _country(self, doc: Doc, org: OrgRef | None):
        """The KB country (a place with demonyms) an organisation reference stands for, or None."""
        if org is None or org.text is not None:
            return None
        ids = {org.id} if org.id else self.kb.lookup(doc[org.span[0]:org.span[1]].text)
        countries = [self.kb.by_id[i] for i in ids if i in self.kb.by_id and self.kb.by_id[i].demonyms]
        return countries[0] if len(countries) == 1 else None

    def role(self, links: dict[TokenRange, Link], person: Person, title: Title, pattern: str, org: OrgRef | None = None,
             date: str | None = None) -> Role:
        status, source = title.status, "text" if title.status else None
        org = title.org or org
        offices = self.kb_offices(links, person, title.title)
        if offices:
            if status is None:  # decided at the article's date when it has one (core.status)
                status = status_at(offices, date)
                source = "kb" if status else None
            if org is None and offices[0].organisation:
                org = OrgRef(id=offices[0].organisation)
        return Role(person=(person.start, person.end), title=title.title, head=title.head, category=title.category,
                    status=status, status_source=source, org=org, of=title.of, span=(title.start, title.end),
                    pattern=pattern)


def people(doc: Doc) -> list[Person]:
    """PERSON entities, read from the token arrays as `doc.ents` reads them (a labelled B token, then its
    I tokens): `doc.ents` would build a Span for every entity."""
    iob, label = doc.to_array([ENT_IOB, ENT_TYPE]).T
    starts = numpy.flatnonzero((iob == IOB_BEGIN) & (label == doc.vocab.strings["PERSON"]))
    not_inside = numpy.append(numpy.flatnonzero(iob != IOB_INSIDE), len(doc))
    ends = not_inside[numpy.searchsorted(not_inside, starts, side="right")]
    return [Person(start, end) for start, end in zip(starts.tolist(), ends.tolist())]
