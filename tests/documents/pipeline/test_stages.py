"""Unit tests of the pipeline stages on corpus pages and synthetic text (real Tesseract, no mocks)."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest
from PIL import Image

from bench.photo_faults import lamp_on_one_side
from documents.pipeline import classify, extract, languages, lighting, mrz, ocr, orientation, run_pipeline
from documents.pipeline.loading import load_pages
from documents.pipeline.types import DocumentKind as K

UPRIGHT_LATIN = "036_asylum_decision.jpg"
UPRIGHT_ARABIC = "011_birth_certificate.jpg"


@pytest.fixture(scope="module")
def latin_page(corpus_dir) -> Image.Image:
    return load_pages(corpus_dir / UPRIGHT_LATIN)[0]


# ---------------------------------------------------------------- orientation

@pytest.mark.parametrize("turn", [90, 180, 270])
def test_turned_page_is_read_upright(latin_page, turn):
    reading = ocr.read_page(latin_page.rotate(turn, expand=True)).reading
    assert "Naturalisatiedienst" in reading.text
    assert "Datum: 28 december 2026" in reading.text


def test_quarter_turn_and_skew_are_measured_without_ocr(latin_page):
    photographed_skew = orientation.analyse(latin_page).skew
    turned = latin_page.rotate(90, expand=True, fillcolor="white").rotate(-6, expand=True, fillcolor="white")
    geometry = orientation.analyse(turned)
    assert geometry.rotation in (270, 90)  # which way up is for the OCR to confirm
    # Turning the photo 6 degrees clockwise takes 6 degrees more counter-clockwise turn to straighten.
    assert geometry.skew == pytest.approx(photographed_skew + 6, abs=0.75)


def test_page_on_a_table_is_cropped(latin_page):
    page = latin_page.crop(orientation.analyse(latin_page).crop)  # the photo already shows some table
    table = Image.new("RGB", (page.width + 600, page.height + 600), (120, 60, 140))
    table.paste(page, (300, 300))
    crop = orientation.analyse(table).crop
    assert crop is not None
    assert all(abs(found - expected) < 40 for found, expected in zip(crop, (300, 300, 300 + page.width, 300 + page.height)))


def test_blank_page_has_no_text_and_no_turn():
    geometry = orientation.analyse(Image.new("RGB", (1200, 1600), "white"))
    assert geometry.rotation == 0 and geometry.line_height == 0.0


def test_grey_paper_is_made_white_and_ink_stays_dark():
    photo = Image.new("L", (200, 100), 170)  # paper in poor light
    photo.paste(40, (20, 40, 180, 50))  # a line of ink
    whitened = orientation.whiten_paper(photo)
    assert whitened.getpixel((5, 5)) == 255
    assert whitened.getpixel((100, 45)) < 80


def test_page_on_a_table_in_uneven_light_is_cropped_to_the_page(latin_page):
    page = latin_page.crop(orientation.analyse(latin_page).crop)
    table = Image.new("RGB", (page.width + 600, page.height + 600), (90, 80, 80))
    table.paste(page, (300, 300))
    crop = orientation.analyse(lamp_on_one_side(table)).crop
    assert crop is not None
    assert all(abs(found - expected) < 40 for found, expected in zip(crop, (300, 300, 300 + page.width, 300 + page.height)))


def test_dim_side_of_a_page_is_lit_like_the_bright_side():
    page = np.full((300, 600), 220, dtype=np.uint8)
    page[140:150, 20:580] = 40  # a line of ink across
    dim = (page * np.linspace(0.4, 1.0, 600)[None, :]).astype(np.uint8)
    evened = lighting.even_lighting(dim, 40)
    assert abs(int(evened[50, 30]) - int(evened[50, 570])) < 15  # the paper
    assert evened[145, 30] < 80 and evened[145, 570] < 80  # the ink, on both sides


def test_evenly_lit_image_is_left_as_it_is():
    page = np.full((300, 600), 200, dtype=np.uint8)
    page[140:150, 20:580] = 40
    assert lighting.even_lighting(page, 40) is page


@pytest.mark.parametrize(("name", "kind"), [(UPRIGHT_LATIN, K.ASYLUM_DECISION), (UPRIGHT_ARABIC, K.BIRTH_CERTIFICATE)])
def test_page_photographed_in_uneven_light_is_read(corpus_dir, name, kind):
    result = run_pipeline(_png_bytes(lamp_on_one_side(load_pages(corpus_dir / name)[0])))
    assert result.kind is kind
    if kind is K.ASYLUM_DECISION:
        assert result.decision_date == date(2026, 12, 28)


def test_ocr_image_holds_the_text_and_not_the_empty_paper_below(latin_page):
    geometry = orientation.analyse(latin_page)
    left, top, right, bottom = geometry.text_box
    crop_left, crop_top, crop_right, crop_bottom = geometry.crop
    assert crop_left <= left and crop_top <= top and right <= crop_right
    assert bottom < crop_top + 0.7 * (crop_bottom - crop_top)  # the decision's text ends halfway down the page
    assert "beschikking" in ocr.read_page(latin_page).reading.text


def test_passport_text_is_read_around_its_mrz_and_ends_with_the_corrected_lines(corpus_dir):
    result = run_pipeline(corpus_dir / "002_passport.jpg")
    assert result.mrz.valid
    lines = result.text.splitlines()
    assert lines[-2:] == list(result.mrz.lines)
    assert "ASMARA" in lines and "PASSPORT" in lines
    assert not any("<" in line for line in lines[:-2])  # the zone was not read twice


def test_passport_ocr_image_leaves_out_its_mrz_and_the_page_edges_beside_it(corpus_dir):
    page = load_pages(corpus_dir / "002_passport.jpg")[0]
    zone = mrz.read_machine_zone(page)
    outline = zone.page_outline(page.size)
    geometry = orientation.analyse(page, leave_out=(outline,))
    assert geometry.text_box[3] < min(y for _, y in outline)  # the text ends above the zone
    assert geometry.text_box[2] < 0.6 * page.width  # the zone was the only text reaching the page's right edge



def test_a_zone_that_reads_as_an_mrz_settles_which_way_up_and_across_its_lines_the_skew():
    geometry = orientation.PageGeometry(rotation=90, skew=3.0, crop=None, upright_confidence=0.2, line_height=20.0)
    half_turn = geometry.settled_by(orientation.KnownUpright(270, skew=-1.0, holder_known=True))
    assert (half_turn.rotation, half_turn.skew, half_turn.upright_confidence) == (270, 3.0, 1.0)
    across = geometry.settled_by(orientation.KnownUpright(0, skew=-1.0, holder_known=False))
    assert (across.rotation, across.skew, across.upright_confidence) == (0, -1.0, 1.0)


def test_booklet_whose_other_page_is_printed_across_is_read_once_the_way_its_valid_mrz_says(corpus_dir, latin_page):
    passport = load_pages(corpus_dir / "002_passport.jpg")[0].convert("RGB")
    other_page = latin_page.rotate(90, expand=True).convert("RGB")  # a booklet's other page, printed sideways
    other_page = other_page.resize((passport.width, round(other_page.height * passport.width / other_page.width)))
    booklet = Image.new("RGB", (passport.width, other_page.height + passport.height), "white")
    booklet.paste(other_page, (0, 0))
    booklet.paste(passport, (0, other_page.height))
    zone = mrz.read_machine_zone(booklet)
    outline = zone.page_outline(booklet.size)
    assert zone.result.valid and not orientation.analyse(booklet, leave_out=(outline,)).agrees_with(zone.page_rotation)
    known = orientation.KnownUpright(zone.page_rotation, math.degrees(zone.zone.angle), holder_known=True)
    page_reading = ocr.read_page(booklet, known=known, blank=(outline,))
    assert page_reading.turns_tried == 1
    assert "ASMARA" in page_reading.reading.text.splitlines()


# ---------------------------------------------------------------- scripts and languages

def test_arabic_page_is_read_as_arabic(corpus_dir):
    text = ocr.read_page(load_pages(corpus_dir / UPRIGHT_ARABIC)[0]).reading.text
    assert languages.dominant_script(text) == "arabic"
    assert "شهادة ولادة" in text
    assert languages.detect_languages(text) == ["ar"]


def test_latin_page_is_read_as_latin(latin_page):
    text = ocr.read_page(latin_page).reading.text
    assert languages.dominant_script(text) == "latin"
    assert languages.detect_languages(text) == ["nl"]


def test_arabic_indic_and_persian_digits_become_ascii():
    assert languages.normalise_digits("تاريخ الولادة: ١٤.٠٨.١٩٨٢ و ۱۳۹۸/۰۵/۲۱") == "تاريخ الولادة: 14.08.1982 و 1398/05/21"


@pytest.mark.parametrize(("text", "expected"), [
    ("I, the undersigned, hereby declare that my child is allowed to travel", ["en"]),
    ("Ondergetekende verklaart dat de vertaling van het document getrouw is", ["nl"]),
    ("Je soussigné certifie que la présente traduction est conforme", ["fr"]),
    ("Hiermit bestätige ich, dass die Übersetzung mit dem Original übereinstimmt", ["de"]),
    ("Bu belge ile çocuğumun Hollanda'ya gitmesine izin veriyorum ve onaylıyorum", ["tr"]),
])
def test_latin_language_by_stop_words(text, expected):
    assert languages.detect_languages(text) == expected


def test_mixed_text_lists_most_text_first():
    text = "بطاقة الهوية الوطنية\nIDENTITY CARD\nName: ALI TESFAY\nDate of birth: 20/08/1975 and the card of the holder"
    assert languages.detect_languages(text) == ["en", "ar"]


def test_persian_is_told_from_arabic():
    assert languages.detect_languages("گواهی تولد\nنام پدر: احمد\nاین سند برای ازدواج است") == ["fa"]


# ---------------------------------------------------------------- classification

@pytest.mark.parametrize(("text", "kind"), [
    ("BEËDIGDE VERTALING\nHUWELIJKSAKTE\nNaam: A. HASSAN\nOndergetekende, beëdigd vertaler Arabisch-Nederlands, "
     "ingeschreven in het Register beëdigde tolken en vertalers (Wbtv), verklaart dat deze vertaling getrouw is.",
     K.TRANSLATION),
    ("CERTIFIED TRANSLATION\nMARRIAGE CERTIFICATE\nHusband: OMAR ALI  Wife: SARA ALI\nI, sworn translator, certify "
     "that this is a true and complete translation of the original document in Arabic.", K.TRANSLATION),
    ("Beglaubigte Übersetzung aus dem Arabischen\nHEIRATSURKUNDE\nDer vereidigte Übersetzer bestätigt die "
     "Richtigkeit.", K.TRANSLATION),
    ("Dear Mr Hassan,\nThank you for your order of 12 March. Your parcel will arrive on Friday.\nKind regards,\n"
     "The Webshop team", K.OTHER),
    ("Beste bewoner, op 12 mei wordt uw straat opnieuw bestraat. Met vriendelijke groet, de gemeente.", K.OTHER),
    ("", K.OTHER),
    ("GEBURTSURKUNDE\nName des Kindes: LINA OMAR\nGeboren am 03.04.2015 in Aleppo\nVater: OMAR  Mutter: SARA",
     K.BIRTH_CERTIFICATE),
    ("DOĞUM BELGESİ\nAdı: ELİF  Soyadı: YILMAZ\nBaba adı: AHMET  Ana adı: AYŞE", K.BIRTH_CERTIFICATE),
    ("الجمهورية العربية السورية\nبيان وفاة\nاسم المتوفى: خالد\nتاريخ الوفاة: 12.03.2019", K.DEATH_CERTIFICATE),
    ("سند ازدواج\nنام زوج: احمد\nنام زوجه: مریم\nمهر: ۱۰۰ سکه", K.MARRIAGE_CERTIFICATE),
    # The title lost to blur: the form's own labels tell.
    ("ACTE DE 5\nNom du défunt: KAREEM YILMAZ\nDécédé(e) le: 26/02/2021\nLieu: Sana'a", K.DEATH_CERTIFICATE),
    ("Cher Monsieur,\nMon père est décédé le 3 mai. Je vous prie d'agréer mes salutations.", K.OTHER),
    ("LIVRET DE FAMILLE\nChef de famille: OMAR HASSAN\nÉpouse: SARA ALI\nFils: KARIM 02/03/2010", K.FAMILY_BOOKLET),
    ("Einverständniserklärung der Eltern\nHiermit bin ich einverstanden, dass mein Kind in die Niederlande reist.",
     K.CONSENT_DECLARATION),
    ("REPUBLIEK ERITREA\nIDENTITEITSKAART\nNaam: SELAM TESFAY\nGeboren: 01-01-1990", K.ID_CARD),
    ("Ministerie van Asiel en Migratie\nImmigratie- en Naturalisatiedienst\nDatum 3 februari 2026\n"
     "Onderwerp: beschikking op uw aanvraag om een verblijfsvergunning asiel voor bepaalde tijd", K.ASYLUM_DECISION),
])
def test_classification_evidence_in_several_languages(text, kind):
    assert classify.classify(text).kind is kind


def test_translation_of_a_marriage_certificate_is_a_translation_not_a_certificate():
    text = ("TRADUCTION\nACTE DE MARIAGE\nÉpoux: AHMAD HAIDARI  Épouse: NOUR KHALIL\nJe soussigné, traducteur juré, "
            "certifie que la présente traduction est conforme à l'original.")
    result = classify.classify(text)
    assert result.kind is K.TRANSLATION
    assert result.scores[K.MARRIAGE_CERTIFICATE] > 0  # the translated title still counts, but loses


@pytest.mark.parametrize("text", [
    "Dear Mr Hassan,\nPlease bring your passport and the birth certificate of your son to the appointment on "
    "3 May.\nKind regards,\nVluchtelingenWerk",
    "Geachte heer,\nWilt u een kopie van uw paspoort en de huwelijksakte meenemen naar de afspraak?\n"
    "Met vriendelijke groet",
])
def test_a_letter_mentioning_documents_is_other(text):
    assert classify.classify(text).kind is K.OTHER


def test_little_evidence_is_other_not_a_guess():
    result = classify.classify("Pupil progress report. Mathematics: good. Reading: very good.")
    assert result.kind is K.OTHER and result.confidence >= 0.5


def test_photo_without_text_is_other():
    image = Image.new("RGB", (800, 600), (40, 120, 200))
    result = run_pipeline(_png_bytes(image))
    assert result.error is None and result.kind is K.OTHER and result.languages == []


# ---------------------------------------------------------------- extraction

def test_decision_date_with_dutch_month_name_skips_birth_dates():
    text = ("Immigratie- en Naturalisatiedienst\nGeboortedatum: 12 maart 1990\nDatum: 28 december 2026\n"
            "V-nummer: 1234567890\nOnderwerp: Beschikking")
    assert extract.decision_date(text) == date(2026, 12, 28)


@pytest.mark.parametrize("written", ["28-12-2026", "28.12.2026", "28/12/2026", "28 dec. 2026"])
def test_decision_date_in_numeric_forms(written):
    text = f"IND\nU bent geboren op 01-02-1985\nDatum: {written}\nOnderwerp: beschikking"
    assert extract.decision_date(text) == date(2026, 12, 28)


def test_find_dates_reads_arabic_indic_digits():
    assert extract.find_dates("تاريخ الولادة: ١٤.٠٨.١٩٨٢") == [date(1982, 8, 14)]


@pytest.mark.parametrize(("text", "language", "sworn"), [
    ("BEËDIGDE VERTALING\nGEBOORTEAKTE\nOndergetekende, beëdigd vertaler, verklaart dat deze vertaling getrouw is.",
     "nl", True),
    ("TRANSLATION\nBirth certificate\nName: NOUR RAHIMI\nTranslated from Arabic by the family.", "en", False),
    ("TRADUCTION\nActe de naissance\nJe soussigné, traducteur assermenté, certifie la traduction.", "fr", True),
])
def test_translation_info(text, language, sworn):
    info = extract.translation_info(text, languages.detect_languages(text))
    assert (info.language, info.sworn) == (language, sworn)


def test_people_with_birth_dates_from_a_booklet_and_a_certificate():
    booklet = "LIVRET DE FAMILLE\nChef de famille YONAS AMAL RAHIMI 11/10/2006\nFils ALI KAREEM YILMAZ 21/05/2004"
    people = {p.name: p.birth_date for p in extract.people(booklet, K.FAMILY_BOOKLET, None)}
    assert people == {"YONAS AMAL RAHIMI": date(2006, 10, 11), "ALI KAREEM YILMAZ": date(2004, 5, 21)}
    certificate = "BIRTH CERTIFICATE\nFull name of child: KAREEM HASSAN\nSex: Male\nDate of birth: 25 September 1983"
    assert [(p.name, p.birth_date) for p in extract.people(certificate, K.BIRTH_CERTIFICATE, None)] == [
        ("KAREEM HASSAN", date(1983, 9, 25))]


def _png_bytes(image: Image.Image) -> bytes:
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_booklet_read_column_by_column_pairs_names_and_birth_dates_row_by_row():
    text = ("FICHE FAMILIALE D'ETAT CIVIL\nLien\nChef de famille\nEpouse\nNom et prénoms\nAHMAD SELAM YILMAZ\n"
            "AMAL ALI AL AHMAD\nDate du mariage\n01/02/1990\nDate de naissance\n13/03/1962\n26/09/1961")
    people = extract.people(text, K.FAMILY_BOOKLET, None)
    assert [(person.name, person.birth_date) for person in people] == [
        ("AHMAD SELAM YILMAZ", date(1962, 3, 13)), ("AMAL ALI AL AHMAD", date(1961, 9, 26))]


def test_column_dates_are_not_guessed_when_two_date_columns_fit_and_none_is_headed():
    text = "Name\nAHMAD YILMAZ\nAMAL AHMAD\nIssued\n01/02/1990\n02/02/1990\nValid until\n01/02/2030\n02/02/2030"
    assert all(person.birth_date is None for person in extract.people(text, K.FAMILY_BOOKLET, None))


def test_people_named_in_arabic_with_a_booklet_row_birth_date_and_no_witnesses():
    text = "دفتر العائلة\nرب الأسرة: حسن الحسين\nالولد 1: سمير 08.08.2001\nالشاهد الأول: فاطمة"
    people = extract.people(text, K.FAMILY_BOOKLET, None)
    assert [(person.name, person.birth_date) for person in people] == [
        ("حسن الحسين", None), ("سمير", date(2001, 8, 8))]


def test_ocr_text_loses_direction_marks_and_keeps_words():
    assert languages.clean_ocr_text("\u200fبطاقة\u200e الهوية ١٢") == "بطاقة الهوية 12"
