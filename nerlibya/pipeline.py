"""Build the nerlibya spaCy pipeline from models/pipeline.cfg.

Only what extraction needs is loaded from the statistical model (by default its `ner`, which in the
small English and French pipelines carries its own embedding layer), so nerlibya runs faster than the
full model would. Importing this module registers every nerlibya factory.
"""

from __future__ import annotations

import importlib
import re
import sys
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from thinc.api import Config

from .components import acronyms, entity_cleanup, kb_ruler, org_evidence, resolver, roles, titles  # noqa: F401  (registers factories)
from .components.base import KnowledgePipe
from .errors import KnowledgeBaseError, ModelNotFoundError
from .knowledge.kb import default_kb_path
from .knowledge.lexicon import load_lexicon
from .regex_cache import preload, store

PIPELINE_FILE = "pipeline.cfg"
# Without the statistical model, memory grows slowly with length, so a rules-only pipeline takes what
# --max-bytes lets through; the model keeps spaCy's limit (1,000,000 characters: about 3 GB of memory).
RULES_ONLY_MAX_LENGTH = 10_000_000
MODEL_SLOT = "ner"
DOTTED_ACRONYM_HYPHEN = r"(?<=[A-Z]\.)-(?=[a-z])"
# wire copy's credits glued to their neighbours: '2017(Lana)', '=Lana=', 'Zitouny /REUTERS'
CREDIT_INFIX = r"(?<=[0-9])\((?=[A-Z])"
CREDIT_PREFIX = r"^[=/](?=[A-Z])"
CREDIT_SUFFIX = r"(?<=[A-Za-z])=$"
TRAILING_HYPHEN = r"(?<=[^\W\d_]{2})-$"  # a hyphen glued after a word, ending the token
KB_COMPONENTS = ("nerlibya_kb_ruler", "nerlibya_entity_cleanup", "nerlibya_titles", "nerlibya_org_evidence",
                 "nerlibya_resolver", "nerlibya_roles")
LEXICON_COMPONENTS = KB_COMPONENTS


@lru_cache(maxsize=4)
def pipeline_config(path: str | None = None) -> Config:
    """The pipeline definition: `path` (a .cfg file), else the packaged models/pipeline.cfg. It is not
    part of a knowledge base: `--kb` changes what the components know, not which components run."""
    path = Path(path) if path else default_kb_path() / PIPELINE_FILE
    if not path.is_file():
        raise KnowledgeBaseError(str(path), None, "pipeline definition missing")
    try:
        return Config().from_disk(path, interpolate=False)
    except Exception as exc:  # thinc raises several kinds for a malformed file
        raise KnowledgeBaseError(str(path), None, "invalid pipeline definition: " + " ".join(str(exc).split())) from None


def _model_config(name: str) -> Config | None:
    """The config.cfg of an installed pipeline package or directory, without loading its weights."""
    path = Path(name)
    if not path.exists():
        try:
            module = importlib.import_module(name)
        except ImportError:
            return None
        path = Path(module.__file__).parent
    candidates = [path / "config.cfg", *sorted(path.glob("*/config.cfg"))]
    for candidate in candidates:
        if candidate.is_file():
            return Config().from_disk(candidate, interpolate=False)
    return None


def _components_to_exclude(config: Config, keep: list[str]) -> list[str]:
    """Every component except `keep` and the embedding layers they listen to."""
    components = config["components"]
    needed = set(keep)
    for name in keep:
        model = components.get(name, {}).get("model", {})
        tok2vec = model.get("tok2vec", {}) if isinstance(model, dict) else {}
        if "Listener" in str(tok2vec.get("@architectures", "")):
            upstream = tok2vec.get("upstream", "*")
            needed |= {n for n in config["nlp"]["pipeline"] if upstream in ("*", n) and "tok2vec" in n}
    return [n for n in config["nlp"]["pipeline"] if n not in needed]


def find_model(lang: str, model: str | None, settings: Config) -> tuple[str, Config]:
    """The first installed pipeline among `model` or the configured candidates, with its config."""
    names = [model] if model else list(settings["models"].get(lang, []))
    for name in names:
        config = _model_config(name)
        if config is None:
            continue
        if config["nlp"]["lang"] != lang:
            raise ModelNotFoundError([f"{name} (a '{config['nlp']['lang']}' pipeline, not '{lang}')"])
        return name, config
    raise ModelNotFoundError(names)


def load_statistical(lang: str, model: str | None, settings: Config) -> Language:
    name, config = find_model(lang, model, settings)
    exclude = _components_to_exclude(config, list(settings["pipeline"]["from_model"]))
    return spacy.load(name, exclude=exclude)


def extend_tokenizer(nlp: Language, attribute: str, *extra: str) -> None:
    """Add patterns to one of the tokenizer's infix_finditer / prefix_search / suffix_search regexes (once:
    a pipeline built twice over one tokenizer keeps one copy)."""
    current = getattr(nlp.tokenizer, attribute)
    pattern = current.__self__.pattern if current is not None else ""
    added = [p for p in extra if p not in pattern]
    if added:
        method = "finditer" if attribute == "infix_finditer" else "search"
        setattr(nlp.tokenizer, attribute, getattr(re.compile("|".join(p for p in (pattern, *added) if p)), method))


@contextmanager
def special_cases_loaded_once(tokenizer):
    """Setting a tokenizer's prefix, suffix or infix regex re-adds every special case against it (1,400 in
    English, 0.1-0.15 s each time): adjusted while it holds none, the tokenizer loads them once, at the end,
    against the final regexes, in the same (sorted) order a reload uses, with the special cases added meanwhile."""
    rules = tokenizer.rules
    tokenizer.rules = {}
    try:
        yield
    finally:
        tokenizer.rules = {**rules, **tokenizer.rules}


def split_glued_tokens(nlp: Language) -> None:
    """'U.N.-backed' is 'U.N.' + '-' + 'backed', as 'UN-backed' already is: the acronym is a mention; so are
    the credits wire copy glues to a date or a mark ('2017(Lana)', '=Lana=', '/REUTERS'); 'Rabat- The army ...'
    (a dateline written with its dash glued) is 'Rabat' + '-': the city is a name."""
    extend_tokenizer(nlp, "infix_finditer", DOTTED_ACRONYM_HYPHEN, CREDIT_INFIX)
    extend_tokenizer(nlp, "prefix_search", CREDIT_PREFIX)
    extend_tokenizer(nlp, "suffix_search", CREDIT_SUFFIX, TRAILING_HYPHEN)


def split_glued_honorifics(nlp: Language, honorifics: frozenset[str]) -> None:
    """'M.Jibril', 'Dr.Salem' (no space after the courtesy title) are 'M.' + 'Jibril': the name is a person's."""
    dotted = sorted(h[:-1] for h in honorifics if h.endswith(".") and h[:-1].isalpha())
    if dotted:
        glued = "(?:" + "|".join(f"(?<=^{re.escape(h.title())}\\.)" for h in dotted) + ")(?=[A-Z][a-z])"
        extend_tokenizer(nlp, "infix_finditer", glued)


def keep_abbreviations(nlp: Language, abbreviations: tuple[str, ...]) -> None:
    """Make the tokenizer keep each abbreviation ('Lt.', 'Brig.') as one token, as written and capitalised:
    split, its dot would end a sentence and leave 'Brig' to be read as a name."""
    for abbreviation in abbreviations:
        for form in {abbreviation, abbreviation.title()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def build_nlp(lang: str = "en", *, model: str | None = None, rules_only: bool = False,
              kb_path: str | Path | None = None, lang_path: str | Path | None = None,
              config_path: str | Path | None = None) -> Language:
    """A ready pipeline: the statistical model's `ner` (unless `rules_only`) between nerlibya's
    knowledge-base ruler and its cleanup, title, acronym, resolver and role components.

    `kb_path` (people, organisations, places) and `lang_path` (the folder holding `<lang>/` language
    data) default to the packaged models/; a folder that is given is read, or refused with a
    KnowledgeBaseError. The knowledge is read here, so a broken folder fails before any text is read."""
    settings = pipeline_config(str(config_path) if config_path else None)
    if f"spacy.lang.{lang}" not in sys.modules:  # spaCy compiles the language's token_match on import
        preload(f"token_match-{lang}")
    nlp = spacy.blank(lang) if rules_only else load_statistical(lang, model, settings)
    compiled = getattr(nlp.tokenizer.token_match, "__self__", None)
    if isinstance(compiled, re.Pattern):
        store(f"token_match-{lang}", compiled)
    if rules_only:
        nlp.max_length = RULES_ONLY_MAX_LENGTH
    lexicon = load_lexicon(lang, str(lang_path) if lang_path else None)
    with special_cases_loaded_once(nlp.tokenizer):
        split_glued_tokens(nlp)
        keep_abbreviations(nlp, lexicon.words.abbreviations)
        split_glued_honorifics(nlp, lexicon.honorifics)
    order = list(settings["pipeline"]["order"])
    slot = order.index(MODEL_SLOT)
    first_model_component = nlp.pipe_names[0] if nlp.pipe_names else None
    for index, factory in enumerate(order):
        if factory == MODEL_SLOT:
            continue
        component_config = dict(settings["components"].get(factory, {}))
        if factory in KB_COMPONENTS:
            component_config["kb_path"] = str(kb_path or "")
        if factory in LEXICON_COMPONENTS:
            component_config["lang_path"] = str(lang_path or "")
        placement = {"before": first_model_component} if first_model_component and index < slot else {}
        pipe = nlp.add_pipe(factory, config=component_config, **placement)
        if isinstance(pipe, KnowledgePipe):
            pipe.initialize(nlp=nlp)
    return nlp
