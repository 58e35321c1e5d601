"""ID cards and residence permits (TD1, three lines of 30) whose zone the search finds with a line lost, and zones whose
lines' pitch tells their layout, on rendered cards."""

from __future__ import annotations

from dataclasses import replace

import pytest

from documents.pipeline import mrz, mrz_zone
from documents.pipeline.mrz_parse import check_digit
from documents.pipeline.mrz_pitch import characters_per_line, holds_td1_lines
from tests.documents.pipeline.ocrb import zone_page


def residence_permit(number: str = "RP7K40312", country: str = "BEL", names: str = "OKONKWO<<CHIDI<EMEKA") -> tuple[str, ...]:
    """A residence permit's zone (code IR, TD1) with check digits that hold."""
    first = f"IR{country}{number}{check_digit(number)}".ljust(30, "<")
    birth, expiry = "880315", "310922"
    second = f"{birth}{check_digit(birth)}M{expiry}{check_digit(expiry)}SYR".ljust(29, "<")
    second += check_digit(first[5:30] + second[0:7] + second[8:15] + second[18:29])
    return first, second, names.ljust(30, "<")


def td2(names: str = "ABRAHA<<SELAM") -> tuple[str, str]:
    number, birth, expiry = "E12345678", "850101", "300101"
    second = f"{number}{check_digit(number)}ERI{birth}{check_digit(birth)}F{expiry}{check_digit(expiry)}".ljust(35, "<")
    second += check_digit(second[0:10] + second[13:20] + second[21:35])
    return f"I<ERI{names}".ljust(36, "<"), second


def card_zone_page(lines) -> object:
    return zone_page(lines, None, size=(900, 320), left=60, top=130, pitch=42)


def test_the_pitch_tells_how_many_characters_a_zones_lines_hold():
    card = residence_permit()
    passport = ("P<KENOTIENO<<AMINA".ljust(44, "<"), "B23471195KEN9006143F3208177".ljust(42, "<") + "02")
    for lines, expected in ((card, 30), (card[:2], 30), (td2(), 36), (passport, 44)):
        page = zone_page(lines, None, size=(1500, 320), left=60, top=130, pitch=42)
        zone = mrz_zone.find_zones(page)[0]
        count = characters_per_line(mrz.crop_zone(page, zone))
        assert count == pytest.approx(expected, abs=1.5)
        assert holds_td1_lines(mrz.crop_zone(page, zone)) == (expected == 30)


def _two_of_three_lines(monkeypatch, page, keep=slice(0, 2), **changes):
    zone = mrz_zone.find_zones(page)[0]
    assert len(zone.lines) == 3
    two_lines = replace(zone, lines=zone.lines[keep], **changes)
    monkeypatch.setattr(mrz, "find_zones", lambda image, overview=None: [two_lines])
    return two_lines


@pytest.mark.parametrize("keep", [slice(0, 2), slice(1, 3)], ids=["names line lost", "first line lost"])
def test_two_lines_of_a_cards_pitch_are_read_with_the_third_before_any_ocr_of_the_two(monkeypatch, keep):
    # The search joined a card's line to its edge or to the print above: two lines of 30 characters, which no
    # two-line layout has. Whatever Tesseract makes of the two (one line, junk), the card's three lines are read.
    lines = residence_permit()
    page = card_zone_page(lines)
    two_lines = _two_of_three_lines(monkeypatch, page, keep)
    two_high = mrz.crop_zone(page, two_lines).height
    read_heights = []
    ocr = mrz.ocr_lines

    def counted(patch):
        read_heights.append(patch.height)
        return ocr(patch)
    monkeypatch.setattr(mrz, "ocr_lines", counted)
    found = mrz.read_machine_zone(page)
    assert found is not None and found.result.valid and found.result.format == "TD1"
    assert found.result.lines == lines and found.result.surname == "OKONKWO"
    assert len(found.zone.lines) == 3
    assert read_heights and read_heights[0] > two_high  # not one call spent on the two lines alone (first way)


def test_the_shapes_read_two_lines_of_a_cards_pitch_in_no_two_line_layout():
    page = card_zone_page(residence_permit())
    zone = mrz_zone.find_zones(page)[0]
    two_lines = replace(zone, lines=zone.lines[:2])
    assert mrz._read_by_shape(mrz.crop_zone(page, two_lines), two_lines) is None
    by_shape = mrz._read_by_shape(mrz.crop_zone(page, zone), zone)
    assert by_shape is not None and by_shape.format == "TD1" and by_shape.valid


def test_a_zone_read_as_nothing_valid_the_likelier_way_up_is_read_the_other_way(monkeypatch):
    # A card scanned above another card has text below its zone, as a page upside down has: read upside down its
    # lines are junk (the shapes even make junk of some layout); the right way up they read, here with the card's
    # third line the search lost.
    lines = residence_permit(names="HADDAD<<NOUR")
    page = card_zone_page(lines)
    _two_of_three_lines(monkeypatch, page, text_below=0.95)
    found = mrz.read_machine_zone(page)
    assert found is not None and not found.upside_down
    assert found.result.valid and found.result.lines == lines
