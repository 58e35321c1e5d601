"""Apply the policy tables to the facts of one case: eligibility, evidence, deadline, warnings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .codes import (
    DeadlineStatus,
    DocumentKind,
    IneligibilityReason,
    Relation,
    Requirement,
    RequirementStatus,
    ReviewStatus,
    SponsorAge,
    WarningCode,
)
from .dates import age_on, deadline_for, deadline_status
from .facts import CaseFacts, DocumentFacts, MemberFacts
from .policy import (
    ADULT_AGE,
    BOND_PROVEN_BY_SPONSOR_DOCUMENTS,
    CHILD_RELATIONS,
    COMPLETE_STATUSES,
    WARN_DAYS_BEFORE_DEADLINE,
    EVIDENCE,
    LANGUAGES_WITHOUT_TRANSLATION,
    NOT_ALLOWED_FOR_SPONSOR_AGE,
    PARTNER_RELATIONS,
    RELATIONS_BY_PERMIT_TYPE,
    SPONSOR_AGES_BY_RELATION,
    SPONSOR_EVIDENCE,
    WARNINGS_BY_PERMIT_TYPE,
)

Reason = IneligibilityReason


@dataclass(frozen=True)
class WarningItem:
    code: WarningCode
    member: str | None = None  # None: about the whole case


@dataclass(frozen=True)
class RequirementResult:
    code: Requirement
    status: RequirementStatus
    documents: tuple[str, ...] = ()  # ids of the non-rejected documents that meet it

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code.value, "status": self.status.value, "documents": list(self.documents)}


@dataclass(frozen=True)
class MemberEvaluation:
    id: str
    eligible: bool
    reasons: list[IneligibilityReason]  # why not eligible; empty when eligible
    requirements: list[RequirementResult]  # empty when not eligible: nothing to collect

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "eligible": self.eligible,
            "reasons": [reason.value for reason in self.reasons],
            "requirements": [requirement.to_dict() for requirement in self.requirements],
        }


@dataclass(frozen=True)
class CaseEvaluation:
    deadline: date | None
    days_left: int | None  # negative once the deadline has passed
    deadline_status: DeadlineStatus
    complete: bool
    warnings: list[WarningItem]
    sponsor: list[RequirementResult]
    members: list[MemberEvaluation]

    def to_dict(self) -> dict[str, Any]:
        """The `evaluate_case` output of CONTRACTS.md section 2."""
        return {
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "days_left": self.days_left,
            "deadline_status": self.deadline_status.value,
            "complete": self.complete,
            "warnings": [{"code": warning.code.value, "member": warning.member} for warning in self.warnings],
            "sponsor": {"requirements": [requirement.to_dict() for requirement in self.sponsor]},
            "members": [member.to_dict() for member in self.members],
        }


@dataclass(frozen=True)
class _Context:
    facts: CaseFacts
    today: date
    sponsor_age: SponsorAge
    explained: frozenset[tuple[str | None, Requirement]]  # (member id or None, requirement)


def evaluate(facts: CaseFacts, today: date) -> CaseEvaluation:
    deadline = deadline_for(facts.sponsor.permit_decision_date) if facts.sponsor.permit_decision_date else None
    days_left = (deadline - today).days if deadline else None
    status = deadline_status(days_left)
    context = _Context(facts, today, _sponsor_age(facts, today), _explained(facts))
    second_partners = _second_partners(context)

    sponsor = [_sponsor_result(requirement, context) for requirement in SPONSOR_EVIDENCE]
    members = [_evaluate_member(member, context, member.id in second_partners) for member in facts.members]
    to_check = [*sponsor, *(result for member in members if member.eligible for result in member.requirements)]
    return CaseEvaluation(
        deadline=deadline,
        days_left=days_left,
        deadline_status=status,
        complete=all(result.status in COMPLETE_STATUSES for result in to_check),
        warnings=_warnings(context, days_left, has_second_partner=bool(second_partners)),
        sponsor=sponsor,
        members=members,
    )


# --- Facts derived from ages -----------------------------------------------------------
# With no birth date no age-based reason is given: the counsellor fills it in.


def _age(birth_date: date | None, today: date) -> int | None:
    return age_on(birth_date, today) if birth_date else None


def _sponsor_age(facts: CaseFacts, today: date) -> SponsorAge:
    # Unknown birth date: assume the ordinary (adult) procedure; a minor's guardian enters the date.
    age = _age(facts.sponsor.birth_date, today)
    return SponsorAge.MINOR if age is not None and age < ADULT_AGE else SponsorAge.ADULT


def _is_minor_child(member: MemberFacts, today: date) -> bool:
    if member.relation not in CHILD_RELATIONS:
        return False
    age = _age(member.birth_date, today)
    return member.relation != Relation.ADULT_CHILD if age is None else age < ADULT_AGE


def _explained(facts: CaseFacts) -> frozenset[tuple[str | None, Requirement]]:
    return frozenset((e.member, e.requirement) for e in facts.explanations if e.text.strip())


# --- Eligibility ------------------------------------------------------------------------


def _relation_not_allowed(relation: Relation, context: _Context) -> Reason | None:
    if context.sponsor_age not in SPONSOR_AGES_BY_RELATION[relation]:
        return NOT_ALLOWED_FOR_SPONSOR_AGE[context.sponsor_age]
    if relation not in RELATIONS_BY_PERMIT_TYPE[context.facts.sponsor.permit_type]:
        return Reason.RELATION_NOT_ALLOWED_FOR_PERMIT
    return None


def _second_partners(context: _Context) -> frozenset[str]:
    """Partners after the first one (in the order given) whose relation is allowed at all."""
    partners = [
        member.id
        for member in context.facts.members
        if member.relation in PARTNER_RELATIONS and _relation_not_allowed(member.relation, context) is None
    ]
    return frozenset(partners[1:])


def _ineligibility_reasons(member: MemberFacts, context: _Context, is_second_partner: bool) -> list[Reason]:
    reasons = []
    if not_allowed := _relation_not_allowed(member.relation, context):
        reasons.append(not_allowed)
    else:
        reasons += _reasons_for_relation(member, context.today, is_second_partner)
    if not member.belongs_to_family:
        reasons.append(Reason.NOT_PART_OF_FAMILY)
    return reasons


def _reasons_for_relation(member: MemberFacts, today: date, is_second_partner: bool) -> list[Reason]:
    age = _age(member.birth_date, today)
    reasons = []
    if member.relation in PARTNER_RELATIONS:
        if is_second_partner:
            reasons.append(Reason.SECOND_PARTNER)
        if age is not None and age < ADULT_AGE:
            reasons.append(Reason.PARTNER_IS_MINOR)
    elif member.relation in CHILD_RELATIONS and not _is_minor_child(member, today):
        if member.married:
            reasons.append(Reason.ADULT_CHILD_MARRIED)
        if member.in_relationship:
            reasons.append(Reason.ADULT_CHILD_IN_RELATIONSHIP)
    elif member.relation == Relation.SIBLING and age is not None and age >= ADULT_AGE:
        # DOMAIN.md: adult siblings only "in some cases". We say not eligible, with
        # this reason, so a counsellor sees it and can argue the exception with the IND.
        reasons.append(Reason.SIBLING_IS_ADULT)
    return reasons


def _evaluate_member(member: MemberFacts, context: _Context, is_second_partner: bool) -> MemberEvaluation:
    reasons = _ineligibility_reasons(member, context, is_second_partner)
    if reasons:
        return MemberEvaluation(member.id, eligible=False, reasons=reasons, requirements=[])
    return MemberEvaluation(member.id, eligible=True, reasons=[], requirements=_member_requirements(member, context))


# --- Evidence ---------------------------------------------------------------------------


def _member_requirements(member: MemberFacts, context: _Context) -> list[RequirementResult]:
    results = [
        _member_result(Requirement.IDENTITY, member, context),
        _member_result(Requirement.FAMILY_BOND, member, context),
    ]
    if member.other_parent_stays_behind and _is_minor_child(member, context.today):
        results.append(_member_result(Requirement.CONSENT, member, context))
    if translation := _translation_result(member, context):
        results.append(translation)
    return results


def _member_result(requirement: Requirement, member: MemberFacts, context: _Context) -> RequirementResult:
    kinds = EVIDENCE[requirement][member.relation]
    sponsor_documents_count = (
        requirement == Requirement.FAMILY_BOND and member.relation in BOND_PROVEN_BY_SPONSOR_DOCUMENTS
    )
    candidates = [
        document
        for document in context.facts.documents
        if document.kind in kinds
        and (member.id in document.members or (sponsor_documents_count and not document.members))
    ]
    return _result_from_documents(requirement, candidates, (member.id, requirement) in context.explained)


def _sponsor_result(requirement: Requirement, context: _Context) -> RequirementResult:
    kinds = SPONSOR_EVIDENCE[requirement]
    candidates = [document for document in context.facts.documents if document.kind in kinds and not document.members]
    return _result_from_documents(requirement, candidates, (None, requirement) in context.explained)


def _result_from_documents(
    requirement: Requirement, candidates: list[DocumentFacts], explained: bool
) -> RequirementResult:
    counted = [document for document in candidates if document.status != ReviewStatus.REJECTED]
    return RequirementResult(requirement, _status_of(counted, explained), tuple(document.id for document in counted))


def _status_of(counted: list[DocumentFacts], explained: bool) -> RequirementStatus:
    if any(document.status == ReviewStatus.ACCEPTED for document in counted):
        return RequirementStatus.SATISFIED
    if counted:
        return RequirementStatus.PENDING
    return RequirementStatus.EXPLAINED if explained else RequirementStatus.MISSING


def _needs_translation(document: DocumentFacts) -> bool:
    # A translation is not translated again; an unknown language asks nothing.
    is_translation = document.kind == DocumentKind.TRANSLATION or document.translation_of is not None
    return (
        document.status != ReviewStatus.REJECTED
        and not is_translation
        and document.language is not None
        and document.language.lower() not in LANGUAGES_WITHOUT_TRANSLATION
    )


def _translation_result(member: MemberFacts, context: _Context) -> RequirementResult | None:
    """Each non-rejected document about the member in another language needs its own translation."""
    documents = context.facts.documents
    originals = {
        document.id for document in documents if member.id in document.members and _needs_translation(document)
    }
    if not originals:
        return None
    translations = [
        document
        for document in documents
        if document.translation_of in originals and document.status != ReviewStatus.REJECTED
    ]
    statuses = {
        _status_of([t for t in translations if t.translation_of == original], explained=False) for original in originals
    }
    explained = (member.id, Requirement.TRANSLATION) in context.explained
    return RequirementResult(
        Requirement.TRANSLATION, _combined_translation_status(statuses, explained), tuple(t.id for t in translations)
    )


def _combined_translation_status(statuses: set[RequirementStatus], explained: bool) -> RequirementStatus:
    # An explanation covers the documents that have no translation at all, but a
    # translation still awaiting review keeps the requirement pending.
    if RequirementStatus.MISSING in statuses and not explained:
        return RequirementStatus.MISSING
    if RequirementStatus.PENDING in statuses:
        return RequirementStatus.PENDING
    if RequirementStatus.MISSING in statuses:
        return RequirementStatus.EXPLAINED
    return RequirementStatus.SATISFIED


# --- Warnings ---------------------------------------------------------------------------


def _deadline_warning(days_left: int | None) -> WarningCode | None:
    if days_left is None:
        return None
    if days_left < 0:
        return WarningCode.DEADLINE_PASSED
    return WarningCode.DEADLINE_DUE_SOON if days_left <= WARN_DAYS_BEFORE_DEADLINE else None


def _warnings(context: _Context, days_left: int | None, *, has_second_partner: bool) -> list[WarningItem]:
    deadline_warning = _deadline_warning(days_left)
    warnings = [WarningItem(deadline_warning)] if deadline_warning else []
    if context.sponsor_age == SponsorAge.MINOR:
        warnings.append(WarningItem(WarningCode.MINOR_SPONSOR_PROCEDURE))
    warnings += [WarningItem(code) for code in WARNINGS_BY_PERMIT_TYPE[context.facts.sponsor.permit_type]]
    if has_second_partner:
        warnings.append(WarningItem(WarningCode.MORE_THAN_ONE_PARTNER))
    warnings += [
        WarningItem(WarningCode.NOT_MENTIONED_IN_ASYLUM_PROCEDURE, member.id)
        for member in context.facts.members
        if not member.mentioned_in_asylum_procedure
    ]
    return warnings
