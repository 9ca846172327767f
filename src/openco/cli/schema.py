"""``openco schema``: print (or write) the JSON Schema of one kind of openco document."""

from __future__ import annotations

from pathlib import Path

import click

from openco.cli.import_csv import write_atomically
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
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the schema to this file (replaced all at once) instead of printing it.",
)
def schema(kind: str, out: Path | None) -> None:
    """Print the JSON Schema of KIND documents, or write it to --out."""
    text = schema_text(kind)
    if out is None:
        click.echo(text, nl=False)
    else:
        write_atomically(out, text.splitlines())
