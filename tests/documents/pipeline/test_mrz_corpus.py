"""read_mrz on the labelled sample corpus, with real Tesseract (each image is read once)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from bench.photo_faults import jpeg_quality_30, lamp_on_one_side, photograph, taken_from_an_angle
from documents.pipeline.loading import load_pages
from documents.pipeline.mrz import read_machine_zone, read_mrz
from documents.pipeline.mrz_zone import find_zones

CORPUS_DIR = Path(os.environ.get("NAREIS_CORPUS", Path(__file__).resolve().parents[4] / "shared" / "corpus"))
FIELDS = ("document_number", "surname", "given_names", "nationality", "issuing_country", "birth_date", "sex",
          "expiry_date")


def _labels() -> dict[str, dict]:
    lines = (CORPUS_DIR / "labels.jsonl").read_text().splitlines()
    return {label["file"]: label for label in map(json.loads, filter(None, lines))}


LABELS = _labels()
MRZ_FILES = sorted(name for name, label in LABELS.items() if label.get("mrz"))
NON_MRZ_FILES = sorted(name for name, label in LABELS.items()
                       if label["kind"] in ("birth_certificate", "asylum_decision") and not label.get("mrz"))[:3]


def _first_page(name: str) -> Image.Image:
    return load_pages(CORPUS_DIR / name)[0]


def _mismatches(result, expected: dict) -> dict:
    if result is None:
        return {"result": None}
    actual = {field: getattr(result, field) for field in FIELDS}
    actual = {k: v.isoformat() if isinstance(v, date) else v for k, v in actual.items()}
    wrong = {field: (actual[field], expected[field]) for field in FIELDS if actual[field] != expected[field]}
    if not result.valid:
        wrong["valid"] = (False, True)
    return wrong


@pytest.fixture(scope="module")
def corpus_readings() -> dict[str, object]:
    return {name: read_mrz(_first_page(name)) for name in MRZ_FILES}


def test_corpus_has_labelled_mrz_files():
    assert len(MRZ_FILES) >= 5


@pytest.mark.parametrize("name", MRZ_FILES)
def test_corpus_document_mrz_is_read_exactly(corpus_readings, name):
    assert _mismatches(corpus_readings[name], LABELS[name]["mrz"]) == {}


def test_at_least_98_percent_of_corpus_mrz_files_are_exact(corpus_readings):
    exact = [name for name in MRZ_FILES if not _mismatches(corpus_readings[name], LABELS[name]["mrz"])]
    assert len(exact) >= 0.98 * len(MRZ_FILES), sorted(set(MRZ_FILES) - set(exact))


@pytest.mark.parametrize("name", NON_MRZ_FILES)
def test_document_without_mrz_gives_none(name):
    assert read_mrz(_first_page(name)) is None


# ------------------------------------------------------------ harder variants of one passport

PASSPORT = "002_passport.jpg"
ID_CARD = "009_id_card.jpg"


@pytest.fixture(scope="module")
def passport_page() -> Image.Image:
    return _first_page(PASSPORT)


def _assert_reads_passport(image: Image.Image) -> None:
    assert _mismatches(read_mrz(image), LABELS[PASSPORT]["mrz"]) == {}


def test_passport_downscaled_to_600_px_wide_is_read(passport_page):
    height = round(passport_page.height * 600 / passport_page.width)
    _assert_reads_passport(passport_page.resize((600, height), Image.LANCZOS))


def test_passport_upside_down_is_read(passport_page):
    _assert_reads_passport(passport_page.rotate(180, expand=True))


def test_passport_turned_a_quarter_is_read(passport_page):
    _assert_reads_passport(passport_page.rotate(90, expand=True))


def test_passport_turned_three_quarters_is_read(passport_page):
    _assert_reads_passport(passport_page.rotate(270, expand=True))


def test_passport_skewed_7_degrees_is_read(passport_page):
    _assert_reads_passport(passport_page.rotate(7, expand=True, resample=Image.BICUBIC, fillcolor=(96, 80, 70)))


def test_small_id_card_skewed_minus_9_degrees_is_read():
    page = _first_page(ID_CARD)
    small = page.resize((800, round(page.height * 800 / page.width)), Image.LANCZOS)
    skewed = small.rotate(-9, expand=True, resample=Image.BICUBIC, fillcolor=(120, 90, 100))
    assert _mismatches(read_mrz(skewed), LABELS[ID_CARD]["mrz"]) == {}


@pytest.mark.parametrize(("name", "width", "skew"), [
    ("004_passport.pdf", 400, 0),  # OCR-B's S is read as "$"
    ("004_passport.pdf", 700, 6),
    ("007_id_card.pdf", 700, 0),  # the names line loses a third of its fillers
    ("007_id_card.pdf", 400, 0),
    ("001_passport.pdf", 350, 6),
    ("002_passport.jpg", 300, 0),  # 6 px characters: Tesseract reads the 3 of P3328878 as S; the shapes do not
    ("002_passport.jpg", 300, 6),
    ("009_id_card.jpg", 300, 0),
    ("001_passport.pdf", 300, 0),  # Tesseract's BEOBS464 for R8085464 passes its check digit by chance
    ("001_passport.pdf", 250, 0),  # 5 px characters: Tesseract reads YVILMAZ and FATIMAC
    ("002_passport.jpg", 250, 0),
    ("009_id_card.jpg", 250, 0),  # Tesseract's 9S7S41794 passes by chance too
    ("004_passport.pdf", 250, -9),  # Tesseract's lines are too short for a passport's
])
def test_small_and_skewed_photos_are_read_exactly(name, width, skew):
    page = _first_page(name)
    small = page.resize((width, round(page.height * width / page.width)), Image.LANCZOS)
    if skew:
        small = small.rotate(skew, expand=True, resample=Image.BICUBIC, fillcolor=(110, 90, 80))
    assert _mismatches(read_mrz(small), LABELS[name]["mrz"]) == {}


@pytest.mark.parametrize("name", ["002_passport.jpg", "009_id_card.jpg"])
def test_mrz_in_uneven_light_is_read_exactly(name):
    page = _first_page(name)
    page = page.resize((600, round(page.height * 600 / page.width)), Image.LANCZOS)
    assert _mismatches(read_mrz(lamp_on_one_side(page)), LABELS[name]["mrz"]) == {}


@pytest.mark.parametrize("name", ["002_passport.jpg", "004_passport.pdf"])
def test_passport_photographed_at_an_angle_is_read_exactly(corpus_dir, name):
    # The upper MRZ line comes out narrower than the lower; names have no check digit to catch
    # cells placed by the lower line's width.
    photo = photograph(str(corpus_dir / name), 1000, "taken at an angle")
    assert _mismatches(read_mrz(photo), LABELS[name]["mrz"]) == {}


@pytest.mark.parametrize("name", ["002_passport.jpg", "004_passport.pdf", "009_id_card.jpg"])
def test_small_photo_out_of_focus_is_read_exactly(corpus_dir, name):
    # 300 px wide and blurred: the characters are 6 px smudges, the shapes are compared at that blur.
    photo = photograph(str(corpus_dir / name), 300, "out of focus")
    assert _mismatches(read_mrz(photo), LABELS[name]["mrz"]) == {}


def test_small_photo_taken_leaning_forward_is_found_and_read():
    # 300 px wide, the top edge wider: enlarged twice, the zone is not found; it is looked for larger too.
    page = _first_page("003_passport.jpg")
    photo = taken_from_an_angle(page.resize((300, round(page.height * 300 / page.width)), Image.LANCZOS), lean=-0.08)
    photo = photo.rotate(4, expand=True, resample=Image.BICUBIC, fillcolor=(110, 90, 80))
    assert _mismatches(read_mrz(photo), LABELS["003_passport.jpg"]["mrz"]) == {}


def test_small_id_card_photo_compressed_hard_is_found_and_read():
    # 300 px wide, JPEG quality 30: the smudges join the three close lines unless kept out.
    page = _first_page(ID_CARD)
    photo = page.resize((300, round(page.height * 300 / page.width)), Image.LANCZOS)
    photo = jpeg_quality_30(photo.rotate(4, expand=True, resample=Image.BICUBIC, fillcolor=(110, 90, 80)))
    assert _mismatches(read_mrz(photo), LABELS[ID_CARD]["mrz"]) == {}


def test_blank_page_gives_none():
    assert read_mrz(Image.new("RGB", (1200, 900), "white")) is None


# ------------------------------------------------------------ where the zone lies

@pytest.mark.parametrize(("turn", "rotation"), [(0, 0), (90, 270), (180, 180), (270, 90)])
def test_zone_tells_which_way_up_the_page_is(passport_page, turn, rotation):
    found = read_machine_zone(passport_page.rotate(turn, expand=True))
    assert found is not None and found.result.valid
    assert found.page_rotation == rotation  # turning the photo back by this makes it upright


@pytest.mark.parametrize("turn", [0, 90])
def test_zone_outline_covers_the_machine_lines_and_nothing_above(passport_page, turn):
    page = passport_page.rotate(turn, expand=True)
    found = read_machine_zone(page)
    outlined = Image.new("L", page.size, 0)
    ImageDraw.Draw(outlined).polygon(found.page_outline(page.size), fill=255)
    left, top, right, bottom = outlined.rotate(found.page_rotation, expand=True).getbbox()
    width, height = passport_page.size
    # On this photo the MRZ lines lie in a band below 0.75 of its height; "ASMARA" above (0.66) stays readable.
    assert top > 0.7 * height and bottom - top < 0.15 * height
    assert right - left > 0.7 * width


def test_table_rows_are_not_taken_for_an_mrz(corpus_dir):
    assert find_zones(load_pages(corpus_dir / "021_family_booklet.jpg")[0]) == []


def test_a_k_starting_a_given_name_is_not_taken_for_a_filler():
    page = _first_page("007_id_card.pdf")
    large = page.resize((2000, round(page.height * 2000 / page.width)), Image.LANCZOS)
    skewed = large.rotate(6, expand=True, resample=Image.BICUBIC, fillcolor=(110, 90, 80))
    assert read_mrz(skewed).given_names == "KAREEM"
