"""An identity card's back, or a card whose title and zone are lost, shows only its marks: its expiry or number,
its issue, remarks, the holder's height or eyes. Two kinds of them on a short page of labels with no letter's
structure make an unsure ID card ("looks like an ID card, no MRZ found"), not an asylum decision or a confident
other; other cards (a driving licence, a bank card), invoices and letters stay what they were. An acknowledgement
of an application that decides nothing is no asylum decision."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from bench.samples import SANS, png
from documents.pipeline import doubt, run_pipeline
from documents.pipeline.classify import classify
from documents.pipeline.types import DocumentKind as K

CARD_BACKS = {
    # A Dutch residence permit's back, its zone unread: the permit's type names asylum, no letter around it.
    "residence permit, asylum type": "Aantekeningen / Remarks\nArbeid vrij toegestaan. TWV niet vereist\n"
                                     "Verblijfsvergunning asiel bepaalde tijd\nDatum van afgifte / Date of issue "
                                     "12.03.2024\nAfgegeven door / Authority: IND",
    # A residence permit's back: its holder's right to work, remarks and issue, no card's own mark.
    "residence permit, right to work": "Remarks\nLEAVE TO REMAIN\nWork permitted\nPlace of issue: UK\n"
                                       "Date of issue 01.02.2020",
    "English": "Date of issue 01.02.2020\nIssuing authority: Ministry of Interior\nHeight 175 cm\nRemarks: none",
    "French": "Taille 1,72 m\nAdresse 12 rue des Lilas\nDélivrée le 03.04.2019 par Préfecture\nSignature du titulaire",
    "German": "Anschrift: Hauptstr. 5, Berlin\nGröße 180 cm  Augenfarbe grün\nBehörde: Stadt Berlin\n"
              "Ausstellungsdatum 01.01.2020",
    # A Dari card whose title and holder's name are unreadable: its issue and expiry remain.
    "Dari, no name or title": "جمهوری اسلامی افغانستان\nنام پدر: احمد\nتاریخ تولد: 1370\nتاریخ صدور: 1398/05/12\n"
                              "تاریخ انقضا: 1408/05/12\nمحل صدور: کابل",
    # Card fronts whose zone is not read and whose title the OCR lost or broke: the holder's labels (three of
    # sex, nationality, names, birth date) beside the card's expiry.
    "front, bilingual labels": "Name/ Nom\nERIKSSON, ANNA MARIA\nSex/ Nationality/ Date of birth/\nSexe Nationalité "
                               "Date de naissance\nF UTO 12 AUG 74\nDoc Expiry/ Expiration\nD23145890 15 APR 12",
    "front, Spanish labels, title broken": "DocuMENTO NACIONAl\nAPELLIDOS\nMUESTRA\nNOMBRE\nCARMEN\nSEXO "
                                           "NACIONALIDAD\nF ESP\nFECHA DE NACIMIENTO\n01 01 1980\nVALIDEZ\n01 01 2026",
    "Arabic": "تاريخ الإصدار: 2019/05/12\nجهة الإصدار: مديرية الأحوال المدنية\nفصيلة الدم: O+\nالطول: 170",
    # A card's front whose title is lost: the holder's national number beside a card's own mark (blood group, the
    # holder's signature).
    "Arabic front, national number and blood group": "الاسم: سامر\nالأب: يوسف\nاللقب: الحسيني\nالجنس: ذكر\n"
                                                     "فصيلة الدم: A+\nالرقم الوطني 198812345678",
    # A card's expiry and its number are two marks, each a card's own.
    "Turkish front, expiry and card number": "Adı: Mehmet\nDoğum Tarihi: 01.01.1985\nSon Geçerlilik: 01.01.2031\n"
                                             "Kart No: A12B34567",
    "front, identity number and holder's signature": "Name: Amina Yusuf Farah\nDate of birth: 12/12/1992\n"
                                                      "Identity No. 998877665\nSignature of holder",
}


@pytest.mark.parametrize("text", CARD_BACKS.values(), ids=CARD_BACKS.keys())
def test_a_cards_marks_without_title_or_zone_make_an_unsure_id_card(text):
    classification = classify(text)
    assert classification.kind is K.ID_CARD
    said = doubt.doubt(classification, None)
    assert (said.code, said.kind) == (doubt.DoubtCode.NO_MRZ, K.ID_CARD)


STAY = {
    "credit card": ("MASTERCARD\n5412 7512 3412 3456\nVALID THRU 12/25\nJOHN SMITH", K.OTHER),
    "driving licence": ("PERMIS DE CONDUIRE\n1. MARTIN 2. PAUL\n4a. 01.01.2020 4b. Date of expiry 01.01.2035\n"
                        "4c. Préfecture\nDate of issue 01.01.2020", K.OTHER),
    "visa, its zone unread": ("Issuing Post Name\nSurname TRAVELER\nGiven Name HAPPY\nNationality UTO  Sex F\n"
                              "Birth Date 01 JAN 1980\nExpiration Date 01 JAN 2030\nVisa Type B1/B2", K.OTHER),
    "birth record's holder labels, no card mark": ("Surname: OMAR\nGiven names: LINA\nSex: F\nNationality: Syrian\n"
                                                   "Date of birth: 03.07.2017\nDate of issue: 2020", K.OTHER),
    "Italian driving licence": ("PATENTE DI GUIDA\n1. ROSSI 2. MARIO\n3. 01.01.1980 ROMA\n4a. 01.01.2020\n"
                                "4b. Scadenza 01.01.2030\n4c. MIT-UCO\nSesso M Nazionalità ITA", K.OTHER),
    "employee card": ("EMPLOYEE ID\nName: Sara Ali\nCard No: 4411\nValid until 12/2026\nDate of issue 01/2024", K.OTHER),
    "vaccination certificate": ("INTERNATIONAL CERTIFICATE OF VACCINATION OR PROPHYLAXIS\nName: Sara Ali\n"
                                "Date of birth: 01.02.2015  Sex: F  Nationality: Syrian\nSignature of holder", K.OTHER),
    "invoice": ("INVOICE\nInvoice No. 123\nDate of issue 01.02.2024\nRemarks: paid\nTotal 120.00", K.OTHER),
    "one mark only": ("Date of issue 01.02.2020\nAmsterdam", K.OTHER),
    "IND decision letter": ("Immigratie- en Naturalisatiedienst\nGeachte heer,\nDatum van afgifte van uw document: "
                            "12.03.2024\nWij hebben besloten uw aanvraag om een verblijfsvergunning asiel in te "
                            "willigen.\nDe vergunning is geldig tot 12.03.2029.\nMet vriendelijke groet",
                            K.ASYLUM_DECISION),
    # A birth booklet's page whose title and a parent's label are lost: the national number, a serial number and
    # the place of issue are no card's own marks, and a national number is no identity wording (civil records
    # print it too).
    "birth booklet's page, national number and issue": ("شماره: 4521 سری: 13 ب\nنام: مریم\nنام خانوادگی: رضایی\n"
                                                        "تاریخ تولد: 1370/05/12\nمحل صدور: شیراز\n"
                                                        "شماره ملی: 2281234567\nشماره سریال: 789456", K.OTHER),
    "birth record with its issue": ("BIRTH CERTIFICATE\nName: Lina Omar\nFather: Omar\nMother: Huda\n"
                                    "Date of birth 2015\nDate of issue 2020\nRemarks: none", K.BIRTH_CERTIFICATE),
}


@pytest.mark.parametrize("text, kind", STAY.values(), ids=STAY.keys())
def test_other_cards_letters_and_records_keep_their_kind(text, kind):
    assert classify(text).kind is kind


RECEIPTS = [
    "Immigratie- en Naturalisatiedienst\nOntvangstbevestiging\nGeachte heer Hassan,\nWij hebben uw asielaanvraag "
    "ontvangen op 3 maart 2026.\nV-nummer: 1234567890\nU ontvangt later een besluit op uw aanvraag.\n"
    "Met vriendelijke groet",
    "Immigration and Naturalisation Service\nDear Mr Hassan,\nWe have received your application for a residence "
    "permit asylum.\nYour V-number is 1234567890. You will receive a decision within six months.\nKind regards",
    "Immigratie- en Naturalisatiedienst\nUitnodiging\nGeachte heer Hassan,\nU bent uitgenodigd voor een gehoor over "
    "uw asielaanvraag op 12 maart 2026.\nMet vriendelijke groet",
]


@pytest.mark.parametrize("text", RECEIPTS)
def test_an_acknowledgement_or_an_invitation_is_no_decision(text):
    classification = classify(text)
    assert classification.kind is K.OTHER
    assert doubt.doubt(classification, None) == ""


def test_a_decision_that_says_the_application_was_received_stays_a_decision():
    text = ("Immigratie- en Naturalisatiedienst\nGeachte heer,\nWij hebben uw aanvraag ontvangen op 3 maart 2026.\n"
            "Wij hebben besloten uw aanvraag om een verblijfsvergunning asiel in te willigen.\nMet vriendelijke groet")
    assert classify(text).kind is K.ASYLUM_DECISION


def _card_back_on_a_table() -> bytes:
    card = Image.new("RGB", (1012, 638), (226, 232, 214))
    draw, font = ImageDraw.Draw(card), ImageFont.truetype(SANS, 38)
    lines = ("Remarks / Aantekeningen", "Residence permit asylum, fixed term", "Date of issue: 12.03.2024",
             "Issuing authority: IND", "Height: 1.75 m")
    for row, line in enumerate(lines):
        draw.text((60, 90 + row * 90), line, font=font, fill=(20, 20, 30))
    table = Image.new("RGB", (1300, 900), (120, 96, 70))
    table.paste(card, (140, 130))
    return png(table)


def test_a_photographed_card_back_without_title_or_zone_is_an_unsure_id_card():
    result = run_pipeline(_card_back_on_a_table())
    assert result.kind is K.ID_CARD, result.text[:300]
    assert result.unsure.code is doubt.DoubtCode.NO_MRZ and result.confidence <= doubt.DOUBTFUL_CONFIDENCE


@pytest.mark.parametrize("name, part", [
    ("025_id_card.jpg", (0.0, 0.5)),  # a specimen card's front (front above back): labels and expiry, no zone
    ("029_id_card.jpg", (0.5, 1.0)),  # a national card's front cropped from below its back, title broken by the OCR
])
def test_a_real_cards_front_cropped_from_its_zone_is_an_unsure_id_card(real_dir, name, part):
    image = Image.open(real_dir / name)
    top, bottom = (round(image.height * share) for share in part)
    result = run_pipeline(png(image.crop((0, top, image.width, bottom)).convert("RGB")))
    assert result.mrz is None and result.kind is K.ID_CARD, result.text[:300]
    assert result.unsure.code is doubt.DoubtCode.NO_MRZ
