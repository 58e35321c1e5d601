"""MRZ parsing and correction, with the ICAO Doc 9303 specimens (no images, no OCR)."""

from __future__ import annotations

from datetime import date

import pytest

from documents.pipeline.mrz import find_mrz_in_text, parse_mrz
from documents.pipeline.mrz_choose import combine_readings, names_doubtful, plausible, with_known_countries, with_voted_names
from documents.pipeline.mrz_parse import check_digit

TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")


def assert_specimen_fields(result, *, document_number: str) -> None:
    assert result.document_number == document_number
    assert result.surname == "ERIKSSON"
    assert result.given_names == "ANNA MARIA"
    assert result.nationality == "UTO"
    assert result.issuing_country == "UTO"
    assert result.birth_date == date(1974, 8, 12)
    assert result.sex == "F"
    assert result.expiry_date == date(2012, 4, 15)


# ------------------------------------------------------------ check digits

@pytest.mark.parametrize(
    ("data", "digit"),
    [("L898902C3", "6"), ("740812", "2"), ("120415", "9"), ("ZE184226B<<<<<", "1"), ("D23145890", "7"),
     ("<<<<<<<<<", "0")],
)
def test_check_digit_matches_icao_specimens(data, digit):
    assert check_digit(data) == digit


def test_td3_composite_check_digit_covers_number_dates_and_optional_data():
    line = TD3[1]
    assert check_digit(line[0:10] + line[13:20] + line[21:43]) == "0"


# ------------------------------------------------------------ specimens

def test_td3_passport_specimen_is_parsed_field_by_field():
    result = parse_mrz(TD3)
    assert result.format == "TD3"
    assert result.lines == TD3
    assert_specimen_fields(result, document_number="L898902C3")
    assert result.valid is True


def test_td1_identity_card_specimen_is_parsed_field_by_field():
    result = parse_mrz(TD1)
    assert result.format == "TD1"
    assert result.lines == TD1
    assert_specimen_fields(result, document_number="D23145890")
    assert result.valid is True


def test_td2_specimen_is_parsed_field_by_field():
    result = parse_mrz(TD2)
    assert result.format == "TD2"
    assert result.lines == TD2
    assert_specimen_fields(result, document_number="D23145890")
    assert result.valid is True


def test_result_serialises_dates_as_iso_strings():
    data = parse_mrz(TD3).to_dict()
    assert data["birth_date"] == "1974-08-12"
    assert data["expiry_date"] == "2012-04-15"
    assert data["lines"] == list(TD3)


# ------------------------------------------------------------ OCR corruptions

def test_filler_read_as_k_is_repaired():
    line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<K<<KK<<KSSK<<KK"
    result = parse_mrz([line1, TD3[1]])
    assert result.lines[0] == TD3[0]
    assert result.given_names == "ANNA MARIA"
    assert result.valid is True


def test_filler_run_read_as_letters_without_any_chevron_is_repaired():
    result = parse_mrz(["P<UTOERIKSSON<<ANNA<MARIA<<KSSKSEEKEEKKXKKCE", TD3[1]])
    assert result.given_names == "ANNA MARIA"


def test_filler_read_as_a_run_of_g_after_a_firm_letter_is_repaired():
    result = parse_mrz(["P<UTOERIKSSON<<ANNA<MARIA<<AGGGGGGGGGGGGOOOOG<", TD3[1]])
    assert result.given_names == "ANNA MARIA"
    assert result.lines[0] == TD3[0]


def test_lone_k_before_fillers_is_not_kept_as_an_initial():
    result = parse_mrz(["P<UTOERIKSSON<<ANNA<MARIA<K<<<<<<<<<<<<<<<<<", TD3[1]])
    assert result.given_names == "ANNA MARIA"


def test_separator_read_with_an_extra_filler_keeps_the_given_names():
    result = parse_mrz(["P<UTOERIKSSON<<<ANNA<MARIA<<<<<<<<<<<<<<<<<<", TD3[1]])
    assert result.surname == "ERIKSSON"
    assert result.given_names == "ANNA MARIA"


def test_letters_in_date_positions_become_digits():
    line2 = "L898902C36UTO74O8I22F12O4I59ZE184226B<<<<<10"  # O for 0, I for 1
    result = parse_mrz([TD3[0], line2])
    assert result.lines[1] == TD3[1]
    assert result.birth_date == date(1974, 8, 12)
    assert result.valid is True


def test_digits_in_country_and_name_positions_become_letters():
    result = parse_mrz(["P<UT0ER1KSSON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<", "L898902C36UT07408122F1204159ZE184226B<<<<<10"])
    assert result.issuing_country == "UTO"
    assert result.nationality == "UTO"
    assert result.surname == "ERIKSSON"
    assert result.given_names == "ANNA MARIA"
    assert result.valid is True


def test_letter_o_among_digits_of_document_number_is_flipped_when_check_digit_agrees():
    result = parse_mrz([TD3[0], "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"])
    assert result.document_number == "L898902C3"
    assert result.valid is True


def test_leading_digit_of_document_number_may_become_a_letter():
    line1 = "P<IRQRAHIMI<<AHMAD<<<<<<<<<<<<<<<<<<<<<<<<<<"
    result = parse_mrz([line1, "5668648783IRQ1903175M2810157<<<<<<<<<<<<<<00"])
    assert result.document_number == "S66864878"
    assert result.valid is True


def _td1_with_number(number: str) -> tuple[str, str, str]:
    first = f"I<UTO{number}{check_digit(number)}".ljust(30, "<")
    second = TD1[1][:29]
    return first, second + check_digit(first[5:30] + second[0:7] + second[8:15] + second[18:29]), TD1[2]


def test_letters_like_zero_running_into_a_zero_are_zeros_where_the_check_digit_cannot_tell():
    # D weighs 13: two of them at weights 7 and 3 weigh as two zeros, so the misread passes its check digit.
    printed = _td1_with_number("BAA000589")
    for misread in ("BAADD0589", "BAADDO589"):  # the O flipped to 0 by its check digit first
        read = (printed[0].replace("BAA000589", misread), *printed[1:])
        assert parse_mrz(list(read)).lines == printed
    for number in ("AD0725981", "BD0000589"):  # a D the check digit tells from 0 stays
        assert parse_mrz(list(_td1_with_number(number))).lines == _td1_with_number(number)


def test_a_number_read_as_nothing_but_letters_like_zero_is_zeros():
    # A specimen's zeros out of focus, read as D and O at every scale: the check digit holds either way.
    printed = ["P<TWNLIN<<MEI<HUA".ljust(44, "<"), "0000000000TWN7601015F1404018A234567893<<<<18"]
    read = parse_mrz([printed[0], printed[1].replace("000000000", "DDOOODDDD", 1)])
    assert read.lines == tuple(printed) and read.document_number == "000000000"
    # other digits in it: the run before a 0 is judged as before, by the check digit
    assert parse_mrz(list(_td1_with_number("DOD000589"))).lines[0].startswith("I<UTODOD000589")


def test_document_number_is_not_guessed_into_validity_by_arbitrary_flips():
    # B for 8 beside a letter is indistinguishable from a real letter: stay invalid, never guess.
    result = parse_mrz([TD3[0], "LB98902C36UTO7408122F1204159ZE184226B<<<<<10"])
    assert result.valid is False


def test_dropped_character_of_document_number_is_not_replaced_by_a_filler():
    line1 = "P<IRQRAHIMI<<AHMAD<<<<<<<<<<<<<<<<<<<<<<<<<<"
    result = parse_mrz([line1, "6686487831RQ1903175M2810157<<<<<<<<<<<<<<00"])
    assert result is None or result.valid is False


def test_spaces_and_lowercase_from_ocr_are_normalised():
    result = parse_mrz(["p<uto eriksson<<anna<maria <<<<<<<<<<<<<<<<<<<", "L898902C36 UTO7408122F1204159ZE184226B<<<<<10"])
    assert result.valid is True
    assert result.surname == "ERIKSSON"


def test_dropped_filler_is_padded_to_line_length():
    result = parse_mrz(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<10"])
    assert result.lines == TD3
    assert result.valid is True


def test_names_line_that_lost_most_of_its_fillers_is_padded_again():
    result = parse_mrz([TD1[0], TD1[1], "ERIKSSON<<ANNA<MARIA<"])
    assert result.lines == TD1
    assert result.valid is True
    assert parse_mrz(["P<UTOERIKSSON<<ANNA<MARIA<<", TD3[1]]).lines == TD3


def test_short_names_line_is_found_in_zone_text():
    assert find_mrz_in_text("\n".join([TD1[0], TD1[1], "ERIKSSON<<ANNA<MARIA<"])).lines == TD1


def test_s_read_as_dollar_sign_stays_an_s():
    result = parse_mrz([TD1[0], TD1[1], "ERIK$$ON<<ANNA<MARIA<<<<<<<<<<"])
    assert result.lines == TD1
    assert result.surname == "ERIKSSON"


def test_realigning_a_line_never_moves_a_filler_into_a_country_code():
    # A reading of a real card at 400 px: the first line lost fillers, the second gained a "1". An
    # edit putting a filler before the issuing state once passed both check digits by chance.
    result = parse_mrz(["I<IRQ2293909860<<<<<<<KK<<", "8901055M2604228I1RQ<<<<<<<<<<<2", "HASSAN<<KAREEM<<<<<<<<<<<<<8<<"])
    assert result is None or (result.issuing_country == "IRQ" and result.document_number == "229390986")


def test_doubled_digit_is_removed_where_check_digits_say():
    result = parse_mrz([TD3[0], "L898902C36UTO77408122F1204159ZE184226B<<<<10"])
    assert result.lines[1] == TD3[1]
    assert result.nationality == "UTO"
    assert result.valid is True


def test_td1_filler_k_in_optional_data_is_repaired():
    result = parse_mrz(["I<UTOD231458907<<<K<<<<K<<<<<<", "7408122F1204159UTO<<<<K<<<<<<6", TD1[2]])
    assert result.lines == TD1
    assert result.valid is True


def test_a_lone_zero_opening_empty_optional_data_is_a_filler():
    # The composite weighs 0 as it weighs "<": it cannot tell them; the country code's O was read twice.
    result = parse_mrz([TD1[0], "7408122F1204159UTO0<<<<<<<<<<6", TD1[2]])
    assert result.lines == TD1 and result.valid is True
    result = parse_mrz([TD1[0], "7408122F1204159UTO0<<<<<<KK<<6", TD1[2]])  # and Ks running among fillers
    assert result.lines == TD1 and result.valid is True
    result = parse_mrz([TD1[0], "7408122F1204159UTO0K<<<<<<<<<6", TD1[2]])
    assert result.lines == TD1 and result.valid is True
    with_data = _td1_with_optional_data("0123")
    assert parse_mrz(list(with_data)).lines == with_data


def _td1_with_optional_data(data: str) -> tuple[str, str, str]:
    """The TD1 specimen holding ``data`` (a personal number) in its first line's optional data."""
    first = (TD1[0][:15] + data).ljust(30, "<")
    second = TD1[1][:29]
    composite = first[5:30] + second[0:7] + second[8:15] + second[18:29]
    return first, second + check_digit(composite), TD1[2]


def test_letters_read_among_the_digits_of_optional_data_become_digits_where_the_composite_says():
    printed = _td1_with_optional_data("12902968000")
    read = (printed[0].replace("12902968", "1Z90Z968"), *printed[1:])  # a photo at an angle: 2 read as Z
    result = parse_mrz(list(read))
    assert result.lines == printed and result.valid is True


def test_a_letter_of_td3_optional_data_read_as_a_digit_is_flipped_back_where_its_check_digit_says():
    read = [TD3[0], TD3[1].replace("ZE184226B", "2E184226B")]  # a passport photographed 350 px wide
    result = parse_mrz(read)
    assert result.lines == TD3 and result.valid is True


def test_letters_in_optional_data_are_kept_where_the_check_digits_hold_or_a_letter_ends_the_number():
    with_letter = _td1_with_optional_data("12B45")
    assert parse_mrz(list(with_letter)).lines == with_letter
    ending = _td1_with_optional_data("9999999R")
    misread = (ending[0], ending[1][:29] + str((int(ending[1][29]) + 1) % 10), ending[2])
    assert parse_mrz(list(misread)).lines[0] == ending[0]


# ------------------------------------------------------------ invalid and non-MRZ input

def test_wrong_birth_date_check_digit_makes_result_invalid():
    result = parse_mrz([TD3[0], "L898902C36UTO7408123F1204159ZE184226B<<<<<10"])
    assert result is not None
    assert result.valid is False


def test_wrong_composite_check_digit_makes_result_invalid():
    result = parse_mrz(TD1[:1] + ("7408122F1204159UTO<<<<<<<<<<<5",) + TD1[2:])
    assert result.valid is False


def test_ordinary_text_lines_are_not_an_mrz():
    assert parse_mrz(["REPUBLIC OF TURKIYE PASSPORT", "Surname YILMAZ Given names FATIMA"]) is None


def test_two_td1_lines_without_the_names_line_are_not_read_as_td2():
    assert parse_mrz(TD1[:2]) is None


def test_separator_read_as_k_between_names_is_repaired():
    result = parse_mrz(["P<UTOERIKSSON<K<ANNA<MARIA<<<<<<<<<<<<<<<<<<", TD3[1]])
    assert result.surname == "ERIKSSON"
    assert result.given_names == "ANNA MARIA"


def test_a_single_line_is_not_an_mrz():
    assert parse_mrz([TD3[0]]) is None


def test_empty_optional_data_may_carry_filler_as_check_digit():
    line2 = "P3328878<6ERI1910197M2509219<<<<<<<<<<<<<<<4"
    line2_zero = "P3328878<6ERI1910197M2509219<<<<<<<<<<<<<<04"
    line1 = "P<ERIRAHIMI<<YONAS<<<<<<<<<<<<<<<<<<<<<<<<<<"
    assert parse_mrz([line1, line2]).valid is True
    assert parse_mrz([line1, line2_zero]).valid is True


def test_birth_year_pivots_to_last_century_when_it_would_be_in_the_future():
    result = parse_mrz(["P<SOMHAIDARI<<YONAS<SELAM<<<<<<<<<<<<<<<<<<<", "X850746270SOM7203028M2012205<<<<<<<<<<<<<<06"])
    assert result.birth_date == date(1972, 3, 2)
    assert result.expiry_date == date(2020, 12, 20)


def test_filler_in_sex_position_means_unspecified():
    line2 = "L898902C36UTO7408122<1204159ZE184226B<<<<<1"
    result = parse_mrz([TD3[0], line2 + "0"])
    assert result.sex == "X"


# ------------------------------------------------------------ whole-page text

def test_mrz_is_found_in_whole_page_ocr_text():
    text = (
        "STATE OF ERITREA\nPASSPORT\nSurname\nRAHIMI\n\n"
        "P<ERIRAHIMI<<YONAS<<<<<<ccccccececeeeceecececece\n"
        "P3328878<6ER11910197M2509219<<<<<<<<<<<<<<04\n"
    )
    result = find_mrz_in_text(text)
    assert result.document_number == "P3328878"
    assert result.surname == "RAHIMI"
    assert result.given_names == "YONAS"
    assert result.nationality == "ERI"
    assert result.valid is True


def test_td1_is_found_in_whole_page_ocr_text():
    text = "IDENTITY CARD\nName: ALI TESFAY\n" + "\n".join(
        ["I<SYR95S75417943<<<<<<<<<<<<<<<", "7508206M3405204SYR<<<<<<<<<<<8", "TESFAY<<ALI<<<<<<<<<<<<<<<<<<<"])
    result = find_mrz_in_text(text)
    assert result.format == "TD1"
    assert result.document_number == "957541794"
    assert result.valid is True


def test_page_text_without_mrz_gives_none():
    assert find_mrz_in_text("BIRTH CERTIFICATE\nName of child: ALI TESFAY\nDate of birth: 20/08/1975\n") is None


# ------------------------------------------------------------ combining readings

def test_combining_readings_takes_each_field_from_a_reading_where_its_check_holds():
    bad_birth = parse_mrz([TD3[0], "L898902C36UTO7408127F1204159ZE184226B<<<<<10"])
    bad_number = parse_mrz([TD3[0], "L898902C16UTO7408122F1204159ZE184226B<<<<<10"])
    assert not bad_birth.valid and not bad_number.valid
    merged = combine_readings([bad_birth, bad_number])
    assert merged.valid is True
    assert merged.lines == TD3


def test_country_code_that_is_no_country_is_not_plausible():
    assert not plausible(parse_mrz([TD3[0].replace("UTO", "UTQ", 1), TD3[1]]))
    assert plausible(parse_mrz(list(TD3)))


def test_country_code_that_is_no_country_is_taken_from_the_other_readings():
    misread = parse_mrz([TD3[0], TD3[1].replace("UTO", "UT0")])
    other = parse_mrz(list(TD3))
    assert with_known_countries(misread, [misread, other]).nationality == "UTO"


def test_field_that_passes_its_check_in_one_reading_loses_to_two_that_agree():
    # "L898902C3" with one letter misread and its check digit 6 still holding: a chance match.
    misread = next(f"L89890{letter}C3" for letter in "ABCDEFGHJKLMNPQRSTUVWXYZ" if check_digit(f"L89890{letter}C3") == "6")
    chance = parse_mrz([TD3[0], misread + TD3[1][9:]])
    right = parse_mrz(list(TD3))
    assert chance.document_number == misread
    assert combine_readings([chance, right, right]).document_number == "L898902C3"


def test_names_vote_counts_a_name_with_fillers_read_as_k_as_that_name():
    def reading(names_line):
        return parse_mrz([names_line, TD3[1]])

    readings = [reading("P<UTOERIKSSON<<ANNAKK<<<<<<<<<<<<<<<<<<<<<<<"), reading("P<UTOERIKSSON<<ANNAKK<<<<<<<<<<<<<<<<<<<<<<<"),
                reading("P<UTOERIKSSON<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<")]
    voted = with_voted_names(readings[0], readings)
    assert (voted.surname, voted.given_names) == ("ERIKSSON", "ANNA")
    assert voted.lines[0] == "P<UTOERIKSSON<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<"


@pytest.mark.parametrize(("names_line", "doubtful"), [
    ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", False),
    ("P<UTOERIKSSON<<ANNAK<<<<<<<<<<<<<<<<<<<<<<<<", True),  # a filler read as K
    ("P<UTOERIKSSON<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<", True),  # the "<<" between the names lost
    ("P<UTOERIKSSON<<ANNASSSSSS<SSEESE<<<<<<<<<<<<", True),  # fillers read as S and E
])
def test_names_that_look_misread_are_doubtful(names_line, doubtful):
    assert names_doubtful(parse_mrz([names_line, TD3[1]])) is doubtful
