"""Reading MRZ cells by the shapes of OCR-B (the font ICAO 9303 prescribes), without Tesseract."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from documents.pipeline import mrz_glyphs
from documents.pipeline.mrz_cells import GLYPH_PITCH_SCALES, GLYPH_SHIFTS, cell_grid
from documents.pipeline.mrz_layouts import LAYOUTS
from documents.pipeline.mrz_parse import parse_mrz

TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")


def _tiny_zone_seen_large(lines, cap_height: int, out_of_focus: float = 0.0) -> Image.Image:
    """The zone as a small photo shows it (characters ``cap_height`` px high, blurred
    ``out_of_focus`` px more), enlarged the way ``crop_zone`` enlarges it (36 px characters, bicubic)."""
    font = ImageFont.truetype(str(mrz_glyphs.OCRB_FONT), 60)
    pitch, cap = font.getlength("0"), -font.getbbox("H", anchor="ls")[1]
    line_height = round(cap * 1.9)
    zone = Image.new("L", (round(pitch * (len(lines[0]) + 4)), line_height * (len(lines) + 1)), 235)
    draw = ImageDraw.Draw(zone)
    for index, line in enumerate(lines):
        draw.text((2 * pitch, line_height * (index + 1)), line, font=font, fill=30, anchor="ls")
    small = zone.resize((round(zone.width * cap_height / cap), round(zone.height * cap_height / cap)), Image.LANCZOS)
    if out_of_focus:
        small = small.filter(ImageFilter.GaussianBlur(out_of_focus))
    return small.resize((round(small.width * 36 / cap_height), round(small.height * 36 / cap_height)), Image.BICUBIC)


def test_every_mrz_character_has_a_glyph():
    assert set(mrz_glyphs.glyphs()) == set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


def test_zone_with_characters_seven_pixels_high_is_read_cell_by_cell():
    layout = LAYOUTS["TD1"]
    cells = cell_grid(_tiny_zone_seen_large(TD1, cap_height=7), layout.line_count, layout.line_length)
    result = parse_mrz(mrz_glyphs.read_cells(cells, layout))
    assert result.lines == TD1  # at 7 px an O and a 0 look alike: the check digits tell them apart
    assert result.valid


def test_zone_seven_pixels_high_and_out_of_focus_is_read_cell_by_cell():
    layout = LAYOUTS["TD3"]
    cells = cell_grid(_tiny_zone_seen_large(TD3, cap_height=7, out_of_focus=0.9), layout.line_count, layout.line_length,
                      GLYPH_SHIFTS, GLYPH_PITCH_SCALES)
    assert mrz_glyphs.read_cells(cells, layout, char_height=7) == list(TD3)


def test_a_zone_further_out_of_focus_is_read_against_glyphs_blurred_as_much(monkeypatch):
    # A phone focused behind the document blurs its 12-13 px characters by 1.5 px or more: glyphs blurred no more
    # than 1 px match a blurred 0 to a D and a 3 to an S; the zone fits the glyphs blurred as much as it is.
    for lines, cap_height, out_of_focus in ((TD3, 12, 1.5), (TD1, 13, 1.7)):
        layout = LAYOUTS["TD3" if len(lines) == 2 else "TD1"]
        cells = cell_grid(_tiny_zone_seen_large(lines, cap_height=cap_height, out_of_focus=out_of_focus),
                          layout.line_count, layout.line_length, GLYPH_SHIFTS, GLYPH_PITCH_SCALES)
        assert mrz_glyphs.read_cells(cells, layout, char_height=cap_height) == list(lines)
        monkeypatch.setattr(mrz_glyphs, "FOCUS_BLURS", (0.0, 0.6, 1.0))
        assert mrz_glyphs.read_cells(cells, layout, char_height=cap_height) != list(lines)
        monkeypatch.undo()


def test_each_position_allows_only_what_its_field_may_hold():
    allowed = mrz_glyphs.allowed_per_position(LAYOUTS["TD3"])
    assert allowed[1][13] == "0123456789"  # birth date
    assert "0" not in allowed[1][10]  # nationality
    assert allowed[1][9] == "0123456789<"  # the document number's check digit
    assert set(allowed[1][20]) == set("MFX<")  # sex


def _likeness_showing(lines, layout, doubts=()):
    """Cell likeness as the shape reading gives it: each cell most like its own character (0.9),
    unlike the rest (0.3); ``doubts``: (line, index, char, likeness) raising another character."""
    alphabet = mrz_glyphs.glyph_alphabet()
    allowed = mrz_glyphs.allowed_per_position(layout)
    likeness = []
    for line_index, line in enumerate(lines):
        row = np.full((len(line), len(alphabet)), 0.3)
        row[np.arange(len(line)), [alphabet.index(char) for char in line]] = 0.9
        likeness.append(row)
    for line_index, index, char, value in doubts:
        likeness[line_index][index, alphabet.index(char)] = value
    for row, allowed_line in zip(likeness, allowed):
        for index, chars in enumerate(allowed_line):
            row[index, [alphabet.index(c) for c in alphabet if c not in chars]] = -np.inf
    return likeness


def test_a_field_is_read_so_that_its_check_digit_holds_when_that_costs_little():
    # The 0 of L898902C3 looks a little more like an O: the check digit says 0.
    likeness = _likeness_showing(TD3, LAYOUTS["TD3"], [(1, 5, "O", 0.95)])
    assert mrz_glyphs.decode(likeness, LAYOUTS["TD3"]) == list(TD3)


def test_the_composite_check_digit_is_read_as_the_fields_give_it_when_that_costs_little():
    # Out of focus, the composite's 6 looks a little more like an 8; every field's own check holds: the fields say 6.
    td1 = LAYOUTS["TD1"]
    blurred = _likeness_showing(TD1, td1, [(1, 29, "8", 0.95)])
    assert mrz_glyphs.decode(blurred, td1) == list(TD1)
    # A cell that plainly shows another digit keeps it: the zone then fails its composite, as printed or misread.
    plain = _likeness_showing(TD1, td1, [(1, 29, "8", 0.95), (1, 29, "6", 0.3)])
    assert mrz_glyphs.decode(plain, td1)[1][29] == "8"


def test_a_field_the_cells_clearly_show_keeps_its_failing_check_digit():
    shows_x = _likeness_showing(TD3, LAYOUTS["TD3"], [(1, 5, "X", 0.95), (1, 5, "0", 0.3)])
    lines = mrz_glyphs.decode(shows_x, LAYOUTS["TD3"])
    assert lines[1][:9] == "L8989X2C3"
    assert not parse_mrz(lines).valid


def test_country_fields_hold_real_country_codes():
    # IRA is no country: the likeliest real code is read instead.
    iraq = ("P<IRQHASSAN<<ALI<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "S668648783IRQ1903175M2810157<<<<<<<<<<<<<<00")
    likeness = _likeness_showing(iraq, LAYOUTS["TD3"], [(0, 4, "A", 0.95), (1, 12, "A", 0.95), (1, 12, "Q", 0.85)])
    lines = mrz_glyphs.decode(likeness, LAYOUTS["TD3"])
    assert (lines[0][2:5], lines[1][10:13]) == ("IRQ", "IRQ")


def test_cells_drifting_along_a_line_are_each_read_at_their_own_shift():
    fit = np.full((6, 5), 0.2)
    for cell, shift in enumerate((1, 1, 2, 2, 3, 3)):  # the line's pitch is a little off
        fit[cell, shift] = 0.9
    path, _ = mrz_glyphs._elastic_path(fit)
    assert list(path) == [1, 1, 2, 2, 3, 3]


def test_a_field_is_not_rewritten_in_three_places_to_agree_with_its_check_digit():
    # Each of three cells shows its own character, a near tie with another: chance could make
    # any check digit hold that way, so the field stays as it looks.
    doubts = [(1, 0, "X", 0.95), (1, 1, "B", 0.95), (1, 2, "S", 0.95)]
    likeness = _likeness_showing(("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
                                 LAYOUTS["TD3"], doubts)
    assert mrz_glyphs.decode(likeness, LAYOUTS["TD3"])[1][:3] == "XBS"


def test_empty_optional_data_is_read_as_fillers_where_a_letter_looks_almost_as_like():
    likeness = _likeness_showing(TD3, LAYOUTS["TD3"], [(1, 40, "H", 0.91)])  # a blurred "<"
    assert mrz_glyphs.decode(likeness, LAYOUTS["TD3"])[1][40] == "<"
