"""README's promises: its two opening commands exist and CI runs the same test command."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_the_readme_test_command():
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    test_command = ci_lines[-1].strip()
    assert "pytest" in test_command
    assert test_command in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "nerlibya extract samples/" in first_block and "pytest" in first_block


def test_how_it_works_maps_every_package():
    """The map a newcomer reads names every package of nerlibya/, one line each."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it works", 1)[1]
    tree = section.split("```text", 1)[1].split("```", 1)[0]
    packages = sorted(p.parent.name for p in (ROOT / "nerlibya").glob("*/__init__.py"))
    assert packages and all(f"  {name}/" in tree for name in packages), packages
