"""Where nerlibya's data files are, and how YAML is read: the leaf every data loader shares."""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

import yaml

from ..errors import KnowledgeBaseError
from ..regex_cache import cache_dir

PEOPLE_FILE = "people.yaml"

# libyaml's loader parses the knowledge base about ten times faster than the pure-Python one: start-up time
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# a text this long (the knowledge base's files, the calibration table, a language's titles and words) is parsed
# once per machine: its data is kept in nerlibya's cache folder (regex_cache.cache_dir), marshalled, under the
# hash of the text, which marshal reads back some fifty times faster than libyaml parses it
CACHED_YAML_CHARS = 10_000
CACHED_YAML_FILES = 32  # the most recent kept; older texts' files are removed when a new one is written


def default_kb_path() -> Path:
    """The packaged models/ folder: inside an installed wheel, or beside the source tree."""
    package_dir = Path(__file__).resolve().parent.parent  # nerlibya/, from nerlibya/knowledge/
    for candidate in (package_dir / "_models", package_dir.parent / "models"):
        if (candidate / PEOPLE_FILE).is_file():
            return candidate
    raise KnowledgeBaseError(str(package_dir / "_models"), None, "packaged knowledge base not found")


def parse_yaml(text: str):
    """yaml.safe_load, with the C loader when PyYAML was built with it; a long text's data is read back from
    the cache folder when an earlier process parsed the same text (see CACHED_YAML_CHARS)."""
    if len(text) < CACHED_YAML_CHARS:
        return yaml.load(text, Loader=_YAML_LOADER)
    path = cache_dir() / f"yaml-{_text_key(text)}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except Exception:  # missing, truncated or written by another Python: parsed below, as without a cache
        pass
    data = yaml.load(text, Loader=_YAML_LOADER)
    _store(path, data)
    return data


def _text_key(text: str) -> str:
    """What parsed data is valid for: the text, the loader, PyYAML's version and the Python (marshal's format)."""
    stamp = f"{_YAML_LOADER.__name__} {yaml.__version__} {marshal.version} {sys.version}\n"
    return hashlib.sha256((stamp + text).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _store(path: Path, data) -> None:
    """Keep `data` at `path` (written whole, then renamed), unless marshal cannot hold it (a date) or the
    folder cannot be written (the next process parses, as before)."""
    try:
        blob = marshal.dumps(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
            handle.write(blob)
        os.replace(handle.name, path)
        kept = sorted(path.parent.glob("yaml-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[CACHED_YAML_FILES:]:
            old.unlink()
    except Exception:
        return
