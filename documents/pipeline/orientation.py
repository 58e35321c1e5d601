"""Stage 2: turn a photographed page upright, straighten it and cut away the table.

Everything here is numpy on a downscaled copy (a few tens of milliseconds):

* the page is found as the large bright, unsaturated region and cropped; under a lamp
  on one side, "bright" follows the light on the paper, and the OCR image is divided by
  the paper's brightness (``lighting``);
* text lines are found by projection profiles of the ink pixels: the angle whose
  profile is sharpest gives both the skew (up to ~12 degrees) and whether the lines
  run across or down the photo (a quarter turn);
* which way up is guessed from the lines' ink above and below their x-height band
  (Latin and Arabic letters rise far more often than they descend), or, on
  passports and ID cards, from the MRZ lines, which sit at the foot of the page;
* large solid blobs (photos) are noted so the OCR image can leave them out.

The guess is only a prior: ``ocr.read_page`` confirms it by OCR confidence and
reads the page turned half a turn when the first reading is poor.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from scipy import ndimage

from .lighting import divide_by_paper, paper_light
from .loading import shrink, shrink_page

ANALYSIS_SIDE = 900  # px, longest side of the copy the geometry is measured on
SKEW_LIMIT = 12.0  # degrees either way
CLEAR_LINES = 1.9  # see ``dominant_line_angle``: below, the lines may lie further askew than SKEW_LIMIT
COARSE_STEP = 1.0
FINE_STEP = 0.25


Outline = tuple[tuple[float, float], ...]  # a polygon's corners, in original pixels


@dataclass(frozen=True)
class KnownUpright:
    """Which way up a page is, told by something surer than its look: its MRZ, which reads as one
    only the right way up (upside down its chevrons and digits come out as junk)."""

    rotation: int  # counter-clockwise degrees that turn the page upright: 0, 90, 180 or 270
    skew: float  # degrees of counter-clockwise rotation that straighten the zone's lines, once turned
    holder_known: bool  # the zone read valid: it names the page's holder


@dataclass(frozen=True)
class PageGeometry:
    rotation: int  # counter-clockwise quarter turns applied, in degrees: 0, 90, 180 or 270
    skew: float  # degrees of counter-clockwise rotation that straighten the lines
    crop: tuple[int, int, int, int] | None  # page box in the original image, before rotating
    upright_confidence: float  # 0..1: how sure the which-way-up guess is
    line_height: float  # median text line pitch, in original-image pixels (0 if unknown)
    clutter: tuple[tuple[int, int, int, int], ...] = ()  # photos, frames, stamps (original pixels)
    # The text with a line's margin (original pixels): all the OCR needs to see. Empty paper costs
    # Tesseract layout time, and page edges in it come out as junk lines.
    text_box: tuple[int, int, int, int] | None = None
    uneven_light: bool = False  # a lamp on one side: the OCR image is divided by the paper's brightness
    # False when no angle within SKEW_LIMIT of a quarter turn lines the text up well: the page may lie
    # further askew (see ``wide_skew``), or hold little text in lines.
    lines_clear: bool = True

    def agrees_with(self, rotation: int) -> bool:
        """Whether ``rotation`` turns the text lines the way this geometry found them running (its
        skew is measured along them); a half turn more or less is what it may have guessed wrong."""
        return (rotation - self.rotation) % 180 == 0

    def settled_by(self, known: KnownUpright) -> PageGeometry:
        """This geometry turned the way ``known`` says. Where the lines it measured run across the
        zone's (the printed lines of a booklet's other page, a barcode's bars), the zone's own angle
        straightens the page: the document the zone belongs to is the one worth reading."""
        if self.agrees_with(known.rotation):
            return replace(self, rotation=known.rotation, upright_confidence=1.0)
        return replace(self, rotation=known.rotation, skew=known.skew, upright_confidence=1.0)


def analyse(image: Image.Image, overview: Image.Image | None = None, leave_out: tuple[Outline, ...] = ()) -> PageGeometry:
    """Measure how ``image`` must be cropped, turned and straightened.

    ``overview``: a smaller copy of ``image`` (at least ANALYSIS_SIDE long) to measure on, when
    the caller has one: shrinking a whole page again costs more than all the measuring.
    ``leave_out``: areas (original pixels) whose text the OCR will not need, such as an MRZ read
    on its own: the text box leaves them out, and with them the page's edges beside them."""
    scale = min(1.0, ANALYSIS_SIDE / max(image.size))
    small = shrink_page(image, ANALYSIS_SIDE, overview)
    small = small if small.mode == "RGB" else small.convert("RGB")
    box, uneven_light = page_box_and_light(small)
    if box is not None:
        small = small.crop(box)
    gray = np.asarray(small.convert("L"), dtype=np.uint8)
    glyphs, clutter_boxes = glyph_mask(ink_mask(gray))
    ys, xs = np.nonzero(glyphs)
    crop = tuple(round(v / scale) for v in box) if box is not None else None
    left, top = (box[0], box[1]) if box is not None else (0, 0)
    clutter = tuple(
        (round((x0 + left) / scale), round((y0 + top) / scale), round((x1 + left) / scale), round((y1 + top) / scale))
        for x0, y0, x1, y1 in clutter_boxes
    )
    if len(xs) < 200:  # a blank page or a photo without text
        return PageGeometry(0, 0.0, crop, 0.0, 0.0, uneven_light=uneven_light)
    line_angle, pitch, clarity = dominant_line_angle(xs.astype(np.float32), ys.astype(np.float32))
    lines_clear = clarity >= CLEAR_LINES and abs((line_angle + 45) % 90 - 45) < SKEW_LIMIT - 1.5
    quarter = 90 if abs(line_angle) > 45 else 0
    # A line drawn at +a degrees (image y down) is straightened by PIL's counter-clockwise rotate(a).
    skew = line_angle - quarter
    mask_image = Image.fromarray(glyphs.astype(np.uint8) * 255)
    turned = mask_image.rotate(quarter, expand=True) if quarter else mask_image
    straight = turned.rotate(skew, resample=Image.BILINEAR, expand=True, fillcolor=0)
    straight_mask = np.asarray(straight) > 127
    machine_lines = machine_zone_side(straight_mask)
    if machine_lines is not None:  # an MRZ sits at the foot of a passport or ID card
        upright_score, confidence = (1.0 if machine_lines == "bottom" else -1.0), 0.6
    else:
        upright_score = ascender_balance(straight_mask)
        confidence = float(min(1.0, abs(upright_score) * 4))
    rotation = quarter if upright_score >= 0 else (quarter + 180) % 360
    if leave_out:
        kept = glyphs & ~_outline_mask(glyphs.shape, leave_out, scale, (left, top))
        ys, xs = np.nonzero(kept) if kept.sum() >= 200 else (ys, xs)
    margin = max(pitch, 8.0)
    text_box = (
        round((max(0.0, xs.min() - margin) + left) / scale), round((max(0.0, ys.min() - margin) + top) / scale),
        round((min(float(gray.shape[1]), xs.max() + 1 + margin) + left) / scale),
        round((min(float(gray.shape[0]), ys.max() + 1 + margin) + top) / scale),
    )
    return PageGeometry(rotation, float(skew), crop, confidence, pitch / scale, clutter, text_box, uneven_light,
                        lines_clear)


def _outline_mask(shape: tuple[int, int], outlines: tuple[Outline, ...], scale: float,
                  offset: tuple[int, int]) -> np.ndarray:
    """``outlines`` drawn on an image of ``shape`` that is the page scaled by ``scale``, from ``offset``."""
    mask = Image.new("1", (shape[1], shape[0]), 0)
    draw = ImageDraw.Draw(mask)
    for outline in outlines:
        draw.polygon([(x * scale - offset[0], y * scale - offset[1]) for x, y in outline], fill=1)
    return np.asarray(mask, dtype=bool)


def apply(
    image: Image.Image,
    geometry: PageGeometry,
    scale: float = 1.0,
    blank_clutter: bool = False,
    blank: tuple[Outline, ...] = (),
) -> Image.Image:
    """Crop, scale, turn and straighten ``image`` as ``geometry`` says, in grayscale.

    ``blank_clutter`` paints photos, frames and stamps white: Tesseract reads them
    as slow, low-confidence junk. ``blank`` paints these areas white too.
    """
    cut = geometry.text_box or geometry.crop
    left, top = (cut[0], cut[1]) if cut is not None else (0, 0)
    if cut is not None:
        image = image.crop(cut)
    original_width = image.width
    image = image.convert("L")  # a new image: the caller's page stays as it is
    if scale > 1:  # a small scan enlarged for the OCR (``ocr.ocr_scale``)
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.BICUBIC)
    image = shrink(image, scale)
    factor = image.width / original_width
    if geometry.uneven_light:
        # Twice the line pitch: wider than any stroke, narrower than a shadow's edge.
        window = 2 * geometry.line_height * factor if geometry.line_height else max(image.size) / 15
        image = Image.fromarray(divide_by_paper(np.asarray(image), round(window)))
    image = whiten_paper(image)
    areas = [((x0, y0), (x1, y0), (x1, y1), (x0, y1)) for x0, y0, x1, y1 in geometry.clutter] if blank_clutter else []
    if areas or blank:
        draw = ImageDraw.Draw(image)
        for outline in [*areas, *blank]:
            draw.polygon([((x - left) * factor, (y - top) * factor) for x, y in outline], fill=255)
    if geometry.rotation:
        image = image.rotate(geometry.rotation, expand=True)
    if abs(geometry.skew) >= 0.3:
        # After a half turn the skew direction flips with the image, so it stays the same angle.
        image = image.rotate(geometry.skew, resample=Image.BILINEAR, expand=True, fillcolor=255)
    return image


def whiten_paper(gray: Image.Image) -> Image.Image:
    """Stretch the levels so the paper is white, like the corners that straightening fills in.

    Grey paper beside white corners can make Tesseract's threshold call the whole page ink
    and read nothing at all."""
    histogram = gray.histogram()
    total, seen = sum(histogram), 0
    for level, count in enumerate(histogram):  # the 90th percentile: paper, not ink or glare
        seen += count
        if seen >= 0.9 * total:
            break
    if level >= 250 or level < 64:
        return gray
    return gray.point([min(255, round(value * 255 / level)) for value in range(256)])


# ---------------------------------------------------------------- page and ink

def page_box_and_light(image: Image.Image) -> tuple[tuple[int, int, int, int] | None, bool]:
    """Box of the bright, unsaturated page on a darker or coloured table (None if none stands
    out), and whether the light on the page is uneven (a lamp on one side)."""
    red, green, blue = (np.asarray(band) for band in image.convert("RGB").split())
    # HSV's value, and its saturation under 60 of 255, without PIL's slow HSV conversion
    value = np.maximum(np.maximum(red, green), blue).astype(np.int32)
    unsaturated = (value - np.minimum(np.minimum(red, green), blue)) * 255 < 60 * value
    paper = (value > 150) & unsaturated
    uneven = False
    for _ in range(PAPER_FITS):  # uneven light: the lamp's falloff, learnt from the paper found so far
        light = paper_light(value, paper)
        if light is None:
            break
        uneven = True
        paper = unsaturated & (value > PAPER_SHARE * light)
    if paper.mean() > 0.9 or paper.mean() < 0.15:
        return None, uneven  # a scan (all paper) or nothing like paper
    rows = np.nonzero(paper.mean(axis=1) > 0.25)[0]
    cols = np.nonzero(paper.mean(axis=0) > 0.25)[0]
    if len(rows) < 10 or len(cols) < 10:
        return None, uneven
    box = (int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1)
    if (box[2] - box[0]) * (box[3] - box[1]) > 0.92 * image.width * image.height:
        return None, uneven
    return box, uneven


SMALL_SHEET = 0.04  # a sheet covering at least this share of the photo, lying small on a table, is the document
SHEET_FILL = 0.6  # its paper fills this share of its box at least (a sheet askew: ~0.8); scattered pale things less
SMALL_IN_PHOTO = 0.5  # a sheet whose box covers less of the photo than this lies small in it


def small_sheet(image: Image.Image, overview: Image.Image | None = None) -> tuple[int, int, int, int] | None:
    """The box (original pixels) of one sheet lying small in a photo (a third of the width of a cluttered
    table): the largest connected stretch of paper, where it is one piece filling most of its box; None where
    no such sheet stands out. Rows and columns averaged over the whole photo (``page_box_and_light``) miss a
    sheet this small, whose text the table's texture then drowns."""
    scale = min(1.0, ANALYSIS_SIDE / max(image.size))
    small = shrink_page(image, ANALYSIS_SIDE, overview).convert("RGB")
    red, green, blue = (np.asarray(band) for band in small.split())
    value = np.maximum(np.maximum(red, green), blue).astype(np.int32)
    paper = (value > 150) & ((value - np.minimum(np.minimum(red, green), blue)) * 255 < 60 * value)
    if (light := paper_light(value, paper)) is not None:
        paper = paper & (value > PAPER_SHARE * light)
    labels, count = ndimage.label(paper)
    if count == 0:
        return None
    areas = np.bincount(labels.ravel())[1:]
    largest = int(np.argmax(areas)) + 1
    rows, columns = ndimage.find_objects(labels)[largest - 1]
    box_area = (rows.stop - rows.start) * (columns.stop - columns.start)
    if areas[largest - 1] < SMALL_SHEET * paper.size or areas[largest - 1] < SHEET_FILL * box_area:
        return None
    if box_area > SMALL_IN_PHOTO * paper.size:
        return None  # not small: the page's own box was measured already
    margin = round(0.03 * max(paper.shape))  # the sheet's edge and a shadow's worth of the table
    left, top = max(0, columns.start - margin), max(0, rows.start - margin)
    right, bottom = min(paper.shape[1], columns.stop + margin), min(paper.shape[0], rows.stop + margin)
    return tuple(round(value / scale) for value in (left, top, right, bottom))


PAPER_FITS = 2
PAPER_SHARE = 0.65  # paper is at least this bright a share of the light on it; the table is darker


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Dark strokes against their local background (robust to uneven light)."""
    background = np.asarray(Image.fromarray(gray).filter(ImageFilter.BoxBlur(12)), dtype=np.int16)
    darker = background - gray.astype(np.int16)
    mask = darker > max(25, int(np.percentile(darker, 99)) // 3)
    # Drop the outermost border, where page edges and shadows make false ink.
    margin = max(2, min(gray.shape) // 60)
    mask[:margin], mask[-margin:], mask[:, :margin], mask[:, -margin:] = False, False, False, False
    return mask


def glyph_mask(ink: np.ndarray) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """Keep ink blobs of letter size; also return the boxes of the big ones (photos, frames, stamps)."""
    labels, count = ndimage.label(ink, structure=np.ones((3, 3)))
    if count == 0:
        return ink, []
    slices = ndimage.find_objects(labels)
    heights = np.array([s[0].stop - s[0].start for s in slices])
    widths = np.array([s[1].stop - s[1].start for s in slices])
    limit = max(12, min(ink.shape) // 12)
    keep = (np.maximum(heights, widths) >= 3) & (np.minimum(heights, widths) <= limit)
    keep &= np.maximum(heights, widths) <= 6 * limit
    keep &= np.maximum(heights, widths) <= 15 * np.maximum(np.minimum(heights, widths), 1)
    # Solid big blobs are photos; hollow ones (frames, stamp rings) must not be blanked with their inside.
    fill = ndimage.sum_labels(ink, labels, np.arange(1, count + 1)) / np.maximum(heights * widths, 1)
    solid_big = (np.minimum(heights, widths) > limit) & (fill > 0.3)
    clutter = [(s[1].start, s[0].start, s[1].stop, s[0].stop) for s, is_big in zip(slices, solid_big) if is_big]
    return np.concatenate(([False], keep))[labels], clutter


# ---------------------------------------------------------------- lines

def _profile_sharpness(xs: np.ndarray, ys: np.ndarray, degrees: float) -> tuple[float, np.ndarray]:
    theta = np.deg2rad(degrees)
    offsets = ys * np.cos(theta) - xs * np.sin(theta)
    offsets -= offsets.min()
    profile = np.bincount(offsets.astype(np.int32))
    return float(np.square(profile.astype(np.float64)).sum()), profile


def dominant_line_angle(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float, float]:
    """Angle (degrees from horizontal, -90..90) of the text lines, their pitch in px, and how clearly
    they stand out: the sharpest profile over the median one (about 2.3 to 6 for a page lying within
    SKEW_LIMIT, 1.0 to 1.6 for one turned 25 to 35 degrees)."""
    if len(xs) > 60_000:  # a sample is enough and keeps this fast
        pick = np.random.default_rng(0).choice(len(xs), 60_000, replace=False)
        xs, ys = xs[pick], ys[pick]
    candidates = list(np.arange(-SKEW_LIMIT, SKEW_LIMIT + 0.01, COARSE_STEP))
    candidates += [a + 90 for a in candidates]
    scores = [_profile_sharpness(xs, ys, a)[0] for a in candidates]
    best = candidates[int(np.argmax(scores))]
    clarity = max(scores) / max(float(np.median(scores)), 1.0)
    fine = np.arange(best - COARSE_STEP, best + COARSE_STEP + 0.01, FINE_STEP)
    fine_scores = [_profile_sharpness(xs, ys, a)[0] for a in fine]
    angle = float(fine[int(np.argmax(fine_scores))])
    _, profile = _profile_sharpness(xs, ys, angle)
    return angle, _line_pitch(profile), clarity


WIDE_STEP = 1.0  # degrees between the angles tried over the whole half turn
WIDE_PEAK = 1.25  # the sharpest profile at least this much sharper than the median angle's: lines stand out


def wide_skew(image: Image.Image, overview: Image.Image | None = None) -> float | None:
    """Degrees of counter-clockwise turn that bring the text lines to the nearest quarter turn, when they
    lie further askew than ``analyse`` measures (a page photographed turned 25 or 40 degrees); None when
    they lie within SKEW_LIMIT of it or no lines stand out. Searches every angle, so it costs a few times
    ``analyse``'s line search: the pipeline calls it only when the first reading found little."""
    small = shrink_page(image, ANALYSIS_SIDE, overview)
    small = small if small.mode == "RGB" else small.convert("RGB")
    box, _ = page_box_and_light(small)
    gray = np.asarray((small.crop(box) if box is not None else small).convert("L"), dtype=np.uint8)
    glyphs, _ = glyph_mask(ink_mask(gray))
    ys, xs = np.nonzero(glyphs)
    if len(xs) < 200:
        return None
    if len(xs) > 30_000:
        pick = np.random.default_rng(0).choice(len(xs), 30_000, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs, ys = xs.astype(np.float32), ys.astype(np.float32)
    candidates = np.arange(-45.0, 135.0, WIDE_STEP)
    scores = np.array([_profile_sharpness(xs, ys, angle)[0] for angle in candidates])
    best = float(candidates[int(np.argmax(scores))])
    if scores.max() < WIDE_PEAK * float(np.median(scores)):
        return None
    fine = np.arange(best - WIDE_STEP, best + WIDE_STEP + 0.01, FINE_STEP)
    angle = float(fine[int(np.argmax([_profile_sharpness(xs, ys, a)[0] for a in fine]))])
    residual = (angle + 45.0) % 90.0 - 45.0
    return residual if abs(residual) > SKEW_LIMIT else None


def _line_pitch(profile: np.ndarray) -> float:
    bands = _line_bands(profile)
    if len(bands) < 2:
        return float(bands[0][1] - bands[0][0]) * 1.5 if bands else 0.0
    starts = np.array([start for start, _ in bands])
    return float(np.median(np.diff(starts)))


def _line_bands(profile: np.ndarray) -> list[tuple[int, int]]:
    """(start, end) row ranges of the text lines in a projection profile."""
    threshold = max(1.0, 0.08 * float(np.percentile(profile[profile > 0], 90))) if profile.any() else 1.0
    inked = profile > threshold
    edges = np.diff(np.concatenate(([0], inked.astype(np.int8), [0])))
    starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
    return [(int(s), int(e)) for s, e in zip(starts, ends) if e - s >= 3]


def ascender_balance(mask: np.ndarray) -> float:
    """Positive when lines carry more ink above their core band than below (upright text)."""
    profile = mask.sum(axis=1).astype(np.float64)
    bands = _line_bands(profile)
    if not bands:
        return 0.0
    typical_height = float(np.median([end - start for start, end in bands]))
    above = below = 0.0
    for start, end in bands:
        if end - start < 0.6 * typical_height:
            continue  # a fragment (rule, dots, a split line): its core band means nothing
        line = profile[start:end]
        core = np.nonzero(line >= 0.5 * line.max())[0]
        if len(core) == 0:
            continue
        top, bottom = core[0], core[-1]
        above += line[:top].sum()
        below += line[bottom + 1:].sum()
    total = above + below
    return 0.0 if total == 0 else (above - below) / total


def machine_zone_side(mask: np.ndarray) -> str | None:
    """``"top"`` or ``"bottom"`` when the page ends in 2-3 MRZ-like lines, else None.

    MRZ lines are the page's longest, equally long lines, printed together at one edge;
    upright, they are at the bottom. Lowercase-free capitals and chevrons give the
    ascender test nothing to go on, so this decides for passports and ID cards.
    """
    bands = _line_bands(mask.sum(axis=1).astype(np.float64))
    if len(bands) < 4:
        return None
    extents, gapless = [], []
    for start, end in bands:
        columns = np.nonzero(mask[start:end].any(axis=0))[0]
        extent = columns[-1] - columns[0] if len(columns) > 1 else 0
        extents.append(extent)
        # A run of equally spaced characters, not a Latin heading and an Arabic one side by side.
        gapless.append(len(columns) > 1 and np.diff(columns).max() < 0.06 * extent)
    longest = max(extents)
    long_lines = [index for index, extent in enumerate(extents) if extent >= 0.85 * longest]
    others = [extent for index, extent in enumerate(extents) if index not in long_lines]
    if not 2 <= len(long_lines) <= 3 or not others or max(others) > 0.8 * longest:
        return None
    if not all(gapless[index] for index in long_lines):
        return None
    if long_lines == list(range(len(bands) - len(long_lines), len(bands))):
        return "bottom"
    if long_lines == list(range(len(long_lines))):
        return "top"
    return None
