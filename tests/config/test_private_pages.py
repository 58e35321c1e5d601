"""No browser or proxy keeps a copy of a page with a family's data."""

import pytest
from django.urls import reverse

from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_case_pages_are_neither_cached_nor_stored(client):
    case = CaseFactory()
    client.force_login(case.sponsor)

    for url in (reverse("tracker:case_detail", args=[case.pk]), reverse("tracker:case_list")):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store", url
