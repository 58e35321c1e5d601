"""MRZ stage: find the machine-readable zone on a page image, OCR it and parse it.

1. Locate without OCR (~20 ms): a black-hat transform keeps thin dark strokes,
   horizontal smearing joins characters into line blobs, and 2-3 parallel,
   equally long, evenly stacked blobs with the page's other text on one side
   only make a candidate, on the page as it is and turned a quarter. The side
   the other text is on tells upright from upside down.
2. Deskew and crop only that zone, scale it to ~36 px characters, OCR it with
   one Tesseract call (psm 6, MRZ whitelist).
3. Correct by position and let check digits choose (``mrz_parse``); the "<"
   glyphs Tesseract reads as K/X are found again by their shape (each zone's
   own fillers are the template) and the names line is realigned to them.
4. Only if a check digit fails or a name looks doubtful: read the crop at two
   other scales, merge field by field and vote on the names.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import numpy as np  # noqa: E402
import pytesseract  # noqa: E402
from PIL import Image, ImageOps  # noqa: E402
from scipy import ndimage  # noqa: E402

from .loading import shrink_page  # noqa: E402
from . import mrz_glyphs  # noqa: E402
from .mrz_parse import (  # noqa: E402
    FILLER_LOOKALIKES,
    LAYOUTS,
    combine_readings,
    is_good,
    names_doubtful,
    normalise_line,
    parse_mrz,
    score,
    with_known_countries,
    with_voted_names,
)
from .types import MrzResult  # noqa: E402

__all__ = ["ZoneReading", "parse_mrz", "find_mrz_in_text", "read_machine_zone", "read_mrz"]

WORK_SIDE = 1000  # longest side of the image the zone search runs on
CHAR_HEIGHT = 36  # px of an MRZ character in the crop sent to Tesseract
TESSERACT_CONFIG = (
    # "$" is in the list only because Tesseract takes OCR-B's S for one; kept out, the S is lost.
    "--oem 1 --psm 6 -c tessedit_char_whitelist=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<$ "
    "-c load_system_dawg=0 -c load_freq_dawg=0"
)
RETRY_HEIGHTS = (28, 44, 24, 52)  # other scales, in turn, while no reading passes its check digits
MAX_ZONES = 2  # OCR at most this many candidate zones per page
# An MRZ line is 30 to 44 characters of about its own height: 26+ times as long as thick when
# sharp, less when blurred. Table rows and short headings stay below and cost no OCR.
MIN_LINE_ASPECT = 18
SMALL_CHARACTERS = 9  # px high in the photo: below, Tesseract misreads names the shapes get right
MAX_LINE_ANGLE = 20  # degrees: a photo taken askew by 10 of a page lying askew by 10


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


# ---------------------------------------------------------------- zone search

@dataclass(frozen=True)
class Blob:
    cx: float
    cy: float
    length: float
    thickness: float
    angle: float  # radians, of the long axis; 0 = horizontal


@dataclass(frozen=True)
class Zone:
    lines: tuple[Blob, ...]
    turned: bool  # found on the page turned a quarter (counter-clockwise)
    text_below: float = 0.0  # share of the page's other text on the far side of the zone

    @property
    def orientations(self) -> tuple[bool, ...]:
        """Whether to read the zone upside down. An MRZ is the last text on its page, so the side
        with the page's other text is up; lines with text on both sides are a paragraph, not an
        MRZ, and are not sent to OCR at all."""
        if self.text_below >= 0.8:
            return (True,)
        if self.text_below <= 0.2:
            return (False,)
        return ()

    @property
    def angle(self) -> float:
        return float(np.median([blob.angle for blob in self.lines]))


def _running(op: np.ufunc, array: np.ndarray, size: int, axis: int) -> np.ndarray:
    """Max or min over a centred window of ``size`` along ``axis``, by doubling (log2(size) passes)."""
    pad = [(0, 0), (0, 0)]
    pad[axis] = (size // 2, size - 1 - size // 2)
    result = np.pad(array, pad, mode="edge")
    covered = 1
    while covered < size:
        step = min(covered, size - covered)
        head = [slice(None)] * 2
        tail = [slice(None)] * 2
        head[axis] = slice(0, result.shape[axis] - step)
        tail[axis] = slice(step, None)
        result = op(result[tuple(head)], result[tuple(tail)])
        covered += step
    return result


def _window_max(array: np.ndarray, size: int, axis: int) -> np.ndarray:
    return _running(np.maximum, array, size, axis)


def _window_min(array: np.ndarray, size: int, axis: int) -> np.ndarray:
    return _running(np.minimum, array, size, axis)


def _otsu(values: np.ndarray) -> int:
    histogram = np.bincount(values.ravel(), minlength=256).astype(np.float64)
    total = histogram.sum()
    levels = np.arange(256)
    weight = np.cumsum(histogram)
    mean = np.cumsum(histogram * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1)
    return int(np.argmax(between))


def text_mask(gray: np.ndarray) -> np.ndarray:
    """Thin dark strokes (text), not large dark areas such as the table around a page."""
    closed = _window_min(_window_min(_window_max(_window_max(gray, 11, 1), 7, 0), 11, 1), 7, 0)
    blackhat = (closed.astype(np.int16) - gray).clip(0, 255).astype(np.uint8)
    return blackhat > max(_otsu(blackhat), 25)


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    edges = np.diff(np.pad(mask, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    return rows, starts, ends


def _label_runs(rows: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Connected-component label per run (4-connectivity between runs of adjacent rows)."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    row_bounds = np.searchsorted(rows, np.arange(rows.max() + 2)) if len(rows) else np.array([0])
    starts_l, ends_l = starts.tolist(), ends.tolist()
    for row in range(1, len(row_bounds) - 1):
        a, a_end = int(row_bounds[row - 1]), int(row_bounds[row])
        b, b_end = a_end, int(row_bounds[row + 1])
        while a < a_end and b < b_end:
            if starts_l[a] < ends_l[b] and starts_l[b] < ends_l[a]:
                root_a, root_b = find(a), find(b)
                if root_a != root_b:
                    parent[root_b] = root_a
            if ends_l[a] < ends_l[b]:
                a += 1
            else:
                b += 1
    return np.array([find(i) for i in range(len(parent))], dtype=np.int64)


def line_blobs(mask: np.ndarray, min_length: float) -> list[Blob]:
    """Long thin blobs after joining characters horizontally."""
    # "<" is open on its right, so the gap after one is almost a full character pitch wide.
    smear = max(7, round(max(mask.shape) * 0.022))
    joined = _window_min(_window_max(_window_max(mask.astype(np.uint8), 3, 0), smear, 1), smear, 1).astype(bool)
    rows, starts, ends = _runs(joined)
    if len(rows) == 0:
        return []
    labels = _label_runs(rows, starts, ends)
    n = (ends - starts).astype(np.float64)
    first, last = starts.astype(np.float64), ends.astype(np.float64) - 1
    sum_x = n * (first + last) / 2
    sum_xx = (last * (last + 1) * (2 * last + 1) - (first - 1) * first * (2 * first - 1)) / 6
    y = rows.astype(np.float64)
    size = labels.max() + 1
    stats = [np.bincount(labels, weights=w, minlength=size) for w in (n, sum_x, n * y, sum_xx, y * sum_x, n * y * y)]
    count, sx, sy, sxx, sxy, syy = stats
    blobs = []
    for label in np.nonzero(count > min_length * 3)[0]:
        m = count[label]
        cx, cy = sx[label] / m, sy[label] / m
        vxx, vyy, vxy = sxx[label] / m - cx * cx, syy[label] / m - cy * cy, sxy[label] / m - cx * cy
        spread = math.sqrt(max((vxx - vyy) ** 2 / 4 + vxy * vxy, 0))
        major, minor = (vxx + vyy) / 2 + spread, max((vxx + vyy) / 2 - spread, 1e-6)
        length, thickness = math.sqrt(12 * major), math.sqrt(12 * minor)
        angle = 0.5 * math.atan2(2 * vxy, vxx - vyy)
        if length >= min_length and length >= MIN_LINE_ASPECT * thickness and abs(angle) < math.radians(MAX_LINE_ANGLE):
            blobs.append(Blob(cx, cy, length, thickness, angle))
    return blobs


def group_lines(blobs: Sequence[Blob], turned: bool) -> list[Zone]:
    """Runs of 2-3 parallel, equally long, evenly stacked blobs; longer zones first."""
    ordered = sorted(blobs, key=lambda blob: blob.cy)
    chains: list[list[Blob]] = []
    for blob in ordered:
        for chain in chains:
            last = chain[-1]
            gap = blob.cy - last.cy
            if (
                abs(blob.angle - last.angle) < math.radians(3)
                and 0.85 < blob.length / last.length < 1.18  # fillers make every line full length
                and abs((blob.cx - last.cx) * math.cos(last.angle)) < 0.06 * last.length
                and 1.1 * last.thickness < gap < 3.5 * max(last.thickness, blob.thickness)
            ):
                chain.append(blob)
                break
        else:
            chains.append([blob])
    zones = [Zone(tuple(chain), turned) for chain in chains if len(chain) in (2, 3)]
    return sorted(zones, key=lambda zone: -sum(blob.length for blob in zone.lines))


def find_zones(image: Image.Image, overview: Image.Image | None = None) -> list[Zone]:
    """MRZ candidates on the page as it is and turned a quarter, best first.

    ``overview``: a smaller copy of ``image`` (at least WORK_SIDE long) to search, when the caller has one."""
    scale = WORK_SIDE / max(image.size)
    if scale < 1:  # reduce, then convert the small copy: converting the whole page costs more than the search
        small = np.asarray(shrink_page(image, WORK_SIDE, overview).convert("L"))
    else:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        small = np.asarray(image.convert("L").resize(size, Image.BILINEAR))
    mask = text_mask(small)
    zones = []
    for turned, view in ((False, mask), (True, np.rot90(mask))):
        view = np.ascontiguousarray(view)
        blobs = line_blobs(view, min_length=0.15 * WORK_SIDE)
        zones += [_scale_zone(_with_text_below(zone, view), 1 / scale) for zone in group_lines(blobs, turned)]
    zones = [zone for zone in zones if zone.orientations]
    return sorted(zones, key=lambda zone: -sum(blob.length for blob in zone.lines))[:MAX_ZONES]


def _with_text_below(zone: Zone, mask: np.ndarray) -> Zone:
    first, last = zone.lines[0], zone.lines[-1]
    angle = zone.angle
    ys, xs = np.nonzero(mask)
    across = (ys - first.cy) * math.cos(angle) - (xs - first.cx) * math.sin(angle)
    along = (xs - first.cx) * math.cos(angle) + (ys - first.cy) * math.sin(angle)
    span = abs(along) < first.length * 0.6
    above = np.count_nonzero(span & (across < -first.thickness))
    depth = (last.cy - first.cy) + last.thickness
    below = np.count_nonzero(span & (across > depth))
    return replace(zone, text_below=below / max(above + below, 1))


def _scale_zone(zone: Zone, factor: float) -> Zone:
    lines = tuple(Blob(b.cx * factor, b.cy * factor, b.length * factor, b.thickness * factor, b.angle)
                  for b in zone.lines)
    return replace(zone, lines=lines)


# ---------------------------------------------------------------- crop and OCR

def crop_zone(image: Image.Image, zone: Zone, target_height: int = CHAR_HEIGHT) -> Image.Image:
    """The zone deskewed, with a margin, scaled to ``target_height`` px characters, in grayscale;
    upright or upside down (the caller decides).

    One affine resampling of a small crop: rotating the whole page first costs ~0.1 s a call."""
    first, last = zone.lines[0], zone.lines[-1]
    cx = sum(b.cx for b in zone.lines) / len(zone.lines)
    cy = sum(b.cy for b in zone.lines) / len(zone.lines)
    char_height = float(np.median([b.thickness for b in zone.lines]))
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
    return _clear_edges(ImageOps.autocontrast(patch, cutoff=1))


def _clear_edges(patch: Image.Image) -> Image.Image:
    """White out dark shapes reaching the crop's top or bottom: the page's edge or the table beside
    it, never a character (the crop leaves more than a character's height above and below the lines).
    Tesseract drops the character next to such an edge."""
    gray = np.asarray(patch)
    labels, _ = ndimage.label(gray < _otsu(gray))
    edges = np.union1d(labels[0], labels[-1])
    edges = edges[edges > 0]
    if edges.size == 0:
        return patch
    cleared = gray.copy()
    cleared[np.isin(labels, edges)] = 255
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
                result = fixed
        if best is None or score(result) > score(best):
            best = result
    return best


# ---------------------------------------------------------------- filler check by shape

def _line_bands(ink: np.ndarray) -> list[tuple[int, int]]:
    profile = ink.sum(axis=1)
    on = np.concatenate([[False], profile > 0.2 * profile.max(), [False]])
    edges = np.flatnonzero(np.diff(on.astype(np.int8)))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2]) if b - a >= CHAR_HEIGHT * 0.5]


def _ink_extent(ink: np.ndarray) -> tuple[int, int]:
    """Widest run of ink columns without a gap of a character height (ignores specks at the margin)."""
    columns = np.flatnonzero(ink.any(axis=0))
    if len(columns) == 0:
        return 0, 0
    breaks = np.flatnonzero(np.diff(columns) > CHAR_HEIGHT * 0.45)
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(columns) - 1]])
    widest = int(np.argmax(columns[ends] - columns[starts]))
    return int(columns[starts[widest]]), int(columns[ends[widest]]) + 1


FILLER_SHIFTS = (-0.25, 0.0, 0.25)  # of a pitch; the middle one unshifted
GLYPH_SHIFTS = (-0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3)
GLYPH_PITCH_SCALES = (0.98, 0.99, 1.0, 1.01, 1.02)  # a 1% error in pitch is half a cell at a line's far end


def _cell_vectors(gray: np.ndarray, band: tuple[int, int], x0: float, pitch: float, count: int,
                  shifts: Sequence[float] = FILLER_SHIFTS) -> np.ndarray:
    """Each character cell, at small shifts, as a zero-mean unit vector: (count, len(shifts), 216)."""
    top, bottom = band
    vectors = np.zeros((count, len(shifts), 12 * 18), dtype=np.float32)
    for index in range(count):
        for k, shift in enumerate(shifts):
            left = round(x0 + (index - 0.1 + shift) * pitch)
            cell = gray[top:bottom, max(left, 0):max(left + round(pitch), 1)]
            if cell.size == 0:
                continue
            small = np.asarray(Image.fromarray(cell).resize((12, 18), Image.BILINEAR), dtype=np.float32).ravel()
            small -= small.mean()
            vectors[index, k] = small / (np.linalg.norm(small) + 1e-6)
    return vectors


def cell_grid(patch: Image.Image, line_count: int, length: int, shifts: Sequence[float] = FILLER_SHIFTS,
              pitch_scales: Sequence[float] = (1.0,)) -> list[list[np.ndarray]] | None:
    """The zone's character cells as vectors: per line, one (length, shifts, 216) array per pitch
    scale (see ``_cell_vectors``); None when the crop does not show ``line_count`` lines."""
    gray = np.asarray(patch)
    ink = gray < _otsu(gray)
    bands = _line_bands(ink)
    if len(bands) != line_count:
        return None
    # All lines together: a narrow "1" leaves no gap there, the page edge beside the zone does.
    left, right = _ink_extent(np.concatenate([ink[top:bottom] for top, bottom in bands]))
    pitch = (right - left) / (length - 0.2)
    if pitch < CHAR_HEIGHT * 0.4:
        return None
    grids = []
    for top, bottom in bands:
        # Photos add shear, so each line is placed by its own right end (a wide "<" or digit;
        # the first glyph may be a narrow "I").
        columns = left + np.flatnonzero(ink[top:bottom, left:right].any(axis=0))
        if len(columns) == 0:
            return None
        end = int(columns[-1]) + 1
        grids.append([
            _cell_vectors(gray, (top, bottom), end - (length - 0.2) * pitch * scale, pitch * scale, length, shifts)
            for scale in pitch_scales
        ])
    return grids


def filler_cells(patch: Image.Image, line_count: int, length: int) -> list[list[bool]] | None:
    """Which character cells hold the "<" glyph, by likeness to the zone's own fillers.

    Bootstrapped from the last cells of the names line (fillers unless a name fills it)."""
    grids = cell_grid(patch, line_count, length)
    if grids is None:
        return None
    cells = [line[0] for line in grids]
    names_line = 2 if line_count == 3 else 0
    template = cells[names_line][-3:, 1].mean(axis=0)
    everything = np.concatenate(cells)
    for _ in range(2):
        template /= np.linalg.norm(template) + 1e-6
        likeness = (everything @ template).max(axis=1)
        if (likeness > 0.8).sum() < 3:
            return None
        template = everything[likeness > 0.8, 1].mean(axis=0)
    template /= np.linalg.norm(template) + 1e-6
    return [list((line @ template).max(axis=1) > 0.6) for line in cells]


def align_to_cells(text: str, fillers: Sequence[bool]) -> str:
    """Align an OCR line to the cells (edit distance) and write "<" wherever the cell shows one."""
    n, m = len(fillers), len(text)

    def cost(cell: int, char: str) -> float:
        if (char == "<") == fillers[cell]:
            # K and X are what Tesseract makes of "<": slightly prefer reading them as spurious.
            return 0.3 if char in "KX" else 0.0
        return 0.4 if fillers[cell] and char in FILLER_LOOKALIKES else 1.0

    # OCR drops and doubles "<" in filler runs more than anything else: those edits are cheap.
    def skip_cell(cell: int) -> float:
        return 0.3 if fillers[cell] else 1.0

    def skip_char(char: str) -> float:
        return 0.3 if char == "<" else 0.5 if char in "KX" else 1.0

    table = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        table[i, 0] = table[i - 1, 0] + skip_cell(i - 1)
    for j in range(1, m + 1):
        table[0, j] = table[0, j - 1] + skip_char(text[j - 1])
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            table[i, j] = min(table[i - 1, j - 1] + cost(i - 1, text[j - 1]),
                              table[i - 1, j] + skip_cell(i - 1), table[i, j - 1] + skip_char(text[j - 1]))
    out, i, j = [], n, m
    while i > 0:
        if j > 0 and math.isclose(table[i, j], table[i - 1, j - 1] + cost(i - 1, text[j - 1])):
            out.append("<" if fillers[i - 1] else text[j - 1])
            i, j = i - 1, j - 1
        elif j > 0 and math.isclose(table[i, j], table[i, j - 1] + skip_char(text[j - 1])):
            j -= 1
        else:
            out.append("<")
            i -= 1
    return "".join(reversed(out))


def fix_fillers_by_shape(patch: Image.Image, lines: Sequence[str], length: int) -> list[str]:
    """Rewrite the lines so "<" stands exactly where the glyph is: the names line (names have no
    check digit), and the filler runs of the other lines, where OCR reads "<" as K or 6 and adds
    junk at a line's end (their check digits then judge the rewrite)."""
    fillers = filler_cells(patch, len(lines), length)
    if fillers is None:
        return list(lines)
    names_line = 2 if len(lines) == 3 else 0
    return [_fix_names_line(line, cells, len(lines)) if index == names_line else _fix_filler_run(line, cells)
            for index, (line, cells) in enumerate(zip(lines, fillers))]


def _fix_names_line(line: str, fillers: Sequence[bool], line_count: int) -> str:
    if line_count == 3:
        fixed = align_to_cells(line, fillers)
    elif len(line) > 5:  # document code and issuing state stay as read
        fixed = line[:5] + align_to_cells(line[5:], fillers[5:])
    else:
        return line
    # Only K, X, S ... may turn into fillers; losing an A or M means the cells were misjudged (blur).
    if _firm(fixed, FILLER_LOOKALIKES) != _firm(line, FILLER_LOOKALIKES):
        return line
    # Three fillers then a letter never occur in names: the K of "<<KAREEM" looked like a "<".
    if _NAME_AFTER_FILLER_RUN.search(fixed) and not _NAME_AFTER_FILLER_RUN.search(line):
        return line
    return fixed


def _fix_filler_run(line: str, fillers: Sequence[bool]) -> str:
    fixed = align_to_cells(line, fillers)
    lost = Counter(_firm(line, NUMBER_LINE_LOOKALIKES)) - Counter(_firm(fixed, NUMBER_LINE_LOOKALIKES))
    # A digit or letter may only go as a surplus character (junk past the line's end), never become "<".
    return fixed if sum(lost.values()) <= max(0, len(line) - len(fixed)) else line


_NAME_AFTER_FILLER_RUN = re.compile(r"<{3,}[A-Z]")
# Small photos also turn "<" into 6 where digits may stand; the cells' shape tells them apart.
NUMBER_LINE_LOOKALIKES = FILLER_LOOKALIKES | {"6"}


def _firm(line: str, lookalikes: set[str]) -> list[str]:
    """The characters no misjudged cell may turn into a filler."""
    return sorted(char for char in line if char != "<" and char not in lookalikes)


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
    for zone in find_zones(image, overview):
        readings, upside_down = _read_zone(image, zone)
        if readings:  # the zone is an MRZ: the other candidate is not worth more OCR
            result = readings[-1] if is_good(readings[-1]) else combine_readings(readings)
            return ZoneReading(with_known_countries(result, readings), zone, upside_down)
    return None


def _read_zone(image: Image.Image, zone: Zone) -> tuple[list[MrzResult], bool]:
    """Readings of one zone, and whether it was read upside down; the last reading is the answer if
    any reading (or their merge) is good."""
    if not zone.orientations:
        return [], False
    upside_down = zone.orientations[0]
    readings: list[MrzResult] = []
    best = None
    for height in (CHAR_HEIGHT, *RETRY_HEIGHTS):
        # Names have no check digit: a doubtful one is worth more readings to vote with.
        if best is not None and not names_doubtful(best):
            break
        attempt = crop_zone(image, zone, height)
        attempt = attempt.rotate(180) if upside_down else attempt
        if height == CHAR_HEIGHT:
            first_crop = attempt
        lines = ocr_lines(attempt)
        result = read_zone_text(lines, attempt)
        if result is None:
            if height == CHAR_HEIGHT and sum(line.count("<") >= 2 for line in lines) < 2:
                break  # no machine-readable lines at all: not worth more OCR (the shapes may still tell)
            continue
        readings.append(result)
        if best is None:
            merged = combine_readings(readings)
            best = merged if is_good(merged) else None
    small = zone_char_height(zone) < SMALL_CHARACTERS
    by_shape = _read_by_shape(first_crop, zone, readings) if best is None or small else None
    if best is None and by_shape is not None:
        # Tesseract failed at every scale: the cells read by the shapes of OCR-B are one more
        # reading for the check digits to judge.
        readings.append(by_shape)
        merged = combine_readings(readings)
        best = merged if is_good(merged) else None
    if best is None:
        return readings, upside_down
    # Several readings: a field that passed its check digit by chance in one loses to the others.
    merged = combine_readings(readings) if len(readings) > 1 else best
    chosen = merged if is_good(merged) else best
    voters = list(readings)
    if small and by_shape is not None and _checked_fields(by_shape) == _checked_fields(chosen):
        # Small characters: Tesseract adds and drops letters in names, which no check digit covers;
        # the shapes, on a grid the check digits just proved right, have a say.
        voters.append(by_shape)
    chosen = with_voted_names(chosen, voters)
    return readings + [chosen], upside_down


def zone_char_height(zone: Zone) -> float:
    return float(np.median([blob.thickness for blob in zone.lines]))


def _checked_fields(result: MrzResult) -> list[str]:
    layout = LAYOUTS[result.format]
    return [result.lines[f.line][f.start:f.end] for f in layout.fields if f.check is not None]


def _read_by_shape(crop: Image.Image, zone: Zone, readings: Sequence[MrzResult]) -> MrzResult | None:
    """The zone read cell by cell by the shapes of OCR-B, in the layout its line count and its
    readings' line length suggest."""
    line_count = len(zone.lines)
    char_height = zone_char_height(zone)
    if line_count == 3:
        layouts = [LAYOUTS["TD1"]]
    else:
        two_line = Counter(reading.format for reading in readings if reading.format != "TD1").most_common()
        layouts = [LAYOUTS[name] for name, _ in two_line] or [LAYOUTS["TD3"], LAYOUTS["TD2"]]
    for layout in layouts:
        cells = cell_grid(crop, layout.line_count, layout.line_length, GLYPH_SHIFTS, GLYPH_PITCH_SCALES)
        lines = mrz_glyphs.read_cells(cells, layout, char_height) if cells is not None else None
        result = parse_mrz(lines) if lines is not None else None
        if result is not None:
            return result
    return None
