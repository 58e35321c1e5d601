"""What is known of the MRZ's names, which no check digit covers: the separator, and the page's own print."""

from __future__ import annotations

from documents.pipeline.mrz import parse_mrz, read_mrz
from documents.pipeline.mrz_names import agree_with_page, with_fillers_a_valid_shape_reading_sees, with_separator
from tests.documents.pipeline.ocrb import card_page, scales_read, zone_page

TD3_LOWER = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1_UPPER = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6")


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
    result = read_mrz(card_page((*TD1_UPPER, "SPECIMEN<SVEN<<<<<<<<<<<<<<<<<")))
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


def _card(names: str):
    return parse_mrz([*TD1_UPPER, names.ljust(30, "<")])


def test_fillers_read_as_letters_go_where_the_shapes_read_the_zone_valid_and_see_fillers():
    seen = _card("ERIKSSON<<ANNA<MARIA")
    assert with_fillers_a_valid_shape_reading_sees(_card("ERIKSSON<<ANNASMARIAS"), seen).lines[2] == seen.lines[2]
    assert with_fillers_a_valid_shape_reading_sees(_card("ERIKSSON<<ANNA<MARIA<BB"), seen).given_names == "ANNA MARIA"
    passport = parse_mrz(["P<IRQRAHIMI<<AHMAD<KUG".ljust(44, "<"), "S668648783IRQ1903175M2810157<<<<<<<<<<<<<<00"])
    by_shape = parse_mrz(["P<IRQRAHIMI<<AHMAD".ljust(44, "<"), "S668648783IRQ1903175M2810157<<<<<<<<<<<<<<00"])
    assert with_fillers_a_valid_shape_reading_sees(passport, by_shape).given_names == "AHMAD"


def test_names_stay_as_read_where_the_shapes_fail_their_check_digits_or_read_otherwise():
    read = _card("ERIKSSON<<ANNASMARIAS")
    failing = parse_mrz([TD1_UPPER[0], TD1_UPPER[1][:-1] + "1", "ERIKSSON<<ANNA<MARIA".ljust(30, "<")])
    assert not failing.valid and with_fillers_a_valid_shape_reading_sees(read, failing) == read
    tkachenko = _card("TKACHENKO<<MARIANA")  # a K's arms seen as "<": no one-letter name is made
    assert with_fillers_a_valid_shape_reading_sees(tkachenko, _card("T<ACHEN<O<<MARIANA")) == tkachenko
    short = _card("ERIKSSON<<ANNA<MARIA<LI")  # a short last name the shapes read too stays
    assert with_fillers_a_valid_shape_reading_sees(short, short) == short
    shifted = _card("ERIKSSON<<ANNASMARIAS")  # shapes a cell off: too few letters alike to judge by them
    assert with_fillers_a_valid_shape_reading_sees(shifted, _card("<ERIKSSON<<ANNA<MARIA")) == shifted


def test_a_filler_every_reading_takes_for_an_s_is_a_filler_where_the_rendered_zone_shows_one(monkeypatch):
    # Tesseract reads the card's names line alike at every scale, the separator within the given names as an S and
    # the filler after them as another, and the zone's own fillers are not told apart in the cells (a dim photo):
    # nothing disputes it but the shapes, which read the whole zone valid.
    names = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
    scales_read(monkeypatch, (*TD1_UPPER, "ERIKSSON<<ANNASMARIAS<<<<<<<<<"))  # the cells as in a dim photo
    result = read_mrz(card_page((*TD1_UPPER, names)))
    assert result.lines[2] == names and result.given_names == "ANNA MARIA"


TD3_UPPER = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"


def test_a_filler_some_scales_read_as_a_letter_is_a_filler_where_the_shapes_see_one_too(monkeypatch):
    # Out of focus, the separator within the given names reads as C at most scales, as "<" at one; no check digit
    # covers it, and the vote takes the C. The shapes, reading the zone valid, see the filler the one scale saw.
    scales_read(monkeypatch, ("P<UTOERIKSSON<<ANNACMARIAK<<<<<<<<<<<<<<<<<<", TD3_LOWER),
            (TD3_UPPER, TD3_LOWER), ("P<UTOERIKSSON<<ANNACMARIA<<<<<<<<<<<<<<<<<<<", TD3_LOWER))
    result = read_mrz(zone_page((TD3_UPPER, TD3_LOWER)))
    assert result.lines == (TD3_UPPER, TD3_LOWER) and result.given_names == "ANNA MARIA"


def test_a_letter_no_scale_reads_as_a_filler_stays_a_letter_whatever_the_shapes_see(monkeypatch):
    read = ("P<UTOERIKSSON<<ANNACMARIAK<<<<<<<<<<<<<<<<<<", TD3_LOWER)
    scales_read(monkeypatch, read, ("P<UTOERIKSSON<<ANNACMARIA<<<<<<<<<<<<<<<<<<<", TD3_LOWER))
    assert read_mrz(zone_page((TD3_UPPER, TD3_LOWER))).given_names == "ANNACMARIA"


def test_names_voted_among_readings_that_all_fail_get_the_fillers_the_valid_shapes_see(monkeypatch):
    # Every scale misreads a digit somewhere (each its own) and reads the separator as KK: the vote's names are one
    # long surname. The shapes read the zone valid, in cells the check digits prove: the KK are fillers.
    names = "P<UTOMUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<"
    misread = "P<UTOMUSTERMANNKKERIKA<<<<<<<<<<<<<<<<<<<<<<"
    lowers = [TD3_LOWER[:-1] + digit for digit in "2345678"]  # the composite check digit read wrong, each way
    assert not any(parse_mrz([misread, lower]).valid for lower in lowers)
    scales_read(monkeypatch, *((misread, lower) for lower in lowers))
    result = read_mrz(zone_page((names, TD3_LOWER)))
    assert result.valid and (result.surname, result.given_names) == ("MUSTERMANN", "ERIKA")


def test_the_shapes_judge_the_names_though_they_read_a_number_through_a_look_alike():
    # The scales read the visa number's L as 1 (they weigh alike: both pass), the shapes read the L: their cells
    # still stand where the characters do.
    read = parse_mrz(["V<UTOERIKSSON<<ANNASMARIAS<<<<<<<<<<", "18988901C4XXX4009078F9612109<<<<<<<<"])
    seen = parse_mrz(["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"])
    assert read.valid and seen.valid
    assert with_fillers_a_valid_shape_reading_sees(read, seen).given_names == "ANNA MARIA"
    other_number = parse_mrz(["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988902C7XXX4009078F9612109<<<<<<<<"])
    assert other_number.valid and with_fillers_a_valid_shape_reading_sees(read, other_number) == read
