"""The corpus again, with the faults of real phone photos: how much each one costs.

Every page is photographed anew (scaled, turned 4 degrees on a table) with one fault:
a lamp on one side, heavy JPEG compression, a little out of focus, sensor noise, or
taken from an angle (the far edge narrower). Printed per fault: classification and
decision dates over the whole corpus at 1200 px wide, and the MRZ of every passport
and ID card at 300, 400 and 1000 px (check-digit-valid / every field exact / photos).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from documents.pipeline import run_pipeline
from documents.pipeline.loading import load_pages
from documents.pipeline.mrz import read_mrz
from documents.pipeline.types import DocumentKind, PipelineResult

TABLE = (110, 90, 80)
PAGE_WIDTH = 1200
MRZ_WIDTHS = (300, 400, 1000)


def lamp_on_one_side(photo: Image.Image) -> Image.Image:
    pixels = np.asarray(photo.convert("RGB"), dtype=np.float32)
    light = np.linspace(0.35, 0.9, photo.width, dtype=np.float32)[None, :, None]
    return Image.fromarray((pixels * light).astype(np.uint8))


def jpeg_quality_30(photo: Image.Image) -> Image.Image:
    buffer = io.BytesIO()
    photo.convert("RGB").save(buffer, "JPEG", quality=30)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def out_of_focus(photo: Image.Image) -> Image.Image:
    return photo.filter(ImageFilter.GaussianBlur(0.8))


def sensor_noise(photo: Image.Image) -> Image.Image:
    pixels = np.asarray(photo.convert("RGB"), dtype=np.float32)
    pixels += np.random.default_rng(7).normal(0, 12, pixels.shape).astype(np.float32)
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


def taken_from_an_angle(photo: Image.Image, lean: float = 0.08) -> Image.Image:
    """The top edge narrower than the bottom by twice ``lean`` of the width, as when the phone
    leans back (wider, with a negative ``lean``, as when it leans forward)."""
    width, height = photo.size
    inset = lean * width
    # PIL maps each output pixel to an input one: solve for the projective map of the corners.
    corners_out = [(0, 0), (width, 0), (width, height), (0, height)]
    corners_in = [(-inset, 0), (width + inset, 0), (width, height), (0, height)]
    rows = []
    for (x, y), (u, v) in zip(corners_out, corners_in):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    coefficients = np.linalg.solve(np.array(rows, dtype=float), np.array(corners_in, dtype=float).ravel())
    return photo.transform(photo.size, Image.PERSPECTIVE, tuple(coefficients), Image.BICUBIC, fillcolor=TABLE)


FAULTS: dict[str, Callable[[Image.Image], Image.Image]] = {
    "lamp on one side": lamp_on_one_side,
    "JPEG quality 30": jpeg_quality_30,
    "out of focus": out_of_focus,
    "sensor noise": sensor_noise,
    "taken at an angle": taken_from_an_angle,
}


def photograph(path: str, width: int, fault: str | None = None, skew: float = 4) -> Image.Image:
    """The file's first page as a photo ``width`` px wide, lying ``skew`` degrees askew on a table,
    with ``fault`` (a key of FAULTS), if any."""
    page = load_pages(path)[0]
    photo = page.resize((width, round(page.height * width / page.width)), Image.LANCZOS)
    if skew:
        photo = photo.rotate(skew, expand=True, resample=Image.BICUBIC, fillcolor=TABLE)
    return FAULTS[fault](photo) if fault else photo


def _classify(job: tuple[str, str]) -> PipelineResult:
    path, fault = job
    buffer = io.BytesIO()
    photograph(path, PAGE_WIDTH, fault).save(buffer, "PNG")
    return run_pipeline(buffer.getvalue())


def _read_mrz(job: tuple[str, int, str]):
    path, width, fault = job
    return read_mrz(photograph(path, width, fault))


def fault_table(corpus_dir: Path, labels: list[dict], mrz_exact, workers: int = 2) -> dict[str, dict]:
    """Per fault: classified right, decision dates right, and (valid, exact, photos) per MRZ width."""
    classify_jobs = [(label, fault) for fault in FAULTS for label in labels]
    mrz_jobs = [(label, width, fault) for fault in FAULTS for width in MRZ_WIDTHS for label in labels if label.get("mrz")]
    with Pool(workers) as pool:
        classified = pool.map(_classify, [(str(corpus_dir / label["file"]), fault) for label, fault in classify_jobs])
        read = pool.map(_read_mrz, [(str(corpus_dir / label["file"]), width, fault) for label, width, fault in mrz_jobs])
    table = {fault: {"kinds": [0, 0], "dates": [0, 0], **{width: [0, 0, 0] for width in MRZ_WIDTHS}} for fault in FAULTS}
    for (label, fault), result in zip(classify_jobs, classified):
        row = table[fault]
        row["kinds"][0] += str(result.kind) == label["kind"]
        row["kinds"][1] += 1
        if label.get("decision_date"):
            found = result.decision_date.isoformat() if result.decision_date else None
            row["dates"][0] += found == label["decision_date"]
            row["dates"][1] += 1
    for (label, width, fault), result in zip(mrz_jobs, read):
        cell = table[fault][width]
        valid = result is not None and result.valid
        cell[0] += valid
        cell[1] += valid and mrz_exact(label, PipelineResult(kind=DocumentKind.OTHER, mrz=result))
        cell[2] += 1
    return table


def print_fault_table(table: dict[str, dict], out=sys.stdout) -> None:
    print(f"\nPhoto faults: each applied to every corpus page ({PAGE_WIDTH} px wide, turned 4 degrees on a table)", file=out)
    print(f"{'fault':<20}{'classified':>12}{'dates':>8}" + "".join(f"{f'MRZ {width} px':>14}" for width in MRZ_WIDTHS),
          file=out)
    for fault, row in table.items():
        mrz_cells = "".join(f"{'%d/%d/%d' % tuple(row[width]):>14}" for width in MRZ_WIDTHS)
        print(f"{fault:<20}{'%d/%d' % tuple(row['kinds']):>12}{'%d/%d' % tuple(row['dates']):>8}{mrz_cells}", file=out)


# Photos a sponsor should take again: each fault and the retake advice that should name it.

def blurred(photo: Image.Image) -> Image.Image:
    return photo.filter(ImageFilter.GaussianBlur(3))


def too_dark(photo: Image.Image) -> Image.Image:
    pixels = np.asarray(photo.convert("RGB"), dtype=np.float32) * 0.28
    pixels += np.random.default_rng(11).normal(0, 4, pixels.shape).astype(np.float32)
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


def glare(photo: Image.Image) -> Image.Image:
    """Grey paper (as a phone exposes a page) with a lamp's reflection burning out a patch of it."""
    pixels = np.asarray(photo.convert("RGB"), dtype=np.float32) * 0.8
    rows, columns = np.mgrid[0:photo.height, 0:photo.width].astype(np.float32)
    radius = 0.15 * min(photo.size)
    spot = np.exp(-(((columns - 0.6 * photo.width) ** 2 + (rows - 0.4 * photo.height) ** 2) / (2 * radius ** 2)))
    pixels += 400 * spot[:, :, None]
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


def cut_off(photo: Image.Image) -> Image.Image:
    """The phone too close: the page's right third is not in the photo."""
    return photo.crop((0, 0, round(0.68 * photo.width), photo.height))


def not_a_document(photo: Image.Image) -> Image.Image:
    """A holiday picture of the same size: sky, a hill, people as coloured blobs; no writing."""
    rng = np.random.default_rng(photo.width * 7919 + photo.height)
    height, width = photo.height, photo.width
    rows, columns = np.mgrid[0:height, 0:width].astype(np.float32)
    sky = np.stack([90 + 80 * rows / height, 140 + 60 * rows / height, np.full_like(rows, 230)], axis=2)
    hill = rows > height * (0.55 + 0.1 * np.sin(columns / width * 6 + rng.uniform(0, 6)))
    sky[hill] = (70, 120, 50)
    for _ in range(6):
        x, y, r = rng.uniform(0, width), rng.uniform(0.4 * height, height), rng.uniform(0.04, 0.12) * width
        blob = (columns - x) ** 2 + ((rows - y) / 2) ** 2 < r ** 2
        sky[blob] = rng.uniform(20, 240, 3)
    sky += rng.normal(0, 6, sky.shape)
    return Image.fromarray(sky.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.5))


SMALL_WIDTH = 450  # px wide: a page photographed from far off, or sent as a thumbnail

RETAKE_FAULTS: dict[str, Callable[[Image.Image], Image.Image] | None] = {
    "blurred": blurred,
    "too_dark": too_dark,
    "glare": glare,
    "cut_off": cut_off,
    "too_small": None,  # the page photographed at SMALL_WIDTH instead of PAGE_WIDTH
    "not_a_document": not_a_document,
}


def retake_photo(path: str, fault: str | None) -> Image.Image:
    """The file's first page photographed as in ``photograph``, with a retake fault (a key of RETAKE_FAULTS)
    or, for None, a good photo."""
    if fault == "too_small":
        return photograph(path, SMALL_WIDTH)
    photo = photograph(path, PAGE_WIDTH)
    return RETAKE_FAULTS[fault](photo) if fault else photo
