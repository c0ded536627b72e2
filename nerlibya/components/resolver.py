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

Doc.set_extension("links", default=None, force=True)
Span.set_extension("link", getter=lambda span: (span.doc._.links or {}).get(f"{span.start}:{span.end}"), force=True)

GROUPS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}


@dataclass
class Cluster:
    key: str
    kb_id: str | None
    names: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)

    @property
    def surnames(self) -> set[str]:
        return {name_key(n).split()[-1] for n in self.names if name_key(n)}


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

    def kb_fuzzy(self, text: str) -> tuple[str, float] | None:
        """Best KB person for a multi-word name, if clearly above threshold and unambiguous."""
        best: dict[str, float] = {}
        # only names whose surname sounds alike can pass the threshold: compare within that bucket
        for person_id, full in self._people_by_skeleton.get(skeleton(name_key(text).split()[-1]), ()):
            score = name_similarity(text, full)
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
    def surname_candidates(self, clusters: list[Cluster], text: str, sentence: int, title: str | None) -> list[Cluster]:
        key = name_key(text)
        kb_surname_ids = self.kb.by_surname.get(key, frozenset())
        found = []
        for cluster in clusters:
            if not any(len(name_key(n).split()) > 1 for n in cluster.names):
                continue
            fits = cluster.kb_id in kb_surname_ids or any(
                token_similarity(key, s) >= self.surname_threshold for s in cluster.surnames
            )
            # a bare surname does not denote someone named in full in the same sentence
            full_here = any(s == sentence for s, n in zip(cluster.sentences, cluster.names) if len(name_key(n).split()) > 1)
            if fits and not full_here:
                found.append(cluster)
        if title and len(found) > 1:
            titled = [c for c in found if self.kb_offices_match(c.kb_id, title)]
            found = titled or found
        return found

    def resolve_person(self, ent: Span, clusters: list[Cluster], sentence: int, title: str | None) -> tuple[Cluster | None, str | None, str, float]:
        text = ent.text
        single = len(name_key(text).split()) == 1
        if single:
            candidates = self.surname_candidates(clusters, text, sentence, title)
            if candidates:
                best = max(candidates, key=lambda c: (c.sentences[-1], len(c.sentences)))
                return best, best.kb_id, "surname", 1.0
            owners = sorted(self.kb.by_surname.get(name_key(text), ()))
            if title and len(owners) > 1:
                owners = [o for o in owners if self.kb_offices_match(o, title)] or owners
            if len(owners) == 1:
                return None, owners[0], "surname", 1.0
            partial = self.given_name_match(clusters, text)
            return (partial, partial.kb_id, "partial", 1.0) if partial else (None, None, "model", 0.0)
        fuzzy = self.kb_fuzzy(text)
        if fuzzy:
            return None, fuzzy[0], "fuzzy", fuzzy[1]
        for cluster in clusters:
            if any(len(n.split()) > 1 and name_similarity(text, n) >= self.fuzzy_threshold for n in cluster.names):
                return cluster, cluster.kb_id, "fuzzy", 1.0
        partial = self.given_name_match(clusters, text)
        if partial:
            return partial, partial.kb_id, "partial", 1.0
        return None, None, "model", 0.0

    def given_name_match(self, clusters: list[Cluster], text: str) -> Cluster | None:
        """'Saddam' or 'Saif al-Islam' after 'Saddam Haftar' / 'Saif al-Islam Gaddafi': the leading part of
        exactly one fuller name in the article."""
        parts = name_key(text).split()
        found = []
        for cluster in clusters:
            for name in cluster.names:
                full = name_key(name).split()
                if len(full) > len(parts) and all(token_similarity(a, b) >= self.surname_threshold
                                                  for a, b in zip(parts, full)):
                    found.append(cluster)
                    break
        return found[0] if len(found) == 1 else None

    # -- driver --------------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        sentence_of = sentence_index(doc)
        titles_before = {t["end"]: t["head"] for t in (doc._.titles or []) if t["category"] != "clause"}
        acronyms = doc._.acronyms or {}
        long_form_of = {tuple(span): short for short, span in acronyms.items()}
        links: dict[str, dict] = {}
        clusters: dict[str, Cluster] = {}
        people: list[Cluster] = []
        new_ents = []
        for ent in self.people_labelled_as_places_or_orgs(doc):
            group = GROUPS.get(ent.label_)
            if group is None:
                new_ents.append(ent)
                continue
            kb_id, match, score, cluster = None, "model", 0.0, None
            sentence = sentence_of[ent.start]
            if ent.id_ and ent.id_ in self.kb:
                kb_id, score = ent.id_, 1.0
                match = "exact" if name_key(ent.text) == name_key(self.kb.by_id[kb_id].name) else "alias"
            elif (kb_id := self.kb_exact(ent.text, group)) is not None:
                match, score = "alias", 1.0
            elif group == "person":
                cluster, kb_id, match, score = self.resolve_person(ent, people, sentence, titles_before.get(ent.start))
            elif ent.text in acronyms:
                long_span = acronyms[ent.text]
                link = links.get(f"{long_span[0]}:{long_span[1]}")
                if link:
                    kb_id, match, score = link["id"], "acronym", 1.0
                    cluster = clusters.get(link["key"])
            if kb_id is None and group != "person" and (ent.start, ent.end) in long_form_of:
                kb_id = self.kb_exact(long_form_of[(ent.start, ent.end)], group)
                match, score = ("acronym", 1.0) if kb_id else (match, score)
            key = kb_id or (cluster.key if cluster else f"{group}:{name_key(ent.text)}")
            cluster = clusters.get(key) or cluster
            if cluster is None or cluster.key != key:
                cluster = clusters.setdefault(key, Cluster(key, kb_id))
                if group == "person" and cluster not in people:
                    people.append(cluster)
            cluster.names.append(ent.text)
            cluster.sentences.append(sentence)
            links[f"{ent.start}:{ent.end}"] = {"key": key, "id": kb_id, "match": match, "score": score}
            new_ents.append(ent)
        self.link_early_surnames(doc, links, people)
        doc.ents = [Span(doc, e.start, e.end, label=e.label_, kb_id=links[f"{e.start}:{e.end}"]["id"] or "",
                         span_id=e.id_) if f"{e.start}:{e.end}" in links else e for e in new_ents]
        doc._.links = links
        return doc

    def people_labelled_as_places_or_orgs(self, doc: Doc) -> list[Span]:
        """Correct the model's label where the evidence is better: a name the KB knows takes the KB's label and
        id; a mention the KB does not know that repeats a person's name ('Langley' after 'General Michael
        Langley', tagged ORG) is that person."""
        person_names = {name_key(e.text) for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) > 1}
        surnames = {n.split()[-1] for n in person_names if n}
        fixed = []
        for ent in doc.ents:
            key = name_key(ent.text)
            known = self.kb.lookup(ent.text) if not ent.id_ and ent.label_ in GROUPS else frozenset()
            if len(known) == 1:  # the KB knows this name as another kind: 'Commandement général' tagged PER
                entity = self.kb.by_id[next(iter(known))]
                ent = Span(doc, ent.start, ent.end, label=entity.label, span_id=entity.id)
            elif ent.label_ in ("ORG", "GPE") and not ent.id_ and not known and (key in person_names or key in surnames):
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            fixed.append(ent)
        return fixed

    def link_early_surnames(self, doc: Doc, links: dict[str, dict], people: list[Cluster]) -> None:
        """A bare surname before the full name ('Cameron' in a headline, 'David Cameron' below) joins the one
        person of the article it fits, once the whole article has been read."""
        for ent in doc.ents:
            link = links.get(f"{ent.start}:{ent.end}")
            if not link or ent.label_ != "PERSON" or link["match"] != "model" or len(name_key(ent.text).split()) != 1:
                continue
            fitting = [c for c in people if c.key != link["key"] and any(len(name_key(n).split()) > 1 for n in c.names)
                       and any(token_similarity(name_key(ent.text), s) >= self.surname_threshold for s in c.surnames)]
            if len(fitting) == 1:
                link.update(key=fitting[0].key, id=fitting[0].kb_id, match="surname", score=1.0)
