"""`nerlibya evaluate`: score extraction against gold annotations (the scoring itself is nerlibya.evaluate)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from ..errors import NerlibyaError
from .exits import EXIT_SOME_FAILED, EXIT_USAGE, fail, one_line
from .help import FLAG


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"


def evaluate(
    gold: List[Path] = typer.Argument(..., metavar="GOLD", help="Gold JSONL file(s) (see tests/gold/GUIDELINES.md)."),
    split: str = typer.Option("all", "--split", metavar="SPLIT",
                              help="A split named in the gold files (dev, heldout, ...) or all."),
    output_format: ScoreFormat = typer.Option(ScoreFormat.table, "--format", "-f", metavar="FORMAT",
                                              help="table or json."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", metavar=FLAG,
                                  help="Also score bare spaCy on the same documents."),
    rules_only: bool = typer.Option(False, "--rules-only", metavar=FLAG, help="Score the rules-only pipeline."),
    kb: Optional[Path] = typer.Option(None, "--kb", metavar="FOLDER", help="Knowledge-base folder."),
    min_f1: Optional[float] = typer.Option(None, "--min-f1", min=0.0, max=1.0, metavar="F1",
                                           help="Exit 1 if any nerlibya F1 (people, organisations, places, roles) is below."),
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per entity type and for roles."""
    import json

    from ..evaluate import CATEGORIES, evaluate as run_evaluation

    items = _gold_items(gold, split)
    try:
        results = run_evaluation(items, _scored_systems(rules_only, kb, baseline))
    except NerlibyaError as exc:
        raise fail(one_line(str(exc)), exc.exit_code)
    as_dict = {name: {lang: {s: score.to_dict() for s, score in splits.items()} for lang, splits in langs.items()}
               for name, langs in results.items()}
    if output_format is ScoreFormat.json:
        typer.echo(json.dumps(as_dict, ensure_ascii=False, indent=2))
    else:
        from ..sinks.table import render_scores

        render_scores(as_dict, split, CATEGORIES, Console())
    if min_f1 is not None:
        low = [f"{lang} {c}" for lang, splits in as_dict["nerlibya"].items() for c in CATEGORIES
               if splits["all"][c]["f1"] < min_f1]
        if low:
            raise fail(f"F1 below {min_f1} for: {', '.join(low)}", EXIT_SOME_FAILED)


def _gold_items(paths: List[Path], split: str) -> list:
    """The gold documents to score; no document at all, or a split no document has, is a usage error (an empty
    evaluation would pass any --min-f1)."""
    from ..evaluate import read_gold

    try:
        items = [item for path in paths for item in read_gold(path)]
    except OSError as exc:
        raise fail(f"{exc.filename or ', '.join(map(str, paths))}: cannot read the gold file: {exc.strerror or exc}",
                   EXIT_USAGE)
    except ValueError as exc:
        raise fail(one_line(str(exc)), EXIT_USAGE)
    if not items:
        raise fail("no gold documents in " + ", ".join(map(str, paths)), EXIT_USAGE)
    if split == "all":
        return items
    chosen = [item for item in items if item.get("split", "dev") == split]
    if not chosen:
        known = sorted({str(item.get("split", "dev")) for item in items})
        raise fail(one_line(f"unknown --split {split!r}: the gold has {', '.join(known)} (or use all)"), EXIT_USAGE)
    return chosen


def _scored_systems(rules_only: bool, kb: Optional[Path], baseline: bool) -> dict:
    """nerlibya (with KB names for matching), and bare spaCy as the baseline: each a f(text, lang) -> record."""
    from ..api import Extractor
    from ..evaluate import with_kb_names

    extractor = Extractor(lang="auto", rules_only=rules_only, kb_path=str(kb) if kb else None)
    systems = {"nerlibya": lambda text, lang: with_kb_names(extractor.extract(text).to_dict(), extractor.kb)}
    if baseline:
        import spacy

        from ..evaluate import baseline_record
        from ..pipeline import find_model, pipeline_config

        bare: dict = {}

        def bare_spacy(text: str, lang: str) -> dict:
            if lang not in bare:
                bare[lang] = spacy.load(find_model(lang, None, pipeline_config(None))[0])
            return baseline_record(bare[lang](text))

        systems["spacy"] = bare_spacy
    return systems
