"""The document pipeline: load → orientation → OCR (script, languages) → MRZ → classify → extract.

``run_pipeline`` is the one entry point: the Celery task, ``classify_documents``,
the benchmark and the tests all call it. It never raises for a bad file; the
problem becomes ``PipelineResult.error``, a message the user can act on.
"""

from __future__ import annotations

import time
from pathlib import Path

from PIL import Image

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
        reading = ocr.read_page(page).reading
        texts.append(reading.text)
        if (machine_zone is None or not machine_zone.valid) and _may_carry_mrz(reading.text):
            machine_zone = _better_mrz(machine_zone, _read_mrz(page, reading.text))
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


def _may_carry_mrz(text: str) -> bool:
    """Chevrons, or passport/ID wording: worth the zone search (the OCR may have garbled the zone)."""
    if text.count("<") >= 3:
        return True
    scores = classify.score_text(text)
    return scores[DocumentKind.PASSPORT] > 0 or scores[DocumentKind.ID_CARD] > 0


def _read_mrz(page: Image.Image, text: str) -> MrzResult | None:
    """The zone reader's MRZ (it sees the image), else what the page text holds."""
    from_zone = mrz.read_mrz(page)
    if from_zone is not None and from_zone.valid:
        return from_zone
    return _better_mrz(from_zone, mrz.find_mrz_in_text(text))


def _better_mrz(first: MrzResult | None, second: MrzResult | None) -> MrzResult | None:
    if first is None or second is None:
        return first or second
    return second if second.valid and not first.valid else first
