"""Areas, service units and the professionals who work in them."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from openco.model import _validators as v
from openco.model.ids import AreaId, ProfessionalId, UnitId
from openco.model.label import LabelledEnum

__all__ = ["Area", "DataController", "Professional", "ServiceKind", "ServiceUnit"]


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

    @property
    def is_social_services(self) -> bool:
        """Whether the unit is social services (family social work or child welfare).

        These are the units that receive notifications and run the statutory assessment.
        """
        return self in (ServiceKind.FAMILY_SOCIAL_WORK, ServiceKind.CHILD_WELFARE)

    @property
    def usual_controller(self) -> DataController:
        """The data controller a unit of this kind usually belongs to since the 2023 reform.

        Social and health services (school welfare's psychologists and social workers
        included) belong to the wellbeing area; early childhood education and youth services
        to the municipality; an NGO, a parish or another provider is its own controller.
        """
        if self in _WELLBEING_AREA_KINDS:
            return DataController.WELLBEING_AREA
        if self in (ServiceKind.EARLY_CHILDHOOD_EDUCATION, ServiceKind.YOUTH_SERVICES):
            return DataController.MUNICIPALITY
        return DataController.OWN


class DataController(LabelledEnum):
    """Who is the controller of a unit's client data (rekisterinpitäjä).

    Data moving between units of different controllers is a disclosure (luovutus). ``OWN``
    marks a unit that is a controller of its own (an NGO, a parish, a private provider): two
    such units are two controllers.
    """

    WELLBEING_AREA = (
        "wellbeing_area",
        "hyvinvointialue",
        "välfärdsområdet",
        "the wellbeing services county",
    )
    MUNICIPALITY = ("municipality", "kunta", "kommunen", "the municipality")
    OWN = ("own", "oma rekisterinpitäjä", "egen personuppgiftsansvarig", "its own controller")


_WELLBEING_AREA_KINDS = frozenset(
    {
        ServiceKind.CHILD_HEALTH_CLINIC,
        ServiceKind.FAMILY_SOCIAL_WORK,
        ServiceKind.CHILD_WELFARE,
        ServiceKind.REHABILITATION,
        ServiceKind.FAMILY_COUNSELLING,
        ServiceKind.SCHOOL_WELFARE,
        ServiceKind.OTHER_HEALTH_CARE,
    }
)


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


def _usual_controller(unit: ServiceUnit) -> DataController:
    # A bad kind is refused by its own validator, which runs after this default.
    kind = unit.kind
    return kind.usual_controller if isinstance(kind, ServiceKind) else DataController.OWN


@attrs.frozen(kw_only=True)
class ServiceUnit:
    """A unit that serves families in one or more areas, e.g. a day-care centre.

    *in_family_centre* says whether the unit belongs to the area's family-centre network
    (perhekeskus). *controller* is the data controller the unit belongs to; it defaults to the
    usual one for its kind (:attr:`ServiceKind.usual_controller`).

    >>> unit = ServiceUnit(id=UnitId("u1"), name="Vaaralammen päiväkoti",
    ...                    kind=ServiceKind.EARLY_CHILDHOOD_EDUCATION, areas={AreaId("v")})
    >>> unit.controller.value, unit.kind.is_social_services
    ('municipality', False)
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
    controller: DataController = attrs.field(
        default=attrs.Factory(_usual_controller, takes_self=True),
        validator=v.member_of(DataController),
    )

    def same_controller(self, other: ServiceUnit) -> bool:
        """Whether data moving between this unit and *other* stays with one controller."""
        if self.controller is not other.controller:
            return False
        return self.controller is not DataController.OWN or self.id == other.id


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
