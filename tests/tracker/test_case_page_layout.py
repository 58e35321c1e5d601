"""Where things sit on the case page, as the people using it meet them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def test_a_counsellor_meets_the_review_before_closing_the_case(client):
    """Closing a case is rare and final: it comes after the review and case details, not first in the column."""
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], organisation=counsellor.organisation)
    client.force_login(counsellor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert page.index('id="review"') < page.index('id="retention"')


def test_the_dossier_button_comes_with_the_live_part_of_the_page(client):
    """The page refreshes its live part after an upload: the button is in it, so it shows without a reload."""
    case = CaseFactory()
    client.force_login(case.sponsor)
    live = reverse("tracker:case_live", args=[case.pk])
    assert "data-dossier" not in client.get(live).content.decode()
    DocumentFactory(case=case)
    assert "data-dossier" in client.get(live).content.decode()
