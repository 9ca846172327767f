"""Close-network maps: named relatives, friends and neighbours, plus the family's workers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from random import Random
from typing import Final

from openco.model import (
    ContactFrequency,
    FamilyId,
    MemberTie,
    NetworkMap,
    NetworkMapId,
    NetworkMember,
    NetworkSector,
    PersonId,
    Professional,
    Ring,
    SupportDirection,
    SupportType,
    TieQuality,
)
from openco.synthetic._sampling import cumulative, days_back, negative_binomial, pick
from openco.synthetic.config import PopulationConfig
from openco.synthetic.names import first_name

RELATIVE, FRIEND, NEIGHBOUR = 0, 1, 2
_SECTOR_OF_KIND: Final = (
    NetworkSector.RELATIVES,
    NetworkSector.FRIENDS_AND_NEIGHBOURS,
    NetworkSector.FRIENDS_AND_NEIGHBOURS,
)
_RINGS: Final = (Ring.INNER, Ring.MIDDLE, Ring.OUTER)
_RING_CUM_OF_KIND: Final = (
    cumulative((0.45, 0.35, 0.20)),  # relatives sit close
    cumulative((0.25, 0.45, 0.30)),
    cumulative((0.10, 0.35, 0.55)),  # neighbours mostly on the outer ring
)
_SUPPORTIVE_BY_RING: Final = (0.80, 0.50, 0.25)
_OTHER_QUALITIES: Final = (TieQuality.WEAK, TieQuality.STRAINED, TieQuality.BROKEN)
_OTHER_QUALITY_CUM: Final = cumulative((0.60, 0.30, 0.10))
_DIRECTIONS: Final = (
    SupportDirection.MUTUAL,
    SupportDirection.TO_FAMILY,
    SupportDirection.FROM_FAMILY,
    SupportDirection.NONE,
)
_DIRECTION_CUM: Final = {
    TieQuality.SUPPORTIVE: cumulative((0.45, 0.40, 0.15, 0.0)),
    TieQuality.WEAK: cumulative((0.20, 0.20, 0.10, 0.50)),
    TieQuality.STRAINED: cumulative((0.05, 0.10, 0.25, 0.60)),
    TieQuality.BROKEN: cumulative((0.0, 0.0, 0.0, 1.0)),
}
_SUPPORT_CHANCE: Final = (
    (SupportType.EMOTIONAL, 0.70),
    (SupportType.PRACTICAL, 0.50),
    (SupportType.INFORMATIONAL, 0.35),
)
_FREQUENCIES: Final = (
    ContactFrequency.DAILY,
    ContactFrequency.WEEKLY,
    ContactFrequency.MONTHLY,
    ContactFrequency.RARELY,
)
_FREQUENCY_CUM_BY_RING: Final = (
    cumulative((0.45, 0.45, 0.08, 0.02)),
    cumulative((0.10, 0.45, 0.35, 0.10)),
    cumulative((0.02, 0.18, 0.40, 0.40)),
)
_TIE_QUALITY_CUM: Final = cumulative((0.70, 0.20, 0.10))
_TIE_QUALITIES: Final = (TieQuality.SUPPORTIVE, TieQuality.WEAK, TieQuality.STRAINED)
_PROFESSIONAL_TIE: Final = 0.30
_WORKER_RING_CUM: Final = cumulative((0.10, 0.50, 0.40))
_WORKER_SUPPORTS_ANYWAY: Final = 0.3
_WORKER_ALSO_PRACTICAL: Final = 0.5
_NEGBIN_P: Final = 2 / 7


def network_size(rng: Random, config: PopulationConfig) -> int:
    """How many informal people the family names: 3, or 4 + NegBin(2, 2/7), capped."""
    if rng.random() < config.exactly_three_share:
        return 3
    return min(config.max_network_size, 4 + negative_binomial(rng, 2, _NEGBIN_P))


def _support(rng: Random, direction: SupportDirection) -> frozenset[SupportType]:
    if direction not in (SupportDirection.TO_FAMILY, SupportDirection.MUTUAL):
        return frozenset()
    given = [kind for kind, chance in _SUPPORT_CHANCE if rng.random() < chance]
    return frozenset(given or (SupportType.EMOTIONAL,))


def build_network_map(
    rng: Random,
    *,
    family: FamilyId,
    drawn_with: PersonId,
    professionals: Sequence[Professional],
    config: PopulationConfig,
    kind_cum: tuple[float, ...],
) -> NetworkMap:
    """The family's map: named informal people, the family's professionals, who knows whom."""
    members: list[NetworkMember] = []
    kinds: list[int] = []
    for k in range(network_size(rng, config)):
        kind = pick(rng, kind_cum)
        ring = pick(rng, _RING_CUM_OF_KIND[kind])
        if rng.random() < _SUPPORTIVE_BY_RING[ring]:
            quality = TieQuality.SUPPORTIVE
        else:
            quality = _OTHER_QUALITIES[pick(rng, _OTHER_QUALITY_CUM)]
        direction = _DIRECTIONS[pick(rng, _DIRECTION_CUM[quality])]
        members.append(
            NetworkMember(
                id=PersonId(f"{family}-n{k + 1}"),
                label=first_name(rng),
                sector=_SECTOR_OF_KIND[kind],
                ring=_RINGS[ring],
                tie=quality,
                direction=direction,
                support=_support(rng, direction),
                frequency=_FREQUENCIES[pick(rng, _FREQUENCY_CUM_BY_RING[ring])],
            )
        )
        kinds.append(kind)
    for worker in professionals:
        placed = _RINGS[pick(rng, _WORKER_RING_CUM)]
        quality = _TIE_QUALITIES[pick(rng, _TIE_QUALITY_CUM)]
        gives = quality is TieQuality.SUPPORTIVE or rng.random() < _WORKER_SUPPORTS_ANYWAY
        members.append(
            NetworkMember(
                id=worker.id,
                label=worker.profession,
                sector=NetworkSector.PROFESSIONALS,
                ring=placed,
                tie=quality,
                direction=SupportDirection.TO_FAMILY if gives else SupportDirection.NONE,
                support=(
                    (SupportType.INFORMATIONAL, SupportType.PRACTICAL)
                    if gives and rng.random() < _WORKER_ALSO_PRACTICAL
                    else (SupportType.INFORMATIONAL,)
                    if gives
                    else ()
                ),
                professional=worker.id,
                frequency=ContactFrequency.MONTHLY,
            )
        )
        kinds.append(-1)
    within = config.tie_probability_within
    across = config.tie_probability_across
    ties: list[MemberTie] = []
    count = len(members)
    for i in range(count):
        ki = kinds[i]
        for j in range(i + 1, count):
            kj = kinds[j]
            if ki < 0 or kj < 0:
                chance = _PROFESSIONAL_TIE if ki == kj else 0.0
            else:
                chance = within[ki] if ki == kj else across
            if chance and rng.random() < chance:
                ties.append(
                    MemberTie(
                        a=members[i].id,
                        b=members[j].id,
                        quality=_TIE_QUALITIES[pick(rng, _TIE_QUALITY_CUM)],
                    )
                )
    return NetworkMap(
        id=NetworkMapId(f"{family}-map1"),
        family=family,
        drawn_on=config.reference_date - dt.timedelta(days=days_back(rng, 0, 364)),
        drawn_with=(drawn_with,),
        members=members,
        ties=ties,
    )
