"""The documentation says what the code does."""

from __future__ import annotations

from pathlib import Path

import pytest

import openco.model
from openco.model import LabelledEnum

DOCS = Path(__file__).parent.parent / "docs"
ENUMS = [
    getattr(openco.model, name)
    for name in openco.model.__all__
    if isinstance(getattr(openco.model, name), type)
    and issubclass(getattr(openco.model, name), LabelledEnum)
    and getattr(openco.model, name) is not LabelledEnum
]


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_the_glossary_lists_every_label_of_every_enumeration(enum: type[LabelledEnum]) -> None:
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")

    assert f"### `{enum.__name__}`" in glossary
    for member in enum:
        labels = " | ".join(member.label(language) for language in ("fi", "sv", "en"))
        row = f"| `{member.value}` | {labels} |"
        assert row in glossary, f"glossary.md lacks the row: {row}"


@pytest.mark.parametrize("page", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_every_page_is_linked_from_the_index(page: str) -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")

    assert page == "index.md" or f"({page})" in index
