"""The workflow as a picture: every stage and step drawn, the same bytes every time."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from openco.analysis.diagram import workflow_png, workflow_svg
from openco.cli.main import cli
from openco.errors import MissingDependencyError
from openco.process import DEFAULT_WORKFLOW


def texts(svg: str) -> str:
    root = ET.fromstring(svg)  # noqa: S314 - our own picture
    return " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))


class TestWorkflowPicture:
    @pytest.mark.parametrize("language", ["en", "fi", "sv"])
    def test_every_stage_and_step_is_drawn_as_text(self, language: str) -> None:
        text = " ".join(texts(workflow_svg(language=language)).split())

        for stage in DEFAULT_WORKFLOW.stages:
            assert " ".join(stage.label(language).split()) in text
        steps = {row.step for row in DEFAULT_WORKFLOW.transitions}
        steps |= {e.step for e in DEFAULT_WORKFLOW.loops}
        steps |= {e.step for e in DEFAULT_WORKFLOW.statutory}
        for step in steps:
            assert step.label(language).split()[0] in text

    def test_the_same_workflow_gives_the_same_bytes(self) -> None:
        assert workflow_svg() == workflow_svg()
        assert workflow_png(dpi=30) == workflow_png(dpi=30)
        assert workflow_png(dpi=30).startswith(b"\x89PNG")

    def test_openco_diagram_prints_the_svg(self) -> None:
        result = CliRunner().invoke(cli, ["diagram", "--format", "svg", "--lang", "sv"])

        assert result.exit_code == 0
        assert result.stdout.startswith("<?xml")
        assert "Lagstadgat" in result.stdout or "lagstadgat" in result.stdout

    def test_without_matplotlib_the_error_names_the_extra(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "matplotlib.figure", None)

        with pytest.raises(MissingDependencyError) as caught:
            workflow_svg()

        assert caught.value.extra == "plot"
