"""An identity card's page without its title or zone: its back, or a front whose title and zone are lost.

Such a page shows only a card's marks: its expiry, its number, its holder's signature, its issue, remarks, the
holder's height, eyes or blood group, a document's or a person's number, the holder's labels (sex, nationality,
names, birth date). ``card_back`` makes two kinds of them, one a card's own or beside ID wording, on a short page
of labels an unsure ID card ("looks like an ID card, no MRZ found"). The checks it shares with a passport's data
page (``classify_passport.passport_page``) are here too: nothing saying it is another card (a driving licence, a
bank's, a visa), no letter's marks, no other document's evidence.
"""

from __future__ import annotations

import re

from . import vocabulary
from .phrases import whole_words
from .types import DocumentKind

# The kinds of an identity card's marks, each by its labels.
CARD_MARK_LABELS = {"expiry": vocabulary.CARD_EXPIRY_LABELS, "card number": vocabulary.CARD_NUMBER_LABELS,
                    "signature": vocabulary.CARD_SIGNATURE_LABELS, "issue": vocabulary.CARD_ISSUE_LABELS,
                    "remarks": vocabulary.CARD_REMARKS_LABELS, "body": vocabulary.HOLDER_BODY_LABELS,
                    "number": vocabulary.DOCUMENT_NUMBER}
CARD_MARKS_NEEDED = 2  # kinds of a card's marks (the holder's labels are one)
OWN_CARD_MARKS = ("expiry", "card number", "signature", "body")  # only an identity document prints these: one of
# them, or ID wording, is needed
CARD_WORDS = 80  # a card's back holds fewer words; a letter more
SENTENCE_WORDS = 12  # a line longer than this is a sentence: a card's lines are labels and values
# Kinds whose evidence from this on (a typical word) says the page is that document, no card's or passport's.
ANOTHER_KINDS_EVIDENCE = 2.0
NOT_A_CARDS_KINDS = (DocumentKind.DEATH_CERTIFICATE, DocumentKind.MARRIAGE_CERTIFICATE, DocumentKind.FAMILY_BOOKLET,
                     DocumentKind.BIRTH_CERTIFICATE, DocumentKind.TRANSLATION, DocumentKind.CONSENT_DECLARATION)
CARD_BACK_CONFIDENCE = 0.45  # said unsure: "looks like an ID card, no MRZ found"
ID_NUMBER_WEIGHT = next(weight for weight, phrases in vocabulary.EVIDENCE[DocumentKind.ID_CARD]
                        if phrases is vocabulary.ID_NUMBER_LABELS)


def card_back(normalised: str, scores: dict[DocumentKind, float]) -> bool:
    """Whether a page with no title for it shows an identity card's marks (its back, or a card whose title and
    zone are lost): two kinds of them, one a card's own (its expiry, number or signature, the holder's height or
    eyes) or with some ID wording, on a short page of labels with no letter's structure (a salutation, a subject,
    sentences), no other document's evidence and nothing saying it is another card (a driving licence, a bank's, a
    visa). The holder's labels (sex, nationality, names, birth date) are one mark: a card's front whose title and
    zone are lost shows them beside its expiry."""
    marks = {name for name, labels in CARD_MARK_LABELS.items() if whole_words(labels).search(normalised)}
    if holder_labels(normalised):
        marks.add("holder")
    if len(marks) < CARD_MARKS_NEEDED:
        return False
    if not (marks & set(OWN_CARD_MARKS) or _identity_wording(normalised, scores)):
        return False
    if says_another_card(normalised) or scores[DocumentKind.OTHER] > 0:
        return False
    if any(scores[kind] >= ANOTHER_KINDS_EVIDENCE for kind in NOT_A_CARDS_KINDS):
        return False
    return not _letter_structure(normalised)


def _identity_wording(normalised: str, scores: dict[DocumentKind, float]) -> bool:
    """An ID card's or residence permit's words beyond an identity number, which a civil record prints too."""
    number = ID_NUMBER_WEIGHT if whole_words(vocabulary.ID_NUMBER_LABELS).search(normalised) else 0.0
    return scores[DocumentKind.ID_CARD] - number + scores[DocumentKind.ASYLUM_DECISION] > 0


def says_another_card(normalised: str) -> bool:
    """A driving licence, a bank's, an insurer's, a school's card ...: no identity document."""
    return bool(whole_words(vocabulary.NOT_IDENTITY_CARDS).search(normalised))


def _holder_labels() -> tuple[re.Pattern, ...]:
    return tuple(whole_words(family) for family in vocabulary.HOLDER_LABELS)


def holder_labels(normalised: str) -> bool:
    """Whether ``normalised`` labels an identity document's holder: three of sex, nationality, names, birth date."""
    return sum(bool(pattern.search(normalised)) for pattern in _holder_labels()) >= vocabulary.HOLDER_LABELS_NEEDED


def letter_marks(normalised: str) -> bool:
    """A letter's salutation, subject line or closing."""
    return bool(whole_words(vocabulary.LETTER_MARKS).search(normalised))


def _letter_structure(normalised: str) -> bool:
    lines = normalised.splitlines()
    return (letter_marks(normalised) or sum(len(line.split()) for line in lines) > CARD_WORDS
            or any(len(line.split()) > SENTENCE_WORDS for line in lines))
