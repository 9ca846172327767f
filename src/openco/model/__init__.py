"""Families, close networks, professionals, concerns, meetings and plans, as typed values.

Everything here is a frozen, keyword-only attrs class whose validators keep its invariants;
change values with :func:`attrs.evolve` or the named operations (``regraded``,
``with_item_status``, ``withdrawn`` …). This layer imports nothing from the rest of openco but
:mod:`openco.errors`, does no I/O and never reads the clock: dates come in as arguments.
"""

from openco.model.bundle import Bundle as Bundle
from openco.model.bundle import reference_problems as reference_problems
from openco.model.concern import Concern as Concern
from openco.model.concern import ConcernZone as ConcernZone
from openco.model.concern import GreySubzone as GreySubzone
from openco.model.concern import Need as Need
from openco.model.concern import OwnMeans as OwnMeans
from openco.model.concern import ZoneAssessment as ZoneAssessment
from openco.model.consent import Consent as Consent
from openco.model.consent import ConsentDecision as ConsentDecision
from openco.model.consent import ConsentGiver as ConsentGiver
from openco.model.consent import DataScope as DataScope
from openco.model.family import Custody as Custody
from openco.model.family import CustodyKind as CustodyKind
from openco.model.family import Family as Family
from openco.model.family import InterpreterNeed as InterpreterNeed
from openco.model.family import Interpreting as Interpreting
from openco.model.ids import AreaId as AreaId
from openco.model.ids import ConcernId as ConcernId
from openco.model.ids import ConsentId as ConsentId
from openco.model.ids import FamilyId as FamilyId
from openco.model.ids import MeetingId as MeetingId
from openco.model.ids import NetworkMapId as NetworkMapId
from openco.model.ids import PersonId as PersonId
from openco.model.ids import PlanId as PlanId
from openco.model.ids import PlanItemId as PlanItemId
from openco.model.ids import ProfessionalId as ProfessionalId
from openco.model.ids import UnitId as UnitId
from openco.model.label import LabelledEnum as LabelledEnum
from openco.model.label import Language as Language
from openco.model.meeting import AbsenceReason as AbsenceReason
from openco.model.meeting import CustodiansAbsent as CustodiansAbsent
from openco.model.meeting import Meeting as Meeting
from openco.model.meeting import MeetingKind as MeetingKind
from openco.model.meeting import MeetingRole as MeetingRole
from openco.model.meeting import Participant as Participant
from openco.model.meeting import StructuralIssue as StructuralIssue
from openco.model.network import ContactFrequency as ContactFrequency
from openco.model.network import MemberTie as MemberTie
from openco.model.network import NetworkMap as NetworkMap
from openco.model.network import NetworkMember as NetworkMember
from openco.model.network import NetworkSector as NetworkSector
from openco.model.network import Ring as Ring
from openco.model.network import SupportDirection as SupportDirection
from openco.model.network import SupportType as SupportType
from openco.model.network import TieQuality as TieQuality
from openco.model.person import AFTERCARE_AGE_LIMIT as AFTERCARE_AGE_LIMIT
from openco.model.person import CHILD_AGE_LIMIT as CHILD_AGE_LIMIT
from openco.model.person import HEARD_AGE as HEARD_AGE
from openco.model.person import OWN_APPLICATION_AGE as OWN_APPLICATION_AGE
from openco.model.person import Person as Person
from openco.model.plan import ItemStatus as ItemStatus
from openco.model.plan import NoViewReason as NoViewReason
from openco.model.plan import Plan as Plan
from openco.model.plan import PlanItem as PlanItem
from openco.model.plan import View as View
from openco.model.plan import ViewNotSought as ViewNotSought
from openco.model.recurrence import MAX_RECURRENCE_COUNT as MAX_RECURRENCE_COUNT
from openco.model.recurrence import MAX_RECURRENCE_INTERVAL as MAX_RECURRENCE_INTERVAL
from openco.model.recurrence import Frequency as Frequency
from openco.model.recurrence import Recurrence as Recurrence
from openco.model.recurrence import Weekday as Weekday
from openco.model.service import Area as Area
from openco.model.service import DataController as DataController
from openco.model.service import Professional as Professional
from openco.model.service import ServiceKind as ServiceKind
from openco.model.service import ServiceUnit as ServiceUnit

__all__ = [
    "AFTERCARE_AGE_LIMIT",
    "CHILD_AGE_LIMIT",
    "HEARD_AGE",
    "MAX_RECURRENCE_COUNT",
    "MAX_RECURRENCE_INTERVAL",
    "OWN_APPLICATION_AGE",
    "AbsenceReason",
    "Area",
    "AreaId",
    "Bundle",
    "Concern",
    "ConcernId",
    "ConcernZone",
    "Consent",
    "ConsentDecision",
    "ConsentGiver",
    "ConsentId",
    "ContactFrequency",
    "CustodiansAbsent",
    "Custody",
    "CustodyKind",
    "DataController",
    "DataScope",
    "Family",
    "FamilyId",
    "Frequency",
    "GreySubzone",
    "InterpreterNeed",
    "Interpreting",
    "ItemStatus",
    "LabelledEnum",
    "Language",
    "Meeting",
    "MeetingId",
    "MeetingKind",
    "MeetingRole",
    "MemberTie",
    "Need",
    "NetworkMap",
    "NetworkMapId",
    "NetworkMember",
    "NetworkSector",
    "NoViewReason",
    "OwnMeans",
    "Participant",
    "Person",
    "PersonId",
    "Plan",
    "PlanId",
    "PlanItem",
    "PlanItemId",
    "Professional",
    "ProfessionalId",
    "Recurrence",
    "Ring",
    "ServiceKind",
    "ServiceUnit",
    "StructuralIssue",
    "SupportDirection",
    "SupportType",
    "TieQuality",
    "UnitId",
    "View",
    "ViewNotSought",
    "Weekday",
    "ZoneAssessment",
    "reference_problems",
]
