"""Zones in photos taken in dim rooms: brightened, their sensor noise breaks the characters' strokes."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bench.real_stress import dim_uneven_light
from documents.pipeline import lighting, mrz
from documents.pipeline.mrz import ocr_lines, read_mrz

OCR_B = "/usr/share/fonts/opentype/ocr-b/OCRB.otf"
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


def _dim_photo() -> Image.Image:
    photo = dim_uneven_light(card_zone())
    return lighting.brightened(photo) or photo


def test_a_zone_every_scale_misreads_in_a_dim_photo_is_read_smoothed(monkeypatch):
    photo = _dim_photo()
    result = read_mrz(photo)
    assert result is not None and result.valid and result.lines[:2] == TD1[:2]
    monkeypatch.setattr(mrz, "SMOOTHED_HEIGHTS", ())
    assert not read_mrz(photo).valid  # as the photo is, every scale reads a digit wrong


def test_a_zone_read_well_at_once_pays_no_smoothed_reading(monkeypatch):
    calls = []
    monkeypatch.setattr(mrz, "ocr_lines", lambda patch: calls.append(patch.size) or ocr_lines(patch))
    monkeypatch.setattr(mrz, "smoothed", lambda crop, height: calls.append("smoothed") or crop)
    result = read_mrz(card_zone(font_size=20, ink=20, blur=0.3))
    assert result.valid and result.lines[1:] == TD1[1:]
    assert "smoothed" not in calls
