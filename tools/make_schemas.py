"""Rewrite the JSON Schemas shipped in openco, and the list of rules beside them in the docs.

Run it after any change to the model or to openco.io that changes a document::

    python tools/make_schemas.py

It writes ``src/openco/io/schemas/<kind>.schema.json`` for every document kind (removing files
of kinds that no longer exist), and the cross-field rules between the markers in
``docs/schema.md``. ``tests/io/test_schema.py`` fails until the stored copies match what
:mod:`openco.io.document_schema` generates, so a model change that changes a schema is always seen
in review. ``--check`` only reports whether anything would change (exit 1 if so).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from openco.io import document_kinds
from openco.io.document_schema import SCHEMA_DIRECTORY, render_rules, schema_kinds, schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "src" / "openco" / "io" / SCHEMA_DIRECTORY
DOCS_PAGE = ROOT / "docs" / "schema.md"
RULES = "<!-- cross-field rules: start -->", "<!-- cross-field rules: end -->"
FILES = "<!-- schema files: start -->", "<!-- schema files: end -->"


def between(page: str, markers: tuple[str, str], text: str) -> str:
    """*page* with *text* between the two *markers*."""
    start, end = markers
    before, rest = page.split(start, 1)
    _, after = rest.split(end, 1)
    return f"{before}{start}\n\n{text}\n{end}{after}"


def file_table() -> str:
    """The docs' table of schema files, one row per kind."""
    rows = ["| kind | class | schema |", "| --- | --- | --- |"]
    for kind in schema_kinds():
        cls = document_kinds()[kind]
        name = f"{kind}.schema.json"
        rows.append(f"| `{kind}` | `{cls.__module__}.{cls.__name__}` | [{name}](schemas/{name}) |")
    return "\n".join(rows) + "\n"


def wanted() -> dict[Path, str]:
    """Every file this tool writes, with the text it should hold."""
    files = {SCHEMAS / f"{kind}.schema.json": schema_text(kind) for kind in schema_kinds()}
    page = DOCS_PAGE.read_text(encoding="utf-8")
    page = between(page, RULES, render_rules())
    files[DOCS_PAGE] = between(page, FILES, file_table())
    return files


def stale() -> list[Path]:
    """Stored schema files of kinds that no longer exist."""
    keep = {f"{kind}.schema.json" for kind in schema_kinds()}
    return sorted(p for p in SCHEMAS.glob("*.schema.json") if p.name not in keep)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the files; the exit status says if any differed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing, exit 1 if stale")
    check = parser.parse_args(argv).check
    changed = [p for p, text in wanted().items() if not p.exists() or p.read_text("utf-8") != text]
    changed += stale()
    for path in changed:
        sys.stdout.write(f"{'stale' if check else 'wrote'}: {path.relative_to(ROOT)}\n")
    if check:
        return 1 if changed else 0
    SCHEMAS.mkdir(exist_ok=True)
    for path, text in wanted().items():
        path.write_text(text, encoding="utf-8")
    for path in stale():
        path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
