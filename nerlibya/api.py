"""The Python API: texts in, records out, with one lazily built pipeline per language.

`Extractor` is what the CLI and the batch workers use; `load` and `extract` are the short forms.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .knowledge.calibration import load_calibration
from .knowledge.kb import KnowledgeBase, load_kb
from .text.language import SUPPORTED, detect_language
from .pipeline import build_nlp
from .record import ArticleRecord, doc_to_record
from .settings import ExtractorSettings

BATCH_SIZE = 32


class Extractor:
    """Holds the pipelines built for one `ExtractorSettings`; `lang='auto'` picks English or French per
    document. `Extractor(settings)` or, for short, `Extractor(lang="en", rules_only=True)`."""

    def __init__(self, settings: ExtractorSettings | None = None, **fields):
        self.settings = settings if settings is not None else ExtractorSettings(**fields)
        self._pipelines: dict[str, Language] = {}

    def __repr__(self) -> str:
        return f"Extractor({self.settings!r})"

    @property
    def kb(self) -> KnowledgeBase:
        return load_kb(self.settings.kb_path or None)

    def nlp(self, lang: str) -> Language:
        if lang not in self._pipelines:
            settings = self.settings
            self._pipelines[lang] = build_nlp(lang, model=self.model_for(lang), rules_only=settings.rules_only,
                                              kb_path=settings.kb_path, lang_path=settings.lang_path)
        return self._pipelines[lang]

    def model_for(self, lang: str) -> str | None:
        """--model names the pipeline of the forced language, or of English under auto-detection."""
        forced = self.settings.lang
        return self.settings.model if lang == (forced if forced in SUPPORTED else "en") else None

    def check(self) -> None:
        """Fail early, before reading any input, on a broken knowledge base or a missing model."""
        from .knowledge.lexicon import load_lexicon
        from .pipeline import find_model, pipeline_config

        self.kb
        for lang in SUPPORTED if self.settings.lang == "auto" else (self.settings.lang,):
            load_lexicon(lang, self.settings.lang_path or None)
            if not self.settings.rules_only:
                find_model(lang, self.model_for(lang), pipeline_config())

    def language_of(self, text: str) -> str:
        return detect_language(text) if self.settings.lang == "auto" else self.settings.lang

    def record(self, doc: Doc, source: str = "-", warnings: list[dict] | None = None) -> ArticleRecord:
        calibration = load_calibration("rules-only" if self.settings.rules_only else "default")
        return doc_to_record(doc, source=source, kb=self.kb, warnings=warnings, calibration=calibration)

    def extract(self, text: str, source: str = "-", date: str | None = None) -> ArticleRecord:
        """One text to its record; `date` (the article's, ISO 8601) decides role status against KB offices."""
        return self._extract_in(self.language_of(text), text, source, date)

    def _extract_in(self, lang: str, text: str, source: str, date: str | None = None) -> ArticleRecord:
        """One document; if a component fails on it, the document again without that component."""
        nlp = self.nlp(lang)
        try:
            doc = nlp(dated(nlp, text, date))
        except Exception:
            doc, warnings = run_degraded(nlp, text, date)
            return self.record(doc, source, warnings)
        return self.record(doc, source)

    def extract_many(self, items: Iterable[tuple[str, str] | tuple[str, str, str | None]]) -> Iterator[ArticleRecord]:
        """(source, text) or (source, text, date) tuples to records, in order, batching through `nlp.pipe` per
        language run."""
        batch: list[tuple[str, str, str | None]] = []
        batch_lang = None
        for source, text, *date in items:
            lang = self.language_of(text)
            if batch and lang != batch_lang:
                yield from self._run(batch, batch_lang)
                batch = []
            batch_lang = lang
            batch.append((text, source, date[0] if date else None))
            if len(batch) >= BATCH_SIZE:
                yield from self._run(batch, batch_lang)
                batch = []
        if batch:
            yield from self._run(batch, batch_lang)

    def _run(self, batch: list[tuple[str, str, str | None]], lang: str) -> Iterator[ArticleRecord]:
        done = 0
        nlp = self.nlp(lang)
        try:
            docs = ((dated(nlp, text, date), source) for text, source, date in batch)
            for doc, source in nlp.pipe(docs, as_tuples=True, batch_size=BATCH_SIZE):
                yield self.record(doc, source)
                done += 1
        except Exception:  # a component failed on one document: the rest of the batch one by one
            for text, source, date in batch[done:]:
                yield self._extract_in(lang, text, source, date)


def dated(nlp: Language, text: str, date: str | None) -> str | Doc:
    """The text, or with a date, its Doc carrying `doc._.date` for the roles component (status at that date)."""
    if date is None:
        return text
    doc = nlp.make_doc(text)
    doc._.date = date
    return doc


def run_degraded(nlp: Language, text: str, date: str | None = None) -> tuple[Doc, list[dict]]:
    """Run the pipeline on `text` from the start, without every component that raises on it, one at a time;
    returns the Doc and one warning per component left out. Components leave their Doc extensions at
    their defaults when skipped, and the later ones read those as "nothing found". Tokenizing (e.g. a text
    over `nlp.max_length`) still raises."""
    skipped: dict[str, str] = {}
    while True:
        doc = nlp.make_doc(text)
        doc._.date = date
        for name, component in nlp.pipeline:
            if name in skipped:
                continue
            try:
                doc = component(doc)
            except Exception as exc:
                skipped[name] = type(exc).__name__
                break
        else:
            return doc, [{"component": name, "error": error} for name, error in skipped.items()]


def load(lang: str = "en", *, model: str | None = None, rules_only: bool = False,
         kb_path: str | Path | None = None, lang_path: str | Path | None = None) -> Language:
    """The configured nerlibya `Language` for one language."""
    return build_nlp(lang, model=model, rules_only=rules_only, kb_path=kb_path, lang_path=lang_path)


def extract(text_or_doc: str | Doc, *, source: str = "-", nlp: Language | None = None,
            kb_path: str | Path | None = None) -> ArticleRecord:
    """One text (or an already processed Doc) to its record; its confidences use the calibration of the
    statistical pipeline (`Extractor(rules_only=True)` uses the rules-only one)."""
    if isinstance(text_or_doc, str) and nlp is None:
        return Extractor(ExtractorSettings(kb_path=str(kb_path) if kb_path else None)).extract(text_or_doc, source)
    doc = text_or_doc if isinstance(text_or_doc, Doc) else nlp(text_or_doc)
    kb = pipeline_kb(nlp) if nlp is not None and not kb_path else None
    # a Doc does not say which pipeline made it: confidence uses the statistical pipeline's calibration
    return doc_to_record(doc, source=source, kb=kb or load_kb(kb_path or None), calibration=load_calibration())


def pipeline_kb(nlp: Language) -> KnowledgeBase | None:
    """The KB a nerlibya pipeline holds (a saved pipeline carries its own), if it has a resolver."""
    if "nerlibya_resolver" not in nlp.pipe_names:
        return None
    resolver = nlp.get_pipe("nerlibya_resolver")
    resolver.initialize()
    return resolver.kb
