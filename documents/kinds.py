"""The vocabulary of documents the nareis rules share: kinds (CONTRACTS.md), review statuses, what a document says.

A module of its own, free of Django and of other imports, so the pure nareis rules
(``tracker.rules``) can use it without loading the OCR pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class DocumentKind(StrEnum):
    PASSPORT = "passport"
    ID_CARD = "id_card"
    BIRTH_CERTIFICATE = "birth_certificate"
    MARRIAGE_CERTIFICATE = "marriage_certificate"
    DEATH_CERTIFICATE = "death_certificate"
    FAMILY_BOOKLET = "family_booklet"
    TRANSLATION = "translation"
    CONSENT_DECLARATION = "consent_declaration"
    ASYLUM_DECISION = "asylum_decision"
    PASSPORT_PHOTO = "passport_photo"
    GOOD_CONDUCT_STATEMENT = "good_conduct_statement"
    MARITAL_STATUS_STATEMENT = "marital_status_statement"
    FOSTER_CARE_DECISION = "foster_care_decision"
    OTHER = "other"


# Documents about the sponsor alone: never taken as a family member's, nor left "not yet assigned".
# The rules count them for the sponsor's requirement (tracker.rules.policy.SPONSOR_EVIDENCE, which a test keeps equal).
SPONSOR_KINDS = frozenset({DocumentKind.ASYLUM_DECISION})


class ReviewStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class PersonFacts:
    """What one document itself says about one member it names (any part may be missing)."""

    member: str
    given_names: str | None = None
    surname: str | None = None
    birth_date: date | None = None
