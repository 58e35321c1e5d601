"""The header on every case page a counsellor opens: whose case it is and how far it stands, at a glance."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language_info

from . import rules
from .dashboard import RequirementCounts, requirement_counts
from .models import Case


@dataclass(frozen=True)
class CaseHeader:
    case: Case
    language: str  # the sponsor's interface language, in that language's own name ("" if never chosen)
    counsellors: list
    evaluation: rules.CaseEvaluation
    requirements: RequirementCounts

    @property
    def sponsor(self):
        return self.case.sponsor

    @property
    def phone(self) -> str:
        return getattr(self.case.sponsor, "phone", "") or ""


def case_header(case: Case, evaluation: rules.CaseEvaluation) -> CaseHeader:
    """``evaluation``: the case's checklist evaluation, already made for the page."""
    code = case.sponsor.preferred_language
    return CaseHeader(
        case=case,
        language=get_language_info(code)["name_local"] if code else "",
        counsellors=list(case.counsellors.all()),
        evaluation=evaluation,
        requirements=requirement_counts(evaluation),
    )
