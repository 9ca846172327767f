"""Long, valid histories, for measuring and testing how openco's cost grows with a case's length.

:func:`long_path` takes the cast's case along :func:`~openco.testing.workflow.good_path` to the
follow-up and then round the cycle of a long-running case as many times as asked: the contact
worker re-assesses, proposes another network meeting, the family agrees (passing their consent
again), the meeting is held, a plan agreed and followed up. Every step passes every rule of the
default workflow, so :func:`~openco.process.replay` of the history rebuilds the case.

>>> from openco.process import open_case
>>> from openco.testing.workflow import make_cast
>>> cast = make_cast()
>>> case = open_case(cast.concern, family=cast.family, on=cast.opened_on,
...                  records=cast.records)
>>> for attempt in long_path(cast, cycles=2):
...     case = attempt.apply(case)
>>> case.stage.value, len(case.history)
('followed_up', 24)
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Final

from openco.model.concern import ConcernZone, GreySubzone, OwnMeans, ZoneAssessment
from openco.model.ids import MeetingId, PlanId, PlanItemId
from openco.model.meeting import Meeting, MeetingKind, MeetingRole, Participant
from openco.model.plan import Plan, PlanItem
from openco.process.details import FollowUp, Invitation
from openco.process.stages import ActorRole, Step
from openco.testing.workflow import Attempt, Cast, good_path

__all__ = ["CYCLE_STEPS", "long_path"]

CYCLE_STEPS: Final = 6
"""The steps of a cycle: re-assess, propose, agree, hold the meeting, agree the plan, follow up."""


def long_path(cast: Cast, *, cycles: int) -> tuple[Attempt, ...]:
    """The good path up to the follow-up (11 steps), then *cycles* cycles of six steps.

    The case has ``12 + 6 * cycles`` records after them (the opening included). The cycles are
    dated on the follow-up's day, so that no date runs past the child's childhood however
    long the history is; each cycle's meeting is an anticipation dialogue led by the cast's
    facilitators with the case's contact worker (the colleague, after the hand-over) and the
    family, and its plan is followed up the same day (ahead of the date it set).

    Raises:
        ValueError: *cycles* is negative.
    """
    if cycles < 0:
        raise ValueError(f"cycles: got {cycles}, allowed: 0 or more")
    good = good_path(cast)
    start, follow_up = good[:-1], good[-2]  # up to the follow-up (the last step closes)
    agreed = good[6]
    day = follow_up.on
    nurse = cast.colleague
    first, second = cast.facilitators
    gran, neighbour = cast.close_network
    meeting = Meeting(
        id=MeetingId("m-cycle"),
        kind=MeetingKind.ANTICIPATION_DIALOGUE,
        held_on=day,
        family=cast.family.id,
        participants=(
            Participant(person=cast.custodian, role=MeetingRole.CUSTODIAN),
            Participant(person=gran, role=MeetingRole.CLOSE_NETWORK),
            Participant(person=neighbour, role=MeetingRole.CLOSE_NETWORK),
            Participant(person=nurse, role=MeetingRole.INITIATOR, unit=cast.colleague_unit),
            Participant(person=first, role=MeetingRole.INTERVIEWER, unit=cast.facilitator_unit),
            Participant(person=second, role=MeetingRole.RECORDER, unit=cast.facilitator_unit),
        ),
        speaking_order=(cast.custodian, gran, neighbour, nurse),
    )
    plan = Plan(
        id=PlanId("plan-cycle"),
        meeting=meeting.id,
        family=cast.family.id,
        agreed_on=day,
        follow_up_on=day + dt.timedelta(days=90),
        items=(
            PlanItem(
                id=PlanItemId("i-cycle"), what="Fetch Aino on Tuesdays", responsible=gran, due=day
            ),
        ),
    )
    assessment = ZoneAssessment(
        on=day, assessor=nurse, zone=ConcernZone.GREY, subzone=GreySubzone.LOWER,
        own_means=OwnMeans.GOOD,
    )  # fmt: skip
    invitation = Invitation(kind=MeetingKind.ANTICIPATION_DIALOGUE, close_network={gran, neighbour})
    attempt = functools.partial(
        Attempt, actor=nurse, role=ActorRole.WORKER, on=day, records=cast.records
    )
    cycle = (
        attempt(step=Step.REASSESS, detail=assessment),
        attempt(step=Step.PROPOSE_MEETING),
        attempt(step=Step.AGREE_TO_MEET, detail=invitation, consents=agreed.consents),
        attempt(step=Step.HOLD_MEETING, detail=meeting),
        attempt(step=Step.AGREE_PLAN, detail=plan),
        attempt(step=Step.FOLLOW_UP, detail=FollowUp(note="Calmer mornings go on")),
    )
    return (*start, *(cycle * cycles))
