"""The header on every case page a counsellor opens: whose case it is and how far it stands, at a glance."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language_info

from . import rules
from .checklist import build_checklist
from .dashboard import RequirementCounts, requirement_counts
from cases.models import Case
from cases.selectors import can_manage_case


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


def staff_header(user, case: Case) -> CaseHeader | None:
    """The header for the case's counsellors, coordinators and admins on a page of their own; None for the sponsor."""
    if not can_manage_case(user, case):
        return None
    return case_header(case, build_checklist(case).evaluation)
