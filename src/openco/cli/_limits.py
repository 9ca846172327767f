"""Command-line options for :class:`openco.limits.Limits` and for a memory budget.

:func:`limit_options` adds one ``--max-…`` option per limit to a click command and passes the
command a single ``limits`` argument; :class:`ByteSize` reads sizes such as ``2GiB``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, Final, TypeVar, cast

import click

from openco.limits import Limits

__all__ = ["ByteSize", "limit_options"]

F = TypeVar("F", bound=Callable[..., Any])

_UNITS: Final = {
    "": 1, "b": 1,
    "k": 1000, "kb": 1000, "kib": 1024,
    "m": 1000**2, "mb": 1000**2, "mib": 1024**2,
    "g": 1000**3, "gb": 1000**3, "gib": 1024**3,
    "t": 1000**4, "tb": 1000**4, "tib": 1024**4,
}  # fmt: skip
_SIZE: Final = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*")


class ByteSize(click.ParamType[int, Any]):
    """A number of bytes: ``2147483648``, ``2GiB``, ``1500MiB`` or ``3G`` (powers of 1000)."""

    name = "size"

    def convert(
        self,
        value: Any,  # noqa: ANN401 - click's signature
        param: click.Parameter | None,
        ctx: click.Context | None,
    ) -> int:
        """Read *value* as a size in bytes (at least 1 MiB)."""
        del param, ctx
        if isinstance(value, int) and not isinstance(value, bool):
            size = value
        else:
            found = _SIZE.fullmatch(str(value))
            unit = found.group(2).lower() if found else None
            if found is None or unit not in _UNITS:
                self.fail(f"{value!r} is not a size such as 2GiB, 1500MiB or 2147483648.")
            size = int(float(found.group(1)) * _UNITS[unit])
        if size < 1024**2:
            self.fail(f"{value!r} is less than 1MiB.")
        return size


def limit_options(function: F) -> F:
    """Add a ``--max-<limit>`` option for every :class:`~openco.limits.Limits` field.

    Put it below ``@click.command``. The command receives one keyword argument, ``limits``:
    a :class:`Limits` with the defaults where no option was given.
    """
    names = [info.name for info in Limits.describe()]

    @functools.wraps(function)
    def wrapper(**kwargs: Any) -> Any:  # noqa: ANN401 - passes the command's result on
        limits = Limits(**{name: kwargs.pop(name) for name in names})
        return function(limits=limits, **kwargs)

    decorated: Any = wrapper
    for info in reversed(Limits.describe()):
        decorated = click.option(
            info.option,
            info.name,
            type=click.IntRange(min=1),
            default=info.default,
            show_default=True,
            help=f"The most {info.what} to accept.",
        )(decorated)
    return cast("F", decorated)
