"""A :class:`Bundle`: openco objects that refer to each other, checked together.

Single objects check their own invariants. A bundle also checks what lies between them: every
id a plan, meeting, concern, map or consent refers to exists in the bundle, ids are unique,
what refers to an earlier event does not predate it (a plan is agreed on or after its meeting),
and people appear in the roles they can take (a custodian who gives consent has custody of the
child; a worker in a meeting is a known professional). :func:`reference_problems` lists every
problem with its path, such as ``plans[0].items[1].responsible``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from openco.errors import DocumentProblem
from openco.model import _validators as v
from openco.model.concern import Concern
from openco.model.consent import Consent, ConsentGiver
from openco.model.family import Family
from openco.model.ids import PersonId
from openco.model.meeting import Meeting, MeetingRole
from openco.model.network import NetworkMap
from openco.model.person import Person
from openco.model.plan import Plan
from openco.model.service import Area, Professional, ServiceUnit

__all__ = ["Bundle", "reference_problems"]

# One converter per field, not one generic ``(Iterable[T]) -> tuple[T, ...]``: mypy's attrs
# plugin leaves such a T unbound in ``Bundle.__init__``, and then rejects every list passed in.


def _areas(value: Iterable[Area]) -> tuple[Area, ...]:
    return v.to_tuple(value)


def _units(value: Iterable[ServiceUnit]) -> tuple[ServiceUnit, ...]:
    return v.to_tuple(value)


def _professionals(value: Iterable[Professional]) -> tuple[Professional, ...]:
    return v.to_tuple(value)


def _families(value: Iterable[Family]) -> tuple[Family, ...]:
    return v.to_tuple(value)


def _network_maps(value: Iterable[NetworkMap]) -> tuple[NetworkMap, ...]:
    return v.to_tuple(value)


def _concerns(value: Iterable[Concern]) -> tuple[Concern, ...]:
    return v.to_tuple(value)


def _meetings(value: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return v.to_tuple(value)


def _plans(value: Iterable[Plan]) -> tuple[Plan, ...]:
    return v.to_tuple(value)


def _consents(value: Iterable[Consent]) -> tuple[Consent, ...]:
    return v.to_tuple(value)


def _duplicates(name: str, items: Sequence[Any], problems: list[DocumentProblem]) -> set[str]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            problems.append(DocumentProblem(f"{name}[{index}].id", f"id {item.id!r} used twice"))
        seen.add(item.id)
    return seen


def reference_problems(  # noqa: C901, PLR0912, PLR0915 - one pass over every kind of reference reads best as one function
    *,
    areas: Sequence[Area] = (),
    units: Sequence[ServiceUnit] = (),
    professionals: Sequence[Professional] = (),
    families: Sequence[Family] = (),
    network_maps: Sequence[NetworkMap] = (),
    concerns: Sequence[Concern] = (),
    meetings: Sequence[Meeting] = (),
    plans: Sequence[Plan] = (),
    consents: Sequence[Consent] = (),
) -> list[DocumentProblem]:
    """Every broken cross-reference among the given objects, each with its path.

    >>> from openco.model.plan import PlanItem
    >>> from openco.model.ids import FamilyId, MeetingId, PlanId, PlanItemId
    >>> import datetime as dt
    >>> plan = Plan(id=PlanId("p"), meeting=MeetingId("m"), family=FamilyId("f"),
    ...             agreed_on=dt.date(2026, 1, 5),
    ...             items=(PlanItem(id=PlanItemId("i"), what="Call", responsible=PersonId("x")),))
    >>> for problem in reference_problems(plans=[plan]):
    ...     print(problem)
    plans[0].meeting: no meeting has id 'm'
    plans[0].items[0].responsible: no person has id 'x'
    """
    problems: list[DocumentProblem] = []
    add = problems.append
    area_ids = _duplicates("areas", areas, problems)
    unit_ids = _duplicates("units", units, problems)
    professional_ids = _duplicates("professionals", professionals, problems)
    _duplicates("families", families, problems)
    _duplicates("network_maps", network_maps, problems)
    _duplicates("concerns", concerns, problems)
    concern_by_id = {c.id: c for c in concerns}
    meeting_by_id = {m.id: m for m in meetings}
    _duplicates("meetings", meetings, problems)
    _duplicates("plans", plans, problems)
    _duplicates("consents", consents, problems)

    family_by_id = {f.id: f for f in families}
    people: dict[PersonId, Person] = {}
    for fi, each_family in enumerate(families):
        if each_family.home_area not in area_ids:
            add(
                DocumentProblem(
                    f"families[{fi}].home_area", f"no area has id {each_family.home_area!r}"
                )
            )
        for mi, member in enumerate(each_family.members):
            known = people.setdefault(member.id, member)
            if known != member:
                add(
                    DocumentProblem(
                        f"families[{fi}].members[{mi}]",
                        f"person {member.id!r} appears twice with different details",
                    )
                )
            if member.id in professional_ids:
                add(
                    DocumentProblem(
                        f"families[{fi}].members[{mi}].id",
                        f"id {member.id!r} is also a professional's",
                    )
                )

    for ui, each_unit in enumerate(units):
        for area in sorted(each_unit.areas):
            if area not in area_ids:
                add(DocumentProblem(f"units[{ui}].areas", f"no area has id {area!r}"))
    for pi, professional in enumerate(professionals):
        if professional.unit not in unit_ids:
            add(
                DocumentProblem(
                    f"professionals[{pi}].unit", f"no unit has id {professional.unit!r}"
                )
            )

    family: Family | None
    meeting: Meeting | None
    network_of: dict[str, set[PersonId]] = {}
    for ni, nmap in enumerate(network_maps):
        path = f"network_maps[{ni}]"
        family = family_by_id.get(nmap.family)
        if family is None:
            add(DocumentProblem(f"{path}.family", f"no family has id {nmap.family!r}"))
            continue
        member_ids = {m.id for m in family.members}
        for di, person in enumerate(nmap.drawn_with):
            if person not in member_ids:
                add(
                    DocumentProblem(
                        f"{path}.drawn_with[{di}]", f"{person!r} is not a member of the family"
                    )
                )
            elif family.member(person).birth_date > nmap.drawn_on:
                add(
                    DocumentProblem(
                        f"{path}.drawn_with[{di}]", f"{person!r} was not yet born on drawn_on"
                    )
                )
        if nmap.focal_person is not None and nmap.focal_person not in member_ids:
            add(
                DocumentProblem(
                    f"{path}.focal_person", f"{nmap.focal_person!r} is not a member of the family"
                )
            )
        for mi, alter in enumerate(nmap.members):
            if alter.professional is not None and alter.professional not in professional_ids:
                add(
                    DocumentProblem(
                        f"{path}.members[{mi}].professional",
                        f"no professional has id {alter.professional!r}",
                    )
                )
        network_of.setdefault(nmap.family, set()).update(m.id for m in nmap.members)

    def known_person(person: PersonId) -> bool:
        return (
            person in people
            or person in professional_ids
            or any(person in ids for ids in network_of.values())
        )

    for ci, concern in enumerate(concerns):
        path = f"concerns[{ci}]"
        if concern.worker not in professional_ids:
            add(DocumentProblem(f"{path}.worker", f"no professional has id {concern.worker!r}"))
        family = family_by_id.get(concern.family)
        if family is None:
            add(DocumentProblem(f"{path}.family", f"no family has id {concern.family!r}"))
        elif concern.child not in {m.id for m in family.members}:
            add(
                DocumentProblem(f"{path}.child", f"{concern.child!r} is not a member of the family")
            )
        elif family.member(concern.child).birth_date > concern.noticed_on:
            add(DocumentProblem(f"{path}.noticed_on", "the child was not yet born on noticed_on"))

    for mi, meeting in enumerate(meetings):
        path = f"meetings[{mi}]"
        family = None
        if meeting.family is not None:
            family = family_by_id.get(meeting.family)
            if family is None:
                add(DocumentProblem(f"{path}.family", f"no family has id {meeting.family!r}"))
        if meeting.area is not None and meeting.area not in area_ids:
            add(DocumentProblem(f"{path}.area", f"no area has id {meeting.area!r}"))
        if meeting.concern is not None:
            about = concern_by_id.get(meeting.concern)
            if about is None:
                add(DocumentProblem(f"{path}.concern", f"no concern has id {meeting.concern!r}"))
            elif about.family != meeting.family:
                add(DocumentProblem(f"{path}.concern", "a concern about another family"))
            elif meeting.held_on < about.noticed_on:
                add(
                    DocumentProblem(f"{path}.held_on", "before the concern it is about was noticed")
                )
        family_members = {m.id for m in family.members} if family is not None else set()
        network = network_of.get(meeting.family or "", set())
        for pi, participant in enumerate(meeting.participants):
            ppath = f"{path}.participants[{pi}]"
            person, role = participant.person, participant.role
            if role.is_professional and person not in professional_ids:
                add(DocumentProblem(f"{ppath}.person", f"no professional has id {person!r}"))
            elif role.is_family and family is not None and person not in family_members:
                add(DocumentProblem(f"{ppath}.person", f"{person!r} is not a member of the family"))
            elif role is MeetingRole.CLOSE_NETWORK and family is not None and person not in network:
                add(
                    DocumentProblem(
                        f"{ppath}.person", f"{person!r} is on none of the family's network maps"
                    )
                )
            if participant.unit is not None and participant.unit not in unit_ids:
                add(DocumentProblem(f"{ppath}.unit", f"no unit has id {participant.unit!r}"))
        for si, issue in enumerate(meeting.structural_issues):
            if not known_person(issue.raised_by):
                add(
                    DocumentProblem(
                        f"{path}.structural_issues[{si}].raised_by",
                        f"no person has id {issue.raised_by!r}",
                    )
                )

    for pi, plan in enumerate(plans):
        path = f"plans[{pi}]"
        meeting = meeting_by_id.get(plan.meeting)
        if meeting is None:
            add(DocumentProblem(f"{path}.meeting", f"no meeting has id {plan.meeting!r}"))
        elif meeting.family != plan.family:
            add(DocumentProblem(f"{path}.family", "not the family of the meeting"))
        elif plan.agreed_on < meeting.held_on:
            add(DocumentProblem(f"{path}.agreed_on", "before the meeting it was made in"))
        for ii, item in enumerate(plan.items):
            if not known_person(item.responsible):
                add(
                    DocumentProblem(
                        f"{path}.items[{ii}].responsible", f"no person has id {item.responsible!r}"
                    )
                )
            for person in sorted(item.with_whom):
                if not known_person(person):
                    add(
                        DocumentProblem(
                            f"{path}.items[{ii}].with_whom", f"no person has id {person!r}"
                        )
                    )
        for field in ("child_views", "dissents"):
            for vi, view in enumerate(getattr(plan, field)):
                if not known_person(view.person):
                    add(
                        DocumentProblem(
                            f"{path}.{field}[{vi}].person", f"no person has id {view.person!r}"
                        )
                    )
        for ni, not_sought in enumerate(plan.views_not_sought):
            if not known_person(not_sought.child):
                add(
                    DocumentProblem(
                        f"{path}.views_not_sought[{ni}].child",
                        f"no person has id {not_sought.child!r}",
                    )
                )

    for ki, consent in enumerate(consents):
        path = f"consents[{ki}]"
        family = family_by_id.get(consent.family)
        if family is None:
            add(DocumentProblem(f"{path}.family", f"no family has id {consent.family!r}"))
        else:
            members = {m.id for m in family.members}
            for field in ("subject", "given_by"):
                if getattr(consent, field) not in members:
                    add(
                        DocumentProblem(
                            f"{path}.{field}",
                            f"{getattr(consent, field)!r} is not a member of the family",
                        )
                    )
            if consent.giver is ConsentGiver.CUSTODIAN and not family.is_custodian(
                consent.given_by, consent.subject
            ):
                add(
                    DocumentProblem(
                        f"{path}.given_by",
                        f"{consent.given_by!r} has no custody of {consent.subject!r}",
                    )
                )
        for unit in sorted(consent.units):
            if unit not in unit_ids:
                add(DocumentProblem(f"{path}.units", f"no unit has id {unit!r}"))
    return problems


@attrs.frozen(kw_only=True)
class Bundle:
    """Openco objects whose references to each other all resolve.

    Areas, units, professionals, families and their maps, concerns, meetings, plans and
    consents. This is the unit an embedding system stores and exchanges as one JSON document.

    Raises:
        InvalidModelError: a reference does not resolve; :func:`reference_problems` lists all.
    """

    areas: tuple[Area, ...] = attrs.field(default=(), converter=_areas)
    units: tuple[ServiceUnit, ...] = attrs.field(default=(), converter=_units)
    professionals: tuple[Professional, ...] = attrs.field(default=(), converter=_professionals)
    families: tuple[Family, ...] = attrs.field(default=(), converter=_families)
    network_maps: tuple[NetworkMap, ...] = attrs.field(default=(), converter=_network_maps)
    concerns: tuple[Concern, ...] = attrs.field(default=(), converter=_concerns)
    meetings: tuple[Meeting, ...] = attrs.field(default=(), converter=_meetings)
    plans: tuple[Plan, ...] = attrs.field(default=(), converter=_plans)
    consents: tuple[Consent, ...] = attrs.field(default=(), converter=_consents)

    def __attrs_post_init__(self) -> None:
        kinds = {
            "areas": Area, "units": ServiceUnit, "professionals": Professional,
            "families": Family, "network_maps": NetworkMap, "concerns": Concern,
            "meetings": Meeting, "plans": Plan, "consents": Consent,
        }  # fmt: skip
        for name, kind in kinds.items():
            items = getattr(self, name)
            if not isinstance(items, tuple):
                raise v.fail_as(
                    "Bundle",
                    name,
                    items,
                    f"a list, tuple or set of {kind.__name__} objects, not text or a single value",
                    "list",
                )
            for index, item in enumerate(items):
                if not isinstance(item, kind):
                    raise v.fail_as(
                        "Bundle", f"{name}[{index}]", item, f"a {kind.__name__}", "element"
                    )
        problems = reference_problems(**attrs.asdict(self, recurse=False))
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise v.fail_as(
                "Bundle",
                first.path,
                first.message,
                f"resolved references{more}",
                "reference",
                more=len(problems) - 1,
            )

    def family(self, family_id: str) -> Family:
        """The family with id *family_id*.

        Raises:
            InvalidModelError: no family has that id.
        """
        for f in self.families:
            if f.id == family_id:
                return f
        raise v.fail_as("Bundle", "families", family_id, "the id of a family", "unknown_family")

    def maps_of(self, family_id: str) -> tuple[NetworkMap, ...]:
        """The versions of *family_id*'s network map, oldest first."""
        return tuple(
            sorted(
                (m for m in self.network_maps if m.family == family_id), key=lambda m: m.drawn_on
            )
        )
