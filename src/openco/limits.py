"""How much openco reads and analyses at most: limits as data, with documented defaults.

A hostile or broken input can be small on disk and enormous in work: one family whose map
lists 4,000 professionals, a 5,000-member map with every pair tied, a document nested 100,000
levels deep. openco checks the size of what it is given *first*, against a :class:`Limits`
value, and refuses what is over a limit at once, with a message that names the limit, the
value found and the option that raises it.

The defaults are far above what a family's network map, an area or a case holds in practice
(a map has 3-20 members, a family 0-6 professionals, an area tens of units), and low enough
that everything within them is analysed in seconds on a 2-core, 4 GiB machine. A caller with
larger real data raises one limit, by keyword::

    >>> from openco.limits import DEFAULT_LIMITS, Limits
    >>> DEFAULT_LIMITS.members_per_map
    500
    >>> Limits(members_per_map=2_000).members_per_map
    2000

and on the command line by the option :meth:`Limits.option` names::

    >>> Limits.option("members_per_map")
    '--max-members-per-map'

This module imports nothing of openco but :mod:`openco.errors`, so that every layer above the
model (io, analysis, the command line) can use it.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from openco.errors import InvalidArgumentError, LimitExceededError

__all__ = ["DEFAULT_LIMITS", "LimitInfo", "Limits"]


def _positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidArgumentError("Limits", attribute.name, value, "a whole number of at least 1")


def _limit(default: int, what: str, unit: str = "") -> Any:  # noqa: ANN401 - an attrs field
    return attrs.field(default=default, validator=_positive, metadata={"what": what, "unit": unit})


@attrs.frozen(kw_only=True)
class LimitInfo:
    """One limit described: its name, default, what it counts and the option that raises it.

    >>> info = Limits.describe()[0]
    >>> info.name, info.default, info.option
    ('members_per_map', 500, '--max-members-per-map')
    """

    name: str
    default: int
    what: str
    unit: str
    option: str


@attrs.frozen(kw_only=True)
class Limits:
    """The most openco reads or analyses of each kind; every field a whole number >= 1.

    Counts are per document (a map, a family, a case), except *families_per_professional* and
    *units_per_area*, which are counted over everything read together (a bundle, or every file
    given to ``openco analyse``).

    >>> Limits(ties_per_map=0)
    Traceback (most recent call last):
    ...
    openco.errors.InvalidArgumentError: Limits(ties_per_map=0): allowed: a whole number of at least 1
    """  # noqa: E501 - a doctest's output is one line

    members_per_map: int = _limit(500, "members on one network map")
    ties_per_map: int = _limit(10_000, "ties among the members of one network map")
    professionals_per_family: int = _limit(
        200, "different professionals on one family's network maps"
    )
    families_per_professional: int = _limit(
        20_000, "families whose network maps name one professional"
    )
    units_per_area: int = _limit(500, "service units serving one area")
    string_length: int = _limit(
        20_000, "characters in one text (a name, a label, a note)", "characters"
    )
    nesting_depth: int = _limit(32, "levels of nested JSON arrays and objects")
    document_bytes: int = _limit(
        64 * 1024 * 1024, "bytes of one document (one file or one JSON Lines line)", "bytes"
    )
    records_per_case: int = _limit(20_000, "records in the history of one case")

    @staticmethod
    def option(name: str) -> str:
        """The command-line option that sets the limit *name*: ``--max-`` and the name.

        Raises:
            InvalidArgumentError: there is no limit called *name*.
        """
        if name not in _NAMES:
            raise InvalidArgumentError("Limits.option", "name", name, f"one of {', '.join(_NAMES)}")
        return "--max-" + name.replace("_", "-")

    @classmethod
    def describe(cls) -> tuple[LimitInfo, ...]:
        """Every limit, in order: name, default, what it counts, unit and option."""
        return tuple(
            LimitInfo(
                name=f.name,
                default=f.default,
                what=f.metadata["what"],
                unit=f.metadata["unit"],
                option=cls.option(f.name),
            )
            for f in attrs.fields(cls)
        )

    def exceeded(self, name: str, value: int, *, where: str = "") -> LimitExceededError | None:
        """The error to raise if *value* is over the limit *name*, else ``None``.

        >>> print(Limits(members_per_map=10).exceeded("members_per_map", 4_000, where="f1"))
        f1: 4,000 members on one network map, over the limit of 10 (raise it with --max-members-per-map)
        >>> Limits().exceeded("members_per_map", 12) is None
        True
        """  # noqa: E501 - a doctest's output is one line
        maximum: int = getattr(self, name)
        if value <= maximum:
            return None
        what = _FIELDS[name].metadata["what"]
        return LimitExceededError(name, value, maximum, what, self.option(name), where)

    def check(self, name: str, value: int, *, where: str = "") -> None:
        """Raise :class:`~openco.errors.LimitExceededError` if *value* is over the limit *name*.

        >>> Limits(records_per_case=100).check("records_per_case", 101)
        Traceback (most recent call last):
        ...
        openco.errors.LimitExceededError: 101 records in the history of one case, over the limit of 100 (raise it with --max-records-per-case)
        """  # noqa: E501 - a doctest's output is one line
        error = self.exceeded(name, value, where=where)
        if error is not None:
            raise error


_FIELDS: Final = {f.name: f for f in attrs.fields(Limits)}
_NAMES: Final = tuple(_FIELDS)

DEFAULT_LIMITS: Final = Limits()
"""The limits openco applies when the caller gives none."""
