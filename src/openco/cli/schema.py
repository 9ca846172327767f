"""``openco schema``: print (or write) the JSON Schema of one kind of openco document."""

from __future__ import annotations

from pathlib import Path

import click

from openco.cli.output import output_file
from openco.io.document_schema import schema_kinds, schema_text

__all__ = ["schema"]


@click.command(
    short_help="Print the JSON Schema of a kind of openco document.",
    help="Print the JSON Schema (draft 2020-12) of KIND documents: one of "
    f"{', '.join(schema_kinds())}.\n\nThe schema is the one shipped in the package as "
    "openco/io/schemas/KIND.schema.json.",
)
@click.argument("kind", type=click.Choice(schema_kinds()), metavar="KIND")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
    default=Path("-"),
    show_default="-, standard output",
    help="Write the schema to this file, all at once, instead of printing it.",
)
@click.option("--force", is_flag=True, help="Replace --out if it exists and is not empty.")
def schema(kind: str, out: Path, force: bool) -> None:
    """Print the JSON Schema of KIND documents, or write it to --out."""
    with output_file(out, force=force) as handle:
        handle.write(schema_text(kind))
