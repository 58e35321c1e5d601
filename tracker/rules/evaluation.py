"""Apply a version of the policy to the facts of one case: eligibility, evidence, deadline, warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .codes import (
    DeadlineStatus,
    DocumentKind,
    IneligibilityReason,
    PolicyName,
    Relation,
    Requirement,
    RequirementStatus,
    ReviewStatus,
    SponsorAge,
    WarningCode,
)
from .consistency import disagreements
from .dates import add_months, age_on, birthday, deadline_for, deadline_status
from .facts import CaseFacts, DocumentFacts, MemberFacts
from .policy import (
    ADULT_AGE,
    ADULT_CHILD_DEPENDENCY_AGE,
    ADULT_RELATIONS,
    BOND_PROVEN_BY_SPONSOR_DOCUMENTS,
    CHILD_RELATIONS,
    COMPLETE_STATUSES,
    EVIDENCE,
    EXPIRES_SOON_DAYS,
    EXTRA_EVIDENCE_FROM_AGE,
    IDENTITY_DOCUMENTS,
    LANGUAGES_WITHOUT_TRANSLATION,
    NEVER_TRANSLATED,
    NOT_ALLOWED_FOR_SPONSOR_AGE,
    NOT_TRANSLATED_WITH_MRZ,
    PARTNER_RELATIONS,
    POLICIES,
    SPONSOR_EVIDENCE,
    WARN_DAYS_BEFORE_DEADLINE,
    Policy,
)

Reason = IneligibilityReason
# Warnings whose output names the documents involved (CONTRACTS.md section 3).
WARNINGS_WITH_DOCUMENTS = frozenset({WarningCode.INCONSISTENT_BIRTH_DATE, WarningCode.INCONSISTENT_GIVEN_NAMES})


@dataclass(frozen=True)
class WarningItem:
    code: WarningCode
    member: str | None = None  # None: about the whole case
    documents: tuple[str, ...] = ()  # the documents it is about, where there are some
    on: date | None = None  # the day it is about: a document's expiry, an 18th birthday

    def to_dict(self) -> dict[str, Any]:
        item: dict[str, Any] = {"code": self.code.value, "member": self.member}
        if self.code in WARNINGS_WITH_DOCUMENTS:
            item["documents"] = list(self.documents)
        return item


@dataclass(frozen=True)
class RequirementResult:
    code: Requirement
    status: RequirementStatus
    documents: tuple[str, ...] = ()  # ids of the non-rejected documents that meet it

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code.value, "status": self.status.value, "documents": list(self.documents)}


@dataclass(frozen=True)
class UpcomingRequirement:
    """A requirement that starts to apply before the deadline, on a birthday ("needed from 3 March")."""

    code: Requirement
    starts_on: date


@dataclass(frozen=True)
class MemberEvaluation:
    id: str
    eligible: bool
    reasons: list[IneligibilityReason]  # why not eligible; empty when eligible
    requirements: list[RequirementResult]  # empty when not eligible: nothing to collect
    upcoming: list[UpcomingRequirement] = field(default_factory=list)  # not part of the contract's output

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
    policy: PolicyName = PolicyName.BEFORE_TWO_STATUS
    ages_on: date | None = None  # the day every age was judged on: the filing day, or today

    def to_dict(self) -> dict[str, Any]:
        """The `evaluate_case` output of CONTRACTS.md sections 2 to 4."""
        return {
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "days_left": self.days_left,
            "deadline_status": self.deadline_status.value,
            "complete": self.complete,
            "warnings": [warning.to_dict() for warning in self.warnings],
            "sponsor": {"requirements": [requirement.to_dict() for requirement in self.sponsor]},
            "members": [member.to_dict() for member in self.members],
        }


@dataclass(frozen=True)
class _Context:
    facts: CaseFacts
    policy: Policy
    today: date  # the deadline, expiry
    ages_on: date  # every age: the filing day, or today
    deadline: date | None
    sponsor_age: SponsorAge
    explained: frozenset[tuple[str | None, Requirement]]  # (member id or None, requirement)


def evaluate(facts: CaseFacts, today: date) -> CaseEvaluation:
    deadline = deadline_for(facts.sponsor.permit_decision_date) if facts.sponsor.permit_decision_date else None
    days_left = (deadline - today).days if deadline else None
    policy = POLICIES[facts.policy or PolicyName.BEFORE_TWO_STATUS]
    ages_on = facts.application_date or today
    context = _Context(
        facts, policy, today, ages_on, deadline, _sponsor_age(facts, policy, ages_on), _explained(facts)
    )
    second_partners = _second_partners(context)

    sponsor = [_sponsor_result(requirement, context) for requirement in SPONSOR_EVIDENCE]
    members = [_evaluate_member(member, context, second_partners) for member in facts.members]
    to_check = [*sponsor, *(result for member in members if member.eligible for result in member.requirements)]
    return CaseEvaluation(
        deadline=deadline,
        days_left=days_left,
        deadline_status=deadline_status(days_left),
        complete=all(result.status in COMPLETE_STATUSES for result in to_check),
        warnings=_warnings(context, days_left, members, has_second_partner=bool(second_partners)),
        sponsor=sponsor,
        members=members,
        policy=policy.name,
        ages_on=ages_on,
    )


# --- Facts derived from ages -----------------------------------------------------------
# With no birth date no age-based reason is given: the counsellor fills it in.


def _age(birth_date: date | None, day: date) -> int | None:
    return age_on(birth_date, day) if birth_date else None


def _sponsor_age(facts: CaseFacts, policy: Policy, ages_on: date) -> SponsorAge:
    """A sponsor under 18 on the day of the asylum application stays a minor sponsor (CONTRACTS.md section 3);
    without that day, the age on the filing day decides. Unknown birth date: the ordinary (adult) procedure."""
    birth_date = facts.sponsor.birth_date
    applied = facts.sponsor.asylum_application_date
    if applied is not None and (age := _age(birth_date, applied)) is not None and age < ADULT_AGE:
        return SponsorAge.MINOR
    age = _age(birth_date, ages_on)
    return SponsorAge.MINOR if age is not None and age < ADULT_AGE else SponsorAge.ADULT


def _is_minor_child(member: MemberFacts, day: date) -> bool:
    if member.relation not in CHILD_RELATIONS:
        return False
    age = _age(member.birth_date, day)
    return member.relation != Relation.ADULT_CHILD if age is None else age < ADULT_AGE


def _explained(facts: CaseFacts) -> frozenset[tuple[str | None, Requirement]]:
    return frozenset((e.member, e.requirement) for e in facts.explanations if e.text.strip())


# --- Eligibility ------------------------------------------------------------------------


def _relation_not_allowed(member: MemberFacts, context: _Context) -> Reason | None:
    policy = context.policy
    if context.sponsor_age not in policy.sponsor_ages_by_relation[member.relation]:
        return NOT_ALLOWED_FOR_SPONSOR_AGE[context.sponsor_age]
    if member.relation in policy.relations_not_allowed:
        return Reason.RELATION_NOT_ALLOWED_BY_POLICY
    is_adult_child = member.relation in CHILD_RELATIONS and not _is_minor_child(member, context.ages_on)
    if is_adult_child and not policy.adult_children_may_come:
        return Reason.RELATION_NOT_ALLOWED_BY_POLICY
    return None


def _second_partners(context: _Context) -> frozenset[str]:
    """Partners after the first one (in the order given) whose relation is allowed at all."""
    partners = [
        member.id
        for member in context.facts.members
        if member.relation in PARTNER_RELATIONS and _relation_not_allowed(member, context) is None
    ]
    return frozenset(partners[1:])


def _ineligibility_reasons(member: MemberFacts, context: _Context, second_partners: frozenset[str]) -> list[Reason]:
    reasons = []
    if not_allowed := _relation_not_allowed(member, context):
        reasons.append(not_allowed)
    else:
        reasons += _reasons_for_relation(member, context.ages_on, second_partners)
    if not member.belongs_to_family:
        reasons.append(Reason.NOT_PART_OF_FAMILY)
    return reasons


def _reasons_for_relation(member: MemberFacts, day: date, second_partners: frozenset[str]) -> list[Reason]:
    age = _age(member.birth_date, day)
    reasons = []
    if member.relation in PARTNER_RELATIONS:
        if member.id in second_partners:
            reasons.append(Reason.SECOND_PARTNER)
        if age is not None and age < ADULT_AGE:
            reasons.append(Reason.PARTNER_IS_MINOR)
    elif member.relation in CHILD_RELATIONS:
        if not _is_minor_child(member, day):
            if member.married:
                reasons.append(Reason.ADULT_CHILD_MARRIED)
            if member.in_relationship:
                reasons.append(Reason.ADULT_CHILD_IN_RELATIONSHIP)
        # With more than one partner only the children of the one who comes may come.
        if member.other_parent is not None and member.other_parent in second_partners:
            reasons.append(Reason.CHILD_OF_OTHER_PARTNER)
    elif member.relation == Relation.SIBLING and age is not None and age >= ADULT_AGE:
        # DOMAIN.md: adult siblings only "in some cases". We say not eligible, with
        # this reason, so a counsellor sees it and can argue the exception with the IND.
        reasons.append(Reason.SIBLING_IS_ADULT)
    return reasons


def _evaluate_member(member: MemberFacts, context: _Context, second_partners: frozenset[str]) -> MemberEvaluation:
    reasons = _ineligibility_reasons(member, context, second_partners)
    if reasons:
        return MemberEvaluation(member.id, eligible=False, reasons=reasons, requirements=[])
    return MemberEvaluation(
        member.id,
        eligible=True,
        reasons=[],
        requirements=_member_requirements(member, context),
        upcoming=_upcoming_requirements(member, context),
    )


# --- Evidence ---------------------------------------------------------------------------


def _member_requirements(member: MemberFacts, context: _Context) -> list[RequirementResult]:
    results = [
        _member_result(Requirement.IDENTITY, member, context),
        _member_result(Requirement.FAMILY_BOND, member, context),
    ]
    if member.other_parent_stays_behind and _is_minor_child(member, context.ages_on):
        results.append(_member_result(Requirement.CONSENT, member, context))
    results += [
        _member_result(requirement, member, context)
        for requirement in EXTRA_EVIDENCE_FROM_AGE
        if _extra_evidence_applies(requirement, member, context.ages_on)
    ]
    if translation := _translation_result(member, context):
        results.append(translation)
    return results


def _extra_evidence_applies(requirement: Requirement, member: MemberFacts, day: date) -> bool:
    age = _age(member.birth_date, day)
    if age is None:  # unknown age: asked of grown-ups by nature, and of everyone where no age limit applies
        return EXTRA_EVIDENCE_FROM_AGE[requirement] == 0 or member.relation in ADULT_RELATIONS
    return age >= EXTRA_EVIDENCE_FROM_AGE[requirement]


def _upcoming_requirements(member: MemberFacts, context: _Context) -> list[UpcomingRequirement]:
    """Statements a child will need because of a birthday after the filing day (or today) and by the deadline."""
    if member.birth_date is None or context.deadline is None:
        return []
    upcoming = []
    for requirement, from_age in EXTRA_EVIDENCE_FROM_AGE.items():
        starts_on = birthday(member.birth_date, from_age)
        if context.ages_on < starts_on <= context.deadline:
            upcoming.append(UpcomingRequirement(requirement, starts_on))
    return upcoming


def _counts_for_identity(document: DocumentFacts, today: date) -> bool:
    return not _is_expired(document, today)


def _is_expired(document: DocumentFacts, today: date) -> bool:
    return document.kind in IDENTITY_DOCUMENTS and document.expiry_date is not None and document.expiry_date < today


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
        and (requirement != Requirement.IDENTITY or _counts_for_identity(document, context.today))
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


def needs_translation(document: DocumentFacts) -> bool:
    # A translation is not translated again; an unknown language asks nothing; a passport
    # (and an ID card with an MRZ) prints its data in Latin script as well.
    is_translation = document.kind == DocumentKind.TRANSLATION or document.translation_of is not None
    return (
        document.status != ReviewStatus.REJECTED
        and not is_translation
        and document.kind not in NEVER_TRANSLATED
        and not (document.kind in NOT_TRANSLATED_WITH_MRZ and document.mrz)
        and document.language is not None
        and document.language.lower() not in LANGUAGES_WITHOUT_TRANSLATION
    )


def _translation_result(member: MemberFacts, context: _Context) -> RequirementResult | None:
    """Each non-rejected document about the member in another language needs its own translation."""
    documents = context.facts.documents
    originals = {
        document.id for document in documents if member.id in document.members and needs_translation(document)
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
# Case-wide warnings first, then per member, grouped by code in the members' order.


def _deadline_warning(days_left: int | None) -> WarningCode | None:
    if days_left is None:
        return None
    if days_left < 0:
        return WarningCode.DEADLINE_PASSED
    return WarningCode.DEADLINE_DUE_SOON if days_left <= WARN_DAYS_BEFORE_DEADLINE else None


def _warnings(
    context: _Context, days_left: int | None, members: list[MemberEvaluation], *, has_second_partner: bool
) -> list[WarningItem]:
    facts = context.facts
    deadline_warning = _deadline_warning(days_left)
    warnings = [WarningItem(deadline_warning)] if deadline_warning else []
    if context.sponsor_age == SponsorAge.MINOR:
        warnings.append(WarningItem(WarningCode.MINOR_SPONSOR_PROCEDURE))
    warnings += [WarningItem(code) for code in context.policy.warnings_by_permit_type[facts.sponsor.permit_type]]
    if _in_waiting_period(context):
        warnings.append(WarningItem(WarningCode.SUBSIDIARY_WAITING_PERIOD))
    if has_second_partner:
        warnings.append(WarningItem(WarningCode.MORE_THAN_ONE_PARTNER))
    warnings += [
        WarningItem(WarningCode.NOT_MENTIONED_IN_ASYLUM_PROCEDURE, member.id)
        for member in facts.members
        if not member.mentioned_in_asylum_procedure
    ]
    warnings += _turning_adult_warnings(context)
    eligible = {member.id for member in members if member.eligible}
    warnings += [
        WarningItem(WarningCode.ADULT_CHILD_DEPENDENCY, member.id)
        for member in facts.members
        if member.id in eligible and _is_dependency_age_adult_child(member, context.ages_on)
    ]
    warnings += _expiry_warnings(context)
    warnings += [
        WarningItem(found.code, found.member, found.documents) for found in disagreements(facts)
    ]
    return warnings


def _in_waiting_period(context: _Context) -> bool:
    sponsor = context.facts.sponsor
    years = context.policy.waiting_years_by_permit_type[sponsor.permit_type]
    if not years or sponsor.permit_decision_date is None:
        return False
    return context.ages_on < add_months(sponsor.permit_decision_date, 12 * years)


def _turning_adult_warnings(context: _Context) -> list[WarningItem]:
    """Without a filing day, a minor who turns 18 by the deadline: file before that birthday."""
    if context.facts.application_date is not None or context.deadline is None:
        return []
    warnings = []
    for member in context.facts.members:
        if member.birth_date is None or _age(member.birth_date, context.today) >= ADULT_AGE:
            continue
        turns_adult = birthday(member.birth_date, ADULT_AGE)
        if turns_adult <= context.deadline:
            warnings.append(WarningItem(WarningCode.TURNS_ADULT_BEFORE_DEADLINE, member.id, on=turns_adult))
    return warnings


def _is_dependency_age_adult_child(member: MemberFacts, day: date) -> bool:
    age = _age(member.birth_date, day)
    return (
        member.relation in CHILD_RELATIONS
        and not _is_minor_child(member, day)
        and age is not None
        and age >= ADULT_CHILD_DEPENDENCY_AGE
    )


def _expiry_warnings(context: _Context) -> list[WarningItem]:
    """Per member, the first expired identity document, then the first that meets identity but expires soon."""
    today = context.today
    soon = today + timedelta(days=EXPIRES_SOON_DAYS)
    expired: dict[str, WarningItem] = {}
    expiring: dict[str, WarningItem] = {}
    for document in context.facts.documents:
        if document.kind not in IDENTITY_DOCUMENTS or document.expiry_date is None:
            continue
        if document.status == ReviewStatus.REJECTED:
            continue
        for member_id in document.members:
            if document.expiry_date < today:
                expired.setdefault(member_id, WarningItem(
                    WarningCode.IDENTITY_DOCUMENT_EXPIRED, member_id, (document.id,), document.expiry_date
                ))
            elif document.expiry_date <= soon:
                expiring.setdefault(member_id, WarningItem(
                    WarningCode.IDENTITY_DOCUMENT_EXPIRES_SOON, member_id, (document.id,), document.expiry_date
                ))
    order = [member.id for member in context.facts.members]
    return [warnings[m] for warnings in (expired, expiring) for m in order if m in warnings]
