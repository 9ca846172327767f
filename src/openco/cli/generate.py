"""``openco generate``: a synthetic population as JSON Lines, one ``bundle`` per line.

The population comes from :func:`openco.synthetic.generate_population`, area by area, so
memory stays flat however many families are asked for. Each area is written as one line with
its services (:meth:`~openco.synthetic.AreaPopulation.area_bundle`) followed by one line per
family (:meth:`~openco.synthetic.AreaPopulation.family_bundles`). Every line is a
self-contained ``bundle`` document, so ``openco check`` reads the file as it is.

With ``--cases FILE`` the workers' concerns are also taken on through the workflow
(:func:`openco.synthetic.generate_cases`, as they stand on the population's reference date)
and written to *FILE*, one ``case`` document per line, in the same single pass.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import click

from openco.cli.output import output_file
from openco.cli.progress import PROGRESS_OPTION
from openco.cli.progress import progress as progress_display
from openco.cli.report import counted
from openco.io import dumps
from openco.synthetic import DEFAULT_CONFIG, generate_cases, generate_population

__all__ = ["generate", "population_lines"]


def population_lines(*, families: int, seed: int, cases: TextIO | None = None) -> Iterator[str]:
    """The lines ``openco generate`` writes, without their newlines, lazily.

    If *cases* is given, each area's cases (:func:`~openco.synthetic.generate_cases` on the
    population's reference date) are written to it as ``case`` documents, one per line, as
    the area is reached.

    >>> lines = list(population_lines(families=2, seed=1))
    >>> len(lines)  # the area's services, then one line per family
    3
    >>> '"kind": "bundle"' in lines[0]
    True
    """
    on = DEFAULT_CONFIG.reference_date
    for area in generate_population(families=families, seed=seed, validate=False):
        yield dumps(area.area_bundle())
        yield from (dumps(bundle) for bundle in area.family_bundles())
        if cases is not None:
            for case in generate_cases(area, seed=seed, on=on):
                cases.write(dumps(case))
                cases.write("\n")


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
    help="The JSON Lines file to write, or - for stdout.",
)
@click.option(
    "--cases",
    "cases_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the workers' concerns as workflow cases at various stages, one case "
    "document per line, to this JSON Lines file.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace the files if they exist and are not empty.",
)
@PROGRESS_OPTION
def generate(
    *,
    families: int,
    seed: int,
    out: Path,
    cases_out: Path | None,
    force: bool,
    progress: bool | None,
) -> None:
    """Write a seeded synthetic population of families as JSON Lines.

    Every line is one bundle document. Each area starts with a line holding its areas,
    units, professionals and area meetings; then comes one line per family with the family,
    its network map, concerns, meetings and plans, and the professionals, units and areas
    they refer to. Names are invented and ids are counters: no real person is in it.

    With --cases FILE, each worker's concern is also opened as a workflow case and taken a
    seeded number of steps (assess, prepare, raise, a network meeting, a plan, a follow-up
    ...), as it stands on the population's reference date; FILE gets one case document per
    line.

    The files are written to hidden files beside them and renamed into place at the end, so
    a failed run leaves nothing half-written. An existing file that is not empty is refused
    unless --force. The summary goes to stderr.
    """
    cases_file = (
        contextlib.nullcontext(None) if cases_out is None else output_file(cases_out, force=force)
    )
    # One line per family, and one more per area for its services.
    lines = families + -(-families // DEFAULT_CONFIG.families_per_area)
    with (
        cases_file as cases,
        output_file(out, force=force) as written,
        progress_display(lines, show=progress, label="Generating", unit="lines") as bar,
    ):
        for line in population_lines(families=families, seed=seed, cases=cases):
            written.write(line)
            written.write("\n")
            bar.update(1)
    where = "stdout" if str(out) == "-" else str(out)
    click.echo(
        f"Wrote {counted(families, 'family', 'families')} (seed {seed}) to {where}.", err=True
    )
