"""Lighting of a photographed page: the paper's brightness, and evening it out.

A phone photo of a page is rarely lit evenly: the lamp is on one side, the phone's shadow
on the other. Thresholds that suit the bright side lose the text on the dim side, and
Tesseract, which binarises each page with one threshold, reads nothing there.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

UNEVEN_LIGHT = 0.8  # paper in the dimmest tenth darker than this share of the brightest tenth
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


def even_lighting(gray: np.ndarray, size: int) -> np.ndarray:
    """``gray`` divided by its paper's brightness (the brightest level within ``size`` px, wider
    than any stroke), so a shadow or a lamp's falloff no longer darkens the paper and one
    threshold suits the whole image; evenly lit images are returned as they are."""
    factor = max(1, max(gray.shape) // ESTIMATE_SIDE)
    small = gray[::factor, ::factor] if factor > 1 else gray
    window = max(3, round(size / factor))
    paper = window_max(window_max(small, window, 1), window, 0)
    paper = window_min(window_min(paper, window, 1), window, 0)  # the max's blocky steps, evened out
    darkest, brightest = np.percentile(paper, (10, 90))
    if darkest >= UNEVEN_LIGHT * brightest:
        return gray
    if factor > 1:
        paper = np.asarray(Image.fromarray(paper).resize(gray.shape[::-1], Image.BILINEAR))
    return (gray.astype(np.float32) * 255 / np.maximum(paper, 16)).clip(0, 255).astype(np.uint8)
