"""The sample corpus run through the whole pipeline once per test session (two worker processes)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings

from bench.pipeline import CorpusRun, run_corpus


@pytest.fixture(scope="session")
def corpus_run(corpus_dir) -> CorpusRun:
    return run_corpus(corpus_dir, workers=2)


@pytest.fixture(scope="session")
def corpus_results(corpus_run) -> dict[str, tuple[dict, object]]:
    """file name -> (label, PipelineResult)."""
    return {label["file"]: (label, result) for label, result in zip(corpus_run.labels, corpus_run.results)}


REAL_DIR = Path(os.environ.get("NAREIS_REAL", settings.BASE_DIR.parent / "shared" / "real"))


@pytest.fixture(scope="session")
def real_dir() -> Path:
    """Real scans and photos nobody here made (../shared/real): read by path, cropped at test time."""
    assert (REAL_DIR / "labels.jsonl").exists(), f"The real images are missing at {REAL_DIR}"
    return REAL_DIR
