"""The concern-to-plan workflow, the statutory track beside it, its rules and its worklist.

:mod:`openco.process` turns a worker's concern into a plan agreed with the family, step by
step, as the practice of early open cooperation describes it, and tells an embedding system
what may happen next (:func:`allowed_steps`, :func:`enabled_steps`), what must happen and by
when (:func:`obligations`), and why a step was refused
(:class:`~openco.errors.TransitionNotAllowedError`). Cases are immutable values; every step is
a pure function of the case, the step, the actor and the day.

Modules: ``stages`` (stage and step names), ``details`` and ``statutory`` (what steps record),
``case`` (the case and its history), ``participation`` (who makes the family present),
``rules`` (the rule catalogue, a package: ``legal/``, ``practice/`` and ``integrity``, one
module per rule with its checks and duties), ``transitions`` (the table and its validation),
``workflow`` (open, advance, replay), ``duties``, ``flag`` and ``worklist`` (the worklist and
the flags on records), ``schedule`` (every date calculation) and ``render`` (tables and
diagrams).

This package imports :mod:`openco.model` and :mod:`openco.errors`, python-dateutil and the
``holidays`` calendar; nothing from :mod:`openco.io`, :mod:`openco.analysis` or
:mod:`openco.cli`, and not networkx (the table's reachability check is a few lines of its own),
so that ``import openco.process`` stays light.
"""

from openco.process.case import Case as Case
from openco.process.case import Opening as Opening
from openco.process.case import StepTaken as StepTaken
from openco.process.details import Consultation as Consultation
from openco.process.details import FollowUp as FollowUp
from openco.process.details import Handover as Handover
from openco.process.details import Invitation as Invitation
from openco.process.details import Preparation as Preparation
from openco.process.details import Provision as Provision
from openco.process.details import Raising as Raising
from openco.process.details import StatutoryBasis as StatutoryBasis
from openco.process.disclosure import CAPABLE_AGE as CAPABLE_AGE
from openco.process.disclosure import Disclosure as Disclosure
from openco.process.disclosure import DisclosureGrounds as DisclosureGrounds
from openco.process.disclosure import consent_states as consent_states
from openco.process.disclosure import may_disclose as may_disclose
from openco.process.duties import Duty as Duty
from openco.process.duties import Obligation as Obligation
from openco.process.flag import Flag as Flag
from openco.process.participation import Presence as Presence
from openco.process.participation import family_present as family_present
from openco.process.participation import presence as presence
from openco.process.records import Records as Records
from openco.process.render import render_dot as render_dot
from openco.process.render import render_mermaid as render_mermaid
from openco.process.render import render_rules as render_rules
from openco.process.render import render_table as render_table
from openco.process.rules import CATALOGUE as CATALOGUE
from openco.process.rules import RULES as RULES
from openco.process.rules import Labels as Labels
from openco.process.rules import Rule as Rule
from openco.process.rules import RuleGroup as RuleGroup
from openco.process.rules import RuleKind as RuleKind
from openco.process.rules import Settings as Settings
from openco.process.stages import STATUTORY_STEPS as STATUTORY_STEPS
from openco.process.stages import ActorRole as ActorRole
from openco.process.stages import Stage as Stage
from openco.process.stages import Step as Step
from openco.process.statutory import Channel as Channel
from openco.process.statutory import CriteriaMet as CriteriaMet
from openco.process.statutory import JointContact as JointContact
from openco.process.statutory import Milestone as Milestone
from openco.process.statutory import Notification as Notification
from openco.process.statutory import PoliceNotification as PoliceNotification
from openco.process.statutory import Recipient as Recipient
from openco.process.statutory import SuspectedOffence as SuspectedOffence
from openco.process.transitions import DEFAULT_DETAILS as DEFAULT_DETAILS
from openco.process.transitions import DEFAULT_LOOPS as DEFAULT_LOOPS
from openco.process.transitions import DEFAULT_STATUTORY as DEFAULT_STATUTORY
from openco.process.transitions import DEFAULT_TRANSITIONS as DEFAULT_TRANSITIONS
from openco.process.transitions import DEFAULT_WORKFLOW as DEFAULT_WORKFLOW
from openco.process.transitions import Loop as Loop
from openco.process.transitions import Statutory as Statutory
from openco.process.transitions import Transition as Transition
from openco.process.transitions import Workflow as Workflow
from openco.process.workflow import Options as Options
from openco.process.workflow import advance as advance
from openco.process.workflow import allowed_steps as allowed_steps
from openco.process.workflow import enabled_steps as enabled_steps
from openco.process.workflow import open_case as open_case
from openco.process.workflow import replay as replay
from openco.process.worklist import area_obligations as area_obligations
from openco.process.worklist import flags as flags
from openco.process.worklist import obligations as obligations

__all__ = [
    "CAPABLE_AGE",
    "CATALOGUE",
    "DEFAULT_DETAILS",
    "DEFAULT_LOOPS",
    "DEFAULT_STATUTORY",
    "DEFAULT_TRANSITIONS",
    "DEFAULT_WORKFLOW",
    "RULES",
    "STATUTORY_STEPS",
    "ActorRole",
    "Case",
    "Channel",
    "Consultation",
    "CriteriaMet",
    "Disclosure",
    "DisclosureGrounds",
    "Duty",
    "Flag",
    "FollowUp",
    "Handover",
    "Invitation",
    "JointContact",
    "Labels",
    "Loop",
    "Milestone",
    "Notification",
    "Obligation",
    "Opening",
    "Options",
    "PoliceNotification",
    "Preparation",
    "Presence",
    "Provision",
    "Raising",
    "Recipient",
    "Records",
    "Rule",
    "RuleGroup",
    "RuleKind",
    "Settings",
    "Stage",
    "Statutory",
    "StatutoryBasis",
    "Step",
    "StepTaken",
    "SuspectedOffence",
    "Transition",
    "Workflow",
    "advance",
    "allowed_steps",
    "area_obligations",
    "consent_states",
    "enabled_steps",
    "family_present",
    "flags",
    "may_disclose",
    "obligations",
    "open_case",
    "presence",
    "render_dot",
    "render_mermaid",
    "render_rules",
    "render_table",
    "replay",
]
