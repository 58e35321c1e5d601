"""Rules learnt from real scans and photos (../shared/real), each shown on a case cropped from one at test
time or written out as text; the images are read by path, never copied into the repository."""

from __future__ import annotations

import io

from PIL import Image

from documents.pipeline import run_pipeline
from documents.pipeline.classify import kind_of_mrz
from documents.pipeline.mrz import read_mrz
from documents.pipeline.mrz_parse import parse_mrz
from documents.pipeline.types import DocumentKind

MRV_A = ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<")
MRV_B = ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<")


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def real(real_dir, name: str) -> Image.Image:
    return Image.open(real_dir / name).convert("RGB")


# ------------------------------------------------------------ visas

def test_visa_zones_have_no_composite_check_digit_and_validate_without_one():
    for lines, format in ((MRV_A, "TD3"), (MRV_B, "TD2")):
        result = parse_mrz(list(lines))
        assert result.valid is True
        assert result.format == format  # the contract's formats are the sizes of the lines
        assert result.document_number == "L8988901C" and result.nationality == "XXX"
        assert result.surname == "ERIKSSON" and result.given_names == "ANNA MARIA"


def test_a_visa_proves_no_identity_and_is_other():
    assert kind_of_mrz(parse_mrz(list(MRV_A))) is DocumentKind.OTHER


def test_visa_type_read_as_w_is_a_visa():
    result = parse_mrz(["W" + MRV_B[0][1:], MRV_B[1]])
    assert result.lines[0].startswith("V<") and result.valid is True


def test_print_beside_a_visa_zone_is_not_optional_data():
    result = parse_mrz([MRV_B[0], MRV_B[1][:-1] + "4"])
    assert result.lines[1] == MRV_B[1]


def test_visa_photographed_is_other_with_its_machine_zone_kept(real_dir):
    # A visa foil cut out of its scan: only the foil, whatever the page around it said.
    foil = real(real_dir, "072_other.png")
    result = run_pipeline(png(foil))
    assert result.kind is DocumentKind.OTHER
    assert result.mrz is not None and result.mrz.valid is True
    assert result.mrz.lines == ("VDGBRMUNIR<<FAISAL<<<<<<<<<<<<<<<<<<", "AD07259817PAK7608151M0611165<<<<<<<<")


# ------------------------------------------------------------ document codes and check digits

def test_filler_after_the_document_type_read_as_a_letter_is_a_filler():
    td3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
    for misread in ("PK", "PE", "PX"):
        assert parse_mrz([misread + td3[0][2:], td3[1]]).lines[0].startswith("P<UTO")


def test_second_letters_of_codes_in_use_are_kept():
    td3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
    for code in ("PA", "PD", "PO", "PS"):
        assert parse_mrz([code + td3[0][2:], td3[1]]).lines[0].startswith(code + "UTO")


def test_a_filler_leading_a_document_number_is_a_misread_character():
    # "<" weighs 0 like A at a weight of 7: the check digit holds, the number cannot.
    result = parse_mrz([MRV_B[0], "<" + MRV_B[1][1:]])
    assert result.valid is False


def test_zero_read_as_d_where_the_letters_end_is_flipped_when_the_check_digit_agrees():
    lines = ["IDESPBAAD00589599999999R<<<<<<", "8001014F2501017ESP<<<<<<<<<<<7", "ESPANOLA<ESPANOLA<<CARMEN<<<<<"]
    result = parse_mrz(lines)
    assert result.document_number == "BAA000589" and result.valid is True


def test_composite_check_digit_read_as_a_filler_is_restored_when_every_other_check_holds():
    lines = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<<", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
    result = parse_mrz(lines)
    assert result.lines[1].endswith("6") and result.valid is True


def test_lone_k_among_td1_optional_fillers_is_a_filler():
    lines = ["IDESPBAA000589599999999R<<<K<<", "8001014F2501017ESP<<<<<<<<<<<7", "ESPANOLA<ESPANOLA<<CARMEN<<<<<"]
    assert parse_mrz(lines).lines[0] == "IDESPBAA000589599999999R<<<<<<"


# ------------------------------------------------------------ finding the zone on cards scanned together

def test_card_edge_under_the_zone_does_not_hide_it(real_dir):
    # Front above back in one scan: the back card's edge runs under its zone as long as its lines.
    result = read_mrz(real(real_dir, "030_id_card.jpg"))
    assert result is not None and result.valid is True
    assert result.lines[0] == "IDESPBAA000589599999999R<<<<<<"
    assert result.surname == "ESPANOLA ESPANOLA" and result.given_names == "CARMEN"


def test_zone_with_the_other_card_below_is_read_the_other_way_up_too(real_dir):
    # The zone on the front card, the back card's print below it: the text says "upside down".
    result = read_mrz(real(real_dir, "038_id_card.png"))
    assert result is not None and result.valid is True and result.surname == "CARDENAS"


def test_card_over_another_card_turned_over_is_read(real_dir):
    scan = real(real_dir, "038_id_card.png")
    result = read_mrz(scan.rotate(180))
    assert result is not None and result.valid is True and result.surname == "CARDENAS"


def test_small_card_cut_from_a_side_by_side_scan_is_read(real_dir):
    # Two small cards side by side: the back, on its printed background (guilloches).
    scan = real(real_dir, "039_id_card.png")
    back = scan.crop((scan.width // 2, 0, scan.width, scan.height))
    result = read_mrz(back)
    assert result is not None and result.valid is True and result.lines[2].startswith("TEST<<MILICA<")
