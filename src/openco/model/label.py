"""Enumerations that carry their Finnish, Swedish and English labels.

Every enumeration in :mod:`openco.model` is a :class:`LabelledEnum`: its *value* is a stable
English identifier used in JSON documents (it never changes once released), and
:meth:`LabelledEnum.label` gives the words a person reads, in the language asked for.
"""

from __future__ import annotations

import enum
from typing import Self

__all__ = ["LabelledEnum", "Language"]


class Language(enum.Enum):
    """A language openco writes its labels and messages in."""

    FI = "fi"
    SV = "sv"
    EN = "en"


class LabelledEnum(enum.Enum):
    """An enumeration whose members are declared as ``(value, finnish, swedish, english)``.

    >>> class Colour(LabelledEnum):
    ...     RED = ("red", "punainen", "röd", "red")
    >>> Colour.RED.value
    'red'
    >>> Colour.RED.label("fi"), Colour.RED.label(Language.SV)
    ('punainen', 'röd')
    >>> Colour("red") is Colour.RED
    True
    """

    _value_: str
    _labels: dict[Language, str]

    # ``*labels`` rather than three named parameters: type checkers read ``Member("value")``
    # (the lookup by value) as a call of ``__new__``, and it must type-check too.
    def __new__(cls, value: str, *labels: str) -> Self:  # noqa: D102 - documented on the class
        member = object.__new__(cls)
        member._value_ = value
        member._labels = dict(zip(Language, labels, strict=True)) if labels else {}
        return member

    # Members are singletons compared by identity, so identity is also their hash. Enum's own
    # __hash__ is a Python-level call (hash of the name) that costs 7x a dict lookup; analysis
    # counts members in dicts millions of times. Equality is unchanged.
    __hash__ = object.__hash__

    @property
    def value(self) -> str:
        """The stable identifier used in documents."""
        return self._value_

    def label(self, language: Language | str = Language.EN) -> str:
        """The member's name in *language* (``"fi"``, ``"sv"`` or ``"en"``).

        Raises:
            ValueError: *language* is not one of fi, sv, en.
        """
        return self._labels[Language(language)]

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """Every member's stable value, in declaration order."""
        return tuple(m.value for m in cls)
