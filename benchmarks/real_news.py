"""Real-news figures with 95% bootstrap intervals (issue 19, item 1), nerlibya beside bare spaCy.

    python benchmarks/real_news.py /work/realnews/en/*.jsonl /work/realnews/fr/*.jsonl [--split dev|heldout|all]
        [--rules-only] [--model NAME] [--errors] [--json] [--no-baseline]

Gold lines are those of tests/gold/GUIDELINES.md plus url/outlet/date/format. Each document is run in the
language its gold line names. Scores are document level (nerlibya.evaluate); intervals resample whole
documents (1000 draws, fixed seed). `--errors` lists false positives and negatives per document and refuses
to run unless every chosen document is a dev document: held-out articles are read only as aggregate figures.
Exit codes: 0 done, 2 usage (bad file, unknown split, --errors on held-out documents).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "gold"))

from real_split import split_for  # noqa: E402

from nerlibya.evaluate import (CATEGORIES, Score, bootstrap_intervals, document_errors,  # noqa: E402
                               read_gold, score_document, with_kb_names)

EXIT_USAGE = 2
DRAWS = 1000
SEED = 19
System = Callable[[str, str], dict]


class UsageError(Exception):
    """A one-line reason the run cannot go ahead."""


def chosen_documents(paths: Sequence[str], split: str) -> list[dict]:
    try:
        items = [item for path in paths for item in read_gold(path)]
    except (OSError, ValueError) as exc:
        raise UsageError(" ".join(str(exc).split())) from None
    chosen = items if split == "all" else [i for i in items if i.get("split", "dev") == split]
    if not chosen:
        raise UsageError(f"no gold documents with split {split!r} in {', '.join(paths)}")
    return chosen


def refuse_held_out(items: list[dict]) -> None:
    """Errors are studied on dev documents only: a line marked held-out, or whose outlet the frozen split
    holds out, stops the run before anything is extracted."""
    held = [i.get("id", "?") for i in items
            if i.get("split", "dev") != "dev" or ("outlet" in i and split_for(i["outlet"]) != "dev")]
    if held:
        raise UsageError(f"--errors reads dev documents only; {len(held)} chosen document(s) are held out "
                         "(use --split dev)")


def systems(rules_only: bool, model: str | None, baseline: bool) -> dict[str, System]:
    """nerlibya in the gold's language (`model` for the language it is a pipeline of), and bare spaCy."""
    from nerlibya.api import Extractor

    model_lang = model.split("_", 1)[0] if model else None
    extractors: dict[str, Extractor] = {}

    def nerlibya(text: str, lang: str) -> dict:
        if lang not in extractors:
            extractors[lang] = Extractor(lang=lang, rules_only=rules_only,
                                         model=model if lang == model_lang else None)
        extractor = extractors[lang]
        return with_kb_names(extractor.extract(text).to_dict(), extractor.kb)

    found = {"nerlibya": nerlibya}
    if baseline:
        found["spacy"] = _bare_spacy(model, model_lang)
    return found


def _bare_spacy(model: str | None, model_lang: str | None) -> System:
    import spacy

    from nerlibya.evaluate import baseline_record
    from nerlibya.pipeline import find_model, pipeline_config

    loaded: dict = {}

    def bare(text: str, lang: str) -> dict:
        if lang not in loaded:
            loaded[lang] = spacy.load(find_model(lang, model if lang == model_lang else None,
                                                 pipeline_config(None))[0])
        return baseline_record(loaded[lang](text))

    return bare


def scored(items: list[dict], runs: dict[str, System]) -> tuple[dict, dict]:
    """Per system, language and split: the list of per-document Scores; and nerlibya's records by id."""
    scores: dict[str, dict[tuple[str, str], list[Score]]] = {name: {} for name in runs}
    records: dict[str, dict] = {}
    for item in items:
        lang = item.get("lang", "en")
        for name, system in runs.items():
            predicted = system(item["text"], lang)
            if name == "nerlibya":
                records[item.get("id", "")] = predicted
            scores[name].setdefault((lang, item.get("split", "dev")), []).append(score_document(predicted, item))
    return scores, records


def degraded(records: dict[str, dict]) -> list[str]:
    """One line per component that failed on some documents (the record then carries `warnings` and was made
    without it): figures measured on a degraded pipeline must not pass for the pipeline's."""
    failures: dict[str, list[str]] = {}
    for record in records.values():
        for warning in record.get("warnings", []):
            failures.setdefault(warning.get("component", "?"), []).append(" ".join(str(warning.get("error", "")).split()))
    return [f"warning: {component} failed on {len(errors)} document(s), first: {errors[0][:160]}"
            for component, errors in sorted(failures.items())]


def figures(scores: dict) -> dict:
    """{system: {lang: {split: {documents, category: {tp, fp, fn, precision, recall, f1, interval}}}}}."""
    table: dict = {}
    for name, groups in scores.items():
        for (lang, split), documents in sorted(groups.items()):
            total = Score()
            for document in documents:
                total.add(document)
            intervals = bootstrap_intervals(documents, draws=DRAWS, seed=SEED)
            entry = total.to_dict()
            for category in CATEGORIES:
                entry[category]["interval"] = {f: i.to_dict() for f, i in intervals[category].items()}
            table.setdefault(name, {}).setdefault(lang, {})[split] = entry
    return table


def render(table: dict) -> str:
    """One line per system, language, split and category: each figure with its interval."""
    lines = [f"{'system':<9} {'lang':<4} {'split':<8} {'docs':>4}  {'category':<13} "
             f"{'precision [95%]':<22} {'recall [95%]':<22} {'F1 [95%]':<22} tp/fp/fn"]
    for name, langs in table.items():
        for lang, splits in langs.items():
            for split, entry in splits.items():
                for category in CATEGORIES:
                    c = entry[category]
                    cells = [f"{c[f]:.3f} [{c['interval'][f]['low']:.3f}-{c['interval'][f]['high']:.3f}]"
                             for f in ("precision", "recall", "f1")]
                    lines.append(f"{name:<9} {lang:<4} {split:<8} {entry['documents']:>4}  {category:<13} "
                                 + " ".join(f"{cell:<22}" for cell in cells) + f" {c['tp']}/{c['fp']}/{c['fn']}")
    return "\n".join(lines)


def render_errors(items: list[dict], records: dict) -> str:
    lines = []
    for item in items:
        errors = document_errors(records[item.get("id", "")], item)
        shown = [(c, kind, e) for c, kinds in errors.items() for kind, es in kinds.items() for e in es]
        if shown:
            lines.append(f"== {item.get('id')} ({item.get('outlet', '')}, {item.get('format', '')})")
            lines += [f"  {c:<13} {'FP' if kind == 'false_positives' else 'FN'}  {e}" for c, kind, e in shown]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--rules-only", action="store_true")
    parser.add_argument("--model", default=None, help="a spaCy pipeline name, e.g. fr_core_news_md")
    parser.add_argument("--errors", action="store_true", help="list false positives/negatives (dev only)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-baseline", action="store_true", help="skip bare spaCy")
    args = parser.parse_args(argv)
    try:
        items = chosen_documents(args.files, args.split)
        if args.errors:
            refuse_held_out(items)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    scores, records = scored(items, systems(args.rules_only, args.model, not args.no_baseline))
    for line in degraded(records):
        print(line, file=sys.stderr)
    table = figures(scores)
    print(json.dumps(table, indent=2) if args.json else render(table))
    if args.errors:
        print(render_errors(items, records))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
