"""A reader that guessed marks its reading, and an answer that only guessing readings give is doubted: a line realigned
that one check digit alone judged, a filler the cells put for a letter within a name, a letter the shapes of OCR-B
found barely likelier than another."""

from __future__ import annotations

from dataclasses import replace

from PIL import Image

from documents.pipeline import mrz, mrz_glyphs
from documents.pipeline.mrz_cells import GLYPH_PITCH_SCALES, GLYPH_SHIFTS, cell_grid
from documents.pipeline.mrz_layouts import LAYOUTS
from documents.pipeline.mrz_doubt import MrzDoubt, doubt_of, with_doubt
from documents.pipeline.mrz_parse import build_result, check_digit, parse_mrz
from tests.documents.pipeline.ocrb import zone_page
from tests.documents.pipeline.test_mrz_glyphs import TD1, TD3, _likeness_showing, _tiny_zone_seen_large

NUMBER, BIRTH, EXPIRY = "AB7302915", "910204", "290611"
FIRST = f"I<NGA{NUMBER}{check_digit(NUMBER)}".ljust(30, "<")
SECOND_DATA = f"{BIRTH}{check_digit(BIRTH)}F{EXPIRY}{check_digit(EXPIRY)}NGA".ljust(29, "<")
SECOND = SECOND_DATA + check_digit(FIRST[5:30] + SECOND_DATA[0:7] + SECOND_DATA[8:15] + SECOND_DATA[18:29])
THIRD = "ADEYEMI<<FOLAKE<KEMI".ljust(30, "<")


def test_a_composite_made_up_for_a_line_realigned_is_a_guess():
    # The composite lost (the card's edge after it), and the expiry read with a character too many: dropping one makes
    # its check digit hold one time in ten, and the composite made up from the fields then holds whatever they say.
    misread = SECOND[:8] + "29066117" + SECOND[15:18] + "<<<"
    read = parse_mrz([FIRST, misread, THIRD])
    assert read is not None and read.valid
    assert read.doubt == MrzDoubt.NARROW_VOTE
    assert doubt_of(replace(read, doubt=""), [read]) is MrzDoubt.NARROW_VOTE


VISA_NUMBER, VISA_BIRTH, VISA_EXPIRY = "KX4418207", "830719", "270302"
VISA = ("VDNLDHAILE<<MERON".ljust(36, "<"),
        f"{VISA_NUMBER}{check_digit(VISA_NUMBER)}ERI{VISA_BIRTH}{check_digit(VISA_BIRTH)}F{VISA_EXPIRY}"
        f"{check_digit(VISA_EXPIRY)}".ljust(36, "<"))


def test_a_visas_line_realigned_in_its_last_checked_field_is_a_guess_and_early_in_the_line_is_not():
    # A visa has no composite: a character dropped in its expiry date leaves one check digit to judge the edit; one
    # dropped in its number shifts three fields whose three check digits all hold only if the edit is right.
    late = parse_mrz([VISA[0], VISA[1][:22] + "7" + VISA[1][22:]])
    assert late is not None and late.valid and late.lines == VISA and late.doubt == MrzDoubt.NARROW_VOTE
    early = parse_mrz([VISA[0], VISA[1][:3] + "4" + VISA[1][3:]])
    assert early is not None and early.valid and early.lines == VISA and early.doubt == ""


def test_a_character_too_many_past_every_checked_field_is_no_guess():
    # "SYR" read "S1YR": dropping the 1 moves no checked field, and the composite as read confirms the line.
    data = SECOND_DATA.replace("NGA", "SYR")
    second = data + check_digit(FIRST[5:30] + data[0:7] + data[8:15] + data[18:29])
    read = parse_mrz([FIRST, second[:16] + "1" + second[16:], THIRD])
    assert read is not None and read.valid and read.lines == (FIRST, second, THIRD) and read.doubt == ""


def test_a_composite_lost_on_a_line_read_whole_is_made_up_without_doubt():
    read = parse_mrz([FIRST, SECOND[:18] + "<<<<<<<<<<<", THIRD])
    assert read is not None and read.valid and read.lines[1] == SECOND
    assert read.doubt == ""


def test_an_answer_another_reading_gives_without_guessing_is_not_doubted():
    clean = parse_mrz([FIRST, SECOND, THIRD])
    guessed = replace(clean, doubt=str(MrzDoubt.NARROW_VOTE))
    assert doubt_of(clean, [guessed, clean]) is None
    assert doubt_of(clean, [guessed]) is MrzDoubt.NARROW_VOTE
    named = replace(clean, doubt=str(MrzDoubt.NAMES_DIFFER))
    assert doubt_of(clean, [named]) is MrzDoubt.NAMES_DIFFER
    # The answer carries no guess of a reading it came from unless the readings say so.
    assert with_doubt(guessed, [clean]).doubt == ""


def test_a_filler_the_cells_put_for_a_letter_within_a_name_is_a_guess_the_shapes_settle(monkeypatch):
    # Tesseract reads a "<" within the names as K ("FOLAKEKKEMI"), the cells put the filler back: a guess (out of
    # focus a K's arms look like "<" too: "ERIKSSON" made "ERI<SSON"), which the shapes of OCR-B settle. They see the
    # filler: no doubt. They see a letter there: the names are doubted.
    page = zone_page((FIRST, SECOND, THIRD), None, size=(900, 320), left=60, top=130, pitch=42)
    read_as_k = THIRD.replace("FOLAKE<KEMI", "FOLAKEKKEMI")
    assert mrz.read_zone_text([FIRST, SECOND, read_as_k]).lines[2] == read_as_k
    monkeypatch.setattr(mrz, "ocr_lines", lambda patch: [FIRST, SECOND, read_as_k])
    monkeypatch.setattr(mrz, "fix_fillers_by_shape", lambda patch, lines, length: [FIRST, SECOND, THIRD])
    found = mrz.read_machine_zone(page)
    assert found.result.lines == (FIRST, SECOND, THIRD) and found.result.doubt == ""

    shapes = []
    reading_by_shape = mrz._read_by_shape

    def shapes_see_a_letter(crop, zone):
        seen = reading_by_shape(crop, zone)
        shapes.append(seen)
        return parse_mrz([*seen.lines[:2], read_as_k])
    monkeypatch.setattr(mrz, "_read_by_shape", shapes_see_a_letter)
    found = mrz.read_machine_zone(page)
    assert shapes and found.result.lines == (FIRST, SECOND, THIRD) and found.result.doubt == MrzDoubt.NAMES_DIFFER


# ---------------------------------------------------------------- the shapes of OCR-B

def test_the_shapes_guess_where_a_names_letter_is_barely_likelier_than_another():
    td1 = LAYOUTS["TD1"]
    clean = _likeness_showing(TD1, td1)
    assert mrz_glyphs.guessed(clean, mrz_glyphs.decode(clean, td1), td1) is None
    # Out of focus an M and an H, an E and an F, are a toss-up; no check digit covers the names.
    toss_up = _likeness_showing(TD1, td1, [(2, 0, "F", 0.895)])
    lines = mrz_glyphs.decode(toss_up, td1)
    assert lines == list(TD1) and mrz_glyphs.guessed(toss_up, lines, td1) is MrzDoubt.NAMES_DIFFER


def test_a_zone_whose_name_letter_is_blurred_between_two_letters_is_doubted_though_valid():
    # A letter between M and H (out of focus the middle strokes fade): the shapes pick one; the answer says so.
    layout = LAYOUTS["TD3"]
    ours = ("P<UTOMARTIN<<SARAH".ljust(44, "<"), TD3[1])
    theirs = ("P<UTOHARTIN<<SARAH".ljust(44, "<"), TD3[1])
    for share in (0.44, 0.46):  # either way of the toss-up
        blend = Image.blend(_tiny_zone_seen_large(ours, cap_height=12), _tiny_zone_seen_large(theirs, cap_height=12),
                            share)
        cells = cell_grid(blend, layout.line_count, layout.line_length, GLYPH_SHIFTS, GLYPH_PITCH_SCALES)
        lines, guess = mrz_glyphs.read_cells_and_guesses(cells, layout, char_height=12)
        assert lines[1] == TD3[1] and lines[0][6:] == ours[0][6:] and lines[0][5] in "MH"
        assert guess is MrzDoubt.NAMES_DIFFER
    sharp = cell_grid(_tiny_zone_seen_large(ours, cap_height=12), layout.line_count, layout.line_length,
                      GLYPH_SHIFTS, GLYPH_PITCH_SCALES)
    assert mrz_glyphs.read_cells_and_guesses(sharp, layout, char_height=12) == (list(ours), None)


def test_a_number_whose_letters_like_a_zero_run_into_a_zero_is_doubted():
    # Two letters or more like a 0 (D, O, Q) before a 0: OCR-B's 0s read as letters, passing the check digit by chance
    # (D, O, D weigh as 0, 0, 0 at weights 1, 7, 3).
    def card(number):
        first = f"IDESP{number}{check_digit(number)}".ljust(30, "<")
        data = SECOND_DATA
        return build_result([first, data + check_digit(first[5:30] + data[0:7] + data[8:15] + data[18:29]), THIRD],
                            LAYOUTS["TD1"])
    misread, printed = card("BADOD0589"), card("AD0725981")
    assert misread.valid and doubt_of(misread, []) is MrzDoubt.LOOKALIKES
    assert printed.valid and doubt_of(printed, []) is None
