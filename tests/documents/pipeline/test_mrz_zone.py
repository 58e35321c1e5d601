"""Finding the machine-readable zone without OCR (mrz_zone), on rendered cards photographed badly."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from bench.real_stress import small_on_clutter
from documents.pipeline import mrz, mrz_zone
from documents.pipeline.loading import load_pages
from documents.pipeline.mrz import read_mrz
from tests.documents.pipeline.ocrb import OCR_B, zone_page

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
ICAO_SPECIMEN = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def framed_card(font_size: int = 17, margin: int = 6, line_spacing: float = 1.5, frame: bool = True) -> Image.Image:
    """A passport card with a printed frame passing ``margin`` px beside its zone's lines, as many cards have,
    the lines ``line_spacing`` times the font size apart."""
    zone_font = ImageFont.truetype(OCR_B, font_size)
    width = round(zone_font.getlength(ICAO_SPECIMEN[0])) + 2 * (margin + 14)
    height = round(width * 0.68)
    card = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(card)
    if frame:
        draw.rounded_rectangle((10, 10, width - 11, height - 11), radius=14, outline=(30, 30, 30), width=3)
    draw.rectangle((40, 40, width * 0.3, height * 0.6), fill=(150, 140, 130))  # the holder's photo
    for row, text in enumerate(["PASSPORT  UTOPIA", "Surname  ERIKSSON", "Given names  ANNA MARIA"]):
        draw.text((width * 0.35, 40 + row * 30), text, font=ImageFont.truetype(SANS, 15), fill=(20, 20, 20))
    line_height = round(font_size * line_spacing)
    top = height - 14 - margin - 2 * line_height
    for row, line in enumerate(ICAO_SPECIMEN):
        draw.text((14 + margin, top + row * line_height), line, font=zone_font, fill=(20, 20, 20))
    return card


def test_zone_beside_a_cards_frame_small_and_askew_on_a_cluttered_table_is_found_and_read():
    # A third of a photo larger than the search's work side, 6 degrees askew: joining the characters into
    # lines joins the lines to the frame and the frame to the table's edges, unless tall shapes are left out.
    photo = small_on_clutter(framed_card())
    assert max(photo.size) > mrz_zone.WORK_SIDE
    zones = mrz_zone.find_zones(photo)
    assert zones and len(zones[0].lines) == 2
    result = read_mrz(photo)
    assert result is not None and result.valid and result.lines == ICAO_SPECIMEN


def test_close_lines_merged_at_the_search_size_are_looked_at_again_in_the_photo_itself():
    # Lines a tenth of their font size apart, on a card a third of a photo 1600 px wide: reduced to the search's
    # work side they merge into one blob, which no text mask parts; cut out at full size they stand apart.
    photo = small_on_clutter(framed_card(font_size=18, line_spacing=1.1, frame=False))
    assert max(photo.size) > 1.5 * mrz_zone.WORK_SIDE
    result = read_mrz(photo)
    assert result is not None and result.valid and result.lines == ICAO_SPECIMEN


def test_tall_shapes_are_left_out_and_characters_kept():
    mask = np.zeros((200, 400), dtype=bool)
    mask[20:180, 30:33] = True  # a frame's side, 160 px tall
    mask[100:110, 50:58] = True  # a character
    mask[40:43, 100:390] = True  # a rule across the page, 290 px wide
    without_tall, without_wide = mrz_zone._without_tall_shapes(mask, limit=40)
    assert not without_tall[20:180, 30:33].any() and without_tall[100:110, 50:58].all()
    assert without_tall[40:43, 100:390].all()
    assert without_wide[20:180, 30:33].all() and not without_wide[40:43, 100:390].any()
    assert without_wide[100:110, 50:58].all()


def test_a_large_page_of_plain_text_pays_for_no_other_text_mask(corpus_dir, monkeypatch):
    page = load_pages(corpus_dir / "036_asylum_decision.jpg")[0]
    assert max(page.size) > mrz_zone.WORK_SIDE
    searches = []
    search = mrz_zone._zones_in
    monkeypatch.setattr(mrz_zone, "_zones_in",
                        lambda *args, **kwargs: searches.append(args) or search(*args, **kwargs))
    assert mrz_zone.find_zones(page) == []
    assert len(searches) == 1


@pytest.mark.parametrize(("thickness", "merged"), [(12, False), (60, True), (700, False)])
def test_only_a_long_blob_thicker_than_print_and_thinner_than_a_page_counts_as_merged_lines(thickness, merged):
    blob = mrz_zone.Blob(cx=500, cy=400, length=800, thickness=thickness, angle=0.05)
    assert mrz_zone._merged_lines(blob, 1000) is merged


TD1_SPECIMEN = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")


def card_on_a_finely_grained_table(side: int = 2400, font_size: int = 24) -> Image.Image:
    """A card on a table whose grain, reduced to the search's work side, is thin strokes like print; the card's
    edge runs in towards its foot, so its zone's last lines end a few pixels from that grain."""
    width, height = side, round(side * 0.75)
    rows = np.arange(height, dtype=np.float32)[:, None] + np.zeros((1, width), np.float32)
    grain = (np.sin(2 * np.pi * rows / 8) > 0.6) * 45
    photo = Image.fromarray((170 - grain).astype(np.uint8)).convert("RGB")
    draw = ImageDraw.Draw(photo)
    font = ImageFont.truetype(OCR_B, font_size)
    length, line_height = font.getlength(TD1_SPECIMEN[0]), round(font_size * 1.4)
    left, top = width * 0.4, height * 0.45
    foot = top + 3 * line_height + font_size
    draw.polygon([(left - 40, top - 200), (left + length + 64, top - 200), (left + length + 4, foot), (left - 40, foot)],
                 fill=(235, 235, 230))
    for row, line in enumerate(TD1_SPECIMEN):
        draw.text((left, top + row * line_height), line, font=font, fill=(20, 20, 20))
    return photo


def test_a_zone_whose_other_lines_join_a_grained_table_is_found_by_its_one_line_at_a_fixed_pitch():
    # On a large photo the other text masks are tried only where the plain one hints at a zone: lines merged
    # into a thick blob, or, here, one line at an MRZ's fixed pitch standing alone (the other two joined the
    # table's grain, which the masks keeping only darker strokes leave out).
    photo = card_on_a_finely_grained_table()
    assert max(photo.size) > mrz_zone.WORK_SIDE
    zones = mrz_zone.find_zones(photo)
    assert zones and len(zones[0].lines) == 3


def test_a_card_zone_found_without_its_last_line_is_read_with_it(monkeypatch):
    # The search lost the names line (joined to the card's edge below it): the two lines read as a TD1 card's
    # length, so a third at the same pitch is read with them.
    page = zone_page(TD1_SPECIMEN, None, size=(900, 320), left=60, top=150, pitch=42)
    zone = mrz_zone.find_zones(page)[0]
    assert len(zone.lines) == 3
    two_lines = replace(zone, lines=zone.lines[:2])
    monkeypatch.setattr(mrz, "find_zones", lambda image, overview=None: [two_lines])
    found = mrz.read_machine_zone(page)
    assert found is not None and found.result.valid and found.result.format == "TD1"
    assert found.result.lines[:2] == TD1_SPECIMEN[:2] and found.result.surname == "ERIKSSON"
    assert len(found.zone.lines) == 3
