"""Every exception openco raises.

* :class:`OpencoError` – the base; catch it to catch anything openco raises on purpose.

  * :class:`InvalidModelError` (also :class:`ValueError`) – an object would break an invariant.
    Carries the class, the field, the bad value and what is allowed.
  * :class:`InvalidDocumentError` (also :class:`ValueError`) – a JSON document is not a valid
    openco document. Carries every :class:`DocumentProblem` found, each with its JSON path.

Each exception passes every constructor argument to ``super().__init__`` and builds its message
in ``__str__`` from the data it carries, so that exceptions pickle and copy intact.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "DocumentProblem",
    "InvalidDocumentError",
    "InvalidModelError",
    "OpencoError",
]


class OpencoError(Exception):
    """Base of every exception openco raises on purpose."""


class InvalidModelError(OpencoError, ValueError):
    """An object would break one of its invariants.

    Attributes:
        owner: the class whose invariant was broken, e.g. ``"Person"``.
        field: the field (or fields, comma separated) at fault, e.g. ``"birth_date"``.
        value: the offending value.
        allowed: what the field accepts, in words.

    >>> err = InvalidModelError("Person", "name", "", "a non-empty string")
    >>> str(err)
    "Person.name: got '', allowed: a non-empty string"
    """

    def __init__(self, owner: str, field: str, value: object, allowed: str) -> None:
        super().__init__(owner, field, value, allowed)
        self.owner = owner
        self.field = field
        self.value = value
        self.allowed = allowed

    def __str__(self) -> str:
        return f"{self.owner}.{self.field}: got {self.value!r}, allowed: {self.allowed}"


@attrs.frozen
class DocumentProblem:
    """One thing wrong with a document, at a JSON path such as ``members[3].ring``.

    >>> str(DocumentProblem("members[3].ring", "'outermost' is not one of inner, middle, outer"))
    "members[3].ring: 'outermost' is not one of inner, middle, outer"
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '$'}: {self.message}"


class InvalidDocumentError(OpencoError, ValueError):
    """A JSON text is not a valid openco document; :attr:`problems` lists every problem found.

    >>> err = InvalidDocumentError([DocumentProblem("schema_version", "missing")])
    >>> err.paths
    ('schema_version',)
    >>> print(err)
    1 problem in the document:
      schema_version: missing
    """

    def __init__(self, problems: Iterable[DocumentProblem]) -> None:
        problems = tuple(problems)
        super().__init__(problems)
        self.problems: tuple[DocumentProblem, ...] = problems

    @property
    def paths(self) -> tuple[str, ...]:
        """The JSON path of every problem, in the order found."""
        return tuple(p.path for p in self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the document:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
