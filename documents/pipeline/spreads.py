"""An open booklet photographed at two facing pages: its pages, to be read one by one.

Tesseract reads a photo of facing pages as one page: where the two pages' lines meet across the gutter, it reads
them as one line ("Nom El Idrissi تاريخ الازدياد 1 Youssef 03/02/2005"), and neither page's rows survive. Such a
photo shows, once upright and straight, a landscape spread whose middle is darker than its paper: the gutter's
shadow, where the pages curve into the binding, with no print across it and print on either side. A form
printed in two columns has the empty corridor but not the shadow; a passport's data page, read by its zone, is
not looked at (the caller asks only where no zone was read).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from .orientation import PageGeometry

# Two upright pages side by side (a booklet's page is about 1.4 times as high as wide) lie this much wider than
# high; an identity card (1.59) is wider still.
SPREAD_SHAPE = (1.15, 1.5)
MIDDLE = (0.38, 0.62)  # where the gutter lies, as shares of the spread's width
SHADOW = 0.82  # the gutter's darkest column of paper at most this share of the paper's brightness
BAND = (0.004, 0.12)  # the shadow's width (under half-way to the paper), as shares of the spread's width
INK = 0.6  # a pixel darker than this share of its column's paper is print
SIDE_INK = 0.2  # each page holds at least this share of the spread's print
WORK_WIDTH = 800  # the spread is measured this wide


def facing_pages(page: Image.Image, overview: Image.Image, geometry: PageGeometry) -> tuple[Image.Image, Image.Image] | None:
    """The two pages of ``page`` (upright, straightened, each as wide as its half) where it is a photo of facing
    pages, else None. ``overview``: the page's small copy; ``geometry``: how the page lies (``orientation``)."""
    box = geometry.crop or (0, 0, page.width, page.height)
    scale = overview.width / page.width
    small = overview.convert("L").crop(tuple(round(value * scale) for value in box))
    small = _upright(small, geometry)
    if not SPREAD_SHAPE[0] * small.height <= small.width <= SPREAD_SHAPE[1] * small.height:
        return None
    small = small.resize((WORK_WIDTH, max(1, round(small.height * WORK_WIDTH / small.width))), Image.BILINEAR)
    gutter = _gutter(np.asarray(small, dtype=np.float32))
    if gutter is None:
        return None
    upright = _upright(page.crop(box), geometry, fill=_paper_colour(page.crop(box)))
    # The shadow itself is left out: at a page's edge its dark band would be taken for the page's print.
    left, right = (round(share * upright.width) for share in gutter)
    return upright.crop((0, 0, left, upright.height)), upright.crop((right, 0, upright.width, upright.height))


def _upright(image: Image.Image, geometry: PageGeometry, fill=255) -> Image.Image:
    if geometry.rotation:
        image = image.rotate(geometry.rotation, expand=True)
    if abs(geometry.skew) >= 0.3:
        image = image.rotate(geometry.skew, resample=Image.BILINEAR, expand=True, fillcolor=fill)
    return image


def _gutter(gray: np.ndarray) -> tuple[float, float] | None:
    """Where the gutter's shadow lies in ``gray`` (its edges, as shares of its width), or None."""
    height, width = gray.shape
    rows = gray[round(0.1 * height):round(0.9 * height)]
    profile = np.median(rows, axis=0)
    kernel = max(3, width // 100)
    profile = np.convolve(profile, np.ones(kernel) / kernel, mode="same")
    paper = float(np.percentile(profile[round(0.1 * width):round(0.9 * width)], 75))
    lo, hi = round(MIDDLE[0] * width), round(MIDDLE[1] * width)
    darkest = lo + int(np.argmin(profile[lo:hi]))
    if paper <= 0 or profile[darkest] > SHADOW * paper:
        return None
    half_way = (profile[darkest] + paper) / 2
    left, right = darkest, darkest
    while left > 0 and profile[left] < half_way:
        left -= 1
    while right < width - 1 and profile[right] < half_way:
        right += 1
    if not BAND[0] * width <= right - left <= BAND[1] * width:
        return None
    ink = rows < INK * profile[None, :]  # against its own column's paper: a lamp's falloff is no print
    per_column = ink.sum(axis=0)
    total = per_column.sum()
    if total == 0 or min(per_column[:left].sum(), per_column[right:].sum()) < SIDE_INK * total:
        return None
    return left / width, right / width


def _paper_colour(image: Image.Image) -> tuple[int, ...]:
    """The colour the straightening fills the corners with: the page's own brightest tenth, its paper."""
    small = np.asarray(image.convert("RGB").reduce(max(1, max(image.size) // 200)), dtype=np.float32).reshape(-1, 3)
    brightness = small.sum(axis=1)
    return tuple(int(value) for value in np.median(small[brightness >= np.percentile(brightness, 90)], axis=0))
