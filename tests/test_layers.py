"""The layers point one way: pages → components → queries → fondueboard (the data side never imports
the UI), and pages hold no SQL. Read from every module's imports, function-level ones included."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What each layer may import of the project's own packages.
ALLOWED = {
    "fondueboard": {"fondueboard"},
    "queries": {"queries", "fondueboard"},
    "components": {"components", "queries", "fondueboard"},
    "pages": {"components", "queries", "fondueboard"},
}
OWN = set(ALLOWED)


def imported(path: Path) -> set[str]:
    """The top-level names of every module `path` imports (relative imports: its own package)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(path.relative_to(ROOT).parts[0] if node.level else (node.module or "").split(".")[0])
    return names


def modules(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_those_below_it(layer):
    found = modules(layer)
    assert found
    wrong = {str(p.relative_to(ROOT)): sorted(imported(p) & OWN - ALLOWED[layer]) for p in found}
    assert {k: v for k, v in wrong.items() if v} == {}


def test_pages_hold_no_sql():
    assert {str(p.relative_to(ROOT)) for p in modules("pages") if "sqlalchemy" in imported(p)} == set()


def test_the_check_sees_an_import_inside_a_function(tmp_path):
    probe = tmp_path / "probe.py"  # as the data side once had: the UI imported where it was used
    probe.write_text("import sqlalchemy\n\ndef f():\n    from components.database import query\n", "utf-8")
    assert imported(probe) == {"sqlalchemy", "components"}
