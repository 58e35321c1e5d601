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


# Several national ID cards print the holder's parents and birth under no title a photo keeps readable: the card's
# own marks (its expiry, its number, its zone, its holder's face) make the labels the card's.
@pytest.mark.parametrize("marks", [
    "Date of expiry: 03.07.2031", "Card No: 0123456", "Valable jusqu'au 03.07.2031",
    "Height: 172 cm", "رقم البطاقة: 0123456", "تاريخ الانتهاء: 2031/07/03",
])
def test_parents_and_birth_on_a_card_with_its_own_labels_are_an_id_card(marks):
    classification = classify(UNTITLED["en"] + "\n" + marks)
    assert (classification.kind, classification.by_labels) == (K.ID_CARD, False)
    assert classification.scores[K.BIRTH_CERTIFICATE] < MIN_EVIDENCE


def test_a_document_number_and_a_nationality_alone_are_no_card_marks():
    # An extract of a birth labels both: without a card's own mark (its expiry, number, the holder's height)
    # the labels stay the birth's.
    classification = classify(UNTITLED["en"] + "\nNationality: Syrian\nDocument No. 0012345")
    assert (classification.kind, classification.by_labels) == (K.BIRTH_CERTIFICATE, True)


def test_a_birth_records_parents_nationality_is_no_card_mark():
    classification = classify(UNTITLED["en"] + "\nNationality: Syrian")
    assert classification.kind is K.BIRTH_CERTIFICATE


# A face beside parents' and birth labels, with no card's own mark, zone or ID wording: an identity card printing
# its holder's parents, or a birth booklet's photo page (an Iranian shenasnameh whose title is not read). The labels
# stay the birth's; the face makes it a close call between the two.
def test_parents_and_birth_beside_a_holders_face_are_a_close_call_between_birth_and_id_card():
    classification = classify(UNTITLED["fa"], holder_face=True)
    assert (classification.kind, classification.by_labels, classification.face_beside_labels) == (
        K.BIRTH_CERTIFICATE, True, True)
    said = doubt.doubt(classification, None)
    assert (said.code, said.kind, said.other) == (doubt.DoubtCode.CLOSE_CALL, K.BIRTH_CERTIFICATE, K.ID_CARD)


def test_a_face_beside_a_cards_own_marks_stays_an_id_card():
    classification = classify(UNTITLED["fa"] + "\nتاریخ انقضا: 1408/05/12", holder_face=True)
    assert (classification.kind, classification.by_labels) == (K.ID_CARD, False)


def _untitled_card(face: bool) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    from bench.samples import FACE_SPECIMENS, SANS, holder_photo, png

    card = Image.new("RGB", (1012, 638), (214, 228, 236))
    if face:
        card.paste(holder_photo(FACE_SPECIMENS[0]).resize((250, 321)), (40, 150))
    draw, font = ImageDraw.Draw(card), ImageFont.truetype(SANS, 34)
    lines = ("Surname: OMAR", "Given names: LINA", "Father: SALEH", "Mother: DALIA NOUR", "Place of birth: HAMA",
             "Date of birth: 03.07.1990")
    for row, line in enumerate(lines):
        draw.text((330, 120 + row * 62), line, font=font, fill=(20, 20, 30))
    table = Image.new("RGB", (1300, 900), (120, 96, 70))
    table.paste(card, (140, 130))
    return png(table)


def test_an_untitled_card_photo_with_its_holders_face_is_a_close_call_between_birth_and_id_card():
    from documents.pipeline import run_pipeline

    result = run_pipeline(_untitled_card(face=True))
    assert result.kind is K.BIRTH_CERTIFICATE and result.confidence <= doubt.DOUBTFUL_CONFIDENCE
    assert (result.unsure.code, result.unsure.other) == (doubt.DoubtCode.CLOSE_CALL, K.ID_CARD)
    result = run_pipeline(_untitled_card(face=False))  # the same labels without a face: a birth record's, doubted
    assert result.kind is K.BIRTH_CERTIFICATE and result.unsure.code is doubt.DoubtCode.BY_LABELS


def test_a_birth_booklets_photo_page_without_its_title_stays_a_birth_record():
    # An Iranian shenasnameh's first page, its title word lost: the parents, the birth, a national number, the
    # place of issue and a serial number are a birth record's labels, not a card's marks.
    text = ("نام: مریم\nنام خانوادگی: احمدی\nشماره ملی: 0012345678\nتاریخ تولد: 1370/01/01\nمحل تولد: تهران\n"
            "نام پدر: علی\nنام مادر: فاطمه\nمحل صدور: تهران\nسری و سریال: 12/345678")
    classification = classify(text)
    assert (classification.kind, classification.by_labels) == (K.BIRTH_CERTIFICATE, True)


def test_a_french_acts_parents_as_fils_fille_de_and_et_de_label_a_birth():
    # A French act of birth whose title is lost: "Né(e) le", then the father after "Fils/fille de" and the
    # mother after "Et de" opening its line.
    text = ("Nom: RAHIMI\nPrénoms: FATIMA\nNé(e) le: 02/09/2016 à Lyon\nFils/fille de: ALI RAHIMI\n"
            "Et de: SELAM AL AHMAD\nNuméro d'acte: 390862")
    classification = classify(text)
    assert (classification.kind, classification.by_labels) == (K.BIRTH_CERTIFICATE, True)


def test_et_de_within_a_sentence_is_no_mothers_label():
    text = "Monsieur,\nMon fils est né le 3 mars à Lyon, et de plus il habite chez son père.\nCordialement"
    assert classify(text).kind is K.OTHER


def test_a_french_birth_act_photographed_without_its_title_is_one_by_its_labels(corpus_dir):
    from PIL import Image

    from documents.pipeline import run_pipeline

    from .test_real_documents import png

    image = Image.open(corpus_dir / "015_birth_certificate.png").convert("RGB")
    result = run_pipeline(png(image.crop((0, round(image.height * 0.18), image.width, image.height))))
    assert "NAISSANCE" not in result.text.upper()
    assert result.kind is K.BIRTH_CERTIFICATE and result.unsure.code is doubt.DoubtCode.BY_LABELS
