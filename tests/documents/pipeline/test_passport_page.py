"""A passport's data page whose zone is not read (cut off, under a thumb, in glare) shows its own marks: the word
passport, whole or broken by the OCR, the labels and values of its type row (type P, the issuing state's code, the
passport's number), the holder's labels, its expiry and authority. Two kinds of them, one a passport's own, make an
unsure passport ("looks like a passport, no MRZ found"), not a confident other; ID cards, visas, driving licences
and letters asking for a passport's number stay what they were."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from bench.samples import SANS, SANS_BOLD, png
from documents.pipeline import doubt, run_pipeline
from documents.pipeline.classify import classify
from documents.pipeline.classify_passport import passport_words
from documents.pipeline.phrases import normalise
from documents.pipeline.types import DocumentKind as K

DATA_PAGES = {
    # The word broken under guilloches and the type row's values: a lone P, the state's code, the number.
    "word broken, type row": "REPUBLIC OF UTOPIA\nsro 7 PaSrORT 0\nP UToO 12345678\nSPECIMEN\n01.01.1980",
    "labels of the first row, holder's labels": "erda/ Type erga /Country Code rari. Pasepart Na\nP 5 cree 836 9854\n"
                                               "Surname\nDOE\nNationality Date of Birth\nUTOPIAN 23/09/1959",
    "two readings of a bilingual title": "wom onacnopt © UTO\nBOS Passronr yom\nTKAMEHKO/TKACHENKO\nwy henson",
    "Dutch labels": "KONINKRIJK\nPaspo0rtnummer\nNX12345\nGeslacht V\nNationaliteit\nGeboortedatum 01 01 1990\n"
                    "Achternaam\nJANSEN",
    "French, broken": "REPUBLIQUE\nPASSEPQRT\nCode du pays UTO\nNom\nMARTIN\nDate d'expiration 01 01 2030",
    "Turkish": "TURKIYE CUMHURIYETI\nPasaprt\nUlke kodu TUR\nSoyadi\nYILMAZ\nUyrugu Dogum tarihi\nCinsiyeti E",
}


@pytest.mark.parametrize("text", DATA_PAGES.values(), ids=DATA_PAGES.keys())
def test_a_data_pages_marks_without_its_zone_make_an_unsure_passport(text):
    classification = classify(text)
    assert classification.kind is K.PASSPORT
    said = doubt.doubt(classification, None)
    assert (said.code, said.kind) == (doubt.DoubtCode.NO_MRZ, K.PASSPORT)
    assert str(said) == "looks like a passport, no MRZ found"


STAY = {
    "ID card front": ("Name/ Nom\nERIKSSON, ANNA MARIA\nSex/ Nationality/ Date of birth/\nSexe Nationalité "
                      "Date de naissance\nF UTO 12 AUG 74\nDoc Expiry/ Expiration\nD23145890 15 APR 12", K.ID_CARD),
    "visa printing the passport's number": ("UTOPIA VISA\nSurname, Given names\nERIKSSON ANNA MARIA\nPasspqrt Nurnber "
                                            "L898902C\nSex F  07 SEP 86\nDate of expiry 10 DEC 16", K.OTHER),
    "driving licence": ("DRIVING LICENCE\n1. MARTIN 2. PAUL\n4b. Date of expiry 01.01.2035\nPasspqrt L8989", K.OTHER),
    "letter asking for the passport's number": ("Dear Mr Hassan,\nPlease send us your passport number and its date of "
                                                "expiry.\nKind regards", K.OTHER),
    "login page": ("Sign in\nPassword\nForgot your password?\nCountry code +31", K.OTHER),
    "one mark only": ("Pasrort\nAmsterdam 2024", K.OTHER),
    "consent declaration": ("CONSENT DECLARATION\nI, the undersigned, mother of the child, give my consent for my "
                            "child to travel.\nPassport number: N1234567\nDate of expiry: 01.01.2030", K.CONSENT_DECLARATION),
}


@pytest.mark.parametrize("text, kind", STAY.values(), ids=STAY.keys())
def test_cards_visas_letters_and_forms_are_no_passport_page(text, kind):
    assert classify(text).kind is kind


@pytest.mark.parametrize("reading, word", [("PaSrORT", True), ("Pasepart", True), ("passronr", True),
                                           ("onacnopt", True), ("passpon", True), ("password", False),
                                           ("passenger", False), ("transport", False), ("rapport", False),
                                           ("passportcontrolofficer", False)])
def test_the_passport_word_broken_reads_as_one(reading, word):
    assert bool(passport_words(normalise(reading))) is word


@pytest.mark.parametrize("name", ["009_passport.jpg", "012_passport.png", "018_passport.png"])
def test_a_real_data_page_cropped_above_its_zone_is_a_passport(real_dir, name):
    image = Image.open(real_dir / name).convert("RGB")
    result = run_pipeline(png(image.crop((0, 0, image.width, round(image.height * 0.78)))))
    assert result.mrz is None and result.kind is K.PASSPORT, result.text[:300]
    assert result.confidence <= doubt.DOUBTFUL_CONFIDENCE or not result.unsure


@pytest.mark.parametrize("name", ["024_id_card.jpg", "025_id_card.jpg", "030_id_card.jpg", "041_id_card.png",
                                  "055_other.jpg", "056_other.jpg", "071_other.png"])
def test_real_cards_and_visas_cropped_above_their_zone_are_no_passport(real_dir, name):
    image = Image.open(real_dir / name).convert("RGB")
    result = run_pipeline(png(image.crop((0, 0, image.width, round(image.height * 0.7)))))
    assert result.kind is not K.PASSPORT, result.text[:300]


def _data_page_without_zone() -> bytes:
    page = Image.new("RGB", (1250, 620), (236, 226, 240))
    draw = ImageDraw.Draw(page)
    for x in range(0, 1250, 14):  # a guilloche's fine lines under the print
        draw.arc((x - 300, -200, x + 300, 800), 200, 340, fill=(214, 196, 222), width=1)
    bold, font = ImageFont.truetype(SANS_BOLD, 40), ImageFont.truetype(SANS, 30)
    draw.rectangle((50, 110, 330, 470), fill=(150, 140, 150))  # the holder's photo
    # Its title lost (glare, a thumb): the type row's labels and values remain.
    draw.text((380, 30), "REPUBLIC OF UTOPIA", font=bold, fill=(40, 30, 60))
    rows = (("Type / Code of issuing state / Document No.", "P   UTO   L898902C3"), ("Surname", "ERIKSSON"),
            ("Nationality", "UTOPIAN"), ("Date of expiry", "15 APR 2032"))
    for row, (label, value) in enumerate(rows):
        draw.text((380, 110 + row * 110), label, font=font, fill=(70, 60, 90))
        draw.text((380, 150 + row * 110), value, font=bold, fill=(20, 20, 30))
    return png(page)


def test_a_rendered_data_page_whose_zone_is_cut_off_is_an_unsure_passport():
    result = run_pipeline(_data_page_without_zone())
    assert result.mrz is None and result.kind is K.PASSPORT, result.text[:300]
    assert result.unsure.code is doubt.DoubtCode.NO_MRZ and result.confidence <= doubt.DOUBTFUL_CONFIDENCE
