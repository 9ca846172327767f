"""L20: the police come first; telling a custodian before them is flagged (Child Welfare Act §25.3).

Where a sexual offence or an offence against the child's life or health is suspected, the police
and child welfare are notified, and the custodians are not told first where that could harm the
investigation. The statutory track is never blocked, so this rule refuses nothing: it flags the
notifications recorded after a custodian had been told of the concern while the offence was
suspected and before the police had been notified.

The suspicion runs from a finding that the criteria are met with a suspected offence
(``CriteriaMet.suspected_offence``, step ``recognise_criteria``) until the next police
notification. A custodian counts as told, within that time, by:

* taking the concern up with the family (``raise``), proposing, agreeing to or declining a
  meeting (``propose_meeting``, ``agree_to_meet``, ``decline_meeting``);
* a meeting, a plan agreed in it, or a follow-up meeting, with a custodian of the child taking
  part (by the records' custody, :func:`openco.process.presence`);
* a joint contact (§25a) made with a custodian of the child;
* a child welfare notification that records ``custodian_told``.

Each child welfare notification recorded while a told custodian waits for the police, and the
police notification that ends the wait, carry the flag ``custodian_told_first``.
"""

from __future__ import annotations

from typing import Final

from openco.model.family import Family
from openco.model.ids import PersonId
from openco.model.label import LabelledEnum
from openco.model.meeting import Meeting
from openco.process.case import Case, StepTaken
from openco.process.details import FollowUp
from openco.process.flag import Flag
from openco.process.participation import Presence, presence
from openco.process.records import Records
from openco.process.rules.rule import Labels, Rule, RuleGroup, RuleKind
from openco.process.rules.settings import Settings
from openco.process.stages import Step
from openco.process.statutory import CriteriaMet, JointContact, Notification

__all__ = ["L20"]

_WITH_THE_FAMILY: Final = frozenset(
    {Step.RAISE, Step.PROPOSE_MEETING, Step.AGREE_TO_MEET, Step.DECLINE_MEETING}
)


def _tells_custodian(
    record: StepTaken, meeting: Meeting | None, family: Family, child: PersonId
) -> bool:
    """Whether *record* tells a custodian of *child* of the concern (*meeting*: the case's)."""
    step, detail = record.step, record.detail
    if step in _WITH_THE_FAMILY:
        return True
    if isinstance(detail, JointContact):
        return family.is_custodian(detail.with_person, child)
    held = (
        detail if isinstance(detail, Meeting)
        else detail.meeting if isinstance(detail, FollowUp)
        else meeting if step is Step.AGREE_PLAN
        else None
    )  # fmt: skip
    return held is not None and presence(held, family=family, child=child) is Presence.CUSTODIAN


def _police_first_flags(  # noqa: C901 - one walk through the history, each step's effect in turn
    case: Case, _settings: Settings, records: Records
) -> tuple[Flag, ...]:
    family = records.family(case.family.id) or case.family
    child = case.concern.child
    suspected = False
    told: tuple[int, StepTaken] | None = None
    meeting: Meeting | None = None
    found: list[Flag] = []

    def flag(index: int, by: tuple[int, StepTaken]) -> Flag:
        how: LabelledEnum = by[1].step
        refers_to = () if by[0] == index else (by[0],)
        return L20.flag(
            "custodian_told_first", index, case, refers_to=refers_to, told_on=by[1].on, how=how
        )

    for index, record in enumerate(case.history):
        detail = record.detail
        if isinstance(detail, Meeting):
            meeting = detail
        elif isinstance(detail, FollowUp) and detail.meeting is not None:
            meeting = detail.meeting
        if isinstance(detail, CriteriaMet):
            suspected = suspected or detail.suspected_offence is not None
        elif record.step is Step.NOTIFY_POLICE:
            if told is not None:
                found.append(flag(index, told))
            suspected, told = False, None
        elif not suspected:
            continue
        elif isinstance(detail, Notification):
            if told is None and detail.custodian_told:
                told = (index, record)
            if told is not None:
                found.append(flag(index, told))
        elif told is None and _tells_custodian(record, meeting, family, child):
            told = (index, record)
    return tuple(found)


L20 = Rule(
    code="L20",
    group=RuleGroup.LEGAL,
    title=Labels(
        "Poliisi ensin: huoltajalle kertominen ennen poliisille ilmoittamista merkitään",
        "Polisen först: att vårdnadshavaren fått veta före polisanmälan markeras",
        "The police come first: telling a custodian before the police are notified is flagged",
    ),
    basis=(
        "Child Welfare Act §25 (3): a suspected sexual offence or offence against the child's "
        "life or health is notified to the police as well as to child welfare; the custodians "
        "are not told first where that could harm the investigation. A flag, never a refusal: "
        "nothing blocks a notification (§25 (1))"
    ),
    source=(
        "THL, Lastensuojelun käsikirja: Lastensuojeluilmoitus ja vireilletulo [S32]; domain "
        "brief §6.5a [GK: practice]; issue #8 point 4"
    ),
    kinds=frozenset({RuleKind.FLAG}),
    messages={
        "custodian_told_first": Labels(
            "Huoltajalle kerrottiin huolesta ({how}, {told_on}) epäillyn rikoksen aikana ennen "
            "poliisille ilmoittamista: poliisi ensin (LsL 25 § 3 mom.).",
            "Vårdnadshavaren fick veta om oron ({how}, {told_on}) medan ett brott misstänktes, "
            "före polisanmälan: polisen först (BSL 25 § 3 mom.).",
            "A custodian was told of the concern ({how}, {told_on}) while an offence was "
            "suspected, before the police were notified: the police come first (Child Welfare "
            "Act §25 (3)).",
        ),
    },
    flags=_police_first_flags,
)
