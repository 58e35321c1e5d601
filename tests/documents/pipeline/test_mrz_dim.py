"""Zones in photos taken in dim rooms: brightened, their sensor noise breaks the characters' strokes for Tesseract
and speckles the cells the shapes of OCR-B are compared with; smoothed, both read."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bench.real_stress import dim_uneven_light
from documents.pipeline import lighting, mrz
from documents.pipeline.mrz import ocr_lines, parse_mrz, read_mrz
from documents.pipeline.mrz_zone import find_zones, zone_char_height
from tests.documents.pipeline.ocrb import OCR_B

TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")


def card_zone(font_size: int = 15, ink: int = 90, blur: float = 0.5) -> Image.Image:
    """An ID card's lower part: a printed background of fine diagonal lines, the holder's photo, the zone."""
    font = ImageFont.truetype(OCR_B, font_size)
    width = round(font.getlength(TD1[0])) + 40
    height = round(width * 0.63)
    card = Image.new("RGB", (width, height), (225, 235, 240))
    draw = ImageDraw.Draw(card)
    for x in range(-height, width, 5):
        draw.line((x, 0, x + height, height), fill=(190, 210, 225), width=1)
    draw.rectangle((15, 15, width * 0.35, height * 0.5), fill=(150, 140, 130))
    line_height = round(font_size * 1.35)
    for row, line in enumerate(TD1):
        draw.text((20, height - 12 - (3 - row) * line_height), line, font=font, fill=(ink, ink, ink))
    return card.filter(ImageFilter.GaussianBlur(blur))


def _dim_photo(font_size: int = 18) -> Image.Image:
    photo = dim_uneven_light(card_zone(font_size=font_size, blur=0.8))
    return lighting.brightened(photo) or photo


def test_a_zone_every_scale_misreads_in_a_dim_photo_is_read_smoothed(monkeypatch):
    photo = _dim_photo()  # 13 px characters: Tesseract reads them, the shapes are the last resort
    assert zone_char_height(find_zones(photo)[0]) >= mrz.SMALL_CHARACTERS
    result = read_mrz(photo)
    assert result is not None and result.valid and result.lines[:2] == TD1[:2]
    monkeypatch.setattr(mrz, "SMOOTHED_HEIGHTS", ())
    assert not read_mrz(photo).valid  # as the photo is, every scale reads a digit wrong, and the shapes too


def test_a_zone_read_well_at_once_pays_no_smoothed_reading(monkeypatch):
    calls = []
    monkeypatch.setattr(mrz, "ocr_lines", lambda patch: calls.append(patch.size) or ocr_lines(patch))
    monkeypatch.setattr(mrz, "smoothed", lambda crop, height: calls.append("smoothed") or crop)
    result = read_mrz(card_zone(font_size=20, ink=20, blur=0.3))
    assert result.valid and result.lines[1:] == TD1[1:]
    assert "smoothed" not in calls


def test_small_characters_in_a_dim_photo_are_read_by_their_shapes_smoothed(monkeypatch):
    # 10 px characters: the shapes of OCR-B read them before Tesseract does, but the noise speckles the cells.
    photo = lighting.brightened(dim_uneven_light(card_zone(font_size=13)))
    zone = find_zones(photo)[0]
    assert zone_char_height(zone) < mrz.SMALL_CHARACTERS
    crop = mrz.crop_zone(photo, zone)
    plain = mrz._read_by_shape(crop, zone)
    assert plain is None or not plain.valid
    calls = []
    monkeypatch.setattr(mrz, "ocr_lines", lambda patch: calls.append(patch.size) or ocr_lines(patch))
    result = read_mrz(photo)
    assert result.lines == TD1 and result.valid
    assert calls == []  # the smoothed cells read it: no Tesseract call


def test_junk_read_in_the_fillers_after_optional_data_is_fillers():
    # Noise in the fillers read as the glyphs OCR makes of "<" (and 6, 0): the composite may pass it by chance.
    read = parse_mrz(["I<UTOD231458907<<<<66CEKKKKKEK", *TD1[1:]])
    assert read.lines == TD1 and read.valid
    latvian = "I<LVAPA99929216121282<88882<<<"  # data with one filler inside it stays
    assert parse_mrz([latvian, "8212122M1703054LVA<<<<<<<<<<<0", "PARAUDZINS<<ANDRIS<<<<<<<<<<<<"]).lines[0] == latvian
    kept = "I<UTOD231458907<<<<AB12<<<<<<<"  # letters OCR does not make of "<": left for the check digits to judge
    assert parse_mrz([kept, *TD1[1:]]).lines[0] == kept


def test_a_realignment_does_not_drop_the_composite_read_at_the_lines_end_to_make_it_up_again():
    # The composite (8, read as B) stands at the short line's end; dropping it, the composite would be made up from
    # the fields, and a 6 misread in the first line's optional data (no check of its own) would pass.
    read = parse_mrz(["I<PER70275722<26<<<<<<<<<<<<<<", "8906120M2107165PER<<<<<K<<<B", "CARDENAS<<JORGE<ANTHONY<<<<<<<"])
    assert read.lines[1] == "8906120M2107165PER<<<<<<<<<<<8" and not read.valid
