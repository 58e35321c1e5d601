"""The checklist of a case: the nareis rules applied to what is in the database.

The same ``rules.evaluate`` drives ``manage.py evaluate_case``; this module only
turns rows into the rules' facts and the evaluation into rows for the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from documents.assignment import needs_no_person
from documents.models import Document

from . import rules
from .labels import REQUIREMENT_HELP, REQUIREMENT_LABELS, STATUS_LABELS
from .models import Case, FamilyMember


@dataclass(frozen=True)
class RequirementRow:
    code: str
    label: str
    help: str
    status: str
    status_label: str
    documents: list[Document]


@dataclass(frozen=True)
class MemberRow:
    member: FamilyMember | None  # None for the sponsor
    eligible: bool
    reasons: list[str]
    requirements: list[RequirementRow]


@dataclass(frozen=True)
class Checklist:
    case: Case
    evaluation: rules.CaseEvaluation
    sponsor: MemberRow
    members: list[MemberRow]

    @property
    def warnings(self) -> list:
        return shown_warnings(self.evaluation)


def case_facts(
    case: Case,
    members: list[FamilyMember],
    documents: list[Document],
    document_members: dict[int, tuple[str, ...]] | None = None,
) -> rules.CaseFacts:
    """``document_members`` (document id to member ids) saves loading each document's members as objects."""

    def members_of(document: Document) -> tuple[str, ...]:
        if document_members is not None:
            return document_members.get(document.pk, ())
        return tuple(str(m.pk) for m in document.members.all())

    return rules.CaseFacts(
        sponsor=rules.SponsorFacts(
            birth_date=case.sponsor_birth_date,
            permit_decision_date=case.permit_decision_date,
            permit_type=rules.PermitType(case.permit_type),
        ),
        members=tuple(
            rules.MemberFacts(
                id=str(m.pk),
                relation=rules.Relation(m.relation),
                birth_date=m.birth_date,
                mentioned_in_asylum_procedure=m.mentioned_in_asylum_procedure,
                belongs_to_family=m.belongs_to_family,
                other_parent_stays_behind=m.other_parent_stays_behind,
                married=m.married,
                in_relationship=m.in_relationship,
            )
            for m in members
        ),
        documents=tuple(
            rules.DocumentFacts(
                id=str(d.pk),
                kind=d.kind,
                members=members_of(d),
                language=d.primary_language,
                status=rules.ReviewStatus(d.review_status),
                translation_of=str(d.translation_of_id) if d.translation_of_id else None,
            )
            # Only documents that have been read say what they are (or a counsellor said it for one that could not be);
            # one linked to nobody counts for the sponsor only if it is theirs (see documents.assignment).
            for d in documents
            if d.kind and d.is_finished and (members_of(d) or needs_no_person(d))
        ),
        explanations=tuple(
            rules.ExplanationFacts(
                member=str(e.member_id) if e.member_id else None,
                requirement=rules.Requirement(e.requirement),
                text=e.text,
            )
            for e in case.explanations.all()
        ),
    )


def shown_warnings(evaluation: rules.CaseEvaluation) -> list:
    """The warnings pages and the dossier show: "due soon" only once the status says so (``DUE_SOON_DAYS``),
    so the notice, the status, the filters and the reminders agree on one number."""
    due_soon = evaluation.deadline_status == rules.DeadlineStatus.DUE_SOON
    return [warning for warning in evaluation.warnings
            if warning.code != rules.WarningCode.DEADLINE_DUE_SOON or due_soon]


def build_checklist(case: Case, today: date | None = None) -> Checklist:
    members = list(case.members.all())
    documents = list(
        case.documents.filter(removed_at__isnull=True)
        .prefetch_related(Prefetch("members", queryset=FamilyMember.objects.only("pk")))
    )
    evaluation = rules.evaluate(case_facts(case, members, documents), today or timezone.localdate())
    by_id = {str(d.pk): d for d in documents}

    def rows(requirements) -> list[RequirementRow]:
        return [
            RequirementRow(
                code=r.code,
                label=REQUIREMENT_LABELS[r.code],
                help=REQUIREMENT_HELP[r.code],
                status=r.status,
                status_label=STATUS_LABELS[r.status],
                documents=[by_id[d] for d in r.documents if d in by_id],
            )
            for r in requirements
        ]

    members_by_id = {str(m.pk): m for m in members}
    return Checklist(
        case=case,
        evaluation=evaluation,
        sponsor=MemberRow(member=None, eligible=True, reasons=[], requirements=rows(evaluation.sponsor)),
        members=[
            MemberRow(
                member=members_by_id[m.id],
                eligible=m.eligible,
                reasons=list(m.reasons),
                requirements=rows(m.requirements),
            )
            for m in evaluation.members
        ],
    )
