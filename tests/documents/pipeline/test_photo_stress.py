"""Photos that differ from a scan the way phone photos do (bench/real_stress.py measures the same on every
labelled image): turned far askew, on a cluttered table. Each rule is tested on a transformed page."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image

from bench.real_stress import at_an_angle, dim_uneven_light, scaled_to, small_on_clutter, turned
from documents.pipeline import doubt, faces, lighting, orientation, run_pipeline
from documents.pipeline.classify import Classification, classify
from documents.pipeline.classify_zone import holder_line
from documents.pipeline.loading import load_pages
from documents.pipeline.mrz_parse import parse_mrz
from documents.pipeline.types import DocumentKind as K

LATIN_LETTER = "036_asylum_decision.jpg"


@pytest.fixture(scope="module")
def letter(corpus_dir) -> Image.Image:
    page = load_pages(corpus_dir / LATIN_LETTER)[0]
    return page.resize((1200, round(page.height * 1200 / page.width)), Image.LANCZOS)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("degrees", [25, -35])
def test_lines_far_askew_are_not_taken_for_clear_and_their_angle_is_found(letter, degrees):
    photographed = orientation.analyse(letter).skew
    photo = turned(degrees)(letter)
    assert not orientation.analyse(photo).lines_clear
    # Turning the photo d degrees counter-clockwise takes d degrees clockwise to straighten.
    assert orientation.wide_skew(photo) == pytest.approx(photographed - degrees, abs=1.0)


def test_page_lying_within_the_usual_skew_is_clear_and_needs_no_wide_search(letter):
    photo = turned(6)(letter)
    assert orientation.analyse(photo).lines_clear
    assert orientation.wide_skew(photo) is None


def test_page_photographed_turned_35_degrees_is_read(letter):
    result = run_pipeline(_png(turned(-35)(letter)))
    assert result.kind is K.ASYLUM_DECISION
    assert "Naturalisatiedienst" in result.text


def test_passport_photographed_turned_30_degrees_reads_its_mrz(corpus_dir, corpus_labels):
    name = next(name for name, label in corpus_labels.items() if label["kind"] == "passport" and name.endswith(".jpg"))
    page = load_pages(corpus_dir / name)[0]
    page = page.resize((1200, round(page.height * 1200 / page.width)), Image.LANCZOS)
    result = run_pipeline(_png(turned(30)(page)))
    assert result.kind is K.PASSPORT
    assert result.mrz is not None and result.mrz.valid
    assert list(result.mrz.lines) == corpus_labels[name]["mrz"]["lines"]


def test_page_small_on_a_cluttered_table_is_read(letter):
    result = run_pipeline(_png(small_on_clutter(letter)))
    assert result.kind is K.ASYLUM_DECISION


def test_page_photographed_in_a_dim_room_with_uneven_light_is_read(letter):
    result = run_pipeline(_png(dim_uneven_light(letter)))
    assert result.kind is K.ASYLUM_DECISION


def test_dim_photo_is_brightened_and_a_well_lit_one_left_alone(letter):
    assert lighting.brightened(letter) is None
    lit = lighting.brightened(dim_uneven_light(letter))
    assert lit is not None and np.percentile(np.asarray(lit.convert("L")), 95) > 200


def test_other_from_a_photo_where_hardly_any_text_was_read_is_unsure():
    # Too dark, too small or turned for the OCR: "other" then is no finding, and the counsellor is told.
    other = Classification(K.OTHER, 0.9, {kind: 0.0 for kind in K})
    reason = doubt.doubt(other, None, little_text=True)
    assert reason == "hardly any text could be read" and reason.code is doubt.DoubtCode.LITTLE_TEXT
    assert doubt.doubt(other, None, little_text=False) == ""


def test_photo_too_dark_to_read_is_not_a_confident_other(letter):
    result = run_pipeline(_png(Image.eval(letter.convert("L"), lambda value: value // 40).convert("RGB")))
    assert result.kind is K.ASYLUM_DECISION or (result.unsure and result.confidence <= doubt.DOUBTFUL_CONFIDENCE)


def test_passport_small_on_a_cluttered_table_has_its_zone_found_within_its_outline(real_dir):
    # On the whole scene the table's grain and edges drown the zone's lines; within the page's outline they stand out.
    labels = {label["file"]: label for label in map(json.loads, (real_dir / "labels.jsonl").read_text().splitlines())}
    name = "010_passport.png"  # a small scan (461 px wide): on the table it is a third of the photo
    result = run_pipeline(_png(small_on_clutter(load_pages(real_dir / name)[0])))
    assert result.kind is K.PASSPORT
    assert result.mrz is not None and result.mrz.valid and list(result.mrz.lines) == labels[name]["mrz_lines"]


def test_other_with_a_zone_left_out_though_most_of_its_check_digits_hold_is_unsure():
    # A card photographed dim or at an angle, its printed words lost: its zone, misread, is no evidence of a
    # kind, but the counsellor is told what it looks like rather than given a confident other.
    td1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
    misread = parse_mrz([td1[0].replace("D23", "D28"), *td1[1:]])
    assert misread is not None and not misread.valid
    other = Classification(K.OTHER, 0.9, {kind: 0.0 for kind in K})
    reason = doubt.doubt(other, None, unread_zone=misread)
    assert reason.code is doubt.DoubtCode.ZONE_FAILS and reason.kind is K.ID_CARD


TD1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]


@pytest.mark.parametrize(("lines", "kind"), [
    (["880>>1770100IIL51>>>>>>>>>>>>>>>", TD1[1], "SINGH<<JASINCALI<<<<<<"], K.ID_CARD),  # first line garbled
    (["1DSRB9555555461290296800000", "34.07.2012. 7408122 1204159UT0>>>>>>>>>>>6"], K.ID_CARD),  # sex lost, "<" as ">"
    (["P<UTOERIKS5ON<<ANNA<MAR1A<<<<<<<<<<<<<", TD3[1]], K.PASSPORT),
    (["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"], K.ID_CARD),  # TD2
])
def test_holder_line_of_a_zone_read_in_part_tells_passport_or_id_card(lines, kind):
    assert holder_line("\n".join(lines)).kind is kind


@pytest.mark.parametrize("text", [
    "\n".join(["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", TD3[1]]),  # a visa proves no identity
    "\n".join(TD1).replace("7408122F", "7408123F"),  # a check digit fails
    # A vehicle registration's zone, as read dim: checked numbers, but no dates with a sex between them.
    "CRFRAABIZBCDOVFSIVZOO9ASIVZOO9Z9BOIOS9VP<<<<\n1CI1<<MAR0D<<<<<<<<<M00818<<<<<2009AS0528402",
    "Total 2024-01-15 IBAN NL91ABNA0417164300 ref 74081221204159",
])
def test_no_holder_line_where_none_holds(text):
    assert holder_line(text) is None


def _real(real_dir, name: str, transform) -> bytes:
    return _png(transform(load_pages(real_dir / name)[0].convert("RGB")))


def test_card_at_an_angle_whose_zone_is_read_in_part_is_an_id_card_said_unsure(real_dir):
    # Its zone garbled: read in part (the holder's line, both dates checked, still stands), or read whole failing
    # its check digits: an ID card, doubted. Or, its two lines of 30 found, read whole with the third line (see
    # test_mrz_cards) and valid: an ID card with the number it prints. (Small on a table, its zone reads whole and
    # valid too: the line the search lost is read with the two it found, see test_mrz_zone.)
    result = run_pipeline(_real(real_dir, "043_id_card.png", at_an_angle))
    assert result.kind is K.ID_CARD
    if result.mrz is not None and result.mrz.valid:
        assert result.mrz.document_number == "Y701001V5" and result.mrz.lines[1] == "7611027M1609189IND<<<<<<<<<<<2"
        return
    assert result.unsure.code in (doubt.DoubtCode.ZONE_PARTIAL, doubt.DoubtCode.MRZ_FAILS)
    assert result.confidence <= doubt.DOUBTFUL_CONFIDENCE


def test_residence_card_too_small_for_its_zone_is_an_id_card_by_its_title(real_dir):
    result = run_pipeline(_real(real_dir, "047_id_card.png", scaled_to(350)))
    assert result.kind is K.ID_CARD


@pytest.mark.parametrize(("text", "kind"), [
    ("PERMANENT RESIDENT CARD\nNAME CRITTENDEN, LEE W.", K.ID_CARD),
    ("TITRE DE SÉJOUR\nRÉPUBLIQUE FRANÇAISE", K.ID_CARD),
    ("بطاقة الإقامة", K.ID_CARD),
    # The IND's decision on an asylum residence permit is a letter about one, not the card.
    ("Besluit\nUw aanvraag verblijfsvergunning asiel\nGeachte heer, de IND heeft besloten uw verblijfsvergunning "
     "asiel te verlenen. Uw verblijfsvergunning is vijf jaar geldig.", K.ASYLUM_DECISION),
])
def test_residence_permits_are_identity_cards_and_asylum_letters_are_not(text, kind):
    assert classify(text).kind is kind


def test_translation_too_small_for_its_statement_is_one_by_its_heading(corpus_dir):
    # At 350 px wide only the headings are read: "TRADUCTION" above the translated certificate's title.
    result = run_pipeline(_png(scaled_to(350)(load_pages(corpus_dir / "028_translation.jpg")[0].convert("RGB"))))
    assert result.kind is K.TRANSLATION
    assert classify("TRADUCTION\nACTE DE DECES\nNom du défunt").kind is K.TRANSLATION


def test_face_seen_in_a_documents_pale_background_is_no_passport_photo(real_dir):
    # At 350 px wide the vehicle registration's guilloche looks like a face to the cascade; it has no dark eyes or hair.
    page = scaled_to(350)(load_pages(real_dir / "058_other.jpg")[0].convert("RGB"))
    assert faces.find_faces(page) and faces.portrait_face(page) is None


def test_letter_photographed_too_small_to_read_is_not_a_confident_other(corpus_dir):
    # 350 px wide, an A4 letter's words come out as noise the OCR is sure of none of: "other" is no finding.
    page = load_pages(corpus_dir / LATIN_LETTER)[0].convert("RGB")
    result = run_pipeline(_png(scaled_to(350)(page)))
    assert result.kind is K.ASYLUM_DECISION or (
        result.unsure.code is doubt.DoubtCode.LITTLE_TEXT and result.confidence <= doubt.DOUBTFUL_CONFIDENCE)


@pytest.mark.parametrize(("strong", "words", "garbled"), [(0, 36, True), (4, 52, True), (3, 24, False), (12, 59, False),
                                                          (0, 0, False), (20, 400, False)])
def test_reading_is_garbled_where_the_ocr_is_sure_of_hardly_any_word(strong, words, garbled):
    from documents.pipeline import _garbled
    from documents.pipeline.ocr import Reading
    assert _garbled([Reading("", 50.0, words, "eng", 0.0, strong)]) is garbled


def test_two_lines_of_44_with_a_cards_code_failing_their_checks_are_no_identity_document():
    # A vehicle registration's zone as read from a photo at an angle: two lines of 44 beginning with C.
    zone = parse_mrz(["CRFRAABTZSCDOVFSIVZOOVASIVZOOVZVBOTOSRVP<<<<", "CI<<MARDU2D<<4444460F862444<<<<2O09ASO528402"])
    assert zone.format == "TD3" and not zone.valid
    result = classify("CERTIFICAT D'IMMATRICULATION\nCRFRA<<<<", zone)
    assert result.kind is K.OTHER and doubt.doubt(result, zone) == ""
    # Left out as a zone that fails (no ID wording on the page), it is no reason to doubt "other" either: it
    # was said as "looks like an other, its MRZ does not pass its check digits".
    unread = classify("CERTIFICAT D'IMMATRICULATION", unread_zone=zone)
    assert unread.kind is K.OTHER and doubt.doubt(unread, None, unread_zone=zone) == ""
    # The same layout beginning with P is a passport whose zone fails: said so, not taken for a card.
    passport = parse_mrz(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C37UTO7408122F1204159ZE184226B<<<<<10"])
    assert classify("", passport).kind is K.PASSPORT


def test_letter_photographed_350_px_wide_is_enlarged_for_the_ocr_and_read(corpus_dir):
    # An A4 letter 350 px wide: its letters, 4-5 px high, are read once enlarged (before: "hardly any text").
    page = load_pages(corpus_dir / "037_asylum_decision.jpg")[0].convert("RGB")
    result = run_pipeline(_png(scaled_to(350)(page)))
    assert result.kind is K.ASYLUM_DECISION


@pytest.mark.parametrize(("size", "pitch", "scale"), [((350, 495), 10, 1.9), ((350, 495), 20, 1.0),
                                                      ((600, 380), 24, 1.0), ((2400, 3400), 45, 0.59)])
def test_only_small_pages_with_tiny_lines_are_enlarged_and_at_most_twice(size, pitch, scale):
    from documents.pipeline.ocr import ocr_scale
    assert ocr_scale(size, pitch) == pytest.approx(scale, abs=0.05)


def test_a_sheet_small_on_a_textured_table_is_read_within_its_own_outline():
    # Lying sideways a third of the photo's width, a lamp on it: the table's grain drowns its print for the OCR,
    # which reads nothing of the whole photo; the sheet's own outline (``orientation.small_sheet``) reads.
    from .test_rendered_documents import LATIN, render

    lines = ["ACTE DE MARIAGE", "Le 03/07/1988, devant nous, officier de l'état civil,",
             "ont comparu les futurs époux, unis par le mariage."]
    page = Image.open(io.BytesIO(render(lines, LATIN, turn=90))).convert("RGB").resize((800, 565))
    photo = small_on_clutter(dim_uneven_light(page).point(lambda value: min(255, value * 2.6)))
    assert orientation.small_sheet(photo) is not None
    assert run_pipeline(_png(photo)).kind is K.MARRIAGE_CERTIFICATE
    assert orientation.small_sheet(page) is None  # a scan is no sheet on a table
