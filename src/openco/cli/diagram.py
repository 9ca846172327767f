"""``openco diagram``: print the workflow as a Mermaid or Graphviz diagram, or a Markdown table."""

from __future__ import annotations

from typing import Final

import click

from openco.analysis import workflow_svg
from openco.process import DEFAULT_WORKFLOW, render_dot, render_mermaid, render_table

__all__ = ["FORMATS", "diagram", "render"]

FORMATS: Final = ("mermaid", "dot", "markdown", "svg")
"""The formats ``openco diagram`` prints."""


def render(diagram_format: str, language: str | None = None) -> str:
    """The default workflow in *diagram_format*, labelled in *language*.

    Mermaid and DOT label the stages in *language* (English if ``None``); the Markdown table
    uses the stable step and stage names unless a *language* asks for labels.

    >>> render("markdown").splitlines()[2]
    '| noticed | assess | assessed | P10 |'
    >>> render("dot", "fi").splitlines()[5]
    '    noticed [label="huoli havaittu"];'
    """
    if diagram_format == "mermaid":
        return render_mermaid(DEFAULT_WORKFLOW, language=language or "en")
    if diagram_format == "dot":
        return render_dot(DEFAULT_WORKFLOW, language=language or "en")
    if diagram_format == "svg":
        return workflow_svg(DEFAULT_WORKFLOW, language=language or "en")
    return render_table(DEFAULT_WORKFLOW, language=language)


@click.command(short_help="Print the workflow as Mermaid, DOT or a Markdown table.")
@click.option(
    "--format",
    "diagram_format",
    type=click.Choice(FORMATS),
    default="mermaid",
    show_default=True,
    help="mermaid: a stateDiagram-v2; dot: Graphviz (pipe to 'dot -Tsvg'); markdown: a table; "
    "svg: a picture (needs openco[plot]).",
)
@click.option(
    "--lang",
    "language",
    type=click.Choice(("en", "fi", "sv")),
    default=None,
    help="Label the stages (and the table's steps) in this language [default: en; the "
    "table uses the stable names].",
)
def diagram(diagram_format: str, language: str | None) -> None:
    """Print the concern-to-plan workflow of openco.process: its stages, steps and rules."""
    click.echo(render(diagram_format, language))
