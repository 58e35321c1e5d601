"""Benchmark the document pipeline on real scans and photos nobody here made (``../shared/real``).

    .venv/bin/python -m bench.real [REAL_DIR] [--workers N] [--only PATTERN ...] [--no-baseline]

``labels.jsonl`` there gives each file's ``kind`` and, where known, its true MRZ
``mrz_lines``. Prints kinds right, MRZs read exactly as printed (every line equal;
a specimen whose printed check digits do not hold counts when its lines are read
as printed, with ``valid`` false), and for every image that fails what was expected
and what was read, with the pipeline's own doubt where it had one. ``--only`` runs
the files whose name contains one of the patterns (for quick checks while working).
Then the time per image against plain ``tesseract -l eng+nld+fra+ara`` on the same
files with the same parallelism, and the ratios of wall, summed per-image and CPU
time, as ``bench.pipeline`` prints them (``--no-baseline`` skips that). Needs no Django.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from bench.pipeline import _run_one, print_threaded_baseline, print_timing, read_labels, run_baseline  # noqa: E402
from documents.pipeline.types import PipelineResult  # noqa: E402

DEFAULT_REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real"  # ../shared/real


@dataclass
class RealRun:
    labels: list[dict]
    results: list[PipelineResult]
    wall_seconds: float
    cpu_seconds: list[float]  # per file, the process and its Tesseract children: immune to other load
    tesseract: list[TesseractUse]  # per file


@dataclass
class TesseractUse:
    """Tesseract calls for one image and their CPU seconds: all of them, and the MRZ zone's readings."""

    calls: int = 0
    cpu: float = 0.0
    mrz_calls: int = 0
    mrz_cpu: float = 0.0


def _run_counted(path: str) -> tuple[PipelineResult, float, TesseractUse]:
    """``_run_one``, counting the Tesseract calls it makes and their CPU (children's rusage around each)."""
    import resource

    import pytesseract.pytesseract as engine

    from documents.pipeline.mrz import TESSERACT_CONFIG

    use = TesseractUse()
    original = engine.run_tesseract

    def counted(*args, **kwargs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            return original(*args, **kwargs)
        finally:
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            use.calls += 1
            use.cpu += cpu
            if kwargs.get("config", args[4] if len(args) > 4 else "") == TESSERACT_CONFIG:
                use.mrz_calls += 1
                use.mrz_cpu += cpu

    engine.run_tesseract = counted
    try:
        result, cpu = _run_one(path)
    finally:
        engine.run_tesseract = original
    return result, cpu, use


def run_real(real_dir: Path, workers: int = 2, only: list[str] | None = None) -> RealRun:
    labels = [label for label in read_labels(real_dir) if not only or any(part in label["file"] for part in only)]
    started = time.perf_counter()
    with Pool(workers) as pool:
        outcomes = list(pool.imap(_run_counted, [str(real_dir / label["file"]) for label in labels]))
    return RealRun(labels, [result for result, _, _ in outcomes], time.perf_counter() - started,
                   [cpu for _, cpu, _ in outcomes], [use for _, _, use in outcomes])


def kind_right(label: dict, result: PipelineResult) -> bool:
    return str(result.kind) == label["kind"]


def mrz_exact(label: dict, result: PipelineResult) -> bool:
    return result.mrz is not None and list(result.mrz.lines) == label["mrz_lines"]


def print_real_report(run: RealRun, out=sys.stdout) -> None:
    pairs = list(zip(run.labels, run.results))
    with_mrz = [(label, result) for label, result in pairs if label.get("mrz_lines")]
    kinds = sum(kind_right(label, result) for label, result in pairs)
    exact = sum(mrz_exact(label, result) for label, result in with_mrz)
    print(f"Real images: kinds right {kinds}/{len(pairs)}, MRZ exact {exact}/{len(with_mrz)}  "
          f"(wall {run.wall_seconds:.1f}s, {run.wall_seconds / max(1, len(pairs)):.2f}s per image)", file=out)
    print(f"Tesseract: {sum(u.calls for u in run.tesseract)} calls, {sum(u.cpu for u in run.tesseract):.1f} CPU s; "
          f"of them MRZ zone readings {sum(u.mrz_calls for u in run.tesseract)} calls, "
          f"{sum(u.mrz_cpu for u in run.tesseract):.1f} CPU s; pipeline CPU in all {sum(run.cpu_seconds):.1f} s",
          file=out)
    costly = [f"{label['file']} {use.mrz_calls}" for label, use in zip(run.labels, run.tesseract) if use.mrz_calls > 1]
    if costly:
        print("MRZ zone read more than once: " + ", ".join(costly), file=out)
    for label, result in pairs:
        kind_ok = kind_right(label, result)
        mrz_ok = not label.get("mrz_lines") or mrz_exact(label, result)
        if kind_ok and mrz_ok:
            continue
        print(f"\n{label['file']}: expected {label['kind']}, read {result.kind} ({result.confidence:.2f})"
              + (f"  unsure: {result.unsure}" if result.unsure else "")
              + (f"  error: {result.error}" if result.error else ""), file=out)
        if not mrz_ok or (result.mrz and not kind_ok):
            for line in label.get("mrz_lines") or []:
                print(f"    expected MRZ  {line}", file=out)
            if result.mrz is None:
                print("    read MRZ      none", file=out)
            else:
                for line in result.mrz.lines:
                    print(f"    read MRZ      {line}", file=out)
                print(f"    valid {result.mrz.valid}", file=out)
        if not kind_ok:
            print(f"    notes: {label['notes'][:140]}", file=out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("real", nargs="?", type=Path, default=DEFAULT_REAL)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="run only files whose name contains one of these")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain tesseract on the same files")
    parser.add_argument("--baseline-own-threads", action="store_true",
                        help="also time the baseline without OMP_THREAD_LIMIT (Tesseract's default OpenMP threads)")
    args = parser.parse_args(argv)
    run = run_real(args.real, args.workers, args.only)
    print_real_report(run)
    if not args.no_baseline:
        paths = [args.real / label["file"] for label in run.labels]
        print_timing(run, *run_baseline(paths, args.workers), unit="image")
        if args.baseline_own_threads:
            print_threaded_baseline(run, *run_baseline(paths, args.workers, own_threads=True))


if __name__ == "__main__":
    main()
