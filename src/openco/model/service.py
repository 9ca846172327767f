"""Areas, service units and the professionals who work in them."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from openco.model import _validators as v
from openco.model.ids import AreaId, ProfessionalId, UnitId
from openco.model.label import LabelledEnum

__all__ = ["Area", "Professional", "ServiceKind", "ServiceUnit"]


class ServiceKind(LabelledEnum):
    """The kind of service a unit gives."""

    CHILD_HEALTH_CLINIC = (
        "child_health_clinic",
        "lastenneuvola",
        "barnrådgivning",
        "child health clinic",
    )
    EARLY_CHILDHOOD_EDUCATION = (
        "early_childhood_education",
        "varhaiskasvatus",
        "småbarnspedagogik",
        "early childhood education",
    )
    FAMILY_SOCIAL_WORK = (
        "family_social_work",
        "lapsiperheiden sosiaalityö",
        "socialt arbete för barnfamiljer",
        "family social work",
    )
    CHILD_WELFARE = ("child_welfare", "lastensuojelu", "barnskydd", "child welfare")
    REHABILITATION = ("rehabilitation", "kuntoutus", "rehabilitering", "rehabilitation")
    FAMILY_COUNSELLING = (
        "family_counselling",
        "perheneuvola",
        "familjerådgivning",
        "family counselling",
    )
    SCHOOL_WELFARE = ("school_welfare", "oppilashuolto", "elevvård", "school welfare")
    YOUTH_SERVICES = ("youth_services", "nuorisopalvelut", "ungdomstjänster", "youth services")
    OTHER_HEALTH_CARE = (
        "other_health_care",
        "muu terveydenhuolto",
        "annan hälso- och sjukvård",
        "other health care",
    )
    NGO = ("ngo", "järjestö", "organisation", "NGO")
    PARISH = ("parish", "seurakunta", "församling", "parish")
    OTHER = ("other", "muu", "annan", "other")


@attrs.frozen(kw_only=True)
class Area:
    """A local area whose actors meet together, such as Vaaralampi or Ounasrinne.

    >>> Area(id=AreaId("vaaralampi"), name="Vaaralampi", municipality="Rovaniemi").name
    'Vaaralampi'
    """

    id: AreaId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    municipality: str = attrs.field(validator=v.text)


def _areas(value: Iterable[AreaId]) -> frozenset[AreaId]:
    return v.to_frozenset(value)


@attrs.frozen(kw_only=True)
class ServiceUnit:
    """A unit that serves families in one or more areas, e.g. a day-care centre.

    *in_family_centre* says whether the unit belongs to the area's family-centre network
    (perhekeskus).
    """

    id: UnitId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    kind: ServiceKind = attrs.field(validator=v.member_of(ServiceKind))
    areas: frozenset[AreaId] = attrs.field(
        repr=v.set_repr,
        converter=_areas,
        validator=[v.collection(frozenset, "area ids"), v.non_empty, v.identifiers],
    )
    in_family_centre: bool = attrs.field(default=False, validator=v.boolean)


@attrs.frozen(kw_only=True)
class Professional:
    """A worker of a service unit.

    *mandated_notifier* says whether the worker must notify child welfare under the Child
    Welfare Act §25 (every health-care professional, and staff of day care, education, social
    services, parishes and the other listed sectors). It is recorded, not guessed from the unit:
    a volunteer at an NGO, for example, is not a mandated notifier.
    *trained_facilitator* marks the network consultants who can facilitate an anticipation
    dialogue.
    """

    id: ProfessionalId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    unit: UnitId = attrs.field(validator=v.identifier)
    profession: str = attrs.field(validator=v.text)
    mandated_notifier: bool = attrs.field(validator=v.boolean)
    trained_facilitator: bool = attrs.field(default=False, validator=v.boolean)
