"""A language's data: every word list the components read, from `models/lang/<code>/` (spaCy keeps its
language data the same way, one folder per language under `spacy/lang/`).

Three files per language: `titles.yaml` (the role lexicon), `name_heads.yaml` (head nouns that belong to a
name) and `words.yaml` (function words and name parts, each list named by its job). The English pipeline
reads only `en/`, so French determiners never trim an English name ('La Paz', 'Des Moines'). A third
language is a new folder plus a model name in `models/pipeline.cfg`.

One loader, `load_lexicon(lang, folder)`, cached per (language, folder). A folder that is given is read
or refused with a one-line KnowledgeBaseError; only no folder at all means the packaged data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import KnowledgeBaseError
from .datafiles import default_kb_path, parse_yaml

LANG_FOLDER = "lang"
TITLES_FILE = "titles.yaml"
NAME_HEADS_FILE = "name_heads.yaml"
WORDS_FILE = "words.yaml"
NAMES_FILE = "names.yaml"  # beside the language folders: how names are compared in every language
FILES = (TITLES_FILE, NAME_HEADS_FILE, WORDS_FILE)
HEAD_LABELS = ("FAC", "ORG")
WORD_LIST_KEYS = ("bodies", "organs", "outlets", "org_name_words", "other_kinds", "generic_bodies",
                  "name_joiners", "place_joiners", "posted_bodies", "posting_joiners", "complement_compounds", "name_breakers", "leading_adjectives", "lower_case_heads",
                  "range_openers", "indefinite_articles", "portfolio_bodies", "weather_events", "adverb_openers",
                  "named_units", "unit_articles", "named_facilities",
                  "named_parties")  # plain word lists beside the FAC/ORG head nouns


@dataclass(frozen=True)
class Words:
    """Function words and name parts of one language (see `models/lang/<code>/words.yaml` for each
    list's job). Every field is required in the file, so a new language cannot silently lack one."""

    function_words: frozenset[str]
    elided_words: frozenset[str]
    leading_determiners: frozenset[str]
    place_prepositions: frozenset[str]
    of_words: frozenset[str]
    linking_words: frozenset[str]
    calendar_words: frozenset[str]
    compass_words: frozenset[str]
    nationality_words: frozenset[str]
    nationality_endings: tuple[str, ...]
    never_places: frozenset[str]
    given_names: frozenset[str]
    place_nouns: frozenset[str]
    place_name_starts: frozenset[str]
    family_nouns: frozenset[str]
    community_nouns: frozenset[str]
    office_buildings: frozenset[str]  # 'the Prime Minister House': a seat named after its office, no person
    craft_nouns: frozenset[str]  # 'a chartered X aircraft': the name before one runs the craft, no person
    platforms: frozenset[str]
    byline_cues: frozenset[str]
    source_cues: frozenset[str]
    byline_staff_words: frozenset[str]  # 'By Staff Writer', 'Par notre correspondant': a credit naming no one
    byline_role_words: frozenset[str]  # 'By X, Middle East correspondent': a description before or ending in one
    name_articles: frozenset[str]
    possessive_marks: frozenset[str]
    plural_possessors: frozenset[str]  # 'people': "Republican People's Party" keeps its possessive
    title_determiners: frozenset[str]
    name_particles: frozenset[str]
    portfolio_connectors: frozenset[str]
    portfolio_nouns: frozenset[str]  # 'Affairs', 'Employment': a portfolio's words besides the title modifiers
    not_title_words: frozenset[str]
    adjectives_follow_noun: bool
    lower_case_bodies_are_names: bool
    adjective_endings: tuple[str, ...]
    infinitive_endings: tuple[str, ...]
    conjunctions: frozenset[str]
    auxiliaries: frozenset[str]
    object_clitics: frozenset[str]
    as_words: frozenset[str]
    appointment_prepositions: frozenset[str]
    adverbs: frozenset[str]
    clause_breakers: frozenset[str]
    relative_pronouns: frozenset[str]
    relative_possessives: frozenset[str]  # 'whose', 'dont': 'the House, whose speaker, X': the House's office
    workplace_prepositions: frozenset[str]  # 'at', 'chez': 'a senior analyst at X': X is a body, not a person
    body_complements: frozenset[str]
    abbreviations: tuple[str, ...]
    age_words: frozenset[str]
    agent_prepositions: frozenset[str]
    quantifiers: frozenset[str]
    list_openers: frozenset[str]  # 'namely': between a plural title and the people it lists after it
    capacity_nouns: frozenset[str]
    partitives: frozenset[str]
    adverb_endings: tuple[str, ...]
    region_prepositions: frozenset[str]
    portfolio_prepositions: frozenset[str]
    origin_prepositions: frozenset[str]
    speech_verbs: frozenset[str]
    speaker_complements: frozenset[str]
    portfolio_articles: frozenset[str]
    sentence_openers: frozenset[str]
    apposition_closers: frozenset[str]
    post_prepositions: frozenset[str]  # 'to': 'ambassador to [Libya] X', the place of a post, then its holder
    past_tense_endings: tuple[str, ...]
    compound_modifier_ends: frozenset[str]
    succession_verbs: frozenset[str]
    time_prepositions: frozenset[str]
    time_nouns: frozenset[str]
    relation_nouns: frozenset[str]
    subject_pronouns: frozenset[str]
    object_relatives: frozenset[str]
    naming_verbs: frozenset[str]
    common_given_names: frozenset[str]  # 'Mohammed': alone, it is joined to no fuller name
    articles_before_no_person: frozenset[str]  # 'pendant le Ramadan': a one-word name after these is no person
    alias_cues: frozenset[str]  # 'also known as', 'dit': the name after one is another form of the person before
    active_auxiliaries: frozenset[str]  # 'has', 'avait': before 'appointed'/'nommé', the subject appoints
    conferring_verbs: frozenset[str]  # 'appointed', 'nommé': verbs whose subject gives the title, when active
    active_conferring_verbs: frozenset[str]  # 'appoints', 'naming': forms that are never passive, no auxiliary needed


@dataclass(frozen=True)
class NameHeads:
    """Head nouns that belong to a name, as token tuples, per label (FAC, ORG): written after the name
    (English) or before it (French); and `bodies`, the nouns that name a kind of organisation ('council',
    'commission', 'fonds'): the head of 'High Council of State', the word two names of one body share."""

    after: dict[str, tuple[tuple[str, ...], ...]]
    before: dict[str, tuple[tuple[str, ...], ...]]
    bodies: frozenset[str] = frozenset()
    organs: frozenset[str] = frozenset()  # 'board of directors': a body's organ, never a name on its own
    outlets: frozenset[str] = frozenset()  # 'newspaper', 'agence': the capitalised name beside one is an outlet
    org_name_words: frozenset[str] = frozenset()  # 'airlines', 'école': found only in organisations' names
    other_kinds: frozenset[str] = frozenset()  # 'agreement', 'tempête': heads of treaties, events, documents
    generic_bodies: frozenset[str] = frozenset()  # 'government', 'parliament': alone, a common noun capitalised
    name_joiners: frozenset[str] = frozenset()  # 'to', 'on': 'UN Office to the African Union' is one name
    place_joiners: frozenset[str] = frozenset()  # 'at': 'UN Office at Nairobi', with a place and no article only
    posted_bodies: frozenset[str] = frozenset()  # 'mission', 'ambassade': a body named with where it is posted
    posting_joiners: frozenset[str] = frozenset()  # 'in', 'en', 'au': 'Mission in Mali', 'Ambassade de France au Niger'
    complement_compounds: frozenset[str] = frozenset()  # "droits de l'homme": one noun in a body's complement
    name_breakers: frozenset[str] = frozenset()  # 'dans', 'during': no organisation's name goes on through one
    leading_adjectives: frozenset[str] = frozenset()  # 'haut', 'grand': before a French head, capitalised with it
    lower_case_heads: frozenset[str] = frozenset()  # 'ministère': written in lower case, named by its portfolio
    range_openers: frozenset[str] = frozenset()  # 'from', 'between': 'from X to Y' names two
    indefinite_articles: frozenset[str] = frozenset()  # 'a', 'une': 'forming a government of national unity'
    portfolio_bodies: frozenset[str] = frozenset()  # 'ministry': a nationality before one says whose it is
    weather_events: frozenset[str] = frozenset()  # 'storm', 'cyclone': the name right after one is the event's
    adverb_openers: frozenset[str] = frozenset()  # 'en': 'en compagnie de X', 'mise en place de': no body's head
    named_units: frozenset[str] = frozenset()  # 'brigade': 'la brigade Tariq Ben Ziyad' is a unit named after a person
    unit_articles: frozenset[str] = frozenset()  # 'la', 'du': the articles before such a unit noun (not 'général de brigade')
    named_facilities: frozenset[str] = frozenset()  # 'avenue', 'hôpital': 'avenue Habib Bourguiba' is a place, no person
    named_parties: frozenset[str] = frozenset()  # 'parti': 'le parti salafiste Nour' names the party, no person


@dataclass(frozen=True)
class Lexicon:
    """Everything a component knows about one language; `data` is what the files held, for saving."""

    lang: str
    offices: frozenset[str]
    ranks: frozenset[str]
    modifiers: frozenset[str]
    qualifiers: dict[str, str]
    trailing_qualifiers: dict[str, str]
    unwritten_qualifiers: frozenset[str]
    unwritten_modifiers: frozenset[str]
    unit_nouns: frozenset[str]
    plural_offices: dict[str, str]
    complements: frozenset[str]
    portfolio_offices: frozenset[str]
    clause_roles: dict[str, str]
    appointment_verbs: frozenset[str]
    honorifics: frozenset[str]
    represented_offices: frozenset[str]
    noun_modifiers: frozenset[str]
    heads: NameHeads
    words: Words
    data: dict = field(repr=False, compare=False)
    title_pronouns: frozenset[str] = frozenset()  # 'celui', 'celle': 'celui du Conseil, X' repeats the title before
    verb_qualifiers: frozenset[str] = frozenset()  # 'ousted': a verb after 'that' ('the revolt that ousted dictator X')
    verb_offices: frozenset[str] = frozenset()  # 'juge': a verb before 'que' ('X juge que ...')
    ministry_offices: dict[str, str] = field(default_factory=dict)  # 'ministère' -> 'ministre': the office of its holder
    assignment_verbs: frozenset[str] = frozenset()  # 'confié': 'le ministère de X est confié à Y' gives Y the office
    assignment_prepositions: frozenset[str] = frozenset()  # 'à', before the holder's name
    taking_verbs: frozenset[str] = frozenset()  # 'X se voit confier le portefeuille de Y': X takes the office
    before_taking: frozenset[str] = frozenset()  # 'se', 'voit', 'qui', 'le', 'du' around that verb
    portfolio_verbs: frozenset[str] = frozenset()  # 'nommé': 'X a été nommé à la Défense' -> 'ministre de la Défense'
    portfolio_prepositions: dict[str, str] = field(default_factory=dict)  # 'au' -> 'du'
    field_offices: frozenset[str] = frozenset()  # 'analyst': 'a Libya analyst', the place is the field, kept in the title
    portfolio_articles: dict[str, str] = field(default_factory=dict)  # 'les' -> 'des': 'Les Finances reviennent à X'
    cabinet_words: frozenset[str] = frozenset()  # 'ministres : X aux Finances, Y à la Santé' lists a cabinet
    cabinet_portfolios: frozenset[str] = frozenset()  # 'finances': the words that open a portfolio so listed
    post_nouns: frozenset[str] = frozenset()  # 'poste': 'le poste de ministre X a été confié à Y'
    post_verbs: frozenset[str] = frozenset()  # 'occupée': 'la fonction d'émissaire est occupée par Y'
    holding_verbs: frozenset[str] = frozenset()  # 'occupe': 'Y occupe le poste d'émissaire', Y before the verb
    kb_titles: dict[str, str] = field(default_factory=dict)  # 'maréchal' -> 'field marshal': the KB's (English) title
    office_synonyms: dict[str, str] = field(default_factory=dict)  # 'chef de la diplomatie' -> the office it names
    describing_ordinals: frozenset[str] = frozenset()  # 'first': "Libya's first female foreign minister" describes her
    personal_possessives: frozenset[str] = frozenset()  # 'his': 'X, the head of the council, and [his] deputy'
    seat_prepositions: frozenset[str] = frozenset()  # 'in': 'Minister of Health [in the east], X' says where, not what
    body_names: frozenset[str] = frozenset()  # '{body} of {country}': the name of a country's body an unwritten modifier names
    given_name_offices: frozenset[str] = frozenset()  # 'king': 'King Hamad' writes a given name, never a surname
    respectively_words: frozenset[str] = frozenset()  # 'respectivement': 'A et B, respectivement T1 et T2' pairs them
    feminine_clause_roles: dict[str, str] = field(default_factory=dict)  # 'président' -> 'présidente'
    feminine_determiners: frozenset[str] = frozenset()  # 'présidée par [la] ministre X': she is 'présidente'
    charge_offices: frozenset[str] = frozenset()  # 'chargé': 'X, chargé des Affaires étrangères' holds an office
    bare_body_offices: dict[str, str] = field(default_factory=dict)  # 'président du conseil' -> 'président'
    holder_after_cues: frozenset[str] = frozenset()  # 'avec à sa tête': a clause cue whose holder is named after it

    def title_words(self) -> frozenset[str]:
        """Every word that can be part of a title or an honorific ('field', 'marshal', 'foreign', 'mr.')."""
        phrases = (self.offices | self.ranks | self.modifiers | set(self.qualifiers) | set(self.trailing_qualifiers)
                   | self.honorifics)
        return frozenset(w for p in phrases for w in p.split()) - self.complements - self.words.not_title_words

    def phrases(self) -> dict[str, frozenset[str]]:
        """Category name -> lower-cased phrases, for building a phrase matcher."""
        return {
            "OFFICE": self.offices,
            "PLURAL": frozenset(self.plural_offices),
            "RANK": self.ranks,
            "MOD": self.modifiers,
            "QUAL": frozenset(self.qualifiers),
            "COMP": self.complements,
            "CLAUSE": frozenset(self.clause_roles),
            "APPOINT": self.appointment_verbs,
            "HONOR": self.honorifics,
        }


@dataclass(frozen=True)
class NameRules:
    """How names are compared whatever the article's language (see models/lang/names.yaml)."""

    leading_articles: tuple[str, ...]
    arabic_articles: frozenset[str]
    acronym_skip_words: frozenset[str]
    glued_articles: frozenset[str]
    filial_particles: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_name_rules() -> NameRules:
    """The packaged name-comparison rules (read once: name keys must not vary within a process)."""
    path = default_lang_path() / NAMES_FILE
    data = _read_yaml(path)
    lists = {key: data.get(key) for key in ("leading_articles", "arabic_articles", "acronym_skip_words", "glued_articles",
                                            "filial_particles")}
    for key, values in lists.items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise KnowledgeBaseError(str(path), key, "must be a list of non-empty strings")
    return NameRules(leading_articles=tuple(v.lower() for v in lists["leading_articles"]),
                     arabic_articles=frozenset(v.lower() for v in lists["arabic_articles"]),
                     acronym_skip_words=frozenset(v.lower() for v in lists["acronym_skip_words"]),
                     glued_articles=frozenset(v.lower() for v in lists["glued_articles"]),
                     filial_particles=frozenset(v.lower() for v in lists["filial_particles"]))


def default_lang_path() -> Path:
    """The packaged language data: models/lang (inside an installed wheel, nerlibya/_models/lang)."""
    return default_kb_path() / LANG_FOLDER


def available_languages(folder: str | Path | None = None) -> tuple[str, ...]:
    """Codes of the languages that have a data folder."""
    root = Path(folder) if folder else default_lang_path()
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and (p / WORDS_FILE).is_file()))


def _read_yaml(path: Path) -> dict:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnowledgeBaseError(str(path), None, "file missing") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(str(path), None, "not valid YAML: " + " ".join(str(exc).split())) from None
    if not isinstance(data, dict):
        raise KnowledgeBaseError(str(path), None, "top level must map list names to word lists")
    return data


def read_language_data(lang: str, folder: str | Path | None = None) -> dict[str, dict]:
    """The raw contents of one language's files, by file name. Raises KnowledgeBaseError, naming the
    path, when the folder or a file is missing or unreadable: never falls back to the packaged data."""
    lang_dir = (Path(folder) if folder else default_lang_path()) / lang
    if not lang_dir.is_dir():
        raise KnowledgeBaseError(str(lang_dir), None, f"no language data for '{lang}' (folder missing)")
    return {name: _read_yaml(lang_dir / name) for name in FILES}


@lru_cache(maxsize=8)
def load_words(lang: str, folder: str | Path | None = None) -> Words:
    """Only the words file of one language (language detection needs no more)."""
    path = (Path(folder) if folder else default_lang_path()) / lang / WORDS_FILE
    return _words(_read_yaml(path), str(path))


@lru_cache(maxsize=8)
def load_lexicon(lang: str = "en", folder: str | Path | None = None) -> Lexicon:
    """The lexicon of one language, read from `folder/<lang>/` (default: the packaged models/lang)."""
    lang_dir = (Path(folder) if folder else default_lang_path()) / lang
    return lexicon_from_data(lang, read_language_data(lang, folder), str(lang_dir))


def lexicon_from_data(lang: str, data: dict[str, dict], source: str = "<memory>") -> Lexicon:
    """A Lexicon from the raw file contents (as read from disk, or as saved with a pipeline)."""
    titles = data[TITLES_FILE]
    path = f"{source}/{TITLES_FILE}"
    return Lexicon(
        lang=lang,
        **_title_lists(titles, path),
        heads=_name_heads(data[NAME_HEADS_FILE], f"{source}/{NAME_HEADS_FILE}"),
        words=_words(data[WORDS_FILE], f"{source}/{WORDS_FILE}"),
        data=data,
    )


def _title_lists(titles: dict, path: str) -> dict:
    """Every word list (`frozenset[str]`) and map (`dict[str, str]`) of the Lexicon, read from titles.yaml under
    its own field name (a key left out is empty), so that a new list is one field and one YAML key; the offices
    also gain their prefixed forms (`office_prefixes`)."""
    readers = {"frozenset[str]": (_lower_set, list), "dict[str, str]": (_lower_map, dict)}
    values = {}
    for spec in fields(Lexicon):
        if spec.type in readers:
            read, empty = readers[spec.type]
            values[spec.name] = read(titles.get(spec.name, empty()), path, spec.name)
    prefixes = _lower_set(titles.get("office_prefixes", []), path, "office_prefixes")
    values["offices"] = _with_prefixed_offices(values["offices"], prefixes)
    return values


def _with_prefixed_offices(offices: frozenset[str], prefixes: frozenset[str]) -> frozenset[str]:
    """The offices, and each one-word office behind a prefix that the tokenizer keeps joined to it ('vice-'
    + 'gouverneur'): the prefixed word is an office of its own."""
    return offices | {prefix + office for prefix in prefixes for office in offices if " " not in office}


def _name_heads(section: dict, path: str) -> NameHeads:
    sides: dict[str, dict[str, tuple]] = {"after": {}, "before": {}}
    lists_of_words = {key: _lower_set(section.get(key, []), path, key) for key in WORD_LIST_KEYS}
    for label, lists in section.items():
        if label in WORD_LIST_KEYS:
            continue
        if label not in HEAD_LABELS or not isinstance(lists, dict):
            raise KnowledgeBaseError(path, label, "expected FAC or ORG with 'after'/'before' lists, or " + ", ".join(WORD_LIST_KEYS))
        for side in sides:
            words = _lower_set(lists.get(side, []), path, f"{label}.{side}")
            sides[side][label] = tuple(sorted((tuple(w.split()) for w in words), key=len, reverse=True))
    return NameHeads(**sides, **lists_of_words)


def _words(section: dict, path: str) -> Words:
    values = {}
    for spec in fields(Words):
        if spec.name not in section:
            raise KnowledgeBaseError(path, spec.name, "list missing (an empty list is allowed)")
        raw = section[spec.name]
        if spec.type == "bool":
            if not isinstance(raw, bool):
                raise KnowledgeBaseError(path, spec.name, "must be true or false")
            values[spec.name] = raw
        else:
            words = _lower_set(raw, path, spec.name)
            values[spec.name] = tuple(sorted(words)) if spec.type.startswith("tuple") else words
    unknown = set(section) - set(values)
    if unknown:
        raise KnowledgeBaseError(path, None, f"unknown list(s): {', '.join(sorted(unknown))}")
    return Words(**values)


def _lower_set(values, path: str, key: str) -> frozenset[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise KnowledgeBaseError(path, key, "must be a list of strings")
    return frozenset(v.lower() for v in values)


def _lower_map(values, path: str, key: str) -> dict[str, str]:
    if not isinstance(values, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in values.items()):
        raise KnowledgeBaseError(path, key, "must be a mapping of strings")
    return {k.lower(): v for k, v in values.items()}
