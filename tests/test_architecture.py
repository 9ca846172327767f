"""The layer rules, checked by reading the source with ``ast``.

Reading the source rather than ``sys.modules`` after an import: ``import openco.model`` runs
``openco/__init__.py`` too, so a module could lean on something another module imported.
"""

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import openco
import openco.model
import openco.testing

SRC = Path(openco.__file__).parent
MODEL = Path(openco.model.__file__).parent
TESTING = Path(openco.testing.__file__).parent

OUTER_LAYERS = (
    "openco.process",
    "openco.analysis",
    "openco.io",
    "openco.cli",
    "openco.testing",
    "openco.synthetic",
    "networkx",
    "hypothesis",
    "cattrs",
)
# Calls that read the clock. Time comes into openco as an argument.
CLOCK_READS = {"today", "now", "utcnow"}
CLOCKS = {"date", "datetime", "dt.date", "dt.datetime", "datetime.date", "datetime.datetime"}
TIME_READS = {"time", "time_ns", "localtime"}


def python_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.py"))


def relative(path: Path) -> str:
    return str(path.relative_to(SRC.parent))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    plain = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return plain | {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}


def dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return ""


def clock_reads(path: Path) -> Iterator[str]:
    """Each ``date.today``, ``datetime.now`` … in *path*, as ``line: name``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Attribute):
            continue
        owner = dotted(node.value)
        if (node.attr in CLOCK_READS and owner in CLOCKS) or (
            node.attr in TIME_READS and owner == "time"
        ):
            yield f"{node.lineno}: {owner}.{node.attr}"


@pytest.mark.parametrize("path", python_files(MODEL), ids=relative)
def test_the_model_imports_nothing_from_outer_layers(path: Path) -> None:
    assert not {m for m in imported_modules(path) if m.startswith(OUTER_LAYERS)}


@pytest.mark.parametrize("path", python_files(MODEL), ids=relative)
def test_the_model_imports_nothing_of_openco_but_the_model_and_the_errors(path: Path) -> None:
    ours = {m for m in imported_modules(path) if m == "openco" or m.startswith("openco.")}

    assert ours <= {"openco.errors"} | {m for m in ours if m.startswith("openco.model")}


# The one exception: the store logs when each read happened, and its caller passes this clock
# in by name (openco.store.open(..., clock=system_clock)); nothing reads it behind their back.
STORE_CLOCK = SRC / "store" / "clock.py"


@pytest.mark.parametrize("path", [p for p in python_files(SRC) if p != STORE_CLOCK], ids=relative)
def test_no_source_file_reads_the_clock(path: Path) -> None:
    assert list(clock_reads(path)) == []


@pytest.mark.parametrize("path", python_files(SRC), ids=relative)
def test_nothing_below_the_store_imports_it(path: Path) -> None:
    if path.is_relative_to(SRC / "store") or path.is_relative_to(SRC / "cli"):
        return

    assert not {m for m in imported_modules(path) if m.startswith("openco.store")}


def test_the_clock_check_finds_clock_reads(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import datetime as dt, time\n"
        "day = dt.date.today()\n"
        "now = datetime.now\n"
        "then = time.time()\n"
        "fine = person.today\n"
    )

    assert sorted(clock_reads(sample)) == ["2: dt.date.today", "3: datetime.now", "4: time.time"]


# `openco conformance` makes its suite with openco.testing's strategies; it imports them when
# it runs (never at import), and says which extra to install when Hypothesis is missing.
TESTING_USERS = {SRC / "cli" / "conformance.py"}


@pytest.mark.parametrize(
    "path", [p for p in python_files(SRC) if TESTING not in p.parents], ids=relative
)
def test_only_openco_testing_imports_hypothesis(path: Path) -> None:
    imported = imported_modules(path)

    assert not {m for m in imported if m == "hypothesis" or m.startswith("hypothesis.")}
    if path not in TESTING_USERS:
        assert not {m for m in imported if m.startswith("openco.testing")}


def test_openco_imports_without_hypothesis() -> None:
    """``openco[testing]`` is an extra: the rest of openco must work without Hypothesis."""
    code = (
        "import sys, openco, openco.errors, openco.model, openco.io, openco.cli.main; "
        "print('hypothesis' in sys.modules)"
    )

    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "False"
