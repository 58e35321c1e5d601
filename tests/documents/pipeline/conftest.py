"""The sample corpus run through the whole pipeline once per test session (two worker processes)."""

from __future__ import annotations

import pytest

from bench.pipeline import CorpusRun, run_corpus


@pytest.fixture(scope="session")
def corpus_run(corpus_dir) -> CorpusRun:
    return run_corpus(corpus_dir, workers=2)


@pytest.fixture(scope="session")
def corpus_results(corpus_run) -> dict[str, tuple[dict, object]]:
    """file name -> (label, PipelineResult)."""
    return {label["file"]: (label, result) for label, result in zip(corpus_run.labels, corpus_run.results)}
