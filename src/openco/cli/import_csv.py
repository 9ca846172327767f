"""``openco import-csv``: network maps from analysts' spreadsheets, as openco documents.

The reading is :func:`openco.io.read_network_maps`; this command adds the files. The output is
written with :func:`openco.cli.output.write_lines`: staged beside *--out* and renamed into
place only when every row was sound and every map written, so a failed import never leaves a
half-written file behind.
"""

from __future__ import annotations

from pathlib import Path

import click

from openco.cli.check import opened
from openco.cli.exit_codes import ExitCode
from openco.cli.output import write_lines
from openco.cli.progress import STDIN_NAME, is_dash
from openco.cli.report import counted
from openco.errors import InvalidDocumentError
from openco.io import dumps, read_network_maps
from openco.model import NetworkMap

__all__ = ["import_csv"]


def _summary(maps: list[NetworkMap], out: Path) -> str:
    families = counted(len({m.family for m in maps}), "family", "families")
    members = counted(sum(len(m.members) for m in maps), "member")
    return f"Wrote {counted(len(maps), 'network map')} of {families} ({members}) to {out}."


@click.command("import-csv", short_help="Turn a CSV of network members into network map documents.")
@click.argument(
    "csv_file",
    metavar="CSV",
    type=click.Path(exists=True, dir_okay=False, readable=True, allow_dash=True, path_type=Path),
)
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="The JSON Lines file to write, one network_map document per line, or - for stdout.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace --out if it exists and is not empty.",
)
@click.option(
    "--delimiter",
    type=click.Choice([",", ";", "tab"]),
    default=None,
    help="The cell separator. By default, whichever of , ; or a tab the header row uses.",
)
@click.option(
    "--encoding",
    default=None,
    metavar="NAME",
    help="The file's encoding (utf-8, utf-16, cp1252, latin-1, ...). By default it is found "
    "out: UTF-8 with or without a byte-order mark, UTF-16, Windows-1252 (Excel's plain CSV "
    "on Windows) or Latin-1.",
)
def import_csv(
    csv_file: Path, out: Path, delimiter: str | None, force: bool, encoding: str | None
) -> None:
    """Turn a spreadsheet of network members (CSV, one row per member) into network maps.

    CSV may be - for stdin, and --out - writes the documents to stdout.

    The rows of one family on one date make one map. Sectors, rings, tie qualities, support
    directions and types may be written as their stable values or their Finnish, Swedish or
    English names. Empty columns at the end of the header and blank rows are ignored. Every
    problem is reported by file, row and column, with what to do; if there is any, nothing is
    written and the exit code is 1.
    """
    separator = "\t" if delimiter == "tab" else delimiter
    source = STDIN_NAME if is_dash(csv_file) else str(csv_file)
    with opened(csv_file) as handle:
        data = handle.read()
    try:
        maps = read_network_maps(data, delimiter=separator, encoding=encoding, source=source)
    except InvalidDocumentError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo(
            f"{counted(len(error.problems), 'problem')} in {source}; nothing written to {out}.",
            err=True,
        )
        raise click.exceptions.Exit(ExitCode.INVALID_INPUT) from None
    write_lines(out, (dumps(m) for m in maps), force=force)
    click.echo(_summary(maps, out), err=str(out) == "-")
