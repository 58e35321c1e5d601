"""The probe of other countries' papers (``bench.kinds_probe``), written out as OCR text: every page the classifier
reads right stays right, each with the doubt it must carry (an IND intended decision: "other", said to be one)."""

from __future__ import annotations

import pytest

from bench.kinds_probe import PROBE, classify_text, right

READ_RIGHT = [probe for probe in PROBE if not probe.left]


@pytest.mark.parametrize("probe", READ_RIGHT, ids=[probe.name for probe in READ_RIGHT])
def test_a_probed_page_reads_as_its_kind(probe):
    kind, said, _ = classify_text(probe.text)
    assert right(probe, kind, said), (kind, said)
