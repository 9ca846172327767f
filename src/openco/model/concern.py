"""A worker's own concern about a child, graded on the zones of concern.

The zones of concern (huolen vyöhykkeistö, Eriksson & Arnkil) describe the *worker's*
situation: how worried they are and how far their own means reach. They are never a label on
the child or the family. So a :class:`Concern` belongs to its worker, its grade lives only in
its :class:`ZoneAssessment` history, and nothing in :mod:`openco.model` derives a zone for a
family.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from openco.model import _validators as v
from openco.model.ids import ConcernId, FamilyId, PersonId, ProfessionalId
from openco.model.label import LabelledEnum

__all__ = [
    "Concern",
    "ConcernZone",
    "GreySubzone",
    "Need",
    "OwnMeans",
    "ZoneAssessment",
]


class ConcernZone(LabelledEnum):
    """How worried the worker is (zones I-IV).

    Zones are ordered: ``ConcernZone.SMALL.rank < ConcernZone.GREY.rank``.
    """

    NONE = ("none", "ei huolta", "ingen oro", "no concern")
    SMALL = ("small", "pieni huoli", "liten oro", "small concern")
    GREY = (
        "grey",
        "tuntuva huoli (harmaa vyöhyke)",
        "betydande oro (grå zon)",
        "considerable concern (grey zone)",
    )
    GREAT = ("great", "suuri huoli", "stor oro", "great concern")

    @property
    def rank(self) -> int:
        """1 for no concern up to 4 for great concern."""
        return list(ConcernZone).index(self) + 1


class GreySubzone(LabelledEnum):
    """The lower or upper part of the grey zone, where a municipality splits it."""

    LOWER = ("lower", "alempi harmaa vyöhyke", "nedre grå zon", "lower grey zone")
    UPPER = ("upper", "ylempi harmaa vyöhyke", "övre grå zon", "upper grey zone")


class OwnMeans(LabelledEnum):
    """How far the worker's own means of helping reach."""

    GOOD = ("good", "hyvät", "goda", "good")
    SUFFICIENT = ("sufficient", "riittävät", "tillräckliga", "sufficient")
    RUNNING_OUT = ("running_out", "ehtymässä", "håller på att ta slut", "running out")
    EXHAUSTED = ("exhausted", "loppuneet", "slut", "exhausted")


class Need(LabelledEnum):
    """How much the worker needs extra resources, or control, to ease the concern."""

    NONE = ("none", "ei tarvetta", "inget behov", "none")
    SMALL = ("small", "vähäinen", "litet", "small")
    CLEAR = ("clear", "selvä", "tydligt", "clear")
    IMMEDIATE = ("immediate", "välitön", "omedelbart", "immediate")


@attrs.frozen(kw_only=True)
class ZoneAssessment:
    """One self-assessment on the zones of concern, by the worker named in *assessor*.

    The zones describe the assessor's own worry and own means, so an assessment always names
    whose it is: a grading by one worker is never read as another worker's view.

    >>> a = ZoneAssessment(
    ...     on=dt.date(2026, 3, 2), assessor=ProfessionalId("w1"), zone=ConcernZone.GREY,
    ...     subzone=GreySubzone.LOWER, own_means=OwnMeans.RUNNING_OUT,
    ...     extra_resources=Need.CLEAR, control=Need.SMALL,
    ... )
    >>> a.step, a.assessor
    (3, 'w1')
    """

    on: dt.date = attrs.field(validator=v.day)
    assessor: ProfessionalId = attrs.field(validator=v.identifier)
    zone: ConcernZone = attrs.field(validator=v.member_of(ConcernZone))
    subzone: GreySubzone | None = attrs.field(
        default=None, validator=v.optional_member_of(GreySubzone)
    )
    own_means: OwnMeans = attrs.field(validator=v.member_of(OwnMeans))
    extra_resources: Need = attrs.field(default=Need.NONE, validator=v.member_of(Need))
    control: Need = attrs.field(default=Need.NONE, validator=v.member_of(Need))
    note: str | None = attrs.field(default=None, validator=v.optional_text)

    @subzone.validator
    def _check_subzone(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and self.zone is not ConcernZone.GREY:
            raise v.fail(
                self, attribute.name, value, "None unless the zone is grey", "subzone_not_grey"
            )

    @property
    def step(self) -> int:
        """The grade on the five-step scale that splits the grey zone.

        1 no concern, 2 small, 3 lower grey (or grey with no subzone), 4 upper grey, 5 great.
        """
        if self.zone is ConcernZone.GREAT:
            return 5
        if self.subzone is GreySubzone.UPPER:
            return 4
        return self.zone.rank


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return v.to_tuple(value)


def _assessments(value: Iterable[ZoneAssessment]) -> tuple[ZoneAssessment, ...]:
    return v.to_tuple(value)


@attrs.frozen(kw_only=True)
class Concern:
    """A worker's own concern about a child, with its grading history and what is going well.

    *worries* say what the worker is worried about; *strengths* record what is going well,
    because the work is resource-oriented. *assessments* is the trajectory of the worker's
    grading, oldest first; :meth:`regraded` adds to it. Every assessment is the concern's
    *worker*'s own (its *assessor* is the worker): a concern is one worker's view.

    >>> first = ZoneAssessment(on=dt.date(2026, 2, 1), assessor=ProfessionalId("w1"),
    ...                        zone=ConcernZone.SMALL, own_means=OwnMeans.GOOD)
    >>> concern = Concern(
    ...     id=ConcernId("c1"), worker=ProfessionalId("w1"), child=PersonId("p2"),
    ...     family=FamilyId("f1"), noticed_on=dt.date(2026, 2, 1), assessments=(first,),
    ...     worries=("Tired and withdrawn in the mornings",),
    ...     strengths=("Warm relationship with her mother",),
    ... )
    >>> later = concern.regraded(ZoneAssessment(
    ...     on=dt.date(2026, 3, 2), assessor=ProfessionalId("w1"), zone=ConcernZone.GREY,
    ...     own_means=OwnMeans.RUNNING_OUT))
    >>> later.zone.label("fi"), [a.zone.value for a in later.assessments]
    ('tuntuva huoli (harmaa vyöhyke)', ['small', 'grey'])
    """

    id: ConcernId = attrs.field(validator=v.identifier)
    worker: ProfessionalId = attrs.field(validator=v.identifier)
    child: PersonId = attrs.field(validator=v.identifier)
    family: FamilyId = attrs.field(validator=v.identifier)
    noticed_on: dt.date = attrs.field(validator=v.day)
    assessments: tuple[ZoneAssessment, ...] = attrs.field(
        converter=_assessments,
        validator=[
            v.collection(tuple, "ZoneAssessment objects"),
            v.non_empty,
            v.each(ZoneAssessment, "a ZoneAssessment"),
        ],
    )
    worries: tuple[str, ...] = attrs.field(
        default=(),
        converter=_texts,
        validator=[v.collection(tuple, "texts"), v.each(str, "a non-empty text", v.text)],
    )
    strengths: tuple[str, ...] = attrs.field(
        default=(),
        converter=_texts,
        validator=[v.collection(tuple, "texts"), v.each(str, "a non-empty text", v.text)],
    )

    @assessments.validator
    def _check_order(self, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        previous = self.noticed_on
        for index, assessment in enumerate(value):
            if assessment.assessor != self.worker:
                raise v.fail(
                    self,
                    f"{attribute.name}[{index}].assessor",
                    assessment.assessor,
                    "the concern's worker (field worker): a concern is one worker's own view",
                    "assessor_not_worker",
                )
            if assessment.on < previous:
                raise v.fail(
                    self,
                    f"{attribute.name}[{index}].on",
                    assessment.on,
                    f"a date on or after {previous} (noticed_on and earlier assessments)",
                    "order",
                )
            previous = assessment.on

    @property
    def current(self) -> ZoneAssessment:
        """The latest assessment."""
        return self.assessments[-1]

    @property
    def zone(self) -> ConcernZone:
        """The zone of the latest assessment."""
        return self.assessments[-1].zone

    def regraded(self, assessment: ZoneAssessment) -> Concern:
        """A copy with *assessment* appended to the trajectory.

        Raises:
            InvalidModelError: *assessment* is dated before the latest one, or is another
                worker's.
        """
        return attrs.evolve(self, assessments=(*self.assessments, assessment))

    def with_strength(self, strength: str) -> Concern:
        """A copy that also records *strength*."""
        return attrs.evolve(self, strengths=(*self.strengths, strength))
