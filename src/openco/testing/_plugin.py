"""The Hypothesis plugin that lets ``st.from_type(Family)`` use :mod:`openco.testing`'s strategies.

Hypothesis imports this module and calls :func:`_hypothesis_setup_hook` when Hypothesis itself is
imported, through the ``hypothesis`` entry point declared in ``pyproject.toml``. Without it,
``st.from_type(Family)`` and ``st.builds(f)`` with inferred arguments would build openco classes
from their field annotations, which know nothing of the invariants: the ids would not be ids and
the dates would come in any order, so almost every draw would be refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the module itself must not import Hypothesis: see _resolver()
    from hypothesis.strategies import SearchStrategy

# The strategy in openco.testing.model for each class and id type of openco.model, by name.
_STRATEGY_FOR: dict[str, str] = {
    "Area": "areas",
    "Bundle": "bundles",
    "Concern": "concerns",
    "Consent": "consents",
    "Custody": "custodies",
    "CustodiansAbsent": "custodians_absences",
    "Family": "families",
    "InterpreterNeed": "interpreter_needs",
    "Meeting": "meetings",
    "MemberTie": "member_ties",
    "NetworkMap": "network_maps",
    "NetworkMember": "network_members",
    "Participant": "participants",
    "Person": "people",
    "Plan": "plans",
    "PlanItem": "plan_items",
    "Professional": "professionals",
    "Recurrence": "recurrences",
    "ServiceUnit": "service_units",
    "StructuralIssue": "structural_issues",
    "View": "views",
    "ViewNotSought": "views_not_sought",
    "ZoneAssessment": "zone_assessments",
    # Ids are NewTypes of str, which from_type would fill with any text. Every kind of id
    # follows the same pattern, so they all draw from person_ids().
    "AreaId": "person_ids",
    "ConcernId": "person_ids",
    "ConsentId": "person_ids",
    "FamilyId": "person_ids",
    "MeetingId": "person_ids",
    "NetworkMapId": "person_ids",
    "PersonId": "person_ids",
    "PlanId": "person_ids",
    "PlanItemId": "person_ids",
    "ProfessionalId": "person_ids",
    "UnitId": "person_ids",
}


def _resolver(name: str) -> Callable[[object], SearchStrategy[Any]]:
    """A resolver for ``st.register_type_strategy`` that calls ``openco.testing.<name>()``."""

    def resolve(_: object) -> SearchStrategy[Any]:
        # Imported only when a type is resolved. At registration time openco.testing may be
        # half imported: importing it is what imports Hypothesis, which then runs this hook.
        from openco.testing import model  # noqa: PLC0415 - see above

        strategy: SearchStrategy[Any] = getattr(model, name)()
        return strategy

    return resolve


def _hypothesis_setup_hook() -> None:
    # Registered as functions rather than strategies: Hypothesis evaluates a registered
    # strategy at once, while it is still being imported.
    from hypothesis import strategies as st  # noqa: PLC0415 - plugins import Hypothesis lazily

    from openco import model  # noqa: PLC0415 - imports nothing but attrs and dateutil

    for type_name, strategy_name in _STRATEGY_FOR.items():
        st.register_type_strategy(getattr(model, type_name), _resolver(strategy_name))
