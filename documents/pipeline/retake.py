"""Retake advice: what is wrong with a photo that a new one would put right.

A sponsor should learn within seconds that a photo is blurred, too dark, has glare on the page,
cuts the page off at an edge, is too small to read, or shows no document at all, not days later
when a counsellor rejects it. Each judgement looks at a small grey copy of the page (numpy only);
"not a document" also needs what the OCR read, so it is judged on the whole result.

What a photo's measures cannot tell apart is judged with the reading too:
- a small photo whose page fills the frame (a scan, or a photo cropped to the page) is as close as it can get:
  "come closer" is advised only where the page lies on a table or in a hand (the background shows at an edge),
  or where the reading came to nothing and the size explains it;
- white that runs off the photo's edge is the scanner's lid or a white table, not a lamp's reflection on the
  page: only burnt-out patches inside the photo count as glare.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import cv2
import numpy as np
from PIL import Image, ImageChops

# One document per process, like tesseract (OMP_THREAD_LIMIT=1). Set before OpenCV's first parallel call: a
# process that forks workers after starting OpenCV's thread pool (a test session, a pool of pipelines) would
# leave each child waiting for the parent's pool threads when it next sets the count (faces._detector).
cv2.setNumThreads(1)

from . import classify
from .lighting import window_max
from .loading import shrink_page
from .types import DocumentKind

ANALYSIS_SIDE = 1000  # px: the long side of the copy the photo is judged on
TOO_SMALL_SIDE = 800  # px: a photo whose long side is shorter has letters too small to read
DARK_PAPER = 90  # grey level (0-255): the brightest tenth of the photo darker than this is too dark
SHARP_EDGES = 0.3  # the steepest edges rise by less than this share of the contrast per pixel: blurred
GLARE_LEVEL = 250  # paper this bright is burnt out (no ink survives there)
GLARE_SHARE = (0.06, 0.5)  # share of the photo burnt out, where the rest of the paper is grey: glare
GREY_PAPER = 0.85  # the paper's typical brightness below this share of GLARE_LEVEL: it is not all white
EDGE_BAND = 0.02  # share of the side: the strip along each edge looked at for a cut-off page
PAPER_EDGE = 0.6  # the strip along an edge mostly paper, with ink in it: the page runs off that edge
BACKGROUND_EDGE = 0.3  # an edge with less paper than this shows what the page lies on
PAPER_SHARE = 0.25  # less of the photo than this bright and colourless: no page in it (a scene, a face)
PAPER_CHROMA = 40  # grey levels between the strongest and weakest colour of paper, at most


class Retake(StrEnum):
    BLURRED = "blurred"
    TOO_DARK = "too_dark"
    GLARE = "glare"
    CUT_OFF = "cut_off"
    TOO_SMALL = "too_small"
    NOT_A_DOCUMENT = "not_a_document"


@dataclass(frozen=True)
class PhotoMeasures:
    long_side: int
    brightness: float  # the brightest tenth's grey level
    sharpness: float  # steepest edges' rise per pixel, as a share of the contrast
    glare_share: float
    paper_level: float  # the paper's typical brightness where it is not burnt out
    cut_edges: int  # edges the page runs off, with ink there
    background_edges: int  # edges showing what the page lies on
    paper_share: float  # share of the photo that is bright and colourless, as paper is


def measure(page: Image.Image, overview: Image.Image | None = None) -> PhotoMeasures:
    """``overview``: a smaller copy of the page, at least ANALYSIS_SIDE long, to shrink from (cheaper)."""
    long_side = max(page.size)
    small = shrink_page(page, ANALYSIS_SIDE, overview).convert("RGB")
    red, green, blue = small.split()
    chroma = np.asarray(ImageChops.subtract(ImageChops.lighter(ImageChops.lighter(red, green), blue),
                                            ImageChops.darker(ImageChops.darker(red, green), blue)))
    gray = np.asarray(small.convert("L"))  # grey levels 0-255: every measure below is taken from histograms
    low, high, typical, top = _percentiles(gray, 1, 99, 90, 95)
    contrast = max(high - low, 1.0)
    signed = gray.astype(np.int16)
    steps = np.maximum(np.abs(np.diff(signed, axis=1))[:-1, :], np.abs(np.diff(signed, axis=0))[:, :-1])
    sharpness = _percentiles(steps.astype(np.uint8), 99.7)[0] / contrast
    window = max(3, round(0.015 * max(gray.shape)))
    paper = window_max(window_max(gray, window, 0), window, 1)  # ink removed: how bright the paper is at each point
    bright = paper > 0.6 * _percentiles(paper, 95)[0]
    glare_share = _glare_share(paper >= GLARE_LEVEL)
    unclipped = paper[bright & (paper < GLARE_LEVEL)]
    paper_level = _percentiles(unclipped, 30)[0] if unclipped.size else 255.0
    cut_edges, background_edges = _edges(gray, paper, bright)
    paper_share = float(np.mean((gray > 0.55 * top) & (chroma < PAPER_CHROMA)))
    return PhotoMeasures(long_side, typical, sharpness, glare_share, paper_level,
                         cut_edges, background_edges, paper_share)


def _percentiles(levels: np.ndarray, *shares: float) -> list[float]:
    """``np.percentile`` (linear interpolation) of grey levels 0-255, read off their histogram instead of sorting."""
    below = np.cumsum(np.bincount(levels.ravel(), minlength=256))  # below[v]: how many levels are v or less
    last = int(below[-1]) - 1
    values = []
    for share in shares:
        position = share / 100 * last
        rank = int(position)
        lower, upper = np.searchsorted(below, [rank, min(rank + 1, last)], side="right")
        values.append(float(lower + (position - rank) * (int(upper) - int(lower))))
    return values


def _glare_share(burnt: np.ndarray) -> float:
    """The share of the photo burnt out in patches that do not touch its edge: a reflection on the page.
    White touching the edge is what the page lies on (a scanner's lid, a white table) or a white page
    that fills the frame, where the paper level tells whether it is burnt out."""
    count, labels = cv2.connectedComponents(burnt.astype(np.uint8), connectivity=8)
    if count <= 1:
        return 0.0
    touches_rim = np.zeros(count, dtype=bool)
    touches_rim[np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]])] = True
    touches_rim[0] = True  # label 0: not burnt out
    return float(np.mean(~touches_rim[labels]))


def _edges(gray: np.ndarray, paper: np.ndarray, bright: np.ndarray) -> tuple[int, int]:
    height, width = gray.shape
    depth = max(2, round(EDGE_BAND * min(height, width)))
    strips = [np.s_[:depth, :], np.s_[-depth:, :], np.s_[:, :depth], np.s_[:, -depth:]]
    outer = [np.s_[:2, :], np.s_[-2:, :], np.s_[:, :2], np.s_[:, -2:]]
    ink = bright & (gray < 0.5 * paper)
    cut = background = 0
    for strip, rim in zip(strips, outer):
        paper_share = float(np.mean(bright[rim]))
        if paper_share < BACKGROUND_EDGE:
            background += 1
        elif paper_share > PAPER_EDGE and float(np.mean(ink[strip])) > 0.003:
            cut += 1
    return cut, background


def judge(measures: PhotoMeasures) -> list[Retake]:
    """What is wrong with one page's photo; [] for a good photo. A photo without paper in it is not
    judged as a page (a holiday picture is not "blurred"): see ``advise``."""
    if measures.paper_share < PAPER_SHARE:
        return []
    advice = []
    if measures.long_side < TOO_SMALL_SIDE and measures.background_edges:
        advice.append(Retake.TOO_SMALL)  # the page lies in a bigger scene: coming closer makes it bigger
    if measures.brightness < DARK_PAPER:
        advice.append(Retake.TOO_DARK)
    elif measures.sharpness < SHARP_EDGES:
        advice.append(Retake.BLURRED)
    if GLARE_SHARE[0] < measures.glare_share < GLARE_SHARE[1] and measures.paper_level < GREY_PAPER * GLARE_LEVEL:
        advice.append(Retake.GLARE)
    if measures.cut_edges and measures.background_edges:
        advice.append(Retake.CUT_OFF)
    return advice


def not_a_document(kind: DocumentKind, text: str) -> bool:
    """Nothing to read and no passport photo."""
    return kind is DocumentKind.OTHER and classify.has_little_text(text)


def advise(pages: list[PhotoMeasures], kind: DocumentKind, text: str, mrz_valid: bool = False) -> list[Retake]:
    """The advice for a document from its pages' measures and what was read on them.

    Nothing read on a photo without paper in it: a photo of something else. Nothing read on a small
    page that fills the photo: too small to read (a thumbnail, a scan at a low resolution). Nothing read
    on photos that look fine: not a document either. A bad photo explains an empty reading by itself.
    A machine-readable zone that passes its check digits was read, so the photo was readable.
    A passport photo is a face, not a page: the judgements, made for printed text, do not apply."""
    if kind is DocumentKind.PASSPORT_PHOTO:
        return []
    advice = [retake for measures in pages for retake in judge(measures)]
    if not mrz_valid and not_a_document(kind, text):
        if all(m.paper_share < PAPER_SHARE for m in pages):
            return [Retake.NOT_A_DOCUMENT]
        if not advice and any(m.long_side < TOO_SMALL_SIDE for m in pages):
            return [Retake.TOO_SMALL]
        if not advice:
            return [Retake.NOT_A_DOCUMENT]
    return list(dict.fromkeys(advice))
