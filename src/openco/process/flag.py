"""Flags: findings the rules make on a record of a case, shown with it, never blocking it.

A :class:`Flag` is not a refusal: the step was taken and stands (a notification is never
blocked). It says that something about the record deserves a second look, with the rule behind
it and a message in Finnish, Swedish and English: for example, a notification recorded after a
custodian had been told of a suspected offence before the police were notified (rule L20).
:func:`openco.process.flags` lists every flag of a case; flags follow from the history, so a
replayed case has the same flags and a stored history cannot drop one.
"""

from __future__ import annotations

import datetime as dt

import attrs

from openco.errors import _Worded
from openco.model.label import LabelledEnum

__all__ = ["Flag"]


@attrs.frozen(kw_only=True)
class Flag(_Worded):
    """A finding of rule *rule* (check *key*) on the record at *record* in the case's history.

    *step* and *on* are that record's step and day; *refers_to* the positions of the other
    records the finding rests on (a view that withholds one of them withholds the flag too);
    *params* the values the message was built from, as ``(name, value)`` pairs; the message is
    kept in fi/sv/en.

    >>> from openco.process.stages import Step
    >>> f = Flag(rule="L20", key="custodian_told_first", record=5,
    ...          step=Step.NOTIFY_CHILD_WELFARE, on=dt.date(2026, 3, 2),
    ...          fi="Huoltajalle kerrottiin ensin.", sv="Vårdnadshavaren fick veta först.",
    ...          en="The custodian was told first.")
    >>> str(f)
    '[L20] record 5 (notify_child_welfare, 2026-03-02): The custodian was told first.'
    """

    rule: str
    key: str
    record: int
    step: LabelledEnum
    on: dt.date
    refers_to: tuple[int, ...] = ()
    params: tuple[tuple[str, object], ...] = ()
    fi: str
    sv: str
    en: str

    def __str__(self) -> str:
        return f"[{self.rule}] record {self.record} ({self.step.value}, {self.on}): {self.en}"
