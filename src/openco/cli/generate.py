"""``openco generate``: a synthetic population as JSON Lines, one ``bundle`` per line.

The population comes from :func:`openco.synthetic.generate_population`, area by area, so
memory stays flat however many families are asked for. Each area is written as one line with
its services (:meth:`~openco.synthetic.AreaPopulation.area_bundle`) followed by one line per
family (:meth:`~openco.synthetic.AreaPopulation.family_bundles`). Every line is a
self-contained ``bundle`` document, so ``openco check`` reads the file as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click

from openco.cli.import_csv import write_atomically
from openco.cli.report import counted
from openco.io import dumps
from openco.synthetic import generate_population

__all__ = ["generate", "population_lines"]


def population_lines(*, families: int, seed: int) -> Iterator[str]:
    """The lines ``openco generate`` writes, without their newlines, lazily.

    >>> lines = list(population_lines(families=2, seed=1))
    >>> len(lines)  # the area's services, then one line per family
    3
    >>> '"kind": "bundle"' in lines[0]
    True
    """
    for area in generate_population(families=families, seed=seed, validate=False):
        yield dumps(area.area_bundle())
        yield from (dumps(bundle) for bundle in area.family_bundles())


@click.command(short_help="Write a synthetic population as JSON Lines.")
@click.option(
    "--families",
    required=True,
    type=click.IntRange(min=0),
    help="How many families in all (2,000 to an area, 30 areas to a municipality).",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="The same seed gives the same file, byte for byte.",
)
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="The JSON Lines file to write (replaced if it exists), or - for stdout.",
)
def generate(families: int, seed: int, out: Path) -> None:
    """Write a seeded synthetic population of families as JSON Lines.

    Every line is one bundle document. Each area starts with a line holding its areas,
    units, professionals and area meetings; then comes one line per family with the family,
    its network map, concerns, meetings and plans, and the professionals, units and areas
    they refer to. Names are invented and ids are counters: no real person is in it.

    The file is written to a temporary file and renamed into place at the end, so a failed
    run leaves nothing half-written. The summary goes to stderr.
    """
    lines = population_lines(families=families, seed=seed)
    if str(out) == "-":
        stdout = sys.stdout
        for line in lines:
            stdout.write(line)
            stdout.write("\n")
        stdout.flush()
        where = "stdout"
    else:
        write_atomically(out, lines)
        where = str(out)
    click.echo(
        f"Wrote {counted(families, 'family', 'families')} (seed {seed}) to {where}.", err=True
    )
