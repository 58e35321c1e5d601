"""Bytes saved by shrinking photos on the phone, and what the pipeline reads from the shrunk copies.

    .venv/bin/python -m bench.shrink [CORPUS_DIR] [REAL_DIR] [--workers N] [--side PX] [--quality Q]

Every file of ``../shared/corpus`` and ``../shared/real`` goes through the upload page's own
``static/js/shrink.js`` in headless Chromium (Debian's, driven by Playwright, as in the browser tests),
with the numbers of ``documents/pipeline/photo_size.py`` the page uses (``--side``, ``--quality`` and
``--small-bytes`` try others). Prints, per set, the median bytes a file costs before and after (and the
ratio), the total, how many files were shrunk and why the others were sent as they were, then the
pipeline's accuracy on the originals and on what the phone would send, side by side: kinds right, and
MRZs read exactly (the corpus: every field exact and every check digit valid; the real scans: every line
as printed, as ``bench.real`` counts them). Files sent unchanged are read once and counted for both.
Any file whose reading changed is listed. The corpora hold scans and small photos, so a third set shows what
the shrinking is for: the corpus's passports, ID cards and asylum decisions as a 12-megapixel phone camera
saves them (4032 px, the sensor's grain, JPEG quality 95; ``--no-phone`` skips it). Needs no Django.
"""

from __future__ import annotations

import argparse
import base64
import os
import statistics
import sys
import tempfile
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from bench import pipeline as corpus_bench  # noqa: E402
from bench import real as real_bench  # noqa: E402
from bench.pipeline import DEFAULT_CORPUS, read_labels  # noqa: E402
from bench.real import DEFAULT_REAL  # noqa: E402
from documents.pipeline import photo_size, run_pipeline  # noqa: E402
from documents.pipeline.types import PipelineResult  # noqa: E402

SHRINK_JS = Path(__file__).resolve().parent.parent / "static" / "js" / "shrink.js"
CHROMIUM = "/usr/bin/chromium"  # Debian's, as tests/browser/conftest.py uses
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
_SHRINK_IN_PAGE = """async (options) => {
  const result = await NareisShrink.shrinkPhoto(document.getElementById("file").files[0], options);
  if (!result.shrunk) return {reason: result.reason};
  const url = await new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.readAsDataURL(result.file);
  });
  return {reason: result.reason, name: result.file.name, data: url.slice(url.indexOf(",") + 1)};
}"""


@dataclass
class Sent:
    """One file as the phone would send it."""

    original: Path
    sent: Path  # the original itself when it was not shrunk
    reason: str  # "shrunk", or why the original went: type, small, fits, larger, undecodable

    @property
    def shrunk(self) -> bool:
        return self.sent != self.original


def shrink_in_browser(paths: list[Path], folder: Path, *, side: int, quality: float, small_bytes: int) -> list[Sent]:
    from playwright.sync_api import sync_playwright

    options = {"side": side, "quality": quality, "smallBytes": small_bytes}
    sent = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        page.set_content('<input type="file" id="file">')
        page.add_script_tag(path=str(SHRINK_JS))
        for index, path in enumerate(paths):
            page.set_input_files("#file", str(path))
            outcome = page.evaluate(_SHRINK_IN_PAGE, options)
            if "data" in outcome:
                copy = folder / f"{index:03d}-{outcome['name']}"
                copy.write_bytes(base64.b64decode(outcome["data"]))
                sent.append(Sent(path, copy, outcome["reason"]))
            else:
                sent.append(Sent(path, path, outcome["reason"]))
        browser.close()
    return sent


@dataclass
class SetReport:
    name: str
    labels: list[dict]
    sent: list[Sent]
    before: list[PipelineResult]
    after: list[PipelineResult]


PHONE_KINDS = ("passport", "id_card", "asylum_decision")
PHONE_SIDE = 4032  # a 12-megapixel camera: 4032 x 3024
GRAIN_SIGMA = 8  # the sensor's noise, the same on every run


def phone_photos(corpus: Path, folder: Path) -> list[dict]:
    """The corpus's passports, ID cards and asylum decisions as a phone camera saves them: 4032 px long, the
    sensor's grain, JPEG quality 95 (4-6 MB). The corpus's own files are scans and small photos."""
    import numpy as np
    from PIL import Image

    from documents.pipeline.loading import load_pages

    labels = []
    for label in read_labels(corpus):
        if label["kind"] not in PHONE_KINDS:
            continue
        page = load_pages(corpus / label["file"])[0]
        scale = PHONE_SIDE / max(page.size)
        page = page.resize((round(page.width * scale), round(page.height * scale)), Image.LANCZOS)
        grain = np.random.default_rng(len(labels)).normal(0, GRAIN_SIGMA, (page.height, page.width, 1))
        page = Image.fromarray(np.clip(np.asarray(page, dtype=np.float32) + grain, 0, 255).astype(np.uint8))
        name = Path(label["file"]).stem + "-phone.jpg"
        page.save(folder / name, "JPEG", quality=95)
        labels.append(label | {"file": name})
    return labels


def measure_set(name: str, folder: Path, work: Path, *, workers: int, side: int, quality: float,
                small_bytes: int, labels: list[dict] | None = None) -> SetReport:
    labels = labels if labels is not None else read_labels(folder)
    originals = [folder / label["file"] for label in labels]
    sent = shrink_in_browser(originals, work, side=side, quality=quality, small_bytes=small_bytes)
    changed = [item.sent for item in sent if item.shrunk]
    with Pool(workers) as pool:
        before = pool.map(run_pipeline, [str(path) for path in originals])
        read_shrunk = dict(zip(changed, pool.map(run_pipeline, [str(path) for path in changed])))
    after = [read_shrunk[item.sent] if item.shrunk else result for item, result in zip(sent, before)]
    return SetReport(name, labels, sent, before, after)


def _kb(size: float) -> str:
    return f"{size / 1000:,.0f} KB"


def print_set(report: SetReport, *, corpus: bool, out=sys.stdout) -> dict:
    before_bytes = [item.original.stat().st_size for item in report.sent]
    after_bytes = [item.sent.stat().st_size for item in report.sent]
    median_before, median_after = statistics.median(before_bytes), statistics.median(after_bytes)
    reasons: dict[str, int] = {}
    for item in report.sent:
        reasons[item.reason] = reasons.get(item.reason, 0) + 1
    print(f"{report.name}: {len(report.sent)} files, {reasons.get('shrunk', 0)} shrunk; sent as they were: "
          + (", ".join(f"{count} {REASONS[reason]}" for reason, count in sorted(reasons.items()) if reason != "shrunk")
             or "none"), file=out)
    print(f"  bytes per file, median: {_kb(median_before)} before, {_kb(median_after)} after "
          f"(ratio {median_after / median_before:.2f}); all files: {_kb(sum(before_bytes))} before, "
          f"{_kb(sum(after_bytes))} after (ratio {sum(after_bytes) / sum(before_bytes):.2f})", file=out)
    shrunk_pairs = [(b, a) for b, a, item in zip(before_bytes, after_bytes, report.sent) if item.shrunk]
    if shrunk_pairs:
        print(f"  the shrunk files alone, median: {_kb(statistics.median(b for b, _ in shrunk_pairs))} before, "
              f"{_kb(statistics.median(a for _, a in shrunk_pairs))} after", file=out)
    figures = {"median_before": median_before, "median_after": median_after}
    rows = [("kinds right", lambda label, result: real_bench.kind_right(label, result), lambda label: True)]
    if corpus:
        rows.append(("MRZ exact and valid", _corpus_mrz_right, lambda label: bool(label.get("mrz"))))
    else:
        rows.append(("MRZ exact as printed", real_bench.mrz_exact, lambda label: bool(label.get("mrz_lines"))))
    print(f"  {'':22}{'originals':>12}{'shrunk':>10}", file=out)
    for title, right, counted in rows:
        scored = [(label, b, a) for label, b, a in zip(report.labels, report.before, report.after) if counted(label)]
        got_before = sum(right(label, b) for label, b, _ in scored)
        got_after = sum(right(label, a) for label, _, a in scored)
        print(f"  {title:22}{f'{got_before}/{len(scored)}':>12}{f'{got_after}/{len(scored)}':>10}"
              + ("  (dropped)" if got_after < got_before else ""), file=out)
        figures[title] = (got_before, got_after)
    for label, item, b, a in zip(report.labels, report.sent, report.before, report.after):
        if item.shrunk and _reading(b) != _reading(a):
            print(f"  changed: {label['file']} ({_kb(item.original.stat().st_size)} -> {_kb(item.sent.stat().st_size)}): "
                  f"{_reading(b)}  ->  {_reading(a)}", file=out)
    return figures


REASONS = {"type": "PDF/HEIC", "small": "already small", "fits": "JPEG within the size",
           "larger": "not smaller when shrunk", "undecodable": "not decodable in the browser", "error": "errors"}


def _corpus_mrz_right(label: dict, result: PipelineResult) -> bool:
    return corpus_bench.mrz_exact(label, result) and result.mrz is not None and result.mrz.valid


def _reading(result: PipelineResult) -> str:
    lines = " / ".join(result.mrz.lines) if result.mrz else "no MRZ"
    return f"{result.kind} [{lines}]"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("real", nargs="?", type=Path, default=DEFAULT_REAL)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--side", type=int, default=photo_size.LONG_SIDE)
    parser.add_argument("--quality", type=float, default=photo_size.JPEG_QUALITY)
    parser.add_argument("--small-bytes", type=int, default=photo_size.SMALL_BYTES)
    parser.add_argument("--no-phone", action="store_true", help="skip the 12-megapixel phone photos")
    args = parser.parse_args(argv)
    print(f"Shrinking as the upload page does: longest side {args.side} px, JPEG quality {args.quality}, "
          f"files up to {_kb(args.small_bytes)} sent as they are")
    with tempfile.TemporaryDirectory(prefix="nareis-shrink-") as work:
        phone_folder = Path(work) / "phone"
        phone_folder.mkdir()
        sets = [("corpus", args.corpus, True, None), ("real", args.real, False, None)]
        if not args.no_phone:
            sets.append(("12-megapixel phone photos of corpus documents", phone_folder, True,
                         phone_photos(args.corpus, phone_folder)))
        for index, (name, folder, corpus, labels) in enumerate(sets):
            target = Path(work) / f"sent-{index}"
            target.mkdir()
            report = measure_set(f"{name} ({folder})" if labels is None else name, folder, target,
                                 workers=args.workers, side=args.side, quality=args.quality,
                                 small_bytes=args.small_bytes, labels=labels)
            print_set(report, corpus=corpus)


if __name__ == "__main__":
    main()
