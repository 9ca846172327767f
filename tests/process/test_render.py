"""Pictures of the workflow, and the documentation that shows them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from openco.process import (
    DEFAULT_WORKFLOW,
    render_dot,
    render_mermaid,
    render_rules,
    render_table,
)

DOCS = Path(__file__).parents[2] / "docs" / "workflow.md"


def markdown_table_after(text: str, header: str) -> str:
    start = text.index(header)
    lines = []
    for line in text[start:].splitlines():
        if not line.startswith("|"):
            break
        lines.append(line)
    return "\n".join(lines)


class TestTable:
    def test_has_a_row_for_every_transition_loop_and_statutory_step(self) -> None:
        rows = render_table(DEFAULT_WORKFLOW).splitlines()[2:]
        wf = DEFAULT_WORKFLOW

        assert len(rows) == len(wf.transitions) + len(wf.loops) + len(wf.statutory)

    def test_leaves_out_switched_off_rules(self) -> None:
        relaxed = DEFAULT_WORKFLOW.configured(disabled=["P14"])

        assert "P14" in render_table(DEFAULT_WORKFLOW)
        assert "P14" not in render_table(relaxed)

    @pytest.mark.parametrize("language", ["fi", "sv", "en"])
    def test_can_use_the_labels_of_a_language(self, language: str) -> None:
        table = render_table(DEFAULT_WORKFLOW, language=language)

        assert DEFAULT_WORKFLOW.initial.label(language) in table


class TestDiagrams:
    def test_mermaid_draws_every_transition(self) -> None:
        mermaid = render_mermaid(DEFAULT_WORKFLOW)

        for row in DEFAULT_WORKFLOW.transitions:
            assert f"    {row.source.value} --> {row.target.value}: {row.step.value}" in mermaid
        assert mermaid.startswith("stateDiagram-v2\n")

    def test_dot_draws_every_transition_and_marks_final_stages(self) -> None:
        dot = render_dot(DEFAULT_WORKFLOW, language="fi")

        edges = re.findall(r"^    (\w+) -> (\w+) \[", dot, flags=re.MULTILINE)
        assert len(edges) == len(DEFAULT_WORKFLOW.transitions)
        assert 'closed [label="päätetty", peripheries=2];' in dot
        assert dot.count("{") == dot.count("}")


class TestTheDocumentation:
    def test_shows_the_table_the_code_renders(self) -> None:
        text = DOCS.read_text(encoding="utf-8")

        assert markdown_table_after(text, "| From | Step |") == render_table(DEFAULT_WORKFLOW)

    def test_shows_the_mermaid_diagram_the_code_renders(self) -> None:
        text = DOCS.read_text(encoding="utf-8")

        block = text.split("```mermaid\n", 1)[1].split("\n```", 1)[0]
        assert block == render_mermaid(DEFAULT_WORKFLOW)

    def test_shows_the_rule_catalogue_the_code_renders(self) -> None:
        text = DOCS.read_text(encoding="utf-8")

        assert markdown_table_after(text, "| Code | Rule |") == render_rules(DEFAULT_WORKFLOW)
