"""Decide which real entity each mention denotes, so that one person, organisation or place becomes
one record: 'Haftar' after 'Saddam Haftar', 'LNA' with 'Libyan National Army', 'Vincent Girod' with the
KB's 'Vincent Giraud'.

Order of evidence, as in scispacy's linker: the KB ruler's id (exact), a KB alias or acronym, an acronym
paired in this article, fuzzy transliteration match against the KB (scored; threshold in config),
then the article's own earlier mentions (surname -> nearest full name that fits, never across two people),
and finally a key local to the document (`id` null in the record).

Writes `doc._.links`: {"start:end": {"key", "id", "match", "score"}} and sets `ent.kb_id_`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..kb import KnowledgeBase, load_kb
from ..normalize import name_key, name_similarity, skeleton, token_similarity
from .base import NerlibyaPipe, sentence_index
from .people_index import PeopleIndex

Doc.set_extension("links", default=None, force=True)
Span.set_extension("link", getter=lambda span: (span.doc._.links or {}).get(f"{span.start}:{span.end}"), force=True)

GROUPS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}


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
    link_key: str  # its key in `doc._.links`

    @classmethod
    def of(cls, ent: Span) -> "Mention":
        start, end, label, text = ent.start, ent.end, ent.label_, ent.text
        key = name_key(text)
        return cls(start, end, label, label, ent.id_, text, key, key.split(), f"{start}:{end}")


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


def entity_info(doc: Doc, mention: Mention, link: dict) -> tuple[int, int, str, int, int]:
    """The linked entity as the `doc.ents` setter also takes it, (ent_id, kb_id, label, start, end) with the
    ids as string hashes: the setter builds a Span from whatever it is given, so building one here would
    be thrown away."""
    strings = doc.vocab.strings
    return strings.add(mention.span_id), strings.add(link["id"] or ""), mention.label, mention.start, mention.end


@Language.factory(
    "nerlibya_resolver",
    default_config={"kb_path": "", "fuzzy_threshold": 0.84, "surname_threshold": 0.84},
    assigns=["doc._.links", "span._.link", "token.ent_kb_id"],
    requires=["doc.ents", "doc._.acronyms", "doc._.titles"],
)
def make_resolver(nlp: Language, name: str, kb_path: str, fuzzy_threshold: float, surname_threshold: float) -> "Resolver":
    return Resolver(name, kb=load_kb(kb_path or None), fuzzy_threshold=fuzzy_threshold, surname_threshold=surname_threshold)


class Resolver(NerlibyaPipe):
    def __init__(self, name: str, *, kb: KnowledgeBase, fuzzy_threshold: float = 0.84, surname_threshold: float = 0.84):
        self.name = name
        self.kb = kb
        self.fuzzy_threshold = fuzzy_threshold
        self.surname_threshold = surname_threshold
        self._name_keys = {entity.id: name_key(entity.name) for entity in kb}
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

    def kb_offices_match(self, kb_id: str | None, title: str) -> bool:
        if not kb_id:
            return False
        wanted = name_key(title)
        return any(wanted and wanted in name_key(o.title) for o in self.kb.by_id[kb_id].offices)

    # -- people --------------------------------------------------------------------------------
    def fits_surname(self, key: str, cluster: Cluster) -> bool:
        return any(token_similarity(key, s) >= self.surname_threshold for s in cluster.surnames)

    def surname_candidates(self, people: PeopleIndex, key: str, sentence: int, title: str | None) -> list[Cluster]:
        kb_surname_ids = self.kb.by_surname.get(key, frozenset())
        # a bare surname does not denote someone named in full in the same sentence
        found = [c for c in people.by_surname(key, kb_surname_ids)
                 if c.has_full_name and sentence not in c.full_name_sentences
                 and (c.kb_id in kb_surname_ids or self.fits_surname(key, c))]
        if title and len(found) > 1:
            titled = [c for c in found if self.kb_offices_match(c.kb_id, title)]
            found = titled or found
        return found

    def resolve_person(self, mention: Mention, people: PeopleIndex, sentence: int, title: str | None) -> tuple[Cluster | None, str | None, str, float]:
        if not mention.parts:  # nothing to compare by: a name of its own
            return None, None, "model", 0.0
        if len(mention.parts) == 1:
            candidates = self.surname_candidates(people, mention.key, sentence, title)
            if candidates:
                best = max(candidates, key=lambda c: (c.sentences[-1], len(c.sentences)))
                return best, best.kb_id, "surname", 1.0
            owners = sorted(self.kb.by_surname.get(mention.key, ()))
            if title and len(owners) > 1:
                owners = [o for o in owners if self.kb_offices_match(o, title)] or owners
            if len(owners) == 1:
                return None, owners[0], "surname", 1.0
            partial = self.given_name_match(people, mention.parts)
            return (partial, partial.kb_id, "partial", 1.0) if partial else (None, None, "model", 0.0)
        fuzzy = self.kb_fuzzy(mention)
        if fuzzy:
            return None, fuzzy[0], "fuzzy", fuzzy[1]
        text = mention.text
        for cluster in people.by_full_name(mention.parts):
            if any(len(n.split()) > 1 and name_similarity(text, n) >= self.fuzzy_threshold for n in cluster.names):
                return cluster, cluster.kb_id, "fuzzy", 1.0
        partial = self.given_name_match(people, mention.parts)
        if partial:
            return partial, partial.kb_id, "partial", 1.0
        return None, None, "model", 0.0

    def given_name_match(self, people: PeopleIndex, parts: list[str]) -> Cluster | None:
        """'Saddam' or 'Saif al-Islam' after 'Saddam Haftar' / 'Saif al-Islam Gaddafi': the leading part of
        exactly one fuller name in the article."""
        found = [cluster for cluster in people.by_given_name(parts[0], more_parts_than=len(parts))
                 if any(len(full) > len(parts) and all(token_similarity(a, b) >= self.surname_threshold
                                                       for a, b in zip(parts, full))
                        for full in cluster.name_parts)]
        return found[0] if len(found) == 1 else None

    # -- driver --------------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        ents = doc.ents
        mentions = self.correct_labels([Mention.of(ent) for ent in ents])
        sentence_of = sentence_index(doc)
        titles_before = {t["end"]: t["head"] for t in (doc._.titles or []) if t["category"] != "clause"}
        acronyms = doc._.acronyms or {}
        long_form_of = {tuple(span): short for short, span in acronyms.items()}
        links: dict[str, dict] = {}
        clusters: dict[str, Cluster] = {}
        people = PeopleIndex()
        for mention in mentions:
            group = GROUPS.get(mention.label)
            if group is None:
                continue
            kb_id, match, score, cluster = None, "model", 0.0, None
            sentence = sentence_of[mention.start]
            if mention.span_id and mention.span_id in self.kb:
                kb_id, score = mention.span_id, 1.0
                match = "exact" if mention.key == self._name_keys[kb_id] else "alias"
            elif (kb_id := self.kb_exact(mention.text, group)) is not None:
                match, score = "alias", 1.0
            elif group == "person":
                cluster, kb_id, match, score = self.resolve_person(mention, people, sentence,
                                                                   titles_before.get(mention.start))
            elif mention.text in acronyms:
                long_span = acronyms[mention.text]
                link = links.get(f"{long_span[0]}:{long_span[1]}")
                if link:
                    kb_id, match, score = link["id"], "acronym", 1.0
                    cluster = clusters.get(link["key"])
            if kb_id is None and group != "person" and (mention.start, mention.end) in long_form_of:
                kb_id = self.kb_exact(long_form_of[(mention.start, mention.end)], group)
                match, score = ("acronym", 1.0) if kb_id else (match, score)
            key = kb_id or (cluster.key if cluster else f"{group}:{mention.key or mention.text}")
            cluster = clusters.get(key) or cluster
            if cluster is None or cluster.key != key:
                cluster = clusters[key] = Cluster(key, kb_id)
                if group == "person":
                    people.add(cluster)
            cluster.add(mention, sentence)
            people.file(cluster, mention.text, mention.parts)
            links[mention.link_key] = {"key": key, "id": kb_id, "match": match, "score": score}
        self.link_early_surnames(mentions, links, people)
        doc.ents = [entity_info(doc, mention, links[mention.link_key]) if mention.link_key in links else ent
                    for mention, ent in zip(mentions, ents)]
        doc._.links = links
        return doc

    def correct_labels(self, mentions: list[Mention]) -> list[Mention]:
        """Correct the model's label where the evidence is better: a name the KB knows takes the KB's label and
        id; a mention the KB does not know that repeats a person's name ('Langley' after 'General Michael
        Langley', tagged ORG) is that person."""
        person_names = {m.key for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1}
        surnames = {n.split()[-1] for n in person_names if n}
        for mention in mentions:
            known = self.kb.lookup(mention.text) if not mention.span_id and mention.label in GROUPS else frozenset()
            if len(known) == 1:  # the KB knows this name as another kind: 'Commandement général' tagged PER
                entity = self.kb.by_id[next(iter(known))]
                mention.label, mention.span_id = entity.label, entity.id
            elif (mention.label in ("ORG", "GPE") and not mention.span_id and not known
                  and (mention.key in person_names or mention.key in surnames)):
                mention.label = "PERSON"
        return mentions

    def link_early_surnames(self, mentions: list[Mention], links: dict[str, dict], people: PeopleIndex) -> None:
        """A bare surname before the full name ('Cameron' in a headline, 'David Cameron' below) joins the one
        person of the article it fits, once the whole article has been read. Only mentions tagged PERSON
        upstream qualify: one relabelled by `correct_labels` stays as resolved."""
        for mention in mentions:
            link = links.get(mention.link_key)
            if not link or mention.tagged_label != "PERSON" or link["match"] != "model" or len(mention.parts) != 1:
                continue
            fitting = [c for c in people.by_surname(mention.key) if c.key != link["key"] and c.has_full_name and self.fits_surname(mention.key, c)]
            if len(fitting) == 1:
                link.update(key=fitting[0].key, id=fitting[0].kb_id, match="surname", score=1.0)
