"""Where nerlibya's data files are, and how YAML is read: the leaf every data loader shares."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import KnowledgeBaseError

PEOPLE_FILE = "people.yaml"

# libyaml's loader parses the knowledge base about ten times faster than the pure-Python one: start-up time
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def default_kb_path() -> Path:
    """The packaged models/ folder: inside an installed wheel, or beside the source tree."""
    package_dir = Path(__file__).resolve().parent.parent  # nerlibya/, from nerlibya/knowledge/
    for candidate in (package_dir / "_models", package_dir.parent / "models"):
        if (candidate / PEOPLE_FILE).is_file():
            return candidate
    raise KnowledgeBaseError(str(package_dir / "_models"), None, "packaged knowledge base not found")


def parse_yaml(text: str):
    """yaml.safe_load, with the C loader when PyYAML was built with it."""
    return yaml.load(text, Loader=_YAML_LOADER)
