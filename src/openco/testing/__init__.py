"""Hypothesis strategies for openco types, for property-based tests of code that uses openco.

Install the extra to use them: ``pip install 'openco[testing]'``. Every public class of
:mod:`openco.model` has a strategy named as Hypothesis names its own (plural, lower case):
:func:`families`, :func:`network_maps`, :func:`concerns` … and :func:`bundles` for whole,
consistent bundles. Called with no arguments a strategy produces any valid object; options are
keyword-only, and options that vary are passed as strategies.

Once openco is installed, ``st.from_type(Family)`` (and ``st.builds`` with inferred arguments)
also uses these strategies, through a Hypothesis plugin registered as an entry point.

For workflows, :mod:`openco.testing.workflow` (re-exported here) has strategies for cases and
step sequences (:func:`cases`, :func:`step_sequences`, :func:`attempts`, :func:`details`),
casts drawn with their records, declarations and statutory bases (:func:`casts`),
builders of a known-good story (:func:`make_cast`, :func:`good_path`, :func:`good_case`) and
:class:`WorkflowStateMachine`, a :class:`~hypothesis.stateful.RuleBasedStateMachine` base to
subclass for a municipality's own workflow variant.

This package imports :mod:`openco.model`, :mod:`openco.process` and Hypothesis; nothing else in
openco imports it, so ``import openco`` works without Hypothesis installed.
"""

from openco.testing.model import areas as areas
from openco.testing.model import bundles as bundles
from openco.testing.model import concerns as concerns
from openco.testing.model import consents as consents
from openco.testing.model import custodians_absences as custodians_absences
from openco.testing.model import custodies as custodies
from openco.testing.model import families as families
from openco.testing.model import interpreter_needs as interpreter_needs
from openco.testing.model import meetings as meetings
from openco.testing.model import member_ties as member_ties
from openco.testing.model import network_maps as network_maps
from openco.testing.model import network_members as network_members
from openco.testing.model import participants as participants
from openco.testing.model import people as people
from openco.testing.model import person_ids as person_ids
from openco.testing.model import plan_items as plan_items
from openco.testing.model import plans as plans
from openco.testing.model import professionals as professionals
from openco.testing.model import recurrences as recurrences
from openco.testing.model import service_units as service_units
from openco.testing.model import structural_issues as structural_issues
from openco.testing.model import views as views
from openco.testing.model import views_not_sought as views_not_sought
from openco.testing.model import zone_assessments as zone_assessments
from openco.testing.workflow import Attempt as Attempt
from openco.testing.workflow import Cast as Cast
from openco.testing.workflow import WorkflowStateMachine as WorkflowStateMachine
from openco.testing.workflow import attempts as attempts
from openco.testing.workflow import cases as cases
from openco.testing.workflow import casts as casts
from openco.testing.workflow import details as details
from openco.testing.workflow import good_case as good_case
from openco.testing.workflow import good_path as good_path
from openco.testing.workflow import make_cast as make_cast
from openco.testing.workflow import step_sequences as step_sequences

__all__ = [
    "Attempt",
    "Cast",
    "WorkflowStateMachine",
    "areas",
    "attempts",
    "bundles",
    "cases",
    "casts",
    "concerns",
    "consents",
    "custodians_absences",
    "custodies",
    "details",
    "families",
    "good_case",
    "good_path",
    "interpreter_needs",
    "make_cast",
    "meetings",
    "member_ties",
    "network_maps",
    "network_members",
    "participants",
    "people",
    "person_ids",
    "plan_items",
    "plans",
    "professionals",
    "recurrences",
    "service_units",
    "step_sequences",
    "structural_issues",
    "views",
    "views_not_sought",
    "zone_assessments",
]
