"""The case's history reads as sentences: names of people and documents, codes as words, grouped by day."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from audit.models import AuditEvent
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db


def history_of(page: str) -> str:
    return page[page.index('id="history"'):page.index("</details>", page.index('id="history"'))]


def test_links_reviews_and_kinds_are_told_with_names_and_words_not_ids_hashes_or_codes(client):
    counsellor = CounsellorFactory(username="sanne")
    case = CaseFactory(counsellors=[counsellor])
    child = FamilyMemberFactory(case=case, given_names="Nour", surname="Rahimi")
    photo = DocumentFactory(case=case, original_name="nour-paspoort.jpg", kind="other")
    client.force_login(counsellor)
    client.post(reverse("tracker:review_screen", args=[photo.pk]), {
        "review_status": "rejected", "rejection_reason": "blurred", "kind": "passport", "members": [child.pk]})
    client.post(reverse("documents:remove", args=[DocumentFactory(case=case, sha256="ab" * 32).pk]))

    history = history_of(client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode())

    assert "nour-paspoort.jpg" in history and "Nour Rahimi" in history
    assert "Waiting for review" in history and "Rejected" in history and "Passport" in history
    assert "The photo is blurred" in history
    assert f"[{child.pk}]" not in history and "abababab" not in history and "review_status" not in history
    assert history.count('class="history-day"') == 1


def test_the_history_is_in_the_readers_language(client):
    counsellor = CounsellorFactory(preferred_language="nl")
    case = CaseFactory(counsellors=[counsellor])
    photo = DocumentFactory(case=case)
    client.force_login(counsellor)
    client.post(reverse("tracker:review_screen", args=[photo.pk]), {"review_status": "accepted", "kind": "passport"})
    with translation.override("nl"):
        history = history_of(client.get(reverse("tracker:case_detail", args=[case.pk]),
                                        HTTP_ACCEPT_LANGUAGE="nl").content.decode())
    assert "Goedgekeurd" in history


def test_events_written_before_the_case_models_moved_to_cases_still_name_the_member(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    child = FamilyMemberFactory(case=case, given_names="Nour", surname="Rahimi")
    AuditEvent.objects.create(action=AuditEvent.Action.CHANGE, target_type="tracker.familymember",
                              target_id=str(child.pk), target_repr="Nour Rahimi", case_id=case.pk,
                              changes={"birth_date": ["2015-01-02", "2015-02-01"]})
    client.force_login(counsellor)

    history = history_of(client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode())

    assert "Nour Rahimi" in history and "Date of birth" in history and "birth_date" not in history
