"""The checklist of a case: the nareis rules applied to what is in the database.

The same ``rules.evaluate`` drives ``manage.py evaluate_case``; this module only
turns rows into the rules' facts and the evaluation into rows for the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from cases.models import Case, FamilyMember
from documents.assignment import needs_no_person
from documents.models import Document
from documents.statements import people_statements

from . import rules
from .labels import REQUIREMENT_LABELS, STATUS_LABELS
from .consistency_review import disagreement_rows, without_explained
from .policy_choice import PolicyChoice, policy_for


@dataclass(frozen=True)
class RequirementRow:
    code: str
    label: str
    status: str
    status_label: str
    documents: list[Document]


@dataclass(frozen=True)
class MemberWarning:
    code: str
    on: date | None  # an expiry date, an 18th birthday
    documents: list[Document]


@dataclass(frozen=True)
class UpcomingRow:
    label: str
    starts_on: date


@dataclass(frozen=True)
class MemberRow:
    member: FamilyMember | None  # None for the sponsor
    eligible: bool
    reasons: list[str]
    requirements: list[RequirementRow]
    warnings: list[MemberWarning] = field(default_factory=list)
    upcoming: list[UpcomingRow] = field(default_factory=list)  # "needed from 3 March"


@dataclass(frozen=True)
class Checklist:
    case: Case
    evaluation: rules.CaseEvaluation
    sponsor: MemberRow
    members: list[MemberRow]
    policy: PolicyChoice | None = None
    disagreements: list = field(default_factory=list)  # consistency_review.DisagreementRow

    @property
    def case_warnings(self) -> list[rules.WarningItem]:
        """Warnings about the whole case; those about a member are shown on the member's card. A passed deadline
        is not repeated under the deadline, which says it already with what to do."""
        return [warning for warning in self.warnings
                if warning.member is None and warning.code != rules.WarningCode.DEADLINE_PASSED]

    @property
    def first_turning_adult(self) -> tuple[FamilyMember, date] | None:
        """The child who turns 18 first before the deadline, and that birthday: the day to apply before, sooner
        than the deadline (the rules warn only while no filing day is known)."""
        members = {str(row.member.pk): row.member for row in self.members}
        turning = [(warning.on, members[warning.member]) for warning in self.evaluation.warnings
                   if warning.code == rules.WarningCode.TURNS_ADULT_BEFORE_DEADLINE and warning.member in members]
        if not turning:
            return None
        day, member = min(turning, key=lambda pair: pair[0])
        return member, day

    @property
    def warnings(self) -> list:
        return shown_warnings(self.evaluation, filed=self.case.application_filed_on is not None)


def case_facts(
    case: Case,
    members: list[FamilyMember],
    documents: list[Document],
    document_members: dict[int, tuple[str, ...]] | None = None,
    policy: PolicyChoice | None = None,
) -> rules.CaseFacts:
    """``document_members`` (document id to member ids) saves loading each document's members as objects;
    ``policy``: the version of the rules (default: chosen by the case's filing day)."""

    def members_of(document: Document) -> tuple[str, ...]:
        if document_members is not None:
            return document_members.get(document.pk, ())
        return tuple(str(m.pk) for m in document.members.all())

    by_member_id = {str(m.pk): m for m in members}

    def people(document: Document, linked: tuple[str, ...]) -> tuple[rules.PersonFacts, ...]:
        return tuple(people_statements(document, [by_member_id[i] for i in linked if i in by_member_id]))

    policy = policy or policy_for(case, timezone.localdate())
    return rules.CaseFacts(
        application_date=case.filing_date,
        policy=policy.name,
        sponsor=rules.SponsorFacts(
            birth_date=case.sponsor_birth_date,
            permit_decision_date=case.permit_decision_date,
            permit_type=rules.PermitType(case.permit_type),
            asylum_application_date=case.sponsor_asylum_application_date,
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
                name=m.full_name,
                other_parent=str(m.other_parent_id) if m.other_parent_id else None,
            )
            for m in members
        ),
        documents=tuple(
            rules.DocumentFacts(
                id=str(d.pk),
                kind=d.kind,
                members=linked,
                language=d.primary_language,
                status=rules.ReviewStatus(d.review_status),
                translation_of=str(d.translation_of_id) if d.translation_of_id else None,
                expiry_date=d.expiry_date,
                mrz=bool(d.mrz),
                people=people(d, linked),
            )
            # Only documents that have been read say what they are (or a counsellor said it for one that could not be);
            # one linked to nobody counts for the sponsor only if it is theirs (see documents.assignment).
            for d in documents
            if d.kind and d.is_finished
            for linked in [members_of(d)]
            if linked or needs_no_person(d)
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


def shown_warnings(evaluation: rules.CaseEvaluation, *, filed: bool = False) -> list:
    """The warnings pages and the dossier show: "due soon" only once the status says so (``DUE_SOON_DAYS``),
    so the notice, the status, the filters and the reminders agree on one number; neither "due soon" nor
    "passed, apply now" once the application is filed (``filed``)."""
    due_soon = evaluation.deadline_status == rules.DeadlineStatus.DUE_SOON
    return [warning for warning in evaluation.warnings
            if not (filed and warning.code in DEADLINE_WARNINGS)
            and (warning.code != rules.WarningCode.DEADLINE_DUE_SOON or due_soon)]


DEADLINE_WARNINGS = frozenset({rules.WarningCode.DEADLINE_DUE_SOON, rules.WarningCode.DEADLINE_PASSED})


def build_checklist(case: Case, today: date | None = None) -> Checklist:
    today = today or timezone.localdate()
    members = list(case.members.all())
    documents = list(
        case.documents.filter(removed_at__isnull=True)
        .prefetch_related(Prefetch("members", queryset=FamilyMember.objects.only("pk")))
    )
    policy = policy_for(case, today)
    facts = case_facts(case, members, documents, policy=policy)
    by_id = {str(d.pk): d for d in documents}
    disagreements = disagreement_rows(facts, {str(m.pk): m for m in members}, by_id,
                                      list(case.consistency_notes.all()))
    evaluation = without_explained(rules.evaluate(facts, today), disagreements)

    def member_warnings(member_id: str) -> list[MemberWarning]:
        return [
            MemberWarning(w.code, w.on, [by_id[d] for d in w.documents if d in by_id])
            for w in evaluation.warnings
            if w.member == member_id
        ]

    def upcoming(member: rules.MemberEvaluation) -> list[UpcomingRow]:
        return [UpcomingRow(REQUIREMENT_LABELS[u.code], u.starts_on) for u in member.upcoming]

    def rows(requirements) -> list[RequirementRow]:
        return [
            RequirementRow(
                code=r.code,
                label=REQUIREMENT_LABELS[r.code],
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
                warnings=member_warnings(m.id),
                upcoming=upcoming(m),
            )
            for m in evaluation.members
        ],
        policy=policy,
        disagreements=disagreements,
    )
