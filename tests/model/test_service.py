from typing import Any

import attrs
import pytest
from hypothesis import given

from openco.model import (
    Area,
    AreaId,
    PersonId,
    Professional,
    ProfessionalId,
    ServiceKind,
    ServiceUnit,
    UnitId,
)
from openco.testing import areas, professionals, service_units
from tests.model.refusal import FEWER_EXAMPLES, Changes, assert_change_refused, change


class TestServiceUnit:
    def test_areas_may_be_given_as_a_list(self) -> None:
        unit = ServiceUnit(
            id=UnitId("clinic"),
            name="Neuvola",
            kind=ServiceKind.CHILD_HEALTH_CLINIC,
            areas=[AreaId("north"), AreaId("south"), AreaId("north")],
        )

        assert unit.areas == frozenset({"north", "south"})
        assert not unit.in_family_centre

    @given(unit=service_units())
    def test_a_generated_unit_serves_at_least_one_area(self, unit: ServiceUnit) -> None:
        assert attrs.evolve(unit) == unit
        assert unit.areas


class TestProfessional:
    def test_a_professional_is_not_a_facilitator_unless_said(self) -> None:
        worker = Professional(
            id=ProfessionalId(PersonId("w1")),
            name="Elmeri",
            unit=UnitId("clinic"),
            profession="public health nurse",
            mandated_notifier=True,
        )

        assert not worker.trained_facilitator

    @given(worker=professionals())
    def test_a_generated_professional_survives_reconstruction(self, worker: Professional) -> None:
        assert attrs.evolve(worker) == worker


class TestArea:
    @given(area=areas())
    def test_a_generated_area_survives_reconstruction(self, area: Area) -> None:
        assert attrs.evolve(area) == area


INVALID_AREA: list[Any] = [
    pytest.param(change(id="north pole"), "id", id="id with a space"),
    pytest.param(change(name=""), "name", id="name empty"),
    pytest.param(change(municipality=None), "municipality", id="municipality None"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_AREA)
@FEWER_EXAMPLES
@given(area=areas())
def test_an_invalid_area_is_refused_naming_the_field(
    area: Area, changes: Changes, field: str
) -> None:
    assert_change_refused(area, changes, field)


INVALID_UNIT: list[Any] = [
    pytest.param(change(id=""), "id", id="id empty"),
    pytest.param(change(name="\n"), "name", id="name blank"),
    pytest.param(change(kind="ngo"), "kind", id="kind as text"),
    pytest.param(change(areas=()), "areas", id="no areas"),
    pytest.param(change(areas="vaaralampi"), "areas", id="one area as text"),
    pytest.param(change(areas=None), "areas", id="areas None"),
    pytest.param(change(areas=[""]), "areas[0]", id="an area not an id"),
    pytest.param(change(in_family_centre="yes"), "in_family_centre", id="flag as text"),
    pytest.param(change(in_family_centre=1), "in_family_centre", id="flag as a number"),
    pytest.param(change(in_family_centre=None), "in_family_centre", id="flag None"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_UNIT)
@FEWER_EXAMPLES
@given(unit=service_units())
def test_an_invalid_unit_is_refused_naming_the_field(
    unit: ServiceUnit, changes: Changes, field: str
) -> None:
    assert_change_refused(unit, changes, field)


INVALID_PROFESSIONAL: list[Any] = [
    pytest.param(change(id="@w1"), "id", id="id starting with punctuation"),
    pytest.param(change(name=""), "name", id="name empty"),
    pytest.param(change(unit=None), "unit", id="unit None"),
    pytest.param(change(profession="  "), "profession", id="profession blank"),
    pytest.param(change(mandated_notifier=None), "mandated_notifier", id="notifier None"),
    pytest.param(change(mandated_notifier=0), "mandated_notifier", id="notifier as a number"),
    pytest.param(change(trained_facilitator="no"), "trained_facilitator", id="facilitator text"),
]


@pytest.mark.parametrize(("changes", "field"), INVALID_PROFESSIONAL)
@FEWER_EXAMPLES
@given(worker=professionals())
def test_an_invalid_professional_is_refused_naming_the_field(
    worker: Professional, changes: Changes, field: str
) -> None:
    assert_change_refused(worker, changes, field)
