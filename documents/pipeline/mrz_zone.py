"""Finding an MRZ on a page without OCR (~20 ms).

A black-hat transform keeps thin dark strokes, horizontal smearing joins characters
into line blobs, and 2-3 parallel, equally long, evenly stacked blobs with the page's
other text on one side only make a candidate, on the page as it is and turned a
quarter. The side the other text is on tells upright from upside down.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image, ImageFilter
from scipy import ndimage

from .lighting import window_max, window_min, without_glare
from .loading import shrink_page

WORK_SIDE = 1000  # longest side of the image the zone search runs on
MAX_ENLARGEMENT = 2.0
# Other text masks, in turn, where the plain one finds no zone, as (strictness, tall shapes dropped).
# The smearing that joins characters into lines also joins a small zone lying askew to whatever runs
# across it or past its ends: a card's printed frame, the edges of things on a table, a stamp. Shapes
# taller than TALL_SHAPE of the image (across the lines) are none of a zone's characters and are left out.
# Then only the darker strokes: JPEG's smudges and a card's printed background (guilloches) join
# the close lines of a small zone into one blob; the darkest strokes do not.
FALLBACK_TEXT_MASKS = ((1.0, True), (1.5, True), (2.0, True))
TALL_SHAPE = 0.04
# Where the image is larger than WORK_SIDE, the other masks are tried only where the plain one shows a
# long blob lying within MERGED_LINES_ANGLE of the lines and thicker than lines of print are (these
# shares of the image's side; thinner than a page filling the photo): text pages pay nothing for them.
MERGED_LINES = (0.025, 0.5)
MERGED_LINES_ANGLE = 30
CLOSER_LOOKS = 2  # merged blobs looked at again at the photo's own size
MAX_ZONES = 2  # at most this many candidate zones per page
# An MRZ line is 30 to 44 characters of about its own height: 26+ times as long as thick when
# sharp, less when blurred. Table rows and short headings stay below and cost no OCR.
MIN_LINE_ASPECT = 18
# The share of the page's other text below a zone (see Zone.orientations): at most UPRIGHT, the page is
# upright (a little below: the edge of a card, a second card under the first); at least UPSIDE_DOWN,
# upside down; in between the lines are a paragraph.
UPRIGHT = 0.3
UPSIDE_DOWN = 0.8
# An MRZ is printed at a fixed pitch; proportional text is not. How alike a line's ink is to itself
# one character further (autocorrelation of its column profile): MRZ lines 0.45 to 0.8 (blurred, small
# or stamped over: 0.33), paragraphs and newspaper columns 0.07 to 0.27.
MIN_PITCH_REGULARITY = 0.25  # below: not an MRZ, not worth OCR
MONOSPACED = 0.4  # at least: an MRZ even with text on both sides
MAX_LINE_ANGLE = 20  # degrees: a photo taken askew by 10 of a page lying askew by 10


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
    pitch_regularity: float = 1.0  # how evenly spaced its characters are (see ``pitch_regularity``)

    @property
    def orientations(self) -> tuple[bool, ...]:
        """Whether to read the zone upside down, likelier first. An MRZ is the last text on its page,
        so the side with the page's other text is up; but a card scanned beside or above another
        (front and back in one image) has text on its far side too, so the other way is tried next.
        Lines with text evenly on both sides are a paragraph, not an MRZ, and are not sent to OCR."""
        if self.text_below >= UPSIDE_DOWN:
            return (True, False)
        if self.text_below <= UPRIGHT:
            return (False, True)
        if self.pitch_regularity >= MONOSPACED:
            # Fixed-pitch lines are an MRZ whatever lies around the document (a newspaper, a
            # cluttered table): both ways, the likelier first.
            return (True, False) if self.text_below > 0.5 else (False, True)
        return ()

    @property
    def angle(self) -> float:
        return float(np.median([blob.angle for blob in self.lines]))


def otsu_threshold(values: np.ndarray) -> int:
    histogram = np.bincount(values.ravel(), minlength=256).astype(np.float64)
    total = histogram.sum()
    levels = np.arange(256)
    weight = np.cumsum(histogram)
    mean = np.cumsum(histogram * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1)
    return int(np.argmax(between))


def text_mask(gray: np.ndarray, strictness: float = 1.0) -> np.ndarray:
    """Thin dark strokes (text), not large dark areas such as the table around a page;
    ``strictness`` above 1 keeps only the darker strokes (not JPEG's smudges between lines)."""
    closed = window_min(window_min(window_max(window_max(gray, 11, 1), 7, 0), 11, 1), 7, 0)
    blackhat = (closed.astype(np.int16) - gray).clip(0, 255).astype(np.uint8)
    return blackhat > strictness * max(otsu_threshold(blackhat), 25)


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
    return [blob for blob in long_blobs(mask, min_length) if _is_line(blob)]


def long_blobs(mask: np.ndarray, min_length: float) -> list[Blob]:
    """Blobs at least ``min_length`` long after joining characters horizontally, whatever their shape."""
    # "<" is open on its right, so the gap after one is almost a full character pitch wide.
    smear = max(7, round(max(mask.shape) * 0.022))
    joined = window_min(window_max(window_max(mask.astype(np.uint8), 3, 0), smear, 1), smear, 1).astype(bool)
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
        if length >= min_length:
            blobs.append(Blob(cx, cy, length, thickness, angle))
    return blobs


def group_lines(blobs: Sequence[Blob], turned: bool) -> list[Zone]:
    """Runs of 2-3 parallel, equally long, evenly stacked blobs; longer zones first."""
    ordered = sorted(blobs, key=lambda blob: blob.cy)
    chains: list[list[Blob]] = []
    for blob in ordered:
        for chain in chains:
            last = chain[-1]
            # Across and along the lines: a zone photographed askew has its centres askew too.
            cos, sin = math.cos(last.angle), math.sin(last.angle)
            gap = (blob.cy - last.cy) * cos - (blob.cx - last.cx) * sin
            shift = (blob.cx - last.cx) * cos + (blob.cy - last.cy) * sin
            if (
                abs(blob.angle - last.angle) < math.radians(3)
                and 0.85 < blob.length / last.length < 1.18  # fillers make every line full length
                and 0.5 < blob.thickness / last.thickness < 2  # one font: not the card's thin edge below
                and abs(shift) < 0.08 * last.length
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
        gray = np.asarray(shrink_page(image, WORK_SIDE, overview).convert("L"))
        zones, merged = _zones_in_any_mask(gray, scale, only_where_merged=True)
        if zones:
            return zones
        # A small zone's close lines merged at the search's size (a card lying small in a large photo) may stand
        # apart in the photo itself: the thickest merged blobs are cut out at full size and searched again, but
        # not those whose ink is at no fixed pitch (lines stacked at one pitch keep theirs; the table's clutter
        # has none).
        candidates = sorted(((blob, turned) for blob, turned, regular in merged if regular is not False),
                            key=lambda found: -found[0].thickness)
        for blob, turned in candidates[:CLOSER_LOOKS]:
            zones = _zones_around(image, blob, turned)
            if zones:
                return zones
        return []
    # A small photo is enlarged first at most MAX_ENLARGEMENT times, where the text mask's windows
    # still span a blurred stroke; if that finds nothing, to WORK_SIDE, where the gap between
    # close lines is wider. At each size, if need be, the other masks (FALLBACK_TEXT_MASKS).
    # Last, the photo as it is: the text mask's windows then span more of a small zone's lines and
    # the gaps between them (a card's background prints between the lines at every size).
    for enlargement in [*sorted({min(scale, MAX_ENLARGEMENT), scale}), 1.0]:
        size = (max(1, round(image.width * enlargement)), max(1, round(image.height * enlargement)))
        zones, _ = _zones_in_any_mask(np.asarray(image.convert("L").resize(size, Image.BILINEAR)), enlargement)
        if zones:
            return zones
    return []


def _zones_around(image: Image.Image, blob: Blob, turned: bool) -> list[Zone]:
    """Zones in the part of ``image`` around ``blob`` (found on the image as it is, or turned a quarter
    counter-clockwise), on the image as the blob was found."""
    margin = 0.02 * max(image.size)
    # Across the lines, as far as a document reaches above its zone: the text there tells which way is up.
    half_length, half_thickness = blob.length * 0.6 + margin, blob.thickness * 0.75 + blob.length * 0.4 + margin
    reach = (abs(math.cos(blob.angle)) * half_length + abs(math.sin(blob.angle)) * half_thickness,
             abs(math.sin(blob.angle)) * half_length + abs(math.cos(blob.angle)) * half_thickness)
    x0, y0, x1, y1 = blob.cx - reach[0], blob.cy - reach[1], blob.cx + reach[0], blob.cy + reach[1]
    if turned:  # the turned view's (x, y) is the image's (width - y, x)
        x0, y0, x1, y1 = image.width - y1, x0, image.width - y0, x1
    box = (max(0, round(x0)), max(0, round(y0)), min(image.width, round(x1)), min(image.height, round(y1)))
    if box[2] - box[0] < 2 or box[3] - box[1] < 2:
        return []
    part = image.crop(box)
    scale = min(1.0, WORK_SIDE / max(part.size))  # as it is (at most WORK_SIDE), not enlarged as small photos are
    size = (max(1, round(part.width * scale)), max(1, round(part.height * scale)))
    gray = np.asarray(part.convert("L").resize(size, Image.BILINEAR))
    zones, _ = _zones_in_any_mask(gray, scale)
    return [_shifted_zone(zone, box, part.width, image.width) for zone in zones]


def _shifted_zone(zone: Zone, box: tuple[int, int, int, int], part_width: int, image_width: int) -> Zone:
    """``zone`` found in the part of an image cut out at ``box``, on the whole image."""
    if zone.turned:  # in turned views a point of the part at (x', y') lies on the image's at (x' + top, y' + right)
        dx, dy = box[1], image_width - box[0] - part_width
    else:
        dx, dy = box[0], box[1]
    lines = tuple(replace(blob, cx=blob.cx + dx, cy=blob.cy + dy) for blob in zone.lines)
    return replace(zone, lines=lines)


def _scale_blob(blob: Blob, factor: float) -> Blob:
    return Blob(blob.cx * factor, blob.cy * factor, blob.length * factor, blob.thickness * factor, blob.angle)


def _zones_in_any_mask(gray: np.ndarray, scale: float,
                       only_where_merged: bool = False) -> tuple[list[Zone], list[tuple[Blob, bool, bool | None]]]:
    """Zones in the plain text mask, else in the others (FALLBACK_TEXT_MASKS); ``only_where_merged``: those
    only where the plain mask shows lines joined into a thick blob, or a line at a fixed pitch standing alone
    (a zone's other lines joined to a textured table): a large page of plain text pays nothing.
    And the plain mask's merged blobs (see ``_zones_in``)."""
    zones, merged, lone_line = _zones_in(gray, scale)
    if zones or (only_where_merged and not merged and not lone_line):
        return zones, merged
    for strictness, drop_tall in FALLBACK_TEXT_MASKS:
        zones, _, _ = _zones_in(gray, scale, strictness, drop_tall)
        if zones:
            return zones, merged
    return [], merged


def _zones_in(gray: np.ndarray, scale: float, strictness: float = 1.0,
              drop_tall: bool = False) -> tuple[list[Zone], list[tuple[Blob, bool, bool | None]], bool]:
    """``find_zones`` on ``gray``, the image scaled by ``scale``; the long blobs lying along the lines
    thicker than lines are (MERGED_LINES: lines joined to each other, or to a frame or the table), on the
    image, each with whether it was found turned a quarter and whether its ink is at a fixed pitch; and
    whether a line at an MRZ's fixed pitch stands alone, in no candidate zone."""
    mask = text_mask(gray, strictness)
    if drop_tall:
        mask_without_tall = _without_tall_shapes(mask, TALL_SHAPE * max(mask.shape))
    zones, merged, lone_line = [], [], False
    for turned, view in ((False, mask), (True, np.rot90(mask))):
        if drop_tall:  # across the lines: down the page as it is, along it turned a quarter
            view = np.rot90(mask_without_tall[int(turned)], int(turned))
        view = np.ascontiguousarray(view)
        shapes = long_blobs(view, min_length=0.15 * max(view.shape))
        blobs = [blob for blob in shapes if _is_line(blob)]
        merged += [(_scale_blob(blob, 1 / scale), turned, _merged_pitch_regular(blob, view))
                   for blob in shapes if _merged_lines(blob, max(view.shape))]
        grouped = group_lines(blobs, turned)
        gray_view = np.rot90(gray, int(turned))
        zones += [_scale_zone(_with_full_lines(_with_pitch_regularity(_with_text_below(zone, view), view), gray_view),
                              1 / scale) for zone in grouped]
        in_zones = {blob for zone in grouped for blob in zone.lines}
        lone_line = lone_line or any(pitch_regularity(blob, view) >= MONOSPACED for blob in blobs if blob not in in_zones)
    zones = [zone for zone in zones if zone.pitch_regularity >= MIN_PITCH_REGULARITY and zone.orientations]
    # Fixed-pitch zones first: a page's own long lines or a newspaper under a passport can be longer.
    return sorted(zones, key=lambda zone: (zone.pitch_regularity < MONOSPACED,
                                           -sum(blob.length for blob in zone.lines)))[:MAX_ZONES], merged, lone_line


def _merged_pitch_regular(blob: Blob, mask: np.ndarray) -> bool | None:
    """Whether a merged blob's ink is at a fixed pitch (see ``pitch_regularity``); None where it is too thick
    for its length to tell (joined to a whole card)."""
    if 2 * blob.thickness + 2 >= blob.length:
        return None
    return pitch_regularity(blob, mask) >= MIN_PITCH_REGULARITY


def _is_line(blob: Blob) -> bool:
    return blob.length >= MIN_LINE_ASPECT * blob.thickness and abs(blob.angle) < math.radians(MAX_LINE_ANGLE)


def _merged_lines(blob: Blob, side: int) -> bool:
    return (abs(blob.angle) < math.radians(MERGED_LINES_ANGLE) and blob.length < MIN_LINE_ASPECT * blob.thickness
            and MERGED_LINES[0] * side < blob.thickness < MERGED_LINES[1] * side)


def _without_tall_shapes(mask: np.ndarray, limit: float) -> tuple[np.ndarray, np.ndarray]:
    """``mask`` without its shapes taller than ``limit``, and without those wider than it."""
    labels, _ = ndimage.label(mask)
    extents = np.array([(0, 0)] + [(rows.stop - rows.start, columns.stop - columns.start)
                                    for rows, columns in ndimage.find_objects(labels)])
    return mask & ~(extents[:, 0] > limit)[labels], mask & ~(extents[:, 1] > limit)[labels]


FULL_LINE = 24  # an MRZ's line (30 to 44 characters) is this many times as long as its blob is thick, at least
LONGEST_LINE = 48  # a TD3's line of 44 characters is at most about this many times as long as its blob is thick


def _with_full_lines(zone: Zone, gray: np.ndarray) -> Zone:
    """``zone`` with its lines as long as they run, where they are too short for an MRZ's and a glare (a lamp's
    reflection on a laminated page) washes out their print beyond where they end: the lines are looked for again
    there, in the print stretched between its ink and its paper (``lighting.without_glare``). Unchanged where no
    glare is found or no longer lines lie where the zone's do."""
    thickness = zone_char_height(zone)
    length = max(blob.length for blob in zone.lines)
    if length >= FULL_LINE * thickness:
        return zone
    cx = sum(blob.cx for blob in zone.lines) / len(zone.lines)
    cy = sum(blob.cy for blob in zone.lines) / len(zone.lines)
    half_along = length / 2 + (LONGEST_LINE * thickness - length)
    half_across = (zone.lines[-1].cy - zone.lines[0].cy) / 2 + 1.5 * thickness
    reach_x = abs(math.cos(zone.angle)) * half_along + abs(math.sin(zone.angle)) * half_across
    reach_y = abs(math.sin(zone.angle)) * half_along + abs(math.cos(zone.angle)) * half_across
    x0, y0 = max(0, round(cx - reach_x)), max(0, round(cy - reach_y))
    x1, y1 = min(gray.shape[1], round(cx + reach_x)), min(gray.shape[0], round(cy + reach_y))
    if x1 - x0 < 3 or y1 - y0 < 3:
        return zone
    part = np.asarray(Image.fromarray(np.ascontiguousarray(gray[y0:y1, x0:x1])).filter(
        ImageFilter.GaussianBlur(thickness / 12)))  # the grain a stretch would make speckle
    stretched = without_glare(part, max(3, round(2 * thickness)))
    if stretched is None:
        return zone
    pieces = [replace(blob, cx=blob.cx + x0, cy=blob.cy + y0)
              for blob in long_blobs(text_mask(stretched), min_length=2 * thickness)
              if blob.length >= 3 * blob.thickness and abs(blob.angle - zone.angle) < math.radians(3)]
    lines = tuple(_line_as_long_as_it_runs(line, pieces, thickness) for line in zone.lines)
    if all(1.1 * old.length <= new.length <= 1.1 * LONGEST_LINE * thickness for old, new in zip(zone.lines, lines)):
        return replace(zone, lines=lines)
    return zone


def _line_as_long_as_it_runs(line: Blob, pieces: Sequence[Blob], thickness: float) -> Blob:
    """``line`` reaching as far as ``pieces`` lying along it continue it, each within three characters of the
    next (the glare's core may leave a few unread)."""
    cos, sin = math.cos(line.angle), math.sin(line.angle)
    spans = []
    for piece in pieces:
        across = (piece.cy - line.cy) * cos - (piece.cx - line.cx) * sin
        along = (piece.cx - line.cx) * cos + (piece.cy - line.cy) * sin
        if abs(across) < 0.5 * thickness:
            spans.append((along - piece.length / 2, along + piece.length / 2))
    start, end = -line.length / 2, line.length / 2
    for first, last in sorted(spans):  # rightwards
        if first <= end + 3 * thickness and last > end:
            end = last
    for first, last in sorted(spans, key=lambda span: -span[1]):  # leftwards
        if last >= start - 3 * thickness and first < start:
            start = first
    middle = (start + end) / 2
    return replace(line, cx=line.cx + middle * cos, cy=line.cy + middle * sin, length=end - start)


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


def _with_pitch_regularity(zone: Zone, mask: np.ndarray) -> Zone:
    return replace(zone, pitch_regularity=min(pitch_regularity(blob, mask) for blob in zone.lines))


def pitch_regularity(line: Blob, mask: np.ndarray) -> float:
    """The highest autocorrelation of the ink across ``line`` (column by column along it) at a shift
    of half to twice its thickness: near 1 for characters at a fixed pitch, low for proportional text."""
    length = int(line.length)
    along = np.arange(length, dtype=np.float32) - length / 2
    across = np.linspace(-line.thickness / 2, line.thickness / 2, max(3, int(line.thickness)), dtype=np.float32)
    cos, sin = math.cos(line.angle), math.sin(line.angle)
    xs = line.cx + along[None, :] * cos - across[:, None] * sin
    ys = line.cy + along[None, :] * sin + across[:, None] * cos
    inside = (xs >= 0) & (xs < mask.shape[1] - 1) & (ys >= 0) & (ys < mask.shape[0] - 1)
    columns = np.where(inside, mask[ys.clip(0, mask.shape[0] - 1).round().astype(int),
                                    xs.clip(0, mask.shape[1] - 1).round().astype(int)], False).sum(axis=0)
    profile = columns - columns.mean()
    energy = float(profile @ profile)
    shortest, longest = max(2, int(0.5 * line.thickness)), int(2 * line.thickness) + 2
    if energy == 0 or longest >= length:
        return 0.0
    return max(float(profile[:-shift] @ profile[shift:]) / energy for shift in range(shortest, longest))


def _scale_zone(zone: Zone, factor: float) -> Zone:
    lines = tuple(Blob(b.cx * factor, b.cy * factor, b.length * factor, b.thickness * factor, b.angle)
                  for b in zone.lines)
    return replace(zone, lines=lines)


def zone_char_height(zone: Zone) -> float:
    return float(np.median([blob.thickness for blob in zone.lines]))

