"""The nareis rules: who may come, what evidence each needs, the deadline and warnings.

Pure Python (no Django), so the web checklist, the Celery workers and
`manage.py evaluate_case` run exactly the same code. The policy lives in
`policy.py` as tables, in versions chosen by the filing day; `evaluation.py`
applies them, `consistency.py` compares what documents say about each person.
"""

from .codes import (
    DeadlineStatus,
    DocumentKind,
    IneligibilityReason,
    PermitType,
    PolicyName,
    Relation,
    Requirement,
    RequirementStatus,
    ReviewStatus,
    SponsorAge,
    WarningCode,
)
from .dates import age_on, deadline_for
from .evaluation import (
    CaseEvaluation,
    MemberEvaluation,
    RequirementResult,
    UpcomingRequirement,
    WarningItem,
    evaluate,
)
from .facts import CaseFacts, DocumentFacts, ExplanationFacts, MemberFacts, PersonFacts, SponsorFacts
from .parsing import case_facts_from_dict
from .policy import ADULT_AGE, DUE_SOON_DAYS, LANGUAGES_WITHOUT_TRANSLATION, POLICIES, Policy, choose

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
    "POLICIES",
    "PermitType",
    "PersonFacts",
    "Policy",
    "PolicyName",
    "Relation",
    "Requirement",
    "RequirementResult",
    "RequirementStatus",
    "ReviewStatus",
    "SponsorAge",
    "SponsorFacts",
    "UpcomingRequirement",
    "WarningCode",
    "WarningItem",
    "age_on",
    "case_facts_from_dict",
    "choose",
    "deadline_for",
    "evaluate",
]
