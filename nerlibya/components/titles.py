"""Find title phrases (offices, ranks, qualifiers) and the people that titles introduce.

A title is a run of lexicon units that ends with an office or a rank: 'former Foreign Minister',
'Deputy Commander-in-Chief', 'military spokesman', 'le Premier ministre'. Around it we read whose
office it is: a nationality word ('French President'), a possessive ('Libya's', 'Macron's'), an
organisation right before ('LNA spokesman'), or a complement ('of the Libyan National Army',
'to the French President', 'du Conseil présidentiel'). A portfolio stays in the title ('Minister of
Foreign Affairs'). A capitalised name right after a title that no entity covers yet becomes a
PERSON ('Colonel Ahmed Ali'), which is how people the model and the KB miss are still found.

Results go to `doc._.titles` as frozen `Title` values (token offsets), for the roles component to link.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..core.types import OrgRef, Title, TokenRange
from ..lexicon import Words
from ..normalize import fold
from .base import KnowledgePipe

Doc.set_extension("titles", default=None, force=True)

TITLE_UNITS = ("QUAL", "MOD", "OFFICE", "RANK")
HEADS = ("OFFICE", "RANK")
PRIORITY = {"RANK": 5, "OFFICE": 4, "QUAL": 3, "CLAUSE": 3, "COMP": 2, "HONOR": 2, "APPOINT": 1, "MOD": 1}
PLACE_OR_ORG = frozenset({"ORG", "GPE", "LOC", "FAC"})
MAX_NAME_TOKENS = 6
# an organisation or portfolio named after a title without being an entity ('Envoy of the Arab League'): no
# longer than this, so that a run of capitalised words is not read again from each title in it
MAX_COMPLEMENT_TOKENS = 12


@dataclass(slots=True)
class Unit:
    doc: Doc
    start: int
    end: int
    cat: str

    @property
    def phrase(self) -> str:
        """Lower-cased text, built when asked for: most units (prepositions, modifiers) never are."""
        return span_text(self.doc, self.start, self.end).lower()


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
        nlp, lexicon = self.nlp, self.lexicon
        self.words = lexicon.words
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._cats: dict[int, str] = {}
        self._place_or_org_labels = frozenset(nlp.vocab.strings.add(label) for label in PLACE_OR_ORG)
        self._title_phrases = {fold(p) for p in lexicon.offices | lexicon.ranks}
        for cat, phrases in lexicon.phrases().items():
            self._cats[nlp.vocab.strings.add(cat)] = cat
            # curly apostrophes, and capitalised forms (the tokenizer splits 'lt. gen.' but not 'Lt. Gen.')
            written = {v for phrase in phrases for p in (phrase, phrase.replace("'", "’")) for v in (p, p.title())}
            self.matcher.add(cat, list(nlp.tokenizer.pipe(sorted(written))))

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
        return units

    def runs(self, units: list[Unit]) -> list[list[Unit]]:
        """Group adjacent title units; a rank after an office starts a new title; a run must end
        with an office or rank. (Any other unit between two title units keeps them apart.)"""
        runs: list[list[Unit]] = []
        current: list[Unit] = []
        for unit in units:
            opens = not current or current[-1].end != unit.start
            if unit.cat not in TITLE_UNITS or (opens and self._is_appointment_verb(unit)):
                continue
            if current and (current[-1].end != unit.start or (unit.cat == "RANK" and current[-1].cat == "OFFICE")):
                _add_run(runs, current)
                current = []
            current.append(unit)
        _add_run(runs, current)
        return runs

    def _is_appointment_verb(self, unit: Unit) -> bool:
        """A qualifier that is also an appointment verb does not open a title: 'désigné Premier ministre' is
        'appointed Prime Minister' (the qualifier, 'Premier ministre désigné', follows the noun)."""
        return unit.cat == "QUAL" and unit.phrase in self.lexicon.appointment_verbs

    # -- context around a title ----------------------------------------------------------------
    def demonym_place(self, token) -> str | None:
        return self.kb.by_demonym.get(fold(token.text))

    def left_context(self, ctx: "_Context", start: int) -> tuple[OrgRef | None, TokenRange | None, int]:
        """Organisation (or person) named before the title, and where the whole phrase starts."""
        j = start - 1
        if j < 0:
            return None, None, start
        token = ctx.doc[j]
        place = self.demonym_place(token)
        if place:
            return OrgRef(id=place), None, j
        if token.text in self.words.possessive_marks and j > 0:
            ent = ctx.ent_ending_at(j - 1)
            if ent is not None:
                if ent.label_ == "PERSON":
                    return None, (ent.start, ent.end), ent.start
                return OrgRef(span=(ent.start, ent.end)), None, ent.start
        ent = ctx.ent_ending_at(j)
        if ent is not None and ent.label_ in PLACE_OR_ORG:
            return OrgRef(span=(ent.start, ent.end)), None, ent.start
        return None, None, start

    def complement(self, ctx: "_Context", end: int, head: str) -> "Complement":
        """Read 'of/to/for ...' after a title: organisation, person served, portfolio, phrase end. The
        first reading that applies decides: an entity, a nested title, a common noun, a capitalised name."""
        doc = ctx.doc
        base = Complement(phrase_end=end)
        k = end
        place = self.demonym_place(doc[k]) if k < len(doc) and self.words.adjectives_follow_noun else None
        if place:  # 'ministre turc de la Défense'
            k = end + 1
            base = Complement(org=OrgRef(id=place), phrase_end=k)
        comp = ctx.comps.get(k)
        if comp is None:
            return base
        k = comp.end
        while k < len(doc) and doc[k].lower_ in self.words.title_determiners:
            k += 1
        if k >= len(doc):
            return base
        ent = ctx.ent_starting_at(k)
        if _qualifies_next_word(doc, ent.end if ent is not None else k + 1):
            return base  # 'head of the UN-backed government': the name qualifies the complement, it is not one
        return (self._entity_complement(ctx, k, ent, head, base)
                or self._nested_complement(ctx, k, base)
                or self._common_noun_complement(doc, k, head, base)
                or self._name_complement(ctx, k, ent, head, base))

    def _entity_complement(self, ctx: "_Context", k: int, ent: Span | None, head: str,
                           base: "Complement") -> "Complement | None":
        """An organisation or place ('of the LNA') or a person ('to X') right after the preposition. After a
        portfolio office, an organisation neither the KB nor an id vouches for is read as the portfolio."""
        if ent is None:
            return None
        doc = ctx.doc
        portfolio = head in self.lexicon.portfolio_offices
        if ent.label_ in PLACE_OR_ORG and not (portfolio and not ent.id_ and ent.label_ == "ORG" and not self.kb.lookup(ent.text)):
            following = ctx.ent_starting_at(ent.end)
            if following is not None and following.label_ == "ORG":  # 'of U.S. Africa Command'
                ent = following
            end = _after_parenthesis(doc, ent.end)
            if end < len(doc) and self.demonym_place(doc[end]):
                end += 1  # '(GUN) libyen'
            return replace(base, org=OrgRef(span=(ent.start, ent.end)), phrase_end=end)
        if ent.label_ == "PERSON":
            return replace(base, of=(ent.start, ent.end), phrase_end=ent.end)
        return None

    def _nested_complement(self, ctx: "_Context", k: int, base: "Complement") -> "Complement | None":
        """A nationality word and/or another title: 'to the French President', 'Chief of Staff to the President
        X' (the inner title names nobody else; X is whose office it is)."""
        doc = ctx.doc
        place = self.demonym_place(doc[k])
        if place:
            base = replace(base, org=OrgRef(id=place))
            k += 1
            if ctx.runs_at.get(k) is None:  # 'to the French President' without a name: the country is whose office it is
                return replace(base, phrase_end=k)
        nested = ctx.runs_at.get(k)
        if nested is None:
            return None
        found = replace(base, org=base.org or nested.org, inner=nested.start)
        for position in (nested.end, nested.phrase_end):  # "envoy of the Secretary-General [of the UN] X"
            person = ctx.ent_starting_at(position)
            if person is not None and person.label_ == "PERSON":
                return replace(found, of=(person.start, person.end), phrase_end=person.end)
        return replace(found, of=found.of or nested.of, phrase_end=nested.phrase_end)

    def _common_noun_complement(self, doc: Doc, k: int, head: str, base: "Complement") -> "Complement | None":
        """A lower-case complement: a common noun before an apposition, or a lower-case portfolio."""
        token = doc[k]
        if not (token.is_lower and token.is_alpha):
            return None
        if not (head in self.lexicon.portfolio_offices and not token.is_stop):
            # 'gouverneur par intérim de la banque, X', 'Premier ministre du gouvernement de Tripoli, X': a
            # common-noun complement, with the place it belongs to, before an apposition
            stop = k
            while stop < min(k + 4, len(doc)) and doc[stop].is_lower and doc[stop].is_alpha:
                stop += 1
            stop = self._past_place(doc, stop)
            return replace(base, phrase_end=stop) if stop < len(doc) and doc[stop].text == "," else base
        stop = k  # 'his minister of civil aviation': a lower-case portfolio of up to three words
        while stop < min(k + 3, len(doc)) and doc[stop].is_lower and doc[stop].is_alpha and not doc[stop].is_stop:
            stop += 1
        return replace(base, portfolio_end=stop, phrase_end=stop)

    def _past_place(self, doc: Doc, k: int) -> int:
        """Past 'de Tripoli' / "d'Italie" (an of-word and a place entity) at `k`, or `k`."""
        place = k + 1 if k < len(doc) and doc[k].lower_ in self.words.of_words else k
        if not (0 < place < len(doc) and doc[place - 1].lower_ in self.words.of_words
                and doc[place].ent_type_ == "GPE" and doc[place].ent_iob_ == "B"):
            return k
        end = place + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end

    def _name_complement(self, ctx: "_Context", k: int, ent: Span | None, head: str,
                         base: "Complement") -> "Complement":
        """Capitalised words no entity covers: an organisation's name ('of the 166th Brigade') or, after a
        portfolio office, the portfolio ('Minister of Foreign Affairs', 'ministre des Affaires étrangères')."""
        doc = ctx.doc
        if not (_starts_name(doc[k]) or (ent is not None and ent.label_ == "ORG")):
            return base
        portfolio = head in self.lexicon.portfolio_offices
        stop, limit = k, min(len(doc), k + MAX_COMPLEMENT_TOKENS)
        while stop < limit and not (stop > k and portfolio and _names_place_or_org(doc, stop, self.words)) and (
            _starts_name(doc[stop])
            or _connects_to_name(doc, stop, self.words)
            or (self.words.adjectives_follow_noun and doc[stop].is_lower and doc[stop].is_alpha and stop > k
                and doc[stop].ent_iob_ != "B" and _is_adjective(doc[stop].lower_, self.words))
        ):
            if doc[stop].ent_type_ == "PERSON":
                break
            stop += 1
        if stop == k:
            return base
        if portfolio:
            return replace(base, portfolio_end=stop, phrase_end=stop)
        return replace(base, org=OrgRef(text=span_text(doc, k, stop)), phrase_end=stop)

    def demonym_before_modifier(self, ctx: "_Context", end: int) -> int | None:
        """The position of a nationality adjective written between a title and its qualifier ('Premier ministre
        libyen désigné'), or None."""
        if (self.words.adjectives_follow_noun and end + 1 in ctx.modifiers_at and end < len(ctx.doc)
                and self.demonym_place(ctx.doc[end])):
            return end
        return None

    def more_portfolios(self, ctx: "_Context", end: int, head: str) -> int:
        """Where a list of portfolios ends: 'ministre de l'Économie, des Finances et de l'Industrie' (a comma
        followed by another portfolio continues it; a comma followed by a name does not)."""
        doc = ctx.doc
        while end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in self.words.of_words:
            again = self.complement(ctx, end + 1, head)
            if not again.portfolio_end or again.org is not None:
                break
            end = again.portfolio_end
        return end

    def lower_case_tail(self, doc: Doc, end: int) -> int:
        """A short lower-case complement ending a portfolio before an apposition belongs to it: 'ministre ... des
        Tunisiens à l'étranger, X' (a preposition and up to three words, none a connector to another name)."""
        if end >= len(doc) or doc[end].lower_ not in self.lexicon.complements:
            return end
        stop = end
        while stop < min(end + 4, len(doc)) and doc[stop].is_lower and not doc[stop].is_punct:
            stop += 1
        if stop == end or stop >= len(doc) or doc[stop].text != "," or doc[stop - 1].lower_ in self.words.of_words:
            return end
        return stop

    def trailing_modifiers(self, end: int, modifiers_at: dict[int, Unit]) -> tuple[int, str | None]:
        """Adjectives and qualifiers written after the noun (French): 'porte-parole militaire', 'par intérim'."""
        status = None
        while self.words.adjectives_follow_noun and end in modifiers_at:
            if modifiers_at[end].cat == "QUAL":
                status = self.lexicon.qualifiers[modifiers_at[end].phrase]
            end = modifiers_at[end].end
        return end, status

    def drop_titles_taken_for_names(self, doc: Doc) -> list[Span]:
        """The model tags a capitalised title at a sentence start as a place or an organisation ('Le Secrétaire
        général de l'ONU, X,'): an entity that is a whole office or rank, with no KB id, is a title, not a name."""
        ents = list(doc.ents)
        kept = [e for e in ents if e.label_ not in PLACE_OR_ORG or e.id_ or fold(e.text) not in self._title_phrases]
        if len(kept) != len(ents):
            doc.ents = kept
        return kept

    def people_around_titles(self, doc: Doc, titles: list[Title]) -> None:
        """Names the model took for a place or an organisation, with no KB id: before a comma and an office
        with no article ('Seddiq el-Kebir, gouverneur de la Banque centrale, affirme'), or right after a title
        when the name has an Arabic article ('le député Soleiman al-Faqih'), they are people."""
        by_start, by_end = {e.start: e for e in doc.ents}, {e.end: e for e in doc.ents}
        found = []
        for title in titles:
            if title.category == "clause":
                continue
            k = title.phrase_start
            before = by_end.get(k - 1) if k >= 2 and doc[k - 1].text == "," and title.category == "office" else None
            if before is not None and before.label_ in ("GPE", "LOC") and self._looks_like_name(before):
                found.append(before)
            after = by_start.get(title.end)
            if after is not None and after.label_ in PLACE_OR_ORG and self._looks_like_name(after) and any(
                    part in self.words.name_articles for t in after for part in t.lower_.split("-")):
                found.append(after)
        if found:
            relabelled = {(e.start, e.end) for e in found}
            doc.ents = [Span(doc, e.start, e.end, label="PERSON") if (e.start, e.end) in relabelled else e
                        for e in doc.ents]

    def _looks_like_name(self, ent: Span) -> bool:
        """Two words or more, no KB id, each capitalised or a name particle."""
        return not ent.id_ and len(ent) >= 2 and all(
            t.text[:1].isupper() or t.lower_ in self.words.name_particles or t.text in "-‑" for t in ent)

    # -- people introduced by titles -----------------------------------------------------------
    def name_after(self, doc: Doc, index: int, unit_starts: set[int]) -> tuple[int, int] | None:
        """Token range of a capitalised name starting at `index`, or None."""
        end = index
        last_capital = None
        while end < len(doc) and end - index < MAX_NAME_TOKENS:
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
            elif token.lower_ in self.words.name_particles or text in ("-", "‑"):
                pass
            else:
                break
            end += 1
        if last_capital is None or index in unit_starts:
            return None
        return index, last_capital

    def discover(self, doc: Doc, runs: list[list[Unit]], honorifics: list[Unit], unit_starts: set[int]) -> list[Span]:
        """Make entities of the people named right after titles; returns them."""
        new = []
        for start in [run[-1].end for run in runs] + [u.end for u in honorifics]:
            if start + 1 < len(doc) and doc[start].text == ".":
                start += 1
            if start >= len(doc):
                continue
            token = doc[start]
            if token.ent_type_ or not token.text[:1].isupper():
                continue
            found = self.name_after(doc, start, unit_starts)
            if found and not any(doc[i].ent_type_ for i in range(*found)):
                new.append(Span(doc, found[0], found[1], label="PERSON"))
        # the names touch no entity, so `doc.ents = filter_spans(doc.ents + new)` would rewrite the others as
        # they are: setting the new ones alone spares building and rewriting every span of the doc
        new = filter_spans(new)
        if new:
            doc.set_ents(new, default="unmodified")
        return new

    def process(self, doc: Doc) -> Doc:
        ents = self.drop_titles_taken_for_names(doc)
        units = self.units(doc, ents)
        runs = self.runs(units)
        by_cat: dict[str, list[Unit]] = defaultdict(list)
        for unit in units:
            by_cat[unit.cat].append(unit)
        unit_starts = {u.start for cat in TITLE_UNITS for u in by_cat[cat]}
        if self.discover_people:
            ents += self.discover(doc, runs, by_cat["HONOR"], unit_starts)
        ctx = _Context(doc=doc, by_start={e.start: e for e in ents}, by_end={e.end: e for e in ents},
                       comps={u.start: u for u in by_cat["COMP"]},
                       modifiers_at={u.start: u for u in by_cat["MOD"] + by_cat["QUAL"]},
                       quals_at={u.start: u for u in by_cat["QUAL"]},
                       quals_ending={u.end: u for u in by_cat["QUAL"]})
        titles = self.run_titles(ctx, runs) + self.clause_titles(by_cat["CLAUSE"])
        doc._.titles = sorted(titles, key=lambda t: t.start)
        _drop_names_inside_titles(doc, list(doc.ents), titles)
        self.people_around_titles(doc, titles)
        return doc

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
        start, end = run[0].start, run[-1].end
        end, trailing_status = self.trailing_modifiers(end, ctx.modifiers_at)
        demonym_at = self.demonym_before_modifier(ctx, end)
        if demonym_at is not None:  # 'Premier ministre libyen désigné'
            end, trailing_status = self.trailing_modifiers(end + 1, ctx.modifiers_at)
        head_unit = run[-1]  # a run ends with its head
        head = head_unit.phrase.replace("’", "'")  # the lexicon's spelling: 'chef d’état-major' is a portfolio office
        org, of, phrase_start = self.left_context(ctx, start)
        qualifier = ctx.quals_ending.get(phrase_start) if phrase_start != start else None
        right = self.complement(ctx, end, head)
        if demonym_at is not None:
            right = replace(right, org=right.org or OrgRef(id=self.demonym_place(doc[demonym_at])))
        nested = {right.inner}
        title_end = right.portfolio_end or end
        if right.portfolio_end:
            title_end = self.lower_case_tail(ctx.doc, self.more_portfolios(ctx, right.portfolio_end, head))
            right = replace(right, portfolio_end=title_end)
        if right.portfolio_end:  # 'ministre des Affaires étrangères par intérim du GUN'
            title_end, after_portfolio = self.trailing_modifiers(title_end, ctx.modifiers_at)
            trailing_status = trailing_status or after_portfolio
            again = self.complement(ctx, title_end, "")  # '... du GUN'
            nested.add(again.inner)
            right = replace(again, org=again.org or right.org, portfolio_end=title_end,
                            phrase_end=max(again.phrase_end, title_end))
        status = next((self.lexicon.qualifiers[u.phrase] for u in run if u.cat == "QUAL"), trailing_status)
        if status is None and head.startswith("ex-"):
            status = "former"  # French writes 'ex-patron' as one word
        skip = demonym_at if demonym_at is not None else end if end < title_end and self.demonym_place(doc[end]) else None
        title_text = _title_text(doc, start, title_end, skip)
        if qualifier is not None:
            title_text = f"{qualifier.phrase if doc[qualifier.start].is_lower else span_text(doc, qualifier.start, qualifier.end)} {title_text}"
            status = status or self.lexicon.qualifiers[qualifier.phrase]
            phrase_start = qualifier.start
        phrase_end, _ = self.trailing_modifiers(max(right.phrase_end, title_end), ctx.quals_at)
        title = Title(start=start, end=title_end, phrase_start=phrase_start, phrase_end=phrase_end,
                      title=title_text, head=head, category="rank" if head_unit.cat == "RANK" else "office",
                      status=status, org=org or right.org, of=of or right.of)
        return title, nested - {None}

    def clause_titles(self, clauses: list[Unit]) -> list[Title]:
        """'headed by', 'who heads': the role a clause gives, for the roles component to attach."""
        titles = []
        for unit in clauses:
            cue = unit.phrase
            role = self.lexicon.clause_roles[cue]
            titles.append(Title(start=unit.start, end=unit.end, phrase_start=unit.start, phrase_end=unit.end,
                                title=role, head=role, category="clause", cue=cue))
        return titles


@dataclass(frozen=True)
class Complement:
    """What follows a title: whose office it is (`org`, or the person `of`), where a portfolio kept in the
    title ends, where the whole phrase ends, and the start of a title nested in it."""

    phrase_end: int
    org: OrgRef | None = None
    of: TokenRange | None = None
    portfolio_end: int | None = None
    inner: int | None = None


@dataclass
class _Context:
    """One document's view for reading titles: entities by first and by end token, lexicon units by
    position, and the titles read so far. Built by `process` and passed down, never kept on the component."""

    doc: Doc
    by_start: dict[int, Span]
    by_end: dict[int, Span]
    comps: dict[int, Unit]
    modifiers_at: dict[int, Unit]
    quals_ending: dict[int, Unit]
    quals_at: dict[int, Unit]
    runs_at: dict[int, Title] = field(default_factory=dict)

    def ent_starting_at(self, index: int) -> Span | None:
        return self.by_start.get(index)

    def ent_ending_at(self, index: int) -> Span | None:
        """The entity whose last token is `index` (a real `doc.ents` span, with label and id)."""
        return self.by_end.get(index + 1)


def _add_run(runs: list[list[Unit]], units: list[Unit]) -> None:
    """Add the units up to the last office or rank, if any, as a run."""
    for end in range(len(units), 0, -1):
        if units[end - 1].cat in HEADS:
            runs.append(units[:end])
            return


def _drop_names_inside_titles(doc: Doc, ents: list[Span], titles: list[Title]) -> None:
    """An organisation or place the model found inside a title's own words, with no KB id, is the title's
    portfolio ('ministre de l'Économie, des Finances et du Budget'), not a name of its own."""
    covered = {i for t in titles for i in range(t.start, t.end)}
    kept = [e for e in ents if e.label_ == "PERSON" or e.id_ or not all(i in covered for i in range(e.start, e.end))]
    if len(kept) != len(ents):
        doc.ents = kept


def _any_in_range(positions: list[int], start: int, end: int) -> bool:
    """Does the sorted list hold a position in [start, end)? A bisection, where a numpy slice per
    lexicon match cost more than the matcher itself."""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` without the Span, whose constructor alone builds three Tokens."""
    if start >= end:
        return ""
    last = end - 1
    return "".join([doc[i].text_with_ws for i in range(start, last)]) + doc[last].text


def span_text_with_ws(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text_with_ws` without the Span."""
    return "".join([doc[i].text_with_ws for i in range(start, end)])


def _title_text(doc: Doc, start: int, end: int, skip: int | None) -> str:
    """The title as written, minus the French nationality adjective at `skip` ('ministre turc de la Défense')."""
    if skip is None or not start <= skip < end:
        return span_text(doc, start, end)
    return (span_text_with_ws(doc, start, skip) + span_text(doc, skip + 1, end)).strip()


def _connects_to_name(doc: Doc, index: int, words: Words) -> bool:
    """Connectors ('et', 'de', 'des', 'et des') followed by a capitalised word: the portfolio goes on."""
    end = index
    while end < min(len(doc), index + 3) and doc[end].lower_ in words.portfolio_connectors:
        end += 1
    return index < end < len(doc) and doc[end].text[:1].isupper()


def _names_place_or_org(doc: Doc, index: int, words: Words) -> bool:
    """Is the token (or the one after a connector) an organisation or a country? Ends a portfolio."""
    token = doc[index]
    if token.lower_ in words.portfolio_connectors and index + 1 < len(doc):
        nxt = doc[index + 1] if doc[index + 1].lower_ not in words.portfolio_connectors or index + 2 >= len(doc) else doc[index + 2]
        token = nxt
    return token.ent_type_ in PLACE_OR_ORG and token.ent_iob_ == "B"  # not the rest of the portfolio's own span


def _qualifies_next_word(doc: Doc, end: int) -> bool:
    """A name joined by a hyphen to a lower-case word ('UN-backed', 'Turkish-led') qualifies what follows."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].is_lower


def _after_parenthesis(doc: Doc, index: int) -> int:
    """Skip a parenthesised acronym right after a name: 'Africa Command (AFRICOM)'."""
    if index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text == ")":
        return index + 3
    return index


def _starts_name(token) -> bool:
    """Capitalised word or ordinal ('166th'): the kind of token an organisation's name is made of."""
    return (token.text[:1].isupper() and not token.is_punct) or (token.text[:1].isdigit() and token.text[-2:].isalpha())


def _is_adjective(word: str, words: Words) -> bool:
    """Lower-case adjectives after the noun continue a portfolio ('ministre des Affaires étrangères')."""
    return word not in words.portfolio_connectors and word.endswith(words.adjective_endings)
