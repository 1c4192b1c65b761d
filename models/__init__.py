"""SQLAlchemy 2.0 models of the HoSo dossier. Importing this package registers every table."""

from models.audit import ChangeLog, LogHead
from models.base import Audited, Base, Versioned
from models.catalog import BaseSalary, CatalogItem, Grade, SalaryScaleStep
from models.declaration import DataRequest, Declaration
from models.exchange import (
    CityIdentityConflict,
    CityUnitAccess,
    PackageReceipt,
    SyncDirty,
    SyncRecord,
    SyncRun,
    SyncTarget,
    TrustedKey,
)
from models.person import SEXES, STAFF_TYPES, STATUSES, Person
from models.position import (
    LEAVE_KINDS,
    POSITION_DOCUMENT_KINDS,
    POSITION_GROUPS,
    JobPosition,
    PositionDocument,
    PositionHolding,
    RatingPetition,
    RatingScore,
)
from models.sections import (
    DECISION_KINDS,
    DISCIPLINE_KINDS,
    FAMILY_SIDES,
    PERSONAL_HISTORY_KINDS,
    REWARD_KINDS,
    TRAINING_KINDS,
    Allowance,
    AssetDeclaration,
    Attachment,
    Decision,
    Discipline,
    Evaluation,
    FamilyMember,
    PersonalHistory,
    Planning,
    Reward,
    SalaryHistory,
    Section,
    Training,
    WorkHistory,
)
from models.security import ROLES, AccessLog, ApprovedSnapshot, ReviewEvent, User, UserUnit
from models.setting import Setting
from models.unit import Placement, Unit

SECTION_CLASSES: dict[str, type[Section]] = {
    "training": Training,
    "work_history": WorkHistory,
    "personal_history": PersonalHistory,
    "family": FamilyMember,
    "salary_history": SalaryHistory,
    "allowances": Allowance,
    "rewards": Reward,
    "discipline": Discipline,
    "evaluations": Evaluation,
    "decisions": Decision,
    "asset_declarations": AssetDeclaration,
    "planning": Planning,
}

__all__ = [
    "AccessLog", "ApprovedSnapshot", "CityIdentityConflict", "CityUnitAccess", "DataRequest", "Declaration", "PackageReceipt", "ROLES", "ReviewEvent", "SyncDirty", "SyncRecord",
    "SyncRun", "SyncTarget", "TrustedKey", "User", "UserUnit",
    "Allowance", "AssetDeclaration", "Attachment", "Audited", "Base", "BaseSalary", "CatalogItem",
    "ChangeLog", "LogHead", "DECISION_KINDS", "DISCIPLINE_KINDS", "Decision", "Discipline", "Evaluation",
    "FAMILY_SIDES", "FamilyMember", "Grade", "PERSONAL_HISTORY_KINDS", "Person", "PersonalHistory",
    "Placement", "REWARD_KINDS", "Reward", "SECTION_CLASSES", "SEXES", "STAFF_TYPES", "STATUSES",
    "SalaryHistory", "SalaryScaleStep", "Section", "Setting", "TRAINING_KINDS", "Training", "Unit", "Versioned",
    "WorkHistory", "Planning",
    "JobPosition", "LEAVE_KINDS", "POSITION_DOCUMENT_KINDS", "POSITION_GROUPS", "PositionDocument",
    "PositionHolding", "RatingPetition", "RatingScore",
]
