"""The vocabulary of the nareis rules: every code that appears in their output.

The string values are part of the `evaluate_case` contract (CONTRACTS.md section 2).
"""

from enum import StrEnum

from cases.codes import PermitType, PolicyName, Relation  # noqa: F401  (a case's own vocabulary)
from documents.kinds import DocumentKind, ReviewStatus  # noqa: F401  (the kinds the pipeline gives, review statuses)


class SponsorAge(StrEnum):
    ADULT = "adult"
    MINOR = "minor"


class Requirement(StrEnum):
    IDENTITY = "identity"
    FAMILY_BOND = "family_bond"
    CONSENT = "consent"
    TRANSLATION = "translation"
    PHOTO = "photo"  # CONTRACTS.md section 3: the IND's extra evidence per member
    GOOD_CONDUCT = "good_conduct"
    MARITAL_STATUS = "marital_status"
    ASYLUM_DECISION = "asylum_decision"  # the sponsor's only requirement


class RequirementStatus(StrEnum):
    SATISFIED = "satisfied"  # an accepted document meets it
    PENDING = "pending"  # only documents awaiting review meet it
    EXPLAINED = "explained"  # no document, but a counsellor recorded why (bewijsnood)
    MISSING = "missing"


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
    RELATION_NOT_ALLOWED_BY_POLICY = "relation_not_allowed_by_policy"  # section 4: the two-status law
    CHILD_OF_OTHER_PARTNER = "child_of_other_partner"  # the child's other parent is a partner who may not come


class WarningCode(StrEnum):
    DEADLINE_DUE_SOON = "deadline_due_soon"
    DEADLINE_PASSED = "deadline_passed"
    NOT_MENTIONED_IN_ASYLUM_PROCEDURE = "not_mentioned_in_asylum_procedure"  # per member
    SUBSIDIARY_PROTECTION = "subsidiary_protection"
    MINOR_SPONSOR_PROCEDURE = "minor_sponsor_procedure"
    MORE_THAN_ONE_PARTNER = "more_than_one_partner"
    SUBSIDIARY_WAITING_PERIOD = "subsidiary_waiting_period"  # two-status law: subsidiary holders wait two years
    # Per member:
    TURNS_ADULT_BEFORE_DEADLINE = "turns_adult_before_deadline"
    ADULT_CHILD_DEPENDENCY = "adult_child_dependency"
    IDENTITY_DOCUMENT_EXPIRED = "identity_document_expired"
    IDENTITY_DOCUMENT_EXPIRES_SOON = "identity_document_expires_soon"
    INCONSISTENT_BIRTH_DATE = "inconsistent_birth_date"
    INCONSISTENT_GIVEN_NAMES = "inconsistent_given_names"
