"""Stage 3: read one page: straighten it, OCR it once, confirm the orientation, pick the packs.

Tesseract costs a process start and a model load per call, so a page normally
gets exactly one call (``eng+ara`` on a downscaled, cropped, upright page). A
second call happens only when the reading is poor (the page may be upside down:
read it turned half a turn and keep the better reading; not where its MRZ read at
one turn told which way up) or when its script needs a more specific pack (Persian;
Ethiopic, except where a valid MRZ gave the page's holder).
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import re  # noqa: E402
import tempfile  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import pytesseract  # noqa: E402
from PIL import Image, ImageOps  # noqa: E402

from . import languages, orientation  # noqa: E402
from .types import PipelineError  # noqa: E402

TARGET_LINE_PITCH = 34  # px between text lines in the image given to Tesseract
MIN_OCR_SIDE = 950
MAX_OCR_SIDE = 2000
MAX_ENLARGE = 2.0  # how much a small page may be enlarged for the OCR
TINY_LINE_PITCH = 14  # px between lines under which a small page's letters are too small for Tesseract
STRONG_WORD_CONFIDENCE = 85.0
UPRIGHT_SHARE = 0.3  # a reading with this share of strong words is the right way up
GARBLED_SHARE = 0.15  # one with less is upside down or in a script the packs lack
SURE_UPRIGHT = 0.5  # orientation prior confidence that settles readings in between
# Ethiopic read upside down with tir+amh+eng comes out mostly as Latin junk, yet a few Ethiopic words
# among it (a third or so); a Latin or Arabic page so read shows hardly any. Such a hint is worth the
# other way up: the ascender test that chose the way up was made for Latin and Arabic.
HINT_OF_SCRIPT = 0.15
# Documents are dark on light: re-reading doubtful lines inverted only costs time.
TESSERACT_OPTIONS = "-c tessedit_do_invert=0"
_MRZ_LIKE_LINE = re.compile(r"[A-Z0-9<]{6,}<<[A-Z0-9<]{6,}")


@dataclass(frozen=True)
class Reading:
    text: str
    confidence: float  # mean confidence (0..100) of the words read
    word_count: int
    packs: str
    quality: float  # summed confidence of real words: upright beats upside down on this
    strong_words: int  # words of 3+ letters or digits read with high confidence

    @property
    def strong_share(self) -> float:
        """High upright (~0.4-0.9), near zero for text read upside down or in the wrong script."""
        return self.strong_words / self.word_count if self.word_count else 0.0


@dataclass
class PageReading:
    reading: Reading
    upright: Image.Image  # the page as read (grayscale, downscaled)
    turns_tried: int


def ocr(image: Image.Image, packs: str, psm: int = 3) -> Reading:
    """One Tesseract call; text rebuilt line by line from the word boxes."""
    # An uncompressed BMP costs nothing to write; pytesseract would PNG-compress the image.
    with tempfile.NamedTemporaryFile(suffix=".bmp") as scratch:
        image.save(scratch.name, format="BMP")
        try:
            data = pytesseract.image_to_data(
                scratch.name, lang=packs, config=f"--psm {psm} {TESSERACT_OPTIONS}", output_type=pytesseract.Output.DICT
            )
        except (pytesseract.TesseractError, RuntimeError) as exc:  # RuntimeError: timeout
            raise PipelineError("The page could not be read. Please take the photo again.") from exc
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences = []
    quality = 0.0
    strong = 0
    for text, conf, block, par, line in zip(data["text"], data["conf"], data["block_num"], data["par_num"], data["line_num"]):
        text = text.strip()
        if not text:
            continue
        lines.setdefault((block, par, line), []).append(text)
        confidences.append(max(0.0, float(conf)))
        alphanumeric = sum(char.isalnum() for char in text)
        if confidences[-1] >= 60 and alphanumeric >= 2:
            quality += confidences[-1]
        if confidences[-1] >= STRONG_WORD_CONFIDENCE and alphanumeric >= 3:
            strong += 1
    joined = "\n".join(" ".join(words) for words in lines.values())
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return Reading(languages.clean_ocr_text(joined), mean, len(confidences), packs, quality, strong)


def ocr_scale(page_size: tuple[int, int], line_pitch: float) -> float:
    """Downscale so text lines are ~TARGET_LINE_PITCH apart: fewer pixels, same letters. A page smaller than
    MIN_OCR_SIDE whose lines are under TINY_LINE_PITCH apart (an A4 letter photographed 350 px wide: letters
    4-5 px high, which Tesseract reads as noise) is enlarged towards it, at most MAX_ENLARGE times."""
    longest = max(page_size)
    wanted = longest * TARGET_LINE_PITCH / line_pitch if line_pitch > 0 else MAX_OCR_SIDE
    side = min(longest, MAX_OCR_SIDE, max(MIN_OCR_SIDE, wanted))
    if longest < MIN_OCR_SIDE and 0 < line_pitch < TINY_LINE_PITCH:
        side = max(side, min(MIN_OCR_SIDE, wanted, longest * MAX_ENLARGE))
    return side / longest


def read_page(
    page: Image.Image,
    known: orientation.KnownUpright | None = None,
    blank: tuple[orientation.Outline, ...] = (),
    overview: Image.Image | None = None,
    geometry: orientation.PageGeometry | None = None,
) -> PageReading:
    """``known``: which way up the page is, when something surer than the page's look tells (its MRZ);
    ``blank``: areas not to read (an MRZ already read on its own); ``overview``: a smaller copy of the
    page to measure its geometry on; ``geometry``: that geometry, when the caller has measured it (with
    ``blank`` left out)."""
    geometry = geometry or orientation.analyse(page, overview, leave_out=blank)
    if known is not None:
        geometry = geometry.settled_by(known)
    size = page.size if geometry.crop is None else (geometry.crop[2] - geometry.crop[0], geometry.crop[3] - geometry.crop[1])
    small = orientation.apply(page, geometry, ocr_scale(size, geometry.line_height), blank_clutter=True, blank=blank)
    reading = ocr(small, languages.FIRST_PASS)
    turns = 1
    if known is None and _needs_other_way_up(reading, geometry.upright_confidence):
        turned = ocr(small.rotate(180), languages.FIRST_PASS)
        turns += 1
        if turned.quality > reading.quality:
            reading, small = turned, small.rotate(180)
    if known is None and reading.strong_words <= LIGHT_ON_DARK_WORDS and _mostly_dark(small):
        # Light print on dark paper (a booklet's cover, gilt on cloth), which Tesseract is told not to invert. The
        # way up measured on it is a guess: the dark cloth is no line of print.
        for candidate in (ImageOps.invert(small), ImageOps.invert(small).rotate(180)):
            inverted = ocr(candidate, languages.FIRST_PASS)
            turns += 1
            if inverted.strong_words > max(2 * reading.strong_words, LIGHT_ON_DARK_WORDS // 2):
                reading, small = inverted, candidate
                break
    script = languages.dominant_script(reading.text)
    if script == "persian":
        reading = _better(reading, ocr(small, languages.PACKS_BY_SCRIPT["persian"]))
    elif (known is None or not known.holder_known) and reading.strong_share < GARBLED_SHARE and reading.word_count >= 3:
        # Garbage from eng+ara on a page with text: perhaps a script the first pass lacks. Neither junk
        # nor the ascender test (made for Latin and Arabic) tells which way up, so try both if need be
        # (only the way its MRZ says, where a zone read as one). Not on a page whose MRZ read valid:
        # the zone gives its holder, and its small print (security background, labels) reads as
        # garbage in any script.
        for candidate in (small,) if known is not None else (small, small.rotate(180)):
            ethiopic = ocr(candidate, languages.PACKS_BY_SCRIPT["ethiopic"])
            turns += 1
            if languages.has_script(ethiopic.text, "ethiopic", 0.4) and ethiopic.strong_share >= UPRIGHT_SHARE:
                reading, small = ethiopic, candidate
                break
            if not languages.has_script(ethiopic.text, "ethiopic", HINT_OF_SCRIPT):
                break  # not Ethiopic at all: no need to look the other way up
    return PageReading(reading, small, turns)


LIGHT_ON_DARK_WORDS = 8  # a reading with this many strong words at most may be of light print on dark paper
DARK_SHARE = 0.3  # a page this much of which is dark (under DARK_LEVEL) may be printed light on dark
DARK_LEVEL = 100


def _mostly_dark(gray: Image.Image) -> bool:
    histogram = gray.convert("L").histogram()
    return sum(histogram[:DARK_LEVEL]) >= DARK_SHARE * sum(histogram)


def _needs_other_way_up(reading: Reading, prior_confidence: float) -> bool:
    if reading.word_count == 0 or _MRZ_LIKE_LINE.search(reading.text):
        return False  # nothing to compare, or machine-readable lines came out: it is upright
    if reading.strong_share >= UPRIGHT_SHARE and reading.strong_words >= 3:
        return False
    return reading.strong_share < GARBLED_SHARE or prior_confidence < SURE_UPRIGHT


def _better(first: Reading, second: Reading) -> Reading:
    return second if second.quality >= first.quality else first
