"""The document pipeline: load → orientation → OCR (script, languages) → MRZ → classify → extract.

``run_pipeline`` is the one entry point: the Celery task, ``classify_documents``,
the benchmark and the tests all call it. It never raises for a bad file; the
problem becomes ``PipelineResult.error``, a message the user can act on.
"""

from __future__ import annotations

import time
from pathlib import Path

from . import classify, extract, languages, loading, mrz, ocr
from .types import DocumentKind, MrzResult, PipelineError, PipelineResult

__all__ = ["run_pipeline"]

PAGE_BREAK = "\n\f\n"


def run_pipeline(source: str | Path | bytes, limits: loading.LoadLimits = loading.DEFAULT_LIMITS) -> PipelineResult:
    """``limits``: the pixel and page caps; the worker passes the same as the upload check (settings)."""
    started = time.perf_counter()
    try:
        result = _run(source, limits)
    except PipelineError as exc:
        result = PipelineResult(kind=DocumentKind.OTHER, error=str(exc))
    except FileNotFoundError:
        result = PipelineResult(kind=DocumentKind.OTHER, error="The file does not exist.")
    except (IsADirectoryError, PermissionError):
        result = PipelineResult(kind=DocumentKind.OTHER, error="The file cannot be opened.")
    result.seconds = time.perf_counter() - started
    return result


def _run(source: str | Path | bytes, limits: loading.LoadLimits) -> PipelineResult:
    pages = loading.load_pages(source, limits)
    texts = []
    machine_zone: MrzResult | None = None
    for page in pages:
        # The zone reader is the better MRZ source and cheap on pages without a zone.
        page_zone = mrz.read_mrz(page) if machine_zone is None or not machine_zone.valid else None
        reading = ocr.read_page(page).reading
        texts.append(reading.text)
        if page_zone is None or not page_zone.valid:
            page_zone = _better_mrz(page_zone, mrz.find_mrz_in_text(reading.text))
        machine_zone = _better_mrz(machine_zone, page_zone)
    text = PAGE_BREAK.join(texts)
    classification = classify.classify(text, machine_zone)
    kind = classification.kind
    text_languages = languages.detect_languages(text)
    return PipelineResult(
        kind=kind,
        confidence=classification.confidence,
        languages=text_languages,
        pages=len(pages),
        text=text,
        mrz=machine_zone,
        decision_date=extract.decision_date(text) if kind is DocumentKind.ASYLUM_DECISION else None,
        translation=extract.translation_info(text, text_languages) if kind is DocumentKind.TRANSLATION else None,
        people=extract.people(text, kind, machine_zone),
    )


def _better_mrz(first: MrzResult | None, second: MrzResult | None) -> MrzResult | None:
    if first is None or second is None:
        return first or second
    return second if second.valid and not first.valid else first
