"""What a rule is: its code, group, words in fi/sv/en, and its check and duties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Final

import attrs

from openco.errors import Refusal
from openco.model.label import LabelledEnum
from openco.process.case import Case, StepTaken
from openco.process.duties import Obligation
from openco.process.flag import Flag
from openco.process.records import Records
from openco.process.rules.settings import Settings

__all__ = ["NO", "Check", "Duties", "Flags", "Labels", "Rule", "RuleGroup", "RuleKind"]


@attrs.frozen
class Labels:
    """The same words in Finnish, Swedish and English.

    >>> Labels("huoli", "oro", "concern").get("sv")
    'oro'
    """

    fi: str
    sv: str
    en: str

    def get(self, language: object = "en") -> str:
        """The words in *language* (``"fi"``, ``"sv"``, ``"en"`` or a ``Language`` member).

        Raises:
            ValueError: *language* is none of fi, sv, en.
        """
        code = getattr(language, "value", language)
        if code not in ("fi", "sv", "en"):
            raise ValueError(f"language: got {language!r}, allowed: one of fi, sv, en")
        return str(getattr(self, str(code)))


class RuleKind(LabelledEnum):
    """What a rule does."""

    GUARD = ("guard", "estää askeleen", "hindrar ett steg", "refuses a step")
    OBLIGATION = ("obligation", "luo velvollisuuden", "skapar en skyldighet", "creates a duty")
    FLAG = ("flag", "merkitsee kirjauksen", "markerar en registrering", "flags a record")


class RuleGroup(LabelledEnum):
    """Where a rule comes from, which decides whether it can be switched off."""

    LEGAL = ("legal", "lakisääteinen", "lagstadgad", "legal obligation")
    PRACTICE = ("practice", "hyvä käytäntö", "god praxis", "good practice")
    WORKFLOW = ("workflow", "työnkulun eheys", "arbetsflödets integritet", "workflow integrity")


Check = Callable[[Case, StepTaken, Settings, Records], tuple[Refusal, ...]]
"""A guard: the refusals for a record about to be added to a case (empty when it may go)."""

Duties = Callable[[Case, dt.date, Settings, Records], tuple[Obligation, ...]]
"""An obligation rule's duties in a case on a given day."""

Flags = Callable[[Case, Settings, Records], tuple[Flag, ...]]
"""A flagging rule's findings on the records of a case (never a refusal: the steps stand)."""

NO: Final[tuple[Refusal, ...]] = ()


def _render(value: object, language: str) -> str:
    if isinstance(value, LabelledEnum):
        return value.label(language)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, frozenset, set, list)):
        return ", ".join(sorted(_render(v, language) for v in value))
    return str(value)


def _plain(value: object) -> object:
    if isinstance(value, LabelledEnum):
        return value.value
    if isinstance(value, (frozenset, set, list)):
        return tuple(sorted(_plain(v) for v in value))  # type: ignore[type-var]
    return value


@attrs.frozen(kw_only=True, eq=False)
class Rule:
    """One rule of the catalogue.

    Rules compare by identity and are used as keys; two rules must not share a *code* within a
    workflow. *messages* maps each refusal key to its words in fi/sv/en, with ``{name}``
    placeholders for the refusal's parameters.
    """

    code: str
    group: RuleGroup
    title: Labels
    basis: str
    source: str
    kinds: frozenset[RuleKind]
    messages: Mapping[str, Labels] = attrs.field(factory=dict)
    check: Check | None = None
    duties: Duties | None = None
    flags: Flags | None = None

    @property
    def configurable(self) -> bool:
        """Whether a municipality may switch the rule off (practice rules only)."""
        return self.group is RuleGroup.PRACTICE

    @property
    def is_guard(self) -> bool:
        """Whether the rule refuses steps."""
        return RuleKind.GUARD in self.kinds

    @property
    def is_obligation(self) -> bool:
        """Whether the rule creates duties."""
        return RuleKind.OBLIGATION in self.kinds

    @property
    def is_flag(self) -> bool:
        """Whether the rule flags records (findings shown with a record, never refusals)."""
        return RuleKind.FLAG in self.kinds

    def _texts(self, key: str, params: Mapping[str, object]) -> dict[str, str]:
        words = self.messages[key]
        return {
            language: getattr(words, language).format(
                **{name: _render(value, language) for name, value in params.items()}
            )
            for language in ("fi", "sv", "en")
        }

    def flag(
        self,
        key: str,
        record: int,
        case: Case,
        *,
        refers_to: tuple[int, ...] = (),
        **params: object,
    ) -> Flag:
        """The :class:`~openco.process.flag.Flag` for *key* on the *record*-th record of *case*.

        *refers_to* are the positions of the other records the finding rests on.

        Raises:
            KeyError: the rule has no message *key*.
        """
        taken = case.history[record]
        return Flag(
            rule=self.code,
            key=key,
            record=record,
            step=taken.step,
            on=taken.on,
            refers_to=refers_to,
            params=tuple((name, _plain(value)) for name, value in params.items()),
            **self._texts(key, params),
        )

    def refuse(self, key: str, **params: object) -> Refusal:
        """The :class:`~openco.errors.Refusal` for *key*, its message filled in with *params*.

        Raises:
            KeyError: the rule has no message *key*.
        """
        return Refusal(
            rule=self.code,
            key=key,
            params=tuple((name, _plain(value)) for name, value in params.items()),
            **self._texts(key, params),
        )
