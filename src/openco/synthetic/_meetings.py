"""Meetings with families and the plans made in them, and the area's own meetings.

Families with two or more professionals may hold an anticipation dialogue (with two trained
facilitators from outside the case, a plan, and often a follow-up) or an ordinary client
meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from random import Random
from typing import Final

from openco.model import (
    Area,
    Family,
    ItemStatus,
    Meeting,
    MeetingId,
    MeetingKind,
    MeetingRole,
    NetworkMap,
    Participant,
    PersonId,
    Plan,
    PlanId,
    PlanItem,
    PlanItemId,
    Professional,
    Ring,
    ServiceUnit,
    StructuralIssue,
)
from openco.synthetic._sampling import cumulative, days_back, pick
from openco.synthetic.config import PopulationConfig

_FAMILY, _NETWORK, _WORKERS = 0, 1, 2
_PARTY_CUM: Final = cumulative((0.35, 0.25, 0.40))
_ITEMS: Final = (
    "Fetch the children from day care on Tuesdays",
    "Agree on a calm bedtime routine",
    "Visit the family on Sunday afternoons",
    "Book a hearing test",
    "Find a football club for the eldest",
    "Call the family every Friday",
    "Arrange a place in the family club",
    "Meet the teacher about homework support",
    "Apply for home help",
    "Take the youngest to the library on Saturdays",
)
_ISSUES: Final = (
    "Waiting times for family counselling are long",
    "Day care and school do not share transition plans",
    "No evening appointments for working parents",
)
_CHILD_SPEAKS_FROM: Final = 7
_CHILD_TAKES_PART: Final = 0.5
_ITEM_DONE: Final = 0.6
_WORKER_AT_FOLLOW_UP: Final = 0.8
_ISSUE_RAISED: Final = 0.3
_JOINT: Final = 2


def _participants(
    rng: Random,
    family: Family,
    nmap: NetworkMap,
    workers: Sequence[Professional],
    *,
    on: dt.date,
    close_network: int,
) -> list[Participant]:
    people = [
        Participant(person=c.adult, role=MeetingRole.CUSTODIAN)
        for c in {c.adult: c for c in family.custody}.values()
    ]
    people += [
        Participant(person=m.id, role=MeetingRole.CHILD)
        for m in family.children_on(on)
        if m.age_on(on) >= _CHILD_SPEAKS_FROM and rng.random() < _CHILD_TAKES_PART
    ]
    near = [m for m in nmap.members if not m.is_professional and m.ring is not Ring.OUTER]
    for member in near[:close_network]:
        people.append(Participant(person=member.id, role=MeetingRole.CLOSE_NETWORK))
    for k, worker in enumerate(workers):
        role = MeetingRole.INITIATOR if k == 0 else MeetingRole.PROFESSIONAL
        people.append(Participant(person=worker.id, role=role, unit=worker.unit))
    return people


def _plan(
    rng: Random, meeting: Meeting, family: Family, *, follow_up_on: dt.date, today: dt.date
) -> Plan:
    groups: list[list[PersonId]] = [[], [], []]
    for p in meeting.participants:
        if p.role.is_facilitator:
            continue
        group = (
            _FAMILY
            if p.role.is_family
            else _NETWORK
            if p.role is MeetingRole.CLOSE_NETWORK
            else _WORKERS
        )
        groups[group].append(p.person)
    everyone = [person for group in groups for person in group]
    items: list[PlanItem] = []
    for k in range(2 + int(rng.random() * 4)):
        party = pick(rng, _PARTY_CUM)
        if not groups[party]:
            party = _FAMILY
        responsible = groups[party][int(rng.random() * len(groups[party]))]
        helpers = {
            everyone[int(rng.random() * len(everyone))] for _ in range(int(rng.random() * 3))
        } - {responsible}
        due = meeting.held_on + dt.timedelta(days=days_back(rng, 14, 60))
        done = due < today and rng.random() < _ITEM_DONE
        items.append(
            PlanItem(
                id=PlanItemId(f"{family.id}-plan1-i{k + 1}"),
                what=_ITEMS[int(rng.random() * len(_ITEMS))],
                responsible=responsible,
                with_whom=helpers,
                due=due,
                status=ItemStatus.DONE if done else ItemStatus.OPEN,
                outcome="Done as agreed" if done else None,
            )
        )
    return Plan(
        id=PlanId(f"{family.id}-plan1"),
        meeting=meeting.id,
        family=family.id,
        agreed_on=meeting.held_on,
        follow_up_on=follow_up_on,
        items=items,
    )


def build_family_meetings(
    rng: Random,
    *,
    family: Family,
    nmap: NetworkMap,
    workers: Sequence[Professional],
    facilitators: Sequence[Professional],
    config: PopulationConfig,
) -> tuple[tuple[Meeting, ...], tuple[Plan, ...]]:
    """Meetings held with a family that has two or more professionals, and the plan made."""
    if len(workers) < _JOINT:
        return (), ()
    today = config.reference_date
    roll = rng.random()
    outside = [f for f in facilitators if f not in workers]
    if roll < config.anticipation_dialogue_share and len(outside) >= _JOINT:
        held_on = today - dt.timedelta(days=days_back(rng, 30, 330))
        first = int(rng.random() * len(outside))
        second = (first + 1 + int(rng.random() * (len(outside) - 1))) % len(outside)
        people = _participants(
            rng, family, nmap, workers, on=held_on, close_network=int(rng.random() * 3)
        )
        people += [
            Participant(
                person=outside[first].id, role=MeetingRole.INTERVIEWER, unit=outside[first].unit
            ),
            Participant(
                person=outside[second].id, role=MeetingRole.RECORDER, unit=outside[second].unit
            ),
        ]
        speakers = [p.person for p in people if not p.role.is_facilitator]
        meeting = Meeting(
            id=MeetingId(f"{family.id}-m1"),
            kind=MeetingKind.ANTICIPATION_DIALOGUE,
            held_on=held_on,
            family=family.id,
            participants=people,
            speaking_order=speakers,
        )
        follow_up_on = held_on + dt.timedelta(days=91)
        plan = _plan(rng, meeting, family, follow_up_on=follow_up_on, today=today)
        meetings = [meeting]
        if follow_up_on <= today and rng.random() < config.follow_up_share:
            stay = [w for w in workers if rng.random() < _WORKER_AT_FOLLOW_UP] or list(workers[:1])
            meetings.append(
                Meeting(
                    id=MeetingId(f"{family.id}-m2"),
                    kind=MeetingKind.FOLLOW_UP,
                    held_on=follow_up_on,
                    family=family.id,
                    participants=_participants(
                        rng, family, nmap, stay, on=follow_up_on, close_network=1
                    ),
                )
            )
        return tuple(meetings), (plan,)
    if roll < config.anticipation_dialogue_share + config.client_meeting_share:
        held_on = today - dt.timedelta(days=days_back(rng, 7, 360))
        pair = list(workers[:2])
        meeting = Meeting(
            id=MeetingId(f"{family.id}-m1"),
            kind=MeetingKind.CLIENT_MEETING,
            held_on=held_on,
            family=family.id,
            participants=_participants(rng, family, nmap, pair, on=held_on, close_network=0),
        )
        return (meeting,), ()
    return (), ()


def build_area_meetings(
    rng: Random,
    *,
    area: Area,
    units: Sequence[ServiceUnit],
    staff: Sequence[Professional],
    config: PopulationConfig,
) -> tuple[Meeting, ...]:
    """The area's meetings over the past year, each unit sending someone most of the time."""
    by_unit = {u.id: [p for p in staff if p.unit == u.id] for u in units}
    meetings: list[Meeting] = []
    period = 365 // config.area_meetings
    for k in range(config.area_meetings):
        held_on = config.reference_date - dt.timedelta(
            days=k * period + days_back(rng, 1, max(1, period - 1))
        )
        people: list[Participant] = []
        for unit in units:
            workers = by_unit[unit.id]
            if workers and rng.random() < config.area_meeting_attendance:
                count = 1 + int(rng.random() * min(2, len(workers)))
                start = int(rng.random() * len(workers))
                for j in range(count):
                    worker = workers[(start + j) % len(workers)]
                    people.append(
                        Participant(
                            person=worker.id, role=MeetingRole.PROFESSIONAL, unit=worker.unit
                        )
                    )
        if not people:
            worker = staff[0]
            people.append(
                Participant(person=worker.id, role=MeetingRole.PROFESSIONAL, unit=worker.unit)
            )
        issues = (
            (
                StructuralIssue(
                    description=_ISSUES[int(rng.random() * len(_ISSUES))],
                    raised_by=people[0].person,
                    raised_on=held_on,
                ),
            )
            if rng.random() < _ISSUE_RAISED
            else ()
        )
        meetings.append(
            Meeting(
                id=MeetingId(f"{area.id}-am{k + 1}"),
                kind=MeetingKind.AREA_MEETING,
                held_on=held_on,
                area=area.id,
                participants=people,
                structural_issues=issues,
            )
        )
    return tuple(meetings)
