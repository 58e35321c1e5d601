"""Retake advice on the corpus (issue 12): is each photo fault named, and are good photos left alone?

Every corpus page is photographed (bench.photo_faults: 1200 px wide, turned 4 degrees on a table) with
each fault the sponsor should put right (blurred, too dark, glare, cut off, too small, not a document),
and judged as the worker judges it. Printed per fault: how often the advice names it, and how often it
misses it; then how often a good photo, and a photo with a fault the pipeline reads through (lamp on one
side, JPEG, a little out of focus, noise, an angle), is wrongly flagged. Good photos and the "not a
document" scenes go through the whole pipeline (that advice depends on what the OCR reads); the faulted
pages are judged on their measures alone. The judging time is set against the whole pipeline's time on
the same photos (a baseline measured in the same run).

A corpus file whose label says it carries no writing at all (``script`` "none") is no page: its photo is
counted apart, as a picture that should be told "not a document", not as a good photo of a page.

Then the real scans and photos of ``../shared/real`` go through the whole pipeline as they are: per image
type (the label's kind), how many are told to take the photo again, and why, then each flagged image with
what its label's notes say it shows. A good scan must not be flagged; a genuinely unreadable photo may be.

    .venv/bin/python -m bench.retake ../shared/corpus [../shared/real]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from bench.photo_faults import FAULTS, PAGE_WIDTH, RETAKE_FAULTS, photograph, retake_photo  # noqa: E402
from documents.pipeline import retake, run_pipeline  # noqa: E402

ALLOWED_FALSE_FLAGS = 1 / 50
DEFAULT_REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real"  # ../shared/real


def _png(photo) -> bytes:
    buffer = io.BytesIO()
    photo.save(buffer, "PNG")
    return buffer.getvalue()


def _judge(job: tuple[str, str | None, bool]) -> tuple[list[str], float, float]:
    """The advice for one photo, the seconds judging it took, and the seconds of the whole pipeline
    (0 where only the photo's measures are judged)."""
    path, fault, read_through = job
    photo = photograph(path, PAGE_WIDTH, fault) if read_through else retake_photo(path, fault)
    started = time.perf_counter()
    measures = retake.measure(photo)
    seconds = time.perf_counter() - started
    if fault is None or fault == "not_a_document":
        # "Not a document" depends on what the OCR reads: good photos and scenes go through the whole pipeline.
        result = run_pipeline(_png(photo))
        return list(result.retake), seconds, result.seconds
    return [str(item) for item in retake.judge(measures)], seconds, 0.0


def retake_table(corpus_dir: Path, labels: list[dict], workers: int = 2) -> dict:
    paths = [str(corpus_dir / label["file"]) for label in labels if label.get("script") != "none"]
    pictures = [str(corpus_dir / label["file"]) for label in labels if label.get("script") == "none"]
    jobs = ([(path, fault, False) for fault in RETAKE_FAULTS for path in paths]
            + [(path, None, False) for path in paths]
            + [(path, fault, True) for fault in FAULTS for path in paths])
    with Pool(workers) as pool:
        judged = pool.map(_judge, jobs)
        pictures_judged = pool.map(_judge, [(path, None, False) for path in pictures])
    table: dict = {"named": {}, "flagged": {}, "seconds": [seconds for _, seconds, _ in judged],
                   "pipeline_seconds": [whole for _, _, whole in judged if whole],
                   "pictures": [sum("not_a_document" in advice for advice, _, _ in pictures_judged), len(pictures)]}
    for (path, fault, read_through), (advice, _, _) in zip(jobs, judged):
        if fault in RETAKE_FAULTS and not read_through:
            named = table["named"].setdefault(fault, [0, 0, 0])  # named, missed, other advice given too
            named[0] += fault in advice
            named[1] += fault not in advice
            named[2] += any(item != fault for item in advice)
        else:
            key = "good photo" if fault is None else fault
            flagged = table["flagged"].setdefault(key, [0, 0])
            flagged[0] += bool(advice)
            flagged[1] += 1
    return table


def print_retake_table(table: dict, out=sys.stdout) -> None:
    print(f"\nRetake advice: each fault on every corpus page ({PAGE_WIDTH} px wide, 4 degrees on a table)", file=out)
    print(f"{'fault':<20}{'named':>8}{'missed':>8}{'other advice too':>18}", file=out)
    for fault, (named, missed, other) in table["named"].items():
        print(f"{fault:<20}{named:>8}{missed:>8}{other:>18}", file=out)
    print(f"{'photo':<20}{'wrongly flagged':>24}", file=out)
    for key, (flagged, total) in table["flagged"].items():
        print(f"{key:<20}{f'{flagged}/{total}':>24}", file=out)
    good_flagged, good_total = table["flagged"]["good photo"]
    verdict = "within" if good_flagged <= ALLOWED_FALSE_FLAGS * good_total else "ABOVE"
    print(f"Good photos wrongly flagged: {good_flagged}/{good_total} ({verdict} the limit of 1 in 50)", file=out)
    told, pictures = table["pictures"]
    print(f"Corpus pictures without any writing (label script 'none'), told 'not a document': {told}/{pictures}",
          file=out)
    judging = statistics.median(table["seconds"])
    whole = statistics.median(table["pipeline_seconds"])
    print(f"Judging one photo: median {judging * 1000:.0f} ms; the whole pipeline on one photo {whole * 1000:.0f} ms "
          f"(judging costs {judging / whole:.3f} of it)", file=out)


def _advise_real(path: str) -> list[str]:
    return list(run_pipeline(path).retake)


def real_table(real_dir: Path, workers: int = 2) -> list[tuple[dict, list[str]]]:
    """Each real image's label and the advice the worker gives for it."""
    labels = [json.loads(line) for line in (real_dir / "labels.jsonl").read_text().splitlines() if line.strip()]
    with Pool(workers) as pool:
        advice = pool.map(_advise_real, [str(real_dir / label["file"]) for label in labels])
    return list(zip(labels, advice))


def print_real_table(rows: list[tuple[dict, list[str]]], out=sys.stdout) -> None:
    print("\nRetake advice on real scans and photos (../shared/real, as they are)", file=out)
    print(f"{'image type':<14}{'images':>8}{'flagged':>9}  reasons", file=out)
    for kind in dict.fromkeys(label["kind"] for label, _ in rows):
        advice = [items for label, items in rows if label["kind"] == kind]
        reasons = Counter(item for items in advice for item in items)
        named = ", ".join(f"{reason} {count}" for reason, count in reasons.most_common()) or "-"
        print(f"{kind:<14}{len(advice):>8}{sum(map(bool, advice)):>9}  {named}", file=out)
    print(f"{'all':<14}{len(rows):>8}{sum(bool(items) for _, items in rows):>9}", file=out)
    for label, items in rows:
        if items:
            print(f"  {label['file']:<18}{', '.join(items):<26}{label.get('notes', '')[:90]}", file=out)


def main(argv: list[str] | None = None) -> None:
    from bench.pipeline import read_labels

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("real", nargs="?", type=Path, default=DEFAULT_REAL)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    print_retake_table(retake_table(args.corpus, read_labels(args.corpus), args.workers))
    if (args.real / "labels.jsonl").exists():
        print_real_table(real_table(args.real, args.workers))
    else:
        print(f"\n(no real images at {args.real}: the real table is left out)")


if __name__ == "__main__":
    main()
