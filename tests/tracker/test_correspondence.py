"""IND letters with their response dates, on the case and on the dashboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CaseFactory, CounsellorFactory
from tracker.models import IndLetter

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    case.counsellor = counsellor
    return case


def test_a_herstelverzuim_letter_shows_on_the_case_and_the_dashboard_until_answered(client, case):
    today = timezone.localdate()
    client.force_login(case.counsellor)

    response = client.post(reverse("tracker:ind_letter_create", args=[case.pk]), {
        "kind": "herstelverzuim", "received_on": today.isoformat(),
        "response_due": (today + timedelta(days=14)).isoformat(), "subject": "Ontbrekende geboorteakte",
        "notes": "Stuur de geboorteakte van Nour."})
    assert response.status_code == 302
    letter = IndLetter.objects.get()

    dashboard = client.get(reverse("tracker:case_list")).content.decode()
    assert 'data-open-letters="1"' in dashboard and "herstelverzuim" in dashboard
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "Ontbrekende geboorteakte" in page and 'data-open="true"' in page

    client.force_login(case.counsellor)
    client.post(reverse("tracker:ind_letter_answered", args=[letter.pk]))
    letter.refresh_from_db()
    assert letter.answered_on == today
    assert 'data-open-letters="0"' in client.get(reverse("tracker:case_list")).content.decode()


def test_a_response_date_before_the_letter_is_refused_with_a_message(client, case):
    today = timezone.localdate()
    client.force_login(case.counsellor)
    response = client.post(reverse("tracker:ind_letter_create", args=[case.pk]), {
        "kind": "question", "received_on": today.isoformat(), "response_due": (today - timedelta(days=1)).isoformat(),
        "subject": "Vragen"}, follow=True)
    assert not IndLetter.objects.exists()
    assert "cannot be before" in response.content.decode()


def test_the_sponsor_cannot_record_or_close_letters(client, case):
    letter = IndLetter.objects.create(case=case, received_on=timezone.localdate(), subject="Vragen",
                                      response_due=timezone.localdate())
    client.force_login(case.sponsor)
    assert client.post(reverse("tracker:ind_letter_answered", args=[letter.pk])).status_code == 403
    client.force_login(CounsellorFactory())
    assert client.post(reverse("tracker:ind_letter_answered", args=[letter.pk])).status_code == 404
    letter.refresh_from_db()
    assert letter.answered_on is None
