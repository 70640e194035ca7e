"""The layering of DESIGN.md, checked: nothing below ui/ imports Qt, the domain imports no SQL."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "basc_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(*layers: str) -> list[Path]:
    return sorted(p for layer in layers for p in (PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", ["domain", "store", "services", "reports"])
def test_no_qt_below_the_user_interface(layer: str) -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name
            for name in _imports(path)
            if name.split(".")[0] in {"PySide6", "shiboken6"} or name.startswith("basc_desktop.ui")
        )
        for path in _modules(layer)
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert (PACKAGE / layer).is_dir()
    assert offenders == {}


def test_domain_is_pure() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name
            for name in _imports(path)
            if name.split(".")[0] in {"sqlalchemy", "alembic", "PySide6"}
            or name.startswith(("basc_desktop.store", "basc_desktop.services"))
        )
        for path in _modules("domain")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_layers_are_importable_without_qt_loaded() -> None:
    """Importing every module below ui/ must not load Qt as a side effect."""
    import subprocess
    import sys

    modules = [
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in _modules("domain", "store", "services", "reports")
        if p.name != "__init__.py" and "migrations" not in p.parts
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(k for k in sys.modules if k.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
