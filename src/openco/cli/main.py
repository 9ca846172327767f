"""Entry point of the ``openco`` command."""

from __future__ import annotations

from pathlib import Path

import click

from openco import __version__
from openco.cli.demo import run_demo

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="openco")
def cli() -> None:
    """openco: early open cooperation with families, as typed data."""


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Directory to write the story's files into (created if missing).",
)
def demo(out: Path | None) -> None:
    """Tell the Vaaralampi story: from a day-care teacher's concern to a plan and its follow-up."""
    click.echo(run_demo(out))


def main() -> None:
    """Run the ``openco`` command."""
    cli()
