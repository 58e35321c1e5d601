"""The kinds of document the pipeline tells apart (CONTRACTS.md).

A module of its own, free of imports, so the pure nareis rules can use the kinds
without loading the OCR pipeline.
"""

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
