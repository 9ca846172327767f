"""Every exception openco raises.

* :class:`OpencoError` – the base; catch it to catch anything openco raises on purpose.

  * :class:`InvalidModelError` (also :class:`ValueError`) – an object would break an invariant.
    Carries the class, the field, the bad value and what is allowed.
  * :class:`InvalidDocumentError` (also :class:`ValueError`) – a JSON document is not a valid
    openco document. Carries every :class:`DocumentProblem` found, each with its JSON path.
  * :class:`InvalidArgumentError` (also :class:`ValueError`) – a function was called with an
    argument it cannot use. Carries the function, the argument, the bad value and what is
    allowed.
  * :class:`MissingDependencyError` (also :class:`ImportError`) – an optional feature needs a
    package that is not installed; says which extra to install.

Each exception passes every constructor argument to ``super().__init__`` and builds its message
in ``__str__`` from the data it carries, so that exceptions pickle and copy intact.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "DocumentProblem",
    "InvalidArgumentError",
    "InvalidDocumentError",
    "InvalidModelError",
    "MissingDependencyError",
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


class InvalidArgumentError(OpencoError, ValueError):
    """A function was called with an argument it cannot use.

    Attributes:
        function: the function called, e.g. ``"compare_maps"``.
        argument: the argument at fault, e.g. ``"after"``.
        value: the offending value (or a short description of it).
        allowed: what the argument accepts, in words.

    >>> err = InvalidArgumentError("Pseudonymizer", "key", 8, "a key of at least 16 bytes")
    >>> str(err)
    'Pseudonymizer(key=8): allowed: a key of at least 16 bytes'
    """

    def __init__(self, function: str, argument: str, value: object, allowed: str) -> None:
        super().__init__(function, argument, value, allowed)
        self.function = function
        self.argument = argument
        self.value = value
        self.allowed = allowed

    def __str__(self) -> str:
        return f"{self.function}({self.argument}={self.value!r}): allowed: {self.allowed}"


class MissingDependencyError(OpencoError, ImportError):
    """An optional feature needs a package that is not installed.

    Attributes:
        feature: what was asked for, e.g. ``"SVG drawing"``.
        package: the missing package, e.g. ``"matplotlib"``.
        extra: the openco extra that installs it, e.g. ``"plot"``.

    >>> print(MissingDependencyError("SVG drawing", "matplotlib", "plot"))
    SVG drawing needs matplotlib: pip install 'openco[plot]'
    """

    def __init__(self, feature: str, package: str, extra: str) -> None:
        super().__init__(feature, package, extra)
        self.feature = feature
        self.package = package
        self.extra = extra

    def __str__(self) -> str:
        return f"{self.feature} needs {self.package}: pip install 'openco[{self.extra}]'"
