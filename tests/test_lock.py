"""The lock file installs anywhere: pinned by version and hash, naming no machine-local index or path.

README's commands run `pip install --require-hashes -r requirements.lock` with whatever pip a fresh venv
bundles (23.2.1 on Python 3.11). That pip rejects a requirement whose extras are stripped from the lock
while a dependency asks for them ("smart-open[http]>=5.2.1"), so extras stay in the pinned lines.
"""

import re
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"
REQUIREMENT = re.compile(r"^([A-Za-z0-9._-]+)(\[[A-Za-z0-9,._-]+\])?==[^\s;]+ \\$")


def _requirement_blocks() -> list[list[str]]:
    blocks: list[list[str]] = []
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace():
            blocks[-1].append(line.strip())
        else:
            blocks.append([line])
    return blocks


def test_lock_names_no_index_and_no_local_path():
    text = "\n".join(line for line in LOCK.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("#"))
    for marker in ("--index-url", "--extra-index-url", "--find-links", "file:", "/opt/", "-f "):
        assert marker not in text, marker


def test_every_requirement_is_pinned_with_hashes():
    blocks = _requirement_blocks()
    assert len(blocks) > 50
    for first, *rest in blocks:
        assert REQUIREMENT.match(first), first
        assert any(line.startswith("--hash=sha256:") for line in rest), first


def test_extras_that_dependencies_ask_for_are_kept():
    names = {REQUIREMENT.match(first).group(0).split("==")[0] for first, *_ in _requirement_blocks()}
    assert "smart-open[http]" in names
