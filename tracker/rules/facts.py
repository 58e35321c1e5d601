"""What the rules are told about a case: plain, immutable facts, no Django."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from documents.kinds import PersonFacts

from .codes import PermitType, PolicyName, Relation, Requirement, ReviewStatus


@dataclass(frozen=True)
class SponsorFacts:
    birth_date: date | None
    permit_decision_date: date | None
    permit_type: PermitType = PermitType.REFUGEE
    # The day the sponsor signed the asylum application: a sponsor under 18 then stays a minor sponsor.
    asylum_application_date: date | None = None


@dataclass(frozen=True)
class MemberFacts:
    id: str
    relation: Relation
    birth_date: date | None
    mentioned_in_asylum_procedure: bool = True
    belongs_to_family: bool = True
    other_parent_stays_behind: bool = False
    married: bool = False
    in_relationship: bool = False
    name: str | None = None  # "GIVEN NAMES SURNAME" as the sponsor entered it
    other_parent: str | None = None  # for a child: the member of this case who is the other parent


@dataclass(frozen=True)
class DocumentFacts:
    id: str
    kind: str  # a DocumentKind value
    members: tuple[str, ...]  # the members it gives evidence about; empty: the sponsor
    language: str | None  # ISO 639-1 of its text; None: not known
    status: ReviewStatus
    translation_of: str | None = None  # for a translation: the id of the original
    expiry_date: date | None = None  # passports and ID cards
    mrz: bool = False  # an ID card with a machine-readable zone needs no translation
    people: tuple[PersonFacts, ...] = ()


@dataclass(frozen=True)
class ExplanationFacts:
    """A counsellor's account of why evidence cannot be had (bewijsnood)."""

    member: str | None  # None: the sponsor
    requirement: Requirement
    text: str


@dataclass(frozen=True)
class CaseFacts:
    sponsor: SponsorFacts
    members: tuple[MemberFacts, ...]
    documents: tuple[DocumentFacts, ...] = ()
    explanations: tuple[ExplanationFacts, ...] = ()
    # The day the application was or will be filed: every age is judged on it (default: today).
    application_date: date | None = None
    # Which version of the rules; None: the rules before the two-status law (callers choose, see policy.choose).
    policy: PolicyName | None = None
