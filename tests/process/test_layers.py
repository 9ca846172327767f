"""The process layer imports only the model, the errors and its own dependencies."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import openco.process

PROCESS_DIR = Path(openco.process.__file__).parent
OUTER_LAYERS = (
    "openco.io",
    "openco.analysis",
    "openco.cli",
    "openco.store",
    "openco.testing",
    "hypothesis",
    "networkx",
)
SOURCES = sorted(PROCESS_DIR.rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    plain = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return plain | {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PROCESS_DIR)))
def test_process_imports_nothing_from_outer_layers(path: Path) -> None:
    assert not {m for m in imported_modules(path) if m.startswith(OUTER_LAYERS)}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PROCESS_DIR)))
def test_process_never_reads_the_clock(path: Path) -> None:
    source = path.read_text(encoding="utf-8")

    assert "today()" not in source
    assert ".now(" not in source


def test_dunder_all_is_complete() -> None:
    public = {n for n in vars(openco.process) if not n.startswith("_")}
    modules = {
        "case",
        "details",
        "disclosure",
        "duties",
        "flag",
        "participation",
        "records",
        "render",
        "rules",
        "schedule",
        "stages",
        "worklist",
        "statutory",
        "transitions",
        "workflow",
    }

    assert set(openco.process.__all__) == public - modules


@pytest.mark.parametrize("module", ["openco.process", "openco.io"])
def test_importing_the_workflow_or_the_reader_does_not_import_networkx(module: str) -> None:
    """Only the analysis needs networkx; an embedding system's workflow loads without it.

    Checked in a fresh interpreter, because this test session has imported networkx already.
    """
    code = f"import sys, {module}; print('networkx' in sys.modules)"

    result = subprocess.run(  # noqa: S603 - our own interpreter, a fixed program
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "False"
