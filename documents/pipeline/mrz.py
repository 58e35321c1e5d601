"""MRZ stage: find the machine-readable zone on a page image, read it and parse it.

1. Locate it without OCR (``mrz_zone``), which also tells which way up the page is.
2. Characters under SMALL_CHARACTERS px (a phone photo of a whole page, taken from afar):
   read the cells by the shapes of OCR-B (``mrz_glyphs``); Tesseract misreads them.
3. Otherwise, or if the shapes give no valid reading: deskew and crop only that zone,
   scale it to 36 px characters, OCR it with one Tesseract call (psm 6, MRZ whitelist).
4. Correct by position and let check digits choose (``mrz_parse``); the "<" glyphs
   Tesseract reads as K, X or 6 are found again by their shape (``mrz_cells``).
5. Only if a check digit fails or a name looks doubtful: read the crop at other
   scales, merge field by field and vote on the names (``mrz_choose``); if no reading
   passes and the scales disagree, the crop smoothed (a dim photo's noise) is read too;
   then the shapes are one more reading for the check digits to judge.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import numpy as np  # noqa: E402
import pytesseract  # noqa: E402
from PIL import Image, ImageFilter, ImageOps  # noqa: E402
from scipy import ndimage  # noqa: E402

from . import mrz_glyphs  # noqa: E402
from .lighting import even_lighting, window_max, window_min  # noqa: E402
from .mrz_cells import (  # noqa: E402
    CHAR_HEIGHT,
    GLYPH_PITCH_SCALES,
    GLYPH_SHIFTS,
    cell_grid,
    fix_fillers_by_shape,
    line_bands,
)
from .mrz_choose import (  # noqa: E402
    combine_readings,
    is_good,
    names_doubtful,
    number_doubtful,
    score,
    with_filler_code,
    with_known_countries,
    with_voted_names,
)
from .mrz_doubt import alike_but_for_lookalikes, lookalike_fields, name_splits, names_of, with_doubt  # noqa: E402
from .mrz_names import (  # noqa: E402
    names_worth_a_look,
    with_fillers_a_valid_shape_reading_sees,
    with_fillers_readings_and_shapes_see,
    with_fillers_the_shapes_see,
    with_separator,
)
from .mrz_layouts import LAYOUTS, layout_of  # noqa: E402
from .mrz_pitch import characters_per_line, holds_td1_lines  # noqa: E402
from .mrz_parse import build_result, check_holds, checked_fields, normalise_line, parse_mrz  # noqa: E402
from .mrz_zone import Zone, find_zones, otsu_threshold, zone_char_height  # noqa: E402
from .types import MrzDoubt, MrzResult  # noqa: E402

__all__ = ["ZoneReading", "parse_mrz", "find_mrz_in_text", "read_machine_zone", "read_mrz"]

TESSERACT_CONFIG = (
    # "$" is in the list only because Tesseract takes OCR-B's S for one; kept out, the S is lost.
    "--oem 1 --psm 6 -c tessedit_char_whitelist=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<$ "
    "-c load_system_dawg=0 -c load_freq_dawg=0"
)
RETRY_HEIGHTS = (28, 44, 24, 52)  # other scales, in turn, while no reading passes its check digits
SMOOTHED_HEIGHTS = (CHAR_HEIGHT, 44)  # scales read smoothed where every scale read as it is fails (see _read_zone)
SMALL_CHARACTERS = 12  # px high in the photo: below, the shapes read the zone better than Tesseract


# ---------------------------------------------------------------- text path

def find_mrz_in_text(text: str) -> MrzResult | None:
    """Find and parse MRZ lines inside whole-page OCR text (cheap path)."""
    lines = [normalise_line(line) for line in text.splitlines()]
    best: MrzResult | None = None
    for start, count in _mrz_line_windows(lines):
        result = parse_mrz(lines[start:start + count])
        if result and (best is None or score(result) > score(best)):
            best = result
            if is_good(result):
                break
    return best


def _mrz_line_windows(lines: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(start, count) of runs of 2-3 lines that could be MRZ lines, longest lines first."""
    def plausible(line: str) -> bool:
        # 20: a names line whose trailing fillers the OCR dropped (parsing pads it again).
        return 20 <= len(line) <= 50 and (line.count("<") >= 2 or sum(c.isdigit() for c in line) >= 10)

    flags = [plausible(line) for line in lines]
    for count in (3, 2):
        for start in range(len(lines) - count + 1):
            if all(flags[start:start + count]):
                lengths = [len(line) for line in lines[start:start + count]]
                if count == 3 and max(lengths) > 36:
                    continue
                yield start, count


# ---------------------------------------------------------------- crop and OCR

def crop_zone(image: Image.Image, zone: Zone, target_height: int = CHAR_HEIGHT) -> Image.Image:
    """The zone deskewed, with a margin, scaled to ``target_height`` px characters, in grayscale;
    upright or upside down (the caller decides).

    One affine resampling of a small crop: rotating the whole page first costs ~0.1 s a call."""
    first, last = zone.lines[0], zone.lines[-1]
    cx = sum(b.cx for b in zone.lines) / len(zone.lines)
    cy = sum(b.cy for b in zone.lines) / len(zone.lines)
    char_height = zone_char_height(zone)
    length = max(b.length for b in zone.lines)
    height = (last.cy - first.cy) + char_height * 2.6
    width = length * 1.06 + char_height * 4  # the sparse fillers at the ends make the blob look shorter
    half = math.ceil(math.hypot(width, height) / 2)
    box = (round(cx) - half, round(cy) - half, round(cx) + half, round(cy) + half)
    patch = _crop_seen(image, box, zone.turned).convert("L")
    factor = target_height / max(char_height, 1)
    shrunk = max(1, int(1 / factor))  # a box reduction first keeps strong downscaling from aliasing
    if shrunk > 1:
        patch = patch.reduce(shrunk)
    out_width, out_height = max(1, round(width * factor)), max(1, round(height * factor))
    cos, sin = math.cos(zone.angle), math.sin(zone.angle)
    step = 1 / factor / shrunk  # patch pixels per output pixel
    centre = half / shrunk
    coefficients = (
        cos * step, -sin * step, centre - (out_width / 2) * cos * step + (out_height / 2) * sin * step,
        sin * step, cos * step, centre - (out_width / 2) * sin * step - (out_height / 2) * cos * step,
    )
    patch = patch.transform((out_width, out_height), Image.AFFINE, coefficients, Image.BICUBIC, fillcolor=255)
    # Lit evenly if the lines are not: the table beside the page in the crop's corners does not count.
    patch = Image.fromarray(even_lighting(np.asarray(patch), 2 * target_height, judged_on=(0.1, 0.25, 0.9, 0.75)))
    return _clear_edges(ImageOps.autocontrast(patch, cutoff=1), target_height)


def smoothed(crop: Image.Image, char_height: int) -> Image.Image:
    """A zone's crop (see ``crop_zone``) with ``char_height`` px characters, blurred over about a third of their
    strokes' width (2 px at 36 px characters): the speckle goes, the strokes stay."""
    return crop.filter(ImageFilter.GaussianBlur(char_height / 18))


def _clear_edges(patch: Image.Image, char_height: int = CHAR_HEIGHT) -> Image.Image:
    """White out dark shapes reaching the crop's top or bottom: the page's edge or the table beside
    it, never a character (the crop leaves more than a character's height above and below the lines).
    Tesseract drops the character next to such an edge. A wide shape touching characters (a thumb holding
    the page, the table's edge across a line's end) loses only its wide part and a rim of it: the strokes
    joined to it stay."""
    gray = np.asarray(patch)
    dark = gray < otsu_threshold(gray)
    labels, _ = ndimage.label(dark)
    edges = np.union1d(labels[0], labels[-1])
    edges = edges[edges > 0]
    if edges.size == 0:
        return patch
    at_edge = np.isin(labels, edges)
    # Wider than any stroke (OCR-B's are an eighth of a character high, blurred a fifth): what a square of a
    # third of a character fits in.
    side = max(3, round(char_height / 3))
    fitted = window_min(window_min(at_edge.astype(np.uint8), side, 0), side, 1)
    rim = side + 2 * max(1, round(char_height / 36))
    wide = window_max(window_max(fitted, rim, 0), rim, 1)
    with_wide_part = np.unique(labels[fitted.astype(bool)])
    cleared_whole = np.isin(labels, np.setdiff1d(edges, with_wide_part))  # thin shapes at the edge: no strokes
    cleared = gray.copy()
    cleared[cleared_whole | (at_edge & wide.astype(bool))] = 255
    return Image.fromarray(cleared)


def _crop_seen(image: Image.Image, box: tuple[int, int, int, int], turned: bool) -> Image.Image:
    """``box`` of the page as the zone search saw it: as it is, or turned a quarter counter-clockwise."""
    if not turned:
        return image.crop(box)
    (x0, y0), (x1, y1) = (_on_page(corner, image.width) for corner in (box[:2], box[2:]))
    return image.crop((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))).transpose(Image.Transpose.ROTATE_90)


def _on_page(point: tuple[float, float], page_width: int) -> tuple[float, float]:
    """A point of the page turned a quarter counter-clockwise, on the page as given."""
    x, y = point
    return page_width - y, x


def ocr_lines(patch: Image.Image) -> list[str]:
    text = pytesseract.image_to_string(patch, lang="eng", config=TESSERACT_CONFIG)
    return [line for line in (normalise_line(raw) for raw in text.splitlines()) if len(line) >= 20]


def read_zone_text(lines: Sequence[str], patch: Image.Image | None = None) -> MrzResult | None:
    best = None
    for start, count in _mrz_line_windows(list(lines)):
        window = list(lines[start:start + count])
        result = parse_mrz(window)
        if result is None:
            continue
        if patch is not None:
            fixed = parse_mrz(fix_fillers_by_shape(patch, window, len(result.lines[0])))
            if fixed and score(fixed) >= score(result):
                # A filler the cells put for a letter Tesseract read within a name is a guess: a "<" read as K
                # ("ANNAKMARIA") or a blurred K's arms taken for a "<" ("ERI<SSON"); the shapes of OCR-B tell.
                result = replace(fixed, doubt=str(MrzDoubt.NAMES_DIFFER)) if name_splits(result, fixed) else fixed
        if best is None or score(result) > score(best):
            best = result
    return best


@dataclass(frozen=True)
class ZoneReading:
    """An MRZ read from its zone, and where that zone lies on the page."""

    result: MrzResult
    zone: Zone
    upside_down: bool

    @property
    def page_rotation(self) -> int:
        """Counter-clockwise degrees that turn the page upright: the MRZ runs across its foot."""
        return (90 if self.zone.turned else 0) + (180 if self.upside_down else 0)

    def page_outline(self, page_size: tuple[int, int]) -> tuple[tuple[float, float], ...]:
        """Corners of the zone's lines with half a character's margin, on the page as given."""
        first, last = self.zone.lines[0], self.zone.lines[-1]
        angle = self.zone.angle
        along, across = (math.cos(angle), math.sin(angle)), (-math.sin(angle), math.cos(angle))
        margin = 0.5 * max(blob.thickness for blob in self.zone.lines)
        # The last fillers often stand apart from the blob the search joined: reach two characters further.
        half_length = max(blob.length for blob in self.zone.lines) / 2 + 4 * margin
        cx = sum(blob.cx for blob in self.zone.lines) / len(self.zone.lines)
        cy = sum(blob.cy for blob in self.zone.lines) / len(self.zone.lines)
        # Offsets across the lines of the first line's top and the last line's bottom, from the centre.
        reach = [
            (blob.cx - cx) * across[0] + (blob.cy - cy) * across[1] + side * (blob.thickness / 2 + margin)
            for blob, side in ((first, -1), (last, 1))
        ]
        corners = [
            (cx + end * half_length * along[0] + offset * across[0], cy + end * half_length * along[1] + offset * across[1])
            for end, offset in ((-1, reach[0]), (1, reach[0]), (1, reach[1]), (-1, reach[1]))
        ]
        if self.zone.turned:  # seen turned a quarter counter-clockwise: (x', y') is the page's (width - y', x')
            corners = [_on_page(corner, page_size[0]) for corner in corners]
        return tuple(corners)


def read_mrz(image: Image.Image) -> MrzResult | None:
    """Locate the MRZ zone in a page image, OCR it line by line, correct and choose by check digits."""
    found = read_machine_zone(image)
    return found.result if found is not None else None


def read_machine_zone(image: Image.Image, overview: Image.Image | None = None) -> ZoneReading | None:
    """``read_mrz``, also telling where the zone is and which way up the page is (``overview``: see ``find_zones``)."""
    for found in find_zones(image, overview):
        best: ZoneReading | None = None
        for upside_down in found.orientations:
            reading = _read_one_way(image, found, upside_down)
            # Read one way, the zone gave no valid reading: the other way may (a card above another card has text
            # below its zone, as a zone upside down has). Only a valid reading the other way is worth more than the
            # first one's: the shapes, made to agree with check digits, read junk in some layout either way.
            if reading is not None and (best is None or reading.result.valid):
                best = reading
            if best is not None and best.result.valid:
                break
        if best is not None:  # the zone is an MRZ: the other candidate is not worth more OCR
            return best
    return None


def _read_one_way(image: Image.Image, found: Zone, upside_down: bool) -> ZoneReading | None:
    """The zone read ``upside_down`` or not, with every reading's say on the answer; None where nothing reads."""
    zone, first_lines, shapes = found, [], []
    readings: list[MrzResult] = []
    if len(zone.lines) == 2 and holds_td1_lines(_upright(crop_zone(image, zone), upside_down)):
        # Two lines of a TD1 card's 30 characters, by their pitch: no two-line layout is so short, the search lost
        # the card's third line. The zone with it is read first (its two lines alone read as nothing valid).
        if three := _td1_with_a_line_lost(image, zone, upside_down):
            zone, readings, shapes = three
    if not readings:
        readings = _read_zone(image, zone, upside_down, first_lines, consulted=shapes)
        if not (readings and is_good(readings[-1])) and _read_as_td1_lines(zone, first_lines) and (
                three := _td1_with_a_line_lost(image, zone, upside_down)):
            zone, readings, shapes = three
    if not readings:
        return None
    answered = is_good(readings[-1])
    result = readings[-1] if answered else combine_readings(readings)
    result = with_separator(with_filler_code(with_known_countries(result, readings), readings))
    # Every reading had its say: where those that read the zone disagree in ways no check digit covers,
    # the answer says so.
    tesseract = [reading for reading in (readings[:-1] if answered else readings)
                 if not any(reading is shape for shape in shapes)]
    result = _with_lookalikes_the_shapes_tell(result, tesseract, shapes, image, zone, upside_down)
    return ZoneReading(with_doubt(result, tesseract, shapes), zone, upside_down)


def _read_zone(image: Image.Image, zone: Zone, upside_down: bool, first_lines: list[str] | None = None,
               consulted: list[MrzResult] | None = None) -> list[MrzResult]:
    """Readings of one zone, one way up; the last reading is the answer if any reading (or their
    merge) is good. ``first_lines``: the lines Tesseract reads at the first scale are added to it;
    ``consulted``: the readings by the shapes of OCR-B consulted (among the returned ones or not), for ``with_doubt``."""
    first_crop = _upright(crop_zone(image, zone), upside_down)
    by_shape = smooth_shape = None
    if zone_char_height(zone) < SMALL_CHARACTERS:
        # Small characters: Tesseract adds, drops and swaps them, and a misread field passes its
        # check digit one time in ten. The shapes of OCR-B, read under the layout's rules, do better.
        by_shape = _read_by_shape(first_crop, zone)
        if is_good(by_shape):
            return _consulted([by_shape], consulted)
        # In a dim photo the sensor's noise, enlarged with the zone, speckles the cells: smoothed, they read.
        smooth_shape = _read_by_shape(smoothed(first_crop, CHAR_HEIGHT), zone)
        if is_good(smooth_shape):
            return _consulted([smooth_shape], consulted)
    readings: list[MrzResult] = []
    best, read_alike = None, False
    for height in (CHAR_HEIGHT, *RETRY_HEIGHTS):
        # Names have no check digit: a doubtful one is worth more readings to vote with (and so
        # is a document number that looks misread, though its check digit holds).
        if best is not None and not names_doubtful(best) and not number_doubtful(best):
            break
        attempt = first_crop if height == CHAR_HEIGHT else _upright(crop_zone(image, zone, height), upside_down)
        lines = ocr_lines(attempt)
        if height == CHAR_HEIGHT and first_lines is not None:
            first_lines.extend(lines)
        result = read_zone_text(lines, attempt)
        if result is None:
            if height == CHAR_HEIGHT and sum(line.count("<") >= 2 for line in lines) < 2:
                break  # no machine-readable lines at all: not worth more OCR (the shapes may still tell)
            continue
        readings.append(result)
        if best is None:
            merged = combine_readings(readings)
            best = merged if is_good(merged) else None
        if any(result.lines == earlier.lines for earlier in readings[:-1]):
            # Two scales read the zone alike, check digits and names: the others would read it so too
            # (a specimen's wrong check digit, a real one-letter name) and outvote nothing.
            read_alike = True
            break
    smooth = best is None and bool(readings) and not read_alike
    smoothed_readings: list[MrzResult] = []  # they count only where they make the zone good
    shape_readings: list[MrzResult] = []
    if smooth:
        # An MRZ every scale misread, each its own way: in a dim photo brightened, the sensor's noise, enlarged
        # with the zone, breaks the strokes Tesseract follows; smoothed, the noise goes and the characters stay.
        for height in SMOOTHED_HEIGHTS:
            attempt = smoothed(first_crop, height) if height == CHAR_HEIGHT else \
                _upright(smoothed(crop_zone(image, zone, height), height), upside_down)
            result = read_zone_text(ocr_lines(attempt), attempt)
            if result is not None:
                readings.append(result)
                smoothed_readings.append(result)
                merged = combine_readings(readings)
                if is_good(merged):
                    best = merged
                    break
    if best is None:
        # Tesseract failed at every scale (or two read alike): the cells read by the shapes of OCR-B are one more
        # reading for the check digits to judge.
        by_shape = by_shape or _read_by_shape(first_crop, zone)
        # The shapes too are read smoothed where the noise broke Tesseract's readings (a small zone in a dim photo:
        # cells lined up by noise at the line's ends and compared speckled read worse than the zone smoothed).
        for cells_smoothed in (False, True):
            if cells_smoothed and not smooth:
                break
            shapes = (smooth_shape or _read_by_shape(smoothed(first_crop, CHAR_HEIGHT), zone)) if cells_smoothed \
                else by_shape
            if shapes is None:
                continue
            readings.append(shapes)
            shape_readings.append(shapes)
            if cells_smoothed:
                smoothed_readings.append(shapes)
            merged = combine_readings(readings)
            # Every check digit holding, a country code on no list (OCR misreads it alike at every scale) is all
            # that keeps the merge from good: the shapes, read as real codes, name one, and the names still get
            # their vote (a specimen's made-up code is given the nearest real one too: see mrz_countries).
            if merged is not None and merged.valid and not is_good(merged):
                merged = with_known_countries(merged, readings)
            best = merged if is_good(merged) else None
            if best is not None:
                break
    if best is None:
        # Smoothing read no better: the zone stays as read plainly (smoothed noise reads as other junk, in another
        # layout even, which would tell a card's failing zone from a passport's).
        return [reading for reading in readings if not any(reading is other for other in smoothed_readings)]
    # Several readings: a field that passed its check digit by chance in one loses to the others.
    merged = combine_readings(readings) if len(readings) > 1 else best
    chosen = merged if is_good(merged) else best
    voters = list(readings)
    if names_doubtful(chosen):
        # Every scale left the names in doubt, and no check digit covers them: the shapes, read on
        # a grid the check digits prove right, have a say (if not a reading already).
        by_shape = by_shape or _read_by_shape(first_crop, zone)
        if by_shape is not None and by_shape not in voters and checked_fields(by_shape) == checked_fields(chosen):
            voters.append(by_shape)
    voted = with_voted_names(chosen, voters)
    tesseract = [reading for reading in readings if not any(reading is shape for shape in shape_readings)]
    if names_doubtful(voted) or _names_disputed(voters, chosen):
        # Readings that disagree on the names (SARAHE, SARAHK: the filler after a name read as different
        # letters) leave them in doubt too, though the vote picked a name that looks whole.
        by_shape = by_shape or _read_by_shape(first_crop, zone)
        if by_shape is not None:
            voted = with_fillers_the_shapes_see(voted, by_shape)
            if not any(reading.valid for reading in tesseract):
                # No scale read the zone valid: its names came of a vote among misreadings ("SPECIMENKKVIOR"); the
                # shapes, in cells the check digits prove, tell its fillers from its letters.
                voted = with_fillers_a_valid_shape_reading_sees(voted, by_shape)
            # Some scales read a filler as a letter, others as a filler: the shapes' filler settles it.
            voted = with_fillers_readings_and_shapes_see(voted, by_shape, tesseract)
    if names_worth_a_look(voted):
        # A filler read as a letter the check digits cannot see, though every reading agrees ("ANNASMARIAS" in a dim
        # photo): the shapes, where they read the zone valid, have their say on such letters.
        by_shape = by_shape or _read_by_shape(first_crop, zone)
        if by_shape is None or not by_shape.valid:  # the cells speckled (a dim photo): smoothed, they may read
            smooth_shape = smooth_shape or _read_by_shape(smoothed(first_crop, CHAR_HEIGHT), zone)
        for shapes in (by_shape, smooth_shape):
            if shapes is not None and shapes.valid:
                voted = with_fillers_a_valid_shape_reading_sees(voted, shapes)
                break
    if _names_guessed(voted, readings):
        # Only readings whose names the cells cut (see ``read_zone_text``) give the names: the shapes have their say.
        by_shape = by_shape or _read_by_shape(first_crop, zone)
    if consulted is not None:
        for reading in (by_shape, smooth_shape, *shape_readings):
            if reading is not None and not any(reading is other for other in consulted):
                consulted.append(reading)
    return readings + [voted]


# The longer of two lines of a TD1 card's zone as Tesseract reads them (30 characters, a few fillers lost or added;
# 33 and more are a TD2's or TD3's, see ``mrz_parse.guess_layout``).
TD1_LENGTH = range(27, 33)


def _read_as_td1_lines(zone: Zone, lines: Sequence[str]) -> bool:
    """Tesseract read a zone of two lines (``lines``) as two lines of a TD1 card's length, which no two-line layout
    has (where the pitch could not tell: see ``mrz_pitch``)."""
    return len(zone.lines) == 2 and len(lines) == 2 and max(len(line) for line in lines) in TD1_LENGTH


def _td1_with_a_line_lost(image: Image.Image, zone: Zone,
                          upside_down: bool) -> tuple[Zone, list[MrzResult], list[MrzResult]] | None:
    """A zone of two lines of a TD1 card's length is a card's zone whose third line the search lost (joined to the
    card's edge below it, or to the print above): the zone with a line added at the same pitch after, then before,
    its two, and its readings, if they read (and the shape readings consulted)."""
    first, second = zone.lines
    candidates = [replace(zone, lines=tuple(sorted((first, second, extra), key=lambda blob: blob.cy)))
                  for extra in (replace(second, cx=2 * second.cx - first.cx, cy=2 * second.cy - first.cy),
                                replace(first, cx=2 * first.cx - second.cx, cy=2 * first.cy - second.cy))]
    # The side whose crop shows a line of ink more first: the other may be the card's blank edge, worth no OCR.
    for three in sorted(candidates, key=lambda candidate: -_ink_lines(crop_zone(image, candidate))):
        consulted: list[MrzResult] = []
        readings = _read_zone(image, three, upside_down, consulted=consulted)
        if readings and is_good(readings[-1]):
            return three, readings, consulted
    return None


def _ink_lines(crop: Image.Image) -> int:
    gray = np.asarray(crop)
    return len(line_bands(gray < otsu_threshold(gray)))


# The look-alikes weighing alike that the shapes of OCR-B draw far apart (an L's foot, a 1's flag); they match a blurred
# 8 to an S, a 6 to a G.
SHAPES_TELL_APART = frozenset({frozenset("L1")})


def _with_lookalikes_the_shapes_tell(result: MrzResult, tesseract: Sequence[MrzResult], shapes: list[MrzResult],
                                     image: Image.Image, zone: Zone, upside_down: bool) -> MrzResult:
    """``result`` with each checked field that the readings pass both with an L and with a 1 (they weigh alike: no
    check digit tells them apart) as the shapes of OCR-B read it, which draw the two apart. The shapes are read for it
    (and added to ``shapes``, for the doubt) if not yet."""
    if not result.valid or not (fields := lookalike_fields(result, [*tesseract, *shapes], SHAPES_TELL_APART)):
        return result
    by_shape = next((reading for reading in shapes if reading.valid), None)
    if by_shape is None:
        by_shape = _read_by_shape(_upright(crop_zone(image, zone), upside_down), zone)
        if by_shape is None:
            return result
        shapes.append(by_shape)
    layout = layout_of(result)
    if layout_of(by_shape) is not layout:
        return result
    lines = list(result.lines)
    for field in fields:
        value = by_shape.lines[field.line][field.start:field.end]
        digit = by_shape.lines[field.line][field.check]
        ours = lines[field.line][field.start:field.end]
        if value != ours and check_holds(value, digit) and alike_but_for_lookalikes(value, ours, SHAPES_TELL_APART):
            row = lines[field.line]
            lines[field.line] = row[:field.start] + value + row[field.end:]
    if lines == list(result.lines):
        return result
    told = build_result(lines, layout)
    return replace(told, surname=result.surname, given_names=result.given_names) if told.valid else result


def _consulted(shapes: list[MrzResult], consulted: list[MrzResult] | None) -> list[MrzResult]:
    """``shapes``, the zone's readings by the shapes alone, added to ``consulted`` (see ``_read_zone``)."""
    if consulted is not None:
        consulted.extend(shapes)
    return shapes


def _names_guessed(answer: MrzResult, readings: Sequence[MrzResult]) -> bool:
    """Whether only readings that guessed the names (see ``mrz_doubt.doubt_of``) give ``answer``'s."""
    giving = [reading for reading in readings
              if reading.format == answer.format and names_of(reading) == names_of(answer)]
    return bool(giving) and all(reading.doubt == MrzDoubt.NAMES_DIFFER for reading in giving)


def _names_disputed(readings: Sequence[MrzResult], chosen: MrzResult) -> bool:
    return len({(reading.surname, reading.given_names) for reading in readings if reading.format == chosen.format}) > 1


def _fits_pitch(line_length: int, count: float | None) -> bool:
    """Whether lines of ``line_length`` characters are the nearest of the layouts' to the ``count`` the pitch tells
    (any, where it tells none)."""
    if count is None:
        return True
    return all(abs(line_length - count) <= abs(other.line_length - count) for other in LAYOUTS.values())


def _upright(crop: Image.Image, upside_down: bool) -> Image.Image:
    return crop.rotate(180) if upside_down else crop


def _read_by_shape(crop: Image.Image, zone: Zone) -> MrzResult | None:
    """The zone read cell by cell by the shapes of OCR-B, in each layout with its number of lines and about the
    number of characters its lines hold by their pitch; the best by its check digits (TD3 before TD2 on a tie).
    Two lines of a card's 30 characters are read in no layout: cut into 36 or 44 cells, they read as junk."""
    count = characters_per_line(crop)
    readings = []
    layouts = sorted((layout for layout in LAYOUTS.values() if layout.line_count == len(zone.lines)
                      and _fits_pitch(layout.line_length, count)), key=lambda layout: -layout.line_length)
    for layout in layouts:
        cells = cell_grid(crop, layout.line_count, layout.line_length, GLYPH_SHIFTS, GLYPH_PITCH_SCALES)
        read = mrz_glyphs.read_cells_and_guesses(cells, layout, zone_char_height(zone)) if cells is not None else None
        result = parse_mrz(read[0]) if read is not None else None
        if result is not None:
            # Where the shapes guessed, their reading says so (``mrz_doubt.doubt_of``).
            readings.append(replace(result, doubt=str(read[1])) if read[1] and result.valid else result)
    return max(readings, key=score, default=None)
