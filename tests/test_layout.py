"""The package layout holds: every module of extractors, schemas and streams imports alone, and no module imports
itself in a circle at import time.

Each module is imported in a fresh interpreter of its own (a module that only works once another has been
imported first fails there), in parallel. The cycle check reads the modules' own import statements (absolute and
relative, at module level: imports inside functions and under `if TYPE_CHECKING:` do not run at import time).
"""

from __future__ import annotations

import ast
import concurrent.futures
import importlib
import os
import pkgutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("extractors", "schemas", "streams")


def project_modules(packages: Iterable[str] = PACKAGES) -> list[str]:
    """Every module and package below `packages` (entry points, `__main__`, run on import and are left out)."""
    names: list[str] = []
    for name in packages:
        package = importlib.import_module(name)
        names.append(name)
        names += [m.name for m in pkgutil.walk_packages(package.__path__, name + ".")]
    return [n for n in names if n.rsplit(".", 1)[-1] != "__main__"]


def _import_alone(module: str) -> tuple[str, str | None]:
    done = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    return module, None if done.returncode == 0 else done.stderr.strip().splitlines()[-1:]


def test_every_module_imports_alone() -> None:
    modules = project_modules()
    assert len(modules) > 50, modules  # the packages were found
    workers = max(4, 2 * (os.cpu_count() or 1))  # interpreters mostly wait on the disk at start
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        failed = {module: error for module, error in pool.map(_import_alone, modules) if error is not None}
    assert not failed, f"modules that fail to import alone: {failed}"


# ---------------------------------------------------------------------------------------------- import cycles
def module_files(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    """Module name -> file, for every .py file below the packages' folders under `root`."""
    out: dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _top_level_imports(body: list[ast.stmt]) -> Iterable[ast.Import | ast.ImportFrom]:
    """Import statements that run when the module is imported: at module level, in its `if`/`try`/`with` blocks
    and class bodies, not in functions nor under `if TYPE_CHECKING:`."""
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from _top_level_imports(node.orelse)
        elif isinstance(node, (ast.If, ast.Try, ast.With, ast.ClassDef)):
            for block in ("body", "orelse", "finalbody"):
                yield from _top_level_imports(getattr(node, block, []))
            for handler in getattr(node, "handlers", []):
                yield from _top_level_imports(handler.body)


def import_graph(files: Mapping[str, Path]) -> dict[str, set[str]]:
    """Module -> the project modules it imports at import time. `from package import name` counts as an import of
    the submodule `package.name` when there is one, else of `package`."""
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets: set[str] = set()
        for node in _top_level_imports(ast.parse(path.read_text(encoding="utf-8")).body):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
                continue
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            for alias in node.names:
                targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in files else base)
        graph[module] = {t for t in targets if t in files and t != module}
    return graph


def find_cycle(graph: Mapping[str, Iterable[str]]) -> list[str] | None:
    """A cycle of the graph as the modules along it, first one repeated at the end; None when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)) is not None:
            return found
    return None


def test_no_import_cycles() -> None:
    graph = import_graph(module_files(ROOT, PACKAGES))
    assert len(graph) > 50 and any(graph.values())
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_check_finds_a_planted_cycle(tmp_path: Path) -> None:
    package = tmp_path / "planted"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from planted.sub import b\n\n\ndef f():\n    from planted import c\n")
    (package / "sub" / "b.py").write_text("from ..c import VALUE\n")  # relative, two levels up
    (package / "c.py").write_text(
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from planted import a\nVALUE = 1\n")
    files = module_files(tmp_path, ["planted"])
    graph = import_graph(files)
    assert graph["planted.a"] == {"planted.sub.b"}  # the import inside f() does not run at import time
    assert graph["planted.sub.b"] == {"planted.c"}
    assert find_cycle(graph) is None  # c imports a only for type checking
    (package / "c.py").write_text("import planted.a\nVALUE = 1\n")
    cycle = find_cycle(import_graph(files))
    assert cycle == ["planted.a", "planted.sub.b", "planted.c", "planted.a"]


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
    ({"a": {"b", "c"}, "b": {"c"}, "c": set()}, None),  # a diamond is no cycle
    ({"a": {"a"}}, ["a", "a"]),
    ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
])
def test_find_cycle(graph: dict[str, set[str]], expected: list[str] | None) -> None:
    assert find_cycle(graph) == expected


def test_a_module_that_fails_to_import_is_reported() -> None:
    module, error = _import_alone("extractors.no_such_module")
    assert module == "extractors.no_such_module" and error and "ModuleNotFoundError" in error[0]
