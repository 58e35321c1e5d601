"""The vocabulary of a case itself: its permit, its members' relations, the version of the rules it is judged by.

Pure Python. ``tracker.rules`` uses the same enums (its contract values, CONTRACTS.md section 2).
"""

from enum import StrEnum


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
    FOSTER_CHILD = "foster_child"  # placed with the family by a court's or authority's decision


class PolicyName(StrEnum):
    """The versions of the rules (CONTRACTS.md section 4); ``tracker.rules.policy.POLICIES`` holds their tables."""

    BEFORE_TWO_STATUS = "before_two_status"
    TWO_STATUS = "two_status"  # the two-status law (Kamerstukken 36 703)
