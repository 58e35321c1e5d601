"""Benchmark the document pipeline against a labelled corpus and a naive Tesseract baseline.

    .venv/bin/python -m bench.pipeline [CORPUS_DIR] [--workers N]

Prints per-kind precision and recall, the confusion matrix, the MRZ exact-field
rate, decision-date accuracy, the same for the rendered samples of ``bench.samples``
(the kinds the corpus lacks, and decision letters carrying a start and an
application date beside the decision's: counted separately), seconds per document and the same timing for
``tesseract -l eng+nld+fra+ara FILE stdout`` over the same files with the same
parallelism, and the ratio of the two wall times. CPU seconds (this process and
its Tesseract children) are reported too: on a machine shared with other work
they are the steadier comparison. Needs no Django.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from bench.photo_faults import fault_table, photograph, print_fault_table  # noqa: E402
from bench.samples import all_samples  # noqa: E402
from documents.pipeline import run_pipeline  # noqa: E402
from documents.pipeline.loading import load_pages  # noqa: E402
from documents.pipeline.mrz import read_mrz  # noqa: E402
from documents.pipeline.types import DocumentKind, PipelineResult  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"  # ../shared/corpus
BASELINE_COMMAND = ("tesseract", "-l", "eng+nld+fra+ara")
MRZ_FIELDS = ("format", "document_number", "surname", "given_names", "nationality", "issuing_country",
              "birth_date", "sex", "expiry_date")
KINDS = [str(kind) for kind in DocumentKind]
SHORT_KINDS = {"passport": "pass", "id_card": "id", "birth_certificate": "birth", "marriage_certificate": "marr",
               "death_certificate": "death", "family_booklet": "bookl", "translation": "transl",
               "consent_declaration": "consent", "asylum_decision": "asylum", "passport_photo": "photo",
               "good_conduct_statement": "conduct", "marital_status_statement": "marital",
               "foster_care_decision": "foster", "other": "other"}


@dataclass
class CorpusRun:
    labels: list[dict]
    results: list[PipelineResult]
    wall_seconds: float
    cpu_seconds: list[float]  # per file, this process and its Tesseract children: immune to other load


def _cpu_now() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def read_labels(corpus_dir: Path) -> list[dict]:
    lines = (corpus_dir / "labels.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _run_one(path: str) -> tuple[PipelineResult, float]:
    cpu_before = _cpu_now()
    result = run_pipeline(path)
    return result, _cpu_now() - cpu_before


def run_corpus(corpus_dir: Path, workers: int = 2) -> CorpusRun:
    labels = read_labels(corpus_dir)
    paths = [str(corpus_dir / label["file"]) for label in labels]
    started = time.perf_counter()
    with Pool(workers) as pool:
        outcomes = list(pool.imap(_run_one, paths))
    wall = time.perf_counter() - started
    return CorpusRun(labels, [result for result, _ in outcomes], wall, [cpu for _, cpu in outcomes])


# ---------------------------------------------------------------- scoring

def mrz_exact(label: dict, result: PipelineResult) -> bool:
    expected = label["mrz"]
    if result.mrz is None:
        return False
    got = result.mrz.to_dict()
    return all(str(got.get(field)) == str(expected.get(field)) for field in MRZ_FIELDS if field in expected)


def _run_sample(index: int) -> PipelineResult:
    return run_pipeline(all_samples()[index].make())


def run_samples(workers: int = 2) -> CorpusRun:
    """The rendered samples, labelled like the corpus."""
    samples = all_samples()
    started = time.perf_counter()
    with Pool(workers) as pool:
        results = pool.map(_run_sample, range(len(samples)))
    labels = [{"file": sample.name, "kind": sample.kind,
               "decision_date": sample.decision_date.isoformat() if sample.decision_date else None}
              for sample in samples]
    return CorpusRun(labels, results, time.perf_counter() - started, [])


def scores(run: CorpusRun) -> dict:
    pairs = [(label["kind"], str(result.kind)) for label, result in zip(run.labels, run.results)]
    mrz_labelled = [(label, result) for label, result in zip(run.labels, run.results) if label.get("mrz")]
    dated = [(label, result) for label, result in zip(run.labels, run.results) if label.get("decision_date")]
    return {
        "correct": sum(expected == got for expected, got in pairs),
        "total": len(pairs),
        "confusion": Counter(pairs),
        "mrz_exact": sum(mrz_exact(label, result) for label, result in mrz_labelled),
        "mrz_total": len(mrz_labelled),
        "dates_right": sum(
            (result.decision_date.isoformat() if result.decision_date else None) == label["decision_date"]
            for label, result in dated
        ),
        "dates_total": len(dated),
    }


# ---------------------------------------------------------------- MRZ on small, skewed photos

VARIANT_WIDTHS = (250, 300, 400, 600, 1000, 2000)
VARIANT_SKEWS = (0, 6, -9)


def _read_variant(job: tuple[str, int, int]):
    path, width, skew = job
    return read_mrz(photograph(path, width, skew=skew))


def mrz_variants(corpus_dir: Path, labels: list[dict], workers: int = 2) -> dict[tuple[int, int], tuple[int, int, int]]:
    """(width, skew) -> (valid reads, reads with every field exact, photos) over the corpus's MRZ documents,
    each scaled to ``width`` px and turned ``skew`` degrees on a table."""
    cases = [(label, width, skew) for label in labels if label.get("mrz")
             for width in VARIANT_WIDTHS for skew in VARIANT_SKEWS]
    with Pool(workers) as pool:
        results = pool.map(_read_variant, [(str(corpus_dir / label["file"]), width, skew) for label, width, skew in cases])
    table: dict[tuple[int, int], list[int]] = {}
    for (label, width, skew), result in zip(cases, results):
        row = table.setdefault((width, skew), [0, 0, 0])
        row[0] += bool(result is not None and result.valid)
        row[1] += bool(result is not None and result.valid) and mrz_exact(label, PipelineResult(kind=DocumentKind.OTHER, mrz=result))
        row[2] += 1
    return {key: tuple(value) for key, value in table.items()}


def print_mrz_variants(table: dict, out=sys.stdout) -> None:
    print("\nMRZ on smaller and skewed copies of the corpus's passports and ID cards", file=out)
    print("(check-digit-valid reads / valid with every field exact / photos)", file=out)
    print(f"{'width':>6}" + "".join(f"{f'skew {skew:+d}':>16}" for skew in VARIANT_SKEWS), file=out)
    for width in VARIANT_WIDTHS:
        cells = [table[(width, skew)] for skew in VARIANT_SKEWS]
        print(f"{width:>6}" + "".join(f"{f'{valid}/{exact}/{n}':>16}" for valid, exact, n in cells), file=out)


# ---------------------------------------------------------------- baseline

def _baseline_one(job: tuple[str, bool]) -> tuple[float, float]:
    path, own_threads = job
    env = {key: value for key, value in os.environ.items() if not (own_threads and key == "OMP_THREAD_LIMIT")}
    started, cpu_before = time.perf_counter(), _cpu_now()
    subprocess.run([*BASELINE_COMMAND, path, "stdout"], capture_output=True, check=False, env=env)
    return time.perf_counter() - started, _cpu_now() - cpu_before


def run_baseline(paths: list[Path], workers: int = 2, own_threads: bool = False) -> tuple[list[float], list[float], float]:
    """Per-file and wall seconds of the naive command; PDFs and HEIC get a PNG of page 1 made beforehand.
    ``own_threads``: Tesseract as installed, with its OpenMP threads (no OMP_THREAD_LIMIT); they spin
    while they wait, so the same work costs several times the CPU on a busy machine."""
    with tempfile.TemporaryDirectory() as scratch:
        inputs = []
        for path in paths:
            if path.suffix.lower() in (".pdf", ".heic", ".heif"):
                png = Path(scratch) / f"{path.name}.png"
                load_pages(path)[0].save(png)
                inputs.append(str(png))
            else:
                inputs.append(str(path))
        started = time.perf_counter()
        with Pool(workers) as pool:
            timings = list(pool.imap(_baseline_one, [(path, own_threads) for path in inputs]))
        wall = time.perf_counter() - started
        return [seconds for seconds, _ in timings], [cpu for _, cpu in timings], wall


# ---------------------------------------------------------------- report

def print_classification(summary: dict, out=sys.stdout) -> None:
    confusion = summary["confusion"]
    print(f"Classification: {summary['correct']}/{summary['total']} "
          f"({100 * summary['correct'] / summary['total']:.1f}%)", file=out)
    print(f"\n{'kind':<26}{'precision':>10}{'recall':>8}{'n':>4}", file=out)
    for kind in KINDS:
        true_positive = confusion[(kind, kind)]
        predicted = sum(count for (_, got), count in confusion.items() if got == kind)
        actual = sum(count for (expected, _), count in confusion.items() if expected == kind)
        precision = true_positive / predicted if predicted else float("nan")
        recall = true_positive / actual if actual else float("nan")
        print(f"{kind:<26}{precision:>10.2f}{recall:>8.2f}{actual:>4}", file=out)
    print("\nConfusion (rows: label, columns: predicted)", file=out)
    print(f"{'':<26}" + "".join(f"{SHORT_KINDS[kind]:>8}" for kind in KINDS), file=out)
    for expected in KINDS:
        print(f"{expected:<26}" + "".join(f"{confusion[(expected, got)]:>8}" for got in KINDS), file=out)


def print_samples_report(run: CorpusRun, out=sys.stdout) -> None:
    summary = scores(run)
    print("\nRendered samples (bench/samples.py: the kinds the corpus lacks, decision letters with three dates)",
          file=out)
    print_classification(summary, out)
    print(f"\nDecision date right on letters that also carry the permit's start date and the application's: "
          f"{summary['dates_right']}/{summary['dates_total']}", file=out)
    for label, result in zip(run.labels, run.results):
        found = result.decision_date.isoformat() if result.decision_date else None
        if label["kind"] != str(result.kind):
            print(f"misclassified {label['file']}: {label['kind']} -> {result.kind}", file=out)
        if label["decision_date"] and found != label["decision_date"]:
            print(f"wrong date {label['file']}: {found} instead of {label['decision_date']}", file=out)

def _timing(seconds: list[float]) -> str:
    return f"mean {statistics.mean(seconds):.2f}  p50 {statistics.median(seconds):.2f}  max {max(seconds):.2f}"


def print_timing(run, baseline_seconds: list[float], baseline_cpu: list[float], baseline_wall: float,
                 unit: str = "doc", out=sys.stdout) -> None:
    """Seconds per file, wall and CPU, of the pipeline and of plain tesseract on the same files, and their ratios."""
    pipeline_seconds = [result.seconds for result in run.results]
    print(f"\nPipeline s/{unit}:  {_timing(pipeline_seconds)}  (wall {run.wall_seconds:.1f}s)", file=out)
    print(f"Baseline s/{unit}:  {_timing(baseline_seconds)}  (wall {baseline_wall:.1f}s)", file=out)
    print(f"Pipeline CPU s/{unit}: {_timing(run.cpu_seconds)}", file=out)
    print(f"Baseline CPU s/{unit}: {_timing(baseline_cpu)}", file=out)
    print(f"Ratio pipeline/baseline: wall {run.wall_seconds / baseline_wall:.2f}, "
          f"summed per-{unit} {sum(pipeline_seconds) / sum(baseline_seconds):.2f}, "
          f"CPU {sum(run.cpu_seconds) / sum(baseline_cpu):.2f}", file=out)


def print_report(run: CorpusRun, baseline_seconds: list[float], baseline_cpu: list[float], baseline_wall: float,
                 out=sys.stdout, verbose: bool = False) -> None:
    summary = scores(run)
    if verbose:
        for label, result, base in zip(run.labels, run.results, baseline_seconds):
            print(f"{label['file']:<32}{str(result.kind):<22}{result.confidence:>6.2f}{result.seconds:>7.2f}"
                  f"{base:>7.2f}  {','.join(result.languages)}", file=out)
    print_classification(summary, out)
    print(f"\nMRZ all fields exact: {summary['mrz_exact']}/{summary['mrz_total']}", file=out)
    print(f"Decision date right (corpus):  {summary['dates_right']}/{summary['dates_total']}", file=out)
    errors = [(label["file"], result.error) for label, result in zip(run.labels, run.results) if result.error]
    for file, error in errors:
        print(f"error {file}: {error}", file=out)
    print_timing(run, baseline_seconds, baseline_cpu, baseline_wall, unit="doc", out=out)
    wrong = [(label["file"], label["kind"], str(result.kind)) for label, result in zip(run.labels, run.results)
             if label["kind"] != str(result.kind)]
    for file, expected, got in wrong:
        print(f"misclassified {file}: {expected} -> {got}", file=out)


def print_threaded_baseline(run, baseline_seconds: list[float], baseline_cpu: list[float], baseline_wall: float,
                            out=sys.stdout) -> None:
    """The same ratios against the baseline run with Tesseract's own OpenMP threads (the pipeline keeps one)."""
    print(f"\nBaseline with Tesseract's OpenMP threads s/doc: {_timing(baseline_seconds)}  (wall {baseline_wall:.1f}s)",
          file=out)
    print(f"Baseline with Tesseract's OpenMP threads CPU s/doc: {_timing(baseline_cpu)}", file=out)
    pipeline_seconds = [result.seconds for result in run.results]
    print(f"Ratio pipeline/baseline with its OpenMP threads: wall {run.wall_seconds / baseline_wall:.2f}, "
          f"summed per-doc {sum(pipeline_seconds) / sum(baseline_seconds):.2f}, "
          f"CPU {sum(run.cpu_seconds) / sum(baseline_cpu):.2f}", file=out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--verbose", action="store_true", help="also list every file")
    parser.add_argument("--no-variants", action="store_true", help="skip the MRZ reads of scaled and skewed copies")
    parser.add_argument("--no-faults", action="store_true", help="skip the corpus photographed with faults")
    parser.add_argument("--no-samples", action="store_true", help="skip the rendered samples")
    parser.add_argument("--baseline-own-threads", action="store_true",
                        help="also time the baseline without OMP_THREAD_LIMIT (Tesseract's default OpenMP threads)")
    args = parser.parse_args(argv)
    run = run_corpus(args.corpus, args.workers)
    paths = [args.corpus / label["file"] for label in run.labels]
    baseline_seconds, baseline_cpu, baseline_wall = run_baseline(paths, args.workers)
    print_report(run, baseline_seconds, baseline_cpu, baseline_wall, verbose=args.verbose)
    if args.baseline_own_threads:
        print_threaded_baseline(run, *run_baseline(paths, args.workers, own_threads=True))
    if not args.no_samples:
        print_samples_report(run_samples(args.workers))
    if not args.no_variants:
        print_mrz_variants(mrz_variants(args.corpus, run.labels, args.workers))
    if not args.no_faults:
        print_fault_table(fault_table(args.corpus, run.labels, mrz_exact, args.workers))


if __name__ == "__main__":
    main()
