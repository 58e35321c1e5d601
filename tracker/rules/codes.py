"""The vocabulary of the nareis rules: every code that appears in their output.

The string values are part of the `evaluate_case` contract (CONTRACTS.md section 2).
"""

from enum import StrEnum

from documents.kinds import DocumentKind  # noqa: F401  (the kinds the pipeline gives; no imports of its own)


class PermitType(StrEnum):
    REFUGEE = "refugee"
    SUBSIDIARY = "subsidiary"


class Relation(StrEnum):
    """How a family member is related to the sponsor."""

    SPOUSE = "spouse"
    PARTNER = "partner"  # unmarried partner
    CHILD = "child"
    PARTNER_CHILD = "partner_child"
    ADULT_CHILD = "adult_child"
    PARENT = "parent"
    SIBLING = "sibling"


class SponsorAge(StrEnum):
    ADULT = "adult"
    MINOR = "minor"


class Requirement(StrEnum):
    IDENTITY = "identity"
    FAMILY_BOND = "family_bond"
    CONSENT = "consent"
    TRANSLATION = "translation"
    ASYLUM_DECISION = "asylum_decision"  # the sponsor's only requirement


class RequirementStatus(StrEnum):
    SATISFIED = "satisfied"  # an accepted document meets it
    PENDING = "pending"  # only documents awaiting review meet it
    EXPLAINED = "explained"  # no document, but a counsellor recorded why (bewijsnood)
    MISSING = "missing"


class ReviewStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class DeadlineStatus(StrEnum):
    OPEN = "open"
    DUE_SOON = "due_soon"
    PASSED = "passed"
    UNKNOWN = "unknown"  # no decision date yet


class IneligibilityReason(StrEnum):
    RELATION_NOT_ALLOWED_FOR_ADULT_SPONSOR = "relation_not_allowed_for_adult_sponsor"
    RELATION_NOT_ALLOWED_FOR_MINOR_SPONSOR = "relation_not_allowed_for_minor_sponsor"
    ADULT_CHILD_MARRIED = "adult_child_married"
    ADULT_CHILD_IN_RELATIONSHIP = "adult_child_in_relationship"
    NOT_PART_OF_FAMILY = "not_part_of_family"
    SECOND_PARTNER = "second_partner"
    PARTNER_IS_MINOR = "partner_is_minor"
    SIBLING_IS_ADULT = "sibling_is_adult"
    # Not in CONTRACTS.md yet: only given once RELATIONS_BY_PERMIT_TYPE is narrowed.
    # Add it to the contract in the same change.
    RELATION_NOT_ALLOWED_FOR_PERMIT = "relation_not_allowed_for_permit"


class WarningCode(StrEnum):
    DEADLINE_DUE_SOON = "deadline_due_soon"
    DEADLINE_PASSED = "deadline_passed"
    NOT_MENTIONED_IN_ASYLUM_PROCEDURE = "not_mentioned_in_asylum_procedure"  # per member
    SUBSIDIARY_PROTECTION = "subsidiary_protection"
    MINOR_SPONSOR_PROCEDURE = "minor_sponsor_procedure"
    MORE_THAN_ONE_PARTNER = "more_than_one_partner"
