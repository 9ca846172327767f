"""Random step sequences on the default workflow and on a municipality's variant.

The state machine (:class:`openco.testing.workflow.WorkflowStateMachine`) tries any step with a
drawn detail, and checks after each: a refused step leaves the case unchanged and gives
reasons in fi/sv/en; an accepted step appends exactly one record; ``replay(case.history, ...) ==
case``; the statutory track is reachable from every stage; no plan without the family.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, settings

from openco.process import DEFAULT_WORKFLOW
from openco.testing.workflow import WorkflowStateMachine

SETTINGS = settings(
    max_examples=40,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

from openco.testing.workflow import make_cast  # noqa: E402

RECORDS = make_cast().records
FAR_FUTURE = dt.date(2100, 1, 1)  # replay's 'today': later than every record


class DefaultWorkflow(WorkflowStateMachine):
    """The default workflow, every rule on."""


class RelaxedWorkflow(WorkflowStateMachine):
    """A municipality that does not require anticipation-dialogue facilitators or speaking order."""

    workflow = DEFAULT_WORKFLOW.configured(disabled=["P14", "P15"])


TestDefaultWorkflow = DefaultWorkflow.TestCase
TestDefaultWorkflow.settings = SETTINGS
TestRelaxedWorkflow = RelaxedWorkflow.TestCase
TestRelaxedWorkflow.settings = SETTINGS
