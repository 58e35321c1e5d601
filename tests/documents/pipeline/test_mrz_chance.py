"""Misreads that pass their check digits by chance: a photo out of focus reads zeros as D, O, Q and other digits as
the letters they resemble, and two or more such letters pass a check digit one time in ten. Where the digits pass
too, the digits are the reading (a wrong zone said valid is worse for a counsellor than one said invalid)."""

from __future__ import annotations

from documents.pipeline.mrz import parse_mrz, read_mrz
from documents.pipeline.mrz_layouts import TD3
from documents.pipeline.mrz_parse import check_digit, checks
from tests.documents.pipeline.ocrb import scales_read, zone_page

NAMES = "P<UTOVAN<DER<BERG<<JOHANNA<<<<<<<<<<<<<<<<<<"


def _lower(number: str, personal: str = "<" * 14) -> str:
    """A passport's second line with every check digit right for ``number`` and ``personal`` as written."""
    dates = "850312" + check_digit("850312") + "F" + "300901" + check_digit("300901")
    personal = personal.ljust(14, "<")
    personal_check = check_digit(personal) if personal.strip("<") else "<"
    line = number + check_digit(number) + "UTO" + dates + personal + personal_check
    composite = line[:10] + line[13:20] + line[21:43]
    return line + check_digit(composite)


def _misread(true_line: str, misread_field: str, true_field: str) -> str:
    """``true_line`` with one field read otherwise, every check digit as printed (the misread passes them)."""
    line = true_line.replace(true_field, misread_field, 1)
    assert line != true_line
    return line


def test_letters_like_zero_between_digits_of_a_number_are_zeros_where_the_zeros_pass_too():
    for number, misread in (("PA7003518", "PA7OO3518"), ("KM1200345", "KM12CO345")):
        printed = _lower(number)
        read = parse_mrz([NAMES, _misread(printed, misread, number)])
        assert read.valid  # O, O at weights 3 and 1 weigh as two zeros: the check digit cannot tell
        assert read.document_number == number and read.lines[1] == printed


def test_a_run_of_letters_like_zero_ending_a_number_is_zeros_where_the_zeros_pass_too():
    printed = _lower("PB4120000")
    read = parse_mrz([NAMES, _misread(printed, "PB412QOOO", "PB4120000")])
    assert read.valid and read.document_number == "PB4120000"


def test_letters_among_the_digits_of_a_personal_number_are_digits_where_the_digits_pass_too():
    # (The shapes of OCR-B read a 1 out of focus as Y.)
    for personal, misread in (("52081400731", "52O81A00731"), ("7103011512", "71O30Y15Y2")):
        printed = _lower("PA4000082", personal)
        read = parse_mrz([NAMES, _misread(printed, misread, personal)])
        assert read.valid and read.lines[1] == printed


def test_numbers_issuers_write_with_letters_are_left_as_read():
    for number, personal in (("L898902C3", "ZE184226B"),  # ICAO's specimen: a letter between digits, one ending
                             ("C01X00T47", "AB1234567"),  # letters mixed into a number, letters leading one
                             ("XD0123456", "99999999R"),  # a D leading the digits, one letter ending them
                             ("DOQ123456", "12345678O")):  # letters like 0 starting a number; a lone O cannot pass
        printed = _lower(number, personal)
        read = parse_mrz([NAMES, printed])
        assert read.valid and read.lines[1] == printed, (number, personal)


def test_a_letter_the_check_digit_cannot_tell_from_its_digit_is_not_made_one():
    # L weighs 21, 1 weighs 1: at every weight alike, so a lone L among digits may be either; two such letters
    # and one that breaks the check digit as a digit are left too.
    printed = _lower("PA4000082", "5L0814007L1")
    assert parse_mrz([NAMES, printed]).lines[1] == printed


def test_a_zone_read_out_of_focus_with_zeros_as_letters_is_read_as_printed(monkeypatch):
    printed = _lower("XX2000000", "1234567890")
    out_of_focus = _misread(_misread(printed, "XX2DDDDOO", "XX2000000"), "123A56789O", "1234567890")
    assert all(checks([NAMES, out_of_focus], TD3))  # as read, every check digit holds
    scales_read(monkeypatch, (NAMES, out_of_focus))
    result = read_mrz(zone_page((NAMES, printed)))
    assert result is not None and result.valid and result.lines[1] == printed
