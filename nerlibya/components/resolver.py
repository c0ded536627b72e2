"""Decide which real entity each mention denotes, so that one person, organisation or place becomes
one record: 'Haftar' after 'Saddam Haftar', 'LNA' with 'Libyan National Army', 'Vincent Girod' with the
KB's 'Vincent Giraud'.

Order of evidence, as in scispacy's linker: the KB ruler's id (exact), a KB alias or acronym, an acronym
paired in this article, fuzzy transliteration match against the KB (scored; threshold in config),
then the article's own earlier mentions (surname -> nearest full name that fits, never across two people),
and finally a key local to the document (`id` null in the record).

Writes `doc._.links`: {(start, end): Link(key, id, match, score)} and sets `ent.kb_id_`.

One concern: linking each mention to its entity (the steps share the article's clusters and the KB's indexes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.aliases import introduces_alias
from ..core.eras import Era, body_of_shared_name, era_of
from ..core.types import Link, TokenRange
from ..knowledge.kb import KnowledgeBase
from ..text.normalize import GLUED_ARTICLES, name_key, name_similarity, skeleton, tokens_alike
from ..core.org_names import NameGrammar, OrgRecord, join_shorter_records
from .base import KnowledgePipe, sentence_index
from .entity_cleanup import inflected
from .entity_spans import set_entities
from .people_index import PeopleIndex

Doc.set_extension("links", default=None, force=True)
Span.set_extension("link", getter=lambda span: (span.doc._.links or {}).get((span.start, span.end)), force=True)

def _named_first(clusters: list["Cluster"]) -> "Cluster | None":
    """Of the people a bare surname fits, the one whose full name the article gives first (None if two tie)."""
    if len(clusters) < 2:
        return clusters[0] if clusters else None
    ranked = sorted(clusters, key=lambda c: min(c.full_name_sentences))
    return ranked[0] if min(ranked[0].full_name_sentences) < min(ranked[1].full_name_sentences) else None


def _surname_forms(key: str) -> tuple[str, ...]:
    """A surname key, and without an Arabic article glued to it ('elkeeb' -> 'keeb')."""
    return (key, key[2:]) if key[:2] in GLUED_ARTICLES and len(key) > 5 else (key,)


GROUPS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}


def _repeats_a_person(mention: "Mention", person_names: set[str], surnames: set[str]) -> bool:
    """An ORG, GPE or FAC mention that repeats a person's name or surname is that person; so is a LOC that
    is the bare surname of a longer name ('a déclaré Akar' after 'Hulusi Akar'), but not a whole name: the
    French model tags a district as a person in one place ('Abou Slim') and rightly as a LOC in another."""
    if mention.label in ("ORG", "GPE", "FAC"):
        return mention.key in person_names or mention.key in surnames
    return mention.label == "LOC" and mention.key in surnames and mention.key not in person_names


@dataclass(slots=True)
class Mention:
    """One entity of `doc.ents`, read once: every read of `doc.ents` builds its Spans anew, and every
    `Span.text` joins its tokens again."""

    start: int
    end: int
    tagged_label: str  # as the earlier components left it
    label: str  # after `correct_labels`
    span_id: str
    text: str
    key: str  # name_key(text)
    parts: list[str]  # the words of `key`
    link_key: TokenRange  # its key in `doc._.links`

    @classmethod
    def of(cls, ent: Span) -> "Mention":
        start, end, label, text = ent.start, ent.end, ent.label_, ent.text
        key = name_key(text)
        return cls(start, end, label, label, ent.id_, text, key, key.split(), (start, end))


@dataclass
class Cluster:
    """One real entity of the article. Besides its names, it keeps what the surname and given-name rules
    ask of them, updated as names are added rather than recomputed for every later mention."""

    key: str
    kb_id: str | None
    names: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    name_parts: list[list[str]] = field(default_factory=list)  # the words of each name's key
    surnames: set[str] = field(default_factory=set)  # the last word of each name's key
    full_name_sentences: set[int] = field(default_factory=set)  # sentences naming it in two words or more

    def add(self, mention: Mention, sentence: int) -> None:
        self.names.append(mention.text)
        self.sentences.append(sentence)
        self.name_parts.append(mention.parts)
        if mention.parts:
            self.surnames.add(mention.parts[-1])
        if len(mention.parts) > 1:
            self.full_name_sentences.add(sentence)

    @property
    def has_full_name(self) -> bool:
        return bool(self.full_name_sentences)


class Resolved(NamedTuple):
    """What the evidence decides of one mention: the cluster it joins (if an earlier one), its KB id, and how
    it was matched, with what score."""

    cluster: Cluster | None
    kb_id: str | None
    match: str
    score: float


UNRESOLVED = Resolved(None, None, "model", 0.0)


@dataclass
class Article:
    """What the resolver reads of an article once, and what it has decided so far, mention after mention."""

    doc: Doc
    sentence_of: list[int]
    titles_before: dict[int, str]  # token index -> the head of the title that ends there
    acronyms: dict[str, TokenRange]
    short_of: dict[str, str]  # a long form's key -> the acronym the article pairs with it
    links: dict[TokenRange, Link] = field(default_factory=dict)
    clusters: dict[str, Cluster] = field(default_factory=dict)
    people: PeopleIndex = field(default_factory=PeopleIndex)
    previous: tuple[Mention, Cluster] | None = None

    @classmethod
    def of(cls, doc: Doc) -> "Article":
        """A long form stands for its acronym wherever it is written again ('the NOC (National Oil Company)
        ... the National Oil Company'); a title that is a clause does not stand before a name."""
        acronyms = doc._.acronyms or {}
        return cls(doc, sentence_index(doc, lines=True),
                   {t.end: t.head for t in (doc._.titles or []) if t.category != "clause"}, acronyms,
                   {name_key(doc[start:end].text): short for short, (start, end) in acronyms.items()})


def latest(clusters: list[Cluster]) -> Cluster:
    """Of several people a surname fits, the one named last (then most often): the nearest referent."""
    return max(clusters, key=lambda c: (c.sentences[-1], len(c.sentences)))


def entity_span(doc: Doc, mention: Mention, link: Link) -> Span:
    """The linked entity: the mention's words, label and span id, with the KB id the link gives it."""
    return Span(doc, mention.start, mention.end, label=mention.label, kb_id=link.id or "", span_id=mention.span_id)


def adopt_glossed_ids(doc: Doc, mentions: list[Mention], links: dict[str, Link], kb: KnowledgeBase) -> None:
    """'Compagnie nationale libyenne de pétrole (NOC)': a long form the KB does not know, glossed by an
    acronym it knows (in another language, so the letters need not fit), is that organisation. So is a long
    form the KB gives to another organisation, when the acronym's letters spell it and that organisation
    does not own the acronym: 'gouvernement d'union nationale (GUN)' is the GNU of 2021, though the same
    words without the gloss are the GNA of 2016."""
    spelt = {tuple(span): short for short, span in (doc._.acronyms or {}).items()}
    for mention, gloss in zip(mentions, mentions[1:]):
        link, gloss_link = links.get(mention.link_key), links.get(gloss.link_key)
        if (link and gloss_link and gloss_link.id and link.id != gloss_link.id
                and (link.id is None or (spelt.get((mention.start, mention.end)) == gloss.text
                                         and gloss.text not in kb.by_id[link.id].acronyms))
                and mention.label == gloss.label == "ORG"
                and gloss.start == mention.end + 1 and doc[mention.end].text == "("
                and gloss.end < len(doc) and doc[gloss.end].text == ")"):
            adopted = Link(gloss_link.key, gloss_link.id, "acronym", 1.0)
            for link_key, other in list(links.items()):
                if other.key == link.key:
                    links[link_key] = adopted


def common_word_matches(mentions: list[Mention], links: dict[str, Link], articles: frozenset[str]) -> set[str]:
    """Link keys of KB organisations whose name opens with an article, written only in lower case ('dans le
    monde' for Le Monde): common words, not the name, unless the article also writes the name."""
    named = {links[m.link_key].key for m in mentions
             if m.link_key in links and any(c.isupper() for c in m.text)}
    return {m.link_key for m in mentions if m.link_key in links and GROUPS.get(m.label) == "organisation"
            and links[m.link_key].id and links[m.link_key].key not in named
            and m.text.split()[0].lower() in articles}


@Language.factory(
    "nerlibya_resolver",
    default_config={"kb_path": "", "lang_path": "", "fuzzy_threshold": 0.84, "surname_threshold": 0.84},
    assigns=["doc._.links", "span._.link", "token.ent_kb_id"],
    requires=["doc.ents", "doc._.acronyms", "doc._.titles"],
)
def make_resolver(nlp: Language, name: str, kb_path: str, lang_path: str, fuzzy_threshold: float,
                  surname_threshold: float) -> "Resolver":
    return Resolver(nlp, name, kb_path=kb_path, lang_path=lang_path, fuzzy_threshold=fuzzy_threshold,
                    surname_threshold=surname_threshold)


class Resolver(KnowledgePipe):
    """People's names are compared the same way in every language; organisation names by the language's
    head nouns (its lexicon)."""

    def __init__(self, nlp: Language, name: str, *, fuzzy_threshold: float = 0.84, surname_threshold: float = 0.84,
                 **knowledge):
        self.fuzzy_threshold = fuzzy_threshold
        self.surname_threshold = surname_threshold
        super().__init__(nlp, name, **knowledge)

    def build(self) -> None:
        kb = self.kb
        words = self.lexicon.words
        self._org_grammar = NameGrammar(self.lexicon.heads.bodies, words.linking_words, words.adjectives_follow_noun,
                                        frozenset(map(name_key, inflected(words.nationality_words,
                                                                          words.nationality_endings))))
        self._name_keys = {entity.id: name_key(entity.name) for entity in kb}
        self._common_given_names = frozenset(name_key(name) for name in words.common_given_names)
        self._sharers: dict[str, frozenset[str]] = {}  # a shared name's key -> the bodies that share it with its owner
        for entity in kb:
            for key in entity.shared_names:
                self._sharers[key] = self._sharers.get(key, frozenset()) | {entity.id}
        bodies = {body for sharers in self._sharers.values() for body in sharers} | {
            owner for key in self._sharers for owner in kb.by_alias.get(key, ())}
        self._eras: dict[str, Era] = {body: era_of(body, [(person.id, office.start, office.end) for person in kb.people()
                                                          for office in person.offices if office.organisation == body])
                                      for body in bodies}
        self._people_by_skeleton: dict[str, list[tuple[str, str]]] = {}
        for person in kb.people():
            for full in person.full_names:
                parts = name_key(full).split()
                if len(parts) > 1:
                    self._people_by_skeleton.setdefault(skeleton(parts[-1]), []).append((person.id, full))

    # -- knowledge base ------------------------------------------------------------------------
    def kb_exact(self, text: str, group: str) -> str | None:
        ids = [i for i in self.kb.lookup(text) if self.kb.by_id[i].kind == group]
        return ids[0] if len(ids) == 1 else None

    def kb_fuzzy(self, mention: Mention) -> tuple[str, float] | None:
        """Best KB person for a multi-word name, if clearly above threshold and unambiguous."""
        best: dict[str, float] = {}
        # only names whose surname sounds alike can pass the threshold: compare within that bucket
        for person_id, full in self._people_by_skeleton.get(skeleton(mention.parts[-1]), ()):
            score = name_similarity(mention.text, full)
            if score >= self.fuzzy_threshold and score > best.get(person_id, 0.0):
                best[person_id] = score
        scored = sorted(((score, person_id) for person_id, score in best.items()), reverse=True)
        if not scored or (len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.02):
            return None
        return scored[0][1], round(scored[0][0], 3)

    def kb_title_key(self, title: str) -> str:
        """The title as the KB writes it ('maréchal' -> 'field marshal'), compared as a name key."""
        return name_key(self.lexicon.kb_titles.get(title.lower(), title))

    def kb_offices_match(self, kb_id: str | None, title: str) -> bool:
        if not kb_id:
            return False
        wanted = self.kb_title_key(title)
        return any(wanted and wanted in name_key(o.title) for o in self.kb.by_id[kb_id].offices)

    def kb_office_holder(self, owners: list[str], title: str | None) -> str | None:
        """The one KB bearer of a surname whose office is exactly the title before it: 'le maréchal Haftar' is
        Khalifa Haftar, even in an article that names his son Saddam Haftar in full."""
        if not title:
            return None
        wanted = self.kb_title_key(title)
        held = [o for o in owners if any(name_key(office.title) == wanted for office in self.kb.by_id[o].offices)]
        return held[0] if len(held) == 1 else None

    def holds_other_offices(self, kb_id: str, title: str | None) -> bool:
        """'Bahrain's King Hamad' is not the KB's one Hamad, a prime minister: the office written before the bare
        name is one written before a given name ('king', 'emir') and none of the KB bearer's offices."""
        return (bool(title) and title.lower() in self.lexicon.given_name_offices
                and not self.kb_offices_match(kb_id, title))

    # -- people --------------------------------------------------------------------------------
    def fits_surname(self, key: str, cluster: Cluster) -> bool:
        """'Hegazy' fits 'Mahmoud Hijazy'; 'Elkeeb', with its article glued, fits 'Abdul Rahmin El Keeb'."""
        return any(tokens_alike(k, s, self.surname_threshold) for k in _surname_forms(key) for s in cluster.surnames)

    def bears_surname(self, key: str, cluster: Cluster, kb_surname_ids: frozenset[str]) -> bool:
        """The surname fits as written, or the KB gives it to the person under another spelling ('Haftar' for
        'Khalifa Hifter'); `kb_surname_ids` are the KB people with surname `key`."""
        return cluster.kb_id in kb_surname_ids or self.fits_surname(key, cluster)

    def nearest_surname_bearer(self, people: PeopleIndex, key: str, sentence: int, title: str | None,
                               other_than: str | None = None) -> Cluster | None:
        """The person a bare surname denotes: of the people named in full whose surname fits (a bare surname
        does not denote someone named in full in the same sentence), the one whose office is `title` if any,
        else the one named last (then most often). Read from the most recently named on, so a surname shared
        by thousands of people costs no more than one."""
        kb_surname_ids = self.kb.by_surname.get(key, frozenset())

        def fits(c: Cluster) -> bool:
            return (c.has_full_name and sentence not in c.full_name_sentences
                    and (other_than is None or c.kb_id != other_than)
                    and self.bears_surname(key, c, kb_surname_ids))

        if title:
            titled = [c for c in people.with_kb_ids(kb_surname_ids)
                      if fits(c) and self.kb_offices_match(c.kb_id, title)]
            if titled:
                return latest(titled)
        nearest: dict[str, Cluster] = {}
        for form in _surname_forms(key):
            newest = None
            for c in people.recent_by_surname(form, kb_surname_ids):
                if newest is not None and c.sentences[-1] < newest:
                    break
                if fits(c):
                    nearest[c.key] = c
                    newest = c.sentences[-1]
        return latest(sorted(nearest.values(), key=people.position)) if nearest else None

    def resolve_person(self, mention: Mention, people: PeopleIndex, sentence: int, title: str | None) -> Resolved:
        """A person's name that neither the KB's ruler nor an alias cue decides."""
        if not mention.parts:  # nothing to compare by: a name of its own
            return UNRESOLVED
        if len(mention.parts) == 1:
            return self.resolve_single_name(mention, people, sentence, title)
        return self.resolve_full_name(mention, people)

    def resolve_single_name(self, mention: Mention, people: PeopleIndex, sentence: int,
                            title: str | None) -> Resolved:
        """A bare surname is the article's nearest bearer, unless its title names another bearer in the KB;
        failing both, the KB's one bearer (of that office); else a bare given name of one fuller name."""
        best = self.nearest_surname_bearer(people, mention.key, sentence, title)
        owners = sorted(self.kb.by_surname.get(mention.key, ()))
        holder = self.kb_office_holder(owners, title)
        if best is not None and (holder is None or best.kb_id == holder):
            return Resolved(best, best.kb_id, "surname", 1.0)
        if holder is not None:  # the title names another bearer of the surname than the article's nearest
            return Resolved(None, holder, "surname", 1.0)
        if title and len(owners) > 1:
            owners = [o for o in owners if self.kb_offices_match(o, title)] or owners
        if len(owners) == 1:
            return Resolved(None, owners[0], "surname", 1.0)
        partial = self.given_name_match(people, mention.parts)
        return Resolved(partial, partial.kb_id, "partial", 1.0) if partial else UNRESOLVED

    def resolve_full_name(self, mention: Mention, people: PeopleIndex) -> Resolved:
        """A name of two words or more: a KB person spelt alike, else an earlier name of the article spelt
        alike, else the leading or trailing parts of one fuller name of the article."""
        fuzzy = self.kb_fuzzy(mention)
        if fuzzy:
            return Resolved(None, fuzzy[0], "fuzzy", fuzzy[1])
        text = mention.text
        for cluster in people.by_full_name(mention.parts):
            if any(len(n.split()) > 1 and name_similarity(text, n) >= self.fuzzy_threshold for n in cluster.names):
                return Resolved(cluster, cluster.kb_id, "fuzzy", 1.0)
        partial = self.given_name_match(people, mention.parts) or self.trailing_name_match(people, mention.parts)
        if partial:
            return Resolved(partial, partial.kb_id, "partial", 1.0)
        return UNRESOLVED

    def alias_of(self, doc: Doc, mention: Mention, previous: tuple[Mention, Cluster] | None) -> Cluster | None:
        """The person named just before, when only an alias cue stands between ('X, also known as "Y"')."""
        if previous is None or previous[0].label != "PERSON" or previous[0].end >= mention.start:
            return None
        between = [doc[i].lower_ for i in range(previous[0].end, mention.start)]
        return previous[1] if introduces_alias(between, self.lexicon.words.alias_cues) else None

    def article_namesake(self, mention: Mention, people: PeopleIndex, sentence: int, title: str | None) -> Cluster | None:
        """'M. Issa' after 'Aguila Salah Issa': a bare surname that the KB gives to someone this article has not
        named goes to the person of the article who bears it."""
        kb_id = mention.span_id
        if (len(mention.parts) != 1 or mention.label != "PERSON" or kb_id not in self.kb
                or people.has_kb_id(kb_id)):
            return None
        return self.nearest_surname_bearer(people, mention.key, sentence, title, other_than=kb_id)

    def given_name_match(self, people: PeopleIndex, parts: list[str]) -> Cluster | None:
        """'Saddam' or 'Saif al-Islam' after 'Saddam Haftar' / 'Saif al-Islam Gaddafi': the leading part of
        exactly one fuller name in the article; never a given name too common to name anyone alone."""
        if len(parts) == 1 and parts[0] in self._common_given_names:
            return None
        found = [cluster for cluster in people.by_given_name(parts[0], more_parts_than=len(parts))
                 if any(len(full) > len(parts) and all(tokens_alike(a, b, self.surname_threshold)
                                                       for a, b in zip(parts, full))
                        for full in cluster.name_parts)]
        return found[0] if len(found) == 1 else None

    def trailing_name_match(self, people: PeopleIndex, parts: list[str]) -> Cluster | None:
        """'Abdul-Wahab' or 'M. Fattah Ghaffar' after 'Ghazi Abdul-Wahab' / 'Abdel Fattah Ghaffar': the last
        parts of exactly one fuller name in the article."""
        found = [cluster for cluster in people.by_inner_parts(parts)
                 if any(len(full) > len(parts) and all(tokens_alike(a, b, self.surname_threshold)
                                                       for a, b in zip(parts, full[-len(parts):]))
                        for full in cluster.name_parts)]
        return found[0] if len(found) == 1 else None

    # -- driver --------------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        ents = doc.ents
        mentions = self.correct_labels([Mention.of(ent) for ent in ents])
        article = Article.of(doc)
        for mention in mentions:
            group = GROUPS.get(mention.label)
            if group is not None:
                self.file(article, mention, group, self.link(article, mention, group))
        links = article.links
        self.link_early_surnames(mentions, links, article.people)
        adopt_glossed_ids(doc, mentions, links, self.kb)
        self.join_shorter_organisations(mentions, links)
        self.decide_shared_names(doc, mentions, links)
        common = common_word_matches(mentions, links, self.lexicon.words.leading_determiners)
        set_entities(doc, [entity_span(doc, mention, links[mention.link_key]) if mention.link_key in links else ent
                           for mention, ent in zip(mentions, ents) if mention.link_key not in common])
        doc._.links = links
        return doc

    def link(self, article: Article, mention: Mention, group: str) -> Resolved:
        """The first evidence that decides the mention, unless it gives a ruler's given name ('King Hamad') the
        KB's bearer of that surname; an organisation or place none decides may still be the long form of an
        acronym the article pairs, written again without it."""
        resolved = self.first_evidence(article, mention, group)
        if (resolved.cluster is None and resolved.kb_id is not None and len(mention.parts) == 1
                and self.holds_other_offices(resolved.kb_id, article.titles_before.get(mention.start))):
            return UNRESOLVED
        if resolved.kb_id is None and group != "person" and mention.key in article.short_of:
            kb_id = self.kb_exact(article.short_of[mention.key], group)
            if kb_id:
                resolved = resolved._replace(kb_id=kb_id, match="acronym", score=1.0)
        return resolved

    def first_evidence(self, article: Article, mention: Mention, group: str) -> Resolved:
        """The strongest evidence first: the article's bearer of a surname the KB gives to someone not named here,
        the KB ruler's id, a KB name; then a person's alias cue or name (KB, then article), or an acronym the
        article pairs with a long form."""
        sentence = article.sentence_of[mention.start]
        title = article.titles_before.get(mention.start)
        if (namesake := self.article_namesake(mention, article.people, sentence, title)) is not None:
            return Resolved(namesake, namesake.kb_id, "surname", 1.0)
        if mention.span_id and mention.span_id in self.kb:
            exact = mention.key == self._name_keys[mention.span_id]
            return Resolved(None, mention.span_id, "exact" if exact else "alias", 1.0)
        if (kb_id := self.kb_exact(mention.text, group)) is not None:
            return Resolved(None, kb_id, "alias", 1.0)
        if group == "person":
            if (named := self.alias_of(article.doc, mention, article.previous)) is not None:
                return Resolved(named, named.kb_id, "alias", 1.0)
            return self.resolve_person(mention, article.people, sentence, title)
        return self.paired_acronym(article, mention)

    @staticmethod
    def paired_acronym(article: Article, mention: Mention) -> Resolved:
        """An acronym the article pairs with a long form takes the long form's link ('LNA' after 'Libyan
        National Army (LNA)')."""
        long_span = article.acronyms.get(mention.text)
        link = article.links.get(tuple(long_span)) if long_span is not None else None
        if not link:
            return UNRESOLVED
        return Resolved(article.clusters.get(link.key), link.id, "acronym", 1.0)

    @staticmethod
    def file(article: Article, mention: Mention, group: str, resolved: Resolved) -> None:
        """Add the mention to its cluster (the KB id's, else the cluster it was matched to, else a key local to
        the document), opening the cluster if it is the first, and record its link."""
        cluster, kb_id = resolved.cluster, resolved.kb_id
        key = kb_id or (cluster.key if cluster else f"{group}:{mention.key or mention.text}")
        cluster = article.clusters.get(key) or cluster
        if cluster is None or cluster.key != key:
            cluster = article.clusters[key] = Cluster(key, kb_id)
            if group == "person":
                article.people.add(cluster)
        cluster.add(mention, article.sentence_of[mention.start])
        article.people.file(cluster, mention.text, mention.parts)
        article.links[mention.link_key] = Link(key, kb_id, resolved.match, resolved.score)
        article.previous = mention, cluster

    def correct_labels(self, mentions: list[Mention]) -> list[Mention]:
        """Correct the model's label where the evidence is better: a name the KB knows takes the KB's label and
        id; a mention the KB does not know that repeats a person's name ('Langley' after 'General Michael
        Langley', tagged ORG) is that person."""
        person_names = {m.key for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1}
        surnames = {n.split()[-1] for n in person_names if n}
        for mention in mentions:
            known = self.kb.lookup(mention.text) if not mention.span_id and mention.label in GROUPS else frozenset()
            if not known and not mention.span_id and mention.label in GROUPS:
                known = self.acronym_in_title_case(mention.text)
            if len(known) == 1:  # the KB knows this name as another kind: 'Commandement général' tagged PER
                entity = self.kb.by_id[next(iter(known))]
                mention.label, mention.span_id = entity.label, entity.id
            elif not mention.span_id and not known and _repeats_a_person(mention, person_names, surnames):
                mention.label = "PERSON"
        return mentions

    def decide_shared_names(self, doc: Doc, mentions: list[Mention], links: dict[TokenRange, Link]) -> None:
        """'gouvernement d'union nationale' names the GNA of 2016 (the KB's owner of the name) and the GNU of 2021
        (which lists it in `shared_names`): a body written only so, never by a name of its own ('GNA'), is the one
        the article decides (`core.eras.body_of_shared_name`: the heads it names, else its date), or stays the
        owner."""
        by_key: dict[str, list[Mention]] = {}
        for mention in mentions:
            link = links.get(mention.link_key)
            if link and link.id and GROUPS.get(mention.label) == "organisation":
                by_key.setdefault(link.key, []).append(mention)
        named = frozenset(link.id for link in links.values() if link.id and self.kb.by_id[link.id].kind == "person")
        date = doc._.date if Doc.has_extension("date") else None
        for key, found in by_key.items():
            owner = links[found[0].link_key].id
            sharers = [self._sharers.get(m.key) for m in found]
            if not all(sharers) or any(owner in bodies for bodies in sharers):
                continue
            bodies = sorted({owner, *sharers[0]})
            chosen = body_of_shared_name([self._eras[body] for body in bodies], named, date)
            if chosen is not None and chosen != owner:
                for link_key, link in list(links.items()):
                    if link.key == key:
                        links[link_key] = Link(chosen, chosen, "alias", 1.0)

    def join_shorter_organisations(self, mentions: list[Mention], links: dict[TokenRange, Link]) -> None:
        """'the Central Bank' after 'Central Bank of Libya', 'OPEC' before its long form: one record
        (rules in nerlibya/org_names.py)."""
        by_key: dict[str, list[Mention]] = {}
        for mention in mentions:
            link = links.get(mention.link_key)
            if link and GROUPS.get(mention.label) == "organisation":
                by_key.setdefault(link.key, []).append(mention)
        if len(by_key) < 2:
            return
        records = [self._org_record(key, links[found[0].link_key].id, found) for key, found in by_key.items()]
        for key, target in join_shorter_records(records, self._org_grammar).items():
            for mention in by_key[key]:
                links[mention.link_key] = Link(target.key, target.kb_id, "shorter form", 1.0)

    def _org_record(self, key: str, kb_id: str | None, mentions: list[Mention]) -> OrgRecord:
        entity = self.kb.by_id.get(kb_id) if kb_id else None
        return OrgRecord(key, kb_id, tuple(dict.fromkeys(m.text for m in mentions)),
                         entity.full_names if entity else (), tuple(m.start for m in mentions))

    def acronym_in_title_case(self, text: str) -> frozenset[str]:
        """'la Manul', 'la Noc', 'l'Otan': an organisation's acronym written as a word (French style), which the
        model takes for a place or a person, or tags as an organisation of its own."""
        if len(text) < 3 or not text.isalpha() or not text[0].isupper() or not text[1:].islower():
            return frozenset()
        return frozenset(i for i in self.kb.by_acronym.get(text.upper(), ()) if self.kb.by_id[i].kind == "organisation")

    def link_early_surnames(self, mentions: list[Mention], links: dict[TokenRange, Link], people: PeopleIndex) -> None:
        """A bare surname before the full name ('Cameron' in a headline, 'David Cameron' below) joins the person of
        the article it fits, once the whole article has been read (of several, the one named in full first: 'Haftar'
        in a headline, then 'Khalifa Haftar' and his sons); so does a bare given name that
        opens the name of exactly one person of the article and no one's surname ('Saddam' before 'Saddam
        Haftar'). Only mentions tagged PERSON
        upstream qualify: one relabelled by `correct_labels` stays as resolved."""
        for mention in mentions:
            link = links.get(mention.link_key)
            if not link or mention.tagged_label != "PERSON" or link.match != "model" or len(mention.parts) != 1:
                continue
            kb_surname_ids = self.kb.by_surname.get(mention.key, frozenset())  # 'Haftar' above 'Khalifa Hifter'
            fitting = [c for c in people.recent_by_surname(mention.key, kb_surname_ids) if c.key != link.key
                       and c.has_full_name and self.bears_surname(mention.key, c, kb_surname_ids)]
            first = _named_first(fitting)
            if first is not None:
                links[mention.link_key] = Link(first.key, first.kb_id, "surname", 1.0)
            elif not fitting and (given := self.given_name_match(people, mention.parts)) is not None:
                links[mention.link_key] = Link(given.key, given.kb_id, "partial", 1.0)  # 'son Saddam' in a headline
