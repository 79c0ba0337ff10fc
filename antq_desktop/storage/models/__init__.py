"""The whole domain as typed tables, so later work adds behaviour, not tables.

Travelling records mix in :class:`~antq_desktop.storage.base.SyncMixin`;
station-local ones (users, the audit trail, peers, settings, the clock) do not.
"""

from .accounts import AuditEntry, User
from .awards import Award, AwardDecision, CertificatePrint, CertificateTemplate
from .core import Commune, Setting, Site, SyncClock, Village
from .groups import Group, GroupType, Membership, ServicePeriod
from .households import Commitment, CommitmentText, Household, HouseholdEvent, Person
from .medal_facts import MedalFact
from .meetings import Meeting, MeetingAttendee, MeetingType, Opinion
from .report_inputs import ReportFigure, ReportNarrative
from .results import HandedInItem, Mediation, PublicTip, ReportSubmission, Surrender, VillageAssessment
from .safety_units import CommuneAssessmentRecord, CommuneUnit, UnitAssessment
from .sync import SyncConflict, SyncLog

__all__ = [
    "AuditEntry",
    "Award",
    "AwardDecision",
    "CertificatePrint",
    "CertificateTemplate",
    "Commitment",
    "CommitmentText",
    "Commune",
    "CommuneAssessmentRecord",
    "CommuneUnit",
    "Group",
    "GroupType",
    "HandedInItem",
    "Household",
    "HouseholdEvent",
    "MedalFact",
    "Mediation",
    "Meeting",
    "MeetingAttendee",
    "MeetingType",
    "Membership",
    "Opinion",
    "Person",
    "PublicTip",
    "ReportFigure",
    "ReportNarrative",
    "ReportSubmission",
    "ServicePeriod",
    "Setting",
    "Site",
    "Surrender",
    "SyncClock",
    "SyncConflict",
    "SyncLog",
    "UnitAssessment",
    "User",
    "Village",
    "VillageAssessment",
]
