"""The nareis rules: who may come, what evidence each needs, the deadline and warnings.

Pure Python (no Django), so the web checklist, the Celery workers and
`manage.py evaluate_case` run exactly the same code. The policy lives in
`policy.py` as tables; `evaluation.py` applies them.
"""

from .codes import (
    DeadlineStatus,
    DocumentKind,
    IneligibilityReason,
    PermitType,
    Relation,
    Requirement,
    RequirementStatus,
    ReviewStatus,
    SponsorAge,
    WarningCode,
)
from .dates import age_on, deadline_for
from .evaluation import CaseEvaluation, MemberEvaluation, RequirementResult, WarningItem, evaluate
from .facts import CaseFacts, DocumentFacts, ExplanationFacts, MemberFacts, SponsorFacts
from .parsing import case_facts_from_dict
from .policy import ADULT_AGE, DUE_SOON_DAYS, LANGUAGES_WITHOUT_TRANSLATION

__all__ = [
    "ADULT_AGE",
    "DUE_SOON_DAYS",
    "LANGUAGES_WITHOUT_TRANSLATION",
    "CaseEvaluation",
    "CaseFacts",
    "DeadlineStatus",
    "DocumentFacts",
    "DocumentKind",
    "ExplanationFacts",
    "IneligibilityReason",
    "MemberEvaluation",
    "MemberFacts",
    "PermitType",
    "Relation",
    "Requirement",
    "RequirementResult",
    "RequirementStatus",
    "ReviewStatus",
    "SponsorAge",
    "SponsorFacts",
    "WarningCode",
    "WarningItem",
    "age_on",
    "case_facts_from_dict",
    "deadline_for",
    "evaluate",
]
