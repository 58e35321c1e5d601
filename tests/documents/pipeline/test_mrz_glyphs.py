"""Reading MRZ cells by the shapes of OCR-B (the font ICAO 9303 prescribes), without Tesseract."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from documents.pipeline import mrz_glyphs
from documents.pipeline.mrz_cells import cell_grid
from documents.pipeline.mrz_parse import LAYOUTS, parse_mrz

TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")


def _tiny_zone_seen_large(lines, cap_height: int) -> Image.Image:
    """The zone as a small photo shows it (characters ``cap_height`` px high), enlarged the way
    ``crop_zone`` enlarges it (36 px characters, bicubic)."""
    font = ImageFont.truetype(str(mrz_glyphs.OCRB_FONT), 60)
    pitch, cap = font.getlength("0"), -font.getbbox("H", anchor="ls")[1]
    line_height = round(cap * 1.9)
    zone = Image.new("L", (round(pitch * (len(lines[0]) + 4)), line_height * (len(lines) + 1)), 235)
    draw = ImageDraw.Draw(zone)
    for index, line in enumerate(lines):
        draw.text((2 * pitch, line_height * (index + 1)), line, font=font, fill=30, anchor="ls")
    small = zone.resize((round(zone.width * cap_height / cap), round(zone.height * cap_height / cap)), Image.LANCZOS)
    return small.resize((round(small.width * 36 / cap_height), round(small.height * 36 / cap_height)), Image.BICUBIC)


def test_every_mrz_character_has_a_glyph():
    assert set(mrz_glyphs.glyphs()) == set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


def test_zone_with_characters_seven_pixels_high_is_read_cell_by_cell():
    layout = LAYOUTS["TD1"]
    cells = cell_grid(_tiny_zone_seen_large(TD1, cap_height=7), layout.line_count, layout.line_length)
    result = parse_mrz(mrz_glyphs.read_cells(cells, layout))
    assert result.lines == TD1  # at 7 px an O and a 0 look alike: the check digits tell them apart
    assert result.valid


def test_each_position_allows_only_what_its_field_may_hold():
    allowed = mrz_glyphs.allowed_per_position(LAYOUTS["TD3"])
    assert allowed[1][13] == "0123456789"  # birth date
    assert "0" not in allowed[1][10]  # nationality
    assert allowed[1][9] == "0123456789<"  # the document number's check digit
    assert set(allowed[1][20]) == set("MFX<")  # sex
