"""The Hypothesis plugin that lets ``st.from_type(Family)`` use :mod:`openco.testing`'s strategies.

Hypothesis imports this module and calls :func:`_hypothesis_setup_hook` when Hypothesis itself is
imported, through the ``hypothesis`` entry point declared in ``pyproject.toml``. Without it,
``st.from_type(Family)`` and ``st.builds(f)`` with inferred arguments would build openco classes
from their field annotations, which know nothing of the invariants: the ids would not be ids and
the dates would come in any order, so almost every draw would be refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _ignoring_type(make: Callable[[], Any]) -> Callable[[type], Any]:
    """A resolver for ``st.register_type_strategy`` that calls *make* for the strategy."""
    return lambda _: make()


def _hypothesis_setup_hook() -> None:
    # Imported here, not at module level, so that merely loading the entry point costs nothing;
    # and each type is registered with a function rather than a strategy, because Hypothesis
    # evaluates a registered strategy at once, while it is still being imported.
    from hypothesis import strategies as st  # noqa: PLC0415 - lazy on purpose, see above

    from openco import model  # noqa: PLC0415 - lazy on purpose
    from openco.testing import model as strategies  # noqa: PLC0415 - lazy on purpose

    defaults: dict[type, Callable[[], Any]] = {
        model.Area: strategies.areas,
        model.Bundle: strategies.bundles,
        model.Concern: strategies.concerns,
        model.Consent: strategies.consents,
        model.Custody: strategies.custodies,
        model.Family: strategies.families,
        model.Meeting: strategies.meetings,
        model.MemberTie: strategies.member_ties,
        model.NetworkMap: strategies.network_maps,
        model.NetworkMember: strategies.network_members,
        model.Participant: strategies.participants,
        model.Person: strategies.people,
        model.Plan: strategies.plans,
        model.PlanItem: strategies.plan_items,
        model.Professional: strategies.professionals,
        model.ServiceUnit: strategies.service_units,
        model.StructuralIssue: strategies.structural_issues,
        model.View: strategies.views,
        model.ZoneAssessment: strategies.zone_assessments,
    }
    for kind, strategy in defaults.items():
        st.register_type_strategy(kind, _ignoring_type(strategy))
    # Ids are NewTypes of str, which from_type would fill with any text; every kind of id
    # follows the same pattern, so they all draw from person_ids().
    ids = (
        model.AreaId, model.ConcernId, model.ConsentId, model.FamilyId, model.MeetingId,
        model.NetworkMapId, model.PersonId, model.PlanId, model.PlanItemId,
        model.ProfessionalId, model.UnitId,
    )  # fmt: skip
    for id_type in ids:
        st.register_type_strategy(id_type, _ignoring_type(strategies.person_ids))
