"""Lighting of a photographed page: the paper's brightness, and evening it out.

A phone photo of a page is rarely lit evenly: the lamp is on one side, the phone's shadow
on the other. Thresholds that suit the bright side lose the text on the dim side, and
Tesseract, which binarises each page with one threshold, reads nothing there.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

UNEVEN_LIGHT = 0.8  # the dimmest paper darker than this share of the brightest: uneven light
Box = tuple[float, float, float, float]
ESTIMATE_SIDE = 400  # px: the paper's brightness changes slowly, so it is measured on a small copy


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


def window_max(array: np.ndarray, size: int, axis: int) -> np.ndarray:
    return _running(np.maximum, array, size, axis)


def window_min(array: np.ndarray, size: int, axis: int) -> np.ndarray:
    return _running(np.minimum, array, size, axis)


def even_lighting(gray: np.ndarray, size: int, judged_on: Box = (0.0, 0.0, 1.0, 1.0)) -> np.ndarray:
    """``gray`` divided by its paper's brightness if that varies (see ``divide_by_paper``);
    evenly lit images are returned as they are.

    ``judged_on``: the part of ``gray`` whose evenness counts (left, top, right, bottom, as shares
    of its width and height), when the rest may show the table beside the page, which is dark
    but not for want of light."""
    paper, factor = _paper_brightness(gray, size)
    height, width = paper.shape
    left, top, right, bottom = judged_on
    judged = paper[int(top * height):max(int(bottom * height), 1), int(left * width):max(int(right * width), 1)]
    darkest, brightest = np.percentile(judged, (10, 90))
    if darkest < UNEVEN_LIGHT * brightest:
        return _divide(gray, paper, factor)
    if (glared := without_glare(gray, size, judged_on, paper, factor)) is not None:
        return glared
    return gray


GLARE = 0.4  # ink this much less dark against its paper in part of an image than elsewhere: glare washes it out
MIN_INK = 12  # levels: the least darkness of ink against its paper that is ink, not noise
FAINTEST = 0.1  # the faintest print stretched as dark as the clearest is this much as dark against its paper


def without_glare(gray: np.ndarray, size: int, judged_on: Box = (0.0, 0.0, 1.0, 1.0),
                  paper: tuple[np.ndarray, int] | None = None, factor: int = 1) -> np.ndarray | None:
    """``gray`` stretched between its ink's and its paper's levels around each pixel, where a glare (a lamp's
    reflection on a laminated page) washes part of its print out: the paper there hardly brighter, the ink far
    less dark against it. None where the ink's darkness is about even (``size``: a window holding ink and paper
    anywhere in the judged part, as between the lines of a zone). ``paper``: its brightness, if measured."""
    if paper is None:
        paper, factor = _paper_brightness(gray, size)
    ink = _ink_darkness(gray, size, factor)
    height, width = paper.shape
    left, top, right, bottom = judged_on
    rows = slice(int(top * height), max(int(bottom * height), 1))
    columns = slice(int(left * width), max(int(right * width), 1))
    contrast = (paper.astype(np.float32) - ink)[rows, columns]
    faintest, strongest = np.percentile(contrast, (5, 90))
    if strongest < 4 * MIN_INK or faintest >= GLARE * strongest:
        return None
    if factor > 1:
        paper = np.asarray(Image.fromarray(paper).resize(gray.shape[::-1], Image.BILINEAR))
        ink = np.asarray(Image.fromarray(ink).resize(gray.shape[::-1], Image.BILINEAR))
    # Stretched at most 1 / FAINTEST times more than the clearest print: the paper's grain stays grain.
    spread = np.maximum(paper.astype(np.float32) - ink, max(MIN_INK, FAINTEST * strongest))
    # From the paper down: where no ink is near, the paper stays white, its grain hardly darker.
    return (255 - (paper.astype(np.float32) - gray) * 255 / spread).clip(0, 255).astype(np.uint8)


def _ink_darkness(gray: np.ndarray, size: int, factor: int) -> np.ndarray:
    """The ink's level around each pixel (the darkest within ``size``), on the copy ``factor`` times smaller."""
    small = gray[::factor, ::factor] if factor > 1 else gray
    window = max(3, round(size / factor))
    ink = window_min(window_min(small, window, 1), window, 0)
    ink = window_max(window_max(ink, window, 1), window, 0)
    return np.asarray(Image.fromarray(ink).filter(ImageFilter.BoxBlur(window)))


def divide_by_paper(gray: np.ndarray, size: int) -> np.ndarray:
    """``gray`` divided by its paper's brightness (the brightest level within ``size`` px, wider
    than any stroke): a shadow or a lamp's falloff no longer darkens the paper, so one threshold
    suits the whole image."""
    return _divide(gray, *_paper_brightness(gray, size))


def _paper_brightness(gray: np.ndarray, size: int) -> tuple[np.ndarray, int]:
    """The paper's brightness, on a copy ``factor`` times smaller: it changes slowly."""
    factor = max(1, max(gray.shape) // ESTIMATE_SIDE)
    small = gray[::factor, ::factor] if factor > 1 else gray
    window = max(3, round(size / factor))
    paper = window_max(window_max(small, window, 1), window, 0)
    paper = window_min(window_min(paper, window, 1), window, 0)
    # The max and min leave steps a window wide; as divisors they would print bands on the paper.
    return np.asarray(Image.fromarray(paper).filter(ImageFilter.BoxBlur(window))), factor


def _divide(gray: np.ndarray, paper: np.ndarray, factor: int) -> np.ndarray:
    if factor > 1:
        paper = np.asarray(Image.fromarray(paper).resize(gray.shape[::-1], Image.BILINEAR))
    return (gray.astype(np.float32) * 255 / np.maximum(paper, 16)).clip(0, 255).astype(np.uint8)


def paper_light(value: np.ndarray, paper: np.ndarray) -> np.ndarray | None:
    """The brightness paper would have at each pixel of ``value`` (an image's brightness), from
    the pixels ``paper`` marks: a plane fitted to them (a lamp on one side, a shadow on the
    other); None where that light is even, or too little paper shows to tell."""
    step = 4  # the light changes slowly: a sparse grid of pixels tells it
    ys, xs = np.nonzero(paper[::step, ::step])
    if len(xs) < 100:
        return None
    design = np.column_stack([xs * step, ys * step, np.ones_like(xs)]).astype(np.float64)
    (slope_x, slope_y, level), *_ = np.linalg.lstsq(design, value[ys * step, xs * step].astype(np.float64), rcond=None)
    height, width = value.shape
    corners = [level + slope_x * x + slope_y * y for x in (0, width) for y in (0, height)]
    if min(corners) >= UNEVEN_LIGHT * max(corners):
        return None
    rows, columns = np.arange(height, dtype=np.float32)[:, None], np.arange(width, dtype=np.float32)[None, :]
    return slope_x * columns + slope_y * rows + np.float32(level)


DIM = 130  # the brightest twentieth of a photo below this level: taken in a dim room
BRIGHT = 230  # where a dim photo's brightest twentieth is brought


def brightened(image: Image.Image, overview: Image.Image | None = None) -> Image.Image | None:
    """A dim photo (``overview``: a smaller copy to judge it on) with its levels raised so its brightest
    part is paper-white, or None when it is not dim. The paper and table thresholds and Tesseract's
    binarisation are made for pages lit like paper; uneven light left after this is evened later."""
    gray = np.asarray((overview if overview is not None else image).convert("L"))
    level = float(np.percentile(gray, 95))
    if level >= DIM or level < 8:  # lit well enough, or black: nothing to raise
        return None
    gain = BRIGHT / level
    return image.convert("RGB").point([min(255, round(value * gain)) for value in range(256)] * 3)
