"""House rule 1: ``ui → app → models``, checked as an import contract (import-linter, the
``[tool.importlinter]`` table of pyproject.toml; docs/architecture.md draws the same map), plus
what a contract cannot say: the core never loads Qt at run time, and no two modules import each
other (directly or through others)."""

from __future__ import annotations

import ast
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]

# Module cycles that exist in files other helpers own this session; each is to be broken by its
# owner (see the lead's notes). A NEW cycle anywhere fails test_no_import_cycles_between_modules.
KNOWN_CYCLES = {
    frozenset({"app.city.init", "app.city.roles"}),  # city
    frozenset({"app.city.sync", "app.compliance"}),  # city (both imports hidden inside functions)
    frozenset({"app.exchange.importer", "app.exchange.run", "app.exchange.sections"}),  # speed / fixes
    # chain / fixes: app.db restores the log triggers through app.security.chain at open, chain
    # names writers with app.db.current_user, app.audit seals the chain (imports inside functions)
    frozenset({"app.audit", "app.db", "app.security.chain"}),
}


def _modules(package: str) -> list[str]:
    path = ROOT / package
    return [f"{package}.{m.name}" for m in pkgutil.walk_packages([str(path)]) if "migrations" not in m.name]


def test_the_import_contract_holds() -> None:
    """``lint-imports``: layers, the core without Qt or ui, the windows only through app.services
    (never app.db, app.city, app.package, app.backup), no cycles among the policy layer's,
    the commands' and the windows' modules."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint is not None, "import-linter is part of the test extra (pyproject.toml)"
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_core_imports_no_qt() -> None:
    modules = ["main", "models", *_modules("models"), "app", *_modules("app")]
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
            "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"Qt or ui imported by the core: {result.stdout}"
    assert len(modules) > 15


def _cycles(*packages: str) -> set[frozenset[str]]:
    graph = grimp.build_graph(*(packages or ("app", "models", "ui")), include_external_packages=False,
                              exclude_type_checking_imports=True, cache_dir=None)
    edges = {m: {i for i in graph.find_modules_directly_imported_by(m) if i in graph.modules} for m in graph.modules}

    def reaches(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in edges[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    reach = {m: reaches(m) for m in edges}
    groups: set[frozenset[str]] = set()
    for m in edges:
        if m in reach[m]:
            groups.add(frozenset({m} | {o for o in reach[m] if m in reach[o]}))
    return groups


def test_no_import_cycles_between_modules() -> None:
    """Imports hidden inside functions count too: they hide a cycle, they do not remove it."""
    cycles = _cycles()
    new = sorted(sorted(c) for c in cycles - KNOWN_CYCLES)
    assert new == [], f"import cycles: {new}"


def test_the_cycle_check_finds_a_cycle(tmp_path, monkeypatch) -> None:
    pkg = tmp_path / "cyc"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from cyc import b\n")
    (pkg / "b.py").write_text("import cyc.a\n")
    (pkg / "c.py").write_text("import cyc.b\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _cycles("cyc") == {frozenset({"cyc.a", "cyc.b"})}


@pytest.mark.parametrize("path", sorted((ROOT / "ui").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_window_reaches_past_the_services(path: Path) -> None:
    """The windows never take the database handle off the services (``.database``/``.db``), open
    a session or build a query: all of it is app.services' work."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = [f"{path.name}:{n.lineno} .{n.attr}" for n in ast.walk(tree)
           if isinstance(n, ast.Attribute) and n.attr in ("db", "database", "session", "_ctx")]
    bad += [f"{path.name}:{n.lineno} import {n.module or ''}" for n in ast.walk(tree)
            if isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] in ("sqlalchemy", "models")]
    bad += [f"{path.name}:{n.lineno} import {a.name}" for n in ast.walk(tree) if isinstance(n, ast.Import)
            for a in n.names if a.name.split(".")[0] in ("sqlalchemy", "models")]
    assert bad == []
