"""The date an asylum decision starts the three months from: the decision's own, never the permit's start date
("met ingang van ...") or the asylum application's date printed beside it."""

from __future__ import annotations

from datetime import date

import pytest

from bench.samples import decision_letters
from documents.pipeline import run_pipeline
from documents.pipeline.decision_date import decision_date
from documents.pipeline.types import DocumentKind as K

DECIDED, APPLIED = date(2026, 9, 14), date(2025, 3, 3)


@pytest.mark.parametrize("text", [
    # The start date first, labelled in words that also name the decision.
    "Besluit: inwilliging, vergunning per 3 maart 2025\nDatum: 14 september 2026\nV-nummer: 1234567890",
    "Decision: granted with effect from 3 March 2025\nDate of decision: 14 September 2026",
    # Both on one line, in either order.
    "Datum aanvraag: 03-03-2025   Datum besluit: 14-09-2026\nIngangsdatum: 03-03-2025   Geldig tot: 02-03-2030",
    "Datum 14 september 2026   Ingangsdatum vergunning 3 maart 2025",
    # In sentences: the application's date before the decision's, the label after the date.
    "U heeft op 3 maart 2025 een asielaanvraag ingediend. Op 14 september 2026 heb ik besloten uw aanvraag in te "
    "willigen.",
    "On 3 March 2025 you applied for asylum.\nThe IND decided on 14 September 2026 to grant your application.",
    # A letter head with each label above its value, the application's first.
    "Uw aanvraag van\n3 maart 2025\nDatum\n14 september 2026\nOns kenmerk\nIND-2026-1",
    # A head read across two columns: the label ends the line above.
    "Aan A. Osman   Uw aanvraag van\nAzc Ter Apel   3 maart 2025\nDatum\n14 september 2026",
    # Labels in one column, values in the next: OCR reads the labels first.
    "Datum aanvraag\nIngangsdatum\nDatum besluit\n3 maart 2025\n3 maart 2025\n14 september 2026",
    # Dated where it is signed, the start date in a sentence that runs onto the next line.
    "Betreft: uw asielaanvraag d.d. 03-03-2025\nDe vergunning gaat in op\n3 maart 2025.\nDen Haag, 14 september 2026",
    "Votre demande du 3 mars 2025. Date de la décision : 14 septembre 2026. Valable à compter du 3 mars 2025.",
])
def test_the_decisions_own_date_is_read_whatever_else_is_dated(text):
    assert decision_date(text) == DECIDED


def test_a_letter_with_only_other_dates_gives_none_rather_than_a_wrong_one():
    assert decision_date("Uw asielaanvraag van 3 maart 2025\nDe vergunning is geldig met ingang van 3 maart 2025") is None
    assert decision_date("Naam: A. Hassan, geboren 01-01-1990\nDatum: 05-10-2026") == date(2026, 10, 5)


def test_an_unlabelled_date_counts_when_nothing_better_is_there():
    assert decision_date("Immigratie- en Naturalisatiedienst\n14 september 2026\nGeachte heer") == DECIDED


@pytest.mark.parametrize("sample", decision_letters(), ids=lambda sample: sample.name)
def test_rendered_decision_letters_carrying_three_dates(sample):
    """Letters in the layouts the IND uses, flat and photographed, each with a decision date, an application
    date and a permit start date (the same day, months earlier)."""
    result = run_pipeline(sample.make())
    assert result.kind is K.ASYLUM_DECISION
    assert result.decision_date == sample.decision_date
