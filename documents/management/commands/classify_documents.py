"""``manage.py classify_documents [--json] [--workers N] FILE [FILE ...]`` (CONTRACTS.md, section 1).

One result per file, in input order, each printed (and flushed) as soon as it
and every file before it are done. Files run in parallel worker processes;
the output does not depend on how many. Nothing is written to the database.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from functools import partial
from multiprocessing import Pool

from django.core.management.base import BaseCommand, CommandError, CommandParser

from documents.intake import load_limits
from documents.pipeline import run_pipeline
from documents.pipeline.loading import LoadLimits
from documents.pipeline.types import PipelineResult

TABLE_COLUMNS = ("file", "kind", "confidence", "languages", "pages", "mrz", "decision_date", "translation", "error", "seconds")


def classify_file(file: str, limits: LoadLimits) -> dict:
    try:
        result = run_pipeline(file, limits=limits)
        if result.unsure:  # not part of the contract's line: stderr, like anything more it prints
            print(f"{file}: unsure: {result.unsure}", file=sys.stderr)
        return result.to_contract_dict(file)
    except Exception as exc:  # a failure nobody foresaw stays on this file's line; the batch goes on
        print(f"{file}: {exc!r}", file=sys.stderr)
        return PipelineResult(error="The file could not be read.").to_contract_dict(file)


class Command(BaseCommand):
    help = "Read documents (photos, scans, PDFs) and print their kind and fields, one line per file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--json", action="store_true", help="one JSON object per line (the contract)")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                            help="files read in parallel (default: the number of CPUs)")

    def handle(self, *args, **options) -> None:
        workers = options["workers"]
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        files: list[str] = options["files"]
        as_json = options["json"]
        if not as_json:
            self._write(_table_row(dict(zip(TABLE_COLUMNS, TABLE_COLUMNS))))
        for line in self._results(files, min(workers, len(files))):
            self._write(json.dumps(line, ensure_ascii=False) if as_json else _table_row(line))

    def _results(self, files: list[str], workers: int) -> Iterator[dict]:
        work = partial(classify_file, limits=load_limits())
        if workers == 1:
            yield from map(work, files)
            return
        with Pool(workers) as pool:
            yield from pool.imap(work, files)  # imap keeps input order and yields as soon as possible

    def _write(self, line: str) -> None:
        self.stdout.write(line)
        self.stdout.flush()


def _table_row(line: dict) -> str:
    cells = {
        "file": line["file"],
        "kind": line["kind"],
        "confidence": _number(line["confidence"], "{:.2f}"),
        "languages": ",".join(line["languages"]) if isinstance(line["languages"], list) else line["languages"],
        "pages": str(line["pages"]),
        "mrz": _mrz_cell(line["mrz"]),
        "decision_date": line["decision_date"] or "",
        "translation": _translation_cell(line["translation"]),
        "error": line["error"] or "",
        "seconds": _number(line["seconds"], "{:.2f}"),
    }
    widths = {"file": 36, "kind": 21, "confidence": 10, "languages": 10, "pages": 5, "mrz": 24,
              "decision_date": 13, "translation": 11, "error": 0, "seconds": 7}
    order = ("file", "kind", "confidence", "languages", "pages", "mrz", "decision_date", "translation", "seconds", "error")
    return "  ".join(cells[column].ljust(widths[column]) for column in order).rstrip()


def _number(value, template: str) -> str:
    return template.format(value) if isinstance(value, (int, float)) else str(value)


def _mrz_cell(mrz) -> str:
    if not isinstance(mrz, dict):
        return str(mrz or "")
    status = "valid" if mrz["valid"] else "check digits fail"
    return f"{mrz['format']} {mrz['document_number']} ({status})"


def _translation_cell(translation) -> str:
    if not isinstance(translation, dict):
        return str(translation or "")
    return f"{translation['language']}{' sworn' if translation['sworn'] else ''}"
