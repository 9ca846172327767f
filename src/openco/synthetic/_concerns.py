"""Workers' own concerns about children, with their zone trajectories over time."""

from __future__ import annotations

import datetime as dt
from random import Random
from typing import Final

from openco.model import (
    Concern,
    ConcernId,
    ConcernZone,
    Family,
    GreySubzone,
    Need,
    OwnMeans,
    Professional,
    ProfessionalId,
    ZoneAssessment,
)
from openco.synthetic.config import PopulationConfig

__all__ = ["build_family_concerns"]

_WORRIES: Final = (
    "tired in the mornings",
    "withdrawn in play",
    "often absent",
    "hard to reach at home",
    "conflicts at pick-up",
)
_STRENGTHS: Final = ("loves drawing", "a close grandmother", "a caring older sibling")

# Each step of a trajectory: the zone, its grey subzone, the worker's own means, extra need.
_STEPS: Final = (
    (ConcernZone.SMALL, None, OwnMeans.SUFFICIENT, Need.NONE),
    (ConcernZone.GREY, GreySubzone.LOWER, OwnMeans.RUNNING_OUT, Need.SMALL),
    (ConcernZone.GREY, GreySubzone.UPPER, OwnMeans.RUNNING_OUT, Need.CLEAR),
)


def _assessment(on: dt.date, step: int, assessor: ProfessionalId) -> ZoneAssessment:
    zone, subzone, own, need = _STEPS[step]
    return ZoneAssessment(
        on=on, assessor=assessor, zone=zone, subzone=subzone, own_means=own, extra_resources=need
    )


def build_family_concerns(
    rng: Random,
    *,
    family: Family,
    workers: tuple[Professional, ...],
    config: PopulationConfig,
) -> tuple[Concern, ...]:
    """At most one concern per family: a worker's own, about one child, graded over time.

    A share ``config.concern_share`` of the families with a worker has one. Its trajectory
    starts at small or grey and moves up, down or stays over up to three assessments, each
    two to six weeks after the last, none after ``config.reference_date``.
    """
    if not workers or rng.random() >= config.concern_share:
        return ()
    today = config.reference_date
    worker = workers[int(rng.random() * len(workers))]
    children = [m for m in family.members if m.id.rsplit("-", 1)[-1].startswith("c")]
    child = children[int(rng.random() * len(children))]
    assessments = int(rng.random() * 3) + 1
    gaps = [14 + int(rng.random() * 29) for _ in range(assessments - 1)]
    noticed = today - dt.timedelta(days=30 + sum(gaps) + int(rng.random() * 180))
    noticed = max(noticed, child.birth_date)
    while gaps and noticed + dt.timedelta(days=sum(gaps)) > today:
        gaps.pop()  # a baby born lately: fewer gradings so far
    step = int(rng.random() * 2)
    on = noticed
    graded = [_assessment(on, step, worker.id)]
    for gap in gaps:
        on += dt.timedelta(days=gap)
        step = min(max(step + int(rng.random() * 3) - 1, 0), len(_STEPS) - 1)
        graded.append(_assessment(on, step, worker.id))
    worries = (_WORRIES[int(rng.random() * len(_WORRIES))],)
    strengths = (_STRENGTHS[int(rng.random() * len(_STRENGTHS))],)
    return (
        Concern(
            id=ConcernId(f"{family.id}-k1"),
            worker=worker.id,
            child=child.id,
            family=family.id,
            noticed_on=noticed,
            assessments=tuple(graded),
            worries=worries,
            strengths=strengths,
        ),
    )
