"""What is known of the MRZ's names, which no check digit covers: the separator, and the page's own print."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from documents.pipeline.mrz import parse_mrz, read_mrz
from documents.pipeline.mrz_names import agree_with_page, with_separator

TD3_LOWER = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1_UPPER = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6")
OCR_B = "/usr/share/fonts/opentype/ocr-b/OCRB.otf"


def _td3(names_line: str):
    return parse_mrz([names_line, TD3_LOWER])


def test_names_without_their_separator_get_it_back_at_the_first_filler():
    fixed = with_separator(_td3("P<UTOERIKSSON<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<"))
    assert (fixed.surname, fixed.given_names) == ("ERIKSSON", "ANNA")
    assert fixed.lines[0] == "P<UTOERIKSSON<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<"
    assert fixed.valid


def test_names_with_their_separator_or_in_one_part_are_left_alone():
    for names_line in ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "P<UTOERIKSSON<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<"):
        result = _td3(names_line)
        assert with_separator(result) == result


def test_td1_names_line_rendered_without_its_separator_is_read_with_surname_and_given_name():
    page = Image.new("L", (1000, 400), 255)
    draw = ImageDraw.Draw(page)
    draw.text((60, 60), "IDENTITY CARD", font=ImageFont.truetype("DejaVuSans.ttf", 24), fill=0)
    font = ImageFont.truetype(OCR_B, 32)
    for row, line in enumerate((*TD1_UPPER, "SPECIMEN<SVEN<<<<<<<<<<<<<<<<<")):
        draw.text((100, 220 + row * 48), line, font=font, fill=0)
    result = read_mrz(page)
    assert (result.surname, result.given_names) == ("SPECIMEN", "SVEN")
    assert result.lines[2] == "SPECIMEN<<SVEN<<<<<<<<<<<<<<<<"


def test_a_filler_read_as_a_letter_after_a_name_goes_where_the_page_prints_the_name_without_it():
    result = _td3("P<UTOMARTIN<<SARAHE<<<<<<<<<<<<<<<<<<<<<<<<<")
    page = "Passport / Passeport\nSurname / Nom\nMARTIN\nGiven names / Prénoms\nSarah\n"
    fixed = agree_with_page(result, page)
    assert (fixed.surname, fixed.given_names) == ("MARTIN", "SARAH")
    assert fixed.lines[0] == "P<UTOMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<"


def test_a_separator_read_as_a_letter_before_a_given_name_the_page_prints():
    fixed = agree_with_page(_td3("P<UTOGAIMU<KSAKURA<<<<<<<<<<<<<<<<<<<<<<<<<<"), "GAIMU\nSAKURA\n")
    assert (fixed.surname, fixed.given_names) == ("GAIMU", "SAKURA")


def test_names_the_page_prints_as_read_or_does_not_print_are_left_alone():
    result = _td3("P<UTOMARTIN<<JOSE<<<<<<<<<<<<<<<<<<<<<<<<<<<")
    assert agree_with_page(result, "MARTIN JOSE JOS") == result  # printed as read
    assert agree_with_page(result, "a page without the holder's names") == result
    # Only glyphs Tesseract makes of "<" are dropped: ANNAM is not ANNA plus a misread filler.
    annam = _td3("P<UTOERIKSSON<<ANNAM<<<<<<<<<<<<<<<<<<<<<<<<<")
    assert agree_with_page(annam, "ERIKSSON ANNA") == annam
