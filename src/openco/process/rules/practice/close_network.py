"""P15: the close network is invited with the family's agreement."""

from __future__ import annotations

from typing import Final

from openco.errors import Refusal
from openco.model.meeting import Meeting, MeetingRole
from openco.process.case import Case, StepTaken
from openco.process.records import Records
from openco.process.rules.rule import NO, Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings

__all__ = ["P15"]

# Enum members as globals: in Python 3.11 ``Enum.X`` goes through ``EnumType.__getattr__``.
_CLOSE_NETWORK: Final = MeetingRole.CLOSE_NETWORK


def _check_close_network(
    case: Case, record: StepTaken, _settings: Settings, _records: Records
) -> tuple[Refusal, ...]:
    detail = record.detail
    if not isinstance(detail, Meeting):
        return NO
    chosen = case.invitation.close_network if case.invitation is not None else frozenset()
    return tuple(
        P15.refuse("not_chosen", person=p.person)
        for p in detail.participants
        if p.role is _CLOSE_NETWORK and p.person not in chosen
    )


P15 = Rule(
    code="P15",
    group=RuleGroup.PRACTICE,
    title=Labels(
        "Läheiset kutsutaan perheen suostumuksella",
        "De närstående bjuds in med familjens samtycke",
        "The close network is invited with the family's agreement",
    ),
    basis=(
        "The family decides whom of their close network to invite; close persons may take on "
        "items of the plan; services involve relatives and close persons where needed"
    ),
    source="Innokylä [S8]; Seikkula & Arnkil [S7]; Social Welfare Act §41 [S-41]",
    kinds=frozenset({RuleKind.GUARD}),
    messages={
        "not_chosen": Labels(
            "Perhe ei ole valinnut läheistä {person} kutsuttavaksi.",
            "Familjen har inte valt att bjuda in den närstående {person}.",
            "The family did not choose {person} among the close network to invite.",
        ),
    },
    check=_check_close_network,
)
