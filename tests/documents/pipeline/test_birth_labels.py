"""A birth certificate by its labels where its title is lost (``classify.parents_and_birth``)."""

from __future__ import annotations

import pytest

from documents.pipeline import doubt
from documents.pipeline.classify import MIN_EVIDENCE, classify
from documents.pipeline.types import DocumentKind as K

UNTITLED = {
    "en": "Name: Lina Omar\nFather: Omar Saleh\nMother: Dalia Nour\nPlace of birth: Hama\nDate of birth: 03.07.2017",
    "fr": "Nom: Lina Omar\nPère: Omar Saleh\nMère: Dalia Nour\nNée le 03.07.2017 à Hama",
    "nl": "Naam: Lina Omar\nVader: Omar Saleh\nMoeder: Dalia Nour\nGeboren te Hama op 03-07-2017",
    "fa": "نام: لینا\nنام پدر: عمر\nنام مادر: دلیا\nتاریخ تولد: ۱۳۹۶/۰۴/۱۲\nمحل تولد: هرات",
}


@pytest.mark.parametrize("language", UNTITLED)
def test_parents_and_birth_labelled_without_a_title_are_a_birth_certificate_said_unsure(language):
    classification = classify(UNTITLED[language])
    assert classification.kind in (K.BIRTH_CERTIFICATE, K.OTHER) and classification.by_labels
    said = doubt.doubt(classification, None)
    assert (said.code, said.kind) == (doubt.DoubtCode.BY_LABELS, K.BIRTH_CERTIFICATE)


def test_a_label_only_a_birth_record_prints_makes_it_sure():
    text = UNTITLED["en"] + "\nTime of birth: 04:20\nNationality of the mother: Syrian"
    classification = classify(text)
    assert (classification.kind, classification.by_labels) == (K.BIRTH_CERTIFICATE, False)
    assert doubt.doubt(classification, None) == ""


@pytest.mark.parametrize("text, kind", [
    ("Carte nationale d'identité\nNom: Lina Omar\nPère: Omar\nMère: Dalia\nNée le 03.07.2017 à Hama", K.ID_CARD),
    ("Consent declaration\nI, the mother of Lina, born 03-07-2017, give permission for my child to travel with "
     "her father to the Netherlands.", K.CONSENT_DECLARATION),
    ("Father: Omar Saleh\nMother: Dalia Nour", K.OTHER),  # no birth labelled: no record of one
])
def test_parents_and_birth_labels_do_not_overrule_other_evidence(text, kind):
    classification = classify(text)
    assert (classification.kind, classification.by_labels) == (kind, False)


def test_the_son_is_not_the_father():
    assert not classify("الابن: سامي\nالأمانة العامة\nتاريخ الولادة: 2010").by_labels


def test_a_family_books_members_labelled_with_their_parents_and_birth_are_no_birth_record():
    text = "دفتر العائلة\nرب الأسرة: خالد\nاسم الأب: يوسف\nاسم الأم: سعاد\nمكان وتاريخ الولادة: حلب 1980"
    classification = classify(text)
    assert classification.kind is K.FAMILY_BOOKLET and classification.scores[K.BIRTH_CERTIFICATE] < MIN_EVIDENCE
