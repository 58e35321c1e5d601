"""An MRZ that passes its check digits but may be read wrong says so, and the review shows why."""

from __future__ import annotations

from dataclasses import replace

from documents.pipeline import classify, doubt, mrz, run_pipeline
from documents.pipeline.mrz import parse_mrz, read_mrz
from documents.pipeline.mrz_doubt import MrzDoubt, doubt_of, with_doubt
from documents.pipeline.mrz_layouts import TD3
from documents.pipeline.mrz_parse import build_result, check_digit, checks
from documents.pipeline.mrz_zone import find_zones
from documents.pipeline.types import DocumentKind
from tests.documents.pipeline.ocrb import scales_read, zone_page

NAMES = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
LOWER = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"


def _read(names: str = NAMES, lower: str = LOWER):
    return parse_mrz([names, lower])


def test_readings_that_agree_or_a_single_reading_give_no_doubt():
    answer = _read()
    assert answer.valid
    assert doubt_of(answer, []) is None
    assert doubt_of(answer, [_read(), _read()], [_read()]) is None


def test_a_valid_reading_with_other_names_makes_the_names_doubtful():
    answer = _read()
    other = _read("P<UTOERIKSSON<<ANNA<MAPIA<<<<<<<<<<<<<<<<<<<")
    assert other.valid
    assert doubt_of(answer, [other]) is MrzDoubt.NAMES_DIFFER
    assert with_doubt(answer, [other]).doubt == "mrz_names_differ"


def test_a_filler_read_as_a_letter_in_another_reading_is_no_disagreement():
    # "ANNA<MARIAK": the filler after the name read as K, which the answer has as it is: a filler.
    assert doubt_of(_read(), [_read("P<UTOERIKSSON<<ANNA<MARIAK<<<<<<<<<<<<<<<<<<")]) is None


def test_a_filler_more_or_less_or_junk_read_in_the_fillers_is_no_other_name():
    answer = _read("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<")
    junk = "P<UTOERIKSSON<<ANNA<MARIA<<<BUW<<<<<<<<<<<<<<"  # junk read in the fillers past the names
    for names in ("P<UTOERIKSSON<<<ANNA<MARIA<<<<<<<<<<<<<<<<<<",  # the separator read as three
                  "P<UTOERIKSSON<<ANNAMARIAK<<<<<<<<<<<<<<<<<<<",  # a filler lost, the one after the names read as K
                  junk):
        assert doubt_of(answer, [build_result([names, LOWER], TD3)]) is None, names
    assert doubt_of(answer, [_read("P<UTOERIKSSON<<ANNA<MARIAN<<<<<<<<<<<<<<<<<<")]) is MrzDoubt.NAMES_DIFFER
    assert doubt_of(build_result([junk, LOWER], TD3), [answer]) is MrzDoubt.NAMES_DIFFER


def test_a_reading_whose_codes_are_no_countries_says_nothing_of_the_names():
    shifted = _read("P<UTQERIKSSON<<ANNA<MAPIA<<<<<<<<<<<<<<<<<<<")  # no check digit covers the names line
    assert shifted.valid and doubt_of(_read(), [shifted]) is None


def test_an_invalid_reading_says_nothing_of_the_names():
    broken = _read("P<UTOERIKSSON<<ANNA<MAPIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<19")
    assert not broken.valid
    assert doubt_of(_read(), [broken]) is None


def test_the_shapes_speak_against_names_a_valid_scale_read_only_with_fillers_for_letters_or_the_other_way():
    answer = _read("P<UTOERIKSSON<<ANNACMARIA<<<<<<<<<<<<<<<<<<<")  # a filler read as C at every scale
    assert doubt_of(answer, [answer], [_read()]) is MrzDoubt.NAMES_DIFFER
    # The shapes match a blurred E to an F: a letter for a letter is no reason where a scale read the zone valid...
    as_f = _read("P<UTOFRIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<")
    assert doubt_of(_read(), [_read()], [as_f]) is None
    # ... but where every scale failed its check digits, the names have no other valid reading to go by.
    failing = _read(lower=LOWER[:-1] + "3")
    assert doubt_of(_read(), [failing], [as_f]) is MrzDoubt.NAMES_DIFFER


def test_a_number_passing_its_check_digit_read_either_way_through_look_alikes_is_doubtful():
    # L and 1 weigh alike at every place (21 and 1): the check digit cannot tell them apart.
    as_digit = _read(lower="1898902C36UTO7408122F1204159ZE184226B<<<<<10")
    assert as_digit.valid
    assert doubt_of(_read(), [as_digit]) is MrzDoubt.LOOKALIKES
    assert doubt_of(as_digit, [_read()]) is MrzDoubt.LOOKALIKES
    # Z and 2, D and 0 change the check digit: a reading passing with them anyway is a chance, not a look-alike.
    chance = build_result([NAMES, "LB9B902C36" + LOWER[10:]], TD3)  # 8 read as B twice: passes by chance
    assert checks(chance.lines, TD3)[0] and doubt_of(_read(), [chance]) is None


def _lower(number: str, personal: str) -> str:
    """A passport's second line with every check digit right for ``number`` and ``personal`` as written."""
    personal = personal.ljust(14, "<")
    line = number + check_digit(number) + "UTO7408122F1204159" + personal + check_digit(personal)
    return line + check_digit(line[:10] + line[13:20] + line[21:43])


def test_a_number_with_letters_after_three_digits_in_a_row_is_doubtful_though_every_check_holds():
    # Zeros under a stamp read as L I Z I, a personal number's 7 8 3 read as F B S out of focus: each passes its
    # check digit one time in ten, and no issuer numbers so.
    for number, personal in (("0000LIZI<", ""), ("00O0LIID<", ""), ("L898902C3", "A23456FB9S"),
                             ("L898902C3", "121Z1Z<1219")):
        read = _read(lower=_lower(number, personal))
        assert read.valid and doubt_of(read, []) is MrzDoubt.LOOKALIKES, (number, personal)
    # Letters leading a number, one between its digits or one ending it are how issuers number.
    for number, personal in (("L898902C3", "ZE184226B"), ("AB1234567", "99999999R"), ("C01X00T47", "1234567890"),
                             ("XD0123456", ""), ("PA7OO3518", "")):
        assert doubt_of(_read(lower=_lower(number, personal)), []) is None, (number, personal)


def test_a_rendered_zone_numbered_with_letters_after_its_digits_says_so():
    lower = _lower("0000LIZI<", "")
    result = read_mrz(zone_page([NAMES, lower]))
    assert result.valid and result.lines == (NAMES, lower)
    assert result.doubt == "mrz_lookalikes"


def test_the_shapes_of_ocr_b_tell_look_alikes_apart_where_readings_pass_a_number_either_way():
    # Tesseract's scales read the L of L898902C3 as L and as 1, each passing: the shapes, which draw them apart, say L.
    page = zone_page((NAMES, LOWER))
    zone = find_zones(page)[0]
    as_digit = _read(lower="1898902C36UTO7408122F1204159ZE184226B<<<<<10")
    shapes = []
    told = mrz._with_lookalikes_the_shapes_tell(as_digit, [as_digit, _read()], shapes, page, zone, False)
    assert told.lines == (NAMES, LOWER) and told.valid and told.document_number == "L898902C3"
    assert len(shapes) == 1  # consulted, so the doubt still tells the counsellor the readings disagreed
    assert with_doubt(told, [as_digit, _read()], shapes).doubt == "mrz_lookalikes"
    # Readings that agree ask the shapes nothing.
    asked = []
    assert mrz._with_lookalikes_the_shapes_tell(_read(), [_read()], asked, page, zone, False).lines == (NAMES, LOWER)
    assert asked == []


def test_a_number_one_reading_gives_where_the_others_each_read_another_is_a_narrow_vote():
    others = [_read(lower=lower) for lower in ("L89802C356UTO7408122F1204159ZE184226B<<<<<10",
                                               "898902C<<6UTO7408122F1204159ZE184226B<<<<<10",
                                               "L89902C3S6UTO7408122F1204159ZE184226B<<<<<10")]
    # The answer merges the readings field by field: the one reading with this number fails another check digit.
    merged_from = _read(lower=LOWER[:-1] + "3")
    assert not merged_from.valid
    assert doubt_of(_read(), [merged_from, *others]) is MrzDoubt.NARROW_VOTE
    assert doubt_of(_read(), [merged_from, merged_from, *others]) is None  # two of five: no narrow vote
    # A reading with every check of the zone holding is no chance pass of one field.
    assert doubt_of(_read(), [_read(), *others]) is None


def test_an_mrz_failing_its_check_digits_needs_no_further_doubt():
    broken = _read(lower="L898902C36UTO7408122F1204159ZE184226B<<<<<19")
    assert doubt_of(broken, [_read("P<UTOERIKSSON<<ANNA<MAPIA<<<<<<<<<<<<<<<<<<<")]) is None


def test_the_review_is_told_why_a_clear_passport_has_a_doubtful_mrz_and_kind_doubts_come_first():
    zone = replace(_read(), doubt=str(MrzDoubt.NAMES_DIFFER))
    said = doubt.doubt(classify.classify("PASSPORT", zone), zone)
    assert (said.code, said.kind) == (doubt.DoubtCode.MRZ_NAMES_DIFFER, DocumentKind.PASSPORT)
    assert str(said) == "the names in the MRZ read differently from one reading to the next"
    assert said.to_dict() == {"code": "mrz_names_differ", "kind": "passport", "other": None}
    failing = replace(zone, valid=False)
    assert doubt.doubt(classify.classify("PASSPORT", failing), failing).code is doubt.DoubtCode.MRZ_FAILS


def test_the_doubt_is_no_part_of_the_contracts_mrz():
    assert "doubt" not in replace(_read(), doubt="mrz_lookalikes").to_dict()


def test_a_clean_rendered_zone_is_read_without_doubt_and_the_pipeline_keeps_its_confidence(tmp_path):
    page = zone_page((NAMES, LOWER))
    result = read_mrz(page)
    assert result.lines == (NAMES, LOWER) and result.doubt == ""
    page.save(tmp_path / "passport.png")
    read = run_pipeline(tmp_path / "passport.png")
    assert read.mrz.lines == (NAMES, LOWER) and read.unsure == ""


def test_a_rendered_zone_whose_scales_read_the_names_differently_is_doubtful(monkeypatch):
    # Out of focus, one scale reads MARIA as MAPIA; the zone passes its check digits at every scale.
    scales_read(monkeypatch, ("P<UTOERIKSSON<<ANNA<MARIAK<<<<<<<<<<<<<<<<<<", LOWER),
                ("P<UTOERIKSSON<<ANNA<MAPIA<<<<<<<<<<<<<<<<<<<", LOWER), (NAMES, LOWER))
    result = read_mrz(zone_page((NAMES, LOWER)))
    assert result.lines == (NAMES, LOWER) and result.valid
    assert result.doubt == "mrz_names_differ"
