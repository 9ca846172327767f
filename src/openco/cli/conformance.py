"""``openco conformance``: write the conformance suite, example documents valid and invalid.

The suite is made by :mod:`openco.testing.conformance` from openco's Hypothesis strategies, so
this command needs the ``testing`` extra (``pip install 'openco[testing]'``). It is the one
command that imports :mod:`openco.testing`, and only when it runs, so that the rest of the
command line works without Hypothesis.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

import click

from openco import __version__
from openco.cli.output import output_directory
from openco.errors import MissingDependencyError
from openco.io import dumps
from openco.io.document_schema import schema_kinds, schema_text

__all__ = ["README", "conformance"]

README: Final = """\
# openco conformance suite

Example openco documents (JSON, `schema_version` {version}), made by openco {openco} with
`openco conformance --seed {seed}`, for checking another implementation of the format.

- `KIND/valid-NN.json`: a document that a reader of openco documents must accept.
- `KIND/invalid-NN.json`: a document that it must refuse. Each was made from a valid
  document by one change (never to the envelope's `kind`), and `openco check` refuses it.
- `manifest.json`: every file with its kind and `valid`; for an invalid file also the
  `change` that made it and the `problems` `openco check` reports, each with the JSON
  `path` of the value at fault (`data.members[0].birth_date`). A conforming reader refuses
  every invalid file; a good one reports the same paths. A case is judged by the units,
  professionals and families of `case/records.json` (a bundle) on the day `today`
  (2100-01-01): `openco check --records case/records.json --today 2100-01-01 case/*.json`.
- `schemas/KIND.schema.json`: the JSON Schema (draft 2020-12) of each kind. Every valid
  file passes its schema. An invalid file may pass it too when what is wrong is a rule
  between fields or objects that JSON Schema cannot state (listed on the documentation
  page "JSON Schemas"); only openco's loader, or a reader that implements those rules,
  refuses it.
"""


@click.command(short_help="Write example documents, valid and invalid, for other readers.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder to write (it must not exist, or be empty, unless --force).",
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="The same seed writes the same suite (with the same openco and Hypothesis).",
)
@click.option("--force", is_flag=True, help="Replace --out if it is a folder that is not empty.")
def conformance(out: Path, seed: int, force: bool) -> None:
    """Write the conformance suite: valid and invalid documents of every kind.

    Beside them: a manifest naming the problems openco check reports for each invalid one,
    the JSON Schemas, and a README.
    """
    try:
        # Imported here, not at the top: only this command needs Hypothesis.
        from openco.testing import conformance as suite  # noqa: PLC0415
    except ImportError as error:
        raise MissingDependencyError("the conformance suite", "hypothesis", "testing") from error
    cases = suite.conformance_cases(seed=seed)
    with output_directory(out, force=force) as folder:
        for case in cases:
            folder.write_text(*case.file.split("/"), text=case.text + "\n")
        records = dumps(suite.case_records(), indent=2)
        folder.write_text(*suite.CASE_RECORDS_FILE.split("/"), text=records + "\n")
        index = json.dumps(suite.manifest(cases, seed=seed), indent=2, ensure_ascii=False)
        folder.write_text("manifest.json", text=index + "\n")
        for kind in schema_kinds():
            folder.write_text("schemas", f"{kind}.schema.json", text=schema_text(kind))
        readme = README.format(version=suite.SCHEMA_VERSION, openco=__version__, seed=seed)
        folder.write_text("README.md", text=readme)
    invalid = sum(not case.valid for case in cases)
    click.echo(
        f"Wrote {len(cases) - invalid} valid and {invalid} invalid documents of "
        f"{len(schema_kinds())} kinds to {out}."
    )
