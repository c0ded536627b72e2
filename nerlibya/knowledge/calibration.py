"""The confidence calibration table (models/confidence.yaml), read once per pipeline kind."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..core.confidence import Calibration, Shrinkage
from .datafiles import default_kb_path, parse_yaml

CALIBRATION_FILE = "confidence.yaml"
PIPELINE_KINDS = ("default", "rules-only")


@lru_cache(maxsize=None)
def load_calibration(kind: str = "default", folder: str | None = None) -> Calibration:
    """The table fitted for `kind` (default: a statistical model; rules-only); a folder without the file, or
    a kind it lacks, gives an empty table (every record then gets its group's neutral 0.5). `shrinkage`, per
    kind and group, is [min_count, smoothing]; a group without one uses the file's top-level pair."""
    path = Path(folder) if folder else default_kb_path()
    try:
        data = parse_yaml((path / CALIBRATION_FILE).read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        data = {}
    counts = {key: (int(seen), int(right)) for key, (seen, right) in (data.get(kind) or {}).items()}
    default = Shrinkage(int(data.get("min_count", 8)), float(data.get("smoothing", 2.0)))
    groups = ((data.get("shrinkage") or {}).get(kind) or {}).items()
    shrinkage = {group: Shrinkage(int(count), float(smoothing)) for group, (count, smoothing) in groups}
    return Calibration(counts, default=default, shrinkage=shrinkage)
