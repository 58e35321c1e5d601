"""Titles whose i, I and l the OCR reads as one another, as 1 or as a bar, O as 0 and m as rn: "B1RTH CERT1FICATE",
"ldentity card", "Acte de mar1age", "CERT|F|CATE", "CERTIFICATE 0F BIRTH", "RNARRIAGE". A phrase's i and l match
any of them, its o an o or 0, its m an m or rn; ordinary letters whose words differ from the vocabulary's in more
than those letters stay what they were."""

from __future__ import annotations

import pytest

from documents.pipeline import run_pipeline
from documents.pipeline.classify import classify, normalise
from documents.pipeline.types import DocumentKind as K

from .test_rendered_documents import LATIN, render

BODY = "\nName: Lina Omar\nRegistered under number 1234 of the year 2017"

MISREAD_TITLES = {
    "B1RTH CERT1FICATE": K.BIRTH_CERTIFICATE,
    "CERT|F|CATE OF B|RTH": K.BIRTH_CERTIFICATE,
    "Extra1t d'acte de naissance": K.BIRTH_CERTIFICATE,
    "Acte de mar1age": K.MARRIAGE_CERTIFICATE,
    "MARRlAGE CERTlFlCATE": K.MARRIAGE_CERTIFICATE,
    "ldentity card": K.ID_CARD,
    "|DENTITY CARD": K.ID_CARD,
    "Carte nationa1e d'identité": K.ID_CARD,
    "DEATH CERT1FlCATE": K.DEATH_CERTIFICATE,
    "L1VRET DE FAMILLE": K.FAMILY_BOOKLET,
    "Fam1ly register": K.FAMILY_BOOKLET,
    "CERTIFICATE 0F BIRTH": K.BIRTH_CERTIFICATE,
    "Certificat de décès, c0pie": K.DEATH_CERTIFICATE,
    "HUWEL1JKSAKTE": K.MARRIAGE_CERTIFICATE,
    "PASSP0RT": K.PASSPORT,
    "RNARRIAGE CERTIFICATE": K.MARRIAGE_CERTIFICATE,
    "lrnmigratie- en Naturalisatiedienst": K.ASYLUM_DECISION,
}


@pytest.mark.parametrize("title, kind", MISREAD_TITLES.items(), ids=MISREAD_TITLES.keys())
def test_a_title_with_i_and_l_misread_names_its_kind(title, kind):
    assert classify(title + BODY).kind is kind


def test_a_bar_between_words_or_cases_stays_a_separator():
    assert normalise("Name|Surname | Date") == "name surname date"
    assert normalise("CERT|F|CATE |dentity") == "certlflcate ldentity"


ORDINARY_LETTERS = [
    "Dear Mr Hassan,\nPlease find attached the bill for the lid and the oil.\nThe total is 12 euro.\nKind regards",
    "Beste mevrouw,\nU bent lid van onze club. Uw kind is welkom op 1 mei.\nMet vriendelijke groet",
    "Cher Monsieur,\nLe fil et la lime sont livrés le 11 juin. Il reste 1 colis.\nCordialement",
]


@pytest.mark.parametrize("text", ORDINARY_LETTERS)
def test_ordinary_letters_with_i_and_l_words_stay_other(text):
    assert classify(text).kind is K.OTHER


def test_a_rendered_title_printed_with_ones_for_is_is_read_as_its_kind():
    lines = ["B1RTH CERT1F1CATE", "Name of child: Lina Omar", "Registered under number 1234", "Issued in 2017"]
    result = run_pipeline(render(lines, LATIN))
    assert result.kind is K.BIRTH_CERTIFICATE, result.text[:200]
