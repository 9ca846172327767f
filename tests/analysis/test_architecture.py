"""The analysis and synthetic layers keep to their rules, checked in their source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import openco.analysis
import openco.synthetic

ANALYSIS = Path(openco.analysis.__file__).parent
SYNTHETIC = Path(openco.synthetic.__file__).parent
SOURCES = sorted([*ANALYSIS.glob("*.py"), *SYNTHETIC.glob("*.py")])


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    plain = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return plain | {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}


@pytest.mark.parametrize("path", sorted(ANALYSIS.glob("*.py")), ids=lambda p: p.name)
def test_only_the_private_graph_module_imports_networkx(path: Path) -> None:
    uses_networkx = any(m.split(".")[0] == "networkx" for m in imported(path))

    assert uses_networkx == (path.name == "_graph.py")


# Synthetic data is an outer layer, like openco.testing: only ``cases`` may use the workflow,
# because a generated case must pass the workflow's own rules (it is built with ``advance``).
# The rest of the population keeps to the model and the errors.
WORKFLOW_USER = "cases.py"


@pytest.mark.parametrize("path", sorted(SYNTHETIC.glob("*.py")), ids=lambda p: p.name)
def test_the_synthetic_population_imports_only_the_model_and_errors(path: Path) -> None:
    openco_imports = {m for m in imported(path) if m.startswith("openco")}
    allowed: tuple[str, ...] = ("openco.model", "openco.errors", "openco.synthetic")
    if path.name == WORKFLOW_USER:
        allowed += ("openco.process",)

    assert all(m.startswith(allowed) for m in openco_imports)


@pytest.mark.parametrize("path", sorted(SYNTHETIC.glob("*.py")), ids=lambda p: p.name)
def test_only_the_cases_module_reaches_the_workflow(path: Path) -> None:
    uses_workflow = any(m.startswith("openco.process") for m in imported(path))

    assert uses_workflow == (path.name == WORKFLOW_USER)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_clock_and_no_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8")

    for forbidden in (
        "date.today(",
        "datetime.now(",
        ".utcnow(",
        "open(",
        "write_text(",
        "time.time(",
    ):
        assert forbidden not in text, forbidden


@pytest.mark.parametrize("package", [openco.analysis, openco.synthetic], ids=lambda p: p.__name__)
def test_the_public_names_are_sorted_and_complete(package: object) -> None:
    names = package.__all__  # type: ignore[attr-defined]
    public = {
        n for n, v in vars(package).items()
        if not n.startswith("_") and not isinstance(v, type(openco))
    }  # fmt: skip

    # isort order, as ruff keeps it: CONSTANTS, then Classes, then functions
    assert sorted(names, key=lambda n: (not n.isupper(), not n[0].isupper(), n)) == list(names)
    assert set(names) == public
