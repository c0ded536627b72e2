"""The house stays readable (issue 20): no import cycle between nerlibya's modules, function-level imports
included; no Typer command module over 350 lines; no module over 500 lines unless its docstring names the one
concern it holds ("One concern: ...")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "nerlibya"
COMMAND_MODULES = ("app", "extract", "kb", "evaluate", "corpus")  # nerlibya/cli/: the modules that declare Typer commands
COMMAND_LIMIT, MODULE_LIMIT = 350, 500


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(name: str, path: Path) -> set[str]:
    """Every nerlibya module `name` imports, anywhere in the file; `from package import module` counts as the
    module, `from module import name` as the module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target)
    return {module for module in found if module in MODULES and module != name}


def test_the_import_graph_has_no_cycle():
    graph = {name: imported_modules(name, path) for name, path in MODULES.items()}
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            cycle = trail[trail.index(name):] + [name]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, trail + [name])
        done.add(name)

    for name in graph:
        visit(name, [])


def test_the_cycle_check_sees_function_level_and_relative_imports(tmp_path):
    source = tmp_path / "probe.py"
    source.write_text("def f():\n    from ..sinks import csv\n    from .run import ExtractRun\n", encoding="utf-8")
    assert imported_modules("nerlibya.cli.probe", source) == {"nerlibya.sinks.csv", "nerlibya.cli.run"}


@pytest.mark.parametrize("command", COMMAND_MODULES)
def test_typer_command_modules_are_short(command):
    lines = len((PACKAGE / "cli" / f"{command}.py").read_text(encoding="utf-8").splitlines())
    assert lines <= COMMAND_LIMIT, f"nerlibya/cli/{command}.py has {lines} lines"


def test_long_modules_name_their_one_concern():
    long = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in MODULES.items()}
    unexplained = [f"{name} ({lines} lines)" for name, lines in long.items() if lines > MODULE_LIMIT
                   and "One concern:" not in (ast.get_docstring(ast.parse(MODULES[name].read_text("utf-8"))) or "")]
    assert not unexplained, "over 500 lines without 'One concern:' in the docstring: " + ", ".join(unexplained)
